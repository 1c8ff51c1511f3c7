//! `skiff completion SHELL`: shell completion scripts generated from the clap tree.

use clap_complete::Shell;

use crate::exit::ExitCode;

#[derive(Debug, clap::Args)]
pub struct CompletionArgs {
    /// Shell to generate completions for
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(args: CompletionArgs) -> anyhow::Result<ExitCode> {
    let script = generate(args.shell);
    crate::output::Printer.out_raw(script);
    Ok(ExitCode::Ok)
}

/// The completion script for a shell, as committed under completions/.
pub fn generate(shell: Shell) -> String {
    let mut cmd = super::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "skiff", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}
