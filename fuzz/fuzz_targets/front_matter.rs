//! A whole Markdown page (front matter and body), loaded and linked beside one ordinary page.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    suluh_fuzz::drive(&[
        ("site.yaml", suluh_fuzz::SITE_YAML),
        ("content/a/x.md", text),
        ("content/b/y.md", suluh_fuzz::OTHER_PAGE),
    ]);
});
