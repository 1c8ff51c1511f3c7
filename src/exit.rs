//! Exit codes, one enum for the whole CLI (documented in docs/exit-codes.md), and the error
//! type that carries a specific code up to `main`.

use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// Success.
    Ok = 0,
    /// Any other error (including invalid resources found by `validate`).
    Error = 1,
    /// Usage error: unknown command or flag, bad flag value.
    Usage = 64,
    /// Input could not be parsed (bad YAML/JSON, binary file).
    DataErr = 65,
    /// `analyze` found issues at or above `--failure-threshold`.
    AnalyzeIssues = 79,
}

impl ExitCode {
    pub fn code(self) -> i32 {
        self as i32
    }
}

/// An error that ends the program with a specific exit code.
#[derive(Debug, Error)]
#[error("{message}")]
pub struct CliError {
    pub code: ExitCode,
    pub message: String,
}

impl CliError {
    pub fn new(code: ExitCode, message: impl Into<String>) -> Self {
        CliError {
            code,
            message: message.into(),
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        CliError::new(ExitCode::Usage, message)
    }

    pub fn not_implemented(what: &str) -> Self {
        CliError::new(
            ExitCode::Error,
            format!("not implemented yet: {what} (see the project's issues)"),
        )
    }
}

/// The exit code an error chain stands for.
pub fn code_for(err: &anyhow::Error) -> ExitCode {
    for cause in err.chain() {
        if let Some(e) = cause.downcast_ref::<CliError>() {
            return e.code;
        }
        if let Some(e) = cause.downcast_ref::<crate::render::RenderError>() {
            return match e {
                crate::render::RenderError::Usage(_) => ExitCode::Usage,
                crate::render::RenderError::Invalid(_) => ExitCode::DataErr,
                crate::render::RenderError::Failed(_) => ExitCode::Error,
            };
        }
        if let Some(e) = cause.downcast_ref::<crate::model::load::LoadError>() {
            if e.is_parse_error() {
                return ExitCode::DataErr;
            }
        }
    }
    ExitCode::Error
}
