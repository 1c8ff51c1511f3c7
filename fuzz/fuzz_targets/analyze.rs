//! Fuzz target: analyze (every analyzer) of any document set.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| skiff::fuzzing::analyze_documents(data));
