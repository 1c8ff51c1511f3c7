//! The only module that talks to Kubernetes: a client from the kubeconfig (`--kubeconfig`,
//! `--context`), namespace resolution, server-side apply of arbitrary objects, reads,
//! and errors turned into one clear line (forbidden, unreachable, not found).

mod list_page;
pub mod live;
pub mod portforward;
mod spdy;

use std::path::PathBuf;

use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, DynamicObject, ListParams, Patch, PatchParams};
use kube::config::{KubeConfigOptions, Kubeconfig};
use kube::discovery::{ApiCapabilities, ApiResource, Scope};
use kube::{Client, Config};
use serde_json::Value;
use thiserror::Error;

/// Field manager used for every server-side apply skiff makes.
pub const FIELD_MANAGER: &str = "skiff";

#[derive(Debug, Error)]
pub enum ClusterError {
    #[error("no kubeconfig found ({0}); pass --kubeconfig or set KUBECONFIG")]
    NoConfig(String),
    #[error("cannot load kubeconfig {path}: {message}")]
    Config { path: String, message: String },
    #[error("forbidden: {message}")]
    Forbidden { message: String },
    #[error("not found: {message}")]
    NotFound { message: String },
    #[error("the API server rejected the request: {message}")]
    Api { message: String },
    #[error("cannot reach the cluster at {server}: {message}")]
    Unreachable { server: String, message: String },
    #[error("the cluster does not serve {api_version}/{kind} (is its CRD installed?)")]
    UnknownKind { api_version: String, kind: String },
    #[error("invalid object: {0}")]
    InvalidObject(String),
}

impl ClusterError {
    /// Maps a kube-rs error to one clear line.
    pub fn from_kube(err: kube::Error, server: &str) -> Self {
        match err {
            kube::Error::Api(status) => {
                let message = status.message.clone();
                match status.code {
                    403 => ClusterError::Forbidden { message },
                    404 => ClusterError::NotFound { message },
                    _ => ClusterError::Api { message },
                }
            }
            other => ClusterError::Unreachable {
                server: server.to_string(),
                message: first_cause(&other),
            },
        }
    }
}

fn first_cause(err: &dyn std::error::Error) -> String {
    let mut msg = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        msg = s.to_string();
        source = s.source();
    }
    msg
}

/// A connected client plus what it was made from.
pub struct Cluster {
    pub client: Client,
    pub server: String,
    /// The kubeconfig context used.
    pub context: String,
    /// The namespace of the context, or "default".
    pub default_namespace: String,
    /// Discovery answers already fetched, by (apiVersion, kind).
    resolved: std::sync::Mutex<
        std::collections::HashMap<(String, String), (ApiResource, ApiCapabilities)>,
    >,
}

fn kubeconfig_path(explicit: Option<&str>) -> Result<PathBuf, ClusterError> {
    if let Some(p) = explicit.filter(|p| !p.is_empty()) {
        // KUBECONFIG may hold several paths; the first existing one is used.
        for part in std::env::split_paths(p) {
            if part.exists() {
                return Ok(part);
            }
        }
        return Err(ClusterError::NoConfig(format!("{p} does not exist")));
    }
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default();
    let default = home.join(".kube").join("config");
    if default.exists() {
        Ok(default)
    } else {
        Err(ClusterError::NoConfig(format!(
            "{} does not exist",
            default.display()
        )))
    }
}

/// A tokio runtime for the synchronous CLI commands.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime")
}

/// How to reach the cluster: the `--kubeconfig`, `--context`, `-n` and `-i` flags.
#[derive(Debug, Clone, Copy)]
pub struct ConnectOptions<'a> {
    pub kubeconfig: Option<&'a str>,
    pub context: Option<&'a str>,
    pub namespace: Option<&'a str>,
    /// Istio's system namespace.
    pub istio_namespace: &'a str,
}

/// Connects with the kubeconfig and context of the options.
pub async fn connect(opts: &ConnectOptions<'_>) -> Result<Cluster, ClusterError> {
    let (kubeconfig, path) = read_kubeconfig(opts.kubeconfig)?;
    connect_with(kubeconfig, opts.context, &path).await
}

/// Reads the kubeconfig of `--kubeconfig`/KUBECONFIG/~/.kube/config; returns it with its
/// path for messages.
pub fn read_kubeconfig(explicit: Option<&str>) -> Result<(Kubeconfig, String), ClusterError> {
    let path = kubeconfig_path(explicit)?;
    let display = path.display().to_string();
    let kubeconfig = Kubeconfig::read_from(&path).map_err(|e| ClusterError::Config {
        path: display.clone(),
        message: first_cause(&e),
    })?;
    Ok((kubeconfig, display))
}

/// Connects with an already read kubeconfig (`source` names it in errors) and a context
/// (else its current context).
pub async fn connect_with(
    kubeconfig: Kubeconfig,
    context: Option<&str>,
    source: &str,
) -> Result<Cluster, ClusterError> {
    if let Some(wanted) = context {
        if !kubeconfig.contexts.iter().any(|c| c.name == wanted) {
            return Err(ClusterError::Config {
                path: source.to_string(),
                message: format!("it has no context {wanted:?}"),
            });
        }
    }
    let context_name = context
        .map(str::to_string)
        .or_else(|| kubeconfig.current_context.clone())
        .unwrap_or_default();
    let options = KubeConfigOptions {
        context: context.map(str::to_string),
        ..Default::default()
    };
    let config = Config::from_custom_kubeconfig(kubeconfig, &options)
        .await
        .map_err(|e| ClusterError::Config {
            path: source.to_string(),
            message: first_cause(&e),
        })?;
    let server = config.cluster_url.to_string();
    let default_namespace = config.default_namespace.clone();
    let client = Client::try_from(config).map_err(|e| ClusterError::Config {
        path: source.to_string(),
        message: first_cause(&e),
    })?;
    Ok(Cluster {
        client,
        server,
        context: context_name,
        default_namespace,
        resolved: Default::default(),
    })
}

impl Cluster {
    /// The namespace a command works in: `-n`, else the context's.
    pub fn namespace<'a>(&'a self, flag: Option<&'a str>) -> &'a str {
        flag.filter(|n| !n.is_empty())
            .unwrap_or(&self.default_namespace)
    }

    pub fn error(&self, err: kube::Error) -> ClusterError {
        ClusterError::from_kube(err, &self.server)
    }

    /// The Kubernetes server version, e.g. `v1.20.2`.
    pub async fn server_version(&self) -> Result<String, ClusterError> {
        let info = self
            .client
            .apiserver_version()
            .await
            .map_err(|e| self.error(e))?;
        Ok(info.git_version)
    }

    /// Finds how the server serves an apiVersion/kind.
    pub async fn resolve(
        &self,
        api_version: &str,
        kind: &str,
    ) -> Result<(ApiResource, ApiCapabilities), ClusterError> {
        let key = (api_version.to_string(), kind.to_string());
        if let Some(hit) = self.resolved.lock().expect("resolve cache").get(&key) {
            return Ok(hit.clone());
        }
        let gvk = crate::model::Gvk::from_api_version(api_version, kind);
        let kube_gvk = kube::core::GroupVersionKind::gvk(&gvk.group, &gvk.version, &gvk.kind);
        let found = kube::discovery::pinned_kind(&self.client, &kube_gvk)
            .await
            .map_err(|e| match e {
                kube::Error::Api(ref s) if s.code == 404 => ClusterError::UnknownKind {
                    api_version: api_version.to_string(),
                    kind: kind.to_string(),
                },
                kube::Error::Discovery(_) => ClusterError::UnknownKind {
                    api_version: api_version.to_string(),
                    kind: kind.to_string(),
                },
                // Forbidden, unreachable, ...: said as such, not as a missing kind.
                _ => self.error(e),
            })?;
        self.resolved
            .lock()
            .expect("resolve cache")
            .insert(key, found.clone());
        Ok(found)
    }

    /// Lists objects of one kind (in `namespace`, else in all namespaces) matching a
    /// label selector.
    pub async fn list(
        &self,
        api_version: &str,
        kind: &str,
        namespace: Option<&str>,
        label_selector: &str,
    ) -> Result<Vec<Value>, ClusterError> {
        let (resource, caps) = self.resolve(api_version, kind).await?;
        let api: Api<DynamicObject> = match (&caps.scope, namespace) {
            (Scope::Namespaced, Some(ns)) => {
                Api::namespaced_with(self.client.clone(), ns, &resource)
            }
            _ => Api::all_with(self.client.clone(), &resource),
        };
        let list = api
            .list(&ListParams::default().labels(label_selector))
            .await
            .map_err(|e| self.error(e))?;
        list.items
            .into_iter()
            .map(|o| {
                let mut v = serde_json::to_value(o)
                    .map_err(|e| ClusterError::InvalidObject(e.to_string()))?;
                v["apiVersion"] = Value::from(api_version);
                v["kind"] = Value::from(kind);
                Ok(v)
            })
            .collect()
    }

    /// Server-side applies one object (field manager `skiff`, forced) and returns what
    /// the server stored.
    pub async fn apply(
        &self,
        object: &Value,
        namespace: Option<&str>,
    ) -> Result<Value, ClusterError> {
        self.apply_with(object, namespace, false).await
    }

    /// Server-side apply; with `dry_run` the server validates and defaults the object
    /// (admission included) but stores nothing.
    pub async fn apply_with(
        &self,
        object: &Value,
        namespace: Option<&str>,
        dry_run: bool,
    ) -> Result<Value, ClusterError> {
        let api_version = object
            .get("apiVersion")
            .and_then(Value::as_str)
            .ok_or_else(|| ClusterError::InvalidObject("missing apiVersion".into()))?;
        let kind = object
            .get("kind")
            .and_then(Value::as_str)
            .ok_or_else(|| ClusterError::InvalidObject("missing kind".into()))?;
        let name = object
            .pointer("/metadata/name")
            .and_then(Value::as_str)
            .ok_or_else(|| ClusterError::InvalidObject(format!("{kind} without metadata.name")))?;
        let (resource, caps) = self.resolve(api_version, kind).await?;
        let mut object = object.clone();
        if matches!(resource.group.as_str(), "" | "apps" | "batch") {
            fill_port_protocols(&mut object);
        }
        let object = &object;
        let namespace = object
            .pointer("/metadata/namespace")
            .and_then(Value::as_str)
            .or(namespace)
            .unwrap_or(&self.default_namespace)
            .to_string();
        let api = self.api_in(&resource, &caps, Some(&namespace));
        let mut params = PatchParams::apply(FIELD_MANAGER).force();
        params.dry_run = dry_run;
        let stored = api
            .patch(name, &params, &Patch::Apply(object))
            .await
            .map_err(|e| self.error(e))?;
        serde_json::to_value(stored).map_err(|e| ClusterError::InvalidObject(e.to_string()))
    }

    /// Reads one object by apiVersion/kind/name.
    pub async fn get(
        &self,
        api_version: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> Result<Value, ClusterError> {
        let (resource, caps) = self.resolve(api_version, kind).await?;
        let api = self.api_in(&resource, &caps, namespace);
        let obj = api.get(name).await.map_err(|e| self.error(e))?;
        serde_json::to_value(obj).map_err(|e| ClusterError::InvalidObject(e.to_string()))
    }

    /// A dynamic API handle for a resource, in `namespace` when it is namespaced.
    fn api_in(
        &self,
        resource: &ApiResource,
        caps: &ApiCapabilities,
        namespace: Option<&str>,
    ) -> Api<DynamicObject> {
        match (&caps.scope, namespace) {
            (Scope::Namespaced, Some(ns)) => {
                Api::namespaced_with(self.client.clone(), ns, resource)
            }
            (Scope::Namespaced, None) => {
                Api::default_namespaced_with(self.client.clone(), resource)
            }
            (Scope::Cluster, _) => Api::all_with(self.client.clone(), resource),
        }
    }

    /// Deletes one object; a missing object is not an error.
    pub async fn delete(
        &self,
        api_version: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> Result<(), ClusterError> {
        let (resource, caps) = self.resolve(api_version, kind).await?;
        let api = self.api_in(&resource, &caps, namespace);
        match api.delete(name, &Default::default()).await {
            Ok(_) => Ok(()),
            Err(kube::Error::Api(s)) if s.code == 404 => Ok(()),
            Err(e) => Err(self.error(e)),
        }
    }

    /// Every `group/version` (`v1` for core) the server serves.
    pub async fn served_api_versions(
        &self,
    ) -> Result<std::collections::BTreeSet<String>, ClusterError> {
        let mut out = std::collections::BTreeSet::new();
        let core = self
            .client
            .list_core_api_versions()
            .await
            .map_err(|e| self.error(e))?;
        out.extend(core.versions);
        let groups = self
            .client
            .list_api_groups()
            .await
            .map_err(|e| self.error(e))?;
        for group in groups.groups {
            out.extend(group.versions.into_iter().map(|v| v.group_version));
        }
        Ok(out)
    }

    /// Every kind the server serves that can be listed, as `(apiVersion, kind)` in each
    /// group's preferred version.
    pub async fn served_listable_kinds(&self) -> Result<Vec<(String, String)>, ClusterError> {
        let discovery = kube::discovery::Discovery::new(self.client.clone())
            .run()
            .await
            .map_err(|e| self.error(e))?;
        let mut out = Vec::new();
        for group in discovery.groups() {
            for (resource, caps) in group.recommended_resources() {
                if caps.supports_operation(kube::discovery::verbs::LIST) {
                    out.push((resource.api_version.clone(), resource.kind.clone()));
                }
            }
        }
        Ok(out)
    }

    /// Versions of running istiod pods in the Istio namespace, read from their image tags.
    pub async fn control_plane_versions(
        &self,
        istio_namespace: &str,
    ) -> Result<Vec<String>, ClusterError> {
        let pods: Api<Pod> = Api::namespaced(self.client.clone(), istio_namespace);
        let list = pods
            .list(&ListParams::default().labels("app=istiod"))
            .await
            .map_err(|e| self.error(e))?;
        let mut versions: Vec<String> = list
            .items
            .iter()
            .filter(|p| p.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Running"))
            .filter_map(|p| {
                let spec = p.spec.as_ref()?;
                let image = spec.containers.first()?.image.as_deref()?;
                Some(
                    image
                        .rsplit_once(':')
                        .map(|(_, t)| t)
                        .unwrap_or("unknown")
                        .to_string(),
                )
            })
            .collect();
        versions.sort();
        versions.dedup();
        Ok(versions)
    }
}

/// Server-side apply treats `protocol` as part of the key of Service and container port
/// lists, and servers before 1.20.x's fix reject ports without it: fill in the default.
fn fill_port_protocols(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                if key == "ports" {
                    if let Value::Array(ports) = child {
                        for p in ports.iter_mut().filter_map(Value::as_object_mut) {
                            if (p.contains_key("containerPort") || p.contains_key("port"))
                                && !p.contains_key("protocol")
                            {
                                p.insert("protocol".into(), Value::String("TCP".into()));
                            }
                        }
                    }
                } else {
                    fill_port_protocols(child);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(fill_port_protocols),
        _ => {}
    }
}

/// Versions read from the cluster for `skiff version`.
pub struct RemoteVersions {
    pub kubernetes: String,
    pub control_plane: Vec<String>,
}

pub fn remote_versions(opts: &ConnectOptions<'_>) -> Result<RemoteVersions, ClusterError> {
    runtime().block_on(async {
        let cluster = connect(opts).await?;
        let kubernetes = cluster.server_version().await?;
        let control_plane = cluster.control_plane_versions(opts.istio_namespace).await?;
        Ok(RemoteVersions {
            kubernetes,
            control_plane,
        })
    })
}
