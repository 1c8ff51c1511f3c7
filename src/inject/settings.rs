//! Injection settings: the injector values (built-in defaults for the targeted Istio
//! release, then `--valuesFile`, `--operatorFileName`, `--set`), the mesh config, the
//! revision, and whether native sidecars are used.

use serde_json::{json, Value};

use crate::model::setpath;

/// Everything the injector needs besides the manifests.
#[derive(Debug, Clone)]
pub struct Settings {
    pub values: Value,
    /// The MeshConfig as JSON (defaults merged with `--meshConfigFile`).
    pub mesh: Value,
    pub revision: String,
    pub native_sidecars: bool,
    /// Replace the sidecar of already injected pods (istioctl's behaviour); when false
    /// they are kept as they are.
    pub reinject: bool,
    /// Policy, selectors and injected annotations of the injector config.
    pub injector: super::InjectorConfig,
}

/// The injector values of the targeted Istio release (the keys skiff reads).
pub fn default_values() -> Value {
    json!({
        "global": {
            "hub": crate::ISTIO_HUB,
            "tag": crate::ISTIO_VERSION,
            "variant": "",
            "imagePullPolicy": "",
            "imagePullSecrets": [],
            "istioNamespace": "istio-system",
            "caAddress": "",
            "meshID": "",
            "network": "",
            "multiCluster": {"clusterName": ""},
            "logging": {"level": "default:info"},
            "proxy": {
                "image": "proxyv2",
                "clusterDomain": "cluster.local",
                "logLevel": "warning",
                "componentLogLevel": "misc:error",
                "statusPort": 15020,
                "readinessInitialDelaySeconds": 0,
                "readinessPeriodSeconds": 15,
                "readinessFailureThreshold": 4,
                "startupProbe": {"enabled": true, "failureThreshold": 600},
                "holdApplicationUntilProxyStarts": false,
                "includeIPRanges": "*",
                "excludeIPRanges": "",
                "includeInboundPorts": "*",
                "excludeInboundPorts": "",
                "includeOutboundPorts": "",
                "excludeOutboundPorts": "",
                "privileged": false,
                "resources": {
                    "requests": {"cpu": "100m", "memory": "128Mi"},
                    "limits": {"cpu": "2000m", "memory": "1024Mi"}
                }
            },
            "proxy_init": {"image": "proxyv2"}
        },
        "pilot": {"cni": {"enabled": false, "provider": "default"}},
        "sidecarInjectorWebhook": {"rewriteAppHTTPProbe": true, "injectedAnnotations": {}},
        "meshConfig": {}
    })
}

/// The mesh config defaults the injector reads.
pub fn default_mesh() -> Value {
    json!({
        "trustDomain": "cluster.local",
        "rootNamespace": "istio-system",
        "enablePrometheusMerge": true,
        "defaultConfig": {"discoveryAddress": "istiod.istio-system.svc:15012"}
    })
}

/// Deep-merges `overlay` into `base`; a `null` in the overlay deletes the key.
pub fn merge(base: &mut Value, overlay: &Value) {
    match (base, overlay) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                if v.is_null() {
                    b.remove(k);
                } else if let Some(existing) = b.get_mut(k) {
                    merge(existing, v);
                } else {
                    b.insert(k.clone(), v.clone());
                }
            }
        }
        (b, o) => *b = o.clone(),
    }
}

impl Settings {
    pub fn new(native_sidecars: bool) -> Self {
        Settings {
            values: default_values(),
            mesh: default_mesh(),
            revision: String::new(),
            native_sidecars,
            reinject: true,
            injector: Default::default(),
        }
    }

    /// Merges an IstioOperator's `spec.values` and `spec.meshConfig`.
    pub fn apply_operator(&mut self, iop: &Value) {
        if let Some(values) = iop.pointer("/spec/values") {
            merge(&mut self.values, values);
        }
        if let Some(mesh) = iop.pointer("/spec/meshConfig") {
            merge(&mut self.mesh, mesh);
        }
    }

    /// Applies one `--set path=value` (IstioOperator paths: `values.X`, `meshConfig.X`,
    /// `components.cni.enabled`, `hub`, `tag`, `revision`).
    pub fn set(&mut self, assignment: &str) -> Result<(), String> {
        let (path, raw) = assignment
            .split_once('=')
            .ok_or_else(|| format!("--set {assignment:?}: expected PATH=VALUE"))?;
        let path = path.trim().trim_start_matches("spec.");
        let value = setpath::parse_value(path, raw);
        let segments = setpath::split_path(path)?;
        match segments.first().map(String::as_str) {
            Some("values") => {
                // The injection chart hoists `pilot.*` values; `cni.*` lands in `pilot.cni`.
                let mut rest: Vec<String> = segments[1..].to_vec();
                if rest.first().map(String::as_str) == Some("cni") {
                    rest.insert(0, "pilot".to_string());
                }
                setpath::set(&mut self.values, &rest, value)
            }
            Some("meshConfig") => setpath::set(&mut self.mesh, &segments[1..], value),
            Some("components") if path == "components.cni.enabled" => {
                setpath::set(&mut self.values, &["pilot".into(), "cni".into(), "enabled".into()], value)
            }
            Some("hub") => setpath::set(&mut self.values, &["global".into(), "hub".into()], value),
            Some("tag") => setpath::set(&mut self.values, &["global".into(), "tag".into()], value),
            Some("revision") => {
                self.revision = raw.trim().to_string();
                Ok(())
            }
            _ => Err(format!("--set {path}: not supported yet by kube-inject (use values.*, meshConfig.*, hub, tag, revision or components.cni.enabled)")),
        }
    }

    pub fn value(&self, pointer: &str) -> Option<&Value> {
        lookup(&self.values, pointer)
    }

    pub fn value_str(&self, pointer: &str) -> String {
        match lookup(&self.values, pointer) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        }
    }

    pub fn value_bool(&self, pointer: &str) -> bool {
        match lookup(&self.values, pointer) {
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) => s == "true",
            _ => false,
        }
    }

    pub fn istio_namespace(&self) -> String {
        let ns = self.value_str("/global/istioNamespace");
        if ns.is_empty() {
            "istio-system".into()
        } else {
            ns
        }
    }
}

/// `Value::pointer` for the plain pointers skiff writes (no `~` escapes), without its
/// per-segment allocations: injection looks values up hundreds of times per pod.
pub fn lookup<'a>(root: &'a Value, pointer: &str) -> Option<&'a Value> {
    let mut node = root;
    for segment in pointer.split('/').skip(1) {
        node = match node {
            Value::Object(map) => map.get(segment)?,
            Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}
