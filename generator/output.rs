//! Where rendered bytes go: path safety, the sinks (disk staging folder for `build`, memory for `serve`,
//! nothing for `check`), and the atomic swap that makes a failed build leave the previous output untouched.

use crate::msg;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// A `/`-separated path relative to the output folder that cannot leave it: no `..`, no absolute path,
/// no empty or `.` segment, no backslash, drive letter or control character.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OutputPath(String);

/// Why a path was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsafePath {
    pub path: String,
    pub reason: crate::messages::Message,
}

impl fmt::Display for UnsafePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`: {}", self.path, self.reason.show())
    }
}

impl OutputPath {
    pub fn new(path: &str) -> Result<OutputPath, UnsafePath> {
        let refuse = |reason| UnsafePath {
            path: path.to_string(),
            reason,
        };
        if path.is_empty() {
            return Err(refuse(msg!("path-empty")));
        }
        if path.starts_with('/') {
            return Err(refuse(msg!("path-absolute")));
        }
        for segment in path.split('/') {
            if segment == ".." {
                return Err(refuse(msg!("path-goes-up")));
            }
            if !is_safe_segment(segment) {
                return Err(refuse(msg!("path-unsafe-segment")));
            }
        }
        Ok(OutputPath(path.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn to_path(&self, root: &Path) -> PathBuf {
        let mut p = root.to_path_buf();
        p.extend(self.0.split('/'));
        p
    }
}

/// One path segment that is safe as a file or folder name on every platform we write to.
pub fn is_safe_segment(segment: &str) -> bool {
    !segment.is_empty()
        && segment != "."
        && segment != ".."
        && segment.len() <= 255
        && !segment.chars().any(|c| {
            c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        })
}

/// Receives the outputs of a run.
pub trait Sink: Sync {
    fn put(&self, path: &OutputPath, bytes: &[u8]) -> io::Result<()>;
    /// Copies a file from disk (static assets, bundle images) without reading it into memory for `build`.
    fn copy(&self, path: &OutputPath, from: &Path) -> io::Result<()> {
        let bytes = fs::read(from)?;
        self.put(path, &bytes)
    }
}

/// Discards everything: `check` renders to find template errors but writes nothing.
pub struct NullSink;

impl Sink for NullSink {
    fn put(&self, _: &OutputPath, _: &[u8]) -> io::Result<()> {
        Ok(())
    }
    fn copy(&self, _: &OutputPath, _: &Path) -> io::Result<()> {
        Ok(())
    }
}

/// Writes into a staging folder beside the output folder; [`Staging::commit`] swaps it in.
///
/// A staging folder exists only while its build holds the [`BuildLock`] of the output, so two builds of the
/// same output never interleave, and any staging folder found while holding the lock was left by a build
/// that died.
pub struct Staging {
    output: PathBuf,
    staging: PathBuf,
    committed: bool,
    /// Released when the staging folder is committed or dropped (or the process ends).
    _lock: BuildLock,
}

impl Staging {
    /// Takes the output's build lock (calling `on_wait` first if another build holds it, then waiting),
    /// removes staging folders left by killed builds and creates a fresh one next to `output`.
    pub fn create(output: &Path, on_wait: impl FnOnce()) -> io::Result<Staging> {
        let (parent, name) = parent_and_name(output);
        fs::create_dir_all(&parent)?;
        let lock = BuildLock::acquire(&parent, &name, on_wait)?;
        remove_stale(&parent, &name);
        let staging = parent.join(format!(".{name}.suluh-new-{}", std::process::id()));
        if staging.exists() {
            fs::remove_dir_all(&staging)?;
        }
        fs::create_dir_all(&staging)?;
        Ok(Staging {
            output: output.to_path_buf(),
            staging,
            committed: false,
            _lock: lock,
        })
    }

    /// Replaces the output folder with the staging folder. On Linux the two folders are exchanged in one
    /// `renameat2(RENAME_EXCHANGE)`, so there is no moment without a complete output folder.
    pub fn commit(mut self) -> io::Result<()> {
        // From here on the staging folder is either the new output or removed below; `drop` must not touch it.
        self.committed = true;
        let (staging, output) = (&self.staging, &self.output);
        if output.exists() {
            let (parent, name) = parent_and_name(output);
            let old = parent.join(format!(".{name}.suluh-old-{}", std::process::id()));
            if let Err(e) = exchange_or_rename(staging, output, &old) {
                let _ = fs::remove_dir_all(staging);
                return Err(e);
            }
            // The old output now lives at `staging` (exchange) or `old` (fallback); both are ours to remove.
            remove_tree(staging);
            remove_tree(&old);
        } else if let Err(e) = fs::rename(staging, output) {
            let _ = fs::remove_dir_all(staging);
            return Err(e);
        }
        Ok(())
    }
}

/// Removes a folder tree, its top-level entries in parallel: the old output of a large site holds tens
/// of thousands of files, and unlinking them one after the other took a tenth of a rebuild.
fn remove_tree(dir: &Path) {
    if let Ok(entries) = fs::read_dir(dir) {
        let entries: Vec<fs::DirEntry> = entries.flatten().collect();
        entries.par_iter().for_each(|entry| {
            // The entry's own type: a symlink is removed, never followed.
            let _ = match entry.file_type() {
                Ok(t) if t.is_dir() => fs::remove_dir_all(entry.path()),
                _ => fs::remove_file(entry.path()),
            };
        });
    }
    let _ = fs::remove_dir_all(dir);
}

impl Drop for Staging {
    /// An abandoned build removes its staging folder and leaves the output alone.
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// The folder an output lives in and the output's own name (`dist` for `site/dist`).
fn parent_and_name(output: &Path) -> (PathBuf, String) {
    let parent = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dist".to_string());
    (parent, name)
}

/// Exclusive right to write an output folder: an advisory `flock` on `.<name>.suluh-lock` beside it.
///
/// The kernel releases the lock when the file is closed, however the process ends (even `SIGKILL`), so a
/// killed build never leaves a lock that needs removing by hand. The file is removed on release so it does
/// not linger in the site folder; a waiter that then wakes up holding the removed file notices (the path no
/// longer names its file) and locks afresh.
pub struct BuildLock {
    /// Held open for the lock; closing it releases the lock.
    _file: fs::File,
    path: PathBuf,
}

impl BuildLock {
    /// Takes the lock of output `name` in `parent`; if another build holds it, calls `on_wait` and waits.
    pub fn acquire(parent: &Path, name: &str, on_wait: impl FnOnce()) -> io::Result<BuildLock> {
        let path = parent.join(format!(".{name}.suluh-lock"));
        let mut on_wait = Some(on_wait);
        loop {
            let file = fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)?;
            lock_file(&file, || {
                if let Some(f) = on_wait.take() {
                    f()
                }
            })?;
            if same_file(&file, &path) {
                return Ok(BuildLock { _file: file, path });
            }
        }
    }
}

impl Drop for BuildLock {
    fn drop(&mut self) {
        // Removed while still locked, so no other build can be holding this file as its lock.
        let _ = fs::remove_file(&self.path);
    }
}

/// Whether `path` still names the open `file` (the previous holder may have removed it meanwhile).
#[cfg(unix)]
fn same_file(file: &fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &fs::File, path: &Path) -> bool {
    path.exists()
}

#[cfg(unix)]
fn lock_file(file: &fs::File, on_wait: impl FnOnce()) -> io::Result<()> {
    use rustix::fs::{flock, FlockOperation};
    match flock(file, FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => Ok(()),
        Err(rustix::io::Errno::WOULDBLOCK) => {
            on_wait();
            loop {
                match flock(file, FlockOperation::LockExclusive) {
                    Err(rustix::io::Errno::INTR) => continue,
                    other => return other.map_err(io::Error::from),
                }
            }
        }
        Err(e) => Err(io::Error::from(e)),
    }
}

#[cfg(not(unix))]
fn lock_file(_file: &fs::File, _on_wait: impl FnOnce()) -> io::Result<()> {
    // No advisory locks through rustix here; builds of one output must not be started twice at once.
    Ok(())
}

impl Sink for Staging {
    fn put(&self, path: &OutputPath, bytes: &[u8]) -> io::Result<()> {
        let target = path.to_path(&self.staging);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&target, bytes)
    }

    fn copy(&self, path: &OutputPath, from: &Path) -> io::Result<()> {
        let target = path.to_path(&self.staging);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::copy(from, &target).map(|_| ())
    }
}

#[cfg(target_os = "linux")]
fn exchange_or_rename(staging: &Path, output: &Path, old: &Path) -> io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    match renameat_with(CWD, staging, CWD, output, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        Err(_) => rename_twice(staging, output, old),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange_or_rename(staging: &Path, output: &Path, old: &Path) -> io::Result<()> {
    rename_twice(staging, output, old)
}

fn rename_twice(staging: &Path, output: &Path, old: &Path) -> io::Result<()> {
    fs::rename(output, old)?;
    if let Err(e) = fs::rename(staging, output) {
        // Put the previous output back rather than leave none.
        let _ = fs::rename(old, output);
        return Err(e);
    }
    Ok(())
}

/// Removes staging folders of builds that died (killed, or a crashed machine). Called only while holding
/// the output's [`BuildLock`]: no other build can be writing one, whatever process id it carries.
fn remove_stale(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefixes = [format!(".{name}.suluh-new-"), format!(".{name}.suluh-old-")];
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if prefixes.iter().any(|p| file_name.starts_with(p.as_str())) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_escape() {
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a//b",
            "a/./b",
            "a\\b",
            "c:/x",
            "a/\u{0}",
        ] {
            assert!(OutputPath::new(bad).is_err(), "{bad:?} accepted");
        }
        for good in [
            "index.html",
            "en/paspor/paspor-baru/index.html",
            "tags/wni/index.html",
            "ar/تأشيرة/index.html",
        ] {
            assert!(OutputPath::new(good).is_ok(), "{good:?} refused");
        }
    }

    #[test]
    fn staging_swaps_in_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("dist");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("old.html"), "old").unwrap();

        let staging = Staging::create(&out, || {}).unwrap();
        staging
            .put(&OutputPath::new("new/index.html").unwrap(), b"new")
            .unwrap();
        drop(staging);
        assert!(out.join("old.html").exists());
        assert!(!out.join("new").exists());

        let staging = Staging::create(&out, || {}).unwrap();
        staging
            .put(&OutputPath::new("new/index.html").unwrap(), b"new")
            .unwrap();
        staging.commit().unwrap();
        assert!(!out.join("old.html").exists());
        assert_eq!(
            fs::read_to_string(out.join("new/index.html")).unwrap(),
            "new"
        );
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    }
}
