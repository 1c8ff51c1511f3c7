//! The resource snapshot analyzers read: every object of the analysis (from files, a
//! cluster, or both), indexed by kind, plus the mesh config and the workloads (pods and
//! the pod templates of Deployments, StatefulSets, ...) that selectors match.

use std::collections::{BTreeMap, BTreeSet, HashMap};

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
const WORKLOAD_TEMPLATES: &[(&str, &str, &str)] = &[
    ("Deployment", "/spec/template", "/spec/template/spec"),
    ("StatefulSet", "/spec/template", "/spec/template/spec"),
    ("DaemonSet", "/spec/template", "/spec/template/spec"),
    ("ReplicaSet", "/spec/template", "/spec/template/spec"),
    (
        "ReplicationController",
        "/spec/template",
        "/spec/template/spec",
    ),
    ("Job", "/spec/template", "/spec/template/spec"),
    (
        "CronJob",
        "/spec/jobTemplate/spec/template",
        "/spec/jobTemplate/spec/template/spec",
    ),
    ("Rollout", "/spec/template", "/spec/template/spec"),
    ("DeploymentConfig", "/spec/template", "/spec/template/spec"),
];

/// The kinds workloads come from (a test checks them against `WORKLOAD_TEMPLATES`).
pub const WORKLOAD_KINDS: &[&str] = with_workloads![];

/// A running (or would-be) workload: a Pod, or the pod template of a controller.
#[derive(Debug, Clone)]
pub struct Workload {
    pub namespace: String,
    pub name: String,
    pub labels: BTreeMap<String, String>,
    /// True for a Pod, false for the template of a Deployment, StatefulSet, ...
    pub is_pod: bool,
    owner: usize,
    spec_pointer: &'static str,
}

/// Lookups built once per snapshot, so analyzers stay linear in the number of objects.
#[derive(Default)]
struct Indexes {
    workloads: Vec<Workload>,
    workloads_by_namespace: HashMap<String, Vec<usize>>,
    workloads_by_label: HashMap<(String, String), Vec<usize>>,
    services_by_fqdn: HashMap<String, usize>,
    /// DestinationRules by the FQDN of their host; wildcard hosts separately.
    rules_by_host: HashMap<String, Vec<usize>>,
    wildcard_rules: Vec<usize>,
}

/// The Services of another cluster of the mesh, for multicluster analysis.
pub struct RemoteServices {
    pub cluster: String,
    pub services: Vec<Resource>,
}

pub struct Snapshot {
    resources: Vec<Resource>,
    /// Set when several clusters are analyzed: this snapshot's cluster ID, given to
    /// every message its analyzers report.
    pub cluster: Option<String>,
    /// The Services of the other clusters (empty for all but the primary cluster).
    pub remote_services: Vec<RemoteServices>,
    by_kind: HashMap<String, Vec<usize>>,
    pub mesh: MeshConfig,
    pub mesh_networks: Option<Value>,
    pub istio_namespace: String,
    /// Kinds the inputs can speak for. `None` (a live cluster) means every kind: an
    /// absent object really is absent. With files only, a kind no file contains is
    /// unknown, and analyzers that need it are skipped rather than guessing.
    known_kinds: Option<std::collections::HashSet<String>>,
    cluster_only_kinds_unknown: bool,
    by_kind_namespace: HashMap<(String, String), Vec<usize>>,
    /// Positions by kind, namespace and name (`find` without a scan).
    by_name: HashMap<(String, String, String), Vec<usize>>,
    indexes: std::sync::OnceLock<Indexes>,
    /// The kinds analyzers asked for, recorded only after `record_reads` (tests check
    /// with it that each analyzer declares every kind it reads).
    reads: Option<std::sync::Mutex<BTreeSet<String>>>,
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
        let kept = last_of_each(kept);
        let mut by_kind: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_kind_namespace: HashMap<(String, String), Vec<usize>> = HashMap::new();
        let mut by_name: HashMap<(String, String, String), Vec<usize>> = HashMap::new();
        for (i, r) in kept.iter().enumerate() {
            let (kind, namespace) = (r.kind(), r.namespace().unwrap_or(""));
            match by_kind.get_mut(kind) {
                Some(positions) => positions.push(i),
                None => drop(by_kind.insert(kind.to_string(), vec![i])),
            }
            let kind_namespace = (kind.to_string(), namespace.to_string());
            let named = (
                kind_namespace.0.clone(),
                kind_namespace.1.clone(),
                r.name().to_string(),
            );
            by_kind_namespace.entry(kind_namespace).or_default().push(i);
            by_name.entry(named).or_default().push(i);
        }
        Snapshot {
            resources: kept,
            cluster: None,
            remote_services: Vec::new(),
            by_kind,
            mesh,
            mesh_networks,
            istio_namespace: istio_namespace.to_string(),
            known_kinds: None,
            cluster_only_kinds_unknown: false,
            by_kind_namespace,
            by_name,
            indexes: std::sync::OnceLock::new(),
            reads: None,
        }
    }

    /// Starts recording the kinds read through the snapshot's accessors.
    pub fn record_reads(mut self) -> Self {
        self.reads = Some(Default::default());
        self
    }

    /// The kinds read since the last call (empty unless `record_reads` was called).
    pub fn take_reads(&self) -> BTreeSet<String> {
        self.reads
            .as_ref()
            .map(|r| std::mem::take(&mut *r.lock().unwrap_or_else(|e| e.into_inner())))
            .unwrap_or_default()
    }

    fn note_read(&self, kinds: &[&str]) {
        if let Some(reads) = &self.reads {
            let mut reads = reads.lock().unwrap_or_else(|e| e.into_inner());
            reads.extend(kinds.iter().map(|k| k.to_string()));
        }
    }

    /// Marks the snapshot as one cluster of several, with the Services of the others.
    pub fn in_cluster(mut self, id: &str, remote_services: Vec<RemoteServices>) -> Self {
        self.cluster = Some(id.to_string());
        self.remote_services = remote_services;
        self
    }

    /// Limits the kinds the snapshot speaks for (files-only analysis).
    pub fn with_known_kinds(mut self, kinds: std::collections::HashSet<String>) -> Self {
        self.known_kinds = Some(kinds);
        self
    }

    /// Reads files as istioctl does: the kinds istioctl takes only from a cluster
    /// (`RUNTIME_KINDS`) are unknown, and the analyzers that read them do not run.
    pub fn with_cluster_only_kinds_unknown(mut self) -> Self {
        self.cluster_only_kinds_unknown = true;
        self
    }

    pub fn cluster_only_kinds_unknown(&self) -> bool {
        self.cluster_only_kinds_unknown
    }

    /// Whether absence of objects of this kind means they do not exist.
    pub fn knows(&self, kind: &str) -> bool {
        !(self.cluster_only_kinds_unknown && super::RUNTIME_KINDS.contains(&kind))
            && self.known_kinds.as_ref().is_none_or(|k| k.contains(kind))
    }

    /// Objects of a kind in an API group (`""` for core).
    pub fn of<'a>(&'a self, group: &'a str, kind: &str) -> impl Iterator<Item = &'a Resource> + 'a {
        self.note_read(&[kind]);
        self.by_kind
            .get(kind)
            .into_iter()
            .flatten()
            .map(move |&i| &self.resources[i])
            .filter(move |r| r.gvk.group == group)
    }

    pub fn istio<'a>(&'a self, kind: &str) -> impl Iterator<Item = &'a Resource> + 'a {
        // The group comes from the model's kind table, so kinds of other groups with the
        // same name (e.g. Gateway API's Gateway) are not mixed in.
        let group = crate::model::api::ISTIO_KINDS
            .iter()
            .find(|k| k.kind == kind)
            .map(|k| k.group)
            .unwrap_or("networking.istio.io");
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
        self.note_read(&[kind]);
        let key = (kind.to_string(), namespace.to_string(), name.to_string());
        self.by_name
            .get(&key)
            .into_iter()
            .flatten()
            .map(|&i| &self.resources[i])
            .find(|r| r.gvk.group == group)
    }

    pub fn namespace_object(&self, name: &str) -> Option<&Resource> {
        self.find("", "Namespace", "", name)
    }

    /// Objects of a kind in one namespace.
    pub fn of_in<'a>(
        &'a self,
        group: &'a str,
        kind: &str,
        namespace: &str,
    ) -> impl Iterator<Item = &'a Resource> + 'a {
        self.note_read(&[kind]);
        self.by_kind_namespace
            .get(&(kind.to_string(), namespace.to_string()))
            .into_iter()
            .flatten()
            .map(move |&i| &self.resources[i])
            .filter(move |r| r.gvk.group == group)
    }

    fn indexes(&self) -> &Indexes {
        self.indexes.get_or_init(|| {
            let mut idx = Indexes::default();
            for &i in self.by_kind.get("Pod").into_iter().flatten() {
                let pod = &self.resources[i];
                if pod.gvk.group.is_empty() {
                    idx.workloads.push(Workload {
                        namespace: pod.namespace().unwrap_or("").to_string(),
                        name: pod.name().to_string(),
                        labels: string_map(pod.labels()),
                        is_pod: true,
                        owner: i,
                        spec_pointer: "/spec",
                    });
                }
            }
            for (kind, pointer, spec_pointer) in WORKLOAD_TEMPLATES {
                for &i in self.by_kind.get(*kind).into_iter().flatten() {
                    let r = &self.resources[i];
                    let Some(template) = r.object.pointer(pointer) else {
                        continue;
                    };
                    let labels = template
                        .pointer("/metadata/labels")
                        .and_then(Value::as_object);
                    idx.workloads.push(Workload {
                        namespace: r.namespace().unwrap_or("").to_string(),
                        name: r.name().to_string(),
                        labels: string_map(labels),
                        is_pod: false,
                        owner: i,
                        spec_pointer,
                    });
                }
            }
            for (w, workload) in idx.workloads.iter().enumerate() {
                idx.workloads_by_namespace
                    .entry(workload.namespace.clone())
                    .or_default()
                    .push(w);
                for (k, v) in &workload.labels {
                    idx.workloads_by_label
                        .entry((k.clone(), v.clone()))
                        .or_default()
                        .push(w);
                }
            }
            for &i in self.by_kind.get("Service").into_iter().flatten() {
                let svc = &self.resources[i];
                if svc.gvk.group.is_empty() {
                    let fqdn =
                        crate::analyze::analyzers::fqdn(svc.name(), svc.namespace().unwrap_or(""));
                    idx.services_by_fqdn.insert(fqdn, i);
                }
            }
            for &i in self.by_kind.get("DestinationRule").into_iter().flatten() {
                let dr = &self.resources[i];
                let Some(host) = dr.object.pointer("/spec/host").and_then(Value::as_str) else {
                    continue;
                };
                if host.starts_with('*') {
                    idx.wildcard_rules.push(i);
                } else {
                    let fqdn = crate::analyze::analyzers::fqdn(host, dr.namespace().unwrap_or(""));
                    idx.rules_by_host.entry(fqdn).or_default().push(i);
                }
            }
            idx
        })
    }

    /// DestinationRules whose host is `fqdn` exactly, then those with wildcard hosts
    /// (callers check whether a wildcard covers it).
    pub fn destination_rules_for<'a>(
        &'a self,
        fqdn: &str,
    ) -> impl Iterator<Item = &'a Resource> + 'a {
        self.note_read(&["DestinationRule"]);
        let idx = self.indexes();
        idx.rules_by_host
            .get(fqdn)
            .into_iter()
            .flatten()
            .chain(idx.wildcard_rules.iter())
            .map(move |&i| &self.resources[i])
    }

    /// Every workload: Pods, then the pod templates of controllers.
    pub fn workloads(&self) -> &[Workload] {
        self.note_read(WORKLOAD_KINDS);
        &self.indexes().workloads
    }

    /// The workloads of one namespace.
    pub fn workloads_in<'a>(&'a self, namespace: &str) -> impl Iterator<Item = &'a Workload> + 'a {
        self.note_read(WORKLOAD_KINDS);
        let idx = self.indexes();
        idx.workloads_by_namespace
            .get(namespace)
            .into_iter()
            .flatten()
            .map(move |&w| &idx.workloads[w])
    }

    /// Workloads in any namespace whose labels carry every `selector` label (none for an
    /// empty selector).
    pub fn select_workloads<'a>(
        &'a self,
        selector: &BTreeMap<String, String>,
    ) -> Vec<&'a Workload> {
        self.note_read(WORKLOAD_KINDS);
        let idx = self.indexes();
        let Some((k, v)) = selector.iter().next() else {
            return Vec::new();
        };
        idx.workloads_by_label
            .get(&(k.clone(), v.clone()))
            .into_iter()
            .flatten()
            .map(|&w| &idx.workloads[w])
            .filter(|w| selects(selector, &w.labels))
            .collect()
    }

    /// The object a workload comes from (the Pod, or its Deployment, ...).
    pub fn owner(&self, w: &Workload) -> &Resource {
        &self.resources[w.owner]
    }

    /// The pod spec of a workload (`Null` when the object has none).
    pub fn pod_spec(&self, w: &Workload) -> &Value {
        static NONE: Value = Value::Null;
        self.resources[w.owner]
            .object
            .pointer(w.spec_pointer)
            .unwrap_or(&NONE)
    }

    /// The Kubernetes Service with this FQDN (`name.ns.svc.cluster.local`).
    pub fn service(&self, fqdn: &str) -> Option<&Resource> {
        self.note_read(&["Service"]);
        self.indexes()
            .services_by_fqdn
            .get(fqdn)
            .map(|&i| &self.resources[i])
    }
}

/// One resource per (group, kind, namespace, name): the last one read, as istioctl's
/// store keeps it (the same object in several files or documents is one object) — except
/// that a copy whose text is byte for byte the kept one's changes nothing (istioctl's
/// store compares the documents' hashes), so the kept one keeps its place and line.
fn last_of_each(resources: Vec<Resource>) -> Vec<Resource> {
    fn key(r: &Resource) -> (&str, &str, &str, &str) {
        (
            &r.gvk.group,
            r.kind(),
            r.namespace().unwrap_or(""),
            r.name(),
        )
    }
    fn document(r: &Resource) -> Option<&str> {
        r.text
            .as_ref()
            .and_then(|(text, range)| text.get(range.clone()))
            .map(str::trim_end)
    }
    let mut last: HashMap<_, usize> = HashMap::with_capacity(resources.len());
    let mut keep = vec![false; resources.len()];
    for (i, r) in resources.iter().enumerate() {
        let kept = last.entry(key(r)).or_insert(i);
        let same_text = document(r).is_some() && document(r) == document(&resources[*kept]);
        if !same_text {
            keep[*kept] = false;
            *kept = i;
        }
        keep[*kept] = true;
    }
    drop(last);
    resources
        .into_iter()
        .zip(keep)
        .filter_map(|(r, keep)| keep.then_some(r))
        .collect()
}

fn normalize_namespace(r: &mut Resource, default_namespace: &str) {
    let cluster_scoped = CLUSTER_SCOPED.contains(&r.kind());
    // A resource without metadata is named "" in the default namespace, as istioctl reads it.
    if let Some(object) = r.object.as_object_mut() {
        object
            .entry("metadata")
            .or_insert_with(|| Value::Object(Default::default()));
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workload_kinds_are_pods_and_the_template_kinds() {
        let from_templates = WORKLOAD_TEMPLATES.iter().map(|(kind, _, _)| *kind);
        let expected: Vec<&str> = std::iter::once("Pod").chain(from_templates).collect();
        assert_eq!(WORKLOAD_KINDS, expected.as_slice());
    }
}
