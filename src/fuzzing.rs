//! Entry points for the fuzz targets (`fuzz/`) and their regression tests: each runs one
//! command's work on arbitrary input the way the command does, and must never panic, hang
//! or grow without bound, whatever the input. Errors are fine; they are the expected answer
//! to bad input.

use crate::analyze::{self, snapshot::Snapshot};
use crate::inject::{self, Settings};
use crate::model::effective as inputs;
use crate::model::load;
use crate::model::mesh::MeshConfig;
use crate::model::validate;
use crate::render;

/// A fuzz target's work on one input.
pub type Entry = fn(&[u8]);

/// The fuzz targets, by name (the names of `fuzz/fuzz_targets/*.rs`).
pub const TARGETS: &[(&str, Entry)] = &[
    ("load", load_documents),
    ("validate", validate_documents),
    ("analyze", analyze_documents),
    ("inject", inject_documents),
    ("set", apply_sets),
    ("operator", render_operator),
];

/// Input as the commands read files: text, or nothing (they refuse binary input).
fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok().filter(|t| !t.contains('\0'))
}

/// Loading: multi-document parsing, whole and streamed.
pub fn load_documents(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let _ = load::parse_documents(text, "fuzz.yaml");
    let _ = load::visit_resources(text, "fuzz.yaml", &mut |_| {});
}

/// `validate`: every rule, and the webhook's rules alone as `analyze` runs them.
pub fn validate_documents(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let Ok(resources) = load::parse_documents(text, "fuzz.yaml") else {
        return;
    };
    for resource in &resources {
        let _ = validate::validate_resource(resource);
        let _ = validate::validate_webhook_rules(resource);
    }
}

/// `analyze --use-kube=false -A`: every analyzer over the documents.
pub fn analyze_documents(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let Ok(resources) = load::parse_documents(text, "fuzz.yaml") else {
        return;
    };
    let snapshot = Snapshot::new(resources, "", MeshConfig::default(), None, "istio-system");
    let _ = analyze::run(&snapshot, &[]);
}

/// `kube-inject` and `kube-uninject` of every document, with the default settings.
pub fn inject_documents(data: &[u8]) {
    let Some(text) = text(data) else { return };
    static SETTINGS: std::sync::OnceLock<Settings> = std::sync::OnceLock::new();
    let settings = SETTINGS.get_or_init(|| {
        let installed = render::default_injection_config();
        Settings::new(false, installed.values, installed.mesh)
    });
    let (mut out, mut warnings) = (Vec::new(), Vec::new());
    let _ = inject::inject_text(settings, text, "fuzz.yaml", &mut out, &mut warnings);
    let _ = inject::uninject_stream(text.as_bytes(), "fuzz.yaml", &mut Vec::new(), &mut warnings);
}

/// `manifest generate --set ...`: each input line is one `--set` assignment.
pub fn apply_sets(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let request = inputs::Request {
        sets: text.lines().map(str::to_string).collect(),
        ..Default::default()
    };
    if let Ok(merged) = inputs::merge(&request) {
        let _ = render::render(&merged.iop);
    }
}

/// `manifest generate -f FILE`: the input as an IstioOperator file.
pub fn render_operator(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let Ok(dir) = std::env::temp_dir().canonicalize() else {
        return;
    };
    let path = dir.join(format!("skiff-fuzz-{}.yaml", std::process::id()));
    if std::fs::write(&path, text).is_err() {
        return;
    }
    let request = inputs::Request {
        files: vec![path.display().to_string()],
        ..Default::default()
    };
    if let Ok(merged) = inputs::merge(&request) {
        let _ = render::render(&merged.iop);
    }
    let _ = std::fs::remove_file(&path);
}
