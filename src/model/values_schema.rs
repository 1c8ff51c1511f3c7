//! The typed schema of an IstioOperator's `values` (facts from the release's protobuf
//! definition, `scripts/gen-values-schema.py`), checked the way istioctl decodes them:
//! unknown fields, scalars of the wrong JSON type, integers out of range, unknown enum
//! names and bad durations are errors; `null` anywhere means unset.

use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::{Map, Value};

use super::validate::common::parse_duration_ms;

#[derive(Deserialize)]
struct Facts {
    root: String,
    messages: std::collections::HashMap<String, Vec<Field>>,
    enums: std::collections::HashMap<String, Vec<String>>,
}

#[derive(Deserialize)]
struct Field {
    name: String,
    json: String,
    kind: String,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    r#enum: Option<String>,
    #[serde(default)]
    repeated: bool,
    #[serde(default)]
    map: Option<String>,
}

fn facts() -> &'static Facts {
    static FACTS: OnceLock<Facts> = OnceLock::new();
    FACTS.get_or_init(|| {
        serde_json::from_str(include_str!("values-schema.json")).expect("values-schema.json")
    })
}

/// Why `values` do not decode into the release's typed values: the dotted path of the
/// offending field and istioctl's reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValuesError {
    pub path: String,
    pub reason: String,
}

impl std::fmt::Display for ValuesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "values.{}: {}", self.path, self.reason)
    }
}

/// Checks `values` against the schema; the first error in declaration order (a message's
/// known fields before its unknown ones).
pub fn check(values: &Value) -> Result<(), ValuesError> {
    let facts = facts();
    check_message(facts, &facts.root, values, "")?;
    // Typed as any value, but istioctl converts it to a MeshConfig next.
    match values.get("meshConfig") {
        Some(mesh @ (Value::Bool(_) | Value::Number(_) | Value::String(_) | Value::Array(_))) => {
            error("meshConfig", cannot(mesh, "map[string]json.RawMessage"))
        }
        _ => Ok(()),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn error(path: &str, reason: String) -> Result<(), ValuesError> {
    Err(ValuesError {
        path: path.to_string(),
        reason,
    })
}

fn cannot(v: &Value, go_type: &str) -> String {
    format!(
        "cannot unmarshal {} into Go value of type {go_type}",
        super::go_json::kind_name(v)
    )
}

fn check_message(facts: &Facts, name: &str, v: &Value, path: &str) -> Result<(), ValuesError> {
    let object = match v {
        Value::Null => return Ok(()),
        Value::Object(o) => o,
        other => return error(path, cannot(other, "map[string]json.RawMessage")),
    };
    let fields = &facts.messages[name];
    let mut known: Vec<&str> = Vec::new();
    for field in fields {
        for key in [&field.json, &field.name] {
            if let Some(value) = object.get(key.as_str()) {
                known.push(key);
                check_field(facts, field, value, &join(path, key))?;
                break;
            }
        }
    }
    match object.keys().find(|k| !known.contains(&k.as_str())) {
        Some(unknown) => error(path, format!("unknown field {unknown:?} in {name}")),
        None => Ok(()),
    }
}

fn check_field(facts: &Facts, field: &Field, v: &Value, path: &str) -> Result<(), ValuesError> {
    if v.is_null() {
        return Ok(());
    }
    if field.repeated {
        let Value::Array(items) = v else {
            return error(path, cannot(v, "[]json.RawMessage"));
        };
        for (i, item) in items.iter().enumerate() {
            if !item.is_null() {
                check_single(facts, field, item, &format!("{path}[{i}]"))?;
            }
        }
        return Ok(());
    }
    if field.map.is_some() {
        let Value::Object(entries) = v else {
            return error(path, cannot(v, "map[string]json.RawMessage"));
        };
        return check_entries(facts, field, entries, path);
    }
    check_single(facts, field, v, path)
}

fn check_entries(
    facts: &Facts,
    field: &Field,
    entries: &Map<String, Value>,
    path: &str,
) -> Result<(), ValuesError> {
    for (key, value) in entries {
        if !value.is_null() {
            check_single(facts, field, value, &join(path, key))?;
        }
    }
    Ok(())
}

fn check_single(facts: &Facts, field: &Field, v: &Value, path: &str) -> Result<(), ValuesError> {
    match field.kind.as_str() {
        "string" | "google.protobuf.StringValue" | "bytes" => match v {
            Value::String(_) => Ok(()),
            other => error(path, cannot(other, "string")),
        },
        "bool" | "google.protobuf.BoolValue" => match v {
            Value::Bool(_) => Ok(()),
            other => error(path, cannot(other, "bool")),
        },
        "google.protobuf.Struct" => match v {
            Value::Object(_) => Ok(()),
            other => error(
                path,
                format!(
                    "bad StructValue: {}",
                    cannot(other, "map[string]json.RawMessage")
                ),
            ),
        },
        "google.protobuf.Value" | "google.protobuf.Any" => Ok(()),
        "google.protobuf.Duration" => check_duration(v, path),
        "enum" => check_enum(facts, field.r#enum.as_deref().unwrap_or_default(), v, path),
        "message" => {
            let message = field.message.as_deref().unwrap_or_default();
            if message.ends_with(".IntOrString") {
                return match v {
                    Value::String(_) => Ok(()),
                    other => check_integer(other, "int32", path),
                };
            }
            check_message(facts, message, v, path)
        }
        kind => match go_number_type(kind) {
            Some(go_type) => check_number(v, go_type, path),
            None => Ok(()),
        },
    }
}

/// The Go type a protobuf number kind decodes into.
fn go_number_type(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "int32" | "sint32" | "sfixed32" | "google.protobuf.Int32Value" => "int32",
        "uint32" | "fixed32" | "google.protobuf.UInt32Value" => "uint32",
        "int64" | "sint64" | "sfixed64" | "google.protobuf.Int64Value" => "int64",
        "uint64" | "fixed64" | "google.protobuf.UInt64Value" => "uint64",
        "float" | "google.protobuf.FloatValue" => "float32",
        "double" | "google.protobuf.DoubleValue" => "float64",
        _ => return None,
    })
}

/// A number field takes a JSON number or a string holding one.
fn check_number(v: &Value, go_type: &str, path: &str) -> Result<(), ValuesError> {
    let Value::String(text) = v else {
        return check_integer(v, go_type, path);
    };
    match serde_json::from_str::<Value>(text) {
        Ok(inner @ Value::Number(_)) => check_integer(&inner, go_type, path),
        Ok(other) => error(path, cannot(&other, go_type)),
        Err(_) => error(path, json_syntax_error(text)),
    }
}

/// Go's JSON syntax error for text that is not a JSON value.
fn json_syntax_error(text: &str) -> String {
    match text.trim_start().chars().next() {
        None => "unexpected end of JSON input".to_string(),
        Some(c) if c.is_ascii_digit() || c == '-' => {
            format!("invalid JSON number {text:?}")
        }
        Some(c) => format!("invalid character {c:?} looking for beginning of value"),
    }
}

/// A JSON number that must fit a Go integer type (floats take any number).
fn check_integer(v: &Value, go_type: &str, path: &str) -> Result<(), ValuesError> {
    let Value::Number(n) = v else {
        return error(path, cannot(v, go_type));
    };
    if go_type.starts_with("float") {
        return Ok(());
    }
    let f = n.as_f64().unwrap_or(f64::NAN);
    let (min, max) = match go_type {
        "int32" => (i32::MIN as f64, i32::MAX as f64),
        "uint32" => (0.0, u32::MAX as f64),
        "int64" => (i64::MIN as f64, i64::MAX as f64),
        _ => (0.0, u64::MAX as f64),
    };
    if f.fract() == 0.0 && f >= min && f <= max {
        return Ok(());
    }
    error(
        path,
        format!(
            "cannot unmarshal number {} into Go value of type {go_type}",
            go_number(n)
        ),
    )
}

/// A number as Go re-encodes a float64 (istioctl round-trips values through one).
fn go_number(n: &serde_json::Number) -> String {
    if n.is_i64() || n.is_u64() {
        return n.to_string();
    }
    let f = n.as_f64().unwrap_or_default();
    if f.abs() >= 1e21 || (f != 0.0 && f.abs() < 1e-6) {
        let text = format!("{f:e}");
        match text.split_once('e') {
            Some((mantissa, exp)) if !exp.starts_with('-') => format!("{mantissa}e+{exp:0>2}"),
            Some((mantissa, exp)) => format!("{mantissa}e-{:0>2}", &exp[1..]),
            None => text,
        }
    } else {
        format!("{f}")
    }
}

fn check_duration(v: &Value, path: &str) -> Result<(), ValuesError> {
    let Value::String(text) = v else {
        return error(path, cannot(v, "string"));
    };
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if parse_duration_ms(unsigned).is_some() {
        return Ok(());
    }
    error(
        path,
        format!("bad Duration: time: invalid duration {text:?}"),
    )
}

fn check_enum(facts: &Facts, name: &str, v: &Value, path: &str) -> Result<(), ValuesError> {
    let known = facts.enums.get(name).map(Vec::as_slice).unwrap_or_default();
    match v {
        Value::String(s) if known.iter().any(|k| k == s) => Ok(()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Ok(()),
        other => error(
            path,
            format!("unknown value {:?} for enum {name}", other.to_string()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn reason(values: Value) -> String {
        check(&values).unwrap_err().to_string()
    }

    #[test]
    fn accepts_the_shapes_the_release_defines() {
        let values = json!({
            "global": {"hub": "h", "proxy": {"resources": {"requests": {"cpu": "10m"}}},
                       "imagePullSecrets": ["a", null], "logAsJson": null},
            "pilot": {"replicaCount": "5", "autoscaleMin": 2.0, "env": {"A": 1},
                      "keepaliveMaxServerConnectionAge": "30m"},
            "cni": {"rollingMaxUnavailable": "25%", "psp_cluster_role": "x"},
            "ztunnel": 5,
            "gateways": {"istio-ingressgateway": {"name": "x"}},
        });
        assert_eq!(check(&values), Ok(()));
    }

    #[test]
    fn names_the_field_and_the_decoders_reason() {
        assert_eq!(
            reason(json!({"global": {"proxy": {"resources": {"requests": {"cpu": 1}}}}})),
            "values.global.proxy.resources.requests.cpu: cannot unmarshal number into Go value of type string"
        );
        assert_eq!(
            reason(json!({"global": {"proxy": {"foo": 1}}})),
            "values.global.proxy: unknown field \"foo\" in istio.operator.v1alpha1.ProxyConfig"
        );
        assert_eq!(
            reason(json!({"pilot": {"replicaCount": 1.5}})),
            "values.pilot.replicaCount: cannot unmarshal number 1.5 into Go value of type uint32"
        );
        assert_eq!(
            reason(json!({"pilot": {"replicaCount": "abc"}})),
            "values.pilot.replicaCount: invalid character 'a' looking for beginning of value"
        );
        assert_eq!(
            reason(json!({"pilot": {"env": 5}})),
            "values.pilot.env: bad StructValue: cannot unmarshal number into Go value of type map[string]json.RawMessage"
        );
        assert_eq!(
            reason(json!({"global": {"proxy": {"tracer": "foo"}}})),
            "values.global.proxy.tracer: unknown value \"\\\"foo\\\"\" for enum istio.operator.v1alpha1.tracer"
        );
        assert_eq!(
            reason(json!({"pilot": {"keepaliveMaxServerConnectionAge": "abc"}})),
            "values.pilot.keepaliveMaxServerConnectionAge: bad Duration: time: invalid duration \"abc\""
        );
        assert_eq!(
            reason(json!({"meshConfig": "x"})),
            "values.meshConfig: cannot unmarshal string into Go value of type map[string]json.RawMessage"
        );
        assert_eq!(
            reason(json!({"global": {"imagePullSecrets": "abc"}})),
            "values.global.imagePullSecrets: cannot unmarshal string into Go value of type []json.RawMessage"
        );
    }
}
