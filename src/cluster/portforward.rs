//! Port-forwarding through the API server (kube-rs WebSocket port-forward): a local
//! listener whose every accepted connection gets its own forwarded stream to the pod.

use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, Portforwarder};
use tokio::net::{TcpListener, TcpStream};

use super::{Cluster, ClusterError};

/// Forwards every connection accepted on `listener` to `remote_port` of the pod, until
/// `shutdown` resolves. Errors of single connections are reported to `on_error` and do
/// not stop the listener.
pub async fn serve(
    cluster: &Cluster,
    namespace: &str,
    pod: &str,
    remote_port: u16,
    listener: TcpListener,
    shutdown: impl std::future::Future<Output = ()>,
    on_error: impl Fn(String) + Send + Sync + Clone + 'static,
) -> Result<(), ClusterError> {
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), namespace);
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            _ = &mut shutdown => return Ok(()),
            accepted = listener.accept() => {
                let (socket, _) = accepted.map_err(|e| ClusterError::Api { message: format!("accept failed: {e}") })?;
                let pods = pods.clone();
                let pod = pod.to_string();
                let report = on_error.clone();
                tokio::spawn(async move {
                    if let Err(e) = forward_one(&pods, &pod, remote_port, socket).await {
                        report(e);
                    }
                });
            }
        }
    }
}

async fn forward_one(
    pods: &Api<Pod>,
    pod: &str,
    remote_port: u16,
    socket: TcpStream,
) -> Result<(), String> {
    let forwarder = open(pods, pod, remote_port).await?;
    let failure = std::sync::Mutex::new(None);
    pump(forwarder, socket, pod, remote_port, &|e| {
        if let Ok(mut f) = failure.lock() {
            *f = Some(e);
        }
    })
    .await;
    failure.into_inner().ok().flatten().map_or(Ok(()), Err)
}

/// Opens a port-forward stream to one port of a pod.
pub async fn open(pods: &Api<Pod>, pod: &str, remote_port: u16) -> Result<Portforwarder, String> {
    pods.portforward(pod, &[remote_port])
        .await
        .map_err(|e| format!("port-forward to {pod}:{remote_port} failed: {e}"))
}

/// Copies bytes both ways between a local connection and the forwarded port until either
/// side closes; problems are reported to `on_error`.
pub async fn pump(
    mut forwarder: Portforwarder,
    mut socket: TcpStream,
    pod: &str,
    remote_port: u16,
    on_error: &(dyn Fn(String) + Send + Sync),
) {
    let Some(mut upstream) = forwarder.take_stream(remote_port) else {
        on_error(format!("no stream for port {remote_port} of {pod}"));
        return;
    };
    // No shutdown of the write half before the response arrives: the v4 protocol has no
    // half-close, and kube-rs would close the whole stream.
    let _ = tokio::io::copy_bidirectional_with_sizes(
        &mut socket,
        &mut upstream,
        256 * 1024,
        256 * 1024,
    )
    .await;
    drop(upstream);
    match forwarder.join().await {
        Ok(()) => {}
        // kube-rs answers the server's close and then tries to send its own; harmless.
        Err(e) if e.to_string().contains("Sending after closing") => {}
        Err(e) => on_error(format!(
            "port-forward to {pod}:{remote_port} ended with: {e}"
        )),
    }
}
