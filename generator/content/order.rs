//! The order of listings and the membership of tags: one definition that [`super::link`] applies to the
//! whole site and [`super::relink`] to the sections and tags an edit reaches, so the two cannot disagree.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::front_matter::SortBy;
use super::site::{Page, Section, Tag};
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
/// The name shown is the first written with the tag's slug, in page order. With `only`, just the tags of
/// those slugs are collected (`relink` updates the tags an edit reaches): each is still gathered over every
/// page, so it comes out as a full collection makes it.
pub(super) fn collect_tags(
    pages: &[Arc<Page>],
    lang: usize,
    only: Option<&BTreeSet<&str>>,
) -> BTreeMap<String, Tag> {
    let mut tags: BTreeMap<String, Tag> = BTreeMap::new();
    for (pi, p) in pages.iter().enumerate() {
        let Some(v) = &p.variants[lang] else { continue };
        for (slug, name) in &v.tag_slugs {
            if only.is_some_and(|only| !only.contains(slug.as_str())) {
                continue;
            }
            let tag = match tags.get_mut(slug) {
                Some(tag) => tag,
                None => tags.entry(slug.clone()).or_insert_with(|| Tag {
                    name: name.clone(),
                    slug: slug.clone(),
                    pages: Vec::new(),
                }),
            };
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

/// A page version's tags as (slug, name as written), in order, worked out once when the version is made
/// ([`super::link::page_variant`]) rather than each time tags are collected; names without letters or
/// digits are left out, with a warning.
pub(super) fn tag_slugs(
    file: &str,
    names: &[String],
    diags: &mut Vec<Diagnostic>,
) -> Vec<(String, String)> {
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let slug = slugify(name);
        if slug.is_empty() {
            diags.push(
                Diagnostic::warning(codes::EMPTY_TAG, msg!("empty-tag", tag = name))
                    .in_file(file)
                    .with_hint(msg!("hint-empty-tag")),
            );
            continue;
        }
        out.push((slug, name.clone()));
    }
    out
}

/// What a listing sorts by. Read through [`Page::listed`], like everything a listing shows; the lowercased
/// title is made once per version when it is linked, not per sort.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct ListingKey<'a> {
    first: First,
    title: &'a str,
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
        title: listed.sort_title,
        key: &page.key,
    }
}
