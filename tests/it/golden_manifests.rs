//! Golden renders: `skiff manifest generate --set profile=<p>` for the default, demo,
//! minimal, ambient and remote profiles, and `-f tests/golden/manifest-inputs/<name>.yaml`
//! for each committed input (values that switch optional objects and fields on; each one
//! checked against istioctl 1.30.3 when written), byte for byte, against the files committed under
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

const INPUTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/manifest-inputs");

fn render(profile: &str) -> String {
    render_with(profile, &["--set", &format!("profile={profile}")])
}

/// The committed inputs' names (file stems), sorted.
fn input_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(INPUTS)
        .expect("read manifest inputs")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| f.strip_suffix(".yaml").map(str::to_string))
        .collect();
    names.sort();
    names
}

fn render_input(name: &str) -> String {
    let file = format!("{INPUTS}/{name}.yaml");
    render_with(name, &["-f", &file])
}

fn render_with(profile: &str, args: &[&str]) -> String {
    let out = common::skiff_command()
        .args(["manifest", "generate"])
        .args(args)
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
fn input_renders_match_their_goldens() {
    let names = input_names();
    assert!(!names.is_empty(), "no inputs in {INPUTS}");
    common::check_goldens(
        "manifest",
        names
            .iter()
            .map(|n| (format!("input-{n}"), render_input(n))),
    );
}

#[test]
fn goldens_leave_out_only_crds() {
    let render = "kind: A\n---\napiVersion: x\nkind: CustomResourceDefinition\n---\nkind: B\n";
    assert_eq!(without_crds(render), "kind: A\n---\nkind: B\n---\n");
}
