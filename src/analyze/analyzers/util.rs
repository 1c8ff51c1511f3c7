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

/// The protocol Istio gives a Kubernetes Service port (its `ConvertProtocol`): UDP by the
/// port's protocol; else by `appProtocol` when set (Kubernetes' `kubernetes.io/h2c`, `ws`,
/// `wss` names included), else by the port name's prefix before `-` (`grpc-web` whole);
/// an unknown name is TCP on the ports Istio does not sniff (SMTP, DNS, MySQL, MongoDB) and
/// `UNSUPPORTED` elsewhere.
pub fn port_protocol(port: &Value) -> &'static str {
    if port.get("protocol").and_then(Value::as_str) == Some("UDP") {
        return "UDP";
    }
    let name = match port.get("appProtocol").and_then(Value::as_str) {
        Some("kubernetes.io/h2c") => return "HTTP2",
        Some("kubernetes.io/ws") => return "HTTP",
        Some("kubernetes.io/wss") => return "HTTPS",
        Some(app) => app,
        None => port.get("name").and_then(Value::as_str).unwrap_or(""),
    };
    if name
        .get(..8)
        .is_some_and(|p| p.eq_ignore_ascii_case("grpc-web"))
    {
        return "GRPC-Web";
    }
    let prefix = name.split('-').next().unwrap_or("");
    let parsed = crate::model::validate::parse_protocol(prefix).unwrap_or("UNSUPPORTED");
    let number = port.get("port").and_then(Value::as_i64).unwrap_or(0);
    if parsed == "UNSUPPORTED" && matches!(number, 25 | 53 | 3306 | 27017) {
        return "TCP";
    }
    parsed
}

/// A Service port's `targetPort` as Kubernetes prints it: the number or name, `0` unset.
pub fn target_port_text(port: &Value) -> String {
    match port.get("targetPort") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => "0".to_string(),
    }
}

/// Whether a workload is in the mesh as Istio's analyzers judge it: it has the proxy (an
/// `istio-proxy` container with an image), else its `sidecar.istio.io/inject` label, else
/// that annotation, says `true`, else its Namespace (when known) has `istio-injection:
/// enabled`.
pub fn in_mesh<'a>(
    snap: &Snapshot,
    namespace: &str,
    meta: &Value,
    containers: impl IntoIterator<Item = &'a Value>,
) -> bool {
    let has_proxy = containers
        .into_iter()
        .find(|c| c.get("name").and_then(Value::as_str) == Some("istio-proxy"))
        .and_then(|c| c.get("image").and_then(Value::as_str))
        .is_some_and(|image| !image.is_empty());
    if has_proxy {
        return true;
    }
    for pointer in [
        "/labels/sidecar.istio.io~1inject",
        "/annotations/sidecar.istio.io~1inject",
    ] {
        if let Some(v) = meta.pointer(pointer) {
            return v.as_str() == Some("true");
        }
    }
    snap.find("", "Namespace", "", namespace).is_some_and(|ns| {
        ns.labels()
            .and_then(|l| l.get("istio-injection"))
            .and_then(Value::as_str)
            == Some("enabled")
    })
}

/// Whether a resource is Istio's own control plane by its labels (`istio`, or `release:
/// istio`).
pub fn is_istio_control_plane(r: &Resource) -> bool {
    r.labels().is_some_and(|l| {
        l.contains_key("istio") || l.get("release").and_then(Value::as_str) == Some("istio")
    })
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
    /// For a Kubernetes Service with a selector: the namespace and selector of the pods
    /// that are its endpoints (Istio's table does not keep them; skiff's subset check does).
    pub endpoint_pods: Option<(String, BTreeMap<String, String>)>,
}

/// Istio's table of service hosts by the namespace that sees them (`*` for all): every
/// ServiceEntry host per `exportTo`, every Service per its `networking.istio.io/exportTo`
/// annotation; a later entry for the same (scope, host) replaces the earlier one.
pub struct ServiceHosts {
    services: Vec<MeshService>,
    scoped: std::collections::HashMap<(String, String), usize>,
    /// The (scope, host) keys with a wildcard host (`*.suffix`), in the order first
    /// added: the only ones the suffix scan can match.
    wildcard_keys: Vec<(String, String)>,
}

impl ServiceHosts {
    pub fn new(snap: &Snapshot) -> Self {
        let mut table = ServiceHosts {
            services: Vec::new(),
            scoped: Default::default(),
            wildcard_keys: Vec::new(),
        };
        for se in snap.istio("ServiceEntry") {
            let ports = array_at(&se.object, "/spec/ports")
                .iter()
                .map(|p| p.get("number").and_then(Value::as_i64).unwrap_or(0))
                .collect();
            let workload_selector = labels_at(&se.object, "/spec/workloadSelector/labels");
            let i = table.push(ports, workload_selector, None);
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
            let selector = labels_at(&svc.object, "/spec/selector");
            let endpoint_pods = (!selector.is_empty()).then(|| (ns(svc).to_string(), selector));
            let i = table.push(ports, BTreeMap::new(), endpoint_pods);
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

    fn push(
        &mut self,
        ports: Vec<i64>,
        workload_selector: BTreeMap<String, String>,
        endpoint_pods: Option<(String, BTreeMap<String, String>)>,
    ) -> usize {
        self.services.push(MeshService {
            ports,
            workload_selector,
            endpoint_pods,
        });
        self.services.len() - 1
    }

    fn insert(&mut self, scope: &str, fqdn: &str, service: usize) {
        let key = (scope.to_string(), fqdn.to_string());
        if self.scoped.insert(key.clone(), service).is_none() && fqdn.starts_with('*') {
            self.wildcard_keys.push(key);
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
        self.wildcard_keys.iter().find_map(|(scope, se_host)| {
            let suffix = se_host.strip_prefix('*')?;
            let visible = scope == "*" || scope == source_ns;
            (visible && bare.ends_with(suffix)).then(|| self.get(scope, se_host))?
        })
    }
}
