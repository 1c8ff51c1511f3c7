//! Schema validation of every Istio resource with the shared model's rules (IST0106), and
//! deprecated fields (IST0002).

use super::util::mesh_origin;
use crate::analyze::messages::{self as msg, MessageType};
use crate::analyze::{Analyzer, Reporter, Snapshot};
use crate::model::validate::{mesh as mesh_validation, remembered_webhook_rules};

const VALIDATION_DOC: &str = "Validates the resources of one Istio kind against Istio's schema and webhook rules (as `skiff validate`)";
const VALIDATION_CODES: &[&MessageType] = &[
    &msg::SCHEMA_VALIDATION_ERROR,
    &msg::SCHEMA_WARNING,
    &msg::VIRTUAL_SERVICE_UNREACHABLE_RULE,
    &msg::VIRTUAL_SERVICE_INEFFECTIVE_MATCH,
];

/// `schema.ValidationAnalyzer.<Kind>`: one analyzer per Istio kind.
macro_rules! validation_analyzers {
    ($($kind:literal),* $(,)?) => {
        [$(Analyzer {
            name: concat!("schema.ValidationAnalyzer.", $kind),
            doc: VALIDATION_DOC,
            inputs: &[$kind],
            requires: &[],
            codes: VALIDATION_CODES,
            run: |snap, out| validate_kind($kind, snap, out),
        }),*]
    };
}

pub static VALIDATION: [Analyzer; 15] = validation_analyzers!(
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

const MESH_DOC: &str = "Validates the mesh-wide configuration (durations, ports, addresses, enums, export-to, locality, extension providers; networks' endpoints and gateways)";

/// `schema.ValidationAnalyzer.MeshConfig`: the mesh config.
pub static MESH_CONFIG: Analyzer = Analyzer {
    name: "schema.ValidationAnalyzer.MeshConfig",
    doc: MESH_DOC,
    inputs: &["MeshConfig"],
    requires: &[],
    codes: &[&msg::SCHEMA_VALIDATION_ERROR],
    run: |snap, out| validate_mesh("MeshConfig", snap, out),
};

/// `schema.ValidationAnalyzer.MeshNetworks`: the mesh networks.
pub static MESH_NETWORKS: Analyzer = Analyzer {
    name: "schema.ValidationAnalyzer.MeshNetworks",
    doc: MESH_DOC,
    inputs: &["MeshNetworks"],
    requires: &[],
    codes: &[&msg::SCHEMA_VALIDATION_ERROR],
    run: |snap, out| validate_mesh("MeshNetworks", snap, out),
};

/// The validating webhook's rules over every resource of `kind`. The messages point at the
/// resource, not the field: istioctl's schema analyzer gives them the resource's line. As istioctl: a resource
/// that does not decode was skipped when it was read (see Snapshot), so nothing is said
/// of it here.
fn validate_kind(kind: &str, snap: &Snapshot, out: &mut Reporter) {
    for r in snap.istio(kind) {
        for p in remembered_webhook_rules(r).unwrap_or_default() {
            if let Some((code, params)) = &p.error.analysis {
                let params: Vec<_> = params.iter().map(|v| v.clone().into()).collect();
                out.report_code(code, Some(r), None, &params);
                continue;
            }
            let kind = if p.error.warning {
                &msg::SCHEMA_WARNING
            } else {
                &msg::SCHEMA_VALIDATION_ERROR
            };
            out.report(
                kind,
                Some(r),
                None,
                &[p.error.istio_text().to_string().into()],
            );
        }
    }
}

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
        out.report(
            &msg::SCHEMA_VALIDATION_ERROR,
            Some(&origin),
            None,
            &[p.to_string().into()],
        );
    }
}

pub static DEPRECATION: Analyzer = Analyzer {
    name: "deprecation.DeprecationAnalyzer",
    doc: "Reports fields Istio 1.30 deprecates or ignores (fault.delay.percent, a Sidecar's egressProxy)",
    inputs: &["VirtualService", "Sidecar"],
    requires: &[],
    codes: &[&msg::DEPRECATED],
    run: deprecation,
};

/// The messages point at the resource, as istioctl's deprecation analyzer has them.
fn deprecation(snap: &Snapshot, out: &mut Reporter) {
    for vs in snap.istio("VirtualService") {
        for route in super::util::array_at(&vs.object, "/spec/http") {
            let percent = route
                .pointer("/fault/delay/percent")
                .and_then(|p| p.as_f64());
            if percent.is_some_and(|p| p > 0.0) {
                out.report(
                    &msg::DEPRECATED,
                    Some(vs),
                    None,
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
                &msg::DEPRECATED,
                Some(sc),
                None,
                &["OutboundTrafficPolicy.EgressProxy ignored".into()],
            );
        }
    }
}
