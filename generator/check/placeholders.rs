//! Placeholders left in facts readers rely on: a contact value (in `site.yaml`, a section or a page), an
//! event's place, a fee's note or a source that contains one of `placeholders:` of `site.yaml` (by default `000-0000`, `example`,
//! `TODO`, `ganti`), ignoring case. Each is a warning at the value itself; leaflets that would print one carry
//! a "sample" band ([`crate::render::leaflets`]).

use crate::config::{Contact, FILE_NAME};
use crate::content::front_matter::split;
use crate::content::site::Site;
use crate::diagnostics::{codes, Diagnostic, Message, Sources};
use crate::msg;
use crate::yaml::Doc;

/// Every placeholder in the site's contact details, fee notes and sources.
pub fn warnings(site: &Site, sources: &Sources) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    if let Some(text) = sources.get(FILE_NAME) {
        let doc = Doc {
            file: FILE_NAME,
            text: &text,
            offset: 0,
        };
        contact(site, &doc, &site.config.contact, &mut diags);
    }
    for section in &site.sections {
        for v in section.variants.iter().flatten() {
            let (Some(file), Some(c)) = (&v.file, &v.front.contact) else {
                continue;
            };
            with_front(sources, file, |doc| contact(site, doc, c, &mut diags));
        }
    }
    for page in &site.pages {
        for v in page.variants.iter().flatten() {
            let front = &v.front;
            let notes: Vec<&str> = front
                .fees
                .iter()
                .filter_map(|f| f.note.as_deref())
                .collect();
            let has_any = front.contact.is_some()
                || !notes.is_empty()
                || !front.sources.is_empty()
                || front.event.is_some();
            if !has_any {
                continue;
            }
            with_front(sources, &v.file, |doc| {
                if let Some(c) = &front.contact {
                    contact(site, doc, c, &mut diags);
                }
                // An event's place: a venue not yet booked is written as an example.
                if let Some(event) = &front.event {
                    for (key, value) in [("location", &event.location), ("address", &event.address)]
                    {
                        let Some(value) = value else { continue };
                        if let Some(p) = site.config.placeholder_in(value) {
                            let span = doc.value_text_span(&["event", key], value);
                            diags.push(warning(
                                doc,
                                span,
                                p,
                                msg!("placeholder-in-event", key = key),
                                value,
                            ));
                        }
                    }
                }
                let spans = doc.values_in_block("fees", "note");
                for (i, note) in notes.iter().enumerate() {
                    if let Some(p) = site.config.placeholder_in(note) {
                        let span = spans
                            .get(i)
                            .cloned()
                            .unwrap_or_else(|| doc.span_of(&["fees"]));
                        diags.push(warning(doc, span, p, msg!("placeholder-in-fee-note"), note));
                    }
                }
                let mut from = 0;
                for src in &front.sources {
                    for text in std::iter::once(src.title.as_str()).chain(src.url.as_deref()) {
                        let found = doc.find_in_block("sources", text, from);
                        if let Some(span) = &found {
                            from = span.end;
                        }
                        if let Some(p) = site.config.placeholder_in(text) {
                            let span = found.unwrap_or_else(|| doc.span_of(&["sources"]));
                            diags.push(warning(doc, span, p, msg!("placeholder-in-source"), text));
                        }
                    }
                }
            });
        }
    }
    diags
}

/// Calls `f` with the front matter of `file` as a YAML document, when its text is at hand.
fn with_front(sources: &Sources, file: &str, f: impl FnOnce(&Doc)) {
    let Some(text) = sources.get(file) else {
        return;
    };
    let Ok(split) = split(file, &text) else {
        return;
    };
    f(&Doc {
        file,
        text: split.front,
        offset: split.front_offset,
    });
}

/// The placeholders in one `contact:` block written in `doc`.
fn contact(site: &Site, doc: &Doc, c: &Contact, diags: &mut Vec<Diagnostic>) {
    for (key, value) in [
        ("office", &c.office),
        ("address", &c.address),
        ("phone", &c.phone),
        ("whatsapp", &c.whatsapp),
        ("email", &c.email),
        ("hours", &c.hours),
    ] {
        let Some(value) = value else { continue };
        if let Some(p) = site.config.placeholder_in(value) {
            let span = doc.value_text_span(&["contact", key], value);
            diags.push(warning(
                doc,
                span,
                p,
                msg!("placeholder-in-contact", key = key),
                value,
            ));
        }
    }
}

fn warning(
    doc: &Doc,
    span: std::ops::Range<usize>,
    placeholder: &str,
    what: Message,
    value: &str,
) -> Diagnostic {
    Diagnostic::warning(
        codes::PLACEHOLDER,
        msg!(
            "placeholder",
            placeholder = placeholder,
            what = what,
            value = value
        ),
    )
    .at(doc.file, doc.offset + span.start..doc.offset + span.end)
    .with_hint(msg!("hint-placeholder"))
}
