//! UI strings per language and the language-specific presentation of dates, times and money.
//!
//! Strings come from the repository's `i18n/` (compiled into the binary with the default theme), overridden
//! key by key by a site's own `i18n/<lang>.yaml`. A missing key falls back to the default language; `check`
//! lists what is missing.

use std::collections::BTreeMap;
use std::sync::Arc;

use include_dir::{include_dir, Dir};

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::yaml::Doc;

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/i18n");

/// A site's i18n file as read from disk: (site-relative path, text).
pub type I18nFile = (String, Arc<str>);

/// Resolved UI strings for every site language, in `Config::languages` order.
#[derive(Debug, Clone)]
pub struct Strings {
    per_language: Vec<BTreeMap<String, String>>,
    /// Keys each language lacks, compared with the default language and the built-in theme's keys (filled
    /// from the default language, else shown as the key itself), for `check`.
    pub missing: Vec<(String, Vec<String>)>,
}

impl Strings {
    /// Merges built-in and site strings; parse errors are returned, missing keys are recorded.
    pub fn load(config: &Config, site_files: &[I18nFile]) -> Result<Strings, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut own: Vec<BTreeMap<String, String>> = Vec::new();
        for lang in &config.languages {
            let mut map = BTreeMap::new();
            let name = format!("{}.yaml", lang.code);
            if let Some(text) = BUILTIN.get_file(&name).and_then(|f| f.contents_utf8()) {
                // The built-in files are tested; a failure here is a bug in Suluh, reported like user errors.
                match parse(&format!("(built-in) i18n/{name}"), text) {
                    Ok(m) => map.extend(m),
                    Err(e) => errors.push(e),
                }
            }
            let site_path = format!("i18n/{name}");
            if let Some((path, text)) = site_files.iter().find(|(p, _)| *p == site_path) {
                match parse(path, text) {
                    Ok(m) => map.extend(m),
                    Err(e) => errors.push(e),
                }
            }
            own.push(map);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let default = own.first().cloned().unwrap_or_default();
        // The keys the built-in theme uses: every language should have them, the default language included
        // (a default language without built-in strings would otherwise show key names on the site).
        let theme_keys = builtin_keys();
        let mut missing = Vec::new();
        let mut per_language = Vec::new();
        for (i, map) in own.into_iter().enumerate() {
            let mut lacking: Vec<String> = theme_keys
                .iter()
                .chain(if i > 0 {
                    default.keys()
                } else {
                    Default::default()
                })
                .filter(|k| !map.contains_key(*k))
                .cloned()
                .collect();
            lacking.sort();
            lacking.dedup();
            if !lacking.is_empty() {
                missing.push((config.languages[i].code.clone(), lacking));
            }
            let mut merged = default.clone();
            merged.extend(map);
            per_language.push(merged);
        }
        Ok(Strings {
            per_language,
            missing,
        })
    }

    /// All strings of a language (for templates, as `t`).
    pub fn all(&self, lang: usize) -> &BTreeMap<String, String> {
        &self.per_language[lang]
    }

    /// One string; the key itself when no language has it, so a template never renders blank.
    pub fn get<'a>(&'a self, lang: usize, key: &'a str) -> &'a str {
        self.per_language[lang].get(key).map_or(key, String::as_str)
    }

    /// Writes a number with the language's digits and grouping: `350.000` (id), `350,000` (en and ar; `٣٥٠٬٠٠٠`
    /// with `digits: arabic-indic`).
    pub fn number(&self, lang: usize, value: f64) -> String {
        let decimals = if value.fract() == 0.0 { 0 } else { 2 };
        let text = format!("{:.*}", decimals, value.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let group = self.get(lang, "number_group");
        let mut grouped = String::new();
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push_str(group);
            }
            grouped.push(ch);
        }
        if !frac.is_empty() {
            grouped.push_str(self.get(lang, "number_decimal"));
            grouped.push_str(frac);
        }
        if value < 0.0 {
            grouped.insert(0, '-');
        }
        self.digits(lang, &grouped)
    }

    /// An amount of money in the language's pattern, e.g. `Rp350.000`, `IDR 350,000`; zero is "free".
    pub fn money(&self, lang: usize, amount: f64, currency: &str) -> String {
        if amount == 0.0 {
            return self.get(lang, "free").to_string();
        }
        let pattern_key = format!("currency_{currency}");
        let pattern = match self.per_language[lang].get(&pattern_key) {
            Some(p) => p.as_str(),
            None => self.get(lang, "currency_other"),
        };
        pattern
            .replace("{amount}", &self.number(lang, amount))
            .replace("{currency}", currency)
    }

    /// A calendar date in words: `5 Januari 2026`, `5 January 2026`.
    pub fn date(&self, lang: usize, date: jiff::civil::Date) -> String {
        let month = self.get(
            lang,
            MONTH_KEYS[(date.month() as usize).saturating_sub(1) % 12],
        );
        let text = self
            .get(lang, "date_format")
            .replace("{day}", &date.day().to_string())
            .replace("{month}", month)
            .replace("{year}", &date.year().to_string());
        self.digits(lang, &text)
    }

    /// A clock time: `09.00` (id), `09:00` (en).
    pub fn time(&self, lang: usize, time: jiff::civil::Time) -> String {
        let text = format!(
            "{:02}{}{:02}",
            time.hour(),
            self.get(lang, "time_separator"),
            time.minute()
        );
        self.digits(lang, &text)
    }

    /// Replaces ASCII digits by the language's own digits where its strings ask for them.
    pub fn digits(&self, lang: usize, text: &str) -> String {
        if self.get(lang, "digits") != "arabic-indic" {
            return text.to_string();
        }
        text.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0x0660 + d).unwrap_or(c),
                None => c,
            })
            .collect()
    }
}

const MONTH_KEYS: [&str; 12] = [
    "month_1", "month_2", "month_3", "month_4", "month_5", "month_6", "month_7", "month_8",
    "month_9", "month_10", "month_11", "month_12",
];

fn parse(path: &str, text: &str) -> Result<BTreeMap<String, String>, Diagnostic> {
    let doc = Doc {
        file: path,
        text,
        offset: 0,
    };
    doc.parse::<BTreeMap<String, String>>().map_err(|mut d| {
        if d.hint.is_none() || d.code == crate::diagnostics::codes::WRONG_TYPE {
            d.hint = Some(Box::new(msg!("hint-i18n-file")));
        }
        d
    })
}

/// Every key of the built-in strings (the union over their languages, which tests keep identical).
fn builtin_keys() -> std::collections::BTreeSet<String> {
    BUILTIN
        .files()
        .filter_map(|f| f.contents_utf8())
        .filter_map(|text| parse("(built-in)", text).ok())
        .flat_map(|m| m.into_keys())
        .collect()
}

/// The languages Suluh ships strings for.
pub fn builtin_languages() -> Vec<String> {
    let mut codes: Vec<String> = BUILTIN
        .files()
        .filter_map(|f| f.path().to_str()?.strip_suffix(".yaml").map(str::to_string))
        .collect();
    codes.sort();
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::parse("title: T\nbase_url: https://x.example\ndefault_language: id\nlanguages:\n  id: {}\n  en: {}\n  ar: {}\n  fr: {}\n")
            .unwrap()
    }

    #[test]
    fn builtin_strings_cover_every_key_in_every_language() {
        let c = config();
        let s = Strings::load(&c, &[]).unwrap();
        let missing: Vec<_> = s.missing.iter().filter(|(l, _)| l != "fr").collect();
        assert!(missing.is_empty(), "{missing:?}");
        assert!(s.missing.iter().any(|(l, _)| l == "fr"));
        // fr falls back to Indonesian.
        assert_eq!(s.get(3, "home"), s.get(0, "home"));
    }

    #[test]
    fn formats_per_language() {
        let c = config();
        let s = Strings::load(&c, &[]).unwrap();
        assert_eq!(s.money(0, 350000.0, "IDR"), "Rp350.000");
        assert_eq!(s.money(1, 350000.0, "IDR"), "IDR 350,000");
        assert_eq!(s.money(2, 1500.0, "IDR"), "1,500 روبية");
        // A site may ask for Arabic-Indic digits instead.
        let indic: std::sync::Arc<str> = "digits: arabic-indic\nnumber_group: \"٬\"\n".into();
        let s = Strings::load(&c, &[("i18n/ar.yaml".to_string(), indic)]).unwrap();
        assert_eq!(s.money(2, 1500.0, "IDR"), "١٬٥٠٠ روبية");
        assert_eq!(s.money(1, 12.5, "USD"), "USD 12.50");
        let d = jiff::civil::date(2026, 1, 5);
        assert_eq!(s.date(0, d), "5 Januari 2026");
        assert_eq!(s.date(1, d), "5 January 2026");
        assert_eq!(s.time(0, jiff::civil::time(9, 0, 0, 0)), "09.00");
    }

    #[test]
    fn site_file_overrides_and_errors_are_located() {
        let c = config();
        let files = vec![("i18n/en.yaml".to_string(), Arc::from("home: Start\n"))];
        let s = Strings::load(&c, &files).unwrap();
        assert_eq!(s.get(1, "home"), "Start");
        let bad = vec![("i18n/en.yaml".to_string(), Arc::from("home: [unclosed\n"))];
        let errs = Strings::load(&c, &bad).unwrap_err();
        assert_eq!(errs[0].file.as_deref(), Some("i18n/en.yaml"));
    }
}
