//! The Ztunnel component (ambient mode's node proxy): the `ztunnel` DaemonSet, its
//! ServiceAccount and cluster RBAC.

use crate::model::effective::overlay;
use serde_json::{json, Map, Value};

use super::meta;
use super::{Component, Ctx};

pub fn render(ctx: &Ctx, component: &Component) -> Vec<Value> {
    let ns = component.namespace.as_str();
    let name = {
        let n = ctx.str("ztunnel.resourceName");
        if n.is_empty() {
            "ztunnel".to_string()
        } else {
            n
        }
    };
    let chart = meta::labels(&[
        &meta::label("app.kubernetes.io/name", "ztunnel"),
        &meta::istio_labels("ztunnel"),
    ]);
    let empty = serde_json::Map::new();
    let user_labels = ctx.get("ztunnel.labels").as_object().unwrap_or(&empty);
    let labels = meta::labels(&[&chart, user_labels]);
    let app = meta::label("app", "ztunnel");
    // The chart reads its own `revision` and `istioNamespace` (the globals flattened in,
    // `values.ztunnel.*` overriding them).
    let revision = ctx.str("ztunnel.revision");
    let object_annotations = annotations_with_revision(ctx, &revision);
    let mut out = Vec::new();
    // The chart's own `resourceScope` (from `global.resourceScope` or `ztunnel.resourceScope`).
    let scope = ctx.str("ztunnel.resourceScope");
    let namespaced = matches!(scope.as_str(), "all" | "namespace");
    let cluster_scoped = matches!(scope.as_str(), "all" | "cluster");

    let mut sa = meta::service_account(ctx, &name, ns, labels.clone());
    sa["metadata"]["annotations"] = object_annotations.clone();
    if namespaced {
        out.push(sa);
    }
    if namespaced && ctx.bool("ztunnel.resourceQuotas.enabled") {
        let pods = ctx.get("ztunnel.resourceQuotas.pods");
        out.push(meta::resource_quota(&name, ns, labels.clone(), pods));
    }

    let mut ds = meta::object("apps/v1", "DaemonSet", &name, Some(ns), labels);
    ds["metadata"]["annotations"] = object_annotations.clone();
    let template_labels = meta::labels(&[
        &meta::label("sidecar.istio.io/inject", "false"),
        &meta::label("istio.io/dataplane-mode", "none"),
        &app,
        &chart,
        ctx.get("ztunnel.podLabels").as_object().unwrap_or(&empty),
    ]);
    let mut annotations = json!({"sidecar.istio.io/inject": "false"});
    if !revision.is_empty() {
        annotations["istio.io/rev"] = json!(revision);
    }
    overlay(&mut annotations, ctx.get("ztunnel.podAnnotations"));

    let ctb = meta::uses_cluster_trust_bundle(ctx.get("ztunnel.env"));
    let bundle = ctx.str("ztunnel.trustBundleName");
    let ca_bundle = meta::ca_bundle_volume("istiod-ca-cert", &bundle, ctb, false);
    let rev_suffix = if revision.is_empty() {
        String::new()
    } else {
        format!("-{revision}")
    };
    let istio_ns = ctx.str("ztunnel.istioNamespace");
    let istiod = format!("istiod{rev_suffix}.{istio_ns}.svc:15012");
    let or_istiod = |key: &str| {
        let v = ctx.str(key);
        if v.is_empty() {
            istiod.clone()
        } else {
            v
        }
    };
    // The chart reads its own values (`ztunnel.*` here), globals flattened into them.
    let own = |key: &str| ctx.str(&format!("ztunnel.{key}"));
    let mut env = vec![
        meta::env("CA_ADDRESS", or_istiod("ztunnel.caAddress")),
        meta::env("XDS_ADDRESS", or_istiod("ztunnel.xdsAddress")),
    ];
    if ctx.bool("ztunnel.logAsJson") {
        env.push(meta::env("LOG_FORMAT", "json"));
    }
    if !own("network").is_empty() {
        env.push(meta::env("NETWORK", own("network")));
    }
    let cluster_id = own("multiCluster.clusterName");
    env.extend([
        meta::env("RUST_LOG", own("logLevel")),
        meta::env("RUST_BACKTRACE", "1"),
        meta::env(
            "ISTIO_META_CLUSTER_ID",
            if cluster_id.is_empty() {
                "Kubernetes".to_string()
            } else {
                cluster_id
            },
        ),
        meta::env("INPOD_ENABLED", "true"),
        meta::env(
            "TERMINATION_GRACE_PERIOD_SECONDS",
            own("terminationGracePeriodSeconds"),
        ),
        meta::env_ref("POD_NAME", "metadata.name"),
        meta::env_ref("POD_NAMESPACE", "metadata.namespace"),
        meta::env_ref("NODE_NAME", "spec.nodeName"),
        meta::env_ref("INSTANCE_IP", "status.podIP"),
        meta::env_ref("SERVICE_ACCOUNT", "spec.serviceAccountName"),
    ]);
    env.extend(meta::env_in_key_order(
        ctx.get("ztunnel.meshConfig.defaultConfig.proxyMetadata"),
    ));
    env.push(meta::env_resource("ZTUNNEL_CPU_LIMIT", "limits.cpu"));
    env.extend(meta::env_in_key_order(ctx.get("ztunnel.env")));
    if ctx.bool("ztunnel.peerCaCrl.enabled") {
        env.push(meta::env(
            "CRL_PATH",
            "/var/run/secrets/istio/crl/ca-crl.pem",
        ));
    }
    let mut container = json!({
        "args": ["proxy", "ztunnel"],
        "env": env,
        "image": ctx.image("ztunnel", &ctx.str("ztunnel.image")),
        "name": "istio-proxy",
        "ports": [{"containerPort": 15020, "name": "ztunnel-stats", "protocol": "TCP"}],
        "readinessProbe": {"httpGet": {"path": "/healthz/ready", "port": 15021}},
        "resources": meta::chart_resources(ctx.get("ztunnel.resources"), &Value::Null),
        "securityContext": {
            "allowPrivilegeEscalation": true,
            "capabilities": {"add": ["NET_ADMIN", "SYS_ADMIN", "NET_RAW"], "drop": ["ALL"]},
            "privileged": false,
            "readOnlyRootFilesystem": true,
            "runAsGroup": 1337,
            "runAsNonRoot": false,
            "runAsUser": 0
        },
        "volumeMounts": [
            {"mountPath": "/var/run/secrets/istio", "name": "istiod-ca-cert"},
            {"mountPath": "/var/run/secrets/tokens", "name": "istio-token"},
            {"mountPath": "/var/run/ztunnel", "name": "cni-ztunnel-sock-dir"},
            {"mountPath": "/tmp", "name": "tmp"}
        ]
    });
    if let Some(options) = ctx.non_empty_map("ztunnel.seLinuxOptions") {
        container["securityContext"]["seLinuxOptions"] = options.clone();
    }
    let policy = ctx.str_or(
        "ztunnel.imagePullPolicy",
        &ctx.str("global.imagePullPolicy"),
    );
    if !policy.is_empty() {
        container["imagePullPolicy"] = json!(policy);
    }
    ds["spec"] = json!({
        "selector": {"matchLabels": app},
        "template": {
            "metadata": {"annotations": annotations, "labels": template_labels},
            "spec": {
                "containers": [container],
                "nodeSelector": {"kubernetes.io/os": "linux"},
                "priorityClassName": "system-node-critical",
                "serviceAccountName": name,
                "terminationGracePeriodSeconds": ctx.int("ztunnel.terminationGracePeriodSeconds", 30),
                "tolerations": ctx.get("ztunnel.tolerations"),
                "volumes": [
                    meta::istio_token_volume("istio-ca"),
                    ca_bundle,
                    {"hostPath": {"path": "/var/run/ztunnel", "type": "DirectoryOrCreate"}, "name": "cni-ztunnel-sock-dir"},
                    {"emptyDir": {}, "name": "tmp"}
                ]
            }
        },
        "updateStrategy": ctx.get("ztunnel.updateStrategy")
    });
    add_pod_options(ctx, &mut ds["spec"]["template"]["spec"]);

    if meta::wants_network_policy(ctx) {
        out.push(network_policy(ctx, &name, ns, &chart));
    }

    if namespaced {
        out.push(ds);
    }
    // ztunnel's own cluster RBAC exists only on OpenShift: the privileged SCC.
    if ctx.str("global.platform") != "openshift" || !cluster_scoped {
        return out;
    }
    let rbac_labels = meta::labels(&[
        &app,
        &meta::label("release", &name),
        &meta::label("install.operator.istio.io/owning-resource", &ctx.owner),
        &chart,
    ]);
    let mut role = meta::cluster_role(
        &name,
        rbac_labels.clone(),
        vec![meta::privileged_scc_rule()],
    );
    let mut binding = meta::cluster_role_binding(&name, &name, rbac_labels, &name, ns);
    role["metadata"]["annotations"] = object_annotations.clone();
    binding["metadata"]["annotations"] = object_annotations;
    out.extend([role, binding]);
    out
}

/// ztunnel's NetworkPolicy: readiness, metrics, admin, HBONE, outbound, inbound
/// plaintext and DNS capture (TCP and UDP).
fn network_policy(ctx: &Ctx, name: &str, ns: &str, chart: &Map<String, Value>) -> Value {
    let app = meta::label("app", "ztunnel");
    let labels = meta::labels(&[
        &app,
        chart,
        &meta::label("release", "istio"),
        &meta::label("istio.io/rev", &ctx.revision_label()),
        &meta::label("install.operator.istio.io/owning-resource", &ctx.owner),
        &meta::label("operator.istio.io/component", "Ztunnel"),
    ]);
    let mut ingress: Vec<Vec<(Value, Value)>> = [15021, 15020, 15000, 15008, 15001, 15006]
        .iter()
        .map(|p| meta::tcp_ports(&[*p]))
        .collect();
    ingress.push(vec![
        (json!("TCP"), json!(15053)),
        (json!("UDP"), json!(15053)),
    ]);
    meta::network_policy(
        &format!("{name}{}", ctx.rev_suffix()),
        ns,
        labels,
        json!(app),
        &ingress,
    )
}

/// `ztunnel.annotations`, with `istio.io/rev` when a revision is installed.
/// What values add to the pod: node selection, DNS, the peer CA CRL, extra volumes.
fn add_pod_options(ctx: &Ctx, pod: &mut Value) {
    let set = |path: &str| Some(ctx.get(path)).filter(|v| super::is_set(v));
    if let Some(selector) = set("ztunnel.nodeSelector") {
        overlay(&mut pod["nodeSelector"], selector);
    }
    for (key, path) in [
        ("affinity", "ztunnel.affinity"),
        ("dnsPolicy", "ztunnel.dnsPolicy"),
        ("dnsConfig", "ztunnel.dnsConfig"),
    ] {
        if let Some(value) = set(path) {
            pod[key] = value.clone();
        }
    }
    let mut mounts = Vec::new();
    let mut volumes = Vec::new();
    if ctx.bool("ztunnel.peerCaCrl.enabled") {
        mounts.push(json!({"mountPath": "/var/run/secrets/istio/crl", "name": "crl-volume", "readOnly": true}));
        volumes.push(
            json!({"configMap": {"name": "istio-ca-crl", "optional": true}, "name": "crl-volume"}),
        );
    }
    let extra = |path: &str| ctx.get(path).as_array().cloned().unwrap_or_default();
    mounts.extend(extra("ztunnel.volumeMounts"));
    volumes.extend(extra("ztunnel.volumes"));
    if let Some(list) = pod["containers"][0]["volumeMounts"].as_array_mut() {
        list.extend(mounts);
    }
    if let Some(list) = pod["volumes"].as_array_mut() {
        list.extend(volumes);
    }
}

fn annotations_with_revision(ctx: &Ctx, revision: &str) -> Value {
    let mut annotations = json!({});
    overlay(&mut annotations, ctx.get("ztunnel.annotations"));
    if !revision.is_empty() {
        annotations["istio.io/rev"] = json!(revision);
    }
    annotations
}
