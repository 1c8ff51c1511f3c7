//! `analyze`: flags as istioctl has them; the analyzers are not built yet.

use clap::Args;

use super::GlobalOptions;
use crate::exit::{CliError, ExitCode};

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Files or directories to analyze ("-" = stdin)
    pub files: Vec<String>,
    /// Use the live cluster (--use-kube=false for files only)
    #[arg(short = 'k', long = "use-kube", default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true")]
    pub use_kube: bool,
    /// Analyze all namespaces
    #[arg(short = 'A', long = "all-namespaces")]
    pub all_namespaces: bool,
    /// Output format: log, json, yaml
    #[arg(short = 'o', long, default_value = "log")]
    pub output: String,
    /// Lowest level printed: Info, Warning, Error
    #[arg(long = "output-threshold", default_value = "Info")]
    pub output_threshold: String,
    /// Lowest level that makes the exit code 79: Info, Warning, Error
    #[arg(long = "failure-threshold", default_value = "Error")]
    pub failure_threshold: String,
    /// Suppress messages: 'CODE=Kind name.namespace' with * wildcards
    #[arg(short = 'S', long = "suppress")]
    pub suppress: Vec<String>,
    /// Run only these analyzers
    #[arg(long = "analyzer")]
    pub analyzers: Vec<String>,
    /// List the analyzers and exit
    #[arg(short = 'L', long = "list-analyzers")]
    pub list_analyzers: bool,
    /// Mesh configuration file
    #[arg(long = "meshConfigFile")]
    pub mesh_config_file: Option<String>,
    /// Mesh networks file
    #[arg(long = "meshNetworksFile")]
    pub mesh_networks_file: Option<String>,
    /// Control-plane revision
    #[arg(short = 'r', long, default_value = "default")]
    pub revision: String,
    /// List skipped and executed analyzers
    #[arg(short = 'v', long)]
    pub verbose: bool,
    /// Do not report unknown files
    #[arg(long = "ignore-unknown")]
    pub ignore_unknown: bool,
    /// Time limit for reading the cluster
    #[arg(long, default_value = "30s")]
    pub timeout: String,
}

pub fn run(_g: &GlobalOptions, _a: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    Err(CliError::not_implemented("analyze").into())
}
