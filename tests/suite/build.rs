//! What a successful build writes: URLs per language, switcher, fallbacks, feeds, sitemap, aliases, drafts.

use crate::harness::{main_of, Site};

fn built() -> Site {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    site
}

#[test]
fn urls_per_language() {
    let site = built();
    for path in [
        "index.html",
        "paspor/index.html",
        "paspor/baru/index.html",
        "en/index.html",
        "en/paspor/index.html",
        "en/paspor/baru/index.html",
        "ar/paspor/baru/index.html",
        "search/index.html",
        "en/search/index.html",
        "404.html",
        "en/404.html",
        "ar/404.html",
        "atom.xml",
        "en/atom.xml",
        "sitemap.xml",
        "tags/paspor/index.html",
        "en/tags/passport/index.html",
    ] {
        assert!(site.out_exists(path), "missing {path}");
    }
    let page = site.out("en/paspor/baru/index.html");
    assert!(page.contains("<h1>New Passport</h1>"));
    assert!(page.contains(r#"<html lang="en" dir="ltr">"#));
}

#[test]
fn switcher_and_hreflang() {
    let site = built();
    let page = site.out("paspor/baru/index.html");
    assert!(
        page.contains(r#"<a href="/en/paspor/baru/" lang="en" hreflang="en""#),
        "{page}"
    );
    assert!(page.contains(r#"<a href="/ar/paspor/baru/" lang="ar" hreflang="ar" dir="rtl""#));
    assert!(page.contains(
        r#"<a href="/paspor/baru/" lang="id" hreflang="id" dir="ltr" aria-current="page""#
    ));
    assert!(page.contains(
        r#"<link rel="alternate" hreflang="en" href="https://uji.example/en/paspor/baru/">"#
    ));
    assert!(page.contains(
        r#"<link rel="alternate" hreflang="x-default" href="https://uji.example/paspor/baru/">"#
    ));
    // An untranslated page has no alternates for languages it lacks.
    let lost = site.out("paspor/hilang/index.html");
    assert!(!lost.contains(r#"hreflang="en" href="https://uji.example/en/paspor/hilang/""#));
}

#[test]
fn missing_translation_falls_back_with_notice_and_noindex() {
    let site = built();
    let page = site.out("en/paspor/hilang/index.html");
    assert!(
        page.contains("not yet available in your language"),
        "{}",
        main_of(&page)
    );
    assert!(page.contains("Paspor Hilang"));
    assert!(page.contains(r#"<meta name="robots" content="noindex">"#));
    assert!(page.contains(r#"lang="id""#));
    let original = site.out("paspor/hilang/index.html");
    assert!(!original.contains("noindex"));
    assert!(!site.out("sitemap.xml").contains("/en/paspor/hilang/"));
    // A section without a translation shows its Indonesian title and text marked as Indonesian, so that an
    // Arabic page lays them out left to right.
    let section_page = site.out("ar/acara/index.html");
    let section = main_of(&section_page);
    assert!(
        section.contains("<div lang=\"id\" dir=\"ltr\">\n<h1>"),
        "{section}"
    );
    let translated_page = site.out("paspor/index.html");
    let translated = main_of(&translated_page);
    assert!(!translated.contains("lang=\"id\""), "{translated}");
}

#[test]
fn arabic_is_right_to_left() {
    let site = built();
    let page = site.out("ar/paspor/baru/index.html");
    assert!(page.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(page.contains("جواز سفر جديد"));
    // Fees are formatted per language.
    assert!(page.contains("350,000 روبية"), "{}", main_of(&page));
    assert!(site.out("paspor/baru/index.html").contains("Rp350.000"));
    assert!(site
        .out("en/paspor/baru/index.html")
        .contains("IDR 350,000"));
}

#[test]
fn procedure_page_shows_requirements_fees_time_steps_contact() {
    let site = built();
    let main = main_of(&site.out("paspor/baru/index.html")).to_string();
    assert!(main.contains("e-KTP <strong>asli</strong>"));
    assert!(main.contains("Rp1.000.000"));
    assert!(main.contains("4 hari kerja"));
    assert!(main.contains("<li>Daftar di aplikasi M-Paspor.</li>"));
    // Contact: page → section (hours) → site (office, phone).
    assert!(main.contains("Senin–Jumat 08.00–16.00"));
    assert!(main.contains("Kantor Uji"));
    assert!(main.contains(r#"href="tel:+6272541234""#));
    assert!(main.contains(r#"<time datetime="2026-11-01">1 November 2026</time>"#));
}

#[test]
fn drafts_only_with_flag() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    assert!(!site.out_exists("paspor/draf/index.html"));
    site.run(&["build", "--drafts"]).assert_ok();
    assert!(site.out_exists("paspor/draf/index.html"));
}

#[test]
fn aliases_redirect() {
    let site = built();
    let alias = site.out("paspor/lama-baru/index.html");
    assert!(alias.contains(r#"<meta http-equiv="refresh" content="0; url=/paspor/baru/">"#));
    assert!(alias.contains(r#"<link rel="canonical" href="https://uji.example/paspor/baru/">"#));
    assert!(alias.contains(r#"<a href="/paspor/baru/">"#));
}

#[test]
fn internal_links_resolve_in_the_same_language() {
    let site = built();
    let id = site.out("paspor/baru/index.html");
    assert!(
        id.contains(r#"<a href="/paspor/hilang/#denda">paspor hilang</a>"#),
        "{}",
        main_of(&id)
    );
    let en = site.out("en/paspor/baru/index.html");
    // hilang has no English version: the link still stays in English (its fallback page).
    assert!(en.contains(r#"<a href="/en/paspor/hilang/">lost passport</a>"#));
    // A link to a language file goes to that language.
    assert!(en.contains(r#"<a href="/ar/paspor/baru/">the Arabic version</a>"#));
    // The fallback page's Indonesian body links to English URLs.
    let fallback = site.out("en/paspor/hilang/index.html");
    assert!(fallback.contains(r#"<a href="/en/paspor/baru/">paspor baru</a>"#));
    let home = site.out("en/index.html");
    assert!(home.contains(r#"<a href="/en/paspor/baru/">new passport</a>"#));
}

#[test]
fn sitemap_lists_alternates_and_is_valid_xml() {
    let site = built();
    let xml = site.out("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("sitemap is well-formed XML");
    let urls: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(urls.contains(&"https://uji.example/paspor/baru/"));
    assert!(urls.contains(&"https://uji.example/ar/paspor/baru/"));
    assert!(!urls.iter().any(|u| u.contains("draf")));
    let alternates = doc
        .descendants()
        .filter(|n| n.has_tag_name(("http://www.w3.org/1999/xhtml", "link")))
        .filter(|n| n.attribute("href") == Some("https://uji.example/en/paspor/baru/"))
        .count();
    // One per language version of the page (id, en, ar) lists the English alternate.
    assert_eq!(alternates, 3);
}

/// Suluh writes the default sitemap directly rather than through Tera (it is most of a `serve` rebuild after
/// a date edit on a large site); the default template, given as the site's own, must render the same bytes.
#[test]
fn sitemap_written_directly_equals_the_default_template() {
    let site = Site::fixture("basic");
    // A page whose URL needs escaping in XML, and one without a date (no `lastmod`).
    site.write(
        "content/paspor/syarat.md",
        "---\ntitle: Syarat\nslug: syarat-&-biaya\n---\n\nTeks.\n",
    );
    site.build().assert_ok();
    let direct = site.out("sitemap.xml");
    assert!(direct.contains("syarat-&amp;-biaya"), "{direct}");
    let template = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default/templates/sitemap.xml"),
    )
    .unwrap();
    site.write("templates/sitemap.xml", &template);
    site.build().assert_ok();
    assert_eq!(site.out("sitemap.xml"), direct);
    // And a site's own sitemap template is used.
    site.write(
        "templates/sitemap.xml",
        "<urlset>{{ urls | length }}</urlset>\n",
    );
    site.build().assert_ok();
    assert!(site.out("sitemap.xml").starts_with("<urlset>"));
}

#[test]
fn atom_feeds_per_language() {
    let site = built();
    for (path, lang, title) in [
        ("atom.xml", "id", "Paspor Baru"),
        ("en/atom.xml", "en", "New Passport"),
    ] {
        let xml = site.out(path);
        let doc = roxmltree::Document::parse(&xml).expect("feed is well-formed XML");
        let root = doc.root_element();
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2005/Atom")
        );
        assert_eq!(
            root.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
            Some(lang)
        );
        let titles: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("entry"))
            .filter_map(|e| {
                e.children()
                    .find(|c| c.has_tag_name("title"))
                    .and_then(|t| t.text())
            })
            .collect();
        assert!(titles.contains(&title), "{titles:?}");
        for entry in doc.descendants().filter(|n| n.has_tag_name("entry")) {
            for required in ["id", "title", "updated"] {
                assert!(
                    entry.children().any(|c| c.has_tag_name(required)),
                    "entry without {required}"
                );
            }
        }
    }
}

#[test]
fn bundle_assets_are_copied_beside_each_language() {
    let site = built();
    assert!(site.out_exists("paspor/bundel/denah.png"));
    assert!(site.out_exists("en/paspor/bundel/denah.png"));
    assert!(site
        .out("paspor/bundel/index.html")
        .contains(r#"<img src="denah.png" alt="Denah kantor""#));
}

#[test]
fn pagination_and_sorting() {
    let site = built();
    let first = site.out("berita/index.html");
    let second = site.out("berita/page/2/index.html");
    assert!(site.out_exists("berita/page/3/index.html"));
    assert!(!site.out_exists("berita/page/4/index.html"));
    let main1 = main_of(&first);
    assert!(main1.find("Berita 1").unwrap() < main1.find("Berita 2").unwrap());
    assert!(!main1.contains("Berita 3"));
    assert!(main_of(&second).contains("Berita 3"));
    assert!(first.contains(r#"href="/berita/page/2/" rel="next""#));
    assert!(second.contains(r#"href="/berita/" rel="prev""#));
}

#[test]
fn events_are_split_into_upcoming_and_past() {
    let site = built();
    let main = main_of(&site.out("acara/index.html")).to_string();
    let upcoming = main.find("Seminar Keimigrasian").expect("upcoming listed");
    let past_heading = main
        .find("Kegiatan yang telah berlangsung")
        .expect("past heading");
    let past = main.find("Sosialisasi Lampau").expect("past listed");
    assert!(upcoming < past_heading && past_heading < past);
    assert!(main.contains("14 Maret 2031, 09.00–12.00 WIB"), "{main}");
    let page = site.out("acara/seminar/index.html");
    assert!(page.contains(r#"<time datetime="2031-03-14T02:00:00Z">"#));
    // The home page lists upcoming events.
    assert!(main_of(&site.out("index.html")).contains("Seminar Keimigrasian"));
}

#[test]
fn tags_per_language() {
    let site = built();
    let tag = main_of(&site.out("tags/paspor/index.html")).to_string();
    assert!(tag.contains("Paspor Baru") && tag.contains("Paspor Hilang"));
    assert!(site.out("tags/index.html").contains("wni"));
    assert!(main_of(&site.out("en/tags/passport/index.html")).contains("New Passport"));
    assert!(!site.out_exists("en/tags/paspor/index.html"));
}

#[test]
fn output_is_deterministic() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let first = site.snapshot();
    site.build().assert_ok();
    assert_eq!(first, site.snapshot());
}

#[test]
fn failed_build_leaves_previous_output_untouched() {
    let site = built();
    let before = site.snapshot();
    site.write(
        "content/paspor/baru.md",
        "---\ntitle: Baru\n\tweight: 1\n---\n",
    );
    site.build()
        .assert_error("content/paspor/baru.md:3:", "yaml-syntax");
    assert_eq!(before, site.snapshot(), "dist changed after a failed build");
    // No staging folders are left behind.
    let leftovers: Vec<_> = std::fs::read_dir(&site.root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("suluh-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn raw_html_is_sanitised() {
    let site = Site::fixture("basic");
    site.write(
        "content/paspor/xss.md",
        "---\ntitle: X\n---\n\n<script>alert(1)</script>\n\n<a href=\"javascript:alert(2)\" onclick=\"x()\">a</a> [b](javascript:alert(3))\n",
    );
    let run = site.build();
    run.assert_ok();
    let page = site.out("paspor/xss/index.html");
    let main = main_of(&page).to_lowercase();
    assert!(!main.contains("<script"), "{main}");
    assert!(!main.contains("javascript:"), "{main}");
    assert!(!main.contains("onclick"), "{main}");
    assert!(run.stderr.contains("unsafe link"), "{}", run.stderr);
    // The build drops Markdown texts after linking; a warning found before must still show its line.
    assert!(
        run.stderr.contains("content/paspor/xss.md:7:")
            && run.stderr.contains("7 │ <a href=\"javascript:alert(2)\""),
        "{}",
        run.stderr
    );
}

#[test]
fn base_url_override_and_output_folder() {
    let site = Site::fixture("basic");
    let out = site.root.join("public");
    site.run(&[
        "build",
        "--base-url",
        "https://example.org/sub/",
        "--output",
        out.to_str().unwrap(),
    ])
    .assert_ok();
    let page = std::fs::read_to_string(out.join("en/paspor/baru/index.html")).unwrap();
    assert!(page.contains(r#"href="/sub/en/paspor/hilang/""#));
    assert!(
        page.contains(r#"<link rel="canonical" href="https://example.org/sub/en/paspor/baru/">"#)
    );
}

#[test]
fn site_templates_override_the_theme() {
    let site = Site::fixture("basic");
    site.write("templates/404.html", "{% extends \"base.html\" %}{% block main %}<h1>Custom 404 {{ lang }}</h1>{% endblock main %}");
    site.build().assert_ok();
    assert!(site.out("en/404.html").contains("<h1>Custom 404 en</h1>"));
    assert!(site
        .out("paspor/baru/index.html")
        .contains("<h1>Paspor Baru</h1>"));
}

#[test]
fn progress_stays_off_when_stderr_is_not_a_terminal() {
    let site = Site::fixture("basic");
    let run = site.build();
    run.assert_ok();
    // Piped (as in CI): the diagnostics and the summary line only, no redraws or escape codes.
    assert!(
        !run.stderr.contains('\r') && !run.stderr.contains('\u{1b}'),
        "{:?}",
        run.stderr
    );
    assert!(!run.stderr.contains("leaflets ["), "{}", run.stderr);
    assert!(run.stderr.trim_end().ends_with("ms."), "{}", run.stderr);
}

#[test]
fn progress_shows_leaflets_and_pages_on_a_terminal() {
    let site = Site::fixture("basic");
    let log = site.root.join("../tty.log");
    // `script` gives the build a pseudo-terminal, as an editor's terminal would.
    let command = format!("{} build", env!("CARGO_BIN_EXE_suluh"));
    let status = std::process::Command::new("script")
        .args(["-qfec", &command])
        .arg(&log)
        .current_dir(&site.root)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .env("TERM", "xterm")
        .stdout(std::process::Stdio::null())
        .status()
        .expect("`script` (util-linux) must be installed");
    assert!(status.success());
    let shown = std::fs::read_to_string(&log).unwrap();
    for stage in ["leaflets [", "pages [", "search ["] {
        assert!(shown.contains(stage), "no `{stage}` in {shown:?}");
    }
    // The display is cleared before the summary line.
    assert!(shown.contains("\u{1b}[2KBuilt "), "{shown:?}");
    assert!(site.out_exists("index.html"));
}
