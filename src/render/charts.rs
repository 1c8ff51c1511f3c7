//! The Istio release's chart facts (`scripts/gen-chart-facts.py`): each chart's default
//! values and the Helm profiles, and the values a chart renders with after its profile
//! logic (defaults < profile < compatibility version < platform < the values passed).

use std::sync::OnceLock;

use serde_json::{json, Value};

use crate::model::effective::overlay;

const CHART_FACTS: &str = include_str!("chart-facts.json");

fn facts() -> &'static Value {
    static FACTS: OnceLock<Value> = OnceLock::new();
    FACTS.get_or_init(|| serde_json::from_str(CHART_FACTS).unwrap_or(Value::Null))
}

/// A chart's default values (`base`, `istiod`, `istio-ingress`, `istio-egress`, `cni`,
/// `ztunnel`).
pub fn defaults(chart: &str) -> &'static Value {
    &facts()["defaults"][chart]
}

/// A Helm profile's values (`demo`, `platform-openshift`, `compatibility-version-1.28`).
pub fn helm_profile(name: &str) -> Option<&'static Value> {
    facts()["profiles"].get(name)
}

/// The first non-empty string of `values` at the given keys (`profile`, `global.profile`).
fn first_setting(values: &Value, paths: &[&str]) -> String {
    paths
        .iter()
        .map(|p| super::scalar_string(super::lookup(values, p)))
        .find(|s| !s.is_empty())
        .unwrap_or_default()
}

/// The Helm profile values selected by the values passed: the profile (`profile` or
/// `global.profile`), then the compatibility version, then the platform, merged.
pub fn profile_values(passed: &Value) -> Value {
    let mut profile = json!({});
    let profile_name = first_setting(passed, &["profile", "global.profile"]);
    if let Some(p) = helm_profile(&profile_name) {
        overlay(&mut profile, p);
    }
    let compat = super::scalar_string(super::lookup(passed, "compatibilityVersion"));
    if let Some(p) = helm_profile(&format!("compatibility-version-{compat}")) {
        overlay(&mut profile, p);
    }
    let platform = first_setting(passed, &["platform", "global.platform"]);
    if let Some(p) = helm_profile(&format!("platform-{platform}")) {
        overlay(&mut profile, p);
    }
    profile
}

/// The compatibility versions the release knows (`1.25`, ...).
pub fn compatibility_versions() -> Vec<String> {
    facts()["profiles"]
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(name, _)| name.strip_prefix("compatibility-version-"))
        .map(str::to_string)
        .collect()
}

/// The values a chart renders with: its defaults, the selected profile, compatibility
/// version and platform files merged on top, then the values passed to the chart.
pub fn chart_values(chart: &str, passed: &Value) -> Value {
    let profile = profile_values(passed);
    let mut values = defaults(chart).clone();
    overlay(&mut values, &profile);
    if chart == "ztunnel" {
        // ztunnel reads the global settings (hub, tag, variant, ...) at its top level.
        overlay(&mut values, &profile["global"]);
        overlay(&mut values, &passed["global"]);
    }
    overlay(&mut values, passed);
    values
}

/// A chart's values after it copies everything under its own key (`pilot`, `cni`) to
/// the top level, where its templates read it.
pub fn descoped_values(chart: &str, scope: &str, passed: &Value) -> Value {
    let mut values = chart_values(chart, passed);
    let own = values[scope].clone();
    overlay(&mut values, &own);
    values
}

/// The istiod chart's values (`pilot.*` read at the top level).
pub fn istiod_values(passed: &Value) -> Value {
    descoped_values("istiod", "pilot", passed)
}

/// The values istioctl passes to a chart that expects its settings at the top level
/// (ztunnel): `global`, the scalar top-level values, then the chart's own subtree.
pub fn flattened(passed: &Value, scope: &str) -> Value {
    let mut out = json!({"global": passed["global"]});
    if let Some(map) = passed.as_object() {
        for (k, v) in map {
            if !v.is_object() {
                out[k.as_str()] = v.clone();
            }
        }
    }
    if let Some(own) = passed[scope].as_object() {
        for (k, v) in own {
            out[k.as_str()] = v.clone();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chart_has_defaults_and_the_profiles_are_there() {
        for chart in [
            "base",
            "istiod",
            "istio-ingress",
            "istio-egress",
            "cni",
            "ztunnel",
        ] {
            assert!(defaults(chart).is_object(), "{chart}");
        }
        assert!(helm_profile("demo").is_some());
        assert!(helm_profile("nonexistent").is_none());
    }

    #[test]
    fn profile_then_passed_values_win_over_defaults() {
        let values = istiod_values(&json!({"profile": "demo", "pilot": {"replicaCount": 3}}));
        assert_eq!(
            values["autoscaleEnabled"],
            json!(false),
            "demo turns it off"
        );
        assert_eq!(
            values["replicaCount"],
            json!(3),
            "pilot.* is read at the top"
        );
        assert_eq!(values["global"]["logging"]["level"], json!("default:info"));
        let cni = chart_values("cni", &json!({}));
        assert_eq!(cni["global"]["logging"]["level"], json!("info"));
    }
}
