//! Every property path of every Istio CRD schema in ../shared/spec/istio-crds.yaml must be
//! covered by the model's typed structs (read through the CRDs skiff generates from them),
//! and every CEL rule of those CRDs must be in the CRDs skiff installs.

use crate::common;
use std::collections::BTreeSet;
use std::path::Path;

use skiff::model::api::ISTIO_KINDS;
use skiff::model::crd::{property_paths, structural_spec_schema};

const CRD_FILE: &str = "../shared/spec/istio-crds.yaml";

#[test]
fn model_covers_every_istio_crd_property() {
    let path = Path::new(CRD_FILE);
    assert!(
        path.exists(),
        "{CRD_FILE} is required for the coverage test"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let docs = skiff::model::load::parse_documents(&text, CRD_FILE).unwrap();
    let mut total = 0usize;
    let mut covered = 0usize;
    let mut missing = Vec::new();
    let mut kinds = BTreeSet::new();
    for doc in &docs {
        let spec = &doc.object["spec"];
        let kind = spec["names"]["kind"].as_str().unwrap().to_string();
        let group = spec["group"].as_str().unwrap();
        let info = ISTIO_KINDS
            .iter()
            .find(|k| k.kind == kind && k.group == group);
        assert!(info.is_some(), "kind {kind} of {group} is not in the model");
        let ours = property_paths(&structural_spec_schema(&kind).unwrap());
        for version in spec["versions"].as_array().unwrap() {
            let vname = version["name"].as_str().unwrap();
            assert!(
                info.unwrap().versions.iter().any(|v| v.name == vname),
                "{kind} version {vname} not modelled"
            );
            let theirs =
                property_paths(&version["schema"]["openAPIV3Schema"]["properties"]["spec"]);
            for p in &theirs {
                total += 1;
                if ours.contains(p) {
                    covered += 1;
                } else {
                    missing.push(format!("{kind}/{vname}: spec{p}"));
                }
            }
        }
        kinds.insert(kind);
    }
    let pct = 100.0 * covered as f64 / total as f64;
    println!(
        "CRD coverage: {covered}/{total} property paths ({pct:.1}%) over {} kinds",
        kinds.len()
    );
    assert!(missing.is_empty(), "not covered: {missing:#?}");
}

/// Every `x-kubernetes-validations` rule under `value`, as (path, rule, message).
fn cel_rules(value: &serde_json::Value, path: &str, out: &mut BTreeSet<(String, String, String)>) {
    match value {
        serde_json::Value::Object(map) => {
            for rule in map
                .get("x-kubernetes-validations")
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
            {
                let text = |k: &str| rule[k].as_str().unwrap_or("").to_string();
                out.insert((path.to_string(), text("rule"), text("message")));
            }
            for (key, child) in map {
                cel_rules(child, &format!("{path}/{key}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                cel_rules(item, &format!("{path}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The CEL rules of every CRD in a multi-document text, keyed by CRD name.
fn crd_rules(text: &str, file: &str) -> BTreeSet<(String, String, String)> {
    let mut out = BTreeSet::new();
    for doc in skiff::model::load::parse_documents(text, file).unwrap() {
        if doc.kind() != "CustomResourceDefinition" {
            continue;
        }
        let mut rules = BTreeSet::new();
        cel_rules(&doc.object["spec"]["versions"], "", &mut rules);
        out.extend(
            rules
                .into_iter()
                .map(|(path, rule, message)| (format!("{}{path}", doc.name()), rule, message)),
        );
    }
    out
}

#[test]
fn the_crds_skiff_installs_carry_every_cel_rule_of_the_release() {
    let reference = std::fs::read_to_string(CRD_FILE).expect("the release's CRDs");
    let theirs = crd_rules(&reference, CRD_FILE);
    let rendered = common::skiff_command()
        .args(["manifest", "generate", "--set", "profile=minimal"])
        .output()
        .expect("run skiff");
    assert!(rendered.status.success());
    let text = String::from_utf8_lossy(&rendered.stdout).to_string();
    let ours = crd_rules(&text, "rendered");
    // ../shared's CRDs are a later build than 1.30.3: a rule on a field 1.30.3's CRDs do
    // not have (http2KeepAlive, ...) is not the release's.
    let mut fields = BTreeSet::new();
    for doc in skiff::model::load::parse_documents(&text, "rendered").unwrap() {
        if doc.kind() == "CustomResourceDefinition" {
            node_paths(&doc.object["spec"]["versions"], doc.name(), &mut fields);
        }
    }
    let (in_release, later): (Vec<_>, Vec<_>) = theirs
        .iter()
        .partition(|(path, _, _)| fields.contains(path));
    let missing: Vec<_> = in_release.iter().filter(|r| !ours.contains(**r)).collect();
    println!(
        "CEL rules: {} of {} are in the CRDs skiff installs ({} more are on fields 1.30.3 does not have)",
        in_release.len() - missing.len(),
        in_release.len(),
        later.len()
    );
    assert!(in_release.len() > 300, "{} rules", in_release.len());
    assert!(missing.is_empty(), "missing CEL rules: {missing:#?}");
}

/// The path of every object node under `value`.
fn node_paths(value: &serde_json::Value, path: &str, out: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            out.insert(path.to_string());
            for (key, child) in map {
                node_paths(child, &format!("{path}/{key}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                node_paths(item, &format!("{path}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_cel_rule_of_the_release_is_evaluated_by_skiff_validate() {
    let reference = std::fs::read_to_string(CRD_FILE).expect("the release's CRDs");
    let texts: BTreeSet<String> = crd_rules(&reference, CRD_FILE)
        .into_iter()
        .map(|(_, rule, _)| rule)
        .collect();
    for rule in &texts {
        let expr = skiff::model::cel::parse(rule).unwrap_or_else(|e| panic!("{rule}: {e}"));
        let unsupported = skiff::model::cel::unsupported_function(&expr);
        assert_eq!(unsupported, None, "{rule}");
    }
    let mut placements = 0;
    for info in ISTIO_KINDS {
        let (count, problem) = skiff::model::validate::cel_rule_coverage(info.kind);
        assert_eq!(problem, None, "{}", info.kind);
        placements += count;
    }
    println!(
        "CEL rules: {} distinct rules in {CRD_FILE}, all parsed and evaluable; {placements} rule placements evaluated by skiff validate",
        texts.len()
    );
    assert!(placements >= texts.len(), "{placements} placements");
}
