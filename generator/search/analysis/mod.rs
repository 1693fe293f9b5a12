//! Per-language text analysis, shared by the search index and the browser client.
//!
//! The index is written at build time from [`Analyzer::index_terms`]. The browser analyses a
//! query with `themes/default/static/search/analysis.js`, and that query must produce the same
//! terms that the build produced for the same words. So each language has exactly one
//! definition here, mirrored line for line in the JavaScript, and both sides are checked
//! against the golden vectors in `tests/search-vectors/<lang>.json` (written by the test in
//! `vectors.rs`, read by `tests/js/analysis.test.mjs`). The design and the stemmer comparison
//! are in `docs/search-analysis.md`.
//!
//! Pipeline for one text: [`Analyzer::tokenize`] (split, lowercase, per-language
//! normalisation) → drop stop words → [`Analyzer::stem`]. The index keeps the stem and, when it
//! differs, the normalised surface form too, so that a word typed so far (`pengad`) can be
//! matched as a prefix of the word as written (`pengaduan`) although its stem (`adu`) is not.
//!
//! Everything is defined on Unicode scalar values with explicit rules rather than on a
//! library's notion of "word", so that Rust and JavaScript cannot drift apart: a word
//! character is `char::is_alphanumeric` (JavaScript `[\p{Alphabetic}\p{N}]` with the `u` flag)
//! or one of the combining marks in `is_mark`; lowercasing is per character
//! (`char::to_lowercase`, JavaScript `toLowerCase` on one code point), which sidesteps the
//! context-dependent final sigma that `str::to_lowercase` applies.

mod ar;
mod en;
mod id;

use rustc_hash::FxHashMap;
use std::cell::RefCell;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod vectors;

/// The text analyser of one site language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Analyzer {
    /// Confix-stripping stemmer (`id.rs`).
    Indonesian,
    /// Porter stemmer (`en.rs`).
    English,
    /// Letter normalisation and a light prefix/suffix stemmer (`ar.rs`).
    Arabic,
    /// Tokenise and lowercase only: no stop words, no stemming.
    Plain,
}

/// One term of a query, as the search client looks it up in the index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct QueryTerm {
    /// A stem or a normalised surface form, as found among the index terms.
    pub term: String,
    /// Match every index term that starts with `term` (the word being typed), not only `term`.
    pub prefix: bool,
}

/// The shortest word, in characters, that is looked up as a prefix while typing: one letter
/// would match a large part of the index and, with a sharded index, download most shards.
pub const MIN_PREFIX_CHARS: usize = 2;

/// The analyser for a site language code; unknown codes get the plain analyser (tokenise +
/// lowercase, no stop words, no stemming) so adding a language never breaks the build.
///
/// Only the primary subtag counts, case-insensitively: `id`, `id-ID` and `ID_id` are
/// Indonesian; `in` is the code Indonesian had before 1989, still sent by old Java runtimes.
pub fn analyzer_for(lang: &str) -> Analyzer {
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    match primary.to_ascii_lowercase().as_str() {
        "id" | "in" => Analyzer::Indonesian,
        "en" => Analyzer::English,
        "ar" => Analyzer::Arabic,
        _ => Analyzer::Plain,
    }
}

impl Analyzer {
    /// A stable lowercase name, used in the vector files and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Analyzer::Indonesian => "indonesian",
            Analyzer::English => "english",
            Analyzer::Arabic => "arabic",
            Analyzer::Plain => "plain",
        }
    }

    /// Normalised words, in order.
    pub fn tokenize(self, text: &str) -> Vec<String> {
        let mut tokens = Vec::new();
        for_each_word(text, |word| {
            let token = self.normalize(word);
            if !token.is_empty() {
                tokens.push(token);
            }
        });
        tokens
    }

    /// Whether a normalised word (a token) carries too little meaning to be indexed.
    pub fn is_stop_word(self, word: &str) -> bool {
        match self {
            Analyzer::Indonesian => id::is_stop_word(word),
            Analyzer::English => en::is_stop_word(word),
            Analyzer::Arabic => ar::is_stop_word(word),
            Analyzer::Plain => false,
        }
    }

    /// The stem of a normalised word (a token). Words the stemmer does not handle (numbers,
    /// other scripts) come back unchanged.
    pub fn stem(self, word: &str) -> String {
        let stemmer: fn(&str) -> String = match self {
            Analyzer::Indonesian => id::stem,
            Analyzer::English => en::stem,
            Analyzer::Arabic => ar::stem,
            Analyzer::Plain => return word.to_string(),
        };
        // Texts repeat a few thousand distinct words, and the Indonesian stemmer tries dozens
        // of readings per word, so each thread remembers the stems it computed. The memo is
        // cleared when it grows past a bound, so it costs a few megabytes at most.
        thread_local! {
            // FxHash: the memo hashes every word of every page; SipHash's defence against crafted keys buys
            // nothing here.
            static MEMO: RefCell<[FxHashMap<String, String>; 3]> = RefCell::default();
        }
        MEMO.with(|memo| {
            let map = &mut memo.borrow_mut()[self as usize];
            if let Some(stem) = map.get(word) {
                return stem.clone();
            }
            if map.len() >= 50_000 {
                map.clear();
            }
            let stem = stemmer(word);
            map.insert(word.to_string(), stem.clone());
            stem
        })
    }

    /// Terms to put in the index for a text: for each token that is not a stop word, its stem,
    /// then its surface form if that differs (for prefix search while typing).
    pub fn index_terms(self, text: &str) -> Vec<String> {
        let mut terms = Vec::new();
        for_each_word(text, |word| {
            if let Some((stem, surface)) = self.word_terms(word) {
                terms.push(stem);
                terms.extend(surface);
            }
        });
        terms
    }

    /// The index terms of one word from [`for_each_word`]: its stem and, if different, its surface form;
    /// `None` for a stop word or a word that normalisation empties. [`Analyzer::index_terms`] is this,
    /// word after word; the search index calls it once per distinct word and remembers the answer.
    pub fn word_terms(self, word: &str) -> Option<(String, Option<String>)> {
        let token = self.normalize(word);
        if token.is_empty() || self.is_stop_word(&token) {
            return None;
        }
        let stem = self.stem(&token);
        if stem == token {
            Some((stem, None))
        } else {
            Some((stem, Some(token)))
        }
    }

    /// Terms for a query; the last word may be incomplete (typed so far) when `typing` is
    /// true and the query does not end with a separator.
    ///
    /// A complete word gives its stem, matched exactly; stop words are dropped. The word being
    /// typed gives its surface form as a prefix (never dropped as a stop word: `ke` may become
    /// `kewajiban`) and, if its stem differs, that stem matched exactly, so that a finished
    /// word (`memperpanjang`) already finds every inflection before the reader types a space.
    /// A word being typed shorter than [`MIN_PREFIX_CHARS`] is treated as complete. Duplicate
    /// terms are dropped, keeping the first.
    pub fn query_terms(self, query: &str, typing: bool) -> Vec<QueryTerm> {
        let tokens = self.tokenize(query);
        let open_last = typing && query.chars().next_back().is_some_and(is_word_char);
        let mut terms: Vec<QueryTerm> = Vec::new();
        let mut push = |term: String, prefix: bool| {
            let term = QueryTerm { term, prefix };
            if !terms.contains(&term) {
                terms.push(term);
            }
        };
        let count = tokens.len();
        for (i, token) in tokens.into_iter().enumerate() {
            let open = open_last && i + 1 == count && token.chars().count() >= MIN_PREFIX_CHARS;
            let stop = self.is_stop_word(&token);
            if open {
                let stem = self.stem(&token);
                let differs = !stop && stem != token;
                push(token, true);
                if differs {
                    push(stem, false);
                }
            } else if !stop {
                push(self.stem(&token), false);
            }
        }
        terms
    }

    /// Per-language normalisation of one raw word from [`for_each_word`].
    fn normalize(self, word: &str) -> String {
        if word.is_ascii() {
            return word.to_string();
        }
        match self {
            Analyzer::Indonesian | Analyzer::English => fold_latin(word),
            Analyzer::Arabic => ar::normalize(word),
            Analyzer::Plain => word.to_string(),
        }
    }
}

/// Splits text into lowercased words: maximal runs of word characters ([`is_word_char`]).
///
/// Inside a word, invisible format characters (soft hyphen, zero-width joiners, word joiner,
/// byte-order mark) are dropped without splitting, because editors and Arabic keyboards insert
/// them in the middle of words. Between two digits, `.`, `,`, and the Arabic decimal and
/// thousands separators are dropped, so `350.000`, `350,000` and `٣٥٠٬٠٠٠` are all `350000`.
/// Between two letters, an apostrophe is dropped (`Jum'at` → `jumat`, `don't` → `dont`).
/// Everything else, hyphens included, separates words: `anak-anak` is `anak`, `anak`, which
/// is the word and its plural, and `e-paspor` is `e`, `paspor`. Arabic-Indic and extended
/// Arabic-Indic digits become ASCII digits, as readers type either.
///
/// Calls `f` with each word in order; the word is only borrowed, so that indexing a large site does not
/// allocate once per word.
pub(crate) fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut current = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_alphanumeric() {
            // A run of ASCII letters and digits is taken at once (most of an Indonesian or English
            // text) rather than decoded and pushed character by character.
            let run = rest
                .bytes()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            let Some((letters, after)) = rest.split_at_checked(run) else {
                break;
            };
            let from = current.len();
            current.push_str(letters);
            if let Some(added) = current.get_mut(from..) {
                added.make_ascii_lowercase();
            }
            rest = after;
            continue;
        }
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
        if is_word_char(c) {
            push_lowercase(&mut current, c);
        } else if is_invisible(c) || joins(&current, c, rest.chars().next()) {
            continue;
        } else if !current.is_empty() {
            f(&current);
            current.clear();
        }
    }
    if !current.is_empty() {
        f(&current);
    }
}

/// A character that belongs to a word: a letter or digit in Unicode's sense
/// (`Alphabetic` or general category `N*`), or a combining mark written after one.
pub(crate) fn is_word_char(c: char) -> bool {
    // The Arabic letters first: the general Unicode lookup is slow, and Arabic text is mostly these.
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
        || c.is_alphanumeric()
        || is_mark(c)
}

/// Combining marks that are not `Alphabetic` in Unicode but continue a word: Latin accents in
/// decomposed text and the Arabic vowel signs (some are `Alphabetic`, listed anyway for one
/// simple rule). Scripts with other non-alphabetic marks (Indic viramas) split there; they
/// have no analyser of their own yet.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Invisible format characters dropped inside words (see [`split_words`]).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Whether separator `c`, after the word so far and before `next`, stays inside the word.
fn joins(current: &str, c: char, next: Option<char>) -> bool {
    let Some(next) = next else { return false };
    let Some(last) = current.chars().next_back() else {
        return false;
    };
    match c {
        '.' | ',' | '\u{066B}' | '\u{066C}' => {
            last.is_ascii_digit() && fold_digit(next).is_ascii_digit()
        }
        '\'' | '\u{2019}' | '\u{02BC}' => last.is_alphabetic() && next.is_alphabetic(),
        _ => false,
    }
}

/// Appends `c` lowercased one character at a time, with Arabic-Indic digits as ASCII.
fn push_lowercase(out: &mut String, c: char) {
    let c = fold_digit(c);
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
        // The Arabic block has no case: no lowercase lookup for the letters of Arabic text.
        out.push(c);
    } else {
        out.extend(c.to_lowercase());
    }
}

fn fold_digit(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        _ => c,
    }
}

/// ASCII letters for the lowercase Latin-1 letters U+00E0..=U+00FF, one per code point; `*`
/// marks the letters with two-letter foldings in [`fold_latin_char`], `_` the sign `÷`.
const LATIN1_FOLD: &str = "aaaaaa*ceeeeiiiidnooooo_ouuuuy*y";
/// Likewise for Latin Extended-A, U+0100..=U+017F (upper and lower case alternate).
const LATIN_EXT_A_FOLD: &str = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrsssssssstttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Removes accents from Latin letters and drops combining marks, so that `café`, `cafe` and a
/// decomposed `café` are one word. Indonesian and English write almost no accents, but
/// loanwords and names do, and readers type them without.
fn fold_latin(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if is_mark(c) {
            continue;
        }
        fold_latin_char(&mut out, c);
    }
    out
}

/// Appends the folding of one (lowercase) character.
pub(crate) fn fold_latin_char(out: &mut String, c: char) {
    let code = c as u32;
    let table = match code {
        0x00E0..=0x00FF => Some((LATIN1_FOLD, code - 0x00E0)),
        0x0100..=0x017F => Some((LATIN_EXT_A_FOLD, code - 0x0100)),
        _ => None,
    };
    match c {
        'ß' => out.push_str("ss"),
        'æ' => out.push_str("ae"),
        'þ' => out.push_str("th"),
        'ĳ' | 'Ĳ' => out.push_str("ij"),
        'œ' | 'Œ' => out.push_str("oe"),
        _ => match table.and_then(|(t, i)| t.as_bytes().get(i as usize).copied()) {
            Some(b) if b.is_ascii_lowercase() => out.push(char::from(b)),
            _ => out.push(c),
        },
    }
}
