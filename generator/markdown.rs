//! Markdown bodies → HTML, parsed once per file with pulldown-cmark.
//!
//! One pass yields everything later stages need: the HTML (internal `.md` links left as placeholders until
//! the link step knows every URL), headings with stable unique ids, the first ordered list as the step list,
//! plain text for search, and the byte spans that diagnostics point at.

use crate::diagnostics::{codes, Message};
use crate::msg;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

mod terms;

pub use terms::find_word;

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

/// Internal links are written into the HTML as `suluh-link:N:` and replaced once targets are known.
pub const LINK_PLACEHOLDER: &str = "suluh-link:";

/// Links to the glossary page start with this, replaced by the page's URL in the language the body is
/// shown in (a page shown in place of a missing translation links the reader's glossary).
pub const GLOSSARY_PLACEHOLDER: &str = "suluh-glossary:";

/// A glossary term to link on its first use in a body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermLink {
    /// Fragment id on the glossary page (`term-itas`).
    pub id: String,
    /// The ways a page may write it; one with a lowercase letter matches in any case, an acronym exactly.
    pub forms: Vec<String>,
    /// The explanation, shown as the link's title.
    pub title: String,
}

/// A link to another Markdown file, to be resolved to a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InternalLink {
    /// The path as written, without the anchor (`../visa/visa-kunjungan.md`).
    pub path: String,
    pub anchor: Option<String>,
    /// Byte range in the body.
    pub span: Range<usize>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub title: String,
    #[serde(skip)]
    pub span: Range<usize>,
}

/// A run of inline text with its formatting, for renderers that are not HTML (leaflets).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Inline {
    pub text: String,
    pub strong: bool,
    pub emph: bool,
    pub code: bool,
}

/// One step of a procedure, as HTML and as formatted runs.
#[derive(Clone, Debug, Serialize)]
pub struct Step {
    pub html: String,
    #[serde(skip)]
    pub inlines: Vec<Inline>,
}

#[derive(Clone, Debug)]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub span: Range<usize>,
}

/// Something in the Markdown worth a warning (kept as data; the caller knows the file).
#[derive(Clone, Debug)]
pub struct Note {
    pub code: &'static str,
    pub span: Range<usize>,
    pub message: Message,
    pub hint: Message,
}

/// The result of rendering one body.
#[derive(Clone, Debug, Default)]
pub struct Rendered {
    /// Shared: `serve` links the same loaded body again after every edit without copying it.
    pub html: std::sync::Arc<str>,
    pub links: Vec<InternalLink>,
    pub headings: Vec<Heading>,
    pub steps: Vec<Step>,
    /// Plain text, for search and summaries (shared, like `html`).
    pub text: std::sync::Arc<str>,
    pub has_raw_html: bool,
    pub images: Vec<Image>,
    /// Links without any text or image inside (`[](x.md)`).
    pub empty_links: Vec<Range<usize>>,
    /// `http:` and `https:` links, for `check --external`.
    pub external_links: Vec<ExternalLink>,
    pub notes: Vec<Note>,
    /// Where elements first nest deeper than [`MAX_NESTING`], if they do (an error for the caller).
    pub too_deep: Option<Range<usize>>,
}

/// The deepest nesting of elements (Markdown blocks and raw HTML tags together) a body may have. HTML
/// parsers, ammonia's included, check the stack of open elements at each tag, so their time grows with the
/// square of the nesting depth; this bound keeps sanitising linear in the body's length while leaving room
/// for 500 nested lists.
pub const MAX_NESTING: usize = 1024;

/// HTML elements that never hold content, so never nest.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Follows the nesting depth through the tags of a raw HTML fragment; returns the deepest level reached.
fn raw_html_depth(raw: &str, depth: &mut usize) -> usize {
    let mut deepest = *depth;
    let bytes = raw.as_bytes();
    let mut i = 0;
    while let Some(at) = raw[i..].find('<') {
        let start = i + at + 1;
        i = start;
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_len = bytes[name_start.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = raw[name_start..name_start + name_len].to_ascii_lowercase();
        let end = raw[name_start..].find('>').map(|e| name_start + e);
        let self_closing = end.is_some_and(|e| bytes[e - 1] == b'/');
        if closing {
            *depth = depth.saturating_sub(1);
        } else if !self_closing && !VOID_ELEMENTS.contains(&name.as_str()) {
            *depth += 1;
            deepest = deepest.max(*depth);
        }
    }
    deepest
}

/// A link to another website, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExternalLink {
    pub url: String,
    /// Byte range in the body.
    pub span: Range<usize>,
}

/// The Markdown dialect of every body, for rules that parse a body themselves (`check`).
pub(crate) fn parser_options() -> Options {
    options()
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders a page or section body.
pub fn render(body: &str) -> Rendered {
    render_with_terms(body, &[])
}

/// Renders a body, linking the first use of each of `terms` to its glossary entry.
pub fn render_with_terms(body: &str, terms: &[TermLink]) -> Rendered {
    let mut events: Vec<(Event, Range<usize>)> = Parser::new_ext(body, options())
        .into_offset_iter()
        .collect();
    let mut out = Rendered {
        headings: assign_heading_ids(&mut events),
        ..Rendered::default()
    };
    let events = transform(events, &mut out);
    out.steps = first_ordered_list(&events);
    // After the steps: leaflets print them, and a glossary link means nothing on paper.
    let events = if terms.is_empty() {
        events
    } else {
        crate::markdown::terms::link_terms(events, terms)
    };
    let mut html_out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut html_out, events.into_iter().map(|(e, _)| e));
    out.html = classes_for_alignment(html_out).into();
    out
}

/// Renders one line of inline Markdown (a requirement, a step from front matter). Raw HTML is shown as text.
pub fn render_inline(text: &str) -> (String, Vec<Inline>) {
    let events: Vec<Event> = Parser::new_ext(text, options())
        .map(|e| match e {
            Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: safe_url(dest_url).unwrap_or(CowStr::Borrowed("#")),
                title,
                id,
            }),
            other => other,
        })
        .collect();
    let inlines = inline_runs(&events);
    let mut html_out = String::new();
    html::push_html(&mut html_out, events.into_iter());
    let trimmed = html_out.trim_end();
    let inner = trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
        .unwrap_or(trimmed);
    (inner.to_string(), inlines)
}

/// Gives every heading an id: the explicit `{#id}` if written, else one derived from its text, unique in
/// the page (`-1`, `-2` … for repeats).
fn assign_heading_ids(events: &mut [(Event, Range<usize>)]) -> Vec<Heading> {
    let mut used: HashSet<String> = events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
            _ => None,
        })
        .collect();
    let mut next_suffix: HashMap<String, usize> = HashMap::new();
    let mut headings = Vec::new();
    for i in 0..events.len() {
        let (level, explicit) = match &events[i].0 {
            Event::Start(Tag::Heading { level, id, .. }) => {
                (*level, id.as_ref().map(|s| s.to_string()))
            }
            _ => continue,
        };
        let title = heading_text(&events[i + 1..]);
        let id = match explicit {
            Some(id) => id,
            None => {
                let base = slugify(&title);
                let base = if base.is_empty() {
                    "section".to_string()
                } else {
                    base
                };
                let mut id = base.clone();
                if used.contains(&id) {
                    // Continue from the last suffix given to this base: a page with thousands of equal
                    // headings would otherwise try every earlier suffix again for each one (quadratic).
                    let n = next_suffix.entry(base.clone()).or_insert(1);
                    loop {
                        id = format!("{base}-{n}");
                        *n += 1;
                        if !used.contains(&id) {
                            break;
                        }
                    }
                }
                used.insert(id.clone());
                if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i].0 {
                    *slot = Some(CowStr::from(id.clone()));
                }
                id
            }
        };
        headings.push(Heading {
            level: level_number(level),
            id,
            title,
            span: events[i].1.clone(),
        });
    }
    headings
}

fn heading_text(events: &[(Event, Range<usize>)]) -> String {
    let mut text = String::new();
    for (e, _) in events {
        match e {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text.trim().to_string()
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// An id or URL slug from any text: lowercase letters and digits of any script, words joined by `-`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_') && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches('-').to_string()
}

/// Rewrites links, records images and text, and neutralises unsafe URLs, in one walk over the events.
fn transform<'a>(
    events: Vec<(Event<'a>, Range<usize>)>,
    out: &mut Rendered,
) -> Vec<(Event<'a>, Range<usize>)> {
    let mut result = Vec::with_capacity(events.len() + 8);
    // Plain text is gathered here and stored once, shared, at the end.
    let mut text = String::new();
    let mut image: Option<(String, String, Range<usize>)> = None;
    // Open links and whether anything readable was seen inside them yet.
    let mut open_links: Vec<(Range<usize>, bool)> = Vec::new();
    let mut depth = 0usize;
    for (event, span) in events {
        let deepest = match &event {
            Event::Start(_) => {
                depth += 1;
                depth
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                depth
            }
            Event::Html(raw) | Event::InlineHtml(raw) => raw_html_depth(raw, &mut depth),
            _ => depth,
        };
        if deepest > MAX_NESTING && out.too_deep.is_none() {
            out.too_deep = Some(span.clone());
        }
        match &event {
            Event::Start(Tag::Link { .. }) => open_links.push((span.clone(), false)),
            Event::End(TagEnd::Link) => {
                if let Some((link_span, false)) = open_links.pop() {
                    out.empty_links.push(link_span);
                }
            }
            Event::Text(t) | Event::Code(t) if !t.trim().is_empty() => {
                open_links.iter_mut().for_each(|l| l.1 = true);
            }
            Event::Start(Tag::Image { .. }) => open_links.iter_mut().for_each(|l| l.1 = true),
            _ => {}
        }
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = link_destination(dest_url, &span, out);
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = match safe_url(dest_url.clone()) {
                    Some(u) => u,
                    None => {
                        out.notes.push(unsafe_url_note(&dest_url, &span));
                        // An `<img>` without a source is not valid HTML: the sanitiser drops it.
                        out.has_raw_html = true;
                        CowStr::Borrowed("")
                    }
                };
                image = Some((dest_url.to_string(), String::new(), span.clone()));
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::End(TagEnd::Image) => {
                if let Some((src, alt, span)) = image.take() {
                    out.images.push(Image { src, alt, span });
                }
                Event::End(TagEnd::Image)
            }
            Event::Html(raw) => {
                out.has_raw_html = true;
                Event::Html(block_placeholders(raw))
            }
            Event::InlineHtml(raw) => {
                out.has_raw_html = true;
                Event::InlineHtml(block_placeholders(raw))
            }
            Event::Text(t) => {
                if let Some(img) = image.as_mut() {
                    img.1.push_str(&t);
                }
                text.push_str(&t);
                Event::Text(t)
            }
            Event::Code(t) => {
                text.push_str(&t);
                Event::Code(t)
            }
            Event::TaskListMarker(done) => {
                // A disabled checkbox has no label; a symbol reads better and passes accessibility checks.
                Event::Html(CowStr::Borrowed(if done {
                    "<span class=\"task done\">☑</span> "
                } else {
                    "<span class=\"task\">☐</span> "
                }))
            }
            Event::Start(Tag::Table(aligns)) => {
                result.push((
                    Event::Html(CowStr::Borrowed(
                        "<div class=\"table-wrap\" tabindex=\"0\">",
                    )),
                    span.clone(),
                ));
                Event::Start(Tag::Table(aligns))
            }
            Event::End(TagEnd::Table) => {
                result.push((Event::End(TagEnd::Table), span.clone()));
                Event::Html(CowStr::Borrowed("</div>"))
            }
            other => {
                if is_block_end(&other) {
                    text.push(' ');
                }
                other
            }
        };
        if matches!(event, Event::SoftBreak | Event::HardBreak) {
            text.push(' ');
        }
        result.push((event, span));
    }
    out.text = collapse_whitespace(&text).into();
    result
}

fn is_block_end(e: &Event) -> bool {
    matches!(
        e,
        Event::End(
            TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
        )
    )
}

/// Internal `.md` links become placeholders; unsafe schemes become `#` with a warning; the rest pass through.
fn link_destination<'a>(dest: CowStr<'a>, span: &Range<usize>, out: &mut Rendered) -> CowStr<'a> {
    let Some(dest) = safe_url(dest.clone()) else {
        out.notes.push(unsafe_url_note(&dest, span));
        return CowStr::Borrowed("#");
    };
    if has_scheme(&dest) || dest.starts_with("//") {
        let lower = dest.get(..8).unwrap_or(&dest).to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            out.external_links.push(ExternalLink {
                url: dest.to_string(),
                span: span.clone(),
            });
        }
        return dest;
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (&*dest, None),
    };
    let path_no_query = path.split('?').next().unwrap_or(path);
    if !path_no_query.to_ascii_lowercase().ends_with(".md") {
        return dest;
    }
    let n = out.links.len();
    out.links.push(InternalLink {
        path: path_no_query.to_string(),
        anchor: anchor.map(str::to_string),
        span: span.clone(),
    });
    CowStr::from(format!("{LINK_PLACEHOLDER}{n}:"))
}

fn unsafe_url_note(url: &str, span: &Range<usize>) -> Note {
    let shown: String = url.chars().take(40).collect();
    Note {
        code: codes::UNSAFE_LINK,
        span: span.clone(),
        message: msg!("unsafe-link", link = shown),
        hint: msg!("hint-unsafe-link"),
    }
}

/// Only schemes a reader can safely follow; everything else (`javascript:`, `data:`, our placeholder) is refused.
pub fn safe_url(url: CowStr) -> Option<CowStr> {
    let trimmed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(32)
        .collect::<String>()
        .to_ascii_lowercase();
    if !has_scheme(&trimmed) {
        return Some(url);
    }
    let ok = ["http:", "https:", "mailto:", "tel:"]
        .iter()
        .any(|s| trimmed.starts_with(s));
    ok.then_some(url)
}

fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(i) => {
            let scheme = &url[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        }
        None => false,
    }
}

/// Raw HTML cannot forge an internal-link placeholder.
fn block_placeholders(raw: CowStr) -> CowStr {
    if raw.contains(GLOSSARY_PLACEHOLDER) {
        return block_placeholders(CowStr::from(
            raw.replace(GLOSSARY_PLACEHOLDER, "suluh-glossary-blocked:"),
        ));
    }
    if raw.contains(LINK_PLACEHOLDER) {
        CowStr::from(raw.replace(LINK_PLACEHOLDER, "suluh-link-blocked:"))
    } else {
        raw
    }
}

/// The items of the body's first top-level ordered list: the procedure's steps when the front matter has none.
fn first_ordered_list(events: &[(Event, Range<usize>)]) -> Vec<Step> {
    let mut depth = 0usize;
    let mut start = None;
    for (i, (e, _)) in events.iter().enumerate() {
        match e {
            Event::Start(Tag::List(first)) => {
                if depth == 0 && first.is_some() && start.is_none() {
                    start = Some(i);
                }
                depth += 1;
            }
            Event::End(TagEnd::List(_)) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    if let Some(s) = start {
                        return list_items(&events[s + 1..i]);
                    }
                }
            }
            _ => {}
        }
    }
    Vec::new()
}

fn list_items(events: &[(Event, Range<usize>)]) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut depth = 0usize;
    let mut item_start = 0;
    for (i, (e, _)) in events.iter().enumerate() {
        match e {
            Event::Start(Tag::Item) => {
                if depth == 0 {
                    item_start = i + 1;
                }
                depth += 1;
            }
            Event::End(TagEnd::Item) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let inner: Vec<Event> = events[item_start..i]
                        .iter()
                        .map(|(e, _)| e.clone())
                        .collect();
                    let mut html_out = String::new();
                    html::push_html(&mut html_out, inner.iter().cloned());
                    steps.push(Step {
                        html: html_out.trim().to_string(),
                        inlines: inline_runs(&inner),
                    });
                }
            }
            _ => {}
        }
    }
    steps
}

/// Flattens inline events into formatted runs; block boundaries become spaces.
fn inline_runs(events: &[Event]) -> Vec<Inline> {
    let mut runs: Vec<Inline> = Vec::new();
    let (mut strong, mut emph) = (0u32, 0u32);
    let push = |runs: &mut Vec<Inline>, text: &str, strong: bool, emph: bool, code: bool| {
        if let Some(last) = runs.last_mut() {
            if last.strong == strong && last.emph == emph && last.code == code {
                last.text.push_str(text);
                return;
            }
        }
        runs.push(Inline {
            text: text.to_string(),
            strong,
            emph,
            code,
        });
    };
    for e in events {
        match e {
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Emphasis) => emph += 1,
            Event::End(TagEnd::Emphasis) => emph = emph.saturating_sub(1),
            Event::Text(t) => push(&mut runs, t, strong > 0, emph > 0, false),
            Event::Code(t) => push(&mut runs, t, strong > 0, emph > 0, true),
            Event::SoftBreak | Event::HardBreak => {
                push(&mut runs, " ", strong > 0, emph > 0, false)
            }
            e if is_block_end(e) || matches!(e, Event::End(TagEnd::List(_))) => {
                push(&mut runs, " ", false, false, false)
            }
            _ => {}
        }
    }
    for r in &mut runs {
        r.text = collapse_whitespace(&r.text) + if r.text.ends_with(' ') { " " } else { "" };
    }
    if let Some(last) = runs.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    runs.retain(|r| !r.text.is_empty());
    runs
}

/// pulldown-cmark aligns table cells with inline styles; classes keep the page free of inline CSS.
fn classes_for_alignment(html_out: String) -> String {
    const STYLE: &str = " style=\"text-align: ";
    if !html_out.contains(STYLE) {
        return html_out;
    }
    // One pass over the body rather than one `replace` per alignment.
    let mut out = String::with_capacity(html_out.len());
    let mut rest = html_out.as_str();
    while let Some(i) = rest.find(STYLE) {
        out.push_str(&rest[..i]);
        let after = &rest[i + STYLE.len()..];
        let align = ["left", "center", "right"]
            .into_iter()
            .find(|a| after.strip_prefix(a).is_some_and(|r| r.starts_with('"')));
        match align {
            Some(a) => {
                out.push_str(" class=\"align-");
                out.push_str(a);
                out.push('"');
                rest = &after[a.len() + 1..];
            }
            None => {
                out.push_str(STYLE);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The words of `text` separated by single spaces, without leading or trailing whitespace.
fn collapse_whitespace(text: &str) -> String {
    // Bytes rather than characters: decoding every character and looking non-ASCII ones up in the
    // Unicode whitespace table was most of this function's time on Arabic pages, and only four lead
    // bytes can begin a non-ASCII whitespace character. Stretches already written as words and single
    // spaces are copied whole: a page's text is mostly that, and copying word by word took twice as long.
    let bytes = text.as_bytes();
    let end = bytes.len();
    let mut out = String::with_capacity(end);
    let mut i = skip_whitespace(text, 0);
    let mut run = i;
    while i < end {
        // Straight to the next byte that may begin whitespace: everything before it is part of a word.
        let Some(offset) = bytes
            .get(i..)
            .and_then(|rest| rest.iter().position(|&b| may_begin_whitespace(b)))
        else {
            break;
        };
        i += offset;
        let space = whitespace_at(text, i);
        // A single space between two words stays in the stretch being copied.
        let single = space == 1
            && bytes.get(i) == Some(&b' ')
            && i + 1 < end
            && whitespace_at(text, i + 1) == 0;
        if space == 0 || single {
            i += 1;
        } else {
            out.push_str(text.get(run..i).unwrap_or_default());
            i = skip_whitespace(text, i);
            if i < end {
                out.push(' ');
            }
            run = i;
        }
    }
    out.push_str(text.get(run..).unwrap_or_default());
    out
}

/// Whether a whitespace character can begin with byte `b`: an ASCII space or control character, or the
/// lead byte of U+0085/U+00A0, U+1680, U+2000–U+205F or U+3000.
fn may_begin_whitespace(b: u8) -> bool {
    b <= b' ' || matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)
}

/// The length in bytes of the whitespace character starting at byte `i` of `text`, or 0.
#[inline]
fn whitespace_at(text: &str, i: usize) -> usize {
    match text.as_bytes().get(i) {
        Some(b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') => 1,
        Some(0xC2 | 0xE1 | 0xE2 | 0xE3) => text
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

/// The first byte at or after `i` that does not begin a whitespace character.
fn skip_whitespace(text: &str, mut i: usize) -> usize {
    loop {
        match whitespace_at(text, i) {
            0 => return i,
            n => i += n,
        }
    }
}

/// Substitutes resolved URLs for the link placeholders.
pub fn fill_links(html_in: &str, urls: &[String]) -> String {
    if !html_in.contains(LINK_PLACEHOLDER) {
        return html_in.to_string();
    }
    let mut out = String::with_capacity(html_in.len() + 64);
    let mut rest = html_in;
    while let Some(i) = rest.find(LINK_PLACEHOLDER) {
        out.push_str(&rest[..i]);
        let after = &rest[i + LINK_PLACEHOLDER.len()..];
        let digits = after.find(':').unwrap_or(0);
        match after[..digits]
            .parse::<usize>()
            .ok()
            .and_then(|n| urls.get(n))
        {
            Some(url) => {
                out.push_str(&escape_attr(url));
                rest = &after[digits + 1..];
            }
            None => {
                out.push('#');
                rest = &after[digits.min(after.len())..];
                rest = rest.strip_prefix(':').unwrap_or(rest);
            }
        }
    }
    out.push_str(rest);
    out
}

fn escape_attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// Cleans untrusted HTML with ammonia, keeping what Markdown itself produces, so that what it keeps is also
/// valid HTML (the Nu HTML Checker finds nothing to reject): elements whose validity depends on a structure
/// an editor's fragment may not have, or that are obsolete, are unwrapped to their content; attributes keep
/// only values their element accepts; an `id` used twice is kept once; an `<img>` without a source is
/// dropped and one without `alt` gets `alt=""`.
pub fn sanitize(html_in: &str) -> String {
    use std::collections::{HashMap, HashSet};
    let attributes: HashMap<&str, HashSet<&str>> = [
        ("a", &["href", "title"][..]),
        ("blockquote", &["cite"]),
        ("q", &["cite"]),
        ("del", &["cite"]),
        ("ins", &["cite"]),
        ("col", &["span"]),
        ("colgroup", &["span"]),
        ("img", &["alt", "height", "src", "width"]),
        ("ol", &["start", "reversed"]),
        ("td", &["colspan", "rowspan"]),
        ("th", &["colspan", "rowspan", "scope"]),
        ("div", &["tabindex"]),
        ("input", &["type", "checked", "disabled"]),
    ]
    .into_iter()
    .map(|(tag, attrs)| (tag, attrs.iter().copied().collect()))
    .collect();
    let ids = std::sync::Mutex::new(HashSet::<String>::new());
    let mut builder = ammonia::Builder::default();
    builder
        .rm_tags([
            "acronym",
            "area",
            "bdo",
            "center",
            "data",
            "details",
            "figcaption",
            "hgroup",
            "map",
            "rp",
            "rt",
            "rtc",
            "ruby",
            "strike",
            "summary",
            "time",
            "tt",
        ])
        .add_tags(["input"])
        .tag_attributes(attributes)
        .add_generic_attributes(["id", "class"])
        .attribute_filter(move |element, attribute, value| {
            let number = |min: i64| value.trim().parse::<i64>().is_ok_and(|n| n >= min);
            let keep = match (element, attribute) {
                (_, "id") => {
                    !value.is_empty()
                        && !value.contains(char::is_whitespace)
                        && ids
                            .lock()
                            .map(|mut seen| seen.insert(value.to_string()))
                            .unwrap_or(false)
                }
                (_, "lang") => value.split('-').all(|part| {
                    !part.is_empty()
                        && part.len() <= 8
                        && part.chars().all(|c| c.is_ascii_alphanumeric())
                }),
                ("img", "width" | "height") | ("col" | "colgroup", "span") => {
                    number(0) && !value.trim().starts_with('+')
                }
                ("td" | "th", "colspan") => number(1) && !value.trim().starts_with('+'),
                ("td" | "th", "rowspan") => number(0) && !value.trim().starts_with('+'),
                ("ol", "start") => value.trim().parse::<i64>().is_ok(),
                ("th", "scope") => matches!(value, "row" | "col" | "rowgroup" | "colgroup"),
                ("div", "tabindex") => value.trim().parse::<i64>().is_ok(),
                ("img", "src") | ("a", "href") => !value.trim().is_empty(),
                _ => true,
            };
            keep.then(|| value.trim().into())
        })
        .link_rel(None)
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect());
    complete_images(&builder.clean(html_in).to_string())
}

/// Drops `<img>` elements without `src` and gives the others an `alt` if they have none. Works on ammonia's
/// serialisation, where every `<img` starts an element (a `<` in text is written `&lt;` and comments are
/// removed) and every attribute value is in double quotes without a `"` inside.
fn complete_images(html_in: &str) -> String {
    if !html_in.contains("<img") {
        return html_in.to_string();
    }
    let mut out = String::with_capacity(html_in.len() + 16);
    let mut rest = html_in;
    while let Some(at) = rest.find("<img") {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        let mut quoted = false;
        let end = tag
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == '>' && !quoted
            })
            .map_or(tag.len(), |(i, _)| i + 1);
        let element = &tag[..end];
        let has = |name: &str| element.contains(&format!(" {name}=\""));
        if has("src") {
            match element.strip_suffix('>') {
                Some(open) if !has("alt") => {
                    out.push_str(open.trim_end_matches('/'));
                    out.push_str(" alt=\"\">");
                }
                _ => out.push_str(element),
            }
        }
        rest = &tag[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitised_html_stays_valid() {
        let clean = |html: &str| sanitize(html);
        assert_eq!(
            clean("<img src=x onerror=alert(1)>"),
            "<img src=\"x\" alt=\"\">"
        );
        assert_eq!(clean("<img src=\"javascript:alert(1)\">a"), "a");
        assert_eq!(
            clean("<img alt=\"Peta\" src=\"peta.png\">"),
            "<img alt=\"Peta\" src=\"peta.png\">"
        );
        assert_eq!(
            clean("<p>1 > 0 <img src=\"a>b.png\"></p>"),
            "<p>1 &gt; 0 <img src=\"a&gt;b.png\" alt=\"\"></p>"
        );
        assert_eq!(clean("<center><tt>x</tt></center>"), "x");
        assert_eq!(clean("<details open><p>d</p></details>"), "<p>d</p>");
        assert_eq!(
            clean("<td align=left colspan=x>"),
            "",
            "a table cell outside a table is dropped by the parser"
        );
        assert_eq!(
            clean("<table><tr><td align=left colspan=0 rowspan=2>c</td></tr></table>"),
            "<table><tbody><tr><td rowspan=\"2\">c</td></tr></tbody></table>"
        );
        assert_eq!(
            clean("<span id=a>1</span><span id=a>2</span><span id=\"b c\" lang=\"en US\">3</span>"),
            "<span id=\"a\">1</span><span>2</span><span>3</span>"
        );
        assert_eq!(
            clean("<img width=10% height=20 src=a.png alt=\"\">"),
            "<img alt=\"\" height=\"20\" src=\"a.png\">"
        );
    }

    #[test]
    fn external_links_are_recorded_with_their_spans() {
        let body = "See [web](https://x.example/a) and <HTTP://y.example>, [mail](mailto:a@b.c), [p](p.md).";
        let r = render(body);
        let found: Vec<(&str, &str)> = r
            .external_links
            .iter()
            .map(|l| (l.url.as_str(), &body[l.span.clone()]))
            .collect();
        assert_eq!(
            found,
            [
                ("https://x.example/a", "[web](https://x.example/a)"),
                ("HTTP://y.example", "<HTTP://y.example>")
            ]
        );
    }

    #[test]
    fn headings_get_unique_stable_ids() {
        let r = render("## Biaya\n\n## Biaya\n\n## Custom {#mine}\n\n### Langkah-langkah pengajuan\n\n## تجديد الجواز\n");
        let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "biaya",
                "biaya-1",
                "mine",
                "langkah-langkah-pengajuan",
                "تجديد-الجواز"
            ]
        );
        assert!(r.html.contains("<h2 id=\"biaya-1\">"));
    }

    #[test]
    fn internal_links_become_placeholders() {
        let r = render("See [visa](../visa/visa-kunjungan.md#biaya) and [web](https://x.example) and [x](../x/).");
        assert_eq!(r.links.len(), 1);
        assert_eq!(r.links[0].path, "../visa/visa-kunjungan.md");
        assert_eq!(r.links[0].anchor.as_deref(), Some("biaya"));
        let html_out = fill_links(&r.html, &["/visa/visa-kunjungan/#biaya".to_string()]);
        assert!(
            html_out.contains("href=\"/visa/visa-kunjungan/#biaya\""),
            "{html_out}"
        );
        assert!(html_out.contains("href=\"../x/\""));
    }

    #[test]
    fn unsafe_urls_are_removed() {
        let r = render("[a](javascript:alert(1)) [b](JaVaScRiPt:x) ![c](data:text/html,x)");
        assert!(!r.html.to_lowercase().contains("javascript"), "{}", r.html);
        assert!(!r.html.contains("data:"));
        assert_eq!(r.notes.len(), 3);
    }

    #[test]
    fn raw_html_is_flagged_and_sanitized() {
        let r = render("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> <a href=\"suluh-link:0:\">x</a>");
        assert!(r.has_raw_html);
        let clean = sanitize(&fill_links(&r.html, &["/evil/".into()]));
        assert!(!clean.contains("<script"), "{clean}");
        assert!(!clean.contains("onerror"), "{clean}");
        assert!(!clean.contains("/evil/"), "{clean}");
    }

    #[test]
    fn first_ordered_list_gives_steps() {
        let r = render(
            "Intro\n\n- not this\n\n1. Book **online**\n2. Come\n   1. nested\n\nText\n\n1. Other list\n",
        );
        assert_eq!(r.steps.len(), 2);
        assert_eq!(r.steps[0].html, "Book <strong>online</strong>");
        assert_eq!(
            r.steps[0].inlines[1],
            Inline {
                text: "online".into(),
                strong: true,
                ..Inline::default()
            }
        );
        assert!(r.steps[1].html.contains("nested"));
    }

    #[test]
    fn tables_and_text() {
        let r = render("| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- [x] done\n");
        assert!(r.html.contains("class=\"align-left\""));
        assert!(!r.html.contains("style="));
        assert!(r.html.contains("table-wrap"));
        assert!(!r.has_raw_html);
        assert_eq!(&*r.text, "a b 1 2 done");
        let r = render("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n");
        assert_eq!(
            r.html.matches("class=\"align-left\"").count(),
            2,
            "{}",
            r.html
        );
        assert_eq!(r.html.matches("class=\"align-center\"").count(), 2);
        assert_eq!(r.html.matches("class=\"align-right\"").count(), 2);
        assert!(!r.html.contains("style="), "{}", r.html);
    }

    #[test]
    fn alignment_styles_that_are_not_pulldown_cmark_s_stay() {
        let html = "<td style=\"text-align: justify\">x</td><td style=\"text-align: right\">y</td>";
        assert_eq!(
            classes_for_alignment(html.to_string()),
            "<td style=\"text-align: justify\">x</td><td class=\"align-right\">y</td>"
        );
    }

    #[test]
    fn whitespace_collapses_to_single_spaces() {
        assert_eq!(collapse_whitespace("  a\n\t b\u{00A0} c  "), "a b c");
        assert_eq!(collapse_whitespace(" \n "), "");
        assert_eq!(collapse_whitespace("jalan raya"), "jalan raya");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
        /// Every Unicode whitespace character, its neighbours in UTF-8 (same lead bytes), Arabic and
        /// ASCII letters: the byte-level scan must agree with `char::is_whitespace` on all of them.
        #[test]
        fn whitespace_collapses_like_the_standard_library_splits_it(
            chars in proptest::collection::vec(proptest::sample::select(whitespace_neighbours()), 0..12)
        ) {
            let text: String = chars.into_iter().collect();
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(collapse_whitespace(&text), expected);
        }
    }

    fn whitespace_neighbours() -> Vec<char> {
        (0u32..0x3010)
            .filter_map(char::from_u32)
            .filter(|c| {
                c.is_whitespace()
                    || matches!(u32::from(*c), 0x80..=0xFF | 0x1680..=0x1690 | 0x2000..=0x2060 | 0x3000..)
            })
            .chain(['a', 'Z', '.', '\u{0628}', '\u{064A}', '\u{0627}'])
            .collect()
    }

    #[test]
    fn inline_rendering_escapes_html() {
        let (h, runs) = render_inline("Bring **KTP** <b>x</b>");
        assert_eq!(h, "Bring <strong>KTP</strong> &lt;b&gt;x&lt;/b&gt;");
        assert_eq!(runs[1].text, "KTP");
    }
}
