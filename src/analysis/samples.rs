//! From a score report to the statistics core's samples, and each system's statistics.

use crate::candidate::Family;
use crate::schema::{ProblemReport, SampleReport, ScoreReport, SystemReport};
use crate::stats::{
    self, LevelCost, ProblemSamples, Sample, StatsConfig, StatsError, SystemSummary,
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
                prov.and_then(|p| p.references.get(&f)).map(|y| y.budget)
            })
        })
        .collect()
}

/// Scored levels (weight > 0) of passed samples become cost ratios; the level where a run ran
/// out of fuel is censored at T / T*_l. Later levels were never run and are left out.
fn samples_of(
    id: &str,
    report: &ProblemReport,
    weights: &[f64],
    budget: &dyn Fn(Family) -> Option<u64>,
) -> ProblemSamples {
    let sample = |s: &SampleReport| {
        let mut levels = Vec::new();
        if s.result.passed {
            let t = budget(s.result.language.family()).unwrap_or(0);
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
        Sample {
            passed: s.result.passed,
            score: if s.result.passed { s.result.score } else { 0.0 },
            levels,
        }
    };
    ProblemSamples {
        id: id.to_owned(),
        excluded: report.excluded,
        samples: report.samples.iter().map(sample).collect(),
    }
}
