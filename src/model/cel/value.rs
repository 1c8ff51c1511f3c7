//! CEL values and the operations on them that both evaluation and the library functions
//! use: equality, ordering, arithmetic.

use std::borrow::Cow;
use std::cmp::Ordering;

use serde_json::Value as Json;

/// A CEL value. Lists and maps read from the evaluated document stay borrowed.
#[derive(Debug, Clone)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Double(f64),
    String(Cow<'a, str>),
    Bytes(Vec<u8>),
    List(Vec<Value<'a>>),
    Map(Vec<(Value<'a>, Value<'a>)>),
    /// A JSON array or object of the document.
    Json(&'a Json),
    /// A `google.protobuf.Duration`, in nanoseconds.
    Duration(i64),
    /// A Kubernetes `url()` value.
    Url(Box<Url>),
}

/// The outcome of evaluating an expression: a value or CEL's error text.
pub type Eval<'a> = Result<Value<'a>, String>;

pub const NO_SUCH_OVERLOAD: &str = "no such overload";

pub fn overflow() -> String {
    "integer overflow".into()
}

/// `a + b`.
pub fn add<'a>(a: Value<'a>, b: Value<'a>) -> Eval<'a> {
    arithmetic("+", a, b)
}

/// `a op b` on integers, worked in 128 bits; None when the result is out of range for
/// the operands' type (checked by the caller), Err for a division by zero.
fn integer_op(op: &str, a: i128, b: i128) -> Result<Option<i128>, String> {
    Ok(match op {
        "+" => a.checked_add(b),
        "-" => a.checked_sub(b),
        "*" => a.checked_mul(b),
        "/" if b == 0 => return Err("division by zero".into()),
        "%" if b == 0 => return Err("modulus by zero".into()),
        "/" => a.checked_div(b),
        _ => a.checked_rem(b),
    })
}

pub fn arithmetic<'a>(op: &str, left: Value<'a>, right: Value<'a>) -> Eval<'a> {
    use Value::*;
    match (left, right) {
        // cel-go refuses MinInt64 % -1 as an overflow, as its division.
        (Int(i64::MIN), Int(-1)) if op == "%" => Err(overflow()),
        (Int(a), Int(b)) => integer_op(op, a.into(), b.into())?
            .and_then(|r| i64::try_from(r).ok())
            .map(Int)
            .ok_or(overflow()),
        (Uint(a), Uint(b)) => integer_op(op, a.into(), b.into())?
            .and_then(|r| u64::try_from(r).ok())
            .map(Uint)
            .ok_or(overflow()),
        (Double(a), Double(b)) => match op {
            "+" => Ok(Double(a + b)),
            "-" => Ok(Double(a - b)),
            "*" => Ok(Double(a * b)),
            "/" => Ok(Double(a / b)),
            _ => Err(NO_SUCH_OVERLOAD.into()),
        },
        (Duration(a), Duration(b)) => match op {
            "+" => a.checked_add(b).map(Duration).ok_or(overflow()),
            "-" => a.checked_sub(b).map(Duration).ok_or(overflow()),
            _ => Err(NO_SUCH_OVERLOAD.into()),
        },
        (String(a), String(b)) if op == "+" => Ok(String(Cow::Owned(format!("{a}{b}")))),
        (Bytes(mut a), Bytes(b)) if op == "+" => {
            a.extend(b);
            Ok(Bytes(a))
        }
        (a, b) if op == "+" => match (a.elements(), b.elements()) {
            (Some(mut x), Some(y)) => {
                x.extend(y);
                Ok(List(x))
            }
            _ => Err(NO_SUCH_OVERLOAD.into()),
        },
        _ => Err(NO_SUCH_OVERLOAD.into()),
    }
}

/// A number as a comparable double with its integer value when it has one.
fn numeric(v: &Value<'_>) -> Option<(f64, Option<i128>)> {
    match v {
        Value::Int(i) => Some((*i as f64, Some(i128::from(*i)))),
        Value::Uint(u) => Some((*u as f64, Some(i128::from(*u)))),
        Value::Double(d) => Some((*d, None)),
        _ => None,
    }
}

/// CEL's ordering: numbers across types, strings, bytes, bools, durations.
pub fn compare(a: &Value<'_>, b: &Value<'_>) -> Option<Ordering> {
    match (a, b) {
        (Value::String(x), Value::String(y)) => Some(x.cmp(y)),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        (Value::Bytes(x), Value::Bytes(y)) => Some(x.cmp(y)),
        (Value::Duration(x), Value::Duration(y)) => Some(x.cmp(y)),
        _ => match (numeric(a)?, numeric(b)?) {
            ((_, Some(x)), (_, Some(y))) => Some(x.cmp(&y)),
            ((x, _), (y, _)) => x.partial_cmp(&y),
        },
    }
}

/// CEL's heterogeneous equality: values of different types are unequal, numbers compare
/// by value, lists and maps by their members.
pub fn equal(a: &Value<'_>, b: &Value<'_>) -> bool {
    if let (Some(_), Some(_)) = (numeric(a), numeric(b)) {
        return compare(a, b) == Some(Ordering::Equal);
    }
    if let (Some(x), Some(y)) = (a.entries(), b.entries()) {
        return x.len() == y.len()
            && x.iter()
                .all(|(k, v)| y.iter().any(|(k2, v2)| equal(k, k2) && equal(v, v2)));
    }
    if let (Some(x), Some(y)) = (a.elements(), b.elements()) {
        return x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| equal(p, q));
    }
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Url(x), Value::Url(y)) => x == y,
        _ => compare(a, b) == Some(Ordering::Equal),
    }
}

impl<'a> Value<'a> {
    /// The CEL value of a JSON value (integers as `int`, other numbers as `double`).
    pub fn from_json(json: &'a Json) -> Value<'a> {
        match json {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => Value::Int(i),
                (None, Some(u)) => Value::Uint(u),
                _ => Value::Double(n.as_f64().unwrap_or(f64::NAN)),
            },
            Json::String(s) => Value::String(Cow::Borrowed(s)),
            Json::Array(_) | Json::Object(_) => Value::Json(json),
        }
    }

    /// The members of a list.
    pub fn elements(&self) -> Option<Vec<Value<'a>>> {
        match self {
            Value::List(items) => Some(items.clone()),
            Value::Json(Json::Array(items)) => Some(items.iter().map(Value::from_json).collect()),
            _ => None,
        }
    }

    /// The entries of a map.
    pub fn entries(&self) -> Option<Vec<(Value<'a>, Value<'a>)>> {
        match self {
            Value::Map(entries) => Some(entries.clone()),
            Value::Json(Json::Object(map)) => Some(
                map.iter()
                    .map(|(k, v)| (Value::String(Cow::Borrowed(k)), Value::from_json(v)))
                    .collect(),
            ),
            _ => None,
        }
    }

    /// How CEL's errors print a key or index.
    pub fn display(&self) -> String {
        match self {
            Value::String(s) => s.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Uint(u) => u.to_string(),
            Value::Double(d) => d.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Null => "null".into(),
            other => format!("{other:?}"),
        }
    }
}

/// A URL as Go's `net/url` splits it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Url {
    pub scheme: String,
    pub opaque: String,
    pub host: String,
    pub path: String,
    pub raw_query: String,
}
