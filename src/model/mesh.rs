//! MeshConfig (the `mesh` key of the `istio` ConfigMap) and ProxyConfig
//! (`meshConfig.defaultConfig`, the `proxy.istio.io/config` annotation): the fields skiff
//! reads are typed, the rest is kept in an open map so nothing is dropped.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeshConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_log_file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_tracing: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_auto_mtls: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust_domain: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root_namespace: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ingress_service: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ingress_selector: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_config: Option<ProxyConfig>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension_providers: Option<Vec<Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbound_traffic_policy: Option<Value>,
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProxyConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discovery_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concurrency: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_metadata: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold_application_until_proxy_starts: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracing: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Value>,
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

impl MeshConfig {
    /// Parses MeshConfig from YAML text (a `--meshConfigFile` or the ConfigMap's `mesh` key).
    pub fn from_yaml(text: &str) -> Result<Self, serde_yaml::Error> {
        if text.trim().is_empty() {
            return Ok(MeshConfig::default());
        }
        super::go_yaml::parse_as_go(text, |text| serde_yaml::from_str(text))
    }

    pub fn root_namespace(&self) -> &str {
        self.root_namespace.as_deref().unwrap_or("istio-system")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_unmodelled_fields() {
        let m = MeshConfig::from_yaml("rootNamespace: mesh\nlocalityLbSetting: {enabled: true}\ndefaultConfig:\n  holdApplicationUntilProxyStarts: true\n").unwrap();
        assert_eq!(m.root_namespace(), "mesh");
        assert!(m.other.contains_key("localityLbSetting"));
        assert_eq!(
            m.default_config
                .unwrap()
                .hold_application_until_proxy_starts,
            Some(true)
        );
    }
}
