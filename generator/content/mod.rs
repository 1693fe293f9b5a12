//! Content: find the Markdown files, parse each one (front matter + body) on its own, then link them into
//! the frozen site model ([`Site`]) that rendering reads.
//!
//! Loading a file is a pure function of its path and text ([`load_file`]), so files load in parallel and a
//! preview server can keep results per file. Linking ([`link::link`]) sees every file at once: it groups
//! translations, computes URLs, orders listings, collects tags and resolves internal links; `serve` links
//! only the pages an edit changed ([`relink::relink`]), with the same phases.
//!
//! - [`site`]: the model linking produces and rendering reads;
//! - [`link`] and [`relink`]: the link step, for all files and for edits;
//! - [`resolve`]: internal links → pages, sections and anchors;
//! - [`order`]: listing order and tag membership, shared by both link steps.

pub mod front_matter;
pub mod link;
mod order;
pub mod references;
pub mod relink;
mod resolve;
pub mod site;

use crate::diagnostics::codes;
use crate::messages::io_reason;
use crate::msg;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{is_language_code, Config};
use crate::diagnostics::{did_you_mean, Diagnostic, Sources};
use crate::markdown::{self, Inline, Rendered, Step};
use front_matter::{PageFront, SectionFront};

pub use link::link;
pub use site::{Page, PageVariant, Section, SectionVariant, Site};

/// The content folder under the site root.
pub const CONTENT_DIR: &str = "content";

/// A Markdown file as read from disk.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Site-relative path, e.g. `content/paspor/paspor-baru.en.md`.
    pub path: String,
    pub text: Arc<str>,
}

/// A non-Markdown file under `content/` (an image in a page bundle, a PDF), copied as is.
#[derive(Clone, Debug)]
pub struct AssetFile {
    /// Path relative to `content/`.
    pub rel: String,
    pub disk: PathBuf,
}

/// What a file under `content/` is, from its name alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `_index.md` / `_index.<lang>.md`; `dir` is relative to `content/` (`""` for the home page).
    Section { dir: String, lang: usize },
    /// `<slug>.md`, `<slug>.<lang>.md`, or a bundle's `index.md`; `key` is `<dir>/<slug>`.
    Page {
        key: String,
        section_dir: String,
        file_slug: String,
        lang: usize,
        bundle: bool,
    },
}

/// Reads every file under `content/`: Markdown as text, everything else as an asset path.
pub fn read(root: &Path, sources: &Sources) -> (Vec<SourceFile>, Vec<AssetFile>, Vec<Diagnostic>) {
    let dir = root.join(CONTENT_DIR);
    if !dir.is_dir() {
        let diag = Diagnostic::error(
            codes::NO_SITE,
            msg!("no-content-folder", folder = root.display().to_string()),
        )
        .with_hint(msg!("hint-no-content-folder"));
        return (Vec::new(), Vec::new(), vec![diag]);
    }
    let (markdown_paths, assets, mut diags) = walk(root, &dir, true);
    let (files, read_errors) = read_markdown(sources, markdown_paths);
    diags.extend(read_errors.into_iter().map(|(_, d)| d));
    (files, assets, diags)
}

/// Lists the files under `dir` (in `content/`) in walk order: Markdown paths (site-relative and on disk),
/// assets, and the folders that could not be listed. `top` says whether `dir` is `content/` itself, whose
/// name is never checked.
fn walk(
    root: &Path,
    dir: &Path,
    top: bool,
) -> (Vec<(String, PathBuf)>, Vec<AssetFile>, Vec<Diagnostic>) {
    let mut markdown_paths = Vec::new();
    let mut assets = Vec::new();
    let mut diags = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .follow_links(false)
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(|p| site_relative(root, p)).unwrap_or_default();
                diags.push(
                    Diagnostic::error(
                        codes::IO,
                        msg!(
                            "cannot-read",
                            path = &path,
                            reason = e
                                .io_error()
                                .map_or_else(|| msg!("io-other", error = e.to_string()), io_reason)
                        ),
                    )
                    .in_file(path)
                    .with_hint(msg!("hint-cannot-read")),
                );
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if (entry.depth() > 0 || !top) && is_ignored(&name) {
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = site_relative(root, entry.path());
        if name.ends_with(".md") {
            markdown_paths.push((rel, entry.into_path()));
        } else {
            let content_rel = rel.strip_prefix("content/").unwrap_or(&rel).to_string();
            assets.push(AssetFile {
                rel: content_rel,
                disk: entry.into_path(),
            });
        }
    }
    (markdown_paths, assets, diags)
}

/// Reads the Markdown files at `paths` (site-relative and on disk) in parallel, keeping every text in
/// `sources`; files that could not be read are returned apart.
fn read_markdown(
    sources: &Sources,
    paths: Vec<(String, PathBuf)>,
) -> (Vec<SourceFile>, Vec<(String, Diagnostic)>) {
    read_markdown_with(sources, paths, |file| {
        sources.insert(&file.path, file.text.clone());
        file
    })
}

/// Reads the Markdown files at `paths` in parallel, handing each text to `take` as soon as it is read: what
/// `take` keeps of it is all that stays in memory.
fn read_markdown_with<T: Send>(
    sources: &Sources,
    paths: Vec<(String, PathBuf)>,
    take: impl Fn(SourceFile) -> T + Sync,
) -> (Vec<T>, Vec<(String, Diagnostic)>) {
    let read: Vec<(String, Result<T, Diagnostic>)> = paths
        .into_par_iter()
        .with_max_len(crate::pipeline::PART)
        .map(|(rel, path)| {
            let taken = read_text(&rel, &path, sources).map(|text| {
                take(SourceFile {
                    path: rel.clone(),
                    text,
                })
            });
            (rel, taken)
        })
        .collect();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for (path, r) in read {
        match r {
            Ok(t) => files.push(t),
            Err(d) => errors.push((path, d)),
        }
    }
    (files, errors)
}

/// The order in which [`read`] lists files (a depth-first walk, names sorted): path components compared
/// one by one, so `a/x.md` comes before `a-b/y.md`.
fn walk_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.split('/').cmp(b.split('/'))
}

/// Whether site-relative `path` is `dir` or inside it.
fn within(path: &str, dir: &str) -> bool {
    path.strip_prefix(dir)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// What reading `content/` found, kept between runs (`serve`) so that a run re-reads only the paths the
/// file watcher reported, instead of every file of a large site. It keeps each Markdown file's fingerprint,
/// not its text: the texts of a large site are a fifth of its model's memory.
#[derive(Clone, Debug, Default)]
pub struct Listing {
    /// Markdown files in walk order (the order [`read`] gives).
    pub files: Vec<Listed>,
    pub assets: Vec<AssetFile>,
    /// Markdown files that could not be read, by path.
    pub errors: Vec<(String, Diagnostic)>,
}

/// A Markdown file of a [`Listing`].
#[derive(Clone, Debug)]
pub struct Listed {
    /// Site-relative path, e.g. `content/paspor/paspor-baru.en.md`.
    pub path: String,
    /// The fingerprint of its text when last read ([`crate::fingerprint`]).
    pub fingerprint: u128,
}

impl Listed {
    fn of(file: &SourceFile) -> Listed {
        Listed {
            path: file.path.clone(),
            fingerprint: crate::fingerprint::of(file.text.as_bytes()),
        }
    }
}

/// Why a [`Listing`] cannot be brought up to date path by path: the caller reads everything again.
#[derive(Debug)]
pub struct Unsure;

impl Listing {
    /// Reads all of `content/`, handing each Markdown text to `load` with its fingerprint as soon as it is
    /// read (so that a large site's texts are never all in memory at once), and returns what `load` made of
    /// each file. The diagnostics are about the folder itself (missing, or a folder inside it that could not
    /// be listed); when there are any, only another full read can tell what changed later. Files that could
    /// not be read are in [`Listing::errors`].
    pub fn read_with<T: Send>(
        root: &Path,
        sources: &Sources,
        load: impl Fn(&SourceFile, u128) -> T + Sync,
    ) -> (Listing, Vec<(String, T)>, Vec<Diagnostic>) {
        let dir = root.join(CONTENT_DIR);
        if !dir.is_dir() {
            return (Listing::default(), Vec::new(), read(root, sources).2);
        }
        let (markdown_paths, assets, diags) = walk(root, &dir, true);
        let (read, errors) = read_markdown_with(sources, markdown_paths, |file| {
            let fingerprint = crate::fingerprint::of(file.text.as_bytes());
            let made = load(&file, fingerprint);
            (file.path, fingerprint, made)
        });
        let mut files = Vec::with_capacity(read.len());
        let mut made = Vec::with_capacity(read.len());
        for (path, fingerprint, m) in read {
            files.push(Listed {
                path: path.clone(),
                fingerprint,
            });
            made.push((path, m));
        }
        let listing = Listing {
            files,
            assets,
            errors,
        };
        (listing, made, diags)
    }

    /// The Markdown file at site-relative `path`, if the listing holds it.
    pub fn file(&self, path: &str) -> Option<&Listed> {
        let at = self
            .files
            .binary_search_by(|f| walk_order(&f.path, path))
            .ok()?;
        self.files.get(at)
    }

    /// Whether the listing holds anything at or under site-relative `path`: a Markdown file, an asset, or a
    /// file that could not be read.
    pub fn holds(&self, path: &str) -> bool {
        self.file(path).is_some()
            || self.files.iter().any(|f| within(&f.path, path))
            || self
                .assets
                .iter()
                .any(|a| within(&format!("{CONTENT_DIR}/{}", a.rel), path))
            || self.errors.iter().any(|(p, _)| within(p, path))
    }

    /// Takes in what reading the listed file at `path` again found: its text's new fingerprint, or why it
    /// can no longer be read (it is then listed as such). Returns whether its text changed.
    pub fn took_in(&mut self, path: &str, read: Result<u128, &Diagnostic>) -> bool {
        let Ok(at) = self.files.binary_search_by(|f| walk_order(&f.path, path)) else {
            return false;
        };
        match read {
            Ok(fingerprint) => {
                let changed = self.files[at].fingerprint != fingerprint;
                self.files[at].fingerprint = fingerprint;
                changed
            }
            Err(d) => {
                self.files.remove(at);
                let at = self
                    .errors
                    .partition_point(|(p, _)| walk_order(p, path).is_lt());
                self.errors.insert(at, (path.to_string(), d.clone()));
                true
            }
        }
    }

    /// Brings the listing up to date with the site-relative `paths` that changed (files or folders, created,
    /// changed or deleted); returns the Markdown paths whose text changed, appeared or disappeared, and the
    /// texts it read.
    pub fn update(
        &mut self,
        root: &Path,
        sources: &Sources,
        paths: &std::collections::BTreeSet<String>,
    ) -> Result<(std::collections::BTreeSet<String>, Vec<SourceFile>), Unsure> {
        let mut changed = std::collections::BTreeSet::new();
        // A path reported twice (a file and its folder) is read twice: the last read wins.
        let mut texts = std::collections::BTreeMap::new();
        for path in paths {
            if path == CONTENT_DIR {
                return Err(Unsure);
            }
            if !path.starts_with("content/") {
                continue;
            }
            let mut old: std::collections::HashMap<String, u128> = Default::default();
            self.files.retain(|f| {
                let hit = within(&f.path, path);
                if hit {
                    old.insert(f.path.clone(), f.fingerprint);
                }
                !hit
            });
            self.assets
                .retain(|a| !within(&format!("content/{}", a.rel), path));
            self.errors.retain(|(p, _)| {
                let hit = within(p, path);
                if hit {
                    changed.insert(p.clone());
                }
                !hit
            });
            let disk = root.join(path);
            let (markdown_paths, assets) = match std::fs::symlink_metadata(&disk) {
                Ok(meta) if meta.is_dir() => {
                    let (m, a, diags) = walk(root, &disk, false);
                    if !diags.is_empty() {
                        return Err(Unsure);
                    }
                    (m, a)
                }
                Ok(meta) if meta.is_file() => {
                    let name = path.rsplit('/').next().unwrap_or(path);
                    if is_ignored(name) {
                        (Vec::new(), Vec::new())
                    } else if name.ends_with(".md") {
                        (vec![(path.clone(), disk)], Vec::new())
                    } else {
                        let rel = path.strip_prefix("content/").unwrap_or(path).to_string();
                        (Vec::new(), vec![AssetFile { rel, disk }])
                    }
                }
                // Deleted (or a symbolic link, which a full read skips too).
                Ok(_) => (Vec::new(), Vec::new()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Vec::new(), Vec::new()),
                Err(_) => return Err(Unsure),
            };
            let (files, errors) = read_markdown(sources, markdown_paths);
            for f in files {
                let listed = Listed::of(&f);
                if old
                    .remove(&f.path)
                    .is_none_or(|fingerprint| fingerprint != listed.fingerprint)
                {
                    changed.insert(f.path.clone());
                }
                let at = self
                    .files
                    .partition_point(|g| walk_order(&g.path, &f.path).is_lt());
                self.files.insert(at, listed);
                texts.insert(f.path.clone(), f);
            }
            // What is left was deleted.
            changed.extend(old.into_keys());
            changed.extend(errors.iter().map(|(p, _)| p.clone()));
            for a in assets {
                let at = self
                    .assets
                    .partition_point(|b| walk_order(&b.rel, &a.rel).is_lt());
                self.assets.insert(at, a);
            }
            self.errors.extend(errors);
        }
        self.errors.sort_by(|a, b| walk_order(&a.0, &b.0));
        Ok((changed, texts.into_values().collect()))
    }
}

/// Reads the Markdown file at site-relative `path` again (a [`Listing`] does not keep texts); the caller
/// says what `sources` keeps of it ([`Sources::keep`]).
pub fn read_again(root: &Path, sources: &Sources, path: &str) -> Result<SourceFile, Diagnostic> {
    let text = read_text(path, &root.join(path), sources)?;
    Ok(SourceFile {
        path: path.to_string(),
        text,
    })
}

/// Editors' swap, backup and hidden files never become content.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
}

/// The largest text input (Markdown, YAML) Suluh reads: 8 MiB. Every stage is linear in a file's size, but a
/// page this long is unreadable on a phone and its search teaser and leaflet meaningless; a larger file is
/// almost always a mistake (a pasted export, a generated dump), refused before it costs memory.
pub const MAX_FILE_BYTES: usize = 8 << 20;

/// Reads a text file, turning I/O and encoding problems into diagnostics that name the file.
pub fn read_text(rel: &str, path: &Path, sources: &Sources) -> Result<Arc<str>, Diagnostic> {
    if let Ok(meta) = fs::metadata(path) {
        if meta.len() > MAX_FILE_BYTES as u64 {
            return Err(Diagnostic::error(
                codes::FILE_TOO_LARGE,
                msg!(
                    "file-too-large",
                    size = format!("{:.1}", meta.len() as f64 / (1 << 20) as f64),
                    limit = MAX_FILE_BYTES >> 20
                ),
            )
            .at(rel, 0..0)
            .with_hint(msg!("hint-file-too-large")));
        }
    }
    let bytes = fs::read(path).map_err(|e| {
        Diagnostic::error(
            codes::IO,
            msg!("cannot-read", path = rel, reason = io_reason(&e)),
        )
        .in_file(rel)
        .with_hint(msg!("hint-cannot-read"))
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Arc::from(text)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            // The lossy text is kept for the message, so the caret lands on the bad byte.
            sources.insert(
                rel,
                Arc::from(String::from_utf8_lossy(e.as_bytes()).into_owned()),
            );
            Err(Diagnostic::error(codes::NOT_UTF8, msg!("not-utf8"))
                .at(rel, valid..valid + 1)
                .with_hint(msg!("hint-not-utf8")))
        }
    }
}

pub fn site_relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Classifies a Markdown file by its path (`content/…`).
pub fn classify(config: &Config, path: &str) -> Result<FileKind, Diagnostic> {
    let rel = path.strip_prefix("content/").unwrap_or(path);
    let (dir, file) = match rel.rsplit_once('/') {
        Some((d, f)) => (d.to_string(), f),
        None => (String::new(), rel),
    };
    let stem = file.strip_suffix(".md").unwrap_or(file);
    let (base, lang) = split_language(config, path, stem)?;
    if !dir
        .split('/')
        .all(|s| dir.is_empty() || crate::output::is_safe_segment(s))
    {
        return Err(
            Diagnostic::error(codes::BAD_FILE_NAME, msg!("bad-folder-name", path = path))
                .in_file(path)
                .with_hint(msg!("hint-bad-folder-name")),
        );
    }
    Ok(match base {
        "_index" => FileKind::Section { dir, lang },
        "index" if !dir.is_empty() => {
            let (section_dir, slug) = match dir.rsplit_once('/') {
                Some((s, b)) => (s.to_string(), b.to_string()),
                None => (String::new(), dir.clone()),
            };
            FileKind::Page {
                key: dir.clone(),
                section_dir,
                file_slug: slug,
                lang,
                bundle: true,
            }
        }
        slug => {
            if !crate::output::is_safe_segment(slug) {
                return Err(Diagnostic::error(
                    codes::BAD_FILE_NAME,
                    msg!("bad-file-name", file = file),
                )
                .in_file(path)
                .with_hint(msg!("hint-bad-file-name")));
            }
            FileKind::Page {
                key: if dir.is_empty() {
                    slug.to_string()
                } else {
                    format!("{dir}/{slug}")
                },
                section_dir: dir,
                file_slug: slug.to_string(),
                lang,
                bundle: false,
            }
        }
    })
}

/// `slug.en` → (`slug`, en); a suffix that looks like a language code must be one of the site's.
fn split_language<'a>(
    config: &Config,
    path: &str,
    stem: &'a str,
) -> Result<(&'a str, usize), Diagnostic> {
    if let Some((base, suffix)) = stem.rsplit_once('.') {
        if is_language_code(suffix) {
            return match config.language_index(suffix) {
                Some(i) => Ok((base, i)),
                None => {
                    let hint = match did_you_mean(suffix, config.language_codes()) {
                        Some(s) => msg!("hint-language-suffix-near", suggestion = s, code = suffix),
                        None => msg!(
                            "hint-language-suffix",
                            code = suffix,
                            codes = config.language_codes().collect::<Vec<_>>().join(", ")
                        ),
                    };
                    // The problem is in the file's name, not its text: point at the file's start.
                    Err(Diagnostic::error(
                        codes::UNKNOWN_LANGUAGE,
                        msg!("unknown-language-suffix", code = suffix),
                    )
                    .at(path, 0..0)
                    .with_hint(hint))
                }
            };
        }
    }
    Ok((stem, 0))
}

/// A page file after parsing, before linking.
#[derive(Clone, Debug)]
pub struct LoadedPage {
    pub file: String,
    pub key: String,
    pub section_dir: String,
    pub file_slug: String,
    pub lang: usize,
    pub bundle: bool,
    pub front: PageFront,
    pub front_offset: usize,
    /// The front-matter text (from `front_offset`), so that linking can point at a key. Only that part of
    /// the file is kept: the whole texts of a large site would be a fifth of its model's memory.
    pub front_text: Box<str>,
    pub body: Rendered,
    pub body_offset: usize,
    /// Requirements rendered from inline Markdown: (HTML, runs).
    pub requirements: Vec<(String, Vec<Inline>)>,
    /// Steps from front matter (empty when the body's first ordered list is used).
    pub steps: Vec<Step>,
}

/// A section file after parsing.
#[derive(Clone, Debug)]
pub struct LoadedSection {
    pub file: String,
    pub dir: String,
    pub lang: usize,
    pub front: SectionFront,
    pub front_offset: usize,
    pub body: Rendered,
    pub body_offset: usize,
}

#[derive(Clone, Debug)]
pub enum Loaded {
    Page(Box<LoadedPage>),
    Section(Box<LoadedSection>),
}

/// Whether an alias names a folder inside the output (no `..`, no domain, not the site's root); the
/// others are errors when the page is loaded and never planned as outputs.
pub fn alias_inside_site(alias: &str) -> bool {
    let trimmed = alias.trim().trim_start_matches('/').trim_end_matches('/');
    !(alias.contains("..") || alias.contains('\\') || trimmed.is_empty() || alias.contains("://"))
}

/// The glossary terms to link in a file: all of them, except on the guide a term's `link:` names, which
/// explains the term itself (in every language of that guide).
fn glossary_terms(config: &Config, kind: &FileKind) -> Vec<markdown::TermLink> {
    let glossary = &config.data.glossary;
    if glossary.is_empty() {
        return Vec::new();
    }
    let lang = match kind {
        FileKind::Section { lang, .. } | FileKind::Page { lang, .. } => *lang,
    };
    let same_file = |link: &str| {
        let path = format!(
            "{CONTENT_DIR}/{}",
            link.split('#').next().unwrap_or_default()
        );
        match (classify(config, &path), kind) {
            (Ok(FileKind::Page { key: a, .. }), FileKind::Page { key: b, .. }) => a == *b,
            (Ok(FileKind::Section { dir: a, .. }), FileKind::Section { dir: b, .. }) => a == *b,
            _ => false,
        }
    };
    glossary
        .entries
        .iter()
        .zip(glossary.matchers(config, lang))
        .filter(|(term, _)| !term.link.as_deref().is_some_and(same_file))
        .map(|(_, m)| m)
        .collect()
}

/// Parses one Markdown file. Pure: the same path and text always give the same result.
pub fn load_file(
    config: &Config,
    file: &SourceFile,
) -> Result<(Loaded, Vec<Diagnostic>), Vec<Diagnostic>> {
    let kind = classify(config, &file.path).map_err(|d| vec![d])?;
    let split = front_matter::split(&file.path, &file.text).map_err(|d| vec![d])?;
    let mut warnings = Vec::new();
    let body = markdown::render_with_terms(split.body, &glossary_terms(config, &kind));
    if let Some(span) = &body.too_deep {
        return Err(vec![Diagnostic::error(
            codes::TOO_DEEP,
            msg!("too-deep", levels = markdown::MAX_NESTING),
        )
        .at(
            &file.path,
            split.body_offset + span.start..split.body_offset + span.end,
        )
        .with_hint(msg!("hint-too-deep"))]);
    }
    for note in &body.notes {
        let span = split.body_offset + note.span.start..split.body_offset + note.span.end;
        warnings.push(
            Diagnostic::warning(note.code, note.message.clone())
                .at(&file.path, span)
                .with_hint(note.hint.clone()),
        );
    }
    let loaded = match kind {
        FileKind::Section { dir, lang } => {
            let front: SectionFront =
                front_matter::parse(&file.path, &split).map_err(|d| vec![d])?;
            if front.paginate_by == Some(0) {
                let doc = crate::yaml::Doc {
                    file: &file.path,
                    text: split.front,
                    offset: split.front_offset,
                };
                return Err(vec![doc
                    .error_at(
                        codes::BAD_VALUE,
                        doc.value_span_of(&["paginate_by"]),
                        msg!("paginate-by-zero"),
                    )
                    .with_hint(msg!("hint-paginate-by-zero"))]);
            }
            Loaded::Section(Box::new(LoadedSection {
                file: file.path.clone(),
                dir,
                lang,
                front,
                front_offset: split.front_offset,
                body,
                body_offset: split.body_offset,
            }))
        }
        FileKind::Page {
            key,
            section_dir,
            file_slug,
            lang,
            bundle,
        } => {
            let front: PageFront = front_matter::parse(&file.path, &split).map_err(|d| vec![d])?;
            let doc = crate::yaml::Doc {
                file: &file.path,
                text: split.front,
                offset: split.front_offset,
            };
            for alias in front.aliases.iter().filter(|a| !alias_inside_site(a)) {
                // The alias as written, after its key (the key itself if it cannot be found).
                let key = doc.span_of(&["aliases"]);
                let span = split.front[key.end..]
                    .find(alias.as_str())
                    .map_or(key.clone(), |i| key.end + i..key.end + i + alias.len());
                warnings.push(
                    doc.error_at(
                        codes::ALIAS_ESCAPE,
                        span,
                        msg!("alias-escape", alias = alias),
                    )
                    .with_hint(msg!("hint-alias-escape")),
                );
            }
            let requirements = front
                .requirements
                .iter()
                .map(|r| markdown::render_inline(r))
                .collect();
            let steps = front
                .steps
                .iter()
                .map(|s| {
                    let (html, inlines) = markdown::render_inline(s);
                    Step { html, inlines }
                })
                .collect();
            Loaded::Page(Box::new(LoadedPage {
                file: file.path.clone(),
                key,
                section_dir,
                file_slug,
                lang,
                bundle,
                front,
                front_offset: split.front_offset,
                front_text: split.front.into(),
                body,
                body_offset: split.body_offset,
                requirements,
                steps,
            }))
        }
    };
    Ok((loaded, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::parse("title: T\nbase_url: https://x.example\ndefault_language: id\nlanguages:\n  id: {}\n  en: {}\n  ar: {}\n").unwrap()
    }

    #[test]
    fn classifies_by_name() {
        let c = config();
        assert_eq!(
            classify(&c, "content/paspor/_index.en.md").unwrap(),
            FileKind::Section {
                dir: "paspor".into(),
                lang: 1
            }
        );
        assert_eq!(
            classify(&c, "content/paspor/baru.ar.md").unwrap(),
            FileKind::Page {
                key: "paspor/baru".into(),
                section_dir: "paspor".into(),
                file_slug: "baru".into(),
                lang: 2,
                bundle: false
            }
        );
        assert_eq!(
            classify(&c, "content/paspor/baru/index.md").unwrap(),
            FileKind::Page {
                key: "paspor/baru".into(),
                section_dir: "paspor".into(),
                file_slug: "baru".into(),
                lang: 0,
                bundle: true
            }
        );
        let err = classify(&c, "content/paspor/baru.fr.md").unwrap_err();
        assert!(err
            .message
            .to_string()
            .contains("unknown language code `fr`"));
        // A dotted name that is not a language code stays part of the slug.
        assert!(matches!(
            classify(&c, "content/a/v1.2.md").unwrap(),
            FileKind::Page { .. }
        ));
    }
}
