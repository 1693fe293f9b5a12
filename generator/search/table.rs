//! The postings table of one language: what elasticlunr stores, built in one pass without its trie.
//!
//! For every document and field, the field's index terms ([`Analyzer::index_terms`]) are counted: the
//! field length is the number of terms, and each distinct term gets a posting `(document, count)`.
//! elasticlunr-rs computes the same numbers (with an empty pipeline its field length is the token count
//! and its term frequency is `sqrt(count)`), so the table and an elasticlunr index built from the same
//! documents score identically; `tests.rs` checks it term by term.

use std::collections::BTreeMap;

use super::analysis::Analyzer;

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

impl Table {
    /// Adds the next document; returns its number.
    pub fn add(&mut self, analyzer: Analyzer, fields: [&str; 4]) -> u32 {
        let doc = self.docs;
        self.docs += 1;
        for (field, text) in fields.into_iter().enumerate() {
            let mut terms = analyzer.index_terms(text);
            self.lengths[field].push(count(terms.len()));
            terms.sort_unstable();
            for run in terms.chunk_by(|a, b| a == b) {
                let posting = (doc, count(run.len()));
                match self.terms.get_mut(run[0].as_str()) {
                    Some(postings) => postings[field].push(posting),
                    None => {
                        let mut postings = Postings::default();
                        postings[field].push(posting);
                        self.terms.insert(run[0].clone(), postings);
                    }
                }
            }
        }
        doc
    }

    /// Number of postings, all fields together.
    pub fn postings(&self) -> usize {
        self.terms
            .values()
            .map(|p| p.iter().map(Vec::len).sum::<usize>())
            .sum()
    }

    /// A rough size of this table as an elasticlunr JSON file, in bytes (within a factor of about 1.5):
    /// enough to avoid building a file of hundreds of megabytes only to find it too large to use.
    pub fn elasticlunr_estimate(&self) -> usize {
        let nodes: usize = self.terms.keys().map(|t| t.chars().count()).sum();
        self.postings() * 30 + nodes * 2 * 22 + self.docs as usize * 70
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
