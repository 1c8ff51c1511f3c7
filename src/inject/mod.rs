//! Sidecar injection of manifests, offline (pure): finds the pod templates of the kinds
//! Istio injects, injects them with `sidecar`, keeps every other document as it was,
//! and keeps document order.

mod settings;
mod sidecar;

use serde_json::Value;
use thiserror::Error;

pub use settings::{merge, Settings};
pub use sidecar::STATUS_ANNOTATION;

use crate::model::Resource;

#[derive(Debug, Error)]
pub enum InjectError {
    #[error("{0}")]
    Annotation(String),
    #[error("{source_ref}: {kind} {name}: {message}")]
    Document {
        source_ref: String,
        kind: String,
        name: String,
        message: String,
    },
}

/// Namespaces whose workloads are never injected.
const SYSTEM_NAMESPACES: &[&str] = &[
    "kube-system",
    "kube-public",
    "kube-node-lease",
    "local-path-storage",
];

/// Where the pod template of an injectable kind is (`""` = the object is the pod).
fn template_pointer(api_version: &str, kind: &str) -> Option<&'static str> {
    match (api_version, kind) {
        ("v1", "Pod") => Some(""),
        ("v1", "ReplicationController") => Some("/spec/template"),
        (_, "Deployment" | "DaemonSet" | "ReplicaSet" | "StatefulSet")
            if api_version.starts_with("apps/") || api_version.starts_with("extensions/") =>
        {
            Some("/spec/template")
        }
        (_, "Job") if api_version.starts_with("batch/") => Some("/spec/template"),
        (_, "CronJob") if api_version.starts_with("batch/") => {
            Some("/spec/jobTemplate/spec/template")
        }
        ("apps.openshift.io/v1", "DeploymentConfig") | ("v1", "DeploymentConfig") => {
            Some("/spec/template")
        }
        ("argoproj.io/v1alpha1", "Rollout") => Some("/spec/template"),
        _ => None,
    }
}

/// The outcome for one document.
pub enum Outcome {
    Injected(Value),
    /// Not an injectable kind: the original text is kept.
    Unchanged,
    /// Injectable but skipped, with the reason for stderr.
    Skipped(String),
}

/// Injects one object (a `List` item by item).
pub fn inject_object(settings: &Settings, object: &Value) -> Result<Outcome, InjectError> {
    let api_version = object
        .get("apiVersion")
        .and_then(Value::as_str)
        .unwrap_or("");
    let kind = object.get("kind").and_then(Value::as_str).unwrap_or("");
    if kind == "List" {
        let mut list = object.clone();
        let mut changed = false;
        if let Some(items) = list.get_mut("items").and_then(Value::as_array_mut) {
            for item in items.iter_mut() {
                if let Outcome::Injected(v) = inject_object(settings, item)? {
                    *item = v;
                    changed = true;
                }
            }
        }
        return Ok(if changed {
            Outcome::Injected(list)
        } else {
            Outcome::Unchanged
        });
    }
    let Some(pointer) = template_pointer(api_version, kind) else {
        return Ok(Outcome::Unchanged);
    };
    let name = object
        .pointer("/metadata/name")
        .and_then(Value::as_str)
        .unwrap_or("");
    let namespace = object
        .pointer("/metadata/namespace")
        .and_then(Value::as_str)
        .unwrap_or("");
    let mut out = object.clone();
    // For CronJobs Istio labels and annotates the job template's metadata.
    let meta_pointer = if kind == "CronJob" {
        "/spec/jobTemplate/metadata".to_string()
    } else {
        format!("{pointer}/metadata")
    };
    let spec_pointer = format!("{pointer}/spec");
    if !pointer.is_empty() && out.pointer(pointer).is_none() {
        return Ok(Outcome::Unchanged);
    }
    let mut meta = out
        .pointer(&meta_pointer)
        .cloned()
        .unwrap_or(Value::Object(Default::default()));
    let mut spec = out
        .pointer(&spec_pointer)
        .cloned()
        .unwrap_or(Value::Object(Default::default()));
    let qualified = if namespace.is_empty() {
        name.to_string()
    } else {
        format!("{namespace}/{name}")
    };
    if meta
        .pointer(&format!(
            "/annotations/{}",
            STATUS_ANNOTATION.replace('/', "~1")
        ))
        .is_some()
    {
        return Ok(Outcome::Skipped(format!(
            "===> Skipping injection because {kind} \"{qualified}\" is already injected"
        )));
    }
    if SYSTEM_NAMESPACES.contains(&namespace) {
        return Ok(Outcome::Skipped(format!(
            "===> Skipping injection because {kind} \"{qualified}\" is in namespace {namespace}"
        )));
    }
    if let Some(reason) = sidecar::skip_reason(&meta, &spec) {
        return Ok(Outcome::Skipped(format!(
            "===> Skipping injection because {kind} \"{qualified}\" {reason}"
        )));
    }
    let owner = sidecar::Owner {
        api_version,
        kind,
        name,
        namespace,
    };
    sidecar::inject_pod(settings, &owner, &mut meta, &mut spec)?;
    set_pointer(&mut out, &meta_pointer, meta);
    set_pointer(&mut out, &spec_pointer, spec);
    add_status_counters(kind, &mut out);
    Ok(Outcome::Injected(out))
}

/// The status counters Kubernetes always serializes for these kinds (istioctl re-encodes
/// the objects it injects, so they appear, zero-valued, in its output).
fn add_status_counters(kind: &str, object: &mut Value) {
    let counters: &[&str] = match kind {
        "ReplicaSet" | "ReplicationController" => &["replicas"],
        "StatefulSet" => &["availableReplicas", "replicas"],
        "DaemonSet" => &[
            "currentNumberScheduled",
            "desiredNumberScheduled",
            "numberMisscheduled",
            "numberReady",
        ],
        "DeploymentConfig" => &[
            "availableReplicas",
            "latestVersion",
            "observedGeneration",
            "replicas",
            "unavailableReplicas",
            "updatedReplicas",
        ],
        _ => &[],
    };
    if counters.is_empty() {
        return;
    }
    let Some(obj) = object.as_object_mut() else {
        return;
    };
    let status = obj
        .entry("status")
        .or_insert_with(|| Value::Object(Default::default()));
    if let Some(status) = status.as_object_mut() {
        for c in counters {
            status.entry(c.to_string()).or_insert(Value::from(0));
        }
    }
    if kind == "DeploymentConfig" {
        if let Some(spec) = obj.get_mut("spec").and_then(Value::as_object_mut) {
            spec.entry("test").or_insert(Value::Bool(false));
        }
    }
}

fn set_pointer(root: &mut Value, pointer: &str, value: Value) {
    let mut node = root;
    for segment in pointer.split('/').skip(1) {
        if !node.is_object() {
            *node = Value::Object(Default::default());
        }
        node = node
            .as_object_mut()
            .expect("object")
            .entry(segment.to_string())
            .or_insert(Value::Null);
    }
    *node = value;
}

/// Injects every document; returns the output text (each document followed by `---`)
/// and the warnings for stderr.
pub fn inject_resources(
    settings: &Settings,
    resources: &[Resource],
) -> Result<(String, Vec<String>), InjectError> {
    let mut out = String::new();
    let mut warnings = Vec::new();
    for r in resources {
        let outcome = inject_object(settings, &r.object).map_err(|e| InjectError::Document {
            source_ref: r.source.to_string(),
            kind: r.kind().to_string(),
            name: r.name().to_string(),
            message: e.to_string(),
        })?;
        match outcome {
            Outcome::Injected(v) => out.push_str(&serde_yaml::to_string(&v).unwrap_or_default()),
            Outcome::Skipped(w) => {
                warnings.push(w);
                out.push_str(&serde_yaml::to_string(&r.object).unwrap_or_default());
            }
            Outcome::Unchanged => {
                // Documents skiff does not inject are kept exactly as they were written.
                match r.text.as_ref().and_then(|(t, range)| t.get(range.clone())) {
                    Some(text) => {
                        out.push_str(text.trim_matches('\n'));
                        out.push('\n');
                    }
                    None => out.push_str(&serde_yaml::to_string(&r.object).unwrap_or_default()),
                }
            }
        }
        out.push_str("---\n");
    }
    Ok((out, warnings))
}
