//! A fast YAML writer for JSON values whose output is byte-identical to serde_yaml's,
//! except that YAML 1.1 booleans (`yes`, `on`, `n`, ...) are quoted, as Go writes them.
//! Names, images and other plain words are written directly; any scalar whose YAML form
//! needs analysis (quoting, escapes, floats) is written by serde_yaml itself, and a
//! document with a multi-line string or a key libyaml would write in the complex form is
//! handed to serde_yaml whole. kube-inject writes several times its input, so this is
//! where its time goes.

use serde_json::{Map, Value};

/// The YAML text of `value` (ending in a newline), as `serde_yaml::to_string` writes it.
pub fn to_string(value: &Value) -> String {
    let mut out = String::new();
    push(&mut out, value);
    out
}

/// The YAML text of `value` as Go's YAML encoder (Helm's `toYaml`) writes it: the same
/// layout, but strings that need quoting are double-quoted (`"true"`, not `'true'`).
pub fn to_go_string(value: &Value) -> String {
    GO_QUOTES.set(true);
    let text = to_string(value);
    GO_QUOTES.set(false);
    text
}

thread_local! {
    /// Set while `to_go_string` writes: quoted scalars use Go's double quotes.
    static GO_QUOTES: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A single-quoted YAML scalar (`'it''s'`) rewritten in double quotes (`"it's"`), with
/// the escapes a double-quoted scalar needs.
fn double_quoted(single: &str) -> Option<String> {
    let inner = single
        .strip_prefix('\'')?
        .strip_suffix('\'')?
        .replace("''", "'");
    let mut out = String::with_capacity(inner.len() + 2);
    out.push('"');
    for c in inner.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\x{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    Some(out)
}

/// Appends the YAML text of `value` to `out`.
pub fn push(out: &mut String, value: &Value) {
    let start = out.len();
    let written = match value {
        Value::Object(map) if !map.is_empty() => write_map(out, map, 0),
        Value::Array(items) if !items.is_empty() => write_seq(out, items, 0),
        _ => Err(Unhandled),
    };
    if written.is_err() {
        out.truncate(start);
        out.push_str(&serde_yaml::to_string(value).unwrap_or_default());
    }
}

/// Something only serde_yaml writes right (the document is written by it instead).
struct Unhandled;

type Written = Result<(), Unhandled>;

/// The longest key libyaml writes as a simple `key:` (longer ones use `? key`).
const MAX_SIMPLE_KEY: usize = 128;

fn indent(out: &mut String, n: usize) {
    const SPACES: &str = "                                                                ";
    let mut left = n;
    while left > 0 {
        let step = left.min(SPACES.len());
        out.push_str(&SPACES[..step]);
        left -= step;
    }
}

fn write_map(out: &mut String, map: &Map<String, Value>, level: usize) -> Written {
    let mut first = true;
    for (key, value) in map {
        if !first {
            indent(out, level);
        }
        first = false;
        // libyaml writes long or multi-line keys as `? key`.
        if key.len() > MAX_SIMPLE_KEY || key.contains(['\r', '\u{85}', '\u{2028}', '\u{2029}']) {
            return Err(Unhandled);
        }
        write_str(out, key)?;
        out.push(':');
        match value {
            Value::Object(m) if !m.is_empty() => {
                out.push('\n');
                indent(out, level + 2);
                write_map(out, m, level + 2)?;
            }
            // libyaml does not indent a sequence under a mapping key.
            Value::Array(items) if !items.is_empty() => {
                out.push('\n');
                indent(out, level);
                write_seq(out, items, level)?;
            }
            scalar => {
                out.push(' ');
                write_scalar(out, scalar, level)?;
                out.push('\n');
            }
        }
    }
    Ok(())
}

fn write_seq(out: &mut String, items: &[Value], level: usize) -> Written {
    let mut first = true;
    for item in items {
        if !first {
            indent(out, level);
        }
        first = false;
        out.push_str("- ");
        match item {
            Value::Object(m) if !m.is_empty() => write_map(out, m, level + 2)?,
            Value::Array(inner) if !inner.is_empty() => write_seq(out, inner, level + 2)?,
            scalar => {
                write_scalar(out, scalar, level)?;
                out.push('\n');
            }
        }
    }
    Ok(())
}

/// A scalar value of a node at indentation `level` (a multi-line string's lines are
/// indented below it).
fn write_scalar(out: &mut String, value: &Value, level: usize) -> Written {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) if n.is_i64() || n.is_u64() => out.push_str(&n.to_string()),
        Value::String(s) if s.contains('\n') => write_block(out, s, level)?,
        Value::String(s) => write_str(out, s)?,
        Value::Object(_) => out.push_str("{}"),
        Value::Array(_) => out.push_str("[]"),
        other => write_by_serde_yaml(out, other)?,
    }
    Ok(())
}

fn write_str(out: &mut String, s: &str) -> Written {
    if is_plain_word(s) {
        out.push_str(s);
        Ok(())
    } else if is_yaml11_bool(s) {
        // serde_yaml writes these plain (YAML 1.2 strings), but Go's YAML reader (kubectl,
        // istiod) takes them as booleans; Go's encoder quotes them, and so does skiff.
        let quote = if GO_QUOTES.get() { '"' } else { '\'' };
        out.push(quote);
        out.push_str(s);
        out.push(quote);
        Ok(())
    } else if s.contains('\n') {
        Err(Unhandled)
    } else {
        let start = out.len();
        write_str_by_serde_yaml(out, s)?;
        if GO_QUOTES.get() && out[start..].starts_with('\'') {
            let quoted = double_quoted(&out[start..]).ok_or(Unhandled)?;
            out.truncate(start);
            out.push_str(&quoted);
        }
        Ok(())
    }
}

/// A scalar as serde_yaml writes it as a mapping value (always one line here).
/// Injected pods repeat the same few values, so their texts are remembered.
fn write_by_serde_yaml(out: &mut String, value: &Value) -> Written {
    let text = serde_yaml_value_text(value)?;
    let scalar = text
        .strip_suffix('\n')
        .filter(|t| !t.contains('\n'))
        .ok_or(Unhandled)?;
    out.push_str(scalar);
    Ok(())
}

/// `write_by_serde_yaml` for a string. Injected pods repeat the same few strings, so
/// their texts are remembered.
fn write_str_by_serde_yaml(out: &mut String, s: &str) -> Written {
    thread_local! {
        static KNOWN: std::cell::RefCell<std::collections::HashMap<String, String>> =
            Default::default();
    }
    const MAX_KNOWN: usize = 4096;
    if KNOWN.with_borrow(|k| k.get(s).map(|t| out.push_str(t)).is_some()) {
        return Ok(());
    }
    let start = out.len();
    write_by_serde_yaml(out, &Value::String(s.to_string()))?;
    KNOWN.with_borrow_mut(|k| {
        if k.len() < MAX_KNOWN {
            k.insert(s.to_string(), out[start..].to_string());
        }
    });
    Ok(())
}

/// A multi-line string as serde_yaml writes it (a `|` block, or one quoted line), its
/// block lines re-indented below a node at `level`.
fn write_block(out: &mut String, s: &str, level: usize) -> Written {
    let text = serde_yaml_value_text(&Value::String(s.to_string()))?;
    let mut lines = text.strip_suffix('\n').ok_or(Unhandled)?.split('\n');
    out.push_str(lines.next().ok_or(Unhandled)?);
    for line in lines {
        out.push('\n');
        if !line.is_empty() {
            // serde_yaml indented the block two spaces below the probe's key.
            indent(out, level + 2);
            out.push_str(line.strip_prefix("  ").ok_or(Unhandled)?);
        }
    }
    Ok(())
}

/// What follows `k: ` when serde_yaml writes `{k: value}`.
fn serde_yaml_value_text(value: &Value) -> Result<String, Unhandled> {
    let mut probe = Map::new();
    probe.insert("k".to_string(), value.clone());
    let text = serde_yaml::to_string(&probe).map_err(|_| Unhandled)?;
    text.strip_prefix("k: ")
        .map(str::to_string)
        .ok_or(Unhandled)
}

/// Words YAML (1.1 or 1.2) could read as something other than a string.
const SPECIAL_WORDS: &[&str] = &[
    "true", "false", "yes", "no", "on", "off", "y", "n", "null", "inf", "infinity", "nan",
];

/// A word YAML 1.1 (Go's YAML library) reads as a boolean and YAML 1.2 as a string.
fn is_yaml11_bool(s: &str) -> bool {
    matches!(
        s,
        "y" | "Y"
            | "yes"
            | "Yes"
            | "YES"
            | "n"
            | "N"
            | "no"
            | "No"
            | "NO"
            | "on"
            | "On"
            | "ON"
            | "off"
            | "Off"
            | "OFF"
    )
}

/// A string every YAML reader takes as that string when written plain: starts with a
/// letter, `_`, `/`, `$`, or a `-` before a letter or `-` (command-line flags), then
/// letters, digits and `_ . / - = $ ( )`, or a `:` with a word character after it; not a
/// special word.
fn is_plain_word(s: &str) -> bool {
    let bytes = s.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    let starts_well = first.is_ascii_alphabetic()
        || matches!(first, b'_' | b'/' | b'$')
        || (first == b'-' && matches!(bytes.get(1), Some(b) if b.is_ascii_alphabetic())
            || bytes.starts_with(b"--")
                && matches!(bytes.get(2), Some(b) if b.is_ascii_alphabetic()));
    if !starts_well {
        return false;
    }
    for (i, &b) in bytes.iter().enumerate() {
        let ok = b.is_ascii_alphanumeric()
            || matches!(b, b'_' | b'.' | b'/' | b'-' | b'=' | b'$' | b'(' | b')')
            || (b == b':'
                && bytes
                    .get(i + 1)
                    .is_some_and(|n| n.is_ascii_alphanumeric() || *n == b'/'));
        if !ok {
            return false;
        }
    }
    !(s.len() <= 8 && SPECIAL_WORDS.iter().any(|w| w.eq_ignore_ascii_case(s)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn same_as_serde_yaml(v: &Value) {
        assert_eq!(to_string(v), serde_yaml::to_string(v).unwrap(), "for {v}");
    }

    #[test]
    fn nested_structures_match_serde_yaml() {
        same_as_serde_yaml(&json!({
            "a": {"b": [1, "x", {"k": "v", "k2": [1, 2], "e": {}}, [3, [4, 5]], [], {}]},
            "nil": null, "t": true, "f": 1.5, "neg": -3, "big": 18446744073709551615u64,
            "empty": {}, "list": [], "s": [[{"a": [{"b": 1}]}]]
        }));
        same_as_serde_yaml(&json!([{"a": 1}, [1], "x"]));
        same_as_serde_yaml(&json!({}));
        same_as_serde_yaml(&json!("scalar"));
    }

    #[test]
    fn yaml11_booleans_are_quoted_as_go_quotes_them() {
        let v = json!({"yes": "on", "labels": ["n", "Off", "no-ops", "yess"]});
        assert_eq!(
            to_string(&v),
            "yes': 'on'\nlabels:\n- 'n'\n- 'Off'\n- no-ops\n- yess\n".replacen("yes'", "'yes'", 1)
        );
        assert_eq!(to_go_string(&json!({"Y": "ON"})), "\"Y\": \"ON\"\n");
        let back: Value = serde_yaml::from_str(&to_string(&v)).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn strings_match_serde_yaml() {
        let strings = [
            "plain",
            "a-b.c/d_e",
            "docker.io/istio/proxyv2:1.30.3",
            "a:b",
            "a:",
            ":a",
            "a: b",
            "true",
            "True",
            "null",
            "Null",
            "~",
            "inf",
            ".inf",
            "nan",
            "NaN",
            "1",
            "1.0",
            "1e3",
            "0x1F",
            "0o17",
            "2020-01-01",
            "-x",
            "- x",
            "a #b",
            "a#b",
            "#a",
            "it's",
            "\"x\"",
            "*a",
            "&a",
            "!a",
            "%a",
            "@a",
            "`a",
            "|a",
            ">a",
            "{a",
            "[a",
            "a,b",
            "?a",
            "? a",
            "",
            " ",
            " x",
            "x ",
            "a  b",
            "a\tb",
            "héllo",
            "a\u{1}b",
            "/app-health/x/livez",
            "_x",
            "a:/b",
            "a::b",
            "12:30",
            "a=b",
            "$x",
            "---",
            "...",
            "<<",
            "=",
            "a\u{85}b",
            "\u{feff}a",
            "x\u{2028}y",
            "'",
            "\\",
            "http://x:8080/path?q=1",
            "{\"a\":1}",
            "[]",
            "{}",
        ];
        for s in strings {
            same_as_serde_yaml(&json!({ s: s, "seq": [s] }));
        }
    }

    #[test]
    fn multi_line_strings_match_serde_yaml() {
        for s in [
            "l1\nl2\n",
            "l1\nl2",
            "\n",
            "a\n\nb",
            " lead\nx",
            "x\n\n",
            "trail \nx",
            "[\n    {\"a\":1}\n]",
            "a\tb\nc",
            "é\nx\n\n\n",
        ] {
            same_as_serde_yaml(&json!({"a": {"m": s, "s": [s, [s]], "o": [{"k": s}]}}));
        }
    }

    #[test]
    fn documents_with_long_keys_are_written_by_serde_yaml() {
        same_as_serde_yaml(&json!({"a\nb": 1}));
        same_as_serde_yaml(&json!({ "k".repeat(200): 1 }));
        same_as_serde_yaml(&json!({ "k".repeat(128): 1 }));
    }

    #[test]
    fn generated_strings_match_serde_yaml() {
        let alphabet: Vec<char> = "a1:- .#'\"\n\tTé/_~*?!{0ex+N\u{85}%@`|>,[&=\\yo$()"
            .chars()
            .collect();
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..50_000 {
            let len = (next() % 7) as usize;
            let s: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            if is_yaml11_bool(&s) {
                continue; // quoted on purpose (yaml11_booleans_are_quoted_as_go_quotes_them)
            }
            same_as_serde_yaml(&json!({ s.clone(): [s.clone(), {"k": s}] }));
        }
    }
}
