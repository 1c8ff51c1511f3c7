//! `kube-inject`: flags as istioctl has them; injection itself is not built yet.

use clap::Args;

use super::GlobalOptions;
use crate::exit::{CliError, ExitCode};

#[derive(Debug, Args)]
pub struct KubeInjectArgs {
    /// Input manifest file ("-" = stdin)
    #[arg(short = 'f', long = "filename")]
    pub filename: Option<String>,
    /// Output file (default stdout)
    #[arg(short = 'o', long)]
    pub output: Option<String>,
    /// Mesh configuration file
    #[arg(long = "meshConfigFile")]
    pub mesh_config_file: Option<String>,
    /// Injection values file (JSON or YAML)
    #[arg(long = "valuesFile")]
    pub values_file: Option<String>,
    /// Injection template file
    #[arg(long = "injectConfigFile")]
    pub inject_config_file: Option<String>,
    /// IstioOperator file whose values and meshConfig are used
    #[arg(long = "operatorFileName")]
    pub operator_file_name: Option<String>,
    /// Control-plane revision
    #[arg(short = 'r', long)]
    pub revision: Option<String>,
    /// Override an IstioOperator value
    #[arg(short = 's', long = "set")]
    pub set: Vec<String>,
}

pub fn run(_g: &GlobalOptions, _a: KubeInjectArgs) -> anyhow::Result<ExitCode> {
    Err(CliError::not_implemented("kube-inject").into())
}
