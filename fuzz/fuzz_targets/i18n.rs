//! A site's UI strings file (`i18n/en.yaml`), merged with the built-in strings.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    suluh_fuzz::drive(&[
        ("site.yaml", suluh_fuzz::SITE_YAML),
        ("i18n/en.yaml", text),
        ("content/b/y.md", suluh_fuzz::OTHER_PAGE),
    ]);
});
