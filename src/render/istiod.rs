//! The Pilot component: istiod's Deployment, Service, RBAC, webhooks, the `istio` mesh
//! ConfigMap, the `istio-sidecar-injector` and `values` ConfigMaps, HPA and PDB — or, for
//! a remote cluster (`istiodRemote.enabled`), only what points at an external istiod.

use crate::model::effective::overlay;
use serde_json::{json, Map, Value};

use super::meta::{self, MANAGE, READ};
use super::{Component, Ctx};

const ISTIO_GROUPS: &[&str] = &[
    "config.istio.io",
    "security.istio.io",
    "networking.istio.io",
    "authentication.istio.io",
    "rbac.istio.io",
    "telemetry.istio.io",
    "extensions.istio.io",
];

/// Names and labels shared by the component's objects.
struct Names<'a> {
    ctx: &'a Ctx,
    component: &'a Component,
    /// `istiod` or `istiod-<rev>`.
    istiod: String,
    ns: &'a str,
    /// The istiod chart's own merged values (`charts::istiod_values`).
    chart_values: Value,
}

impl Names<'_> {
    fn chart(&self, app_name: &str) -> Map<String, Value> {
        meta::chart_labels(app_name, "istiod")
    }

    fn op(&self) -> Map<String, Value> {
        meta::operator_labels(self.ctx, self.component)
    }

    /// The labels of istiod's Service, disruption budget and NetworkPolicy.
    fn pilot_labels(&self) -> Map<String, Value> {
        meta::labels(&[
            &meta::label("app", "istiod"),
            &self.chart("istiod"),
            &self.op(),
            &meta::label("istio", "pilot"),
        ])
    }

    /// `<prefix>[-<rev>]-<namespace>`, the naming of istiod's cluster-scoped objects.
    fn cluster_name(&self, prefix: &str) -> String {
        self.cluster_name_in(prefix, self.ns)
    }

    /// `cluster_name` for the objects the chart names after another namespace.
    fn cluster_name_in(&self, prefix: &str, namespace: &str) -> String {
        format!("{prefix}{}-{namespace}", self.ctx.rev_suffix())
    }
}

/// Values Istio removed: the istiod chart refuses to render while one is given.
const REMOVED_VALUES: &[&str] = &[
    "telemetry.v2.prometheus.configOverride",
    "telemetry.v2.stackdriver.configOverride",
    "telemetry.v2.stackdriver.disableOutbound",
    "telemetry.v2.stackdriver.outboundAccessLogging",
    "global.tracer.stackdriver.debug",
    "global.tracer.stackdriver.maxNumberOfAttributes",
    "global.tracer.stackdriver.maxNumberOfAnnotations",
    "global.tracer.stackdriver.maxNumberOfMessageEvents",
    "meshConfig.defaultConfig.tracing.stackdriver.debug",
    "meshConfig.defaultConfig.tracing.stackdriver.maxNumberOfAttributes",
    "meshConfig.defaultConfig.tracing.stackdriver.maxNumberOfAnnotations",
    "meshConfig.defaultConfig.tracing.stackdriver.maxNumberOfMessageEvents",
];

/// Why the istiod chart refuses these values, as its own checks do: a removed setting is
/// given (any value but null or an empty string), or the unsupported `kubernetes`
/// certificate provider is chosen.
pub fn refused_values(ctx: &Ctx) -> Option<String> {
    let given = |v: &Value| !v.is_null() && v.as_str() != Some("");
    if let Some(removed) = REMOVED_VALUES.iter().find(|p| given(ctx.get(p))) {
        return Some(format!("values.{removed} is removed"));
    }
    (ctx.str("global.pilotCertProvider") == "kubernetes")
        .then(|| "values.global.pilotCertProvider=kubernetes is not supported".to_string())
}

pub fn render(ctx: &Ctx, component: &Component) -> Vec<Value> {
    let n = Names {
        ctx,
        component,
        istiod: format!("istiod{}", ctx.rev_suffix()),
        ns: &component.namespace,
        chart_values: super::charts::istiod_values(&ctx.passed_values),
    };
    let remote = ctx.bool("istiodRemote.enabled");
    let local_injector = ctx.bool("istiodRemote.enabledLocalInjectorIstiod");
    // A remote istiod's cluster keeps only what its webhooks and readers need, unless it
    // is also the config cluster or runs a local injector istiod.
    let control_plane_rbac = !remote || ctx.bool("global.configCluster") || local_injector;
    let runs_istiod = !remote || local_injector;
    let tags = revision_tags(&n);
    let mut out = Vec::new();
    // Each template renders only in its `global.resourceScope` (all, cluster or namespace).
    if ctx.renders_cluster_scoped() {
        out.extend(cluster_scoped_objects(&n, control_plane_rbac, &tags));
    }
    if ctx.renders_namespaced() {
        out.extend(namespaced_objects(
            &n,
            control_plane_rbac,
            runs_istiod,
            &tags,
        ));
    }
    out
}

/// Cluster RBAC and the admission webhooks.
fn cluster_scoped_objects(n: &Names, control_plane_rbac: bool, tags: &[String]) -> Vec<Value> {
    let mut out = cluster_rbac(n, control_plane_rbac);
    if control_plane_rbac && n.ctx.bool("global.configValidation") {
        out.push(validating_webhook(n));
    }
    out.extend(tags.iter().map(|tag| tag_webhook(n, tag)));
    out.push(mutating_webhook(n));
    out
}

/// Everything in istiod's namespace, and the validation policy the chart scopes with it.
fn namespaced_objects(
    n: &Names,
    control_plane_rbac: bool,
    runs_istiod: bool,
    tags: &[String],
) -> Vec<Value> {
    let ctx = n.ctx;
    let mut out = Vec::new();
    if control_plane_rbac {
        let labels = with_app("istiod", n.chart("istiod"));
        let mut sa = meta::service_account(ctx, &n.istiod, &ctx.istio_namespace, labels);
        let annotations = ctx.get("pilot.serviceAccountAnnotations");
        if super::is_set(annotations) {
            sa["metadata"]["annotations"] = annotations.clone();
        }
        out.push(sa);
    }
    if control_plane_rbac && ctx.bool("experimental.stableValidationPolicy") {
        out.extend(stable_validation_policy(n));
    }
    if ctx.bool("pilot.configMap") {
        out.push(mesh_config_map(n));
    }
    if !ctx.bool("global.omitSidecarInjectorConfigMap") {
        out.push(injector_config_map(n));
    }
    out.push(values_config_map(n));
    out.extend(gateway_class_config_maps(n));
    if runs_istiod && super::is_set(ctx.get("pilot.jwksResolverExtraRootCA")) {
        out.push(jwks_config_map(n));
    }
    if ctx.bool("istiodRemote.enabled") {
        out.extend(remote_endpoint(n));
    }
    if control_plane_rbac {
        out.extend(namespace_rbac(n));
    }
    // The chart renders istiod's NetworkPolicy even where no istiod runs (remote profile).
    if meta::wants_network_policy(ctx) {
        out.push(network_policy(n));
    }
    out.extend(tags.iter().map(|tag| tag_service(n, tag)));
    if runs_istiod {
        out.extend(istiod_workload(n));
    }
    out
}

/// The Deployment with its autoscaler, disruption budget and Service.
fn istiod_workload(n: &Names) -> Vec<Value> {
    let ctx = n.ctx;
    let mut out = vec![deployment(n)];
    let hpa_labels = meta::labels(&[&meta::label("app", "istiod"), &n.chart("istiod"), &n.op()]);
    out.extend(meta::autoscaler(
        &n.istiod,
        n.ns,
        hpa_labels,
        ctx.get("pilot"),
    ));
    if meta::wants_disruption_budget(ctx, ctx.get("pilot")) {
        out.push(disruption_budget(n));
    }
    out.push(service(n));
    out
}

fn stable_validation_policy(n: &Names) -> [Value; 2] {
    let ctx = n.ctx;
    let suffix = format!("{}-{}.istio.io", ctx.rev_suffix(), ctx.istio_namespace);
    meta::stable_validation_policy(
        &format!("stable-channel-policy{suffix}"),
        &format!("stable-channel-policy-binding{suffix}"),
        meta::labels(&[
            &meta::label("app.kubernetes.io/name", "istiod"),
            &meta::istio_labels("istiod"),
        ]),
        Some(json!({"matchExpressions": [{
            "key": "istio.io/rev",
            "operator": "In",
            "values": [ctx.revision_label()]
        }]})),
    )
}

fn with_app(app: &str, rest: Map<String, Value>) -> Map<String, Value> {
    meta::labels(&[&meta::label("app", app), &rest])
}

fn reader_rules(mcs_group: &str) -> Vec<Value> {
    vec![
        meta::rule(ISTIO_GROUPS, &["*"], READ),
        meta::rule(
            &[""],
            &[
                "endpoints",
                "pods",
                "services",
                "nodes",
                "replicationcontrollers",
                "namespaces",
                "secrets",
                "configmaps",
            ],
            READ,
        ),
        meta::rule(
            &["networking.istio.io"],
            &["workloadentries"],
            &["get", "watch", "list"],
        ),
        meta::rule(
            &["networking.x-k8s.io", "gateway.networking.k8s.io"],
            &["gateways"],
            &["get", "watch", "list"],
        ),
        meta::rule(
            &["apiextensions.k8s.io"],
            &["customresourcedefinitions"],
            READ,
        ),
        meta::rule(&["discovery.k8s.io"], &["endpointslices"], READ),
        meta::rule(
            &[mcs_group],
            &["serviceexports"],
            &["get", "list", "watch", "create", "delete"],
        ),
        meta::rule(&[mcs_group], &["serviceimports"], READ),
        meta::rule(&["apps"], &["replicasets"], READ),
        meta::rule(&["authentication.k8s.io"], &["tokenreviews"], &["create"]),
        meta::rule(
            &["authorization.k8s.io"],
            &["subjectaccessreviews"],
            &["create"],
        ),
    ]
}

/// Reading and updating the webhook configurations istiod patches its CA bundle into.
fn webhook_rules() -> [Value; 2] {
    [
        meta::rule(
            &["admissionregistration.k8s.io"],
            &["mutatingwebhookconfigurations"],
            &["get", "list", "watch", "update", "patch"],
        ),
        meta::rule(
            &["admissionregistration.k8s.io"],
            &["validatingwebhookconfigurations"],
            &["get", "list", "watch", "update"],
        ),
    ]
}

/// istiod's ClusterRole rules, in the chart's order; values switch some groups on.
fn istiod_rules(ctx: &Ctx) -> Vec<Value> {
    let gwv = &["get", "watch", "list"];
    let analysis = ctx.bool("global.istiod.enableAnalysis");
    let mut rules = webhook_rules().to_vec();
    rules.push(meta::rule(ISTIO_GROUPS, &["*"], gwv));
    if analysis {
        rules.push(meta::rule(
            ISTIO_GROUPS,
            ANALYSIS_STATUS,
            &["update", "patch"],
        ));
    }
    rules.extend(status_and_discovery_rules());
    if ctx.bool("pilot.taint.enabled") {
        rules.push(meta::rule(&[""], &["nodes"], &["patch"]));
    }
    if analysis {
        let groups = &["extensions", "networking.k8s.io"];
        rules.push(meta::rule(groups, &["ingresses"], READ));
        rules.push(meta::rule(groups, &["ingresses/status"], &["*"]));
    }
    rules.extend([
        meta::rule(
            &["networking.k8s.io"],
            &["ingresses", "ingressclasses"],
            READ,
        ),
        meta::rule(&["networking.k8s.io"], &["ingresses/status"], &["*"]),
        meta::rule(
            &[""],
            &["configmaps"],
            &["create", "get", "list", "watch", "update"],
        ),
    ]);
    rules.extend(certificate_rules(ctx));
    rules.extend(auth_and_gateway_rules(&mcs_group(ctx)));
    rules
}

/// The Multi-Cluster Services API group (`pilot.env.MCS_API_GROUP`).
fn mcs_group(ctx: &Ctx) -> String {
    ctx.str_or("pilot.env.MCS_API_GROUP", "multicluster.x-k8s.io")
}

/// The `<kind>/status` resources istiod writes analysis results to.
const ANALYSIS_STATUS: &[&str] = &[
    "authorizationpolicies/status",
    "destinationrules/status",
    "envoyfilters/status",
    "gateways/status",
    "peerauthentications/status",
    "proxyconfigs/status",
    "requestauthentications/status",
    "serviceentries/status",
    "sidecars/status",
    "telemetries/status",
    "virtualservices/status",
    "wasmplugins/status",
    "workloadentries/status",
    "workloadgroups/status",
];

fn status_and_discovery_rules() -> Vec<Value> {
    vec![
        meta::rule(&["networking.istio.io"], &["workloadentries"], MANAGE),
        meta::rule(
            &["networking.istio.io"],
            &["workloadentries/status", "serviceentries/status"],
            MANAGE,
        ),
        meta::rule(
            &["security.istio.io"],
            &["authorizationpolicies/status"],
            MANAGE,
        ),
        meta::rule(&[""], &["services/status"], MANAGE),
        meta::rule(
            &["apiextensions.k8s.io"],
            &["customresourcedefinitions"],
            READ,
        ),
        meta::rule(
            &[""],
            &["pods", "nodes", "services", "namespaces", "endpoints"],
            READ,
        ),
        meta::rule(&["discovery.k8s.io"], &["endpointslices"], READ),
    ]
}

/// CSR signing where istiod does not issue certificates itself (or `EXTERNAL_CA` is set),
/// and ClusterTrustBundle publishing with `ENABLE_CLUSTER_TRUST_BUNDLE_API`.
fn certificate_rules(ctx: &Ctx) -> Vec<Value> {
    let group = &["certificates.k8s.io"];
    let mut rules = Vec::new();
    let provider = ctx.str("global.pilotCertProvider");
    let signs_csrs = !matches!(provider.as_str(), "istiod" | "custom" | "none");
    if super::is_set(ctx.get("pilot.env.EXTERNAL_CA")) || signs_csrs {
        rules.push(meta::rule(
            group,
            &[
                "certificatesigningrequests",
                "certificatesigningrequests/approval",
                "certificatesigningrequests/status",
            ],
            &["update", "create", "get", "delete", "watch"],
        ));
        // No `global.certSigners` renders a null `resourceNames`, which is left out.
        let mut signer_rule = meta::rule(group, &["signers"], &["approve"]);
        if super::is_set(ctx.get("global.certSigners")) {
            signer_rule["resourceNames"] = ctx.get("global.certSigners").clone();
        }
        rules.push(signer_rule);
    }
    if meta::uses_cluster_trust_bundle(ctx.get("pilot.env")) {
        rules.push(meta::rule(
            group,
            &["clustertrustbundles"],
            &["update", "create", "delete", "list", "watch", "get"],
        ));
        let mut attest = meta::rule(group, &["signers"], &["attest"]);
        attest["resourceNames"] = json!(["istio.io/istiod-ca"]);
        rules.push(attest);
    }
    rules
}

fn auth_and_gateway_rules(mcs_group: &str) -> Vec<Value> {
    let gwv = &["get", "watch", "list"];
    vec![
        meta::rule(&["authentication.k8s.io"], &["tokenreviews"], &["create"]),
        meta::rule(
            &["authorization.k8s.io"],
            &["subjectaccessreviews"],
            &["create"],
        ),
        meta::rule(
            &["gateway.networking.k8s.io", "gateway.networking.x-k8s.io"],
            &["*"],
            gwv,
        ),
        meta::rule(
            &["gateway.networking.x-k8s.io"],
            &["xbackendtrafficpolicies/status"],
            &["update", "patch"],
        ),
        meta::rule(
            &["gateway.networking.k8s.io"],
            &[
                "backendtlspolicies/status",
                "gatewayclasses/status",
                "gateways/status",
                "grpcroutes/status",
                "httproutes/status",
                "referencegrants/status",
                "tcproutes/status",
                "tlsroutes/status",
                "udproutes/status",
                "listenersets/status",
            ],
            &["update", "patch"],
        ),
        meta::rule(
            &["gateway.networking.k8s.io"],
            &["gatewayclasses"],
            &["create", "update", "patch", "delete"],
        ),
        meta::rule(&["inference.networking.k8s.io"], &["inferencepools"], gwv),
        meta::rule(
            &["inference.networking.k8s.io"],
            &["inferencepools/status"],
            &["update", "patch"],
        ),
        meta::rule(&[""], &["secrets"], gwv),
        meta::rule(
            &[mcs_group],
            &["serviceexports"],
            &["get", "watch", "list", "create", "delete"],
        ),
        meta::rule(&[mcs_group], &["serviceimports"], gwv),
    ]
}

fn gateway_controller_rules() -> Vec<Value> {
    vec![
        meta::rule(&["apps"], &["deployments"], MANAGE),
        meta::rule(&["autoscaling"], &["horizontalpodautoscalers"], MANAGE),
        meta::rule(&["policy"], &["poddisruptionbudgets"], MANAGE),
        meta::rule(&[""], &["services"], MANAGE),
        meta::rule(&[""], &["serviceaccounts"], MANAGE),
    ]
}

fn cluster_role(name: &str, labels: Map<String, Value>, rules: Vec<Value>) -> Value {
    let mut role = meta::object(
        "rbac.authorization.k8s.io/v1",
        "ClusterRole",
        name,
        None,
        labels,
    );
    role["rules"] = json!(rules);
    role
}

fn binding(
    kind: &str,
    name: &str,
    namespace: Option<&str>,
    labels: Map<String, Value>,
    sa: &str,
    sa_ns: &str,
) -> Value {
    let role_kind = if kind == "RoleBinding" {
        "Role"
    } else {
        "ClusterRole"
    };
    let mut b = meta::object(
        "rbac.authorization.k8s.io/v1",
        kind,
        name,
        namespace,
        labels,
    );
    b["roleRef"] =
        json!({"apiGroup": "rbac.authorization.k8s.io", "kind": role_kind, "name": name});
    b["subjects"] = json!([{"kind": "ServiceAccount", "name": sa, "namespace": sa_ns}]);
    b
}

fn cluster_rbac(n: &Names, control_plane: bool) -> Vec<Value> {
    let ctx = n.ctx;
    let istiod_labels = with_app("istiod", n.chart("istiod"));
    let reader_labels = with_app("istio-reader", n.chart("istio-reader"));
    let mut roles = Vec::new();
    let mut bindings = Vec::new();
    if ctx.get("global.enableReaderRBAC").as_bool() != Some(false) {
        let name = n.cluster_name("istio-reader-clusterrole");
        let sa = ctx.str("global.readerServiceAccount.name");
        let sa = if sa.is_empty() {
            "istio-reader-service-account".to_string()
        } else {
            sa
        };
        let sa_ns = ctx.str_or(
            "global.readerServiceAccount.namespace",
            &ctx.istio_namespace,
        );
        let mut rules = reader_rules(&mcs_group(ctx));
        if ctx.bool("istiodRemote.enabled") {
            rules.push(meta::rule(
                &[""],
                &["configmaps"],
                &["create", "get", "list", "watch", "update"],
            ));
            rules.extend(webhook_rules());
        }
        roles.push(cluster_role(&name, reader_labels.clone(), rules));
        bindings.push(binding(
            "ClusterRoleBinding",
            &name,
            None,
            reader_labels,
            &sa,
            &sa_ns,
        ));
    }
    let mut owned = Vec::new();
    if control_plane {
        owned.push(("istiod-clusterrole", istiod_rules(ctx)));
        let controller = super::scalar_string(
            ctx.get("pilot.env.PILOT_ENABLE_GATEWAY_API_DEPLOYMENT_CONTROLLER"),
        );
        if controller != "false" {
            owned.push(("istiod-gateway-controller", gateway_controller_rules()));
        }
    }
    for (prefix, rules) in owned {
        let name = n.cluster_name(prefix);
        roles.push(cluster_role(&name, istiod_labels.clone(), rules));
        bindings.push(binding(
            "ClusterRoleBinding",
            &name,
            None,
            istiod_labels.clone(),
            &n.istiod,
            &ctx.istio_namespace,
        ));
    }
    roles.extend(bindings);
    roles
}

/// istiod's Role and RoleBinding live with its ServiceAccount, in the Istio namespace.
fn namespace_rbac(n: &Names) -> Vec<Value> {
    let labels = with_app("istiod", n.chart("istiod"));
    let ns = n.ctx.istio_namespace.as_str();
    let mut role = meta::object(
        "rbac.authorization.k8s.io/v1",
        "Role",
        &n.istiod,
        Some(ns),
        labels.clone(),
    );
    role["rules"] = json!([
        meta::rule(&["networking.istio.io"], &["gateways"], &["create"]),
        meta::rule(
            &[""],
            &["secrets"],
            &["create", "get", "watch", "list", "update", "delete"]
        ),
        meta::rule(&[""], &["configmaps"], &["delete"]),
        meta::rule(
            &["coordination.k8s.io"],
            &["leases"],
            &["get", "update", "patch", "create"]
        ),
    ]);
    let rb = binding("RoleBinding", &n.istiod, Some(ns), labels, &n.istiod, ns);
    vec![role, rb]
}

fn validating_webhook(n: &Names) -> Value {
    let labels = meta::labels(&[
        &meta::label("app", "istiod"),
        &n.chart("istiod"),
        &meta::label("istio", "istiod"),
        &meta::label("istio.io/rev", &n.ctx.revision_label()),
    ]);
    let mut vwc = meta::object(
        "admissionregistration.k8s.io/v1",
        "ValidatingWebhookConfiguration",
        &n.cluster_name_in("istio-validator", &n.ctx.istio_namespace),
        None,
        labels,
    );
    let url = n.ctx.str("base.validationURL");
    let client = if url.is_empty() {
        json!({"service": {"name": n.istiod, "namespace": n.ctx.istio_namespace, "path": "/validate"}})
    } else {
        json!({"url": url})
    };
    vwc["webhooks"] = json!([{
        "admissionReviewVersions": ["v1"],
        "clientConfig": client,
        "failurePolicy": "Ignore",
        "name": "rev.validation.istio.io",
        "objectSelector": {"matchExpressions": [
            {"key": "istio.io/rev", "operator": "In", "values": [n.ctx.revision_label()]}
        ]},
        "rules": meta::validation_rules(),
        "sideEffects": "None"
    }]);
    vwc
}

/// The mesh config istiod and the proxies read: the chart's mesh settings from values,
/// then `meshConfig` merged over them.
pub fn mesh_config(ctx: &Ctx, namespace: &str) -> Value {
    let root_namespace = ctx.str_or("meshConfig.rootNamespace", &ctx.istio_namespace);
    let mut mesh = json!({
        "defaultConfig": {"discoveryAddress": discovery_address(ctx, namespace)},
        "rootNamespace": root_namespace,
        "trustDomain": "cluster.local"
    });
    let telemetry = ctx.bool("telemetry.enabled") && ctx.bool("telemetry.v2.enabled");
    let no_user_providers = !super::is_set(ctx.get("meshConfig.defaultProviders"));
    let prometheus = no_user_providers && telemetry && ctx.bool("telemetry.v2.prometheus.enabled");
    let stackdriver =
        no_user_providers && telemetry && ctx.bool("telemetry.v2.stackdriver.enabled");
    if prometheus || stackdriver {
        let mut metrics = Vec::new();
        if prometheus {
            metrics.push(json!("prometheus"));
        }
        if stackdriver {
            metrics.push(json!("stackdriver"));
        }
        mesh["defaultProviders"] = json!({"metrics": metrics});
        if stackdriver {
            mesh["defaultProviders"]["accessLogging"] = json!(["stackdriver"]);
        }
    }
    if !ctx.str("global.meshID").is_empty() {
        mesh["defaultConfig"]["meshId"] = json!(ctx.str("global.meshID"));
    }
    let variant = ctx.str_or("global.proxy.variant", &ctx.str("global.variant"));
    if !variant.is_empty() {
        mesh["defaultConfig"]["image"] = json!({"imageType": variant});
    }
    if let Some(tracing) = proxy_tracing(ctx) {
        mesh["defaultConfig"]["tracing"] = tracing;
    }
    overlay(&mut mesh, ctx.get("meshConfig"));
    mesh
}

/// Where proxies reach istiod: the revision's Service, or with `global.remotePilotAddress`
/// the `istiod` (or, for a local injector istiod, `istiod-remote`) Service.
fn discovery_address(ctx: &Ctx, namespace: &str) -> String {
    if ctx.str("global.remotePilotAddress").is_empty() {
        return format!("istiod{}.{}.svc:15012", ctx.rev_suffix(), namespace);
    }
    let local_injector =
        ctx.bool("istiodRemote.enabled") && ctx.bool("istiodRemote.enabledLocalInjectorIstiod");
    let service = if local_injector {
        "istiod-remote"
    } else {
        "istiod"
    };
    format!("{service}.{namespace}.svc:15012")
}

/// `defaultConfig.tracing` for `global.proxy.tracer` (none for `none`).
fn proxy_tracing(ctx: &Ctx) -> Option<Value> {
    let or = |path: &str, fallback: &str| ctx.str_or(path, fallback);
    match ctx.str("global.proxy.tracer").as_str() {
        "none" | "" => None,
        "lightstep" => Some(json!({"lightstep": {
            "address": ctx.get("global.tracer.lightstep.address"),
            "accessToken": ctx.get("global.tracer.lightstep.accessToken")
        }})),
        "zipkin" => Some(json!({"zipkin": {"address": or(
            "global.tracer.zipkin.address",
            &format!("zipkin.{}:9411", ctx.istio_namespace)
        )}})),
        "datadog" => Some(json!({"datadog": {
            "address": or("global.tracer.datadog.address", "$(HOST_IP):8126")
        }})),
        "stackdriver" => Some(json!({"stackdriver": {
            "debug": or("global.tracer.stackdriver.debug", "false") == "true",
            "maxNumberOfAttributes": as_count(&or("global.tracer.stackdriver.maxNumberOfAttributes", "200")),
            "maxNumberOfAnnotations": as_count(&or("global.tracer.stackdriver.maxNumberOfAnnotations", "200")),
            "maxNumberOfMessageEvents": as_count(&or("global.tracer.stackdriver.maxNumberOfMessageEvents", "200"))
        }})),
        _ => Some(Value::Null),
    }
}

/// A number written into the mesh text (a string the YAML reads back as a number).
fn as_count(text: &str) -> Value {
    text.parse::<i64>()
        .map(Value::from)
        .unwrap_or_else(|_| json!(text))
}

fn mesh_config_map(n: &Names) -> Value {
    let mesh = super::output::sorted(&mesh_config(n.ctx, n.ns));
    // The chart writes `global.meshNetworks` under `networks:` as it is.
    let mesh_networks = n.ctx.get("global.meshNetworks");
    let networks = if super::is_set(mesh_networks) {
        json!({"networks": mesh_networks})
    } else {
        json!({"networks": {}})
    };
    let mut cm = meta::object(
        "v1",
        "ConfigMap",
        &format!("istio{}", n.ctx.rev_suffix()),
        Some(n.ns),
        meta::labels(&[&n.chart("istiod"), &n.op()]),
    );
    cm["data"] = json!({
        "mesh": super::output::go_yaml_text(&mesh),
        "meshNetworks": super::output::go_yaml_text(&networks)
    });
    cm
}

/// The values the sidecar injector reads, as istiod's injector ConfigMap carries them.
/// The injector ConfigMap's `values`: the parts of the istiod chart's values the
/// injection templates read (`global`, `sidecarInjectorWebhook`, `revision`, the chart's
/// `cni` and `env` as `pilot`, the gateways' security settings), absent keys left out.
pub fn injector_values(chart: &Value) -> Value {
    let pick = |from: &Value, keys: &[&str]| -> Value {
        let mut out = serde_json::Map::new();
        for key in keys {
            if let Some(v) = from.get(*key) {
                out.insert(key.to_string(), v.clone());
            }
        }
        Value::Object(out)
    };
    let mut values = pick(chart, &["global", "sidecarInjectorWebhook", "revision"]);
    values["pilot"] = pick(chart, &["cni", "env"]);
    values["gateways"] = pick(&chart["gateways"], &["securityContext", "seccompProfile"]);
    values
}

/// The injector ConfigMap's `config`: the injection policy, the selectors, the annotations
/// to add, the default templates and the templates (skiff's own, a user's of the same name
/// winning). `kube-inject` injects offline with the same config.
pub fn injector_config(ctx: &Ctx) -> Value {
    let hook = ctx.get("sidecarInjectorWebhook");
    let policy =
        if ctx.bool("global.proxy.autoInject") || ctx.str("global.proxy.autoInject") == "enabled" {
            "enabled"
        } else {
            "disabled"
        };
    let mut default_templates = hook["defaultTemplates"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    if default_templates.is_empty() {
        default_templates.push(json!("sidecar"));
    }
    let mut templates: serde_json::Map<String, Value> =
        crate::model::injection_templates::builtin()
            .into_iter()
            .map(|(name, text)| (name.to_string(), Value::String(text)))
            .collect();
    if let Some(user) = hook["templates"].as_object() {
        templates.extend(user.clone());
    }
    // No injected annotations render as an empty (null) key, as the chart's range leaves it.
    let injected_annotations = match &hook["injectedAnnotations"] {
        Value::Object(m) if m.is_empty() => Value::Null,
        other => other.clone(),
    };
    json!({
        "policy": policy,
        "alwaysInjectSelector": hook["alwaysInjectSelector"],
        "neverInjectSelector": hook["neverInjectSelector"],
        "injectedAnnotations": injected_annotations,
        "defaultTemplates": default_templates,
        // A template an istiod older than its injector config cannot run: it fails loudly.
        "template": "{{ Template_Version_And_Istio_Version_Mismatched_Check_Installation }}",
        "templates": templates
    })
}

fn injector_config_map(n: &Names) -> Value {
    let ctx = n.ctx;
    let config = injector_config(ctx);
    let mut cm = meta::object(
        "v1",
        "ConfigMap",
        &format!("istio-sidecar-injector{}", ctx.rev_suffix()),
        Some(n.ns),
        meta::labels(&[&n.chart("istiod"), &n.op()]),
    );
    cm["data"] = json!({
        "config": super::output::yaml_text(&super::output::sorted(&config)),
        "values": super::output::json_text(&injector_values(&n.chart_values))
    });
    cm
}

fn values_config_map(n: &Names) -> Value {
    let mut cm = meta::object(
        "v1",
        "ConfigMap",
        &format!("values{}", n.ctx.rev_suffix()),
        Some(n.ns),
        meta::labels(&[&n.chart("istiod"), &n.op()]),
    );
    cm["metadata"]["annotations"] = json!({
        "kubernetes.io/description": "The values skiff rendered this installation with. For debugging and external tooling; changing them has no effect."
    });
    let passed = &n.ctx.passed_values;
    cm["data"] = json!({
        "original-values": super::output::json_text(passed),
        "merged-values": super::output::json_text(&n.chart_values)
    });
    cm
}

/// One ConfigMap per `gatewayClasses` entry: the defaults istiod's gateway controller
/// applies to the objects it deploys for that class, one YAML text per kind.
fn gateway_class_config_maps(n: &Names) -> Vec<Value> {
    let Some(classes) = n.ctx.get("gatewayClasses").as_object() else {
        return Vec::new();
    };
    let revision = n.ctx.revision_label();
    let mut names: Vec<&String> = classes.keys().collect();
    names.sort();
    names
        .into_iter()
        .map(|class| {
            let labels = meta::labels(&[
                &n.chart("istiod"),
                &n.op(),
                &meta::label("gateway.istio.io/defaults-for-class", class),
            ]);
            let name = format!("istio-{revision}-gatewayclass-{class}");
            let mut cm = meta::object("v1", "ConfigMap", &name, Some(n.ns), labels);
            cm["data"] = overlay_texts(&classes[class]);
            cm
        })
        .collect()
}

/// Each kind's overlay as `toYaml` text; every text but the last (in key order) ends with
/// a newline, as the chart's block scalars leave them.
fn overlay_texts(overlays: &Value) -> Value {
    let Some(kinds) = overlays.as_object() else {
        return json!({});
    };
    let mut keys: Vec<&String> = kinds.keys().collect();
    keys.sort();
    let last = keys.len().saturating_sub(1);
    let data = keys.iter().enumerate().map(|(i, kind)| {
        let mut text = super::output::go_yaml_text(&kinds[kind.as_str()]);
        if i < last {
            text.push('\n');
        }
        (kind.to_string(), Value::String(text))
    });
    Value::Object(data.collect())
}

/// `pilot.jwksResolverExtraRootCA`: extra roots istiod trusts when it fetches JWKS.
fn jwks_config_map(n: &Names) -> Value {
    let name = format!("pilot-jwks-extra-cacerts{}", n.ctx.rev_suffix());
    let labels = meta::labels(&[&n.chart("istiod"), &n.op()]);
    let mut cm = meta::object("v1", "ConfigMap", &name, Some(n.ns), labels);
    let ca = n.ctx.str("pilot.jwksResolverExtraRootCA");
    cm["data"] = json!({ "extra.pem": ca });
    cm
}

fn inject_webhook(
    n: &Names,
    name: &str,
    namespace_selector: Value,
    object_selector: Value,
) -> Value {
    let ctx = n.ctx;
    let url = ctx.str("istiodRemote.injectionURL");
    let mut client = if url.is_empty() {
        json!({"service": {"name": n.istiod, "namespace": n.ns, "path": ctx.str("istiodRemote.injectionPath"), "port": 443}})
    } else {
        json!({"url": url})
    };
    let ca = ctx.str("istiodRemote.injectionCABundle");
    if !ca.is_empty() {
        client["caBundle"] = json!(ca);
    }
    json!({
        "admissionReviewVersions": ["v1"],
        "clientConfig": client,
        "failurePolicy": "Fail",
        "name": name,
        "namespaceSelector": namespace_selector,
        "objectSelector": object_selector,
        "reinvocationPolicy": ctx.str("sidecarInjectorWebhook.reinvocationPolicy"),
        "rules": [{"apiGroups": [""], "apiVersions": ["v1"], "operations": ["CREATE"], "resources": ["pods"]}],
        "sideEffects": "None"
    })
}

fn expr(key: &str, operator: &str, values: &[&str]) -> Value {
    if values.is_empty() {
        json!({"key": key, "operator": operator})
    } else {
        json!({"key": key, "operator": operator, "values": values})
    }
}

/// The injection webhooks selecting pods by `selector_rev` (a revision or a revision tag);
/// the `istio-injection` and `sidecar.istio.io/inject` ones only for the default revision
/// or the `default` tag.
fn injection_hooks(n: &Names, selector_rev: &str, serves_default: bool) -> Vec<Value> {
    let not_disabled = expr("sidecar.istio.io/inject", "NotIn", &["false"]);
    let mut hooks = vec![
        inject_webhook(
            n,
            "rev.namespace.sidecar-injector.istio.io",
            json!({"matchExpressions": [expr("istio.io/rev", "In", &[selector_rev]), expr("istio-injection", "DoesNotExist", &[])]}),
            json!({"matchExpressions": [not_disabled]}),
        ),
        inject_webhook(
            n,
            "rev.object.sidecar-injector.istio.io",
            json!({"matchExpressions": [expr("istio.io/rev", "DoesNotExist", &[]), expr("istio-injection", "DoesNotExist", &[])]}),
            json!({"matchExpressions": [not_disabled, expr("istio.io/rev", "In", &[selector_rev])]}),
        ),
    ];
    if serves_default {
        hooks.push(inject_webhook(
            n,
            "namespace.sidecar-injector.istio.io",
            json!({"matchExpressions": [expr("istio-injection", "In", &["enabled"])]}),
            json!({"matchExpressions": [not_disabled]}),
        ));
        hooks.push(inject_webhook(
            n,
            "object.sidecar-injector.istio.io",
            json!({"matchExpressions": [expr("istio-injection", "DoesNotExist", &[]), expr("istio.io/rev", "DoesNotExist", &[])]}),
            json!({"matchExpressions": [expr("sidecar.istio.io/inject", "In", &["true"]), expr("istio.io/rev", "DoesNotExist", &[])]}),
        ));
        // Namespaces without any injection label are injected too.
        if n.ctx
            .bool("sidecarInjectorWebhook.enableNamespacesByDefault")
        {
            let system = [
                "kube-system",
                "kube-public",
                "kube-node-lease",
                "local-path-storage",
            ];
            hooks.push(inject_webhook(
                n,
                "auto.sidecar-injector.istio.io",
                json!({"matchExpressions": [
                    expr("istio-injection", "DoesNotExist", &[]),
                    expr("istio.io/rev", "DoesNotExist", &[]),
                    expr("kubernetes.io/metadata.name", "NotIn", &system)
                ]}),
                json!({"matchExpressions": [expr("sidecar.istio.io/inject", "DoesNotExist", &[]), expr("istio.io/rev", "DoesNotExist", &[])]}),
            ));
        }
    }
    hooks
}

/// A MutatingWebhookConfiguration of istiod's injection webhooks; names of
/// cluster-scoped webhook objects carry the namespace unless it is `istio-system`.
fn injection_webhook_config(
    n: &Names,
    name: &str,
    extra_labels: &Map<String, Value>,
    hooks: Vec<Value>,
) -> Value {
    let mut name = name.to_string();
    if n.ns != "istio-system" {
        name = format!("{name}-{}", n.ns);
    }
    let labels = meta::labels(&[
        &meta::label("app", "sidecar-injector"),
        &n.chart("istiod"),
        &n.op(),
        extra_labels,
    ]);
    let mut mwc = meta::object(
        "admissionregistration.k8s.io/v1",
        "MutatingWebhookConfiguration",
        &name,
        None,
        labels,
    );
    mwc["webhooks"] = json!(hooks);
    mwc
}

fn mutating_webhook(n: &Names) -> Value {
    let hooks = injection_hooks(n, &n.ctx.revision_label(), n.ctx.revision.is_empty());
    let name = format!("istio-sidecar-injector{}", n.ctx.rev_suffix());
    injection_webhook_config(n, &name, &Map::new(), hooks)
}

/// `values.revisionTags`: each tag is a second name for this revision, with its own
/// injection webhooks (`istio-revision-tag-<tag>`) and istiod Service
/// (`istiod-revision-tag-<tag>`); the `default` tag also serves `istio-injection`.
fn revision_tags(n: &Names) -> Vec<String> {
    n.ctx
        .get("revisionTags")
        .as_array()
        .map(|tags| {
            tags.iter()
                .filter_map(|t| t.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn tag_webhook(n: &Names, tag: &str) -> Value {
    let hooks = injection_hooks(n, tag, tag == "default");
    let labels = meta::label("istio.io/tag", tag);
    injection_webhook_config(n, &format!("istio-revision-tag-{tag}"), &labels, hooks)
}

fn tag_service(n: &Names, tag: &str) -> Value {
    let mut svc = service(n);
    svc["metadata"]["name"] = json!(format!("istiod-revision-tag-{tag}"));
    svc["metadata"]["labels"]["istio.io/tag"] = json!(tag);
    svc
}

/// A number as Helm prints it: `1.0` -> `1`, `0.5` -> `0.5`.
fn number_text(v: &Value) -> String {
    match v.as_f64() {
        Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
        Some(f) => format!("{f}"),
        None => super::scalar_string(v),
    }
}

fn pod_labels(n: &Names) -> Map<String, Value> {
    let mut chart = n.chart("istiod");
    chart.remove("release");
    let istio = if n.ctx.revision.is_empty() {
        "pilot"
    } else {
        "istiod"
    };
    meta::labels(&[
        &meta::label("app", "istiod"),
        &chart,
        &n.op(),
        &meta::label("istio", istio),
        &meta::label("istio.io/dataplane-mode", "none"),
        &meta::label("sidecar.istio.io/inject", "false"),
        n.ctx
            .get("pilot.podLabels")
            .as_object()
            .unwrap_or(&Map::new()),
    ])
}

fn selector(n: &Names) -> Value {
    if n.ctx.revision.is_empty() {
        json!({"istio": "pilot"})
    } else {
        json!({"app": "istiod", "istio.io/rev": n.ctx.revision})
    }
}

fn deployment(n: &Names) -> Value {
    let ctx = n.ctx;
    let labels = meta::labels(&[
        &meta::label("app", "istiod"),
        &n.chart("istiod"),
        &n.op(),
        &meta::label("istio", "pilot"),
        ctx.get("pilot.deploymentLabels")
            .as_object()
            .unwrap_or(&Map::new()),
    ]);
    let mut d = meta::object("apps/v1", "Deployment", &n.istiod, Some(n.ns), labels);
    let mut args = vec![
        json!("discovery"),
        json!("--monitoringAddr=:15014"),
        json!(format!(
            "--log_output_level={}",
            ctx.str("global.logging.level")
        )),
    ];
    if ctx.bool("global.logAsJson") {
        args.push(json!("--log_as_json"));
    }
    args.extend([
        json!("--domain"),
        json!(ctx.str("global.proxy.clusterDomain")),
    ]);
    if super::is_set(ctx.get("pilot.taint.namespace")) {
        let namespace = ctx.str("pilot.taint.namespace");
        args.push(json!(format!("--cniNamespace={namespace}")));
    }
    args.extend([
        json!("--keepaliveMaxServerConnectionAge"),
        json!(ctx.str("pilot.keepaliveMaxServerConnectionAge")),
    ]);
    if let Some(extra) = ctx.get("pilot.extraContainerArgs").as_array() {
        args.extend(extra.iter().cloned());
    }
    let env = istiod_env(n);
    let mut container = json!({
        "args": args,
        "env": env,
        "image": ctx.image("pilot", &ctx.str("pilot.image")),
        "name": "discovery",
        "ports": [
            {"containerPort": 8080, "name": "http-debug", "protocol": "TCP"},
            {"containerPort": 15010, "name": "grpc-xds", "protocol": "TCP"},
            {"containerPort": 15012, "name": "tls-xds", "protocol": "TCP"},
            {"containerPort": 15017, "name": "https-webhooks", "protocol": "TCP"},
            {"containerPort": 15014, "name": "http-monitoring", "protocol": "TCP"}
        ],
        "readinessProbe": {"httpGet": {"path": "/ready", "port": 8080}, "initialDelaySeconds": 1, "periodSeconds": 3, "timeoutSeconds": 5},
        "resources": meta::chart_resources(ctx.get("pilot.resources"), ctx.get("global.defaultResources")),
        "securityContext": {
            "allowPrivilegeEscalation": false,
            "capabilities": {"drop": ["ALL"]},
            "readOnlyRootFilesystem": true,
            "runAsNonRoot": true
        },
        "volumeMounts": [
            {"mountPath": "/var/run/secrets/tokens", "name": "istio-token", "readOnly": true},
            {"mountPath": "/var/run/secrets/istio-dns", "name": "local-certs"},
            {"mountPath": "/etc/cacerts", "name": "cacerts", "readOnly": true},
            {"mountPath": "/var/run/secrets/remote", "name": "istio-kubeconfig", "readOnly": true},
            {"mountPath": "/var/run/secrets/istiod/tls", "name": "istio-csr-dns-cert", "readOnly": true},
            {"mountPath": "/var/run/secrets/istiod/ca", "name": "istio-csr-ca-configmap", "readOnly": true}
        ]
    });
    let extra_roots = super::is_set(ctx.get("pilot.jwksResolverExtraRootCA"));
    if extra_roots {
        let mount = json!({"mountPath": "/cacerts", "name": "extracacerts"});
        insert_at(&mut container["volumeMounts"], 4, mount);
    }
    let policy = ctx.str("global.imagePullPolicy");
    if !policy.is_empty() {
        container["imagePullPolicy"] = json!(policy);
    }
    let termination = ctx.str("pilot.terminationMessagePolicy");
    if !termination.is_empty() {
        container["terminationMessagePolicy"] = json!(termination);
    }
    let mut annotations = json!({
        "prometheus.io/port": "15014",
        "prometheus.io/scrape": "true",
        "sidecar.istio.io/inject": "false"
    });
    overlay(&mut annotations, ctx.get("pilot.podAnnotations"));
    let mut tolerations = vec![json!({"key": "cni.istio.io/not-ready", "operator": "Exists"})];
    if let Some(extra) = ctx.get("pilot.tolerations").as_array() {
        tolerations.extend(extra.iter().cloned());
    }
    let mut pod_spec = json!({
        "containers": [container],
        "serviceAccountName": n.istiod,
        "tolerations": tolerations,
        "volumes": [
            {"emptyDir": {"medium": "Memory"}, "name": "local-certs"},
            meta::istio_token_volume(&ctx.str("global.sds.token.aud")),
            {"name": "cacerts", "secret": {"optional": true, "secretName": "cacerts"}},
            {"name": "istio-kubeconfig", "secret": {"optional": true, "secretName": "istio-kubeconfig"}},
            {"name": "istio-csr-dns-cert", "secret": {"optional": true, "secretName": "istiod-tls"}},
            ca_bundle_volume(ctx)
        ]
    });
    if extra_roots {
        let name = format!("pilot-jwks-extra-cacerts{}", ctx.rev_suffix());
        let volume = json!({"configMap": {"name": name}, "name": "extracacerts"});
        insert_at(&mut pod_spec["volumes"], 6, volume);
    }
    append_list(
        &mut pod_spec["containers"][0]["volumeMounts"],
        ctx.get("pilot.volumeMounts"),
    );
    append_list(&mut pod_spec["volumes"], ctx.get("pilot.volumes"));
    for (key, path) in [
        ("nodeSelector", "pilot.nodeSelector"),
        ("affinity", "pilot.affinity"),
        (
            "topologySpreadConstraints",
            "pilot.topologySpreadConstraints",
        ),
    ] {
        if super::is_set(ctx.get(path)) {
            pod_spec[key] = ctx.get(path).clone();
        }
    }
    let priority = ctx.str("global.priorityClassName");
    if !priority.is_empty() {
        pod_spec["priorityClassName"] = json!(priority);
    }
    d["spec"] = json!({
        "selector": {"matchLabels": selector(n)},
        "strategy": {"rollingUpdate": {
            "maxSurge": ctx.get("pilot.rollingMaxSurge"),
            "maxUnavailable": ctx.get("pilot.rollingMaxUnavailable")
        }},
        "template": {
            "metadata": {"annotations": annotations, "labels": pod_labels(n)},
            "spec": pod_spec
        }
    });
    if !ctx.bool("pilot.autoscaleEnabled") {
        d["spec"]["replicas"] = json!(ctx.int("pilot.replicaCount", 1));
    }
    d
}

/// The discovery container's environment, in the chart's order: fixed entries,
/// `pilot.env` (sorted by name), `pilot.envVarFrom`, then the ones values switch on.
fn istiod_env(n: &Names) -> Vec<Value> {
    let ctx = n.ctx;
    let user_env = ctx.get("pilot.env");
    let user_sets = |name: &str| super::is_set(&user_env[name]);
    let mut env = vec![
        meta::env("REVISION", ctx.revision_label()),
        meta::env("PILOT_CERT_PROVIDER", ctx.str("global.pilotCertProvider")),
        meta::env_field("POD_NAME", "metadata.name"),
        meta::env_field("POD_NAMESPACE", "metadata.namespace"),
        meta::env_field("SERVICE_ACCOUNT", "spec.serviceAccountName"),
        meta::env("KUBECONFIG", "/var/run/secrets/remote/config"),
    ];
    if !user_sets("CA_TRUSTED_NODE_ACCOUNTS") {
        env.push(meta::env(
            "CA_TRUSTED_NODE_ACCOUNTS",
            trusted_node_accounts(n),
        ));
    }
    if let Some(user_env) = user_env.as_object() {
        let mut names: Vec<&String> = user_env.keys().collect();
        names.sort();
        for (k, v) in names.into_iter().map(|k| (k, &user_env[k])) {
            if v.is_object() {
                env.push(json!({"name": k, "valueFrom": v}));
            } else {
                env.push(meta::env(k, super::scalar_string(v)));
            }
        }
    }
    if let Some(from) = ctx.get("pilot.envVarFrom").as_array() {
        env.extend(from.iter().cloned());
    }
    if super::is_set(ctx.get("pilot.traceSampling")) {
        let sampling = number_text(ctx.get("pilot.traceSampling"));
        env.push(meta::env("PILOT_TRACE_SAMPLING", sampling));
    }
    if ctx.bool("pilot.taint.enabled") {
        env.push(meta::env("PILOT_ENABLE_NODE_UNTAINT_CONTROLLERS", "true"));
        let taint = ctx.str("pilot.taint.name");
        env.push(meta::env(
            "PILOT_NODE_UNTAINT_CONTROLLERS_TAINT_NAME",
            taint,
        ));
    }
    if super::is_set(ctx.get("global.externalIstiod")) && !user_sets("EXTERNAL_ISTIOD") {
        env.push(meta::env(
            "EXTERNAL_ISTIOD",
            ctx.str("global.externalIstiod"),
        ));
    }
    for (name, path) in [
        ("PILOT_CA_CERT_CONFIGMAP", "global.trustBundleName"),
        ("PILOT_CRL_CONFIGMAP", "pilot.crlConfigMapName"),
    ] {
        if super::is_set(ctx.get(path)) {
            env.push(meta::env(name, ctx.str(path)));
        }
    }
    let platform = ctx.str_or("global.platform", &ctx.str("pilot.platform"));
    env.extend([
        meta::env(
            "PILOT_ENABLE_ANALYSIS",
            ctx.bool("global.istiod.enableAnalysis").to_string(),
        ),
        meta::env("CLUSTER_ID", ctx.cluster_id()),
        meta::env_resource("GOMAXPROCS", "limits.cpu"),
        meta::env("PLATFORM", platform),
    ]);
    env
}

/// `<namespace>/<name>` of the ztunnel service account istiod trusts to ask for node certs.
fn trusted_node_accounts(n: &Names) -> String {
    let ctx = n.ctx;
    let trusted_ns = ctx.str_or("pilot.trustedZtunnelNamespace", n.ns);
    // The istiod chart does not see `ztunnel.resourceName`: the name defaults to `ztunnel`.
    let trusted_name = ctx.str_or("pilot.trustedZtunnelName", "ztunnel");
    format!("{trusted_ns}/{trusted_name}")
}

fn disruption_budget(n: &Names) -> Value {
    let labels = n.pilot_labels();
    let mut pdb = meta::object(
        "policy/v1",
        "PodDisruptionBudget",
        &n.istiod,
        Some(n.ns),
        labels,
    );
    let mut match_labels = json!({"app": "istiod"});
    overlay(&mut match_labels, &selector(n));
    pdb["spec"] = json!({"minAvailable": 1, "selector": {"matchLabels": match_labels}});
    pdb
}

/// istiod's NetworkPolicy: the webhook port, then the xDS, CA and monitoring ports.
fn network_policy(n: &Names) -> Value {
    let labels = n.pilot_labels();
    let selector = json!({"app": "istiod", "istio.io/rev": n.ctx.revision_label()});
    meta::network_policy(
        &n.istiod,
        n.ns,
        labels,
        selector,
        &[
            meta::tcp_ports(&[15017]),
            meta::tcp_ports(&[15010, 15011, 15012, 8080, 15014]),
        ],
    )
}

fn service(n: &Names) -> Value {
    let labels = n.pilot_labels();
    let mut svc = meta::object("v1", "Service", &n.istiod, Some(n.ns), labels);
    let annotations = n.ctx.get("pilot.serviceAnnotations");
    if annotations.as_object().is_some_and(|a| !a.is_empty()) {
        svc["metadata"]["annotations"] = annotations.clone();
    }
    let mut selector = json!({"app": "istiod"});
    overlay(&mut selector, &self::selector(n));
    svc["spec"] = json!({
        "ports": [
            {"name": "grpc-xds", "port": 15010, "protocol": "TCP"},
            {"name": "https-dns", "port": 15012, "protocol": "TCP"},
            {"name": "https-webhook", "port": 443, "protocol": "TCP", "targetPort": 15017},
            {"name": "http-monitoring", "port": 15014, "protocol": "TCP"}
        ],
        "selector": selector
    });
    for key in ["ipFamilyPolicy", "ipFamilies"] {
        let value = n.ctx.get(&format!("pilot.{key}"));
        if super::is_set(value) {
            svc["spec"][key] = value.clone();
        }
    }
    svc
}

/// A remote cluster's `istiod` Service and EndpointSlice pointing at the external istiod.
/// Whether a `remotePilotAddress` reads as an IP address (the chart's loose patterns:
/// dotted quads of digits, or colon-separated hex groups).
fn looks_like_ip(address: &str) -> (bool, bool) {
    let v4 = address.split('.').count() == 4
        && address
            .split('.')
            .all(|p| p.chars().all(|c| c.is_ascii_digit()));
    let v6 = address.contains(':')
        && address
            .split(':')
            .all(|p| p.chars().all(|c| c.is_ascii_hexdigit()));
    (v4, v6)
}

/// A remote cluster's Service (and, for an IP address, EndpointSlice) pointing at the
/// external istiod of `global.remotePilotAddress`; named `istiod[-rev]-remote` when a
/// local injector istiod takes the `istiod` name.
fn remote_endpoint(n: &Names) -> Vec<Value> {
    let ctx = n.ctx;
    let address = ctx.str("global.remotePilotAddress");
    if address.is_empty() {
        return Vec::new();
    }
    let name = if ctx.bool("istiodRemote.enabledLocalInjectorIstiod") {
        format!("{}-remote", n.istiod)
    } else {
        n.istiod.clone()
    };
    let chart = meta::istio_labels("istiod");
    let istiod_name = meta::label("app.kubernetes.io/name", "istiod");
    let labels = meta::labels(&[
        &meta::label("istio.io/rev", &ctx.revision_label()),
        &istiod_name,
        &chart,
    ]);
    let (v4, v6) = looks_like_ip(&address);
    let mut svc = meta::object("v1", "Service", &name, Some(n.ns), labels);
    svc["spec"] = json!({"ports": [
        {"port": 15012, "name": "tcp-istiod", "protocol": "TCP"},
        {"port": 443, "targetPort": 15017, "name": "tcp-webhook", "protocol": "TCP"}
    ]});
    if !(v4 || v6) {
        svc["spec"]["type"] = json!("ExternalName");
        svc["spec"]["externalName"] = json!(address);
    }
    if super::is_set(ctx.get("global.ipFamilyPolicy")) {
        svc["spec"]["ipFamilyPolicy"] = ctx.get("global.ipFamilyPolicy").clone();
    }
    if super::is_set(ctx.get("global.ipFamilies")) {
        svc["spec"]["ipFamilies"] = ctx.get("global.ipFamilies").clone();
    }
    if !(v4 || v6) {
        return vec![svc];
    }
    let slice_labels = meta::labels(&[
        &meta::label("kubernetes.io/service-name", &name),
        &meta::label("endpointslice.kubernetes.io/managed-by", "Helm"),
        &istiod_name,
        &chart,
    ]);
    let mut slice = meta::object(
        "discovery.k8s.io/v1",
        "EndpointSlice",
        &name,
        Some(n.ns),
        slice_labels,
    );
    slice["addressType"] = json!(if v4 { "IPv4" } else { "IPv6" });
    slice["endpoints"] = json!([{"addresses": [address]}]);
    slice["ports"] = json!([
        {"port": 15012, "name": "tcp-istiod", "protocol": "TCP"},
        {"port": 15017, "name": "tcp-webhook", "protocol": "TCP"}
    ]);
    vec![svc, slice]
}

/// Inserts into a JSON list (`index` clamped to its length).
fn insert_at(list: &mut Value, index: usize, item: Value) {
    if let Some(items) = list.as_array_mut() {
        items.insert(index.min(items.len()), item);
    }
}

/// Appends a values list (`pilot.volumes`, ...) to a JSON list.
fn append_list(list: &mut Value, extra: &Value) {
    if let (Some(items), Some(extra)) = (list.as_array_mut(), extra.as_array()) {
        items.extend(extra.iter().cloned());
    }
}

/// The CA bundle istiod reads for istio-csr.
fn ca_bundle_volume(ctx: &Ctx) -> Value {
    let bundle = ctx.str("global.trustBundleName");
    let ctb = meta::uses_cluster_trust_bundle(ctx.get("pilot.env"));
    meta::ca_bundle_volume("istio-csr-ca-configmap", &bundle, ctb, true)
}
