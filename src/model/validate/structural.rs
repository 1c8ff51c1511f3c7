//! The CRDs' structural schemas, checked as the Kubernetes API server checks a custom
//! resource: OpenAPI validation of types, formats, lengths, patterns, bounds, item and
//! property counts, enums, required fields and `oneOf`/`anyOf`/`allOf`/`not`, then the
//! list-type map invariants — each error in the API server's words.

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::model::crd::release_spec_schema;
use crate::model::go_text::{go_float, quote};
use crate::model::schema::FieldError;

/// What the structural schema of `kind`'s CRD says of `spec` (as the API server receives
/// it: see `pruned`).
pub fn check(kind: &str, spec: &Value) -> Vec<FieldError> {
    let Some(schema) = release_spec_schema(kind) else {
        return Vec::new();
    };
    let mut errs = Vec::new();
    validate(schema, spec, &Path::SPEC, &mut errs);
    list_maps(schema, spec, &Path::SPEC, &mut errs);
    errs
}

/// The paths of the fields of `spec` its CRD's schema does not have, which the API server's
/// strict decoding refuses before any validation (in document order).
pub fn unknown_fields(kind: &str, spec: &Value) -> Vec<String> {
    let mut found = Vec::new();
    if let Some(schema) = release_spec_schema(kind) {
        collect_unknown(schema, spec, &Path::SPEC, &mut found);
    }
    found
}

fn collect_unknown(schema: &Value, value: &Value, path: &Path<'_>, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if schema["x-kubernetes-preserve-unknown-fields"] == true
                && schema.get("properties").is_none()
            {
                return;
            }
            for (key, child) in map {
                let child_path = path.key(key);
                match entry_schema(Some(schema), key) {
                    Some(sub) => collect_unknown(sub, child, &child_path, found),
                    None if schema["x-kubernetes-preserve-unknown-fields"] == true => {}
                    // An object where the schema has no such field (a scalar given a
                    // mapping included).
                    None => found.push(child_path.to_string()),
                }
            }
        }
        Value::Array(items) => {
            if let Some(sub) = schema.get("items") {
                for (i, item) in items.iter().enumerate() {
                    collect_unknown(sub, item, &path.index(i), found);
                }
            }
        }
        _ => {}
    }
}

/// A field path built as the walk descends and written out only for an error message.
#[derive(Clone, Copy)]
struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    step: Step<'a>,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Spec,
    Key(&'a str),
    Index(usize),
}

impl<'a> Path<'a> {
    const SPEC: Path<'static> = Path {
        parent: None,
        step: Step::Spec,
    };

    fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            step: Step::Key(key),
        }
    }

    fn index(&'a self, i: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            step: Step::Index(i),
        }
    }
}

impl std::fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(parent) = self.parent {
            parent.fmt(f)?;
        }
        match self.step {
            Step::Spec => f.write_str("spec"),
            Step::Key(key) => write!(f, ".{key}"),
            Step::Index(i) => write!(f, "[{i}]"),
        }
    }
}

/// `spec` as the API server validates it: null values of fields that are not nullable are
/// dropped, and numbers are integers where the YAML-to-JSON conversion makes them so.
pub fn pruned<'v>(kind: &str, spec: &'v Value) -> Cow<'v, Value> {
    match release_spec_schema(kind) {
        Some(schema) if needs_pruning(Some(schema), spec) => Cow::Owned(prune(Some(schema), spec)),
        _ => Cow::Borrowed(spec),
    }
}

/// The schema node of a mapping's entry `key`.
fn entry_schema<'s>(schema: Option<&'s Value>, key: &str) -> Option<&'s Value> {
    let schema = schema?;
    schema["properties"]
        .get(key)
        .or_else(|| schema.get("additionalProperties").filter(|a| a.is_object()))
}

/// Whether `value` holds what `prune` changes.
fn needs_pruning(schema: Option<&Value>, value: &Value) -> bool {
    match value {
        Value::Object(map) => map.iter().any(|(key, child)| {
            let sub = entry_schema(schema, key);
            (child.is_null() && !sub.is_some_and(|s| s["nullable"] == true))
                || needs_pruning(sub, child)
        }),
        Value::Array(items) => {
            let sub = schema.and_then(|s| s.get("items"));
            items.iter().any(|i| needs_pruning(sub, i))
        }
        Value::Number(n) => integral_float(n).is_some(),
        _ => false,
    }
}

/// A float with an integral value, which YAML-to-JSON conversion writes as an integer.
fn integral_float(n: &serde_json::Number) -> Option<i64> {
    let f = n.as_f64().filter(|_| !n.is_i64() && !n.is_u64())?;
    (f.fract() == 0.0 && f.abs() < 9.0e15).then_some(f as i64)
}

fn prune(schema: Option<&Value>, value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut out = Map::new();
            for (key, child) in map {
                let sub = entry_schema(schema, key);
                let nullable = sub.is_some_and(|s| s["nullable"] == true);
                if child.is_null() && !nullable {
                    continue;
                }
                out.insert(key.clone(), prune(sub, child));
            }
            Value::Object(out)
        }
        Value::Array(items) => {
            let sub = schema.and_then(|s| s.get("items"));
            Value::Array(items.iter().map(|i| prune(sub, i)).collect())
        }
        // YAML's 5.0 reaches the API server as JSON 5 (kubectl converts through Go's
        // float64 and json.Marshal).
        Value::Number(n) => integral_float(n).map_or_else(|| value.clone(), Value::from),
        other => other.clone(),
    }
}

/// A value as a field error shows it: Go's `%q` for a string, `%v` (JSON) otherwise.
pub(super) fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => quote(s),
        other => other.to_string(),
    }
}

/// A value's JSON type and the format Go infers for it (`int64` for integers, `float64`
/// for other numbers), as the OpenAPI type validator compares them.
pub(super) fn data_type(value: &Value) -> (&'static str, &'static str) {
    match value {
        Value::Object(_) => ("object", ""),
        Value::Array(_) => ("array", ""),
        Value::String(_) => ("string", ""),
        Value::Bool(_) => ("boolean", ""),
        Value::Number(n) if n.is_i64() || n.is_u64() => ("integer", "int64"),
        Value::Number(_) => ("number", "float64"),
        Value::Null => ("null", ""),
    }
}

/// A field error whose path the API server cannot name (composite schema errors).
fn unnamed(message: String) -> FieldError {
    FieldError::new("<nil>", format!("Invalid value: \"\": {message}"))
}

fn validate(schema: &Value, data: &Value, path: &Path<'_>, errs: &mut Vec<FieldError>) {
    if data.is_null() {
        return;
    }
    type_check(schema, data, path, errs);
    composites(schema, data, path, errs);
    match data {
        Value::String(s) => {
            string_check(schema, s, path, errs);
            format_check(schema, s, path, errs);
        }
        Value::Number(_) => number_check(schema, data, path, errs),
        Value::Array(items) => array_check(schema, items, path, errs),
        _ => {}
    }
    enum_check(schema, data, path, errs);
    if let Value::Object(map) = data {
        object_check(schema, map, path, errs);
    }
}

/// The formats the API server keeps in a CRD schema (Kubernetes 1.35); it drops the others
/// (`int32`, `double`, ...) before validating.
const SUPPORTED_FORMATS: &[&str] = &[
    "bsonobjectid",
    "uri",
    "email",
    "hostname",
    "ipv4",
    "ipv6",
    "cidr",
    "mac",
    "uuid",
    "uuid3",
    "uuid4",
    "uuid5",
    "isbn",
    "isbn10",
    "isbn13",
    "creditcard",
    "ssn",
    "hexcolor",
    "rgbcolor",
    "byte",
    "password",
    "date",
    "duration",
    "datetime",
    "k8s-short-name",
    "k8s-long-name",
];

/// A schema node's format as the API server keeps it ("" when it drops it).
fn kept_format(schema: &Value) -> &str {
    let format = schema["format"].as_str().unwrap_or("");
    let normalized = format.replace('-', "");
    let kept = SUPPORTED_FORMATS
        .iter()
        .any(|f| f.replace('-', "") == normalized);
    if kept {
        format
    } else {
        ""
    }
}

fn type_check(schema: &Value, data: &Value, path: &Path<'_>, errs: &mut Vec<FieldError>) {
    let wanted = schema["type"].as_str().unwrap_or("");
    let format = kept_format(schema);
    if wanted.is_empty() && format.is_empty() {
        return;
    }
    let (actual, actual_format) = data_type(data);
    let float_int = actual == "number"
        && data.as_f64().is_some_and(|f| f.fract() == 0.0)
        && wanted == "integer";
    let int_float = actual == "integer" && wanted == "number";
    let textual = matches!(data, Value::String(_) | Value::Array(_));
    let invalid = |expected: &str, found: &str| {
        FieldError::new(
            path.to_string(),
            format!(
                "Invalid value: {}: {path} in body must be of type {expected}: {}",
                quote(found),
                quote(found)
            ),
        )
    };
    let format_mismatch = !(textual
        || format.is_empty()
        || wanted == actual
        || format == actual_format
        || float_int
        || int_float);
    if format_mismatch {
        errs.push(invalid(format, actual_format));
        return;
    }
    let numeric = matches!(wanted, "number" | "integer");
    if !numeric && !format.is_empty() && textual {
        return;
    }
    if !(wanted == actual || float_int || int_float) {
        errs.push(invalid(wanted, actual));
    }
}

/// Whether `data` passes `schema` (every check, children included).
fn passes(schema: &Value, data: &Value, path: &Path<'_>) -> (bool, Vec<FieldError>) {
    let mut found = Vec::new();
    validate(schema, data, path, &mut found);
    (found.is_empty(), found)
}

/// The errors of the first alternative when none passed (all alternatives of Istio's groups
/// count the same checks, so the API server keeps the first one's errors).
fn first_failures(results: Vec<(bool, Vec<FieldError>)>) -> Vec<FieldError> {
    results
        .into_iter()
        .next()
        .map(|(_, e)| e)
        .unwrap_or_default()
}

fn composites(schema: &Value, data: &Value, path: &Path<'_>, errs: &mut Vec<FieldError>) {
    let alternatives = |key: &str| schema[key].as_array().map_or(&[][..], Vec::as_slice);
    let any_of = alternatives("anyOf");
    if !any_of.is_empty() {
        let results: Vec<_> = any_of.iter().map(|s| passes(s, data, path)).collect();
        if !results.iter().any(|(ok, _)| *ok) {
            errs.push(unnamed(format!(
                "{} must validate at least one schema (anyOf)",
                quote(&path.to_string())
            )));
            errs.extend(first_failures(results));
        }
    }
    let one_of = alternatives("oneOf");
    if !one_of.is_empty() {
        let results: Vec<_> = one_of.iter().map(|s| passes(s, data, path)).collect();
        let valid = results.iter().filter(|(ok, _)| *ok).count();
        if valid != 1 {
            let detail = match valid {
                0 => "Found none valid".to_string(),
                n => format!("Found {n} valid alternatives"),
            };
            errs.push(unnamed(format!(
                "{} must validate one and only one schema (oneOf). {detail}",
                quote(&path.to_string())
            )));
            if valid == 0 {
                errs.extend(first_failures(results));
            }
        }
    }
    let all_of = alternatives("allOf");
    if !all_of.is_empty() {
        let mut validated = 0;
        for sub in all_of {
            let (ok, found) = passes(sub, data, path);
            validated += usize::from(ok);
            errs.extend(found);
        }
        if validated != all_of.len() {
            let detail = if validated == 0 {
                ". None validated"
            } else {
                ""
            };
            errs.push(unnamed(format!(
                "{} must validate all the schemas (allOf){detail}",
                quote(&path.to_string())
            )));
        }
    }
    if let Some(not) = schema.get("not") {
        if passes(not, data, path).0 {
            errs.push(unnamed(format!(
                "{} must not validate the schema (not)",
                quote(&path.to_string())
            )));
        }
    }
}

/// `maxLength`, `minLength`, `pattern`: the first that fails.
fn string_check(schema: &Value, s: &str, path: &Path<'_>, errs: &mut Vec<FieldError>) {
    let length = s.chars().count() as u64;
    if let Some(max) = schema["maxLength"].as_u64().filter(|max| length > *max) {
        let unit = if max == 1 { "byte" } else { "bytes" };
        errs.push(FieldError::new(
            path.to_string(),
            format!("Too long: may not be more than {max} {unit}"),
        ));
        return;
    }
    if let Some(min) = schema["minLength"].as_u64().filter(|min| length < *min) {
        errs.push(FieldError::new(
            path.to_string(),
            format!(
                "Invalid value: {}: {path} in body should be at least {min} chars long",
                quote(s)
            ),
        ));
        return;
    }
    if let Some(pattern) = schema["pattern"].as_str() {
        let matches =
            crate::model::schema::compiled_pattern(pattern).is_none_or(|re| re.is_match(s));
        if !matches {
            errs.push(FieldError::new(
                path.to_string(),
                format!(
                    "Invalid value: {}: {path} in body should match '{pattern}'",
                    quote(s)
                ),
            ));
        }
    }
}

/// The string formats the API server knows and checks (`byte`: base64).
fn format_check(schema: &Value, s: &str, path: &Path<'_>, errs: &mut Vec<FieldError>) {
    let format = kept_format(schema);
    let valid = match format {
        "byte" => is_base64(s),
        _ => true,
    };
    if !valid {
        errs.push(FieldError::new(
            path.to_string(),
            format!(
                "Invalid value: {}: {path} in body must be of type {format}: {}",
                quote(s),
                quote(s)
            ),
        ));
    }
}

/// Standard base64 with padding, as govalidator's `IsBase64` pattern accepts it (at least
/// one group of four).
fn is_base64(s: &str) -> bool {
    let valid_char = |c: u8| c.is_ascii_alphanumeric() || c == b'+' || c == b'/';
    let bytes = s.as_bytes();
    if bytes.is_empty() || !bytes.len().is_multiple_of(4) {
        return false;
    }
    let padding = bytes.iter().rev().take_while(|b| **b == b'=').count();
    padding <= 2
        && bytes[..bytes.len() - padding]
            .iter()
            .all(|b| valid_char(*b))
        && (padding == 0 || bytes.len() >= 4)
}

fn number_check(schema: &Value, data: &Value, path: &Path<'_>, errs: &mut Vec<FieldError>) {
    let integer = data.is_i64() || data.is_u64();
    let shown = |v: f64| {
        if integer {
            (v as i64).to_string()
        } else {
            go_float(v)
        }
    };
    let value_text = match data.as_f64() {
        Some(f) if !integer => go_float(f),
        _ => data.to_string(),
    };
    let value = data.as_f64().unwrap_or(0.0);
    let exclusive = |key: &str| schema[key] == true;
    if let Some(min) = schema["minimum"].as_f64() {
        let (fails, relation) = if exclusive("exclusiveMinimum") {
            (value <= min, "greater than")
        } else {
            (value < min, "greater than or equal to")
        };
        if fails {
            errs.push(FieldError::new(
                path.to_string(),
                format!(
                    "Invalid value: {value_text}: {path} in body should be {relation} {}",
                    shown(min)
                ),
            ));
        }
    }
    if let Some(max) = schema["maximum"].as_f64() {
        let (fails, relation) = if exclusive("exclusiveMaximum") {
            (value >= max, "less than")
        } else {
            (value > max, "less than or equal to")
        };
        if fails {
            errs.push(FieldError::new(
                path.to_string(),
                format!(
                    "Invalid value: {value_text}: {path} in body should be {relation} {}",
                    shown(max)
                ),
            ));
        }
    }
}

fn array_check(schema: &Value, items: &[Value], path: &Path<'_>, errs: &mut Vec<FieldError>) {
    if let Some(item_schema) = schema.get("items").filter(|s| s.is_object()) {
        for (i, item) in items.iter().enumerate() {
            validate(item_schema, item, &path.index(i), errs);
        }
    }
    let len = items.len() as u64;
    if let Some(min) = schema["minItems"].as_u64().filter(|min| len < *min) {
        errs.push(FieldError::new(
            path.to_string(),
            format!("Invalid value: {len}: {path} in body should have at least {min} items"),
        ));
    }
    if let Some(max) = schema["maxItems"].as_u64().filter(|max| len > *max) {
        errs.push(too_many(path, len, max));
    }
}

fn too_many(path: &Path<'_>, len: u64, max: u64) -> FieldError {
    let unit = if max == 1 { "item" } else { "items" };
    FieldError::new(
        path.to_string(),
        format!("Too many: {len}: must have at most {max} {unit}"),
    )
}

fn enum_check(schema: &Value, data: &Value, path: &Path<'_>, errs: &mut Vec<FieldError>) {
    let Some(allowed) = schema["enum"].as_array().filter(|a| !a.is_empty()) else {
        return;
    };
    if allowed.contains(data) {
        return;
    }
    let supported: Vec<String> = allowed
        .iter()
        .map(|v| match v {
            Value::String(s) => quote(s),
            other => quote(&other.to_string()),
        })
        .collect();
    errs.push(FieldError::new(
        path.to_string(),
        format!(
            "Unsupported value: {}: supported values: {}",
            shown(data),
            supported.join(", ")
        ),
    ));
}

fn object_check(
    schema: &Value,
    map: &Map<String, Value>,
    path: &Path<'_>,
    errs: &mut Vec<FieldError>,
) {
    let len = map.len() as u64;
    if let Some(min) = schema["minProperties"].as_u64().filter(|min| len < *min) {
        errs.push(FieldError::new(
            path.to_string(),
            format!("Invalid value: {len}: {path} in body should have at least {min} properties"),
        ));
    }
    if let Some(max) = schema["maxProperties"].as_u64().filter(|max| len > *max) {
        errs.push(too_many(path, len, max));
    }
    for (key, value) in map {
        if let Some(sub) = entry_schema(Some(schema), key) {
            validate(sub, value, &path.key(key), errs);
        }
    }
    for required in schema["required"].as_array().into_iter().flatten() {
        if let Some(name) = required.as_str().filter(|n| !map.contains_key(*n)) {
            errs.push(FieldError::new(format!("{path}.{name}"), "Required value"));
        }
    }
}

/// `x-kubernetes-list-type: map` lists: an entry whose key repeats an earlier entry's is a
/// duplicate (reported once per key, at its second entry).
fn list_maps(schema: &Value, data: &Value, path: &Path<'_>, errs: &mut Vec<FieldError>) {
    match data {
        Value::Object(map) => {
            for (key, value) in map {
                if let Some(sub) = entry_schema(Some(schema), key) {
                    list_maps(sub, value, &path.key(key), errs);
                }
            }
        }
        Value::Array(items) => {
            if schema["x-kubernetes-list-type"] == "map" {
                duplicate_keys(schema, items, path, errs);
            }
            if let Some(sub) = schema.get("items") {
                for (i, item) in items.iter().enumerate() {
                    list_maps(sub, item, &path.index(i), errs);
                }
            }
        }
        _ => {}
    }
}

fn duplicate_keys(schema: &Value, items: &[Value], path: &Path<'_>, errs: &mut Vec<FieldError>) {
    if let Some(i) = items.iter().position(|x| !x.is_object() && !x.is_null()) {
        errs.push(FieldError::new(
            path.index(i).to_string(),
            format!(
                "Invalid value: {}: must be an object for an array of list-type map",
                items[i]
            ),
        ));
        return;
    }
    let key_fields: Vec<&str> = schema["x-kubernetes-list-map-keys"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let keys: Vec<Map<String, Value>> = items
        .iter()
        .map(|item| {
            key_fields
                .iter()
                .filter_map(|k| Some((k.to_string(), item.get(*k)?.clone())))
                .collect()
        })
        .collect();
    let mut reported: Vec<&Map<String, Value>> = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        if keys[..i].contains(key) && !reported.contains(&key) {
            reported.push(key);
            errs.push(FieldError::new(
                path.index(i).to_string(),
                format!("Duplicate value: {}", Value::Object(key.clone())),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn messages(kind: &str, spec: Value) -> Vec<String> {
        check(kind, &pruned(kind, &spec))
            .into_iter()
            .map(|e| e.to_string())
            .collect()
    }

    #[test]
    fn types_enums_and_required_fields_in_the_api_servers_words() {
        let found = messages(
            "AuthorizationPolicy",
            json!({"rules": 5, "action": "MAYBE", "targetRef": {"name": "x"}}),
        );
        assert!(found.contains(&"spec.rules: Invalid value: \"integer\": spec.rules in body must be of type array: \"integer\"".to_string()), "{found:?}");
        assert!(
            found.iter().any(|m| m.starts_with(
                "spec.action: Unsupported value: \"MAYBE\": supported values: \"ALLOW\""
            )),
            "{found:?}"
        );
        assert!(
            found.contains(&"spec.targetRef.kind: Required value".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn one_of_groups_and_bounds() {
        let found = messages(
            "VirtualService",
            json!({"http": [{"route": [{"destination": {"host": "a", "port": {"number": -1}}}]}]}),
        );
        assert_eq!(found, ["spec.http[0].route[0].destination.port.number: Invalid value: -1: spec.http[0].route[0].destination.port.number in body should be greater than or equal to 0"]);
        let found = messages(
            "TrafficExtension",
            json!({"wasm": {"url": "a"}, "lua": {"inlineCode": "x"}}),
        );
        assert!(found.contains(&"<nil>: Invalid value: \"\": \"spec\" must validate one and only one schema (oneOf). Found 2 valid alternatives".to_string()), "{found:?}");
    }

    #[test]
    fn nulls_are_dropped_and_list_map_keys_must_be_unique() {
        let found = messages(
            "ServiceEntry",
            json!({"hosts": ["a"], "location": null, "ports": [{"number": 80, "name": "a"}, {"number": 81, "name": "a"}]}),
        );
        assert_eq!(found, ["spec.ports[1]: Duplicate value: {\"name\":\"a\"}"]);
    }
}
