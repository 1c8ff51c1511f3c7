//! `skiff validate -f FILE|DIR|-`: checks every Istio resource with the shared model's
//! validation; prints one line per problem; exit 0 valid, 1 invalid, 65 unparseable.

use clap::Args;

use super::GlobalOptions;
use crate::exit::{CliError, ExitCode};
use crate::model::load::{self, LoadError};
use crate::model::validate::{is_istio_kind, validate_resource};
use crate::output::Printer;

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Files or directories to validate ("-" = stdin); repeatable
    #[arg(short = 'f', long = "filename", required = true)]
    pub filenames: Vec<String>,
    /// Also check references between resources (accepted for istioctl compatibility)
    #[arg(short = 'x', long)]
    pub referential: bool,
}

pub fn run(_g: &GlobalOptions, args: ValidateArgs) -> anyhow::Result<ExitCode> {
    let printer = Printer;
    let mut validated = 0usize;
    let mut skipped = 0usize;
    let mut invalid = 0usize;
    let mut unparsed: Vec<LoadError> = Vec::new();
    for arg in &args.filenames {
        let files = load::expand_path(arg)?;
        for file in files {
            let resources = match load::load_file(&file) {
                Ok(r) => r,
                Err(e) if e.is_parse_error() => {
                    printer.problem(e.to_string());
                    unparsed.push(e);
                    continue;
                }
                Err(e) => return Err(e.into()),
            };
            for res in &resources {
                if !is_istio_kind(res) {
                    skipped += 1;
                    continue;
                }
                validated += 1;
                let problems = validate_resource(res);
                if problems.iter().any(|p| !p.error.warning) {
                    invalid += 1;
                }
                for p in problems {
                    let ns = res.namespace().map(|n| format!("{n}/")).unwrap_or_default();
                    let level = if p.error.warning { "warning: " } else { "" };
                    printer.problem(format!(
                        "{}:{}: {} {ns}{}: {level}{}",
                        res.source.file,
                        p.line,
                        res.kind(),
                        res.name(),
                        p.error
                    ));
                }
            }
        }
    }
    if let Some(first) = unparsed.into_iter().next() {
        return Err(CliError::new(ExitCode::DataErr, first.to_string()).into());
    }
    if invalid > 0 {
        return Err(CliError::new(
            ExitCode::Error,
            format!("{invalid} of {validated} Istio resources are invalid"),
        )
        .into());
    }
    let note = if skipped > 0 {
        format!(" ({skipped} non-Istio objects skipped)")
    } else {
        String::new()
    };
    printer.success(format!("validated {validated} resources{note}"));
    Ok(ExitCode::Ok)
}
