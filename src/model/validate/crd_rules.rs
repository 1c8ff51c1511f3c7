//! The CRDs' `x-kubernetes-validations` CEL rules, evaluated as the Kubernetes API server
//! evaluates them: every rule of the release's CRD facts, on every value its schema node
//! describes, with the API server's wording.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use serde_json::Value;

use super::structural;
use crate::model::cel::{self, Expr};
use crate::model::crd::release_spec_schema;
use crate::model::schema::FieldError;

/// One `x-kubernetes-validations` entry.
struct Rule {
    /// The parsed rule, or the parse error the API server would report.
    expr: Result<Expr, String>,
    text: String,
    message: String,
}

/// The rules of one schema node and of the nodes under it (subtrees without rules pruned).
#[derive(Default)]
struct RuleNode {
    rules: Vec<Rule>,
    properties: Vec<(String, RuleNode)>,
    items: Option<Box<RuleNode>>,
    additional: Option<Box<RuleNode>>,
}

/// The reasons of schema errors after which the API server does not run CEL rules.
const BLOCKING: &[&str] = &[
    "Unsupported value",
    "Required value",
    "Too long",
    "Too many",
];

/// What the CEL rules of `kind`'s CRD say of `spec` (as written, without nulls), given the
/// schema errors `earlier` found: none of them run after a blocking one.
pub fn check(kind: &str, spec: &Value, earlier: &[FieldError]) -> Vec<FieldError> {
    let Some(node) = compiled(kind) else {
        return Vec::new();
    };
    if earlier.iter().any(blocks) {
        return vec![FieldError::new(
            "<nil>",
            "Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
        )];
    }
    let mut errs = Vec::new();
    walk(node, spec, "spec".to_string(), &mut errs);
    errs
}

/// How many rule placements the compiled schema of `kind` holds, and the first rule skiff
/// cannot evaluate (a parse error or a function it does not implement).
pub fn coverage(kind: &str) -> (usize, Option<String>) {
    let Some(node) = compiled(kind) else {
        return (0, None);
    };
    let mut count = 0;
    let mut problem = None;
    node.each_rule(&mut |rule| {
        count += 1;
        let issue = match &rule.expr {
            Err(e) => Some(format!("{}: {e}", rule.text)),
            Ok(expr) => cel::unsupported_function(expr).map(|f| format!("{}: {f}", rule.text)),
        };
        problem = problem.take().or(issue);
    });
    (count, problem)
}

fn blocks(error: &FieldError) -> bool {
    BLOCKING
        .iter()
        .any(|reason| error.message.starts_with(reason))
        || error.message.contains("in body must be of type")
}

fn compiled(kind: &str) -> Option<&'static RuleNode> {
    static NODES: OnceLock<Mutex<HashMap<String, Option<&'static RuleNode>>>> = OnceLock::new();
    let mut nodes = NODES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    *nodes.entry(kind.to_string()).or_insert_with(|| {
        let node = compile(release_spec_schema(kind)?)?;
        Some(&*Box::leak(Box::new(node)))
    })
}

/// The rule tree of a schema node; None when neither it nor anything under it has rules.
fn compile(schema: &Value) -> Option<RuleNode> {
    let rules: Vec<Rule> = schema["x-kubernetes-validations"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| {
            let text = r["rule"].as_str()?.trim().to_string();
            let message = match r["message"].as_str().map(str::trim) {
                Some(m) if !m.is_empty() => m.to_string(),
                _ => format!("failed rule: {text}"),
            };
            Some(Rule {
                expr: cel::parse(&text),
                text,
                message,
            })
        })
        .collect();
    let child = |key: &str| compile(schema.get(key)?).map(Box::new);
    let properties: Vec<(String, RuleNode)> = schema["properties"]
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| Some((k.clone(), compile(v)?)))
        .collect();
    let node = RuleNode {
        rules,
        properties,
        items: child("items"),
        additional: schema
            .get("additionalProperties")
            .filter(|a| a.is_object())
            .and_then(compile)
            .map(Box::new),
    };
    let empty = node.rules.is_empty()
        && node.properties.is_empty()
        && node.items.is_none()
        && node.additional.is_none();
    (!empty).then_some(node)
}

impl RuleNode {
    fn each_rule(&self, visit: &mut impl FnMut(&Rule)) {
        self.rules.iter().for_each(&mut *visit);
        for (_, child) in &self.properties {
            child.each_rule(visit);
        }
        for child in self.items.iter().chain(&self.additional) {
            child.each_rule(visit);
        }
    }
}

/// The node's own rules on `value`, then its children's (the API server's order).
fn walk(node: &RuleNode, value: &Value, path: String, errs: &mut Vec<FieldError>) {
    if value.is_null() {
        return;
    }
    for rule in &node.rules {
        if let Some(message) = failure(rule, value) {
            errs.push(FieldError::new(&path, message));
        }
    }
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let known = node.properties.iter().find(|(k, _)| k == key);
                if let Some((_, child_node)) = known {
                    walk(child_node, child, format!("{path}.{key}"), errs);
                } else if let Some(child_node) = &node.additional {
                    walk(child_node, child, format!("{path}[{key}]"), errs);
                }
            }
        }
        Value::Array(items) => {
            if let Some(child_node) = &node.items {
                for (i, item) in items.iter().enumerate() {
                    walk(child_node, item, format!("{path}[{i}]"), errs);
                }
            }
        }
        _ => {}
    }
}

/// The API server's error text when `rule` does not hold for `value`.
fn failure(rule: &Rule, value: &Value) -> Option<String> {
    let type_name = structural::data_type(value).0;
    let expr = match &rule.expr {
        Ok(expr) => expr,
        Err(e) => {
            return Some(format!(
                "Invalid value: \"{type_name}\": rule compile error: {e}"
            ))
        }
    };
    match cel::evaluate(expr, value) {
        Ok(cel::Value::Bool(true)) => None,
        Ok(cel::Value::Bool(false)) => Some(match value {
            Value::Object(_) | Value::Array(_) => format!("Invalid value: {}", rule.message),
            scalar => format!("Invalid value: {}: {}", structural::shown(scalar), rule.message),
        }),
        Ok(_) => Some(format!(
            "Invalid value: \"{type_name}\": rule did not evaluate to a bool: {}",
            rule.message
        )),
        Err(e) if e.starts_with(cel::NO_SUCH_OVERLOAD) => Some(format!(
            "Invalid value: \"{type_name}\": '{e}': call arguments did not match a supported operator, function or macro signature for rule: {}",
            rule.message
        )),
        Err(e) => Some(format!(
            "Invalid value: \"{type_name}\": {e} evaluating rule: {}",
            rule.message
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn messages(kind: &str, spec: Value) -> Vec<String> {
        check(kind, &spec, &[])
            .into_iter()
            .map(|e| e.to_string())
            .collect()
    }

    #[test]
    fn every_rule_of_every_kind_parses_and_uses_only_implemented_functions() {
        let kinds = crate::model::api::ISTIO_KINDS.iter().map(|k| k.kind);
        let mut total = 0;
        for kind in kinds {
            let (count, problem) = coverage(kind);
            assert_eq!(problem, None, "{kind}");
            total += count;
        }
        assert_eq!(total, 147, "rule placements in the release's CRDs");
    }

    #[test]
    fn rules_fail_with_the_api_servers_wording() {
        let spec = json!({"host": "a", "trafficPolicy": {"connectionPool": {"tcp": {"connectTimeout": "0.1ms"}}}});
        assert_eq!(
            messages("DestinationRule", spec),
            ["spec.trafficPolicy.connectionPool.tcp.connectTimeout: Invalid value: \"0.1ms\": must be a valid duration greater than 1ms"]
        );
        let spec = json!({"selector": {"matchLabels": {"app": "a*"}}});
        assert_eq!(
            messages("AuthorizationPolicy", spec),
            ["spec.selector.matchLabels[app]: Invalid value: \"a*\": wildcard not allowed in label value match"]
        );
    }

    #[test]
    fn evaluation_errors_name_the_type_and_the_rule() {
        let spec = json!({"host": "a", "trafficPolicy": {"connectionPool": {"tcp": {"connectTimeout": "soon"}}}});
        let found = messages("DestinationRule", spec);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("Invalid value: \"string\": type conversion error from 'string' to 'google.protobuf.Duration' evaluating rule: must be a valid duration greater than 1ms"),
            "{found:?}"
        );
    }

    #[test]
    fn blocking_schema_errors_stop_the_rules() {
        let earlier = [FieldError::new("spec.x", "Required value")];
        let found = check("AuthorizationPolicy", &json!({}), &earlier);
        assert_eq!(found.len(), 1);
        assert!(found[0]
            .message
            .contains("some validation rules were not checked"));
    }
}
