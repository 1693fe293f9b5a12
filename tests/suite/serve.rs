//! `suluh serve` end to end: the real binary on a free port, driven over HTTP while the test edits, breaks,
//! renames and deletes Markdown files. Every wait is bounded; the server is killed when a test ends.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use rustix::process::Signal;

use crate::harness::{Site, NOW_EPOCH};

/// How long a change may take to show up. A liveness bound, not a speed target: every wait below polls for
/// what the server reports (a page, a status, a line on standard error) and ends as soon as it is seen.
const WAIT: Duration = Duration::from_secs(120);

/// A running `suluh serve`; killed on drop, so a failing assertion never leaves it behind.
struct Server {
    child: Child,
    address: String,
    stderr: Arc<Mutex<String>>,
    /// The server's `TMPDIR`, where it keeps its outputs (next to the site, removed with the test's folder).
    tmp: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        if !self.stop(Signal::TERM) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

struct Reply {
    status: u16,
    headers: String,
    body: String,
}

impl Server {
    fn start(site: &Site) -> Server {
        Server::start_in(site, "en")
    }

    /// With `SULUH_MESSAGES=messages`.
    fn start_in(site: &Site, messages: &str) -> Server {
        let tmp = site.root.with_file_name("tmp");
        std::fs::create_dir_all(&tmp).expect("tmp dir");
        let mut child = Command::new(env!("CARGO_BIN_EXE_suluh"))
            .env("SULUH_MESSAGES", messages)
            .args(["serve", "--port", "0"])
            .current_dir(&site.root)
            .env("TMPDIR", &tmp)
            .env("SOURCE_DATE_EPOCH", NOW_EPOCH)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start suluh serve");
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = stderr.clone();
        let mut err = child.stderr.take().expect("stderr");
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = err.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut server = Server {
            child,
            address: String::new(),
            stderr,
            tmp,
        };
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("no address printed; stderr:\n{}", server.stderr()));
        let start = line.find("http://").expect("address line") + "http://".len();
        server.address = line[start..].trim_end_matches('/').to_string();
        server
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Sends `signal` and waits (bounded) for the server to exit; whether it did.
    fn stop(&mut self, signal: Signal) -> bool {
        if let Ok(Some(_)) = self.child.try_wait() {
            return true;
        }
        let pid = rustix::process::Pid::from_child(&self.child);
        if rustix::process::kill_process(pid, signal).is_err() {
            return false;
        }
        let started = Instant::now();
        while started.elapsed() < WAIT {
            if let Ok(Some(_)) = self.child.try_wait() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// The folders the server made in its `TMPDIR`, with how many files each holds.
    fn temporary_folders(&self) -> Vec<(PathBuf, usize)> {
        std::fs::read_dir(&self.tmp)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .map(|p| {
                let files = std::fs::read_dir(&p).unwrap().count();
                (p, files)
            })
            .collect()
    }

    /// A GET (or another method) with a raw request path, exactly as written.
    fn request(&self, method: &str, path: &str) -> Reply {
        let mut stream = TcpStream::connect(&self.address).expect("connect");
        stream.set_read_timeout(Some(WAIT)).unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.address
        )
        .unwrap();
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no status line in {head:?}"));
        Reply {
            status,
            headers: head.to_ascii_lowercase(),
            body: body.to_string(),
        }
    }

    fn get(&self, path: &str) -> Reply {
        self.request("GET", path)
    }

    /// Polls `path` until `ok` holds for the reply.
    #[track_caller]
    fn wait_for(&self, path: &str, what: &str, ok: impl Fn(&Reply) -> bool) -> Reply {
        let started = Instant::now();
        loop {
            let reply = self.get(path);
            if ok(&reply) {
                return reply;
            }
            if started.elapsed() > WAIT {
                panic!(
                    "{path}: {what} not seen within {WAIT:?}\nlast reply ({}):\n{}\nserver stderr:\n{}",
                    reply.status,
                    reply.body.chars().take(3000).collect::<String>(),
                    self.stderr()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// Whether an elasticlunr index has `term` in its body field: the index is a trie, one character per level.
fn index_has_term(json: &str, term: &str) -> bool {
    let Ok(index) = serde_json::from_str::<serde_json::Value>(json) else {
        return false;
    };
    let mut node = &index["index"]["body"]["root"];
    for c in term.chars() {
        node = &node[c.to_string().as_str()];
    }
    node["docs"]
        .as_object()
        .is_some_and(|docs| !docs.is_empty())
}

/// Saves a file the way many editors do: write a temporary file beside it, then rename it over the original.
fn save_by_rename(site: &Site, rel: &str, text: &str) {
    let path = site.path(rel);
    let tmp = path.with_file_name(format!(
        ".{}.tmp",
        path.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
}

#[test]
fn an_edit_shows_on_the_page_in_the_listing_and_in_the_search_index() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let page = server.get("/paspor/hilang/");
    assert_eq!(page.status, 200);
    assert!(
        page.headers.contains("content-type: text/html"),
        "{}",
        page.headers
    );
    assert!(page.body.contains("Laporkan ke polisi"));
    assert!(page
        .body
        .contains("<script src=\"/__suluh/livereload.js\" defer></script></body>"));
    assert!(!page.body.contains("suluh-overlay"));
    // Links point at the server, not at site.yaml's base_url.
    assert!(page
        .body
        .contains(&format!("http://{}/paspor/hilang/", server.address)));

    let text = std::fs::read_to_string(site.path("content/paspor/hilang.md")).unwrap();
    let edited = text
        .replace("title: Paspor Hilang", "title: Paspor Raib")
        .replace("Laporkan ke polisi.", "Laporkan ke polisi qwertzuiop.");
    save_by_rename(&site, "content/paspor/hilang.md", &edited);

    server.wait_for("/paspor/hilang/", "the new text", |r| {
        r.body.contains("Laporkan ke polisi qwertzuiop.")
    });
    server.wait_for("/paspor/", "the new title in the section list", |r| {
        r.body.contains("Paspor Raib")
    });
    server.wait_for(
        "/search/id/index.json",
        "the new word in the search index",
        |r| r.status == 200 && index_has_term(&r.body, "qwertzuiop"),
    );
    // The untranslated English page shows the new text too (the fallback).
    server.wait_for("/en/paspor/hilang/", "the fallback text", |r| {
        r.body.contains("qwertzuiop")
    });
    let stderr = server.stderr();
    assert!(stderr.contains("Rebuilt in"), "{stderr}");
    assert!(!site.path("dist").exists(), "serve must not write dist/");
}

/// #18: in Indonesian, the overlay's words and its `lang`, and the terminal's lines, are Indonesian; the
/// position is the same.
#[test]
fn the_overlay_and_the_terminal_speak_indonesian() {
    let site = Site::fixture("basic");
    let server = Server::start_in(&site, "id");
    let good = std::fs::read_to_string(site.path("content/paspor/hilang.md")).unwrap();
    site.write(
        "content/paspor/hilang.md",
        &good.replace("title: Paspor Hilang", "title: [Paspor, Hilang]"),
    );
    let page = server.wait_for("/paspor/hilang/", "the overlay", |r| {
        r.body.contains("suluh-overlay")
    });
    for words in [
        "lang=\"id\"",
        ">Tutup</button>",
        "1 kesalahan",
        "content/paspor/hilang.md:2:",
        "isian `title` di sini berupa daftar",
        "saran: tulis sebagai teks biasa",
    ] {
        assert!(page.body.contains(words), "no {words} in:\n{}", page.body);
    }
    assert!(!page
        .body
        .contains("lang=\"en\" dir=\"ltr\" style=\"position:fixed"));
    let started = Instant::now();
    while !server.stderr().contains("versi terakhir yang baik") && started.elapsed() < WAIT {
        std::thread::sleep(Duration::from_millis(50));
    }
    let stderr = server.stderr();
    assert!(stderr.contains("Memantau perubahan"), "{stderr}");
    assert!(stderr.contains("versi terakhir yang baik"), "{stderr}");
    assert!(stderr.contains("content/paspor/hilang.md:2:"), "{stderr}");
}

#[test]
fn a_content_error_keeps_the_last_good_page_and_is_reported() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    assert!(server
        .get("/paspor/hilang/")
        .body
        .contains("Laporkan ke polisi"));
    let good = std::fs::read_to_string(site.path("content/paspor/hilang.md")).unwrap();
    site.write(
        "content/paspor/hilang.md",
        &good.replace("title: Paspor Hilang", "title: [Paspor <b>Hilang</b>"),
    );

    let status = server.wait_for("/__suluh/status", "the error", |r| {
        r.body.contains("\"ok\":false")
    });
    let json: serde_json::Value = serde_json::from_str(&status.body).unwrap();
    let d = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"] == "content/paspor/hilang.md")
        .unwrap_or_else(|| panic!("no diagnostic for the file: {json}"));
    assert_eq!(d["line"], 2, "{json}");
    assert_eq!(d["severity"], "error", "{json}");

    let page = server.get("/paspor/hilang/");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Laporkan ke polisi"),
        "the last good page is served"
    );
    assert!(page.body.contains("id=\"suluh-overlay\""), "{}", page.body);
    assert!(
        page.body.contains("content/paspor/hilang.md:2:"),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("<b>Hilang</b>"),
        "overlay text is escaped"
    );
    // The terminal shows the same diagnostic.
    let started = Instant::now();
    while !server.stderr().contains("content/paspor/hilang.md:2:") && started.elapsed() < WAIT {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        server
            .stderr()
            .contains("still serving the last good version"),
        "{}",
        server.stderr()
    );

    // Fixed: the overlay disappears on the next load.
    site.write(
        "content/paspor/hilang.md",
        &good.replace("Laporkan", "Segera laporkan"),
    );
    server.wait_for("/paspor/hilang/", "the fixed page without overlay", |r| {
        r.body.contains("Segera laporkan") && !r.body.contains("suluh-overlay")
    });
    assert!(server.get("/__suluh/status").body.contains("\"ok\":true"));
}

#[test]
fn renaming_and_deleting_a_page_moves_and_removes_it_everywhere() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    site.write(
        "content/paspor/sementara.md",
        "---\ntitle: Halaman Sementara\ndescription: Uji.\n---\n\nIsi sementara kataunik.\n",
    );
    server.wait_for("/paspor/sementara/", "the new page", |r| r.status == 200);
    server.wait_for("/paspor/", "the new page in the list", |r| {
        r.body.contains("Halaman Sementara")
    });

    // Search indexes follow the pages a moment later.
    server.wait_for("/search/id/index.json", "the new page's word", |r| {
        index_has_term(&r.body, "kataunik")
    });
    std::fs::rename(
        site.path("content/paspor/sementara.md"),
        site.path("content/paspor/pindahan.md"),
    )
    .unwrap();
    server.wait_for("/paspor/pindahan/", "the moved page", |r| {
        r.status == 200 && r.body.contains("kataunik")
    });
    let old = server.get("/paspor/sementara/");
    assert_eq!(old.status, 404);
    let list = server.get("/paspor/").body;
    assert!(
        list.contains("/paspor/pindahan/") && !list.contains("/paspor/sementara/"),
        "{list}"
    );
    let switcher = server.get("/en/paspor/pindahan/");
    assert_eq!(switcher.status, 200, "the English fallback moved too");
    let sitemap = server.get("/sitemap.xml");
    assert!(sitemap.headers.contains("content-type: application/xml"));
    assert!(
        sitemap.body.contains("/paspor/pindahan/") && !sitemap.body.contains("/paspor/sementara/")
    );
    // Search result records (title, URL) live in `r<N>.json`; this small site has a single chunk.
    server.wait_for("/search/id/r0.json", "the moved page", |r| {
        r.body.contains("/paspor/pindahan/") && !r.body.contains("/paspor/sementara/")
    });

    std::fs::remove_file(site.path("content/paspor/pindahan.md")).unwrap();
    server.wait_for("/paspor/pindahan/", "a 404", |r| r.status == 404);
    let list = server.get("/paspor/").body;
    assert!(!list.contains("Halaman Sementara"), "{list}");
    assert!(!server.get("/sitemap.xml").body.contains("pindahan"));
    server.wait_for("/search/id/r0.json", "no deleted page", |r| {
        r.status == 200 && !r.body.contains("pindahan")
    });
    server.wait_for("/search/id/index.json", "no deleted word", |r| {
        r.status == 200 && !index_has_term(&r.body, "kataunik")
    });
}

#[test]
fn requests_outside_the_site_get_4xx_and_missing_pages_the_localized_404() {
    let site = Site::fixture("basic");
    // A file beside the site that traversal would reach.
    std::fs::write(site.root.join("../secret.txt"), "secret").unwrap();
    let server = Server::start(&site);
    for path in [
        "/../secret.txt",
        "/paspor/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "//etc/passwd",
        "/%2Fetc%2Fpasswd",
        "/site.yaml%00.html",
    ] {
        let reply = server.get(path);
        assert!(
            (400..500).contains(&reply.status),
            "{path}: {} {}",
            reply.status,
            reply.body
        );
        assert!(
            !reply.body.contains("secret") || reply.body.contains("Bad request"),
            "{path}"
        );
    }
    let long = format!("/{}", "a".repeat(10_000));
    let reply = server.get(&long);
    assert!(
        (400..500).contains(&reply.status),
        "long URL: {}",
        reply.status
    );
    assert_eq!(server.request("POST", "/").status, 405);

    let missing = server.get("/en/tidak-ada/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("lang=\"en\""), "{}", missing.body);
    let missing = server.get("/tidak-ada");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("lang=\"id\""), "{}", missing.body);
    // Folders are served by their index, and a folder without its slash is redirected to it.
    let folder = server.get("/paspor");
    assert_eq!(folder.status, 307);
    assert!(
        folder.headers.contains("location: /paspor/"),
        "{}",
        folder.headers
    );
    let css = server.get("/style.css");
    assert!(
        css.headers.contains("content-type: text/css"),
        "{}",
        css.headers
    );
    assert!(
        !css.body.contains("livereload"),
        "only HTML gets the script"
    );
}

#[test]
fn open_pages_are_told_to_reload_after_a_rebuild() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let script = server.get("/__suluh/livereload.js");
    assert_eq!(script.status, 200);
    assert!(script.body.contains("EventSource") && script.body.contains("sessionStorage"));

    let mut events = TcpStream::connect(&server.address).unwrap();
    events.set_read_timeout(Some(WAIT)).unwrap();
    write!(
        events,
        "GET /__suluh/events HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n",
        server.address
    )
    .unwrap();
    let mut received = String::new();
    let mut buf = [0u8; 1024];
    // The response head arrives first; the edit comes after we are subscribed.
    let n = events.read(&mut buf).unwrap();
    received.push_str(&String::from_utf8_lossy(&buf[..n]));
    assert!(received.contains("text/event-stream"), "{received}");
    let text = std::fs::read_to_string(site.path("content/paspor/hilang.md")).unwrap();
    site.write(
        "content/paspor/hilang.md",
        &text.replace("polisi", "polisi terdekat"),
    );
    let started = Instant::now();
    while !received.contains("event: rebuild") {
        assert!(
            started.elapsed() < WAIT,
            "no rebuild event:\n{received}\n{}",
            server.stderr()
        );
        if let Ok(n) = events.read(&mut buf) {
            received.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    }
}

#[test]
fn a_busy_port_is_a_clear_error_with_a_suggestion() {
    let site = Site::fixture("basic");
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let run = site.run(&["serve", "--port", &port.to_string()]);
    run.assert_error(&format!("port {port}"), "port-in-use");
    run.assert_hint(&format!("--port {}", port + 1));
}

/// In headless Chromium (see `browser.rs` for what it needs): an edit reloads the open page at the same scroll
/// position; a content error shows the overlay over the last good page; the fix removes it.
#[test]
fn browsers_reload_keep_their_place_and_show_the_overlay() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let out = Command::new("node")
        .arg(crate::harness::repo().join("tests/browser/livereload.mjs"))
        .arg(format!("http://{}", server.address))
        .arg(&site.root)
        .args(["/paspor/baru/", "content/paspor/baru.md"])
        .current_dir(crate::harness::repo())
        .output()
        .expect("node must be installed (run .ci/run)");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "{text}\nserver stderr:\n{}",
        server.stderr()
    );
}

/// Resident memory of a process in KiB (Linux), from /proc/<pid>/status.
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no VmRSS in {status}"))
}

/// Sends `count` requests for `paths` (in turn) from one client, returning the statuses seen.
fn hammer(address: &str, paths: &[&str], count: usize) -> Vec<(String, u16)> {
    let mut seen = Vec::with_capacity(count);
    for i in 0..count {
        let path = paths[i % paths.len()];
        let mut stream = TcpStream::connect(address).expect("connect");
        stream.set_read_timeout(Some(WAIT)).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        let head = String::from_utf8_lossy(&raw[..raw.len().min(64)]).into_owned();
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        seen.push((path.to_string(), status));
    }
    seen
}

#[test]
fn thousands_of_requests_during_rebuilds_get_no_errors_and_memory_stays_flat() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let pid = server.child.id();
    let paths = [
        "/",
        "/paspor/baru/",
        "/en/paspor/baru/",
        "/ar/paspor/baru/",
        "/paspor/hilang/",
        "/style.css",
        "/search/id/index.json",
        "/sitemap.xml",
    ];
    // Warm up: first requests allocate the server's buffers and caches.
    for (path, status) in hammer(&server.address, &paths, 200) {
        assert_eq!(status, 200, "{path}");
    }
    let before = rss_kib(pid);

    let good = std::fs::read_to_string(site.path("content/paspor/hilang.md")).unwrap();
    let editing = {
        let site_path = site.path("content/paspor/hilang.md");
        let good = good.clone();
        std::thread::spawn(move || {
            for round in 0..12 {
                std::fs::write(
                    &site_path,
                    good.replace("Laporkan ke polisi.", &format!("Laporkan ({round}).")),
                )
                .unwrap();
                std::thread::sleep(Duration::from_millis(150));
            }
        })
    };
    let clients: Vec<_> = (0..6)
        .map(|_| {
            let address = server.address.clone();
            std::thread::spawn(move || hammer(&address, &paths, 500))
        })
        .collect();
    let mut total = 0;
    for client in clients {
        for (path, status) in client.join().unwrap() {
            assert_eq!(status, 200, "{path} during rebuilds");
            total += 1;
        }
    }
    editing.join().unwrap();
    assert_eq!(total, 3000);
    server.wait_for("/paspor/hilang/", "the last edit", |r| {
        r.body.contains("Laporkan (11).")
    });
    // Another round without edits: memory must not grow with the number of requests served.
    for (path, status) in hammer(&server.address, &paths, 1000) {
        assert_eq!(status, 200, "{path}");
    }
    let after = rss_kib(pid);
    eprintln!(
        "serve resident memory: {before} KiB after warm-up, {after} KiB after 4,000 more requests"
    );
    assert!(
        after < before + 64 * 1024,
        "resident memory grew from {before} KiB to {after} KiB over 4,000 requests and 12 rebuilds"
    );
    assert!(!server.stderr().contains("panicked"), "{}", server.stderr());
}

#[test]
fn hostile_request_paths_and_symlinks_never_reach_files_outside_the_site() {
    let site = Site::fixture("basic");
    let outside = site.root.join("../outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("secret.txt"), "TOPSECRET").unwrap();
    std::fs::write(
        outside.join("secret.md"),
        "---\ntitle: TOPSECRET\n---\nTOPSECRET\n",
    )
    .unwrap();
    // Links inside the site that point outside it: content, a bundle asset, a folder, a static file.
    let link = |target: &std::path::Path, at: &str| {
        std::os::unix::fs::symlink(target, site.path(at)).unwrap();
    };
    link(&outside.join("secret.md"), "content/paspor/bocor.md");
    link(
        &outside.join("secret.txt"),
        "content/paspor/bundel/bocor.txt",
    );
    link(&outside, "content/luar");
    std::fs::create_dir_all(site.path("static")).unwrap();
    link(&outside.join("secret.txt"), "static/bocor.txt");

    let server = Server::start(&site);
    let long = format!("/{}", "a".repeat(100 * 1024));
    for path in [
        "/paspor/bocor/",
        "/paspor/bundel/bocor.txt",
        "/luar/secret.txt",
        "/luar/secret/",
        "/bocor.txt",
        "/%252e%252e/%252e%252e/outside/secret.txt",
        "/%2e%2e%2f%2e%2e%2foutside%2fsecret.txt",
        "/..%2F..%2Foutside%2Fsecret.txt",
        "/.%2e/.%2e/outside/secret.txt",
        "/..\\..\\outside\\secret.txt",
        "/%5c..%5c..%5coutside%5csecret.txt",
        "/paspor/%00/../../outside/secret.txt",
        "http://127.0.0.1/../../outside/secret.txt",
        &long,
    ] {
        let reply = server.get(path);
        let shown: String = path.chars().take(60).collect();
        assert!(
            (400..500).contains(&reply.status),
            "{shown}: {}",
            reply.status
        );
        assert!(!reply.body.contains("TOPSECRET"), "{shown}");
    }
    // A raw NUL and a raw backslash in the request line are refused too.
    for raw in ["/a\0b", "/paspor\\..\\..\\outside"] {
        let mut stream = TcpStream::connect(&server.address).unwrap();
        stream.set_read_timeout(Some(WAIT)).unwrap();
        write!(
            stream,
            "GET {raw} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut reply = String::new();
        let _ = stream.read_to_string(&mut reply);
        assert!(!reply.contains("TOPSECRET"));
        if let Some(status) = reply.split(' ').nth(1) {
            assert!(status.starts_with('4'), "{raw:?}: {reply}");
        }
    }
    // The site itself is still served, the server still up.
    assert_eq!(server.get("/paspor/baru/").status, 200);
}

#[test]
fn a_file_saved_as_invalid_utf8_is_reported_and_recovers_when_fixed() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let good = std::fs::read_to_string(site.path("content/paspor/hilang.md")).unwrap();
    let mut bad = good
        .replace("Laporkan ke polisi.", "Laporkan ")
        .into_bytes();
    bad.extend_from_slice(b"\xff\xfe polisi.\n");
    site.write_bytes("content/paspor/hilang.md", &bad);
    let status = server.wait_for("/__suluh/status", "the encoding error", |r| {
        r.body.contains("\"ok\":false")
    });
    assert!(status.body.contains("not valid UTF-8"), "{}", status.body);
    assert!(
        status.body.contains("content/paspor/hilang.md"),
        "{}",
        status.body
    );
    let page = server.get("/paspor/hilang/");
    assert_eq!(page.status, 200, "the last good page stays served");
    assert!(page.body.contains("Laporkan ke polisi."));

    site.write(
        "content/paspor/hilang.md",
        &good.replace("Laporkan ke polisi.", "Laporkan lagi."),
    );
    server.wait_for("/paspor/hilang/", "the fixed page", |r| {
        r.body.contains("Laporkan lagi.") && !r.body.contains("suluh-overlay")
    });
    assert!(server.get("/__suluh/status").body.contains("\"ok\":true"));
}

/// The served outputs live in one temporary folder (not in `dist/`, not all in memory); stopping the server,
/// with Ctrl+C or a polite `kill`, removes it.
#[test]
fn outputs_live_in_a_temporary_folder_removed_when_the_server_stops() {
    for signal in [Signal::INT, Signal::TERM] {
        let site = Site::fixture("basic");
        let mut server = Server::start(&site);
        server.wait_for("/paspor/baru/", "the page", |r| r.status == 200);
        let folders = server.temporary_folders();
        assert_eq!(folders.len(), 1, "{folders:?}");
        assert!(folders[0].1 > 0, "outputs are kept as files: {folders:?}");
        assert!(!site.root.join("dist").exists(), "dist/ is never touched");
        assert!(server.stop(signal), "{signal:?} stops the server");
        assert!(server.stderr().contains("Stopped."), "{}", server.stderr());
        assert_eq!(server.temporary_folders(), vec![], "after {signal:?}");
    }
}

/// `data/` is watched: a changed amount in `data/tariffs.yaml` reaches every page that quotes the tariff, in
/// every language, and the schedule of `tariffs: all`.
#[test]
fn editing_the_tariff_file_changes_the_served_pages() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    assert!(server.get("/paspor/baru/").body.contains("Rp650.000"));
    let tariffs = std::fs::read_to_string(site.path("data/tariffs.yaml")).unwrap();
    save_by_rename(
        &site,
        "data/tariffs.yaml",
        &tariffs.replace("amount: 650000", "amount: 725000"),
    );
    server.wait_for("/paspor/baru/", "the new amount", |r| {
        r.body.contains("Rp725.000") && !r.body.contains("Rp650.000")
    });
    server.wait_for("/en/paspor/baru/", "the new amount in English", |r| {
        r.body.contains("IDR 725,000")
    });
    server.wait_for("/paspor/tarif/", "the new amount in the schedule", |r| {
        r.body.contains("Rp725.000")
    });
    // A mistake in the file is reported, and the last good pages stay served.
    save_by_rename(
        &site,
        "data/tariffs.yaml",
        &tariffs.replace("amount: 650000", "amout: 650000"),
    );
    server.wait_for("/__suluh/status", "the error", |r| {
        r.body.contains("unknown-key") && r.body.contains("data/tariffs.yaml")
    });
    assert!(server.get("/paspor/baru/").body.contains("Rp725.000"));
}

/// The preview shows the build just made: it has no service worker to cache it, and pages do not ask for one.
#[test]
fn the_preview_has_no_service_worker() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    assert_eq!(server.get("/sw.js").status, 404);
    let page = server.get("/paspor/baru/");
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("serviceWorker"), "{}", page.body);
    assert!(page.body.contains(r#"<link rel="manifest""#));
}
