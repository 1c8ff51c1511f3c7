//! `manifest generate|diff` and `profile list|dump|diff`: the offline half of installing
//! Istio, over the native renderer.

use std::collections::BTreeMap;
use std::path::Path;

use clap::Subcommand;
use colored::Colorize;
use serde_json::Value;

use super::flags::ProfileFormat;
use super::render_flags::{cluster_settings, render_flags, RenderFlags};
use super::GlobalOptions;
use crate::exit::{CliError, ExitCode};
use crate::model::effective::{self as inputs, profiles};
use crate::model::load;
use crate::output::Printer;
use crate::render::{self, output};

#[derive(Debug, Subcommand)]
pub enum ManifestCommand {
    /// Generate the Kubernetes manifests of an Istio installation (offline)
    Generate {
        #[command(flatten)]
        render: RenderFlags,
        /// Check the render against the cluster of the kubeconfig (its Kubernetes version)
        #[arg(long = "cluster-specific")]
        cluster_specific: bool,
        /// Write to this file, or one file per component into this directory
        #[arg(short = 'o', long)]
        output: Option<String>,
    },
    /// Compare two manifests (files or directories) object by object (exit 1 when they differ)
    Diff { first: String, second: String },
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
        /// Output format
        #[arg(short = 'o', long, value_enum, default_value = "yaml")]
        output: ProfileFormat,
    },
    /// Show the differences between two profiles or files (exit 1 when they differ)
    Diff { first: String, second: String },
}

pub fn manifest(g: &GlobalOptions, command: ManifestCommand) -> anyhow::Result<ExitCode> {
    match command {
        ManifestCommand::Generate {
            render,
            cluster_specific,
            output,
        } => generate(g, &render, cluster_specific, output.as_deref()),
        ManifestCommand::Diff { first, second } => manifest_diff(&first, &second),
    }
}

fn generate(
    g: &GlobalOptions,
    flags: &RenderFlags,
    cluster_specific: bool,
    out: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let cluster_settings = if cluster_specific {
        read_cluster(g, flags.force)?
    } else {
        Vec::new()
    };
    let (_, rendered) = render_flags(flags, cluster_settings)?;
    match out {
        Some(dir) if Path::new(dir).is_dir() || dir.ends_with('/') => {
            std::fs::create_dir_all(dir)
                .map_err(|e| CliError::new(ExitCode::Error, format!("cannot create {dir}: {e}")))?;
            let mut by_component: BTreeMap<String, Vec<Value>> = BTreeMap::new();
            for r in rendered {
                by_component
                    .entry(r.component.kind.label().to_string())
                    .or_default()
                    .extend(r.objects);
            }
            for (component, mut objects) in by_component {
                output::order(&mut objects);
                let path = Path::new(dir).join(format!("{component}.yaml"));
                crate::output::write_atomically(
                    &path.display().to_string(),
                    &output::manifest_stream(&objects),
                )?;
            }
        }
        Some(file) => {
            let objects = ordered_objects(rendered);
            crate::output::write_atomically(file, &output::manifest_stream(&objects))?;
        }
        None => {
            let objects = ordered_objects(rendered);
            Printer.out_raw(output::manifest_stream(&objects));
        }
    }
    Ok(ExitCode::Ok)
}

/// `--cluster-specific`: the settings detected on the kubeconfig's cluster, after the
/// Kubernetes version precheck.
fn read_cluster(g: &GlobalOptions, force: bool) -> anyhow::Result<Vec<String>> {
    crate::cluster::runtime().block_on(async {
        let cluster = crate::cluster::connect(&g.view()).await?;
        cluster_settings(&cluster, force).await
    })
}

/// Every rendered object in istioctl's order.
pub fn ordered_objects(rendered: Vec<render::Rendered>) -> Vec<Value> {
    let mut objects: Vec<Value> = rendered.into_iter().flat_map(|r| r.objects).collect();
    output::order(&mut objects);
    objects
}

/// The objects of a manifest file or directory, keyed `Kind:namespace:name`.
fn manifest_objects(path: &str) -> anyhow::Result<BTreeMap<String, Value>> {
    let mut out = BTreeMap::new();
    for r in load::load_paths(&[path.to_string()])? {
        let md = &r.object["metadata"];
        let key = format!(
            "{}:{}:{}",
            r.gvk.kind,
            md["namespace"].as_str().unwrap_or(""),
            md["name"].as_str().unwrap_or("")
        );
        out.insert(key, r.object);
    }
    Ok(out)
}

fn manifest_diff(first: &str, second: &str) -> anyhow::Result<ExitCode> {
    let a = manifest_objects(first)?;
    let b = manifest_objects(second)?;
    let printer = Printer;
    let mut differences = 0;
    for (key, obj) in &a {
        match b.get(key) {
            None => {
                differences += 1;
                printer.out(format!("{} {key} is only in {first}", "-".red()));
            }
            Some(other) if other != obj => {
                differences += 1;
                printer.out(format!("{} {key} differs:", "~".yellow()));
                printer.out_raw(crate::output::text_diff(
                    &output::yaml_text(obj),
                    &output::yaml_text(other),
                ));
            }
            Some(_) => {}
        }
    }
    for key in b.keys().filter(|k| !a.contains_key(*k)) {
        differences += 1;
        printer.out(format!("{} {key} is only in {second}", "+".green()));
    }
    if differences == 0 {
        printer.err(format!("Manifests are identical ({} objects)", a.len()));
        Ok(ExitCode::Ok)
    } else {
        printer.err(format!("{differences} objects differ"));
        Ok(ExitCode::Error)
    }
}

pub fn profile(_g: &GlobalOptions, command: ProfileCommand) -> anyhow::Result<ExitCode> {
    let printer = Printer;
    match command {
        ProfileCommand::List => {
            printer.out("Istio configuration profiles:");
            for name in profiles::NAMES {
                printer.out(format!("    {name}"));
            }
            Ok(ExitCode::Ok)
        }
        ProfileCommand::Dump {
            profile,
            filenames,
            config_path,
            output: format,
        } => {
            let iop = dump_profile(profile.as_deref(), &filenames)?;
            let selected = match &config_path {
                Some(path) => select_path(&iop["spec"], path)?,
                None => iop,
            };
            let text = match format {
                ProfileFormat::Yaml => format!("{}\n", output::yaml_text(&selected)),
                ProfileFormat::Json => format!("{}\n", output::json_text(&selected)),
                ProfileFormat::Flags => {
                    let mut flags = Vec::new();
                    let root = if config_path.is_some() {
                        &selected
                    } else {
                        &selected["spec"]
                    };
                    flatten_flags(root, config_path.as_deref().unwrap_or(""), &mut flags);
                    flags.iter().map(|f| format!("--set {f}\n")).collect()
                }
            };
            printer.out_raw(text);
            Ok(ExitCode::Ok)
        }
        ProfileCommand::Diff { first, second } => {
            let a = output::yaml_text(&dump_profile_or_file(&first)?);
            let b = output::yaml_text(&dump_profile_or_file(&second)?);
            if a == b {
                printer.out(format!("Profiles {first} and {second} are identical"));
                Ok(ExitCode::Ok)
            } else {
                printer.out(format!(
                    "The difference between profiles {first} and {second}:"
                ));
                printer.out_raw(crate::output::text_diff(&a, &b));
                Ok(ExitCode::Error)
            }
        }
    }
}

/// The merged IstioOperator of a profile (and files), with the values istioctl copies.
fn dump_profile(profile: Option<&str>, files: &[String]) -> anyhow::Result<Value> {
    let mut sets = Vec::new();
    if let Some(p) = profile {
        sets.push(format!("profile={p}"));
    }
    let merged = inputs::merge(&inputs::Request {
        files: files.to_vec(),
        sets,
        ..Default::default()
    })?;
    Ok(merged.iop)
}

fn dump_profile_or_file(arg: &str) -> anyhow::Result<Value> {
    if profiles::NAMES.contains(&arg) {
        dump_profile(Some(arg), &[])
    } else if Path::new(arg).exists() {
        dump_profile(None, &[arg.to_string()])
    } else {
        Err(CliError::usage(format!(
            "{arg:?} is neither a profile ({}) nor a file",
            profiles::NAMES.join(", ")
        ))
        .into())
    }
}

fn select_path(root: &Value, path: &str) -> anyhow::Result<Value> {
    let path = path.trim_start_matches("spec.");
    let node = path
        .split('.')
        .filter(|s| !s.is_empty())
        .try_fold(root, |node, key| node.get(key));
    node.cloned().ok_or_else(|| {
        CliError::usage(format!("--config-path {path}: no such path in the profile")).into()
    })
}

/// `path=value` for every scalar leaf (lists as `path[N]`).
fn flatten_flags(v: &Value, prefix: &str, out: &mut Vec<String>) {
    let join = |k: &str| {
        let k = k.replace('.', "\\.");
        if prefix.is_empty() {
            k
        } else {
            format!("{prefix}.{k}")
        }
    };
    match v {
        Value::Object(m) => {
            for (k, sub) in m {
                flatten_flags(sub, &join(k), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                flatten_flags(item, &format!("{prefix}[{i}]"), out);
            }
        }
        Value::Null => {}
        Value::String(s) => out.push(format!("{prefix}={s}")),
        other => out.push(format!("{prefix}={other}")),
    }
}
