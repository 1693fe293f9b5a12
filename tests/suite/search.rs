//! Search: the files a build writes per language, the node tests (text analysis vectors and elasticlunr.js
//! compatibility, run on built sites) and the search client in headless Chromium. Node, the npm test
//! packages and Chromium are required (`.ci/run` installs them): a missing tool fails these tests.

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::harness::{repo, Site};

/// The bundled site, its search index split into packs whatever its size.
fn bundled_split() -> Site {
    let site = Site::bundled();
    let yaml = fs::read_to_string(site.path("site.yaml")).unwrap();
    assert!(yaml.contains("search: { enabled: true }"), "{yaml}");
    site.write(
        "site.yaml",
        &yaml.replace(
            "search: { enabled: true }",
            "search: { enabled: true, split: always }",
        ),
    );
    site
}

fn json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Numbers of a pack or lengths string (packs.rs `put_number`).
fn numbers(s: &str) -> Vec<u64> {
    const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
    let (mut out, mut value, mut shift) = (Vec::new(), 0u64, 0);
    for b in s.bytes() {
        let d = DIGITS.iter().position(|&x| x == b).expect("digit") as u64;
        value |= (d & 31) << shift;
        if d < 32 {
            out.push(value);
            (value, shift) = (0, 0);
        } else {
            shift += 5;
        }
    }
    assert_eq!(shift, 0, "unfinished number in {s}");
    out
}

/// Checks one language's search folder against its manifest; returns the manifest.
fn check_folder(dir: &Path) -> Value {
    let m = json(&dir.join("manifest.json"));
    let docs = m["docs"].as_u64().unwrap();
    assert!(docs > 0);
    assert_eq!(
        m["fields"],
        serde_json::json!(["title", "description", "headings", "body"])
    );
    assert_eq!(m["boosts"], serde_json::json!([3.0, 1.5, 2.0, 1.0]));
    assert_eq!(m["v"].as_str().unwrap().len(), 8);
    // Records: `per` each, covering every document exactly once.
    let per = m["records"]["per"].as_u64().unwrap();
    let chunks = m["records"]["chunks"].as_u64().unwrap();
    let mut records = 0;
    for c in 0..chunks {
        let chunk = json(&dir.join(format!("r{c}.json")));
        let n = chunk.as_array().unwrap().len() as u64;
        assert!(n == per || c + 1 == chunks && n <= per);
        for r in chunk.as_array().unwrap() {
            assert!(r["t"].is_string() && r["s"].is_string() && r["d"].is_string());
            assert!(r["u"].as_str().unwrap().starts_with('/'));
        }
        records += n;
    }
    assert_eq!(records, docs);
    assert!(!dir.join(format!("r{chunks}.json")).exists());
    if let Some(index) = m["index"].as_str() {
        assert_eq!(index, "index.json");
        let idx = json(&dir.join(index));
        assert_eq!(idx["documentStore"]["length"].as_u64(), Some(docs));
        assert_eq!(idx["version"], "0.9.5");
        assert_eq!(idx["pipeline"], serde_json::json!([]));
        assert!(m.get("packs").is_none() && !dir.join("p0.json").exists());
    } else {
        let lengths = json(&dir.join(m["lengths"].as_str().unwrap()));
        for field in lengths.as_array().unwrap() {
            assert_eq!(numbers(field.as_str().unwrap()).len() as u64, docs);
        }
        let sizes = m["packs"].as_array().unwrap();
        assert!(!sizes.is_empty());
        let mut terms = Vec::new();
        for (i, size) in sizes.iter().enumerate() {
            let path = dir.join(format!("p{i}.json"));
            assert_eq!(
                fs::metadata(&path).unwrap().len(),
                size.as_u64().unwrap(),
                "{}",
                path.display()
            );
            for entry in json(&path).as_array().unwrap() {
                let e = entry.as_array().unwrap();
                assert_eq!(e.len(), 5);
                let term = e[0].as_str().unwrap().to_string();
                // The manifest's rule finds the term in this pack.
                let key = m["keys"]
                    .as_object()
                    .unwrap()
                    .iter()
                    .filter(|(k, _)| term.starts_with(k.as_str()))
                    .max_by_key(|(k, _)| k.len())
                    .unwrap_or_else(|| panic!("no key for {term}"));
                assert_eq!(key.1.as_u64(), Some(i as u64), "{term}");
                for field in &e[1..] {
                    let n = numbers(field.as_str().unwrap());
                    let mut doc = 0;
                    for pair in n.chunks(2) {
                        doc += pair[0];
                        assert!(doc < docs, "{term}: document {doc} of {docs}");
                        doc += 1;
                    }
                }
                terms.push(term);
            }
        }
        assert!(!dir.join(format!("p{}.json", sizes.len())).exists());
        let mut sorted = terms.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, terms, "each term once, in order");
        for key in m["keys"].as_object().unwrap().values() {
            assert!(key.as_u64().unwrap() < sizes.len() as u64);
        }
    }
    m
}

#[test]
fn small_site_gets_one_elasticlunr_file_per_language() {
    let site = Site::bundled();
    site.build().assert_ok();
    for lang in ["id", "en", "ar"] {
        let m = check_folder(&site.root.join("dist/search").join(lang));
        assert_eq!(m["lang"], lang);
    }
    let home = site.out("index.html");
    assert!(home.contains(r#"data-search-index="/search/id/manifest.json""#));
    assert!(site
        .out("ar/index.html")
        .contains(r#"data-search-index="/search/ar/manifest.json""#));
    assert!(site.out_exists("search/search.js") && site.out_exists("search/analysis.js"));
}

#[test]
fn split_index_is_consistent_with_its_manifest() {
    let site = bundled_split();
    site.build().assert_ok();
    for lang in ["id", "en", "ar"] {
        let dir = site.root.join("dist/search").join(lang);
        let m = check_folder(&dir);
        assert!(m["packs"].as_array().unwrap().len() > 1, "{lang}");
        // A small site keeps its elasticlunr file next to the packs.
        assert!(dir.join("index.json").exists());
    }
}

#[test]
fn search_off_writes_no_index_and_no_loader() {
    let site = Site::fixture("basic");
    let yaml = fs::read_to_string(site.path("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        &format!("{yaml}search: {{ enabled: false }}\n"),
    );
    site.build().assert_ok();
    assert!(!site.root.join("dist/search/id").exists());
    let page = site.out("search/index.html");
    assert!(!page.contains("data-search-script"));
    assert!(
        !page.contains("<noscript>"),
        "the sections are listed for everyone"
    );
}

#[test]
fn unknown_split_value_is_an_error() {
    let site = Site::fixture("basic");
    let yaml = fs::read_to_string(site.path("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        &format!("{yaml}search: {{ split: sometimes }}\n"),
    );
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("sometimes"), "{}", run.stderr);
}

fn node(args: &[&str], envs: &[(&str, &Path)]) -> (bool, String) {
    let mut cmd = Command::new("node");
    cmd.args(args).current_dir(repo());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("node must be installed (run .ci/run)");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

/// `node --test tests/js/`: the analysis vectors, and elasticlunr.js against the client on two builds of
/// the bundled site (one elasticlunr file; packs next to that file).
#[test]
fn node_tests_pass() {
    let single = Site::bundled();
    single.build().assert_ok();
    let split = bundled_split();
    split.build().assert_ok();
    let (ok, report) = node(
        &["--test", "tests/js/"],
        &[
            ("SULUH_SEARCH_DIST", &single.root.join("dist")),
            ("SULUH_SEARCH_DIST_SPLIT", &split.root.join("dist")),
        ],
    );
    assert!(ok, "{report}");
    // The compatibility tests ran (they skip without the variables) and none was skipped.
    assert!(report.contains("elasticlunr.js"), "{report}");
    assert!(report.contains("# skipped 0"), "{report}");
    assert!(report.contains("# fail 0"), "{report}");
}

/// The search client in headless Chromium on the bundled site: queries typed into the box find the
/// expected guides, nothing loads before the box is focused, the live region counts, axe finds nothing.
#[test]
fn search_works_in_a_browser() {
    for site in [Site::bundled(), bundled_split()] {
        site.build().assert_ok();
        let (ok, report) = node(
            &[repo().join("tests/browser/search.mjs").to_str().unwrap()],
            &[("SULUH_SEARCH_DIST", &site.root.join("dist"))],
        );
        assert!(ok, "{report}");
    }
}

#[test]
fn bundled_site_indexes_inflected_words_by_stem() {
    let site = Site::bundled();
    site.build().assert_ok();
    let index = json(&site.root.join("dist/search/id/index.json"));
    assert_eq!(index["version"], "0.9.5");
    // `perpanjangan`, `memperpanjang` and `diperpanjang` all meet at the stem `panjang` in the body trie.
    let mut node = &index["index"]["body"]["root"];
    for c in "panjang".chars() {
        node = &node[c.to_string()];
    }
    assert!(
        node["df"].as_u64().unwrap_or(0) >= 3,
        "stem `panjang` in too few documents: {}",
        node["df"]
    );
    let records = json(&site.root.join("dist/search/id/r0.json"));
    assert!(records
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["u"] == "/paspor/perpanjangan-paspor/"));
}
