//! Benchmark baseline for live analysis: list, through the API server with kube-rs, the
//! same kinds `skiff analyze -A` reads (paginated, in parallel), and nothing else.
//! With `--watch-cache`, the lists ask for `resourceVersion=0` (served from the API
//! server's watch cache, as skiff and client-go informers ask; kube-rs then sends no limit,
//! which a 1.20 server ignores for cached lists anyway).
//! Usage: KUBECONFIG=... cargo run --release --example list_baseline [-- --watch-cache]

use kube::api::{Api, DynamicObject, ListParams};
use kube::discovery::Discovery;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let client = kube::Client::try_default().await.expect("client");
    let discovery = Discovery::new(client.clone())
        .run()
        .await
        .expect("discovery");
    let wanted = [
        "Namespace",
        "Pod",
        "Service",
        "Secret",
        "ConfigMap",
        "Deployment",
        "StatefulSet",
        "DaemonSet",
        "Job",
        "CronJob",
        "MutatingWebhookConfiguration",
        "ValidatingWebhookConfiguration",
        "CustomResourceDefinition",
        "VirtualService",
        "DestinationRule",
        "Gateway",
        "ServiceEntry",
        "Sidecar",
        "WorkloadEntry",
        "WorkloadGroup",
        "EnvoyFilter",
        "ProxyConfig",
        "AuthorizationPolicy",
        "PeerAuthentication",
        "RequestAuthentication",
        "Telemetry",
        "WasmPlugin",
    ];
    let watch_cache = std::env::args().any(|a| a == "--watch-cache");
    let mut tasks = tokio::task::JoinSet::new();
    for group in discovery.groups() {
        for (resource, _) in group.recommended_resources() {
            if !wanted.contains(&resource.kind.as_str()) {
                continue;
            }
            let api: Api<DynamicObject> = Api::all_with(client.clone(), &resource);
            tasks.spawn(async move {
                let mut count = 0usize;
                let mut params = if watch_cache {
                    ListParams::default().at("0")
                } else {
                    ListParams::default().limit(500)
                };
                loop {
                    let page = api.list(&params).await.expect("list");
                    count += page.items.len();
                    match page.metadata.continue_.filter(|c| !c.is_empty()) {
                        Some(t) => params = params.continue_token(&t),
                        None => break,
                    }
                }
                count
            });
        }
    }
    let mut total = 0;
    while let Some(n) = tasks.join_next().await {
        total += n.expect("task");
    }
    println!("{total}");
}
