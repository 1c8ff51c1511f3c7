//! The shared config model: typed Istio resources (`api`), IstioOperator and MeshConfig,
//! resource identity, multi-document loading with file:line, and validation. No cluster
//! I/O and no printing happen here.

pub mod annotations;
pub mod api;
pub mod cel;
pub mod crd;
pub mod document_stream;
pub mod effective;
pub mod go_json;
pub mod go_regexp;
pub mod go_text;
pub mod go_yaml;
pub mod injection_templates;
pub mod load;
pub mod mesh;
pub mod operator;
pub mod operator_k8s;
pub mod operator_rules;
pub mod parallel;
pub mod proto;
pub mod quantity;
pub mod resource;
pub mod schema;
pub mod setpath;
pub mod smp;
pub mod strict_value;
pub mod tls_secret;
pub mod validate;
pub mod values_schema;

pub use resource::{Gvk, Resource, Source};
