//! Schema validation of every Istio resource with the shared model's rules (IST0106), and
//! deprecated fields (IST0002).

use super::util::mesh_origin;
use crate::analyze::{Analyzer, Reporter, Snapshot};
use crate::model::validate::{mesh as mesh_validation, validate_webhook_rules};

/// `schema.ValidationAnalyzer.<Kind>`: one instance per Istio kind, plus the mesh config
/// and mesh networks.
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
        match self.kind {
            "MeshConfig" | "MeshNetworks" => "Validates the mesh-wide configuration (durations, ports, addresses, enums, export-to, locality, extension providers; networks' endpoints and gateways)",
            _ => "Validates the resources of one Istio kind against Istio's schema and webhook rules (as `skiff validate`)",
        }
    }
    fn inputs(&self) -> &'static [&'static str] {
        self.inputs
    }
    fn codes(&self) -> &'static [&'static str] {
        &["IST0106", "IST0133", "IST0130", "IST0131"]
    }
    fn analyze(&self, snap: &Snapshot, out: &mut Reporter) {
        if matches!(self.kind, "MeshConfig" | "MeshNetworks") {
            return validate_mesh(self.kind, snap, out);
        }
        // As istioctl: only the webhook's rules; a resource that does not decode was
        // skipped when it was read (see Snapshot), so nothing is said of it here.
        for r in snap.istio(self.kind) {
            for p in validate_webhook_rules(r).unwrap_or_default() {
                if let Some((code, params)) = &p.error.analysis {
                    let params: Vec<_> = params.iter().map(|v| v.clone().into()).collect();
                    out.report(code, Some(r), Some(&p.error.path), &params);
                    continue;
                }
                let code = if p.error.warning {
                    "IST0133"
                } else {
                    "IST0106"
                };
                out.report(
                    code,
                    Some(r),
                    Some(&p.error.path),
                    &[p.error.istio_text().to_string().into()],
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

/// `schema.ValidationAnalyzer.MeshConfig` / `.MeshNetworks`: the mesh-wide configuration.
pub static MESH_CONFIG: ValidationAnalyzer = ValidationAnalyzer {
    kind: "MeshConfig",
    name: "schema.ValidationAnalyzer.MeshConfig",
    inputs: &["MeshConfig"],
};

pub static MESH_NETWORKS: ValidationAnalyzer = ValidationAnalyzer {
    kind: "MeshNetworks",
    name: "schema.ValidationAnalyzer.MeshNetworks",
    inputs: &["MeshNetworks"],
};

/// Problems of the mesh config or mesh networks, reported on istioctl's synthetic objects
/// `MeshConfig <istio-ns>/meshconfig` and `MeshNetworks <istio-ns>/meshnetworks`.
fn validate_mesh(kind: &'static str, snap: &Snapshot, out: &mut Reporter) {
    let problems = match kind {
        "MeshConfig" => match serde_json::to_value(&snap.mesh) {
            Ok(mesh) => mesh_validation::mesh_config(&mesh),
            Err(_) => return,
        },
        _ => match &snap.mesh_networks {
            Some(networks) => mesh_validation::mesh_networks(networks),
            None => return,
        },
    };
    if problems.is_empty() {
        return;
    }
    let origin = mesh_origin(snap, kind);
    for p in problems {
        out.report("IST0106", Some(&origin), None, &[p.to_string().into()]);
    }
}

pub struct DeprecationAnalyzer;

impl Analyzer for DeprecationAnalyzer {
    fn name(&self) -> &'static str {
        "deprecation.DeprecationAnalyzer"
    }
    fn doc(&self) -> &'static str {
        "Reports fields Istio 1.30 deprecates or ignores (fault.delay.percent, a Sidecar's egressProxy)"
    }
    fn inputs(&self) -> &'static [&'static str] {
        &["VirtualService", "Sidecar"]
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
                let percent = route
                    .pointer("/fault/delay/percent")
                    .and_then(|p| p.as_f64());
                if percent.is_some_and(|p| p > 0.0) {
                    out.report(
                        "IST0002",
                        Some(vs),
                        Some(&format!("spec.http[{i}].fault.delay.percent")),
                        &["HTTPRoute.fault.delay.percent is deprecated; use HTTPRoute.fault.delay.percentage".into()],
                    );
                }
            }
        }
        for sc in snap.istio("Sidecar") {
            if sc
                .object
                .pointer("/spec/outboundTrafficPolicy/egressProxy")
                .is_some_and(|p| !p.is_null())
            {
                out.report(
                    "IST0002",
                    Some(sc),
                    Some("spec.outboundTrafficPolicy.egressProxy"),
                    &["OutboundTrafficPolicy.EgressProxy ignored".into()],
                );
            }
        }
    }
}
