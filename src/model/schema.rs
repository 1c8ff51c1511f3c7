//! What the generated API types and the validators share: field errors with paths, the
//! identity facts of each kind, null-refusing decoding, compiled schema patterns.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Deserializer};

/// One problem with one field of a resource, named by its path (`spec.http[0].route`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub path: String,
    pub message: String,
    /// A warning of istiod's webhook: reported, but the resource is still valid.
    pub warning: bool,
    /// A warning `analyze` reports under its own code (IST0130, IST0131) with these
    /// parameters rather than as a schema warning.
    pub analysis: Option<(&'static str, Vec<String>)>,
}

impl FieldError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            path: path.into(),
            message: message.into(),
            warning: false,
            analysis: None,
        }
    }

    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            warning: true,
            ..FieldError::new(path, message)
        }
    }

    /// The problem as Istio's validation words it, without the field path and the
    /// Kubernetes reason (`Invalid value: "x": `, `Required value: `, `Forbidden: `) that
    /// `validate` shows; a message that is only a reason stays whole.
    pub fn istio_text(&self) -> &str {
        let message = self.message.as_str();
        for reason in [
            "Invalid value: ",
            "Required value: ",
            "Forbidden: ",
            "Duplicate value: ",
        ] {
            let Some(rest) = message.strip_prefix(reason) else {
                continue;
            };
            return strip_value(rest).unwrap_or(rest);
        }
        message
    }
}

/// `"x": text` or `5: text` -> `text` (the offending value before the explanation).
fn strip_value(rest: &str) -> Option<&str> {
    if let Some(quoted) = rest.strip_prefix('"') {
        let mut escaped = false;
        for (i, c) in quoted.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => return quoted[i + 1..].strip_prefix(": "),
                _ => escaped = false,
            }
        }
        return None;
    }
    let (value, text) = rest.split_once(": ")?;
    let is_value = !value.contains(' ')
        && (value.parse::<f64>().is_ok() || value == "true" || value == "false");
    is_value.then_some(text)
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A served version of a kind.
#[derive(Debug, Clone, Copy)]
pub struct VersionInfo {
    pub name: &'static str,
    pub served: bool,
    pub storage: bool,
}

/// Identity and serving facts of one Istio kind.
#[derive(Debug, Clone, Copy)]
pub struct KindInfo {
    pub group: &'static str,
    pub kind: &'static str,
    pub plural: &'static str,
    pub singular: &'static str,
    pub list_kind: &'static str,
    pub short_names: &'static [&'static str],
    pub categories: &'static [&'static str],
    pub namespaced: bool,
    pub versions: &'static [VersionInfo],
    pub spec_type: &'static str,
}

/// Deserializes an optional field, rejecting an explicit `null` as Kubernetes does for
/// fields that are not nullable.
pub fn non_null<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct NonNullVisitor<T>(std::marker::PhantomData<T>);

    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for NonNullVisitor<T> {
        type Value = Option<T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a value that is not null")
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Err(E::custom("must not be null"))
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Err(E::custom("must not be null"))
        }

        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            T::deserialize(d).map(Some)
        }
    }

    deserializer.deserialize_option(NonNullVisitor(std::marker::PhantomData))
}

/// A schema pattern compiled once (None when it is not a valid regex).
pub fn compiled_pattern(pattern: &str) -> Option<regex::Regex> {
    static CACHE: OnceLock<Mutex<HashMap<String, Option<regex::Regex>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let mut map = cache.lock().unwrap_or_else(|p| p.into_inner());
    map.entry(pattern.to_string())
        .or_insert_with(|| regex::Regex::new(pattern).ok())
        .clone()
}

#[cfg(test)]
mod tests {
    use super::FieldError;

    #[test]
    fn istio_text_drops_the_path_and_the_kubernetes_reason() {
        let text = |m: &str| FieldError::new("spec.x", m).istio_text().to_string();
        assert_eq!(
            text(r#"Invalid value: "ns/reviews": short names (non FQDN) are not allowed"#),
            "short names (non FQDN) are not allowed"
        );
        assert_eq!(
            text("Invalid value: -1: weight must not be negative"),
            "weight must not be negative"
        );
        assert_eq!(
            text("Required value: gateway must have at least one server"),
            "gateway must have at least one server"
        );
        assert_eq!(text(r#"Invalid value: "a\"b": x"#), "x");
        assert_eq!(text("Required value"), "Required value");
        assert_eq!(
            text("Invalid value: only one of a or b may be set"),
            "only one of a or b may be set"
        );
    }
}
