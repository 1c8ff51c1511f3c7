//! Resource identity (group/version/kind, namespace, name) and a loaded document with
//! its source position; unknown kinds stay generic `serde_json::Value` objects.

use std::fmt;

use serde_json::Value;

/// Where a document came from: file (or `stdin`) and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Source {
    pub file: String,
    pub line: usize,
    /// Line of the first text line of the document (for locating fields).
    pub text_offset_line: usize,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// Group, version and kind of an object (`networking.istio.io`, `v1`, `VirtualService`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Gvk {
    pub group: String,
    pub version: String,
    pub kind: String,
}

impl Gvk {
    pub fn from_api_version(api_version: &str, kind: &str) -> Self {
        let (group, version) = match api_version.rsplit_once('/') {
            Some((g, v)) => (g.to_string(), v.to_string()),
            None => (String::new(), api_version.to_string()),
        };
        Gvk {
            group,
            version,
            kind: kind.to_string(),
        }
    }

    pub fn api_version(&self) -> String {
        if self.group.is_empty() {
            self.version.clone()
        } else {
            format!("{}/{}", self.group, self.version)
        }
    }
}

/// One Kubernetes object as loaded: the raw object plus where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    pub gvk: Gvk,
    pub object: Value,
    pub source: Source,
    /// Text of the file the object came from and the byte range of its document, for
    /// field line lookups (shared by every document of the file).
    pub text: Option<(std::sync::Arc<str>, std::ops::Range<usize>)>,
}

impl Resource {
    pub fn from_value(
        object: Value,
        source: Source,
        text: Option<(std::sync::Arc<str>, std::ops::Range<usize>)>,
    ) -> Self {
        let api_version = object
            .get("apiVersion")
            .and_then(Value::as_str)
            .unwrap_or("");
        let kind = object.get("kind").and_then(Value::as_str).unwrap_or("");
        Resource {
            gvk: Gvk::from_api_version(api_version, kind),
            object,
            source,
            text,
        }
    }

    /// A resource that did not come from a file (e.g. read from a cluster).
    pub fn detached(object: Value, origin: &str) -> Self {
        Resource::from_value(
            object,
            Source {
                file: origin.to_string(),
                line: 0,
                text_offset_line: 0,
            },
            None,
        )
    }

    pub fn kind(&self) -> &str {
        &self.gvk.kind
    }

    pub fn metadata(&self) -> Option<&Value> {
        self.object.get("metadata")
    }

    pub fn name(&self) -> &str {
        self.metadata()
            .and_then(|m| m.get("name"))
            .and_then(Value::as_str)
            .unwrap_or("")
    }

    pub fn namespace(&self) -> Option<&str> {
        self.metadata()
            .and_then(|m| m.get("namespace"))
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    }

    pub fn labels(&self) -> Option<&serde_json::Map<String, Value>> {
        self.metadata()
            .and_then(|m| m.get("labels"))
            .and_then(Value::as_object)
    }

    pub fn annotations(&self) -> Option<&serde_json::Map<String, Value>> {
        self.metadata()
            .and_then(|m| m.get("annotations"))
            .and_then(Value::as_object)
    }

    pub fn spec(&self) -> Option<&Value> {
        self.object.get("spec")
    }

    /// The line of a field (`spec.http[0].route`) in the source text, when it can be found;
    /// otherwise the line the document starts on.
    pub fn line_of(&self, path: &str) -> usize {
        self.text
            .as_ref()
            .and_then(|(t, range)| t.get(range.clone()))
            .and_then(|t| find_field_line(t, path))
            .map(|l| self.source.text_offset_line + l)
            .unwrap_or(self.source.line)
    }
}

/// Best-effort search for the 0-based line of a dotted field path in block-style YAML.
/// Where the path continues in flow style or JSON, the deepest line found is returned;
/// `None` when not even the first key is found.
pub fn find_field_line(text: &str, path: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let mut start = 0usize;
    let mut end = lines.len();
    let mut parent_indent: isize = -1;
    let mut found = None;
    for segment in split_path(path) {
        match segment {
            PathSegment::Key(key) => {
                let Some((line, indent)) = find_key(&lines, start, end, parent_indent, key) else {
                    return found;
                };
                found = Some(line);
                start = line + 1;
                end = block_end(&lines, start, end, indent);
                parent_indent = indent;
            }
            PathSegment::Index(i) => {
                let Some((line, indent)) = find_item(&lines, start, end, parent_indent, i) else {
                    return found;
                };
                found = Some(line);
                let item_end = block_end(&lines, line + 1, end, indent);
                start = line;
                end = item_end;
                // Keys of the item sit after "- ", one level deeper than the dash.
                parent_indent = indent;
            }
        }
    }
    found
}

enum PathSegment<'a> {
    Key(&'a str),
    Index(usize),
}

fn split_path(path: &str) -> Vec<PathSegment<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(PathSegment::Key(key));
        }
        for idx in rest.split('[').filter(|s| !s.is_empty()) {
            if let Ok(n) = idx.trim_end_matches(']').parse() {
                out.push(PathSegment::Index(n));
            }
        }
    }
    out
}

fn content_indent(line: &str) -> (isize, &str) {
    // "- - key: v" -> indent of `key`
    let mut indent = 0;
    let mut rest = line;
    loop {
        let trimmed = rest.trim_start_matches(' ');
        indent += rest.len() - trimmed.len();
        if let Some(after) = trimmed.strip_prefix("- ") {
            indent += 2;
            rest = after;
        } else {
            return (indent as isize, trimmed);
        }
    }
}

fn is_meaningful(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#')
}

fn find_key(
    lines: &[&str],
    start: usize,
    end: usize,
    parent_indent: isize,
    key: &str,
) -> Option<(usize, isize)> {
    let mut level: Option<isize> = None;
    for (i, line) in lines.iter().enumerate().take(end).skip(start) {
        if !is_meaningful(line) {
            continue;
        }
        let (indent, content) = content_indent(line);
        if indent <= parent_indent {
            continue;
        }
        let level = *level.get_or_insert(indent);
        if indent != level {
            continue;
        }
        let bare = content.trim_start_matches(['"', '\'']);
        if let Some(rest) = bare.strip_prefix(key) {
            let rest = rest.trim_start_matches(['"', '\'']);
            if rest.starts_with(':') {
                return Some((i, indent));
            }
        }
    }
    None
}

fn find_item(
    lines: &[&str],
    start: usize,
    end: usize,
    parent_indent: isize,
    index: usize,
) -> Option<(usize, isize)> {
    let mut seen = 0;
    let mut dash_indent: Option<usize> = None;
    for (i, line) in lines.iter().enumerate().take(end).skip(start) {
        if !is_meaningful(line) {
            continue;
        }
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if trimmed.starts_with("- ") || trimmed == "-" {
            let d = *dash_indent.get_or_insert(indent);
            if indent == d && indent as isize >= parent_indent {
                if seen == index {
                    return Some((i, indent as isize + 1));
                }
                seen += 1;
            }
        }
    }
    None
}

fn block_end(lines: &[&str], start: usize, end: usize, indent: isize) -> usize {
    for (i, line) in lines.iter().enumerate().take(end).skip(start) {
        if !is_meaningful(line) {
            continue;
        }
        let trimmed = line.trim_start_matches(' ');
        let line_indent = (line.len() - trimmed.len()) as isize;
        if line_indent < indent || (line_indent == indent && !trimmed.starts_with("- ")) {
            return i;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_fields_and_list_items() {
        let text = "apiVersion: v1\nkind: VirtualService\nspec:\n  hosts:\n  - a\n  http:\n  - route:\n    - destination:\n        host: a\n      weight: 10\n    - destination:\n        host: b\n      weight: -1\n";
        assert_eq!(find_field_line(text, "spec.hosts"), Some(3));
        assert_eq!(
            find_field_line(text, "spec.http[0].route[1].weight"),
            Some(12)
        );
        assert_eq!(
            find_field_line(text, "spec.http[0].route[0].destination.host"),
            Some(8)
        );
        assert_eq!(find_field_line(text, "spec.missing"), Some(2));
        assert_eq!(find_field_line(text, "nothing.here"), None);
    }

    #[test]
    fn gvk_splits_core_and_grouped_versions() {
        assert_eq!(Gvk::from_api_version("v1", "Pod").group, "");
        let g = Gvk::from_api_version("networking.istio.io/v1", "Gateway");
        assert_eq!(g.group, "networking.istio.io");
        assert_eq!(g.api_version(), "networking.istio.io/v1");
    }
}
