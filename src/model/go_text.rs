//! Go's text formatting where skiff must print what Go prints: `strconv.Quote` (and so
//! `%q`) of a string, `%v` of a float64; and Go's reading of a duration.

/// Go's `strconv.Quote`: double quotes, `\"` and `\\`, `\n`/`\t`/`\r`, other control
/// characters as `\xNN`; printable characters as they are.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Go's `%v` of a float64: the shortest digits that read back the same, in exponent form
/// when the exponent is below -4 or at least 6 (`1e+06`, `4.294967295e+09`, `123456.5`).
pub fn go_float(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "+Inf" } else { "-Inf" }.into();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0" } else { "0" }.into();
    }
    shortest_g(&format!("{f:e}"), format!("{f}"))
}

/// Go's `strconv.FormatFloat(f, 'g', -1, 32)`: as [`go_float`], with a float32's digits.
pub fn go_float32(f: f32) -> String {
    shortest_g(&format!("{f:e}"), format!("{f}"))
}

/// Go's shortest `'g'` form from Rust's shortest scientific and plain texts of one value:
/// exponent form when the exponent is below -4 or at least 6.
fn shortest_g(scientific: &str, plain: String) -> String {
    let (mantissa, exp) = scientific.split_once('e').unwrap_or((scientific, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if !(-4..6).contains(&exp) {
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{:02}", exp.abs());
    }
    plain
        .strip_suffix(".0")
        .map(str::to_string)
        .unwrap_or(plain)
}

/// A duration as Go's `time.ParseDuration` reads it ("1h2m3.5s", "300ms", "-1.5us"), in
/// nanoseconds; None when it does not parse or overflows.
pub fn go_duration_nanos(text: &str) -> Option<i64> {
    parse_go_duration(text).ok()
}

/// Why Go's `time.ParseDuration` refuses `text`, in its words
/// (`time: missing unit in duration "10"`); None when it parses.
pub fn go_duration_error(text: &str) -> Option<String> {
    let quoted = go_quote(text);
    parse_go_duration(text).err().map(|problem| match problem {
        DurationProblem::Invalid => format!("time: invalid duration {quoted}"),
        DurationProblem::MissingUnit => format!("time: missing unit in duration {quoted}"),
        DurationProblem::UnknownUnit(unit) => {
            format!(
                "time: unknown unit {} in duration {quoted}",
                go_quote(&unit)
            )
        }
    })
}

/// How a duration text fails Go's parser.
enum DurationProblem {
    Invalid,
    MissingUnit,
    UnknownUnit(String),
}

/// A string quoted as Go's time package quotes it in errors: `"` and `\` escaped, bytes
/// outside printable ASCII as `\xNN`.
fn go_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c.is_ascii() && c >= ' ' && c != '\u{7f}' {
            if c == '"' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        } else {
            let mut bytes = [0u8; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
    }
    out.push('"');
    out
}

fn parse_go_duration(text: &str) -> Result<i64, DurationProblem> {
    use DurationProblem::Invalid;
    let (negative, mut rest) = match text.as_bytes().first().ok_or(Invalid)? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    if rest == "0" {
        return Ok(0);
    }
    if rest.is_empty() {
        return Err(Invalid);
    }
    let mut total: u128 = 0;
    while !rest.is_empty() {
        let whole_len = rest.bytes().take_while(u8::is_ascii_digit).count();
        let whole = &rest[..whole_len];
        rest = &rest[whole_len..];
        let mut fraction = "";
        if let Some(after) = rest.strip_prefix('.') {
            let len = after.bytes().take_while(u8::is_ascii_digit).count();
            fraction = &after[..len];
            rest = &after[len..];
        }
        if whole.is_empty() && fraction.is_empty() {
            return Err(Invalid);
        }
        let unit_len = rest
            .find(|c: char| c == '.' || c.is_ascii_digit())
            .unwrap_or(rest.len());
        let scale: u128 = match &rest[..unit_len] {
            "" => return Err(DurationProblem::MissingUnit),
            "ns" => 1,
            "us" | "µs" | "μs" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            unit => return Err(DurationProblem::UnknownUnit(unit.to_string())),
        };
        rest = &rest[unit_len..];
        let whole: u128 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| Invalid)?
        };
        let mut part = whole.checked_mul(scale).ok_or(Invalid)?;
        let mut unit = scale;
        for digit in fraction.bytes().take(30) {
            unit /= 10;
            part += u128::from(digit - b'0') * unit;
        }
        total = total.checked_add(part).ok_or(Invalid)?;
        if total > i64::MAX as u128 + u128::from(negative) {
            return Err(Invalid);
        }
    }
    let signed = i128::try_from(total).map_err(|_| Invalid)?;
    i64::try_from(if negative { -signed } else { signed }).map_err(|_| Invalid)
}

#[cfg(test)]
mod tests {
    use super::{go_duration_error, go_duration_nanos};

    #[test]
    fn duration_errors_are_worded_as_go_words_them() {
        assert_eq!(go_duration_error("1s"), None);
        assert_eq!(
            go_duration_error("10").unwrap(),
            r#"time: missing unit in duration "10""#
        );
        assert_eq!(
            go_duration_error("bad").unwrap(),
            r#"time: invalid duration "bad""#
        );
        assert_eq!(
            go_duration_error("").unwrap(),
            r#"time: invalid duration """#
        );
        assert_eq!(
            go_duration_error("5x").unwrap(),
            r#"time: unknown unit "x" in duration "5x""#
        );
        assert_eq!(
            go_duration_error("1é").unwrap(),
            r#"time: unknown unit "\xc3\xa9" in duration "1\xc3\xa9""#
        );
    }

    #[test]
    fn durations_parse_as_go_parses_them() {
        assert_eq!(go_duration_nanos("1ms"), Some(1_000_000));
        assert_eq!(go_duration_nanos("1h2m3.5s"), Some(3_723_500_000_000));
        assert_eq!(go_duration_nanos("-1.5us"), Some(-1500));
        assert_eq!(go_duration_nanos("0"), Some(0));
        for bad in ["", "1", "5x", "1.s5", ".s", "3000000h"] {
            assert_eq!(go_duration_nanos(bad), None, "{bad}");
        }
    }

    #[test]
    fn floats_print_as_go_prints_them() {
        for (f, want) in [
            (1e6, "1e+06"),
            (4294967295.0, "4.294967295e+09"),
            (123456.5, "123456.5"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (100.0, "100"),
            (-2.5, "-2.5"),
        ] {
            assert_eq!(super::go_float(f), want);
        }
    }

    #[test]
    fn quotes_as_go_does() {
        assert_eq!(super::quote("a\"b\\c\n\u{1}é"), "\"a\\\"b\\\\c\\n\\x01é\"");
    }
}
