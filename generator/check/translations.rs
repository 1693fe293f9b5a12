//! What is missing per language: pages and sections not translated into it, and UI strings its
//! `i18n/<lang>.yaml` lacks.
//!
//! The same findings come out two ways. As diagnostics (one per untranslated file, one per language missing
//! strings, each with its file) for `--format json` and the serve overlay; and as one grouped table per
//! language for the terminal, because on a site being translated a warning per page is a wall that hides the
//! warnings that need attention.

use crate::diagnostics::codes;
use crate::msg;
use std::fmt::Write as _;

use crate::config;
use crate::content::site::Site;
use crate::diagnostics::Diagnostic;

/// The diagnostic code of a page or section that lacks a translation.
pub const UNTRANSLATED: &str = crate::diagnostics::codes::UNTRANSLATED;
/// The diagnostic code of a language whose UI strings are incomplete.
pub const MISSING_STRINGS: &str = crate::diagnostics::codes::MISSING_UI_STRINGS;

/// Whether a diagnostic is one the table summarises.
pub fn is_summarised(d: &Diagnostic) -> bool {
    matches!(d.code, UNTRANSLATED | MISSING_STRINGS)
}

/// What one site language is missing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageGaps {
    pub code: String,
    /// Content paths (under `content/`, without `.md`) not translated into the language, sorted:
    /// `paspor/paspor-baru`, `paspor/_index`.
    pub pages: Vec<String>,
    /// Pages and sections that exist in some language, i.e. what could be translated.
    pub total: usize,
    /// UI-string keys the language has nowhere (neither built in nor in the site's `i18n/`).
    pub strings: Vec<String>,
}

/// Everything missing, per site language (languages with no gap are left out).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gaps {
    pub languages: Vec<LanguageGaps>,
    /// Procedures whose review is missing or overdue, tabled on their own ([`super::review`]).
    pub review: super::review::Review,
}

impl Gaps {
    /// No missing translations or UI strings (the review has its own table).
    pub fn is_empty(&self) -> bool {
        self.languages.is_empty()
    }
}

/// A content path as editors see it: `content/paspor/baru.en.md` → `paspor/baru`,
/// `content/paspor/_index.md` → `paspor/_index`, a bundle `content/x/y/index.md` → `x/y`.
pub(super) fn content_path(file: &str) -> String {
    let rel = file.strip_prefix("content/").unwrap_or(file);
    let stem = rel.strip_suffix(".md").unwrap_or(rel);
    let stem = match stem.rsplit_once('.') {
        Some((base, suffix)) if config::is_language_code(suffix) => base,
        _ => stem,
    };
    stem.strip_suffix("/index").unwrap_or(stem).to_string()
}

/// Collects the gaps of every language.
pub fn find(site: &Site) -> Gaps {
    let langs = &site.config.languages;
    let mut per_lang: Vec<Vec<String>> = vec![Vec::new(); langs.len()];
    let mut total = 0;
    for p in &site.pages {
        let Some(original) = p.variants.iter().flatten().next() else {
            continue;
        };
        total += 1;
        for (l, v) in p.variants.iter().enumerate() {
            if v.is_none() {
                per_lang[l].push(content_path(&original.file));
            }
        }
    }
    for s in &site.sections {
        // A folder without any `_index` file has nothing to translate.
        let Some(file) = s.variants.iter().flatten().find_map(|v| v.file.as_deref()) else {
            continue;
        };
        total += 1;
        for (l, v) in s.variants.iter().enumerate() {
            if v.as_ref().and_then(|v| v.file.as_ref()).is_none() {
                per_lang[l].push(content_path(file));
            }
        }
    }
    let mut languages = Vec::new();
    for (l, mut pages) in per_lang.into_iter().enumerate() {
        pages.sort();
        let code = &langs[l].code;
        let strings = site
            .strings
            .missing
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, keys)| keys.clone())
            .unwrap_or_default();
        if pages.is_empty() && strings.is_empty() {
            continue;
        }
        languages.push(LanguageGaps {
            code: code.clone(),
            pages,
            total,
            strings,
        });
    }
    Gaps {
        languages,
        review: super::review::find(site),
    }
}

/// One warning per untranslated page or section (naming every language it lacks) and one per language
/// missing UI strings: the machine-readable form, with the file each one is about.
pub fn warnings(site: &Site) -> Vec<Diagnostic> {
    let codes: Vec<&str> = site
        .config
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .collect();
    let mut diags = Vec::new();
    let mut warn = |file: &str, missing: Vec<&str>| {
        if missing.is_empty() {
            return;
        }
        let names: Vec<String> = missing.iter().map(|l| translation_name(file, l)).collect();
        diags.push(
            Diagnostic::warning(
                codes::UNTRANSLATED,
                msg!("untranslated", languages = missing.join(", ")),
            )
            .in_file(file)
            .with_hint(msg!("hint-untranslated", files = names.join(", "))),
        );
    };
    for p in &site.pages {
        let Some(original) = p.variants.iter().flatten().next() else {
            continue;
        };
        let missing = codes
            .iter()
            .zip(&p.variants)
            .filter(|(_, v)| v.is_none())
            .map(|(c, _)| *c)
            .collect();
        warn(&original.file, missing);
    }
    for s in &site.sections {
        let Some(file) = s.variants.iter().flatten().find_map(|v| v.file.as_deref()) else {
            continue;
        };
        let missing = codes
            .iter()
            .zip(&s.variants)
            .filter(|(_, v)| v.as_ref().and_then(|v| v.file.as_ref()).is_none())
            .map(|(c, _)| *c)
            .collect();
        warn(file, missing);
    }
    for (lang, keys) in &site.strings.missing {
        let shown: Vec<&str> = keys.iter().take(12).map(String::as_str).collect();
        diags.push(
            Diagnostic::warning(
                codes::MISSING_UI_STRINGS,
                msg!(
                    "missing-ui-strings",
                    count = keys.len(),
                    lang = lang,
                    keys = shown.join(", "),
                    more = keys.len() - shown.len()
                ),
            )
            .in_file(format!("i18n/{lang}.yaml"))
            .with_hint(msg!("hint-missing-ui-strings", lang = lang)),
        );
    }
    diags
}

/// The file a translation goes into: `content/a/b.md` → `content/a/b.ar.md`,
/// `content/a/_index.md` → `content/a/_index.ar.md`, `content/a/b/index.md` → `content/a/b/index.ar.md`.
pub fn translation_name(file: &str, lang: &str) -> String {
    let stem = file.strip_suffix(".md").unwrap_or(file);
    let base = match stem.rsplit_once('.') {
        Some((b, suffix)) if config::is_language_code(suffix) => b,
        _ => stem,
    };
    format!("{base}.{lang}.md")
}

/// The terminal is assumed this wide; lists wrap before it.
const WIDTH: usize = 80;
/// Lines of page names shown per language before "… and N more".
const MAX_PAGE_LINES: usize = 8;
/// Lines of UI-string keys shown per language.
const MAX_STRING_LINES: usize = 3;

/// The grouped summary for the terminal:
///
/// ```text
/// Missing translations
///   ar  19 of 45 pages and sections, 3 UI strings
///       paspor/  _index, paspor-anak, paspor-baru, paspor-elektronik
///       visa/    _index, visa-kunjungan
///       UI strings (i18n/ar.yaml): search_placeholder, search_results, …
/// ```
pub fn table(gaps: &Gaps, color: bool) -> String {
    if gaps.is_empty() {
        return String::new();
    }
    let bold = |s: &str| bold(s, color);
    let mut out = String::new();
    let _ = writeln!(out, "{}", bold(&msg!("table-translations").show()));
    for lang in &gaps.languages {
        let mut summary = Vec::new();
        if !lang.pages.is_empty() {
            summary.push(
                msg!(
                    "table-pages-of",
                    count = lang.pages.len(),
                    total = lang.total
                )
                .show(),
            );
        }
        if !lang.strings.is_empty() {
            summary.push(msg!("table-ui-strings", count = lang.strings.len()).show());
        }
        let _ = writeln!(
            out,
            "  {}  {}",
            bold(&format!("{:<3}", lang.code)),
            summary.join(", ")
        );
        page_lines(&lang.pages, &mut out);
        if !lang.strings.is_empty() {
            let head = format!(
                "      {} ",
                msg!("table-ui-strings-label", lang = &lang.code)
            );
            let indent = " ".repeat(8);
            let (lines, left) = wrap(&lang.strings, &head, &indent, MAX_STRING_LINES);
            out.push_str(&lines);
            if left > 0 {
                let _ = writeln!(out, "{indent}{}", msg!("table-more", count = left));
            }
        }
    }
    let _ = writeln!(out, "{}", msg!("table-translations-footer"));
    out
}

/// Page names grouped by section folder, one group per line (wrapped), at most [`MAX_PAGE_LINES`] lines.
fn page_lines(pages: &[String], out: &mut String) {
    if pages.is_empty() {
        return;
    }
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for p in pages {
        let (dir, name) = match p.rsplit_once('/') {
            Some((d, n)) => (d, n),
            None => ("", p.as_str()),
        };
        match groups.last_mut() {
            Some((d, names)) if *d == dir => names.push(name.to_string()),
            _ => groups.push((dir, vec![name.to_string()])),
        }
    }
    // Folder names are padded to one column, unless one is so long it would squeeze the names.
    let pad = groups
        .iter()
        .map(|(d, _)| d.chars().count() + 1)
        .max()
        .unwrap_or(0)
        .min(24);
    let mut lines_used = 0;
    let mut shown = 0;
    for (dir, names) in &groups {
        if lines_used >= MAX_PAGE_LINES {
            break;
        }
        let label = if dir.is_empty() {
            msg!("table-home").show()
        } else {
            format!("{dir}/")
        };
        let head = format!("      {label:<pad$}  ");
        let indent = " ".repeat(head.chars().count());
        let (text, left) = wrap(names, &head, &indent, MAX_PAGE_LINES - lines_used);
        lines_used += text.lines().count();
        shown += names.len() - left;
        out.push_str(&text);
    }
    if shown < pages.len() {
        let _ = writeln!(
            out,
            "      {}",
            msg!("table-more", count = pages.len() - shown)
        );
    }
}

/// Writes `items` comma-separated after `head`, wrapping before [`WIDTH`] with `indent`, in at most
/// `max_lines` lines; returns the text and how many items did not fit.
pub(super) fn wrap(
    items: &[String],
    head: &str,
    indent: &str,
    max_lines: usize,
) -> (String, usize) {
    let mut out = String::new();
    let mut line = head.to_string();
    let mut line_has_item = false;
    let mut lines = 0;
    for (i, item) in items.iter().enumerate() {
        let last = i + 1 == items.len();
        let piece = if last {
            item.clone()
        } else {
            format!("{item},")
        };
        let needed = piece.chars().count() + usize::from(line_has_item);
        if line_has_item && line.chars().count() + needed > WIDTH {
            lines += 1;
            out.push_str(line.trim_end());
            out.push('\n');
            if lines == max_lines {
                return (out, items.len() - i);
            }
            line = indent.to_string();
            line_has_item = false;
        }
        if line_has_item {
            line.push(' ');
        }
        line.push_str(&piece);
        line_has_item = true;
    }
    if line_has_item {
        out.push_str(&line);
        out.push('\n');
    }
    (out, 0)
}

/// `text` in bold on a terminal that shows colour: the summary tables' headings and language codes.
pub(crate) fn bold(text: &str, color: bool) -> String {
    if color {
        format!("\x1b[1m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: usize, prefix: &str) -> Vec<String> {
        (0..n).map(|i| format!("{prefix}-{i:03}")).collect()
    }

    #[test]
    fn content_paths_as_editors_write_them() {
        assert_eq!(content_path("content/paspor/baru.md"), "paspor/baru");
        assert_eq!(content_path("content/paspor/baru.en.md"), "paspor/baru");
        assert_eq!(content_path("content/paspor/_index.md"), "paspor/_index");
        assert_eq!(content_path("content/_index.md"), "_index");
        assert_eq!(content_path("content/x/y/index.md"), "x/y");
        assert_eq!(
            translation_name("content/x/y/index.md", "ar"),
            "content/x/y/index.ar.md"
        );
        assert_eq!(
            translation_name("content/a/_index.en.md", "ar"),
            "content/a/_index.ar.md"
        );
    }

    #[test]
    fn table_fits_80_columns_and_caps_long_lists() {
        let mut pages = names(300, "paspor/paspor-elektronik");
        pages.extend(names(3, "visa/visa-kunjungan"));
        pages.push("_index".into());
        pages.sort();
        let gaps = Gaps {
            languages: vec![LanguageGaps {
                code: "ar".into(),
                pages,
                total: 400,
                strings: names(40, "search_placeholder"),
            }],
            ..Gaps::default()
        };
        let text = table(&gaps, false);
        for line in text.lines() {
            assert!(line.chars().count() <= WIDTH, "too wide: {line:?}");
        }
        assert!(
            text.contains("ar   304 of 400 pages and sections, 40 UI strings"),
            "{text}"
        );
        assert!(text.contains("(home)"), "{text}");
        assert!(text.contains("… and "), "{text}");
        assert!(
            text.lines().count() < 20,
            "a long list must not become a wall:\n{text}"
        );
        // Every page is either shown or counted in "… and N more".
        let shown = text.matches("paspor-elektronik-").count();
        let more: usize = text
            .lines()
            .find(|l| l.trim_start().starts_with("… and") && !l.contains("UI"))
            .and_then(|l| l.split_whitespace().nth(2)?.parse().ok())
            .unwrap_or(0);
        // (The home `_index` is the 304th.)
        assert_eq!(shown + more + 1, 304, "{text}");
    }

    #[test]
    fn short_lists_are_shown_whole_and_grouped_by_folder() {
        let gaps = Gaps {
            languages: vec![LanguageGaps {
                code: "en".into(),
                pages: vec![
                    "paspor/_index".into(),
                    "paspor/baru".into(),
                    "visa/kunjungan".into(),
                ],
                total: 9,
                strings: vec![],
            }],
            ..Gaps::default()
        };
        let text = table(&gaps, false);
        assert!(text.contains("en   3 of 9 pages and sections\n"), "{text}");
        assert!(text.contains("paspor/  _index, baru\n"), "{text}");
        assert!(text.contains("visa/    kunjungan\n"), "{text}");
        assert!(!text.contains("more"), "{text}");
        assert!(!text.contains('\x1b'));
        assert!(table(&gaps, true).contains('\x1b'));
        assert_eq!(table(&Gaps::default(), false), "");
    }
}
