//! Test harness: copy a fixture site into a fresh temp folder, run the real binary on it, read its output.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A fixed "now" (2026-11-23) so upcoming/past events and scaffolded dates are stable.
pub const NOW_EPOCH: &str = "1795392000";

pub struct Site {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn assert_ok(&self) -> &Self {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// The run failed with exit code 1 and reported an error with the stable `code` (`broken-link`; see
    /// `suluh::diagnostics::codes`) at `location` (e.g. `content/x.md:3:1`). Tests match codes, not wording.
    #[track_caller]
    pub fn assert_error(&self, location: &str, code: &str) -> &Self {
        let message = format!("error[{code}]: ");
        assert_eq!(
            self.code, 1,
            "expected exit code 1\nstderr:\n{}",
            self.stderr
        );
        assert!(
            self.stderr.contains(location),
            "no `{location}` in:\n{}",
            self.stderr
        );
        assert!(
            self.stderr.contains(&message),
            "no `{message}` in:\n{}",
            self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "panic:\n{}", self.stderr);
        assert!(
            !self.stderr.contains("RUST_BACKTRACE"),
            "backtrace hint:\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn assert_hint(&self, hint: &str) -> &Self {
        assert!(
            self.stderr.contains(hint),
            "no hint `{hint}` in:\n{}",
            self.stderr
        );
        self
    }
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("fixture readable");
        let rel = entry.path().strip_prefix(from).expect("inside fixture");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("create dir");
        } else {
            fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

impl Site {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("site");
        copy_dir(&repo().join("tests/fixtures").join(name), &root);
        Site { _dir: dir, root }
    }

    /// A copy of the repository's own bundled site (site.yaml, content/, i18n/, data/).
    pub fn bundled() -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("site");
        fs::create_dir_all(&root).expect("site dir");
        fs::copy(repo().join("site.yaml"), root.join("site.yaml")).expect("site.yaml");
        copy_dir(&repo().join("content"), &root.join("content"));
        copy_dir(&repo().join("i18n"), &root.join("i18n"));
        if repo().join("data").is_dir() {
            copy_dir(&repo().join("data"), &root.join("data"));
        }
        Site { _dir: dir, root }
    }

    /// Runs the binary in the site with English messages (tests match codes and locations, and a few
    /// English words; [`Site::run_in`] runs it in another language).
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_in("en", args)
    }

    /// Runs the binary with `SULUH_MESSAGES=messages`.
    pub fn run_in(&self, messages: &str, args: &[&str]) -> Run {
        self.run_with(&[("SULUH_MESSAGES", messages)], args)
    }

    /// Runs the binary with these environment variables (and a neutral locale unless they set one), to
    /// test how the language of messages is chosen.
    pub fn run_with(&self, env: &[(&str, &str)], args: &[&str]) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_suluh"));
        command
            .args(args)
            .current_dir(&self.root)
            .env("SOURCE_DATE_EPOCH", NOW_EPOCH)
            .env("NO_COLOR", "1")
            .env_remove("SULUH_MESSAGES")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .env_remove("RUST_BACKTRACE");
        for (name, value) in env {
            command.env(name, value);
        }
        let out = command.output().expect("run suluh");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// Builds with English and with Indonesian messages. The Indonesian run must end the same way and
    /// report the same codes at the same `path:line:column`s, in Indonesian (none of the English words
    /// below); the English run is returned for the test's own checks.
    #[track_caller]
    pub fn build_in_both(&self) -> Run {
        let en = self.run_in("en", &["build"]);
        let id = self.run_in("id", &["build"]);
        assert_eq!(en.code, id.code, "en:\n{}\nid:\n{}", en.stderr, id.stderr);
        assert_eq!(
            places(&en.stderr),
            places(&id.stderr),
            "en:\n{}\nid:\n{}",
            en.stderr,
            id.stderr
        );
        // Tera's and Typst's own words about a template stay theirs.
        let from_a_template =
            id.stderr.contains("[template-error]") || id.stderr.contains("[leaflet-template]");
        let english: &[&str] = if from_a_template {
            &["help:", "did you mean", " errors,", " error,", "warnings\n"]
        } else {
            &[
                "help:",
                "did you mean",
                " errors,",
                " error,",
                "warnings\n",
                "expected",
                "found",
                "sequence",
                "mapping",
                "scalar",
                "unknown",
                "missing",
                "cannot",
                "invalid",
                " the ",
            ]
        };
        // The codes (`error[unknown-key]`) are the same in every language; only the words are checked.
        let words: String = id
            .stderr
            .lines()
            .map(|l| match l.find("]: ") {
                Some(i) if l.starts_with("error[") || l.starts_with("warning[") => &l[i + 3..],
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n");
        for word in english {
            assert!(
                !words.contains(word),
                "English `{word}` in the Indonesian output:\n{}",
                id.stderr
            );
        }
        en
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.root.join(rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        fs::write(self.root.join(rel), bytes).expect("write");
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// A file of the built site.
    #[track_caller]
    pub fn out(&self, rel: &str) -> String {
        fs::read_to_string(self.root.join("dist").join(rel))
            .unwrap_or_else(|e| panic!("dist/{rel}: {e}"))
    }

    pub fn out_exists(&self, rel: &str) -> bool {
        self.root.join("dist").join(rel).exists()
    }

    /// Every file under dist/ with its bytes, for before/after comparisons.
    pub fn snapshot(&self) -> Vec<(String, Vec<u8>)> {
        let dist = self.root.join("dist");
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(&dist).sort_by_file_name() {
            let entry = entry.expect("dist readable");
            if entry.file_type().is_file() {
                let rel = entry
                    .path()
                    .strip_prefix(&dist)
                    .expect("inside")
                    .to_string_lossy()
                    .into_owned();
                files.push((rel, fs::read(entry.path()).expect("read")));
            }
        }
        files
    }
}

/// What a run reported, without its words: each `error[code]`/`warning[code]` and each `path:line:column`.
pub fn places(stderr: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in stderr.lines() {
        let line = line.trim();
        if line.starts_with("error[") || line.starts_with("warning[") {
            out.push(line.split(':').next().unwrap_or(line).to_string());
        } else if let Some(at) = line.strip_prefix("┌─ ") {
            out.push(at.to_string());
        }
    }
    out
}

/// The text between `<main` and `</main>`: the part of a page a test cares about.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").unwrap_or(0);
    let end = html.find("</main>").unwrap_or(html.len());
    &html[start..end]
}
