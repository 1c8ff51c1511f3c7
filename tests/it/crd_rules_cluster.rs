//! Every CEL rule family of the CRDs skiff installs, on the 1.35 test API server: an object
//! that breaks the rule is refused by the API server with the rule's message, and
//! `skiff validate --schema-only` says exactly what the API server says of it.

use crate::common;

use serde_json::{json, Value};

/// One object per distinct rule message: (kind, apiVersion, spec, the rule's message).
fn examples() -> Vec<(&'static str, &'static str, Value, &'static str)> {
    let net = "networking.istio.io/v1";
    let sec = "security.istio.io/v1";
    let ext = "extensions.istio.io/v1alpha1";
    let tls = |extra: Value| {
        let mut t = json!({"mode": "SIMPLE"});
        t.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        json!({"servers": [{"port": {"number": 443, "name": "https", "protocol": "HTTPS"}, "hosts": ["a.example.com"], "tls": t}]})
    };
    let cert = json!({"serverCertificate": "/c.pem", "privateKey": "/k.pem"});
    vec![
        (
            "WasmPlugin",
            ext,
            json!({"url": "oci://r/p", "selector": {"matchLabels": {"a": "b"}}, "targetRefs": [{"kind": "Gateway", "group": "gateway.networking.k8s.io", "name": "g"}]}),
            "only one of targetRefs or selector can be set",
        ),
        (
            "TrafficExtension",
            ext,
            json!({"wasm": {"url": "oci://r/p"}, "lua": {"inlineCode": "x"}}),
            "exactly one of wasm or lua must be set",
        ),
        (
            "WasmPlugin",
            ext,
            json!({"url": "oci://r/p", "selector": {"matchLabels": {"a*": "b"}}}),
            "wildcard not allowed in label key match",
        ),
        (
            "WasmPlugin",
            ext,
            json!({"url": "oci://r/p", "selector": {"matchLabels": {"": "b"}}}),
            "key must not be empty",
        ),
        (
            "WasmPlugin",
            ext,
            json!({"url": "oci://r/p", "selector": {"matchLabels": {"a": "b*"}}}),
            "wildcard not allowed in label value match",
        ),
        (
            "WasmPlugin",
            ext,
            json!({"url": "oci://r/p", "targetRef": {"kind": "Gateway", "group": "gateway.networking.k8s.io", "name": "g", "namespace": "other"}}),
            "cross namespace referencing is not currently supported",
        ),
        (
            "WasmPlugin",
            ext,
            json!({"url": "ftp://r/p"}),
            "url must have schema one of [http, https, file, oci]",
        ),
        (
            "WasmPlugin",
            ext,
            json!({"url": "oci://r/p", "vmConfig": {"env": [{"name": "A", "valueFrom": "HOST", "value": "x"}]}}),
            "value may only be set when valueFrom is INLINE",
        ),
        (
            "DestinationRule",
            net,
            json!({"host": "a", "trafficPolicy": {"connectionPool": {"tcp": {"connectTimeout": "500us"}}}}),
            "must be a valid duration greater than 1ms",
        ),
        (
            "EnvoyFilter",
            "networking.istio.io/v1alpha3",
            json!({"workloadSelector": {"labels": {"a": "b"}}, "targetRefs": [{"kind": "Gateway", "group": "gateway.networking.k8s.io", "name": "g"}]}),
            "only one of targetRefs or workloadSelector can be set",
        ),
        (
            "EnvoyFilter",
            "networking.istio.io/v1alpha3",
            json!({"configPatches": [{"applyTo": "HTTP_FILTER", "match": {"context": "SIDECAR_INBOUND", "waypoint": {"filter": {"name": "x"}}}}]}),
            "only support waypointMatch when context is WAYPOINT",
        ),
        (
            "EnvoyFilter",
            "networking.istio.io/v1alpha3",
            json!({"configPatches": [{"applyTo": "HTTP_FILTER", "match": {"context": "WAYPOINT", "waypoint": {"portNumber": 0}}}]}),
            "port must be between 1-65535",
        ),
        (
            "ServiceEntry",
            net,
            json!({"hosts": ["a.example.com"], "workloadSelector": {"labels": {"app": "a*"}}}),
            "wildcard is not supported in selector",
        ),
        (
            "Gateway",
            net,
            tls(json!({"credentialNames": ["a"], "tlsCertificates": [cert]})),
            "only one of credentialNames or tlsCertificates can be set",
        ),
        (
            "Gateway",
            net,
            tls(json!({"credentialName": "a", "credentialNames": ["b"]})),
            "only one of credentialName or credentialNames can be set",
        ),
        // This rule's expression is about credentialNames, whatever its message says.
        (
            "Gateway",
            net,
            tls(json!({"credentialNames": ["a"], "tlsCertificates": [cert]})),
            "only one of credentialName or tlsCertificates can be set",
        ),
        (
            "ServiceEntry",
            net,
            json!({"hosts": ["a.example.com"], "resolution": "STATIC", "workloadSelector": {"labels": {"app": "a"}}, "endpoints": [{"address": "1.1.1.1"}]}),
            "only one of WorkloadSelector or Endpoints can be set",
        ),
        (
            "ServiceEntry",
            net,
            json!({"hosts": ["a.example.com"], "addresses": ["10.0.0.0/24"], "resolution": "DNS"}),
            "CIDR addresses are allowed only for NONE/STATIC resolution types",
        ),
        (
            "ServiceEntry",
            net,
            json!({"hosts": ["a.example.com"], "resolution": "NONE", "endpoints": [{"address": "1.1.1.1"}]}),
            "NONE mode cannot set endpoints",
        ),
        (
            "ServiceEntry",
            net,
            json!({"hosts": ["a.example.com"], "resolution": "DNS_ROUND_ROBIN", "endpoints": [{"address": "a.com"}, {"address": "b.com"}]}),
            "DNS_ROUND_ROBIN mode cannot have multiple endpoints",
        ),
        (
            "WorkloadEntry",
            net,
            json!({"labels": {"a": "b"}}),
            "Address is required",
        ),
        (
            "WorkloadEntry",
            net,
            json!({"address": "unix:///var/run/a.sock", "ports": {"http": 80}}),
            "UDS may not include ports",
        ),
        (
            "WorkloadEntry",
            net,
            json!({"address": "unix://relative"}),
            "UDS must be an absolute path or abstract socket",
        ),
        (
            "WorkloadEntry",
            net,
            json!({"address": "unix:///var/run/"}),
            "UDS may not be a dir",
        ),
        (
            "WorkloadEntry",
            net,
            json!({"address": "1.1.1.1", "ports": {"bad_name": 80}}),
            "port name must be valid",
        ),
        (
            "ServiceEntry",
            net,
            json!({"hosts": ["*"]}),
            "hostname cannot be wildcard",
        ),
        (
            "ServiceEntry",
            net,
            json!({"hosts": ["a.example.com"], "ports": [{"number": 80, "name": "a"}, {"number": 80, "name": "b"}]}),
            "port number cannot be duplicated",
        ),
        (
            "WorkloadGroup",
            net,
            json!({"template": {}, "probe": {"httpGet": {"port": 80, "scheme": "FTP"}}}),
            "scheme must be one of [HTTP, HTTPS]",
        ),
        (
            "AuthorizationPolicy",
            sec,
            json!({"rules": [{"from": [{"source": {"serviceAccounts": ["a"], "principals": ["b"]}}]}]}),
            "Cannot set serviceAccounts with namespaces or principals",
        ),
        (
            "PeerAuthentication",
            sec,
            json!({"portLevelMtls": {"80": {"mode": "STRICT"}}}),
            "portLevelMtls requires selector",
        ),
        (
            "RequestAuthentication",
            sec,
            json!({"jwtRules": [{"issuer": "i", "jwks": "{}", "jwksUri": "https://a/k"}]}),
            "only one of jwks or jwksUri can be set",
        ),
        (
            "RequestAuthentication",
            sec,
            json!({"jwtRules": [{"issuer": "i", "jwksUri": "ftp://a/k"}]}),
            "url must have scheme http:// or https://",
        ),
        (
            "Telemetry",
            "telemetry.istio.io/v1",
            json!({"metrics": [{"overrides": [{"tagOverrides": {"a": {"operation": "UPSERT", "value": ""}}}]}]}),
            "value must be set when operation is UPSERT",
        ),
        (
            "Telemetry",
            "telemetry.istio.io/v1",
            json!({"metrics": [{"overrides": [{"tagOverrides": {"a": {"operation": "REMOVE", "value": "x"}}}]}]}),
            "value must not be set when operation is REMOVE",
        ),
    ]
}

/// `path: message` of each problem `skiff validate --schema-only` reports for `object`.
fn skiff_schema_errors(object: &Value, dir: &std::path::Path) -> Vec<String> {
    let file = dir.join("object.json");
    std::fs::write(&file, object.to_string()).unwrap();
    let out = common::skiff_command()
        .args(["validate", "--schema-only", "-f"])
        .arg(&file)
        .output()
        .expect("run skiff");
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    let marker = format!(
        "{} {}/{}: ",
        object["kind"].as_str().unwrap(),
        object["metadata"]["namespace"].as_str().unwrap(),
        object["metadata"]["name"].as_str().unwrap()
    );
    text.lines()
        .filter_map(|l| l.split_once(&marker).map(|(_, rest)| rest.to_string()))
        .collect()
}

#[test]
#[ignore = "needs the test cluster (./scripts/test provisions it)"]
fn every_cel_rule_family_is_refused_by_the_api_server_as_skiff_says() {
    let _cluster = common::shared_cluster();
    let kc = common::kubeconfig();
    let ns = common::namespace_for("celrules");
    let dir = std::env::temp_dir().join(format!("skiff-celrules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let examples = examples();
    let rt = skiff::cluster::runtime();
    rt.block_on(async {
        let options = skiff::cluster::ConnectOptions {
            kubeconfig: Some(&kc),
            context: None,
            namespace: None,
            istio_namespace: "istio-system",
        };
        let cluster = skiff::cluster::connect(&options).await.expect("connect");
        for crd in skiff::model::crd::all_crds() {
            cluster.apply(&crd, None).await.expect("apply CRD");
        }
        for crd in skiff::model::crd::all_crds() {
            let name = crd["metadata"]["name"].as_str().unwrap().to_string();
            let mut established = false;
            for _ in 0..100 {
                let back = cluster
                    .get(
                        "apiextensions.k8s.io/v1",
                        "CustomResourceDefinition",
                        None,
                        &name,
                    )
                    .await
                    .expect("get CRD");
                established = common::has_condition(&back, "Established");
                if established {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            assert!(established, "{name} never became Established");
        }
        let namespace = json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}});
        cluster.apply(&namespace, None).await.expect("namespace");
        for (i, (kind, api_version, spec, message)) in examples.iter().enumerate() {
            let object = json!({
                "apiVersion": api_version, "kind": kind,
                "metadata": {"name": format!("rule-{i}"), "namespace": ns},
                "spec": spec,
            });
            let refused = cluster
                .apply_with(&object, None, true)
                .await
                .expect_err(&format!("the API server accepted {object}"))
                .to_string();
            assert!(refused.contains(message), "{kind} {message:?}: {refused}");
            let ours = skiff_schema_errors(&object, &dir);
            assert!(
                ours.iter().any(|l| l.ends_with(message)),
                "{kind} {message:?}: skiff says {ours:?}"
            );
            for line in &ours {
                assert!(
                    refused.contains(line.as_str()),
                    "skiff's {line:?} is not the API server's: {refused}"
                );
            }
        }
    });
    let distinct: std::collections::BTreeSet<_> = examples.iter().map(|e| e.3).collect();
    println!(
        "CEL rule families refused by the API server as skiff says: {}",
        distinct.len()
    );
    assert_eq!(
        distinct.len(),
        examples.len(),
        "one example per rule message"
    );
}
