//! `kube-inject`: injects the Istio sidecar into manifests offline, configured as an
//! installation with the same IstioOperator settings would be, or from files or a cluster.

use std::io::Write;
use std::path::Path;

use clap::Args;
use serde_json::Value;

use super::GlobalOptions;
use crate::exit::{CliError, ExitCode};
use crate::inject::{self, Settings};
use crate::model::{load, strict_value};
use crate::output::{AtomicFile, Printer};
use crate::render;

#[derive(Debug, Args)]
pub struct KubeInjectArgs {
    /// Input manifest file or directory ("-" = stdin)
    #[arg(short = 'f', long = "filename", required = true)]
    pub filename: String,
    /// Output file (default stdout); written atomically, so it may be the input file
    #[arg(short = 'o', long)]
    pub output: Option<String>,
    /// Mesh configuration file (MeshConfig YAML)
    #[arg(long = "meshConfigFile")]
    pub mesh_config_file: Option<String>,
    /// Injection values file (JSON or YAML)
    #[arg(long = "valuesFile")]
    pub values_file: Option<String>,
    /// Injector config file (policy, selectors, injectedAnnotations, templates; or the
    /// istio-sidecar-injector ConfigMap, whose values are used too)
    #[arg(long = "injectConfigFile")]
    pub inject_config_file: Option<String>,
    /// Read values, injector config and mesh config from the cluster's ConfigMaps
    /// (files given with the flags above take their place)
    #[arg(long = "use-kube", default_value_t = false, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true")]
    pub use_kube: bool,
    /// Injector ConfigMap read with --use-kube (`-<revision>` is appended)
    #[arg(long = "injectConfigMapName", default_value = "istio-sidecar-injector")]
    pub inject_config_map_name: String,
    /// Mesh ConfigMap read with --use-kube (`-<revision>` is appended)
    #[arg(long = "meshConfigMapName", default_value = "istio")]
    pub mesh_config_map_name: String,
    /// IstioOperator file: injection is configured as its installation would be
    #[arg(long = "operatorFileName")]
    pub operator_file_name: Option<String>,
    /// Control-plane revision
    #[arg(short = 'r', long)]
    pub revision: Option<String>,
    /// Override a value, e.g. values.global.proxy.statusPort=15021 (repeatable)
    #[arg(short = 's', long = "set")]
    pub set: Vec<String>,
    /// Replace the sidecar of already injected workloads with the current one
    /// (--reinject=false keeps them as they are)
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true")]
    pub reinject: bool,
    /// Print a unified diff of each input and its injected form instead of the output
    #[arg(long, conflicts_with = "output")]
    pub diff: bool,
}

#[derive(Debug, Args)]
pub struct KubeUninjectArgs {
    /// Input manifest file or directory ("-" = stdin)
    #[arg(short = 'f', long = "filename", required = true)]
    pub filename: String,
    /// Output file (default stdout); written atomically, so it may be the input file
    #[arg(short = 'o', long)]
    pub output: Option<String>,
}

/// What `--use-kube` read from the cluster.
#[derive(Default)]
struct ClusterConfig {
    values: Option<Value>,
    mesh: Option<Value>,
    /// The injector config text and where it came from.
    injector: Option<(String, String)>,
    /// Whether the cluster's nodes all run native sidecars (kubelet 1.33 or newer).
    nodes_take_native_sidecars: bool,
}

/// istiod's ENABLE_NATIVE_SIDECARS when it decides (`true` or `false`); `None` for `auto`
/// (the default): native sidecars when every node's kubelet is 1.33 or newer, which only a
/// cluster can tell (offline, as istioctl, no native sidecars).
fn native_sidecars_setting() -> Option<bool> {
    match std::env::var("ENABLE_NATIVE_SIDECARS").as_deref() {
        Ok("true") => Some(true),
        Ok("false") => Some(false),
        _ => None,
    }
}

/// Native sidecars graduated in Kubernetes 1.33: istiod's `auto` mode uses them when no
/// node runs an older kubelet.
const NATIVE_SIDECAR_MINOR: u32 = 33;

fn every_node_takes_native_sidecars(nodes: &[Value]) -> bool {
    !nodes.is_empty()
        && nodes.iter().all(|n| {
            n.pointer("/status/nodeInfo/kubeletVersion")
                .and_then(Value::as_str)
                .and_then(crate::install::k8s_version::minor_version)
                .is_some_and(|minor| minor >= NATIVE_SIDECAR_MINOR)
        })
}

/// Reads the injector and mesh ConfigMaps of the Istio namespace (`-i`), except those
/// whose content a file flag gives.
fn read_cluster_config(
    g: &GlobalOptions,
    args: &KubeInjectArgs,
    revision: Option<&str>,
) -> anyhow::Result<ClusterConfig> {
    let suffixed = |name: &str| match revision {
        Some(r) => format!("{name}-{r}"),
        None => name.to_string(),
    };
    let namespace = g.istio_namespace.as_str();
    let rt = crate::cluster::runtime();
    rt.block_on(async {
        let cluster = crate::cluster::connect(&g.view()).await?;
        let read = |name: String, hint: &'static str| {
            let cluster = &cluster;
            async move {
                let cm = cluster
                    .get("v1", "ConfigMap", Some(namespace), &name)
                    .await
                    .map_err(|e| {
                        CliError::new(
                            ExitCode::Error,
                            format!(
                                "could not read valid configmap \"{name}\" from namespace \"{namespace}\": {e}. Use {hint} or re-run kube-inject with -i <istioSystemNamespace> and ensure the ConfigMap exists"
                            ),
                        )
                    })?;
                Ok::<_, anyhow::Error>((name, cm))
            }
        };
        let mut config = ClusterConfig::default();
        if args.values_file.is_none() || args.inject_config_file.is_none() {
            let (name, cm) = read(
                suffixed(&args.inject_config_map_name),
                "--valuesFile and --injectConfigFile",
            )
            .await?;
            let source = format!("configmap {namespace}/{name}");
            let (values, injector) = injector_config_map(&cm, &source)?;
            config.values = values;
            config.injector = injector.map(|text| (text, source));
        }
        if args.mesh_config_file.is_none() {
            let (name, cm) = read(suffixed(&args.mesh_config_map_name), "--meshConfigFile").await?;
            let text = cm.pointer("/data/mesh").and_then(Value::as_str).ok_or_else(|| {
                CliError::new(
                    ExitCode::Error,
                    format!("could not read valid configmap \"{name}\" from namespace \"{namespace}\": it has no \"mesh\" key. Use --meshConfigFile"),
                )
            })?;
            config.mesh = Some(parse_structured(text, &format!("configmap {namespace}/{name}: data.mesh"))?);
        }
        // Only `auto` asks the nodes. Without the right to list them, istiod's own view
        // cannot be predicted: say so.
        if native_sidecars_setting().is_none() {
            match cluster.list("v1", "Node", None, "").await {
                Ok(nodes) => config.nodes_take_native_sidecars = every_node_takes_native_sidecars(&nodes),
                Err(e) => Printer.warn(format!(
                    "cannot list nodes ({e}); assuming no native sidecars (set ENABLE_NATIVE_SIDECARS=true if istiod injects them)"
                )),
            }
        }
        Ok(config)
    })
}

/// `--injectConfigFile`: the injector config text (the file itself, or the `config` key
/// of an istio-sidecar-injector ConfigMap) and the ConfigMap's values, if it is one.
fn read_injector_file(path: &str) -> anyhow::Result<(Option<Value>, String)> {
    let text = load::read_text(Path::new(path))?;
    let parsed: Option<Value> = serde_yaml::from_str(&text).ok();
    match parsed.filter(|v| v.get("kind").and_then(Value::as_str) == Some("ConfigMap")) {
        Some(cm) => {
            let (values, config) = injector_config_map(&cm, path)?;
            Ok((values, config.unwrap_or_default()))
        }
        None => Ok((None, text)),
    }
}

/// The parsed `values` and the `config` text of an istio-sidecar-injector ConfigMap.
fn injector_config_map(
    cm: &Value,
    source: &str,
) -> anyhow::Result<(Option<Value>, Option<String>)> {
    let data = |key: &str| cm.pointer(&format!("/data/{key}")).and_then(Value::as_str);
    let values = data("values")
        .map(|text| parse_structured(text, &format!("{source}: data.values")))
        .transpose()?;
    Ok((values, data("config").map(str::to_string)))
}

fn read_structured(path: &str) -> anyhow::Result<Value> {
    parse_structured(&load::read_text(Path::new(path))?, path)
}

/// YAML or JSON text; unparseable is a data error naming `what`.
fn parse_structured(text: &str, what: &str) -> anyhow::Result<Value> {
    strict_value::from_yaml_str(text).map_err(|e| {
        let (line, message) = strict_value::describe_error(text, &e);
        CliError::new(
            ExitCode::DataErr,
            format!("{what}:{line}: cannot parse: {message}"),
        )
        .into()
    })
}

/// Writes every file's rewritten documents to `out`; the callers publish `out` only when
/// every document succeeded, so a failure leaves no partial output.
fn rewrite_each(
    files: &[std::path::PathBuf],
    out: &mut dyn Write,
    warnings: &mut Vec<String>,
    rewrite: &Rewrite,
) -> anyhow::Result<()> {
    for file in files {
        let input = load::open_input(file)?;
        rewrite(input, &load::display_name(file), out, warnings)?;
    }
    Ok(())
}

/// The injection settings of an installation made with the same `--operatorFileName`,
/// `--set` and revision as `manifest generate` renders them (its `istio-sidecar-injector`
/// values and `istio` mesh config), and what the user set, for configuration read from
/// files or a cluster to be overridden with.
pub fn installed_settings(
    native_sidecars: bool,
    operator_file: Option<&str>,
    sets: &[String],
    revision: Option<&str>,
) -> anyhow::Result<(Settings, Value)> {
    let request = crate::model::effective::Request {
        files: operator_file.map(str::to_string).into_iter().collect(),
        sets: sets.to_vec(),
        revision: revision.map(str::to_string),
        force_unavailable: true,
        ..Default::default()
    };
    let merged = crate::model::effective::merge(&request)?;
    for warning in &merged.warnings {
        Printer.err(format!("Warning: {warning}"));
    }
    let installed = render::injection_config(&merged.iop)?;
    let mut settings = Settings::new(native_sidecars, installed.values, installed.mesh);
    settings.revision = installed.revision;
    settings.injector = inject::InjectorConfig::from_value(&installed.injector);
    Ok((settings, merged.user))
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

pub fn run(g: &GlobalOptions, args: KubeInjectArgs) -> anyhow::Result<ExitCode> {
    let revision = args.revision.clone().filter(|r| r != "default");
    let mut warnings = Vec::new();
    let from_cluster = if args.use_kube {
        read_cluster_config(g, &args, revision.as_deref())?
    } else {
        ClusterConfig::default()
    };
    let native = native_sidecars_setting().unwrap_or(from_cluster.nodes_take_native_sidecars);
    let (mut settings, user) = installed_settings(
        native,
        args.operator_file_name.as_deref(),
        &args.set,
        revision.as_deref(),
    )?;
    let values = match &args.values_file {
        Some(path) => Some(read_structured(path)?),
        None => from_cluster.values,
    };
    if let Some(values) = &values {
        inject::merge(&mut settings.values, values);
    }
    let mesh = match &args.mesh_config_file {
        Some(path) => Some(read_structured(path)?),
        None => from_cluster.mesh,
    };
    if let Some(mesh) = &mesh {
        inject::merge(&mut settings.mesh, mesh);
    }
    let injector = match &args.inject_config_file {
        Some(path) => {
            let (values, text) = read_injector_file(path)?;
            if let Some(values) = values {
                inject::merge(&mut settings.values, &values);
            }
            Some((text, path.clone()))
        }
        None => from_cluster.injector,
    };
    let given_config = values.is_some() || mesh.is_some() || injector.is_some();
    if let Some((text, source)) = injector {
        let (config, notes) = inject::InjectorConfig::parse(&text, &source)
            .map_err(|e| CliError::new(ExitCode::DataErr, e))?;
        settings.injector = config;
        warnings.extend(notes);
    }
    // A cluster's or file's configuration takes the installed defaults' place; what the
    // user set on the command line still wins over it.
    if given_config {
        settings.apply_operator(&user);
    }
    settings.reinject = args.reinject;
    for w in warnings {
        Printer.err(w);
    }
    if args.diff {
        return print_diffs(&args.filename, &settings);
    }
    rewrite_files(
        &args.filename,
        args.output.as_deref(),
        &|input, file, out, warnings| inject::inject_stream(&settings, input, file, out, warnings),
    )
}

pub fn run_uninject(args: KubeUninjectArgs) -> anyhow::Result<ExitCode> {
    rewrite_files(
        &args.filename,
        args.output.as_deref(),
        &|input, file, out, warnings| inject::uninject_stream(input, file, out, warnings),
    )
}

/// `--diff`: each input file against its injected form, as a unified diff.
fn print_diffs(input: &str, settings: &Settings) -> anyhow::Result<ExitCode> {
    use colored::Colorize;
    let mut warnings = Vec::new();
    for file in load::expand_path(input)? {
        let name = load::display_name(&file);
        let text = load::read_text(&file)?;
        let mut injected = Vec::new();
        inject::inject_text(settings, &text, &name, &mut injected, &mut warnings)?;
        let injected = String::from_utf8_lossy(&injected);
        let diff = similar::TextDiff::from_lines(text.as_str(), injected.as_ref());
        let unified = diff
            .unified_diff()
            .context_radius(3)
            .header(&name, &format!("{name} (injected)"))
            .to_string();
        for line in unified.lines() {
            let shown = match line.chars().next() {
                _ if line.starts_with("---") || line.starts_with("+++") => line.bold(),
                Some('+') => line.green(),
                Some('-') => line.red(),
                Some('@') => line.cyan(),
                _ => line.normal(),
            };
            if !Printer.out(shown.to_string()) {
                return Ok(ExitCode::Ok);
            }
        }
    }
    for w in warnings {
        Printer.err(w);
    }
    Ok(ExitCode::Ok)
}

/// Rewrites one input (read as it is rewritten), named by the second argument, to the writer.
type Rewrite<'a> = dyn Fn(
        Box<dyn std::io::BufRead + Send>,
        &str,
        &mut dyn Write,
        &mut Vec<String>,
    ) -> anyhow::Result<()>
    + 'a;

/// Rewrites every file of `input` to `output` (or stdout), all or nothing, then
/// prints the warnings.
fn rewrite_files(input: &str, output: Option<&str>, rewrite: &Rewrite) -> anyhow::Result<ExitCode> {
    let files = load::expand_path(input)?;
    let mut warnings = Vec::new();
    match output {
        Some(path) => {
            let mut out = AtomicFile::create(path)?;
            rewrite_each(&files, &mut out, &mut warnings, rewrite)?;
            out.commit()?;
        }
        None => {
            let mut out = crate::output::SpooledStdout::new();
            rewrite_each(&files, &mut out, &mut warnings, rewrite)?;
            if let Err(e) = out.publish().map_err(anyhow::Error::from) {
                // A closed pipe (`| head`) is not an error.
                if !is_broken_pipe(&e) {
                    return Err(e);
                }
            }
        }
    }
    for w in warnings {
        Printer.err(w);
    }
    Ok(ExitCode::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn node(kubelet: &str) -> Value {
        json!({"status": {"nodeInfo": {"kubeletVersion": kubelet}}})
    }

    #[test]
    fn native_sidecars_need_every_kubelet_at_1_33() {
        assert!(every_node_takes_native_sidecars(&[
            node("v1.35.4"),
            node("v1.33.0")
        ]));
        assert!(!every_node_takes_native_sidecars(&[
            node("v1.35.4"),
            node("v1.32.9")
        ]));
        assert!(!every_node_takes_native_sidecars(&[node("garbage")]));
        assert!(!every_node_takes_native_sidecars(&[]));
    }
}
