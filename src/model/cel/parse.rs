//! CEL's grammar: the lexer and a parser that builds the expression tree, with the
//! parse-time rules of the standard macros (what cel-go's `Parse` accepts).

/// Words CEL reserves; they may not be used as identifiers.
const RESERVED: &[&str] = &[
    "as",
    "break",
    "const",
    "continue",
    "else",
    "for",
    "function",
    "if",
    "import",
    "let",
    "loop",
    "package",
    "namespace",
    "return",
    "var",
    "void",
];

/// How deep expressions may nest (CEL's parser refuses deeper ones).
const MAX_DEPTH: usize = 250;

/// A literal value written in an expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Null,
    Bool(bool),
    /// A decimal or hex integer without sign: its magnitude (`-9223372036854775808` is
    /// the one literal that fits only once negated).
    Int(u64),
    Uint(u64),
    Double(f64),
    String(String),
    Bytes(Vec<u8>),
}

/// The comprehension macros.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Macro {
    All,
    Exists,
    ExistsOne,
    Map,
    Filter,
}

/// A parsed CEL expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Literal(Literal),
    Ident(String),
    Select(Box<Expr>, String),
    /// `has(operand.field)`.
    Has(Box<Expr>, String),
    Index(Box<Expr>, Box<Expr>),
    /// A function call, with its receiver for the method form (`s.size()`).
    Call {
        target: Option<Box<Expr>>,
        function: String,
        args: Vec<Expr>,
    },
    /// `range.all(var, body)` and its siblings; `map(x, filter, transform)` has two bodies.
    Comprehension {
        kind: Macro,
        range: Box<Expr>,
        var: String,
        body: Vec<Expr>,
    },
    List(Vec<Expr>),
    Map(Vec<(Expr, Expr)>),
    /// A message construction `pkg.Type{field: value}`.
    Message(String, Vec<(String, Expr)>),
    Not(Box<Expr>),
    Negate(Box<Expr>),
    /// A binary operator other than `&&` and `||`: `==`, `<`, `+`, `in`, ...
    Binary(&'static str, Box<Expr>, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Conditional(Box<Expr>, Box<Expr>, Box<Expr>),
}

/// The expression tree of `source`, or its first syntax error as `line:column: message`.
pub fn parse(source: &str) -> Result<Expr, String> {
    let tokens = lex(source).map_err(|(offset, message)| {
        located(source, offset, &format!("Syntax error: {message}"))
    })?;
    let texts = token_texts(source, &tokens);
    let mut parser = Parser {
        tokens,
        texts,
        source: source.to_string(),
        at: 0,
        depth: 0,
        enclosing: Vec::new(),
        operand_context: None,
    };
    let result = parser.expr().and_then(|expr| match parser.peek() {
        Tok::End => Ok(expr),
        _ => Err(parser.recover_inline(&[EOF], "")),
    });
    result.map_err(|(offset, message)| located(source, offset, &message))
}

/// The first syntax error of `source` as `line:column: message`, or None when it parses.
pub fn syntax_error(source: &str) -> Option<String> {
    parse(source).err()
}

/// The first syntax error of `source` as cel-go displays an error: `ERROR: <input>:L:C:
/// message`, then (for a non-empty source) the source line and a line pointing at the
/// column with dots and a caret (full-width ones under wide characters), tabs as spaces.
pub fn syntax_error_display(source: &str) -> Option<String> {
    let located = syntax_error(source)?;
    let mut out = format!("ERROR: <input>:{located}");
    let (position, _) = located.split_once(": ")?;
    let (line, column) = position.split_once(':')?;
    let (line, column): (usize, usize) = (line.parse().ok()?, column.parse().ok()?);
    let Some(snippet) = source.split('\n').nth(line.saturating_sub(1)) else {
        return Some(out);
    };
    if source.is_empty() {
        return Some(out);
    }
    let snippet = snippet.replace('\t', " ");
    let mut pointer = String::new();
    let mut chars = snippet.chars();
    for _ in 0..column.saturating_sub(1) {
        match chars.next() {
            Some(c) if c.len_utf8() > 1 => pointer.push('\u{ff0e}'),
            Some(_) => pointer.push('.'),
            None => break,
        }
    }
    pointer.push(match chars.next() {
        Some(c) if c.len_utf8() > 1 => '\u{ff3e}',
        _ => '^',
    });
    out.push_str(&format!("\n | {snippet}\n | {pointer}"));
    Some(out)
}

fn located(source: &str, offset: usize, message: &str) -> String {
    // CEL's parser places the end of an empty expression at column 0.
    if source.is_empty() {
        return format!("1:0: {message}");
    }
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!("{line}:{column}: {message}")
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    /// A backquoted field name (`a.\`b-c\``), allowed only after a dot or in field inits.
    Escaped(String),
    Literal(Literal),
    Punct(&'static str),
    End,
}

type Located = (usize, String);

const PUNCTUATION: &[&str] = &[
    "==", "!=", "<=", ">=", "&&", "||", "<", ">", "+", "-", "*", "/", "%", "!", "?", ":", ".", ",",
    "(", ")", "[", "]", "{", "}",
];

fn lex(source: &str) -> Result<Vec<(usize, Tok)>, Located> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if source[i..].starts_with("//") {
            i = source[i..].find('\n').map_or(bytes.len(), |n| i + n);
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let end = word_end(bytes, i);
            let word = &source[i..end];
            let quote = bytes.get(end).copied();
            let prefix = word.len() <= 2 && word.chars().all(|c| "rRbB".contains(c));
            if prefix && matches!(quote, Some(b'"' | b'\'')) {
                let raw = word.contains(['r', 'R']);
                let bytes = word.contains(['b', 'B']);
                let close = string_end(source, end, raw)?;
                out.push((end, Tok::Literal(quoted(&source[end..close], raw, bytes))));
                i = close;
                continue;
            }
            let token = match word {
                "true" => Tok::Literal(Literal::Bool(true)),
                "false" => Tok::Literal(Literal::Bool(false)),
                "null" => Tok::Literal(Literal::Null),
                "in" => Tok::Punct("in"),
                _ => Tok::Ident(word.to_string()),
            };
            out.push((i, token));
            i = end;
        } else if c.is_ascii_digit()
            || (c == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            let end = number_end(source, i)?;
            out.push((i, Tok::Literal(number(&source[i..end]))));
            i = end;
        } else if c == b'"' || c == b'\'' {
            let end = string_end(source, i, false)?;
            out.push((i, Tok::Literal(quoted(&source[i..end], false, false))));
            i = end;
        } else if c == b'`' {
            let close = source[i + 1..].find('`').map(|n| i + 1 + n);
            let name_ok = |n: usize| {
                n > i + 1
                    && source[i + 1..n]
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"_.-/ ".contains(&b))
            };
            match close.filter(|&n| name_ok(n)) {
                Some(n) => {
                    out.push((i, Tok::Escaped(source[i + 1..n].to_string())));
                    i = n + 1;
                }
                None => return Err((i, "token recognition error at: '`'".into())),
            }
        } else if let Some(p) = PUNCTUATION.iter().find(|p| source[i..].starts_with(**p)) {
            out.push((i, Tok::Punct(p)));
            i += p.len();
        } else {
            let ch = source[i..].chars().next().unwrap_or('?');
            return Err((i, format!("token recognition error at: '{ch}'")));
        }
    }
    out.push((bytes.len(), Tok::End));
    Ok(out)
}

fn word_end(bytes: &[u8], start: usize) -> usize {
    let len = bytes[start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
        .count();
    start + len
}

/// The end of a number literal: decimal or hex integers (`u` suffix for unsigned) and
/// floats with fraction and exponent. An integer that does not fit is an error.
fn number_end(source: &str, start: usize) -> Result<usize, Located> {
    let bytes = source.as_bytes();
    let digits = |from: usize, hex: bool| {
        from + bytes[from..]
            .iter()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count()
    };
    if source[start..].starts_with("0x") || source[start..].starts_with("0X") {
        let end = digits(start + 2, true);
        if end == start + 2 {
            return Err((start, "invalid hex literal".into()));
        }
        let value = u64::from_str_radix(&source[start + 2..end], 16);
        return unsigned_suffix(bytes, end, value.is_ok(), start);
    }
    let mut end = digits(start, false);
    let mut float = false;
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = digits(end + 1, false);
        float = true;
    }
    if matches!(bytes.get(end), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(bytes.get(end + 1), Some(b'+' | b'-')));
        let exponent = digits(end + 1 + sign, false);
        if exponent > end + 1 + sign {
            end = exponent;
            float = true;
        }
    }
    if float {
        return Ok(end);
    }
    let text = &source[start..end];
    let fits = if matches!(bytes.get(end), Some(b'u' | b'U')) {
        text.parse::<u64>().is_ok()
    } else {
        // A negative literal is parsed with its sign; i64::MIN's magnitude fits then.
        text.parse::<u64>().is_ok_and(|v| v <= i64::MAX as u64 + 1)
    };
    unsigned_suffix(bytes, end, fits, start)
}

fn unsigned_suffix(bytes: &[u8], end: usize, fits: bool, start: usize) -> Result<usize, Located> {
    if !fits {
        return Err((start, "invalid int literal".into()));
    }
    Ok(end + usize::from(matches!(bytes.get(end), Some(b'u' | b'U'))))
}

/// The end of a quoted string starting at `start` (single, double or triple quotes);
/// escapes are checked unless `raw`.
fn string_end(source: &str, start: usize, raw: bool) -> Result<usize, Located> {
    let rest = &source[start..];
    let quote = &rest[..1];
    let triple = quote.repeat(3);
    let (delimiter, mut i) = if rest.starts_with(&triple) {
        (triple.as_str(), 3)
    } else {
        (quote, 1)
    };
    let bytes = rest.as_bytes();
    while i < bytes.len() {
        if rest[i..].starts_with(delimiter) {
            return Ok(start + i + delimiter.len());
        }
        match bytes[i] {
            b'\n' | b'\r' if delimiter.len() == 1 => break,
            b'\\' if !raw => {
                i += escape_len(&rest[i..])
                    .ok_or((start + i, "invalid escape sequence".to_string()))?
            }
            _ => i += 1,
        }
    }
    let ch = quote.chars().next().unwrap_or('"');
    Err((start, format!("token recognition error at: '{ch}'")))
}

/// Length of the escape sequence at the start of `s` (which starts with a backslash).
fn escape_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let hex = |from: usize, n: usize| {
        b.get(from..from + n)
            .is_some_and(|d| d.iter().all(u8::is_ascii_hexdigit))
            .then_some(from + n)
    };
    match b.get(1)? {
        b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'\\' | b'\'' | b'"' | b'`' | b'?' => {
            Some(2)
        }
        b'x' | b'X' => hex(2, 2),
        b'u' => hex(2, 4),
        b'U' => hex(2, 8),
        b'0'..=b'3' => b
            .get(2..4)
            .is_some_and(|d| d.iter().all(|c| (b'0'..=b'7').contains(c)))
            .then_some(4),
        _ => None,
    }
}

/// The value of a quoted literal `text` (quotes included, already checked by the lexer).
fn quoted(text: &str, raw: bool, bytes: bool) -> Literal {
    let quote = &text[..1];
    let width = if text.len() >= 6 && text.starts_with(&quote.repeat(3)) {
        3
    } else {
        1
    };
    let body = &text[width..text.len() - width];
    let mut out: Vec<u8> = Vec::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find('\\').filter(|_| !raw) {
        out.extend_from_slice(&rest.as_bytes()[..at]);
        let len = escape_len(&rest[at..]).unwrap_or(2);
        unescape(&rest[at..at + len], bytes, &mut out);
        rest = &rest[at + len..];
    }
    out.extend_from_slice(rest.as_bytes());
    if bytes {
        Literal::Bytes(out)
    } else {
        Literal::String(String::from_utf8_lossy(&out).into_owned())
    }
}

/// Appends the value of one escape sequence: a byte in a bytes literal, a code point in a
/// string.
fn unescape(escape: &str, bytes: bool, out: &mut Vec<u8>) {
    let code = match &escape[1..2] {
        "a" => 7,
        "b" => 8,
        "f" => 12,
        "n" => 10,
        "r" => 13,
        "t" => 9,
        "v" => 11,
        "x" | "X" | "u" | "U" => u32::from_str_radix(&escape[2..], 16).unwrap_or(0xFFFD),
        d if d.as_bytes()[0].is_ascii_digit() => u32::from_str_radix(&escape[1..], 8).unwrap_or(0),
        other => other.as_bytes()[0] as u32,
    };
    match u8::try_from(code) {
        Ok(byte) if bytes => out.push(byte),
        _ => {
            let ch = char::from_u32(code).unwrap_or('\u{FFFD}');
            out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
        }
    }
}

/// The value of a number literal the lexer accepted.
fn number(text: &str) -> Literal {
    let unsigned = text.ends_with(['u', 'U']);
    let digits = text.trim_end_matches(['u', 'U']);
    let parsed = match digits.strip_prefix("0x").or(digits.strip_prefix("0X")) {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => digits.parse::<u64>().ok(),
    };
    match parsed {
        Some(v) if unsigned => Literal::Uint(v),
        Some(v) => Literal::Int(v),
        None => Literal::Double(digits.parse().unwrap_or(f64::NAN)),
    }
}

/// Each token as CEL's (ANTLR) parser shows it in an error: its source text, `<EOF>`.
fn token_texts(source: &str, tokens: &[(usize, Tok)]) -> Vec<String> {
    tokens
        .iter()
        .enumerate()
        .map(|(k, (start, tok))| match tok {
            Tok::End => EOF.to_string(),
            _ => {
                let end = tokens.get(k + 1).map_or(source.len(), |(next, _)| *next);
                source[*start..end].trim_end().to_string()
            }
        })
        .collect()
}

/// The names of CEL's tokens in the order of its grammar's vocabulary, as ANTLR lists an
/// expected set.
const VOCABULARY: &[&str] = &[
    "'=='",
    "'!='",
    "'in'",
    "'<'",
    "'<='",
    "'>='",
    "'>'",
    "'&&'",
    "'||'",
    "'['",
    "']'",
    "'{'",
    "'}'",
    "'('",
    "')'",
    "'.'",
    "','",
    "'-'",
    "'!'",
    "'?'",
    "':'",
    "'+'",
    "'*'",
    "'/'",
    "'%'",
    "'true'",
    "'false'",
    "'null'",
    "NUM_FLOAT",
    "NUM_INT",
    "NUM_UINT",
    "STRING",
    "BYTES",
    "IDENTIFIER",
    "ESC_IDENTIFIER",
    EOF,
];

const EOF: &str = "<EOF>";

/// The tokens that can start an expression.
const OPERAND_START: &[&str] = &[
    "'['",
    "'{'",
    "'('",
    "'.'",
    "'-'",
    "'!'",
    "'true'",
    "'false'",
    "'null'",
    "NUM_FLOAT",
    "NUM_INT",
    "NUM_UINT",
    "STRING",
    "BYTES",
    "IDENTIFIER",
];

/// The tokens that can follow a complete operand wherever it is.
const AFTER_OPERAND: &[&str] = &[
    "'=='", "'!='", "'in'", "'<'", "'<='", "'>='", "'>'", "'&&'", "'||'", "'['", "'('", "'.'",
    "'-'", "'?'", "'+'", "'*'", "'/'", "'%'",
];

/// The vocabulary name of a token.
fn vocabulary_name(tok: &Tok) -> &'static str {
    match tok {
        Tok::Ident(name) if name == "in" => "'in'",
        Tok::Ident(_) => "IDENTIFIER",
        Tok::Escaped(_) => "ESC_IDENTIFIER",
        Tok::Literal(Literal::Null) => "'null'",
        Tok::Literal(Literal::Bool(true)) => "'true'",
        Tok::Literal(Literal::Bool(false)) => "'false'",
        Tok::Literal(Literal::Int(_)) => "NUM_INT",
        Tok::Literal(Literal::Uint(_)) => "NUM_UINT",
        Tok::Literal(Literal::Double(_)) => "NUM_FLOAT",
        Tok::Literal(Literal::String(_)) => "STRING",
        Tok::Literal(Literal::Bytes(_)) => "BYTES",
        Tok::Punct(p) => punct_name(p),
        Tok::End => EOF,
    }
}

/// The vocabulary name of a punctuation token (`'('`).
fn punct_name(p: &str) -> &'static str {
    VOCABULARY
        .iter()
        .find(|v| v.len() == p.len() + 2 && v[1..v.len() - 1] == *p)
        .copied()
        .unwrap_or(EOF)
}

/// An expected set as ANTLR words it: one token alone, several in braces in vocabulary
/// order.
fn expecting(set: &[&str]) -> String {
    let names: Vec<&str> = VOCABULARY
        .iter()
        .copied()
        .filter(|v| set.contains(v))
        .collect();
    match names.as_slice() {
        [one] => one.to_string(),
        many => format!("{{{}}}", many.join(", ")),
    }
}

/// What encloses the expression being parsed: the tokens that close or continue it there.
#[derive(Clone, Copy)]
enum Enclosing {
    /// A list literal's element: `]` or `,`.
    ListElement,
    /// A map or message literal's key: `:`.
    EntryKey,
    /// A map or message literal's value: `}` or `,`.
    EntryValue,
    /// A call's argument: `)` or `,`.
    Argument,
    /// A parenthesised expression: `)`.
    Nested,
    /// An index: `]`.
    Index,
    /// The middle of a conditional: `:`.
    Then,
}

impl Enclosing {
    fn followers(self) -> &'static [&'static str] {
        match self {
            Enclosing::ListElement => &["']'", "','"],
            Enclosing::EntryKey => &["':'"],
            Enclosing::EntryValue => &["'}'", "','"],
            Enclosing::Argument => &["')'", "','"],
            Enclosing::Nested => &["')'"],
            Enclosing::Index => &["']'"],
            Enclosing::Then => &["':'"],
        }
    }
}

struct Parser {
    tokens: Vec<(usize, Tok)>,
    /// Each token's text for error messages.
    texts: Vec<String>,
    source: String,
    at: usize,
    depth: usize,
    /// The contexts the current expression is nested in, innermost last.
    enclosing: Vec<Enclosing>,
    /// Tokens an operand starting at a token index may also be (`]` right after `[`).
    operand_context: Option<(usize, &'static [&'static str])>,
}

type Parsed<T> = Result<T, Located>;

impl Parser {
    fn peek(&self) -> &Tok {
        &self.tokens[self.at].1
    }

    fn offset(&self) -> usize {
        self.tokens[self.at].0
    }

    fn is(&self, p: &str) -> bool {
        matches!(self.peek(), Tok::Punct(q) if *q == p)
    }

    fn eat(&mut self, p: &str) -> bool {
        let found = self.is(p);
        if found {
            self.at += 1;
        }
        found
    }

    fn expect(&mut self, p: &str) -> Parsed<()> {
        if self.eat(p) {
            Ok(())
        } else {
            let name = punct_name(p);
            Err(self.recover_inline(&[name], name))
        }
    }

    fn text(&self, k: usize) -> &str {
        self.texts.get(k).map_or(EOF, String::as_str)
    }

    fn name_at(&self, k: usize) -> &'static str {
        self.tokens.get(k).map_or(EOF, |(_, t)| vocabulary_name(t))
    }

    /// What can follow a complete operand here: operators, and what the enclosing
    /// contexts accept (the end of input at the top).
    fn followers(&self) -> Vec<&'static str> {
        let mut set = AFTER_OPERAND.to_vec();
        match self.enclosing.last() {
            Some(context) => set.extend(context.followers()),
            None => set.push(EOF),
        }
        set
    }

    /// ANTLR's recovery when the token is not the `missing` one the grammar needs
    /// (`expected` is the whole set there): the token is extraneous when the one after it
    /// is expected; the needed one is missing when the token could follow it; else a
    /// mismatch.
    fn recover_inline(&self, expected: &[&'static str], missing: &'static str) -> Located {
        let found = self.text(self.at);
        let message = if expected.contains(&self.name_at(self.at + 1))
            && self.name_at(self.at) != EOF
        {
            format!(
                "extraneous input '{found}' expecting {}",
                expecting(expected)
            )
        } else if !missing.is_empty() && self.followers_of(missing).contains(&self.name_at(self.at))
        {
            format!("missing {missing} at '{found}'")
        } else {
            format!(
                "mismatched input '{found}' expecting {}",
                expecting(expected)
            )
        };
        (self.offset(), format!("Syntax error: {message}"))
    }

    /// What can follow the token `missing` once inserted.
    fn followers_of(&self, missing: &str) -> Vec<&'static str> {
        match missing {
            // A separator or `?`/`:` of a conditional: an operand comes next.
            "':'" => OPERAND_START.to_vec(),
            // A closer ends an operand.
            _ => self.followers(),
        }
    }

    /// A token that cannot start the operand expected here.
    fn not_an_operand(&self) -> Located {
        let mut expected = OPERAND_START.to_vec();
        if let Some((at, extra)) = self.operand_context {
            if at == self.at {
                expected.extend(extra);
            }
        }
        let found = self.text(self.at);
        let kind = if expected.contains(&self.name_at(self.at + 1)) && self.name_at(self.at) != EOF
        {
            "extraneous"
        } else {
            "mismatched"
        };
        (
            self.offset(),
            format!(
                "Syntax error: {kind} input '{found}' expecting {}",
                expecting(&expected)
            ),
        )
    }

    /// ANTLR's "no viable alternative": the tokens from `from` to the current one
    /// (without the end of input).
    fn no_viable_alternative(&self, from: usize) -> Located {
        let start = self.tokens[from].0;
        let end = match self.peek() {
            Tok::End => self.source.len(),
            _ => self.offset() + self.text(self.at).len(),
        };
        let text = self.source[start..end].trim_end();
        (
            self.offset(),
            format!("Syntax error: no viable alternative at input '{text}'"),
        )
    }

    /// Parses an expression inside `context`; `extra` tokens may stand where it starts.
    fn enclosed(&mut self, context: Enclosing, extra: &'static [&'static str]) -> Parsed<Expr> {
        self.operand_context = Some((self.at, extra));
        self.enclosing.push(context);
        let parsed = self.expr();
        self.enclosing.pop();
        parsed
    }

    fn expr(&mut self) -> Parsed<Expr> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err((self.offset(), "expression recursion limit exceeded".into()));
        }
        let mut expr = self.binary(0)?;
        if self.eat("?") {
            self.enclosing.push(Enclosing::Then);
            let then = self.binary(0);
            self.enclosing.pop();
            let then = then?;
            self.expect(":")?;
            let otherwise = self.expr()?;
            expr = Expr::Conditional(Box::new(expr), Box::new(then), Box::new(otherwise));
        }
        self.depth -= 1;
        Ok(expr)
    }

    /// Binary operators by precedence level: `||`, `&&`, relations, `+ -`, `* / %`.
    fn binary(&mut self, level: usize) -> Parsed<Expr> {
        const LEVELS: &[&[&str]] = &[
            &["||"],
            &["&&"],
            &["==", "!=", "<=", ">=", "<", ">", "in"],
            &["+", "-"],
            &["*", "/", "%"],
        ];
        let Some(operators) = LEVELS.get(level) else {
            return self.unary();
        };
        let mut left = self.binary(level + 1)?;
        while let Some(op) = operators.iter().copied().find(|op| self.is(op)) {
            self.at += 1;
            let right = Box::new(self.binary(level + 1)?);
            let left_box = Box::new(left);
            left = match op {
                "||" => Expr::Or(left_box, right),
                "&&" => Expr::And(left_box, right),
                _ => Expr::Binary(op, left_box, right),
            };
        }
        Ok(left)
    }

    fn unary(&mut self) -> Parsed<Expr> {
        let mut ops = Vec::new();
        let first_op = self.at;
        while self.is("!") || self.is("-") {
            ops.push(self.is("!"));
            self.at += 1;
        }
        let primary_start = OPERAND_START[..3]
            .iter()
            .chain(&OPERAND_START[6..])
            .any(|name| *name == self.name_at(self.at));
        match ops.last() {
            // After `!`s the parser is in a loop and drops the token; after `-`s its
            // prediction fails.
            Some(true) if !primary_start => {
                let found = self.text(self.at);
                let expected = expecting(OPERAND_START);
                let message =
                    format!("Syntax error: extraneous input '{found}' expecting {expected}");
                return Err((self.offset(), message));
            }
            Some(false) if !primary_start => return Err(self.no_viable_alternative(first_op)),
            _ => {}
        }
        // The one literal that only fits negated.
        let smallest = Tok::Literal(Literal::Int(i64::MAX as u64 + 1));
        let mut operand = match ops.last() {
            Some(false) if *self.peek() == smallest => {
                self.at += 1;
                ops.pop();
                self.member_of(Expr::Literal(Literal::Int(i64::MAX as u64 + 1)))?
            }
            _ => self.member()?,
        };
        for not in ops.into_iter().rev() {
            operand = if not {
                Expr::Not(Box::new(operand))
            } else {
                Expr::Negate(Box::new(operand))
            };
        }
        Ok(operand)
    }

    fn member(&mut self) -> Parsed<Expr> {
        let primary = self.primary()?;
        self.member_of(primary)
    }

    /// Selections, calls and indexes after `expr`.
    fn member_of(&mut self, mut expr: Expr) -> Parsed<Expr> {
        // A dotted name of plain identifiers so far (`pkg.Type`), which may construct a message.
        let mut qualified = dotted_name(&expr);
        loop {
            if self.eat(".") {
                let field = match self.peek().clone() {
                    Tok::Ident(name) => name,
                    Tok::Escaped(name) => {
                        self.at += 1;
                        qualified = None;
                        expr = Expr::Select(Box::new(expr), name);
                        continue;
                    }
                    Tok::Punct("?") => {
                        let dot = self.tokens[self.at - 1].0;
                        return Err((dot, "unsupported syntax '.?'".into()));
                    }
                    _ => return Err(self.no_viable_alternative(self.at - 1)),
                };
                self.at += 1;
                if self.is("(") {
                    qualified = None;
                    expr = self.call(&field, Some(expr))?;
                } else {
                    qualified = qualified.map(|q| format!("{q}.{field}"));
                    expr = Expr::Select(Box::new(expr), field);
                }
            } else if self.eat("[") {
                let index = self.enclosed(Enclosing::Index, &["'?'"])?;
                self.expect("]")?;
                qualified = None;
                expr = Expr::Index(Box::new(expr), Box::new(index));
            } else if self.is("{") && qualified.is_some() {
                self.at += 1;
                let fields = self.field_inits()?;
                expr = Expr::Message(qualified.take().unwrap_or_default(), fields);
            } else {
                return Ok(expr);
            }
        }
    }

    fn primary(&mut self) -> Parsed<Expr> {
        let leading_dot = self.eat(".");
        match self.peek().clone() {
            Tok::Ident(name) => {
                if RESERVED.contains(&name.as_str()) {
                    return Err((self.offset(), format!("reserved identifier: {name}")));
                }
                self.at += 1;
                if self.is("(") {
                    return self.call(&name, None);
                }
                Ok(Expr::Ident(name))
            }
            _ if leading_dot => Err(self.not_an_operand()),
            Tok::Literal(literal) => {
                if literal == Literal::Int(i64::MAX as u64 + 1) {
                    return Err((self.offset(), "invalid int literal".into()));
                }
                self.at += 1;
                Ok(Expr::Literal(literal))
            }
            Tok::Punct("(") => {
                self.at += 1;
                let inner = self.enclosed(Enclosing::Nested, &[])?;
                self.expect(")")?;
                Ok(inner)
            }
            Tok::Punct("[") => {
                self.at += 1;
                Ok(Expr::List(self.list("]")?))
            }
            Tok::Punct("{") => {
                self.at += 1;
                Ok(Expr::Map(self.map_inits()?))
            }
            _ => Err(self.not_an_operand()),
        }
    }

    /// A call's arguments (after its name); the standard macros become their own nodes.
    fn call(&mut self, name: &str, target: Option<Expr>) -> Parsed<Expr> {
        let start = self.offset();
        self.expect("(")?;
        let mut args = self.list(")")?;
        let kind = match name {
            "all" => Some(Macro::All),
            "exists" => Some(Macro::Exists),
            "exists_one" => Some(Macro::ExistsOne),
            "map" => Some(Macro::Map),
            "filter" => Some(Macro::Filter),
            _ => None,
        };
        match (name, target, kind) {
            ("has", None, _) if args.len() == 1 => match args.pop() {
                Some(Expr::Select(operand, field)) => Ok(Expr::Has(operand, field)),
                _ => Err((start, "invalid argument to has() macro".into())),
            },
            (_, Some(range), Some(kind))
                if args.len() == 2 || (kind == Macro::Map && args.len() == 3) =>
            {
                let Expr::Ident(var) = args.remove(0) else {
                    return Err((start, "argument must be a simple name".into()));
                };
                Ok(Expr::Comprehension {
                    kind,
                    range: Box::new(range),
                    var,
                    body: args,
                })
            }
            (_, target, _) => Ok(Expr::Call {
                target: target.map(Box::new),
                function: name.to_string(),
                args,
            }),
        }
    }

    /// Comma-separated expressions up to `close`. A list literal may end with a comma
    /// (even an empty one, `[,]`); a call's arguments may not.
    fn list(&mut self, close: &str) -> Parsed<Vec<Expr>> {
        let literal = close == "]";
        let closer = punct_name(close);
        let (context, first_extra): (Enclosing, &'static [&'static str]) = if literal {
            (Enclosing::ListElement, &["']'", "','", "'?'"])
        } else {
            (Enclosing::Argument, &["')'"])
        };
        let mut items = Vec::new();
        if self.eat(close) {
            return Ok(items);
        }
        if literal && self.eat(",") {
            return self.expect(close).map(|()| items);
        }
        let mut extra = first_extra;
        loop {
            items.push(self.enclosed(context, extra)?);
            extra = &[];
            if !self.eat(",") {
                if self.eat(close) {
                    return Ok(items);
                }
                return Err(if literal {
                    self.recover_inline(&[closer, "','"], "")
                } else {
                    self.recover_inline(&[closer], closer)
                });
            }
            if literal && !OPERAND_START.contains(&self.name_at(self.at)) {
                return self.expect(close).map(|()| items);
            }
        }
    }

    /// `key: value` pairs of a map literal up to `}`.
    fn map_inits(&mut self) -> Parsed<Vec<(Expr, Expr)>> {
        self.inits(|parser| parser.expr())
    }

    /// `field: value` pairs of a message construction up to `}`.
    fn field_inits(&mut self) -> Parsed<Vec<(String, Expr)>> {
        self.inits(|parser| match parser.peek().clone() {
            Tok::Ident(name) | Tok::Escaped(name) => {
                parser.at += 1;
                Ok(name)
            }
            _ => Err(parser.not_an_operand()),
        })
    }

    fn inits<K>(&mut self, key: impl Fn(&mut Self) -> Parsed<K>) -> Parsed<Vec<(K, Expr)>> {
        let mut entries = Vec::new();
        if self.eat("}") {
            return Ok(entries);
        }
        if self.eat(",") {
            return self.expect("}").map(|()| entries);
        }
        self.operand_context = Some((self.at, &["'}'", "','", "'?'"]));
        loop {
            self.enclosing.push(Enclosing::EntryKey);
            let k = key(self);
            self.enclosing.pop();
            let k = k?;
            self.expect(":")?;
            entries.push((k, self.enclosed(Enclosing::EntryValue, &[])?));
            if !self.eat(",") {
                if self.eat("}") {
                    return Ok(entries);
                }
                return Err(self.recover_inline(&["'}'", "','"], ""));
            }
            // A trailing comma, unless a key follows (a message's field may be escaped).
            let next = self.name_at(self.at);
            if !OPERAND_START.contains(&next) && next != "ESC_IDENTIFIER" {
                return self.expect("}").map(|()| entries);
            }
        }
    }
}

/// `a.b.c` when `expr` is a chain of plain identifiers.
fn dotted_name(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Ident(name) => Some(name.clone()),
        Expr::Select(operand, field) => dotted_name(operand).map(|q| format!("{q}.{field}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_expressions_parse() {
        for e in [
            "response.code >= 400",
            "request.headers['x-user'] == 'a' && !(response.code in [200, 201])",
            "has(request.headers.foo) ? 1u : -2.5e3",
            "[1, 2,].exists(x, x > 1) || {'a': 1,}.all(k, k != '') || [,] == [] || {,} == {}",
            "r\"raw\\d\" + b'\\x41' + '''multi\nline''' // comment",
            "a.b.Type{field: 1, `odd-name`: 2}.field",
            "-9223372036854775808",
            "text/html",
            "x-y_z",
        ] {
            assert_eq!(syntax_error(e), None, "{e}");
        }
    }

    #[test]
    fn invalid_expressions_are_located() {
        for (e, at) in [
            ("*", "1:1"),
            ("^/api/.*", "1:1"),
            ("/path", "1:1"),
            ("[", "1:2"),
            ("[,1]", "1:3"),
            ("f(1,)", "1:5"),
            ("a ? b", "1:6"),
            ("has(a)", "1:4"),
            ("[1].all(x.y, true)", "1:8"),
            ("if", "1:1"),
            ("'unterminated", "1:1"),
            ("'\\q'", "1:2"),
            ("99999999999999999999", "1:1"),
        ] {
            let problem = syntax_error(e).unwrap_or_default();
            assert!(problem.starts_with(at), "{e}: {problem}");
        }
    }

    #[test]
    fn syntax_errors_are_worded_as_cel_go_words_them() {
        // What istioctl 1.30.3 reports for these (ANTLR's recovery: extraneous, missing,
        // mismatched, no viable alternative; expected sets in vocabulary order).
        const OPERAND: &str = "{'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}";
        for (e, message) in [
            ("", format!("1:0: Syntax error: mismatched input '<EOF>' expecting {OPERAND}")),
            ("/path", format!("1:1: Syntax error: extraneous input '/' expecting {OPERAND}")),
            ("1 + +", format!("1:5: Syntax error: mismatched input '+' expecting {OPERAND}")),
            ("!", format!("1:2: Syntax error: extraneous input '<EOF>' expecting {OPERAND}")),
            ("^a", "1:1: Syntax error: token recognition error at: '^'".into()),
            ("- *", "1:3: Syntax error: no viable alternative at input '- *'".into()),
            ("a.*", "1:3: Syntax error: no viable alternative at input '.*'".into()),
            ("a.?", "1:2: unsupported syntax '.?'".into()),
            ("a b", "1:3: Syntax error: extraneous input 'b' expecting <EOF>".into()),
            ("a b c", "1:3: Syntax error: mismatched input 'b' expecting <EOF>".into()),
            ("(a", "1:3: Syntax error: missing ')' at '<EOF>'".into()),
            ("a ? b", "1:6: Syntax error: mismatched input '<EOF>' expecting ':'".into()),
            ("a ? b c", "1:7: Syntax error: missing ':' at 'c'".into()),
            ("[1 2]", "1:4: Syntax error: extraneous input '2' expecting {']', ','}".into()),
            ("[1,", "1:4: Syntax error: missing ']' at '<EOF>'".into()),
            ("{\"a\": 1", "1:8: Syntax error: mismatched input '<EOF>' expecting {'}', ','}".into()),
            ("[", "1:2: Syntax error: mismatched input '<EOF>' expecting {'[', ']', '{', '(', '.', ',', '-', '!', '?', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}".into()),
            ("f(", "1:3: Syntax error: mismatched input '<EOF>' expecting {'[', '{', '(', ')', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}".into()),
        ] {
            assert_eq!(syntax_error(e).as_deref(), Some(message.as_str()), "{e}");
        }
    }

    #[test]
    fn errors_display_their_source_line_as_cel_go_does() {
        assert_eq!(
            syntax_error_display("[").unwrap(),
            "ERROR: <input>:1:2: Syntax error: mismatched input '<EOF>' expecting {'[', ']', '{', '(', '.', ',', '-', '!', '?', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}\n | [\n | .^"
        );
        assert!(!syntax_error_display("").unwrap().contains('|'));
        assert!(syntax_error_display("a &&\t*")
            .unwrap()
            .ends_with("\n | a && *\n | .....^"));
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        // The main thread's stack (8 MB), where skiff parses: a test thread has 2 MB, which
        // an unoptimised build's frames outgrow before the 250-level limit.
        let parse = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(|| {
                let deep = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
                syntax_error(&deep)
            })
            .unwrap()
            .join()
            .unwrap();
        assert!(parse.unwrap().contains("recursion limit"));
    }
}
