//! The effective configuration: the `default` profile, the selected profile, settings
//! detected on the cluster, the `-f` files in order, the `--set` flags in order, then the
//! copies istioctl makes (`spec.hub` -> `values.global.hub`, ...), merged into one
//! validated IstioOperator that the renderer and kube-inject both start from.

pub mod profiles;

use std::path::Path;

use serde_json::{json, Map, Value};

use crate::model::{load, operator, operator_rules, setpath, Resource};

/// Why a configuration cannot be used. The CLI maps each kind to its exit code.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A flag or `--set` value that cannot be used (exit 64).
    #[error("{0}")]
    Usage(String),
    /// An IstioOperator, values or profile input that Istio rejects (exit 65).
    #[error("{0}")]
    Invalid(String),
    /// Anything else that stops the work, e.g. an unreadable file (exit 1).
    #[error("{0}")]
    Failed(String),
}

impl ConfigError {
    pub fn usage(message: impl Into<String>) -> Self {
        ConfigError::Usage(message.into())
    }
}

/// What the user asked to render.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub files: Vec<String>,
    pub sets: Vec<String>,
    pub revision: Option<String>,
    /// Demote IstioOperator validation errors to warnings.
    pub force: bool,
    /// The command has no `--force` (kube-inject): its errors do not suggest it.
    pub force_unavailable: bool,
    /// `PATH=VALUE` settings detected on the cluster (`--cluster-specific`, `install`):
    /// over the profile, under the user's files and flags.
    pub cluster_settings: Vec<String>,
}

/// The merged IstioOperator, what the user gave before any profile, and the warnings
/// found on the way.
#[derive(Debug, Clone)]
pub struct Merged {
    pub iop: Value,
    /// The `-f` files and `--set` flags alone (see `user_settings`).
    pub user: Value,
    pub warnings: Vec<String>,
}

/// Deep-merges `overlay` into `base` as istioctl's `MergeFrom` (and the charts'
/// `mustMergeOverwrite`) do: maps merge key by key, anything else (lists and a `null`
/// inside a map included) replaces. A `null` overlay itself means nothing was given.
pub fn overlay(base: &mut Value, overlay: &Value) {
    if !overlay.is_null() {
        merge_replacing(base, overlay);
    }
}

fn merge_replacing(base: &mut Value, overlay: &Value) {
    match (base, overlay) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    Some(existing) => merge_replacing(existing, v),
                    None => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (b, o) => *b = o.clone(),
    }
}

/// Reads one `-f` file: exactly one IstioOperator; its `spec` (and `metadata`).
fn read_operator_file(path: &str) -> Result<Option<Resource>, ConfigError> {
    let text = load::read_text(Path::new(path)).map_err(load_error)?;
    let display = load::display_name(Path::new(path));
    let docs = load::parse_documents(&text, &display).map_err(load_error)?;
    let mut found: Option<Resource> = None;
    for doc in docs {
        if doc.gvk.kind != operator::KIND {
            return Err(ConfigError::Invalid(format!(
                "{}: expected an IstioOperator, found kind {:?}",
                doc.source, doc.gvk.kind
            )));
        }
        if found.is_some() {
            return Err(ConfigError::Invalid(format!(
                "{}: contains multiple IstioOperator CRs, only one per file is supported",
                doc.source
            )));
        }
        for field in ["metadata", "spec"] {
            if let Some(value) = doc
                .object
                .get(field)
                .filter(|v| !v.is_null() && !v.is_object())
            {
                return Err(ConfigError::Invalid(format!(
                    "{}: IstioOperator {field} must be a mapping, not {}",
                    doc.source,
                    load::type_name(value)
                )));
            }
        }
        found = Some(doc);
    }
    Ok(found)
}

/// Where a problem of the merged IstioOperator comes from: the `file:line` of the last
/// user file that sets the field the message starts with, if any.
fn problem_origin(files: &[Resource], message: &str) -> Option<String> {
    let field = operator_rules::message_path(message)?;
    let path = format!("spec.{field}");
    let sets = |doc: &&Resource| {
        let pointer = format!("/{}", path.replace('.', "/"));
        let pointer = pointer.replace(['[', ']'], "/").replace("//", "/");
        doc.object.pointer(pointer.trim_end_matches('/')).is_some()
    };
    let doc = files.iter().rev().find(sets)?;
    Some(format!("{}:{}", doc.source.file, doc.line_of(&path)))
}

fn load_error(e: load::LoadError) -> ConfigError {
    if e.is_parse_error() {
        ConfigError::Invalid(e.to_string())
    } else {
        ConfigError::Failed(e.to_string())
    }
}

/// Deeper than any IstioOperator or Helm value path; longer `--set` paths are refused.
const MAX_SET_DEPTH: usize = 64;

/// Applies one `--set PATH=VALUE` to an IstioOperator document (paths are relative to
/// `spec`, as in istioctl).
pub fn apply_set(iop: &mut Value, assignment: &str) -> Result<(), ConfigError> {
    let (path, raw) = assignment
        .split_once('=')
        .ok_or_else(|| ConfigError::usage(format!("--set {assignment:?}: expected PATH=VALUE")))?;
    let path = path.trim();
    let path = path.strip_prefix("spec.").unwrap_or(path);
    let value = setpath::parse_value(path, raw);
    let mut segments = setpath::split_path(path).map_err(ConfigError::usage)?;
    if segments.first().is_some_and(|s| s.starts_with('[')) {
        return Err(ConfigError::usage(format!(
            "--set {assignment:?}: a path starts with a field name, not a list index"
        )));
    }
    if segments.len() > MAX_SET_DEPTH {
        return Err(ConfigError::usage(format!(
            "--set: a path of {} fields is deeper than any IstioOperator field ({MAX_SET_DEPTH} at most)",
            segments.len()
        )));
    }
    segments.insert(0, "spec".into());
    setpath::set(iop, &segments, value)
        .map_err(|e| ConfigError::usage(format!("--set {path}: {e}")))
}

/// What the user gave, before any profile: the `-f` files merged in order, then each
/// `--set` and the revision flag. Returns the document and the files read.
fn user_settings(
    request: &Request,
    warnings: &mut Vec<String>,
) -> Result<(Value, Vec<Resource>), ConfigError> {
    let mut user = json!({"apiVersion": operator::API_VERSION, "kind": operator::KIND, "spec": {}});
    let mut files = Vec::new();
    for file in &request.files {
        if let Some(doc) = read_operator_file(file)? {
            let mut object = doc.object.clone();
            // istioctl drops an empty `spec:` rather than merging its null.
            if object.get("spec").is_some_and(Value::is_null) {
                object.as_object_mut().map(|o| o.remove("spec"));
            }
            overlay(&mut user, &object);
            files.push(doc);
        }
    }
    for assignment in &request.sets {
        if assignment.trim_start().starts_with("installPackagePath=") {
            warnings.push(
                "--set installPackagePath is ignored: skiff renders Istio natively, without charts"
                    .into(),
            );
            continue;
        }
        apply_set(&mut user, assignment)?;
    }
    if let Some(revision) = &request.revision {
        apply_set(&mut user, &format!("revision={revision}"))?;
    }
    Ok((user, files))
}

/// Merges the request into one IstioOperator document.
pub fn merge(request: &Request) -> Result<Merged, ConfigError> {
    let mut warnings = Vec::new();
    let (user, files) = user_settings(request, &mut warnings)?;
    let profile = match user.pointer("/spec/profile") {
        None | Some(Value::Null) => "default".to_string(),
        Some(Value::String(s)) if s.is_empty() => "default".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            return Err(ConfigError::usage(format!(
                "spec.profile must be a string, got {other}"
            )))
        }
    };
    let mut spec = profiles::spec("default").expect("default profile");
    match profiles::spec(&profile) {
        Some(p) => overlay(&mut spec, &p),
        None => {
            return Err(ConfigError::usage(format!(
                "unknown profile {profile:?} (built-in profiles: {})",
                profiles::NAMES.join(", ")
            )))
        }
    }
    let mut iop = json!({"apiVersion": operator::API_VERSION, "kind": operator::KIND, "metadata": {}, "spec": spec});
    for setting in &request.cluster_settings {
        apply_set(&mut iop, setting)?;
    }
    overlay(&mut iop, &user);
    copy_top_level_settings(&mut iop);
    if let Some(user_values) = user.pointer("/spec/values") {
        overlay(&mut iop["spec"]["values"], user_values);
    }
    copy_component_enablement(&mut iop);
    let namespace = iop
        .pointer("/spec/values/global/istioNamespace")
        .and_then(Value::as_str)
        .unwrap_or("istio-system")
        .to_string();
    iop["metadata"]["namespace"] = json!(namespace);

    let invalid =
        operator::IstioOperator::from_value(&iop).and_then(|_| operator_rules::check(&iop));
    if let Err(e) = invalid {
        let message = match problem_origin(&files, &e) {
            Some(origin) => format!("{origin}: invalid IstioOperator: {e}"),
            None => format!("invalid IstioOperator: {e}"),
        };
        if request.force {
            warnings.push(format!("{message} (ignored: --force)"));
        } else {
            let hint = if request.force_unavailable {
                ""
            } else {
                " (use --force to proceed anyway)"
            };
            return Err(ConfigError::Invalid(format!("{message}{hint}")));
        }
    }
    Ok(Merged {
        iop,
        user,
        warnings,
    })
}

/// istioctl copies these `spec` fields into the values the charts read.
fn copy_top_level_settings(iop: &mut Value) {
    let spec = iop["spec"].as_object().cloned().unwrap_or_default();
    let values = iop["spec"]
        .as_object_mut()
        .expect("spec object")
        .entry("values")
        .or_insert_with(|| Value::Object(Map::new()));
    if !values.is_object() {
        *values = Value::Object(Map::new());
    }
    let mut copy = |from: &str, to: &[&str]| {
        if let Some(v) = spec.get(from).filter(|v| !v.is_null()) {
            let path: Vec<String> = to.iter().map(|s| s.to_string()).collect();
            let mut current = json!({});
            let _ = setpath::set(&mut current, &path, v.clone());
            overlay(values, &current);
        }
    };
    copy("hub", &["global", "hub"]);
    copy("tag", &["global", "tag"]);
    copy("revision", &["revision"]);
    copy("meshConfig", &["meshConfig"]);
    copy("compatibilityVersion", &["compatibilityVersion"]);
}

/// istioctl copies the components' enablement into the values (unset reads as false),
/// and it wins over the user's own `values.pilot.enabled` / `values.pilot.cni.enabled`.
fn copy_component_enablement(iop: &mut Value) {
    let enabled = |component: &str| {
        iop.pointer(&format!("/spec/components/{component}/enabled"))
            .and_then(Value::as_bool)
            .unwrap_or(false)
    };
    let (pilot, cni) = (enabled("pilot"), enabled("cni"));
    overlay(
        &mut iop["spec"]["values"],
        &json!({"pilot": {"enabled": pilot, "cni": {"enabled": cni}}}),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merged(sets: &[&str]) -> Value {
        merge(&Request {
            sets: sets.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        })
        .unwrap()
        .iop
    }

    #[test]
    fn profile_then_set_then_copies() {
        let iop = merged(&[
            "profile=demo",
            "hub=example.com/istio",
            "values.pilot.traceSampling=5",
        ]);
        assert_eq!(
            iop["spec"]["components"]["egressGateways"][0]["enabled"],
            true
        );
        assert_eq!(iop["spec"]["values"]["global"]["hub"], "example.com/istio");
        assert_eq!(iop["spec"]["values"]["pilot"]["traceSampling"], 5);
        assert_eq!(iop["spec"]["values"]["profile"], "demo");
    }

    #[test]
    fn cluster_settings_sit_between_the_profile_and_the_user() {
        let request = |sets: &[&str]| Request {
            sets: sets.iter().map(|s| s.to_string()).collect(),
            cluster_settings: vec![
                "components.cni.namespace=kube-system".into(),
                "values.global.platform=gke".into(),
            ],
            ..Default::default()
        };
        let iop = merge(&request(&[])).unwrap().iop;
        assert_eq!(iop["spec"]["components"]["cni"]["namespace"], "kube-system");
        assert_eq!(iop["spec"]["values"]["global"]["platform"], "gke");
        let iop = merge(&request(&["values.global.platform=openshift"]))
            .unwrap()
            .iop;
        assert_eq!(iop["spec"]["values"]["global"]["platform"], "openshift");
    }

    #[test]
    fn user_values_win_over_copied_spec_fields() {
        let iop = merged(&["hub=a", "values.global.hub=b"]);
        assert_eq!(iop["spec"]["values"]["global"]["hub"], "b");
    }

    #[test]
    fn unknown_profile_and_bad_fields_are_errors() {
        let e = merge(&Request {
            sets: vec!["profile=nope".into()],
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.to_string().contains("unknown profile"), "{e}");
        let e = merge(&Request {
            sets: vec!["components.pilott.enabled=true".into()],
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.to_string().contains("pilott"), "{e}");
        let forced = merge(&Request {
            sets: vec!["components.pilott.enabled=true".into()],
            force: true,
            ..Default::default()
        })
        .unwrap();
        assert_eq!(forced.warnings.len(), 1);
    }

    #[test]
    fn the_force_hint_is_left_out_where_the_command_has_no_force() {
        let mut request = Request {
            sets: vec!["values.global.proxy.resources=5".into()],
            ..Default::default()
        };
        let with_hint = merge(&request).unwrap_err().to_string();
        assert!(
            with_hint.ends_with("(use --force to proceed anyway)"),
            "{with_hint}"
        );
        request.force_unavailable = true;
        let without = merge(&request).unwrap_err().to_string();
        assert!(
            without.contains("values.global.proxy.resources") && !without.contains("--force"),
            "{without}"
        );
    }

    #[test]
    fn null_inside_the_overlay_replaces_the_base_as_istioctl_merges() {
        let mut base = json!({"a": {"b": 1, "c": 2}});
        overlay(&mut base, &json!({"a": {"b": null}}));
        assert_eq!(base, json!({"a": {"b": null, "c": 2}}));
        overlay(&mut base, &Value::Null);
        assert_eq!(base, json!({"a": {"b": null, "c": 2}}));
    }
}
