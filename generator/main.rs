//! The `suluh` command: parse arguments, run the pipeline, print diagnostics, map the result to an exit code
//! (0 success, 1 content or build errors, 2 usage errors).

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use suluh::diagnostics::{self, Diagnostic, Format, Sources};
use suluh::messages::io_reason;
use suluh::msg;
use suluh::pipeline::{self, Options};

#[derive(Parser)]
#[command(
    name = "suluh",
    version,
    about = "Multilingual outreach sites, search and print leaflets from Markdown"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site, search indexes and leaflets into DIR/dist (atomically).
    Build {
        /// The site folder (with site.yaml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default: ROOT/dist).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Publish at another address than site.yaml's base_url.
        #[arg(long)]
        base_url: Option<String>,
        /// Include pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Treat every warning as an error: exit 1 and leave the output untouched.
        #[arg(long)]
        strict: bool,
    },
    /// Preview the site: build it in memory, serve it on loopback, rebuild and reload browsers on every change.
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port to listen on (0: any free port; the address is printed).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; the default serves only this machine.
        #[arg(long, default_value = "127.0.0.1")]
        interface: std::net::IpAddr,
        /// Include pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Validate everything the build would read; writes nothing.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output format for diagnostics.
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
        /// Include pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Also check http/https links by requesting them (each URL once, one request at a time per site,
        /// 10 s timeout). Problems are warnings: another site being down does not fail the check.
        #[arg(long)]
        external: bool,
        /// Time allowed per request in milliseconds (for tests).
        #[arg(long, hide = true, default_value_t = 10_000)]
        external_timeout_ms: u64,
        /// Treat every warning as an error (exit 1), e.g. in an office's CI before publishing.
        #[arg(long)]
        strict: bool,
    },
    /// Render one page's print leaflet (PDF) on demand.
    Leaflet {
        /// The page's path under content/, e.g. paspor/paspor-baru
        page: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Language of the leaflet (default: the site's default language).
        #[arg(long)]
        lang: Option<String>,
        /// Layout (default: the page's, else the site's).
        #[arg(long, value_enum)]
        layout: Option<LayoutArg>,
        /// Where to write the PDF (default: SLUG.LANG.pdf in the current folder).
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// Create a new site in DIR (created if missing; must be empty) that builds and checks cleanly.
    Init {
        /// The folder for the new site.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Create a new page SECTION/SLUG with a front-matter template.
    New {
        /// SECTION/SLUG, e.g. paspor/paspor-dinas
        target: String,
        /// Language of the page (default: the site's default language).
        #[arg(long)]
        lang: Option<String>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum LayoutArg {
    Trifold,
    Booklet,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    Human,
    Json,
}

// A build allocates many small strings on every thread at once (contexts, escaped HTML, search
// terms); glibc's malloc spent a fifth of the build's CPU on them (bench/README.md). Built without
// transparent huge pages (Cargo.toml `no_thp`): a build is short-lived and touches each fresh 2 MiB page
// once, so zeroing whole huge pages cost up to a third of the build's time on the kernel side, in bursts.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(2),
            };
        }
    };
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            strict,
        } => {
            let output = output.unwrap_or_else(|| root.join("dist"));
            let options = Options {
                drafts,
                base_url,
                strict,
                progress: true,
                timings: std::env::var_os("SULUH_TIMINGS").is_some_and(|v| v == "1"),
                exits_after: true,
                ..Options::new(root)
            };
            let started = std::time::Instant::now();
            let outcome = pipeline::build(&options, &output);
            diagnostics::emit(&outcome.diagnostics, &outcome.sources, Format::Human);
            if outcome.failed() {
                eprintln!(
                    "{}",
                    msg!("build-failed", folder = output.display().to_string())
                );
                return ExitCode::from(1);
            }
            eprintln!(
                "{}",
                msg!(
                    "build-done",
                    files = outcome.written,
                    folder = output.display().to_string(),
                    ms = started.elapsed().as_millis().to_string()
                )
            );
            ExitCode::SUCCESS
        }
        Command::Check {
            root,
            format,
            drafts,
            external,
            external_timeout_ms,
            strict,
        } => {
            let options = Options {
                drafts,
                strict,
                ..Options::new(root)
            };
            let external = external.then(|| suluh::check::external::Settings {
                timeout: std::time::Duration::from_millis(external_timeout_ms),
            });
            let outcome = pipeline::check(&options, external.as_ref());
            let format = match format {
                FormatArg::Human => Format::Human,
                FormatArg::Json => Format::Json,
            };
            match format {
                Format::Human => diagnostics::write_stderr(&suluh::check::render_human(
                    &outcome.diagnostics,
                    &outcome.sources,
                    &outcome.gaps,
                    diagnostics::stderr_color(),
                )),
                Format::Json => println!(
                    "{}",
                    suluh::check::render_json(&outcome.diagnostics, &outcome.sources)
                ),
            }
            if outcome.failed() {
                ExitCode::from(1)
            } else {
                if format == Format::Human && outcome.diagnostics.is_empty() {
                    eprintln!("{}", msg!("check-no-problems"));
                }
                ExitCode::SUCCESS
            }
        }
        Command::Serve {
            root,
            port,
            interface,
            drafts,
        } => {
            let options = suluh::serve::ServeOptions {
                root,
                interface,
                port,
                drafts,
            };
            match suluh::serve::run(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(d) => {
                    diagnostics::emit(&d, &Sources::default(), Format::Human);
                    ExitCode::from(1)
                }
            }
        }
        Command::Init { dir } => init(&dir),
        Command::New { target, lang, root } => new_page(&root, &target, lang.as_deref()),
        Command::Leaflet {
            page,
            root,
            lang,
            layout,
            output,
        } => leaflet(root, page, lang, layout, output),
    }
}

fn leaflet(
    root: PathBuf,
    page: String,
    lang: Option<String>,
    layout: Option<LayoutArg>,
    output: Option<PathBuf>,
) -> ExitCode {
    let request = pipeline::LeafletRequest {
        page,
        lang,
        layout: layout.map(|l| match l {
            LayoutArg::Trifold => suluh::config::LeafletLayout::Trifold,
            LayoutArg::Booklet => suluh::config::LeafletLayout::Booklet,
        }),
    };
    let (pdf, outcome) = pipeline::leaflet(&Options::new(root), &request);
    diagnostics::emit(&outcome.diagnostics, &outcome.sources, Format::Human);
    let Some(leaflet) = pdf else {
        return ExitCode::from(1);
    };
    let output = output.unwrap_or_else(|| PathBuf::from(&leaflet.file_name));
    let pdf = leaflet.pdf;
    if let Err(e) = std::fs::write(&output, &pdf) {
        let d = Diagnostic::error(
            diagnostics::codes::IO,
            msg!(
                "cannot-write",
                file = output.display().to_string(),
                reason = io_reason(&e)
            ),
        )
        .with_hint(msg!("hint-check-permissions"));
        diagnostics::emit(&[d], &Sources::default(), Format::Human);
        return ExitCode::from(1);
    }
    eprintln!(
        "{}",
        msg!(
            "leaflet-written",
            file = output.display().to_string(),
            kb = pdf.len().div_ceil(1024)
        )
    );
    ExitCode::SUCCESS
}

fn init(dir: &std::path::Path) -> ExitCode {
    let fail = |d: Diagnostic| {
        diagnostics::emit(&[d], &Sources::default(), Format::Human);
        ExitCode::from(1)
    };
    // The starter's pages are dated today in its time zone; SOURCE_DATE_EPOCH fixes "today" as for builds.
    let now = suluh::clock::now();
    let zone = jiff::tz::TimeZone::get("Asia/Jakarta").unwrap_or(jiff::tz::TimeZone::UTC);
    let today = now.to_zoned(zone).date();
    let files = match suluh::scaffold::plan_site(dir, today) {
        Ok(f) => f,
        Err(d) => return fail(d),
    };
    if let Err(d) = suluh::scaffold::write_site(dir, &files) {
        return fail(d);
    }
    let shown = dir.display();
    // Quoted only when needed, so the commands can be copied as they are.
    let root = if shown.to_string().contains(char::is_whitespace) {
        format!("\"{shown}\"")
    } else {
        shown.to_string()
    };
    eprintln!(
        "{}",
        msg!(
            "init-done",
            folder = shown.to_string(),
            files = files.len(),
            root = root
        )
    );
    ExitCode::SUCCESS
}

fn new_page(root: &std::path::Path, target: &str, lang: Option<&str>) -> ExitCode {
    let sources = Arc::new(Sources::default());
    let fail = |d: Vec<Diagnostic>| {
        diagnostics::emit(&d, &sources, Format::Human);
        ExitCode::from(1)
    };
    let config = match pipeline::read_config(root, &sources) {
        Ok(c) => c,
        Err(d) => return fail(d),
    };
    let today = suluh::clock::now().to_zoned(config.timezone.clone()).date();
    let page = match suluh::scaffold::plan_page(root, &config, target, lang, today) {
        Ok(p) => p,
        Err(d) => return fail(vec![d]),
    };
    let shown = page
        .path
        .strip_prefix(root)
        .unwrap_or(&page.path)
        .display()
        .to_string();
    if let Err(d) = suluh::scaffold::write_page(&page, &shown) {
        return fail(vec![d]);
    }
    eprintln!("{}", msg!("new-created", file = shown));
    ExitCode::SUCCESS
}
