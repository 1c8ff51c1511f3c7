//! Injection settings: the injector values and the mesh config (what an installation
//! renders into istiod's ConfigMaps, or what a cluster or files give), the revision, and
//! whether native sidecars are used.

use serde_json::{json, Value};

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
    /// Settings from the injector's `values` and the mesh config (as JSON), for the
    /// default revision.
    pub fn new(native_sidecars: bool, values: Value, mesh: Value) -> Self {
        Settings {
            values,
            mesh,
            revision: String::new(),
            native_sidecars,
            reinject: true,
            injector: Default::default(),
        }
    }

    /// Merges what an IstioOperator sets directly: `spec.values` and `spec.meshConfig`,
    /// `spec.hub`/`spec.tag` (the proxy image's), `components.cni.enabled` (the
    /// injector's `pilot.cni.enabled`) and `spec.revision`.
    pub fn apply_operator(&mut self, iop: &Value) {
        let spec = iop.get("spec").unwrap_or(&Value::Null);
        if let Some(values) = spec.get("values") {
            merge(&mut self.values, values);
        }
        if let Some(mesh) = spec.get("meshConfig") {
            merge(&mut self.mesh, mesh);
        }
        for key in ["hub", "tag"] {
            if let Some(v) = spec.get(key).filter(|v| !v.is_null()) {
                merge(&mut self.values, &json!({"global": {key: v}}));
            }
        }
        if let Some(v) = spec
            .pointer("/components/cni/enabled")
            .filter(|v| !v.is_null())
        {
            merge(&mut self.values, &json!({"pilot": {"cni": {"enabled": v}}}));
        }
        if let Some(revision) = spec.get("revision").and_then(Value::as_str) {
            self.revision = revision.to_string();
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
