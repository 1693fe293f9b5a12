//! Suluh turns Markdown guides into a multilingual website with client-side search and print-ready
//! leaflets.
//!
//! One pipeline serves `build`, `serve` and `check` ([`pipeline`]):
//!
//! 1. **Read** (I/O): `site.yaml`, `content/`, the theme, `i18n/` ([`config`], [`content::read`], [`theme`]).
//! 2. **Load** (pure, parallel): each Markdown file's front matter and body ([`content::load_file`],
//!    [`markdown`]).
//! 3. **Link** (pure): URLs per language, translations and fallbacks, listings, tags, internal links
//!    ([`content::link`]; `serve` relinks only edited pages with the same phases, [`content::relink`]).
//! 4. **Validate**: every problem becomes a [`diagnostics::Diagnostic`]; errors stop the run before anything
//!    is written.
//! 5. **Plan** (pure): one job per output file ([`render::plan`]).
//! 6. **Render** (pure, parallel): leaflets first ([`leaflet`], Typst), then pages, listings, feeds and search
//!    indexes ([`search`]), into a sink ([`output::Sink`]): a staging folder swapped in atomically for
//!    `build`, memory and a temporary folder for `serve`, nothing for `check`.
//!
//! [`serve`] drives the same pipeline again whenever an input changes, serves the result from memory and a
//! temporary folder, and reloads open browsers.

pub mod calendar;
pub mod check;
pub mod clock;
pub mod config;
pub mod content;
pub mod data;
pub mod diagnostics;
pub mod fingerprint;
pub mod i18n;
pub mod leaflet;
pub mod markdown;
pub mod messages;
pub mod offline;
pub mod output;
pub mod percent;
pub mod pipeline;
pub mod progress;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod theme;
pub mod yaml;
