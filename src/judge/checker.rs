//! Text checkers for stdio problems: exact bytes, tokens, tokens with float tolerance.

/// Compares `actual` against `expected`; `Err` holds a short, bounded description.
pub fn check_exact(expected: &[u8], actual: &[u8]) -> Result<(), String> {
    if expected == actual {
        return Ok(());
    }
    let at = expected
        .iter()
        .zip(actual)
        .position(|(e, a)| e != a)
        .unwrap_or(expected.len().min(actual.len()));
    let line = expected[..at.min(expected.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1;
    Err(format!(
        "byte {at} (line {line}) differs: expected {}, got {} ({} vs {} bytes)",
        snippet(expected, at),
        snippet(actual, at),
        expected.len(),
        actual.len()
    ))
}

fn snippet(bytes: &[u8], at: usize) -> String {
    let end = (at + 20).min(bytes.len());
    let start = at.min(bytes.len());
    if start == end {
        return "end of output".into();
    }
    format!("{:?}", String::from_utf8_lossy(&bytes[start..end]))
}

fn tokens(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    bytes
        .split(|b| b.is_ascii_whitespace())
        .filter(|t| !t.is_empty())
}

/// Whitespace-separated tokens equal; with `tol`, numeric tokens may differ by the absolute
/// or relative tolerance.
pub fn check_tokens(expected: &[u8], actual: &[u8], tol: Option<(f64, f64)>) -> Result<(), String> {
    let (mut e, mut a) = (tokens(expected), tokens(actual));
    let mut index = 0usize;
    loop {
        match (e.next(), a.next()) {
            (None, None) => return Ok(()),
            (Some(x), None) => {
                return Err(format!(
                    "output ends at token {}; expected {}",
                    index + 1,
                    show(x)
                ));
            }
            (None, Some(y)) => {
                return Err(format!("extra output at token {}: {}", index + 1, show(y)));
            }
            (Some(x), Some(y)) => {
                if x != y && !numbers_close(x, y, tol) {
                    return Err(format!(
                        "token {} differs: expected {}, got {}",
                        index + 1,
                        show(x),
                        show(y)
                    ));
                }
            }
        }
        index += 1;
    }
}

fn show(token: &[u8]) -> String {
    let text = String::from_utf8_lossy(token);
    if text.chars().count() > 40 {
        format!("{:?}…", text.chars().take(40).collect::<String>())
    } else {
        format!("{text:?}")
    }
}

fn numbers_close(x: &[u8], y: &[u8], tol: Option<(f64, f64)>) -> bool {
    let Some((abs, rel)) = tol else { return false };
    let parse = |t: &[u8]| std::str::from_utf8(t).ok()?.parse::<f64>().ok();
    match (parse(x), parse(y)) {
        (Some(x), Some(y)) if x.is_finite() && y.is_finite() => {
            let d = (x - y).abs();
            d <= abs || d <= rel * x.abs()
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_reports_where() {
        assert!(check_exact(b"1 2\n", b"1 2\n").is_ok());
        let e = check_exact(b"1 2\n3\n", b"1 2\n4\n").unwrap_err();
        assert!(e.starts_with("byte 4 (line 2) differs"), "{e}");
        assert!(check_exact(b"1\n", b"1").is_err());
    }

    #[test]
    fn tokens_ignore_spacing_and_count_tokens() {
        assert!(check_tokens(b"1 2\n3\n", b"1\n2 3", None).is_ok());
        assert_eq!(
            check_tokens(b"1 2 3", b"1 2 4", None).unwrap_err(),
            "token 3 differs: expected \"3\", got \"4\""
        );
        assert!(
            check_tokens(b"1 2", b"1", None)
                .unwrap_err()
                .contains("ends at token 2")
        );
        assert!(
            check_tokens(b"1", b"1 2", None)
                .unwrap_err()
                .contains("extra output")
        );
    }

    #[test]
    fn floats_within_tolerance() {
        let tol = Some((1e-6, 1e-6));
        assert!(check_tokens(b"0.3333333", b"0.33333331", tol).is_ok());
        assert!(
            check_tokens(b"1000000", b"1000000.5", tol).is_ok(),
            "relative"
        );
        assert!(check_tokens(b"0.5", b"0.6", tol).is_err());
        assert!(check_tokens(b"abc", b"abd", tol).is_err());
        assert!(check_tokens(b"1.0", b"nan", tol).is_err());
    }
}
