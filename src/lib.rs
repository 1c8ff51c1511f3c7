//! skiff: an istioctl-compatible service-mesh CLI. The library holds everything; the
//! binary (`main.rs`) only parses arguments, runs, and maps errors to exit codes.

#![recursion_limit = "256"]

pub mod analyze;
pub mod cli;
pub mod cluster;
pub mod dashboard;
pub mod exit;
pub mod fuzzing;
pub mod gotmpl;
pub mod inject;
pub mod install;
pub mod model;
pub mod output;
pub mod render;

/// The Istio release skiff renders and injects by default.
pub const ISTIO_VERSION: &str = "1.30.3";
/// The default image hub for that release.
pub const ISTIO_HUB: &str = "docker.io/istio";
