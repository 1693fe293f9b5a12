//! The link step: loaded files → the frozen [`Site`].
//!
//! Its phases run in order, each a function of what the earlier ones built: [`group`] the loaded files by
//! page and section, dropping drafts; build the [`sections`] and the [`pages`] with every URL per language (a
//! page missing in a language is still served at its translated URL from a fallback language); [`index`]
//! the files links can name; resolve the links ([`super::resolve`]); order the listings and collect the tags
//! ([`super::order`]). [`super::relink`] runs the same phases for the pages an edit changed.

use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use jiff::Zoned;

use super::front_matter::{Event, EventTime, FeeSource, SectionFront};
use super::order::{collect_tags, sort_children, sort_listings};
use super::resolve::{store_links, Resolver, Unresolved};
use super::site::{
    Body, EventTimes, LinkIndex, Page, PageVariant, Section, SectionVariant, Site, Target,
};
use super::{AssetFile, Loaded, LoadedPage, LoadedSection};
use crate::config::Config;
use crate::diagnostics::{codes, Diagnostic, Message};
use crate::i18n::Strings;
use crate::markdown::InternalLink;
use crate::msg;
use crate::output::is_safe_segment;

/// Options of the link step.
pub struct LinkOptions {
    pub drafts: bool,
    pub now: Zoned,
}

/// Links loaded files into a site. Errors (broken links, bad slugs) are returned with the warnings.
pub fn link(
    config: Config,
    strings: Strings,
    loaded: Vec<Arc<Loaded>>,
    assets: Vec<AssetFile>,
    options: LinkOptions,
) -> (Option<Site>, Vec<Diagnostic>) {
    let langs = config.languages.len();
    let mut diags = Vec::new();
    let grouped = group(loaded, options.drafts);
    let (mut sections, mut pending) = sections(grouped.sections, &grouped.pages, &config);
    let (mut pages, page_links) = pages(grouped.pages, &sections, &config, &options, &mut diags);
    pending.extend(page_links);
    let index = index(&pages, &sections, &config, grouped.drafts);

    let resolver = Resolver {
        index: &index,
        pages: &pages,
        sections: &sections,
        anchors: Default::default(),
    };
    let resolved = resolver.resolve_pending(&pending, &mut diags);
    store_links(&pending, resolved, &mut pages, &mut sections);
    let all: Vec<usize> = (0..pages.len()).collect();
    super::references::resolve_handouts(&index, &mut pages, &all, &mut diags);
    super::references::check_images(&pages, &assets, &all, &mut diags);

    for (pi, p) in pages.iter().enumerate() {
        for listing in &mut sections[p.section].pages {
            listing.push(pi);
        }
    }
    for s in &mut sections {
        sort_listings(s, &pages);
    }
    sort_children(&mut sections);
    let tags = (0..langs)
        .map(|lang| collect_tags(&pages, lang, None))
        .collect();

    // Aliases and slugs must stay inside the output folder; that is checked when outputs are planned.
    let site = Site {
        config,
        strings,
        sections,
        pages,
        tags,
        assets,
        now: options.now,
        links: Arc::new(index),
    };
    (Some(site), diags)
}

/// Loaded files by page key and section folder, in key order, and the drafts left out.
struct Grouped {
    pages: BTreeMap<String, Vec<LoadedPage>>,
    sections: BTreeMap<String, Vec<LoadedSection>>,
    drafts: Vec<String>,
}

fn group(loaded: Vec<Arc<Loaded>>, drafts: bool) -> Grouped {
    let mut grouped = Grouped {
        pages: BTreeMap::new(),
        sections: BTreeMap::new(),
        drafts: Vec::new(),
    };
    for l in loaded {
        // A one-shot build owns each loaded file and moves it; `serve` shares them with its cache, so it
        // copies one here (page HTML and text are shared, not copied).
        match Arc::try_unwrap(l).unwrap_or_else(|l| Loaded::clone(&l)) {
            Loaded::Page(p) => {
                if p.front.draft && !drafts {
                    grouped.drafts.push(p.file.clone());
                    continue;
                }
                grouped.pages.entry(p.key.clone()).or_default().push(*p);
            }
            Loaded::Section(s) => grouped.sections.entry(s.dir.clone()).or_default().push(*s),
        }
    }
    grouped
}

/// Every folder holding pages is a section, with or without `_index.md`; so is the root. Returns the
/// sections in folder order (listings still empty) and their files' links.
fn sections(
    mut files: BTreeMap<String, Vec<LoadedSection>>,
    pages: &BTreeMap<String, Vec<LoadedPage>>,
    config: &Config,
) -> (Vec<Section>, Vec<Unresolved>) {
    let langs = config.languages.len();
    let mut dirs: Vec<String> = files.keys().cloned().collect();
    dirs.push(String::new());
    for p in pages.values() {
        let mut dir = p[0].section_dir.clone();
        loop {
            dirs.push(dir.clone());
            match dir.rsplit_once('/') {
                Some((parent, _)) => dir = parent.to_string(),
                None if !dir.is_empty() => dir = String::new(),
                None => break,
            }
        }
    }
    dirs.sort();
    dirs.dedup();
    let section_index: HashMap<&str, usize> = dirs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.as_str(), i))
        .collect();

    let mut sections: Vec<Section> = Vec::with_capacity(dirs.len());
    let mut pending = Vec::new();
    for (si, dir) in dirs.iter().enumerate() {
        let parent = (!dir.is_empty())
            .then(|| dir.rsplit_once('/').map_or("", |(p, _)| p))
            .and_then(|p| section_index.get(p).copied());
        let mut variants: Vec<Option<SectionVariant>> = vec![None; langs];
        let mut here = files.remove(dir).unwrap_or_default();
        here.sort_by_key(|f| f.lang);
        for f in here {
            pending.push(Unresolved {
                owner: Target::Section(si),
                lang: f.lang,
                file: f.file.clone(),
                body_offset: f.body_offset,
                links: f.body.links.clone(),
            });
            variants[f.lang] = Some(SectionVariant {
                file: Some(f.file.clone()),
                front: f.front,
                body: Body::loaded(f.body, f.body_offset),
            });
        }
        if variants.iter().all(Option::is_none) {
            variants[0] = Some(implicit_section(dir, config));
        }
        let folder = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        sections.push(Section {
            dir: dir.clone(),
            parent,
            children: Vec::new(),
            variants,
            pages: vec![Vec::new(); langs],
            paths: (0..langs).map(|l| config.lang_path(l, &folder)).collect(),
        });
    }
    for i in 0..sections.len() {
        if let Some(p) = sections[i].parent {
            sections[p].children.push(i);
        }
    }
    (sections, pending)
}

/// The pages in key order, each with its versions and URLs, and their files' links.
fn pages(
    files: BTreeMap<String, Vec<LoadedPage>>,
    sections: &[Section],
    config: &Config,
    options: &LinkOptions,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Arc<Page>>, Vec<Unresolved>) {
    let langs = config.languages.len();
    let section_index: HashMap<&str, usize> = sections
        .iter()
        .enumerate()
        .map(|(i, s)| (s.dir.as_str(), i))
        .collect();
    // Making a page's versions reads only that page's files: the pages are made in parallel (linking is
    // otherwise one thread while the other cores wait), then gathered in key order, so the site, the
    // pending links and the diagnostics come out as a sequential loop would make them.
    let files: Vec<(String, Vec<LoadedPage>)> = files.into_iter().collect();
    let made: Vec<(Arc<Page>, Vec<Unresolved>, Vec<Diagnostic>)> = files
        .into_par_iter()
        .enumerate()
        .with_max_len(crate::pipeline::PART)
        .map(|(pi, (key, mut files))| {
            let mut diags = Vec::new();
            let mut pending = Vec::with_capacity(files.len());
            files.sort_by_key(|f| f.lang);
            let mut variants: Vec<Option<PageVariant>> = vec![None; langs];
            let first_dir = files.first().map(|f| f.section_dir.as_str());
            let section = first_dir
                .and_then(|dir| section_index.get(dir))
                .copied()
                .unwrap_or(0);
            let bundle_dir = files.first().is_some_and(|f| f.bundle).then(|| key.clone());
            for f in files {
                let (variant, links) = page_variant(f, config, options.now.date(), &mut diags);
                pending.push(Unresolved {
                    owner: Target::Page(pi),
                    lang: variant.lang,
                    file: variant.file.clone(),
                    body_offset: variant.body.offset,
                    links,
                });
                let lang = variant.lang;
                variants[lang] = Some(variant);
            }
            let fallback = variants.iter().position(Option::is_some).unwrap_or(0);
            let paths = page_paths(config, &sections[section].dir, &variants, fallback);
            let page = Arc::new(Page {
                key,
                section,
                bundle_dir,
                variants,
                fallback,
                paths,
            });
            (page, pending, diags)
        })
        .collect();
    let mut pages = Vec::with_capacity(made.len());
    let mut pending = Vec::new();
    for (page, links, page_diags) in made {
        pages.push(page);
        pending.extend(links);
        diags.extend(page_diags);
    }
    (pages, pending)
}

/// The files an internal link can name (paths relative to `content/`), each with its page or section and
/// the language it names explicitly.
fn index(
    pages: &[Arc<Page>],
    sections: &[Section],
    config: &Config,
    drafts: Vec<String>,
) -> LinkIndex {
    let mut files: HashMap<String, (Target, Option<usize>)> = HashMap::new();
    for (i, p) in pages.iter().enumerate() {
        for v in p.variants.iter().flatten() {
            let rel = v
                .file
                .strip_prefix("content/")
                .unwrap_or(&v.file)
                .to_string();
            let explicit = if v.lang == 0 { None } else { Some(v.lang) };
            files.insert(rel, (Target::Page(i), explicit));
        }
        // A link to the default-language file works even when only translations exist.
        let base = match &p.bundle_dir {
            Some(d) => format!("{d}/index.md"),
            None => format!("{}.md", p.key),
        };
        files.entry(base).or_insert((Target::Page(i), None));
    }
    for (i, s) in sections.iter().enumerate() {
        for v in s.variants.iter().flatten() {
            if let Some(file) = &v.file {
                let rel = file.strip_prefix("content/").unwrap_or(file).to_string();
                let lang = config
                    .language_index(rel.rsplit('.').nth(1).unwrap_or(""))
                    .filter(|&l| l > 0);
                files.insert(rel, (Target::Section(i), lang));
            }
        }
        let base = if s.dir.is_empty() {
            "_index.md".to_string()
        } else {
            format!("{}/_index.md", s.dir)
        };
        files.entry(base).or_insert((Target::Section(i), None));
    }
    LinkIndex { files, drafts }
}

/// One loaded page file as a version of its page, and its internal links, still to be resolved.
pub(super) fn page_variant(
    mut f: LoadedPage,
    config: &Config,
    today: jiff::civil::Date,
    diags: &mut Vec<Diagnostic>,
) -> (PageVariant, Vec<InternalLink>) {
    check_tariffs(&f, config, today, diags);
    let slug = match &f.front.slug {
        Some(s) => {
            if is_safe_segment(s) && s.trim() == s {
                s.clone()
            } else {
                diags.push(
                    front_error(&f, codes::BAD_VALUE, &["slug"], msg!("bad-slug", slug = s))
                        .with_hint(msg!("hint-bad-slug")),
                );
                f.file_slug.clone()
            }
        }
        None => f.file_slug.clone(),
    };
    let event = f.front.event.as_ref().map(|e| event_times(e, config));
    let steps = if f.steps.is_empty() {
        std::mem::take(&mut f.body.steps)
    } else {
        std::mem::take(&mut f.steps)
    };
    let links = std::mem::take(&mut f.body.links);
    let handouts = super::references::handouts_of(&f);
    let image_spans = super::references::image_spans_of(&f);
    let tag_slugs = super::order::tag_slugs(&f.file, &f.front.tags, diags);
    let sort_title = f.front.title.to_lowercase();
    let variant = PageVariant {
        tag_slugs,
        sort_title,
        handouts,
        image_spans,
        file: f.file,
        lang: f.lang,
        slug,
        steps,
        requirements: f.requirements,
        event,
        body: Body::loaded(f.body, f.body_offset),
        front: f.front,
    };
    (variant, links)
}

/// A page's `tariff:` references must name a tariff of `data/tariffs.yaml` that is still charged today.
fn check_tariffs(
    f: &LoadedPage,
    config: &Config,
    today: jiff::civil::Date,
    diags: &mut Vec<Diagnostic>,
) {
    let tariffs = &config.data.tariffs;
    if tariffs.broken {
        return;
    }
    let ids = f.front.fees.iter().filter_map(|fee| match &fee.fee {
        FeeSource::Tariff(id) => Some(id),
        FeeSource::Literal(_) => None,
    });
    let doc = crate::yaml::Doc {
        file: &f.file,
        text: &f.front_text,
        offset: f.front_offset,
    };
    // Where the references are written is looked up only for a page that has a bad one: scanning the
    // front matter of every page for them was most of linking.
    let spans = std::cell::OnceCell::new();
    for (i, id) in ids.enumerate() {
        let span = || {
            spans
                .get_or_init(|| doc.values_in_block("fees", "tariff"))
                .get(i)
                .cloned()
                .unwrap_or_else(|| doc.span_of(&["fees"]))
        };
        match tariffs.get(id) {
            None => {
                let (message, hint) = tariffs.unknown(id);
                diags.push(
                    doc.error_at(codes::UNKNOWN_TARIFF, span(), message)
                        .with_hint(hint),
                );
            }
            Some(t) if t.expired(today) => {
                let until = t.valid_until.map(|d| d.to_string()).unwrap_or_default();
                diags.push(
                    doc.error_at(
                        codes::EXPIRED_TARIFF,
                        span(),
                        msg!("expired-tariff", tariff = id, until = until),
                    )
                    .with_hint(msg!(
                        "hint-expired-tariff",
                        tariff = id,
                        file = crate::data::TARIFFS_FILE
                    )),
                );
            }
            Some(_) => {}
        }
    }
}

/// Site-relative folder of a page in each language: its own slug where it is translated, else its fallback's.
pub(super) fn page_paths(
    config: &Config,
    section_dir: &str,
    variants: &[Option<PageVariant>],
    fallback: usize,
) -> Vec<String> {
    let prefix = if section_dir.is_empty() {
        String::new()
    } else {
        format!("{section_dir}/")
    };
    (0..variants.len())
        .map(|l| {
            let slug = variants[l]
                .as_ref()
                .or(variants[fallback].as_ref())
                .map_or("", |v| v.slug.as_str());
            config.lang_path(l, &format!("{prefix}{slug}/"))
        })
        .collect()
}

fn implicit_section(dir: &str, config: &Config) -> SectionVariant {
    let name = dir.rsplit('/').next().unwrap_or(dir);
    let title = if dir.is_empty() {
        config.default_language().title.clone()
    } else {
        let words = name.replace('-', " ");
        let mut chars = words.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    };
    SectionVariant {
        file: None,
        front: SectionFront {
            title,
            ..SectionFront::default()
        },
        body: Body::default(),
    }
}

/// An error about a front-matter key of a page, pointing at the key's value.
fn front_error(
    page: &LoadedPage,
    code: &'static str,
    key: &[&str],
    message: Message,
) -> Diagnostic {
    let doc = crate::yaml::Doc {
        file: &page.file,
        text: &page.front_text,
        offset: page.front_offset,
    };
    doc.error_at(code, doc.value_span_of(key), message)
}

fn event_times(e: &Event, config: &Config) -> EventTimes {
    let tz = &config.timezone;
    let start = e
        .start
        .instant(tz)
        .unwrap_or_else(|| jiff::Timestamp::UNIX_EPOCH.to_zoned(tz.clone()));
    EventTimes {
        start,
        end: e.end.as_ref().and_then(|t| t.instant(tz)),
        start_has_time: e.start.has_time(),
        end_has_time: e.end.as_ref().is_some_and(EventTime::has_time),
        location: e.location.clone(),
        address: e.address.clone(),
    }
}
