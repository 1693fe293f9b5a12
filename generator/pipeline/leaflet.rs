//! `suluh leaflet PAGE`: the site prepared as for `build`, then one page's leaflet rendered on demand.

use std::sync::Arc;

use super::{prepare, Options, Outcome};
use crate::content::site;
use crate::diagnostics::{codes, has_errors, normalize, Diagnostic, Sources};
use crate::msg;
use crate::render;

/// What `suluh leaflet` was asked for.
pub struct LeafletRequest {
    /// The page as a content path: `paspor/paspor-baru` (a `.md` suffix or `content/` prefix is accepted).
    pub page: String,
    pub lang: Option<String>,
    pub layout: Option<crate::config::LeafletLayout>,
}

/// A leaflet rendered on demand, with the name it would have in the build (`<slug>.<lang>.pdf`).
pub struct RenderedLeaflet {
    pub pdf: Vec<u8>,
    pub file_name: String,
}

/// `suluh leaflet`: renders one page's leaflet on demand (whether or not its front matter asks for one).
pub fn leaflet(options: &Options, request: &LeafletRequest) -> (Option<RenderedLeaflet>, Outcome) {
    let sources = Arc::new(Sources::default());
    let (prepared, mut diags) = prepare(options, &sources);
    let mut pdf = None;
    if let (Some(prepared), false) = (prepared, has_errors(&diags)) {
        match find_leaflet_page(&prepared.site, request) {
            Err(d) => diags.push(d),
            Ok((page, lang)) => {
                let site = &prepared.site;
                let p = &site.pages[page];
                let layout = request
                    .layout
                    .unwrap_or_else(|| render::leaflets::layout_of(site, p, lang));
                match render::leaflets::Leaflets::load(&prepared.theme, &sources) {
                    Err(d) => diags.push(d),
                    Ok(engine) => match engine.render(site, p, lang, layout, &sources) {
                        Ok(bytes) => {
                            pdf = Some(RenderedLeaflet {
                                pdf: bytes,
                                file_name: format!(
                                    "{}.{}.pdf",
                                    p.shown(lang).0.slug,
                                    site.config.languages[lang].code
                                ),
                            })
                        }
                        Err(d) => diags.extend(d),
                    },
                }
            }
        }
    }
    normalize(&mut diags);
    (
        pdf,
        Outcome {
            diagnostics: diags,
            sources,
            written: 0,
            gaps: Default::default(),
        },
    )
}

fn find_leaflet_page(
    site: &site::Site,
    request: &LeafletRequest,
) -> Result<(usize, usize), Diagnostic> {
    let key = request.page.trim_matches('/');
    let key = key.strip_prefix("content/").unwrap_or(key);
    let key = key.strip_suffix(".md").unwrap_or(key);
    let key = key.strip_suffix("/index").unwrap_or(key);
    let Some(page) = site.pages.iter().position(|p| p.key == key) else {
        let hint = match crate::diagnostics::did_you_mean(
            key,
            site.pages.iter().map(|p| p.key.as_str()),
        ) {
            Some(s) => msg!("hint-did-you-mean", suggestion = s),
            None => msg!("hint-unknown-page"),
        };
        return Err(
            Diagnostic::error(codes::UNKNOWN_PAGE, msg!("unknown-page", page = key))
                .with_hint(hint),
        );
    };
    let lang = match &request.lang {
        None => 0,
        Some(code) => site.config.language_index(code).ok_or_else(|| {
            Diagnostic::error(
                codes::UNKNOWN_LANGUAGE,
                msg!("unknown-language", code = code),
            )
            .with_hint(msg!(
                "hint-site-languages",
                codes = site.config.language_codes().collect::<Vec<_>>().join(", ")
            ))
        })?,
    };
    if site.pages[page].variants[lang].is_none() {
        return Err(Diagnostic::error(
            codes::UNTRANSLATED,
            msg!(
                "leaflet-untranslated",
                page = key,
                language = &site.config.languages[lang].name
            ),
        )
        .with_hint(msg!(
            "hint-leaflet-untranslated",
            page = key,
            code = &site.config.languages[lang].code
        )));
    }
    Ok((page, lang))
}
