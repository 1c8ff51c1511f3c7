//! Command-line definitions (clap), one file per command; each turns flags into option
//! structs and calls the library.

mod analyze;
mod completion;
pub use completion::generate as completion_script;
mod dashboard;
mod flags;
mod install;
pub mod kube_inject;
mod manifest;
mod render_flags;
mod validate;
mod version;

use clap::{Parser, Subcommand};

use crate::exit::ExitCode;
use crate::output::ColorChoice;

/// skiff: a fast, istioctl-compatible service-mesh CLI.
#[derive(Debug, Parser)]
#[command(name = "skiff", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOptions,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command accepts (istioctl's root flags).
#[derive(Debug, Clone, clap::Args)]
pub struct GlobalOptions {
    /// Kubernetes configuration file
    #[arg(
        short = 'c',
        long,
        global = true,
        env = "KUBECONFIG",
        value_name = "PATH"
    )]
    pub kubeconfig: Option<String>,
    /// Kubernetes configuration context
    #[arg(long, global = true)]
    pub context: Option<String>,
    /// Kubernetes namespace (default: the context's namespace, else "default")
    #[arg(short = 'n', long, global = true)]
    pub namespace: Option<String>,
    /// Istio system namespace
    #[arg(
        short = 'i',
        long = "istioNamespace",
        alias = "istio-namespace",
        global = true,
        default_value = "istio-system"
    )]
    pub istio_namespace: String,
    /// When to use colour: auto, always, never (NO_COLOR is honoured)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Install or upgrade Istio on a cluster (aliases: apply, upgrade)
    #[command(visible_aliases = ["apply", "upgrade"])]
    Install(install::InstallArgs),
    /// Generate or work with Istio manifests
    #[command(subcommand)]
    Manifest(manifest::ManifestCommand),
    /// List, dump or diff Istio configuration profiles
    #[command(subcommand)]
    Profile(manifest::ProfileCommand),
    /// Verify that an Istio installation is complete and ready
    VerifyInstall(install::VerifyInstallArgs),
    /// Remove Istio from a cluster
    Uninstall(install::UninstallArgs),
    /// Inject the Istio sidecar into Kubernetes manifests
    KubeInject(kube_inject::KubeInjectArgs),
    /// Remove the Istio sidecar from Kubernetes manifests injected by kube-inject
    KubeUninject(kube_inject::KubeUninjectArgs),
    /// Analyze Istio configuration and report problems
    Analyze(analyze::AnalyzeArgs),
    /// Open a mesh dashboard or proxy admin UI by port-forwarding
    #[command(subcommand, visible_aliases = ["dash", "d"])]
    Dashboard(dashboard::DashboardCommand),
    /// Validate Istio resources in files
    #[command(visible_alias = "v")]
    Validate(validate::ValidateArgs),
    /// Print the client, control-plane and Kubernetes versions
    Version(version::VersionArgs),
    /// Generate a shell completion script
    Completion(completion::CompletionArgs),
}

/// Parses arguments, runs the command and returns the exit code.
pub fn run_from_args<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            let code = match e.kind() {
                ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => ExitCode::Ok,
                _ => ExitCode::Usage,
            };
            let _ = e.print();
            return if code == ExitCode::Ok
                && e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            {
                ExitCode::Usage
            } else {
                code
            };
        }
    };
    crate::output::init_color(cli.global.color);
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            let code = crate::exit::code_for(&err);
            let msg = format!("{err:#}");
            let line = msg.lines().map(str::trim).collect::<Vec<_>>().join(" ");
            crate::output::Printer.err(format!("Error: {line}"));
            code
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let global = cli.global;
    match cli.command {
        Command::Install(a) => install::install(&global, a),
        Command::Manifest(c) => manifest::manifest(&global, c),
        Command::Profile(c) => manifest::profile(&global, c),
        Command::VerifyInstall(a) => install::verify_install(&global, a),
        Command::Uninstall(a) => install::uninstall(&global, a),
        Command::KubeInject(a) => kube_inject::run(&global, a),
        Command::KubeUninject(a) => kube_inject::run_uninject(a),
        Command::Analyze(a) => analyze::run(&global, a),
        Command::Dashboard(c) => dashboard::run(&global, c),
        Command::Validate(a) => validate::run(&global, a),
        Command::Version(a) => version::run(&global, a),
        Command::Completion(a) => completion::run(a),
    }
}

/// The clap command tree (used for completions and docs).
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

impl GlobalOptions {
    /// The cluster-related part of the global options, as the cluster layer takes it.
    pub fn view(&self) -> crate::cluster::ConnectOptions<'_> {
        crate::cluster::ConnectOptions {
            kubeconfig: self.kubeconfig.as_deref(),
            context: self.context.as_deref(),
            namespace: self.namespace.as_deref(),
            istio_namespace: &self.istio_namespace,
        }
    }
}
