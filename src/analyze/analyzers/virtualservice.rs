//! VirtualService analyzers: destination hosts and subsets, gateway references and hosts,
//! conflicting mesh hosts, JWT claim routes.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::Value;

use super::util::*;
use crate::analyze::messages as msg;
use crate::analyze::{Analyzer, Reporter, Snapshot};
use crate::model::validate::virtual_service;
use crate::model::Resource;

/// A route destination of a VirtualService.
pub struct RouteDestination<'a> {
    /// The field istioctl points messages about this destination at: its host — for an
    /// entry of `mirrors`, istioctl's path `mirrors[j].host`, which names no field (the
    /// host is under `destination`), so those messages get the resource's line.
    pub host_field: String,
    pub destination: &'a Value,
    pub is_mirror: bool,
}

/// Every route destination (tcp, tls, then http routes) and http mirror of a
/// VirtualService, as Istio's analyzers list them; a route or mirror without a
/// destination counts, with no host.
pub fn destinations(vs: &Resource) -> Vec<RouteDestination<'_>> {
    static NONE: Value = Value::Null;
    let mut out = Vec::new();
    let Some(spec) = vs.spec() else { return out };
    for section in ["tcp", "tls", "http"] {
        for (i, route) in array_at(spec, &format!("/{section}")).iter().enumerate() {
            for (j, r) in array_at(route, "/route").iter().enumerate() {
                out.push(RouteDestination {
                    host_field: format!("spec.{section}[{i}].route[{j}].destination.host"),
                    destination: r.get("destination").unwrap_or(&NONE),
                    is_mirror: false,
                });
            }
        }
    }
    for (i, route) in array_at(spec, "/http").iter().enumerate() {
        if let Some(d) = route.get("mirror").filter(|m| !m.is_null()) {
            out.push(RouteDestination {
                host_field: format!("spec.http[{i}].mirror.host"),
                destination: d,
                is_mirror: true,
            });
        }
        for (j, m) in array_at(route, "/mirrors").iter().enumerate() {
            out.push(RouteDestination {
                host_field: format!("spec.http[{i}].mirrors[{j}].host"),
                destination: m.get("destination").unwrap_or(&NONE),
                is_mirror: true,
            });
        }
    }
    out
}

fn gateways(vs: &Resource) -> Vec<String> {
    strings(vs.object.pointer("/spec/gateways"))
}

fn is_mesh_bound(vs: &Resource) -> bool {
    let g = gateways(vs);
    g.is_empty() || g.iter().any(|x| x == "mesh")
}

// ---------------------------------------------------------------- DestinationHostAnalyzer

pub static DESTINATION_HOST: Analyzer = Analyzer {
    name: "virtualservice.DestinationHostAnalyzer",
    doc: "Checks that VirtualService destination hosts exist as Services or ServiceEntries, and that a port is given when the Service has several",
    inputs: &["VirtualService", "Service", "ServiceEntry"],
    requires: &["Service"],
    codes: &[&msg::REFERENCED_RESOURCE_NOT_FOUND, &msg::VIRTUAL_SERVICE_DESTINATION_PORT_SELECTOR_REQUIRED, &msg::INGRESS_ROUTE_RULES_NOT_AFFECTED],
    run: destination_host,
};

fn destination_host(snap: &Snapshot, out: &mut Reporter) {
    let hosts = ServiceHosts::new(snap);
    // Read once for every VirtualService bound to a gateway (not once per such service).
    let by_subset = std::sync::OnceLock::new();
    for vs in snap.istio("VirtualService") {
        let export_to = strings(vs.object.pointer("/spec/exportTo"));
        for d in destinations(vs) {
            let host = d
                .destination
                .get("host")
                .and_then(Value::as_str)
                .unwrap_or("");
            match hosts.lookup(ns(vs), &export_to, host) {
                Some(service) => check_destination_port(vs, &d, host, service, out),
                None => {
                    let what = if d.is_mirror { "mirror host" } else { "host" };
                    out.report(
                        &msg::REFERENCED_RESOURCE_NOT_FOUND,
                        Some(vs),
                        Some(&d.host_field),
                        &[what.into(), host.into()],
                    );
                }
            }
        }
        if !gateways(vs).is_empty() {
            let by_subset = by_subset.get_or_init(|| subset_routed_hosts(snap));
            ingress_route_rules_not_affected(vs, by_subset, out);
        }
    }
}

/// A destination without a port needs one when its service has several; a destination
/// port must be one of the service's.
fn check_destination_port(
    vs: &Resource,
    d: &RouteDestination,
    host: &str,
    service: &MeshService,
    out: &mut Reporter,
) {
    match d.destination.get("port").filter(|p| !p.is_null()) {
        None if service.ports.len() > 1 => {
            let numbers: Vec<String> = service.ports.iter().map(i64::to_string).collect();
            out.report(
                &msg::VIRTUAL_SERVICE_DESTINATION_PORT_SELECTOR_REQUIRED,
                Some(vs),
                Some(&d.host_field),
                &[host.into(), numbers.into()],
            );
        }
        None => {}
        Some(port) => {
            let number = port.get("number").and_then(Value::as_i64).unwrap_or(0);
            if !service.ports.contains(&number) {
                out.report(
                    &msg::REFERENCED_RESOURCE_NOT_FOUND,
                    Some(vs),
                    Some(&d.host_field),
                    &["host:port".into(), format!("{host}:{number}").into()],
                );
            }
        }
    }
}

/// A gateway-bound VirtualService routing to a host without a subset, where another
/// VirtualService routes that host (one of its own hosts) by subset: Istio warns that the
/// other's subset rules do not apply to ingress traffic.
/// `by_subset`: `subset_routed_hosts` of the snapshot.
fn ingress_route_rules_not_affected(
    vs: &Resource,
    by_subset: &HashMap<String, Vec<String>>,
    out: &mut Reporter,
) {
    for (i, rule) in array_at(&vs.object, "/spec/http").iter().enumerate() {
        let rule_name = rule.get("name").and_then(Value::as_str).unwrap_or("");
        for (j, route) in array_at(rule, "/route").iter().enumerate() {
            let destination = route.get("destination");
            let subset = destination
                .and_then(|d| d.get("subset"))
                .and_then(Value::as_str);
            if !subset.unwrap_or("").is_empty() {
                continue;
            }
            let host = destination
                .and_then(|d| d.get("host"))
                .and_then(Value::as_str)
                .unwrap_or("");
            for other in by_subset.get(host).into_iter().flatten() {
                // Istio names the rule where it means the section: the path finds no
                // field unless a rule is named like one, and the resource's line shows.
                out.report(
                    &msg::INGRESS_ROUTE_RULES_NOT_AFFECTED,
                    Some(vs),
                    Some(&format!(
                        "spec.{rule_name}[{i}].route[{j}].destination.host"
                    )),
                    &[other.clone().into(), qualified(vs).into()],
                );
            }
        }
    }
}

/// For each host, the VirtualServices (`ns/name`) whose http routes send to it by subset
/// where the host is one of their own hosts, written the same way (a VirtualService once
/// per such route and own host).
fn subset_routed_hosts(snap: &Snapshot) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for vs in snap.istio("VirtualService") {
        let own_hosts = strings(vs.object.pointer("/spec/hosts"));
        let mut routed = Vec::new();
        for rule in array_at(&vs.object, "/spec/http") {
            for route in array_at(rule, "/route") {
                let Some(d) = route.get("destination") else {
                    continue;
                };
                if d.get("subset")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .is_empty()
                {
                    continue;
                }
                let host = d.get("host").and_then(Value::as_str).unwrap_or("");
                for _ in own_hosts.iter().filter(|h| h.as_str() == host) {
                    routed.push(host.to_string());
                }
            }
        }
        if !routed.is_empty() {
            let name = qualified(vs);
            for host in routed {
                out.entry(host).or_default().push(name.clone());
            }
        }
    }
    out
}

// ---------------------------------------------------------------- DestinationRuleAnalyzer

pub static DESTINATION_RULE: Analyzer = Analyzer {
    name: "virtualservice.DestinationRuleAnalyzer",
    doc: "Checks that every subset a VirtualService routes to is defined by a DestinationRule for that host",
    inputs: &["VirtualService", "DestinationRule"],
    requires: &[],
    codes: &[&msg::REFERENCED_RESOURCE_NOT_FOUND],
    run: destination_rule,
};

fn destination_rule(snap: &Snapshot, out: &mut Reporter) {
    let mut defined: HashSet<(String, String, String)> = HashSet::new();
    for dr in snap.istio("DestinationRule") {
        let host = str_at(&dr.object, "/spec/host").unwrap_or("");
        let (namespace, name) = resource_name_of_host(ns(dr), host);
        for subset in array_at(&dr.object, "/spec/subsets") {
            let subset = subset.get("name").and_then(Value::as_str).unwrap_or("");
            defined.insert((namespace.clone(), name.clone(), subset.to_string()));
        }
    }
    for vs in snap.istio("VirtualService") {
        for d in destinations(vs) {
            let subset = d
                .destination
                .get("subset")
                .and_then(Value::as_str)
                .unwrap_or("");
            if subset.is_empty() {
                continue;
            }
            let host = d
                .destination
                .get("host")
                .and_then(Value::as_str)
                .unwrap_or("");
            let (namespace, name) = resource_name_of_host(ns(vs), host);
            if defined.contains(&(namespace, name, subset.to_string())) {
                continue;
            }
            let what = if d.is_mirror {
                "mirror+subset in destinationrule"
            } else {
                "host+subset in destinationrule"
            };
            // As istioctl: the line of the destination's host.
            let field = d.host_field.clone();
            out.report(
                &msg::REFERENCED_RESOURCE_NOT_FOUND,
                Some(vs),
                Some(&field),
                &[what.into(), format!("{host}+{subset}").into()],
            );
        }
    }
}

/// A host read as the (namespace, name) of a Service: `name.ns.svc.cluster.local` (the
/// last label before the suffix is the namespace), else the whole host in `namespace`.
fn resource_name_of_host(namespace: &str, host: &str) -> (String, String) {
    if let Some((name, ns)) = host
        .strip_suffix(".svc.cluster.local")
        .and_then(|rest| rest.rsplit_once('.'))
        .filter(|(name, ns)| !name.is_empty() && !ns.is_empty())
    {
        return (ns.to_string(), name.to_string());
    }
    (namespace.to_string(), host.to_string())
}

// ---------------------------------------------------------------- GatewayAnalyzer

/// Splits a gateway reference into (namespace, name), relative to the VirtualService.
fn gateway_ref<'a>(reference: &'a str, vs_ns: &'a str) -> (&'a str, &'a str) {
    match reference.split_once('/') {
        Some((n, name)) => (n, name),
        None => {
            // `name.namespace` short form of older configs.
            (vs_ns, reference)
        }
    }
}

pub static GATEWAY: Analyzer = Analyzer {
    name: "virtualservice.GatewayAnalyzer",
    doc: "Checks that the gateways a VirtualService binds to exist and serve its hosts",
    inputs: &["VirtualService", "Gateway"],
    requires: &[],
    codes: &[
        &msg::REFERENCED_RESOURCE_NOT_FOUND,
        &msg::VIRTUAL_SERVICE_HOST_NOT_FOUND_IN_GATEWAY,
        &msg::REFERENCED_INTERNAL_GATEWAY,
    ],
    run: gateway,
};

fn gateway(snap: &Snapshot, out: &mut Reporter) {
    for vs in snap.istio("VirtualService") {
        let vs_ns = ns(vs);
        let vs_hosts = strings(vs.object.pointer("/spec/hosts"));
        for (i, reference) in gateways(vs).iter().enumerate() {
            if reference == "mesh" {
                continue;
            }
            let field = format!("spec.gateways[{i}]");
            if reference.contains("~istio-autogenerated-") {
                out.report(
                    &msg::REFERENCED_INTERNAL_GATEWAY,
                    Some(vs),
                    Some(&field),
                    &[qualified(vs).into(), reference.into()],
                );
                continue;
            }
            let (gw_ns, gw_name) = gateway_ref(reference, vs_ns);
            let gw = snap
                .find("networking.istio.io", "Gateway", gw_ns, gw_name)
                .or_else(|| snap.find("gateway.networking.k8s.io", "Gateway", gw_ns, gw_name));
            if gw.is_none() {
                out.report(
                    &msg::REFERENCED_RESOURCE_NOT_FOUND,
                    Some(vs),
                    Some(&field),
                    &["gateway".into(), reference.into()],
                );
            }
            // As Istio: the VirtualService's hosts as written against the hosts the
            // gateway offers its namespace; a missing gateway serves none.
            let gw_hosts = gw.map(|g| gateway_hosts(g, vs_ns)).unwrap_or_default();
            let matched = vs_hosts
                .iter()
                .any(|vh| gw_hosts.iter().any(|gh| hosts_overlap(gh, vh)));
            if !matched {
                // The gateway's full name, as Istio prints one: no namespace, no slash.
                let gateway = if gw_ns.is_empty() {
                    gw_name.to_string()
                } else {
                    format!("{gw_ns}/{gw_name}")
                };
                out.report(
                    &msg::VIRTUAL_SERVICE_HOST_NOT_FOUND_IN_GATEWAY,
                    Some(vs),
                    Some(&field),
                    &[
                        vs_hosts.clone().into(),
                        qualified(vs).into(),
                        gateway.into(),
                    ],
                );
            }
        }
    }
}

/// Hosts a gateway serves to VirtualServices of `vs_ns` (`ns/host` filters honoured).
fn gateway_hosts(gw: &Resource, vs_ns: &str) -> Vec<String> {
    let mut out = Vec::new();
    if gw.gvk.group == "gateway.networking.k8s.io" {
        for l in array_at(&gw.object, "/spec/listeners") {
            out.push(
                l.get("hostname")
                    .and_then(Value::as_str)
                    .unwrap_or("*")
                    .to_string(),
            );
        }
        return out;
    }
    for server in array_at(&gw.object, "/spec/servers") {
        for h in strings(server.get("hosts")) {
            let (filter, host) = match h.split_once('/') {
                Some((f, h)) => (Some(f.to_string()), h.to_string()),
                None => (None, h),
            };
            let allowed = match filter.as_deref() {
                None | Some("*") => true,
                Some(".") => ns(gw) == vs_ns,
                Some(f) => f == vs_ns,
            };
            if allowed {
                out.push(host);
            }
        }
    }
    out
}

// ---------------------------------------------------------------- ConflictingMeshGatewayHostsAnalyzer

pub static CONFLICTING_MESH_GATEWAY_HOSTS: Analyzer = Analyzer {
    name: "virtualservice.ConflictingMeshGatewayHostsAnalyzer",
    doc: "Checks that no two VirtualServices bound to the mesh gateway and visible to the same namespace define the same host",
    inputs: &["VirtualService"],
    requires: &[],
    codes: &[&msg::CONFLICTING_MESH_GATEWAY_VIRTUAL_SERVICE_HOSTS],
    run: conflicting_mesh_gateway_hosts,
};

fn conflicting_mesh_gateway_hosts(snap: &Snapshot, out: &mut Reporter) {
    // Hosts by visibility scope: `*/<fqdn>` when exported everywhere, else
    // `<namespace>/<fqdn>` per namespace exported to.
    let mut scoped: BTreeMap<String, Vec<&Resource>> = BTreeMap::new();
    for vs in snap.istio("VirtualService").filter(|v| is_mesh_bound(v)) {
        let export_to = strings(vs.object.pointer("/spec/exportTo"));
        let scopes: std::collections::BTreeSet<String> =
            if export_to.is_empty() || export_to.iter().any(|e| e == "*") {
                ["*".to_string()].into()
            } else {
                export_to
                    .iter()
                    .map(|e| {
                        if e == "." {
                            ns(vs).to_string()
                        } else {
                            e.clone()
                        }
                    })
                    .collect()
            };
        for scope in &scopes {
            for h in strings(vs.object.pointer("/spec/hosts")) {
                scoped
                    .entry(format!("{scope}/{}", fqdn(&h, ns(vs))))
                    .or_default()
                    .push(vs);
            }
        }
    }
    let mut reported = std::collections::HashSet::new();
    for (key, list) in &scoped {
        let (scope, host) = key.split_once('/').unwrap_or(("*", key));
        let mut list = list.clone();
        if scope != "*" {
            // VirtualServices exported everywhere whose host covers this one.
            for (other, resources) in &scoped {
                let (other_scope, other_host) = other.split_once('/').unwrap_or(("", other));
                if other_scope == "*" && virtual_service::host_matches(host, other_host) {
                    list.extend(resources.iter().copied());
                }
            }
        }
        if list.len() < 2 {
            continue;
        }
        let mut names: Vec<String> = list.iter().map(|r| qualified(r)).collect();
        names.sort();
        let names = names.join(",");
        for vs in list {
            if reported.insert(qualified(vs)) {
                out.report(
                    &msg::CONFLICTING_MESH_GATEWAY_VIRTUAL_SERVICE_HOSTS,
                    Some(vs),
                    Some("metadata.name"),
                    &[names.clone().into(), key.clone().into()],
                );
            }
        }
    }
}

// ---------------------------------------------------------------- JWTClaimRouteAnalyzer

pub static JWT_CLAIM_ROUTE: Analyzer = Analyzer {
    name: "virtualservice.JWTClaimRouteAnalyzer",
    doc: "Checks that VirtualServices routing on JWT claims (@request.auth.claims) have a RequestAuthentication for the gateway's pods",
    inputs: &["VirtualService", "Gateway", "RequestAuthentication", "Pod"],
    requires: &[],
    codes: &[&msg::JWT_CLAIM_BASED_ROUTING_WITHOUT_REQUEST_AUTH_N],
    run: jwt_claim_route,
};

fn jwt_claim_route(snap: &Snapshot, out: &mut Reporter) {
    for vs in snap.istio("VirtualService") {
        let Some(key) = claim_key(vs) else { continue };
        for reference in gateways(vs).iter().filter(|g| *g != "mesh") {
            let (gw_ns, gw_name) = gateway_ref(reference, ns(vs));
            let Some(gw) = snap.find("networking.istio.io", "Gateway", gw_ns, gw_name) else {
                continue;
            };
            let selector = labels_at(&gw.object, "/spec/selector");
            for pod in snap
                .workloads()
                .iter()
                .filter(|w| crate::analyze::snapshot::selects(&selector, &w.labels))
            {
                let covered = snap.istio("RequestAuthentication").any(|ra| {
                    let ra_ns = ns(ra);
                    let root = ra_ns == snap.mesh.root_namespace();
                    (ra_ns == pod.namespace || root)
                        && match_labels(&ra.object, "/spec/selector/matchLabels")
                            .is_none_or(|sel| crate::analyze::snapshot::selects(&sel, &pod.labels))
                });
                if !covered {
                    out.report(
                        &msg::JWT_CLAIM_BASED_ROUTING_WITHOUT_REQUEST_AUTH_N,
                        Some(vs),
                        None,
                        &[
                            key.clone().into(),
                            qualified(gw).into(),
                            format!("{}/{}", pod.namespace, pod.name).into(),
                        ],
                    );
                }
            }
        }
    }
}

fn claim_key(vs: &Resource) -> Option<String> {
    for route in array_at(&vs.object, "/spec/http") {
        for m in array_at(route, "/match") {
            for section in ["headers", "withoutHeaders"] {
                if let Some(map) = m.get(section).and_then(Value::as_object) {
                    if let Some(k) = map.keys().find(|k| k.starts_with("@request.auth.claims")) {
                        return Some(k.clone());
                    }
                }
            }
        }
    }
    None
}
