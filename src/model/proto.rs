//! The protobuf types of Istio's resource kinds (`scripts/gen-proto-facts.py` generates the
//! facts from the istio.io/api module): each message's fields in declaration order with
//! their proto and JSON names and types, and each enum's values. Go's decoding of a spec
//! walks these, so skiff's decoding does too.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

const PROTO_FACTS: &str = include_str!("proto-facts.json");

/// A scalar protobuf type (also what a `google.protobuf.*Value` wrapper holds).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar {
    Bool,
    String,
    Bytes,
    Int32,
    Int64,
    Uint32,
    Uint64,
    Float,
    Double,
}

impl Scalar {
    fn parse(name: &str) -> Option<Scalar> {
        Some(match name {
            "bool" | "google.protobuf.BoolValue" => Scalar::Bool,
            "string" | "google.protobuf.StringValue" => Scalar::String,
            "bytes" | "google.protobuf.BytesValue" => Scalar::Bytes,
            "int32" | "sint32" | "sfixed32" | "google.protobuf.Int32Value" => Scalar::Int32,
            "int64" | "sint64" | "sfixed64" | "google.protobuf.Int64Value" => Scalar::Int64,
            "uint32" | "fixed32" | "google.protobuf.UInt32Value" => Scalar::Uint32,
            "uint64" | "fixed64" | "google.protobuf.UInt64Value" => Scalar::Uint64,
            "float" | "google.protobuf.FloatValue" => Scalar::Float,
            "double" | "google.protobuf.DoubleValue" => Scalar::Double,
            _ => return None,
        })
    }

    /// The Go type Go's JSON decoding reads the scalar into.
    pub fn go_type(self) -> &'static str {
        match self {
            Scalar::Bool => "bool",
            Scalar::String => "string",
            Scalar::Bytes => "[]uint8",
            Scalar::Int32 => "int32",
            Scalar::Int64 => "int64",
            Scalar::Uint32 => "uint32",
            Scalar::Uint64 => "uint64",
            Scalar::Float => "float32",
            Scalar::Double => "float64",
        }
    }
}

/// What a field holds.
#[derive(Clone, Copy, Debug)]
pub enum Type {
    Scalar(Scalar),
    /// An enum, by its place in the facts (`enum_at`).
    Enum(usize),
    /// A message, by its place in the facts (`message_at`).
    Message(usize),
    /// `google.protobuf.Duration`: a string Go's `time.ParseDuration` reads.
    Duration,
    /// `google.protobuf.Struct`: any JSON object.
    Struct,
    /// `google.protobuf.Value`, `ListValue`, `Any` and others: taken as they are.
    Opaque,
}

#[derive(Debug)]
pub struct Field {
    /// The proto name (`export_to`), which Go's decoding also accepts.
    pub name: String,
    /// The JSON name (`exportTo`).
    pub json: String,
    pub ty: Type,
    pub repeated: bool,
    /// A map field's key type.
    pub map_key: Option<Scalar>,
    /// The oneof group the field belongs to.
    pub oneof: Option<String>,
}

#[derive(Debug)]
pub struct Message {
    /// The full name (`istio.networking.v1alpha3.ServicePort`).
    pub name: String,
    /// In declaration order.
    pub fields: Vec<Field>,
}

impl Message {
    /// The field a JSON key names (its JSON name or its proto name).
    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.json == key || f.name == key)
    }
}

#[derive(Debug)]
pub struct Enum {
    pub name: String,
    /// Names with their numbers, in declaration order.
    pub values: Vec<(String, i32)>,
}

impl Enum {
    pub fn number_of(&self, name: &str) -> Option<i32> {
        self.values.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
    }

    pub fn name_of(&self, number: i32) -> Option<&str> {
        self.values
            .iter()
            .find(|(_, v)| *v == number)
            .map(|(n, _)| n.as_str())
    }
}

#[derive(Deserialize)]
struct Facts {
    kinds: HashMap<String, String>,
    messages: HashMap<String, Vec<FieldFacts>>,
    enums: HashMap<String, Vec<(String, i32)>>,
}

#[derive(Deserialize)]
struct FieldFacts {
    name: String,
    json: String,
    #[serde(rename = "type")]
    ty: String,
    #[serde(default)]
    repeated: bool,
    map_key: Option<String>,
    oneof: Option<String>,
}

struct Registry {
    messages: Vec<Message>,
    enums: Vec<Enum>,
    kinds: HashMap<String, usize>,
}

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let facts: Facts =
            serde_json::from_str(PROTO_FACTS).expect("proto-facts.json is generated valid");
        build(facts)
    })
}

/// Numbers every message and enum, then resolves each field's type to them.
fn build(facts: Facts) -> Registry {
    let mut message_names: Vec<&String> = facts.messages.keys().collect();
    message_names.sort();
    let mut enum_names: Vec<&String> = facts.enums.keys().collect();
    enum_names.sort();
    let message_index: HashMap<&str, usize> = message_names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let enum_index: HashMap<&str, usize> = enum_names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let resolve = |ty: &str| -> Type {
        if let Some(s) = Scalar::parse(ty) {
            return Type::Scalar(s);
        }
        match ty {
            "google.protobuf.Duration" => Type::Duration,
            "google.protobuf.Struct" => Type::Struct,
            _ => match (enum_index.get(ty), message_index.get(ty)) {
                (Some(e), _) => Type::Enum(*e),
                (_, Some(m)) => Type::Message(*m),
                _ => Type::Opaque,
            },
        }
    };
    let messages = message_names
        .iter()
        .map(|name| Message {
            name: name.to_string(),
            fields: facts.messages[*name]
                .iter()
                .map(|f| Field {
                    name: f.name.clone(),
                    json: f.json.clone(),
                    ty: resolve(&f.ty),
                    repeated: f.repeated,
                    map_key: f.map_key.as_deref().and_then(Scalar::parse),
                    oneof: f.oneof.clone(),
                })
                .collect(),
        })
        .collect();
    let enums = enum_names
        .iter()
        .map(|name| Enum {
            name: name.to_string(),
            values: facts.enums[*name].clone(),
        })
        .collect();
    let kinds = facts
        .kinds
        .iter()
        .filter_map(|(kind, name)| Some((kind.clone(), *message_index.get(name.as_str())?)))
        .collect();
    Registry {
        messages,
        enums,
        kinds,
    }
}

/// The spec message of an Istio kind (`VirtualService`).
pub fn kind_message(kind: &str) -> Option<&'static Message> {
    let r = registry();
    r.kinds.get(kind).map(|i| &r.messages[*i])
}

/// A message a field's [`Type::Message`] names.
pub fn message_at(index: usize) -> &'static Message {
    &registry().messages[index]
}

/// An enum a field's [`Type::Enum`] names.
pub fn enum_at(index: usize) -> &'static Enum {
    &registry().enums[index]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_spec_message() {
        for info in crate::model::api::ISTIO_KINDS {
            assert!(kind_message(info.kind).is_some(), "{}", info.kind);
        }
    }

    #[test]
    fn fields_resolve_in_declaration_order() {
        let se = kind_message("ServiceEntry").unwrap();
        let names: Vec<&str> = se.fields.iter().map(|f| f.json.as_str()).collect();
        assert_eq!(&names[..4], ["hosts", "addresses", "ports", "location"]);
        let Type::Enum(location) = se.field("location").unwrap().ty else {
            panic!("location is an enum");
        };
        assert_eq!(
            enum_at(location).name,
            "istio.networking.v1alpha3.ServiceEntry.Location"
        );
        assert_eq!(enum_at(location).number_of("MESH_INTERNAL"), Some(1));
        assert_eq!(se.field("export_to").unwrap().json, "exportTo");
        let pa = kind_message("PeerAuthentication").unwrap();
        assert_eq!(
            pa.field("portLevelMtls").unwrap().map_key,
            Some(Scalar::Uint32)
        );
    }
}
