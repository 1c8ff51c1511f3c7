//! A syntax check for CEL expressions (Telemetry access-log filters), by the grammar of the
//! CEL specification and the parse-time rules of its standard macros: what istiod's
//! `Parse` accepts, without evaluating anything.

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

/// The first syntax error of `source` as `line:column: message`, or None when it parses.
pub fn syntax_error(source: &str) -> Option<String> {
    let tokens = match lex(source) {
        Ok(tokens) => tokens,
        Err((offset, message)) => return Some(located(source, offset, &message)),
    };
    let mut parser = Parser {
        tokens,
        at: 0,
        depth: 0,
    };
    let result = parser.expr().and_then(|_| match parser.peek() {
        Tok::End => Ok(()),
        _ => Err(parser.unexpected()),
    });
    result
        .err()
        .map(|(offset, message)| located(source, offset, &message))
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
    Escaped,
    Literal,
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
                i = string_end(source, end, raw)?;
                out.push((end, Tok::Literal));
                continue;
            }
            let token = match word {
                "true" | "false" | "null" => Tok::Literal,
                "in" => Tok::Punct("in"),
                _ => Tok::Ident(word.to_string()),
            };
            out.push((i, token));
            i = end;
        } else if c.is_ascii_digit()
            || (c == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            let end = number_end(source, i)?;
            out.push((i, Tok::Literal));
            i = end;
        } else if c == b'"' || c == b'\'' {
            let end = string_end(source, i, false)?;
            out.push((i, Tok::Literal));
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
                    out.push((i, Tok::Escaped));
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

struct Parser {
    tokens: Vec<(usize, Tok)>,
    at: usize,
    depth: usize,
}

type Parsed<T> = Result<T, Located>;

/// What a parsed expression is, as far as the macros' rules need to know.
#[derive(PartialEq)]
enum Shape {
    /// A plain identifier (a comprehension's variable must be one).
    Name,
    /// A field selection `a.b` (the only thing `has()` accepts).
    Select,
    Other,
}

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
            Err(self.unexpected())
        }
    }

    fn unexpected(&self) -> Located {
        let found = match self.peek() {
            Tok::End => "<EOF>".to_string(),
            Tok::Punct(p) => p.to_string(),
            Tok::Ident(name) => name.clone(),
            Tok::Escaped | Tok::Literal => "literal".to_string(),
        };
        (
            self.offset(),
            format!("Syntax error: mismatched input '{found}'"),
        )
    }

    fn expr(&mut self) -> Parsed<Shape> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err((self.offset(), "expression recursion limit exceeded".into()));
        }
        let mut shape = self.binary(0)?;
        if self.eat("?") {
            self.binary(0)?;
            self.expect(":")?;
            self.expr()?;
            shape = Shape::Other;
        }
        self.depth -= 1;
        Ok(shape)
    }

    /// Binary operators by precedence level: `||`, `&&`, relations, `+ -`, `* / %`.
    fn binary(&mut self, level: usize) -> Parsed<Shape> {
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
        let mut shape = self.binary(level + 1)?;
        while operators.iter().any(|op| self.is(op)) {
            self.at += 1;
            self.binary(level + 1)?;
            shape = Shape::Other;
        }
        Ok(shape)
    }

    fn unary(&mut self) -> Parsed<Shape> {
        if self.is("!") || self.is("-") {
            while self.eat("!") || self.eat("-") {}
            self.member()?;
            return Ok(Shape::Other);
        }
        self.member()
    }

    fn member(&mut self) -> Parsed<Shape> {
        let mut shape = self.primary()?;
        // A dotted name of plain identifiers so far (`pkg.Type`), which may construct a message.
        let mut qualified = shape == Shape::Name;
        loop {
            if self.eat(".") {
                match self.peek().clone() {
                    Tok::Ident(name) => {
                        self.at += 1;
                        shape = if self.is("(") {
                            qualified = false;
                            self.call(&name, true)?
                        } else {
                            Shape::Select
                        };
                    }
                    Tok::Escaped => {
                        self.at += 1;
                        qualified = false;
                        shape = Shape::Select;
                    }
                    _ => return Err(self.unexpected()),
                }
            } else if self.eat("[") {
                self.expr()?;
                self.expect("]")?;
                qualified = false;
                shape = Shape::Other;
            } else if self.is("{") && qualified {
                qualified = false;
                // A message construction `pkg.Type{field: value}`.
                self.at += 1;
                self.inits(true)?;
                shape = Shape::Other;
            } else {
                return Ok(shape);
            }
        }
    }

    fn primary(&mut self) -> Parsed<Shape> {
        let leading_dot = self.eat(".");
        match self.peek().clone() {
            Tok::Ident(name) => {
                if RESERVED.contains(&name.as_str()) {
                    return Err((self.offset(), format!("reserved identifier: {name}")));
                }
                self.at += 1;
                if self.is("(") {
                    return self.call(&name, false);
                }
                Ok(Shape::Name)
            }
            _ if leading_dot => Err(self.unexpected()),
            Tok::Literal => {
                self.at += 1;
                Ok(Shape::Other)
            }
            Tok::Punct("(") => {
                self.at += 1;
                self.expr()?;
                self.expect(")")?;
                Ok(Shape::Other)
            }
            Tok::Punct("[") => {
                self.at += 1;
                self.list("]")?;
                Ok(Shape::Other)
            }
            Tok::Punct("{") => {
                self.at += 1;
                self.inits(false)?;
                Ok(Shape::Other)
            }
            _ => Err(self.unexpected()),
        }
    }

    /// A call's arguments (after its name), checked against the standard macros' rules.
    fn call(&mut self, name: &str, receiver: bool) -> Parsed<Shape> {
        let start = self.offset();
        self.expect("(")?;
        let args = self.list(")")?;
        let macro_error = match (name, receiver, args.len()) {
            ("has", false, 1) if args[0] != Shape::Select => {
                Some("invalid argument to has() macro")
            }
            ("all" | "exists" | "exists_one" | "map" | "filter", true, 2) | ("map", true, 3)
                if args[0] != Shape::Name =>
            {
                Some("argument must be a simple name")
            }
            _ => None,
        };
        match macro_error {
            Some(message) => Err((start, message.into())),
            None => Ok(Shape::Other),
        }
    }

    /// Comma-separated expressions up to `close`. A list literal may end with a comma
    /// (even an empty one, `[,]`); a call's arguments may not.
    fn list(&mut self, close: &str) -> Parsed<Vec<Shape>> {
        let literal = close == "]";
        let mut shapes = Vec::new();
        if self.eat(close) {
            return Ok(shapes);
        }
        if literal && self.eat(",") {
            return self.expect(close).map(|()| shapes);
        }
        loop {
            shapes.push(self.expr()?);
            if !self.eat(",") {
                self.expect(close)?;
                return Ok(shapes);
            }
            if literal && self.eat(close) {
                return Ok(shapes);
            }
        }
    }

    /// `key: value` pairs up to `}`: field names for a message, expressions for a map.
    fn inits(&mut self, fields: bool) -> Parsed<()> {
        if self.eat("}") {
            return Ok(());
        }
        if self.eat(",") {
            return self.expect("}");
        }
        loop {
            if fields {
                match self.peek() {
                    Tok::Ident(_) | Tok::Escaped => self.at += 1,
                    _ => return Err(self.unexpected()),
                }
            } else {
                self.expr()?;
            }
            self.expect(":")?;
            self.expr()?;
            if !self.eat(",") {
                return self.expect("}");
            }
            if self.eat("}") {
                return Ok(());
            }
        }
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
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
        assert!(syntax_error(&deep).unwrap().contains("recursion limit"));
    }
}
