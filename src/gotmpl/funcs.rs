//! The functions injection templates call: Go's built-ins (`not`, `len`, `index`, `eq`,
//! `printf`, ...), the Sprig functions templates use (`default`, `dict`, `toJson`,
//! `splitList`, ...) and istiod's helpers (`annotation`, `isset`, `toJSON`, `protoToJSON`,
//! `excludeInboundPort`, ...), each with the argument order and result Istio documents.

use std::rc::Rc;

use super::value::any_map;
use super::value::{basic_eq, MapKind, Val};

type Args<'a> = &'a [Val];
type Out = Result<Val, String>;

/// Every function name a template may call.
const NAMES: &[&str] = &[
    // Go's built-ins (`and`/`or` are evaluated lazily by the executor).
    "not",
    "len",
    "index",
    "slice",
    "print",
    "printf",
    "println",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "html",
    "js",
    "urlquery",
    // Sprig.
    "default",
    "empty",
    "coalesce",
    "ternary",
    "list",
    "dict",
    "set",
    "unset",
    "hasKey",
    "get",
    "keys",
    "sortAlpha",
    "first",
    "last",
    "rest",
    "initial",
    "append",
    "prepend",
    "concat",
    "uniq",
    "has",
    "without",
    "compact",
    "quote",
    "squote",
    "cat",
    "trim",
    "trimAll",
    "trimPrefix",
    "trimSuffix",
    "lower",
    "upper",
    "title",
    "replace",
    "splitList",
    "split",
    "join",
    "hasPrefix",
    "hasSuffix",
    "repeat",
    "nospace",
    "toString",
    "toStrings",
    "int",
    "int64",
    "float64",
    "atoi",
    "add",
    "add1",
    "sub",
    "mul",
    "div",
    "mod",
    "max",
    "min",
    "toJson",
    "toPrettyJson",
    "toRawJson",
    "fromJson",
    "b64enc",
    "b64dec",
    "regexMatch",
    "regexReplaceAll",
    "fail",
    "required",
    "nindent",
    "kindIs",
    "kindOf",
    "typeOf",
    "deepEqual",
    "merge",
    "pluck",
    "substr",
    "trunc",
    "toDecimal",
    // istiod's helpers (these win over Sprig's functions of the same name).
    "formatDuration",
    "isset",
    "excludeInboundPort",
    "includeInboundPorts",
    "kubevirtInterfaces",
    "excludeInterfaces",
    "applicationPorts",
    "annotation",
    "valueOrDefault",
    "toJSON",
    "fromJSON",
    "structToJSON",
    "protoToJSON",
    "toYaml",
    "indent",
    "directory",
    "contains",
    "toLower",
    "appendMultusNetwork",
    "env",
    "omit",
    "strdict",
    "toJsonMap",
    "mergeMaps",
    "omitNil",
    "otelResourceAttributes",
];

pub fn is_func(name: &str) -> bool {
    NAMES.contains(&name)
}

fn want(args: Args, n: usize) -> Result<(), String> {
    if args.len() == n {
        Ok(())
    } else {
        Err(format!("wrong number of args: want {n} got {}", args.len()))
    }
}

fn text(v: &Val) -> String {
    match v {
        Val::Str(s) => s.to_string(),
        Val::Nil | Val::Zero => String::new(),
        other => other.print(),
    }
}

fn int(v: &Val) -> Result<i64, String> {
    match v {
        Val::Int(i) => Ok(*i),
        Val::Float(f) => Ok(*f as i64),
        Val::Str(s) => s
            .trim()
            .parse()
            .map_err(|_| format!("cannot convert {s:?} to int")),
        Val::Bool(b) => Ok(*b as i64),
        Val::Nil | Val::Zero => Ok(0),
        other => Err(format!("cannot convert {} to int", other.type_name())),
    }
}

fn float(v: &Val) -> f64 {
    match v {
        Val::Int(i) => *i as f64,
        Val::Float(f) => *f,
        Val::Str(s) => s.trim().parse().unwrap_or(0.0),
        _ => 0.0,
    }
}

fn list(items: Vec<Val>) -> Val {
    Val::List(Rc::new(items))
}

fn items(v: &Val) -> Vec<Val> {
    match v {
        Val::List(l) => l.as_ref().clone(),
        _ => Vec::new(),
    }
}

fn string_map(entries: Vec<(String, String)>) -> Val {
    Val::map(
        entries.into_iter().map(|(k, v)| (k, Val::str(v))).collect(),
        MapKind::Strings,
    )
}

/// Sprig's emptiness: nil, false, 0, and empty strings, lists and maps (structs never).
fn is_empty(v: &Val) -> bool {
    match v {
        Val::Map(_, MapKind::Struct) => false,
        other => !other.truthy(),
    }
}

pub fn call(name: &str, a: Args) -> Out {
    match name {
        "not" => want(a, 1).map(|_| Val::Bool(!a[0].truthy())),
        "len" => want(a, 1).and_then(|_| length(&a[0])),
        "index" => index(a),
        "slice" => slice(a),
        "print" => Ok(Val::str(go_print(a, false))),
        "println" => Ok(Val::str(go_print(a, true))),
        "printf" => printf(a),
        "eq" => eq(a),
        "ne" => want(a, 2)
            .and_then(|_| eq(a))
            .map(|v| Val::Bool(!v.truthy())),
        "lt" | "le" | "gt" | "ge" => compare(name, a),
        "html" | "js" | "urlquery" => Err(format!("not supported yet: {name}")),
        _ => sprig(name, a),
    }
}

fn length(v: &Val) -> Out {
    Ok(Val::Int(match v {
        Val::Str(s) => s.len() as i64,
        Val::List(l) => l.len() as i64,
        Val::Map(m, _) => m.borrow().len() as i64,
        Val::Zero => 0,
        other => return Err(format!("len of type {}", other.type_name())),
    }))
}

fn index(a: Args) -> Out {
    let Some((first, keys)) = a.split_first() else {
        return Err("wrong number of args: want at least 1 got 0".into());
    };
    let mut value = first.clone();
    for key in keys {
        value = match &value {
            Val::Map(..) => value.get(&text(key)).unwrap_or(Val::Nil),
            Val::List(l) => {
                let i = int(key)?;
                l.get(usize::try_from(i).map_err(|_| format!("index out of range: {i}"))?)
                    .cloned()
                    .ok_or_else(|| format!("index out of range: {i}"))?
            }
            Val::Str(s) => {
                let i = int(key)? as usize;
                Val::Int(
                    *s.as_bytes()
                        .get(i)
                        .ok_or_else(|| format!("index out of range: {i}"))?
                        as i64,
                )
            }
            // A struct field left out is Go's zero value: a nil map reads as "".
            Val::Zero => Val::Zero,
            Val::Nil => return Err("index of untyped nil".into()),
            other => return Err(format!("can't index item of type {}", other.type_name())),
        };
    }
    Ok(value)
}

fn slice(a: Args) -> Out {
    let Some((first, bounds)) = a.split_first() else {
        return Err("wrong number of args: want at least 1 got 0".into());
    };
    let bounds: Vec<usize> = bounds
        .iter()
        .map(|b| int(b).map(|i| i.max(0) as usize))
        .collect::<Result<_, _>>()?;
    let len = match first {
        Val::Str(s) => s.len(),
        Val::List(l) => l.len(),
        other => return Err(format!("can't slice item of type {}", other.type_name())),
    };
    let from = bounds.first().copied().unwrap_or(0);
    let to = bounds.get(1).copied().unwrap_or(len);
    if from > to || to > len {
        return Err(format!("slice bounds out of range [{from}:{to}]"));
    }
    Ok(match first {
        Val::Str(s) => Val::str(s.get(from..to).ok_or("slice splits a character")?),
        Val::List(l) => list(l[from..to].to_vec()),
        _ => unreachable!("checked above"),
    })
}

/// `fmt.Sprint`: spaces between operands when neither is a string (`Sprintln`: always).
fn go_print(a: Args, line: bool) -> String {
    let mut out = String::new();
    for (i, v) in a.iter().enumerate() {
        let between =
            line || (i > 0 && !matches!(v, Val::Str(_)) && !matches!(a[i - 1], Val::Str(_)));
        if i > 0 && between {
            out.push(' ');
        }
        out.push_str(&print_operand(v));
    }
    if line {
        out.push('\n');
    }
    out
}

/// A value as an operand of `print`/`printf`: nil prints `<nil>`.
fn print_operand(v: &Val) -> String {
    match v {
        Val::Nil => "<nil>".into(),
        other => other.print(),
    }
}

fn printf(a: Args) -> Out {
    let Some((format, args)) = a.split_first() else {
        return Err("wrong number of args: want at least 1 got 0".into());
    };
    let format = text(format);
    let mut out = String::new();
    let mut next = args.iter();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = String::new();
        while let Some(&d) = chars.peek() {
            if d.is_ascii_digit() || "+-# 0.".contains(d) {
                spec.push(d);
                chars.next();
            } else {
                break;
            }
        }
        let Some(verb) = chars.next() else {
            out.push_str("%!(NOVERB)");
            break;
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(arg) = next.next() else {
            out.push_str(&format!("%!{verb}(MISSING)"));
            continue;
        };
        out.push_str(&format_verb(verb, &spec, arg));
    }
    let extra: Vec<String> = next
        .map(|v| format!("{}={}", v.type_name(), print_operand(v)))
        .collect();
    if !extra.is_empty() {
        out.push_str(&format!("%!(EXTRA {})", extra.join(", ")));
    }
    Ok(Val::str(out))
}

fn format_verb(verb: char, spec: &str, arg: &Val) -> String {
    let (flags, rest): (String, String) = spec.chars().partition(|c| "+-# ".contains(*c));
    let (width, precision) = match rest.split_once('.') {
        Some((w, p)) => (
            w.parse::<usize>().ok(),
            Some(p.parse::<usize>().unwrap_or(0)),
        ),
        None => (rest.parse::<usize>().ok(), None),
    };
    let zero_pad = rest.starts_with('0');
    let body = match (verb, arg) {
        ('v' | 's', _) => print_operand(arg),
        ('d', Val::Int(i)) => i.to_string(),
        ('d', Val::Float(f)) if f.fract() == 0.0 => format!("{}", *f as i64),
        ('q', Val::Str(s)) => serde_json::to_string(s.as_ref()).unwrap_or_default(),
        ('t', Val::Bool(b)) => b.to_string(),
        ('f' | 'F', Val::Int(_) | Val::Float(_)) => {
            format!("{:.*}", precision.unwrap_or(6), float(arg))
        }
        ('x', Val::Int(i)) => format!("{i:x}"),
        ('X', Val::Int(i)) => format!("{i:X}"),
        ('x', Val::Str(s)) => s.bytes().map(|b| format!("{b:02x}")).collect(),
        ('o', Val::Int(i)) => format!("{i:o}"),
        ('c', Val::Int(i)) => char::from_u32(*i as u32)
            .map(String::from)
            .unwrap_or_default(),
        _ => return format!("%!{verb}({}={})", arg.type_name(), print_operand(arg)),
    };
    let body = match (verb, precision) {
        ('s' | 'v', Some(p)) => body.chars().take(p).collect(),
        _ => body,
    };
    match width {
        Some(w) if body.chars().count() < w => {
            let pad = w - body.chars().count();
            if flags.contains('-') {
                format!("{body}{}", " ".repeat(pad))
            } else if zero_pad && verb != 's' {
                format!("{}{body}", "0".repeat(pad))
            } else {
                format!("{}{body}", " ".repeat(pad))
            }
        }
        _ => body,
    }
}

fn eq(a: Args) -> Out {
    let Some((first, others)) = a.split_first() else {
        return Err("missing argument for comparison".into());
    };
    if others.is_empty() {
        return Err("missing argument for comparison".into());
    }
    for other in others {
        match basic_eq(first, other) {
            Some(true) => return Ok(Val::Bool(true)),
            Some(false) => {}
            None => {
                return Err(format!(
                    "incompatible types for comparison: {} and {}",
                    first.type_name(),
                    other.type_name()
                ))
            }
        }
    }
    Ok(Val::Bool(false))
}

fn compare(op: &str, a: Args) -> Out {
    want(a, 2)?;
    let ordering = match (&a[0], &a[1]) {
        (Val::Str(x), Val::Str(y)) => x.cmp(y),
        (Val::Int(x), Val::Int(y)) => x.cmp(y),
        (Val::Int(_) | Val::Float(_), Val::Int(_) | Val::Float(_)) => float(&a[0])
            .partial_cmp(&float(&a[1]))
            .ok_or("incomparable values")?,
        (x, y) => {
            return Err(format!(
                "incompatible types for comparison: {} and {}",
                x.type_name(),
                y.type_name()
            ))
        }
    };
    use std::cmp::Ordering::*;
    Ok(Val::Bool(match op {
        "lt" => ordering == Less,
        "le" => ordering != Greater,
        "gt" => ordering == Greater,
        _ => ordering != Less,
    }))
}

fn sprig(name: &str, a: Args) -> Out {
    match name {
        "default" => want(a, 2).map(|_| {
            if is_empty(&a[1]) {
                a[0].clone()
            } else {
                a[1].clone()
            }
        }),
        "empty" => want(a, 1).map(|_| Val::Bool(is_empty(&a[0]))),
        "coalesce" => Ok(a.iter().find(|v| !is_empty(v)).cloned().unwrap_or(Val::Nil)),
        "ternary" => want(a, 3).map(|_| {
            if a[2].truthy() {
                a[0].clone()
            } else {
                a[1].clone()
            }
        }),
        "list" => Ok(list(a.to_vec())),
        "dict" => Ok(any_map(pairs(a))),
        "set" => want(a, 3).map(|_| with_entry(&a[0], text(&a[1]), Some(a[2].clone()))),
        "unset" => want(a, 2).map(|_| with_entry(&a[0], text(&a[1]), None)),
        "get" => want(a, 2).map(|_| {
            let key = text(&a[1]);
            a[0].entries()
                .into_iter()
                .find(|(k, _)| *k == key)
                .map_or(Val::str(""), |(_, v)| v)
        }),
        "hasKey" => {
            want(a, 2).map(|_| Val::Bool(a[0].entries().iter().any(|(k, _)| *k == text(&a[1]))))
        }
        "keys" => Ok(list(
            a.iter()
                .flat_map(|m| m.entries())
                .map(|(k, _)| Val::str(k))
                .collect(),
        )),
        "sortAlpha" => want(a, 1).map(|_| {
            let mut texts: Vec<String> = items(&a[0]).iter().map(text).collect();
            texts.sort();
            list(texts.into_iter().map(Val::str).collect())
        }),
        "first" => want(a, 1).map(|_| items(&a[0]).first().cloned().unwrap_or(Val::Nil)),
        "last" => want(a, 1).map(|_| items(&a[0]).last().cloned().unwrap_or(Val::Nil)),
        "rest" => want(a, 1).map(|_| list(items(&a[0]).into_iter().skip(1).collect())),
        "initial" => want(a, 1).map(|_| {
            let mut l = items(&a[0]);
            l.pop();
            list(l)
        }),
        "append" => {
            want(a, 2).map(|_| list(items(&a[0]).into_iter().chain([a[1].clone()]).collect()))
        }
        "prepend" => {
            want(a, 2).map(|_| list([a[1].clone()].into_iter().chain(items(&a[0])).collect()))
        }
        "concat" => Ok(list(a.iter().flat_map(items).collect())),
        "uniq" => want(a, 1).map(|_| {
            let mut out: Vec<Val> = Vec::new();
            for v in items(&a[0]) {
                if !out.iter().any(|o| basic_eq(o, &v) == Some(true)) {
                    out.push(v);
                }
            }
            list(out)
        }),
        "has" => want(a, 2).map(|_| {
            Val::Bool(
                items(&a[1])
                    .iter()
                    .any(|v| basic_eq(v, &a[0]) == Some(true)),
            )
        }),
        "without" => Ok(list(
            items(a.first().unwrap_or(&Val::Nil))
                .into_iter()
                .filter(|v| !a[1..].iter().any(|w| basic_eq(v, w) == Some(true)))
                .collect(),
        )),
        "compact" => {
            want(a, 1).map(|_| list(items(&a[0]).into_iter().filter(|v| !is_empty(v)).collect()))
        }
        "merge" => Ok(merge(a)),
        "pluck" => Ok(list(
            a[1..]
                .iter()
                .filter_map(|m| m.entries().into_iter().find(|(k, _)| *k == text(&a[0])))
                .map(|(_, v)| v)
                .collect(),
        )),
        _ => strings(name, a),
    }
}

fn pairs(a: Args) -> Vec<(String, Val)> {
    let mut out: Vec<(String, Val)> = Vec::new();
    for chunk in a.chunks(2) {
        let key = text(&chunk[0]);
        let value = chunk.get(1).cloned().unwrap_or(Val::str(""));
        out.retain(|(k, _)| *k != key);
        out.push((key, value));
    }
    out
}

/// Sprig's `set`/`unset`: changes the map in place (every variable holding it sees the
/// change, as with a Go map) and returns it.
fn with_entry(map: &Val, key: String, value: Option<Val>) -> Val {
    let Val::Map(entries, _) = map else {
        return Val::map(
            value.map(|v| vec![(key, v)]).unwrap_or_default(),
            MapKind::Any,
        );
    };
    let mut entries = entries.borrow_mut();
    match value {
        Some(v) => match entries.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = v,
            None => entries.push((key, v)),
        },
        None => entries.retain(|(k, _)| *k != key),
    }
    drop(entries);
    map.clone()
}

/// Sprig's `merge`: the first map's entries win; nested maps merge recursively.
fn merge(a: Args) -> Val {
    let mut out: Vec<(String, Val)> = Vec::new();
    for m in a {
        for (k, v) in m.entries() {
            match out.iter_mut().find(|(key, _)| *key == k) {
                Some(slot) if matches!((&slot.1, &v), (Val::Map(..), Val::Map(..))) => {
                    slot.1 = merge(&[slot.1.clone(), v]);
                }
                Some(_) => {}
                None => out.push((k, v)),
            }
        }
    }
    any_map(out)
}

fn strings(name: &str, a: Args) -> Out {
    let s = |i: usize| a.get(i).map(text).unwrap_or_default();
    let str_val = |v: String| Ok(Val::str(v));
    match name {
        "quote" => Ok(Val::str(
            a.iter()
                .filter(|v| !matches!(v, Val::Nil))
                .map(|v| crate::model::go_text::quote(&text(v)))
                .collect::<Vec<_>>()
                .join(" "),
        )),
        "squote" => Ok(Val::str(
            a.iter()
                .filter(|v| !matches!(v, Val::Nil))
                .map(|v| format!("'{}'", text(v)))
                .collect::<Vec<_>>()
                .join(" "),
        )),
        "cat" => Ok(Val::str(
            a.iter()
                .filter(|v| !matches!(v, Val::Nil))
                .map(text)
                .collect::<Vec<_>>()
                .join(" "),
        )),
        "trim" => want(a, 1).and_then(|_| str_val(s(0).trim().to_string())),
        "trimAll" => {
            want(a, 2).and_then(|_| str_val(s(1).trim_matches(|c| s(0).contains(c)).to_string()))
        }
        "trimPrefix" => want(a, 2).and_then(|_| {
            str_val(
                s(1).strip_prefix(s(0).as_str())
                    .map(str::to_string)
                    .unwrap_or(s(1)),
            )
        }),
        "trimSuffix" => want(a, 2).and_then(|_| {
            str_val(
                s(1).strip_suffix(s(0).as_str())
                    .map(str::to_string)
                    .unwrap_or(s(1)),
            )
        }),
        "lower" | "toLower" => want(a, 1).and_then(|_| str_val(s(0).to_lowercase())),
        "upper" => want(a, 1).and_then(|_| str_val(s(0).to_uppercase())),
        "title" => want(a, 1).and_then(|_| str_val(title(&s(0)))),
        "replace" => want(a, 3).and_then(|_| str_val(s(2).replace(&s(0), &s(1)))),
        "splitList" => want(a, 2).map(|_| list(s(1).split(s(0).as_str()).map(Val::str).collect())),
        "split" => want(a, 2).map(|_| {
            any_map(
                s(1).split(s(0).as_str())
                    .enumerate()
                    .map(|(i, p)| (format!("_{i}"), Val::str(p)))
                    .collect(),
            )
        }),
        "join" => want(a, 2).map(|_| Val::str(join_items(&a[1]).join(&s(0)))),
        "hasPrefix" => want(a, 2).map(|_| Val::Bool(s(1).starts_with(&s(0)))),
        "hasSuffix" => want(a, 2).map(|_| Val::Bool(s(1).ends_with(&s(0)))),
        // istiod's `contains` takes the needle first, as Sprig's does.
        "contains" => want(a, 2).map(|_| Val::Bool(s(1).contains(&s(0)))),
        "repeat" => want(a, 2).and_then(|_| {
            let n = int(&a[0])?.max(0) as usize;
            if n.saturating_mul(s(1).len()) > 64 << 20 {
                return Err("repeat makes a string larger than skiff's limits".into());
            }
            str_val(s(1).repeat(n))
        }),
        "nospace" => want(a, 1).and_then(|_| str_val(s(0).split_whitespace().collect())),
        "substr" => want(a, 3).and_then(|_| {
            let chars: Vec<char> = s(2).chars().collect();
            let (from, to) = (int(&a[0])?.max(0) as usize, int(&a[1])?);
            let to = if to < 0 {
                chars.len()
            } else {
                (to as usize).min(chars.len())
            };
            str_val(chars.get(from.min(to)..to).unwrap_or(&[]).iter().collect())
        }),
        "trunc" => want(a, 2).and_then(|_| {
            let n = int(&a[0])?;
            let chars: Vec<char> = s(1).chars().collect();
            let kept: String = if n >= 0 {
                chars.iter().take(n as usize).collect()
            } else {
                chars[chars.len().saturating_sub(n.unsigned_abs() as usize)..]
                    .iter()
                    .collect()
            };
            str_val(kept)
        }),
        "toString" => want(a, 1).and_then(|_| str_val(text(&a[0]))),
        "toStrings" => {
            want(a, 1).map(|_| list(items(&a[0]).iter().map(|v| Val::str(text(v))).collect()))
        }
        "int" | "int64" | "atoi" => want(a, 1).map(|_| Val::Int(int(&a[0]).unwrap_or(0))),
        "float64" | "toDecimal" => want(a, 1).map(|_| Val::Float(float(&a[0]))),
        _ => numbers(name, a),
    }
}

fn join_items(v: &Val) -> Vec<String> {
    match v {
        Val::List(l) => l.iter().map(text).collect(),
        Val::Nil | Val::Zero => Vec::new(),
        other => vec![text(other)],
    }
}

fn title(s: &str) -> String {
    let mut out = String::new();
    let mut start = true;
    for c in s.chars() {
        if start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = !c.is_alphanumeric() && c != '\'';
    }
    out
}

fn numbers(name: &str, a: Args) -> Out {
    let ints = || a.iter().map(int).collect::<Result<Vec<i64>, String>>();
    match name {
        "add" => Ok(Val::Int(ints()?.into_iter().fold(0i64, i64::wrapping_add))),
        "add1" => want(a, 1).and_then(|_| Ok(Val::Int(int(&a[0])?.wrapping_add(1)))),
        "mul" => Ok(Val::Int(ints()?.into_iter().fold(1i64, i64::wrapping_mul))),
        "sub" | "div" | "mod" => {
            want(a, 2)?;
            let (x, y) = (int(&a[0])?, int(&a[1])?);
            match name {
                "sub" => Ok(Val::Int(x.wrapping_sub(y))),
                _ if y == 0 => Err("integer divide by zero".into()),
                "div" => Ok(Val::Int(x.wrapping_div(y))),
                _ => Ok(Val::Int(x.wrapping_rem(y))),
            }
        }
        "max" => ints()?
            .into_iter()
            .max()
            .map(Val::Int)
            .ok_or_else(|| "max of nothing".into()),
        "min" => ints()?
            .into_iter()
            .min()
            .map(Val::Int)
            .ok_or_else(|| "min of nothing".into()),
        _ => encodings(name, a),
    }
}

fn encodings(name: &str, a: Args) -> Out {
    match name {
        "toJson" | "toRawJson" | "structToJSON" => {
            want(a, 1).map(|_| Val::str(go_json(&a[0], name != "toRawJson")))
        }
        "toPrettyJson" => want(a, 1)
            .map(|_| Val::str(serde_json::to_string_pretty(&a[0].to_json()).unwrap_or_default())),
        // istiod's `toJSON` takes a map[string]string: nil is `{}`.
        "toJSON" => want(a, 1).map(|_| match &a[0] {
            Val::Nil | Val::Zero => Val::str("{}"),
            v => Val::str(go_json(v, true)),
        }),
        "protoToJSON" => want(a, 1).map(|_| Val::str(proto_json(&a[0]))),
        "fromJSON" | "fromJson" => {
            want(a, 1).map(
                |_| match serde_json::from_str::<serde_json::Value>(&text(&a[0])) {
                    Ok(v) => Val::from_json(&v, MapKind::Any, &[]),
                    Err(_) if name == "fromJSON" => Val::str("{}"),
                    Err(_) => Val::Nil,
                },
            )
        }
        "toYaml" => want(a, 1).map(|_| Val::str(go_yaml(&a[0]))),
        // istiod's `indent`: every line but the first gets the spaces.
        "indent" => want(a, 2).and_then(|_| {
            let pad = " ".repeat(int(&a[0])?.clamp(0, 4096) as usize);
            Ok(Val::str(
                text(&a[1])
                    .split('\n')
                    .collect::<Vec<_>>()
                    .join(&format!("\n{pad}")),
            ))
        }),
        "nindent" => want(a, 2).and_then(|_| {
            let pad = " ".repeat(int(&a[0])?.clamp(0, 4096) as usize);
            Ok(Val::str(format!(
                "\n{pad}{}",
                text(&a[1]).replace('\n', &format!("\n{pad}"))
            )))
        }),
        "b64enc" => want(a, 1).map(|_| Val::str(base64_encode(text(&a[0]).as_bytes()))),
        "b64dec" => want(a, 1).map(|_| Val::str(base64_decode(&text(&a[0])))),
        "regexMatch" => want(a, 2).and_then(|_| {
            let re = regex::Regex::new(&text(&a[0])).map_err(|e| e.to_string())?;
            Ok(Val::Bool(re.is_match(&text(&a[1]))))
        }),
        "regexReplaceAll" => want(a, 3).and_then(|_| {
            let re = regex::Regex::new(&text(&a[0])).map_err(|e| e.to_string())?;
            Ok(Val::str(
                re.replace_all(&text(&a[1]), text(&a[2]).as_str())
                    .to_string(),
            ))
        }),
        "fail" => Err(a.first().map(text).unwrap_or_default()),
        "required" => want(a, 2).and_then(|_| {
            if is_empty(&a[1]) {
                Err(text(&a[0]))
            } else {
                Ok(a[1].clone())
            }
        }),
        "kindIs" => want(a, 2).map(|_| Val::Bool(kind_of(&a[1]) == text(&a[0]))),
        "kindOf" => want(a, 1).map(|_| Val::str(kind_of(&a[0]))),
        "typeOf" => want(a, 1).map(|_| Val::str(a[0].type_name())),
        "deepEqual" => want(a, 2).map(|_| Val::Bool(a[0].to_json() == a[1].to_json())),
        _ => istiod(name, a),
    }
}

fn kind_of(v: &Val) -> &'static str {
    match v {
        Val::Nil => "invalid",
        Val::Zero => "string",
        Val::Bool(_) => "bool",
        Val::Int(_) => "int",
        Val::Float(_) => "float64",
        Val::Str(_) => "string",
        Val::List(_) => "slice",
        Val::Map(_, MapKind::Struct) => "struct",
        Val::Map(..) => "map",
    }
}

fn istiod(name: &str, a: Args) -> Out {
    let s = |i: usize| a.get(i).map(text).unwrap_or_default();
    match name {
        "formatDuration" => want(a, 1).map(|_| Val::str(go_duration(&s(0)))),
        "isset" => want(a, 2).map(|_| Val::Bool(a[0].entries().iter().any(|(k, _)| *k == s(1)))),
        "excludeInboundPort" => {
            want(a, 2).map(|_| Val::str(exclude_inbound_port(&text(&a[0]), &s(1))))
        }
        "includeInboundPorts" => want(a, 1).map(|_| Val::str(container_ports(&a[0], true))),
        "applicationPorts" => want(a, 1).map(|_| Val::str(container_ports(&a[0], false))),
        "kubevirtInterfaces" | "excludeInterfaces" => want(a, 1).map(|_| Val::str(s(0))),
        "annotation" => want(a, 3).map(|_| {
            let annotations = a[0].get("Annotations").unwrap_or(Val::Nil);
            match annotations.entries().into_iter().find(|(k, _)| *k == s(1)) {
                Some((_, v)) => Val::str(text(&v)),
                None => Val::str(print_operand(&a[2])),
            }
        }),
        "valueOrDefault" => want(a, 2).map(|_| match &a[0] {
            Val::Nil | Val::Zero => a[1].clone(),
            Val::Str(v) if v.is_empty() => a[1].clone(),
            v => v.clone(),
        }),
        "directory" => want(a, 1).map(|_| {
            Val::str(
                s(0).rsplit_once('/')
                    .map(|(d, _)| format!("{d}/"))
                    .unwrap_or_default(),
            )
        }),
        "appendMultusNetwork" => want(a, 2).map(|_| Val::str(append_multus_network(&s(0), &s(1)))),
        "env" => want(a, 2).map(|_| {
            Val::str(
                std::env::var(s(0))
                    .ok()
                    .filter(|v| !v.is_empty())
                    .unwrap_or(s(1)),
            )
        }),
        "omit" => {
            let Some((map, keys)) = a.split_first() else {
                return Err("wrong number of args: want at least 1 got 0".into());
            };
            let keys: Vec<String> = keys.iter().map(text).collect();
            Ok(string_map(
                map.entries()
                    .into_iter()
                    .filter(|(k, _)| !keys.contains(k))
                    .map(|(k, v)| (k, text(&v)))
                    .collect(),
            ))
        }
        "strdict" => Ok(string_map(
            pairs(a).into_iter().map(|(k, v)| (k, text(&v))).collect(),
        )),
        "mergeMaps" | "toJsonMap" => {
            let mut out: Vec<(String, String)> = Vec::new();
            for m in a {
                for (k, v) in m.entries() {
                    out.retain(|(key, _)| *key != k);
                    out.push((k, text(&v)));
                }
            }
            let merged = string_map(out);
            Ok(if name == "toJsonMap" {
                Val::str(go_json(&merged, true))
            } else {
                merged
            })
        }
        "otelResourceAttributes" => want(a, 5).map(|_| Val::str(otel_resource_attributes(a))),
        "omitNil" => want(a, 1).map(|_| {
            any_map(
                a[0].entries()
                    .into_iter()
                    .filter(|(_, v)| !matches!(v, Val::Nil))
                    .collect(),
            )
        }),
        other => Err(format!("function {other:?} not defined")),
    }
}

/// OTEL_RESOURCE_ATTRIBUTES (mesh, annotations, labels, namespace, containers): set only
/// when an OpenTelemetry provider enriches with OTel's semantic conventions.
fn otel_resource_attributes(a: Args) -> String {
    let enriches = a[0]
        .get("ExtensionProviders")
        .map(|p| items(&p))
        .unwrap_or_default()
        .iter()
        .any(|p| {
            p.get("Opentelemetry")
                .and_then(|o| o.get("ServiceAttributeEnrichment"))
                .is_some_and(|e| text(&e) == "OTEL_SEMANTIC_CONVENTIONS")
        });
    if !enriches {
        return String::new();
    }
    let lookup = |map: &Val, key: &str| {
        map.entries()
            .into_iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| text(&v))
            .filter(|v| !v.is_empty())
    };
    let (annotations, labels, namespace, containers) = (&a[1], &a[2], text(&a[3]), items(&a[4]));
    let mut attrs = Vec::new();
    match lookup(annotations, "resource.opentelemetry.io/service.namespace") {
        Some(v) => attrs.push(format!("service.namespace={v}")),
        None if !namespace.is_empty() => attrs.push(format!("service.namespace={namespace}")),
        None => {}
    }
    let version = lookup(annotations, "resource.opentelemetry.io/service.version")
        .or_else(|| lookup(labels, "app.kubernetes.io/version"))
        .or_else(|| match containers.as_slice() {
            [only] => image_version(&only.get("Image").map(|i| text(&i)).unwrap_or_default()),
            _ => None,
        });
    if let Some(v) = version {
        attrs.push(format!("service.version={v}"));
    }
    match lookup(annotations, "resource.opentelemetry.io/service.instance.id") {
        Some(v) => attrs.push(format!("service.instance.id={v}")),
        None => {
            if let Some(first) = containers.first() {
                let name = first.get("Name").map(|n| text(&n)).unwrap_or_default();
                attrs.push(format!(
                    "service.instance.id={namespace}.$(POD_NAME).{name}"
                ));
            }
        }
    }
    attrs.join(",")
}

/// An image reference's tag and digest as `tag@digest`, `digest` or `tag`.
fn image_version(image: &str) -> Option<String> {
    let (name, digest) = match image.split_once('@') {
        Some((n, d)) => (n, d),
        None => (image, ""),
    };
    let slash = name.rfind('/').map_or(0, |i| i + 1);
    let tag = name[slash..].rsplit_once(':').map(|(_, t)| t).unwrap_or("");
    match (tag, digest) {
        ("", "") => None,
        ("", d) => Some(d.to_string()),
        (t, "") => Some(t.to_string()),
        (t, d) => Some(format!("{t}@{d}")),
    }
}

/// `json.Marshal`: map keys sorted, struct fields in order, `<`, `>` and `&` escaped as
/// Go's HTML-safe encoder does.
pub fn go_json(v: &Val, html_safe: bool) -> String {
    let out = serde_json::to_string(&v.to_json()).unwrap_or_else(|_| "null".into());
    if html_safe {
        out.replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026")
    } else {
        out
    }
}

/// istiod's `protoToJSON` of a ProxyConfig: the JSON without the fields that hold their
/// defaults.
fn proto_json(v: &Val) -> String {
    let mut json = v.to_json();
    if let Some(map) = json.as_object_mut() {
        map.retain(|k, v| !super::proxy_config_default(k, v));
        if map
            .get("proxyMetadata")
            .is_some_and(|m| m.as_object().is_some_and(|m| m.is_empty()))
        {
            map.remove("proxyMetadata");
        }
    }
    serde_json::to_string(&json).unwrap_or_else(|_| "{}".into())
}

/// sigs.k8s.io/yaml's output: JSON converted to YAML with sorted keys.
fn go_yaml(v: &Val) -> String {
    match v {
        Val::Nil | Val::Zero => "null\n".into(),
        other => crate::output::yaml::to_string(&other.to_json()),
    }
}

/// A protobuf Duration's text (`"90s"`) as Go's `time.Duration.String()` (`1m30s`).
fn go_duration(text: &str) -> String {
    let Some(seconds) = text.strip_suffix('s').and_then(|n| n.parse::<f64>().ok()) else {
        return text.to_string();
    };
    let nanos = (seconds * 1e9).round() as i128;
    if nanos == 0 {
        return "0s".into();
    }
    let sign = if nanos < 0 { "-" } else { "" };
    let n = nanos.abs();
    if n < 1_000 {
        return format!("{sign}{n}ns");
    }
    if n < 1_000_000_000 {
        let (unit, div) = if n < 1_000_000 {
            ("µs", 1_000)
        } else {
            ("ms", 1_000_000)
        };
        return format!("{sign}{}{unit}", trim_fraction(n, div));
    }
    let hours = n / 3_600_000_000_000;
    let minutes = (n / 60_000_000_000) % 60;
    let secs = trim_fraction(n % 60_000_000_000, 1_000_000_000);
    let mut out = sign.to_string();
    if hours > 0 {
        out.push_str(&format!("{hours}h"));
    }
    if hours > 0 || minutes > 0 {
        out.push_str(&format!("{minutes}m"));
    }
    out.push_str(&format!("{secs}s"));
    out
}

fn trim_fraction(n: i128, div: i128) -> String {
    let whole = n / div;
    let frac = n % div;
    if frac == 0 {
        return whole.to_string();
    }
    let digits = div.to_string().len() - 1;
    let f = format!("{frac:0digits$}");
    format!("{whole}.{}", f.trim_end_matches('0'))
}

fn exclude_inbound_port(port: &str, excluded: &str) -> String {
    let port = port.trim();
    if port.is_empty() || port == "0" {
        return excluded.to_string();
    }
    let mut out: Vec<&str> = Vec::new();
    for p in excluded.split(',') {
        if p == port {
            return excluded.to_string();
        }
        let p = p.trim();
        if !p.is_empty() {
            out.push(p);
        }
    }
    out.push(port);
    out.join(",")
}

/// The TCP ports of a pod's containers (`applicationPorts`: all but istio-proxy).
fn container_ports(containers: &Val, all: bool) -> String {
    let mut ports = Vec::new();
    for c in items(containers) {
        if !all && c.get("Name").map(|n| text(&n)) == Some("istio-proxy".into()) {
            continue;
        }
        for p in items(&c.get("Ports").unwrap_or(Val::Nil)) {
            let protocol = p.get("Protocol").map(|v| text(&v)).unwrap_or_default();
            if protocol == "UDP" || protocol == "SCTP" {
                continue;
            }
            ports.push(
                p.get("ContainerPort")
                    .map(|v| text(&v))
                    .unwrap_or_else(|| "0".into()),
            );
        }
    }
    ports.join(",")
}

fn append_multus_network(existing: &str, network: &str) -> String {
    if existing.is_empty() {
        return network.to_string();
    }
    if let Some(i) = existing.rfind(']') {
        let Ok(serde_json::Value::Array(nets)) =
            serde_json::from_str::<serde_json::Value>(existing)
        else {
            return existing.to_string();
        };
        let (ns, name) = network.split_once('/').unwrap_or(("", network));
        let present = nets.iter().any(|n| {
            n.get("name").and_then(|v| v.as_str()) == Some(name)
                && n.get("namespace").and_then(|v| v.as_str()).unwrap_or("") == ns
        });
        if present {
            return existing.to_string();
        }
        let entry = if ns.is_empty() {
            format!(r#", {{"name": "{name}"}}"#)
        } else {
            format!(r#", {{"name": "{name}", "namespace": "{ns}"}}"#)
        };
        return format!("{}{entry}{}", &existing[..i], &existing[i..]);
    }
    if existing.split(',').any(|n| n.trim() == network) {
        return existing.to_string();
    }
    format!("{existing}, {network}")
}

const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |acc, b| (acc << 8) | *b as u32) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn base64_decode(text: &str) -> String {
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text.bytes().filter(|c| *c != b'=') {
        let Some(v) = B64.iter().position(|b| *b == c) else {
            return String::new();
        };
        bits = (bits << 6) | v as u32;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_print_as_go() {
        assert_eq!(go_duration("90s"), "1m30s");
        assert_eq!(go_duration("0.5s"), "500ms");
        assert_eq!(go_duration("5s"), "5s");
        assert_eq!(go_duration("3600s"), "1h0m0s");
    }

    #[test]
    fn inbound_ports_are_excluded_once() {
        assert_eq!(exclude_inbound_port("15020", "80, 81"), "80,81,15020");
        assert_eq!(exclude_inbound_port("80", "80,81"), "80,81");
        assert_eq!(exclude_inbound_port("0", "1"), "1");
    }

    #[test]
    fn base64_round_trips() {
        assert_eq!(base64_encode(b"istio"), "aXN0aW8=");
        assert_eq!(base64_decode("aXN0aW8="), "istio");
    }

    #[test]
    fn multus_networks_are_appended_once() {
        assert_eq!(append_multus_network("", "istio-cni"), "istio-cni");
        assert_eq!(
            append_multus_network("a, istio-cni", "istio-cni"),
            "a, istio-cni"
        );
        assert_eq!(
            append_multus_network(r#"[{"name": "a"}]"#, "istio-cni"),
            r#"[{"name": "a"}, {"name": "istio-cni"}]"#
        );
    }
}
