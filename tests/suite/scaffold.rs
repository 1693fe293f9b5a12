//! `suluh new`: a page with a filled-in front matter that builds, never overwriting.

use crate::harness::Site;

#[test]
fn new_page_builds_and_is_not_overwritten() {
    let site = Site::fixture("basic");
    let run = site.run(&["new", "paspor/paspor-dinas"]);
    run.assert_ok();
    let text = std::fs::read_to_string(site.path("content/paspor/paspor-dinas.md")).unwrap();
    assert!(text.contains("title: Paspor dinas"));
    // The harness fixes "now" at NOW_EPOCH, 2026-11-23 07:00 in Jakarta.
    assert!(text.contains("date: 2026-11-23\n"), "{text}");
    assert!(text.contains("# requirements:"));
    site.build().assert_ok();
    assert!(site
        .out("paspor/paspor-dinas/index.html")
        .contains("<h1>Paspor dinas</h1>"));

    let again = site.run(&["new", "paspor/paspor-dinas"]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(
        std::fs::read_to_string(site.path("content/paspor/paspor-dinas.md")).unwrap(),
        text
    );
}

#[test]
fn new_translation_and_bad_targets() {
    let site = Site::fixture("basic");
    site.run(&["new", "paspor/paspor-dinas", "--lang", "en"])
        .assert_ok();
    assert!(site.path("content/paspor/paspor-dinas.en.md").exists());
    let bad_lang = site.run(&["new", "paspor/x", "--lang", "fr"]);
    assert_eq!(bad_lang.code, 1);
    assert!(bad_lang.stderr.contains("unknown language code `fr`"));
    let escape = site.run(&["new", "../../x"]);
    assert_eq!(escape.code, 1);
    assert!(!site.root.parent().unwrap().join("x.md").exists());
}

/// `suluh init DIR` in a scratch folder; returns the folder holding DIR (kept alive) and the run.
fn init_in(name: &str) -> (tempfile::TempDir, std::path::PathBuf, crate::harness::Run) {
    init_speaking("en", name)
}

/// `init_in` with `SULUH_MESSAGES=messages`.
fn init_speaking(
    messages: &str,
    name: &str,
) -> (tempfile::TempDir, std::path::PathBuf, crate::harness::Run) {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join(name);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_suluh"))
        .env("SULUH_MESSAGES", messages)
        .args(["init", name])
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", crate::harness::NOW_EPOCH)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let run = crate::harness::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    (dir, target, run)
}

fn suluh(args: &[&str], cwd: &std::path::Path) -> crate::harness::Run {
    suluh_speaking("en", args, cwd)
}

fn suluh_speaking(messages: &str, args: &[&str], cwd: &std::path::Path) -> crate::harness::Run {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_suluh"))
        .env("SULUH_MESSAGES", messages)
        .args(args)
        .current_dir(cwd)
        .env("SOURCE_DATE_EPOCH", crate::harness::NOW_EPOCH)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    crate::harness::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn init_creates_a_site_that_checks_and_builds_cleanly() {
    let (dir, site, run) = init_in("situs-baru");
    run.assert_ok();
    assert!(
        run.stderr.contains("suluh serve --root situs-baru"),
        "{}",
        run.stderr
    );
    let config = std::fs::read_to_string(site.join("site.yaml")).unwrap();
    assert!(config.contains("theme: default"));
    assert!(
        config.contains("# ar:"),
        "the comment says how to add Arabic"
    );
    assert!(
        !site.join("themes").exists(),
        "the theme is referenced, not copied"
    );

    let check = suluh(
        &["check", "--root", "situs-baru", "--format", "json"],
        dir.path(),
    );
    assert_eq!(check.code, 0, "{}", check.stdout);
    let v: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    assert_eq!(v["errors"], 0, "{}", check.stdout);
    // The only warnings are the starter's stand-in contact details, which the office must replace before
    // publishing (`check --strict` in its CI fails until it has).
    let warnings = v["diagnostics"].as_array().unwrap();
    assert!(!warnings.is_empty(), "{}", check.stdout);
    for d in warnings {
        assert_eq!(d["code"], "placeholder", "{d}");
        assert_eq!(d["file"], "site.yaml", "{d}");
    }
    let human = suluh(&["check", "--root", "situs-baru"], dir.path());
    human.assert_ok();
    assert!(
        human.stderr.contains("warning[placeholder]"),
        "{}",
        human.stderr
    );

    suluh(&["build", "--root", "situs-baru"], dir.path()).assert_ok();
    let dist = site.join("dist");
    let read = |rel: &str| {
        std::fs::read_to_string(dist.join(rel)).unwrap_or_else(|e| panic!("dist/{rel}: {e}"))
    };
    // One page of each kind, in both languages.
    let procedure = read("layanan/paspor-baru/index.html");
    assert!(procedure.contains("<h1>Paspor Baru</h1>"), "{procedure}");
    assert!(procedure.contains("e-KTP asli"));
    assert!(procedure.contains("Rp350.000"), "fees are rendered");
    assert!(procedure.contains("4 hari kerja"));
    assert!(read("hak/hak-pemohon/index.html").contains("Hak Anda sebagai Pemohon"));
    let event = read("acara/sosialisasi-paspor/index.html");
    assert!(event.contains("Aula Kantor Kecamatan"), "{event}");
    // Upcoming: 30 days after the fixed "now" (2026-11-23).
    assert!(event.contains("2026-12-23"), "{event}");
    assert!(read("en/layanan/paspor-baru/index.html").contains("New Passport"));
    assert!(read("index.html").contains("Layanan Imigrasi"));
    assert!(dist.join("leaflets/id/layanan/paspor-baru.pdf").is_file());
}

/// #18: `init` and `new` in Indonesian: what they print, and the comments they write, which still leave a
/// site that checks with no other warning than its stand-in contact details.
#[test]
fn init_and_new_speak_indonesian() {
    let (dir, site, run) = init_speaking("id", "situs-baru");
    run.assert_ok();
    assert!(
        run.stderr.contains("Situs baru dibuat di situs-baru"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("suluh serve --root situs-baru"),
        "{}",
        run.stderr
    );
    let config = std::fs::read_to_string(site.join("site.yaml")).unwrap();
    assert!(config.contains("# Pengaturan situs."), "{config}");
    assert!(config.contains("# ar:"), "{config}");
    assert!(!config.contains("%m:"), "{config}");
    let page = std::fs::read_to_string(site.join("content/layanan/paspor-baru.md")).unwrap();
    assert!(page.contains("# Sebuah prosedur:"), "{page}");

    let new = suluh_speaking(
        "id",
        &["new", "layanan/visa", "--root", "situs-baru"],
        dir.path(),
    );
    new.assert_ok();
    assert!(new.stderr.contains("dibuat"), "{}", new.stderr);
    let written = std::fs::read_to_string(site.join("content/layanan/visa.md")).unwrap();
    assert!(written.contains("# Untuk prosedur"), "{written}");
    assert!(written.contains("Tulis panduan di sini"), "{written}");

    let check = suluh_speaking(
        "id",
        &["check", "--root", "situs-baru", "--format", "json"],
        dir.path(),
    );
    assert_eq!(check.code, 0, "{}", check.stdout);
    let v: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    for d in v["diagnostics"].as_array().unwrap() {
        // Only warnings (the new page is not finished, the contact details are stand-ins), in Indonesian.
        assert_eq!(d["severity"], "warning", "{d}");
        let words = format!("{} {}", d["message"], d["hint"]);
        for english in [" the ", "not ", "without", "placeholder ", " add "] {
            assert!(!words.contains(english), "{d}");
        }
    }
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("situs")).unwrap();
    std::fs::write(dir.path().join("situs/catatan.md"), "punya saya").unwrap();
    let run = suluh(&["init", "situs"], dir.path());
    run.assert_error("situs", "folder-not-empty");
    run.assert_hint("never overwrites");
    assert!(!dir.path().join("situs/site.yaml").exists());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("situs/catatan.md")).unwrap(),
        "punya saya"
    );
    // A folder holding only hidden entries (a fresh `git init`) is fine.
    std::fs::create_dir_all(dir.path().join("repo/.git")).unwrap();
    suluh(&["init", "repo"], dir.path()).assert_ok();
    assert!(dir.path().join("repo/site.yaml").is_file());
}
