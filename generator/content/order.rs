//! The order of listings and the membership of tags: one definition that [`super::link`] applies to the
//! whole site and [`super::relink`] to the sections and tags an edit reaches, so the two cannot disagree.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::front_matter::SortBy;
use super::site::{Page, PageVariant, Section, Tag};
use crate::diagnostics::{codes, Diagnostic};
use crate::markdown::slugify;
use crate::msg;

/// Sorts a section's listings, one per language, by the section's `sort_by`.
pub(super) fn sort_listings(section: &mut Section, pages: &[Arc<Page>]) {
    let sort_by = section.shown(0).0.front.sort_by;
    for (lang, listing) in section.pages.iter_mut().enumerate() {
        listing.sort_by_cached_key(|&p| listing_key(&pages[p], lang, sort_by));
    }
}

/// Sorts each section's subsections: by weight, then title, of their default-language versions.
pub(super) fn sort_children(sections: &mut [Section]) {
    let orders: Vec<Vec<usize>> = sections
        .iter()
        .map(|s| {
            let mut children = s.children.clone();
            children.sort_by(|&a, &b| {
                let fa = &sections[a].shown(0).0.front;
                let fb = &sections[b].shown(0).0.front;
                (fa.weight.unwrap_or(i64::MAX), &fa.title)
                    .cmp(&(fb.weight.unwrap_or(i64::MAX), &fb.title))
            });
            children
        })
        .collect();
    for (s, children) in sections.iter_mut().zip(orders) {
        s.children = children;
    }
}

/// The tags of one language: every real (not fallback) version in that language, newest first within a tag.
/// The name shown is the first written with the tag's slug, in page order. Versions for which `warn` holds
/// get a warning for a tag without letters or digits.
pub(super) fn collect_tags(
    pages: &[Arc<Page>],
    lang: usize,
    warn: &dyn Fn(&PageVariant) -> bool,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Tag> {
    let mut tags: BTreeMap<String, Tag> = BTreeMap::new();
    for (pi, p) in pages.iter().enumerate() {
        let Some(v) = &p.variants[lang] else { continue };
        let slugs = tag_slugs(v, warn(v).then_some(&mut *diags));
        for (slug, name) in slugs {
            let tag = tags.entry(slug.clone()).or_insert_with(|| Tag {
                name: name.to_string(),
                slug,
                pages: Vec::new(),
            });
            // Pages are visited in order, so a page already listed (two names with one slug, or the same
            // tag twice) is the last one; searching the whole list made this quadratic.
            if tag.pages.last() != Some(&pi) {
                tag.pages.push(pi);
            }
        }
    }
    for tag in tags.values_mut() {
        tag.pages
            .sort_by_cached_key(|&p| listing_key(&pages[p], lang, SortBy::Date));
    }
    tags
}

/// A page version's tags as (slug, name as written), in order; names without letters or digits are left
/// out, with a warning when `diags` is given.
pub(super) fn tag_slugs<'v>(
    v: &'v PageVariant,
    mut diags: Option<&mut Vec<Diagnostic>>,
) -> Vec<(String, &'v str)> {
    let mut out = Vec::with_capacity(v.front.tags.len());
    for name in &v.front.tags {
        let slug = slugify(name);
        if slug.is_empty() {
            if let Some(diags) = diags.as_deref_mut() {
                diags.push(
                    Diagnostic::warning(codes::EMPTY_TAG, msg!("empty-tag", tag = name))
                        .in_file(&v.file)
                        .with_hint(msg!("hint-empty-tag")),
                );
            }
            continue;
        }
        out.push((slug, name.as_str()));
    }
    out
}

/// What a listing sorts by, computed once per page (the lowercased title allocates, so comparing pages
/// directly allocated twice per comparison). Read through [`Page::listed`], like everything a listing shows.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct ListingKey<'a> {
    first: First,
    title: String,
    key: &'a str,
}

/// The first thing a listing sorts by; one listing only ever compares one kind.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum First {
    /// By title only.
    Nothing,
    /// Lightest first; pages without a weight last.
    Weight(i64),
    /// Newest first; undated pages last (`None` is smallest, so reversed it sorts last).
    Date(std::cmp::Reverse<Option<jiff::civil::Date>>),
}

fn listing_key(page: &Page, lang: usize, sort_by: SortBy) -> ListingKey<'_> {
    let listed = page.listed(lang);
    let first = match sort_by {
        SortBy::Weight => First::Weight(listed.weight.unwrap_or(i64::MAX)),
        SortBy::Date => First::Date(std::cmp::Reverse(
            listed
                .event
                .map(|e| e.start.date())
                .or(listed.date)
                .or(listed.updated),
        )),
        SortBy::Title => First::Nothing,
    };
    ListingKey {
        first,
        title: listed.title.to_lowercase(),
        key: &page.key,
    }
}
