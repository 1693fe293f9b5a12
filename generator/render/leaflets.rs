//! Leaflet jobs: a page's front matter and body → the structured [`LeafletInput`] the theme's Typst template
//! reads, and the rendered PDFs. Leaflets render before the web pages, so each page can link its leaflet with
//! the file's real size.

use crate::diagnostics::codes;
use crate::msg;
use std::collections::BTreeMap;

use crate::config::LeafletLayout;
use crate::content::site::{contact_for, Page, Site};
use crate::diagnostics::{offset_of, Diagnostic, Sources};
use crate::leaflet::{
    ContactLine, EventInfo, FeeLine, Inline, Layout, LeafletEngine, LeafletError, LeafletInput,
    Template,
};
use crate::messages::io_reason;
use crate::theme::Theme;

/// Where a page's leaflet goes in a language.
pub fn output_path(site: &Site, page: &Page, lang: usize) -> String {
    let (v, _) = page.shown(lang);
    let section = &site.sections[page.section].dir;
    let prefix = if section.is_empty() {
        String::new()
    } else {
        format!("{section}/")
    };
    format!(
        "leaflets/{}/{prefix}{}.pdf",
        site.config.languages[lang].code, v.slug
    )
}

/// The layout a page asks for, else the site's default.
pub fn layout_of(site: &Site, page: &Page, lang: usize) -> LeafletLayout {
    let (v, _) = page.shown(lang);
    v.front
        .leaflet
        .as_ref()
        .and_then(|l| l.layout)
        .unwrap_or(site.config.leaflets.layout)
}

/// Does this page get a leaflet in this language? Only real versions do: a leaflet is handed out, so it
/// must be in the reader's language.
pub fn wanted(site: &Site, page: &Page, lang: usize) -> bool {
    site.config.leaflets.enabled
        && page.variants[lang]
            .as_ref()
            .is_some_and(|v| v.front.leaflet.is_some())
}

/// Fonts and compiled-template sources, loaded once per build.
pub struct Leaflets {
    pub engine: LeafletEngine,
    templates: BTreeMap<&'static str, Template>,
    /// The site's logo (SVG text), printed on every leaflet's cover.
    logo: Option<String>,
}

impl Leaflets {
    /// Loads the theme's fonts and leaflet templates; `None` if the theme has no leaflet templates.
    pub fn load(theme: &Theme, sources: &Sources) -> Result<Leaflets, Diagnostic> {
        let fonts: Vec<Vec<u8>> = theme
            .files
            .keys()
            .filter(|k| k.starts_with("fonts/") && (k.ends_with(".ttf") || k.ends_with(".otf")))
            .filter_map(|k| theme.read(k))
            .collect();
        if fonts.is_empty() {
            return Err(
                Diagnostic::error(codes::LEAFLET_FONTS, msg!("leaflet-fonts"))
                    .with_hint(msg!("hint-leaflet-fonts")),
            );
        }
        let mut templates = BTreeMap::new();
        // Posters and packs have one layout each; `layout` only matters to the leaflets' fitting.
        for (name, layout) in [
            ("trifold", Layout::Trifold),
            ("booklet", Layout::Booklet),
            ("poster", Layout::Trifold),
            ("pack", Layout::Trifold),
        ] {
            let rel = format!("leaflets/{name}.typ");
            let Some(bytes) = theme.read(&rel) else {
                continue;
            };
            let path = theme.shown_path(&rel);
            let source = String::from_utf8(bytes).map_err(|_| {
                Diagnostic::error(codes::NOT_UTF8, msg!("template-not-utf8"))
                    .in_file(&path)
                    .with_hint(msg!("hint-template-not-utf8"))
            })?;
            sources.insert(&path, source.as_str().into());
            templates.insert(
                name,
                Template {
                    path,
                    source,
                    layout,
                },
            );
        }
        // The site's logo, when it has one: `static/logo.svg` of the site (or of its theme), the same
        // file the web pages can use. Typst reads it from the leaflet's own virtual world.
        let logo = match theme.statics.get("logo.svg") {
            None => None,
            Some(source) => {
                let bytes = source.read();
                let shown = "static/logo.svg";
                match bytes.map(String::from_utf8) {
                    Ok(Ok(svg)) => Some(svg),
                    Ok(Err(_)) => {
                        return Err(Diagnostic::error(codes::NOT_UTF8, msg!("logo-not-utf8"))
                            .in_file(shown)
                            .with_hint(msg!("hint-logo-not-utf8")))
                    }
                    Err(e) => {
                        return Err(Diagnostic::error(
                            codes::IO,
                            msg!("cannot-read-logo", reason = io_reason(&e)),
                        )
                        .in_file(shown)
                        .with_hint(msg!("hint-cannot-read")))
                    }
                }
            }
        };
        Ok(Leaflets {
            engine: LeafletEngine::new(fonts),
            templates,
            logo,
        })
    }

    /// Renders one leaflet.
    pub fn render(
        &self,
        site: &Site,
        page: &Page,
        lang: usize,
        layout: LeafletLayout,
        sources: &Sources,
    ) -> Result<Vec<u8>, Vec<Diagnostic>> {
        self.render_pages(site, page, lang, layout, sources)
            .map(|r| r.pdf)
    }

    /// The theme's template `leaflets/<name>.typ`, if it has one.
    pub(super) fn template(&self, name: &str) -> Option<&Template> {
        self.templates.get(name)
    }

    /// The site's logo (SVG text), if it has one.
    pub(super) fn logo(&self) -> Option<&String> {
        self.logo.as_ref()
    }

    /// Renders one leaflet and says the size of each of its pages.
    pub fn render_pages(
        &self,
        site: &Site,
        page: &Page,
        lang: usize,
        layout: LeafletLayout,
        sources: &Sources,
    ) -> Result<crate::leaflet::Rendered, Vec<Diagnostic>> {
        let name = match layout {
            LeafletLayout::Trifold => "trifold",
            LeafletLayout::Booklet => "booklet",
        };
        let (v, _) = page.shown(lang);
        let Some(template) = self.templates.get(name) else {
            return Err(vec![Diagnostic::error(
                codes::MISSING_TEMPLATE,
                msg!("missing-leaflet-template", name = name),
            )
            .in_file(&v.file)
            .with_hint(msg!("hint-missing-leaflet-template", name = name))]);
        };
        let mut input = input(site, page, lang, layout);
        input.logo_svg = self.logo.clone();
        self.engine
            .render_pages(&input, template)
            .map_err(|errors| {
                errors
                    .into_iter()
                    .map(|e| to_diagnostic(e, sources))
                    .collect()
            })
    }
}

pub(super) fn to_diagnostic(e: LeafletError, sources: &Sources) -> Diagnostic {
    let start = sources
        .get(&e.path)
        .map(|text| offset_of(&text, e.line, e.column))
        .unwrap_or(0);
    let d = Diagnostic::error(
        codes::LEAFLET_TEMPLATE,
        msg!("leaflet-template", detail = e.message),
    )
    .at(e.path, start..start);
    match e.hint {
        Some(h) => d.with_hint(msg!("hint-leaflet-typst", detail = h)),
        None => d.with_hint(msg!("hint-leaflet-template")),
    }
}

fn inlines(runs: &[crate::markdown::Inline]) -> Vec<Inline> {
    runs.iter()
        .map(|r| Inline {
            text: r.text.clone(),
            strong: r.strong,
            emph: r.emph,
            code: r.code,
        })
        .collect()
}

/// The leaflet's data, formatted for the language: nothing here is Typst source.
pub fn input(site: &Site, page: &Page, lang: usize, layout: LeafletLayout) -> LeafletInput {
    let (v, _) = page.shown(lang);
    let s = &site.strings;
    let language = &site.config.languages[lang];
    let contact = contact_for(site, page, v, lang);
    let mut contact_lines = Vec::new();
    for (key, value) in [
        ("office", &contact.office),
        ("address", &contact.address),
        ("phone", &contact.phone),
        ("whatsapp", &contact.whatsapp),
        ("email", &contact.email),
        ("hours", &contact.hours),
    ] {
        if let Some(value) = value {
            contact_lines.push(ContactLine {
                label: s.get(lang, &format!("contact_{key}")).to_string(),
                value: value.clone(),
            });
        }
    }
    let summary = v
        .front
        .leaflet
        .as_ref()
        .and_then(|l| l.summary.clone())
        .or_else(|| v.front.description.clone())
        .unwrap_or_default();
    let event = v.event.as_ref().map(|e| {
        let time = e.start_has_time.then(|| {
            let mut t = s.time(lang, e.start.time());
            if let Some(end) = e.end.as_ref().filter(|_| e.end_has_time) {
                t.push('–');
                t.push_str(&s.time(lang, end.time()));
            }
            let tz = jiff::fmt::strtime::format("%Z", &e.start).unwrap_or_default();
            format!("{t} {tz}")
        });
        EventInfo {
            date: s.date(lang, e.start.date()),
            time,
            location: e.location.clone(),
            address: e.address.clone(),
        }
    });
    let fees: Vec<FeeLine> = super::fees::rows(site, &v.front.fees, lang)
        .into_iter()
        .map(|r| FeeLine {
            item: r.item,
            amount: r.amount,
            note: r.note,
            legal_basis: r.legal_basis,
            from: r.from,
        })
        .collect();
    let sources: Vec<String> = v
        .front
        .sources
        .iter()
        .map(|src| match &src.url {
            Some(url) if *url != src.title && !url.ends_with(".md") && !url.contains(".md#") => {
                format!("{} ({url})", src.title)
            }
            _ => src.title.clone(),
        })
        .collect();
    // Everything the leaflet prints that an editor may have left as a placeholder.
    let printed = contact_lines
        .iter()
        .map(|c| c.value.as_str())
        .chain(contact.office.as_deref())
        .chain(fees.iter().filter_map(|f| f.note.as_deref()))
        .chain(sources.iter().map(String::as_str));
    let sample = printed
        .into_iter()
        .any(|text| site.config.placeholder_in(text).is_some());
    let labels = [
        ("steps", "steps"),
        ("requirements", "requirements"),
        ("fees", "fees"),
        ("processing_time", "processing_time"),
        ("contact", "contact"),
        ("updated", "last_updated"),
        ("scan_qr", "leaflet_scan_qr"),
        ("event", "event"),
        ("what_to_bring", "leaflet_what_to_bring"),
        ("page", "leaflet_page"),
        ("continued", "leaflet_continued"),
        ("fee_item", "fee_item"),
        ("fee_amount", "fee_amount"),
        ("event_when", "event_when"),
        ("event_where", "event_where"),
        ("event_address", "event_address"),
        ("legal_basis", "legal_basis"),
        ("sources", "sources"),
        ("sample", "leaflet_sample"),
    ]
    .into_iter()
    .map(|(k, key)| (k.to_string(), s.get(lang, key).to_string()))
    .collect();
    LeafletInput {
        lang: language.code.clone(),
        dir: language.dir.as_str().to_string(),
        layout: match layout {
            LeafletLayout::Trifold => Layout::Trifold,
            LeafletLayout::Booklet => Layout::Booklet,
        },
        paper: match site.config.leaflets.paper {
            crate::config::Paper::A4 => "a4",
            crate::config::Paper::A5 => "a5",
        }
        .to_string(),
        title: v.front.title.clone(),
        summary,
        site_title: language.title.clone(),
        office: contact.office.clone(),
        logo_svg: None,
        steps: v.steps.iter().map(|st| inlines(&st.inlines)).collect(),
        requirements: v.requirements.iter().map(|r| inlines(&r.1)).collect(),
        fees,
        processing_time: v.front.processing_time.clone(),
        contact: contact_lines,
        updated: v.front.updated.or(v.front.date).map(|d| s.date(lang, d.0)),
        url: site.config.permalink(&page.paths[lang]),
        event,
        sources,
        sample,
        labels,
    }
}

/// "120 KB" for a file size, as shown on the download link.
pub fn human_size(bytes: usize) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// Where a share card is written: the site's (`section` `None`) or a section's, per language.
pub fn card_path(site: &Site, section: Option<usize>, lang: usize) -> String {
    let code = &site.config.languages[lang].code;
    match section {
        None => format!("cards/{code}/site.png"),
        Some(s) => format!("cards/{code}/{}.png", site.sections[s].dir),
    }
}

impl Leaflets {
    /// Renders the share card of the site (`section` `None`) or of a section, in `lang`.
    pub fn render_card(
        &self,
        theme: &Theme,
        site: &Site,
        section: Option<usize>,
        lang: usize,
        sources: &Sources,
    ) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let rel = "cards/card.typ";
        let path = theme.shown_path(rel);
        let template = theme
            .read(rel)
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .ok_or_else(|| {
                vec![
                    Diagnostic::error(codes::MISSING_TEMPLATE, msg!("missing-card-template"))
                        .in_file(&path)
                        .with_hint(msg!("hint-missing-card-template")),
                ]
            })?;
        sources.insert(&path, template.as_str().into());
        let language = &site.config.languages[lang];
        let heading = match section {
            Some(s) => site.sections[s].shown(lang).0.front.title.clone(),
            None => language
                .description
                .clone()
                .unwrap_or_else(|| language.title.clone()),
        };
        let input = crate::leaflet::CardInput {
            title: language.title.clone(),
            heading,
            office: site.config.contact.office.clone().unwrap_or_default(),
            lang: language.code.clone(),
            dir: language.dir.as_str().to_string(),
            has_logo: self.logo.is_some(),
        };
        self.engine
            .render_card(&input, &path, &template, self.logo.clone())
            .map_err(|errors| {
                errors
                    .into_iter()
                    .map(|e| to_diagnostic(e, sources))
                    .collect()
            })
    }
}
