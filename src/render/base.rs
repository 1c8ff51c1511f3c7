//! The Base component: Istio's CRDs (generated from the shared model's types), the
//! reader ServiceAccount, and the default-revision validating webhook.

use serde_json::{json, Value};

use super::meta;
use super::{Component, Ctx};
use crate::model::crd;

pub fn render(ctx: &Ctx, component: &Component) -> Vec<Value> {
    let labels = meta::labels(&[
        &meta::chart_labels("istio-base", "base"),
        &meta::operator_labels(ctx, component),
    ]);
    let mut out = Vec::new();
    if ctx.get("base.enableIstioConfigCRDs").as_bool() != Some(false) {
        let excluded: Vec<String> = ctx
            .get("base.excludedCRDs")
            .as_array()
            .map(|l| l.iter().map(super::scalar_string).collect())
            .unwrap_or_default();
        for mut crd in crd::all_crds() {
            let name = crd["metadata"]["name"].as_str().unwrap_or("").to_string();
            if excluded.contains(&name) {
                continue;
            }
            crd["metadata"]["labels"] = json!(labels);
            out.push(crd);
        }
    }
    if ctx.get("global.enableReaderRBAC").as_bool() != Some(false) {
        let name = ctx.str("global.readerServiceAccount.name");
        let (name, ns) = if name.is_empty() {
            (
                "istio-reader-service-account".to_string(),
                component.namespace.clone(),
            )
        } else {
            let ns = ctx.str("global.readerServiceAccount.namespace");
            (
                name,
                if ns.is_empty() {
                    component.namespace.clone()
                } else {
                    ns
                },
            )
        };
        out.push(meta::service_account(
            ctx,
            &name,
            &ns,
            meta::labels(&[&meta::label("app", "istio-reader"), &labels]),
        ));
    }
    let default_revision = ctx.str("defaultRevision");
    if !default_revision.is_empty() && ctx.bool("global.configValidation") {
        out.push(default_validator(ctx, &labels, &default_revision));
    }
    out
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
        &meta::label("istio", "istiod"),
        &meta::label("istio.io/rev", revision),
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
