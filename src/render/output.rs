//! Serializing rendered objects: keys sorted like Go's YAML/JSON encoders, istioctl's
//! object order, and the `---`-separated YAML stream `manifest generate` prints.

use serde_json::{Map, Value};

/// A copy of `v` with every map's keys sorted.
pub fn sorted(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            let mut out = Map::with_capacity(m.len());
            for k in keys {
                out.insert(k.clone(), sorted(&m[k]));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

/// YAML text of a value (keys sorted), without the trailing newline.
pub fn yaml_text(v: &Value) -> String {
    let text = crate::output::yaml::to_string(&sorted(v));
    text.trim_end_matches('\n').to_string()
}

/// YAML text of a value as Helm's `toYaml` writes it (keys sorted, Go's double quotes),
/// without the trailing newline: the text of YAML embedded in a ConfigMap.
pub fn go_yaml_text(v: &Value) -> String {
    let text = crate::output::yaml::to_go_string(&sorted(v));
    text.trim_end_matches('\n').to_string()
}

/// Indented JSON text of a value (keys sorted), numbers as Go writes them: a whole
/// number without a fraction (`1`, not `1.0`), as Helm's `toPrettyJson` prints values.
pub fn json_text(v: &Value) -> String {
    serde_json::to_string_pretty(&as_written(v)).unwrap_or_default()
}

/// A value as a ConfigMap's JSON or YAML text holds it and a reader gets it back: keys
/// sorted, whole numbers as integers.
pub fn as_written(v: &Value) -> Value {
    go_numbers(&sorted(v))
}

/// Whole floating-point numbers as integers (Go's JSON writes 1.0 as `1`).
fn go_numbers(v: &Value) -> Value {
    match v {
        Value::Number(n) if n.is_f64() => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => Value::from(f as i64),
            _ => v.clone(),
        },
        Value::Object(m) => {
            Value::Object(m.iter().map(|(k, x)| (k.clone(), go_numbers(x))).collect())
        }
        Value::Array(items) => Value::Array(items.iter().map(go_numbers).collect()),
        other => other.clone(),
    }
}

/// istioctl's install order: CRDs, ServiceAccounts and ClusterRoles, ClusterRoleBindings,
/// ValidatingWebhookConfigurations, ConfigMaps, everything else, HPAs, Services.
fn kind_rank(kind: &str) -> u8 {
    match kind {
        "CustomResourceDefinition" => 0,
        "ServiceAccount" | "ClusterRole" => 1,
        "ClusterRoleBinding" => 2,
        "ValidatingWebhookConfiguration" => 3,
        "ConfigMap" => 4,
        "HorizontalPodAutoscaler" => 6,
        "Service" => 7,
        _ => 5,
    }
}

fn order_key(o: &Value) -> (u8, String, String, String, String) {
    let api = o["apiVersion"].as_str().unwrap_or("");
    let group = api.rsplit_once('/').map(|(g, _)| g).unwrap_or("");
    let kind = o["kind"].as_str().unwrap_or("");
    (
        kind_rank(kind),
        group.to_string(),
        kind.to_string(),
        o["metadata"]["name"].as_str().unwrap_or("").to_string(),
        o["metadata"]["namespace"]
            .as_str()
            .unwrap_or("")
            .to_string(),
    )
}

/// Sorts objects into istioctl's order (stable and deterministic).
pub fn order(objects: &mut [Value]) {
    objects.sort_by_cached_key(order_key);
}

/// The `---`-separated YAML stream of objects, each with sorted keys.
pub fn manifest_stream(objects: &[Value]) -> String {
    let mut out = String::new();
    for (i, o) in objects.iter().enumerate() {
        if i > 0 {
            out.push_str("---\n");
        }
        out.push_str(&yaml_text(o));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn order_follows_istioctl() {
        let mut objs = vec![
            json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "a"}}),
            json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "a"}}),
            json!({"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition", "metadata": {"name": "x"}}),
            json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}),
        ];
        order(&mut objs);
        let kinds: Vec<&str> = objs.iter().map(|o| o["kind"].as_str().unwrap()).collect();
        assert_eq!(
            kinds,
            [
                "CustomResourceDefinition",
                "ConfigMap",
                "Deployment",
                "Service"
            ]
        );
    }

    #[test]
    fn stream_sorts_keys() {
        let text = manifest_stream(&[
            json!({"kind": "A", "apiVersion": "v1"}),
            json!({"kind": "B"}),
        ]);
        assert_eq!(text, "apiVersion: v1\nkind: A\n---\nkind: B\n");
    }
}
