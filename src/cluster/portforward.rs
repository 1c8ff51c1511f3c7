//! Port-forwarding through the API server (kube-rs WebSocket port-forward): opening a
//! stream to a pod's port and pumping one local connection through it (the accept loop
//! and reconnects live in `dashboard::forward`).

use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, Portforwarder};
use tokio::net::TcpStream;

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
