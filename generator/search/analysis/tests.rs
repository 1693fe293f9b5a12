//! Unit tests of each analyser.
