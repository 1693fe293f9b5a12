//! Integration tests: each module drives the real `suluh` binary on fixture sites copied to temp folders.

mod harness;

mod browser;
mod build;
mod bundled;
mod errors;
mod scaffold;
mod search;
