//! Reading a live cluster for `analyze`: only the kinds analyzers read, listed in
//! parallel and paginated, ConfigMaps only from the Istio namespace, all within a
//! time limit.

use std::time::Duration;

use kube::api::{Api, DynamicObject, ListParams};
use kube::core::GroupVersionKind;
use kube::discovery::{ApiResource, Scope};
use serde_json::Value;
use tokio::task::JoinSet;

use super::list_page::{Item, ListPage};
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

/// A Kubernetes kind analyzers read: group, version, kind, plural, namespaced, and
/// whether it is read only in the Istio namespace.
struct WantedKind {
    group: &'static str,
    /// Versions to try, newest first (a group/version can be served without the kind:
    /// CronJob is batch/v1 only from Kubernetes 1.21).
    versions: &'static [&'static str],
    kind: &'static str,
    plural: &'static str,
    namespaced: bool,
    istio_namespace_only: bool,
}

const fn kind(
    group: &'static str,
    versions: &'static [&'static str],
    kind: &'static str,
    plural: &'static str,
    namespaced: bool,
) -> WantedKind {
    WantedKind {
        group,
        versions,
        kind,
        plural,
        namespaced,
        istio_namespace_only: false,
    }
}

const KINDS: &[WantedKind] = &[
    kind("", &["v1"], "Namespace", "namespaces", false),
    kind("", &["v1"], "Pod", "pods", true),
    kind("", &["v1"], "Service", "services", true),
    kind("", &["v1"], "Secret", "secrets", true),
    WantedKind {
        istio_namespace_only: true,
        ..kind("", &["v1"], "ConfigMap", "configmaps", true)
    },
    kind("apps", &["v1"], "Deployment", "deployments", true),
    kind("apps", &["v1"], "StatefulSet", "statefulsets", true),
    kind("apps", &["v1"], "DaemonSet", "daemonsets", true),
    kind("batch", &["v1"], "Job", "jobs", true),
    kind("batch", &["v1", "v1beta1"], "CronJob", "cronjobs", true),
    kind(
        "admissionregistration.k8s.io",
        &["v1"],
        "MutatingWebhookConfiguration",
        "mutatingwebhookconfigurations",
        false,
    ),
    kind(
        "admissionregistration.k8s.io",
        &["v1"],
        "ValidatingWebhookConfiguration",
        "validatingwebhookconfigurations",
        false,
    ),
    kind(
        "apiextensions.k8s.io",
        &["v1"],
        "CustomResourceDefinition",
        "customresourcedefinitions",
        false,
    ),
    kind(
        "gateway.networking.k8s.io",
        &["v1"],
        "Gateway",
        "gateways",
        true,
    ),
    kind(
        "gateway.networking.k8s.io",
        &["v1"],
        "HTTPRoute",
        "httproutes",
        true,
    ),
];

/// Kubernetes' version order: `v2` > `v1` > `v1beta2` > `v1beta1` > `v1alpha3`.
fn version_priority(name: &str) -> (u8, u32, u32) {
    let rest = name.trim_start_matches('v');
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let major = digits.parse().unwrap_or(0);
    let suffix = &rest[digits.len()..];
    let (stability, minor) = if suffix.is_empty() {
        (2, 0)
    } else if let Some(n) = suffix.strip_prefix("beta") {
        (1, n.parse().unwrap_or(0))
    } else if let Some(n) = suffix.strip_prefix("alpha") {
        (0, n.parse().unwrap_or(0))
    } else {
        (0, 0)
    };
    (stability, major, minor)
}

/// The API resources to list: the wanted kinds whose group/version the server serves
/// (for Istio's kinds, the newest served version). Two discovery requests in all,
/// instead of one per API group.
fn resolve_kinds(
    served: &std::collections::BTreeSet<String>,
) -> Vec<(Vec<ApiResource>, Scope, bool)> {
    let api_version = |group: &str, version: &str| {
        if group.is_empty() {
            version.to_string()
        } else {
            format!("{group}/{version}")
        }
    };
    let resource = |group: &str, version: &str, kind: &str, plural: &str| {
        ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk(group, version, kind), plural)
    };
    let scope = |namespaced: bool| {
        if namespaced {
            Scope::Namespaced
        } else {
            Scope::Cluster
        }
    };
    let mut out = Vec::new();
    for k in KINDS {
        let candidates: Vec<ApiResource> = k
            .versions
            .iter()
            .filter(|v| served.contains(&api_version(k.group, v)))
            .map(|v| resource(k.group, v, k.kind, k.plural))
            .collect();
        if !candidates.is_empty() {
            out.push((candidates, scope(k.namespaced), k.istio_namespace_only));
        }
    }
    for info in crate::model::api::ISTIO_KINDS {
        // As the server prefers: GA over beta over alpha, then the higher number.
        let version = info
            .versions
            .iter()
            .filter(|v| v.served && served.contains(&api_version(info.group, v.name)))
            .max_by_key(|v| version_priority(v.name));
        if let Some(v) = version {
            out.push((
                vec![resource(info.group, v.name, info.kind, info.plural)],
                scope(info.namespaced),
                false,
            ));
        }
    }
    out
}

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
    let served = cluster.served_api_versions().await?;
    let wanted = resolve_kinds(&served);
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
        for (resource, _, _) in resolve_kinds(&served)
            .into_iter()
            .filter(|(r, _, _)| matches!(r[0].kind.as_str(), "Pod" | "Service" | "Deployment"))
        {
            let client = cluster.client.clone();
            let ns = Some(g.istio_namespace.clone());
            tasks.spawn(async move { list_all(client, resource, ns).await });
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

/// Lists the first candidate the server has; none at all is an empty list.
async fn list_all(
    client: kube::Client,
    candidates: Vec<ApiResource>,
    namespace: Option<String>,
) -> Result<Vec<Resource>, kube::Error> {
    for resource in candidates {
        match list_one(client.clone(), resource, namespace.clone()).await {
            Err(kube::Error::Api(status)) if status.code == 404 => continue,
            other => return other,
        }
    }
    Ok(Vec::new())
}

async fn list_one(
    client: kube::Client,
    resource: ApiResource,
    namespace: Option<String>,
) -> Result<Vec<Resource>, kube::Error> {
    let api: Api<DynamicObject> = match &namespace {
        Some(ns) => Api::namespaced_with(client.clone(), ns, &resource),
        None => Api::all_with(client.clone(), &resource),
    };
    let url = api.resource_url().to_string();
    let mut out = Vec::new();
    let mut params = ListParams::default().limit(500);
    loop {
        let request = kube::core::Request::new(&url)
            .list(&params)
            .map_err(kube::Error::BuildRequest)?;
        let page: ListPage = client.request(request).await?;
        for Item(fields) in page.items {
            // List items carry no apiVersion and kind; they come first, as in a manifest.
            let mut object = serde_json::Map::with_capacity(fields.len() + 2);
            object.insert(
                "apiVersion".into(),
                Value::String(resource.api_version.clone()),
            );
            object.insert("kind".into(), Value::String(resource.kind.clone()));
            object.extend(fields);
            out.push(Resource::detached(Value::Object(object), "cluster"));
        }
        match page.metadata.continue_token.filter(|c| !c.is_empty()) {
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

#[cfg(test)]
mod tests {
    use super::version_priority;

    #[test]
    fn ga_beats_beta_beats_alpha() {
        let mut v = vec!["v1alpha3", "v1", "v1beta1", "v2", "v1beta2"];
        v.sort_by_key(|n| std::cmp::Reverse(version_priority(n)));
        assert_eq!(v, ["v2", "v1", "v1beta2", "v1beta1", "v1alpha3"]);
    }
}
