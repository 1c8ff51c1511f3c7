//! istioctl's `--set` path syntax over JSON values: dotted paths with `\.` escapes,
//! `[N]` indexes, and values typed as integer, float, bool, else string (`\,` -> `,`),
//! except for the paths that always stay strings (tags, compatibility versions,
//! proxyMetadata).

use serde_json::Value;

/// Splits `a.b\.c[0].d` into `["a", "b.c", "[0]", "d"]` (also `a.[key:v\.w]`).
pub fn split_path(path: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = path.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'.') => {
                current.push('.');
                chars.next();
            }
            '.' => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
            '[' => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
                let mut index = String::from("[");
                while let Some(c) = chars.next() {
                    if c == '\\' && chars.peek() == Some(&'.') {
                        continue; // `[name:a\.b]` selects the key `a.b`
                    }
                    index.push(c);
                    if c == ']' {
                        break;
                    }
                }
                if !index.ends_with(']') {
                    return Err(format!("unclosed [ in path {path:?}"));
                }
                out.push(index);
            }
            _ => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    if out.is_empty() {
        return Err("empty --set path".into());
    }
    Ok(out)
}

/// Types a `--set` value the way istioctl does.
pub fn parse_value(path: &str, raw: &str) -> Value {
    let raw = raw.trim();
    let keep_string = path.ends_with("tag")
        || path.contains("compatibilityVersion")
        || path.contains("proxyMetadata");
    if !keep_string {
        if let Ok(i) = raw.parse::<i64>() {
            return Value::from(i);
        }
        if let Ok(f) = raw.parse::<f64>() {
            if f.is_finite() {
                return Value::from(f);
            }
        }
        if let Ok(b) = raw.parse::<bool>() {
            return Value::from(b);
        }
    }
    Value::String(raw.replace("\\,", ","))
}

/// Sets `value` at `path` in `root`, creating objects (and list slots) on the way.
pub fn set(root: &mut Value, path: &[String], value: Value) -> Result<(), String> {
    let Some((last, parents)) = path.split_last() else {
        return Err("empty path".into());
    };
    let mut node = root;
    for segment in parents {
        node = child(node, segment)?;
    }
    if let Some(i) = index_of(last) {
        // As istioctl: an index past the end appends one element, it never pads.
        let list = ensure_list(node);
        if i < list.len() {
            list[i] = value;
        } else {
            list.push(value);
        }
    } else {
        if !node.is_object() {
            *node = Value::Object(Default::default());
        }
        node.as_object_mut()
            .expect("object")
            .insert(last.clone(), value);
    }
    Ok(())
}

fn index_of(segment: &str) -> Option<usize> {
    segment.strip_prefix('[')?.strip_suffix(']')?.parse().ok()
}

fn ensure_list(node: &mut Value) -> &mut Vec<Value> {
    if !node.is_array() {
        *node = Value::Array(Vec::new());
    }
    node.as_array_mut().expect("array")
}

fn child<'a>(node: &'a mut Value, segment: &str) -> Result<&'a mut Value, String> {
    if let Some(i) = index_of(segment) {
        let list = ensure_list(node);
        if i >= list.len() {
            list.push(Value::Object(Default::default()));
            let last = list.len() - 1;
            return Ok(&mut list[last]);
        }
        return Ok(&mut list[i]);
    }
    if let Some(selector) = segment.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
        let (key, want) = selector
            .split_once(':')
            .ok_or_else(|| format!("bad list selector {segment:?}: use [N] or [key:value]"))?;
        let list = ensure_list(node);
        let pos = list
            .iter()
            .position(|item| item.get(key).and_then(Value::as_str) == Some(want))
            .ok_or_else(|| format!("no list item with {key}={want}"))?;
        return Ok(&mut list[pos]);
    }
    if !node.is_object() {
        *node = Value::Object(Default::default());
    }
    Ok(node
        .as_object_mut()
        .expect("object")
        .entry(segment.to_string())
        .or_insert_with(|| Value::Object(Default::default())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_escapes_and_types() {
        assert_eq!(
            split_path(r"a.b\.c[0].d").unwrap(),
            vec!["a", "b.c", "[0]", "d"]
        );
        assert_eq!(parse_value("x", "5"), json!(5));
        assert_eq!(parse_value("x", "true"), json!(true));
        assert_eq!(parse_value("global.tag", "1.30"), json!("1.30"));
        assert_eq!(parse_value("x", r"a\,b"), json!("a,b"));
        let mut v = json!({});
        set(
            &mut v,
            &split_path("global.proxy.statusPort").unwrap(),
            json!(123),
        )
        .unwrap();
        set(&mut v, &split_path("list[1].name").unwrap(), json!("n")).unwrap();
        assert_eq!(v["global"]["proxy"]["statusPort"], 123);
        // An index past the end appends one element (istioctl), it never pads.
        assert_eq!(v["list"], json!([{"name": "n"}]));
        set(&mut v, &split_path("list[100000000]").unwrap(), json!("x")).unwrap();
        assert_eq!(v["list"], json!([{"name": "n"}, "x"]));
        set(&mut v, &split_path("list[0].name").unwrap(), json!("m")).unwrap();
        assert_eq!(v["list"][0]["name"], "m");
    }
}
