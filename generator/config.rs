//! `site.yaml` as written → a checked [`Config`]: languages in order with their direction, the base URL and
//! the URL/output-path builder every later stage uses.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::diagnostics::{codes, did_you_mean, Diagnostic};
use crate::msg;
use crate::yaml::Doc;

/// The site configuration file name, at the site root.
pub const FILE_NAME: &str = "site.yaml";

/// A contact block; every field is optional so page, section and site blocks merge field by field.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub office: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub whatsapp: Option<String>,
    pub email: Option<String>,
    pub hours: Option<String>,
}

impl Contact {
    /// Fields set here win; the rest come from `fallback`.
    pub fn or(&self, fallback: &Contact) -> Contact {
        Contact {
            office: self.office.clone().or_else(|| fallback.office.clone()),
            address: self.address.clone().or_else(|| fallback.address.clone()),
            phone: self.phone.clone().or_else(|| fallback.phone.clone()),
            whatsapp: self.whatsapp.clone().or_else(|| fallback.whatsapp.clone()),
            email: self.email.clone().or_else(|| fallback.email.clone()),
            hours: self.hours.clone().or_else(|| fallback.hours.clone()),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Contact::default()
    }
}

/// Leaflet layouts a page can ask for.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum LeafletLayout {
    #[default]
    Trifold,
    Booklet,
}

/// Paper sizes for leaflets.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    A5,
}

/// Text direction of a language.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    title: String,
    base_url: String,
    default_language: String,
    languages: IndexMap<String, LanguageFile>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    timezone: Option<String>,
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    contact: Contact,
    #[serde(default)]
    search: SearchFile,
    #[serde(default)]
    leaflets: LeafletsFile,
    #[serde(default)]
    markdown: MarkdownFile,
    #[serde(default)]
    review: ReviewFile,
    #[serde(default)]
    placeholders: Option<Vec<String>>,
    #[serde(default)]
    offline: OfflineFile,
    #[serde(default)]
    messages: Option<MessagesLanguage>,
    #[serde(default)]
    plain: PlainFile,
    #[serde(default)]
    extra: Option<serde_json::Value>,
}

/// `plain:`: the plain-language check of `suluh check`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlainFile {
    #[serde(default = "yes")]
    enabled: bool,
    #[serde(default = "default_sentence_words")]
    sentence_words: usize,
    #[serde(default = "default_passive_share")]
    passive_share: f64,
    #[serde(default)]
    plain_words: IndexMap<String, PlainWordFile>,
    #[serde(default = "default_skip_headings")]
    skip_headings: Vec<String>,
}

impl Default for PlainFile {
    fn default() -> Self {
        PlainFile {
            enabled: true,
            sentence_words: default_sentence_words(),
            passive_share: default_passive_share(),
            plain_words: IndexMap::new(),
            skip_headings: default_skip_headings(),
        }
    }
}

/// The headings Suluh's own starter site and guides give their lists of legal bases.
fn default_skip_headings() -> Vec<String> {
    vec!["Dasar hukum".into(), "Legal basis".into()]
}

fn default_sentence_words() -> usize {
    25
}

fn default_passive_share() -> f64 {
    0.5
}

/// One entry of `plain_words`: `word: plainer word` for every language, or `LANG: { word: plainer word }`.
#[derive(Deserialize)]
#[serde(untagged)]
enum PlainWordFile {
    One(String),
    PerLanguage(IndexMap<String, String>),
}

/// A word with a plainer equivalent (`plain.plain_words`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlainWord {
    /// The language it applies to (`None`: every language).
    pub lang: Option<String>,
    pub word: String,
    pub instead: String,
}

/// The plain-language check's settings (`plain:` of `site.yaml`).
#[derive(Clone, Debug, PartialEq)]
pub struct PlainSettings {
    pub enabled: bool,
    /// A sentence with more words than this is flagged.
    pub sentence_words: usize,
    /// A paragraph or list is flagged when more than this share of its sentences are passive.
    pub passive_share: f64,
    pub plain_words: Vec<PlainWord>,
    /// Headings (any case) whose sections are left alone, e.g. a list of legal bases quoted word for word.
    pub skip_headings: Vec<String>,
}

impl Default for PlainSettings {
    fn default() -> Self {
        PlainSettings {
            enabled: true,
            sentence_words: default_sentence_words(),
            passive_share: default_passive_share(),
            plain_words: Vec::new(),
            skip_headings: default_skip_headings(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewFile {
    #[serde(default = "default_review_months")]
    months: u32,
}

impl Default for ReviewFile {
    fn default() -> Self {
        ReviewFile {
            months: default_review_months(),
        }
    }
}

fn default_review_months() -> u32 {
    12
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OfflineFile {
    #[serde(default = "yes")]
    enabled: bool,
}

impl Default for OfflineFile {
    fn default() -> Self {
        OfflineFile { enabled: true }
    }
}

/// The language of Suluh's own messages to editors (`messages:`).
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum MessagesLanguage {
    Id,
    En,
}

impl From<MessagesLanguage> for crate::messages::Lang {
    fn from(m: MessagesLanguage) -> Self {
        match m {
            MessagesLanguage::Id => crate::messages::Lang::Id,
            MessagesLanguage::En => crate::messages::Lang::En,
        }
    }
}

/// The site's `messages:`, read on its own so that it holds even for the errors of a `site.yaml` that does
/// not parse as a whole (a wrong type, an unknown key elsewhere); `None` when unset or unreadable.
pub fn messages_choice(text: &str) -> Option<crate::messages::Lang> {
    #[derive(Deserialize)]
    struct OnlyMessages {
        messages: Option<MessagesLanguage>,
    }
    let only: OnlyMessages = serde_yaml_ng::from_str(text).ok()?;
    only.messages.map(Into::into)
}

/// Text that marks an unfinished fact when `site.yaml` names none (matched ignoring case).
pub const DEFAULT_PLACEHOLDERS: [&str; 4] = ["000-0000", "example", "TODO", "ganti"];

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LanguageFile {
    name: Option<String>,
    title: Option<String>,
    description: Option<String>,
    dir: Option<Direction>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SearchFile {
    #[serde(default = "yes")]
    enabled: bool,
    #[serde(default)]
    split: SearchSplit,
}

impl Default for SearchFile {
    fn default() -> Self {
        SearchFile {
            enabled: true,
            split: SearchSplit::Auto,
        }
    }
}

/// Whether a language's search index is one elasticlunr file or split into packs (`search.split`).
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum SearchSplit {
    /// One file while it is small (about 40 KB gzipped), packs above.
    #[default]
    Auto,
    /// Always packs (the single file is still written for small and medium sites).
    Always,
    /// Always one elasticlunr file, however large.
    Never,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeafletsFile {
    #[serde(default = "yes")]
    enabled: bool,
    #[serde(default)]
    layout: LeafletLayout,
    #[serde(default)]
    paper: Paper,
}

impl Default for LeafletsFile {
    fn default() -> Self {
        LeafletsFile {
            enabled: true,
            layout: LeafletLayout::default(),
            paper: Paper::default(),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct MarkdownFile {
    /// Raw HTML in Markdown is sanitised unless the site trusts its editors with it.
    #[serde(default)]
    trusted_html: bool,
}

fn yes() -> bool {
    true
}

/// One site language, in the order `site.yaml` lists them (the default language first).
#[derive(Clone, Debug, Serialize)]
pub struct Language {
    pub code: String,
    pub name: String,
    /// The site title in this language.
    pub title: String,
    pub description: Option<String>,
    pub dir: Direction,
    pub is_default: bool,
}

/// Leaflet settings for the whole site.
#[derive(Clone, Copy, Debug)]
pub struct LeafletSettings {
    pub enabled: bool,
    pub layout: LeafletLayout,
    pub paper: Paper,
}

/// The checked site configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// Absolute base URL without a trailing slash, e.g. `https://imigrasi-lampung.example`.
    pub base_url: String,
    /// The path part of `base_url` without a trailing slash (`""` at a domain root), prefixed to every link.
    pub base_path: String,
    pub languages: Vec<Language>,
    pub timezone: jiff::tz::TimeZone,
    pub timezone_name: String,
    pub theme: String,
    pub contact: Contact,
    pub search_enabled: bool,
    pub search_split: SearchSplit,
    pub leaflets: LeafletSettings,
    pub trusted_html: bool,
    /// A procedure not reviewed for this many months is flagged by `check` (sections may override it).
    pub review_months: u32,
    /// Text that marks an unfinished fact, lowercased (`placeholders:`).
    pub placeholders: Vec<String>,
    /// Service worker and offline page (`offline.enabled`).
    pub offline: bool,
    /// Whether the service worker is written: with `offline`, except in `serve`, which must always show the
    /// build just made (see [`crate::pipeline::Options::service_worker`]).
    pub service_worker: bool,
    /// `messages:`, when set.
    pub messages: Option<MessagesLanguage>,
    /// The plain-language check (`plain:`).
    pub plain: PlainSettings,
    pub extra: serde_json::Value,
    /// The shared facts under `data/` ([`crate::data`]); empty until read.
    pub data: std::sync::Arc<crate::data::Data>,
}

/// Languages whose script runs right to left; `dir:` in `site.yaml` overrides this.
const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi",
];

impl Config {
    /// Parses and checks `site.yaml`; every problem found is returned.
    pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        let doc = Doc {
            file: FILE_NAME,
            text,
            offset: 0,
        };
        let raw: SiteFile = doc.parse().map_err(|d| vec![d])?;
        let mut errors = Vec::new();

        let base_url = raw.base_url.trim().trim_end_matches('/').to_string();
        let base_path = match base_url
            .strip_prefix("https://")
            .or_else(|| base_url.strip_prefix("http://"))
        {
            Some(rest) if !rest.is_empty() && !rest.contains(char::is_whitespace) => rest
                .find('/')
                .map_or(String::new(), |i| rest[i..].to_string()),
            _ => {
                errors.push(
                    doc.error_at(
                        codes::BAD_URL,
                        doc.value_span_of(&["base_url"]),
                        msg!("bad-base-url", url = &raw.base_url),
                    )
                    .with_hint(msg!("hint-bad-base-url")),
                );
                String::new()
            }
        };

        let mut languages = Vec::new();
        for (code, lang) in &raw.languages {
            if !is_language_code(code) {
                errors.push(
                    doc.error_at(
                        codes::BAD_LANGUAGE_CODE,
                        doc.span_of(&["languages", code]),
                        msg!("bad-language-code", code = code),
                    )
                    .with_hint(msg!("hint-bad-language-code")),
                );
            }
            let dir = lang
                .dir
                .unwrap_or(if RTL_LANGUAGES.contains(&base_language(code)) {
                    Direction::Rtl
                } else {
                    Direction::Ltr
                });
            languages.push(Language {
                code: code.clone(),
                name: lang.name.clone().unwrap_or_else(|| code.clone()),
                title: lang.title.clone().unwrap_or_else(|| raw.title.clone()),
                description: lang.description.clone().or_else(|| raw.description.clone()),
                dir,
                is_default: *code == raw.default_language,
            });
        }
        match languages.iter().position(|l| l.is_default) {
            Some(i) => {
                let default = languages.remove(i);
                languages.insert(0, default);
            }
            None => {
                let hint = match did_you_mean(
                    &raw.default_language,
                    raw.languages.keys().map(String::as_str),
                ) {
                    Some(s) => msg!("hint-did-you-mean", suggestion = s),
                    None => msg!(
                        "hint-add-default-language",
                        code = &raw.default_language,
                        codes = raw.languages.keys().cloned().collect::<Vec<_>>().join(", ")
                    ),
                };
                errors.push(
                    doc.error_at(
                        codes::UNKNOWN_LANGUAGE,
                        doc.value_span_of(&["default_language"]),
                        msg!("unknown-default-language", code = &raw.default_language),
                    )
                    .with_hint(hint),
                );
            }
        }

        let timezone_name = raw
            .timezone
            .clone()
            .unwrap_or_else(|| "Asia/Jakarta".to_string());
        let timezone = match jiff::tz::TimeZone::get(&timezone_name) {
            Ok(tz) => tz,
            Err(_) => {
                errors.push(
                    doc.error_at(
                        codes::BAD_VALUE,
                        doc.value_span_of(&["timezone"]),
                        msg!("unknown-time-zone", zone = &timezone_name),
                    )
                    .with_hint(msg!("hint-unknown-time-zone")),
                );
                jiff::tz::TimeZone::UTC
            }
        };

        let theme = raw.theme.clone().unwrap_or_else(|| "default".to_string());
        if !crate::output::is_safe_segment(&theme) {
            errors.push(
                doc.error_at(
                    codes::BAD_VALUE,
                    doc.value_span_of(&["theme"]),
                    msg!("bad-theme-name", theme = &theme),
                )
                .with_hint(msg!("hint-bad-theme-name")),
            );
        }

        let plain = plain_settings(&doc, raw.plain, &languages, &mut errors);

        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Config {
            base_url,
            base_path,
            languages,
            timezone,
            timezone_name,
            theme,
            contact: raw.contact,
            search_enabled: raw.search.enabled,
            search_split: raw.search.split,
            leaflets: LeafletSettings {
                enabled: raw.leaflets.enabled,
                layout: raw.leaflets.layout,
                paper: raw.leaflets.paper,
            },
            trusted_html: raw.markdown.trusted_html,
            review_months: raw.review.months,
            placeholders: raw
                .placeholders
                .unwrap_or_else(|| DEFAULT_PLACEHOLDERS.iter().map(|p| p.to_string()).collect())
                .into_iter()
                .map(|p| p.to_lowercase())
                .filter(|p| !p.trim().is_empty())
                .collect(),
            offline: raw.offline.enabled,
            service_worker: raw.offline.enabled,
            messages: raw.messages,
            plain,
            extra: raw.extra.unwrap_or(serde_json::Value::Null),
            data: Default::default(),
        })
    }

    pub fn default_language(&self) -> &Language {
        &self.languages[0]
    }

    /// Index of a language code in [`Config::languages`].
    pub fn language_index(&self, code: &str) -> Option<usize> {
        self.languages.iter().position(|l| l.code == code)
    }

    pub fn language_codes(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(|l| l.code.as_str())
    }

    /// The site-relative path (no leading slash, trailing slash unless empty) of `path` in language `lang`:
    /// the default language at the root, the others under `<lang>/`.
    pub fn lang_path(&self, lang: usize, path: &str) -> String {
        if lang == 0 {
            path.to_string()
        } else if path.is_empty() {
            format!("{}/", self.languages[lang].code)
        } else {
            format!("{}/{}", self.languages[lang].code, path)
        }
    }

    /// Root-relative URL (with the base path) of a site-relative path.
    pub fn url(&self, site_path: &str) -> String {
        format!("{}/{}", self.base_path, site_path)
    }

    /// Absolute URL of a site-relative path.
    pub fn permalink(&self, site_path: &str) -> String {
        format!("{}/{}", self.base_url, site_path)
    }

    /// A copy whose links point at another address (used by `serve` and `--base-url`).
    pub fn with_base_url(&self, base_url: &str) -> Config {
        let mut config = self.clone();
        config.base_url = base_url.trim_end_matches('/').to_string();
        config.base_path = config
            .base_url
            .split_once("://")
            .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_string()))
            .unwrap_or_default();
        config
    }

    /// The first placeholder (as configured, lowercased) that `text` contains, ignoring case.
    pub fn placeholder_in(&self, text: &str) -> Option<&str> {
        let lower = text.to_lowercase();
        self.placeholders
            .iter()
            .find(|p| lower.contains(p.as_str()))
            .map(String::as_str)
    }

    /// Language titles by code, for templates.
    pub fn titles(&self) -> BTreeMap<&str, &str> {
        self.languages
            .iter()
            .map(|l| (l.code.as_str(), l.title.as_str()))
            .collect()
    }
}

/// Checks `plain:`: thresholds in range, per-language word lists under site languages.
fn plain_settings(
    doc: &Doc,
    raw: PlainFile,
    languages: &[Language],
    errors: &mut Vec<Diagnostic>,
) -> PlainSettings {
    if raw.sentence_words == 0 {
        errors.push(
            doc.error_at(
                codes::BAD_VALUE,
                doc.value_span_of(&["plain", "sentence_words"]),
                msg!("plain-sentence-words-zero"),
            )
            .with_hint(msg!("hint-plain-sentence-words")),
        );
    }
    if !(raw.passive_share > 0.0 && raw.passive_share <= 1.0) {
        errors.push(
            doc.error_at(
                codes::BAD_VALUE,
                doc.value_span_of(&["plain", "passive_share"]),
                msg!("plain-passive-share", value = raw.passive_share.to_string()),
            )
            .with_hint(msg!("hint-plain-passive-share")),
        );
    }
    let mut plain_words = Vec::new();
    for (key, value) in raw.plain_words {
        match value {
            PlainWordFile::One(instead) => plain_words.push(PlainWord {
                lang: None,
                word: key,
                instead,
            }),
            PlainWordFile::PerLanguage(map) => {
                if !languages.iter().any(|l| l.code == key) {
                    let codes_list: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
                    let hint = match did_you_mean(&key, codes_list.iter().copied()) {
                        Some(s) => msg!("hint-did-you-mean", suggestion = s),
                        None => msg!(
                            "hint-plain-words-language",
                            languages = codes_list.join(", ")
                        ),
                    };
                    errors.push(
                        doc.error_at(
                            codes::UNKNOWN_LANGUAGE,
                            doc.span_of(&["plain", "plain_words", &key]),
                            msg!("plain-words-unknown-language", code = &key),
                        )
                        .with_hint(hint),
                    );
                    continue;
                }
                for (word, instead) in map {
                    plain_words.push(PlainWord {
                        lang: Some(key.clone()),
                        word,
                        instead,
                    });
                }
            }
        }
    }
    plain_words.retain(|w| !w.word.trim().is_empty());
    PlainSettings {
        enabled: raw.enabled,
        sentence_words: raw.sentence_words,
        passive_share: raw.passive_share,
        plain_words,
        skip_headings: raw.skip_headings,
    }
}

/// `id`, `en`, `pt-BR`, `zh-Hant`: two or three lowercase letters, optional subtags.
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    first_ok
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn base_language(code: &str) -> &str {
    code.split('-').next().unwrap_or(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "title: T\nbase_url: https://x.example/sub/\ndefault_language: id\nlanguages:\n  en: { name: English }\n  id: { name: Bahasa Indonesia }\n  ar: { name: العربية }\n";

    #[test]
    fn default_language_first_and_rtl_derived() {
        let c = Config::parse(MINIMAL).unwrap();
        let codes: Vec<_> = c.language_codes().collect();
        assert_eq!(codes, ["id", "en", "ar"]);
        assert_eq!(c.languages[2].dir, Direction::Rtl);
        assert_eq!(c.base_path, "/sub");
        assert_eq!(c.url(&c.lang_path(1, "paspor/")), "/sub/en/paspor/");
        assert_eq!(c.permalink(&c.lang_path(0, "")), "https://x.example/sub/");
    }

    #[test]
    fn unknown_default_language_is_located() {
        let text = MINIMAL.replace("default_language: id", "default_language: in");
        let errs = Config::parse(&text).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].message.arg("code").as_deref(), Some("in"));
        let span = errs[0].span.clone().unwrap();
        assert_eq!(&text[span], "in");
    }

    #[test]
    fn unknown_key_with_suggestion() {
        let text = format!("{MINIMAL}timezon: Asia/Jakarta\n");
        let errs = Config::parse(&text).unwrap_err();
        assert_eq!(
            errs[0].hint.as_deref(),
            Some(&msg!("hint-did-you-mean", suggestion = "timezone"))
        );
    }

    #[test]
    fn plain_settings_parse_and_are_checked() {
        let text = format!("{MINIMAL}plain:\n  sentence_words: 20\n  plain_words:\n    kode billing: kode pembayaran\n    en: {{ billing code: payment code }}\n");
        let c = Config::parse(&text).unwrap();
        assert_eq!(c.plain.sentence_words, 20);
        assert_eq!(c.plain.passive_share, 0.5);
        assert_eq!(c.plain.plain_words.len(), 2);
        assert_eq!(c.plain.plain_words[1].lang.as_deref(), Some("en"));

        let errs = Config::parse(&format!("{MINIMAL}plain:\n  sentence_word: 20\n")).unwrap_err();
        assert_eq!(errs[0].code, codes::UNKNOWN_KEY);
        assert_eq!(
            errs[0].hint.as_deref().map(ToString::to_string).as_deref(),
            Some("did you mean `sentence_words`?")
        );

        let text =
            format!("{MINIMAL}plain:\n  passive_share: 2\n  plain_words:\n    eng: {{ a: b }}\n");
        let errs = Config::parse(&text).unwrap_err();
        let found: Vec<_> = errs.iter().map(|e| e.code).collect();
        assert_eq!(found, [codes::BAD_VALUE, codes::UNKNOWN_LANGUAGE]);
        assert_eq!(&text[errs[0].span.clone().unwrap()], "2");
        assert_eq!(&text[errs[1].span.clone().unwrap()], "eng");
        assert_eq!(
            errs[1].hint.as_deref().map(ToString::to_string).as_deref(),
            Some("did you mean `en`?")
        );
    }

    #[test]
    fn language_codes() {
        assert!(is_language_code("id"));
        assert!(is_language_code("pt-BR"));
        assert!(!is_language_code("ID"));
        assert!(!is_language_code("../x"));
        assert!(!is_language_code("e"));
    }
}
