//! `install`, `verify-install`, `uninstall`: flags as istioctl has them, and the render
//! flags (`-f`, `--set`, `-r`, `--force`) shared with `manifest generate`. The cluster
//! lifecycle is not built yet, so these commands say so and exit 1.

use clap::Args;

use super::GlobalOptions;
use crate::exit::{CliError, ExitCode};

/// Flags shared by every command that renders an IstioOperator.
#[derive(Debug, Clone, Args)]
pub struct RenderFlags {
    /// IstioOperator files, overlaid left to right ("-" = stdin, last only)
    #[arg(short = 'f', long = "filename")]
    pub filenames: Vec<String>,
    /// Override an IstioOperator value, e.g. profile=demo or values.global.hub=...
    #[arg(short = 's', long = "set")]
    pub set: Vec<String>,
    /// Proceed despite validation errors
    #[arg(long)]
    pub force: bool,
    /// Control-plane revision (alias of --set revision=)
    #[arg(short = 'r', long)]
    pub revision: Option<String>,
    /// Directory of charts and profiles (istioctl compatibility; skiff's are built in)
    #[arg(short = 'd', long = "manifests", alias = "charts")]
    pub manifests: Option<String>,
}

impl RenderFlags {
    /// The render request these flags stand for.
    pub fn request(&self) -> crate::render::inputs::Request {
        crate::render::inputs::Request {
            files: self.filenames.clone(),
            sets: self.set.clone(),
            revision: self.revision.clone(),
            force: self.force,
        }
    }
}

#[derive(Debug, Args)]
pub struct InstallArgs {
    #[command(flatten)]
    pub render: RenderFlags,
    /// Do not ask for confirmation
    #[arg(short = 'y', long = "skip-confirmation")]
    pub skip_confirmation: bool,
    /// Maximum time to wait for resources to be ready
    #[arg(long = "readiness-timeout", default_value = "300s")]
    pub readiness_timeout: String,
    /// Change nothing; show the diff against the live cluster
    #[arg(long = "dry-run")]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct VerifyInstallArgs {
    /// IstioOperator or manifest files to verify against
    #[arg(short = 'f', long = "filename")]
    pub filenames: Vec<String>,
    /// Control-plane revision
    #[arg(short = 'r', long)]
    pub revision: Option<String>,
}

#[derive(Debug, Args)]
pub struct UninstallArgs {
    /// The IstioOperator the installation was made from
    #[arg(short = 'f', long = "filename")]
    pub filename: Option<String>,
    /// Control-plane revision to remove
    #[arg(short = 'r', long)]
    pub revision: Option<String>,
    /// Remove everything Istio owns, including CRDs and cluster-wide objects
    #[arg(long)]
    pub purge: bool,
    /// Do not ask for confirmation
    #[arg(short = 'y', long = "skip-confirmation")]
    pub skip_confirmation: bool,
    /// List what would be removed, change nothing
    #[arg(long = "dry-run")]
    pub dry_run: bool,
}

pub fn install(_g: &GlobalOptions, _a: InstallArgs) -> anyhow::Result<ExitCode> {
    Err(CliError::not_implemented("install").into())
}

pub fn verify_install(_g: &GlobalOptions, _a: VerifyInstallArgs) -> anyhow::Result<ExitCode> {
    Err(CliError::not_implemented("verify-install").into())
}

pub fn uninstall(_g: &GlobalOptions, _a: UninstallArgs) -> anyhow::Result<ExitCode> {
    Err(CliError::not_implemented("uninstall").into())
}
