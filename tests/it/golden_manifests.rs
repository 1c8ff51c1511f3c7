//! Golden renders: `skiff manifest generate --set profile=<p>` for the default, demo,
//! minimal, ambient and remote profiles, byte for byte, against the files committed under
//! `tests/golden/manifest/` (CRDs left out: they are the release's CRD facts, checked by
//! their own generator and by `tests/it/crd_coverage.rs`). A change in rendering shows here
//! as a reviewed diff; `SKIFF_UPDATE_GOLDEN=1 cargo test --test it golden_manifests` rewrites
//! the files.

use crate::common;
use std::path::PathBuf;

const PROFILES: &[&str] = &["default", "demo", "minimal", "ambient", "remote"];

/// The render's documents, CustomResourceDefinitions left out.
fn without_crds(render: &str) -> String {
    let mut out = String::new();
    for doc in render.split("\n---\n") {
        let is_crd = doc
            .lines()
            .any(|l| l.trim_end() == "kind: CustomResourceDefinition");
        if !is_crd && !doc.trim().is_empty() {
            out.push_str(doc.trim_end_matches('\n'));
            out.push_str("\n---\n");
        }
    }
    out
}

fn render(profile: &str) -> String {
    let out = common::skiff_command()
        .args([
            "manifest",
            "generate",
            "--set",
            &format!("profile={profile}"),
        ])
        .env("KUBECONFIG", "/nonexistent/kubeconfig")
        .output()
        .expect("run skiff");
    assert!(
        out.status.success(),
        "{profile}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    without_crds(&String::from_utf8(out.stdout).unwrap())
}

#[test]
fn profile_renders_match_their_goldens() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/manifest");
    let update = std::env::var_os("SKIFF_UPDATE_GOLDEN").is_some();
    let mut differences = Vec::new();
    for profile in PROFILES {
        let actual = render(profile);
        let file = dir.join(format!("{profile}.yaml"));
        if update {
            std::fs::write(&file, &actual).unwrap();
            continue;
        }
        let golden = std::fs::read_to_string(&file).unwrap_or_else(|e| {
            panic!("{}: {e} (SKIFF_UPDATE_GOLDEN=1 writes it)", file.display())
        });
        if golden != actual {
            let diff = similar::TextDiff::from_lines(&golden, &actual)
                .unified_diff()
                .context_radius(2)
                .header("golden", "rendered")
                .to_string();
            differences.push(format!("{profile}:\n{}", &diff[..diff.len().min(4000)]));
        }
    }
    assert!(
        differences.is_empty(),
        "renders differ from tests/golden/manifest (review, then SKIFF_UPDATE_GOLDEN=1):\n{}",
        differences.join("\n")
    );
}

#[test]
fn goldens_leave_out_only_crds() {
    let render = "kind: A\n---\napiVersion: x\nkind: CustomResourceDefinition\n---\nkind: B\n";
    assert_eq!(without_crds(render), "kind: A\n---\nkind: B\n---\n");
}
