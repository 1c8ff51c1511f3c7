//! Validation of the mesh-wide configuration: MeshConfig (the `mesh` key of the `istio`
//! ConfigMap, or `--meshConfigFile`) and MeshNetworks. Both are plain JSON here: fields
//! skiff's typed model does not name are checked too.

use serde_json::Value;

use super::common::{check_host, check_port, is_cidr, is_dns_label, parse_duration_ms};
use crate::model::api::LocalityLbSetting;
use crate::model::schema::FieldError;

type Errs = Vec<FieldError>;

fn err(errs: &mut Errs, path: &str, message: impl Into<String>) {
    errs.push(FieldError::new(path, message));
}

/// A duration field, when present, must parse and be at least `min_ms`.
fn duration_at_least(v: &Value, key: &str, path: &str, min_ms: f64, errs: &mut Errs) {
    let Some(field) = v.get(key) else { return };
    let here = format!("{path}{key}");
    match field.as_str().and_then(parse_duration_ms) {
        Some(ms) if ms >= min_ms => {}
        Some(_) if min_ms > 0.0 => err(
            errs,
            &here,
            format!("Invalid value: {field}: must be at least 1ms"),
        ),
        Some(_) => err(
            errs,
            &here,
            format!("Invalid value: {field}: must not be negative"),
        ),
        None => err(
            errs,
            &here,
            format!("Invalid value: {field}: not a duration such as 10s"),
        ),
    }
}

/// A port field, when present and not 0 (unset), must be a valid port.
fn port(v: &Value, key: &str, path: &str, errs: &mut Errs) {
    if let Some(p) = v.get(key).and_then(Value::as_i64).filter(|p| *p != 0) {
        check_port(&format!("{path}{key}"), p, errs);
    }
}

fn one_of(v: &Value, key: &str, path: &str, allowed: &[&str], errs: &mut Errs) {
    if let Some(s) = v.get(key).and_then(Value::as_str) {
        if !allowed.contains(&s) {
            err(
                errs,
                &format!("{path}{key}"),
                format!(
                    "Unsupported value: {s:?}: supported values: {}",
                    allowed.join(", ")
                ),
            );
        }
    }
}

/// `host:port` with a valid host and port.
fn address(v: &Value, key: &str, path: &str, errs: &mut Errs) {
    let Some(addr) = v.get(key).and_then(Value::as_str).filter(|a| !a.is_empty()) else {
        return;
    };
    let here = format!("{path}{key}");
    match addr.rsplit_once(':') {
        Some((host, p)) => {
            let host = host.trim_start_matches('[').trim_end_matches(']');
            check_host(&here, host, errs);
            match p.parse::<i64>() {
                Ok(p) => check_port(&here, p, errs),
                Err(_) => err(
                    errs,
                    &here,
                    format!("Invalid value: {addr:?}: the port is not a number"),
                ),
            }
        }
        None => err(
            errs,
            &here,
            format!("Invalid value: {addr:?}: must be host:port"),
        ),
    }
}

/// The items of the array at `key` (none when absent), with their index.
fn items<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = (usize, &'a Value)> + 'a {
    v.get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
}

/// The string items of the array at `key`, with their index.
fn strings<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    items(v, key).filter_map(|(i, s)| s.as_str().map(|s| (i, s)))
}

fn is_trust_domain(s: &str) -> bool {
    !s.is_empty()
        && s.split('.').all(|label| {
            !label.is_empty()
                && label
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        })
}

/// Problems in a MeshConfig document.
pub fn mesh_config(mesh: &Value) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let e = &mut errs;
    duration_at_least(mesh, "connectTimeout", "", 1.0, e);
    duration_at_least(mesh, "dnsRefreshRate", "", 1.0, e);
    duration_at_least(mesh, "protocolDetectionTimeout", "", 0.0, e);
    for key in ["proxyListenPort", "proxyInboundListenPort", "proxyHttpPort"] {
        port(mesh, key, "", e);
    }
    one_of(
        mesh,
        "ingressControllerMode",
        "",
        &["UNSPECIFIED", "OFF", "DEFAULT", "STRICT"],
        e,
    );
    if let Some(policy) = mesh.get("outboundTrafficPolicy") {
        one_of(
            policy,
            "mode",
            "outboundTrafficPolicy.",
            &["REGISTRY_ONLY", "ALLOW_ANY"],
            e,
        );
    }
    if let Some(td) = mesh.get("trustDomain").and_then(Value::as_str) {
        if !is_trust_domain(td) {
            err(
                e,
                "trustDomain",
                format!("Invalid value: {td:?}: not a valid trust domain"),
            );
        }
    }
    for (i, alias) in strings(mesh, "trustDomainAliases") {
        if !is_trust_domain(alias) {
            err(
                e,
                &format!("trustDomainAliases[{i}]"),
                format!("Invalid value: {alias:?}: not a valid trust domain"),
            );
        }
    }
    for key in [
        "defaultServiceExportTo",
        "defaultVirtualServiceExportTo",
        "defaultDestinationRuleExportTo",
    ] {
        export_to(mesh, key, e);
    }
    if let Some(locality) = mesh.get("localityLbSetting") {
        locality_lb(locality, e);
    }
    for (i, setting) in items(mesh, "serviceSettings") {
        let hosts: Vec<(usize, &str)> = strings(setting, "hosts").collect();
        if hosts.is_empty() {
            err(
                e,
                &format!("serviceSettings[{i}].hosts"),
                "Required value: at least one host",
            );
        }
        for (j, host) in hosts {
            check_host(&format!("serviceSettings[{i}].hosts[{j}]"), host, e);
        }
    }
    extension_providers(mesh, e);
    if let Some(proxy) = mesh.get("defaultConfig") {
        proxy_config(proxy, "defaultConfig.", e);
    }
    errs
}

fn export_to(mesh: &Value, key: &str, errs: &mut Errs) {
    let values: Vec<(usize, &str)> = strings(mesh, key).collect();
    for &(i, v) in &values {
        if v != "." && v != "*" && v != "~" && !is_dns_label(v) {
            err(
                errs,
                &format!("{key}[{i}]"),
                format!("Invalid value: {v:?}: must be \".\", \"*\" or a namespace"),
            );
        }
    }
    if values.len() > 1 && values.iter().any(|&(_, v)| v == "*") {
        err(
            errs,
            key,
            "Invalid value: \"*\" cannot be combined with other values",
        );
    }
}

/// The mesh's locality settings, by the same rules as a DestinationRule's (istiod passes an
/// empty outlier detection, so failover never warns about it).
fn locality_lb(locality: &Value, errs: &mut Errs) {
    let Ok(lb) = serde_json::from_value::<LocalityLbSetting>(locality.clone()) else {
        return;
    };
    super::locality::locality_lb_setting("localityLbSetting", &lb, true, errs);
}

fn extension_providers(mesh: &Value, errs: &mut Errs) {
    let mut seen = std::collections::HashSet::new();
    for (i, p) in items(mesh, "extensionProviders") {
        let path = format!("extensionProviders[{i}]");
        match p
            .get("name")
            .and_then(Value::as_str)
            .filter(|n| !n.is_empty())
        {
            None => err(
                errs,
                &format!("{path}.name"),
                "Required value: a provider needs a name",
            ),
            Some(name) if !seen.insert(name.to_string()) => err(
                errs,
                &format!("{path}.name"),
                format!("Duplicate value: {name:?}"),
            ),
            Some(_) => {}
        }
        let kinds = p
            .as_object()
            .map_or(0, |o| o.keys().filter(|k| *k != "name").count());
        if kinds != 1 {
            err(
                errs,
                &path,
                format!("Invalid value: a provider has exactly one type, found {kinds}"),
            );
        }
    }
}

/// The proxy settings of `defaultConfig` (and of a ProxyConfig-like block).
fn proxy_config(proxy: &Value, path: &str, errs: &mut Errs) {
    for key in [
        "drainDuration",
        "terminationDrainDuration",
        "parentShutdownDuration",
    ] {
        duration_at_least(proxy, key, path, 1.0, errs);
    }
    address(proxy, "discoveryAddress", path, errs);
    address(proxy, "statsdUdpAddress", path, errs);
    if let Some(zipkin) = proxy.pointer("/tracing/zipkin") {
        address(zipkin, "address", &format!("{path}tracing.zipkin."), errs);
    }
    port(proxy, "proxyAdminPort", path, errs);
    port(proxy, "statusPort", path, errs);
    if let Some(c) = proxy.get("concurrency").and_then(Value::as_i64) {
        if c < 0 {
            err(
                errs,
                &format!("{path}concurrency"),
                format!("Invalid value: {c}: must not be negative"),
            );
        }
    }
    one_of(
        proxy,
        "controlPlaneAuthPolicy",
        path,
        &["NONE", "MUTUAL_TLS"],
        errs,
    );
}

/// Problems in a MeshNetworks document (`networks: {name: {endpoints, gateways}}`).
pub fn mesh_networks(networks: &Value) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let Some(map) = networks.get("networks").and_then(Value::as_object) else {
        return errs;
    };
    for (name, network) in map {
        let path = format!("networks.{name}");
        let endpoints = network.get("endpoints").and_then(Value::as_array);
        if endpoints.is_none_or(|e| e.is_empty()) {
            err(
                &mut errs,
                &format!("{path}.endpoints"),
                "Required value: a network needs endpoints",
            );
        }
        for (i, ep) in endpoints.into_iter().flatten().enumerate() {
            let here = format!("{path}.endpoints[{i}]");
            match exactly_one(ep, ["fromCidr", "fromRegistry"], &here, &mut errs) {
                Some(("fromCidr", cidr)) if !is_cidr(cidr) => err(
                    &mut errs,
                    &format!("{here}.fromCidr"),
                    format!("Invalid value: {cidr:?}: not a CIDR"),
                ),
                Some(("fromRegistry", "")) => {
                    err(&mut errs, &format!("{here}.fromRegistry"), "Required value")
                }
                _ => {}
            }
        }
        for (i, gw) in items(network, "gateways") {
            let here = format!("{path}.gateways[{i}]");
            if let Some((key, host)) =
                exactly_one(gw, ["address", "registryServiceName"], &here, &mut errs)
            {
                check_host(&format!("{here}.{key}"), host, &mut errs);
            }
            match gw.get("port").and_then(Value::as_i64) {
                Some(p) => check_port(&format!("{here}.port"), p, &mut errs),
                None => err(&mut errs, &format!("{here}.port"), "Required value"),
            }
        }
    }
    errs
}

/// The one of two alternative string fields that is set; both or neither is an error.
fn exactly_one<'a>(
    v: &'a Value,
    keys: [&'static str; 2],
    path: &str,
    errs: &mut Errs,
) -> Option<(&'static str, &'a str)> {
    let set: Vec<(&'static str, &'a str)> = keys
        .iter()
        .filter_map(|k| v.get(*k).and_then(Value::as_str).map(|s| (*k, s)))
        .collect();
    if let [one] = set[..] {
        return Some(one);
    }
    err(
        errs,
        path,
        format!("Invalid value: exactly one of {} and {}", keys[0], keys[1]),
    );
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn paths(errs: Vec<FieldError>) -> Vec<String> {
        errs.into_iter().map(|e| e.path).collect()
    }

    #[test]
    fn a_sound_mesh_config_has_no_problems() {
        let mesh = json!({
            "connectTimeout": "10s", "protocolDetectionTimeout": "0s", "trustDomain": "cluster.local",
            "outboundTrafficPolicy": {"mode": "ALLOW_ANY"}, "defaultServiceExportTo": ["*"],
            "extensionProviders": [{"name": "otel", "opentelemetry": {"service": "otel.svc", "port": 4317}}],
            "defaultConfig": {"discoveryAddress": "istiod.istio-system.svc:15012", "drainDuration": "45s",
                              "tracing": {"zipkin": {"address": "zipkin.istio-system:9411"}}}
        });
        assert!(mesh_config(&mesh).is_empty(), "{:?}", mesh_config(&mesh));
    }

    #[test]
    fn mesh_config_problems_name_their_field() {
        let mesh = json!({
            "connectTimeout": "0s", "outboundTrafficPolicy": {"mode": "SOMETIMES"},
            "trustDomain": "Not A Domain", "defaultServiceExportTo": ["*", "a"],
            "localityLbSetting": {"distribute": [{"from": "a"}], "failover": [{"from": "x", "to": "x"}]},
            "extensionProviders": [{"name": "p", "zipkin": {}}, {"name": "p", "zipkin": {}, "datadog": {}}],
            "defaultConfig": {"discoveryAddress": "istiod", "concurrency": -1, "proxyAdminPort": 70000}
        });
        assert_eq!(
            paths(mesh_config(&mesh)),
            [
                "connectTimeout",
                "outboundTrafficPolicy.mode",
                "trustDomain",
                "defaultServiceExportTo",
                "localityLbSetting",
                "extensionProviders[1].name",
                "extensionProviders[1]",
                "defaultConfig.discoveryAddress",
                "defaultConfig.proxyAdminPort",
                "defaultConfig.concurrency",
            ]
        );
    }

    #[test]
    fn mesh_networks_endpoints_and_gateways() {
        let good = json!({"networks": {"n1": {
            "endpoints": [{"fromRegistry": "Kubernetes"}, {"fromCidr": "10.0.0.0/8"}],
            "gateways": [{"address": "1.2.3.4", "port": 15443},
                         {"registryServiceName": "istio-eastwestgateway.istio-system.svc.cluster.local", "port": 15443}]}}});
        assert!(
            mesh_networks(&good).is_empty(),
            "{:?}",
            mesh_networks(&good)
        );
        let bad = json!({"networks": {"n1": {
            "endpoints": [{"fromRegistry": "a", "fromCidr": "10.0.0.0/8"}, {"fromCidr": "10.0.0.0/40"}],
            "gateways": [{"port": 99999}]}, "n2": {}}});
        assert_eq!(
            paths(mesh_networks(&bad)),
            [
                "networks.n1.endpoints[0]",
                "networks.n1.endpoints[1].fromCidr",
                "networks.n1.gateways[0]",
                "networks.n1.gateways[0].port",
                "networks.n2.endpoints",
            ]
        );
    }
}
