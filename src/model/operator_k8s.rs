//! The Kubernetes-typed settings of an IstioOperator (`components.*.k8s`, and the `values`
//! settings that hold Kubernetes objects) decoded as istioctl decodes them: into Kubernetes' own types, refusing unknown fields, values of
//! the wrong JSON type and quantities that do not parse; and an injected pod spec pruned to
//! the fields of Kubernetes' PodSpec, as istiod's typed decoding prunes it.

use k8s_openapi::api::{apps, autoscaling, core, policy};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde::Serialize;
use serde_json::Value;

/// A `components.<name>.k8s` block: the first problem, naming the field.
pub fn check_kubernetes_resources(path: &str, k8s: &Value) -> Result<(), String> {
    let Value::Object(fields) = k8s else {
        return Err(format!(
            "{path}: cannot unmarshal {} into Go value of type KubernetesResources",
            crate::model::go_json::kind_name(k8s)
        ));
    };
    for (key, value) in fields {
        if value.is_null() {
            continue;
        }
        let here = format!("{path}.{key}");
        match key.as_str() {
            "affinity" => strict::<core::v1::Affinity>(&here, value)?,
            "env" => strict::<Vec<core::v1::EnvVar>>(&here, value)?,
            "hpaSpec" => strict::<autoscaling::v2::HorizontalPodAutoscalerSpec>(&here, value)?,
            "podDisruptionBudget" => strict::<policy::v1::PodDisruptionBudgetSpec>(&here, value)?,
            "readinessProbe" => strict::<core::v1::Probe>(&here, value)?,
            "resources" => {
                strict::<core::v1::ResourceRequirements>(&here, value)?;
                check_quantities(&here, value)?;
            }
            "service" => strict::<core::v1::ServiceSpec>(&here, value)?,
            "strategy" => strict::<apps::v1::DeploymentStrategy>(&here, value)?,
            "tolerations" => strict::<Vec<core::v1::Toleration>>(&here, value)?,
            "securityContext" => strict::<core::v1::PodSecurityContext>(&here, value)?,
            "volumes" => strict::<Vec<core::v1::Volume>>(&here, value)?,
            "volumeMounts" => strict::<Vec<core::v1::VolumeMount>>(&here, value)?,
            "imagePullPolicy" | "priorityClassName" => {
                expect(&here, value, "string", Value::is_string)?
            }
            "nodeSelector" | "podAnnotations" | "serviceAnnotations" => string_map(&here, value)?,
            "replicaCount" => {
                let fits = value.as_u64().is_some_and(|n| n <= u64::from(u32::MAX));
                expect(&here, value, "uint32", |_| fits)?
            }
            "overlays" => overlays(&here, value)?,
            _ => return Err(format!("{here}: unknown field {key:?}")),
        }
    }
    Ok(())
}

/// The Kubernetes type a `values` setting must decode into.
#[derive(Clone, Copy)]
enum KubeType {
    Affinity,
    SeccompProfile,
    LabelSelector,
    Toleration,
    TopologySpreadConstraint,
    VolumeMount,
    Volume,
    Lifecycle,
    NodeSelector,
}

/// The `values` settings istioctl decodes strictly into Kubernetes' types, and whether
/// each is a list of them.
const TYPED_VALUES: &[(&str, KubeType, bool)] = &[
    ("cni.affinity", KubeType::Affinity, false),
    ("cni.seccompProfile", KubeType::SeccompProfile, false),
    (
        "gateways.istio-egressgateway.podAntiAffinityLabelSelector",
        KubeType::LabelSelector,
        true,
    ),
    (
        "gateways.istio-egressgateway.podAntiAffinityTermLabelSelector",
        KubeType::LabelSelector,
        true,
    ),
    (
        "gateways.istio-egressgateway.tolerations",
        KubeType::Toleration,
        true,
    ),
    ("global.defaultTolerations", KubeType::Toleration, true),
    (
        "gateways.istio-ingressgateway.podAntiAffinityLabelSelector",
        KubeType::LabelSelector,
        true,
    ),
    (
        "gateways.istio-ingressgateway.podAntiAffinityTermLabelSelector",
        KubeType::LabelSelector,
        true,
    ),
    (
        "gateways.istio-ingressgateway.tolerations",
        KubeType::Toleration,
        true,
    ),
    ("pilot.tolerations", KubeType::Toleration, true),
    ("pilot.affinity", KubeType::Affinity, false),
    ("pilot.seccompProfile", KubeType::SeccompProfile, false),
    (
        "pilot.topologySpreadConstraints",
        KubeType::TopologySpreadConstraint,
        true,
    ),
    ("pilot.volumeMounts", KubeType::VolumeMount, true),
    ("pilot.volumes", KubeType::Volume, true),
    (
        "global.proxy.seccompProfile",
        KubeType::SeccompProfile,
        false,
    ),
    ("global.proxy.lifecycle", KubeType::Lifecycle, false),
    (
        "sidecarInjectorWebhook.neverInjectSelector",
        KubeType::LabelSelector,
        true,
    ),
    (
        "sidecarInjectorWebhook.alwaysInjectSelector",
        KubeType::LabelSelector,
        true,
    ),
    ("global.waypoint.affinity", KubeType::Affinity, false),
    (
        "global.waypoint.topologySpreadConstraints",
        KubeType::TopologySpreadConstraint,
        true,
    ),
    (
        "global.waypoint.nodeSelector",
        KubeType::NodeSelector,
        false,
    ),
    ("global.waypoint.toleration", KubeType::Toleration, true),
];

/// The Kubernetes-typed `values` settings: the first that does not decode strictly.
pub fn check_typed_values(values: &Value) -> Result<(), String> {
    for (path, kube_type, is_list) in TYPED_VALUES {
        let pointer = format!("/{}", path.replace('.', "/"));
        let Some(value) = values.pointer(&pointer).filter(|v| !v.is_null()) else {
            continue;
        };
        let items: Vec<(String, &Value)> = match (is_list, value) {
            (true, Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("{path}[{i}]"), v))
                .collect(),
            _ => vec![(path.to_string(), value)],
        };
        for (here, item) in items {
            decode_as(*kube_type, &here, item)
                .map_err(|e| format!("invalid schema for {path}: {e}"))?;
        }
    }
    Ok(())
}

fn decode_as(kube_type: KubeType, path: &str, value: &Value) -> Result<(), String> {
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
    match kube_type {
        KubeType::Affinity => strict::<core::v1::Affinity>(path, value),
        KubeType::SeccompProfile => strict::<core::v1::SeccompProfile>(path, value),
        KubeType::LabelSelector => strict::<LabelSelector>(path, value),
        KubeType::Toleration => strict::<core::v1::Toleration>(path, value),
        KubeType::TopologySpreadConstraint => {
            strict::<core::v1::TopologySpreadConstraint>(path, value)
        }
        KubeType::VolumeMount => strict::<core::v1::VolumeMount>(path, value),
        KubeType::Volume => strict::<core::v1::Volume>(path, value),
        KubeType::Lifecycle => strict::<core::v1::Lifecycle>(path, value),
        KubeType::NodeSelector => strict::<core::v1::NodeSelector>(path, value),
    }
}

/// Decodes `value` as Kubernetes' type `T`; a field `T` does not have is an error too
/// (found as a field the decoded value does not give back).
fn strict<T: DeserializeOwned + Serialize>(path: &str, value: &Value) -> Result<(), String> {
    // Go's JSON decoding leaves a field given as `null` at its zero value, whatever its type.
    let decoded: T = serde_path_to_error::deserialize(crate::model::validate::without_nulls(value))
        .map_err(|e| {
            let at = e.path().to_string();
            let at = if at == "." {
                String::new()
            } else {
                format!(".{at}")
            };
            format!("{path}{}: {}", at.replace(".[", "["), e.inner())
        })?;
    let back = serde_json::to_value(&decoded).map_err(|e| format!("{path}: {e}"))?;
    match first_unknown(value, &back) {
        Some((at, key)) => Err(format!("{path}{at}: unknown field {key:?}")),
        None => Ok(()),
    }
}

/// A pod spec as Go's decoding into the typed PodSpec leaves it: every field the
/// Kubernetes types do not have is dropped (at any depth), the rest kept as written. A spec
/// that does not decode (a null where Go would read a zero, a wrong type) is left alone.
pub fn keep_pod_spec_fields(spec: &mut Value) {
    let Ok(decoded) = core::v1::PodSpec::deserialize(&*spec) else {
        return;
    };
    if let Ok(back) = serde_json::to_value(&decoded) {
        retain_known(spec, &back);
    }
}

/// Drops the keys of `given` (other than nulls) that `decoded` does not have, recursively.
fn retain_known(given: &mut Value, decoded: &Value) {
    match (given, decoded) {
        (Value::Object(g), Value::Object(d)) => {
            g.retain(|key, value| value.is_null() || d.contains_key(key));
            for (key, value) in g.iter_mut() {
                if let Some(inner) = d.get(key) {
                    retain_known(value, inner);
                }
            }
        }
        (Value::Array(g), Value::Array(d)) => {
            g.iter_mut().zip(d).for_each(|(a, b)| retain_known(a, b));
        }
        _ => {}
    }
}

/// The first key of `given` that `decoded` does not have (path relative to both, and key).
fn first_unknown(given: &Value, decoded: &Value) -> Option<(String, String)> {
    match (given, decoded) {
        (Value::Object(g), Value::Object(d)) => g.iter().find_map(|(key, value)| {
            if value.is_null() {
                return None;
            }
            match d.get(key) {
                None => Some((String::new(), key.clone())),
                Some(inner) => {
                    first_unknown(value, inner).map(|(at, k)| (format!(".{key}{at}"), k))
                }
            }
        }),
        (Value::Array(g), Value::Array(d)) => {
            g.iter().zip(d).enumerate().find_map(|(i, (a, b))| {
                first_unknown(a, b).map(|(at, k)| (format!("[{i}]{at}"), k))
            })
        }
        _ => None,
    }
}

/// Resource quantities must parse as Kubernetes quantities.
fn check_quantities(path: &str, resources: &Value) -> Result<(), String> {
    for list in ["requests", "limits"] {
        let Some(Value::Object(entries)) = resources.get(list) else {
            continue;
        };
        for (name, quantity) in entries {
            let text = match quantity {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                _ => continue,
            };
            if !is_quantity(&text) {
                return Err(format!(
                    "{path}.{list}.{name}: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
                ));
            }
        }
    }
    Ok(())
}

/// Kubernetes' quantity syntax: a signed decimal number, then a suffix of SI/binary
/// letters or an exponent.
fn is_quantity(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let number_len = unsigned
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    if number_len == 0 {
        return false;
    }
    let suffix = &unsigned[number_len..];
    let letters = suffix
        .bytes()
        .take_while(|b| b"eEinumkKMGTP".contains(b))
        .count();
    let rest = &suffix[letters..];
    let digits = rest.strip_prefix(['+', '-']).unwrap_or(rest);
    digits.bytes().all(|b| b.is_ascii_digit())
}

fn string_map(path: &str, value: &Value) -> Result<(), String> {
    let Value::Object(map) = value else {
        return expect(path, value, "map[string]string", |_| false);
    };
    for (key, v) in map {
        expect(&format!("{path}.{key}"), v, "string", Value::is_string)?;
    }
    Ok(())
}

/// `overlays`: a list of `{apiVersion, kind, name, patches: [{path, value}]}`.
fn overlays(path: &str, value: &Value) -> Result<(), String> {
    let Value::Array(items) = value else {
        return expect(path, value, "[]KubernetesOverlay", |_| false);
    };
    for (i, overlay) in items.iter().enumerate() {
        let here = format!("{path}[{i}]");
        let Value::Object(fields) = overlay else {
            return expect(&here, overlay, "KubernetesOverlay", |_| false);
        };
        for (key, v) in fields {
            let field = format!("{here}.{key}");
            match key.as_str() {
                "apiVersion" | "kind" | "name" => expect(&field, v, "string", Value::is_string)?,
                "patches" => patches(&field, v)?,
                _ => return Err(format!("{field}: unknown field {key:?}")),
            }
        }
    }
    Ok(())
}

fn patches(path: &str, value: &Value) -> Result<(), String> {
    let Value::Array(items) = value else {
        return expect(path, value, "[]Patch", |_| false);
    };
    for (i, patch) in items.iter().enumerate() {
        let here = format!("{path}[{i}]");
        let Value::Object(fields) = patch else {
            return expect(&here, patch, "Patch", |_| false);
        };
        for (key, v) in fields {
            match key.as_str() {
                "path" => expect(&format!("{here}.path"), v, "string", Value::is_string)?,
                "value" => {}
                _ => return Err(format!("{here}.{key}: unknown field {key:?}")),
            }
        }
    }
    Ok(())
}

fn expect(
    path: &str,
    value: &Value,
    go_type: &str,
    fits: impl Fn(&Value) -> bool,
) -> Result<(), String> {
    if value.is_null() || fits(value) {
        return Ok(());
    }
    Err(format!(
        "{path}: cannot unmarshal {} into Go value of type {go_type}",
        crate::model::go_json::kind_name(value)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn null_fields_decode_as_go_leaves_them_at_zero() {
        let k8s = json!({"resources": {"requests": {"memory": null, "cpu": "1"}}});
        assert_eq!(
            check_kubernetes_resources("components.pilot.k8s", &k8s),
            Ok(())
        );
        let bad = json!({"resources": {"requests": {"memory": null, "cpu": "x1"}}});
        assert!(check_kubernetes_resources("components.pilot.k8s", &bad).is_err());
    }

    fn problem(k8s: Value) -> String {
        check_kubernetes_resources("components.pilot.k8s", &k8s)
            .err()
            .unwrap_or_default()
    }

    #[test]
    fn kubernetes_settings_decode_strictly() {
        assert_eq!(
            problem(
                json!({"replicaCount": 2, "resources": {"requests": {"cpu": "100m", "memory": "1Gi"}},
                "env": [{"name": "A", "value": "b"}], "hpaSpec": {"minReplicas": 1, "maxReplicas": 3},
                "tolerations": [{"key": "a", "operator": "Exists"}], "nodeSelector": {"disk": "ssd"},
                "strategy": {"rollingUpdate": {"maxSurge": 1, "maxUnavailable": "25%"}},
                "overlays": [{"kind": "Deployment", "name": "istiod", "patches": [{"path": "a", "value": 1}]}]})
            ),
            ""
        );
        assert!(problem(json!({"replicaCount": "abc"}))
            .contains("replicaCount: cannot unmarshal string"));
        assert!(problem(json!({"affinity": {"nodeAffinty": {}}}))
            .contains("affinity: unknown field \"nodeAffinty\""));
        assert!(problem(json!({"env": [{"name": "A", "valu": "b"}]}))
            .contains("env[0]: unknown field \"valu\""));
        assert!(problem(json!({"resources": {"requests": {"cpu": "lots"}}}))
            .contains("quantities must match"));
        assert!(problem(json!({"hpaSpec": {"maxReplicas": "x"}})).contains("hpaSpec"));
        assert!(problem(json!({"podAnnotations": {"a": 1}})).contains("podAnnotations.a"));
        assert!(problem(json!({"bogus": 1})).contains("unknown field \"bogus\""));
    }

    #[test]
    fn kubernetes_typed_values_decode_strictly() {
        let ok =
            json!({"pilot": {"affinity": {"nodeAffinity": {}}, "tolerations": [{"key": "a"}]}});
        assert_eq!(check_typed_values(&ok), Ok(()));
        let bad = json!({"pilot": {"tolerations": [{"key": "a"}, {"operatr": "Exists"}]}});
        let problem = check_typed_values(&bad).unwrap_err();
        assert!(
            problem.contains(
                "invalid schema for pilot.tolerations: pilot.tolerations[1]: unknown field"
            ),
            "{problem}"
        );
        let bad =
            json!({"global": {"proxy": {"lifecycle": {"preStop": {"exec": {"command": "x"}}}}}});
        assert!(check_typed_values(&bad)
            .unwrap_err()
            .contains("global.proxy.lifecycle"));
    }

    #[test]
    fn a_pod_spec_keeps_only_the_fields_kubernetes_types_have() {
        let mut spec = json!({"containers": [{"name": "p", "image": "x",
            "env": [{"name": "a", "value": "1"}, {"name": "v", "mountPath": "/v"}],
            "volumeMounts": [{"name": "v", "mountPath": "/v", "readOnly": false}],
            "bogus": {"x": 1}, "resources": {}}],
            "volumes": [{"name": "v", "emptyDir": {}, "extra": true}], "nodeSelector": {"any": "key"}});
        keep_pod_spec_fields(&mut spec);
        assert_eq!(
            spec,
            json!({"containers": [{"name": "p", "image": "x",
                "env": [{"name": "a", "value": "1"}, {"name": "v"}],
                "volumeMounts": [{"name": "v", "mountPath": "/v", "readOnly": false}],
                "resources": {}}],
                "volumes": [{"name": "v", "emptyDir": {}}], "nodeSelector": {"any": "key"}})
        );
        let mut wrong_type =
            json!({"containers": [{"name": "p", "ports": [{"containerPort": "80"}], "odd": 1}]});
        let before = wrong_type.clone();
        keep_pod_spec_fields(&mut wrong_type);
        assert_eq!(
            wrong_type, before,
            "a spec that does not decode is left alone"
        );
    }

    #[test]
    fn quantities_parse_as_kubernetes_parses_them() {
        for ok in [
            "100m",
            "1Gi",
            "0.5",
            "1e3",
            "+2",
            "128974848",
            "129e6",
            "123Mi",
        ] {
            assert!(is_quantity(ok), "{ok}");
        }
        for bad in ["", "lots", "1 Gi", "Gi", "1.5.x"] {
            assert!(!is_quantity(bad), "{bad}");
        }
    }
}
