//! `suluh new`: a page with a filled-in front matter that builds, never overwriting.

use crate::harness::Site;

#[test]
fn new_page_builds_and_is_not_overwritten() {
    let site = Site::fixture("basic");
    let run = site.run(&["new", "paspor/paspor-dinas"]);
    run.assert_ok();
    let text = std::fs::read_to_string(site.path("content/paspor/paspor-dinas.md")).unwrap();
    assert!(text.contains("title: Paspor dinas"));
    assert!(text.contains("date: 2026-11-2"), "{text}");
    assert!(text.contains("# requirements:"));
    site.build().assert_ok();
    assert!(site
        .out("paspor/paspor-dinas/index.html")
        .contains("<h1>Paspor dinas</h1>"));

    let again = site.run(&["new", "paspor/paspor-dinas"]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(
        std::fs::read_to_string(site.path("content/paspor/paspor-dinas.md")).unwrap(),
        text
    );
}

#[test]
fn new_translation_and_bad_targets() {
    let site = Site::fixture("basic");
    site.run(&["new", "paspor/paspor-dinas", "--lang", "en"])
        .assert_ok();
    assert!(site.path("content/paspor/paspor-dinas.en.md").exists());
    let bad_lang = site.run(&["new", "paspor/x", "--lang", "fr"]);
    assert_eq!(bad_lang.code, 1);
    assert!(bad_lang.stderr.contains("unknown language code `fr`"));
    let escape = site.run(&["new", "../../x"]);
    assert_eq!(escape.code, 1);
    assert!(!site.root.parent().unwrap().join("x.md").exists());
}
