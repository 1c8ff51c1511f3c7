//! Rendered installations against a real kube-apiserver (Kubernetes 1.35): every object
//! of `manifest generate --cluster-specific` for the main profiles is accepted by the
//! server in a server-side dry run, and the dry run stores nothing.

use crate::common;

use skiff::cluster::connect;
use skiff::cluster::ConnectOptions;
use skiff::model::load;

fn dry_run_profile(profile: &str) {
    let kc = common::kubeconfig();
    let out = common::skiff(
        &kc,
        &[
            "manifest",
            "generate",
            "--cluster-specific",
            "--set",
            &format!("profile={profile}"),
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    // A supported Kubernetes version: the precheck says nothing.
    assert!(!stderr.contains("not supported"), "{stderr}");
    let text = String::from_utf8(out.stdout).unwrap();
    let objects = load::parse_documents(&text, "render").expect("render parses");
    assert!(
        objects.len() > 10,
        "{profile}: only {} objects",
        objects.len()
    );

    let rt = skiff::cluster::runtime();
    rt.block_on(async {
        let cluster = connect(&ConnectOptions {
            kubeconfig: Some(&kc),
            context: None,
            namespace: None,
            istio_namespace: "istio-system",
        })
        .await
        .unwrap();
        for ns in ["istio-system", "kube-system"] {
            common::ensure_namespace(&cluster, ns).await;
        }
        let mut rejected = Vec::new();
        for r in &objects {
            if let Err(e) = cluster.apply_with(&r.object, None, true).await {
                rejected.push(format!(
                    "{} {}: {e}",
                    r.gvk.kind, r.object["metadata"]["name"]
                ));
            }
        }
        assert!(
            rejected.is_empty(),
            "{profile}: the server rejected:\n{}",
            rejected.join("\n")
        );
        // A dry run stores nothing.
        let got = cluster
            .get("apps/v1", "Deployment", Some("istio-system"), "istiod")
            .await;
        assert!(got.is_err(), "dry run created istiod");
    });
}

#[test]
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn demo_profile_is_accepted_by_the_server() {
    let _cluster = common::shared_cluster();
    dry_run_profile("demo");
}

#[test]
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn default_profile_is_accepted_by_the_server() {
    let _cluster = common::shared_cluster();
    dry_run_profile("default");
}

#[test]
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn minimal_profile_is_accepted_by_the_server() {
    let _cluster = common::shared_cluster();
    dry_run_profile("minimal");
}

#[test]
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn ambient_profile_is_accepted_by_the_server() {
    let _cluster = common::shared_cluster();
    dry_run_profile("ambient");
}
