//! skiff's own injection templates for istiod's webhook (Go text/template over istiod's
//! template data), carried in the `istio-sidecar-injector` ConfigMap: istiod injects with
//! them what `skiff kube-inject` injects natively (tests/it/inject_templates.rs checks it).

/// The sidecar and the gateway share one body; `$gateway` picks the variant.
const PROXY: &str = include_str!("injection_templates/proxy.tmpl");
const GRPC_SIMPLE: &str = include_str!("injection_templates/grpc-simple.tmpl");
const GRPC_AGENT: &str = include_str!("injection_templates/grpc-agent.tmpl");
/// The workloads istiod's gateway controller deploys; `$flavour` picks the proxy.
const GATEWAY_DEPLOYMENT: &str = include_str!("injection_templates/gateway-deployment.tmpl");

/// The built-in templates by name, in the order the ConfigMap lists them.
pub fn builtin() -> Vec<(&'static str, String)> {
    vec![
        ("sidecar", format!("{{{{- $gateway := false }}}}\n{PROXY}")),
        ("gateway", format!("{{{{- $gateway := true }}}}\n{PROXY}")),
        ("grpc-simple", GRPC_SIMPLE.to_string()),
        ("grpc-agent", GRPC_AGENT.to_string()),
        ("waypoint", deployment("waypoint")),
        ("kube-gateway", deployment("kube-gateway")),
        ("agentgateway", deployment("agentgateway")),
    ]
}

fn deployment(flavour: &str) -> String {
    format!("{{{{- $flavour := {flavour:?} }}}}\n{GATEWAY_DEPLOYMENT}")
}

/// The built-in templates istiod's gateway controller renders whole workloads with (not
/// pod injection templates).
pub const DEPLOYMENT_TEMPLATES: &[&str] = &["waypoint", "kube-gateway", "agentgateway"];

/// Whether `text` is the built-in template of that name (not a user's own). Trailing
/// whitespace does not count: a YAML block scalar may drop the final newline.
pub fn is_builtin(name: &str, text: &str) -> bool {
    builtin()
        .iter()
        .any(|(n, t)| *n == name && t.trim_end() == text.trim_end())
}
