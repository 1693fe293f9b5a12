//! One test per kind of user error: the message names file:line:column, says what to do, exit code 1, no panic.

use crate::harness::Site;

fn with(rel: &str, text: &str) -> Site {
    let site = Site::fixture("basic");
    site.write(rel, text);
    site
}

#[test]
fn bad_yaml() {
    with(
        "content/paspor/x.md",
        "---\ntitle: Judul\ntags: [a, b\n---\n",
    )
    .build_in_both()
    .assert_error("content/paspor/x.md:", "yaml-syntax")
    .assert_hint("indentation");
}

#[test]
fn unknown_front_matter_key_suggests_the_right_one() {
    with(
        "content/paspor/x.md",
        "---\ntitle: Judul\ndescripton: Salah ketik\n---\n",
    )
    .build_in_both()
    .assert_error("content/paspor/x.md:3:1", "unknown-key")
    .assert_hint("did you mean `description`?");
}

#[test]
fn unknown_nested_key() {
    with(
        "content/paspor/x.md",
        "---\ntitle: Judul\nfees:\n  - { item: A, amount: 1, curency: IDR }\n---\n",
    )
    .build_in_both()
    .assert_error("content/paspor/x.md:4:", "unknown-key")
    .assert_hint("did you mean `currency`?");
}

#[test]
fn wrong_type() {
    with(
        "content/paspor/x.md",
        "---\ntitle: Judul\nweight: berat\n---\n",
    )
    .build_in_both()
    .assert_error("content/paspor/x.md:3:", "wrong-type")
    .assert_hint("write");
}

#[test]
fn missing_title() {
    with(
        "content/paspor/x.md",
        "---\ndescription: Tanpa judul\n---\n",
    )
    .build_in_both()
    .assert_error("content/paspor/x.md:", "missing-key");
}

#[test]
fn bad_date() {
    with(
        "content/paspor/x.md",
        "---\ntitle: Judul\nupdated: 2026-13-45\n---\n",
    )
    .build_in_both()
    .assert_error("content/paspor/x.md:3:", "bad-value")
    .assert_hint("YYYY-MM-DD");
}

#[test]
fn bad_event_time() {
    with(
        "content/acara/x.md",
        "---\ntitle: Acara\nevent:\n  start: besok pagi\n---\n",
    )
    .build_in_both()
    .assert_error("content/acara/x.md:4:", "bad-value");
}

#[test]
fn broken_link_points_at_the_link() {
    with(
        "content/paspor/x.md",
        "---\ntitle: Judul\n---\n\nLihat [visa](../visa/tidak-ada.md) ya.\n",
    )
    .build_in_both()
    .assert_error("content/paspor/x.md:5:7", "broken-link");
}

#[test]
fn broken_link_suggests_near_file() {
    with(
        "content/paspor/x.md",
        "---\ntitle: Judul\n---\n\n[a](hilng.md)\n",
    )
    .build_in_both()
    .assert_error("content/paspor/x.md:5:1", "broken-link")
    .assert_hint("did you mean `hilang.md`?");
}

#[test]
fn broken_anchor() {
    with(
        "content/paspor/x.md",
        "---\ntitle: Judul\n---\n\n[a](hilang.md#dend)\n",
    )
    .build_in_both()
    .assert_error("content/paspor/x.md:5:1", "broken-anchor")
    .assert_hint("did you mean `#denda`?");
}

#[test]
fn link_to_a_draft() {
    with(
        "content/paspor/x.md",
        "---\ntitle: Judul\n---\n\n[a](draf.md)\n",
    )
    .build_in_both()
    .assert_error("content/paspor/x.md:5:1", "link-to-draft");
}

#[test]
fn unknown_language_in_file_name() {
    with("content/paspor/baru.fr.md", "---\ntitle: Nouveau\n---\n")
        .build_in_both()
        .assert_error("content/paspor/baru.fr.md:1:1", "unknown-language")
        .assert_hint("add `fr` under `languages`");
}

#[test]
fn unknown_default_language_in_config() {
    let site = Site::fixture("basic");
    let text = std::fs::read_to_string(site.path("site.yaml"))
        .unwrap()
        .replace("default_language: id", "default_language: in");
    site.write("site.yaml", &text);
    site.build_in_both()
        .assert_error("site.yaml:3:19", "unknown-language")
        .assert_hint("did you mean `id`?");
}

#[test]
fn unknown_config_key() {
    let site = Site::fixture("basic");
    let text = std::fs::read_to_string(site.path("site.yaml")).unwrap() + "timezon: Asia/Jakarta\n";
    site.write("site.yaml", &text);
    site.build_in_both()
        .assert_error("site.yaml:13:1", "unknown-key")
        .assert_hint("did you mean `timezone`?");
}

#[test]
fn missing_config() {
    let site = Site::fixture("basic");
    std::fs::remove_file(site.path("site.yaml")).unwrap();
    let run = site.build_in_both();
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("no `site.yaml`"), "{}", run.stderr);
}

#[test]
fn missing_template() {
    with(
        "content/paspor/x.md",
        "---\ntitle: Judul\ntemplate: prosedur.html\n---\n",
    )
    .build_in_both()
    .assert_error("content/paspor/x.md:3:11", "missing-template")
    .assert_hint("create templates/prosedur.html");
}

#[test]
fn template_syntax_error() {
    with(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{{ page.title }\n{% endblock main %}\n",
    )
    .build_in_both()
    .assert_error("templates/page.html:3:", "template-error");
}

#[test]
fn template_render_error_names_the_variable() {
    with("templates/page.html", "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ page.nothing_here }}</p>\n{% endblock main %}\n")
        .build_in_both()
        .assert_error("templates/page.html:3:7", "template-error");
}

#[test]
fn missing_theme() {
    let site = Site::fixture("basic");
    let text = std::fs::read_to_string(site.path("site.yaml")).unwrap() + "theme: gelap\n";
    site.write("site.yaml", &text);
    site.build_in_both()
        .assert_error("site.yaml:13:8", "unknown-theme");
}

#[test]
fn slug_that_escapes_the_output_folder() {
    with(
        "content/paspor/x.md",
        "---\ntitle: Judul\nslug: ../../etc\n---\n",
    )
    .build_in_both()
    .assert_error("content/paspor/x.md:3:7", "bad-value");
}

#[test]
fn alias_that_escapes_the_output_folder() {
    let site = with(
        "content/paspor/x.md",
        "---\ntitle: Judul\naliases: [\"../../../tmp/evil\"]\n---\n",
    );
    site.build_in_both()
        .assert_error("content/paspor/x.md:3:12", "alias-escape");
    assert!(!site.root.parent().unwrap().join("tmp").exists());
}

#[test]
fn colliding_outputs() {
    with(
        "content/paspor/x.md",
        "---\ntitle: Judul\nslug: baru\n---\n",
    )
    .build_in_both()
    .assert_error("content/paspor/", "output-conflict");
}

#[test]
fn empty_file() {
    with("content/paspor/kosong.md", "")
        .build_in_both()
        .assert_error("content/paspor/kosong.md:1:1", "no-front-matter")
        .assert_hint("start the file with a `---` line");
}

#[test]
fn unclosed_front_matter() {
    with(
        "content/paspor/x.md",
        "---\ntitle: Judul\n\nIsi tanpa penutup.\n",
    )
    .build_in_both()
    .assert_error("content/paspor/x.md:1:1", "no-front-matter");
}

#[test]
fn invalid_utf8() {
    let site = Site::fixture("basic");
    site.write_bytes("content/paspor/x.md", b"---\ntitle: Caf\xe9\n---\n");
    site.build_in_both()
        .assert_error("content/paspor/x.md:2:11", "not-utf8")
        .assert_hint("UTF-8");
}

#[test]
fn directory_where_a_file_is_expected() {
    let site = Site::fixture("basic");
    std::fs::remove_file(site.path("site.yaml")).unwrap();
    std::fs::create_dir(site.path("site.yaml")).unwrap();
    let run = site.build_in_both();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("`site.yaml` is a folder, not a file"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"));
}

#[test]
fn markdown_folder_named_like_a_page() {
    let site = Site::fixture("basic");
    std::fs::create_dir_all(site.path("content/paspor/folder.md")).unwrap();
    // A folder is not a page; the build still works.
    site.build_in_both().assert_ok();
}

#[test]
fn all_errors_are_reported_together() {
    let site = Site::fixture("basic");
    site.write("content/paspor/a.md", "---\ntitle: A\ntitel: x\n---\n");
    site.write(
        "content/paspor/b.md",
        "---\ntitle: B\n---\n\n[x](nowhere.md)\n",
    );
    site.write("content/acara/c.md", "---\ntitle: C\ndate: kemarin\n---\n");
    let run = site.build_in_both();
    run.assert_error("content/paspor/a.md:3:1", "unknown-key");
    run.assert_error("content/paspor/b.md:5:1", "broken-link");
    run.assert_error("content/acara/c.md:3:", "bad-value");
    assert!(run.stderr.contains("3 errors"), "{}", run.stderr);
}

#[test]
fn usage_errors_exit_2() {
    let site = Site::fixture("basic");
    assert_eq!(site.run(&["build", "--no-such-flag"]).code, 2);
    assert_eq!(site.run(&["frobnicate"]).code, 2);
}

#[test]
fn check_reports_without_writing() {
    let site = Site::fixture("basic");
    site.write(
        "content/paspor/x.md",
        "---\ntitle: X\n---\n\n[x](nowhere.md)\n",
    );
    site.run(&["check"])
        .assert_error("content/paspor/x.md:5:1", "broken-link");
    assert!(!site.path("dist").exists());
    let json = site.run(&["check", "--format", "json"]);
    assert_eq!(json.code, 1);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON output");
    assert_eq!(v["errors"], 1);
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["severity"] == "error")
        .unwrap();
    assert_eq!(d["file"], "content/paspor/x.md");
    assert_eq!(d["line"], 5);
    assert_eq!(d["column"], 1);
}

#[test]
fn check_warns_about_missing_translations_and_strings() {
    let site = Site::fixture("basic");
    let text = std::fs::read_to_string(site.path("site.yaml"))
        .unwrap()
        .replace(
            "  ar: { name: العربية }",
            "  ar: { name: العربية }\n  fr: { name: Français }",
        );
    site.write("site.yaml", &text);
    // In the terminal, the summary table.
    let run = site.run(&["check"]);
    run.assert_ok();
    assert!(
        run.stderr.contains("Missing translations"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hilang"), "{}", run.stderr);
    assert!(
        run.stderr.contains("UI strings (i18n/fr.yaml)"),
        "{}",
        run.stderr
    );
    // For tools, one warning per page with its file.
    let json = site.run(&["check", "--format", "json"]);
    json.assert_ok();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["file"] == "content/paspor/hilang.md"
                && d["message"] == "not translated into: en, ar, fr"),
        "{}",
        json.stdout
    );
    assert!(
        json.stdout.contains("UI strings missing in `fr`"),
        "{}",
        json.stdout
    );
}

/// #18: a type error says, in plain words, what was written and what to write; in Indonesian too.
#[test]
fn wrong_type_in_plain_words() {
    let site = with("content/paspor/x.md", "---\ntitle: [Paspor, baru]\n---\n");
    site.build_in_both()
        .assert_error("content/paspor/x.md:2:", "wrong-type")
        .assert_hint("write it as plain text, in quotes if it starts with `[`");
    let en = site.build();
    assert!(
        en.stderr.contains("`title` is a list here"),
        "{}",
        en.stderr
    );
    let id = site.run_in("id", &["build"]);
    assert!(
        id.stderr.contains("isian `title` di sini berupa daftar"),
        "{}",
        id.stderr
    );
    assert!(
        id.stderr.contains("tulis sebagai teks biasa"),
        "{}",
        id.stderr
    );
}

/// `messages:` in site.yaml chooses the language, `SULUH_MESSAGES` overrides it, and without either an
/// Indonesian locale gives Indonesian.
#[test]
fn the_language_of_messages_is_chosen() {
    let site = with(
        "content/paspor/x.md",
        "---\ntitle: Judul\n---\n\n[a](tidak-ada.md)\n",
    );
    let english = "broken link: `tidak-ada.md`";
    let indonesian = "tautan rusak: `tidak-ada.md`";
    let run = site.run_with(&[], &["build"]);
    assert!(run.stderr.contains(english), "{}", run.stderr);
    let config = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    site.write("site.yaml", &format!("{config}messages: id\n"));
    let run = site.run_with(&[], &["build"]);
    run.assert_error("content/paspor/x.md:5:1", "broken-link");
    assert!(run.stderr.contains(indonesian), "{}", run.stderr);
    assert!(
        run.stderr.contains("1 kesalahan, 0 peringatan"),
        "{}",
        run.stderr
    );
    let run = site.run_with(&[("SULUH_MESSAGES", "en")], &["build"]);
    assert!(run.stderr.contains(english), "{}", run.stderr);
    // A site.yaml with an error of its own still speaks the language it asks for.
    site.write(
        "site.yaml",
        &format!("{config}messages: id\ntimezon: Asia/Jakarta\n"),
    );
    let run = site.run_with(&[], &["build"]);
    assert!(
        run.stderr.contains("isian `timezon` tidak dikenal"),
        "{}",
        run.stderr
    );
    site.write("site.yaml", &config);
    let run = site.run_with(&[("LANG", "id_ID.UTF-8")], &["build"]);
    assert!(run.stderr.contains(indonesian), "{}", run.stderr);
    let run = site.run_with(
        &[("LANG", "id_ID.UTF-8"), ("LC_ALL", "en_US.UTF-8")],
        &["build"],
    );
    assert!(run.stderr.contains(english), "{}", run.stderr);
}

/// `check --format json` keeps its codes and positions in Indonesian; only `message` and `hint` change.
#[test]
fn json_in_indonesian_keeps_codes_and_positions() {
    let site = with(
        "content/paspor/x.md",
        "---\ntitle: Judul\ndescripton: x\n---\n\n[a](hilng.md)\n",
    );
    let parse = |run: &crate::harness::Run| -> serde_json::Value {
        serde_json::from_str(&run.stdout).expect("json")
    };
    let en = parse(&site.run_in("en", &["check", "--format", "json"]));
    let id = parse(&site.run_in("id", &["check", "--format", "json"]));
    let strip = |v: &serde_json::Value| -> Vec<(String, String, String, String)> {
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["code"].to_string(),
                    d["file"].to_string(),
                    d["line"].to_string(),
                    d["column"].to_string(),
                )
            })
            .collect()
    };
    assert_eq!(strip(&en), strip(&id));
    let key = id["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unknown-key")
        .unwrap();
    assert_eq!(key["message"], "isian `descripton` tidak dikenal");
    assert_eq!(key["hint"], "mungkin maksud Anda `description`?");
}
