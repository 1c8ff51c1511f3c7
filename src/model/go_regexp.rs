//! Go's regular-expression syntax (RE2 as Go's `regexp.Compile` reads it): whether a
//! pattern compiles, and when it does not, Go's own error text, so that validation accepts
//! and refuses exactly what istiod accepts and refuses, with its words.
//!
//! Only the syntax is checked (nothing is compiled for matching). Go's two size limits
//! (`expression too large`, `expression nests too deeply`) are not reproduced: Istio's
//! 1,024-byte limit on route regexes keeps patterns far below them.

use std::collections::HashSet;
use std::sync::OnceLock;

const MAX_REPEAT: u64 = 1000;

/// Go's error for a pattern that does not compile (`error parsing regexp: CODE: `EXPR``),
/// or None when Go compiles it.
pub fn syntax_error(pattern: &str) -> Option<String> {
    Parser::default()
        .parse(pattern)
        .err()
        .map(|e| format!("error parsing regexp: {}: `{}`", e.code, e.expr))
}

/// Go's error: one of its error codes and the part of the pattern it names.
#[derive(Debug, PartialEq)]
struct SyntaxError<'a> {
    code: &'static str,
    expr: &'a str,
}

const INVALID_CHAR_RANGE: &str = "invalid character class range";
const INVALID_ESCAPE: &str = "invalid escape sequence";
const INVALID_NAMED_CAPTURE: &str = "invalid named capture";
const INVALID_PERL_OP: &str = "invalid or unsupported Perl syntax";
const INVALID_REPEAT_OP: &str = "invalid nested repetition operator";
const INVALID_REPEAT_SIZE: &str = "invalid repeat count";
const MISSING_BRACKET: &str = "missing closing ]";
const MISSING_PAREN: &str = "missing closing )";
const MISSING_REPEAT_ARGUMENT: &str = "missing argument to repetition operator";
const TRAILING_BACKSLASH: &str = "trailing backslash at end of expression";
const UNEXPECTED_PAREN: &str = "unexpected )";

type Parsed<'a, T> = Result<T, SyntaxError<'a>>;

fn fail<'a, T>(code: &'static str, expr: &'a str) -> Parsed<'a, T> {
    Err(SyntaxError { code, expr })
}

/// What the parse stack holds: an open group, an alternation in progress, or an
/// expression with the largest product of `{n,m}` counts on any path inside it (Go
/// refuses more than 1,000 copies of anything).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Entry {
    Group,
    Alternation(u64),
    Expr(u64),
}

#[derive(Default)]
struct Parser {
    stack: Vec<Entry>,
}

/// The text between two suffixes of the pattern (`whole` starts where the part starts).
fn between<'a>(whole: &'a str, rest: &str) -> &'a str {
    &whole[..whole.len() - rest.len()]
}

fn first_char(s: &str) -> Option<(char, &str)> {
    let c = s.chars().next()?;
    Some((c, &s[c.len_utf8()..]))
}

impl Parser {
    fn parse<'a>(&mut self, pattern: &'a str) -> Parsed<'a, ()> {
        let mut t = pattern;
        let mut last_repeat: &str = "";
        while !t.is_empty() {
            let mut repeat = "";
            match t.as_bytes()[0] {
                b'(' if t.as_bytes().get(1) == Some(&b'?') => t = self.perl_flags(t)?,
                b'(' => {
                    self.stack.push(Entry::Group);
                    t = &t[1..];
                }
                b'|' => {
                    self.vertical_bar();
                    t = &t[1..];
                }
                b')' => {
                    self.right_paren(pattern)?;
                    t = &t[1..];
                }
                b'[' => t = self.class(t)?,
                b'*' | b'+' | b'?' => {
                    let after = self.repeat(t, &t[1..], last_repeat, 0, 0)?;
                    repeat = t;
                    t = after;
                }
                b'{' => match parse_repeat(t) {
                    None => {
                        self.push_expr();
                        t = &t[1..];
                    }
                    Some((min, max, after)) => {
                        if !(0..=1000).contains(&min) || max > 1000 || (max >= 0 && min > max) {
                            return fail(INVALID_REPEAT_SIZE, between(t, after));
                        }
                        let after = self.repeat(t, after, last_repeat, min, max)?;
                        repeat = t;
                        t = after;
                    }
                },
                b'\\' => t = self.backslash(t)?,
                _ => {
                    self.push_expr();
                    t = first_char(t).map_or("", |(_, rest)| rest);
                }
            }
            last_repeat = repeat;
        }
        self.close_alternation();
        match self.stack.as_slice() {
            [Entry::Expr(_)] => Ok(()),
            _ => fail(MISSING_PAREN, pattern),
        }
    }

    fn push_expr(&mut self) {
        self.stack.push(Entry::Expr(1));
    }

    /// Collapses the expressions above the innermost group or alternation into one.
    fn concat(&mut self) {
        let mut weight = 1;
        while let Some(Entry::Expr(w)) = self.stack.last().copied() {
            weight = weight.max(w);
            self.stack.pop();
        }
        self.stack.push(Entry::Expr(weight));
    }

    /// Ends the current alternative, and with it the alternation if one is open, leaving
    /// one expression above the innermost group.
    fn close_alternation(&mut self) {
        self.concat();
        let Some(Entry::Expr(last)) = self.stack.pop() else {
            return;
        };
        let weight = match self.stack.last().copied() {
            Some(Entry::Alternation(w)) => {
                self.stack.pop();
                w.max(last)
            }
            _ => last,
        };
        self.stack.push(Entry::Expr(weight));
    }

    fn vertical_bar(&mut self) {
        self.concat();
        let Some(Entry::Expr(last)) = self.stack.pop() else {
            return;
        };
        match self.stack.last_mut() {
            Some(Entry::Alternation(w)) => *w = (*w).max(last),
            _ => self.stack.push(Entry::Alternation(last)),
        }
    }

    fn right_paren<'a>(&mut self, pattern: &'a str) -> Parsed<'a, ()> {
        self.close_alternation();
        let inner = self.stack.pop();
        match (self.stack.pop(), inner) {
            (Some(Entry::Group), Some(Entry::Expr(w))) => {
                self.stack.push(Entry::Expr(w));
                Ok(())
            }
            _ => fail(UNEXPECTED_PAREN, pattern),
        }
    }

    /// A repetition operator at `op` (`after` follows it): applies it to the expression on
    /// top of the stack, as Go does (a `?` after it makes it lazy; a repetition directly
    /// after another is an error).
    fn repeat<'a>(
        &mut self,
        op: &'a str,
        mut after: &'a str,
        last_repeat: &'a str,
        min: i64,
        max: i64,
    ) -> Parsed<'a, &'a str> {
        if let Some(rest) = after.strip_prefix('?') {
            after = rest;
        }
        if !last_repeat.is_empty() {
            return fail(INVALID_REPEAT_OP, between(last_repeat, after));
        }
        let Some(Entry::Expr(inner)) = self.stack.last().copied() else {
            return fail(MISSING_REPEAT_ARGUMENT, between(op, after));
        };
        let counted = op.starts_with('{');
        let weight = match (counted, max) {
            (false, _) => inner,
            (true, 0) => 1,
            (true, _) => {
                let copies = if max < 0 { min } else { max };
                inner.saturating_mul(copies.max(1) as u64)
            }
        };
        self.stack.pop();
        self.stack.push(Entry::Expr(weight));
        if counted && (min >= 2 || max >= 2) && weight > MAX_REPEAT {
            return fail(INVALID_REPEAT_SIZE, between(op, after));
        }
        Ok(after)
    }

    /// `(?` groups: named captures, flag changes, non-capturing groups.
    fn perl_flags<'a>(&mut self, s: &'a str) -> Parsed<'a, &'a str> {
        let b = s.as_bytes();
        let python_name = b.len() > 4 && b[2] == b'P' && b[3] == b'<';
        let dotnet_name = b.len() > 3 && b[2] == b'<';
        if python_name || dotnet_name {
            let Some(end) = s.find('>') else {
                return fail(INVALID_NAMED_CAPTURE, s);
            };
            let name = &s[if python_name { 4 } else { 3 }..end];
            let valid =
                !name.is_empty() && name.bytes().all(|c| c == b'_' || c.is_ascii_alphanumeric());
            if !valid {
                return fail(INVALID_NAMED_CAPTURE, &s[..=end]);
            }
            self.stack.push(Entry::Group);
            return Ok(&s[end + 1..]);
        }
        let mut t = &s[2..];
        let mut negated = false;
        let mut saw_flag = false;
        while let Some((c, rest)) = first_char(t) {
            t = rest;
            match c {
                'i' | 'm' | 's' | 'U' => saw_flag = true,
                '-' if !negated => {
                    negated = true;
                    saw_flag = false;
                }
                ':' | ')' if !negated || saw_flag => {
                    if c == ':' {
                        self.stack.push(Entry::Group);
                    }
                    return Ok(t);
                }
                _ => break,
            }
        }
        fail(INVALID_PERL_OP, between(s, t))
    }

    /// A backslash outside a class: an assertion, `\Q...\E`, a Unicode or Perl class, or
    /// an escaped character.
    fn backslash<'a>(&mut self, t: &'a str) -> Parsed<'a, &'a str> {
        match t.as_bytes().get(1) {
            Some(b'A' | b'b' | b'B' | b'z') => {
                self.push_expr();
                return Ok(&t[2..]);
            }
            Some(b'C') => return fail(INVALID_ESCAPE, &t[..2]),
            Some(b'Q') => {
                let quoted = &t[2..];
                let (literal, rest) = quoted.split_once("\\E").unwrap_or((quoted, ""));
                for _ in literal.chars() {
                    self.push_expr();
                }
                return Ok(rest);
            }
            _ => {}
        }
        if let Some(rest) = unicode_class(t)? {
            self.push_expr();
            return Ok(rest);
        }
        if let Some(rest) = perl_class(t) {
            self.push_expr();
            return Ok(rest);
        }
        let (_, rest) = escape(t)?;
        self.push_expr();
        Ok(rest)
    }

    /// A bracketed class starting at `s`.
    fn class<'a>(&mut self, s: &'a str) -> Parsed<'a, &'a str> {
        let mut t = &s[1..];
        if let Some(rest) = t.strip_prefix('^') {
            t = rest;
        }
        let mut first = true;
        while t.is_empty() || !t.starts_with(']') || first {
            first = false;
            if t.len() > 2 && t.starts_with("[:") {
                if let Some(rest) = posix_class(t)? {
                    t = rest;
                    continue;
                }
            }
            if let Some(rest) = unicode_class(t)? {
                t = rest;
                continue;
            }
            if let Some(rest) = perl_class(t) {
                t = rest;
                continue;
            }
            let range = t;
            let (lo, rest) = class_char(t, s)?;
            t = rest;
            let b = t.as_bytes();
            if b.len() >= 2 && b[0] == b'-' && b[1] != b']' {
                let (hi, rest) = class_char(&t[1..], s)?;
                t = rest;
                if hi < lo {
                    return fail(INVALID_CHAR_RANGE, between(range, t));
                }
            }
        }
        self.push_expr();
        Ok(&t[1..])
    }
}

/// `{min}`, `{min,}` (max -1) or `{min,max}` at the start of `s`, with what follows; None
/// when `s` does not have that form (the `{` is then a literal). A number too large for
/// Go gives min -1.
fn parse_repeat(s: &str) -> Option<(i64, i64, &str)> {
    let (mut min, t) = parse_int(s.strip_prefix('{')?)?;
    let (max, t) = match t.strip_prefix(',') {
        None => (min, t),
        Some(t) if t.starts_with('}') => (-1, t),
        Some(t) => {
            let (max, t) = parse_int(t)?;
            if max < 0 {
                min = -1;
            }
            (max, t)
        }
    };
    Some((min, max, t.strip_prefix('}')?))
}

/// A decimal number without leading zeros (-1 when it reaches 10^8).
fn parse_int(s: &str) -> Option<(i64, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || (digits >= 2 && s.starts_with('0')) {
        return None;
    }
    let mut n: i64 = 0;
    for d in s[..digits].bytes() {
        if n >= 100_000_000 {
            n = -1;
            break;
        }
        n = n * 10 + i64::from(d - b'0');
    }
    Some((n, &s[digits..]))
}

/// One character of a class (`s` starts it; `whole` is the class from its `[`).
fn class_char<'a>(s: &'a str, whole: &'a str) -> Parsed<'a, (char, &'a str)> {
    match first_char(s) {
        None => fail(MISSING_BRACKET, whole),
        Some(('\\', _)) => escape(s),
        Some(found) => Ok(found),
    }
}

/// `\d \D \s \S \w \W` at the start of `s`.
fn perl_class(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    (b.len() >= 2 && b[0] == b'\\' && b"dDsSwW".contains(&b[1])).then(|| &s[2..])
}

const POSIX_CLASSES: &[&str] = &[
    "alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct",
    "space", "upper", "word", "xdigit",
];

/// `[:name:]` or `[:^name:]` at the start of `s`; None when there is no `:]` to end it.
fn posix_class(s: &str) -> Parsed<'_, Option<&str>> {
    let Some(i) = s[2..].find(":]") else {
        return Ok(None);
    };
    let whole = &s[..i + 4];
    let name = &whole[2..whole.len() - 2];
    if POSIX_CLASSES.contains(&name.strip_prefix('^').unwrap_or(name)) {
        Ok(Some(&s[i + 4..]))
    } else {
        fail(INVALID_CHAR_RANGE, whole)
    }
}

/// `\pX`, `\p{Name}`, `\PX`, `\P{^Name}` at the start of `s`.
fn unicode_class(s: &str) -> Parsed<'_, Option<&str>> {
    let b = s.as_bytes();
    if b.len() < 2 || b[0] != b'\\' || (b[1] != b'p' && b[1] != b'P') {
        return Ok(None);
    }
    let t = &s[2..];
    let (seq, rest) = match first_char(t) {
        Some(('{', _)) => match s.find('}') {
            Some(end) => (&s[..=end], &s[end + 1..]),
            None => return fail(INVALID_CHAR_RANGE, s),
        },
        Some((c, rest)) => (&s[..2 + c.len_utf8()], rest),
        None => (s, t),
    };
    let name = match seq.as_bytes().get(2) {
        Some(b'{') => &seq[3..seq.len() - 1],
        _ => &seq[2..],
    };
    let name = name.strip_prefix('^').unwrap_or(name);
    if known_unicode_class(name) {
        Ok(Some(rest))
    } else {
        fail(INVALID_CHAR_RANGE, seq)
    }
}

/// Go's lookup key for a class name: separators (`_`, `-`, space) dropped, the first
/// letter upper case and the others lower case.
fn canonical_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().filter(|c| !matches!(c, '_' | '-' | ' ')) {
        if out.is_empty() {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

fn known_unicode_class(name: &str) -> bool {
    static NAMES: OnceLock<HashSet<String>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let mut names: HashSet<String> =
            ["Any", "Assigned", "Ascii", "Lc"].map(String::from).into();
        for line in include_str!("go-unicode-classes.txt").lines() {
            match line.split_once(' ') {
                Some(("C" | "S", key)) => names.insert(key.to_string()),
                Some(("A", alias)) => names.insert(canonical_name(alias)),
                _ => false,
            };
        }
        names
    });
    names.contains(&canonical_name(name))
}

/// An escaped character at the start of `s` (which starts with `\`), as Go reads it.
fn escape(s: &str) -> Parsed<'_, (char, &str)> {
    let Some((c, t)) = first_char(&s[1..]) else {
        return fail(TRAILING_BACKSLASH, "");
    };
    let invalid = |t: &str| fail(INVALID_ESCAPE, between(s, t));
    match c {
        '1'..='7' if !t.starts_with(|d: char| ('0'..='7').contains(&d)) => invalid(t),
        '0'..='7' => {
            let more = t
                .bytes()
                .take(2)
                .take_while(|d| (b'0'..=b'7').contains(d))
                .count();
            let digits = &s[1..2 + more];
            let value = u32::from_str_radix(digits, 8).unwrap_or(0);
            Ok((char::from_u32(value).unwrap_or('\0'), &t[more..]))
        }
        'x' => hex_escape(s, t),
        'a' => Ok(('\u{7}', t)),
        'f' => Ok(('\u{c}', t)),
        'n' => Ok(('\n', t)),
        'r' => Ok(('\r', t)),
        't' => Ok(('\t', t)),
        'v' => Ok(('\u{b}', t)),
        c if c.is_ascii() && !c.is_ascii_alphanumeric() => Ok((c, t)),
        _ => invalid(t),
    }
}

/// `\xHH` or `\x{H...}` (`t` follows the `x`).
fn hex_escape<'a>(s: &'a str, t: &'a str) -> Parsed<'a, (char, &'a str)> {
    let invalid = |t: &str| fail(INVALID_ESCAPE, between(s, t));
    let Some((c, mut t)) = first_char(t) else {
        return invalid(t);
    };
    if c != '{' {
        let (d, rest) = first_char(t).unwrap_or(('\0', t));
        return match c.to_digit(16).zip(d.to_digit(16)) {
            Some((x, y)) => Ok((char::from_u32(x * 16 + y).unwrap_or('\0'), rest)),
            None => invalid(rest),
        };
    }
    let mut value: u32 = 0;
    let mut digits = 0;
    loop {
        let Some((c, rest)) = first_char(t) else {
            return invalid(t);
        };
        t = rest;
        if c == '}' {
            break;
        }
        let Some(v) = c.to_digit(16) else {
            return invalid(t);
        };
        value = value * 16 + v;
        if value > 0x10FFFF {
            return invalid(t);
        }
        digits += 1;
    }
    if digits == 0 {
        return invalid(t);
    }
    Ok((char::from_u32(value).unwrap_or('\u{FFFD}'), t))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Go 1.26's own answers (`regexp.Compile`) for each pattern.
    #[test]
    fn answers_as_go_does() {
        let cases: &[(&str, Option<&str>)] = &[
            ("^*", None),
            (
                "(?i)*",
                Some("missing argument to repetition operator: `*`"),
            ),
            ("a(?i)*", None),
            ("\\Q*\\E*", None),
            (
                "\\Q\\E*",
                Some("missing argument to repetition operator: `*`"),
            ),
            ("a**", Some("invalid nested repetition operator: `**`")),
            ("a*?*", Some("invalid nested repetition operator: `*?*`")),
            (
                "x{2}{3}",
                Some("invalid nested repetition operator: `{2}{3}`"),
            ),
            ("a|*", Some("missing argument to repetition operator: `*`")),
            ("x{1001}", Some("invalid repeat count: `{1001}`")),
            ("x{01}", None),
            ("(?P=a)", Some("invalid or unsupported Perl syntax: `(?P`")),
            ("(?<a", Some("invalid named capture: `(?<a`")),
            ("(?i-)", Some("invalid or unsupported Perl syntax: `(?i-)`")),
            ("(?i-m:", Some("missing closing ): `(?i-m:`")),
            ("[a", Some("missing closing ]: `[a`")),
            ("[\\b]", Some("invalid escape sequence: `\\b`")),
            ("\\8", Some("invalid escape sequence: `\\8`")),
            ("\\12", None),
            (
                "[[:foo:]]",
                Some("invalid character class range: `[:foo:]`"),
            ),
            ("[z-a]", Some("invalid character class range: `z-a`")),
            ("\\p{", Some("invalid character class range: `\\p{`")),
            ("\\x{110000}", Some("invalid escape sequence: `\\x{110000`")),
            ("\\xZ", Some("invalid escape sequence: `\\xZ`")),
            ("\\", Some("trailing backslash at end of expression: ``")),
            ("a)", Some("unexpected ): `a)`")),
            ("(a", Some("missing closing ): `(a`")),
            ("[]a]", None),
            ("(a{500}){3}", Some("invalid repeat count: `{3}`")),
            ("((a{10}){10}){10}", None),
            ("(a{0,}){1001}", Some("invalid repeat count: `{1001}`")),
            (
                "\\p{Old_Italic}",
                Some("invalid character class range: `\\p{Old_Italic}`"),
            ),
            ("\\p{greek}\\pL\\p{Lc}\\p{ascii}\\p{Uppercase_Letter}", None),
        ];
        for (pattern, want) in cases {
            let want = want.map(|w| format!("error parsing regexp: {w}"));
            assert_eq!(syntax_error(pattern), want, "{pattern}");
        }
    }
}
