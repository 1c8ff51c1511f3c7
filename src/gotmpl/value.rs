//! The values a template works on, with the part of Go's typing that templates can see:
//! struct fields, `map[string]string` (a missing key is `""`) and `map[string]any` (a
//! missing key is nil, printed `<no value>`), and Go's `%v` printing of each.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::{Map, Value};

/// How a mapping behaves like the Go type it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapKind {
    /// A Go struct: fields by Go name (or JSON name); printed and ranged in field order.
    Struct,
    /// `map[string]string`: a missing key reads as `""`.
    Strings,
    /// `map[string]any`: a missing key reads as nil.
    Any,
}

#[derive(Debug, Clone)]
pub enum Val {
    /// A nil interface: `<no value>` when printed.
    Nil,
    /// The zero value of a struct field the data leaves out: prints as `""`.
    Zero,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    List(Rc<Vec<Val>>),
    /// Shared and mutable, as a Go map is: Sprig's `set` changes it in place.
    Map(Entries, MapKind),
}

/// A mapping's entries, in insertion order.
pub type Entries = Rc<RefCell<Vec<(String, Val)>>>;

/// Values nested deeper than this print and encode as null: `set $m "self" $m` makes a
/// map that contains itself.
const MAX_NESTING: usize = 256;

impl Val {
    pub fn str(s: impl Into<Rc<str>>) -> Val {
        Val::Str(s.into())
    }

    pub fn map(entries: Vec<(String, Val)>, kind: MapKind) -> Val {
        Val::Map(Rc::new(RefCell::new(entries)), kind)
    }

    /// Converts JSON data: objects become `kind` mappings, except the fields named in
    /// `string_maps`, which are `map[string]string` (labels, annotations, ...).
    pub fn from_json(value: &Value, kind: MapKind, string_maps: &[&str]) -> Val {
        match value {
            Value::Null => Val::Nil,
            Value::Bool(b) => Val::Bool(*b),
            Value::Number(n) => match n.as_i64() {
                Some(i) => Val::Int(i),
                None => Val::Float(n.as_f64().unwrap_or(0.0)),
            },
            Value::String(s) => Val::str(s.as_str()),
            Value::Array(items) => Val::List(Rc::new(
                items
                    .iter()
                    .map(|v| Val::from_json(v, kind, string_maps))
                    .collect(),
            )),
            Value::Object(map) => {
                let entries = map
                    .iter()
                    .map(|(k, v)| {
                        let inner = if kind == MapKind::Struct && string_maps.contains(&k.as_str())
                        {
                            MapKind::Strings
                        } else {
                            kind
                        };
                        (k.clone(), Val::from_json(v, inner, string_maps))
                    })
                    .collect();
                Val::map(entries, kind)
            }
        }
    }

    /// Back to JSON (Go's `json.Marshal` view: mappings with sorted keys unless structs).
    pub fn to_json(&self) -> Value {
        self.to_json_within(MAX_NESTING)
    }

    fn to_json_within(&self, depth: usize) -> Value {
        if depth == 0 {
            return Value::Null;
        }
        match self {
            Val::Nil | Val::Zero => Value::Null,
            Val::Bool(b) => Value::Bool(*b),
            Val::Int(i) => Value::from(*i),
            Val::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
            Val::Str(s) => Value::String(s.to_string()),
            Val::List(items) => {
                Value::Array(items.iter().map(|v| v.to_json_within(depth - 1)).collect())
            }
            Val::Map(..) => Value::Object(
                self.entries()
                    .into_iter()
                    .map(|(k, v)| (k, v.to_json_within(depth - 1)))
                    .collect::<Map<_, _>>(),
            ),
        }
    }

    /// Go's truth: false, 0, nil, and empty strings, lists and maps are false.
    pub fn truthy(&self) -> bool {
        match self {
            Val::Nil | Val::Zero => false,
            Val::Bool(b) => *b,
            Val::Int(i) => *i != 0,
            Val::Float(f) => *f != 0.0,
            Val::Str(s) => !s.is_empty(),
            Val::List(l) => !l.is_empty(),
            Val::Map(m, _) => !m.borrow().is_empty(),
        }
    }

    /// A mapping's entry; for structs the Go field name also finds the JSON name
    /// (`Annotations` -> `annotations`, `APIVersion` -> `apiVersion`).
    pub fn get(&self, key: &str) -> Option<Val> {
        let Val::Map(entries, kind) = self else {
            return None;
        };
        let find = |k: &str| {
            entries
                .borrow()
                .iter()
                .find(|(name, _)| name == k)
                .map(|(_, v)| v.clone())
        };
        match kind {
            MapKind::Struct => find(key)
                .or_else(|| find(&json_name(key)))
                .or(Some(Val::Zero)),
            MapKind::Strings => find(key).or_else(|| Some(Val::str(""))),
            MapKind::Any => find(key).or(Some(Val::Nil)),
        }
    }

    /// Entries in Go's iteration order for `range` and printing: sorted keys for maps,
    /// field order for structs.
    pub fn entries(&self) -> Vec<(String, Val)> {
        match self {
            Val::Map(entries, kind) => {
                let mut pairs = entries.borrow().clone();
                if *kind != MapKind::Struct {
                    pairs.sort_by(|a, b| a.0.cmp(&b.0));
                }
                pairs
            }
            _ => Vec::new(),
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Val::Str(s) => Some(s),
            Val::Zero => Some(""),
            _ => None,
        }
    }

    pub fn as_int(&self) -> Option<i64> {
        match self {
            Val::Int(i) => Some(*i),
            Val::Float(f) if f.fract() == 0.0 => Some(*f as i64),
            Val::Zero => Some(0),
            _ => None,
        }
    }

    /// Go's `%v` (and `print`) rendering.
    pub fn print(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, true, MAX_NESTING);
        out
    }

    fn write(&self, out: &mut String, top: bool, depth: usize) {
        if depth == 0 {
            out.push_str("...");
            return;
        }
        match self {
            Val::Nil if top => out.push_str("<no value>"),
            Val::Nil => out.push_str("<nil>"),
            Val::Zero => {}
            Val::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Val::Int(i) => out.push_str(&i.to_string()),
            Val::Float(f) => out.push_str(&format_float(*f)),
            Val::Str(s) => out.push_str(s),
            Val::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    item.write(out, false, depth - 1);
                }
                out.push(']');
            }
            Val::Map(_, kind) => {
                out.push_str(if *kind == MapKind::Struct {
                    "{"
                } else {
                    "map["
                });
                for (i, (k, v)) in self.entries().iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    if *kind != MapKind::Struct {
                        out.push_str(k);
                        out.push(':');
                    }
                    v.write(out, false, depth - 1);
                }
                out.push(if *kind == MapKind::Struct { '}' } else { ']' });
            }
        }
    }

    pub fn type_name(&self) -> &'static str {
        match self {
            Val::Nil => "nil",
            Val::Zero => "zero value",
            Val::Bool(_) => "bool",
            Val::Int(_) => "int",
            Val::Float(_) => "float64",
            Val::Str(_) => "string",
            Val::List(_) => "slice",
            Val::Map(_, MapKind::Struct) => "struct",
            Val::Map(..) => "map",
        }
    }
}

/// Go's `%v` for a float64: the shortest representation, exponent form from 1e21 on and
/// below 1e-4, as strconv's 'g' with the shortest precision.
pub fn format_float(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let abs = f.abs();
    if abs != 0.0 && !(1e-4..1e21).contains(&abs) {
        let s = format!("{f:e}");
        let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{:02}", exp.abs());
    }
    let s = format!("{f}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// The JSON name of a Go field: its leading capitals lowered, except the last before a
/// lower-case letter (`APIVersion` -> `apiVersion`, `Name` -> `name`, `ID` -> `id`).
fn json_name(field: &str) -> String {
    let chars: Vec<char> = field.chars().collect();
    let upper = chars.iter().take_while(|c| c.is_uppercase()).count();
    let lower_to = if upper > 1 && upper < chars.len() {
        upper - 1
    } else {
        upper
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i < lower_to {
                c.to_ascii_lowercase()
            } else {
                *c
            }
        })
        .collect()
}

/// Whether two values are equal as Go's `eq` sees basic values.
pub fn basic_eq(a: &Val, b: &Val) -> Option<bool> {
    Some(match (a, b) {
        (Val::Nil, Val::Nil) => true,
        // Go compares a nil operand with anything as unequal, without an error.
        (Val::Nil, _) | (_, Val::Nil) => false,
        (Val::Bool(x), Val::Bool(y)) => x == y,
        (Val::Int(x), Val::Int(y)) => x == y,
        (Val::Float(x), Val::Float(y)) => x == y,
        (Val::Int(x), Val::Float(y)) | (Val::Float(y), Val::Int(x)) => (*x as f64) == *y,
        (Val::Str(_) | Val::Zero, Val::Str(_) | Val::Zero) => a.as_str() == b.as_str(),
        (Val::Zero, Val::Int(i)) | (Val::Int(i), Val::Zero) => *i == 0,
        (Val::Zero, Val::Bool(x)) | (Val::Bool(x), Val::Zero) => !x,
        _ => return None,
    })
}

/// A map built by a template function (`dict`, `fromJSON`): Go's `map[string]any`.
pub fn any_map(entries: Vec<(String, Val)>) -> Val {
    Val::map(entries, MapKind::Any)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_names_follow_go_fields() {
        assert_eq!(json_name("Annotations"), "annotations");
        assert_eq!(json_name("APIVersion"), "apiVersion");
        assert_eq!(json_name("ID"), "id");
        assert_eq!(json_name("ProxyMetadata"), "proxyMetadata");
    }

    #[test]
    fn floats_print_as_go_does() {
        assert_eq!(format_float(1337.0), "1337");
        assert_eq!(format_float(0.5), "0.5");
        assert_eq!(format_float(1e21), "1e+21");
        assert_eq!(format_float(1e-5), "1e-05");
    }
}
