//! TLS Secrets as istiod reads them for gateways: the certificate and key under
//! `cert`/`key` or `tls.crt`/`tls.key`, the certificate PEM-encoded X.509 and valid now.

use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine;
use serde_json::Value;

/// Why istiod would not serve a Secret's certificate (`None`: it would). `data` values
/// are base64, as in a manifest or from the API server.
pub fn certificate_error(secret: &Value, now: SystemTime) -> Option<String> {
    let data = |key: &str| -> Option<Vec<u8>> {
        let text = secret.pointer(&format!("/data/{key}"))?.as_str()?;
        base64::engine::general_purpose::STANDARD.decode(text).ok()
    };
    let pair = |cert: &str, key: &str| {
        let (c, k) = (data(cert)?, data(key)?);
        (!c.is_empty() && !k.is_empty()).then_some(c)
    };
    let Some(cert) = pair("cert", "key").or_else(|| pair("tls.crt", "tls.key")) else {
        return Some("the secret has no certificate and key".to_string());
    };
    let Some(der) = pem_block(&cert) else {
        return Some("pem decode failed".to_string());
    };
    let now = now
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let mut rest = der.as_slice();
    while !rest.is_empty() {
        let Some((validity, after)) = certificate_validity(rest) else {
            return Some("x509: malformed certificate".to_string());
        };
        if now < validity.0 || now > validity.1 {
            return Some("certificate is expired or not yet valid".to_string());
        }
        rest = after;
    }
    None
}

/// The bytes of the first PEM block (`-----BEGIN ...-----` to its END line).
fn pem_block(text: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(text).ok()?;
    let start = text.find("-----BEGIN ")?;
    let after_begin = &text[start + 11..];
    let label_end = after_begin.find("-----")?;
    let label = &after_begin[..label_end];
    let body_start = after_begin[label_end + 5..].trim_start_matches(['\r', '\n']);
    let end = body_start.find(&format!("-----END {label}-----"))?;
    let body: String = body_start[..end]
        .lines()
        .filter(|l| !l.contains(':'))
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .collect();
    base64::engine::general_purpose::STANDARD.decode(body).ok()
}

/// One DER element: (tag, content, the bytes after it).
fn der_element(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |acc, b| acc << 8 | usize::from(*b));
        (len, &rest[n..])
    };
    (rest.len() >= len).then(|| (tag, &rest[..len], &rest[len..]))
}

const SEQUENCE: u8 = 0x30;

/// The validity window (not before, not after; Unix seconds) of the first certificate in
/// `der`, and what follows it.
fn certificate_validity(der: &[u8]) -> Option<((i64, i64), &[u8])> {
    let (tag, certificate, after) = der_element(der)?;
    if tag != SEQUENCE {
        return None;
    }
    let (tag, tbs, rest) = der_element(certificate)?;
    let (alg_tag, _, rest) = der_element(rest)?;
    let (sig_tag, _, rest) = der_element(rest)?;
    if tag != SEQUENCE || alg_tag != SEQUENCE || sig_tag != 0x03 || !rest.is_empty() {
        return None;
    }
    let mut fields = tbs;
    let (tag, _, rest) = der_element(fields)?;
    if tag == 0xa0 {
        fields = rest; // the explicit version
    }
    let (serial, _, rest) = der_element(fields)?;
    let (signature, _, rest) = der_element(rest)?;
    let (issuer, _, rest) = der_element(rest)?;
    let (validity_tag, validity, _) = der_element(rest)?;
    if serial != 0x02 || signature != SEQUENCE || issuer != SEQUENCE || validity_tag != SEQUENCE {
        return None;
    }
    let (t1, not_before, rest) = der_element(validity)?;
    let (t2, not_after, _) = der_element(rest)?;
    Some((
        (asn1_time(t1, not_before)?, asn1_time(t2, not_after)?),
        after,
    ))
}

/// A UTCTime (`YYMMDDHHMMSSZ`) or GeneralizedTime (`YYYYMMDDHHMMSSZ`) as Unix seconds.
fn asn1_time(tag: u8, text: &[u8]) -> Option<i64> {
    let text = std::str::from_utf8(text).ok()?.strip_suffix('Z')?;
    let (year, rest) = match (tag, text.len()) {
        (0x17, 12) => {
            let yy: i64 = text[..2].parse().ok()?;
            (if yy < 50 { 2000 + yy } else { 1900 + yy }, &text[2..])
        }
        (0x18, 14) => (text[..4].parse().ok()?, &text[4..]),
        _ => return None,
    };
    let field = |i: usize| rest.get(i..i + 2)?.parse::<i64>().ok();
    let (month, day, hour, minute, second) =
        (field(0)?, field(2)?, field(4)?, field(6)?, field(8)?);
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second)
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dates_count_days_since_the_epoch() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(asn1_time(0x17, b"700101000010Z"), Some(10));
        assert_eq!(asn1_time(0x18, b"20000301000000Z"), Some(11_017 * 86_400));
        assert_eq!(asn1_time(0x17, b"701301000000Z"), None);
    }

    #[test]
    fn secrets_without_a_readable_certificate_are_refused() {
        let now = SystemTime::now();
        let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
        let no_keys = json!({"data": {"ca.crt": b64("x")}});
        assert!(certificate_error(&no_keys, now).is_some());
        let empty = json!({"data": {"tls.crt": "", "tls.key": b64("k")}});
        assert!(certificate_error(&empty, now).is_some());
        let not_pem = json!({"data": {"cert": b64("cert"), "key": b64("key")}});
        assert_eq!(
            certificate_error(&not_pem, now).unwrap(),
            "pem decode failed"
        );
        let junk = format!(
            "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
            b64("junk")
        );
        let bad_der = json!({"data": {"tls.crt": b64(&junk), "tls.key": b64("k")}});
        assert_eq!(
            certificate_error(&bad_der, now).unwrap(),
            "x509: malformed certificate"
        );
    }

    #[test]
    fn a_certificate_is_served_while_valid() {
        // A self-signed certificate generated for this test, valid 2026-11-30 to 2126-11-06.
        let pem = include_str!("../../testdata/tls/cert-until-2126.pem");
        let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
        let secret = json!({"data": {"tls.crt": b64(pem), "tls.key": b64("key")}});
        let at = |secs: u64| UNIX_EPOCH + std::time::Duration::from_secs(secs);
        assert_eq!(certificate_error(&secret, at(4_100_000_000)), None);
        let expired = certificate_error(&secret, at(7_000_000_000)).unwrap();
        assert_eq!(expired, "certificate is expired or not yet valid");
        assert!(certificate_error(&secret, at(1_000_000_000)).is_some());
    }
}
