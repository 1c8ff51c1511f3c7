//! DestinationRule analyzers: TLS without CA certificates, subsets that select no pod,
//! hosts that match no service.

use serde_json::Value;

use super::util::*;
use crate::analyze::messages as msg;
use crate::analyze::snapshot::selects;
use crate::analyze::{Analyzer, Reporter, Snapshot};

fn needs_ca(tls: &Value) -> Option<&str> {
    let mode = tls.get("mode").and_then(Value::as_str)?;
    if !matches!(mode, "SIMPLE" | "MUTUAL") {
        return None;
    }
    let has_ca = tls
        .get("caCertificates")
        .and_then(Value::as_str)
        .is_some_and(|c| !c.is_empty());
    let has_credential = tls
        .get("credentialName")
        .and_then(Value::as_str)
        .is_some_and(|c| !c.is_empty());
    let skip = tls
        .get("insecureSkipVerify")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    (!has_ca && !has_credential && !skip).then_some(mode)
}

pub static CA_CERTIFICATE: Analyzer = Analyzer {
    name: "destinationrule.CaCertificateAnalyzer",
    doc: "Checks that DestinationRules originating TLS (SIMPLE or MUTUAL) set caCertificates to verify the server",
    inputs: &["DestinationRule"],
    requires: &[],
    codes: &[&msg::NO_SERVER_CERTIFICATE_VERIFICATION_DESTINATION_LEVEL, &msg::NO_SERVER_CERTIFICATE_VERIFICATION_PORT_LEVEL],
    run: ca_certificate,
};

fn ca_certificate(snap: &Snapshot, out: &mut Reporter) {
    for dr in snap.istio("DestinationRule") {
        let host = str_at(&dr.object, "/spec/host").unwrap_or("");
        if let Some(mode) = dr
            .object
            .pointer("/spec/trafficPolicy/tls")
            .and_then(needs_ca)
        {
            out.report(
                &msg::NO_SERVER_CERTIFICATE_VERIFICATION_DESTINATION_LEVEL,
                Some(dr),
                Some("spec.trafficPolicy.tls.caCertificates"),
                &[
                    qualified(dr).into(),
                    ns(dr).into(),
                    mode.into(),
                    host.into(),
                ],
            );
        }
        for (i, pls) in array_at(&dr.object, "/spec/trafficPolicy/portLevelSettings")
            .iter()
            .enumerate()
        {
            if let Some(mode) = pls.get("tls").and_then(needs_ca) {
                let port = pls
                    .pointer("/port/number")
                    .and_then(Value::as_i64)
                    .unwrap_or(0);
                out.report(
                    &msg::NO_SERVER_CERTIFICATE_VERIFICATION_PORT_LEVEL,
                    Some(dr),
                    Some(&format!(
                        "spec.trafficPolicy.portLevelSettings[{i}].tls.caCertificates"
                    )),
                    &[
                        qualified(dr).into(),
                        ns(dr).into(),
                        mode.into(),
                        host.into(),
                        port.to_string().into(),
                    ],
                );
            }
        }
    }
}

pub static SUBSET_SELECT_POD: Analyzer = Analyzer {
    name: "destinationrule.SubsetSelectPodAnalyzer",
    doc: "Checks that every DestinationRule subset selects at least one pod of the host's Service",
    inputs: with_workloads!["DestinationRule", "Service", "ServiceEntry"],
    requires: &[],
    codes: &[
        &msg::DESTINATION_RULE_SUBSET_NOT_SELECT_PODS,
        &msg::UNKNOWN_DESTINATION_RULE_HOST,
    ],
    run: subset_select_pod,
};

fn subset_select_pod(snap: &Snapshot, out: &mut Reporter) {
    for dr in snap.istio("DestinationRule") {
        let Some(host) = str_at(&dr.object, "/spec/host") else {
            continue;
        };
        let full = fqdn(host, ns(dr));
        let Some(svc) = snap.service(&full) else {
            let in_entries = service_entry_hosts(snap, ns(dr))
                .iter()
                .any(|(h, _)| hosts_overlap(h, &full));
            if !in_entries
                && !full.contains('*')
                && snap.core("Service").next().is_some()
                && !full.ends_with(DOMAIN_SUFFIX)
            {
                out.report(
                    &msg::UNKNOWN_DESTINATION_RULE_HOST,
                    Some(dr),
                    None,
                    &[host.into()],
                );
            }
            continue;
        };
        let svc_selector = labels_at(&svc.object, "/spec/selector");
        if svc_selector.is_empty() {
            continue;
        }
        let backing: Vec<_> = snap
            .workloads_in(ns(svc))
            .filter(|w| selects(&svc_selector, &w.labels))
            .collect();
        for subset in array_at(&dr.object, "/spec/subsets") {
            let labels = labels_at(subset, "/labels");
            if !backing.iter().any(|w| selects(&labels, &w.labels)) {
                let name = subset.get("name").and_then(Value::as_str).unwrap_or("");
                out.report(
                    &msg::DESTINATION_RULE_SUBSET_NOT_SELECT_PODS,
                    Some(dr),
                    None,
                    &[name.into()],
                );
            }
        }
    }
}
