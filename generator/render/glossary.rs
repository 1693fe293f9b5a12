//! The glossary page of each language (`glossary/index.html`, `<lang>/glossary/index.html`): every term of
//! `data/glossary.yaml` with its explanation in the language and the guide that explains it, each under a
//! stable id (`#term-itas`) that the guides' term links point at.

use serde::Serialize;

use crate::content::site::{Site, Target};

/// The glossary page's folder, relative to a language's root.
pub const GLOSSARY_PATH: &str = "glossary/";

/// Whether the site has a glossary page.
pub fn wanted(site: &Site) -> bool {
    !site.config.data.glossary.is_empty()
}

/// One entry as the template shows it.
#[derive(Serialize)]
pub struct Entry<'a> {
    pub id: &'a str,
    pub term: &'a str,
    pub explanation: &'a str,
    /// The guide that explains the term, in the reader's language.
    pub link: Option<GuideLink>,
}

#[derive(Serialize)]
pub struct GuideLink {
    pub url: String,
    pub title: String,
}

/// The entries in `lang`, in alphabetical order (ignoring case), as readers look terms up.
pub fn entries(site: &Site, lang: usize) -> Vec<Entry<'_>> {
    let mut entries: Vec<Entry> = site
        .config
        .data
        .glossary
        .entries
        .iter()
        .map(|t| Entry {
            id: &t.id,
            term: &t.term,
            explanation: t.explanation(&site.config, lang),
            link: t.link.as_deref().and_then(|l| guide_link(site, l, lang)),
        })
        .collect();
    entries.sort_by_cached_key(|e| (e.term.to_lowercase(), e.term.to_string()));
    entries
}

/// The URL and title of a glossary `link:` in `lang` (`None` for a broken one, which `check_links` reports).
pub fn guide_link(site: &Site, link: &str, lang: usize) -> Option<GuideLink> {
    let (target, anchor) = site.content_target(link)?;
    let (path, title) = match target {
        Target::Page(i) => (
            &site.pages[i].paths[lang],
            site.pages[i].shown(lang).0.front.title.clone(),
        ),
        Target::Section(i) => (
            &site.sections[i].paths[lang],
            site.sections[i].shown(lang).0.front.title.clone(),
        ),
    };
    let mut url = site.config.url(path);
    if let Some(a) = anchor.filter(|a| !a.is_empty()) {
        url.push('#');
        url.push_str(&a);
    }
    Some(GuideLink { url, title })
}
