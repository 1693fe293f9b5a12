//! What each job reads, so `serve` can re-render only the outputs a content edit reaches.
//!
//! A job's template sees only its own context ([`super::context`]); this module states, per kind of job,
//! which pages that context is built from. When only some pages changed and the site's structure did not
//! (same pages, languages, URLs, sections, tags, outputs), the jobs that read none of those pages would
//! render the same bytes again, so they are skipped. Anything else gets a full render: [`affected`] answers
//! `None`. Keep this in step with `context.rs`; `serve`'s tests compare incremental and full renders.

use std::collections::BTreeSet;

use super::{Job, Planned};
use crate::content::library::{Page, Site};

/// The jobs to render again after an edit of some pages.
#[derive(Debug, Default)]
pub struct Affected {
    /// Pages whose own text changed: their pages (every language: switchers, fallbacks), aliases and leaflets.
    pub pages: BTreeSet<usize>,
    /// Listings that show one of them: their sections, the sections above, and the home page.
    pub sections: BTreeSet<usize>,
    /// Tag pages (per language, by slug) that list one of them, before or after the edit.
    pub tags: Vec<BTreeSet<String>>,
    /// Languages whose search index holds one of them.
    pub search: Vec<bool>,
    /// Languages whose feed may list one of them (it has a date there).
    pub feeds: Vec<bool>,
    /// Languages where one of them changed its tags (the tag index shows counts).
    pub tag_index: Vec<bool>,
    /// One of them changed its date, which is its `lastmod` in the sitemap.
    pub sitemap: bool,
}

impl Affected {
    /// Whether `job` may render differently now.
    pub fn wants(&self, job: &Job) -> bool {
        match job {
            // A page links its leaflet with the PDF's size, so both are rendered in the same run.
            Job::Page { page, .. } | Job::Alias { page, .. } | Job::Leaflet { page, .. } => {
                self.pages.contains(page)
            }
            Job::Section { section, .. } => self.sections.contains(section),
            Job::Tag { lang, slug } => self.tags[*lang].contains(slug),
            Job::SearchIndex { lang } => self.search[*lang],
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
        || old.now.date() != new.now.date()
        || events_crossed(old, new)
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
        let files = |s: &crate::content::library::Section| -> Vec<Option<String>> {
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

    let mut out = Affected {
        tags: vec![BTreeSet::new(); langs],
        search: vec![false; langs],
        feeds: vec![false; langs],
        tag_index: vec![false; langs],
        ..Affected::default()
    };
    for (i, page) in new.pages.iter().enumerate() {
        let touched = page
            .variants
            .iter()
            .flatten()
            .any(|v| changed.contains(&v.file));
        if !touched {
            continue;
        }
        out.pages.insert(i);
        let mut section = Some(page.section);
        while let Some(s) = section {
            out.sections.insert(s);
            section = new.sections[s].parent;
        }
        let before = &old.pages[i];
        let lastmod = |p: &Page| {
            let front = &p.shown(0).0.front;
            front.updated.or(front.date).map(|d| d.0)
        };
        if lastmod(before) != lastmod(page) {
            out.sitemap = true;
        }
        for lang in 0..langs {
            let tags = |p: &Page| p.shown(lang).0.front.tags.clone();
            if tags(before) != tags(page) {
                out.tag_index[lang] = true;
            }
            for site_page in [before, page] {
                let (v, _) = site_page.shown(lang);
                for tag in &v.front.tags {
                    out.tags[lang].insert(crate::markdown::slugify(tag));
                }
                if let Some(v) = &site_page.variants[lang] {
                    out.search[lang] = true;
                    if v.front.updated.or(v.front.date).is_some() {
                        out.feeds[lang] = true;
                    }
                }
            }
        }
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
    // The home page lists upcoming events from every section.
    out.sections.insert(0);
    Some(out)
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
