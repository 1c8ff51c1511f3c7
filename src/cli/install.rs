//! `install`, `manifest generate`, `profile list|dump|diff`, `verify-install`, `uninstall`:
//! flags as istioctl has them. The renderer is not built yet, so these say so and exit 1.

use clap::{Args, Subcommand};

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

#[derive(Debug, Subcommand)]
pub enum ManifestCommand {
    /// Generate the Kubernetes manifests of an Istio installation (offline)
    Generate {
        #[command(flatten)]
        render: RenderFlags,
        /// Adapt the render to the cluster of the kubeconfig
        #[arg(long = "cluster-specific")]
        cluster_specific: bool,
        /// Write to this file instead of stdout
        #[arg(short = 'o', long)]
        output: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// List the built-in configuration profiles
    List,
    /// Dump a profile (or the merge of -f files) as an IstioOperator
    Dump {
        profile: Option<String>,
        #[arg(short = 'f', long = "filename")]
        filenames: Vec<String>,
        /// Only this subtree, e.g. components.pilot
        #[arg(short = 'p', long = "config-path")]
        config_path: Option<String>,
        /// yaml, json or flags
        #[arg(short = 'o', long, default_value = "yaml")]
        output: String,
    },
    /// Show the differences between two profiles or files (exit 1 when they differ)
    Diff { first: String, second: String },
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

pub fn manifest(_g: &GlobalOptions, _c: ManifestCommand) -> anyhow::Result<ExitCode> {
    Err(CliError::not_implemented("manifest generate").into())
}

pub fn profile(_g: &GlobalOptions, _c: ProfileCommand) -> anyhow::Result<ExitCode> {
    Err(CliError::not_implemented("profile").into())
}

pub fn verify_install(_g: &GlobalOptions, _a: VerifyInstallArgs) -> anyhow::Result<ExitCode> {
    Err(CliError::not_implemented("verify-install").into())
}

pub fn uninstall(_g: &GlobalOptions, _a: UninstallArgs) -> anyhow::Result<ExitCode> {
    Err(CliError::not_implemented("uninstall").into())
}
