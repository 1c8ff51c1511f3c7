//! Multicluster analysis: a Service of the same name and namespace in several clusters of
//! the mesh must agree on what clients see (services.MultiClusterServiceAnalyzer, IST0170).

use std::collections::BTreeMap;

use serde_json::Value;

use crate::analyze::messages as msg;
use crate::analyze::snapshot::IGNORED_NAMESPACES;
use crate::analyze::{Analyzer, Arg, Reporter, Snapshot};
use crate::model::Resource;

pub static MULTI_CLUSTER_SERVICE: Analyzer = Analyzer {
    name: "services.MultiClusterServiceAnalyzer",
    doc: "A Service present in several clusters (--remote-contexts, or Istio's remote secrets) must have the same type, headlessness and ports (number, name, protocol) in each",
    inputs: &["Service"],
    requires: &[],
    codes: &[&msg::MULTI_CLUSTER_INCONSISTENT_SERVICE],
    run: multi_cluster_service,
};

fn multi_cluster_service(snap: &Snapshot, out: &mut Reporter) {
    let Some(own_cluster) = snap.cluster.as_deref() else {
        return;
    };
    // (namespace, name) -> the Service in each cluster, this snapshot's cluster first.
    let mut by_service: BTreeMap<(&str, &str), Vec<(&str, &Resource)>> = BTreeMap::new();
    let own = snap.core("Service").map(|s| (own_cluster, s));
    let remote = snap
        .remote_services
        .iter()
        .flat_map(|r| r.services.iter().map(move |s| (r.cluster.as_str(), s)));
    for (cluster, service) in own.chain(remote) {
        let namespace = service.namespace().unwrap_or("");
        if IGNORED_NAMESPACES.contains(&namespace) {
            continue;
        }
        by_service
            .entry((namespace, service.name()))
            .or_default()
            .push((cluster, service));
    }
    for ((namespace, name), copies) in by_service {
        if copies.len() < 2 {
            continue;
        }
        let differences = differences(&copies);
        if differences.is_empty() {
            continue;
        }
        let clusters: Vec<String> = copies.iter().map(|(c, _)| c.to_string()).collect();
        let args = [
            Arg::from(name),
            Arg::from(namespace),
            Arg::List(clusters),
            Arg::from(differences.join("; ")),
        ];
        let (cluster, service) = copies[0];
        if cluster == own_cluster {
            out.report(
                &msg::MULTI_CLUSTER_INCONSISTENT_SERVICE,
                Some(service),
                None,
                &args,
            );
        } else {
            out.report_in_cluster(
                cluster,
                &msg::MULTI_CLUSTER_INCONSISTENT_SERVICE,
                service,
                &args,
            );
        }
    }
}

/// Describes one aspect of a Service, in a form compared between clusters.
type Describe = fn(&Resource) -> String;

/// What clients of the Service would see differently depending on the cluster.
fn differences(copies: &[(&str, &Resource)]) -> Vec<String> {
    let aspects: [(&str, Describe); 3] = [
        ("type", service_type),
        ("headless", headless),
        ("ports", ports),
    ];
    let mut found = Vec::new();
    for (aspect, describe) in aspects {
        let values: Vec<(&str, String)> = copies.iter().map(|(c, s)| (*c, describe(s))).collect();
        if values.iter().all(|(_, v)| *v == values[0].1) {
            continue;
        }
        let per_cluster: Vec<String> = values
            .iter()
            .map(|(cluster, value)| format!("{value} in {cluster}"))
            .collect();
        found.push(format!("{aspect}: {}", per_cluster.join(", ")));
    }
    found
}

fn service_type(service: &Resource) -> String {
    service
        .object
        .pointer("/spec/type")
        .and_then(Value::as_str)
        .unwrap_or("ClusterIP")
        .to_string()
}

fn headless(service: &Resource) -> String {
    let is_headless = service
        .object
        .pointer("/spec/clusterIP")
        .and_then(Value::as_str)
        == Some("None");
    is_headless.to_string()
}

/// `[name port/PROTOCOL ...]` sorted by port number; the target port may rightly differ
/// between clusters, so it is left out.
fn ports(service: &Resource) -> String {
    let mut ports: Vec<(i64, String)> = service
        .object
        .pointer("/spec/ports")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|p| {
            let number = p.get("port").and_then(Value::as_i64).unwrap_or(0);
            let name = p.get("name").and_then(Value::as_str).unwrap_or("");
            let protocol = p.get("protocol").and_then(Value::as_str).unwrap_or("TCP");
            let text = if name.is_empty() {
                format!("{number}/{protocol}")
            } else {
                format!("{name} {number}/{protocol}")
            };
            (number, text)
        })
        .collect();
    ports.sort();
    let listed: Vec<String> = ports.into_iter().map(|(_, t)| t).collect();
    format!("[{}]", listed.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::snapshot::RemoteServices;
    use crate::model::mesh::MeshConfig;
    use serde_json::json;

    fn service(spec: Value) -> Resource {
        Resource::detached(
            json!({"apiVersion": "v1", "kind": "Service",
                   "metadata": {"name": "reviews", "namespace": "bookinfo"}, "spec": spec}),
            "test",
        )
    }

    fn analyze(own: Vec<Resource>, remote: Vec<Resource>) -> Vec<String> {
        let snap = Snapshot::new(own, "", MeshConfig::default(), None, "istio-system").in_cluster(
            "east",
            vec![RemoteServices {
                cluster: "west".into(),
                services: remote,
            }],
        );
        let mut out = Reporter::default();
        (MULTI_CLUSTER_SERVICE.run)(&snap, &mut out);
        out.into_messages().iter().map(|m| m.line()).collect()
    }

    #[test]
    fn the_same_service_everywhere_is_fine() {
        let spec = json!({"ports": [{"name": "http", "port": 9080, "targetPort": 9080}]});
        let other = json!({"ports": [{"name": "http", "port": 9080, "targetPort": 8080, "protocol": "TCP"}]});
        assert!(analyze(vec![service(spec)], vec![service(other)]).is_empty());
    }

    #[test]
    fn differing_ports_and_type_are_reported_once_on_the_own_cluster() {
        let east = json!({"ports": [{"name": "http", "port": 9080}]});
        let west = json!({"type": "NodePort", "ports": [{"name": "grpc", "port": 9080}]});
        let lines = analyze(vec![service(east)], vec![service(west)]);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert_eq!(
            lines[0],
            "Warning [IST0170] (Service bookinfo/reviews) The service reviews in namespace \"bookinfo\" is inconsistent across clusters [\"east\" \"west\"], which can lead to undefined behaviors. The inconsistent behaviors are: type: ClusterIP in east, NodePort in west; ports: [http 9080/TCP] in east, [grpc 9080/TCP] in west."
        );
    }

    #[test]
    fn headless_in_one_cluster_only_is_reported() {
        let lines = analyze(
            vec![service(json!({"clusterIP": "None"}))],
            vec![service(json!({"clusterIP": "10.0.0.1"}))],
        );
        assert!(
            lines[0].contains("headless: true in east, false in west"),
            "{lines:?}"
        );
    }

    #[test]
    fn a_service_in_one_cluster_or_a_single_cluster_analysis_is_not_compared() {
        let s = service(json!({"type": "NodePort"}));
        assert!(analyze(vec![s.clone()], vec![]).is_empty());
        let snap = Snapshot::new(vec![s], "", MeshConfig::default(), None, "istio-system");
        let mut out = Reporter::default();
        (MULTI_CLUSTER_SERVICE.run)(&snap, &mut out);
        assert!(out.into_messages().is_empty());
    }
}
