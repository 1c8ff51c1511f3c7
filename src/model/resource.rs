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
    /// The validating webhook's verdict, kept once computed (see
    /// `validate::RememberedVerdict`); not part of the object's identity.
    pub webhook_verdict: crate::model::validate::RememberedVerdict,
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
            webhook_verdict: Default::default(),
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

    /// The line istioctl's analyzers give a field: its line when the path leads to a
    /// scalar value written out in the text (istioctl's field map holds only those: not
    /// mappings, lists, or values reached through a YAML alias), else the line the document
    /// starts on.
    pub fn analysis_line_of(&self, path: &str) -> usize {
        self.scalar_line(path).unwrap_or(self.source.line)
    }

    fn scalar_line(&self, path: &str) -> Option<usize> {
        let value = value_at(&self.object, path)?;
        if value.is_object() || value.is_array() {
            return None;
        }
        let (text, range) = self.text.as_ref()?;
        let text = text.get(range.clone())?;
        let (line, _) = locate_field(text, path)?;
        let content = text.lines().nth(line)?;
        if value_is_alias(content) {
            return None;
        }
        Some(self.source.text_offset_line + line)
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
    locate_field(text, path).map(|(line, _)| line)
}

/// The 0-based line `find_field_line` gives, and whether the whole path was found there
/// (not only a prefix of it).
fn locate_field(text: &str, path: &str) -> Option<(usize, bool)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut start = 0usize;
    let mut end = lines.len();
    let mut parent_indent: isize = -1;
    let mut found = None;
    for segment in split_path(path) {
        match segment {
            PathSegment::Key(key) => {
                let Some((line, indent)) = find_key(&lines, start, end, parent_indent, key) else {
                    return found.map(|l| (l, false));
                };
                found = Some(line);
                start = line + 1;
                end = block_end(&lines, start, end, indent);
                parent_indent = indent;
            }
            PathSegment::Index(i) => {
                let Some((line, indent)) = find_item(&lines, start, end, parent_indent, i) else {
                    return found.map(|l| (l, false));
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
    found.map(|l| (l, true))
}

/// The value at a dotted field path (`spec.http[0].route`) of an object.
fn value_at<'a>(object: &'a Value, path: &str) -> Option<&'a Value> {
    split_path(path)
        .into_iter()
        .try_fold(object, |value, segment| match segment {
            PathSegment::Key(key) => value.get(key),
            PathSegment::Index(i) => value.get(i),
        })
}

/// Whether a line's value (after `key:` or `- `) is a YAML alias (`*name`).
fn value_is_alias(line: &str) -> bool {
    let (_, content) = content_indent(line);
    let value = match content.find(": ") {
        Some(i) if !content.starts_with(['"', '\'', '*']) => &content[i + 2..],
        _ => content,
    };
    value.trim_start().starts_with('*')
}

enum PathSegment<'a> {
    Key(&'a str),
    Index(usize),
}

/// The segments of a field path: `a.b[0]` and, for keys with dots, `a["b.c"]`.
fn split_path(path: &str) -> Vec<PathSegment<'_>> {
    let mut out = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(quoted) = rest.strip_prefix("[\"") {
            let Some(end) = quoted.find("\"]") else {
                break;
            };
            out.push(PathSegment::Key(&quoted[..end]));
            rest = &quoted[end + 2..];
        } else if let Some(index) = rest.strip_prefix('[') {
            let end = index.find(']').unwrap_or(index.len());
            if let Ok(n) = index[..end].parse() {
                out.push(PathSegment::Index(n));
            }
            rest = index.get(end + 1..).unwrap_or("");
        } else if let Some(after) = rest.strip_prefix('.') {
            rest = after;
        } else {
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            out.push(PathSegment::Key(&rest[..end]));
            rest = &rest[end..];
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
    fn paths_split_into_keys_indexes_and_quoted_keys() {
        let keys = |path| {
            split_path(path)
                .into_iter()
                .map(|s| match s {
                    PathSegment::Key(k) => k.to_string(),
                    PathSegment::Index(i) => format!("#{i}"),
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            keys("spec.http[0].route[1]"),
            ["spec", "http", "#0", "route", "#1"]
        );
        assert_eq!(
            keys("spec.selector[\"app.kubernetes.io/name\"]"),
            ["spec", "selector", "app.kubernetes.io/name"]
        );
    }

    #[test]
    fn analysis_lines_are_scalar_lines_as_istioctl_has_them() {
        let text = "kind: VirtualService\nmetadata:\n  name: a\nspec:\n  http:\n  - route:\n    - &d\n      destination:\n        host: r\n  - route:\n    - *d\n";
        let docs = crate::model::load::parse_documents(text, "vs.yaml").unwrap();
        let vs = &docs[0];
        assert_eq!(
            vs.analysis_line_of("spec.http[0].route[0].destination.host"),
            9
        );
        // A mapping, a missing field and a value reached through an alias: the resource's line.
        assert_eq!(vs.analysis_line_of("spec.http[0].route[0].destination"), 1);
        assert_eq!(
            vs.analysis_line_of("spec.http[0].route[0].destination.subset"),
            1
        );
        assert_eq!(
            vs.analysis_line_of("spec.http[1].route[0].destination.host"),
            1
        );
    }

    #[test]
    fn gvk_splits_core_and_grouped_versions() {
        assert_eq!(Gvk::from_api_version("v1", "Pod").group, "");
        let g = Gvk::from_api_version("networking.istio.io/v1", "Gateway");
        assert_eq!(g.group, "networking.istio.io");
        assert_eq!(g.api_version(), "networking.istio.io/v1");
    }
}
