//! `skiff dashboard` against pods on the real test node: URL printed once the UI answers,
//! pages served through skiff's port-forward, reconnect to a replacement pod, SIGINT exits
//! 0 and frees the port, selectors for envoy, explicit addresses, the no-pod error, and
//! multi-megabyte downloads arriving intact over SPDY and over the WebSocket fallback.

use crate::common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::json;
use skiff::cluster::ConnectOptions;
use skiff::cluster::{connect, Cluster};

fn view(kubeconfig: &str) -> ConnectOptions<'_> {
    ConnectOptions {
        kubeconfig: Some(kubeconfig),
        context: None,
        namespace: None,
        istio_namespace: "istio-system",
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
pub(crate) fn start_dashboard(kc: &str, args: &[&str]) -> (Child, String) {
    start_dashboard_with(kc, args, None)
}

/// The same with SKIFF_PORT_FORWARD (`spdy` or `websocket` only) set to `transport`.
fn start_dashboard_with(kc: &str, args: &[&str], transport: Option<&str>) -> (Child, String) {
    let mut command = common::skiff_command();
    if let Some(t) = transport {
        command.env("SKIFF_PORT_FORWARD", t);
    }
    let mut child = command
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

pub(crate) fn get(url: &str) -> String {
    String::from_utf8(get_bytes(url)).expect("a text page")
}

fn get_bytes(url: &str) -> Vec<u8> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        reqwest::get(url)
            .await
            .expect("GET through the forward")
            .bytes()
            .await
            .unwrap()
            .to_vec()
    })
}

pub(crate) fn interrupt(child: &mut Child) -> Option<i32> {
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    child.wait().unwrap().code()
}

#[test]
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn kiali_dashboard_forwards_reconnects_and_exits_cleanly() {
    let _cluster = common::shared_cluster();
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
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn envoy_dashboard_by_selector_and_the_no_pod_error() {
    let _cluster = common::shared_cluster();
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

    // Nothing listens on the port: the pod side's error is shown once, then the timeout.
    let closed = common::skiff_command()
        .args([
            "--kubeconfig",
            &kc,
            "-n",
            &ns,
            "dashboard",
            "envoy",
            "proxy-1",
        ])
        .args(["--ui-port", "9999", "--browser=false", "--timeout", "2s"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&closed.stderr);
    assert_eq!(closed.status.code(), Some(1), "{stderr}");
    let refused: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("port-forward to proxy-1:9999: error forwarding port 9999"))
        .collect();
    assert_eq!(refused.len(), 1, "{stderr}");
    assert!(stderr.contains("did not answer within 2s"), "{stderr}");

    let out = common::skiff_command()
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

#[test]
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn large_downloads_arrive_intact_over_spdy_and_over_websocket() {
    let _cluster = common::shared_cluster();
    let kc = common::kubeconfig();
    let ns = common::namespace_for("dash-bulk");
    // 3 MiB of "skiff\n": many frames in either protocol, and a known content.
    const SIZE: usize = 3 << 20;
    let rt = skiff::cluster::runtime();
    let cluster = rt.block_on(async {
        let cluster = connect(&view(&kc)).await.expect("connect");
        common::ensure_namespace(&cluster, &ns).await;
        let mut pod = http_pod(&ns, "bulk", json!({"app": "bulk"}), 8080);
        pod["spec"]["containers"][0]["command"] = json!(["/bin/sh", "-c",
            format!("mkdir -p /tmp/w && yes skiff | head -c {SIZE} > /tmp/w/big && exec /bin/httpd -f -p 8080 -h /tmp/w")]);
        pod["spec"]["containers"][0]["readinessProbe"] =
            json!({"tcpSocket": {"port": 8080}, "periodSeconds": 1});
        cluster.apply(&pod, None).await.expect("pod");
        common::wait_pod_ready(&cluster, &ns, "bulk").await;
        cluster
    });
    let expected: Vec<u8> = b"skiff\n".iter().copied().cycle().take(SIZE).collect();
    for transport in [Some("spdy"), Some("websocket")] {
        let (mut child, url) = start_dashboard_with(
            &kc,
            &[
                "-n",
                &ns,
                "dashboard",
                "envoy",
                "bulk",
                "--ui-port",
                "8080",
                "--print-url",
                "--address",
                "127.0.0.1",
                "-p",
                "0",
            ],
            transport,
        );
        for _ in 0..2 {
            let body = get_bytes(&format!("{url}/big"));
            assert_eq!(body.len(), SIZE, "over {transport:?}");
            assert!(
                body == expected,
                "the content changed on the way over {transport:?}"
            );
        }
        assert_eq!(interrupt(&mut child), Some(0));
    }
    rt.block_on(async {
        cluster.delete("v1", "Pod", Some(&ns), "bulk").await.ok();
        cluster.delete("v1", "Namespace", None, &ns).await.ok();
    });
}
