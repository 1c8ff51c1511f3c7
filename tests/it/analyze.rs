//! `skiff analyze` from the command line: output formats, exit codes in every format,
//! suppression, file handling, and Istio's own analyzer cases under a ratchet.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Output;

fn skiff_in(dir: &Path, args: &[&str]) -> Output {
    common::skiff_command()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run skiff")
}

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/analyze")
}

fn skiff(args: &[&str]) -> Output {
    skiff_in(&data(), args)
}

fn json(o: &Output) -> Vec<serde_json::Value> {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&o.stdout)))
}

fn codes(o: &Output) -> Vec<(String, String)> {
    json(o)
        .iter()
        .map(|m| {
            (
                m["code"].as_str().unwrap().to_string(),
                m["origin"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn missing_subset_is_ist0101_with_exit_79_in_every_format() {
    for format in ["log", "json", "yaml", "sarif"] {
        let o = skiff(&["analyze", "--use-kube=false", "-o", format, "reviews.yaml"]);
        assert_eq!(
            o.status.code(),
            Some(79),
            "format {format}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            String::from_utf8_lossy(&o.stdout).contains("IST0101"),
            "format {format}"
        );
    }
    let o = skiff(&["analyze", "--use-kube=false", "-o", "json", "reviews.yaml"]);
    let msgs = json(&o);
    let m = msgs.iter().find(|m| m["code"] == "IST0101").unwrap();
    assert_eq!(m["origin"], "VirtualService default/reviews");
    assert_eq!(
        m["reference"], "reviews.yaml:44",
        "the destination host's line, as istioctl"
    );
    assert_eq!(
        m["message"],
        "Referenced host+subset in destinationrule not found: \"reviews+v2\""
    );
}

#[test]
fn a_subset_selecting_no_pod_is_reported_and_a_clean_set_exits_0() {
    let o = skiff(&[
        "analyze",
        "--use-kube=false",
        "-o",
        "json",
        "reviews.yaml",
        "reviews-dr.yaml",
    ]);
    let c = codes(&o);
    assert!(!c.iter().any(|(code, _)| code == "IST0101"), "{c:?}");
    assert_eq!(o.status.code(), Some(79), "IST0173 is an Error: {c:?}");
    assert!(
        c.contains(&("IST0173".into(), "DestinationRule default/reviews".into())),
        "{c:?}"
    );
}

#[test]
fn a_subset_counts_only_the_pods_of_its_hosts_service() {
    let o = skiff(&[
        "analyze",
        "--use-kube=false",
        "-o",
        "json",
        "subset-scope.yaml",
    ]);
    let subsets: Vec<String> = json(&o)
        .iter()
        .filter(|m| m["code"] == "IST0173")
        .map(|m| m["message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(subsets.len(), 1, "{subsets:?}");
    assert!(
        subsets[0].starts_with("The Subset v2 defined"),
        "the reviews pod labelled v2 does not back details: {subsets:?}"
    );
    assert_eq!(o.status.code(), Some(79));
}

#[test]
fn failure_threshold_and_output_threshold() {
    let o = skiff(&[
        "analyze",
        "--use-kube=false",
        "--failure-threshold",
        "Info",
        "-o",
        "json",
        "reviews-dr.yaml",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let o = skiff(&[
        "analyze",
        "--use-kube=false",
        "--output-threshold",
        "Error",
        "reviews.yaml",
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.lines().all(|l| l.starts_with("Error ")), "{out}");
    let o = skiff(&[
        "analyze",
        "--use-kube=false",
        "--failure-threshold",
        "Bogus",
        "reviews.yaml",
    ]);
    assert_eq!(o.status.code(), Some(64));
}

#[test]
fn suppression_by_flag_and_annotation() {
    let o = skiff(&[
        "analyze",
        "--use-kube=false",
        "-o",
        "json",
        "-S",
        "IST0101=VirtualService default/*",
        "reviews.yaml",
    ]);
    assert!(
        !codes(&o).iter().any(|(c, _)| c == "IST0101"),
        "{:?}",
        codes(&o)
    );
    let o = skiff(&[
        "analyze",
        "--use-kube=false",
        "-o",
        "json",
        "suppressed.yaml",
    ]);
    assert!(
        !codes(&o).iter().any(|(c, _)| c == "IST0101"),
        "{:?}",
        codes(&o)
    );
}

#[test]
fn namespace_scoping_without_all_namespaces() {
    let o = skiff(&[
        "analyze",
        "--use-kube=false",
        "-n",
        "other",
        "-o",
        "json",
        "reviews.yaml",
    ]);
    let c = codes(&o);
    assert!(
        c.iter().all(|(_, origin)| !origin.contains(" default/")),
        "{c:?}"
    );
    assert!(
        c.iter()
            .any(|(_, origin)| origin == "VirtualService other/reviews"),
        "{c:?}"
    );
}

#[test]
fn unparseable_files_exit_65_but_the_rest_is_analyzed() {
    let o = skiff(&[
        "analyze",
        "--use-kube=false",
        "-o",
        "json",
        "reviews.yaml",
        "broken.yaml",
    ]);
    assert_eq!(o.status.code(), Some(79), "findings win over parse errors");
    assert!(
        codes(&o).iter().any(|(c, _)| c == "IST0101"),
        "the parseable file was analyzed"
    );
    let o = skiff(&[
        "analyze",
        "--use-kube=false",
        "-o",
        "json",
        "suppressed.yaml",
        "broken.yaml",
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(65), "{stderr}");
    assert!(stderr.contains("broken.yaml:"), "{stderr}");
    let o = skiff(&[
        "analyze",
        "--use-kube=false",
        "--ignore-unknown",
        "suppressed.yaml",
        "broken.yaml",
    ]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn files_with_other_extensions_are_skipped_with_istioctls_message() {
    let o = skiff(&[
        "analyze",
        "--use-kube=false",
        "notes.txt",
        "suppressed.yaml",
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains(
            "Skipping file notes.txt, recognized file extensions are: [.json .yaml .yml]"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("✔ No validation issues found when analyzing suppressed.yaml.\n"),
        "istioctl names the one file read: {stderr}"
    );
}

#[test]
fn a_clean_run_names_what_it_read_as_istioctl_does() {
    let o = skiff(&[
        "analyze",
        "--use-kube=false",
        "-o",
        "yaml",
        "suppressed.yaml",
    ]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "[]\n\n");
    let o = skiff(&[
        "analyze",
        "--use-kube=false",
        "./suppressed.yaml",
        "notes.txt",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "\n",
        "log: an empty block"
    );
    // A directory is walked in name order, each path cleaned as Go joins it, and files
    // of other types are named as skipped.
    let dir = std::env::temp_dir().join(format!("skiff-analyze-clean-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::copy(data().join("suppressed.yaml"), dir.join("b.yaml")).unwrap();
    std::fs::copy(data().join("suppressed.yaml"), dir.join("sub/a.yml")).unwrap();
    std::fs::write(dir.join("c.txt"), "not yaml").unwrap();
    let o = skiff_in(&dir, &["analyze", "--use-kube=false", "./"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        stderr,
        "Skipping file c.txt, recognized file extensions are: [.json .yaml .yml]\n\
         ✔ No validation issues found when analyzing:\n  - b.yaml\n  - sub/a.yml\n"
    );
    let o = skiff(&[
        "analyze",
        "--use-kube=false",
        "suppressed.yaml",
        "broken.yaml",
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("No validation issues found when analyzing namespace: default (but 1 file could not be parsed).\n"),
        "{stderr}"
    );
}

#[test]
fn sarif_is_valid_sarif_2_1_0() {
    let o = skiff(&["analyze", "--use-kube=false", "-o", "sarif", "reviews.yaml"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert!(results
        .iter()
        .any(|r| r["ruleId"] == "IST0101" && r["level"] == "error"));
}

#[test]
fn explain_and_list_analyzers() {
    let o = skiff(&["analyze", "explain", "ist0101"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        out.contains("IST0101 ReferencedResourceNotFound (Error)"),
        "{out}"
    );
    assert!(
        out.contains("virtualservice.DestinationRuleAnalyzer"),
        "{out}"
    );
    let o = skiff(&["analyze", "-L"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.lines().count() >= 40, "{out}");
    assert!(out.contains("virtualservice.GatewayAnalyzer: "), "{out}");
}

/// Istio's own analyzer test table (../shared/conformance/analyze), as the scorer runs it:
/// a ratchet on the cases that pass (tests/ratchets/analyze-passing.txt) and on precision
/// and recall, which may not fall below this run's.
#[test]
fn istio_analyzer_cases_keep_precision_and_recall() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance/analyze");
    let cases: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(root.join("cases.json"))
            .expect("../shared/conformance/analyze/cases.json"),
    )
    .unwrap();
    let (mut matched, mut produced, mut expected) = (0usize, 0usize, 0usize);
    let mut passed = std::collections::BTreeSet::new();
    for case in &cases {
        let mut args: Vec<String> = vec![
            "analyze".into(),
            "--use-kube=false".into(),
            "-o".into(),
            "json".into(),
            "--all-namespaces".into(),
        ];
        if let Some(m) = case["mesh_config"].as_str() {
            args.push("--meshConfigFile".into());
            args.push(m.into());
        }
        if let Some(m) = case["mesh_networks"].as_str() {
            args.push("--meshNetworksFile".into());
            args.push(m.into());
        }
        for f in case["files"].as_array().unwrap() {
            args.push(f.as_str().unwrap().into());
        }
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = skiff_in(&root, &refs);
        let allowed: Vec<&str> = case["analyzer_codes"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c.as_str())
            .collect();
        let mut got: Vec<(String, String)> = codes(&o)
            .into_iter()
            .filter(|(c, _)| allowed.contains(&c.as_str()))
            .collect();
        let mut want: Vec<(String, String)> = case["expected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["code"].as_str().unwrap().to_string(),
                    m["origin"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        got.sort();
        want.sort();
        produced += got.len();
        expected += want.len();
        let mut remaining = got.clone();
        for w in &want {
            if let Some(i) = remaining.iter().position(|g| g == w) {
                remaining.remove(i);
                matched += 1;
            }
        }
        if got == want {
            passed.insert(case["name"].as_str().unwrap().to_string());
        }
    }
    let precision = matched as f64 / produced.max(1) as f64;
    let recall = matched as f64 / expected.max(1) as f64;
    println!(
        "analyze cases: {}/{} passed, precision {precision:.3}, recall {recall:.3}",
        passed.len(),
        cases.len()
    );
    common::check_ratchet("analyze-passing.txt", &passed);
    // This run's figures (44/45 cases): every expected message found (recall 1.000), one
    // message more than expected (precision 0.991). Neither may get worse.
    assert_eq!(matched, expected, "recall {recall:.3}");
    assert!(produced - matched <= 1, "precision {precision:.3}");
}

#[test]
fn istioctl_files_mode_reads_no_cluster_only_kinds_and_skips_their_analyzers() {
    // skiff's own file mode checks the credential against the default ingress gateway.
    let own = skiff(&[
        "analyze",
        "--use-kube=false",
        "-o",
        "json",
        "gateway-tls.yaml",
    ]);
    assert!(
        codes(&own).iter().any(|(c, _)| c == "IST0101"),
        "{:?}",
        codes(&own)
    );
    // istioctl reads Secrets and Pods only from a cluster: nothing can be said.
    let as_istioctl = skiff(&[
        "analyze",
        "--use-kube=false",
        "--istioctl-files",
        "-o",
        "json",
        "gateway-tls.yaml",
    ]);
    assert_eq!(codes(&as_istioctl), Vec::new());
    assert_eq!(as_istioctl.status.code(), Some(0));
}

#[test]
fn a_resource_of_the_wrong_shape_is_skipped_as_unreadable() {
    let o = skiff(&["analyze", "--use-kube=false", "wrong-type.yaml"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("wrong-type.yaml:8: RequestAuthentication jwt: cannot be read as Istio's type (spec.targetRef:"),
        "{stderr}"
    );
    assert!(!stderr.contains("IST0106"), "{stderr}");
    assert_eq!(o.status.code(), Some(65), "{stderr}");
}

#[test]
fn a_webhook_warning_is_ist0133_in_analyze_and_a_warning_in_validate() {
    let o = skiff(&[
        "analyze",
        "--use-kube=false",
        "-o",
        "json",
        "selector-without-labels.yaml",
    ]);
    assert_eq!(
        codes(&o),
        vec![(
            "IST0133".to_string(),
            "AuthorizationPolicy default/everyone".to_string()
        )]
    );
    let v = skiff(&["validate", "-f", "selector-without-labels.yaml"]);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&v.stdout),
        String::from_utf8_lossy(&v.stderr)
    );
    assert_eq!(v.status.code(), Some(0), "{text}");
    assert!(
        text.contains(
            "warning: spec.selector.matchLabels: workload selector specified without labels"
        ),
        "{text}"
    );
}

/// Every `.yaml` file under `dir` (recursively), sorted.
fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
    out.sort();
}

/// A live analysis lists exactly the inputs of the analyzers it runs, so an analyzer
/// reading a kind it does not declare would see nothing of it there. Runs each analyzer
/// over every analyze input the tests have (one snapshot per file) and compares the kinds
/// it read with the kinds it declares.
#[test]
fn every_analyzer_declares_the_kinds_it_reads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    yaml_files(&root.join("testdata/analyze"), &mut files);
    yaml_files(
        &root.join("../shared/conformance/analyze/testdata"),
        &mut files,
    );
    yaml_files(
        &root.join("../shared/conformance/seeds/samples"),
        &mut files,
    );
    let mut undeclared = std::collections::BTreeSet::new();
    let mut read_any = 0;
    let loaded: Vec<Vec<skiff::model::Resource>> = files
        .iter()
        .filter_map(|f| skiff::model::load::load_file(f).ok())
        .collect();
    // Each file alone, then all of them in one snapshot (more cross-kind lookups).
    let together: Vec<skiff::model::Resource> = loaded.iter().flatten().cloned().collect();
    for resources in loaded.into_iter().chain([together]) {
        let snapshot = skiff::analyze::Snapshot::new(
            resources,
            "default",
            Default::default(),
            None,
            "istio-system",
        )
        .record_reads();
        for analyzer in skiff::analyze::registry() {
            snapshot.take_reads();
            (analyzer.run)(&snapshot, &mut skiff::analyze::Reporter::default());
            for kind in snapshot.take_reads() {
                read_any += 1;
                if !analyzer.inputs.contains(&kind.as_str()) {
                    undeclared.insert(format!("{} reads {kind}", analyzer.name));
                }
            }
        }
    }
    assert!(
        read_any > 0,
        "no analyzer read anything: the recording is broken"
    );
    assert!(
        undeclared.is_empty(),
        "undeclared inputs:\n{}",
        undeclared.into_iter().collect::<Vec<_>>().join("\n")
    );
    // What a live analysis cannot list: the mesh config and networks (read from their
    // ConfigMaps) and controllers whose Pods are listed instead.
    let not_listed = [
        "MeshConfig",
        "MeshNetworks",
        "ReplicaSet",
        "ReplicationController",
        "Rollout",
        "DeploymentConfig",
    ];
    let listable: Vec<&str> = skiff::cluster::live::listable_kinds().collect();
    for analyzer in skiff::analyze::registry() {
        for kind in analyzer.inputs {
            assert!(
                listable.contains(kind) || not_listed.contains(kind),
                "{} reads {kind}, which the live reader cannot list",
                analyzer.name
            );
        }
        for kind in analyzer.requires {
            assert!(
                analyzer.inputs.contains(kind),
                "{} requires {kind} but does not read it",
                analyzer.name
            );
        }
    }
}

/// `testdata/analyze/<CODE>/<name>.yaml`: inputs istioctl reports CODE on, made by
/// `scripts/difftest --fixtures` from generated meshes both tools agreed on (shrunk), each
/// with `<name>.json`, istioctl 1.30.3's own `-o json` messages for it. skiff, reading
/// files as istioctl does, must give exactly those messages.
#[test]
fn each_code_fixture_gives_istioctls_own_messages() {
    let mut checked = 0;
    let mut differences = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(data())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.is_dir()
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("IST"))
        })
        .collect();
    dirs.sort();
    for dir in dirs {
        let code = dir.file_name().unwrap().to_string_lossy().to_string();
        let mut inputs = Vec::new();
        yaml_files(&dir, &mut inputs);
        assert!(
            !inputs.is_empty(),
            "{code}: a fixture directory without inputs"
        );
        for input in inputs {
            let name = input.file_name().unwrap().to_str().unwrap();
            let expected_text = std::fs::read_to_string(input.with_extension("json"))
                .unwrap_or_else(|e| panic!("{code}/{name}: no expected messages: {e}"));
            let expected: Vec<serde_json::Value> = serde_json::from_str(&expected_text).unwrap();
            assert!(
                expected.iter().any(|m| m["code"] == code.as_str()),
                "{code}/{name}: istioctl's messages do not include {code}"
            );
            let out = skiff_in(
                &dir,
                &[
                    "analyze",
                    "--use-kube=false",
                    "--istioctl-files",
                    "-A",
                    "-o",
                    "json",
                    name,
                ],
            );
            let got = if out.stdout.is_empty() {
                Vec::new()
            } else {
                json(&out)
            };
            if got != expected {
                differences.push(format!(
                    "{code}/{name}:\n  istioctl: {}\n  skiff:    {}",
                    serde_json::to_string(&expected).unwrap(),
                    serde_json::to_string(&got).unwrap()
                ));
            }
            checked += 1;
        }
    }
    assert!(checked > 0, "no fixtures under testdata/analyze/IST*");
    assert!(
        differences.is_empty(),
        "skiff differs from istioctl:\n{}",
        differences.join("\n")
    );
}

/// `testdata/analyze-cluster/<CODE>/<case>/`: inputs with cluster objects (Pods,
/// Namespaces, ConfigMaps, ...) that istioctl's file mode does not read, so the expected
/// messages (`expected.json`) are those of Istio 1.30.3's own analyzers loading
/// `input.yaml` (and `mesh.yaml`, when present) as its analyzer tests do
/// (`scripts/build-testenv analyze-files`). skiff's file mode must give exactly those.
#[test]
fn each_cluster_fixture_gives_istios_own_messages() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/analyze-cluster");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .flat_map(|code| std::fs::read_dir(code.path()).unwrap().flatten())
        .map(|case| case.path())
        .collect();
    cases.sort();
    assert!(
        !cases.is_empty(),
        "no fixtures under testdata/analyze-cluster"
    );
    let mut differences = Vec::new();
    for case in &cases {
        let code = case
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_str()
            .unwrap();
        let expected: Vec<serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(case.join("expected.json")).unwrap())
                .unwrap();
        assert!(
            expected.iter().any(|m| m["code"] == code),
            "{}: Istio's messages do not include {code}",
            case.display()
        );
        let mut args = vec!["analyze", "--use-kube=false", "-A", "-o", "json"];
        if case.join("mesh.yaml").exists() {
            args.extend(["--meshConfigFile", "mesh.yaml"]);
        }
        args.push("input.yaml");
        let got = json(&skiff_in(case, &args));
        if got != expected {
            differences.push(format!(
                "{}:\n  istio: {}\n  skiff: {}",
                case.display(),
                serde_json::to_string(&expected).unwrap(),
                serde_json::to_string(&got).unwrap()
            ));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

/// IST0134 (ServiceEntry addresses required) is Istio's only when proxies do not capture
/// DNS and allocate addresses themselves (mesh proxy metadata); then one message per TCP
/// or protocol-less port.
#[test]
fn service_entry_addresses_are_not_required_when_proxies_allocate_them() {
    let dir = std::env::temp_dir().join(format!("skiff-ist0134-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let entry = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: se, namespace: default}\nspec:\n  hosts: [\"*.example.com\"]\n  ports:\n  - {number: 80, name: http, protocol: HTTP}\n  - {number: 9000, name: tcp, protocol: TCP}\n  - {number: 9001, name: other}\n  resolution: NONE\n";
    std::fs::write(dir.join("se.yaml"), entry).unwrap();
    let metadata = |entries: &str| format!("defaultConfig:\n  proxyMetadata:\n{entries}");
    let cases = [
        (
            "    ISTIO_META_DNS_CAPTURE: \"true\"\n    ISTIO_META_DNS_AUTO_ALLOCATE: \"true\"\n",
            0,
        ),
        (
            "    ISTIO_META_DNS_CAPTURE: \"true\"\n    PILOT_ENABLE_IP_AUTOALLOCATE: \"true\"\n",
            0,
        ),
        ("    ISTIO_META_DNS_CAPTURE: \"true\"\n", 2),
        ("    ISTIO_META_DNS_AUTO_ALLOCATE: \"true\"\n", 2),
    ];
    for (entries, expected) in cases {
        std::fs::write(dir.join("mesh.yaml"), metadata(entries)).unwrap();
        let out = skiff_in(
            &dir,
            &[
                "analyze",
                "--use-kube=false",
                "-A",
                "-o",
                "json",
                "--meshConfigFile",
                "mesh.yaml",
                "se.yaml",
            ],
        );
        let required = if out.stdout.is_empty() {
            0
        } else {
            json(&out).iter().filter(|m| m["code"] == "IST0134").count()
        };
        assert_eq!(required, expected, "{entries}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn webhook_messages_follow_istiods_error_plumbing() {
    let o = skiff(&[
        "analyze",
        "--use-kube=false",
        "-o",
        "json",
        "webhook-quirks.yaml",
    ]);
    let msgs = json(&o);
    for dropped in [
        "VirtualService default/abort-only",
        "DestinationRule default/port-settings",
    ] {
        assert!(
            !msgs.iter().any(|m| m["origin"] == dropped),
            "istiod drops the warnings of {dropped}: {msgs:?}"
        );
    }
    let legacy: Vec<&str> = msgs
        .iter()
        .filter(|m| m["origin"] == "VirtualService default/legacy-gateways")
        .filter_map(|m| m["message"].as_str())
        .collect();
    assert_eq!(
        legacy,
        ["Schema validation warning: using legacy gatewayName format \"gw.tls\"; prefer the <namespace>/<name> format: \"tls/gw\""],
        "only the TLS match's warning is kept"
    );
    let regex = msgs
        .iter()
        .find(|m| m["code"] == "IST0106")
        .unwrap_or_else(|| panic!("no IST0106: {msgs:?}"));
    assert_eq!(regex["origin"], "EnvoyFilter default/");
    assert_eq!(
        regex["message"],
        "Schema validation error: Envoy filter: invalid regex for proxy version, \
         [error parsing regexp: missing argument to repetition operator: `*`]"
    );
}
