//! Rendering analysis messages: istioctl's log lines, its JSON/YAML documents (keys in
//! alphabetical order, tab-indented JSON, Go's HTML escaping), and SARIF 2.1.0.

use serde_json::{json, Map, Value};

use super::Message;

/// `https://istio.io/v1.30/docs/reference/config/analysis/ist0101/?ref=istioctl-analyze`
pub fn documentation_url(code: &str) -> String {
    let minor: String = crate::ISTIO_VERSION
        .split('.')
        .take(2)
        .collect::<Vec<_>>()
        .join(".");
    format!(
        "https://istio.io/v{minor}/docs/reference/config/analysis/{}/?ref=istioctl-analyze",
        code.to_ascii_lowercase()
    )
}

fn as_object(m: &Message) -> Value {
    // serde_json with preserve_order keeps insertion order: insert alphabetically.
    let mut o = Map::new();
    if let Some(cluster) = &m.cluster {
        o.insert("cluster".into(), json!(cluster));
    }
    o.insert("code".into(), json!(m.kind.code));
    o.insert(
        "documentationUrl".into(),
        json!(documentation_url(m.kind.code)),
    );
    o.insert("level".into(), json!(m.level().as_str()));
    o.insert("message".into(), json!(m.text));
    if let Some(origin) = &m.origin {
        o.insert("origin".into(), json!(origin.friendly()));
    }
    if let Some(r) = &m.reference {
        o.insert("reference".into(), json!(r));
    }
    Value::Object(o)
}

/// The JSON array istioctl prints (tab indentation, `<`, `>`, `&` escaped), with a newline.
pub fn to_json(messages: &[Message]) -> String {
    let list: Vec<Value> = messages.iter().map(as_object).collect();
    let mut buf = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"\t");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, formatter);
    serde::Serialize::serialize(&list, &mut ser).expect("serializing JSON values cannot fail");
    let text = String::from_utf8(buf).expect("serde_json writes UTF-8");
    // Those characters only occur inside strings in JSON, so replacing them is exact.
    let escaped = text
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    escaped + "\n"
}

pub fn to_yaml(messages: &[Message]) -> String {
    let list: Vec<Value> = messages.iter().map(as_object).collect();
    if list.is_empty() {
        return "[]\n".to_string();
    }
    serde_yaml::to_string(&list).unwrap_or_default()
}

/// SARIF 2.1.0: one run, one rule per code used, one result per message.
pub fn to_sarif(messages: &[Message]) -> String {
    let mut codes: Vec<&str> = messages.iter().map(|m| m.kind.code).collect();
    codes.sort();
    codes.dedup();
    let rules: Vec<Value> = codes
        .iter()
        .filter_map(|c| super::messages::by_code(c))
        .map(|t| {
            json!({
                "id": t.code,
                "name": t.name,
                "helpUri": documentation_url(t.code),
                "defaultConfiguration": {"level": sarif_level(t.level)}
            })
        })
        .collect();
    let results: Vec<Value> = messages
        .iter()
        .map(|m| {
            let mut result = json!({
                "ruleId": m.kind.code,
                "level": sarif_level(m.level()),
                "message": {"text": m.text},
            });
            if let Some(reference) = &m.reference {
                let (file, line) = match reference.rsplit_once(':') {
                    Some((f, l)) if l.parse::<u64>().is_ok() => {
                        (f.to_string(), l.parse::<u64>().ok())
                    }
                    _ => (reference.clone(), None),
                };
                let mut region = Map::new();
                if let Some(l) = line {
                    region.insert("startLine".into(), json!(l));
                }
                let mut physical = json!({"artifactLocation": {"uri": file}});
                if !region.is_empty() {
                    physical["region"] = Value::Object(region);
                }
                result["locations"] = json!([{"physicalLocation": physical}]);
            }
            let mut properties = Map::new();
            if let Some(origin) = &m.origin {
                properties.insert("origin".into(), json!(origin.friendly()));
            }
            if let Some(cluster) = &m.cluster {
                properties.insert("cluster".into(), json!(cluster));
            }
            if !properties.is_empty() {
                result["properties"] = Value::Object(properties);
            }
            result
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "skiff",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://istio.io/latest/docs/reference/config/analysis/",
                "rules": rules
            }},
            "results": results
        }]
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

fn sarif_level(level: super::Level) -> &'static str {
    match level {
        super::Level::Error => "error",
        super::Level::Warning => "warning",
        super::Level::Info => "note",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{messages::by_code, Origin};

    fn sample() -> Vec<Message> {
        vec![Message {
            kind: by_code("IST0101").unwrap(),
            text: "Referenced gateway not found: \"a<b>\"".into(),
            origin: Some(Origin {
                kind: "VirtualService".into(),
                namespace: String::new(),
                name: "vs".into(),
            }),
            reference: Some("f.yaml:38".into()),
            cluster: None,
        }]
    }

    #[test]
    fn a_cluster_is_printed_only_when_set() {
        let mut messages = sample();
        messages[0].cluster = Some("east".into());
        let out = to_json(&messages);
        assert!(
            out.starts_with("[\n\t{\n\t\t\"cluster\": \"east\",\n\t\t\"code\""),
            "{out}"
        );
        assert!(messages[0]
            .line()
            .starts_with("Error [IST0101] [cluster-east] (VirtualService vs f.yaml:38)"));
        let sarif: Value = serde_json::from_str(&to_sarif(&messages)).unwrap();
        assert_eq!(
            sarif["runs"][0]["results"][0]["properties"]["cluster"],
            "east"
        );
        assert!(!to_json(&sample()).contains("cluster"));
    }

    #[test]
    fn json_matches_istioctl_shape() {
        let out = to_json(&sample());
        assert!(
            out.starts_with("[\n\t{\n\t\t\"code\": \"IST0101\",\n\t\t\"documentationUrl\""),
            "{out}"
        );
        assert!(out.contains("\\u003cb\\u003e"), "{out}");
        assert!(out.contains("\"origin\": \"VirtualService vs\""));
        assert_eq!(to_json(&[]), "[]\n");
    }

    #[test]
    fn sarif_has_rules_and_locations() {
        let v: Value = serde_json::from_str(&to_sarif(&sample())).unwrap();
        assert_eq!(v["version"], "2.1.0");
        assert_eq!(
            v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"],
            38
        );
        assert_eq!(v["runs"][0]["tool"]["driver"]["rules"][0]["id"], "IST0101");
    }
}
