//! Fuzz target: --set parsing and applying (one assignment per line), then rendering.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| skiff::fuzzing::apply_sets(data));
