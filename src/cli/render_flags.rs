//! The flags every rendering command shares (`-f`, `--set`, `-r`, `--force`) and the
//! render they stand for, with the cluster's version checks when a cluster is used.

use clap::Args;
use serde_json::Value;

use crate::exit::{CliError, ExitCode};
use crate::model::effective as inputs;
use crate::output::Printer;
use crate::render;

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
    /// Directory of charts and profiles: not supported yet (skiff renders Istio 1.30.3, built in)
    #[arg(short = 'd', long = "manifests", alias = "charts")]
    pub manifests: Option<String>,
}

impl RenderFlags {
    /// The render request these flags stand for.
    pub fn request(&self) -> inputs::Request {
        inputs::Request {
            files: self.filenames.clone(),
            sets: self.set.clone(),
            revision: self.revision.clone(),
            force: self.force,
            force_unavailable: false,
            cluster_settings: Vec::new(),
        }
    }
}

/// istioctl's Kubernetes version precheck (an unsupported server is an error, or with
/// `--force` a warning), then the settings istioctl detects from the version.
pub async fn cluster_settings(
    cluster: &crate::cluster::Cluster,
    force: bool,
) -> anyhow::Result<Vec<String>> {
    let version = cluster.server_version().await?;
    let detected = crate::install::k8s_version::detected_settings(&version);
    match crate::install::k8s_version::unsupported(&version) {
        None => Ok(detected),
        Some(problem) if force => {
            Printer.warn(format!("{problem}; proceeding anyway (--force)"));
            Ok(detected)
        }
        Some(problem) => Err(CliError::new(
            ExitCode::Error,
            format!("{problem} (use --force to proceed anyway)"),
        )
        .into()),
    }
}

/// Merges and renders, printing the merge warnings on stderr.
/// `cluster_settings` are the settings detected on the cluster (none offline).
pub fn render_flags(
    flags: &RenderFlags,
    cluster_settings: Vec<String>,
) -> anyhow::Result<(Value, Vec<render::Rendered>)> {
    let printer = Printer;
    if flags.manifests.is_some() {
        // Rendering another release's charts would silently give 1.30.3's objects instead.
        return Err(CliError::not_implemented(
            "--manifests/-d (skiff renders Istio 1.30.3's charts, built in)",
        )
        .into());
    }
    let merged = inputs::merge(&inputs::Request {
        cluster_settings,
        ..flags.request()
    })?;
    for w in &merged.warnings {
        printer.warn(w);
    }
    let rendered = render::render(&merged.iop)?;
    for w in rendered.iter().flat_map(|r| &r.warnings) {
        printer.warn(w);
    }
    Ok((merged.iop, rendered))
}
