//! Validation of Istio resources: identity checks, typed decoding with the structural
//! constraints of each schema, then Istio's semantic rules per kind (`rules`).

mod common;
pub mod mesh;
mod rules;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::api;
use super::resource::Resource;
use super::schema::{Check, FieldError};

pub use common::{is_valid_duration, parse_duration_ms, parse_positive_duration};

/// The outcome of validating one resource.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub error: FieldError,
    /// Line in the source file where the field (or else the document) is.
    pub line: usize,
}

/// Whether a resource is an Istio kind skiff models (and so gets validated).
pub fn is_istio_kind(res: &Resource) -> bool {
    kind_info(res).is_some()
}

pub fn kind_info(res: &Resource) -> Option<&'static super::schema::KindInfo> {
    api::ISTIO_KINDS
        .iter()
        .find(|k| k.group == res.gvk.group && k.kind == res.gvk.kind)
}

/// Validates one resource; an empty result means valid. Non-Istio kinds are always valid.
pub fn validate_resource(res: &Resource) -> Vec<Problem> {
    let mut errs = Vec::new();
    if let Some(info) = kind_info(res) {
        validate_istio(res, info, &mut errs);
    }
    problems(res, errs)
}

/// What istiod's validating webhook alone says of a resource, as `istioctl analyze` reports
/// it (no CRD schema rules). `Err` when the resource does not decode into its Istio type
/// (wrong field types, bad durations): istioctl cannot read it at all and skips it.
pub fn validate_webhook_rules(res: &Resource) -> Result<Vec<Problem>, Problem> {
    let mut errs = Vec::new();
    let Some(info) = kind_info(res) else {
        return Ok(Vec::new());
    };
    let Some(spec) = res.object.get("spec").filter(|s| s.is_object()) else {
        return Ok(Vec::new());
    };
    // Go's decoding takes an explicit null as an unset field.
    let spec = &without_nulls(spec);
    let mut decode_errs = Vec::new();
    common::check_generic_fields(spec, "spec", &mut decode_errs);
    if let Some(first) = decode_errs.into_iter().next() {
        return Err(problems(res, vec![first]).remove(0));
    }
    match info.kind {
        "VirtualService" => webhook(spec, &mut errs, rules::virtual_service),
        "DestinationRule" => webhook(spec, &mut errs, rules::destination_rule),
        "Gateway" => webhook(spec, &mut errs, rules::gateway),
        "ServiceEntry" => webhook(spec, &mut errs, rules::service_entry),
        "Sidecar" => webhook(spec, &mut errs, rules::sidecar),
        "WorkloadEntry" => webhook(spec, &mut errs, rules::workload_entry),
        "WorkloadGroup" => webhook(spec, &mut errs, rules::workload_group),
        "EnvoyFilter" => webhook(spec, &mut errs, rules::envoy_filter),
        "ProxyConfig" => webhook(spec, &mut errs, rules::proxy_config),
        "AuthorizationPolicy" => webhook(spec, &mut errs, rules::authorization_policy),
        "PeerAuthentication" => webhook(spec, &mut errs, rules::peer_authentication),
        "RequestAuthentication" => webhook(spec, &mut errs, rules::request_authentication),
        "Telemetry" => webhook(spec, &mut errs, rules::telemetry),
        "WasmPlugin" => webhook(spec, &mut errs, rules::wasm_plugin),
        "TrafficExtension" => webhook(spec, &mut errs, rules::traffic_extension),
        _ => Ok(()),
    }
    .map_err(|e| problems(res, vec![e]).remove(0))?;
    Ok(problems(res, errs))
}

/// A copy of a value without the mapping entries whose value is null.
fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

fn problems(res: &Resource, errs: Vec<FieldError>) -> Vec<Problem> {
    errs.into_iter()
        .map(|error| Problem {
            line: res.line_of(&error.path),
            error,
        })
        .collect()
}

/// Decodes a spec into its typed struct and runs only the webhook's `rules`; a decode
/// failure is the error, and so is a value outside an enum (Go's decoding rejects it).
fn webhook<T: DeserializeOwned + Check>(
    spec: &Value,
    errs: &mut Vec<FieldError>,
    rules: fn(&T, &mut Vec<FieldError>),
) -> Result<(), FieldError> {
    let value = decode::<T>(spec)?;
    let mut structural = Vec::new();
    value.check("spec", &mut structural);
    if let Some(bad_enum) = structural
        .into_iter()
        .find(|e| e.message.starts_with("Unsupported value: "))
    {
        return Err(bad_enum);
    }
    rules(&value, errs);
    Ok(())
}

fn decode<T: DeserializeOwned>(spec: &Value) -> Result<T, FieldError> {
    serde_path_to_error::deserialize::<_, T>(spec).map_err(|e| {
        let inner = e.path().to_string();
        let path = if inner == "." || inner.is_empty() {
            "spec".to_string()
        } else {
            format!("spec.{inner}")
        };
        FieldError::new(path, describe_decode_error(&e.inner().to_string()))
    })
}

fn validate_istio(res: &Resource, info: &super::schema::KindInfo, errs: &mut Vec<FieldError>) {
    if !info
        .versions
        .iter()
        .any(|v| v.served && v.name == res.gvk.version)
    {
        let served: Vec<&str> = info.versions.iter().map(|v| v.name).collect();
        errs.push(FieldError::new(
            "apiVersion",
            format!(
                "Unsupported value: \"{}\": {} is served as {}",
                res.gvk.api_version(),
                info.kind,
                served
                    .iter()
                    .map(|v| format!("{}/{v}", info.group))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
        return;
    }
    common::check_metadata(res, errs);
    let spec = match res.object.get("spec") {
        None => {
            errs.push(FieldError::new("spec", "Required value"));
            return;
        }
        Some(Value::Null) => {
            errs.push(FieldError::new(
                "spec",
                "Invalid value: \"null\": spec in body must be of type object: \"null\"",
            ));
            return;
        }
        Some(s) if !s.is_object() => {
            errs.push(FieldError::new(
                "spec",
                format!(
                    "Invalid value: spec in body must be of type object: {}",
                    super::load::type_name(s)
                ),
            ));
            return;
        }
        Some(s) => s,
    };
    common::check_generic_fields(spec, "spec", errs);
    match info.kind {
        "VirtualService" => typed(spec, errs, rules::virtual_service),
        "DestinationRule" => typed(spec, errs, rules::destination_rule),
        "Gateway" => typed(spec, errs, rules::gateway),
        "ServiceEntry" => typed(spec, errs, rules::service_entry),
        "Sidecar" => typed(spec, errs, rules::sidecar),
        "WorkloadEntry" => typed(spec, errs, rules::workload_entry),
        "WorkloadGroup" => typed(spec, errs, rules::workload_group),
        "EnvoyFilter" => typed(spec, errs, rules::envoy_filter),
        "ProxyConfig" => typed(spec, errs, rules::proxy_config),
        "AuthorizationPolicy" => typed(spec, errs, rules::authorization_policy),
        "PeerAuthentication" => typed(spec, errs, rules::peer_authentication),
        "RequestAuthentication" => typed(spec, errs, rules::request_authentication),
        "Telemetry" => typed(spec, errs, rules::telemetry),
        "WasmPlugin" => typed(spec, errs, rules::wasm_plugin),
        "TrafficExtension" => typed(spec, errs, rules::traffic_extension),
        _ => {}
    }
}

/// Decodes a spec into its typed struct, runs the structural checks, then `rules`.
fn typed<T: DeserializeOwned + Check>(
    spec: &Value,
    errs: &mut Vec<FieldError>,
    rules: fn(&T, &mut Vec<FieldError>),
) {
    match decode::<T>(spec) {
        Ok(value) => {
            value.check("spec", errs);
            rules(&value, errs);
        }
        Err(e) => errs.push(e),
    }
}

fn describe_decode_error(msg: &str) -> String {
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let field = rest.split(',').next().unwrap_or(rest);
        return format!("unknown field {field}");
    }
    msg.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::parse_documents;

    fn problems(yaml: &str) -> Vec<String> {
        let res = parse_documents(yaml, "t.yaml").unwrap();
        res.iter()
            .flat_map(validate_resource)
            .map(|p| format!("{}:{}", p.line, p.error))
            .collect()
    }

    const VS: &str = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: r\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination:\n        host: reviews\n        subset: v1\n      weight: 0\n    - destination:\n        host: reviews\n        subset: v2\n      weight: 0\n";

    #[test]
    fn all_zero_weights_are_rejected_with_the_field_and_line() {
        let p = problems(VS);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].contains("spec.http[0].route"), "{p:?}");
        assert!(p[0].starts_with("8:"), "{p:?}");
    }

    #[test]
    fn unknown_fields_and_wrong_types_are_rejected() {
        let p = problems("apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: d}\nspec:\n  host: a\n  bogus: 1\n");
        assert!(p[0].contains("unknown field `bogus`"), "{p:?}");
        let p = problems("apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: d}\nspec:\n  host: [a]\n");
        assert!(p[0].contains("spec.host"), "{p:?}");
    }

    #[test]
    fn valid_resources_and_other_kinds_pass() {
        let ok = "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g}\nspec:\n  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ['*']\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {bogus: 1}\n";
        assert!(problems(ok).is_empty());
    }

    #[test]
    fn unserved_versions_are_rejected() {
        let p = problems(
            "apiVersion: networking.istio.io/v9\nkind: Gateway\nmetadata: {name: g}\nspec: {}\n",
        );
        assert!(p[0].contains("apiVersion"), "{p:?}");
    }
}
