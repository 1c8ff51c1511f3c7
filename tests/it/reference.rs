//! The reference istioctl (`scripts/reference-istioctl`, built from Istio's Go module) is
//! the release skiff targets and runs offline; and a ratchet on skiff against it: the
//! built-in profiles whose rendered objects (kind, namespace, name) are the same in both.

use std::collections::BTreeSet;
use std::process::Command;

/// Profiles whose `manifest generate` object set equals istioctl's. A profile that starts
/// agreeing must be added here; one that stops agreeing fails the test.
const AGREEING_PROFILES: &[&str] = &[
    "ambient",
    "default",
    "demo",
    "empty",
    "minimal",
    "openshift",
    "openshift-ambient",
    "preview",
    "remote",
    "stable",
];

/// Runs a command with no kubeconfig, so nothing can reach a cluster.
fn offline(program: &std::path::Path, args: &[&str]) -> String {
    let home = std::env::temp_dir().join("skiff-reference-home");
    std::fs::create_dir_all(&home).unwrap();
    let out = Command::new(program)
        .args(args)
        .env("HOME", &home)
        .env("KUBECONFIG", home.join("no-kubeconfig"))
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{} {args:?}: {}",
        program.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn object_keys(render: &str) -> BTreeSet<String> {
    skiff::model::load::parse_documents(render, "render")
        .expect("render parses")
        .iter()
        .map(|r| skiff::install::owned::key(&r.object))
        .collect()
}

#[test]
#[ignore = "needs istioctl built from Go modules (./scripts/test builds it)"]
fn reference_istioctl_is_1_30_3_and_renders_offline() {
    let istioctl = crate::common::reference_istioctl();
    let version = offline(istioctl, &["version", "--remote=false"]);
    assert_eq!(version.trim(), "client version: 1.30.3");
    let demo = offline(istioctl, &["manifest", "generate", "--set", "profile=demo"]);
    let keys = object_keys(&demo);
    assert!(keys.contains("Deployment:istio-system:istiod"), "{keys:?}");
    assert!(
        demo.contains("image: docker.io/istio/pilot:1.30.3"),
        "the release's hub and tag"
    );
}

#[test]
#[ignore = "needs istioctl built from Go modules (./scripts/test builds it)"]
fn profiles_render_the_same_objects_as_istioctl() {
    let istioctl = crate::common::reference_istioctl();
    let skiff = std::path::PathBuf::from(env!("CARGO_BIN_EXE_skiff"));
    let mut agreeing = Vec::new();
    let mut differences = Vec::new();
    for profile in skiff::model::effective::profiles::NAMES {
        let set = format!("profile={profile}");
        let args = ["manifest", "generate", "--set", &set];
        let theirs = object_keys(&offline(istioctl, &args));
        let ours = object_keys(&offline(&skiff, &args));
        if theirs == ours {
            agreeing.push(*profile);
        } else {
            differences.push(format!(
                "{profile}: only istioctl {:?}, only skiff {:?}",
                theirs.difference(&ours).collect::<Vec<_>>(),
                ours.difference(&theirs).collect::<Vec<_>>()
            ));
        }
    }
    assert_eq!(
        agreeing,
        AGREEING_PROFILES,
        "profiles agreeing with istioctl changed (update AGREEING_PROFILES when one is fixed):\n{}",
        differences.join("\n")
    );
}
