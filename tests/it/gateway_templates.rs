//! skiff's templates for the workloads istiod's gateway controller deploys (`kube-gateway`,
//! `waypoint`, `agentgateway` in the rendered `istio-sidecar-injector` ConfigMap) render
//! the same objects as Istio 1.30.3's own. Both sides run through Istio's code
//! (`scripts/build-testenv gateway-render`: Istio's template parser and helpers, its
//! TemplateInput type, proxy config and images derived as istiod derives them): skiff's
//! ConfigMap and mesh config from `skiff manifest generate`, Istio's from the reference
//! istioctl's, for the same settings and the same Gateways.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{json, Value};

const TEMPLATES: &[&str] = &["kube-gateway", "waypoint", "agentgateway"];

/// Installation settings whose values the templates read.
const SETTINGS: &[&[&str]] = &[
    &[],
    &[
        "values.global.proxy.resources.requests.cpu=10m",
        "values.global.imagePullPolicy=Always",
        "values.global.imagePullSecrets[0]=pull-secret",
        "values.global.caName=GkeWorkloadCertificate",
        "values.global.logAsJson=true",
        "values.global.meshID=mesh1",
        "values.global.network=network0",
        "meshConfig.trustDomain=td.example",
        "values.global.sts.servicePort=15463",
        "values.gateways.seccompProfile.type=RuntimeDefault",
        "values.global.proxy.outlierLogPath=/dev/stdout",
        "values.global.platform=openshift",
        "values.global.waypoint.resources.limits.cpu=1000m",
        "values.global.proxy.lifecycle.preStop.exec.command[0]=drain",
    ],
    &[
        "values.global.pilotCertProvider=custom",
        "values.global.caAddress=ca.example:15012",
        "revision=canary",
        "values.pilot.env.ENABLE_CLUSTER_TRUST_BUNDLE_API=true",
        "values.global.trustBundleName=bundle",
        "meshConfig.defaultConfig.proxyMetadata.FOO=bar",
        "meshConfig.defaultConfig.interceptionMode=TPROXY",
        "values.global.multiCluster.clusterName=cluster1",
        "values.gateways.securityContext.runAsUser=5",
    ],
    &[
        "values.global.hub=registry.example/istio",
        "values.global.tag=1.30.3-distroless",
        "values.global.proxy.image=proxyv2",
        "values.global.agentgateway.image=agentgateway",
        "values.global.proxy.clusterDomain=corp.local",
        "values.global.logging.level=default:debug",
    ],
];

/// The controller's input for one Gateway, with `changes` merged over a plain one.
fn gateway_input(changes: Value) -> Value {
    let mut input = json!({
        "metadata": {"name": "edge", "namespace": "apps", "uid": "6f0c2d1e-11aa-4b7c-9d3e-0a1b2c3d4e5f",
                     "labels": {"team": "payments"}, "annotations": {"owner": "ops"}},
        "spec": {"gatewayClassName": "istio",
                 "listeners": [{"name": "http", "port": 80, "protocol": "HTTP"}]},
        "GatewayClass": "istio",
        "DeploymentName": "edge-istio",
        "ServiceAccount": "edge-istio",
        "Ports": [{"name": "status-port", "port": 15021, "appProtocol": "tcp"},
                  {"name": "http", "port": 80, "appProtocol": "http"}],
        "ServiceType": "LoadBalancer",
        "ClusterID": "Kubernetes",
        "KubeVersion": 135,
        "Revision": "",
        "InfrastructureLabels": {"team": "payments"},
        "InfrastructureAnnotations": {"owner": "ops"},
        "GatewayNameLabel": "gateway.networking.k8s.io/gateway-name",
        "ControllerLabel": "istio.io-mesh-controller",
    });
    merge(&mut input, &changes);
    input
}

fn merge(base: &mut Value, overlay: &Value) {
    match (base, overlay) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                merge(b.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
        (b, o) => *b = o.clone(),
    }
}

/// Gateways that exercise what the templates branch on.
fn gateways() -> Vec<Value> {
    vec![
        gateway_input(json!({})),
        gateway_input(
            json!({"KubeVersion": 127, "Revision": "canary", "ServiceType": "ClusterIP"}),
        ),
        gateway_input(json!({
            "spec": {"addresses": [{"type": "IPAddress", "value": "10.0.0.9"}]},
            "InfrastructureLabels": {"topology.istio.io/network": "net1", "tier": "edge"},
            "InfrastructureAnnotations": {"gateway.istio.io/controller-version": "5",
                                          "kubectl.kubernetes.io/last-applied-configuration": "{}",
                                          "note": "kept"},
            "ProxyUID": 1000, "ProxyGID": 2000,
            "ControllerLabel": "istio.io-eastwest-controller",
        })),
        gateway_input(json!({"metadata": {"annotations": {
            "sidecar.istio.io/proxyImage": "mirror.example/proxy:1",
            "sidecar.istio.io/logLevel": "debug",
            "sidecar.istio.io/componentLogLevel": "upstream:debug",
            "sidecar.istio.io/agentLogLevel": "all:debug",
            "gateway.istio.io/agentgatewayImage": "mirror.example/agentgateway:2",
        }}})),
        gateway_input(json!({
            "metadata": {"annotations": {"sidecar.istio.io/proxyImage": "proxy-without-repository"}},
            "InfrastructureLabels": {}, "InfrastructureAnnotations": {},
        })),
    ]
}

fn run(program: &Path, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .env("KUBECONFIG", "/nonexistent/kubeconfig")
        .output()
        .unwrap_or_else(|e| panic!("run {}: {e}", program.display()));
    assert!(
        out.status.success(),
        "{} {args:?}: {}",
        program.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn build_testenv(what: &str) -> PathBuf {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/build-testenv");
    PathBuf::from(run(&script, &[what]).trim())
}

/// The injector config, its values and the mesh config of a `manifest generate` render.
fn injector_and_mesh(program: &Path, settings: &[&str]) -> Value {
    let mut args = vec!["manifest", "generate"];
    for s in settings {
        args.extend(["--set", s]);
    }
    let render = run(program, &args);
    let mut request = json!({});
    for doc in serde_yaml::Deserializer::from_str(&render) {
        let doc: Value = serde::Deserialize::deserialize(doc).unwrap();
        if doc["kind"] != "ConfigMap" {
            continue;
        }
        let data = &doc["data"];
        if doc["metadata"]["name"]
            .as_str()
            .is_some_and(|n| n.starts_with("istio-sidecar-injector"))
        {
            request["config"] = data["config"].clone();
            request["values"] = data["values"].clone();
        } else if data.get("mesh").is_some() {
            request["mesh"] = data["mesh"].clone();
        }
    }
    assert!(
        request["config"].is_string() && request["mesh"].is_string(),
        "{} rendered no injector or mesh ConfigMap for {settings:?}",
        program.display()
    );
    request
}

/// Renders every template for every Gateway; each result is the objects or the error.
fn render(gateway_render: &Path, mut request: Value) -> Vec<Result<Vec<Value>, String>> {
    let cases: Vec<Value> = gateways()
        .into_iter()
        .flat_map(|input| {
            TEMPLATES
                .iter()
                .map(move |t| json!({"template": t, "input": input}))
        })
        .collect();
    request["cases"] = Value::Array(cases);
    let mut child = Command::new(gateway_render)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run gateway-render");
    serde_json::to_writer(child.stdin.take().unwrap(), &request).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "gateway-render failed");
    let results: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    results
        .into_iter()
        .map(|r| match r["output"].as_str() {
            Some(text) => Ok(serde_yaml::Deserializer::from_str(text)
                .map(|d| serde::Deserialize::deserialize(d).expect("rendered YAML parses"))
                .filter(|d: &Value| !d.is_null())
                .collect()),
            None => Err(r["error"].as_str().unwrap_or_default().to_string()),
        })
        .collect()
}

#[test]
#[ignore = "needs istioctl built from Go modules (./scripts/test builds it)"]
fn skiffs_gateway_templates_render_what_istios_render() {
    let skiff = PathBuf::from(env!("CARGO_BIN_EXE_skiff"));
    let istioctl = build_testenv("istioctl");
    let gateway_render = build_testenv("gateway-render");
    let mut differences = Vec::new();
    let mut compared = 0;
    for settings in SETTINGS {
        let ours = render(&gateway_render, injector_and_mesh(&skiff, settings));
        let istios = render(&gateway_render, injector_and_mesh(&istioctl, settings));
        for (i, (ours, istios)) in ours.iter().zip(&istios).enumerate() {
            compared += 1;
            let template = TEMPLATES[i % TEMPLATES.len()];
            let gateway = i / TEMPLATES.len();
            if let Ok(objects) = istios {
                assert_eq!(objects.len(), 5, "Istio's {template} renders five objects");
            }
            if ours != istios {
                differences.push(format!(
                    "{template}, gateway {gateway}, settings {settings:?}:\n  skiff: {}\n  istio: {}",
                    serde_json::to_string(ours).unwrap(),
                    serde_json::to_string(istios).unwrap()
                ));
            }
        }
    }
    assert_eq!(compared, SETTINGS.len() * 5 * TEMPLATES.len());
    assert!(
        differences.is_empty(),
        "{} of {compared} renders differ:\n{}",
        differences.len(),
        differences.join("\n")
    );
}
