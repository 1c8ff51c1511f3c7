//! Shared helpers for the integration tests: a real API server from
//! `scripts/test-cluster`, started once per test run (or reused from
//! SKIFF_TEST_KUBECONFIG), and a namespace per test.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

/// The kubeconfig of the test cluster. Panics with the reason when no cluster can start:
/// cluster tests never skip silently.
pub fn kubeconfig() -> String {
    static KUBECONFIG: OnceLock<Result<String, String>> = OnceLock::new();
    KUBECONFIG
        .get_or_init(start_or_reuse)
        .clone()
        .unwrap_or_else(|reason| panic!("test cluster unavailable: {reason}"))
}

fn start_or_reuse() -> Result<String, String> {
    if let Ok(k) = std::env::var("SKIFF_TEST_KUBECONFIG") {
        if !k.is_empty() {
            return Ok(k);
        }
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(root.join("scripts/test-cluster"))
        .args(["up", "--node"])
        .output()
        .map_err(|e| format!("cannot run scripts/test-cluster: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!(
            "scripts/test-cluster up failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    stdout
        .lines()
        .find_map(|l| l.strip_prefix("export KUBECONFIG="))
        .map(str::to_string)
        .ok_or_else(|| format!("scripts/test-cluster printed no kubeconfig: {stdout}"))
}

static CLUSTER_USE: std::sync::RwLock<()> = std::sync::RwLock::new(());

/// Held while a test uses the test cluster: any number of tests at once.
pub fn shared_cluster() -> std::sync::RwLockReadGuard<'static, ()> {
    CLUSTER_USE.read().unwrap_or_else(|e| e.into_inner())
}

/// Held by a test that changes what the others rely on (cluster-wide Istio objects such
/// as CRDs and webhooks, the API server's life): it runs with no other cluster test.
pub fn exclusive_cluster() -> std::sync::RwLockWriteGuard<'static, ()> {
    CLUSTER_USE.write().unwrap_or_else(|e| e.into_inner())
}

/// A unique namespace name for one test.
pub fn namespace_for(test: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!("skiff-{test}-{}-{nanos}", std::process::id())
        .chars()
        .take(63)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

/// The skiff binary under test as a command with a clean environment: no inherited
/// KUBECONFIG (a test names its cluster), a HOME of its own (no ~/.kube/config of the
/// machine), and NO_COLOR (plain output whatever the terminal).
pub fn skiff_command() -> Command {
    let home = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("home");
    std::fs::create_dir_all(&home).expect("create the tests' HOME");
    let mut command = Command::new(env!("CARGO_BIN_EXE_skiff"));
    command
        .env_remove("KUBECONFIG")
        .env("HOME", home)
        .env("NO_COLOR", "1");
    command
}

/// Runs skiff against the test cluster of `kubeconfig`.
pub fn skiff(kubeconfig: &str, args: &[&str]) -> std::process::Output {
    skiff_command()
        .args(["--kubeconfig", kubeconfig])
        .args(args)
        .output()
        .expect("run skiff")
}

/// A client of the test cluster, connected on `rt`.
pub fn connect_to(rt: &tokio::runtime::Runtime, kubeconfig: &str) -> skiff::cluster::Cluster {
    rt.block_on(skiff::cluster::connect(&skiff::cluster::ConnectOptions {
        kubeconfig: Some(kubeconfig),
        context: None,
        namespace: None,
        istio_namespace: "istio-system",
    }))
    .expect("connect to the test cluster")
}

/// Runs skiff against the cluster: the exit code and stdout followed by stderr.
pub fn run(kubeconfig: &str, args: &[&str]) -> (i32, String) {
    let out = skiff(kubeconfig, args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

/// Whether an object's `status.conditions` has `type` with status True.
pub fn has_condition(object: &serde_json::Value, condition: &str) -> bool {
    object["status"]["conditions"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|c| c["type"] == condition && c["status"] == "True")
}

/// Creates a namespace and, as there is no controller-manager, its default ServiceAccount.
pub async fn ensure_namespace(cluster: &skiff::cluster::Cluster, ns: &str) {
    use serde_json::json;
    cluster
        .apply(
            &json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}}),
            None,
        )
        .await
        .expect("namespace");
    cluster
        .apply(
            &json!({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "default", "namespace": ns}}),
            None,
        )
        .await
        .expect("service account");
}

/// Waits until a pod's Ready condition is True (60 s at most).
pub async fn wait_pod_ready(cluster: &skiff::cluster::Cluster, ns: &str, name: &str) {
    for _ in 0..120 {
        if let Ok(p) = cluster.get("v1", "Pod", Some(ns), name).await {
            if has_condition(&p, "Ready") {
                return;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    panic!("pod {ns}/{name} never became Ready");
}

/// A ratchet on conformance cases: every case named in `tests/ratchets/<file>` must pass,
/// and a case that passes must be named there (so a fix is recorded and can never be lost
/// silently). Set SKIFF_UPDATE_RATCHETS=1 to rewrite the file from this run.
pub fn check_ratchet(file: &str, passing: &std::collections::BTreeSet<String>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/ratchets")
        .join(file);
    if std::env::var_os("SKIFF_UPDATE_RATCHETS").is_some() {
        let text: String = passing.iter().map(|n| format!("{n}\n")).collect();
        std::fs::write(&path, text).unwrap();
    }
    let committed: std::collections::BTreeSet<String> = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    let lost: Vec<&String> = committed.difference(passing).collect();
    let gained: Vec<&String> = passing.difference(&committed).collect();
    assert!(
        lost.is_empty(),
        "cases that passed no longer pass ({}): {lost:?}",
        path.display()
    );
    assert!(
        gained.is_empty(),
        "cases now pass that {} does not list (add them): {gained:?}",
        path.display()
    );
}

/// Compares rendered texts with the golden files `tests/golden/<dir>/<name>.yaml`, or with
/// `SKIFF_UPDATE_GOLDEN` set, rewrites them. Fails with a unified diff per difference.
pub fn check_goldens(dir: &str, actual: impl IntoIterator<Item = (String, String)>) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(dir);
    let update = std::env::var_os("SKIFF_UPDATE_GOLDEN").is_some();
    let mut differences = Vec::new();
    for (name, text) in actual {
        let file = dir.join(format!("{name}.yaml"));
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&file, &text).unwrap();
            continue;
        }
        let golden = std::fs::read_to_string(&file).unwrap_or_else(|e| {
            panic!("{}: {e} (SKIFF_UPDATE_GOLDEN=1 writes it)", file.display())
        });
        if golden != text {
            let diff = similar::TextDiff::from_lines(&golden, &text)
                .unified_diff()
                .context_radius(2)
                .header("golden", "now")
                .to_string();
            differences.push(format!("{name}:\n{}", &diff[..diff.len().min(4000)]));
        }
    }
    assert!(
        differences.is_empty(),
        "output differs from {} (review, then SKIFF_UPDATE_GOLDEN=1):\n{}",
        dir.display(),
        differences.join("\n")
    );
}

/// The reference istioctl 1.30.3 (`scripts/reference-istioctl`, built from Istio's Go
/// module on first use).
pub fn reference_istioctl() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/reference-istioctl");
        let out = Command::new(&script)
            .output()
            .expect("run scripts/reference-istioctl");
        assert!(
            out.status.success(),
            "scripts/reference-istioctl failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let path = PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
        assert!(
            path.is_absolute(),
            "not an absolute path: {}",
            path.display()
        );
        path
    })
}

/// Runs the reference istioctl against the cluster of `kubeconfig`, with a HOME of its own
/// and plain output.
pub fn istioctl(kubeconfig: &str, args: &[&str]) -> std::process::Output {
    let home = std::env::temp_dir().join("skiff-istioctl-home");
    std::fs::create_dir_all(&home).expect("create istioctl's HOME");
    Command::new(reference_istioctl())
        .args(args)
        .env("HOME", &home)
        .env("KUBECONFIG", kubeconfig)
        .env("NO_COLOR", "1")
        .output()
        .expect("run the reference istioctl")
}
