//! The split index of a large language: the postings table cut into packs by term prefix, so that a
//! query downloads only the packs holding its terms.
//!
//! A pack is a JSON array of `[term, title, description, headings, body]` entries in code point order;
//! each field is a string of numbers ([`put_number`]) listing the field's postings as pairs (gap to the
//! previous document − 1, occurrences − 1). The field lengths of every document are in one more file,
//! one such string per field. Nothing is lost: the client computes elasticlunr's `tf` as
//! `sqrt(occurrences)` and its field-length norm from the lengths, exactly as elasticlunr.js does from
//! an `index.json` holding the same numbers.
//!
//! Which pack holds a term: the manifest maps prefixes ("keys") to packs, and a term belongs to the
//! longest key that starts it. A key marked *exact* holds only the term equal to it (its longer terms
//! went to longer keys).

use std::ops::Range;

use super::table::{Postings, Table};

/// The 64 digits of the number strings: URL- and JSON-safe ASCII.
pub const DIGITS: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// Appends a number: 5 bits per digit, least significant first; digits from the upper half of
/// [`DIGITS`] mean "more digits follow". Small numbers, the common case, take one character.
pub fn put_number(out: &mut String, mut n: u32) {
    loop {
        let low = (n & 31) as usize;
        n >>= 5;
        if n == 0 {
            out.push(char::from(DIGITS[low]));
            return;
        }
        out.push(char::from(DIGITS[32 + low]));
    }
}

/// Reads the numbers of a string written with [`put_number`].
#[cfg(test)]
pub fn numbers(text: &str) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    let (mut value, mut shift) = (0u32, 0u32);
    for byte in text.bytes() {
        let digit = DIGITS.iter().position(|&d| d == byte)? as u32;
        value |= (digit & 31).checked_shl(shift)?;
        if digit < 32 {
            out.push(value);
            (value, shift) = (0, 0);
        } else {
            shift += 5;
        }
    }
    (shift == 0).then_some(out)
}

/// One field's postings as a number string.
pub fn encode_postings(postings: &[(u32, u32)]) -> String {
    let mut out = String::with_capacity(postings.len() * 2);
    let mut next = 0;
    for &(doc, count) in postings {
        put_number(&mut out, doc - next);
        put_number(&mut out, count.saturating_sub(1));
        next = doc + 1;
    }
    out
}

/// Field lengths as a number string.
pub fn encode_lengths(lengths: &[u32]) -> String {
    let mut out = String::with_capacity(lengths.len() * 2);
    for &n in lengths {
        put_number(&mut out, n);
    }
    out
}

/// One term's entry in a pack: `["term","title","description","headings","body"]`.
pub fn entry(term: &str, postings: &Postings) -> String {
    let mut out = serde_json::to_string(term).unwrap_or_default();
    out.insert(0, '[');
    for field in postings {
        out.push_str(",\"");
        out.push_str(&encode_postings(field));
        out.push('"');
    }
    out.push(']');
    out
}

/// A pack: the keys it answers for and its terms (a range of the table's terms, in order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pack {
    /// Prefixes whose terms are all in this pack (see the module docs).
    pub keys: Vec<String>,
    /// Keys that hold only the term equal to them.
    pub exact: Vec<String>,
    /// Positions of the pack's terms among the table's terms.
    pub terms: Range<usize>,
    /// The pack file.
    pub json: String,
}

/// Cuts the table into packs of about `target` bytes; a single term larger than that is a pack of its
/// own. Sibling prefixes are grouped while they fit, so small subtrees do not become tiny files.
pub fn split(table: &Table, target: usize) -> Vec<Pack> {
    let entries: Vec<(&str, String)> = table
        .terms
        .iter()
        .map(|(term, postings)| (term.as_str(), entry(term, postings)))
        .collect();
    let mut sizes = Vec::with_capacity(entries.len() + 1);
    sizes.push(0usize);
    for (_, json) in &entries {
        let last = sizes[sizes.len() - 1];
        sizes.push(last + json.len() + 1);
    }
    let mut splitter = Splitter {
        entries: &entries,
        sizes: &sizes,
        target,
        groups: Vec::new(),
    };
    if !entries.is_empty() {
        splitter.subtree(0..entries.len(), "");
    }
    splitter
        .groups
        .into_iter()
        .map(|g| {
            let mut json = String::with_capacity(sizes[g.terms.end] - sizes[g.terms.start] + 2);
            json.push('[');
            for (i, (_, e)) in entries[g.terms.clone()].iter().enumerate() {
                if i > 0 {
                    json.push(',');
                }
                json.push_str(e);
            }
            json.push(']');
            Pack {
                keys: g.keys,
                exact: g.exact,
                terms: g.terms,
                json,
            }
        })
        .collect()
}

struct Group {
    keys: Vec<String>,
    exact: Vec<String>,
    terms: Range<usize>,
}

struct Splitter<'a> {
    entries: &'a [(&'a str, String)],
    sizes: &'a [usize],
    target: usize,
    groups: Vec<Group>,
}

impl Splitter<'_> {
    fn size(&self, range: &Range<usize>) -> usize {
        self.sizes[range.end] - self.sizes[range.start]
    }

    /// Packs the terms in `range`, which are all the terms starting with `prefix`.
    fn subtree(&mut self, range: Range<usize>, prefix: &str) {
        if self.size(&range) <= self.target || range.len() == 1 {
            self.groups.push(Group {
                keys: vec![prefix.to_string()],
                exact: Vec::new(),
                terms: range,
            });
            return;
        }
        // Too large: the term equal to the prefix (it sorts first) and one subtree per next character.
        let mut open: Option<Group> = None;
        let mut i = range.start;
        if self.entries[i].0 == prefix {
            open = Some(Group {
                keys: vec![prefix.to_string()],
                exact: vec![prefix.to_string()],
                terms: i..i + 1,
            });
            i += 1;
        }
        while i < range.end {
            let rest = &self.entries[i].0[prefix.len()..];
            let next = rest.chars().next().map_or(0, char::len_utf8);
            let child = &self.entries[i].0[..prefix.len() + next];
            let mut j = i + 1;
            while j < range.end && self.entries[j].0.starts_with(child) {
                j += 1;
            }
            let size = self.size(&(i..j));
            if size > self.target {
                if let Some(g) = open.take() {
                    self.groups.push(g);
                }
                self.subtree(i..j, child);
            } else {
                match open.as_mut() {
                    Some(g) if self.size(&(g.terms.start..j)) <= self.target => {
                        g.keys.push(child.to_string());
                        g.terms.end = j;
                    }
                    _ => {
                        if let Some(g) = open.take() {
                            self.groups.push(g);
                        }
                        open = Some(Group {
                            keys: vec![child.to_string()],
                            exact: Vec::new(),
                            terms: i..j,
                        });
                    }
                }
            }
            i = j;
        }
        if let Some(g) = open {
            self.groups.push(g);
        }
    }
}

/// The pack holding `term`, by the manifest's rule (longest key that starts the term; an exact key
/// holds only its own term). `None`: no pack can hold the term.
#[cfg(test)]
pub fn pack_of(packs: &[Pack], term: &str) -> Option<usize> {
    let mut best: Option<(usize, usize, bool)> = None;
    for (i, pack) in packs.iter().enumerate() {
        for key in &pack.keys {
            if term.starts_with(key.as_str()) && best.is_none_or(|(_, len, _)| key.len() > len) {
                best = Some((i, key.len(), pack.exact.contains(key)));
            }
        }
    }
    best.and_then(|(i, len, exact)| (!exact || len == term.len()).then_some(i))
}
