//! Reading YAML as Go's YAML library (and so istioctl and Kubernetes) reads it where the
//! libyaml-based parser differs: in a flow collection, a plain scalar may hold a `:` that
//! is followed by a flow indicator (`addresses: [2001:db8::]` is the one-item list
//! `["2001:db8::"]` in Go; libyaml refuses it with "found unexpected ':'"); and a plain
//! scalar resolves by YAML 1.1 as Go's library resolves it (`yes` is true, `0400` is 256,
//! `08` and `1_000` are numbers), a mapping key then written as Go writes it.

use std::borrow::Cow;

/// The most scalars [`parse_as_go`] quotes in one text before it gives up and reports the
/// parser's error: every retry parses the text again.
const MAX_REQUOTED: usize = 64;

const UNEXPECTED_COLON: &str = "found unexpected ':'";
const SCALAR_CONTEXT: &str = "while scanning a plain scalar at line ";

/// Runs `parse` on `text`; while it fails on a plain scalar that Go's YAML reads whole (a
/// `:` before a flow indicator), that scalar is written single-quoted (same value, same
/// lines) and `parse` runs again. An error that remains is reported with its line.
pub fn parse_as_go<T>(
    text: &str,
    parse: impl Fn(&str) -> Result<T, serde_yaml::Error>,
) -> Result<T, serde_yaml::Error> {
    let mut error = match parse(text) {
        Ok(value) => return Ok(value),
        Err(e) => e,
    };
    let mut current: Cow<str> = Cow::Borrowed(text);
    for _ in 0..MAX_REQUOTED {
        let Some(requoted) = requote_scalar_at_error(&current, &error.to_string()) else {
            break;
        };
        match parse(&requoted) {
            Ok(value) => return Ok(value),
            Err(e) => error = e,
        }
        current = Cow::Owned(requoted);
    }
    Err(error)
}

/// `text` with the plain scalar that `error` (a libyaml "found unexpected ':'" error)
/// points at written single-quoted, or None when the error is another one.
fn requote_scalar_at_error(text: &str, error: &str) -> Option<String> {
    if !error.starts_with(UNEXPECTED_COLON) {
        return None;
    }
    let context = &error[error.find(SCALAR_CONTEXT)? + SCALAR_CONTEXT.len()..];
    let (line, rest) = context.split_once(" column ")?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let start = byte_offset(text, line.parse().ok()?, column.parse().ok()?)?;
    let end = start + go_flow_plain_scalar_len(&text[start..]);
    let scalar = &text[start..end];
    if !scalar.contains(':') || scalar.starts_with(['\'', '"']) {
        return None;
    }
    let quoted = format!("'{}'", scalar.replace('\'', "''"));
    Some(format!("{}{quoted}{}", &text[..start], &text[end..]))
}

/// The byte offset of 1-based `line` and character `column` in `text`.
fn byte_offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let (within, _) = text[line_start..]
        .char_indices()
        .nth(column.checked_sub(1)?)?;
    Some(line_start + within)
}

/// The length of the one-line plain scalar at the start of `text` inside a flow
/// collection, as Go's YAML scanner ends it: before `: ` (a `:` then a blank or the line's
/// end), a flow indicator (`,` `?` `[` `]` `{` `}`), ` #`, or the line's end; trailing
/// blanks are not part of it.
fn go_flow_plain_scalar_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut end = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let next_is_blank = matches!(bytes.get(i + 1), None | Some(b' ' | b'\t' | b'\r' | b'\n'));
        let ends = match b {
            b'\n' | b'\r' => true,
            b':' => next_is_blank,
            b',' | b'?' | b'[' | b']' | b'{' | b'}' => true,
            b'#' => i > 0 && matches!(bytes[i - 1], b' ' | b'\t'),
            _ => false,
        };
        if ends {
            break;
        }
        if !matches!(b, b' ' | b'\t') {
            end = i + 1;
        }
        i += 1;
    }
    end
}

/// What Go's YAML (v2, YAML 1.1) makes of a plain scalar that YAML 1.2 reads as a string:
/// the booleans `y`/`yes`/`on`/`n`/`no`/`off` (lower, capitalised or upper case), and
/// numbers as Go's `strconv` reads them once `_` are removed (a base prefix `0x`, `0o`,
/// `0b` or a leading `0` for octal; failing that a float, so `08` is 8). None: a string.
/// (Timestamps, which Go turns into RFC 3339 text, are not resolved.)
pub fn resolve_plain(scalar: &str) -> Option<serde_json::Value> {
    use serde_json::Value;
    match scalar {
        "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" => return Some(Value::Bool(true)),
        "n" | "N" | "no" | "No" | "NO" | "off" | "Off" | "OFF" => return Some(Value::Bool(false)),
        _ => {}
    }
    let first = *scalar.as_bytes().first()?;
    if !(first.is_ascii_digit() || first == b'-' || first == b'+') {
        return None;
    }
    let plain = scalar.replace('_', "");
    if let Some(n) = go_parse_int(&plain) {
        return Some(Value::Number(n.into()));
    }
    if let Some(n) = go_parse_uint(&plain) {
        return Some(Value::Number(n.into()));
    }
    if is_yaml_style_float(&plain) {
        let f: f64 = plain.parse().ok()?;
        // Written back (JSON, YAML) as Go writes it: an integral float has no fraction.
        return Some(match f {
            f if f.fract() == 0.0 && f.abs() < 9.0e15 => Value::Number((f as i64).into()),
            f => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        });
    }
    None
}

/// Go's `strconv.ParseInt(text, 0, 64)`: a sign, then a base prefix or decimal digits.
fn go_parse_int(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = go_parse_uint(digits)?;
    if negative {
        0i64.checked_sub_unsigned(magnitude)
    } else {
        i64::try_from(magnitude).ok()
    }
}

/// Go's `strconv.ParseUint(text, 0, 64)`.
fn go_parse_uint(text: &str) -> Option<u64> {
    let lower = text.get(..2).map(str::to_ascii_lowercase);
    let (radix, digits) = match lower.as_deref() {
        Some("0x") => (16, &text[2..]),
        Some("0o") => (8, &text[2..]),
        Some("0b") => (2, &text[2..]),
        _ if text.len() > 1 && text.starts_with('0') => (8, &text[1..]),
        _ => (10, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| (b as char).is_digit(radix)) {
        return None;
    }
    u64::from_str_radix(digits, radix).ok()
}

/// Go's YAML float form: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
fn is_yaml_style_float(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'-' | b'+')));
    let digits = |mut i: usize| {
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        (i, i > start)
    };
    let (after, any) = digits(i);
    i = after;
    if b.get(i) == Some(&b'.') {
        let (after, fraction) = digits(i + 1);
        if !any && !fraction {
            return false;
        }
        i = after;
    } else if !any {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let (after, exponent) = digits(i);
        if !exponent {
            return false;
        }
        i = after;
    }
    i == b.len()
}

/// A mapping key as Go's YAML-to-JSON conversion writes it: a plain key Go resolves to a
/// number or boolean is written back in Go's form (`08` is `8`, `0x10` is `16`, `yes` is
/// `true`); any other key as it is.
pub fn key_text(key: &str) -> std::borrow::Cow<'_, str> {
    use serde_json::Value;
    match resolve_plain(key) {
        Some(Value::Bool(b)) => b.to_string().into(),
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => n.to_string().into(),
        Some(Value::Number(n)) => {
            super::go_text::go_float32(n.as_f64().unwrap_or(0.0) as f32).into()
        }
        _ => key.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::strict_value::from_yaml_str;
    use serde_json::json;

    #[test]
    fn plain_scalars_resolve_as_yaml_1_1_in_go() {
        for (text, value) in [
            ("0400", json!(256)),
            ("08", json!(8)),
            ("0800", json!(800)),
            ("-010", json!(-8)),
            ("1_000", json!(1000)),
            ("0x1F", json!(31)),
            ("0b101", json!(5)),
            ("+5", json!(5)),
            ("09.5", json!(9.5)),
            ("1e3", json!(1000)),
            ("Off", json!(false)),
        ] {
            assert_eq!(resolve_plain(text), Some(value), "{text}");
        }
        for text in ["0x", "1.2.3", "-", "+", "e5", "abc", "1e", "0o9"] {
            assert_eq!(resolve_plain(text), None, "{text}");
        }
        assert_eq!(key_text("08"), "8");
        assert_eq!(key_text("0x10"), "16");
        assert_eq!(key_text("yes"), "true");
        assert_eq!(key_text("1.5"), "1.5");
        assert_eq!(key_text("version"), "version");
    }

    fn go(text: &str) -> serde_json::Value {
        parse_as_go(text, from_yaml_str).unwrap()
    }

    #[test]
    fn a_colon_before_a_flow_indicator_stays_in_the_scalar() {
        assert_eq!(
            go("addresses: [1.2.3.4, 2001:db8::]\n"),
            json!({"addresses": ["1.2.3.4", "2001:db8::"]})
        );
        assert_eq!(
            go("a: [x:, 'y', fe80::, it's:]\nb: {k: v:}\n"),
            json!({"a": ["x:", "y", "fe80::", "it's:"], "b": {"k": "v:"}})
        );
    }

    #[test]
    fn lines_of_later_errors_are_kept() {
        let err = parse_as_go("a: [2001:db8::]\nb: [\n", from_yaml_str).unwrap_err();
        assert!(err.location().unwrap().line() >= 2, "{err}");
    }

    #[test]
    fn other_errors_are_the_parsers_own() {
        let text = "a: b: c\n";
        let ours = parse_as_go(text, from_yaml_str).unwrap_err().to_string();
        assert_eq!(ours, from_yaml_str(text).unwrap_err().to_string());
    }

    #[test]
    fn the_scalar_ends_where_go_ends_it() {
        assert_eq!(go_flow_plain_scalar_len("2001:db8::]"), 10);
        assert_eq!(go_flow_plain_scalar_len("a b:  # c"), 3);
        assert_eq!(go_flow_plain_scalar_len("a:b  # c"), 3);
        assert_eq!(go_flow_plain_scalar_len("k: v"), 1);
        assert_eq!(go_flow_plain_scalar_len("é:,"), 3);
    }
}
