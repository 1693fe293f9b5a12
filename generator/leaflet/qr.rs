//! The QR code that links a printed leaflet back to its web page.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// Encodes `url` as an SVG QR code with its quiet zone. Error correction level M survives a
/// fold or a smudge across the code while keeping modules large enough for cheap phone cameras.
/// Made in Rust rather than in the template so that the URL never enters Typst source.
pub(crate) fn svg(url: &str) -> Result<Vec<u8>, qrcode::types::QrError> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)?;
    let image = code
        .render::<svg::Color<'_>>()
        .quiet_zone(true)
        // One unit per module: the template sets the printed size.
        .module_dimensions(1, 1)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    Ok(image.into_bytes())
}
