//! Glossary links: the first use of each term in a body becomes a link to its entry on the glossary page.
//!
//! Works on the parsed events, never on HTML: only running text counts, not headings (their text is the
//! page's outline and its anchors), links (a link inside a link is invalid), code, images or raw HTML.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::{TermLink, GLOSSARY_PLACEHOLDER};

/// Where the walk is: text here may be linked only when every count is zero.
#[derive(Default)]
struct Context {
    headings: usize,
    links: usize,
    images: usize,
    code_blocks: usize,
}

impl Context {
    fn open(&self) -> bool {
        self.headings == 0 && self.links == 0 && self.images == 0 && self.code_blocks == 0
    }

    fn track(&mut self, e: &Event) {
        let (counter, delta) = match e {
            Event::Start(Tag::Heading { .. }) => (&mut self.headings, 1),
            Event::End(TagEnd::Heading(_)) => (&mut self.headings, -1),
            Event::Start(Tag::Link { .. }) => (&mut self.links, 1),
            Event::End(TagEnd::Link) => (&mut self.links, -1),
            Event::Start(Tag::Image { .. }) => (&mut self.images, 1),
            Event::End(TagEnd::Image) => (&mut self.images, -1),
            Event::Start(Tag::CodeBlock(_)) => (&mut self.code_blocks, 1),
            Event::End(TagEnd::CodeBlock) => (&mut self.code_blocks, -1),
            _ => return,
        };
        *counter = if delta > 0 {
            *counter + 1
        } else {
            counter.saturating_sub(1)
        };
    }
}

/// Links the first use of each term; a term already linked is not linked again on the page.
pub fn link_terms<'a>(
    events: Vec<(Event<'a>, Range<usize>)>,
    terms: &[TermLink],
) -> Vec<(Event<'a>, Range<usize>)> {
    let mut linked = vec![false; terms.len()];
    let mut ctx = Context::default();
    let mut out = Vec::with_capacity(events.len() + 8);
    for (event, span) in merge_text(events) {
        ctx.track(&event);
        match event {
            Event::Text(text) if ctx.open() && linked.iter().any(|l| !l) => {
                split_text(&text, &span, terms, &mut linked, &mut out);
            }
            other => out.push((other, span)),
        }
    }
    out
}

/// Joins adjacent text events (the parser splits text at some punctuation), so a term is found whole.
fn merge_text<'a>(events: Vec<(Event<'a>, Range<usize>)>) -> Vec<(Event<'a>, Range<usize>)> {
    let mut out: Vec<(Event<'a>, Range<usize>)> = Vec::with_capacity(events.len());
    for (event, span) in events {
        if let (Event::Text(next), Some((Event::Text(prev), prev_span))) = (&event, out.last_mut())
        {
            let mut joined = prev.to_string();
            joined.push_str(next);
            *prev = CowStr::from(joined);
            prev_span.end = span.end;
            continue;
        }
        out.push((event, span));
    }
    out
}

/// Emits `text` with each first use of a term wrapped in a link.
fn split_text<'a>(
    text: &str,
    span: &Range<usize>,
    terms: &[TermLink],
    linked: &mut [bool],
    out: &mut Vec<(Event<'a>, Range<usize>)>,
) {
    let mut rest = 0;
    // Lowercased once for the whole text: ASCII lowercasing keeps byte offsets, so each search slices it.
    let lower = text.to_ascii_lowercase();
    while let Some((term, start, end)) = first_match(text, &lower, rest, terms, linked) {
        linked[term] = true;
        if start > rest {
            out.push((
                Event::Text(CowStr::from(text[rest..start].to_string())),
                span.clone(),
            ));
        }
        let t = &terms[term];
        out.push((
            Event::InlineHtml(CowStr::from(format!(
                "<a class=\"term\" href=\"{GLOSSARY_PLACEHOLDER}#{}\" title=\"{}\">",
                escape(&t.id),
                escape(&t.title)
            ))),
            span.clone(),
        ));
        out.push((
            Event::Text(CowStr::from(text[start..end].to_string())),
            span.clone(),
        ));
        out.push((Event::InlineHtml(CowStr::Borrowed("</a>")), span.clone()));
        rest = end;
    }
    if rest < text.len() || rest == 0 {
        out.push((
            Event::Text(CowStr::from(text[rest..].to_string())),
            span.clone(),
        ));
    }
}

/// The earliest use at or after byte `from` of a term not linked yet (the longest form where two start
/// together): (term, start, end), byte offsets on char boundaries.
fn first_match(
    text: &str,
    lower: &str,
    from: usize,
    terms: &[TermLink],
    linked: &[bool],
) -> Option<(usize, usize, usize)> {
    let tail = text.get(from..)?;
    // A fast test first: a form that does not occur at all (in any ASCII case, for a form matched in any
    // case) cannot match, and most of a glossary's forms do not occur in a given paragraph. Lowercasing
    // ASCII keeps byte offsets, and the character-by-character `find_word` still decides.
    let lower_tail = lower.get(from..)?;
    let may_occur = |form: &str| {
        if !form.chars().any(char::is_lowercase) {
            tail.contains(form)
        } else if form.is_ascii() {
            lower_tail.contains(&form.to_ascii_lowercase())
        } else {
            true
        }
    };
    let mut best: Option<(usize, usize, usize)> = None;
    for (i, term) in terms.iter().enumerate().filter(|(i, _)| !linked[*i]) {
        for form in term.forms.iter().filter(|f| !f.trim().is_empty()) {
            if !may_occur(form) {
                continue;
            }
            if let Some((s, e)) = find_word(tail, form) {
                let (s, e) = (from + s, from + e);
                let better = best.is_none_or(|(_, bs, be)| s < bs || (s == bs && e > be));
                if better {
                    best = Some((i, s, e));
                }
            }
        }
    }
    best
}

/// Letters, digits and joiners that continue a word: `ITAS` is not found inside `e-ITAS`.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// The first whole-word use of `form` in `text`: byte range. A form with a lowercase letter matches in any
/// case (`Izin tinggal` at the start of a sentence); an all-capitals form (an acronym) only as written.
pub fn find_word(text: &str, form: &str) -> Option<(usize, usize)> {
    let any_case = form.chars().any(char::is_lowercase);
    let form: Vec<char> = form.chars().collect();
    let mut previous: Option<char> = None;
    for (start, first) in text.char_indices() {
        let at_boundary = previous.is_none_or(|p| !is_word_char(p));
        previous = Some(first);
        if !at_boundary {
            continue;
        }
        let mut chars = text[start..].char_indices();
        let mut end = start;
        let mut matched = true;
        for want in &form {
            match chars.next() {
                Some((offset, got)) if same(got, *want, any_case) => {
                    end = start + offset + got.len_utf8();
                }
                _ => {
                    matched = false;
                    break;
                }
            }
        }
        let ends_word = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
        if matched && ends_word {
            return Some((start, end));
        }
    }
    None
}

fn same(a: char, b: char, any_case: bool) -> bool {
    a == b || (any_case && a.to_lowercase().eq(b.to_lowercase()))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::super::render_with_terms;
    use super::*;

    fn terms() -> Vec<TermLink> {
        vec![
            TermLink {
                id: "term-itas".into(),
                forms: vec!["ITAS".into(), "izin tinggal terbatas".into()],
                title: "Izin Tinggal Terbatas".into(),
            },
            TermLink {
                id: "term-e-itas".into(),
                forms: vec!["e-ITAS".into()],
                title: "ITAS \"elektronik\"".into(),
            },
            TermLink {
                id: "term-pnbp".into(),
                forms: vec!["PNBP".into()],
                title: "Penerimaan Negara Bukan Pajak".into(),
            },
        ]
    }

    #[test]
    fn first_use_is_linked_once_outside_headings_links_and_code() {
        let md = "## ITAS\n\nAnda perlu e-ITAS. Izin tinggal terbatas dan ITAS lagi.\n\n[ITAS](a.md) `PNBP`\n\n```\nPNBP\n```\n\nBayar PNBP. PNBP lagi.\n";
        let html = render_with_terms(md, &terms()).html;
        assert_eq!(html.matches("class=\"term\"").count(), 3, "{html}");
        assert!(html.contains("<h2 id=\"itas\">ITAS</h2>"), "{html}");
        assert!(html.contains(
            "<a class=\"term\" href=\"suluh-glossary:#term-e-itas\" title=\"ITAS &quot;elektronik&quot;\">e-ITAS</a>"
        ));
        assert!(html.contains(
            "<a class=\"term\" href=\"suluh-glossary:#term-itas\" title=\"Izin Tinggal Terbatas\">Izin tinggal terbatas</a> dan ITAS lagi"
        ));
        assert!(html.contains("Bayar <a class=\"term\" href=\"suluh-glossary:#term-pnbp\""));
        assert!(html.contains("<code>PNBP</code>"));
    }

    #[test]
    fn whole_words_only_and_acronyms_match_as_written() {
        assert_eq!(find_word("KITAS dan ITAS", "ITAS"), Some((10, 14)));
        assert_eq!(find_word("itas", "ITAS"), None);
        assert_eq!(find_word("Izin Tinggal", "izin tinggal"), Some((0, 12)));
        assert_eq!(find_word("é ITAS.", "ITAS"), Some((3, 7)));
        assert_eq!(find_word("İİ ITAS", "itas"), Some((5, 9)));
    }

    #[test]
    fn raw_html_cannot_forge_a_glossary_link() {
        let html = render_with_terms("<a href=\"suluh-glossary:#x\">x</a>\n", &[]).html;
        assert!(!html.contains(GLOSSARY_PLACEHOLDER), "{html}");
    }
}
