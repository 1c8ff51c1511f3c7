//! The Common Expression Language as the Kubernetes API server runs it for CRD validation
//! rules: parsing (`parse`), evaluation against JSON values (`eval`) and the functions of
//! CEL's standard library and Kubernetes' extensions that rules call (`library`).

mod eval;
mod library;
mod parse;

pub use eval::{evaluate, Value, NO_SUCH_OVERLOAD};
pub use library::unsupported_function;
pub use parse::{parse, syntax_error, Expr, Literal, Macro};
