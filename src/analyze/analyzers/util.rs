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

pub fn visible_in(vis: &Option<BTreeSet<String>>, namespace: &str) -> bool {
    vis.as_ref().is_none_or(|s| s.contains(namespace))
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

/// Hosts of ServiceEntries visible from `from_namespace`, with their resources.
pub fn service_entry_hosts<'a>(
    snap: &'a Snapshot,
    from_namespace: &str,
) -> Vec<(String, &'a Resource)> {
    let mut out = Vec::new();
    for se in snap.istio("ServiceEntry") {
        let vis = visibility(se.object.pointer("/spec/exportTo"), ns(se));
        if !from_namespace.is_empty()
            && !visible_in(&vis, from_namespace)
            && ns(se) != from_namespace
        {
            continue;
        }
        for h in strings(se.object.pointer("/spec/hosts")) {
            out.push((fqdn(&h, ns(se)), se));
        }
    }
    out
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
