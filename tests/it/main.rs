//! skiff's integration tests, one binary: each module is one area (the CLI, rendering,
//! injection, analysis, the cluster commands, ...), `common` is the one harness they share.
//!
//! `cargo test` runs everything that needs neither the test cluster nor tools from the
//! network; the tests that do are `#[ignore]`d with the reason and run by `./scripts/test`
//! (`cargo test -- --include-ignored`), which provisions them.

mod analyze;
mod cli;
mod cluster;
mod common;
mod completions;
mod crd_coverage;
mod crd_rules_cluster;
mod dashboard;
mod docs;
mod fuzz_regressions;
mod gateway_templates;
mod go_regexp;
mod golden_injections;
mod golden_manifests;
mod inject_templates;
mod install;
mod interop;
mod istiod;
mod kube_inject;
mod layering;
mod malformed;
mod manifest_cluster;
mod multicluster;
mod reference;
mod render;
mod scorer;
