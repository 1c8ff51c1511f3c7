//! `skiff version`: the client version, the Istio release it targets, and — when a
//! cluster is reachable — the Kubernetes server and Istio control-plane versions.

use clap::Args;
use serde::Serialize;

use super::flags::VersionFormat;
use super::GlobalOptions;
use crate::exit::ExitCode;
use crate::output::Printer;

#[derive(Debug, Args)]
pub struct VersionArgs {
    /// Print only the Istio version this client targets
    #[arg(short = 's', long)]
    pub short: bool,
    /// Also ask the cluster for its versions (--remote=false for the client only)
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true")]
    pub remote: bool,
    /// Output format (default: text)
    #[arg(short = 'o', long, value_enum)]
    pub output: Option<VersionFormat>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct VersionInfo {
    client_version: String,
    skiff_version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    kubernetes_version: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    control_plane_versions: Vec<String>,
}

pub fn run(g: &GlobalOptions, args: VersionArgs) -> anyhow::Result<ExitCode> {
    let printer = Printer;
    if args.short && args.output.is_none() {
        printer.out(crate::ISTIO_VERSION);
        return Ok(ExitCode::Ok);
    }
    let mut info = VersionInfo {
        client_version: crate::ISTIO_VERSION.to_string(),
        skiff_version: env!("CARGO_PKG_VERSION").to_string(),
        kubernetes_version: None,
        control_plane_versions: Vec::new(),
    };
    let mut remote_note = None;
    if args.remote && !args.short {
        match crate::cluster::remote_versions(&g.view()) {
            Ok(remote) => {
                info.kubernetes_version = Some(remote.kubernetes);
                info.control_plane_versions = remote.control_plane;
                if info.control_plane_versions.is_empty() {
                    remote_note = Some(format!(
                        "Istio is not present in the cluster: no running Istio pods in namespace \"{}\"",
                        g.istio_namespace
                    ));
                }
            }
            Err(crate::cluster::ClusterError::NoConfig(_)) => {}
            Err(e) => return Err(e.into()),
        }
    }
    match args.output {
        Some(VersionFormat::Json) => {
            printer.out(serde_json::to_string_pretty(&info)?);
        }
        Some(VersionFormat::Yaml) => {
            printer.out_raw(serde_yaml::to_string(&info)?);
        }
        None => {
            printer.out(format!(
                "client version: {} (skiff {})",
                info.client_version, info.skiff_version
            ));
            if let Some(k) = &info.kubernetes_version {
                printer.out(format!("kubernetes version: {k}"));
            }
            if !info.control_plane_versions.is_empty() {
                printer.out(format!(
                    "control plane version: {}",
                    info.control_plane_versions.join(", ")
                ));
            }
            if let Some(note) = remote_note {
                printer.out(note);
            }
        }
    }
    Ok(ExitCode::Ok)
}
