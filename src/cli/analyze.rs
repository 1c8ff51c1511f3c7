//! `skiff analyze [FILE|DIR|-]...`: runs the analyzers over files, the live cluster, or
//! both, prints istioctl's log/JSON/YAML output (or SARIF), and exits 79 when a message
//! reaches `--failure-threshold` in every output format.

use std::path::Path;

use clap::Args;
use serde_json::{json, Value};

use super::flags::{AnalyzeFormat, LevelFlag};
use super::GlobalOptions;
use crate::analyze::{self, output, Level, Message, RemoteServices, Snapshot};
use crate::cluster::live::Remotes;
use crate::exit::{CliError, ExitCode};
use crate::model::load::{self, LoadError};
use crate::model::mesh::MeshConfig;
use crate::model::validate::{validate_webhook_rules, Problem, RememberedVerdict};
use crate::model::Resource;
use crate::model::{parallel, strict_value};
use crate::output::Printer;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct AnalyzeArgs {
    #[command(subcommand)]
    pub explain: Option<ExplainCommand>,
    /// Files or directories to analyze ("-" = stdin)
    pub files: Vec<String>,
    /// Use the live cluster (--use-kube=false for files only)
    #[arg(short = 'k', long = "use-kube", default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true")]
    pub use_kube: bool,
    /// Analyze all namespaces
    #[arg(short = 'A', long = "all-namespaces")]
    pub all_namespaces: bool,
    /// Output format
    #[arg(short = 'o', long, value_enum, default_value = "log")]
    pub output: AnalyzeFormat,
    /// Lowest level printed
    #[arg(
        long = "output-threshold",
        value_enum,
        ignore_case = true,
        default_value = "Info"
    )]
    pub output_threshold: LevelFlag,
    /// Lowest level that makes the exit code 79
    #[arg(
        long = "failure-threshold",
        value_enum,
        ignore_case = true,
        default_value = "Error"
    )]
    pub failure_threshold: LevelFlag,
    /// Suppress messages: 'CODE=Kind ns/name' with * wildcards, e.g. "IST0102=Namespace *"
    #[arg(short = 'S', long = "suppress")]
    pub suppress: Vec<String>,
    /// Run only these analyzers (repeatable)
    #[arg(long = "analyzer")]
    pub analyzers: Vec<String>,
    /// List the analyzers and exit
    #[arg(short = 'L', long = "list-analyzers")]
    pub list_analyzers: bool,
    /// Mesh configuration file (a bare MeshConfig)
    #[arg(long = "meshConfigFile")]
    pub mesh_config_file: Option<String>,
    /// Mesh networks file
    #[arg(long = "meshNetworksFile")]
    pub mesh_networks_file: Option<String>,
    /// Control-plane revision
    #[arg(short = 'r', long, default_value = "default")]
    pub revision: String,
    /// List executed analyzers and skipped files on stderr
    #[arg(short = 'v', long)]
    pub verbose: bool,
    /// Do not fail on files that cannot be parsed
    #[arg(long = "ignore-unknown")]
    pub ignore_unknown: bool,
    /// Time limit for reading the cluster
    #[arg(long, default_value = "30s", value_parser = super::flags::duration)]
    pub timeout: std::time::Duration,
    /// Kubeconfig contexts of the mesh's other clusters (default: Istio's remote secrets)
    #[arg(long = "remote-contexts", value_delimiter = ',')]
    pub remote_contexts: Vec<String>,
    /// Read files as istioctl does: ignore their Service, Namespace, Node, Pod and Secret
    /// documents (with --use-kube=false, the analyzers that need those kinds do not run)
    #[arg(long = "istioctl-files")]
    pub istioctl_files: bool,
}

#[derive(Debug, clap::Subcommand)]
pub enum ExplainCommand {
    /// Explain a message code: what it means and how to fix it
    Explain { code: String },
}

pub fn run(g: &GlobalOptions, args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    if let Some(ExplainCommand::Explain { code }) = &args.explain {
        return explain(code);
    }
    if args.list_analyzers {
        list_analyzers();
        return Ok(ExitCode::Ok);
    }
    let suppressions = parse_suppressions(&args.suppress, &Printer)?;
    if !args.use_kube && !args.remote_contexts.is_empty() {
        return Err(
            CliError::usage("--remote-contexts needs the live clusters (--use-kube)").into(),
        );
    }
    let (mesh, mesh_networks) = read_mesh_files(&args)?;
    let files = load_inputs(&args.files, &Printer, args.verbose)?;
    let Some(inputs) = gather_inputs(g, &args, mesh, files.resources)? else {
        return Ok(ExitCode::Ok);
    };
    let namespace = inputs.namespace.clone();
    let (snapshot, remote_snapshots) = build_snapshots(g, &args, inputs, mesh_networks);
    if args.verbose {
        print_plan(&snapshot, &remote_snapshots, &args.analyzers);
    }
    let mut messages = analyze::run(&snapshot, &args.analyzers);
    for remote in &remote_snapshots {
        messages.extend(analyze::run(remote, &args.analyzers));
    }
    if !remote_snapshots.is_empty() {
        messages = analyze::sorted_deduped(messages);
    }
    // The process ends right after: freeing every object of a large cluster one by one
    // measured at a seventh of the run, so the memory is left to the exit.
    std::mem::forget(snapshot);
    std::mem::forget(remote_snapshots);
    if !args.all_namespaces {
        messages.retain(|m| in_namespace(m, &namespace));
    }
    messages.retain(|m| !is_suppressed(m, &suppressions));
    let target = Target {
        namespace: &namespace,
        files: &files.names,
        parse_errors: files.parse_errors,
    };
    report(&args, messages, &target)
}

/// `-L`: every analyzer with what it checks and the codes it reports.
fn list_analyzers() {
    for a in analyze::registry() {
        let codes: Vec<&str> = a.codes.iter().map(|m| m.code).collect();
        Printer.out(format!("{}: {} [{}]", a.name, a.doc, codes.join(", ")));
    }
}

/// `--meshConfigFile` and `--meshNetworksFile`, when given.
fn read_mesh_files(args: &AnalyzeArgs) -> anyhow::Result<(Option<MeshConfig>, Option<Value>)> {
    let mesh = match &args.mesh_config_file {
        Some(path) => {
            let text = load::read_text(Path::new(path))?;
            Some(MeshConfig::from_yaml(&text).map_err(|e| {
                CliError::new(
                    ExitCode::DataErr,
                    format!("{path}: cannot parse mesh config: {e}"),
                )
            })?)
        }
        None => None,
    };
    let mesh_networks = match &args.mesh_networks_file {
        Some(path) => {
            let text = load::read_text(Path::new(path))?;
            Some(strict_value::from_yaml_str(&text).map_err(|e| {
                let (line, message) = strict_value::describe_error(&text, &e);
                CliError::new(
                    ExitCode::DataErr,
                    format!("{path}:{line}: cannot parse mesh networks: {message}"),
                )
            })?)
        }
        None => None,
    };
    Ok((mesh, mesh_networks))
}

/// Everything the analysis reads: the files over the live cluster (when used), the mesh
/// config, and the other clusters of the mesh.
struct Inputs {
    resources: Vec<Resource>,
    /// Kinds the files contain (what a files-only analysis can speak for).
    file_kinds: std::collections::HashSet<String>,
    mesh: MeshConfig,
    remotes: Vec<crate::cluster::live::RemoteInputs>,
    primary_id: String,
    /// The namespace analyzed.
    namespace: String,
}

/// Reads the cluster (unless `--use-kube=false`) and overlays the files; `None` when the
/// namespace asked for does not exist (said on stderr; istioctl exits 0 then).
fn gather_inputs(
    g: &GlobalOptions,
    args: &AnalyzeArgs,
    mesh_flag: Option<MeshConfig>,
    mut file_resources: Vec<Resource>,
) -> anyhow::Result<Option<Inputs>> {
    if args.istioctl_files {
        file_resources
            .retain(|r| !(r.gvk.group.is_empty() && analyze::RUNTIME_KINDS.contains(&r.kind())));
    }
    let file_kinds = file_resources
        .iter()
        .map(|r| r.kind().to_string())
        .collect();
    let namespace_flag = g.namespace.clone().filter(|n| !n.is_empty());
    let mut inputs = Inputs {
        resources: Vec::new(),
        file_kinds,
        mesh: mesh_flag.clone().unwrap_or_default(),
        remotes: Vec::new(),
        primary_id: String::new(),
        namespace: namespace_flag
            .clone()
            .unwrap_or_else(|| "default".to_string()),
    };
    if args.use_kube {
        let remotes = if args.remote_contexts.is_empty() {
            Remotes::Secrets
        } else {
            Remotes::Contexts(&args.remote_contexts)
        };
        let kinds = analyze::input_kinds(&args.analyzers);
        let fetched = crate::cluster::live::fetch_for_analysis(
            &g.view(),
            crate::cluster::live::AnalysisRead {
                namespace_flag: namespace_flag.as_deref(),
                all_namespaces: args.all_namespaces,
                timeout: args.timeout,
                remotes,
                kinds: &kinds,
            },
        )?;
        for warning in &fetched.warnings {
            Printer.err(format!("Warning: {warning}"));
        }
        let live = fetched.primary;
        if let Some(missing) = live.missing_namespace {
            Printer.err(format!("namespace {missing:?} not found"));
            return Ok(None);
        }
        if mesh_flag.is_none() {
            if let Some(m) = live.mesh {
                inputs.mesh = m;
            }
        }
        inputs.resources = live.resources;
        inputs.remotes = fetched.remotes;
        inputs.primary_id = fetched.primary_id;
        inputs.namespace = live.namespace;
    }
    overlay(&mut inputs.resources, file_resources);
    if !mesh_ingress_off(&inputs.mesh) && !args.use_kube && !args.istioctl_files {
        let defaults = default_ingress_resources(&inputs.mesh, &g.istio_namespace);
        inputs.resources.extend(defaults);
    }
    Ok(Some(inputs))
}

/// The primary cluster's snapshot and one per other cluster: each is analyzed on its own,
/// and the primary one also compares its Services with theirs.
fn build_snapshots(
    g: &GlobalOptions,
    args: &AnalyzeArgs,
    inputs: Inputs,
    mesh_networks: Option<Value>,
) -> (Snapshot, Vec<Snapshot>) {
    let analysis_namespace = if args.all_namespaces {
        ""
    } else {
        inputs.namespace.as_str()
    };
    let new_snapshot = |resources: Vec<Resource>, mesh: MeshConfig| {
        Snapshot::new(
            resources,
            analysis_namespace,
            mesh,
            mesh_networks.clone(),
            &g.istio_namespace,
        )
    };
    let mut snapshot = new_snapshot(inputs.resources, inputs.mesh.clone());
    // Files alone. Files that hold cluster objects (Services, Pods, Deployments, ...) describe the
    // cluster: every kind counts, absent ones as empty, as Istio's analyzers load files in
    // its own tests. Files of Istio configuration alone cannot speak for the cluster: an
    // analyzer runs only when the files hold the kinds it requires. Read as istioctl reads
    // them, the cluster-only kinds are unknown and the analyzers reading them skipped.
    if !args.use_kube {
        let describes_cluster = inputs
            .file_kinds
            .iter()
            .any(|k| analyze::describes_cluster(k));
        if args.istioctl_files || !describes_cluster {
            snapshot = snapshot.with_known_kinds(inputs.file_kinds);
        }
        if args.istioctl_files {
            snapshot = snapshot.with_cluster_only_kinds_unknown();
        }
    }
    if inputs.remotes.is_empty() {
        return (snapshot, Vec::new());
    }
    let remote_services = inputs
        .remotes
        .iter()
        .map(|r| RemoteServices {
            cluster: r.id.clone(),
            services: r
                .inputs
                .resources
                .iter()
                .filter(|s| s.kind() == "Service")
                .cloned()
                .collect(),
        })
        .collect();
    snapshot = snapshot.in_cluster(&inputs.primary_id, remote_services);
    let mesh_from_flag = args.mesh_config_file.is_some();
    let remote_snapshots = inputs
        .remotes
        .into_iter()
        .map(|remote| {
            let remote_mesh = match remote.inputs.mesh {
                Some(m) if !mesh_from_flag => m,
                _ => inputs.mesh.clone(),
            };
            new_snapshot(remote.inputs.resources, remote_mesh).in_cluster(&remote.id, Vec::new())
        })
        .collect();
    (snapshot, remote_snapshots)
}

/// `-v`: the clusters analyzed and the analyzers that run or are skipped (and why).
fn print_plan(snapshot: &Snapshot, remote_snapshots: &[Snapshot], only: &[String]) {
    if !remote_snapshots.is_empty() {
        let ids: Vec<&str> = std::iter::once(snapshot)
            .chain(remote_snapshots)
            .filter_map(|s| s.cluster.as_deref())
            .collect();
        Printer.err(format!("Analyzing clusters: {}", ids.join(", ")));
    }
    let (run, skipped) = analyze::selected(snapshot, only);
    for a in run {
        Printer.err(format!("Running analyzer {}", a.name));
    }
    for a in skipped {
        Printer.err(format!(
            "Skipping analyzer {}: the inputs contain no {}",
            a.name,
            a.requires.join(" or ")
        ));
    }
}

/// Prints the messages at or above `--output-threshold` in the chosen format and picks
/// the exit code: 79 for a message at or above `--failure-threshold`, 65 for unparsed
/// files (unless `--ignore-unknown`).
/// What was analyzed, as the closing lines name it.
struct Target<'a> {
    namespace: &'a str,
    /// The files read, named as given (directories walked).
    files: &'a [String],
    parse_errors: usize,
}

impl Target<'_> {
    /// The namespace scope: `namespace: NS` or `all namespaces`.
    fn scope(&self, all_namespaces: bool) -> String {
        if all_namespaces {
            "all namespaces".to_string()
        } else {
            format!("namespace: {}", self.namespace)
        }
    }

    /// istioctl's line when nothing is shown: the files when all of them parsed, the
    /// scope and the count of unparsed files otherwise.
    fn clean_line(&self, all_namespaces: bool) -> String {
        let tick = colored::Colorize::green("✔");
        match (self.parse_errors, self.files) {
            (0, []) => format!(
                "{tick} No validation issues found when analyzing {}.",
                self.scope(all_namespaces)
            ),
            (0, [file]) => format!("{tick} No validation issues found when analyzing {file}."),
            (0, files) => format!(
                "{tick} No validation issues found when analyzing:\n  - {}",
                files.join("\n  - ")
            ),
            (n, _) => format!(
                "No validation issues found when analyzing {} (but {n} {} could not be parsed).",
                self.scope(all_namespaces),
                if n == 1 { "file" } else { "files" }
            ),
        }
    }
}

fn report(args: &AnalyzeArgs, messages: Vec<Message>, target: &Target) -> anyhow::Result<ExitCode> {
    let printer = Printer;
    let failure_threshold = Level::from(args.failure_threshold);
    let output_threshold = Level::from(args.output_threshold);
    let failed = messages.iter().any(|m| m.level() >= failure_threshold);
    let shown: Vec<Message> = messages
        .into_iter()
        .filter(|m| m.level() >= output_threshold)
        .collect();
    let scope = target.scope(args.all_namespaces);
    match args.output {
        AnalyzeFormat::Json => {
            printer.out_raw(output::to_json(&shown));
        }
        AnalyzeFormat::Yaml => {
            // The YAML ends in a newline and istioctl prints it with one more.
            printer.out(output::to_yaml(&shown));
        }
        AnalyzeFormat::Sarif => {
            printer.out_raw(output::to_sarif(&shown));
        }
        AnalyzeFormat::Log => {
            let lines: Vec<String> = shown.iter().map(colored_line).collect();
            // istioctl prints its (possibly empty) block of lines with a newline.
            printer.out(lines.join("\n"));
        }
    }
    if shown.is_empty() {
        printer.err(target.clean_line(args.all_namespaces));
    }
    if failed {
        let minor: String = crate::ISTIO_VERSION
            .split('.')
            .take(2)
            .collect::<Vec<_>>()
            .join(".");
        // A finding, not a failure of skiff: istioctl's two lines, word for word.
        Printer.err(format!(
            "Error: Analyzers found issues when analyzing {scope}.\nSee https://istio.io/v{minor}/docs/reference/config/analysis for more information about causes and resolutions."
        ));
        return Ok(ExitCode::AnalyzeIssues);
    }
    if target.parse_errors > 0 && !args.ignore_unknown {
        return Err(CliError::new(
            ExitCode::DataErr,
            format!("{} file(s) could not be parsed", target.parse_errors),
        )
        .into());
    }
    Ok(ExitCode::Ok)
}

fn explain(code: &str) -> anyhow::Result<ExitCode> {
    let code = code.to_ascii_uppercase();
    let Some(t) = analyze::messages::by_code(&code) else {
        return Err(CliError::usage(format!("unknown message code {code}")).into());
    };
    let printer = Printer;
    printer.out(format!("{} {} ({})", t.code, t.name, t.level.as_str()));
    printer.out(format!("Message: {}", t.template));
    let analyzers: Vec<&str> = analyze::registry()
        .iter()
        .filter(|a| a.codes.iter().any(|m| m.code == t.code))
        .map(|a| a.name)
        .collect();
    if analyzers.is_empty() {
        printer.out("Reported by: no skiff analyzer yet");
    } else {
        printer.out(format!("Reported by: {}", analyzers.join(", ")));
        for a in analyze::registry()
            .iter()
            .filter(|a| a.codes.iter().any(|m| m.code == t.code))
        {
            printer.out(format!("  {}: {}", a.name, a.doc));
        }
    }
    printer.out(format!("More: {}", output::documentation_url(t.code)));
    Ok(ExitCode::Ok)
}

fn colored_line(m: &Message) -> String {
    use colored::Colorize;
    let line = m.line();
    match m.level() {
        Level::Error => line.red().bold().to_string(),
        Level::Warning => line.yellow().to_string(),
        Level::Info => line,
    }
}

/// Reads every input file; unparseable files are reported and counted, not fatal.
/// The resources read from the file arguments, the files read (named as istioctl names
/// them) and how many could not be parsed.
struct FileInputs {
    resources: Vec<Resource>,
    names: Vec<String>,
    parse_errors: usize,
}

fn load_inputs(args: &[String], printer: &Printer, verbose: bool) -> anyhow::Result<FileInputs> {
    let mut resources = Vec::new();
    let mut names = Vec::new();
    let mut parse_errors = 0;
    for arg in args {
        for file in load::expand_path_all(arg)? {
            if arg != "-" && !load::has_manifest_extension(&file) {
                printer.err(format!(
                    "Skipping file {}, recognized file extensions are: [.json .yaml .yml]",
                    file.display()
                ));
                continue;
            }
            names.push(file.display().to_string());
            match load::load_file(&file) {
                Ok(loaded) => {
                    let (readable, unreadable) = split_unreadable(loaded);
                    for (r, problem) in &unreadable {
                        printer.err(format!(
                            "Error(s) adding files: {}:{}: {} {}: cannot be read as Istio's type ({}: {}) - skipping",
                            r.source.file,
                            problem.line,
                            r.kind(),
                            r.name(),
                            problem.error.path,
                            problem.error.istio_text()
                        ));
                    }
                    if !unreadable.is_empty() {
                        parse_errors += 1;
                    }
                    resources.extend(readable);
                }
                Err(e @ LoadError::Parse { .. }) => {
                    printer.err(format!("Error(s) adding files: {e}"));
                    parse_errors += 1;
                }
                Err(e) => return Err(e.into()),
            }
            if verbose {
                printer.err(format!("Read {}", file.display()));
            }
        }
    }
    Ok(FileInputs {
        resources,
        names,
        parse_errors,
    })
}

/// Istio resources that do not decode into their Istio type (a field of the wrong type,
/// a bad duration) apart from the others: istioctl cannot read them and skips them, so no
/// analyzer sees them.
fn split_unreadable(resources: Vec<Resource>) -> (Vec<Resource>, Vec<(Resource, Problem)>) {
    // A readable resource keeps its verdict: the schema analyzer reports its problems.
    let verdicts = parallel::map(&resources, |r| {
        validate_webhook_rules(r).map(|problems| RememberedVerdict::of(r, Ok(problems)))
    });
    let mut readable = Vec::with_capacity(resources.len());
    let mut unreadable = Vec::new();
    for (mut r, verdict) in resources.into_iter().zip(verdicts) {
        match verdict {
            Err(problem) => unreadable.push((r, problem)),
            Ok(remembered) => {
                r.webhook_verdict = remembered;
                readable.push(r);
            }
        }
    }
    (readable, unreadable)
}

/// Files replace the cluster's object of the same kind, namespace and name.
fn overlay(base: &mut Vec<Resource>, files: Vec<Resource>) {
    fn key(r: &Resource) -> (String, String, String, String) {
        (
            r.gvk.group.clone(),
            r.kind().to_string(),
            r.namespace().unwrap_or("").to_string(),
            r.name().to_string(),
        )
    }
    if !base.is_empty() {
        let replaced: std::collections::HashSet<_> = files.iter().map(key).collect();
        base.retain(|r| !replaced.contains(&key(r)));
    }
    base.extend(files);
}

fn mesh_ingress_off(mesh: &MeshConfig) -> bool {
    mesh.other
        .get("ingressControllerMode")
        .and_then(|v| v.as_str())
        .is_some_and(|m| m.eq_ignore_ascii_case("OFF"))
}

/// The ingress gateway Pod and Service Istio's file-mode analysis assumes exist.
fn default_ingress_resources(mesh: &MeshConfig, istio_namespace: &str) -> Vec<Resource> {
    let service = mesh
        .ingress_service
        .clone()
        .unwrap_or_else(|| "istio-ingressgateway".to_string());
    let pod = json!({
        "apiVersion": "v1", "kind": "Pod",
        "metadata": {"name": format!("{service}-dummypod"), "namespace": istio_namespace,
                     "labels": {"istio": "ingressgateway"}},
        "spec": {"containers": [{"name": "istio-proxy"}]}
    });
    let svc = json!({
        "apiVersion": "v1", "kind": "Service",
        "metadata": {"name": service, "namespace": istio_namespace},
        "spec": {
            "selector": {"istio": "ingressgateway"},
            "ports": [
                {"name": "http2", "nodePort": 31380, "port": 80, "protocol": "TCP", "targetPort": 8080},
                {"name": "https", "nodePort": 31390, "port": 443, "protocol": "TCP", "targetPort": 8443},
                {"name": "tcp", "nodePort": 31400, "port": 31400, "protocol": "TCP", "targetPort": 31400},
                {"name": "tls", "nodePort": 31447, "port": 15443, "protocol": "TCP", "targetPort": 15443}
            ]
        }
    });
    vec![
        Resource::detached(pod, "internal-ingress"),
        Resource::detached(svc, "internal-ingress"),
    ]
}

fn in_namespace(m: &Message, namespace: &str) -> bool {
    match &m.origin {
        None => true,
        Some(o) if o.kind == "Namespace" => o.name == namespace,
        Some(o) if o.namespace.is_empty() => true,
        Some(o) => o.namespace == namespace,
    }
}

struct Suppression {
    code: String,
    pattern: String,
}

fn parse_suppressions(specs: &[String], printer: &Printer) -> Result<Vec<Suppression>, CliError> {
    let mut out = Vec::new();
    for s in specs {
        let Some((code, pattern)) = s.split_once('=') else {
            return Err(CliError::usage(format!(
                "--suppress {s:?}: expected CODE=PATTERN, e.g. \"IST0102=Namespace *\""
            )));
        };
        let code = code.trim().to_ascii_uppercase();
        if code != "*" && analyze::messages::by_code(&code).is_none() {
            printer.warn(format!("--suppress: {code} is not a known message code"));
        }
        out.push(Suppression {
            code,
            pattern: pattern.trim().to_string(),
        });
    }
    Ok(out)
}

fn is_suppressed(m: &Message, rules: &[Suppression]) -> bool {
    let origin = m.origin.as_ref().map(|o| o.friendly()).unwrap_or_default();
    rules
        .iter()
        .any(|r| (r.code == "*" || r.code == m.kind.code) && glob_match(&r.pattern, &origin))
}

/// `*` matches any run of characters; everything else matches itself.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let mut rest = text;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            match rest.strip_prefix(part) {
                Some(r) => rest = r,
                None => return false,
            }
        } else if i == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            match rest.find(part) {
                Some(pos) => rest = &rest[pos + part.len()..],
                None => return false,
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::glob_match;

    #[test]
    fn globs() {
        assert!(glob_match("Pod *.testing", "Pod foo.testing"));
        assert!(glob_match(
            "VirtualService default/*",
            "VirtualService default/x"
        ));
        assert!(!glob_match(
            "VirtualService default/*",
            "VirtualService other/x"
        ));
        assert!(glob_match("*", "anything"));
        assert!(glob_match("a*b*c", "aXXbYYc"));
    }
}
