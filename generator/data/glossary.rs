//! `data/glossary.yaml`: the terms the guides use, explained once per language.
//!
//! ```yaml
//! WNA:
//!   id: Warga negara asing, orang yang bukan warga negara Indonesia.
//!   en: Foreign national (warga negara asing).
//!   link: izin-tinggal/_index.md        # optional: the guide that explains it, relative to content/
//!   aliases: [warga negara asing]       # optional: other ways the guides write it
//! ```
//!
//! Read with `site.yaml`, like the tariffs: the Markdown loader links the first use of each term on a page
//! to its entry ([`crate::markdown`]), the glossary page lists the entries, search indexes them and the
//! plain-language check accepts their acronyms as explained.

use indexmap::IndexMap;
use serde::Deserialize;

use crate::config::Config;
use crate::diagnostics::{codes, did_you_mean, Diagnostic};
use crate::msg;
use crate::yaml::Doc;

/// The glossary file, relative to the site root.
pub const GLOSSARY_FILE: &str = "data/glossary.yaml";

/// Keys of an entry that are not language codes.
const ENTRY_KEYS: [&str; 2] = ["link", "aliases"];

/// The entries of `data/glossary.yaml`, in the order written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Glossary {
    pub entries: Vec<Term>,
}

/// One term and its explanations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// As written in the file (`ITAS`, `izin tinggal`).
    pub term: String,
    /// The fragment id on the glossary page, without `#` (`term-itas`).
    pub id: String,
    /// Explanation per language code.
    pub text: IndexMap<String, String>,
    /// The guide that explains it, relative to `content/` (`izin-tinggal/itas.md`).
    pub link: Option<String>,
    /// Other spellings that also count as the term (in any language).
    pub aliases: Vec<String>,
}

impl Term {
    /// The explanation in `lang`, else in the site's default language.
    pub fn explanation<'a>(&'a self, config: &Config, lang: usize) -> &'a str {
        self.text
            .get(&config.languages[lang].code)
            .or_else(|| self.text.get(&config.default_language().code))
            .map_or("", String::as_str)
    }

    /// Every form a page may use: the term and its aliases.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

impl Glossary {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether `word` is a term or an alias, ignoring case and the punctuation around it (`LAPOR` is the
    /// alias `LAPOR!`).
    pub fn knows(&self, word: &str) -> bool {
        let bare = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        };
        let word = bare(word);
        self.entries
            .iter()
            .any(|t| t.forms().any(|f| bare(f) == word))
    }

    /// What the Markdown loader links on a page in `lang`: each term with its forms and its explanation.
    pub fn matchers(&self, config: &Config, lang: usize) -> Vec<crate::markdown::TermLink> {
        self.entries
            .iter()
            .map(|t| crate::markdown::TermLink {
                id: t.id.clone(),
                forms: t.forms().map(str::to_string).collect(),
                title: t.explanation(config, lang).to_string(),
            })
            .collect()
    }
}

/// A value of an entry: an explanation or a link (text), or aliases (a list).
#[derive(Deserialize)]
#[serde(untagged)]
enum Field {
    One(String),
    Many(Vec<String>),
}

/// The fragment id of a term on the glossary page.
pub fn term_id(term: &str) -> String {
    let slug = crate::markdown::slugify(term);
    format!("term-{}", if slug.is_empty() { "x" } else { &slug })
}

/// Parses and checks `data/glossary.yaml`; every problem found is returned with what could be read.
pub fn parse(config: &Config, text: &str) -> (Glossary, Vec<Diagnostic>) {
    let doc = Doc {
        file: GLOSSARY_FILE,
        text,
        offset: 0,
    };
    let raw: IndexMap<String, IndexMap<String, Field>> = match doc.parse() {
        Ok(raw) => raw,
        Err(d) => return (Glossary::default(), vec![d]),
    };
    let mut diags = Vec::new();
    let mut entries: Vec<Term> = Vec::new();
    let default_code = config.default_language().code.clone();
    for (term, fields) in raw {
        let key_span = doc.span_of(&[&term]);
        if term.trim().is_empty() {
            diags.push(
                doc.error_at(codes::BAD_VALUE, key_span, msg!("glossary-empty-term"))
                    .with_hint(msg!("hint-glossary-empty-term")),
            );
            continue;
        }
        let mut entry = Term {
            id: term_id(&term),
            term: term.clone(),
            text: IndexMap::new(),
            link: None,
            aliases: Vec::new(),
        };
        for (key, value) in fields {
            let span = doc.span_of(&[&term, &key]);
            match (key.as_str(), value) {
                ("link", Field::One(link)) => {
                    let path = link.split('#').next().unwrap_or_default();
                    if !path.to_ascii_lowercase().ends_with(".md") || link.contains("://") {
                        diags.push(
                            doc.error_at(
                                codes::BAD_VALUE,
                                doc.value_span_of(&[&term, "link"]),
                                msg!("glossary-link-not-markdown", term = &term, link = &link),
                            )
                            .with_hint(msg!("hint-glossary-link")),
                        );
                    } else {
                        entry.link = Some(link);
                    }
                }
                ("aliases", Field::Many(list)) => {
                    entry.aliases = list.into_iter().filter(|a| !a.trim().is_empty()).collect();
                }
                ("aliases", Field::One(one)) => entry.aliases = vec![one],
                ("link", Field::Many(_)) => diags.push(
                    doc.error_at(
                        codes::WRONG_TYPE,
                        span,
                        msg!("glossary-link-list", term = &term),
                    )
                    .with_hint(msg!("hint-glossary-link-list")),
                ),
                (code, Field::One(explanation)) if config.language_index(code).is_some() => {
                    entry.text.insert(code.to_string(), explanation);
                }
                (code, Field::Many(_)) if config.language_index(code).is_some() => diags.push(
                    doc.error_at(
                        codes::WRONG_TYPE,
                        span,
                        msg!("glossary-explanation-list", code = code, term = &term),
                    )
                    .with_hint(msg!("hint-glossary-explanation-list")),
                ),
                (other, _) => {
                    let candidates = config.language_codes().chain(ENTRY_KEYS);
                    let hint = match did_you_mean(other, candidates) {
                        Some(s) => msg!("hint-did-you-mean", suggestion = s),
                        None => msg!(
                            "hint-glossary-unknown-key",
                            languages = config.language_codes().collect::<Vec<_>>().join(", ")
                        ),
                    };
                    diags.push(
                        doc.error_at(
                            codes::UNKNOWN_KEY,
                            span,
                            msg!("glossary-unknown-key", key = other, term = &term),
                        )
                        .with_hint(hint),
                    );
                }
            }
        }
        if !entry.text.contains_key(&default_code) {
            diags.push(
                doc.error_at(
                    codes::MISSING_KEY,
                    key_span.clone(),
                    msg!(
                        "glossary-no-explanation",
                        term = &term,
                        code = &default_code
                    ),
                )
                .with_hint(msg!("hint-glossary-no-explanation", code = &default_code)),
            );
        }
        if let Some(first) = entries.iter().find(|e| e.id == entry.id) {
            diags.push(
                doc.error_at(
                    codes::BAD_VALUE,
                    key_span,
                    msg!(
                        "glossary-same-anchor",
                        first = &first.term,
                        term = &term,
                        anchor = &entry.id
                    ),
                )
                .with_hint(msg!("hint-glossary-same-anchor")),
            );
            continue;
        }
        entries.push(entry);
    }
    (Glossary { entries }, diags)
}

/// Where each glossary term's `link:` points in the linked site, or an error at the link.
pub fn check_links(
    site: &crate::content::site::Site,
    sources: &crate::diagnostics::Sources,
) -> Vec<Diagnostic> {
    let glossary = &site.config.data.glossary;
    let Some(text) = sources.get(GLOSSARY_FILE) else {
        return Vec::new();
    };
    let doc = Doc {
        file: GLOSSARY_FILE,
        text: &text,
        offset: 0,
    };
    let mut diags = Vec::new();
    for term in &glossary.entries {
        let Some(link) = &term.link else { continue };
        if site.content_target(link).is_none() {
            let files = site.content_files();
            let path = link.split('#').next().unwrap_or_default();
            let hint = match did_you_mean(path, files.iter().map(String::as_str)) {
                Some(s) => msg!(
                    "hint-broken-link-near",
                    path = format!("content/{path}"),
                    suggestion = s
                ),
                None => msg!(
                    "hint-glossary-broken-link",
                    path = format!("content/{path}")
                ),
            };
            diags.push(
                doc.error_at(
                    codes::BROKEN_LINK,
                    doc.value_span_of(&[&term.term, "link"]),
                    msg!("glossary-broken-link", term = &term.term, link = link),
                )
                .with_hint(hint),
            );
        }
    }
    diags
}

/// Every Markdown file of the site, relative to `content/`.
#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::parse("title: T\nbase_url: https://x.example\ndefault_language: id\nlanguages:\n  id: {}\n  en: {}\n  ar: {}\n")
            .unwrap()
    }

    #[test]
    fn entries_parse_with_links_and_aliases() {
        let c = config();
        let text = "ITAS:\n  id: Izin Tinggal Terbatas.\n  en: Limited stay permit.\n  link: izin-tinggal/itas.md\n  aliases: [izin tinggal terbatas]\nkode pembayaran:\n  id: Nomor untuk membayar.\n";
        let (g, diags) = parse(&c, text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(g.entries.len(), 2);
        assert_eq!(g.entries[0].id, "term-itas");
        assert_eq!(g.entries[1].id, "term-kode-pembayaran");
        assert_eq!(g.entries[0].explanation(&c, 1), "Limited stay permit.");
        // Arabic falls back to the default language.
        assert_eq!(g.entries[1].explanation(&c, 2), "Nomor untuk membayar.");
        assert!(g.knows("ITAS") && g.knows("izin tinggal terbatas") && !g.knows("PNBP"));
    }

    #[test]
    fn bad_entries_are_located_with_codes() {
        let c = config();
        let text = "ITAS:\n  id: A\n  lnik: x.md\nWNA:\n  en: Foreigner\nPNBP:\n  id: B\n  link: https://x.example\nitas:\n  id: C\n";
        let (g, diags) = parse(&c, text);
        let found: Vec<_> = diags.iter().map(|d| d.code).collect();
        assert_eq!(
            found,
            [
                codes::UNKNOWN_KEY,
                codes::MISSING_KEY,
                codes::BAD_VALUE,
                codes::BAD_VALUE
            ]
        );
        assert_eq!(&text[diags[0].span.clone().unwrap()], "lnik");
        assert_eq!(
            diags[0].hint.as_deref().map(ToString::to_string).as_deref(),
            Some("did you mean `link`?")
        );
        assert_eq!(&text[diags[1].span.clone().unwrap()], "WNA");
        assert_eq!(&text[diags[2].span.clone().unwrap()], "https://x.example");
        assert_eq!(&text[diags[3].span.clone().unwrap()], "itas");
        assert_eq!(g.entries.len(), 3);
    }

    #[test]
    fn broken_yaml_is_one_located_error() {
        let (g, diags) = parse(&config(), "ITAS: [\n");
        assert!(g.is_empty());
        assert_eq!(diags.len(), 1);
        assert!(diags[0].file.as_deref() == Some(GLOSSARY_FILE));
    }
}
