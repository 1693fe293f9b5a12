//! The link step: loaded files → the frozen [`Site`].
//!
//! Groups translations, drops drafts, computes every URL per language (a page missing in a language is
//! still served at its translated URL from a fallback language), orders section listings, collects tags
//! and events, and resolves internal `.md` links and anchors. Pages and sections refer to each other by
//! index, never by copy.

use crate::diagnostics::codes;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use jiff::Zoned;

use super::front_matter::{Event, EventTime, FeeSource, PageFront, SectionFront, SortBy};
use super::{AssetFile, Loaded, LoadedPage, LoadedSection};
use crate::config::{Config, Contact};
use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::i18n::Strings;
use crate::markdown::{slugify, Heading, Inline, InternalLink, Step};
use crate::output::is_safe_segment;

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
    fn loaded(r: crate::markdown::Rendered, offset: usize) -> Body {
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
    files: HashMap<String, (Target, Option<usize>)>,
    drafts: Vec<String>,
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

/// A file's internal links awaiting resolution: (language, file, body offset, links).
type PendingLinks = (usize, String, usize, Vec<InternalLink>);

/// Options of the link step.
pub struct LinkOptions {
    pub drafts: bool,
    pub now: Zoned,
}

/// Links loaded files into a site. Errors (broken links, bad slugs) are returned with the warnings.
pub fn link(
    config: Config,
    strings: Strings,
    loaded: Vec<Arc<Loaded>>,
    assets: Vec<AssetFile>,
    options: LinkOptions,
) -> (Option<Site>, Vec<Diagnostic>) {
    let langs = config.languages.len();
    let mut diags = Vec::new();
    let mut draft_files: Vec<String> = Vec::new();

    // Group by key, dropping drafts.
    let mut page_files: BTreeMap<String, Vec<LoadedPage>> = BTreeMap::new();
    let mut section_files: BTreeMap<String, Vec<LoadedSection>> = BTreeMap::new();
    for l in loaded {
        // A one-shot build owns each loaded file and moves it; `serve` shares them with its cache, so it
        // copies one here (page HTML and text are shared, not copied).
        match Arc::try_unwrap(l).unwrap_or_else(|l| Loaded::clone(&l)) {
            Loaded::Page(p) => {
                if p.front.draft && !options.drafts {
                    draft_files.push(p.file.clone());
                    continue;
                }
                page_files.entry(p.key.clone()).or_default().push(*p);
            }
            Loaded::Section(s) => section_files.entry(s.dir.clone()).or_default().push(*s),
        }
    }

    // Every folder holding pages is a section, with or without `_index.md`; so is the root.
    let mut dirs: Vec<String> = section_files.keys().cloned().collect();
    dirs.push(String::new());
    for p in page_files.values() {
        let mut dir = p[0].section_dir.clone();
        loop {
            dirs.push(dir.clone());
            match dir.rsplit_once('/') {
                Some((parent, _)) => dir = parent.to_string(),
                None if !dir.is_empty() => dir = String::new(),
                None => break,
            }
        }
    }
    dirs.sort();
    dirs.dedup();
    let section_index: HashMap<String, usize> = dirs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.clone(), i))
        .collect();

    let mut sections: Vec<Section> = Vec::with_capacity(dirs.len());
    let mut section_links: Vec<(usize, usize, String, usize, Vec<InternalLink>)> = Vec::new();
    for (si, dir) in dirs.iter().enumerate() {
        let parent = if dir.is_empty() {
            None
        } else {
            Some(
                dir.rsplit_once('/')
                    .map_or(String::new(), |(p, _)| p.to_string()),
            )
        };
        let mut variants: Vec<Option<SectionVariant>> = vec![None; langs];
        let mut files = section_files.remove(dir).unwrap_or_default();
        files.sort_by_key(|f| f.lang);
        for f in files {
            // Links are resolved below, once every URL is known.
            section_links.push((
                si,
                f.lang,
                f.file.clone(),
                f.body_offset,
                f.body.links.clone(),
            ));
            variants[f.lang] = Some(SectionVariant {
                file: Some(f.file.clone()),
                front: f.front,
                body: Body::loaded(f.body, f.body_offset),
            });
        }
        if variants.iter().all(Option::is_none) {
            variants[0] = Some(implicit_section(dir, &config));
        }
        let folder = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        let paths = (0..langs).map(|l| config.lang_path(l, &folder)).collect();
        sections.push(Section {
            dir: dir.clone(),
            parent: parent.and_then(|p| section_index.get(&p).copied()),
            children: Vec::new(),
            variants,
            pages: vec![Vec::new(); langs],
            paths,
        });
    }
    for i in 0..sections.len() {
        if let Some(p) = sections[i].parent {
            sections[p].children.push(i);
        }
    }

    // Pages.
    let mut pages: Vec<Arc<Page>> = Vec::new();
    let mut page_links: Vec<Vec<PendingLinks>> = Vec::new();
    for (key, mut files) in page_files {
        files.sort_by_key(|f| f.lang);
        let mut variants: Vec<Option<PageVariant>> = vec![None; langs];
        let mut links = Vec::new();
        let section = section_index
            .get(&files[0].section_dir)
            .copied()
            .unwrap_or(0);
        let bundle_dir = files[0].bundle.then(|| key.clone());
        for f in files {
            let (variant, raw) = page_variant(f, &config, options.now.date(), &mut diags);
            links.push((variant.lang, variant.file.clone(), variant.body.offset, raw));
            let lang = variant.lang;
            variants[lang] = Some(variant);
        }
        let fallback = variants.iter().position(Option::is_some).unwrap_or(0);
        let paths = page_paths(&config, &sections[section].dir, &variants, fallback);
        pages.push(Arc::new(Page {
            key,
            section,
            bundle_dir,
            variants,
            fallback,
            paths,
        }));
        page_links.push(links);
    }

    // File index for link resolution: path relative to content/ → target and explicit language.
    let mut files: HashMap<String, (Target, Option<usize>)> = HashMap::new();
    for (i, p) in pages.iter().enumerate() {
        for v in p.variants.iter().flatten() {
            let rel = v
                .file
                .strip_prefix("content/")
                .unwrap_or(&v.file)
                .to_string();
            let explicit = if v.lang == 0 { None } else { Some(v.lang) };
            files.insert(rel, (Target::Page(i), explicit));
        }
        // A link to the default-language file works even when only translations exist.
        let base = match &p.bundle_dir {
            Some(d) => format!("{d}/index.md"),
            None => format!("{}.md", p.key),
        };
        files.entry(base).or_insert((Target::Page(i), None));
    }
    for (i, s) in sections.iter().enumerate() {
        for v in s.variants.iter().flatten() {
            if let Some(file) = &v.file {
                let rel = file.strip_prefix("content/").unwrap_or(file).to_string();
                let lang = config
                    .language_index(rel.rsplit('.').nth(1).unwrap_or(""))
                    .filter(|&l| l > 0);
                files.insert(rel, (Target::Section(i), lang));
            }
        }
        let base = if s.dir.is_empty() {
            "_index.md".to_string()
        } else {
            format!("{}/_index.md", s.dir)
        };
        files.entry(base).or_insert((Target::Section(i), None));
    }

    // Resolve links.
    let index = LinkIndex {
        files,
        drafts: draft_files,
    };
    let resolver = Resolver {
        index: &index,
        pages: &pages,
        sections: &sections,
        anchors: Default::default(),
    };
    let mut resolved_pages: Vec<Vec<(usize, Vec<ResolvedLink>)>> = Vec::new();
    for links in &page_links {
        let mut per_variant = Vec::new();
        for (lang, file, body_offset, raw) in links {
            per_variant.push((
                *lang,
                resolver.resolve_all(file, *body_offset, raw, &mut diags),
            ));
        }
        resolved_pages.push(per_variant);
    }
    let resolved_sections: Vec<(usize, usize, Vec<ResolvedLink>)> = section_links
        .into_iter()
        .map(|(si, lang, file, offset, raw)| {
            (
                si,
                lang,
                resolver.resolve_all(&file, offset, &raw, &mut diags),
            )
        })
        .collect();
    for (page, resolved) in pages.iter_mut().zip(resolved_pages) {
        // Each page has no other owner yet: this changes it in place.
        let page = Arc::make_mut(page);
        for (lang, links) in resolved {
            if let Some(v) = page.variants[lang].as_mut() {
                v.body.links = links;
            }
        }
    }
    for (si, lang, links) in resolved_sections {
        if let Some(v) = sections[si].variants[lang].as_mut() {
            v.body.links = links;
        }
    }
    let all: Vec<usize> = (0..pages.len()).collect();
    super::references::resolve_handouts(&index, &mut pages, &all, &mut diags);
    super::references::check_images(&pages, &assets, &all, &mut diags);

    // Listings.
    for (pi, p) in pages.iter().enumerate() {
        for l in 0..langs {
            sections[p.section].pages[l].push(pi);
        }
    }
    for s in sections.iter_mut() {
        let sort_by = s.shown(0).0.front.sort_by;
        for l in 0..langs {
            s.pages[l].sort_by_cached_key(|&p| listing_key(&pages[p], l, sort_by));
        }
    }
    let mut child_order: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, s) in sections.iter().enumerate() {
        let mut children = s.children.clone();
        children.sort_by(|&a, &b| {
            let fa = &sections[a].shown(0).0.front;
            let fb = &sections[b].shown(0).0.front;
            (fa.weight.unwrap_or(i64::MAX), &fa.title)
                .cmp(&(fb.weight.unwrap_or(i64::MAX), &fb.title))
        });
        child_order.push((i, children));
    }
    for (i, children) in child_order {
        sections[i].children = children;
    }

    // Tags, from real versions only.
    let mut tags: Vec<BTreeMap<String, Tag>> = vec![BTreeMap::new(); langs];
    for (pi, p) in pages.iter().enumerate() {
        for v in p.variants.iter().flatten() {
            for (slug, name) in tag_slugs(v, Some(&mut diags)) {
                let tag = tags[v.lang].entry(slug.clone()).or_insert_with(|| Tag {
                    name: name.to_string(),
                    slug,
                    pages: Vec::new(),
                });
                // Pages are visited in order, so a page already listed (two names with one slug, or the
                // same tag twice) is the last one; searching the whole list made this quadratic.
                if tag.pages.last() != Some(&pi) {
                    tag.pages.push(pi);
                }
            }
        }
    }
    for (l, per_lang) in tags.iter_mut().enumerate() {
        for tag in per_lang.values_mut() {
            tag.pages
                .sort_by_cached_key(|&p| listing_key(&pages[p], l, SortBy::Date));
        }
    }

    // Aliases and slugs must stay inside the output folder; that is checked when outputs are planned.
    let site = Site {
        config,
        strings,
        sections,
        pages,
        tags,
        assets,
        now: options.now,
        links: Arc::new(index),
    };
    (Some(site), diags)
}

/// Why [`relink`] cannot update a site for an edit: the edit changes the site's structure (its pages,
/// translations, URLs or set of tags) or a section file, which only a full [`link`] handles.
#[derive(Debug, PartialEq, Eq)]
pub struct Structural;

/// A site updated by [`relink`].
pub struct Relinked {
    pub site: Site,
    /// The pages whose files changed, by index (the same in the old site and the new one).
    pub pages: Vec<usize>,
    /// Problems in the changed files, and in other files' links to anchors of the changed pages.
    pub diagnostics: Vec<Diagnostic>,
}

/// The link step for edits of existing page files that leave the site's structure as it was: only the edited
/// pages are linked again, moved in their listings and tags, and links to their headings checked again;
/// everything else is shared with `old`. The result is the site [`link`] gives for all files, so `serve` can
/// afford it after every save of a large site.
///
/// `old` must have linked without errors, with the same configuration, strings and options; `changed` are the
/// edited files' new load results, and `loaded_of` gives any file's load result (for re-checking the links
/// of files that point at headings of the edited pages). The diagnostics are those of the changed files and
/// those links; the caller keeps the other files' diagnostics of the run that linked `old`.
pub fn relink(
    old: &Site,
    changed: Vec<Arc<Loaded>>,
    options: LinkOptions,
    loaded_of: &dyn Fn(&str) -> Option<Arc<Loaded>>,
) -> Result<Relinked, Structural> {
    let config = &old.config;
    let langs = config.languages.len();
    let mut diags = Vec::new();
    let mut pages = old.pages.clone();
    // The edited versions: (page, language), their files, body offsets and links still to resolve.
    let mut pending: Vec<(usize, PendingLinks)> = Vec::new();
    for l in changed {
        let Loaded::Page(f) = Arc::try_unwrap(l).unwrap_or_else(|l| Loaded::clone(&l)) else {
            return Err(Structural);
        };
        if f.front.draft && !options.drafts {
            // A draft that stays a draft is no part of the site; one that was published leaves it.
            if old.links.drafts.contains(&f.file) {
                continue;
            }
            return Err(Structural);
        }
        let Ok(pi) = pages.binary_search_by(|p| p.key.as_str().cmp(&f.key)) else {
            return Err(Structural);
        };
        let lang = f.lang;
        let same_file = pages[pi].variants[lang]
            .as_ref()
            .is_some_and(|v| v.file == f.file);
        if !same_file || pages[pi].bundle_dir.is_some() != f.bundle {
            return Err(Structural);
        }
        let (variant, raw) = page_variant(*f, config, options.now.date(), &mut diags);
        // Copies the page the first time (the old site keeps its own).
        let page = Arc::make_mut(&mut pages[pi]);
        pending.push((pi, (lang, variant.file.clone(), variant.body.offset, raw)));
        page.variants[lang] = Some(variant);
        let paths = page_paths(
            config,
            &old.sections[page.section].dir,
            &page.variants,
            page.fallback,
        );
        if paths != page.paths {
            return Err(Structural);
        }
    }
    let mut touched: Vec<usize> = pending.iter().map(|(pi, _)| *pi).collect();
    touched.sort_unstable();
    touched.dedup();

    // Links of the edited versions, and other files' links to headings of the edited pages.
    let resolver = Resolver {
        index: &old.links,
        pages: &pages,
        sections: &old.sections,
        anchors: Default::default(),
    };
    let resolved: Vec<(usize, usize, Vec<ResolvedLink>)> = pending
        .iter()
        .map(|(pi, (lang, file, offset, raw))| {
            (
                *pi,
                *lang,
                resolver.resolve_all(file, *offset, raw, &mut diags),
            )
        })
        .collect();
    let edited: HashSet<&str> = pending.iter().map(|(_, (_, f, _, _))| f.as_str()).collect();
    let into_edited = |links: &[ResolvedLink]| {
        links.iter().any(|l| {
            l.anchor.as_ref().is_some_and(|a| !a.is_empty())
                && matches!(l.target, Target::Page(t) if touched.binary_search(&t).is_ok())
        })
    };
    // (where the file's links are kept, language, file)
    let mut recheck: Vec<(Target, usize, &str)> = Vec::new();
    for (pi, p) in pages.iter().enumerate() {
        for v in p.variants.iter().flatten() {
            // The cheap test first: this runs over every page of the site.
            if into_edited(&v.body.links) && !edited.contains(v.file.as_str()) {
                recheck.push((Target::Page(pi), v.lang, &v.file));
            }
        }
    }
    for (si, s) in old.sections.iter().enumerate() {
        for (lang, v) in s.variants.iter().enumerate() {
            let Some(v) = v else { continue };
            if let Some(file) = &v.file {
                if into_edited(&v.body.links) {
                    recheck.push((Target::Section(si), lang, file));
                }
            }
        }
    }
    let mut rechecked: Vec<(Target, usize, Vec<ResolvedLink>)> = Vec::new();
    for (target, lang, file) in recheck {
        // `old` had no broken links, so only those to the edited pages' headings can be reported here.
        let links = match loaded_of(file).as_deref() {
            Some(Loaded::Page(p)) => {
                resolver.resolve_all(file, p.body_offset, &p.body.links, &mut diags)
            }
            Some(Loaded::Section(s)) => {
                resolver.resolve_all(file, s.body_offset, &s.body.links, &mut diags)
            }
            None => return Err(Structural),
        };
        rechecked.push((target, lang, links));
    }
    drop(resolver);
    for (pi, lang, links) in resolved {
        if let Some(v) = Arc::make_mut(&mut pages[pi]).variants[lang].as_mut() {
            v.body.links = links;
        }
    }
    super::references::resolve_handouts(&old.links, &mut pages, &touched, &mut diags);
    super::references::check_images(&pages, &old.assets, &touched, &mut diags);
    let mut sections = old.sections.clone();
    for (target, lang, links) in rechecked {
        // The same links unless one broke (it then points nowhere, as after a full link): copy only then.
        let unchanged = match target {
            Target::Page(pi) => pages[pi].variants[lang].as_ref().map(|v| &v.body),
            Target::Section(si) => sections[si].variants[lang].as_ref().map(|v| &v.body),
        }
        .is_none_or(|b| same_links(&b.links, &links));
        if unchanged {
            continue;
        }
        let body = match target {
            Target::Page(pi) => Arc::make_mut(&mut pages[pi]).variants[lang]
                .as_mut()
                .map(|v| &mut v.body),
            Target::Section(si) => sections[si].variants[lang].as_mut().map(|v| &mut v.body),
        };
        if let Some(body) = body {
            body.links = links;
        }
    }

    // Listings: an edited page whose sort key changed moves; the others keep their order. All moving pages
    // leave first, so the rest is in order when each is put back.
    let mut moving: Vec<(usize, usize, usize)> = Vec::new();
    for &pi in &touched {
        let si = pages[pi].section;
        let sort_by = sections[si].shown(0).0.front.sort_by;
        for l in 0..langs {
            if listing_key(&old.pages[pi], l, sort_by) != listing_key(&pages[pi], l, sort_by) {
                moving.push((si, l, pi));
            }
        }
    }
    for &(si, l, pi) in &moving {
        sections[si].pages[l].retain(|&p| p != pi);
    }
    for &(si, l, pi) in &moving {
        let sort_by = sections[si].shown(0).0.front.sort_by;
        let key = listing_key(&pages[pi], l, sort_by);
        let list = &mut sections[si].pages[l];
        let at = list.partition_point(|&q| listing_key(&pages[q], l, sort_by) < key);
        list.insert(at, pi);
    }

    // Tags of the edited versions: each edited page leaves the tags it had and joins those it has, in date
    // order. A tag that appears or empties changes the outputs: that is for a full link.
    let mut tags = old.tags.clone();
    let mut joined: Vec<(usize, usize, String)> = Vec::new();
    let mut renamed: BTreeSet<(usize, String)> = BTreeSet::new();
    for (pi, (lang, _, _, _)) in &pending {
        let (pi, lang) = (*pi, *lang);
        let (Some(before), Some(after)) =
            (&old.pages[pi].variants[lang], &pages[pi].variants[lang])
        else {
            return Err(Structural);
        };
        let now = tag_slugs(after, Some(&mut diags));
        for (slug, _) in tag_slugs(before, None).iter().chain(&now) {
            if let Some(tag) = tags[lang].get_mut(slug) {
                tag.pages.retain(|&p| p != pi);
            }
            renamed.insert((lang, slug.clone()));
        }
        joined.extend(now.into_iter().map(|(slug, _)| (pi, lang, slug)));
    }
    for (pi, lang, slug) in joined {
        let Some(tag) = tags[lang].get_mut(&slug) else {
            return Err(Structural);
        };
        if tag.pages.contains(&pi) {
            continue;
        }
        let key = listing_key(&pages[pi], lang, SortBy::Date);
        let at = tag
            .pages
            .partition_point(|&q| listing_key(&pages[q], lang, SortBy::Date) < key);
        tag.pages.insert(at, pi);
    }
    for (lang, slug) in renamed {
        let Some(tag) = tags[lang].get_mut(&slug) else {
            continue;
        };
        // The name shown is the first one written with this slug, in page order.
        let first = tag.pages.iter().min().and_then(|&p| {
            let v = pages[p].variants[lang].as_ref()?;
            tag_slugs(v, None)
                .into_iter()
                .find(|(s, _)| *s == slug)
                .map(|(_, name)| name.to_string())
        });
        match first {
            Some(name) => tag.name = name,
            None => return Err(Structural),
        }
    }

    let site = Site {
        config: old.config.clone(),
        strings: old.strings.clone(),
        sections,
        pages,
        tags,
        assets: old.assets.clone(),
        now: options.now,
        links: old.links.clone(),
    };
    Ok(Relinked {
        site,
        pages: touched,
        diagnostics: diags,
    })
}

/// Whether two lists of resolved links point at the same places.
fn same_links(a: &[ResolvedLink], b: &[ResolvedLink]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.target == y.target && x.lang == y.lang && x.anchor == y.anchor)
}

/// One loaded page file as a version of its page, and its internal links, still to be resolved.
fn page_variant(
    mut f: LoadedPage,
    config: &Config,
    today: jiff::civil::Date,
    diags: &mut Vec<Diagnostic>,
) -> (PageVariant, Vec<InternalLink>) {
    check_tariffs(&f, config, today, diags);
    let slug = match &f.front.slug {
        Some(s) => {
            if is_safe_segment(s) && s.trim() == s {
                s.clone()
            } else {
                diags.push(
                    front_error(&f, codes::BAD_VALUE, &["slug"], format!("`slug` cannot be used as a URL segment: `{s}`"))
                        .with_hint("write a single word or words joined by `-`, without `/`, `..` or spaces at the ends"),
                );
                f.file_slug.clone()
            }
        }
        None => f.file_slug.clone(),
    };
    let event = f.front.event.as_ref().map(|e| event_times(e, config));
    let steps = if f.steps.is_empty() {
        std::mem::take(&mut f.body.steps)
    } else {
        std::mem::take(&mut f.steps)
    };
    let links = std::mem::take(&mut f.body.links);
    let handouts = super::references::handouts_of(&f);
    let image_spans = super::references::image_spans_of(&f);
    let variant = PageVariant {
        handouts,
        image_spans,
        file: f.file,
        lang: f.lang,
        slug,
        steps,
        requirements: f.requirements,
        event,
        body: Body::loaded(f.body, f.body_offset),
        front: f.front,
    };
    (variant, links)
}

/// A page's `tariff:` references must name a tariff of `data/tariffs.yaml` that is still charged today.
fn check_tariffs(
    f: &LoadedPage,
    config: &Config,
    today: jiff::civil::Date,
    diags: &mut Vec<Diagnostic>,
) {
    let tariffs = &config.data.tariffs;
    if tariffs.broken {
        return;
    }
    let ids = f.front.fees.iter().filter_map(|fee| match &fee.fee {
        FeeSource::Tariff(id) => Some(id),
        FeeSource::Literal(_) => None,
    });
    let doc = crate::yaml::Doc {
        file: &f.file,
        text: &f.front_text,
        offset: f.front_offset,
    };
    let spans = doc.values_in_block("fees", "tariff");
    for (i, id) in ids.enumerate() {
        let span = spans
            .get(i)
            .cloned()
            .unwrap_or_else(|| doc.span_of(&["fees"]));
        match tariffs.get(id) {
            None => {
                let (message, hint) = tariffs.unknown(id);
                diags.push(
                    doc.error_at(codes::UNKNOWN_TARIFF, span, message)
                        .with_hint(hint),
                );
            }
            Some(t) if t.expired(today) => {
                let until = t.valid_until.map(|d| d.to_string()).unwrap_or_default();
                diags.push(
                    doc.error_at(
                        codes::EXPIRED_TARIFF,
                        span,
                        format!("tariff `{id}` is no longer charged: it ended on {until}"),
                    )
                    .with_hint(format!(
                        "quote the tariff that replaced it, or update `{id}` in {}",
                        crate::data::TARIFFS_FILE
                    )),
                );
            }
            Some(_) => {}
        }
    }
}

/// Site-relative folder of a page in each language: its own slug where it is translated, else its fallback's.
fn page_paths(
    config: &Config,
    section_dir: &str,
    variants: &[Option<PageVariant>],
    fallback: usize,
) -> Vec<String> {
    let prefix = if section_dir.is_empty() {
        String::new()
    } else {
        format!("{section_dir}/")
    };
    (0..variants.len())
        .map(|l| {
            let slug = variants[l]
                .as_ref()
                .or(variants[fallback].as_ref())
                .map_or("", |v| v.slug.as_str());
            config.lang_path(l, &format!("{prefix}{slug}/"))
        })
        .collect()
}

/// A page version's tags as (slug, name as written), in order; names without letters or digits are left
/// out, with a warning when `diags` is given.
fn tag_slugs<'v>(
    v: &'v PageVariant,
    mut diags: Option<&mut Vec<Diagnostic>>,
) -> Vec<(String, &'v str)> {
    let mut out = Vec::with_capacity(v.front.tags.len());
    for name in &v.front.tags {
        let slug = slugify(name);
        if slug.is_empty() {
            if let Some(diags) = diags.as_deref_mut() {
                diags.push(
                    Diagnostic::warning(
                        codes::EMPTY_TAG,
                        format!("tag `{name}` has no letters or digits and is ignored"),
                    )
                    .in_file(&v.file)
                    .with_hint("use a word as a tag"),
                );
            }
            continue;
        }
        out.push((slug, name.as_str()));
    }
    out
}

fn implicit_section(dir: &str, config: &Config) -> SectionVariant {
    let name = dir.rsplit('/').next().unwrap_or(dir);
    let title = if dir.is_empty() {
        config.default_language().title.clone()
    } else {
        let mut t = name.replace('-', " ");
        if let Some(first) = t.get(..1) {
            t = first.to_uppercase() + &t[1..];
        }
        t
    };
    SectionVariant {
        file: None,
        front: SectionFront {
            title,
            ..SectionFront::default()
        },
        body: Body::default(),
    }
}

/// An error about a front-matter key of a page, pointing at the key's value.
fn front_error(page: &LoadedPage, code: &'static str, key: &[&str], message: String) -> Diagnostic {
    let doc = crate::yaml::Doc {
        file: &page.file,
        text: &page.front_text,
        offset: page.front_offset,
    };
    doc.error_at(code, doc.value_span_of(key), message)
}

fn event_times(e: &Event, config: &Config) -> EventTimes {
    let tz = &config.timezone;
    let start = e
        .start
        .instant(tz)
        .unwrap_or_else(|| jiff::Timestamp::UNIX_EPOCH.to_zoned(tz.clone()));
    EventTimes {
        start,
        end: e.end.as_ref().and_then(|t| t.instant(tz)),
        start_has_time: e.start.has_time(),
        end_has_time: e.end.as_ref().is_some_and(EventTime::has_time),
        location: e.location.clone(),
        address: e.address.clone(),
    }
}

/// Orders two pages in a listing shown in `lang`.
pub fn compare_pages(a: &Page, b: &Page, lang: usize, sort_by: SortBy) -> std::cmp::Ordering {
    listing_key(a, lang, sort_by).cmp(&listing_key(b, lang, sort_by))
}

/// What a listing sorts by, computed once per page (the lowercased title allocates, so comparing pages
/// directly allocated twice per comparison).
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
    let (v, _) = page.shown(lang);
    let first = match sort_by {
        SortBy::Weight => First::Weight(v.front.weight.unwrap_or(i64::MAX)),
        SortBy::Date => First::Date(std::cmp::Reverse(
            v.event
                .as_ref()
                .map(|e| e.start.date())
                .or(v.front.date.map(|d| d.0))
                .or(v.front.updated.map(|d| d.0)),
        )),
        SortBy::Title => First::Nothing,
    };
    ListingKey {
        first,
        title: v.front.title.to_lowercase(),
        key: &page.key,
    }
}

/// Heading ids per (target, language) of a link.
type AnchorSets<'a> = HashMap<(Target, Option<usize>), std::collections::HashSet<&'a str>>;

struct Resolver<'a> {
    index: &'a LinkIndex,
    pages: &'a [Arc<Page>],
    sections: &'a [Section],
    /// Heading ids per link target, built on first use.
    anchors: std::cell::RefCell<AnchorSets<'a>>,
}

impl<'a> Resolver<'a> {
    fn resolve_all(
        &self,
        file: &str,
        body_offset: usize,
        links: &[InternalLink],
        diags: &mut Vec<Diagnostic>,
    ) -> Vec<ResolvedLink> {
        links
            .iter()
            .map(|link| {
                let span = body_offset + link.span.start..body_offset + link.span.end;
                match self.resolve(file, link, span, diags) {
                    Some(r) => r,
                    // Broken links render as `#` in the (failed) build; the error stops it anyway.
                    None => ResolvedLink {
                        target: Target::Section(0),
                        lang: None,
                        anchor: None,
                    },
                }
            })
            .collect()
    }

    fn resolve(
        &self,
        file: &str,
        link: &InternalLink,
        span: Range<usize>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<ResolvedLink> {
        let base_dir = file.strip_prefix("content/").unwrap_or(file);
        let base_dir = base_dir.rsplit_once('/').map_or("", |(d, _)| d);
        let decoded = crate::percent::decode_lossy(&link.path);
        let Some(target_path) = join_relative(base_dir, &decoded) else {
            diags.push(
                Diagnostic::error(
                    codes::LINK_ESCAPE,
                    format!("link `{}` points outside the content folder", link.path),
                )
                .at(file, span)
                .with_hint("link to a Markdown file inside content/, relative to this file"),
            );
            return None;
        };
        let Some(&(target, lang)) = self.index.files.get(&target_path) else {
            let full = format!("content/{target_path}");
            if self.index.drafts.contains(&full) {
                diags.push(
                    Diagnostic::error(codes::LINK_TO_DRAFT, format!("link to a draft page: `{}`", link.path))
                        .at(file, span)
                        .with_hint("publish that page (remove `draft: true`), build with --drafts, or remove the link"),
                );
                return None;
            }
            let hint = match did_you_mean(&target_path, self.index.files.keys().map(String::as_str))
            {
                Some(s) => format!(
                    "no file `content/{target_path}`; did you mean `{}`?",
                    relative_from(base_dir, s)
                ),
                None => format!(
                    "no file `content/{target_path}`; check the path, relative to this file"
                ),
            };
            diags.push(
                Diagnostic::error(codes::BROKEN_LINK, format!("broken link: `{}`", link.path))
                    .at(file, span)
                    .with_hint(hint),
            );
            return None;
        };
        if let Some(anchor) = &link.anchor {
            if !anchor.is_empty() && !self.has_anchor(target, lang, anchor) {
                let headings = self.headings(target, lang);
                let hint = match did_you_mean(anchor, headings.iter().map(|h| h.id.as_str())) {
                    Some(s) => format!("did you mean `#{s}`?"),
                    None if headings.is_empty() => {
                        "the target page has no headings; remove the `#…` part".to_string()
                    }
                    None => format!(
                        "headings there: {}",
                        headings
                            .iter()
                            .map(|h| format!("#{}", h.id))
                            .take(8)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                diags.push(
                    Diagnostic::error(
                        codes::BROKEN_ANCHOR,
                        format!(
                            "broken anchor: `#{anchor}` is not a heading in `{}`",
                            link.path
                        ),
                    )
                    .at(file, span)
                    .with_hint(hint),
                );
                return None;
            }
        }
        Some(ResolvedLink {
            target,
            lang,
            anchor: link.anchor.clone(),
        })
    }

    /// Headings of the default version of a target (anchors are checked there; ids may differ per language
    /// only when headings are translated, which explicit `{#id}` avoids).
    fn headings(&self, target: Target, lang: Option<usize>) -> &'a [Heading] {
        let (pages, sections) = (self.pages, self.sections);
        match target {
            Target::Page(i) => &pages[i].shown(lang.unwrap_or(0)).0.body.headings,
            Target::Section(i) => &sections[i].shown(lang.unwrap_or(0)).0.body.headings,
        }
    }

    /// Whether `anchor` is a heading id of the target. The ids of each target are hashed once, so a page
    /// with many anchored links to a page with many headings stays linear.
    fn has_anchor(&self, target: Target, lang: Option<usize>, anchor: &str) -> bool {
        let mut cache = self.anchors.borrow_mut();
        cache
            .entry((target, lang))
            .or_insert_with(|| {
                self.headings(target, lang)
                    .iter()
                    .map(|h| h.id.as_str())
                    .collect()
            })
            .contains(anchor)
    }
}

/// Joins a relative link to the folder it was written in; `None` if it climbs out of `content/`.
pub(super) fn join_relative(base_dir: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = if link.starts_with('/') {
        Vec::new()
    } else {
        base_dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in link.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// The relative path from folder `base_dir` to file `target` (both relative to `content/`).
pub(super) fn relative_from(base_dir: &str, target: &str) -> String {
    let base: Vec<&str> = base_dir.split('/').filter(|s| !s.is_empty()).collect();
    let target_parts: Vec<&str> = target.split('/').collect();
    let (target_dirs, file) = target_parts.split_at(target_parts.len().saturating_sub(1));
    let common = base
        .iter()
        .zip(target_dirs)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = "../".repeat(base.len() - common);
    for d in &target_dirs[common..] {
        out.push_str(d);
        out.push('/');
    }
    out.push_str(file.first().copied().unwrap_or_default());
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{load_file, SourceFile};
    use crate::diagnostics::normalize;

    const CONFIG: &str = "title: T\nbase_url: https://x.example\ndefault_language: id\nlanguages:\n  id: {}\n  en: {}\n";

    fn now(config: &Config) -> Zoned {
        jiff::Timestamp::from_second(1_795_392_000)
            .unwrap()
            .to_zoned(config.timezone.clone())
    }

    /// Loads and links `files` ((path, text)): the site, its diagnostics, and each file's load result.
    fn link_all(files: &[(&str, String)]) -> (Site, Vec<Diagnostic>, HashMap<String, Arc<Loaded>>) {
        let config = Config::parse(CONFIG).unwrap();
        let strings = Strings::load(&config, &[]).unwrap();
        let mut loaded = HashMap::new();
        for (path, text) in files {
            let file = SourceFile {
                path: path.to_string(),
                text: Arc::from(text.as_str()),
            };
            let (l, _) = load_file(&config, &file).unwrap();
            loaded.insert(path.to_string(), Arc::new(l));
        }
        let options = LinkOptions {
            drafts: false,
            now: now(&config),
        };
        let all = files.iter().map(|(p, _)| loaded[*p].clone()).collect();
        let (site, mut diags) = link(config, strings, all, Vec::new(), options);
        normalize(&mut diags);
        (site.unwrap(), diags, loaded)
    }

    fn page(title: &str, weight: i64, tags: &str, body: &str) -> String {
        format!("---\ntitle: {title}\ndate: 2026-0{}-01\nweight: {weight}\ntags: [{tags}]\n---\n{body}\n", weight + 1)
    }

    /// After each edit, re-linking only the edited file gives the site and the diagnostics that linking
    /// everything gives (`Site`'s debug form shows every field, listings and tags in order).
    #[test]
    fn relinking_an_edit_equals_linking_everything() {
        let mut files: Vec<(&str, String)> = vec![
            ("content/_index.md", "---\ntitle: Beranda\n---\n".into()),
            (
                "content/a/_index.md",
                "---\ntitle: A\nsort_by: weight\n---\n".into(),
            ),
            (
                "content/a/satu.md",
                page("Satu", 1, "x, y", "Ke [dua](dua.md#bagian)."),
            ),
            (
                "content/a/satu.en.md",
                page("One", 1, "x", "To [two](dua.md)."),
            ),
            ("content/a/dua.md", page("Dua", 2, "y", "## Bagian\n\nIsi.")),
            (
                "content/a/tiga.md",
                page("Tiga", 3, "y, \"!!\"", "Isi tiga."),
            ),
            (
                "content/b/empat.md",
                page("Empat", 4, "x", "Ke [satu](../a/satu.md)."),
            ),
        ];
        let edits: Vec<(&str, String, bool)> = vec![
            // Moves to the front of its listing and of tag y.
            (
                "content/a/tiga.md",
                page("Tiga", 0, "y, \"!!\"", "Isi tiga."),
                true,
            ),
            // Leaves tag x (which others keep), joins y; the English version is unchanged.
            (
                "content/a/satu.md",
                page("Satu", 1, "y", "Ke [dua](dua.md#bagian)."),
                true,
            ),
            // The heading another page links to is gone: that page's link is an error now.
            (
                "content/a/dua.md",
                page("Dua", 2, "y", "## Lain\n\nIsi."),
                true,
            ),
            (
                "content/a/dua.md",
                page("Dua", 2, "Y", "## Bagian\n\nIsi."),
                true,
            ),
            // The last page with tag x in English would leave it: a tag page disappears.
            (
                "content/a/satu.en.md",
                page("One", 1, "z", "To [two](dua.md)."),
                false,
            ),
            // A new slug moves the page.
            (
                "content/b/empat.md",
                "---\ntitle: Empat\nslug: iv\n---\n".into(),
                false,
            ),
            ("content/a/_index.md", "---\ntitle: A2\n---\n".into(), false),
        ];
        // As in `serve`: the base is the last site linked without errors, and every file edited since is
        // linked again over it.
        let (mut base, mut base_diags, _) = link_all(&files);
        let mut since: BTreeSet<&str> = BTreeSet::new();
        for (path, text, relinkable) in edits {
            let at = files.iter().position(|(p, _)| *p == path).unwrap();
            files[at].1 = text;
            since.insert(path);
            let (full, full_diags, loaded) = link_all(&files);
            let options = LinkOptions {
                drafts: false,
                now: full.now.clone(),
            };
            let edited = since.iter().map(|f| loaded[*f].clone()).collect();
            let result = relink(&base, edited, options, &|f| loaded.get(f).cloned());
            let Ok(relinked) = result else {
                assert!(!relinkable, "{path} could not be relinked");
                (base, base_diags, since) = (full, full_diags, BTreeSet::new());
                continue;
            };
            assert!(relinkable, "{path} was relinked");
            assert_eq!(
                format!("{:?}", relinked.site),
                format!("{full:?}"),
                "{path}"
            );
            let mut diags: Vec<Diagnostic> = base_diags
                .iter()
                .filter(|d| d.file.as_deref().is_none_or(|f| !since.contains(f)))
                .cloned()
                .chain(relinked.diagnostics)
                .collect();
            normalize(&mut diags);
            assert_eq!(diags, full_diags, "{path}");
            if !crate::diagnostics::has_errors(&full_diags) {
                (base, base_diags, since) = (full, full_diags, BTreeSet::new());
            }
        }
    }
}
