//! Fuzz target: kube-inject and kube-uninject of any documents.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| skiff::fuzzing::inject_documents(data));
