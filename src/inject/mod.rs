//! Sidecar injection of manifests, offline (pure): finds the pod templates of the kinds
//! Istio injects, injects them with `sidecar`, keeps every other document as it was,
//! and keeps document order.

mod cluster_info;
mod config;
mod prometheus;
mod settings;
mod sidecar;
mod templated;
mod uninject;

use serde_json::Value;
use thiserror::Error;

pub use config::InjectorConfig;
pub use settings::{merge, Settings};
pub use sidecar::{canonical_quantity, hub_proxy_image, STATUS_ANNOTATION};
pub use templated::typed_template_data;

use crate::model::document_stream::{DocumentStream, OwnedDocument};
use crate::model::{load, parallel};
use crate::output::yaml;

/// Why an injection stopped. The CLI maps both to exit 1 (a bad input, named).
#[derive(Debug, Error)]
pub enum InjectError {
    /// An injection annotation Istio refuses (a bad port list, an unknown template, ...).
    #[error("{0}")]
    Annotation(String),
    /// A document that cannot be injected: where it is, what it is, and why.
    #[error("{source_ref}: {kind} {name}: {message}")]
    Document {
        source_ref: String,
        kind: String,
        name: String,
        message: String,
    },
}

/// Namespaces whose workloads are never injected.
const SYSTEM_NAMESPACES: &[&str] = &[
    "kube-system",
    "kube-public",
    "kube-node-lease",
    "local-path-storage",
];

/// Where the pod template of an injectable kind is (`""` = the object is the pod).
fn template_pointer(api_version: &str, kind: &str) -> Option<&'static str> {
    match (api_version, kind) {
        ("v1", "Pod") => Some(""),
        ("v1", "ReplicationController") => Some("/spec/template"),
        (_, "Deployment" | "DaemonSet" | "ReplicaSet" | "StatefulSet")
            if api_version.starts_with("apps/") || api_version.starts_with("extensions/") =>
        {
            Some("/spec/template")
        }
        (_, "Job") if api_version.starts_with("batch/") => Some("/spec/template"),
        (_, "CronJob") if api_version.starts_with("batch/") => {
            Some("/spec/jobTemplate/spec/template")
        }
        ("apps.openshift.io/v1", "DeploymentConfig") | ("v1", "DeploymentConfig") => {
            Some("/spec/template")
        }
        ("argoproj.io/v1alpha1", "Rollout") => Some("/spec/template"),
        _ => None,
    }
}

/// The outcome for one document; each gives the object back.
pub enum Outcome {
    Injected(Value),
    /// Not an injectable kind: the original text is kept.
    Unchanged(Value),
    /// Injectable but skipped, with the reason for stderr.
    Skipped(Value, String),
}

/// Injects one object (a `List` item by item).
pub fn inject_object(settings: &Settings, mut object: Value) -> Result<Outcome, InjectError> {
    let kind = str_at(&object, "/kind").to_string();
    if kind == "List" {
        return each_item(object, &mut |item| inject_object(settings, item));
    }
    let api_version = str_at(&object, "/apiVersion").to_string();
    check_template_ancestors(&object)?;
    let Some((meta_pointer, spec_pointer)) = pod_template(&object) else {
        return Ok(Outcome::Unchanged(object));
    };
    check_pod_shape(&object, &meta_pointer, &spec_pointer)?;
    let name = str_at(&object, "/metadata/name").to_string();
    let namespace = str_at(&object, "/metadata/namespace").to_string();
    let qualified = if namespace.is_empty() {
        name.clone()
    } else {
        format!("{namespace}/{name}")
    };
    let empty = Value::Object(Default::default());
    let skip = {
        let meta = object.pointer(&meta_pointer).unwrap_or(&empty);
        let spec = object.pointer(&spec_pointer).unwrap_or(&empty);
        if !settings.reinject
            && meta
                .get("annotations")
                .and_then(|a| a.get(STATUS_ANNOTATION))
                .is_some()
        {
            Some("is already injected".to_string())
        } else if SYSTEM_NAMESPACES.contains(&namespace.as_str()) {
            Some(format!("is in namespace {namespace}"))
        } else if let Some(reason) = sidecar::skip_reason(meta, spec) {
            Some(reason.to_string())
        } else {
            let empty_labels = Default::default();
            let labels = meta
                .get("labels")
                .and_then(Value::as_object)
                .unwrap_or(&empty_labels);
            let asks = ["labels", "annotations"].iter().any(|field| {
                meta.get(*field)
                    .and_then(|m| m.get("sidecar.istio.io/inject"))
                    .and_then(Value::as_str)
                    == Some("true")
            });
            settings
                .injector
                .skip_reason(labels, asks)
                .map(str::to_string)
        }
    };
    if let Some(reason) = skip {
        let message = format!("===> Skipping injection because {kind} \"{qualified}\" {reason}");
        return Ok(Outcome::Skipped(object, message));
    }
    if let Some(annotations) = object
        .pointer(&meta_pointer)
        .and_then(|m| m.get("annotations"))
    {
        check_annotations(annotations)?;
    }
    let mut meta = take_pointer(&mut object, &meta_pointer);
    let mut spec = take_pointer(&mut object, &spec_pointer);
    // An injected pod gets the current sidecar in place of its old one; its labels and
    // annotations keep their order, so re-injecting the same sidecar changes nothing.
    let key_order = |meta: &Value, field: &str| -> Vec<String> {
        meta.get(field)
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    };
    let reinjected = meta
        .get("annotations")
        .and_then(|a| a.get(STATUS_ANNOTATION))
        .is_some()
        .then(|| (key_order(&meta, "labels"), key_order(&meta, "annotations")));
    uninject::uninject_pod(&mut meta, &mut spec);
    let owner = sidecar::Owner {
        api_version: &api_version,
        kind: &kind,
        name: &name,
        namespace: &namespace,
    };
    // skiff injects its own `sidecar` or `gateway` template natively (the same result,
    // tests/it/inject_templates.rs); any other selection runs the templates.
    let selected = templated::selected_templates(settings, &meta);
    match selected.as_slice() {
        [one]
            if (one == "sidecar" || one == "gateway")
                && !settings.injector.runs_own_template(one) =>
        {
            sidecar::inject_pod(settings, &owner, one == "gateway", &mut meta, &mut spec)?
        }
        _ => templated::inject_pod(settings, &owner, &mut meta, &mut spec)?,
    }
    if let Some(annotations) = meta.get_mut("annotations").and_then(Value::as_object_mut) {
        for (k, v) in &settings.injector.injected_annotations {
            annotations.insert(k.clone(), v.clone());
        }
    }
    if let Some((labels, annotations)) = reinjected {
        reorder(&mut meta, "labels", &labels);
        reorder(&mut meta, "annotations", &annotations);
    }
    set_pointer(&mut object, &meta_pointer, meta);
    set_pointer(&mut object, &spec_pointer, spec);
    add_status_counters(&kind, &mut object);
    Ok(Outcome::Injected(object))
}

/// Istio's check of a pod's annotations before any template runs: every annotation istiod
/// validates must have a valid value (all refusals named, in annotation order).
fn check_annotations(annotations: &Value) -> Result<(), InjectError> {
    let refusals: Vec<String> = annotations
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(name, value)| {
            let value = value.as_str()?;
            let why = crate::model::annotations::value_error(name, value)?;
            Some(format!(
                "invalid value '{value}' for annotation '{name}': {why}"
            ))
        })
        .collect();
    if refusals.is_empty() {
        Ok(())
    } else {
        Err(InjectError::Annotation(refusals.join("; ")))
    }
}

/// Removes the sidecar from one object (a `List` item by item); `Injected` means
/// "changed" here.
pub fn uninject_object(mut object: Value) -> Result<Outcome, InjectError> {
    if str_at(&object, "/kind") == "List" {
        return each_item(object, &mut uninject_object);
    }
    check_template_ancestors(&object)?;
    let Some((meta_pointer, spec_pointer)) = pod_template(&object) else {
        return Ok(Outcome::Unchanged(object));
    };
    check_pod_shape(&object, &meta_pointer, &spec_pointer)?;
    let mut meta = take_pointer(&mut object, &meta_pointer);
    let mut spec = take_pointer(&mut object, &spec_pointer);
    let changed = uninject::uninject_pod(&mut meta, &mut spec);
    set_pointer(&mut object, &meta_pointer, meta);
    set_pointer(&mut object, &spec_pointer, spec);
    Ok(if changed {
        Outcome::Injected(object)
    } else {
        Outcome::Unchanged(object)
    })
}

/// Applies `transform` to every item of a `List`.
fn each_item(
    mut list: Value,
    transform: &mut dyn FnMut(Value) -> Result<Outcome, InjectError>,
) -> Result<Outcome, InjectError> {
    let mut changed = false;
    if let Some(items) = list.get_mut("items").and_then(Value::as_array_mut) {
        for item in items.iter_mut() {
            match transform(std::mem::take(item))? {
                Outcome::Injected(v) => {
                    *item = v;
                    changed = true;
                }
                Outcome::Unchanged(v) | Outcome::Skipped(v, _) => *item = v,
            }
        }
    }
    Ok(if changed {
        Outcome::Injected(list)
    } else {
        Outcome::Unchanged(list)
    })
}

/// The pointers of the pod template's metadata and spec, for the kinds Istio injects
/// that have one. For CronJobs Istio labels and annotates the job template's metadata.
fn pod_template(object: &Value) -> Option<(String, String)> {
    let kind = str_at(object, "/kind");
    let pointer = template_pointer(str_at(object, "/apiVersion"), kind)?;
    if !pointer.is_empty() && object.pointer(pointer).is_none() {
        return None;
    }
    let meta = if kind == "CronJob" {
        "/spec/jobTemplate/metadata".to_string()
    } else {
        format!("{pointer}/metadata")
    };
    Some((meta, format!("{pointer}/spec")))
}

/// The objects on the way to an injectable kind's pod template (`spec`, a CronJob's
/// `jobTemplate`, ...) must be mappings when present: Kubernetes' types cannot hold
/// anything else there, and a workload that does not decode is not passed through.
fn check_template_ancestors(object: &Value) -> Result<(), InjectError> {
    let kind = str_at(object, "/kind");
    let Some(pointer) = template_pointer(str_at(object, "/apiVersion"), kind) else {
        return Ok(());
    };
    let segments: Vec<&str> = pointer.split('/').skip(1).collect();
    for depth in 1..segments.len() {
        let ancestor = format!("/{}", segments[..depth].join("/"));
        if object.pointer(&ancestor).is_some() {
            expect_shape(object, &ancestor, Shape::Mapping)?;
        }
    }
    Ok(())
}

/// What a field of a pod template must be, as Kubernetes' types say.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    Mapping,
    List,
    Text,
    Integer,
}

impl Shape {
    fn fits(self, value: &Value) -> bool {
        match self {
            Shape::Mapping => value.is_object(),
            Shape::List => value.is_array(),
            Shape::Text => value.is_string(),
            Shape::Integer => value.is_i64() || value.is_u64(),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Shape::Mapping => "a mapping",
            Shape::List => "a list",
            Shape::Text => "a string",
            Shape::Integer => "an integer",
        }
    }
}

/// The fields of a container injection reads or rewrites, with their shapes.
const CHECKED_CONTAINER_FIELDS: &[(&str, Shape)] = &[
    ("name", Shape::Text),
    ("ports", Shape::List),
    ("env", Shape::List),
    ("readinessProbe", Shape::Mapping),
    ("livenessProbe", Shape::Mapping),
    ("startupProbe", Shape::Mapping),
    ("lifecycle", Shape::Mapping),
    ("securityContext", Shape::Mapping),
    ("resources", Shape::Mapping),
];

/// A pod template of the wrong shape is an error naming the field, never injected into:
/// injection would otherwise replace or drop what the user wrote.
fn check_pod_shape(
    object: &Value,
    meta_pointer: &str,
    spec_pointer: &str,
) -> Result<(), InjectError> {
    let template = spec_pointer.trim_end_matches("/spec");
    if !template.is_empty() {
        expect_shape(object, template, Shape::Mapping)?;
    }
    expect_shape(object, meta_pointer, Shape::Mapping)?;
    let meta = object.pointer(meta_pointer);
    let meta_path = || dotted(meta_pointer);
    for map in ["labels", "annotations"] {
        let field = meta.and_then(|m| m.get(map));
        expect_at(field, Shape::Mapping, || format!("{}.{map}", meta_path()))?;
    }
    expect_shape(object, spec_pointer, Shape::Mapping)?;
    let spec = object.pointer(spec_pointer);
    let spec_path = || dotted(spec_pointer);
    for list in [
        "containers",
        "initContainers",
        "volumes",
        "imagePullSecrets",
    ] {
        let field = spec.and_then(|s| s.get(list));
        expect_at(field, Shape::List, || format!("{}.{list}", spec_path()))?;
    }
    for map in ["labels", "annotations"] {
        let entries = meta.and_then(|m| m.get(map)).and_then(Value::as_object);
        for (key, value) in entries.into_iter().flatten() {
            expect_at(Some(value), Shape::Text, || {
                format!("{}.{map}.{key}", meta_path())
            })?;
        }
    }
    for list in ["containers", "initContainers"] {
        let containers = spec.and_then(|s| s.get(list)).and_then(Value::as_array);
        for (i, container) in containers.into_iter().flatten().enumerate() {
            check_container_shape(container, &|| format!("{}.{list}.{i}", spec_path()))?;
        }
    }
    Ok(())
}

/// The shapes of one container's fields that injection reads or rewrites.
/// `path` names the container (dotted) and is only called on error.
fn check_container_shape(container: &Value, path: &dyn Fn() -> String) -> Result<(), InjectError> {
    expect_at(Some(container), Shape::Mapping, path)?;
    for (field, shape) in CHECKED_CONTAINER_FIELDS {
        expect_at(container.get(*field), *shape, || {
            format!("{}.{field}", path())
        })?;
    }
    let ports = container.get("ports").and_then(Value::as_array);
    for (j, port) in ports.into_iter().flatten().enumerate() {
        expect_at(Some(port), Shape::Mapping, || {
            format!("{}.ports.{j}", path())
        })?;
        let number = port.get("containerPort");
        expect_at(number, Shape::Integer, || {
            format!("{}.ports.{j}.containerPort", path())
        })?;
    }
    Ok(())
}

/// An absent or null field fits any shape; a present one must have it.
fn expect_shape(object: &Value, pointer: &str, shape: Shape) -> Result<(), InjectError> {
    expect_at(object.pointer(pointer), shape, || dotted(pointer))
}

/// `expect_shape` for a value already found; `path` names it (dotted) only on error.
fn expect_at(
    value: Option<&Value>,
    shape: Shape,
    path: impl FnOnce() -> String,
) -> Result<(), InjectError> {
    match value {
        None | Some(Value::Null) => Ok(()),
        Some(value) if shape.fits(value) => Ok(()),
        Some(value) => Err(InjectError::Annotation(format!(
            "{} must be {}, not {}",
            path(),
            shape.name(),
            load::type_name(value)
        ))),
    }
}

/// A JSON pointer as the dotted field path errors show.
fn dotted(pointer: &str) -> String {
    pointer
        .trim_start_matches('/')
        .split('/')
        .map(|segment| segment.replace("~1", "/").replace("~0", "~"))
        .collect::<Vec<_>>()
        .join(".")
}

/// Puts the keys of `meta[field]` that are in `order` first, in that order.
fn reorder(meta: &mut Value, field: &str, order: &[String]) {
    let Some(map) = meta.get_mut(field).and_then(Value::as_object_mut) else {
        return;
    };
    let mut rest = std::mem::take(map);
    for key in order {
        if let Some(v) = rest.shift_remove(key) {
            map.insert(key.clone(), v);
        }
    }
    map.extend(rest);
}

/// Moves the value at `pointer` out of `root` (an empty object when absent).
fn take_pointer(root: &mut Value, pointer: &str) -> Value {
    root.pointer_mut(pointer)
        .map(std::mem::take)
        .unwrap_or_else(|| Value::Object(Default::default()))
}

/// The status counters Kubernetes always serializes for these kinds, and the zero values
/// it leaves out (istioctl re-encodes the objects it injects).
fn add_status_counters(kind: &str, object: &mut Value) {
    let counters: &[&str] = match kind {
        "ReplicaSet" | "ReplicationController" => &["replicas"],
        "StatefulSet" => &["availableReplicas", "replicas"],
        "DaemonSet" => &[
            "currentNumberScheduled",
            "desiredNumberScheduled",
            "numberMisscheduled",
            "numberReady",
        ],
        "DeploymentConfig" => &[
            "availableReplicas",
            "latestVersion",
            "observedGeneration",
            "replicas",
            "unavailableReplicas",
            "updatedReplicas",
        ],
        _ => &[],
    };
    if counters.is_empty() {
        return;
    }
    let Some(obj) = object.as_object_mut() else {
        return;
    };
    let status = obj
        .entry("status")
        .or_insert_with(|| Value::Object(Default::default()));
    if let Some(status) = status.as_object_mut() {
        for c in counters {
            status.entry(c.to_string()).or_insert(Value::from(0));
        }
    }
    if kind == "DeploymentConfig" {
        if let Some(spec) = obj.get_mut("spec").and_then(Value::as_object_mut) {
            spec.entry("test").or_insert(Value::Bool(false));
            // Zero values of these omitempty fields vanish in the re-encoding.
            if spec.get("paused") == Some(&Value::Bool(false)) {
                spec.shift_remove("paused");
            }
            if spec.get("minReadySeconds").and_then(Value::as_i64) == Some(0) {
                spec.shift_remove("minReadySeconds");
            }
        }
    }
}

fn set_pointer(root: &mut Value, pointer: &str, value: Value) {
    let mut node = root;
    for segment in pointer.split('/').skip(1) {
        if !node.is_object() {
            *node = Value::Object(Default::default());
        }
        node = node
            .as_object_mut()
            .expect("object")
            .entry(segment.to_string())
            .or_insert(Value::Null);
    }
    *node = value;
}

/// Injects every document of one file's text, writing each output document (followed
/// by `---`) to `out` as soon as it is injected, so memory stays that of a few documents.
/// Warnings go to `warnings`. Errors: `LoadError` (unparseable), `InjectError`, or the
/// writer's I/O error.
pub fn inject_text(
    settings: &Settings,
    text: &str,
    file: &str,
    out: &mut dyn std::io::Write,
    warnings: &mut Vec<String>,
) -> anyhow::Result<()> {
    inject_stream(settings, text.as_bytes(), file, out, warnings)
}

/// `inject_text` of a file read as it is injected: neither it nor the output is held whole.
pub fn inject_stream(
    settings: &Settings,
    input: impl std::io::BufRead + Send,
    file: &str,
    out: &mut dyn std::io::Write,
    warnings: &mut Vec<String>,
) -> anyhow::Result<()> {
    transform_stream(input, file, out, warnings, &|o| inject_object(settings, o))
}

/// `inject_stream` for `kube-uninject`.
pub fn uninject_stream(
    input: impl std::io::BufRead + Send,
    file: &str,
    out: &mut dyn std::io::Write,
    warnings: &mut Vec<String>,
) -> anyhow::Result<()> {
    transform_stream(input, file, out, warnings, &uninject_object)
}

/// The type of `inject_object`/`uninject_object`: one object in, its outcome out.
type Transform<'a> = dyn Fn(Value) -> Result<Outcome, InjectError> + Sync + 'a;

/// Documents go to the cores this many at a time (fewer hand-overs between threads)...
const GROUP: usize = 4;
/// ...and at most this many groups are transformed ahead of the one being written:
/// output keeps document order and memory stays bounded.
const WINDOW: usize = 16;

/// Streams the documents of a file through `transform`: documents it leaves unchanged
/// are written as they were. The first failing document (in file order) is the error.
fn transform_stream(
    input: impl std::io::BufRead + Send,
    file: &str,
    out: &mut dyn std::io::Write,
    warnings: &mut Vec<String>,
    transform: &Transform<'_>,
) -> anyhow::Result<()> {
    let non_blank = DocumentStream::new(input, file)
        .filter(|chunk| chunk.as_ref().map_or(true, |c| !c.raw().is_blank()));
    let transform_group = |group: Vec<Result<OwnedDocument, load::LoadError>>| -> Vec<_> {
        group
            .into_iter()
            .map(|chunk| transform_chunk(chunk?.raw(), file, transform))
            .collect()
    };
    parallel::for_each_in_order(
        parallel::groups(non_blank, GROUP),
        WINDOW,
        transform_group,
        |results| {
            for result in results {
                let (rendered, notes) = result?;
                warnings.extend(notes);
                out.write_all(rendered.as_bytes())?;
            }
            Ok(())
        },
    )
}

/// The documents of one `---` chunk transformed and rendered, with their warnings.
fn transform_chunk(
    chunk: load::RawDocument,
    file: &str,
    transform: &Transform<'_>,
) -> anyhow::Result<(String, Vec<String>)> {
    // An injected pod's text is several times its input's.
    let mut rendered = String::with_capacity(chunk.text.len() * 8);
    let mut notes = Vec::new();
    for document in load::parse_chunk(chunk, file) {
        let (raw, object) = document?;
        if !object.is_object() {
            return Err(load::LoadError::Parse {
                file: file.to_string(),
                line: raw.first_line,
                message: format!(
                    "expected a Kubernetes object (a mapping), found {}",
                    load::type_name(&object)
                ),
            }
            .into());
        }
        let kind = str_at(&object, "/kind").to_string();
        let name = str_at(&object, "/metadata/name").to_string();
        let outcome = transform(object).map_err(|e| InjectError::Document {
            source_ref: format!("{file}:{}", raw.first_line),
            kind,
            name,
            message: e.to_string(),
        })?;
        match outcome {
            Outcome::Injected(v) => yaml::push(&mut rendered, &v),
            Outcome::Skipped(object, w) => {
                notes.push(w);
                yaml::push(&mut rendered, &object);
            }
            // Documents skiff does not inject are kept exactly as they were written.
            Outcome::Unchanged(_) => {
                rendered.push_str(raw.text.trim_matches('\n'));
                rendered.push('\n');
            }
        }
        rendered.push_str("---\n");
    }
    Ok((rendered, notes))
}

fn str_at<'a>(object: &'a Value, pointer: &str) -> &'a str {
    object
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or("")
}
