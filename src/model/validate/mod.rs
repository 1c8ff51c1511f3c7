//! Validation of Istio resources: identity checks, typed decoding with the structural
//! constraints of each schema, then Istio's semantic rules per kind (`rules`).

pub(crate) mod common;
mod crd_rules;
mod go_decode;
mod jwks;
pub(super) mod locality;
pub mod mesh;
pub mod netip;
mod rules;
mod structural;
mod traffic_policy;
pub mod virtual_service;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::api;
use super::resource::Resource;
use super::schema::FieldError;

pub use common::{is_valid_duration, parse_duration_ms, parse_positive_duration};
pub use crd_rules::coverage as cel_rule_coverage;
pub use rules::parse_protocol;

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

/// Validates one resource with every rule; an empty result means valid. Non-Istio kinds
/// are always valid.
pub fn validate_resource(res: &Resource) -> Vec<Problem> {
    validate_resource_with(res, Depth::Everything)
}

/// Validates one resource to `depth`.
pub fn validate_resource_with(res: &Resource, depth: Depth) -> Vec<Problem> {
    let mut errs = Vec::new();
    if let Some(info) = kind_info(res) {
        validate_istio(res, info, depth, &mut errs);
    }
    problems(res, errs)
}

/// A resource's webhook verdict kept on it, with the namespace the resource had when it
/// was computed (the verdict depends on it). Never makes two resources differ.
#[derive(Debug, Clone, Default)]
pub struct RememberedVerdict(Option<std::sync::Arc<(Option<String>, WebhookVerdict)>>);

/// What [`validate_webhook_rules`] returns.
pub type WebhookVerdict = Result<Vec<Problem>, Problem>;

impl PartialEq for RememberedVerdict {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl RememberedVerdict {
    /// A verdict computed for `res` (by [`validate_webhook_rules`]), to keep on it.
    pub fn of(res: &Resource, verdict: WebhookVerdict) -> Self {
        let namespace = res.namespace().map(str::to_string);
        RememberedVerdict(Some(std::sync::Arc::new((namespace, verdict))))
    }
}

/// [`validate_webhook_rules`], from the verdict kept on the resource when it still applies
/// (computed for the namespace the resource has now).
pub fn remembered_webhook_rules(res: &Resource) -> WebhookVerdict {
    match &res.webhook_verdict.0 {
        Some(kept) if kept.0.as_deref() == res.namespace() => kept.1.clone(),
        _ => validate_webhook_rules(res),
    }
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
    // Go's decoding takes an explicit null as an unset field, and keeps one member of a
    // oneof group.
    let without = if has_nulls(spec) {
        std::borrow::Cow::Owned(without_nulls(spec))
    } else {
        std::borrow::Cow::Borrowed(spec)
    };
    // Fields the release does not have are ignored, whatever they hold; but Go decodes
    // every member of a oneof given, so a member it then drops can still refuse.
    let dropped = go_decode::UnknownFields::Dropped;
    if let Some(refused) = go_decode::problem(info.kind, &without, dropped) {
        return Err(problem(res, refused));
    }
    let decoded = go_decode::decoded_view(info.kind, &without, dropped);
    let spec = go_decode::without_empty_lists(info.kind, &decoded);
    let views = Views {
        schema: &spec,
        rules: &spec,
    };
    run_kind(info.kind, views, &mut errs).map_err(|e| problem(res, e))?;
    resource_rules(res, info.kind, &spec, &mut errs);
    if info.kind == "AuthorizationPolicy" {
        // istiod prefixes each of a policy's errors (not its warnings) with its name.
        let prefix = format!(
            "invalid policy {}.{}:",
            res.name(),
            res.namespace().unwrap_or("default")
        );
        for e in errs.iter_mut().filter(|e| !e.warning) {
            e.message = format!("{prefix} {}", e.istio_text());
        }
    }
    Ok(problems(res, errs))
}

/// The API server's checks of a custom resource's spec: its CRD's structural schema, then
/// (unless a blocking schema error stops them) its CEL rules. True when any failed.
fn crd_layer(kind: &str, spec: &Value, errs: &mut Vec<FieldError>) -> bool {
    let unknown = structural::unknown_fields(kind, spec);
    if !unknown.is_empty() {
        // Strict decoding refuses the object before any validation.
        errs.extend(unknown.into_iter().map(|path| {
            let message = format!("strict decoding error: unknown field \"{path}\"");
            FieldError::new(path, message)
        }));
        return true;
    }
    let received = structural::pruned(kind, spec);
    let received = received.as_ref();
    let mut found = structural::check(kind, received);
    let cel = crd_rules::check(kind, received, &found);
    found.extend(cel);
    let refused = !found.is_empty();
    errs.extend(found);
    refused
}

/// Whether a value has a mapping entry whose value is null.
fn has_nulls(value: &Value) -> bool {
    match value {
        Value::Object(map) => map.values().any(|v| v.is_null() || has_nulls(v)),
        Value::Array(items) => items.iter().any(has_nulls),
        _ => false,
    }
}

/// A copy of a value without the mapping entries whose value is null.
pub(crate) fn without_nulls(value: &Value) -> Value {
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

/// The rules that need the resource's metadata: `exportTo`, a DestinationRule's
/// `configmap://` credentials (in its own namespace), and a ServiceEntry that opts out of
/// address allocation by label.
fn resource_rules(res: &Resource, kind: &str, spec: &Value, errs: &mut Vec<FieldError>) {
    if kind == "ServiceEntry" && rules::service_entry_selector_refused(spec) {
        return;
    }
    export_to(res, kind, spec, errs);
    if kind == "ServiceEntry" {
        service_entry_without_allocation(res, spec, errs);
    }
    if kind != "DestinationRule" {
        return;
    }
    let namespace = res.namespace().unwrap_or("default");
    for (path, credential) in traffic_policy::destination_rule_credentials(spec) {
        if traffic_policy::configmap_namespace(credential).is_some_and(|ns| ns != namespace) {
            errs.push(FieldError::new(
                path,
                format!("invalid configmap:// credentialName: namespace must match the configuration namespace {namespace:?}"),
            ));
        }
    }
}

/// A ServiceEntry whose label turns address allocation off (and that would otherwise
/// get addresses: resolution other than NONE, none of its own) warns for its TCP ports.
fn service_entry_without_allocation(res: &Resource, spec: &Value, errs: &mut Vec<FieldError>) {
    let opted_out = res
        .object
        .pointer("/metadata/labels/networking.istio.io~1enable-autoallocate-ip")
        .and_then(Value::as_str)
        .is_some_and(|v| v.eq_ignore_ascii_case("false"));
    let resolution = spec
        .get("resolution")
        .and_then(Value::as_str)
        .unwrap_or("NONE");
    let has_addresses = spec
        .get("addresses")
        .and_then(Value::as_array)
        .is_some_and(|a| !a.is_empty());
    if !opted_out || resolution == "NONE" || has_addresses {
        return;
    }
    let ports = spec.get("ports").and_then(Value::as_array);
    for (i, port) in ports.into_iter().flatten().enumerate() {
        let protocol = port.get("protocol").and_then(Value::as_str).unwrap_or("");
        if matches!(protocol, "" | "TCP") {
            errs.push(FieldError::warning(
                format!("spec.ports[{i}]"),
                rules::NO_ADDRESS_WARNING,
            ));
        }
    }
}

/// The `exportTo` rule.
fn export_to(res: &Resource, kind: &str, spec: &Value, errs: &mut Vec<FieldError>) {
    if !matches!(kind, "VirtualService" | "DestinationRule" | "ServiceEntry") {
        return;
    }
    let entries: Vec<String> = spec
        .get("exportTo")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|e| e.as_str().map(str::to_string))
        .collect();
    let with_selector = kind == "DestinationRule" && spec.get("workloadSelector").is_some();
    let namespace = res.namespace().unwrap_or("default");
    for problem in
        common::export_to_problems(namespace, &entries, kind == "ServiceEntry", with_selector)
    {
        errs.push(FieldError::new("spec.exportTo", problem));
    }
}

fn problems(res: &Resource, errs: Vec<FieldError>) -> Vec<Problem> {
    errs.into_iter().map(|error| problem(res, error)).collect()
}

fn problem(res: &Resource, error: FieldError) -> Problem {
    Problem {
        line: res.line_of(&error.path),
        error,
    }
}

/// `spec` decoded into `T`; a refusal names the field. Only a refusal is decoded again with
/// paths tracked (the plain decoding runs far less code).
fn decode<T: DeserializeOwned>(spec: &Value) -> Result<T, FieldError> {
    T::deserialize(spec).or_else(|_| decode_tracking_paths(spec))
}

fn decode_tracking_paths<T: DeserializeOwned>(spec: &Value) -> Result<T, FieldError> {
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

fn validate_istio(
    res: &Resource,
    info: &super::schema::KindInfo,
    depth: Depth,
    errs: &mut Vec<FieldError>,
) {
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
    let schema_refused = depth != Depth::Webhook && crd_layer(info.kind, spec, errs);
    if depth == Depth::Schema {
        return;
    }
    // Go decodes every member given, so a oneof member it then drops can still refuse.
    if let Some(refused) = go_decode::problem(info.kind, spec, go_decode::UnknownFields::Refused) {
        // A value the CRD's schema refused already is not named again in Go's words.
        if !schema_refused {
            errs.push(refused);
        }
        return;
    }
    let decoded = go_decode::decoded_view(info.kind, spec, go_decode::UnknownFields::Refused);
    let for_rules = go_decode::without_empty_lists(info.kind, &decoded);
    let views = Views {
        schema: &decoded,
        rules: &for_rules,
    };
    match run_kind(info.kind, views, errs) {
        Ok(()) => resource_rules(res, info.kind, &for_rules, errs),
        Err(e) => errs.push(e),
    }
}

/// A decoded spec as Go decodes it and as istiod's rules see it (Go's decoding leaves empty
/// lists unset, which the typed struct still holds).
#[derive(Clone, Copy)]
struct Views<'a> {
    schema: &'a Value,
    rules: &'a Value,
}

/// How much of Istio's validation runs on a decoded spec.
#[derive(Clone, Copy, PartialEq, Debug, Default)]
pub enum Depth {
    /// The CRD's structural schema and CEL rules as the API server applies them, then the
    /// webhook's rules (`skiff validate`).
    #[default]
    Everything,
    /// The CRD's structural schema and CEL rules alone (what the API server enforces
    /// without istiod's webhook).
    Schema,
    /// The webhook's rules alone, as `istioctl validate` and `istioctl analyze` check; an
    /// enum value Istio does not know fails like a decode error, as Go's decoding rejects it.
    Webhook,
}

/// Decodes a spec into its kind's typed struct and applies istiod's rules; `Err` when it
/// does not decode.
fn run_kind(kind: &str, spec: Views, errs: &mut Vec<FieldError>) -> Result<(), FieldError> {
    match kind {
        "VirtualService" => typed(spec, errs, virtual_service::virtual_service),
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
        _ => Ok(()),
    }
}

fn typed<T: DeserializeOwned>(
    spec: Views,
    errs: &mut Vec<FieldError>,
    rules: fn(&T, &mut Vec<FieldError>),
) -> Result<(), FieldError> {
    let mut value = decode::<T>(spec.schema)?;
    if !std::ptr::eq(spec.schema, spec.rules) {
        value = decode::<T>(spec.rules)?;
    }
    rules(&value, errs);
    Ok(())
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
        assert!(
            p[0].contains("unknown field") && p[0].contains("bogus"),
            "{p:?}"
        );
        let p = problems("apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: d}\nspec:\n  host: [a]\n");
        assert!(p[0].contains("spec.host"), "{p:?}");
    }

    #[test]
    fn valid_resources_and_other_kinds_pass() {
        let ok = "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g}\nspec:\n  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ['*']\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {bogus: 1}\n";
        assert!(problems(ok).is_empty());
    }

    #[test]
    fn a_server_binds_to_an_ip_address_or_an_absolute_socket_path() {
        let gateway = |bind: &str| {
            format!("apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {{name: g}}\nspec:\n  servers:\n  - port: {{number: 80, name: http, protocol: HTTP}}\n    bind: {bind:?}\n    hosts: ['*']\n")
        };
        for good in [
            "10.0.0.1",
            "fe80::1%eth0",
            "unix:///var/run/gw.sock",
            "unix://@abstract",
        ] {
            assert!(problems(&gateway(good)).is_empty(), "{good}");
        }
        let p = problems(&gateway("a"));
        assert!(p[0].contains("a is not a valid IP"), "{p:?}");
        let p = problems(&gateway("unix://relative/x"));
        assert!(
            p[0].contains("relative/x is not an absolute path to a file"),
            "{p:?}"
        );
        let p = problems(&gateway("unix://"));
        assert!(p[0].contains("unix address must not be empty"), "{p:?}");
    }

    #[test]
    fn unserved_versions_are_rejected() {
        let p = problems(
            "apiVersion: networking.istio.io/v9\nkind: Gateway\nmetadata: {name: g}\nspec: {}\n",
        );
        assert!(p[0].contains("apiVersion"), "{p:?}");
    }
}
