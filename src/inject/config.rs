//! The injector's own configuration (the `config` key of istiod's
//! `istio-sidecar-injector` ConfigMap, or `--injectConfigFile`): the injection policy,
//! the never/always inject selectors, annotations to add, the templates with their
//! defaults and aliases. Templates other than skiff's built-ins are executed (src/gotmpl).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use crate::gotmpl::{Template, TemplateError};

use serde_json::{Map, Value};

/// The keys of Istio's injector config.
const CONFIG_KEYS: &[&str] = &[
    "policy",
    "templates",
    "template",
    "defaultTemplates",
    "alwaysInjectSelector",
    "neverInjectSelector",
    "injectedAnnotations",
    "aliases",
];

#[derive(Debug, Clone, Default)]
pub struct InjectorConfig {
    /// `policy: disabled`: only pods that ask for injection get it.
    pub policy_disabled: bool,
    pub never_inject_selector: Vec<Value>,
    pub always_inject_selector: Vec<Value>,
    pub injected_annotations: Map<String, Value>,
    /// The config's own templates by name, other than skiff's built-ins (which stand in for
    /// missing ones).
    pub templates: BTreeMap<String, String>,
    /// `defaultTemplates` (`[sidecar]` when unset).
    pub default_templates: Vec<String>,
    /// `aliases`: a name standing for a list of templates.
    pub aliases: BTreeMap<String, Vec<String>>,
    /// Templates parsed once, on first use.
    parsed: Arc<Mutex<BTreeMap<String, Arc<Template>>>>,
}

impl InjectorConfig {
    /// Reads an injector config (YAML or JSON); returns it with the warnings to print.
    /// A file that is not a mapping is taken as a bare Go template: the `sidecar` template.
    pub fn parse(text: &str, source: &str) -> Result<(Self, Vec<String>), String> {
        let parsed: Result<Value, _> = serde_yaml::from_str(text);
        let is_config = |v: &Value| CONFIG_KEYS.iter().any(|k| v.get(*k).is_some());
        let value = match parsed {
            Ok(v) if v.is_object() && is_config(&v) => v,
            _ if text.contains("{{") => {
                let config = InjectorConfig {
                    templates: BTreeMap::from([("sidecar".to_string(), text.to_string())]),
                    ..Self::default()
                };
                return Ok((config.with_defaults(), Vec::new()));
            }
            Ok(v) if v.is_object() => v,
            Ok(_) => return Err(format!("{source}: expected an injector config (a mapping)")),
            Err(e) => return Err(format!("{source}: cannot parse: {e}")),
        };
        Ok((Self::from_value(&value), Vec::new()))
    }

    /// The config an injector config mapping gives. Templates that are skiff's built-ins
    /// word for word are left to its native injection.
    pub fn from_value(value: &Value) -> Self {
        let strings = |v: &Value| -> Vec<String> {
            v.as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        };
        // A top-level `template` is the chart's guard for istiods older than the config;
        // istiod's config has no such field and ignores it, as skiff does.
        let templates = value
            .get("templates")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .map(|(name, text)| (name.clone(), text.as_str().unwrap_or("").to_string()))
            .filter(|(name, text)| !crate::model::injection_templates::is_builtin(name, text))
            .collect();
        let aliases = value
            .get("aliases")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .map(|(name, list)| (name.clone(), strings(list)))
            .collect();
        let selectors = |key: &str| -> Vec<Value> {
            value
                .get(key)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let config = InjectorConfig {
            policy_disabled: value.get("policy").and_then(Value::as_str) == Some("disabled"),
            never_inject_selector: selectors("neverInjectSelector"),
            always_inject_selector: selectors("alwaysInjectSelector"),
            injected_annotations: value
                .get("injectedAnnotations")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default(),
            templates,
            default_templates: value
                .get("defaultTemplates")
                .map(strings)
                .unwrap_or_default(),
            aliases,
            parsed: Default::default(),
        };
        config.with_defaults()
    }

    fn with_defaults(mut self) -> Self {
        if self.default_templates.is_empty() {
            self.default_templates = vec!["sidecar".to_string()];
        }
        self
    }

    /// Whether the template of that name is the config's own text rather than one skiff
    /// injects natively (its built-in templates, or none given).
    pub fn runs_own_template(&self, name: &str) -> bool {
        self.templates.contains_key(name)
    }

    /// A template parsed (once per config), or `None` when there is no such template.
    pub fn template(&self, name: &str) -> Option<Result<Arc<Template>, TemplateError>> {
        let mut parsed = self
            .parsed
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(t) = parsed.get(name) {
            return Some(Ok(t.clone()));
        }
        let text = self.template_text(name)?;
        Some(Template::parse(name, &text).map(|t| {
            let t = Arc::new(t);
            parsed.insert(name.to_string(), t.clone());
            t
        }))
    }

    /// The text of a template: the config's, else skiff's built-in one.
    pub fn template_text(&self, name: &str) -> Option<String> {
        self.templates.get(name).cloned().or_else(|| {
            crate::model::injection_templates::builtin()
                .into_iter()
                .find(|(n, _)| *n == name)
                .map(|(_, text)| text)
        })
    }

    /// Every template name a pod may ask for.
    pub fn template_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.templates.keys().cloned().collect();
        for (name, _) in crate::model::injection_templates::builtin() {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
        names
    }

    /// Why a pod with these labels is not injected under this config (a pod's own
    /// `sidecar.istio.io/inject: "true"` wins over it).
    pub fn skip_reason(&self, labels: &Map<String, Value>, asks: bool) -> Option<&'static str> {
        if asks {
            return None;
        }
        if self
            .never_inject_selector
            .iter()
            .any(|s| selector_matches(s, labels))
        {
            return Some("matches the injector's neverInjectSelector");
        }
        if self
            .always_inject_selector
            .iter()
            .any(|s| selector_matches(s, labels))
        {
            return None;
        }
        self.policy_disabled
            .then_some("is not asking for injection and the injection policy is disabled")
    }
}

/// A Kubernetes label selector (`matchLabels`, `matchExpressions` with In, NotIn,
/// Exists, DoesNotExist) against labels; an empty selector matches everything.
pub fn selector_matches(selector: &Value, labels: &Map<String, Value>) -> bool {
    let label = |k: &str| labels.get(k).and_then(Value::as_str);
    let match_labels = selector
        .get("matchLabels")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .all(|(k, v)| label(k) == v.as_str());
    let expressions = selector
        .get("matchExpressions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .all(|e| {
            let key = e.get("key").and_then(Value::as_str).unwrap_or("");
            let values: Vec<&str> = e
                .get("values")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            match e.get("operator").and_then(Value::as_str).unwrap_or("") {
                "In" => label(key).is_some_and(|v| values.contains(&v)),
                "NotIn" => !label(key).is_some_and(|v| values.contains(&v)),
                "Exists" => label(key).is_some(),
                "DoesNotExist" => label(key).is_none(),
                _ => false,
            }
        });
    match_labels && expressions
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn labels(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn every_builtin_template_parses() {
        for (name, text) in crate::model::injection_templates::builtin() {
            if let Err(e) = crate::gotmpl::Template::parse(name, &text) {
                panic!("built-in template {name}: {e}");
            }
        }
    }

    #[test]
    fn policy_and_selectors_decide_as_istio_does() {
        let (config, warnings) = InjectorConfig::parse(
            "policy: disabled\nalwaysInjectSelector:\n- matchLabels: {mesh: 'yes'}\nneverInjectSelector:\n- matchExpressions:\n  - {key: legacy, operator: Exists}\n",
            "cfg.yaml",
        )
        .unwrap();
        assert!(warnings.is_empty());
        assert!(config
            .skip_reason(&labels(json!({"app": "a"})), false)
            .is_some());
        assert!(config
            .skip_reason(&labels(json!({"app": "a"})), true)
            .is_none());
        assert!(config
            .skip_reason(&labels(json!({"mesh": "yes"})), false)
            .is_none());
        assert_eq!(
            config.skip_reason(&labels(json!({"mesh": "yes", "legacy": "1"})), false),
            Some("matches the injector's neverInjectSelector")
        );
    }

    #[test]
    fn own_templates_are_kept_to_run_with_defaults_and_aliases() {
        let (config, _) = InjectorConfig::parse(
            "defaultTemplates: [sidecar, extra]\naliases:\n  both: [sidecar, extra]\ntemplates:\n  sidecar: '{{ .Values }}'\n",
            "cfg.yaml",
        )
        .unwrap();
        assert!(config.runs_own_template("sidecar"));
        assert!(
            !config.runs_own_template("gateway"),
            "skiff's built-in stands in"
        );
        assert_eq!(config.default_templates, ["sidecar", "extra"]);
        assert_eq!(config.aliases["both"], ["sidecar", "extra"]);
        assert!(config.template_text("gateway").is_some());
        let (bare, _) = InjectorConfig::parse("spec:\n  {{ .Values }}\n", "t.tmpl").unwrap();
        assert!(bare.runs_own_template("sidecar"));
        assert_eq!(bare.default_templates, ["sidecar"]);
    }
}
