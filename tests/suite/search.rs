//! Search analysis: the browser's JavaScript must analyse text exactly as the build's Rust code does. The
//! Rust side checks the golden vectors in its unit tests; this runs the JavaScript side on the same vectors.

use std::process::Command;

use crate::harness::repo;

#[test]
fn javascript_analysers_match_the_shared_vectors() {
    let out = Command::new("node")
        .args(["--test", "tests/js/"])
        .current_dir(repo())
        .output()
        .expect("node must be installed (run .ci/run)");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "node tests failed:\n{text}");
    assert!(text.contains("# fail 0"), "{text}");
}

#[test]
fn bundled_site_indexes_inflected_words_by_stem() {
    let site = crate::harness::Site::bundled();
    site.build().assert_ok();
    let index: serde_json::Value =
        serde_json::from_str(&site.out("search/id/index.json")).expect("index JSON");
    assert_eq!(index["version"], "0.9.5");
    assert_eq!(index["pipeline"], serde_json::json!([]));
    // `perpanjangan`, `memperpanjang` and `diperpanjang` all meet at the stem `panjang`… in the body trie.
    let mut node = &index["index"]["body"]["root"];
    for c in "panjang".chars() {
        node = &node[c.to_string()];
    }
    assert!(
        node["df"].as_u64().unwrap_or(0) >= 3,
        "stem `panjang` in too few documents: {}",
        node["df"]
    );
    let docs: serde_json::Value =
        serde_json::from_str(&site.out("search/id/docs.json")).expect("docs JSON");
    assert!(docs
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["u"] == "/paspor/perpanjangan-paspor/"));
}
