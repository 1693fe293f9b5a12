//! `suluh serve`: the live preview for editors.
//!
//! The site is built into memory with links pointing at the server (never into `dist/`), served over HTTP on
//! loopback ([`axum`]), and rebuilt whenever its inputs change ([`watch`]). A rebuild with errors keeps the
//! last good site served, prints the diagnostics in the terminal and shows them in the browser as an overlay
//! ([`overlay`]). Open pages reload by themselves: a small script of ours, added to HTML responses only,
//! listens to server-sent events and reloads when a rebuild finishes, keeping the scroll position.

pub mod files;
pub mod overlay;
pub mod paths;
pub mod rebuild;
pub mod watch;

use crate::diagnostics::codes;
use crate::messages::io_reason;
use crate::msg;
use std::convert::Infallible;
use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::config;
use crate::diagnostics::{self, Diagnostic, Format, Sources};
use crate::pipeline::{self, Options};
use files::Files;
use paths::Lookup;
use rebuild::{Builder, Rebuilt};
use std::panic::AssertUnwindSafe;

/// What the user asked for.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub interface: IpAddr,
    /// 0 lets the system choose a free port (the address is printed on standard output).
    pub port: u16,
    pub drafts: bool,
}

/// What the server answers with: the last good site and the state of the last rebuild.
struct Published {
    files: Arc<Files>,
    languages: Vec<String>,
    /// The error overlay's HTML; empty when the last rebuild succeeded.
    overlay: String,
    /// `/__suluh/status`: the last rebuild's diagnostics as JSON.
    status: String,
    generation: u64,
}

struct Shared {
    published: RwLock<Arc<Published>>,
    /// The generation of the last rebuild that changed what is served; SSE streams wait on it.
    rebuilt: tokio::sync::watch::Sender<u64>,
}

impl Shared {
    fn current(&self) -> Arc<Published> {
        match self.published.read() {
            Ok(p) => p.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Swaps in a rebuild's result; tells open pages to reload if what they show may have changed.
    fn publish(&self, rebuilt: &Rebuilt) {
        let previous = self.current();
        let generation = previous.generation + 1;
        // A search step that lands after a failed rebuild must not hide that rebuild's errors.
        let keep_status = !rebuilt.reload && !rebuilt.failed();
        let items = overlay::items(
            &rebuilt.diagnostics,
            &rebuilt.sources,
            crate::messages::current(),
        );
        let next = Published {
            files: rebuilt
                .files
                .clone()
                .unwrap_or_else(|| previous.files.clone()),
            languages: if rebuilt.languages.is_empty() && rebuilt.failed() {
                previous.languages.clone()
            } else {
                rebuilt.languages.clone()
            },
            overlay: if keep_status {
                previous.overlay.clone()
            } else {
                overlay::html(&items, crate::messages::current())
            },
            status: if keep_status {
                previous.status.clone()
            } else {
                status_json(rebuilt, generation)
            },
            generation,
        };
        let reload =
            next.overlay != previous.overlay || (rebuilt.reload && !rebuilt.changed.is_empty());
        match self.published.write() {
            Ok(mut p) => *p = Arc::new(next),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(next),
        }
        if reload {
            self.rebuilt.send_replace(generation);
        }
    }
}

/// `/__suluh/status`: `diagnostics::render_json`'s document plus the rebuild's generation and timing.
fn status_json(rebuilt: &Rebuilt, generation: u64) -> String {
    let mut value: serde_json::Value = serde_json::from_str(&diagnostics::render_json(
        &rebuilt.diagnostics,
        &rebuilt.sources,
    ))
    .unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        map.insert("generation".into(), generation.into());
        map.insert("ok".into(), (!rebuilt.failed()).into());
        map.insert("changed".into(), rebuilt.changed.len().into());
        map.insert(
            "elapsed_ms".into(),
            (rebuilt.elapsed.as_millis() as u64).into(),
        );
    }
    value.to_string()
}

/// How many rebuilds Typst's memoized layout results are kept for: a leaflet saved again within this many
/// rebuilds reuses its unchanged parts.
const LEAFLET_CACHE_AGE: usize = 10;

/// Binds the port, builds the site, serves it and rebuilds on changes until the process is stopped.
/// Returns only on a problem that keeps the server from running (no site, busy port).
pub fn run(options: ServeOptions) -> Result<(), Vec<Diagnostic>> {
    if !options.root.join(config::FILE_NAME).is_file() {
        // The same message `build` gives: probably the wrong folder.
        pipeline::read_config(&options.root, &Sources::default())?;
    }
    let listener = bind(options.interface, options.port)?;
    let address = listener.local_addr().map_err(|e| {
        vec![Diagnostic::error(
            codes::SERVER,
            msg!("server-address", reason = e.to_string()),
        )]
    })?;
    let root = options
        .root
        .canonicalize()
        .unwrap_or_else(|_| options.root.clone());

    // Watch before the first build, so a change saved while it runs is not missed.
    let mut watcher = watch::Watch::start(&root).map_err(|e| {
        vec![Diagnostic::error(
            codes::SERVER,
            msg!(
                "cannot-watch",
                folder = root.display().to_string(),
                reason = e.to_string()
            ),
        )
        .with_hint(msg!("hint-cannot-watch"))]
    })?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| {
            vec![Diagnostic::error(
                codes::SERVER,
                msg!("cannot-start-server", reason = e.to_string()),
            )]
        })?;
    // The outputs' bytes live in a temporary folder, not in memory; without one (no writable temporary
    // folder), in memory.
    let spill = match files::Spill::new() {
        Ok(spill) => Some(spill),
        Err(e) => {
            eprintln!(
                "{}",
                msg!("serve-no-temporary-folder", reason = io_reason(&e))
            );
            None
        }
    };
    // Stopping (Ctrl+C, or `kill`) removes the folder at any moment, during the first build too. The process
    // then ends at once: nothing else it holds outlives it.
    let stopping = spill.clone();
    runtime.spawn(async move {
        stop_signal().await;
        if let Some(spill) = &stopping {
            spill.remove();
        }
        eprintln!("{}", msg!("serve-stopped"));
        std::process::exit(0);
    });
    let mut builder = Builder::new(
        Options {
            drafts: options.drafts,
            base_url: Some(format!("http://{address}")),
            // Stage times of every rebuild, for bench/serve-bench.sh.
            timings: std::env::var_os("SULUH_TIMINGS").is_some_and(|v| v == "1"),
            service_worker: false,
            ..Options::new(root.clone())
        },
        spill.clone(),
    );
    let (first, _) = builder.rebuild(&watch::Batch::default());
    report(&first, true);
    let (rebuilt, _) = tokio::sync::watch::channel(0);
    let shared = Arc::new(Shared {
        published: RwLock::new(Arc::new(Published {
            files: Arc::new(Files::new()),
            languages: Vec::new(),
            overlay: String::new(),
            status: String::new(),
            generation: 0,
        })),
        rebuilt,
    });
    shared.publish(&first);

    let watching = shared.clone();
    std::thread::Builder::new()
        .name("suluh-watch".into())
        .spawn(move || {
            while let Some(batch) = watcher.next_batch() {
                let (rebuilt, search) = builder.rebuild(&batch);
                // Leaflets of earlier versions of the pages are never asked for again.
                crate::leaflet::LeafletEngine::evict_cache(LEAFLET_CACHE_AGE);
                report(&rebuilt, false);
                builder.exclusive(|| watching.publish(&rebuilt));
                // Pages are served updated; the search indexes follow without holding up the next change.
                if let Some(search) = search {
                    let shared = watching.clone();
                    let languages = rebuilt.languages.clone();
                    let _ = std::thread::Builder::new()
                        .name("suluh-search".into())
                        .spawn(move || {
                            let indexed = std::panic::catch_unwind(AssertUnwindSafe(|| {
                                search.run(|rest| {
                                    report(rest, false);
                                    shared.publish(rest);
                                })
                            }));
                            // A bug while indexing: the pages stay served, the editor is told.
                            if let Err(payload) = indexed {
                                let what = rebuild::panic_text(payload.as_ref());
                                let error = rebuild::internal_error(
                                    &watch::Batch::default(),
                                    format!("search index: {what}"),
                                );
                                let crashed = Rebuilt::crashed(error, languages);
                                report(&crashed, false);
                                shared.publish(&crashed);
                            }
                        });
                }
            }
        })
        .map_err(|e| {
            vec![Diagnostic::error(
                codes::SERVER,
                msg!("cannot-start-watcher", reason = e.to_string()),
            )]
        })?;

    // The one line on standard output, so scripts and tests can find the address (port 0 picks one).
    println!(
        "{}",
        msg!(
            "serve-serving",
            folder = root.display().to_string(),
            address = format!("http://{address}/")
        )
    );
    let _ = std::io::stdout().flush();
    eprintln!("{}", msg!("serve-watching"));

    let result = runtime.block_on(async move {
        listener.set_nonblocking(true).map_err(|e| {
            vec![Diagnostic::error(
                codes::SERVER,
                msg!("cannot-start-server", reason = e.to_string()),
            )]
        })?;
        let listener = tokio::net::TcpListener::from_std(listener).map_err(|e| {
            vec![Diagnostic::error(
                codes::SERVER,
                msg!("cannot-start-server", reason = e.to_string()),
            )]
        })?;
        axum::serve(listener, router(shared)).await.map_err(|e| {
            vec![Diagnostic::error(
                codes::SERVER,
                msg!("server-stopped", reason = e.to_string()),
            )]
        })
    });
    // The process ends without dropping what the watcher thread holds: the folder is removed here.
    if let Some(spill) = &spill {
        spill.remove();
    }
    result
}

/// Ctrl+C, or (on Unix) a polite request to stop, as `kill` and process managers send.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut terminate) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = terminate.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// Binds the listening socket, turning the usual failures into a message and a suggestion.
fn bind(interface: IpAddr, port: u16) -> Result<TcpListener, Vec<Diagnostic>> {
    let address = SocketAddr::new(interface, port);
    TcpListener::bind(address).map_err(|e| {
        let next = port.checked_add(1).unwrap_or(1111);
        let d = match e.kind() {
            std::io::ErrorKind::AddrInUse => Diagnostic::error(
                codes::PORT_IN_USE,
                msg!(
                    "port-in-use",
                    port = port.to_string(),
                    interface = interface.to_string()
                ),
            )
            .with_hint(msg!("hint-port-in-use", next = next.to_string())),
            std::io::ErrorKind::AddrNotAvailable => Diagnostic::error(
                codes::SERVER,
                msg!("not-an-address-here", interface = interface.to_string()),
            )
            .with_hint(msg!("hint-not-an-address-here")),
            std::io::ErrorKind::PermissionDenied => Diagnostic::error(
                codes::SERVER,
                msg!(
                    "port-not-allowed",
                    port = port.to_string(),
                    interface = interface.to_string()
                ),
            )
            .with_hint(msg!("hint-port-not-allowed")),
            _ => Diagnostic::error(
                codes::SERVER,
                msg!(
                    "cannot-listen",
                    address = address.to_string(),
                    reason = e.to_string()
                ),
            )
            .with_hint(msg!("hint-cannot-listen")),
        };
        vec![d]
    })
}

/// Prints a rebuild's diagnostics and a one-line summary on standard error.
fn report(rebuilt: &Rebuilt, first: bool) {
    diagnostics::emit(&rebuilt.diagnostics, &rebuilt.sources, Format::Human);
    let ms = rebuilt.elapsed.as_millis();
    if rebuilt.failed() {
        if first {
            eprintln!("{}", msg!("serve-first-build-failed"));
        } else {
            eprintln!("{}", msg!("serve-rebuild-failed", ms = ms.to_string()));
        }
    } else if first {
        let count = rebuilt.files.as_ref().map_or(0, |f| f.len());
        eprintln!(
            "{}",
            msg!("serve-first-build", files = count, ms = ms.to_string())
        );
    } else {
        let n = rebuilt.changed.len();
        let shown: Vec<&str> = rebuilt.changed.iter().take(3).map(String::as_str).collect();
        let more = if n > shown.len() { ", …" } else { "" };
        let rebuild::JobCounts {
            rendered,
            planned: jobs,
        } = rebuilt.rendered;
        // `none` picks the catalogue's variant without the preparation time.
        let prepare = if rebuilt.reload {
            rebuilt.prepare.as_millis().to_string()
        } else {
            "none".to_string()
        };
        let line = msg!(
            "serve-rebuilt",
            what = if rebuilt.reload { "all" } else { "search" },
            ms = ms.to_string(),
            count = n,
            files = format!("{}{more}", shown.join(", ")),
            prepare = prepare,
            rendered = rendered,
            jobs = jobs
        );
        eprintln!("{line}");
    }
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/__suluh/events", get(events))
        .route("/__suluh/status", get(status))
        .route(overlay::SCRIPT_PATH, get(script))
        .fallback(site)
        .with_state(shared)
        // Every response is fresh: the site changes under the browser's feet.
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
}

/// Server-sent events: one `rebuild` event whenever what is served changed.
async fn events(State(shared): State<Arc<Shared>>) -> impl IntoResponse {
    let receiver = shared.rebuilt.subscribe();
    let stream = futures_util::stream::unfold(receiver, |mut receiver| async move {
        receiver.changed().await.ok()?;
        let generation = *receiver.borrow_and_update();
        let event = Event::default()
            .event("rebuild")
            .data(format!("{{\"generation\":{generation}}}"));
        Some((Ok::<Event, Infallible>(event), receiver))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn status(State(shared): State<Arc<Shared>>) -> Response {
    let published = shared.current();
    (
        [(header::CONTENT_TYPE, "application/json")],
        published.status.clone(),
    )
        .into_response()
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        overlay::SCRIPT,
    )
        .into_response()
}

/// Everything else: a file of the site, from memory.
async fn site(State(shared): State<Arc<Shared>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
            "Only GET and HEAD are served.\n",
        )
            .into_response();
    }
    // The preview installs no service worker: an editor must always see the build just made, never a
    // cached one.
    if uri.path() == "/sw.js" {
        return (StatusCode::NOT_FOUND, "No service worker in the preview.\n").into_response();
    }
    let published = shared.current();
    match paths::lookup(&published.files, uri.path(), &published.languages) {
        Lookup::File(key) => file_response(&published, StatusCode::OK, &key),
        Lookup::NotFound(Some(key)) => file_response(&published, StatusCode::NOT_FOUND, &key),
        Lookup::NotFound(None) => html_response(
            &published,
            StatusCode::NOT_FOUND,
            b"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>\
              <body><h1>Not found</h1><p>Nothing is served at this address.</p></body></html>",
        ),
        Lookup::Redirect(location) => {
            let location = match uri.query() {
                Some(q) => format!("{location}?{q}"),
                None => location,
            };
            (StatusCode::TEMPORARY_REDIRECT, [(header::LOCATION, location)]).into_response()
        }
        Lookup::BadRequest => (
            StatusCode::BAD_REQUEST,
            "Bad request: the path must be a plain path inside the site.\n",
        )
            .into_response(),
        Lookup::TooLong => (StatusCode::URI_TOO_LONG, "The address is too long.\n").into_response(),
    }
}

fn file_response(published: &Published, status: StatusCode, key: &str) -> Response {
    let Some(stored) = published.files.get(key) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Ok(bytes) = stored.bytes() else {
        // Outputs are deflated by the server itself: failing to inflate one is a bug, not a user's mistake.
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            "The stored output could not be read; please report this as a Suluh bug.\n",
        )
            .into_response();
    };
    let content_type = paths::content_type(key);
    if content_type.starts_with("text/html") {
        return html_response(published, status, &bytes);
    }
    (
        status,
        [(header::CONTENT_TYPE, content_type)],
        Body::from(bytes.into_owned()),
    )
        .into_response()
}

/// HTML gets the live-reload script and, after a failed rebuild, the error overlay.
fn html_response(published: &Published, status: StatusCode, bytes: &[u8]) -> Response {
    let body = overlay::inject(bytes, &overlay::additions(&published.overlay));
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn rebuilt(diagnostics: Vec<Diagnostic>, reload: bool, changed: &[&str]) -> Rebuilt {
        let files: Files = changed
            .iter()
            .map(|k| (k.to_string(), Arc::new(files::Stored::new(b"x"))))
            .collect();
        Rebuilt {
            files: diagnostics.is_empty().then(|| Arc::new(files)),
            diagnostics,
            sources: Arc::new(Sources::default()),
            changed: changed.iter().map(|s| s.to_string()).collect(),
            elapsed: Duration::ZERO,
            languages: vec!["en".into()],
            rendered: rebuild::JobCounts {
                rendered: 1,
                planned: 1,
            },
            reload,
            incremental: true,
            relinked: false,
            prepare: Duration::ZERO,
        }
    }

    fn shared() -> Shared {
        Shared {
            published: RwLock::new(Arc::new(Published {
                files: Arc::new(Files::new()),
                languages: Vec::new(),
                overlay: String::new(),
                status: String::new(),
                generation: 0,
            })),
            rebuilt: tokio::sync::watch::channel(0).0,
        }
    }

    /// A bug during a rebuild reaches the browser as an overlay naming the saved file, over the last good
    /// site, and tells open pages to reload so they show it.
    #[test]
    fn an_internal_error_is_shown_over_the_last_good_site() {
        let shared = shared();
        let mut events = shared.rebuilt.subscribe();
        shared.publish(&rebuilt(Vec::new(), true, &["index.html"]));
        events.mark_unchanged();
        let batch = watch::Batch {
            paths: ["content/paspor/baru.md".to_string()].into(),
            rescan: false,
        };
        let error = rebuild::internal_error(&batch, "injected".into());
        shared.publish(&Rebuilt::crashed(error, vec!["en".into()]));
        assert!(events.has_changed().unwrap());
        let now = shared.current();
        assert!(
            now.overlay.contains(
                "internal error while rebuilding content/paspor/baru.md; please report it"
            ),
            "{}",
            now.overlay
        );
        assert!(now.status.contains("internal-error"), "{}", now.status);
        assert!(
            now.files.contains_key("index.html"),
            "the last good site stays"
        );
    }

    #[test]
    fn errors_show_until_a_good_rebuild_and_survive_a_late_search_step() {
        let shared = shared();
        let mut events = shared.rebuilt.subscribe();
        shared.publish(&rebuilt(Vec::new(), true, &["index.html"]));
        assert!(events.has_changed().unwrap());
        events.mark_unchanged();
        assert!(shared.current().overlay.is_empty());

        shared.publish(&rebuilt(
            vec![Diagnostic::error(
                codes::BAD_YAML,
                crate::msg!("yaml-other", problem = "bad <yaml>"),
            )],
            true,
            &[],
        ));
        let now = shared.current();
        assert!(now.overlay.contains("bad &lt;yaml&gt;"), "{}", now.overlay);
        assert!(now.status.contains("\"ok\":false"), "{}", now.status);
        assert!(
            now.files.contains_key("index.html"),
            "the last good site stays"
        );
        assert!(
            events.has_changed().unwrap(),
            "pages reload to show the overlay"
        );
        events.mark_unchanged();

        // The search indexes of the last good run land after the failed rebuild.
        shared.publish(&rebuilt(Vec::new(), false, &["search/id/index.json"]));
        let now = shared.current();
        assert!(now.overlay.contains("bad &lt;yaml&gt;"));
        assert!(now.status.contains("\"ok\":false"));
        assert!(
            !events.has_changed().unwrap(),
            "search indexes do not reload pages"
        );

        shared.publish(&rebuilt(Vec::new(), true, &[]));
        assert!(shared.current().overlay.is_empty());
        assert!(shared.current().status.contains("\"ok\":true"));
        assert!(events.has_changed().unwrap(), "the overlay goes away");
    }
}
