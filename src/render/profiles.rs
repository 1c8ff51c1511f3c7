//! The built-in installation profiles: each is an IstioOperator `spec` overlay on the
//! `default` profile, plus the values a profile name (`values.profile`) or a platform
//! (`values.global.platform`) selects inside the charts.

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

/// The values a chart profile (`values.profile`) sets, in IstioOperator values layout.
pub fn chart_profile_values(profile: &str) -> Value {
    let small = json!({"requests": {"cpu": "10m", "memory": "40Mi"}});
    match profile {
        "demo" => json!({
            "meshConfig": {
                "accessLogFile": "/dev/stdout",
                "extensionProviders": [
                    {"name": "otel", "envoyOtelAls": {"service": "opentelemetry-collector.observability.svc.cluster.local", "port": 4317}},
                    {"name": "skywalking", "skywalking": {"service": "tracing.istio-system.svc.cluster.local", "port": 11800}},
                    {"name": "otel-tracing", "opentelemetry": {"port": 4317, "service": "opentelemetry-collector.observability.svc.cluster.local"}},
                    {"name": "jaeger", "opentelemetry": {"port": 4317, "service": "jaeger-collector.istio-system.svc.cluster.local"}}
                ]
            },
            "cni": {"resources": small},
            "ztunnel": {"resources": small},
            "global": {"proxy": {"resources": small}, "waypoint": {"resources": small}},
            "pilot": {"autoscaleEnabled": false, "traceSampling": 100, "resources": {"requests": {"cpu": "10m", "memory": "100Mi"}}},
            "gateways": {
                "istio-egressgateway": {"autoscaleEnabled": false, "resources": small},
                "istio-ingressgateway": {
                    "autoscaleEnabled": false,
                    "resources": small,
                    "ports": [
                        {"port": 15021, "targetPort": 15021, "name": "status-port"},
                        {"port": 80, "targetPort": 8080, "name": "http2"},
                        {"port": 443, "targetPort": 8443, "name": "https"},
                        {"port": 31400, "targetPort": 31400, "name": "tcp"},
                        {"port": 15443, "targetPort": 15443, "name": "tls"}
                    ]
                }
            }
        }),
        "ambient" => json!({
            "meshConfig": {
                "defaultConfig": {"proxyMetadata": {"ISTIO_META_ENABLE_HBONE": "true"}},
                "serviceScopeConfigs": [{
                    "servicesSelector": {"matchExpressions": [{"key": "istio.io/global", "operator": "In", "values": ["true"]}]},
                    "scope": "GLOBAL"
                }]
            },
            "global": {"variant": "distroless"},
            "pilot": {"env": {"PILOT_ENABLE_AMBIENT": "true"}},
            "cni": {"ambient": {"enabled": true}}
        }),
        "preview" => json!({
            "meshConfig": {"defaultConfig": {"proxyMetadata": {"ISTIO_META_DNS_CAPTURE": "true"}}}
        }),
        "remote" => json!({
            "istiodRemote": {"enabled": true},
            "pilot": {"configMap": false},
            "telemetry": {"enabled": false},
            "global": {"omitSidecarInjectorConfigMap": true}
        }),
        "stable" => json!({"experimental": {"stableValidationPolicy": true}}),
        _ => json!({}),
    }
}

/// The values a platform (`values.global.platform`) sets.
pub fn platform_values(platform: &str) -> Value {
    match platform {
        "openshift" => json!({
            "cni": {
                "cniBinDir": "/var/lib/cni/bin",
                "cniConfDir": "/etc/cni/multus/net.d",
                "chained": false,
                "cniConfFileName": "istio-cni.conf",
                "provider": "multus",
                "seLinuxOptions": {"type": "spc_t"}
            },
            "ztunnel": {"seLinuxOptions": {"type": "spc_t"}},
            "pilot": {
                "cni": {"enabled": true, "provider": "multus"},
                "terminationMessagePolicy": "FallbackToLogsOnError",
                "trustedZtunnelNamespace": "kube-system"
            }
        }),
        // GKE leaves cniBinDir empty so the CNI installer detects it.
        "gke" => json!({"cni": {"cniBinDir": "", "resourceQuotas": {"enabled": true}}}),
        "k3d" => json!({
            "cni": {"cniConfDir": "/var/lib/rancher/k3s/agent/etc/cni/net.d", "cniBinDir": "/bin"}
        }),
        "k3s" => json!({
            "cni": {"cniConfDir": "/var/lib/rancher/k3s/agent/etc/cni/net.d", "cniBinDir": "/var/lib/rancher/k3s/data/cni"}
        }),
        "microk8s" => json!({
            "cni": {"cniConfDir": "/var/snap/microk8s/current/args/cni-network", "cniBinDir": "/var/snap/microk8s/current/opt/cni/bin"}
        }),
        "minikube" => json!({"cni": {"cniNetnsDir": "/var/run/docker/netns"}}),
        _ => json!({}),
    }
}
