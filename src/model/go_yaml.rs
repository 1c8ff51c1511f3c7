//! Reading YAML as Go's YAML library (and so istioctl and Kubernetes) reads it where the
//! libyaml-based parser differs: in a flow collection, a plain scalar may hold a `:` that
//! is followed by a flow indicator (`addresses: [2001:db8::]` is the one-item list
//! `["2001:db8::"]` in Go; libyaml refuses it with "found unexpected ':'").

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::strict_value::from_yaml_str;
    use serde_json::json;

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
