//! Inputs kept from fuzzing (`fuzz/`, see `fuzz/run.sh`): crashes that were fixed and inputs that reached
//! new code. Each file of `tests/fuzz-regressions/<target>/` goes through the same entry points as its fuzz
//! target (`fuzz/src/lib.rs`), under plain `cargo test`: no panic, and an input that is refused is refused
//! with a located diagnostic and a hint.

use std::path::Path;

use suluh::diagnostics::{render_human, render_json, Diagnostic};
use suluh::pipeline::link_texts;

const SITE_YAML: &str = "title: Fuzz\nbase_url: https://fuzz.example\ndefault_language: id\nlanguages:\n  id: {}\n  en: {}\n  ar: {}\n";
const OTHER_PAGE: &str = "---\ntitle: Lain\n---\n\n## Biaya\n\n[back](../a/x.md#top)\n";

/// What the fuzz targets do with one input (kept in step with `fuzz/fuzz_targets/*.rs` and `fuzz/src/lib.rs`).
fn files_for(target: &str, text: &str) -> Vec<(String, String)> {
    let owned = |v: &[(&str, &str)]| {
        v.iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect::<Vec<_>>()
    };
    match target {
        "front_matter" => owned(&[
            ("site.yaml", SITE_YAML),
            ("content/a/x.md", text),
            ("content/b/y.md", OTHER_PAGE),
        ]),
        "markdown_links" => {
            let mut bodies: Vec<&str> = text.splitn(3, "\n====\n").collect();
            bodies.resize(3, "");
            let page = |b: &str| format!("---\ntitle: T\n---\n{b}");
            vec![
                ("site.yaml".into(), "title: Fuzz\nbase_url: https://fuzz.example\ndefault_language: id\nlanguages:\n  id: {}\n  en: {}\n".into()),
                ("content/a/_index.md".into(), "---\ntitle: A\n---\n[x](x.md)\n".into()),
                ("content/a/x.md".into(), page(bodies[0])),
                ("content/a/x.en.md".into(), page(bodies[1])),
                ("content/b/y.md".into(), page(bodies[2])),
            ]
        }
        "i18n" => owned(&[
            ("site.yaml", SITE_YAML),
            ("i18n/en.yaml", text),
            ("content/b/y.md", OTHER_PAGE),
        ]),
        "site_yaml" => owned(&[
            ("site.yaml", text),
            (
                "content/a/x.md",
                "---\ntitle: X\nleaflet: true\n---\n[y](../b/y.md#biaya)\n",
            ),
            ("content/a/x.en.md", "---\ntitle: X\n---\n"),
            ("content/b/y.md", OTHER_PAGE),
        ]),
        "link_targets" => {
            let links: String = text
                .lines()
                .take(32)
                .map(|target| format!("- [l]({target})\n"))
                .collect();
            let page = format!("---\ntitle: X\n---\n\n## Langkah\n\n{links}");
            owned(&[
                ("site.yaml", SITE_YAML),
                ("content/a/_index.md", "---\ntitle: A\n---\n"),
                ("content/a/x/index.md", &page),
                ("content/a/x/index.en.md", &page),
                ("content/a/x/foto peta.png", "png"),
                ("content/b/y.md", OTHER_PAGE),
                (
                    "content/b/é ü/index.md",
                    "---\ntitle: Ü\n---\n\n## Biaya (Rp)\n",
                ),
            ])
        }
        other => panic!("unknown fuzz target folder `{other}`"),
    }
}

fn assert_proper(d: &Diagnostic, input: &Path) {
    if d.is_error() {
        assert!(
            d.file.is_some(),
            "{}: error without a file: {d:?}",
            input.display()
        );
        assert!(
            d.hint.is_some(),
            "{}: error without a hint: {d:?}",
            input.display()
        );
        let text = d.message.to_string();
        assert!(!text.is_empty() && !text.contains("panicked"));
    }
}

#[test]
fn saved_fuzz_inputs_give_diagnostics_not_panics() {
    let dir = crate::harness::repo().join("tests/fuzz-regressions");
    let mut count = 0;
    for target in [
        "front_matter",
        "markdown_links",
        "link_targets",
        "i18n",
        "site_yaml",
    ] {
        let mut inputs: Vec<_> = std::fs::read_dir(dir.join(target))
            .unwrap_or_else(|e| panic!("tests/fuzz-regressions/{target}: {e}"))
            .flatten()
            .map(|e| e.path())
            .collect();
        inputs.sort();
        for input in inputs {
            let bytes = std::fs::read(&input).unwrap();
            // The targets skip non-UTF-8 input (the reader reports it before parsing); so does this test.
            let Ok(text) = String::from_utf8(bytes) else {
                continue;
            };
            let files = files_for(target, &text);
            let refs: Vec<(&str, &str)> = files
                .iter()
                .map(|(p, t)| (p.as_str(), t.as_str()))
                .collect();
            let run = std::panic::catch_unwind(|| {
                let (site, diags, sources) = link_texts(&refs, true);
                let human = render_human(&diags, &sources, false);
                let _ = render_json(&diags, &sources);
                if let Some(site) = &site {
                    for lang in 0..site.config.languages.len() {
                        for p in &site.pages {
                            let _ = suluh::render::body_html(site, &p.shown(lang).0.body, lang);
                        }
                    }
                    let theme = suluh::theme::Theme::load(
                        Path::new("/nonexistent-suluh-site"),
                        &site.config,
                        &sources,
                    )
                    .unwrap();
                    let (_, plan) = suluh::render::plan(site, &theme);
                    let _ = render_human(&plan, &sources, false);
                }
                (site.is_some(), diags, human)
            });
            let (linked, diags, human) =
                run.unwrap_or_else(|_| panic!("{} panics", input.display()));
            for d in &diags {
                assert_proper(d, &input);
            }
            if !linked {
                assert!(
                    diags.iter().any(Diagnostic::is_error),
                    "{}: refused without an error",
                    input.display()
                );
                assert!(human.contains("help:"), "{}: {human}", input.display());
            }
            count += 1;
        }
    }
    assert!(count > 0, "no saved fuzz inputs found");
}
