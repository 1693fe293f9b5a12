//! The theme: templates and static files, from the default theme compiled into the binary, overridden file
//! by file by `themes/<theme>/` and then by the site's own `templates/` and `static/`.

use crate::diagnostics::codes;
use crate::msg;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use crate::config::Config;
use crate::diagnostics::{did_you_mean, offset_of, Diagnostic, Message, Sources};
use crate::messages::io_reason;

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Where a theme file comes from.
#[derive(Clone, Debug)]
pub enum FileSource {
    Builtin(&'static [u8]),
    Disk(PathBuf),
}

impl FileSource {
    /// The file's bytes.
    pub fn read(&self) -> std::io::Result<Vec<u8>> {
        match self {
            FileSource::Builtin(b) => Ok(b.to_vec()),
            FileSource::Disk(p) => std::fs::read(p),
        }
    }
}

/// A template with the path used in messages (`templates/page.html`, `themes/x/templates/page.html`, or
/// `(default theme) templates/page.html`).
#[derive(Clone, Debug)]
pub struct TemplateFile {
    pub name: String,
    pub path: String,
    pub source: String,
}

/// The resolved theme.
#[derive(Debug)]
pub struct Theme {
    pub templates: BTreeMap<String, TemplateFile>,
    /// Static files by output path.
    pub statics: BTreeMap<String, FileSource>,
    /// Other theme files (leaflet templates, fonts) by theme-relative path.
    pub files: BTreeMap<String, FileSource>,
    /// How each of `files` is named in messages.
    shown: BTreeMap<String, String>,
}

const BUILTIN_PREFIX: &str = "(default theme) ";

impl Theme {
    /// Whether the template `name` is the default theme's own (neither the site nor its theme replaced it).
    pub fn is_builtin_template(&self, name: &str) -> bool {
        self.templates
            .get(name)
            .is_some_and(|t| t.path.starts_with(BUILTIN_PREFIX))
    }

    /// Resolves the theme for a site. Template sources are recorded in `sources` for error messages.
    pub fn load(root: &Path, config: &Config, sources: &Sources) -> Result<Theme, Vec<Diagnostic>> {
        let mut b = Builder::default();

        for file in all_files(&DEFAULT_THEME) {
            let rel = file.path().to_string_lossy().replace('\\', "/");
            b.add(
                &rel,
                FileSource::Builtin(file.contents()),
                format!("{BUILTIN_PREFIX}{rel}"),
            );
        }
        let theme_dir = root.join("themes").join(&config.theme);
        if theme_dir.is_dir() {
            for (rel, disk) in walk(&theme_dir) {
                let shown = format!("themes/{}/{rel}", config.theme);
                b.add(&rel, FileSource::Disk(disk), shown);
            }
        } else if config.theme != "default" {
            let available: Vec<String> = std::fs::read_dir(root.join("themes"))
                .map(|rd| {
                    rd.flatten()
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .collect()
                })
                .unwrap_or_default();
            let mut choices = available.clone();
            choices.push("default".into());
            let hint = match did_you_mean(&config.theme, choices.iter().map(String::as_str)) {
                Some(s) => msg!("hint-did-you-mean", suggestion = s),
                None => msg!("hint-unknown-theme", theme = &config.theme),
            };
            let text = sources.get(crate::config::FILE_NAME).unwrap_or_default();
            let span = crate::yaml::Doc {
                file: crate::config::FILE_NAME,
                text: &text,
                offset: 0,
            }
            .value_span_of(&["theme"]);
            b.errors.push(
                Diagnostic::error(
                    codes::UNKNOWN_THEME,
                    msg!("unknown-theme", theme = &config.theme),
                )
                .at(crate::config::FILE_NAME, span)
                .with_hint(hint),
            );
        }
        for (dir, kind) in [("templates", "templates/"), ("static", "static/")] {
            let site_dir = root.join(dir);
            if site_dir.is_dir() {
                for (rel, disk) in walk(&site_dir) {
                    let full = format!("{kind}{rel}");
                    b.add(&full, FileSource::Disk(disk), full.clone());
                }
            }
        }
        if !b.errors.is_empty() {
            return Err(b.errors);
        }
        for t in b.templates.values() {
            sources.insert(&t.path, t.source.as_str().into());
        }
        Ok(Theme {
            templates: b.templates,
            statics: b.statics,
            files: b.files,
            shown: b.shown,
        })
    }

    /// Bytes of a theme file (leaflet template, font).
    pub fn read(&self, rel: &str) -> Option<Vec<u8>> {
        self.files.get(rel)?.read().ok()
    }

    /// Compiles the templates; parse errors point at the template file, line and column.
    pub fn tera(&self) -> Result<tera::Tera, Vec<Diagnostic>> {
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape);
        let list: Vec<(&str, &str)> = self
            .templates
            .values()
            .map(|t| (t.name.as_str(), t.source.as_str()))
            .collect();
        if let Err(e) = tera.add_raw_templates(list) {
            return Err(vec![self.template_error(&e, None)]);
        }
        Ok(tera)
    }

    /// Turns a Tera error into a diagnostic at the template and, where Tera says, the line and column.
    pub fn template_error(&self, err: &tera::Error, rendering: Option<&str>) -> Diagnostic {
        let chain = error_chain(err);
        let name = template_name(&chain).or(rendering.map(str::to_string));
        let file = name.as_deref().and_then(|n| self.templates.get(n));
        let summary = chain
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with("Failed to"))
            .unwrap_or_default()
            .to_string();
        // Tera's own words (English): they name the variable or the syntax it could not read.
        let message = msg!("template-error", detail = summary.trim_end_matches('.'));
        let Some(file) = file else {
            return Diagnostic::error(codes::TEMPLATE, message)
                .with_hint(msg!("hint-template-named"));
        };
        let span = position_in(&chain)
            .map(|(l, c)| offset_of(&file.source, l, c))
            .or_else(|| variable_in(&chain).and_then(|v| file.source.find(&v)))
            .unwrap_or(0);
        let hint = if chain.contains("not found in context") {
            msg!("hint-template-variable")
        } else if chain.contains("not found") && chain.contains("Template") {
            msg!("hint-template-not-found")
        } else {
            msg!("hint-template-syntax")
        };
        Diagnostic::error(codes::TEMPLATE, message)
            .at(&file.path, span..span)
            .with_hint(hint)
    }

    /// The path of a theme file as messages show it.
    pub fn shown_path(&self, rel: &str) -> String {
        self.shown
            .get(rel)
            .cloned()
            .unwrap_or_else(|| rel.to_string())
    }

    pub fn has_template(&self, name: &str) -> bool {
        self.templates.contains_key(name)
    }

    pub fn template_names(&self) -> impl Iterator<Item = &str> {
        self.templates.keys().map(String::as_str)
    }
}

/// Escapes text for HTML and XML. Tera's default also escapes `/`, which bloats every URL for nothing.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // The characters to escape are ASCII, so the text between two of them is copied whole: a page's
    // values are mostly plain words, and pushing them one character at a time was a twentieth of a build.
    let mut rest = text;
    while let Some(at) = rest
        .bytes()
        .position(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\''))
    {
        let (plain, special) = rest.split_at_checked(at).unwrap_or((rest, ""));
        out.push_str(plain);
        out.push_str(match special.as_bytes().first() {
            Some(b'&') => "&amp;",
            Some(b'<') => "&lt;",
            Some(b'>') => "&gt;",
            Some(b'"') => "&quot;",
            _ => "&#39;",
        });
        rest = special.get(1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// The theme under construction: later files (theme folder, then site) replace earlier ones (built-in).
#[derive(Default)]
struct Builder {
    templates: BTreeMap<String, TemplateFile>,
    statics: BTreeMap<String, FileSource>,
    files: BTreeMap<String, FileSource>,
    shown: BTreeMap<String, String>,
    errors: Vec<Diagnostic>,
}

impl Builder {
    fn add(&mut self, rel: &str, source: FileSource, shown: String) {
        if let Some(name) = rel.strip_prefix("templates/") {
            match source.read().map(String::from_utf8) {
                Ok(Ok(text)) => {
                    self.templates.insert(
                        name.to_string(),
                        TemplateFile {
                            name: name.to_string(),
                            path: shown,
                            source: text,
                        },
                    );
                }
                Ok(Err(_)) => self.errors.push(
                    Diagnostic::error(codes::NOT_UTF8, msg!("template-not-utf8"))
                        .in_file(shown)
                        .with_hint(msg!("hint-template-not-utf8")),
                ),
                Err(e) => self.errors.push(
                    Diagnostic::error(
                        codes::IO,
                        msg!("cannot-read-template", reason = io_reason(&e)),
                    )
                    .in_file(shown)
                    .with_hint(msg!("hint-cannot-read")),
                ),
            }
        } else if let Some(name) = rel.strip_prefix("static/") {
            self.statics.insert(name.to_string(), source);
        } else {
            self.files.insert(rel.to_string(), source);
            self.shown.insert(rel.to_string(), shown);
        }
    }
}

fn all_files<'a>(dir: &'a Dir<'a>) -> Vec<&'a include_dir::File<'a>> {
    let mut out: Vec<&include_dir::File> = dir.files().collect();
    for d in dir.dirs() {
        out.extend(all_files(d));
    }
    out
}

fn walk(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if !entry.file_type().is_file()
            || crate::content::is_ignored(&entry.file_name().to_string_lossy())
        {
            continue;
        }
        let rel = crate::content::site_relative(dir, entry.path());
        out.push((rel, entry.into_path()));
    }
    out
}

fn error_chain(err: &tera::Error) -> String {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        text.push('\n');
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

fn template_name(chain: &str) -> Option<String> {
    for marker in ["Failed to parse '", "Failed to render '", "template '"] {
        if let Some(i) = chain.find(marker) {
            let rest = &chain[i + marker.len()..];
            if let Some(end) = rest.find('\'') {
                return Some(rest[..end].to_string());
            }
        }
    }
    None
}

/// Tera's parse errors carry ` --> line:column`.
fn position_in(chain: &str) -> Option<(usize, usize)> {
    let i = chain.find("--> ")?;
    let rest = &chain[i + 4..];
    let end = rest
        .find(|c: char| !c.is_ascii_digit() && c != ':')
        .unwrap_or(rest.len());
    let (l, c) = rest[..end].split_once(':')?;
    Some((l.parse().ok()?, c.parse().ok()?))
}

/// Render errors name the variable (``Variable `page.x` not found``); find it in the source.
fn variable_in(chain: &str) -> Option<String> {
    let i = chain.find("Variable `")?;
    let rest = &chain[i + 10..];
    Some(rest[..rest.find('`')?].to_string())
}

/// The names of templates a page's `template:` key may choose.
pub fn template_hint(theme: &Theme, wanted: &str) -> Message {
    match did_you_mean(wanted, theme.template_names()) {
        Some(s) => msg!("hint-template-near", suggestion = s, name = wanted),
        None => msg!("hint-missing-template", name = wanted),
    }
}

#[cfg(test)]
mod escape_tests {
    use super::escape;

    #[test]
    fn markup_characters_are_escaped_and_the_rest_kept() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a> / جواز"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; / جواز"
        );
        assert_eq!(escape(""), "");
        assert_eq!(escape("&&"), "&amp;&amp;");
    }

    proptest::proptest! {
        /// The copy by stretches agrees with escaping one character at a time, on markup characters
        /// mixed with ASCII, Arabic and other multi-byte text.
        #[test]
        fn escaping_by_stretches_equals_escaping_each_character(
            chars in proptest::collection::vec(
                proptest::sample::select(vec!['&', '<', '>', '"', '\'', 'a', ' ', '/', 'ج', 'é', '€', '😀']),
                0..24,
            )
        ) {
            let text: String = chars.into_iter().collect();
            let expected: String = text.chars().map(|c| match c {
                '&' => "&amp;".to_string(),
                '<' => "&lt;".to_string(),
                '>' => "&gt;".to_string(),
                '"' => "&quot;".to_string(),
                '\'' => "&#39;".to_string(),
                c => c.to_string(),
            }).collect();
            proptest::prop_assert_eq!(escape(&text), expected);
        }
    }
}
