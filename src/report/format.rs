//! Numbers and lists for people: the one way each is written, shared by every renderer.

/// SI prefixes by power of 1000, as far as a decade label needs them (`u64` ends in the E's).
pub(crate) const SI_PREFIXES: [&str; 9] = ["", "k", "M", "G", "T", "P", "E", "Z", "Y"];

/// 1234567 → "1,234,567".
pub(crate) fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// An integer to three significant digits with an SI prefix, trailing zeros dropped: `950`,
/// `1.5k`, `12.3k`, `1M`, `1.23M`. A mantissa that would round to 1000 moves to the next
/// prefix, so 999,999 is `1M`, never `1000k`.
pub(crate) fn short(n: u64) -> String {
    if n < 1000 {
        return n.to_string();
    }
    let mut mantissa = n as f64;
    let mut prefix = 0;
    while mantissa >= 999.5 && prefix + 1 < SI_PREFIXES.len() {
        mantissa /= 1000.0;
        prefix += 1;
    }
    let digits = if mantissa >= 99.95 {
        0
    } else if mantissa >= 9.995 {
        1
    } else {
        2
    };
    format!("{}{}", trimmed(mantissa, digits), SI_PREFIXES[prefix])
}

/// A float with `digits` decimals (no `-0`); `—` when not finite.
pub(crate) fn fixed(value: f64, digits: usize) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let text = format!("{value:.digits$}");
    match text.strip_prefix('-') {
        Some(magnitude) if magnitude.chars().all(|c| c == '0' || c == '.') => magnitude.to_owned(),
        _ => text,
    }
}

/// [`fixed`] without trailing zeros: `4`, `2.5`.
pub(crate) fn trimmed(value: f64, digits: usize) -> String {
    let text = fixed(value, digits);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// A share as a percentage with at most one decimal: `95%`, `8.3%`, `0%`.
pub(crate) fn percent(share: f64) -> String {
    format!("{}%", trimmed(share * 100.0, 1))
}

/// A rate in a text table's column, always with one decimal so that the column lines up:
/// `8.3%`, `0.0%`; `-` for no rate.
pub(crate) fn rate(rate: Option<f64>) -> String {
    rate.map_or("-".into(), |r| format!("{:.1}%", r * 100.0))
}

/// `s` unless there is exactly one.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1,000");
        assert_eq!(group(1234567), "1,234,567");
        assert_eq!(group(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn short_keeps_three_significant_digits() {
        assert_eq!(short(0), "0");
        assert_eq!(short(999), "999");
        assert_eq!(short(1000), "1k");
        assert_eq!(short(1500), "1.5k");
        assert_eq!(short(12_345), "12.3k");
        assert_eq!(short(1_234_567), "1.23M");
        assert_eq!(short(12_345_678), "12.3M");
        assert_eq!(short(123_456_789_000), "123G");
        assert_eq!(short(u64::MAX), "18.4E");
    }

    #[test]
    fn short_rounds_up_into_the_next_prefix() {
        assert_eq!(short(1_000_000), "1M");
        assert_eq!(short(999_999), "1M");
        assert_eq!(short(999_499), "999k");
        assert_eq!(short(9_999), "10k");
        assert_eq!(short(99_960), "100k");
        assert_eq!(short(999_999_999), "1G");
    }

    #[test]
    fn fixed_has_no_negative_zero_and_dashes_non_numbers() {
        assert_eq!(fixed(0.12345, 3), "0.123");
        assert_eq!(fixed(-0.0001, 2), "0.00");
        assert_eq!(fixed(-0.5, 1), "-0.5");
        assert_eq!(fixed(f64::NAN, 2), "—");
        assert_eq!(fixed(f64::INFINITY, 2), "—");
        assert_eq!(trimmed(2.5, 3), "2.5");
        assert_eq!(trimmed(4.0, 3), "4");
        assert_eq!(trimmed(120.0, 0), "120");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(0.95), "95%");
        assert_eq!(percent(1.0 / 12.0), "8.3%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(rate(Some(0.0)), "0.0%");
        assert_eq!(rate(Some(1.0 / 12.0)), "8.3%");
        assert_eq!(rate(None), "-");
    }
}
