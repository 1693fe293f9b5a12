//! Front-matter keys that name other files: an event's `handouts` (guides printed in its pack) and a page's
//! share `image` (a file of its bundle). Where each is written is found when the file is loaded (the
//! front-matter text is not kept afterwards); whether it names something real is decided when the site is
//! linked, so that both a full link and `serve`'s relink report it at `path:line:column`.

use std::ops::Range;
use std::sync::Arc;

use super::resolve::{join_relative, relative_from};
use super::site::{LinkIndex, Page, Target};
use super::{AssetFile, LoadedPage};
use crate::diagnostics::{codes, did_you_mean, Diagnostic};
use crate::msg;

/// One entry of `event.handouts`, as written, where it is written, and the page it names once linked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handout {
    pub path: String,
    /// Byte range in the page file.
    pub span: Range<usize>,
    /// The page, once resolved; `None` when it names none (an error was reported).
    pub page: Option<usize>,
}

/// Where the parts of `image:` are written (byte ranges in the page file).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImageSpans {
    pub src: Range<usize>,
    pub alt: Range<usize>,
}

/// The handouts of a loaded page and where each is written, still unresolved.
pub fn handouts_of(f: &LoadedPage) -> Vec<Handout> {
    let Some(event) = &f.front.event else {
        return Vec::new();
    };
    let doc = doc(f);
    let mut from = 0;
    event
        .handouts
        .iter()
        .map(|path| {
            let span = doc
                .find_in_block("event", path, from)
                .unwrap_or_else(|| doc.span_of(&["event", "handouts"]));
            from = span.end;
            Handout {
                path: path.clone(),
                span: f.front_offset + span.start..f.front_offset + span.end,
                page: None,
            }
        })
        .collect()
}

/// Where the `src` and `alt` of a loaded page's `image:` are written.
pub fn image_spans_of(f: &LoadedPage) -> ImageSpans {
    let Some(image) = &f.front.image else {
        return ImageSpans::default();
    };
    let doc = doc(f);
    let at = |key: &str, value: &str| {
        // Block style names the key on its own line; flow style (`{ src: …, alt: … }`) only in the line of
        // `image:`.
        let span = if crate::yaml::key_span(doc.text, &["image", key]).is_some() {
            doc.value_span_of(&["image", key])
        } else {
            doc.value_text_span(&["image"], value)
        };
        f.front_offset + span.start..f.front_offset + span.end
    };
    ImageSpans {
        src: at("src", &image.src),
        alt: at("alt", &image.alt),
    }
}

fn doc(f: &LoadedPage) -> crate::yaml::Doc<'_> {
    crate::yaml::Doc {
        file: &f.file,
        text: &f.front_text,
        offset: f.front_offset,
    }
}

/// Resolves the handouts of the pages `which` (all of them after a full link, the edited ones after a
/// relink) against the files of the site: each must name a page, like an internal link.
pub fn resolve_handouts(
    index: &LinkIndex,
    pages: &mut [Arc<Page>],
    which: &[usize],
    diags: &mut Vec<Diagnostic>,
) {
    for &pi in which {
        let wants = pages[pi]
            .variants
            .iter()
            .flatten()
            .any(|v| !v.handouts.is_empty());
        if !wants {
            continue;
        }
        let page = Arc::make_mut(&mut pages[pi]);
        for v in page.variants.iter_mut().flatten() {
            let file = v.file.clone();
            for h in &mut v.handouts {
                h.page = resolve(index, &file, h, diags);
            }
        }
    }
}

fn resolve(
    index: &LinkIndex,
    file: &str,
    h: &Handout,
    diags: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let rel = file.strip_prefix("content/").unwrap_or(file);
    let base_dir = rel.rsplit_once('/').map_or("", |(d, _)| d);
    let decoded = crate::percent::decode_lossy(&h.path);
    let wanted = join_relative(base_dir, decoded.split('#').next().unwrap_or_default());
    let found = wanted.as_deref().and_then(|w| index.target_of(w));
    if let Some(Target::Page(i)) = found {
        return Some(i);
    }
    let message = match found {
        Some(Target::Section(_)) => msg!("handout-is-section", path = &h.path),
        _ => msg!("unknown-handout", path = &h.path),
    };
    let pages = index.page_files();
    let hint = match wanted
        .as_deref()
        .and_then(|w| did_you_mean(w, pages.iter().map(String::as_str)))
    {
        Some(s) => msg!("hint-did-you-mean", suggestion = relative_from(base_dir, s)),
        None => msg!("hint-unknown-handout"),
    };
    diags.push(
        Diagnostic::error(codes::UNKNOWN_HANDOUT, message)
            .at(file, h.span.clone())
            .with_hint(hint),
    );
    None
}

/// Checks the `image:` of the pages `which`: a file of the page's own bundle, with alt text.
pub fn check_images(
    pages: &[Arc<Page>],
    assets: &[AssetFile],
    which: &[usize],
    diags: &mut Vec<Diagnostic>,
) {
    for &pi in which {
        let page = &pages[pi];
        for v in page.variants.iter().flatten() {
            let Some(image) = &v.front.image else {
                continue;
            };
            if image_file(page, &image.src, assets).is_none() {
                let hint = match &page.bundle_dir {
                    Some(dir) => {
                        let prefix = format!("{dir}/");
                        let names = assets
                            .iter()
                            .filter_map(|a| a.rel.strip_prefix(prefix.as_str()));
                        match did_you_mean(&image.src, names) {
                            Some(s) => msg!("hint-did-you-mean", suggestion = s),
                            None => msg!("hint-missing-image-bundle", folder = dir),
                        }
                    }
                    None => msg!("hint-missing-image-no-bundle"),
                };
                diags.push(
                    Diagnostic::error(
                        codes::MISSING_IMAGE,
                        msg!("missing-image", src = &image.src),
                    )
                    .at(&v.file, v.image_spans.src.clone())
                    .with_hint(hint),
                );
            }
            if image.alt.trim().is_empty() {
                diags.push(
                    Diagnostic::error(codes::IMAGE_WITHOUT_ALT, msg!("share-image-without-alt"))
                        .at(&v.file, v.image_spans.alt.clone())
                        .with_hint(msg!("hint-share-image-without-alt")),
                );
            }
        }
    }
}

/// The bundle file a page's `image.src` names, if it is one.
pub fn image_file<'a>(page: &Page, src: &str, assets: &'a [AssetFile]) -> Option<&'a AssetFile> {
    let dir = page.bundle_dir.as_ref()?;
    let inner = join_relative("", src.trim())?;
    if inner.is_empty() || src.contains("://") {
        return None;
    }
    let rel = format!("{dir}/{inner}");
    assets.iter().find(|a| a.rel == rel)
}
