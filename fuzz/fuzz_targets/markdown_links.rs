//! Markdown bodies with internal links between three pages in two languages: the input is cut at
//! `\n====\n` into the bodies of `a/x.md`, `a/x.en.md` and `b/y.md`, each given a valid front matter, so the
//! fuzzer spends its time in Markdown, link resolution, link filling and sanitising.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let bodies = suluh_fuzz::parts(text, 3);
    let pages: Vec<String> = bodies
        .iter()
        .map(|b| format!("---\ntitle: T\n---\n{b}"))
        .collect();
    suluh_fuzz::drive(&[
        ("site.yaml", "title: Fuzz\nbase_url: https://fuzz.example\ndefault_language: id\nlanguages:\n  id: {}\n  en: {}\n"),
        ("content/a/_index.md", "---\ntitle: A\n---\n[x](x.md)\n"),
        ("content/a/x.md", &pages[0]),
        ("content/a/x.en.md", &pages[1]),
        ("content/b/y.md", &pages[2]),
    ]);
});
