//! Object skeletons and the labels Istio's installations carry: the chart-standard
//! `app.kubernetes.io/*` set and the operator's ownership labels.

use serde_json::{json, Map, Value};

use super::{Component, Ctx};

/// `app.kubernetes.io/*`, `helm.sh/chart` and `release` labels of a component's objects.
pub fn chart_labels(app_name: &str, chart: &str) -> Map<String, Value> {
    let version = crate::ISTIO_VERSION;
    let mut m = Map::new();
    m.insert("app.kubernetes.io/instance".into(), json!("istio"));
    m.insert("app.kubernetes.io/managed-by".into(), json!("Helm"));
    m.insert("app.kubernetes.io/name".into(), json!(app_name));
    m.insert("app.kubernetes.io/part-of".into(), json!("istio"));
    m.insert("app.kubernetes.io/version".into(), json!(version));
    m.insert("helm.sh/chart".into(), json!(format!("{chart}-{version}")));
    m.insert("release".into(), json!("istio"));
    m
}

/// The labels every chart object carries (`app.kubernetes.io/{instance,managed-by,part-of,
/// version}`, `helm.sh/chart`), without a name or `release`.
pub fn istio_labels(chart: &str) -> Map<String, Value> {
    let mut m = chart_labels("", chart);
    m.remove("app.kubernetes.io/name");
    m.remove("release");
    m
}

/// The labels that tie an object to its IstioOperator, component and revision.
pub fn operator_labels(ctx: &Ctx, component: &Component) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert(
        "install.operator.istio.io/owning-resource".into(),
        json!(ctx.owner),
    );
    m.insert("istio.io/rev".into(), json!(ctx.revision_label()));
    m.insert(
        "operator.istio.io/component".into(),
        json!(component.kind.label()),
    );
    m
}

/// Merges label maps, later ones winning.
pub fn labels(parts: &[&Map<String, Value>]) -> Map<String, Value> {
    let mut m = Map::new();
    for part in parts {
        for (k, v) in part.iter() {
            m.insert(k.clone(), v.clone());
        }
    }
    m
}

/// A single-label map.
pub fn label(key: &str, value: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert(key.into(), json!(value));
    m
}

/// A namespaced (or, with `namespace: None`, cluster-scoped) object skeleton.
pub fn object(
    api_version: &str,
    kind: &str,
    name: &str,
    namespace: Option<&str>,
    labels: Map<String, Value>,
) -> Value {
    let mut metadata = Map::new();
    metadata.insert("name".into(), json!(name));
    if let Some(ns) = namespace {
        metadata.insert("namespace".into(), json!(ns));
    }
    if !labels.is_empty() {
        metadata.insert("labels".into(), Value::Object(labels));
    }
    json!({"apiVersion": api_version, "kind": kind, "metadata": metadata})
}

/// A ServiceAccount carrying `global.imagePullSecrets`.
pub fn service_account(
    ctx: &Ctx,
    name: &str,
    namespace: &str,
    labels: Map<String, Value>,
) -> Value {
    let mut sa = object("v1", "ServiceAccount", name, Some(namespace), labels);
    if let Some(list) = ctx
        .get("global.imagePullSecrets")
        .as_array()
        .filter(|l| !l.is_empty())
    {
        sa["imagePullSecrets"] = Value::Array(list.iter().map(|s| json!({"name": s})).collect());
    }
    sa
}

/// The HorizontalPodAutoscaler of a Deployment, from its component's values
/// (`autoscaleEnabled`, `autoscaleMin`, `autoscaleMax`, `cpu`/`memory`
/// `.targetAverageUtilization`, `autoscaleBehavior`); `None` when it does not autoscale.
pub fn autoscaler(
    name: &str,
    namespace: &str,
    labels: Map<String, Value>,
    scaling: &Value,
) -> Option<Value> {
    let min = super::as_int(&scaling["autoscaleMin"]).unwrap_or(1);
    let max = super::as_int(&scaling["autoscaleMax"]).unwrap_or(5);
    if !super::truthy(&scaling["autoscaleEnabled"]) || min >= max {
        return None;
    }
    let utilization = |resource: &str, target: i64| json!({"resource": {"name": resource, "target": {"averageUtilization": target, "type": "Utilization"}}, "type": "Resource"});
    let mut metrics = vec![utilization(
        "cpu",
        super::as_int(&scaling["cpu"]["targetAverageUtilization"]).unwrap_or(80),
    )];
    if let Some(memory) = super::as_int(&scaling["memory"]["targetAverageUtilization"]) {
        metrics.push(utilization("memory", memory));
    }
    let mut hpa = object(
        "autoscaling/v2",
        "HorizontalPodAutoscaler",
        name,
        Some(namespace),
        labels,
    );
    hpa["spec"] = json!({
        "maxReplicas": max,
        "metrics": metrics,
        "minReplicas": min,
        "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": name}
    });
    if scaling["autoscaleBehavior"]
        .as_object()
        .is_some_and(|b| !b.is_empty())
    {
        hpa["spec"]["behavior"] = scaling["autoscaleBehavior"].clone();
    }
    Some(hpa)
}

/// Whether a Deployment gets a PodDisruptionBudget: more than one pod guaranteed, by
/// `autoscaleMin` or by `replicaCount` without autoscaling.
pub fn wants_disruption_budget(ctx: &Ctx, scaling: &Value) -> bool {
    let autoscale = super::truthy(&scaling["autoscaleEnabled"]);
    let min = super::as_int(&scaling["autoscaleMin"]).unwrap_or(1);
    let replicas = super::as_int(&scaling["replicaCount"]).unwrap_or(1);
    ctx.bool("global.defaultPodDisruptionBudget.enabled")
        && ((autoscale && min > 1) || (!autoscale && replicas > 1))
}

/// Whether the charts render their NetworkPolicies (`global.networkPolicy.enabled`).
pub fn wants_network_policy(ctx: &Ctx) -> bool {
    ctx.bool("global.networkPolicy.enabled")
}

/// A NetworkPolicy for a component's pods: each group of `(protocol, port)` pairs is one
/// allowed ingress rule; all egress is allowed.
pub fn network_policy(
    name: &str,
    namespace: &str,
    labels: Map<String, Value>,
    pod_selector: Value,
    ingress: &[Vec<(Value, Value)>],
) -> Value {
    let mut np = object(
        "networking.k8s.io/v1",
        "NetworkPolicy",
        name,
        Some(namespace),
        labels,
    );
    let rules: Vec<Value> = ingress
        .iter()
        .map(|group| {
            let ports: Vec<Value> = group
                .iter()
                .map(|(protocol, port)| json!({"protocol": protocol, "port": port}))
                .collect();
            json!({"ports": ports})
        })
        .collect();
    np["spec"] = json!({
        "podSelector": {"matchLabels": pod_selector},
        "policyTypes": ["Ingress", "Egress"],
        "ingress": rules,
        "egress": [{}]
    });
    np
}

/// TCP `(protocol, port)` pairs, for `network_policy`.
pub fn tcp_ports(ports: &[u16]) -> Vec<(Value, Value)> {
    ports.iter().map(|p| (json!("TCP"), json!(p))).collect()
}

/// A `fieldRef` environment variable.
pub fn env_field(name: &str, field_path: &str) -> Value {
    json!({"name": name, "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": field_path}}})
}

/// A `resourceFieldRef` environment variable (divisor 1).
pub fn env_resource(name: &str, resource: &str) -> Value {
    json!({"name": name, "valueFrom": {"resourceFieldRef": {"divisor": "1", "resource": resource}}})
}

/// A plain environment variable.
pub fn env(name: &str, value: impl Into<Value>) -> Value {
    let value = match value.into() {
        Value::String(s) => s,
        other => other.to_string(),
    };
    json!({"name": name, "value": value})
}

/// The projected `istio-token` volume (audience `istio-ca`, 12 hours).
pub fn istio_token_volume(audience: &str) -> Value {
    json!({
        "name": "istio-token",
        "projected": {"sources": [{"serviceAccountToken": {
            "audience": audience, "expirationSeconds": 43200, "path": "istio-token"
        }}]}
    })
}

/// A ClusterRole/Role rule.
pub fn rule(groups: &[&str], resources: &[&str], verbs: &[&str]) -> Value {
    json!({"apiGroups": groups, "resources": resources, "verbs": verbs})
}

/// A ClusterRole with these rules.
pub fn cluster_role(name: &str, labels: Map<String, Value>, rules: Vec<Value>) -> Value {
    let mut role = object(
        "rbac.authorization.k8s.io/v1",
        "ClusterRole",
        name,
        None,
        labels,
    );
    role["rules"] = Value::Array(rules);
    role
}

/// A ClusterRoleBinding `name` of ClusterRole `role` to ServiceAccount `account` in `ns`.
pub fn cluster_role_binding(
    name: &str,
    role: &str,
    labels: Map<String, Value>,
    account: &str,
    ns: &str,
) -> Value {
    let mut binding = object(
        "rbac.authorization.k8s.io/v1",
        "ClusterRoleBinding",
        name,
        None,
        labels,
    );
    binding["roleRef"] =
        json!({"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": role});
    binding["subjects"] = json!([{"kind": "ServiceAccount", "name": account, "namespace": ns}]);
    binding
}

/// Use of OpenShift's `privileged` SecurityContextConstraints (CNI and ztunnel there).
pub fn privileged_scc_rule() -> Value {
    json!({"apiGroups": ["security.openshift.io"], "resources": ["securitycontextconstraints"],
           "resourceNames": ["privileged"], "verbs": ["use"]})
}

/// The rule of Istio's config validation webhooks: Istio's API groups, create/update.
pub fn validation_rules() -> Value {
    json!([{
        "apiGroups": ["security.istio.io", "networking.istio.io", "telemetry.istio.io", "extensions.istio.io"],
        "apiVersions": ["*"],
        "operations": ["CREATE", "UPDATE"],
        "resources": ["*"]
    }])
}

/// Verbs for full management of a resource.
pub const MANAGE: &[&str] = &[
    "get", "watch", "list", "update", "patch", "create", "delete",
];
/// Read-only verbs.
pub const READ: &[&str] = &["get", "list", "watch"];

/// A `fieldRef` environment variable without an explicit `apiVersion`.
pub fn env_ref(name: &str, field_path: &str) -> Value {
    json!({"name": name, "valueFrom": {"fieldRef": {"fieldPath": field_path}}})
}

/// Environment variables from a `name: value` map in key order, values as text (a
/// chart's `range` over a map).
pub fn env_in_key_order(map: &Value) -> Vec<Value> {
    let mut entries: Vec<(&String, &Value)> = map
        .as_object()
        .map(|m| m.iter().collect())
        .unwrap_or_default();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    entries
        .into_iter()
        .map(|(k, v)| env(k, super::scalar_string(v)))
        .collect()
}

/// Environment variables from a `name: value` map (a map value is a `valueFrom`).
pub fn env_from_map(map: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    if let Some(m) = map.as_object() {
        for (k, v) in m {
            if v.is_object() {
                out.push(json!({"name": k, "valueFrom": v}));
            } else {
                out.push(env(k, super::scalar_string(v)));
            }
        }
    }
    out
}

/// A container's resources as the charts write them: its own when set (a non-empty
/// mapping), else the fallback (`global.defaultResources`, or nothing), without empty
/// entries; `null` when neither is set.
pub fn chart_resources(own: &Value, fallback: &Value) -> Value {
    let chosen = if super::is_set(own) { own } else { fallback };
    if super::is_set(chosen) {
        non_nil_resources(chosen)
    } else {
        Value::Null
    }
}

/// Resource requirements without empty entries: `limits` and `requests` keep only their
/// set quantities and are left out when none is set (the charts' resources helpers).
pub fn non_nil_resources(resources: &Value) -> Value {
    let mut out = Map::new();
    for key in ["limits", "requests"] {
        let set: Map<String, Value> = resources[key]
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(_, v)| super::is_set(v))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if !set.is_empty() {
            out.insert(key.into(), Value::Object(set));
        }
    }
    Value::Object(out)
}

/// The stable channel's ValidatingAdmissionPolicy (`experimental.stableValidationPolicy`)
/// and its binding: Istio config that uses alpha-only kinds or fields is denied.
pub fn stable_validation_policy(
    name: &str,
    binding_name: &str,
    labels: Map<String, Value>,
    object_selector: Option<Value>,
) -> [Value; 2] {
    let mut policy = object(
        "admissionregistration.k8s.io/v1",
        "ValidatingAdmissionPolicy",
        name,
        None,
        labels,
    );
    let mut constraints = json!({"resourceRules": [{
        "apiGroups": ["security.istio.io", "networking.istio.io", "telemetry.istio.io", "extensions.istio.io"],
        "apiVersions": ["*"],
        "operations": ["CREATE", "UPDATE"],
        "resources": ["*"]
    }]});
    if let Some(selector) = object_selector {
        constraints["objectSelector"] = selector;
    }
    let variable = |name: &str, kind: &str| json!({"name": name, "expression": format!("object.kind == '{kind}'")});
    policy["spec"] = json!({
        "failurePolicy": "Fail",
        "matchConstraints": constraints,
        "variables": [
            variable("isEnvoyFilter", "EnvoyFilter"),
            variable("isWasmPlugin", "WasmPlugin"),
            variable("isProxyConfig", "ProxyConfig"),
            variable("isTelemetry", "Telemetry"),
            variable("isAuthorizationPolicy", "AuthorizationPolicy")
        ],
        "validations": [
            {"expression": "!variables.isEnvoyFilter"},
            {"expression": "!variables.isWasmPlugin"},
            {"expression": "!variables.isProxyConfig"},
            {"expression": STABLE_TELEMETRY_RULE},
            {"expression": STABLE_AUTHORIZATION_RULE}
        ]
    });
    let mut binding = object(
        "admissionregistration.k8s.io/v1",
        "ValidatingAdmissionPolicyBinding",
        binding_name,
        None,
        Map::new(),
    );
    binding["spec"] = json!({"policyName": name, "validationActions": ["Deny"]});
    [policy, binding]
}

/// Telemetry fields the stable channel does not accept.
const STABLE_TELEMETRY_RULE: &str = "!(
  variables.isTelemetry && (
    (has(object.spec.tracing) ? object.spec.tracing : {}).exists(t, has(t.useRequestIdForTraceSampling)) ||
    (has(object.spec.metrics) ? object.spec.metrics : {}).exists(m, has(m.reportingInterval)) ||
    (has(object.spec.accessLogging) ? object.spec.accessLogging : {}).exists(l, has(l.filter))
  )
)
";

/// AuthorizationPolicy fields the stable channel does not accept (the last rule: the
/// chart's document ends here, so its text has no final newline).
const STABLE_AUTHORIZATION_RULE: &str = "!(
  variables.isAuthorizationPolicy &&
  has(object.spec.rules) &&
  object.spec.rules.exists(r,
    has(r.from) && r.from.exists(f,
      has(f.source) && (has(f.source.trustDomains) || has(f.source.notTrustDomains))
    )
  )
)";

/// Whether a chart's `env` turns on `ENABLE_CLUSTER_TRUST_BUNDLE_API` (the boolean `true`
/// only: the charts compare with `eq ... true`).
pub fn uses_cluster_trust_bundle(env: &Value) -> bool {
    env["ENABLE_CLUSTER_TRUST_BUNDLE_API"] == Value::Bool(true)
}

/// The volume of the CA bundle a workload trusts: `global.trustBundleName`'s ConfigMap
/// (default `istio-ca-root-cert`), or with `cluster_trust_bundle` the ClusterTrustBundle
/// `istio.io:istiod-ca:<bundle or root-cert>`. `optional` marks istiod's own copy.
pub fn ca_bundle_volume(
    volume: &str,
    bundle: &str,
    cluster_trust_bundle: bool,
    optional: bool,
) -> Value {
    let or = |fallback: &str| {
        if bundle.is_empty() {
            fallback.to_string()
        } else {
            bundle.to_string()
        }
    };
    if cluster_trust_bundle {
        let mut source = json!({"name": format!("istio.io:istiod-ca:{}", or("root-cert")), "path": "root-cert.pem"});
        if optional {
            source["optional"] = json!(true);
        }
        return json!({"name": volume, "projected": {"sources": [{"clusterTrustBundle": source}]}});
    }
    let mut config_map = json!({"name": or("istio-ca-root-cert")});
    if optional {
        config_map["defaultMode"] = json!(420);
        config_map["optional"] = json!(true);
    }
    json!({"configMap": config_map, "name": volume})
}

/// A node agent's ResourceQuota (`resourceQuotas.enabled`): at most `pods` pods of the
/// `system-node-critical` priority class in its namespace.
pub fn resource_quota(name: &str, ns: &str, labels: Map<String, Value>, pods: &Value) -> Value {
    let mut quota = object("v1", "ResourceQuota", name, Some(ns), labels);
    quota["spec"] = json!({
        "hard": {"pods": super::scalar_string(pods)},
        "scopeSelector": {"matchExpressions": [{
            "operator": "In",
            "scopeName": "PriorityClass",
            "values": ["system-node-critical"]
        }]}
    });
    quota
}
