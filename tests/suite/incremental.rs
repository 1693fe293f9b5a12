//! Incremental equals full, by test: random sequences of edits to a copy of the `basic` fixture go through
//! `serve`'s rebuild ([`Builder::rebuild`] with the changed paths, as the watcher reports them, then the
//! search step), and after every step each output `serve` serves is compared, byte for byte, with a fresh
//! full build of the same files; `serve` must serve exactly the paths that build writes, no more.
//!
//! Edits: a page's title, body, date, tags (added, removed, case changed), weight, draft flag and slug; a page
//! added, deleted or renamed (links to it removed or rewritten, as an editor would); a translation added or
//! removed; a section's `_index.md`; a template overriding the built-in theme's; an `i18n/` string;
//! `site.yaml`; a static file; a file under `data/` (`data/glossary.yaml`, which every page reads, or one
//! nothing reads). Drafting and deleting favour the Arabic pages, so that a
//! language losing its only page comes up in most runs.
//!
//! Some steps save a page with broken YAML (fixed with the next step's edit): a step whose inputs a full
//! build refuses must fail in `serve` too, keeping the last good site served. Some steps are followed at once
//! by the next, whose rebuild overtakes their search step (it never lands): their indexes are compared after
//! the next step that lands.
//! Each run tries 24 sequences of 1 to 8 edits (about 110 steps) from a fixed seed, the same ones every
//! time, with no failure file; about 40 s in a debug build. `PROPTEST_CASES` and `PROPTEST_RNG_SEED` explore
//! further.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, RngSeed, TestCaseError, TestRunner};
use suluh::pipeline::Options;
use suluh::serve::files::{Files, Spill};
use suluh::serve::rebuild::Builder;
use suluh::serve::watch::Batch;

/// Which page file an edit applies to, among those that exist when it is applied.
#[derive(Clone, Copy, Debug)]
enum Target {
    /// The n-th page file (modulo their number), in path order.
    Any(usize),
    /// The n-th Arabic page file (any page file if there is none).
    Arabic(usize),
}

#[derive(Clone, Debug)]
enum Edit {
    Title(Target, usize),
    Body(Target, usize),
    Date(Target, usize),
    Tags(Target, usize),
    Weight(Target, usize),
    Draft(Target, bool),
    Slug(Target, usize),
    Add {
        section: usize,
        n: usize,
    },
    Delete(Target),
    Rename(Target, usize),
    Translate {
        page: usize,
        lang: usize,
    },
    Untranslate(Target),
    Section {
        section: usize,
        what: usize,
    },
    Template {
        name: usize,
        to: usize,
    },
    I18n(usize),
    SiteYaml(usize),
    Static(usize),
    Data(usize),
    /// A page saved with broken YAML, fixed again at the next step (together with that step's edit).
    Typo(Target),
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        5 => (0..64usize).prop_map(Target::Any),
        1 => (0..64usize).prop_map(Target::Arabic),
    ]
}

/// Drafting and deleting pick Arabic pages as often as any page.
fn target_arabic() -> impl Strategy<Value = Target> {
    prop_oneof![
        (0..64usize).prop_map(Target::Any),
        (0..64usize).prop_map(Target::Arabic),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (target(), 0..6usize).prop_map(|(t, n)| Edit::Title(t, n)),
        3 => (target(), 0..6usize).prop_map(|(t, n)| Edit::Body(t, n)),
        2 => (target(), 0..4usize).prop_map(|(t, n)| Edit::Date(t, n)),
        2 => (target(), 0..6usize).prop_map(|(t, n)| Edit::Tags(t, n)),
        2 => (target(), 0..5usize).prop_map(|(t, n)| Edit::Weight(t, n)),
        3 => (target_arabic(), any::<bool>()).prop_map(|(t, on)| Edit::Draft(t, on)),
        1 => (target(), 0..3usize).prop_map(|(t, n)| Edit::Slug(t, n)),
        2 => (0..3usize, 0..4usize).prop_map(|(section, n)| Edit::Add { section, n }),
        2 => target_arabic().prop_map(Edit::Delete),
        1 => (target(), 0..3usize).prop_map(|(t, n)| Edit::Rename(t, n)),
        2 => (0..64usize, 1..3usize).prop_map(|(page, lang)| Edit::Translate { page, lang }),
        2 => target_arabic().prop_map(Edit::Untranslate),
        2 => (0..64usize, 0..6usize).prop_map(|(section, what)| Edit::Section { section, what }),
        2 => (0..TEMPLATES.len(), 0..3usize).prop_map(|(name, to)| Edit::Template { name, to }),
        1 => (0..5usize).prop_map(Edit::I18n),
        2 => (0..9usize).prop_map(Edit::SiteYaml),
        1 => (0..3usize).prop_map(Edit::Static),
        1 => (0..2usize).prop_map(Edit::Data),
        1 => target().prop_map(Edit::Typo),
    ]
}

/// Built-in templates a site may override.
const TEMPLATES: [&str; 7] = [
    "page.html",
    "section.html",
    "index.html",
    "base.html",
    "tag.html",
    "404.html",
    "atom.xml",
];

const SECTIONS: [&str; 3] = ["paspor", "berita", "acara"];

/// 24 sequences from a fixed seed, unless `PROPTEST_CASES` or `PROPTEST_RNG_SEED` say otherwise.
fn config() -> Config {
    let set = |var: &str| std::env::var_os(var).is_some();
    let default = Config::default();
    Config {
        cases: if set("PROPTEST_CASES") {
            default.cases
        } else {
            24
        },
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::ChaCha,
        rng_seed: if set("PROPTEST_RNG_SEED") {
            default.rng_seed
        } else {
            RngSeed::Fixed(15_04)
        },
        // A case takes seconds: shrink a little, not for hours.
        max_shrink_iters: 32,
        max_shrink_time: 120_000,
        ..default
    }
}

#[test]
fn random_edit_sequences_serve_what_a_full_build_writes() {
    let mut runner = TestRunner::new(config());
    // An edit, and whether the next follows at once (its search step is overtaken and never lands).
    let sequences = prop::collection::vec((edit(), prop::bool::weighted(0.2)), 1..=8);
    if let Err(e) = runner.run(&sequences, |edits| check_sequence(&edits)) {
        panic!("{e}");
    }
}

/// The `basic` fixture copied to a temporary folder, and the options `serve` would use on it.
fn fixture() -> (tempfile::TempDir, Options) {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let to = dir.path().join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    let options = Options {
        base_url: Some("http://127.0.0.1:1111".into()),
        now: Some(jiff::Timestamp::from_second(1_795_392_000).unwrap()),
        ..Options::new(dir.path())
    };
    (dir, options)
}

fn check_sequence(edits: &[(Edit, bool)]) -> Result<(), TestCaseError> {
    let (dir, options) = fixture();
    let root = dir.path();
    let mut builder = Builder::new(options.clone(), Spill::new().ok());
    let (first, _) = builder.rebuild(&Batch::default());
    prop_assert!(!first.failed(), "{:?}", first.diagnostics);
    let mut done: Vec<String> = Vec::new();
    let mut typo = None;
    for (i, (edit, quick)) in edits.iter().enumerate() {
        let (what, paths) = apply(root, edit, i, &mut typo);
        done.push(what);
        let before = builder.files();
        let batch = Batch {
            paths,
            rescan: false,
        };
        let (rebuilt, search) = builder.rebuild(&batch);
        let skipped = match search {
            Some(_) if *quick => {
                done.push("(saved again at once: that search step never lands)".into());
                true
            }
            Some(search) => search.run(|_| ()).is_none(),
            None => false,
        };
        let history = done.join("\n  ");
        let mut full = Builder::new(options.clone(), None);
        let (fresh, _) = full.rebuild(&Batch::default());
        if fresh.failed() {
            // Inputs a build refuses: serve refuses them too and keeps the last good site.
            prop_assert!(
                rebuilt.failed(),
                "serve took inputs a full build refuses ({:?}) after:\n  {history}",
                errors(&fresh)
            );
            same_files(
                &builder.files(),
                &before,
                "the last good site",
                &history,
                false,
            )?;
            continue;
        }
        prop_assert!(
            !rebuilt.failed(),
            "serve refused inputs a full build takes ({:?}) after:\n  {history}",
            errors(&rebuilt)
        );
        // Search indexes lag behind until the next step that lands renders them.
        same_files(
            &builder.files(),
            &full.files(),
            "a full build",
            &history,
            skipped,
        )?;
    }
    Ok(())
}

/// A file to edit, the edit, and the language of the pack it must change (none: an unrelated page).
type Step<'a> = (&'a str, &'a dyn Fn(&str) -> String, &'a str);

/// A pack prints its handouts' leaflets: an edit of a handout (in the pack's language or in the language its
/// version falls back to), of the event's list of handouts, or of an unrelated page, must leave `serve`
/// serving exactly what a full build writes, and the pack must change when what it prints changes.
#[test]
fn editing_a_handout_renders_its_pack_again() {
    let (dir, options) = fixture();
    let root = dir.path();
    let event = |handouts: &str| {
        format!(
            "---\ntitle: Sosialisasi Paspor\ndate: 2031-01-10\nevent:\n  start: 2031-03-14T09:00\n  location: Aula\n  handouts: [{handouts}]\n---\n\nAcara.\n"
        )
    };
    write(
        root,
        "content/acara/paket.md",
        &event("../paspor/baru.md, ../paspor/hilang.md"),
    );
    write(
        root,
        "content/acara/paket.ar.md",
        &event("../paspor/baru.md, ../paspor/hilang.md"),
    );
    let mut builder = Builder::new(options.clone(), Spill::new().ok());
    let (first, _) = builder.rebuild(&Batch::default());
    assert!(!first.failed(), "{:?}", errors(&first));
    let pack = |files: &Arc<Files>, lang: &str| {
        files
            .get(&format!("packs/{lang}/acara/paket.pdf"))
            .and_then(|s| s.bytes().ok())
            .map(|b| b.to_vec())
    };
    assert!(pack(&builder.files(), "id").is_some(), "no pack served");
    let steps: [Step<'_>; 5] = [
        (
            "content/paspor/baru.md",
            &|t| t.replace("title: ", "title: Baru — "),
            "id",
        ),
        (
            "content/paspor/baru.ar.md",
            &|t| t.replace("M-Paspor", "M-Paspor (تطبيق)"),
            "ar",
        ),
        // No Arabic version: the Arabic pack prints the Indonesian one.
        (
            "content/paspor/hilang.md",
            &|t| t.replace("title: Paspor Hilang", "title: Paspor Hilang atau Rusak"),
            "ar",
        ),
        (
            "content/acara/paket.md",
            &|_| event("../paspor/hilang.md"),
            "id",
        ),
        (
            "content/paspor/tarif.md",
            &|t| format!("{t}\nCatatan.\n"),
            "",
        ),
    ];
    let mut history = Vec::new();
    for (rel, change, pack_lang) in steps {
        let before = (!pack_lang.is_empty()).then(|| pack(&builder.files(), pack_lang));
        write(root, rel, &change(&read(root, rel)));
        history.push(rel.to_string());
        let batch = Batch {
            paths: BTreeSet::from([rel.to_string()]),
            rescan: false,
        };
        let (rebuilt, search) = builder.rebuild(&batch);
        assert!(!rebuilt.failed(), "{:?}", errors(&rebuilt));
        if let Some(search) = search {
            search.run(|_| ());
        }
        let mut full = Builder::new(options.clone(), None);
        let (fresh, _) = full.rebuild(&Batch::default());
        assert!(!fresh.failed(), "{:?}", errors(&fresh));
        if let Err(e) = same_files(
            &builder.files(),
            &full.files(),
            "a full build",
            &history.join(", "),
            false,
        ) {
            panic!("{e}");
        }
        if let Some(before) = before {
            assert_ne!(
                before,
                pack(&builder.files(), pack_lang),
                "the {pack_lang} pack did not change after {rel}"
            );
        }
    }
}

fn errors(rebuilt: &suluh::serve::rebuild::Rebuilt) -> Vec<String> {
    rebuilt
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{}: {}", d.file.as_deref().unwrap_or("-"), d.message))
        .collect()
}

/// `served` holds exactly the outputs of `expected`, with the same bytes (but for search indexes, with
/// `no_indexes`).
fn same_files(
    served: &Arc<Files>,
    expected: &Arc<Files>,
    what: &str,
    history: &str,
    no_indexes: bool,
) -> Result<(), TestCaseError> {
    let compared = |k: &&String| !(no_indexes && k.starts_with("search/") && k.ends_with(".json"));
    let (a, b): (BTreeSet<&String>, BTreeSet<&String>) = (
        served.keys().filter(compared).collect(),
        expected.keys().filter(compared).collect(),
    );
    let extra: Vec<_> = a.difference(&b).collect();
    let missing: Vec<_> = b.difference(&a).collect();
    prop_assert!(
        extra.is_empty() && missing.is_empty(),
        "serve serves {extra:?} that {what} does not write, and misses {missing:?}, after:\n  {history}"
    );
    for (key, bytes) in expected.iter().filter(|(k, _)| compared(k)) {
        let got = served.get(key).unwrap();
        if **got != **bytes {
            let text = |s: &suluh::serve::files::Stored| {
                let bytes = s.bytes().unwrap();
                let text = String::from_utf8_lossy(&bytes).into_owned();
                text.chars().take(3000).collect::<String>()
            };
            return Err(TestCaseError::fail(format!(
                "{key} differs from {what} after:\n  {history}\nserved:\n{}\n---\nexpected:\n{}",
                text(got),
                text(bytes)
            )));
        }
    }
    Ok(())
}

// ---- Applying edits to the files on disk ----

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap()
}

fn read_or_empty(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_default()
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Every Markdown file under `content/`, site-relative, in path order.
fn markdown(root: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(root).unwrap();
            rel.to_string_lossy().replace('\\', "/")
        })
        .filter(|p| p.ends_with(".md"))
        .collect();
    files.sort();
    files
}

fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap()
}

/// `baru.en.md` → (`baru`, `.en`); `index.md` → (`index`, ``).
fn stem_and_lang(rel: &str) -> (String, String) {
    let name = file_name(rel).trim_end_matches(".md");
    match name.rsplit_once('.') {
        Some((stem, lang)) if lang == "en" || lang == "ar" => {
            (stem.to_string(), format!(".{lang}"))
        }
        _ => (name.to_string(), String::new()),
    }
}

fn is_section_file(rel: &str) -> bool {
    file_name(rel).starts_with("_index")
}

/// Page files (not sections), for edits of front matter and bodies.
fn pages(root: &Path) -> Vec<String> {
    markdown(root)
        .into_iter()
        .filter(|p| !is_section_file(p))
        .collect()
}

/// Page files that can be deleted, renamed or moved: not a bundle's `index.md` (its folder's assets would
/// be left without a page).
fn movable(root: &Path) -> Vec<String> {
    pages(root)
        .into_iter()
        .filter(|p| stem_and_lang(p).0 != "index")
        .collect()
}

fn pick(files: &[String], target: Target) -> Option<String> {
    if files.is_empty() {
        return None;
    }
    let arabic: Vec<&String> = files.iter().filter(|f| f.ends_with(".ar.md")).collect();
    Some(match target {
        Target::Arabic(n) if !arabic.is_empty() => arabic[n % arabic.len()].clone(),
        Target::Any(n) | Target::Arabic(n) => files[n % files.len()].clone(),
    })
}

/// A Markdown file's front matter lines and body.
fn split(text: &str) -> (Vec<String>, String) {
    let rest = text.strip_prefix("---\n").expect("front matter");
    let end = rest.find("\n---\n").expect("end of front matter");
    let front = rest[..end].lines().map(str::to_string).collect();
    (front, rest[end + 5..].to_string())
}

fn join(front: &[String], body: &str) -> String {
    format!("---\n{}\n---\n{body}", front.join("\n"))
}

/// Sets (or with `None` removes) a top-level key written on one line.
fn set_key(text: &str, key: &str, value: Option<&str>) -> String {
    let (mut front, body) = split(text);
    let prefix = format!("{key}:");
    let at = front.iter().position(|l| l.starts_with(&prefix));
    match (at, value) {
        (Some(i), Some(v)) => front[i] = format!("{key}: {v}"),
        (Some(i), None) => {
            front.remove(i);
        }
        (None, Some(v)) => front.push(format!("{key}: {v}")),
        (None, None) => {}
    }
    join(&front, &body)
}

/// Where a Markdown link target names the file `name`, as a pattern found in the line.
fn links_to(line: &str, name: &str) -> bool {
    line.contains("](")
        && [format!("({name}"), format!("/{name}")].iter().any(|p| {
            line.match_indices(p.as_str()).any(|(i, _)| {
                let after = &line[i + p.len()..];
                after.starts_with(')') || after.starts_with('#')
            })
        })
}

/// Removes (with `to: None`) or rewrites the lines of other Markdown files that link to `from`, as an
/// editor does before deleting, drafting or renaming a page; returns the files changed.
fn fix_links(root: &Path, from: &str, to: Option<&str>) -> Vec<String> {
    let name = file_name(from);
    let mut changed = Vec::new();
    for rel in markdown(root) {
        if rel == from || to == Some(rel.as_str()) {
            continue;
        }
        let text = read(root, &rel);
        if !text.lines().any(|l| links_to(l, name)) {
            continue;
        }
        let fixed: Vec<String> = text
            .lines()
            .filter_map(|l| match to {
                _ if !links_to(l, name) => Some(l.to_string()),
                None => None,
                Some(to) => {
                    let new = file_name(to);
                    Some(
                        l.replace(&format!("({name}"), &format!("({new}"))
                            .replace(&format!("/{name}"), &format!("/{new}")),
                    )
                }
            })
            .collect();
        write(root, &rel, &(fixed.join("\n") + "\n"));
        changed.push(rel);
    }
    changed
}

const TITLES: [&str; 6] = [
    "Alpha",
    "Zebra",
    "Paspor Hilang",
    "Panduan Lengkap",
    "جواز السفر",
    "Berita Baru",
];

/// Sentences put at the start of a body, searchable words in each language.
const NOTES: [&str; 5] = [
    "Catatan: pemohon membawa dokumen asli.",
    "Catatan: pelayanan ditutup pada hari libur.",
    "Catatan: applicants bring original documents.",
    "Catatan: يرجى إحضار الوثائق الأصلية.",
    "Catatan: pendaftaran dilakukan secara daring.",
];

/// Applies `edit` (the `i`-th of its sequence) to the files under `root`; returns what it did and the
/// site-relative paths it changed. A file `typo` broke at the step before is fixed first.
fn apply(
    root: &Path,
    edit: &Edit,
    i: usize,
    typo: &mut Option<(String, String)>,
) -> (String, BTreeSet<String>) {
    let mut paths = BTreeSet::new();
    let mut what = String::new();
    if let Some((rel, text)) = typo.take() {
        write(root, &rel, &text);
        what = format!("{rel}: fixed, and ");
        paths.insert(rel);
    }
    what += &apply_to(root, edit, i, &mut paths, typo);
    (what, paths)
}

/// Sets (or removes) a front matter key of the page file `target` picks.
fn front_matter(
    root: &Path,
    target: Target,
    key: &str,
    value: Option<String>,
    paths: &mut BTreeSet<String>,
) -> String {
    let Some(rel) = pick(&pages(root), target) else {
        return "nothing (no page)".into();
    };
    let text = set_key(&read(root, &rel), key, value.as_deref());
    write(root, &rel, &text);
    paths.insert(rel.clone());
    format!("{rel}: {key} = {value:?}")
}

fn apply_to(
    root: &Path,
    edit: &Edit,
    i: usize,
    paths: &mut BTreeSet<String>,
    typo: &mut Option<(String, String)>,
) -> String {
    let mut front_matter = |target: Target, key: &str, value: Option<String>| {
        front_matter(root, target, key, value, paths)
    };
    match *edit {
        Edit::Title(t, n) => front_matter(t, "title", Some(format!("{:?}", TITLES[n]))),
        Edit::Date(t, n) => {
            let date = ["2020-01-01", "2026-06-15", "2031-05-05"].get(n);
            front_matter(t, "date", date.map(|d| d.to_string()))
        }
        Edit::Tags(t, n) => {
            let tags = [
                "[paspor]",
                "[Paspor]",
                "[paspor, wni]",
                "[wni]",
                "[baru, Wni]",
            ]
            .get(n);
            front_matter(t, "tags", tags.map(|d| d.to_string()))
        }
        Edit::Weight(t, n) => front_matter(t, "weight", (n > 0).then(|| (n - 1).to_string())),
        Edit::Slug(t, n) => {
            let Some(rel) = pick(&pages(root), t) else {
                return "nothing (no page)".into();
            };
            let slug = (n > 0).then(|| format!("{}-s{n}", stem_and_lang(&rel).0));
            let text = set_key(&read(root, &rel), "slug", slug.as_deref());
            write(root, &rel, &text);
            paths.insert(rel.clone());
            format!("{rel}: slug = {slug:?}")
        }
        Edit::Draft(t, on) => {
            let Some(rel) = pick(&pages(root), t) else {
                return "nothing (no page)".into();
            };
            if on {
                paths.extend(fix_links(root, &rel, None));
            }
            let draft = on.then_some("true");
            write(root, &rel, &set_key(&read(root, &rel), "draft", draft));
            paths.insert(rel.clone());
            format!("{rel}: draft = {on}")
        }
        Edit::Body(t, n) => {
            let Some(rel) = pick(&pages(root), t) else {
                return "nothing (no page)".into();
            };
            let (front, body) = split(&read(root, &rel));
            let mut lines: Vec<&str> = body
                .lines()
                .filter(|l| !l.starts_with("Catatan:"))
                .collect();
            let what = if n == NOTES.len() {
                // No links any more (headings stay: other pages link to them).
                lines.retain(|l| !l.contains("]("));
                "links removed".to_string()
            } else {
                lines.insert(0, NOTES[n]);
                lines.insert(1, "");
                format!("{:?} added", NOTES[n])
            };
            write(root, &rel, &join(&front, &(lines.join("\n") + "\n")));
            paths.insert(rel.clone());
            format!("{rel}: body, {what}")
        }
        Edit::Add { section, n } => {
            let section = SECTIONS[section];
            let rel = format!("content/{section}/tambahan-{n}.md");
            let extra = match (section, n % 2) {
                ("acara", 0) => {
                    "date: 2031-02-01\nevent: { start: 2031-04-01T10:00, location: Aula }\n"
                }
                ("acara", _) => "date: 2020-05-01\nevent: { start: 2020-06-01, location: Balai }\n",
                (_, 0) => "date: 2026-07-01\ntags: [paspor, baru]\n",
                _ => "weight: 2\n",
            };
            write(
                root,
                &rel,
                &format!("---\ntitle: Tambahan {n} ({i})\n{extra}---\n\nIsi tambahan {n} tentang perpanjangan.\n"),
            );
            paths.insert(rel.clone());
            format!("{rel}: added")
        }
        Edit::Delete(t) => {
            let Some(rel) = pick(&movable(root), t) else {
                return "nothing (no page)".into();
            };
            paths.extend(fix_links(root, &rel, None));
            std::fs::remove_file(root.join(&rel)).unwrap();
            paths.insert(rel.clone());
            format!("{rel}: deleted")
        }
        Edit::Untranslate(t) => {
            let translations: Vec<String> = movable(root)
                .into_iter()
                .filter(|p| !stem_and_lang(p).1.is_empty())
                .collect();
            let Some(rel) = pick(&translations, t) else {
                return "nothing (no translation)".into();
            };
            paths.extend(fix_links(root, &rel, None));
            std::fs::remove_file(root.join(&rel)).unwrap();
            paths.insert(rel.clone());
            format!("{rel}: translation deleted")
        }
        Edit::Rename(t, n) => {
            let Some(rel) = pick(&movable(root), t) else {
                return "nothing (no page)".into();
            };
            let (stem, lang) = stem_and_lang(&rel);
            let folder = &rel[..rel.len() - file_name(&rel).len()];
            let to = format!("{folder}{stem}-r{n}{lang}.md");
            if root.join(&to).exists() {
                return format!("nothing ({to} exists)");
            }
            paths.extend(fix_links(root, &rel, Some(&to)));
            std::fs::rename(root.join(&rel), root.join(&to)).unwrap();
            paths.insert(rel.clone());
            paths.insert(to.clone());
            format!("{rel}: renamed to {to}")
        }
        Edit::Translate { page, lang } => {
            let originals: Vec<String> = pages(root)
                .into_iter()
                .filter(|p| stem_and_lang(p).1.is_empty())
                .collect();
            let Some(rel) = pick(&originals, Target::Any(page)) else {
                return "nothing (no page)".into();
            };
            let code = ["", "en", "ar"][lang];
            let to = format!("{}.{code}.md", rel.trim_end_matches(".md"));
            let text = if code == "ar" {
                format!("---\ntitle: ترجمة {i}\n---\n\nنص الترجمة العربية عن الجواز.\n")
            } else {
                format!("---\ntitle: Translation {i}\ntags: [passport]\n---\n\nThe English translation about passports.\n")
            };
            write(root, &to, &text);
            paths.insert(to.clone());
            format!("{to}: translation written")
        }
        Edit::Section { section, what } => {
            let sections: Vec<String> = markdown(root)
                .into_iter()
                .filter(|p| is_section_file(p))
                .collect();
            let rel = sections[section % sections.len()].clone();
            let top = rel.matches('/').count() == 1;
            let default = file_name(&rel) == "_index.md";
            let (key, value) = match what {
                0 => ("title", Some(format!("Bagian {i}"))),
                1 => ("description", Some(format!("Uraian bagian {i}."))),
                2 => ("description", None),
                // Listing settings only in the default language's file of a real section.
                3 if default && !top => ("sort_by", Some("title".to_string())),
                4 if default && !top => ("paginate_by", Some("1".to_string())),
                5 if default && !top => ("paginate_by", None),
                _ => ("weight", Some((i % 4).to_string())),
            };
            write(
                root,
                &rel,
                &set_key(&read(root, &rel), key, value.as_deref()),
            );
            paths.insert(rel.clone());
            format!("{rel}: {key} = {value:?}")
        }
        Edit::Template { name, to } => {
            let name = TEMPLATES[name];
            let rel = format!("templates/{name}");
            if to == 0 {
                if root.join(&rel).exists() {
                    std::fs::remove_file(root.join(&rel)).unwrap();
                }
                paths.insert(rel.clone());
                return format!("{rel}: override removed");
            }
            let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
            let text = std::fs::read_to_string(theme.join(name)).unwrap();
            let mark = format!("<!-- override {to} -->");
            let text = if name.ends_with(".xml") {
                let (first, rest) = text.split_once('\n').unwrap();
                format!("{first}\n{mark}\n{rest}")
            } else if name == "base.html" {
                // The site's description shows only through this override.
                let shown = "{% if site_description %}<p>{{ site_description }}</p>{% endif %}";
                text.replacen("</body>", &format!("{mark}{shown}</body>"), 1)
            } else {
                assert!(text.contains("{% block main %}"), "{name}");
                text.replacen("{% block main %}", &format!("{{% block main %}}{mark}"), 1)
            };
            write(root, &rel, &text);
            paths.insert(rel.clone());
            format!("{rel}: override {to}")
        }
        Edit::I18n(n) => {
            let rel = if n == 4 {
                "i18n/en.yaml"
            } else {
                "i18n/id.yaml"
            };
            match n {
                0 => {
                    if root.join(rel).exists() {
                        std::fs::remove_file(root.join(rel)).unwrap();
                    }
                }
                1 => write(root, rel, "home: Halaman Muka\n"),
                2 => write(root, rel, "home: Rumah\nsearch: Telusuri\n"),
                3 => write(root, rel, "published: Terbit\n"),
                _ => write(root, rel, "home: Start\n"),
            }
            paths.insert(rel.to_string());
            format!("{rel}: strings {n}")
        }
        Edit::SiteYaml(n) => {
            let rel = "site.yaml";
            let text = read(root, rel);
            let set = |text: &str, key: &str, value: Option<&str>| {
                let mut lines: Vec<String> = text
                    .lines()
                    .filter(|l| !l.starts_with(&format!("{key}:")))
                    .map(str::to_string)
                    .collect();
                if let Some(v) = value {
                    lines.insert(1, format!("{key}: {v}"));
                }
                lines.join("\n") + "\n"
            };
            let text = match n {
                0 => set(&text, "description", Some("Situs uji untuk pratinjau.")),
                1 => set(&text, "description", Some("Uraian lain situs uji.")),
                2 => set(&text, "description", None),
                3 => set(&text, "title", Some("Situs Uji Baru")),
                4 => set(&text, "search", Some("{ split: always }")),
                5 => set(&text, "search", None),
                6 => set(&text, "search", Some("{ enabled: false }")),
                7 => set(&text, "leaflets", Some("{ enabled: false }")),
                _ => set(&text, "leaflets", None),
            };
            write(root, rel, &text);
            paths.insert(rel.to_string());
            format!("{rel}: variant {n}")
        }
        Edit::Static(n) => {
            let rel = "static/x.txt";
            if n == 0 {
                if root.join(rel).exists() {
                    std::fs::remove_file(root.join(rel)).unwrap();
                }
            } else {
                write(root, rel, &format!("berkas statis {n}\n"));
            }
            paths.insert(rel.to_string());
            format!("{rel}: static {n}")
        }
        Edit::Typo(t) => {
            let Some(rel) = pick(&pages(root), t) else {
                return "nothing (no page)".into();
            };
            let text = read(root, &rel);
            let broken = set_key(&text, "title", Some("[Judul"));
            write(root, &rel, &broken);
            *typo = Some((rel.clone(), text));
            paths.insert(rel.clone());
            format!("{rel}: broken YAML")
        }
        Edit::Data(1) => {
            // The glossary: pages link the first use of its terms and the glossary page lists them, so an
            // edit reaches every page. Each such edit switches between two versions.
            let rel = "data/glossary.yaml";
            let version = if read_or_empty(root, rel).contains("versi 1") {
                2
            } else {
                1
            };
            write(
                root,
                rel,
                &format!("paspor:\n  id: Dokumen perjalanan (versi {version}).\n  en: Travel document (version {version}).\n  aliases: [passport]\n"),
            );
            paths.insert(rel.to_string());
            format!("{rel}: glossary version {version}")
        }
        Edit::Data(n) => {
            let rel = "data/x.yaml";
            write(root, rel, &format!("kunci: nilai {n}\n"));
            paths.insert(rel.to_string());
            format!("{rel}: data {n}")
        }
    }
}
