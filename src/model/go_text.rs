//! Go's text formatting where skiff must print what Go prints: `strconv.Quote` (and so
//! `%q`) of a string, `%v` of a float64.

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
    let scientific = format!("{f:e}");
    let (mantissa, exp) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if !(-4..6).contains(&exp) {
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{:02}", exp.abs());
    }
    let plain = format!("{f}");
    plain
        .strip_suffix(".0")
        .map(str::to_string)
        .unwrap_or(plain)
}

#[cfg(test)]
mod tests {
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
