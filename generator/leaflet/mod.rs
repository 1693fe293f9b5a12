//! Print leaflets: renders a page's leaflet PDF with Typst used as a library.
//!
//! The theme's Typst template is the only Typst source that is ever compiled. The page's content
//! reaches it as data: `/data.json` (the [`LeafletInput`]), `/settings.json` (the text scale the
//! fitting loop is trying), `/qr.svg` (the QR code, made here in Rust) and `/logo.svg` (the site's
//! logo, when there is one). No user text is spliced into Typst source, so a title containing
//! `#` or `]` is just text.
//!
//! Fitting: the engine first renders at full size; when the template needs more pages than the
//! layout's intended ones (two sides for a tri-fold, four A5 pages or two A4 sides for a booklet),
//! it shrinks the text in a few steps and renders again. At the last step the template is told to
//! continue onto an extra panel/page instead, so text is never cut.
//!
//! Template contract (what `settings.json` means):
//! - `scale`: multiply the base text size by it;
//! - `final`: `false` while the engine is still trying smaller sizes: content that does not fit the
//!   intended panels/pages must then go onto extra pages (the engine only counts pages); `true` on
//!   the last attempt: the template may use its spare panels (the tri-fold's inside flap) first.
//! - `expected_pages`: the page count the engine considers "fits".

mod card;
mod print;
mod qr;
#[cfg(test)]
mod tests;
mod world;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Smart};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

pub use self::card::{CardInput, HEIGHT as CARD_HEIGHT, WIDTH as CARD_WIDTH};
pub use self::print::{key_points, PackHandout, PackInput, PosterInput};
use self::world::LeafletWorld;

/// Text scales tried in turn, largest first. The smallest keeps body text at about 8 pt, still
/// readable on paper for most readers.
const SCALES: [f64; 4] = [1.0, 0.92, 0.85, 0.8];

/// The leaflet layout (serde names `trifold`, `booklet`).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// A4 landscape, two sides of three panels, letter-folded.
    Trifold,
    /// A5 portrait pages; with paper `a4`, imposed 2-up on A4 landscape sheets.
    Booklet,
}

/// One run of inline text with its Markdown formatting as flags.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct Inline {
    pub text: String,
    #[serde(default)]
    pub strong: bool,
    #[serde(default)]
    pub emph: bool,
    #[serde(default)]
    pub code: bool,
}

/// One fee row; `amount` is already formatted for the language (e.g. `Rp350.000`).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct FeeLine {
    pub item: String,
    pub amount: String,
    /// The page's note on this fee.
    #[serde(default)]
    pub note: Option<String>,
    /// The regulation that sets it (fees from `data/tariffs.yaml`).
    #[serde(default)]
    pub legal_basis: Option<String>,
    /// "from 1 January 2027", for a tariff charged only from a later day.
    #[serde(default)]
    pub from: Option<String>,
}

/// One contact row, label and value already localised.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactLine {
    pub label: String,
    pub value: String,
}

/// Event details, all already formatted for the language.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct EventInfo {
    pub date: String,
    pub time: Option<String>,
    pub location: Option<String>,
    pub address: Option<String>,
}

/// Everything a leaflet shows, handed to the template as `/data.json`.
#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct LeafletInput {
    pub lang: String,
    /// `ltr` or `rtl`.
    pub dir: String,
    pub layout: Layout,
    /// `a4` or `a5`.
    pub paper: String,
    pub title: String,
    pub summary: String,
    pub site_title: String,
    pub office: Option<String>,
    pub logo_svg: Option<String>,
    pub steps: Vec<Vec<Inline>>,
    pub requirements: Vec<Vec<Inline>>,
    pub fees: Vec<FeeLine>,
    pub processing_time: Option<String>,
    pub contact: Vec<ContactLine>,
    pub updated: Option<String>,
    /// Absolute URL of the web page in this language; the QR code encodes it.
    pub url: String,
    pub event: Option<EventInfo>,
    /// The legal basis and sources of the guide, one line each, for the small print.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The leaflet would print a placeholder (`placeholders:` in `site.yaml`): it carries a "sample" band.
    #[serde(default)]
    pub sample: bool,
    /// UI strings: `steps`, `requirements`, `fees`, `processing_time`, `contact`, `updated`,
    /// `scan_qr`, `event`, `what_to_bring`, `page`, `continued`, ...
    pub labels: BTreeMap<String, String>,
}

/// A theme's leaflet template.
#[derive(Clone, Debug)]
pub struct Template {
    /// Where the template came from, e.g. `themes/default/leaflets/trifold.typ`; used in messages.
    pub path: String,
    pub source: String,
    pub layout: Layout,
}

/// A problem found while rendering, located in the template (or the input) where possible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeafletError {
    pub path: String,
    /// 1-based; 0 when the problem has no location.
    pub line: usize,
    /// 1-based, in characters; 0 when the problem has no location.
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl std::fmt::Display for LeafletError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(
                f,
                "{}:{}:{}: {}",
                self.path, self.line, self.column, self.message
            )?;
        } else {
            write!(f, "{}: {}", self.path, self.message)?;
        }
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

impl std::error::Error for LeafletError {}

/// Renders leaflets. Fonts are parsed once here and shared by every render; the engine is
/// `Send + Sync`, so one engine serves a whole parallel build.
pub struct LeafletEngine {
    shared: Arc<Shared>,
}

/// What all renders share. The library and font book are wrapped in `LazyHash` because Typst's
/// memoization hashes them on every compile; hashing once per engine keeps renders cheap.
pub(crate) struct Shared {
    pub(crate) library: LazyHash<Library>,
    pub(crate) book: LazyHash<FontBook>,
    pub(crate) fonts: Vec<Font>,
}

/// The settings file the template reads as `/settings.json`.
#[derive(Serialize)]
struct Settings {
    scale: f64,
    #[serde(rename = "final")]
    last: bool,
    expected_pages: usize,
}

impl LeafletEngine {
    /// Parses the theme's font files (TTF/OTF/TTC bytes). Files that are not fonts are skipped:
    /// the theme loader is the place to complain about them.
    pub fn new(fonts: Vec<Vec<u8>>) -> Self {
        let fonts: Vec<Font> = fonts
            .into_iter()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        let book = FontBook::from_fonts(&fonts);
        Self {
            shared: Arc::new(Shared {
                library: LazyHash::new(Library::default()),
                book: LazyHash::new(book),
                fonts,
            }),
        }
    }

    /// Drops Typst's memoized results older than `max_age` compilations. `serve` calls it after each
    /// rebuild so that a long preview session's memory stays bounded; it goes through the `comemo` that
    /// `typst` re-exports, because a second copy of the crate would evict nothing (#8628). The cache is
    /// global to the process, so no engine is needed.
    pub fn evict_cache(max_age: usize) {
        typst::comemo::evict(max_age);
    }

    /// Renders one leaflet to PDF bytes. The same input and template give the same bytes.
    pub fn render(
        &self,
        input: &LeafletInput,
        template: &Template,
    ) -> Result<Vec<u8>, Vec<LeafletError>> {
        self.render_pages(input, template).map(|r| r.pdf)
    }

    /// Renders one leaflet, and says the size of each of its pages (a pack places them one by one).
    pub fn render_pages(
        &self,
        input: &LeafletInput,
        template: &Template,
    ) -> Result<Rendered, Vec<LeafletError>> {
        let input_error = |message: String| LeafletError {
            path: template.path.clone(),
            line: 0,
            column: 0,
            message,
            hint: None,
        };
        let data = serde_json::to_vec(input)
            .map_err(|err| vec![input_error(format!("cannot serialise leaflet data: {err}"))])?;
        let qr = qr::svg(&input.url).map_err(|err| {
            vec![input_error(format!(
                "cannot make a QR code for {}: {err}",
                input.url
            ))]
        })?;
        let expected_pages = expected_pages(template.layout, &input.paper);

        let mut attempt = 0;
        while attempt < SCALES.len() {
            let scale = SCALES[attempt];
            let last = attempt + 1 == SCALES.len();
            let settings = Settings {
                scale,
                last,
                expected_pages,
            };
            let settings = serde_json::to_vec(&settings)
                .map_err(|err| vec![input_error(format!("cannot serialise settings: {err}"))])?;
            let world = LeafletWorld::new(
                &self.shared,
                &template.source,
                data.clone(),
                settings,
                qr.clone(),
                input.logo_svg.clone(),
            );
            let document = compile(&world, template)?;
            let pages = document.pages().len();
            if pages <= expected_pages || last {
                let sizes = page_sizes(&document);
                return export(&world, &document, input, template)
                    .map(|pdf| Rendered { pdf, pages: sizes });
            }
            attempt = next_attempt(attempt, pages, expected_pages);
        }
        // SCALES is not empty, so the loop always returns; this keeps the compiler content
        // without an unwrap.
        Err(vec![input_error("no render attempt was made".into())])
    }
}

/// A rendered PDF and the size of each of its pages, `[width, height]` in points.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub pages: Vec<[f64; 2]>,
}

fn page_sizes(document: &PagedDocument) -> Vec<[f64; 2]> {
    document
        .pages()
        .iter()
        .map(|p| [p.frame.width().to_pt(), p.frame.height().to_pt()])
        .collect()
}

/// The next scale worth compiling after `attempt` needed `pages` pages: every page but the last was
/// at least filled, and text shrinks in both directions, so at scale `s` the content still needs about
/// `(pages - 1) * (s / current)^2` pages. Scales that cannot fit are skipped, straight to the last
/// attempt (which may use spare panels): a leaflet twice too long compiles twice, not four times.
fn next_attempt(attempt: usize, pages: usize, expected_pages: usize) -> usize {
    let current = SCALES[attempt];
    let filled = pages.saturating_sub(1) as f64;
    (attempt + 1..SCALES.len() - 1)
        .find(|&next| filled * (SCALES[next] / current).powi(2) <= expected_pages as f64)
        .unwrap_or(SCALES.len() - 1)
}

/// The page count a layout is designed for; more pages mean the content did not fit.
fn expected_pages(layout: Layout, paper: &str) -> usize {
    match (layout, paper) {
        (Layout::Trifold, _) => 2,
        // Four A5 pages make one A4 sheet folded once; imposed 2-up they are its two sides.
        (Layout::Booklet, "a4") => 2,
        (Layout::Booklet, _) => 4,
    }
}

fn compile(world: &LeafletWorld, template: &Template) -> Result<PagedDocument, Vec<LeafletError>> {
    let warned = typst::compile::<PagedDocument>(world);
    warned
        .output
        .map_err(|diags| diagnostics(world, template, &diags))
}

fn export(
    world: &LeafletWorld,
    document: &PagedDocument,
    input: &LeafletInput,
    template: &Template,
) -> Result<Vec<u8>, Vec<LeafletError>> {
    let options = typst_pdf::PdfOptions {
        // A stable identifier and no timestamp: the same input gives the same bytes.
        ident: Smart::Custom(format!(
            "suluh-leaflet {} {} {:?} {}",
            input.url, input.lang, template.layout, input.paper
        )),
        creator: Smart::Custom(Some("Suluh".into())),
        timestamp: None,
        ..Default::default()
    };
    typst_pdf::pdf(document, &options).map_err(|diags| diagnostics(world, template, &diags))
}

/// Maps Typst's diagnostics to ours, locating them in the theme's template file.
fn diagnostics(
    world: &LeafletWorld,
    template: &Template,
    diags: &[SourceDiagnostic],
) -> Vec<LeafletError> {
    diags
        .iter()
        .filter(|diag| diag.severity == Severity::Error)
        .map(|diag| {
            // A detached error (e.g. raised inside a built-in) is located at the nearest
            // template call in its trace.
            let span = std::iter::once(diag.span)
                .chain(diag.trace.iter().map(|point| point.span.into()))
                .find(|span| span.id().is_some())
                .unwrap_or(diag.span);
            let (path, line, column) = match (span.id(), world.range(span)) {
                (Some(id), Some(range)) => {
                    let (line, column) = world
                        .source(id)
                        .ok()
                        .and_then(|source| source.lines().byte_to_line_column(range.start))
                        .map_or((0, 0), |(line, column)| (line + 1, column + 1));
                    (world.display_path(id, &template.path), line, column)
                }
                _ => (template.path.clone(), 0, 0),
            };
            let hints: Vec<&str> = diag.hints.iter().map(|hint| hint.v.as_str()).collect();
            LeafletError {
                path,
                line,
                column,
                message: diag.message.to_string(),
                hint: (!hints.is_empty()).then(|| hints.join("; ")),
            }
        })
        .collect()
}
