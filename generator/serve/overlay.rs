//! What `serve` adds to HTML responses (never to the stored pages): the live-reload script, and while the
//! last rebuild failed, an overlay listing its errors as `file:line:column`, message and hint.
//!
//! The overlay is rendered on the server, so it shows without JavaScript; every text in it comes from user
//! files and is HTML-escaped.

use serde::Serialize;

use crate::diagnostics::{Diagnostic, Sources};
use crate::messages::Lang;
use crate::msg;

/// Where the live-reload script is served.
pub const SCRIPT_PATH: &str = "/__suluh/livereload.js";

/// The live-reload script: reloads on every finished rebuild, keeping the scroll position.
pub const SCRIPT: &str = include_str!("livereload.js");

/// One error as the overlay shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Item {
    /// `path:line:column`, `path`, or empty for problems without a file.
    pub location: String,
    pub message: String,
    pub hint: Option<String>,
}

/// The errors of a run (warnings do not stop a rebuild, so they stay in the terminal).
pub fn items(diags: &[Diagnostic], sources: &Sources, lang: Lang) -> Vec<Item> {
    diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            let location = match (&d.file, &d.span) {
                (Some(f), Some(s)) => match sources.line_col(f, s.start) {
                    Some((line, col)) => format!("{f}:{line}:{col}"),
                    None => f.clone(),
                },
                (Some(f), None) => f.clone(),
                _ => String::new(),
            };
            Item {
                location,
                message: d.message.text(lang),
                hint: d.hint.as_ref().map(|h| h.text(lang)),
            }
        })
        .collect()
}

/// The overlay's HTML: an `aside` fixed over the page; the page stays readable and scrollable beneath. Its
/// words, and so its `lang`, are those of the editor's messages (`lang`), not of the page beneath.
pub fn html(items: &[Item], lang: Lang) -> String {
    if items.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<aside id=\"suluh-overlay\" role=\"alert\" lang=\"{}\" dir=\"ltr\" style=\"position:fixed;z-index:2147483647;\
         inset:auto 0 0 0;max-height:45vh;overflow:auto;margin:0;padding:1rem 1.25rem;background:#fff5f5;\
         color:#1a1a1a;border-top:4px solid #b00020;font:15px/1.45 system-ui,sans-serif;\
         box-shadow:0 -4px 16px rgba(0,0,0,.25)\">",
        lang.code()
    );
    out.push_str(&format!(
        "<button type=\"button\" onclick=\"this.parentNode.remove()\" style=\"float:right;font:inherit\">{}</button>\
         <h2 style=\"margin:0 0 .5rem;font-size:1.1rem;color:#b00020\">{}</h2><ol style=\"margin:0;padding-left:1.25rem\">",
        escape(&msg!("overlay-close").text(lang)),
        escape(&msg!("overlay-title", errors = items.len()).text(lang)),
    ));
    for item in items {
        out.push_str("<li style=\"margin:.35rem 0\">");
        if !item.location.is_empty() {
            out.push_str(&format!(
                "<code style=\"font-weight:bold\">{}</code>: ",
                escape(&item.location)
            ));
        }
        out.push_str(&escape(&item.message));
        if let Some(hint) = &item.hint {
            out.push_str(&format!(
                "<br><span style=\"color:#444\">{}</span>",
                escape(&msg!("help", hint = hint).text(lang))
            ));
        }
        out.push_str("</li>");
    }
    out.push_str("</ol></aside>");
    out
}

pub use crate::theme::escape;

/// Inserts `extra` before the last `</body>` (any letter case), or at the end when there is none.
pub fn inject(html: &[u8], extra: &str) -> Vec<u8> {
    let at = rfind_ascii_case_insensitive(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// What an HTML response gets: the overlay (if any) and the script tag.
pub fn additions(overlay: &str) -> String {
    format!("{overlay}<script src=\"{SCRIPT_PATH}\" defer></script>")
}

fn rfind_ascii_case_insensitive(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > haystack.len() {
        return None;
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&i| haystack[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::codes;
    use std::sync::Arc;

    #[test]
    fn injects_before_the_last_body_end() {
        let page = b"<html><body><p>x</p></BODY></html>";
        let out = String::from_utf8(inject(page, "<script></script>")).unwrap();
        assert_eq!(out, "<html><body><p>x</p><script></script></BODY></html>");
        let fragment = String::from_utf8(inject(b"<p>x</p>", "<s>")).unwrap();
        assert_eq!(fragment, "<p>x</p><s>");
        // A `</body>` inside the text comes before the real one.
        let tricky = b"<body><code>&lt;/body&gt;</body></code></body>";
        let out = String::from_utf8(inject(tricky, "|")).unwrap();
        assert!(out.ends_with("</code>|</body>"), "{out}");
    }

    #[test]
    fn overlay_escapes_user_text_and_names_positions() {
        let sources = Sources::default();
        sources.insert(
            "content/a.md",
            Arc::from("---\ntitle: <b>\n  bad: [\n---\n"),
        );
        let d = Diagnostic::error(
            codes::BAD_YAML,
            msg!(
                "yaml-other",
                problem = "unexpected `<script>alert(1)</script>`"
            ),
        )
        .at("content/a.md", 17..20)
        .with_hint(msg!(
            "hint-did-you-mean",
            suggestion = "close the \"list\" & retry"
        ));
        let warning = Diagnostic::warning(codes::BAD_YAML, msg!("yaml-other", problem = "x"));
        let items = items(&[d.clone(), warning.clone()], &sources, Lang::En);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].location, "content/a.md:3:3");
        let html = html(&items, Lang::En);
        assert!(html.contains("lang=\"en\""), "{html}");
        assert!(
            html.contains("<code style=\"font-weight:bold\">content/a.md:3:3</code>"),
            "{html}"
        );
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(!html.contains("<script>"), "{html}");
        assert!(
            html.contains("close the &quot;list&quot; &amp; retry"),
            "{html}"
        );
        assert!(super::html(&[], Lang::En).is_empty());
        // In Indonesian: the same item, Indonesian words around it, and `lang` saying so.
        let items = super::items(&[d, warning], &sources, Lang::Id);
        let html = super::html(&items, Lang::Id);
        assert!(html.contains("lang=\"id\""), "{html}");
        assert!(html.contains(">Tutup</button>"), "{html}");
        assert!(html.contains("1 kesalahan"), "{html}");
        assert!(html.contains("saran: mungkin maksud Anda"), "{html}");
        assert!(!html.contains("help:") && !html.contains("Close"), "{html}");
    }
}
