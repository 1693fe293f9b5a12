//! `serve`'s runs: the pipeline of [`super::prepare`] over a [`LoadCache`] kept between runs, and, when only
//! pages' Markdown changed since the last good run, the link step for those pages alone
//! ([`relink::relink`]) over that run's site.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::cache::{ConfigKey, LoadCache, Loading, Reading, Refreshed};
use super::templates::check_templates;
use super::{now, prepare_in, Clock, Options, Prepared, Read};
use crate::content::{link, relink};
use crate::diagnostics::{normalize, Diagnostic, Sources};

/// The result of [`prepare_cached`].
pub struct Run {
    pub prepared: Option<Prepared>,
    pub diagnostics: Vec<Diagnostic>,
    /// Texts the diagnostics point into (layered over the last run's when only changed files were read).
    pub sources: Arc<Sources>,
    /// Markdown files whose text changed, appeared or disappeared since the previous run; `None` when
    /// everything was read again (then the caller must compare for itself).
    pub changed: Option<BTreeSet<String>>,
    /// Set when the site is the base's with only these pages linked again ([`relink::relink`]): its
    /// structure, and so its outputs' paths, are the base's.
    pub relinked: Option<Vec<usize>>,
    /// The base's model, handed back unless the run linked the whole site (then it was dropped first).
    pub base: Option<Arc<Prepared>>,
}

/// The last good run of a series (`serve`), which [`prepare_cached`] updates in place of linking the whole
/// site again when only pages' Markdown changed since.
pub struct Base<'a> {
    /// Owned, so that a run that must link the whole site can drop it first: two models of a large site
    /// would take more memory than a whole `build`.
    pub prepared: Arc<Prepared>,
    /// That run's diagnostics from reading to linking (not rendering).
    pub diagnostics: &'a [Diagnostic],
    /// Markdown files changed since that run, as the runs in between reported them.
    pub changed: &'a BTreeSet<String>,
}

/// [`prepare`] with a cache of load results kept between runs; `changes` are the site-relative paths that
/// changed since the previous run (`None`: unknown, read everything). With a `base` (the last good run) and
/// only Markdown files under `content/` changed since it, the base's site is updated for the edited pages
/// ([`relink::relink`]) instead of linked again, when the edit leaves its structure as it was.
pub fn prepare_cached(
    options: &Options,
    cache: &mut LoadCache,
    changes: Option<&BTreeSet<String>>,
    base: Option<Base<'_>>,
) -> Run {
    let reading = match (changes, &cache.listing, &cache.sources) {
        (Some(changes), Some(_), Some(_)) if cache.complete => {
            cache.pending.extend(changes.iter().cloned());
            Reading::Reported
        }
        _ => {
            cache.listing = None;
            cache.pending.clear();
            Reading::Everything
        }
    };
    // Texts of files not read again stay visible through the last run's sources.
    let sources = match (&cache.sources, reading) {
        (Some(base), Reading::Reported) => Arc::new(Sources::over(base.clone())),
        _ => Arc::new(Sources::rooted(&options.root)),
    };
    let markdown_only = changes.is_some_and(|c| {
        c.iter()
            .all(|p| p.starts_with("content/") && p.ends_with(".md"))
    });
    // A base that cannot be used is dropped here, before the whole site is linked again.
    let run = match base.filter(|_| reading == Reading::Reported && markdown_only) {
        Some(base) => match relink_edits(options, &sources, cache, &base) {
            Ok(run) => Run {
                base: Some(base.prepared),
                ..run
            },
            Err(refreshed) => {
                drop(base);
                prepare_in(options, &sources, cache, Read::Done(refreshed))
            }
        },
        None => prepare_in(options, &sources, cache, Read::Pending(reading)),
    };
    // As in `build`: from here on only the diagnostics found so far point into content. The texts they do
    // not name are read again from disk if a later run needs them, so a long session holds no more than a
    // build does.
    let named: std::collections::HashSet<&str> = run
        .diagnostics
        .iter()
        .filter_map(|d| d.file.as_deref())
        .collect();
    sources.release_content(|path| named.contains(path));
    cache.sources = Some(sources);
    run
}

/// Reads the reported Markdown files and re-links only the pages they belong to, over the base's site.
/// When the edits reach further ([`relink::Structural`], a file gone, `content/` read again), hands back
/// what reading found, for a full run.
fn relink_edits(
    options: &Options,
    sources: &Arc<Sources>,
    cache: &mut LoadCache,
    base: &Base<'_>,
) -> Result<Run, Refreshed> {
    let clock = Clock::start(options.timings);
    let old = &base.prepared.site;
    // Neither site.yaml, the glossary nor the base URL changed since the base: they are read from the base's
    // texts.
    let key = ConfigKey {
        texts: crate::data::load_key(sources),
        base_url: options.base_url.clone(),
    };
    let refreshed = cache.refresh(
        &options.root,
        sources,
        &old.config,
        key,
        Reading::Reported,
        Loading::Changed,
    );
    let Some(changed) = &refreshed.changed else {
        return Err(refreshed);
    };
    clock.lap("read and load (changed files)");
    let mut edits: BTreeSet<&String> = base.changed.iter().collect();
    edits.extend(changed);
    let mut diags: Vec<Diagnostic> = base
        .diagnostics
        .iter()
        .filter(|d| d.file.as_ref().is_none_or(|f| !edits.contains(f)))
        .cloned()
        .collect();
    let mut loaded = Vec::new();
    for file in &edits {
        // Deleted, or could not be read: for a full run.
        let Some(entry) = cache.entry(&options.root, sources, file, &old.config) else {
            return Err(refreshed);
        };
        // A file that failed to load keeps its last good version for linking: the run fails, showing only
        // the file's own problems, not those of every link to it.
        loaded.extend(entry.loaded.clone());
        diags.extend(entry.diagnostics.iter().cloned());
    }
    let link_options = link::LinkOptions {
        drafts: options.drafts,
        now: now(options, &old.config),
    };
    // Files whose links are checked again (they point at headings of the edited pages), loaded on demand.
    let entries = std::cell::RefCell::new(&mut *cache);
    let loaded_of = |f: &str| {
        let mut cache = entries.borrow_mut();
        cache
            .entry(&options.root, sources, f, &old.config)?
            .loaded
            .clone()
    };
    let relinked = match relink::relink(old, loaded, link_options, &loaded_of) {
        Ok(r) => r,
        Err(relink::Structural) => return Err(refreshed),
    };
    diags.extend(relinked.diagnostics);
    let site = relinked.site;
    let edited = relinked.pages.iter().flat_map(|&p| {
        site.pages[p]
            .variants
            .iter()
            .flatten()
            .filter(|v| edits.contains(&v.file))
            .map(|v| (v.file.as_str(), &v.front.template))
    });
    diags.extend(check_templates(edited, &base.prepared.theme, sources));
    normalize(&mut diags);
    clock.lap("relink (edited pages)");
    Ok(Run {
        prepared: Some(Prepared {
            site,
            theme: base.prepared.theme.clone(),
            tera: base.prepared.tera.clone(),
            sources: sources.clone(),
        }),
        diagnostics: diags,
        sources: sources.clone(),
        changed: refreshed.changed,
        relinked: Some(relinked.pages),
        base: None,
    })
}
