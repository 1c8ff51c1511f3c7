//! Fuzz target: validate (every rule, and the webhook's rules alone) of any documents.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| skiff::fuzzing::validate_documents(data));
