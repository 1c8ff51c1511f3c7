//! skiff: an istioctl-compatible service-mesh CLI. The library holds everything; the
//! binary (`main.rs`) only parses arguments, runs, and maps errors to exit codes.
//!
//! # Layers
//!
//! Imports run one way, top to bottom; `tests/it/layering.rs` fails on any `crate::` path
//! against the direction (the table [`LAYERS`] is what it checks):
//!
//! 1. **cli** (`cli`, `exit`, `main.rs`): flags, printing, and the only place exit codes
//!    are chosen (`exit::code_for` maps each engine's typed error to its code).
//! 2. **engines**: `install` (uses `render`), `render`, `inject`, `analyze`, `dashboard`,
//!    and `fuzzing` (entry points over the engines). They never import `cli` or `exit`.
//! 3. **cluster**: the Kubernetes API (connect, list, apply, port-forward).
//! 4. **support**: `gotmpl` (Go templates) and `output` (printing, Go-style YAML).
//! 5. **model**: the shared config model (loading, schemas, validation); imports no other
//!    layer.

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

/// Which top-level modules each module may import (`crate::<name>`); `cli` and `exit` may
/// import everything. Checked by `tests/it/layering.rs`.
pub const LAYERS: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("output", &["model"]),
    ("gotmpl", &["model", "output"]),
    ("cluster", &["model", "output"]),
    ("analyze", &["model", "output"]),
    ("inject", &["model", "gotmpl", "output"]),
    ("render", &["model", "gotmpl", "output"]),
    ("install", &["render", "cluster", "model", "output"]),
    ("dashboard", &["cluster", "model", "output"]),
    (
        "fuzzing",
        &["analyze", "inject", "render", "model", "output"],
    ),
];

/// The Istio release skiff renders and injects by default.
pub const ISTIO_VERSION: &str = "1.30.3";
/// The default image hub for that release.
pub const ISTIO_HUB: &str = "docker.io/istio";
