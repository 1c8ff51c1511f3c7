//! The resource snapshot analyzers read: every object of the analysis (from files, a
//! cluster, or both), indexed by kind, plus the mesh config and the workloads (pods and
//! the pod templates of Deployments, StatefulSets, ...) that selectors match.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use crate::model::mesh::MeshConfig;
use crate::model::Resource;

/// Kinds whose objects have no namespace.
pub const CLUSTER_SCOPED: &[&str] = &[
    "Namespace",
    "Node",
    "ClusterRole",
    "ClusterRoleBinding",
    "CustomResourceDefinition",
    "MutatingWebhookConfiguration",
    "ValidatingWebhookConfiguration",
    "PersistentVolume",
    "StorageClass",
    "GatewayClass",
    "PriorityClass",
    "IngressClass",
    "APIService",
];

/// Namespaces whose objects Istio's analysis never looks at.
pub const IGNORED_NAMESPACES: &[&str] = &[
    "kube-system",
    "kube-public",
    "kube-node-lease",
    "local-path-storage",
];

/// Kinds with a pod template, and where the template is.
const WORKLOAD_TEMPLATES: &[(&str, &str)] = &[
    ("Deployment", "/spec/template"),
    ("StatefulSet", "/spec/template"),
    ("DaemonSet", "/spec/template"),
    ("ReplicaSet", "/spec/template"),
    ("ReplicationController", "/spec/template"),
    ("Job", "/spec/template"),
    ("CronJob", "/spec/jobTemplate/spec/template"),
    ("Rollout", "/spec/template"),
    ("DeploymentConfig", "/spec/template"),
];

/// A running (or would-be) workload: a Pod, or the pod template of a controller.
#[derive(Debug, Clone)]
pub struct Workload<'a> {
    pub namespace: String,
    pub name: String,
    pub labels: BTreeMap<String, String>,
    /// The pod spec (`spec` of a Pod or of a template).
    pub pod_spec: &'a Value,
    /// The object it came from (the Pod itself, or its Deployment, ...).
    pub owner: &'a Resource,
}

pub struct Snapshot {
    resources: Vec<Resource>,
    by_kind: HashMap<String, Vec<usize>>,
    pub mesh: MeshConfig,
    pub mesh_networks: Option<Value>,
    pub istio_namespace: String,
    /// Kinds the inputs can speak for. `None` (a live cluster) means every kind: an
    /// absent object really is absent. With files only, a kind no file contains is
    /// unknown, and analyzers that need it are skipped rather than guessing.
    known_kinds: Option<std::collections::HashSet<String>>,
}

impl Snapshot {
    /// Builds a snapshot; resources without a namespace get `default_namespace`
    /// (empty with `-A`), cluster-scoped kinds get none, ignored namespaces are dropped.
    pub fn new(
        resources: Vec<Resource>,
        default_namespace: &str,
        mesh: MeshConfig,
        mesh_networks: Option<Value>,
        istio_namespace: &str,
    ) -> Self {
        let mut kept = Vec::with_capacity(resources.len());
        for mut r in resources {
            normalize_namespace(&mut r, default_namespace);
            let ns = r.namespace().unwrap_or("");
            let own_name = if r.kind() == "Namespace" {
                r.name()
            } else {
                ns
            };
            if IGNORED_NAMESPACES.contains(&ns) || IGNORED_NAMESPACES.contains(&own_name) {
                continue;
            }
            kept.push(r);
        }
        let mut by_kind: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in kept.iter().enumerate() {
            by_kind.entry(r.kind().to_string()).or_default().push(i);
        }
        Snapshot {
            resources: kept,
            by_kind,
            mesh,
            mesh_networks,
            istio_namespace: istio_namespace.to_string(),
            known_kinds: None,
        }
    }

    /// Limits the kinds the snapshot speaks for (files-only analysis).
    pub fn with_known_kinds(mut self, kinds: std::collections::HashSet<String>) -> Self {
        self.known_kinds = Some(kinds);
        self
    }

    /// Whether absence of objects of this kind means they do not exist.
    pub fn knows(&self, kind: &str) -> bool {
        self.known_kinds.as_ref().is_none_or(|k| k.contains(kind))
    }

    pub fn all(&self) -> impl Iterator<Item = &Resource> {
        self.resources.iter()
    }

    /// Objects of a kind in an API group (`""` for core).
    pub fn of<'a>(&'a self, group: &'a str, kind: &str) -> impl Iterator<Item = &'a Resource> + 'a {
        self.by_kind
            .get(kind)
            .into_iter()
            .flatten()
            .map(move |&i| &self.resources[i])
            .filter(move |r| r.gvk.group == group)
    }

    pub fn istio<'a>(&'a self, kind: &str) -> impl Iterator<Item = &'a Resource> + 'a {
        let group = match kind {
            "AuthorizationPolicy" | "PeerAuthentication" | "RequestAuthentication" => {
                "security.istio.io"
            }
            "Telemetry" => "telemetry.istio.io",
            "WasmPlugin" | "TrafficExtension" => "extensions.istio.io",
            _ => "networking.istio.io",
        };
        self.of(group, kind)
    }

    pub fn core<'a>(&'a self, kind: &str) -> impl Iterator<Item = &'a Resource> + 'a {
        self.of("", kind)
    }

    pub fn find<'a>(
        &'a self,
        group: &'a str,
        kind: &str,
        namespace: &str,
        name: &str,
    ) -> Option<&'a Resource> {
        self.of(group, kind)
            .find(|r| r.name() == name && r.namespace().unwrap_or("") == namespace)
    }

    pub fn namespace_object(&self, name: &str) -> Option<&Resource> {
        self.core("Namespace").find(|r| r.name() == name)
    }

    /// Every workload: Pods, then the pod templates of controllers.
    pub fn workloads(&self) -> Vec<Workload<'_>> {
        let mut out = Vec::new();
        static NO_SPEC: Value = Value::Null;
        for pod in self.core("Pod") {
            out.push(Workload {
                namespace: pod.namespace().unwrap_or("").to_string(),
                name: pod.name().to_string(),
                labels: string_map(pod.labels()),
                pod_spec: pod.object.get("spec").unwrap_or(&NO_SPEC),
                owner: pod,
            });
        }
        for (kind, pointer) in WORKLOAD_TEMPLATES {
            for r in self
                .by_kind
                .get(*kind)
                .into_iter()
                .flatten()
                .map(|&i| &self.resources[i])
            {
                let Some(template) = r.object.pointer(pointer) else {
                    continue;
                };
                let Some(spec) = template.get("spec") else {
                    continue;
                };
                let labels = template
                    .pointer("/metadata/labels")
                    .and_then(Value::as_object);
                out.push(Workload {
                    namespace: r.namespace().unwrap_or("").to_string(),
                    name: r.name().to_string(),
                    labels: string_map(labels),
                    pod_spec: spec,
                    owner: r,
                });
            }
        }
        out
    }
}

fn normalize_namespace(r: &mut Resource, default_namespace: &str) {
    let cluster_scoped = CLUSTER_SCOPED.contains(&r.kind());
    let Some(meta) = r.object.get_mut("metadata").and_then(Value::as_object_mut) else {
        return;
    };
    if cluster_scoped {
        meta.remove("namespace");
    } else if meta
        .get("namespace")
        .and_then(Value::as_str)
        .is_none_or(str::is_empty)
    {
        if default_namespace.is_empty() {
            meta.remove("namespace");
        } else {
            meta.insert(
                "namespace".into(),
                Value::String(default_namespace.to_string()),
            );
        }
    }
}

pub fn string_map(m: Option<&serde_json::Map<String, Value>>) -> BTreeMap<String, String> {
    m.into_iter()
        .flatten()
        .map(|(k, v)| {
            let v = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (k.clone(), v)
        })
        .collect()
}

/// Whether every `selector` label is on `labels` (an empty selector matches everything).
pub fn selects(selector: &BTreeMap<String, String>, labels: &BTreeMap<String, String>) -> bool {
    selector.iter().all(|(k, v)| labels.get(k) == Some(v))
}
