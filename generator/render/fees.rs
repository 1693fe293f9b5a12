//! Fee rows as pages and leaflets show them, in one place: a fee written out in front matter, or a tariff
//! of `data/tariffs.yaml` with its item in the reader's language, its amount formatted for that language,
//! its legal basis and, for a tariff not charged yet, the day it starts.

use serde::Serialize;

use crate::content::front_matter::{FeeEntry, FeeSource};
use crate::content::site::Site;
use crate::data::Tariff;

/// One row of a fee table.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct FeeRow {
    pub item: String,
    /// Formatted for the language (`Rp350.000`, `IDR 350,000`).
    pub amount: String,
    pub note: Option<String>,
    /// The regulation that sets the fee (tariffs only).
    pub legal_basis: Option<String>,
    /// Where to check it (a URL, tariffs only).
    pub source: Option<String>,
    /// "from 1 January 2027", for a tariff charged only from a later day.
    pub from: Option<String>,
}

/// A page's `fees:` shown in `lang`. References the link step rejected (unknown or expired) are left out.
pub fn rows(site: &Site, fees: &[FeeEntry], lang: usize) -> Vec<FeeRow> {
    fees.iter()
        .filter_map(|f| match &f.fee {
            FeeSource::Literal(fee) => Some(FeeRow {
                item: fee.item.clone(),
                amount: site.strings.money(
                    lang,
                    fee.amount,
                    fee.currency.as_deref().unwrap_or("IDR"),
                ),
                note: f.note.clone(),
                legal_basis: None,
                source: None,
                from: None,
            }),
            FeeSource::Tariff(id) => {
                let t = site.config.data.tariffs.get(id)?;
                Some(tariff_row(site, t, lang, f.note.clone()))
            }
        })
        .collect()
}

/// The whole fee schedule (`tariffs: all`) in `lang`: every tariff still charged, in the file's order.
pub fn schedule(site: &Site, lang: usize) -> Vec<FeeRow> {
    let today = site.now.date();
    site.config
        .data
        .tariffs
        .entries
        .values()
        .filter(|t| !t.expired(today))
        .map(|t| tariff_row(site, t, lang, None))
        .collect()
}

fn tariff_row(site: &Site, t: &Tariff, lang: usize, note: Option<String>) -> FeeRow {
    let s = &site.strings;
    FeeRow {
        item: t.item.get(&site.config, lang).to_string(),
        amount: s.money(lang, t.amount as f64, &t.currency),
        note,
        legal_basis: Some(t.legal_basis.clone()),
        source: t.source.clone(),
        from: t
            .upcoming(site.now.date())
            .map(|d| s.get(lang, "fee_from").replace("{date}", &s.date(lang, d))),
    }
}
