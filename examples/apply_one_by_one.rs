//! Benchmark baseline for `install`: server-side applies every object of a manifest file,
//! one at a time, in file order, through skiff's cluster module (the least a client must
//! do to put the same objects on the cluster).
//! Usage: KUBECONFIG=... cargo run --release --example apply_one_by_one -- FILE

use skiff::cluster::ConnectOptions;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: apply_one_by_one FILE");
    let resources = skiff::model::load::load_paths(&[path]).expect("load");
    let kubeconfig = std::env::var("KUBECONFIG").ok();
    let opts = ConnectOptions {
        kubeconfig: kubeconfig.as_deref(),
        context: None,
        namespace: None,
        istio_namespace: "istio-system",
    };
    skiff::cluster::runtime().block_on(async {
        let cluster = skiff::cluster::connect(&opts).await.expect("connect");
        for r in &resources {
            cluster.apply(&r.object, None).await.expect("apply");
        }
    });
}
