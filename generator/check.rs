//! Editorial rules that `suluh check` adds to what the build validates: things that do not break the site but
//! make it worse for readers (missing alt text, skipped heading levels, empty links, duplicate titles, pages
//! without a description, procedures without fees or requirements, undated pages in date-sorted sections,
//! placeholders left in contact details, fee notes and sources, and plain language: [`plain`]).
//! Each rule only produces diagnostics; nothing here changes the site. [`translations`] lists what each
//! language is missing; [`review`] the procedures due for review; [`external`] checks links to other
//! websites (only with `check --external`).

pub mod external;
pub mod placeholders;
pub mod plain;
pub mod review;
pub mod translations;

use crate::diagnostics::codes;
use crate::msg;
use std::collections::BTreeMap;

use crate::content::front_matter::SortBy;
use crate::content::site::{Body, PageVariant, Site};
use crate::diagnostics::{Diagnostic, Sources};

/// `check`'s terminal report: each diagnostic as compilers print it, except the per-page "not translated",
/// per-language "UI strings missing" and per-page review warnings, which the table of missing translations
/// and the table of guides to review summarise after them; then the totals.
pub fn render_human(
    diags: &[Diagnostic],
    sources: &Sources,
    gaps: &translations::Gaps,
    color: bool,
) -> String {
    let translation_table = translations::table(gaps, color);
    let review_table = review::table(&gaps.review, color);
    // A summarised warning is left out only when its table is printed (`--strict` makes them errors, which
    // are always printed one by one).
    let summarised_here = |d: &Diagnostic| {
        !d.is_error()
            && ((translations::is_summarised(d) && !translation_table.is_empty())
                || (review::is_summarised(d) && !review_table.is_empty()))
    };
    let shown: Vec<Diagnostic> = diags
        .iter()
        .filter(|d| !summarised_here(d))
        .cloned()
        .collect();
    let translations_summarised = diags
        .iter()
        .filter(|d| summarised_here(d) && translations::is_summarised(d))
        .count();
    let reviews_summarised = diags
        .iter()
        .filter(|d| summarised_here(d) && review::is_summarised(d))
        .count();
    let mut out = crate::diagnostics::render_items(&shown, sources, color);
    for table in [&translation_table, &review_table] {
        if table.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(table);
    }
    if !translation_table.is_empty() || !review_table.is_empty() {
        out.push('\n');
    }
    if !diags.is_empty() {
        out.push_str(&crate::diagnostics::totals(diags));
        let about = match (translations_summarised, reviews_summarised) {
            (0, 0) => None,
            (t, 0) => Some(msg!("totals-about-translations", translations = t)),
            (0, r) => Some(msg!("totals-about-reviews", reviews = r)),
            (t, r) => Some(msg!("totals-about-both", translations = t, reviews = r)),
        };
        if let Some(about) = about {
            out.push(' ');
            out.push_str(&about.show());
        }
        out.push('\n');
    }
    out
}

/// `check --format json`: the diagnostics, and `"plain"`, the plain-language warnings counted per page
/// (`{"content/a.md": {"long-sentence": 2, …}}`, only pages with any), so an office can follow them.
pub fn render_json(diags: &[Diagnostic], sources: &Sources) -> String {
    let mut value = crate::diagnostics::json_value(diags, sources);
    if let Some(map) = value.as_object_mut() {
        let summary = serde_json::to_value(plain::summary(diags)).unwrap_or_default();
        map.insert("plain".into(), summary);
    }
    value.to_string()
}

/// Runs every rule over the site.
pub fn run(site: &Site, sources: &Sources) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for page in &site.pages {
        for v in page.variants.iter().flatten() {
            body_rules(&v.file, &v.body, &mut diags);
            page_rules(site, sources, page.section, v, &mut diags);
        }
    }
    for section in &site.sections {
        for v in section.variants.iter().flatten() {
            if let Some(file) = &v.file {
                body_rules(file, &v.body, &mut diags);
            }
        }
    }
    diags.extend(plain_language(site, sources));
    duplicate_titles(site, sources, &mut diags);
    diags.extend(review::warnings(&review::find(site), sources));
    diags.extend(placeholders::warnings(site, sources));
    diags
}

/// The plain-language warnings of every page and section body ([`plain`]), at their place in the file.
fn plain_language(site: &Site, sources: &Sources) -> Vec<Diagnostic> {
    let settings = &site.config.plain;
    if !settings.enabled {
        return Vec::new();
    }
    let pages = site
        .pages
        .iter()
        .flat_map(|p| p.variants.iter().flatten())
        .map(|v| (v.file.as_str(), v.lang, &v.body));
    let sections = site.sections.iter().flat_map(|s| {
        s.variants
            .iter()
            .enumerate()
            .filter_map(|(lang, v)| Some((v.as_ref()?.file.as_deref()?, lang, &v.as_ref()?.body)))
    });
    let mut diags = Vec::new();
    for (file, lang, body) in pages.chain(sections) {
        let Some(text) = sources.get(file) else {
            continue;
        };
        let Some(markdown) = text.get(body.offset..) else {
            continue;
        };
        let code = &site.config.languages[lang].code;
        for f in plain::check(markdown, code, settings, &site.config.data.glossary) {
            diags.push(
                Diagnostic::warning(f.code, f.message)
                    .at(file, at(body, &f.span))
                    .with_hint(f.hint),
            );
        }
    }
    diags
}

fn at(body: &Body, span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    body.offset + span.start..body.offset + span.end
}

/// Rules about the Markdown body: images, headings, links.
fn body_rules(file: &str, body: &Body, diags: &mut Vec<Diagnostic>) {
    for image in &body.images {
        if image.alt.trim().is_empty() {
            diags.push(
                Diagnostic::warning(codes::IMAGE_WITHOUT_ALT, msg!("image-without-alt"))
                    .at(file, at(body, &image.span))
                    .with_hint(msg!("hint-image-without-alt")),
            );
        }
    }
    // The page title is the only level-1 heading; the body starts at level 2.
    let mut previous = 1;
    for h in &body.headings {
        if h.level == 1 {
            diags.push(
                Diagnostic::warning(
                    codes::HEADING_LEVEL_1,
                    msg!("heading-level-1", heading = &h.title),
                )
                .at(file, at(body, &h.span))
                .with_hint(msg!("hint-heading-level-1")),
            );
        } else if h.level > previous + 1 {
            diags.push(
                Diagnostic::warning(
                    codes::HEADING_SKIPS_LEVEL,
                    msg!(
                        "heading-skips-level",
                        heading = &h.title,
                        from = previous,
                        to = h.level
                    ),
                )
                .at(file, at(body, &h.span))
                .with_hint(msg!(
                    "hint-heading-skips-level",
                    marks = "#".repeat(previous as usize + 1)
                )),
            );
        }
        previous = h.level;
    }
    for span in &body.empty_links {
        diags.push(
            Diagnostic::warning(codes::EMPTY_LINK, msg!("empty-link"))
                .at(file, at(body, span))
                .with_hint(msg!("hint-empty-link")),
        );
    }
}

/// Rules about a page's front matter.
fn page_rules(
    site: &Site,
    sources: &Sources,
    section: usize,
    v: &PageVariant,
    diags: &mut Vec<Diagnostic>,
) {
    let front = &v.front;
    let key_span = |key: &str| front_key_span(sources, &v.file, key);
    if front
        .description
        .as_deref()
        .is_none_or(|d| d.trim().is_empty())
    {
        diags.push(
            Diagnostic::warning(codes::NO_DESCRIPTION, msg!("no-description"))
                .at(&v.file, key_span("title"))
                .with_hint(msg!("hint-no-description")),
        );
    }
    // A procedure is what the reader applies for: it takes processing time. Events and complaint channels may
    // list a zero fee without being procedures.
    let is_procedure = front.processing_time.is_some() && front.event.is_none();
    if is_procedure && front.fees.is_empty() {
        diags.push(
            Diagnostic::warning(codes::NO_FEES, msg!("no-fees"))
                .at(&v.file, key_span("processing_time"))
                .with_hint(msg!("hint-no-fees")),
        );
    }
    if is_procedure && front.requirements.is_empty() {
        diags.push(
            Diagnostic::warning(codes::NO_REQUIREMENTS, msg!("no-requirements"))
                .at(&v.file, key_span("fees"))
                .with_hint(msg!("hint-no-requirements")),
        );
    }
    let sorted_by_date = site.sections[section].shown(v.lang).0.front.sort_by == SortBy::Date;
    if sorted_by_date && front.date.is_none() && front.event.is_none() {
        diags.push(
            Diagnostic::warning(codes::NO_DATE, msg!("no-date"))
                .at(&v.file, key_span("title"))
                .with_hint(msg!("hint-no-date")),
        );
    }
}

/// Two pages with the same title in one language confuse readers and search results.
fn duplicate_titles(site: &Site, sources: &Sources, diags: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<(usize, String), &str> = BTreeMap::new();
    for page in &site.pages {
        for v in page.variants.iter().flatten() {
            let key = (v.lang, v.front.title.trim().to_lowercase());
            match seen.get(&key) {
                Some(first) => diags.push(
                    Diagnostic::warning(
                        codes::DUPLICATE_TITLE,
                        msg!("duplicate-title", title = &v.front.title, other = *first),
                    )
                    .at(&v.file, front_key_span(sources, &v.file, "title"))
                    .with_hint(msg!("hint-duplicate-title")),
                ),
                None => {
                    seen.insert(key, &v.file);
                }
            }
        }
    }
}

/// Where the value of `key:` is written in a file's front matter (the key's place if it cannot be told).
fn front_value_span(sources: &Sources, file: &str, key: &str) -> std::ops::Range<usize> {
    let Some(text) = sources.get(file) else {
        return 0..0;
    };
    let Ok(split) = crate::content::front_matter::split(file, &text) else {
        return 0..0;
    };
    let doc = crate::yaml::Doc {
        file,
        text: split.front,
        offset: split.front_offset,
    };
    let span = doc.value_span_of(&[key]);
    split.front_offset + span.start..split.front_offset + span.end
}

/// Where `key:` is written in a file's front matter (the start of the front matter if absent).
fn front_key_span(sources: &Sources, file: &str, key: &str) -> std::ops::Range<usize> {
    let Some(text) = sources.get(file) else {
        return 0..0;
    };
    let Ok(split) = crate::content::front_matter::split(file, &text) else {
        return 0..0;
    };
    let span = crate::yaml::key_span(split.front, &[key]).unwrap_or(0..0);
    split.front_offset + span.start..split.front_offset + span.end
}
