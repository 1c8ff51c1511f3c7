//! The built-in installation profiles: each is an IstioOperator `spec` overlay on the
//! `default` profile. The values a profile name or platform selects inside the charts are
//! the release's Helm profiles (`charts`).

use serde_json::{json, Value};

/// Profile names, as `profile list` prints them.
pub const NAMES: &[&str] = &[
    "ambient",
    "default",
    "demo",
    "empty",
    "minimal",
    "openshift",
    "openshift-ambient",
    "preview",
    "remote",
    "stable",
];

/// The IstioOperator `spec` of a profile (for `default` the full base; for the others
/// only what they change).
pub fn spec(name: &str) -> Option<Value> {
    let spec = match name {
        "default" => json!({
            "hub": crate::ISTIO_HUB,
            "tag": crate::ISTIO_VERSION,
            "components": {
                "base": {"enabled": true},
                "pilot": {"enabled": true},
                "ingressGateways": [{"name": "istio-ingressgateway", "enabled": true}],
                "egressGateways": [{"name": "istio-egressgateway", "enabled": false}]
            },
            "values": {
                "defaultRevision": "",
                "global": {"istioNamespace": "istio-system", "configValidation": true},
                "gateways": {"istio-ingressgateway": {}, "istio-egressgateway": {}},
                "ztunnel": {"resourceName": "ztunnel"}
            }
        }),
        "demo" => json!({
            "components": {"egressGateways": [{"name": "istio-egressgateway", "enabled": true}]},
            "values": {"profile": "demo"}
        }),
        "minimal" => json!({
            "components": {"ingressGateways": [{"name": "istio-ingressgateway", "enabled": false}]}
        }),
        "empty" => json!({
            "components": {
                "base": {"enabled": false},
                "pilot": {"enabled": false},
                "ingressGateways": [{"name": "istio-ingressgateway", "enabled": false}]
            }
        }),
        "preview" => json!({"values": {"profile": "preview"}}),
        "stable" => json!({"values": {"profile": "stable"}}),
        "remote" => json!({
            "components": {
                "base": {"enabled": true},
                "pilot": {"enabled": true},
                "ingressGateways": [{"name": "istio-ingressgateway", "enabled": false}]
            },
            "values": {"profile": "remote"}
        }),
        "ambient" => json!({
            "components": {
                "cni": {"enabled": true},
                "ztunnel": {"enabled": true},
                "ingressGateways": [{"name": "istio-ingressgateway", "enabled": false}]
            },
            "values": {"profile": "ambient"}
        }),
        "openshift" => json!({
            "components": {"cni": {"enabled": true, "namespace": "kube-system"}},
            "values": {"global": {"platform": "openshift"}}
        }),
        "openshift-ambient" => json!({
            "components": {
                "cni": {"enabled": true, "namespace": "kube-system"},
                "ztunnel": {"enabled": true, "namespace": "kube-system"},
                "ingressGateways": [{"name": "istio-ingressgateway", "enabled": false}]
            },
            "values": {"profile": "ambient", "global": {"platform": "openshift"}}
        }),
        _ => return None,
    };
    Some(spec)
}
