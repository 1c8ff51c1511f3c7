//! The Printer: all user-facing output goes through it. Colour follows `--color`,
//! `NO_COLOR` and whether stdout is a terminal; a closed stdout pipe is not an error.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::exit::{CliError, ExitCode};

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

/// Writes through a temporary file in the same directory, then renames it into place.
pub fn write_atomically(path: &str, content: &str) -> anyhow::Result<()> {
    let target = Path::new(path);
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.skiff-{}",
        target.file_name().and_then(|n| n.to_str()).unwrap_or("out"),
        std::process::id()
    ));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(content.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, target)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(CliError::new(ExitCode::Error, format!("cannot write {path}: {e}")).into());
    }
    Ok(())
}
