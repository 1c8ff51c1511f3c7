//! Istio's lifecycle on a real cluster (Kubernetes 1.35 with a node, controller-manager
//! and scheduler from scripts/test-cluster): dry run, install, no-change re-run, readiness
//! failures named with their cause, a revision beside the default, prune, a ready
//! install verified, and uninstall that leaves unrelated objects alone. One scenario, in
//! order, in its own Istio namespace.

use crate::common;

use common::run;

use serde_json::json;
use skiff::cluster::ConnectOptions;
use skiff::cluster::{connect, Cluster};
use skiff::install::owned;

async fn exists(cluster: &Cluster, api: &str, kind: &str, ns: Option<&str>, name: &str) -> bool {
    cluster.get(api, kind, ns, name).await.is_ok()
}

/// An IstioOperator whose istiod is a stand-in that can run here (Istio's images cannot
/// be pulled): the local busybox httpd image serving on istiod's readiness port.
fn stand_in_operator(ns: &str) -> String {
    format!(
        r#"apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  profile: minimal
  values:
    global:
      istioNamespace: {ns}
  components:
    pilot:
      k8s:
        imagePullPolicy: Never
        readinessProbe:
          httpGet: {{path: /, port: 8080}}
          periodSeconds: 1
        overlays:
        - kind: Deployment
          name: istiod
          patches:
          - path: spec.template.spec.containers.[name:discovery].image
            value: localhost/busybox-httpd:local
          - path: spec.template.spec.containers.[name:discovery].command
            value: [/bin/httpd, -f, -p, "8080", -h, /www]
          - path: spec.template.spec.containers.[name:discovery].args
          - path: spec.template.spec.containers.[name:discovery].securityContext
"#
    )
}

fn test_cluster(command: &str) {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/test-cluster");
    let status = std::process::Command::new(script)
        .arg(command)
        .status()
        .expect("run scripts/test-cluster");
    assert!(status.success(), "scripts/test-cluster {command} failed");
}

#[test]
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn install_converges_after_the_api_server_dies_midway() {
    // Changes cluster-wide Istio objects and restarts the API server: alone.
    let _cluster = common::exclusive_cluster();
    let kc = common::kubeconfig();
    let ns = common::namespace_for("istio-restart");
    let ns_set = format!("values.global.istioNamespace={ns}");
    let args = [
        "install",
        "-y",
        "--readiness-timeout",
        "0s",
        "--set",
        "profile=demo",
        "--set",
        ns_set.as_str(),
    ];
    let child = common::skiff_command()
        .args(["--kubeconfig", kc.as_str()])
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(120));
    test_cluster("stop-apiserver");
    let first = child.wait_with_output().unwrap();
    test_cluster("start-apiserver");
    let (code, out) = run(&kc, &args);
    assert_eq!(
        code,
        0,
        "after the restart (first run exited {:?}): {out}",
        first.status.code()
    );

    // Exactly the rendered objects, each once, and nothing else owned.
    let out = common::skiff(
        &kc,
        &[
            "manifest",
            "generate",
            "--cluster-specific",
            "--set",
            "profile=demo",
            "--set",
            &ns_set,
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let render = String::from_utf8(out.stdout).unwrap();
    let mut rendered: std::collections::BTreeSet<String> =
        skiff::model::load::parse_documents(&render, "render")
            .unwrap()
            .iter()
            .map(|r| owned::key(&r.object))
            .collect();
    // Beside the render, install adds the default revision tag, as istioctl's does.
    rendered.extend([
        format!("MutatingWebhookConfiguration::istio-revision-tag-default-{ns}"),
        format!("Service:{ns}:istiod-revision-tag-default"),
        "ValidatingWebhookConfiguration::istiod-default-validator".to_string(),
    ]);
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
        let live: Vec<String> = owned::list(&cluster, &owned::revision_selector(""))
            .await
            .unwrap()
            .iter()
            .filter(|o| o["metadata"]["deletionTimestamp"].is_null())
            .map(owned::key)
            .collect();
        let unique: std::collections::BTreeSet<String> = live.iter().cloned().collect();
        assert_eq!(unique.len(), live.len(), "duplicates: {live:?}");
        assert_eq!(unique, rendered, "owned objects differ from the render");
    });
    let (code, out) = run(&kc, &["uninstall", "--purge", "-y"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn install_lifecycle() {
    // Changes cluster-wide Istio objects and restarts the API server: alone.
    let _cluster = common::exclusive_cluster();
    let kc = common::kubeconfig();
    let ns = common::namespace_for("istio");
    let ns_set = format!("values.global.istioNamespace={ns}");
    let demo = ["--set", "profile=demo", "--set", ns_set.as_str()];
    let rt = skiff::cluster::runtime();
    let cluster = common::connect_to(&rt, &kc);

    // A dry run on a cluster without this installation creates nothing, not even the namespace.
    let (code, out) = run(&kc, &[&["install", "--dry-run"][..], &demo[..]].concat());
    assert_eq!(code, 0, "{out}");
    let creates = out
        .lines()
        .find_map(|l| l.strip_prefix("Dry run: "))
        .and_then(|l| l.split(' ').next())
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or_else(|| panic!("no dry-run summary: {out}"));
    // 45 objects (the render's 42 and the default revision tag's 3), of which the 15 CRDs
    // may exist already.
    assert!(creates >= 30, "{out}");
    assert!(
        !rt.block_on(exists(&cluster, "v1", "Namespace", None, &ns)),
        "dry run created the namespace"
    );

    // Install without waiting, then again: nothing changes.
    let (code, out) = run(
        &kc,
        &[
            &["install", "-y", "--readiness-timeout", "0s"][..],
            &demo[..],
        ]
        .concat(),
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("✔ Installation complete"), "{out}");
    assert!(rt.block_on(exists(
        &cluster,
        "apps/v1",
        "Deployment",
        Some(&ns),
        "istio-egressgateway"
    )));
    assert!(rt.block_on(exists(
        &cluster,
        "apiextensions.k8s.io/v1",
        "CustomResourceDefinition",
        None,
        "virtualservices.networking.istio.io"
    )));
    let (code, out) = run(
        &kc,
        &[
            &["install", "-y", "--readiness-timeout", "0s"][..],
            &demo[..],
        ]
        .concat(),
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("No changes: all 45 objects are up to date"),
        "{out}"
    );

    // Istio's images cannot be pulled here: the wait fails and says so, with the image.
    let (code, out) = run(
        &kc,
        &[
            &["install", "-y", "--readiness-timeout", "45s"][..],
            &demo[..],
        ]
        .concat(),
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("Pilot encountered an error"), "{out}");
    assert!(
        out.contains("ErrImagePull") || out.contains("ImagePullBackOff"),
        "no image pull reason: {out}"
    );
    assert!(out.contains("docker.io/istio/pilot:1.30.3"), "{out}");
    let (code, out) = run(&kc, &["verify-install"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&format!("✘ Deployment: istiod.{ns}")), "{out}");

    // Objects in the Istio namespace that skiff did not install.
    rt.block_on(async {
        cluster
            .apply(&json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "mine", "namespace": ns}, "data": {"a": "b"}}), None)
            .await
            .unwrap();
        cluster
            .apply(&json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "mine", "namespace": ns},
                "spec": {"replicas": 0, "selector": {"matchLabels": {"app": "mine"}},
                    "template": {"metadata": {"labels": {"app": "mine"}}, "spec": {"containers": [{"name": "c", "image": "localhost/busybox-httpd:local"}]}}}}), None)
            .await
            .unwrap();
    });

    // A canary revision beside the default one; removing only the canary.
    let (code, out) = run(
        &kc,
        &[
            "install",
            "-y",
            "--readiness-timeout",
            "0s",
            "-r",
            "canary",
            "--set",
            "profile=minimal",
            "--set",
            &ns_set,
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(rt.block_on(exists(
        &cluster,
        "apps/v1",
        "Deployment",
        Some(&ns),
        "istiod-canary"
    )));
    let (code, out) = run(&kc, &["uninstall", "-r", "canary", "-y"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        !rt.block_on(exists(
            &cluster,
            "apps/v1",
            "Deployment",
            Some(&ns),
            "istiod-canary"
        )),
        "{out}"
    );
    assert!(
        rt.block_on(exists(
            &cluster,
            "apps/v1",
            "Deployment",
            Some(&ns),
            "istiod"
        )),
        "default revision removed: {out}"
    );

    // A ready installation: the stand-in istiod, minimal profile (the gateways are pruned).
    let file = std::env::temp_dir().join(format!("{ns}-iop.yaml"));
    std::fs::write(&file, stand_in_operator(&ns)).unwrap();
    let file = file.to_str().unwrap();
    let (code, out) = run(
        &kc,
        &["install", "-y", "-f", file, "--readiness-timeout", "90s"],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Pruning removed resources"), "{out}");
    assert!(out.contains("✔ Istiod installed 🧠"), "{out}");
    assert!(
        !rt.block_on(exists(
            &cluster,
            "apps/v1",
            "Deployment",
            Some(&ns),
            "istio-egressgateway"
        )),
        "not pruned"
    );
    let (code, out) = run(&kc, &["verify-install", "-f", file]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("✔ Istio is installed and verified successfully"),
        "{out}"
    );

    // uninstall --purge: nothing with skiff's labels is left; the unrelated objects stay.
    let (code, out) = run(&kc, &["uninstall", "--purge", "--dry-run"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        rt.block_on(exists(
            &cluster,
            "apps/v1",
            "Deployment",
            Some(&ns),
            "istiod"
        )),
        "dry run removed istiod"
    );
    let (code, out) = run(&kc, &["uninstall", "--purge", "-y"]);
    assert_eq!(code, 0, "{out}");
    rt.block_on(async {
        let left: Vec<String> = owned::list(&cluster, &owned::all_selector())
            .await
            .unwrap()
            .iter()
            .filter(|o| o["metadata"]["deletionTimestamp"].is_null())
            .map(owned::display)
            .collect();
        assert!(left.is_empty(), "left behind: {left:?}");
        assert!(exists(&cluster, "v1", "ConfigMap", Some(&ns), "mine").await);
        assert!(exists(&cluster, "apps/v1", "Deployment", Some(&ns), "mine").await);
    });
    let (code, out) = run(&kc, &["uninstall", "-r", "nope", "-y"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("could not find target revision"), "{out}");
}
