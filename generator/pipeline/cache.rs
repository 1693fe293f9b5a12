//! What `serve` keeps of `content/` between runs: each Markdown file's load result, keyed by its text's
//! fingerprint, and the last listing of the folder, so a run reads and loads only what the watcher
//! reported. `build` and `check` go through the same code with a cache that keeps nothing
//! ([`LoadCache::one_shot`]).

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{self, Loaded};
use crate::diagnostics::{Diagnostic, Sources};

/// What the load results depend on besides a file's own text: `site.yaml`, the glossary
/// ([`crate::data::load_key`]) and the base URL given on the command line. A change of any loads every file
/// again.
#[derive(Clone, PartialEq, Eq)]
pub(super) struct ConfigKey {
    pub texts: Arc<str>,
    pub base_url: Option<String>,
}

/// Which paths a run reads from `content/`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Reading {
    /// Only the paths reported since the last run (when the last listing is complete).
    Reported,
    /// The whole folder.
    Everything,
}

/// Which files a run loads, once `content/` is read.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Loading {
    /// Only those whose text changed (a run that links only the edited pages).
    Changed,
    /// Every file that has no up-to-date load result (a run that links the whole site).
    All,
}

/// The outcome of loading one Markdown file; the loaded file is shared with the cache, not copied.
type LoadResult = Result<(Arc<Loaded>, Vec<Diagnostic>), Vec<Diagnostic>>;

/// What reading `content/` and loading it gave: files to link, assets and problems.
pub(super) struct ReadAndLoaded {
    pub loaded: Vec<Arc<Loaded>>,
    pub assets: Vec<content::AssetFile>,
    pub diagnostics: Vec<Diagnostic>,
}

/// What the cache knows of one Markdown file.
pub(super) struct Entry {
    /// The fingerprint of the text last loaded ([`crate::fingerprint`]).
    fingerprint: u128,
    /// The loaded file, until a full link takes it: linking then owns it instead of copying it, so a large
    /// site is not held twice (here and in the site). Loaded again from the file when needed.
    pub loaded: Option<Arc<Loaded>>,
    /// Its warnings, or the errors that kept it from loading.
    pub diagnostics: Vec<Diagnostic>,
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
    pub(super) config: Option<ConfigKey>,
    pub(super) entries: HashMap<String, Entry>,
    /// A one-shot run (`build`, `check`) keeps nothing, so the results move to linking without a copy.
    pub(super) forget: bool,
    /// The last listing of `content/`.
    pub(super) listing: Option<content::Listing>,
    /// The listing can be brought up to date path by path (every folder could be listed).
    pub(super) complete: bool,
    /// Paths reported changed that the listing has not taken in yet (a run that stopped before reading
    /// `content/` leaves them for the next).
    pub(super) pending: BTreeSet<String>,
    /// The sources of the last run: every text the listing holds is in them.
    pub(super) sources: Option<Arc<Sources>>,
}

/// What bringing the cache up to date found out.
pub(super) struct Refreshed {
    /// About `content/` itself (a folder that could not be listed).
    pub diagnostics: Vec<Diagnostic>,
    /// The Markdown files whose text changed (`None`: everything was read again).
    pub changed: Option<BTreeSet<String>>,
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
    pub(super) fn read_and_load(
        &mut self,
        root: &Path,
        sources: &Sources,
        config: &Config,
        key: ConfigKey,
        reading: Reading,
    ) -> (ReadAndLoaded, Option<BTreeSet<String>>) {
        if self.forget {
            let (files, assets, diagnostics) = content::read(root, sources);
            // Each result has no other owner: it moves to linking without a copy.
            let loaded = files
                .par_iter()
                .with_max_len(super::PART)
                .map(|f| content::load_file(config, f).map(|(l, w)| (Arc::new(l), w)))
                .collect();
            return (Self::split(loaded, assets, diagnostics), None);
        }
        let refreshed = self.refresh(root, sources, config, key, reading, Loading::All);
        (self.collect(refreshed.diagnostics), refreshed.changed)
    }

    /// Brings the listing of `content/` and the load results up to date, reading and loading what
    /// `reading` and `loading` say.
    pub(super) fn refresh(
        &mut self,
        root: &Path,
        sources: &Sources,
        config: &Config,
        key: ConfigKey,
        reading: Reading,
        loading: Loading,
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
        let mut listing = self
            .listing
            .take()
            .filter(|_| reading == Reading::Reported && self.complete);
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
            Some(changed) if !reload && loading == Loading::Changed => {
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
    pub(super) fn collect(&mut self, mut diagnostics: Vec<Diagnostic>) -> ReadAndLoaded {
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
    pub(super) fn load_all(
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
            .with_max_len(super::PART)
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
    pub(super) fn entry(
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
