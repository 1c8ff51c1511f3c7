//! Fuzz target: rendering any IstioOperator file.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| skiff::fuzzing::render_operator(data));
