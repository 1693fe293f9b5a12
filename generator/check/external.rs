//! `check --external`: are the `http:`/`https:` links in the content still alive?
//!
//! This is the only part of Suluh that goes on the network, and only when asked. It is polite to the sites it
//! visits: every URL is requested once however many pages link to it, one request at a time per host, a few
//! hosts at a time, with a timeout and a User-Agent that names Suluh. It asks with `HEAD` and falls back to
//! `GET` where a server does not support `HEAD` (405, 501). Redirects are followed by hand (at most
//! [`MAX_REDIRECTS`]) so a permanent one can be reported with its target.
//!
//! Results are warnings, never errors: a site that is down today says nothing about our content, and a
//! build server should not fail because someone else's server is slow.

use crate::diagnostics::codes;
use crate::msg;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Mutex;
use std::time::Duration;

use crate::content::site::{Body, Site};
use crate::diagnostics::{Diagnostic, Message};

/// The diagnostic code of a broken or moved external link.
pub const CODE: &str = crate::diagnostics::codes::EXTERNAL_LINK;
/// Redirects followed before giving up.
pub const MAX_REDIRECTS: usize = 5;
/// Hosts checked at the same time (each host sees one request at a time).
pub const MAX_HOSTS_AT_ONCE: usize = 8;
/// The default time allowed for one request.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// How to check.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Per request (each redirect hop and the `GET` fallback get their own).
    pub timeout: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            timeout: DEFAULT_TIMEOUT,
        }
    }
}

/// What became of one URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Ok,
    /// Reached through a permanent redirect (301, 308): the link should be updated to `to`.
    Moved {
        status: u16,
        to: String,
    },
    /// An HTTP error status, after any redirects.
    Http(u16),
    TimedOut,
    DnsFailed,
    /// Anything else on the way (connection refused, TLS, a bad redirect), in words.
    Failed(Message),
}

/// Every external link of the site, grouped by URL (without its `#fragment`), with where it is written.
fn collect(site: &Site) -> BTreeMap<String, Vec<(String, Range<usize>)>> {
    let mut urls: BTreeMap<String, Vec<(String, Range<usize>)>> = BTreeMap::new();
    let mut add = |file: &str, body: &Body| {
        for link in &body.external_links {
            let url = link.url.split('#').next().unwrap_or(&link.url).to_string();
            urls.entry(url).or_default().push((
                file.to_string(),
                body.offset + link.span.start..body.offset + link.span.end,
            ));
        }
    };
    for page in &site.pages {
        for v in page.variants.iter().flatten() {
            add(&v.file, &v.body);
        }
    }
    for section in &site.sections {
        for v in section.variants.iter().flatten() {
            if let Some(file) = &v.file {
                add(file, &v.body);
            }
        }
    }
    urls
}

/// Checks every external link of the site; one warning per place a bad link is written.
pub fn check(site: &Site, settings: &Settings) -> Vec<Diagnostic> {
    let urls = collect(site);
    let statuses = check_urls(urls.keys().cloned().collect(), settings);
    let mut diags = Vec::new();
    for (url, places) in &urls {
        let Some(status) = statuses.get(url) else {
            continue;
        };
        let Some((message, hint)) = describe(url, status, settings) else {
            continue;
        };
        for (file, span) in places {
            diags.push(
                Diagnostic::warning(codes::EXTERNAL_LINK, message.clone())
                    .at(file, span.clone())
                    .with_hint(hint.clone()),
            );
        }
    }
    diags
}

/// The warning for a status, if it deserves one: (what is wrong, what to do).
fn describe(url: &str, status: &Status, settings: &Settings) -> Option<(Message, Message)> {
    let shown = shorten(url);
    Some(match status {
        Status::Ok => return None,
        Status::Moved { status, to } => (
            msg!("external-moved", link = &shown, status = *status),
            msg!("hint-external-moved", to = to),
        ),
        Status::Http(code) => (
            msg!(
                "external-broken",
                link = &shown,
                status = status_text(*code)
            ),
            match code {
                404 | 410 => msg!("hint-external-gone"),
                401 | 403 => msg!("hint-external-refused"),
                429 => msg!("hint-external-slow-down"),
                _ => msg!("hint-external-open"),
            },
        ),
        Status::TimedOut => (
            msg!(
                "external-timed-out",
                link = &shown,
                seconds = seconds(settings.timeout)
            ),
            msg!("hint-external-timed-out"),
        ),
        Status::DnsFailed => (
            msg!("external-dns", link = &shown),
            msg!("hint-external-dns"),
        ),
        Status::Failed(why) => (
            msg!("external-failed", link = &shown, reason = why.clone()),
            msg!("hint-external-open"),
        ),
    })
}

fn seconds(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{}", d.as_secs())
    } else {
        format!("{:.1}", d.as_secs_f64())
    }
}

/// Long URLs are cut in the message (the caret under the link shows it whole).
fn shorten(url: &str) -> String {
    if url.chars().count() <= 70 {
        return url.to_string();
    }
    url.chars().take(67).collect::<String>() + "…"
}

fn status_text(code: u16) -> String {
    match axum::http::StatusCode::from_u16(code)
        .ok()
        .and_then(|s| s.canonical_reason())
    {
        Some(reason) => format!("{code} {reason}"),
        None => format!("status {code}"),
    }
}

/// Checks each URL once: hosts in parallel (at most [`MAX_HOSTS_AT_ONCE`]), the URLs of one host one after
/// the other.
pub fn check_urls(urls: Vec<String>, settings: &Settings) -> BTreeMap<String, Status> {
    let mut by_host: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for url in urls {
        by_host.entry(host_of(&url)).or_default().push(url);
    }
    let queue = Mutex::new(by_host.into_values().collect::<Vec<_>>());
    let results = Mutex::new(BTreeMap::new());
    let agent = agent(settings);
    let workers = MAX_HOSTS_AT_ONCE.min(queue.lock().map_or(0, |q| q.len()));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let next = match queue.lock() {
                    Ok(mut q) => q.pop(),
                    Err(_) => None,
                };
                let Some(host_urls) = next else { break };
                for url in host_urls {
                    let status = check_one(&agent, &url);
                    if let Ok(mut r) = results.lock() {
                        r.insert(url, status);
                    }
                }
            });
        }
    });
    results.into_inner().unwrap_or_default()
}

/// `https://Example.org:8080/a` → `example.org:8080`; a URL that does not parse is its own "host".
fn host_of(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => format!(
            "{}:{}",
            u.host_str().unwrap_or_default().to_ascii_lowercase(),
            u.port_or_known_default().unwrap_or(0)
        ),
        Err(_) => url.to_string(),
    }
}

fn agent(settings: &Settings) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(settings.timeout))
        .user_agent(concat!(
            "Suluh/",
            env!("CARGO_PKG_VERSION"),
            " (link checker of a static site; suluh check --external)"
        ))
        // Redirects are followed by hand (see `check_one`), so a permanent one can be reported.
        .max_redirects(0)
        .max_redirects_will_error(false)
        .http_status_as_error(false)
        .build()
        .into()
}

/// One URL: `HEAD` (then `GET` if the server does not do `HEAD`), following redirects.
fn check_one(agent: &ureq::Agent, url: &str) -> Status {
    let mut current = match url::Url::parse(url) {
        Ok(u) => u,
        Err(e) => return Status::Failed(msg!("external-not-an-address", reason = e.to_string())),
    };
    // The first permanent redirect seen, if every redirect on the way was permanent.
    let mut moved: Option<u16> = None;
    let mut all_permanent = true;
    for hop in 0..=MAX_REDIRECTS {
        let status = match request(agent, current.as_str()) {
            Ok(s) => s,
            Err(e) => return e,
        };
        let (code, location) = status;
        if !(300..400).contains(&code) || code == 304 {
            return match (code, moved) {
                (200..=299, Some(first)) if all_permanent && hop > 0 => Status::Moved {
                    status: first,
                    to: current.to_string(),
                },
                (200..=299, _) => Status::Ok,
                _ => Status::Http(code),
            };
        }
        let Some(location) = location else {
            return Status::Failed(msg!("external-redirect-nowhere", status = code.to_string()));
        };
        let next = match current.join(&location) {
            Ok(u) => u,
            Err(_) => return Status::Failed(msg!("external-redirect-invalid", to = &location)),
        };
        if next.scheme() != "http" && next.scheme() != "https" {
            return Status::Failed(msg!("external-redirect-not-web", to = next.to_string()));
        }
        if matches!(code, 301 | 308) {
            moved.get_or_insert(code);
        } else {
            all_permanent = false;
        }
        current = next;
    }
    Status::Failed(msg!("external-too-many-redirects", count = MAX_REDIRECTS))
}

/// One request: the status and any `Location`, or the failure as a [`Status`].
fn request(agent: &ureq::Agent, url: &str) -> Result<(u16, Option<String>), Status> {
    let head = agent.head(url).call().map_err(|e| failure(&e))?;
    let code = head.status().as_u16();
    let response = if code == 405 || code == 501 {
        // The body is never read: dropping the response closes the connection.
        agent.get(url).call().map_err(|e| failure(&e))?
    } else {
        head
    };
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    Ok((response.status().as_u16(), location))
}

fn failure(e: &ureq::Error) -> Status {
    match e {
        ureq::Error::Timeout(_) => Status::TimedOut,
        ureq::Error::HostNotFound => Status::DnsFailed,
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => Status::TimedOut,
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            Status::Failed(msg!("external-refused"))
        }
        ureq::Error::ConnectionFailed => Status::Failed(msg!("external-connection-failed")),
        other => Status::Failed(msg!("io-other", error = other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_group_by_name_and_port() {
        assert_eq!(host_of("https://Example.org/a"), "example.org:443");
        assert_eq!(host_of("http://example.org:8080/a"), "example.org:8080");
        assert_eq!(host_of("http://example.org/b"), "example.org:80");
    }

    #[test]
    fn descriptions_say_what_to_do() {
        let s = Settings::default();
        assert_eq!(describe("https://a.example", &Status::Ok, &s), None);
        let (msg, hint) = describe(
            "https://a.example/x",
            &Status::Moved {
                status: 301,
                to: "https://b.example/x".into(),
            },
            &s,
        )
        .unwrap();
        assert!(msg.to_string().contains("moved permanently (301)"), "{msg}");
        assert_eq!(hint.to_string(), "update the link to https://b.example/x");
        let (msg, _) = describe("https://a.example/x", &Status::Http(404), &s).unwrap();
        assert!(
            msg.to_string().ends_with("is broken: 404 Not Found"),
            "{msg}"
        );
        let (msg, _) = describe("https://a.example/x", &Status::TimedOut, &s).unwrap();
        assert!(msg.to_string().ends_with("timed out after 10 s"), "{msg}");
        assert!(shorten(&"x".repeat(200)).ends_with('…'));
    }

    #[test]
    fn unresolvable_hosts_fail_without_a_network() {
        // `.invalid` never resolves (RFC 6761), so this needs no network to give its answer.
        let s = Settings {
            timeout: Duration::from_secs(5),
        };
        let r = check_urls(vec!["http://suluh-test.invalid/".into()], &s);
        assert!(
            matches!(
                r.get("http://suluh-test.invalid/"),
                Some(Status::DnsFailed | Status::Failed(_))
            ),
            "{r:?}"
        );
    }
}
