//! CLI behaviour: exit codes, one-line errors, and malformed input that must never panic.

use crate::common;
use std::path::PathBuf;
use std::process::Output;

fn skiff(args: &[&str]) -> Output {
    common::skiff_command()
        .args(args)
        .env_remove("KUBECONFIG")
        .env("HOME", std::env::temp_dir().join("skiff-cli-test-home"))
        .env("NO_COLOR", "1")
        .output()
        .expect("run skiff")
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/malformed")
        .join(name)
        .display()
        .to_string()
}

/// Asserts an exit code, no panic, and exactly one `Error:` line when failing.
fn expect(o: &Output, code: i32) -> (String, String) {
    let (out, err) = text(o);
    assert_eq!(o.status.code(), Some(code), "stdout: {out}\nstderr: {err}");
    assert!(!err.contains("panicked"), "panic: {err}");
    if code != 0 {
        let error_lines = err.lines().filter(|l| l.starts_with("Error: ")).count();
        assert_eq!(error_lines, 1, "stderr: {err}");
    }
    (out, err)
}

#[test]
fn bad_yaml_is_exit_65_with_file_and_line() {
    let (out, err) = expect(&skiff(&["validate", "-f", &fixture("bad-yaml.yaml")]), 65);
    assert!(err.contains("bad-yaml.yaml:"), "{err}");
    assert!(
        !out.contains("bad-yaml.yaml:"),
        "said once, on stderr: {out}"
    );
}

#[test]
fn wrong_types_name_the_field() {
    let (out, _) = expect(&skiff(&["validate", "-f", &fixture("wrong-types.yaml")]), 1);
    assert!(out.contains("wrong-types.yaml:6"), "{out}");
    assert!(out.contains("spec.hosts"), "{out}");
}

#[test]
fn a_binary_file_is_exit_65() {
    let dir = std::env::temp_dir().join(format!("skiff-bin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("blob.yaml");
    std::fs::write(&file, [0x7f, b'E', b'L', b'F', 0, 1, 2, 0xff, 0xfe]).unwrap();
    let (_, err) = expect(&skiff(&["validate", "-f", file.to_str().unwrap()]), 65);
    assert!(err.contains("not a text manifest"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_empty_file_validates_nothing() {
    let (out, _) = expect(&skiff(&["validate", "-f", &fixture("empty.yaml")]), 0);
    assert!(out.contains("validated 0 resources"), "{out}");
}

#[test]
fn unknown_kinds_are_kept_and_skipped() {
    let (out, _) = expect(
        &skiff(&["validate", "-f", &fixture("unknown-kinds.yaml")]),
        0,
    );
    assert!(out.contains("2 non-Istio objects skipped"), "{out}");
}

#[test]
fn a_document_that_is_not_an_object_is_exit_65() {
    let (_, err) = expect(
        &skiff(&["validate", "-f", &fixture("not-an-object.yaml")]),
        65,
    );
    assert!(err.contains("not-an-object.yaml:1"), "{err}");
}

#[test]
fn a_missing_file_is_one_line_exit_1() {
    let (_, err) = expect(&skiff(&["validate", "-f", "no/such/file.yaml"]), 1);
    assert!(
        err.contains("no/such/file.yaml: no such file or directory"),
        "{err}"
    );
}

#[test]
fn a_50_mb_file_is_handled() {
    let dir = std::env::temp_dir().join(format!("skiff-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("big.yaml");
    let mut body =
        String::from("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: \"");
    body.push_str(&"x".repeat(50 * 1024 * 1024));
    body.push_str("\"\n---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: g\nspec:\n  servers:\n  - port: {number: 0, name: http, protocol: HTTP}\n    hosts: ['*']\n");
    std::fs::write(&file, body).unwrap();
    let (out, _) = expect(&skiff(&["validate", "-f", file.to_str().unwrap()]), 1);
    assert!(
        out.contains("big.yaml:14"),
        "{}",
        &out[..out.len().min(2000)]
    );
    assert!(
        out.contains("port number 0 must be in the range 1..65535"),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn stdin_is_read_with_dash() {
    use std::io::Write;
    let mut child = common::skiff_command()
        .args(["validate", "-f", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: d}\nspec:\n  host: a\n  subsets:\n  - name: v1\n  - name: v1\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let (out, _) = expect(&o, 1);
    assert!(out.contains("stdin:8"), "{out}");
    assert!(out.contains("duplicate subset names: v1"), "{out}");
}

#[test]
fn unknown_commands_and_flags_are_usage_errors() {
    let o = skiff(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(64));
    let o = skiff(&["validate", "--no-such-flag"]);
    assert_eq!(o.status.code(), Some(64));
}

#[test]
fn version_short_prints_the_istio_version() {
    let (out, _) = expect(&skiff(&["version", "--short"]), 0);
    assert_eq!(out.trim(), skiff::ISTIO_VERSION);
    let (out, _) = expect(&skiff(&["version", "-o", "json", "--remote=false"]), 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["clientVersion"], skiff::ISTIO_VERSION);
}

#[test]
fn version_without_a_kubeconfig_prints_the_client_only() {
    let (out, _) = expect(&skiff(&["version"]), 0);
    assert!(out.starts_with("client version: "), "{out}");
}

#[test]
fn dashboard_help_lists_every_component() {
    let (out, _) = expect(&skiff(&["dashboard", "--help"]), 0);
    for c in [
        "kiali",
        "grafana",
        "prometheus",
        "jaeger",
        "zipkin",
        "skywalking",
        "loki",
        "envoy",
        "controlz",
        "istiod-debug",
    ] {
        assert!(out.contains(c), "{c} missing from {out}");
    }
}

#[test]
fn output_through_a_symlink_replaces_the_file_it_points_to() {
    let dir = std::env::temp_dir().join(format!("skiff-cli-symlink-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (real, link, input) = (
        dir.join("real.yaml"),
        dir.join("link.yaml"),
        dir.join("pod.yaml"),
    );
    std::fs::write(&real, "old\n").unwrap();
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink("real.yaml", &link).unwrap();
    std::fs::write(
        &input,
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: b}]}\n",
    )
    .unwrap();
    let o = skiff(&[
        "kube-inject",
        "-f",
        input.to_str().unwrap(),
        "-o",
        link.to_str().unwrap(),
    ]);
    expect(&o, 0);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&real)
        .unwrap()
        .contains("istio-proxy"));
    let leftovers = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .count();
    assert_eq!(leftovers, 0, "temporary files left in {}", dir.display());
}

#[test]
fn validate_applies_crd_rules_unless_webhook_only() {
    let dir = std::env::temp_dir().join(format!("skiff-cli-webhook-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("ef.yaml");
    // The CRD's pattern refuses the kind; istiod's webhook has no rule about it.
    std::fs::write(
        &file,
        "apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata: {name: a, namespace: default}\nspec:\n  targetRefs:\n  - {kind: text/html, name: x}\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let (out, _) = expect(&skiff(&["validate", "-f", f]), 1);
    assert!(out.contains("spec.targetRefs[0].kind"), "{out}");
    let (out, _) = expect(&skiff(&["validate", "--webhook-only", "-f", f]), 0);
    assert!(out.contains("validated 1 resources"), "{out}");
}

#[test]
fn validate_schema_only_says_what_the_api_server_says() {
    let dir = std::env::temp_dir().join(format!("skiff-cli-schema-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("we.yaml");
    // A CEL rule of the CRD (UDS paths); istiod's webhook says the same in its words.
    std::fs::write(
        &file,
        "apiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nmetadata: {name: a, namespace: default}\nspec:\n  address: unix:///var/run/\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let (out, _) = expect(&skiff(&["validate", "--schema-only", "-f", f]), 1);
    assert_eq!(
        out.lines().next().unwrap_or_default(),
        format!("✘ {f}:5: WorkloadEntry default/a: spec.address: Invalid value: \"unix:///var/run/\": UDS may not be a dir")
    );
    assert_eq!(out.lines().count(), 1, "{out}");
    let both = skiff(&["validate", "--schema-only", "--webhook-only", "-f", f]);
    assert_eq!(both.status.code(), Some(64));
    assert!(text(&both).1.contains("cannot be used with"));
}

#[test]
fn validate_checks_istio_operator_documents_as_manifest_generate_does() {
    let dir = std::env::temp_dir().join(format!("skiff-cli-iop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("iop.yaml");
    std::fs::write(
        &file,
        "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata: {name: x}\nspec:\n  profile: demo\n  components:\n    pilot:\n      k8s:\n        bogus: 1\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let (out, _) = expect(&skiff(&["validate", "-f", f]), 1);
    assert!(
        out.contains(&format!(
            "{f}:9: IstioOperator x: components.pilot.k8s.bogus: unknown field \"bogus\""
        )),
        "{out}"
    );
    std::fs::write(&file, "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata: {name: x}\nspec:\n  profile: demo\n").unwrap();
    let (out, _) = expect(&skiff(&["validate", "-f", f]), 0);
    assert!(out.contains("validated 1 resources"), "{out}");
}

#[test]
fn validate_names_what_it_skips_for_a_reason() {
    let dir = std::env::temp_dir().join(format!("skiff-cli-skipped-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("odd.yaml");
    std::fs::write(
        &file,
        "apiVersion: networking.istio.io/v1\nkind: VirtualServce\nmetadata: {name: a}\n---\napiVersion: v1\nmetadata: {name: b}\n",
    )
    .unwrap();
    let (out, _) = expect(&skiff(&["validate", "-f", file.to_str().unwrap()]), 0);
    assert!(
        out.contains("odd.yaml:1: warning: networking.istio.io has no kind \"VirtualServce\""),
        "{out}"
    );
    assert!(
        out.contains("odd.yaml:5: warning: document has no kind"),
        "{out}"
    );
}
