//! The malformed-input table: every input a user can get wrong gives one clear line naming
//! the file and line, the documented exit code, nothing on stdout when `-o` is given, and
//! no output file (so never a partial one).

use crate::common;
use std::path::{Path, PathBuf};
use std::process::Output;

/// Which command reads the input, and what it must answer.
#[derive(Clone, Copy, Debug)]
enum Reader {
    /// `validate -f F`: exit 65 for unparseable input.
    ValidateParse,
    /// `validate -f F`: exit 1 for an invalid resource.
    ValidateInvalid,
    /// `kube-inject -f F -o OUT`: the given exit code, nothing written.
    Inject(i32),
    /// `manifest generate -f F -o OUT`: the given exit code, nothing written.
    Manifest(i32),
    /// `analyze --use-kube=false F`: exit 65.
    AnalyzeParse,
}

use Reader::*;

/// (name, reader, content, the line the error must name)
const TABLE: &[(&str, Reader, &str, usize)] = &[
    ("unclosed-flow-sequence", ValidateParse, "kind: Pod\nmetadata:\n  name: [a\n", 4),
    ("unclosed-flow-mapping", ValidateParse, "kind: Pod\nmetadata: {name: a\n", 3),
    ("bad-indentation", ValidateParse, "kind: Pod\nmetadata:\n  name: a\n labels: {}\n", 4),
    ("tab-indentation", ValidateParse, "kind: Pod\nmetadata:\n\tname: a\n", 3),
    ("duplicate-key", ValidateParse, "kind: Pod\nmetadata:\n  name: a\n  name: b\n", 4),
    ("duplicate-key-in-list", ValidateParse, "kind: Pod\nspec:\n  containers:\n  - name: a\n    image: x\n    name: b\n", 6),
    ("duplicate-top-level-key", ValidateParse, "kind: Pod\nkind: Service\n", 2),
    ("duplicate-key-second-document", ValidateParse, "kind: Pod\n---\nkind: Pod\nmetadata: {name: a, name: b}\n", 4),
    ("unterminated-double-quote", ValidateParse, "kind: Pod\nmetadata:\n  name: \"a\n", 4),
    ("unterminated-single-quote", ValidateParse, "kind: Pod\nmetadata:\n  name: 'a\n", 4),
    ("invalid-escape", ValidateParse, "kind: Pod\nmetadata:\n  name: \"a\\qb\"\n", 3),
    ("undefined-alias", ValidateParse, "kind: Pod\nmetadata: *missing\n", 2),
    ("deep-flow-nesting", ValidateParse, "", 2),
    ("invalid-utf8", ValidateParse, "", 3),
    ("nul-byte", ValidateParse, "", 2),
    ("utf16-text", ValidateParse, "", 1),
    ("scalar-document", ValidateParse, "kind: Pod\n---\n5\n", 3),
    ("string-document", ValidateParse, "just some text\n", 1),
    ("list-of-scalars", ValidateParse, "- 1\n- 2\n", 1),
    ("mapping-value-not-allowed", ValidateParse, "kind: Pod\nmetadata: name: a\n", 2),
    ("stray-bracket", ValidateParse, "kind: Pod\n]\n", 2),
    ("sequence-then-mapping", ValidateParse, "- a\nb: c\n", 2),
    ("complex-key", ValidateParse, "? [a, b]\n: c\n", 1),
    ("unclosed-json", ValidateParse, "{\"kind\": \"Pod\",\n \"metadata\": {\"name\": \"a\"}\n", 3),
    ("bad-directive", ValidateParse, "%FOO bar\n---\nkind: Pod\n", 1),
    ("block-scalar-indentation", ValidateParse, "kind: Pod\nmetadata:\n  annotations:\n    a: |\n   x\n", 5),
    ("later-document-broken", ValidateParse, "kind: Pod\n---\nkind: Service\nmetadata: [\n", 5),
    ("spec-is-a-number", ValidateInvalid, "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a}\nspec: 5\n", 4),
    ("hosts-is-a-string", ValidateInvalid, "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a}\nspec:\n  hosts: reviews\n", 5),
    ("http-is-a-mapping", ValidateInvalid, "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a}\nspec:\n  hosts: [a]\n  http: {}\n", 6),
    ("port-is-a-string", ValidateInvalid, "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: a}\nspec:\n  servers:\n  - port: {number: eighty, name: http, protocol: HTTP}\n    hosts: ['*']\n", 6),
    ("unknown-field", ValidateInvalid, "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: a}\nspec:\n  host: a\n  trafficPolcy: {}\n", 6),
    ("bad-enum", ValidateInvalid, "apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: a}\nspec:\n  mtls:\n    mode: SOMETIMES\n", 6),
    ("bad-duration", ValidateInvalid, "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a}\nspec:\n  hosts: [a]\n  http:\n  - timeout: 5 seconds\n    route:\n    - destination: {host: a}\n", 7),
    ("bad-name", ValidateInvalid, "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: Bad_Name}\nspec:\n  hosts: [a.example.com]\n", 3),
    ("unserved-version", ValidateInvalid, "apiVersion: networking.istio.io/v9\nkind: Gateway\nmetadata: {name: a}\nspec: {}\n", 1),
    ("inject-template-number", Inject(1), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template: 5\n", 1),
    ("inject-containers-number", Inject(1), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: 5\n", 1),
    ("inject-labels-list", Inject(1), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: [a]\nspec:\n  containers: [{name: a, image: b}]\n", 1),
    ("inject-annotations-number", Inject(1), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    metadata: {annotations: 5}\n    spec: {containers: [{name: a, image: b}]}\n", 1),
    ("inject-spec-string", Inject(1), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: text\n", 1),
    ("inject-bad-yaml", Inject(65), "apiVersion: v1\nkind: Pod\nmetadata: {name: [p}\n", 3),
    ("inject-duplicate-key", Inject(65), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  name: q\n", 5),
    ("inject-second-document-broken", Inject(65), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: b}]}\n---\nkind: Pod\nmetadata: [\n", 8),
    ("operator-spec-number", Manifest(65), "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec: 5\n", 1),
    ("operator-metadata-list", Manifest(65), "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata: [a]\nspec: {}\n", 1),
    ("operator-values-typed", Manifest(65), "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    global:\n      proxy: 5\n", 6),
    ("operator-k8s-unknown-field", Manifest(65), "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    pilot:\n      k8s:\n        affinity:\n          nodeAffinty: {}\n", 7),
    ("operator-k8s-wrong-type", Manifest(65), "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    pilot:\n      k8s:\n        replicaCount: many\n", 7),
    ("operator-bad-yaml", Manifest(65), "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec: {profile: [demo}\n", 3),
    ("operator-duplicate-key", Manifest(65), "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: demo\n  profile: minimal\n", 5),
    ("operator-wrong-kind", Manifest(65), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n", 1),
    ("analyze-bad-yaml", AnalyzeParse, "kind: Service\nmetadata:\n  name: [unclosed\n", 4),
    ("analyze-duplicate-key", AnalyzeParse, "kind: Service\nmetadata:\n  name: a\n  name: b\n", 4),
];

fn skiff(args: &[&str]) -> Output {
    common::skiff_command()
        .args(args)
        .env_remove("KUBECONFIG")
        .env(
            "HOME",
            std::env::temp_dir().join("skiff-malformed-test-home"),
        )
        .env("NO_COLOR", "1")
        .output()
        .expect("run skiff")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("skiff-malformed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// The bytes of an input: the table's text, or for a few inputs bytes a string cannot hold.
fn content(name: &str, text: &str) -> Vec<u8> {
    match name {
        "deep-flow-nesting" => format!(
            "kind: Pod\nmetadata: {}{}\n",
            "[".repeat(5000),
            "]".repeat(5000)
        )
        .into(),
        "invalid-utf8" => b"kind: Pod\nmetadata:\n  name: \xff\n".to_vec(),
        "nul-byte" => b"kind: Pod\nmetadata: {name: \x00}\n".to_vec(),
        "utf16-text" => b"\xff\xfek\x00i\x00n\x00d\x00".to_vec(),
        _ => text.as_bytes().to_vec(),
    }
}

/// The command line for a reader, and the `-o` file it was given (if any).
fn command(reader: Reader, file: &Path, out: &Path) -> Vec<String> {
    let f = file.display().to_string();
    let o = out.display().to_string();
    let args: &[&str] = match reader {
        ValidateParse | ValidateInvalid => &["validate", "-f", &f],
        Inject(_) => &["kube-inject", "-f", &f, "-o", &o],
        Manifest(_) => &["manifest", "generate", "-f", &f, "-o", &o],
        AnalyzeParse => &["analyze", "--use-kube=false", &f],
    };
    args.iter().map(|s| s.to_string()).collect()
}

fn expected_code(reader: Reader) -> i32 {
    match reader {
        ValidateParse | AnalyzeParse => 65,
        ValidateInvalid => 1,
        Inject(code) | Manifest(code) => code,
    }
}

#[test]
fn every_malformed_input_gets_one_located_line_and_its_exit_code() {
    assert!(TABLE.len() >= 40, "the table has {} inputs", TABLE.len());
    let mut failures = Vec::new();
    for (name, reader, text, line) in TABLE {
        let file = scratch(&format!("{name}.yaml"));
        std::fs::write(&file, content(name, text)).unwrap();
        let out = scratch(&format!("{name}.out.yaml"));
        let _ = std::fs::remove_file(&out);
        let args = command(*reader, &file, &out);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let result = skiff(&args);
        let (stdout, stderr) = (
            String::from_utf8_lossy(&result.stdout),
            String::from_utf8_lossy(&result.stderr),
        );
        let located = format!("{name}.yaml:{line}");
        let mut problems = Vec::new();
        if result.status.code() != Some(expected_code(*reader)) {
            problems.push(format!("exit {:?}", result.status.code()));
        }
        if stderr.contains("panicked") {
            problems.push("panicked".into());
        }
        if !(stdout.contains(&located) || stderr.contains(&located)) {
            problems.push(format!("does not name {located}"));
        }
        if stderr.lines().filter(|l| l.starts_with("Error: ")).count() != 1 {
            problems.push("not exactly one Error: line".into());
        }
        if matches!(reader, Inject(_) | Manifest(_)) {
            if !stdout.trim().is_empty() {
                problems.push("wrote to stdout with -o".into());
            }
            if out.exists() {
                problems.push("created the -o file".into());
            }
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{name}: {}\n  stdout: {stdout}\n  stderr: {stderr}",
                problems.join(", ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} inputs:\n{}",
        failures.len(),
        TABLE.len(),
        failures.join("\n")
    );
}
