//! Port-forwarding through the API server: one forward per local connection, over SPDY
//! (as kubectl; see `spdy`) or, when the server refuses it or SKIFF_PORT_FORWARD=websocket,
//! over a WebSocket (`v4.channel.k8s.io` framing), pumped straight between the
//! WebSocket and the socket (kube-rs's `Portforwarder` hands every frame through a
//! channel and an in-memory pipe first). The accept loop, spare forwards opened ahead of
//! need and reconnects live in `dashboard`.

use futures::{SinkExt, StreamExt};
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::WebSocketStream;

type Stream = WebSocketStream<TokioIo<hyper::upgrade::Upgraded>>;

/// An open port-forward to one port of a pod.
pub struct Forward {
    transport: Transport,
    opened: std::time::Instant,
}

enum Transport {
    Spdy(super::spdy::SpdyForward),
    WebSocket(Box<WebSocketForward>),
}

/// A WebSocket port-forward stream.
struct WebSocketForward {
    stream: Stream,
    /// Each channel's first frame is the port number (2 bytes), not data.
    seen_port: [bool; 2],
    /// Data the pod sent before a local connection took the stream.
    early: Vec<bytes::Bytes>,
}

/// How long an unused stream is trusted to still work.
const SPARE_LIFETIME: std::time::Duration = std::time::Duration::from_secs(30);

impl Forward {
    /// Whether a stream opened in advance can still carry a connection: not too old,
    /// and not closed by the server in the meantime (e.g. its pod went away). Frames
    /// already there are taken in without waiting.
    pub fn is_usable(&mut self) -> bool {
        if self.opened.elapsed() > SPARE_LIFETIME {
            return false;
        }
        match &mut self.transport {
            Transport::Spdy(forward) => forward.is_open(),
            Transport::WebSocket(forward) => forward.is_open(),
        }
    }
}

impl WebSocketForward {
    fn is_open(&mut self) -> bool {
        use futures::FutureExt;
        while let Some(next) = self.stream.next().now_or_never() {
            match frame(next, &mut self.seen_port) {
                Frame::Data(bytes) => self.early.push(bytes),
                Frame::Skip => {}
                Frame::Error(_) | Frame::End => return false,
            }
        }
        true
    }
}

/// Data and error channel of the (only) forwarded port.
const DATA_CHANNEL: u8 = 0;
const ERROR_CHANNEL: u8 = 1;
/// What one WebSocket message from the pod side means.
enum Frame {
    /// Data for the local connection.
    Data(bytes::Bytes),
    /// The pod side's error (the forward is over).
    Error(String),
    /// The stream ended.
    End,
    Skip,
}

/// Reads one message of the `v4.channel.k8s.io` framing: a channel byte, then data;
/// each channel's first frame is the port number (2 bytes), not data.
fn frame(
    message: Option<Result<Message, tokio_tungstenite::tungstenite::Error>>,
    seen_port: &mut [bool; 2],
) -> Frame {
    let mut bytes = match message {
        Some(Ok(Message::Binary(bytes))) if !bytes.is_empty() => bytes,
        Some(Ok(Message::Close(_)) | Err(_)) | None => return Frame::End,
        Some(Ok(_)) => return Frame::Skip,
    };
    let channel = bytes[0];
    match seen_port.get_mut(channel as usize) {
        Some(seen) if !*seen => {
            *seen = true;
            Frame::Skip
        }
        Some(_) if channel == DATA_CHANNEL => Frame::Data(bytes.split_off(1)),
        Some(_) if channel == ERROR_CHANNEL && bytes.len() > 1 => {
            Frame::Error(String::from_utf8_lossy(&bytes[1..]).into_owned())
        }
        _ => Frame::Skip,
    }
}

/// Bytes read from the local connection per WebSocket message.
const CHUNK: usize = 64 * 1024;

/// Opens a port-forward to one port of a pod: SPDY, and a WebSocket when the server
/// refuses SPDY. SKIFF_PORT_FORWARD=spdy or =websocket allows only that protocol.
pub async fn open(
    client: &kube::Client,
    namespace: &str,
    pod: &str,
    remote_port: u16,
) -> Result<Forward, String> {
    let only = std::env::var("SKIFF_PORT_FORWARD").unwrap_or_default();
    let websocket = || async {
        let forward = open_websocket(client, namespace, pod, remote_port).await?;
        Ok::<_, String>(Transport::WebSocket(Box::new(forward)))
    };
    let transport = match only.as_str() {
        "websocket" => websocket().await?,
        "spdy" => Transport::Spdy(
            super::spdy::open(client, namespace, pod, remote_port)
                .await
                .map_err(|e| format!("port-forward to {pod}:{remote_port} failed: {e}"))?,
        ),
        _ => match super::spdy::open(client, namespace, pod, remote_port).await {
            Ok(forward) => Transport::Spdy(forward),
            Err(_) => websocket().await?,
        },
    };
    Ok(Forward {
        transport,
        opened: std::time::Instant::now(),
    })
}

async fn open_websocket(
    client: &kube::Client,
    namespace: &str,
    pod: &str,
    remote_port: u16,
) -> Result<WebSocketForward, String> {
    let fail =
        |e: &dyn std::fmt::Display| format!("port-forward to {pod}:{remote_port} failed: {e}");
    let request = http::Request::get(format!(
        "/api/v1/namespaces/{namespace}/pods/{pod}/portforward?ports={remote_port}"
    ))
    .body(Vec::new())
    .map_err(|e| fail(&e))?;
    let connection = client.connect(request).await.map_err(|e| fail(&e))?;
    Ok(WebSocketForward {
        stream: connection.into_stream(),
        seen_port: [false; 2],
        early: Vec::new(),
    })
}

/// Copies bytes both ways between a local connection and the forwarded port until the
/// pod side closes, or the local side closes and the pod has answered; problems are
/// reported to `on_error`.
pub async fn pump(
    forward: Forward,
    socket: TcpStream,
    pod: &str,
    remote_port: u16,
    on_error: &(dyn Fn(String) + Send + Sync),
) {
    match forward.transport {
        Transport::Spdy(forward) => {
            super::spdy::pump(forward, socket, pod, remote_port, on_error).await
        }
        Transport::WebSocket(forward) => {
            pump_websocket(*forward, socket, pod, remote_port, on_error).await
        }
    }
}

async fn pump_websocket(
    forward: WebSocketForward,
    socket: TcpStream,
    pod: &str,
    remote_port: u16,
    on_error: &(dyn Fn(String) + Send + Sync),
) {
    let WebSocketForward {
        stream,
        mut seen_port,
        early,
        ..
    } = forward;
    let (mut to_pod, mut from_pod) = stream.split();
    let (mut local_read, mut local_write) = socket.into_split();
    let pod_to_local = async {
        for bytes in early {
            if local_write.write_all(&bytes).await.is_err() {
                return;
            }
        }
        loop {
            match frame(from_pod.next().await, &mut seen_port) {
                Frame::Data(bytes) => {
                    if local_write.write_all(&bytes).await.is_err() {
                        break;
                    }
                }
                Frame::Error(text) => {
                    on_error(format!("port-forward to {pod}:{remote_port}: {text}"));
                    break;
                }
                Frame::End => break,
                Frame::Skip => {}
            }
        }
    };
    let local_to_pod = async {
        let mut buffer = vec![0u8; CHUNK + 1];
        loop {
            let n = match local_read.read(&mut buffer[1..]).await {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            buffer[0] = DATA_CHANNEL;
            let frame = Message::binary(buffer[..=n].to_vec());
            if to_pod.send(frame).await.is_err() {
                break;
            }
        }
        // No half-close: the v4 protocol has none, and closing the stream now would cut
        // off the answer still on its way.
        to_pod
    };
    tokio::pin!(pod_to_local, local_to_pod);
    let mut sink = tokio::select! {
        () = &mut pod_to_local => None,
        sink = &mut local_to_pod => {
            pod_to_local.await;
            Some(sink)
        }
    };
    if let Some(sink) = sink.as_mut() {
        let _ = sink.close().await;
    }
}
