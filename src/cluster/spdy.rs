//! Port-forwarding over SPDY/3.1 (`portforward.k8s.io`), the protocol kubectl uses: an
//! HTTP/1.1 upgrade, then one error stream and one data stream per forwarded connection.
//! Only what a port-forward client needs is implemented: opening streams, data frames
//! with FIN, RST_STREAM, PING and GOAWAY; other control frames are skipped.
//!
//! Header blocks must be zlib streams (sharing one context per connection); they are
//! written as stored (uncompressed) deflate blocks, which any inflater reads without the
//! SPDY dictionary. Flow control (WINDOW_UPDATE) is not used by Kubernetes' SPDY
//! implementation and is ignored.

use std::sync::Arc;

use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::Mutex;

type Io = TokioIo<hyper::upgrade::Upgraded>;

const VERSION: u16 = 3;
const SYN_STREAM: u16 = 1;
const RST_STREAM: u16 = 3;
const PING: u16 = 6;
const GOAWAY: u16 = 7;
const FLAG_FIN: u8 = 0x01;
/// Client streams have odd IDs: the error stream, then the data stream.
const ERROR_STREAM: u32 = 1;
const DATA_STREAM: u32 = 3;
/// Bytes read from the local connection per data frame.
const CHUNK: usize = 64 * 1024;
/// Frame header: 8 bytes for data and control frames alike.
const HEADER: usize = 8;
/// How long the error stream is awaited after the data stream has ended.
const ERROR_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// An upgraded SPDY connection with the two streams of one forwarded port opened.
pub struct SpdyForward {
    io: Io,
    /// Bytes the server sent before a local connection took the forward.
    early: Vec<u8>,
}

/// Sends the upgrade request and opens the error and data streams to `port`.
pub async fn open(
    client: &kube::Client,
    namespace: &str,
    pod: &str,
    port: u16,
) -> Result<SpdyForward, String> {
    let request = http::Request::post(format!(
        "/api/v1/namespaces/{namespace}/pods/{pod}/portforward"
    ))
    .header(http::header::CONNECTION, "Upgrade")
    .header(http::header::UPGRADE, "SPDY/3.1")
    .header("X-Stream-Protocol-Version", "portforward.k8s.io")
    .body(kube::client::Body::empty())
    .map_err(|e| e.to_string())?;
    let response = client.send(request).await.map_err(|e| e.to_string())?;
    if response.status() != http::StatusCode::SWITCHING_PROTOCOLS {
        return Err(format!("the server refused SPDY: {}", response.status()));
    }
    let upgraded = hyper::upgrade::on(response)
        .await
        .map_err(|e| e.to_string())?;
    let mut io = TokioIo::new(upgraded);
    let port = port.to_string();
    let mut opening = syn_stream(
        ERROR_STREAM,
        &[("streamtype", "error"), ("port", &port), ("requestid", "0")],
        true,
    );
    // Nothing is ever written to the error stream: its sending half closes at once.
    opening.extend(data_header(ERROR_STREAM, FLAG_FIN, 0));
    opening.extend(syn_stream(
        DATA_STREAM,
        &[("streamtype", "data"), ("port", &port), ("requestid", "0")],
        false,
    ));
    io.write_all(&opening).await.map_err(|e| e.to_string())?;
    io.flush().await.map_err(|e| e.to_string())?;
    Ok(SpdyForward {
        io,
        early: Vec::new(),
    })
}

impl SpdyForward {
    /// Takes in what the server already sent, without waiting; false when the
    /// connection is closed or the forward is over (the pod side ended or failed).
    pub fn is_open(&mut self) -> bool {
        use futures::FutureExt;
        let mut buffer = [0u8; 4096];
        loop {
            match self.io.read(&mut buffer).now_or_never() {
                None => return !has_ended(&self.early),
                Some(Ok(0) | Err(_)) => return false,
                Some(Ok(n)) => self.early.extend_from_slice(&buffer[..n]),
            }
        }
    }
}

/// Whether the complete frames in `bytes` end the forward: the data stream finished or
/// was reset, the error stream has text, or the server is going away.
fn has_ended(mut bytes: &[u8]) -> bool {
    while let Some(header) = bytes.first_chunk::<HEADER>() {
        let frame = FrameHeader::parse(header);
        let ended = match frame.control {
            Some(kind) => kind == RST_STREAM || kind == GOAWAY,
            None if frame.stream == DATA_STREAM => frame.fin(),
            None => frame.stream == ERROR_STREAM && frame.length > 0,
        };
        if ended {
            return true;
        }
        bytes = &bytes[(HEADER + frame.length).min(bytes.len())..];
    }
    false
}

/// The 8-byte header every SPDY frame starts with.
struct FrameHeader {
    /// The control frame type; `None` for a data frame.
    control: Option<u16>,
    /// The stream of a data frame.
    stream: u32,
    flags: u8,
    length: usize,
}

impl FrameHeader {
    fn parse(h: &[u8; HEADER]) -> Self {
        let control = (h[0] & 0x80 != 0).then(|| u16::from_be_bytes([h[2], h[3]]));
        FrameHeader {
            control,
            stream: u32::from_be_bytes([h[0], h[1], h[2], h[3]]) & 0x7fff_ffff,
            flags: h[4],
            length: u32::from_be_bytes([0, h[5], h[6], h[7]]) as usize,
        }
    }

    fn fin(&self) -> bool {
        self.flags & FLAG_FIN != 0
    }
}

/// Copies bytes both ways between a local connection and the data stream until the pod
/// side ends, or the local side has closed and the pod has finished answering.
pub async fn pump(
    forward: SpdyForward,
    socket: TcpStream,
    pod: &str,
    remote_port: u16,
    on_error: &(dyn Fn(String) + Send + Sync),
) {
    let SpdyForward { io, early } = forward;
    let (server_read, server_write) = tokio::io::split(io);
    let server_write = Arc::new(Mutex::new(server_write));
    let mut frames =
        BufReader::with_capacity(CHUNK, std::io::Cursor::new(early).chain(server_read));
    let (mut local_read, mut local_write) = socket.into_split();
    let pod_to_local = async {
        match read_frames(&mut frames, &mut local_write, &server_write).await {
            Ok(None) => {}
            Ok(Some(message)) => {
                on_error(format!("port-forward to {pod}:{remote_port}: {message}"))
            }
            Err(_) => {}
        }
        let _ = local_write.shutdown().await;
    };
    let local_to_pod = async {
        let mut buffer = vec![0u8; HEADER + CHUNK];
        loop {
            let n = match local_read.read(&mut buffer[HEADER..]).await {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            buffer[..HEADER].copy_from_slice(&data_header(DATA_STREAM, 0, n));
            let mut writer = server_write.lock().await;
            if writer.write_all(&buffer[..HEADER + n]).await.is_err() {
                return;
            }
        }
        // Half-close: the pod sees the end of the request and still answers.
        let mut writer = server_write.lock().await;
        let _ = writer
            .write_all(&data_header(DATA_STREAM, FLAG_FIN, 0))
            .await;
    };
    tokio::pin!(pod_to_local, local_to_pod);
    tokio::select! {
        () = &mut pod_to_local => {}
        () = &mut local_to_pod => pod_to_local.await,
    }
}

/// Reads frames until both streams have ended: the data stream's bytes go to `local`,
/// which is shut down when the data stream ends; the error stream's text, if any, is
/// returned. The server may end the data stream before it writes the error, so the error
/// stream is awaited a little longer ([`ERROR_WAIT`]).
async fn read_frames<R, W, S>(
    frames: &mut R,
    local: &mut W,
    server: &Mutex<S>,
) -> std::io::Result<Option<String>>
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
    S: AsyncWrite + Unpin,
{
    let mut error_text = Vec::new();
    let mut buffer = vec![0u8; CHUNK];
    let (mut data_ended, mut error_ended) = (false, false);
    while !(data_ended && error_ended) {
        let mut header = [0u8; HEADER];
        let read = frames.read_exact(&mut header);
        let read = if data_ended {
            match tokio::time::timeout(ERROR_WAIT, read).await {
                Ok(read) => read,
                Err(_) => break,
            }
        } else {
            read.await
        };
        if read.is_err() {
            break;
        }
        let frame = FrameHeader::parse(&header);
        if let Some(kind) = frame.control {
            let mut body = vec![0u8; frame.length];
            frames.read_exact(&mut body).await?;
            match kind {
                RST_STREAM if body.len() >= 8 => {
                    let stream =
                        u32::from_be_bytes([body[0], body[1], body[2], body[3]]) & 0x7fff_ffff;
                    let status = u32::from_be_bytes([body[4], body[5], body[6], body[7]]);
                    if stream == DATA_STREAM && !data_ended {
                        return Ok(Some(format!(
                            "the server reset the stream (status {status})"
                        )));
                    }
                }
                PING => {
                    let mut pong = header.to_vec();
                    pong.extend_from_slice(&body);
                    server.lock().await.write_all(&pong).await?;
                }
                GOAWAY => break,
                _ => {}
            }
            continue;
        }
        let stream = frame.stream;
        let mut left = frame.length;
        while left > 0 {
            let n = frames.read(&mut buffer[..left.min(CHUNK)]).await?;
            if n == 0 {
                return Ok(text(error_text));
            }
            left -= n;
            match stream {
                DATA_STREAM if !data_ended => local.write_all(&buffer[..n]).await?,
                ERROR_STREAM => error_text.extend_from_slice(&buffer[..n]),
                _ => {}
            }
        }
        if frame.fin() {
            match stream {
                DATA_STREAM => {
                    data_ended = true;
                    let _ = local.shutdown().await;
                }
                ERROR_STREAM => error_ended = true,
                _ => {}
            }
        }
    }
    Ok(text(error_text))
}

fn text(bytes: Vec<u8>) -> Option<String> {
    let s = String::from_utf8_lossy(&bytes).trim().to_string();
    (!s.is_empty()).then_some(s)
}

/// The 8-byte header of a data frame.
fn data_header(stream: u32, flags: u8, length: usize) -> [u8; HEADER] {
    let id = (stream & 0x7fff_ffff).to_be_bytes();
    let len = (length as u32).to_be_bytes();
    [id[0], id[1], id[2], id[3], flags, len[1], len[2], len[3]]
}

/// A SYN_STREAM frame opening `stream` with the given headers. `first` starts the
/// connection's zlib stream.
fn syn_stream(stream: u32, headers: &[(&str, &str)], first: bool) -> Vec<u8> {
    let mut block = Vec::new();
    block.extend((headers.len() as u32).to_be_bytes());
    for (name, value) in headers {
        block.extend((name.len() as u32).to_be_bytes());
        block.extend(name.as_bytes());
        block.extend((value.len() as u32).to_be_bytes());
        block.extend(value.as_bytes());
    }
    let compressed = stored_deflate(&block, first);
    let mut frame = Vec::with_capacity(18 + compressed.len());
    frame.extend((0x8000 | VERSION).to_be_bytes());
    frame.extend(SYN_STREAM.to_be_bytes());
    let length = (10 + compressed.len() as u32).to_be_bytes();
    frame.extend([0, length[1], length[2], length[3]]);
    frame.extend((stream & 0x7fff_ffff).to_be_bytes());
    frame.extend(0u32.to_be_bytes()); // associated stream: none
    frame.extend([0, 0]); // priority 0 (highest), slot 0
    frame.extend(compressed);
    frame
}

/// `data` as one stored deflate block (not final), after the zlib header when `first`,
/// ended by a sync flush (an empty stored block), as zlib's Z_SYNC_FLUSH does: inflaters
/// hand out a block's data only when the next block starts.
fn stored_deflate(data: &[u8], first: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + 12);
    if first {
        // CMF 0x78 (deflate, 32K window), FLG 0x01: no preset dictionary, check bits.
        out.extend([0x78, 0x01]);
    }
    let len = data.len() as u16;
    out.push(0x00); // BFINAL 0, BTYPE 00 (stored), padding to the byte boundary
    out.extend(len.to_le_bytes());
    out.extend((!len).to_le_bytes());
    out.extend(data);
    out.extend([0x00, 0x00, 0x00, 0xff, 0xff]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syn_stream_layout() {
        let frame = syn_stream(3, &[("port", "80")], true);
        assert_eq!(&frame[..4], &[0x80, 0x03, 0x00, 0x01]);
        let length = u32::from_be_bytes([0, frame[5], frame[6], frame[7]]) as usize;
        assert_eq!(length, frame.len() - HEADER);
        assert_eq!(&frame[8..12], &3u32.to_be_bytes());
        // zlib header, stored block header, then the plain header block.
        assert_eq!(&frame[18..21], &[0x78, 0x01, 0x00]);
        let block_len = u16::from_le_bytes([frame[21], frame[22]]) as usize;
        assert_eq!(
            u16::from_le_bytes([frame[23], frame[24]]),
            !(block_len as u16)
        );
        assert_eq!(
            &frame[25..],
            &[
                0, 0, 0, 1, 0, 0, 0, 4, b'p', b'o', b'r', b't', 0, 0, 0, 2, b'8',
                b'0', // pairs
                0x00, 0x00, 0x00, 0xff, 0xff, // sync flush
            ]
        );
        assert_eq!((0x78u32 * 256 + 0x01) % 31, 0, "zlib header check bits");
    }

    #[test]
    fn data_frames_and_error_text_are_told_apart() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let mut wire = Vec::new();
        wire.extend(data_header(DATA_STREAM, 0, 5));
        wire.extend(b"hello");
        // A SYN_REPLY (type 2) is skipped.
        wire.extend([0x80, 0x03, 0x00, 0x02, 0, 0, 0, 4, 0, 0, 0, 3]);
        wire.extend(data_header(ERROR_STREAM, FLAG_FIN, 4));
        wire.extend(b"boom");
        let mut local = Vec::new();
        let server = Mutex::new(Vec::new());
        let result = rt.block_on(read_frames(&mut &wire[..], &mut local, &server));
        assert_eq!(local, b"hello");
        assert_eq!(result.unwrap().as_deref(), Some("boom"));
    }

    #[test]
    fn a_spare_forward_whose_pod_side_ended_is_not_used() {
        let syn_reply = [0x80, 0x03, 0x00, 0x02, 0, 0, 0, 4, 0, 0, 0, 3];
        assert!(!has_ended(&syn_reply));
        let mut finished = syn_reply.to_vec();
        finished.extend(data_header(DATA_STREAM, FLAG_FIN, 0));
        assert!(has_ended(&finished));
        let mut failed = syn_reply.to_vec();
        failed.extend(data_header(ERROR_STREAM, 0, 3));
        failed.extend(b"err");
        assert!(has_ended(&failed));
        assert!(!has_ended(&data_header(DATA_STREAM, 0, 9)[..5]));
    }

    #[test]
    fn ping_is_echoed_and_fin_ends_the_stream() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let ping = [0x80, 0x03, 0x00, 0x06, 0, 0, 0, 4, 0, 0, 0, 7];
        let mut wire = ping.to_vec();
        wire.extend(data_header(DATA_STREAM, FLAG_FIN, 2));
        wire.extend(b"ok");
        wire.extend(data_header(DATA_STREAM, 0, 5));
        wire.extend(b"after");
        let mut local = Vec::new();
        let server = Mutex::new(Vec::new());
        let result = rt.block_on(read_frames(&mut &wire[..], &mut local, &server));
        assert_eq!(result.unwrap(), None);
        assert_eq!(local, b"ok");
        assert_eq!(server.into_inner(), ping);
    }
}
