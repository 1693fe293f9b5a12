//! `site.yaml`, then (when it parses) a small site linked and planned with it.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    suluh_fuzz::drive(&[
        ("site.yaml", text),
        (
            "content/a/x.md",
            "---\ntitle: X\nleaflet: true\n---\n[y](../b/y.md#biaya)\n",
        ),
        ("content/a/x.en.md", "---\ntitle: X\n---\n"),
        ("content/b/y.md", suluh_fuzz::OTHER_PAGE),
    ]);
});
