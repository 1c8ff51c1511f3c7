//! Strict YAML/JSON decoding into `serde_json::Value`: a mapping that repeats a key is an
//! error (as Kubernetes' strict decoding and istioctl's YAML-to-JSON conversion report it)
//! instead of silently keeping the last value.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Decodes one document strictly: like `Value::deserialize`, but a repeated mapping key is
/// an error naming the key (the YAML deserializer adds the line).
pub fn deserialize_strict<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
    StrictValue.deserialize(deserializer)
}

/// Parses a single YAML (or JSON) document strictly, as Go's YAML reads it.
pub fn from_yaml_str(text: &str) -> Result<Value, serde_yaml::Error> {
    super::go_yaml::parse_as_go(text, |text| {
        deserialize_strict(serde_yaml::Deserializer::from_str(text))
    })
}

/// Parses every document of a YAML stream strictly, as Go's YAML reads it (null for an
/// empty document).
pub fn documents_from_yaml_str(text: &str) -> Result<Vec<Value>, serde_yaml::Error> {
    super::go_yaml::parse_as_go(text, |text| {
        serde_yaml::Deserializer::from_str(text)
            .map(deserialize_strict)
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

/// The seed that builds a [`Value`] and refuses repeated keys at every depth.
#[derive(Clone, Copy)]
struct StrictValue;

impl<'de> DeserializeSeed<'de> for StrictValue {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue {
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
        while let Some(key) = map.next_key::<String>()? {
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
