//! `skiff dashboard COMPONENT`: finds the pod, port-forwards a local port to it through
//! the API server, waits until the UI answers, prints the URL, opens the browser, and
//! keeps forwarding (reconnecting to the newest running pod) until Ctrl-C.

use std::io::IsTerminal;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use clap::{Args, Subcommand};

use super::GlobalOptions;
use crate::dashboard::{self, PodTarget};
use crate::exit::{CliError, ExitCode};
use crate::output::Printer;

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
    /// Print the URL once the UI answers and keep forwarding (no browser)
    #[arg(long = "print-url")]
    pub print_url: bool,
    /// Remote port of the UI (default: the component's)
    #[arg(long = "ui-port")]
    pub ui_port: Option<u16>,
    /// How long to wait for the UI to answer
    #[arg(long, default_value = "30s", value_parser = super::flags::duration)]
    pub timeout: Duration,
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
    /// Envoy admin of a pod ([pod/]name[.namespace] or -l selector, port 15000)
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

struct Plan {
    label: String,
    target: PodTarget,
    remote_port: u16,
    path: &'static str,
    flags: DashboardFlags,
}

fn addon(name: &str, g: &GlobalOptions, flags: DashboardFlags) -> Plan {
    let c = dashboard::component(name).expect("component table has every addon subcommand");
    let mut namespaces = vec![g.istio_namespace.clone()];
    if let Some(ns) = g.namespace.as_ref().filter(|n| **n != g.istio_namespace) {
        namespaces.push(ns.clone());
    }
    Plan {
        label: c.name.to_string(),
        target: PodTarget::Selector {
            selector: c.selector.to_string(),
            namespaces,
            hint: " (is the addon installed? kubectl apply -f samples/addons)".to_string(),
        },
        remote_port: flags.ui_port.unwrap_or(c.port),
        path: c.path,
        flags,
    }
}

fn istiod(
    t: IstiodTarget,
    g: &GlobalOptions,
    port: u16,
    path: &'static str,
    label: &str,
) -> Result<Plan, CliError> {
    let target = match (&t.pod, &t.selector, &t.revision) {
        (Some(pod), None, None) => {
            let (namespace, name) =
                dashboard::parse_pod_ref(pod, &g.istio_namespace).map_err(CliError::usage)?;
            PodTarget::Named { namespace, name }
        }
        (None, Some(sel), None) => PodTarget::Selector {
            selector: format!("{sel},app=istiod"),
            namespaces: vec![g.istio_namespace.clone()],
            hint: String::new(),
        },
        (None, None, Some(rev)) => PodTarget::Selector {
            selector: format!("app=istiod,istio.io/rev={rev}"),
            namespaces: vec![g.istio_namespace.clone()],
            hint: String::new(),
        },
        (None, None, None) => PodTarget::Selector {
            selector: "app=istiod".to_string(),
            namespaces: vec![g.istio_namespace.clone()],
            hint: " (is Istio installed?)".to_string(),
        },
        _ => {
            return Err(CliError::usage(
                "give only one of a pod name, --selector or --revision",
            ))
        }
    };
    Ok(Plan {
        label: label.to_string(),
        target,
        remote_port: t.flags.ui_port.unwrap_or(port),
        path,
        flags: t.flags,
    })
}

pub fn run(g: &GlobalOptions, command: DashboardCommand) -> anyhow::Result<ExitCode> {
    let plan = match command {
        DashboardCommand::Kiali(f) => addon("kiali", g, f),
        DashboardCommand::Prometheus(f) => addon("prometheus", g, f),
        DashboardCommand::Grafana(f) => addon("grafana", g, f),
        DashboardCommand::Jaeger(f) => addon("jaeger", g, f),
        DashboardCommand::Zipkin(f) => addon("zipkin", g, f),
        DashboardCommand::Skywalking(f) => addon("skywalking", g, f),
        DashboardCommand::Loki(f) => addon("loki", g, f),
        DashboardCommand::Envoy {
            pod,
            selector,
            flags,
        } => {
            let namespace = g.namespace.clone().unwrap_or_else(|| "default".to_string());
            let target = match (pod, selector) {
                (Some(p), None) => {
                    let (namespace, name) =
                        dashboard::parse_pod_ref(&p, &namespace).map_err(CliError::usage)?;
                    PodTarget::Named { namespace, name }
                }
                (None, Some(sel)) => PodTarget::Selector {
                    selector: sel,
                    namespaces: vec![namespace],
                    hint: String::new(),
                },
                _ => return Err(CliError::usage("specify a pod or --selector").into()),
            };
            Plan {
                label: "envoy".into(),
                target,
                remote_port: flags.ui_port.unwrap_or(15000),
                path: "",
                flags,
            }
        }
        DashboardCommand::Controlz(t) => istiod(t, g, 9876, "", "controlz")?,
        DashboardCommand::IstiodDebug(t) => istiod(t, g, 15014, "/debug", "istiod-debug")?,
    };
    open(g, plan)
}

fn open(g: &GlobalOptions, plan: Plan) -> anyhow::Result<ExitCode> {
    let printer = Printer;
    let addresses = dashboard::listen_addresses(&plan.flags.address)?;
    let timeout = plan.flags.timeout;
    if addresses.iter().any(|a| !a.is_loopback()) {
        printer.warn(format!(
            "--address {} is not a loopback address: the {} UI is reachable from other hosts",
            plan.flags.address, plan.label
        ));
    }
    // One thread: forwarding is I/O bound, and keeping a connection's two directions
    // and the WebSocket on one thread measured faster than two workers.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    rt.block_on(async move {
        let cluster = Arc::new(crate::cluster::connect(&g.view()).await?);
        // Fail early, with the reason, when there is no pod to forward to.
        plan.target.resolve(&cluster).await?;
        let listeners = dashboard::bind(&addresses, plan.flags.port, plan.remote_port).await?;
        let port = listeners[0]
            .local_addr()
            .map(|a| a.port())
            .unwrap_or(plan.flags.port);
        let url = dashboard::url_for(&plan.flags.address, port, plan.path);
        let probe_host = match addresses[0] {
            IpAddr::V4(ip) if ip.is_unspecified() => "127.0.0.1".to_string(),
            IpAddr::V6(ip) if ip.is_unspecified() => "[::1]".to_string(),
            IpAddr::V6(ip) => format!("[{ip}]"),
            IpAddr::V4(ip) => ip.to_string(),
        };
        let probe_url = format!("http://{probe_host}:{port}{}", plan.path);
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        // While the UI is polled, a failing forward fails the same way every time: each
        // message is printed once until a different one comes.
        let last_event = std::sync::Mutex::new(String::new());
        let events: Arc<dyn Fn(String) + Send + Sync> = Arc::new(move |e: String| {
            if let Ok(mut last) = last_event.lock() {
                if *last == e {
                    return;
                }
                last.clone_from(&e);
            }
            Printer.err(e)
        });
        let forwarding = tokio::spawn(dashboard::forward(
            cluster.clone(),
            plan.target.clone(),
            plan.remote_port,
            listeners,
            async {
                let _ = stop_rx.await;
            },
            events,
        ));
        let spinner = std::io::stderr().is_terminal().then(|| {
            let s = indicatif::ProgressBar::new_spinner();
            s.set_message(format!("Waiting for {} at {url} ...", plan.label));
            s.enable_steady_tick(Duration::from_millis(100));
            s
        });
        let ready = dashboard::wait_until_answering(&probe_url, timeout).await;
        if let Some(s) = spinner {
            s.finish_and_clear();
        }
        ready?;
        printer.out(&url);
        if plan.flags.print_url {
            // Scripts read the URL; nothing else is opened.
        } else if !plan.flags.browser {
            printer.err("skipping opening a browser");
        } else if !dashboard::open_browser(&url) {
            printer.err(format!(
                "Failed to open browser; open {url} in your browser."
            ));
        }
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = wait_for_sigterm() => {}
        }
        let _ = stop_tx.send(());
        let _ = forwarding.await;
        Ok::<_, anyhow::Error>(ExitCode::Ok)
    })
}

#[cfg(unix)]
async fn wait_for_sigterm() {
    match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
        Ok(mut s) => {
            s.recv().await;
        }
        Err(_) => std::future::pending::<()>().await,
    }
}

#[cfg(not(unix))]
async fn wait_for_sigterm() {
    std::future::pending::<()>().await
}
