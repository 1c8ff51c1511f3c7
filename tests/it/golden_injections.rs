//! Golden injections: `skiff kube-inject -f` of the workloads under `testdata/inject/`
//! (a Deployment, a Pod with host networking, and every annotation branch of the sidecar
//! template), offline with the built-in 1.30.3 defaults, byte for byte against
//! `tests/golden/inject/`. A change in injection shows here as a reviewed diff;
//! `SKIFF_UPDATE_GOLDEN=1 cargo test --test it golden_injections` rewrites the files.

use crate::common;
use std::path::PathBuf;

const INPUTS: &[&str] = &["web", "annotation-branches"];

fn inject(name: &str) -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = common::skiff_command()
        .current_dir(&root)
        .args(["kube-inject", "-f", &format!("testdata/inject/{name}.yaml")])
        .output()
        .expect("run skiff");
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn injections_match_their_goldens() {
    common::check_goldens("inject", INPUTS.iter().map(|n| (n.to_string(), inject(n))));
}
