//! IstioOperator -> Kubernetes manifests, natively and offline: from the merged
//! IstioOperator (`model::effective`), resolve the chart values (`values`, `charts`), render every enabled
//! component (`base`, `istiod`, `gateways`, `cni`, `ztunnel`), apply the components'
//! `k8s:` settings and overlays (`k8s`), and order the objects as istioctl does.

pub mod base;
pub mod charts;
pub mod cni;
pub mod gateways;
pub mod istiod;
pub mod k8s;
pub mod meta;
pub mod output;
pub mod values;
pub mod ztunnel;

use serde_json::{json, Value};

use crate::model::effective::{self as inputs, overlay};

/// Why a render stopped: the configuration's error kinds (the CLI maps each to its
/// exit code), raised by the renderer as by the input merge.
pub use crate::model::effective::ConfigError as RenderError;

/// The components of an installation, in the order istioctl installs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ComponentKind {
    Base,
    Pilot,
    Cni,
    Ztunnel,
    IngressGateways,
    EgressGateways,
}

impl ComponentKind {
    /// The `operator.istio.io/component` label value.
    pub fn label(self) -> &'static str {
        match self {
            ComponentKind::Base => "Base",
            ComponentKind::Pilot => "Pilot",
            ComponentKind::Cni => "Cni",
            ComponentKind::Ztunnel => "Ztunnel",
            ComponentKind::IngressGateways => "IngressGateways",
            ComponentKind::EgressGateways => "EgressGateways",
        }
    }

    /// The line install prints when the component is ready.
    pub fn installed_message(self) -> &'static str {
        match self {
            ComponentKind::Base => "Istio core installed ⛵️",
            ComponentKind::Pilot => "Istiod installed 🧠",
            ComponentKind::Cni => "CNI installed 🪢",
            ComponentKind::Ztunnel => "Ztunnel installed 🔒",
            ComponentKind::IngressGateways => "Ingress gateways installed 🛬",
            ComponentKind::EgressGateways => "Egress gateways installed 🛫",
        }
    }
}

/// One enabled component instance (gateways can have several).
#[derive(Debug, Clone)]
pub struct Component {
    pub kind: ComponentKind,
    /// The gateway name, or the component's own name.
    pub name: String,
    pub namespace: String,
    /// The component's IstioOperator spec (`enabled`, `namespace`, `hub`, `tag`, `k8s`, ...).
    pub spec: Value,
}

impl Component {
    pub fn k8s(&self, key: &str) -> Option<&Value> {
        self.spec
            .get("k8s")
            .and_then(|k| k.get(key))
            .filter(|v| !v.is_null())
    }
}

/// What every component renderer reads: the effective values and the identity of the
/// installation.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub values: Value,
    pub revision: String,
    /// `install.operator.istio.io/owning-resource`: the IstioOperator's name or `unknown`.
    pub owner: String,
    pub istio_namespace: String,
    /// The IstioOperator's `spec.values`: what istioctl passes to the charts.
    pub passed_values: Value,
}

static NULL: Value = Value::Null;

impl Ctx {
    /// Whether the charts render cluster-scoped objects (`global.resourceScope` all or cluster).
    pub fn renders_cluster_scoped(&self) -> bool {
        matches!(
            self.str("global.resourceScope").as_str(),
            "all" | "cluster" | ""
        )
    }

    /// Whether the charts render namespaced objects (`global.resourceScope` all or namespace).
    pub fn renders_namespaced(&self) -> bool {
        matches!(
            self.str("global.resourceScope").as_str(),
            "all" | "namespace" | ""
        )
    }
    /// The context of a chart whose values (defaults, `global` included) are its own:
    /// `values.<chart>` and `values.global` become what that chart renders with.
    pub fn with_chart_values(&self, chart: &str) -> Ctx {
        let chart_values = match chart {
            "ztunnel" => {
                let passed = charts::flattened(&self.passed_values, "ztunnel");
                charts::chart_values("ztunnel", &passed)
            }
            _ => charts::descoped_values(chart, chart, &self.passed_values),
        };
        let mut ctx = self.clone();
        ctx.values["global"] = chart_values["global"].clone();
        ctx.values[chart] = chart_values;
        ctx
    }

    /// The value at a dotted path (`global.proxy.image`), or null.
    pub fn get(&self, path: &str) -> &Value {
        lookup(&self.values, path)
    }

    /// Why a chart template reading `.Values.<path>` without a guard fails, as Go's
    /// templates do when a step before the last is not a mapping (null included).
    pub fn unreadable(&self, path: &str) -> Option<String> {
        let mut node = &self.values;
        let mut walked = Vec::new();
        for key in path.split('.') {
            let Value::Object(map) = node else {
                return Some(format!(
                    "the chart reads values.{path}, but values.{} is {}",
                    walked.join("."),
                    crate::model::load::type_name(node)
                ));
            };
            walked.push(key);
            node = map.get(key).unwrap_or(&Value::Null);
        }
        None
    }

    /// A value as a string (numbers and booleans printed; null and missing empty).
    pub fn str(&self, path: &str) -> String {
        scalar_string(self.get(path))
    }

    /// A value as a string, or `fallback` when it is empty.
    pub fn str_or(&self, path: &str, fallback: &str) -> String {
        let s = self.str(path);
        if s.is_empty() {
            fallback.to_string()
        } else {
            s
        }
    }

    /// The cluster's name in the mesh (`Kubernetes` unless set).
    pub fn cluster_id(&self) -> String {
        self.str_or("global.multiCluster.clusterName", "Kubernetes")
    }

    /// A map value that is set and not empty.
    pub fn non_empty_map(&self, path: &str) -> Option<&Value> {
        let v = self.get(path);
        v.as_object().filter(|m| !m.is_empty()).map(|_| v)
    }

    pub fn bool(&self, path: &str) -> bool {
        truthy(self.get(path))
    }

    pub fn int(&self, path: &str, default: i64) -> i64 {
        as_int(self.get(path)).unwrap_or(default)
    }

    /// `default` for the default revision, else the revision name.
    pub fn revision_label(&self) -> String {
        if self.revision.is_empty() {
            "default".into()
        } else {
            self.revision.clone()
        }
    }

    /// `-<revision>` for a named revision, else empty.
    pub fn rev_suffix(&self) -> String {
        if self.revision.is_empty() {
            String::new()
        } else {
            format!("-{}", self.revision)
        }
    }

    /// `hub/image:tag[-variant]`; an image containing `/` is used as given. Component
    /// settings (`pilot.hub`, ...) win over `global.*`.
    pub fn image(&self, component_values: &str, image: &str) -> String {
        let pick = |key: &str| {
            let own = self.str(&format!("{component_values}.{key}"));
            if own.is_empty() {
                self.str(&format!("global.{key}"))
            } else {
                own
            }
        };
        if image.contains('/') {
            return image.to_string();
        }
        let variant = pick("variant");
        let suffix = if variant.is_empty() {
            String::new()
        } else {
            format!("-{variant}")
        };
        format!("{}/{}:{}{}", pick("hub"), image, pick("tag"), suffix)
    }
}

pub fn lookup<'a>(root: &'a Value, path: &str) -> &'a Value {
    let mut node = root;
    for key in path.split('.') {
        match node.get(key) {
            Some(v) => node = v,
            None => return &NULL,
        }
    }
    node
}

pub fn scalar_string(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::String(s) => s == "true",
        _ => false,
    }
}

/// A value as a chart's `if` / `with` sees it: false for null, `false`, zero, `""` and
/// empty maps and lists.
pub fn is_set(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(m) => !m.is_empty(),
    }
}

/// Helm's `value | default fallback`: the value when `is_set`, else the fallback.
pub fn or_default(v: &Value, fallback: Value) -> Value {
    if is_set(v) {
        v.clone()
    } else {
        fallback
    }
}

pub fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// The objects of one component.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub component: Component,
    pub objects: Vec<Value>,
    /// What the user asked for that matched nothing (printed as warnings).
    pub warnings: Vec<String>,
}

/// The values the components see: built-in defaults < Helm profile < compatibility
/// version < platform < the IstioOperator's `spec.values`.
pub fn effective_values(iop: &Value) -> Value {
    let user = iop.pointer("/spec/values").cloned().unwrap_or(json!({}));
    let mut values = values::defaults();
    let profile = in_values_layout(&values, charts::profile_values(&user));
    overlay(&mut values, &profile);
    overlay(&mut values, &user);
    values
}

/// Helm profile values in skiff's values layout: a top-level key skiff's values do not
/// have is a chart's own setting (`configMap`, `seLinuxOptions`), which istiod's chart
/// reads from `pilot` and the CNI and ztunnel charts take from their own defaults.
fn in_values_layout(defaults: &Value, profile: Value) -> Value {
    let Value::Object(map) = profile else {
        return profile;
    };
    let mut out = json!({});
    for (key, value) in map {
        if defaults.get(&key).is_some() {
            overlay(&mut out, &json!({ key: value }));
        } else {
            overlay(&mut out, &json!({"pilot": { key: value }}));
        }
    }
    out
}

/// Whether a listed component is on: unless `enabled: false`.
fn listed_enabled(spec: &Value) -> bool {
    !matches!(spec.get("enabled"), Some(v) if !truthy(v) && !v.is_null())
}

/// The enabled components of a merged IstioOperator, as istioctl selects them: a
/// component present under `spec.components` is on unless `enabled: false`; an absent
/// one takes its default (Base and Pilot on). A gateway list replaces the default
/// gateway; `values.gateways.istio-{ingress,egress}gateway.enabled` turns every listed
/// gateway (or, with no list, the default one) on. A listed gateway must have a name.
pub fn components(iop: &Value, ctx: &Ctx) -> Result<Vec<Component>, RenderError> {
    let spec_components = iop
        .pointer("/spec/components")
        .cloned()
        .unwrap_or(json!({}));
    let namespace_of = |spec: &Value| {
        spec.get("namespace")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .unwrap_or(&ctx.istio_namespace)
            .to_string()
    };
    let mut out = Vec::new();
    for (kind, key, default_on) in [
        (ComponentKind::Base, "base", true),
        (ComponentKind::Pilot, "pilot", true),
        (ComponentKind::Cni, "cni", false),
        (ComponentKind::Ztunnel, "ztunnel", false),
    ] {
        let on = match spec_components.get(key).filter(|v| !v.is_null()) {
            Some(spec) => listed_enabled(spec),
            None => default_on,
        };
        if on {
            let spec = spec_components.get(key).cloned().unwrap_or(json!({}));
            out.push(Component {
                kind,
                name: key.to_string(),
                namespace: namespace_of(&spec),
                spec,
            });
        }
    }
    for (kind, key, default_name, default_on) in [
        (
            ComponentKind::IngressGateways,
            "ingressGateways",
            "istio-ingressgateway",
            true,
        ),
        (
            ComponentKind::EgressGateways,
            "egressGateways",
            "istio-egressgateway",
            false,
        ),
    ] {
        let forced = ctx.bool(&format!("gateways.{default_name}.enabled"));
        let Some(list) = spec_components.get(key).and_then(Value::as_array) else {
            if default_on || forced {
                out.push(Component {
                    kind,
                    name: default_name.to_string(),
                    namespace: ctx.istio_namespace.clone(),
                    spec: json!({"name": default_name}),
                });
            }
            continue;
        };
        for (i, spec) in list.iter().enumerate() {
            if !(listed_enabled(spec) || forced) {
                continue;
            }
            let name = spec.get("name").and_then(Value::as_str).unwrap_or("");
            if name.is_empty() {
                return Err(RenderError::Invalid(format!(
                        "components.{key}[{i}] has no name: a listed gateway replaces the profile's list, \
                         so name it (--set components.{key}[{i}].name={default_name} to change the profile's gateway)"
                    ),
                ));
            }
            out.push(Component {
                kind,
                name: name.to_string(),
                namespace: namespace_of(spec),
                spec: spec.clone(),
            });
        }
    }
    Ok(out)
}

/// The revision a merged IstioOperator installs (empty for the default revision). The
/// merge has copied `spec.revision` into `values`, and no profile sets it.
pub fn revision_of(iop: &Value) -> String {
    scalar_string(iop.pointer("/spec/values/revision").unwrap_or(&NULL))
}

/// The IstioOperator's name, as the `owning-resource` label carries it.
pub fn owner_of(iop: &Value) -> String {
    iop.pointer("/metadata/name")
        .and_then(Value::as_str)
        .unwrap_or("unknown")
        .to_string()
}

/// The profile a merged IstioOperator was built from.
pub fn profile_of(iop: &Value) -> String {
    iop.pointer("/spec/profile")
        .and_then(Value::as_str)
        .filter(|p| !p.is_empty())
        .unwrap_or("default")
        .to_string()
}

/// A `compatibilityVersion` the release has no settings for is an error, as in the charts.
fn check_compatibility_version(iop: &Value) -> Result<(), RenderError> {
    let version = scalar_string(
        iop.pointer("/spec/values/compatibilityVersion")
            .unwrap_or(&NULL),
    );
    let known = charts::compatibility_versions();
    if version.is_empty() || known.contains(&version) {
        return Ok(());
    }
    Err(RenderError::Invalid(format!(
        "unknown compatibility version {version} (this release knows {})",
        known.join(", ")
    )))
}

/// What istiod's sidecar injector reads for an installation: the `values` of its
/// `istio-sidecar-injector` ConfigMap, the `mesh` of its `istio` ConfigMap and the
/// revision, as `render` writes them for the same IstioOperator.
#[derive(Debug, Clone)]
pub struct InjectionConfig {
    /// The injector ConfigMap's `config` (policy, selectors, templates).
    pub injector: Value,
    pub values: Value,
    pub mesh: Value,
    pub revision: String,
}

/// The injection configuration a merged IstioOperator installs (see [`InjectionConfig`]).
pub fn injection_config(iop: &Value) -> Result<InjectionConfig, RenderError> {
    check_compatibility_version(iop)?;
    let ctx = context(iop);
    let namespace = components(iop, &ctx)?
        .into_iter()
        .find(|c| c.kind == ComponentKind::Pilot)
        .map_or_else(|| ctx.istio_namespace.clone(), |c| c.namespace);
    Ok(InjectionConfig {
        injector: istiod::injector_config(&ctx),
        values: output::as_written(&istiod::injector_values(&charts::istiod_values(
            &ctx.passed_values,
        ))),
        mesh: output::as_written(&istiod::mesh_config(&ctx, &namespace)),
        revision: ctx.revision.clone(),
    })
}

/// The injection configuration of the default installation (the `default` profile).
pub fn default_injection_config() -> InjectionConfig {
    let merged = inputs::merge(&inputs::Request::default()).expect("the default profile merges");
    injection_config(&merged.iop).expect("the default profile renders")
}

/// The values and names every component renders from.
fn context(iop: &Value) -> Ctx {
    let mut values = effective_values(iop);
    let mut passed_values = iop.pointer("/spec/values").cloned().unwrap_or(json!({}));
    let component_images = iop
        .pointer("/spec/components")
        .cloned()
        .unwrap_or(json!({}));
    // Component hub/tag go to that component's values, as istioctl passes them.
    for key in ["pilot", "cni", "ztunnel"] {
        for field in ["hub", "tag"] {
            if let Some(v) = component_images
                .get(key)
                .and_then(|c| c.get(field))
                .filter(|v| !v.is_null())
            {
                values[key][field] = v.clone();
                passed_values[key][field] = v.clone();
            }
        }
    }
    Ctx {
        revision: lookup(&values, "revision")
            .as_str()
            .unwrap_or("")
            .to_string(),
        owner: owner_of(iop),
        passed_values,
        istio_namespace: lookup(&values, "global.istioNamespace")
            .as_str()
            .filter(|s| !s.is_empty())
            .unwrap_or("istio-system")
            .to_string(),
        values,
    }
}

/// Renders a merged IstioOperator into per-component objects.
pub fn render(iop: &Value) -> Result<Vec<Rendered>, RenderError> {
    check_compatibility_version(iop)?;
    let ctx = context(iop);
    let mut out = Vec::new();
    for component in components(iop, &ctx)? {
        if component.kind == ComponentKind::Pilot {
            if let Some(why) = istiod::refused_values(&ctx) {
                return Err(RenderError::Invalid(why));
            }
        }
        let mut objects = match component.kind {
            ComponentKind::Base => base::render(&ctx),
            ComponentKind::Pilot => istiod::render(&ctx, &component),
            ComponentKind::Cni => cni::render(&ctx.with_chart_values("cni"), &component),
            ComponentKind::Ztunnel => {
                ztunnel::render(&ctx.with_chart_values("ztunnel"), &component)
            }
            ComponentKind::IngressGateways | ComponentKind::EgressGateways => {
                gateways::render(&ctx, &component)?
            }
        };
        let warnings = k8s::apply(&ctx, &component, &mut objects)?;
        out.push(Rendered {
            component,
            objects,
            warnings,
        });
    }
    Ok(out)
}
