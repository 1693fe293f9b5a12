//! Rebuilding the served site: the same pipeline as `build`, rendered into memory, keeping the last good
//! outputs when a run has errors and reporting which outputs changed.
//!
//! Every rebuild reads only the files the watcher reported. When only pages' Markdown changed since the last
//! good run and the edit leaves the site's structure as it was, only the edited pages are linked again, over
//! that run's site ([`pipeline::prepare_cached`] with a [`pipeline::Base`]), and its plan of outputs is kept;
//! otherwise the whole site is linked and planned again, as `build` does. Either way only what the change
//! reaches is rendered when the structure did not change ([`render::deps`]). Search indexes are the slowest
//! outputs, so they are rendered in a second step ([`SearchStep`]), on a thread of its own at a low priority,
//! behind the next rebuilds, after the pages have been swapped in and browsers told to reload.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use super::files::{Files, Rendered, Spill, Store};
use super::watch::Batch;
use crate::diagnostics::{codes, has_errors, normalize, Diagnostic, Sources};
use crate::msg;
use crate::pipeline::{self, Options, Prepared};
use crate::progress::Progress;
use crate::render::{self, deps, Job, Planned};

/// The result of one rebuild step.
pub struct Rebuilt {
    /// The complete site now served, when the run had no errors.
    pub files: Option<Arc<Files>>,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Arc<Sources>,
    /// Outputs added, changed or removed compared with what was served before.
    pub changed: Vec<String>,
    pub elapsed: Duration,
    /// Codes of the non-default languages (their 404 pages live under `<code>/`).
    pub languages: Vec<String>,
    /// Jobs rendered, and how many the site has.
    pub rendered: JobCounts,
    /// Whether open pages should reload (not for search indexes: the search page loads them on demand).
    pub reload: bool,
    /// Only the outputs the change reaches were rendered (not everything).
    pub incremental: bool,
    /// Only the edited pages were linked again (not the whole site).
    pub relinked: bool,
    /// Time spent reading, loading and linking the site (the rest of `elapsed` is planning and rendering).
    pub prepare: Duration,
}

/// How many jobs a step rendered, of those the site plans.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct JobCounts {
    pub rendered: usize,
    pub planned: usize,
}

impl Rebuilt {
    /// A step that has served nothing new (yet).
    fn empty(sources: Arc<Sources>, languages: Vec<String>) -> Rebuilt {
        Rebuilt {
            files: None,
            diagnostics: Vec::new(),
            sources,
            changed: Vec::new(),
            elapsed: Duration::ZERO,
            languages,
            rendered: JobCounts::default(),
            reload: true,
            incremental: false,
            relinked: false,
            prepare: Duration::ZERO,
        }
    }

    /// The result of a step that panicked: one error, nothing new to serve.
    pub fn crashed(error: Diagnostic, languages: Vec<String>) -> Rebuilt {
        Rebuilt {
            diagnostics: vec![error],
            ..Rebuilt::empty(Arc::new(Sources::default()), languages)
        }
    }

    /// A step that stops with `diagnostics` (errors, or none) and serves nothing new.
    fn ended(
        mut self,
        mut diagnostics: Vec<Diagnostic>,
        started: Instant,
    ) -> (Rebuilt, Option<SearchStep>) {
        normalize(&mut diagnostics);
        self.diagnostics = diagnostics;
        self.elapsed = started.elapsed();
        (self, None)
    }

    pub fn failed(&self) -> bool {
        has_errors(&self.diagnostics)
    }
}

/// How long the search step waits after its rebuild, in case the editor saves again at once.
const SEARCH_DELAY: Duration = Duration::from_millis(300);

/// The last good run: what the next one is compared with, and updated from.
struct Last {
    /// Its model, which the next run may update ([`pipeline::Base`]) or drop.
    prepared: Arc<Prepared>,
    kept: Kept,
}

/// What is kept of the last good run besides its model.
struct Kept {
    jobs: Arc<Vec<Planned>>,
    sources: Arc<Sources>,
    /// Its diagnostics from reading to linking, which a relinking run keeps for the files it did not read.
    diagnostics: Vec<Diagnostic>,
}

/// A run's outputs, and which of them the change since the last good run reaches (`None`: all of them).
struct Plan {
    jobs: Arc<Vec<Planned>>,
    affected: Option<deps::Affected>,
}

/// What [`Builder::render`] did: the outputs, how many jobs it rendered, and the search indexes it left to
/// the search step.
struct Rendering {
    sink: Store,
    count: usize,
    later: Vec<Planned>,
}

/// A good run about to become the last one.
struct Published {
    prepared: Arc<Prepared>,
    sources: Arc<Sources>,
    diagnostics: Vec<Diagnostic>,
}

/// The outputs served, shared between rebuilds and the search step running behind them.
struct Served {
    files: Arc<Files>,
    /// Counts the rebuilds that produced outputs; a search step for an older one is dropped.
    generation: u64,
    /// Languages whose search index lags behind `files` (its step has not landed yet).
    search_behind: BTreeSet<usize>,
}

/// Keeps the last good site and outputs between rebuilds.
pub struct Builder {
    options: Options,
    /// Where the outputs' bytes are kept (in memory without one).
    spill: Option<Arc<Spill>>,
    served: Arc<Mutex<Served>>,
    languages: Vec<String>,
    last: Option<Last>,
    loads: pipeline::LoadCache,
    /// What changed since the last good run (runs with errors in between do not replace `last`, so their
    /// changes must still count when the next good run is compared with it).
    since_last: Since,
}

/// Changes accumulated since the last good run.
#[derive(Default)]
struct Since {
    batch: Batch,
    /// Markdown files whose text changed, as the reads reported them; `None` once a run read everything
    /// (then the texts are compared).
    markdown: Option<BTreeSet<String>>,
}

/// The search indexes of a rebuild, rendered after its pages are served ([`SearchStep::run`]).
pub struct SearchStep {
    prepared: Arc<Prepared>,
    jobs: Vec<Planned>,
    total: usize,
    generation: u64,
    served: Arc<Mutex<Served>>,
    spill: Option<Arc<Spill>>,
    sources: Arc<Sources>,
    languages: Vec<String>,
}

fn lock(served: &Mutex<Served>) -> MutexGuard<'_, Served> {
    served
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Builder {
    pub fn new(options: Options, spill: Option<Arc<Spill>>) -> Builder {
        Builder {
            options,
            spill,
            served: Arc::new(Mutex::new(Served {
                files: Arc::new(Files::new()),
                generation: 0,
                search_behind: BTreeSet::new(),
            })),
            languages: Vec::new(),
            last: None,
            loads: pipeline::LoadCache::default(),
            since_last: Since::default(),
        }
    }

    /// The outputs now served.
    pub fn files(&self) -> Arc<Files> {
        lock(&self.served).files.clone()
    }

    /// Runs `f` while no search step can land, so what it publishes stays in order with search steps.
    pub fn exclusive<T>(&self, f: impl FnOnce() -> T) -> T {
        let _guard = lock(&self.served);
        f()
    }

    /// Runs the pipeline on the inputs as they are now; `batch` says which inputs changed since the last run.
    /// Search indexes are left to the returned step, except on the first run. A bug that panics inside
    /// becomes an error naming the changed files ([`Builder::guarded`]): the preview never goes down.
    pub fn rebuild(&mut self, batch: &Batch) -> (Rebuilt, Option<SearchStep>) {
        self.guarded(batch, Builder::run)
    }

    /// Runs `step` so that a panic in it becomes an `internal-error` diagnostic in the returned result, with
    /// the last good site still served. What the builder kept from earlier runs may be half-updated after a
    /// panic, so it is forgotten: the next run reads and renders everything and compares it with what is
    /// served, as the first run does.
    pub fn guarded(
        &mut self,
        batch: &Batch,
        step: impl FnOnce(&mut Builder, &Batch) -> (Rebuilt, Option<SearchStep>),
    ) -> (Rebuilt, Option<SearchStep>) {
        let started = Instant::now();
        let caught =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| step(&mut *self, batch)));
        match caught {
            Ok(done) => done,
            Err(payload) => {
                self.last = None;
                self.loads = pipeline::LoadCache::default();
                self.since_last = Since::default();
                let what = internal_error(batch, panic_text(payload.as_ref()));
                let mut out = Rebuilt::crashed(what, self.languages.clone());
                out.elapsed = started.elapsed();
                (out, None)
            }
        }
    }

    /// One rebuild, in named steps: take in the batch, prepare the site (relinking the edited pages where
    /// that is enough), plan the outputs and find those the change reaches, render them, and publish.
    fn run(&mut self, batch: &Batch) -> (Rebuilt, Option<SearchStep>) {
        let started = Instant::now();
        let batch = self.take_in(batch);
        let run = self.prepare(&batch);
        let mut out = Rebuilt::empty(run.sources.clone(), self.languages.clone());
        out.prepare = started.elapsed();
        let (relinked, mut diags, sources) = (run.relinked, run.diagnostics, run.sources);
        let prepare_diagnostics = diags.clone();
        let Some(prepared) = run.prepared else {
            return out.ended(diags, started);
        };
        self.languages = prepared.site.config.languages[1..]
            .iter()
            .map(|l| l.code.clone())
            .collect();
        out.languages = self.languages.clone();
        out.relinked = relinked.is_some();
        let clock = pipeline::Clock::start(self.options.timings);
        let plan = self.plan(&prepared, relinked.as_deref(), &sources, &mut diags);
        clock.lap("plan, and find the outputs the change reaches");
        let Some(plan) = plan.filter(|_| !has_errors(&diags)) else {
            // A relinking run with errors renders nothing: the last good site stays.
            return out.ended(diags, started);
        };
        let rendering = self.render(&prepared, &plan, &mut diags);
        normalize(&mut diags);
        clock.lap("render");
        out.rendered = JobCounts {
            rendered: rendering.count,
            planned: plan.jobs.len(),
        };
        out.incremental = plan.affected.is_some();
        if has_errors(&diags) {
            return out.ended(diags, started);
        }
        out.diagnostics = diags;
        let published = Published {
            prepared: Arc::new(prepared),
            sources,
            diagnostics: prepare_diagnostics,
        };
        let step = self.publish(published, plan, rendering, &mut out);
        clock.lap("publish");
        out.elapsed = started.elapsed();
        (out, step)
    }

    /// Notes what `batch` changed since the last good run, and gives the batch this run reads: without the
    /// editors' temporary files that are gone by now (unless they are all there is: then the run reads
    /// everything, as for an empty batch).
    fn take_in(&mut self, batch: &Batch) -> Batch {
        let root = &self.options.root;
        let pruned: BTreeSet<String> = (batch.paths.iter())
            .filter(|p| !self.loads.never_held(root, p))
            .cloned()
            .collect();
        let batch = if pruned.is_empty() || pruned.len() == batch.paths.len() {
            batch.clone()
        } else {
            Batch {
                paths: pruned,
                rescan: batch.rescan,
            }
        };
        self.since_last
            .batch
            .paths
            .extend(batch.paths.iter().cloned());
        self.since_last.batch.rescan |= batch.rescan;
        batch
    }

    /// Reads, loads and links the site. Only the reported paths are read again, unless the watcher lost
    /// events or nothing was reported. The last good run is updated when only Markdown changed since and the
    /// runs since said which: its model goes to the pipeline, which hands it back unless the whole site must
    /// be linked again; it is dropped before that, so that two models of a large site are never in memory
    /// together (the outputs such a change reaches are then not worked out: everything is rendered and
    /// compared).
    fn prepare(&mut self, batch: &Batch) -> pipeline::Run {
        let changes = (!batch.rescan && !batch.paths.is_empty()).then_some(&batch.paths);
        let (model, kept) = match self.last.take() {
            Some(last) => (Some(last.prepared), Some(last.kept)),
            None => (None, None),
        };
        let base = match (model, &kept, &self.since_last.markdown) {
            (Some(prepared), Some(kept), Some(changed))
                if only_markdown(&self.since_last.batch) =>
            {
                Some(pipeline::Base {
                    prepared,
                    diagnostics: &kept.diagnostics,
                    changed,
                })
            }
            _ => None,
        };
        let mut run = pipeline::prepare_cached(&self.options, &mut self.loads, changes, base);
        self.last = (run.base.take())
            .zip(kept)
            .map(|(prepared, kept)| Last { prepared, kept });
        self.since_last.markdown = match (self.since_last.markdown.take(), run.changed.take()) {
            (Some(mut all), Some(now)) => {
                all.extend(now);
                Some(all)
            }
            _ => None,
        };
        run
    }

    /// The outputs of the site, and those the change since the last good run reaches (`None`: all). After a
    /// relink the outputs are the last run's unless an edited page asks for other aliases or leaflets, and
    /// the jobs they reach follow from the edited pages alone. `None` when planning found errors.
    fn plan(
        &self,
        prepared: &Prepared,
        relinked: Option<&[usize]>,
        sources: &Sources,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Plan> {
        let same = (self.last.as_ref())
            .zip(relinked)
            .filter(|(last, pages)| deps::same_outputs(&last.prepared.site, &prepared.site, pages));
        if let Some((last, pages)) = same {
            let changed = self.since_last.markdown.clone().unwrap_or_default();
            let affected = deps::reached(
                &last.prepared.site,
                &prepared.site,
                pages.iter().copied(),
                &changed,
            );
            return Some(Plan {
                jobs: last.kept.jobs.clone(),
                affected,
            });
        }
        let (jobs, plan_diags) = render::plan(&prepared.site, &prepared.theme);
        diags.extend(plan_diags);
        if has_errors(diags) {
            return None;
        }
        let affected = (self.last.as_ref())
            .filter(|_| only_markdown(&self.since_last.batch))
            .and_then(|last| {
                let known = self.since_last.markdown.as_ref();
                let changed = changed_markdown(last, prepared, sources, known);
                deps::affected(
                    &last.prepared.site,
                    &prepared.site,
                    &last.kept.jobs,
                    &jobs,
                    &changed,
                )
            });
        Some(Plan {
            jobs: Arc::new(jobs),
            affected,
        })
    }

    /// Renders the jobs the change reaches, except the search indexes, which are left to the search step;
    /// the first run renders those too, so that the preview starts complete.
    fn render(&self, prepared: &Prepared, plan: &Plan, diags: &mut Vec<Diagnostic>) -> Rendering {
        // Nothing served yet (not merely no last model, which a full link drops).
        let first = lock(&self.served).generation == 0;
        // Indexes whose last search step never landed are rebuilt too.
        let behind = lock(&self.served).search_behind.clone();
        let (now, mut later): (Vec<Planned>, Vec<Planned>) = (plan.jobs.iter())
            .filter(|j| {
                let lagging = matches!(j.job, Job::SearchIndex { lang } if behind.contains(&lang));
                lagging || plan.affected.as_ref().is_none_or(|a| a.wants(&j.job))
            })
            .cloned()
            .partition(|j| !matches!(j.job, Job::SearchIndex { .. }));
        let previous = (!first).then(|| self.files());
        let sink = Store::new(self.spill.clone(), previous);
        let sink = if plan.affected.is_some() {
            sink.after_edit()
        } else {
            sink
        };
        let mut count = now.len();
        let hidden = Progress::hidden();
        if first {
            // The sitemap takes the most working memory of all outputs (every URL of the site, as values
            // for its template): alone, before the other outputs fill the store, it adds no more than in a
            // build.
            let (sitemap, rest): (Vec<Planned>, Vec<Planned>) =
                now.into_iter().partition(|j| matches!(j.job, Job::Sitemap));
            diags.extend(render::run(prepared, &sitemap, &sink, &hidden));
            diags.extend(render::run(prepared, &rest, &sink, &hidden));
            // Then the indexes, one language after the other, so that their working memory adds to the
            // pages' outputs only one at a time.
            for job in std::mem::take(&mut later) {
                diags.extend(render::run(
                    prepared,
                    std::slice::from_ref(&job),
                    &sink,
                    &hidden,
                ));
                count += 1;
            }
        } else {
            diags.extend(render::run(prepared, &now, &sink, &hidden));
        }
        Rendering { sink, count, later }
    }

    /// Swaps the rendered outputs in, remembers this run as the last good one, and returns the search step
    /// still to run, if any.
    fn publish(
        &mut self,
        published: Published,
        plan: Plan,
        rendering: Rendering,
        out: &mut Rebuilt,
    ) -> Option<SearchStep> {
        let Rendering { sink, later, .. } = rendering;
        let prepared = published.prepared;
        let rendered = sink.into_files();
        let mut served = lock(&self.served);
        let (files, changed) = if plan.affected.is_some() {
            update(&served.files, rendered)
        } else {
            // Everything was rendered except, perhaps, the search indexes: keep serving the old ones until
            // the search step replaces them.
            let mut complete = rendered;
            for (key, bytes) in served.files.iter() {
                if is_search_output(key)
                    && !complete.contains_key(key)
                    && later.iter().any(|j| owns(&prepared, j, key))
                {
                    complete.insert(key.clone(), bytes.clone());
                }
            }
            merge(&served.files, complete)
        };
        out.changed = changed;
        if !out.changed.is_empty() {
            served.files = Arc::new(files);
        }
        served.generation += 1;
        // Languages still waiting for their index: those of this step, and those of a step it overtakes.
        served.search_behind = (later.iter())
            .filter_map(|j| match j.job {
                Job::SearchIndex { lang } => Some(lang),
                _ => None,
            })
            .collect();
        out.files = Some(served.files.clone());
        let generation = served.generation;
        drop(served);
        let step = (!later.is_empty()).then(|| SearchStep {
            prepared: prepared.clone(),
            jobs: later,
            total: plan.jobs.len(),
            generation,
            served: self.served.clone(),
            spill: self.spill.clone(),
            sources: published.sources.clone(),
            languages: self.languages.clone(),
        });
        let previous = self.last.replace(Last {
            prepared,
            kept: Kept {
                jobs: plan.jobs,
                sources: published.sources,
                diagnostics: published.diagnostics,
            },
        });
        self.since_last = Since {
            batch: Batch::default(),
            markdown: Some(BTreeSet::new()),
        };
        // Freeing a whole site model takes tens of milliseconds on a large site: not while the editor waits.
        if let Some(previous) = previous {
            let _ = std::thread::Builder::new()
                .name("suluh-free".into())
                .spawn(move || drop(previous));
        }
        step
    }
}

impl SearchStep {
    /// Renders the search indexes and, unless a newer rebuild has landed meanwhile (it then rebuilds them
    /// itself), swaps them in and calls `publish` before any other rebuild can. `None` if dropped.
    pub fn run(self, publish: impl FnOnce(&Rebuilt)) -> Option<Rebuilt> {
        // Editors save again and again: wait for a pause, and give up as soon as a newer rebuild has landed
        // (it carries the search indexes still to do), so overtaken steps never pile up.
        std::thread::sleep(SEARCH_DELAY);
        let started = Instant::now();
        let previous = lock(&self.served).files.clone();
        let sink = Store::new(self.spill.clone(), Some(previous));
        let p = &self.prepared;
        let overtaken = || lock(&self.served).generation != self.generation;
        let mut diags = Vec::new();
        for job in &self.jobs {
            if overtaken() {
                return None;
            }
            let index = || render::run(p, std::slice::from_ref(job), &sink, &Progress::hidden());
            diags.extend(match search_pool() {
                Some(pool) => pool.install(index),
                None => index(),
            });
        }
        normalize(&mut diags);
        let mut served = lock(&self.served);
        if served.generation != self.generation {
            return None;
        }
        let mut out = Rebuilt {
            files: None,
            diagnostics: diags,
            sources: self.sources.clone(),
            changed: Vec::new(),
            elapsed: Duration::ZERO,
            languages: self.languages.clone(),
            rendered: JobCounts {
                rendered: self.jobs.len(),
                planned: self.total,
            },
            reload: false,
            incremental: true,
            relinked: false,
            prepare: Duration::ZERO,
        };
        if !out.failed() {
            let rendered = sink.into_files();
            // An index is as many files as its language's pages need (none of records once the language
            // has no page left, a pack per run of terms when split): what its job wrote now replaces all
            // its folder held, else a file it no longer writes stays served.
            let gone: Vec<String> = (served.files.keys())
                .filter(|k| is_search_output(k) && !rendered.contains_key(*k))
                .filter(|k| self.jobs.iter().any(|j| owns(&self.prepared, j, k)))
                .cloned()
                .collect();
            let (mut files, mut changed) = update(&served.files, rendered);
            for key in gone {
                files.remove(&key);
                changed.push(key);
            }
            changed.sort();
            out.changed = changed;
            if !out.changed.is_empty() {
                served.files = Arc::new(files);
            }
            served.search_behind.clear();
            out.files = Some(served.files.clone());
        }
        out.elapsed = started.elapsed();
        publish(&out);
        Some(out)
    }
}

/// The text a panic was raised with (`panic!` gives a `&str` or a `String`).
pub fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_string())
}

/// The error a panic during a rebuild becomes: which change set it off, and that it is Suluh's bug.
pub fn internal_error(batch: &Batch, what: String) -> Diagnostic {
    let files = if batch.paths.is_empty() {
        msg!("internal-the-site")
    } else {
        msg!(
            "internal-files",
            files = batch.paths.iter().cloned().collect::<Vec<_>>().join(", ")
        )
    };
    let first = batch.paths.iter().next().cloned();
    let d = Diagnostic::error(
        codes::INTERNAL,
        msg!("internal-rebuild", files = files, detail = what),
    )
    .with_hint(msg!("hint-internal-rebuild"));
    match first {
        Some(file) => d.in_file(file),
        None => d,
    }
}

/// The search step's own thread, at the lowest priority. Indexing a large site's language takes seconds of
/// CPU after every save; on rayon's shared threads the next rebuild's rendering would wait for it to finish,
/// and at a normal priority it would still take a core from it.
fn search_pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .thread_name(|_| "suluh-index".into())
            .start_handler(|_| lower_priority())
            .build()
            .ok()
    })
    .as_ref()
}

/// Gives the calling thread the lowest scheduling priority (on Linux, `nice` is per thread); where that is
/// not possible it keeps its priority, which costs only speed.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        let _ = rustix::process::setpriority_process(None, 19);
    }
}

/// Only Markdown under `content/` changed: templates, strings, configuration and static files reach every
/// output, and assets are copied by path.
fn only_markdown(batch: &Batch) -> bool {
    !batch.rescan
        && !batch.paths.is_empty()
        && batch
            .paths
            .iter()
            .all(|p| p.starts_with("content/") && p.ends_with(".md"))
}

/// The Markdown files of either site whose text differs between the last good run and this one: `known` when
/// the runs since read only changed files (and said which differ), else by comparing the texts.
fn changed_markdown(
    last: &Last,
    now: &Prepared,
    sources: &Sources,
    known: Option<&BTreeSet<String>>,
) -> BTreeSet<String> {
    if let Some(known) = known {
        // Only files that are pages or sections of either site count (not drafts, for instance).
        let in_site = |site: &crate::content::Site, f: &String| {
            site.pages
                .iter()
                .any(|p| p.variants.iter().flatten().any(|v| &v.file == f))
                || site.sections.iter().any(|s| {
                    s.variants
                        .iter()
                        .flatten()
                        .any(|v| v.file.as_ref() == Some(f))
                })
        };
        return known
            .iter()
            .filter(|f| in_site(&last.prepared.site, f) || in_site(&now.site, f))
            .cloned()
            .collect();
    }
    let mut files = BTreeSet::new();
    for site in [&last.prepared.site, &now.site] {
        for page in &site.pages {
            files.extend(page.variants.iter().flatten().map(|v| v.file.clone()));
        }
        for section in &site.sections {
            files.extend(
                section
                    .variants
                    .iter()
                    .flatten()
                    .filter_map(|v| v.file.clone()),
            );
        }
    }
    files.retain(|f| last.kept.sources.fingerprint(f) != sources.fingerprint(f));
    files
}

fn is_search_output(key: &str) -> bool {
    key.starts_with("search/") && key.ends_with(".json")
}

/// Whether `key` is one of the files the search job `job` writes.
fn owns(prepared: &Prepared, job: &Planned, key: &str) -> bool {
    match job.job {
        Job::SearchIndex { lang } => key.starts_with(&crate::search::folder(&prepared.site, lang)),
        _ => false,
    }
}

/// The new site, sharing the bytes of unchanged outputs with the old one, and the paths that differ.
pub fn merge(old: &Files, new: Rendered) -> (Files, Vec<String>) {
    let mut changed: Vec<String> = old
        .keys()
        .filter(|k| !new.contains_key(*k))
        .cloned()
        .collect();
    let merged = new
        .into_iter()
        .map(|(k, bytes)| match old.get(&k) {
            Some(prev) if *prev == bytes => (k, prev.clone()),
            _ => {
                changed.push(k.clone());
                (k, bytes)
            }
        })
        .collect();
    changed.sort();
    (merged, changed)
}

/// The old site with some outputs rendered again: only those whose bytes differ are swapped in.
pub fn update(old: &Files, rendered: Rendered) -> (Files, Vec<String>) {
    let mut files = old.clone();
    let mut changed = Vec::new();
    for (k, bytes) in rendered {
        if old.get(&k).is_none_or(|prev| *prev != bytes) {
            changed.push(k.clone());
            files.insert(k, bytes);
        }
    }
    (files, changed)
}

#[cfg(test)]
mod tests {
    use super::super::files::Stored;
    use super::*;

    /// An output's text, for messages.
    fn served(files: &Files, key: &str) -> String {
        String::from_utf8_lossy(&files[key].bytes().unwrap()).into_owned()
    }

    fn files(entries: &[(&str, &str)]) -> Rendered {
        entries
            .iter()
            .map(|(k, v)| (k.to_string(), Arc::new(Stored::new(v.as_bytes()))))
            .collect()
    }

    #[test]
    fn merge_reports_added_changed_and_removed() {
        let old: Files = files(&[("a", "1"), ("b", "2"), ("c", "3")])
            .into_iter()
            .collect();
        let new = files(&[("a", "1"), ("b", "22"), ("d", "4")]);
        let (merged, changed) = merge(&old, new);
        assert_eq!(changed, vec!["b", "c", "d"]);
        assert_eq!(merged.keys().collect::<Vec<_>>(), vec!["a", "b", "d"]);
        assert!(Arc::ptr_eq(&merged["a"], &old["a"]));
        let (updated, changed) = update(&merged, files(&[("a", "1"), ("b", "3")]));
        assert_eq!(changed, vec!["b"]);
        assert_eq!(updated.len(), 3);
    }

    /// A copy of the `basic` fixture and a builder on it, with "now" fixed.
    fn fixture() -> (tempfile::TempDir, Options) {
        let dir = tempfile::tempdir().unwrap();
        let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
        for entry in walkdir::WalkDir::new(&from) {
            let entry = entry.unwrap();
            let to = dir.path().join(entry.path().strip_prefix(&from).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(entry.path(), &to).unwrap();
            }
        }
        let options = Options {
            base_url: Some("http://127.0.0.1:1111".into()),
            now: Some(jiff::Timestamp::from_second(1_795_392_000).unwrap()),
            ..Options::new(dir.path())
        };
        (dir, options)
    }

    /// The fixture, and a builder that has served it once.
    fn first_built() -> (tempfile::TempDir, Options, Builder) {
        let (dir, options) = fixture();
        let mut builder = Builder::new(options.clone(), Spill::new().ok());
        assert!(!builder.rebuild(&Batch::default()).0.failed());
        (dir, options, builder)
    }

    fn edit(root: &std::path::Path, rel: &str, from: &str, to: &str) -> Batch {
        let path = root.join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} has no {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        Batch {
            paths: [rel.to_string()].into(),
            rescan: false,
        }
    }

    /// After every kind of edit, the site served after an incremental rebuild is byte for byte the site a
    /// full build gives: nothing stale survives the jobs skipped by `render::deps`.
    #[test]
    fn incremental_rebuilds_equal_full_builds() {
        let (dir, options, mut builder) = first_built();
        let root = dir.path();
        let edits: Vec<(&str, &str, &str, bool)> = vec![
            (
                "content/paspor/hilang.md",
                "Laporkan ke polisi.",
                "Laporkan segera ke polisi.",
                true,
            ),
            (
                "content/paspor/hilang.md",
                "title: Paspor Hilang",
                "title: Paspor Raib",
                true,
            ),
            ("content/paspor/baru.md", "weight: 1", "weight: 9", true),
            (
                "content/paspor/hilang.md",
                "tags: [paspor]",
                "tags: [paspor, wni]",
                true,
            ),
            (
                "content/berita/berita-3.md",
                "date: 2026-03-01",
                "date: 2026-12-01",
                true,
            ),
            (
                "content/acara/seminar.md",
                "start: 2031-03-14T09:00",
                "start: 2020-03-14T09:00",
                true,
            ),
            (
                "content/acara/seminar.md",
                "end: 2031-03-14T12:00",
                "end: 2020-03-14T12:00",
                true,
            ),
            (
                "content/paspor/baru.en.md",
                "How to get a new passport.",
                "How to get a passport.",
                true,
            ),
            ("content/paspor/hilang.md", "date: 2026-02-01\n", "", true),
            (
                "content/berita/berita-2.md",
                "Isi berita 2.",
                "Isi berita dua.",
                true,
            ),
            (
                "content/paspor/hilang.md",
                "tags: [paspor, wni]",
                "tags: [Paspor, wni]",
                true,
            ),
            (
                "content/paspor/hilang.md",
                "tags: [Paspor, wni]",
                "tags: [paspor, wni]",
                true,
            ),
            // A new tag changes the site's structure (a new tag page): everything is rendered.
            (
                "content/paspor/hilang.md",
                "tags: [paspor, wni]",
                "tags: [paspor, wni, baru]",
                false,
            ),
            (
                "content/paspor/_index.md",
                "title: Paspor",
                "title: Paspor RI",
                false,
            ),
            ("content/paspor/baru.md", "slug", "slug", false),
        ];
        for (rel, from, to, incremental) in edits {
            let batch = if from == "slug" {
                std::fs::write(
                    root.join("content/paspor/baru-sekali.md"),
                    "---\ntitle: X\n---\n",
                )
                .unwrap();
                Batch {
                    paths: ["content/paspor/baru-sekali.md".to_string()].into(),
                    rescan: false,
                }
            } else {
                edit(root, rel, from, to)
            };
            let (step, search) = builder.rebuild(&batch);
            assert!(!step.failed(), "{rel}: {:?}", step.diagnostics);
            assert_eq!(
                step.incremental, incremental,
                "{rel} {to}: rendered {:?}",
                step.rendered
            );
            // Every edit here that keeps the structure keeps it in the link step too.
            assert_eq!(step.relinked, incremental, "{rel} {to}");
            assert!(!step.changed.is_empty(), "{rel}: nothing changed");
            if let Some(search) = search {
                assert!(search.run(|_| ()).is_some());
            }
            let mut full = Builder::new(options.clone(), Spill::new().ok());
            full.rebuild(&Batch::default());
            let (a, b) = (builder.files(), full.files());
            assert_eq!(
                a.keys().collect::<Vec<_>>(),
                b.keys().collect::<Vec<_>>(),
                "{rel} {to}"
            );
            for (k, v) in b.iter() {
                assert!(
                    a[k] == *v,
                    "after editing {rel} ({to}): {k} differs from a full build:\n{}\n---\n{}",
                    served(&a, k),
                    served(&b, k)
                );
            }
        }
    }

    /// Once a language's only page is drafted, its index has no records file: the search step removes the
    /// one it wrote before, instead of serving that page's title and text on.
    #[test]
    fn a_language_left_without_pages_keeps_no_old_search_records() {
        let (dir, options, mut builder) = first_built();
        let root = dir.path();
        assert!(builder.files().contains_key("search/ar/r0.json"));
        let mut batch = edit(
            root,
            "content/paspor/baru.en.md",
            " and [the Arabic version](baru.ar.md)",
            "",
        );
        let drafted = edit(
            root,
            "content/paspor/baru.ar.md",
            "leaflet: true",
            "draft: true",
        );
        batch.paths.extend(drafted.paths);
        let (rebuilt, search) = builder.rebuild(&batch);
        assert!(!rebuilt.failed(), "{:?}", rebuilt.diagnostics);
        let landed = search
            .expect("a search step")
            .run(|_| ())
            .expect("it lands");
        assert!(landed.changed.contains(&"search/ar/r0.json".to_string()));
        assert!(!builder.files().contains_key("search/ar/r0.json"));
        assert_same_as_full(&builder, &options, "the only Arabic page drafted");
    }

    /// A bug that panics during a rebuild (injected here, before and in the middle of a run) becomes an
    /// `internal-error` naming the saved file; the last good site stays served, and the next save gives the
    /// site a full build gives.
    #[test]
    fn a_panic_while_rebuilding_is_an_error_and_the_next_save_recovers() {
        let (dir, options, mut builder) = first_built();
        let root = dir.path();
        let before = builder.files();
        let rel = "content/paspor/hilang.md";
        let batch = edit(root, rel, "Laporkan ke polisi.", "Laporkan segera.");
        let (step, search) = builder.guarded(&batch, |_, _| panic!("injected fault"));
        assert!(step.failed() && search.is_none());
        assert_eq!(step.diagnostics.len(), 1);
        let error = &step.diagnostics[0];
        assert_eq!(error.code, codes::INTERNAL);
        assert_eq!(error.file.as_deref(), Some(rel));
        assert!(
            error
                .message
                .to_string()
                .contains("internal error while rebuilding content/paspor/hilang.md")
                && error.message.to_string().contains("injected fault"),
            "{}",
            error.message
        );
        assert!(
            Arc::ptr_eq(&builder.files(), &before),
            "the last good site stays served"
        );

        // A panic after the run has updated part of the builder's state.
        let batch = edit(root, rel, "Laporkan segera.", "Laporkan hari ini.");
        let (step, _) = builder.guarded(&batch, |b, batch| {
            let _ = b.run(batch);
            panic!("injected after a run")
        });
        assert_eq!(step.diagnostics[0].code, codes::INTERNAL);

        let batch = edit(root, rel, "Laporkan hari ini.", "Laporkan besok.");
        let (step, search) = builder.rebuild(&batch);
        assert!(!step.failed(), "{:?}", step.diagnostics);
        if let Some(search) = search {
            assert!(search.run(|_| ()).is_some());
        }
        assert!(served(&builder.files(), "paspor/hilang/index.html").contains("Laporkan besok."));
        assert_same_as_full(&builder, &options, "after recovering from a panic");
    }

    /// The served site equals a full build of the inputs as they are now.
    fn assert_same_as_full(builder: &Builder, options: &Options, what: &str) {
        let mut full = Builder::new(options.clone(), Spill::new().ok());
        assert!(!full.rebuild(&Batch::default()).0.failed(), "{what}");
        let (a, b) = (builder.files(), full.files());
        assert_eq!(
            a.keys().collect::<Vec<_>>(),
            b.keys().collect::<Vec<_>>(),
            "{what}"
        );
        for (k, v) in b.iter() {
            assert!(a[k] == *v, "{what}: {k} differs from a full build");
        }
    }

    /// Rebuilds read only the paths the watcher reported; files and folders created, renamed and deleted
    /// (and assets in them) still give exactly the site a full build gives, and an unchanged file's
    /// diagnostics still show its text.
    #[test]
    fn reading_only_reported_paths_equals_full_builds() {
        let (dir, options, mut builder) = first_built();
        let root = dir.path();
        let batch = |paths: &[&str]| Batch {
            paths: paths.iter().map(|p| p.to_string()).collect(),
            rescan: false,
        };
        let mut step = |batch: Batch, what: &str| {
            let (rebuilt, search) = builder.rebuild(&batch);
            assert!(!rebuilt.failed(), "{what}: {:?}", rebuilt.diagnostics);
            if let Some(search) = search {
                search.run(|_| ());
            }
            assert_same_as_full(&builder, &options, what);
        };
        std::fs::write(
            root.join("content/paspor/tambahan.md"),
            "---\ntitle: Tambahan\ntags: [paspor, baru]\n---\nIsi tambahan.\n",
        )
        .unwrap();
        step(batch(&["content/paspor/tambahan.md"]), "created");
        std::fs::rename(
            root.join("content/paspor/tambahan.md"),
            root.join("content/paspor/tambahan-2.md"),
        )
        .unwrap();
        step(
            batch(&["content/paspor/tambahan.md", "content/paspor/tambahan-2.md"]),
            "renamed",
        );
        std::fs::rename(
            root.join("content/paspor/bundel"),
            root.join("content/paspor/bundel-baru"),
        )
        .unwrap();
        step(
            batch(&["content/paspor/bundel", "content/paspor/bundel-baru"]),
            "folder renamed",
        );
        std::fs::remove_dir_all(root.join("content/berita")).unwrap();
        step(batch(&["content/berita"]), "folder deleted");
        std::fs::remove_file(root.join("content/paspor/tambahan-2.md")).unwrap();
        step(batch(&["content/paspor/tambahan-2.md"]), "deleted");

        // An unchanged file's warning still points into its text, which was not read again.
        std::fs::write(
            root.join("content/paspor/peringatan.md"),
            "---\ntitle: Peringatan\ntags: [\"!!\"]\n---\nIsi.\n",
        )
        .unwrap();
        builder.rebuild(&batch(&["content/paspor/peringatan.md"]));
        let (rebuilt, _) = builder.rebuild(&edit(
            root,
            "content/paspor/hilang.md",
            "Laporkan ke polisi.",
            "Laporkan segera ke polisi.",
        ));
        assert!(!rebuilt.failed(), "{:?}", rebuilt.diagnostics);
        let warned = rebuilt
            .diagnostics
            .iter()
            .find(|d| d.message.to_string().contains("no letters or digits"))
            .expect("the unchanged file's warning is reported again");
        assert!(warned.file.as_deref() == Some("content/paspor/peringatan.md"));
        assert!(rebuilt
            .sources
            .get("content/paspor/peringatan.md")
            .is_some());
    }

    /// Saves `text` over `rel` and rebuilds; the site served must then be the site a full build gives.
    fn save(builder: &mut Builder, options: &Options, rel: &str, text: &str) -> Rebuilt {
        std::fs::write(options.root.join(rel), text).unwrap();
        let (rebuilt, search) = builder.rebuild(&Batch {
            paths: [rel.to_string()].into(),
            rescan: false,
        });
        if let Some(search) = search {
            search.run(|_| ());
        }
        rebuilt
    }

    /// Edits that the link step takes in without linking the whole site again (and some it cannot), each
    /// compared with a full build: front matter a listing shows or sorts by, front matter it does not show,
    /// bodies only, several pages at once, aliases, slugs, drafts.
    #[test]
    fn relinked_edits_equal_full_builds() {
        let (dir, options, mut builder) = first_built();
        let root = dir.path();
        let read = |rel: &str| std::fs::read_to_string(root.join(rel)).unwrap();
        // (file, text to replace, replacement, relinked)
        let edits: Vec<(&str, &str, &str, bool)> = vec![
            // Shown in listings and the home page's upcoming events.
            (
                "content/acara/seminar.md",
                "description: Seminar untuk",
                "description: Seminar bagi",
                true,
            ),
            // Not shown in any listing.
            (
                "content/paspor/baru.md",
                "processing_time: 4 hari kerja",
                "processing_time: 5 hari kerja",
                true,
            ),
            ("content/paspor/baru.md", "  - Kartu Keluarga\n", "", true),
            // Leaves one tag (that other pages keep) and joins another that exists.
            (
                "content/paspor/baru.md",
                "tags: [paspor, wni]",
                "tags: [wni, paspor]",
                true,
            ),
            (
                "content/paspor/hilang.md",
                "tags: [paspor]",
                "tags: [wni]",
                true,
            ),
            // Aliases change the outputs: planned again.
            (
                "content/paspor/baru.md",
                "aliases: [\"/paspor/lama-baru/\"]",
                "aliases: [\"/paspor/lama/\"]",
                true,
            ),
            // A leaflet no longer wanted.
            ("content/paspor/baru.ar.md", "leaflet: true\n", "", true),
            // A slug moves the page: everything is linked again.
            (
                "content/berita/berita-4.md",
                "title: Berita 4",
                "title: Berita 4\nslug: kabar-4",
                false,
            ),
            // A published page becomes a draft: it leaves the site.
            (
                "content/berita/berita-5.md",
                "title: Berita 5",
                "title: Berita 5\ndraft: true",
                false,
            ),
            // The arabic body only.
            (
                "content/paspor/baru.ar.md",
                "تعال إلى المكتب.",
                "تعال إلى المكتب غداً.",
                true,
            ),
        ];
        for (rel, from, to, relinked) in edits {
            let text = read(rel);
            assert!(text.contains(from), "{rel} has no {from:?}");
            let rebuilt = save(&mut builder, &options, rel, &text.replacen(from, to, 1));
            assert!(!rebuilt.failed(), "{rel}: {:?}", rebuilt.diagnostics);
            assert_eq!(rebuilt.relinked, relinked, "{rel}: {to}");
            assert!(!rebuilt.changed.is_empty(), "{rel}: nothing changed");
            assert_same_as_full(&builder, &options, &format!("{rel}: {to}"));
        }

        // A body-only edit of a translated page renders that page, its leaflet and poster, its language's feeds
        // (Atom and calendar) and the service worker, whose cache is named after every page's content (the search
        // index follows in its own step); no listing or tag page.
        let rel = "content/paspor/baru.en.md";
        let text = read(rel).replace(
            "A passport is a travel document.",
            "A passport is a document.",
        );
        let rebuilt = save(&mut builder, &options, rel, &text);
        assert!(rebuilt.relinked && rebuilt.incremental);
        assert_eq!(rebuilt.rendered.rendered, 6, "{:?}", rebuilt.changed);
        assert_eq!(
            rebuilt.changed,
            vec!["en/atom.xml", "en/paspor/baru/index.html", "sw.js"],
            "the leaflet's and poster's bytes and the calendar feed stay the same"
        );
        assert_same_as_full(&builder, &options, "body of the English version");

        // A draft that stays a draft changes nothing served.
        let rel = "content/paspor/draf.md";
        let rebuilt = save(
            &mut builder,
            &options,
            rel,
            &read(rel).replace("Belum", "Masih belum"),
        );
        assert!(
            !rebuilt.failed() && rebuilt.relinked,
            "{:?}",
            rebuilt.diagnostics
        );
        assert!(rebuilt.changed.is_empty(), "{:?}", rebuilt.changed);

        // Two pages of one listing swap places in one batch.
        let hilang = read("content/paspor/hilang.md").replace("weight: 2", "weight: 0");
        let baru = read("content/paspor/baru.md").replace("weight: 1", "weight: 5");
        std::fs::write(root.join("content/paspor/hilang.md"), hilang).unwrap();
        std::fs::write(root.join("content/paspor/baru.md"), baru).unwrap();
        let (rebuilt, _) = builder.rebuild(&Batch {
            paths: [
                "content/paspor/hilang.md".to_string(),
                "content/paspor/baru.md".to_string(),
            ]
            .into(),
            rescan: false,
        });
        assert!(
            !rebuilt.failed() && rebuilt.relinked,
            "{:?}",
            rebuilt.diagnostics
        );
        assert!(rebuilt.changed.contains(&"paspor/index.html".to_string()));
        assert_same_as_full(&builder, &options, "two pages reordered");
    }

    /// Saving through a temporary file (as `sed -i` and JetBrains' safe write do) is still an edit of one
    /// page, relinked and rendered as such, not a new file; a file that really appears still is one.
    #[test]
    fn a_save_through_a_temporary_file_is_an_edit() {
        let (dir, options, mut builder) = first_built();
        let root = dir.path();
        let rel = "content/paspor/hilang.md";
        let text = std::fs::read_to_string(root.join(rel)).unwrap();
        for temp in [
            "content/paspor/sedX1b2Qz",
            "content/paspor/hilang.md___jb_tmp___",
        ] {
            std::fs::write(root.join(temp), text.replace("Paspor Hilang", temp)).unwrap();
            std::fs::rename(root.join(temp), root.join(rel)).unwrap();
            let batch = Batch {
                paths: [temp.to_string(), rel.to_string()].into(),
                rescan: false,
            };
            let (rebuilt, search) = builder.rebuild(&batch);
            assert!(!rebuilt.failed(), "{:?}", rebuilt.diagnostics);
            assert!(
                rebuilt.relinked && rebuilt.incremental,
                "{temp}: {:?}",
                rebuilt.rendered
            );
            assert!(served(&builder.files(), "paspor/hilang/index.html").contains(temp));
            if let Some(search) = search {
                assert!(search.run(|_| ()).is_some());
            }
        }
        assert_same_as_full(&builder, &options, "after saves through temporary files");
        // An asset that appears is not left out.
        let asset = "content/paspor/peta.txt";
        std::fs::write(root.join(asset), "peta").unwrap();
        let (rebuilt, _) = builder.rebuild(&Batch {
            paths: [asset.to_string()].into(),
            rescan: false,
        });
        assert!(
            rebuilt.changed.iter().any(|c| c.ends_with("peta.txt")),
            "{:?}",
            rebuilt.changed
        );
    }

    /// A change that needs the whole site linked again drops the last model before linking (it is gone when
    /// the rebuild returns, not freed later on another thread); a relinked edit keeps building on it.
    #[test]
    fn a_full_link_drops_the_last_model_first() {
        let (dir, options, mut builder) = first_built();
        let root = dir.path();
        let model = |b: &Builder| Arc::downgrade(&b.last.as_ref().expect("a last run").prepared);

        let (rebuilt, _) = builder.rebuild(&edit(
            root,
            "content/paspor/hilang.md",
            "Laporkan",
            "Segera laporkan",
        ));
        assert!(
            !rebuilt.failed() && rebuilt.relinked,
            "{:?}",
            rebuilt.diagnostics
        );

        let before = model(&builder);
        std::fs::write(
            root.join("content/paspor/lain.md"),
            "---\ntitle: Lain\n---\nIsi.\n",
        )
        .unwrap();
        let batch = Batch {
            paths: ["content/paspor/lain.md".to_string()].into(),
            rescan: false,
        };
        let (rebuilt, search) = builder.rebuild(&batch);
        assert!(
            !rebuilt.failed() && !rebuilt.relinked,
            "{:?}",
            rebuilt.diagnostics
        );
        assert!(
            before.upgrade().is_none(),
            "the last model was dropped, not kept until the end"
        );
        if let Some(search) = search {
            assert!(search.run(|_| ()).is_some());
        }
        assert!(served(&builder.files(), "paspor/index.html").contains("Lain"));
        assert_same_as_full(&builder, &options, "after a new page");
    }

    /// Removing a heading another page links to is an error in the linking page, though only the target was
    /// read again; a broken file's own error is shown without linking it, and fixing it relinks from the
    /// last good site with every change since.
    #[test]
    fn relinked_errors_point_at_the_right_file_and_recover() {
        let (dir, options, mut builder) = first_built();
        let root = dir.path();
        let rel = "content/paspor/hilang.md";
        let good = std::fs::read_to_string(root.join(rel)).unwrap();

        let rebuilt = save(
            &mut builder,
            &options,
            rel,
            &good.replace("## Denda", "## Sanksi"),
        );
        assert!(rebuilt.failed());
        let broken = rebuilt
            .diagnostics
            .iter()
            .find(|d| d.code == crate::diagnostics::codes::BROKEN_ANCHOR)
            .expect("the link to #denda is reported");
        assert_eq!(broken.file.as_deref(), Some("content/paspor/baru.md"));
        assert!(rebuilt.changed.is_empty());
        // baru.md was not edited and its text not kept since the first run: the message still quotes it.
        let shown = crate::diagnostics::render_human(&rebuilt.diagnostics, &rebuilt.sources, false);
        let line = std::fs::read_to_string(root.join("content/paspor/baru.md"))
            .unwrap()
            .lines()
            .position(|l| l.contains("#denda"))
            .unwrap()
            + 1;
        assert!(
            shown.contains(&format!("content/paspor/baru.md:{line}:")) && shown.contains("#denda"),
            "{shown}"
        );

        // Then a YAML mistake in the same file: only its own error, no errors of links to it.
        let rebuilt = save(
            &mut builder,
            &options,
            rel,
            &good.replace("title: Paspor Hilang", "title: [Paspor"),
        );
        assert!(rebuilt.failed());
        assert!(
            rebuilt
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .all(|d| d.file.as_deref() == Some(rel)),
            "{:?}",
            rebuilt.diagnostics
        );

        // Another page edited meanwhile, then the first fixed with a new title: both edits are served.
        let other = "content/paspor/baru.en.md";
        let text = std::fs::read_to_string(root.join(other)).unwrap();
        let rebuilt = save(
            &mut builder,
            &options,
            other,
            &text.replace("New Passport", "A New Passport"),
        );
        assert!(rebuilt.failed(), "the YAML mistake is still there");
        let rebuilt = save(
            &mut builder,
            &options,
            rel,
            &good.replace("Paspor Hilang", "Paspor Raib"),
        );
        assert!(
            !rebuilt.failed() && rebuilt.relinked,
            "{:?}",
            rebuilt.diagnostics
        );
        assert_same_as_full(&builder, &options, "after the fix");
        let files = builder.files();
        assert!(served(&files, "paspor/index.html").contains("Paspor Raib"));
        assert!(served(&files, "en/paspor/baru/index.html").contains("A New Passport"));
    }
}
