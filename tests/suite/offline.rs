//! Reaching readers with a weak signal: icons, web app manifests, the offline page and the service worker,
//! and reading offline in headless Chromium (tests/browser/offline.mjs).

use std::process::Command;

use crate::harness::{repo, Site};

#[test]
fn icons_manifests_and_the_worker_are_written_and_linked() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    for (name, size) in [
        ("icon-192.png", 192),
        ("icon-512.png", 512),
        ("apple-touch-icon.png", 180),
    ] {
        let png = std::fs::read(site.path(&format!("dist/{name}"))).unwrap();
        let image = image::load_from_memory(&png).unwrap();
        assert_eq!((image.width(), image.height()), (size, size), "{name}");
    }
    let ico = std::fs::read(site.path("dist/favicon.ico")).unwrap();
    assert_eq!(&ico[..4], &[0, 0, 1, 0]);

    let manifest: serde_json::Value =
        serde_json::from_str(&site.out("en/manifest.webmanifest")).unwrap();
    assert_eq!(manifest["start_url"], "/en/");
    assert_eq!(manifest["lang"], "en");
    assert_eq!(manifest["icons"][1]["src"], "/icon-512.png");
    let ar: serde_json::Value = serde_json::from_str(&site.out("ar/manifest.webmanifest")).unwrap();
    assert_eq!(
        (ar["dir"].as_str(), ar["start_url"].as_str()),
        (Some("rtl"), Some("/ar/"))
    );

    let page = site.out("en/paspor/baru/index.html");
    assert!(page.contains(r#"<link rel="manifest" href="/en/manifest.webmanifest">"#));
    assert!(page.contains(r#"<link rel="icon" href="/favicon.ico" sizes="32x32">"#));
    assert!(page.contains("navigator.serviceWorker.register('/sw.js')"));
    assert!(site
        .out("ar/offline/index.html")
        .contains(r#"<html lang="ar" dir="rtl">"#));

    // The worker's cache is named after the content: the same site, the same script; new content, a new one.
    let worker = site.out("sw.js");
    site.build().assert_ok();
    assert_eq!(site.out("sw.js"), worker);
    site.write(
        "content/paspor/hilang.md",
        &std::fs::read_to_string(site.path("content/paspor/hilang.md"))
            .unwrap()
            .replace("Laporkan ke polisi.", "Laporkan segera."),
    );
    site.build().assert_ok();
    assert_ne!(site.out("sw.js"), worker);

    // `offline: { enabled: false }` leaves out the worker, manifests and offline pages, not the icons.
    let config = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        &format!("{config}offline: {{ enabled: false }}\n"),
    );
    site.build().assert_ok();
    assert!(!site.path("dist/sw.js").exists());
    assert!(!site.path("dist/manifest.webmanifest").exists());
    assert!(!site.out("paspor/baru/index.html").contains("serviceWorker"));
    assert!(site.path("dist/favicon.ico").exists());
}

#[test]
fn a_sites_logo_becomes_its_icon() {
    let site = Site::fixture("basic");
    site.write(
        "static/logo.svg",
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#ff0000"/></svg>"##,
    );
    site.build().assert_ok();
    let image = image::load_from_memory(&std::fs::read(site.path("dist/icon-192.png")).unwrap())
        .unwrap()
        .to_rgba8();
    assert_eq!(image.get_pixel(96, 96).0, [255, 0, 0, 255]);
}

/// The service worker in headless Chromium: offline reload, the offline page, search from the kept index,
/// a new build seen online, and nothing different with JavaScript off.
#[test]
fn pages_stay_readable_offline() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let out = Command::new("node")
        .arg(repo().join("tests/browser/offline.mjs"))
        .env("SULUH_OFFLINE_ROOT", &site.root)
        .env("SULUH_BIN", env!("CARGO_BIN_EXE_suluh"))
        .output()
        .expect("node must be installed (run .ci/run)");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{report}");
    assert!(!report.contains("FAIL"), "{report}");
}

/// Every page carries Open Graph tags in its language whose image exists, and guides a share block of
/// plain links (nothing is loaded from another site until the reader taps one).
#[test]
fn pages_have_share_previews_and_guides_a_share_block() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let dist = site.path("dist");
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&dist) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(path).unwrap();
        if html.contains(r#"http-equiv="refresh""#) {
            continue; // Redirects of aliases are never shared.
        }
        pages += 1;
        let meta = |property: &str| {
            let start = format!(r#"<meta property="{property}" content=""#);
            html.split(&start)
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .map(str::to_string)
                .unwrap_or_else(|| panic!("{}: no {property}", path.display()))
        };
        assert!(!meta("og:title").is_empty());
        let lang = html
            .split(r#"<html lang=""#)
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let locale = meta("og:locale");
        assert!(
            locale.starts_with(&format!("{lang}_")),
            "{}: {locale}",
            path.display()
        );
        let image = meta("og:image");
        let file = image
            .strip_prefix("https://uji.example/")
            .expect("an absolute image URL");
        let png = image::load_from_memory(&std::fs::read(dist.join(file)).unwrap()).unwrap();
        assert_eq!(png.width().to_string(), meta("og:image:width"));
        assert_eq!(png.height().to_string(), meta("og:image:height"));
    }
    assert!(pages > 20, "{pages} pages");
    let guide = site.out("paspor/baru/index.html");
    assert!(
        guide.contains(r#"<meta property="og:url" content="https://uji.example/paspor/baru/">"#)
    );
    assert!(guide.contains(r#"<a href="https://wa.me/?text=Paspor%20Baru%20https%3A%2F%2Fuji%2Eexample%2Fpaspor%2Fbaru%2F" rel="noopener">WhatsApp</a>"#), "{guide}");
    assert!(guide.contains(
        r#"<input id="share-url" type="url" value="https://uji.example/paspor/baru/" readonly>"#
    ));
    // A guide's preview shows its section's card in its language; the home page the site's.
    assert!(site.out("ar/paspor/baru/index.html").contains(
        r#"<meta property="og:image" content="https://uji.example/cards/ar/paspor.png">"#
    ));
    assert!(site
        .out("index.html")
        .contains(r#"<meta property="og:image" content="https://uji.example/cards/id/site.png">"#));
    // A fallback page (shown in another language) is not offered for sharing.
    assert!(!site.out("en/paspor/hilang/index.html").contains("wa.me"));
}
