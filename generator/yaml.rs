//! YAML documents (`site.yaml`, front matter, UI strings) parsed into typed values with errors an editor can
//! act on: the position inside the file, the offending key, and a "did you mean" hint.
//!
//! serde's messages are rewritten here once, so `config`, `content` and `i18n` never show a parser's raw
//! wording to an editor.

use std::ops::Range;

use serde::de::DeserializeOwned;

use crate::diagnostics::{codes, did_you_mean, offset_of, Diagnostic, Message};
use crate::msg;

/// Separates a [`ValueProblem`]'s name from the value inside custom serde errors (serde carries one string).
const HINT_SEPARATOR: char = '\u{1f}';

/// A YAML document that sits at `offset` bytes into the file `file` (front matter starts after `---`).
#[derive(Clone, Copy)]
pub struct Doc<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub offset: usize,
}

impl<'a> Doc<'a> {
    /// Deserializes the document; on failure, one diagnostic pointing at the problem.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        // An empty document is an empty mapping, so that "missing key" errors read naturally.
        let text = if self.text.trim().is_empty() {
            "{}"
        } else {
            self.text
        };
        serde_yaml_ng::from_str(text).map_err(|e| self.translate(&e))
    }

    /// A diagnostic at a byte range of the document.
    pub fn error_at(&self, code: &'static str, span: Range<usize>, message: Message) -> Diagnostic {
        Diagnostic::error(code, message)
            .at(self.file, self.offset + span.start..self.offset + span.end)
    }

    /// Where `path` (nested mapping keys) is written, for errors found after parsing; the document start if
    /// the key cannot be found.
    pub fn span_of(&self, path: &[&str]) -> Range<usize> {
        key_span(self.text, path).unwrap_or(0..0)
    }

    /// Where the value of `path` is written (the rest of the key's line), falling back to the key.
    pub fn value_span_of(&self, path: &[&str]) -> Range<usize> {
        let key = self.span_of(path);
        let line_end = self.text[key.end..]
            .find('\n')
            .map_or(self.text.len(), |i| key.end + i);
        let rest = &self.text[key.end..line_end];
        let after_colon = rest.find(':').map_or(0, |i| i + 1);
        let value = rest[after_colon..].trim();
        if value.is_empty() || value.starts_with('{') {
            return key;
        }
        let start = key.end + after_colon + rest[after_colon..].find(value).unwrap_or(0);
        start..start + value.len()
    }

    /// Where the text `value` of `path` is written (as parsed: unquoted, unescaped), else where the key is.
    /// Finds values inside flow mappings too (`contact: { phone: "…" }`).
    pub fn value_text_span(&self, path: &[&str], value: &str) -> Range<usize> {
        let key = self.span_of(path);
        let rest = self.text.get(key.end..).unwrap_or_default();
        let line_end = rest.find('\n').unwrap_or(rest.len());
        match rest[..line_end].find(value).filter(|_| !value.is_empty()) {
            Some(i) => key.end + i..key.end + i + value.len(),
            None => key,
        }
    }

    /// The text under the top-level key `parent` (its lines and nested lists), as a byte range.
    fn block_of(&self, parent: &str) -> Option<Range<usize>> {
        let key = key_span(self.text, &[parent])?;
        let line_start = self.text[..key.start].rfind('\n').map_or(0, |i| i + 1);
        let indent = key.start - line_start;
        let mut offset = self.text[key.end..]
            .find('\n')
            .map_or(self.text.len(), |i| key.end + i + 1);
        let start = key.end;
        for line in self.text[offset..].split_inclusive('\n') {
            let trimmed = line.trim_start();
            let own = line.len() - trimmed.len();
            let blank = trimmed.trim().is_empty() || trimmed.starts_with('#');
            // Items of a block list may sit at the key's own indentation.
            let item = own == indent && (trimmed.starts_with("- ") || trimmed.trim_end() == "-");
            if !blank && own <= indent && !item {
                break;
            }
            offset += line.len();
        }
        Some(start..offset)
    }

    /// Where each value of the key `key` inside the block of the top-level key `parent` is written, in order
    /// (`fees:` → every `tariff:` value, block or flow style). Quoted values are given without their quotes.
    pub fn values_in_block(&self, parent: &str, key: &str) -> Vec<Range<usize>> {
        let Some(block) = self.block_of(parent) else {
            return Vec::new();
        };
        let text = &self.text[block.clone()];
        let pattern = format!("{key}:");
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(i) = text[from..].find(&pattern) {
            let at = from + i;
            from = at + pattern.len();
            // Only a key: preceded by the start of a line, `- `, `{` or `,` (not `subtariff:`).
            let before = text[..at].trim_end_matches(' ');
            let dash = before
                .strip_suffix('-')
                .is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace));
            let starts_key = before.is_empty() || before.ends_with(['\n', '{', ',']) || dash;
            if !starts_key {
                continue;
            }
            let after = &text[from..];
            let skipped = after.len() - after.trim_start_matches(' ').len();
            let value = &after[skipped..];
            let start = from + skipped;
            let span = match value.chars().next() {
                Some(q @ ('"' | '\'')) => match value[1..].find(q) {
                    Some(end) => start + 1..start + 1 + end,
                    None => continue,
                },
                _ => {
                    let end = value.find(['\n', ',', '}']).unwrap_or(value.len());
                    let end = value[..end].find(" #").unwrap_or(end);
                    start..start + value[..end].trim_end().len()
                }
            };
            out.push(block.start + span.start..block.start + span.end);
        }
        out
    }

    /// Where the text `needle` is first written inside the block of the top-level key `parent`, at or after
    /// byte `from` of the document; for values that have no key of their own (`sources:` entries).
    pub fn find_in_block(&self, parent: &str, needle: &str, from: usize) -> Option<Range<usize>> {
        let block = self.block_of(parent)?;
        let start = from.max(block.start);
        if needle.is_empty() || start >= block.end {
            return None;
        }
        let i = self.text.get(start..block.end)?.find(needle)?;
        Some(start + i..start + i + needle.len())
    }

    fn translate(&self, err: &serde_yaml_ng::Error) -> Diagnostic {
        let raw = err.to_string();
        let location = err.location();
        let start = location
            .as_ref()
            .map_or(0, |l| offset_of(self.text, l.line(), l.column()));
        let (path, body) = split_path(strip_position(&raw));
        // " in `fees[0]`" after the message, where the parser names the place.
        let placed = |what: Message| match path {
            Some(p) => msg!("in-path", what = what, path = p),
            None => what,
        };

        let (code, message, hint, len) = if let Some(rest) = body.strip_prefix("unknown field `") {
            let key = rest.split('`').next().unwrap_or_default();
            let expected = backticked(rest.get(key.len() + 1..).unwrap_or_default());
            let hint = match did_you_mean(key, expected.iter().map(String::as_str)) {
                Some(s) => msg!("hint-did-you-mean", suggestion = s),
                None if expected.is_empty() => msg!("hint-remove-key"),
                None => msg!("hint-allowed-keys", keys = expected.join(", ")),
            };
            (
                codes::UNKNOWN_KEY,
                placed(msg!("unknown-key", key = key)),
                Some(hint),
                key.len(),
            )
        } else if let Some(rest) = body.strip_prefix("missing field `") {
            let key = rest.split('`').next().unwrap_or_default();
            (
                codes::MISSING_KEY,
                placed(msg!("missing-key", key = key)),
                Some(msg!("hint-add-key", key = key)),
                0,
            )
        } else if let Some(rest) = body.strip_prefix("invalid type: ") {
            let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
            let (found, expected) = (Kind::found(found), Kind::expected(expected));
            let message = match path {
                Some(p) => msg!("wrong-type", key = p, found = found.name()),
                None => msg!("wrong-type-here", found = found.name()),
            };
            (codes::WRONG_TYPE, message, Some(expected.hint(found)), 0)
        } else if let Some(rest) = body.strip_prefix("unknown variant `") {
            let value = rest.split('`').next().unwrap_or_default();
            let expected = backticked(rest.get(value.len() + 1..).unwrap_or_default());
            let hint = match did_you_mean(value, expected.iter().map(String::as_str)) {
                Some(s) => msg!("hint-did-you-mean", suggestion = s),
                None => msg!("hint-use-one-of", values = expected.join(", ")),
            };
            (
                codes::UNKNOWN_VALUE,
                placed(msg!("unknown-value", value = value)),
                Some(hint),
                value.len(),
            )
        } else if let Some((problem, value)) = ValueProblem::decode(body) {
            // Our own value parsers name the value; serde only knows the mapping's position, so find the
            // value itself.
            let (message, hint) = problem.words(value);
            let at = (!value.is_empty())
                .then(|| self.text.get(start..)?.find(value))
                .flatten()
                .map(|i| start + i);
            let span = at.map_or(start..start, |at| at..at + value.len());
            let mut d = self.error_at(codes::BAD_VALUE, span, placed(message));
            d.hint = Some(Box::new(hint));
            return d;
        } else if location.is_some() && path.is_none() && is_syntax_error(body) {
            (
                codes::YAML_SYNTAX,
                msg!("yaml-syntax", problem = syntax_problem(body)),
                Some(msg!("hint-yaml-syntax")),
                0,
            )
        } else if body.contains("recursion limit exceeded") {
            (
                codes::TOO_DEEP,
                placed(msg!("yaml-too-deep")),
                Some(msg!("hint-yaml-too-deep")),
                0,
            )
        } else if body.contains("repetition limit exceeded") {
            (
                codes::TOO_DEEP,
                placed(msg!("yaml-too-many-aliases")),
                Some(msg!("hint-yaml-too-many-aliases")),
                0,
            )
        } else {
            // Every error an editor sees says what to do, even one we have no better words for.
            (
                codes::BAD_YAML,
                placed(msg!("yaml-other", problem = body)),
                Some(msg!("hint-yaml-other")),
                0,
            )
        };
        let mut d = self.error_at(code, start..start + len, message);
        d.hint = hint.map(Box::new);
        d
    }
}

/// What a value is, in an editor's words (the parser says "sequence", "map", "scalar").
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    List,
    Lines,
    WholeNumber,
    Number,
    YesNo,
    Empty,
    Other,
}

impl Kind {
    /// serde's description of what was written: `sequence`, `map`, `string "x"`, `integer `5``, ….
    fn found(found: &str) -> Kind {
        let first = found.split([' ', '`']).next().unwrap_or_default();
        match first {
            "sequence" => Kind::List,
            "map" => Kind::Lines,
            "string" | "char" => Kind::Text,
            "integer" => Kind::WholeNumber,
            "floating" => Kind::Number,
            "boolean" => Kind::YesNo,
            "unit" | "null" => Kind::Empty,
            _ => Kind::Other,
        }
    }

    /// serde's description of what the key takes: `a string`, `a sequence`, `u32`, `struct Contact`, ….
    fn expected(expected: &str) -> Kind {
        let e = expected.to_ascii_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| e.contains(w));
        if has(&["sequence", "list", "array", "tuple"]) {
            Kind::List
        } else if has(&["map", "struct"]) {
            Kind::Lines
        } else if has(&["bool"]) {
            Kind::YesNo
        } else if has(&[
            "whole number",
            "integer",
            "u8",
            "u16",
            "u32",
            "u64",
            "i8",
            "i16",
            "i32",
            "i64",
            "usize",
        ]) {
            Kind::WholeNumber
        } else if has(&["f32", "f64", "number", "float"]) {
            Kind::Number
        } else if has(&["string", "str", "text", "char", "date", "enum", "variant"]) {
            Kind::Text
        } else {
            Kind::Other
        }
    }

    fn name(self) -> Message {
        match self {
            Kind::Text => msg!("kind-text"),
            Kind::List => msg!("kind-list"),
            Kind::Lines => msg!("kind-lines"),
            Kind::WholeNumber => msg!("kind-whole-number"),
            Kind::Number => msg!("kind-number"),
            Kind::YesNo => msg!("kind-yes-no"),
            Kind::Empty => msg!("kind-empty"),
            Kind::Other => msg!("kind-other"),
        }
    }

    /// What to write instead of `found`.
    fn hint(self, found: Kind) -> Message {
        match (self, found) {
            (Kind::Text, Kind::List) => msg!("hint-write-text-quoted", bracket = "["),
            (Kind::Text, Kind::Lines) => msg!("hint-write-text-quoted", bracket = "{"),
            (Kind::Text, _) => msg!("hint-write-text"),
            (Kind::List, _) => msg!("hint-write-list"),
            (Kind::Lines, _) => msg!("hint-write-lines"),
            (Kind::WholeNumber, _) => msg!("hint-write-whole-number"),
            (Kind::Number, _) => msg!("hint-write-number"),
            (Kind::YesNo, _) => msg!("hint-write-yes-no"),
            (Kind::Empty | Kind::Other, _) => msg!("hint-write-other"),
        }
    }
}

/// The part of a YAML parser's syntax error worth showing: what it met, in plain words where we know them.
fn syntax_problem(body: &str) -> Message {
    let b = body.to_ascii_lowercase();
    if b.contains("tab") {
        msg!("yaml-syntax-tab")
    } else if b.contains("mapping values are not allowed") {
        msg!("yaml-syntax-colon")
    } else if b.contains("did not find expected key") || b.contains("block mapping") {
        msg!("yaml-syntax-indent")
    } else if b.contains("quoted scalar") {
        msg!("yaml-syntax-quote")
    } else if b.contains("flow sequence") || b.contains("flow mapping") {
        msg!("yaml-syntax-bracket")
    } else if b.contains("alias") || b.contains("anchor") {
        msg!("yaml-syntax-alias")
    } else {
        msg!("yaml-syntax-other")
    }
}

/// What our own value parsers (dates, amounts, fees) report through serde, which carries only one string:
/// [`ValueProblem::error`] packs the problem and the value written into it, [`Doc::parse`] unpacks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueProblem {
    BadDate,
    BadEventTime,
    NegativeAmount,
    NotWholeAmount,
    TariffAndAmount,
}

const VALUE_PROBLEMS: [(ValueProblem, &str); 5] = [
    (ValueProblem::BadDate, "bad-date"),
    (ValueProblem::BadEventTime, "bad-event-time"),
    (ValueProblem::NegativeAmount, "negative-amount"),
    (ValueProblem::NotWholeAmount, "not-whole-amount"),
    (ValueProblem::TariffAndAmount, "tariff-and-amount"),
];

impl ValueProblem {
    /// The serde error for `value`, which [`Doc::parse`] turns into this problem's message.
    pub fn error<E: serde::de::Error>(self, value: &str) -> E {
        let name = VALUE_PROBLEMS
            .iter()
            .find(|(p, _)| *p == self)
            .map_or("", |(_, n)| n);
        E::custom(format!("{name}{HINT_SEPARATOR}{value}"))
    }

    fn decode(body: &str) -> Option<(ValueProblem, &str)> {
        let (name, value) = body.split_once(HINT_SEPARATOR)?;
        let problem = VALUE_PROBLEMS.iter().find(|(_, n)| *n == name)?.0;
        Some((problem, value))
    }

    /// The message and the hint.
    fn words(self, value: &str) -> (Message, Message) {
        match self {
            ValueProblem::BadDate => (msg!("bad-date", value = value), msg!("hint-bad-date")),
            ValueProblem::BadEventTime => (
                msg!("bad-event-time", value = value),
                msg!("hint-bad-event-time"),
            ),
            ValueProblem::NegativeAmount => (
                msg!("negative-amount", value = value),
                msg!("hint-negative-amount"),
            ),
            ValueProblem::NotWholeAmount => (
                msg!("not-whole-amount", value = value),
                msg!("hint-not-whole-amount"),
            ),
            ValueProblem::TariffAndAmount => (
                msg!("tariff-and-amount", tariff = value),
                msg!("hint-tariff-and-amount", tariff = value),
            ),
        }
    }
}

fn is_syntax_error(body: &str) -> bool {
    !body.starts_with("invalid") && !body.starts_with("missing") && !body.contains(HINT_SEPARATOR)
}

/// Removes serde_yaml's trailing "at line L column C" (we print positions ourselves).
fn strip_position(raw: &str) -> &str {
    match raw.find(" at line ") {
        Some(i) => raw[..i].trim_end_matches(','),
        None => raw,
    }
}

/// serde_yaml prefixes nested errors with the key path (`fees[0].amount: …`).
fn split_path(message: &str) -> (Option<&str>, &str) {
    if let Some((path, rest)) = message.split_once(": ") {
        let looks_like_path = !path.is_empty()
            && !path.contains(' ')
            && path
                .chars()
                .all(|c| c.is_alphanumeric() || "_-.[]".contains(c));
        if looks_like_path {
            return (Some(path), rest);
        }
    }
    (None, message)
}

fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// Finds the span of a nested key in block-style YAML (flow mappings on one line are searched too).
///
/// This serves errors found after deserialising (e.g. an unknown language code), where serde no longer
/// knows positions. It reads indentation only, which is all that hand-written config and front matter use.
pub fn key_span(text: &str, path: &[&str]) -> Option<Range<usize>> {
    let mut depth = 0;
    let mut parent_indent: Option<usize> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = content.len() - trimmed.len();
        if let Some(p) = parent_indent {
            if indent <= p {
                // Left the parent's block without finding the child.
                return None;
            }
        }
        let key = path[depth];
        let key_text = trimmed.trim_start_matches("- ");
        let matches = [
            format!("{key}:"),
            format!("\"{key}\":"),
            format!("'{key}':"),
        ];
        if let Some(m) = matches.iter().find(|m| key_text.starts_with(m.as_str())) {
            let start = line_start + indent + (trimmed.len() - key_text.len());
            let span = start..start + m.len() - 1;
            if depth + 1 == path.len() {
                return Some(span);
            }
            // The child may be on the same line, in a flow mapping: `id: { name: x }`.
            let rest = &content[indent + (trimmed.len() - key_text.len()) + m.len()..];
            let child = format!("{}:", path[depth + 1]);
            if depth + 2 == path.len() {
                if let Some(i) = rest.find(&child) {
                    let s = span.end + 1 + i;
                    return Some(s..s + child.len() - 1);
                }
            }
            depth += 1;
            parent_indent = Some(indent);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)] // Fields are read only through Debug in these tests.
    struct Fm {
        title: String,
        #[serde(default)]
        weight: Option<i64>,
    }

    fn doc(text: &str) -> Doc<'_> {
        Doc {
            file: "content/a.md",
            text,
            offset: 4,
        }
    }

    #[test]
    fn unknown_key_suggests_the_closest() {
        let text = "title: a\ntitel: b\n";
        let err = doc(text).parse::<Fm>().unwrap_err();
        assert_eq!(err.message, msg!("unknown-key", key = "titel"));
        assert_eq!(
            err.hint.as_deref(),
            Some(&msg!("hint-did-you-mean", suggestion = "title"))
        );
        assert_eq!(err.span, Some(13..18));
    }

    #[test]
    fn wrong_type_and_missing_key() {
        let err = doc("title: a\nweight: heavy\n").parse::<Fm>().unwrap_err();
        assert_eq!(err.code, codes::WRONG_TYPE);
        assert_eq!(err.message.id, "wrong-type");
        assert_eq!(
            err.message.text(Lang::En),
            "`weight` is text here",
            "a type error names the key and what was written, in plain words"
        );
        assert_eq!(
            err.hint.map(|h| h.text(Lang::En)).as_deref(),
            Some("write it as a whole number, e.g. `3`")
        );
        let err = doc("title: [a, b]\n").parse::<Fm>().unwrap_err();
        assert_eq!(err.message.text(Lang::En), "`title` is a list here");
        let hint = err.hint.unwrap();
        assert_eq!(
            hint.text(Lang::En),
            "write it as plain text, in quotes if it starts with `[`"
        );
        assert!(hint.text(Lang::Id).contains("teks"));
        let err = doc("weight: 1\n").parse::<Fm>().unwrap_err();
        assert_eq!(err.message, msg!("missing-key", key = "title"));
    }

    #[test]
    fn syntax_errors_are_located() {
        let err = doc("title: a\n\tweight: 1\n").parse::<Fm>().unwrap_err();
        assert_eq!(err.code, codes::YAML_SYNTAX);
        assert_eq!(err.message.id, "yaml-syntax");
        assert!(err.span.unwrap().start > 4);
    }

    #[test]
    fn finds_values_inside_a_block() {
        let text = "title: x\nfees:\n- { tariff: a-1, note: \"per orang\" }\n- item: b\n  amount: 1\n- tariff: 'c'  # comment\n  note: d\nsources:\n  - PP 45/2024\n  - { title: UU, url: https://x.example }\nsubtariff: z\n";
        let d = doc(text);
        let values: Vec<&str> = d
            .values_in_block("fees", "tariff")
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(values, ["a-1", "c"]);
        let notes: Vec<&str> = d
            .values_in_block("fees", "note")
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(notes, ["per orang", "d"]);
        assert!(d.values_in_block("sources", "tariff").is_empty());
        let pp = d.find_in_block("sources", "PP 45/2024", 0).unwrap();
        assert_eq!(&text[pp.clone()], "PP 45/2024");
        assert_eq!(d.find_in_block("fees", "PP 45/2024", 0), None);
        let url = d
            .find_in_block("sources", "https://x.example", pp.end)
            .unwrap();
        assert_eq!(&text[url], "https://x.example");
        let text = "contact: { phone: \"+62 000\", email: a@b }\n";
        let d = doc(text);
        assert_eq!(
            &text[d.value_text_span(&["contact", "email"], "a@b")],
            "a@b"
        );
    }

    #[test]
    fn finds_nested_keys() {
        let text = "title: x\nlanguages:\n  id: { name: Indonesia }\n  fr:\n    name: French\n";
        let span = key_span(text, &["languages", "fr"]).unwrap();
        assert_eq!(&text[span], "fr");
        let span = key_span(text, &["languages", "id", "name"]).unwrap();
        assert_eq!(&text[span], "name");
        let span = key_span(text, &["languages", "fr", "name"]).unwrap();
        assert_eq!(&text[span], "name");
        assert_eq!(key_span(text, &["title2"]), None);
        let d = doc(text);
        assert_eq!(&text[d.value_span_of(&["title"])], "x");
    }
}
