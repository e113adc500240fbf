//! Numbers for people.

/// 1234567 → "1,234,567".
pub(crate) fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// 1234567 → "1.23M": three significant digits, for table columns.
pub(crate) fn short(n: u64) -> String {
    let x = n as f64;
    for (unit, scale) in [("G", 1e9), ("M", 1e6), ("k", 1e3)] {
        if x >= scale {
            let v = x / scale;
            let decimals = if v >= 100.0 {
                0
            } else if v >= 10.0 {
                1
            } else {
                2
            };
            return format!("{v:.decimals$}{unit}");
        }
    }
    n.to_string()
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
    }

    #[test]
    fn short_fuel() {
        assert_eq!(short(999), "999");
        assert_eq!(short(1_234_567), "1.23M");
        assert_eq!(short(12_345_678), "12.3M");
        assert_eq!(short(123_456_789_000), "123G");
    }
}
