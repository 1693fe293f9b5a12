//! Search: per language, an index of the site's pages built from the same analysis the browser applies to
//! a query ([`analysis`]), and a compact record per page for result teasers. The search client is
//! `themes/default/static/search/search.js`; the format and the measurements are in
//! `docs/search-analysis.md`.
//!
//! Outputs per language, under `search/<lang>/`:
//!
//! - `manifest.json`: what the client reads first (document count, fields and boosts, which files hold
//!   what, and a version string it appends to every other file's URL so caches never mix two builds);
//! - `index.json`: the elasticlunr 0.9 index written by `elasticlunr-rs` (no stored documents), loadable by
//!   elasticlunr.js, while it is small (about 40 KB gzipped, [`SINGLE_INDEX_BYTES`]): the client loads
//!   it whole. With `search.split: always` it is written next to the packs up to [`MEDIUM_INDEX_BYTES`];
//!   with `never` it is the only index, whatever its size;
//! - above that size, the index split by term prefix ([`packs`]): `lengths.json` and `p<n>.json`;
//! - `r<n>.json`: the teaser records (title, URL, section, teaser), a few dozen documents per file, so a
//!   search downloads only the records of the results it shows.

pub mod analysis;
mod packs;
mod table;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::SearchSplit;
use crate::content::site::{PageVariant, Site};

pub use table::{Table, TableBuilder, BOOSTS, FIELDS};

/// Where a language's search files live, relative to the output root.
pub fn folder(site: &Site, lang: usize) -> String {
    format!("search/{}/", site.config.languages[lang].code)
}

/// The largest `index.json` the client downloads whole: about 40 KB gzipped (the format compresses
/// 13–15 times). Larger indexes are split into packs.
pub const SINGLE_INDEX_BYTES: usize = 512 * 1024;

/// With `split: always`, the largest `index.json` also written next to the packs (for elasticlunr.js and
/// other tools); in `auto` mode a split index has no `index.json`: nobody downloads it, and building it
/// would cost more than the rest of the search build.
pub const MEDIUM_INDEX_BYTES: usize = 8 * 1024 * 1024;

/// Target size of a pack before compression (about 5–8 KB gzipped).
pub const PACK_BYTES: usize = 24 * 1024;

/// Target size of a file of teaser records before compression.
const RECORD_CHUNK_BYTES: usize = 6 * 1024;

/// elasticlunr's view of one of our analysers: tokenising *is* the whole analysis, so the pipeline is empty
/// and the browser needs no pipeline functions to read the index.
struct SiteLanguage {
    code: String,
    analyzer: analysis::Analyzer,
}

impl SiteLanguage {
    /// The language name written in the index (`lang`).
    fn name_for(code: &str) -> String {
        format!("suluh-{code}")
    }
}

impl elasticlunr::Language for SiteLanguage {
    fn name(&self) -> String {
        Self::name_for(&self.code)
    }

    fn code(&self) -> String {
        self.code.clone()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        self.analyzer.index_terms(text)
    }

    fn make_pipeline(&self) -> elasticlunr::Pipeline {
        elasticlunr::Pipeline { queue: Vec::new() }
    }
}

/// The teaser record of one document.
#[derive(Serialize)]
struct Record<'a> {
    /// Title.
    t: &'a str,
    /// URL.
    u: String,
    /// Section title.
    s: &'a str,
    /// Teaser: the description, or the start of the text.
    d: String,
}

const TEASER_CHARS: usize = 180;

/// The manifest of one language (`manifest.json`).
#[derive(Serialize)]
struct Manifest {
    /// Format version of these files.
    format: u32,
    /// Content hash of this language's search files, appended to their URLs as `?v=`.
    v: String,
    lang: String,
    /// Number of documents; documents are numbered from 0, which is also their elasticlunr `ref`.
    docs: u32,
    fields: [&'static str; 4],
    boosts: [f64; 4],
    /// Single-file mode: the elasticlunr index the client loads.
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<&'static str>,
    /// Split mode: the field lengths file, the packs' sizes (file `p<n>.json`), and which pack holds a
    /// prefix's terms.
    #[serde(skip_serializing_if = "Option::is_none")]
    lengths: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    packs: Vec<usize>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    keys: BTreeMap<String, usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    exact: Vec<String>,
    /// Teaser records: `per` documents in each `r<n>.json`, `chunks` files.
    records: Chunks,
}

#[derive(Serialize)]
struct Chunks {
    per: usize,
    chunks: usize,
}

/// The indexed pages of a language, with their fields.
fn documents(site: &Site, lang: usize) -> impl Iterator<Item = (usize, &PageVariant)> {
    // Untranslated pages are not indexed: their text is in another language than the reader's query.
    site.pages
        .iter()
        .enumerate()
        .filter_map(move |(i, page)| page.variants[lang].as_ref().map(|v| (i, v)))
}

/// The glossary's entries as documents of their own, after the pages: typing a term (or one of its aliases)
/// finds its explanation, which the result shows as its teaser and links to on the glossary page.
fn glossary_documents(site: &Site, lang: usize) -> Vec<([Cow<'_, str>; 4], Record<'_>)> {
    if !crate::render::glossary::wanted(site) {
        return Vec::new();
    }
    let page = site.config.url(
        &site
            .config
            .lang_path(lang, crate::render::glossary::GLOSSARY_PATH),
    );
    let section = site.strings.get(lang, "glossary_title");
    site.config
        .data
        .glossary
        .entries
        .iter()
        .map(|t| {
            let explanation = t.explanation(&site.config, lang);
            // Only the term and its other forms are indexed: the explanation is the result's teaser. Its
            // words would add a third to the bundled site's index (past the size the client loads whole)
            // and bring glossary entries into every search for an ordinary word.
            let fields = [
                Cow::Borrowed(t.term.as_str()),
                Cow::Borrowed(""),
                Cow::Owned(t.aliases.join(" ")),
                Cow::Borrowed(""),
            ];
            let record = Record {
                t: &t.term,
                u: format!("{page}#{}", t.id),
                s: section,
                d: teaser("", explanation),
            };
            (fields, record)
        })
        .collect()
}

fn fields<'a>(site: &Site, v: &'a PageVariant, lang: usize) -> [Cow<'a, str>; 4] {
    let headings: Vec<&str> = v.body.headings.iter().map(|h| h.title.as_str()).collect();
    // The fee table is part of what the guide says: a reader searching for a fee finds it.
    let fees = crate::render::fees::rows(site, &v.front.fees, lang);
    let body = if fees.is_empty() {
        Cow::Borrowed(&*v.body.text)
    } else {
        let mut text = v.body.text.to_string();
        for fee in &fees {
            text.push('\n');
            text.push_str(&fee.item);
            text.push(' ');
            text.push_str(&fee.amount);
        }
        Cow::Owned(text)
    };
    [
        Cow::Borrowed(v.front.title.as_str()),
        Cow::Borrowed(v.front.description.as_deref().unwrap_or("")),
        Cow::Owned(headings.join(" ")),
        body,
    ]
}

/// A result's teaser: the description (or the start of the text), then the amounts of the guide's fees, so
/// that a changed tariff shows in the results too.
fn teaser_with_fees(site: &Site, v: &PageVariant, lang: usize, teaser: String) -> String {
    let mut amounts: Vec<String> = Vec::new();
    for fee in crate::render::fees::rows(site, &v.front.fees, lang) {
        if !amounts.contains(&fee.amount) {
            amounts.push(fee.amount);
        }
    }
    if amounts.is_empty() {
        return teaser;
    }
    format!(
        "{teaser} — {}: {}",
        site.strings.get(lang, "fees"),
        amounts.join(", ")
    )
}

/// Builds the search files of one language: (path relative to the output root, bytes).
pub fn build(site: &Site, lang: usize) -> Vec<(String, Vec<u8>)> {
    let code = &site.config.languages[lang].code;
    let analyzer = analysis::analyzer_for(code);
    let mut table = TableBuilder::default();
    let mut records = Vec::new();
    for (page, v) in documents(site, lang) {
        let [title, description, headings, body] = fields(site, v, lang);
        table.add(analyzer, [&title, &description, &headings, &body]);
        let section = &site.sections[site.pages[page].section];
        records.push(Record {
            t: &v.front.title,
            u: site.config.url(&site.pages[page].paths[lang]),
            s: &section.shown(lang).0.front.title,
            d: teaser_with_fees(site, v, lang, teaser(&description, &v.body.text)),
        });
    }
    for (fields, record) in glossary_documents(site, lang) {
        let [title, description, headings, body] = &fields;
        table.add(analyzer, [title, description, headings, body]);
        records.push(record);
    }

    let table = table.finish();

    // The elasticlunr file is built only if it will be written: when the client downloads it whole
    // (small sites, or `split: never`), or next to the packs when the site asks for both (`always`).
    let split = site.config.search_split;
    let size = table.elasticlunr_size(&SiteLanguage::name_for(code));
    let single = match split {
        SearchSplit::Never => true,
        SearchSplit::Always => false,
        SearchSplit::Auto => size <= SINGLE_INDEX_BYTES,
    };
    let elasticlunr = (single || split == SearchSplit::Always && size <= MEDIUM_INDEX_BYTES)
        .then(|| elasticlunr_index(site, lang, analyzer));

    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut manifest = Manifest {
        format: 1,
        v: String::new(),
        lang: code.clone(),
        docs: table.docs,
        fields: FIELDS,
        boosts: BOOSTS,
        index: None,
        lengths: None,
        packs: Vec::new(),
        keys: BTreeMap::new(),
        exact: Vec::new(),
        records: Chunks { per: 1, chunks: 0 },
    };
    if let Some(json) = elasticlunr {
        files.push(("index.json".into(), json.into_bytes()));
        if single {
            manifest.index = Some("index.json");
        }
    }
    if !single {
        let lengths: Vec<String> = table
            .lengths
            .iter()
            .map(|l| packs::encode_lengths(l))
            .collect();
        files.push((
            "lengths.json".into(),
            serde_json::to_vec(&lengths).unwrap_or_default(),
        ));
        manifest.lengths = Some("lengths.json");
        for (i, pack) in packs::split(&table, PACK_BYTES).into_iter().enumerate() {
            for key in pack.keys {
                manifest.keys.insert(key, i);
            }
            manifest.exact.extend(pack.exact);
            manifest.packs.push(pack.json.len());
            files.push((format!("p{i}.json"), pack.json.into_bytes()));
        }
    }
    drop(table);

    let per = records_per_chunk(&records);
    manifest.records = Chunks {
        per,
        chunks: records.len().div_ceil(per),
    };
    for (i, chunk) in records.chunks(per).enumerate() {
        files.push((
            format!("r{i}.json"),
            serde_json::to_vec(chunk).unwrap_or_default(),
        ));
    }

    manifest.v = version(&files);
    files.push((
        "manifest.json".into(),
        serde_json::to_vec(&manifest).unwrap_or_default(),
    ));
    let dir = folder(site, lang);
    files
        .into_iter()
        .map(|(name, bytes)| (format!("{dir}{name}"), bytes))
        .collect()
}

/// The language's elasticlunr index as JSON, written by elasticlunr-rs.
fn elasticlunr_index(site: &Site, lang: usize, analyzer: analysis::Analyzer) -> String {
    let language = SiteLanguage {
        code: site.config.languages[lang].code.clone(),
        analyzer,
    };
    let mut index = elasticlunr::IndexBuilder::with_language(Box::new(language))
        .save_docs(false)
        .add_fields(FIELDS)
        .build();
    let mut doc = 0usize;
    for (_, v) in documents(site, lang) {
        index.add_doc(&doc.to_string(), fields(site, v, lang));
        doc += 1;
    }
    for (fields, _) in glossary_documents(site, lang) {
        index.add_doc(&doc.to_string(), fields);
        doc += 1;
    }
    index.to_json()
}

/// How many records go in one file: about [`RECORD_CHUNK_BYTES`] of JSON each; one file for a small site.
fn records_per_chunk(records: &[Record]) -> usize {
    let bytes: usize = records
        .iter()
        .map(|r| r.t.len() + r.u.len() + r.s.len() + r.d.len() + 24)
        .sum();
    if records.is_empty() || bytes <= 2 * RECORD_CHUNK_BYTES {
        return records.len().max(1);
    }
    (RECORD_CHUNK_BYTES * records.len() / bytes).clamp(4, 256)
}

/// A short content hash of the files (FNV-1a, stable across builds and platforms).
fn version(files: &[(String, Vec<u8>)]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, bytes) in files {
        for b in name.as_bytes().iter().chain(bytes) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{:08x}", h >> 32)
}

fn teaser(description: &str, text: &str) -> String {
    let source = if description.is_empty() {
        text
    } else {
        description
    };
    if source.chars().count() <= TEASER_CHARS {
        return source.to_string();
    }
    let cut: String = source.chars().take(TEASER_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}
