//! `skiff dashboard` against pods on the real test node: URL printed once the UI answers,
//! pages served through skiff's port-forward, reconnect to a replacement pod, SIGINT exits
//! 0 and frees the port, selectors for envoy, explicit addresses, and the no-pod error.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::json;
use skiff::cli::GlobalOptionsView;
use skiff::cluster::{connect, Cluster};

fn view(kubeconfig: &str) -> GlobalOptionsView<'_> {
    GlobalOptionsView {
        kubeconfig: Some(kubeconfig),
        context: None,
        namespace: None,
    }
}

fn http_pod(
    namespace: &str,
    name: &str,
    labels: serde_json::Value,
    port: u16,
) -> serde_json::Value {
    json!({
        "apiVersion": "v1", "kind": "Pod",
        "metadata": {"name": name, "namespace": namespace, "labels": labels},
        "spec": {
            "nodeName": "node1",
            "terminationGracePeriodSeconds": 1,
            "automountServiceAccountToken": false,
            "enableServiceLinks": false,
            "containers": [{
                "name": "httpd", "image": "localhost/busybox-httpd:local", "imagePullPolicy": "Never",
                "command": ["/bin/httpd", "-f", "-p", port.to_string(), "-h", "/www"],
                "ports": [{"containerPort": port}]
            }]
        }
    })
}

async fn wait_gone(cluster: &Cluster, ns: &str, name: &str) {
    for _ in 0..120 {
        if cluster.get("v1", "Pod", Some(ns), name).await.is_err() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    panic!("pod {ns}/{name} was never deleted");
}

/// Starts `skiff dashboard ...` and returns it with the URL it printed.
fn start_dashboard(kc: &str, args: &[&str]) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_skiff"))
        .args(["--kubeconfig", kc])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start skiff dashboard");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .expect("read URL");
    assert!(line.starts_with("http://"), "printed {line:?}");
    (child, line.trim().to_string())
}

fn get(url: &str) -> String {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        reqwest::get(url)
            .await
            .expect("GET through the forward")
            .text()
            .await
            .unwrap()
    })
}

fn interrupt(child: &mut Child) -> Option<i32> {
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    child.wait().unwrap().code()
}

#[test]
fn kiali_dashboard_forwards_reconnects_and_exits_cleanly() {
    let kc = common::kubeconfig();
    let istio_ns = common::namespace_for("dash-istio");
    let rt = skiff::cluster::runtime();
    let cluster = rt.block_on(async {
        let cluster = connect(&view(&kc)).await.expect("connect");
        common::ensure_namespace(&cluster, &istio_ns).await;
        cluster
            .apply(
                &http_pod(&istio_ns, "kiali-1", json!({"app": "kiali"}), 20001),
                None,
            )
            .await
            .expect("pod");
        common::wait_pod_ready(&cluster, &istio_ns, "kiali-1").await;
        cluster
    });
    let (mut child, url) = start_dashboard(
        &kc,
        &[
            "-i",
            &istio_ns,
            "dashboard",
            "kiali",
            "--print-url",
            "--address",
            "127.0.0.1",
            "-p",
            "0",
        ],
    );
    assert!(
        url.starts_with("http://127.0.0.1:") && url.ends_with("/kiali"),
        "{url}"
    );
    assert!(get(&url).contains("skiff test kiali"));

    // The pod is replaced: the dashboard keeps working through the new one.
    rt.block_on(async {
        cluster
            .delete("v1", "Pod", Some(&istio_ns), "kiali-1")
            .await
            .expect("delete");
        wait_gone(&cluster, &istio_ns, "kiali-1").await;
        cluster
            .apply(
                &http_pod(&istio_ns, "kiali-2", json!({"app": "kiali"}), 20001),
                None,
            )
            .await
            .expect("pod 2");
        common::wait_pod_ready(&cluster, &istio_ns, "kiali-2").await;
    });
    assert!(get(&url).contains("skiff test kiali"), "after reconnect");

    assert_eq!(
        interrupt(&mut child),
        Some(0),
        "SIGINT ends the dashboard with exit 0"
    );
    let port: u16 = url
        .trim_start_matches("http://127.0.0.1:")
        .trim_end_matches("/kiali")
        .parse()
        .unwrap();
    std::net::TcpListener::bind(("127.0.0.1", port)).expect("the port is free again");

    rt.block_on(async {
        cluster
            .delete("v1", "Pod", Some(&istio_ns), "kiali-2")
            .await
            .ok();
        cluster
            .delete("v1", "Namespace", None, &istio_ns)
            .await
            .ok();
    });
}

#[test]
fn envoy_dashboard_by_selector_and_the_no_pod_error() {
    let kc = common::kubeconfig();
    let ns = common::namespace_for("dash-envoy");
    let rt = skiff::cluster::runtime();
    let cluster = rt.block_on(async {
        let cluster = connect(&view(&kc)).await.expect("connect");
        common::ensure_namespace(&cluster, &ns).await;
        cluster
            .apply(
                &http_pod(&ns, "proxy-1", json!({"app": "shop"}), 15000),
                None,
            )
            .await
            .expect("pod");
        common::wait_pod_ready(&cluster, &ns, "proxy-1").await;
        cluster
    });
    let (mut child, url) = start_dashboard(
        &kc,
        &[
            "-n",
            &ns,
            "dashboard",
            "envoy",
            "-l",
            "app=shop",
            "--print-url",
        ],
    );
    assert!(url.starts_with("http://localhost:"), "{url}");
    assert!(get(&url).contains("skiff test page"));
    assert_eq!(interrupt(&mut child), Some(0));

    let out = Command::new(env!("CARGO_BIN_EXE_skiff"))
        .args([
            "--kubeconfig",
            &kc,
            "-i",
            &ns,
            "dashboard",
            "grafana",
            "--browser=false",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "no pods found with selector app.kubernetes.io/name=grafana in {ns}"
        )),
        "{stderr}"
    );
    rt.block_on(async {
        cluster.delete("v1", "Pod", Some(&ns), "proxy-1").await.ok();
        cluster.delete("v1", "Namespace", None, &ns).await.ok();
    });
}
