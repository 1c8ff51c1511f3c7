//! The Printer: all user-facing output goes through it. Colour follows `--color`,
//! `NO_COLOR` and whether stdout is a terminal; a closed stdout pipe is not an error.

pub mod yaml;

use std::io::{IsTerminal, Write};
use std::path::Path;

use colored::Colorize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// Decides colour once for the process.
pub fn init_color(choice: ColorChoice) {
    let enabled = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map(|t| t != "dumb").unwrap_or(true)
                && std::io::stdout().is_terminal()
        }
    };
    colored::control::set_override(enabled);
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Printer;

impl Printer {
    /// A line on stdout. Returns false when stdout is closed (e.g. `| head`).
    pub fn out(&self, line: impl AsRef<str>) -> bool {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{}", line.as_ref()).is_ok()
    }

    /// Raw text on stdout, no newline added.
    pub fn out_raw(&self, text: impl AsRef<str>) -> bool {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_ref().as_bytes()).is_ok() && out.flush().is_ok()
    }

    /// A line on stderr.
    pub fn err(&self, line: impl AsRef<str>) {
        let _ = writeln!(std::io::stderr().lock(), "{}", line.as_ref());
    }

    pub fn success(&self, line: impl AsRef<str>) -> bool {
        self.out(format!("{} {}", "✔".green(), line.as_ref()))
    }

    pub fn warn(&self, line: impl AsRef<str>) {
        self.err(format!("{} {}", "Warning:".yellow(), line.as_ref()));
    }

    pub fn problem(&self, line: impl AsRef<str>) -> bool {
        self.out(format!("{} {}", "✘".red(), line.as_ref()))
    }
}

/// Writes `content` to `path` atomically (see `AtomicFile`).
pub fn write_atomically(path: &str, content: &str) -> anyhow::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(content.as_bytes())
        .map_err(|e| AtomicFile::error(path, e))?;
    file.commit()
}

/// An output file written through a temporary file beside it and renamed into place on
/// `commit`, so readers never see a partial file and the target may be an input that is
/// still being read. Dropped without `commit`, the temporary file is removed.
pub struct AtomicFile {
    path: String,
    tmp: std::path::PathBuf,
    file: Option<std::io::BufWriter<std::fs::File>>,
}

/// Temporary files of output not yet committed, removed if a signal ends the program.
static PENDING: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

/// On the first output file, starts a thread that waits for SIGINT/SIGTERM, removes the
/// pending temporary files and exits as the signal would (130/143).
fn remove_pending_on_signal() {
    static WATCHING: std::sync::Once = std::sync::Once::new();
    WATCHING.call_once(|| {
        std::thread::spawn(|| {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            let code = runtime.block_on(async {
                use tokio::signal::unix::{signal, SignalKind};
                let (Ok(mut interrupt), Ok(mut terminate)) = (
                    signal(SignalKind::interrupt()),
                    signal(SignalKind::terminate()),
                ) else {
                    return None;
                };
                tokio::select! {
                    _ = interrupt.recv() => Some(130),
                    _ = terminate.recv() => Some(143),
                }
            });
            let Some(code) = code else { return };
            let pending = PENDING.lock().unwrap_or_else(|p| p.into_inner());
            for tmp in pending.iter() {
                let _ = std::fs::remove_file(tmp);
            }
            std::process::exit(code);
        });
    });
}

/// The file a path names: through a symbolic link (even a dangling one), so that writing
/// an output replaces the file the link points to, not the link.
fn through_links(path: &Path) -> std::path::PathBuf {
    let mut target = path.to_path_buf();
    for _ in 0..40 {
        let Ok(link) = std::fs::read_link(&target) else {
            break;
        };
        target = match target.parent() {
            Some(dir) if link.is_relative() => dir.join(link),
            _ => link,
        };
    }
    target
}

impl AtomicFile {
    pub fn create(path: &str) -> anyhow::Result<Self> {
        remove_pending_on_signal();
        let resolved = through_links(Path::new(path));
        let target = resolved.as_path();
        let dir = target
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let tmp = dir.join(format!(
            ".{}.skiff-{}",
            target.file_name().and_then(|n| n.to_str()).unwrap_or("out"),
            std::process::id()
        ));
        let file = std::fs::File::create(&tmp).map_err(|e| Self::error(path, e))?;
        PENDING
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(tmp.clone());
        Ok(AtomicFile {
            path: target.display().to_string(),
            tmp,
            file: Some(std::io::BufWriter::new(file)),
        })
    }

    pub fn commit(mut self) -> anyhow::Result<()> {
        let file = self.file.take().expect("not yet committed");
        let result = file
            .into_inner()
            .map_err(|e| e.into_error())
            .and_then(|f| f.sync_all())
            .and_then(|_| std::fs::rename(&self.tmp, &self.path));
        result.map_err(|e| Self::error(&self.path, e))
    }

    fn error(path: &str, e: std::io::Error) -> anyhow::Error {
        anyhow::anyhow!("cannot write {path}: {e}")
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.as_mut().expect("not yet committed").write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.as_mut().expect("not yet committed").flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // Not committed, or the rename failed: leave nothing behind. (After a commit the
        // temporary file is gone and this does nothing.)
        let _ = std::fs::remove_file(&self.tmp);
        PENDING
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|t| t != &self.tmp);
    }
}

/// Output for stdout held back until the command has succeeded, so a failure part way
/// through prints nothing: kept in memory up to `SPOOL_IN_MEMORY` bytes, then in an
/// unlinked temporary file, so large outputs do not grow the process.
pub struct SpooledStdout {
    memory: Vec<u8>,
    file: Option<std::io::BufWriter<std::fs::File>>,
}

const SPOOL_IN_MEMORY: usize = 64 << 10;
/// The spill file is written in blocks this large (fewer, larger writes).
const SPOOL_WRITE_BUFFER: usize = 64 << 10;

impl SpooledStdout {
    pub fn new() -> Self {
        SpooledStdout {
            memory: Vec::new(),
            file: None,
        }
    }

    /// Copies everything written to stdout.
    pub fn publish(self) -> std::io::Result<()> {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(&self.memory)?;
        if let Some(file) = self.file {
            let mut file = file.into_inner().map_err(|e| e.into_error())?;
            std::io::Seek::rewind(&mut file)?;
            std::io::copy(&mut file, &mut stdout)?;
        }
        stdout.flush()
    }

    fn spill(&mut self) -> std::io::Result<()> {
        let path = std::env::temp_dir().join(format!(".skiff-stdout-{}", std::process::id()));
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path);
        // Unlinked at once: the data lives only as long as the open file.
        let _ = std::fs::remove_file(&path);
        let mut file = std::io::BufWriter::with_capacity(SPOOL_WRITE_BUFFER, file?);
        file.write_all(&std::mem::take(&mut self.memory))?;
        self.file = Some(file);
        Ok(())
    }
}

impl Default for SpooledStdout {
    fn default() -> Self {
        Self::new()
    }
}

impl Write for SpooledStdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.file.is_none() && self.memory.len() + buf.len() > SPOOL_IN_MEMORY {
            self.spill()?;
        }
        match self.file.as_mut() {
            Some(file) => file.write(buf),
            None => self.memory.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A unified diff of two texts, coloured when colour is on.
pub fn text_diff(old: &str, new: &str) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let mut out = String::new();
    for change in diff.iter_all_changes() {
        let line = change.to_string_lossy();
        let line = line.trim_end_matches('\n');
        match change.tag() {
            similar::ChangeTag::Delete => out.push_str(&format!("{}\n", format!("-{line}").red())),
            similar::ChangeTag::Insert => {
                out.push_str(&format!("{}\n", format!("+{line}").green()))
            }
            similar::ChangeTag::Equal => out.push_str(&format!(" {line}\n")),
        }
    }
    out
}
