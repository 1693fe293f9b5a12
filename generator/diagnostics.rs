//! Diagnostics: the one shape every problem takes, from `site.yaml` to templates.
//!
//! Every stage of the pipeline reports problems as [`Diagnostic`]s (severity, file, byte span, what is wrong,
//! what to do) and keeps going, so a run reports all of its errors together. Line and column are computed only
//! when printing, from the file's text held in [`Sources`], so spans stay cheap and always count from the top
//! of the file (not from the start of a front-matter block).

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, RwLock};

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{self, Files};
use codespan_reporting::term;
use rayon::prelude::*;
use serde::Serialize;

pub use crate::messages::Message;
use crate::msg;

/// The stable names of the kinds of problem, printed by `check --format json` as `"code"`, for tools and for
/// tests, which match on these rather than on the wording.
pub mod codes {
    pub const ALIAS_ESCAPE: &str = "alias-escape";
    pub const BAD_FILE_NAME: &str = "bad-file-name";
    pub const BAD_LANGUAGE_CODE: &str = "bad-language-code";
    pub const BAD_PAGE_PATH: &str = "bad-page-path";
    pub const BAD_URL: &str = "bad-url";
    pub const BAD_VALUE: &str = "bad-value";
    pub const BAD_YAML: &str = "bad-yaml";
    pub const BROKEN_ANCHOR: &str = "broken-anchor";
    pub const BROKEN_LINK: &str = "broken-link";
    pub const DUPLICATE_TITLE: &str = "duplicate-title";
    pub const EMPTY_LINK: &str = "empty-link";
    pub const EMPTY_TAG: &str = "empty-tag";
    pub const EXPIRED_TARIFF: &str = "expired-tariff";
    pub const EXTERNAL_LINK: &str = "external-link";
    pub const FILE_EXISTS: &str = "file-exists";
    pub const FILE_TOO_LARGE: &str = "file-too-large";
    pub const FOLDER_NOT_EMPTY: &str = "folder-not-empty";
    pub const HEADING_LEVEL_1: &str = "heading-level-1";
    pub const HEADING_SKIPS_LEVEL: &str = "heading-skips-level";
    pub const ICON: &str = "icon";
    pub const IMAGE_WITHOUT_ALT: &str = "image-without-alt";
    pub const INTERNAL: &str = "internal-error";
    pub const IO: &str = "io-error";
    pub const LEAFLET_FONTS: &str = "leaflet-fonts";
    pub const LEAFLET_TEMPLATE: &str = "leaflet-template";
    pub const LINK_ESCAPE: &str = "link-escape";
    pub const LINK_TO_DRAFT: &str = "link-to-draft";
    pub const MISSING_IMAGE: &str = "missing-image";
    pub const LONG_SENTENCE: &str = "long-sentence";
    pub const MISSING_KEY: &str = "missing-key";
    pub const MISSING_TEMPLATE: &str = "missing-template";
    pub const MISSING_UI_STRINGS: &str = "missing-ui-strings";
    pub const NOT_A_FOLDER: &str = "not-a-folder";
    pub const NOT_REVIEWED: &str = "not-reviewed";
    pub const NOT_UTF8: &str = "not-utf8";
    pub const NO_DATE: &str = "no-date";
    pub const NO_DESCRIPTION: &str = "no-description";
    pub const NO_FEES: &str = "no-fees";
    pub const NO_FRONT_MATTER: &str = "no-front-matter";
    pub const NO_REQUIREMENTS: &str = "no-requirements";
    pub const NO_SITE: &str = "no-site";
    pub const OUTPUT_CONFLICT: &str = "output-conflict";
    pub const OUTPUT_ESCAPE: &str = "output-escape";
    pub const PASSIVE_PARAGRAPH: &str = "passive-paragraph";
    pub const PLACEHOLDER: &str = "placeholder";
    pub const PLAIN_WORD: &str = "plain-word";
    pub const PORT_IN_USE: &str = "port-in-use";
    pub const REVIEW_OVERDUE: &str = "review-overdue";
    pub const SERVER: &str = "server-error";
    pub const TEMPLATE: &str = "template-error";
    pub const TOO_DEEP: &str = "too-deep";
    pub const UNEXPLAINED_ACRONYM: &str = "unexplained-acronym";
    pub const UNKNOWN_KEY: &str = "unknown-key";
    pub const UNKNOWN_HANDOUT: &str = "unknown-handout";
    pub const UNKNOWN_LANGUAGE: &str = "unknown-language";
    pub const UNKNOWN_PAGE: &str = "unknown-page";
    pub const UNKNOWN_TARIFF: &str = "unknown-tariff";
    pub const UNKNOWN_THEME: &str = "unknown-theme";
    pub const UNKNOWN_VALUE: &str = "unknown-value";
    pub const UNSAFE_LINK: &str = "unsafe-link";
    pub const UNTRANSLATED: &str = "untranslated";
    pub const WRONG_TYPE: &str = "wrong-type";
    pub const YAML_SYNTAX: &str = "yaml-syntax";
}

/// How bad a diagnostic is: errors stop the build, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in the site, with enough context for an editor to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, `/`-separated; `None` for problems with no file (e.g. the command line).
    pub file: Option<String>,
    /// Byte range inside `file`.
    pub span: Option<Range<usize>>,
    /// What is wrong, in one line: a catalogue message, put in words only when shown.
    pub message: Message,
    /// What to do about it, in one line. Boxed: most diagnostics travel inside `Result`s, which stay small.
    pub hint: Option<Box<Message>>,
    /// A stable name for the kind of problem (one of [`codes`]), for tools reading `--format json`, for
    /// grouping in human output and for tests.
    pub code: &'static str,
}

/// A diagnostic's words come from the catalogues (`messages/id.ftl` and `messages/en.ftl`), never from a
/// string in the code, so every editor reads it in their language. To report a new kind of problem:
///
/// 1. add the message (and its hint) to **both** catalogues, with the same `$values`, in plain words (the
///    `messages` tests fail until both have it and the code passes exactly those values);
/// 2. write `Diagnostic::error(codes::X, msg!("x-what", path = p)).with_hint(msg!("x-do"))`.
///
/// Turning an old English `Diagnostic::error(code, format!("…{p}…"))` into that is the one-line change of
/// step 2; the constructors take only a [`Message`], so a bare string does not compile.
impl Diagnostic {
    pub fn error(code: &'static str, message: Message) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: None,
            span: None,
            message,
            hint: None,
            code,
        }
    }

    pub fn warning(code: &'static str, message: Message) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }

    pub fn at(mut self, file: impl Into<String>, span: Range<usize>) -> Self {
        self.file = Some(file.into());
        self.span = Some(span);
        self
    }

    pub fn with_hint(mut self, hint: Message) -> Self {
        self.hint = Some(Box::new(hint));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Order for printing: by file, then position, errors before warnings at the same place.
    fn sort_key(&self) -> (Option<&str>, usize, Severity, &Message) {
        (
            self.file.as_deref(),
            self.span.as_ref().map_or(0, |s| s.start),
            self.severity,
            &self.message,
        )
    }
}

/// Sorts and removes exact duplicates, so output is deterministic even when stages ran in parallel.
pub fn normalize(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags.dedup();
}

/// `--strict`: every warning becomes an error, so that a CI run fails on it.
pub fn make_strict(diags: &mut [Diagnostic]) {
    for d in diags.iter_mut() {
        d.severity = Severity::Error;
    }
}

pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(Diagnostic::is_error)
}

/// The text of every file a diagnostic may point into, keyed by site-relative path.
#[derive(Default, Debug)]
pub struct Sources {
    files: RwLock<BTreeMap<String, Held>>,
    /// The site's folder, when texts released from memory may be read again from it
    /// ([`Sources::release_content`]).
    root: Option<Arc<Path>>,
    /// The texts of an earlier run that this one did not read again (`serve` reads only changed files);
    /// texts inserted here shadow them.
    base: Option<Arc<Sources>>,
    /// How many runs' texts are layered below this one.
    depth: usize,
}

/// A file's text, or what is left of it once released.
#[derive(Clone, Debug)]
enum Held {
    Text(Arc<str>),
    /// Dropped from memory: the file on disk is that text while it has this fingerprint.
    Released(u128),
}

/// Beyond this many layers, [`Sources::over`] flattens them so that lookups stay cheap.
const MAX_DEPTH: usize = 8;

impl Sources {
    /// Sources whose released texts (`serve`) can be read again from the site folder `root`.
    pub fn rooted(root: &Path) -> Sources {
        Sources {
            root: Some(Arc::from(root)),
            ..Sources::default()
        }
    }

    /// Sources for a run that reads only some files again: every text of `base` stays visible unless
    /// inserted again. Every few runs the layers are merged, so lookups never walk a long chain: the layers
    /// above the first (which holds the whole site) into one while they are small, so that the site's texts
    /// are not copied after every few edits; all of them otherwise.
    pub fn over(base: Arc<Sources>) -> Sources {
        let root = base.root.clone();
        if base.depth + 1 < MAX_DEPTH {
            return Sources {
                files: RwLock::default(),
                root,
                depth: base.depth + 1,
                base: Some(base),
            };
        }
        let mut layers: Vec<&Sources> = vec![&base];
        while let Some(below) = layers.last().and_then(|l| l.base.as_deref()) {
            layers.push(below);
        }
        let first = layers.pop().and_then(|_| layers.last()?.base.clone());
        let mut files = BTreeMap::new();
        for layer in layers.iter().rev() {
            if let Ok(own) = layer.files.read() {
                files.extend(own.iter().map(|(k, v)| (k.clone(), v.clone())));
            }
        }
        match first {
            Some(first) if files.len() * 4 < first.len() => Sources {
                files: RwLock::new(files),
                root,
                base: Some(first),
                depth: 1,
            },
            _ => {
                let mut files = BTreeMap::new();
                base.collect_into(&mut files);
                Sources {
                    files: RwLock::new(files),
                    root,
                    base: None,
                    depth: 0,
                }
            }
        }
    }

    /// How many texts this layer holds itself.
    fn len(&self) -> usize {
        self.files.read().map_or(0, |f| f.len())
    }

    /// Every visible text, the newest layer winning.
    fn collect_into(&self, into: &mut BTreeMap<String, Held>) {
        if let Some(base) = &self.base {
            base.collect_into(into);
        }
        if let Ok(files) = self.files.read() {
            into.extend(files.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
    }

    pub fn insert(&self, path: &str, text: Arc<str>) {
        if let Ok(mut files) = self.files.write() {
            files.insert(path.to_string(), Held::Text(text));
        }
    }

    /// Takes in a text just read: the text itself if a diagnostic may point into it (`needed`), else only
    /// its fingerprint where it can be read again (rooted sources), as if released at once.
    pub fn keep(&self, path: &str, text: &Arc<str>, fingerprint: u128, needed: bool) {
        let held = match &self.root {
            Some(_) if !needed => Held::Released(fingerprint),
            _ => Held::Text(text.clone()),
        };
        if let Ok(mut files) = self.files.write() {
            files.insert(path.to_string(), held);
        }
    }

    /// Drops the texts of Markdown files under `content/` that `keep` does not name, once only the
    /// diagnostics already found point into content. `build` calls it once the site is linked: holding every
    /// page's source through rendering was a sixth of the peak memory of a large site. In rooted sources
    /// (`serve`) each text leaves its fingerprint, so [`Sources::get`] can read it again while the file is
    /// unchanged, and [`Sources::fingerprint`] still tells whether it changed.
    pub fn release_content(&self, keep: impl Fn(&str) -> bool + Sync) {
        let Ok(mut files) = self.files.write() else {
            return;
        };
        if self.root.is_none() {
            files.retain(|path, held| {
                !path.starts_with("content/") || !matches!(held, Held::Text(_)) || keep(path)
            });
            return;
        }
        let released: Vec<(String, u128)> = files
            .par_iter()
            .filter_map(|(path, held)| match held {
                Held::Text(text) if path.starts_with("content/") && !keep(path) => {
                    Some((path.clone(), crate::fingerprint::of(text.as_bytes())))
                }
                _ => None,
            })
            .collect();
        for (path, fingerprint) in released {
            files.insert(path, Held::Released(fingerprint));
        }
    }

    /// The text of `path`: in memory, or read again from the site folder if it was released and the file
    /// is still the same text. `None` when unknown, or changed on disk since.
    pub fn get(&self, path: &str) -> Option<Arc<str>> {
        match self.held(path)? {
            Held::Text(text) => Some(text),
            Held::Released(fingerprint) => {
                let text = std::fs::read_to_string(self.root.as_ref()?.join(path)).ok()?;
                (crate::fingerprint::of(text.as_bytes()) == fingerprint).then(|| Arc::from(text))
            }
        }
    }

    /// The fingerprint of the text of `path` ([`crate::fingerprint`]), whether or not it is still held.
    pub fn fingerprint(&self, path: &str) -> Option<u128> {
        match self.held(path)? {
            Held::Text(text) => Some(crate::fingerprint::of(text.as_bytes())),
            Held::Released(fingerprint) => Some(fingerprint),
        }
    }

    /// What the newest layer that knows `path` holds of it.
    fn held(&self, path: &str) -> Option<Held> {
        let own = self.files.read().ok().and_then(|f| f.get(path).cloned());
        own.or_else(|| self.base.as_ref()?.held(path))
    }

    /// 1-based line and column (in characters) of a byte offset, as compilers print them.
    pub fn line_col(&self, path: &str, offset: usize) -> Option<(usize, usize)> {
        self.get(path).map(|text| line_col(&text, offset))
    }
}

/// 1-based line and column (in characters) of `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = clamp_to_char_boundary(text, offset);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

/// Byte offset of a 1-based line and column (in characters); clamps to the end of the line or text.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line.max(1) {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let line_text = &text[start..text[start..].find('\n').map_or(text.len(), |i| start + i)];
    let col_bytes: usize = line_text
        .chars()
        .take(column.saturating_sub(1))
        .map(char::len_utf8)
        .sum();
    start + col_bytes
}

fn clamp_to_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// How diagnostics are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Human-readable, with a source excerpt and caret; coloured only on a terminal.
    Human,
    /// One JSON document (for CI tools).
    Json,
}

/// A diagnostic with its position resolved, as written by `--format json`.
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
    hint: Option<String>,
    code: &'static str,
}

/// Writes diagnostics to standard error (human) or standard output (JSON).
pub fn emit(diags: &[Diagnostic], sources: &Sources, format: Format) {
    match format {
        Format::Human => write_stderr(&render_human(diags, sources, stderr_color())),
        Format::Json => println!("{}", render_json(diags, sources)),
    }
}

/// Whether human output on standard error is coloured: only on a terminal, and never with `NO_COLOR` set.
pub fn stderr_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Writes already rendered human output (which carries its own colour codes, if any) to standard error.
pub fn write_stderr(text: &str) {
    let _ = std::io::Write::write_all(&mut std::io::stderr().lock(), text.as_bytes());
}

/// The JSON form: `{"errors": N, "warnings": N, "diagnostics": [...]}`.
pub fn render_json(diags: &[Diagnostic], sources: &Sources) -> String {
    json_value(diags, sources).to_string()
}

/// The JSON form as a value, for outputs that add to it (`check`'s per-page summaries).
pub fn json_value(diags: &[Diagnostic], sources: &Sources) -> serde_json::Value {
    let items: Vec<JsonDiagnostic> = diags
        .iter()
        .map(|d| {
            // A problem with a whole file (unreadable, untranslated) is at its start, as in human output.
            let pos = d.file.as_deref().and_then(|f| {
                let start = d.span.as_ref().map_or(0, |s| s.start);
                sources
                    .line_col(f, start)
                    .or_else(|| (start == 0).then_some((1, 1)))
            });
            JsonDiagnostic {
                severity: d.severity,
                file: d.file.as_deref(),
                line: pos.map(|p| p.0),
                column: pos.map(|p| p.1),
                message: d.message.show(),
                hint: d.hint.as_ref().map(|h| h.show()),
                code: d.code,
            }
        })
        .collect();
    let errors = diags.iter().filter(|d| d.is_error()).count();
    serde_json::json!({
        "errors": errors,
        "warnings": diags.len() - errors,
        "diagnostics": items,
    })
}

/// Renders diagnostics the way compilers do: `path:line:column`, the source line, a caret, and the hint.
pub fn render_human(diags: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let mut out = render_items(diags, sources, color);
    if !diags.is_empty() {
        out.push_str(&totals(diags));
        out.push('\n');
    }
    out
}

/// `N errors, M warnings` (no newline).
pub fn totals(diags: &[Diagnostic]) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    msg!("totals", errors = errors, warnings = diags.len() - errors).show()
}

/// Each diagnostic as compilers print it, without the totals line.
pub fn render_items(diags: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let files = SourceFiles::new(diags, sources);
    let config = term::Config::default();
    let mut out = String::new();
    for d in diags {
        let cs_diag = to_codespan(d, &files);
        let mut buf = if color {
            term::termcolor::Buffer::ansi()
        } else {
            term::termcolor::Buffer::no_color()
        };
        if term::emit_to_write_style(&mut buf, &config, &files, &cs_diag).is_err() {
            // Falls back to the bare facts if a span no longer matches its file.
            out.push_str(&format!("{:?}: {}\n", d.severity, d.message.show()));
            continue;
        }
        out.push_str(&String::from_utf8_lossy(buf.as_slice()));
    }
    out
}

fn to_codespan(d: &Diagnostic, files: &SourceFiles) -> cs::Diagnostic<usize> {
    let mut out = match d.severity {
        Severity::Error => cs::Diagnostic::error(),
        Severity::Warning => cs::Diagnostic::warning(),
    }
    .with_code(d.code)
    .with_message(d.message.show());
    if let Some(id) = d.file.as_deref().and_then(|f| files.id_of(f)) {
        let text = &files.entries[id].1;
        let span = d.span.clone().unwrap_or(0..0);
        let start = clamp_to_char_boundary(text, span.start);
        let end = clamp_to_char_boundary(text, span.end.max(start));
        out = out.with_labels(vec![cs::Label::primary(id, start..end)]);
    }
    if let Some(hint) = &d.hint {
        out = out.with_notes(vec![msg!("help", hint = hint.clone()).show()]);
    }
    out
}

/// The files referenced by a batch of diagnostics, in the shape codespan wants.
struct SourceFiles {
    entries: Vec<(String, Arc<str>, Vec<usize>)>,
}

impl SourceFiles {
    fn new(diags: &[Diagnostic], sources: &Sources) -> Self {
        let mut entries: Vec<(String, Arc<str>, Vec<usize>)> = Vec::new();
        for path in diags.iter().filter_map(|d| d.file.as_deref()) {
            if entries.iter().any(|e| e.0 == path) {
                continue;
            }
            // A file we could not read (or that is not text) still gets its name printed.
            let text = sources.get(path).unwrap_or_else(|| Arc::from(""));
            let starts = files::line_starts(&text).collect();
            entries.push((path.to_string(), text, starts));
        }
        SourceFiles { entries }
    }

    fn id_of(&self, path: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.0 == path)
    }
}

impl<'a> Files<'a> for SourceFiles {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, files::Error> {
        self.entries
            .get(id)
            .map(|e| e.0.as_str())
            .ok_or(files::Error::FileMissing)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, files::Error> {
        self.entries
            .get(id)
            .map(|e| &*e.1)
            .ok_or(files::Error::FileMissing)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, files::Error> {
        let starts = &self.entries.get(id).ok_or(files::Error::FileMissing)?.2;
        Ok(starts
            .binary_search(&byte_index)
            .unwrap_or_else(|next| next.saturating_sub(1)))
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, files::Error> {
        let entry = self.entries.get(id).ok_or(files::Error::FileMissing)?;
        let start = *entry.2.get(line_index).ok_or(files::Error::LineTooLarge {
            given: line_index,
            max: entry.2.len().saturating_sub(1),
        })?;
        let end = entry
            .2
            .get(line_index + 1)
            .copied()
            .unwrap_or(entry.1.len());
        Ok(start..end)
    }
}

/// The key in `candidates` closest to `wrong`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    // Jaro-Winkler ranks typos in longer words well; short codes (`in` for `id`) need an edit distance.
    candidates
        .into_iter()
        .map(|c| {
            let edits = strsim::damerau_levenshtein(wrong, c);
            let close =
                strsim::jaro_winkler(wrong, c) > 0.8 || (edits == 1 && wrong.chars().count() >= 2);
            let prefix = wrong
                .chars()
                .zip(c.chars())
                .take_while(|(a, b)| a == b)
                .count();
            (
                close,
                strsim::jaro_winkler(wrong, c) + prefix as f64 * 0.05 - edits as f64 * 0.01,
                c,
            )
        })
        .filter(|(close, _, _)| *close)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(_, _, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Layered sources show the newest text of every file however many runs are layered, and merging the
    /// layers keeps the first run's texts shared (not copied) while the later runs read few files.
    #[test]
    fn layered_sources_show_the_newest_texts() {
        let first = Arc::new(Sources::default());
        for i in 0..100 {
            first.insert(&format!("f{i}"), Arc::from("v0"));
        }
        let mut top = first.clone();
        for run in 1..=30 {
            let next = Sources::over(top);
            next.insert(
                &format!("f{}", run % 7),
                Arc::from(format!("v{run}").as_str()),
            );
            top = Arc::new(next);
            assert!(top.depth < MAX_DEPTH);
        }
        for i in 0..100 {
            let newest = (1..=30)
                .rev()
                .find(|run| run % 7 == i)
                .map_or("v0".to_string(), |run| format!("v{run}"));
            assert_eq!(
                top.get(&format!("f{i}")).as_deref(),
                Some(newest.as_str()),
                "f{i}"
            );
        }
        let mut layer = &*top;
        while let Some(below) = layer.base.as_deref() {
            layer = below;
        }
        assert!(
            std::ptr::eq(layer, &*first),
            "the first run's texts are still shared"
        );
    }

    /// Released texts of rooted sources are read again from disk while the file is unchanged, and keep
    /// their fingerprint; unrooted sources (`build`) just forget them. Texts a diagnostic names stay.
    #[test]
    fn released_texts_come_back_from_disk_while_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        let (a, b) = ("content/a.md", "content/b.md");
        let texts = [
            (a, "---\ntitle: A\n---\nSatu\n"),
            (b, "---\ntitle: B\n---\n"),
        ];
        let rooted = Arc::new(Sources::rooted(dir.path()));
        let plain = Sources::default();
        for (path, text) in texts {
            std::fs::write(dir.path().join(path), text).unwrap();
            rooted.insert(path, Arc::from(text));
            plain.insert(path, Arc::from(text));
            rooted.insert("site.yaml", Arc::from("title: x\n"));
        }
        let before = rooted.fingerprint(a);
        rooted.release_content(|p| p == b);
        plain.release_content(|p| p == b);
        assert!(matches!(rooted.files.read().unwrap()[a], Held::Released(_)));
        assert!(matches!(rooted.files.read().unwrap()[b], Held::Text(_)));
        assert!(
            rooted.get("site.yaml").is_some(),
            "only content is released"
        );
        assert_eq!(plain.get(a), None);
        assert_eq!(plain.get(b).as_deref(), Some(texts[1].1));
        assert_eq!(rooted.get(a).as_deref(), Some(texts[0].1));
        assert_eq!(rooted.fingerprint(a), before);
        // A later run layered over it sees the same, until the file changes on disk.
        let next = Sources::over(rooted.clone());
        assert_eq!(next.line_col(a, 17), Some((4, 1)));
        std::fs::write(dir.path().join(a), "---\ntitle: A2\n---\n").unwrap();
        assert_eq!(next.get(a), None, "a changed file is not the released text");
        assert_eq!(next.fingerprint(a), before);
    }

    #[test]
    fn line_col_counts_from_one() {
        let text = "a\nbé c\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 2), (2, 1));
        assert_eq!(line_col(text, 5), (2, 3));
        assert_eq!(offset_of(text, 2, 3), 5);
        assert_eq!(offset_of(text, 9, 1), text.len());
    }

    #[test]
    fn human_output_names_path_line_column_and_hint() {
        let sources = Sources::default();
        sources.insert("content/a.md", Arc::from("---\ntitel: x\n---\n"));
        let d = Diagnostic::error(codes::UNKNOWN_KEY, msg!("unknown-key", key = "titel"))
            .at("content/a.md", 4..9)
            .with_hint(msg!("hint-did-you-mean", suggestion = "title"));
        let text = render_human(&[d], &sources, false);
        assert!(text.contains("content/a.md:2:1"), "{text}");
        assert!(text.contains("did you mean `title`?"), "{text}");
        assert!(text.contains("1 error, 0 warnings"), "{text}");
    }

    #[test]
    fn suggestions_only_for_close_keys() {
        assert_eq!(did_you_mean("titel", ["title", "date"]), Some("title"));
        assert_eq!(did_you_mean("zzz", ["title", "date"]), None);
    }
}
