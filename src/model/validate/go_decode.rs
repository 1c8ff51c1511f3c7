//! Go's decoding of a spec into its kind's protobuf message, as `istioctl` decodes one
//! (the legacy JSON decoder, `jsonpb`): each message's fields in declaration order (a
//! field's proto name read as well as its JSON name), integers as Go reads them (quoted
//! ones too), enum names or numbers, map keys of a number type, durations, base64 bytes,
//! `Struct` objects; the first refusal stops it, and a field the message does not have is
//! refused after the message's own fields (strict decoding) or dropped (lenient). What
//! decodes is seen by the rules as Go's message holds it.

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::model::go_json;
use crate::model::go_text::quote;
use crate::model::proto::{self, enum_at, message_at, Enum, Field, Message, Scalar, Type};
use crate::model::schema::FieldError;

/// How strictly Go's decoding treats fields the type does not have.
#[derive(Clone, Copy, PartialEq)]
pub enum UnknownFields {
    /// Refused (`istioctl validate`).
    Refused,
    /// Dropped (`istioctl analyze` reads files leniently).
    Dropped,
}

/// The Go type a message is first read into, and a repeated field.
const MESSAGE_GO_TYPE: &str = "map[string]json.RawMessage";
const LIST_GO_TYPE: &str = "[]json.RawMessage";

/// A refusal below some value: the path from it and the reason.
type Refusal = Option<(String, String)>;

/// The first value of `spec` that Go's decoding into the kind's message refuses.
pub fn problem(kind: &str, spec: &Value, unknown: UnknownFields) -> Option<FieldError> {
    let message = proto::kind_message(kind)?;
    let (path, why) = message_refused(message, spec, unknown)?;
    Some(FieldError::new(format!("spec{path}"), why))
}

fn mismatch(value: &Value, go_type: &str) -> String {
    let kind = go_json::kind_name(value);
    format!("Invalid value: json: cannot unmarshal {kind} into Go value of type {go_type}")
}

/// The key a field is read from: Go reads the proto name, then the JSON name over it.
fn given<'v>(field: &Field, map: &'v Map<String, Value>) -> Option<(&'v String, &'v Value)> {
    map.get_key_value(field.json.as_str())
        .or_else(|| map.get_key_value(field.name.as_str()))
}

fn message_refused(message: &Message, value: &Value, unknown: UnknownFields) -> Refusal {
    let Value::Object(map) = value else {
        return Some((String::new(), mismatch(value, MESSAGE_GO_TYPE)));
    };
    for field in &message.fields {
        let Some((key, raw)) = given(field, map).filter(|(_, v)| !v.is_null()) else {
            continue;
        };
        if let Some((path, why)) = field_refused(field, raw, unknown) {
            return Some((format!(".{key}{path}"), why));
        }
    }
    if unknown == UnknownFields::Dropped {
        return None;
    }
    let key = map.keys().find(|k| message.field(k).is_none())?;
    let why = format!("unknown field {} in {}", quote(key), message.name);
    Some((format!(".{key}"), why))
}

fn field_refused(field: &Field, raw: &Value, unknown: UnknownFields) -> Refusal {
    if let Some(key_type) = field.map_key {
        let Value::Object(entries) = raw else {
            return Some((String::new(), mismatch(raw, MESSAGE_GO_TYPE)));
        };
        return entries.iter().find_map(|(key, value)| {
            let key_refused = (key_type != Scalar::String)
                .then(|| go_json::unmarshal_error(trim_quote(key), key_type))
                .flatten()
                .map(|why| {
                    (
                        String::new(),
                        format!("Invalid value: {}: {why}", quote(key)),
                    )
                });
            key_refused
                .or_else(|| singular_refused(field.ty, value, unknown))
                .map(|(path, why)| (format!(".{key}{path}"), why))
        });
    }
    if !field.repeated {
        return singular_refused(field.ty, raw, unknown);
    }
    let Value::Array(items) = raw else {
        return Some((String::new(), mismatch(raw, LIST_GO_TYPE)));
    };
    items.iter().enumerate().find_map(|(i, item)| {
        singular_refused(field.ty, item, unknown).map(|(path, why)| (format!("[{i}]{path}"), why))
    })
}

fn singular_refused(ty: Type, value: &Value, unknown: UnknownFields) -> Refusal {
    let leaf = match ty {
        Type::Message(index) if !value.is_null() => {
            return message_refused(message_at(index), value, unknown)
        }
        Type::Message(_) | Type::Opaque => None,
        Type::Enum(index) => enum_refused(enum_at(index), value),
        Type::Scalar(scalar) => scalar_refused(scalar, value),
        Type::Duration => match value {
            Value::Null => None,
            Value::String(text) => crate::model::go_text::go_duration_error(text)
                .map(|_| super::common::invalid_duration_message(text)),
            other => Some(mismatch(other, "string")),
        },
        Type::Struct => match value {
            Value::Null | Value::Object(_) => None,
            other => Some(format!(
                "Invalid value: bad StructValue: json: cannot unmarshal {} into Go value of type {MESSAGE_GO_TYPE}",
                go_json::kind_name(other)
            )),
        },
    };
    leaf.map(|why| (String::new(), why))
}

fn enum_refused(e: &Enum, value: &Value) -> Option<String> {
    match value {
        Value::String(name) => e.number_of(name).is_none().then(|| {
            let raw = go_json::string_text(name);
            format!("unknown value {} for enum {}", quote(&raw), e.name)
        }),
        Value::Null => None,
        Value::Number(n) => {
            let text = go_json::number_text(n);
            go_json::unmarshal_error_as(&text, Scalar::Int32, ENUM_GO_TYPE)
                .map(|why| format!("Invalid value: {text}: {why}"))
        }
        other => Some(mismatch(other, ENUM_GO_TYPE)),
    }
}

/// The Go type an enum given by number is read into.
const ENUM_GO_TYPE: &str = "protoreflect.EnumNumber";

fn scalar_refused(scalar: Scalar, value: &Value) -> Option<String> {
    match (scalar, value) {
        (_, Value::Null) => None,
        (_, Value::Object(_) | Value::Array(_)) => Some(mismatch(value, scalar.go_type())),
        (Scalar::Bool, Value::Bool(_)) | (Scalar::String, Value::String(_)) => None,
        (Scalar::Bool | Scalar::String | Scalar::Bytes, Value::Bool(_) | Value::Number(_))
        | (Scalar::Bool, Value::String(_)) => Some(mismatch(value, scalar.go_type())),
        (Scalar::Bytes, Value::String(text)) => go_json::base64_error(text).map(|at| {
            format!(
                "Invalid value: {}: illegal base64 data at input byte {at}",
                quote(text)
            )
        }),
        (Scalar::Float | Scalar::Double, Value::String(text))
            if matches!(text.as_str(), "NaN" | "Infinity" | "-Infinity") =>
        {
            None
        }
        // Numbers, quoted or not: Go reads the text inside any quotes as a number.
        _ => {
            let raw = go_json::scalar_text(value);
            go_json::unmarshal_error(trim_quote(&raw), scalar)
                .map(|why| format!("Invalid value: {raw}: {why}"))
        }
    }
}

/// Go's `trimQuote`: the text inside a pair of surrounding double quotes.
fn trim_quote(text: &str) -> &str {
    text.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text)
}

/// The spec as Go's decoding leaves it (call after [`problem`] found nothing): fields under
/// their JSON names, null fields unset, of a `oneof` group given more than one member
/// only the last declared, enums given by number named (an unknown number kept as its
/// decimal text), quoted numbers as numbers. With `UnknownFields::Dropped`, fields the
/// message does not have are left out too, as a lenient decode drops them (and so are
/// empty maps).
pub fn decoded_view<'a>(kind: &str, spec: &'a Value, unknown: UnknownFields) -> Cow<'a, Value> {
    match proto::kind_message(kind) {
        Some(message) => Cow::Owned(message_view(message, spec, unknown)),
        None => Cow::Borrowed(spec),
    }
}

fn message_view(message: &Message, value: &Value, unknown: UnknownFields) -> Value {
    let Value::Object(map) = value else {
        return value.clone();
    };
    // The key each field is read from, and of each oneof group the last member given.
    let read: Vec<(&Field, &String)> = message
        .fields
        .iter()
        .filter_map(|f| {
            given(f, map)
                .filter(|(_, v)| !v.is_null())
                .map(|(k, _)| (f, k))
        })
        .collect();
    let kept = |field: &Field| match &field.oneof {
        None => true,
        Some(group) => read
            .iter()
            .rev()
            .find(|(f, _)| f.oneof.as_ref() == Some(group))
            .is_some_and(|(f, _)| std::ptr::eq(*f, field)),
    };
    let mut out = Map::new();
    for (key, raw) in map {
        let Some(field) = message.field(key) else {
            if unknown == UnknownFields::Refused {
                out.insert(key.clone(), raw.clone());
            }
            continue;
        };
        let is_read = read
            .iter()
            .any(|(f, k)| std::ptr::eq(*f, field) && *k == key);
        let empty_map = field.map_key.is_some() && raw.as_object().is_some_and(Map::is_empty);
        if !is_read || !kept(field) || (unknown == UnknownFields::Dropped && empty_map) {
            continue;
        }
        out.insert(field.json.clone(), field_view(field, raw, unknown));
    }
    Value::Object(out)
}

fn field_view(field: &Field, raw: &Value, unknown: UnknownFields) -> Value {
    match raw {
        Value::Object(entries) if field.map_key.is_some() => Value::Object(
            entries
                .iter()
                .map(|(k, v)| {
                    (
                        map_key_view(field.map_key, k),
                        singular_view(field.ty, v, unknown),
                    )
                })
                .collect(),
        ),
        Value::Array(items) if field.repeated => Value::Array(
            items
                .iter()
                .map(|item| singular_view(field.ty, item, unknown))
                .collect(),
        ),
        other => singular_view(field.ty, other, unknown),
    }
}

/// A number-typed map key as Go holds it (`" 8"` is 8).
fn map_key_view(key_type: Option<Scalar>, key: &str) -> String {
    match key_type {
        Some(Scalar::String) | None => key.to_string(),
        Some(_) => trim_quote(key).trim().to_string(),
    }
}

fn singular_view(ty: Type, value: &Value, unknown: UnknownFields) -> Value {
    match (ty, value) {
        (Type::Message(index), Value::Object(_)) => message_view(message_at(index), value, unknown),
        (Type::Message(_), Value::Null) => Value::Object(Map::new()),
        (Type::Enum(index), Value::Number(n)) => {
            let number = n.as_i64().and_then(|n| i32::try_from(n).ok());
            let name = number.and_then(|n| enum_at(index).name_of(n));
            Value::String(name.map_or_else(
                || number.map_or_else(|| n.to_string(), |n| n.to_string()),
                str::to_string,
            ))
        }
        (Type::Scalar(scalar), Value::String(text)) if is_number(scalar) => {
            serde_json::from_str::<serde_json::Number>(text.trim())
                .map_or_else(|_| value.clone(), Value::Number)
        }
        _ => value.clone(),
    }
}

fn is_number(scalar: Scalar) -> bool {
    !matches!(scalar, Scalar::Bool | Scalar::String | Scalar::Bytes)
}

/// The spec with its empty lists left out: Go's decoding leaves a repeated field given as
/// `[]` nil, so istiod's rules see it unset (a ServiceEntry with `endpoints: []` and a
/// workload selector is valid). Lists inside free-form values (`Struct`) are kept.
pub fn without_empty_lists<'a>(kind: &str, spec: &'a Value) -> Cow<'a, Value> {
    match proto::kind_message(kind) {
        Some(message) if has_empty_list(message, spec) => {
            Cow::Owned(drop_empty_lists(message, spec))
        }
        _ => Cow::Borrowed(spec),
    }
}

/// The message a field's values are, when they are messages.
fn message_of(field: &Field) -> Option<&'static Message> {
    match field.ty {
        Type::Message(index) => Some(message_at(index)),
        _ => None,
    }
}

fn is_empty_list_field(field: &Field, value: &Value) -> bool {
    field.repeated && field.map_key.is_none() && value.as_array().is_some_and(Vec::is_empty)
}

/// Each message value a field holds (itself, its list items or its map values).
fn nested<'v>(field: &Field, value: &'v Value) -> Box<dyn Iterator<Item = &'v Value> + 'v> {
    match value {
        Value::Array(items) if field.repeated => Box::new(items.iter()),
        Value::Object(entries) if field.map_key.is_some() => Box::new(entries.values()),
        other => Box::new(std::iter::once(other)),
    }
}

fn has_empty_list(message: &Message, value: &Value) -> bool {
    let Value::Object(map) = value else {
        return false;
    };
    map.iter().any(|(k, v)| {
        let Some(field) = message.field(k) else {
            return false;
        };
        is_empty_list_field(field, v)
            || message_of(field)
                .is_some_and(|m| nested(field, v).any(|item| has_empty_list(m, item)))
    })
}

fn drop_empty_lists(message: &Message, value: &Value) -> Value {
    let Value::Object(map) = value else {
        return value.clone();
    };
    let mut out = Map::new();
    for (key, raw) in map {
        let field = message.field(key);
        if field.is_some_and(|f| is_empty_list_field(f, raw)) {
            continue;
        }
        let inner = field.and_then(|f| Some((f, message_of(f)?)));
        let kept = match (inner, raw) {
            (Some((f, m)), Value::Array(items)) if f.repeated => {
                Value::Array(items.iter().map(|i| drop_empty_lists(m, i)).collect())
            }
            (Some((f, m)), Value::Object(entries)) if f.map_key.is_some() => Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), drop_empty_lists(m, v)))
                    .collect(),
            ),
            (Some((_, m)), _) => drop_empty_lists(m, raw),
            (None, _) => raw.clone(),
        };
        out.insert(key.clone(), kept);
    }
    Value::Object(out)
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
