//! Link targets as editors write them, with the text around them fixed: each line of the input becomes the
//! target of one link (`[l](LINE)`) on a page bundle in two languages, next to pages with headings and a
//! bundle with an image, so the fuzzer spends its time in percent-decoding, path joining, anchors, bundle
//! paths and the same-language URL a link resolves to.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let files = suluh_fuzz::link_target_files(text);
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    suluh_fuzz::drive(&refs);
});
