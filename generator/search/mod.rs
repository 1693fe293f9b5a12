//! Search: one elasticlunr index per site language, built from the same analysis the browser applies to a
//! query ([`analysis`]), plus a compact record per page for result teasers.
//!
//! Outputs per language (under `search/<lang>/`): `index.json` (elasticlunr 0.9 format, no stored
//! documents) and `docs.json` (title, URL, section and teaser per document, by reference number).

pub mod analysis;

use serde::Serialize;

use crate::content::library::Site;

/// Where a language's search files live, relative to the output root.
pub fn folder(site: &Site, lang: usize) -> String {
    format!("search/{}/", site.config.languages[lang].code)
}

/// elasticlunr's view of one of our analysers: tokenising *is* the whole analysis, so the pipeline is empty
/// and the browser needs no pipeline functions to read the index.
struct SiteLanguage {
    code: String,
    analyzer: analysis::Analyzer,
}

impl elasticlunr::Language for SiteLanguage {
    fn name(&self) -> String {
        format!("suluh-{}", self.code)
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

/// Builds the search files of one language: (path relative to the output root, bytes).
pub fn build(site: &Site, lang: usize) -> Vec<(String, Vec<u8>)> {
    let code = &site.config.languages[lang].code;
    let language = SiteLanguage {
        code: code.clone(),
        analyzer: analysis::analyzer_for(code),
    };
    let mut index = elasticlunr::IndexBuilder::with_language(Box::new(language))
        .save_docs(false)
        .add_fields(["title", "description", "headings", "body"])
        .build();
    let mut records = Vec::new();
    for page in &site.pages {
        // Untranslated pages are not indexed: their text is in another language than the reader's query.
        let Some(v) = page.variants[lang].as_ref() else {
            continue;
        };
        let headings: Vec<&str> = v.body.headings.iter().map(|h| h.title.as_str()).collect();
        let description = v.front.description.as_deref().unwrap_or("");
        index.add_doc(
            &records.len().to_string(),
            [
                v.front.title.as_str(),
                description,
                &headings.join(" "),
                &v.body.text,
            ],
        );
        let section = &site.sections[page.section];
        records.push(Record {
            t: &v.front.title,
            u: site.config.url(&page.paths[lang]),
            s: &section.shown(lang).0.front.title,
            d: teaser(description, &v.body.text),
        });
    }
    let dir = folder(site, lang);
    vec![
        (format!("{dir}index.json"), index.to_json().into_bytes()),
        (
            format!("{dir}docs.json"),
            serde_json::to_vec(&records).unwrap_or_default(),
        ),
    ]
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
