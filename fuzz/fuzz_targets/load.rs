//! Fuzz target: loading and typing of any multi-document YAML/JSON.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| skiff::fuzzing::load_documents(data));
