//! What each job reads, so `serve` can re-render only the outputs a content edit reaches.
//!
//! A job's template sees only its own context ([`super::context`]); this module states, per kind of job,
//! which pages that context is built from. When only some pages changed and the site's structure did not
//! (same pages, languages, URLs, sections, tags, outputs), the jobs that read none of those pages would
//! render the same bytes again, so they are skipped. Anything else gets a full render: [`affected`] answers
//! `None`. What listings show of a page is one type, [`crate::content::site::Listed`], which `context.rs`
//! serialises and this module compares; `serve`'s tests compare incremental and full renders.

use std::collections::BTreeSet;

use super::{Job, Planned};
use crate::content::site::{Page, PageVariant, Site};

/// The jobs to render again after an edit of some pages.
#[derive(Debug, Default)]
pub struct Affected {
    /// (page, language) where the version shown changed: that page, its aliases and its leaflet there.
    pub pages: BTreeSet<(usize, usize)>,
    /// (section, language) listings that show one of them differently (or, for the home page, an event).
    pub sections: BTreeSet<(usize, usize)>,
    /// Tag pages (per language, by slug) that list one of them differently, before or after the edit.
    pub tags: Vec<BTreeSet<String>>,
    /// Languages whose search index holds an edited version.
    pub search: Vec<bool>,
    /// Languages whose feed shows an edited version, before or after the edit.
    pub feeds: Vec<bool>,
    /// Languages where an edited version changed its tags (the tag index shows names and counts).
    pub tag_index: Vec<bool>,
    /// The default language's version of one of them changed its date, which is its `lastmod` in the sitemap.
    pub sitemap: bool,
    /// (event page, language) whose pack prints one of them: the pack and the page listing its handouts.
    pub packs: BTreeSet<(usize, usize)>,
}

impl Affected {
    fn new(langs: usize) -> Affected {
        Affected {
            tags: vec![BTreeSet::new(); langs],
            search: vec![false; langs],
            feeds: vec![false; langs],
            tag_index: vec![false; langs],
            ..Affected::default()
        }
    }

    /// Whether `job` may render differently now.
    pub fn wants(&self, job: &Job) -> bool {
        match job {
            // A page links its leaflet with the PDF's size, so both are rendered in the same run.
            Job::Page { page, lang } | Job::Pack { page, lang } => {
                self.pages.contains(&(*page, *lang)) || self.packs.contains(&(*page, *lang))
            }
            Job::Alias { page, lang }
            | Job::Leaflet { page, lang }
            | Job::Poster { page, lang } => self.pages.contains(&(*page, *lang)),
            Job::EventCalendar { page, lang } => self.pages.contains(&(*page, *lang)),
            // Its cache version is a hash of every page's content.
            Job::ServiceWorker => !self.pages.is_empty(),
            // From the theme's or the site's logo, and the configuration.
            Job::Icon { .. } | Job::WebManifest { .. } | Job::Offline { .. } => false,
            // Site and section titles: a section file's edit renders everything.
            Job::Card { .. } => false,
            // The feed lists the upcoming events of every page: any edited version may be one.
            Job::EventFeed { lang } => self.pages.iter().any(|(_, l)| l == lang),
            Job::Section { section, lang, .. } => self.sections.contains(&(*section, *lang)),
            Job::Tag { lang, slug } => self.tags[*lang].contains(slug),
            Job::SearchIndex { lang } => self.search[*lang],
            // Shows the titles of the guides its terms link to: cheap enough to render after any edit.
            Job::Glossary { lang } => self.pages.iter().any(|(_, l)| l == lang),
            Job::Feed { lang } => self.feeds[*lang],
            Job::TagIndex { lang } => self.tag_index[*lang],
            Job::Sitemap => self.sitemap,
            // Built from the configuration, strings and section titles only, or copied from disk.
            Job::Search { .. } | Job::NotFound { .. } | Job::Static { .. } | Job::Asset { .. } => {
                false
            }
        }
    }
}

/// The jobs reached when only the Markdown files `changed` (site-relative paths of page files) differ
/// between `old` and `new`, both linked from the same configuration, strings and theme. `None` when the
/// change reaches the site's structure, a section file, or the outputs planned: render everything.
pub fn affected(
    old: &Site,
    new: &Site,
    old_jobs: &[Planned],
    new_jobs: &[Planned],
    changed: &BTreeSet<String>,
) -> Option<Affected> {
    let langs = new.config.languages.len();
    if old.config.languages.len() != langs
        || old.pages.len() != new.pages.len()
        || old.sections.len() != new.sections.len()
    {
        return None;
    }
    if !old
        .pages
        .iter()
        .zip(&new.pages)
        .all(|(a, b)| same_place(a, b))
    {
        return None;
    }
    for (a, b) in old.sections.iter().zip(&new.sections) {
        let files = |s: &crate::content::site::Section| -> Vec<Option<String>> {
            s.variants
                .iter()
                .map(|v| v.as_ref().and_then(|v| v.file.clone()))
                .collect()
        };
        if a.dir != b.dir
            || a.parent != b.parent
            || a.children != b.children
            || a.paths != b.paths
            || files(a) != files(b)
        {
            return None;
        }
    }
    for (a, b) in old.tags.iter().zip(&new.tags) {
        if !a.keys().eq(b.keys()) {
            return None;
        }
    }
    // Aliases, pagination and bundles all show up as outputs.
    if old_jobs.len() != new_jobs.len()
        || !old_jobs.iter().zip(new_jobs).all(|(a, b)| a.out == b.out)
    {
        return None;
    }
    // Files that changed but belong to no page (a section file) reach further than this module tracks.
    let page_files: BTreeSet<&str> = new
        .pages
        .iter()
        .flat_map(|p| p.variants.iter().flatten().map(|v| v.file.as_str()))
        .collect();
    if changed.iter().any(|f| !page_files.contains(f.as_str())) {
        return None;
    }
    let touched = new.pages.iter().enumerate().filter_map(|(i, page)| {
        page.variants
            .iter()
            .flatten()
            .any(|v| changed.contains(&v.file))
            .then_some(i)
    });
    reached(old, new, touched, changed)
}

/// The jobs reached by edits of the files `changed` of the pages `pages`, when `old` and `new` have the same
/// structure (the same pages, sections, URLs, tags and outputs; [`same_outputs`] and
/// `content::site::relink` make sure of it). `None` when time moved past an event or a day boundary:
/// listings of events change then, so everything is rendered.
pub fn reached(
    old: &Site,
    new: &Site,
    pages: impl IntoIterator<Item = usize>,
    changed: &BTreeSet<String>,
) -> Option<Affected> {
    if old.now.date() != new.now.date() || events_crossed(old, new) {
        return None;
    }
    let langs = new.config.languages.len();
    let mut out = Affected::new(langs);
    for pi in pages {
        let (before, after) = (&old.pages[pi], &new.pages[pi]);
        for lang in 0..langs {
            let ((b, _), (a, _)) = (before.shown(lang), after.shown(lang));
            // Listings show, and are ordered by, only what `listed` gives.
            let listed = before.listed(lang) != after.listed(lang);
            if !changed.contains(&a.file) && !changed.contains(&b.file) {
                // The version shown here is another language's, which did not change.
                continue;
            }
            out.pages.insert((pi, lang));
            if listed {
                out.sections.insert((after.section, lang));
                // The home page lists upcoming events from every section.
                if b.event.is_some() || a.event.is_some() {
                    out.sections.insert((0, lang));
                }
            }
            if lang == 0 && lastmod(b) != lastmod(a) {
                out.sitemap = true;
            }
            // Tags, feeds and search indexes hold only versions in their own language.
            if after.variants[lang].is_none() {
                continue;
            }
            out.search[lang] = true;
            // Most dated versions are older than the feed's newest few, so the feed, the largest output a
            // title edit reached, stays as it is.
            if in_feed(old, pi, lang) || in_feed(new, pi, lang) {
                out.feeds[lang] = true;
            }
            let retagged = b.front.tags != a.front.tags;
            if retagged {
                out.tag_index[lang] = true;
            }
            if retagged || listed {
                for tag in b.front.tags.iter().chain(&a.front.tags) {
                    out.tags[lang].insert(crate::markdown::slugify(tag));
                }
            }
        }
    }
    out.packs = packs_reaching(new, &out.pages);
    Some(out)
}

/// Whether the outputs planned for `new` are those planned for `old`, when they differ only in the versions
/// of `pages` (linked again with the same structure): the aliases and leaflets those pages ask for.
pub fn same_outputs(old: &Site, new: &Site, pages: &[usize]) -> bool {
    pages.iter().all(|&pi| {
        let (a, b) = (&old.pages[pi], &new.pages[pi]);
        (0..new.config.languages.len()).all(|lang| {
            let (x, y) = (&a.variants[lang], &b.variants[lang]);
            x.as_ref().map(|v| &v.front.aliases) == y.as_ref().map(|v| &v.front.aliases)
                && super::leaflets::wanted(old, a, lang) == super::leaflets::wanted(new, b, lang)
                && super::posters::pack_wanted(old, a, lang)
                    == super::posters::pack_wanted(new, b, lang)
        })
    })
}

/// The date a version was last changed, as feeds and the sitemap give it.
fn lastmod(v: &PageVariant) -> Option<jiff::civil::Date> {
    v.front.updated.or(v.front.date).map(|d| d.0)
}

/// Whether the feed of `lang` shows page `pi`'s version.
fn in_feed(site: &Site, pi: usize, lang: usize) -> bool {
    let page = &*site.pages[pi];
    super::context::feed_entries(site, lang)
        .iter()
        .any(|(_, p, _)| std::ptr::eq(*p, page))
}

/// Same key, section, folder, fallback, URLs and languages: the page sits where it sat.
fn same_place(a: &Page, b: &Page) -> bool {
    a.key == b.key
        && a.section == b.section
        && a.bundle_dir == b.bundle_dir
        && a.fallback == b.fallback
        && a.paths == b.paths
        && a.variants
            .iter()
            .zip(&b.variants)
            .all(|(x, y)| x.as_ref().map(|v| &v.file) == y.as_ref().map(|v| &v.file))
}

/// Whether an event started or ended between the two runs' "now": listings sort it elsewhere then.
fn events_crossed(old: &Site, new: &Site) -> bool {
    let (from, to) = (old.now.timestamp(), new.now.timestamp());
    if from == to {
        return false;
    }
    let (from, to) = (from.min(to), from.max(to));
    new.pages.iter().any(|p| {
        p.variants.iter().flatten().any(|v| {
            v.event.as_ref().is_some_and(|e| {
                std::iter::once(&e.start)
                    .chain(e.end.as_ref())
                    .any(|z| z.timestamp() > from && z.timestamp() <= to)
            })
        })
    })
}

/// The event pages (page, language) whose handouts include one of `pages` (page, language) that changed: their
/// pack prints that handout's leaflet and the page lists its title, both in that language (also where the
/// event page itself is shown from another language).
fn packs_reaching(site: &Site, pages: &BTreeSet<(usize, usize)>) -> BTreeSet<(usize, usize)> {
    let mut out = BTreeSet::new();
    if pages.is_empty() {
        return out;
    }
    for (pi, page) in site.pages.iter().enumerate() {
        for lang in 0..site.config.languages.len() {
            let (v, _) = page.shown(lang);
            let reached = v
                .handouts
                .iter()
                .filter_map(|h| h.page)
                .any(|h| pages.contains(&(h, lang)));
            if reached {
                out.insert((pi, lang));
            }
        }
    }
    out
}
