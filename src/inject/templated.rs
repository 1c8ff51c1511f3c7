//! Injection by template, the way istiod's webhook injects: the pod's templates
//! (`inject.istio.io/templates`, else the config's defaults, aliases resolved) run over
//! istiod's template data, each result is strategically merged onto the pod, then the
//! pipeline's post-processing: the user's own versions of injected containers re-applied,
//! Prometheus merge, probe rewriting, the status annotation and container order.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::sidecar::{self, Owner};
use super::{cluster_info, prometheus};
use super::{InjectError, Settings};
use crate::gotmpl::{MapKind, Val};
use crate::model::smp::merge_pod;

const PROXY: &str = "istio-proxy";
/// Fields of istiod's template data that are Go `map[string]string`.
const STRING_MAPS: &[&str] = &["labels", "annotations", "nodeSelector", "proxyMetadata"];

/// The templates a pod asks for: its annotation, else the config's defaults, with aliases
/// expanded.
pub fn selected_templates(settings: &Settings, meta: &Value) -> Vec<String> {
    let names: Vec<String> = match meta
        .pointer("/annotations/inject.istio.io~1templates")
        .and_then(Value::as_str)
    {
        Some(list) => list.split(',').map(|n| n.trim().to_string()).collect(),
        None => settings.injector.default_templates.clone(),
    };
    names
        .into_iter()
        .flat_map(|n| {
            settings
                .injector
                .aliases
                .get(&n)
                .cloned()
                .unwrap_or_else(|| vec![n])
        })
        .collect()
}

/// Injects one pod template (metadata and spec) by running its templates.
pub fn inject_pod(
    settings: &Settings,
    owner: &Owner,
    meta: &mut Value,
    spec: &mut Value,
) -> Result<(), InjectError> {
    let original = json!({"metadata": meta.clone(), "spec": spec.clone()});
    // The effective ProxyConfig, read once: a proto enum left unset reads as its zero value.
    let mut pc = sidecar::proxy_config(settings, meta)?;
    if pc.get("interceptionMode").is_none() {
        pc["interceptionMode"] = json!("REDIRECT");
    }
    let data = template_data(settings, owner, meta, spec, &pc);
    let mut merged = original.clone();
    let mut template_pod = json!({});
    for name in selected_templates(settings, meta) {
        let template = settings.injector.template(&name).ok_or_else(|| {
            InjectError::Annotation(format!(
                "requested template {name:?} not found; have {}",
                settings.injector.template_names().join(", ")
            ))
        })?;
        let rendered = template.and_then(|t| t.execute(&data)).map_err(|e| {
            InjectError::Annotation(format!("failed to run injection template: {e}"))
        })?;
        let overlay: Value = serde_yaml::from_str(&rendered).map_err(|e| {
            InjectError::Annotation(format!(
                "failed parsing generated injected YAML of template {name:?}: {e}"
            ))
        })?;
        if !(overlay.is_null() || overlay.is_object()) {
            return Err(InjectError::Annotation(format!(
                "failed parsing generated injected YAML of template {name:?}: expected a pod (a mapping), found {}",
                crate::model::load::type_name(&overlay)
            )));
        }
        let overlay = if overlay.is_null() {
            json!({})
        } else {
            overlay
        };
        let failed =
            |e: String| InjectError::Annotation(format!("failed applying injection overlay: {e}"));
        template_pod = merge_pod(&template_pod, &overlay).map_err(failed)?;
        let proxy_as_init = named(template_pod.pointer("/spec/initContainers"), PROXY).is_some();
        if sidecar::native_sidecar(settings, meta) && proxy_as_init {
            move_proxy_to_init_containers(&mut merged);
        }
        merged = merge_pod(&merged, &overlay).map_err(failed)?;
    }
    reapply_user_containers(&mut merged, &original, &template_pod)?;
    adjust_init_user(&mut merged, &original, &pc);
    post_process(settings, &mut merged, &template_pod, meta, &pc);
    go_round_trip(&mut merged);
    *meta = merged.get("metadata").cloned().unwrap_or(json!({}));
    *spec = merged.get("spec").cloned().unwrap_or(json!({}));
    Ok(())
}

/// Probe and container integers Go leaves out when zero (`omitempty`).
const OMITTED_ZEROS: &[&str] = &[
    "initialDelaySeconds",
    "timeoutSeconds",
    "periodSeconds",
    "successThreshold",
    "failureThreshold",
    "terminationGracePeriodSeconds",
];

/// What decoding into Go's typed Pod and encoding again does to the merged pod: null
/// fields and fields the Kubernetes types do not have vanish, zero probe settings and empty
/// strings of containers are omitted, and resource quantities take their canonical form.
fn go_round_trip(pod: &mut Value) {
    drop_nulls(pod, false);
    if let Some(spec) = pod.get_mut("spec") {
        crate::model::operator_k8s::keep_pod_spec_fields(spec);
    }
    for field in ["containers", "initContainers"] {
        let Some(list) = pod["spec"].get_mut(field).and_then(Value::as_array_mut) else {
            continue;
        };
        for container in list.iter_mut() {
            omit_container_zeros(container);
            for kind in ["limits", "requests"] {
                if let Some(q) = container
                    .pointer_mut(&format!("/resources/{kind}"))
                    .and_then(Value::as_object_mut)
                {
                    q.values_mut()
                        .for_each(|v| *v = sidecar::canonical_quantity(v));
                }
            }
            *container = sidecar::in_go_container_order(container.take());
        }
    }
}

fn drop_nulls(value: &mut Value, in_string_map: bool) {
    match value {
        Value::Object(map) => {
            if !in_string_map {
                map.retain(|_, v| !v.is_null());
            }
            for (key, v) in map.iter_mut() {
                drop_nulls(v, STRING_MAPS.contains(&key.as_str()));
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| drop_nulls(v, false)),
        _ => {}
    }
}

fn omit_container_zeros(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|k, v| !(v == "" || (OMITTED_ZEROS.contains(&k.as_str()) && v == 0)));
            map.values_mut().for_each(omit_container_zeros);
        }
        Value::Array(items) => items.iter_mut().for_each(omit_container_zeros),
        _ => {}
    }
}

/// With a native sidecar the template injects the proxy as an init container; the user's
/// own istio-proxy customisation moves there too before the template is merged.
fn move_proxy_to_init_containers(pod: &mut Value) {
    let Some(containers) = pod["spec"]
        .get_mut("containers")
        .and_then(Value::as_array_mut)
    else {
        return;
    };
    let Some(i) = containers.iter().position(|c| c["name"] == PROXY) else {
        return;
    };
    let proxy = containers.remove(i);
    if !pod["spec"]
        .get("initContainers")
        .is_some_and(Value::is_array)
    {
        pod["spec"]["initContainers"] = json!([]);
    }
    if let Some(inits) = pod["spec"]["initContainers"].as_array_mut() {
        inits.push(proxy);
    }
}

/// A pod spec with its containers' and ports' fields in Go's struct order, as templates
/// that encode them (`structToJSON`) see them.
fn in_go_field_order(spec: &Value) -> Value {
    let mut spec = spec.clone();
    for field in ["containers", "initContainers"] {
        let Some(list) = spec.get_mut(field).and_then(Value::as_array_mut) else {
            continue;
        };
        for container in list.iter_mut() {
            if let Some(ports) = container.get_mut("ports").and_then(Value::as_array_mut) {
                ports
                    .iter_mut()
                    .for_each(|p| *p = sidecar::in_go_port_order(p));
            }
            *container = sidecar::in_go_container_order(container.take());
        }
    }
    spec
}

/// istiod's `SidecarTemplateData` for one pod, typed as Go sees it.
fn template_data(
    settings: &Settings,
    owner: &Owner,
    meta: &Value,
    spec: &Value,
    pc: &Value,
) -> Val {
    let native = sidecar::native_sidecar(settings, meta);
    let inbound = match settings
        .mesh
        .pointer("/inboundTrafficPolicy/mode")
        .and_then(Value::as_str)
    {
        Some("LOCALHOST") => "localhost",
        _ => "passthrough",
    };
    let data = json!({
        "TypeMeta": {"Kind": owner.kind, "APIVersion": owner.api_version},
        "DeploymentMeta": {"Name": owner.name, "Namespace": owner.namespace},
        "ObjectMeta": meta,
        "Spec": spec,
        "ProxyImage": sidecar::hub_proxy_image(settings, pc, meta),
        "ProxyConfig": pc,
        "MeshConfig": settings.mesh,
        "Values": settings.values,
        "Revision": settings.revision,
        "NativeSidecars": native,
        "ProxyUID": 1337,
        "ProxyGID": 1337,
        "InboundTrafficPolicyMode": inbound,
        "CompliancePolicy": "",
    });
    typed_template_data(&data)
}

/// istiod's template data given as JSON (its fields by Go name) typed as Go sees it:
/// `Values` is a `map[string]any`, everything else structs with their string maps.
pub fn typed_template_data(data: &Value) -> Val {
    let entries = data
        .as_object()
        .into_iter()
        .flatten()
        .map(|(key, value)| {
            let kind = if key == "Values" {
                MapKind::Any
            } else {
                MapKind::Struct
            };
            if key == "Spec" {
                let spec = in_go_field_order(value);
                return (key.clone(), Val::from_json(&spec, kind, STRING_MAPS));
            }
            (key.clone(), Val::from_json(value, kind, STRING_MAPS))
        })
        .collect();
    Val::map(entries, MapKind::Struct)
}

fn named<'a>(list: Option<&'a Value>, name: &str) -> Option<&'a Value> {
    list?
        .as_array()?
        .iter()
        .find(|c| c.get("name").and_then(Value::as_str) == Some(name))
}

fn names(list: Option<&Value>) -> Vec<String> {
    list.and_then(Value::as_array)
        .map(|l| {
            l.iter()
                .filter_map(|c| c.get("name").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// A container the user wrote under the same name as an injected one wins over the
/// template's fields (an image `auto` keeps the injected image); the overrides are recorded
/// in `proxy.istio.io/overrides`.
fn reapply_user_containers(
    merged: &mut Value,
    original: &Value,
    template_pod: &Value,
) -> Result<(), InjectError> {
    let mut overrides = Map::new();
    for field in ["containers", "initContainers"] {
        let mut applied = Vec::new();
        for name in names(template_pod.pointer(&format!("/spec/{field}"))) {
            let own = named(original.pointer("/spec/containers"), &name)
                .or_else(|| named(original.pointer("/spec/initContainers"), &name));
            let Some(own) = own else { continue };
            let mut overlay = own.clone();
            if overlay.get("image").and_then(Value::as_str) == Some("auto") {
                overlay.as_object_mut().map(|o| o.remove("image"));
            }
            let patch = json!({"spec": {field: [overlay.clone()]}});
            *merged = merge_pod(merged, &patch).map_err(InjectError::Annotation)?;
            applied.push(sidecar::go_encoded_container(overlay));
        }
        if !applied.is_empty() {
            overrides.insert(field.to_string(), Value::Array(applied));
        }
    }
    if !overrides.is_empty() {
        let text = serde_json::to_string(&Value::Object(overrides)).unwrap_or_default();
        merged["metadata"]["annotations"]["proxy.istio.io/overrides"] = json!(text);
    }
    Ok(())
}

/// The user's istio-proxy `runAsUser`/`runAsGroup` carried to the init side: in TPROXY
/// mode the proxy stays root; otherwise istio-validation runs as the proxy does, and the
/// init container's `-u` names the proxy's uid.
fn adjust_init_user(merged: &mut Value, original: &Value, pc: &Value) {
    let Some(user) =
        named(original.pointer("/spec/containers"), PROXY).and_then(|c| c.get("securityContext"))
    else {
        return;
    };
    let (uid, gid) = (
        user.get("runAsUser").cloned(),
        user.get("runAsGroup").cloned(),
    );
    if uid.is_none() && gid.is_none() {
        return;
    }
    let tproxy = pc.get("interceptionMode").and_then(Value::as_str) == Some("TPROXY")
        || merged
            .pointer("/metadata/annotations/sidecar.istio.io~1interceptionMode")
            .and_then(Value::as_str)
            == Some("TPROXY");
    let Some(init_name) = ["istio-init", "istio-validation"]
        .into_iter()
        .find(|n| named(merged.pointer("/spec/initContainers"), n).is_some())
    else {
        return;
    };
    if tproxy && uid.is_some() {
        if let Some(proxy) = proxy_container(merged) {
            proxy["securityContext"]["runAsUser"] = json!(0);
        }
    }
    let Some(init) = merged["spec"]["initContainers"]
        .as_array_mut()
        .and_then(|l| l.iter_mut().find(|c| c["name"] == init_name))
    else {
        return;
    };
    if !tproxy && init_name == "istio-validation" {
        for (key, value) in [("runAsUser", &uid), ("runAsGroup", &gid)] {
            if let Some(v) = value {
                init["securityContext"][key] = v.clone();
            }
        }
    }
    let Some(uid) = uid.and_then(|u| u.as_i64()).filter(|u| *u != 0) else {
        return;
    };
    if let Some(args) = init.get_mut("args").and_then(Value::as_array_mut) {
        if let Some(i) = args.iter().position(|a| a == "-u") {
            if i + 1 < args.len() {
                args[i + 1] = json!(uid.to_string());
            }
        }
    }
}

fn post_process(
    settings: &Settings,
    pod: &mut Value,
    template_pod: &Value,
    original_meta: &Value,
    pc: &Value,
) {
    if !pod["metadata"]
        .get("annotations")
        .is_some_and(Value::is_object)
    {
        pod["metadata"]["annotations"] = json!({});
    }
    let status_port = sidecar::status_port(settings, original_meta);
    let cluster_envs = cluster_info::cluster_envs(settings, original_meta);
    if let Some(env) = proxy_container(pod).and_then(|proxy| {
        proxy
            .as_object_mut()?
            .entry("env")
            .or_insert_with(|| json!([]))
            .as_array_mut()
    }) {
        cluster_info::overwrite_envs(env, &cluster_envs);
    }
    prometheus_merge(settings, pod);
    rewrite_probes(settings, pod, status_port);
    cluster_info::label_network(
        &mut pod["metadata"]["labels"],
        &cluster_info::network(settings, original_meta),
    );
    let list = |field: &str| {
        let n = names(template_pod.pointer(&format!("/spec/{field}")));
        if n.is_empty() {
            Value::Null
        } else {
            json!(n)
        }
    };
    let revision = if settings.revision.is_empty() {
        "default"
    } else {
        settings.revision.as_str()
    };
    let status = json!({
        "initContainers": list("initContainers"),
        "containers": list("containers"),
        "volumes": list("volumes"),
        "imagePullSecrets": list("imagePullSecrets"),
        "revision": revision,
    });
    pod["metadata"]["annotations"][sidecar::STATUS_ANNOTATION] =
        json!(serde_json::to_string(&status).unwrap_or_default());
    reorder(settings, pod, pc);
}

/// Istio's Prometheus merge of the injected pod (`prometheus`).
fn prometheus_merge(settings: &Settings, pod: &mut Value) {
    let Some(annotations) = pod["metadata"]["annotations"].as_object_mut() else {
        return;
    };
    let Some(app_scrape) = prometheus::app_scrape(settings, annotations) else {
        return;
    };
    prometheus::point_at_agent(settings, annotations);
    if app_scrape.values().any(|v| v != "") {
        if let Some(proxy) = proxy_container(pod) {
            push_env(
                proxy,
                "ISTIO_PROMETHEUS_ANNOTATIONS",
                Value::Object(app_scrape).to_string(),
            );
        }
    }
}

fn rewrite_probes(settings: &Settings, pod: &mut Value, status_port: i64) {
    let rewrite = match pod
        .pointer("/metadata/annotations/sidecar.istio.io~1rewriteAppHTTPProbers")
        .and_then(Value::as_str)
    {
        Some(v) => crate::model::annotations::parse_bool(v).unwrap_or(false),
        None => settings.value_bool("/sidecarInjectorWebhook/rewriteAppHTTPProbe"),
    };
    if !rewrite || proxy_container(pod).is_none() {
        return;
    }
    let mut probers = Map::new();
    for field in ["containers", "initContainers"] {
        if let Some(list) = pod["spec"].get_mut(field).and_then(Value::as_array_mut) {
            let mut own: Vec<Value> = list
                .iter()
                .filter(|c| c["name"] != PROXY)
                .cloned()
                .collect();
            if field == "initContainers" {
                own.retain(|c| c["restartPolicy"] == "Always");
            }
            probers.extend(sidecar::rewrite_probes(&mut own, status_port));
            for rewritten in own {
                if let Some(slot) = list.iter_mut().find(|c| c["name"] == rewritten["name"]) {
                    *slot = rewritten;
                }
            }
        }
    }
    if !probers.is_empty() {
        let sorted: BTreeMap<_, _> = probers.into_iter().collect();
        if let Some(proxy) = proxy_container(pod) {
            push_env(
                proxy,
                "ISTIO_KUBE_APP_PROBERS",
                serde_json::to_string(&sorted).unwrap_or_default(),
            );
        }
    }
}

fn proxy_container(pod: &mut Value) -> Option<&mut Value> {
    let in_containers = named(pod.pointer("/spec/containers"), PROXY).is_some();
    let field = if in_containers {
        "containers"
    } else {
        "initContainers"
    };
    pod["spec"]
        .get_mut(field)?
        .as_array_mut()?
        .iter_mut()
        .find(|c| c["name"] == PROXY)
}

fn push_env(container: &mut Value, name: &str, value: String) {
    if !container.get("env").is_some_and(Value::is_array) {
        container["env"] = json!([]);
    }
    if let Some(env) = container["env"].as_array_mut() {
        env.push(json!({"name": name, "value": value}));
    }
}

/// The proxy last among containers (first when the app waits for it); with a native
/// sidecar, istio-init/istio-validation then the proxy first among init containers;
/// otherwise istio-validation first and istio-init last.
fn reorder(settings: &Settings, pod: &mut Value, pc: &Value) {
    let hold = pc
        .get("holdApplicationUntilProxyStarts")
        .and_then(Value::as_bool)
        .unwrap_or(false)
        || settings.value_bool("/global/proxy/holdApplicationUntilProxyStarts");
    let spec = &mut pod["spec"];
    move_named(spec.get_mut("containers"), PROXY, hold);
    let native = named(spec.get("initContainers"), PROXY).is_some();
    let inits = spec.get_mut("initContainers");
    let Some(inits) = inits else { return };
    if native {
        for name in ["enable-core-dump", PROXY, "istio-validation", "istio-init"] {
            move_named(Some(inits), name, true);
        }
    } else {
        move_named(Some(&mut *inits), "istio-validation", true);
        move_named(Some(&mut *inits), "istio-init", false);
        move_named(Some(inits), "enable-core-dump", false);
    }
}

fn move_named(list: Option<&mut Value>, name: &str, first: bool) {
    let Some(items) = list.and_then(Value::as_array_mut) else {
        return;
    };
    if let Some(i) = items.iter().position(|c| c["name"] == name) {
        let item = items.remove(i);
        if first {
            items.insert(0, item);
        } else {
            items.push(item);
        }
    }
}
