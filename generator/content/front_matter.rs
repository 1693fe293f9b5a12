//! Front matter: the YAML block between `---` lines, split from the body and parsed into typed values.

use crate::diagnostics::codes;
use crate::msg;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::config::{Contact, LeafletLayout};
use crate::diagnostics::Diagnostic;
use crate::yaml::{Doc, ValueProblem};

/// A Markdown file cut into its front matter (with its byte offset) and body (with its byte offset).
pub struct Split<'a> {
    pub front: &'a str,
    pub front_offset: usize,
    pub body: &'a str,
    pub body_offset: usize,
}

/// Finds the `---` fences. A file without front matter is an error: every page needs at least a title.
pub fn split<'a>(file: &str, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest[..first_line_end].trim_end() != "---" {
        let what = if text.trim().is_empty() {
            msg!("empty-file")
        } else {
            msg!("no-front-matter")
        };
        return Err(Diagnostic::error(codes::NO_FRONT_MATTER, what)
            .at(file, start..start + first_line_end.min(3))
            .with_hint(msg!("hint-no-front-matter")));
    }
    let front_offset = start + first_line_end;
    let mut offset = front_offset;
    for line in text[front_offset..].split_inclusive('\n') {
        if line.trim_end() == "---" {
            let body_offset = offset + line.len();
            return Ok(Split {
                front: &text[front_offset..offset],
                front_offset,
                body: &text[body_offset..],
                body_offset,
            });
        }
        offset += line.len();
    }
    Err(
        Diagnostic::error(codes::NO_FRONT_MATTER, msg!("front-matter-not-closed"))
            .at(file, start..start + 3)
            .with_hint(msg!("hint-front-matter-not-closed")),
    )
}

/// An ISO date (`2026-11-01`); a date-time is accepted and its date kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub jiff::civil::Date);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse_date(text.trim())
            .map(Date)
            .ok_or_else(|| ValueProblem::BadDate.error(&text))
    }
}

fn parse_date(text: &str) -> Option<jiff::civil::Date> {
    if let Ok(d) = text.parse::<jiff::civil::Date>() {
        return Some(d);
    }
    if let Ok(dt) = text.parse::<jiff::civil::DateTime>() {
        return Some(dt.date());
    }
    text.parse::<jiff::Timestamp>()
        .ok()
        .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date())
}

/// When an event starts or ends, as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventTime {
    /// A whole day.
    Date(jiff::civil::Date),
    /// A wall-clock time in the site's time zone.
    Local(jiff::civil::DateTime),
    /// An exact instant (written with an offset).
    Exact(jiff::Timestamp),
}

impl<'de> Deserialize<'de> for EventTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let t = text.trim();
        if let Ok(ts) = t.parse::<jiff::Timestamp>() {
            return Ok(EventTime::Exact(ts));
        }
        if let Ok(dt) = t.parse::<jiff::civil::DateTime>() {
            if t.contains('T') || t.contains(' ') {
                return Ok(EventTime::Local(dt));
            }
        }
        if let Ok(d) = t.parse::<jiff::civil::Date>() {
            return Ok(EventTime::Date(d));
        }
        Err(ValueProblem::BadEventTime.error(&text))
    }
}

impl EventTime {
    /// The instant, resolving dates and wall-clock times in `tz` (a date means its start).
    pub fn instant(&self, tz: &jiff::tz::TimeZone) -> Option<jiff::Zoned> {
        match self {
            EventTime::Date(d) => d.to_zoned(tz.clone()).ok(),
            EventTime::Local(dt) => dt.to_zoned(tz.clone()).ok(),
            EventTime::Exact(ts) => Some(ts.to_zoned(tz.clone())),
        }
    }

    pub fn has_time(&self) -> bool {
        !matches!(self, EventTime::Date(_))
    }
}

/// One fee line written out: `{ item, amount, currency }`.
#[derive(Clone, Debug, PartialEq)]
pub struct Fee {
    pub item: String,
    pub amount: f64,
    pub currency: Option<String>,
}

/// One entry of `fees:`: a fee written out, or a tariff of `data/tariffs.yaml` (`{ tariff: ID }`); either may
/// carry a `note` for readers.
#[derive(Clone, Debug, PartialEq)]
pub struct FeeEntry {
    pub fee: FeeSource,
    pub note: Option<String>,
}

/// Where a fee's item and amount come from.
#[derive(Clone, Debug, PartialEq)]
pub enum FeeSource {
    Literal(Fee),
    /// The id of a tariff; checked against `data/tariffs.yaml` when the site is linked.
    Tariff(String),
}

/// Every key a fee may have; which combination is allowed is decided after reading, so that an unknown key
/// gets a "did you mean" for all of them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FeeFields {
    #[serde(default)]
    item: Option<String>,
    #[serde(default)]
    amount: Option<f64>,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    tariff: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

impl<'de> Deserialize<'de> for FeeEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = FeeFields::deserialize(d)?;
        let fee = match f.tariff {
            Some(id) => {
                if f.item.is_some() || f.amount.is_some() || f.currency.is_some() {
                    return Err(ValueProblem::TariffAndAmount.error(&id));
                }
                FeeSource::Tariff(id)
            }
            None => FeeSource::Literal(Fee {
                item: f.item.ok_or_else(|| de::Error::missing_field("item"))?,
                amount: f.amount.ok_or_else(|| de::Error::missing_field("amount"))?,
                currency: f.currency,
            }),
        };
        Ok(FeeEntry { fee, note: f.note })
    }
}

/// One entry of `sources:`: a regulation or official page the guide rests on, written as a plain title (or
/// URL) or as `{ title, url }`; `url` may also be a `.md` path of another guide.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    pub title: String,
    pub url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceFields {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

impl<'de> Deserialize<'de> for SourceRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SourceRef;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a title, or a mapping with `title` and `url`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<SourceRef, E> {
                let v = v.trim();
                let is_url = v.starts_with("https://") || v.starts_with("http://");
                Ok(SourceRef {
                    title: v.to_string(),
                    url: is_url.then(|| v.to_string()),
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<SourceRef, A::Error> {
                let f = SourceFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                match (f.title, f.url) {
                    (Some(title), url) => Ok(SourceRef { title, url }),
                    (None, Some(url)) => Ok(SourceRef {
                        title: url.clone(),
                        url: Some(url),
                    }),
                    (None, None) => Err(de::Error::missing_field("title")),
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// `tariffs: all`: the page shows the whole fee schedule.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum TariffSchedule {
    All,
}

/// An event (seminar, community session).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub start: EventTime,
    #[serde(default)]
    pub end: Option<EventTime>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    /// `.md` paths of the guides printed in the event's pack, relative to the page file like internal links.
    #[serde(default)]
    pub handouts: Vec<String>,
}

/// `image: { src, alt }`: a picture of the page bundle that stands for the page when it is shared.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ShareImage {
    pub src: String,
    /// Required: a messenger shows it to readers who cannot see the picture.
    pub alt: String,
}

/// `leaflet: true` or `leaflet: { layout: booklet, summary: … }`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LeafletRequest {
    pub layout: Option<LeafletLayout>,
    pub summary: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeafletOptions {
    #[serde(default)]
    layout: Option<LeafletLayout>,
    #[serde(default)]
    summary: Option<String>,
}

/// Reads `leaflet:` as either form; `false` means no leaflet.
fn leaflet<'de, D: Deserializer<'de>>(d: D) -> Result<Option<LeafletRequest>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<LeafletRequest>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("`true` or a mapping with `layout` and `summary`")
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(v.then(LeafletRequest::default))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            let o = LeafletOptions::deserialize(de::value::MapAccessDeserializer::new(map))?;
            Ok(Some(LeafletRequest {
                layout: o.layout,
                summary: o.summary,
            }))
        }
    }
    d.deserialize_any(V)
}

/// Page front matter, exactly the keys of the design brief.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFront {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub updated: Option<Date>,
    #[serde(default)]
    pub weight: Option<i64>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default)]
    pub extra: Option<serde_json::Value>,
    #[serde(default)]
    pub requirements: Vec<String>,
    #[serde(default)]
    pub fees: Vec<FeeEntry>,
    #[serde(default)]
    pub tariffs: Option<TariffSchedule>,
    #[serde(default)]
    pub sources: Vec<SourceRef>,
    #[serde(default)]
    pub reviewed: Option<Date>,
    #[serde(default)]
    pub processing_time: Option<String>,
    #[serde(default)]
    pub steps: Vec<String>,
    #[serde(default)]
    pub contact: Option<Contact>,
    #[serde(default, deserialize_with = "leaflet")]
    pub leaflet: Option<LeafletRequest>,
    #[serde(default)]
    pub event: Option<Event>,
    #[serde(default)]
    pub image: Option<ShareImage>,
}

/// How a section orders its pages.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    #[default]
    Weight,
    Date,
    Title,
}

/// Section front matter (`_index*.md`).
#[derive(Clone, Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SectionFront {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub weight: Option<i64>,
    #[serde(default)]
    pub sort_by: SortBy,
    #[serde(default)]
    pub paginate_by: Option<usize>,
    #[serde(default)]
    pub contact: Option<Contact>,
    /// Overrides `review.months` of `site.yaml` for the section's pages.
    #[serde(default)]
    pub review_months: Option<u32>,
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default)]
    pub extra: Option<serde_json::Value>,
}

/// Parses the front matter of a file with the given shape; the YAML document sits inside `file`.
pub fn parse<T: de::DeserializeOwned>(file: &str, split: &Split) -> Result<T, Diagnostic> {
    Doc {
        file,
        text: split.front,
        offset: split.front_offset,
    }
    .parse()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Result<PageFront, Diagnostic> {
        let s = split("p.md", text)?;
        parse("p.md", &s)
    }

    #[test]
    fn splits_and_offsets_count_from_file_start() {
        let text = "---\ntitle: A\n---\nBody\n";
        let s = split("p.md", text).unwrap();
        assert_eq!(s.front, "title: A\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(&text[s.body_offset..], "Body\n");
        let err = page("---\ntitle: A\ntitel: B\n---\n").unwrap_err();
        // Line 3 of the file, not line 2 of the block.
        assert_eq!(crate::diagnostics::line_col(text, 0), (1, 1));
        let span = err.span.unwrap();
        assert_eq!(
            crate::diagnostics::line_col("---\ntitle: A\ntitel: B\n---\n", span.start),
            (3, 1)
        );
    }

    #[test]
    fn missing_or_unclosed_front_matter() {
        assert!(page("").unwrap_err().message.to_string().contains("empty"));
        assert!(page("# Hi")
            .unwrap_err()
            .message
            .to_string()
            .contains("does not start"));
        assert!(page("---\ntitle: x\n")
            .unwrap_err()
            .message
            .to_string()
            .contains("not closed"));
    }

    #[test]
    fn leaflet_forms_and_dates() {
        let p = page("---\ntitle: A\nleaflet: true\ndate: 2026-01-05\n---\n").unwrap();
        assert_eq!(p.leaflet, Some(LeafletRequest::default()));
        assert_eq!(p.date, Some(Date(jiff::civil::date(2026, 1, 5))));
        let p = page("---\ntitle: A\nleaflet: { layout: booklet }\n---\n").unwrap();
        assert_eq!(p.leaflet.unwrap().layout, Some(LeafletLayout::Booklet));
        let err = page("---\ntitle: A\nleaflet: { layuot: booklet }\n---\n").unwrap_err();
        assert_eq!(
            err.hint.as_ref().map(ToString::to_string).as_deref(),
            Some("did you mean `layout`?")
        );
        let err = page("---\ntitle: A\ndate: 2026-13-01\n---\n").unwrap_err();
        assert!(
            err.message.to_string().contains("not a valid date"),
            "{}",
            err.message
        );
        assert!(err.hint.unwrap().to_string().contains("YYYY-MM-DD"));
    }

    #[test]
    fn fees_are_written_out_or_name_a_tariff() {
        let p = page("---\ntitle: A\nfees:\n  - { item: Paspor, amount: 350000 }\n  - tariff: paspor-elektronik\n    note: per orang\nsources:\n  - PP 45/2024\n  - https://x.example/a\n  - { title: UU 6/2011, url: ../uu.md }\nreviewed: 2026-10-01\ntariffs: all\n---\n").unwrap();
        assert!(matches!(&p.fees[0].fee, FeeSource::Literal(f) if f.amount == 350000.0));
        assert_eq!(
            p.fees[1],
            FeeEntry {
                fee: FeeSource::Tariff("paspor-elektronik".into()),
                note: Some("per orang".into())
            }
        );
        assert_eq!(p.sources[0].url, None);
        assert_eq!(p.sources[1].url.as_deref(), Some("https://x.example/a"));
        assert_eq!(p.sources[2].url.as_deref(), Some("../uu.md"));
        assert_eq!(p.tariffs, Some(TariffSchedule::All));
        let err = page("---\ntitle: A\nfees:\n  - { tarif: x }\n---\n").unwrap_err();
        assert_eq!(
            err.hint.as_ref().map(ToString::to_string).as_deref(),
            Some("did you mean `tariff`?")
        );
        let err = page("---\ntitle: A\nfees:\n  - { tariff: x, amount: 1 }\n---\n").unwrap_err();
        assert_eq!(err.code, codes::BAD_VALUE, "{err:?}");
        let err = page("---\ntitle: A\nfees:\n  - { item: x }\n---\n").unwrap_err();
        assert_eq!(err.code, codes::MISSING_KEY, "{err:?}");
        let err = page("---\ntitle: A\ntariffs: semua\n---\n").unwrap_err();
        assert_eq!(err.code, codes::UNKNOWN_VALUE, "{err:?}");
    }

    #[test]
    fn event_times() {
        let p = page("---\ntitle: A\nevent:\n  start: 2031-03-14T09:00\n  end: 2031-03-14T12:00:00+07:00\n---\n").unwrap();
        let e = p.event.unwrap();
        assert!(matches!(e.start, EventTime::Local(_)));
        assert!(matches!(e.end, Some(EventTime::Exact(_))));
        let tz = jiff::tz::TimeZone::get("Asia/Jakarta").unwrap();
        let start = e.start.instant(&tz).unwrap().timestamp().as_second();
        let end = e.end.unwrap().instant(&tz).unwrap().timestamp().as_second();
        assert_eq!(end - start, 3 * 3600);
    }
}
