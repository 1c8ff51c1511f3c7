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
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/inject");
    let update = std::env::var_os("SKIFF_UPDATE_GOLDEN").is_some();
    let mut differences = Vec::new();
    for name in INPUTS {
        let actual = inject(name);
        let file = dir.join(format!("{name}.yaml"));
        if update {
            std::fs::create_dir_all(&dir).unwrap();
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
                .header("golden", "injected")
                .to_string();
            differences.push(format!("{name}:\n{}", &diff[..diff.len().min(4000)]));
        }
    }
    assert!(
        differences.is_empty(),
        "injections differ from tests/golden/inject (review, then SKIFF_UPDATE_GOLDEN=1):\n{}",
        differences.join("\n")
    );
}
