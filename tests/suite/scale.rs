//! Single inputs of unusual size: each builds (in time and memory linear in its size) or is refused with an
//! error naming the limit. Inputs are generated here rather than stored. Durations are printed for the
//! record (`--nocapture`), never asserted.

use std::fmt::Write as _;
use std::time::Instant;

use crate::harness::Site;

/// Builds the basic fixture with one extra page and returns it.
fn build_with_page(name: &str, body: &str) -> Site {
    let site = Site::fixture("basic");
    site.write(
        &format!("content/paspor/{name}.md"),
        &format!("---\ntitle: Besar {name}\ndescription: Uji ukuran.\n---\n\n{body}"),
    );
    let started = Instant::now();
    let run = site.build();
    eprintln!(
        "{name}: {} KiB of Markdown built in {:?}",
        body.len() / 1024,
        started.elapsed()
    );
    run.assert_ok();
    site
}

#[test]
fn a_five_megabyte_page_builds() {
    let mut body = String::with_capacity(5 << 20);
    let mut n = 0;
    while body.len() < 5 << 20 {
        writeln!(
            body,
            "Paragraf {n}: pemohon membawa **paspor** lama, e-KTP dan [formulir](https://x.example/{n}).\n"
        )
        .unwrap();
        n += 1;
    }
    body.push_str("Akhir halaman kataterakhir.\n");
    let site = build_with_page("lima-mb", &body);
    let html = site.out("paspor/lima-mb/index.html");
    assert!(html.contains("kataterakhir"));
    assert!(html.len() > 5 << 20);
}

#[test]
fn a_table_of_ten_thousand_rows_builds() {
    let mut body = String::from("| No | Dokumen | Biaya |\n|---:|:--|--:|\n");
    for i in 0..10_000 {
        writeln!(body, "| {i} | Dokumen nomor {i} | {} |", i * 1000).unwrap();
    }
    let site = build_with_page("tabel", &body);
    let html = site.out("paspor/tabel/index.html");
    assert_eq!(html.matches("<tr>").count(), 10_001);
    assert!(html.contains("Dokumen nomor 9999"));
}

#[test]
fn five_hundred_nested_lists_build() {
    let mut body = String::new();
    for depth in 0..500 {
        writeln!(body, "{}- tingkat {depth}", "  ".repeat(depth)).unwrap();
    }
    // Raw HTML sends the body through the sanitiser too.
    body.push_str("\nAkhir <b>tebal</b>.\n");
    let site = build_with_page("bersarang", &body);
    let html = site.out("paspor/bersarang/index.html");
    assert!(html.contains("tingkat 499"));
    assert_eq!(html.matches("<ul").count(), html.matches("</ul>").count());
}

#[test]
fn deeply_nested_raw_html_is_refused_with_the_limit_named() {
    // HTML sanitising takes time quadratic in the nesting depth, so nesting is bounded.
    let site = Site::fixture("basic");
    let body = format!(
        "Awal.\n\n{}dalam{}\n",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    site.write(
        "content/paspor/div.md",
        &format!("---\ntitle: Div\n---\n{body}"),
    );
    site.build()
        .assert_error("content/paspor/div.md:6:1", "too-deep")
        .assert_hint("nest them less deeply");
    // Just under the limit builds.
    let body = format!("{}dalam{}\n", "<div>".repeat(1000), "</div>".repeat(1000));
    let site = build_with_page("div", &body);
    assert!(site.out("paspor/div/index.html").contains("dalam"));
}

#[test]
fn a_hundred_thousand_links_build() {
    let mut body = String::with_capacity(5 << 20);
    for i in 0..100_000 {
        // Internal links with anchors, to pages and to this page's own headings, and external ones.
        match i % 4 {
            0 => write!(body, "[baru](baru.md#biaya) ").unwrap(),
            1 => write!(body, "[h{i}](banyak.md#bagian-{}) ", i % 100).unwrap(),
            2 => write!(body, "[hilang](hilang.md) ").unwrap(),
            _ => write!(body, "[web](https://x.example/{i}) ").unwrap(),
        }
        if i % 50 == 49 {
            body.push_str("\n\n");
        }
    }
    for h in 0..100 {
        writeln!(body, "\n## Bagian {h}\n").unwrap();
    }
    let site = build_with_page("banyak", &body);
    let html = site.out("paspor/banyak/index.html");
    assert_eq!(html.matches("href=\"/paspor/baru/#biaya\"").count(), 25_000);
    assert!(html.contains("href=\"/paspor/banyak/#bagian-97\""));
    assert!(!html.contains("suluh-link"));
}

#[test]
fn ten_thousand_headings_with_the_same_text_get_unique_ids() {
    let mut body = String::new();
    for i in 0..10_000 {
        writeln!(body, "## Biaya\n\nBagian {i}.\n").unwrap();
    }
    // An anchored link to the last one.
    body.push_str("[terakhir](#biaya-9999)\n");
    let site = build_with_page("judul", &body);
    let html = site.out("paspor/judul/index.html");
    assert!(html.contains("<h2 id=\"biaya\">"));
    assert!(html.contains("<h2 id=\"biaya-9999\">"));
}

#[test]
fn a_markdown_file_over_the_size_limit_is_refused_with_the_limit_named() {
    let site = Site::fixture("basic");
    let mut body = String::from("---\ntitle: Raksasa\n---\n");
    let line = "Teks yang sangat panjang untuk menguji batas ukuran berkas.\n";
    while body.len() <= suluh::content::MAX_FILE_BYTES {
        body.push_str(line);
    }
    site.write("content/paspor/raksasa.md", &body);
    site.build()
        .assert_error("content/paspor/raksasa.md", "file-too-large")
        .assert_hint("split");
    assert!(!site.out_exists("paspor/raksasa/index.html"));
}
