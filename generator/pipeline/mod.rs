//! The one pipeline behind `build`, `check` and `serve`: read → load → link → validate → plan → render.
//!
//! [`prepare`] runs everything up to a linked site and compiled templates; [`build`] and [`check`] differ only
//! in the sink they render into and in the extra warnings `check` reports. `serve` runs the same stages over
//! a cache of load results ([`cache`]) and, for an edit of pages alone, links only those ([`incremental`]);
//! `suluh leaflet` prepares the site the same way and renders one PDF ([`leaflet`]).

mod cache;
mod incremental;
mod leaflet;
mod templates;

pub use cache::LoadCache;
pub use incremental::{prepare_cached, Base, Run};
pub use leaflet::{leaflet, LeafletRequest, RenderedLeaflet};

use cache::{ConfigKey, Reading, Refreshed};
use templates::validate_templates;

use crate::diagnostics::codes;
use crate::messages::io_reason;
use crate::msg;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, Config};
use crate::content::{self, link, site};
use crate::diagnostics::{has_errors, normalize, Diagnostic, Sources};
use crate::i18n::Strings;
use crate::output::{NullSink, Sink, Staging};
use crate::progress::Progress;
use crate::render;
use crate::theme::Theme;

/// The most files or pages one worker takes as a part that no other worker can take from. Rayon splits a
/// range only a few times unless a thief asks, and a part already started cannot be split: without a
/// bound, the last part of a stage (a few hundred pages) kept one core busy while the others waited.
pub(crate) const PART: usize = 8;

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
    /// The process ends right after this build (`suluh build`): the site's memory is left for the system
    /// to take back at exit instead of being freed allocation by allocation.
    pub exits_after: bool,
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
            exits_after: false,
        }
    }
}

/// A site ready to render.
pub struct Prepared {
    pub site: site::Site,
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
            msg!("site-yaml-is-folder"),
        )
        .in_file(config::FILE_NAME)
        .with_hint(msg!("hint-site-yaml-is-folder"))]);
    }
    if !path.is_file() {
        return Err(vec![Diagnostic::error(
            codes::NO_SITE,
            msg!("no-site-yaml", folder = root.display().to_string()),
        )
        .with_hint(msg!("hint-no-site-yaml"))]);
    }
    let text = content::read_text(config::FILE_NAME, &path, sources).map_err(|d| vec![d])?;
    sources.insert(config::FILE_NAME, text.clone());
    crate::messages::use_site_choice(config::messages_choice(&text));
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
    let run = prepare_in(
        options,
        sources,
        &mut LoadCache::one_shot(),
        Read::Pending(Reading::Everything),
    );
    (run.prepared, run.diagnostics)
}

/// How far a run has read `content/` when [`prepare_in`] takes over.
enum Read {
    /// Not yet: read it as `Reading` says.
    Pending(Reading),
    /// Already, for a relink that the edit turned out to reach beyond.
    Done(Refreshed),
}

/// Reads and loads `content/` as far as `read` says it is not done yet.
fn read_content(
    options: &Options,
    sources: &Arc<Sources>,
    cache: &mut LoadCache,
    read: Read,
    config: &Config,
) -> (cache::ReadAndLoaded, Option<BTreeSet<String>>) {
    match read {
        Read::Done(mut r) => {
            // Only the changed files were loaded: load the others too, then link everything.
            if let Some(mut listing) = cache.listing.take() {
                cache.load_all(
                    &mut listing,
                    &options.root,
                    sources,
                    config,
                    Vec::new(),
                    &mut r.changed,
                );
                cache.listing = Some(listing);
            }
            (cache.collect(r.diagnostics), r.changed)
        }
        Read::Pending(reading) => {
            let key = ConfigKey {
                texts: crate::data::load_key(sources),
                base_url: options.base_url.clone(),
            };
            cache.read_and_load(&options.root, sources, config, key, reading)
        }
    }
}

/// Read, load and link everything.
fn prepare_in(options: &Options, sources: &Arc<Sources>, cache: &mut LoadCache, read: Read) -> Run {
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
    clock.lap("config, i18n, theme");
    // The templates compile on one core while the others read the content; neither needs the other.
    let (tera, (read, changed)) = rayon::join(
        || theme.as_ref().map(Theme::tera),
        || read_content(options, sources, cache, read, &config),
    );
    let tera = match tera {
        Some(Ok(t)) => Some(t),
        Some(Err(e)) => {
            diags.extend(e);
            None
        }
        None => None,
    };
    diags.extend(read.diagnostics);
    let (loaded, assets) = (read.loaded, read.assets);
    clock.lap("read and load (front matter, Markdown), compile templates");

    let (Some(strings), Some(theme), Some(tera)) = (strings, theme, tera) else {
        normalize(&mut diags);
        return Run {
            changed,
            ..fail(diags)
        };
    };
    let now = now(options, &config);
    let (site, link_diags) = link::link(
        config,
        strings,
        loaded,
        assets,
        link::LinkOptions {
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
) -> (Option<site::Site>, Vec<Diagnostic>, Arc<Sources>) {
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
    let (site, link_diags) = link::link(
        config,
        strings,
        loaded,
        assets,
        link::LinkOptions { drafts, now },
    );
    diags.extend(link_diags);
    normalize(&mut diags);
    (site, diags, sources)
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
        let waiting = || {
            eprintln!(
                "{}",
                msg!("build-waiting", folder = output.display().to_string())
            )
        };
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
                            Diagnostic::error(
                                codes::IO,
                                msg!(
                                    "cannot-replace-output",
                                    folder = output.display().to_string(),
                                    reason = io_reason(&e)
                                ),
                            )
                            .with_hint(msg!("hint-cannot-replace-output")),
                        ),
                    }
                }
            }
            Err(e) => diags.push(
                Diagnostic::error(
                    codes::IO,
                    msg!(
                        "cannot-create-staging",
                        folder = output.display().to_string(),
                        reason = io_reason(&e)
                    ),
                )
                .with_hint(msg!("hint-cannot-create-staging")),
            ),
        }
        // Freeing the site (hundreds of thousands of small allocations at 1,000 guides a language) is
        // 10 ms or more of one thread at the very end, and the allocator then hands the pages back to the
        // system one by one, only for the process to end. A caller that goes on frees it on another thread.
        if options.exits_after {
            std::mem::forget(prepared);
        } else {
            std::thread::spawn(move || drop(prepared));
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
