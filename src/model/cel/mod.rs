//! The Common Expression Language as the Kubernetes API server runs it for CRD validation
//! rules: parsing (`parse`), values and their operations (`value`), evaluation against JSON
//! (`eval`) and the functions of CEL's standard library and Kubernetes' extensions that
//! rules call (`library`).

mod eval;
mod library;
mod parse;
mod value;

pub use eval::evaluate;
pub use library::unsupported_function;
pub use parse::{parse, syntax_error, syntax_error_display, Expr, Literal, Macro};
pub use value::{Value, NO_SUCH_OVERLOAD};
