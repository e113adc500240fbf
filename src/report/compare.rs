//! `fuelgauge compare BASE HEAD`: is the head a real regression from the base?
//!
//! Per system present in both, each gated metric's difference (head − base) comes from the
//! paired comparison over the problems both scored. A drop larger than the allowed regression
//! counts only when its interval excludes zero (the drop is real, not noise), unless
//! `strict`. Per problem, the eff@k changes are listed for reading.

use std::fmt::Write as _;

use super::leaderboard::Metric;
use crate::pipeline::score::problem_samples_from_report;
use crate::schema::ScoreReport;
use crate::stats::{self, StatsConfig, score_problem};

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Finding {
    pub system: String,
    pub metric: String,
    pub base: f64,
    pub head: f64,
    pub difference: f64,
    pub ci_lower: f64,
    pub ci_upper: f64,
    pub p_value: f64,
    pub allowed: f64,
    pub regression: bool,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Comparison {
    pub findings: Vec<Finding>,
    /// (system, problem, base eff, head eff) where they differ, largest drop first.
    pub problem_changes: Vec<(String, String, f64, f64)>,
    pub only_in_base: Vec<String>,
    pub only_in_head: Vec<String>,
}

impl Comparison {
    pub fn regressed(&self) -> bool {
        self.findings.iter().any(|f| f.regression)
    }
}

pub fn compare(
    base: &ScoreReport,
    head: &ScoreReport,
    gates: &[(Metric, f64)],
    strict: bool,
) -> Result<Comparison, stats::StatsError> {
    let mut out = Comparison {
        findings: Vec::new(),
        problem_changes: Vec::new(),
        only_in_base: base
            .systems
            .keys()
            .filter(|k| !head.systems.contains_key(*k))
            .cloned()
            .collect(),
        only_in_head: head
            .systems
            .keys()
            .filter(|k| !base.systems.contains_key(*k))
            .cloned()
            .collect(),
    };
    for (name, b) in &base.systems {
        let Some(h) = head.systems.get(name) else {
            continue;
        };
        let (bs, hs) = (
            problem_samples_from_report(base, b),
            problem_samples_from_report(head, h),
        );
        for &(metric, allowed) in gates {
            let config = StatsConfig {
                k: metric.k,
                include_excluded: head.settings.include_excluded,
                bootstrap: head.settings.bootstrap,
            };
            let c = stats::compare_paired(&bs, &hs, &config)?;
            let d = if metric.eff { c.eff_at_k } else { c.pass_at_k };
            let dropped = d.difference < -allowed;
            let real = strict || d.ci.upper < 0.0;
            out.findings.push(Finding {
                system: name.clone(),
                metric: metric.to_string(),
                base: d.a,
                head: d.b,
                difference: d.difference,
                ci_lower: d.ci.lower,
                ci_upper: d.ci.upper,
                p_value: d.p_value,
                allowed,
                regression: dropped && real,
            });
        }
        for p in &bs {
            let Some(q) = hs.iter().find(|q| q.id == p.id) else {
                continue;
            };
            let k = 1.min(p.samples.len()).min(q.samples.len()).max(1);
            if let (Ok(x), Ok(y)) = (score_problem(p, k), score_problem(q, k))
                && (x.eff_at_k - y.eff_at_k).abs() > 1e-12
            {
                out.problem_changes
                    .push((name.clone(), p.id.clone(), x.eff_at_k, y.eff_at_k));
            }
        }
    }
    out.problem_changes.sort_by(|a, b| {
        (a.3 - a.2)
            .total_cmp(&(b.3 - b.2))
            .then_with(|| (&a.0, &a.1).cmp(&(&b.0, &b.1)))
    });
    Ok(out)
}

/// A PR-comment-sized markdown summary.
pub fn markdown(c: &Comparison) -> String {
    let mut s = String::new();
    let verdict = if c.regressed() {
        "❌ regression"
    } else {
        "✅ no regression"
    };
    let _ = writeln!(s, "## fuelgauge compare: {verdict}\n");
    let _ = writeln!(
        s,
        "| system | metric | base | head | Δ | 95% CI | p | allowed | |"
    );
    let _ = writeln!(s, "|---|---|---:|---:|---:|---|---:|---:|---|");
    for f in &c.findings {
        let _ = writeln!(
            s,
            "| {} | {} | {:.3} | {:.3} | {:+.3} | [{:+.3}, {:+.3}] | {:.3} | −{:.3} | {} |",
            f.system,
            f.metric,
            f.base,
            f.head,
            f.difference,
            f.ci_lower,
            f.ci_upper,
            f.p_value,
            f.allowed,
            if f.regression { "regression" } else { "" }
        );
    }
    if !c.problem_changes.is_empty() {
        let _ = writeln!(
            s,
            "\n<details><summary>eff@1 changes per problem ({})</summary>\n",
            c.problem_changes.len()
        );
        let _ = writeln!(
            s,
            "| system | problem | base | head | Δ |\n|---|---|---:|---:|---:|"
        );
        for (system, problem, b, h) in c.problem_changes.iter().take(30) {
            let _ = writeln!(
                s,
                "| {system} | {problem} | {b:.3} | {h:.3} | {:+.3} |",
                h - b
            );
        }
        let _ = writeln!(s, "\n</details>");
    }
    for (label, list) in [
        ("only in base", &c.only_in_base),
        ("only in head", &c.only_in_head),
    ] {
        if !list.is_empty() {
            let _ = writeln!(s, "\nSystems {label}: {}", list.join(", "));
        }
    }
    s
}
