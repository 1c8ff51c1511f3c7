//! The annotations analyzer: Istio annotations on Namespaces, Services, Pods and
//! Deployments that Istio does not define, that are deprecated, that are on a kind they do
//! not apply to, or whose value istiod would refuse (Istio's annotation facts and value
//! checks: `model::annotations`).

use serde_json::{Map, Value};

use crate::analyze::messages as msg;
use crate::analyze::{Analyzer, Reporter, Snapshot};
use crate::model::annotations::{self, AnnotationFact};
use crate::model::Resource;

/// Annotations istiod and its controllers set themselves: never reported.
const ALWAYS_IGNORED: &[&str] = &[
    "sidecar.istio.io/status",
    "gateway.istio.io/controller-version",
    "istio.io/rev",
];
/// The deprecated annotation whose replacement is a label of the same name.
const INJECT: &str = "sidecar.istio.io/inject";

/// Whether an annotation key is in Istio's namespace (a `*istio.io/` domain), or the one
/// Kubernetes annotation Istio documents.
fn is_istio_key(key: &str) -> bool {
    key == "kubernetes.io/ingress.class"
        || key.split('/').next().unwrap_or("").ends_with("istio.io")
}

fn check(r: &Resource, annotations: &Map<String, Value>, out: &mut Reporter) {
    let kind = r.kind();
    for (key, value) in annotations {
        if !is_istio_key(key) || ALWAYS_IGNORED.contains(&key.as_str()) {
            continue;
        }
        // Istio means to point at the annotation's line but sets it on a copy of the
        // message: the resource's line is what its users see.
        let report =
            |out: &mut Reporter, kind, args: &[msg::Arg]| out.report(kind, Some(r), None, args);
        let Some(fact) = annotations::lookup(key) else {
            report(out, &msg::UNKNOWN_ANNOTATION, &[key.into()]);
            continue;
        };
        let replaced_by_label = key == INJECT && r.labels().is_some_and(|l| l.contains_key(INJECT));
        if fact.deprecated && !replaced_by_label {
            let extra = if key == INJECT {
                format!(" in favor of the {INJECT:?} label")
            } else {
                String::new()
            };
            report(
                out,
                &msg::DEPRECATED_ANNOTATION,
                &[key.into(), extra.into()],
            );
        }
        if fact.resources.iter().any(|k| k == "Any") {
            continue;
        }
        if !fact.resources.iter().any(|k| k == kind) {
            report(
                out,
                &msg::MISPLACED_ANNOTATION,
                &[key.into(), applies_to(fact).into()],
            );
            continue;
        }
        if let Some(why) = annotations::value_error(key, value.as_str().unwrap_or("")) {
            report(out, &msg::INVALID_ANNOTATION, &[key.into(), why.into()]);
        }
    }
}

/// The kinds an annotation applies to, as Istio lists them in the message.
fn applies_to(fact: &AnnotationFact) -> String {
    fact.resources.join(", ")
}

pub static K8S: Analyzer = Analyzer {
    name: "annotations.K8sAnalyzer",
    doc: "Checks Istio annotations on Namespaces, Services, Pods and Deployments: known, not deprecated, on a kind they apply to, with a value istiod accepts",
    inputs: &["Namespace", "Service", "Pod", "Deployment"],
    requires: &[],
    codes: &[&msg::MISPLACED_ANNOTATION, &msg::UNKNOWN_ANNOTATION, &msg::INVALID_ANNOTATION, &msg::DEPRECATED_ANNOTATION],
    run: k8s,
};

fn k8s(snap: &Snapshot, out: &mut Reporter) {
    let resources = snap
        .core("Namespace")
        .chain(snap.core("Service"))
        .chain(snap.core("Pod"))
        .chain(snap.of("apps", "Deployment"));
    for r in resources {
        if let Some(a) = r.annotations() {
            check(r, a, out);
        }
    }
}
