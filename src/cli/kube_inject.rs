//! `kube-inject`: injects the Istio sidecar into manifests offline, with built-in defaults
//! for the targeted Istio release, or values and mesh config from files and `--set`.

use std::path::Path;

use clap::Args;

use super::GlobalOptions;
use crate::exit::{CliError, ExitCode};
use crate::inject::{self, Settings};
use crate::model::load;
use crate::output::{AtomicFile, Printer};
use std::io::Write;

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
    /// Injection template file (custom Go templates are not executed; see docs)
    #[arg(long = "injectConfigFile")]
    pub inject_config_file: Option<String>,
    /// IstioOperator file whose spec.values and spec.meshConfig are used
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

fn read_structured(path: &str) -> anyhow::Result<serde_json::Value> {
    let text = load::read_text(Path::new(path))?;
    serde_yaml::from_str(&text)
        .map_err(|e| CliError::new(ExitCode::DataErr, format!("{path}: cannot parse: {e}")).into())
}

/// Documents are written as they are rewritten: on stdout, those before a failing
/// document have been printed; `-o` is all or nothing.
fn rewrite_each(
    files: &[std::path::PathBuf],
    out: &mut dyn Write,
    warnings: &mut Vec<String>,
    rewrite: &Rewrite,
) -> anyhow::Result<()> {
    for file in files {
        let text = load::read_text(file)?;
        rewrite(&text, &load::display_name(file), out, warnings)?;
    }
    Ok(())
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

pub fn run(_g: &GlobalOptions, args: KubeInjectArgs) -> anyhow::Result<ExitCode> {
    if args.inject_config_file.is_some() {
        return Err(CliError::not_implemented(
            "kube-inject --injectConfigFile (custom injection templates are not executed)",
        )
        .into());
    }
    let native = std::env::var("ENABLE_NATIVE_SIDECARS")
        .map(|v| v == "true")
        .unwrap_or(false);
    let mut settings = Settings::new(native);
    if let Some(path) = &args.values_file {
        inject::merge(&mut settings.values, &read_structured(path)?);
    }
    if let Some(path) = &args.mesh_config_file {
        inject::merge(&mut settings.mesh, &read_structured(path)?);
    }
    if let Some(path) = &args.operator_file_name {
        let iop = read_structured(path)?;
        if let Some(values) = iop.pointer("/spec/values") {
            inject::merge(&mut settings.values, values);
        }
        if let Some(mesh) = iop.pointer("/spec/meshConfig") {
            inject::merge(&mut settings.mesh, mesh);
        }
    }
    for s in &args.set {
        settings.set(s).map_err(CliError::usage)?;
    }
    if let Some(r) = args.revision.as_ref().filter(|r| *r != "default") {
        settings.revision = r.clone();
    }
    settings.reinject = args.reinject;
    rewrite_files(
        &args.filename,
        args.output.as_deref(),
        &|text, file, out, warnings| inject::inject_text(&settings, text, file, out, warnings),
    )
}

pub fn run_uninject(args: KubeUninjectArgs) -> anyhow::Result<ExitCode> {
    rewrite_files(
        &args.filename,
        args.output.as_deref(),
        &inject::uninject_text,
    )
}

type Rewrite<'a> = dyn Fn(&str, &str, &mut dyn Write, &mut Vec<String>) -> anyhow::Result<()> + 'a;

/// Streams every file of `input` through `rewrite` to `output` (or stdout), then
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
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let result = rewrite_each(&files, &mut out, &mut warnings, rewrite)
                .and_then(|()| out.flush().map_err(Into::into));
            if let Err(e) = result {
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
