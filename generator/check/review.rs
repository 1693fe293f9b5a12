//! Procedures due for review: a guide with fees, requirements, steps or an event that is still ahead must say
//! when someone last checked it against its sources (`reviewed:`), and that check must be more recent than
//! `review.months` of `site.yaml` (a section's `review_months` overrides it).
//!
//! As with missing translations, the findings come out two ways: one warning per page version for
//! `--format json` (`not-reviewed`, `review-overdue`), and one grouped table per language for the terminal.

use std::fmt::Write as _;

use crate::content::site::{Page, PageVariant, Site};
use crate::diagnostics::{codes, Diagnostic, Sources};
use crate::msg;

/// Whether a diagnostic is one the review table summarises.
pub fn is_summarised(d: &Diagnostic) -> bool {
    matches!(d.code, codes::NOT_REVIEWED | codes::REVIEW_OVERDUE)
}

/// One page version due for review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    /// The content path as editors see it (`paspor/paspor-baru`).
    pub page: String,
    pub file: String,
    /// The last review, if there was one (then it is overdue).
    pub reviewed: Option<jiff::civil::Date>,
    /// The months allowed between reviews for this page.
    pub months: u32,
}

/// What each language has to review, in site language order (languages with nothing due are left out).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Review {
    pub languages: Vec<(String, Vec<Due>)>,
}

impl Review {
    pub fn is_empty(&self) -> bool {
        self.languages.is_empty()
    }
}

/// A page a reader acts on: it lists fees, requirements or steps, or announces an event not over yet.
pub fn is_procedure(site: &Site, v: &PageVariant) -> bool {
    let event_ahead = v.event.as_ref().is_some_and(|e| {
        let end = e.end.as_ref().unwrap_or(&e.start);
        end.date() >= site.now.date()
    });
    !v.front.fees.is_empty()
        || !v.front.requirements.is_empty()
        || !v.steps.is_empty()
        || event_ahead
}

/// The months allowed between reviews: the nearest section's `review_months`, else `review.months`.
fn months_for(site: &Site, page: &Page, lang: usize) -> u32 {
    let mut section = Some(page.section);
    while let Some(si) = section {
        let s = &site.sections[si];
        let months = s.variants[lang]
            .as_ref()
            .and_then(|v| v.front.review_months)
            .or_else(|| s.shown(0).0.front.review_months);
        if let Some(m) = months {
            return m;
        }
        section = s.parent;
    }
    site.config.review_months
}

/// Every page version due for review on the site's "now".
pub fn find(site: &Site) -> Review {
    let today = site.now.date();
    let mut languages = Vec::new();
    for (lang, language) in site.config.languages.iter().enumerate() {
        let mut due = Vec::new();
        for page in &site.pages {
            let Some(v) = &page.variants[lang] else {
                continue;
            };
            if !is_procedure(site, v) {
                continue;
            }
            let months = months_for(site, page, lang);
            let reviewed = v.front.reviewed.map(|d| d.0);
            let overdue = reviewed.is_none_or(|r| {
                r.checked_add(jiff::Span::new().months(i64::from(months)))
                    .is_ok_and(|until| until < today)
            });
            if overdue {
                due.push(Due {
                    page: super::translations::content_path(&v.file),
                    file: v.file.clone(),
                    reviewed,
                    months,
                });
            }
        }
        if !due.is_empty() {
            due.sort_by(|a, b| a.page.cmp(&b.page));
            languages.push((language.code.clone(), due));
        }
    }
    Review { languages }
}

/// One warning per page version due for review, at its `reviewed:` date (or its title when it has none).
pub fn warnings(review: &Review, sources: &Sources) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (_, due) in &review.languages {
        for d in due {
            let diag = match d.reviewed {
                None => Diagnostic::warning(codes::NOT_REVIEWED, msg!("not-reviewed"))
                    .at(&d.file, super::front_key_span(sources, &d.file, "title"))
                    .with_hint(msg!("hint-not-reviewed")),
                Some(date) => Diagnostic::warning(
                    codes::REVIEW_OVERDUE,
                    msg!("review-overdue", date = date.to_string(), months = d.months),
                )
                .at(
                    &d.file,
                    super::front_value_span(sources, &d.file, "reviewed"),
                )
                .with_hint(msg!("hint-review-overdue")),
            };
            diags.push(diag);
        }
    }
    diags
}

/// The grouped summary for the terminal:
///
/// ```text
/// Guides to review
///   id   2 never reviewed, 1 overdue
///       never reviewed:  paspor/baru, visa/kunjungan
///       overdue:         layanan/paspor-anak (2025-01-05)
/// ```
pub fn table(review: &Review, color: bool) -> String {
    if review.is_empty() {
        return String::new();
    }
    let bold = |s: &str| super::translations::bold(s, color);
    let mut out = String::new();
    let _ = writeln!(out, "{}", bold(&msg!("table-review").show()));
    for (code, due) in &review.languages {
        let never: Vec<String> = due
            .iter()
            .filter(|d| d.reviewed.is_none())
            .map(|d| d.page.clone())
            .collect();
        let overdue: Vec<String> = due
            .iter()
            .filter_map(|d| Some(format!("{} ({})", d.page, d.reviewed?)))
            .collect();
        let mut summary = Vec::new();
        if !never.is_empty() {
            summary.push(msg!("table-never-reviewed", count = never.len()).show());
        }
        if !overdue.is_empty() {
            summary.push(msg!("table-overdue", count = overdue.len()).show());
        }
        let _ = writeln!(
            out,
            "  {}  {}",
            bold(&format!("{code:<3}")),
            summary.join(", ")
        );
        // The labels are padded to one width, so the two lists start in one column in either language.
        let labels = [
            msg!("table-never-reviewed-label").show(),
            msg!("table-overdue-label").show(),
        ];
        let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 2;
        for (label, list) in labels.iter().zip([never, overdue]) {
            if list.is_empty() {
                continue;
            }
            let head = format!("      {:<width$}", format!("{label}:"));
            let indent = " ".repeat(head.chars().count());
            let (lines, left) = super::translations::wrap(&list, &head, &indent, 6);
            out.push_str(&lines);
            if left > 0 {
                let _ = writeln!(out, "{indent}{}", msg!("table-more", count = left));
            }
        }
    }
    let _ = writeln!(out, "{}", msg!("table-review-footer"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_groups_never_reviewed_and_overdue_pages() {
        let due = |page: &str, reviewed: Option<jiff::civil::Date>| Due {
            page: page.into(),
            file: format!("content/{page}.md"),
            reviewed,
            months: 12,
        };
        let review = Review {
            languages: vec![(
                "id".into(),
                vec![
                    due("paspor/baru", None),
                    due("visa/kunjungan", Some(jiff::civil::date(2025, 1, 5))),
                ],
            )],
        };
        let text = table(&review, false);
        assert!(text.contains("id   1 never reviewed, 1 overdue"), "{text}");
        assert!(text.contains("never reviewed: paspor/baru\n"), "{text}");
        assert!(text.contains("visa/kunjungan (2025-01-05)"), "{text}");
        assert_eq!(table(&Review::default(), false), "");
    }
}
