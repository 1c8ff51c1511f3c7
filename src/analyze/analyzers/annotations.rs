//! The annotations analyzer: Istio annotations that are unknown, on the wrong kind of
//! resource, deprecated, or with values of the wrong type.

use serde_json::Value;

use crate::analyze::messages as msg;
use crate::analyze::{Analyzer, Reporter, Snapshot};
use crate::model::Resource;

#[derive(Clone, Copy, PartialEq)]
enum ValueType {
    Any,
    Bool,
    Int,
}

/// (annotation, the kind it applies to or "Any", deprecated, value type)
const KNOWN: &[(&str, &str, bool, ValueType)] = &[
    ("sidecar.istio.io/inject", "Pod", false, ValueType::Bool),
    ("sidecar.istio.io/status", "Pod", false, ValueType::Any),
    ("sidecar.istio.io/proxyImage", "Pod", false, ValueType::Any),
    (
        "sidecar.istio.io/proxyImageType",
        "Pod",
        false,
        ValueType::Any,
    ),
    ("sidecar.istio.io/proxyCPU", "Pod", false, ValueType::Any),
    (
        "sidecar.istio.io/proxyCPULimit",
        "Pod",
        false,
        ValueType::Any,
    ),
    ("sidecar.istio.io/proxyMemory", "Pod", false, ValueType::Any),
    (
        "sidecar.istio.io/proxyMemoryLimit",
        "Pod",
        false,
        ValueType::Any,
    ),
    (
        "sidecar.istio.io/interceptionMode",
        "Pod",
        false,
        ValueType::Any,
    ),
    ("sidecar.istio.io/logLevel", "Pod", false, ValueType::Any),
    (
        "sidecar.istio.io/componentLogLevel",
        "Pod",
        false,
        ValueType::Any,
    ),
    (
        "sidecar.istio.io/agentLogLevel",
        "Pod",
        false,
        ValueType::Any,
    ),
    (
        "sidecar.istio.io/bootstrapOverride",
        "Pod",
        false,
        ValueType::Any,
    ),
    (
        "sidecar.istio.io/discoveryAddress",
        "Pod",
        false,
        ValueType::Any,
    ),
    (
        "sidecar.istio.io/enableCoreDump",
        "Pod",
        false,
        ValueType::Bool,
    ),
    (
        "sidecar.istio.io/extraStatTags",
        "Pod",
        false,
        ValueType::Any,
    ),
    (
        "sidecar.istio.io/rewriteAppHTTPProbers",
        "Pod",
        false,
        ValueType::Bool,
    ),
    (
        "sidecar.istio.io/statsHistogramBuckets",
        "Pod",
        false,
        ValueType::Any,
    ),
    (
        "sidecar.istio.io/statsInclusionPrefixes",
        "Pod",
        true,
        ValueType::Any,
    ),
    (
        "sidecar.istio.io/statsInclusionRegexps",
        "Pod",
        true,
        ValueType::Any,
    ),
    (
        "sidecar.istio.io/statsInclusionSuffixes",
        "Pod",
        true,
        ValueType::Any,
    ),
    (
        "sidecar.istio.io/statsFlushInterval",
        "Pod",
        false,
        ValueType::Any,
    ),
    ("sidecar.istio.io/userVolume", "Pod", false, ValueType::Any),
    (
        "sidecar.istio.io/userVolumeMount",
        "Pod",
        false,
        ValueType::Any,
    ),
    (
        "sidecar.istio.io/nativeSidecar",
        "Pod",
        false,
        ValueType::Bool,
    ),
    (
        "sidecar.istio.io/controlPlaneAuthPolicy",
        "Pod",
        true,
        ValueType::Any,
    ),
    (
        "traffic.sidecar.istio.io/excludeInboundPorts",
        "Pod",
        false,
        ValueType::Any,
    ),
    (
        "traffic.sidecar.istio.io/excludeInterfaces",
        "Pod",
        false,
        ValueType::Any,
    ),
    (
        "traffic.sidecar.istio.io/excludeOutboundIPRanges",
        "Pod",
        false,
        ValueType::Any,
    ),
    (
        "traffic.sidecar.istio.io/excludeOutboundPorts",
        "Pod",
        false,
        ValueType::Any,
    ),
    (
        "traffic.sidecar.istio.io/includeInboundPorts",
        "Pod",
        false,
        ValueType::Any,
    ),
    (
        "traffic.sidecar.istio.io/includeOutboundIPRanges",
        "Pod",
        false,
        ValueType::Any,
    ),
    (
        "traffic.sidecar.istio.io/includeOutboundPorts",
        "Pod",
        false,
        ValueType::Any,
    ),
    (
        "traffic.sidecar.istio.io/kubevirtInterfaces",
        "Pod",
        false,
        ValueType::Any,
    ),
    ("status.sidecar.istio.io/port", "Pod", false, ValueType::Int),
    (
        "readiness.status.sidecar.istio.io/applicationPorts",
        "Pod",
        false,
        ValueType::Any,
    ),
    (
        "readiness.status.sidecar.istio.io/initialDelaySeconds",
        "Pod",
        false,
        ValueType::Int,
    ),
    (
        "readiness.status.sidecar.istio.io/periodSeconds",
        "Pod",
        false,
        ValueType::Int,
    ),
    (
        "readiness.status.sidecar.istio.io/failureThreshold",
        "Pod",
        false,
        ValueType::Int,
    ),
    ("proxy.istio.io/config", "Pod", false, ValueType::Any),
    ("proxy.istio.io/overrides", "Pod", false, ValueType::Any),
    (
        "prometheus.istio.io/merge-metrics",
        "Pod",
        false,
        ValueType::Bool,
    ),
    ("inject.istio.io/templates", "Pod", false, ValueType::Any),
    ("ambient.istio.io/redirection", "Pod", false, ValueType::Any),
    (
        "ambient.istio.io/bypass-inbound-capture",
        "Pod",
        false,
        ValueType::Bool,
    ),
    (
        "ambient.istio.io/dns-capture",
        "Any",
        false,
        ValueType::Bool,
    ),
    ("istio.io/rev", "Any", false, ValueType::Any),
    (
        "istio.io/dry-run",
        "AuthorizationPolicy",
        false,
        ValueType::Bool,
    ),
    (
        "istio.io/reroute-virtual-interfaces",
        "Pod",
        false,
        ValueType::Any,
    ),
    (
        "networking.istio.io/exportTo",
        "Service",
        false,
        ValueType::Any,
    ),
    (
        "networking.istio.io/traffic-distribution",
        "Service",
        false,
        ValueType::Any,
    ),
    (
        "networking.istio.io/address-type",
        "Gateway",
        false,
        ValueType::Any,
    ),
    (
        "networking.istio.io/service-type",
        "Gateway",
        false,
        ValueType::Any,
    ),
    (
        "galley.istio.io/analyze-suppress",
        "Any",
        false,
        ValueType::Any,
    ),
    (
        "gateway.istio.io/controller-version",
        "Any",
        false,
        ValueType::Any,
    ),
    (
        "gateway.istio.io/service-account",
        "Gateway",
        false,
        ValueType::Any,
    ),
    (
        "topology.istio.io/controlPlaneClusters",
        "Any",
        false,
        ValueType::Any,
    ),
    (
        "kubernetes.io/ingress.class",
        "Ingress",
        false,
        ValueType::Any,
    ),
];

/// Whether an annotation key is one Istio defines (an `*.istio.io/` key, or one it reads).
fn is_istio_key(key: &str) -> bool {
    let domain = key.split('/').next().unwrap_or("");
    (key.contains('/') && (domain == "istio.io" || domain.ends_with(".istio.io")))
        || key == "kubernetes.io/ingress.class"
}

fn is_injected(r: &Resource) -> bool {
    r.object
        .pointer("/spec/initContainers")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .any(|c| {
            matches!(
                c.get("name").and_then(Value::as_str),
                Some("istio-init" | "istio-validation")
            )
        })
}

fn check(
    r: &Resource,
    kind: &str,
    annotations: &serde_json::Map<String, Value>,
    out: &mut Reporter,
) {
    for (key, value) in annotations {
        if !is_istio_key(key)
            || key.starts_with("install.operator.istio.io/")
            || key.starts_with("operator.istio.io/")
        {
            continue;
        }
        let Some(&(_, applies_to, deprecated, ty)) = KNOWN.iter().find(|k| k.0 == key) else {
            out.report(&msg::UNKNOWN_ANNOTATION, Some(r), None, &[key.into()]);
            continue;
        };
        if applies_to != "Any" && applies_to != kind {
            out.report(
                &msg::MISPLACED_ANNOTATION,
                Some(r),
                None,
                &[key.into(), applies_to.into()],
            );
        }
        if deprecated {
            out.report(
                &msg::DEPRECATED_ANNOTATION,
                Some(r),
                None,
                &[key.into(), "".into()],
            );
        }
        let text = value.as_str().unwrap_or("");
        let bad = match ty {
            ValueType::Any => None,
            ValueType::Bool => {
                (!matches!(text, "true" | "false")).then_some("must be true or false")
            }
            ValueType::Int => text.parse::<i64>().is_err().then_some("must be an integer"),
        };
        if let Some(why) = bad {
            out.report(
                &msg::INVALID_ANNOTATION,
                Some(r),
                None,
                &[key.into(), format!("{text:?} {why}").into()],
            );
        }
    }
}

pub static K8S: Analyzer = Analyzer {
    name: "annotations.K8sAnalyzer",
    doc: "Checks Istio annotations on Namespaces, Services, Pods and Deployments: known, on the right kind, not deprecated, well-typed",
    inputs: &["Namespace", "Service", "Pod", "Deployment"],
    requires: &[],
    codes: &[&msg::MISPLACED_ANNOTATION, &msg::UNKNOWN_ANNOTATION, &msg::INVALID_ANNOTATION, &msg::DEPRECATED_ANNOTATION],
    run: k8s,
};

fn k8s(snap: &Snapshot, out: &mut Reporter) {
    let resources = snap
        .core("Namespace")
        .chain(snap.core("Service"))
        .chain(snap.core("Pod"))
        .chain(snap.of("apps", "Deployment"));
    for r in resources {
        if r.kind() == "Pod" && is_injected(r) {
            continue;
        }
        if let Some(a) = r.annotations() {
            check(r, r.kind(), a, out);
        }
        if r.kind() == "Deployment" {
            if let Some(a) = r
                .object
                .pointer("/spec/template/metadata/annotations")
                .and_then(Value::as_object)
            {
                check(r, "Pod", a, out);
            }
        }
    }
}
