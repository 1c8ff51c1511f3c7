//! Every property path of every Istio CRD schema in ../shared/spec/istio-crds.yaml must be
//! covered by the model's typed structs (read through the CRDs skiff generates from them).

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
