//! Resolving internal links: a relative `.md` path (with an optional `#anchor`) written in one file becomes
//! the page or section it names, or a located error saying what is wrong and what to write instead.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::site::{LinkIndex, Page, ResolvedLink, Section, Target};
use crate::diagnostics::{codes, did_you_mean, Diagnostic};
use crate::markdown::{Heading, InternalLink};
use crate::msg;

/// One file's internal links, still to be resolved, and the body the resolved ones belong to.
pub(super) struct Unresolved {
    pub owner: Target,
    pub lang: usize,
    pub file: String,
    /// Byte offset of the body in its file (link spans are relative to it).
    pub body_offset: usize,
    pub links: Vec<InternalLink>,
}

/// Stores resolved links in the bodies they were written in, copying a shared page only when its links
/// changed (after an edit, most files' links resolve as before).
pub(super) fn store_links(
    pending: &[Unresolved],
    resolved: Vec<Vec<ResolvedLink>>,
    pages: &mut [Arc<Page>],
    sections: &mut [Section],
) {
    for (u, links) in pending.iter().zip(resolved) {
        let current = match u.owner {
            Target::Page(pi) => pages[pi].variants[u.lang].as_ref().map(|v| &v.body),
            Target::Section(si) => sections[si].variants[u.lang].as_ref().map(|v| &v.body),
        };
        if current.is_none_or(|b| same_links(&b.links, &links)) {
            continue;
        }
        let body = match u.owner {
            Target::Page(pi) => Arc::make_mut(&mut pages[pi]).variants[u.lang]
                .as_mut()
                .map(|v| &mut v.body),
            Target::Section(si) => sections[si].variants[u.lang].as_mut().map(|v| &mut v.body),
        };
        if let Some(body) = body {
            body.links = links;
        }
    }
}

/// Whether two lists of resolved links point at the same places.
fn same_links(a: &[ResolvedLink], b: &[ResolvedLink]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.target == y.target && x.lang == y.lang && x.anchor == y.anchor)
}

/// Heading ids per (target, language) of a link.
type AnchorSets<'a> = HashMap<(Target, Option<usize>), std::collections::HashSet<&'a str>>;

/// Resolves internal links against a site's pages and sections.
pub(super) struct Resolver<'a> {
    pub(super) index: &'a LinkIndex,
    pub(super) pages: &'a [Arc<Page>],
    pub(super) sections: &'a [Section],
    /// Heading ids per link target, built on first use.
    pub(super) anchors: std::cell::RefCell<AnchorSets<'a>>,
}

impl<'a> Resolver<'a> {
    /// Resolves the links of every file in `pending`, in order.
    pub(super) fn resolve_pending(
        &self,
        pending: &[Unresolved],
        diags: &mut Vec<Diagnostic>,
    ) -> Vec<Vec<ResolvedLink>> {
        pending
            .iter()
            .map(|u| self.resolve_all(&u.file, u.body_offset, &u.links, diags))
            .collect()
    }

    pub(super) fn resolve_all(
        &self,
        file: &str,
        body_offset: usize,
        links: &[InternalLink],
        diags: &mut Vec<Diagnostic>,
    ) -> Vec<ResolvedLink> {
        links
            .iter()
            .map(|link| {
                let span = body_offset + link.span.start..body_offset + link.span.end;
                match self.resolve(file, link, span, diags) {
                    Some(r) => r,
                    // Broken links render as `#` in the (failed) build; the error stops it anyway.
                    None => ResolvedLink {
                        target: Target::Section(0),
                        lang: None,
                        anchor: None,
                    },
                }
            })
            .collect()
    }

    fn resolve(
        &self,
        file: &str,
        link: &InternalLink,
        span: Range<usize>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<ResolvedLink> {
        let base_dir = file.strip_prefix("content/").unwrap_or(file);
        let base_dir = base_dir.rsplit_once('/').map_or("", |(d, _)| d);
        let decoded = crate::percent::decode_lossy(&link.path);
        let Some(target_path) = join_relative(base_dir, &decoded) else {
            diags.push(
                Diagnostic::error(codes::LINK_ESCAPE, msg!("link-escape", link = &link.path))
                    .at(file, span)
                    .with_hint(msg!("hint-link-escape")),
            );
            return None;
        };
        let Some(&(target, lang)) = self.index.files.get(&target_path) else {
            let full = format!("content/{target_path}");
            if self.index.drafts.contains(&full) {
                diags.push(
                    Diagnostic::error(
                        codes::LINK_TO_DRAFT,
                        msg!("link-to-draft", link = &link.path),
                    )
                    .at(file, span)
                    .with_hint(msg!("hint-link-to-draft")),
                );
                return None;
            }
            let hint = match did_you_mean(&target_path, self.index.files.keys().map(String::as_str))
            {
                Some(s) => msg!(
                    "hint-broken-link-near",
                    path = format!("content/{target_path}"),
                    suggestion = relative_from(base_dir, s)
                ),
                None => msg!("hint-broken-link", path = format!("content/{target_path}")),
            };
            diags.push(
                Diagnostic::error(codes::BROKEN_LINK, msg!("broken-link", link = &link.path))
                    .at(file, span)
                    .with_hint(hint),
            );
            return None;
        };
        if let Some(anchor) = &link.anchor {
            if !anchor.is_empty() && !self.has_anchor(target, lang, anchor) {
                let headings = self.headings(target, lang);
                let hint = match did_you_mean(anchor, headings.iter().map(|h| h.id.as_str())) {
                    Some(s) => msg!("hint-did-you-mean", suggestion = format!("#{s}")),
                    None if headings.is_empty() => msg!("hint-no-headings"),
                    None => msg!(
                        "hint-headings-there",
                        headings = headings
                            .iter()
                            .map(|h| format!("#{}", h.id))
                            .take(8)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                diags.push(
                    Diagnostic::error(
                        codes::BROKEN_ANCHOR,
                        msg!("broken-anchor", anchor = anchor, link = &link.path),
                    )
                    .at(file, span)
                    .with_hint(hint),
                );
                return None;
            }
        }
        Some(ResolvedLink {
            target,
            lang,
            anchor: link.anchor.clone(),
        })
    }

    /// Headings of the default version of a target (anchors are checked there; ids may differ per language
    /// only when headings are translated, which explicit `{#id}` avoids).
    fn headings(&self, target: Target, lang: Option<usize>) -> &'a [Heading] {
        let (pages, sections) = (self.pages, self.sections);
        match target {
            Target::Page(i) => &pages[i].shown(lang.unwrap_or(0)).0.body.headings,
            Target::Section(i) => &sections[i].shown(lang.unwrap_or(0)).0.body.headings,
        }
    }

    /// Whether `anchor` is a heading id of the target. The ids of each target are hashed once, so a page
    /// with many anchored links to a page with many headings stays linear.
    fn has_anchor(&self, target: Target, lang: Option<usize>, anchor: &str) -> bool {
        let mut cache = self.anchors.borrow_mut();
        cache
            .entry((target, lang))
            .or_insert_with(|| {
                self.headings(target, lang)
                    .iter()
                    .map(|h| h.id.as_str())
                    .collect()
            })
            .contains(anchor)
    }
}

/// Joins a relative link to the folder it was written in; `None` if it climbs out of `content/`.
pub(super) fn join_relative(base_dir: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = if link.starts_with('/') {
        Vec::new()
    } else {
        base_dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in link.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// The relative path from folder `base_dir` to file `target` (both relative to `content/`).
pub(super) fn relative_from(base_dir: &str, target: &str) -> String {
    let base: Vec<&str> = base_dir.split('/').filter(|s| !s.is_empty()).collect();
    let target_parts: Vec<&str> = target.split('/').collect();
    let (target_dirs, file) = target_parts.split_at(target_parts.len().saturating_sub(1));
    let common = base
        .iter()
        .zip(target_dirs)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = "../".repeat(base.len() - common);
    for d in &target_dirs[common..] {
        out.push_str(d);
        out.push('/');
    }
    out.push_str(file.first().copied().unwrap_or_default());
    out
}
