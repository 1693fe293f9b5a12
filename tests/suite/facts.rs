//! Keeping guides true: fees quoted from `data/tariffs.yaml`, sources and review dates, placeholders left in
//! contact details, and `check --strict` for an office's CI.

use std::path::Path;
use std::process::Command;

use crate::harness::{main_of, Site};

fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext must be installed (run .ci/run)");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A page of the fixture's passport section quoting `fees` (YAML list items, one per line).
fn page_with_fees(site: &Site, fees: &str) {
    site.write(
        "content/paspor/x.md",
        &format!("---\ntitle: X\ndescription: Satu.\nfees:\n{fees}---\n\nIsi.\n"),
    );
}

#[test]
fn an_unknown_tariff_is_located_with_the_nearest_id() {
    let site = Site::fixture("basic");
    page_with_fees(
        &site,
        "  - { item: Paspor, amount: 1 }\n  - tariff: paspor-elektronk\n",
    );
    site.build()
        .assert_error("content/paspor/x.md:6:13", "unknown-tariff")
        .assert_hint("did you mean `paspor-elektronik`?");
    // `check` reports it the same way.
    site.run(&["check"])
        .assert_error("content/paspor/x.md:6:13", "unknown-tariff");
}

#[test]
fn an_expired_tariff_is_never_published() {
    let site = Site::fixture("basic");
    page_with_fees(&site, "  - { tariff: paspor-lama, note: dulu }\n");
    site.build()
        .assert_error("content/paspor/x.md:5:15", "expired-tariff");
    assert!(
        !site.out_exists("index.html"),
        "a failed build writes nothing"
    );
}

#[test]
fn tariffs_are_shown_per_language_with_their_legal_basis() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let id = site.out("paspor/baru/index.html");
    let id = main_of(&id);
    for needle in [
        "Paspor elektronik 48 halaman",
        "Rp650.000",
        "Untuk pemohon yang memilih paspor elektronik.",
        "Dasar hukum: <a href=\"https://jdih.kantor-uji.test/pp-45-2024\">PP 45/2024</a>",
        // The literal fees are still there.
        "Rp350.000",
        "Rp1.000.000",
    ] {
        assert!(id.contains(needle), "`{needle}` missing:\n{id}");
    }
    let en = site.out("en/paspor/baru/index.html");
    let en = main_of(&en);
    for needle in [
        "Electronic passport, 48 pages",
        "IDR 650,000",
        "Legal basis: ",
    ] {
        assert!(en.contains(needle), "`{needle}` missing:\n{en}");
    }
    let ar = site.out("ar/paspor/baru/index.html");
    let ar = main_of(&ar);
    for needle in ["جواز سفر إلكتروني", "الأساس القانوني"] {
        assert!(ar.contains(needle), "`{needle}` missing:\n{ar}");
    }
    // In the digits the Arabic strings choose.
    assert!(
        ar.contains("650,000 روبية") || ar.contains("٦٥٠٬٠٠٠ روبية"),
        "{ar}"
    );
}

#[test]
fn tariffs_all_shows_the_schedule_without_expired_tariffs_and_future_ones_with_their_date() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let page = site.out("paspor/tarif/index.html");
    let main = main_of(&page);
    let schedule = &main[main.find("s-schedule").expect("a schedule")..];
    for needle in [
        "Paspor elektronik 48 halaman",
        "Rp650.000",
        "Visa kunjungan",
        "Rp1.500.000",
        "mulai 1 Januari 2027",
    ] {
        assert!(schedule.contains(needle), "`{needle}` missing:\n{schedule}");
    }
    assert!(
        !main.contains("tarif lama"),
        "an expired tariff is shown:\n{main}"
    );
    // The schedule comes after the body.
    assert!(main.find("berlaku untuk semua pemohon") < main.find("s-schedule"));
    let en = site.out("en/paspor/tarif/index.html");
    assert!(main_of(&en).contains("from 1 January 2027"), "{en}");
    assert!(main_of(&en).contains("IDR 1,500,000"), "{en}");
}

#[test]
fn a_changed_amount_changes_the_page_the_leaflet_and_the_search_teaser() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let leaflet = site.root.join("dist/leaflets/id/paspor/baru.pdf");
    let text = pdf_text(&leaflet);
    for needle in ["Paspor elektronik 48 halaman", "Rp650.000", "Dasar hukum: "] {
        assert!(
            text.contains(needle),
            "`{needle}` missing from the leaflet:\n{text}"
        );
    }
    let tariffs = std::fs::read_to_string(site.path("data/tariffs.yaml")).unwrap();
    site.write(
        "data/tariffs.yaml",
        &tariffs.replace("amount: 650000", "amount: 725000"),
    );
    site.build().assert_ok();
    let page = site.out("paspor/baru/index.html");
    assert!(main_of(&page).contains("Rp725.000"));
    assert!(!main_of(&page).contains("Rp650.000"));
    let text = pdf_text(&leaflet);
    assert!(text.contains("Rp725.000"), "{text}");
    assert!(!text.contains("Rp650.000"), "{text}");
    let en = pdf_text(&site.root.join("dist/leaflets/en/paspor/baru.pdf"));
    assert!(en.contains("IDR 725,000"), "{en}");
    // The search results' teaser quotes the amount too.
    let records = site.out("search/id/r0.json");
    assert!(
        records.contains("Cara membuat paspor baru. — Biaya: ") && records.contains("Rp725.000\""),
        "{records}"
    );
    assert!(!records.contains("Rp650.000"), "{records}");
}

#[test]
fn check_validates_the_tariff_file() {
    let site = Site::fixture("basic");
    site.write(
        "data/tariffs.yaml",
        "paspor-elektronik:\n  item: Paspor elektronik\n  amout: 650000\n  legal_basis: PP 45/2024\n",
    );
    site.run(&["check"])
        .assert_error("data/tariffs.yaml:3:3", "unknown-key")
        .assert_hint("did you mean `amount`?");
    site.write(
        "data/tariffs.yaml",
        "paspor-elektronik:\n  item: { id: Paspor, fr: Passeport }\n  amount: 650000\n  legal_basis: PP 45/2024\n",
    );
    site.run(&["check"])
        .assert_error("data/tariffs.yaml:2:23", "unknown-language");
}

#[test]
fn sources_and_the_review_date_are_shown_on_the_page_and_the_leaflet() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let page = site.out("paspor/baru/index.html");
    let main = main_of(&page);
    for needle in [
        r#"<h2 id="s-sources">Dasar hukum dan sumber</h2>"#,
        r#"<a href="https://jdih.kantor-uji.test/pp-45-2024">PP 45/2024 tentang tarif PNBP</a>"#,
        "<li>Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian</li>",
        r#"Diperiksa: <time datetime="2026-11-10">10 November 2026</time>"#,
    ] {
        assert!(main.contains(needle), "`{needle}` missing:\n{main}");
    }
    let en = site.out("en/paspor/baru/index.html");
    let en = main_of(&en);
    assert!(en.contains("Legal basis and sources"), "{en}");
    assert!(
        en.contains(r#"Reviewed: <time datetime="2026-11-10">10 November 2026</time>"#),
        "{en}"
    );
    let text = pdf_text(&site.root.join("dist/leaflets/id/paspor/baru.pdf"));
    for needle in [
        "Dasar hukum dan sumber",
        "PP 45/2024 tentang tarif",
        "Nomor 6 Tahun 2011",
    ] {
        assert!(
            text.contains(needle),
            "`{needle}` missing from the leaflet:\n{text}"
        );
    }
}

/// The `check --format json` warnings of one code, as (file:line:column).
fn warnings_of(run: &crate::harness::Run, code: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| {
            assert_eq!(d["severity"], "warning", "{d}");
            format!(
                "{}:{}:{}",
                d["file"].as_str().unwrap(),
                d["line"],
                d["column"]
            )
        })
        .collect()
}

#[test]
fn procedures_due_for_review_are_one_warning_each_in_json_and_one_table_in_the_terminal() {
    let site = Site::fixture("basic");
    site.write(
        "content/paspor/visa.md",
        "---\ntitle: Visa\ndescription: Visa.\nrequirements: [Paspor]\n---\n\nIsi.\n",
    );
    site.write(
        "content/paspor/lama.md",
        "---\ntitle: Lama\ndescription: Lama.\nreviewed: 2025-01-05\nfees:\n  - { item: X, amount: 0 }\n---\n",
    );
    site.write(
        "content/paspor/lama.en.md",
        "---\ntitle: Old\ndescription: Old.\nreviewed: 2026-01-05\nfees:\n  - { item: X, amount: 0 }\n---\n",
    );
    let run = site.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 0, "warnings only: {}", run.stdout);
    assert_eq!(
        warnings_of(&run, "not-reviewed"),
        ["content/paspor/visa.md:2:1"]
    );
    assert_eq!(
        warnings_of(&run, "review-overdue"),
        ["content/paspor/lama.md:4:11"]
    );

    let human = site.run(&["check"]);
    assert_eq!(human.code, 0, "{}", human.stderr);
    assert!(
        !human.stderr.contains("warning[not-reviewed]"),
        "{}",
        human.stderr
    );
    assert!(
        human.stderr.contains("Guides to review"),
        "{}",
        human.stderr
    );
    assert!(
        human.stderr.contains("never reviewed: paspor/visa"),
        "{}",
        human.stderr
    );
    assert!(
        human
            .stderr
            .contains("overdue:        paspor/lama (2025-01-05)"),
        "{}",
        human.stderr
    );
    assert!(human.stderr.contains("2 about reviews"), "{}", human.stderr);

    // A section allows longer; the site shorter.
    let section = std::fs::read_to_string(site.path("content/paspor/_index.md")).unwrap();
    site.write(
        "content/paspor/_index.md",
        &section.replace("weight: 1\n", "weight: 1\nreview_months: 24\n"),
    );
    let run = site.run(&["check", "--format", "json"]);
    assert!(
        warnings_of(&run, "review-overdue").is_empty(),
        "{}",
        run.stdout
    );
    site.write("content/paspor/_index.md", &section);
    let config = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    site.write("site.yaml", &format!("{config}review: {{ months: 6 }}\n"));
    let run = site.run(&["check", "--format", "json"]);
    assert_eq!(
        warnings_of(&run, "review-overdue"),
        [
            "content/paspor/lama.en.md:4:11",
            "content/paspor/lama.md:4:11"
        ]
    );
}

#[test]
fn placeholders_are_warnings_at_the_value_and_mark_the_leaflet_as_a_sample() {
    let site = Site::fixture("basic");
    let config = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        &config.replace(
            "  office: Kantor Uji\n",
            "  office: Kantor Uji\n  address: \"TODO: alamat\"\n",
        ),
    );
    let page = std::fs::read_to_string(site.path("content/paspor/baru.md")).unwrap();
    site.write(
        "content/paspor/baru.md",
        &page
            .replace(
                "note: Untuk pemohon yang memilih paspor elektronik.",
                "note: Ganti dengan catatan",
            )
            .replace(
                "  - Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian\n",
                "  - Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian\n  - { title: Peraturan daerah, url: \"https://example.org/perda\" }\ncontact: { phone: \"+62 725 000-0000\" }\n",
            ),
    );
    let run = site.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 0, "warnings only: {}", run.stdout);
    assert_eq!(
        warnings_of(&run, "placeholder"),
        [
            "content/paspor/baru.md:16:11",
            "content/paspor/baru.md:20:38",
            "content/paspor/baru.md:21:20",
            "site.yaml:11:13",
        ]
    );
    let human = site.run(&["check"]);
    assert!(
        human
            .stderr
            .contains("replace it with the real value before publishing"),
        "{}",
        human.stderr
    );

    // The leaflet that prints them says it is a sample; one that prints none does not.
    site.build().assert_ok();
    let text = pdf_text(&site.root.join("dist/leaflets/id/paspor/baru.pdf"));
    assert!(text.contains("CONTOH / SAMPLE"), "{text}");
    site.write("site.yaml", &config);
    site.write("content/paspor/baru.md", &page);
    site.build().assert_ok();
    let text = pdf_text(&site.root.join("dist/leaflets/id/paspor/baru.pdf"));
    assert!(!text.contains("CONTOH"), "{text}");
}

#[test]
fn strict_makes_every_warning_an_error() {
    let site = Site::fixture("basic");
    // The fixture checks with warnings only (missing descriptions and translations).
    site.run(&["check"]).assert_ok();
    let run = site.run(&["check", "--strict"]);
    run.assert_error("content/paspor/bundel/index.md:2:1", "no-description");
    assert!(!run.stderr.contains("warning["), "{}", run.stderr);
    let json = site.run(&["check", "--strict", "--format", "json"]);
    assert_eq!(json.code, 1, "{}", json.stdout);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["warnings"], 0);
    assert!(v["errors"].as_u64().unwrap() > 0);
    // `build --strict` refuses to publish a site with a warning of its own (a tag without letters) and
    // leaves the output untouched.
    let page = std::fs::read_to_string(site.path("content/paspor/hilang.md")).unwrap();
    site.write(
        "content/paspor/hilang.md",
        &page.replace("tags: [paspor]", "tags: [paspor, \"—\"]"),
    );
    let build = site.run(&["build", "--strict"]);
    assert_eq!(build.code, 1, "{}", build.stderr);
    assert!(!site.out_exists("index.html"));
    site.build().assert_ok();
}

/// A venue not booked yet is written as an example; `check` points at it like at any other placeholder.
#[test]
fn an_events_example_venue_is_a_placeholder() {
    let site = Site::fixture("basic");
    site.write(
        "content/acara/desa.md",
        "---\ntitle: Sosialisasi Desa\ndescription: Untuk warga desa.\ndate: 2031-01-02\nreviewed: 2026-11-20\nevent:\n  start: 2031-04-01T09:00\n  location: Balai Desa (contoh — ganti dengan tempat resmi)\n---\n\nAcara.\n",
    );
    let run = site.run(&["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let found = v["diagnostics"].as_array().unwrap().iter().any(|d| {
        d["code"] == "placeholder"
            && d["file"] == "content/acara/desa.md"
            && d["line"] == 8
            && d["column"] == 13
    });
    assert!(found, "{v}");
}
