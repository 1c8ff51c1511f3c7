//! `dashboard COMPONENT`: flags as istioctl has them; port-forwarding is not built yet.

use clap::{Args, Subcommand};

use super::GlobalOptions;
use crate::exit::{CliError, ExitCode};

#[derive(Debug, Clone, Args)]
pub struct DashboardFlags {
    /// Local address to listen on (localhost = 127.0.0.1 and ::1)
    #[arg(long, default_value = "localhost")]
    pub address: String,
    /// Local port (0 = the remote port if free, else any free port)
    #[arg(short = 'p', long, default_value_t = 0)]
    pub port: u16,
    /// Open a browser
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true")]
    pub browser: bool,
    /// Print the URL once ready and keep forwarding
    #[arg(long = "print-url")]
    pub print_url: bool,
}

/// Which istiod pod to open: by name, selector or revision.
#[derive(Debug, Clone, Args)]
pub struct IstiodTarget {
    pub pod: Option<String>,
    #[arg(short = 'l', long)]
    pub selector: Option<String>,
    #[arg(short = 'r', long)]
    pub revision: Option<String>,
    #[command(flatten)]
    pub flags: DashboardFlags,
}

#[derive(Debug, Subcommand)]
pub enum DashboardCommand {
    /// Kiali (app=kiali, port 20001)
    Kiali(DashboardFlags),
    /// Prometheus (port 9090)
    Prometheus(DashboardFlags),
    /// Grafana (port 3000)
    Grafana(DashboardFlags),
    /// Jaeger (port 16686)
    Jaeger(DashboardFlags),
    /// Zipkin (port 9411)
    Zipkin(DashboardFlags),
    /// SkyWalking UI (port 8080)
    Skywalking(DashboardFlags),
    /// Loki (port 3100)
    Loki(DashboardFlags),
    /// Envoy admin of a pod ([type/]name[.namespace] or -l selector)
    #[command(visible_alias = "proxy")]
    Envoy {
        pod: Option<String>,
        #[arg(short = 'l', long)]
        selector: Option<String>,
        #[command(flatten)]
        flags: DashboardFlags,
    },
    /// ControlZ of an istiod pod (port 9876)
    Controlz(IstiodTarget),
    /// istiod debug endpoints (port 15014, /debug)
    IstiodDebug(IstiodTarget),
}

pub fn run(_g: &GlobalOptions, _c: DashboardCommand) -> anyhow::Result<ExitCode> {
    Err(CliError::not_implemented("dashboard").into())
}
