//! Share cards: the picture a messenger shows under a pasted link, drawn by the theme's Typst template
//! `cards/card.typ` with the leaflets' fonts (so Arabic is joined and right to left) and rasterised to a
//! PNG of [`WIDTH`] × [`HEIGHT`] pixels.

use serde::Serialize;

use super::world::LeafletWorld;
use super::{compile, Layout, LeafletEngine, LeafletError, Template};

/// The card's size in pixels: what Open Graph consumers (WhatsApp, Telegram, Facebook) show best.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// What a card shows, in its language.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct CardInput {
    /// The site's title.
    pub title: String,
    /// The section's name (or, on the site's own card, its description).
    pub heading: String,
    /// The office, from the contact block.
    pub office: String,
    pub lang: String,
    pub dir: String,
    pub has_logo: bool,
}

impl LeafletEngine {
    /// Renders one share card to PNG bytes; the same input and template give the same bytes.
    pub fn render_card(
        &self,
        input: &CardInput,
        template_path: &str,
        template_source: &str,
        logo_svg: Option<String>,
    ) -> Result<Vec<u8>, Vec<LeafletError>> {
        let error = |message: String| LeafletError {
            path: template_path.to_string(),
            line: 0,
            column: 0,
            message,
            hint: None,
        };
        let data = serde_json::to_vec(input)
            .map_err(|e| vec![error(format!("cannot serialise card data: {e}"))])?;
        let world = LeafletWorld::new(
            &self.shared,
            template_source,
            data,
            b"{}".to_vec(),
            Vec::new(),
            logo_svg.filter(|_| input.has_logo),
        );
        let template = Template {
            path: template_path.to_string(),
            source: template_source.to_string(),
            layout: Layout::Trifold,
        };
        let document = compile(&world, &template)?;
        let page = document
            .pages()
            .first()
            .ok_or_else(|| vec![error("the card template made no page".into())])?;
        let options = typst_render::RenderOptions {
            pixel_per_pt: (f64::from(WIDTH) / page.frame.width().to_pt()).into(),
            ..Default::default()
        };
        let pixmap = typst_render::render(page, &options);
        if (pixmap.width(), pixmap.height()) != (WIDTH, HEIGHT) {
            return Err(vec![error(format!(
                "the card is {}×{} pixels; make the template's page 600pt × 315pt",
                pixmap.width(),
                pixmap.height()
            ))]);
        }
        opaque_png(pixmap.take(), WIDTH, HEIGHT)
            .map_err(|e| vec![error(format!("cannot encode the card as PNG: {e}"))])
    }
}

/// Encodes an opaque picture (premultiplied RGBA whose alpha is all 255, as a card's filled page is) as an
/// RGB PNG with fdeflate's fast compression: a card is flat colours and text, which compress well even so.
fn opaque_png(mut pixels: Vec<u8>, width: u32, height: u32) -> Result<Vec<u8>, png::EncodingError> {
    // The alpha bytes are dropped in place, each pixel's colour moving down over the ones before it: a
    // second buffer for the RGB bytes (2 MB, zeroed, then filled a pixel at a time) cost as much as
    // compressing the picture.
    let count = pixels.len() / 4;
    for pixel in 0..count {
        pixels.copy_within(pixel * 4..pixel * 4 + 3, pixel * 3);
    }
    pixels.truncate(count * 3);
    let mut out = Vec::with_capacity(pixels.len() / 8);
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&pixels)?;
    writer.finish()?;
    Ok(out)
}
