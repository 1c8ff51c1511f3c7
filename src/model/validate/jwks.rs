//! The check istiod makes of a RequestAuthentication's inline `jwks`: it must parse as a
//! JWK set. Syntax errors are worded as Go's JSON decoder words them; of the JWK rules,
//! the shape (an object, a `keys` list or a sole key with a key type) is checked.

use serde_json::Value;

/// Why `jwks` is not a JWK set, or None when it is one as far as skiff checks.
pub fn problem(jwks: &str) -> Option<String> {
    let reason = match Scanner::new(jwks).document() {
        Err(syntax) => syntax,
        Ok(()) => shape_problem(jwks)?,
    };
    Some(format!("failed to unmarshal JWK set: {reason}"))
}

/// A syntactically valid document that is not a key set: the first value must be an
/// object, either with a `keys` list of keys or itself a key.
fn shape_problem(jwks: &str) -> Option<String> {
    let mut values = serde_json::Deserializer::from_str(jwks).into_iter::<Value>();
    let value = values.next()?.ok()?;
    match &value {
        Value::Object(map) => match map.get("keys") {
            Some(Value::Array(keys)) => keys.iter().enumerate().find_map(|(i, key)| {
                key_problem(key).map(|p| format!("failed to decode key #{i} in \"keys\": {p}"))
            }),
            Some(Value::Null) => None,
            Some(other) => Some(format!(
                "failed to decode \"keys\": json: cannot unmarshal {} into Go value of type []json.RawMessage",
                crate::model::go_json::kind_name(other)
            )),
            None => key_problem(&value).map(|p| format!("failed to parse sole key in key set: {p}")),
        },
        Value::Array(_) => Some("expected '{', but got '['".into()),
        Value::String(s) => Some(format!("failed to decode value for key {s:?}: EOF")),
        _ => Some("error reading token: EOF".into()),
    }
}

/// What is wrong with one key: its type must be known and its required fields set (the
/// public key types; a private key, with `d`, is not checked further).
fn key_problem(key: &Value) -> Option<String> {
    let Value::Object(fields) = key else {
        return Some(format!(
            "failed to unmarshal JSON into key hint: json: cannot unmarshal {} into Go value of type struct {{ Kty string \"json:\\\"kty\\\"\"; D json.RawMessage \"json:\\\"d\\\"\" }}",
            crate::model::go_json::kind_name(key)
        ));
    };
    let kty = fields.get("kty").and_then(Value::as_str).unwrap_or("");
    let (type_name, required): (&str, &[&str]) = match kty {
        "RSA" => ("*jwk.rsaPublicKey", &["e", "n"]),
        "EC" => ("*jwk.ecdsaPublicKey", &["crv", "x", "y"]),
        "oct" => ("*jwk.symmetricKey", &["k"]),
        "OKP" => ("*jwk.okpPublicKey", &["crv", "x"]),
        _ => return Some(format!("invalid key type from JSON ({kty})")),
    };
    if fields.contains_key("d") {
        return None;
    }
    let missing = required.iter().find(|f| !fields.contains_key(**f))?;
    Some(format!(
        "failed to unmarshal JSON into key ({type_name}): required field {missing} is missing"
    ))
}

type Scan = Result<(), String>;

/// Go's JSON scanner over one top-level value (what follows it is not read).
struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            bytes: text.as_bytes(),
            at: 0,
        }
    }

    fn document(&mut self) -> Scan {
        self.skip_space();
        if self.at == self.bytes.len() {
            return Err("EOF".into());
        }
        self.value()
    }

    fn skip_space(&mut self) {
        while self
            .peek()
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// The next byte, or the decoder's end-of-input error.
    fn next(&mut self) -> Result<u8, String> {
        let b = self.peek().ok_or("unexpected EOF")?;
        self.at += 1;
        Ok(b)
    }

    fn value(&mut self) -> Scan {
        match self.next()? {
            b'{' => self.object(),
            b'[' => self.array(),
            b'"' => self.string(),
            b'-' | b'0'..=b'9' => {
                self.at -= 1;
                self.number()
            }
            b't' => self.literal("true"),
            b'f' => self.literal("false"),
            b'n' => self.literal("null"),
            c => Err(invalid(c, "looking for beginning of value")),
        }
    }

    fn literal(&mut self, word: &str) -> Scan {
        for expected in word.bytes().skip(1) {
            let c = self.next()?;
            if c != expected {
                let context = format!("in literal {word} (expecting {})", quote_char(expected));
                return Err(invalid(c, &context));
            }
        }
        Ok(())
    }

    fn object(&mut self) -> Scan {
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(());
        }
        loop {
            match self.next()? {
                b'"' => self.string()?,
                c => return Err(invalid(c, "looking for beginning of object key string")),
            }
            self.skip_space();
            match self.next()? {
                b':' => {}
                c => return Err(invalid(c, "after object key")),
            }
            self.skip_space();
            self.value()?;
            self.skip_space();
            match self.next()? {
                b',' => self.skip_space(),
                b'}' => return Ok(()),
                c => return Err(invalid(c, "after object key:value pair")),
            }
        }
    }

    fn array(&mut self) -> Scan {
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(());
        }
        loop {
            self.skip_space();
            self.value()?;
            self.skip_space();
            match self.next()? {
                b',' => {}
                b']' => return Ok(()),
                c => return Err(invalid(c, "after array element")),
            }
        }
    }

    /// After the opening quote.
    fn string(&mut self) -> Scan {
        loop {
            match self.next()? {
                b'"' => return Ok(()),
                b'\\' => match self.next()? {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {}
                    b'u' => {
                        for _ in 0..4 {
                            let c = self.next()?;
                            if !c.is_ascii_hexdigit() {
                                return Err(invalid(c, "in \\u hexadecimal character escape"));
                            }
                        }
                    }
                    c => return Err(invalid(c, "in string escape code")),
                },
                c if c < 0x20 => return Err(invalid(c, "in string literal")),
                _ => {}
            }
        }
    }

    fn number(&mut self) -> Scan {
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.next()? {
            b'0' => {}
            b'1'..=b'9' => self.digits(),
            c => return Err(invalid(c, "in numeric literal")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.one_digit_then_more("after decimal point in numeric literal")?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.one_digit_then_more("in exponent of numeric literal")?;
        }
        Ok(())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
    }

    fn one_digit_then_more(&mut self, context: &str) -> Scan {
        match self.next()? {
            b'0'..=b'9' => {
                self.digits();
                Ok(())
            }
            c => Err(invalid(c, context)),
        }
    }
}

fn invalid(c: u8, context: &str) -> String {
    format!("invalid character {} {context}", quote_char(c))
}

/// A byte in single quotes as Go's JSON errors show it.
fn quote_char(c: u8) -> String {
    match c {
        b'\'' => "'\\''".into(),
        b'"' => "'\"'".into(),
        b'\\' => "'\\\\'".into(),
        b'\t' => "'\\t'".into(),
        b'\n' => "'\\n'".into(),
        b'\r' => "'\\r'".into(),
        0x07 => "'\\a'".into(),
        0x08 => "'\\b'".into(),
        0x0c => "'\\f'".into(),
        0x0b => "'\\v'".into(),
        c if c < 0x20 || c == 0x7f => format!("'\\x{c:02x}'"),
        c if c < 0x80 => format!("'{}'", char::from(c)),
        c if c < 0xa0 || c == 0xad => format!("'\\u{:04x}'", c),
        c => format!("'{}'", char::from(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_are_worded_as_go_words_them() {
        for (jwks, expected) in [
            (
                "text/html",
                "invalid character 'e' in literal true (expecting 'r')",
            ),
            (
                "^/api/.*",
                "invalid character '^' looking for beginning of value",
            ),
            (
                "foo",
                "invalid character 'o' in literal false (expecting 'a')",
            ),
            ("[", "unexpected EOF"),
            ("nul", "unexpected EOF"),
            ("1.5e", "unexpected EOF"),
            (" ", "EOF"),
            (
                "{\"a\":1,}",
                "invalid character '}' looking for beginning of object key string",
            ),
            ("{\"a\" 1}", "invalid character '1' after object key"),
        ] {
            assert_eq!(
                problem(jwks).unwrap(),
                format!("failed to unmarshal JWK set: {expected}"),
                "{jwks}"
            );
        }
    }

    #[test]
    fn shapes_that_are_not_key_sets_are_refused() {
        assert_eq!(problem("{\"keys\": []}"), None);
        assert!(problem("{}")
            .unwrap()
            .contains("invalid key type from JSON ()"));
        assert!(problem("[]").unwrap().contains("expected '{', but got '['"));
        assert!(problem("1").unwrap().contains("error reading token: EOF"));
        assert!(problem("\"x\"")
            .unwrap()
            .contains("failed to decode value for key \"x\": EOF"));
    }
}
