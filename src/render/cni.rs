//! The Cni component (`istio-cni` chart): the `istio-cni-node` DaemonSet, its ConfigMap,
//! ServiceAccount and cluster RBAC (the node agent's role, the pod-repair role, and with
//! ambient the role that labels pods and reads the DaemonSet).

use crate::model::effective::overlay;
use serde_json::{json, Value};

use super::meta::{self, READ};
use super::{Component, Ctx};

fn cni_str(ctx: &Ctx, key: &str) -> String {
    ctx.str(&format!("cni.{key}"))
}

pub fn render(ctx: &Ctx, component: &Component) -> Vec<Value> {
    let ns = component.namespace.as_str();
    let cluster_scoped = ctx.renders_cluster_scoped();
    let namespaced = ctx.renders_namespaced();
    let common = meta::labels(&[
        &meta::label("release", "istio"),
        &meta::label("istio.io/rev", &ctx.revision_label()),
        &meta::label("install.operator.istio.io/owning-resource", &ctx.owner),
        &meta::label("operator.istio.io/component", "Cni"),
        &meta::label("app.kubernetes.io/name", "istio-cni"),
        &meta::istio_labels("cni"),
    ]);
    let app_labels = meta::labels(&[&meta::label("app", "istio-cni"), &common]);
    let mut out = Vec::new();
    if namespaced {
        out.push(meta::service_account(
            ctx,
            "istio-cni",
            ns,
            app_labels.clone(),
        ));
    }
    if cluster_scoped {
        out.extend(cluster_rbac(ctx, &app_labels, &common, ns));
    }
    if namespaced {
        out.push(config_map(ctx, ns, app_labels));
        out.push(daemon_set(ctx, ns, &common));
        if ctx.str("cni.provider") == "multus" {
            out.push(network_attachment_definition());
        }
        if ctx.bool("cni.resourceQuotas.enabled") {
            let labels = meta::labels(&[
                &meta::label("app.kubernetes.io/name", "istio-cni"),
                &meta::istio_labels("cni"),
            ]);
            let pods = ctx.get("cni.resourceQuotas.pods");
            out.push(meta::resource_quota(
                "istio-cni-resource-quota",
                ns,
                labels,
                pods,
            ));
        }
    }
    if meta::wants_network_policy(ctx) {
        let node = meta::label("k8s-app", "istio-cni-node");
        let labels = meta::labels(&[&node, &common]);
        out.push(meta::network_policy(
            &format!("istio-cni{}", ctx.rev_suffix()),
            ns,
            labels,
            json!(node),
            &[meta::tcp_ports(&[15014]), meta::tcp_ports(&[8000])],
        ));
    }
    out
}

/// The agent's settings, read by the DaemonSet through `envFrom`.
fn config_map(ctx: &Ctx, ns: &str, labels: serde_json::Map<String, Value>) -> Value {
    let mut cm = meta::object("v1", "ConfigMap", "istio-cni-config", Some(ns), labels);
    let tag = ctx.str_or("cni.tag", &ctx.str("global.tag"));
    let excluded: Vec<String> = ctx
        .get("cni.excludeNamespaces")
        .as_array()
        .map(|l| l.iter().map(super::scalar_string).collect())
        .unwrap_or_default();
    let flag = |key: &str| super::scalar_string(ctx.get(key));
    let mut data = json!({
        "CURRENT_AGENT_VERSION": tag,
        "AMBIENT_ENABLED": flag("cni.ambient.enabled"),
        "AMBIENT_ENABLEMENT_SELECTOR": super::output::go_yaml_text(ctx.get("cni.ambient.enablementSelectors")),
        "AMBIENT_DNS_CAPTURE": flag("cni.ambient.dnsCapture"),
        "AMBIENT_IPV6": flag("cni.ambient.ipv6"),
        "AMBIENT_RECONCILE_POD_RULES_ON_STARTUP": flag("cni.ambient.reconcileIptablesOnStartup"),
        "ENABLE_AMBIENT_DETECTION_RETRY": flag("cni.ambient.enableAmbientDetectionRetry"),
    });
    let conf_name = cni_str(ctx, "cniConfFileName");
    if !conf_name.is_empty() {
        data["CNI_CONF_NAME"] = json!(conf_name);
    }
    data["ISTIO_OWNED_CNI_CONFIG"] = json!(flag("cni.istioOwnedCNIConfig"));
    if super::is_set(ctx.get("cni.istioOwnedCNIConfig")) {
        data["ISTIO_OWNED_CNI_CONF_FILENAME"] = json!(flag("cni.istioOwnedCNIConfigFileName"));
    }
    for (key, path) in [
        ("CHAINED_CNI_PLUGIN", "cni.chained"),
        ("EXCLUDE_NAMESPACES", ""),
        ("REPAIR_ENABLED", "cni.repair.enabled"),
        ("REPAIR_LABEL_PODS", "cni.repair.labelPods"),
        ("REPAIR_DELETE_PODS", "cni.repair.deletePods"),
        ("REPAIR_REPAIR_PODS", "cni.repair.repairPods"),
        ("REPAIR_INIT_CONTAINER_NAME", "cni.repair.initContainerName"),
        (
            "REPAIR_BROKEN_POD_LABEL_KEY",
            "cni.repair.brokenPodLabelKey",
        ),
        (
            "REPAIR_BROKEN_POD_LABEL_VALUE",
            "cni.repair.brokenPodLabelValue",
        ),
        ("NATIVE_NFTABLES", "global.nativeNftables"),
    ] {
        data[key] = if path.is_empty() {
            json!(excluded.join(","))
        } else {
            json!(flag(path))
        };
    }
    if let Some(env) = ctx.get("cni.env").as_object() {
        for (k, v) in env {
            data[k.as_str()] = json!(super::scalar_string(v));
        }
    }
    cm["data"] = data;
    cm
}

/// Multus's attachment of the Istio CNI plugin (`cni.provider: multus`).
fn network_attachment_definition() -> Value {
    meta::object(
        "k8s.cni.cncf.io/v1",
        "NetworkAttachmentDefinition",
        "istio-cni",
        Some("default"),
        meta::labels(&[
            &meta::label("operator.istio.io/component", "Cni"),
            &meta::label("app.kubernetes.io/name", "istio-cni"),
            &meta::istio_labels("cni"),
        ]),
    )
}

/// The node agent's ClusterRoles, each bound to the istio-cni ServiceAccount: its own
/// (read pods, nodes, namespaces; OpenShift's SCC), the pod-repair role (one repair mode:
/// repairing in place needs nothing more, deleting pods needs delete, labelling them
/// pods/status) and with ambient the role that labels pods and reads the DaemonSet
/// (pods/status is enough to label a pod, and less than the whole pod).
fn cluster_rbac(
    ctx: &Ctx,
    labels: &serde_json::Map<String, Value>,
    common: &serde_json::Map<String, Value>,
    ns: &str,
) -> Vec<Value> {
    let repair_labels = meta::labels(&[&meta::label("k8s-app", "istio-cni-repair"), common]);
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
            // The chart labels the repair and ambient bindings as the repair agent's.
            let binding_labels = if role == "istio-cni" {
                labels
            } else {
                &repair_labels
            };
            [
                meta::cluster_role(role, labels.clone(), rules),
                meta::cluster_role_binding(binding, role, binding_labels.clone(), "istio-cni", ns),
            ]
        })
        .collect()
}

/// The node agent: installs the CNI plugin and runs the repair and ambient controllers.
fn daemon_set(ctx: &Ctx, ns: &str, common: &serde_json::Map<String, Value>) -> Value {
    let empty = serde_json::Map::new();
    let k8s_app = meta::label("k8s-app", "istio-cni-node");
    let mut ds = meta::object(
        "apps/v1",
        "DaemonSet",
        "istio-cni-node",
        Some(ns),
        meta::labels(&[
            &k8s_app,
            common,
            ctx.get("cni.daemonSetLabels").as_object().unwrap_or(&empty),
        ]),
    );
    let template_labels = meta::labels(&[
        &k8s_app,
        &meta::label("sidecar.istio.io/inject", "false"),
        &meta::label("istio.io/dataplane-mode", "none"),
        &meta::label("app.kubernetes.io/name", "istio-cni"),
        &meta::istio_labels("cni"),
        ctx.get("cni.podLabels").as_object().unwrap_or(&empty),
    ]);
    let mut annotations = json!({
        "sidecar.istio.io/inject": "false",
        "prometheus.io/scrape": "true",
        "prometheus.io/port": "15014",
        "prometheus.io/path": "/metrics"
    });
    let app_armor_annotation = ctx.bool("cni.useAppArmorAnnotation");
    if app_armor_annotation {
        annotations["container.apparmor.security.beta.kubernetes.io/install-cni"] =
            json!("unconfined");
    }
    overlay(&mut annotations, ctx.get("cni.podAnnotations"));
    let host_network =
        ctx.bool("cni.ambient.enabled") && ctx.bool("cni.ambient.shareHostNetworkNamespace");

    let mut pod_spec = json!({"nodeSelector": {"kubernetes.io/os": "linux"}});
    if host_network {
        pod_spec["hostNetwork"] = json!(true);
        pod_spec["dnsPolicy"] = json!("ClusterFirstWithHostNet");
    }
    for key in ["affinity", "tolerations"] {
        if super::is_set(ctx.get(&format!("cni.{key}"))) {
            pod_spec[key] = ctx.get(&format!("cni.{key}")).clone();
        }
    }
    pod_spec["priorityClassName"] = json!("system-node-critical");
    pod_spec["serviceAccountName"] = json!("istio-cni");
    pod_spec["terminationGracePeriodSeconds"] =
        ctx.get("cni.terminationGracePeriodSeconds").clone();
    pod_spec["containers"] = json!([install_cni_container(
        ctx,
        host_network,
        app_armor_annotation
    )]);
    pod_spec["volumes"] = json!(volumes(ctx));
    let mut spec = json!({"selector": {"matchLabels": k8s_app}});
    if super::is_set(ctx.get("cni.updateStrategy")) {
        spec["updateStrategy"] = ctx.get("cni.updateStrategy").clone();
    }
    spec["template"] = json!({"metadata": {"annotations": annotations, "labels": template_labels}, "spec": pod_spec});
    ds["spec"] = spec;
    ds
}

fn install_cni_container(ctx: &Ctx, host_network: bool, app_armor_annotation: bool) -> Value {
    let image = {
        let image = cni_str(ctx, "image");
        ctx.image(
            "cni",
            if image.is_empty() {
                "install-cni"
            } else {
                &image
            },
        )
    };
    let mut container = json!({"name": "install-cni", "image": image});
    let policy = ctx.str_or("cni.pullPolicy", &ctx.str("global.imagePullPolicy"));
    if !policy.is_empty() {
        container["imagePullPolicy"] = json!(policy);
    }
    container["ports"] = json!([{"containerPort": 15014, "name": "metrics", "protocol": "TCP"}]);
    container["readinessProbe"] = json!({"httpGet": {"path": "/readyz", "port": 8000}});
    let mut security = json!({});
    if !app_armor_annotation {
        security["appArmorProfile"] = json!({"type": "Unconfined"});
    }
    security["privileged"] = json!(false);
    security["runAsGroup"] = json!(0);
    security["runAsUser"] = json!(0);
    security["runAsNonRoot"] = json!(false);
    security["capabilities"] = json!({
        "drop": ["ALL"],
        "add": ["NET_ADMIN", "NET_RAW", "SYS_PTRACE", "SYS_ADMIN", "DAC_OVERRIDE"]
    });
    if let Some(options) = ctx.non_empty_map("cni.seLinuxOptions") {
        // The user's options win; the type defaults to spc_t.
        let mut merged = json!({"type": "spc_t"});
        overlay(&mut merged, options);
        security["seLinuxOptions"] = merged;
    }
    if let Some(profile) = ctx.non_empty_map("cni.seccompProfile") {
        security["seccompProfile"] = profile.clone();
    }
    container["securityContext"] = security;
    container["command"] = json!(["install-cni"]);
    let mut args = Vec::new();
    let level = ctx.str_or("cni.logging.level", &ctx.str("global.logging.level"));
    if !level.is_empty() {
        args.push(json!(format!("--log_output_level={level}")));
    }
    if ctx.bool("global.logAsJson") {
        args.push(json!("--log_as_json"));
    }
    container["args"] = json!(args);
    container["envFrom"] = json!([{"configMapRef": {"name": "istio-cni-config"}}]);
    container["env"] = json!(agent_env(ctx, host_network));
    container["volumeMounts"] = json!(volume_mounts(ctx));
    container["resources"] =
        meta::chart_resources(ctx.get("cni.resources"), ctx.get("global.defaultResources"));
    container
}

fn agent_env(ctx: &Ctx, host_network: bool) -> Vec<Value> {
    let mut env = vec![
        meta::env_ref("REPAIR_NODE_NAME", "spec.nodeName"),
        meta::env("REPAIR_RUN_AS_DAEMON", "true"),
        meta::env("REPAIR_SIDECAR_ANNOTATION", "sidecar.istio.io/status"),
    ];
    if !host_network {
        env.push(meta::env("ALLOW_SWITCH_TO_HOST_NS", "true"));
    }
    env.extend([
        meta::env_field("NODE_NAME", "spec.nodeName"),
        meta::env_resource("GOMEMLIMIT", "limits.memory"),
        meta::env_resource("GOMAXPROCS", "limits.cpu"),
        meta::env_ref("POD_NAME", "metadata.name"),
        meta::env_ref("POD_NAMESPACE", "metadata.namespace"),
    ]);
    if let Some(m) = ctx.get("cni.env").as_object() {
        env.extend(m.iter().map(|(k, v)| meta::env(k, super::scalar_string(v))));
    }
    env
}

fn volume_mounts(ctx: &Ctx) -> Vec<Value> {
    let ambient = ctx.bool("cni.ambient.enabled");
    let mut mounts = vec![json!({"mountPath": "/host/opt/cni/bin", "name": "cni-bin-dir"})];
    if ctx.bool("cni.repair.repairPods") || ambient {
        mounts
            .push(json!({"mountPath": "/host/proc", "name": "cni-host-procfs", "readOnly": true}));
    }
    mounts.push(json!({"mountPath": "/host/etc/cni/net.d", "name": "cni-net-dir"}));
    mounts.push(json!({"mountPath": "/var/run/istio-cni", "name": "cni-socket-dir"}));
    if ambient {
        mounts.push(json!({"mountPath": "/host/var/run/netns", "mountPropagation": "HostToContainer", "name": "cni-netns-dir"}));
        mounts.push(json!({"mountPath": "/var/run/ztunnel", "name": "cni-ztunnel-sock-dir"}));
    }
    mounts
}

fn volumes(ctx: &Ctx) -> Vec<Value> {
    let ambient = ctx.bool("cni.ambient.enabled");
    let bin_dir = ctx.str_or("cni.cniBinDir", "/opt/cni/bin");
    let mut volumes = vec![json!({"hostPath": {"path": bin_dir}, "name": "cni-bin-dir"})];
    if ctx.bool("cni.repair.repairPods") || ambient {
        volumes.push(
            json!({"hostPath": {"path": "/proc", "type": "Directory"}, "name": "cni-host-procfs"}),
        );
    }
    if ambient {
        volumes.push(json!({"hostPath": {"path": "/var/run/ztunnel", "type": "DirectoryOrCreate"}, "name": "cni-ztunnel-sock-dir"}));
    }
    volumes.extend([
        json!({"hostPath": {"path": cni_str(ctx, "cniConfDir")}, "name": "cni-net-dir"}),
        json!({"hostPath": {"path": "/var/run/istio-cni"}, "name": "cni-socket-dir"}),
        json!({"hostPath": {"path": cni_str(ctx, "cniNetnsDir"), "type": "DirectoryOrCreate"}, "name": "cni-netns-dir"}),
    ]);
    volumes
}
