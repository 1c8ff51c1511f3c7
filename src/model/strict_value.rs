//! Strict YAML/JSON decoding into `serde_json::Value`: a mapping that repeats a key is an
//! error (as Kubernetes' strict decoding and istioctl's YAML-to-JSON conversion report it)
//! instead of silently keeping the last value.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Decodes one document of `text` strictly: like `Value::deserialize`, but a repeated
/// mapping key is an error naming the key (the YAML deserializer adds the line), and a
/// plain scalar Go's YAML (1.1) reads as a boolean or number is one, and a mapping key is
/// written as Go writes it (see [`super::go_yaml::resolve_plain`]).
fn deserialize_strict<'de, D: Deserializer<'de>>(
    text: &str,
    deserializer: D,
) -> Result<Value, D::Error> {
    StrictValue { text }.deserialize(deserializer)
}

/// Parses a single YAML (or JSON) document strictly, as Go's YAML reads it.
pub fn from_yaml_str(text: &str) -> Result<Value, serde_yaml::Error> {
    super::go_yaml::parse_as_go(text, |text| {
        deserialize_strict(text, serde_yaml::Deserializer::from_str(text))
    })
}

/// Parses every document of a YAML stream strictly, as Go's YAML reads it (null for an
/// empty document).
pub fn documents_from_yaml_str(text: &str) -> Result<Vec<Value>, serde_yaml::Error> {
    super::go_yaml::parse_as_go(text, |text| {
        serde_yaml::Deserializer::from_str(text)
            .map(|document| deserialize_strict(text, document))
            .collect()
    })
}

/// How a repeated key's error starts; [`describe_error`] finds both of its lines.
const DUPLICATE_KEY: &str = "duplicate mapping key";

/// The line to report for a YAML error in `text` and its one-line message. For a repeated
/// key the YAML library only knows where the mapping starts, so the key's two lines are
/// looked up among the mapping's own keys (same column) and both are named.
pub fn describe_error(text: &str, err: &serde_yaml::Error) -> (usize, String) {
    let full = err.to_string();
    let first = full.lines().next().unwrap_or("").to_string();
    let Some(location) = err.location() else {
        return (1, first);
    };
    let Some(key) = duplicated_key(&first) else {
        return (location.line(), first);
    };
    let prefix = first.split(DUPLICATE_KEY).next().unwrap_or("");
    match key_lines(text, location.line(), location.column(), &key) {
        Some((first_line, second_line)) => (
            second_line,
            format!("{prefix}{DUPLICATE_KEY} {key:?} (lines {first_line} and {second_line})"),
        ),
        None => (location.line(), first),
    }
}

/// The key named in a duplicate-key message.
fn duplicated_key(message: &str) -> Option<String> {
    let rest = message.split(DUPLICATE_KEY).nth(1)?.trim_start();
    let quoted = rest.strip_prefix('"')?;
    let end = quoted.find('"')?;
    Some(quoted[..end].to_string())
}

/// The first two lines, at or after `line`, on which `key:` starts at `column` (1-based):
/// the keys of the block mapping that starts there. None for flow mappings.
fn key_lines(text: &str, line: usize, column: usize, key: &str) -> Option<(usize, usize)> {
    let indent = column.checked_sub(1)?;
    let mut found = Vec::new();
    for (index, content) in text.lines().enumerate().skip(line - 1) {
        let Some(rest) = content.get(indent..) else {
            continue;
        };
        let at_column = content[..indent].chars().all(|c| c == ' ' || c == '-');
        if !at_column {
            continue;
        }
        let unquoted = rest.trim_start_matches(['"', '\'']);
        if unquoted.starts_with(key)
            && unquoted[key.len()..]
                .trim_start_matches(['"', '\''])
                .starts_with(':')
        {
            found.push(index + 1);
            if found.len() == 2 {
                return Some((found[0], found[1]));
            }
        }
    }
    None
}

/// The seed that builds a [`Value`] and refuses repeated keys at every depth. `text` is
/// the text being parsed: a scalar borrowed from it is plain unless a quote precedes it.
#[derive(Clone, Copy)]
struct StrictValue<'t> {
    text: &'t str,
}

impl StrictValue<'_> {
    /// Whether `scalar`, a slice of the parsed text, was written without quotes.
    fn is_plain(&self, scalar: &str) -> bool {
        let start = (scalar.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        if start > self.text.len() {
            return false;
        }
        start == 0 || !matches!(self.text.as_bytes()[start - 1], b'\'' | b'"')
    }
}

impl<'de> DeserializeSeed<'de> for StrictValue<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    // Plain one-line scalars come borrowed from the text (so do quoted ones without
    // escapes); block and multi-line scalars do not, and are never booleans.
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Value, E> {
        let go_value = || super::go_yaml::resolve_plain(v);
        match go_value().filter(|_| self.is_plain(v)) {
            Some(value) => Ok(value),
            None => Ok(Value::String(v.to_string())),
        }
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key_seed(KeySeed { text: self.text })? {
            match out.entry(key) {
                serde_json::map::Entry::Occupied(taken) => {
                    let key = taken.key();
                    return Err(de::Error::custom(format!("{DUPLICATE_KEY} {key:?}")));
                }
                serde_json::map::Entry::Vacant(slot) => {
                    slot.insert(map.next_value_seed(self)?);
                }
            }
        }
        Ok(Value::Object(out))
    }
}

/// A mapping key: text, with a plain key Go resolves to a number or boolean written as Go
/// writes it.
#[derive(Clone, Copy)]
struct KeySeed<'t> {
    text: &'t str,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping key")
    }

    fn visit_str<E>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<String, E> {
        if (StrictValue { text: self.text }).is_plain(v) {
            Ok(super::go_yaml::key_text(v).into_owned())
        } else {
            Ok(v.to_string())
        }
    }

    fn visit_string<E>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_decode_as_serde_json_decodes_them() {
        let text = "a: 1\nb: [x, 2.5, true, null, -3]\nc: {d: e}\n";
        let strict = from_yaml_str(text).unwrap();
        let plain: Value = serde_yaml::from_str(text).unwrap();
        assert_eq!(strict, plain);
    }

    #[test]
    fn plain_yaml_1_1_booleans_are_booleans_as_go_reads_them() {
        let text =
            "a: yes\nb: Off\nc: 'yes'\nd: \"on\"\ne: [y, N, yesno]\nf: |\n  no\ng: {h: ON}\n";
        let value = from_yaml_str(text).unwrap();
        let expected = serde_json::json!({
            "a": true, "b": false, "c": "yes", "d": "on",
            "e": [true, false, "yesno"], "f": "no\n", "g": {"h": true}
        });
        assert_eq!(value, expected);
        let octal =
            from_yaml_str("a: 0400\nb: '0400'\nc: 0\nd: 0800\ne: -010\n08: x\n'09': y\n").unwrap();
        let expected = serde_json::json!({"a": 256, "b": "0400", "c": 0, "d": 800, "e": -8, "8": "x", "09": true});
        assert_eq!(octal, expected);
        let documents = documents_from_yaml_str("x: no\n---\nx: 'no'\n").unwrap();
        assert_eq!(
            documents,
            vec![
                serde_json::json!({"x": false}),
                serde_json::json!({"x": "no"})
            ]
        );
    }

    #[test]
    fn a_repeated_key_is_an_error_with_its_line() {
        let text = "metadata:\n  name: a\n  name: b\n";
        let err = from_yaml_str(text).unwrap_err();
        let (line, message) = describe_error(text, &err);
        assert_eq!(line, 3, "{message}");
        assert_eq!(
            message,
            "metadata: duplicate mapping key \"name\" (lines 2 and 3)"
        );
    }

    #[test]
    fn a_repeated_key_in_a_list_item_or_flow_mapping_is_found() {
        let text = "spec:\n  hosts: [a]\n  http:\n  - name: r\n    route: []\n    name: s\n";
        let (line, message) = describe_error(text, &from_yaml_str(text).unwrap_err());
        assert_eq!(
            (line, message.contains("lines 4 and 6")),
            (6, true),
            "{message}"
        );
        let text = "a: {b: 1, b: 2}\n";
        let (line, message) = describe_error(text, &from_yaml_str(text).unwrap_err());
        assert_eq!(line, 1, "{message}");
        assert!(message.contains("duplicate mapping key \"b\""), "{message}");
    }

    #[test]
    fn the_same_key_in_sibling_mappings_is_fine() {
        assert!(from_yaml_str("- name: a\n- name: b\n").is_ok());
    }
}
