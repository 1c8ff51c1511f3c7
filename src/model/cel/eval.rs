//! Evaluation of a parsed CEL expression against JSON data, with CEL's semantics: strict
//! functions, errors absorbed by `&&`, `||` and the `all`/`exists` macros, heterogeneous
//! numeric comparison, checked integer arithmetic.

use std::borrow::Cow;
use std::cmp::Ordering;

use serde_json::Value as Json;

use super::library;
use super::parse::{Expr, Literal, Macro};
use super::value::{arithmetic, compare, equal, overflow, Eval, Value, NO_SUCH_OVERLOAD};

/// Evaluates `expr` with `self` bound to `data`.
pub fn evaluate<'a>(expr: &'a Expr, data: &'a Json) -> Eval<'a> {
    let scope = Scope {
        name: "self",
        value: Value::from_json(data),
        outer: None,
    };
    eval(expr, &scope)
}

/// The variables in scope: `self` and the comprehension variables around the expression.
struct Scope<'s, 'a> {
    name: &'s str,
    value: Value<'a>,
    outer: Option<&'s Scope<'s, 'a>>,
}

impl<'a> Scope<'_, 'a> {
    fn lookup(&self, name: &str) -> Option<&Value<'a>> {
        if self.name == name {
            return Some(&self.value);
        }
        self.outer.and_then(|outer| outer.lookup(name))
    }
}

fn eval<'a>(expr: &'a Expr, scope: &Scope<'_, 'a>) -> Eval<'a> {
    match expr {
        Expr::Literal(literal) => literal_value(literal),
        Expr::Ident(name) => scope
            .lookup(name)
            .cloned()
            .ok_or_else(|| format!("no such attribute: {name}")),
        Expr::Select(operand, field) => select(eval(operand, scope)?, field),
        Expr::Has(operand, field) => has(&eval(operand, scope)?, field),
        Expr::Index(operand, index) => index_of(eval(operand, scope)?, &eval(index, scope)?),
        Expr::Call {
            target,
            function,
            args,
        } => {
            let target = target.as_ref().map(|t| eval(t, scope)).transpose()?;
            let args = args
                .iter()
                .map(|a| eval(a, scope))
                .collect::<Result<Vec<_>, _>>()?;
            library::call(function, target, args)
        }
        Expr::Comprehension {
            kind,
            range,
            var,
            body,
        } => comprehension(*kind, eval(range, scope)?, var, body, scope),
        Expr::List(items) => items
            .iter()
            .map(|i| eval(i, scope))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::List),
        Expr::Map(entries) => map_literal(entries, scope),
        Expr::Message(name, _) => Err(format!("unknown type: {name}")),
        Expr::Not(operand) => match eval(operand, scope)? {
            Value::Bool(b) => Ok(Value::Bool(!b)),
            _ => Err(NO_SUCH_OVERLOAD.into()),
        },
        Expr::Negate(operand) => negate(eval(operand, scope)?),
        Expr::And(left, right) => logical(false, left, right, scope),
        Expr::Or(left, right) => logical(true, left, right, scope),
        Expr::Conditional(condition, then, otherwise) => match eval(condition, scope)? {
            Value::Bool(true) => eval(then, scope),
            Value::Bool(false) => eval(otherwise, scope),
            _ => Err(NO_SUCH_OVERLOAD.into()),
        },
        Expr::Binary(op, left, right) => binary(op, eval(left, scope)?, eval(right, scope)?),
    }
}

fn literal_value(literal: &Literal) -> Eval<'_> {
    Ok(match literal {
        Literal::Null => Value::Null,
        Literal::Bool(b) => Value::Bool(*b),
        Literal::Int(magnitude) => match i64::try_from(*magnitude) {
            Ok(v) => Value::Int(v),
            // Only reachable negated: `-9223372036854775808`.
            Err(_) => Value::Int(i64::MIN),
        },
        Literal::Uint(v) => Value::Uint(*v),
        Literal::Double(v) => Value::Double(*v),
        Literal::String(s) => Value::String(Cow::Borrowed(s)),
        Literal::Bytes(b) => Value::Bytes(b.clone()),
    })
}

/// `&&` (`stop_on` false) or `||` (`stop_on` true): the deciding value wins over an error
/// on either side, as CEL's commutative logical operators do.
fn logical<'a>(stop_on: bool, left: &'a Expr, right: &'a Expr, scope: &Scope<'_, 'a>) -> Eval<'a> {
    let as_bool = |v: Eval<'a>| match v {
        Ok(Value::Bool(b)) => Ok(b),
        Ok(_) => Err(NO_SUCH_OVERLOAD.to_string()),
        Err(e) => Err(e),
    };
    let left = as_bool(eval(left, scope));
    if left == Ok(stop_on) {
        return Ok(Value::Bool(stop_on));
    }
    let right = as_bool(eval(right, scope));
    if right == Ok(stop_on) {
        return Ok(Value::Bool(stop_on));
    }
    left?;
    right?;
    Ok(Value::Bool(!stop_on))
}

fn comprehension<'a>(
    kind: Macro,
    range: Value<'a>,
    var: &str,
    body: &'a [Expr],
    scope: &Scope<'_, 'a>,
) -> Eval<'a> {
    let items = match range.entries() {
        Some(entries) => entries.into_iter().map(|(k, _)| k).collect(),
        None => range.elements().ok_or(NO_SUCH_OVERLOAD)?,
    };
    let mut trues = 0usize;
    let mut error = None;
    let mut out = Vec::new();
    for item in items {
        let inner = Scope {
            name: var,
            value: item.clone(),
            outer: Some(scope),
        };
        let result = eval(&body[0], &inner);
        if kind == Macro::Map && body.len() == 1 {
            out.push(result?);
            continue;
        }
        match result {
            Ok(Value::Bool(true)) => {
                trues += 1;
                match kind {
                    Macro::Exists => return Ok(Value::Bool(true)),
                    Macro::Filter => out.push(item),
                    Macro::Map => out.push(eval(&body[1], &inner)?),
                    _ => {}
                }
            }
            Ok(Value::Bool(false)) if kind == Macro::All => return Ok(Value::Bool(false)),
            Ok(Value::Bool(false)) => {}
            Ok(_) => error = error.or(Some(NO_SUCH_OVERLOAD.to_string())),
            Err(e) => error = error.or(Some(e)),
        }
        // Only `all` and `exists` may be decided despite an error; the others are strict.
        if let (Some(e), Macro::ExistsOne | Macro::Map | Macro::Filter) = (&error, kind) {
            return Err(e.clone());
        }
    }
    if let Some(e) = error {
        return Err(e);
    }
    Ok(match kind {
        Macro::All => Value::Bool(true),
        Macro::Exists => Value::Bool(false),
        Macro::ExistsOne => Value::Bool(trues == 1),
        Macro::Map | Macro::Filter => Value::List(out),
    })
}

fn map_literal<'a>(entries: &'a [(Expr, Expr)], scope: &Scope<'_, 'a>) -> Eval<'a> {
    let mut out: Vec<(Value<'a>, Value<'a>)> = Vec::new();
    for (k, v) in entries {
        let key = eval(k, scope)?;
        if !matches!(
            key,
            Value::String(_) | Value::Int(_) | Value::Uint(_) | Value::Bool(_)
        ) {
            return Err("unsupported key type".into());
        }
        if out.iter().any(|(existing, _)| equal(existing, &key)) {
            return Err(format!("Failed with repeated key: {}", key.display()));
        }
        out.push((key, eval(v, scope)?));
    }
    Ok(Value::Map(out))
}

fn select<'a>(operand: Value<'a>, field: &str) -> Eval<'a> {
    match operand {
        Value::Json(Json::Object(map)) => map
            .get(field)
            .map(Value::from_json)
            .ok_or_else(|| format!("no such key: {field}")),
        Value::Map(entries) => entries
            .into_iter()
            .find(|(k, _)| matches!(k, Value::String(s) if s == field))
            .map(|(_, v)| v)
            .ok_or_else(|| format!("no such key: {field}")),
        _ => Err(NO_SUCH_OVERLOAD.into()),
    }
}

fn has<'a>(operand: &Value<'a>, field: &str) -> Eval<'a> {
    match operand {
        Value::Json(Json::Object(map)) => Ok(Value::Bool(map.contains_key(field))),
        Value::Map(entries) => Ok(Value::Bool(
            entries
                .iter()
                .any(|(k, _)| matches!(k, Value::String(s) if s == field)),
        )),
        _ => Err(format!("invalid type for field selection: {field}")),
    }
}

fn index_of<'a>(operand: Value<'a>, index: &Value<'a>) -> Eval<'a> {
    if let Some(entries) = operand.entries() {
        return entries
            .into_iter()
            .find(|(k, _)| equal(k, index))
            .map(|(_, v)| v)
            .ok_or_else(|| format!("no such key: {}", index.display()));
    }
    let items = operand.elements().ok_or(NO_SUCH_OVERLOAD)?;
    let position = match index {
        Value::Int(i) => *i,
        Value::Uint(u) => i64::try_from(*u).unwrap_or(i64::MAX),
        Value::Double(d) if d.fract() == 0.0 => *d as i64,
        _ => return Err(NO_SUCH_OVERLOAD.into()),
    };
    usize::try_from(position)
        .ok()
        .and_then(|p| items.get(p).cloned())
        .ok_or_else(|| format!("index out of bounds: {position}"))
}

fn negate(value: Value<'_>) -> Eval<'_> {
    match value {
        Value::Int(i) => i.checked_neg().map(Value::Int).ok_or(overflow()),
        Value::Double(d) => Ok(Value::Double(-d)),
        Value::Duration(d) => d.checked_neg().map(Value::Duration).ok_or(overflow()),
        _ => Err(NO_SUCH_OVERLOAD.into()),
    }
}

fn binary<'a>(op: &str, left: Value<'a>, right: Value<'a>) -> Eval<'a> {
    match op {
        "==" => Ok(Value::Bool(equal(&left, &right))),
        "!=" => Ok(Value::Bool(!equal(&left, &right))),
        "<" | "<=" | ">" | ">=" => {
            let order = compare(&left, &right).ok_or(NO_SUCH_OVERLOAD)?;
            Ok(Value::Bool(match op {
                "<" => order == Ordering::Less,
                "<=" => order != Ordering::Greater,
                ">" => order == Ordering::Greater,
                _ => order != Ordering::Less,
            }))
        }
        "in" => contains(&right, &left).map(Value::Bool),
        _ => arithmetic(op, left, right),
    }
}

fn contains(container: &Value<'_>, item: &Value<'_>) -> Result<bool, String> {
    if let Some(entries) = container.entries() {
        return Ok(entries.iter().any(|(k, _)| equal(k, item)));
    }
    let items = container.elements().ok_or(NO_SUCH_OVERLOAD)?;
    Ok(items.iter().any(|i| equal(i, item)))
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;
    use serde_json::json;

    fn run(rule: &str, data: Json) -> Result<String, String> {
        let expr = parse(rule).unwrap();
        evaluate(&expr, &data).map(|v| v.display())
    }

    #[test]
    fn operators_follow_cel() {
        let cases = [
            ("1 + 2 * 3 == 7", "true"),
            ("1 < 2.5 && 2u == 2", "true"),
            ("'a' + 'b' in ['ab']", "true"),
            ("-(-9223372036854775808 + 1)", "9223372036854775807"),
            ("[1, 2] + [3] == [1, 2, 3]", "true"),
            ("{'a': 1}['a'] == 1 && 'a' in {'a': 1}", "true"),
            ("true ? 'x' : 1 / 0", "x"),
            ("!false && 7 % 4 == 3", "true"),
        ];
        for (rule, want) in cases {
            assert_eq!(run(rule, json!(null)), Ok(want.to_string()), "{rule}");
        }
    }

    #[test]
    fn errors_are_absorbed_only_where_cel_absorbs_them() {
        assert_eq!(
            run("self.missing == 1 || true", json!({})),
            Ok("true".into())
        );
        assert_eq!(run("false && self.missing", json!({})), Ok("false".into()));
        assert_eq!(
            run("self.missing == 1 && true", json!({})),
            Err("no such key: missing".into())
        );
        assert_eq!(
            run("[0, 1].all(x, 1 / x > 0)", json!(null)),
            Err("division by zero".into())
        );
        assert_eq!(
            run("[0, 1].exists(x, 1 / x > 0)", json!(null)),
            Ok("true".into())
        );
        assert_eq!(run("9223372036854775807 + 1", json!(null)), Err(overflow()));
    }

    #[test]
    fn comprehensions_range_over_lists_and_map_keys() {
        let data = json!({"ports": [{"number": 80}, {"number": 80}], "labels": {"a": "1"}});
        let rule = "self.ports.all(l1, self.ports.exists_one(l2, l1.number == l2.number))";
        assert_eq!(run(rule, data.clone()), Ok("false".into()));
        assert_eq!(
            run("self.labels.all(k, k != '')", data.clone()),
            Ok("true".into())
        );
        assert_eq!(
            run(
                "self.ports.map(p, p.number).filter(n, n > 1).size()",
                data.clone()
            ),
            Ok("2".into())
        );
        assert_eq!(
            run("has(self.labels.a) && !has(self.b)", data),
            Ok("true".into())
        );
    }
}
