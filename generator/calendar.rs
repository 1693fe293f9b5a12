//! Events in the reader's calendar: one iCalendar file (RFC 5545) per event page and language, and a feed
//! per language of the events still to come, which phones can subscribe to.
//!
//! Times are written as UTC instants (`…Z`), computed from the event's time in the site's time zone, so
//! every client shows them correctly in its own zone without a `VTIMEZONE` definition; the calendar names
//! the site's zone (`X-WR-TIMEZONE`) for clients that display it. Events given as dates only are all-day
//! events. Everything comes from the site model, so the same site gives the same bytes: the stamp of an
//! event (`DTSTAMP`) is the page's `updated` (or `date`, or the event's start) rather than the build time.

use icalendar::{Calendar, Component, Event, EventLike};

use crate::content::site::{EventTimes, Page, Site};

/// Whether an event has not ended by `now` (an event with dates only lasts until the end of its last day).
pub fn upcoming(event: &EventTimes, now: &jiff::Zoned) -> bool {
    let last = event.end.as_ref().unwrap_or(&event.start);
    last.timestamp() >= now.timestamp() || (!event.end_has_time && last.date() >= now.date())
}

/// Where a page's calendar file is written, relative to the output folder.
pub fn event_path(page: &Page, lang: usize) -> String {
    format!("{}event.ics", page.paths[lang])
}

/// Where a language's feed of upcoming events is written.
pub fn feed_path(site: &Site, lang: usize) -> String {
    site.config.lang_path(lang, "events.ics")
}

/// The calendar file of one event page in `lang` (the version shown there), or `None` if it is no event.
pub fn event_file(site: &Site, page: usize, lang: usize) -> Option<String> {
    let event = entry(site, page, lang)?;
    let mut calendar = calendar(site, lang);
    calendar.push(event);
    Some(calendar.done().to_string())
}

/// The feed of a language: its events that have not ended, soonest first.
pub fn feed_file(site: &Site, lang: usize) -> String {
    let mut events: Vec<(jiff::Timestamp, &str, usize)> = site
        .pages
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let e = p.shown(lang).0.event.as_ref()?;
            upcoming(e, &site.now).then_some((e.start.timestamp(), p.key.as_str(), i))
        })
        .collect();
    events.sort();
    let mut calendar = calendar(site, lang);
    for (_, _, page) in events {
        if let Some(event) = entry(site, page, lang) {
            calendar.push(event);
        }
    }
    calendar.done().to_string()
}

/// Whether any page of the site is an event (then the feeds and calendar links exist).
pub fn has_events(site: &Site) -> bool {
    site.pages
        .iter()
        .any(|p| p.variants.iter().flatten().any(|v| v.event.is_some()))
}

fn calendar(site: &Site, lang: usize) -> Calendar {
    let language = &site.config.languages[lang];
    let mut calendar = Calendar::new();
    calendar
        .name(&language.title)
        .timezone(site.config.timezone_name.as_str());
    calendar
}

fn entry(site: &Site, page: usize, lang: usize) -> Option<Event> {
    let p = &site.pages[page];
    let (variant, _) = p.shown(lang);
    let times = variant.event.as_ref()?;
    let mut event = Event::new();
    event
        .uid(&format!(
            "{}@{}",
            p.key.replace('/', "-"),
            host(&site.config.base_url)
        ))
        .summary(&variant.front.title)
        .url(&site.config.permalink(&p.paths[lang]))
        .timestamp(utc(&stamp(variant, times)));
    if let Some(description) = &variant.front.description {
        event.description(description);
    }
    let place: Vec<&str> = [times.location.as_deref(), times.address.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !place.is_empty() {
        event.location(&place.join(", "));
    }
    if times.start_has_time {
        event.starts(utc(&times.start.timestamp()));
        // Without an end time, an event with a start time is taken to last an hour.
        let end = match &times.end {
            Some(end) if times.end_has_time => end.timestamp(),
            Some(end) => end
                .date()
                .to_zoned(times.start.time_zone().clone())
                .ok()?
                .timestamp(),
            None => times.start.timestamp() + jiff::SignedDuration::from_hours(1),
        };
        event.ends(utc(&end));
    } else {
        let first = naive_date(times.start.date())?;
        // All-day events end (exclusively) on the day after their last day.
        let last = times.end.as_ref().map_or(times.start.date(), |e| e.date());
        let after = naive_date(last.tomorrow().ok()?)?;
        event.starts(first).ends(after);
    }
    Some(event.done())
}

/// When the event's description was last changed: the page's `updated`, else its `date`, else the
/// event's start.
fn stamp(variant: &crate::content::site::PageVariant, times: &EventTimes) -> jiff::Timestamp {
    variant
        .front
        .updated
        .or(variant.front.date)
        .and_then(|d| d.0.to_zoned(times.start.time_zone().clone()).ok())
        .map_or(times.start.timestamp(), |z| z.timestamp())
}

fn utc(t: &jiff::Timestamp) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(t.as_second(), 0).unwrap_or_default()
}

fn naive_date(d: jiff::civil::Date) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(i32::from(d.year()), d.month() as u32, d.day() as u32)
}

/// The host of the site's address, which makes event UIDs unique beyond the site.
fn host(base_url: &str) -> String {
    url::Url::parse(base_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "suluh.invalid".to_string())
}
