//! From a score report to the statistics core's samples, and each system's statistics.

use crate::candidate::Family;
use crate::schema::{
    Estimator, Metric, ProblemReport, SampleReport, ScoreReport, SystemReport, Yardstick,
};
use crate::stats::{
    self, Growth, LevelCost, PairedDifference, ProblemSamples, Sample, StatsConfig, StatsError,
    SystemSummary,
};

/// A system's statistics for each k of the report's settings.
pub fn summarize(
    report: &ScoreReport,
    system: &SystemReport,
) -> Result<Vec<SystemSummary>, StatsError> {
    let samples = problem_samples(report, system);
    let settings = &report.settings;
    settings
        .k
        .iter()
        .map(|&k| {
            let config = StatsConfig {
                k,
                include_excluded: settings.include_excluded,
                bootstrap: settings.bootstrap,
            };
            stats::summarize(&samples, &config)
        })
        .collect()
}

/// The statistics core's view of a system: per problem, each sample's pass, score and the
/// cost ratio t/T* of every scored level (censored at α where it ran out of fuel), from the
/// report's provenance (weights and budgets) alone: `score` and the commands that run nothing
/// (`report`, `compare`, `leaderboard`) see the same thing.
pub fn problem_samples(report: &ScoreReport, system: &SystemReport) -> Vec<ProblemSamples> {
    system
        .problems
        .iter()
        .map(|(id, p)| {
            let prov = report.provenance.problems.get(id);
            let weights = prov.map(|p| p.weights.clone()).unwrap_or_default();
            samples_of(id, p, &weights, &|f| {
                prov.and_then(|p| p.references.get(&f))
            })
        })
        .collect()
}

/// Scored levels (weight > 0) of passed samples become cost ratios; the level where a run ran
/// out of fuel is censored at T / T*_l. Later levels were never run and are left out. A
/// passed sample's growth exponent is compared with its reference's.
fn samples_of<'a>(
    id: &str,
    report: &ProblemReport,
    weights: &[f64],
    yardstick: &dyn Fn(Family) -> Option<&'a Yardstick>,
) -> ProblemSamples {
    let sample = |s: &SampleReport| {
        let mut levels = Vec::new();
        let yard = yardstick(s.result.language.family());
        if s.result.passed {
            let t = yard.map_or(0, |y| y.budget);
            for l in &s.result.levels {
                if !weights.get(l.level).is_some_and(|w| *w > 0.0) || l.reference_fuel == 0 {
                    continue;
                }
                let r = l.reference_fuel as f64;
                match l.fuel {
                    Some(fuel) => levels.push(LevelCost::Finished {
                        ratio: fuel as f64 / r,
                    }),
                    None => {
                        levels.push(LevelCost::OutOfFuel {
                            alpha: t as f64 / r,
                        });
                        break;
                    }
                }
            }
        }
        let growth = if s.result.passed {
            s.result.level_growth
        } else {
            Growth::NotCompared
        };
        Sample {
            passed: s.result.passed,
            score: if s.result.passed { s.result.score } else { 0.0 },
            levels,
            memory_score: if s.result.passed {
                s.result.memory_score
            } else {
                0.0
            },
            growth,
        }
    };
    ProblemSamples {
        id: id.to_owned(),
        excluded: report.excluded,
        samples: report.samples.iter().map(sample).collect(),
    }
}

/// The paired difference B − A of `metric` between two systems' samples. mem@k is eff@k's
/// estimator over the memory scores, so its comparison is eff@k's with the memory scores in
/// place of e.
pub fn paired_difference(
    metric: Metric,
    a: &[ProblemSamples],
    b: &[ProblemSamples],
    config: &StatsConfig,
) -> Result<PairedDifference, StatsError> {
    let memory = |samples: &[ProblemSamples]| -> Vec<ProblemSamples> {
        samples
            .iter()
            .map(|p| ProblemSamples {
                samples: p
                    .samples
                    .iter()
                    .map(|s| Sample {
                        score: s.memory_score,
                        ..s.clone()
                    })
                    .collect(),
                ..p.clone()
            })
            .collect()
    };
    Ok(match metric.estimator {
        Estimator::Pass => stats::compare_paired(a, b, config)?.pass_at_k,
        Estimator::Eff => stats::compare_paired(a, b, config)?.eff_at_k,
        Estimator::Mem => stats::compare_paired(&memory(a), &memory(b), config)?.eff_at_k,
    })
}
