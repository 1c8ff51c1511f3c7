//! Is an installed object ready, and if not, why: Deployments and DaemonSets by their
//! status, CRDs by `Established`; the reason comes from the workload's pods (image pull
//! failures with the image, scheduling failures, crash loops with the last log line) and
//! from its events.

use k8s_openapi::api::core::v1::{Event, Pod};
use kube::api::{Api, ListParams, LogParams};
use serde_json::Value;

use crate::cluster::{Cluster, ClusterError};

/// Whether readiness applies to a kind at all.
pub fn is_waited_for(kind: &str) -> bool {
    matches!(
        kind,
        "Deployment" | "DaemonSet" | "CustomResourceDefinition"
    )
}

fn int(v: &Value) -> i64 {
    v.as_i64().unwrap_or(0)
}

/// `None` when ready, else what is missing (from the object's status alone).
pub fn status_problem(live: &Value) -> Option<String> {
    let status = &live["status"];
    let generation = int(&live["metadata"]["generation"]);
    let observed = int(&status["observedGeneration"]);
    match live["kind"].as_str().unwrap_or("") {
        "Deployment" => {
            let want = live["spec"]["replicas"].as_i64().unwrap_or(1);
            let ready = int(&status["readyReplicas"]);
            let updated = int(&status["updatedReplicas"]);
            if observed < generation {
                Some("the Deployment controller has not seen the latest spec yet".into())
            } else if ready < want || updated < want {
                Some(format!("{ready}/{want} replicas ready"))
            } else {
                None
            }
        }
        "DaemonSet" => {
            let want = int(&status["desiredNumberScheduled"]);
            let ready = int(&status["numberReady"]);
            if observed < generation {
                Some("the DaemonSet controller has not seen the latest spec yet".into())
            } else if ready < want {
                Some(format!("{ready}/{want} pods ready"))
            } else {
                None
            }
        }
        "CustomResourceDefinition" => {
            let established = status["conditions"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|c| c["type"] == "Established" && c["status"] == "True");
            (!established).then(|| "not established yet".to_string())
        }
        _ => None,
    }
}

async fn live(cluster: &Cluster, object: &Value) -> Result<Result<Value, String>, ClusterError> {
    match cluster
        .get(
            object["apiVersion"].as_str().unwrap_or(""),
            object["kind"].as_str().unwrap_or(""),
            object["metadata"]["namespace"].as_str(),
            object["metadata"]["name"].as_str().unwrap_or(""),
        )
        .await
    {
        Ok(v) => Ok(Ok(v)),
        Err(ClusterError::NotFound { .. }) => Ok(Err("not found".into())),
        Err(e) => Err(e),
    }
}

/// Reads the object and says whether its status is ready (`None`) or what is missing.
pub async fn check_status(
    cluster: &Cluster,
    object: &Value,
) -> Result<Option<String>, ClusterError> {
    Ok(match live(cluster, object).await? {
        Ok(live) => status_problem(&live),
        Err(missing) => Some(missing),
    })
}

/// Like `check_status`, and for workloads also why: from their pods and events.
pub async fn check(cluster: &Cluster, object: &Value) -> Result<Option<String>, ClusterError> {
    let live = match live(cluster, object).await? {
        Ok(live) => live,
        Err(missing) => return Ok(Some(missing)),
    };
    let Some(problem) = status_problem(&live) else {
        return Ok(None);
    };
    if matches!(live["kind"].as_str(), Some("Deployment" | "DaemonSet")) {
        let why = diagnose(cluster, &live).await;
        return Ok(Some(format!("{problem}: {why}")));
    }
    Ok(Some(problem))
}

fn selector_of(live: &Value) -> String {
    live["spec"]["selector"]["matchLabels"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or("")))
                .collect::<Vec<_>>()
                .join(",")
        })
        .unwrap_or_default()
}

/// Why a workload's pods are not ready.
pub async fn diagnose(cluster: &Cluster, live: &Value) -> String {
    let ns = live["metadata"]["namespace"].as_str().unwrap_or("default");
    let name = live["metadata"]["name"].as_str().unwrap_or("");
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), ns);
    let list = match pods
        .list(&ListParams::default().labels(&selector_of(live)))
        .await
    {
        Ok(l) => l.items,
        Err(e) => return format!("cannot list its pods: {}", cluster.error(e)),
    };
    if list.is_empty() {
        return match last_warning(cluster, ns, name).await {
            Some(w) => format!("no pods: {w}"),
            None => "no pods created (is a controller-manager running on this cluster?)".into(),
        };
    }
    let mut reasons = Vec::new();
    for pod in &list {
        if let Some(r) = pod_problem(cluster, &pods, pod).await {
            reasons.push(r);
        }
    }
    if reasons.is_empty() {
        "pods are starting".into()
    } else {
        reasons.sort();
        reasons.dedup();
        reasons.join("; ")
    }
}

async fn pod_problem(cluster: &Cluster, pods: &Api<Pod>, pod: &Pod) -> Option<String> {
    let name = pod.metadata.name.clone().unwrap_or_default();
    let status = pod.status.as_ref()?;
    for c in status
        .container_statuses
        .iter()
        .flatten()
        .chain(status.init_container_statuses.iter().flatten())
    {
        let Some(waiting) = c.state.as_ref().and_then(|s| s.waiting.as_ref()) else {
            continue;
        };
        let reason = waiting.reason.clone().unwrap_or_default();
        match reason.as_str() {
            "ImagePullBackOff" | "ErrImagePull" | "InvalidImageName" => {
                return Some(format!(
                    "pod {name}: {reason}: image {} cannot be pulled",
                    c.image
                ));
            }
            "CrashLoopBackOff" => {
                let params = LogParams {
                    container: Some(c.name.clone()),
                    previous: true,
                    tail_lines: Some(1),
                    ..Default::default()
                };
                let last = pods.logs(&name, &params).await.unwrap_or_default();
                let last = last.trim();
                let last = if last.is_empty() {
                    "(no log output)"
                } else {
                    last
                };
                return Some(format!(
                    "pod {name}: CrashLoopBackOff, container {} last logged: {last}",
                    c.name
                ));
            }
            "ContainerCreating" | "PodInitializing" => {
                if let Some(w) = last_warning(cluster, pods_namespace(pod), &name).await {
                    return Some(format!("pod {name}: {reason}: {w}"));
                }
            }
            "" => {}
            other => {
                return Some(format!(
                    "pod {name}: {other}: {}",
                    waiting.message.clone().unwrap_or_default()
                ))
            }
        }
    }
    if status.phase.as_deref() == Some("Pending") {
        let unscheduled = status
            .conditions
            .iter()
            .flatten()
            .find(|c| c.type_ == "PodScheduled" && c.status == "False");
        if let Some(c) = unscheduled {
            return Some(format!(
                "pod {name}: Pending: {}",
                c.message.clone().unwrap_or_default()
            ));
        }
        if pod
            .spec
            .as_ref()
            .and_then(|s| s.node_name.as_ref())
            .is_none()
        {
            return Some(format!(
                "pod {name}: Pending, not scheduled (is a scheduler running on this cluster?)"
            ));
        }
    }
    let unready: Vec<&str> = status
        .container_statuses
        .iter()
        .flatten()
        .filter(|c| !c.ready)
        .map(|c| c.name.as_str())
        .collect();
    (!unready.is_empty()).then(|| {
        format!(
            "pod {name}: containers with unready status: [{}]",
            unready.join(" ")
        )
    })
}

fn pods_namespace(pod: &Pod) -> &str {
    pod.metadata.namespace.as_deref().unwrap_or("default")
}

async fn last_warning(cluster: &Cluster, ns: &str, name: &str) -> Option<String> {
    let events: Api<Event> = Api::namespaced(cluster.client.clone(), ns);
    let list = events.list(&ListParams::default()).await.ok()?;
    list.items
        .into_iter()
        .filter(|e| e.type_.as_deref() == Some("Warning"))
        .filter(|e| {
            e.involved_object
                .name
                .as_deref()
                .is_some_and(|n| n.starts_with(name))
        })
        .max_by_key(|e| e.last_timestamp.as_ref().map(|t| t.0))
        .map(|e| {
            format!(
                "{}: {}",
                e.reason.unwrap_or_default(),
                e.message.unwrap_or_default()
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn status_decides_readiness() {
        let ready = json!({"kind": "Deployment", "metadata": {"generation": 2}, "spec": {"replicas": 2},
            "status": {"observedGeneration": 2, "readyReplicas": 2, "updatedReplicas": 2}});
        assert_eq!(status_problem(&ready), None);
        let half = json!({"kind": "Deployment", "metadata": {"generation": 1}, "spec": {},
            "status": {"observedGeneration": 1}});
        assert_eq!(status_problem(&half).as_deref(), Some("0/1 replicas ready"));
        let crd = json!({"kind": "CustomResourceDefinition", "status": {"conditions": [{"type": "Established", "status": "True"}]}});
        assert_eq!(status_problem(&crd), None);
        let ds = json!({"kind": "DaemonSet", "metadata": {"generation": 1},
            "status": {"observedGeneration": 1, "desiredNumberScheduled": 1, "numberReady": 0}});
        assert_eq!(status_problem(&ds).as_deref(), Some("0/1 pods ready"));
    }
}
