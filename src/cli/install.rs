//! `install` (`apply`, `upgrade`), `verify-install`, `uninstall`: Istio's lifecycle on the
//! cluster of the kubeconfig, with istioctl's flags, prompts and progress lines; and the
//! render flags (`-f`, `--set`, `-r`, `--force`) shared with `manifest generate`.

use std::collections::BTreeSet;
use std::io::BufRead;
use std::time::{Duration, Instant};

use clap::Args;
use colored::Colorize;
use serde_json::Value;

use super::render_flags::RenderFlags;
use super::GlobalOptions;
use crate::cluster::{self, Cluster};
use crate::exit::{CliError, ExitCode};
use crate::install::{apply, owned, plan, readiness, revision_tag};
use crate::output::Printer;
use crate::render::{self, Rendered};

#[derive(Debug, Args)]
pub struct InstallArgs {
    #[command(flatten)]
    pub render: RenderFlags,
    /// Do not ask for confirmation
    #[arg(short = 'y', long = "skip-confirmation")]
    pub skip_confirmation: bool,
    /// Maximum time to wait for resources to be ready
    #[arg(long = "readiness-timeout", default_value = "300s", value_parser = super::flags::duration)]
    pub readiness_timeout: Duration,
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

/// Asks `question (y/N)` on stderr; EOF or anything but yes is No.
fn confirm(question: &str) -> bool {
    let stdin = std::io::stdin();
    loop {
        eprint!("{question} (y/N) ");
        let mut line = String::new();
        match stdin.lock().read_line(&mut line) {
            Ok(0) | Err(_) => return false,
            Ok(_) => match line.trim().to_ascii_lowercase().as_str() {
                "y" | "yes" => return true,
                "n" | "no" | "" => return false,
                _ => continue,
            },
        }
    }
}

/// A render for a cluster: merged with its detected settings, ownership labels stamped.
struct ClusterRender {
    iop: Value,
    rendered: Vec<Rendered>,
    revision: String,
    owner: owned::Owner,
}

fn render_for(flags: &RenderFlags, cluster_settings: Vec<String>) -> anyhow::Result<ClusterRender> {
    let (iop, mut rendered) = super::render_flags::render_flags(flags, cluster_settings)?;
    let revision = render::revision_of(&iop);
    let owner = owned::Owner::of(&iop);
    owned::stamp(&mut rendered, &owner);
    Ok(ClusterRender {
        iop,
        rendered,
        revision,
        owner,
    })
}

pub fn install(g: &GlobalOptions, args: InstallArgs) -> anyhow::Result<ExitCode> {
    let timeout = args.readiness_timeout;
    let printer = Printer;
    cluster::runtime().block_on(async {
        let cluster = cluster::connect(&g.view()).await?;
        let settings = super::render_flags::cluster_settings(&cluster, args.render.force).await?;
        let ClusterRender { iop, mut rendered, revision, owner } = render_for(&args.render, settings)?;
        let tagged = revision_tag::wanted(&iop, revision_tag::default_tag_exists(&cluster).await?);
        if tagged {
            revision_tag::add_default_tag(&mut rendered, &owner)?;
        }
        let validators = cluster
            .list("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", None, "")
            .await?;
        apply::leave_failure_policy_to_istiod(&mut rendered, &validators);
        let selector = owned::revision_selector(&revision);
        let (previous, running) = tokio::join!(
            owned::list(&cluster, &selector),
            cluster.control_plane_versions(&g.istio_namespace)
        );
        let running = running.unwrap_or_default();
        for v in running.iter().filter(|v| v.as_str() != crate::ISTIO_VERSION) {
            printer.warn(format!("Istio is being upgraded from {v} to {}.", crate::ISTIO_VERSION));
        }
        let previous = previous?;

        if args.dry_run {
            return print_plan(&cluster, &rendered, &previous).await;
        }
        let profile = render::profile_of(&iop);
        if !args.skip_confirmation
            && !confirm(&format!(
                "This will install the Istio {} profile \"{profile}\" into the cluster. Proceed?",
                crate::ISTIO_VERSION
            ))
        {
            printer.err("Cancelled.");
            return Ok(ExitCode::Error);
        }

        let previous = if previous.iter().any(|o| !o["metadata"]["deletionTimestamp"].is_null()) {
            printer.out("- Waiting for objects of an earlier uninstall to finish deleting");
            apply::wait_for_terminating(&cluster, &rendered, &previous).await?;
            owned::list(&cluster, &owned::revision_selector(&revision)).await?
        } else {
            previous
        };
        apply::ensure_namespaces(&cluster, &rendered).await?;
        let mut outcome = apply::apply(&cluster, &rendered, &previous).await?;
        if tagged {
            outcome.changed.extend(revision_tag::deactivate_other_injectors(&cluster, &rendered).await?);
        }
        let stale = apply::stale(&rendered, &previous);
        if !stale.is_empty() {
            printer.out("- Pruning removed resources");
            outcome.pruned = apply::delete_all(&cluster, &stale).await?;
            for p in &outcome.pruned {
                printer.out(format!("  Removed {p}"));
            }
        }
        for c in &outcome.changed {
            printer.out(format!("  Changed {c}"));
        }
        if outcome.changed_anything() {
            printer.out(format!(
                "  {} created, {} changed, {} unchanged, {} pruned",
                outcome.created.len(),
                outcome.changed.len(),
                outcome.unchanged,
                outcome.pruned.len()
            ));
        } else {
            printer.success(format!("No changes: all {} objects are up to date", outcome.unchanged));
        }
        let ready = wait_for_components(&cluster, &rendered, timeout).await?;
        warn_pending_load_balancers(&cluster, &rendered).await;
        if !ready {
            return Ok(ExitCode::Error);
        }
        printer.success("Installation complete");
        if profile == "ambient" {
            printer.out("The ambient profile has been installed successfully, enjoy Istio without sidecars!");
        }
        Ok(ExitCode::Ok)
    })
}

async fn print_plan(
    cluster: &Cluster,
    rendered: &[Rendered],
    previous: &[Value],
) -> anyhow::Result<ExitCode> {
    let printer = Printer;
    let plan = plan::plan(cluster, rendered, previous).await?;
    for o in &plan.create {
        printer.out(format!("{} {o}", "+ create".green()));
    }
    for c in &plan.change {
        printer.out(format!("{} {}", "~ change".yellow(), c.object));
        printer.out_raw(crate::output::text_diff(&c.live, &c.desired));
    }
    for o in &plan.prune {
        printer.out(format!("{} {o}", "- prune".red()));
    }
    printer.out(format!(
        "Dry run: {} to create, {} to change, {} to prune ({} unchanged); nothing was changed.",
        plan.create.len(),
        plan.change.len(),
        plan.prune.len(),
        plan.unchanged
    ));
    Ok(ExitCode::Ok)
}

/// Waits for each component's workloads and CRDs, printing its line when ready; at the
/// deadline prints why each unready object is not ready. Returns whether all are ready.
async fn wait_for_components(
    cluster: &Cluster,
    rendered: &[Rendered],
    timeout: Duration,
) -> anyhow::Result<bool> {
    let printer = Printer;
    if timeout.is_zero() {
        printer.out("  Readiness not checked (--readiness-timeout 0s)");
        return Ok(true);
    }
    let deadline = Instant::now() + timeout;
    let mut kinds: Vec<render::ComponentKind> = rendered.iter().map(|r| r.component.kind).collect();
    kinds.sort_by_key(|k| (apply::stage(*k), *k));
    kinds.dedup();
    let spinner = indicatif::ProgressBar::new_spinner();
    spinner.enable_steady_tick(Duration::from_millis(120));
    let mut done = BTreeSet::new();
    loop {
        let final_check = Instant::now() >= deadline;
        let mut problems = Vec::new();
        let waiting: Vec<render::ComponentKind> = kinds
            .iter()
            .filter(|k| !done.contains(*k))
            .copied()
            .collect();
        for kind in waiting.iter() {
            let mut list = Vec::new();
            let objects = rendered
                .iter()
                .filter(|r| r.component.kind == *kind)
                .flat_map(|r| r.objects.iter())
                .filter(|o| readiness::is_waited_for(o["kind"].as_str().unwrap_or("")));
            for o in objects {
                let problem = if final_check {
                    readiness::check(cluster, o).await?
                } else {
                    readiness::check_status(cluster, o).await?
                };
                if let Some(p) = problem {
                    list.push(format!("{}: {p}", owned::display(o)));
                }
            }
            if list.is_empty() {
                done.insert(*kind);
                spinner.suspend(|| printer.success(kind.installed_message()));
            } else {
                spinner.set_message(format!("Waiting for {}", list[0]));
                problems.push((*kind, list));
            }
        }
        if problems.is_empty() {
            spinner.finish_and_clear();
            return Ok(true);
        }
        if final_check {
            spinner.finish_and_clear();
            for (kind, list) in problems {
                printer.problem(format!(
                    "{} encountered an error: resources not ready after {}:",
                    kind.label(),
                    humantime(timeout)
                ));
                for p in list {
                    printer.out(format!("    {p}"));
                }
            }
            return Ok(false);
        }
        tokio::time::sleep(
            Duration::from_secs(2).min(deadline.saturating_duration_since(Instant::now())),
        )
        .await;
    }
}

fn humantime(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 60 {
        format!("{}m{}s", s / 60, s % 60)
    } else {
        format!("{s}s")
    }
}

/// A LoadBalancer Service without an address does not block the install, but says so.
async fn warn_pending_load_balancers(cluster: &Cluster, rendered: &[Rendered]) {
    for o in rendered.iter().flat_map(|r| r.objects.iter()) {
        if o["kind"] != "Service" || o["spec"]["type"] != "LoadBalancer" {
            continue;
        }
        let Ok(live) = cluster
            .get(
                "v1",
                "Service",
                o["metadata"]["namespace"].as_str(),
                o["metadata"]["name"].as_str().unwrap_or(""),
            )
            .await
        else {
            continue;
        };
        if live["status"]["loadBalancer"]["ingress"]
            .as_array()
            .is_none_or(|l| l.is_empty())
        {
            Printer.warn(format!(
                "{}: LoadBalancer external address pending (no load-balancer provider on this cluster?)",
                owned::display(o)
            ));
        }
    }
}

/// The objects verify-install checks: a render of `-f` (IstioOperator files, or manifest
/// files as they are), else the objects the cluster holds for the revision.
async fn verify_targets(cluster: &Cluster, args: &VerifyInstallArgs) -> anyhow::Result<Vec<Value>> {
    if args.filenames.is_empty() {
        return Ok(owned::list(
            cluster,
            &owned::revision_selector(args.revision.as_deref().unwrap_or("")),
        )
        .await?);
    }
    let resources = crate::model::load::load_paths(&args.filenames)?;
    if resources
        .iter()
        .all(|r| r.gvk.kind != crate::model::operator::KIND)
    {
        return Ok(resources.into_iter().map(|r| r.object).collect());
    }
    let flags = RenderFlags {
        filenames: args.filenames.clone(),
        set: Vec::new(),
        force: false,
        revision: args.revision.clone(),
        manifests: None,
    };
    let version = cluster.server_version().await?;
    let settings = crate::install::k8s_version::detected_settings(&version);
    let r = render_for(&flags, settings)?;
    Ok(r.rendered.into_iter().flat_map(|r| r.objects).collect())
}

pub fn verify_install(g: &GlobalOptions, args: VerifyInstallArgs) -> anyhow::Result<ExitCode> {
    let printer = Printer;
    cluster::runtime().block_on(async {
        let cluster = cluster::connect(&g.view()).await?;
        let targets = verify_targets(&cluster, &args).await?;
        if targets.is_empty() {
            printer.out("! No Istio installation found");
            return Ok(ExitCode::Error);
        }
        let mut failed = 0;
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        let checks = futures::future::join_all(targets.iter().map(|o| readiness::check(&cluster, o))).await;
        for (o, result) in targets.iter().zip(checks) {
            let kind = o["kind"].as_str().unwrap_or("");
            let name = o["metadata"]["name"].as_str().unwrap_or("");
            let what = match o["metadata"]["namespace"].as_str() {
                Some(ns) => format!("{kind}: {name}.{ns}"),
                None => format!("{kind}: {name}"),
            };
            *counts.entry(kind).or_default() += 1;
            match result? {
                None => {
                    printer.success(format!("{what} checked successfully"));
                }
                Some(problem) => {
                    failed += 1;
                    printer.problem(format!("{what}: {problem}"));
                }
            }
        }
        printer.out(format!("Checked {} custom resource definitions", counts.get("CustomResourceDefinition").unwrap_or(&0)));
        printer.out(format!("Checked {} Istio Deployments", counts.get("Deployment").unwrap_or(&0)));
        printer.out(format!("Checked {} Istio Daemonsets", counts.get("DaemonSet").unwrap_or(&0)));
        if failed == 0 {
            printer.success("Istio is installed and verified successfully");
            Ok(ExitCode::Ok)
        } else {
            let source = if args.filenames.is_empty() { "the cluster's Istio objects".to_string() } else { args.filenames.join(", ") };
            printer.out(format!("Istio installation failed, incomplete or does not match \"{source}\": {failed} objects not ready or missing"));
            Ok(ExitCode::Error)
        }
    })
}

/// Deletion order: gateways and ztunnel, then istiod and CNI, then base (CRDs last).
fn removal_rank(object: &Value) -> (usize, bool) {
    let component = object["metadata"]["labels"][owned::COMPONENT_LABEL]
        .as_str()
        .unwrap_or("");
    let stage = match component {
        "Base" => 0,
        "Pilot" | "Cni" => 1,
        _ => 2,
    };
    (2 - stage, object["kind"] == "CustomResourceDefinition")
}

pub fn uninstall(g: &GlobalOptions, args: UninstallArgs) -> anyhow::Result<ExitCode> {
    let printer = Printer;
    if args.revision.is_none() && args.filename.is_none() && !args.purge {
        return Err(CliError::usage(
            "at least one of --revision, --filename or --purge is required",
        )
        .into());
    }
    let revision = match (&args.revision, &args.filename) {
        (Some(r), _) => r.clone(),
        (None, Some(file)) => {
            let merged = crate::model::effective::merge(&crate::model::effective::Request {
                files: vec![file.clone()],
                ..Default::default()
            })?;
            render::revision_of(&merged.iop)
        }
        (None, None) => String::new(),
    };
    let revision = if revision == "default" {
        String::new()
    } else {
        revision
    };
    cluster::runtime().block_on(async {
        let cluster = cluster::connect(&g.view()).await?;
        let mut targets: Vec<Value> = if args.purge {
            owned::list(&cluster, &owned::all_selector()).await?
        } else {
            owned::list(&cluster, &owned::revision_selector(&revision))
                .await?
                .into_iter()
                .filter(|o| o["metadata"]["labels"][owned::COMPONENT_LABEL] != "Base")
                .collect()
        };
        // Objects already on their way out (finalizers pending) are not removed twice.
        targets.retain(|o| o["metadata"]["deletionTimestamp"].is_null());
        if targets.is_empty() {
            if args.revision.is_some() && !args.purge {
                return Err(CliError::new(ExitCode::Error, format!("could not find target revision {:?}", args.revision.clone().unwrap_or_default())).into());
            }
            printer.out("No resources will be pruned from the cluster. Please double check the input configs");
            return Ok(ExitCode::Ok);
        }
        targets.sort_by_key(|o| (removal_rank(o), owned::key(o)));
        if args.purge {
            printer.warn("All Istio resources will be pruned from the cluster");
        }
        let gateways: Vec<String> = targets
            .iter()
            .filter(|o| o["kind"] == "Deployment" && o["metadata"]["labels"][owned::COMPONENT_LABEL].as_str().is_some_and(|c| c.ends_with("Gateways")))
            .map(owned::display)
            .collect();
        if !gateways.is_empty() {
            printer.warn(format!("You are about to remove the following gateways: {}", gateways.join(", ")));
        }
        if args.dry_run {
            for o in &targets {
                printer.out(format!("{} {}", "- remove".red(), owned::display(o)));
            }
            printer.out(format!("Dry run: {} objects would be removed; nothing was changed.", targets.len()));
            return Ok(ExitCode::Ok);
        }
        if !args.skip_confirmation && !confirm(&format!("{} objects will be removed. Proceed?", targets.len())) {
            printer.err("Cancelled.");
            return Ok(ExitCode::Error);
        }
        // Remove stage by stage so workloads go before the RBAC and CRDs they use.
        let mut ranks: Vec<(usize, bool)> = targets.iter().map(removal_rank).collect();
        ranks.dedup();
        for rank in ranks {
            let batch: Vec<&Value> = targets.iter().filter(|o| removal_rank(o) == rank).collect();
            for removed in apply::delete_all(&cluster, &batch).await? {
                printer.out(format!("  Removed {removed}"));
            }
        }
        printer.success("Uninstall complete");
        Ok(ExitCode::Ok)
    })
}
