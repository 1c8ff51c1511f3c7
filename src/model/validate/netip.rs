//! Go's `net/netip` address and prefix parsing, for its error texts: istiod words bad IPs
//! and CIDR ranges with them (`netip.ParsePrefix("10.0.0.0/33"): prefix length out of
//! range`). Written from Go's documented rules; only the verdict and the message matter.

use crate::model::go_text::quote;

/// A `ParseAddr` failure: what, and where in the input (`at`), as Go reports them.
struct AddrError {
    input: String,
    msg: &'static str,
    at: Option<String>,
}

impl AddrError {
    fn new(input: &str, msg: &'static str, at: Option<&str>) -> Self {
        AddrError {
            input: input.to_string(),
            msg,
            at: at.map(str::to_string),
        }
    }

    fn text(&self) -> String {
        match &self.at {
            Some(at) => format!(
                "ParseAddr({}): {} (at {})",
                quote(&self.input),
                self.msg,
                quote(at)
            ),
            None => format!("ParseAddr({}): {}", quote(&self.input), self.msg),
        }
    }
}

/// What `ParseAddr` decided: an IPv4 address, an IPv6 one (with or without a zone).
enum Addr {
    V4,
    V6 { zoned: bool },
}

/// Go's `netip.ParseAddr(s)` error text, or `None` when `s` is an address.
pub fn parse_addr_error(s: &str) -> Option<String> {
    parse_addr(s).err().map(|e| e.text())
}

/// Go's `netip.ParsePrefix(s)` error text, or `None` when `s` is a prefix.
pub fn parse_prefix_error(s: &str) -> Option<String> {
    let fail = |msg: String| Some(format!("netip.ParsePrefix({}): {msg}", quote(s)));
    let Some(slash) = s.rfind('/') else {
        return fail("no '/'".to_string());
    };
    let addr = match parse_addr(&s[..slash]) {
        Ok(addr) => addr,
        Err(e) => return fail(e.text()),
    };
    if matches!(addr, Addr::V6 { zoned: true }) {
        return fail("IPv6 zones cannot be present in a prefix".to_string());
    }
    let bits = &s[slash + 1..];
    let bad_bits = || fail(format!("bad bits after slash: {}", quote(bits)));
    if bits.len() > 1 && !bits.starts_with(|c: char| ('1'..='9').contains(&c)) {
        return bad_bits();
    }
    // strconv.Atoi: an optional sign, then decimal digits.
    let digits = bits.strip_prefix(['+', '-']).unwrap_or(bits);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return bad_bits();
    }
    let negative = bits.starts_with('-');
    let max = if matches!(addr, Addr::V4) { 32 } else { 128 };
    let too_long = digits.parse::<u32>().map_or(true, |n| n > max);
    if negative && digits.bytes().any(|b| b != b'0') || too_long {
        return fail("prefix length out of range".to_string());
    }
    None
}

fn parse_addr(s: &str) -> Result<Addr, AddrError> {
    for c in s.bytes() {
        match c {
            b'.' => return parse_ipv4_fields(s, s).map(|_| Addr::V4),
            b':' => return parse_ipv6(s),
            b'%' => return Err(AddrError::new(s, "missing IPv6 address", None)),
            _ => {}
        }
    }
    Err(AddrError::new(s, "unable to parse IP", None))
}

/// Go's `parseIPv4Fields` over `part` (all of `input`, or an IPv6 address's IPv4 tail).
fn parse_ipv4_fields(input: &str, part: &str) -> Result<(), AddrError> {
    let bytes = part.as_bytes();
    let (mut value, mut position, mut digits) = (0u32, 0, 0);
    for (i, &c) in bytes.iter().enumerate() {
        if c.is_ascii_digit() {
            if digits == 1 && value == 0 {
                return Err(AddrError::new(
                    input,
                    "IPv4 field has octet with leading zero",
                    None,
                ));
            }
            value = value * 10 + u32::from(c - b'0');
            digits += 1;
            if value > 255 {
                return Err(AddrError::new(input, "IPv4 field has value >255", None));
            }
        } else if c == b'.' {
            if i == 0 || i == bytes.len() - 1 || bytes[i - 1] == b'.' {
                let at = &part[i..];
                return Err(AddrError::new(
                    input,
                    "IPv4 field must have at least one digit",
                    Some(at),
                ));
            }
            if position == 3 {
                return Err(AddrError::new(input, "IPv4 address too long", None));
            }
            position += 1;
            value = 0;
            digits = 0;
        } else {
            return Err(AddrError::new(
                input,
                "unexpected character",
                Some(&part[i..]),
            ));
        }
    }
    if position < 3 {
        return Err(AddrError::new(input, "IPv4 address too short", None));
    }
    Ok(())
}

fn parse_ipv6(input: &str) -> Result<Addr, AddrError> {
    let err = |msg, at: Option<&str>| Err(AddrError::new(input, msg, at));
    let (mut s, zone) = match input.find('%') {
        Some(i) => (&input[..i], Some(&input[i + 1..])),
        None => (input, None),
    };
    if zone == Some("") {
        return err("zone must be a non-empty string", None);
    }
    let zoned = zone.is_some();
    let mut ellipsis: Option<usize> = None;
    if s.starts_with("::") {
        ellipsis = Some(0);
        s = &s[2..];
        if s.is_empty() {
            return Ok(Addr::V6 { zoned });
        }
    }
    let mut filled = 0;
    while filled < 16 {
        let mut off = 0;
        let mut acc = 0u32;
        for c in s.bytes() {
            let Some(digit) = (c as char).to_digit(16) else {
                break;
            };
            acc = (acc << 4) + digit;
            if off > 3 {
                return err("each group must have 4 or less digits", Some(s));
            }
            if acc > 0xffff {
                return err("IPv6 field has value >=2^16", Some(s));
            }
            off += 1;
        }
        if off == 0 {
            return err(
                "each colon-separated field must have at least one digit",
                Some(s),
            );
        }
        if s.as_bytes().get(off) == Some(&b'.') {
            if ellipsis.is_none() && filled != 12 {
                return err(
                    "embedded IPv4 address must replace the final 2 fields of the address",
                    Some(s),
                );
            }
            if filled + 4 > 16 {
                return err(
                    "too many hex fields to fit an embedded IPv4 at the end of the address",
                    Some(s),
                );
            }
            parse_ipv4_fields(input, s)?;
            s = "";
            filled += 4;
            break;
        }
        filled += 2;
        s = &s[off..];
        if s.is_empty() {
            break;
        }
        if !s.starts_with(':') {
            return err("unexpected character, want colon", Some(s));
        } else if s.len() == 1 {
            return err("colon must be followed by more characters", Some(s));
        }
        s = &s[1..];
        if s.starts_with(':') {
            if ellipsis.is_some() {
                return err("multiple :: in address", Some(s));
            }
            ellipsis = Some(filled);
            s = &s[1..];
            if s.is_empty() {
                break;
            }
        }
    }
    if !s.is_empty() {
        return err("trailing garbage after address", Some(s));
    }
    if filled < 16 && ellipsis.is_none() {
        return err("address string too short", None);
    }
    if filled == 16 && ellipsis.is_some() {
        return err("the :: must expand to at least one field of zeros", None);
    }
    Ok(Addr::V6 { zoned })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_fail_with_gos_words() {
        assert_eq!(parse_prefix_error("10.0.0.0/8"), None);
        assert_eq!(parse_prefix_error("2001:db8::/32"), None);
        assert_eq!(
            parse_prefix_error("192.168.1.0/33").unwrap(),
            "netip.ParsePrefix(\"192.168.1.0/33\"): prefix length out of range"
        );
        assert_eq!(
            parse_prefix_error("unix:///var/run/x.sock").unwrap(),
            "netip.ParsePrefix(\"unix:///var/run/x.sock\"): ParseAddr(\"unix:///var/run\"): each colon-separated field must have at least one digit (at \"unix:///var/run\")"
        );
        assert_eq!(
            parse_prefix_error("10.0.0.0/08").unwrap(),
            "netip.ParsePrefix(\"10.0.0.0/08\"): bad bits after slash: \"08\""
        );
        assert_eq!(
            parse_prefix_error("10.0.0/8").unwrap(),
            "netip.ParsePrefix(\"10.0.0/8\"): ParseAddr(\"10.0.0\"): IPv4 address too short"
        );
        assert_eq!(
            parse_prefix_error("fe80::1%eth0/64").unwrap(),
            "netip.ParsePrefix(\"fe80::1%eth0/64\"): IPv6 zones cannot be present in a prefix"
        );
    }

    #[test]
    fn addresses_fail_with_gos_words() {
        assert_eq!(parse_addr_error("1.2.3.4"), None);
        assert_eq!(parse_addr_error("::ffff:1.2.3.4"), None);
        assert_eq!(
            parse_addr_error("1.2.3.04").unwrap(),
            "ParseAddr(\"1.2.3.04\"): IPv4 field has octet with leading zero"
        );
        assert_eq!(
            parse_addr_error("1.2..4").unwrap(),
            "ParseAddr(\"1.2..4\"): IPv4 field must have at least one digit (at \".4\")"
        );
        assert_eq!(
            parse_addr_error("host").unwrap(),
            "ParseAddr(\"host\"): unable to parse IP"
        );
        assert_eq!(
            parse_addr_error("1:2:3:4:5:6:7:8::").unwrap(),
            "ParseAddr(\"1:2:3:4:5:6:7:8::\"): the :: must expand to at least one field of zeros"
        );
    }
}
