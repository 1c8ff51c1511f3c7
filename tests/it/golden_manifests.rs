//! Golden renders: `skiff manifest generate --set profile=<p>` for the default, demo,
//! minimal, ambient and remote profiles, byte for byte, against the files committed under
//! `tests/golden/manifest/` (CRDs left out: they are the release's CRD facts, checked by
//! their own generator and by `tests/it/crd_coverage.rs`). A change in rendering shows here
//! as a reviewed diff; `SKIFF_UPDATE_GOLDEN=1 cargo test --test it golden_manifests` rewrites
//! the files.

use crate::common;

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
    common::check_goldens(
        "manifest",
        PROFILES.iter().map(|p| (p.to_string(), render(p))),
    );
}

#[test]
fn goldens_leave_out_only_crds() {
    let render = "kind: A\n---\napiVersion: x\nkind: CustomResourceDefinition\n---\nkind: B\n";
    assert_eq!(without_crds(render), "kind: A\n---\nkind: B\n---\n");
}
