//! install.istio.io/v1alpha1 IstioOperator: spec, components, and the open `values` map
//! (typed where skiff reads it, everything else kept as JSON).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::mesh::MeshConfig;

pub const API_VERSION: &str = "install.istio.io/v1alpha1";
pub const KIND: &str = "IstioOperator";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IstioOperator {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Value>,
    #[serde(default)]
    pub spec: IstioOperatorSpec,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IstioOperatorSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hub: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compatibility_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub install_package_path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub components: Option<Components>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mesh_config: Option<MeshConfig>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unvalidated_values: Option<Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Components {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<BaseComponentSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pilot: Option<ComponentSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cni: Option<ComponentSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ztunnel: Option<ComponentSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub istiod_remote: Option<ComponentSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ingress_gateways: Option<Vec<GatewayComponentSpec>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub egress_gateways: Option<Vec<GatewayComponentSpec>>,
}

/// The base component (CRDs, reader account, default-revision webhook) has no namespace,
/// hub or tag of its own: its objects follow `values.global.istioNamespace`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BaseComponentSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub k8s: Option<BTreeMap<String, Value>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ComponentSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hub: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub k8s: Option<BTreeMap<String, Value>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GatewayComponentSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hub: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub k8s: Option<BTreeMap<String, Value>>,
}

impl IstioOperator {
    /// Parses an IstioOperator document, naming the offending field on error. A document
    /// that decodes is decoded without tracking paths: that decoding's code is a fraction
    /// of the path-tracking one's, and every `install`, `manifest` and `kube-inject` runs it.
    pub fn from_value(value: &Value) -> Result<Self, String> {
        Self::deserialize(value).or_else(|_| {
            serde_path_to_error::deserialize(value)
                .map_err(|e| format!("{}: {}", e.path(), e.inner()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_components_and_rejects_unknown_fields() {
        let v: Value = serde_json::json!({
            "apiVersion": API_VERSION, "kind": KIND,
            "spec": {"profile": "demo", "components": {"ingressGateways": [{"name": "istio-ingressgateway", "enabled": true}]},
                     "meshConfig": {"accessLogFile": "/dev/stdout"}, "values": {"global": {"hub": "x"}}}
        });
        let iop = IstioOperator::from_value(&v).unwrap();
        assert_eq!(iop.spec.profile.as_deref(), Some("demo"));
        let bad = serde_json::json!({"spec": {"components": {"pilott": {}}}});
        let e = IstioOperator::from_value(&bad).unwrap_err();
        assert!(e.contains("spec.components") && e.contains("pilott"), "{e}");
    }
}
