//! CustomResourceDefinitions: the installed Istio release's CRD facts (schemas, CEL rules,
//! printer columns), and a structural schema derived from the model's own types (to check
//! the model covers every CRD property).

use serde_json::{json, Map, Value};

use super::api::{spec_schema, ISTIO_KINDS};
use super::schema::KindInfo;

/// The structural OpenAPI v3 schema of a kind's `spec`, from its Rust type.
pub fn structural_spec_schema(kind: &str) -> Option<Value> {
    let schema = spec_schema(kind)?;
    let root = schema.as_value().clone();
    let defs = root
        .get("$defs")
        .or_else(|| root.get("definitions"))
        .cloned()
        .unwrap_or(Value::Null);
    Some(structural(&root, &defs, 0))
}

fn resolve<'a>(node: &'a Value, defs: &'a Value) -> &'a Value {
    if let Some(r) = node.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or("");
        if let Some(target) = defs.get(name) {
            return target;
        }
    }
    node
}

/// Strips `null` alternatives schemars adds for `Option<T>`.
fn non_null_variant(node: &Value) -> &Value {
    for key in ["anyOf", "oneOf"] {
        if let Some(Value::Array(options)) = node.get(key) {
            let rest: Vec<&Value> = options
                .iter()
                .filter(|o| o.get("type").and_then(Value::as_str) != Some("null"))
                .collect();
            if rest.len() == 1 {
                return rest[0];
            }
        }
    }
    node
}

fn structural(node: &Value, defs: &Value, depth: usize) -> Value {
    let node = resolve(non_null_variant(resolve(node, defs)), defs);
    if depth > 32 || node == &Value::Bool(true) || node.as_object().is_some_and(|m| m.is_empty()) {
        return json!({"x-kubernetes-preserve-unknown-fields": true});
    }
    let ty = match node.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("object")
            .to_string(),
        _ => {
            if node.get("properties").is_some() {
                "object".to_string()
            } else {
                return json!({"x-kubernetes-preserve-unknown-fields": true});
            }
        }
    };
    let mut out = Map::new();
    match ty.as_str() {
        "object" => {
            out.insert("type".into(), json!("object"));
            if let Some(Value::Object(props)) = node.get("properties") {
                let mut converted = Map::new();
                for (k, v) in props {
                    converted.insert(k.clone(), structural(v, defs, depth + 1));
                }
                out.insert("properties".into(), Value::Object(converted));
            } else if let Some(ap) = node.get("additionalProperties").filter(|a| a.is_object()) {
                out.insert(
                    "additionalProperties".into(),
                    structural(ap, defs, depth + 1),
                );
            } else {
                out.insert("x-kubernetes-preserve-unknown-fields".into(), json!(true));
            }
        }
        "array" => {
            out.insert("type".into(), json!("array"));
            let items = node.get("items").cloned().unwrap_or(json!({}));
            out.insert("items".into(), structural(&items, defs, depth + 1));
        }
        "integer" => {
            out.insert("type".into(), json!("integer"));
            out.insert("format".into(), json!("int64"));
        }
        "number" => {
            out.insert("type".into(), json!("number"));
            out.insert("format".into(), json!("double"));
        }
        other => {
            out.insert("type".into(), json!(other));
        }
    }
    Value::Object(out)
}

/// The CRD facts of the Istio release skiff installs (`scripts/gen-crds.py`): per CRD its
/// names, versions, printer columns and structural schemas with their CEL rules.
const CRD_FACTS: &str = include_str!("crd-facts.json");

fn crd_facts() -> &'static [Value] {
    static FACTS: std::sync::OnceLock<Vec<Value>> = std::sync::OnceLock::new();
    FACTS.get_or_init(|| serde_json::from_str(CRD_FACTS).unwrap_or_default())
}

/// The apiextensions.k8s.io/v1 CRD of one Istio kind, from the release's CRD facts
/// (`None` for a kind the facts lack).
pub fn crd_for(info: &KindInfo) -> Option<Value> {
    let name = format!("{}.{}", info.plural, info.group);
    crd_facts()
        .iter()
        .find(|f| f["name"] == name.as_str())
        .map(crd_from_facts)
}

fn crd_from_facts(facts: &Value) -> Value {
    let schemas = facts["schemas"].as_array().cloned().unwrap_or_default();
    let versions: Vec<Value> = facts["versions"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| {
            let mut version = v.clone();
            let index = v["schema"].as_u64().unwrap_or(0) as usize;
            version["schema"] = schemas.get(index).cloned().unwrap_or(Value::Null);
            version
        })
        .collect();
    let mut metadata = json!({"name": facts["name"]});
    for key in ["annotations", "labels"] {
        if facts[key].as_object().is_some_and(|a| !a.is_empty()) {
            metadata[key] = facts[key].clone();
        }
    }
    json!({
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": metadata,
        "spec": {
            "group": facts["group"],
            "names": facts["names"],
            "scope": facts["scope"],
            "versions": versions
        }
    })
}

/// Every Istio CRD, in the order of the kind table.
pub fn all_crds() -> Vec<Value> {
    ISTIO_KINDS.iter().filter_map(crd_for).collect()
}

/// Every property path of a structural schema (`.http[].route[].weight`), for coverage.
pub fn property_paths(schema: &Value) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    walk_paths(schema, "", &mut out);
    out
}

fn walk_paths(node: &Value, path: &str, out: &mut std::collections::BTreeSet<String>) {
    let Some(map) = node.as_object() else { return };
    if let Some(Value::Object(props)) = map.get("properties") {
        for (k, child) in props {
            let p = format!("{path}.{k}");
            out.insert(p.clone());
            walk_paths(child, &p, out);
        }
    }
    if let Some(items) = map.get("items") {
        walk_paths(items, &format!("{path}[]"), out);
    }
    if let Some(ap) = map.get("additionalProperties").filter(|a| a.is_object()) {
        walk_paths(ap, &format!("{path}{{}}"), out);
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(Value::Array(options)) = map.get(key) {
            for o in options {
                walk_paths(o, path, out);
            }
        }
    }
}

/// The structural schema of a kind's `spec` in the release's CRD (its `v1` version when it
/// has one), with the Go integer bounds and CEL rules the release declares.
pub fn release_spec_schema(kind: &str) -> Option<&'static Value> {
    let facts = crd_facts().iter().find(|f| f["names"]["kind"] == kind)?;
    let versions = facts["versions"].as_array()?;
    let version = versions
        .iter()
        .find(|v| v["name"] == "v1")
        .or_else(|| versions.first())?;
    let index = version["schema"].as_u64()? as usize;
    facts["schemas"]
        .get(index)?
        .pointer("/openAPIV3Schema/properties/spec")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn virtual_service_crd_is_structural_and_complete_enough() {
        let info = ISTIO_KINDS
            .iter()
            .find(|k| k.kind == "VirtualService")
            .unwrap();
        let crd = crd_for(info).expect("the release has a VirtualService CRD");
        assert_eq!(
            crd["metadata"]["name"],
            "virtualservices.networking.istio.io"
        );
        let spec = &crd["spec"]["versions"][0]["schema"]["openAPIV3Schema"]["properties"]["spec"];
        let paths = property_paths(spec);
        assert!(paths.contains(".http[].route[].weight"), "{paths:?}");
        assert!(paths.contains(".http[].match[].headers{}.exact"));
        assert_eq!(crd["spec"]["versions"].as_array().unwrap().len(), 3);
    }
}
