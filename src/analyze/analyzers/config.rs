//! Analyzers of cluster configuration: ServiceEntries, EnvoyFilters, webhooks, external
//! control planes, Gateway API CRD versions, negative conditions, mesh networks.

use std::collections::BTreeMap;

use serde_json::Value;

use super::util::*;
use crate::analyze::messages as msg;
use crate::analyze::{Analyzer, Reporter, Snapshot};
use crate::model::Resource;

pub static SERVICE_ENTRY: Analyzer = Analyzer {
    name: "serviceentry.Analyzer",
    doc: "Checks that ServiceEntries with TCP (or unspecified protocol) ports have addresses, or were allocated some",
    inputs: &["ServiceEntry"],
    requires: &[],
    codes: &[&msg::SERVICE_ENTRY_ADDRESSES_REQUIRED],
    run: service_entry,
};

/// Whether the mesh's proxies capture DNS and allocate addresses to ServiceEntries
/// themselves (`ISTIO_META_DNS_CAPTURE` with `ISTIO_META_DNS_AUTO_ALLOCATE` or
/// `PILOT_ENABLE_IP_AUTOALLOCATE` in the default proxy metadata): then no ServiceEntry
/// needs addresses.
fn proxies_allocate_addresses(snap: &Snapshot) -> bool {
    let metadata = snap
        .mesh
        .default_config
        .as_ref()
        .and_then(|c| c.proxy_metadata.as_ref());
    let on = |key: &str| {
        metadata
            .and_then(|m| m.get(key))
            .is_some_and(|v| v == "true")
    };
    on("ISTIO_META_DNS_CAPTURE")
        && (on("ISTIO_META_DNS_AUTO_ALLOCATE") || on("PILOT_ENABLE_IP_AUTOALLOCATE"))
}

fn service_entry(snap: &Snapshot, out: &mut Reporter) {
    if proxies_allocate_addresses(snap) {
        return;
    }
    for se in snap.istio("ServiceEntry") {
        let has_addresses = !strings(se.object.pointer("/spec/addresses")).is_empty()
            || !array_at(&se.object, "/status/addresses").is_empty();
        if has_addresses {
            continue;
        }
        // One message per TCP port, at the port's name (as istioctl).
        for (i, port) in array_at(&se.object, "/spec/ports").iter().enumerate() {
            let proto = port.get("protocol").and_then(Value::as_str).unwrap_or("");
            if proto.is_empty() || proto.eq_ignore_ascii_case("TCP") {
                out.report(
                    &msg::SERVICE_ENTRY_ADDRESSES_REQUIRED,
                    Some(se),
                    Some(&format!("spec.ports[{i}].name")),
                    &[],
                );
            }
        }
    }
}

pub static CONFLICTING_SERVICE_ENTRY_PROTOCOL: Analyzer = Analyzer {
    name: "serviceentry.ConflictingServiceEntryProtocolAnalyzer",
    doc: "Checks that ServiceEntries visible to the same namespace do not give one host and port different protocols",
    inputs: &["ServiceEntry"],
    requires: &[],
    codes: &[&msg::CONFLICTING_SERVICE_ENTRY_PROTOCOL],
    run: conflicting_service_entry_protocol,
};

fn conflicting_service_entry_protocol(snap: &Snapshot, out: &mut Reporter) {
    type Key = (String, i64);
    let mut by_key: BTreeMap<Key, Vec<(&Resource, String)>> = BTreeMap::new();
    for se in snap.istio("ServiceEntry") {
        for host in strings(se.object.pointer("/spec/hosts")) {
            for p in array_at(&se.object, "/spec/ports") {
                let Some(number) = p.get("number").and_then(Value::as_i64) else {
                    continue;
                };
                let proto = p
                    .get("protocol")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_ascii_uppercase();
                by_key
                    .entry((host.clone(), number))
                    .or_default()
                    .push((se, proto));
            }
        }
    }
    for ((host, port), entries) in by_key {
        for (i, (se, proto)) in entries.iter().enumerate() {
            let vis = visibility(se.object.pointer("/spec/exportTo"), ns(se));
            let conflicting: Vec<&(&Resource, String)> = entries
                .iter()
                .enumerate()
                .filter(|(j, (other, other_proto))| {
                    // A conflict is between ServiceEntries: ports of one entry that
                    // repeat a number are the webhook's business.
                    *j != i
                        && !std::ptr::eq(*other, *se)
                        && other_proto != proto
                        && visibilities_overlap(
                            &vis,
                            &visibility(other.object.pointer("/spec/exportTo"), ns(other)),
                        )
                })
                .map(|(_, e)| e)
                .collect();
            if !conflicting.is_empty() {
                let mut names = vec![qualified(se)];
                let mut protos = vec![proto.clone()];
                for (o, p) in conflicting {
                    names.push(qualified(o));
                    protos.push(p.clone());
                }
                out.report(
                    &msg::CONFLICTING_SERVICE_ENTRY_PROTOCOL,
                    Some(se),
                    None,
                    &[
                        names.join(", ").into(),
                        host.clone().into(),
                        port.into(),
                        protos.join(", ").into(),
                    ],
                );
            }
        }
    }
}

pub static ENVOY_PATCH: Analyzer = Analyzer {
    name: "envoyfilter.EnvoyPatchAnalyzer",
    doc: "Checks EnvoyFilter patches: operations valid for their applyTo, and relative operations only with a priority",
    inputs: &["EnvoyFilter"],
    requires: &[],
    codes: &[&msg::ENVOY_FILTER_USES_RELATIVE_OPERATION, &msg::ENVOY_FILTER_USES_REPLACE_OPERATION_INCORRECTLY, &msg::ENVOY_FILTER_USES_ADD_OPERATION_INCORRECTLY, &msg::ENVOY_FILTER_USES_REMOVE_OPERATION_INCORRECTLY, &msg::ENVOY_FILTER_USES_RELATIVE_OPERATION_WITH_PROXY_VERSION],
    run: envoy_patch,
};

fn envoy_patch(snap: &Snapshot, out: &mut Reporter) {
    let mut versioned_names: Vec<String> = Vec::new();
    for ef in snap.istio("EnvoyFilter") {
        let priority = ef
            .object
            .pointer("/spec/priority")
            .and_then(Value::as_i64)
            .unwrap_or(0);
        for (i, patch) in array_at(&ef.object, "/spec/configPatches")
            .iter()
            .enumerate()
        {
            if patch.get("patch").is_none_or(Value::is_null) {
                break;
            }
            let name = patched_name(patch);
            let apply_to = patch.get("applyTo").and_then(Value::as_str).unwrap_or("");
            let op = patch
                .pointer("/patch/operation")
                .and_then(Value::as_str)
                .unwrap_or("");
            // As istioctl: the patch value (a mapping has no line of its own: the resource's).
            let field = format!("spec.configPatches[{i}].patch.value");
            let route_level = matches!(apply_to, "ROUTE_CONFIGURATION" | "HTTP_ROUTE");
            let replaceable = matches!(apply_to, "NETWORK_FILTER" | "HTTP_FILTER" | "VIRTUAL_HOST");
            let misused = match op {
                "ADD" if route_level => Some(&msg::ENVOY_FILTER_USES_ADD_OPERATION_INCORRECTLY),
                "REMOVE" if route_level => {
                    Some(&msg::ENVOY_FILTER_USES_REMOVE_OPERATION_INCORRECTLY)
                }
                "REPLACE" if !replaceable => {
                    Some(&msg::ENVOY_FILTER_USES_REPLACE_OPERATION_INCORRECTLY)
                }
                _ => None,
            };
            let relative = matches!(op, "REMOVE" | "REPLACE" | "INSERT_BEFORE" | "INSERT_AFTER");
            if let Some(kind) = misused {
                out.report(kind, Some(ef), Some(&field), &[]);
            } else if relative && priority == 0 {
                let kind = if versioned_names.contains(&name) {
                    &msg::ENVOY_FILTER_USES_RELATIVE_OPERATION_WITH_PROXY_VERSION
                } else {
                    &msg::ENVOY_FILTER_USES_RELATIVE_OPERATION
                };
                out.report(kind, Some(ef), Some(&field), &[]);
            }
            let version = patch
                .pointer("/match/proxy/proxyVersion")
                .and_then(Value::as_str);
            if version.is_some_and(|v| !v.is_empty()) {
                versioned_names.push(name);
            }
        }
    }
}

/// The name a patch is known by: its value's `name` (compared as a value), else the
/// listener filter its match names.
fn patched_name(patch: &Value) -> String {
    let Some(Value::Object(value)) = patch.pointer("/patch/value") else {
        return String::new();
    };
    if value.is_empty() {
        return String::new();
    }
    match value.get("name") {
        Some(name) => name.to_string(),
        None => patch
            .pointer("/match/listener/filterChain/filter/name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
    }
}

fn istio_webhook_configs(snap: &Snapshot) -> impl Iterator<Item = &Resource> {
    snap.of(
        "admissionregistration.k8s.io",
        "MutatingWebhookConfiguration",
    )
    .chain(snap.of(
        "admissionregistration.k8s.io",
        "ValidatingWebhookConfiguration",
    ))
    .filter(|c| {
        array_at(&c.object, "/webhooks").iter().any(|w| {
            w.get("name")
                .and_then(Value::as_str)
                .is_some_and(|n| n.ends_with("istio.io"))
        })
    })
}

pub static WEBHOOK: Analyzer = Analyzer {
    name: "webhook.Analyzer",
    doc: "Checks Istio's webhooks: their Services exist and no two injection webhooks select the same objects",
    inputs: &[
            "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration",
            "Service",
        ],
    requires: &[],
    codes: &[&msg::INVALID_WEBHOOK],
    run: webhook,
};

fn webhook(snap: &Snapshot, out: &mut Reporter) {
    let check_services = snap.knows("Service");
    let mut injectors: Vec<(&Resource, String, Value)> = Vec::new();
    for config in istio_webhook_configs(snap) {
        for hook in array_at(&config.object, "/webhooks") {
            let name = hook.get("name").and_then(Value::as_str).unwrap_or("");
            if let Some(svc) = hook.pointer("/clientConfig/service") {
                let svc_name = svc.get("name").and_then(Value::as_str).unwrap_or("");
                let svc_ns = svc.get("namespace").and_then(Value::as_str).unwrap_or("");
                if check_services && snap.find("", "Service", svc_ns, svc_name).is_none() {
                    out.report(
                        &msg::INVALID_WEBHOOK,
                        Some(config),
                        None,
                        &[format!("Webhook {name} referencing service {svc_name}/{svc_ns} which is not found").into()],
                    );
                }
            }
            if config.kind() == "MutatingWebhookConfiguration"
                && name.ends_with("sidecar-injector.istio.io")
            {
                let selectors = serde_json::json!({
                    "namespaceSelector": hook.get("namespaceSelector"),
                    "objectSelector": hook.get("objectSelector"),
                });
                injectors.push((config, name.to_string(), selectors));
            }
        }
    }
    for (i, (config, name, selectors)) in injectors.iter().enumerate() {
        for (j, (other, other_name, other_selectors)) in injectors.iter().enumerate() {
            if i != j && !std::ptr::eq(*config, *other) && selectors == other_selectors {
                out.report(
                    &msg::INVALID_WEBHOOK,
                    Some(config),
                    None,
                    &[format!(
                        "Webhooks {}/{name} and {}/{other_name} select the same objects (overlapping injection)",
                        config.name(),
                        other.name()
                    )
                    .into()],
                );
            }
        }
    }
}

pub static EXTERNAL_CONTROL_PLANE: Analyzer = Analyzer {
    name: "externalcontrolplane.ExternalControlPlaneAnalyzer",
    doc: "Checks that webhooks pointing at an external control plane by URL have a usable hostname",
    inputs: &[
        "MutatingWebhookConfiguration",
        "ValidatingWebhookConfiguration",
    ],
    requires: &[],
    codes: &[
        &msg::INVALID_EXTERNAL_CONTROL_PLANE_CONFIG,
        &msg::EXTERNAL_CONTROL_PLANE_ADDRESS_IS_NOT_A_HOSTNAME,
    ],
    run: external_control_plane,
};

fn external_control_plane(snap: &Snapshot, out: &mut Reporter) {
    for config in istio_webhook_configs(snap) {
        for hook in array_at(&config.object, "/webhooks") {
            let Some(client) = hook.get("clientConfig") else {
                continue;
            };
            if client.get("service").is_some() {
                continue;
            }
            let name = hook.get("name").and_then(Value::as_str).unwrap_or("");
            let url = client
                .get("url")
                .and_then(Value::as_str)
                .unwrap_or("")
                .trim();
            if url.is_empty() {
                out.report(
                    &msg::INVALID_EXTERNAL_CONTROL_PLANE_CONFIG,
                    Some(config),
                    None,
                    &["".into(), name.into(), "is blank".into()],
                );
                break;
            }
            let host = url
                .split("://")
                .nth(1)
                .unwrap_or(url)
                .split(['/', ':'])
                .next()
                .unwrap_or("");
            if host.parse::<std::net::IpAddr>().is_ok() {
                out.report(
                    &msg::EXTERNAL_CONTROL_PLANE_ADDRESS_IS_NOT_A_HOSTNAME,
                    Some(config),
                    None,
                    &[host.into(), name.into()],
                );
                break;
            }
        }
    }
}

/// The Gateway API bundle version Istio needs, per CRD (the default for the rest).
const GATEWAY_API_MINIMUMS: &[(&str, &str)] = &[("tlsroutes.gateway.networking.k8s.io", "v1.5.0")];
const GATEWAY_API_DEFAULT_MINIMUM: &str = "v1.4.0";

fn version_tuple(v: &str) -> Vec<u64> {
    v.trim_start_matches('v')
        .split(['.', '-'])
        .map_while(|p| p.parse().ok())
        .collect()
}

pub static CRD_VERSION: Analyzer = Analyzer {
    name: "k8sgateway.CRDVersionAnalyzer",
    doc: "Checks that installed Gateway API CRDs are at least the bundle version Istio requires",
    inputs: &["CustomResourceDefinition"],
    requires: &[],
    codes: &[&msg::GATEWAY_APICRD_VERSION_BELOW_MINIMUM],
    run: crd_version,
};

fn crd_version(snap: &Snapshot, out: &mut Reporter) {
    for crd in snap.of("apiextensions.k8s.io", "CustomResourceDefinition") {
        if !crd.name().ends_with(".gateway.networking.k8s.io") {
            continue;
        }
        let Some(version) = crd
            .annotations()
            .and_then(|a| a.get("gateway.networking.k8s.io/bundle-version"))
            .and_then(Value::as_str)
        else {
            continue;
        };
        let minimum = GATEWAY_API_MINIMUMS
            .iter()
            .find(|(n, _)| *n == crd.name())
            .map(|(_, v)| *v)
            .unwrap_or(GATEWAY_API_DEFAULT_MINIMUM);
        if version_tuple(version) < version_tuple(minimum) {
            out.report(
                &msg::GATEWAY_APICRD_VERSION_BELOW_MINIMUM,
                Some(crd),
                None,
                &[crd.name().into(), version.into(), minimum.into()],
            );
        }
    }
}

pub static CONDITION: Analyzer = Analyzer {
    name: "conditions.ConditionAnalyzer",
    doc:
        "Reports negative status conditions Istio knows: istio.io/WaypointBound False on Services, \
          ServiceEntries and WorkloadEntries; ZtunnelAccepted or WaypointAccepted False (and \
          WaypointAccepted PartiallyInvalid) on AuthorizationPolicies; Accepted, Programmed or \
          ResolvedRefs False on Gateway API Gateways and on HTTPRoute/GRPCRoute parents",
    inputs: &[
        "Service",
        "ServiceEntry",
        "WorkloadEntry",
        "AuthorizationPolicy",
        "Gateway",
        "HTTPRoute",
        "GRPCRoute",
    ],
    requires: &[],
    codes: &[&msg::NEGATIVE_CONDITION_STATUS],
    run: condition,
};

const GATEWAY_API: &str = "gateway.networking.k8s.io";
const GATEWAY_API_NEGATIVE: &[&str] = &["Accepted", "Programmed", "ResolvedRefs"];
const WAYPOINT_BOUND: &[&str] = &["istio.io/WaypointBound"];

/// Per kind (group, kind): the condition types that are negative when False, and whether
/// the conditions are the route's per-parent ones.
const NEGATIVE_WHEN_FALSE: &[(&str, &str, &[&str], bool)] = &[
    ("", "Service", WAYPOINT_BOUND, false),
    ("networking.istio.io", "ServiceEntry", WAYPOINT_BOUND, false),
    (
        "networking.istio.io",
        "WorkloadEntry",
        WAYPOINT_BOUND,
        false,
    ),
    (
        "security.istio.io",
        "AuthorizationPolicy",
        &["ZtunnelAccepted", "WaypointAccepted"],
        false,
    ),
    (GATEWAY_API, "Gateway", GATEWAY_API_NEGATIVE, false),
    (GATEWAY_API, "HTTPRoute", GATEWAY_API_NEGATIVE, true),
    (GATEWAY_API, "GRPCRoute", GATEWAY_API_NEGATIVE, true),
];

fn condition(snap: &Snapshot, out: &mut Reporter) {
    for (group, kind, negative, per_parent) in NEGATIVE_WHEN_FALSE {
        for r in snap.of(group, kind) {
            for c in status_conditions(&r.object, *per_parent) {
                let text = |k: &str| c.get(k).and_then(Value::as_str).unwrap_or("");
                let reported = negative.contains(&text("type")) && text("status") == "False";
                // A policy a waypoint accepts only in part says so with status True.
                let partial = *kind == "AuthorizationPolicy"
                    && text("type") == "WaypointAccepted"
                    && text("reason") == "PartiallyInvalid";
                let args = [
                    text("type").into(),
                    text("reason").into(),
                    text("message").into(),
                ];
                for _ in 0..(usize::from(reported) + usize::from(partial)) {
                    out.report(&msg::NEGATIVE_CONDITION_STATUS, Some(r), None, &args);
                }
            }
        }
    }
}

/// The status conditions of an object, or of each parent of a route.
fn status_conditions(object: &Value, per_parent: bool) -> Vec<&Value> {
    if !per_parent {
        return array_at(object, "/status/conditions").iter().collect();
    }
    array_at(object, "/status/parents")
        .iter()
        .flat_map(|p| array_at(p, "/conditions"))
        .collect()
}

pub static MESH_NETWORKS: Analyzer = Analyzer {
    name: "meshnetworks.MeshNetworksAnalyzer",
    doc: "Checks that the service registries named in meshNetworks exist (Kubernetes or a remote-cluster secret)",
    inputs: &["MeshNetworks", "Secret"],
    requires: &[],
    codes: &[&msg::UNKNOWN_MESH_NETWORKS_SERVICE_REGISTRY],
    run: mesh_networks,
};

fn mesh_networks(snap: &Snapshot, out: &mut Reporter) {
    let Some(networks) = snap
        .mesh_networks
        .as_ref()
        .and_then(|m| m.get("networks"))
        .and_then(Value::as_object)
    else {
        return;
    };
    let mut registries: Vec<String> = vec!["Kubernetes".into()];
    for secret in snap.core("Secret") {
        if secret
            .labels()
            .and_then(|l| l.get("istio/multiCluster"))
            .and_then(Value::as_str)
            == Some("true")
        {
            if let Some(data) = secret.object.get("data").and_then(Value::as_object) {
                registries.extend(data.keys().cloned());
            }
        }
    }
    let origin = mesh_origin(snap, "MeshNetworks");
    for (network, spec) in networks {
        for ep in array_at(spec, "/endpoints") {
            if let Some(reg) = ep.get("fromRegistry").and_then(Value::as_str) {
                if !registries.iter().any(|r| r == reg) {
                    out.report(
                        &msg::UNKNOWN_MESH_NETWORKS_SERVICE_REGISTRY,
                        Some(&origin),
                        None,
                        &[reg.into(), network.clone().into()],
                    );
                }
            }
        }
    }
}
