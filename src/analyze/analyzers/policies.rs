//! Analyzers of workload-selecting policies: Sidecars, Telemetry, AuthorizationPolicies,
//! RequestAuthentications, and selectors that Kubernetes Gateways ignore.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::util::*;
use crate::analyze::messages as msg;
use crate::analyze::snapshot::{selects, Workload};
use crate::analyze::{Analyzer, Reporter, Snapshot};
use crate::model::Resource;

const GATEWAY_NAME_LABEL: &str = "gateway.networking.k8s.io/gateway-name";

/// Istio's "namespace in ambient mode": labelled `istio.io/dataplane-mode: ambient`, and
/// neither `istio-injection: enabled` nor a non-empty `istio.io/rev`.
fn ambient_namespace(snap: &Snapshot, name: &str) -> bool {
    snap.namespace_object(name).is_some_and(|n| {
        let l = n.labels();
        let get = |k: &str| l.and_then(|l| l.get(k)).and_then(Value::as_str);
        get("istio.io/dataplane-mode") == Some("ambient")
            && get("istio-injection") != Some("enabled")
            && get("istio.io/rev").unwrap_or("").is_empty()
    })
}

fn in_ambient(snap: &Snapshot, w: &Workload) -> bool {
    snap.owner(w)
        .annotations()
        .and_then(|a| a.get("ambient.istio.io/redirection"))
        .and_then(Value::as_str)
        == Some("enabled")
}

pub static SIDECAR_SELECTOR: Analyzer = Analyzer {
    name: "sidecar.SelectorAnalyzer",
    doc: "Checks Sidecar workload selectors: they match pods, no two select the same pod, at most one per namespace has none, none in ambient namespaces",
    inputs: with_workloads!["Sidecar", "Namespace"],
    requires: &["Pod"],
    codes: &[&msg::REFERENCED_RESOURCE_NOT_FOUND, &msg::CONFLICTING_SIDECAR_WORKLOAD_SELECTORS, &msg::MULTIPLE_SIDECARS_WITHOUT_WORKLOAD_SELECTORS, &msg::INEFFECTIVE_POLICY],
    run: sidecar_selector,
};

fn sidecar_selector(snap: &Snapshot, out: &mut Reporter) {
    let mut by_pod: BTreeMap<(String, String), (&Workload, Vec<&Resource>)> = BTreeMap::new();
    let mut without: BTreeMap<String, Vec<&Resource>> = BTreeMap::new();
    for sc in snap.istio("Sidecar") {
        let sel = labels_at(&sc.object, "/spec/workloadSelector/labels");
        if sel.is_empty() {
            without.entry(ns(sc).to_string()).or_default().push(sc);
            continue;
        }
        let pods = snap
            .workloads_in(ns(sc))
            .filter(|w| w.is_pod && selects(&sel, &w.labels));
        let mut found = false;
        for pod in pods {
            found = true;
            let key = (pod.namespace.clone(), pod.name.clone());
            by_pod.entry(key).or_insert((pod, Vec::new())).1.push(sc);
        }
        if !found {
            report_unmatched(sc, &sel, "spec.workloadSelector.labels", out);
        }
    }
    let mut ineffective = BTreeSet::new();
    for ((pod_ns, pod_name), (pod, sidecars)) in &by_pod {
        let ambient = in_ambient(snap, pod);
        if sidecars.len() == 1 && !ambient {
            continue;
        }
        let names = sorted_names(sidecars);
        for sc in sidecars {
            if ambient {
                if ineffective.insert(qualified(sc)) {
                    let why = "selected workload is in ambient mode, the policy has no impact";
                    out.report(&msg::INEFFECTIVE_POLICY, Some(sc), None, &[why.into()]);
                }
                continue;
            }
            out.report(
                &msg::CONFLICTING_SIDECAR_WORKLOAD_SELECTORS,
                Some(sc),
                Some("metadata.name"),
                &[names.clone().into(), pod_ns.into(), pod_name.into()],
            );
        }
    }
    for (namespace, sidecars) in &without {
        if ambient_namespace(snap, namespace) {
            for sc in sidecars {
                if ineffective.insert(qualified(sc)) {
                    let why = "namespace is in ambient mode, the policy has no impact";
                    out.report(&msg::INEFFECTIVE_POLICY, Some(sc), None, &[why.into()]);
                }
            }
        } else if sidecars.len() > 1 {
            let names = sorted_names(sidecars);
            for sc in sidecars {
                out.report(
                    &msg::MULTIPLE_SIDECARS_WITHOUT_WORKLOAD_SELECTORS,
                    Some(sc),
                    None,
                    &[names.clone().into(), namespace.into()],
                );
            }
        }
    }
}

fn sorted_names(resources: &[&Resource]) -> Vec<String> {
    let mut names: Vec<String> = resources.iter().map(|r| r.name().to_string()).collect();
    names.sort();
    names
}

/// A selector that selects nothing: named as Kubernetes prints it (`k=v,k2=v2`, sorted),
/// at the line of its first label.
fn report_unmatched(r: &Resource, sel: &BTreeMap<String, String>, field: &str, out: &mut Reporter) {
    let text = sel
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",");
    let first = sel.keys().next().map(|k| format!("{field}[\"{k}\"]"));
    out.report(
        &msg::REFERENCED_RESOURCE_NOT_FOUND,
        Some(r),
        first.as_deref(),
        &["selector".into(), text.into()],
    );
}

pub static TELEMETRY_SELECTOR: Analyzer = Analyzer {
    name: "telemetry.SelectorAnalyzer",
    doc: "Checks Telemetry selectors: they match pods and no two Telemetries select the same pod",
    inputs: with_workloads!["Telemetry"],
    requires: &["Pod"],
    codes: &[
        &msg::REFERENCED_RESOURCE_NOT_FOUND,
        &msg::CONFLICTING_TELEMETRY_WORKLOAD_SELECTORS,
    ],
    run: telemetry_selector,
};

fn telemetry_selector(snap: &Snapshot, out: &mut Reporter) {
    let mut by_pod: BTreeMap<(String, String), Vec<&Resource>> = BTreeMap::new();
    for t in snap.istio("Telemetry") {
        // Telemetries without selector labels are not this analyzer's.
        let sel = labels_at(&t.object, "/spec/selector/matchLabels");
        if sel.is_empty() {
            continue;
        }
        let mut found = false;
        for pod in snap
            .workloads_in(ns(t))
            .filter(|w| w.is_pod && selects(&sel, &w.labels))
        {
            found = true;
            let key = (pod.namespace.clone(), pod.name.clone());
            by_pod.entry(key).or_default().push(t);
        }
        if !found {
            report_unmatched(t, &sel, "spec.selector.matchLabels", out);
        }
    }
    for ((pod_ns, pod_name), telemetries) in by_pod.iter().filter(|(_, t)| t.len() > 1) {
        let names = sorted_names(telemetries);
        for t in telemetries {
            out.report(
                &msg::CONFLICTING_TELEMETRY_WORKLOAD_SELECTORS,
                Some(t),
                Some("metadata.name"),
                &[names.clone().into(), pod_ns.into(), pod_name.into()],
            );
        }
    }
}

pub static TELEMETRY_DEFAULT_SELECTOR: Analyzer = Analyzer {
    name: "telemetry.DefaultSelectorAnalyzer",
    doc: "Checks that at most one Telemetry per namespace has no selector",
    inputs: &["Telemetry"],
    requires: &[],
    codes: &[&msg::MULTIPLE_TELEMETRIES_WITHOUT_WORKLOAD_SELECTORS],
    run: telemetry_default_selector,
};

fn telemetry_default_selector(snap: &Snapshot, out: &mut Reporter) {
    let mut without: BTreeMap<String, Vec<&Resource>> = BTreeMap::new();
    // Istio's rule: no `selector` at all (target references do not count).
    for t in snap.istio("Telemetry") {
        if t.object
            .pointer("/spec/selector")
            .is_none_or(Value::is_null)
        {
            without.entry(ns(t).to_string()).or_default().push(t);
        }
    }
    for (namespace, list) in without.iter().filter(|(_, l)| l.len() > 1) {
        let names: Vec<String> = list.iter().map(|r| r.name().to_string()).collect();
        for t in list {
            out.report(
                &msg::MULTIPLE_TELEMETRIES_WITHOUT_WORKLOAD_SELECTORS,
                Some(t),
                None,
                &[names.clone().into(), namespace.into()],
            );
        }
    }
}

pub static TELEMETRY_PROVIDER: Analyzer = Analyzer {
    name: "telemetry.ProviderAnalyzer",
    doc: "Checks that access logging a Telemetry turns on names a provider when the mesh has no default one",
    inputs: &["Telemetry", "MeshConfig"],
    requires: &[],
    codes: &[&msg::INVALID_TELEMETRY_PROVIDER],
    run: telemetry_provider,
};

fn telemetry_provider(snap: &Snapshot, out: &mut Reporter) {
    let default_access_logging = snap
        .mesh
        .other
        .get("defaultProviders")
        .and_then(|d| d.get("accessLogging"))
        .and_then(Value::as_array)
        .is_some_and(|a| !a.is_empty());
    if default_access_logging {
        return;
    }
    for t in snap.istio("Telemetry") {
        for item in array_at(&t.object, "/spec/accessLogging") {
            let disabled = item.get("disabled").and_then(Value::as_bool) == Some(true);
            if !disabled && array_at(item, "/providers").is_empty() {
                out.report(
                    &msg::INVALID_TELEMETRY_PROVIDER,
                    Some(t),
                    None,
                    &[t.name().into(), ns(t).into()],
                );
            }
        }
    }
}

pub static LIGHTSTEP: Analyzer = Analyzer {
    name: "telemetry.LightstepAnalyzer",
    doc: "Reports Telemetries that use a Lightstep tracing provider, which Istio deprecated",
    inputs: &["Telemetry", "MeshConfig"],
    requires: &[],
    codes: &[&msg::DEPRECATED],
    run: lightstep,
};

fn lightstep(snap: &Snapshot, out: &mut Reporter) {
    let lightstep: Vec<String> = snap
        .mesh
        .extension_providers
        .iter()
        .flatten()
        .filter(|p| p.get("lightstep").is_some())
        .filter_map(|p| p.get("name").and_then(Value::as_str).map(str::to_string))
        .collect();
    if lightstep.is_empty() {
        return;
    }
    for t in snap.istio("Telemetry") {
        let uses = array_at(&t.object, "/spec/tracing").iter().any(|tr| {
            array_at(tr, "/providers").iter().any(|p| {
                p.get("name")
                    .and_then(Value::as_str)
                    .is_some_and(|n| lightstep.iter().any(|l| l == n))
            })
        });
        if uses {
            out.report(
                &msg::DEPRECATED,
                Some(t),
                Some("spec.tracing"),
                &["The Lightstep provider is deprecated, please migrate to OpenTelemetry provider.".into()],
            );
        }
    }
}

pub static AUTHORIZATION_POLICIES: Analyzer = Analyzer {
    name: "auth.AuthorizationPoliciesAnalyzer",
    doc: "Checks that AuthorizationPolicies select workloads and that the namespaces their rules name exist",
    inputs: with_workloads!["AuthorizationPolicy", "Namespace", "MeshConfig"],
    requires: &["Namespace", "Pod"],
    codes: &[&msg::REFERENCED_RESOURCE_NOT_FOUND, &msg::NO_MATCHING_WORKLOADS_FOUND],
    run: authorization_policies,
};

fn authorization_policies(snap: &Snapshot, out: &mut Reporter) {
    let pods = mesh_pod_labels(snap);
    let namespaces: Vec<&str> = snap.core("Namespace").map(|n| n.name()).collect();
    let root = snap.mesh.root_namespace();
    for ap in snap.istio("AuthorizationPolicy") {
        if let Some(selector) = no_matching_workloads(ap, &pods, root) {
            let kind = &msg::NO_MATCHING_WORKLOADS_FOUND;
            out.report(kind, Some(ap), None, &[selector.into()]);
        }
        for (i, rule) in array_at(&ap.object, "/spec/rules").iter().enumerate() {
            for (j, from) in array_at(rule, "/from").iter().enumerate() {
                for field in ["namespaces", "notNamespaces"] {
                    let patterns = strings(from.pointer(&format!("/source/{field}")));
                    for (k, pattern) in patterns.iter().enumerate() {
                        if namespaces.iter().any(|n| namespace_matches(pattern, n)) {
                            continue;
                        }
                        out.report(
                            &msg::REFERENCED_RESOURCE_NOT_FOUND,
                            Some(ap),
                            // Istio looks a notNamespaces entry up by its index in
                            // `namespaces` (and so may point at that line).
                            Some(&format!("spec.rules[{i}].from[{j}].source.namespaces[{k}]")),
                            &["namespace".into(), pattern.clone().into()],
                        );
                    }
                }
            }
        }
    }
}

/// The labels of the pods in the mesh (with the proxy or to be injected, or ambient), by
/// namespace: the workloads AuthorizationPolicies are checked against.
fn mesh_pod_labels(snap: &Snapshot) -> BTreeMap<&str, Vec<&BTreeMap<String, String>>> {
    let mut out: BTreeMap<&str, Vec<&BTreeMap<String, String>>> = BTreeMap::new();
    for w in snap.workloads().iter().filter(|w| w.is_pod) {
        let pod = snap.owner(w);
        let spec = snap.pod_spec(w);
        let containers = array_at(spec, "/containers")
            .iter()
            .chain(array_at(spec, "/initContainers"));
        let meta = pod.object.get("metadata").unwrap_or(&Value::Null);
        let labels = out.entry(w.namespace.as_str()).or_default();
        if in_mesh(snap, &w.namespace, meta, containers) {
            labels.push(&w.labels);
        }
        if in_ambient(snap, w) {
            labels.push(&w.labels);
        }
    }
    out
}

/// The selector text when an AuthorizationPolicy selects no pod in the mesh: one in the
/// root namespace with a selector is checked against every namespace (and without one,
/// not at all); elsewhere against its own namespace, where no selector needs any pod.
fn no_matching_workloads(
    ap: &Resource,
    pods: &BTreeMap<&str, Vec<&BTreeMap<String, String>>>,
    root: &str,
) -> Option<String> {
    let selector = ap
        .object
        .pointer("/spec/selector")
        .filter(|s| !s.is_null())
        .map(|s| labels_at(s, "/matchLabels"));
    let text = |sel: &BTreeMap<String, String>| {
        sel.iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    let in_ns = pods.get(ns(ap)).map(Vec::as_slice).unwrap_or(&[]);
    match selector {
        Some(sel) if ns(ap) == root => {
            let any = pods.values().flatten().any(|labels| selects(&sel, labels));
            (!any).then(|| text(&sel))
        }
        None if ns(ap) == root => None,
        None => in_ns.is_empty().then(String::new),
        Some(sel) => (!in_ns.iter().any(|labels| selects(&sel, labels))).then(|| text(&sel)),
    }
}

/// AuthorizationPolicy namespace patterns as Istio matches them: `*`, `*suffix`,
/// `prefix*`, else the name in any case.
fn namespace_matches(pattern: &str, name: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    if let Some(suffix) = pattern.strip_prefix('*') {
        return name.ends_with(suffix);
    }
    if let Some(prefix) = pattern.strip_suffix('*') {
        return name.starts_with(prefix);
    }
    name.eq_ignore_ascii_case(pattern)
}

pub static K8S_GATEWAY_SELECTOR: Analyzer = Analyzer {
    name: "k8sgateway.SelectorAnalyzer",
    doc: "Reports policies that select a Kubernetes Gateway's pods by label instead of targetRef, which has no effect",
    inputs: with_workloads![
        "AuthorizationPolicy",
        "RequestAuthentication",
        "Telemetry",
        "WasmPlugin",
    ],
    requires: &[],
    codes: &[&msg::INEFFECTIVE_SELECTOR],
    run: k8s_gateway_selector,
};

fn k8s_gateway_selector(snap: &Snapshot, out: &mut Reporter) {
    let policies = snap
        .istio("AuthorizationPolicy")
        .chain(snap.istio("RequestAuthentication"))
        .chain(snap.istio("Telemetry"))
        .chain(snap.istio("WasmPlugin"));
    for p in policies {
        if p.object.pointer("/spec/targetRef").is_some()
            || p.object.pointer("/spec/targetRefs").is_some()
        {
            continue;
        }
        let Some(sel) = match_labels(&p.object, "/spec/selector/matchLabels") else {
            continue;
        };
        let gateway = snap
            .workloads_in(ns(p))
            .filter(|w| selects(&sel, &w.labels))
            .find_map(|w| w.labels.get(GATEWAY_NAME_LABEL).cloned())
            .or_else(|| sel.get(GATEWAY_NAME_LABEL).cloned());
        if let Some(gw) = gateway {
            out.report(
                &msg::INEFFECTIVE_SELECTOR,
                Some(p),
                Some("spec.selector"),
                &[format!("{}/{gw}", ns(p)).into()],
            );
        }
    }
}

pub static BLOCKED_CIDRS: Analyzer = Analyzer {
    name: "authn.BlockedCIDRsAnalyzer",
    doc: "Warns when RequestAuthentications fetch JWKS URIs but istiod does not restrict them with BLOCKED_CIDRS_IN_JWKS_URIS",
    inputs: &["RequestAuthentication", "Deployment"],
    requires: &[],
    codes: &[&msg::JWKS_URI_FETCH_UNRESTRICTED],
    run: blocked_cidrs,
};

fn blocked_cidrs(snap: &Snapshot, out: &mut Reporter) {
    let with_uri: Vec<String> = snap
        .istio("RequestAuthentication")
        .filter(|ra| {
            array_at(&ra.object, "/spec/jwtRules")
                .iter()
                .any(|r| r.get("jwksUri").is_some())
        })
        .map(qualified)
        .collect();
    if with_uri.is_empty() {
        return;
    }
    for istiod in snap.of("apps", "Deployment").filter(|d| {
        labels_at(&d.object, "/spec/template/metadata/labels")
            .get("app")
            .map(String::as_str)
            == Some("istiod")
    }) {
        let configured = array_at(&istiod.object, "/spec/template/spec/containers")
            .iter()
            .any(|c| {
                array_at(c, "/env").iter().any(|e| {
                    e.get("name").and_then(Value::as_str) == Some("BLOCKED_CIDRS_IN_JWKS_URIS")
                        && e.get("value")
                            .and_then(Value::as_str)
                            .is_some_and(|v| !v.is_empty())
                })
            });
        if !configured {
            out.report(
                &msg::JWKS_URI_FETCH_UNRESTRICTED,
                Some(istiod),
                None,
                &[(with_uri.len() as i64).into(), with_uri.join(", ").into()],
            );
        }
    }
}
