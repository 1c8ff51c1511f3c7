//! What Go's decoding of a spec into Istio's protobuf types refuses before any rule runs:
//! an integer outside its Go type (the release's CRD declares each integer field's bounds
//! from its type: uint32 0..4294967295, int32, ...), a fraction where an integer is
//! expected, an enum name the release does not know, a field the release's type does not
//! have, and a non-numeric key in a map keyed by port number.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

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

/// A CRD schema node compiled for the walks below (the JSON schema's maps are slow to
/// query once per field of every resource).
#[derive(Default)]
struct Node {
    /// The declared fields, when the node declares any.
    properties: Option<HashMap<String, Node>>,
    additional: Option<Box<Node>>,
    items: Option<Box<Node>>,
    /// Fields beyond the declared ones are kept (preserve-unknown-fields or a map).
    open: bool,
    /// The one-of groups, each its members in declaration order.
    oneof: Vec<Vec<String>>,
    /// The Go integer type of an integer field: (min, max, name).
    integer: Option<(f64, f64, &'static str)>,
    enums: Option<Vec<String>>,
    /// The JSON type a Go string, bool, message or list field needs (None: anything, or a
    /// number, which Go's decoders read in more than one form).
    json_type: Option<JsonType>,
    /// A `bytes` field: its JSON string must be standard, padded base64.
    base64: bool,
    /// A `google.protobuf.Duration` field (the CRD gives it a `duration(self)` rule): its
    /// JSON string must parse as a Go duration.
    duration: bool,
}

/// The JSON types Go's decoding refuses to mix up.
#[derive(Clone, Copy, PartialEq, Debug)]
enum JsonType {
    String,
    Boolean,
    Object,
    Array,
}

impl JsonType {
    fn of_schema(schema: &Value) -> Option<Self> {
        match schema["type"].as_str()? {
            "string" => Some(JsonType::String),
            "boolean" => Some(JsonType::Boolean),
            "object" => Some(JsonType::Object),
            "array" => Some(JsonType::Array),
            _ => None,
        }
    }

    fn fits(self, value: &Value) -> bool {
        match self {
            JsonType::String => value.is_string(),
            JsonType::Boolean => value.is_boolean(),
            JsonType::Object => value.is_object(),
            JsonType::Array => value.is_array(),
        }
    }

    fn go_name(self) -> &'static str {
        match self {
            JsonType::String => "string",
            JsonType::Boolean => "bool",
            JsonType::Object => "map[string]json.RawMessage",
            JsonType::Array => "[]json.RawMessage",
        }
    }
}

fn compile(schema: &Value) -> Node {
    let child = |key: &str| {
        schema
            .get(key)
            .filter(|v| v.is_object())
            .map(|v| Box::new(compile(v)))
    };
    let integer = (schema["type"] == "integer")
        .then(|| {
            let declared = schema["format"].as_str();
            let bounds = (schema["minimum"].as_f64(), schema["maximum"].as_f64());
            // A field bounded as a port (only TrafficExtension's port selectors are) is a
            // protobuf uint32, as every port number in Istio's API.
            // A field bounded below by 0 alone is a protobuf uint64 (its maximum does not
            // fit the CRD generator's numbers).
            let go_bounds = match bounds {
                (Some(1.0), Some(65535.0)) => (Some(0.0), Some(4_294_967_295.0)),
                (Some(0.0), None) if declared.is_none() => {
                    (Some(0.0), Some(18_446_744_073_709_551_615.0))
                }
                _ => bounds,
            };
            GO_INTEGER_BOUNDS
                .iter()
                .find(|(lo, hi, name)| {
                    declared == Some(*name) || go_bounds == (Some(*lo), Some(*hi))
                })
                .copied()
        })
        .flatten();
    Node {
        properties: schema
            .get("properties")
            .and_then(Value::as_object)
            .map(|p| p.iter().map(|(k, v)| (k.clone(), compile(v))).collect()),
        additional: child("additionalProperties"),
        items: child("items"),
        open: schema["x-kubernetes-preserve-unknown-fields"] == true
            || schema.get("additionalProperties").is_some(),
        oneof: oneof_groups(schema),
        integer,
        base64: schema["format"] == "byte",
        duration: schema["x-kubernetes-validations"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|rule| {
                rule["rule"]
                    .as_str()
                    .is_some_and(|r| r.contains("duration(self)"))
            }),
        json_type: JsonType::of_schema(schema)
            .filter(|_| schema["x-kubernetes-int-or-string"] != true),
        enums: schema.get("enum").and_then(Value::as_array).map(|names| {
            names
                .iter()
                .filter_map(|n| n.as_str().map(str::to_string))
                .collect()
        }),
    }
}

/// The compiled `spec` schema of each kind the release's CRD facts have.
fn compiled(kind: &str) -> Option<&'static Node> {
    static NODES: OnceLock<Mutex<HashMap<String, &'static Node>>> = OnceLock::new();
    let mut nodes = NODES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(node) = nodes.get(kind) {
        return Some(node);
    }
    let node: &'static Node = Box::leak(Box::new(compile(release_spec_schema(kind)?)));
    nodes.insert(kind.to_string(), node);
    Some(node)
}

impl Node {
    fn child(&self, key: &str) -> Option<&Node> {
        self.properties
            .as_ref()
            .and_then(|p| p.get(key))
            .or(self.additional.as_deref())
    }

    /// A field this node's type does not have.
    fn lacks(&self, key: &str) -> bool {
        self.child(key).is_none() && self.properties.is_some() && !self.open
    }
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
    let (path, message) = refused(compiled(kind)?, spec, unknown)?;
    Some(FieldError::new(format!("spec{path}"), message))
}

/// The spec with its empty lists left out: Go's decoding leaves a repeated field given as
/// `[]` nil, so istiod's rules see it unset (a ServiceEntry with `endpoints: []` and a
/// workload selector is valid). Lists inside free-form values (`Struct`) are kept.
pub fn without_empty_lists<'a>(kind: &str, spec: &'a Value) -> Cow<'a, Value> {
    match compiled(kind) {
        Some(node) if has_empty_list(node, spec) => Cow::Owned(drop_empty_lists(node, spec)),
        _ => Cow::Borrowed(spec),
    }
}

fn is_empty_list_field(node: &Node, key: &str, value: &Value) -> bool {
    node.properties
        .as_ref()
        .is_some_and(|p| p.contains_key(key))
        && value.as_array().is_some_and(Vec::is_empty)
        && node.child(key).is_some_and(|c| c.items.is_some())
}

fn has_empty_list(node: &Node, value: &Value) -> bool {
    match value {
        Value::Object(map) => map.iter().any(|(k, v)| {
            is_empty_list_field(node, k, v) || node.child(k).is_some_and(|c| has_empty_list(c, v))
        }),
        Value::Array(items) => node
            .items
            .as_deref()
            .is_some_and(|item| items.iter().any(|i| has_empty_list(item, i))),
        _ => false,
    }
}

fn drop_empty_lists(node: &Node, value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, v)| !is_empty_list_field(node, k, v))
                .map(|(k, v)| {
                    let v = node
                        .child(k)
                        .map_or_else(|| v.clone(), |c| drop_empty_lists(c, v));
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => match node.items.as_deref() {
            Some(item) => Value::Array(items.iter().map(|i| drop_empty_lists(item, i)).collect()),
            None => value.clone(),
        },
        other => other.clone(),
    }
}

/// The protobuf `oneof` groups of an object schema: its own `oneOf` and each `allOf`
/// entry's (a message with several groups lists them under `allOf`), each as the members
/// its `required` alternatives name, in declaration order.
fn oneof_groups(schema: &Value) -> Vec<Vec<String>> {
    let group = |one_of: &Value| -> Vec<String> {
        one_of
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|alt| {
                Some(
                    alt.get("required")?
                        .as_array()?
                        .first()?
                        .as_str()?
                        .to_string(),
                )
            })
            .collect()
    };
    let nested = schema["allOf"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|part| &part["oneOf"]);
    std::iter::once(&schema["oneOf"])
        .chain(nested)
        .map(group)
        .filter(|g| !g.is_empty())
        .collect()
}

/// The spec as Go's decoding leaves it: of a protobuf `oneof` group given more than one
/// member (the CRD's `oneOf` of `required` entries, in declaration order), only the last
/// declared member remains; an enum given by number holds its name (Istio's CRD kinds
/// number their enums from 0 in the order the CRD lists them; an unknown number is kept
/// as its decimal text, as Go prints it). With `UnknownFields::Dropped`, fields the release's type does
/// not have are left out too, as a lenient decode drops them (and so are empty maps).
pub fn decoded_view<'a>(kind: &str, spec: &'a Value, unknown: UnknownFields) -> Cow<'a, Value> {
    view(kind, spec, unknown, true)
}

/// The spec without the fields the release's type does not have (which a lenient decode
/// ignores, whatever they hold), every member of a `oneof` still there.
pub fn known_fields<'a>(kind: &str, spec: &'a Value) -> Cow<'a, Value> {
    view(kind, spec, UnknownFields::Dropped, false)
}

fn view<'a>(kind: &str, spec: &'a Value, unknown: UnknownFields, decoded: bool) -> Cow<'a, Value> {
    match compiled(kind) {
        Some(node) if rewritten(node, spec, unknown, decoded) => {
            Cow::Owned(rewrite(node, spec, unknown, decoded))
        }
        _ => Cow::Borrowed(spec),
    }
}

/// Whether `rewrite` would change anything (most resources need no copy).
fn rewritten(node: &Node, value: &Value, unknown: UnknownFields, decoded: bool) -> bool {
    match value {
        Value::Object(map) => {
            decoded
                && node.oneof.iter().any(|group| {
                    group
                        .iter()
                        .filter(|m| map.contains_key(m.as_str()))
                        .count()
                        > 1
                })
                || map.iter().any(|(k, v)| match node.child(k) {
                    Some(_) if unknown == UnknownFields::Dropped && is_empty_map(node, k, v) => {
                        true
                    }
                    Some(child) => rewritten(child, v, unknown, decoded),
                    None => unknown == UnknownFields::Dropped && node.lacks(k),
                })
        }
        Value::Array(items) => node
            .items
            .as_deref()
            .is_some_and(|item| items.iter().any(|i| rewritten(item, i, unknown, decoded))),
        Value::Number(_) => decoded && node.enums.is_some(),
        _ => false,
    }
}

fn rewrite(node: &Node, value: &Value, unknown: UnknownFields, decoded: bool) -> Value {
    match value {
        Value::Object(map) => {
            // Per group, the member Go's decoding keeps (the last declared one given).
            let kept: Vec<(&Vec<String>, &String)> = node
                .oneof
                .iter()
                .filter_map(|group| {
                    let last = group
                        .iter()
                        .rev()
                        .find(|m| decoded && map.contains_key(m.as_str()))?;
                    Some((group, last))
                })
                .collect();
            let dropped = |k: &String| {
                kept.iter()
                    .any(|(group, last)| k != *last && group.contains(k))
            };
            let out = map
                .iter()
                .filter(|(k, _)| !(unknown == UnknownFields::Dropped && node.lacks(k)))
                .filter(|(k, v)| !(unknown == UnknownFields::Dropped && is_empty_map(node, k, v)))
                .filter(|(k, _)| !dropped(k))
                .map(|(k, v)| {
                    let v = node
                        .child(k)
                        .map_or_else(|| v.clone(), |c| rewrite(c, v, unknown, decoded));
                    (k.clone(), v)
                })
                .collect();
            Value::Object(out)
        }
        Value::Array(items) => match node.items.as_deref() {
            Some(item) => Value::Array(
                items
                    .iter()
                    .map(|i| rewrite(item, i, unknown, decoded))
                    .collect(),
            ),
            None => value.clone(),
        },
        Value::Number(n) if decoded => match &node.enums {
            Some(names) => Value::String(enum_name(names, n)),
            None => value.clone(),
        },
        other => other.clone(),
    }
}

/// The name of enum number `n` (the `names` are in number order from 0), or the number.
fn enum_name(names: &[String], n: &serde_json::Number) -> String {
    let index = n.as_f64().filter(|f| f.fract() == 0.0 && *f >= 0.0);
    index
        .and_then(|i| names.get(i as usize))
        .cloned()
        .unwrap_or_else(|| n.as_f64().map_or_else(|| n.to_string(), |f| format!("{f}")))
}

/// Standard base64 with padding, as Go's JSON decoding of a byte slice wants it (line
/// breaks are skipped).
fn is_base64(text: &str) -> bool {
    let bytes: Vec<u8> = text
        .bytes()
        .filter(|b| !matches!(b, b'\r' | b'\n'))
        .collect();
    let body_len = bytes.iter().rposition(|b| *b != b'=').map_or(0, |i| i + 1);
    let padding = bytes.len() - body_len;
    bytes.len().is_multiple_of(4)
        && padding <= 2
        && bytes[..body_len]
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'+' || *b == b'/')
}

/// A map-typed field given as `{}`: the lenient decode of files leaves such a map unset
/// (istioctl analyze does not see `portLevelMtls: {}` at all; its validate does).
fn is_empty_map(node: &Node, key: &str, value: &Value) -> bool {
    let is_map = node
        .properties
        .as_ref()
        .and_then(|p| p.get(key))
        .is_some_and(|child| child.additional.is_some() && child.properties.is_none());
    is_map && value.as_object().is_some_and(|m| m.is_empty())
}

/// The first refused value below `node`: its path relative to the node and the reason.
fn refused(node: &Node, value: &Value, unknown: UnknownFields) -> Option<(String, String)> {
    if let Some((_, _, go_type)) = node.integer {
        if matches!(value, Value::Object(_) | Value::Array(_) | Value::Bool(_)) {
            let found = crate::model::values_schema::json_type(value);
            let message = format!(
                "Invalid value: json: cannot unmarshal {found} into Go value of type {go_type}"
            );
            return Some((String::new(), message));
        }
    }
    if node.enums.is_some() && !matches!(value, Value::String(_) | Value::Null) {
        return enum_number_refused(value).map(|why| (String::new(), why));
    }
    if let Some(expected) = node
        .json_type
        .filter(|t| !value.is_null() && !t.fits(value))
    {
        let found = crate::model::values_schema::json_type(value);
        let go = expected.go_name();
        let message =
            format!("Invalid value: json: cannot unmarshal {found} into Go value of type {go}");
        return Some((String::new(), message));
    }
    match value {
        Value::Object(map) => map.iter().find_map(|(key, child)| {
            let Some(child_node) = node.child(key) else {
                let refuse = unknown == UnknownFields::Refused && node.lacks(key);
                return refuse.then(|| (format!(".{key}"), format!("unknown field \"{key}\"")));
            };
            refused(child_node, child, unknown).map(|(path, why)| (format!(".{key}{path}"), why))
        }),
        Value::Array(items) => {
            let item_node = node.items.as_deref()?;
            items.iter().enumerate().find_map(|(i, item)| {
                refused(item_node, item, unknown).map(|(path, why)| (format!("[{i}]{path}"), why))
            })
        }
        Value::Number(n) => {
            let (min, max, go_type) = node.integer?;
            let f = n.as_f64().unwrap_or(f64::NAN);
            let fits = f.fract() == 0.0 && f >= min && f <= max;
            (!fits).then(|| {
                (
                    String::new(),
                    format!("Invalid value: {n}: json: cannot unmarshal number {n} into Go value of type {go_type}"),
                )
            })
        }
        Value::String(s) if node.duration => crate::model::go_text::go_duration_error(s)
            .map(|_| (String::new(), super::common::invalid_duration_message(s))),
        Value::String(s) if node.base64 => (!is_base64(s)).then(|| {
            (
                String::new(),
                format!("Invalid value: \"{s}\": illegal base64 data"),
            )
        }),
        Value::String(s) => {
            let names = node.enums.as_ref()?;
            (!names.iter().any(|n| n == s)).then(|| {
                (
                    String::new(),
                    format!("Unsupported value: \"{s}\": unknown enum value"),
                )
            })
        }
        _ => None,
    }
}

/// Why Go's decoding refuses a non-string value for an enum field, if it does: an enum
/// may be given by its number, any integer that fits an `int32` (proto3 enums are open).
fn enum_number_refused(value: &Value) -> Option<String> {
    const GO_TYPE: &str = "protoreflect.EnumNumber";
    let Value::Number(n) = value else {
        let found = crate::model::values_schema::json_type(value);
        return Some(format!(
            "Invalid value: json: cannot unmarshal {found} into Go value of type {GO_TYPE}"
        ));
    };
    let f = n.as_f64().unwrap_or(f64::NAN);
    let fits = f.fract() == 0.0 && f >= f64::from(i32::MIN) && f <= f64::from(i32::MAX);
    (!fits).then(|| {
        format!(
            "Invalid value: {n}: json: cannot unmarshal number {n} into Go value of type {GO_TYPE}"
        )
    })
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
        // Bounded below by 0 alone: a uint64.
        let ring = |size: Value| {
            json!({"host": "h", "trafficPolicy": {"loadBalancer": {
            "consistentHash": {"useSourceIp": true, "minimumRingSize": size}}}})
        };
        let refused = strict("DestinationRule", &ring(json!(-5))).map(|p| p.message);
        assert!(refused.is_some_and(|why| why.contains("Go value of type uint64")));
        assert!(strict("DestinationRule", &ring(json!(1.5))).is_some());
        assert!(strict("DestinationRule", &ring(json!(1024))).is_none());
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
    fn empty_lists_are_unset_but_free_form_values_keep_theirs() {
        let se = json!({"hosts": ["a.example.com"], "endpoints": [], "workloadSelector": {"labels": {"app": "x"}}});
        let view = without_empty_lists("ServiceEntry", &se);
        assert!(view.get("endpoints").is_none(), "{view}");
        assert_eq!(view["hosts"], json!(["a.example.com"]));
        let filter = json!({"configPatches": [{"patch": {"value": {"list": []}}}]});
        assert_eq!(*without_empty_lists("EnvoyFilter", &filter), filter);
    }

    #[test]
    fn enums_may_be_given_by_an_int32_number() {
        let lb = |simple: Value| json!({"host": "a", "trafficPolicy": {"loadBalancer": {"simple": simple}}});
        for ok in [json!(99), json!(-3), json!(1e2)] {
            assert!(strict("DestinationRule", &lb(ok.clone())).is_none(), "{ok}");
        }
        for refused in [json!(5.5), json!(3_000_000_000u64), json!(true)] {
            let why = strict("DestinationRule", &lb(refused.clone())).expect("refused");
            assert!(why.to_string().contains("protoreflect.EnumNumber"), "{why}");
        }
    }

    #[test]
    fn only_the_last_declared_oneof_member_is_decoded() {
        let both =
            json!({"wasm": {"url": "oci://x"}, "lua": {"inlineCode": "a"}, "phase": "AUTHN"});
        assert_eq!(
            decoded_view("TrafficExtension", &both, UnknownFields::Refused).into_owned(),
            json!({"lua": {"inlineCode": "a"}, "phase": "AUTHN"})
        );
        let probe =
            json!({"probe": {"grpc": {}, "exec": {}, "tcpSocket": {"port": 1}}, "template": {}});
        assert_eq!(
            decoded_view("WorkloadGroup", &probe, UnknownFields::Refused).into_owned(),
            json!({"probe": {"grpc": {}}, "template": {}})
        );
    }

    #[test]
    fn each_oneof_group_of_a_message_keeps_its_own_last_member() {
        // consistentHash has two groups (hash key; ring hash or maglev), under `allOf`.
        let hash = json!({"host": "h", "trafficPolicy": {"loadBalancer": {"consistentHash": {
            "httpCookie": {"ttl": "0s"}, "useSourceIp": true,
            "ringHash": {"minimumRingSize": 1024}, "maglev": {"tableSize": 65537}}}}});
        assert_eq!(
            decoded_view("DestinationRule", &hash, UnknownFields::Refused).into_owned(),
            json!({"host": "h", "trafficPolicy": {"loadBalancer": {"consistentHash": {
                "useSourceIp": true, "maglev": {"tableSize": 65537}}}}})
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
