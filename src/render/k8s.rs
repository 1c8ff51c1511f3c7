//! A component's `k8s:` settings (resources, replicas, env, scheduling, HPA/PDB specs,
//! Service settings) applied to its rendered objects, then its `overlays` patches.

use serde_json::{json, Value};

use super::RenderError;
use super::{Component, ComponentKind, Ctx};
use crate::model::effective::overlay;

/// Names of the component's main workload (and of its Service, HPA, PDB).
fn workload(ctx: &Ctx, component: &Component) -> (&'static str, String) {
    match component.kind {
        ComponentKind::Pilot => ("Deployment", format!("istiod{}", ctx.rev_suffix())),
        ComponentKind::Cni => ("DaemonSet", "istio-cni-node".into()),
        ComponentKind::Ztunnel => ("DaemonSet", {
            let n = ctx.str("ztunnel.resourceName");
            if n.is_empty() {
                "ztunnel".into()
            } else {
                n
            }
        }),
        ComponentKind::IngressGateways | ComponentKind::EgressGateways => {
            ("Deployment", component.name.clone())
        }
        ComponentKind::Base => ("", String::new()),
    }
}

fn find<'a>(objects: &'a mut [Value], kind: &str, name: &str) -> Option<&'a mut Value> {
    objects
        .iter_mut()
        .find(|o| o["kind"] == kind && o["metadata"]["name"] == name)
}

/// Applies the component's `k8s` settings and overlays; returns a warning for each
/// overlay that names no object of the component's output (istioctl skips those too).
pub fn apply(
    ctx: &Ctx,
    component: &Component,
    objects: &mut [Value],
) -> Result<Vec<String>, RenderError> {
    let (kind, name) = workload(ctx, component);
    if !kind.is_empty() {
        apply_workload_settings(component, objects, kind, &name)?;
        apply_service_settings(component, objects, &name);
        apply_scaling_settings(component, objects, &name);
    }
    let mut warnings = Vec::new();
    if let Some(overlays) = component.k8s("overlays") {
        for o in overlays.as_array().cloned().unwrap_or_default() {
            warnings.extend(apply_overlay(objects, &o)?);
        }
    }
    Ok(warnings)
}

/// The container a component's container-level settings patch (by name, as a strategic
/// merge: a container of that name that is not there is added).
fn container_name(component: &Component) -> &'static str {
    match component.kind {
        ComponentKind::Pilot => "discovery",
        ComponentKind::Cni => "install-cni",
        _ => "istio-proxy",
    }
}

/// The `k8s` settings that patch the workload, each a strategic-merge patch onto the
/// object as istioctl applies them: container settings onto the named container, pod
/// settings onto the pod template, `replicaCount` and `strategy` onto the spec.
fn apply_workload_settings(
    component: &Component,
    objects: &mut [Value],
    kind: &str,
    name: &str,
) -> Result<(), RenderError> {
    let Some(workload) = find(objects, kind, name) else {
        return Ok(());
    };
    let mut container = json!({"name": container_name(component)});
    let mut container_patched = false;
    for key in [
        "env",
        "imagePullPolicy",
        "readinessProbe",
        "resources",
        "volumeMounts",
    ] {
        if let Some(v) = component.k8s(key) {
            container[key] = v.clone();
            container_patched = true;
        }
    }
    let mut pod_spec = json!({});
    for key in [
        "affinity",
        "nodeSelector",
        "priorityClassName",
        "securityContext",
        "tolerations",
        "volumes",
    ] {
        if let Some(v) = component.k8s(key) {
            pod_spec[key] = v.clone();
        }
    }
    if container_patched {
        pod_spec["containers"] = json!([container]);
    }
    let mut template_patch = json!({"spec": pod_spec});
    if let Some(v) = component.k8s("podAnnotations") {
        template_patch["metadata"] = json!({"annotations": v});
    }
    let template = &mut workload["spec"]["template"];
    *template = crate::model::smp::merge_pod(template, &template_patch)
        .map_err(|why| RenderError::Failed(format!("components.{}.k8s: {why}", component.name)))?;
    if let Some(v) = component.k8s("replicaCount") {
        workload["spec"]["replicas"] = v.clone();
    }
    if let Some(v) = component.k8s("strategy") {
        overlay(&mut workload["spec"]["strategy"], v);
    }
    Ok(())
}

/// `service` and `serviceAnnotations` onto the component's Service. A gateway's
/// `service.ports` are its values' ports instead (`gateways::gateway_values`).
fn apply_service_settings(component: &Component, objects: &mut [Value], name: &str) {
    let Some(svc) = find(objects, "Service", name) else {
        return;
    };
    if let Some(v) = component.k8s("service") {
        let mut v = v.clone();
        let ports = v.as_object_mut().and_then(|m| m.remove("ports"));
        let gateway = matches!(
            component.kind,
            ComponentKind::IngressGateways | ComponentKind::EgressGateways
        );
        if let (Some(Value::Array(ports)), false) = (ports, gateway) {
            merge_ports(&mut svc["spec"]["ports"], &ports);
        }
        overlay(&mut svc["spec"], &v);
    }
    if let Some(v) = component.k8s("serviceAnnotations") {
        if !svc["metadata"]["annotations"].is_object() {
            svc["metadata"]["annotations"] = json!({});
        }
        overlay(&mut svc["metadata"]["annotations"], v);
    }
}

/// Service ports merge by `port` (new ports go first, as a strategic merge places them).
fn merge_ports(current: &mut Value, patch: &[Value]) {
    let mut merged: Vec<Value> = Vec::new();
    let mut existing = current.as_array().cloned().unwrap_or_default();
    for p in patch {
        match existing.iter_mut().find(|e| e["port"] == p["port"]) {
            Some(e) => overlay(e, p),
            None => merged.push(p.clone()),
        }
    }
    merged.extend(existing);
    *current = Value::Array(merged);
}

/// `hpaSpec` and `podDisruptionBudget` onto the HPA and PDB the chart rendered (nothing
/// is created); a PDB given `maxUnavailable` loses the chart's `minAvailable`.
fn apply_scaling_settings(component: &Component, objects: &mut [Value], name: &str) {
    if let (Some(spec), Some(hpa)) = (
        component.k8s("hpaSpec"),
        find(objects, "HorizontalPodAutoscaler", name),
    ) {
        overlay(&mut hpa["spec"], spec);
    }
    if let (Some(spec), Some(pdb)) = (
        component.k8s("podDisruptionBudget"),
        find(objects, "PodDisruptionBudget", name),
    ) {
        overlay(&mut pdb["spec"], spec);
        if let Some(m) = pdb["spec"].as_object_mut() {
            if m.contains_key("maxUnavailable") {
                m.remove("minAvailable");
            }
        }
    }
}

/// Where a path segment points in a list: `[N]`, `[key:value]` or `[value]`.
fn list_position(list: &[Value], segment: &str) -> Option<usize> {
    let inner = segment.strip_prefix('[')?.strip_suffix(']')?;
    if let Ok(i) = inner.parse::<usize>() {
        return (i < list.len()).then_some(i);
    }
    if let Some((key, want)) = inner.split_once(':') {
        return list
            .iter()
            .position(|item| item.get(key).map(super::scalar_string).as_deref() == Some(want));
    }
    list.iter()
        .position(|item| super::scalar_string(item) == inner)
}

/// A patch value; a multi-line string holding a YAML map or list is that structure.
fn patch_value(v: &Value) -> Value {
    if let Value::String(s) = v {
        if s.contains('\n') {
            if let Ok(parsed) = serde_yaml::from_str::<Value>(s) {
                if parsed.is_object() || parsed.is_array() {
                    return parsed;
                }
            }
        }
    }
    v.clone()
}

/// Patches every object of the overlay's kind and name; a warning when there is none.
fn apply_overlay(objects: &mut [Value], spec: &Value) -> Result<Option<String>, RenderError> {
    let kind = spec["kind"].as_str().unwrap_or("");
    let name = spec["name"].as_str().unwrap_or("");
    let mut matched = false;
    for target in objects
        .iter_mut()
        .filter(|o| o["kind"] == kind && o["metadata"]["name"] == name)
    {
        matched = true;
        apply_patches(target, kind, name, spec)?;
    }
    Ok((!matched).then(|| {
        format!("k8s.overlays: no {kind} named {name:?} in this component's output; overlay not applied")
    }))
}

fn apply_patches(
    target: &mut Value,
    kind: &str,
    name: &str,
    spec: &Value,
) -> Result<(), RenderError> {
    for patch in spec["patches"].as_array().cloned().unwrap_or_default() {
        let path = patch["path"].as_str().unwrap_or("");
        let segments = crate::model::setpath::split_path(path)
            .map_err(|why| RenderError::Failed(format!("k8s.overlays: {kind} {name}: {why}")))?;
        let value = patch.get("value").filter(|v| !v.is_null()).map(patch_value);
        patch_at(target, &segments, value).map_err(|why| {
            RenderError::Failed(format!("k8s.overlays: {kind} {name}: path {path}: {why}"))
        })?;
    }
    Ok(())
}

fn patch_at(node: &mut Value, segments: &[String], value: Option<Value>) -> Result<(), String> {
    let Some((first, rest)) = segments.split_first() else {
        return Err("empty path".into());
    };
    if first.starts_with('[') {
        let list = node.as_array_mut().ok_or("not a list")?;
        let i = list_position(list, first).ok_or_else(|| format!("no list item {first}"))?;
        if rest.is_empty() {
            match value {
                Some(v) => list[i] = v,
                None => {
                    list.remove(i);
                }
            }
            return Ok(());
        }
        return patch_at(&mut list[i], rest, value);
    }
    if !node.is_object() {
        *node = json!({});
    }
    let map = node.as_object_mut().expect("object");
    if rest.is_empty() {
        match value {
            Some(v) => {
                map.insert(first.clone(), v);
            }
            None => {
                map.remove(first);
            }
        }
        return Ok(());
    }
    if value.is_none() && !map.contains_key(first) {
        return Ok(());
    }
    let child = map.entry(first.clone()).or_insert_with(|| json!({}));
    patch_at(child, rest, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlay_paths_select_by_key_value_and_index() {
        assert_eq!(
            crate::model::setpath::split_path(r"webhooks.[name:a\.b].clientConfig").unwrap(),
            vec!["webhooks", "[name:a.b]", "clientConfig"]
        );
        let mut obj = json!({"c": [{"name": "d", "args": ["x", "30m"], "env": [{"name": "A"}, {"name": "B"}]}]});
        patch_at(
            &mut obj,
            &crate::model::setpath::split_path("c.[name:d].args.[30m]").unwrap(),
            Some(json!("60m")),
        )
        .unwrap();
        patch_at(
            &mut obj,
            &crate::model::setpath::split_path("c.[name:d].env.[name:A]").unwrap(),
            None,
        )
        .unwrap();
        patch_at(
            &mut obj,
            &crate::model::setpath::split_path("c.[0].new.key").unwrap(),
            Some(json!(1)),
        )
        .unwrap();
        assert_eq!(obj["c"][0]["args"], json!(["x", "60m"]));
        assert_eq!(obj["c"][0]["env"], json!([{"name": "B"}]));
        assert_eq!(obj["c"][0]["new"]["key"], 1);
        assert!(patch_at(
            &mut obj,
            &crate::model::setpath::split_path("c.[name:zz].x").unwrap(),
            Some(json!(1))
        )
        .is_err());
    }

    #[test]
    fn an_overlay_patches_every_match_and_warns_when_none() {
        let mut objects = vec![
            json!({"kind": "Service", "metadata": {"name": "a"}}),
            json!({"kind": "Service", "metadata": {"name": "a"}}),
        ];
        let overlay =
            json!({"kind": "Service", "name": "a", "patches": [{"path": "spec.x", "value": 1}]});
        assert_eq!(apply_overlay(&mut objects, &overlay).unwrap(), None);
        assert!(objects.iter().all(|o| o["spec"]["x"] == 1));
        let absent =
            json!({"kind": "Service", "name": "b", "patches": [{"path": "spec.x", "value": 2}]});
        let warning = apply_overlay(&mut objects, &absent).unwrap().unwrap();
        assert!(warning.contains("no Service named \"b\""), "{warning}");
        assert!(objects.iter().all(|o| o["spec"]["x"] == 1));
    }
}
