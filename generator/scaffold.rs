//! `suluh new`: a new Markdown page with a filled-in front-matter template, never overwriting a file.
//! `suluh init`: a new site from the starter in `generator/scaffold/init/` (compiled into the binary), which
//! builds and checks cleanly as it is: a procedure, a rights page and an event, in Indonesian and English.

use crate::diagnostics::codes;
use std::fs;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use crate::config::Config;
use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::output::is_safe_segment;

/// Where the new page goes and what it says.
#[derive(Debug)]
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
        return Err(Diagnostic::error(
            codes::BAD_PAGE_PATH,
            format!("`{target}` is not SECTION/SLUG"),
        )
        .with_hint(
            "write the section folder and the page name, e.g. `suluh new paspor/paspor-dinas`",
        ));
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
            Diagnostic::error(
                codes::UNKNOWN_LANGUAGE,
                format!("unknown language code `{code}`"),
            )
            .with_hint(hint)
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
        return Err(
            Diagnostic::error(codes::FILE_EXISTS, format!("`{shown}` already exists"))
                .with_hint("choose another slug, or edit the existing file"),
        );
    }
    if let Some(dir) = page.path.parent() {
        fs::create_dir_all(dir).map_err(|e| {
            Diagnostic::error(
                codes::IO,
                format!("cannot create folder for `{shown}`: {e}"),
            )
            .with_hint("check permissions")
        })?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&page.path)
        .map_err(|e| {
            Diagnostic::error(codes::IO, format!("cannot create `{shown}`: {e}"))
                .with_hint("check permissions")
        })?;
    std::io::Write::write_all(&mut file, page.text.as_bytes()).map_err(|e| {
        Diagnostic::error(codes::IO, format!("cannot write `{shown}`: {e}"))
            .with_hint("check the disk")
    })
}

/// The starter site. Its `%TODAY%` and `%EVENT_DAY%` are replaced when it is written, so its pages carry
/// today's date and its event is upcoming.
static STARTER: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/generator/scaffold/init");

/// Plans a new site in `dir`: every starter file with its dates filled in. Refuses a folder that holds
/// anything but hidden entries (such as `.git`), so `init` never mixes its files with someone's work.
pub fn plan_site(dir: &Path, today: jiff::civil::Date) -> Result<Vec<NewPage>, Diagnostic> {
    let shown = dir.display();
    if dir.exists() && !dir.is_dir() {
        return Err(Diagnostic::error(
            codes::NOT_A_FOLDER,
            format!("`{shown}` is a file, not a folder"),
        )
        .with_hint("give the path of a new or empty folder, e.g. `suluh init situs-saya`"));
    }
    if dir.is_dir() {
        let entries = fs::read_dir(dir).map_err(|e| {
            Diagnostic::error(codes::IO, format!("cannot read `{shown}`: {e}"))
                .with_hint("check that the folder exists and that you may read it")
        })?;
        let mut visible: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| !name.starts_with('.'))
            .collect();
        if !visible.is_empty() {
            visible.sort();
            let listed = visible
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            let more = if visible.len() > 3 { ", …" } else { "" };
            return Err(Diagnostic::error(codes::FOLDER_NOT_EMPTY, format!(
                "`{shown}` is not empty (it holds {listed}{more})"
            ))
            .with_hint(
                "choose a new folder name (it is created for you) or empty this one; `suluh init` never overwrites files",
            ));
        }
    }
    // A month ahead: far enough to read as "upcoming" while the editor looks at the new site.
    let event_day = today
        .checked_add(jiff::Span::new().days(30))
        .unwrap_or(today);
    let mut files = Vec::new();
    collect_starter(&STARTER, &mut |path, text| {
        let text = text
            .replace("%TODAY%", &today.to_string())
            .replace("%EVENT_DAY%", &event_day.to_string());
        let mut target = dir.to_path_buf();
        target.extend(path.iter());
        files.push(NewPage { path: target, text });
    });
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn collect_starter(dir: &Dir<'static>, f: &mut dyn FnMut(&Path, &str)) {
    for file in dir.files() {
        if let Some(text) = file.contents_utf8() {
            f(file.path(), text);
        }
    }
    for sub in dir.dirs() {
        collect_starter(sub, f);
    }
}

/// Writes a planned site (creating `dir` if needed); stops at the first file that cannot be written.
pub fn write_site(dir: &Path, files: &[NewPage]) -> Result<(), Diagnostic> {
    fs::create_dir_all(dir).map_err(|e| {
        Diagnostic::error(codes::IO, format!("cannot create `{}`: {e}", dir.display()))
            .with_hint("check that the parent folder exists and that you may write to it")
    })?;
    for file in files {
        let shown = file
            .path
            .strip_prefix(dir)
            .unwrap_or(&file.path)
            .display()
            .to_string();
        write_page(file, &shown)?;
    }
    Ok(())
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
#   - tariff: paspor-elektronik  # or a fee of data/tariffs.yaml, with its legal basis
# processing_time: 4 hari kerja
# sources:                     # the regulations and official pages the guide rests on
#   - Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian
# reviewed: {today}           # the day someone checked the guide against its sources
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
    fn starter_dates_are_filled_in_and_full_folders_refused() {
        let dir = tempfile::tempdir().unwrap();
        let today = jiff::civil::date(2026, 11, 23);
        let files = plan_site(&dir.path().join("new"), today).unwrap();
        assert!(files.iter().any(|f| f.path.ends_with("site.yaml")));
        for f in &files {
            assert!(!f.text.contains('%'), "placeholder left in {:?}", f.path);
        }
        let event = files
            .iter()
            .find(|f| f.path.ends_with("acara/sosialisasi-paspor.md"))
            .unwrap();
        assert!(
            event.text.contains("start: 2026-12-23T09:00"),
            "{}",
            event.text
        );
        // Hidden entries (a `.git` folder) are allowed; anything else is refused.
        fs::create_dir(dir.path().join(".git")).unwrap();
        assert!(plan_site(dir.path(), today).is_ok());
        fs::write(dir.path().join("notes.txt"), "x").unwrap();
        let err = plan_site(dir.path(), today).unwrap_err();
        assert!(
            err.message.contains("is not empty (it holds notes.txt)"),
            "{}",
            err.message
        );
        assert!(plan_site(&dir.path().join("notes.txt"), today).is_err());
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
