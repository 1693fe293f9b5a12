//! Watching the site's inputs with `notify`, in debounced batches.
//!
//! Editors save by writing a temporary file and renaming it over the original, which looks like a deletion
//! followed by a creation; `git checkout` changes hundreds of files at once. So events are only a signal:
//! they are collected until the file system has been quiet for [`QUIET`], and the rebuild then reads every
//! input in its final state. Editors' temporary and backup files never trigger a rebuild.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::config;
use crate::content::is_ignored;

/// The folders under the site root whose files are inputs of the build.
pub const INPUT_DIRS: [&str; 6] = ["content", "templates", "static", "themes", "i18n", "data"];

/// How long the file system must stay quiet before a batch is rebuilt. An editor's save (a temporary file
/// renamed over the original, a swap or backup file beside it) is a burst of events a few milliseconds long;
/// 50 ms covers it with room to spare and keeps an edit on screen within a tenth of a second of the save.
pub const QUIET: Duration = Duration::from_millis(50);

/// A batch that keeps growing is rebuilt after this long anyway, so a long checkout shows progress.
const LONGEST: Duration = Duration::from_secs(2);

/// Changed inputs, by site-relative path (`content/paspor/paspor-baru.md`, `site.yaml`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    pub paths: BTreeSet<String>,
    /// The watcher lost events (its queue overflowed): everything must be read again.
    pub rescan: bool,
}

/// The watcher and the channel its events arrive on.
pub struct Watch {
    root: PathBuf,
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    watched: BTreeSet<&'static str>,
}

impl Watch {
    /// Watches the root (for `site.yaml` and input folders created later) and every input folder.
    pub fn start(root: &Path) -> notify::Result<Watch> {
        let (tx, events) = channel();
        let mut watcher = notify::recommended_watcher(move |event| {
            let _ = tx.send(event);
        })?;
        watcher.watch(root, RecursiveMode::NonRecursive)?;
        let mut watch = Watch {
            root: root.to_path_buf(),
            watcher,
            events,
            watched: BTreeSet::new(),
        };
        watch.watch_new_dirs();
        Ok(watch)
    }

    /// Starts watching input folders that exist now and were not watched yet.
    fn watch_new_dirs(&mut self) {
        for dir in INPUT_DIRS {
            if self.watched.contains(dir) {
                continue;
            }
            let path = self.root.join(dir);
            if path.is_dir() && self.watcher.watch(&path, RecursiveMode::Recursive).is_ok() {
                self.watched.insert(dir);
            }
        }
    }

    /// Blocks until inputs change, then returns the batch once the file system has been quiet for [`QUIET`].
    /// `None` when the watcher has stopped.
    pub fn next_batch(&mut self) -> Option<Batch> {
        let mut batch = Batch::default();
        // Wait for the first relevant event.
        while batch.paths.is_empty() && !batch.rescan {
            let event = self.events.recv().ok()?;
            self.absorb(event, &mut batch);
        }
        let started = Instant::now();
        let mut last = Instant::now();
        loop {
            let left = QUIET.saturating_sub(last.elapsed());
            if left.is_zero() || started.elapsed() > LONGEST {
                break;
            }
            match self.events.recv_timeout(left) {
                Ok(event) => {
                    if self.absorb(event, &mut batch) {
                        last = Instant::now();
                    }
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        // Folders such as `templates/` may have been created by this batch.
        self.watch_new_dirs();
        Some(batch)
    }

    /// Adds an event's relevant paths to the batch; true if it had any.
    fn absorb(&self, event: notify::Result<notify::Event>, batch: &mut Batch) -> bool {
        let event = match event {
            Ok(e) => e,
            // An error from the watcher (e.g. a lost watch) means we cannot trust what we saw.
            Err(_) => {
                batch.rescan = true;
                return true;
            }
        };
        if event.need_rescan() {
            batch.rescan = true;
            return true;
        }
        // Reading a file (our own rebuild does) must not trigger a rebuild.
        if matches!(event.kind, EventKind::Access(_)) {
            return false;
        }
        let mut any = false;
        for path in &event.paths {
            if let Some(rel) = relevant(&self.root, path) {
                batch.paths.insert(rel);
                any = true;
            }
        }
        any
    }
}

/// The site-relative path of `path` if it is an input of the build: `site.yaml`, or a file under one of the
/// [`INPUT_DIRS`] that is not an editor's temporary, backup or hidden file.
pub fn relevant(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(name) => parts.push(name.to_str()?),
            _ => return None,
        }
    }
    let first = *parts.first()?;
    if parts.len() == 1 && first == config::FILE_NAME {
        return Some(first.to_string());
    }
    if !INPUT_DIRS.contains(&first) || parts.iter().any(|p| is_ignored(p)) {
        return None;
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_inputs_are_relevant() {
        let root = Path::new("/site");
        let rel = |p: &str| relevant(root, &root.join(p));
        assert_eq!(rel("site.yaml"), Some("site.yaml".into()));
        assert_eq!(
            rel("content/paspor/a.md"),
            Some("content/paspor/a.md".into())
        );
        assert_eq!(
            rel("themes/default/templates/page.html"),
            Some("themes/default/templates/page.html".into())
        );
        assert_eq!(rel("i18n/en.yaml"), Some("i18n/en.yaml".into()));
        assert_eq!(rel("data/tariffs.yaml"), Some("data/tariffs.yaml".into()));
        assert_eq!(rel("content"), Some("content".into()));
        for ignored in [
            "dist/index.html",
            "node_modules/x/y.js",
            "README.md",
            "site.yaml~",
            "content/paspor/.a.md.swp",
            "content/paspor/a.md~",
            "content/paspor/#a.md#",
            "content/.git/HEAD",
            "content/paspor/a.md.tmp",
            "static/.DS_Store",
        ] {
            assert_eq!(rel(ignored), None, "{ignored}");
        }
        assert_eq!(relevant(root, Path::new("/elsewhere/content/a.md")), None);
    }

    /// A save by rename, a burst of writes and an editor's swap file give one batch with the real paths.
    #[test]
    fn a_burst_of_changes_is_one_batch() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("content/paspor")).unwrap();
        std::fs::write(root.join("site.yaml"), "title: x\n").unwrap();
        std::fs::write(root.join("content/paspor/a.md"), "old").unwrap();
        let mut watch = Watch::start(&root).unwrap();

        let tmp = root.join("content/paspor/.a.md.tmp123");
        std::fs::write(&tmp, "new").unwrap();
        std::fs::rename(&tmp, root.join("content/paspor/a.md")).unwrap();
        std::fs::write(root.join("content/paspor/.a.md.swp"), "swap").unwrap();
        for i in 0..20 {
            std::fs::write(root.join(format!("content/paspor/p{i}.md")), "x").unwrap();
        }
        std::fs::create_dir_all(root.join("templates")).unwrap();
        let batch = watch.next_batch().unwrap();
        assert!(batch.paths.contains("content/paspor/a.md"), "{batch:?}");
        assert!(batch.paths.contains("content/paspor/p19.md"), "{batch:?}");
        assert!(
            batch
                .paths
                .iter()
                .all(|p| !p.contains(".swp") && !p.contains(".tmp")),
            "{batch:?}"
        );

        // A folder created in the batch is watched from then on.
        std::fs::write(root.join("templates/page.html"), "x").unwrap();
        let batch = watch.next_batch().unwrap();
        assert!(batch.paths.contains("templates/page.html"), "{batch:?}");
    }
}
