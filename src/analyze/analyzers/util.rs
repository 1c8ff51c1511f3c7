//! Helpers shared by analyzers: host names, exportTo visibility, selectors, JSON access.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::analyze::snapshot::{string_map, Snapshot};
use crate::model::Resource;

pub const DOMAIN_SUFFIX: &str = "svc.cluster.local";

/// A short host (`reviews`) as a FQDN in `namespace` (`reviews.ns.svc.cluster.local`);
/// anything with a dot is kept.
pub fn fqdn(host: &str, namespace: &str) -> String {
    if host.contains('.') || host == "*" || namespace.is_empty() {
        host.to_string()
    } else {
        format!("{host}.{namespace}.{DOMAIN_SUFFIX}")
    }
}

/// Whether `pattern` (maybe `*` or `*.suffix`) covers `host` (maybe a wildcard itself).
pub fn host_matches(pattern: &str, host: &str) -> bool {
    if pattern == "*" || pattern == host {
        return true;
    }
    match pattern.strip_prefix('*') {
        Some(suffix) => host.ends_with(suffix) && host.len() > suffix.len(),
        None => false,
    }
}

/// Whether two host patterns share at least one host.
pub fn hosts_overlap(a: &str, b: &str) -> bool {
    host_matches(a, b) || host_matches(b, a)
}

/// Which namespaces see a resource by its `exportTo` (`None` = all).
pub fn visibility(export_to: Option<&Value>, own_namespace: &str) -> Option<BTreeSet<String>> {
    let list = strings(export_to);
    if list.is_empty() || list.iter().any(|e| e == "*") {
        return None;
    }
    Some(
        list.into_iter()
            .map(|e| {
                if e == "." {
                    own_namespace.to_string()
                } else {
                    e
                }
            })
            .collect(),
    )
}

pub fn visibilities_overlap(a: &Option<BTreeSet<String>>, b: &Option<BTreeSet<String>>) -> bool {
    match (a, b) {
        (None, None) => true,
        (None, Some(s)) | (Some(s), None) => !s.is_empty(),
        (Some(x), Some(y)) => x.intersection(y).next().is_some(),
    }
}

/// A list of strings at a JSON value (non-strings skipped).
pub fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|x| x.as_str().map(str::to_string))
        .collect()
}

pub fn str_at<'a>(v: &'a Value, pointer: &str) -> Option<&'a str> {
    v.pointer(pointer).and_then(Value::as_str)
}

pub fn array_at<'a>(v: &'a Value, pointer: &str) -> &'a [Value] {
    v.pointer(pointer)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

pub fn labels_at(v: &Value, pointer: &str) -> BTreeMap<String, String> {
    string_map(v.pointer(pointer).and_then(Value::as_object))
}

pub fn ns(r: &Resource) -> &str {
    r.namespace().unwrap_or("")
}

/// `ns/name` or `name` for message texts.
pub fn qualified(r: &Resource) -> String {
    match r.namespace() {
        Some(n) => format!("{n}/{}", r.name()),
        None => r.name().to_string(),
    }
}

/// A workload selector (`matchLabels`) of a policy: None when it has none.
pub fn match_labels(spec: &Value, pointer: &str) -> Option<BTreeMap<String, String>> {
    spec.pointer(pointer)
        .and_then(Value::as_object)
        .map(|m| string_map(Some(m)))
}

/// Istio's port-name protocol prefixes.
pub const PROTOCOLS: &[&str] = &[
    "http",
    "http2",
    "https",
    "grpc",
    "grpc-web",
    "tcp",
    "tls",
    "mongo",
    "mysql",
    "redis",
    "udp",
    "unsupported",
];

/// The protocol a Service port declares, by `appProtocol` or name prefix.
pub fn port_protocol(port: &Value) -> Option<String> {
    if let Some(p) = port.get("appProtocol").and_then(Value::as_str) {
        return Some(p.to_ascii_lowercase());
    }
    let name = port
        .get("name")
        .and_then(Value::as_str)?
        .to_ascii_lowercase();
    let prefix = name.split('-').next().unwrap_or("");
    PROTOCOLS
        .iter()
        .find(|p| name == **p || prefix == **p)
        .map(|p| p.to_string())
}

/// istioctl's synthetic object for mesh-wide settings: `MeshConfig <istio-ns>/meshconfig`
/// or `MeshNetworks <istio-ns>/meshnetworks`.
pub fn mesh_origin(snap: &crate::analyze::Snapshot, kind: &str) -> crate::model::Resource {
    crate::model::Resource::detached(
        serde_json::json!({"apiVersion": "v1", "kind": kind,
            "metadata": {"name": kind.to_ascii_lowercase(), "namespace": snap.istio_namespace}}),
        "",
    )
}

/// A host as Istio's analyzers key services: a short name (no dot, not a wildcard) becomes
/// `name.<namespace>.svc.cluster.local`, anything else is kept.
pub fn istio_fqdn(host: &str, namespace: &str) -> String {
    if host.starts_with('*') || host.contains('.') {
        host.to_string()
    } else {
        format!("{host}.{namespace}.{DOMAIN_SUFFIX}")
    }
}

/// A service as Istio's analyzers look destination hosts up: a ServiceEntry, or a
/// Kubernetes Service seen as one (its port numbers, no workload selector).
pub struct MeshService {
    pub ports: Vec<i64>,
    pub workload_selector: BTreeMap<String, String>,
}

/// Istio's table of service hosts by the namespace that sees them (`*` for all): every
/// ServiceEntry host per `exportTo`, every Service per its `networking.istio.io/exportTo`
/// annotation; a later entry for the same (scope, host) replaces the earlier one.
pub struct ServiceHosts {
    services: Vec<MeshService>,
    scoped: std::collections::HashMap<(String, String), usize>,
    /// The (scope, host) keys in the order first added, for the wildcard scan.
    keys: Vec<(String, String)>,
}

impl ServiceHosts {
    pub fn new(snap: &Snapshot) -> Self {
        let mut table = ServiceHosts {
            services: Vec::new(),
            scoped: Default::default(),
            keys: Vec::new(),
        };
        for se in snap.istio("ServiceEntry") {
            let ports = array_at(&se.object, "/spec/ports")
                .iter()
                .map(|p| p.get("number").and_then(Value::as_i64).unwrap_or(0))
                .collect();
            let workload_selector = labels_at(&se.object, "/spec/workloadSelector/labels");
            let i = table.push(ports, workload_selector);
            let export_to = strings(se.object.pointer("/spec/exportTo"));
            let mut to_all = false;
            for host in strings(se.object.pointer("/spec/hosts")) {
                let fq = istio_fqdn(&host, ns(se));
                if export_to.is_empty() || to_all {
                    table.insert("*", &fq, i);
                    continue;
                }
                for scope in &export_to {
                    to_all |= scope == "*";
                    let scope = if scope == "." { ns(se) } else { scope };
                    table.insert(scope, &fq, i);
                    if to_all {
                        break;
                    }
                }
            }
        }
        for svc in snap.core("Service") {
            let ports = array_at(&svc.object, "/spec/ports")
                .iter()
                .map(|p| p.get("port").and_then(Value::as_i64).unwrap_or(0))
                .collect();
            let i = table.push(ports, BTreeMap::new());
            let fq = istio_fqdn(svc.name(), ns(svc));
            let annotation = svc
                .annotations()
                .and_then(|a| a.get("networking.istio.io/exportTo"))
                .and_then(Value::as_str)
                .unwrap_or("");
            if annotation.is_empty() {
                table.insert("*", &fq, i);
            }
            for scope in annotation.split(',').filter(|_| !annotation.is_empty()) {
                let scope = scope.trim();
                table.insert(if scope == "." { ns(svc) } else { scope }, &fq, i);
            }
        }
        table
    }

    fn push(&mut self, ports: Vec<i64>, workload_selector: BTreeMap<String, String>) -> usize {
        self.services.push(MeshService {
            ports,
            workload_selector,
        });
        self.services.len() - 1
    }

    fn insert(&mut self, scope: &str, fqdn: &str, service: usize) {
        let key = (scope.to_string(), fqdn.to_string());
        if self.scoped.insert(key.clone(), service).is_none() {
            self.keys.push(key);
        }
    }

    fn get(&self, scope: &str, fqdn: &str) -> Option<&MeshService> {
        self.scoped
            .get(&(scope.to_string(), fqdn.to_string()))
            .map(|&i| &self.services[i])
    }

    /// The service a destination `host` names for a resource in `source_ns` with
    /// `export_to`: one seen by every namespace, else one seen where the resource is
    /// exported (its own namespace without `exportTo`), else a wildcard host (`*.suffix`)
    /// seen by every namespace or the resource's own that the host ends with.
    pub fn lookup(
        &self,
        source_ns: &str,
        export_to: &[String],
        host: &str,
    ) -> Option<&MeshService> {
        let fq = istio_fqdn(host, source_ns);
        if let Some(s) = self.get("*", &fq) {
            return Some(s);
        }
        let exported = if export_to.is_empty() {
            self.get(source_ns, &fq)
        } else {
            export_to.iter().find_map(|e| {
                let scope = if e == "." { source_ns } else { e.as_str() };
                self.get(scope, &fq)
            })
        };
        if exported.is_some() {
            return exported;
        }
        let bare = host.strip_prefix('*').unwrap_or(host);
        self.keys.iter().find_map(|(scope, se_host)| {
            let suffix = se_host.strip_prefix('*')?;
            let visible = scope == "*" || scope == source_ns;
            (visible && bare.ends_with(suffix)).then(|| self.get(scope, se_host))?
        })
    }
}
