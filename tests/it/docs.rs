//! Generated documentation must match what the code generates: docs/analyzers.md from the
//! analyzer registry. Regenerate with: SKIFF_UPDATE_DOCS=1 cargo test --test it docs

use std::path::PathBuf;

#[test]
fn committed_analyzer_reference_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/analyzers.md");
    let want = skiff::analyze::reference::markdown();
    if std::env::var_os("SKIFF_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/analyzers.md is stale: run SKIFF_UPDATE_DOCS=1 cargo test --test it docs"
    );
}
