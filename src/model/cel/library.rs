//! The functions CRD validation rules may call: CEL's standard library (sizes, string
//! tests, conversions, `duration`), the strings extension (`substring`, `indexOf`, ...) and
//! Kubernetes' list, regex and URL libraries.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use super::parse::Expr;
use super::value::{compare, equal, Eval, Url, Value, NO_SUCH_OVERLOAD};

/// Every function `call` implements, global or method form.
const FUNCTIONS: &[&str] = &[
    "size",
    "contains",
    "startsWith",
    "endsWith",
    "matches",
    "int",
    "uint",
    "double",
    "string",
    "bool",
    "dyn",
    "duration",
    "charAt",
    "indexOf",
    "lastIndexOf",
    "lowerAscii",
    "upperAscii",
    "replace",
    "split",
    "substring",
    "trim",
    "join",
    "isSorted",
    "sum",
    "min",
    "max",
    "find",
    "findAll",
    "url",
    "isURL",
    "getScheme",
    "getHost",
    "getHostname",
    "getPort",
    "getEscapedPath",
    "getQuery",
];

/// The first function `expr` calls that skiff does not implement, if any.
pub fn unsupported_function(expr: &Expr) -> Option<String> {
    let mut children: Vec<&Expr> = Vec::new();
    match expr {
        Expr::Call {
            target,
            function,
            args,
        } => {
            if !FUNCTIONS.contains(&function.as_str()) {
                return Some(function.clone());
            }
            children.extend(target.as_deref());
            children.extend(args);
        }
        Expr::Literal(_) | Expr::Ident(_) => {}
        Expr::Message(name, _) => return Some(name.clone()),
        Expr::Select(operand, _) | Expr::Has(operand, _) => children.push(operand),
        Expr::Not(operand) | Expr::Negate(operand) => children.push(operand),
        Expr::Index(a, b) | Expr::Binary(_, a, b) | Expr::And(a, b) | Expr::Or(a, b) => {
            children.extend([&**a, &**b])
        }
        Expr::Comprehension { range, body, .. } => {
            children.push(range);
            children.extend(body);
        }
        Expr::List(items) => children.extend(items),
        Expr::Map(entries) => entries.iter().for_each(|(k, v)| children.extend([k, v])),
        Expr::Conditional(a, b, c) => children.extend([&**a, &**b, &**c]),
    }
    children.into_iter().find_map(unsupported_function)
}

/// Calls `function` on its evaluated receiver (method form) and arguments.
pub fn call<'a>(function: &str, target: Option<Value<'a>>, args: Vec<Value<'a>>) -> Eval<'a> {
    // Functions with a global form take the receiver as their first argument.
    let mut all: Vec<Value<'a>> = target.into_iter().collect();
    all.extend(args);
    match (function, all.as_slice()) {
        ("size", [v]) => size(v),
        ("dyn", [v]) => Ok(v.clone()),
        ("int" | "uint" | "double" | "string" | "bool" | "duration", [v]) => convert(function, v),
        ("matches", [Value::String(s), Value::String(re)]) => {
            with_regex(re, |r| Ok(Value::Bool(r.is_match(s))))
        }
        ("find", [Value::String(s), Value::String(re)]) => with_regex(re, |r| {
            let found = r.find(s).map_or("", |m| m.as_str());
            Ok(Value::String(Cow::Owned(found.to_string())))
        }),
        ("findAll", [Value::String(s), Value::String(re), rest @ ..]) => {
            let limit = match rest {
                [] => -1,
                [Value::Int(n)] => *n,
                _ => return Err(NO_SUCH_OVERLOAD.into()),
            };
            with_regex(re, |r| {
                let found = r
                    .find_iter(s)
                    .take(usize::try_from(limit).unwrap_or(usize::MAX))
                    .map(|m| Value::String(Cow::Owned(m.as_str().to_string())))
                    .collect();
                Ok(Value::List(found))
            })
        }
        ("url" | "isURL", [Value::String(s)]) => url_function(function, s),
        (_, [Value::Url(u)]) => url_part(function, u),
        (_, [Value::String(s), rest @ ..]) => string_function(function, s, rest),
        (_, [list, rest @ ..]) if list.elements().is_some() => {
            list_function(function, list.elements().unwrap_or_default(), rest)
        }
        _ => Err(NO_SUCH_OVERLOAD.into()),
    }
}

fn size<'a>(v: &Value<'a>) -> Eval<'a> {
    let n = match v {
        Value::String(s) => s.chars().count(),
        Value::Bytes(b) => b.len(),
        other => match (other.elements(), other.entries()) {
            (Some(items), _) => items.len(),
            (_, Some(entries)) => entries.len(),
            _ => return Err(NO_SUCH_OVERLOAD.into()),
        },
    };
    Ok(Value::Int(n as i64))
}

fn conversion_error(from: &Value<'_>, to: &str) -> String {
    let from = match from {
        Value::String(_) => "string",
        Value::Int(_) => "int",
        Value::Uint(_) => "uint",
        Value::Double(_) => "double",
        Value::Bool(_) => "bool",
        Value::Bytes(_) => "bytes",
        Value::Null => "null_type",
        Value::Duration(_) => "google.protobuf.Duration",
        Value::Url(_) => "kubernetes.URL",
        Value::List(_) | Value::Json(serde_json::Value::Array(_)) => "list",
        _ => "map",
    };
    let to = if to == "duration" {
        "google.protobuf.Duration"
    } else {
        to
    };
    format!("type conversion error from '{from}' to '{to}'")
}

/// The type conversion functions.
fn convert<'a>(to: &str, v: &Value<'a>) -> Eval<'a> {
    let range = || "range error".to_string();
    let converted = match (to, v) {
        ("int", Value::Int(i)) => Some(Value::Int(*i)),
        ("int", Value::Uint(u)) => Some(Value::Int(i64::try_from(*u).map_err(|_| range())?)),
        ("int", Value::Double(d)) => {
            if !d.is_finite() || *d <= i64::MIN as f64 || *d >= i64::MAX as f64 {
                return Err(range());
            }
            Some(Value::Int(d.trunc() as i64))
        }
        ("int", Value::Duration(n)) => Some(Value::Int(*n)),
        ("int", Value::String(s)) => s.parse().ok().map(Value::Int),
        ("uint", Value::Uint(u)) => Some(Value::Uint(*u)),
        ("uint", Value::Int(i)) => Some(Value::Uint(u64::try_from(*i).map_err(|_| range())?)),
        ("uint", Value::Double(d)) => {
            if !d.is_finite() || *d < 0.0 || *d >= u64::MAX as f64 {
                return Err(range());
            }
            Some(Value::Uint(d.trunc() as u64))
        }
        ("uint", Value::String(s)) => s.parse().ok().map(Value::Uint),
        ("double", Value::Double(d)) => Some(Value::Double(*d)),
        ("double", Value::Int(i)) => Some(Value::Double(*i as f64)),
        ("double", Value::Uint(u)) => Some(Value::Double(*u as f64)),
        ("double", Value::String(s)) => s.parse().ok().map(Value::Double),
        ("string", Value::String(s)) => Some(Value::String(s.clone())),
        ("string", Value::Bytes(b)) => String::from_utf8(b.clone())
            .ok()
            .map(|s| Value::String(Cow::Owned(s))),
        ("string", Value::Bool(_) | Value::Int(_) | Value::Uint(_) | Value::Double(_)) => {
            Some(Value::String(Cow::Owned(v.display())))
        }
        ("bool", Value::Bool(b)) => Some(Value::Bool(*b)),
        ("bool", Value::String(s)) => match s.as_ref() {
            "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(Value::Bool(true)),
            "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(Value::Bool(false)),
            _ => None,
        },
        ("duration", Value::Duration(n)) => Some(Value::Duration(*n)),
        ("duration", Value::String(s)) => {
            crate::model::go_text::go_duration_nanos(s).map(Value::Duration)
        }
        _ => None,
    };
    converted.ok_or_else(|| conversion_error(v, to))
}

fn with_regex<'a>(pattern: &str, apply: impl FnOnce(&regex::Regex) -> Eval<'a>) -> Eval<'a> {
    thread_local! {
        static CACHE: RefCell<HashMap<String, Option<regex::Regex>>> = RefCell::new(HashMap::new());
    }
    let compiled = CACHE.with(|cache| {
        cache
            .borrow_mut()
            .entry(pattern.to_string())
            .or_insert_with(|| regex::Regex::new(pattern).ok())
            .clone()
    });
    match compiled {
        Some(r) => apply(&r),
        None => Err(format!("invalid regular expression: {pattern}")),
    }
}

fn string_function<'a>(function: &str, s: &str, args: &[Value<'a>]) -> Eval<'a> {
    let owned = |text: String| Ok(Value::String(Cow::Owned(text)));
    let chars: Vec<char> = s.chars().collect();
    let position = |v: &Value<'_>| match v {
        Value::Int(i) if *i >= 0 && (*i as usize) <= chars.len() => Ok(*i as usize),
        Value::Int(i) => Err(format!("index out of range: {i}")),
        _ => Err(NO_SUCH_OVERLOAD.to_string()),
    };
    match (function, args) {
        ("contains", [Value::String(x)]) => Ok(Value::Bool(s.contains(x.as_ref()))),
        ("startsWith", [Value::String(x)]) => Ok(Value::Bool(s.starts_with(x.as_ref()))),
        ("endsWith", [Value::String(x)]) => Ok(Value::Bool(s.ends_with(x.as_ref()))),
        ("charAt", [i]) => owned(
            chars
                .get(position(i)?)
                .map_or(String::new(), char::to_string),
        ),
        ("indexOf" | "lastIndexOf", [Value::String(x), rest @ ..]) => {
            index_of(function, &chars, x, rest.first().map(position).transpose()?)
        }
        ("lowerAscii", []) => owned(s.to_ascii_lowercase()),
        ("upperAscii", []) => owned(s.to_ascii_uppercase()),
        ("trim", []) => owned(s.trim().to_string()),
        ("replace", [Value::String(from), Value::String(to), rest @ ..]) => match rest {
            [] => owned(s.replace(from.as_ref(), to)),
            [Value::Int(n)] if *n < 0 => owned(s.replace(from.as_ref(), to)),
            [Value::Int(n)] => owned(s.replacen(from.as_ref(), to, *n as usize)),
            _ => Err(NO_SUCH_OVERLOAD.into()),
        },
        ("split", [Value::String(sep), rest @ ..]) => {
            let parts: Vec<&str> = match rest {
                [] => s.split(sep.as_ref()).collect(),
                [Value::Int(0)] => Vec::new(),
                [Value::Int(n)] if *n < 0 => s.split(sep.as_ref()).collect(),
                [Value::Int(n)] => s.splitn(*n as usize, sep.as_ref()).collect(),
                _ => return Err(NO_SUCH_OVERLOAD.into()),
            };
            let items = parts
                .into_iter()
                .map(|p| Value::String(Cow::Owned(p.to_string())))
                .collect();
            Ok(Value::List(items))
        }
        ("substring", [start, rest @ ..]) => {
            let from = position(start)?;
            let to = match rest {
                [] => chars.len(),
                [end] => position(end)?,
                _ => return Err(NO_SUCH_OVERLOAD.into()),
            };
            if from > to {
                return Err(format!("invalid substring range. start: {from}, end: {to}"));
            }
            owned(chars[from..to].iter().collect())
        }
        _ => Err(NO_SUCH_OVERLOAD.into()),
    }
}

/// `indexOf`/`lastIndexOf` in code points, from an optional starting position.
fn index_of<'a>(function: &str, chars: &[char], needle: &str, from: Option<usize>) -> Eval<'a> {
    let needle: Vec<char> = needle.chars().collect();
    let fits = |at: usize| chars.get(at..at + needle.len()) == Some(&needle[..]);
    let found = if function == "indexOf" {
        (from.unwrap_or(0)..=chars.len()).find(|&at| fits(at))
    } else {
        let last = from.unwrap_or(chars.len());
        (0..=last).rev().find(|&at| fits(at))
    };
    Ok(Value::Int(found.map_or(-1, |at| at as i64)))
}

fn list_function<'a>(function: &str, items: Vec<Value<'a>>, args: &[Value<'a>]) -> Eval<'a> {
    match (function, args) {
        ("join", rest) => {
            let sep = match rest {
                [] => "",
                [Value::String(sep)] => sep.as_ref(),
                _ => return Err(NO_SUCH_OVERLOAD.into()),
            };
            let parts = items
                .iter()
                .map(|i| match i {
                    Value::String(s) => Ok(s.to_string()),
                    _ => Err(NO_SUCH_OVERLOAD.to_string()),
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Value::String(Cow::Owned(parts.join(sep))))
        }
        ("isSorted", []) => Ok(Value::Bool(items.windows(2).all(|w| {
            compare(&w[0], &w[1]).is_some_and(|o| o != std::cmp::Ordering::Greater)
        }))),
        ("sum", []) => {
            let mut items = items.into_iter();
            let first = items.next().unwrap_or(Value::Int(0));
            items.try_fold(first, super::value::add)
        }
        ("min" | "max", []) => {
            let want = if function == "min" {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Greater
            };
            let mut best: Option<Value<'a>> = None;
            for item in items {
                best = match best {
                    Some(b) if compare(&item, &b).ok_or(NO_SUCH_OVERLOAD)? != want => Some(b),
                    _ => Some(item),
                };
            }
            best.ok_or_else(|| format!("{function} called on empty list"))
        }
        ("indexOf" | "lastIndexOf", [needle]) => {
            let is_needle = |(_, i): &(usize, &Value<'a>)| equal(i, needle);
            let found = if function == "indexOf" {
                items.iter().enumerate().find(is_needle)
            } else {
                items.iter().enumerate().rev().find(is_needle)
            };
            Ok(Value::Int(found.map_or(-1, |(at, _)| at as i64)))
        }
        _ => Err(NO_SUCH_OVERLOAD.into()),
    }
}

fn url_function<'a>(function: &str, text: &str) -> Eval<'a> {
    let checked = parse_url(text, true);
    if function == "isURL" {
        return Ok(Value::Bool(checked.is_ok()));
    }
    // Go's url.Error: the operation and the quoted input before the reason.
    let failed = |e: String| {
        let quoted = crate::model::go_text::quote(text);
        format!("URL parse error during conversion from string: parse {quoted}: {e}")
    };
    checked.map_err(failed)?;
    // The stored value is parsed again without the request rules, its fragment apart.
    let without_fragment = text.split('#').next().unwrap_or("");
    let url = parse_url(without_fragment, false).map_err(failed)?;
    Ok(Value::Url(Box::new(url)))
}

fn url_part<'a>(function: &str, url: &Url) -> Eval<'a> {
    let text = |s: &str| Ok(Value::String(Cow::Owned(s.to_string())));
    let (hostname, port) = split_host_port(&url.host);
    match function {
        "getScheme" => text(&url.scheme),
        "getHost" => text(&url.host),
        "getHostname" => text(hostname.trim_start_matches('[').trim_end_matches(']')),
        "getPort" => text(port),
        "getEscapedPath" => text(&url.path),
        "getQuery" => {
            let mut entries: Vec<(Value<'a>, Value<'a>)> = Vec::new();
            for pair in url.raw_query.split(['&']).filter(|p| !p.is_empty()) {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                let key = Value::String(Cow::Owned(k.to_string()));
                let value = Value::String(Cow::Owned(v.to_string()));
                match entries
                    .iter_mut()
                    .find(|(existing, _)| equal(existing, &key))
                {
                    Some((_, Value::List(values))) => values.push(value),
                    _ => entries.push((key, Value::List(vec![value]))),
                }
            }
            Ok(Value::Map(entries))
        }
        _ => Err(NO_SUCH_OVERLOAD.into()),
    }
}

fn split_host_port(host: &str) -> (&str, &str) {
    let port_start = if host.starts_with('[') {
        host.find("]:").map(|at| at + 1)
    } else {
        host.rfind(':')
    };
    match port_start {
        Some(at) => (&host[..at], &host[at + 1..]),
        None => (host, ""),
    }
}

/// Go's `url.Parse` (`request` false) or `url.ParseRequestURI` (`request` true), as far as
/// accepting or refusing and the parts the URL functions return.
fn parse_url(raw: &str, request: bool) -> Result<Url, String> {
    if raw.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return Err("net/url: invalid control character in URL".into());
    }
    if raw.is_empty() && request {
        return Err("empty url".into());
    }
    let mut url = Url::default();
    if raw == "*" {
        url.path = "*".into();
        return Ok(url);
    }
    let (scheme, mut rest) = split_scheme(raw)?;
    url.scheme = scheme.to_ascii_lowercase();
    if rest.ends_with('?') && rest.matches('?').count() == 1 {
        rest = &rest[..rest.len() - 1];
    } else if let Some((before, query)) = rest.split_once('?') {
        url.raw_query = query.to_string();
        rest = before;
    }
    if !rest.starts_with('/') {
        if !url.scheme.is_empty() {
            url.opaque = rest.to_string();
            return Ok(url);
        }
        if request {
            return Err("invalid URI for request".into());
        }
        let segment = rest.split('/').next().unwrap_or("");
        if segment.contains(':') {
            return Err("first path segment in URL cannot contain colon".into());
        }
    }
    if (!url.scheme.is_empty() || !request && !rest.starts_with("///")) && rest.starts_with("//") {
        let after = &rest[2..];
        let end = after.find('/').unwrap_or(after.len());
        url.host = parse_authority(&after[..end])?;
        rest = &after[end..];
    }
    unescape(rest, false)?;
    url.path = rest.to_string();
    Ok(url)
}

fn split_scheme(raw: &str) -> Result<(&str, &str), String> {
    for (i, c) in raw.char_indices() {
        match c {
            'a'..='z' | 'A'..='Z' => {}
            '0'..='9' | '+' | '-' | '.' if i > 0 => {}
            ':' if i == 0 => return Err("missing protocol scheme".into()),
            ':' => return Ok((&raw[..i], &raw[i + 1..])),
            _ => return Ok(("", raw)),
        }
    }
    Ok(("", raw))
}

/// The host of an authority (`user@host:port`), checked as Go checks it.
fn parse_authority(authority: &str) -> Result<String, String> {
    let (userinfo, host) = match authority.rfind('@') {
        Some(at) => (Some(&authority[..at]), &authority[at + 1..]),
        None => (None, authority),
    };
    if let Some(user) = userinfo {
        let valid = user
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._:~!$&'()*+,;=%@".contains(c));
        if !valid {
            return Err("net/url: invalid userinfo".into());
        }
    }
    let port = if host.starts_with('[') {
        let close = host.rfind(']').ok_or("missing ']' in host".to_string())?;
        &host[close + 1..]
    } else {
        host.rfind(':').map_or("", |at| &host[at..])
    };
    let port_ok = port.is_empty() || {
        port.starts_with(':') && port[1..].bytes().all(|b| b.is_ascii_digit())
    };
    if !port_ok {
        return Err(format!("invalid port {port:?} after host"));
    }
    unescape(host, true)?;
    Ok(host.to_string())
}

/// Go's percent-decoding check; in a host, characters a host may not hold are refused.
fn unescape(text: &str, host: bool) -> Result<(), String> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let escape = bytes.get(i + 1..i + 3);
            if !escape.is_some_and(|e| e.iter().all(u8::is_ascii_hexdigit)) {
                let shown: String = text[i..].chars().take(3).collect();
                return Err(format!("invalid URL escape {shown:?}"));
            }
            i += 3;
            continue;
        }
        let host_char_ok =
            b >= 0x80 || b.is_ascii_alphanumeric() || b"-_.~!$&'()*+,;=:[]<>\"".contains(&b);
        if host && !host_char_ok {
            return Err(format!(
                "invalid character {:?} in host name",
                (b as char).to_string()
            ));
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_checked_as_go_checks_request_uris() {
        for ok in [
            "http://a.b/c",
            "oci://reg/img:tag",
            "file:///x",
            "https://h:8080/p?q",
        ] {
            assert!(parse_url(ok, true).is_ok(), "{ok}");
        }
        for bad in ["reg/img", "", "http://h:x/", "://a", "http://a b/"] {
            assert!(parse_url(bad, true).is_err(), "{bad}");
        }
        let url = parse_url("HTTP://h:80/p", true).unwrap();
        assert_eq!((url.scheme.as_str(), url.host.as_str()), ("http", "h:80"));
    }
}
