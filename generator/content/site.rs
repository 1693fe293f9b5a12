//! The site model that linking produces and rendering reads: pages and sections with their versions per
//! language, tags, and where internal links can point. Pages and sections refer to each other by index,
//! never by copy.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::Arc;

use jiff::Zoned;

use super::front_matter::{PageFront, SectionFront};
use super::AssetFile;
use crate::config::{Config, Contact};
use crate::i18n::Strings;
use crate::markdown::{Heading, Inline, Step};

/// What an internal link points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Page(usize),
    Section(usize),
}

/// A resolved internal link: the target in the reader's language unless the link named a language file.
#[derive(Clone, Debug)]
pub struct ResolvedLink {
    pub target: Target,
    pub lang: Option<usize>,
    pub anchor: Option<String>,
}

/// A Markdown body ready to render in any language.
#[derive(Clone, Debug, Default)]
pub struct Body {
    /// HTML with link placeholders, filled per language when rendered (shared with the loaded file).
    pub html: Arc<str>,
    pub links: Vec<ResolvedLink>,
    pub headings: Vec<Heading>,
    pub has_raw_html: bool,
    pub text: Arc<str>,
    /// Byte offset of the body in its file: spans below are relative to it.
    pub offset: usize,
    pub images: Vec<crate::markdown::Image>,
    pub empty_links: Vec<Range<usize>>,
    pub external_links: Vec<crate::markdown::ExternalLink>,
}

impl Body {
    /// A loaded body; its links are resolved later by the link step.
    pub(super) fn loaded(r: crate::markdown::Rendered, offset: usize) -> Body {
        Body {
            html: r.html,
            links: Vec::new(),
            headings: r.headings,
            has_raw_html: r.has_raw_html,
            text: r.text,
            offset,
            images: r.images,
            empty_links: r.empty_links,
            external_links: r.external_links,
        }
    }
}

/// An event's resolved times.
#[derive(Clone, Debug, PartialEq)]
pub struct EventTimes {
    pub start: Zoned,
    pub end: Option<Zoned>,
    pub start_has_time: bool,
    pub end_has_time: bool,
    pub location: Option<String>,
    pub address: Option<String>,
}

/// One language version of a page.
#[derive(Clone, Debug)]
pub struct PageVariant {
    pub file: String,
    pub lang: usize,
    pub slug: String,
    pub front: PageFront,
    pub body: Body,
    /// The steps: from front matter, else the body's first ordered list.
    pub steps: Vec<Step>,
    pub requirements: Vec<(String, Vec<Inline>)>,
    pub event: Option<EventTimes>,
    /// `event.handouts`, resolved to pages when linked.
    pub handouts: Vec<super::references::Handout>,
    pub image_spans: super::references::ImageSpans,
    /// `front.tags` as (slug, name), without the names that make no slug.
    pub tag_slugs: Vec<(String, String)>,
    /// The title lowercased, which listings sort by.
    pub sort_title: String,
}

/// A page and its translations.
#[derive(Clone, Debug)]
pub struct Page {
    /// `<section dir>/<file slug>`, the same for all languages.
    pub key: String,
    pub section: usize,
    /// The bundle folder relative to `content/`, when the page is a folder with assets.
    pub bundle_dir: Option<String>,
    /// Real versions per language (`None`: not translated, or a draft).
    pub variants: Vec<Option<PageVariant>>,
    /// The language shown where a translation is missing.
    pub fallback: usize,
    /// Site-relative folder of the page in each language (`en/paspor/paspor-baru/`).
    pub paths: Vec<String>,
}

impl Page {
    /// The version shown in `lang`, and whether it is a fallback.
    pub fn shown(&self, lang: usize) -> (&PageVariant, bool) {
        match &self.variants[lang] {
            Some(v) => (v, false),
            None => (
                self.variants[self.fallback]
                    .as_ref()
                    .expect("fallback variant exists by construction"),
                true,
            ),
        }
    }

    /// What listings show of this page in `lang`: see [`Listed`].
    pub fn listed(&self, lang: usize) -> Listed<'_> {
        let (v, fallback) = self.shown(lang);
        Listed {
            lang: v.lang,
            fallback,
            title: &v.front.title,
            sort_title: &v.sort_title,
            description: v.front.description.as_deref(),
            date: v.front.date.map(|d| d.0),
            updated: v.front.updated.map(|d| d.0),
            weight: v.front.weight,
            event: v.event.as_ref(),
        }
    }
}

/// What a listing (a section, a tag page, the home page's events) shows of a page and sorts it by. The one
/// definition that rendering serialises (`render::context`), listings are ordered by ([`super::order`]) and
/// `serve` compares to decide which listings an edit reaches (`render::deps`): listings read a page only
/// through this, so a field they show cannot be forgotten by the comparison and go stale in the preview.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Listed<'a> {
    /// The language of the version shown (another one's where `fallback`).
    pub lang: usize,
    pub fallback: bool,
    pub title: &'a str,
    /// `title` lowercased, to sort by.
    pub sort_title: &'a str,
    pub description: Option<&'a str>,
    pub date: Option<jiff::civil::Date>,
    pub updated: Option<jiff::civil::Date>,
    pub weight: Option<i64>,
    pub event: Option<&'a EventTimes>,
}

/// One language version of a section.
#[derive(Clone, Debug)]
pub struct SectionVariant {
    pub file: Option<String>,
    pub front: SectionFront,
    pub body: Body,
}

/// A folder of pages (the home page is the root section, `dir == ""`).
#[derive(Clone, Debug)]
pub struct Section {
    pub dir: String,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub variants: Vec<Option<SectionVariant>>,
    /// Pages in listing order, per language.
    pub pages: Vec<Vec<usize>>,
    /// Site-relative folder per language (`en/paspor/`, `` for the default home).
    pub paths: Vec<String>,
}

impl Section {
    /// The language whose version is shown in `lang`: `lang` itself, or for a missing translation the first
    /// language that has one.
    pub fn shown_language(&self, lang: usize) -> usize {
        if self.variants[lang].is_some() {
            lang
        } else {
            self.variants
                .iter()
                .position(Option::is_some)
                .unwrap_or(lang)
        }
    }

    pub fn shown(&self, lang: usize) -> (&SectionVariant, bool) {
        let shown = self.shown_language(lang);
        (
            self.variants[shown]
                .as_ref()
                .expect("a section always has a variant by construction"),
            shown != lang,
        )
    }
}

/// A tag in one language.
#[derive(Clone, Debug)]
pub struct Tag {
    pub name: String,
    pub slug: String,
    pub pages: Vec<usize>,
}

/// The frozen site: everything rendering needs, and nothing it has to compute from other pages.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    pub strings: Strings,
    pub sections: Vec<Section>,
    /// In key order. Each page is shared, so a site that [`relink`] derives from this one copies only the
    /// pages an edit changed.
    pub pages: Vec<Arc<Page>>,
    /// Tags per language, by slug.
    pub tags: Vec<BTreeMap<String, Tag>>,
    pub assets: Vec<AssetFile>,
    /// "Now", passed in so builds are reproducible.
    pub now: Zoned,
    /// Where internal links can point (kept for [`relink`]).
    pub links: Arc<LinkIndex>,
}

/// Every Markdown file an internal link can name, relative to `content/`, with the page or section it
/// belongs to and the language it names explicitly; and the drafts left out (a link to one gets its own
/// message).
#[derive(Default)]
pub struct LinkIndex {
    pub(super) files: HashMap<String, (Target, Option<usize>)>,
    pub(super) drafts: Vec<String>,
}

impl LinkIndex {
    /// What the file `path` (relative to `content/`) belongs to.
    pub(super) fn target_of(&self, path: &str) -> Option<Target> {
        self.files.get(path).map(|(t, _)| *t)
    }

    /// Every page file a link or handout can name, sorted (for "did you mean").
    pub(super) fn page_files(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .files
            .iter()
            .filter(|(_, (t, _))| matches!(t, Target::Page(_)))
            .map(|(f, _)| f.clone())
            .collect();
        out.sort();
        out
    }
}

impl Site {
    /// The page or section a path relative to `content/` names (`paspor/paspor-baru.md#biaya`, as a
    /// glossary entry's `link:` writes it), and the anchor if any: the same index Markdown links resolve in.
    pub fn content_target(&self, link: &str) -> Option<(Target, Option<String>)> {
        let (path, anchor) = match link.split_once('#') {
            Some((p, a)) => (p, Some(a.to_string())),
            None => (link, None),
        };
        self.links
            .target_of(path.trim_start_matches("./"))
            .map(|t| (t, anchor))
    }

    /// Every file a link can name, relative to `content/`, sorted (for "did you mean").
    pub fn content_files(&self) -> Vec<String> {
        let mut out: Vec<String> = self.links.files.keys().cloned().collect();
        out.sort();
        out
    }
}

impl std::fmt::Debug for LinkIndex {
    // Sorted, so that two equal sites print the same (a hash map's order differs between two maps).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let files: BTreeMap<_, _> = self.files.iter().collect();
        f.debug_struct("LinkIndex")
            .field("files", &files)
            .field("drafts", &self.drafts)
            .finish()
    }
}

/// The contact block for a page: page fields, then its sections' (nearest first), then the site's.
pub fn contact_for(site: &Site, page: &Page, variant: &PageVariant, lang: usize) -> Contact {
    let mut contact = variant.front.contact.clone().unwrap_or_default();
    let mut section = Some(page.section);
    while let Some(si) = section {
        if let Some(c) = &site.sections[si].shown(lang).0.front.contact {
            contact = contact.or(c);
        }
        section = site.sections[si].parent;
    }
    contact.or(&site.config.contact)
}
