//! Leaflets from the build and from `suluh leaflet`: one PDF per language a page exists in, linked from the
//! page with its size, fonts embedded, text extractable, and a QR code that opens the page in that language.

use std::path::Path;
use std::process::Command;

use crate::harness::Site;

fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(name)
        .args(args)
        .arg(pdf)
        .args(if name == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|e| panic!("{name} must be installed (run .ci/run): {e}"));
    assert!(
        out.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Decodes the QR code on the first page of a PDF (rendered at 150 dpi, read with zbarimg).
fn qr_of(pdf: &Path, page: u32) -> String {
    let prefix = pdf.with_extension("qr");
    let status = Command::new("pdftoppm")
        .args([
            "-r",
            "150",
            "-png",
            "-f",
            &page.to_string(),
            "-l",
            &page.to_string(),
            "-singlefile",
        ])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm");
    assert!(status.success());
    let png = std::path::PathBuf::from(format!("{}.png", prefix.display()));
    let out = Command::new("zbarimg")
        .args(["--quiet", "--raw"])
        .arg(&png)
        .output()
        .expect("zbarimg must be installed");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn build_writes_a_leaflet_per_language_and_links_it() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    for lang in ["id", "en", "ar"] {
        let rel = format!("leaflets/{lang}/paspor/baru.pdf");
        assert!(site.out_exists(&rel), "missing {rel}");
        let pdf = site.root.join("dist").join(&rel);
        let size = std::fs::metadata(&pdf).unwrap().len();
        assert!(size < 300 * 1024, "{rel} is {size} bytes");
        let fonts = tool("pdffonts", &[], &pdf);
        for line in fonts.lines().skip(2) {
            let cols: Vec<&str> = line.split_whitespace().collect();
            let emb = cols[cols.len() - 5];
            assert_eq!(emb, "yes", "font not embedded in {rel}: {line}");
        }
    }
    // Only pages that ask for a leaflet get one.
    assert!(!site.out_exists("leaflets/id/paspor/hilang.pdf"));
    let page = site.out("en/paspor/baru/index.html");
    let link = regex_lite_find(
        &page,
        r#"<a href="/leaflets/en/paspor/baru.pdf" type="application/pdf" download>Download leaflet (PDF, "#,
    );
    assert!(link, "no leaflet link in the English page");
    let size_kb = std::fs::metadata(site.root.join("dist/leaflets/en/paspor/baru.pdf"))
        .unwrap()
        .len()
        .div_ceil(1024);
    assert!(
        page.contains(&format!("(PDF, {size_kb} KB)")),
        "link does not show the real size {size_kb} KB"
    );
}

fn regex_lite_find(text: &str, needle: &str) -> bool {
    text.contains(needle)
}

#[test]
fn leaflet_text_and_qr_code_per_language() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let id = site.root.join("dist/leaflets/id/paspor/baru.pdf");
    let text = tool("pdftotext", &[], &id);
    for needle in [
        "Paspor Baru",
        "Rp350.000",
        "Daftar di aplikasi M-Paspor",
        "Kantor Uji",
    ] {
        assert!(
            text.contains(needle),
            "`{needle}` missing from the leaflet text:\n{text}"
        );
    }
    let info = tool("pdfinfo", &[], &id);
    assert!(info.contains("Pages:           2"), "{info}");
    let size = info
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .unwrap_or_default();
    let dims: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(
        size.contains("(A4)") && dims.len() == 2 && dims[0] > dims[1],
        "not A4 landscape: {size}"
    );
    assert_eq!(
        qr_of(&id, 1) + &qr_of(&id, 2),
        "https://uji.example/paspor/baru/"
    );

    let ar = site.root.join("dist/leaflets/ar/paspor/baru.pdf");
    let text = tool("pdftotext", &[], &ar);
    assert!(
        text.contains("جواز سفر جديد"),
        "Arabic title not in logical order:\n{text}"
    );
    assert_eq!(
        qr_of(&ar, 1) + &qr_of(&ar, 2),
        "https://uji.example/ar/paspor/baru/"
    );
}

#[test]
fn leaflet_command_renders_on_demand() {
    let site = Site::fixture("basic");
    let out = site.root.join("hilang.pdf");
    site.run(&[
        "leaflet",
        "paspor/hilang",
        "--layout",
        "booklet",
        "-o",
        out.to_str().unwrap(),
    ])
    .assert_ok();
    let text = tool("pdftotext", &[], &out);
    assert!(text.contains("Paspor Hilang"), "{text}");
    let run = site.run(&["leaflet", "paspor/hilang", "--lang", "en"]);
    run.assert_error("", "untranslated");
    let run = site.run(&["leaflet", "paspor/hilng"]);
    run.assert_error("", "unknown-page")
        .assert_hint("did you mean `paspor/hilang`?");
}

#[test]
fn leaflet_template_errors_point_at_the_template() {
    let site = Site::fixture("basic");
    site.write("themes/default/leaflets/trifold.typ", "#let x = (\n");
    let run = site.build();
    run.assert_error("themes/default/leaflets/trifold.typ:", "leaflet-template");
}

/// Pixels of the first page (rendered at 50 dpi) that are pure magenta, the colour of the test logo.
fn magenta_pixels(pdf: &Path) -> usize {
    let prefix = pdf.with_extension("cover");
    let status = Command::new("pdftoppm")
        .args(["-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm");
    assert!(status.success());
    let img = image::open(format!("{}.png", prefix.display()))
        .expect("png")
        .to_rgb8();
    img.pixels()
        .filter(|p| p[0] > 240 && p[1] < 20 && p[2] > 240)
        .count()
}

#[test]
fn the_sites_logo_is_printed_on_the_cover() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let pdf = site.root.join("dist/leaflets/id/paspor/baru.pdf");
    assert_eq!(magenta_pixels(&pdf), 0, "no logo yet");
    site.write(
        "static/logo.svg",
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40"><rect width="40" height="40" fill="#ff00ff"/></svg>"##,
    );
    site.build().assert_ok();
    for lang in ["id", "ar"] {
        let pdf = site
            .root
            .join(format!("dist/leaflets/{lang}/paspor/baru.pdf"));
        assert!(magenta_pixels(&pdf) > 200, "{lang}: no logo on the cover");
    }
    // A logo that is not text is refused with the file named, not printed half-broken.
    site.write_bytes("static/logo.svg", &[0xff, 0xfe, 0x00, 0x3c]);
    site.run(&["build"])
        .assert_error("static/logo.svg", "not-utf8");
}
