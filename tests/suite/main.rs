//! Integration tests: each module drives the real `suluh` binary on fixture sites copied to temp folders.

mod harness;

mod browser;
mod build;
mod bundled;
mod calendar;
mod check;
mod errors;
mod facts;
mod fuzz_regressions;
mod incremental;
mod interrupt;
mod leaflet;
mod offline;
mod plain;
mod posters;
mod properties;
mod scaffold;
mod scale;
mod search;
mod serve;
