//! Benchmark setup: server-side applies every object of a manifest file to the cluster
//! of KUBECONFIG through skiff's cluster module, a few at a time.
//! Usage: KUBECONFIG=... cargo run --release --example apply_corpus -- FILE

use skiff::cluster::ConnectOptions;

fn main() {
    let path = std::env::args().nth(1).expect("usage: apply_corpus FILE");
    let resources = skiff::model::load::load_paths(&[path]).expect("load");
    let kubeconfig = std::env::var("KUBECONFIG").ok();
    let opts = ConnectOptions {
        kubeconfig: kubeconfig.as_deref(),
        context: None,
        namespace: None,
        istio_namespace: "istio-system",
    };
    skiff::cluster::runtime().block_on(async {
        let cluster = std::sync::Arc::new(skiff::cluster::connect(&opts).await.expect("connect"));
        // Namespaces and CRDs first, then everything else in parallel batches.
        let (first, rest): (Vec<_>, Vec<_>) =
            resources.into_iter().partition(|r| r.kind() == "Namespace");
        for crd in skiff::model::crd::all_crds() {
            cluster.apply(&crd, None).await.expect("CRD");
        }
        for r in &first {
            cluster.apply(&r.object, None).await.expect("namespace");
        }
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
        for chunk in rest.chunks(32) {
            let mut set = tokio::task::JoinSet::new();
            for r in chunk {
                let cluster = cluster.clone();
                let object = r.object.clone();
                set.spawn(async move { cluster.apply(&object, None).await });
            }
            while let Some(res) = set.join_next().await {
                res.expect("task").expect("apply");
            }
        }
    });
}
