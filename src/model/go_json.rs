//! Go's `encoding/json` where Istio's decoding meets it: the JSON text Go writes for a
//! YAML value (`json.Marshal`), and the error `json.Unmarshal` gives for a text read into a
//! scalar Go type (the messages `istioctl validate` prints for a bad number or map key).

use serde_json::{Number, Value};

use super::proto::Scalar;

/// Go's `json.Marshal` of a string: `"`, `\` and control characters escaped, and the
/// HTML-sensitive `<`, `>`, `&` (and U+2028/U+2029) as `\u00XX`.
pub fn string_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Go's `json.Marshal` of a number as YAML decoding leaves it: an integer in decimal, a
/// float64 in the shortest form (`1.5`, `100`, `1e+21`, `1e-7`).
pub fn number_text(n: &Number) -> String {
    if n.is_i64() || n.is_u64() {
        return n.to_string();
    }
    let f = n.as_f64().unwrap_or(0.0);
    let abs = f.abs();
    if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
        // Go's 'e' format, with a two-digit exponent cleaned to one (`1e-07` -> `1e-7`).
        let text = format!("{f:e}");
        let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{}", exp.abs());
    }
    let text = format!("{f}");
    text.strip_suffix(".0").map(str::to_string).unwrap_or(text)
}

/// The JSON text Go writes for a value (objects and arrays are not needed here: only
/// their kind is).
pub fn scalar_text(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number_text(n),
        Value::String(s) => string_text(s),
        Value::Array(_) => "[]".into(),
        Value::Object(_) => "{}".into(),
    }
}

/// The kind of JSON value, as Go's `UnmarshalTypeError` names it.
pub fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The error of Go's `json.Unmarshal(text, &x)` for `x` of the scalar's Go type, None when
/// it reads. A syntax error comes first, as Go checks the whole text before decoding.
pub fn unmarshal_error(text: &str, into: Scalar) -> Option<String> {
    unmarshal_error_as(text, into, into.go_type())
}

/// [`unmarshal_error`] into a Go type defined on the scalar's (`protoreflect.EnumNumber`
/// is an int32), named `go`.
pub fn unmarshal_error_as(text: &str, into: Scalar, go: &str) -> Option<String> {
    let start = match syntax_error(text.as_bytes()) {
        Ok(start) => start,
        Err(why) => return Some(why),
    };
    let mismatch = |kind: &str| {
        Some(format!(
            "json: cannot unmarshal {kind} into Go value of type {go}"
        ))
    };
    let number = |t: &str| {
        Some(format!(
            "json: cannot unmarshal number {t} into Go value of type {go}"
        ))
    };
    let literal = text.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r'));
    match start {
        ValueStart::Null => None,
        ValueStart::Literal if into == Scalar::Bool => None,
        ValueStart::Literal => mismatch("bool"),
        ValueStart::String if matches!(into, Scalar::String | Scalar::Bytes) => None,
        ValueStart::String => mismatch("string"),
        ValueStart::Object => mismatch("object"),
        ValueStart::Array => mismatch("array"),
        ValueStart::Number => {
            let fits = match into {
                Scalar::Int32 => literal.parse::<i32>().is_ok(),
                Scalar::Int64 => literal.parse::<i64>().is_ok(),
                Scalar::Uint32 => literal.parse::<u32>().is_ok(),
                Scalar::Uint64 => literal.parse::<u64>().is_ok(),
                Scalar::Double => literal.parse::<f64>().is_ok_and(f64::is_finite),
                Scalar::Float => literal
                    .parse::<f64>()
                    .is_ok_and(|f| f.is_finite() && f.abs() <= f64::from(f32::MAX)),
                Scalar::Bool | Scalar::String | Scalar::Bytes => {
                    return mismatch("number");
                }
            };
            (!fits).then(|| number(literal)).flatten()
        }
    }
}

/// Where Go's standard, padded base64 decoding (`json.Unmarshal` into `[]byte`) finds a
/// string illegal: the input byte its `CorruptInputError` names. Line breaks are skipped.
pub fn base64_error(text: &str) -> Option<usize> {
    let src = text.as_bytes();
    let is_break = |c: u8| c == b'\n' || c == b'\r';
    let skip_breaks = |mut i: usize| {
        while src.get(i).copied().is_some_and(is_break) {
            i += 1;
        }
        i
    };
    let mut i = 0;
    loop {
        // One quantum of four characters.
        let mut j = 0;
        while j < 4 {
            let Some(&c) = src.get(i) else {
                return match j {
                    0 => None,
                    _ => Some(i - j),
                };
            };
            i += 1;
            if c.is_ascii_alphanumeric() || c == b'+' || c == b'/' {
                j += 1;
                continue;
            }
            if is_break(c) {
                continue;
            }
            if c != b'=' || j < 2 {
                return Some(i - 1);
            }
            if j == 2 {
                // "==" expected; the first is read.
                i = skip_breaks(i);
                match src.get(i) {
                    None => return Some(src.len()),
                    Some(&b'=') => i += 1,
                    Some(_) => return Some(i - 1),
                }
            }
            i = skip_breaks(i);
            return (i < src.len()).then_some(i);
        }
    }
}

/// What a syntactically valid JSON text holds at its top level.
#[derive(Clone, Copy, PartialEq, Debug)]
enum ValueStart {
    Null,
    Literal,
    Number,
    String,
    Object,
    Array,
}

/// Go's JSON scanner over a whole text: Err with its message when the text is not one
/// JSON value, else what the value is.
fn syntax_error(text: &[u8]) -> Result<ValueStart, String> {
    let mut i = skip_space(text, 0);
    let Some(&first) = text.get(i) else {
        return Err(END.into());
    };
    let start = match first {
        b'n' => {
            i = literal(text, i, "null")?;
            ValueStart::Null
        }
        b't' => {
            i = literal(text, i, "true")?;
            ValueStart::Literal
        }
        b'f' => {
            i = literal(text, i, "false")?;
            ValueStart::Literal
        }
        b'-' | b'0'..=b'9' => {
            i = number(text, i)?;
            ValueStart::Number
        }
        b'"' | b'{' | b'[' => {
            // Composite texts: serde's reading stands in for Go's scanner (only whether
            // they read matters here; the character Go names may differ).
            let rest = std::str::from_utf8(&text[i..]).map_err(|_| END.to_string())?;
            return match serde_json::from_str::<Value>(rest) {
                Ok(Value::String(_)) => Ok(ValueStart::String),
                Ok(Value::Object(_)) => Ok(ValueStart::Object),
                Ok(_) => Ok(ValueStart::Array),
                Err(_) => Err(END.into()),
            };
        }
        other => {
            return Err(format!(
                "invalid character {} looking for beginning of value",
                quote_char(other)
            ))
        }
    };
    let end = skip_space(text, i);
    match text.get(end) {
        None => Ok(start),
        Some(&c) => Err(format!(
            "invalid character {} after top-level value",
            quote_char(c)
        )),
    }
}

const END: &str = "unexpected end of JSON input";

fn skip_space(text: &[u8], mut i: usize) -> usize {
    while text
        .get(i)
        .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    {
        i += 1;
    }
    i
}

fn literal(text: &[u8], i: usize, word: &str) -> Result<usize, String> {
    for (k, expected) in word.bytes().enumerate().skip(1) {
        match text.get(i + k) {
            None => return Err(END.into()),
            Some(&c) if c != expected => {
                return Err(format!(
                    "invalid character {} in literal {word} (expecting {})",
                    quote_char(c),
                    quote_char(expected)
                ))
            }
            Some(_) => {}
        }
    }
    Ok(i + word.len())
}

/// Scans a JSON number from `i`; the index after it.
fn number(text: &[u8], mut i: usize) -> Result<usize, String> {
    let at = |i: usize| text.get(i).copied();
    let digits = |mut i: usize| {
        while at(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        i
    };
    if at(i) == Some(b'-') {
        i += 1;
        match at(i) {
            None => return Err(END.into()),
            Some(c) if !c.is_ascii_digit() => {
                return Err(format!(
                    "invalid character {} in numeric literal",
                    quote_char(c)
                ))
            }
            _ => {}
        }
    }
    // A leading 0 is a whole integer part.
    i = if at(i) == Some(b'0') {
        i + 1
    } else {
        digits(i)
    };
    if at(i) == Some(b'.') {
        i += 1;
        match at(i) {
            None => return Err(END.into()),
            Some(c) if !c.is_ascii_digit() => {
                return Err(format!(
                    "invalid character {} after decimal point in numeric literal",
                    quote_char(c)
                ))
            }
            _ => i = digits(i),
        }
    }
    if matches!(at(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(at(i), Some(b'+' | b'-')) {
            i += 1;
        }
        match at(i) {
            None => return Err(END.into()),
            Some(c) if !c.is_ascii_digit() => {
                return Err(format!(
                    "invalid character {} in exponent of numeric literal",
                    quote_char(c)
                ))
            }
            _ => i = digits(i),
        }
    }
    Ok(i)
}

/// Go's `quoteChar`: a byte in single quotes (`'\''` and `'"'` escaped as Go escapes them).
fn quote_char(c: u8) -> String {
    match c {
        b'\'' => "'\\''".into(),
        b'"' => "'\"'".into(),
        c => format!("'{}'", char::from(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_go_writes_them() {
        let n = |v: Value| match v {
            Value::Number(n) => number_text(&n),
            _ => unreachable!(),
        };
        assert_eq!(n(serde_json::json!(1.5)), "1.5");
        assert_eq!(n(serde_json::json!(100.0)), "100");
        assert_eq!(n(serde_json::json!(-1)), "-1");
        assert_eq!(n(serde_json::json!(1e21)), "1e+21");
        assert_eq!(n(serde_json::json!(1e-7)), "1e-7");
    }

    #[test]
    fn base64_errors_name_goes_byte() {
        for (text, at) in [
            ("abc", Some(0)),
            ("ab!c", Some(2)),
            ("YWJj", None),
            ("YWJ=", None),
            ("YW==", None),
            ("Y===", Some(1)),
            ("YWJjZA", Some(4)),
            ("YW Jj", Some(2)),
            ("YWJj\nZGVm", None),
            ("=abc", Some(0)),
            ("YWJjZA=x", Some(6)),
            ("", None),
        ] {
            assert_eq!(base64_error(text), at, "{text:?}");
        }
    }

    #[test]
    fn strings_escape_html() {
        assert_eq!(string_text("a<b\u{e9}\""), "\"a\\u003cb\u{e9}\\\"\"");
    }

    #[test]
    fn unmarshal_errors_are_gos() {
        let u = |t: &str| unmarshal_error(t, Scalar::Uint32);
        assert_eq!(u("8080"), None);
        assert_eq!(u(" 8 "), None);
        assert_eq!(u("null"), None);
        assert_eq!(
            u("version").unwrap(),
            "invalid character 'v' looking for beginning of value"
        );
        assert_eq!(
            u("08").unwrap(),
            "invalid character '8' after top-level value"
        );
        assert_eq!(
            u("-1").unwrap(),
            "json: cannot unmarshal number -1 into Go value of type uint32"
        );
        assert_eq!(
            u("1.5").unwrap(),
            "json: cannot unmarshal number 1.5 into Go value of type uint32"
        );
        assert_eq!(u("").unwrap(), "unexpected end of JSON input");
        assert_eq!(u("-x").unwrap(), "invalid character 'x' in numeric literal");
        assert_eq!(
            u("1.x").unwrap(),
            "invalid character 'x' after decimal point in numeric literal"
        );
        assert_eq!(
            u("true").unwrap(),
            "json: cannot unmarshal bool into Go value of type uint32"
        );
        assert_eq!(
            u("trux").unwrap(),
            "invalid character 'x' in literal true (expecting 'e')"
        );
    }
}
