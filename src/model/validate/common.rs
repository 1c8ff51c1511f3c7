//! Checks shared by every kind: metadata, durations, hosts, ports, names, regexes.

use serde_json::Value;

use crate::model::resource::Resource;
use crate::model::schema::FieldError;

/// Runs `check` and keeps only the errors it adds. istiod joins some rules' results with
/// `appendErrors`, which passes their errors on and drops their warnings.
pub fn errors_only(errs: &mut Vec<FieldError>, check: impl FnOnce(&mut Vec<FieldError>)) {
    let mark = errs.len();
    check(errs);
    let added = errs.split_off(mark);
    errs.extend(added.into_iter().filter(|e| !e.warning));
}

pub fn check_metadata(res: &Resource, errs: &mut Vec<FieldError>) {
    let name = res.name();
    let generate_name = res
        .metadata()
        .and_then(|m| m.get("generateName"))
        .and_then(Value::as_str)
        .unwrap_or("");
    if name.is_empty() && generate_name.is_empty() {
        errs.push(FieldError::new(
            "metadata.name",
            "Required value: name is required",
        ));
    } else if !name.is_empty() && !is_dns1123_subdomain(name) {
        errs.push(FieldError::new(
            "metadata.name",
            format!("Invalid value: \"{name}\": must be a lowercase RFC 1123 subdomain"),
        ));
    }
    if let Some(ns) = res.namespace() {
        if !is_dns1123_label(ns) {
            errs.push(FieldError::new(
                "metadata.namespace",
                format!("Invalid value: \"{ns}\": must be a lowercase RFC 1123 label"),
            ));
        }
    }
}

/// How a string that is not a Go duration is refused.
pub fn invalid_duration_message(text: &str) -> String {
    match crate::model::go_text::go_duration_error(text) {
        // As Istio's decoding of a protobuf Duration words it.
        Some(why) => format!("Invalid value: \"{text}\": bad Duration: {why}"),
        None => format!("Invalid value: \"{text}\": not a valid duration (e.g. 1.5s, 300ms, 1h2m)"),
    }
}

/// Parses a Go-style duration ("1h2m3.5s", "300ms", "10us", "-1s": Go's
/// `time.ParseDuration`, which Istio's duration decoding uses) into milliseconds.
pub fn parse_duration_ms(s: &str) -> Option<f64> {
    crate::model::go_text::go_duration_nanos(s.trim()).map(|nanos| nanos as f64 / 1e6)
}

/// A positive duration flag value (`30s`, `1m`) as a `Duration`.
pub fn parse_positive_duration(s: &str) -> Option<std::time::Duration> {
    parse_duration_ms(s)
        .filter(|ms| *ms > 0.0)
        .map(|ms| std::time::Duration::from_millis(ms as u64))
}

pub fn is_valid_duration(s: &str) -> bool {
    parse_duration_ms(s).is_some()
}

/// A DNS label as Istio's rules take it (`labels.IsDNS1123Label`): letters of either case,
/// digits and inner dashes, at most 63 characters.
pub fn is_dns_label(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// A Kubernetes RFC 1123 label (lowercase), as object names and namespaces must be.
pub fn is_dns1123_label(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// Istio's FQDN rule: 1-255 characters, every dot-separated label a DNS-1123 label (a
/// trailing dot allowed), and a top-level domain that is not all digits. No wildcards.
pub fn fqdn_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("empty domain name not allowed".into());
    }
    if name.len() > 255 {
        return Some(format!("domain name {name:?} too long (max 255)"));
    }
    dns1123_labels_problem(name)
}

pub fn is_dns1123_subdomain(s: &str) -> bool {
    !s.is_empty() && s.len() <= 253 && s.split('.').all(is_dns1123_label)
}

/// A host as Istio accepts it: an FQDN or short name, optionally with a leading `*.`
/// wildcard, or `*` alone.
pub fn is_valid_host(host: &str) -> bool {
    if host == "*" {
        return true;
    }
    let name = host.strip_prefix("*.").unwrap_or(host);
    let name = name.strip_suffix('.').unwrap_or(name);
    !name.is_empty()
        && name.len() <= 255
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

/// `ip/bits` with a prefix length the address family allows.
pub fn is_cidr(s: &str) -> bool {
    let Some((ip, bits)) = s.split_once('/') else {
        return false;
    };
    let Ok(ip) = ip.parse::<std::net::IpAddr>() else {
        return false;
    };
    let max = if ip.is_ipv4() { 32 } else { 128 };
    bits.parse::<u8>().is_ok_and(|b| b <= max)
}

pub fn check_host(path: &str, host: &str, errs: &mut Vec<FieldError>) {
    if !is_valid_host(host) && host.parse::<std::net::IpAddr>().is_err() {
        errs.push(FieldError::new(
            path,
            format!("Invalid value: \"{host}\": not a valid host (FQDN, short name or wildcard)"),
        ));
    }
}

pub fn check_port(path: &str, port: i64, errs: &mut Vec<FieldError>) {
    if !(1..=65535).contains(&port) {
        errs.push(FieldError::new(
            path,
            format!("Invalid value: {port}: port must be between 1-65535"),
        ));
    }
}

/// The items of an optional list with their indexes.
pub fn each<T>(items: &Option<Vec<T>>) -> impl Iterator<Item = (usize, &T)> {
    items.iter().flatten().enumerate()
}

/// Whether an optional list is given with at least one item.
pub fn non_empty<T>(v: &Option<Vec<T>>) -> bool {
    v.as_ref().is_some_and(|v| !v.is_empty())
}

pub fn err(errs: &mut Vec<FieldError>, path: impl Into<String>, message: impl Into<String>) {
    errs.push(FieldError::new(path, message));
}

/// What Istio's label check says of a label set (one message per bad key or value): keys
/// are Kubernetes qualified names with an optional DNS prefix, values qualified names or
/// empty.
pub fn label_problems(labels: &std::collections::BTreeMap<String, String>) -> Vec<String> {
    let mut out = Vec::new();
    for (key, value) in labels {
        if let Some(problem) = label_key_problem(key) {
            out.push(problem);
        }
        if !value.is_empty() && !is_qualified_name(value) {
            out.push(format!("invalid tag value: {value:?}"));
        }
    }
    out
}

fn label_key_problem(key: &str) -> Option<String> {
    let (prefix, name) = match key.rsplit_once('/') {
        Some((prefix, name)) => (Some(prefix), name),
        None => (None, key),
    };
    let prefix_ok = prefix.is_none_or(|p| !p.is_empty() && p.split('.').all(is_dns_label_chars));
    if !prefix_ok || !is_qualified_name(name) {
        return Some(format!("invalid tag key: {key:?}"));
    }
    if prefix.is_some_and(|p| p.len() > 253) {
        return Some(format!("invalid tag key: {key:?} (DNS prefix is too long)"));
    }
    if name.len() > 63 {
        return Some(format!("invalid tag key: {key:?} (name is too long)"));
    }
    None
}

/// `[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?` without a length limit.
fn is_dns_label_chars(label: &str) -> bool {
    let bytes = label.as_bytes();
    !bytes.is_empty()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        && bytes[0].is_ascii_alphanumeric()
        && bytes[bytes.len() - 1].is_ascii_alphanumeric()
}

/// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]` without a length limit.
fn is_qualified_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    !bytes.is_empty()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        && bytes[0].is_ascii_alphanumeric()
        && bytes[bytes.len() - 1].is_ascii_alphanumeric()
}

/// istiod's check of a domain whose first label may be a wildcard.
pub fn wildcard_domain_problem(domain: &str) -> Option<String> {
    if domain.len() > 255 {
        return Some(format!("domain name {domain:?} too long (max 255)"));
    }
    if domain.is_empty() {
        return Some("empty domain name not allowed".into());
    }
    let (first, rest) = match domain.split_once('.') {
        Some((first, rest)) => (first, Some(rest)),
        None => (domain, None),
    };
    if !is_wildcard_label(first) {
        return Some(format!(
            "domain name {domain:?} invalid (label {first:?} invalid)"
        ));
    }
    rest.and_then(dns1123_labels_problem)
}

/// `*`, or a DNS label optionally prefixed with `*` or `*-`.
fn is_wildcard_label(label: &str) -> bool {
    if label.len() > 63 {
        return false;
    }
    let rest = label.strip_prefix("*-").or_else(|| label.strip_prefix('*'));
    match rest {
        Some("") => label == "*",
        Some(rest) => is_dns_label(rest),
        None => is_dns_label(label),
    }
}

/// istiod's check of the labels of a domain (a trailing dot is allowed).
pub fn dns1123_labels_problem(domain: &str) -> Option<String> {
    let labels: Vec<&str> = domain.split('.').collect();
    let top = labels[labels.len() - 1];
    if top.parse::<i64>().is_ok() {
        return Some(format!(
            "domain name {domain:?} invalid (top level domain {top:?} cannot be all-numeric)"
        ));
    }
    for (i, label) in labels.iter().enumerate() {
        if i == labels.len() - 1 && label.is_empty() {
            return None;
        }
        if !is_dns_label(label) {
            return Some(format!(
                "domain name {domain:?} invalid (label {label:?} invalid)"
            ));
        }
    }
    None
}

/// istiod's rule for `exportTo` of a resource in `namespace` (`.` is that namespace):
/// no duplicates, `.`/`*`/`~` or a DNS label each, `*` or `~` alone, `~` only for a
/// ServiceEntry, and a DestinationRule with a workload selector kept to its namespace.
pub fn export_to_problems(
    namespace: &str,
    export_to: &[String],
    service_entry: bool,
    rule_with_selector: bool,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut set: Vec<String> = Vec::new();
    for e in export_to {
        let key = if e == "." {
            namespace.to_string()
        } else {
            e.clone()
        };
        if set.contains(&key) {
            out.push(if key != *e {
                format!("duplicate entries in exportTo: . and current namespace {namespace}")
            } else {
                format!("duplicate entries in exportTo for entry {e}")
            });
            continue;
        }
        let problem = match key.as_str() {
            "~" if service_entry => None,
            "." | "*" => None,
            "~" => Some("exportTo ~ (none) is not allowed for Istio configuration objects"),
            k if !is_dns_label(k) => {
                Some("only .,*, or a valid DNS 1123 label is allowed as exportTo entry")
            }
            _ => None,
        };
        match problem {
            Some(p) => out.push(p.to_string()),
            None => set.push(key),
        }
    }
    if rule_with_selector && !set.is_empty() {
        if !set.iter().any(|k| k == namespace) {
            out.push("destination rule with workload selector cannot have exportTo beyond current namespace".into());
        } else if set.len() > 1 {
            out.push(
                "destination rule with workload selector cannot have multiple entries in exportTo"
                    .into(),
            );
        }
    }
    if set.iter().any(|k| k == "*") && export_to.len() > 1 {
        out.push(
            "cannot have both public (*) and non-public exportTo values for a resource".into(),
        );
    }
    if set.iter().any(|k| k == "~") && export_to.len() > 1 {
        out.push("cannot export service entry to no one (~) and someone".into());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration_ms("1h2m3.5s"), Some(3_723_500.0));
        assert_eq!(parse_duration_ms("300ms"), Some(300.0));
        assert_eq!(parse_duration_ms("0"), Some(0.0));
        assert!(parse_duration_ms("5").is_none());
        assert!(parse_duration_ms("1x").is_none());
        assert!(parse_duration_ms("").is_none());
    }

    #[test]
    fn hosts_and_labels() {
        assert!(is_valid_host("*.example.com"));
        assert!(is_valid_host("reviews"));
        assert!(!is_valid_host("a..b"));
        assert!(!is_valid_host("exa mple.com"));
    }
}
