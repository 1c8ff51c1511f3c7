//! `manifest generate|diff` and `profile list|dump|diff` from the command line, offline:
//! profiles, overrides, output files and directories, and clear errors on bad input.

use crate::common;
use std::process::Output;

fn skiff(args: &[&str]) -> Output {
    common::skiff_command()
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run skiff")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn objects(text: &str) -> Vec<(String, String, String)> {
    skiff::model::load::parse_documents(text, "out")
        .unwrap()
        .into_iter()
        .map(|r| {
            let md = &r.object["metadata"];
            (
                r.gvk.kind,
                md["namespace"].as_str().unwrap_or("").to_string(),
                md["name"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn has(objs: &[(String, String, String)], kind: &str, ns: &str, name: &str) -> bool {
    objs.iter()
        .any(|(k, n, m)| k == kind && n == ns && m == name)
}

#[test]
fn default_install_has_istiod_and_ingress_but_no_egress() {
    let out = skiff(&["manifest", "generate"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let objs = objects(&stdout(&out));
    assert_eq!(objs.len(), 39, "{objs:?}");
    assert!(has(&objs, "Deployment", "istio-system", "istiod"));
    assert!(has(
        &objs,
        "Deployment",
        "istio-system",
        "istio-ingressgateway"
    ));
    assert!(!has(
        &objs,
        "Deployment",
        "istio-system",
        "istio-egressgateway"
    ));
    assert_eq!(objs[0].0, "CustomResourceDefinition", "CRDs come first");
    assert_eq!(objs.last().unwrap().0, "Service", "Services come last");
}

/// The istiod chart puts its workload in the component's namespace and its identity
/// (ServiceAccount, Role, RoleBinding, webhook service) in `global.istioNamespace`.
#[test]
fn pilot_in_its_own_namespace_keeps_its_identity_in_the_istio_namespace() {
    let out = skiff(&[
        "manifest",
        "generate",
        "--set",
        "components.pilot.namespace=istio-control",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let objs = objects(&text);
    for (kind, ns, name) in [
        ("Deployment", "istio-control", "istiod"),
        ("Service", "istio-control", "istiod"),
        ("ConfigMap", "istio-control", "istio"),
        ("ServiceAccount", "istio-system", "istiod"),
        ("Role", "istio-system", "istiod"),
        ("RoleBinding", "istio-system", "istiod"),
        (
            "ServiceAccount",
            "istio-system",
            "istio-reader-service-account",
        ),
        ("ClusterRoleBinding", "", "istiod-clusterrole-istio-control"),
        (
            "ValidatingWebhookConfiguration",
            "",
            "istio-validator-istio-system",
        ),
    ] {
        assert!(
            has(&objs, kind, ns, name),
            "no {kind} {ns}/{name} in {objs:?}"
        );
    }
    assert!(
        text.contains("value: istio-control/ztunnel"),
        "CA_TRUSTED_NODE_ACCOUNTS"
    );
    let refused = skiff(&[
        "manifest",
        "generate",
        "--set",
        "components.base.namespace=x",
    ]);
    assert_eq!(refused.status.code(), Some(65));
    assert!(stderr(&refused).contains("spec.components.base.namespace: unknown field"));
}

#[test]
fn demo_profile_with_hub_and_revision() {
    let out = skiff(&[
        "manifest",
        "generate",
        "--set",
        "profile=demo",
        "--set",
        "hub=example.com/istio",
        "-r",
        "canary",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let objs = objects(&text);
    assert!(has(&objs, "Deployment", "istio-system", "istiod-canary"));
    assert!(has(
        &objs,
        "Deployment",
        "istio-system",
        "istio-egressgateway"
    ));
    assert!(
        text.contains("image: example.com/istio/pilot:1.30.3"),
        "{text}"
    );
    assert!(
        text.contains("accessLogFile: /dev/stdout"),
        "demo mesh config missing"
    );
    assert!(
        !objs.iter().any(|o| o.0 == "HorizontalPodAutoscaler"),
        "demo turns autoscaling off"
    );
}

#[test]
fn output_is_deterministic_and_goes_to_files_or_directories() {
    let dir = std::env::temp_dir().join(format!("skiff-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("all.yaml");
    let out = skiff(&["manifest", "generate", "-o", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        stdout(&skiff(&["manifest", "generate"]))
    );
    let split = dir.join("split/");
    let out = skiff(&[
        "manifest",
        "generate",
        "--set",
        "profile=ambient",
        "-o",
        split.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for component in ["Base", "Pilot", "Cni", "Ztunnel"] {
        assert!(
            split.join(format!("{component}.yaml")).exists(),
            "{component}.yaml missing"
        );
    }
    // manifest diff: identical renders, then a changed one.
    let other = dir.join("other.yaml");
    skiff(&["manifest", "generate", "-o", other.to_str().unwrap()]);
    let same = skiff(&[
        "manifest",
        "diff",
        file.to_str().unwrap(),
        other.to_str().unwrap(),
    ]);
    assert_eq!(same.status.code(), Some(0), "{}", stdout(&same));
    skiff(&[
        "manifest",
        "generate",
        "--set",
        "values.pilot.replicaCount=3",
        "--set",
        "values.pilot.autoscaleEnabled=false",
        "-o",
        other.to_str().unwrap(),
    ]);
    let diff = skiff(&[
        "manifest",
        "diff",
        file.to_str().unwrap(),
        other.to_str().unwrap(),
    ]);
    assert_eq!(diff.status.code(), Some(1));
    assert!(
        stdout(&diff).contains("Deployment:istio-system:istiod differs"),
        "{}",
        stdout(&diff)
    );
    assert!(
        stdout(&diff).contains("+  replicas: 3"),
        "{}",
        stdout(&diff)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_input_gets_one_line_errors_and_no_output_file() {
    let dir = std::env::temp_dir().join(format!("skiff-render-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let target = dir.join("out.yaml");
    let out = skiff(&[
        "manifest",
        "generate",
        "--set",
        "profile=nope",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(64));
    assert!(
        stderr(&out).contains("unknown profile \"nope\""),
        "{}",
        stderr(&out)
    );
    assert!(!target.exists(), "no partial output file");

    let two = dir.join("two.yaml");
    std::fs::write(&two, "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\n---\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\n").unwrap();
    let out = skiff(&["manifest", "generate", "-f", two.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(65));
    assert!(
        stderr(&out).contains("two.yaml:4: contains multiple IstioOperator CRs"),
        "{}",
        stderr(&out)
    );

    let typo = dir.join("typo.yaml");
    std::fs::write(&typo, "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    pilott: {}\n").unwrap();
    let out = skiff(&["manifest", "generate", "-f", typo.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(65));
    assert!(stderr(&out).contains("pilott"), "{}", stderr(&out));
    assert_eq!(
        stderr(&out)
            .lines()
            .filter(|l| l.starts_with("Error"))
            .count(),
        1
    );
    let forced = skiff(&[
        "manifest",
        "generate",
        "--force",
        "-f",
        typo.to_str().unwrap(),
    ]);
    assert_eq!(
        forced.status.code(),
        Some(0),
        "--force demotes it: {}",
        stderr(&forced)
    );

    let broken = dir.join("broken.yaml");
    std::fs::write(&broken, "spec: [\n").unwrap();
    let out = skiff(&["manifest", "generate", "-f", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(65));
    assert!(stderr(&out).contains("broken.yaml:"), "{}", stderr(&out));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn profile_list_dump_and_diff() {
    let list = stdout(&skiff(&["profile", "list"]));
    for p in [
        "default",
        "demo",
        "minimal",
        "empty",
        "remote",
        "ambient",
        "openshift",
        "stable",
        "preview",
    ] {
        assert!(
            list.contains(&format!("    {p}\n")),
            "{p} missing from {list}"
        );
    }
    let dump = skiff(&[
        "profile",
        "dump",
        "demo",
        "--config-path",
        "components.egressGateways",
    ]);
    assert_eq!(dump.status.code(), Some(0), "{}", stderr(&dump));
    assert!(stdout(&dump).contains("enabled: true"), "{}", stdout(&dump));
    let flags = stdout(&skiff(&["profile", "dump", "minimal", "-o", "flags"]));
    assert!(
        flags.contains("--set components.ingressGateways[0].enabled=false"),
        "{flags}"
    );
    let diff = skiff(&["profile", "diff", "default", "demo"]);
    assert_eq!(diff.status.code(), Some(1));
    assert!(
        stdout(&diff).contains("+    profile: demo"),
        "{}",
        stdout(&diff)
    );
    assert_eq!(
        skiff(&["profile", "diff", "demo", "demo"]).status.code(),
        Some(0)
    );
    assert_eq!(
        skiff(&["profile", "diff", "demo", "no-such"]).status.code(),
        Some(64)
    );
}

#[test]
fn operator_files_and_set_paths_of_the_wrong_shape_are_errors() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("iop-shapes");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("spec-number.yaml");
    std::fs::write(
        &file,
        "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec: 5\n",
    )
    .unwrap();
    for command in [&["manifest", "generate"][..], &["profile", "dump"][..]] {
        let mut args = command.to_vec();
        args.extend(["-f", file.to_str().unwrap()]);
        let o = skiff(&args);
        assert_eq!(o.status.code(), Some(65), "{}", stderr(&o));
        assert!(
            stderr(&o)
                .contains("spec-number.yaml:1: IstioOperator spec must be a mapping, not a number"),
            "{}",
            stderr(&o)
        );
        assert!(stdout(&o).is_empty());
    }
    let o = skiff(&["manifest", "generate", "--set", "[0]=x"]);
    assert_eq!(o.status.code(), Some(64), "{}", stderr(&o));
    let deep = vec!["a"; 10_000].join(".") + "=1";
    let o = skiff(&["manifest", "generate", "--set", &deep]);
    assert_eq!(o.status.code(), Some(64), "{}", stderr(&o));
    // An index far past the end appends one element instead of padding the list.
    let o = skiff(&[
        "manifest",
        "generate",
        "--set",
        "values.global.imagePullSecrets[100000000]=pull",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("- pull") || stdout(&o).contains("name: pull"),
        "pull secret not rendered"
    );
}

#[test]
fn values_the_istiod_chart_refuses_are_errors_only_when_istiod_renders() {
    for (set, message) in [
        (
            "values.global.pilotCertProvider=kubernetes",
            "Error: values.global.pilotCertProvider=kubernetes is not supported",
        ),
        (
            "meshConfig.defaultConfig.tracing.stackdriver.debug=false",
            "Error: values.meshConfig.defaultConfig.tracing.stackdriver.debug is removed",
        ),
    ] {
        let out = skiff(&["manifest", "generate", "--set", set]);
        assert_eq!(out.status.code(), Some(65), "{set}: {}", stderr(&out));
        assert_eq!(stderr(&out).trim(), message);
        assert!(stdout(&out).is_empty(), "no partial output");
        let without_istiod = skiff(&[
            "manifest",
            "generate",
            "--set",
            "profile=empty",
            "--set",
            set,
        ]);
        assert_eq!(
            without_istiod.status.code(),
            Some(0),
            "{set} without istiod: {}",
            stderr(&without_istiod)
        );
    }
}

#[test]
fn gateway_values_istioctl_overrides_or_skiff_does_not_render_yet() {
    // The component's label always replaces values.gateways.<gateway>.labels.
    let out = skiff(&[
        "manifest",
        "generate",
        "--set",
        "values.gateways.istio-ingressgateway.labels.app=other",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains("app: other"));
    // customService leaves the gateway's Service to the user.
    let out = skiff(&[
        "manifest",
        "generate",
        "--set",
        "values.gateways.istio-ingressgateway.customService=true",
    ]);
    let objs = objects(&stdout(&out));
    assert!(has(
        &objs,
        "Deployment",
        "istio-system",
        "istio-ingressgateway"
    ));
    assert!(!has(
        &objs,
        "Service",
        "istio-system",
        "istio-ingressgateway"
    ));
    // An injected gateway Deployment is not rendered yet: one line, exit 1, no output.
    let out = skiff(&[
        "manifest",
        "generate",
        "--set",
        "values.gateways.istio-ingressgateway.injectionTemplate=gateway",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    let err = stderr(&out);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("not supported yet: values.gateways.istio-ingressgateway.injectionTemplate"),
        "{err}"
    );
}

#[test]
fn gateway_chart_reads_fail_on_null_values_only_when_a_gateway_renders() {
    // An empty proxy image is the chart's default, proxyv2.
    let out = skiff(&[
        "manifest",
        "generate",
        "--set",
        "values.global.proxy.image=",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("/proxyv2:"));
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("null-chart-reads");
    std::fs::create_dir_all(&dir).unwrap();
    for (spec, message) in [
        (
            "values: {global: {proxy: {image: null}}}",
            "values.global.proxy.image: wrong type for value; expected a string, got null",
        ),
        (
            "meshConfig: {defaultConfig: null}",
            "values.meshConfig.defaultConfig is null",
        ),
    ] {
        let file = dir.join("iop.yaml");
        std::fs::write(
            &file,
            format!(
                "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec: {{{spec}}}\n"
            ),
        )
        .unwrap();
        let file = file.to_str().unwrap();
        let out = skiff(&["manifest", "generate", "-f", file]);
        assert_eq!(out.status.code(), Some(1), "{spec}");
        assert!(stdout(&out).is_empty());
        let err = stderr(&out);
        assert!(err.contains("gateway istio-ingressgateway: "), "{err}");
        assert!(err.contains(message), "{err}");
        // Without a gateway the same file renders.
        let out = skiff(&[
            "manifest",
            "generate",
            "-f",
            file,
            "--set",
            "profile=minimal",
        ]);
        assert!(out.status.success(), "{spec}: {}", stderr(&out));
    }
}

#[test]
fn an_overlay_that_matches_nothing_is_a_warning() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("overlay-no-match");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("iop.yaml");
    std::fs::write(
        &file,
        "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    pilot:\n      k8s:\n        overlays:\n        - kind: Service\n          name: not-there\n          patches:\n          - path: spec.type\n            value: NodePort\n",
    )
    .unwrap();
    let out = skiff(&["manifest", "generate", "-f", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no Service named \"not-there\""),
        "{}",
        stderr(&out)
    );
    assert!(!stdout(&out).contains("NodePort"));
}
