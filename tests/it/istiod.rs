//! A real control plane on the test node: `skiff install` of the minimal profile with the
//! istiod image built from Istio's module (`skiff.local/istio/pilot:1.30.3`, imported by
//! scripts/test-cluster) runs istiod to Ready; `version` reads 1.30.3 from the running
//! istiod; `verify-install` passes; istiod's webhook injects pods with the templates skiff
//! installed, exactly as `skiff kube-inject --use-kube` predicts; istiod's validating
//! webhook rejects an invalid resource; `uninstall --purge` removes it all again.

use crate::common;

use common::run;

use serde_json::{json, Value};
use skiff::cluster::Cluster;

const HUB: &str = "values.global.hub=skiff.local/istio";
const TAG: &str = "values.global.tag=1.30.3";

/// `skiff install` of the minimal profile with the local images into `ns`, waiting for
/// readiness; `extra` flags besides.
fn install_minimal(kc: &str, ns: &str, extra: &[&str]) -> (i32, String) {
    let ns_set = format!("values.global.istioNamespace={ns}");
    let mut args = vec![
        "install",
        "-y",
        "--readiness-timeout",
        "180s",
        "--set",
        "profile=minimal",
    ];
    args.extend(["--set", HUB, "--set", TAG, "--set", &ns_set]);
    // Two istiods (default and canary) fit on the test node's two cores beside the others.
    args.extend(["--set", "values.pilot.resources.requests.cpu=50m"]);
    args.extend(extra);
    run(kc, &args)
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
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn istiod_from_the_local_image_becomes_ready() {
    let _cluster = common::exclusive_cluster();
    let kc = common::kubeconfig();
    let ns = common::namespace_for("istiod");
    let _purge = Purge(&kc);
    let (code, out) = install_minimal(&kc, &ns, &[]);
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

    let rt = skiff::cluster::runtime();
    let cluster = common::connect_to(&rt, &kc);
    rt.block_on(the_webhooks_reject_what_validate_rejects(&cluster));
    dashboards_reach_istiod(&kc, &ns);
    let app_ns = common::namespace_for("injected");
    injection_matches_the_prediction(
        &rt,
        &cluster,
        &kc,
        &ns,
        &app_ns,
        ("istio-injection", "enabled"),
    );
    rt.block_on(cluster.apply(&route_to_nowhere(&app_ns), None))
        .expect("a valid VirtualService is accepted");
    live_analysis_agrees_with_istioctl(&kc, &ns, &app_ns);

    istiod_replaced_midway_converges(&rt, &cluster, &kc, &ns);

    // A canary revision beside it: its own istiod and webhook inject `istio.io/rev=canary`.
    let (code, out) = install_minimal(&kc, &ns, &["-r", "canary"]);
    assert_eq!(code, 0, "{out}");
    let canary_ns = common::namespace_for("canary");
    injection_matches_the_prediction(
        &rt,
        &cluster,
        &kc,
        &ns,
        &canary_ns,
        ("istio.io/rev", "canary"),
    );
    for app in [&app_ns, &canary_ns] {
        rt.block_on(cluster.delete("v1", "Namespace", None, app))
            .expect("delete the application namespace");
    }
}

/// The pod istiod's webhook injects in a namespace labelled `label` equals what
/// `skiff kube-inject --use-kube` predicts for the same Deployment (and revision).
fn injection_matches_the_prediction(
    rt: &tokio::runtime::Runtime,
    cluster: &Cluster,
    kc: &str,
    istio_ns: &str,
    app_ns: &str,
    label: (&str, &str),
) {
    let pod = rt.block_on(a_pod_injected_by_the_webhook(cluster, app_ns, label));
    // The API server defaults what it stores (fieldRef apiVersion, ...): the prediction gets
    // the same defaults through a server-side dry run, under another name.
    let revision = if label.0 == "istio.io/rev" {
        label.1
    } else {
        "default"
    };
    let mut predicted = predicted_injection(kc, istio_ns, app_ns, revision);
    predicted["metadata"]["name"] = json!("web-predicted");
    let predicted = rt
        .block_on(cluster.apply_with(&predicted, None, true))
        .expect("dry run of the prediction");
    assert_eq!(
        injection_view(&pod["spec"], &pod["metadata"]),
        injection_view(
            &predicted["spec"]["template"]["spec"],
            &predicted["spec"]["template"]["metadata"]
        ),
        "the webhook's pod (left) and skiff kube-inject --use-kube -r {revision} (right) differ"
    );
}

/// istiod's pod is killed; `install` run again finds nothing to change, waits for the
/// replacement pod and ends ready.
fn istiod_replaced_midway_converges(
    rt: &tokio::runtime::Runtime,
    cluster: &Cluster,
    kc: &str,
    ns: &str,
) {
    let pods = rt
        .block_on(cluster.list("v1", "Pod", Some(ns), "app=istiod"))
        .expect("istiod pods");
    for pod in &pods {
        let name = pod["metadata"]["name"].as_str().unwrap();
        rt.block_on(cluster.delete("v1", "Pod", Some(ns), name))
            .expect("kill istiod's pod");
    }
    let (code, out) = install_minimal(kc, ns, &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("No changes"), "{out}");
    assert!(out.contains("✔ Istiod installed"), "{out}");
}

/// `skiff dashboard controlz` and `istiod-debug` reach the running istiod: each prints
/// its URL, the page arrives through the port-forward, and SIGINT ends it with 0.
fn dashboards_reach_istiod(kc: &str, istio_ns: &str) {
    for (dashboard, page) in [
        ("controlz", "ControlZ"),
        ("istiod-debug", "Pilot Debug Console"),
    ] {
        let (mut child, url) = crate::dashboard::start_dashboard(
            kc,
            &["dashboard", dashboard, "-i", istio_ns, "--browser=false"],
        );
        let body = crate::dashboard::get(&url);
        assert_eq!(
            crate::dashboard::interrupt(&mut child),
            Some(0),
            "{dashboard}"
        );
        assert!(body.contains(page), "{dashboard} at {url}: {body:.300}");
    }
}

/// A VirtualService whose destination host exists nowhere (IST0101 for both tools).
fn route_to_nowhere(ns: &str) -> Value {
    json!({
        "apiVersion": "networking.istio.io/v1", "kind": "VirtualService",
        "metadata": {"name": "to-nowhere", "namespace": ns},
        "spec": {"hosts": ["web"], "http": [{"route": [{"destination": {"host": "nowhere"}}]}]}
    })
}

/// `skiff analyze -n` on the mesh namespace says what istioctl analyze says on the same
/// cluster, with the same exit code.
fn live_analysis_agrees_with_istioctl(kc: &str, istio_ns: &str, app_ns: &str) {
    let args = ["analyze", "-n", app_ns, "-i", istio_ns];
    let skiff = common::skiff(kc, &args);
    let istioctl = common::istioctl(kc, &args);
    let text = |o: &std::process::Output| String::from_utf8_lossy(&o.stdout).to_string();
    assert!(
        text(&istioctl).contains("IST0101"),
        "{}{}",
        text(&istioctl),
        String::from_utf8_lossy(&istioctl.stderr)
    );
    assert_eq!(
        text(&skiff),
        text(&istioctl),
        "analyze -n {app_ns}: skiff (left), istioctl (right)"
    );
    assert_eq!(skiff.status.code(), istioctl.status.code());
}

/// A Deployment for the injection check; its ports carry the protocol the API server would
/// default, so the webhook and kube-inject read the same pod.
fn web_deployment(ns: &str) -> Value {
    json!({
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": "web", "namespace": ns},
        "spec": {
            "selector": {"matchLabels": {"app": "web"}},
            "template": {
                "metadata": {"labels": {"app": "web", "version": "v1"}},
                "spec": {"containers": [{
                    "name": "web", "image": "localhost/busybox-httpd:local",
                    "imagePullPolicy": "Never",
                    "ports": [{"containerPort": 8080, "protocol": "TCP"}]
                }]}
            }
        }
    })
}

/// Retries `attempt` every second for up to two minutes (istiod's webhooks become ready,
/// and the validating one switches to failing closed, a little after istiod is Ready).
async fn eventually<T, F, Fut>(what: &str, mut attempt: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, String>>,
{
    let mut last = String::new();
    for _ in 0..120 {
        match attempt().await {
            Ok(v) => return v,
            Err(e) => last = e,
        }
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
    panic!("{what}: not after 120 s: {last}");
}

/// istiod's validating webhooks refuse what `skiff validate` refuses, in its words: a
/// Gateway of the revision (the revision's own webhook) and an unlabelled VirtualService
/// (the default validator, which install added with the default revision tag).
async fn the_webhooks_reject_what_validate_rejects(cluster: &Cluster) {
    let gateway = json!({
        "apiVersion": "networking.istio.io/v1", "kind": "Gateway",
        "metadata": {"name": "short-host", "namespace": "default",
                     "labels": {"istio.io/rev": "default"}},
        "spec": {"servers": [{"port": {"number": 80, "name": "http", "protocol": "HTTP"},
                              "hosts": ["reviews"]}]}
    });
    let virtual_service = json!({
        "apiVersion": "networking.istio.io/v1", "kind": "VirtualService",
        "metadata": {"name": "mesh-wildcard", "namespace": "default"},
        "spec": {"hosts": ["*"], "http": [{"route": [{"destination": {"host": "reviews"}}]}]}
    });
    for object in [gateway, virtual_service] {
        let predicted = validate_message(&object);
        let refused = eventually("istiod's validating webhook refuses it", || async {
            match cluster.apply_with(&object, None, true).await {
                Err(e) if e.to_string().contains("validation.istio.io") => Ok(e.to_string()),
                other => Err(format!("{other:?}")),
            }
        })
        .await;
        assert!(
            refused.contains(&predicted),
            "the webhook said {refused:?}; skiff validate said {predicted:?}"
        );
    }
}

/// What `skiff validate` says is wrong with one object (the text after the field path).
fn validate_message(object: &Value) -> String {
    let file = std::env::temp_dir().join(format!(
        "skiff-istiod-validate-{}-{}.json",
        std::process::id(),
        object["metadata"]["name"].as_str().unwrap()
    ));
    std::fs::write(&file, serde_json::to_string(object).unwrap()).unwrap();
    let out = common::skiff_command()
        .args(["validate", "-f", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "skiff validate accepts {object}"
    );
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    let line = text
        .lines()
        .find(|l| l.starts_with('✘'))
        .unwrap_or_else(|| panic!("{text}"));
    // `<file>:<line>: <Kind> <ns>/<name>: <path>: [Invalid value: "<value>": ]<message>`
    let message = line.rsplit_once("]: ").map_or(line, |(_, m)| m);
    message
        .strip_prefix("Invalid value: ")
        .and_then(|rest| rest.split_once("\": "))
        .map_or(message, |(_, m)| m)
        .to_string()
}

async fn a_pod_injected_by_the_webhook(cluster: &Cluster, ns: &str, label: (&str, &str)) -> Value {
    let namespace = json!({"apiVersion": "v1", "kind": "Namespace",
        "metadata": {"name": ns, "labels": {label.0: label.1}}});
    cluster.apply(&namespace, None).await.expect("namespace");
    let deployment = web_deployment(ns);
    eventually("the Deployment is accepted", || async {
        cluster
            .apply(&deployment, None)
            .await
            .map_err(|e| e.to_string())
    })
    .await;
    eventually("the webhook injects the Deployment's pod", || async {
        let pods = cluster
            .list("v1", "Pod", Some(ns), "app=web")
            .await
            .map_err(|e| e.to_string())?;
        pods.into_iter()
            .find(|p| !p["metadata"]["annotations"]["sidecar.istio.io/status"].is_null())
            .ok_or_else(|| "no injected pod yet".to_string())
    })
    .await
}

fn predicted_injection(kc: &str, istio_ns: &str, app_ns: &str, revision: &str) -> Value {
    let dir = std::env::temp_dir().join(format!("skiff-istiod-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("web.yaml");
    std::fs::write(
        &file,
        serde_json::to_string(&web_deployment(app_ns)).unwrap(),
    )
    .unwrap();
    let out = common::skiff(
        kc,
        &[
            "kube-inject",
            "--use-kube",
            "-r",
            revision,
            "-i",
            istio_ns,
            "-f",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    skiff::model::load::parse_documents(&text, "kube-inject")
        .unwrap()
        .remove(0)
        .object
}

/// What injection decides, without what the API server adds to pods only (its
/// service-account token volume and mounts, the pod-template hash): containers and init containers
/// (name, image, args, env with JSON values compared parsed, restart policy, mounts of
/// Istio's volumes), the volumes, labels and annotations.
fn injection_view(spec: &Value, meta: &Value) -> Value {
    let containers = |key: &str| -> Vec<Value> {
        spec[key]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| {
                let env: Vec<Value> = c["env"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|e| {
                        let value = e["value"]
                            .as_str()
                            .map(|v| serde_json::from_str::<Value>(v).unwrap_or_else(|_| json!(v)));
                        json!([e["name"], value, e["valueFrom"]])
                    })
                    .collect();
                let mounts: Vec<&Value> = c["volumeMounts"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|m| !is_api_server_volume(&m["name"]))
                    .collect();
                json!({"name": c["name"], "image": c["image"], "args": c["args"],
                       "env": env, "restartPolicy": c["restartPolicy"], "mounts": mounts})
            })
            .collect()
    };
    let volumes: Vec<&Value> = spec["volumes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| &v["name"])
        .filter(|n| !is_api_server_volume(n))
        .collect();
    let mut labels = meta["labels"].clone();
    if let Some(l) = labels.as_object_mut() {
        l.remove("pod-template-hash");
    }
    json!({
        "containers": containers("containers"),
        "initContainers": containers("initContainers"),
        "volumes": volumes,
        "labels": labels,
        "annotations": meta["annotations"],
    })
}

fn is_api_server_volume(name: &Value) -> bool {
    name.as_str()
        .is_some_and(|n| n.starts_with("kube-api-access-"))
}
