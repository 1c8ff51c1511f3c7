//! Kubernetes strategic merge of a patch onto a Pod (or a pod template), as istiod applies
//! a rendered injection template and istioctl a component's `k8s` settings: mappings merge, `null` deletes, lists with a patch merge key
//! (containers by name, ports by containerPort, ...) merge item by item with the patch's
//! items placed before the pod's own as apimachinery orders them, other lists are replaced;
//! `$patch: replace|delete` directives are honoured.

use serde_json::{Map, Value};

/// How a list field of a Pod merges.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ListMerge {
    ByKey(&'static str),
    Scalars,
    Replace,
}

/// The patch strategy of a list at `path` (field names from the Pod's root).
fn strategy(path: &[String]) -> ListMerge {
    let names: Vec<&str> = path.iter().map(String::as_str).collect();
    let container = |field: &str| match field {
        "ports" => ListMerge::ByKey("containerPort"),
        "env" => ListMerge::ByKey("name"),
        "volumeMounts" => ListMerge::ByKey("mountPath"),
        "volumeDevices" => ListMerge::ByKey("devicePath"),
        _ => ListMerge::Replace,
    };
    match names.as_slice() {
        ["metadata", "finalizers"] => ListMerge::Scalars,
        ["metadata", "ownerReferences"] => ListMerge::ByKey("uid"),
        ["spec", "volumes" | "initContainers" | "containers" | "ephemeralContainers"]
        | ["spec", "imagePullSecrets" | "resourceClaims" | "schedulingGates"] => {
            ListMerge::ByKey("name")
        }
        ["spec", "hostAliases"] => ListMerge::ByKey("ip"),
        ["spec", "topologySpreadConstraints"] => ListMerge::ByKey("topologyKey"),
        ["spec", "initContainers" | "containers" | "ephemeralContainers", field] => {
            container(field)
        }
        _ => ListMerge::Replace,
    }
}

/// Merges `patch` onto `target` (both a Pod as JSON).
pub fn merge_pod(target: &Value, patch: &Value) -> Result<Value, String> {
    let mut path = Vec::new();
    merge_value(target, patch, &mut path)
}

fn merge_value(original: &Value, patch: &Value, path: &mut Vec<String>) -> Result<Value, String> {
    match (original, patch) {
        (Value::Object(o), Value::Object(p)) => {
            merge_map(o, p, path).map(|m| m.map_or(Value::Null, Value::Object))
        }
        (Value::Array(o), Value::Array(p)) => merge_list(o, p, path).map(Value::Array),
        (_, Value::Object(p)) => {
            merge_map(&Map::new(), p, path).map(|m| m.map_or(Value::Null, Value::Object))
        }
        (_, patch) => Ok(patch.clone()),
    }
}

/// A merged mapping, or `None` for `$patch: delete`.
fn merge_map(
    original: &Map<String, Value>,
    patch: &Map<String, Value>,
    path: &mut Vec<String>,
) -> Result<Option<Map<String, Value>>, String> {
    match patch.get("$patch").and_then(Value::as_str) {
        Some("delete") => return Ok(None),
        Some("replace") => {
            let mut replaced = patch.clone();
            replaced.remove("$patch");
            return Ok(Some(replaced));
        }
        Some(other) => return Err(format!("unknown patch directive $patch: {other}")),
        None => {}
    }
    let mut out = original.clone();
    for (key, value) in patch {
        if key.starts_with('$') {
            return Err(format!(
                "not supported yet: the strategic-merge directive {key} in an injection template"
            ));
        }
        if value.is_null() {
            out.remove(key);
            continue;
        }
        path.push(key.clone());
        let merged = match out.get(key) {
            Some(existing) => merge_value(existing, value, path),
            None => merge_value(&Value::Null, value, path).map(strip_directives),
        };
        path.pop();
        match merged? {
            Value::Null if value.is_object() => {
                out.remove(key);
            }
            merged => {
                out.insert(key.clone(), merged);
            }
        }
    }
    Ok(Some(out))
}

/// A value new to the target, with any directives in it removed.
fn strip_directives(value: Value) -> Value {
    match value {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(k, _)| !k.starts_with('$'))
                .map(|(k, v)| (k, strip_directives(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(strip_directives).collect()),
        other => other,
    }
}

fn merge_list(
    original: &[Value],
    patch: &[Value],
    path: &mut Vec<String>,
) -> Result<Vec<Value>, String> {
    match strategy(path) {
        ListMerge::Replace => Ok(patch.iter().cloned().map(strip_directives).collect()),
        ListMerge::Scalars => Ok(merge_scalars(original, patch)),
        ListMerge::ByKey(key) => merge_keyed(original, patch, key, path),
    }
}

fn merge_scalars(original: &[Value], patch: &[Value]) -> Vec<Value> {
    let mut merged: Vec<Value> = Vec::new();
    for v in original.iter().chain(patch) {
        if !merged.contains(v) {
            merged.push(v.clone());
        }
    }
    let (in_patch, server_only): (Vec<Value>, Vec<Value>) =
        merged.into_iter().partition(|v| patch.contains(v));
    let position = |list: &[Value], v: &Value| list.iter().position(|x| x == v);
    interleave(server_only, in_patch, |v| position(original, v))
}

fn merge_keyed(
    original: &[Value],
    patch: &[Value],
    key: &str,
    path: &mut Vec<String>,
) -> Result<Vec<Value>, String> {
    let key_of = |v: &Value| v.get(key).cloned();
    if patch
        .iter()
        .any(|p| p.get("$patch").and_then(Value::as_str) == Some("replace"))
    {
        return Ok(patch
            .iter()
            .filter(|p| p.get("$patch").is_none())
            .cloned()
            .map(strip_directives)
            .collect());
    }
    let mut merged: Vec<Value> = original.to_vec();
    let mut patch_items: Vec<&Value> = Vec::new();
    for item in patch {
        let Some(k) = key_of(item) else {
            return Err(format!(
                "a patch item of {} has no merge key {key}",
                path.join(".")
            ));
        };
        if item.get("$patch").and_then(Value::as_str) == Some("delete") {
            merged.retain(|m| key_of(m).as_ref() != Some(&k));
            continue;
        }
        patch_items.push(item);
        match merged.iter_mut().find(|m| key_of(m).as_ref() == Some(&k)) {
            Some(existing) => *existing = merge_value(existing, item, path)?,
            None => merged.push(strip_directives(item.clone())),
        }
    }
    let patch_keys: Vec<Value> = patch_items.iter().filter_map(|p| key_of(p)).collect();
    let (mut in_patch, server_only): (Vec<Value>, Vec<Value>) = merged
        .into_iter()
        .partition(|m| key_of(m).is_some_and(|k| patch_keys.contains(&k)));
    in_patch.sort_by_key(|m| key_of(m).and_then(|k| patch_keys.iter().position(|p| *p == k)));
    let original_keys: Vec<Option<Value>> = original.iter().map(key_of).collect();
    Ok(interleave(server_only, in_patch, |v| {
        original_keys.iter().position(|k| *k == key_of(v))
    }))
}

/// apimachinery's `mergeSortedSlice`: the pod's own items (`left`) are inserted into the
/// patch's (`right`); an own item goes first only when both are in the pod and it came
/// first there.
fn interleave(
    left: Vec<Value>,
    right: Vec<Value>,
    position: impl Fn(&Value) -> Option<usize>,
) -> Vec<Value> {
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut l, mut r) = (left.into_iter().peekable(), right.into_iter().peekable());
    loop {
        let take_left = match (l.peek(), r.peek()) {
            (None, None) => break,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (Some(a), Some(b)) => matches!((position(a), position(b)), (Some(x), Some(y)) if x < y),
        };
        out.extend(if take_left { l.next() } else { r.next() });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn containers_merge_by_name_with_the_patch_first() {
        let pod = json!({"spec": {"containers": [{"name": "app", "image": "a"}]}});
        let patch = json!({"spec": {"containers": [{"name": "istio-proxy", "image": "p"}]}});
        let merged = merge_pod(&pod, &patch).unwrap();
        let names: Vec<&str> = merged["spec"]["containers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["istio-proxy", "app"]);
    }

    #[test]
    fn nested_lists_merge_by_their_keys_and_nulls_delete() {
        let pod = json!({"metadata": {"labels": {"a": "1", "b": "2"}},
            "spec": {"containers": [{"name": "app", "env": [{"name": "X", "value": "1"}], "args": ["x"]}]}});
        let patch = json!({"metadata": {"labels": {"b": null, "c": "3"}},
            "spec": {"containers": [{"name": "app", "env": [{"name": "Y", "value": "2"}], "args": ["y"]}]}});
        let merged = merge_pod(&pod, &patch).unwrap();
        assert_eq!(merged["metadata"]["labels"], json!({"a": "1", "c": "3"}));
        assert_eq!(
            merged["spec"]["containers"][0]["env"],
            json!([{"name": "Y", "value": "2"}, {"name": "X", "value": "1"}])
        );
        assert_eq!(
            merged["spec"]["containers"][0]["args"],
            json!(["y"]),
            "lists without a merge key are replaced"
        );
    }

    #[test]
    fn directives_replace_and_delete() {
        let pod = json!({"spec": {"securityContext": {"runAsUser": 1, "fsGroup": 2},
            "volumes": [{"name": "a"}, {"name": "b"}]}});
        let patch = json!({"spec": {"securityContext": {"$patch": "replace", "runAsUser": 3},
            "volumes": [{"name": "a", "$patch": "delete"}]}});
        let merged = merge_pod(&pod, &patch).unwrap();
        assert_eq!(merged["spec"]["securityContext"], json!({"runAsUser": 3}));
        assert_eq!(merged["spec"]["volumes"], json!([{"name": "b"}]));
    }
}
