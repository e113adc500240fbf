//! The human table: per system pass@k and eff@k with intervals and censoring; per problem the
//! best sample.

use std::fmt::Write as _;

use crate::schema::ScoreReport;
use crate::stats::SystemSummary;

fn interval(e: &crate::stats::Estimate) -> String {
    format!("{:.3} [{:.3}, {:.3}]", e.value, e.ci.lower, e.ci.upper)
}

fn percent(rate: Option<f64>) -> String {
    rate.map_or("-".into(), |r| format!("{:.1}%", r * 100.0))
}

/// `color` wraps the headline numbers in ANSI bold (only when writing to a terminal).
pub fn render_table(report: &ScoreReport, color: bool) -> String {
    let (bold, reset) = if color {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{bold}{:<24} {:>4} {:>9} {:>8}  {:<24} {:<24} {:>9} {:>10}{reset}",
        "system",
        "k",
        "problems",
        "samples",
        "pass@k [95% CI]",
        "eff@k [95% CI]",
        "censored",
        "median t/T*"
    );
    for (name, system) in &report.systems {
        for st in &system.stats {
            let median = median(st);
            let _ = writeln!(
                s,
                "{name:<24} {:>4} {:>9} {:>8}  {:<24} {bold}{:<24}{reset} {:>9} {:>10}",
                st.k,
                st.problems,
                st.samples,
                interval(&st.pass_at_k),
                if measures_efficiency(report, name) {
                    interval(&st.eff_at_k)
                } else {
                    "n/a (no levels)".into()
                },
                percent(st.censoring.rate),
                median
            );
        }
    }
    let _ = writeln!(
        s,
        "\n{bold}{:<32} {:<24} {:>6} {:>7}  failures{reset}",
        "problem", "system", "best e", "passed"
    );
    let mut rows: Vec<(&String, &String, &crate::schema::ProblemReport)> = report
        .systems
        .iter()
        .flat_map(|(name, sys)| sys.problems.iter().map(move |(id, p)| (id, name, p)))
        .collect();
    rows.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    for (id, name, p) in rows {
        let best = p
            .samples
            .iter()
            .filter(|x| x.result.passed)
            .map(|x| x.result.score)
            .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))));
        let passed = p.samples.iter().filter(|x| x.result.passed).count();
        let mut failures: std::collections::BTreeMap<&str, usize> = Default::default();
        for x in p.samples.iter().filter(|x| !x.result.passed) {
            *failures.entry(x.result.verdict.as_str()).or_default() += 1;
        }
        let failures: Vec<String> = failures.iter().map(|(v, n)| format!("{v}×{n}")).collect();
        let _ = writeln!(
            s,
            "{id:<32} {name:<24} {:>6} {:>7}  {}",
            best.map_or("-".into(), |b| format!("{b:.3}")),
            format!("{passed}/{}", p.samples.len()),
            failures.join(" ")
        );
    }
    if let Some(speedups) = &report.speedup {
        let _ = writeln!(
            s,
            "\n{bold}{:<24} {:>9}  {:<22} {:<22} {:<22} {:>9}{reset}",
            "system", "problems", "mean speedup", "%Opt (≥1.10)", "%Correct", "out of fuel"
        );
        for (name, sp) in speedups {
            let opt = &sp.percent_opt["1.10"];
            let _ = writeln!(
                s,
                "{name:<24} {:>9}  {:<22} {:<22} {:<22} {:>9}",
                sp.problems,
                format!(
                    "{:.2}x [{:.2}, {:.2}]",
                    sp.mean_speedup.value, sp.mean_speedup.ci.lower, sp.mean_speedup.ci.upper
                ),
                format!(
                    "{:.1}% [{:.1}, {:.1}]",
                    opt.value * 100.0,
                    opt.ci.lower * 100.0,
                    opt.ci.upper * 100.0
                ),
                format!(
                    "{:.1}% [{:.1}, {:.1}]",
                    sp.percent_correct.value * 100.0,
                    sp.percent_correct.ci.lower * 100.0,
                    sp.percent_correct.ci.upper * 100.0
                ),
                percent(sp.censoring_rate)
            );
        }
    }
    for w in &report.warnings {
        let _ = writeln!(s, "warning: {w}");
    }
    s
}

/// eff@k means something only when some problem of the system has scored levels; imported
/// HumanEval problems (correctness tests only) have none.
pub(crate) fn measures_efficiency(report: &ScoreReport, system: &str) -> bool {
    report.systems.get(system).is_some_and(|sys| {
        sys.problems.keys().any(|id| {
            report
                .provenance
                .problems
                .get(id)
                .is_some_and(|p| p.weights.iter().any(|w| *w > 0.0))
        })
    })
}

pub(crate) fn median(st: &SystemSummary) -> String {
    st.cost_ratio
        .as_ref()
        .map_or("-".into(), |c| match &c.kaplan_meier.median {
            crate::stats::Quantile::Estimated { ratio } => format!("{ratio:.2}"),
            crate::stats::Quantile::Censored { above } => format!("> {above:.1}"),
        })
}
