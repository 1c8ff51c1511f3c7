//! Ingress and egress gateways (the `istio-ingress` / `istio-egress` charts): Deployment,
//! Service, ServiceAccount, SDS Role and RoleBinding, HPA and PDB, one set per gateway.

use crate::model::effective::overlay;
use serde_json::{json, Map, Value};

use super::meta;
use super::{Component, ComponentKind, Ctx, RenderError};

/// The values of a gateway's chart as it renders them: the chart's defaults, the
/// profile, `values.gateways.istio-{ingress,egress}gateway`, then what istioctl sets
/// from the component: its `name`, `label`, `hub`, `tag` and `k8s.service.ports`.
fn gateway_values(ctx: &Ctx, component: &Component, (chart, root): (&str, &str)) -> Value {
    let mut passed = ctx.passed_values.clone();
    let own = &mut passed["gateways"][root];
    own["name"] = json!(component.name);
    // istioctl always sets the labels from the component (`{}` without a `label`), so
    // `values.gateways.<gateway>.labels` never reaches the chart: its defaults fill in.
    let label = component.spec.get("label").filter(|l| l.is_object());
    own["labels"] = label.cloned().unwrap_or_else(|| json!({}));
    for key in ["hub", "tag"] {
        if let Some(v) = component.spec.get(key).filter(|v| !v.is_null()) {
            own[key] = v.clone();
        }
    }
    let ports = component
        .k8s("service")
        .and_then(|s| s.get("ports"))
        .filter(|p| p.as_array().is_some_and(|l| !l.is_empty()));
    if let Some(ports) = ports {
        own["ports"] = ports.clone();
    }
    super::charts::chart_values(chart, &passed)
}

/// A gateway component's chart and the key of its values (`gateways.<key>`).
fn chart_of(component: &Component) -> (&'static str, &'static str) {
    if component.kind == ComponentKind::IngressGateways {
        ("istio-ingress", "istio-ingressgateway")
    } else {
        ("istio-egress", "istio-egressgateway")
    }
}

/// Why the gateway chart cannot render with these values: `injectionTemplate` asks it for
/// a bare Deployment that the injector completes at admission (not rendered yet); the
/// chart tests `global.proxy.image` with a string function, which fails on anything but a
/// string (null included), and reads `meshConfig.defaultConfig.proxyMetadata` unguarded.
fn refused_values(chart_ctx: &Ctx, root: &str, name: &str) -> Option<String> {
    let template = chart_ctx.get(&format!("gateways.{root}.injectionTemplate"));
    if template.as_str().is_some_and(|t| !t.is_empty()) {
        return Some(format!("not supported yet: values.gateways.{root}.injectionTemplate (gateway {name}: a Deployment completed by injection)"));
    }
    let image = chart_ctx.get("global.proxy.image");
    let why = if image.is_string() {
        chart_ctx.unreadable("meshConfig.defaultConfig.proxyMetadata")?
    } else {
        format!(
            "values.global.proxy.image: wrong type for value; expected a string, got {}",
            crate::model::load::type_name(image)
        )
    };
    Some(format!("gateway {name}: {why}"))
}

pub fn render(ctx: &Ctx, component: &Component) -> Result<Vec<Value>, RenderError> {
    let (chart, root) = chart_of(component);
    let chart_values = gateway_values(ctx, component, (chart, root));
    let gw = chart_values["gateways"][root].clone();
    let with_chart_values = Ctx {
        values: chart_values,
        ..ctx.clone()
    };
    if let Some(why) = refused_values(&with_chart_values, root, &component.name) {
        return Err(RenderError::Failed(why));
    }
    // The chart's own `global` and `meshConfig` (defaults included) are what it reads.
    let mut chart_ctx = ctx.clone();
    chart_ctx.values["global"] = with_chart_values.values["global"].clone();
    chart_ctx.values["meshConfig"] = with_chart_values.values["meshConfig"].clone();
    let ctx = &chart_ctx;
    let name = component.name.as_str();
    let ns = component.namespace.as_str();
    let selector = gw["labels"].clone();
    let selector_map = selector.as_object().cloned().unwrap_or_default();
    // Every object but the SDS Role and RoleBinding starts from the gateway's own labels.
    let own_labels = gateway_labels(ctx, component, chart);
    let object_labels = meta::labels(&[&selector_map, &own_labels]);
    let sa_name = format!("{name}-service-account");

    let mut out = Vec::new();
    let mut sa = meta::service_account(ctx, &sa_name, ns, object_labels.clone());
    if let Some(a) = gw["serviceAccount"]["annotations"]
        .as_object()
        .filter(|a| !a.is_empty())
    {
        sa["metadata"]["annotations"] = json!(a);
    }
    out.push(sa);

    let sds = format!("{name}-sds");
    let mut role = meta::object(
        "rbac.authorization.k8s.io/v1",
        "Role",
        &sds,
        Some(ns),
        own_labels.clone(),
    );
    role["rules"] = json!([meta::rule(&[""], &["secrets"], &["get", "watch", "list"])]);
    out.push(role);
    let mut rb = meta::object(
        "rbac.authorization.k8s.io/v1",
        "RoleBinding",
        &sds,
        Some(ns),
        own_labels.clone(),
    );
    rb["roleRef"] = json!({"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": sds});
    rb["subjects"] = json!([{"kind": "ServiceAccount", "name": sa_name}]);
    out.push(rb);

    out.push(deployment(ctx, component, &gw, &own_labels, &sa_name));

    out.extend(meta::autoscaler(name, ns, object_labels.clone(), &gw));
    if meta::wants_disruption_budget(ctx, &gw) {
        let mut pdb = meta::object(
            "policy/v1",
            "PodDisruptionBudget",
            name,
            Some(ns),
            object_labels.clone(),
        );
        pdb["spec"] = json!({"minAvailable": 1, "selector": {"matchLabels": selector}});
        out.push(pdb);
    }

    if meta::wants_network_policy(ctx) {
        out.push(network_policy(ctx, component, &gw, &own_labels));
    }

    if !super::is_set(&gw["customService"]) {
        out.push(service(name, ns, &gw, object_labels));
    }
    Ok(out)
}

/// The gateway's Service (left out with `customService`).
fn service(name: &str, ns: &str, gw: &Value, object_labels: Map<String, Value>) -> Value {
    let selector = gw["labels"].clone();
    let mut svc = meta::object("v1", "Service", name, Some(ns), object_labels);
    if let Some(a) = gw["serviceAnnotations"]
        .as_object()
        .filter(|a| !a.is_empty())
    {
        svc["metadata"]["annotations"] = json!(a);
    }
    let ports: Vec<Value> = gw["ports"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .chain(ingress_ports(gw))
        .collect();
    let mut spec = json!({"ports": ports, "selector": selector, "type": gw["type"]});
    for key in ["loadBalancerIP", "externalTrafficPolicy", "ipFamilyPolicy"] {
        if gw[key].as_str().is_some_and(|s| !s.is_empty()) {
            spec[key] = gw[key].clone();
        }
    }
    for key in ["loadBalancerSourceRanges", "ipFamilies"] {
        if gw[key].as_array().is_some_and(|l| !l.is_empty()) {
            spec[key] = gw[key].clone();
        }
    }
    svc["spec"] = spec;
    svc
}

/// The labels the gateway charts give their objects besides the gateway's own labels:
/// release, revision, owner, component, the chart's fixed app name and the chart labels.
fn gateway_labels(ctx: &Ctx, component: &Component, chart: &str) -> Map<String, Value> {
    let app_name = if component.kind == ComponentKind::IngressGateways {
        "istio-ingressgateway"
    } else {
        "istio-egressgateway"
    };
    meta::labels(&[
        &meta::label("release", "istio"),
        &meta::operator_labels(ctx, component),
        &meta::label("app.kubernetes.io/name", app_name),
        &meta::istio_labels(chart),
    ])
}

/// A gateway's NetworkPolicy: the status port, the metrics ports, then each of the
/// gateway's ports (its `targetPort`, else its `port`).
fn network_policy(
    ctx: &Ctx,
    component: &Component,
    gw: &Value,
    own_labels: &Map<String, Value>,
) -> Value {
    let istio = if component.kind == ComponentKind::IngressGateways {
        "ingressgateway"
    } else {
        "egressgateway"
    };
    let labels = meta::labels(&[
        &meta::label("app", &component.name),
        own_labels,
        &meta::label("istio", istio),
    ]);
    let mut ingress = vec![meta::tcp_ports(&[15021]), meta::tcp_ports(&[15020, 15090])];
    for port in gw["ports"].as_array().into_iter().flatten() {
        let protocol = super::or_default(&port["protocol"], json!("TCP"));
        let number = super::or_default(&port["targetPort"], port["port"].clone());
        ingress.push(vec![(protocol, number)]);
    }
    let name = format!("{}{}", component.name, ctx.rev_suffix());
    let ns = component.namespace.as_str();
    meta::network_policy(&name, ns, labels, gw["labels"].clone(), &ingress)
}

/// `ingressPorts` entries, added to the Service after `ports` (port and name only).
fn ingress_ports(gw: &Value) -> Vec<Value> {
    gw["ingressPorts"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| json!({"port": p["port"], "name": p["name"]}))
        .collect()
}

fn deployment(
    ctx: &Ctx,
    component: &Component,
    gw: &Value,
    own_labels: &Map<String, Value>,
    sa_name: &str,
) -> Value {
    let name = component.name.as_str();
    let ns = component.namespace.as_str();
    let selector = gw["labels"].as_object().cloned().unwrap_or_default();
    let dataplane = meta::label("istio.io/dataplane-mode", "none");
    let labels = meta::labels(&[&selector, own_labels, &dataplane]);
    let mut d = meta::object("apps/v1", "Deployment", name, Some(ns), labels);

    let mut template_labels = selector.clone();
    if ns == "istio-system" {
        template_labels.insert("heritage".into(), json!("Tiller"));
        template_labels.insert("release".into(), json!("istio"));
        template_labels.insert("chart".into(), json!("gateways"));
    }
    template_labels.insert("service.istio.io/canonical-name".into(), json!(name));
    let canonical_revision = ["app.kubernetes.io/version", "version"]
        .iter()
        .filter_map(|k| selector.get(*k).map(super::scalar_string))
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| match ctx.revision.as_str() {
            "" => "latest".to_string(),
            rev => rev.to_string(),
        });
    template_labels.insert(
        "service.istio.io/canonical-revision".into(),
        json!(canonical_revision),
    );
    let mut rest = own_labels.clone();
    rest.remove("release");
    template_labels = meta::labels(&[&template_labels, &rest, &dataplane]);
    template_labels.insert("sidecar.istio.io/inject".into(), json!("false"));
    let mut annotations = json!({"istio.io/rev": ctx.revision_label()});
    if super::truthy(ctx.get("meshConfig.enablePrometheusMerge")) {
        annotations["prometheus.io/path"] = json!("/stats/prometheus");
        annotations["prometheus.io/port"] = json!("15020");
        annotations["prometheus.io/scrape"] = json!("true");
    }
    annotations["sidecar.istio.io/inject"] = json!("false");
    overlay(&mut annotations, &gw["podAnnotations"]);

    let istiod = format!("istiod{}", ctx.rev_suffix());
    let ca = ctx.str("global.caAddress");
    let ca = if ca.is_empty() {
        format!("{istiod}.{}.svc:15012", ctx.istio_namespace)
    } else {
        ca
    };
    let mut env = vec![
        meta::env("PILOT_CERT_PROVIDER", ctx.str("global.pilotCertProvider")),
        meta::env("CA_ADDR", ca),
        meta::env_field("NODE_NAME", "spec.nodeName"),
        meta::env_field("POD_NAME", "metadata.name"),
        meta::env_field("POD_NAMESPACE", "metadata.namespace"),
        meta::env_field("INSTANCE_IP", "status.podIP"),
        meta::env_field("HOST_IP", "status.hostIP"),
        meta::env_resource("ISTIO_CPU_LIMIT", "limits.cpu"),
        meta::env_ref("SERVICE_ACCOUNT", "spec.serviceAccountName"),
        meta::env("ISTIO_META_WORKLOAD_NAME", name),
        meta::env(
            "ISTIO_META_OWNER",
            format!("kubernetes://apis/apps/v1/namespaces/{ns}/deployments/{name}"),
        ),
    ];
    let mesh_id = ctx.str("global.meshID");
    let trust_domain = ctx.str("meshConfig.trustDomain");
    if !mesh_id.is_empty() {
        env.push(meta::env("ISTIO_META_MESH_ID", mesh_id));
    } else if !trust_domain.is_empty() {
        env.push(meta::env("ISTIO_META_MESH_ID", trust_domain.clone()));
    }
    if !trust_domain.is_empty() {
        env.push(meta::env("TRUST_DOMAIN", trust_domain));
    }
    if !super::truthy(&gw["runAsRoot"]) {
        env.push(meta::env("ISTIO_META_UNPRIVILEGED_POD", "true"));
    }
    env.extend(meta::env_in_key_order(&gw["env"]));
    env.extend(meta::env_in_key_order(
        ctx.get("meshConfig.defaultConfig.proxyMetadata"),
    ));
    let network = ctx.str("global.network");
    if !network.is_empty() && !super::is_set(&gw["env"]["ISTIO_META_NETWORK"]) {
        env.push(meta::env("ISTIO_META_NETWORK", network));
    }
    env.push(meta::env("ISTIO_META_CLUSTER_ID", ctx.cluster_id()));
    env.push(meta::env_ref("ISTIO_META_NODE_NAME", "spec.nodeName"));

    let mut ports: Vec<Value> = gw["ports"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|p| {
            let target = p.get("targetPort").or_else(|| p.get("port")).cloned().unwrap_or(Value::Null);
            json!({"containerPort": target, "protocol": p.get("protocol").cloned().unwrap_or(json!("TCP"))})
        })
        .collect();
    ports.push(json!({"containerPort": 15090, "name": "http-envoy-prom", "protocol": "TCP"}));

    let resources = meta::chart_resources(&gw["resources"], ctx.get("global.defaultResources"));
    let image = gateway_image(ctx, gw);
    let mut mounts = vec![
        json!({"mountPath": "/var/run/secrets/workload-spiffe-uds", "name": "workload-socket"}),
        json!({"mountPath": "/var/run/secrets/credential-uds", "name": "credential-socket"}),
        json!({"mountPath": "/var/run/secrets/workload-spiffe-credentials", "name": "workload-certs"}),
        json!({"mountPath": "/etc/istio/proxy", "name": "istio-envoy"}),
        json!({"mountPath": "/etc/istio/config", "name": "config-volume"}),
        json!({"mountPath": "/var/run/secrets/tokens", "name": "istio-token", "readOnly": true}),
        json!({"mountPath": "/var/lib/istio/data", "name": "istio-data"}),
        json!({"mountPath": "/etc/istio/pod", "name": "podinfo"}),
    ];
    let mut volumes = vec![
        json!({"emptyDir": {}, "name": "workload-socket"}),
        json!({"emptyDir": {}, "name": "credential-socket"}),
        json!({"emptyDir": {}, "name": "workload-certs"}),
        json!({"downwardAPI": {"items": [
            {"fieldRef": {"fieldPath": "metadata.labels"}, "path": "labels"},
            {"fieldRef": {"fieldPath": "metadata.annotations"}, "path": "annotations"}
        ]}, "name": "podinfo"}),
        json!({"emptyDir": {}, "name": "istio-envoy"}),
        json!({"emptyDir": {}, "name": "istio-data"}),
        meta::istio_token_volume(&ctx.str("global.sds.token.aud")),
        json!({"configMap": {"name": format!("istio{}", ctx.rev_suffix()), "optional": true}, "name": "config-volume"}),
    ];
    // The istiod CA bundle only where istiod is the certificate provider.
    if ctx.str("global.pilotCertProvider") == "istiod" {
        let mount = json!({"mountPath": "/var/run/secrets/istio", "name": "istiod-ca-cert"});
        mounts.insert(5, mount);
        let bundle = ctx.str("global.trustBundleName");
        let ctb = meta::uses_cluster_trust_bundle(ctx.get("pilot.env"));
        volumes.insert(
            3,
            meta::ca_bundle_volume("istiod-ca-cert", &bundle, ctb, false),
        );
    }
    for secret in gw["secretVolumes"].as_array().cloned().unwrap_or_default() {
        mounts.push(
            json!({"mountPath": secret["mountPath"], "name": secret["name"], "readOnly": true}),
        );
        volumes.push(json!({"name": secret["name"], "secret": {"optional": true, "secretName": secret["secretName"]}}));
    }
    let run_as_root = super::truthy(&gw["runAsRoot"]);
    let mut container = json!({
        "args": [
            "proxy",
            "router",
            "--domain",
            format!("$(POD_NAMESPACE).svc.{}", ctx.str("global.proxy.clusterDomain")),
            format!("--proxyLogLevel={}", ctx.str("global.proxy.logLevel")),
            format!("--proxyComponentLogLevel={}", ctx.str("global.proxy.componentLogLevel")),
            format!("--log_output_level={}", ctx.str("global.logging.level"))
        ],
        "env": env,
        "image": image,
        "name": "istio-proxy",
        "ports": ports,
        "readinessProbe": {
            "failureThreshold": 30,
            "httpGet": {"path": "/healthz/ready", "port": 15021, "scheme": "HTTP"},
            "initialDelaySeconds": 1,
            "periodSeconds": 2,
            "successThreshold": 1,
            "timeoutSeconds": 1
        },
        "resources": resources,
        "volumeMounts": mounts
    });
    if !run_as_root {
        container["securityContext"] = json!({
            "allowPrivilegeEscalation": false,
            "capabilities": {"drop": ["ALL"]},
            "privileged": false,
            "readOnlyRootFilesystem": true
        });
    }
    if ctx.bool("global.logAsJson") {
        container["args"]
            .as_array_mut()
            .unwrap()
            .push(json!("--log_as_json"));
    }
    let policy = ctx.str("global.imagePullPolicy");
    if !policy.is_empty() {
        container["imagePullPolicy"] = json!(policy);
    }
    let mut pod_spec = json!({
        "containers": [container],
        "serviceAccountName": sa_name,
        "volumes": volumes
    });
    if !run_as_root {
        let openshift = ctx.str_or("platform", &ctx.str("global.platform")) == "openshift";
        pod_spec["securityContext"] = if openshift {
            json!({"runAsNonRoot": true})
        } else {
            json!({"runAsGroup": 1337, "runAsNonRoot": true, "runAsUser": 1337})
        };
    }
    if let Some(affinity) = affinity(ctx, gw) {
        pod_spec["affinity"] = affinity;
    }
    let tolerations = [&gw["tolerations"], ctx.get("global.defaultTolerations")];
    if let Some(list) = tolerations.into_iter().find(|t| super::is_set(t)) {
        pod_spec["tolerations"] = list.clone();
    }
    let priority = ctx.str("global.priorityClassName");
    if !priority.is_empty() {
        pod_spec["priorityClassName"] = json!(priority);
    }
    d["spec"] = json!({
        "selector": {"matchLabels": selector},
        "strategy": {"rollingUpdate": {"maxSurge": gw["rollingMaxSurge"], "maxUnavailable": gw["rollingMaxUnavailable"]}},
        "template": {
            "metadata": {"annotations": annotations, "labels": template_labels},
            "spec": pod_spec
        }
    });
    if !super::truthy(&gw["autoscaleEnabled"]) && super::is_set(&gw["replicaCount"]) {
        d["spec"]["replicas"] = gw["replicaCount"].clone();
    }
    d
}

/// The gateway's proxy image: its own hub/tag win over `global.*`; a full image
/// (`global.proxy.image` with a `/`) is used as given, an empty one is `proxyv2`.
fn gateway_image(ctx: &Ctx, gw: &Value) -> String {
    let image = ctx.str("global.proxy.image");
    if image.contains('/') {
        return image;
    }
    let image = if image.is_empty() {
        "proxyv2".to_string()
    } else {
        image
    };
    let pick = |key: &str| {
        let own = super::scalar_string(&gw[key]);
        if own.is_empty() {
            ctx.str(&format!("global.{key}"))
        } else {
            own
        }
    };
    let variant = ctx.str("global.variant");
    let suffix = if variant.is_empty() {
        String::new()
    } else {
        format!("-{variant}")
    };
    format!("{}/{}:{}{}", pick("hub"), image, pick("tag"), suffix)
}

/// The gateway chart's scheduling: its `nodeSelector` (else `global.defaultNodeSelector`)
/// and `global.arch` weights become node affinity (the pod gets no `nodeSelector`), the
/// `podAntiAffinity*LabelSelector` lists pod anti-affinity. None when all are empty (the
/// chart's null lists, left out).
fn affinity(ctx: &Ctx, gw: &Value) -> Option<Value> {
    let mut affinity = Map::new();
    let node = node_affinity(ctx, gw);
    if !node.is_empty() {
        affinity.insert("nodeAffinity".into(), Value::Object(node));
    }
    let mut anti = Map::new();
    let required = anti_affinity_terms(&gw["podAntiAffinityLabelSelector"], false);
    if !required.is_empty() {
        anti.insert(
            "requiredDuringSchedulingIgnoredDuringExecution".into(),
            json!(required),
        );
    }
    let preferred = anti_affinity_terms(&gw["podAntiAffinityTermLabelSelector"], true);
    if !preferred.is_empty() {
        anti.insert(
            "preferredDuringSchedulingIgnoredDuringExecution".into(),
            json!(preferred),
        );
    }
    if !anti.is_empty() {
        affinity.insert("podAntiAffinity".into(), Value::Object(anti));
    }
    (!affinity.is_empty()).then_some(Value::Object(affinity))
}

fn node_affinity(ctx: &Ctx, gw: &Value) -> Map<String, Value> {
    let selector = [&gw["nodeSelector"], ctx.get("global.defaultNodeSelector")]
        .into_iter()
        .find(|s| super::is_set(s))
        .and_then(Value::as_object);
    let arch = ctx.get("global.arch").as_object();
    let weighted: Vec<(&String, i64)> = arch
        .map(|a| {
            a.iter()
                .map(|(k, v)| (k, super::as_int(v).unwrap_or(0)))
                .filter(|(_, w)| *w > 0)
                .collect()
        })
        .unwrap_or_default();
    let mut node = Map::new();
    if arch.is_some_and(|a| !a.is_empty()) || selector.is_some() {
        let mut exprs = Vec::new();
        if arch.is_some_and(|a| !a.is_empty()) {
            let names: Vec<&String> = weighted.iter().map(|(k, _)| *k).collect();
            exprs.push(json!({"key": "kubernetes.io/arch", "operator": "In", "values": names}));
        }
        for (key, value) in selector.into_iter().flatten() {
            let value = super::scalar_string(value);
            exprs.push(json!({"key": key, "operator": "In", "values": [value]}));
        }
        let terms = json!({"nodeSelectorTerms": [{"matchExpressions": exprs}]});
        node.insert(
            "requiredDuringSchedulingIgnoredDuringExecution".into(),
            terms,
        );
    }
    let preferred: Vec<Value> = weighted
        .iter()
        .map(|(arch, weight)| {
            let expr = json!({"key": "kubernetes.io/arch", "operator": "In", "values": [arch]});
            json!({"preference": {"matchExpressions": [expr]}, "weight": weight})
        })
        .collect();
    if !preferred.is_empty() {
        node.insert(
            "preferredDuringSchedulingIgnoredDuringExecution".into(),
            json!(preferred),
        );
    }
    node
}

/// One anti-affinity term per `{key, operator, values, topologyKey, namespaces}` entry;
/// `values` and `namespaces` are comma-separated lists.
fn anti_affinity_terms(items: &Value, preferred: bool) -> Vec<Value> {
    let items = items.as_array().cloned().unwrap_or_default();
    items
        .iter()
        .map(|item| {
            let mut expr = json!({"key": item["key"], "operator": item["operator"]});
            if super::is_set(&item["values"]) {
                expr["values"] = json!(split_list(&item["values"]));
            }
            let selector = json!({"matchExpressions": [expr]});
            if preferred {
                let term = json!({"labelSelector": selector, "topologyKey": item["topologyKey"]});
                return json!({"podAffinityTerm": term, "weight": 100});
            }
            let mut term = json!({"labelSelector": selector, "topologyKey": item["topologyKey"]});
            if super::is_set(&item["namespaces"]) {
                term["namespaces"] = json!(split_list(&item["namespaces"]));
            }
            term
        })
        .collect()
}

/// Sprig's `split ","` ranged over: the parts in the order of their keys `_0`, `_1`, ...
/// compared as strings (`_10` before `_2`).
fn split_list(v: &Value) -> Vec<String> {
    let text = super::scalar_string(v);
    let parts: Vec<&str> = text.split(',').collect();
    let mut keyed: Vec<(String, &str)> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| (format!("_{i}"), *p))
        .collect();
    keyed.sort();
    keyed.into_iter().map(|(_, p)| p.to_string()).collect()
}
