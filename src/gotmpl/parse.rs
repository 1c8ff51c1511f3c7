//! Go `text/template` syntax: splits a template into text and `{{ }}` actions (with the
//! `{{-`/`-}}` whitespace trimming and `/* */` comments) and parses the actions into a tree.

use std::collections::BTreeMap;

use super::TemplateError;

/// One parsed template body.
pub type List = Vec<Node>;

#[derive(Debug, Clone)]
pub enum Node {
    Text(String),
    /// `{{ pipeline }}`: prints the result unless the pipeline declares variables.
    Action(Pipe, usize),
    If(Branch),
    With(Branch),
    Range(Branch),
    /// `{{ template "name" pipeline }}` (and the call half of `block`).
    Template(String, Option<Pipe>, usize),
    Break,
    Continue,
}

/// `if`, `with` and `range`: the pipeline, the body and the `else` part.
#[derive(Debug, Clone)]
pub struct Branch {
    pub pipe: Pipe,
    pub body: List,
    pub otherwise: List,
    pub line: usize,
}

/// `$a, $b := cmd | cmd`.
#[derive(Debug, Clone, Default)]
pub struct Pipe {
    pub decl: Vec<String>,
    pub assign: bool,
    pub cmds: Vec<Vec<Arg>>,
}

#[derive(Debug, Clone)]
pub enum Arg {
    /// `.` followed by fields: `.A.B` is `Dot` with ["A", "B"]; `.` alone has none.
    Dot(Vec<String>),
    /// `$x.A.B`.
    Var(String, Vec<String>),
    /// `(pipeline).A.B`.
    Sub(Box<Pipe>, Vec<String>),
    /// A function name.
    Func(String),
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Nil,
}

/// A template set: the main body and every `define`d (or `block`) template.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub main: List,
    pub defined: BTreeMap<String, List>,
}

// ----------------------------------------------------------------------------- lexing

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Field(String),
    /// `.Name` written right after an operand (`$x.Name`, `(...).Name`, `.A.Name`).
    Chain(String),
    Dot,
    Var(String),
    Ident(String),
    Str(String),
    Int(i64),
    Float(f64),
    Declare,
    Assign,
    Pipe,
    Open,
    Close,
    Comma,
}

/// A `{{ }}` action's tokens, or a stretch of text.
#[derive(Debug)]
enum Piece {
    Text(String),
    Action(Vec<Tok>, usize),
}

fn err(line: usize, msg: impl Into<String>) -> TemplateError {
    TemplateError::Parse {
        line,
        message: msg.into(),
    }
}

fn pieces(src: &str) -> Result<Vec<Piece>, TemplateError> {
    let mut out = Vec::new();
    let mut rest = src;
    let mut line = 1;
    let mut trim_next = false;
    while !rest.is_empty() {
        let Some(open) = rest.find("{{") else {
            push_text(&mut out, rest, trim_next, false);
            break;
        };
        let trim_before = rest[open + 2..].starts_with("- ")
            || rest[open + 2..].starts_with("-\n")
            || rest[open + 2..].starts_with("-\t")
            || rest[open + 2..].starts_with("-\r");
        push_text(&mut out, &rest[..open], trim_next, trim_before);
        line += rest[..open].matches('\n').count();
        let body_start = open + 2 + if trim_before { 2 } else { 0 };
        let (body, after, trim_after) = action_body(&rest[body_start..], line)?;
        let action_line = line;
        line += body.matches('\n').count();
        let inner = body.trim_start();
        if inner.starts_with("/*") {
            if !inner.trim_end().ends_with("*/") {
                return Err(err(action_line, "comment ends before closing delimiter"));
            }
        } else {
            out.push(Piece::Action(lex(body, action_line)?, action_line));
        }
        trim_next = trim_after;
        rest = &rest[body_start + after..];
    }
    Ok(out)
}

/// The action text up to its closing `}}` (skipping strings and comments), the offset
/// just past the delimiter, and whether it ends with `-}}`.
fn action_body(s: &str, line: usize) -> Result<(&str, usize, bool), TemplateError> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' => i = skip_quoted(s, i, line)?,
            b'`' => {
                let end = s[i + 1..]
                    .find('`')
                    .ok_or_else(|| err(line, "unterminated raw quoted string"))?;
                i += end + 2;
            }
            b'/' if s[i..].starts_with("/*") => {
                let end = s[i..]
                    .find("*/")
                    .ok_or_else(|| err(line, "unclosed comment"))?;
                i += end + 2;
            }
            b' ' | b'\t' | b'\n' | b'\r' if s[i..].trim_start().starts_with("-}}") => {
                let ws = s[i..].len() - s[i..].trim_start().len();
                return Ok((&s[..i], i + ws + 3, true));
            }
            b'}' if s[i..].starts_with("}}") => return Ok((&s[..i], i + 2, false)),
            _ => i += 1,
        }
    }
    Err(err(line, "unclosed action"))
}

fn skip_quoted(s: &str, start: usize, line: usize) -> Result<usize, TemplateError> {
    let quote = s.as_bytes()[start];
    let mut i = start + 1;
    let bytes = s.as_bytes();
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' => break,
            c if c == quote => return Ok(i + 1),
            _ => i += 1,
        }
    }
    Err(err(line, "unterminated quoted string"))
}

fn push_text(out: &mut Vec<Piece>, text: &str, trim_start: bool, trim_end: bool) {
    let mut t = text;
    if trim_start {
        t = t.trim_start_matches([' ', '\t', '\r', '\n']);
    }
    if trim_end {
        t = t.trim_end_matches([' ', '\t', '\r', '\n']);
    }
    if !t.is_empty() {
        out.push(Piece::Text(t.to_string()));
    }
}

fn lex(body: &str, line: usize) -> Result<Vec<Tok>, TemplateError> {
    let chars: Vec<char> = body.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    let mut parens = 0usize;
    let word_end = |from: usize| {
        let mut j = from;
        while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
            j += 1;
        }
        j
    };
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' | '\n' | '\r' => i += 1,
            '/' if chars.get(i + 1) == Some(&'*') => {
                let text: String = chars[i..].iter().collect();
                let end = text
                    .find("*/")
                    .ok_or_else(|| err(line, "unclosed comment"))?;
                i += text[..end + 2].chars().count();
            }
            '|' => (toks.push(Tok::Pipe), i += 1).1,
            '(' => {
                parens += 1;
                if parens > MAX_NESTING {
                    return Err(err(
                        line,
                        format!("parentheses nest deeper than {MAX_NESTING}"),
                    ));
                }
                toks.push(Tok::Open);
                i += 1;
            }
            ')' => {
                parens = parens.saturating_sub(1);
                toks.push(Tok::Close);
                i += 1;
            }
            ',' => (toks.push(Tok::Comma), i += 1).1,
            '=' => (toks.push(Tok::Assign), i += 1).1,
            ':' if chars.get(i + 1) == Some(&'=') => (toks.push(Tok::Declare), i += 2).1,
            '.' if chars
                .get(i + 1)
                .is_some_and(|c| c.is_alphabetic() || *c == '_') =>
            {
                let end = word_end(i + 1);
                let name: String = chars[i + 1..end].iter().collect();
                let attached = i > 0
                    && !chars[i - 1].is_whitespace()
                    && matches!(
                        toks.last(),
                        Some(Tok::Field(_) | Tok::Chain(_) | Tok::Var(_) | Tok::Close | Tok::Dot)
                    );
                toks.push(if attached {
                    Tok::Chain(name)
                } else {
                    Tok::Field(name)
                });
                i = end;
            }
            '.' if chars.get(i + 1).is_some_and(char::is_ascii_digit) => {
                let (tok, end) = number(&chars, i, line)?;
                toks.push(tok);
                i = end;
            }
            '.' => (toks.push(Tok::Dot), i += 1).1,
            '$' => {
                let end = word_end(i + 1);
                toks.push(Tok::Var(chars[i..end].iter().collect()));
                i = end;
            }
            '"' => {
                let (s, end) = quoted(&chars, i, line)?;
                toks.push(Tok::Str(s));
                i = end;
            }
            '`' => {
                let end = (i + 1..chars.len())
                    .find(|&j| chars[j] == '`')
                    .ok_or_else(|| err(line, "unterminated raw quoted string"))?;
                toks.push(Tok::Str(chars[i + 1..end].iter().collect()));
                i = end + 1;
            }
            '\'' => {
                let (s, end) = quoted(&chars, i, line)?;
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(ch), None) => toks.push(Tok::Int(ch as i64)),
                    _ => return Err(err(line, "malformed character constant")),
                }
                i = end;
            }
            '-' | '+' | '0'..='9' => {
                let (tok, end) = number(&chars, i, line)?;
                toks.push(tok);
                i = end;
            }
            c if c.is_alphabetic() || c == '_' => {
                let end = word_end(i);
                toks.push(Tok::Ident(chars[i..end].iter().collect()));
                i = end;
            }
            other => return Err(err(line, format!("unexpected {other:?} in command"))),
        }
    }
    Ok(toks)
}

fn quoted(chars: &[char], start: usize, line: usize) -> Result<(String, usize), TemplateError> {
    let quote = chars[start];
    let mut out = String::new();
    let mut i = start + 1;
    while i < chars.len() {
        let c = chars[i];
        if c == quote {
            return Ok((out, i + 1));
        }
        if c != '\\' {
            out.push(c);
            i += 1;
            continue;
        }
        let next = *chars
            .get(i + 1)
            .ok_or_else(|| err(line, "unterminated quoted string"))?;
        i += 2;
        let simple = match next {
            'n' => Some('\n'),
            't' => Some('\t'),
            'r' => Some('\r'),
            '\\' => Some('\\'),
            '"' => Some('"'),
            '\'' => Some('\''),
            'a' => Some('\x07'),
            'b' => Some('\x08'),
            'f' => Some('\x0c'),
            'v' => Some('\x0b'),
            '0'..='7' => {
                let digits: String = chars[i - 1..(i + 2).min(chars.len())].iter().collect();
                let value = u32::from_str_radix(&digits, 8)
                    .map_err(|_| err(line, "invalid octal escape"))?;
                i += 2;
                char::from_u32(value)
            }
            'x' | 'u' | 'U' => {
                let n = match next {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let digits: String = chars[i..(i + n).min(chars.len())].iter().collect();
                let value = u32::from_str_radix(&digits, 16)
                    .map_err(|_| err(line, "invalid escape in quoted string"))?;
                i += n;
                char::from_u32(value)
            }
            _ => None,
        };
        out.push(simple.ok_or_else(|| err(line, "invalid escape in quoted string"))?);
    }
    Err(err(line, "unterminated quoted string"))
}

fn number(chars: &[char], start: usize, line: usize) -> Result<(Tok, usize), TemplateError> {
    let mut end = start;
    while end < chars.len() && (chars[end].is_alphanumeric() || "+-._".contains(chars[end])) {
        // A sign only starts the number or follows an exponent.
        if "+-".contains(chars[end]) && end > start && !"eEpP".contains(chars[end - 1]) {
            break;
        }
        end += 1;
    }
    let text: String = chars[start..end].iter().filter(|c| **c != '_').collect();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(d) => (-1, d),
        None => (1, text.strip_prefix('+').unwrap_or(&text)),
    };
    let radix = |p: &str, r: u32| {
        digits
            .strip_prefix(p)
            .or_else(|| digits.strip_prefix(&p.to_uppercase()))
            .and_then(|d| i64::from_str_radix(d, r).ok())
    };
    let int = radix("0x", 16)
        .or_else(|| radix("0o", 8))
        .or_else(|| radix("0b", 2))
        .or_else(|| {
            if digits.len() > 1
                && digits.starts_with('0')
                && digits.chars().all(|c| c.is_ascii_digit())
            {
                i64::from_str_radix(&digits[1..], 8).ok()
            } else {
                digits.parse().ok()
            }
        });
    if let Some(n) = int {
        return Ok((Tok::Int(sign * n), end));
    }
    match digits.parse::<f64>() {
        Ok(f) if !digits.is_empty() => Ok((Tok::Float(sign as f64 * f), end)),
        _ => Err(err(line, format!("bad number syntax: {text:?}"))),
    }
}

// ----------------------------------------------------------------------------- parsing

/// Parses a whole template, `define`s included.
pub fn parse(src: &str) -> Result<Tree, TemplateError> {
    let mut parser = Parser {
        pieces: pieces(src)?,
        pos: 0,
        defined: BTreeMap::new(),
        loop_depth: 0,
        depth: 0,
    };
    let (main, end) = parser.list()?;
    if let Some((word, line)) = end {
        return Err(err(line, format!("unexpected {{{{{word}}}}}")));
    }
    Ok(Tree {
        main,
        defined: parser.defined,
    })
}

struct Parser {
    pieces: Vec<Piece>,
    pos: usize,
    defined: BTreeMap<String, List>,
    loop_depth: usize,
    /// How deeply blocks nest here (`else if` chains count), bounded by [`MAX_NESTING`].
    depth: usize,
}

/// The deepest nesting of blocks or parentheses a template may have: deeper input is an
/// error, not a stack overflow.
const MAX_NESTING: usize = 100;

/// What ended a list: `end`, `else` (with the rest of its action) or the end of input.
type ListEnd = Option<(String, usize)>;

impl Parser {
    /// Nodes up to `{{end}}` or `{{else ...}}`; the ending keyword is returned and the
    /// `else` action's remaining tokens are left as the next piece.
    fn list(&mut self) -> Result<(List, ListEnd), TemplateError> {
        self.depth += 1;
        let listed = if self.depth > MAX_NESTING {
            let line = match self.pieces.get(self.pos.saturating_sub(1)) {
                Some(Piece::Action(_, line)) => *line,
                _ => 0,
            };
            Err(err(line, format!("blocks nest deeper than {MAX_NESTING}")))
        } else {
            self.list_nodes()
        };
        self.depth -= 1;
        listed
    }

    fn list_nodes(&mut self) -> Result<(List, ListEnd), TemplateError> {
        let mut nodes = Vec::new();
        while self.pos < self.pieces.len() {
            let piece = std::mem::replace(&mut self.pieces[self.pos], Piece::Text(String::new()));
            self.pos += 1;
            match piece {
                Piece::Text(t) => nodes.push(Node::Text(t)),
                Piece::Action(toks, line) => {
                    if let Some(end) = self.action(toks, line, &mut nodes)? {
                        return Ok((nodes, Some(end)));
                    }
                }
            }
        }
        Ok((nodes, None))
    }

    /// Parses one action into `nodes`; returns the keyword when it ends a list.
    fn action(
        &mut self,
        toks: Vec<Tok>,
        line: usize,
        nodes: &mut List,
    ) -> Result<ListEnd, TemplateError> {
        let keyword = match toks.first() {
            Some(Tok::Ident(w)) => w.clone(),
            None => return Err(err(line, "missing value for command")),
            _ => String::new(),
        };
        let rest = toks[1..].to_vec();
        match keyword.as_str() {
            "end" if rest.is_empty() => return Ok(Some(("end".into(), line))),
            "else" => {
                // `else if ...` / `else with ...` continue the chain in the same action.
                self.pos -= 1;
                self.pieces[self.pos] = Piece::Action(rest, line);
                return Ok(Some(("else".into(), line)));
            }
            "if" | "with" | "range" => {
                let branch = self.branch(&keyword, rest, line)?;
                nodes.push(match keyword.as_str() {
                    "if" => Node::If(branch),
                    "with" => Node::With(branch),
                    _ => Node::Range(branch),
                });
            }
            "define" | "block" => {
                let mut it = rest.into_iter();
                let Some(Tok::Str(name)) = it.next() else {
                    return Err(err(
                        line,
                        format!("{keyword} clause: name must be a string"),
                    ));
                };
                let pipe: Vec<Tok> = it.collect();
                let (body, end) = self.list()?;
                if end.as_ref().map(|e| e.0.as_str()) != Some("end") {
                    return Err(err(line, format!("unexpected EOF in {keyword}")));
                }
                self.defined.insert(name.clone(), body);
                if keyword == "block" {
                    let pipe = if pipe.is_empty() {
                        None
                    } else {
                        Some(pipeline(&pipe, line)?)
                    };
                    nodes.push(Node::Template(name, pipe, line));
                }
            }
            "template" => {
                let mut it = rest.into_iter();
                let Some(Tok::Str(name)) = it.next() else {
                    return Err(err(line, "template clause: name must be a string"));
                };
                let pipe: Vec<Tok> = it.collect();
                let pipe = if pipe.is_empty() {
                    None
                } else {
                    Some(pipeline(&pipe, line)?)
                };
                nodes.push(Node::Template(name, pipe, line));
            }
            "break" | "continue" if rest.is_empty() => {
                if self.loop_depth == 0 {
                    return Err(err(
                        line,
                        format!("{{{{{keyword}}}}} outside {{{{range}}}}"),
                    ));
                }
                nodes.push(if keyword == "break" {
                    Node::Break
                } else {
                    Node::Continue
                });
            }
            _ => nodes.push(Node::Action(pipeline(&toks, line)?, line)),
        }
        Ok(None)
    }

    fn branch(
        &mut self,
        keyword: &str,
        toks: Vec<Tok>,
        line: usize,
    ) -> Result<Branch, TemplateError> {
        // `else if` chains recurse through here: they count as nesting too.
        self.depth += 1;
        let branch = if self.depth > MAX_NESTING {
            Err(err(line, format!("blocks nest deeper than {MAX_NESTING}")))
        } else {
            self.branch_parts(keyword, toks, line)
        };
        self.depth -= 1;
        branch
    }

    fn branch_parts(
        &mut self,
        keyword: &str,
        toks: Vec<Tok>,
        line: usize,
    ) -> Result<Branch, TemplateError> {
        let pipe = pipeline(&toks, line)?;
        if keyword == "range" {
            self.loop_depth += 1;
        }
        let listed = self.list();
        if keyword == "range" {
            self.loop_depth -= 1;
        }
        let (body, end) = listed?;
        let otherwise = match end {
            Some((word, _)) if word == "end" => Vec::new(),
            Some((_, else_line)) => self.else_part(keyword, else_line)?,
            None => return Err(err(line, format!("unexpected EOF in {keyword}"))),
        };
        Ok(Branch {
            pipe,
            body,
            otherwise,
            line,
        })
    }

    /// The part after `{{else}}`; `{{else if ...}}` and `{{else with ...}}` nest a branch
    /// that shares the chain's `{{end}}`.
    fn else_part(&mut self, keyword: &str, line: usize) -> Result<List, TemplateError> {
        let pending = std::mem::replace(&mut self.pieces[self.pos], Piece::Text(String::new()));
        self.pos += 1;
        let Piece::Action(rest, _) = pending else {
            return Err(err(line, "internal: else without its action"));
        };
        match rest.first() {
            None => match self.list()? {
                (list, Some((word, _))) if word == "end" => Ok(list),
                _ => Err(err(line, format!("expected end; found else in {keyword}"))),
            },
            Some(Tok::Ident(k)) if k == "if" || k == "with" => {
                let chained = self.branch(k, rest[1..].to_vec(), line)?;
                Ok(vec![if k == "if" {
                    Node::If(chained)
                } else {
                    Node::With(chained)
                }])
            }
            Some(_) => Err(err(line, "unexpected token after else")),
        }
    }
}

/// Parses `$x := cmd arg | cmd`.
fn pipeline(toks: &[Tok], line: usize) -> Result<Pipe, TemplateError> {
    let mut pipe = Pipe::default();
    let mut toks = toks;
    let decl_end = toks
        .iter()
        .position(|t| matches!(t, Tok::Declare | Tok::Assign));
    if let Some(at) = decl_end {
        let vars = &toks[..at];
        let names: Vec<&Tok> = vars.iter().filter(|t| **t != Tok::Comma).collect();
        if !names.is_empty() && names.iter().all(|t| matches!(t, Tok::Var(_))) && names.len() <= 2 {
            pipe.decl = names
                .iter()
                .map(|t| match t {
                    Tok::Var(v) => v.clone(),
                    _ => unreachable!("filtered above"),
                })
                .collect();
            pipe.assign = toks[at] == Tok::Assign;
            toks = &toks[at + 1..];
        }
    }
    let mut depth = 0usize;
    let mut start = 0;
    for (i, tok) in toks.iter().enumerate() {
        match tok {
            Tok::Open => depth += 1,
            Tok::Close => depth = depth.saturating_sub(1),
            Tok::Pipe if depth == 0 => {
                pipe.cmds.push(command(&toks[start..i], line)?);
                start = i + 1;
            }
            _ => {}
        }
    }
    pipe.cmds.push(command(&toks[start..], line)?);
    Ok(pipe)
}

fn command(toks: &[Tok], line: usize) -> Result<Vec<Arg>, TemplateError> {
    let mut args = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let (arg, next) = operand(toks, i, line)?;
        args.push(arg);
        i = next;
    }
    if args.is_empty() {
        return Err(err(line, "missing value for command"));
    }
    Ok(args)
}

/// One operand starting at `i` (with any `.Field` chain that follows it directly).
fn operand(toks: &[Tok], i: usize, line: usize) -> Result<(Arg, usize), TemplateError> {
    let mut next = i + 1;
    let mut arg = match &toks[i] {
        Tok::Dot => Arg::Dot(Vec::new()),
        Tok::Field(f) => Arg::Dot(vec![f.clone()]),
        Tok::Var(v) => Arg::Var(v.clone(), Vec::new()),
        Tok::Str(s) => Arg::Str(s.clone()),
        Tok::Int(n) => Arg::Int(*n),
        Tok::Float(f) => Arg::Float(*f),
        Tok::Ident(w) => match w.as_str() {
            "true" => Arg::Bool(true),
            "false" => Arg::Bool(false),
            "nil" => Arg::Nil,
            _ => Arg::Func(w.clone()),
        },
        Tok::Open => {
            let mut depth = 1;
            let mut j = i + 1;
            while j < toks.len() && depth > 0 {
                match toks[j] {
                    Tok::Open => depth += 1,
                    Tok::Close => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth > 0 {
                return Err(err(line, "unclosed left paren"));
            }
            next = j;
            Arg::Sub(Box::new(pipeline(&toks[i + 1..j - 1], line)?), Vec::new())
        }
        other => {
            return Err(err(
                line,
                format!("unexpected {} in operand", describe(other)),
            ))
        }
    };
    while let Some(Tok::Chain(f)) = toks.get(next) {
        match &mut arg {
            Arg::Dot(fields) | Arg::Var(_, fields) | Arg::Sub(_, fields) => fields.push(f.clone()),
            _ => return Err(err(line, format!("unexpected .{f} after a constant"))),
        }
        next += 1;
    }
    Ok((arg, next))
}

fn describe(tok: &Tok) -> String {
    match tok {
        Tok::Declare => "\":=\"".into(),
        Tok::Assign => "\"=\"".into(),
        Tok::Pipe => "\"|\"".into(),
        Tok::Close => "\")\"".into(),
        Tok::Comma => "\",\"".into(),
        other => format!("{other:?}"),
    }
}
