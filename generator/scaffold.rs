//! `suluh new`: a new Markdown page with a filled-in front-matter template, never overwriting a file.
//! `suluh init`: a new site from the starter in `generator/scaffold/init/` (compiled into the binary), which
//! builds and checks cleanly as it is: a procedure, a rights page and an event, in Indonesian and English.

use crate::diagnostics::codes;
use crate::msg;
use std::fs;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use crate::config::Config;
use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::messages::io_reason;
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
            msg!("bad-page-path", target = target),
        )
        .with_hint(msg!("hint-bad-page-path")));
    }
    let lang_index = match lang {
        None => 0,
        Some(code) => config.language_index(code).ok_or_else(|| {
            let hint = match did_you_mean(code, config.language_codes()) {
                Some(s) => msg!("hint-did-you-mean", suggestion = s),
                None => msg!(
                    "hint-site-languages",
                    codes = config.language_codes().collect::<Vec<_>>().join(", ")
                ),
            };
            Diagnostic::error(
                codes::UNKNOWN_LANGUAGE,
                msg!("unknown-language", code = code),
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
            Diagnostic::error(codes::FILE_EXISTS, msg!("file-exists", file = shown))
                .with_hint(msg!("hint-file-exists")),
        );
    }
    if let Some(dir) = page.path.parent() {
        fs::create_dir_all(dir).map_err(|e| {
            Diagnostic::error(
                codes::IO,
                msg!(
                    "cannot-create-folder-for",
                    file = shown,
                    reason = io_reason(&e)
                ),
            )
            .with_hint(msg!("hint-check-permissions"))
        })?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&page.path)
        .map_err(|e| {
            Diagnostic::error(
                codes::IO,
                msg!("cannot-create", file = shown, reason = io_reason(&e)),
            )
            .with_hint(msg!("hint-check-permissions"))
        })?;
    std::io::Write::write_all(&mut file, page.text.as_bytes()).map_err(|e| {
        Diagnostic::error(
            codes::IO,
            msg!("cannot-write", file = shown, reason = io_reason(&e)),
        )
        .with_hint(msg!("hint-check-disk"))
    })
}

/// The starter site. Its `%TODAY%` and `%EVENT_DAY%` are replaced when it is written, so its pages carry
/// today's date and its event is upcoming.
static STARTER: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/generator/scaffold/init");

/// Plans a new site in `dir`: every starter file with its dates filled in. Refuses a folder that holds
/// anything but hidden entries (such as `.git`), so `init` never mixes its files with someone's work.
pub fn plan_site(dir: &Path, today: jiff::civil::Date) -> Result<Vec<NewPage>, Diagnostic> {
    let shown = dir.display().to_string();
    if dir.exists() && !dir.is_dir() {
        return Err(
            Diagnostic::error(codes::NOT_A_FOLDER, msg!("not-a-folder", folder = &shown))
                .with_hint(msg!("hint-not-a-folder")),
        );
    }
    if dir.is_dir() {
        let entries = fs::read_dir(dir).map_err(|e| {
            Diagnostic::error(
                codes::IO,
                msg!("cannot-read", path = &shown, reason = io_reason(&e)),
            )
            .with_hint(msg!("hint-cannot-read-folder"))
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
            return Err(Diagnostic::error(
                codes::FOLDER_NOT_EMPTY,
                msg!(
                    "folder-not-empty",
                    folder = &shown,
                    files = format!("{listed}{more}")
                ),
            )
            .with_hint(msg!("hint-folder-not-empty")));
        }
    }
    // A month ahead: far enough to read as "upcoming" while the editor looks at the new site.
    let event_day = today
        .checked_add(jiff::Span::new().days(30))
        .unwrap_or(today);
    let mut files = Vec::new();
    collect_starter(&STARTER, &mut |path, text| {
        let text = starter_comments(text)
            .replace("%TODAY%", &today.to_string())
            .replace("%EVENT_DAY%", &event_day.to_string());
        let mut target = dir.to_path_buf();
        target.extend(path.iter());
        files.push(NewPage { path: target, text });
    });
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// The starter's comments are tokens (`# %m:theme%`) put in words from the catalogue, so that an office
/// reads its new `site.yaml` and pages explained in its language. An unknown token stays as it is.
fn starter_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("%m:") {
        let after = &rest[start + 3..];
        let Some(end) = after.find('%') else {
            break;
        };
        out.push_str(&rest[..start]);
        match starter_comment(&after[..end]) {
            Some(words) => out.push_str(&words.show()),
            None => out.push_str(&rest[start..start + 3 + end + 1]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

fn starter_comment(token: &str) -> Option<crate::messages::Message> {
    Some(match token {
        "site-intro" => msg!("init-comment-site-intro"),
        "base-url" => msg!("init-comment-base-url"),
        "arabic-1" => msg!("init-comment-arabic-1"),
        "arabic-2" => msg!("init-comment-arabic-2"),
        "timezone" => msg!("init-comment-timezone"),
        "theme" => msg!("init-comment-theme"),
        "contact" => msg!("init-comment-contact"),
        "event" => msg!("init-comment-event"),
        "reviewed" => msg!("init-comment-reviewed"),
        "procedure" => msg!("init-comment-procedure"),
        "currency" => msg!("init-comment-currency"),
        "leaflet" => msg!("init-comment-leaflet"),
        _ => return None,
    })
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
        Diagnostic::error(
            codes::IO,
            msg!(
                "cannot-create",
                file = dir.display().to_string(),
                reason = io_reason(&e)
            ),
        )
        .with_hint(msg!("hint-cannot-create-folder"))
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
    template_in(crate::messages::current(), title, today, timezone)
}

fn template_in(
    lang: crate::messages::Lang,
    title: &str,
    today: jiff::civil::Date,
    timezone: &str,
) -> String {
    // The page and its comments come from the catalogue, so an editor reads them in their language; Fluent
    // drops the final newline a Markdown file should end with.
    let text = msg!(
        "new-page-template",
        title = title,
        today = today.to_string(),
        timezone = timezone
    )
    .text(lang);
    format!("{text}\n")
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
            err.message
                .to_string()
                .contains("is not empty (it holds notes.txt)"),
            "{}",
            err.message
        );
        assert!(plan_site(&dir.path().join("notes.txt"), today).is_err());
    }

    /// Every comment token of the starter site names a catalogue message.
    #[test]
    fn every_starter_comment_has_words() {
        let mut seen = 0;
        collect_starter(&STARTER, &mut |path, text| {
            seen += text.matches("%m:").count();
            let out = starter_comments(text);
            assert!(!out.contains("%m:"), "{}: {out}", path.display());
        });
        assert!(seen >= 12, "{seen}");
        assert_eq!(starter_comments("# %m:nothing% 5% x"), "# %m:nothing% 5% x");
    }

    #[test]
    fn template_front_matter_parses() {
        use crate::messages::Lang;
        for lang in [Lang::Id, Lang::En] {
            let text = template_in(lang, "X", jiff::civil::date(2026, 1, 2), "Asia/Jakarta");
            let split = crate::content::front_matter::split("x.md", &text).unwrap();
            let fm: crate::content::front_matter::PageFront =
                crate::content::front_matter::parse("x.md", &split).unwrap();
            assert_eq!(fm.title, "X");
            assert!(text.contains("#   - { item: Paspor biasa"), "{text}");
            assert!(
                text.ends_with("sentence.\n") || text.ends_with("pendek.\n"),
                "{text}"
            );
        }
        let id = template_in(Lang::Id, "X", jiff::civil::date(2026, 1, 2), "Asia/Jakarta");
        assert!(id.contains("Tulis panduan di sini"), "{id}");
    }
}
