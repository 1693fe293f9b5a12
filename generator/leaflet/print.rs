//! Posters and event packs: print beyond the leaflet, from the same virtual Typst world and fonts.
//!
//! A poster is one A4 portrait page for a notice board, drawn by the theme's `leaflets/poster.typ` from a
//! [`PosterInput`]. A pack is one PDF for an event: `leaflets/pack.typ` draws the cover sheet from a
//! [`PackInput`] and places every page of each handout's leaflet, already rendered to PDF, as a picture
//! of itself (Typst embeds a PDF page with its fonts and text, so the pack stays searchable). Composing
//! the pack in one Typst document keeps it deterministic without a PDF-merging step of our own.

use serde::Serialize;
use typst::foundations::{Bytes, Smart};
use typst_layout::PagedDocument;

use super::world::{file_id, LeafletWorld};
use super::{compile, diagnostics, ContactLine, EventInfo, LeafletEngine, LeafletError, Rendered};
use super::{qr, Template};

/// What a poster shows, already in its language.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct PosterInput {
    pub lang: String,
    pub dir: String,
    pub title: String,
    pub summary: String,
    pub site_title: String,
    pub office: Option<String>,
    pub logo_svg: Option<String>,
    /// Three to five short points from the steps (else the requirements).
    pub points: Vec<String>,
    /// The label over the points (`steps` or `requirements`).
    pub points_label: String,
    pub contact: Vec<ContactLine>,
    pub event: Option<EventInfo>,
    pub url: String,
    pub sample: bool,
    pub labels: std::collections::BTreeMap<String, String>,
}

/// One handout of a pack: its title (for the cover's list) and the size of each page of its leaflet.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct PackHandout {
    pub title: String,
    pub pages: Vec<[f64; 2]>,
}

/// An event pack's cover data and the handouts that follow it.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct PackInput {
    pub lang: String,
    pub dir: String,
    pub title: String,
    pub summary: String,
    pub site_title: String,
    pub office: Option<String>,
    pub logo_svg: Option<String>,
    pub event: Option<EventInfo>,
    pub contact: Vec<ContactLine>,
    pub url: String,
    pub sample: bool,
    pub handouts: Vec<PackHandout>,
    pub labels: std::collections::BTreeMap<String, String>,
}

impl LeafletEngine {
    /// Renders a poster to PDF bytes; the same input and template give the same bytes.
    pub fn render_poster(
        &self,
        input: &PosterInput,
        template: &Template,
    ) -> Result<Vec<u8>, Vec<LeafletError>> {
        let data = json(input, template)?;
        let qr = qr_of(&input.url, template)?;
        let world = LeafletWorld::new(
            &self.shared,
            &template.source,
            data,
            b"{}".to_vec(),
            qr,
            input.logo_svg.clone(),
        );
        let document = compile(&world, template)?;
        export(
            &world,
            &document,
            template,
            &format!("poster {}", input.url),
        )
    }

    /// Renders an event pack: the cover, then the handouts' leaflets (`leaflets[i]` is the rendered
    /// leaflet of `input.handouts[i]`), served to the template as `/handout-<i>.pdf`.
    pub fn render_pack(
        &self,
        input: &PackInput,
        template: &Template,
        leaflets: &[&Rendered],
    ) -> Result<Vec<u8>, Vec<LeafletError>> {
        let data = json(input, template)?;
        let qr = qr_of(&input.url, template)?;
        let mut world = LeafletWorld::new(
            &self.shared,
            &template.source,
            data,
            b"{}".to_vec(),
            qr,
            input.logo_svg.clone(),
        );
        for (i, leaflet) in leaflets.iter().enumerate() {
            let id = file_id(&format!("/handout-{i}.pdf"))
                .ok_or_else(|| vec![error(template, "cannot name a handout file".into())])?;
            world = world.with_file(id, Bytes::new(leaflet.pdf.clone()));
        }
        let document = compile(&world, template)?;
        export(&world, &document, template, &format!("pack {}", input.url))
    }
}

fn error(template: &Template, message: String) -> LeafletError {
    LeafletError {
        path: template.path.clone(),
        line: 0,
        column: 0,
        message,
        hint: None,
    }
}

fn json<T: Serialize>(input: &T, template: &Template) -> Result<Vec<u8>, Vec<LeafletError>> {
    serde_json::to_vec(input)
        .map_err(|e| vec![error(template, format!("cannot serialise the data: {e}"))])
}

fn qr_of(url: &str, template: &Template) -> Result<Vec<u8>, Vec<LeafletError>> {
    qr::svg(url).map_err(|e| {
        vec![error(
            template,
            format!("cannot make a QR code for {url}: {e}"),
        )]
    })
}

fn export(
    world: &LeafletWorld,
    document: &PagedDocument,
    template: &Template,
    ident: &str,
) -> Result<Vec<u8>, Vec<LeafletError>> {
    let options = typst_pdf::PdfOptions {
        // A stable identifier and no timestamp: the same input gives the same bytes.
        ident: Smart::Custom(format!("suluh-{ident}")),
        creator: Smart::Custom(Some("Suluh".into())),
        timestamp: None,
        ..Default::default()
    };
    typst_pdf::pdf(document, &options).map_err(|diags| diagnostics(world, template, &diags))
}

/// Three to five short points for a poster: the first items of `items`, each cut at a word boundary
/// to at most `max_chars` characters (never inside a character), with "…" where it was cut. Fewer than
/// three items give what there is.
pub fn key_points(items: &[String], max_chars: usize) -> Vec<String> {
    items
        .iter()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .take(5)
        .map(|s| shorten(&s, max_chars))
        .collect()
}

/// `text` cut to at most `max_chars` characters at the last space before the limit, with "…".
pub fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    // Leave room for the ellipsis.
    let limit = max_chars.saturating_sub(1);
    let mut kept: String = text.chars().take(limit).collect();
    // The first sentence, when it ends soon enough, reads better than a cut.
    if let Some(end) = kept.find(['.', ':', ';']).filter(|&i| i * 3 >= kept.len()) {
        kept.truncate(end);
        return kept;
    }
    if let Some(space) = kept
        .rfind(char::is_whitespace)
        .filter(|&i| i * 2 >= kept.len())
    {
        kept.truncate(space);
    }
    let kept = kept.trim_end_matches([',', ' ', '(', '—', '-']);
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_cut_between_words_never_inside_a_letter() {
        assert_eq!(shorten("Datang ke kantor", 40), "Datang ke kantor");
        let arabic = "أحضر جواز السفر الأصلي وصورة عنه إلى مكتب الهجرة في مترو";
        let cut = shorten(arabic, 20);
        assert!(cut.chars().count() <= 20, "{cut}");
        assert!(cut.ends_with('…'));
        assert!(arabic.starts_with(cut.trim_end_matches('…')));
        // No space at all: cut between characters, still at most the limit.
        let cut = shorten(&"é".repeat(30), 10);
        assert_eq!(cut.chars().count(), 10);
        // A first sentence that ends in time is kept whole, without an ellipsis.
        assert_eq!(
            shorten("Isi formulir. Lalu bawa ke loket bersama paspor lama", 30),
            "Isi formulir"
        );
        let items: Vec<String> = (1..=7).map(|i| format!("langkah  {i}")).collect();
        assert_eq!(key_points(&items, 50).len(), 5);
        assert_eq!(key_points(&items, 50)[0], "langkah 1");
    }
}
