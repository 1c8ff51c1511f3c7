//! `skiff kube-inject`: offline injection, document order and pass-through, skips,
//! idempotency, atomic `-o`, errors, and Istio's golden cases under a ratchet.

use crate::common;
use crate::scorer;

use scorer::yaml_docs;

use std::path::PathBuf;
use std::process::{Output, Stdio};

fn data(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/inject")
        .join(name)
        .display()
        .to_string()
}

fn skiff(args: &[&str], native: bool) -> Output {
    common::skiff_command()
        .args(args)
        .env_remove("KUBECONFIG")
        .env(
            "ENABLE_NATIVE_SIDECARS",
            if native { "true" } else { "false" },
        )
        .output()
        .expect("run skiff")
}

#[test]
fn injects_deployments_keeps_other_documents_and_skips_host_network() {
    let o = skiff(&["kube-inject", "-f", &data("web.yaml")], false);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8(o.stdout).unwrap();
    let d = yaml_docs(&out);
    assert_eq!(d.len(), 3);
    assert_eq!(d[0]["kind"], "Service");
    assert!(
        out.starts_with("apiVersion: v1\nkind: Service\n"),
        "kept as written"
    );
    let pod = &d[1]["spec"]["template"];
    let names: Vec<&str> = pod["spec"]["containers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["web", "istio-proxy"]);
    assert_eq!(pod["spec"]["initContainers"][0]["name"], "istio-init");
    assert_eq!(
        pod["metadata"]["labels"]["service.istio.io/canonical-name"],
        "web"
    );
    assert_eq!(
        pod["metadata"]["labels"]["service.istio.io/canonical-revision"],
        "v1"
    );
    assert_eq!(
        pod["spec"]["containers"][0]["readinessProbe"]["httpGet"]["path"],
        "/app-health/web/readyz"
    );
    let proxy = &pod["spec"]["containers"][1];
    assert_eq!(
        proxy["image"],
        format!("docker.io/istio/proxyv2:{}", skiff::ISTIO_VERSION)
    );
    let probers = proxy["env"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "ISTIO_KUBE_APP_PROBERS")
        .unwrap();
    assert_eq!(
        probers["value"],
        r#"{"/app-health/web/readyz":{"httpGet":{"path":"/ready","port":8080}}}"#
    );
    assert!(
        d[2]["spec"]["containers"].as_array().unwrap().len() == 1,
        "host network pod untouched"
    );
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("===> Skipping injection because Pod \"host\" has host networking enabled"));
}

#[test]
fn native_sidecars_put_the_proxy_first_among_init_containers() {
    let o = skiff(&["kube-inject", "-f", &data("web.yaml")], true);
    let d = yaml_docs(&String::from_utf8(o.stdout).unwrap());
    let inits = d[1]["spec"]["template"]["spec"]["initContainers"]
        .as_array()
        .unwrap();
    assert_eq!(inits[1]["name"], "istio-proxy");
    assert_eq!(inits[1]["restartPolicy"], "Always");
}

#[test]
fn injecting_twice_changes_nothing_and_o_may_name_the_input() {
    let dir = std::env::temp_dir().join(format!("skiff-inject-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("web.yaml");
    std::fs::copy(data("web.yaml"), &file).unwrap();
    let f = file.display().to_string();
    assert_eq!(
        skiff(&["kube-inject", "-f", &f, "-o", &f], false)
            .status
            .code(),
        Some(0)
    );
    let once = std::fs::read_to_string(&file).unwrap();
    assert!(once.contains("istio-proxy"));
    assert_eq!(
        skiff(&["kube-inject", "-f", &f, "-o", &f], false)
            .status
            .code(),
        Some(0)
    );
    let twice = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        yaml_docs(&once),
        yaml_docs(&twice),
        "re-injection is a no-op"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Injects `input` (a file) and returns stdout, asserting success.
fn inject_file(input: &str, native: bool, extra: &[&str]) -> String {
    let mut args = vec!["kube-inject", "-f", input];
    args.extend(extra);
    let o = skiff(&args, native);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn write_temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("skiff-reinject-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn re_injecting_every_golden_input_gives_the_same_bytes() {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance/inject/testdata");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("yaml") {
            continue;
        }
        let o = skiff(&["kube-inject", "-f", &path.display().to_string()], false);
        if o.status.code() != Some(0) {
            continue; // the error cases
        }
        let once = String::from_utf8(o.stdout).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let again = inject_file(&write_temp(name, &once), false, &[]);
        assert_eq!(once, again, "re-injecting {name} changed it");
        checked += 1;
    }
    assert!(checked >= 50, "only {checked} inputs injected");
}

#[test]
fn re_injection_replaces_the_sidecar_and_reinject_false_keeps_it() {
    let classic = inject_file(&data("web.yaml"), false, &[]);
    let file = write_temp("classic.yaml", &classic);
    // Switching to native sidecars moves the proxy into the init containers, once.
    let native = yaml_docs(&inject_file(&file, true, &[]));
    let deployment = native.iter().find(|d| d["kind"] == "Deployment").unwrap();
    let spec = &deployment["spec"]["template"]["spec"];
    let names = |list: &str| -> Vec<String> {
        spec[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        !names("containers").contains(&"istio-proxy".to_string()),
        "{:?}",
        names("containers")
    );
    assert_eq!(
        names("initContainers")
            .iter()
            .filter(|n| *n == "istio-proxy")
            .count(),
        1
    );
    assert_eq!(
        names("initContainers")
            .iter()
            .filter(|n| *n == "istio-init")
            .count(),
        1
    );
    let kept = inject_file(&file, true, &["--reinject=false"]);
    assert_eq!(yaml_docs(&kept), yaml_docs(&classic));
}

const APP: &str = "apiVersion: v1
kind: Service
metadata:
  name: app
spec:
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
      annotations:
        prometheus.io/scrape: 'true'
        prometheus.io/port: '9000'
    spec:
      initContainers:
      - name: setup
        image: example.com/setup:1
      containers:
      - name: app
        image: example.com/app:1
        livenessProbe:
          httpGet:
            path: /live
            port: 8080
          timeoutSeconds: 5
        readinessProbe:
          tcpSocket:
            port: 8080
      volumes:
      - name: data
        emptyDir: {}
";

#[test]
fn kube_uninject_removes_what_injection_added() {
    let input = write_temp("app.yaml", APP);
    let original = yaml_docs(APP);
    let injected_text = inject_file(&input, false, &[]);
    assert!(
        injected_text.contains("istio-proxy") && injected_text.contains("/app-health/app/livez")
    );
    let injected = write_temp("injected.yaml", &injected_text);
    let o = skiff(&["kube-uninject", "-f", &injected], false);
    assert_eq!(o.status.code(), Some(0));
    let back = yaml_docs(&String::from_utf8(o.stdout).unwrap());
    assert_eq!(back.len(), original.len());
    for (was, now) in original.iter().zip(&back) {
        let pointer = "/spec/template/spec";
        let (Some(before), Some(after)) = (was.pointer(pointer), now.pointer(pointer)) else {
            assert_eq!(was, now, "documents without pods pass through");
            continue;
        };
        assert_eq!(before, after, "the pod spec is the original again");
        let annotations = now.pointer("/spec/template/metadata/annotations");
        assert!(
            annotations
                .and_then(|a| a.get("sidecar.istio.io/status"))
                .is_none(),
            "{annotations:?}"
        );
        assert_eq!(
            annotations.and_then(|a| a.get("prometheus.io/port")),
            Some(&serde_json::json!("9000")),
            "the app's own scrape port is back"
        );
    }
}

#[test]
fn a_bad_annotation_fails_naming_the_document_and_writes_nothing() {
    let dir = std::env::temp_dir().join(format!("skiff-inject-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("out.yaml");
    let o = skiff(
        &[
            "kube-inject",
            "-f",
            &data("bad-annotation.yaml"),
            "-o",
            &out.display().to_string(),
        ],
        false,
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "bad-annotation.yaml:1: Pod bad: invalid value '10.0.0.0/33' for annotation \
             'traffic.sidecar.istio.io/includeOutboundIPRanges': includeIPRanges invalid"
        ),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing written");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A good Deployment repeated `copies` times, then (when `broken`) one whose labels are
/// a string.
fn deployments(copies: usize, broken: bool) -> String {
    let good = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  \
                selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    \
                spec:\n      containers: [{name: web, image: nginx}]\n";
    let mut docs = vec![good; copies].join("---\n");
    if broken {
        docs.push_str("---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: bad}\nspec:\n  \
                       template:\n    metadata: {labels: oops}\n    spec:\n      containers: [{name: a, image: a}]\n");
    }
    docs
}

#[test]
fn a_failing_document_leaves_stdout_empty_however_much_came_before() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("stdout-all-or-nothing");
    std::fs::create_dir_all(&dir).unwrap();
    // 1,500 injected Deployments (about 9 MB) are well past what is held in memory before spilling.
    for copies in [1, 1500] {
        let input = dir.join(format!("input-{copies}.yaml"));
        std::fs::write(&input, deployments(copies, true)).unwrap();
        let o = skiff(&["kube-inject", "-f", input.to_str().unwrap()], false);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("metadata.labels must be a mapping"),
            "{stderr}"
        );
        assert!(o.stdout.is_empty(), "{copies}: partial output on stdout");

        std::fs::write(&input, deployments(copies, false)).unwrap();
        let o = skiff(&["kube-inject", "-f", input.to_str().unwrap()], false);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let text = String::from_utf8(o.stdout).unwrap();
        assert_eq!(
            text.matches("name: istio-proxy").count(),
            copies,
            "every copy injected"
        );
        assert!(text.len() > copies * 1000, "whole output published");
    }
}

#[test]
fn stdin_and_unparseable_input() {
    let mut child = common::skiff_command()
        .args(["kube-inject", "-f", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(std::fs::read(data("web.yaml")).unwrap().as_slice())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("istio-proxy"));
    let o = skiff(
        &[
            "kube-inject",
            "-f",
            &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("testdata/malformed/bad-yaml.yaml")
                .display()
                .to_string(),
        ],
        false,
    );
    assert_eq!(o.status.code(), Some(65));
}

/// Istio's kube-inject goldens (../shared/conformance/inject), compared structurally like
/// the scorer does, under a ratchet: the committed list of exact cases.
#[test]
fn istio_golden_cases_keep_passing() {
    let cases = scorer::runnable_inject_cases();
    let exact: std::collections::BTreeSet<String> = cases
        .iter()
        .filter(|c| {
            scorer::run_kube_inject(c, &scorer::case_args(c))
                .is_some_and(|out| scorer::matches_golden(c, &out))
        })
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    println!("kube-inject goldens: {}/{} exact", exact.len(), cases.len());
    common::check_ratchet("inject-exact.txt", &exact);
}

#[test]
fn an_inject_config_file_sets_policy_selectors_annotations_and_templates() {
    let config = write_temp(
        "inject-config.yaml",
        "policy: disabled
alwaysInjectSelector:
- matchLabels: {app: app}
injectedAnnotations:
  example.com/injected: 'yes'
defaultTemplates: [sidecar, custom]
templates:
  custom: 'metadata: {labels: {custom: \"{{ .Values.global.tag }}\"}}'
",
    );
    let o = skiff(
        &[
            "kube-inject",
            "--injectConfigFile",
            &config,
            "-f",
            &data("web.yaml"),
        ],
        false,
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "Deployment \"web\" is not asking for injection and the injection policy is disabled"
        ),
        "{stderr}"
    );
    assert!(!String::from_utf8_lossy(&o.stdout).contains("istio-proxy"));
    // The always-inject selector matches the app's labels.
    let o = skiff(
        &[
            "kube-inject",
            "--injectConfigFile",
            &config,
            "-f",
            &write_temp("app2.yaml", APP),
        ],
        false,
    );
    let out = yaml_docs(&String::from_utf8_lossy(&o.stdout));
    let deployment = out.iter().find(|d| d["kind"] == "Deployment").unwrap();
    let annotations = &deployment["spec"]["template"]["metadata"]["annotations"];
    assert_eq!(annotations["example.com/injected"], "yes", "{annotations}");
    assert!(annotations.get("sidecar.istio.io/status").is_some());
    // Both default templates ran: skiff's sidecar (the config has none) and `custom`.
    let labels = &deployment["spec"]["template"]["metadata"]["labels"];
    assert_eq!(labels["custom"], skiff::ISTIO_VERSION, "{labels}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("istio-proxy"));
}

#[test]
fn a_template_that_does_not_render_a_mapping_is_an_error() {
    let config = write_temp(
        "bad-template.yaml",
        "templates:\n  sidecar: '{{ .Values.nothing }}'\n",
    );
    let out = format!("{config}.out");
    let o = skiff(
        &[
            "kube-inject",
            "--injectConfigFile",
            &config,
            "-f",
            &data("web.yaml"),
            "-o",
            &out,
        ],
        false,
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("web.yaml:12: Deployment web"), "{stderr}");
    assert!(stderr.contains("template \"sidecar\""), "{stderr}");
    assert!(
        !std::path::Path::new(&out).exists(),
        "nothing is written with -o"
    );
}

#[test]
fn diff_shows_what_injection_changes_as_a_unified_diff() {
    let o = skiff(&["kube-inject", "--diff", "-f", &data("web.yaml")], false);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("web.yaml (injected)"), "{out}");
    assert!(
        out.lines().any(|l| l == "-            path: /ready"),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l == "+            path: /app-health/web/readyz"),
        "{out}"
    );
    assert!(out.lines().any(|l| l.starts_with("@@ ")), "{out}");
}

#[test]
fn a_pod_template_of_the_wrong_shape_is_an_error_naming_the_field_and_nothing_is_written() {
    let text = std::fs::read_to_string(data("wrong-shapes.yaml")).unwrap();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("wrong-shapes");
    std::fs::create_dir_all(&dir).unwrap();
    let expected = [
        "spec.template must be a mapping, not a number",
        "spec.containers must be a list, not a number",
        "spec.containers.0.ports.0.containerPort must be an integer, not a string",
        "metadata.labels must be a mapping, not a list",
    ];
    for (doc, why) in text.split("\n---\n").zip(expected) {
        let input = dir.join("input.yaml");
        let output = dir.join("output.yaml");
        std::fs::write(&input, doc).unwrap();
        let _ = std::fs::remove_file(&output);
        let o = skiff(
            &[
                "kube-inject",
                "-f",
                input.to_str().unwrap(),
                "-o",
                output.to_str().unwrap(),
            ],
            false,
        );
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(why), "{why}: {stderr}");
        assert!(stderr.contains("input.yaml:"), "{stderr}");
        assert!(!output.exists(), "{why}: output written");
    }
}

/// Drops what Go's encoder adds and skiff leaves out (empty mappings such as
/// `resources: {}`, `status: {}`); key order is not compared.
fn without_empty_mappings(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => serde_json::Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.as_object().is_some_and(|m| m.is_empty()))
                .map(|(k, v)| (k, without_empty_mappings(v)))
                .collect(),
        ),
        serde_json::Value::Array(items) => {
            serde_json::Value::Array(items.into_iter().map(without_empty_mappings).collect())
        }
        other => other,
    }
}

#[test]
fn custom_templates_run_as_istiod_runs_them() {
    // testdata/inject/custom-templates: skiff's own templates (a custom `sidecar` and a
    // `tracer`), with istioctl 1.30.3's output for them as the golden.
    let dir = data("custom-templates");
    let file = |name: &str| format!("{dir}/{name}");
    let (config, values, mesh, input) = (
        file("config.yaml"),
        file("values.yaml"),
        file("mesh.yaml"),
        file("input.yaml"),
    );
    let out = skiff(
        &[
            "kube-inject",
            "-r",
            "default",
            "--injectConfigFile",
            &config,
            "--valuesFile",
            &values,
            "--meshConfigFile",
            &mesh,
            "-f",
            &input,
        ],
        false,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ours: Vec<_> = yaml_docs(&String::from_utf8_lossy(&out.stdout))
        .into_iter()
        .map(without_empty_mappings)
        .collect();
    let golden = std::fs::read_to_string(file("injected.golden.yaml")).unwrap();
    let theirs: Vec<_> = yaml_docs(&golden)
        .into_iter()
        .map(without_empty_mappings)
        .collect();
    assert_eq!(ours, theirs);
}

#[test]
fn default_templates_and_aliases_select_what_the_webhook_would() {
    // istioctl's offline kube-inject always starts from `sidecar` and ignores aliases;
    // istiod's webhook honours both, and skiff predicts the webhook (docs/deviations.md).
    let dir = data("custom-templates");
    let config = std::fs::read_to_string(format!("{dir}/config.yaml")).unwrap();
    let config = config.replacen(
        "templates:\n",
        "defaultTemplates: [tracer]\naliases:\n  both: [sidecar, tracer]\ntemplates:\n",
        1,
    );
    let config = write_temp("aliases-config.yaml", &config);
    let input = write_temp(
        "aliases-input.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: x}\nspec:\n  containers: [{name: app, image: i}]\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  namespace: x\n  annotations: {inject.istio.io/templates: both}\nspec:\n  containers: [{name: app, image: i}]\n",
    );
    let out = skiff(
        &["kube-inject", "--injectConfigFile", &config, "-f", &input],
        false,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = yaml_docs(&String::from_utf8_lossy(&out.stdout));
    let status = |doc: &serde_json::Value| {
        doc["metadata"]["annotations"]["sidecar.istio.io/status"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(
        status(&docs[0]).contains(r#""initContainers":["tracer-init"]"#),
        "{}",
        status(&docs[0])
    );
    assert!(
        docs[0]["metadata"]["labels"]
            .get("audit.example.com/team")
            .is_none(),
        "tracer only"
    );
    assert_eq!(
        docs[1]["metadata"]["labels"]["audit.example.com/team"], "none",
        "alias ran sidecar"
    );
    assert!(status(&docs[1]).contains("tracer-init"));
}

/// Offline kube-inject with `--set` gives what the webhook of `manifest generate --set`
/// (the same settings) injects: one pipeline renders both.
#[test]
fn offline_injection_matches_the_installed_webhook_of_the_same_settings() {
    let dir = std::env::temp_dir().join(format!("skiff-inject-installed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for set in [
        "values.global.meshID=m1",
        "values.global.proxy.tracer=zipkin",
        "revision=canary",
    ] {
        let manifest = skiff(&["manifest", "generate", "--set", set], false);
        assert!(manifest.status.success(), "{set}");
        let web = data("web.yaml");
        let mut args: Vec<String> = ["kube-inject", "-f", web.as_str()].map(String::from).into();
        for doc in yaml_docs(&String::from_utf8_lossy(&manifest.stdout)) {
            let name = doc["metadata"]["name"].as_str().unwrap_or("");
            let keys: &[(&str, &str)] = if name.starts_with("istio-sidecar-injector") {
                &[("--injectConfigFile", "config"), ("--valuesFile", "values")]
            } else {
                &[("--meshConfigFile", "mesh")]
            };
            for (flag, key) in keys {
                if let Some(text) = doc["data"][key].as_str() {
                    let file = dir.join(key);
                    std::fs::write(&file, text).unwrap();
                    args.extend([flag.to_string(), file.display().to_string()]);
                }
            }
        }
        assert_eq!(args.len(), 9, "{set}: the three ConfigMap keys");
        if set == "revision=canary" {
            args.extend(["-r".to_string(), "canary".to_string()]);
        }
        let from_files: Vec<&str> = args.iter().map(String::as_str).collect();
        let webhook = skiff(&from_files, false);
        let offline = skiff(&["kube-inject", "--set", set, "-f", &web], false);
        assert!(
            offline.status.success() && webhook.status.success(),
            "{set}"
        );
        assert_eq!(
            String::from_utf8_lossy(&offline.stdout),
            String::from_utf8_lossy(&webhook.stdout),
            "{set}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
