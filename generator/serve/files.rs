//! The outputs served, by output path (`en/paspor/index.html`): kept deflated ([`Stored`]), in a map that a
//! rebuild copies in time proportional to what it changes, not to the size of the site.
//!
//! A rebuild publishes a new map while requests may still read the old one, so each rebuild copies the
//! map. A plain map of a large site (30,000 outputs) takes milliseconds to copy; here the bulk is shared
//! behind an `Arc` and only the outputs changed since it was last folded in are copied.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::sync::{Arc, Mutex};

use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;

use crate::output::{OutputPath, Sink};

/// One output as kept in memory: deflated when that makes it smaller (text), as it is otherwise (images,
/// PDFs). The pages of a large site would take about as much memory as the site model itself (370 MiB of
/// HTML for 30,000 pages); deflate at its fastest setting keeps about 40 % of that, at some 250 MB/s. The
/// same bytes always deflate to the same bytes, so stored outputs compare equal exactly when their bytes do.
#[derive(Debug, PartialEq, Eq)]
pub struct Stored {
    deflated: bool,
    bytes: Box<[u8]>,
}

/// Smaller outputs are kept as they are: deflating them saves little.
const DEFLATE_FROM: usize = 512;

impl Stored {
    pub fn new(bytes: &[u8]) -> Stored {
        if bytes.len() >= DEFLATE_FROM {
            if let Some(deflated) = deflate(bytes).filter(|d| d.len() < bytes.len() / 8 * 7) {
                return Stored {
                    deflated: true,
                    bytes: deflated.into_boxed_slice(),
                };
            }
        }
        Stored {
            deflated: false,
            bytes: bytes.into(),
        }
    }

    /// The output's bytes, inflated if need be.
    pub fn bytes(&self) -> io::Result<Cow<'_, [u8]>> {
        if !self.deflated {
            return Ok(Cow::Borrowed(&self.bytes));
        }
        let mut out = Vec::with_capacity(self.bytes.len() * 3);
        DeflateDecoder::new(&self.bytes[..]).read_to_end(&mut out)?;
        Ok(Cow::Owned(out))
    }
}

fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = DeflateEncoder::new(Vec::with_capacity(bytes.len() / 2), Compression::fast());
    encoder.write_all(bytes).ok()?;
    encoder.finish().ok()
}

/// One output as served.
pub type Bytes = Arc<Stored>;

/// The outputs of one run, by path.
pub type Rendered = BTreeMap<String, Bytes>;

/// A sink that keeps a run's outputs, deflated as they arrive (on the threads that render them).
#[derive(Default)]
pub struct Store {
    files: Mutex<Rendered>,
}

impl Store {
    pub fn into_files(self) -> Rendered {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Store {
    fn put(&self, path: &OutputPath, bytes: &[u8]) -> io::Result<()> {
        let stored = Arc::new(Stored::new(bytes));
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.as_str().to_string(), stored);
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
        assert!(stored.deflated && stored.bytes.len() < html.len() / 4);
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
        assert!(!stored.deflated);
        assert_eq!(&stored.bytes().unwrap()[..], &noise[..]);
        assert_eq!(&Stored::new(b"short").bytes().unwrap()[..], b"short");
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
