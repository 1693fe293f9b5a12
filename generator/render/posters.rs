//! Poster and pack jobs: which pages get them, where they go, and their data, built from the same
//! front matter and body as the page and its leaflet ([`super::leaflets::input`]).

use std::sync::Arc;

use super::leaflets::{self, to_diagnostic, Leaflets};
use crate::content::site::{contact_for, Page, Site};
use crate::diagnostics::{codes, Diagnostic, Sources};
use crate::leaflet::{PackHandout, PackInput, PosterInput, Rendered};
use crate::msg;

/// Which printed file: the sizes shown beside a page's links are kept per kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Print {
    Leaflet,
    Poster,
    Pack,
}

/// A poster's key points are cut to this many characters: about two lines at the poster's size.
const POINT_CHARS: usize = 110;

/// `<folder>/<lang>/<section>/<slug>.pdf` of a page, as leaflets are placed.
fn print_path(folder: &str, site: &Site, page: &Page, lang: usize) -> String {
    let leaflet = leaflets::output_path(site, page, lang);
    match leaflet.strip_prefix("leaflets/") {
        Some(rest) => format!("{folder}/{rest}"),
        None => leaflet,
    }
}

/// Where a page's poster goes in a language.
pub fn poster_path(site: &Site, page: &Page, lang: usize) -> String {
    print_path("posters", site, page, lang)
}

/// Where an event page's pack goes in a language.
pub fn pack_path(site: &Site, page: &Page, lang: usize) -> String {
    print_path("packs", site, page, lang)
}

/// A poster for every leaflet: the same pages, in the same languages.
pub fn poster_wanted(site: &Site, page: &Page, lang: usize) -> bool {
    leaflets::wanted(site, page, lang)
}

/// A pack for every real version of an event page that names handouts.
pub fn pack_wanted(site: &Site, page: &Page, lang: usize) -> bool {
    site.config.leaflets.enabled
        && page.variants[lang]
            .as_ref()
            .is_some_and(|v| v.event.is_some() && !v.handouts.is_empty())
}

/// The pages printed in an event page's pack in `lang`, in the order written, each once.
pub fn handouts(page: &Page, lang: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let (v, _) = page.shown(lang);
    for h in v.handouts.iter().filter_map(|h| h.page) {
        if !out.contains(&h) {
            out.push(h);
        }
    }
    out
}

/// Plain text of a run list (a step or requirement, formatted inline).
fn plain(runs: &[crate::leaflet::Inline]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

/// Whether any of the texts would print a placeholder.
fn prints_placeholder<'a>(site: &Site, mut texts: impl Iterator<Item = &'a str>) -> bool {
    texts.any(|t| site.config.placeholder_in(t).is_some())
}

/// A poster's data, formatted for the language.
pub fn poster_input(site: &Site, page: &Page, lang: usize) -> PosterInput {
    let layout = leaflets::layout_of(site, page, lang);
    let l = leaflets::input(site, page, lang, layout);
    // The steps, unless there are too few of them to make three points and the requirements have more.
    let (items, label) = if l.steps.len() < 3 && l.requirements.len() > l.steps.len() {
        (&l.requirements, "requirements")
    } else {
        (&l.steps, "steps")
    };
    let items: Vec<String> = items.iter().map(|r| plain(r)).collect();
    let sample = prints_placeholder(
        site,
        l.contact
            .iter()
            .map(|c| c.value.as_str())
            .chain(l.office.as_deref()),
    );
    PosterInput {
        points: crate::leaflet::key_points(&items, POINT_CHARS),
        points_label: l.labels.get(label).cloned().unwrap_or_default(),
        lang: l.lang,
        dir: l.dir,
        title: l.title,
        summary: l.summary,
        site_title: l.site_title,
        office: l.office,
        logo_svg: None,
        contact: l.contact,
        event: l.event,
        url: l.url,
        sample,
        labels: l.labels,
    }
}

/// A pack's cover data; `pages` gives the page sizes of each handout's rendered leaflet.
pub fn pack_input(
    site: &Site,
    page: &Page,
    lang: usize,
    handouts: &[(usize, &Rendered)],
) -> PackInput {
    let layout = leaflets::layout_of(site, page, lang);
    let mut l = leaflets::input(site, page, lang, layout);
    l.labels.insert(
        "handouts".into(),
        site.strings.get(lang, "event_handouts").to_string(),
    );
    let contact = contact_for(site, page, page.shown(lang).0, lang);
    let sample = prints_placeholder(
        site,
        l.contact
            .iter()
            .map(|c| c.value.as_str())
            .chain(contact.office.as_deref()),
    );
    PackInput {
        lang: l.lang,
        dir: l.dir,
        title: l.title,
        summary: l.summary,
        site_title: l.site_title,
        office: l.office,
        logo_svg: None,
        event: l.event,
        contact: l.contact,
        url: l.url,
        sample,
        handouts: handouts
            .iter()
            .map(|(h, r)| PackHandout {
                title: site.pages[*h].shown(lang).0.front.title.clone(),
                pages: r.pages.clone(),
            })
            .collect(),
        labels: l.labels,
    }
}

fn missing(name: &str, page: &Page, lang: usize) -> Vec<Diagnostic> {
    vec![Diagnostic::error(
        codes::MISSING_TEMPLATE,
        msg!("missing-print-template", name = name),
    )
    .in_file(&page.shown(lang).0.file)
    .with_hint(msg!("hint-missing-print-template", name = name))]
}

impl Leaflets {
    /// Renders a page's poster in `lang`.
    pub fn render_poster(
        &self,
        site: &Site,
        page: &Page,
        lang: usize,
        sources: &Sources,
    ) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let Some(template) = self.template("poster") else {
            return Err(missing("poster", page, lang));
        };
        let mut input = poster_input(site, page, lang);
        input.logo_svg = self.logo().cloned();
        self.engine
            .render_poster(&input, template)
            .map_err(|e| e.into_iter().map(|e| to_diagnostic(e, sources)).collect())
    }

    /// Renders an event page's pack in `lang`. `ready` gives leaflets already rendered in this run, by
    /// (page, language); the others are rendered here.
    pub fn render_pack(
        &self,
        site: &Site,
        page: &Page,
        lang: usize,
        ready: &dyn Fn(usize, usize) -> Option<Arc<Rendered>>,
        sources: &Sources,
    ) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let Some(template) = self.template("pack") else {
            return Err(missing("pack", page, lang));
        };
        let mut leaflets: Vec<(usize, Arc<Rendered>)> = Vec::new();
        for h in handouts(page, lang) {
            let rendered = match ready(h, lang) {
                Some(r) => r,
                None => {
                    let hp = &site.pages[h];
                    let layout = leaflets::layout_of(site, hp, lang);
                    Arc::new(self.render_pages(site, hp, lang, layout, sources)?)
                }
            };
            leaflets.push((h, rendered));
        }
        let refs: Vec<(usize, &Rendered)> = leaflets.iter().map(|(h, r)| (*h, &**r)).collect();
        let mut input = pack_input(site, page, lang, &refs);
        input.logo_svg = self.logo().cloned();
        let pdfs: Vec<&Rendered> = refs.iter().map(|(_, r)| *r).collect();
        self.engine
            .render_pack(&input, template, &pdfs)
            .map_err(|e| e.into_iter().map(|e| to_diagnostic(e, sources)).collect())
    }
}
