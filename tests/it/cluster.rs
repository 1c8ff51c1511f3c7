//! Integration tests against a real kube-apiserver (scripts/test-cluster): connecting with
//! the kubeconfig and --context, server-side apply of the model's CRDs and of Istio
//! resources, reading them back, and RBAC-forbidden errors.

use crate::common;

use serde_json::json;
use skiff::cluster::ConnectOptions;
use skiff::cluster::{connect, ClusterError};

fn view<'a>(kubeconfig: &'a str, context: Option<&'a str>) -> ConnectOptions<'a> {
    ConnectOptions {
        kubeconfig: Some(kubeconfig),
        context,
        namespace: None,
        istio_namespace: "istio-system",
    }
}

#[test]
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn version_shows_the_server_version() {
    let _cluster = common::shared_cluster();
    let kc = common::kubeconfig();
    let out = common::skiff(&kc, &["--context", "skiff-test", "version"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("kubernetes version: v1.35"), "{stdout}");
    assert!(
        stdout.contains("Istio is not present in the cluster"),
        "{stdout}"
    );
}

#[test]
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn a_user_without_rights_gets_a_one_line_forbidden_error() {
    let _cluster = common::shared_cluster();
    let kc = common::kubeconfig();
    let out = common::skiff(&kc, &["--context", "skiff-test-nobody", "version"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("Error: forbidden: "), "{stderr}");
    assert!(stderr.contains("User \"nobody\""), "{stderr}");
}

#[test]
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn an_unknown_context_is_a_clear_error() {
    let _cluster = common::shared_cluster();
    let kc = common::kubeconfig();
    let out = common::skiff(&kc, &["--context", "no-such-context", "version"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("no-such-context"), "{stderr}");
}

#[test]
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn model_crds_and_a_virtual_service_round_trip_through_server_side_apply() {
    let _cluster = common::shared_cluster();
    let kc = common::kubeconfig();
    let ns = common::namespace_for("vs");
    let rt = skiff::cluster::runtime();
    rt.block_on(async {
        let cluster = connect(&view(&kc, Some("skiff-test")))
            .await
            .expect("connect");
        // Every CRD generated from the model must be accepted as a structural schema.
        for crd in skiff::model::crd::all_crds() {
            cluster
                .apply(&crd, None)
                .await
                .unwrap_or_else(|e| panic!("apply CRD {}: {e}", crd["metadata"]["name"]));
        }
        wait_established(&cluster, "virtualservices.networking.istio.io").await;
        cluster
            .apply(
                &json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}}),
                None,
            )
            .await
            .expect("namespace");
        let vs = json!({
            "apiVersion": "networking.istio.io/v1",
            "kind": "VirtualService",
            "metadata": {"name": "reviews", "namespace": ns},
            "spec": {
                "hosts": ["reviews"],
                "http": [{"route": [
                    {"destination": {"host": "reviews", "subset": "v1"}, "weight": 80},
                    {"destination": {"host": "reviews", "subset": "v2"}, "weight": 20}
                ]}]
            }
        });
        // The object skiff applies is one the model validates.
        let res = skiff::model::Resource::detached(vs.clone(), "test");
        assert!(skiff::model::validate::validate_resource(&res).is_empty());
        cluster
            .apply(&vs, None)
            .await
            .expect("apply VirtualService");
        let back = cluster
            .get(
                "networking.istio.io/v1",
                "VirtualService",
                Some(&ns),
                "reviews",
            )
            .await
            .expect("read back");
        assert_eq!(back["spec"]["http"][0]["route"][1]["weight"], 20);
        let managers: Vec<&str> = back["metadata"]["managedFields"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|m| m["manager"].as_str())
            .collect();
        assert!(managers.contains(&"skiff"), "{managers:?}");
        // The same resource is served under the older versions too.
        let old = cluster
            .get(
                "networking.istio.io/v1beta1",
                "VirtualService",
                Some(&ns),
                "reviews",
            )
            .await
            .expect("read v1beta1");
        assert_eq!(old["spec"]["hosts"][0], "reviews");

        // A user without RBAC rights is refused with a forbidden error, not a crash.
        let nobody = connect(&view(&kc, Some("skiff-test-nobody")))
            .await
            .expect("connect nobody");
        match nobody
            .get(
                "networking.istio.io/v1",
                "VirtualService",
                Some(&ns),
                "reviews",
            )
            .await
        {
            Err(ClusterError::Forbidden { message }) => {
                assert!(message.contains("nobody"), "{message}")
            }
            other => panic!("expected forbidden, got {other:?}"),
        }
        cluster
            .delete("v1", "Namespace", None, &ns)
            .await
            .expect("delete namespace");
    });
}

async fn wait_established(cluster: &skiff::cluster::Cluster, name: &str) {
    for _ in 0..100 {
        let crd = cluster
            .get(
                "apiextensions.k8s.io/v1",
                "CustomResourceDefinition",
                None,
                name,
            )
            .await
            .expect("get CRD");
        if common::has_condition(&crd, "Established") {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("CRD {name} never became Established");
}

#[test]
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn a_pod_on_the_node_answers_through_skiffs_port_forward() {
    let _cluster = common::shared_cluster();
    let kc = common::kubeconfig();
    let ns = common::namespace_for("pf");
    let rt = skiff::cluster::runtime();
    rt.block_on(async {
        let cluster = connect(&view(&kc, None)).await.expect("connect");
        common::ensure_namespace(&cluster, &ns).await;
        let pod = json!({
            "apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": "web", "namespace": ns, "labels": {"app": "web"}},
            "spec": {
                "nodeName": "node1",
                "terminationGracePeriodSeconds": 2,
                "automountServiceAccountToken": false,
                "enableServiceLinks": false,
                "containers": [{
                    "name": "httpd", "image": "localhost/busybox-httpd:local",
                    "imagePullPolicy": "Never", "ports": [{"containerPort": 8080}]
                }]
            }
        });
        cluster.apply(&pod, None).await.expect("apply pod");
        common::wait_pod_ready(&cluster, &ns, "web").await;

        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let cluster = std::sync::Arc::new(cluster);
        let server = skiff::dashboard::forward(
            cluster.clone(),
            skiff::dashboard::PodTarget::Named {
                namespace: ns.clone(),
                name: "web".into(),
            },
            8080,
            vec![listener],
            async {
                let _ = stopped.await;
            },
            std::sync::Arc::new(|e: String| eprintln!("{e}")),
        );
        let client = async {
            let http = reqwest::Client::new();
            let mut bodies = Vec::new();
            for _ in 0..3 {
                let body = http
                    .get(format!("http://127.0.0.1:{port}/"))
                    .send()
                    .await
                    .expect("request through port-forward")
                    .text()
                    .await
                    .expect("body");
                bodies.push(body);
            }
            let _ = stop.send(());
            bodies
        };
        let (served, bodies) = tokio::join!(server, client);
        served.expect("port-forward listener");
        for body in bodies {
            assert!(body.contains("skiff test page"), "{body}");
        }
        cluster
            .delete("v1", "Pod", Some(&ns), "web")
            .await
            .expect("delete pod");
        cluster
            .delete("v1", "Namespace", None, &ns)
            .await
            .expect("delete namespace");
    });
}

fn message_set(out: &std::process::Output) -> Vec<(String, String)> {
    let msgs: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {} {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let mut set: Vec<(String, String)> = msgs
        .iter()
        .map(|m| {
            (
                m["code"].as_str().unwrap().to_string(),
                m["origin"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    set.sort();
    set
}

#[test]
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn analyze_of_a_live_namespace_matches_the_same_files_offline() {
    let _cluster = common::shared_cluster();
    let kc = common::kubeconfig();
    let ns = common::namespace_for("an");
    let data = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/analyze");
    let rt = skiff::cluster::runtime();
    rt.block_on(async {
        let cluster = connect(&view(&kc, None)).await.expect("connect");
        for crd in skiff::model::crd::all_crds() {
            cluster.apply(&crd, None).await.expect("CRD");
        }
        wait_established(&cluster, "virtualservices.networking.istio.io").await;
        wait_established(&cluster, "destinationrules.networking.istio.io").await;
        cluster
            .apply(
                &json!({"apiVersion": "v1", "kind": "Namespace",
                        "metadata": {"name": ns, "labels": {"istio-injection": "enabled"}}}),
                None,
            )
            .await
            .expect("namespace");
        for r in skiff::model::load::load_paths(&[data.join("reviews.yaml").display().to_string()])
            .unwrap()
        {
            cluster.apply(&r.object, Some(&ns)).await.expect("apply");
        }
    });
    let file = data.join("reviews.yaml").display().to_string();
    let live = common::skiff(&kc, &["analyze", "-n", &ns, "-o", "json"]);
    let offline = common::skiff(
        &kc,
        &[
            "analyze",
            "--use-kube=false",
            "-n",
            &ns,
            "-o",
            "json",
            &file,
        ],
    );
    assert_eq!(live.status.code(), Some(79));
    let live_set = message_set(&live);
    assert!(
        live_set.contains(&("IST0101".into(), format!("VirtualService {ns}/reviews"))),
        "{live_set:?}"
    );
    // The controller-manager runs the Deployment: its real pod has no sidecar in an
    // injection-enabled namespace, which only the live analysis can see (IST0103).
    let offline_set = message_set(&offline);
    assert!(
        offline_set.iter().all(|m| live_set.contains(m)),
        "live {live_set:?} lacks offline {offline_set:?}"
    );
    let extra: Vec<_> = live_set
        .iter()
        .filter(|m| !offline_set.contains(m))
        .collect();
    assert!(
        extra
            .iter()
            .all(|(code, origin)| code == "IST0103" && origin.starts_with("Pod ")),
        "live and offline analysis differ by more than the real pods: {extra:?}"
    );

    // A file overlays the cluster: adding the DestinationRule resolves the subset.
    let dr = data.join("reviews-dr.yaml").display().to_string();
    let overlaid = common::skiff(&kc, &["analyze", "-n", &ns, "-o", "json", &dr]);
    let set = message_set(&overlaid);
    assert!(!set.iter().any(|(c, _)| c == "IST0101"), "{set:?}");
    assert!(
        set.contains(&("IST0173".into(), format!("DestinationRule {ns}/reviews"))),
        "{set:?}"
    );

    let missing = common::skiff(&kc, &["analyze", "-n", "no-such-namespace-here"]);
    assert_eq!(missing.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&missing.stderr)
        .contains("namespace \"no-such-namespace-here\" not found"));

    rt.block_on(async {
        let cluster = connect(&view(&kc, None)).await.unwrap();
        cluster
            .delete("v1", "Namespace", None, &ns)
            .await
            .expect("delete namespace");
    });
}

#[test]
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn kube_inject_with_use_kube_follows_the_clusters_injector_and_mesh_config_maps() {
    let _cluster = common::shared_cluster();
    let kc = common::kubeconfig();
    let ns = common::namespace_for("inject-cm");
    let rt = skiff::cluster::runtime();
    rt.block_on(async {
        let cluster = connect(&view(&kc, Some("skiff-test")))
            .await
            .expect("connect");
        let objects = [
            json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}}),
            json!({"apiVersion": "v1", "kind": "ConfigMap",
                "metadata": {"name": "istio-sidecar-injector", "namespace": ns},
                "data": {
                    "values": r#"{"global": {"hub": "registry.example.com/mesh", "tag": "9.9.9"}}"#,
                    "config": "policy: enabled\ninjectedAnnotations:\n  example.com/from-cluster: 'yes'\n",
                }}),
            json!({"apiVersion": "v1", "kind": "ConfigMap",
                "metadata": {"name": "istio", "namespace": ns},
                "data": {"mesh": "defaultConfig:\n  concurrency: 5\n"}}),
        ];
        for o in &objects {
            cluster.apply(o, Some(&ns)).await.expect("apply");
        }
    });
    let input = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/inject/web.yaml")
        .display()
        .to_string();
    let out = common::skiff(
        &kc,
        &[
            "--context",
            "skiff-test",
            "-i",
            &ns,
            "kube-inject",
            "--use-kube",
            "-f",
            &input,
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("image: registry.example.com/mesh/proxyv2:9.9.9"),
        "the cluster's values drive the proxy image: {stdout}"
    );
    assert!(
        stdout.contains(r#""concurrency":5"#),
        "the cluster's mesh config: {stdout}"
    );
    // `yes` is quoted: unquoted, Go's YAML (kubectl) would read the boolean true.
    assert!(
        stdout.contains("example.com/from-cluster: 'yes'"),
        "{stdout}"
    );
    // Without --use-kube the built-in defaults are used.
    let offline = common::skiff(&kc, &["-i", &ns, "kube-inject", "-f", &input]);
    assert!(String::from_utf8_lossy(&offline.stdout).contains("image: docker.io/istio/proxyv2:"));
    // A namespace without the ConfigMaps gives istioctl's hint.
    let missing = common::skiff(
        &kc,
        &[
            "--context",
            "skiff-test",
            "-i",
            "no-such-istio-ns",
            "kube-inject",
            "--use-kube",
            "-f",
            &input,
        ],
    );
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert_eq!(missing.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(r#"could not read valid configmap "istio-sidecar-injector" from namespace "no-such-istio-ns""#),
        "{stderr}"
    );
    assert!(missing.stdout.is_empty());
    // A stray injector ConfigMap would be read by istioctl analyze in other tests (it reads
    // them from every namespace): gone before the next exclusive test starts.
    rt.block_on(async {
        let cluster = connect(&view(&kc, Some("skiff-test")))
            .await
            .expect("connect");
        cluster
            .delete("v1", "Namespace", None, &ns)
            .await
            .expect("delete namespace");
        for _ in 0..120 {
            match cluster.get("v1", "Namespace", None, &ns).await {
                Err(_) => return,
                Ok(_) => tokio::time::sleep(std::time::Duration::from_millis(500)).await,
            }
        }
        panic!("namespace {ns} still there after 60 s");
    });
}
