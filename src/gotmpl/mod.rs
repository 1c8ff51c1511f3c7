//! A Go `text/template` engine for the injection templates istiod runs: the template
//! language (actions, pipelines, variables, `if`/`with`/`range`/`define`/`template`/`block`,
//! whitespace trimming), Go's built-in functions, the Sprig functions and istiod's helpers,
//! over data typed the way istiod's is ([`value::Val`]).

mod exec;
mod funcs;
mod parse;
pub mod value;

use std::collections::BTreeMap;
use std::fmt;

pub use value::{MapKind, Val};

/// A template that does not parse, or fails while it runs.
#[derive(Debug, Clone, PartialEq)]
pub enum TemplateError {
    Parse {
        line: usize,
        message: String,
    },
    Exec {
        template: String,
        line: usize,
        message: String,
    },
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::Parse { line, message } => write!(f, "template: line {line}: {message}"),
            TemplateError::Exec {
                template,
                line,
                message,
            } => {
                write!(f, "template: {template}:{line}: {message}")
            }
        }
    }
}

impl std::error::Error for TemplateError {}

/// A parsed template with its `define`d templates.
#[derive(Debug, Clone)]
pub struct Template {
    name: String,
    tree: parse::Tree,
}

impl Template {
    pub fn parse(name: &str, text: &str) -> Result<Template, TemplateError> {
        Ok(Template {
            name: name.to_string(),
            tree: parse::parse(text)?,
        })
    }

    /// Runs the template over `data` (`.` and `$`) and returns the text it writes.
    pub fn execute(&self, data: &Val) -> Result<String, TemplateError> {
        self.execute_with_env(data, &BTreeMap::new())
    }

    /// As [`Template::execute`], with `env` answering the template's `env` calls before
    /// the process environment does (istiod's environment, given by a caller).
    pub fn execute_with_env(
        &self,
        data: &Val,
        env: &BTreeMap<String, String>,
    ) -> Result<String, TemplateError> {
        exec::Exec::new(&self.tree, &self.name, env).run(data)
    }
}

/// Whether a ProxyConfig field holds the value istiod's defaults give it; `protoToJSON`
/// leaves such fields out, as istiod does before writing ProxyConfig into a pod.
pub fn proxy_config_default(field: &str, value: &serde_json::Value) -> bool {
    let s = value.as_str();
    let n = value.as_i64();
    match field {
        "configPath" => s == Some("./etc/istio/proxy"),
        "binaryPath" => s == Some("/usr/local/bin/envoy"),
        "serviceCluster" => s == Some("istio-proxy"),
        "drainDuration" => s == Some("45s"),
        "terminationDrainDuration" => s == Some("5s"),
        "discoveryAddress" => s == Some("istiod.istio-system.svc:15012"),
        "proxyAdminPort" => n == Some(15000),
        "statNameLength" => n == Some(189),
        "statusPort" => n == Some(15020),
        "controlPlaneAuthPolicy" => s == Some("MUTUAL_TLS"),
        // An enum's zero value, which protobuf's JSON leaves out.
        "interceptionMode" => s == Some("REDIRECT"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(text: &str, data: serde_json::Value) -> String {
        let data = Val::from_json(&data, MapKind::Any, &[]);
        Template::parse("t", text)
            .and_then(|t| t.execute(&data))
            .unwrap_or_else(|e| format!("ERROR {e}"))
    }

    #[test]
    fn text_actions_and_trimming() {
        assert_eq!(run("a {{ .x }} b", json!({"x": 1})), "a 1 b");
        assert_eq!(run("a  {{- .x -}}  b", json!({"x": "y"})), "ayb");
        assert_eq!(run("{{/* note */}}x", json!({})), "x");
        assert_eq!(run("{{ .missing }}", json!({})), "<no value>");
    }

    #[test]
    fn control_structures() {
        let data = json!({"l": ["a", "b"], "m": {"z": 1, "a": 2}, "t": true});
        assert_eq!(run("{{ if .t }}y{{ else }}n{{ end }}", data.clone()), "y");
        assert_eq!(
            run("{{ if not .t }}y{{ else if .l }}l{{ end }}", data.clone()),
            "l"
        );
        assert_eq!(
            run(
                "{{ range $i, $v := .l }}{{ $i }}={{ $v }};{{ end }}",
                data.clone()
            ),
            "0=a;1=b;"
        );
        assert_eq!(
            run("{{ range $k, $v := .m }}{{ $k }}{{ end }}", data.clone()),
            "az"
        );
        assert_eq!(run("{{ with .m }}{{ .z }}{{ end }}", data.clone()), "1");
        assert_eq!(
            run("{{ range .none }}x{{ else }}empty{{ end }}", data.clone()),
            "empty"
        );
        assert_eq!(
            run(
                "{{ range .l }}{{ if eq . \"b\" }}{{ break }}{{ end }}{{ . }}{{ end }}",
                data
            ),
            "a"
        );
    }

    #[test]
    fn variables_are_scoped_and_assignable() {
        assert_eq!(
            run(
                "{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}",
                json!({})
            ),
            "2"
        );
        assert_eq!(
            run(
                "{{ $x := 1 }}{{ if true }}{{ $x := 3 }}{{ end }}{{ $x }}",
                json!({})
            ),
            "1"
        );
    }

    #[test]
    fn pipelines_and_functions() {
        assert_eq!(run("{{ .x | default \"d\" }}", json!({"x": ""})), "d");
        assert_eq!(
            run("{{ \"a,b\" | splitList \",\" | join \"-\" }}", json!({})),
            "a-b"
        );
        assert_eq!(run("{{ printf \"%s-%d\" \"a\" 3 }}", json!({})), "a-3");
        assert_eq!(
            run("{{ toJson (dict \"b\" 1 \"a\" \"<x>\") }}", json!({})),
            r#"{"a":"\u003cx\u003e","b":1}"#
        );
        assert_eq!(run("{{ and 1 0 }}{{ or 0 \"\" \"z\" }}", json!({})), "0z");
        assert_eq!(run("{{ index .m \"k\" }}", json!({"m": {"k": "v"}})), "v");
        assert_eq!(run("{{ indent 2 \"a\\nb\" }}", json!({})), "a\n  b");
    }

    #[test]
    fn set_changes_the_map_in_place_and_cycles_stay_bounded() {
        let text = "{{ $m := dict }}{{ $_ := set $m \"a\" 1 }}{{ toJson $m }}";
        assert_eq!(run(text, json!({})), r#"{"a":1}"#);
        let cycle = "{{ $m := dict }}{{ $_ := set $m \"self\" $m }}{{ len (toJson $m) }}";
        assert!(!run(cycle, json!({})).starts_with("ERROR"));
    }

    #[test]
    fn defined_templates_run_with_their_argument() {
        let text = "{{ define \"t\" }}<{{ . }}>{{ end }}{{ template \"t\" .x }}";
        assert_eq!(run(text, json!({"x": 5})), "<5>");
    }

    #[test]
    fn typed_maps_read_missing_keys_as_go_does() {
        let data = json!({"ObjectMeta": {"annotations": {"a": "1"}}});
        let data = Val::from_json(&data, MapKind::Struct, &["annotations"]);
        let t = Template::parse("t", "[{{ .ObjectMeta.Annotations.b }}][{{ annotation .ObjectMeta \"a\" 0 }}][{{ annotation .ObjectMeta \"b\" 7 }}]").unwrap();
        assert_eq!(t.execute(&data).unwrap(), "[][1][7]");
    }

    /// Seeded mutations of a template that uses every construct: none may panic, and each
    /// run ends within the engine's budget.
    #[test]
    fn mutated_templates_never_panic_or_run_away() {
        const BASE: &str = "{{ define \"t\" }}<{{ . }}>{{ end }}{{- $x := dict \"a\" 1 }}\n{{ range $i, $v := .l }}{{ if eq $v \"b\" }}{{ break }}{{ else if $v }}{{ $v | upper | quote }}{{ end }}{{ end }}\n{{ with .m }}{{ toJson . }}{{ else }}none{{ end }}{{ template \"t\" (index .m \"k\") }}\n{{ $_ := set $x \"b\" (printf \"%s-%d\" \"y\" 2) }}{{ range 3 }}{{ . }}{{ end }}{{/* c */}}{{ and 1 (or 0 2) }} -}}";
        const PIECES: &[&str] = &[
            "{{",
            "}}",
            "{{ end }}",
            "{{ range . }}",
            "{{ if 1 }}",
            "|",
            "(",
            ")",
            "$x",
            ":=",
            "\"",
            "`",
            "-}}",
            "{{-",
            "{{/*",
            "*/}}",
            "{{ template \"t\" . }}",
            "{{ define \"t\" }}",
            ".m.k",
            "{{ else }}",
            "((((",
            "é",
            "\\",
            "{{ repeat 99999999 \"ab\" }}",
            "{{ range 99999999999 }}",
        ];
        let data = Val::from_json(
            &json!({"l": ["a", "b", ""], "m": {"k": "v"}}),
            MapKind::Any,
            &[],
        );
        let mut seed: u64 = 0x5eed;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n.max(1)
        };
        for _ in 0..3000 {
            let mut text: Vec<char> = BASE.chars().collect();
            for _ in 0..1 + next(4) {
                let at = next(text.len() + 1);
                match next(3) {
                    0 => {
                        let end = (at + next(12)).min(text.len());
                        text.drain(at..end);
                    }
                    1 => text
                        .splice(at..at, PIECES[next(PIECES.len())].chars())
                        .for_each(drop),
                    _ => {
                        let end = (at + next(30)).min(text.len());
                        let copy: Vec<char> = text[at..end].to_vec();
                        text.splice(at..at, copy).for_each(drop);
                    }
                }
            }
            let text: String = text.into_iter().collect();
            if let Ok(t) = Template::parse("m", &text) {
                let _ = t.execute(&data);
            }
        }
        let deep = "{{ if 1 }}".repeat(10_000);
        assert!(Template::parse("d", &deep).is_err());
        let chain = format!(
            "{{{{ if 0 }}}}{}{{{{ end }}}}",
            "{{ else if 0 }}".repeat(10_000)
        );
        assert!(Template::parse("c", &chain).is_err());
        let parens = format!("{{{{ {}1{} }}}}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(Template::parse("p", &parens).is_err());
    }

    #[test]
    fn errors_name_the_line_and_runaway_templates_stop() {
        let e = Template::parse("t", "a\n{{ if }}").unwrap_err();
        assert!(matches!(e, TemplateError::Parse { line: 2, .. }), "{e}");
        assert!(run("{{ nosuch 1 }}", json!({})).contains("not defined"));
        assert!(run("{{ .a.b }}", json!({})).contains("nil pointer"));
        assert!(run("{{ range 100000000 }}x{{ end }}", json!({})).contains("limits"));
    }
}
