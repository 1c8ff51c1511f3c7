//! Values compared as the conformance scorers compare them: null, empty mappings and
//! empty lists dropped, JSON-in-string values parsed, numbers as floats.

use serde_json::{json, Map, Value};

pub fn norm(v: &Value) -> Option<Value> {
    match v {
        Value::Null => None,
        Value::Object(m) => {
            let out: Map<String, Value> = m
                .iter()
                .filter_map(|(k, v)| norm(v).map(|v| (k.clone(), v)))
                .collect();
            (!out.is_empty()).then_some(Value::Object(out))
        }
        Value::Array(a) => {
            let out: Vec<Value> = a.iter().map(|v| norm(v).unwrap_or(Value::Null)).collect();
            (!out.is_empty()).then_some(Value::Array(out))
        }
        Value::String(s) => {
            let t = s.trim_start();
            if t.starts_with('{') || t.starts_with('[') {
                if let Ok(parsed) = serde_json::from_str::<Value>(s) {
                    return norm(&parsed).or(Some(Value::String(String::new())));
                }
            }
            Some(v.clone())
        }
        Value::Number(n) => Some(json!(n.as_f64())),
        other => Some(other.clone()),
    }
}
