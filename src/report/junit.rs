//! JUnit XML: one test case per (system, problem) for CI dashboards; a problem fails when no
//! sample passed.

use std::fmt::Write as _;

use crate::schema::ScoreReport;

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {
                out.push_str(&format!("&#x{:x};", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

pub fn render_junit(report: &ScoreReport) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"fuelgauge\">\n",
    );
    for (name, system) in &report.systems {
        let failures = system
            .problems
            .values()
            .filter(|p| !p.samples.iter().any(|x| x.result.passed))
            .count();
        let _ = writeln!(
            s,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\">",
            escape(name),
            system.problems.len()
        );
        for (id, p) in &system.problems {
            let best = p
                .samples
                .iter()
                .filter(|x| x.result.passed)
                .map(|x| x.result.score)
                .fold(f64::NEG_INFINITY, f64::max);
            let _ = write!(
                s,
                "    <testcase classname=\"{}\" name=\"{}\">",
                escape(name),
                escape(id)
            );
            if best.is_finite() {
                let _ = write!(
                    s,
                    "<system-out>best e = {best:.3}; {} of {} samples passed</system-out>",
                    p.samples.iter().filter(|x| x.result.passed).count(),
                    p.samples.len()
                );
            } else {
                let first = p
                    .samples
                    .first()
                    .map(|x| x.result.verdict.clone())
                    .unwrap_or_default();
                let _ = write!(
                    s,
                    "<failure message=\"no sample passed ({})\"/>",
                    escape(&first)
                );
            }
            let _ = writeln!(s, "</testcase>");
        }
        let _ = writeln!(s, "  </testsuite>");
    }
    s.push_str("</testsuites>\n");
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup() {
        assert_eq!(
            super::escape("<a & 'b'>\u{1}"),
            "&lt;a &amp; &apos;b&apos;&gt;&#x1;"
        );
    }
}
