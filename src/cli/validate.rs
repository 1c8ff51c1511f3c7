//! `skiff validate -f FILE|DIR|-`: checks every Istio resource with the shared model's
//! validation; prints one line per problem; exit 0 valid, 1 invalid, 65 unparseable.

use clap::Args;

use super::GlobalOptions;
use crate::exit::{CliError, ExitCode};
use crate::model::load::{self, LoadError, Visited};
use crate::model::resource::Resource;
use crate::model::validate::{is_istio_kind, validate_resource_with, Depth};
use crate::model::{operator, operator_rules};
use crate::output::Printer;

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Files or directories to validate ("-" = stdin); repeatable
    #[arg(short = 'f', long = "filename", required = true)]
    pub filenames: Vec<String>,
    /// Also check references between resources (accepted for istioctl compatibility)
    #[arg(short = 'x', long)]
    pub referential: bool,
    /// Check only istiod's webhook rules, as istioctl validate does (skip the CRD schema
    /// and CEL rules that the API server also enforces)
    #[arg(long)]
    pub webhook_only: bool,
    /// Check only what the API server enforces from the CRDs (their structural schema and
    /// CEL rules), as a server-side dry run without istiod's webhook
    #[arg(long, conflicts_with = "webhook_only")]
    pub schema_only: bool,
}

/// Counts of one file's resources; its problem lines are kept until the file has parsed,
/// so a file with a parse error reports only that.
#[derive(Default)]
struct Tally {
    depth: Depth,
    validated: usize,
    skipped: usize,
    invalid: usize,
}

impl Tally {
    fn check(&mut self, res: &Resource, lines: &mut Vec<String>) {
        if res.gvk.group == "install.istio.io" && res.kind() == operator::KIND {
            self.check_operator(res, lines);
            return;
        }
        if !is_istio_kind(res) {
            self.skipped += 1;
            // istioctl passes these silently; skiff says what it skipped and why.
            if let Some(note) = skipped_note(res) {
                let file = &res.source.file;
                lines.push(format!("{file}:{}: warning: {note}", res.source.line));
            }
            return;
        }
        self.validated += 1;
        let problems = validate_resource_with(res, self.depth);
        if problems.iter().any(|p| !p.error.warning) {
            self.invalid += 1;
        }
        for p in problems {
            let ns = res.namespace().map(|n| format!("{n}/")).unwrap_or_default();
            let level = if p.error.warning { "warning: " } else { "" };
            lines.push(format!(
                "{}:{}: {} {ns}{}: {level}{}",
                res.source.file,
                p.line,
                res.kind(),
                res.name(),
                p.error
            ));
        }
    }
}

impl Tally {
    /// An IstioOperator is checked as `manifest generate` checks it (as istioctl validate
    /// does): its types and unknown fields anywhere, values, hub, tag, revision, and the
    /// Kubernetes-typed `k8s` settings of its components.
    fn check_operator(&mut self, res: &Resource, lines: &mut Vec<String>) {
        self.validated += 1;
        let Err(problem) = operator_rules::check_document(&res.object) else {
            return;
        };
        self.invalid += 1;
        let line = operator_rules::message_path(&problem).map_or(res.source.line, |field| {
            res.line_of(&format!("spec.{field}"))
        });
        lines.push(format!(
            "{}:{line}: {} {}: {problem}",
            res.source.file,
            res.kind(),
            res.name()
        ));
    }
}

/// Why a skipped document deserves a word: it has no kind, or it names an Istio API
/// group with a kind that group does not have (a misspelling).
fn skipped_note(res: &Resource) -> Option<String> {
    let (group, kind) = (res.gvk.group.as_str(), res.kind());
    if kind.is_empty() {
        return Some("document has no kind: not a Kubernetes object, not validated".into());
    }
    if !group.ends_with("istio.io") {
        return None;
    }
    let known: Vec<&str> = crate::model::api::ISTIO_KINDS
        .iter()
        .filter(|k| k.group == group)
        .map(|k| k.kind)
        .collect();
    if known.is_empty() {
        return None;
    }
    Some(format!(
        "{group} has no kind {kind:?} (it has {}): not validated",
        known.join(", ")
    ))
}

pub fn run(_g: &GlobalOptions, args: ValidateArgs) -> anyhow::Result<ExitCode> {
    let printer = Printer;
    let depth = match (args.webhook_only, args.schema_only) {
        (true, _) => Depth::Webhook,
        (_, true) => Depth::Schema,
        _ => Depth::Everything,
    };
    let fresh = || Tally {
        depth,
        ..Tally::default()
    };
    let mut validated = 0usize;
    let mut skipped = 0usize;
    let mut invalid = 0usize;
    let mut unparsed: Vec<LoadError> = Vec::new();
    for arg in &args.filenames {
        let files = load::expand_path(arg)?;
        for file in files {
            let mut tally = fresh();
            let mut lines = Vec::new();
            let mut check = |res: Resource| tally.check(&res, &mut lines);
            let display = load::display_name(&file);
            let visited = load::read_text(&file)
                .and_then(|text| load::visit_resources(&text, &display, &mut check));
            match visited {
                Ok(Visited::Streamed) => {}
                Ok(Visited::Reparsed(all)) => {
                    (tally, lines) = (fresh(), Vec::new());
                    all.into_iter()
                        .for_each(|res| tally.check(&res, &mut lines));
                }
                Err(e) if e.is_parse_error() => {
                    unparsed.push(e);
                    continue;
                }
                Err(e) => return Err(e.into()),
            }
            for line in lines {
                printer.problem(line);
            }
            (validated, skipped, invalid) = (
                validated + tally.validated,
                skipped + tally.skipped,
                invalid + tally.invalid,
            );
        }
    }
    // One unparseable file is the error line itself; several are listed, then counted.
    match unparsed.len() {
        0 => {}
        1 => return Err(CliError::new(ExitCode::DataErr, unparsed[0].to_string()).into()),
        n => {
            for e in &unparsed {
                printer.problem(e.to_string());
            }
            let message = format!("{n} files could not be parsed");
            return Err(CliError::new(ExitCode::DataErr, message).into());
        }
    }
    if invalid > 0 {
        return Err(CliError::new(
            ExitCode::Error,
            format!("{invalid} of {validated} Istio resources are invalid"),
        )
        .into());
    }
    let note = if skipped > 0 {
        format!(" ({skipped} non-Istio objects skipped)")
    } else {
        String::new()
    };
    printer.success(format!("validated {validated} resources{note}"));
    Ok(ExitCode::Ok)
}
