//! istioctl's checks of a merged IstioOperator beyond its types: the typed `values`,
//! image hub and tag syntax, the revision name, the proxy's IP range and port lists, and
//! gateway ports that would need root.

use serde_json::Value;

use super::validate::common::{is_cidr, is_dns_label};
use super::{operator_k8s, values_schema};

/// The first reason istioctl would refuse an IstioOperator document as written (its types,
/// unknown fields anywhere, then `check`), as `istioctl validate` checks one.
pub fn check_document(iop: &Value) -> Result<(), String> {
    super::operator::IstioOperator::from_value(iop)?;
    check(iop)
}

/// The field path (below `spec`) a refusal message of `check_document` starts with, if it
/// names one (`components.pilot.k8s.bogus: unknown field "bogus"`).
pub fn message_path(message: &str) -> Option<&str> {
    let field = message.split(": ").next()?;
    let is_path = !field.is_empty()
        && field
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-[]".contains(c));
    is_path.then_some(field)
}

/// The first reason istioctl would refuse this merged IstioOperator, if any.
pub fn check(iop: &Value) -> Result<(), String> {
    let spec = &iop["spec"];
    let values = &spec["values"];
    values_schema::check(values).map_err(|e| e.to_string())?;
    operator_k8s::check_typed_values(values)?;
    check_component_k8s(spec)?;
    check_gateway_ports(spec, values)?;
    check_proxy_lists(values)?;
    if let Some(hub) = spec["hub"].as_str().filter(|h| !h.is_empty()) {
        check_hub(hub).map_err(|e| format!("bad hub: {e}"))?;
    }
    if let Some(tag) = non_null(&spec["tag"]) {
        check_tag(&scalar_text(tag)).map_err(|e| format!("bad tag: {e}"))?;
    }
    if let Some(revision) = spec["revision"].as_str().filter(|r| !r.is_empty()) {
        if !is_dns_label(revision) {
            return Err(format!("invalid revision specified: {revision}"));
        }
    }
    Ok(())
}

/// Every component's `k8s` block decodes into Kubernetes' types.
fn check_component_k8s(spec: &Value) -> Result<(), String> {
    let Some(components) = spec["components"].as_object() else {
        return Ok(());
    };
    for (name, component) in components {
        let entries: Vec<(String, &Value)> = match component {
            Value::Array(gateways) => gateways
                .iter()
                .enumerate()
                .map(|(i, g)| (format!("components.{name}[{i}].k8s"), &g["k8s"]))
                .collect(),
            other => vec![(format!("components.{name}.k8s"), &other["k8s"])],
        };
        for (path, k8s) in entries.into_iter().filter(|(_, k)| !k.is_null()) {
            operator_k8s::check_kubernetes_resources(&path, k8s)?;
        }
    }
    Ok(())
}

fn non_null(v: &Value) -> Option<&Value> {
    (!v.is_null()).then_some(v)
}

fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Characters an image repository may hold (lowercase, digits, `_-./`).
const REPOSITORY_CHARS: &str = "abcdefghijklmnopqrstuvwxyz0123456789_-./";
/// Characters an image tag may hold.
const TAG_CHARS: &str = "abcdefghijklmnopqrstuvwxyz0123456789_-.ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// A hub is a registry (when its first part has a `.` or `:`) and a repository prefix;
/// checked as the repository of `<hub>/pilot`.
fn check_hub(hub: &str) -> Result<(), String> {
    let image = format!("{hub}/pilot");
    let (registry, repository) = match image.split_once('/') {
        Some((first, rest)) if first.contains(['.', ':']) => (Some(first), rest),
        _ => (None, image.as_str()),
    };
    check_element("repository", repository, REPOSITORY_CHARS, 2, 255)?;
    if let Some(registry) = registry {
        let authority = registry
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~:[]%!$&'()*+,;=".contains(c));
        if !authority || registry.matches(':').count() > 1 && !registry.starts_with('[') {
            return Err(format!(
                "registries must be valid RFC 3986 URI authorities: {registry}"
            ));
        }
    }
    Ok(())
}

/// A tag is what follows the last `:` of `istio/pilot:<tag>` (unless that part has a `/`).
fn check_tag(tag: &str) -> Result<(), String> {
    let image = format!("istio/pilot:{tag}");
    let parts: Vec<&str> = image.split(':').collect();
    let last = parts[parts.len() - 1];
    if last.contains('/') {
        return check_element("repository", &image, REPOSITORY_CHARS, 2, 255);
    }
    let base = parts[..parts.len() - 1].join(":");
    if !last.is_empty() {
        check_element("tag", last, TAG_CHARS, 1, 128)?;
    }
    check_element("repository", &base, REPOSITORY_CHARS, 2, 255)
}

fn check_element(
    what: &str,
    element: &str,
    allowed: &str,
    min: usize,
    max: usize,
) -> Result<(), String> {
    let runes = element.chars().count();
    if runes < min || runes > max {
        return Err(format!(
            "{what} must be between {min} and {max} characters in length: {element}"
        ));
    }
    if element.chars().any(|c| !allowed.contains(c)) {
        return Err(format!(
            "{what} can only contain the characters `{allowed}`: {element}"
        ));
    }
    Ok(())
}

/// The proxy's interception lists: comma-separated CIDRs (or `*`) and port numbers.
fn check_proxy_lists(values: &Value) -> Result<(), String> {
    let proxy = &values["global"]["proxy"];
    for field in ["includeIPRanges", "excludeIPRanges"] {
        let Some(list) = proxy[field].as_str().filter(|s| !s.is_empty() && *s != "*") else {
            continue;
        };
        if let Some(bad) = list.split(',').find(|r| !is_cidr(r)) {
            return Err(format!(
                "values.global.proxy.{field}: {bad:?} is not an IP range (address/bits)"
            ));
        }
    }
    for field in ["includeInboundPorts", "excludeInboundPorts"] {
        let Some(list) = proxy[field].as_str() else {
            continue;
        };
        for port in list.split(',').filter(|p| !p.is_empty() && *p != "*") {
            let in_range = port.parse::<i64>().is_ok_and(|n| (0..=65535).contains(&n));
            if !in_range {
                return Err(format!(
                    "values.global.proxy.{field}: {port:?} is not a port number (0-65535)"
                ));
            }
        }
    }
    Ok(())
}

/// Gateways that do not run as root cannot bind a port below 1024: a service port whose
/// numeric target port (the port itself when unset) is below it is an error.
fn check_gateway_ports(spec: &Value, values: &Value) -> Result<(), String> {
    for (list, chart) in [
        ("ingressGateways", "istio-ingressgateway"),
        ("egressGateways", "istio-egressgateway"),
    ] {
        if values["gateways"][chart]["runAsRoot"] == Value::Bool(true) {
            continue;
        }
        for gateway in spec["components"][list].as_array().into_iter().flatten() {
            let ports = gateway
                .pointer("/k8s/service/ports")
                .and_then(Value::as_array);
            for port in ports.into_iter().flatten() {
                if port["targetPort"].is_string() {
                    continue;
                }
                let number = port["port"].as_i64().unwrap_or(0);
                let target = port["targetPort"].as_i64().unwrap_or(0);
                if needs_root(number, target) {
                    return Err(format!(
                        "port {}/{number} in gateway {} invalid: targetPort is set to {target}, which requires root. Set targetPort to be greater than 1024 or configure values.gateways.{chart}.runAsRoot=true",
                        scalar_text(&port["name"]).trim_matches('"'),
                        scalar_text(&gateway["name"]).trim_matches('"'),
                    ));
                }
            }
        }
    }
    let ingress = &values["gateways"]["istio-ingressgateway"];
    if ingress["runAsRoot"] != Value::Bool(true) {
        for port in ingress["ingressPorts"].as_array().into_iter().flatten() {
            let (Some(number), target) = (port["port"].as_f64(), &port["targetPort"]) else {
                continue;
            };
            if !(target.is_null() || target.is_number()) {
                continue;
            }
            let target = target.as_f64().unwrap_or(0.0) as i64;
            if needs_root(number as i64, target) {
                return Err(format!(
                    "port {number} is invalid: targetPort is set to {target}, which requires root. Set targetPort to be greater than 1024 or configure values.gateways.istio-ingressgateway.runAsRoot=true"
                ));
            }
        }
    }
    Ok(())
}

/// A target port of 0 means the port itself.
fn needs_root(port: i64, target: i64) -> bool {
    !(target == 0 && port > 1024) && target < 1024
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn refused(spec: Value) -> String {
        check(&json!({ "spec": spec })).unwrap_err()
    }

    #[test]
    fn hub_tag_and_revision_follow_image_and_label_syntax() {
        assert_eq!(
            check(
                &json!({"spec": {"hub": "registry.example:5000/istio", "tag": "1.30.3-distroless", "revision": "canary"}})
            ),
            Ok(())
        );
        assert!(
            refused(json!({"hub": "bad hub"})).starts_with("bad hub: repository can only contain")
        );
        assert!(refused(json!({"tag": "bad tag!"})).starts_with("bad tag: tag can only contain"));
        assert_eq!(check(&json!({"spec": {"tag": 1.3}})), Ok(()));
        assert_eq!(
            refused(json!({"revision": "Bad_Rev"})),
            "invalid revision specified: Bad_Rev"
        );
    }

    #[test]
    fn proxy_lists_hold_cidrs_and_ports() {
        let proxy = |p: Value| json!({"values": {"global": {"proxy": p}}});
        assert_eq!(
            check(
                &json!({"spec": proxy(json!({"includeIPRanges": "*", "excludeIPRanges": "10.0.0.0/8,fd00::/8", "excludeInboundPorts": "80,,*"}))})
            ),
            Ok(())
        );
        assert!(refused(proxy(json!({"includeIPRanges": "10.0.0.0/8,*"})))
            .contains("\"*\" is not an IP range"));
        assert!(refused(proxy(json!({"excludeInboundPorts": "80,99999"})))
            .contains("\"99999\" is not a port number"));
    }

    #[test]
    fn gateway_ports_below_1024_need_root() {
        let gateway = |port: Value| json!({"components": {"ingressGateways": [{"name": "gw", "k8s": {"service": {"ports": [port]}}}]}});
        assert_eq!(
            refused(gateway(json!({"name": "http", "port": 80, "targetPort": 80}))),
            "port http/80 in gateway gw invalid: targetPort is set to 80, which requires root. Set targetPort to be greater than 1024 or configure values.gateways.istio-ingressgateway.runAsRoot=true"
        );
        for fine in [
            json!({"port": 80, "targetPort": 8080}),
            json!({"port": 8080}),
            json!({"port": 80, "targetPort": "http"}),
        ] {
            assert_eq!(check(&json!({"spec": gateway(fine)})), Ok(()));
        }
        let mut as_root = gateway(json!({"port": 80, "targetPort": 80}));
        as_root["values"] = json!({"gateways": {"istio-ingressgateway": {"runAsRoot": true}}});
        assert_eq!(check(&json!({"spec": as_root})), Ok(()));
    }
}
