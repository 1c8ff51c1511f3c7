//! Applying a render: the namespaces first, then the components in dependency order
//! (Base -> Pilot and CNI -> gateways and ztunnel), each stage's objects in parallel, by
//! server-side apply; then pruning the owned objects the render no longer has.

use std::collections::{BTreeSet, HashMap};

use serde_json::{json, Value};

use super::owned;
use crate::cluster::{Cluster, ClusterError};
use crate::render::{ComponentKind, Rendered};

/// What an apply changed.
#[derive(Debug, Default)]
pub struct Outcome {
    pub created: Vec<String>,
    pub changed: Vec<String>,
    pub unchanged: usize,
    pub pruned: Vec<String>,
}

impl Outcome {
    pub fn changed_anything(&self) -> bool {
        !(self.created.is_empty() && self.changed.is_empty() && self.pruned.is_empty())
    }
}

/// An object the server refused, and why.
#[derive(Debug)]
pub struct ApplyError {
    pub object: String,
    pub error: ClusterError,
}

impl std::fmt::Display for ApplyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.object, self.error)
    }
}

impl std::error::Error for ApplyError {}

/// Which stage a component is applied in.
pub fn stage(kind: ComponentKind) -> usize {
    match kind {
        ComponentKind::Base => 0,
        ComponentKind::Pilot | ComponentKind::Cni => 1,
        ComponentKind::IngressGateways | ComponentKind::EgressGateways | ComponentKind::Ztunnel => {
            2
        }
    }
}

/// Creates the namespaces the components go to, when missing.
pub async fn ensure_namespaces(
    cluster: &Cluster,
    rendered: &[Rendered],
) -> Result<Vec<String>, ApplyError> {
    let namespaces: BTreeSet<&str> = rendered
        .iter()
        .map(|r| r.component.namespace.as_str())
        .collect();
    let mut created = Vec::new();
    for ns in namespaces {
        match cluster.get("v1", "Namespace", None, ns).await {
            Ok(_) => {}
            Err(ClusterError::NotFound { .. }) => {
                let object =
                    json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}});
                cluster
                    .apply(&object, None)
                    .await
                    .map_err(|error| ApplyError {
                        object: format!("Namespace/{ns}"),
                        error,
                    })?;
                created.push(ns.to_string());
            }
            Err(error) => {
                return Err(ApplyError {
                    object: format!("Namespace/{ns}"),
                    error,
                })
            }
        }
    }
    Ok(created)
}

/// Applies every object, stage by stage; `previous` is what the cluster held (for
/// telling created, changed and unchanged apart).
pub async fn apply(
    cluster: &Cluster,
    rendered: &[Rendered],
    previous: &[Value],
) -> Result<Outcome, ApplyError> {
    // Compared by content, not resourceVersion: some servers (1.20) rewrite an object
    // on a no-op apply.
    let before: HashMap<String, Value> = previous
        .iter()
        .map(|o| (owned::key(o), owned::comparable(o)))
        .collect();
    let mut outcome = Outcome::default();
    for current in 0..3 {
        let objects: Vec<&Value> = rendered
            .iter()
            .filter(|r| stage(r.component.kind) == current)
            .flat_map(|r| r.objects.iter())
            .collect();
        let results = futures::future::join_all(objects.iter().map(|object| async move {
            let stored = cluster
                .apply(object, None)
                .await
                .map_err(|error| ApplyError {
                    object: owned::display(object),
                    error,
                })?;
            Ok::<_, ApplyError>((owned::key(object), owned::display(object), stored))
        }))
        .await;
        for result in results {
            let (key, display, stored) = result?;
            match before.get(&key) {
                None => outcome.created.push(display),
                Some(old) if *old == owned::comparable(&stored) => outcome.unchanged += 1,
                Some(_) => outcome.changed.push(display),
            }
        }
    }
    Ok(outcome)
}

/// Objects of the render still being deleted (e.g. CRDs of an uninstall a moment ago):
/// applying them now would be undone when their deletion completes, so wait (up to a
/// minute) until they are gone. Returns how many were waited for.
pub async fn wait_for_terminating(
    cluster: &Cluster,
    rendered: &[Rendered],
    previous: &[Value],
) -> Result<usize, ApplyError> {
    let wanted: BTreeSet<String> = rendered
        .iter()
        .flat_map(|r| r.objects.iter().map(owned::key))
        .collect();
    let terminating: Vec<&Value> = previous
        .iter()
        .filter(|o| {
            !o["metadata"]["deletionTimestamp"].is_null() && wanted.contains(&owned::key(o))
        })
        .collect();
    for o in &terminating {
        let api = o["apiVersion"].as_str().unwrap_or("");
        let kind = o["kind"].as_str().unwrap_or("");
        let name = o["metadata"]["name"].as_str().unwrap_or("");
        for attempt in 0.. {
            match cluster
                .get(api, kind, o["metadata"]["namespace"].as_str(), name)
                .await
            {
                Err(ClusterError::NotFound { .. }) => break,
                Ok(_) if attempt < 240 => {
                    tokio::time::sleep(std::time::Duration::from_millis(250)).await
                }
                Ok(_) => {
                    return Err(ApplyError {
                        object: owned::display(o),
                        error: ClusterError::Api {
                            message: "still being deleted after 60s (a finalizer is pending)"
                                .into(),
                        },
                    })
                }
                Err(error) => {
                    return Err(ApplyError {
                        object: owned::display(o),
                        error,
                    })
                }
            }
        }
    }
    Ok(terminating.len())
}

/// istiod switches its validating webhooks to fail closed once it serves them; applying the
/// chart's `Ignore` again would open them until istiod notices. Webhooks the cluster already
/// has failing closed are applied without a failure policy, which leaves it to istiod (as
/// istioctl does for the default validator).
pub fn leave_failure_policy_to_istiod(rendered: &mut [Rendered], cluster_validators: &[Value]) {
    let fails_closed = |config: &str, hook: &Value| {
        cluster_validators
            .iter()
            .filter(|v| v["metadata"]["name"] == config)
            .flat_map(|v| v["webhooks"].as_array().into_iter().flatten())
            .any(|h| h["name"] == hook["name"] && h["failurePolicy"] == "Fail")
    };
    let validators = rendered
        .iter_mut()
        .flat_map(|r| r.objects.iter_mut())
        .filter(|o| o["kind"] == "ValidatingWebhookConfiguration");
    for validator in validators {
        let config = validator["metadata"]["name"]
            .as_str()
            .unwrap_or("")
            .to_string();
        for hook in validator["webhooks"].as_array_mut().into_iter().flatten() {
            if fails_closed(&config, hook) {
                if let Some(h) = hook.as_object_mut() {
                    h.remove("failurePolicy");
                }
            }
        }
    }
}

/// Owned objects of `previous` the render no longer has, less those marked as not pruned
/// (the default revision tag's, which outlive the install that made them).
pub fn stale<'a>(rendered: &[Rendered], previous: &'a [Value]) -> Vec<&'a Value> {
    let wanted: BTreeSet<String> = rendered
        .iter()
        .flat_map(|r| r.objects.iter().map(owned::key))
        .collect();
    previous
        .iter()
        .filter(|o| !wanted.contains(&owned::key(o)))
        .filter(|o| o["metadata"]["labels"][owned::NOT_PRUNED_LABEL] != "true")
        .collect()
}

/// Deletes objects, returning what was deleted.
pub async fn delete_all(cluster: &Cluster, objects: &[&Value]) -> Result<Vec<String>, ApplyError> {
    let results = futures::future::join_all(objects.iter().map(|o| async move {
        cluster
            .delete(
                o["apiVersion"].as_str().unwrap_or(""),
                o["kind"].as_str().unwrap_or(""),
                o["metadata"]["namespace"].as_str(),
                o["metadata"]["name"].as_str().unwrap_or(""),
            )
            .await
            .map_err(|error| ApplyError {
                object: owned::display(o),
                error,
            })?;
        Ok::<_, ApplyError>(owned::display(o))
    }))
    .await;
    results.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::effective as inputs;
    use crate::render;

    fn validator_policies(rendered: &[Rendered]) -> Vec<Value> {
        rendered
            .iter()
            .flat_map(|r| &r.objects)
            .filter(|o| o["kind"] == "ValidatingWebhookConfiguration")
            .flat_map(|o| o["webhooks"].as_array().cloned().unwrap_or_default())
            .map(|h| h["failurePolicy"].clone())
            .collect()
    }

    #[test]
    fn only_webhooks_istiod_closed_lose_their_failure_policy() {
        let iop = inputs::merge(&inputs::Request::default()).unwrap().iop;
        let mut rendered = render::render(&iop).unwrap();
        assert_eq!(validator_policies(&rendered), vec![json!("Ignore")]);
        let other = json!({"metadata": {"name": "istio-validator-istio-system"},
            "webhooks": [{"name": "rev.validation.istio.io", "failurePolicy": "Ignore"}]});
        leave_failure_policy_to_istiod(&mut rendered, &[other]);
        assert_eq!(validator_policies(&rendered), vec![json!("Ignore")]);
        let closed = json!({"metadata": {"name": "istio-validator-istio-system"},
            "webhooks": [{"name": "rev.validation.istio.io", "failurePolicy": "Fail"}]});
        leave_failure_policy_to_istiod(&mut rendered, &[closed]);
        assert_eq!(validator_policies(&rendered), vec![Value::Null]);
    }
}
