//! The link step for edits of existing page files that leave the site's structure as it was (`serve`, after
//! most saves): only the edited pages are linked again, over the last site, with the phases of
//! [`super::link`] — the same version building, link resolution, listing order and tag collection — applied
//! to what the edit reaches; everything else is shared with the last site.

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use super::link::{page_paths, page_variant, LinkOptions};
use super::order::{collect_tags, sort_listings};
use super::resolve::{store_links, Resolver, Unresolved};
use super::site::{ResolvedLink, Site, Target};
use super::Loaded;
use crate::diagnostics::Diagnostic;

/// Why [`relink`] cannot update a site for an edit: the edit changes the site's structure (its pages,
/// translations, URLs or set of tags) or a section file, which only a full [`super::link()`] handles.
#[derive(Debug, PartialEq, Eq)]
pub struct Structural;

/// A site updated by [`relink`].
pub struct Relinked {
    pub site: Site,
    /// The pages whose files changed, by index (the same in the old site and the new one).
    pub pages: Vec<usize>,
    /// Problems in the changed files, and in other files' links to anchors of the changed pages.
    pub diagnostics: Vec<Diagnostic>,
}

/// Links the edited page files again over `old`. The result is the site [`super::link()`] gives for all
/// files, so `serve` can afford it after every save of a large site.
///
/// `old` must have linked without errors, with the same configuration, strings and options; `changed` are the
/// edited files' new load results, and `loaded_of` gives any file's load result (for re-checking the links
/// of files that point at headings of the edited pages). The diagnostics are those of the changed files and
/// those links; the caller keeps the other files' diagnostics of the run that linked `old`.
pub fn relink(
    old: &Site,
    changed: Vec<Arc<Loaded>>,
    options: LinkOptions,
    loaded_of: &dyn Fn(&str) -> Option<Arc<Loaded>>,
) -> Result<Relinked, Structural> {
    let config = &old.config;
    let mut diags = Vec::new();
    let mut pages = old.pages.clone();
    // The edited versions, as the phase that builds pages makes them.
    let mut pending: Vec<Unresolved> = Vec::new();
    for l in changed {
        let Loaded::Page(f) = Arc::try_unwrap(l).unwrap_or_else(|l| Loaded::clone(&l)) else {
            return Err(Structural);
        };
        if f.front.draft && !options.drafts {
            // A draft that stays a draft is no part of the site; one that was published leaves it.
            if old.links.drafts.contains(&f.file) {
                continue;
            }
            return Err(Structural);
        }
        let Ok(pi) = pages.binary_search_by(|p| p.key.as_str().cmp(&f.key)) else {
            return Err(Structural);
        };
        let lang = f.lang;
        let same_file = pages[pi].variants[lang]
            .as_ref()
            .is_some_and(|v| v.file == f.file);
        if !same_file || pages[pi].bundle_dir.is_some() != f.bundle {
            return Err(Structural);
        }
        let (variant, links) = page_variant(*f, config, options.now.date(), &mut diags);
        pending.push(Unresolved {
            owner: Target::Page(pi),
            lang,
            file: variant.file.clone(),
            body_offset: variant.body.offset,
            links,
        });
        // Copies the page the first time (the old site keeps its own).
        let page = Arc::make_mut(&mut pages[pi]);
        page.variants[lang] = Some(variant);
        let paths = page_paths(
            config,
            &old.sections[page.section].dir,
            &page.variants,
            page.fallback,
        );
        if paths != page.paths {
            return Err(Structural);
        }
    }
    let mut touched: Vec<usize> = pending
        .iter()
        .filter_map(|u| match u.owner {
            Target::Page(pi) => Some(pi),
            Target::Section(_) => None,
        })
        .collect();
    touched.sort_unstable();
    touched.dedup();
    let edited: HashSet<String> = pending.iter().map(|u| u.file.clone()).collect();
    let mut languages: Vec<usize> = pending.iter().map(|u| u.lang).collect();
    languages.sort_unstable();
    languages.dedup();

    // Other files' links to headings of the edited pages are resolved again: a heading may be gone.
    let into_edited = |links: &[ResolvedLink]| {
        links.iter().any(|l| {
            l.anchor.as_ref().is_some_and(|a| !a.is_empty())
                && matches!(l.target, Target::Page(t) if touched.binary_search(&t).is_ok())
        })
    };
    let mut recheck: Vec<(Target, usize, &str)> = Vec::new();
    for (pi, p) in old.pages.iter().enumerate() {
        for v in p.variants.iter().flatten() {
            // The cheap test first: this runs over every page of the site.
            if into_edited(&v.body.links) && !edited.contains(&v.file) {
                recheck.push((Target::Page(pi), v.lang, &v.file));
            }
        }
    }
    for (si, s) in old.sections.iter().enumerate() {
        for (lang, v) in s.variants.iter().enumerate() {
            let Some(v) = v else { continue };
            if let Some(file) = &v.file {
                if into_edited(&v.body.links) {
                    recheck.push((Target::Section(si), lang, file));
                }
            }
        }
    }
    for (owner, lang, file) in recheck {
        let (body_offset, links) = match loaded_of(file).as_deref() {
            Some(Loaded::Page(p)) => (p.body_offset, p.body.links.clone()),
            Some(Loaded::Section(s)) => (s.body_offset, s.body.links.clone()),
            None => return Err(Structural),
        };
        pending.push(Unresolved {
            owner,
            lang,
            file: file.to_string(),
            body_offset,
            links,
        });
    }

    let resolver = Resolver {
        index: &old.links,
        pages: &pages,
        sections: &old.sections,
        anchors: Default::default(),
    };
    // `old` had no broken links, so only the edited files' and links to the edited pages' headings can be
    // reported here.
    let resolved = resolver.resolve_pending(&pending, &mut diags);
    let mut sections = old.sections.clone();
    store_links(&pending, resolved, &mut pages, &mut sections);
    super::references::resolve_handouts(&old.links, &mut pages, &touched, &mut diags);
    super::references::check_images(&pages, &old.assets, &touched, &mut diags);

    // The listings of the edited pages' sections, and the tags of their languages, ordered and collected as
    // `link` does; a tag that appears or empties changes the outputs, which is for a full link.
    let mut reached: Vec<usize> = touched.iter().map(|&pi| pages[pi].section).collect();
    reached.sort_unstable();
    reached.dedup();
    for si in reached {
        sort_listings(&mut sections[si], &pages);
    }
    let mut tags = old.tags.clone();
    for lang in languages {
        // Only the tags an edited version is in, before or after, can have changed.
        let mut reached_tags: BTreeSet<&str> = BTreeSet::new();
        for &pi in &touched {
            for page in [&old.pages[pi], &pages[pi]] {
                if let Some(v) = &page.variants[lang] {
                    reached_tags.extend(v.tag_slugs.iter().map(|(slug, _)| slug.as_str()));
                }
            }
        }
        if reached_tags.is_empty() {
            continue;
        }
        let now = collect_tags(&pages, lang, Some(&reached_tags));
        if now.len() != reached_tags.len() || !now.keys().all(|s| old.tags[lang].contains_key(s)) {
            return Err(Structural);
        }
        tags[lang].extend(now);
    }

    let site = Site {
        config: old.config.clone(),
        strings: old.strings.clone(),
        sections,
        pages,
        tags,
        assets: old.assets.clone(),
        now: options.now,
        links: old.links.clone(),
    };
    Ok(Relinked {
        site,
        pages: touched,
        diagnostics: diags,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::content::link::link;
    use crate::content::{load_file, SourceFile};
    use crate::diagnostics::normalize;
    use crate::i18n::Strings;
    use jiff::Zoned;
    use std::collections::{BTreeSet, HashMap};

    const CONFIG: &str = "title: T\nbase_url: https://x.example\ndefault_language: id\nlanguages:\n  id: {}\n  en: {}\n";

    fn now(config: &Config) -> Zoned {
        jiff::Timestamp::from_second(1_795_392_000)
            .unwrap()
            .to_zoned(config.timezone.clone())
    }

    /// Loads and links `files` ((path, text)): the site, its diagnostics, and each file's load result.
    fn link_all(files: &[(&str, String)]) -> (Site, Vec<Diagnostic>, HashMap<String, Arc<Loaded>>) {
        let config = Config::parse(CONFIG).unwrap();
        let strings = Strings::load(&config, &[]).unwrap();
        let mut loaded = HashMap::new();
        for (path, text) in files {
            let file = SourceFile {
                path: path.to_string(),
                text: Arc::from(text.as_str()),
            };
            let (l, _) = load_file(&config, &file).unwrap();
            loaded.insert(path.to_string(), Arc::new(l));
        }
        let options = LinkOptions {
            drafts: false,
            now: now(&config),
        };
        let all = files.iter().map(|(p, _)| loaded[*p].clone()).collect();
        let (site, mut diags) = link(config, strings, all, Vec::new(), options);
        normalize(&mut diags);
        (site.unwrap(), diags, loaded)
    }

    fn page(title: &str, weight: i64, tags: &str, body: &str) -> String {
        format!("---\ntitle: {title}\ndate: 2026-0{}-01\nweight: {weight}\ntags: [{tags}]\n---\n{body}\n", weight + 1)
    }

    /// After each edit, re-linking only the edited file gives the site and the diagnostics that linking
    /// everything gives (`Site`'s debug form shows every field, listings and tags in order).
    #[test]
    fn relinking_an_edit_equals_linking_everything() {
        let mut files: Vec<(&str, String)> = vec![
            ("content/_index.md", "---\ntitle: Beranda\n---\n".into()),
            (
                "content/a/_index.md",
                "---\ntitle: A\nsort_by: weight\n---\n".into(),
            ),
            (
                "content/a/satu.md",
                page("Satu", 1, "x, y", "Ke [dua](dua.md#bagian)."),
            ),
            (
                "content/a/satu.en.md",
                page("One", 1, "x", "To [two](dua.md)."),
            ),
            ("content/a/dua.md", page("Dua", 2, "y", "## Bagian\n\nIsi.")),
            (
                "content/a/tiga.md",
                page("Tiga", 3, "y, \"!!\"", "Isi tiga."),
            ),
            (
                "content/b/empat.md",
                page("Empat", 4, "x", "Ke [satu](../a/satu.md)."),
            ),
        ];
        let edits: Vec<(&str, String, bool)> = vec![
            // Moves to the front of its listing and of tag y.
            (
                "content/a/tiga.md",
                page("Tiga", 0, "y, \"!!\"", "Isi tiga."),
                true,
            ),
            // Leaves tag x (which others keep), joins y; the English version is unchanged.
            (
                "content/a/satu.md",
                page("Satu", 1, "y", "Ke [dua](dua.md#bagian)."),
                true,
            ),
            // The heading another page links to is gone: that page's link is an error now.
            (
                "content/a/dua.md",
                page("Dua", 2, "y", "## Lain\n\nIsi."),
                true,
            ),
            (
                "content/a/dua.md",
                page("Dua", 2, "Y", "## Bagian\n\nIsi."),
                true,
            ),
            // The last page with tag x in English would leave it: a tag page disappears.
            (
                "content/a/satu.en.md",
                page("One", 1, "z", "To [two](dua.md)."),
                false,
            ),
            // A new slug moves the page.
            (
                "content/b/empat.md",
                "---\ntitle: Empat\nslug: iv\n---\n".into(),
                false,
            ),
            ("content/a/_index.md", "---\ntitle: A2\n---\n".into(), false),
        ];
        // As in `serve`: the base is the last site linked without errors, and every file edited since is
        // linked again over it.
        let (mut base, mut base_diags, _) = link_all(&files);
        let mut since: BTreeSet<&str> = BTreeSet::new();
        for (path, text, relinkable) in edits {
            let at = files.iter().position(|(p, _)| *p == path).unwrap();
            files[at].1 = text;
            since.insert(path);
            let (full, full_diags, loaded) = link_all(&files);
            let options = LinkOptions {
                drafts: false,
                now: full.now.clone(),
            };
            let edited = since.iter().map(|f| loaded[*f].clone()).collect();
            let result = relink(&base, edited, options, &|f| loaded.get(f).cloned());
            let Ok(relinked) = result else {
                assert!(!relinkable, "{path} could not be relinked");
                (base, base_diags, since) = (full, full_diags, BTreeSet::new());
                continue;
            };
            assert!(relinkable, "{path} was relinked");
            assert_eq!(
                format!("{:?}", relinked.site),
                format!("{full:?}"),
                "{path}"
            );
            let mut diags: Vec<Diagnostic> = base_diags
                .iter()
                .filter(|d| d.file.as_deref().is_none_or(|f| !since.contains(f)))
                .cloned()
                .chain(relinked.diagnostics)
                .collect();
            normalize(&mut diags);
            assert_eq!(diags, full_diags, "{path}");
            if !crate::diagnostics::has_errors(&full_diags) {
                (base, base_diags, since) = (full, full_diags, BTreeSet::new());
            }
        }
    }
}
