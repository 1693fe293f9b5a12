//! Issue #18: the plain-language check on copies of the old bundled guides (`tests/fixtures/plain-old`), and
//! the glossary: its page per language, the term links in pages, its search records and its errors.

use crate::harness::Site;

/// Every (file:line:column, code) of a JSON check run.
fn found(run: &crate::harness::Run) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                format!(
                    "{}:{}:{}",
                    d["file"].as_str().unwrap_or_default(),
                    d["line"],
                    d["column"]
                ),
                d["code"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[track_caller]
fn assert_found(found: &[(String, String)], location: &str, code: &str) {
    assert!(
        found.iter().any(|(l, c)| l == location && c == code),
        "no `{code}` at {location} in {found:#?}"
    );
}

#[test]
fn old_bundled_guides_show_the_reviewed_problems() {
    let site = Site::fixture("plain-old");
    let run = site.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let f = found(&run);
    // Acronyms used before they are explained (ITAS, PNBP, APOA) …
    assert_found(
        &f,
        "content/penyuluhan/seminar-pemda.md:49:1",
        "unexplained-acronym",
    );
    assert_found(
        &f,
        "content/izin-tinggal/itap.en.md:58:12",
        "unexplained-acronym",
    );
    assert_found(
        &f,
        "content/izin-tinggal/lapor-tamu-asing-apoa.md:30:1",
        "unexplained-acronym",
    );
    // … but not `Izin Tinggal Terbatas (ITAS)`, a Roman numeral (`Kelas II`) or a code in a link.
    assert!(!f
        .iter()
        .any(|(l, c)| l.starts_with("content/izin-tinggal/itas.md")
            && c == "unexplained-acronym"
            && l.ends_with(":1")));
    // Words readers do not know, with the site's plainer word.
    assert_found(&f, "content/izin-tinggal/itas.md:63:23", "plain-word");
    assert_found(&f, "content/izin-tinggal/itas.md:67:154", "plain-word");
    // The 44-word definition, and a paragraph of mostly passive sentences.
    assert_found(
        &f,
        "content/hak-kewajiban/dokumen-wajib.en.md:27:3",
        "long-sentence",
    );
    assert_found(&f, "content/izin-tinggal/itas.md:70:1", "passive-paragraph");
    // Legal bases quoted word for word (`skip_headings`) are left alone.
    assert!(!f
        .iter()
        .any(|(l, c)| c == "long-sentence" && l.starts_with("content/izin-tinggal/itas.md:8")));

    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let itas = &v["plain"]["content/izin-tinggal/itas.md"];
    assert_eq!(itas["plain-word"], 2, "{}", v["plain"]);
    assert_eq!(itas["passive-paragraph"], 1, "{}", v["plain"]);

    let human = site.run(&["check"]);
    assert!(
        human.stderr.contains("warning[plain-word]")
            && human.stderr.contains("write `kode pembayaran` instead"),
        "{}",
        human.stderr
    );
    assert!(
        human.stderr.contains("content/izin-tinggal/itas.md:63:23"),
        "{}",
        human.stderr
    );
    assert_eq!(site.run(&["check", "--strict"]).code, 1);
}

#[test]
fn the_glossary_explains_acronyms_for_the_check() {
    let site = Site::fixture("plain-old");
    site.write(
        "data/glossary.yaml",
        "ITAS:\n  id: Izin Tinggal Terbatas.\n  en: Limited stay permit.\n",
    );
    let f = found(&site.run(&["check", "--format", "json"]));
    assert!(
        !f.iter()
            .any(|(l, _)| l == "content/penyuluhan/seminar-pemda.md:49:1"),
        "{f:#?}"
    );
    assert_found(
        &f,
        "content/penyuluhan/seminar-pemda.md:49:39",
        "unexplained-acronym",
    );
}

#[test]
fn plain_settings_are_checked_with_did_you_mean() {
    let site = Site::fixture("plain-old");
    let text = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        &text.replace("  skip_headings:", "  skip_heading:"),
    );
    site.run(&["check"])
        .assert_error("site.yaml:", "unknown-key")
        .assert_hint("did you mean `skip_headings`?");
}

const GLOSSARY: &str = "paspor:\n  id: Dokumen perjalanan resmi untuk ke luar negeri.\n  en: \"Passport: the official travel document.\"\n  link: paspor/baru.md\n  aliases: [passport]\nWNA:\n  id: Warga negara asing.\n";

#[test]
fn glossary_page_term_links_and_search() {
    let site = Site::fixture("basic");
    site.write("data/glossary.yaml", GLOSSARY);
    site.write(
        "content/paspor/dua.md",
        "---\ntitle: Dua kali\ndescription: Paspor dua kali.\n---\n\n## Paspor\n\nPaspor Anda dan paspor lagi. Seorang WNA dan [paspor](baru.md) juga WNA.\n\n`WNA`\n",
    );
    site.build().assert_ok();
    let page = site.out("paspor/dua/index.html");
    let main = crate::harness::main_of(&page);
    assert_eq!(main.matches("class=\"term\"").count(), 2, "{main}");
    assert_eq!(
        main.matches("href=\"/glossary/#term-paspor\"").count(),
        1,
        "{main}"
    );
    assert_eq!(
        main.matches("href=\"/glossary/#term-wna\"").count(),
        1,
        "{main}"
    );
    assert!(main.contains("<h2 id=\"paspor\">Paspor</h2>"), "{main}");
    assert!(
        main.contains("title=\"Dokumen perjalanan resmi untuk ke luar negeri.\">Paspor</a> Anda"),
        "{main}"
    );
    // The page a term links to explains it: no link to the glossary there.
    assert!(!site.out("paspor/baru/index.html").contains("#term-paspor"));

    let glossary = site.out("glossary/index.html");
    assert!(
        glossary.contains("<dt id=\"term-paspor\">paspor</dt>"),
        "{glossary}"
    );
    assert!(
        glossary.contains("<dt id=\"term-wna\">WNA</dt>"),
        "{glossary}"
    );
    assert!(glossary.contains("href=\"/paspor/baru/\""), "{glossary}");
    let en = site.out("en/glossary/index.html");
    assert!(
        en.contains("Passport: the official travel document."),
        "{en}"
    );
    assert!(en.contains("href=\"/en/paspor/baru/\""), "{en}");
    // Arabic falls back to the default language's explanation.
    assert!(site
        .out("ar/glossary/index.html")
        .contains("Warga negara asing."));
    assert!(site.out("index.html").contains("href=\"/glossary/\""));
    assert!(site
        .out("sitemap.xml")
        .contains("https://uji.example/en/glossary/"));
    let records: String = (0..4)
        .filter(|i| site.out_exists(&format!("search/id/r{i}.json")))
        .map(|i| site.out(&format!("search/id/r{i}.json")))
        .collect();
    assert!(records.contains("/glossary/#term-wna"), "{records}");
}

#[test]
fn glossary_errors_are_located() {
    let site = Site::fixture("basic");
    site.write(
        "data/glossary.yaml",
        "paspor:\n  id: Dokumen.\n  lnk: paspor/baru.md\n",
    );
    site.build()
        .assert_error("data/glossary.yaml:3:3", "unknown-key")
        .assert_hint("did you mean `link`?");
    site.write(
        "data/glossary.yaml",
        "paspor:\n  id: Dokumen.\n  link: paspor/bru.md\n",
    );
    site.build()
        .assert_error("data/glossary.yaml:3:9", "broken-link")
        .assert_hint("did you mean `paspor/baru.md`?");
}
