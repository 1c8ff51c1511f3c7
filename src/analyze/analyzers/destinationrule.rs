//! DestinationRule analyzers: TLS without CA certificates, subsets that select no pod,
//! hosts that match no service.

use std::collections::BTreeMap;

use serde_json::Value;

use super::util::*;
use crate::analyze::messages as msg;
use crate::analyze::snapshot::selects;
use crate::analyze::{Analyzer, Reporter, Snapshot};
use crate::model::Resource;

/// The TLS mode of settings that originate TLS (SIMPLE or MUTUAL) without verifying the
/// server: no `caCertificates`, and not the one exemption Istio makes, a `credentialName`
/// on a DestinationRule with a workload selector (`insecureSkipVerify` is none).
fn needs_ca(tls: &Value, has_workload_selector: bool) -> Option<&str> {
    let mode = tls.get("mode").and_then(Value::as_str)?;
    if !matches!(mode, "SIMPLE" | "MUTUAL") {
        return None;
    }
    let set = |key: &str| {
        tls.get(key)
            .and_then(Value::as_str)
            .is_some_and(|c| !c.is_empty())
    };
    let exempt = set("credentialName") && has_workload_selector;
    (!set("caCertificates") && !exempt).then_some(mode)
}

/// A port selector as Istio's message prints it (the protobuf text form): `number:443`,
/// empty for a selector without a number, `<nil>` for none.
fn port_selector_text(port: Option<&Value>) -> String {
    match port.filter(|p| !p.is_null()) {
        None => "<nil>".to_string(),
        Some(p) => match p.get("number").and_then(Value::as_u64).filter(|n| *n != 0) {
            Some(number) => format!("number:{number}"),
            None => String::new(),
        },
    }
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
        let selected = dr
            .object
            .pointer("/spec/workloadSelector")
            .is_some_and(|s| !s.is_null());
        let tls = dr.object.pointer("/spec/trafficPolicy/tls");
        if let Some(mode) = tls.and_then(|tls| needs_ca(tls, selected)) {
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
            if let Some(mode) = pls.get("tls").and_then(|tls| needs_ca(tls, selected)) {
                let port = port_selector_text(pls.get("port"));
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
                        port.into(),
                    ],
                );
            }
        }
    }
}

pub static SUBSET_SELECT_POD: Analyzer = Analyzer {
    name: "destinationrule.SubsetSelectPodAnalyzer",
    doc: "Checks that every DestinationRule subset selects at least one pod of the host's Service",
    inputs: with_workloads!["DestinationRule", "Service", "ServiceEntry", "Node"],
    requires: &["Service"],
    codes: &[
        &msg::DESTINATION_RULE_SUBSET_NOT_SELECT_PODS,
        &msg::UNKNOWN_DESTINATION_RULE_HOST,
    ],
    run: subset_select_pod,
};

/// One DestinationRule subset awaiting a pod: the labels it selects and, for a
/// Kubernetes Service host, the namespace and selector of the Service's pods.
struct SubsetMatcher<'a> {
    rule: &'a Resource,
    name: String,
    selector: BTreeMap<String, String>,
    endpoint_pods: Option<&'a (String, BTreeMap<String, String>)>,
    matched: bool,
}

impl SubsetMatcher<'_> {
    /// Whether a pod (its namespace, its labels as the registry sees them) is an endpoint
    /// of this subset: it carries the subset's labels and, where the host is a Kubernetes
    /// Service with a selector, it is one of that Service's pods.
    fn matches(&self, namespace: &str, labels: &BTreeMap<String, String>) -> bool {
        let backs_host = self
            .endpoint_pods
            .is_none_or(|(ns, selector)| ns == namespace && selects(selector, labels));
        backs_host && selects(&self.selector, labels)
    }
}

fn subset_select_pod(snap: &Snapshot, out: &mut Reporter) {
    let hosts = ServiceHosts::new(snap);
    let mut subsets: Vec<SubsetMatcher> = Vec::new();
    for dr in snap.istio("DestinationRule") {
        let host = str_at(&dr.object, "/spec/host").unwrap_or("");
        let export_to = strings(dr.object.pointer("/spec/exportTo"));
        let Some(service) = hosts.lookup(ns(dr), &export_to, host) else {
            out.report(
                &msg::UNKNOWN_DESTINATION_RULE_HOST,
                Some(dr),
                None,
                &[host.into()],
            );
            continue;
        };
        for subset in array_at(&dr.object, "/spec/subsets") {
            let mut selector = service.workload_selector.clone();
            selector.extend(labels_at(subset, "/labels"));
            let name = subset.get("name").and_then(Value::as_str).unwrap_or("");
            subsets.push(SubsetMatcher {
                rule: dr,
                name: name.to_string(),
                selector,
                endpoint_pods: service.endpoint_pods.as_ref(),
                matched: false,
            });
        }
    }
    if subsets.is_empty() {
        return;
    }
    let nodes: BTreeMap<&str, BTreeMap<String, String>> = snap
        .core("Node")
        .map(|n| (n.name(), labels_at(&n.object, "/metadata/labels")))
        .collect();
    // A subset of a Service host can only match pods of the Service's namespace: only
    // those subsets and the unscoped ones are tried on each pod.
    let mut scoped: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut anywhere: Vec<usize> = Vec::new();
    for (i, subset) in subsets.iter().enumerate() {
        match subset.endpoint_pods {
            Some((namespace, _)) => scoped.entry(namespace.as_str()).or_default().push(i),
            None => anywhere.push(i),
        }
    }
    for w in snap.workloads() {
        let labels = with_node_labels(&w.labels, snap.pod_spec(w), &nodes);
        let candidates = scoped.get(w.namespace.as_str()).into_iter().flatten();
        for &i in candidates.chain(&anywhere) {
            if !subsets[i].matched {
                subsets[i].matched = subsets[i].matches(&w.namespace, &labels);
            }
        }
    }
    for subset in subsets.into_iter().filter(|s| !s.matched) {
        out.report(
            &msg::DESTINATION_RULE_SUBSET_NOT_SELECT_PODS,
            Some(subset.rule),
            None,
            &[subset.name.into()],
        );
    }
}

/// A pod's labels as Istio's service registry sees them: with its node's region, zone and
/// subzone (read as one locality string, as istiod does) and the node's name as
/// `kubernetes.io/hostname`.
fn with_node_labels(
    labels: &BTreeMap<String, String>,
    pod_spec: &Value,
    nodes: &BTreeMap<&str, BTreeMap<String, String>>,
) -> BTreeMap<String, String> {
    let mut out = labels.clone();
    let node = str_at(pod_spec, "/nodeName").unwrap_or("");
    if let Some(node_labels) = nodes.get(node) {
        let get = |k: &str| node_labels.get(k).map(String::as_str).unwrap_or("");
        let (region, zone, subzone) = (
            get("topology.kubernetes.io/region"),
            get("topology.kubernetes.io/zone"),
            get("topology.istio.io/subzone"),
        );
        let locality = match (zone, subzone) {
            ("", _) => region.to_string(),
            (zone, "") => format!("{region}/{zone}"),
            (zone, subzone) => format!("{region}/{zone}/{subzone}"),
        };
        let mut parts = locality.split('/');
        for key in [
            "topology.kubernetes.io/region",
            "topology.kubernetes.io/zone",
            "topology.istio.io/subzone",
        ] {
            if let Some(v) = parts.next().filter(|v| !v.is_empty()) {
                out.insert(key.to_string(), v.to_string());
            }
        }
    }
    if !node.is_empty() {
        out.insert("kubernetes.io/hostname".to_string(), node.to_string());
    }
    out
}
