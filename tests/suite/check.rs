//! `suluh check` rules: each one fires on a real mistake, points at its line, and stays quiet otherwise.

use crate::harness::Site;

fn check_with(rel: &str, text: &str) -> crate::harness::Run {
    let site = Site::fixture("basic");
    site.write(rel, text);
    site.run(&["check"])
}

/// `check` passed with a warning of the stable `code` at `location`, whose hint contains `hint`.
#[track_caller]
fn assert_warning(run: &crate::harness::Run, location: &str, code: &str, hint: &str) {
    assert_eq!(
        run.code, 0,
        "warnings must not fail the check:\n{}",
        run.stderr
    );
    let block = run
        .stderr
        .split("warning[")
        .find(|b| b.starts_with(&format!("{code}]: ")) && b.contains(location) && b.contains(hint));
    assert!(
        block.is_some(),
        "no warning `{code}` at {location} with hint `{hint}` in:\n{}",
        run.stderr
    );
}

#[test]
fn image_without_alt_text() {
    let run = check_with(
        "content/paspor/x.md",
        "---\ntitle: X\ndescription: D.\n---\n\nTeks.\n\n![](denah.png)\n",
    );
    assert_warning(
        &run,
        "content/paspor/x.md:8:1",
        "image-without-alt",
        "describe the image",
    );
}

#[test]
fn heading_levels() {
    let run = check_with(
        "content/paspor/x.md",
        "---\ntitle: X\ndescription: D.\n---\n\n## A\n\n#### B\n\n# C\n",
    );
    assert_warning(
        &run,
        "content/paspor/x.md:8:1",
        "heading-skips-level",
        "use ###",
    );
    assert_warning(
        &run,
        "content/paspor/x.md:10:1",
        "heading-level-1",
        "start sections with `##`",
    );
}

#[test]
fn empty_link() {
    let run = check_with(
        "content/paspor/x.md",
        "---\ntitle: X\ndescription: D.\n---\n\nLihat [](hilang.md).\n",
    );
    assert_warning(
        &run,
        "content/paspor/x.md:6:7",
        "empty-link",
        "write the words",
    );
}

#[test]
fn duplicate_title() {
    let run = check_with(
        "content/paspor/x.md",
        "---\ntitle: paspor baru\ndescription: D.\n---\n",
    );
    assert_warning(
        &run,
        "content/paspor/x.md:2:1",
        "duplicate-title",
        "differs",
    );
}

#[test]
fn page_without_description() {
    let run = check_with("content/paspor/x.md", "---\ntitle: X\n---\n");
    assert_warning(
        &run,
        "content/paspor/x.md:2:1",
        "no-description",
        "add `description:`",
    );
}

#[test]
fn procedure_without_fees_or_requirements() {
    let run = check_with(
        "content/paspor/x.md",
        "---\ntitle: X\ndescription: D.\nprocessing_time: 3 hari\n---\n",
    );
    assert_warning(&run, "content/paspor/x.md:4:1", "no-fees", "amount: 0");
    assert_warning(
        &run,
        "content/paspor/x.md",
        "no-requirements",
        "documents to bring",
    );
}

#[test]
fn undated_page_in_a_date_sorted_section() {
    let run = check_with(
        "content/acara/x.md",
        "---\ntitle: X\ndescription: D.\n---\n",
    );
    assert_warning(
        &run,
        "content/acara/x.md:2:1",
        "no-date",
        "date: YYYY-MM-DD",
    );
}

#[test]
fn clean_pages_get_no_rule_warnings() {
    let site = Site::fixture("basic");
    let run = site.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .filter(|c| *c != "untranslated")
        .collect();
    // The fixture has deliberate gaps (pages without description, procedures without fees or
    // requirements); only those may show up.
    assert!(!codes.is_empty());
    for c in &codes {
        assert!(
            matches!(*c, "no-description" | "no-fees" | "no-requirements"),
            "unexpected warning: {c}"
        );
    }
}

/// Every diagnostic `check --format json` gives on the fixture sites and the bundled site has a stable
/// code and a place: a file, a line and a column.
#[test]
fn every_diagnostic_has_a_code_and_a_location() {
    // One of every kind of mistake an editor makes in content, all in one run.
    let broken = Site::fixture("basic");
    for (rel, text) in [
        ("content/paspor/yaml.md", "---\ntitle: [a\n---\n"),
        ("content/paspor/kunci.md", "---\ntitle: A\ntitel: B\n---\n"),
        (
            "content/paspor/jenis.md",
            "---\ntitle: A\nweight: berat\n---\n",
        ),
        (
            "content/paspor/tanggal.md",
            "---\ntitle: A\ndate: 2026-13-45\n---\n",
        ),
        (
            "content/paspor/tautan.md",
            "---\ntitle: A\n---\n\n[x](tidak-ada.md) [y](hilang.md#tidak) [z](%aé.md)\n",
        ),
        (
            "content/paspor/alias.md",
            "---\ntitle: A\naliases: [\"../../x\"]\n---\n",
        ),
        (
            "content/paspor/templat.md",
            "---\ntitle: A\ntemplate: tidak-ada.html\n---\n",
        ),
        ("content/paspor/kosong.md", ""),
        ("content/paspor/bahasa.fr.md", "---\ntitle: A\n---\n"),
        (
            "content/paspor/skrip.md",
            "---\ntitle: A\n---\n\n[a](javascript:alert(1)) <img src=x>\n",
        ),
    ] {
        broken.write(rel, text);
    }
    let expected = [
        "wrong-type",
        "unknown-key",
        "bad-value",
        "broken-link",
        "broken-anchor",
        "alias-escape",
        "missing-template",
        "no-front-matter",
        "unknown-language",
        "unsafe-link",
    ];
    for (site, wanted) in [
        (Site::fixture("basic"), &[][..]),
        (broken, &expected[..]),
        (Site::bundled(), &[][..]),
    ] {
        let run = site.run(&["check", "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}{}", run.stdout, run.stderr));
        let all = v["diagnostics"].as_array().unwrap();
        assert!(!all.is_empty());
        for d in all {
            let code = d["code"].as_str().unwrap_or_default();
            assert!(
                !code.is_empty()
                    && code
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "{d}"
            );
            assert!(d["file"].is_string(), "no file: {d}");
            assert!(d["line"].as_u64().is_some_and(|l| l >= 1), "no line: {d}");
            assert!(
                d["column"].as_u64().is_some_and(|c| c >= 1),
                "no column: {d}"
            );
        }
        for code in wanted {
            assert!(all.iter().any(|d| d["code"] == *code), "no `{code}` in {v}");
        }
    }
}

#[test]
fn missing_translations_are_one_table_in_the_terminal_and_one_warning_each_in_json() {
    let site = Site::fixture("basic");
    // A language with no built-in strings and a partial i18n file of the site's own.
    let text = std::fs::read_to_string(site.path("site.yaml"))
        .unwrap()
        .replace(
            "  ar: { name: العربية }",
            "  ar: { name: العربية }\n  fr: { name: Français }",
        );
    site.write("site.yaml", &text);
    site.write("i18n/fr.yaml", "home: Accueil\n");

    let json = site.run(&["check", "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stdout);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let diags = v["diagnostics"].as_array().unwrap();
    let untranslated: Vec<&serde_json::Value> = diags
        .iter()
        .filter(|d| d["code"] == "untranslated")
        .collect();
    let hilang = untranslated
        .iter()
        .find(|d| d["file"] == "content/paspor/hilang.md")
        .expect("one warning per untranslated page, with its file");
    assert_eq!(hilang["message"], "not translated into: en, ar, fr");
    assert!(hilang["hint"]
        .as_str()
        .unwrap()
        .contains("content/paspor/hilang.fr.md"));
    // Sections count too: the fixture's paspor section has no French _index.
    assert!(untranslated
        .iter()
        .any(|d| d["file"] == "content/paspor/_index.md"));
    let strings = diags
        .iter()
        .find(|d| d["code"] == "missing-ui-strings")
        .expect("a warning for fr's missing UI strings");
    assert_eq!(strings["file"], "i18n/fr.yaml");
    let listed = strings["message"].as_str().unwrap();
    let keys: Vec<&str> = listed
        .split_once(": ")
        .map(|(_, keys)| keys.split(", ").collect())
        .unwrap_or_default();
    assert!(keys.len() >= 10, "{listed}");
    assert!(
        !keys.contains(&"home"),
        "fr's own file has `home`: {listed}"
    );

    let human = site.run(&["check"]);
    human.assert_ok();
    let err = &human.stderr;
    assert!(
        !err.contains("not translated into"),
        "per-page warnings collapse into the table:\n{err}"
    );
    let table = &err[err.find("Missing translations").expect("a table")..];
    let fr = table
        .lines()
        .find(|l| l.trim_start().starts_with("fr "))
        .unwrap_or_else(|| panic!("no fr row in:\n{table}"));
    assert!(fr.contains("pages and sections"), "{fr}");
    assert!(fr.contains("UI strings"), "{fr}");
    assert!(table.contains("paspor/"), "{table}");
    assert!(table.contains("hilang"), "{table}");
    assert!(table.contains("UI strings (i18n/fr.yaml):"), "{table}");
    for line in table.lines() {
        assert!(
            line.chars().count() <= 80,
            "wider than 80 columns: {line:?}"
        );
    }
    assert!(!err.contains('\x1b'), "no colour when not on a terminal");
    // The totals still count every warning, and say where they went.
    let total = v["warnings"].as_u64().unwrap();
    assert!(
        err.contains(&format!("0 errors, {total} warnings (")),
        "{err}"
    );
}

/// A tiny HTTP server on loopback with one route per behaviour `--external` must handle; it records each
/// request as `METHOD /path`.
fn link_server() -> (u16, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let log = log.clone();
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut buf = [0u8; 4096];
                let n = stream.read(&mut buf).unwrap_or(0);
                let request = String::from_utf8_lossy(&buf[..n]).into_owned();
                let mut words = request.split_whitespace();
                let (method, path) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
                log.lock().unwrap().push(format!("{method} {path}"));
                let (status, extra) = match (method, path) {
                    (_, "/ok") => ("200 OK", String::new()),
                    (_, "/gone") => ("404 Not Found", String::new()),
                    ("HEAD", "/no-head") => ("405 Method Not Allowed", String::new()),
                    ("GET", "/no-head") => ("200 OK", String::new()),
                    (_, "/old") => (
                        "301 Moved Permanently",
                        format!("Location: http://127.0.0.1:{port}/ok\r\n"),
                    ),
                    (_, "/slow") => {
                        std::thread::sleep(std::time::Duration::from_secs(3));
                        ("200 OK", String::new())
                    }
                    _ => ("500 Internal Server Error", String::new()),
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\n{extra}Content-Length: 0\r\nConnection: close\r\n\r\n"
                );
            });
        }
    });
    (port, seen)
}

#[test]
fn external_links_are_checked_only_when_asked() {
    let (port, seen) = link_server();
    let site = Site::fixture("basic");
    // The test stays off the internet: the fixture's one link to a real site is unlinked.
    let baru = std::fs::read_to_string(site.path("content/paspor/baru.md"))
        .unwrap()
        .replace("[situs resmi](https://www.imigrasi.go.id)", "situs resmi");
    site.write("content/paspor/baru.md", &baru);
    let base = format!("http://127.0.0.1:{port}");
    site.write(
        "content/paspor/tautan.md",
        &format!(
            "---\ntitle: Tautan\ndescription: D.\n---\n\nSatu [baik]({base}/ok).\n\nDua [hilang]({base}/gone) dan [lambat]({base}/slow).\n\nTiga [tanpa HEAD]({base}/no-head), [pindah]({base}/old#bagian).\n"
        ),
    );
    site.write(
        "content/paspor/tautan-lagi.md",
        &format!("---\ntitle: Tautan lagi\ndescription: D.\n---\n\nLagi [baik]({base}/ok#atas).\n"),
    );

    // Without --external, no request at all.
    site.run(&["check"]).assert_ok();
    assert!(
        seen.lock().unwrap().is_empty(),
        "{:?}",
        seen.lock().unwrap()
    );

    let run = site.run(&["check", "--external", "--external-timeout-ms", "500"]);
    assert_warning(
        &run,
        "content/paspor/tautan.md:8:5",
        "external-link",
        "the page is gone",
    );
    assert_warning(
        &run,
        "content/paspor/tautan.md:8:",
        "external-link",
        "check again later",
    );
    assert_warning(
        &run,
        "content/paspor/tautan.md:10:",
        "external-link",
        &format!("update the link to {base}/ok"),
    );
    assert!(
        run.stderr.contains(&format!(
            "external link `{base}/gone` is broken: 404 Not Found"
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!(
            "external link `{base}/slow` timed out after 0.5 s"
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!(
            "external link `{base}/old` has moved permanently (301)"
        )),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("/ok`"), "{}", run.stderr);
    assert!(!run.stderr.contains("no-head`"), "{}", run.stderr);

    let requests = seen.lock().unwrap().clone();
    // Two pages link to /ok (one with a #fragment): it is asked for once (plus once via /old's redirect).
    assert_eq!(
        requests.iter().filter(|r| *r == "HEAD /ok").count(),
        2,
        "{requests:?}"
    );
    assert!(
        requests.contains(&"GET /no-head".to_string()),
        "{requests:?}"
    );
    assert!(!requests.contains(&"GET /ok".to_string()), "{requests:?}");

    // The same findings in JSON, with line and column.
    let json = site.run(&[
        "check",
        "--external",
        "--external-timeout-ms",
        "500",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let gone = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("/gone"))
        .unwrap();
    assert_eq!(gone["severity"], "warning");
    assert_eq!(gone["code"], "external-link");
    assert_eq!(
        (gone["line"].as_u64(), gone["column"].as_u64()),
        (Some(8), Some(5))
    );
}
