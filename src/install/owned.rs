//! What skiff owns on a cluster: every object it installs carries the operator's labels
//! (`operator.istio.io/component`, `istio.io/rev`, `install.operator.istio.io/owning-resource`),
//! and those labels are how install prunes and uninstall finds what to remove.

use serde_json::{json, Value};

use crate::cluster::{Cluster, ClusterError};
use crate::render::Rendered;

pub const COMPONENT_LABEL: &str = "operator.istio.io/component";
pub const REVISION_LABEL: &str = "istio.io/rev";
pub const OWNER_LABEL: &str = "install.operator.istio.io/owning-resource";

/// Every kind skiff renders, with the API version it lists them in.
pub const OWNED_KINDS: &[(&str, &str)] = &[
    ("CustomResourceDefinition", "apiextensions.k8s.io/v1"),
    ("ServiceAccount", "v1"),
    ("ClusterRole", "rbac.authorization.k8s.io/v1"),
    ("ClusterRoleBinding", "rbac.authorization.k8s.io/v1"),
    ("Role", "rbac.authorization.k8s.io/v1"),
    ("RoleBinding", "rbac.authorization.k8s.io/v1"),
    ("ConfigMap", "v1"),
    ("Service", "v1"),
    ("Deployment", "apps/v1"),
    ("DaemonSet", "apps/v1"),
    ("HorizontalPodAutoscaler", "autoscaling/v2"),
    ("PodDisruptionBudget", "policy/v1"),
    (
        "MutatingWebhookConfiguration",
        "admissionregistration.k8s.io/v1",
    ),
    (
        "ValidatingWebhookConfiguration",
        "admissionregistration.k8s.io/v1",
    ),
    ("EndpointSlice", "discovery.k8s.io/v1"),
];

/// `Kind:namespace:name`, the identity of an object across API versions.
pub fn key(object: &Value) -> String {
    format!(
        "{}:{}:{}",
        object["kind"].as_str().unwrap_or(""),
        object["metadata"]["namespace"].as_str().unwrap_or(""),
        object["metadata"]["name"].as_str().unwrap_or("")
    )
}

/// `Kind/namespace/name` (or `Kind/name`) for messages.
pub fn display(object: &Value) -> String {
    let kind = object["kind"].as_str().unwrap_or("");
    let name = object["metadata"]["name"].as_str().unwrap_or("");
    match object["metadata"]["namespace"].as_str() {
        Some(ns) => format!("{kind}/{ns}/{name}"),
        None => format!("{kind}/{name}"),
    }
}

/// The parts of a stored object that are the server's bookkeeping, not configuration.
pub fn comparable(object: &Value) -> Value {
    let mut o = object.clone();
    if let Some(md) = o["metadata"].as_object_mut() {
        for key in [
            "managedFields",
            "resourceVersion",
            "generation",
            "creationTimestamp",
            "uid",
            "selfLink",
        ] {
            md.remove(key);
        }
        if let Some(a) = md.get_mut("annotations").and_then(Value::as_object_mut) {
            a.remove("deprecated.daemonset.template.generation");
            a.remove("deployment.kubernetes.io/revision");
            if a.is_empty() {
                md.remove("annotations");
            }
        }
    }
    if let Some(m) = o.as_object_mut() {
        m.remove("status");
    }
    o
}

/// Marks an object that install's prune leaves alone (the default revision tag's objects).
pub const NOT_PRUNED_LABEL: &str = "install.operator.istio.io/owning-resource-not-pruned";

/// The IstioOperator an installation is made from, as its labels name it.
pub struct Owner {
    pub name: Option<String>,
    pub namespace: Option<String>,
    /// `default` for the unnamed revision.
    pub revision: String,
}

impl Owner {
    pub fn of(iop: &Value) -> Owner {
        let text = |pointer: &str| {
            iop.pointer(pointer)
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let revision = crate::render::revision_of(iop);
        Owner {
            name: text("/metadata/name"),
            namespace: text("/metadata/namespace"),
            revision: if revision.is_empty() {
                "default".into()
            } else {
                revision
            },
        }
    }

    /// The labels istioctl's installer puts on every object it applies: the operator's
    /// management and version marks, the owning IstioOperator (when named) and its
    /// namespace, the revision, and the component (`None` for objects of no component).
    pub fn labels(&self, component: Option<&str>) -> Vec<(&'static str, String)> {
        let mut labels = vec![
            ("operator.istio.io/managed", "Reconcile".to_string()),
            (
                "operator.istio.io/version",
                crate::ISTIO_VERSION.to_string(),
            ),
            (REVISION_LABEL, self.revision.clone()),
        ];
        if let Some(name) = &self.name {
            labels.push((OWNER_LABEL, name.clone()));
        }
        if let Some(ns) = &self.namespace {
            labels.push((
                "install.operator.istio.io/owning-resource-namespace",
                ns.clone(),
            ));
        }
        if let Some(c) = component {
            labels.push((COMPONENT_LABEL, c.to_string()));
        }
        labels
    }
}

/// Sets `labels` on an object.
pub fn label(object: &mut Value, labels: &[(&str, String)]) {
    if !object["metadata"]["labels"].is_object() {
        object["metadata"]["labels"] = json!({});
    }
    for (key, value) in labels {
        object["metadata"]["labels"][*key] = json!(value);
    }
}

/// Adds the ownership labels to every object of every component.
pub fn stamp(rendered: &mut [Rendered], owner: &Owner) {
    for r in rendered.iter_mut() {
        let labels = owner.labels(Some(r.component.kind.label()));
        for object in r.objects.iter_mut() {
            label(object, &labels);
        }
    }
}

/// Lists every object carrying the labels of `selector`, across the owned kinds (kinds
/// the server does not serve are skipped).
pub async fn list(cluster: &Cluster, selector: &str) -> Result<Vec<Value>, ClusterError> {
    let lists = futures::future::join_all(OWNED_KINDS.iter().map(|(kind, api)| async move {
        match cluster.list(api, kind, None, selector).await {
            Err(ClusterError::UnknownKind { .. }) => Ok(Vec::new()),
            other => other,
        }
    }))
    .await;
    let mut out = Vec::new();
    for list in lists {
        // Objects with an owner were made by a controller (e.g. EndpointSlices copy their
        // Service's labels); they belong to their owner, not to the installation.
        out.extend(
            list?
                .into_iter()
                .filter(|o| o["metadata"]["ownerReferences"].is_null()),
        );
    }
    Ok(out)
}

/// The selector of one revision's objects.
pub fn revision_selector(revision: &str) -> String {
    let rev = if revision.is_empty() {
        "default"
    } else {
        revision
    };
    format!("{COMPONENT_LABEL},{REVISION_LABEL}={rev}")
}

/// The selector of every object skiff (or istioctl) installed.
pub fn all_selector() -> String {
    COMPONENT_LABEL.to_string()
}
