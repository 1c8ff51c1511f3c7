//! Gateway analyzers: selectors that match no pod, ports the gateway's Service does not
//! expose, missing TLS credentials, conflicting servers, duplicate certificates.

use std::collections::BTreeMap;

use serde_json::Value;

use super::util::*;
use crate::analyze::messages as msg;
use crate::analyze::snapshot::{selects, Workload};
use crate::analyze::{Analyzer, Reporter, Snapshot};
use crate::model::Resource;

fn istio_gateways(snap: &Snapshot) -> impl Iterator<Item = &Resource> {
    snap.istio("Gateway")
}

fn selector_string(sel: &BTreeMap<String, String>) -> String {
    sel.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// Pods (and workload templates) a gateway's selector picks, in any namespace.
fn gateway_pods<'a>(gw: &Resource, snap: &'a Snapshot) -> Vec<&'a Workload> {
    snap.select_workloads(&labels_at(&gw.object, "/spec/selector"))
}

/// The gateway's pods; when a selector matches none, IST0101 is reported and `None` returned.
fn selected_pods_or_report<'a>(
    gw: &Resource,
    snap: &'a Snapshot,
    out: &mut Reporter,
) -> Option<Vec<&'a Workload>> {
    let pods = gateway_pods(gw, snap);
    if pods.is_empty() {
        if !labels_at(&gw.object, "/spec/selector").is_empty() {
            report_missing_selector(gw, out);
        }
        return None;
    }
    Some(pods)
}

/// The field istioctl points selector messages at: the selector's first label (in name
/// order).
fn selector_field(sel: &BTreeMap<String, String>) -> Option<String> {
    sel.keys().next().map(|k| format!("spec.selector[\"{k}\"]"))
}

fn report_missing_selector(gw: &Resource, out: &mut Reporter) {
    let sel = labels_at(&gw.object, "/spec/selector");
    out.report(
        &msg::REFERENCED_RESOURCE_NOT_FOUND,
        Some(gw),
        selector_field(&sel).as_deref(),
        &["selector".into(), selector_string(&sel).into()],
    );
}

pub static INGRESS_GATEWAY_PORT: Analyzer = Analyzer {
    name: "gateway.IngressGatewayPortAnalyzer",
    doc: "Checks that a Gateway's selector matches pods and that its server ports are exposed by the Service in front of them",
    inputs: with_workloads!["Gateway", "Service"],
    requires: &[],
    codes: &[&msg::REFERENCED_RESOURCE_NOT_FOUND, &msg::GATEWAY_PORT_NOT_DEFINED_ON_SERVICE],
    run: ingress_gateway_port,
};

fn ingress_gateway_port(snap: &Snapshot, out: &mut Reporter) {
    for gw in istio_gateways(snap) {
        let Some(pods) = selected_pods_or_report(gw, snap, out) else {
            continue;
        };
        let mut exposed = std::collections::BTreeSet::new();
        let mut namespaces: Vec<&str> = pods.iter().map(|p| p.namespace.as_str()).collect();
        namespaces.sort();
        namespaces.dedup();
        for svc in namespaces.iter().flat_map(|n| snap.of_in("", "Service", n)) {
            let sel = labels_at(&svc.object, "/spec/selector");
            if sel.is_empty() {
                continue;
            }
            if pods
                .iter()
                .any(|p| p.namespace == ns(svc) && selects(&sel, &p.labels))
            {
                // The gateway listens on the pod's port: a Service exposes it by
                // targetPort (which defaults to the port).
                for port in array_at(&svc.object, "/spec/ports") {
                    let number = port.get("port").and_then(Value::as_i64);
                    let target = port.get("targetPort").and_then(Value::as_i64).or(number);
                    exposed.extend(number);
                    exposed.extend(target);
                }
            }
        }
        for server in array_at(&gw.object, "/spec/servers") {
            let Some(number) = server.pointer("/port/number").and_then(Value::as_i64) else {
                continue;
            };
            if !exposed.contains(&number) {
                let sel = labels_at(&gw.object, "/spec/selector");
                out.report(
                    &msg::GATEWAY_PORT_NOT_DEFINED_ON_SERVICE,
                    Some(gw),
                    selector_field(&sel).as_deref(),
                    &[number.into(), selector_string(&sel).into()],
                );
            }
        }
    }
}

pub static SECRET: Analyzer = Analyzer {
    name: "gateway.SecretAnalyzer",
    doc: "Checks that the TLS credentialName of a Gateway server names a Secret in the namespace of the gateway's pods",
    inputs: with_workloads!["Gateway", "Secret"],
    requires: &[],
    codes: &[&msg::REFERENCED_RESOURCE_NOT_FOUND, &msg::INVALID_GATEWAY_CREDENTIAL],
    run: secret,
};

fn secret(snap: &Snapshot, out: &mut Reporter) {
    for gw in istio_gateways(snap) {
        let Some(pods) = selected_pods_or_report(gw, snap, out) else {
            continue;
        };
        let gw_ns = pods[0].namespace.clone();
        for (i, server) in array_at(&gw.object, "/spec/servers").iter().enumerate() {
            let Some(cred) = server
                .pointer("/tls/credentialName")
                .and_then(Value::as_str)
            else {
                continue;
            };
            let (secret_ns, secret_name) = match cred.split_once('/') {
                Some((n, s)) => (n.to_string(), s),
                None => (gw_ns.clone(), cred),
            };
            match snap.find("", "Secret", &secret_ns, secret_name) {
                None => out.report(
                    &msg::REFERENCED_RESOURCE_NOT_FOUND,
                    Some(gw),
                    Some(&format!("spec.servers[{i}].tls.credentialName")),
                    &["credentialName".into(), cred.into()],
                ),
                Some(secret) if !valid_tls_secret(secret, server) => out.report(
                    &msg::INVALID_GATEWAY_CREDENTIAL,
                    Some(gw),
                    Some(&format!("spec.servers[{i}].tls.credentialName")),
                    &[gw.name().into(), ns(gw).into()],
                ),
                Some(_) => {}
            }
        }
    }
}

fn valid_tls_secret(secret: &Resource, server: &Value) -> bool {
    let data = secret.object.get("data").and_then(Value::as_object);
    let has = |k: &str| data.is_some_and(|d| d.contains_key(k));
    let generic = has("key") && has("cert");
    let kube_tls = has("tls.key") && has("tls.crt");
    let mutual = server.pointer("/tls/mode").and_then(Value::as_str) == Some("MUTUAL");
    if data.is_none() {
        // A Secret without data in a file is a reference placeholder; do not judge it.
        return true;
    }
    (generic || kube_tls) && (!mutual || has("cacert") || has("ca.crt") || has("tls.crt"))
}

pub static CONFLICTING_GATEWAY: Analyzer = Analyzer {
    name: "gateway.ConflictingGatewayAnalyzer",
    doc: "Checks that Gateways selecting the same workload do not define the same port with overlapping hosts",
    inputs: &["Gateway", "Pod"],
    requires: &[],
    codes: &[&msg::REFERENCED_RESOURCE_NOT_FOUND, &msg::CONFLICTING_GATEWAYS],
    run: conflicting_gateway,
};

fn conflicting_gateway(snap: &Snapshot, out: &mut Reporter) {
    // (selector, port) -> [(gateway, hosts)]
    type Servers<'a> = Vec<(&'a Resource, Vec<String>)>;
    let mut by_key: BTreeMap<(String, i64), Servers> = BTreeMap::new();
    for gw in istio_gateways(snap) {
        let sel = selector_string(&labels_at(&gw.object, "/spec/selector"));
        for server in array_at(&gw.object, "/spec/servers") {
            let Some(port) = server.pointer("/port/number").and_then(Value::as_i64) else {
                continue;
            };
            let hosts: Vec<String> = strings(server.get("hosts"))
                .into_iter()
                .map(|h| h.split_once('/').map(|(_, h)| h.to_string()).unwrap_or(h))
                .collect();
            by_key
                .entry((sel.clone(), port))
                .or_default()
                .push((gw, hosts));
        }
    }
    for ((sel, port), entries) in by_key {
        for (i, (gw, hosts)) in entries.iter().enumerate() {
            let mut others = Vec::new();
            let mut shared = Vec::new();
            for (j, (other, other_hosts)) in entries.iter().enumerate() {
                if i == j || std::ptr::eq(*gw, *other) {
                    continue;
                }
                let overlap: Vec<String> = hosts
                    .iter()
                    .filter(|h| other_hosts.iter().any(|o| hosts_overlap(h, o)))
                    .cloned()
                    .collect();
                if !overlap.is_empty() {
                    others.push(qualified(other));
                    shared.extend(overlap);
                }
            }
            if !others.is_empty() {
                others.sort();
                others.dedup();
                shared.sort();
                shared.dedup();
                out.report(
                    &msg::CONFLICTING_GATEWAYS,
                    Some(gw),
                    None,
                    &[
                        others.join(",").into(),
                        sel.clone().into(),
                        port.to_string().into(),
                        shared.into(),
                    ],
                );
            }
        }
    }
}

pub static CERTIFICATE: Analyzer = Analyzer {
    name: "gateway.CertificateAnalyzer",
    doc: "Checks that a Gateway does not serve the same TLS certificate as a Gateway its selector also selects",
    inputs: &["Gateway"],
    requires: &[],
    codes: &[&msg::GATEWAY_DUPLICATE_CERTIFICATE],
    run: certificate,
};

fn certificate(snap: &Snapshot, out: &mut Reporter) {
    let gateways: Vec<&Resource> = istio_gateways(snap).collect();
    for gw in &gateways {
        let selector = labels_at(&gw.object, "/spec/selector");
        let servers = array_at(&gw.object, "/spec/servers");
        for other in &gateways {
            let other_selector = labels_at(&other.object, "/spec/selector");
            let selected = selector
                .iter()
                .all(|(k, v)| other_selector.get(k) == Some(v));
            if std::ptr::eq(*gw, *other) || !selected {
                continue;
            }
            let other_servers = array_at(&other.object, "/spec/servers");
            for server in servers {
                for other_server in other_servers {
                    let (Some(a), Some(b)) = (server_tls(server), server_tls(other_server)) else {
                        continue;
                    };
                    if same_certificate(a, b) {
                        let names = format!("[{} {}]", qualified(gw), qualified(other));
                        out.report(
                            &msg::GATEWAY_DUPLICATE_CERTIFICATE,
                            Some(gw),
                            Some("metadata.name"),
                            &[names.into()],
                        );
                    }
                }
            }
        }
    }
}

/// A server's TLS settings, when it has some.
fn server_tls(server: &Value) -> Option<&Value> {
    server.get("tls").filter(|t| !t.is_null())
}

/// Two server TLS settings serve the same certificate: the same `credentialName`, or
/// (neither having one) the same certificate file and the same key file.
fn same_certificate(a: &Value, b: &Value) -> bool {
    let field = |tls: &Value, key: &str| {
        tls.get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let (credential_a, credential_b) = (field(a, "credentialName"), field(b, "credentialName"));
    if !credential_a.is_empty() && !credential_b.is_empty() {
        return credential_a == credential_b;
    }
    if !credential_a.is_empty() || !credential_b.is_empty() {
        return false;
    }
    let set_and_equal = |key: &str| {
        let (x, y) = (field(a, key), field(b, key));
        !x.is_empty() && x == y
    };
    set_and_equal("serverCertificate") && set_and_equal("privateKey")
}
