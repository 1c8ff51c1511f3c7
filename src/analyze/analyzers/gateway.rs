//! Gateway analyzers: selectors that match no pod, ports the gateway's Service does not
//! expose, missing TLS credentials, conflicting servers, duplicate certificates.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::gateway_hosts::ServerGroup;
use super::util::*;
use crate::analyze::messages as msg;
use crate::analyze::snapshot::{selects, Workload};
use crate::analyze::{Analyzer, Reporter, Snapshot};
use crate::model::{tls_secret, Resource};

fn istio_gateways(snap: &Snapshot) -> impl Iterator<Item = &Resource> {
    snap.istio("Gateway")
}

fn selector_string(sel: &BTreeMap<String, String>) -> String {
    sel.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// The pods a gateway's selector picks, in any namespace (every pod for no selector).
fn gateway_pods<'a>(gw: &Resource, snap: &'a Snapshot) -> Vec<&'a Workload> {
    let sel = labels_at(&gw.object, "/spec/selector");
    let pods = snap.workloads().iter().filter(|w| w.is_pod);
    pods.filter(|w| selects(&sel, &w.labels)).collect()
}

/// The gateway's pods; when its selector matches none, IST0101 is reported and `None`
/// returned.
fn selected_pods_or_report<'a>(
    gw: &Resource,
    snap: &'a Snapshot,
    out: &mut Reporter,
) -> Option<Vec<&'a Workload>> {
    let pods = gateway_pods(gw, snap);
    if pods.is_empty() {
        report_missing_selector(gw, out);
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
        let exposed = exposed_ports(snap, &pods);
        for server in array_at(&gw.object, "/spec/servers") {
            let Some(port) = server.get("port").filter(|p| !p.is_null()) else {
                continue;
            };
            let number = port.get("number").and_then(Value::as_i64).unwrap_or(0);
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

/// The ports a gateway's pods listen on for the Services in front of them, as Istio
/// counts them: each TCP port of a Service in a pod's namespace that selects the pod (no
/// selector selects all), by its numeric targetPort, and by its port when the targetPort
/// is unset, zero or a name.
fn exposed_ports(snap: &Snapshot, pods: &[&Workload]) -> std::collections::BTreeSet<i64> {
    let mut exposed = std::collections::BTreeSet::new();
    for pod in pods {
        for svc in snap.of_in("", "Service", &pod.namespace) {
            if !selects(&labels_at(&svc.object, "/spec/selector"), &pod.labels) {
                continue;
            }
            for port in array_at(&svc.object, "/spec/ports") {
                if str_at(port, "/protocol") != Some("TCP") {
                    continue;
                }
                let number = port.get("port").and_then(Value::as_i64).unwrap_or(0);
                let target = match port.get("targetPort") {
                    Some(Value::Number(n)) => n.as_i64().unwrap_or(0),
                    Some(Value::String(s)) => s.parse().unwrap_or(0),
                    _ => 0,
                };
                // The port counts as well as its targetPort (Istio keeps the mapping).
                exposed.insert(number);
                if target != 0 {
                    exposed.insert(target);
                }
            }
        }
    }
    exposed
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
        // The namespace of the gateway's workload (the first pod selected), not the Gateway's.
        let gw_ns = pods[0].namespace.clone();
        for (i, server) in array_at(&gw.object, "/spec/servers").iter().enumerate() {
            let cred = str_at(server, "/tls/credentialName").unwrap_or("");
            if cred.is_empty() {
                continue;
            }
            let (secret_ns, secret_name) = match cred.split_once('/') {
                Some((n, s)) => (n.to_string(), s),
                None => (gw_ns.clone(), cred),
            };
            let field = format!("spec.servers[{i}].tls.credentialName");
            match snap.find("", "Secret", &secret_ns, secret_name) {
                None => out.report(
                    &msg::REFERENCED_RESOURCE_NOT_FOUND,
                    Some(gw),
                    Some(&field),
                    &["credentialName".into(), cred.into()],
                ),
                Some(secret) => {
                    let now = std::time::SystemTime::now();
                    if tls_secret::certificate_error(&secret.object, now).is_some() {
                        out.report(
                            &msg::INVALID_GATEWAY_CREDENTIAL,
                            Some(gw),
                            Some(&field),
                            &[gw.name().into(), gw_ns.clone().into()],
                        );
                    }
                }
            }
        }
    }
}

pub static CONFLICTING_GATEWAY: Analyzer = Analyzer {
    name: "gateway.ConflictingGatewayAnalyzer",
    doc: "Checks that Gateways selecting the same workload do not define the same port with overlapping hosts",
    inputs: with_workloads!["Gateway"],
    requires: &[],
    codes: &[&msg::REFERENCED_RESOURCE_NOT_FOUND, &msg::CONFLICTING_GATEWAYS],
    run: conflicting_gateway,
};

/// For each (selector text, port): the gateways with a server there.
type ServerTable = BTreeMap<(String, String), ServerGroup>;

fn conflicting_gateway(snap: &Snapshot, out: &mut Reporter) {
    let mut table: ServerTable = BTreeMap::new();
    for gw in istio_gateways(snap) {
        let sel = selector_string(&labels_at(&gw.object, "/spec/selector"));
        for server in array_at(&gw.object, "/spec/servers") {
            let key = (sel.clone(), server_port(server));
            let group = table.entry(key).or_default();
            group.declare(&qualified(gw), &server_hosts(server), server_bind(server));
        }
    }
    for gw in istio_gateways(snap) {
        let own = labels_at(&gw.object, "/spec/selector");
        let sel = selector_string(&own);
        let same_pods: Vec<(String, String)> = table
            .keys()
            .filter(|(other, _)| selectors_share_pods(snap, &own, &sel, other))
            .cloned()
            .collect();
        if !sel.is_empty() && same_pods.is_empty() {
            report_missing_selector(gw, out);
            continue;
        }
        let name = qualified(gw);
        for server in array_at(&gw.object, "/spec/servers") {
            let port = server_port(server);
            let hosts = server_hosts(server);
            let mut conflicts = Vec::new();
            for key in same_pods.iter().filter(|(_, p)| *p == port) {
                if let Some(group) = table.get_mut(key) {
                    conflicts.extend(group.check(&name, &hosts, server_bind(server)));
                }
            }
            if !conflicts.is_empty() {
                conflicts.sort();
                out.report(
                    &msg::CONFLICTING_GATEWAYS,
                    Some(gw),
                    None,
                    &[
                        conflicts.join(",").into(),
                        sel.clone().into(),
                        port.into(),
                        hosts.join(",").into(),
                    ],
                );
            }
        }
    }
}

fn server_port(server: &Value) -> String {
    server
        .pointer("/port/number")
        .and_then(Value::as_i64)
        .unwrap_or(0)
        .to_string()
}

fn server_hosts(server: &Value) -> Vec<String> {
    strings(server.get("hosts"))
}

fn server_bind(server: &Value) -> &str {
    str_at(server, "/bind").unwrap_or("")
}

/// Whether two gateway selectors (as text) pick the same workload: the same text, or one
/// text inside the other and some pod selected by both.
fn selectors_share_pods(
    snap: &Snapshot,
    own: &BTreeMap<String, String>,
    own_text: &str,
    other_text: &str,
) -> bool {
    if own_text == other_text {
        return true;
    }
    if !(other_text.contains(own_text) || own_text.contains(other_text)) {
        return false;
    }
    let other: BTreeMap<String, String> = other_text
        .split(',')
        .filter_map(|pair| {
            let parts: Vec<&str> = pair.split('=').collect();
            (parts.len() == 2).then(|| (parts[0].to_string(), parts[1].to_string()))
        })
        .collect();
    snap.workloads()
        .iter()
        .filter(|w| w.is_pod)
        .any(|w| selects(own, &w.labels) && selects(&other, &w.labels))
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
    let selectors: Vec<BTreeMap<String, String>> = gateways
        .iter()
        .map(|gw| labels_at(&gw.object, "/spec/selector"))
        .collect();
    // Gateways are compared only with those serving the same certificate, so the work
    // follows the number of sharing pairs rather than the square of all gateways.
    let mut sharing: BTreeMap<Certificate, BTreeSet<usize>> = BTreeMap::new();
    for (i, gw) in gateways.iter().enumerate() {
        for server in array_at(&gw.object, "/spec/servers") {
            if let Some(cert) = server_tls(server).and_then(certificate_of) {
                sharing.entry(cert).or_default().insert(i);
            }
        }
    }
    for holders in sharing.values().filter(|h| h.len() > 1) {
        for &i in holders {
            let also_selected = |j: &&usize| {
                **j != i
                    && selectors[i]
                        .iter()
                        .all(|(k, v)| selectors[**j].get(k) == Some(v))
            };
            for &j in holders.iter().filter(also_selected) {
                let names = format!("[{} {}]", qualified(gateways[i]), qualified(gateways[j]));
                out.report(
                    &msg::GATEWAY_DUPLICATE_CERTIFICATE,
                    Some(gateways[i]),
                    Some("metadata.name"),
                    &[names.into()],
                );
            }
        }
    }
}

/// A server's TLS settings, when it has some.
fn server_tls(server: &Value) -> Option<&Value> {
    server.get("tls").filter(|t| !t.is_null())
}

/// What makes two servers serve the same certificate: the same `credentialName`, or
/// (neither having one) the same certificate file and the same key file.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Certificate {
    Credential(String),
    Files(String, String),
}

fn certificate_of(tls: &Value) -> Option<Certificate> {
    let field = |key: &str| tls.get(key).and_then(Value::as_str).unwrap_or("");
    let credential = field("credentialName");
    if !credential.is_empty() {
        return Some(Certificate::Credential(credential.to_string()));
    }
    let (cert, key) = (field("serverCertificate"), field("privateKey"));
    (!cert.is_empty() && !key.is_empty())
        .then(|| Certificate::Files(cert.to_string(), key.to_string()))
}
