//! Dashboards: the component table (kiali, grafana, ...), finding the pod to forward to,
//! local listeners on the requested address, forwarding with reconnects to the newest
//! running pod, waiting until the UI answers, and opening the browser.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, ListParams};
use thiserror::Error;
use tokio::net::TcpListener;

use crate::cluster::portforward::Forward;
use crate::cluster::{Cluster, ClusterError};

/// A UI skiff can open: its pod selector, remote port and URL path.
#[derive(Debug, Clone, Copy)]
pub struct Component {
    pub name: &'static str,
    pub selector: &'static str,
    pub port: u16,
    pub path: &'static str,
}

/// The addon dashboards, labelled as Istio's sample addons label them.
pub const COMPONENTS: &[Component] = &[
    Component {
        name: "kiali",
        selector: "app=kiali",
        port: 20001,
        path: "/kiali",
    },
    Component {
        name: "prometheus",
        selector: "app.kubernetes.io/name=prometheus",
        port: 9090,
        path: "",
    },
    Component {
        name: "grafana",
        selector: "app.kubernetes.io/name=grafana",
        port: 3000,
        path: "",
    },
    Component {
        name: "jaeger",
        selector: "app=jaeger",
        port: 16686,
        path: "",
    },
    Component {
        name: "zipkin",
        selector: "app=zipkin",
        port: 9411,
        path: "",
    },
    Component {
        name: "skywalking",
        selector: "app=skywalking-ui",
        port: 8080,
        path: "",
    },
    Component {
        name: "loki",
        selector: "app.kubernetes.io/name=loki",
        port: 3100,
        path: "",
    },
];

pub fn component(name: &str) -> Option<&'static Component> {
    COMPONENTS.iter().find(|c| c.name == name)
}

#[derive(Debug, Error)]
pub enum DashboardError {
    #[error("no pods found with selector {selector} in {namespaces}{hint}")]
    NoPods {
        selector: String,
        namespaces: String,
        hint: String,
    },
    #[error("pod {namespace}/{name} not found")]
    PodNotFound { namespace: String, name: String },
    #[error("pod {namespace}/{name} is not running (phase {phase})")]
    PodNotRunning {
        namespace: String,
        name: String,
        phase: String,
    },
    #[error("invalid --address {0:?}: use an IP address or localhost")]
    BadAddress(String),
    #[error("cannot listen on {address}: {source}")]
    Listen {
        address: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{url} did not answer within {seconds}s")]
    NotReady { url: String, seconds: u64 },
    #[error(transparent)]
    Cluster(#[from] ClusterError),
}

/// Which pod to forward to.
#[derive(Debug, Clone)]
pub enum PodTarget {
    /// The newest Running pod matching a label selector, in the first namespace that has one.
    Selector {
        selector: String,
        namespaces: Vec<String>,
        hint: String,
    },
    /// A named pod.
    Named { namespace: String, name: String },
}

impl PodTarget {
    /// Resolves to (namespace, pod name).
    pub async fn resolve(&self, cluster: &Cluster) -> Result<(String, String), DashboardError> {
        match self {
            PodTarget::Named { namespace, name } => {
                let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), namespace);
                let pod = match pods.get(name).await {
                    Ok(p) => p,
                    Err(kube::Error::Api(s)) if s.code == 404 => {
                        return Err(DashboardError::PodNotFound {
                            namespace: namespace.clone(),
                            name: name.clone(),
                        })
                    }
                    Err(e) => return Err(cluster.error(e).into()),
                };
                let phase = pod.status.and_then(|s| s.phase).unwrap_or_default();
                if phase != "Running" {
                    return Err(DashboardError::PodNotRunning {
                        namespace: namespace.clone(),
                        name: name.clone(),
                        phase,
                    });
                }
                Ok((namespace.clone(), name.clone()))
            }
            PodTarget::Selector {
                selector,
                namespaces,
                hint,
            } => {
                for ns in namespaces {
                    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), ns);
                    let list = pods
                        .list(&ListParams::default().labels(selector))
                        .await
                        .map_err(|e| cluster.error(e))?;
                    let mut running: Vec<&Pod> = list
                        .items
                        .iter()
                        .filter(|p| p.metadata.deletion_timestamp.is_none())
                        .filter(|p| {
                            p.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Running")
                        })
                        .collect();
                    running
                        .sort_by_key(|p| std::cmp::Reverse(p.metadata.creation_timestamp.clone()));
                    if let Some(p) = running.first() {
                        return Ok((ns.clone(), p.metadata.name.clone().unwrap_or_default()));
                    }
                }
                let mut unique = namespaces.clone();
                unique.dedup();
                Err(DashboardError::NoPods {
                    selector: selector.clone(),
                    namespaces: unique.join(" or "),
                    hint: hint.clone(),
                })
            }
        }
    }
}

/// The local addresses to listen on: `localhost` means 127.0.0.1 and ::1.
pub fn listen_addresses(address: &str) -> Result<Vec<IpAddr>, DashboardError> {
    if address == "localhost" {
        return Ok(vec![
            IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(Ipv6Addr::LOCALHOST),
        ]);
    }
    address
        .trim_matches(['[', ']'])
        .parse::<IpAddr>()
        .map(|ip| vec![ip])
        .map_err(|_| DashboardError::BadAddress(address.to_string()))
}

/// Binds the listeners: `port` 0 tries `remote_port` first, then any free port. The IPv6
/// loopback is best-effort when `localhost` was asked for.
pub async fn bind(
    addresses: &[IpAddr],
    port: u16,
    remote_port: u16,
) -> Result<Vec<TcpListener>, DashboardError> {
    let candidates: Vec<u16> = if port == 0 {
        vec![remote_port, 0]
    } else {
        vec![port]
    };
    let mut last_error = None;
    for candidate in candidates {
        let first = addresses[0];
        match TcpListener::bind(SocketAddr::new(first, candidate)).await {
            Ok(listener) => {
                let chosen = listener.local_addr().map(|a| a.port()).unwrap_or(candidate);
                let mut listeners = vec![listener];
                for extra in &addresses[1..] {
                    if let Ok(l) = TcpListener::bind(SocketAddr::new(*extra, chosen)).await {
                        listeners.push(l);
                    }
                }
                return Ok(listeners);
            }
            Err(e) => last_error = Some(e),
        }
    }
    Err(DashboardError::Listen {
        address: addresses[0].to_string(),
        source: last_error.unwrap_or_else(|| std::io::Error::other("no port")),
    })
}

/// The URL users open: the host as given (`localhost`, or the IP), the bound port, the path.
pub fn url_for(address: &str, port: u16, path: &str) -> String {
    let host = match address.parse::<IpAddr>() {
        Ok(IpAddr::V6(ip)) => format!("[{ip}]"),
        _ => address.to_string(),
    };
    format!("http://{host}:{port}{path}")
}

/// Forwards every connection on the listeners to the target's current pod, re-resolving
/// the pod when a forward fails (the pod went away), until `shutdown` resolves.
pub async fn forward(
    cluster: Arc<Cluster>,
    target: PodTarget,
    remote_port: u16,
    listeners: Vec<TcpListener>,
    shutdown: impl std::future::Future<Output = ()>,
    on_event: Arc<dyn Fn(String) + Send + Sync>,
) -> Result<(), DashboardError> {
    let first = target.resolve(&cluster).await?;
    let spare = Arc::new(Spare::default());
    spare
        .clone()
        .refill(cluster.clone(), first.clone(), remote_port);
    let current = Arc::new(Mutex::new(first));
    let (tx, mut rx) = tokio::sync::mpsc::channel::<tokio::net::TcpStream>(64);
    for listener in listeners {
        let tx = tx.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                if tx.send(socket).await.is_err() {
                    break;
                }
            }
        });
    }
    drop(tx);
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            _ = &mut shutdown => return Ok(()),
            socket = rx.recv() => {
                let Some(socket) = socket else { return Ok(()) };
                tokio::spawn(forward_connection(
                    Connection {
                        cluster: cluster.clone(),
                        target: target.clone(),
                        current: current.clone(),
                        spare: spare.clone(),
                        remote_port,
                    },
                    socket,
                    on_event.clone(),
                ));
            }
        }
    }
}

/// A port-forward stream opened before it is needed: opening one (TLS, upgrade, the
/// kubelet dialling the pod) takes ~50 ms, which a fresh stream per connection would add
/// to every request.
#[derive(Default)]
struct Spare {
    slot: Mutex<Option<((String, String), Forward)>>,
    refilling: std::sync::atomic::AtomicBool,
}

impl Spare {
    /// The spare stream if it goes to `pod_ref` and still works.
    fn take(&self, pod_ref: &(String, String)) -> Option<Forward> {
        let (to, mut forward) = self.slot.lock().ok()?.take()?;
        (to == *pod_ref && forward.is_usable()).then_some(forward)
    }

    /// Opens the next spare stream in the background (one at a time).
    fn refill(self: Arc<Self>, cluster: Arc<Cluster>, pod_ref: (String, String), port: u16) {
        use std::sync::atomic::Ordering;
        if self.refilling.swap(true, Ordering::SeqCst) {
            return;
        }
        tokio::spawn(async move {
            if let Ok(forward) =
                crate::cluster::portforward::open(&cluster.client, &pod_ref.0, &pod_ref.1, port)
                    .await
            {
                if let Ok(mut slot) = self.slot.lock() {
                    *slot = Some((pod_ref, forward));
                }
            }
            self.refilling.store(false, Ordering::SeqCst);
        });
    }
}

/// What every forwarded connection shares.
struct Connection {
    cluster: Arc<Cluster>,
    target: PodTarget,
    /// The pod forwarded to (namespace, name), replaced when it goes away.
    current: Arc<Mutex<(String, String)>>,
    spare: Arc<Spare>,
    remote_port: u16,
}

/// Forwards one connection to the current pod; when that fails (the pod went away), the
/// target is resolved again to the newest running pod and tried once more.
async fn forward_connection(
    shared: Connection,
    socket: tokio::net::TcpStream,
    on_event: Arc<dyn Fn(String) + Send + Sync>,
) {
    let Connection {
        cluster,
        target,
        current,
        spare,
        remote_port,
    } = shared;
    let mut pod_ref = current.lock().map(|c| c.clone()).unwrap_or_default();
    for attempt in 0..2 {
        if attempt == 1 {
            match target.resolve(&cluster).await {
                Ok(newest) => {
                    on_event(format!("forwarding to pod {}/{}", newest.0, newest.1));
                    if let Ok(mut c) = current.lock() {
                        *c = newest.clone();
                    }
                    pod_ref = newest;
                }
                Err(e) => return on_event(e.to_string()),
            }
        }
        let ready = if attempt == 0 {
            spare.take(&pod_ref)
        } else {
            None
        };
        spare
            .clone()
            .refill(cluster.clone(), pod_ref.clone(), remote_port);
        let (ns, pod) = &pod_ref;
        let opened = match ready {
            Some(forward) => Ok(forward),
            None => crate::cluster::portforward::open(&cluster.client, ns, pod, remote_port).await,
        };
        match opened {
            Ok(forward) => {
                return crate::cluster::portforward::pump(
                    forward,
                    socket,
                    pod,
                    remote_port,
                    &*on_event,
                )
                .await
            }
            Err(e) if attempt == 1 => on_event(e),
            Err(_) => {}
        }
    }
}

/// Polls `url` until it answers with any HTTP status, up to `limit`.
pub async fn wait_until_answering(url: &str, limit: Duration) -> Result<(), DashboardError> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .map_err(|e| {
            DashboardError::Cluster(ClusterError::Api {
                message: e.to_string(),
            })
        })?;
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        if client.get(url).send().await.is_ok() {
            return Ok(());
        }
        if tokio::time::Instant::now() >= deadline {
            return Err(DashboardError::NotReady {
                url: url.to_string(),
                seconds: limit.as_secs(),
            });
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Opens a URL with the platform's opener; false when that failed.
pub fn open_browser(url: &str) -> bool {
    let opener: (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(target_os = "windows") {
        ("rundll32", vec!["url.dll,FileProtocolHandler", url])
    } else {
        ("xdg-open", vec![url])
    };
    std::process::Command::new(opener.0)
        .args(opener.1)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Parses `[type/]name[.namespace]` (type `pod` or `deployment`... only pods are supported
/// by name; other types say so).
pub fn parse_pod_ref(arg: &str, default_namespace: &str) -> Result<(String, String), String> {
    let (kind, rest) = match arg.split_once('/') {
        Some((k, r)) => (k.to_ascii_lowercase(), r),
        None => ("pod".to_string(), arg),
    };
    if !matches!(kind.as_str(), "pod" | "pods" | "po") {
        return Err(format!(
            "not supported yet: {kind}/NAME; give a pod name or use -l/--selector"
        ));
    }
    Ok(match rest.split_once('.') {
        Some((name, ns)) => (ns.to_string(), name.to_string()),
        None => (default_namespace.to_string(), rest.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_addresses() {
        assert_eq!(
            url_for("localhost", 20001, "/kiali"),
            "http://localhost:20001/kiali"
        );
        assert_eq!(url_for("0.0.0.0", 80, ""), "http://0.0.0.0:80");
        assert_eq!(url_for("::1", 80, ""), "http://[::1]:80");
        assert_eq!(listen_addresses("localhost").unwrap().len(), 2);
        assert!(listen_addresses("my-host").is_err());
    }

    #[test]
    fn pod_references() {
        assert_eq!(
            parse_pod_ref("pod/web.shop", "default").unwrap(),
            ("shop".into(), "web".into())
        );
        assert_eq!(
            parse_pod_ref("web", "ns1").unwrap(),
            ("ns1".into(), "web".into())
        );
        assert!(parse_pod_ref("deployment/web", "ns1").is_err());
    }
}
