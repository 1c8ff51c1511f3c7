//! Istio's annotations as data: each one's name, the resource kinds it applies to and
//! whether it is deprecated (generated from istio.io/api by scripts/gen-annotation-facts.py),
//! and the value checks istiod applies to the ones it validates, with Go's error texts.

use std::sync::OnceLock;

use serde::Deserialize;

use super::go_text::quote;
use super::validate::netip;

/// One annotation Istio defines.
#[derive(Debug, Deserialize)]
pub struct AnnotationFact {
    pub name: String,
    /// The kinds it applies to (`Pod`, `Service`, ...; `Any` for every kind).
    pub resources: Vec<String>,
    pub deprecated: bool,
}

/// Every annotation Istio 1.30 defines.
pub fn all() -> &'static [AnnotationFact] {
    static FACTS: OnceLock<Vec<AnnotationFact>> = OnceLock::new();
    FACTS.get_or_init(|| {
        serde_json::from_str(include_str!("annotation-facts.json"))
            .expect("annotation-facts.json is generated valid")
    })
}

/// The fact for one annotation name, if Istio defines it.
pub fn lookup(name: &str) -> Option<&'static AnnotationFact> {
    all().iter().find(|a| a.name == name)
}

/// Why istiod refuses an annotation's value (the text after "invalid value ... for
/// annotation ..."), for the annotations it validates; `None` when the value is fine or
/// the annotation has no value check.
pub fn value_error(name: &str, value: &str) -> Option<String> {
    match name {
        "sidecar.istio.io/interceptionMode" => interception_mode(value),
        "status.sidecar.istio.io/port" => parse_port(value)
            .err()
            .map(|e| format!("excludeInboundPorts invalid: {e}")),
        "readiness.status.sidecar.istio.io/initialDelaySeconds"
        | "readiness.status.sidecar.istio.io/periodSeconds"
        | "readiness.status.sidecar.istio.io/failureThreshold" => parse_uint(value, 32).err(),
        "traffic.sidecar.istio.io/includeOutboundIPRanges" => (value != "*")
            .then(|| cidr_list(value).map(|e| format!("includeIPRanges invalid: {e}")))
            .flatten(),
        "traffic.sidecar.istio.io/excludeOutboundIPRanges" => {
            cidr_list(value).map(|e| format!("excludeIPRanges invalid: {e}"))
        }
        "traffic.sidecar.istio.io/includeInboundPorts" => (value != "*")
            .then(|| port_list("includeInboundPorts", value))
            .flatten(),
        "traffic.sidecar.istio.io/excludeInboundPorts" => port_list("excludeInboundPorts", value),
        "traffic.sidecar.istio.io/excludeOutboundPorts" => port_list("excludeOutboundPorts", value),
        "traffic.sidecar.istio.io/excludeInterfaces"
        | "traffic.sidecar.istio.io/kubevirtInterfaces"
        | "istio.io/reroute-virtual-interfaces" => interface_names(value),
        "prometheus.istio.io/merge-metrics" => parse_bool(value).err(),
        "proxy.istio.io/config" => proxy_config(value),
        "sidecar.istio.io/proxyCPU"
        | "sidecar.istio.io/proxyMemory"
        | "sidecar.istio.io/proxyCPULimit"
        | "sidecar.istio.io/proxyMemoryLimit" => resource_quantity(value),
        _ => None,
    }
}

fn interception_mode(mode: &str) -> Option<String> {
    (!matches!(mode, "REDIRECT" | "TPROXY" | "NONE"))
        .then(|| format!("interceptionMode invalid, use REDIRECT,TPROXY,NONE: {mode}"))
}

/// Go's `strconv.ParseUint(s, 10, bits)`.
fn parse_uint(s: &str, bits: u32) -> Result<u64, String> {
    let syntax = || format!("strconv.ParseUint: parsing {}: invalid syntax", quote(s));
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(syntax());
    }
    match s.parse::<u64>() {
        Ok(n) if bits >= 64 || n < (1u64 << bits) => Ok(n),
        _ => Err(format!(
            "strconv.ParseUint: parsing {}: value out of range",
            quote(s)
        )),
    }
}

/// Go's `strconv.ParseBool`.
pub fn parse_bool(s: &str) -> Result<bool, String> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Ok(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Ok(false),
        _ => Err(format!(
            "strconv.ParseBool: parsing {}: invalid syntax",
            quote(s)
        )),
    }
}

fn parse_port(port: &str) -> Result<u64, String> {
    parse_uint(port.trim(), 16).map_err(|e| format!("failed parsing port '{port}': {e}"))
}

fn port_list(parameter: &str, ports: &str) -> Option<String> {
    let ports = ports.trim();
    if ports.is_empty() {
        return None;
    }
    ports.split(',').find_map(|p| {
        parse_port(p)
            .err()
            .map(|e| format!("{parameter} invalid: failed parsing port '{p}': {e}"))
    })
}

fn cidr_list(cidrs: &str) -> Option<String> {
    if cidrs.is_empty() {
        return None;
    }
    cidrs.split(',').find_map(|cidr| {
        netip::parse_prefix_error(cidr).map(|e| format!("failed parsing cidr '{cidr}': {e}"))
    })
}

fn interface_names(interfaces: &str) -> Option<String> {
    if interfaces.is_empty() {
        return None;
    }
    interfaces.split(',').map(str::trim).find_map(|name| {
        let mut chars = name.chars();
        if name.is_empty() {
            Some("empty interface name".to_string())
        } else if name.len() > 15 {
            Some(format!(
                "interface name {} too long (max 15 chars)",
                quote(name)
            ))
        } else if !chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
        {
            Some(format!(
                "interface name {} contains invalid characters",
                quote(name)
            ))
        } else {
            None
        }
    })
}

/// The annotation's ProxyConfig must be a YAML mapping. (istiod also validates the
/// resulting ProxyConfig's fields; skiff checks only that it reads: docs/deviations.md.)
fn proxy_config(value: &str) -> Option<String> {
    match serde_yaml::from_str::<serde_json::Value>(value) {
        Ok(serde_json::Value::Object(_) | serde_json::Value::Null) => None,
        Ok(_) => {
            Some("failed to convert to apply proxy config: the value is not a mapping".to_string())
        }
        Err(e) => Some(format!("failed to convert to apply proxy config: {e}")),
    }
}

/// Kubernetes' `resource.ParseQuantity`, after istiod's control-character check.
fn resource_quantity(value: &str) -> Option<String> {
    if value.chars().any(char::is_control) {
        return Some("value contains control characters".to_string());
    }
    super::quantity::parse_error(value).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_know_the_injection_annotation_as_deprecated() {
        let inject = lookup("sidecar.istio.io/inject").unwrap();
        assert!(inject.deprecated);
        assert_eq!(inject.resources, ["Pod"]);
        assert!(lookup("sidecar.istio.io/nosuch").is_none());
    }

    #[test]
    fn values_are_checked_with_gos_texts() {
        let check = value_error;
        assert_eq!(
            check("readiness.status.sidecar.istio.io/periodSeconds", "-1").unwrap(),
            "strconv.ParseUint: parsing \"-1\": invalid syntax"
        );
        assert_eq!(
            check("traffic.sidecar.istio.io/excludeInboundPorts", "80, x").unwrap(),
            "excludeInboundPorts invalid: failed parsing port ' x': failed parsing port ' x': strconv.ParseUint: parsing \"x\": invalid syntax"
        );
        assert_eq!(
            check("status.sidecar.istio.io/port", "70000").unwrap(),
            "excludeInboundPorts invalid: failed parsing port '70000': strconv.ParseUint: parsing \"70000\": value out of range"
        );
        assert!(check("traffic.sidecar.istio.io/includeOutboundIPRanges", "*").is_none());
        assert!(check(
            "traffic.sidecar.istio.io/excludeOutboundIPRanges",
            "10.0.0.0/8"
        )
        .is_none());
        assert!(check(
            "traffic.sidecar.istio.io/excludeOutboundIPRanges",
            "10.0.0.0"
        )
        .unwrap()
        .starts_with("excludeIPRanges invalid: failed parsing cidr '10.0.0.0': "));
        assert!(check("prometheus.istio.io/merge-metrics", "T").is_none());
        assert!(check("sidecar.istio.io/inject", "maybe").is_none());
        assert_eq!(
            check("sidecar.istio.io/proxyCPU", "1K").unwrap(),
            "unable to parse quantity's suffix"
        );
        assert!(
            check("traffic.sidecar.istio.io/excludeInterfaces", "eth0,9x")
                .unwrap()
                .contains("contains invalid characters")
        );
    }
}
