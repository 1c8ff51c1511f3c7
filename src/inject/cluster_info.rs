//! The cluster and network istiod hands every proxy after its template ran:
//! `ISTIO_META_CLUSTER_ID` when the values name a cluster, `ISTIO_META_NETWORK` from the
//! pod's `topology.istio.io/network` label or else the values' network. Those env entries
//! move to the end of the proxy's env in name order, and the pod is labelled with the
//! network.

use serde_json::{json, Value};

use super::Settings;

const NETWORK_LABEL: &str = "topology.istio.io/network";

/// The env entries istiod sets on the proxy, in name order (none when neither is given).
pub(super) fn cluster_envs(
    settings: &Settings,
    original_meta: &Value,
) -> Vec<(&'static str, String)> {
    let cluster = settings.value_str("/global/multiCluster/clusterName");
    let network = network(settings, original_meta);
    [
        ("ISTIO_META_CLUSTER_ID", cluster),
        ("ISTIO_META_NETWORK", network),
    ]
    .into_iter()
    .filter(|(_, value)| !value.is_empty())
    .collect()
}

/// The pod's network: its own label wins over the values' `global.network`.
pub(super) fn network(settings: &Settings, original_meta: &Value) -> String {
    original_meta
        .get("labels")
        .and_then(|labels| labels.get(NETWORK_LABEL))
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| settings.value_str("/global/network"))
}

/// Replaces the proxy env entries of those names by the given ones, at the end.
pub(super) fn overwrite_envs(env: &mut Vec<Value>, cluster_envs: &[(&str, String)]) {
    if cluster_envs.is_empty() {
        return;
    }
    env.retain(|e| {
        let name = e.get("name").and_then(Value::as_str).unwrap_or_default();
        !cluster_envs.iter().any(|(n, _)| *n == name)
    });
    env.extend(
        cluster_envs
            .iter()
            .map(|(name, value)| json!({"name": name, "value": value})),
    );
}

/// Labels the pod with its network, when it has one.
pub(super) fn label_network(labels: &mut Value, network: &str) {
    if !network.is_empty() {
        labels[NETWORK_LABEL] = json!(network);
    }
}
