//! PIE-style code-edit evaluation (Shypula et al., ICLR 2024): how much faster than the
//! original program is the best correct candidate?
//!
//! Per problem, speedup = fuel(original) / fuel(best correct candidate), fuel summed over the
//! problem's tests; PIE clamps it at ≥ 1 (a slower or wrong candidate is "no improvement"), and
//! the unclamped ratio is reported too. A candidate that ran out of fuel, or is wrong, counts as
//! 1.0× and not correct. Aggregates: mean speedup, %Opt (share of problems with speedup ≥ 1.10,
//! also 1.25, 1.5, 2, 4), %Correct, each with a bootstrap interval over problems.

use std::collections::BTreeMap;

use crate::schema::{
    OPT_THRESHOLDS, ProblemSpeedup, ScoreReport, Share, SpeedupSummary, SystemReport, TestVerdict,
};
use crate::stats::{self, BootstrapConfig};

fn share(values: &[f64], config: &BootstrapConfig) -> Result<Share, stats::StatsError> {
    let value = values.iter().sum::<f64>() / values.len().max(1) as f64;
    Ok(Share {
        value,
        ci: stats::bootstrap_mean(values, config)?,
    })
}

/// Every system's speedups, by name.
pub fn speedups(
    report: &ScoreReport,
) -> Result<BTreeMap<String, SpeedupSummary>, stats::StatsError> {
    report
        .systems
        .iter()
        .map(|(name, system)| Ok((name.clone(), speedup(report, system)?)))
        .collect()
}

pub fn speedup(
    report: &ScoreReport,
    system: &SystemReport,
) -> Result<SpeedupSummary, stats::StatsError> {
    let mut per_problem = Vec::new();
    let (mut samples, mut censored) = (0usize, 0usize);
    for (id, p) in &system.problems {
        let Some(prov) = report.provenance.problems.get(id) else {
            continue;
        };
        let mut best: Option<u64> = None;
        let mut out_of_fuel = 0;
        let mut original = None;
        for s in &p.samples {
            samples += 1;
            let r = &s.result;
            if r.tests
                .iter()
                .any(|t| t.verdict == TestVerdict::FuelExhausted)
            {
                out_of_fuel += 1;
            }
            let Some(yard) = prov.references.get(&r.language.family()) else {
                continue;
            };
            original.get_or_insert(yard.per_test.iter().sum::<u64>());
            if r.passed && r.tests.iter().all(|t| t.fuel.is_some()) {
                let fuel: u64 = r.tests.iter().filter_map(|t| t.fuel).sum();
                best = Some(best.map_or(fuel, |b| b.min(fuel)));
            }
        }
        censored += out_of_fuel;
        let original = original.unwrap_or_else(|| {
            prov.references
                .values()
                .next()
                .map_or(0, |y| y.per_test.iter().sum())
        });
        let unclamped = match best {
            Some(b) if b > 0 => original as f64 / b as f64,
            _ => 1.0,
        };
        per_problem.push(ProblemSpeedup {
            id: id.clone(),
            original_fuel: original,
            best_fuel: best,
            speedup: unclamped.max(1.0),
            unclamped,
            correct: best.is_some(),
            out_of_fuel,
        });
    }
    let config = &report.settings.bootstrap;
    let speedups: Vec<f64> = per_problem.iter().map(|p| p.speedup).collect();
    let unclamped: Vec<f64> = per_problem.iter().map(|p| p.unclamped).collect();
    let correct: Vec<f64> = per_problem
        .iter()
        .map(|p| f64::from(u8::from(p.correct)))
        .collect();
    let mut percent_opt = BTreeMap::new();
    for t in OPT_THRESHOLDS {
        let hits: Vec<f64> = per_problem
            .iter()
            .map(|p| f64::from(u8::from(p.speedup >= t)))
            .collect();
        percent_opt.insert(format!("{t:.2}"), share(&hits, config)?);
    }
    Ok(SpeedupSummary {
        problems: per_problem.len(),
        mean_speedup: share(&speedups, config)?,
        mean_unclamped: share(&unclamped, config)?,
        percent_opt,
        percent_correct: share(&correct, config)?,
        censoring_rate: (samples > 0).then(|| censored as f64 / samples as f64),
        per_problem,
    })
}
