//! Adapting a render to the cluster it goes to (`--cluster-specific`, `install`): API
//! versions the server does not serve are replaced by the older ones it does, and fields
//! newer than the server are dropped, each with a warning; objects no served version can
//! take are an error.

use std::collections::BTreeSet;

use serde_json::Value;

/// Newer API versions skiff renders, and the older equivalents for older servers.
const FALLBACKS: &[(&str, &[&str])] = &[
    ("autoscaling/v2", &["autoscaling/v2beta2"]),
    ("policy/v1", &["policy/v1beta1"]),
    ("discovery.k8s.io/v1", &["discovery.k8s.io/v1beta1"]),
    (
        "admissionregistration.k8s.io/v1",
        &["admissionregistration.k8s.io/v1beta1"],
    ),
];

/// Rewrites `apiVersion`s the server does not serve; returns the warnings, or an error
/// naming an object the server cannot take in any version.
pub fn to_served_versions(
    objects: &mut [Value],
    served: &BTreeSet<String>,
) -> Result<Vec<String>, String> {
    let mut warnings = BTreeSet::new();
    for object in objects.iter_mut() {
        let api = object["apiVersion"].as_str().unwrap_or("").to_string();
        if served.contains(&api) {
            continue;
        }
        let kind = object["kind"].as_str().unwrap_or("").to_string();
        let replacement = FALLBACKS
            .iter()
            .find(|(newer, _)| *newer == api)
            .and_then(|(_, older)| older.iter().find(|o| served.contains(**o)));
        match replacement {
            Some(older) => {
                warnings.insert(format!(
                    "the cluster does not serve {api}; {kind} objects use {older}"
                ));
                object["apiVersion"] = Value::from(*older);
            }
            None => {
                return Err(format!(
                "the cluster serves no version of {kind} ({api}); it cannot take this installation"
            ))
            }
        }
    }
    Ok(warnings.into_iter().collect())
}

/// Fields skiff renders that Kubernetes only knows from a minor version on.
const NEWER_FIELDS: &[(&str, &str, u32)] = &[(
    "DaemonSet",
    "/spec/updateStrategy/rollingUpdate/maxSurge",
    22,
)];

/// The minor version of a `v1.20.2`-style server version.
pub fn minor_version(git_version: &str) -> Option<u32> {
    git_version
        .trim_start_matches('v')
        .split('.')
        .nth(1)?
        .trim_end_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .ok()
}

/// Drops fields the server's Kubernetes minor version does not know; returns warnings.
pub fn drop_newer_fields(objects: &mut [Value], server_minor: u32) -> Vec<String> {
    let mut warnings = BTreeSet::new();
    for object in objects.iter_mut() {
        for (kind, pointer, since) in NEWER_FIELDS {
            if object["kind"] != *kind || server_minor >= *since {
                continue;
            }
            let (parent, field) = pointer.rsplit_once('/').expect("pointer has a parent");
            let removed = object
                .pointer_mut(parent)
                .and_then(Value::as_object_mut)
                .and_then(|m| m.remove(field));
            if removed.is_some() {
                keep_rollout_possible(object);
                warnings.insert(format!(
                    "{kind} field {} needs Kubernetes 1.{since}; dropped for this 1.{server_minor} cluster (rolling updates go one pod at a time)",
                    pointer.trim_start_matches('/').replace('/', ".")
                ));
            }
        }
    }
    warnings.into_iter().collect()
}

/// Without `maxSurge`, a DaemonSet rollout needs `maxUnavailable` above zero.
fn keep_rollout_possible(object: &mut Value) {
    if let Some(unavailable) =
        object.pointer_mut("/spec/updateStrategy/rollingUpdate/maxUnavailable")
    {
        if unavailable == 0 || unavailable == "0" || unavailable == "0%" {
            *unavailable = Value::from(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn old_servers_get_older_versions() {
        let served: BTreeSet<String> = ["v1", "autoscaling/v2beta2", "policy/v1beta1"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut objs = vec![
            json!({"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler"}),
            json!({"apiVersion": "v1", "kind": "Service"}),
        ];
        let warnings = to_served_versions(&mut objs, &served).unwrap();
        assert_eq!(objs[0]["apiVersion"], "autoscaling/v2beta2");
        assert_eq!(warnings.len(), 1);
        let mut ds = vec![
            json!({"kind": "DaemonSet", "spec": {"updateStrategy": {"rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}}}}),
        ];
        assert_eq!(drop_newer_fields(&mut ds, 20).len(), 1);
        assert_eq!(
            ds[0]["spec"]["updateStrategy"]["rollingUpdate"],
            json!({"maxUnavailable": 1})
        );
        assert_eq!(minor_version("v1.20.2"), Some(20));
        assert_eq!(minor_version("v1.29.1-gke.100"), Some(29));
        let mut bad = vec![json!({"apiVersion": "apps/v1", "kind": "Deployment"})];
        assert!(to_served_versions(&mut bad, &served).is_err());
    }
}
