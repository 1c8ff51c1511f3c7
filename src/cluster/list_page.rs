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

/// A JSON object whose `metadata` is read without `managedFields`.
struct ObjectVisitor;

impl<'de> Visitor<'de> for ObjectVisitor {
    type Value = Map<String, Value>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Kubernetes object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            if key == "metadata" {
                let meta = access.next_value_seed(MetadataSeed)?;
                out.insert(key, meta);
            } else {
                out.insert(key, access.next_value()?);
            }
        }
        Ok(out)
    }
}

struct MetadataSeed;

impl<'de> DeserializeSeed<'de> for MetadataSeed {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(StripManagedFields(d))
    }
}

/// Hands a `metadata` mapping to `Value`'s own visitor with `managedFields` skipped,
/// and anything else (e.g. `null`) through unchanged.
struct StripManagedFields<D>(D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for StripManagedFields<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(MetadataVisitor(visitor))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map struct
        enum identifier ignored_any
    }
}

struct MetadataVisitor<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for MetadataVisitor<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }

    fn visit_map<A: MapAccess<'de>>(self, access: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(SkipManagedFields(access))
    }
}

/// A map access that drops the `managedFields` entry.
struct SkipManagedFields<A>(A);

impl<'de, A: MapAccess<'de>> MapAccess<'de> for SkipManagedFields<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        loop {
            let Some(key) = self.0.next_key::<String>()? else {
                return Ok(None);
            };
            if key == "managedFields" {
                self.0.next_value::<IgnoredAny>()?;
                continue;
            }
            return seed
                .deserialize(serde::de::value::StringDeserializer::new(key))
                .map(Some);
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(seed)
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
