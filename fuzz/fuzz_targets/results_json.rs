//! Score results as `report`, `compare` and `leaderboard` read them: the fuzz input is parsed
//! as a `ScoreReport` (and refused at another schema version, as the CLI does); one that parses
//! is rendered in every format, compared with itself, with a thinned copy and with a fixed base
//! (`fixtures/base-results.json`, range-sum scored by the example systems) both ways, and
//! ranked in a leaderboard: alone, merged with a renamed copy, and merged with the base.

#![no_main]

use fuelgauge::analysis::compare::compare;
use fuelgauge::report::compare::markdown;
use fuelgauge::report::csv::render_csv;
use fuelgauge::report::html::{render_html, render_leaderboard_html};
use fuelgauge::report::junit::render_junit;
use fuelgauge::analysis::leaderboard::{leaderboard, merge};
use fuelgauge::schema::{Metric, Ranking};
use fuelgauge::report::markdown::{render_leaderboard_markdown, render_markdown};
use fuelgauge::report::table::{Layout, render_leaderboard_table, render_summary, render_table};
use fuelgauge::schema::{SCORE_SCHEMA_VERSION, ScoreReport};
use libfuzzer_sys::fuzz_target;

/// The bootstraps' cost is linear in the resamples by design; fewer keep the fuzzer fast
/// (the bound on what a file may ask for is the library's, and unit-tested there).
const MAX_FUZZ_RESAMPLES: usize = 64;

/// A real result to compare and merge with; where the input describes the same problems with
/// other files or costs, the comparison refuses (and says why).
fn base() -> &'static ScoreReport {
    static BASE: std::sync::OnceLock<ScoreReport> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        let mut base: ScoreReport =
            serde_json::from_str(include_str!("../fixtures/base-results.json")).expect("the base");
        base.settings.bootstrap.resamples = MAX_FUZZ_RESAMPLES;
        base
    })
}

fn render_all(report: &ScoreReport) {
    for layout in [
        Layout::default(),
        Layout {
            color: true,
            width: Some(40),
        },
    ] {
        let _ = render_table(report, layout);
        let _ = render_summary(report, layout);
    }
    let _ = render_markdown(report);
    let _ = render_html(report);
    let _ = render_junit(report);
    let _ = render_csv(report);
}

fn rank(reports: Vec<(String, ScoreReport)>) {
    let ks: Vec<usize> = reports[0].1.settings.k.iter().take(3).copied().collect();
    let Ok(merged) = merge(reports) else {
        return;
    };
    let mut rankings = vec![Ranking::Speedup];
    for &k in ks.iter().chain([&1]) {
        for eff in [true, false] {
            rankings.push(Ranking::Estimator(Metric { eff, k }));
        }
    }
    for ranking in rankings {
        for allow_partial in [false, true] {
            if let Ok(board) = leaderboard(&merged, ranking, allow_partial) {
                let _ = serde_json::to_string(&board).expect("a leaderboard serializes");
                let _ = render_leaderboard_markdown(&board);
                let _ = render_leaderboard_table(&board, Layout::default());
                let _ = render_leaderboard_html(&board, &merged.report);
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    // Text that is not JSON at all is refused before the schema sees it: it fails as it would
    // in `ScoreReport` (which has no hand-written deserializer), but each place the syntax
    // breaks would be coverage of its own, and the corpus would fill with broken copies.
    if serde_json::from_slice::<serde::de::IgnoredAny>(data).is_err() {
        return;
    }
    let Ok(mut report) = serde_json::from_slice::<ScoreReport>(data) else {
        return;
    };
    if report.schema_version != SCORE_SCHEMA_VERSION {
        return;
    }
    // Results are rewritten byte-stably: what was read writes back to the same report.
    let text = serde_json::to_string_pretty(&report).expect("a report serializes");
    let again: ScoreReport = serde_json::from_str(&text).expect("a written report reads back");
    assert_eq!(again, report);

    let resamples = &mut report.settings.bootstrap.resamples;
    *resamples = (*resamples).min(MAX_FUZZ_RESAMPLES);
    render_all(&report);

    let gates: Vec<(Metric, f64)> = report
        .settings
        .k
        .iter()
        .take(3)
        .chain([&1])
        .flat_map(|&k| {
            [
                (Metric { eff: true, k }, 0.0),
                (Metric { eff: false, k }, 0.05),
            ]
        })
        .collect();
    let mut thinned = report.clone();
    for system in thinned.systems.values_mut() {
        for problem in system.problems.values_mut() {
            let keep = problem.samples.len().div_ceil(2);
            problem.samples.truncate(keep);
        }
    }
    let pairs = [
        (&report, &report),
        (&report, &thinned),
        (&thinned, &report),
        (base(), &report),
        (&report, base()),
    ];
    for (base, head) in pairs {
        for (strict, allow_partial) in [(false, false), (true, true)] {
            if let Ok(c) = compare(base, head, &gates, strict, allow_partial) {
                let _ = markdown(&c);
                let _ = serde_json::to_string(&c).expect("a comparison serializes");
            }
        }
    }
    let mut renamed = report.clone();
    renamed.systems = std::mem::take(&mut renamed.systems)
        .into_iter()
        .map(|(name, s)| (format!("{name}-b"), s))
        .collect();
    rank(vec![("a.json".into(), report.clone())]);
    rank(vec![
        ("a.json".into(), report.clone()),
        ("b.json".into(), renamed.clone()),
    ]);
    rank(vec![
        ("base.json".into(), base().clone()),
        ("b.json".into(), renamed),
    ]);
});
