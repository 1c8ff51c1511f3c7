//! Multicluster analysis against two real API servers (`scripts/test-cluster remote` starts
//! the second one): `--remote-contexts`, Istio's remote secrets (a broken or silent one is
//! skipped), and IST0170 for a Service that differs between the clusters.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};
use skiff::cluster::connect;
use skiff::cluster::ConnectOptions;

/// Starts (or reuses) the remote API server next to the test cluster; returns the path of
/// the kubeconfig with the contexts skiff-test and skiff-remote.
fn multi_kubeconfig(kubeconfig: &str) -> PathBuf {
    let state_dir = Path::new(kubeconfig)
        .parent()
        .expect("kubeconfig directory");
    let out = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/test-cluster"))
        .arg("remote")
        .env("SKIFF_CLUSTER_DIR", state_dir)
        .output()
        .expect("run scripts/test-cluster remote");
    assert!(
        out.status.success(),
        "scripts/test-cluster remote: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
    PathBuf::from(path.lines().last().expect("a path"))
}

fn service(name: &str, namespace: &str, port_name: &str) -> Value {
    json!({"apiVersion": "v1", "kind": "Service",
           "metadata": {"name": name, "namespace": namespace},
           "spec": {"selector": {"app": name}, "ports": [{"name": port_name, "port": 9080}]}})
}

fn namespace(name: &str) -> Value {
    json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}})
}

fn messages(out: &std::process::Output) -> Vec<Value> {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {} {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn with_code<'a>(messages: &'a [Value], code: &str) -> Vec<&'a Value> {
    messages.iter().filter(|m| m["code"] == code).collect()
}

#[test]
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn a_service_that_differs_between_clusters_is_ist0170() {
    let _cluster = common::shared_cluster();
    let kc = common::kubeconfig();
    let multi = multi_kubeconfig(&kc);
    let multi = multi.to_str().unwrap();
    let ns = common::namespace_for("mc");
    let istio_ns = common::namespace_for("mc-istio");
    let remote_kubeconfig =
        std::fs::read_to_string(Path::new(multi).with_file_name("remote.kubeconfig")).unwrap();
    // A server that takes connections and never answers, as an address only reachable
    // inside the mesh may behave.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_kubeconfig = remote_kubeconfig.replace(
        remote_kubeconfig
            .lines()
            .find_map(|l| l.split("server: ").nth(1)?.split(',').next())
            .expect("the remote server"),
        &format!("https://{}", silent.local_addr().unwrap()),
    );
    let rt = skiff::cluster::runtime();
    rt.block_on(async {
        let view = |context| ConnectOptions {
            kubeconfig: Some(multi),
            context: Some(context),
            namespace: None,
            istio_namespace: "istio-system",
        };
        let primary = connect(&view("skiff-test")).await.expect("primary");
        let remote = connect(&view("skiff-remote")).await.expect("remote");
        for (cluster, reviews_port) in [(&primary, "http"), (&remote, "grpc")] {
            cluster.apply(&namespace(&ns), None).await.unwrap();
            cluster
                .apply(&service("reviews", &ns, reviews_port), None)
                .await
                .unwrap();
            cluster
                .apply(&service("ratings", &ns, "http"), None)
                .await
                .unwrap();
        }
        primary.apply(&namespace(&istio_ns), None).await.unwrap();
        let secret = json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "istio-remote-secret-west", "namespace": istio_ns,
                         "labels": {"istio/multiCluster": "true"}},
            "stringData": {"west": remote_kubeconfig, "broken": "not: [a kubeconfig",
                           "silent": silent_kubeconfig}});
        primary.apply(&secret, None).await.unwrap();
    });

    // --remote-contexts: both clusters are analyzed, every message names its cluster.
    let out = common::skiff(
        multi,
        &[
            "analyze",
            "-n",
            &ns,
            "--remote-contexts",
            "skiff-remote",
            "-o",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let found = messages(&out);
    let inconsistent = with_code(&found, "IST0170");
    assert_eq!(inconsistent.len(), 1, "{found:#?}");
    assert_eq!(inconsistent[0]["origin"], format!("Service {ns}/reviews"));
    assert_eq!(inconsistent[0]["cluster"], "skiff-test");
    let text = inconsistent[0]["message"].as_str().unwrap();
    assert!(
        text.contains(r#"across clusters ["skiff-test" "skiff-remote"]"#),
        "{text}"
    );
    assert!(
        text.contains("ports: [http 9080/TCP] in skiff-test, [grpc 9080/TCP] in skiff-remote"),
        "{text}"
    );
    assert!(found.iter().all(|m| m["cluster"].is_string()), "{found:#?}");
    assert!(
        found
            .iter()
            .any(|m| m["cluster"] == "skiff-remote" && m["code"] == "IST0102"),
        "the remote cluster's own analysis is missing: {found:#?}"
    );

    // The log form, and IST0170 (a warning) failing the run at --failure-threshold Warning.
    let log = common::skiff(
        multi,
        &[
            "analyze",
            "-n",
            &ns,
            "--remote-contexts=skiff-remote",
            "--failure-threshold",
            "Warning",
        ],
    );
    assert_eq!(log.status.code(), Some(79), "{log:?}");
    let stdout = String::from_utf8_lossy(&log.stdout);
    assert!(
        stdout.contains(&format!(
            "Warning [IST0170] [cluster-skiff-test] (Service {ns}/reviews) The service reviews"
        )),
        "{stdout}"
    );

    // One cluster (no remote secrets in this Istio namespace): nothing to compare.
    let single = common::skiff(multi, &["analyze", "-n", &ns, "-o", "json"]);
    let found = messages(&single);
    assert!(with_code(&found, "IST0170").is_empty(), "{found:#?}");
    assert!(
        found.iter().all(|m| m.get("cluster").is_none()),
        "{found:#?}"
    );

    // Istio's remote secrets: the key is the cluster ID; a bad one is skipped with a warning.
    // The silent one is given up after half of --timeout; the rest is analyzed.
    let by_secret = common::skiff(
        multi,
        &[
            "analyze",
            "-n",
            &ns,
            "-i",
            &istio_ns,
            "-o",
            "json",
            "--timeout",
            "6s",
        ],
    );
    let found = messages(&by_secret);
    let inconsistent = with_code(&found, "IST0170");
    assert_eq!(inconsistent.len(), 1, "{found:#?}");
    assert!(
        inconsistent[0]["message"]
            .as_str()
            .unwrap()
            .contains(r#"["skiff-test" "west"]"#),
        "{inconsistent:?}"
    );
    let stderr = String::from_utf8_lossy(&by_secret.stderr);
    assert!(
        stderr.contains("Warning: skipping remote cluster broken: "),
        "{stderr}"
    );
    assert!(
        stderr.contains("Warning: skipping remote cluster silent: ")
            && stderr.contains("no answer within 3s"),
        "{stderr}"
    );
    drop(silent);

    let unknown = common::skiff(multi, &["analyze", "-n", &ns, "--remote-contexts", "nope"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no context \"nope\""));

    rt.block_on(async {
        let view = |context| ConnectOptions {
            kubeconfig: Some(multi),
            context: Some(context),
            namespace: None,
            istio_namespace: "istio-system",
        };
        for context in ["skiff-test", "skiff-remote"] {
            let cluster = connect(&view(context)).await.unwrap();
            cluster.delete("v1", "Namespace", None, &ns).await.unwrap();
        }
        let primary = connect(&view("skiff-test")).await.unwrap();
        primary
            .delete("v1", "Namespace", None, &istio_ns)
            .await
            .unwrap();
    });
}
