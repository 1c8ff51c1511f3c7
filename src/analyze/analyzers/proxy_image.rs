//! injection.ImageAnalyzer (IST0158): pods of injection-enabled namespaces whose
//! `istio-proxy` image is neither the injector's image nor that image with the pod's
//! effective image type (`distroless`, `debug`, ...) appended.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::util::*;
use crate::analyze::messages as msg;
use crate::analyze::{Analyzer, Reporter, Snapshot};
use crate::model::Resource;

const INJECTOR_CONFIGMAP: &str = "istio-sidecar-injector";

pub static IMAGE: Analyzer = Analyzer {
    name: "injection.ImageAnalyzer",
    doc: "Checks that the istio-proxy image of running pods matches the image the injector \
          would use now (with the pod's ProxyConfig image type, e.g. `-distroless`)",
    inputs: &["Namespace", "Pod", "ConfigMap", "MeshConfig", "ProxyConfig"],
    requires: &[],
    codes: &[&msg::PODS_ISTIO_PROXY_IMAGE_MISMATCH_IN_NAMESPACE],
    run: image,
};

fn image(snap: &Snapshot, out: &mut Reporter) {
    let images = injector_images(snap);
    if images.is_empty() {
        return;
    }
    let injected = injected_namespaces(snap);
    let image_types = ImageTypes::new(snap);
    let mut mismatched: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for pod in snap.core("Pod") {
        let Some((_, revision)) = injected.get(ns(pod)) else {
            continue;
        };
        if annotation(pod, "sidecar.istio.io/proxyImage").is_some_and(|v| !v.is_empty()) {
            continue;
        }
        let Some(expected) = images.get(configmap_name(revision).as_str()) else {
            continue;
        };
        let typed = format!("{expected}-{}", image_types.of(pod));
        let spec = pod.spec().unwrap_or(&Value::Null);
        let proxies = ["/containers", "/initContainers"]
            .iter()
            .flat_map(|p| array_at(spec, p))
            .filter(|c| c.get("name").and_then(Value::as_str) == Some("istio-proxy"));
        for container in proxies {
            let image = container.get("image").and_then(Value::as_str).unwrap_or("");
            if image != expected && image != typed {
                mismatched.entry(ns(pod)).or_default().push(pod.name());
            }
        }
    }
    for (namespace, mut pods) in mismatched {
        pods.sort_unstable();
        let pods: Vec<String> = pods.into_iter().map(str::to_string).collect();
        let ns_obj = injected[namespace].0;
        out.report(
            &msg::PODS_ISTIO_PROXY_IMAGE_MISMATCH_IN_NAMESPACE,
            Some(ns_obj),
            None,
            &[pods.into()],
        );
    }
}

fn annotation<'a>(r: &'a Resource, key: &str) -> Option<&'a str> {
    r.annotations()
        .and_then(|a| a.get(key))
        .and_then(Value::as_str)
}

fn label<'a>(r: &'a Resource, key: &str) -> Option<&'a str> {
    r.labels().and_then(|l| l.get(key)).and_then(Value::as_str)
}

/// The namespaces sidecar injection is on for (`istio-injection=enabled`, or any
/// `istio.io/rev` label, which also names the revision), with their revision.
fn injected_namespaces(snap: &Snapshot) -> HashMap<&str, (&Resource, &str)> {
    snap.core("Namespace")
        .filter_map(|n| {
            let revision = label(n, "istio.io/rev");
            let enabled = label(n, "istio-injection") == Some("enabled");
            (enabled || revision.is_some()).then(|| (n.name(), (n, revision.unwrap_or("default"))))
        })
        .collect()
}

/// The injector ConfigMap of a revision (`""` and `default` are the default one).
fn configmap_name(revision: &str) -> String {
    match revision {
        "" | "default" => INJECTOR_CONFIGMAP.to_string(),
        rev => format!("{INJECTOR_CONFIGMAP}-{rev}"),
    }
}

/// The proxy image of every ConfigMap whose name starts with `istio-sidecar-injector`, in
/// any namespace, by name (a later one of the same name wins).
fn injector_images(snap: &Snapshot) -> HashMap<&str, String> {
    snap.core("ConfigMap")
        .filter(|c| c.name().starts_with(INJECTOR_CONFIGMAP))
        .map(|c| {
            let values = str_at(&c.object, "/data/values").unwrap_or("");
            (c.name(), values_proxy_image(values))
        })
        .collect()
}

/// The proxy image injector values name, decoded as Istio's analyzer decodes them: an
/// image with a `/` is used as it is, else `hub/image:tag`. Values that are not JSON, or
/// give one of these fields a type other than string (null is no value), give the empty
/// image, as Go's decoding error does.
pub fn values_proxy_image(values: &str) -> String {
    let Ok(values) = serde_json::from_str::<Value>(values) else {
        return String::new();
    };
    let field = |pointer: &str| -> Result<&str, ()> {
        match values.pointer(pointer) {
            None | Some(Value::Null) => Ok(""),
            Some(Value::String(s)) => Ok(s),
            Some(_) => Err(()),
        }
    };
    let objects_ok = ["", "/global", "/global/proxy"].iter().all(|p| {
        matches!(
            values.pointer(p),
            None | Some(Value::Null | Value::Object(_))
        )
    });
    let (Ok(hub), Ok(tag), Ok(image), true) = (
        field("/global/hub"),
        field("/global/tag"),
        field("/global/proxy/image"),
        objects_ok,
    ) else {
        return String::new();
    };
    if image.contains('/') {
        image.to_string()
    } else {
        format!("{hub}/{image}:{tag}")
    }
}

/// The image type a pod's proxy runs with, resolved as Istio's analyzers resolve it: the
/// mesh's `defaultConfig`, then the root namespace's ProxyConfig, the pod namespace's
/// ProxyConfig without selector, every workload ProxyConfig whose `matchLabels` the pod
/// carries (Istio matches their namespace by prefix), then the pod's
/// `proxy.istio.io/config`. Each level replaces the type only when it sets one;
/// `default` means none.
struct ImageTypes<'a> {
    mesh: Option<&'a str>,
    root: Option<&'a str>,
    namespace: HashMap<&'a str, Option<&'a str>>,
    workload: Vec<WorkloadProxyConfig<'a>>,
}

struct WorkloadProxyConfig<'a> {
    key: String,
    match_labels: BTreeMap<String, String>,
    image_type: Option<&'a str>,
}

impl<'a> ImageTypes<'a> {
    fn new(snap: &'a Snapshot) -> Self {
        let mesh = snap
            .mesh
            .default_config
            .as_ref()
            .and_then(|pc| pc.image.as_ref())
            .and_then(|image| str_at(image, "/imageType"));
        let root_namespace = snap.mesh.root_namespace();
        let mut types = ImageTypes {
            mesh,
            root: None,
            namespace: HashMap::new(),
            workload: Vec::new(),
        };
        for pc in snap.istio("ProxyConfig") {
            let spec = pc.spec().unwrap_or(&Value::Null);
            let image_type = str_at(spec, "/image/imageType");
            let selector = spec.get("selector").filter(|s| !s.is_null());
            if ns(pc) == root_namespace {
                types.root = image_type;
            } else if let Some(selector) = selector {
                types.workload.push(WorkloadProxyConfig {
                    key: qualified(pc),
                    match_labels: labels_at(selector, "/matchLabels"),
                    image_type,
                });
            } else {
                types.namespace.insert(ns(pc), image_type);
            }
        }
        types
    }

    fn of(&self, pod: &Resource) -> String {
        let namespace = ns(pod);
        let pod_labels = labels_at(&pod.object, "/metadata/labels");
        let workload = self
            .workload
            .iter()
            .filter(|w| w.key.starts_with(namespace))
            .filter(|w| {
                w.match_labels
                    .iter()
                    .all(|(k, v)| pod_labels.get(k) == Some(v))
            })
            .map(|w| w.image_type);
        let own = annotation(pod, "proxy.istio.io/config").and_then(annotation_image_type);
        let levels = [
            self.mesh,
            self.root,
            self.namespace.get(namespace).copied().flatten(),
        ]
        .into_iter()
        .chain(workload)
        .chain([own.as_deref()]);
        let chosen = levels.flatten().rfind(|t| !t.is_empty()).unwrap_or("");
        match chosen {
            "default" => String::new(),
            other => other.to_string(),
        }
    }
}

/// `image.imageType` of a `proxy.istio.io/config` annotation (none when it is not YAML).
fn annotation_image_type(text: &str) -> Option<String> {
    let value: Value = serde_yaml::from_str(text).ok()?;
    str_at(&value, "/image/imageType").map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_give_the_image_as_istio_decodes_them() {
        let v = r#"{"global":{"hub":"h","tag":"1.30","proxy":{"image":"proxyv2"}}}"#;
        assert_eq!(values_proxy_image(v), "h/proxyv2:1.30");
        let absolute = r#"{"global":{"hub":"h","proxy":{"image":"r.io/p:x"}}}"#;
        assert_eq!(values_proxy_image(absolute), "r.io/p:x");
        assert_eq!(values_proxy_image(r#"{"global":{"tag":130}}"#), "");
        assert_eq!(values_proxy_image("not json"), "");
        assert_eq!(values_proxy_image(r#"{"global":{"hub":null}}"#), "/:");
        assert_eq!(
            values_proxy_image(
                r#"{"global":{"variant":"distroless","hub":"h","tag":"t","proxy":{"image":"p"}}}"#
            ),
            "h/p:t"
        );
    }
}
