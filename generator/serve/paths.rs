//! Which stored output a request path names. Pure: the served site lives in a map from output paths to bytes,
//! so a request can only ever reach a key of that map; anything that could mean a file outside it (`..`,
//! encoded `%2e%2e`, backslashes, absolute paths, NUL bytes, very long URLs) is refused before the lookup.

use super::files::Files;
use crate::output::OutputPath;

/// The longest request path served; longer ones are refused (`414 URI Too Long`).
pub const MAX_PATH_LEN: usize = 2048;

/// What to answer for a request path.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    /// Serve this stored output.
    File(String),
    /// A folder asked for without its trailing slash: redirect there, so relative links in it work.
    Redirect(String),
    /// Nothing stored there: answer 404 with this stored page (the language's `404.html`), if there is one.
    NotFound(Option<String>),
    /// The path is not a plain path inside the site (400).
    BadRequest,
    /// The path is longer than [`MAX_PATH_LEN`] (414).
    TooLong,
}

/// Maps the path of a request URL (as sent, still percent-encoded, without the query) to an answer.
/// `languages` are the codes of the site's other languages, whose 404 page lives under `<code>/404.html`.
pub fn lookup(files: &Files, raw_path: &str, languages: &[String]) -> Lookup {
    if raw_path.len() > MAX_PATH_LEN {
        return Lookup::TooLong;
    }
    let Some(decoded) = crate::percent::decode_strict(raw_path) else {
        return Lookup::BadRequest;
    };
    let Some(rel) = decoded.strip_prefix('/') else {
        return Lookup::BadRequest;
    };
    if rel.is_empty() {
        return found_or_404(files, "index.html".to_string(), rel, languages);
    }
    // Every segment must be safe; a trailing slash leaves one empty segment, which names the folder's index.
    let (inner, folder) = match rel.strip_suffix('/') {
        Some(inner) => (inner, true),
        None => (rel, false),
    };
    if OutputPath::new(inner).is_err() {
        return Lookup::BadRequest;
    }
    if folder {
        return found_or_404(files, format!("{inner}/index.html"), rel, languages);
    }
    if files.contains_key(inner) {
        return Lookup::File(inner.to_string());
    }
    if files.contains_key(&format!("{inner}/index.html")) {
        return Lookup::Redirect(format!("{}/", raw_path));
    }
    Lookup::NotFound(not_found_page(files, rel, languages))
}

fn found_or_404(files: &Files, key: String, rel: &str, languages: &[String]) -> Lookup {
    if files.contains_key(&key) {
        Lookup::File(key)
    } else {
        Lookup::NotFound(not_found_page(files, rel, languages))
    }
}

/// The 404 page in the language of the URL: `/en/...` gets `en/404.html`, everything else `404.html`.
fn not_found_page(files: &Files, rel: &str, languages: &[String]) -> Option<String> {
    let first = rel.split('/').next().unwrap_or("");
    let localized = languages
        .iter()
        .find(|code| code.as_str() == first)
        .map(|code| format!("{code}/404.html"))
        .filter(|key| files.contains_key(key));
    localized.or_else(|| {
        files
            .contains_key("404.html")
            .then(|| "404.html".to_string())
    })
}

/// The `Content-Type` of an output, from its extension.
pub fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "atom" => "application/atom+xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "wasm" => "application/wasm",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn site() -> Files {
        [
            "index.html",
            "404.html",
            "en/404.html",
            "en/index.html",
            "paspor/index.html",
            "paspor/paspor-baru/index.html",
            "style.css",
            "ar/تأشيرة/index.html",
        ]
        .into_iter()
        .map(|k| {
            (
                k.to_string(),
                Arc::new(super::super::files::Stored::new(b"x")),
            )
        })
        .collect()
    }

    fn langs() -> Vec<String> {
        vec!["en".into(), "ar".into()]
    }

    #[test]
    fn folders_serve_their_index() {
        let files = site();
        assert_eq!(
            lookup(&files, "/", &langs()),
            Lookup::File("index.html".into())
        );
        assert_eq!(
            lookup(&files, "/paspor/paspor-baru/", &langs()),
            Lookup::File("paspor/paspor-baru/index.html".into())
        );
        assert_eq!(
            lookup(&files, "/paspor", &langs()),
            Lookup::Redirect("/paspor/".into())
        );
        assert_eq!(
            lookup(&files, "/style.css", &langs()),
            Lookup::File("style.css".into())
        );
        assert_eq!(
            lookup(
                &files,
                "/ar/%D8%AA%D8%A3%D8%B4%D9%8A%D8%B1%D8%A9/",
                &langs()
            ),
            Lookup::File("ar/تأشيرة/index.html".into())
        );
    }

    #[test]
    fn missing_pages_get_the_404_of_their_language() {
        let files = site();
        assert_eq!(
            lookup(&files, "/en/nothing/", &langs()),
            Lookup::NotFound(Some("en/404.html".into()))
        );
        // No ar/404.html stored: the default language's.
        assert_eq!(
            lookup(&files, "/ar/nothing", &langs()),
            Lookup::NotFound(Some("404.html".into()))
        );
        assert_eq!(
            lookup(&files, "/english/", &langs()),
            Lookup::NotFound(Some("404.html".into()))
        );
        assert_eq!(
            lookup(&Files::new(), "/x", &langs()),
            Lookup::NotFound(None)
        );
    }

    #[test]
    fn traversal_is_refused() {
        let files = site();
        for bad in [
            "/../etc/passwd",
            "/paspor/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/paspor/%2e%2e/%2e%2e/",
            "//etc/passwd",
            "/%2Fetc/passwd",
            "/..%5c..%5cwindows",
            "/a/./b",
            "/a//b",
            "/x%00.html",
            "/%zz",
            "/%c0%ae%c0%ae/",
            "etc/passwd",
        ] {
            assert_eq!(lookup(&files, bad, &langs()), Lookup::BadRequest, "{bad}");
        }
        let long = format!("/{}", "a/".repeat(MAX_PATH_LEN));
        assert_eq!(lookup(&files, &long, &langs()), Lookup::TooLong);
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("search/id/index.json"), "application/json");
        assert_eq!(content_type("atom.xml"), "application/xml; charset=utf-8");
        assert_eq!(content_type("x/PHOTO.JPG"), "image/jpeg");
        assert_eq!(content_type("noext"), "application/octet-stream");
    }
}
