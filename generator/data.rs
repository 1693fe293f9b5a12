//! Shared facts under `data/`: `data/tariffs.yaml`, every fee the site quotes, written once, and
//! `data/glossary.yaml` ([`glossary`]), the terms the guides use, explained once per language.
//!
//! Read with `site.yaml` (before content is loaded) and carried by the [`crate::config::Config`], so every
//! stage that sees the configuration sees the same tariffs: the link step checks the pages' `tariff:`
//! references, the renderers show them in the reader's language. `serve` rebuilds everything when a file
//! under `data/` changes.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use indexmap::IndexMap;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use crate::config::Config;
use crate::content::front_matter::Date;
use crate::diagnostics::{codes, did_you_mean, Diagnostic, Message, Sources};
use crate::msg;
use crate::yaml::{Doc, ValueProblem};

pub mod glossary;

/// The tariff file, relative to the site root.
pub const TARIFFS_FILE: &str = "data/tariffs.yaml";

/// The site's shared facts.
#[derive(Clone, Debug, Default)]
pub struct Data {
    pub tariffs: Tariffs,
    pub glossary: glossary::Glossary,
}

/// The entries of `data/tariffs.yaml`, in the order written.
#[derive(Clone, Debug, Default)]
pub struct Tariffs {
    pub entries: IndexMap<String, Tariff>,
    /// The file exists but could not be read or parsed: references to it are not checked (its own errors
    /// are reported instead of one "unknown tariff" per page).
    pub broken: bool,
}

impl Tariffs {
    pub fn get(&self, id: &str) -> Option<&Tariff> {
        self.entries.get(id)
    }

    /// The error for a page naming a tariff id the file does not have, with the nearest id as a hint.
    pub fn unknown(&self, id: &str) -> (Message, Message) {
        let hint = match did_you_mean(id, self.entries.keys().map(String::as_str)) {
            Some(s) => msg!("hint-did-you-mean", suggestion = s),
            None if self.entries.is_empty() => {
                msg!("hint-add-tariff", tariff = id, file = TARIFFS_FILE)
            }
            None => msg!(
                "hint-unknown-tariff",
                file = TARIFFS_FILE,
                example = self.entries.keys().next().map_or("", String::as_str),
                tariff = id
            ),
        };
        (msg!("unknown-tariff", tariff = id), hint)
    }
}

/// Text written once for every language, or once per language (`{ id: …, en: … }`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    One(String),
    PerLanguage(IndexMap<String, String>),
}

impl Text {
    /// The text in `lang`, else in the site's default language, else the first one written.
    pub fn get(&self, config: &Config, lang: usize) -> &str {
        match self {
            Text::One(s) => s,
            Text::PerLanguage(map) => map
                .get(&config.languages[lang].code)
                .or_else(|| map.get(&config.default_language().code))
                .or_else(|| map.values().next())
                .map_or("", String::as_str),
        }
    }

    /// Every text written, for rules that look at all of them.
    pub fn all(&self) -> Vec<&str> {
        match self {
            Text::One(s) => vec![s.as_str()],
            Text::PerLanguage(map) => map.values().map(String::as_str).collect(),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text, or one text per language (`id: …`, `en: …`)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::One(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut out = IndexMap::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    out.insert(k, v);
                }
                Ok(Text::PerLanguage(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// A whole amount of money (`350000`); a fraction or a negative number is an error an editor can act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount(pub u64);

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a whole number such as 350000")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
                Ok(Amount(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
                u64::try_from(v)
                    .map(Amount)
                    .map_err(|_| ValueProblem::NegativeAmount.error(&v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Amount, E> {
                if v.fract() == 0.0 && (0.0..9.0e15).contains(&v) {
                    // A whole number written as `350000.0`.
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    // checked above
                    return Ok(Amount(v as u64));
                }
                Err(ValueProblem::NotWholeAmount.error(&v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TariffFile {
    item: Text,
    amount: Amount,
    #[serde(default)]
    currency: Option<String>,
    legal_basis: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    valid_from: Option<Date>,
    #[serde(default)]
    valid_until: Option<Date>,
}

/// One tariff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tariff {
    pub item: Text,
    pub amount: u64,
    pub currency: String,
    /// The regulation that sets it, e.g. `PP 45/2024`.
    pub legal_basis: String,
    /// Where readers can check it (a URL).
    pub source: Option<String>,
    pub valid_from: Option<jiff::civil::Date>,
    pub valid_until: Option<jiff::civil::Date>,
}

impl Tariff {
    /// No longer charged on `today`: it must not be published.
    pub fn expired(&self, today: jiff::civil::Date) -> bool {
        self.valid_until.is_some_and(|d| d < today)
    }

    /// Charged only from a day after `today`.
    pub fn upcoming(&self, today: jiff::civil::Date) -> Option<jiff::civil::Date> {
        self.valid_from.filter(|d| *d > today)
    }
}

/// Parses and checks `data/tariffs.yaml`; every problem found is returned with what could be read.
pub fn parse_tariffs(config: &Config, text: &str) -> (Tariffs, Vec<Diagnostic>) {
    let doc = Doc {
        file: TARIFFS_FILE,
        text,
        offset: 0,
    };
    let raw: IndexMap<String, TariffFile> = match doc.parse() {
        Ok(raw) => raw,
        Err(d) => {
            let tariffs = Tariffs {
                broken: true,
                ..Tariffs::default()
            };
            return (tariffs, vec![d]);
        }
    };
    let mut diags = Vec::new();
    let mut entries = IndexMap::new();
    for (id, t) in raw {
        if let Text::PerLanguage(map) = &t.item {
            for code in map.keys() {
                if config.language_index(code).is_none() {
                    let hint = match did_you_mean(code, config.language_codes()) {
                        Some(s) => msg!("hint-did-you-mean", suggestion = s),
                        None => msg!(
                            "hint-site-languages",
                            codes = config.language_codes().collect::<Vec<_>>().join(", ")
                        ),
                    };
                    diags.push(
                        doc.error_at(
                            codes::UNKNOWN_LANGUAGE,
                            doc.span_of(&[&id, "item", code]),
                            msg!("unknown-language-in-tariff", code = code, tariff = &id),
                        )
                        .with_hint(hint),
                    );
                }
            }
        }
        if let (Some(from), Some(until)) = (t.valid_from, t.valid_until) {
            if until < from {
                diags.push(
                    doc.error_at(
                        codes::BAD_VALUE,
                        doc.value_span_of(&[&id, "valid_until"]),
                        msg!(
                            "tariff-ends-before-start",
                            tariff = &id,
                            until = until.0.to_string(),
                            from = from.0.to_string()
                        ),
                    )
                    .with_hint(msg!("hint-tariff-ends-before-start")),
                );
            }
        }
        if t.legal_basis.trim().is_empty() {
            diags.push(
                doc.error_at(
                    codes::BAD_VALUE,
                    doc.span_of(&[&id, "legal_basis"]),
                    msg!("empty-legal-basis", tariff = &id),
                )
                .with_hint(msg!("hint-empty-legal-basis")),
            );
        }
        entries.insert(
            id,
            Tariff {
                item: t.item,
                amount: t.amount.0,
                currency: t.currency.unwrap_or_else(|| "IDR".to_string()),
                legal_basis: t.legal_basis,
                source: t.source,
                valid_from: t.valid_from.map(|d| d.0),
                valid_until: t.valid_until.map(|d| d.0),
            },
        );
    }
    let broken = !diags.is_empty();
    (Tariffs { entries, broken }, diags)
}

/// What loading a Markdown file depends on besides its own text: `site.yaml`, and the glossary, whose
/// terms the loader links. `serve` loads every file again when this changes.
pub fn load_key(sources: &Sources) -> Arc<str> {
    let config = sources.get(crate::config::FILE_NAME).unwrap_or_default();
    match sources.get(glossary::GLOSSARY_FILE) {
        Some(glossary) => format!("{config}\n\u{0}{glossary}").into(),
        None => config,
    }
}

/// Reads `data/` under `root` into the configuration (a site without `data/` has no shared facts).
pub fn read_into(
    mut config: Config,
    root: &Path,
    sources: &Sources,
    diags: &mut Vec<Diagnostic>,
) -> Config {
    let glossary = read_glossary(&config, root, sources, diags);
    let path = root.join(TARIFFS_FILE);
    if !path.is_file() {
        config.data = Arc::new(Data {
            tariffs: Tariffs::default(),
            glossary,
        });
        return config;
    }
    let tariffs = match crate::content::read_text(TARIFFS_FILE, &path, sources) {
        Ok(text) => {
            sources.insert(TARIFFS_FILE, text.clone());
            let (tariffs, found) = parse_tariffs(&config, &text);
            diags.extend(found);
            tariffs
        }
        Err(d) => {
            diags.push(d);
            Tariffs {
                broken: true,
                ..Tariffs::default()
            }
        }
    };
    config.data = Arc::new(Data { tariffs, glossary });
    config
}

/// Reads `data/glossary.yaml` (none: an empty glossary); a broken entry is reported and left out.
fn read_glossary(
    config: &Config,
    root: &Path,
    sources: &Sources,
    diags: &mut Vec<Diagnostic>,
) -> glossary::Glossary {
    let path = root.join(glossary::GLOSSARY_FILE);
    if !path.is_file() {
        return glossary::Glossary::default();
    }
    match crate::content::read_text(glossary::GLOSSARY_FILE, &path, sources) {
        Ok(text) => {
            sources.insert(glossary::GLOSSARY_FILE, text.clone());
            let (glossary, found) = glossary::parse(config, &text);
            diags.extend(found);
            glossary
        }
        Err(d) => {
            diags.push(d);
            glossary::Glossary::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::parse("title: T\nbase_url: https://x.example\ndefault_language: id\nlanguages:\n  id: {}\n  en: {}\n  ar: {}\n")
            .unwrap()
    }

    #[test]
    fn tariffs_parse_with_defaults_and_per_language_items() {
        let c = config();
        let text = "paspor-biasa:\n  item: { id: Paspor biasa, en: Ordinary passport }\n  amount: 350000\n  legal_basis: PP 45/2024\n  valid_from: 2024-01-01\nvisa:\n  item: Visa\n  amount: 500000\n  currency: IDR\n  legal_basis: PP 45/2024\n  source: https://x.example/pp\n";
        let (t, diags) = parse_tariffs(&c, text);
        assert!(diags.is_empty(), "{diags:?}");
        let p = t.get("paspor-biasa").unwrap();
        assert_eq!(p.currency, "IDR");
        assert_eq!(p.item.get(&c, 1), "Ordinary passport");
        // Arabic falls back to the default language.
        assert_eq!(p.item.get(&c, 2), "Paspor biasa");
        assert_eq!(
            t.entries.keys().collect::<Vec<_>>(),
            ["paspor-biasa", "visa"]
        );
    }

    #[test]
    fn tariff_errors_are_located_with_hints() {
        let c = config();
        let text = "a:\n  item: A\n  amout: 1\n  legal_basis: x\n";
        let (t, diags) = parse_tariffs(&c, text);
        assert!(t.broken);
        assert_eq!(diags[0].code, codes::UNKNOWN_KEY);
        assert_eq!(
            diags[0].hint.as_deref(),
            Some(&msg!("hint-did-you-mean", suggestion = "amount"))
        );
        assert_eq!(&text[diags[0].span.clone().unwrap()], "amout");

        let text = "a:\n  item: { id: A, fr: B }\n  amount: 1.5\n  legal_basis: x\n";
        let (_, diags) = parse_tariffs(&c, text);
        assert_eq!(diags[0].code, codes::BAD_VALUE, "{diags:?}");
        assert!(diags[0].message.to_string().contains("whole"), "{diags:?}");

        let text = "a:\n  item: { id: A, fr: B }\n  amount: 1\n  legal_basis: x\n  valid_from: 2026-02-01\n  valid_until: 2026-01-01\n";
        let (_, diags) = parse_tariffs(&c, text);
        let found: Vec<_> = diags.iter().map(|d| d.code).collect();
        assert_eq!(found, [codes::UNKNOWN_LANGUAGE, codes::BAD_VALUE]);
        assert_eq!(&text[diags[0].span.clone().unwrap()], "fr");

        let (t, _) = parse_tariffs(&c, "a:\n  item: A\n  amount: 1\n  legal_basis: x\n");
        assert_eq!(t.unknown("b").0.to_string(), "unknown tariff `b`");
        let (_, hint) = t.unknown("aa");
        assert_eq!(hint.to_string(), "did you mean `a`?");
    }

    #[test]
    fn dates_decide_expired_and_upcoming() {
        let c = config();
        let text = "a:\n  item: A\n  amount: 0\n  legal_basis: x\n  valid_from: 2027-01-01\n  valid_until: 2027-12-31\n";
        let (t, _) = parse_tariffs(&c, text);
        let a = t.get("a").unwrap();
        let today = jiff::civil::date(2026, 11, 23);
        assert_eq!(a.upcoming(today), Some(jiff::civil::date(2027, 1, 1)));
        assert!(!a.expired(today));
        assert!(a.expired(jiff::civil::date(2028, 1, 1)));
    }
}
