//! What the fuzz targets share: a small fixed site around the fuzzed text, and one function that drives it
//! through the same pure entry points `build` uses (load, link, output planning, link filling, sanitising,
//! diagnostics printing). The regression test `tests/fuzz_regressions.rs` at the repository root does the
//! same with every saved input, so a crash found here stays fixed.

use std::path::Path;

use suluh::diagnostics::{render_human, render_json, Sources};
use suluh::pipeline::link_texts;
use suluh::render::body_html;

/// The configuration around fuzzed content and UI strings.
pub const SITE_YAML: &str = "title: Fuzz\nbase_url: https://fuzz.example\ndefault_language: id\nlanguages:\n  id: {}\n  en: {}\n  ar: {}\n";

/// A page the fuzzed pages can link to (and that links back).
pub const OTHER_PAGE: &str = "---\ntitle: Lain\n---\n\n## Biaya\n\n[back](../a/x.md#top)\n";

/// Loads and links `files`, plans every output, renders every body in every language and prints the
/// diagnostics. Any panic inside is a bug.
pub fn drive(files: &[(&str, &str)]) {
    let (site, diags, sources) = link_texts(files, true);
    print(&diags, &sources);
    let Some(site) = site else { return };
    for lang in 0..site.config.languages.len() {
        for page in &site.pages {
            let _ = body_html(&site, &page.shown(lang).0.body, lang);
        }
        for section in &site.sections {
            let _ = body_html(&site, &section.shown(lang).0.body, lang);
        }
    }
    // The built-in theme only: the root does not exist, so nothing is read from disk.
    if let Ok(theme) = suluh::theme::Theme::load(
        Path::new("/nonexistent-suluh-fuzz-root"),
        &site.config,
        &sources,
    ) {
        let (_, plan_diags) = suluh::render::plan(&site, &theme);
        print(&plan_diags, &sources);
    }
}

fn print(diags: &[suluh::diagnostics::Diagnostic], sources: &Sources) {
    let _ = render_human(diags, sources, false);
    let _ = render_json(diags, sources);
}

/// Splits fuzz input into `parts` texts at `\n====\n` separators (missing parts are empty).
pub fn parts(text: &str, parts: usize) -> Vec<&str> {
    let mut out: Vec<&str> = text.splitn(parts, "\n====\n").collect();
    out.resize(parts, "");
    out
}

/// The site of the `link_targets` target: every line of `text` (at most 32) is the target of a link on a
/// page bundle in two languages; the targets can reach pages with headings, a bundle and its image.
pub fn link_target_files(text: &str) -> Vec<(String, String)> {
    let links: String = text
        .lines()
        .take(32)
        .map(|target| format!("- [l]({target})\n"))
        .collect();
    let page = format!("---\ntitle: X\n---\n\n## Langkah\n\n{links}");
    [
        ("site.yaml", SITE_YAML),
        ("content/a/_index.md", "---\ntitle: A\n---\n"),
        ("content/a/x/index.md", page.as_str()),
        ("content/a/x/index.en.md", page.as_str()),
        ("content/a/x/foto peta.png", "png"),
        ("content/b/y.md", OTHER_PAGE),
        ("content/b/é ü/index.md", "---\ntitle: Ü\n---\n\n## Biaya (Rp)\n"),
    ]
    .iter()
    .map(|(p, t)| (p.to_string(), t.to_string()))
    .collect()
}
