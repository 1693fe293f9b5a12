//! Templates named in front matter (`template:`) must exist in the theme: checked after linking, so the
//! error points at the `template:` value of the file that names one.

use crate::content::{self, site};
use crate::diagnostics::{codes, Diagnostic, Sources};
use crate::msg;
use crate::theme::Theme;

/// A page or section may only name a template that exists; the error points at the `template:` value.
pub(super) fn validate_templates(
    site: &site::Site,
    theme: &Theme,
    sources: &Sources,
) -> Vec<Diagnostic> {
    let pages = site
        .pages
        .iter()
        .flat_map(|p| p.variants.iter().flatten())
        .map(|v| (v.file.as_str(), &v.front.template));
    let sections = site
        .sections
        .iter()
        .flat_map(|s| s.variants.iter().flatten())
        .filter_map(|v| Some((v.file.as_deref()?, &v.front.template)));
    check_templates(pages.chain(sections), theme, sources)
}

/// [`validate_templates`] for some files: (file, the template its front matter names).
pub(super) fn check_templates<'a>(
    files: impl Iterator<Item = (&'a str, &'a Option<String>)>,
    theme: &Theme,
    sources: &Sources,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (file, name) in files {
        let Some(name) = name else { continue };
        if theme.has_template(name) {
            continue;
        }
        let text = sources.get(file).unwrap_or_default();
        let span = content::front_matter::split(file, &text)
            .map(|s| {
                let doc = crate::yaml::Doc {
                    file,
                    text: s.front,
                    offset: s.front_offset,
                };
                let r = doc.value_span_of(&["template"]);
                r.start + s.front_offset..r.end + s.front_offset
            })
            .unwrap_or(0..0);
        diags.push(
            Diagnostic::error(
                codes::MISSING_TEMPLATE,
                msg!("missing-template", name = name),
            )
            .at(file, span)
            .with_hint(crate::theme::template_hint(theme, name)),
        );
    }
    diags
}
