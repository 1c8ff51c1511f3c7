//! One page of a Kubernetes list response decoded straight into JSON values, without
//! the objects' `metadata.managedFields` (server-side apply bookkeeping no analyzer
//! reads, often the largest part of an object).

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Deserialize)]
pub struct ListPage {
    #[serde(default)]
    pub metadata: ListMeta,
    #[serde(default)]
    pub items: Vec<Item>,
}

#[derive(Deserialize, Default)]
pub struct ListMeta {
    #[serde(rename = "continue", default)]
    pub continue_token: Option<String>,
}

/// One listed object (its `apiVersion` and `kind` are not in list items).
pub struct Item(pub Map<String, Value>);

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(ObjectVisitor).map(Item)
    }
}

/// An object whose `metadata` is read without `managedFields`.
struct ObjectVisitor;

impl<'de> Visitor<'de> for ObjectVisitor {
    type Value = Map<String, Value>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Kubernetes object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            let value = if key == "metadata" {
                access.next_value_seed(Metadata)?
            } else {
                access.next_value()?
            };
            out.insert(key, value);
        }
        Ok(out)
    }
}

/// `metadata`: a mapping without its `managedFields` entry, or `null`.
struct Metadata;

impl<'de> DeserializeSeed<'de> for Metadata {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Metadata {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("object metadata")
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            if key == "managedFields" {
                access.next_value::<IgnoredAny>()?;
            } else {
                out.insert(key, access.next_value()?);
            }
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_keep_everything_but_managed_fields() {
        let page: ListPage = serde_json::from_str(
            r#"{"metadata":{"continue":"abc"},"items":[
                {"metadata":{"name":"a","managedFields":[{"manager":"kubectl"}],"labels":{"x":"1"}},"spec":{"k":[1,2]}},
                {"metadata":null,"data":{"managedFields":"kept"}}]}"#,
        )
        .unwrap();
        assert_eq!(page.metadata.continue_token.as_deref(), Some("abc"));
        let item = |i: usize| Value::Object(page.items[i].0.clone());
        assert_eq!(
            item(0),
            serde_json::json!({"metadata":{"name":"a","labels":{"x":"1"}},"spec":{"k":[1,2]}})
        );
        assert_eq!(
            item(1),
            serde_json::json!({"metadata":null,"data":{"managedFields":"kept"}})
        );
    }
}
