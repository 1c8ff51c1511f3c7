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
use super::{connect, ClusterError, ConnectOptions};
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

/// Kinds every analysis reads: the namespace's labels, the mesh config's ConfigMap and
/// Deployments (istiod's CLUSTER_ID names the cluster in a multicluster analysis).
const ALWAYS_READ: &[&str] = &["Namespace", "ConfigMap", "Deployment"];

/// The kinds the live reader can list (the Istio kinds besides).
pub fn listable_kinds() -> impl Iterator<Item = &'static str> {
    KINDS
        .iter()
        .map(|k| k.kind)
        .chain(crate::model::api::ISTIO_KINDS.iter().map(|k| k.kind))
}

const KINDS: &[WantedKind] = &[
    kind("", &["v1"], "Namespace", "namespaces", false),
    kind("", &["v1"], "Node", "nodes", false),
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
    kind(
        "gateway.networking.k8s.io",
        &["v1"],
        "GRPCRoute",
        "grpcroutes",
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
    wanted: &std::collections::BTreeSet<String>,
) -> Vec<(Vec<ApiResource>, Scope, bool)> {
    let wanted = |kind: &str| ALWAYS_READ.contains(&kind) || wanted.contains(kind);
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
    for k in KINDS.iter().filter(|k| wanted(k.kind)) {
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
    for info in crate::model::api::ISTIO_KINDS
        .iter()
        .filter(|k| wanted(k.kind))
    {
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

/// Where the clusters of a multicluster analysis come from.
pub enum Remotes<'a> {
    /// `--remote-contexts`: contexts of the kubeconfig; their names are the cluster IDs.
    Contexts(&'a [String]),
    /// Istio's remote secrets (label `istio/multiCluster=true` in the Istio namespace):
    /// each data key is a cluster ID, its value a kubeconfig.
    Secrets,
}

/// Another cluster of the mesh, read like the primary one.
pub struct RemoteInputs {
    pub id: String,
    pub inputs: LiveInputs,
}

/// Everything read for one analysis: the cluster of the kubeconfig and the remote ones.
pub struct Fetched {
    pub primary: LiveInputs,
    /// The primary cluster's ID: istiod's CLUSTER_ID, else the context name.
    pub primary_id: String,
    pub remotes: Vec<RemoteInputs>,
    /// Remote secrets that could not be used (the analysis goes on without them).
    pub warnings: Vec<String>,
}

/// What an analysis reads from the cluster.
pub struct AnalysisRead<'a> {
    /// `-n`, when given.
    pub namespace_flag: Option<&'a str>,
    /// `-A`.
    pub all_namespaces: bool,
    /// `--timeout`: the limit for reading every cluster.
    pub timeout: Duration,
    pub remotes: Remotes<'a>,
    /// The kinds the selected analyzers read (their declared inputs); Namespaces and the
    /// Istio namespace's ConfigMaps (the mesh config) are read in any case.
    pub kinds: &'a [&'a str],
}

pub fn fetch_for_analysis(
    g: &ConnectOptions<'_>,
    request: AnalysisRead<'_>,
) -> Result<Fetched, ClusterError> {
    let limit = request.timeout;
    super::runtime().block_on(async {
        let read = fetch(g, request, limit / 2);
        match tokio::time::timeout(limit, read).await {
            Ok(result) => result,
            Err(_) => Err(ClusterError::Api {
                message: format!("reading the cluster took longer than --timeout {limit:?}"),
            }),
        }
    })
}

async fn fetch(
    g: &ConnectOptions<'_>,
    request: AnalysisRead<'_>,
    secret_limit: Duration,
) -> Result<Fetched, ClusterError> {
    let cluster = connect(g).await?;
    let namespace = cluster.namespace(request.namespace_flag).to_string();
    let scope = ReadScope {
        namespace: namespace.clone(),
        all_namespaces: request.all_namespaces,
        istio_namespace: g.istio_namespace.to_string(),
        kinds: request.kinds.iter().map(|k| k.to_string()).collect(),
    };
    let remotes = request.remotes;
    let mut remote_reads = JoinSet::new();
    let mut warnings = Vec::new();
    let primary = match remotes {
        Remotes::Contexts(contexts) => {
            let (kubeconfig, path) = super::read_kubeconfig(g.kubeconfig)?;
            for context in contexts {
                let remote = super::connect_with(kubeconfig.clone(), Some(context), &path).await?;
                let scope = scope.clone();
                let id = context.clone();
                remote_reads.spawn(async move {
                    let inputs = read_cluster(&remote, &scope).await;
                    (id, inputs, false)
                });
            }
            read_cluster(&cluster, &scope).await?
        }
        Remotes::Secrets => {
            let (primary, secrets) = tokio::join!(
                read_cluster(&cluster, &scope),
                remote_secrets(&cluster, g.istio_namespace)
            );
            for (id, secret, kubeconfig) in secrets.map_err(|e| cluster.error(e))? {
                let source = format!("secret {}/{secret} key {id}", g.istio_namespace);
                match connect_secret(&kubeconfig, &source).await {
                    Ok(remote) => {
                        let scope = scope.clone();
                        // A remote secret often names an address only reachable from
                        // inside the mesh: it gets half the time, then is skipped.
                        remote_reads.spawn(async move {
                            let read = read_cluster(&remote, &scope);
                            let inputs = match tokio::time::timeout(secret_limit, read).await {
                                Ok(inputs) => inputs,
                                Err(_) => Err(ClusterError::Unreachable {
                                    server: remote.server.clone(),
                                    message: format!("no answer within {secret_limit:?}"),
                                }),
                            };
                            (id, inputs, true)
                        });
                    }
                    Err(e) => warnings.push(format!("skipping remote cluster {id}: {e}")),
                }
            }
            primary?
        }
    };
    let mut remotes = Vec::new();
    while let Some(joined) = remote_reads.join_next().await {
        let (id, inputs, from_secret) = joined.map_err(|e| ClusterError::Api {
            message: e.to_string(),
        })?;
        match inputs {
            Ok(inputs) => remotes.push(RemoteInputs { id, inputs }),
            Err(e) if from_secret => warnings.push(format!("skipping remote cluster {id}: {e}")),
            Err(e) => return Err(e),
        }
    }
    remotes.sort_by(|a, b| a.id.cmp(&b.id));
    let primary_id = cluster_id(&primary.resources, g.istio_namespace)
        .unwrap_or_else(|| cluster.context.clone());
    Ok(Fetched {
        primary,
        primary_id,
        remotes,
        warnings,
    })
}

/// What to read from each cluster.
#[derive(Clone)]
struct ReadScope {
    namespace: String,
    all_namespaces: bool,
    istio_namespace: String,
    /// The kinds to list (besides Namespaces and ConfigMaps, always read).
    kinds: std::collections::BTreeSet<String>,
}

/// Reads the kinds analyzers need from one cluster.
async fn read_cluster(
    cluster: &super::Cluster,
    scope: &ReadScope,
) -> Result<LiveInputs, ClusterError> {
    let namespace = scope.namespace.clone();
    let all_namespaces = scope.all_namespaces;
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
    let wanted = resolve_kinds(&served, &scope.kinds);
    let mut tasks = JoinSet::new();
    for (resource, kind_scope, istio_only) in wanted {
        let client = cluster.client.clone();
        let ns = if istio_only {
            Some(scope.istio_namespace.clone())
        } else if all_namespaces || kind_scope == Scope::Cluster {
            None
        } else {
            Some(namespace.clone())
        };
        tasks.spawn(async move { list_all(client, resource, ns).await });
    }
    // The Istio namespace is read too when analyzing another namespace: gateways,
    // mesh-wide policies and the injector live there.
    if !all_namespaces && namespace != scope.istio_namespace {
        for (resource, _, _) in resolve_kinds(&served, &scope.kinds)
            .into_iter()
            .filter(|(r, _, _)| matches!(r[0].kind.as_str(), "Pod" | "Service" | "Deployment"))
        {
            let client = cluster.client.clone();
            let ns = Some(scope.istio_namespace.clone());
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
    let mesh = mesh_from(&resources, &scope.istio_namespace);
    Ok(LiveInputs {
        resources,
        namespace,
        missing_namespace: None,
        mesh,
    })
}

/// Label of Istio's remote secrets.
const REMOTE_SECRET_LABEL: &str = "istio/multiCluster=true";

/// (cluster ID, secret name, kubeconfig text) of every remote secret in the Istio
/// namespace.
async fn remote_secrets(
    cluster: &super::Cluster,
    istio_namespace: &str,
) -> Result<Vec<(String, String, String)>, kube::Error> {
    let resource =
        ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk("", "v1", "Secret"), "secrets");
    let params = ListParams::default().labels(REMOTE_SECRET_LABEL);
    let secrets = match list_one(
        cluster.client.clone(),
        resource,
        Some(istio_namespace.to_string()),
        params,
    )
    .await
    {
        // Reading secrets may be forbidden to the user: then there are no remotes to find.
        Err(kube::Error::Api(status)) if status.code == 403 || status.code == 404 => {
            return Ok(Vec::new())
        }
        other => other?,
    };
    let mut out = Vec::new();
    for secret in secrets {
        // k8s-openapi's Secret decodes the base64 data.
        let Ok(secret) =
            serde_json::from_value::<k8s_openapi::api::core::v1::Secret>(secret.object)
        else {
            continue;
        };
        let name = secret.metadata.name.unwrap_or_default();
        for (id, bytes) in secret.data.unwrap_or_default() {
            out.push((
                id,
                name.clone(),
                String::from_utf8_lossy(&bytes.0).into_owned(),
            ));
        }
    }
    Ok(out)
}

async fn connect_secret(kubeconfig: &str, source: &str) -> Result<super::Cluster, ClusterError> {
    let parsed = kube::config::Kubeconfig::from_yaml(kubeconfig).map_err(|e| {
        // The YAML error comes with a multi-line excerpt: its first line says it all.
        let message = e.to_string();
        ClusterError::Config {
            path: source.to_string(),
            message: message.lines().next().unwrap_or_default().to_string(),
        }
    })?;
    super::connect_with(parsed, None, source).await
}

/// The cluster ID istiod runs with (its CLUSTER_ID environment variable).
fn cluster_id(resources: &[Resource], istio_namespace: &str) -> Option<String> {
    resources
        .iter()
        .filter(|r| {
            r.kind() == "Deployment"
                && r.namespace() == Some(istio_namespace)
                && r.name().starts_with("istiod")
        })
        .flat_map(|d| {
            d.object
                .pointer("/spec/template/spec/containers")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
        })
        .flat_map(|c| c.get("env").and_then(Value::as_array).into_iter().flatten())
        .find(|e| e.get("name").and_then(Value::as_str) == Some("CLUSTER_ID"))
        .and_then(|e| e.get("value").and_then(Value::as_str))
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// Lists the first candidate the server has; none at all is an empty list.
async fn list_all(
    client: kube::Client,
    candidates: Vec<ApiResource>,
    namespace: Option<String>,
) -> Result<Vec<Resource>, kube::Error> {
    for resource in candidates {
        let params = ListParams::default();
        match list_one(client.clone(), resource, namespace.clone(), params).await {
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
    params: ListParams,
) -> Result<Vec<Resource>, kube::Error> {
    let api: Api<DynamicObject> = match &namespace {
        Some(ns) => Api::namespaced_with(client.clone(), ns, &resource),
        None => Api::all_with(client.clone(), &resource),
    };
    let url = api.resource_url().to_string();
    let mut out = Vec::new();
    let mut params = params.limit(500);
    loop {
        let mut request = kube::core::Request::new(&url)
            .list(&params)
            .map_err(kube::Error::BuildRequest)?;
        if params.continue_token.is_none() {
            from_watch_cache(&mut request);
        }
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

/// Asks for the first page with `resourceVersion=0`, as client-go's informers (and so
/// istioctl analyze) do: the API server answers from its watch cache instead of reading
/// etcd. kube-rs leaves the parameter out when a limit is set, so it is added here.
fn from_watch_cache(request: &mut http::Request<Vec<u8>>) {
    let uri = request.uri().to_string();
    let separator = if uri.contains('?') { '&' } else { '?' };
    if let Ok(cached) = format!("{uri}{separator}resourceVersion=0").parse() {
        *request.uri_mut() = cached;
    }
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
