//! A real control plane on the test node: `skiff install` of the minimal profile with the
//! istiod image built from Istio's module (`skiff.local/istio/pilot:1.30.3`, imported by
//! scripts/test-cluster) runs istiod to Ready; `version` reads 1.30.3 from the running
//! istiod; `verify-install` passes; `uninstall --purge` removes it again.

mod common;

const HUB: &str = "values.global.hub=skiff.local/istio";
const TAG: &str = "values.global.tag=1.30.3";

fn run(kc: &str, args: &[&str]) -> (i32, String) {
    let out = common::skiff(kc, args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

/// Purges the installation however the test ends: a validating webhook left behind without
/// its istiod would refuse Istio resources in the test binaries that run later.
struct Purge<'a>(&'a str);

impl Drop for Purge<'_> {
    fn drop(&mut self) {
        let (code, out) = run(self.0, &["uninstall", "--purge", "-y"]);
        if code != 0 && !std::thread::panicking() {
            panic!("uninstall --purge failed: {out}");
        }
    }
}

#[test]
fn istiod_from_the_local_image_becomes_ready() {
    let kc = common::kubeconfig();
    let ns = common::namespace_for("istiod");
    let ns_set = format!("values.global.istioNamespace={ns}");
    let _purge = Purge(&kc);
    let (code, out) = run(
        &kc,
        &[
            "install",
            "-y",
            "--readiness-timeout",
            "180s",
            "--set",
            "profile=minimal",
            "--set",
            HUB,
            "--set",
            TAG,
            "--set",
            &ns_set,
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Installation complete"), "{out}");

    let (code, out) = run(&kc, &["version", "-i", &ns]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("kubernetes version: v1.35."), "{out}");
    assert!(out.contains("control plane version: 1.30.3"), "{out}");

    let (code, out) = run(&kc, &["verify-install", "-i", &ns]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Istio is installed and verified successfully"),
        "{out}"
    );
}
