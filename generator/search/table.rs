//! The postings table of one language: what elasticlunr stores, built in one pass without its trie.
//!
//! For every document and field, the field's index terms ([`Analyzer::index_terms`]) are counted: the
//! field length is the number of terms, and each distinct term gets a posting `(document, count)`.
//! elasticlunr-rs computes the same numbers (with an empty pipeline its field length is the token count
//! and its term frequency is `sqrt(count)`), so the table and an elasticlunr index built from the same
//! documents score identically; `tests.rs` checks it term by term.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::analysis::{for_each_word, Analyzer};

/// The indexed fields, in the order of the index files, the score sum and the manifest.
pub const FIELDS: [&str; 4] = ["title", "description", "headings", "body"];

/// The query-time boost of each field of [`FIELDS`].
pub const BOOSTS: [f64; 4] = [3.0, 1.5, 2.0, 1.0];

/// Per field, the postings of one term: `(document number, occurrences)`, by ascending document.
pub type Postings = [Vec<(u32, u32)>; 4];

/// Field lengths and postings of every document of one language.
#[derive(Default, Debug)]
pub struct Table {
    /// Number of documents; they are numbered from 0 in the order they were added.
    pub docs: u32,
    /// Per field, the number of index terms of each document.
    pub lengths: [Vec<u32>; 4],
    /// Every term with its postings, in code point order (the order of elasticlunr's trie).
    pub terms: BTreeMap<String, Postings>,
}

/// A [`Table`] being filled, one document after the other.
#[derive(Default)]
pub struct TableBuilder {
    docs: u32,
    lengths: [Vec<u32>; 4],
    /// Every word seen (as [`for_each_word`] gives it) with the ids of its index terms, so that each
    /// distinct word is normalised, looked up among the stop words and stemmed once per language.
    words: FxHashMap<Box<str>, WordTerms>,
    /// Term → id, the position of its postings.
    ids: FxHashMap<Box<str>, u32>,
    postings: Vec<(Box<str>, Postings)>,
    /// Occurrences of each term id in the field being added; zero outside [`TableBuilder::add`].
    counts: Vec<u32>,
    /// The term ids whose count is not zero, in the order first seen.
    seen: Vec<u32>,
}

/// The index terms of one word: up to two ids (stem, surface form).
#[derive(Clone, Copy)]
struct WordTerms {
    ids: [u32; 2],
    len: u8,
}

impl TableBuilder {
    /// Adds the next document; returns its number.
    pub fn add(&mut self, analyzer: Analyzer, fields: [&str; 4]) -> u32 {
        let doc = self.docs;
        self.docs += 1;
        let TableBuilder {
            lengths,
            words,
            ids,
            postings,
            counts,
            seen,
            ..
        } = self;
        for (field, text) in fields.into_iter().enumerate() {
            let mut length: u32 = 0;
            for_each_word(text, |word| {
                let terms = match words.get(word) {
                    Some(&terms) => terms,
                    None => {
                        let mut terms = WordTerms {
                            ids: [0; 2],
                            len: 0,
                        };
                        if let Some((stem, surface)) = analyzer.word_terms(word) {
                            for term in std::iter::once(stem).chain(surface) {
                                terms.ids[usize::from(terms.len)] =
                                    intern(ids, postings, counts, term);
                                terms.len += 1;
                            }
                        }
                        words.insert(word.into(), terms);
                        terms
                    }
                };
                for &id in &terms.ids[..usize::from(terms.len)] {
                    length = length.saturating_add(1);
                    let n = &mut counts[id as usize];
                    if *n == 0 {
                        seen.push(id);
                    }
                    *n = n.saturating_add(1);
                }
            });
            lengths[field].push(length);
            for id in seen.drain(..) {
                let n = std::mem::take(&mut counts[id as usize]);
                postings[id as usize].1[field].push((doc, n));
            }
        }
        doc
    }

    /// The table, its terms in order.
    pub fn finish(self) -> Table {
        Table {
            docs: self.docs,
            lengths: self.lengths,
            terms: self
                .postings
                .into_iter()
                .map(|(term, p)| (String::from(term), p))
                .collect(),
        }
    }
}

/// The id of `term`, new if it was never seen.
fn intern(
    ids: &mut FxHashMap<Box<str>, u32>,
    postings: &mut Vec<(Box<str>, Postings)>,
    counts: &mut Vec<u32>,
    term: String,
) -> u32 {
    if let Some(&id) = ids.get(term.as_str()) {
        return id;
    }
    let id = count(postings.len());
    let term: Box<str> = term.into();
    ids.insert(term.clone(), id);
    postings.push((term, Postings::default()));
    counts.push(0);
    id
}

impl Table {
    /// Number of postings, all fields together.
    pub fn postings(&self) -> usize {
        self.terms
            .values()
            .map(|p| p.iter().map(Vec::len).sum::<usize>())
            .sum()
    }

    /// The exact size in bytes of the elasticlunr-rs JSON of these documents (language name
    /// `language`), computed without building it: the build decides from it whether to build it at all.
    pub fn elasticlunr_size(&self, language: &str) -> usize {
        const NODE: usize = r#"{"docs":{},"df":}"#.len();
        const CHILD: usize = r#","":"#.len();
        const POSTING: usize = r#""":{"tf":}"#.len();
        let digits = |n: usize| n.checked_ilog10().map_or(1, |d| d as usize + 1);
        let mut tf_len: Vec<usize> = Vec::new();
        let mut tf = |count: u32| {
            let i = count as usize;
            if tf_len.len() <= i {
                tf_len.extend(
                    (tf_len.len()..=i)
                        .map(|c| serde_json::to_string(&(c as f64).sqrt()).map_or(0, |s| s.len())),
                );
            }
            tf_len[i]
        };
        // The skeleton: fields, pipeline, ref, version, empty tries (one root node each) and store.
        let mut size = format!(
            r#"{{"fields":["title","description","headings","body"],"pipeline":[],"ref":"id","version":"0.9.5","index":{{"body":{{"root":}},"description":{{"root":}},"headings":{{"root":}},"title":{{"root":}}}},"documentStore":{{"save":false,"docs":{{}},"docInfo":{{}},"length":{}}},"lang":"{language}"}}"#,
            self.docs
        )
        .len();
        for field in 0..FIELDS.len() {
            // Root node, then one node per distinct prefix of the field's terms.
            size += NODE + 1;
            let mut previous: Option<&str> = None;
            for (term, postings) in &self.terms {
                let list = &postings[field];
                if list.is_empty() {
                    continue;
                }
                let common = previous.map_or(0, |p| {
                    p.chars()
                        .zip(term.chars())
                        .take_while(|(a, b)| a == b)
                        .map(|(a, _)| a.len_utf8())
                        .sum()
                });
                for c in term[common..].chars() {
                    size += CHILD + c.len_utf8() + NODE + 1; // an empty node: df 0
                }
                size += digits(list.len()) - 1 + list.len() - 1;
                for &(doc, count) in list {
                    size += POSTING + digits(doc as usize) + tf(count);
                }
                previous = Some(term);
            }
        }
        // Store: `"7":{}` per document, and its field lengths.
        let keys = r#""body":,"description":,"headings":,"title":"#.len();
        for doc in 0..self.docs as usize {
            size += 2 * (digits(doc) + 5) + keys;
            size += self
                .lengths
                .iter()
                .map(|l| digits(l[doc] as usize))
                .sum::<usize>();
        }
        size + 2 * (self.docs as usize).saturating_sub(1)
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
