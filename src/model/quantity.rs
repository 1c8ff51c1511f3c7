//! Kubernetes resource quantities (`100m`, `1Gi`, `5e3`): whether a text parses as one,
//! with the errors Kubernetes' `resource.ParseQuantity` gives.

/// Kubernetes' error for a text that is not number-then-suffix.
pub const FORMAT_WRONG: &str =
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/// Kubernetes' error for a suffix that is not an SI, binary or exponent suffix.
pub const BAD_SUFFIX: &str = "unable to parse quantity's suffix";

const SUFFIX_LETTERS: &[u8] = b"eEinumkKMGTP";

/// Why `text` is not a quantity, or `None` when it is one.
pub fn parse_error(text: &str) -> Option<&'static str> {
    match split_suffix(text) {
        _ if text.is_empty() => Some(FORMAT_WRONG),
        None => Some(FORMAT_WRONG),
        Some(suffix) if !known_suffix(suffix) => Some(BAD_SUFFIX),
        Some(_) => None,
    }
}

/// The suffix of a quantity text, after its sign, digits and decimal point; `None` when
/// the text has no such shape (Kubernetes' `parseQuantityString`).
fn split_suffix(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut pos = usize::from(matches!(bytes.first(), Some(b'+' | b'-')));
    pos += bytes[pos..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if bytes.get(pos) == Some(&b'.') {
        pos += 1;
        pos += bytes[pos..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
    }
    let start = pos;
    pos += bytes[pos..]
        .iter()
        .take_while(|b| SUFFIX_LETTERS.contains(b))
        .count();
    if matches!(bytes.get(pos), Some(b'+' | b'-')) {
        pos += 1;
    }
    pos += bytes[pos..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    (pos == bytes.len()).then(|| &text[start..])
}

fn known_suffix(suffix: &str) -> bool {
    const SI: &[&str] = &["n", "u", "m", "", "k", "M", "G", "T", "P", "E"];
    const BINARY: &[&str] = &["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
    if SI.contains(&suffix) || BINARY.contains(&suffix) {
        return true;
    }
    suffix.len() > 1 && suffix.starts_with(['e', 'E']) && suffix[1..].parse::<i64>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_parse_as_kubernetes_parses_them() {
        for good in [
            "1", "100m", "1.5Gi", "+2", "-3k", ".5", "5e3", "1E-2", "1e+5", "0", "12Ei", "m",
        ] {
            assert_eq!(parse_error(good), None, "{good}");
        }
        for (bad, why) in [
            ("", FORMAT_WRONG),
            ("abc", FORMAT_WRONG),
            ("1 Gi", FORMAT_WRONG),
            ("1Gb", FORMAT_WRONG),
            ("1x", FORMAT_WRONG),
            ("1Kb", FORMAT_WRONG),
            ("1K", BAD_SUFFIX),
            ("1mi", BAD_SUFFIX),
            ("1e", BAD_SUFFIX),
        ] {
            assert_eq!(parse_error(bad), Some(why), "{bad}");
        }
    }
}
