//! Template contexts: what each job's template sees. Site-wide data (strings, languages, navigation) is
//! serialised once per language into a base context; each job adds only its own data.

use crate::diagnostics::codes;
use crate::msg;
use std::borrow::Cow;
use std::sync::OnceLock;

use serde::Serialize;
use serde_json::{json, Value};

use super::glossary::GLOSSARY_PATH;
use super::posters::Print;
use super::Job;
use crate::config::Contact;
use crate::content::site::{contact_for, Page, PageVariant, Section, Site, Target};
use crate::diagnostics::Diagnostic;
use crate::markdown::{fill_links, sanitize, GLOSSARY_PLACEHOLDER};
use crate::theme::Theme;

/// A template name: built-in names are static, names from front matter are owned.
type Tpl = Cow<'static, str>;

/// Data shared by every job of a run.
pub struct Shared<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    /// Per language, made when a job in that language first needs it: after an edit `serve` renders a
    /// handful of outputs, usually in one language.
    base: Vec<OnceLock<tera::Context>>,
    /// Size in bytes of each rendered leaflet, poster and pack, by kind, page and language.
    leaflets: super::PrintSizes,
}

impl<'a> Shared<'a> {
    pub fn new(site: &'a Site, theme: &'a Theme, leaflets: super::PrintSizes) -> Self {
        let base = (0..site.config.languages.len())
            .map(|_| OnceLock::new())
            .collect();
        Shared {
            site,
            theme,
            base,
            leaflets,
        }
    }

    /// The site-wide context of `lang`.
    fn site_wide(&self, lang: usize) -> &tera::Context {
        self.base[lang].get_or_init(|| base_context(self.site, self.theme, lang))
    }
}

/// A job's own template data, laid over its language's site-wide context when it is rendered.
pub struct JobData {
    /// `None` for outputs that are not pages of a language (the sitemap, the service worker).
    lang: Option<usize>,
    own: tera::Context,
    /// The keys of `own`: where the job's data goes in the worker's context, and what to undo after.
    keys: Vec<String>,
}

impl JobData {
    /// No data yet, to be laid over the site-wide context of `lang`.
    fn over(lang: usize) -> Self {
        JobData {
            lang: Some(lang),
            own: tera::Context::new(),
            keys: Vec::new(),
        }
    }

    fn alone(own: tera::Context) -> Self {
        JobData {
            lang: None,
            own,
            keys: Vec::new(),
        }
    }

    fn insert<T: serde::Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        self.keys.push(key.to_string());
        self.own.insert(key, value);
    }

    /// Adds a value without the copy `Context::insert` makes of everything it is given.
    fn insert_owned(&mut self, key: &str, value: Value) {
        self.keys.push(key.to_string());
        insert_owned(&mut self.own, key, value);
    }
}

/// One worker's copies of the site-wide contexts, one per language, made on first use. The site-wide
/// context holds about 150 UI strings; copying it for every page and freeing it after was a twentieth of
/// a large build. A job's data is laid over the copy for its render and taken off again after, so every
/// job sees exactly the site-wide context and its own data, whatever the worker rendered before.
#[derive(Default)]
pub struct Layers(Vec<Option<tera::Context>>);

impl Layers {
    fn render_to(
        &mut self,
        shared: &Shared,
        tera: &tera::Tera,
        template: &str,
        data: JobData,
        out: &mut Vec<u8>,
    ) -> tera::Result<()> {
        let Some(lang) = data.lang else {
            return tera.render_to(template, &data.own, out);
        };
        if self.0.len() <= lang {
            self.0.resize_with(lang + 1, || None);
        }
        let Some(slot) = self.0.get_mut(lang) else {
            return tera.render_to(template, &data.own, out);
        };
        let ctx = slot.get_or_insert_with(|| shared.site_wide(lang).clone());
        ctx.extend(data.own);
        let result = tera.render_to(template, ctx, out);
        let site_wide = shared.site_wide(lang);
        for key in &data.keys {
            match site_wide.get(key) {
                Some(value) => insert_owned(ctx, key, value.clone()),
                None => {
                    ctx.remove(key);
                }
            }
        }
        result
    }
}

fn base_context(site: &Site, theme: &Theme, lang: usize) -> tera::Context {
    let config = &site.config;
    let language = &config.languages[lang];
    let mut ctx = tera::Context::new();
    ctx.insert("lang", &language.code);
    ctx.insert("dir", language.dir.as_str());
    ctx.insert("lang_name", &language.name);
    ctx.insert("site_title", &language.title);
    ctx.insert("site_description", &language.description);
    ctx.insert("base_url", &config.base_url);
    ctx.insert("t", site.strings.all(lang));
    ctx.insert("home_url", &config.url(&config.lang_path(lang, "")));
    ctx.insert(
        "search_url",
        &config.url(&config.lang_path(lang, "search/")),
    );
    ctx.insert("feed_url", &config.url(&config.lang_path(lang, "atom.xml")));
    if super::glossary::wanted(site) {
        ctx.insert(
            "glossary_url",
            &config.url(&config.lang_path(lang, GLOSSARY_PATH)),
        );
    }
    ctx.insert("search_enabled", &config.search_enabled);
    ctx.insert(
        "search_script_url",
        &asset_url(site, theme, "search/search.js"),
    );
    ctx.insert(
        "search_manifest_url",
        &config.url(&format!(
            "{}manifest.json",
            crate::search::folder(site, lang)
        )),
    );
    ctx.insert("css_url", &asset_url(site, theme, "style.css"));
    ctx.insert("offline_enabled", &config.offline);
    ctx.insert("service_worker", &(config.offline && config.service_worker));
    ctx.insert("root_url", &config.url(""));
    ctx.insert(
        "manifest_url",
        &config.url(&crate::offline::manifest_path(site, lang)),
    );
    ctx.insert("theme_color", crate::offline::THEME_COLOR);
    // Open Graph names languages as `id_ID`; each language's own strings say how.
    let og_locales: serde_json::Map<String, Value> = config
        .languages
        .iter()
        .enumerate()
        .map(|(l, language)| {
            (
                language.code.clone(),
                Value::String(site.strings.get(l, "og_locale").to_string()),
            )
        })
        .collect();
    ctx.insert("og_locales", &og_locales);
    // The share image: the site's card in this language; pages and listings name their section's.
    ctx.insert(
        "og_image",
        &config.permalink(&super::leaflets::card_path(site, None, lang)),
    );
    ctx.insert("og_image_type", "image/png");
    ctx.insert("og_image_width", &crate::leaflet::CARD_WIDTH);
    ctx.insert("og_image_height", &crate::leaflet::CARD_HEIGHT);
    ctx.insert("og_image_alt", &config.languages[lang].title);
    ctx.insert("extra", &config.extra);
    let root = &site.sections[0];
    let nav: Vec<Value> = root
        .children
        .iter()
        .map(|&c| {
            let s = &site.sections[c];
            let (v, fallback) = s.shown(lang);
            let shown_lang = fallback.then(|| config.languages[s.shown_language(lang)].code.clone());
            json!({ "title": v.front.title, "url": config.url(&s.paths[lang]), "dir": s.dir, "lang": shown_lang })
        })
        .collect();
    ctx.insert("nav", &nav);
    ctx
}

/// A static file's URL with a content hash, so browsers cache it until it changes.
fn asset_url(site: &Site, theme: &Theme, name: &str) -> String {
    let hash = match theme.statics.get(name) {
        Some(crate::theme::FileSource::Builtin(b)) => short_hash(b),
        Some(crate::theme::FileSource::Disk(p)) => {
            std::fs::read(p).map(|b| short_hash(&b)).unwrap_or_default()
        }
        None => String::new(),
    };
    format!("{}?v={hash}", site.config.url(name))
}

fn short_hash(bytes: &[u8]) -> String {
    // FNV-1a: stable across builds and platforms, enough to bust caches.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{:08x}", h >> 32)
}

/// Renders one template job to text.
pub fn render(
    shared: &Shared,
    tera: &tera::Tera,
    job: &Job,
    layers: &mut Layers,
) -> Result<Vec<u8>, Diagnostic> {
    let site = shared.site;
    let (template, ctx) = match job {
        Job::Page { page, lang } => page_context(shared, *page, *lang)?,
        Job::Section {
            section,
            lang,
            pager,
        } => section_context(shared, *section, *lang, *pager),
        Job::Tag { lang, slug } => tag_context(shared, *lang, slug),
        Job::TagIndex { lang } => tag_index_context(shared, *lang),
        Job::Search { lang } => simple(
            shared,
            *lang,
            "search.html",
            "search/",
            site.strings.get(*lang, "search_title"),
        ),
        Job::Glossary { lang } => {
            let (t, mut ctx) = simple(
                shared,
                *lang,
                "glossary.html",
                GLOSSARY_PATH,
                site.strings.get(*lang, "glossary_title"),
            );
            ctx.insert("terms", &super::glossary::entries(site, *lang));
            (t, ctx)
        }
        Job::NotFound { lang } => {
            let (t, mut ctx) = simple(
                shared,
                *lang,
                "404.html",
                "404.html",
                site.strings.get(*lang, "not_found_title"),
            );
            ctx.insert("noindex", &true);
            (t, ctx)
        }
        Job::Feed { lang } => feed_context(shared, *lang),
        Job::Sitemap if shared.theme.is_builtin_template("sitemap.xml") => {
            return Ok(with_sitemap_urls(shared, sitemap_xml));
        }
        Job::Sitemap => {
            let mut ctx = tera::Context::new();
            with_sitemap_urls(shared, |urls| ctx.insert("urls", urls));
            ("sitemap.xml".into(), JobData::alone(ctx))
        }
        Job::Alias { page, lang } => alias_context(shared, *page, *lang),
        Job::Offline { lang } => {
            let (t, mut ctx) = simple(
                shared,
                *lang,
                "offline.html",
                "offline/",
                site.strings.get(*lang, "offline_title"),
            );
            ctx.insert("noindex", &true);
            (t, ctx)
        }
        Job::ServiceWorker => {
            let mut ctx = tera::Context::new();
            let assets: Vec<String> = ["style.css", "search/search.js", "search/analysis.js"]
                .into_iter()
                .filter(|name| shared.theme.statics.contains_key(*name))
                .map(|name| asset_url(site, shared.theme, name))
                .collect();
            ctx.insert("version", &crate::offline::version(site, &assets));
            ctx.insert("languages", &crate::offline::worker_languages(site));
            ctx.insert("assets", &assets);
            ("sw.js".into(), JobData::alone(ctx))
        }
        Job::Static { .. }
        | Job::Asset { .. }
        | Job::SearchIndex { .. }
        | Job::Leaflet { .. }
        | Job::Poster { .. }
        | Job::Pack { .. }
        | Job::EventCalendar { .. }
        | Job::EventFeed { .. }
        | Job::Icon { .. }
        | Job::Card { .. }
        | Job::WebManifest { .. } => {
            // render::run writes these itself; reaching here is a bug, reported rather than panicking.
            return Err(
                Diagnostic::error(codes::INTERNAL, msg!("internal-copy-job"))
                    .with_hint(msg!("hint-report-bug")),
            );
        }
    };
    // Into bytes, not a `String`: the output goes straight to a file, and `Tera::render` would check
    // every rendered byte for UTF-8 once more.
    let mut out = Vec::with_capacity(16 * 1024);
    layers
        .render_to(shared, tera, &template, ctx, &mut out)
        .map_err(|e| shared.theme.template_error(&e, Some(&template)))?;
    Ok(out)
}

fn simple(
    shared: &Shared,
    lang: usize,
    template: &'static str,
    path: &str,
    title: &str,
) -> (Tpl, JobData) {
    let site = shared.site;
    let mut ctx = JobData::over(lang);
    let site_path = site.config.lang_path(lang, path);
    ctx.insert("page_title", title);
    ctx.insert("canonical", &site.config.permalink(&site_path));
    ctx.insert(
        "translations",
        &translations(site, lang, |l| site.config.lang_path(l, path), |_| true),
    );
    ctx.insert("alternates", &Vec::<Value>::new());
    ctx.insert("sections", &section_cards(site, 0, lang));
    (template.into(), ctx)
}

/// The language switcher: every site language with this page's URL in it.
fn translations(
    site: &Site,
    current: usize,
    path_of: impl Fn(usize) -> String,
    available: impl Fn(usize) -> bool,
) -> Vec<Value> {
    site.config
        .languages
        .iter()
        .enumerate()
        .map(|(l, language)| {
            json!({
                "code": language.code,
                "name": language.name,
                "dir": language.dir.as_str(),
                "url": site.config.url(&path_of(l)),
                "current": l == current,
                "available": available(l),
            })
        })
        .collect()
}

/// `hreflang` alternates: only languages with a real version.
fn alternates(
    site: &Site,
    path_of: impl Fn(usize) -> String,
    available: impl Fn(usize) -> bool,
) -> Vec<Value> {
    let mut out: Vec<Value> = (0..site.config.languages.len())
        .filter(|&l| available(l))
        .map(|l| json!({ "lang": site.config.languages[l].code, "url": site.config.permalink(&path_of(l)) }))
        .collect();
    if available(0) && out.len() > 1 {
        out.push(json!({ "lang": "x-default", "url": site.config.permalink(&path_of(0)) }));
    }
    out
}

/// HTML of a body shown in `lang`: links filled with URLs in that language, sanitised unless trusted.
pub fn body_html(site: &Site, body: &crate::content::site::Body, lang: usize) -> String {
    let urls: Vec<String> = body
        .links
        .iter()
        .map(|link| {
            let l = link.lang.unwrap_or(lang);
            let path = match link.target {
                Target::Page(i) => &site.pages[i].paths[l],
                Target::Section(i) => &site.sections[i].paths[l],
            };
            let mut url = site.config.url(path);
            if let Some(a) = &link.anchor {
                url.push('#');
                url.push_str(a);
            }
            url
        })
        .collect();
    let mut html = fill_links(&body.html, &urls);
    if html.contains(GLOSSARY_PLACEHOLDER) {
        let glossary = site.config.url(&site.config.lang_path(lang, GLOSSARY_PATH));
        html = html.replace(GLOSSARY_PLACEHOLDER, &glossary.replace('"', "&quot;"));
    }
    if body.has_raw_html && !site.config.trusted_html {
        sanitize(&html)
    } else {
        html
    }
}

fn breadcrumbs(site: &Site, mut section: Option<usize>, lang: usize) -> Vec<Value> {
    let mut crumbs = Vec::new();
    while let Some(si) = section {
        let s = &site.sections[si];
        let title = if si == 0 {
            site.strings.get(lang, "home").to_string()
        } else {
            s.shown(lang).0.front.title.clone()
        };
        crumbs.push(json!({ "title": title, "url": site.config.url(&s.paths[lang]) }));
        section = s.parent;
    }
    crumbs.reverse();
    crumbs
}

/// A page as it appears in a listing: only what [`Page::listed`] gives, which is also what `serve` compares
/// to find the listings an edit reaches (`render::deps`).
fn summary(site: &Site, page: &Page, lang: usize) -> Value {
    let listed = page.listed(lang);
    json!({
        "title": listed.title,
        "url": site.config.url(&page.paths[lang]),
        "description": listed.description,
        "date": listed.date.map(|d| site.strings.date(lang, d)),
        "updated": listed.updated.map(|d| site.strings.date(lang, d)),
        "updated_iso": listed.updated.or(listed.date).map(|d| d.to_string()),
        "event": listed.event.map(|e| event_value(site, e, lang)),
        "fallback": listed.fallback,
        "fallback_lang": site.config.languages[listed.lang].code,
    })
}

fn event_value(site: &Site, e: &crate::content::site::EventTimes, lang: usize) -> Value {
    let s = &site.strings;
    let start_date = s.date(lang, e.start.date());
    let tz_abbr = jiff::fmt::strtime::format("%Z", &e.start).unwrap_or_default();
    let mut when = start_date.clone();
    if e.start_has_time {
        when.push_str(&format!(", {}", s.time(lang, e.start.time())));
    }
    if let Some(end) = &e.end {
        if end.date() == e.start.date() {
            if e.end_has_time {
                when.push_str(&format!("–{}", s.time(lang, end.time())));
            }
        } else {
            when.push_str(&format!(
                " {} {}",
                s.get(lang, "event_until"),
                s.date(lang, end.date())
            ));
            if e.end_has_time {
                when.push_str(&format!(", {}", s.time(lang, end.time())));
            }
        }
    }
    if e.start_has_time || e.end_has_time {
        when.push(' ');
        when.push_str(&tz_abbr);
    }
    let upcoming = crate::calendar::upcoming(e, &site.now);
    json!({
        "when": when,
        "start_iso": e.start.timestamp().to_string(),
        "end_iso": e.end.as_ref().map(|z| z.timestamp().to_string()),
        "date": start_date,
        "location": e.location,
        "address": e.address,
        "upcoming": upcoming,
    })
}

fn contact_lines(site: &Site, contact: &Contact, lang: usize) -> Vec<Value> {
    let s = &site.strings;
    let mut lines = Vec::new();
    let mut add = |key: &str, value: &Option<String>, href: Option<String>| {
        if let Some(v) = value {
            lines.push(json!({ "key": key, "label": s.get(lang, &format!("contact_{key}")), "value": v, "href": href }));
        }
    };
    add("office", &contact.office, None);
    add("address", &contact.address, None);
    add(
        "phone",
        &contact.phone,
        contact
            .phone
            .as_ref()
            .map(|p| format!("tel:{}", phone_digits(p))),
    );
    add(
        "whatsapp",
        &contact.whatsapp,
        contact
            .whatsapp
            .as_ref()
            .map(|p| format!("https://wa.me/{}", phone_digits(p).trim_start_matches('+'))),
    );
    add(
        "email",
        &contact.email,
        contact.email.as_ref().map(|e| format!("mailto:{e}")),
    );
    add("hours", &contact.hours, None);
    lines
}

fn phone_digits(p: &str) -> String {
    p.chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

fn page_context(shared: &Shared, pi: usize, lang: usize) -> Result<(Tpl, JobData), Diagnostic> {
    let site = shared.site;
    let page = &site.pages[pi];
    let (v, fallback) = page.shown(lang);
    let template = page_template(shared, v)?;
    let mut ctx = JobData::over(lang);
    let s = &site.strings;
    let section = &site.sections[page.section];
    let contact = contact_for(site, page, v, lang);
    let is_procedure = !v.front.fees.is_empty()
        || !v.front.requirements.is_empty()
        || v.front.processing_time.is_some();
    let fees = super::fees::rows(site, &v.front.fees, lang);
    let schedule = if v.front.tariffs.is_some() {
        super::fees::schedule(site, lang)
    } else {
        Vec::new()
    };
    let sources: Vec<Value> = v
        .front
        .sources
        .iter()
        .map(|src| {
            // Addresses readers can open; a `.md` path is shown as its title.
            let url = src.url.as_deref().filter(|u| {
                u.starts_with("https://") || u.starts_with("http://") || u.starts_with('/')
            });
            json!({ "title": src.title, "url": url })
        })
        .collect();
    let page_value = json!({
        "title": v.front.title,
        "description": v.front.description,
        "toc": v.body.headings.iter().filter(|h| h.level == 2).collect::<Vec<_>>(),
        "url": site.config.url(&page.paths[lang]),
        "permalink": site.config.permalink(&page.paths[lang]),
        "date": v.front.date.map(|d| s.date(lang, d.0)),
        "date_iso": v.front.date.map(|d| d.0.to_string()),
        "updated": v.front.updated.map(|d| s.date(lang, d.0)),
        "updated_iso": v.front.updated.map(|d| d.0.to_string()),
        "reviewed": v.front.reviewed.map(|d| s.date(lang, d.0)),
        "reviewed_iso": v.front.reviewed.map(|d| d.0.to_string()),
        "sources": sources,
        "schedule": schedule,
        "tags": v.front.tags.iter().map(|t| {
            let slug = crate::markdown::slugify(t);
            json!({ "name": t, "url": site.config.url(&site.config.lang_path(v.lang, &format!("tags/{slug}/"))) })
        }).collect::<Vec<_>>(),
        "requirements": v.requirements.iter().map(|r| &r.0).collect::<Vec<_>>(),
        "fees": fees,
        "processing_time": v.front.processing_time,
        "steps": if v.front.steps.is_empty() { Vec::new() } else { v.steps.iter().map(|st| st.html.clone()).collect::<Vec<_>>() },
        "step_count": v.steps.len(),
        "contact": contact_lines(site, &contact, lang),
        "event": v.event.as_ref().map(|e| event_value(site, e, lang)),
        "is_procedure": is_procedure,
        "fallback": fallback,
        "fallback_language": site.config.languages[v.lang].name,
        "fallback_lang": site.config.languages[v.lang].code,
        "fallback_dir": site.config.languages[v.lang].dir.as_str(),
        "section": { "title": section.shown(lang).0.front.title, "url": site.config.url(&section.paths[lang]) },
        "extra": v.front.extra,
        "key": page.key,
        "calendar": v.event.as_ref().map(|_| json!({
            "ics": site.config.url(&crate::calendar::event_path(page, lang)),
            "feed": site.config.url(&crate::calendar::feed_path(site, lang)),
        })),
        "leaflet": print_link(shared, Print::Leaflet, pi, lang, super::leaflets::output_path),
        "poster": print_link(shared, Print::Poster, pi, lang, super::posters::poster_path),
        "pack": print_link(shared, Print::Pack, pi, lang, super::posters::pack_path),
        "handouts": super::posters::handouts(page, lang).into_iter().map(|h| {
            let hp = &site.pages[h];
            let (hv, _) = hp.shown(lang);
            json!({ "title": hv.front.title, "url": site.config.url(&hp.paths[lang]) })
        }).collect::<Vec<_>>(),
    });
    // The body moves into the context instead of being copied by `json!` and again by `insert`.
    let mut page_value = page_value;
    if let Value::Object(fields) = &mut page_value {
        fields.insert(
            "content".into(),
            Value::String(body_html(site, &v.body, lang)),
        );
    }
    ctx.insert_owned("page", page_value);
    ctx.insert("page_title", &v.front.title);
    ctx.insert("description", &v.front.description);
    ctx.insert("canonical", &site.config.permalink(&page.paths[lang]));
    ctx.insert("og_type", "article");
    if let Some(image) = share_image(site, page, v, lang) {
        for (key, value) in image {
            ctx.insert(key, &value);
        }
    } else if page.section != 0 {
        ctx.insert(
            "og_image",
            &site
                .config
                .permalink(&super::leaflets::card_path(site, Some(page.section), lang)),
        );
    }
    ctx.insert("noindex", &fallback);
    ctx.insert("breadcrumbs", &breadcrumbs(site, Some(page.section), lang));
    let available = |l: usize| page.variants[l].is_some();
    ctx.insert(
        "translations",
        &translations(site, lang, |l| page.paths[l].clone(), available),
    );
    ctx.insert(
        "alternates",
        &alternates(site, |l| page.paths[l].clone(), available),
    );
    Ok((template, ctx))
}

/// Adds a value to a context without the copy `Context::insert` makes of everything it is given.
fn insert_owned(ctx: &mut tera::Context, key: &str, value: Value) {
    let mut map = serde_json::Map::new();
    map.insert(key.to_string(), value);
    // `from_value` fails only for values that are not objects; this one is.
    if let Ok(owned) = tera::Context::from_value(Value::Object(map)) {
        ctx.extend(owned);
    }
}

/// `template:` in front matter picks another template; it must exist.
fn page_template(shared: &Shared, v: &PageVariant) -> Result<Tpl, Diagnostic> {
    match &v.front.template {
        None => Ok("page.html".into()),
        Some(name) => {
            if shared.theme.has_template(name) {
                Ok(name.clone().into())
            } else {
                Err(Diagnostic::error(
                    codes::MISSING_TEMPLATE,
                    msg!("missing-template", name = name),
                )
                .in_file(&v.file)
                .with_hint(crate::theme::template_hint(shared.theme, name)))
            }
        }
    }
}

fn section_cards(site: &Site, si: usize, lang: usize) -> Vec<Value> {
    site.sections[si]
        .children
        .iter()
        .map(|&c| {
            let s = &site.sections[c];
            let (v, _) = s.shown(lang);
            json!({
                "title": v.front.title,
                "description": v.front.description,
                "url": site.config.url(&s.paths[lang]),
                "count": s.pages[lang].len(),
            })
        })
        .collect()
}

fn section_context(shared: &Shared, si: usize, lang: usize, pager: usize) -> (Tpl, JobData) {
    let site = shared.site;
    let section: &Section = &site.sections[si];
    let (v, fallback) = section.shown(lang);
    let mut ctx = JobData::over(lang);
    let per_page = v.front.paginate_by.unwrap_or(usize::MAX);
    let (events, others): (Vec<usize>, Vec<usize>) = section.pages[lang]
        .iter()
        .partition(|&&p| site.pages[p].listed(lang).event.is_some());
    let mut upcoming: Vec<usize> = Vec::new();
    let mut past: Vec<usize> = Vec::new();
    for p in events {
        let e = site.pages[p]
            .listed(lang)
            .event
            .map(|e| event_value(site, e, lang));
        if e.and_then(|e| e["upcoming"].as_bool()).unwrap_or(false) {
            upcoming.push(p);
        } else {
            past.push(p);
        }
    }
    // Soonest upcoming first; most recent past first.
    let start = |p: usize| {
        site.pages[p]
            .listed(lang)
            .event
            .map(|e| e.start.timestamp())
    };
    upcoming.sort_by_key(|&p| start(p));
    past.sort_by_key(|&p| std::cmp::Reverse(start(p)));
    let listed: Vec<usize> = others
        .into_iter()
        .skip(pager.saturating_mul(per_page))
        .take(per_page)
        .collect();
    let total = super::pager_count(
        section.pages[lang].len() - upcoming.len() - past.len(),
        v.front.paginate_by,
    );
    let pager_url = |n: usize| {
        if n == 0 {
            site.config.url(&section.paths[lang])
        } else {
            site.config
                .url(&format!("{}page/{}/", section.paths[lang], n + 1))
        }
    };
    let first_page = pager == 0;
    let shown_lang = section.shown_language(lang);
    let value = json!({
        "title": v.front.title,
        "description": v.front.description,
        "content": if first_page { body_html(site, &v.body, lang) } else { String::new() },
        "url": pager_url(pager),
        "pages": listed.iter().map(|&p| summary(site, &site.pages[p], lang)).collect::<Vec<_>>(),
        "upcoming": if first_page { upcoming.iter().map(|&p| summary(site, &site.pages[p], lang)).collect::<Vec<_>>() } else { Vec::new() },
        "past": if first_page { past.iter().map(|&p| summary(site, &site.pages[p], lang)).collect::<Vec<_>>() } else { Vec::new() },
        "has_events": !upcoming.is_empty() || !past.is_empty(),
        "events_feed": site.config.url(&crate::calendar::feed_path(site, lang)),
        "subsections": section_cards(site, si, lang),
        "fallback": fallback,
        "fallback_lang": site.config.languages[shown_lang].code,
        "fallback_dir": site.config.languages[shown_lang].dir.as_str(),
        "paginator": if total > 1 { json!({
            "current": pager + 1,
            "total": total,
            "previous": (pager > 0).then(|| pager_url(pager - 1)),
            "next": (pager + 1 < total).then(|| pager_url(pager + 1)),
        }) } else { Value::Null },
    });
    let path_of = |l: usize| section.paths[l].clone();
    let available = |l: usize| section.variants[l].is_some();
    ctx.insert("section", &value);
    ctx.insert("description", &v.front.description);
    ctx.insert("canonical", &site.config.permalink(&section.paths[lang]));
    if si != 0 {
        ctx.insert(
            "og_image",
            &site
                .config
                .permalink(&super::leaflets::card_path(site, Some(si), lang)),
        );
    }
    ctx.insert("noindex", &false);
    ctx.insert("translations", &translations(site, lang, path_of, |_| true));
    ctx.insert("alternates", &alternates(site, path_of, available));
    ctx.insert("sections", &section_cards(site, 0, lang));
    let template = if si == 0 {
        ctx.insert("page_title", &site.config.languages[lang].title);
        let mut all_upcoming: Vec<(jiff::Timestamp, usize)> = site
            .pages
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let e = p.listed(lang).event?;
                let value = event_value(site, e, lang);
                value["upcoming"]
                    .as_bool()
                    .unwrap_or(false)
                    .then(|| (e.start.timestamp(), i))
            })
            .collect();
        all_upcoming.sort();
        ctx.insert(
            "upcoming_events",
            &all_upcoming
                .iter()
                .take(3)
                .map(|(_, p)| summary(site, &site.pages[*p], lang))
                .collect::<Vec<_>>(),
        );
        ctx.insert("breadcrumbs", &Vec::<Value>::new());
        "index.html".into()
    } else {
        ctx.insert("page_title", &v.front.title);
        ctx.insert("breadcrumbs", &breadcrumbs(site, section.parent, lang));
        match &v.front.template {
            Some(t) if shared.theme.has_template(t) => t.clone().into(),
            _ => "section.html".into(),
        }
    };
    (template, ctx)
}

fn tag_context(shared: &Shared, lang: usize, slug: &str) -> (Tpl, JobData) {
    let site = shared.site;
    let tag = &site.tags[lang][slug];
    let path = site.config.lang_path(lang, &format!("tags/{slug}/"));
    let title = site.strings.get(lang, "tagged").replace("{tag}", &tag.name);
    let (t, mut ctx) = simple(shared, lang, "tag.html", &format!("tags/{slug}/"), &title);
    ctx.insert(
        "tag",
        &json!({
            "name": tag.name,
            "url": site.config.url(&path),
            "pages": tag.pages.iter().map(|&p| summary(site, &site.pages[p], lang)).collect::<Vec<_>>(),
        }),
    );
    let available = |l: usize| site.tags[l].contains_key(slug);
    ctx.insert(
        "translations",
        &translations(
            site,
            lang,
            |l| {
                if available(l) {
                    site.config.lang_path(l, &format!("tags/{slug}/"))
                } else {
                    site.config.lang_path(l, "tags/")
                }
            },
            available,
        ),
    );
    ctx.insert("breadcrumbs", &vec![
        json!({ "title": site.strings.get(lang, "home"), "url": site.config.url(&site.config.lang_path(lang, "")) }),
        json!({ "title": site.strings.get(lang, "all_tags"), "url": site.config.url(&site.config.lang_path(lang, "tags/")) }),
    ]);
    (t, ctx)
}

fn tag_index_context(shared: &Shared, lang: usize) -> (Tpl, JobData) {
    let site = shared.site;
    let (t, mut ctx) = simple(
        shared,
        lang,
        "tags.html",
        "tags/",
        site.strings.get(lang, "all_tags"),
    );
    let tags: Vec<Value> = site.tags[lang]
        .values()
        .map(|tag| json!({ "name": tag.name, "url": site.config.url(&site.config.lang_path(lang, &format!("tags/{}/", tag.slug))), "count": tag.pages.len() }))
        .collect();
    ctx.insert("tags", &tags);
    ctx.insert("breadcrumbs", &vec![json!({ "title": site.strings.get(lang, "home"), "url": site.config.url(&site.config.lang_path(lang, "")) })]);
    ctx.insert(
        "translations",
        &translations(
            site,
            lang,
            |l| site.config.lang_path(l, "tags/"),
            |l| !site.tags[l].is_empty(),
        ),
    );
    (t, ctx)
}

#[derive(Serialize)]
struct FeedEntry {
    title: String,
    url: String,
    updated: String,
    published: Option<String>,
    summary: Option<String>,
    content: String,
}

fn rfc3339(site: &Site, date: jiff::civil::Date) -> String {
    date.to_zoned(site.config.timezone.clone())
        .map(|z| z.timestamp().to_string())
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_string())
}

/// How many versions a feed shows.
const FEED_ENTRIES: usize = 30;

/// The versions the feed of `lang` shows, newest first by `updated`, else `date`. `serve` asks it whether an
/// edited version is in the feed before rendering the feed again (`render::deps`).
pub(super) fn feed_entries(
    site: &Site,
    lang: usize,
) -> Vec<(jiff::civil::Date, &Page, &PageVariant)> {
    let mut dated: Vec<(jiff::civil::Date, &Page, &PageVariant)> = site
        .pages
        .iter()
        .filter_map(|p| {
            let v = p.variants[lang].as_ref()?;
            let d = v.front.updated.or(v.front.date)?;
            Some((d.0, &**p, v))
        })
        .collect();
    // Page keys are unique, so this order is total and picking the newest before sorting them gives the
    // entries a full sort gives.
    let newest_first = |a: &(jiff::civil::Date, &Page, &PageVariant),
                        b: &(jiff::civil::Date, &Page, &PageVariant)| {
        b.0.cmp(&a.0).then_with(|| a.1.key.cmp(&b.1.key))
    };
    if dated.len() > FEED_ENTRIES {
        dated.select_nth_unstable_by(FEED_ENTRIES - 1, newest_first);
        dated.truncate(FEED_ENTRIES);
    }
    dated.sort_by(newest_first);
    dated
}

fn feed_context(shared: &Shared, lang: usize) -> (Tpl, JobData) {
    let site = shared.site;
    let dated = feed_entries(site, lang);
    let entries: Vec<FeedEntry> = dated
        .iter()
        .map(|(d, p, v)| FeedEntry {
            title: v.front.title.clone(),
            url: site.config.permalink(&p.paths[lang]),
            updated: rfc3339(site, *d),
            published: v.front.date.map(|x| rfc3339(site, x.0)),
            summary: v.front.description.clone(),
            content: body_html(site, &v.body, lang).replace(
                &format!("href=\"{}/", site.config.base_path),
                &format!("href=\"{}/", site.config.base_url),
            ),
        })
        .collect();
    // The feed changes only when content does, so builds stay reproducible.
    let updated = dated.first().map_or_else(
        || "1970-01-01T00:00:00Z".to_string(),
        |(d, _, _)| rfc3339(site, *d),
    );
    let mut ctx = JobData::over(lang);
    ctx.insert(
        "feed_title",
        &format!(
            "{} – {}",
            site.config.languages[lang].title,
            site.strings.get(lang, "feed_title")
        ),
    );
    ctx.insert(
        "feed_self",
        &site
            .config
            .permalink(&site.config.lang_path(lang, "atom.xml")),
    );
    ctx.insert(
        "feed_home",
        &site.config.permalink(&site.config.lang_path(lang, "")),
    );
    ctx.insert("feed_updated", &updated);
    ctx.insert("entries", &entries);
    ("atom.xml".into(), ctx)
}

/// One `<url>` of the sitemap. Borrowed and typed rather than `json!` values: a large site's sitemap has
/// one entry per page and language, and a tree of maps built first and then copied into the context by
/// `insert` was the largest allocation at the end of a build.
#[derive(Serialize)]
struct SitemapUrl<'a> {
    loc: String,
    lastmod: Option<String>,
    alternates: &'a [SitemapAlternate<'a>],
}

#[derive(Serialize)]
struct SitemapAlternate<'a> {
    lang: &'a str,
    url: String,
}

/// Calls `f` with every URL of the sitemap: sections first, then pages, each in every language it exists in.
fn with_sitemap_urls<R>(shared: &Shared, f: impl FnOnce(&[SitemapUrl]) -> R) -> R {
    let site = shared.site;
    let langs = site.config.languages.len();
    // Every (paths, languages available, lastmod) to list: sections first, then pages.
    let mut entries: Vec<(&[String], Vec<usize>, Option<String>)> = Vec::new();
    for s in &site.sections {
        // A folder without `_index.md` is listed once, in the default language.
        let implicit = s.variants.iter().flatten().all(|v| v.file.is_none());
        let available = (0..langs)
            .filter(|&l| s.variants[l].is_some() && (!implicit || l == 0))
            .collect();
        entries.push((&s.paths, available, None));
    }
    for p in &site.pages {
        let (v, _) = p.shown(0);
        let lastmod = v.front.updated.or(v.front.date).map(|d| d.0.to_string());
        let available = (0..langs).filter(|&l| p.variants[l].is_some()).collect();
        entries.push((&p.paths, available, lastmod));
    }
    let glossary: Vec<String> = (0..langs)
        .map(|l| site.config.lang_path(l, GLOSSARY_PATH))
        .collect();
    if super::glossary::wanted(site) {
        entries.push((&glossary, (0..langs).collect(), None));
    }
    let alternates: Vec<Vec<SitemapAlternate>> = entries
        .iter()
        .map(|(paths, available, _)| {
            if available.len() < 2 {
                return Vec::new();
            }
            available
                .iter()
                .map(|&l| SitemapAlternate {
                    lang: &site.config.languages[l].code,
                    url: site.config.permalink(&paths[l]),
                })
                .collect()
        })
        .collect();
    let mut urls: Vec<SitemapUrl> = Vec::new();
    for ((paths, available, lastmod), alternates) in entries.iter().zip(&alternates) {
        for &l in available {
            urls.push(SitemapUrl {
                loc: site.config.permalink(&paths[l]),
                lastmod: lastmod.clone(),
                alternates,
            });
        }
    }
    f(&urls)
}

/// The sitemap as the default theme's `sitemap.xml` renders it, byte for byte (a test compares the two), but
/// written directly: at 30,000 URLs Tera took about 200 ms for it, most of a `serve` rebuild after an edit of
/// a page's date. A theme with its own `sitemap.xml` gets it rendered by Tera as any other template.
fn sitemap_xml(urls: &[SitemapUrl]) -> Vec<u8> {
    let mut out = String::with_capacity(urls.len() * 256);
    out.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ",
        "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
    ));
    for u in urls {
        out.push_str("<url>\n<loc>");
        out.push_str(&crate::theme::escape(&u.loc));
        out.push_str("</loc>\n");
        if let Some(lastmod) = &u.lastmod {
            out.push_str("<lastmod>");
            out.push_str(&crate::theme::escape(lastmod));
            out.push_str("</lastmod>\n");
        }
        for a in u.alternates {
            out.push_str("<xhtml:link rel=\"alternate\" hreflang=\"");
            out.push_str(&crate::theme::escape(a.lang));
            out.push_str("\" href=\"");
            out.push_str(&crate::theme::escape(&a.url));
            out.push_str("\"/>\n");
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out.into_bytes()
}

fn alias_context(shared: &Shared, pi: usize, lang: usize) -> (Tpl, JobData) {
    let site = shared.site;
    let page = &site.pages[pi];
    let mut ctx = JobData::over(lang);
    ctx.insert("redirect_to", &site.config.permalink(&page.paths[lang]));
    ctx.insert("redirect_url", &site.config.url(&page.paths[lang]));
    ctx.insert("page_title", &page.shown(lang).0.front.title);
    ("alias.html".into(), ctx)
}

/// A printed file's link for the page: its URL and size, when this run (or the last) made it.
fn print_link(
    shared: &Shared,
    kind: Print,
    pi: usize,
    lang: usize,
    path: fn(&Site, &crate::content::site::Page, usize) -> String,
) -> Option<Value> {
    let site = shared.site;
    shared.leaflets.get(&(kind, pi, lang)).map(|size| {
        json!({
            "url": site.config.url(&path(site, &site.pages[pi], lang)),
            "size": super::leaflets::human_size(*size),
        })
    })
}

/// The page's own `image` as Open Graph values (URL, type, real width and height, alt text), when it has
/// one; it wins over the section's card. The picture is copied beside the page in every language.
fn share_image(
    site: &Site,
    page: &crate::content::site::Page,
    v: &crate::content::site::PageVariant,
    lang: usize,
) -> Option<Vec<(&'static str, Value)>> {
    let image = v.front.image.as_ref()?;
    let file = crate::content::references::image_file(page, &image.src, &site.assets)?;
    let inner = file
        .rel
        .strip_prefix(page.bundle_dir.as_deref().unwrap_or_default())?
        .trim_start_matches('/');
    let kind = match inner.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()) {
        Some(e) if e == "jpg" || e == "jpeg" => "image/jpeg",
        Some(e) if e == "png" => "image/png",
        Some(e) if e == "gif" => "image/gif",
        Some(e) if e == "webp" => "image/webp",
        _ => "",
    };
    let mut out = vec![
        (
            "og_image",
            Value::String(
                site.config
                    .permalink(&format!("{}{inner}", page.paths[lang])),
            ),
        ),
        ("og_image_type", Value::String(kind.to_string())),
        ("og_image_alt", Value::String(image.alt.clone())),
    ];
    // An unreadable header leaves the size out rather than guessing it.
    if let Ok(size) = imagesize::size(&file.disk) {
        out.push(("og_image_width", Value::from(size.width)));
        out.push(("og_image_height", Value::from(size.height)));
    } else {
        out.push(("og_image_width", Value::Null));
        out.push(("og_image_height", Value::Null));
    }
    Some(out)
}
