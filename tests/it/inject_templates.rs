//! The injection templates of skiff's `istio-sidecar-injector` ConfigMap inject what
//! `skiff kube-inject` injects natively: every pod of every Istio kube-inject golden case
//! that the native injector gets exactly right is rendered again through the templates,
//! executed by Go's text/template with Sprig (tests/gotemplate, as istiod runs them), and
//! the template's containers, volumes, labels and annotations must equal the native ones.
//!
//! What istiod computes itself rather than through the template is left out of the
//! comparison: the status and overrides annotations, probe rewriting and Prometheus merge
//! (ISTIO_KUBE_APP_PROBERS, ISTIO_PROMETHEUS_ANNOTATIONS), the user's istio-proxy fields
//! applied over the template's container, and container order.

use crate::common;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use scorer::{case_args, inject_cases_dir, matches_golden, norm, run_kube_inject, yaml_docs};
use serde_json::{json, Map, Value};
use skiff::cli::kube_inject::installed_settings;
use skiff::gotmpl;
use skiff::inject::{self, Settings};

use crate::scorer;

const POST_PROCESSED_ENV: &[&str] = &["ISTIO_KUBE_APP_PROBERS", "ISTIO_PROMETHEUS_ANNOTATIONS"];
/// Set by istiod after the template: the status, the overrides and Prometheus merge's.
const POST_PROCESSED_ANNOTATIONS: &[&str] = &[
    "sidecar.istio.io/status",
    "proxy.istio.io/overrides",
    "prometheus.io/path",
    "prometheus.io/port",
    "prometheus.io/scrape",
];

/// Builds tests/gotemplate against Debian's Sprig (golang-go and
/// golang-github-masterminds-sprig-dev, installed by scripts/test-cluster).
fn build_harness() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let bin = dir.join("gotemplate");
    let status = Command::new("go")
        .args(["build", "-o"])
        .arg(&bin)
        .arg("main.go")
        .current_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gotemplate"))
        .env("GOPATH", "/usr/share/gocode")
        .env("GO111MODULE", "off")
        .env("GOCACHE", dir.join("go-cache"))
        .status()
        .expect("`go` not found: install golang-go and golang-github-masterminds-sprig-dev");
    assert!(status.success(), "building tests/gotemplate failed");
    bin
}

fn read_structured(path: &Path) -> Value {
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The injector settings of a case, as `skiff kube-inject` builds them from its flags.
fn case_settings(case: &Value) -> Settings {
    let native = case["env"]["ENABLE_NATIVE_SIDECARS"] == "true";
    let root = inject_cases_dir();
    let hub_tag = [
        "values.global.hub=registry.istio.io/testing",
        "values.global.tag=latest",
    ];
    let sets: Vec<String> = case["set"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .chain(hub_tag)
        .map(str::to_string)
        .collect();
    let iop = case["iop"]
        .as_str()
        .map(|p| root.join(p).to_string_lossy().into_owned());
    let (mut settings, user) = installed_settings(native, iop.as_deref(), &sets, None).unwrap();
    let files = [
        ("values_file", &mut settings.values),
        ("mesh_config", &mut settings.mesh),
    ];
    let mut given = false;
    for (key, target) in files {
        if let Some(p) = case[key].as_str() {
            inject::merge(target, &read_structured(&root.join(p)));
            given = true;
        }
    }
    if given {
        settings.apply_operator(&user);
    }
    settings
}

/// Resource quantities as a Kubernetes decode of the template output leaves them.
fn canonical_quantities(container: &mut Value) {
    let Some(res) = container
        .get_mut("resources")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    for section in res.values_mut().filter_map(Value::as_object_mut) {
        for q in section.values_mut() {
            *q = inject::canonical_quantity(q);
        }
    }
}

fn deep_merge(base: &mut Value, overlay: &Value) {
    match (base, overlay) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                deep_merge(b.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
        (b, o) => *b = o.clone(),
    }
}

fn items(v: &Value, key: &str) -> Vec<Value> {
    v.get(key)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

fn named<'a>(list: &'a [Value], name: &str) -> Option<&'a Value> {
    list.iter().find(|c| c["name"] == name)
}

fn names(list: &[Value]) -> BTreeSet<String> {
    list.iter()
        .filter_map(|c| c["name"].as_str().map(str::to_string))
        .collect()
}

/// One injected pod: the input, skiff's native result and the template's result.
struct Pod<'a> {
    input_meta: &'a Value,
    input_spec: &'a Value,
    native_meta: &'a Value,
    native_spec: &'a Value,
    template: &'a Value,
}

impl Pod<'_> {
    /// The differences between the template's injection and the native one.
    fn differences(&self) -> Vec<String> {
        let mut out = Vec::new();
        let t_spec = &self.template["spec"];
        let user_proxy = named(&items(self.input_spec, "containers"), "istio-proxy").cloned();
        for list in ["initContainers", "containers"] {
            let input = items(self.input_spec, list);
            let native = items(self.native_spec, list);
            let template = items(t_spec, list);
            // Containers the injection added (istio-proxy also when the user gave one).
            let added: BTreeSet<String> = names(&native)
                .into_iter()
                .filter(|n| n == "istio-proxy" || named(&input, n).is_none())
                .collect();
            if added != names(&template) {
                out.push(format!(
                    "{list}: native adds {added:?}, template {:?}",
                    names(&template)
                ));
                continue;
            }
            for name in &added {
                let mut t = named(&template, name).cloned().unwrap();
                if let Some(user) = user_proxy.as_ref().filter(|_| name == "istio-proxy") {
                    let mut user = user.clone();
                    if user["image"] == "auto" {
                        user.as_object_mut().unwrap().remove("image");
                    }
                    deep_merge(&mut t, &user);
                }
                canonical_quantities(&mut t);
                let mut n = named(&native, name).cloned().unwrap();
                if let Some(env) = n.get_mut("env").and_then(Value::as_array_mut) {
                    env.retain(|e| !POST_PROCESSED_ENV.contains(&e["name"].as_str().unwrap_or("")));
                }
                if norm(&t) != norm(&n) {
                    out.push(format!(
                        "{list}/{name}:\n  template {}\n  native   {}",
                        norm(&t).unwrap_or_default(),
                        norm(&n).unwrap_or_default()
                    ));
                }
            }
        }
        let (input_vols, native_vols) = (
            items(self.input_spec, "volumes"),
            items(self.native_spec, "volumes"),
        );
        let added: Vec<Value> = native_vols
            .into_iter()
            .filter(|v| named(&input_vols, v["name"].as_str().unwrap_or("")).is_none())
            .collect();
        if norm(&json!(added)) != norm(&json!(items(t_spec, "volumes"))) {
            out.push("volumes differ".into());
        }
        for field in ["labels", "annotations"] {
            out.extend(self.map_differences(field));
        }
        for field in ["securityContext", "imagePullSecrets"] {
            let (input, native) = (&self.input_spec[field], &self.native_spec[field]);
            let template = &t_spec[field];
            let mut merged = input.clone();
            deep_merge(&mut merged, template);
            if field == "imagePullSecrets" {
                merged = json!([items(self.input_spec, field), items(t_spec, field)].concat());
            }
            if norm(native) != norm(if template.is_null() { input } else { &merged }) {
                out.push(format!(
                    "spec.{field}: template {template}, native {native}"
                ));
            }
        }
        out
    }

    /// Labels or annotations: every one the template sets is the native one, and every one
    /// the native injection adds or changes comes from the template.
    fn map_differences(&self, field: &str) -> Vec<String> {
        let empty = Map::new();
        let get = |v: &Value| {
            v.get(field)
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or(empty.clone())
        };
        let (input, native, template) = (
            get(self.input_meta),
            get(self.native_meta),
            get(&self.template["metadata"]),
        );
        let mut out = Vec::new();
        for (k, v) in &template {
            if native.get(k) != Some(v) {
                out.push(format!(
                    "{field} {k}: template {v}, native {:?}",
                    native.get(k)
                ));
            }
        }
        for (k, v) in &native {
            let changed = input.get(k) != Some(v);
            if changed
                && !template.contains_key(k)
                && !POST_PROCESSED_ANNOTATIONS.contains(&k.as_str())
            {
                out.push(format!("{field} {k}={v} is not set by the template"));
            }
        }
        out
    }
}

/// What istiod hands the template for one pod of a workload.
fn template_data(
    setup: &Setup,
    object: &Value,
    meta: &Value,
    spec: &Value,
    compliance: &str,
) -> Value {
    let settings = &setup.settings;
    let annotation = |k: &str| meta["annotations"][k].as_str();
    let mut proxy_config = settings
        .mesh
        .get("defaultConfig")
        .cloned()
        .unwrap_or(json!({}));
    if let Some(text) = annotation("proxy.istio.io/config") {
        inject::merge(&mut proxy_config, &serde_yaml::from_str(text).unwrap());
    }
    let user_proxy = named(&items(spec, "containers"), "istio-proxy")
        .cloned()
        .unwrap_or(json!({}));
    let id = |k: &str| user_proxy["securityContext"][k].as_i64().unwrap_or(1337);
    let native = match annotation("sidecar.istio.io/nativeSidecar") {
        Some(v) => v == "true",
        None => settings.native_sidecars,
    };
    json!({
        "TypeMeta": {"kind": object["kind"], "apiVersion": object["apiVersion"]},
        "DeploymentMeta": {"name": object["metadata"]["name"], "namespace": object["metadata"]["namespace"]},
        "ObjectMeta": meta,
        "Spec": spec,
        "ProxyConfig": proxy_config,
        "MeshConfig": settings.mesh,
        "Values": setup.values,
        "Revision": settings.revision,
        // istiod's ProxyImage: hub, image and tag with the image type (never the pod's
        // sidecar.istio.io/proxyImage, which the template itself consults).
        "ProxyImage": inject::hub_proxy_image(settings, &proxy_config, meta),
        "ProxyUID": id("runAsUser"),
        "ProxyGID": id("runAsGroup"),
        "NativeSidecars": native,
        "CompliancePolicy": compliance,
        // istiod's InboundTrafficPolicyMode: the mesh's inbound traffic policy, lower case.
        "InboundTrafficPolicyMode": match settings.mesh.pointer("/inboundTrafficPolicy/mode") {
            Some(mode) if mode == "LOCALHOST" => "localhost",
            _ => "passthrough",
        },
    })
}

/// The pod templates (metadata, spec) of an object; a List's items one by one.
fn pods(object: &Value) -> Vec<(Value, &Value, &Value)> {
    if object["kind"] == "List" {
        return object["items"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(pods)
            .collect();
    }
    let pointer = match object["kind"].as_str().unwrap_or("") {
        "Pod" => "",
        "CronJob" => "/spec/jobTemplate/spec/template",
        _ => "/spec/template",
    };
    match (
        object.pointer(&format!("{pointer}/metadata")),
        object.pointer(&format!("{pointer}/spec")),
    ) {
        (Some(m), Some(s)) => vec![(object.clone(), m, s)],
        _ => Vec::new(),
    }
}

/// How one run of the cases is set up: kube-inject's flags, the injector settings they
/// make, and the values istiod would hand the template.
struct Setup {
    args: Vec<String>,
    settings: Settings,
    values: Value,
}

/// A rendered pod to compare: the request for the harness and what to compare it with.
struct Compared {
    case: Value,
    input_meta: Value,
    input_spec: Value,
    native_meta: Value,
    native_spec: Value,
}

/// Runs native kube-inject on every case (only those matching the golden exactly when
/// `exact_only`), renders each injected pod through the templates, and gives the number of
/// cases used, of pods compared, and the differences found.
fn compare(
    harness: &Path,
    setup: &dyn Fn(&Value) -> Setup,
    exact_only: bool,
) -> (usize, usize, Vec<String>) {
    let mut requests = Vec::new();
    let mut expected = Vec::new();
    let mut used_cases = 0;
    let mut cases = scorer::runnable_inject_cases();
    if !exact_only {
        cases.extend(own_cases());
    }
    for case in &cases {
        let setup = setup(case);
        let Some(native_text) = run_kube_inject(case, &setup.args) else {
            continue;
        };
        if exact_only && !matches_golden(case, &native_text) {
            continue;
        }
        let native_docs = yaml_docs(&native_text);
        used_cases += 1;
        let compliance = case["env"]["COMPLIANCE_POLICY"].as_str().unwrap_or("");
        let input_text =
            std::fs::read_to_string(inject_cases_dir().join(case["input"].as_str().unwrap()))
                .unwrap();
        // kube-inject re-injects an injected input: istiod would see it without its sidecar.
        let input_docs: Vec<Value> = yaml_docs(&input_text)
            .into_iter()
            .map(|d| match inject::uninject_object(d).unwrap() {
                inject::Outcome::Injected(v)
                | inject::Outcome::Unchanged(v)
                | inject::Outcome::Skipped(v, _) => v,
            })
            .collect();
        assert_eq!(input_docs.len(), native_docs.len(), "{}", case["name"]);
        for (input, native) in input_docs.iter().zip(&native_docs) {
            for ((object, meta, spec), (_, n_meta, n_spec)) in
                pods(input).into_iter().zip(pods(native))
            {
                if n_meta["annotations"][inject::STATUS_ANNOTATION].is_null() {
                    continue; // not injected (disabled, host network, ...)
                }
                let selected: Vec<&str> = meta["annotations"]["inject.istio.io/templates"]
                    .as_str()
                    .map(|t| t.split(',').map(str::trim).collect())
                    .unwrap_or_default();
                if selected.iter().any(|t| !["sidecar", "gateway"].contains(t)) {
                    continue; // injected by running those templates, not natively
                }
                let gateway = selected.contains(&"gateway");
                requests.push(json!({
                    "template": if gateway { "gateway" } else { "sidecar" },
                    "data": template_data(&setup, &object, meta, spec, compliance),
                }));
                expected.push(Compared {
                    case: case["name"].clone(),
                    input_meta: meta.clone(),
                    input_spec: spec.clone(),
                    native_meta: n_meta.clone(),
                    native_spec: n_spec.clone(),
                });
            }
        }
    }
    let failures = render_and_diff(harness, &requests, &expected);
    (used_cases, expected.len(), failures)
}

/// skiff's own inputs for the annotation branches the golden cases do not exercise, as
/// cases without a golden (native sidecars off and on).
fn own_cases() -> Vec<Value> {
    let input =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/inject/annotation-branches.yaml");
    ["false", "true"]
        .iter()
        .map(|native| {
            json!({"name": format!("annotation-branches (native {native})"), "input": input,
                   "env": {"ENABLE_NATIVE_SIDECARS": native}})
        })
        .collect()
}

/// Runs each request (`{"template": NAME, "data": ...}`) through the built-in templates
/// with the Go harness; one `{"output"}` or `{"error"}` per request.
fn run_harness(harness: &Path, requests: &[Value]) -> Vec<Value> {
    let templates: Map<String, Value> = skiff::model::injection_templates::builtin()
        .into_iter()
        .filter(|(n, _)| !skiff::model::injection_templates::DEPLOYMENT_TEMPLATES.contains(n))
        .map(|(n, t)| (n.to_string(), json!(t)))
        .collect();
    let mut child = Command::new(harness)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let request = json!({"templates": templates, "pods": requests});
    serde_json::to_writer(child.stdin.take().unwrap(), &request).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "gotemplate failed");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// skiff's own template engine on the same requests: its text must equal Go's.
fn engine_differences(requests: &[Value], go_results: &[Value]) -> Vec<String> {
    let templates = skiff::model::injection_templates::builtin();
    let mut failures = Vec::new();
    for (i, (request, go)) in requests.iter().zip(go_results).enumerate() {
        let name = request["template"].as_str().unwrap();
        let text = &templates.iter().find(|(n, _)| *n == name).unwrap().1;
        let data = inject::typed_template_data(&request["data"]);
        let ours = gotmpl::Template::parse(name, text).and_then(|t| t.execute(&data));
        match (ours, go["output"].as_str()) {
            (Ok(ours), Some(theirs)) if ours == theirs => {}
            (Ok(ours), Some(theirs)) => {
                let line = ours
                    .lines()
                    .zip(theirs.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or(0);
                failures.push(format!(
                    "request {i} ({name}): skiff's engine differs from Go's at output line {}: {:?} vs {:?}",
                    line + 1,
                    ours.lines().nth(line),
                    theirs.lines().nth(line)
                ));
            }
            (ours, _) => {
                let go: String = go.to_string().chars().take(300).collect();
                failures.push(format!("request {i} ({name}): skiff {ours:?}, Go {go}"));
            }
        }
    }
    failures
}

fn render_and_diff(harness: &Path, requests: &[Value], expected: &[Compared]) -> Vec<String> {
    let results = run_harness(harness, requests);
    let mut failures = engine_differences(requests, &results);
    for (result, c) in results.iter().zip(expected) {
        let name = &c.case;
        if let Some(e) = result["error"].as_str() {
            failures.push(format!("{name}: template error: {e}"));
            continue;
        }
        let rendered: Value = match serde_yaml::from_str(result["output"].as_str().unwrap()) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{name}: template output is not YAML: {e}"));
                continue;
            }
        };
        let pod = Pod {
            input_meta: &c.input_meta,
            input_spec: &c.input_spec,
            native_meta: &c.native_meta,
            native_spec: &c.native_spec,
            template: &rendered,
        };
        for d in pod.differences() {
            failures.push(format!("{name}: {d}"));
        }
    }
    failures
}

#[test]
#[ignore = "needs Go and Sprig from Debian's packages (./scripts/test installs them)"]
fn the_templates_inject_what_kube_inject_injects_on_the_golden_cases() {
    let harness = build_harness();
    let setup = |case: &Value| {
        let settings = case_settings(case);
        Setup {
            args: case_args(case),
            values: settings.values.clone(),
            settings,
        }
    };
    let (cases, pods, failures) = compare(&harness, &setup, true);
    println!(
        "template equivalence: {pods} pods of {cases} exact kube-inject cases, {} differences",
        failures.len()
    );
    assert!(cases >= 55 && pods >= 50, "too few cases compared");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The ConfigMaps `manifest generate` renders: istiod given their values and templates
/// injects what `skiff kube-inject --injectConfigFile --valuesFile --meshConfigFile` does
/// with the same ConfigMaps, on every golden input.
#[test]
#[ignore = "needs Go and Sprig from Debian's packages (./scripts/test installs them)"]
fn the_rendered_injector_configmap_injects_what_kube_inject_injects() {
    let harness = build_harness();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rendered-injector");
    std::fs::create_dir_all(&dir).unwrap();
    for profile in ["default", "demo"] {
        let out = common::skiff_command()
            .args([
                "manifest",
                "generate",
                "--set",
                &format!("profile={profile}"),
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        let docs = yaml_docs(&String::from_utf8(out.stdout).unwrap());
        let config_map = |name: &str| {
            docs.iter()
                .find(|d| d["kind"] == "ConfigMap" && d["metadata"]["name"] == name)
                .unwrap_or_else(|| panic!("no ConfigMap {name}"))
                .clone()
        };
        let injector = config_map("istio-sidecar-injector");
        let values: Value =
            serde_json::from_str(injector["data"]["values"].as_str().unwrap()).unwrap();
        let mesh: Value =
            serde_yaml::from_str(config_map("istio")["data"]["mesh"].as_str().unwrap()).unwrap();
        let write = |name: &str, v: &Value| {
            let path = dir.join(format!("{profile}-{name}"));
            std::fs::write(&path, serde_json::to_string(v).unwrap()).unwrap();
            path.display().to_string()
        };
        let args: Vec<String> = [
            "--injectConfigFile".into(),
            write("injector.json", &injector),
            "--valuesFile".into(),
            write("values.json", &values),
            "--meshConfigFile".into(),
            write("mesh.json", &mesh),
        ]
        .into();
        let setup = |case: &Value| {
            let native = case["env"]["ENABLE_NATIVE_SIDECARS"] == "true";
            let settings = Settings::new(native, values.clone(), mesh.clone());
            Setup {
                args: args.clone(),
                settings,
                values: values.clone(),
            }
        };
        let (cases, pods, failures) = compare(&harness, &setup, false);
        println!(
            "{profile}: {pods} pods of {cases} cases, {} differences",
            failures.len()
        );
        assert!(cases >= 55 && pods >= 50, "too few cases compared");
        assert!(failures.is_empty(), "{profile}:\n{}", failures.join("\n"));
    }
}

#[test]
#[ignore = "needs Go and Sprig from Debian's packages (./scripts/test installs them)"]
fn the_grpc_templates_render_proxyless_pods() {
    let harness = build_harness();
    let installed = skiff::render::default_injection_config();
    let settings = Settings::new(false, installed.values, installed.mesh);
    let setup = Setup {
        args: Vec::new(),
        values: settings.values.clone(),
        settings,
    };
    let object = json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "echo", "namespace": "grpc"},
        "spec": {"template": {"metadata": {"labels": {"app": "echo"}},
            "spec": {"containers": [{"name": "app", "image": "echo", "ports": [{"containerPort": 7070}]}]}}}});
    let (meta, spec) = (
        &object["spec"]["template"]["metadata"],
        &object["spec"]["template"]["spec"],
    );
    let data = template_data(&setup, &object, meta, spec, "");
    let pods = [
        json!({"template": "grpc-simple", "data": data}),
        json!({"template": "grpc-agent", "data": data}),
    ];
    let results = run_harness(&harness, &pods);
    let engine = engine_differences(&pods, &results);
    assert!(engine.is_empty(), "{}", engine.join("\n"));
    let rendered: Vec<Value> = results
        .iter()
        .map(|r| {
            serde_yaml::from_str(r["output"].as_str().unwrap_or_else(|| panic!("{r}"))).unwrap()
        })
        .collect();
    let (simple, agent) = (&rendered[0], &rendered[1]);
    let bootstrap = &simple["spec"]["initContainers"][0];
    assert_eq!(bootstrap["name"], "grpc-bootstrap-init");
    assert!(bootstrap["command"][2]
        .as_str()
        .unwrap()
        .contains("SERVER_URI=\"dns:///istiod.${ISTIO_NAMESPACE}.svc:15010\""));
    let namespace = items(bootstrap, "env")
        .into_iter()
        .find(|e| e["name"] == "ISTIO_NAMESPACE")
        .expect("ISTIO_NAMESPACE env");
    assert_eq!(namespace["value"], "istio-system");
    assert_eq!(
        simple["spec"]["containers"][0]["env"][0]["value"],
        "/var/lib/grpc/data/bootstrap.json"
    );
    assert_eq!(
        simple["spec"]["volumes"][0]["name"],
        "grpc-io-proxyless-bootstrap"
    );
    let containers = names(&items(&agent["spec"], "containers"));
    assert_eq!(
        containers,
        BTreeSet::from(["app".to_string(), "istio-proxy".to_string()])
    );
    let proxy = named(&items(&agent["spec"], "containers"), "istio-proxy")
        .unwrap()
        .clone();
    let env: Vec<&str> = proxy["env"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["name"].as_str())
        .collect();
    assert!(env.contains(&"DISABLE_ENVOY") && env.contains(&"ISTIO_META_GENERATOR"));
    assert_eq!(
        agent["metadata"]["labels"]["service.istio.io/canonical-name"],
        "echo"
    );
    assert!(
        agent["spec"]["initContainers"].is_null(),
        "grpc-agent captures no traffic"
    );
}
