//! Posters and event packs (#17): a poster per leaflet page and language, a pack per event with handouts,
//! both PDF with embedded fonts and a QR code that opens the page; the pack is its cover sheet and then each
//! handout's leaflet, every part padded to an even page count. Also the located errors of `handouts` and
//! `image`, and a page's own `image` as its share image.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::Site;

fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let mut cmd = Command::new(name);
    cmd.args(args).arg(pdf);
    if name == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{name} must be installed (run .ci/run): {e}"));
    assert!(
        out.status.success(),
        "{name} failed on {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pages_of(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[], pdf);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in pdfinfo of {}:\n{info}", pdf.display()))
}

/// `[width, height]` in points of page `page` (1-based).
fn size_of(pdf: &Path, page: usize) -> [f64; 2] {
    let p = page.to_string();
    let info = tool("pdfinfo", &["-f", &p, "-l", &p], pdf);
    let line = info
        .lines()
        .find(|l| l.starts_with(&format!("Page {page:>4} size:")))
        .unwrap_or_else(|| panic!("no size of page {page} in:\n{info}"));
    let nums: Vec<f64> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    [nums[1], nums[2]]
}

#[track_caller]
fn assert_a4_portrait(pdf: &Path, page: usize) {
    let [w, h] = size_of(pdf, page);
    assert!(
        (w - 595.276).abs() < 0.5 && (h - 841.89).abs() < 0.5,
        "page {page} of {} is {w} x {h} pt, not A4 portrait",
        pdf.display()
    );
}

#[track_caller]
fn assert_fonts_embedded(pdf: &Path) {
    let fonts = tool("pdffonts", &[], pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts in {}", pdf.display());
    for line in rows {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(
            cols[cols.len() - 5],
            "yes",
            "font not embedded in {}: {line}",
            pdf.display()
        );
    }
}

/// The QR code on page `page`, rendered at 150 dpi with pdftoppm and read with zbarimg.
fn qr_of(pdf: &Path, page: usize) -> String {
    let prefix = pdf.with_extension(format!("qr{page}"));
    let p = page.to_string();
    let status = Command::new("pdftoppm")
        .args(["-r", "150", "-png", "-f", &p, "-l", &p, "-singlefile"])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm");
    assert!(status.success());
    let png = PathBuf::from(format!("{}.png", prefix.display()));
    let out = Command::new("zbarimg")
        .args(["--quiet", "--raw"])
        .arg(&png)
        .output()
        .expect("zbarimg must be installed");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The width in millimetres of the QR code on page 1, found with rqrr on a 150 dpi rendering.
fn qr_width_mm(pdf: &Path) -> f64 {
    let prefix = pdf.with_extension("width");
    let status = Command::new("pdftoppm")
        .args(["-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm");
    assert!(status.success());
    let png = PathBuf::from(format!("{}.png", prefix.display()));
    let image = image::open(&png).expect("a PNG").to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(image);
    let grids = prepared.detect_grids();
    let grid = grids.first().expect("a QR code on the page");
    let xs = grid.bounds.iter().map(|p| p.x);
    let (min, max) = (xs.clone().min().unwrap_or(0), xs.max().unwrap_or(0));
    f64::from(max - min) / 150.0 * 25.4
}

fn dist(site: &Site, rel: &str) -> PathBuf {
    site.root.join("dist").join(rel)
}

#[test]
fn a_poster_per_leaflet_language_a4_with_fonts_qr_and_arabic_text() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    for (lang, prefix) in [("id", ""), ("en", "en/"), ("ar", "ar/")] {
        let rel = format!("posters/{lang}/paspor/baru.pdf");
        let pdf = dist(&site, &rel);
        assert!(pdf.exists(), "missing {rel}");
        assert_eq!(pages_of(&pdf), 1, "{rel}");
        assert_a4_portrait(&pdf, 1);
        assert_fonts_embedded(&pdf);
        let width = qr_width_mm(&pdf);
        assert!(width >= 50.0, "{rel}: the QR code is {width:.1} mm wide");
        assert_eq!(
            qr_of(&pdf, 1),
            format!("https://uji.example/{prefix}paspor/baru/"),
            "{rel}"
        );
        // Linked from the page in that language, with its size.
        let page = site.out(&format!("{prefix}paspor/baru/index.html"));
        assert!(
            page.contains(&format!(
                r#"<a href="/posters/{lang}/paspor/baru.pdf" type="application/pdf" download>"#
            )),
            "no poster link in {prefix}paspor/baru/"
        );
    }
    let page = site.out("en/paspor/baru/index.html");
    assert!(page.contains(">Poster (PDF, "), "no size on the link");
    // The Arabic poster is Arabic text (joined, extractable), with its key points from the steps.
    let text = tool("pdftotext", &[], &dist(&site, "posters/ar/paspor/baru.pdf"));
    assert!(
        text.contains("جواز سفر جديد"),
        "Arabic title missing:\n{text}"
    );
    assert!(text.contains("M-Paspor"), "first step missing:\n{text}");
    // No leaflet, no poster.
    assert!(!site.out_exists("posters/id/paspor/hilang.pdf"));
}

const PACK_ID: &str = "---
title: Sosialisasi Paspor
description: Sesi tentang paspor untuk warga.
date: 2031-01-10
event:
  start: 2031-03-14T09:00
  end: 2031-03-14T12:00
  location: Aula Kantor
  address: Kota Metro
  handouts:
    - ../paspor/baru.md
    - ../paspor/hilang.md
---

Acara mendatang.
";

const PACK_AR: &str = "---
title: جلسة توعية حول جوازات السفر
description: جلسة حول جوازات السفر.
date: 2031-01-10
event:
  start: 2031-03-14T09:00
  location: قاعة المكتب
  handouts: [ ../paspor/baru.md ]
---

فعالية قادمة.
";

/// The pages of a handout's leaflet in `lang`, from `suluh leaflet`, padded to an even count.
fn padded_leaflet_pages(site: &Site, page: &str, lang: &str) -> usize {
    let out = site.path(&format!("{}-{lang}.pdf", page.replace('/', "-")));
    let out_s = out.to_string_lossy().into_owned();
    site.run(&["leaflet", page, "--lang", lang, "-o", &out_s])
        .assert_ok();
    let n = pages_of(&out);
    n + n % 2
}

#[test]
fn an_event_pack_is_its_cover_then_each_handouts_leaflet_ready_for_duplex() {
    let site = Site::fixture("basic");
    site.write("content/acara/paket.md", PACK_ID);
    site.write("content/acara/paket.ar.md", PACK_AR);
    site.build().assert_ok();

    let pdf = dist(&site, "packs/id/acara/paket.pdf");
    let expected = 2
        + padded_leaflet_pages(&site, "paspor/baru", "id")
        + padded_leaflet_pages(&site, "paspor/hilang", "id");
    assert_eq!(pages_of(&pdf), expected, "cover sheet + padded leaflets");
    assert_a4_portrait(&pdf, 1);
    assert_fonts_embedded(&pdf);
    assert_eq!(qr_of(&pdf, 1), "https://uji.example/acara/paket/");
    // The first leaflet starts on the third page, and its own QR code opens the handout in Indonesian.
    assert_eq!(qr_of(&pdf, 3), "https://uji.example/paspor/baru/");
    let text = tool("pdftotext", &[], &pdf);
    // The time is the site's (Asia/Jakarta).
    assert!(text.contains("09.00") || text.contains("09:00"), "{text}");
    assert!(text.contains("Aula Kantor"), "{text}");
    assert!(text.contains("Paspor Hilang"), "handout list: {text}");

    // The Arabic event's pack: Arabic cover, the Arabic leaflet of its handout.
    let pdf = dist(&site, "packs/ar/acara/paket.pdf");
    assert_eq!(
        pages_of(&pdf),
        2 + padded_leaflet_pages(&site, "paspor/baru", "ar")
    );
    assert_fonts_embedded(&pdf);
    assert_eq!(qr_of(&pdf, 1), "https://uji.example/ar/acara/paket/");
    let text = tool("pdftotext", &[], &pdf);
    assert!(text.contains("جلسة توعية"), "{text}");
    assert!(text.contains("جواز سفر جديد"), "{text}");
    // Only real versions get a pack: the English page falls back to Indonesian and has none.
    assert!(!site.out_exists("packs/en/acara/paket.pdf"));

    // The page links its pack and lists its handouts in its language.
    let page = site.out("ar/acara/paket/index.html");
    assert!(
        page.contains(r#"<a href="/packs/ar/acara/paket.pdf" type="application/pdf" download>"#)
    );
    assert!(
        page.contains(r#"<a href="/ar/paspor/baru/">جواز سفر جديد</a>"#),
        "{}",
        crate::harness::main_of(&page)
    );

    // The same input gives the same bytes.
    let first = std::fs::read(dist(&site, "packs/id/acara/paket.pdf")).unwrap();
    site.build().assert_ok();
    assert_eq!(
        first,
        std::fs::read(dist(&site, "packs/id/acara/paket.pdf")).unwrap()
    );
}

#[test]
fn an_unknown_handout_is_a_located_error_with_a_suggestion() {
    let site = Site::fixture("basic");
    site.write(
        "content/acara/paket.md",
        &PACK_ID.replace("../paspor/hilang.md", "../paspor/hilan.md"),
    );
    // `    - ../paspor/hilan.md` is line 12; the path starts in column 7.
    site.build()
        .assert_error("content/acara/paket.md:12:7", "unknown-handout")
        .assert_hint("../paspor/hilang.md");
    site.run(&["check"])
        .assert_error("content/acara/paket.md:12:7", "unknown-handout");
    // A section is not a guide.
    site.write(
        "content/acara/paket.md",
        &PACK_ID.replace("../paspor/hilang.md", "../paspor/_index.md"),
    );
    site.build()
        .assert_error("content/acara/paket.md:12:7", "unknown-handout");
}

#[test]
fn a_pages_own_image_is_its_share_image_with_real_size_and_alt() {
    let site = Site::fixture("basic");
    // A real picture, of a size that is not the share card's.
    image::RgbImage::new(40, 30)
        .save(site.path("content/paspor/bundel/denah.png"))
        .expect("write a PNG");
    let decoder = (40, 30);
    site.write(
        "content/paspor/bundel/index.md",
        "---\ntitle: Halaman Bundel\nweight: 3\nimage: { src: denah.png, alt: Denah loket layanan }\n---\n\n![Denah kantor](denah.png)\n",
    );
    site.build().assert_ok();
    let page = site.out("en/paspor/bundel/index.html");
    assert!(
        page.contains(
            r#"<meta property="og:image" content="https://uji.example/en/paspor/bundel/denah.png">"#
        ),
        "{page}"
    );
    assert!(page.contains(&format!(
        r#"<meta property="og:image:width" content="{}">"#,
        decoder.0
    )));
    assert!(page.contains(&format!(
        r#"<meta property="og:image:height" content="{}">"#,
        decoder.1
    )));
    assert!(page.contains(r#"<meta property="og:image:alt" content="Denah loket layanan">"#));
    assert!(page.contains(r#"<meta property="og:image:type" content="image/png">"#));
    // Other pages keep their section's card.
    let other = site.out("en/paspor/baru/index.html");
    assert!(other.contains(r#"content="https://uji.example/cards/en/paspor.png""#));

    // A file that is not in the bundle is located at its `src`.
    site.write(
        "content/paspor/bundel/index.md",
        "---\ntitle: Halaman Bundel\nimage:\n  src: denh.png\n  alt: Denah\n---\n",
    );
    site.build()
        .assert_error("content/paspor/bundel/index.md:4:8", "missing-image")
        .assert_hint("denah.png");
    // No alt text: the key is required.
    site.write(
        "content/paspor/bundel/index.md",
        "---\ntitle: Halaman Bundel\nimage:\n  src: denah.png\n---\n",
    );
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("content/paspor/bundel/index.md:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("alt"), "{}", run.stderr);
}
