//! One CSV row per sample, for spreadsheets and data frames: `system, problem, sample,
//! language, passed, score, verdict, f_0 … f_L, fuel, censored`.
//!
//! `score` is e, empty for a problem without scored levels; `f_l` is the level score, empty
//! where the sample has no such level (it failed, or the problem has fewer levels); `fuel` is
//! the fuel of the level tests that finished (not the growth fit's extra sizes), summed (a lower bound when `censored`); `censored`:
//! a level ran out of fuel and the sample still passed.

use super::table::problem_has_levels;
use crate::schema::ScoreReport;

pub fn render_csv(report: &ScoreReport) -> String {
    let levels = report
        .systems
        .values()
        .flat_map(|s| s.problems.values())
        .flat_map(|p| &p.samples)
        .map(|s| s.result.levels.len())
        .max()
        .unwrap_or(0);
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = [
        "system", "problem", "sample", "language", "passed", "score", "verdict",
    ]
    .map(str::to_owned)
    .to_vec();
    header.extend((0..levels).map(|l| format!("f_{l}")));
    header.extend(["fuel".to_owned(), "censored".to_owned()]);
    let mut rows = vec![header];
    for (system, s) in &report.systems {
        for (problem, p) in &s.problems {
            let scored = problem_has_levels(report, problem);
            for sample in &p.samples {
                let r = &sample.result;
                let mut row = vec![
                    text(system),
                    text(problem),
                    text(&sample.name),
                    r.language.name().to_owned(),
                    r.passed.to_string(),
                    if scored {
                        format!("{:.6}", r.score)
                    } else {
                        String::new()
                    },
                    text(r.verdict.name()),
                ];
                row.extend((0..levels).map(|l| {
                    r.levels
                        .get(l)
                        .map_or(String::new(), |f| format!("{:.6}", f.score))
                }));
                row.push(
                    r.tests
                        .iter()
                        .filter(|t| !t.is_growth())
                        .filter_map(|t| t.fuel)
                        .sum::<u64>()
                        .to_string(),
                );
                row.push((r.passed && r.levels.iter().any(|l| l.censored)).to_string());
                rows.push(row);
            }
        }
    }
    for row in rows {
        out.write_record(&row)
            .expect("writing CSV into memory cannot fail");
    }
    let bytes = out
        .into_inner()
        .expect("flushing CSV into memory cannot fail");
    String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
}

/// A name as a CSV field a spreadsheet shows as text: one starting with `=`, `+`, `-`, `@`
/// or a tab would be taken for a formula (`=HYPERLINK(…)`), so it gets a leading `'`.
fn text(name: &str) -> String {
    if name.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{name}")
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture;

    #[test]
    fn names_that_look_like_formulas_stay_text() {
        assert_eq!(text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text("-1+2"), "'-1+2");
        assert_eq!(text("@sum"), "'@sum");
        assert_eq!(text("model-a"), "model-a");
    }

    #[test]
    fn one_row_per_sample_with_level_scores() {
        let text = render_csv(&fixture::report());
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(
            header,
            [
                "system", "problem", "sample", "language", "passed", "score", "verdict", "f_0",
                "f_1", "f_2", "fuel", "censored"
            ]
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 5);
        let row = |system: &str, sample: &str| {
            rows.iter()
                .find(|r| &r[0] == system && &r[2] == sample)
                .unwrap()
        };
        let slow = row("slow", "s.c");
        assert_eq!(
            (&slow[4], &slow[6], &slow[11]),
            ("true", "accepted", "true")
        );
        assert_eq!(&slow[9], "0.000000", "censored levels score 0");
        // The detail's markup and quotes need no escaping here; the wrong answer is a row too.
        let bad = row("bad", "wrong.c");
        assert_eq!(
            (&bad[4], &bad[6], &bad[7], &bad[10]),
            ("false", "wrong_answer", "", "90")
        );
        // No levels: no score.
        let he = row("fast", "he.py");
        assert_eq!((&he[5], &he[10]), ("", "400"));
    }
}
