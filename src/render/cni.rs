//! The Cni component (`istio-cni` chart): the `istio-cni-node` DaemonSet, its ConfigMap,
//! ServiceAccount and cluster RBAC (the node agent's role, the pod-repair role, and with
//! ambient the role that labels pods and reads the DaemonSet).

use serde_json::{json, Value};

use super::meta::{self, READ};
use super::{Component, Ctx};

fn cni_str(ctx: &Ctx, key: &str) -> String {
    ctx.str(&format!("cni.{key}"))
}

pub fn render(ctx: &Ctx, component: &Component) -> Vec<Value> {
    let ns = component.namespace.as_str();
    let chart = meta::chart_labels("istio-cni", "cni");
    let op = meta::operator_labels(ctx, component);
    let labels = meta::labels(&[&chart, &op]);
    let app_labels = meta::labels(&[&meta::label("app", "istio-cni"), &labels]);
    let mut out = Vec::new();

    out.push(meta::service_account(
        ctx,
        "istio-cni",
        ns,
        app_labels.clone(),
    ));

    out.extend(cluster_rbac(ctx, &app_labels, ns));

    let mut cm = meta::object(
        "v1",
        "ConfigMap",
        "istio-cni-config",
        Some(ns),
        app_labels.clone(),
    );
    let tag = {
        let t = cni_str(ctx, "tag");
        if t.is_empty() {
            ctx.str("global.tag")
        } else {
            t
        }
    };
    let excluded: Vec<String> = ctx
        .get("cni.excludeNamespaces")
        .as_array()
        .map(|l| l.iter().map(super::scalar_string).collect())
        .unwrap_or_default();
    let log_level = {
        let l = ctx.str("cni.logging.level");
        if l.is_empty() {
            "info".to_string()
        } else {
            l
        }
    };
    cm["data"] = json!({
        "CURRENT_AGENT_VERSION": tag,
        "AMBIENT_ENABLED": ctx.bool("cni.ambient.enabled").to_string(),
        "AMBIENT_DNS_CAPTURE": ctx.bool("cni.ambient.dnsCapture").to_string(),
        "AMBIENT_IPV6": ctx.bool("cni.ambient.ipv6").to_string(),
        "AMBIENT_RECONCILE_POD_RULES_ON_STARTUP": ctx.bool("cni.ambient.reconcileIptablesOnStartup").to_string(),
        "CHAINED_CNI_PLUGIN": ctx.bool("cni.chained").to_string(),
        "EXCLUDED_NAMESPACES": excluded.join(","),
        "REPAIR_ENABLED": ctx.bool("cni.repair.enabled").to_string(),
        "REPAIR_LABEL_PODS": ctx.bool("cni.repair.labelPods").to_string(),
        "REPAIR_DELETE_PODS": ctx.bool("cni.repair.deletePods").to_string(),
        "REPAIR_REPAIR_PODS": ctx.bool("cni.repair.repairPods").to_string(),
        "REPAIR_INIT_CONTAINER_NAME": cni_str(ctx, "repair.initContainerName"),
        "REPAIR_BROKEN_POD_LABEL_KEY": cni_str(ctx, "repair.brokenPodLabelKey"),
        "REPAIR_BROKEN_POD_LABEL_VALUE": cni_str(ctx, "repair.brokenPodLabelValue"),
        "NATIVE_NFTABLES": ctx.bool("global.nativeNftables").to_string(),
        "LOG_LEVEL": log_level.clone(),
        "LOG_JSON": ctx.bool("global.logAsJson").to_string()
    });
    out.push(cm);
    out.push(daemon_set(ctx, ns, &labels, &chart, &log_level));
    out
}

/// The node agent's ClusterRoles, each bound to the istio-cni ServiceAccount: its own
/// (read pods, nodes, namespaces; OpenShift's SCC), the pod-repair role (one repair mode:
/// repairing in place needs nothing more, deleting pods needs delete, labelling them
/// pods/status) and with ambient the role that labels pods and reads the DaemonSet
/// (pods/status is enough to label a pod, and less than the whole pod).
fn cluster_rbac(ctx: &Ctx, labels: &serde_json::Map<String, Value>, ns: &str) -> Vec<Value> {
    let mut own = vec![meta::rule(&[""], &["pods", "nodes", "namespaces"], READ)];
    if ctx.str("global.platform") == "openshift" {
        own.push(meta::privileged_scc_rule());
    }
    // (role, binding, rules)
    let mut roles = vec![("istio-cni", "istio-cni", own)];
    if ctx.bool("cni.repair.enabled") {
        let mut rules = vec![
            meta::rule(&[""], &["events"], &["create", "patch"]),
            meta::rule(&[""], &["pods"], &["watch", "get", "list"]),
        ];
        let repair_in_place = ctx.bool("cni.repair.repairPods");
        if !repair_in_place && ctx.bool("cni.repair.deletePods") {
            rules.push(meta::rule(&[""], &["pods"], &["delete"]));
        } else if !repair_in_place && ctx.bool("cni.repair.labelPods") {
            rules.push(meta::rule(&[""], &["pods/status"], &["patch", "update"]));
        }
        roles.push((
            "istio-cni-repair-role",
            "istio-cni-repair-rolebinding",
            rules,
        ));
    }
    if ctx.bool("cni.ambient.enabled") {
        let rules = vec![
            meta::rule(&[""], &["pods/status"], &["patch", "update"]),
            json!({"apiGroups": ["apps"], "resources": ["daemonsets"],
                   "resourceNames": ["istio-cni-node"], "verbs": ["get"]}),
        ];
        roles.push(("istio-cni-ambient", "istio-cni-ambient", rules));
    }
    roles
        .into_iter()
        .flat_map(|(role, binding, rules)| {
            [
                meta::cluster_role(role, labels.clone(), rules),
                meta::cluster_role_binding(binding, role, labels.clone(), "istio-cni", ns),
            ]
        })
        .collect()
}

fn daemon_set(
    ctx: &Ctx,
    ns: &str,
    labels: &serde_json::Map<String, Value>,
    chart: &serde_json::Map<String, Value>,
    log_level: &str,
) -> Value {
    let k8s_app = meta::label("k8s-app", "istio-cni-node");
    let mut ds = meta::object(
        "apps/v1",
        "DaemonSet",
        "istio-cni-node",
        Some(ns),
        meta::labels(&[labels, &k8s_app]),
    );
    let mut template_chart = chart.clone();
    template_chart.remove("release");
    let template_labels = meta::labels(&[
        &template_chart,
        &meta::label("istio.io/dataplane-mode", "none"),
        &k8s_app,
        &meta::label("sidecar.istio.io/inject", "false"),
        ctx.get("cni.podLabels")
            .as_object()
            .unwrap_or(&serde_json::Map::new()),
    ]);
    let mut annotations = json!({
        "prometheus.io/path": "/metrics",
        "prometheus.io/port": "15014",
        "prometheus.io/scrape": "true",
        "sidecar.istio.io/inject": "false"
    });
    if ctx.bool("cni.useAppArmorAnnotation") {
        annotations["container.apparmor.security.beta.kubernetes.io/install-cni"] =
            json!("unconfined");
    }
    super::inputs::overlay(&mut annotations, ctx.get("cni.podAnnotations"));

    let mut env = vec![];
    if ctx.bool("cni.repair.enabled") {
        env.extend([
            meta::env_ref("REPAIR_NODE_NAME", "spec.nodeName"),
            meta::env("REPAIR_RUN_AS_DAEMON", "true"),
            meta::env("REPAIR_SIDECAR_ANNOTATION", "sidecar.istio.io/status"),
        ]);
    }
    if !ctx.bool("cni.ambient.shareHostNetworkNamespace") {
        env.push(meta::env("ALLOW_SWITCH_TO_HOST_NS", "true"));
    }
    env.extend([
        meta::env_field("NODE_NAME", "spec.nodeName"),
        meta::env_resource("GOMEMLIMIT", "limits.memory"),
        meta::env_resource("GOMAXPROCS", "limits.cpu"),
        meta::env_ref("POD_NAME", "metadata.name"),
        meta::env_ref("POD_NAMESPACE", "metadata.namespace"),
    ]);
    env.extend(meta::env_from_map(ctx.get("cni.env")));
    let bin_dir = {
        let d = cni_str(ctx, "cniBinDir");
        if d.is_empty() {
            "/opt/cni/bin".to_string()
        } else {
            d
        }
    };
    let mut container = json!({
        "args": [format!("--log_output_level={log_level}")],
        "command": ["install-cni"],
        "env": env,
        "envFrom": [{"configMapRef": {"name": "istio-cni-config"}}],
        "image": ctx.image("cni", &cni_str(ctx, "image")),
        "name": "install-cni",
        "ports": [{"containerPort": 15014, "name": "metrics", "protocol": "TCP"}],
        "readinessProbe": {"httpGet": {"path": "/readyz", "port": 8000}},
        "resources": ctx.get("cni.resources"),
        "securityContext": {
            "capabilities": {
                "add": ["NET_ADMIN", "NET_RAW", "SYS_PTRACE", "SYS_ADMIN", "DAC_OVERRIDE"],
                "drop": ["ALL"]
            },
            "privileged": false,
            "runAsGroup": 0,
            "runAsNonRoot": false,
            "runAsUser": 0
        },
        "volumeMounts": [
            {"mountPath": "/host/opt/cni/bin", "name": "cni-bin-dir"},
            {"mountPath": "/host/proc", "name": "cni-host-procfs", "readOnly": true},
            {"mountPath": "/host/etc/cni/net.d", "name": "cni-net-dir"},
            {"mountPath": "/var/run/istio-cni", "name": "cni-socket-dir"}
        ]
    });
    if let Some(options) = ctx.non_empty_map("cni.seLinuxOptions") {
        container["securityContext"]["seLinuxOptions"] = options.clone();
    }
    let policy = ctx.str_or("cni.pullPolicy", &ctx.str("global.imagePullPolicy"));
    if !policy.is_empty() {
        container["imagePullPolicy"] = json!(policy);
    }
    let mut pod_spec = json!({
        "containers": [container],
        "nodeSelector": {"kubernetes.io/os": "linux"},
        "priorityClassName": "system-node-critical",
        "serviceAccountName": "istio-cni",
        "terminationGracePeriodSeconds": ctx.int("cni.terminationGracePeriodSeconds", 30),
        "tolerations": ctx.get("cni.tolerations"),
        "volumes": [
            {"hostPath": {"path": bin_dir}, "name": "cni-bin-dir"},
            {"hostPath": {"path": "/proc", "type": "Directory"}, "name": "cni-host-procfs"},
            {"hostPath": {"path": cni_str(ctx, "cniConfDir")}, "name": "cni-net-dir"},
            {"hostPath": {"path": "/var/run/istio-cni"}, "name": "cni-socket-dir"},
            {"hostPath": {"path": cni_str(ctx, "cniNetnsDir"), "type": "DirectoryOrCreate"}, "name": "cni-netns-dir"}
        ]
    });
    if ctx
        .get("cni.affinity")
        .as_object()
        .is_some_and(|m| !m.is_empty())
    {
        pod_spec["affinity"] = ctx.get("cni.affinity").clone();
    }
    ds["spec"] = json!({
        "selector": {"matchLabels": k8s_app},
        "template": {"metadata": {"annotations": annotations, "labels": template_labels}, "spec": pod_spec},
        "updateStrategy": ctx.get("cni.updateStrategy")
    });
    ds
}
