//! Progress of a long build on a terminal: which stage (leaflets, pages) and how far it is.
//!
//! Drawn on standard error only when it is a terminal, so CI logs, pipes and redirected output
//! stay exactly as they were: diagnostics and the summary line, nothing else.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress display that may be hidden; counting on a hidden one costs nothing.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// Nothing is shown (serve, check, tests).
    pub fn hidden() -> Self {
        Progress { bar: None }
    }

    /// Shown when standard error is a terminal and `TERM` is not `dumb`; hidden otherwise.
    pub fn on_terminal() -> Self {
        let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        if !std::io::stderr().is_terminal() || dumb {
            return Self::hidden();
        }
        let style = ProgressStyle::with_template("{prefix:>9} [{bar:30}] {pos}/{len}  {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        // A few redraws a second are enough for a human and cost nothing measurable.
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(8))
            .with_style(style);
        Progress { bar: Some(bar) }
    }

    /// Starts a stage of `total` steps, replacing the previous one on the same line.
    pub fn stage(&self, name: &str, total: usize) {
        if let Some(bar) = &self.bar {
            bar.set_position(0);
            bar.set_length(total as u64);
            bar.set_prefix(name.to_string());
            bar.reset_elapsed();
            bar.enable_steady_tick(Duration::from_millis(250));
        }
    }

    /// One step of the current stage is done.
    pub fn step(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Sets how many steps of the current stage are done (steps finishing out of order).
    pub fn set(&self, done: usize) {
        if let Some(bar) = &self.bar {
            bar.set_position(done as u64);
        }
    }

    /// Removes the display, leaving the terminal as it was for the summary line.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
