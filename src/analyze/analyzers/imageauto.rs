//! `image: auto` (the gateway-injection placeholder) on a Pod or Deployment that no Istio
//! injection webhook selects: the placeholder is never replaced and the pod cannot start
//! (injection.ImageAutoAnalyzer, IST0146/IST0147).

use std::collections::BTreeMap;

use serde_json::Value;

use super::util::array_at;
use crate::analyze::messages as msg;
use crate::analyze::snapshot::string_map;
use crate::analyze::{Analyzer, Reporter, Snapshot};
use crate::model::Resource;

/// The namespace and object selectors of one injection webhook.
struct InjectionWebhook<'a> {
    namespace_selector: Option<&'a Value>,
    object_selector: Option<&'a Value>,
}

pub static IMAGE_AUTO: Analyzer = Analyzer {
    name: "injection.ImageAutoAnalyzer",
    doc: "Checks that Pods (IST0147) and Deployments (IST0146) with a container `image: auto` are selected by an Istio injection webhook, which replaces the placeholder",
    inputs: &[
            "Deployment",
            "MutatingWebhookConfiguration",
            "Namespace",
            "Pod",
        ],
    requires: &["MutatingWebhookConfiguration"],
    codes: &[&msg::IMAGE_AUTO_WITHOUT_INJECTION_WARNING, &msg::IMAGE_AUTO_WITHOUT_INJECTION_ERROR],
    run: image_auto,
};

fn image_auto(snap: &Snapshot, out: &mut Reporter) {
    let webhooks: Vec<InjectionWebhook> = snap
        .of(
            "admissionregistration.k8s.io",
            "MutatingWebhookConfiguration",
        )
        .flat_map(|c| array_at(&c.object, "/webhooks"))
        .filter(|w| {
            w.get("name")
                .and_then(Value::as_str)
                .is_some_and(|n| n.ends_with("sidecar-injector.istio.io"))
        })
        .map(|w| InjectionWebhook {
            namespace_selector: w.get("namespaceSelector"),
            object_selector: w.get("objectSelector"),
        })
        .collect();
    for (kind, code, spec_pointer, labels_pointer) in [
        (
            "Pod",
            &msg::IMAGE_AUTO_WITHOUT_INJECTION_ERROR,
            "/spec",
            "/metadata/labels",
        ),
        (
            "Deployment",
            &msg::IMAGE_AUTO_WITHOUT_INJECTION_WARNING,
            "/spec/template/spec",
            "/spec/template/metadata/labels",
        ),
    ] {
        let group = if kind == "Pod" { "" } else { "apps" };
        for r in snap.of(group, kind) {
            let Some(spec) = r.object.pointer(spec_pointer) else {
                continue;
            };
            if !uses_image_auto(spec) {
                continue;
            }
            let object_labels =
                string_map(r.object.pointer(labels_pointer).and_then(Value::as_object));
            let namespace_labels = namespace_labels(snap, r);
            let injected = webhooks.iter().any(|w| {
                selector_matches(w.namespace_selector, &namespace_labels)
                    && selector_matches(w.object_selector, &object_labels)
            });
            if !injected {
                out.report(code, Some(r), None, &[kind.into(), r.name().into()]);
            }
        }
    }
}

fn uses_image_auto(pod_spec: &Value) -> bool {
    array_at(pod_spec, "/containers")
        .iter()
        .any(|c| c.get("image").and_then(Value::as_str) == Some("auto"))
}

/// The labels of the object's namespace, with the `kubernetes.io/metadata.name` label the
/// API server adds to every namespace.
fn namespace_labels(snap: &Snapshot, r: &Resource) -> BTreeMap<String, String> {
    let namespace = r.namespace().unwrap_or("");
    let mut labels = snap
        .namespace_object(namespace)
        .map(|n| string_map(n.labels()))
        .unwrap_or_default();
    labels
        .entry("kubernetes.io/metadata.name".into())
        .or_insert_with(|| namespace.to_string());
    labels
}

/// A Kubernetes label selector (`matchLabels` and `matchExpressions`); none selects all.
fn selector_matches(selector: Option<&Value>, labels: &BTreeMap<String, String>) -> bool {
    let Some(selector) = selector.filter(|s| !s.is_null()) else {
        return true;
    };
    let labels_match = selector
        .get("matchLabels")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .all(|(k, v)| labels.get(k).map(String::as_str) == v.as_str());
    let expressions_match = array_at(selector, "/matchExpressions").iter().all(|e| {
        let key = e.get("key").and_then(Value::as_str).unwrap_or("");
        let values: Vec<&str> = array_at(e, "/values")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let value = labels.get(key).map(String::as_str);
        match e.get("operator").and_then(Value::as_str).unwrap_or("") {
            "In" => value.is_some_and(|v| values.contains(&v)),
            "NotIn" => value.is_none_or(|v| !values.contains(&v)),
            "Exists" => value.is_some(),
            "DoesNotExist" => value.is_none(),
            _ => false,
        }
    });
    labels_match && expressions_match
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::mesh::MeshConfig;
    use serde_json::json;

    fn resource(v: Value) -> Resource {
        Resource::detached(v, "test")
    }

    fn webhook() -> Resource {
        // Istio's revision-style injector: namespaces labelled istio-injection=enabled.
        resource(json!({
            "apiVersion": "admissionregistration.k8s.io/v1", "kind": "MutatingWebhookConfiguration",
            "metadata": {"name": "istio-sidecar-injector"},
            "webhooks": [{"name": "namespace.sidecar-injector.istio.io",
                "namespaceSelector": {"matchExpressions": [
                    {"key": "istio-injection", "operator": "In", "values": ["enabled"]}]},
                "objectSelector": {"matchExpressions": [
                    {"key": "sidecar.istio.io/inject", "operator": "NotIn", "values": ["false"]}]}}]
        }))
    }

    fn gateway(namespace: &str, kind: &str) -> Resource {
        let container = json!({"name": "istio-proxy", "image": "auto"});
        let object = if kind == "Pod" {
            json!({"apiVersion": "v1", "kind": "Pod",
                   "metadata": {"name": "gw", "namespace": namespace},
                   "spec": {"containers": [container]}})
        } else {
            json!({"apiVersion": "apps/v1", "kind": "Deployment",
                   "metadata": {"name": "gw", "namespace": namespace},
                   "spec": {"template": {"metadata": {"labels": {"istio": "gw"}},
                                         "spec": {"containers": [container]}}}})
        };
        resource(object)
    }

    fn run(resources: Vec<Resource>) -> Vec<String> {
        let snap = Snapshot::new(resources, "", MeshConfig::default(), None, "istio-system");
        let mut out = Reporter::default();
        (IMAGE_AUTO.run)(&snap, &mut out);
        out.into_messages().iter().map(|m| m.line()).collect()
    }

    #[test]
    fn image_auto_outside_injected_namespaces_is_reported() {
        let plain = resource(json!({"apiVersion": "v1", "kind": "Namespace",
                                    "metadata": {"name": "plain"}}));
        let lines = run(vec![
            webhook(),
            plain,
            gateway("plain", "Pod"),
            gateway("plain", "Deployment"),
        ]);
        assert_eq!(lines, [
            "Error [IST0147] (Pod plain/gw) Pod gw contains `image: auto` but does not match any Istio injection webhook selectors.",
            "Warning [IST0146] (Deployment plain/gw) Deployment gw contains `image: auto` but does not match any Istio injection webhook selectors.",
        ]);
    }

    #[test]
    fn image_auto_in_an_injected_namespace_is_fine() {
        let injected = resource(json!({"apiVersion": "v1", "kind": "Namespace",
            "metadata": {"name": "gw", "labels": {"istio-injection": "enabled"}}}));
        assert!(run(vec![
            webhook(),
            injected,
            gateway("gw", "Pod"),
            gateway("gw", "Deployment")
        ])
        .is_empty());
    }

    #[test]
    fn selectors_follow_kubernetes_semantics() {
        let labels: BTreeMap<String, String> =
            [("app".to_string(), "a".to_string())].into_iter().collect();
        assert!(selector_matches(None, &labels));
        assert!(selector_matches(
            Some(&json!({"matchLabels": {"app": "a"}})),
            &labels
        ));
        assert!(!selector_matches(
            Some(&json!({"matchLabels": {"app": "b"}})),
            &labels
        ));
        let exists = json!({"matchExpressions": [{"key": "app", "operator": "Exists"}]});
        assert!(selector_matches(Some(&exists), &labels));
        let absent = json!({"matchExpressions": [{"key": "x", "operator": "DoesNotExist"}]});
        assert!(selector_matches(Some(&absent), &labels));
        let not_in =
            json!({"matchExpressions": [{"key": "app", "operator": "NotIn", "values": ["a"]}]});
        assert!(!selector_matches(Some(&not_in), &labels));
    }
}
