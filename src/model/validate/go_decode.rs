//! What Go's decoding of a spec into Istio's protobuf types refuses before any rule runs:
//! an integer outside its Go type (the release's CRD declares each integer field's bounds
//! from its type: uint32 0..4294967295, int32, ...), a fraction where an integer is
//! expected, an enum name the release does not know, a field the release's type does not
//! have, and a non-numeric key in a map keyed by port number.

use serde_json::Value;

use crate::model::crd::release_spec_schema;
use crate::model::schema::FieldError;

/// Bounds of Go's integer types as the CRDs declare them.
const GO_INTEGER_BOUNDS: &[(f64, f64, &str)] = &[
    (0.0, 4_294_967_295.0, "uint32"),
    (-2_147_483_648.0, 2_147_483_647.0, "int32"),
    (0.0, 18_446_744_073_709_551_615.0, "uint64"),
    (
        -9_223_372_036_854_775_808.0,
        9_223_372_036_854_775_807.0,
        "int64",
    ),
];

/// Maps whose protobuf key is a port number (`map<uint32, ...>`), by kind and field.
const PORT_KEYED_MAPS: &[(&str, &str)] = &[("PeerAuthentication", "spec.portLevelMtls")];

/// How strictly Go's decoding treats fields the type does not have.
#[derive(Clone, Copy, PartialEq)]
pub enum UnknownFields {
    /// Refused (`istioctl validate`).
    Refused,
    /// Dropped (`istioctl analyze` reads files leniently).
    Dropped,
}

/// The first value of `spec` that Go's decoding into the kind's type refuses.
pub fn problem(kind: &str, spec: &Value, unknown: UnknownFields) -> Option<FieldError> {
    for (map_kind, path) in PORT_KEYED_MAPS {
        if *map_kind != kind {
            continue;
        }
        let field = path.trim_start_matches("spec.");
        let keys = spec
            .get(field)
            .and_then(Value::as_object)
            .into_iter()
            .flatten();
        if let Some((key, _)) = keys.into_iter().find(|(k, _)| k.parse::<u32>().is_err()) {
            return Some(FieldError::new(
                format!("{path}[{key}]"),
                format!("Invalid value: \"{key}\": a port number key must be an unsigned integer"),
            ));
        }
    }
    let schema = release_spec_schema(kind)?;
    integer_problem(schema, spec, "spec", unknown)
}

/// The spec as Go's decoding leaves it: of a protobuf `oneof` group given more than one
/// member (the CRD's `oneOf` of `required` entries, in declaration order), only the last
/// declared member remains.
/// With `UnknownFields::Dropped`, fields the release's type does not have are left out
/// too, as a lenient decode drops them.
pub fn decoded_view(kind: &str, spec: &Value, unknown: UnknownFields) -> Value {
    match release_spec_schema(kind) {
        Some(schema) => keep_last_oneof_members(schema, spec, unknown),
        None => spec.clone(),
    }
}

fn keep_last_oneof_members(schema: &Value, value: &Value, unknown: UnknownFields) -> Value {
    match value {
        Value::Object(map) => {
            let properties = schema.get("properties").and_then(Value::as_object);
            let additional = schema.get("additionalProperties").filter(|a| a.is_object());
            let open = schema["x-kubernetes-preserve-unknown-fields"] == true
                || schema.get("additionalProperties").is_some()
                || properties.is_none();
            let mut out: serde_json::Map<String, Value> = map
                .iter()
                .filter_map(|(k, v)| {
                    let child = properties.and_then(|p| p.get(k)).or(additional);
                    if child.is_none() && !open && unknown == UnknownFields::Dropped {
                        return None;
                    }
                    let v =
                        child.map_or_else(|| v.clone(), |c| keep_last_oneof_members(c, v, unknown));
                    Some((k.clone(), v))
                })
                .collect();
            let members = oneof_members(schema);
            if let Some(kept) = members.iter().rev().find(|m| out.contains_key(**m)) {
                let kept = kept.to_string();
                out.retain(|k, _| k == &kept || !members.contains(&k.as_str()));
            }
            Value::Object(out)
        }
        Value::Array(items) => match schema.get("items") {
            Some(item) => Value::Array(
                items
                    .iter()
                    .map(|i| keep_last_oneof_members(item, i, unknown))
                    .collect(),
            ),
            None => value.clone(),
        },
        other => other.clone(),
    }
}

/// The members of a schema's one-of group, in declaration order.
fn oneof_members(schema: &Value) -> Vec<&str> {
    schema
        .get("oneOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|alt| alt.get("required")?.as_array()?.first()?.as_str())
        .collect()
}

fn integer_problem(
    schema: &Value,
    value: &Value,
    path: &str,
    unknown: UnknownFields,
) -> Option<FieldError> {
    match value {
        Value::Object(map) => {
            let properties = schema.get("properties").and_then(Value::as_object);
            let additional = schema.get("additionalProperties").filter(|a| a.is_object());
            let open = schema["x-kubernetes-preserve-unknown-fields"] == true
                || schema.get("additionalProperties").is_some();
            map.iter().find_map(|(key, child)| {
                let Some(child_schema) = properties.and_then(|p| p.get(key)).or(additional) else {
                    // A field the release's type does not have.
                    return (unknown == UnknownFields::Refused && properties.is_some() && !open)
                        .then(|| {
                            FieldError::new(
                                format!("{path}.{key}"),
                                format!("unknown field \"{key}\""),
                            )
                        });
                };
                integer_problem(child_schema, child, &format!("{path}.{key}"), unknown)
            })
        }
        Value::Array(items) => {
            let item_schema = schema.get("items")?;
            items.iter().enumerate().find_map(|(i, item)| {
                integer_problem(item_schema, item, &format!("{path}[{i}]"), unknown)
            })
        }
        Value::Number(n) if schema["type"] == "integer" => {
            // The Go type: named by `format`, or told by bounds that are exactly a type's.
            let declared = schema["format"].as_str();
            let bounds = (schema["minimum"].as_f64(), schema["maximum"].as_f64());
            let &(min, max, go_type) = GO_INTEGER_BOUNDS.iter().find(|(lo, hi, name)| {
                declared == Some(*name) || bounds == (Some(*lo), Some(*hi))
            })?;
            let f = n.as_f64().unwrap_or(f64::NAN);
            let fits = f.fract() == 0.0 && f >= min && f <= max;
            (!fits).then(|| {
                FieldError::new(
                    path,
                    format!("Invalid value: {n}: cannot unmarshal number {n} into Go value of type {go_type}"),
                )
            })
        }
        Value::String(s) => {
            let names = schema.get("enum")?.as_array()?;
            (!names.iter().any(|n| n == s)).then(|| {
                FieldError::new(
                    path,
                    format!("Unsupported value: \"{s}\": unknown enum value"),
                )
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn strict(kind: &str, spec: &Value) -> Option<FieldError> {
        problem(kind, spec, UnknownFields::Refused)
    }

    #[test]
    fn integers_must_fit_their_go_type() {
        assert!(strict(
            "WorkloadEntry",
            &json!({"address": "1.2.3.4", "weight": -1})
        )
        .is_some());
        assert!(strict(
            "WorkloadEntry",
            &json!({"address": "1.2.3.4", "weight": 1.5})
        )
        .is_some());
        assert!(strict(
            "WorkloadEntry",
            &json!({"address": "1.2.3.4", "weight": 3, "ports": {"http": 80}})
        )
        .is_none());
        assert!(strict("WorkloadEntry", &json!({"ports": {"http": -80}})).is_some());
    }

    #[test]
    fn formats_name_the_go_type() {
        assert!(strict("EnvoyFilter", &json!({"priority": 4294967296u64})).is_some());
        assert!(strict("EnvoyFilter", &json!({"priority": -5})).is_none());
        assert!(strict("ProxyConfig", &json!({"concurrency": 4294967296u64})).is_some());
    }

    #[test]
    fn enum_names_are_the_releases() {
        let patch = |op: &str| json!({"configPatches": [{"patch": {"operation": op}}]});
        assert!(strict("EnvoyFilter", &patch("MERGE")).is_none());
        assert!(strict("EnvoyFilter", &patch("MERGE_AND_REPLACE_LIST")).is_some());
    }

    #[test]
    fn only_the_last_declared_oneof_member_is_decoded() {
        let both =
            json!({"wasm": {"url": "oci://x"}, "lua": {"inlineCode": "a"}, "phase": "AUTHN"});
        assert_eq!(
            decoded_view("TrafficExtension", &both, UnknownFields::Refused),
            json!({"lua": {"inlineCode": "a"}, "phase": "AUTHN"})
        );
        let probe =
            json!({"probe": {"grpc": {}, "exec": {}, "tcpSocket": {"port": 1}}, "template": {}});
        assert_eq!(
            decoded_view("WorkloadGroup", &probe, UnknownFields::Refused),
            json!({"probe": {"grpc": {}}, "template": {}})
        );
    }

    #[test]
    fn analyze_drops_unknown_fields() {
        let pool = json!({"inboundConnectionPool": {"http": {"http2KeepAlive": {}}}});
        assert!(problem("Sidecar", &pool, UnknownFields::Dropped).is_none());
    }

    #[test]
    fn fields_are_the_releases() {
        let pool = |http: Value| json!({"inboundConnectionPool": {"http": http}});
        assert!(strict("Sidecar", &pool(json!({"http1MaxPendingRequests": 100}))).is_none());
        assert!(strict("Sidecar", &pool(json!({"http2KeepAlive": {}}))).is_some());
        let patch = json!({"configPatches": [{"patch": {"operation": "MERGE", "value": {"any": {"thing": 1}}}}]});
        assert!(strict("EnvoyFilter", &patch).is_none());
    }

    #[test]
    fn port_keyed_maps_need_numeric_keys() {
        assert!(strict(
            "PeerAuthentication",
            &json!({"portLevelMtls": {"": {"mode": "STRICT"}}})
        )
        .is_some());
        assert!(strict(
            "PeerAuthentication",
            &json!({"portLevelMtls": {"8080": {"mode": "STRICT"}}})
        )
        .is_none());
    }
}
