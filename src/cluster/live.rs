//! Reading a live cluster for `analyze`: only the kinds analyzers read, listed in
//! parallel and paginated, ConfigMaps only from the Istio namespace, all within a
//! time limit.

use std::time::Duration;

use kube::api::{Api, DynamicObject, ListParams};
use kube::discovery::{ApiResource, Scope};
use serde_json::Value;
use tokio::task::JoinSet;

use super::{connect, ClusterError};
use crate::cli::GlobalOptions;
use crate::model::mesh::MeshConfig;
use crate::model::Resource;

/// What analyze needs from the cluster.
pub struct LiveInputs {
    pub resources: Vec<Resource>,
    /// The namespace analyzed (the flag, else the context's).
    pub namespace: String,
    /// Set when the namespace asked for does not exist.
    pub missing_namespace: Option<String>,
    pub mesh: Option<MeshConfig>,
}

/// Kinds analyzers read: (group, version, kind, only in the Istio namespace).
const KINDS: &[(&str, &str, &str, bool)] = &[
    ("", "v1", "Namespace", false),
    ("", "v1", "Pod", false),
    ("", "v1", "Service", false),
    ("", "v1", "Secret", false),
    ("", "v1", "ConfigMap", true),
    ("apps", "v1", "Deployment", false),
    ("apps", "v1", "StatefulSet", false),
    ("apps", "v1", "DaemonSet", false),
    ("batch", "v1", "Job", false),
    ("batch", "v1", "CronJob", false),
    (
        "admissionregistration.k8s.io",
        "v1",
        "MutatingWebhookConfiguration",
        false,
    ),
    (
        "admissionregistration.k8s.io",
        "v1",
        "ValidatingWebhookConfiguration",
        false,
    ),
    (
        "apiextensions.k8s.io",
        "v1",
        "CustomResourceDefinition",
        false,
    ),
    ("gateway.networking.k8s.io", "v1", "Gateway", false),
    ("gateway.networking.k8s.io", "v1", "HTTPRoute", false),
];

pub fn parse_timeout(s: &str) -> Result<Duration, ClusterError> {
    crate::model::validate::parse_positive_duration(s).ok_or_else(|| {
        ClusterError::InvalidObject(format!("--timeout {s:?} is not a duration such as 30s"))
    })
}

pub fn fetch_for_analysis(
    g: &GlobalOptions,
    namespace_flag: Option<&str>,
    all_namespaces: bool,
    timeout: &str,
) -> Result<LiveInputs, ClusterError> {
    let limit = parse_timeout(timeout)?;
    super::runtime().block_on(async {
        match tokio::time::timeout(limit, fetch(g, namespace_flag, all_namespaces)).await {
            Ok(result) => result,
            Err(_) => Err(ClusterError::Api {
                message: format!("reading the cluster took longer than --timeout {timeout}"),
            }),
        }
    })
}

async fn fetch(
    g: &GlobalOptions,
    namespace_flag: Option<&str>,
    all_namespaces: bool,
) -> Result<LiveInputs, ClusterError> {
    let cluster = connect(&g.view()).await?;
    let namespace = cluster.namespace(namespace_flag).to_string();
    if !all_namespaces {
        match cluster.get("v1", "Namespace", None, &namespace).await {
            Ok(_) => {}
            Err(ClusterError::NotFound { .. }) => {
                return Ok(LiveInputs {
                    resources: Vec::new(),
                    namespace: namespace.clone(),
                    missing_namespace: Some(namespace),
                    mesh: None,
                })
            }
            Err(e) => return Err(e),
        }
    }
    let discovery = cluster.discovery().await?;
    let mut wanted: Vec<(ApiResource, Scope, bool)> = Vec::new();
    let mut kinds: Vec<(String, String, String, bool)> = KINDS
        .iter()
        .map(|(g, v, k, istio_only)| (g.to_string(), v.to_string(), k.to_string(), *istio_only))
        .collect();
    for info in crate::model::api::ISTIO_KINDS {
        kinds.push((info.group.into(), String::new(), info.kind.into(), false));
    }
    for (group, version, kind, istio_only) in kinds {
        let Some(g) = discovery.groups().find(|x| x.name() == group) else {
            continue;
        };
        let found = g
            .versioned_resources(if version.is_empty() {
                g.preferred_version_or_latest()
            } else {
                &version
            })
            .into_iter()
            .find(|(r, _)| r.kind == kind);
        if let Some((resource, caps)) = found {
            wanted.push((resource, caps.scope, istio_only));
        }
    }
    let mut tasks = JoinSet::new();
    for (resource, scope, istio_only) in wanted {
        let client = cluster.client.clone();
        let ns = if istio_only {
            Some(g.istio_namespace.clone())
        } else if all_namespaces || scope == Scope::Cluster {
            None
        } else {
            Some(namespace.clone())
        };
        tasks.spawn(async move { list_all(client, resource, ns).await });
    }
    // The Istio namespace is read too when analyzing another namespace: gateways,
    // mesh-wide policies and the injector live there.
    if !all_namespaces && namespace != g.istio_namespace {
        for (group, _, kind, _) in KINDS
            .iter()
            .filter(|k| matches!(k.2, "Pod" | "Service" | "Deployment"))
        {
            let Some(gr) = discovery.groups().find(|x| x.name() == *group) else {
                continue;
            };
            if let Some((resource, _)) = gr
                .recommended_resources()
                .into_iter()
                .find(|(r, _)| r.kind == *kind)
            {
                let client = cluster.client.clone();
                let ns = Some(g.istio_namespace.clone());
                tasks.spawn(async move { list_all(client, resource, ns).await });
            }
        }
    }
    let mut resources = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        let listed = joined.map_err(|e| ClusterError::Api {
            message: e.to_string(),
        })?;
        match listed {
            Ok(items) => resources.extend(items),
            Err(e) => return Err(cluster.error(e)),
        }
    }
    let mesh = mesh_from(&resources, &g.istio_namespace);
    Ok(LiveInputs {
        resources,
        namespace,
        missing_namespace: None,
        mesh,
    })
}

async fn list_all(
    client: kube::Client,
    resource: ApiResource,
    namespace: Option<String>,
) -> Result<Vec<Resource>, kube::Error> {
    let api: Api<DynamicObject> = match &namespace {
        Some(ns) => Api::namespaced_with(client, ns, &resource),
        None => Api::all_with(client, &resource),
    };
    let mut out = Vec::new();
    let mut params = ListParams::default().limit(500);
    loop {
        let page = api.list(&params).await?;
        for item in page.items {
            let mut value = serde_json::to_value(&item).unwrap_or(Value::Null);
            if let Some(obj) = value.as_object_mut() {
                obj.insert(
                    "apiVersion".into(),
                    Value::String(resource.api_version.clone()),
                );
                obj.insert("kind".into(), Value::String(resource.kind.clone()));
            }
            out.push(Resource::detached(value, "cluster"));
        }
        match page.metadata.continue_.filter(|c| !c.is_empty()) {
            Some(token) => params = params.continue_token(&token),
            None => break,
        }
    }
    Ok(out)
}

fn mesh_from(resources: &[Resource], istio_namespace: &str) -> Option<MeshConfig> {
    let cm = resources.iter().find(|r| {
        r.kind() == "ConfigMap" && r.name() == "istio" && r.namespace() == Some(istio_namespace)
    })?;
    let text = cm.object.pointer("/data/mesh")?.as_str()?;
    MeshConfig::from_yaml(text).ok()
}
