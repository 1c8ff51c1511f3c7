//! Schema validation of every Istio resource with the shared model's rules (IST0106), and
//! deprecated fields (IST0002).

use crate::analyze::{Analyzer, Reporter, Snapshot};
use crate::model::validate::validate_resource;

/// `schema.ValidationAnalyzer.<Kind>`: one instance per Istio kind.
pub struct ValidationAnalyzer {
    pub kind: &'static str,
    pub name: &'static str,
    pub inputs: &'static [&'static str],
}

impl Analyzer for ValidationAnalyzer {
    fn name(&self) -> &'static str {
        self.name
    }
    fn doc(&self) -> &'static str {
        "Validates the resources of one Istio kind against Istio's schema and webhook rules (as `skiff validate`)"
    }
    fn inputs(&self) -> &'static [&'static str] {
        self.inputs
    }
    fn codes(&self) -> &'static [&'static str] {
        &["IST0106"]
    }
    fn analyze(&self, snap: &Snapshot, out: &mut Reporter) {
        for r in snap.istio(self.kind) {
            for p in validate_resource(r) {
                out.report(
                    "IST0106",
                    Some(r),
                    Some(&p.error.path),
                    &[p.error.to_string().into()],
                );
            }
        }
    }
}

macro_rules! validation_analyzers {
    ($($kind:literal),* $(,)?) => {
        &[$(ValidationAnalyzer { kind: $kind, name: concat!("schema.ValidationAnalyzer.", $kind), inputs: &[$kind] }),*]
    };
}

pub static VALIDATION: &[ValidationAnalyzer] = validation_analyzers!(
    "AuthorizationPolicy",
    "DestinationRule",
    "EnvoyFilter",
    "Gateway",
    "PeerAuthentication",
    "ProxyConfig",
    "RequestAuthentication",
    "ServiceEntry",
    "Sidecar",
    "Telemetry",
    "TrafficExtension",
    "VirtualService",
    "WasmPlugin",
    "WorkloadEntry",
    "WorkloadGroup",
);

pub struct DeprecationAnalyzer;

/// Fields Istio deprecated, by kind: (JSON pointer relative to an item, path label, what to use).
fn deprecated_fields(kind: &str) -> &'static [(&'static str, &'static str)] {
    match kind {
        "VirtualService" => &[
            (
                "/fault/delay/percent",
                "fault.delay.percent is deprecated; use fault.delay.percentage",
            ),
            (
                "/mirrorPercent",
                "mirrorPercent is deprecated; use mirrorPercentage",
            ),
            (
                "/mirror_percent",
                "mirror_percent is deprecated; use mirrorPercentage",
            ),
            (
                "/corsPolicy/allowOrigin",
                "corsPolicy.allowOrigin is deprecated; use corsPolicy.allowOrigins",
            ),
        ],
        _ => &[],
    }
}

impl Analyzer for DeprecationAnalyzer {
    fn name(&self) -> &'static str {
        "deprecation.DeprecationAnalyzer"
    }
    fn doc(&self) -> &'static str {
        "Reports fields Istio has deprecated (e.g. fault.delay.percent, mirrorPercent, Sidecar localhost ingress)"
    }
    fn inputs(&self) -> &'static [&'static str] {
        &["VirtualService", "Sidecar", "EnvoyFilter"]
    }
    fn codes(&self) -> &'static [&'static str] {
        &["IST0002"]
    }
    fn analyze(&self, snap: &Snapshot, out: &mut Reporter) {
        for vs in snap.istio("VirtualService") {
            for (i, route) in super::util::array_at(&vs.object, "/spec/http")
                .iter()
                .enumerate()
            {
                for (pointer, what) in deprecated_fields("VirtualService") {
                    if route.pointer(pointer).is_some() {
                        let field = format!("spec.http[{i}]{}", pointer.replace('/', "."));
                        out.report("IST0002", Some(vs), Some(&field), &[(*what).into()]);
                    }
                }
            }
        }
        for ef in snap.istio("EnvoyFilter") {
            for (i, patch) in super::util::array_at(&ef.object, "/spec/configPatches")
                .iter()
                .enumerate()
            {
                if patch
                    .pointer("/match/listener/filterChain/filter/name")
                    .and_then(|v| v.as_str())
                    == Some("envoy.http_connection_manager")
                {
                    out.report(
                        "IST0002",
                        Some(ef),
                        Some(&format!("spec.configPatches[{i}].match")),
                        &["filter name envoy.http_connection_manager is deprecated; use envoy.filters.network.http_connection_manager".into()],
                    );
                }
            }
        }
    }
}
