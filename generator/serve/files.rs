//! The outputs served, by output path (`en/paspor/index.html`): each kept deflated in a file of a temporary
//! folder ([`Spill`]), in a map that a rebuild copies in time proportional to what it changes, not to the
//! size of the site.
//!
//! A rebuild publishes a new map while requests may still read the old one, so each rebuild copies the
//! map. A plain map of a large site (30,000 outputs) takes milliseconds to copy; here the bulk is shared
//! behind an `Arc` and only the outputs changed since it was last folded in are copied.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;

use crate::fingerprint::of as hash;
use crate::msg;
use crate::output::{OutputPath, Sink};

/// One output as served. Two stored outputs are equal exactly when their bytes are (same length, same
/// 128-bit hash), whether or not their bytes are in memory.
pub struct Stored {
    len: usize,
    hash: u128,
    body: Body,
    /// Its share of the spill's allowance for outputs kept in memory after an edit, if it holds one.
    _kept: Option<Kept>,
}

/// Where an output's bytes are: deflated when that makes them smaller (text), as they are otherwise
/// (images, PDFs).
enum Body {
    Memory {
        deflated: bool,
        bytes: Box<[u8]>,
    },
    /// In a file of the spill folder. A large site's pages would take more memory deflated (150 MiB for
    /// 30,000 pages) than a whole `build` adds to the site model while rendering; on disk they cost the
    /// page cache, which the system gives back when it needs to.
    Disk {
        deflated: bool,
        file: SpillFile,
    },
}

impl PartialEq for Stored {
    fn eq(&self, other: &Stored) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

impl Eq for Stored {}

impl fmt::Debug for Stored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Stored")
            .field("len", &self.len)
            .field("hash", &format_args!("{:032x}", self.hash))
            .field("on_disk", &matches!(self.body, Body::Disk { .. }))
            .finish()
    }
}

/// Smaller outputs are kept as they are: deflating them saves little.
const DEFLATE_FROM: usize = 512;

/// Outputs that take less than this once deflated stay in memory: a file each would cost more (an inode,
/// a block of page cache) than the bytes themselves.
const SPILL_FROM: usize = 1024;

/// At most this many bytes (as kept, deflated) of outputs that rebuilds after an edit keep in memory rather
/// than in spill files ([`Store::after_edit`]): a new file costs about a millisecond on a slow disk while
/// the editor waits for the page, and an edit reaches only a handful of outputs. Once it is used up, such
/// outputs go to files as any others do, so memory stays bounded however long `serve` runs.
const KEEP_AT_MOST: usize = 16 << 20;

/// Where an output large enough for a spill file goes.
#[derive(Clone, Copy, Default)]
enum Large {
    #[default]
    ToFile,
    /// In memory while [`KEEP_AT_MOST`] lasts, in a file after that.
    InMemoryWhileAllowed,
}

/// The bytes as kept: deflated when that saves an eighth or more.
fn pack(bytes: &[u8]) -> (bool, Vec<u8>) {
    if bytes.len() >= DEFLATE_FROM {
        if let Some(deflated) = deflate(bytes).filter(|d| d.len() < bytes.len() / 8 * 7) {
            return (true, deflated);
        }
    }
    (false, bytes.to_vec())
}

impl Stored {
    /// An output kept in memory.
    pub fn new(bytes: &[u8]) -> Stored {
        Stored::with_hash(bytes, hash(bytes), None, Large::ToFile)
    }

    /// An output kept in a file of `spill` when it is large enough, in memory otherwise (or when the file
    /// cannot be written); with [`Large::InMemoryWhileAllowed`], a large one stays in memory too while the
    /// spill's allowance lasts.
    fn with_hash(bytes: &[u8], hash: u128, spill: Option<&Arc<Spill>>, large: Large) -> Stored {
        let (deflated, packed) = pack(bytes);
        let spill = spill.filter(|_| packed.len() >= SPILL_FROM);
        let kept = spill
            .filter(|_| matches!(large, Large::InMemoryWhileAllowed))
            .and_then(|spill| spill.keep(packed.len()));
        let file = spill
            .filter(|_| kept.is_none())
            .and_then(|spill| spill.write(&packed));
        let body = match file {
            Some(file) => Body::Disk { deflated, file },
            None => Body::Memory {
                deflated,
                bytes: packed.into_boxed_slice(),
            },
        };
        Stored {
            len: bytes.len(),
            hash,
            body,
            _kept: kept,
        }
    }

    /// The output's bytes, read back and inflated if need be.
    pub fn bytes(&self) -> io::Result<Cow<'_, [u8]>> {
        let (deflated, packed) = match &self.body {
            Body::Memory { deflated, bytes } => (*deflated, Cow::Borrowed(&bytes[..])),
            Body::Disk { deflated, file } => (*deflated, Cow::Owned(std::fs::read(file.path())?)),
        };
        if !deflated {
            return Ok(packed);
        }
        let mut out = Vec::with_capacity(self.len);
        DeflateDecoder::new(&packed[..]).read_to_end(&mut out)?;
        Ok(Cow::Owned(out))
    }
}

fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = DeflateEncoder::new(Vec::with_capacity(bytes.len() / 2), Compression::fast());
    encoder.write_all(bytes).ok()?;
    encoder.finish().ok()
}

/// The temporary folder that holds the served outputs' bytes, one file per output, removed when `serve`
/// stops ([`Spill::remove`]) or when the last output and this handle are gone. Nothing in it is ever
/// changed: a new version of an output is a new file, so a request still reading the old version reads it
/// whole.
pub struct Spill {
    dir: Mutex<Option<tempfile::TempDir>>,
    path: PathBuf,
    next: AtomicU64,
    /// Set once writing failed (the disk is full): outputs stay in memory from then on.
    failed: AtomicBool,
    /// Bytes of the outputs held in memory in place of files, out of [`KEEP_AT_MOST`].
    kept: AtomicUsize,
}

impl Spill {
    /// A new folder in the system's temporary folder (`TMPDIR`).
    pub fn new() -> io::Result<Arc<Spill>> {
        let dir = tempfile::Builder::new().prefix("suluh-serve-").tempdir()?;
        Ok(Arc::new(Spill {
            path: dir.path().to_path_buf(),
            dir: Mutex::new(Some(dir)),
            next: AtomicU64::new(0),
            failed: AtomicBool::new(false),
            kept: AtomicUsize::new(0),
        }))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Takes `len` bytes of the allowance for outputs kept in memory; `None` when it would run out.
    fn keep(self: &Arc<Spill>, len: usize) -> Option<Kept> {
        self.kept
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |k| {
                k.checked_add(len).filter(|&k| k <= KEEP_AT_MOST)
            })
            .ok()?;
        Some(Kept {
            spill: self.clone(),
            len,
        })
    }

    fn write(self: &Arc<Spill>, bytes: &[u8]) -> Option<SpillFile> {
        if self.failed.load(Ordering::Relaxed) {
            return None;
        }
        let file = SpillFile {
            spill: self.clone(),
            name: self.next.fetch_add(1, Ordering::Relaxed),
        };
        match std::fs::write(file.path(), bytes) {
            Ok(()) => Some(file),
            Err(e) => {
                if !self.failed.swap(true, Ordering::Relaxed) {
                    eprintln!(
                        "{}",
                        msg!(
                            "serve-cannot-spill",
                            folder = self.path.display().to_string(),
                            reason = crate::messages::io_reason(&e)
                        )
                    );
                }
                None
            }
        }
    }

    /// Removes the folder and everything in it now (`serve` is stopping; nothing reads it any more). Outputs
    /// stored from then on stay in memory, and a file a rendering thread was writing meanwhile is removed by
    /// a second pass.
    pub fn remove(&self) {
        self.failed.store(true, Ordering::SeqCst);
        let dir = self.dir.lock().unwrap_or_else(|e| e.into_inner()).take();
        for _ in 0..3 {
            match std::fs::remove_dir_all(&self.path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => continue,
                _ => break,
            }
        }
        drop(dir);
    }
}

/// An output's share of the spill's allowance for outputs kept in memory, given back with the output.
struct Kept {
    spill: Arc<Spill>,
    len: usize,
}

impl Drop for Kept {
    fn drop(&mut self) {
        self.spill.kept.fetch_sub(self.len, Ordering::Relaxed);
    }
}

/// One output's file in the spill folder, deleted with the last version of the site that serves it.
struct SpillFile {
    spill: Arc<Spill>,
    name: u64,
}

impl SpillFile {
    fn path(&self) -> PathBuf {
        self.spill.path.join(format!("{:x}", self.name))
    }
}

impl Drop for SpillFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(self.path());
    }
}

/// One output as served.
pub type Bytes = Arc<Stored>;

/// The outputs of one run, by path.
pub type Rendered = BTreeMap<String, Bytes>;

/// A sink that keeps a run's outputs as they arrive (on the threads that render them): in `spill` when
/// there is one, and unchanged outputs as the `previous` site's, without storing them again.
#[derive(Default)]
pub struct Store {
    files: Mutex<Rendered>,
    spill: Option<Arc<Spill>>,
    previous: Option<Arc<Files>>,
    /// Where large outputs go ([`Store::after_edit`] keeps them in memory while the allowance lasts).
    large: Large,
}

impl Store {
    pub fn new(spill: Option<Arc<Spill>>, previous: Option<Arc<Files>>) -> Store {
        Store {
            files: Mutex::default(),
            spill,
            previous,
            large: Large::ToFile,
        }
    }

    /// This store is for a rebuild after an edit: the few outputs it reaches are published without waiting
    /// for new spill files, within [`KEEP_AT_MOST`].
    pub fn after_edit(mut self) -> Store {
        self.large = Large::InMemoryWhileAllowed;
        self
    }

    pub fn into_files(self) -> Rendered {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Store {
    fn put(&self, path: &OutputPath, bytes: &[u8]) -> io::Result<()> {
        let key = path.as_str();
        let hash = hash(bytes);
        let same = self
            .previous
            .as_ref()
            .and_then(|p| p.get(key))
            .filter(|old| old.len == bytes.len() && old.hash == hash);
        let stored = match same {
            Some(old) => old.clone(),
            None => Arc::new(Stored::with_hash(
                bytes,
                hash,
                self.spill.as_ref(),
                self.large,
            )),
        };
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key.to_string(), stored);
        Ok(())
    }
}

/// The outputs of the last good build.
#[derive(Clone, Debug, Default)]
pub struct Files {
    /// Most outputs, shared between copies.
    base: Arc<BTreeMap<String, Bytes>>,
    /// Outputs changed since `base` was made: new bytes, or `None` where removed.
    recent: BTreeMap<String, Option<Bytes>>,
}

impl Files {
    pub fn new() -> Files {
        Files::default()
    }

    pub fn get(&self, key: &str) -> Option<&Bytes> {
        match self.recent.get(key) {
            Some(recent) => recent.as_ref(),
            None => self.base.get(key),
        }
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn len(&self) -> usize {
        let mut len = self.base.len();
        for (key, bytes) in &self.recent {
            match (self.base.contains_key(key), bytes.is_some()) {
                (false, true) => len += 1,
                (true, false) => len -= 1,
                _ => {}
            }
        }
        len
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every output in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Bytes)> {
        let mut base = self.base.iter().peekable();
        let mut recent = self.recent.iter().peekable();
        std::iter::from_fn(move || loop {
            let next_recent = match (base.peek(), recent.peek()) {
                (None, None) => return None,
                (Some(_), None) => false,
                (None, Some(_)) => true,
                (Some((b, _)), Some((r, _))) => r <= b,
            };
            if !next_recent {
                return base.next();
            }
            let (key, bytes) = recent.next()?;
            // A recent entry replaces the base's under the same key.
            if base.peek().is_some_and(|(b, _)| *b == key) {
                base.next();
            }
            if let Some(bytes) = bytes {
                return Some((key, bytes));
            }
        })
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.iter().map(|(k, _)| k)
    }

    pub fn insert(&mut self, key: String, bytes: Bytes) {
        self.recent.insert(key, Some(bytes));
        self.fold_if_large();
    }

    pub fn remove(&mut self, key: &str) {
        if self.base.contains_key(key) {
            self.recent.insert(key.to_string(), None);
            self.fold_if_large();
        } else {
            self.recent.remove(key);
        }
    }

    /// Folds the recent changes into a new shared base once copying them costs more than a small share of
    /// copying everything: each rebuild then costs little on average.
    fn fold_if_large(&mut self) {
        if self.recent.len() <= 256.max(self.base.len() / 16) {
            return;
        }
        let mut base = BTreeMap::clone(&self.base);
        for (key, bytes) in std::mem::take(&mut self.recent) {
            match bytes {
                Some(bytes) => base.insert(key, bytes),
                None => base.remove(&key),
            };
        }
        self.base = Arc::new(base);
    }
}

impl FromIterator<(String, Bytes)> for Files {
    fn from_iter<I: IntoIterator<Item = (String, Bytes)>>(iter: I) -> Files {
        Files {
            base: Arc::new(iter.into_iter().collect()),
            recent: BTreeMap::new(),
        }
    }
}

impl std::ops::Index<&str> for Files {
    type Output = Bytes;

    /// The output at `key`; panics if there is none (as a map's index does).
    fn index(&self, key: &str) -> &Bytes {
        match self.get(key) {
            Some(bytes) => bytes,
            None => panic!("no output {key:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(s: &str) -> Bytes {
        Arc::new(Stored::new(s.as_bytes()))
    }

    /// Text long enough is kept deflated and comes back as it was; other bytes are kept as they are.
    #[test]
    fn stored_outputs_come_back_as_they_were() {
        let html = "<li><a href=\"/paspor/\">Paspor</a></li>\n".repeat(100);
        let stored = Stored::new(html.as_bytes());
        assert!(
            matches!(&stored.body, Body::Memory { deflated: true, bytes } if bytes.len() < html.len() / 4)
        );
        assert_eq!(&stored.bytes().unwrap()[..], html.as_bytes());
        assert_eq!(
            stored,
            Stored::new(html.as_bytes()),
            "deflating is deterministic"
        );
        assert_ne!(
            stored,
            Stored::new(html.replace("Paspor", "Visa").as_bytes())
        );
        // Bytes that do not deflate (as a PNG's or a PDF's): xorshift noise.
        let mut state = 0x2545_f491_u32;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                state as u8
            })
            .collect();
        let stored = Stored::new(&noise);
        assert!(matches!(
            stored.body,
            Body::Memory {
                deflated: false,
                ..
            }
        ));
        assert_eq!(&stored.bytes().unwrap()[..], &noise[..]);
        assert_eq!(&Stored::new(b"short").bytes().unwrap()[..], b"short");
    }

    /// Large outputs go to files of the spill folder and come back as they were; each file goes with the
    /// last output that holds it, and the folder with `remove`. A store given the previous site keeps its
    /// unchanged outputs instead of writing them again.
    #[test]
    fn spilled_outputs_live_in_files_until_dropped() {
        let spill = Spill::new().unwrap();
        let count = || std::fs::read_dir(spill.path()).unwrap().count();
        // Varied enough that it still takes more than `SPILL_FROM` deflated.
        let page: String = (0..400u32)
            .map(|i| {
                format!(
                    "<p>Langkah {i}: bawa KTP asli, nomor {}.</p>\n",
                    i.wrapping_mul(2_654_435_761)
                )
            })
            .collect();
        let stored = Stored::with_hash(
            page.as_bytes(),
            hash(page.as_bytes()),
            Some(&spill),
            Large::ToFile,
        );
        assert!(matches!(stored.body, Body::Disk { .. }));
        assert_eq!(count(), 1);
        assert_eq!(&stored.bytes().unwrap()[..], page.as_bytes());
        assert_eq!(stored, Stored::new(page.as_bytes()), "equal wherever kept");
        let small = Stored::with_hash(
            b"<meta http-equiv=refresh>",
            hash(b"<meta http-equiv=refresh>"),
            Some(&spill),
            Large::ToFile,
        );
        assert!(matches!(small.body, Body::Memory { .. }));
        assert_eq!(count(), 1);
        drop(stored);
        assert_eq!(count(), 0, "a dropped output's file is deleted");

        let path = |s: &str| OutputPath::new(s).unwrap();
        let first = Store::new(Some(spill.clone()), None);
        first.put(&path("a/index.html"), page.as_bytes()).unwrap();
        first.put(&path("b/index.html"), page.as_bytes()).unwrap();
        let old: Files = first.into_files().into_iter().collect();
        assert_eq!(count(), 2);
        let old = Arc::new(old);
        let second = Store::new(Some(spill.clone()), Some(old.clone()));
        second.put(&path("a/index.html"), page.as_bytes()).unwrap();
        let changed = page.replace("KTP", "paspor");
        second
            .put(&path("b/index.html"), changed.as_bytes())
            .unwrap();
        let new = second.into_files();
        assert!(Arc::ptr_eq(&new["a/index.html"], &old["a/index.html"]));
        assert_eq!(
            &new["b/index.html"].bytes().unwrap()[..],
            changed.as_bytes()
        );
        assert_eq!(count(), 3, "only the changed output was written");
        drop(old);
        drop(new);
        assert_eq!(count(), 0);

        // After an edit, large outputs stay in memory within the allowance, which they give back when dropped.
        let edit = Store::new(Some(spill.clone()), None).after_edit();
        edit.put(&path("a/index.html"), page.as_bytes()).unwrap();
        let kept = edit.into_files();
        assert_eq!(count(), 0);
        assert!(spill.kept.load(Ordering::Relaxed) > 0);
        assert_eq!(&kept["a/index.html"].bytes().unwrap()[..], page.as_bytes());
        drop(kept);
        assert_eq!(spill.kept.load(Ordering::Relaxed), 0);
        let folder = spill.path().to_path_buf();
        spill.remove();
        assert!(!folder.exists());
    }

    /// The map behaves as a plain map through inserts, removals, re-inserts and folds, and copies share
    /// the bulk.
    #[test]
    fn behaves_as_a_map_across_folds() {
        let mut files: Files = (0..1000)
            .map(|i| (format!("k{i:04}"), bytes("x")))
            .collect();
        let mut plain: BTreeMap<String, Bytes> =
            files.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for round in 0..600 {
            let key = format!("k{:04}", (round * 7) % 1200);
            match round % 3 {
                0 => {
                    files.remove(&key);
                    plain.remove(&key);
                }
                _ => {
                    files.insert(key.clone(), bytes(&round.to_string()));
                    plain.insert(key, bytes(&round.to_string()));
                }
            }
            let copy = files.clone();
            assert_eq!(copy.len(), plain.len(), "round {round}");
            if round % 50 == 0 {
                assert!(copy.iter().eq(plain.iter()), "round {round}");
            }
        }
        assert!(files.recent.len() < 300, "recent changes are folded in");
        assert!(!files.contains_key("k0000"));
        for key in ["k0001", "k0343", "k0999", "k1100"] {
            assert_eq!(files.get(key), plain.get(key), "{key}");
        }
    }
}
