//! Suluh's own words to editors, in Indonesian and English.
//!
//! Editors are immigration officers who read Indonesian first, so no text meant for them is written in Rust
//! code: the code names a message (an id and named values, built with [`msg!`](crate::msg)) and the words
//! live in one Project Fluent catalogue per language, `messages/id.ftl` and `messages/en.ftl`, compiled into
//! the binary. The text is produced only at the edge (terminal, JSON, the `serve` overlay), in the language
//! chosen for the run ([`current`]).
//!
//! Which language: `SULUH_MESSAGES=id|en` if set, else `messages:` in `site.yaml`, else Indonesian when the
//! locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) starts with `id`, else English. Until `site.yaml` is read (or
//! when it cannot be), the environment decides alone.
//!
//! The tests below keep both catalogues complete: the same ids, the same `$values` in each message, every
//! id the code names present, and every value the code passes used.

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The catalogues, as written in the repository.
pub const CATALOGUE_ID: &str = include_str!("../messages/id.ftl");
pub const CATALOGUE_EN: &str = include_str!("../messages/en.ftl");

/// A language Suluh speaks to editors in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Id,
    En,
}

impl Lang {
    /// The BCP 47 code, as written in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    fn parse(value: &str) -> Option<Lang> {
        match value.trim().to_ascii_lowercase().as_str() {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// One value named in a message.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    Text(String),
    /// A count or size: Fluent picks plural forms by it.
    Number(i64),
    /// A message inside a message (a hint that names a suggestion, …), put in the same language.
    Message(Box<Message>),
}

macro_rules! text_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Arg {
                Arg::Text(v.to_string())
            }
        }
    )*};
}
text_arg!(String, &String, &str, &&str, char);

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Arg {
                Arg::Number(i64::try_from(v).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(usize, u64, u32, u16, u8, i64, i32);

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Message(Box::new(m))
    }
}

impl From<Box<Message>> for Arg {
    fn from(m: Box<Message>) -> Arg {
        Arg::Message(m)
    }
}

/// A message to an editor, not yet in words: the catalogue id and its named values.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// Names a catalogue message: `msg!("broken-link", path = link.path)`. The id must be a literal (a test
/// finds every one in the source and checks it against both catalogues), and each name a `$value` of it.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Message::new($id)$(.with(stringify!($name), $value))*
    };
}

impl Message {
    /// Only through [`msg!`](crate::msg), whose literal ids the catalogue test can find.
    #[doc(hidden)]
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    #[doc(hidden)]
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The value named `name`, as text (for tests and for code that reads back what it reported).
    pub fn arg(&self, name: &str) -> Option<String> {
        self.args
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| match v {
                Arg::Text(t) => t.clone(),
                Arg::Number(n) => n.to_string(),
                Arg::Message(m) => m.text(Lang::En),
            })
    }

    /// The message in words, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let bundle = bundle(lang);
        let Some(pattern) = bundle.get_message(self.id).and_then(|m| m.value()) else {
            // A message missing from the catalogue (which the tests rule out) still says something.
            return self.fallback(lang);
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let value = match value {
                Arg::Text(t) => FluentValue::from(t.as_str()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Message(m) => FluentValue::from(m.text(lang)),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }

    /// In the language of this run ([`current`]).
    pub fn show(&self) -> String {
        self.text(current())
    }

    fn fallback(&self, lang: Lang) -> String {
        let values: Vec<String> = self
            .args
            .iter()
            .map(|(n, v)| match v {
                Arg::Text(t) => format!("{n}: {t}"),
                Arg::Number(x) => format!("{n}: {x}"),
                Arg::Message(m) => format!("{n}: {}", m.text(lang)),
            })
            .collect();
        format!("{} ({})", self.id, values.join(", "))
    }
}

/// Why a file operation failed, in words: the common cases said plainly, others as the system says them
/// (which is English).
pub fn io_reason(e: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => crate::msg!("io-not-found"),
        ErrorKind::PermissionDenied => crate::msg!("io-permission-denied"),
        ErrorKind::AlreadyExists => crate::msg!("io-already-exists"),
        ErrorKind::StorageFull => crate::msg!("io-storage-full"),
        ErrorKind::ReadOnlyFilesystem => crate::msg!("io-read-only"),
        ErrorKind::IsADirectory => crate::msg!("io-is-a-folder"),
        ErrorKind::NotADirectory => crate::msg!("io-not-a-folder"),
        _ => crate::msg!("io-other", error = e.to_string()),
    }
}

/// In the language of this run, for text built around a message.
impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.show())
    }
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| [make_bundle(Lang::Id), make_bundle(Lang::En)]);
    match lang {
        Lang::Id => &bundles[0],
        Lang::En => &bundles[1],
    }
}

fn make_bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let (code, source) = match lang {
        Lang::Id => ("id", CATALOGUE_ID),
        Lang::En => ("en", CATALOGUE_EN),
    };
    let locale = code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // Isolation marks (U+2068/2069) would show up as stray characters in terminals and JSON.
    bundle.set_use_isolating(false);
    // A catalogue with a syntax error still serves its good entries; the tests reject such a catalogue.
    let resource =
        FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

/// The language of this run: 0 not chosen yet, else 1 + the language.
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// The language messages are shown in now.
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Id,
        2 => Lang::En,
        // Unit tests read English, whatever the developer's locale; they set no site.
        _ if cfg!(test) => Lang::En,
        _ => {
            let lang = from_environment(None);
            set(lang);
            lang
        }
    }
}

fn set(lang: Lang) {
    let value = match lang {
        Lang::Id => 1,
        Lang::En => 2,
    };
    CURRENT.store(value, Ordering::Relaxed);
}

/// Takes the site's `messages:` into account, once `site.yaml` is read (the environment variable still wins).
pub fn use_site_choice(site: Option<Lang>) {
    set(from_environment(site));
}

/// The language for the site's choice `site`, from the process environment.
fn from_environment(site: Option<Lang>) -> Lang {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let locale = var("LC_ALL")
        .or_else(|| var("LC_MESSAGES"))
        .or_else(|| var("LANG"));
    choose(var("SULUH_MESSAGES").as_deref(), site, locale.as_deref())
}

/// `SULUH_MESSAGES` (when it names a language we speak), else the site's choice, else the locale.
pub fn choose(env: Option<&str>, site: Option<Lang>, locale: Option<&str>) -> Lang {
    if let Some(lang) = env.and_then(Lang::parse) {
        return lang;
    }
    if let Some(lang) = site {
        return lang;
    }
    let indonesian = locale.is_some_and(|l| {
        let l = l.to_ascii_lowercase();
        l.starts_with("id") && !l[2..].starts_with(|c: char| c.is_ascii_alphabetic())
    });
    if indonesian {
        Lang::Id
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;

    type Variables = BTreeMap<String, BTreeSet<String>>;

    /// Every message of a catalogue with the `$values` it names.
    fn variables(name: &str, source: &str) -> Variables {
        let resource = fluent_syntax::parser::parse(source)
            .unwrap_or_else(|(_, errors)| panic!("{name}: syntax errors: {errors:?}"));
        let mut out = Variables::new();
        for entry in &resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    let mut names = BTreeSet::new();
                    if let Some(p) = &m.value {
                        pattern_variables(p, &mut names);
                    } else {
                        panic!("{name}: `{}` has no text", m.id.name);
                    }
                    for a in &m.attributes {
                        pattern_variables(&a.value, &mut names);
                    }
                    let fresh = out.insert(m.id.name.to_string(), names).is_none();
                    assert!(fresh, "{name}: `{}` is written twice", m.id.name);
                }
                ast::Entry::Junk { content } => panic!("{name}: cannot read {content:?}"),
                _ => {}
            }
        }
        out
    }

    fn pattern_variables(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, out);
            }
        }
    }

    fn expression_variables(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, out);
                for v in variants {
                    pattern_variables(&v.value, out);
                }
            }
            ast::Expression::Inline(i) => inline_variables(i, out),
        }
    }

    fn inline_variables(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, out)
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline_variables(a, out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn both_catalogues_have_the_same_messages_and_values() {
        let id = variables("messages/id.ftl", CATALOGUE_ID);
        let en = variables("messages/en.ftl", CATALOGUE_EN);
        let only_id: Vec<_> = id.keys().filter(|k| !en.contains_key(*k)).collect();
        let only_en: Vec<_> = en.keys().filter(|k| !id.contains_key(*k)).collect();
        assert!(only_id.is_empty(), "only in id.ftl: {only_id:?}");
        assert!(only_en.is_empty(), "only in en.ftl: {only_en:?}");
        for (key, names) in &id {
            assert_eq!(Some(names), en.get(key), "the values of `{key}` differ");
        }
    }

    /// Each `msg!` call in the source: its id and the names of the values it passes.
    fn calls_in(text: &str) -> Vec<(String, BTreeSet<String>)> {
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(i) = rest.find("msg!(") {
            rest = &rest[i + 5..];
            let mut depth = 1;
            let mut end = rest.len();
            let mut in_string = false;
            let mut escaped = false;
            for (j, c) in rest.char_indices() {
                if in_string {
                    match (escaped, c) {
                        (false, '\\') => escaped = true,
                        (false, '"') => in_string = false,
                        _ => escaped = false,
                    }
                    continue;
                }
                match c {
                    '"' => in_string = true,
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = j;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let call = &rest[..end];
            let Some(id) = call
                .trim_start()
                .strip_prefix('"')
                .and_then(|s| s.split('"').next())
            else {
                continue;
            };
            let names = top_level_names(call);
            out.push((id.to_string(), names));
        }
        out
    }

    /// The `name` of each top-level `name = value` in a macro call's text.
    fn top_level_names(call: &str) -> BTreeSet<String> {
        let mut names = BTreeSet::new();
        let mut depth = 0;
        let mut in_string = false;
        let mut escaped = false;
        let mut start = 0;
        let mut parts = Vec::new();
        for (j, c) in call.char_indices() {
            if in_string {
                match (escaped, c) {
                    (false, '\\') => escaped = true,
                    (false, '"') => in_string = false,
                    _ => escaped = false,
                }
                continue;
            }
            match c {
                '"' => in_string = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(&call[start..j]);
                    start = j + 1;
                }
                _ => {}
            }
        }
        parts.push(&call[start..]);
        for part in parts.into_iter().skip(1) {
            if let Some((name, value)) = part.split_once('=') {
                let name = name.trim();
                if !value.starts_with('=')
                    && !name.is_empty()
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                {
                    names.insert(name.to_string());
                }
            }
        }
        names
    }

    /// Every id named in the code is in the catalogues with exactly the values the code passes, every
    /// catalogue message is used, and no code builds a message without `msg!`.
    #[test]
    fn the_code_and_the_catalogues_agree() {
        let catalogue = variables("messages/en.ftl", CATALOGUE_EN);
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("generator");
        let mut used = BTreeSet::new();
        let mut problems = Vec::new();
        for entry in walkdir::WalkDir::new(&root) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let shown = entry
                .path()
                .strip_prefix(&root)
                .unwrap()
                .display()
                .to_string();
            // Examples in doc comments are not calls; this file's tests use ids the code uses too.
            let text: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            let text = match shown.as_str() {
                "messages.rs" => text
                    .split("#[cfg(test)]")
                    .next()
                    .unwrap_or_default()
                    .to_string(),
                _ => text,
            };
            if shown != "messages.rs" && text.contains("Message::new(") {
                problems.push(format!("{shown}: builds a Message without msg!"));
            }
            for (id, names) in calls_in(&text) {
                match catalogue.get(&id) {
                    None => problems.push(format!("{shown}: `{id}` is in no catalogue")),
                    Some(wanted) if *wanted != names => problems.push(format!(
                        "{shown}: `{id}` is given {names:?}, the catalogue names {wanted:?}"
                    )),
                    Some(_) => {}
                }
                used.insert(id);
            }
        }
        for id in catalogue.keys() {
            if !used.contains(id) {
                problems.push(format!("`{id}` is in the catalogues but never used"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_environment_overrides_the_site_which_overrides_the_locale() {
        assert_eq!(choose(Some("id"), Some(Lang::En), Some("en_US")), Lang::Id);
        assert_eq!(choose(Some("en"), Some(Lang::Id), Some("id_ID")), Lang::En);
        assert_eq!(choose(Some("fr"), Some(Lang::Id), None), Lang::Id);
        assert_eq!(choose(None, Some(Lang::En), Some("id_ID.UTF-8")), Lang::En);
        assert_eq!(choose(None, None, Some("id_ID.UTF-8")), Lang::Id);
        assert_eq!(choose(None, None, Some("id")), Lang::Id);
        assert_eq!(choose(None, None, Some("ido")), Lang::En);
        assert_eq!(choose(None, None, Some("C.UTF-8")), Lang::En);
        assert_eq!(choose(None, None, None), Lang::En);
    }

    #[test]
    fn messages_nest_and_count() {
        let hint = msg!("hint-did-you-mean", suggestion = "title");
        let m = msg!("totals", errors = 1usize, warnings = 2usize);
        assert_eq!(m.text(Lang::En), "1 error, 2 warnings");
        assert_eq!(m.text(Lang::Id), "1 kesalahan, 2 peringatan");
        assert_eq!(hint.text(Lang::En), "did you mean `title`?");
        assert!(!hint.text(Lang::Id).contains('\u{2068}'));
    }
}
