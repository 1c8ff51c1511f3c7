//! The injector's own configuration (the `config` key of istiod's
//! `istio-sidecar-injector` ConfigMap, or `--injectConfigFile`): the injection policy,
//! the never/always inject selectors, annotations to add, and template names. Istio's Go
//! templates in it are not executed: skiff injects its built-in equivalents and says so.

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
];

/// Templates skiff has built in (by the names Istio gives them).
const BUILT_IN_TEMPLATES: &[&str] = &["sidecar", "gateway"];

#[derive(Debug, Clone, Default)]
pub struct InjectorConfig {
    /// `policy: disabled`: only pods that ask for injection get it.
    pub policy_disabled: bool,
    pub never_inject_selector: Vec<Value>,
    pub always_inject_selector: Vec<Value>,
    pub injected_annotations: Map<String, Value>,
}

impl InjectorConfig {
    /// Reads an injector config (YAML or JSON); returns it with the warnings to print.
    /// A file that is not a mapping is taken as a bare Go template.
    pub fn parse(text: &str, source: &str) -> Result<(Self, Vec<String>), String> {
        let parsed: Result<Value, _> = serde_yaml::from_str(text);
        let is_config = |v: &Value| CONFIG_KEYS.iter().any(|k| v.get(*k).is_some());
        let value = match parsed {
            Ok(v) if v.is_object() && is_config(&v) => v,
            _ if text.contains("{{") => {
                return Ok((
                    Self::default(),
                    vec![format!(
                        "not supported yet: {source} is a Go template; custom injection templates are not executed, the built-in sidecar is injected"
                    )],
                ));
            }
            Ok(v) if v.is_object() => v,
            Ok(_) => return Err(format!("{source}: expected an injector config (a mapping)")),
            Err(e) => return Err(format!("{source}: cannot parse: {e}")),
        };
        let mut warnings = Vec::new();
        let mut custom: Vec<String> = value
            .get("templates")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter(|(name, text)| !super::templates::is_builtin(name, text.as_str().unwrap_or("")))
            .map(|(name, _)| name.clone())
            .collect();
        // A top-level `template` is the chart's guard for istiods older than the config;
        // istiod's config has no such field and ignores it, as skiff does.
        for name in value
            .get("defaultTemplates")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !BUILT_IN_TEMPLATES.contains(&name) && !custom.iter().any(|c| c == name) {
                custom.push(name.to_string());
            }
        }
        if !custom.is_empty() {
            warnings.push(format!(
                "not supported yet: the injection templates of {source} ({}) are not executed; skiff injects its built-in sidecar and gateway",
                custom.join(", ")
            ));
        }
        let selectors = |key: &str| -> Vec<Value> {
            value
                .get(key)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        Ok((
            InjectorConfig {
                policy_disabled: value.get("policy").and_then(Value::as_str) == Some("disabled"),
                never_inject_selector: selectors("neverInjectSelector"),
                always_inject_selector: selectors("alwaysInjectSelector"),
                injected_annotations: value
                    .get("injectedAnnotations")
                    .and_then(Value::as_object)
                    .cloned()
                    .unwrap_or_default(),
            },
            warnings,
        ))
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
    fn custom_templates_are_named_in_a_warning() {
        let (_, warnings) = InjectorConfig::parse(
            "defaultTemplates: [sidecar, extra]\ntemplates:\n  sidecar: '{{ .Values }}'\n",
            "cfg.yaml",
        )
        .unwrap();
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].contains("(sidecar, extra) are not executed"),
            "{warnings:?}"
        );
        let (_, warnings) = InjectorConfig::parse("spec:\n  {{ .Values }}\n", "t.tmpl").unwrap();
        assert!(warnings[0].contains("is a Go template"), "{warnings:?}");
    }
}
