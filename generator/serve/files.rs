//! The outputs served, by output path (`en/paspor/index.html`), as a map that a rebuild copies in time
//! proportional to what it changes, not to the size of the site.
//!
//! A rebuild publishes a new map while requests may still read the old one, so each rebuild copies the
//! map. A plain map of a large site (30,000 outputs) takes milliseconds to copy; here the bulk is shared
//! behind an `Arc` and only the outputs changed since it was last folded in are copied.

use std::collections::BTreeMap;
use std::sync::Arc;

/// The bytes of one output.
pub type Bytes = Arc<[u8]>;

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
        Arc::from(s.as_bytes())
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
                let listed: Vec<(&String, &Bytes)> = copy.iter().collect();
                assert!(listed
                    .iter()
                    .map(|(k, v)| (*k, &v[..]))
                    .eq(plain.iter().map(|(k, v)| (k, &v[..]))));
            }
        }
        assert!(files.recent.len() < 300, "recent changes are folded in");
        assert!(!files.contains_key("k0000"));
        for key in ["k0001", "k0343", "k0999", "k1100"] {
            assert_eq!(
                files.get(key).map(|b| &b[..]),
                plain.get(key).map(|b| &b[..]),
                "{key}"
            );
        }
    }
}
