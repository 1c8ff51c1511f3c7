//! A component's `k8s:` settings (resources, replicas, env, scheduling, HPA/PDB specs,
//! Service settings) applied to its rendered objects, then its `overlays` patches.

use serde_json::{json, Map, Value};

use super::inputs::overlay;
use super::{Component, ComponentKind, Ctx};
use crate::exit::{CliError, ExitCode};

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

pub fn apply(ctx: &Ctx, component: &Component, objects: &mut Vec<Value>) -> Result<(), CliError> {
    let (kind, name) = workload(ctx, component);
    if !kind.is_empty() {
        apply_workload_settings(component, objects, kind, &name);
        apply_service_settings(component, objects, &name);
        apply_scaling_settings(component, objects, kind, &name);
    }
    if let Some(overlays) = component.k8s("overlays") {
        for o in overlays.as_array().cloned().unwrap_or_default() {
            apply_overlay(objects, &o)?;
        }
    }
    Ok(())
}

fn apply_workload_settings(component: &Component, objects: &mut [Value], kind: &str, name: &str) {
    let Some(workload) = find(objects, kind, name) else {
        return;
    };
    let container = &mut workload["spec"]["template"]["spec"]["containers"][0];
    for key in ["resources", "readinessProbe", "imagePullPolicy"] {
        if let Some(v) = component.k8s(key) {
            container[key] = v.clone();
        }
    }
    if let Some(env) = component.k8s("env").and_then(Value::as_array) {
        let list = container["env"].as_array_mut();
        let mut current = list.map(std::mem::take).unwrap_or_default();
        for var in env {
            match current.iter_mut().find(|e| e["name"] == var["name"]) {
                Some(existing) => *existing = var.clone(),
                None => current.push(var.clone()),
            }
        }
        container["env"] = json!(current);
    }
    if let Some(v) = component.k8s("volumeMounts") {
        container["volumeMounts"] = v.clone();
    }
    let pod = &mut workload["spec"]["template"]["spec"];
    for key in [
        "nodeSelector",
        "affinity",
        "tolerations",
        "priorityClassName",
        "volumes",
        "topologySpreadConstraints",
    ] {
        if let Some(v) = component.k8s(key) {
            pod[key] = v.clone();
        }
    }
    if let Some(v) = component.k8s("securityContext") {
        if !pod["securityContext"].is_object() {
            pod["securityContext"] = json!({});
        }
        overlay(&mut pod["securityContext"], v);
    }
    if let Some(v) = component.k8s("podAnnotations") {
        overlay(
            &mut workload["spec"]["template"]["metadata"]["annotations"],
            v,
        );
    }
    if let Some(v) = component.k8s("replicaCount") {
        workload["spec"]["replicas"] = v.clone();
    }
    if let Some(v) = component.k8s("strategy") {
        workload["spec"]["strategy"] = v.clone();
    }
}

fn apply_service_settings(component: &Component, objects: &mut [Value], name: &str) {
    let Some(svc) = find(objects, "Service", name) else {
        return;
    };
    if let Some(v) = component.k8s("service") {
        let mut v = v.clone();
        if let Some(ports) = v.as_object_mut().and_then(|m| m.remove("ports")) {
            svc["spec"]["ports"] = ports;
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

/// A field of the rendered object `kind`/`name`, or `{}`.
fn field_of(objects: &[Value], kind: &str, name: &str, pointer: &str) -> Value {
    objects
        .iter()
        .find(|o| o["kind"] == kind && o["metadata"]["name"] == name)
        .and_then(|o| o.pointer(pointer).cloned())
        .unwrap_or(json!({}))
}

fn apply_scaling_settings(component: &Component, objects: &mut Vec<Value>, kind: &str, name: &str) {
    let namespace = component.namespace.clone();
    if let Some(spec) = component.k8s("hpaSpec") {
        if find(objects, "HorizontalPodAutoscaler", name).is_none() {
            let mut hpa = super::meta::object(
                "autoscaling/v2",
                "HorizontalPodAutoscaler",
                name,
                Some(&namespace),
                Map::new(),
            );
            hpa["metadata"]["labels"] = field_of(objects, kind, name, "/metadata/labels");
            hpa["spec"] =
                json!({"scaleTargetRef": {"apiVersion": "apps/v1", "kind": kind, "name": name}});
            objects.push(hpa);
        }
        let hpa = find(objects, "HorizontalPodAutoscaler", name).expect("just ensured");
        overlay(&mut hpa["spec"], spec);
    }
    if let Some(spec) = component.k8s("podDisruptionBudget") {
        let selector = field_of(objects, kind, name, "/spec/selector");
        let labels = field_of(objects, kind, name, "/metadata/labels");
        if find(objects, "PodDisruptionBudget", name).is_none() {
            let mut pdb = super::meta::object(
                "policy/v1",
                "PodDisruptionBudget",
                name,
                Some(&namespace),
                Map::new(),
            );
            pdb["metadata"]["labels"] = labels;
            objects.push(pdb);
        }
        let pdb = find(objects, "PodDisruptionBudget", name).expect("just ensured");
        let mut new_spec = json!({"selector": selector});
        overlay(&mut new_spec, spec);
        pdb["spec"] = new_spec;
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

fn apply_overlay(objects: &mut [Value], spec: &Value) -> Result<(), CliError> {
    let kind = spec["kind"].as_str().unwrap_or("");
    let name = spec["name"].as_str().unwrap_or("");
    let Some(target) = find(objects, kind, name) else {
        return Err(CliError::new(
            ExitCode::Error,
            format!("k8s.overlays: no {kind} named {name:?} in this component's output"),
        ));
    };
    for patch in spec["patches"].as_array().cloned().unwrap_or_default() {
        let path = patch["path"].as_str().unwrap_or("");
        let segments = crate::model::setpath::split_path(path).map_err(|why| {
            CliError::new(
                ExitCode::Error,
                format!("k8s.overlays: {kind} {name}: {why}"),
            )
        })?;
        let value = patch.get("value").filter(|v| !v.is_null()).map(patch_value);
        patch_at(target, &segments, value).map_err(|why| {
            CliError::new(
                ExitCode::Error,
                format!("k8s.overlays: {kind} {name}: path {path}: {why}"),
            )
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
}
