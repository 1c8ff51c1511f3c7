//! Removing an injected sidecar from a pod template: the containers, volumes and pull
//! secrets the status annotation lists, the probe and Prometheus rewrites undone (from
//! the proxy's ISTIO_KUBE_APP_PROBERS and ISTIO_PROMETHEUS_ANNOTATIONS), and a user's own
//! istio-proxy container restored from `proxy.istio.io/overrides`. Re-injection is this
//! followed by a fresh injection.

use serde_json::{Map, Value};

use super::sidecar::STATUS_ANNOTATION;

const OVERRIDES_ANNOTATION: &str = "proxy.istio.io/overrides";
/// What Prometheus merge sets on the pod (the app's own values move to the proxy's env).
const MERGED_PROMETHEUS: [(&str, &str); 3] = [
    ("prometheus.io/path", "/stats/prometheus"),
    ("prometheus.io/port", "15020"),
    ("prometheus.io/scrape", "true"),
];

/// Undoes the injection of one pod template; false when it was not injected.
pub fn uninject_pod(meta: &mut Value, spec: &mut Value) -> bool {
    let Some(status_text) = meta
        .pointer_mut("/annotations")
        .and_then(Value::as_object_mut)
        .and_then(|a| a.shift_remove(STATUS_ANNOTATION))
    else {
        return false;
    };
    let status: Value = status_text
        .as_str()
        .and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default();
    let names = |key: &str| -> Vec<String> {
        status
            .get(key)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut injected_containers = names("initContainers");
    injected_containers.extend(names("containers"));
    if injected_containers.is_empty() {
        injected_containers = vec!["istio-init".into(), "istio-proxy".into()];
    }

    let proxy_env = |name: &str| -> Map<String, Value> {
        ["containers", "initContainers"]
            .iter()
            .filter_map(|list| spec.get(*list).and_then(Value::as_array))
            .flatten()
            .filter(|c| c.get("name").and_then(Value::as_str) == Some("istio-proxy"))
            .filter_map(|c| c.get("env").and_then(Value::as_array))
            .flatten()
            .find(|e| e.get("name").and_then(Value::as_str) == Some(name))
            .and_then(|e| e.get("value").and_then(Value::as_str))
            .and_then(|v| serde_json::from_str(v).ok())
            .unwrap_or_default()
    };
    let probers = proxy_env("ISTIO_KUBE_APP_PROBERS");
    let prometheus = proxy_env("ISTIO_PROMETHEUS_ANNOTATIONS");

    for list in ["containers", "initContainers"] {
        remove_named(spec, list, &injected_containers);
    }
    remove_named(spec, "volumes", &names("volumes"));
    remove_named(spec, "imagePullSecrets", &names("imagePullSecrets"));
    for list in ["containers", "initContainers"] {
        if let Some(containers) = spec.get_mut(list).and_then(Value::as_array_mut) {
            containers
                .iter_mut()
                .for_each(|c| restore_probes(c, &probers));
        }
    }
    restore_user_proxy(meta, spec);
    restore_prometheus(meta, &prometheus);
    if let Some(a) = meta.get_mut("annotations").and_then(Value::as_object_mut) {
        a.shift_remove("istio.io/rev");
    }
    if let Some(l) = meta.get_mut("labels").and_then(Value::as_object_mut) {
        l.shift_remove("security.istio.io/tlsMode");
    }
    true
}

/// Removes the items of `spec[list]` with these names (the list too, when this emptied
/// it, except `containers`).
fn remove_named(spec: &mut Value, list: &str, names: &[String]) {
    let Some(obj) = spec.as_object_mut() else {
        return;
    };
    let Some(items) = obj.get_mut(list).and_then(Value::as_array_mut) else {
        return;
    };
    let before = items.len();
    items.retain(|i| {
        !i.get("name")
            .and_then(Value::as_str)
            .is_some_and(|n| names.iter().any(|x| x == n))
    });
    if items.is_empty() && before > 0 && list != "containers" {
        obj.shift_remove(list);
    }
}

/// Puts back the probe and lifecycle handlers injection pointed at the agent.
fn restore_probes(container: &mut Value, probers: &Map<String, Value>) {
    let handlers = ["readinessProbe", "livenessProbe", "startupProbe"]
        .map(|p| format!("/{p}"))
        .into_iter()
        .chain(["/lifecycle/preStop".into(), "/lifecycle/postStart".into()]);
    for pointer in handlers {
        let Some(handler) = container
            .pointer_mut(&pointer)
            .and_then(Value::as_object_mut)
        else {
            continue;
        };
        let path = handler
            .get("httpGet")
            .and_then(|g| g.get("path"))
            .and_then(Value::as_str);
        let Some(Value::Object(original)) = path.and_then(|p| probers.get(p)) else {
            continue;
        };
        handler.shift_remove("httpGet");
        for (k, v) in original {
            handler.insert(k.clone(), v.clone());
        }
    }
}

/// A user's own istio-proxy container, recorded when it was merged into the sidecar.
fn restore_user_proxy(meta: &mut Value, spec: &mut Value) {
    let Some(recorded) = meta
        .get_mut("annotations")
        .and_then(Value::as_object_mut)
        .and_then(|a| a.shift_remove(OVERRIDES_ANNOTATION))
    else {
        return;
    };
    let recorded: Value = recorded
        .as_str()
        .and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default();
    let user = ["containers", "initContainers"]
        .iter()
        .find_map(|k| recorded.get(*k).and_then(Value::as_array))
        .and_then(|a| a.first())
        .cloned();
    if let (Some(user), Some(containers)) = (
        user,
        spec.get_mut("containers").and_then(Value::as_array_mut),
    ) {
        containers.push(user);
    }
}

/// Removes the Prometheus annotations merge set, restoring the app's own.
fn restore_prometheus(meta: &mut Value, original: &Map<String, Value>) {
    let Some(annotations) = meta.get_mut("annotations").and_then(Value::as_object_mut) else {
        return;
    };
    let merged = MERGED_PROMETHEUS
        .iter()
        .all(|(k, v)| annotations.get(*k).and_then(Value::as_str) == Some(v));
    if !merged {
        return;
    }
    for (k, _) in MERGED_PROMETHEUS {
        annotations.shift_remove(k);
    }
    let targets = original.get("targets").and_then(Value::as_array);
    let first = targets.and_then(|t| t.first());
    for (k, v) in original {
        // A path and port that are just the first scrape target's were derived from it.
        let derived = first.is_some_and(|f| f.get(k) == Some(v));
        if k != "targets" && !derived {
            annotations.insert(format!("prometheus.io/{k}"), v.clone());
        }
    }
    if let Some(targets) = targets {
        let text: Vec<String> = targets
            .iter()
            .map(|t| {
                let field = |k: &str| t.get(k).and_then(Value::as_str).unwrap_or_default();
                format!("{}:{}", field("port"), field("path"))
            })
            .collect();
        annotations.insert(
            "prometheus.istio.io/scrape-targets".into(),
            Value::String(text.join(",")),
        );
    }
}
