//! Structural checks shared by the generated API types: field errors with paths, the
//! `Check` trait, and the constraint helpers (enum, ranges, lengths, patterns, one-of).

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

    pub fn required(path: &str, field: &str) -> Self {
        FieldError::new(format!("{path}.{field}"), "Required value")
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

/// A typed value that can check its own structural constraints.
pub trait Check {
    fn check(&self, path: &str, errs: &mut Vec<FieldError>);
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

pub fn check_enum(path: &str, value: &str, allowed: &[&str], errs: &mut Vec<FieldError>) {
    if !allowed.contains(&value) {
        let list = allowed
            .iter()
            .map(|a| format!("\"{a}\""))
            .collect::<Vec<_>>()
            .join(", ");
        errs.push(FieldError::new(
            path,
            format!("Unsupported value: \"{value}\": supported values: {list}"),
        ));
    }
}

pub fn check_min_len(path: &str, value: &str, min: usize, errs: &mut Vec<FieldError>) {
    if value.chars().count() < min {
        errs.push(FieldError::new(
            path,
            format!(
                "Invalid value: \"{value}\": {path} in body should be at least {min} chars long"
            ),
        ));
    }
}

pub fn check_max_len(path: &str, value: &str, max: usize, errs: &mut Vec<FieldError>) {
    if value.chars().count() > max {
        errs.push(FieldError::new(
            path,
            format!("Too long: may not be longer than {max}"),
        ));
    }
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

pub fn check_pattern(path: &str, value: &str, pattern: &str, errs: &mut Vec<FieldError>) {
    if let Some(re) = compiled_pattern(pattern) {
        if !re.is_match(value) {
            errs.push(FieldError::new(
                path,
                format!("Invalid value: \"{value}\": {path} in body should match '{pattern}'"),
            ));
        }
    }
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

pub fn check_min(path: &str, value: f64, min: f64, errs: &mut Vec<FieldError>) {
    if value < min {
        errs.push(FieldError::new(
            path,
            format!(
                "Invalid value: {}: {path} in body should be greater than or equal to {}",
                number(value),
                number(min)
            ),
        ));
    }
}

pub fn check_max(path: &str, value: f64, max: f64, errs: &mut Vec<FieldError>) {
    if value > max {
        errs.push(FieldError::new(
            path,
            format!(
                "Invalid value: {}: {path} in body should be less than or equal to {}",
                number(value),
                number(max)
            ),
        ));
    }
}

pub fn check_min_items(path: &str, len: usize, min: usize, errs: &mut Vec<FieldError>) {
    if len < min {
        errs.push(FieldError::new(
            path,
            format!("Invalid value: {path} in body should have at least {min} items"),
        ));
    }
}

pub fn check_max_items(path: &str, len: usize, max: usize, errs: &mut Vec<FieldError>) {
    if len > max {
        errs.push(FieldError::new(
            path,
            format!("Too many: {len}: must have at most {max} items"),
        ));
    }
}

pub fn check_min_props(path: &str, len: usize, min: usize, errs: &mut Vec<FieldError>) {
    if len < min {
        errs.push(FieldError::new(
            path,
            format!("Invalid value: {path} in body should have at least {min} properties"),
        ));
    }
}

pub fn check_max_props(path: &str, len: usize, max: usize, errs: &mut Vec<FieldError>) {
    if len > max {
        errs.push(FieldError::new(
            path,
            format!("Too many: {len}: must have at most {max} properties"),
        ));
    }
}

/// At most one (or, when `optional` is false, exactly one) of the field groups is set.
pub fn one_of(
    path: &str,
    set: &[bool],
    names: &[&str],
    optional: bool,
    errs: &mut Vec<FieldError>,
) {
    let count = set.iter().filter(|s| **s).count();
    if count > 1 {
        let chosen: Vec<&str> = names
            .iter()
            .zip(set)
            .filter(|(_, s)| **s)
            .map(|(n, _)| *n)
            .collect();
        errs.push(FieldError::new(
            path,
            format!(
                "Invalid value: only one of [{}] may be set, found {}",
                names.join(", "),
                chosen.join(", ")
            ),
        ));
    } else if count == 0 && !optional {
        errs.push(FieldError::new(
            path,
            format!("Required value: one of [{}] must be set", names.join(", ")),
        ));
    }
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
