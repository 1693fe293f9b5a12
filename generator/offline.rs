//! Reading without a connection and adding the site to a phone's home screen: the site's icons (from the
//! site's `static/logo.svg`, else the theme's `icons/icon.svg`), a web app manifest per language, and the
//! service worker's configuration (which pages and files each language keeps, and the build's version that
//! names its cache). The worker's script and the offline page are the theme's templates `sw.js` and
//! `offline.html`; everything here is pure.

use serde::Serialize;
use serde_json::json;

use crate::content::site::Site;
use crate::messages::Message;
use crate::msg;
use crate::theme::{FileSource, Theme};

/// The icons written at the output's root: name, and size in pixels (`favicon.ico` holds a 32 px PNG).
pub const ICONS: [(&str, u32); 4] = [
    ("favicon.ico", 32),
    ("apple-touch-icon.png", 180),
    ("icon-192.png", 192),
    ("icon-512.png", 512),
];

/// The theme colour of the browser's toolbar and of the home-screen splash (the theme's `--brand`).
pub const THEME_COLOR: &str = "#0b4a6f";

/// The SVG the icons are drawn from: the site's logo if it has one, else the theme's icon.
pub fn icon_source(theme: &Theme) -> Option<Vec<u8>> {
    match theme.statics.get("logo.svg") {
        Some(logo) => logo.read().ok(),
        None => theme.read("icons/icon.svg"),
    }
}

/// Whether the site provides `name` itself (in `static/`): then it is copied, not drawn.
pub fn provided(theme: &Theme, name: &str) -> bool {
    matches!(theme.statics.get(name), Some(FileSource::Disk(_)))
}

/// Draws the icon `name` (one of [`ICONS`]) from `svg`: the picture centred on a white square, as home
/// screens show icons on any background.
pub fn icon(svg: &[u8], name: &str) -> Result<Vec<u8>, Message> {
    let size = ICONS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, s)| *s)
        .ok_or_else(|| msg!("icon-unknown", name = name))?;
    let tree = resvg::usvg::Tree::from_data(svg, &resvg::usvg::Options::default())
        .map_err(|e| msg!("icon-not-svg", reason = e.to_string()))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size, size).ok_or_else(|| msg!("icon-size"))?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    let picture = tree.size();
    let scale = size as f32 / picture.width().max(picture.height());
    let (dx, dy) = (
        (size as f32 - picture.width() * scale) / 2.0,
        (size as f32 - picture.height() * scale) / 2.0,
    );
    let transform = resvg::tiny_skia::Transform::from_scale(scale, scale).post_translate(dx, dy);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    let png = pixmap
        .encode_png()
        .map_err(|e| msg!("icon-png", reason = e.to_string()))?;
    if !name.ends_with(".ico") {
        return Ok(png);
    }
    let image = ico::IconImage::read_png(std::io::Cursor::new(png.as_slice()))
        .map_err(|e| msg!("icon-png", reason = e.to_string()))?;
    let entry =
        ico::IconDirEntry::encode(&image).map_err(|e| msg!("icon-ico", reason = e.to_string()))?;
    let mut dir = ico::IconDir::new(ico::ResourceType::Icon);
    dir.add_entry(entry);
    let mut out = Vec::new();
    dir.write(&mut out)
        .map_err(|e| msg!("icon-ico", reason = e.to_string()))?;
    Ok(out)
}

/// Where a language's web app manifest is written.
pub fn manifest_path(site: &Site, lang: usize) -> String {
    site.config.lang_path(lang, "manifest.webmanifest")
}

/// Where a language's offline page is written.
pub fn offline_path(site: &Site, lang: usize) -> String {
    site.config.lang_path(lang, "offline/")
}

/// The web app manifest of a language: the site opens on that language's home page.
pub fn manifest(site: &Site, lang: usize) -> String {
    let config = &site.config;
    let language = &config.languages[lang];
    let icon = |name: &str, size: u32| json!({ "src": config.url(name), "sizes": format!("{size}x{size}"), "type": "image/png" });
    let mut value = json!({
        "name": language.title,
        "short_name": short_name(&language.title),
        "description": language.description,
        "lang": language.code,
        "dir": language.dir.as_str(),
        "start_url": config.url(&config.lang_path(lang, "")),
        "scope": config.url(""),
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": "#ffffff",
        "icons": [
            icon("icon-192.png", 192),
            icon("icon-512.png", 512),
            { "src": config.url("icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "maskable" },
        ],
    });
    if language.description.is_none() {
        if let Some(fields) = value.as_object_mut() {
            fields.remove("description");
        }
    }
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// A home-screen label: the title's first two words (launchers cut longer ones).
fn short_name(title: &str) -> String {
    title
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the service worker keeps for one language.
#[derive(Serialize)]
pub struct WorkerLanguage {
    /// The URL prefix of the language's pages (`/en/`; `/` for the default language, listed last).
    pub prefix: String,
    /// Its offline page.
    pub offline: String,
    /// Its home and section listings, kept after the first visit to any of its pages.
    pub pages: Vec<String>,
    /// Its search index manifest (the files it names are kept too), when search is on.
    pub search: Option<String>,
}

/// The languages as the worker sees them, longest prefix first so that `/en/…` is not taken for `/…`.
pub fn worker_languages(site: &Site) -> Vec<WorkerLanguage> {
    let config = &site.config;
    let mut out: Vec<WorkerLanguage> = (0..config.languages.len())
        .map(|lang| {
            let mut pages = vec![config.url(&config.lang_path(lang, ""))];
            pages.extend(
                site.sections
                    .iter()
                    .skip(1)
                    .map(|s| config.url(&s.paths[lang])),
            );
            WorkerLanguage {
                prefix: config.url(&config.lang_path(lang, "")),
                offline: config.url(&offline_path(site, lang)),
                pages,
                search: config.search_enabled.then(|| {
                    config.url(&format!(
                        "{}manifest.json",
                        crate::search::folder(site, lang)
                    ))
                }),
            }
        })
        .collect();
    out.sort_by_key(|l| std::cmp::Reverse(l.prefix.len()));
    out
}

/// The build's version, which names the worker's cache: a hash of everything a page shows, so a new build
/// with other content gets a new cache (and the old one is deleted), and the same site the same script.
pub fn version(site: &Site, asset_hashes: &[String]) -> String {
    let mut parts: Vec<&[u8]> = vec![env!("CARGO_PKG_VERSION").as_bytes()];
    for hash in asset_hashes {
        parts.push(hash.as_bytes());
    }
    for page in &site.pages {
        for v in page.variants.iter().flatten() {
            parts.push(v.file.as_bytes());
            parts.push(v.front.title.as_bytes());
            parts.push(v.body.html.as_bytes());
        }
    }
    for section in &site.sections {
        for v in section.variants.iter().flatten() {
            parts.push(v.front.title.as_bytes());
            parts.push(v.body.html.as_bytes());
        }
    }
    let hash = crate::fingerprint::of_parts(&parts);
    format!("{:016x}", (hash >> 64) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icons_are_drawn_at_their_sizes() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10"><rect width="20" height="10" fill="#0b4a6f"/></svg>"##;
        let png = icon(svg, "icon-192.png").unwrap();
        assert_eq!(&png[1..4], b"PNG");
        // Width and height in the IHDR chunk.
        assert_eq!(
            u32::from_be_bytes([png[16], png[17], png[18], png[19]]),
            192
        );
        assert_eq!(
            u32::from_be_bytes([png[20], png[21], png[22], png[23]]),
            192
        );
        let ico = icon(svg, "favicon.ico").unwrap();
        assert_eq!(&ico[..4], &[0, 0, 1, 0], "an ICO header");
        let dir = ico::IconDir::read(std::io::Cursor::new(&ico)).unwrap();
        assert_eq!(dir.entries()[0].width(), 32);
        assert!(icon(b"<svg", "icon-192.png").is_err());
    }

    #[test]
    fn short_names_fit_a_launcher() {
        assert_eq!(short_name("Layanan Imigrasi Lampung"), "Layanan Imigrasi");
        assert_eq!(short_name("خدمات الهجرة في لامبونغ"), "خدمات الهجرة");
    }
}
