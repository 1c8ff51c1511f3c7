//! Executes a parsed template over a value: Go `text/template`'s evaluation rules
//! (pipelines feed the last argument, variables are scoped to their block, `and`/`or` stop
//! early, `range` over lists, maps in key order and integers), within a step and output
//! budget so that no template can run away.

use std::collections::BTreeMap;

use super::funcs::{call, is_func};
use super::parse::{Arg, Branch, List, Node, Pipe, Tree};
use super::value::Val;
use super::TemplateError;

const MAX_DEPTH: usize = 200;
const MAX_STEPS: usize = 20_000_000;
const MAX_OUTPUT: usize = 64 << 20;

enum Flow {
    Normal,
    Break,
    Continue,
}

pub struct Exec<'t> {
    tree: &'t Tree,
    env: &'t BTreeMap<String, String>,
    name: String,
    out: String,
    vars: Vec<(String, Val)>,
    depth: usize,
    steps: usize,
}

type Result<T> = std::result::Result<T, TemplateError>;

impl<'t> Exec<'t> {
    pub fn new(tree: &'t Tree, name: &str, env: &'t BTreeMap<String, String>) -> Self {
        Exec {
            tree,
            env,
            name: name.to_string(),
            out: String::new(),
            vars: Vec::new(),
            depth: 0,
            steps: 0,
        }
    }

    /// Runs the main body with `data` as both `.` and `$`.
    pub fn run(mut self, data: &Val) -> Result<String> {
        self.vars.push(("$".into(), data.clone()));
        let main = &self.tree.main;
        self.walk(data, main)?;
        Ok(self.out)
    }

    fn fail(&self, line: usize, message: impl Into<String>) -> TemplateError {
        TemplateError::Exec {
            template: self.name.clone(),
            line,
            message: message.into(),
        }
    }

    fn walk(&mut self, dot: &Val, list: &'t List) -> Result<Flow> {
        for node in list {
            self.steps += 1;
            if self.steps > MAX_STEPS || self.out.len() > MAX_OUTPUT {
                return Err(self.fail(
                    0,
                    "template execution exceeds skiff's limits (a runaway loop?)",
                ));
            }
            match self.node(dot, node)? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    fn node(&mut self, dot: &Val, node: &'t Node) -> Result<Flow> {
        match node {
            Node::Text(t) => self.out.push_str(t),
            Node::Action(pipe, line) => {
                let value = self.pipe(dot, pipe, *line)?;
                if pipe.decl.is_empty() {
                    self.out.push_str(&value.print());
                }
            }
            Node::If(b) => return self.scoped(|e| e.if_node(dot, b)),
            Node::With(b) => return self.scoped(|e| e.with_node(dot, b)),
            Node::Range(b) => return self.scoped(|e| e.range_node(dot, b)),
            Node::Template(name, pipe, line) => self.template(dot, name, pipe.as_ref(), *line)?,
            Node::Break => return Ok(Flow::Break),
            Node::Continue => return Ok(Flow::Continue),
        }
        Ok(Flow::Normal)
    }

    /// Runs `f` with variables declared inside it dropped afterwards.
    fn scoped(&mut self, f: impl FnOnce(&mut Self) -> Result<Flow>) -> Result<Flow> {
        let mark = self.vars.len();
        let flow = f(self);
        self.vars.truncate(mark);
        flow
    }

    fn if_node(&mut self, dot: &Val, b: &'t Branch) -> Result<Flow> {
        let cond = self.pipe(dot, &b.pipe, b.line)?;
        let list = if cond.truthy() { &b.body } else { &b.otherwise };
        self.scoped(|e| e.walk(dot, list))
    }

    fn with_node(&mut self, dot: &Val, b: &'t Branch) -> Result<Flow> {
        let value = self.pipe(dot, &b.pipe, b.line)?;
        if value.truthy() {
            self.scoped(|e| e.walk(&value, &b.body))
        } else {
            self.scoped(|e| e.walk(dot, &b.otherwise))
        }
    }

    fn range_node(&mut self, dot: &Val, b: &'t Branch) -> Result<Flow> {
        // The range's variables are bound per item below, not to the ranged value.
        let names = &b.pipe.decl;
        let value = self.commands(dot, &b.pipe.cmds, b.line)?;
        let items: Vec<(Val, Val)> = match &value {
            Val::List(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (Val::Int(i as i64), v.clone()))
                .collect(),
            Val::Map(..) => value
                .entries()
                .into_iter()
                .map(|(k, v)| (Val::str(k), v))
                .collect(),
            Val::Int(n) if *n >= 0 => {
                if *n as u64 > MAX_STEPS as u64 {
                    return Err(self.fail(b.line, "range over an integer exceeds skiff's limits"));
                }
                (0..*n).map(|i| (Val::Int(i), Val::Int(i))).collect()
            }
            Val::Nil | Val::Zero => Vec::new(),
            other => {
                return Err(self.fail(
                    b.line,
                    format!("range can't iterate over {}", other.print()),
                ))
            }
        };
        if items.is_empty() {
            return self.scoped(|e| e.walk(dot, &b.otherwise));
        }
        for (key, item) in items {
            let mark = self.vars.len();
            match names.as_slice() {
                [v] => self.vars.push((v.clone(), item.clone())),
                [k, v] => {
                    self.vars.push((k.clone(), key));
                    self.vars.push((v.clone(), item.clone()));
                }
                _ => {}
            }
            let flow = self.walk(&item, &b.body);
            self.vars.truncate(mark);
            if let Flow::Break = flow? {
                break;
            }
        }
        Ok(Flow::Normal)
    }

    fn template(&mut self, dot: &Val, name: &str, pipe: Option<&Pipe>, line: usize) -> Result<()> {
        let body = self
            .tree
            .defined
            .get(name)
            .ok_or_else(|| self.fail(line, format!("no such template {name:?}")))?;
        let data = match pipe {
            Some(p) => self.pipe(dot, p, line)?,
            None => Val::Nil,
        };
        if self.depth >= MAX_DEPTH {
            return Err(self.fail(line, "exceeded maximum template depth"));
        }
        self.depth += 1;
        let saved = std::mem::replace(&mut self.vars, vec![("$".into(), data.clone())]);
        let result = self.walk(&data, body);
        self.vars = saved;
        self.depth -= 1;
        result.map(|_| ())
    }

    fn pipe(&mut self, dot: &Val, pipe: &Pipe, line: usize) -> Result<Val> {
        let value = self.commands(dot, &pipe.cmds, line)?;
        for name in &pipe.decl {
            if pipe.assign {
                let slot = self.vars.iter_mut().rev().find(|(n, _)| n == name);
                match slot {
                    Some(slot) => slot.1 = value.clone(),
                    None => return Err(self.fail(line, format!("undefined variable: {name}"))),
                }
            } else {
                self.vars.push((name.clone(), value.clone()));
            }
        }
        Ok(value)
    }

    /// A pipeline's commands, each result fed to the next as its last argument.
    fn commands(&mut self, dot: &Val, cmds: &[Vec<Arg>], line: usize) -> Result<Val> {
        let mut value: Option<Val> = None;
        for cmd in cmds {
            value = Some(self.command(dot, cmd, value, line)?);
        }
        Ok(value.unwrap_or(Val::Nil))
    }

    fn command(&mut self, dot: &Val, cmd: &[Arg], piped: Option<Val>, line: usize) -> Result<Val> {
        let Arg::Func(name) = &cmd[0] else {
            if cmd.len() > 1 || piped.is_some() {
                return Err(self.fail(line, "can't give argument to non-function"));
            }
            return self.arg(dot, &cmd[0], line);
        };
        if name == "and" || name == "or" {
            return self.and_or(dot, name == "and", &cmd[1..], piped, line);
        }
        if !is_func(name) {
            return Err(self.fail(line, format!("function {name:?} not defined")));
        }
        let mut args = Vec::with_capacity(cmd.len());
        for a in &cmd[1..] {
            args.push(self.arg(dot, a, line)?);
        }
        args.extend(piped);
        if name == "env" {
            if let Some(value) = args.first().and_then(|k| self.env.get(&k.print())) {
                return Ok(Val::str(value.as_str()));
            }
        }
        let value =
            call(name, &args).map_err(|e| self.fail(line, format!("error calling {name}: {e}")))?;
        match &value {
            Val::Str(s) if s.len() > MAX_OUTPUT => Err(self.fail(
                line,
                format!("{name} makes a string larger than skiff's limits"),
            )),
            _ => Ok(value),
        }
    }

    /// `and`/`or`: the first operand that decides, evaluated left to right.
    fn and_or(
        &mut self,
        dot: &Val,
        and: bool,
        args: &[Arg],
        piped: Option<Val>,
        line: usize,
    ) -> Result<Val> {
        if args.is_empty() && piped.is_none() {
            return Err(self.fail(line, "wrong number of args: want at least 1 got 0"));
        }
        let mut last = Val::Nil;
        for a in args {
            last = self.arg(dot, a, line)?;
            if last.truthy() != and {
                return Ok(last);
            }
        }
        Ok(piped.unwrap_or(last))
    }

    fn arg(&mut self, dot: &Val, arg: &Arg, line: usize) -> Result<Val> {
        Ok(match arg {
            Arg::Dot(fields) => self.fields(dot.clone(), fields, line)?,
            Arg::Var(name, fields) => {
                let value = self
                    .vars
                    .iter()
                    .rev()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.clone())
                    .ok_or_else(|| self.fail(line, format!("undefined variable: {name}")))?;
                self.fields(value, fields, line)?
            }
            Arg::Sub(pipe, fields) => {
                let mark = self.vars.len();
                let value = self.pipe(dot, pipe, line);
                self.vars.truncate(mark);
                self.fields(value?, fields, line)?
            }
            Arg::Func(name) if is_func(name) => call(name, &[])
                .map_err(|e| self.fail(line, format!("error calling {name}: {e}")))?,
            Arg::Func(name) => {
                return Err(self.fail(line, format!("function {name:?} not defined")))
            }
            Arg::Str(s) => Val::str(s.as_str()),
            Arg::Int(i) => Val::Int(*i),
            Arg::Float(f) => Val::Float(*f),
            Arg::Bool(b) => Val::Bool(*b),
            Arg::Nil => Val::Nil,
        })
    }

    fn fields(&self, mut value: Val, fields: &[String], line: usize) -> Result<Val> {
        for field in fields {
            value = match (&value, field.as_str()) {
                // Methods of protobuf values that templates call: an enum's `String`, a
                // wrapper's `GetValue` and nil-safe getters (`GetX`), zero when unset.
                (Val::Str(_), "String") => value.clone(),
                (Val::Nil | Val::Zero, "GetValue" | "String") => Val::Zero,
                (Val::Bool(_) | Val::Int(_) | Val::Float(_) | Val::Str(_), "GetValue") => {
                    value.clone()
                }
                (Val::Map(..), getter) if getter.starts_with("Get") && getter.len() > 3 => {
                    value.get(&getter[3..]).unwrap_or(Val::Zero)
                }
                (Val::Nil | Val::Zero, getter) if getter.starts_with("Get") && getter.len() > 3 => {
                    Val::Zero
                }
                (Val::Map(..), _) => value.get(field).unwrap_or(Val::Nil),
                (Val::Zero, _) => Val::Zero,
                (Val::Nil, _) => {
                    return Err(self.fail(
                        line,
                        format!("nil pointer evaluating interface {{}}.{field}"),
                    ));
                }
                (other, _) => {
                    return Err(self.fail(
                        line,
                        format!("can't evaluate field {field} in type {}", other.type_name()),
                    ));
                }
            };
        }
        Ok(value)
    }
}
