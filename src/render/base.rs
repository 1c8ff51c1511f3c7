//! The Base component: Istio's CRDs (generated from the shared model's types), the
//! reader ServiceAccount, and the default-revision validating webhook.

use serde_json::{json, Value};

use super::meta;
use super::Ctx;
use crate::model::crd;

/// Every namespaced object of the base chart lives in the Istio namespace (`global.istioNamespace`).
pub fn render(ctx: &Ctx) -> Vec<Value> {
    let cluster_scoped = ctx.renders_cluster_scoped();
    let namespaced = ctx.renders_namespaced();
    let labels = meta::istio_labels("base");
    let mut out = Vec::new();
    if cluster_scoped {
        out.extend(crds(ctx, &labels));
    }
    if namespaced && ctx.get("global.enableReaderRBAC").as_bool() != Some(false) {
        out.push(reader_service_account(ctx, &labels));
    }
    let default_revision = ctx.str("defaultRevision");
    if cluster_scoped && !default_revision.is_empty() {
        if ctx.bool("experimental.stableValidationPolicy") {
            out.extend(meta::stable_validation_policy(
                "stable-channel-default-policy.istio.io",
                "stable-channel-default-policy-binding.istio.io",
                meta::labels(&[
                    &meta::label("release", "istio"),
                    &meta::label("istio", "istiod"),
                    &meta::label("istio.io/rev", &default_revision),
                    &meta::label("app.kubernetes.io/name", "istiod"),
                    &labels,
                ]),
                None,
            ));
        }
        out.push(default_validator(ctx, &labels, &default_revision));
    }
    out
}

/// Istio's CRDs less `base.excludedCRDs`; with `base.enableCRDTemplates` (the default) they
/// carry the chart's labels instead of the static ones of the release's CRD file.
fn crds(ctx: &Ctx, labels: &serde_json::Map<String, Value>) -> Vec<Value> {
    let templated = ctx.get("base.enableCRDTemplates").as_bool() != Some(false);
    let excluded: Vec<String> = ctx
        .get("base.excludedCRDs")
        .as_array()
        .map(|l| l.iter().map(super::scalar_string).collect())
        .unwrap_or_default();
    let mut out = Vec::new();
    for mut crd in crd::all_crds() {
        let name = crd["metadata"]["name"].as_str().unwrap_or("").to_string();
        if templated && excluded.contains(&name) {
            continue;
        }
        if templated {
            crd["metadata"]["labels"] = json!(labels);
        }
        out.push(crd);
    }
    out
}

/// The reader ServiceAccount multicluster remote secrets use.
fn reader_service_account(ctx: &Ctx, labels: &serde_json::Map<String, Value>) -> Value {
    let name = ctx.str("global.readerServiceAccount.name");
    let (name, ns) = if name.is_empty() {
        (
            "istio-reader-service-account".to_string(),
            ctx.istio_namespace.clone(),
        )
    } else {
        let ns = ctx.str_or(
            "global.readerServiceAccount.namespace",
            &ctx.istio_namespace,
        );
        (name, ns)
    };
    meta::service_account(
        ctx,
        &name,
        &ns,
        meta::labels(&[
            &meta::label("app", "istio-reader"),
            &meta::label("release", "istio"),
            &meta::label("app.kubernetes.io/name", "istio-reader"),
            labels,
        ]),
    )
}

/// Validates Istio config for objects without a revision, served by the default revision.
fn default_validator(ctx: &Ctx, labels: &serde_json::Map<String, Value>, revision: &str) -> Value {
    let service = if revision == "default" {
        "istiod".to_string()
    } else {
        format!("istiod-{revision}")
    };
    let labels = meta::labels(&[
        labels,
        &meta::label("app", "istiod"),
        &meta::label("release", "istio"),
        &meta::label("istio", "istiod"),
        &meta::label("istio.io/rev", revision),
        &meta::label("app.kubernetes.io/name", "istiod"),
    ]);
    let mut vwc = meta::object(
        "admissionregistration.k8s.io/v1",
        "ValidatingWebhookConfiguration",
        "istiod-default-validator",
        None,
        labels,
    );
    let url = ctx.str("base.validationURL");
    let client = if url.is_empty() {
        json!({"service": {"name": service, "namespace": ctx.istio_namespace, "path": "/validate"}})
    } else {
        json!({"url": url})
    };
    vwc["webhooks"] = json!([{
        "admissionReviewVersions": ["v1"],
        "clientConfig": client,
        "failurePolicy": "Ignore",
        "name": "validation.istio.io",
        "rules": meta::validation_rules(),
        "sideEffects": "None"
    }]);
    vwc
}
