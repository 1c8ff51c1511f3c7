//! Istio's lifecycle on a cluster, over the renderer: ownership labels and the objects
//! skiff owns (`owned`), dependency-ordered server-side apply with change detection and
//! prune (`apply`), readiness with reasons (`readiness`), and the dry-run diff (`plan`).

pub mod apply;
pub mod k8s_version;
pub mod owned;
pub mod plan;
pub mod readiness;
pub mod revision_tag;
