//! Manifests + injection settings -> injected manifests (pure, offline). Not built yet:
//! `kube-inject` says so and exits 1.
