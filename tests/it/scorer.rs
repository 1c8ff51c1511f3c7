//! Istio's kube-inject golden cases (../shared/conformance/inject) as the conformance
//! scorer runs them, and values compared as it compares them: null, empty mappings and
//! empty lists dropped, JSON-in-string values parsed, numbers as floats.

use crate::common;
use std::path::PathBuf;

use serde_json::{json, Map, Value};

pub fn inject_cases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance/inject")
}

/// The cases that are run (not skipped) and expected to succeed.
pub fn runnable_inject_cases() -> Vec<Value> {
    let text = std::fs::read_to_string(inject_cases_dir().join("cases.json")).unwrap();
    let cases: Vec<Value> = serde_json::from_str(&text).unwrap();
    cases
        .into_iter()
        .filter(|c| c["skip"] != true && c["expect_error"].is_null())
        .collect()
}

/// The kube-inject flags of a golden case (with the goldens' hub and tag).
pub fn case_args(case: &Value) -> Vec<String> {
    let mut args = Vec::new();
    for s in case["set"].as_array().unwrap() {
        args.extend(["--set".to_string(), s.as_str().unwrap().to_string()]);
    }
    for (flag, key) in [
        ("--meshConfigFile", "mesh_config"),
        ("--valuesFile", "values_file"),
        ("--operatorFileName", "iop"),
    ] {
        if let Some(v) = case[key].as_str() {
            args.extend([flag.to_string(), v.to_string()]);
        }
    }
    for s in [
        "values.global.hub=registry.istio.io/testing",
        "values.global.tag=latest",
    ] {
        args.extend(["--set".to_string(), s.to_string()]);
    }
    args
}

/// `skiff kube-inject -f INPUT ARGS` with the case's environment; its stdout when it
/// succeeds.
pub fn run_kube_inject(case: &Value, args: &[String]) -> Option<String> {
    let mut cmd = common::skiff_command();
    cmd.current_dir(inject_cases_dir())
        .args(["kube-inject", "-f", case["input"].as_str().unwrap()])
        .args(args);
    for (k, v) in case["env"].as_object().unwrap() {
        cmd.env(k, v.as_str().unwrap());
    }
    let out = cmd.output().unwrap();
    out.status
        .success()
        .then(|| String::from_utf8(out.stdout).unwrap())
}

/// Whether kube-inject's output equals the case's golden, as the scorer compares them.
pub fn matches_golden(case: &Value, output: &str) -> bool {
    let path = inject_cases_dir().join(case["golden"].as_str().unwrap());
    let golden = std::fs::read_to_string(path).unwrap();
    let normal = |text: &str| yaml_docs(text).iter().filter_map(norm).collect::<Vec<_>>();
    normal(output) == normal(&golden)
}

/// The non-empty YAML documents of a text.
pub fn yaml_docs(text: &str) -> Vec<Value> {
    serde_yaml::Deserializer::from_str(text)
        .map(|d| <Value as serde::Deserialize>::deserialize(d).unwrap())
        .filter(|v| !v.is_null())
        .collect()
}

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
