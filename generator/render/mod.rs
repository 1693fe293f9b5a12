//! Rendering: the site becomes a list of output jobs ([`plan`]), then every job is rendered in parallel into
//! a [`Sink`] ([`run`]). Each job gets only its own context, so what an output depends on is explicit.

mod context;
pub mod deps;
pub mod fees;
pub mod glossary;
pub mod leaflets;
pub mod posters;

use crate::diagnostics::codes;
use crate::msg;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::content::site::Site;
use crate::diagnostics::Diagnostic;
use crate::messages::io_reason;
use crate::output::{OutputPath, Sink};
use crate::progress::Progress;
use crate::theme::{FileSource, Theme};

pub use context::{body_html, Shared};

/// One output file to produce.
#[derive(Clone, Debug)]
pub enum Job {
    Page {
        page: usize,
        lang: usize,
    },
    /// A section listing; `pager` is 0-based.
    Section {
        section: usize,
        lang: usize,
        pager: usize,
    },
    TagIndex {
        lang: usize,
    },
    Tag {
        lang: usize,
        slug: String,
    },
    Search {
        lang: usize,
    },
    /// The glossary page of a language (from `data/glossary.yaml`).
    Glossary {
        lang: usize,
    },
    /// A page's print leaflet (PDF) in one language.
    Leaflet {
        page: usize,
        lang: usize,
    },
    /// A leaflet page's poster (PDF, A4 portrait) in one language.
    Poster {
        page: usize,
        lang: usize,
    },
    /// An event page's pack (cover sheet and its handouts' leaflets, PDF) in the page's language.
    Pack {
        page: usize,
        lang: usize,
    },
    /// The search index files of a language (several outputs under `search/<lang>/`).
    SearchIndex {
        lang: usize,
    },
    NotFound {
        lang: usize,
    },
    Feed {
        lang: usize,
    },
    Sitemap,
    Alias {
        page: usize,
        lang: usize,
    },
    /// An event page's iCalendar file in one language.
    EventCalendar {
        page: usize,
        lang: usize,
    },
    /// A language's iCalendar feed of upcoming events.
    EventFeed {
        lang: usize,
    },
    /// One of the site's icons ([`crate::offline::ICONS`]), drawn from its SVG.
    Icon {
        name: &'static str,
    },
    /// A language's web app manifest.
    WebManifest {
        lang: usize,
    },
    /// A language's offline page, shown for pages not kept by the service worker.
    Offline {
        lang: usize,
    },
    /// The service worker script.
    ServiceWorker,
    /// A share card (PNG): the site's (`section` `None`) or a section's, in one language.
    Card {
        section: Option<usize>,
        lang: usize,
    },
    Static {
        source: FileSource,
    },
    Asset {
        from: PathBuf,
    },
}

/// A job and where its output goes.
#[derive(Clone, Debug)]
pub struct Planned {
    pub out: OutputPath,
    pub job: Job,
    /// What asked for this output (a file path), for collision messages.
    pub origin: String,
}

/// Lists every output of the site. Unsafe or colliding paths are errors naming the file responsible.
pub fn plan(site: &Site, theme: &Theme) -> (Vec<Planned>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut jobs: Vec<Planned> = Vec::new();
    let langs = site.config.languages.len();
    let mut push = |path: String, job: Job, origin: String, diags: &mut Vec<Diagnostic>| {
        match OutputPath::new(&path) {
            Ok(out) => jobs.push(Planned { out, job, origin }),
            Err(e) => diags.push(
                Diagnostic::error(
                    codes::OUTPUT_ESCAPE,
                    msg!("output-escape", path = &e.path, reason = e.reason),
                )
                .in_file(origin.clone())
                .with_hint(msg!("hint-output-escape")),
            ),
        }
    };

    for (pi, page) in site.pages.iter().enumerate() {
        for lang in 0..langs {
            let (variant, _) = page.shown(lang);
            push(
                format!("{}index.html", page.paths[lang]),
                Job::Page { page: pi, lang },
                variant.file.clone(),
                &mut diags,
            );
        }
        for v in page.variants.iter().flatten() {
            for alias in &v.front.aliases {
                // Loading the page reported an alias outside the site, where it is written.
                if !crate::content::alias_inside_site(alias) {
                    continue;
                }
                let trimmed = alias.trim().trim_start_matches('/').trim_end_matches('/');
                push(
                    format!("{trimmed}/index.html"),
                    Job::Alias {
                        page: pi,
                        lang: v.lang,
                    },
                    v.file.clone(),
                    &mut diags,
                );
            }
        }
        for lang in 0..langs {
            if page.shown(lang).0.event.is_some() {
                push(
                    crate::calendar::event_path(page, lang),
                    Job::EventCalendar { page: pi, lang },
                    page.shown(lang).0.file.clone(),
                    &mut diags,
                );
            }
        }
        for lang in 0..langs {
            if leaflets::wanted(site, page, lang) {
                let (variant, _) = page.shown(lang);
                push(
                    leaflets::output_path(site, page, lang),
                    Job::Leaflet { page: pi, lang },
                    variant.file.clone(),
                    &mut diags,
                );
            }
            if posters::poster_wanted(site, page, lang) {
                push(
                    posters::poster_path(site, page, lang),
                    Job::Poster { page: pi, lang },
                    page.shown(lang).0.file.clone(),
                    &mut diags,
                );
            }
            if posters::pack_wanted(site, page, lang) {
                push(
                    posters::pack_path(site, page, lang),
                    Job::Pack { page: pi, lang },
                    page.shown(lang).0.file.clone(),
                    &mut diags,
                );
            }
        }
        if let Some(bundle) = &page.bundle_dir {
            let prefix = format!("{bundle}/");
            for asset in site.assets.iter().filter(|a| a.rel.starts_with(&prefix)) {
                let inner = &asset.rel[prefix.len()..];
                for lang in 0..langs {
                    push(
                        format!("{}{inner}", page.paths[lang]),
                        Job::Asset {
                            from: asset.disk.clone(),
                        },
                        format!("content/{}", asset.rel),
                        &mut diags,
                    );
                }
            }
        }
    }
    // Assets outside bundles keep their place relative to content/.
    let bundles: Vec<String> = site
        .pages
        .iter()
        .filter_map(|p| p.bundle_dir.as_ref().map(|b| format!("{b}/")))
        .collect();
    for asset in &site.assets {
        if !bundles.iter().any(|b| asset.rel.starts_with(b.as_str())) {
            push(
                asset.rel.clone(),
                Job::Asset {
                    from: asset.disk.clone(),
                },
                format!("content/{}", asset.rel),
                &mut diags,
            );
        }
    }
    for (si, section) in site.sections.iter().enumerate() {
        for lang in 0..langs {
            let (variant, _) = section.shown(lang);
            let origin = variant
                .file
                .clone()
                .unwrap_or_else(|| format!("content/{}", section.dir));
            let pagers = pager_count(section.pages[lang].len(), variant.front.paginate_by);
            for pager in 0..pagers {
                let path = if pager == 0 {
                    format!("{}index.html", section.paths[lang])
                } else {
                    format!("{}page/{}/index.html", section.paths[lang], pager + 1)
                };
                push(
                    path,
                    Job::Section {
                        section: si,
                        lang,
                        pager,
                    },
                    origin.clone(),
                    &mut diags,
                );
            }
        }
    }
    for lang in 0..langs {
        let prefix = site.config.lang_path(lang, "");
        push(
            format!("{prefix}search/index.html"),
            Job::Search { lang },
            "search page".into(),
            &mut diags,
        );
        if site.config.search_enabled {
            let folder = crate::search::folder(site, lang);
            push(
                format!("{folder}manifest.json"),
                Job::SearchIndex { lang },
                "search index".into(),
                &mut diags,
            );
        }
        if glossary::wanted(site) {
            push(
                format!("{prefix}{}index.html", glossary::GLOSSARY_PATH),
                Job::Glossary { lang },
                crate::data::glossary::GLOSSARY_FILE.into(),
                &mut diags,
            );
        }
        push(
            format!("{prefix}404.html"),
            Job::NotFound { lang },
            "404 page".into(),
            &mut diags,
        );
        push(
            format!("{prefix}atom.xml"),
            Job::Feed { lang },
            "feed".into(),
            &mut diags,
        );
        if crate::calendar::has_events(site) {
            push(
                crate::calendar::feed_path(site, lang),
                Job::EventFeed { lang },
                "calendar feed".into(),
                &mut diags,
            );
        }
        if !site.tags[lang].is_empty() {
            push(
                format!("{prefix}tags/index.html"),
                Job::TagIndex { lang },
                "tags".into(),
                &mut diags,
            );
        }
        for slug in site.tags[lang].keys() {
            push(
                format!("{prefix}tags/{slug}/index.html"),
                Job::Tag {
                    lang,
                    slug: slug.clone(),
                },
                format!("tag `{slug}`"),
                &mut diags,
            );
        }
    }
    push(
        "sitemap.xml".into(),
        Job::Sitemap,
        "sitemap".into(),
        &mut diags,
    );
    for lang in 0..langs {
        let cards = std::iter::once(None).chain((1..site.sections.len()).map(Some));
        for section in cards {
            push(
                leaflets::card_path(site, section, lang),
                Job::Card { section, lang },
                "share card".into(),
                &mut diags,
            );
        }
    }
    for (name, _) in crate::offline::ICONS {
        if !crate::offline::provided(theme, name) {
            push(
                name.to_string(),
                Job::Icon { name },
                "site icon".into(),
                &mut diags,
            );
        }
    }
    if site.config.offline {
        for lang in 0..langs {
            push(
                crate::offline::manifest_path(site, lang),
                Job::WebManifest { lang },
                "web app manifest".into(),
                &mut diags,
            );
            push(
                format!("{}index.html", crate::offline::offline_path(site, lang)),
                Job::Offline { lang },
                "offline page".into(),
                &mut diags,
            );
        }
        if site.config.service_worker {
            push(
                "sw.js".into(),
                Job::ServiceWorker,
                "service worker".into(),
                &mut diags,
            );
        }
    }
    for (path, source) in &theme.statics {
        push(
            path.clone(),
            Job::Static {
                source: source.clone(),
            },
            format!("static/{path}"),
            &mut diags,
        );
    }

    // Two outputs on one path would silently overwrite each other.
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for j in &jobs {
        if let Some(first) = seen.insert(j.out.as_str(), &j.origin) {
            if first != j.origin || !matches!(j.job, Job::Asset { .. }) {
                diags.push(
                    Diagnostic::error(
                        codes::OUTPUT_CONFLICT,
                        msg!(
                            "output-conflict",
                            path = j.out.as_str(),
                            first = first.to_string(),
                            second = &j.origin
                        ),
                    )
                    .in_file(j.origin.clone())
                    .with_hint(msg!("hint-output-conflict")),
                );
            }
        }
    }
    (jobs, diags)
}

/// Number of listing pages for `count` pages (at least one, so an empty section still has its page).
pub fn pager_count(count: usize, paginate_by: Option<usize>) -> usize {
    match paginate_by {
        Some(n) if n > 0 => count.div_ceil(n).max(1),
        _ => 1,
    }
}

/// Renders every job into the sink, in parallel; returns all problems found.
pub fn run(
    prepared: &crate::pipeline::Prepared,
    jobs: &[Planned],
    sink: &dyn Sink,
    progress: &Progress,
) -> Vec<Diagnostic> {
    let (site, theme, tera) = (&prepared.site, &prepared.theme, &prepared.tera);
    let search: Vec<&Planned> = jobs
        .iter()
        .filter(|j| matches!(j.job, Job::SearchIndex { .. }))
        .collect();
    let search_diags = Mutex::new(Vec::new());
    // Indexes finished, and whether the display has reached the search stage (it shows them then).
    let (indexed, search_shown) = (AtomicUsize::new(0), AtomicBool::new(false));
    let mut diags = Vec::new();
    rayon::scope(|scope| {
        // The search indexes need neither leaflets nor pages: they start at once and the other
        // threads take them while this one renders, so indexing never adds a stage of its own.
        for planned in &search {
            let (search_diags, indexed, search_shown) = (&search_diags, &indexed, &search_shown);
            scope.spawn(move |_| {
                if let Job::SearchIndex { lang } = planned.job {
                    if let Err(d) = write_all(sink, crate::search::build(site, lang)) {
                        lock(search_diags).push(d);
                    }
                }
                let done = indexed.fetch_add(1, Ordering::SeqCst) + 1;
                if search_shown.load(Ordering::SeqCst) {
                    progress.set(done);
                }
            });
        }
        // Leaflets first: each web page links its leaflet with the PDF's size.
        let (leaflet_sizes, leaflet_diags) = run_leaflets(prepared, jobs, sink, progress);
        diags = leaflet_diags;
        let shared = Shared::new(site, theme, leaflet_sizes);
        let others = jobs.len() - search.len() - leaflet_count(jobs);
        progress.stage(&msg!("stage-pages").show(), others);
        diags.extend(
            by_weight(jobs)
                .par_iter()
                // See `pipeline::PART`: one unbounded part of a few hundred pages kept one thread busy for
                // the last tenth of a large build.
                .with_max_len(PART)
                .map_init(context::Layers::default, |layers, planned| {
                    let result = match &planned.job {
                        Job::Leaflet { .. }
                        | Job::Poster { .. }
                        | Job::Pack { .. }
                        | Job::Card { .. }
                        | Job::SearchIndex { .. } => return None,
                        Job::Static { source } => match source {
                            FileSource::Builtin(bytes) => sink.put(&planned.out, bytes),
                            FileSource::Disk(path) => sink.copy(&planned.out, path),
                        }
                        .map_err(|e| io_error(&planned.origin, e)),
                        Job::Asset { from } => sink
                            .copy(&planned.out, from)
                            .map_err(|e| io_error(&planned.origin, e)),
                        Job::EventCalendar { page, lang } => {
                            let ics = crate::calendar::event_file(site, *page, *lang);
                            sink.put(&planned.out, ics.unwrap_or_default().as_bytes())
                                .map_err(|e| io_error(planned.out.as_str(), e))
                        }
                        Job::Icon { name } => crate::offline::icon_source(theme)
                            .ok_or_else(|| msg!("icon-missing"))
                            .and_then(|svg| crate::offline::icon(&svg, name))
                            .map_err(|e| {
                                Diagnostic::error(codes::ICON, e)
                                    .in_file(if theme.statics.contains_key("logo.svg") {
                                        "static/logo.svg"
                                    } else {
                                        "(default theme) icons/icon.svg"
                                    })
                                    .with_hint(msg!("hint-icon"))
                            })
                            .and_then(|png| {
                                sink.put(&planned.out, &png)
                                    .map_err(|e| io_error(planned.out.as_str(), e))
                            }),
                        Job::WebManifest { lang } => sink
                            .put(
                                &planned.out,
                                crate::offline::manifest(site, *lang).as_bytes(),
                            )
                            .map_err(|e| io_error(planned.out.as_str(), e)),
                        Job::EventFeed { lang } => sink
                            .put(
                                &planned.out,
                                crate::calendar::feed_file(site, *lang).as_bytes(),
                            )
                            .map_err(|e| io_error(planned.out.as_str(), e)),
                        job => context::render(&shared, tera, job, layers).and_then(|bytes| {
                            sink.put(&planned.out, &bytes)
                                .map_err(|e| io_error(planned.out.as_str(), e))
                        }),
                    };
                    progress.step();
                    result.err()
                })
                .flatten()
                .collect::<Vec<_>>(),
        );
        if !search.is_empty() {
            progress.stage(&msg!("stage-search").show(), search.len());
            search_shown.store(true, Ordering::SeqCst);
            progress.set(indexed.load(Ordering::SeqCst));
        }
    });
    progress.finish();
    diags.extend(search_diags.into_inner().unwrap_or_else(|e| e.into_inner()));
    diags
}

/// The most jobs one worker renders as a part no other worker can take from (see `pipeline::PART`). Twice
/// that bound, because each part copies the site-wide contexts into its own [`context::Layers`].
const PART: usize = 16;

/// The jobs, those that gather many pages first. A listing, feed or sitemap of a large site takes as long as
/// a hundred pages; left in plan order, one of them kept a single thread busy at the end while the other
/// cores had nothing left to do. Only the order of work changes, never an output.
fn by_weight(jobs: &[Planned]) -> Vec<&Planned> {
    let (heavy, light): (Vec<&Planned>, Vec<&Planned>) = jobs.iter().partition(|j| {
        matches!(
            j.job,
            Job::Section { .. }
                | Job::TagIndex { .. }
                | Job::Tag { .. }
                | Job::Feed { .. }
                | Job::Sitemap
                | Job::ServiceWorker
                | Job::Icon { .. }
                | Job::EventFeed { .. }
                | Job::Glossary { .. }
        )
    });
    heavy.into_iter().chain(light).collect()
}

fn leaflet_count(jobs: &[Planned]) -> usize {
    jobs.iter().filter(|j| is_print(&j.job)).count()
}

/// Jobs rendered by Typst before the pages: the pages link them with their sizes.
fn is_print(job: &Job) -> bool {
    matches!(
        job,
        Job::Leaflet { .. } | Job::Poster { .. } | Job::Pack { .. } | Job::Card { .. }
    )
}

/// A poisoned lock only means another job panicked; its diagnostics so far are still good.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The size of each printed file, by kind, page and language.
pub type PrintSizes = HashMap<(posters::Print, usize, usize), usize>;

/// Renders the leaflet, poster, pack and card jobs in parallel (fonts loaded once); returns each PDF's size.
/// Packs come last: they reuse the leaflets this run has just rendered.
fn run_leaflets(
    prepared: &crate::pipeline::Prepared,
    jobs: &[Planned],
    sink: &dyn Sink,
    progress: &Progress,
) -> (PrintSizes, Vec<Diagnostic>) {
    use posters::Print;
    let wanted: Vec<&Planned> = jobs.iter().filter(|j| is_print(&j.job)).collect();
    let mut sizes = HashMap::new();
    if wanted.is_empty() {
        return (sizes, Vec::new());
    }
    let engine = match leaflets::Leaflets::load(&prepared.theme, &prepared.sources) {
        Ok(e) => e,
        Err(d) => return (sizes, vec![d]),
    };
    let site = &prepared.site;
    // The leaflets some pack of this run prints: kept in memory until the packs are done.
    let needed: std::collections::HashSet<(usize, usize)> = wanted
        .iter()
        .filter_map(|j| match j.job {
            Job::Pack { page, lang } => Some((page, lang)),
            _ => None,
        })
        .flat_map(|(page, lang)| {
            posters::handouts(&site.pages[page], lang)
                .into_iter()
                .map(move |h| (h, lang))
        })
        .collect();
    progress.stage(&msg!("stage-leaflets").show(), wanted.len());
    type Done = (
        Print,
        usize,
        usize,
        Result<usize, Vec<Diagnostic>>,
        Option<std::sync::Arc<crate::leaflet::Rendered>>,
    );
    let put = |planned: &Planned, pdf: &[u8]| {
        sink.put(&planned.out, pdf)
            .map(|()| pdf.len())
            .map_err(|e| vec![io_error(planned.out.as_str(), e)])
    };
    let (first, packs): (Vec<&Planned>, Vec<&Planned>) = wanted
        .into_iter()
        .partition(|j| !matches!(j.job, Job::Pack { .. }));
    // Each print job is heavy (a Typst compile): every one is a part of its own that an idle worker can take.
    let results: Vec<Done> = first
        .par_iter()
        .with_max_len(1)
        .filter_map(|planned| {
            let done = match planned.job {
                Job::Card { section, lang } => {
                    let result = engine
                        .render_card(&prepared.theme, site, section, lang, &prepared.sources)
                        .and_then(|png| {
                            sink.put(&planned.out, &png)
                                .map_err(|e| vec![io_error(planned.out.as_str(), e)])
                        });
                    progress.step();
                    // Cards have no size shown on a page: only their errors count.
                    return result
                        .err()
                        .map(|d| (Print::Leaflet, usize::MAX, 0, Err(d), None));
                }
                Job::Leaflet { page, lang } => {
                    let p = &site.pages[page];
                    let layout = leaflets::layout_of(site, p, lang);
                    match engine.render_pages(site, p, lang, layout, &prepared.sources) {
                        Ok(r) => {
                            let size = put(planned, &r.pdf);
                            let keep = needed
                                .contains(&(page, lang))
                                .then(|| std::sync::Arc::new(r));
                            (Print::Leaflet, page, lang, size, keep)
                        }
                        Err(d) => (Print::Leaflet, page, lang, Err(d), None),
                    }
                }
                Job::Poster { page, lang } => {
                    let result = engine
                        .render_poster(site, &site.pages[page], lang, &prepared.sources)
                        .and_then(|pdf| put(planned, &pdf));
                    (Print::Poster, page, lang, result, None)
                }
                _ => return None,
            };
            progress.step();
            Some(done)
        })
        .collect();
    let mut ready: HashMap<(usize, usize), std::sync::Arc<crate::leaflet::Rendered>> =
        HashMap::new();
    let mut diags = Vec::new();
    let mut record = |kind, page, lang, result: Result<usize, Vec<Diagnostic>>| match result {
        Ok(size) => {
            sizes.insert((kind, page, lang), size);
        }
        Err(d) => diags.extend(d),
    };
    for (kind, page, lang, result, keep) in results {
        if let Some(r) = keep {
            ready.insert((page, lang), r);
        }
        record(kind, page, lang, result);
    }
    let lookup = |page: usize, lang: usize| ready.get(&(page, lang)).cloned();
    let packed: Vec<(usize, usize, Result<usize, Vec<Diagnostic>>)> = packs
        .par_iter()
        .with_max_len(1)
        .filter_map(|planned| {
            let Job::Pack { page, lang } = planned.job else {
                return None;
            };
            let result = engine
                .render_pack(site, &site.pages[page], lang, &lookup, &prepared.sources)
                .and_then(|pdf| put(planned, &pdf));
            progress.step();
            Some((page, lang, result))
        })
        .collect();
    for (page, lang, result) in packed {
        record(Print::Pack, page, lang, result);
    }
    (sizes, diags)
}

/// Writes a job's several outputs; each path is checked like every other output path.
fn write_all(sink: &dyn Sink, files: Vec<(String, Vec<u8>)>) -> Result<(), Diagnostic> {
    for (path, bytes) in files {
        let out = OutputPath::new(&path).map_err(|e| {
            Diagnostic::error(
                codes::OUTPUT_ESCAPE,
                msg!("output-escape", path = &e.path, reason = e.reason),
            )
        })?;
        sink.put(&out, &bytes).map_err(|e| io_error(&path, e))?;
    }
    Ok(())
}

fn io_error(what: &str, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(
        codes::IO,
        msg!("cannot-write-output", path = what, reason = io_reason(&e)),
    )
    .with_hint(msg!("hint-cannot-write-output"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{prepare, Options};

    /// Renders every template job of `site`, in `order`, on one worker's [`context::Layers`].
    fn render_in_order(
        prepared: &crate::pipeline::Prepared,
        jobs: &[&Planned],
    ) -> BTreeMap<String, Vec<u8>> {
        let shared = context::Shared::new(&prepared.site, &prepared.theme, PrintSizes::new());
        let mut layers = context::Layers::default();
        jobs.iter()
            .filter_map(|planned| {
                let bytes = context::render(&shared, &prepared.tera, &planned.job, &mut layers);
                Some((planned.out.as_str().to_string(), bytes.ok()?))
            })
            .collect()
    }

    // A worker lays each job's data over its copy of the site-wide context and takes it off after: what a
    // page shows must not depend on which jobs the same worker rendered before it.
    #[test]
    fn a_job_renders_the_same_whatever_its_worker_rendered_before() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
        let options = Options {
            now: jiff::Timestamp::from_second(1_795_392_000).ok(),
            ..Options::new(root)
        };
        let (prepared, diags) = prepare(&options, &Default::default());
        let prepared = prepared.unwrap_or_else(|| panic!("the fixture prepares: {diags:?}"));
        let (planned, _) = plan(&prepared.site, &prepared.theme);
        let templated: Vec<&Planned> = planned
            .iter()
            .filter(|p| {
                let output = p.out.as_str();
                output.ends_with(".html") || output.ends_with(".xml") || output.ends_with(".js")
            })
            .filter(|p| !matches!(p.job, Job::Static { .. } | Job::Asset { .. }))
            .collect();
        let alone: BTreeMap<String, Vec<u8>> = templated
            .iter()
            .flat_map(|p| render_in_order(&prepared, &[p]))
            .collect();
        assert!(alone.len() > 40, "only {} outputs rendered", alone.len());
        // 404 and offline pages set `noindex`; guides add `page`, listings `pages`: in both orders, every
        // kind of job follows every other kind on the same worker.
        let forward = render_in_order(&prepared, &templated);
        let backward: Vec<&Planned> = templated.iter().rev().copied().collect();
        let backward = render_in_order(&prepared, &backward);
        for (path, bytes) in &alone {
            assert!(
                forward.get(path) == Some(bytes),
                "{path} differs after the jobs before it"
            );
            assert!(
                backward.get(path) == Some(bytes),
                "{path} differs after the jobs after it"
            );
        }
    }
}
