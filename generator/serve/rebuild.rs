//! Rebuilding the served site: the same pipeline as `build`, rendered into memory, keeping the last good
//! outputs when a run has errors and reporting which outputs changed.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::paths::Files;
use super::watch::Batch;
use crate::diagnostics::{has_errors, normalize, Diagnostic, Sources};
use crate::output::MemorySink;
use crate::pipeline::{self, Options};

/// The result of one rebuild.
pub struct Rebuilt {
    /// The complete new site, when the run had no errors.
    pub files: Option<Arc<Files>>,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Arc<Sources>,
    /// Outputs added, changed or removed compared with the previous good site.
    pub changed: Vec<String>,
    pub elapsed: Duration,
    /// Codes of the non-default languages (their 404 pages live under `<code>/`).
    pub languages: Vec<String>,
}

impl Rebuilt {
    pub fn failed(&self) -> bool {
        has_errors(&self.diagnostics)
    }
}

/// Keeps the last good outputs between rebuilds.
pub struct Builder {
    options: Options,
    files: Arc<Files>,
    languages: Vec<String>,
}

impl Builder {
    pub fn new(options: Options) -> Builder {
        Builder {
            options,
            files: Arc::new(Files::new()),
            languages: Vec::new(),
        }
    }

    /// Runs the pipeline on the inputs as they are now. `_batch` says what changed since the last run.
    pub fn rebuild(&mut self, _batch: &Batch) -> Rebuilt {
        let started = Instant::now();
        let sources = Arc::new(Sources::default());
        let (prepared, mut diags) = pipeline::prepare(&self.options, &sources);
        let mut rendered = None;
        if let Some(prepared) = &prepared {
            self.languages = prepared.site.config.languages[1..]
                .iter()
                .map(|l| l.code.clone())
                .collect();
            if !has_errors(&diags) {
                let sink = MemorySink::default();
                let (render_diags, _) = pipeline::render_into(prepared, &sink);
                diags.extend(render_diags);
                rendered = sink.files.into_inner().ok();
            }
        }
        normalize(&mut diags);
        let mut out = Rebuilt {
            files: None,
            diagnostics: diags,
            sources,
            changed: Vec::new(),
            elapsed: Duration::ZERO,
            languages: self.languages.clone(),
        };
        if let (Some(new), false) = (rendered, out.failed()) {
            let (merged, changed) = merge(&self.files, new);
            out.changed = changed;
            if !out.changed.is_empty() {
                self.files = Arc::new(merged);
            }
            out.files = Some(self.files.clone());
        }
        out.elapsed = started.elapsed();
        out
    }
}

/// The new site, sharing the bytes of unchanged outputs with the old one, and the paths that differ.
pub fn merge(old: &Files, new: Files) -> (Files, Vec<String>) {
    let mut changed: Vec<String> = old
        .keys()
        .filter(|k| !new.contains_key(*k))
        .cloned()
        .collect();
    let merged = new
        .into_iter()
        .map(|(k, bytes)| match old.get(&k) {
            Some(prev) if prev[..] == bytes[..] => (k, prev.clone()),
            _ => {
                changed.push(k.clone());
                (k, bytes)
            }
        })
        .collect();
    changed.sort();
    (merged, changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(entries: &[(&str, &str)]) -> Files {
        entries
            .iter()
            .map(|(k, v)| (k.to_string(), Arc::from(v.as_bytes())))
            .collect()
    }

    #[test]
    fn merge_reports_added_changed_and_removed() {
        let old = files(&[("a", "1"), ("b", "2"), ("c", "3")]);
        let new = files(&[("a", "1"), ("b", "22"), ("d", "4")]);
        let (merged, changed) = merge(&old, new);
        assert_eq!(changed, vec!["b", "c", "d"]);
        assert_eq!(merged.keys().collect::<Vec<_>>(), vec!["a", "b", "d"]);
        assert!(Arc::ptr_eq(&merged["a"], &old["a"]));
    }
}
