//! Events in the reader's calendar: each event page's `event.ics` and each language's `events.ics` feed of
//! upcoming events, read back with a real iCalendar client (PyPI `icalendar`, installed by `.ci/run`).

use std::process::Command;

use crate::harness::Site;

/// Parses `file` with PyPI `icalendar` and prints one line per event: UID, summary, start and end in the
/// site's time zone, location and URL.
fn read_with_icalendar(file: &std::path::Path) -> String {
    let script = r#"
import sys, icalendar, zoneinfo
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
zone = zoneinfo.ZoneInfo('Asia/Jakarta')
print('tz', cal.get('X-WR-TIMEZONE'))
for e in cal.walk('VEVENT'):
    start, end = e.decoded('DTSTART'), e.decoded('DTEND')
    if hasattr(start, 'astimezone'):
        start, end = start.astimezone(zone).isoformat(), end.astimezone(zone).isoformat()
    print('|'.join(str(x) for x in [e.get('UID'), e.get('SUMMARY'), start, end, e.get('LOCATION'), e.get('URL'), e.get('DTSTAMP').dt.isoformat()]))
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(file)
        .output()
        .expect("python3 with icalendar must be installed (run .ci/run)");
    assert!(
        out.status.success(),
        "icalendar could not read {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn event_pages_and_feeds_parse_with_a_real_client_and_keep_local_times() {
    let site = Site::fixture("basic");
    // An all-day event over two days, in English too.
    site.write(
        "content/acara/pameran.md",
        "---\ntitle: Pameran Paspor\ndate: 2031-01-02\nevent:\n  start: 2031-04-01\n  end: 2031-04-02\n  location: Balai Desa\n---\n\nPameran.\n",
    );
    site.build().assert_ok();

    let seminar = read_with_icalendar(&site.path("dist/acara/seminar/event.ics"));
    assert!(seminar.starts_with("tz Asia/Jakarta\n"), "{seminar}");
    let raw = site.out("acara/seminar/event.ics");
    assert_eq!(raw.matches("PRODID:").count(), 1, "{raw}");
    assert!(raw.contains("DTSTART:20310314T020000Z\r\n"), "{raw}");
    assert!(
        // DTSTAMP: the page's date, midnight in Jakarta.
        seminar.contains("acara-seminar@uji.example|Seminar Keimigrasian|2031-03-14T09:00:00+07:00|2031-03-14T12:00:00+07:00|Aula Kantor, Kota Metro|https://uji.example/acara/seminar/|2031-01-09T17:00:00+00:00"),
        "{seminar}"
    );
    let fair = read_with_icalendar(&site.path("dist/acara/pameran/event.ics"));
    assert!(
        fair.contains("|Pameran Paspor|2031-04-01|2031-04-03|Balai Desa|"),
        "all-day events end the day after their last day: {fair}"
    );

    // The feed holds upcoming events only, soonest first, with the same UIDs as the pages' files.
    let feed = read_with_icalendar(&site.path("dist/events.ics"));
    let uids: Vec<&str> = feed
        .lines()
        .skip(1)
        .filter_map(|l| l.split('|').next())
        .collect();
    assert_eq!(
        uids,
        ["acara-seminar@uji.example", "acara-pameran@uji.example"],
        "{feed}"
    );
    assert!(!site.out("events.ics").contains("lampau"));
    // Other languages have their own feed and files, with their own URLs.
    let en = read_with_icalendar(&site.path("dist/en/acara/seminar/event.ics"));
    assert!(
        en.contains("|https://uji.example/en/acara/seminar/|"),
        "{en}"
    );
    assert!(site.path("dist/en/events.ics").exists());

    // Linked from the event page and the events listing, as downloads a phone can open or subscribe to.
    let page = site.out("acara/seminar/index.html");
    assert!(
        page.contains(r#"<a href="/acara/seminar/event.ics" type="text/calendar" download>"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<a href="/events.ics" type="text/calendar">"#),
        "{page}"
    );
    assert!(site
        .out("acara/index.html")
        .contains(r#"<a href="/events.ics" type="text/calendar">"#));

    // The same site gives the same bytes.
    let first = site.out("events.ics");
    site.build().assert_ok();
    assert_eq!(site.out("events.ics"), first);
}

#[test]
fn a_site_without_events_has_no_calendar_feed() {
    let site = Site::fixture("basic");
    for file in ["content/acara/seminar.md", "content/acara/lampau.md"] {
        std::fs::remove_file(site.path(file)).unwrap();
    }
    site.build().assert_ok();
    assert!(!site.path("dist/events.ics").exists());
}
