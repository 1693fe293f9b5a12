//! The one pipeline behind `build`, `check` and `serve`: read → load → link → validate → plan → render.
//!
//! [`prepare`] runs everything up to a linked site and compiled templates; [`build`] and [`check`] differ only
//! in the sink they render into and in the extra warnings `check` reports.

use crate::diagnostics::codes;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{self, Config};
use crate::content::{self, library, Loaded};
use crate::diagnostics::{has_errors, normalize, Diagnostic, Sources};
use crate::i18n::Strings;
use crate::output::{NullSink, Sink, Staging};
use crate::progress::Progress;
use crate::render;
use crate::theme::Theme;

/// What the user asked for.
#[derive(Clone, Debug)]
pub struct Options {
    pub root: PathBuf,
    pub drafts: bool,
    pub base_url: Option<String>,
    /// "Now" for upcoming/past events; defaults to `SOURCE_DATE_EPOCH` or the clock.
    pub now: Option<jiff::Timestamp>,
    /// Show the render stages' progress when standard error is a terminal (`build`).
    pub progress: bool,
    /// Print how long each stage took to standard error (`SULUH_TIMINGS=1`; for the benchmark).
    pub timings: bool,
    /// Every warning is an error (`--strict`, for an office's CI): `build` then writes nothing.
    pub strict: bool,
    /// Write the service worker (when `offline.enabled`). `serve` does not: a worker would cache the preview,
    /// and its version, a hash of every page, would be worked out again after every save.
    pub service_worker: bool,
}

impl Options {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Options {
            root: root.into(),
            drafts: false,
            base_url: None,
            now: None,
            progress: false,
            timings: false,
            strict: false,
            service_worker: true,
        }
    }
}

/// A site ready to render.
pub struct Prepared {
    pub site: library::Site,
    /// Shared with the next run when it re-links only edited pages (the theme did not change).
    pub theme: Arc<Theme>,
    pub tera: Arc<tera::Tera>,
    /// Texts that diagnostics found while rendering point into (templates).
    pub sources: Arc<Sources>,
}

/// The result of a run: its diagnostics (sorted) and the texts they point into.
pub struct Outcome {
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Arc<Sources>,
    /// Files written (for `build`).
    pub written: usize,
    /// What each language is missing (for `check`'s summary table).
    pub gaps: crate::check::translations::Gaps,
}

impl Outcome {
    pub fn failed(&self) -> bool {
        has_errors(&self.diagnostics)
    }
}

/// Reads and checks `site.yaml`.
pub fn read_config(root: &Path, sources: &Sources) -> Result<Config, Vec<Diagnostic>> {
    let path = root.join(config::FILE_NAME);
    if path.is_dir() {
        return Err(vec![Diagnostic::error(
            codes::NO_SITE,
            format!("`{}` is a folder, not a file", config::FILE_NAME),
        )
        .in_file(config::FILE_NAME)
        .with_hint(
            "remove the folder and write the site configuration into a file named site.yaml",
        )]);
    }
    if !path.is_file() {
        return Err(vec![Diagnostic::error(
            codes::NO_SITE,
            format!("no `{}` in {}", config::FILE_NAME, root.display()),
        )
        .with_hint(
            "run Suluh in a site folder, pass --root DIR, or create a site with `suluh init DIR`",
        )]);
    }
    let text = content::read_text(config::FILE_NAME, &path, sources).map_err(|d| vec![d])?;
    sources.insert(config::FILE_NAME, text.clone());
    Config::parse(&text)
}

fn now(options: &Options, config: &Config) -> jiff::Zoned {
    let ts = options.now.unwrap_or_else(crate::clock::now);
    ts.to_zoned(config.timezone.clone())
}

fn read_i18n(
    root: &Path,
    sources: &Sources,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(String, Arc<str>)> {
    let dir = root.join("i18n");
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return files;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.extension().and_then(|e| e.to_str()) != Some("yaml") || !path.is_file() {
            continue;
        }
        let rel = content::site_relative(root, &path);
        match content::read_text(&rel, &path, sources) {
            Ok(text) => {
                sources.insert(&rel, text.clone());
                files.push((rel, text));
            }
            Err(d) => diags.push(d),
        }
    }
    files
}

/// Read, load, link and compile templates. Stops early only where later steps would have nothing to work on.
pub fn prepare(options: &Options, sources: &Arc<Sources>) -> (Option<Prepared>, Vec<Diagnostic>) {
    let run = prepare_in(options, sources, &mut LoadCache::one_shot(), false, None);
    (run.prepared, run.diagnostics)
}

/// The outcome of loading one Markdown file; the loaded file is shared with the cache, not copied.
type LoadResult = Result<(Arc<Loaded>, Vec<Diagnostic>), Vec<Diagnostic>>;

/// What reading `content/` and loading it gave: files to link, assets and problems.
struct ReadAndLoaded {
    loaded: Vec<Arc<Loaded>>,
    assets: Vec<content::AssetFile>,
    diagnostics: Vec<Diagnostic>,
}

/// What the cache knows of one Markdown file.
struct Entry {
    /// The fingerprint of the text last loaded ([`crate::fingerprint`]).
    fingerprint: u128,
    /// The loaded file, until a full link takes it: linking then owns it instead of copying it, so a large
    /// site is not held twice (here and in the site). Loaded again from the file when needed.
    loaded: Option<Arc<Loaded>>,
    /// Its warnings, or the errors that kept it from loading.
    diagnostics: Vec<Diagnostic>,
    failed: bool,
}

impl Entry {
    fn load(config: &Config, file: &content::SourceFile, fingerprint: u128) -> Entry {
        let (loaded, diagnostics) = match content::load_file(config, file) {
            Ok((l, warnings)) => (Some(Arc::new(l)), warnings),
            Err(errors) => (None, errors),
        };
        Entry {
            fingerprint,
            failed: loaded.is_none(),
            loaded,
            diagnostics,
        }
    }

    /// [`Entry::load`] for a text just read, telling `sources` what to keep of it: the text if a
    /// diagnostic points into it, else its fingerprint.
    fn load_kept(
        config: &Config,
        sources: &Sources,
        file: &content::SourceFile,
        fingerprint: u128,
    ) -> Entry {
        let entry = Entry::load(config, file, fingerprint);
        sources.keep(
            &file.path,
            &file.text,
            fingerprint,
            !entry.diagnostics.is_empty(),
        );
        entry
    }

    /// Whether it is up to date with the text of that fingerprint and holds its loaded file (unless that
    /// failed).
    fn holds(&self, fingerprint: u128) -> bool {
        self.fingerprint == fingerprint && (self.failed || self.loaded.is_some())
    }
}

/// A file loaded by [`LoadCache::load_all`]: its text's fingerprint and its entry.
type Reloaded = (u128, Entry);

/// Load results per file, for runs that repeat (`serve`): loading is a pure function of the configuration
/// and the file's text, so a run that links only edited pages loads only the files that changed. It also
/// keeps what the last run read from `content/`, so the next one reads only the files the watcher reported.
/// A run that links the whole site takes the loaded files (see [`Entry::loaded`]) and the next such run loads
/// them again.
#[derive(Default)]
pub struct LoadCache {
    /// The `site.yaml` text and base URL the entries were loaded with.
    config: Option<(Arc<str>, Option<String>)>,
    entries: HashMap<String, Entry>,
    /// A one-shot run (`build`, `check`) keeps nothing, so the results move to linking without a copy.
    forget: bool,
    /// The last listing of `content/`.
    listing: Option<content::Listing>,
    /// The listing can be brought up to date path by path (every folder could be listed).
    complete: bool,
    /// Paths reported changed that the listing has not taken in yet (a run that stopped before reading
    /// `content/` leaves them for the next).
    pending: BTreeSet<String>,
    /// The sources of the last run: every text the listing holds is in them.
    sources: Option<Arc<Sources>>,
}

/// The result of [`prepare_cached`].
pub struct Run {
    pub prepared: Option<Prepared>,
    pub diagnostics: Vec<Diagnostic>,
    /// Texts the diagnostics point into (layered over the last run's when only changed files were read).
    pub sources: Arc<Sources>,
    /// Markdown files whose text changed, appeared or disappeared since the previous run; `None` when
    /// everything was read again (then the caller must compare for itself).
    pub changed: Option<BTreeSet<String>>,
    /// Set when the site is the base's with only these pages linked again ([`library::relink`]): its
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

/// What bringing the cache up to date found out.
struct Refreshed {
    /// About `content/` itself (a folder that could not be listed).
    diagnostics: Vec<Diagnostic>,
    /// The Markdown files whose text changed (`None`: everything was read again).
    changed: Option<BTreeSet<String>>,
}

impl LoadCache {
    /// A cache for a single run: nothing is kept, nothing is copied.
    pub fn one_shot() -> Self {
        LoadCache {
            forget: true,
            ..LoadCache::default()
        }
    }

    /// Whether a reported path changes nothing: it is under `content/`, gone, and the last listing never held
    /// it. Editors that save through a temporary file (`sed -i`, JetBrains' safe write, vim's `4913` probe)
    /// report such a path next to the file they saved; it must not make an edit look like a new file.
    pub fn never_held(&self, root: &Path, path: &str) -> bool {
        let Some(listing) = self.listing.as_ref().filter(|_| self.complete) else {
            return false;
        };
        path.starts_with("content/")
            && matches!(std::fs::symlink_metadata(root.join(path)), Err(e) if e.kind() == std::io::ErrorKind::NotFound)
            && !listing.holds(path)
    }

    /// Reads `content/` and loads every Markdown file; with a cache kept between runs, only what changed.
    fn read_and_load(
        &mut self,
        root: &Path,
        sources: &Sources,
        config: &Config,
        key: (Arc<str>, Option<String>),
        incremental: bool,
    ) -> (ReadAndLoaded, Option<BTreeSet<String>>) {
        if self.forget {
            let (files, assets, diagnostics) = content::read(root, sources);
            // Each result has no other owner: it moves to linking without a copy.
            let loaded = files
                .par_iter()
                .map(|f| content::load_file(config, f).map(|(l, w)| (Arc::new(l), w)))
                .collect();
            return (Self::split(loaded, assets, diagnostics), None);
        }
        let refreshed = self.refresh(root, sources, config, key, incremental, true);
        (self.collect(refreshed.diagnostics), refreshed.changed)
    }

    /// Brings the listing of `content/` and the load results up to date: with `incremental`, reads only the
    /// paths reported since the last run, otherwise everything. With `all`, every file is then loaded (for a
    /// full link), else only the files whose text changed.
    fn refresh(
        &mut self,
        root: &Path,
        sources: &Sources,
        config: &Config,
        key: (Arc<str>, Option<String>),
        incremental: bool,
        all: bool,
    ) -> Refreshed {
        let mut reload = false;
        if self.config.as_ref() != Some(&key) {
            self.entries.clear();
            self.config = Some(key);
            reload = true;
        }
        let mut diagnostics = Vec::new();
        let paths = std::mem::take(&mut self.pending);
        let mut changed = None;
        let mut texts = Vec::new();
        let mut listing = self.listing.take().filter(|_| incremental && self.complete);
        if let Some(l) = &mut listing {
            match l.update(root, sources, &paths) {
                Ok((c, read)) => {
                    changed = Some(c);
                    texts = read;
                }
                // A folder could not be listed: read everything.
                Err(content::Unsure) => listing = None,
            }
        }
        let listing = match listing {
            Some(l) => l,
            None => {
                // Each file is loaded as soon as it is read, unless its entry is up to date.
                let entries = &self.entries;
                let (listing, loads, walk_diags) =
                    content::Listing::read_with(root, sources, |file, fingerprint| {
                        match entries.get(&file.path).filter(|e| e.holds(fingerprint)) {
                            Some(entry) => {
                                let needed = !entry.diagnostics.is_empty();
                                sources.keep(&file.path, &file.text, fingerprint, needed);
                                None
                            }
                            None => Some(Entry::load_kept(config, sources, file, fingerprint)),
                        }
                    });
                for (path, entry) in loads {
                    if let Some(entry) = entry {
                        self.entries.insert(path, entry);
                    }
                }
                // Only a listing that is complete can be brought up to date path by path next time.
                self.complete = walk_diags.is_empty();
                diagnostics.extend(walk_diags);
                listing
            }
        };
        let mut listing = listing;
        match &changed {
            // Only the changed files, for a run that links only those.
            Some(changed) if !reload && !all => {
                let texts: HashMap<&str, &content::SourceFile> =
                    texts.iter().map(|t| (t.path.as_str(), t)).collect();
                let fresh: Vec<(&String, Option<Entry>)> = changed
                    .par_iter()
                    .map(|path| {
                        // A listed file that changed was read just now.
                        let entry = listing
                            .file(path)
                            .zip(texts.get(path.as_str()))
                            .map(|(l, t)| Entry::load(config, t, l.fingerprint));
                        (path, entry)
                    })
                    .collect();
                for (path, entry) in fresh {
                    match entry {
                        Some(entry) => {
                            self.entries.insert(path.clone(), entry);
                        }
                        // Deleted, or it could not be read.
                        None => {
                            self.entries.remove(path);
                        }
                    }
                }
            }
            _ => self.load_all(&mut listing, root, sources, config, texts, &mut changed),
        }
        self.listing = Some(listing);
        Refreshed {
            diagnostics,
            changed,
        }
    }

    /// Every file's load result and problems, in the order of the listing, for linking the whole site; the
    /// loaded files move to the link step (all must be loaded first: [`LoadCache::load_all`]).
    fn collect(&mut self, mut diagnostics: Vec<Diagnostic>) -> ReadAndLoaded {
        let Some(listing) = &self.listing else {
            return ReadAndLoaded {
                loaded: Vec::new(),
                assets: Vec::new(),
                diagnostics,
            };
        };
        diagnostics.extend(listing.errors.iter().map(|(_, d)| d.clone()));
        let mut loaded = Vec::with_capacity(listing.files.len());
        for f in &listing.files {
            if let Some(entry) = self.entries.get_mut(&f.path) {
                loaded.extend(entry.loaded.take());
                diagnostics.extend(entry.diagnostics.iter().cloned());
            }
        }
        ReadAndLoaded {
            loaded,
            assets: listing.assets.clone(),
            diagnostics,
        }
    }

    /// Loads every listed file that the cache holds no loaded file for, and forgets files no longer listed.
    /// `texts` are those just read; the others are read again (the cache keeps no texts). A file found
    /// changed on disk meanwhile is added to `changed`.
    fn load_all(
        &mut self,
        listing: &mut content::Listing,
        root: &Path,
        sources: &Sources,
        config: &Config,
        texts: Vec<content::SourceFile>,
        changed: &mut Option<BTreeSet<String>>,
    ) {
        let entries = &self.entries;
        let texts: HashMap<String, content::SourceFile> =
            texts.into_iter().map(|t| (t.path.clone(), t)).collect();
        let stale: Vec<(&str, u128)> = listing
            .files
            .iter()
            .filter(|f| !entries.get(&f.path).is_some_and(|e| e.holds(f.fingerprint)))
            .map(|f| (f.path.as_str(), f.fingerprint))
            .collect();
        // A file with a text just read is loaded from it; the others are read again and loaded at once, so
        // their texts are not all in memory together.
        let loaded: Vec<(String, Result<Reloaded, Diagnostic>)> = stale
            .par_iter()
            .map(|&(path, listed)| {
                let loaded = match texts.get(path) {
                    Some(file) => Ok((listed, Entry::load(config, file, listed))),
                    None => content::read_again(root, sources, path).map(|file| {
                        let fingerprint = crate::fingerprint::of(file.text.as_bytes());
                        let entry = Entry::load_kept(config, sources, &file, fingerprint);
                        (fingerprint, entry)
                    }),
                };
                (path.to_string(), loaded)
            })
            .collect();
        for (path, loaded) in loaded {
            if listing.took_in(&path, loaded.as_ref().map(|(fingerprint, _)| *fingerprint)) {
                if let Some(changed) = changed {
                    changed.insert(path.clone());
                }
            }
            match loaded {
                Ok((_, entry)) => {
                    self.entries.insert(path, entry);
                }
                Err(_) => {
                    self.entries.remove(&path);
                }
            }
        }
        if self.entries.len() > listing.files.len() {
            let present: std::collections::HashSet<&str> =
                listing.files.iter().map(|f| f.path.as_str()).collect();
            self.entries
                .retain(|path, _| present.contains(path.as_str()));
        }
    }

    /// A file's entry with its loaded file (loaded again from disk if a full link took it); `None` if the
    /// cache has no such file or it can no longer be read.
    fn entry(
        &mut self,
        root: &Path,
        sources: &Sources,
        path: &str,
        config: &Config,
    ) -> Option<&Entry> {
        let entry = self.entries.get(path)?;
        if !entry.failed && entry.loaded.is_none() {
            // The listing keeps the fingerprint it last read: if the file changed since, the watcher reports
            // it and the next run finds it changed.
            let file = content::read_again(root, sources, path).ok()?;
            let fingerprint = crate::fingerprint::of(file.text.as_bytes());
            let entry = Entry::load_kept(config, sources, &file, fingerprint);
            self.entries.insert(path.to_string(), entry);
        }
        self.entries.get(path)
    }

    fn split(
        results: Vec<LoadResult>,
        assets: Vec<content::AssetFile>,
        mut diagnostics: Vec<Diagnostic>,
    ) -> ReadAndLoaded {
        let mut loaded = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok((l, warnings)) => {
                    loaded.push(l);
                    diagnostics.extend(warnings);
                }
                Err(e) => diagnostics.extend(e),
            }
        }
        ReadAndLoaded {
            loaded,
            assets,
            diagnostics,
        }
    }
}

/// [`prepare`] with a cache of load results kept between runs; `changes` are the site-relative paths that
/// changed since the previous run (`None`: unknown, read everything). With a `base` (the last good run) and
/// only Markdown files under `content/` changed since it, the base's site is updated for the edited pages
/// ([`library::relink`]) instead of linked again, when the edit leaves its structure as it was.
pub fn prepare_cached(
    options: &Options,
    cache: &mut LoadCache,
    changes: Option<&BTreeSet<String>>,
    base: Option<Base<'_>>,
) -> Run {
    let incremental = match (changes, &cache.listing, &cache.sources) {
        (Some(changes), Some(_), Some(_)) if cache.complete => {
            cache.pending.extend(changes.iter().cloned());
            true
        }
        _ => {
            cache.listing = None;
            cache.pending.clear();
            false
        }
    };
    // Texts of files not read again stay visible through the last run's sources.
    let sources = match (&cache.sources, incremental) {
        (Some(base), true) => Arc::new(Sources::over(base.clone())),
        _ => Arc::new(Sources::rooted(&options.root)),
    };
    let markdown_only = changes.is_some_and(|c| {
        c.iter()
            .all(|p| p.starts_with("content/") && p.ends_with(".md"))
    });
    // A base that cannot be used is dropped here, before the whole site is linked again.
    let run = match base.filter(|_| incremental && markdown_only) {
        Some(base) => match relink_edits(options, &sources, cache, &base) {
            Ok(run) => Run {
                base: Some(base.prepared),
                ..run
            },
            Err(refreshed) => {
                drop(base);
                prepare_in(options, &sources, cache, false, Some(refreshed))
            }
        },
        None => prepare_in(options, &sources, cache, incremental, None),
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
/// When the edits reach further ([`library::Structural`], a file gone, `content/` read again), hands back
/// what reading found, for a full run.
fn relink_edits(
    options: &Options,
    sources: &Arc<Sources>,
    cache: &mut LoadCache,
    base: &Base<'_>,
) -> Result<Run, Refreshed> {
    let clock = Clock::start(options.timings);
    let old = &base.prepared.site;
    // Neither site.yaml nor the base URL changed since the base: it is read from the base's texts.
    let key = (crate::data::load_key(sources), options.base_url.clone());
    let refreshed = cache.refresh(&options.root, sources, &old.config, key, true, false);
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
    let link_options = library::LinkOptions {
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
    let relinked = match library::relink(old, loaded, link_options, &loaded_of) {
        Ok(r) => r,
        Err(library::Structural) => return Err(refreshed),
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

/// Read, load and link everything (`refreshed`: `content/` was already read for this run).
fn prepare_in(
    options: &Options,
    sources: &Arc<Sources>,
    cache: &mut LoadCache,
    incremental: bool,
    refreshed: Option<Refreshed>,
) -> Run {
    let mut diags = Vec::new();
    let clock = Clock::start(options.timings);
    let fail = |diagnostics| Run {
        prepared: None,
        diagnostics,
        sources: sources.clone(),
        changed: None,
        relinked: None,
        base: None,
    };
    let config = match read_config(&options.root, sources) {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let mut config = match &options.base_url {
        Some(url) => config.with_base_url(url),
        None => config,
    };
    config.service_worker &= options.service_worker;
    let config = crate::data::read_into(config, &options.root, sources, &mut diags);
    let i18n_files = read_i18n(&options.root, sources, &mut diags);
    let strings = match Strings::load(&config, &i18n_files) {
        Ok(s) => Some(s),
        Err(e) => {
            diags.extend(e);
            None
        }
    };
    let theme = match Theme::load(&options.root, &config, sources) {
        Ok(t) => Some(t),
        Err(e) => {
            diags.extend(e);
            None
        }
    };
    let tera = match theme.as_ref().map(Theme::tera) {
        Some(Ok(t)) => Some(t),
        Some(Err(e)) => {
            diags.extend(e);
            None
        }
        None => None,
    };

    clock.lap("config, i18n, theme");
    let (read, changed) = match refreshed {
        Some(mut r) => {
            // Only the changed files were loaded: load the others too, then link everything.
            if let Some(mut listing) = cache.listing.take() {
                cache.load_all(
                    &mut listing,
                    &options.root,
                    sources,
                    &config,
                    Vec::new(),
                    &mut r.changed,
                );
                cache.listing = Some(listing);
            }
            (cache.collect(r.diagnostics), r.changed)
        }
        None => {
            let config_key = (crate::data::load_key(sources), options.base_url.clone());
            cache.read_and_load(&options.root, sources, &config, config_key, incremental)
        }
    };
    diags.extend(read.diagnostics);
    let (loaded, assets) = (read.loaded, read.assets);
    clock.lap("read and load (front matter, Markdown)");

    let (Some(strings), Some(theme), Some(tera)) = (strings, theme, tera) else {
        normalize(&mut diags);
        return Run {
            changed,
            ..fail(diags)
        };
    };
    let now = now(options, &config);
    let (site, link_diags) = library::link(
        config,
        strings,
        loaded,
        assets,
        library::LinkOptions {
            drafts: options.drafts,
            now,
        },
    );
    diags.extend(link_diags);
    let Some(site) = site else {
        normalize(&mut diags);
        return Run {
            changed,
            ..fail(diags)
        };
    };
    diags.extend(validate_templates(&site, &theme, sources));
    diags.extend(crate::data::glossary::check_links(&site, sources));
    clock.lap("link");
    normalize(&mut diags);
    Run {
        prepared: Some(Prepared {
            site,
            theme: Arc::new(theme),
            tera: Arc::new(tera),
            sources: sources.clone(),
        }),
        diagnostics: diags,
        sources: sources.clone(),
        changed,
        relinked: None,
        base: None,
    }
}

/// The load and link steps on texts held in memory, without reading the disk: `files` are (site-relative
/// path, text) pairs for `site.yaml`, `i18n/<lang>.yaml` and `content/**.md`; any other `content/` path is
/// an asset (a bundle image), named but never read. Fuzzing and property tests drive the same code as
/// `build` through it; the returned [`Sources`] let diagnostics be printed.
pub fn link_texts(
    files: &[(&str, &str)],
    drafts: bool,
) -> (Option<library::Site>, Vec<Diagnostic>, Arc<Sources>) {
    let sources = Arc::new(Sources::default());
    for (path, text) in files {
        sources.insert(path, Arc::from(*text));
    }
    let text_of = |wanted: &str| files.iter().find(|(p, _)| *p == wanted).map(|(_, t)| *t);
    let config = match Config::parse(text_of(config::FILE_NAME).unwrap_or_default()) {
        Ok(c) => c,
        Err(e) => return (None, e, sources),
    };
    let mut diags = Vec::new();
    let i18n: Vec<(String, Arc<str>)> = files
        .iter()
        .filter(|(p, _)| p.starts_with("i18n/"))
        .map(|(p, t)| (p.to_string(), Arc::from(*t)))
        .collect();
    let strings = match Strings::load(&config, &i18n) {
        Ok(s) => s,
        Err(e) => return (None, e, sources),
    };
    let mut loaded = Vec::new();
    let mut assets = Vec::new();
    for (path, text) in files.iter().filter(|(p, _)| p.starts_with("content/")) {
        if !path.ends_with(".md") {
            assets.push(content::AssetFile {
                rel: path["content/".len()..].to_string(),
                disk: PathBuf::from(path),
            });
            continue;
        }
        let file = content::SourceFile {
            path: path.to_string(),
            text: Arc::from(*text),
        };
        match content::load_file(&config, &file) {
            Ok((l, warnings)) => {
                loaded.push(Arc::new(l));
                diags.extend(warnings);
            }
            Err(e) => diags.extend(e),
        }
    }
    let now = jiff::Timestamp::UNIX_EPOCH.to_zoned(config.timezone.clone());
    let (site, link_diags) = library::link(
        config,
        strings,
        loaded,
        assets,
        library::LinkOptions { drafts, now },
    );
    diags.extend(link_diags);
    normalize(&mut diags);
    (site, diags, sources)
}

/// A page or section may only name a template that exists; the error points at the `template:` value.
fn validate_templates(site: &library::Site, theme: &Theme, sources: &Sources) -> Vec<Diagnostic> {
    let pages = site
        .pages
        .iter()
        .flat_map(|p| p.variants.iter().flatten())
        .map(|v| (v.file.as_str(), &v.front.template));
    let sections = site
        .sections
        .iter()
        .flat_map(|s| s.variants.iter().flatten())
        .filter_map(|v| Some((v.file.as_deref()?, &v.front.template)));
    check_templates(pages.chain(sections), theme, sources)
}

/// [`validate_templates`] for some files: (file, the template its front matter names).
fn check_templates<'a>(
    files: impl Iterator<Item = (&'a str, &'a Option<String>)>,
    theme: &Theme,
    sources: &Sources,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (file, name) in files {
        let Some(name) = name else { continue };
        if theme.has_template(name) {
            continue;
        }
        let text = sources.get(file).unwrap_or_default();
        let span = content::front_matter::split(file, &text)
            .map(|s| {
                let doc = crate::yaml::Doc {
                    file,
                    text: s.front,
                    offset: s.front_offset,
                };
                let r = doc.value_span_of(&["template"]);
                r.start + s.front_offset..r.end + s.front_offset
            })
            .unwrap_or(0..0);
        diags.push(
            Diagnostic::error(
                codes::MISSING_TEMPLATE,
                format!("missing template `{name}`"),
            )
            .at(file, span)
            .with_hint(crate::theme::template_hint(theme, name)),
        );
    }
    diags
}

/// Renders a prepared site into a sink; returns problems and the number of outputs.
pub fn render_into(
    prepared: &Prepared,
    sink: &dyn Sink,
    progress: &Progress,
) -> (Vec<Diagnostic>, usize) {
    let (jobs, mut diags) = render::plan(&prepared.site, &prepared.theme);
    if has_errors(&diags) {
        return (diags, 0);
    }
    diags.extend(render::run(prepared, &jobs, sink, progress));
    (diags, jobs.len())
}

/// `suluh build`: everything into a staging folder, swapped in only if there was no error.
pub fn build(options: &Options, output: &Path) -> Outcome {
    let sources = Arc::new(Sources::default());
    let (prepared, mut diags) = prepare(options, &sources);
    let mut written = 0;
    if let (Some(prepared), false) = (prepared, has_errors(&diags)) {
        // Rendering reports nothing inside Markdown sources (its diagnostics name templates, leaflet
        // sources and output files), so only the texts the diagnostics so far point into are still needed.
        let named: BTreeSet<&str> = diags.iter().filter_map(|d| d.file.as_deref()).collect();
        sources.release_content(|path| named.contains(path));
        // The one message a library function prints: the build would otherwise seem to hang.
        let waiting = || eprintln!("waiting for another build of {}…", output.display());
        match Staging::create(output, waiting) {
            Ok(staging) => {
                let progress = if options.progress {
                    Progress::on_terminal()
                } else {
                    Progress::hidden()
                };
                let clock = Clock::start(options.timings);
                let (render_diags, count) = render_into(&prepared, &staging, &progress);
                clock.lap("render (leaflets, pages, search)");
                diags.extend(render_diags);
                if options.strict {
                    crate::diagnostics::make_strict(&mut diags);
                }
                if !has_errors(&diags) {
                    let commit = staging.commit();
                    clock.lap("swap in the output");
                    match commit {
                        Ok(()) => written = count,
                        Err(e) => diags.push(
                            Diagnostic::error(codes::IO, format!("cannot replace the output folder {}: {e}", output.display()))
                                .with_hint("check that no other program holds the folder open and that it is writable"),
                        ),
                    }
                }
            }
            Err(e) => diags.push(
                Diagnostic::error(
                    codes::IO,
                    format!(
                        "cannot create a staging folder beside {}: {e}",
                        output.display()
                    ),
                )
                .with_hint("check that the output's parent folder exists and is writable"),
            ),
        }
    }
    normalize(&mut diags);
    Outcome {
        diagnostics: diags,
        sources,
        written,
        gaps: Default::default(),
    }
}

/// `suluh check`: everything `build` validates (templates are rendered, output discarded), plus warnings
/// about missing translations and UI strings and the editorial rules; with `external`, also the external
/// links (the only network access in Suluh).
pub fn check(options: &Options, external: Option<&crate::check::external::Settings>) -> Outcome {
    let sources = Arc::new(Sources::default());
    let (prepared, mut diags) = prepare(options, &sources);
    let mut gaps = Default::default();
    if let Some(prepared) = &prepared {
        if !has_errors(&diags) {
            diags.extend(render_into(prepared, &NullSink, &Progress::hidden()).0);
        }
        diags.extend(crate::check::translations::warnings(&prepared.site));
        gaps = crate::check::translations::find(&prepared.site);
        diags.extend(crate::check::run(&prepared.site, &sources));
        if let Some(settings) = external {
            diags.extend(crate::check::external::check(&prepared.site, settings));
        }
    }
    if options.strict {
        crate::diagnostics::make_strict(&mut diags);
    }
    normalize(&mut diags);
    Outcome {
        diagnostics: diags,
        sources,
        written: 0,
        gaps,
    }
}

/// What `suluh leaflet` was asked for.
pub struct LeafletRequest {
    /// The page as a content path: `paspor/paspor-baru` (a `.md` suffix or `content/` prefix is accepted).
    pub page: String,
    pub lang: Option<String>,
    pub layout: Option<crate::config::LeafletLayout>,
}

/// A leaflet rendered on demand, with the name it would have in the build (`<slug>.<lang>.pdf`).
pub struct RenderedLeaflet {
    pub pdf: Vec<u8>,
    pub file_name: String,
}

/// `suluh leaflet`: renders one page's leaflet on demand (whether or not its front matter asks for one).
pub fn leaflet(options: &Options, request: &LeafletRequest) -> (Option<RenderedLeaflet>, Outcome) {
    let sources = Arc::new(Sources::default());
    let (prepared, mut diags) = prepare(options, &sources);
    let mut pdf = None;
    if let (Some(prepared), false) = (prepared, has_errors(&diags)) {
        match find_leaflet_page(&prepared.site, request) {
            Err(d) => diags.push(d),
            Ok((page, lang)) => {
                let site = &prepared.site;
                let p = &site.pages[page];
                let layout = request
                    .layout
                    .unwrap_or_else(|| render::leaflets::layout_of(site, p, lang));
                match render::leaflets::Leaflets::load(&prepared.theme, &sources) {
                    Err(d) => diags.push(d),
                    Ok(engine) => match engine.render(site, p, lang, layout, &sources) {
                        Ok(bytes) => {
                            pdf = Some(RenderedLeaflet {
                                pdf: bytes,
                                file_name: format!(
                                    "{}.{}.pdf",
                                    p.shown(lang).0.slug,
                                    site.config.languages[lang].code
                                ),
                            })
                        }
                        Err(d) => diags.extend(d),
                    },
                }
            }
        }
    }
    normalize(&mut diags);
    (
        pdf,
        Outcome {
            diagnostics: diags,
            sources,
            written: 0,
            gaps: Default::default(),
        },
    )
}

fn find_leaflet_page(
    site: &library::Site,
    request: &LeafletRequest,
) -> Result<(usize, usize), Diagnostic> {
    let key = request.page.trim_matches('/');
    let key = key.strip_prefix("content/").unwrap_or(key);
    let key = key.strip_suffix(".md").unwrap_or(key);
    let key = key.strip_suffix("/index").unwrap_or(key);
    let Some(page) = site.pages.iter().position(|p| p.key == key) else {
        let hint = match crate::diagnostics::did_you_mean(
            key,
            site.pages.iter().map(|p| p.key.as_str()),
        ) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "give the page's path under content/ without `.md`, e.g. `paspor/paspor-baru`"
                .to_string(),
        };
        return Err(
            Diagnostic::error(codes::UNKNOWN_PAGE, format!("no page `{key}`")).with_hint(hint),
        );
    };
    let lang = match &request.lang {
        None => 0,
        Some(code) => site.config.language_index(code).ok_or_else(|| {
            Diagnostic::error(
                codes::UNKNOWN_LANGUAGE,
                format!("unknown language code `{code}`"),
            )
            .with_hint(format!(
                "site languages: {}",
                site.config.language_codes().collect::<Vec<_>>().join(", ")
            ))
        })?,
    };
    if site.pages[page].variants[lang].is_none() {
        return Err(Diagnostic::error(
            codes::UNTRANSLATED,
            format!(
                "`{key}` has no {} version",
                site.config.languages[lang].name
            ),
        )
        .with_hint(format!(
            "translate it first (content/{key}.{}.md), or choose another --lang",
            site.config.languages[lang].code
        )));
    }
    Ok((page, lang))
}

/// Stage times for `SULUH_TIMINGS=1`: each lap prints the time since the previous one.
pub(crate) struct Clock(Option<std::cell::Cell<std::time::Instant>>);

impl Clock {
    pub(crate) fn start(on: bool) -> Self {
        Clock(on.then(|| std::cell::Cell::new(std::time::Instant::now())))
    }

    pub(crate) fn lap(&self, stage: &str) {
        if let Some(last) = &self.0 {
            let now = std::time::Instant::now();
            eprintln!(
                "timing: {stage}: {:.1} ms",
                (now - last.get()).as_secs_f64() * 1000.0
            );
            last.set(now);
        }
    }
}
