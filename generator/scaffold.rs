//! `suluh new`: a new Markdown page with a filled-in front-matter template, never overwriting a file.

use std::fs;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::output::is_safe_segment;

/// Where the new page goes and what it says.
pub struct NewPage {
    pub path: PathBuf,
    pub text: String,
}

/// Plans a new page `SECTION/SLUG` in `lang` (the default language when `None`).
pub fn plan_page(
    root: &Path,
    config: &Config,
    target: &str,
    lang: Option<&str>,
    today: jiff::civil::Date,
) -> Result<NewPage, Diagnostic> {
    let target = target.trim_matches('/').trim_end_matches(".md");
    let segments: Vec<&str> = target.split('/').collect();
    if segments.len() < 2
        || segments
            .iter()
            .any(|s| !is_safe_segment(s) || *s == "_index")
    {
        return Err(
            Diagnostic::error(format!("`{target}` is not SECTION/SLUG")).with_hint(
                "write the section folder and the page name, e.g. `suluh new paspor/paspor-dinas`",
            ),
        );
    }
    let lang_index = match lang {
        None => 0,
        Some(code) => config.language_index(code).ok_or_else(|| {
            let hint = match did_you_mean(code, config.language_codes()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!(
                    "site languages: {}",
                    config.language_codes().collect::<Vec<_>>().join(", ")
                ),
            };
            Diagnostic::error(format!("unknown language code `{code}`")).with_hint(hint)
        })?,
    };
    let language = &config.languages[lang_index];
    let file_name = if lang_index == 0 {
        format!("{target}.md")
    } else {
        format!("{target}.{}.md", language.code)
    };
    let mut path = root.join(crate::content::CONTENT_DIR);
    path.extend(file_name.split('/'));
    let slug = segments[segments.len() - 1];
    Ok(NewPage {
        path,
        text: template(&title_from_slug(slug), today, &config.timezone_name),
    })
}

/// Writes the page; refuses to overwrite.
pub fn write_page(page: &NewPage, shown: &str) -> Result<(), Diagnostic> {
    if page.path.exists() {
        return Err(Diagnostic::error(format!("`{shown}` already exists"))
            .with_hint("choose another slug, or edit the existing file"));
    }
    if let Some(dir) = page.path.parent() {
        fs::create_dir_all(dir).map_err(|e| {
            Diagnostic::error(format!("cannot create folder for `{shown}`: {e}"))
                .with_hint("check permissions")
        })?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&page.path)
        .map_err(|e| {
            Diagnostic::error(format!("cannot create `{shown}`: {e}"))
                .with_hint("check permissions")
        })?;
    std::io::Write::write_all(&mut file, page.text.as_bytes()).map_err(|e| {
        Diagnostic::error(format!("cannot write `{shown}`: {e}")).with_hint("check the disk")
    })
}

/// `paspor-dinas` → `Paspor dinas`.
pub fn title_from_slug(slug: &str) -> String {
    let words = slug.replace(['-', '_'], " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

fn template(title: &str, today: jiff::civil::Date, timezone: &str) -> String {
    format!(
        r#"---
title: {title}
# One or two plain sentences: shown in search results, link previews and the leaflet.
description: ""
date: {today}
updated: {today}
# weight: 10                 # order inside the section (smaller first)
# tags: [paspor]
# draft: true                # not published until you remove this line
#
# For a procedure (remove what does not apply):
# requirements:
#   - KTP (kartu tanda penduduk) asli
# fees:
#   - {{ item: Paspor biasa 48 halaman, amount: 350000 }}   # currency defaults to IDR
# processing_time: 4 hari kerja
# leaflet: true              # or {{ layout: booklet }}: a printable PDF for outreach
#
# Link other guides by their Markdown file, e.g. [paspor baru](../paspor/paspor-baru.md)
#
# For an event (times without an offset are in {timezone}):
# event:
#   start: {today}T09:00
#   end: {today}T12:00
#   location: Aula kantor
#   address: ""
---

Write the guide here. Address the reader directly, in short sentences.

## Langkah-langkah

1. The first ordered list is the step list.
2. Each step is one short sentence.
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_paths() {
        assert_eq!(title_from_slug("paspor-dinas"), "Paspor dinas");
        let c = Config::parse("title: T\nbase_url: https://x.example\ndefault_language: id\nlanguages:\n  id: {}\n  en: {}\n").unwrap();
        let d = jiff::civil::date(2026, 11, 23);
        let p = plan_page(Path::new("/s"), &c, "paspor/dinas", Some("en"), d).unwrap();
        assert_eq!(p.path, Path::new("/s/content/paspor/dinas.en.md"));
        assert!(p.text.contains("date: 2026-11-23"));
        assert!(plan_page(Path::new("/s"), &c, "../x", None, d).is_err());
        assert!(plan_page(Path::new("/s"), &c, "solo", None, d).is_err());
        assert!(plan_page(Path::new("/s"), &c, "a/b", Some("fr"), d).is_err());
    }

    #[test]
    fn template_front_matter_parses() {
        let text = template("X", jiff::civil::date(2026, 1, 2), "Asia/Jakarta");
        let split = crate::content::front_matter::split("x.md", &text).unwrap();
        let fm: crate::content::front_matter::PageFront =
            crate::content::front_matter::parse("x.md", &split).unwrap();
        assert_eq!(fm.title, "X");
    }
}
