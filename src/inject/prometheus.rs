//! Istio's Prometheus merge, shared by native and template injection: while merging is on,
//! the app's own `prometheus.io/*` scrape annotations move to the agent
//! (`ISTIO_PROMETHEUS_ANNOTATIONS`) and the pod is scraped at the mesh's status port.

use serde_json::{json, Map, Value};

use super::Settings;
use crate::model::annotations::parse_bool;

/// A boolean as Go's `strconv.ParseBool` reads it, `None` when it is not one.
fn go_bool(text: &str) -> Option<bool> {
    parse_bool(text).ok()
}

/// The status port the agent serves merged metrics on when the mesh config names none.
const STATUS_PORT_DEFAULT: i64 = 15020;

/// The scrape annotations Istio reads and replaces (`prometheus.io/<name>`).
const SCRAPE_KEYS: [&str; 3] = ["scrape", "path", "port"];

/// The port Prometheus is pointed at: the mesh's `defaultConfig.statusPort`, whatever the
/// pod's own status-port annotation says.
pub(super) fn target_port(settings: &Settings) -> String {
    settings
        .mesh
        .pointer("/defaultConfig/statusPort")
        .and_then(Value::as_i64)
        .unwrap_or(STATUS_PORT_DEFAULT)
        .to_string()
}

/// Whether an annotation key is `prometheus.io/<name>` once sanitised as a Prometheus label
/// name (every character but ASCII letters, digits and `_` read as `_`), so
/// `prometheus.io.scrape` and `prometheus_io_scrape` count as Istio counts them.
fn is_scrape_key(key: &str, name: &str) -> bool {
    let prefix = "prometheus_io_";
    key.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .eq(prefix.chars().chain(name.chars()))
}

/// The value of the pod's `prometheus.io/<name>` annotation in any of its spellings.
fn scrape_annotation<'a>(annotations: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    annotations
        .iter()
        .find(|(key, _)| is_scrape_key(key, name))
        .and_then(|(_, value)| value.as_str())
}

/// The app's own scrape configuration (`scrape`, `path`, `port`, each `""` when unset) when
/// the pod's metrics are merged; `None` when they are not: the pod opts out of scraping or
/// of merging (`prometheus.istio.io/merge-metrics`, else the mesh's `enablePrometheusMerge`),
/// or already points Prometheus at the agent (a re-injection).
pub(super) fn app_scrape(
    settings: &Settings,
    annotations: &Map<String, Value>,
) -> Option<Map<String, Value>> {
    let scraped = scrape_annotation(annotations, "scrape")
        .and_then(go_bool)
        .unwrap_or(true);
    let merged = annotations
        .get("prometheus.istio.io/merge-metrics")
        .and_then(Value::as_str)
        .and_then(go_bool)
        .or_else(|| settings.mesh.get("enablePrometheusMerge")?.as_bool())
        .unwrap_or(true);
    let target = target_port(settings);
    if !scraped || !merged || scrape_annotation(annotations, "port") == Some(target.as_str()) {
        return None;
    }
    let own = |name: &str| json!(scrape_annotation(annotations, name).unwrap_or_default());
    Some(
        SCRAPE_KEYS
            .iter()
            .map(|k| (k.to_string(), own(k)))
            .collect(),
    )
}

/// Points Prometheus at the agent: the scrape annotations get the agent's path and port
/// (in place where the pod has them), their other spellings go.
pub(super) fn point_at_agent(settings: &Settings, annotations: &mut Map<String, Value>) {
    annotations.retain(|key, _| {
        key.starts_with("prometheus.io/")
            || !SCRAPE_KEYS.iter().any(|name| is_scrape_key(key, name))
    });
    annotations.insert("prometheus.io/path".into(), json!("/stats/prometheus"));
    annotations.insert("prometheus.io/port".into(), json!(target_port(settings)));
    annotations.insert("prometheus.io/scrape".into(), json!("true"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrape_keys_match_in_every_spelling_istio_sanitises() {
        for key in [
            "prometheus.io/scrape",
            "prometheus.io.scrape",
            "prometheus_io_scrape",
            "prometheus-io/scrape",
            "prometheus€io/scrape",
        ] {
            assert!(is_scrape_key(key, "scrape"), "{key}");
        }
        for key in [
            "prometheus.io/scraper",
            "prometheus.io/path",
            "xprometheus.io/scrape",
        ] {
            assert!(!is_scrape_key(key, "scrape"), "{key}");
        }
        assert!(!is_scrape_key("prometheus.io/scrapé", "scrape"));
    }
}
