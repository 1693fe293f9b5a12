//! Integration tests: each module drives the real `suluh` binary on fixture sites copied to temp folders.

mod harness;

mod browser;
mod build;
mod bundled;
mod check;
mod errors;
mod leaflet;
mod scaffold;
mod search;
mod serve;
