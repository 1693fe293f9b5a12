//! Plain language: warnings about text that readers of an official guide stumble over.
//!
//! - `long-sentence`: a sentence of more than `plain.sentence_words` words;
//! - `unexplained-acronym`: an acronym (two or more capitals, `ITAS`, `PNBP`) that the glossary does not
//!   explain and the page does not spell out at or before its first use (`Izin Tinggal Terbatas (ITAS)`
//!   or `ITAS (Izin Tinggal Terbatas)`);
//! - `passive-paragraph`: a paragraph (or a list) of two sentences or more where more than
//!   `plain.passive_share` of them are passive;
//! - `plain-word`: a word of the site's own `plain.plain_words` list, with the plainer word to use.
//!
//! Pure functions over a body's Markdown source: pulldown-cmark gives each text run its place in the source,
//! so every finding has a byte span there. Headings, code, tables and sections under `plain.skip_headings`
//! (legal bases, whose regulation titles are quoted word for word) are left alone; link text counts for sentences but a code in a link
//! is no acronym.
//!
//! Languages: Indonesian and English get every rule (passive voice: Indonesian `di-` verbs, English
//! `is/are/was/were/be/been/being` + participle). Arabic and other languages get the sentence length and
//! the site's word list only: their passive is not marked by a prefix or auxiliary we can see without a
//! morphological analyser, and acronyms there are Latin codes quoted in brackets, which explain themselves.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::config::PlainSettings;
use crate::data::glossary::Glossary;
use crate::diagnostics::codes;
use crate::msg;

/// One finding, with its byte span in the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub span: Range<usize>,
    pub message: crate::messages::Message,
    pub hint: crate::messages::Message,
}

/// The codes of this rule, for summaries.
pub const CODES: [&str; 4] = [
    codes::LONG_SENTENCE,
    codes::UNEXPLAINED_ACRONYM,
    codes::PASSIVE_PARAGRAPH,
    codes::PLAIN_WORD,
];

/// A run of the block's text and where it came from.
#[derive(Clone, Debug)]
struct Piece {
    /// Where it starts in the block's text.
    at: usize,
    /// Where it starts in the source.
    source: usize,
    /// The source holds the text byte for byte (no escapes or entities), so offsets inside map one to one.
    exact: bool,
    /// Inline code or link text: counted as words, never an acronym.
    quoted: bool,
    code: bool,
}

/// A paragraph, a list item's own text, or a table-free block of running text.
#[derive(Clone, Debug, Default)]
struct Block {
    text: String,
    pieces: Vec<Piece>,
    /// The top-level list it belongs to: a list is judged as one passage for the passive rule.
    list: Option<usize>,
    /// Under a heading named in `skip_headings`.
    skipped: bool,
}

impl Block {
    /// The source offset of a byte offset in the block's text (the run's start where they differ).
    fn source(&self, at: usize) -> usize {
        let i = self
            .pieces
            .partition_point(|p| p.at <= at)
            .saturating_sub(1);
        match self.pieces.get(i) {
            Some(p) if p.exact => p.source + (at - p.at),
            Some(p) => p.source,
            None => 0,
        }
    }

    fn piece(&self, at: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.at <= at).checked_sub(1)?;
        self.pieces.get(i)
    }

    fn push(&mut self, text: &str, source: &str, span: &Range<usize>, quoted: bool, code: bool) {
        let exact = source.get(span.clone()) == Some(text);
        // Inline code's span includes the backticks: point inside them.
        let start = if code && !exact {
            source
                .get(span.clone())
                .and_then(|s| s.find(text))
                .map_or(span.start, |i| span.start + i)
        } else {
            span.start
        };
        let exact = exact || (code && source.get(start..start + text.len()) == Some(text));
        self.pieces.push(Piece {
            at: self.text.len(),
            source: start,
            exact,
            quoted,
            code,
        });
        self.text.push_str(text);
    }
}

/// Splits a body into blocks of running text.
fn blocks(body: &str, settings: &PlainSettings) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    let (mut heading, mut links, mut lists, mut list_count, mut table, mut code_block) =
        (false, 0usize, 0usize, 0usize, false, false);
    let mut heading_text = String::new();
    let mut heading_level = 0u8;
    let mut skip_level: Option<u8> = None;
    let mut images = 0usize;
    for (event, span) in Parser::new_ext(body, crate::markdown::parser_options()).into_offset_iter()
    {
        match &event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut current, &mut out);
                heading = true;
                heading_text.clear();
                heading_level = *level as u8;
            }
            Event::End(TagEnd::Heading(_)) => {
                heading = false;
                let named = settings
                    .skip_headings
                    .iter()
                    .any(|h| h.trim().eq_ignore_ascii_case(heading_text.trim()));
                if named {
                    skip_level = Some(heading_level);
                } else if skip_level.is_some_and(|l| heading_level <= l) {
                    skip_level = None;
                }
            }
            Event::Start(Tag::Table(_)) => table = true,
            Event::End(TagEnd::Table) => table = false,
            Event::Start(Tag::CodeBlock(_)) => code_block = true,
            Event::End(TagEnd::CodeBlock) => code_block = false,
            Event::Start(Tag::List(_)) => {
                flush(&mut current, &mut out);
                if lists == 0 {
                    list_count += 1;
                }
                lists += 1;
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut current, &mut out);
                lists = lists.saturating_sub(1);
            }
            Event::Start(Tag::Paragraph | Tag::Item)
            | Event::End(TagEnd::Paragraph | TagEnd::Item) => flush(&mut current, &mut out),
            Event::Start(Tag::Link { .. }) => links += 1,
            Event::End(TagEnd::Link) => links = links.saturating_sub(1),
            Event::Start(Tag::Image { .. }) => images += 1,
            Event::End(TagEnd::Image) => images = images.saturating_sub(1),
            _ => {}
        }
        if heading {
            if let Event::Text(t) | Event::Code(t) = &event {
                heading_text.push_str(t);
            }
            continue;
        }
        if table || code_block || images > 0 {
            continue;
        }
        let (text, code): (&str, bool) = match &event {
            Event::Text(t) => (t, false),
            Event::Code(t) => (t, true),
            Event::SoftBreak | Event::HardBreak => (" ", false),
            _ => continue,
        };
        let block = current.get_or_insert_with(|| Block {
            list: (lists > 0).then_some(list_count),
            skipped: skip_level.is_some(),
            ..Block::default()
        });
        block.push(text, body, &span, links > 0 || code, code);
    }
    flush(&mut current, &mut out);
    out
}

/// Ends the block being gathered, keeping it if it holds any text.
fn flush(current: &mut Option<Block>, out: &mut Vec<Block>) {
    if let Some(b) = current.take() {
        if !b.text.trim().is_empty() {
            out.push(b);
        }
    }
}

/// A word of a block: its byte range in the block's text.
#[derive(Clone, Debug)]
struct Word {
    range: Range<usize>,
    /// Ends its sentence.
    last: bool,
}

/// Abbreviations whose full stop does not end a sentence (lowercase, without the stop).
const ABBREVIATIONS: &[&str] = &[
    "mis", "dll", "dsb", "dst", "dkk", "yth", "no", "nomor", "jl", "jln", "rp", "tel", "telp",
    "hlm", "kab", "kec", "kel", "prof", "dr", "ir", "pt", "cv", "e.g", "i.e", "etc", "mr", "mrs",
    "ms", "vs", "approx", "st", "tgl", "ps", "ayat", "psl", "u.p", "a.n", "s.d",
];

/// The words of a block, each marked where it ends a sentence.
fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut start = None;
    let push = |range: Range<usize>, out: &mut Vec<Word>| {
        let w = &text[range.clone()];
        if !w.chars().any(char::is_alphanumeric) {
            // A lone dash or bullet is no word, but its stop may still end a sentence.
            if let Some(prev) = out.last_mut() {
                prev.last |= ends_sentence(w);
            }
            return;
        }
        out.push(Word {
            last: ends_sentence(w),
            range,
        });
    };
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                push(s..i, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        push(s..text.len(), &mut out);
    }
    if let Some(w) = out.last_mut() {
        w.last = true;
    }
    out
}

/// Whether a word (with its punctuation) ends a sentence.
fn ends_sentence(word: &str) -> bool {
    let core = word.trim_end_matches(['"', '\'', ')', ']', '”', '’', '*', '_']);
    let Some(last) = core.chars().last() else {
        return false;
    };
    if matches!(last, '!' | '?' | '؟') {
        return true;
    }
    if last != '.' || core.ends_with("..") && !core.ends_with("...") {
        return false;
    }
    let stem = core
        .trim_end_matches('.')
        .trim_start_matches(['(', '"', '“', '\'']);
    let lower = stem.to_lowercase();
    // Initials (`A.`) and abbreviations (`mis.`, `No.`) do not end a sentence.
    let initial = stem.chars().count() == 1 && stem.chars().all(char::is_uppercase);
    !(initial || ABBREVIATIONS.contains(&lower.as_str()) || lower.contains('.') && lower.len() <= 5)
}

/// The sentences of a block: ranges of word indices.
fn sentences(words: &[Word]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        if w.last {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out
}

/// A word without the punctuation around it.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Words that start with `di` but are no passive verb (Indonesian).
const NOT_DI_VERBS: &[&str] = &[
    "dia",
    "diam",
    "dian",
    "diare",
    "dinas",
    "dini",
    "dinding",
    "diri",
    "dirinya",
    "digital",
    "diskon",
    "diskusi",
    "disabilitas",
    "disiplin",
    "diploma",
    "diplomat",
    "diplomatik",
    "direktorat",
    "direktur",
    "direksi",
    "dimensi",
    "distribusi",
    "diagnosis",
    "dialog",
    "diet",
    "dinamis",
    "diesel",
    "dinar",
    "diaspora",
    "dirham",
    "dimana",
    "disini",
    "disana",
    "disitu",
    "dimanapun",
    "disdukcapil",
    "disnaker",
    "diskominfo",
    "dinkes",
    "disabilitasnya",
    "dirjen",
    "ditjen",
    "dikbud",
    "diklat",
    "digitalisasi",
    "dirgahayu",
];

/// Words after which a `di-` verb is a relative or conditional clause, normal and clear in Indonesian.
const ID_CLAUSE_WORDS: &[&str] = &[
    "yang", "jika", "bila", "apabila", "kalau", "saat", "ketika", "sebelum", "setelah", "sesudah",
    "sampai", "hingga", "begitu", "agar", "supaya",
];

fn is_id_passive(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        let lower = w.to_lowercase();
        let verb = lower.len() >= 5
            && lower.starts_with("di")
            && lower.chars().all(|c| c.is_alphabetic() || c == '-')
            && !NOT_DI_VERBS.contains(&lower.as_str())
            // A capital inside the sentence is a name (`Direktorat`, `Dinas`).
            && !(i > 0 && w.chars().next().is_some_and(char::is_uppercase));
        let clause = words[i.saturating_sub(2)..i]
            .iter()
            .any(|p| ID_CLAUSE_WORDS.contains(&p.to_lowercase().as_str()));
        verb && !clause
    })
}

const EN_BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "am"];
const EN_BETWEEN: &[&str] = &[
    "not",
    "also",
    "usually",
    "then",
    "only",
    "always",
    "still",
    "now",
    "often",
    "normally",
    "automatically",
    "already",
    "never",
    "then",
    "first",
    "generally",
];
const EN_PARTICIPLES: &[&str] = &[
    "given",
    "taken",
    "made",
    "done",
    "seen",
    "known",
    "shown",
    "written",
    "paid",
    "sent",
    "held",
    "kept",
    "found",
    "told",
    "brought",
    "bought",
    "built",
    "left",
    "lost",
    "met",
    "put",
    "set",
    "sold",
    "spent",
    "stolen",
    "thrown",
    "understood",
    "chosen",
    "driven",
    "forgotten",
    "hidden",
    "spoken",
    "broken",
    "begun",
    "drawn",
    "forbidden",
    "forgiven",
    "laid",
    "led",
    "meant",
    "proven",
    "shut",
    "taught",
    "thought",
    "withdrawn",
    "caught",
    "cut",
    "heard",
    "hit",
    "let",
    "got",
    "gotten",
    "won",
];
/// Participles that mostly describe a state, not an action done to someone.
const EN_ADJECTIVES: &[&str] = &[
    "based",
    "located",
    "needed",
    "interested",
    "married",
    "tired",
    "concerned",
    "supposed",
    "used",
    "qualified",
    "pleased",
    "closed",
    "open",
    "valid",
    "limited",
    "detailed",
    "related",
];

fn is_en_passive(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        if !EN_BE.contains(&w.to_lowercase().as_str()) {
            return false;
        }
        let mut j = i + 1;
        while j < words.len()
            && j <= i + 2
            && EN_BETWEEN.contains(&words[j].to_lowercase().as_str())
        {
            j += 1;
        }
        words.get(j).is_some_and(|p| {
            let p = p.to_lowercase();
            !EN_ADJECTIVES.contains(&p.as_str())
                && ((p.len() > 4 && p.ends_with("ed")) || EN_PARTICIPLES.contains(&p.as_str()))
        })
    })
}

/// Whether a token is an acronym: two or more capitals and more capitals than small letters (`ITAS`,
/// `e-KTP`, `SP4N-LAPOR`), not a Roman numeral (`II`, `XII`) nor a letter number (`IMI-GR.01.01-0252`).
fn acronym(token: &str) -> Option<String> {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric());
    // A possessive (`TIMPORA's`) is the acronym.
    let t = t
        .strip_suffix("'s")
        .or_else(|| t.strip_suffix("’s"))
        .unwrap_or(t);
    // A plural (`VOAs`) is the acronym.
    let t = match t.strip_suffix('s') {
        Some(rest)
            if rest.chars().filter(|c| c.is_uppercase()).count() >= 2
                && !rest.chars().any(char::is_lowercase) =>
        {
            rest
        }
        _ => t,
    };
    let upper = t.chars().filter(|c| c.is_uppercase()).count();
    let lower = t.chars().filter(|c| c.is_lowercase()).count();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    if upper < 2 || lower >= upper || digits > upper || t.contains('.') {
        return None;
    }
    if t.chars().all(|c| "IVXLCDM".contains(c)) {
        return None;
    }
    Some(t.to_string())
}

/// Whether the acronym at word `i` is spelled out there: `ACR (Two words…)`, or inside brackets that hold
/// other words too (`Izin Tinggal Terbatas (ITAS)` counts by the words before it, `(…, ITAS)` by those
/// inside).
fn spelled_out(text: &str, words: &[Word], i: usize) -> bool {
    let w = &text[words[i].range.clone()];
    // `ACR (…)`: the next word opens brackets and at least two words follow before they close.
    if let Some(next) = words.get(i + 1) {
        if text[next.range.clone()].starts_with('(') {
            let inside = words[i + 1..]
                .iter()
                .take_while(|x| {
                    !text[x.range.start..x.range.end]
                        .trim_end_matches(['.', ',', ';', ':'])
                        .ends_with(')')
                })
                .count()
                + 1;
            if inside >= 2 {
                return true;
            }
        }
    }
    // `… (ACR)` or `(…, ACR)`.
    let closes = w.trim_end_matches(['.', ',', ';', ':']).ends_with(')');
    if w.starts_with('(') && closes {
        return i >= 2;
    }
    if closes {
        // Other words inside the brackets (`(…, ACR)`), or words before them that it names
        // (`guidance counsellors (guru BK)`).
        let mut k = i;
        while k > 0 {
            k -= 1;
            if text[words[k].range.clone()].starts_with('(') {
                return i - k >= 2 || k >= 2;
            }
        }
    }
    false
}

/// The plain-language findings of one body in language `lang` (a site language code).
pub fn check(
    body: &str,
    lang: &str,
    settings: &PlainSettings,
    glossary: &Glossary,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if !settings.enabled {
        return out;
    }
    let base = lang.split('-').next().unwrap_or(lang);
    let full_rules = matches!(base, "id" | "en");
    let blocks = blocks(body, settings);
    // Acronyms: the first use on the page decides.
    let mut seen: BTreeSet<String> = BTreeSet::new();
    // Passages for the passive rule: (sentences, passive ones, where it starts).
    let mut passages: Vec<(Option<usize>, usize, usize, Range<usize>)> = Vec::new();
    for block in &blocks {
        let ws = words(&block.text);
        let sents = sentences(&ws);
        if !block.skipped {
            for s in &sents {
                let n = s.len();
                if n > settings.sentence_words {
                    let at = block.source(ws[s.start].range.start);
                    let end = block.source(ws[s.start].range.end).max(at);
                    out.push(Finding {
                        code: codes::LONG_SENTENCE,
                        span: at..end,
                        message: msg!(
                            "plain-long-sentence",
                            words = n,
                            limit = settings.sentence_words
                        ),
                        hint: msg!("hint-plain-long-sentence"),
                    });
                }
            }
            plain_words(block, lang, settings, &mut out);
        }
        if full_rules && !block.skipped {
            for (i, w) in ws.iter().enumerate() {
                let Some(piece) = block.piece(w.range.start) else {
                    continue;
                };
                if piece.quoted {
                    continue;
                }
                let Some(acr) = acronym(&block.text[w.range.clone()]) else {
                    continue;
                };
                if !seen.insert(acr.clone()) {
                    continue;
                }
                if glossary.knows(&acr) || spelled_out(&block.text, &ws, i) {
                    continue;
                }
                let token = bare(&block.text[w.range.clone()]);
                let offset = block.text[w.range.clone()].find(token).unwrap_or(0);
                let at = block.source(w.range.start + offset);
                out.push(Finding {
                    code: codes::UNEXPLAINED_ACRONYM,
                    span: at..at + if piece.exact { token.len() } else { 0 },
                    message: msg!("plain-unexplained-acronym", acronym = &acr),
                    hint: msg!("hint-plain-unexplained-acronym", acronym = &acr),
                });
            }
            {
                let passive = sents
                    .iter()
                    .filter(|s| {
                        let sw: Vec<&str> = ws[(*s).clone()]
                            .iter()
                            .map(|w| bare(&block.text[w.range.clone()]))
                            .collect();
                        if base == "id" {
                            is_id_passive(&sw)
                        } else {
                            is_en_passive(&sw)
                        }
                    })
                    .count();
                let at = ws.first().map_or(0..0, |w| {
                    block.source(w.range.start)..block.source(w.range.end)
                });
                match (block.list, passages.last_mut()) {
                    (Some(l), Some(p)) if p.0 == Some(l) => {
                        p.1 += sents.len();
                        p.2 += passive;
                    }
                    _ => passages.push((block.list, sents.len(), passive, at)),
                }
            }
        }
    }
    for (_, total, passive, at) in passages {
        #[allow(clippy::cast_precision_loss)] // counts of sentences are small
        let share = passive as f64 / total.max(1) as f64;
        if total >= 2 && share > settings.passive_share {
            out.push(Finding {
                code: codes::PASSIVE_PARAGRAPH,
                span: at,
                message: msg!("plain-passive-paragraph", passive = passive, total = total),
                hint: if base == "id" {
                    msg!("hint-plain-passive-id")
                } else {
                    msg!("hint-plain-passive-en")
                },
            });
        }
    }
    // Never a span a caller cannot slice: a run the parser rewrote (escapes, entities) points at its start.
    for f in &mut out {
        if body.get(f.span.clone()).is_none() {
            let start = f.span.start.min(body.len());
            let start = (0..=start)
                .rev()
                .find(|&i| body.is_char_boundary(i))
                .unwrap_or(0);
            f.span = start..start;
        }
    }
    out.sort_by_key(|f| f.span.start);
    out
}

/// Every use of a word of `plain_words` that applies to `lang`.
fn plain_words(block: &Block, lang: &str, settings: &PlainSettings, out: &mut Vec<Finding>) {
    for pw in settings
        .plain_words
        .iter()
        .filter(|w| w.lang.as_deref().is_none_or(|l| l == lang))
    {
        let mut from = 0;
        while let Some((s, e)) = block
            .text
            .get(from..)
            .and_then(|rest| crate::markdown::find_word(rest, &pw.word))
        {
            let (s, e) = (from + s, from + e);
            from = e;
            if block.piece(s).is_some_and(|p| p.code) || glossed(&block.text[..s], &pw.instead) {
                continue;
            }
            let at = block.source(s);
            let exact = block.piece(s).is_some_and(|p| p.exact);
            out.push(Finding {
                code: codes::PLAIN_WORD,
                span: at..if exact { at + (e - s) } else { at },
                message: msg!("plain-word", word = &block.text[s..e]),
                hint: msg!("hint-plain-word", instead = &pw.instead),
            });
        }
    }
}

/// Whether the text before a plain word ends with its plainer word and an opening bracket: the official
/// word quoted after the plain one, `biaya tambahan resmi (biaya beban)`, tells readers the word officers
/// and receipts use.
fn glossed(before: &str, instead: &str) -> bool {
    let Some(open) = before.trim_end().strip_suffix('(') else {
        return false;
    };
    let open = open.trim_end().to_lowercase();
    open.ends_with(&instead.trim().to_lowercase())
}

/// Counts per page of the plain-language warnings, for `check --format json`: file → code → count.
pub fn summary(
    diags: &[crate::diagnostics::Diagnostic],
) -> BTreeMap<String, BTreeMap<&'static str, usize>> {
    let mut pages: BTreeMap<String, BTreeMap<&'static str, usize>> = BTreeMap::new();
    for d in diags.iter().filter(|d| CODES.contains(&d.code)) {
        let Some(file) = &d.file else { continue };
        *pages
            .entry(file.clone())
            .or_default()
            .entry(d.code)
            .or_default() += 1;
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> PlainSettings {
        PlainSettings {
            plain_words: vec![crate::config::PlainWord {
                lang: Some("id".into()),
                word: "kode billing".into(),
                instead: "kode pembayaran".into(),
            }],
            skip_headings: vec!["Dasar hukum".into()],
            ..PlainSettings::default()
        }
    }

    fn codes_at(body: &str, lang: &str) -> Vec<(&'static str, String)> {
        check(body, lang, &settings(), &Glossary::default())
            .into_iter()
            .map(|f| (f.code, body[f.span.clone()].to_string()))
            .collect()
    }

    #[test]
    fn long_sentences_are_found_where_they_start() {
        let long = "Pemohon datang ke kantor imigrasi dengan membawa paspor lama, kartu tanda penduduk, kartu keluarga, akta kelahiran, buku nikah atau ijazah, lalu mengambil nomor antrean dan menunggu panggilan petugas.";
        let body = format!("Kalimat pendek. {long}\n\n## Dasar hukum\n\n{long}\n");
        assert_eq!(
            codes_at(&body, "id"),
            [(codes::LONG_SENTENCE, "Pemohon".to_string())]
        );
        // Abbreviations do not end a sentence; `mis.` keeps the sentence going.
        assert_eq!(
            words("Bawa dokumen, mis. paspor. Lalu datang.")
                .iter()
                .filter(|w| w.last)
                .count(),
            2
        );
    }

    #[test]
    fn acronyms_need_the_glossary_or_a_spelled_out_first_use() {
        let body = "Bayar PNBP di bank. Izin Tinggal Terbatas (ITAS) berlaku. KITAS (Kartu Izin Tinggal Terbatas) juga. Kelas II. Kode `SPRI` dan [IMK](x.md). Guru (guru BK), TIMPORA's.\n";
        assert_eq!(
            codes_at(body, "id"),
            [
                (codes::UNEXPLAINED_ACRONYM, "PNBP".to_string()),
                (codes::UNEXPLAINED_ACRONYM, "TIMPORA's".to_string())
            ]
        );
        let glossary = crate::data::glossary::Glossary {
            entries: vec![crate::data::glossary::Term {
                term: "PNBP".into(),
                id: "term-pnbp".into(),
                text: Default::default(),
                link: None,
                aliases: vec![],
            }],
        };
        let left = check(body, "id", &settings(), &glossary);
        assert_eq!(left.len(), 1, "{left:?}");
        assert_eq!(&body[left[0].span.clone()], "TIMPORA's");
        // Arabic pages are not checked for acronyms.
        assert!(codes_at(body, "ar").is_empty());
    }

    #[test]
    fn passive_paragraphs_in_indonesian_and_english() {
        let id = "Berkas diperiksa petugas. Paspor dicetak besok. Anda datang lagi.\n\nDia tinggal di Metro. Dinas membuka loket.\n\nJumlah yang harus dibayar tertera di kode. Jika diminta, Anda datang.\n";
        assert_eq!(
            codes_at(id, "id"),
            [(codes::PASSIVE_PARAGRAPH, "Berkas".to_string())]
        );
        let en = "Your papers are checked. The passport is printed the next day. You come back.\n\nThe office is located in Metro. It is open daily.\n";
        let found = check(en, "en", &settings(), &Glossary::default());
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].code, codes::PASSIVE_PARAGRAPH);
    }

    #[test]
    fn plain_words_apply_to_their_language_and_not_to_code() {
        let body = "Simpan Kode Billing Anda. Lalu `kode billing` di sini, kode pembayaran (kode billing).\n";
        assert_eq!(
            codes_at(body, "id"),
            [(codes::PLAIN_WORD, "Kode Billing".to_string())]
        );
        assert!(codes_at(body, "en").is_empty());
    }

    #[test]
    fn spans_stay_on_char_boundaries_with_escapes_and_non_ascii() {
        let body = "Café \\* é PNBP — «ITAS» &amp; ÜÜ.\n";
        for f in check(body, "id", &settings(), &Glossary::default()) {
            assert!(body.get(f.span.clone()).is_some(), "{f:?}");
        }
    }
}
