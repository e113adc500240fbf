//! Per-system aggregate: pass@k and eff@k with bootstrap intervals, censoring, cost ratios.
//!
//! The aggregate of a per-problem estimate is its plain mean over the aggregated problems, each
//! weighted equally whatever its number of samples (as in Chen et al. 2021 and ENAMEL).
//! Problems marked `excluded` are scored and validated but left out of every aggregate unless
//! [`StatsConfig::include_excluded`] is set. Problems are processed in ascending order of id, so
//! the results (including the bootstrap draws) do not depend on the order of the input.
//!
//! Cost ratios of all level runs of the aggregated problems are pooled into one Kaplan–Meier
//! estimate; its median's bootstrap interval resamples problems (all of a drawn problem's runs
//! come along), like the intervals of pass@k and eff@k, and uses the same resampled indices.

use serde::{Deserialize, Serialize};

use super::bootstrap::{
    BootstrapConfig, Interval, QuantileInterval, mean_at, percentile_interval, quantile_interval,
    resample,
};
use super::error::StatsError;
use super::kaplan_meier::{self, KaplanMeier, Quantile};
use super::problem::{Growth, ProblemSamples, ProblemScore, Sample, score_problem};

/// What to aggregate and how to bootstrap it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatsConfig {
    /// The `k` of pass@k and eff@k; every problem needs at least `k` samples.
    pub k: usize,
    /// Aggregate problems marked excluded too (default: leave them out).
    pub include_excluded: bool,
    /// Bootstrap settings.
    pub bootstrap: BootstrapConfig,
}

impl StatsConfig {
    /// `k` with the default bootstrap (10 000 resamples, 95 %, fixed seed), excluded problems
    /// left out.
    #[must_use]
    pub fn new(k: usize) -> Self {
        Self {
            k,
            include_excluded: false,
            bootstrap: BootstrapConfig::default(),
        }
    }

    /// Whether a problem takes part in aggregates under this configuration.
    pub(crate) fn aggregates(&self, excluded: bool) -> bool {
        self.include_excluded || !excluded
    }
}

/// A point estimate with its bootstrap confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Estimate {
    /// Mean over the aggregated problems.
    pub value: f64,
    /// Percentile bootstrap interval.
    pub ci: Interval,
}

/// Censoring over all aggregated problems.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CensoringSummary {
    /// Scored level runs.
    pub levels: usize,
    /// Level runs that ran out of fuel.
    pub censored: usize,
    /// `censored / levels` (pooled over runs); `None` without scored levels.
    pub rate: Option<f64>,
    /// Aggregated problems with at least one censored run.
    pub problems_with_censoring: usize,
}

/// The distribution of the cost ratio `t/T*` over all level runs of the aggregated problems.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostRatioSummary {
    /// The Kaplan–Meier estimate, with its steps and quartiles.
    pub kaplan_meier: KaplanMeier,
    /// Bootstrap interval of the median; `None` if no resample drew a problem with level runs.
    pub median_ci: Option<QuantileInterval>,
}

/// Everything published about one system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemSummary {
    /// The `k` of pass@k and eff@k.
    pub k: usize,
    /// Problems aggregated.
    pub problems: usize,
    /// Problems marked excluded (left out of aggregates unless `include_excluded`).
    pub excluded: usize,
    /// Whether excluded problems were aggregated anyway.
    pub include_excluded: bool,
    /// Samples over the aggregated problems.
    pub samples: usize,
    /// Mean pass@k with its interval.
    pub pass_at_k: Estimate,
    /// Mean eff@k with its interval.
    pub eff_at_k: Estimate,
    /// Mean mem@k (eff@k's estimator over memory scores) with its interval.
    pub mem_at_k: Estimate,
    /// Passing samples whose growth exponent was fitted, and how many grow faster than their
    /// reference.
    pub growth: GrowthSummary,
    /// How many level runs ran out of fuel.
    pub censoring: CensoringSummary,
    /// Cost-ratio distribution; `None` when no aggregated problem has level runs.
    pub cost_ratio: Option<CostRatioSummary>,
    /// Every problem's scores, excluded ones included, in ascending order of id.
    pub per_problem: Vec<ProblemScore>,
    /// The bootstrap settings used.
    pub bootstrap: BootstrapConfig,
}

/// How the fitted growth exponents of a system's passing samples compare with their
/// references', pooled over the aggregated problems.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrowthSummary {
    /// Passing samples compared with a fitted reference.
    pub fitted: usize,
    /// Of those, samples whose exponent exceeds the reference's by more than
    /// [`STEEPER_MARGIN`], or that could not be fitted ([`Growth::Unfitted`]).
    pub steeper: usize,
    /// `steeper / fitted`; `None` when nothing was fitted.
    pub share: Option<f64>,
}

/// How much steeper than its reference's a sample's exponent must be to count as a worse
/// complexity class (between `n` and `n log n` lie 0.1–0.2; between `n` and `n^2`, 1).
pub const STEEPER_MARGIN: f64 = 0.5;

/// Scores, aggregates and bootstraps one system's problems.
///
/// # Errors
///
/// Any per-problem error of [`super::score_problem`] (the first problem in input order that
/// fails), [`StatsError::DuplicateProblem`] for a repeated id, [`StatsError::NoProblems`] when
/// nothing is left to aggregate, and bootstrap configuration errors.
pub fn summarize(
    problems: &[ProblemSamples],
    config: &StatsConfig,
) -> Result<SystemSummary, StatsError> {
    config.bootstrap.validate()?;
    let scored = score_sorted(problems, config.k)?;
    let excluded = scored.iter().filter(|(s, _)| s.excluded).count();
    let included: Vec<&(ProblemScore, &ProblemSamples)> = scored
        .iter()
        .filter(|(s, _)| config.aggregates(s.excluded))
        .collect();
    if included.is_empty() {
        return Err(StatsError::NoProblems {
            given: problems.len(),
            excluded,
        });
    }
    let m = included.len();
    let all: Vec<usize> = (0..m).collect();
    let pass: Vec<f64> = included.iter().map(|(s, _)| s.pass_at_k).collect();
    let eff: Vec<f64> = included.iter().map(|(s, _)| s.eff_at_k).collect();
    let mem: Vec<f64> = included.iter().map(|(s, _)| s.mem_at_k).collect();

    let observations = kaplan_meier::sorted_observations(
        included
            .iter()
            .map(|(_, p)| p.samples.iter().flat_map(|s| &s.levels)),
    );

    let resampled = resample(&config.bootstrap, m, |indices| {
        let median = (!observations.is_empty()).then(|| {
            let mut multiplicity = vec![0; m];
            for &i in indices {
                multiplicity[i] += 1;
            }
            kaplan_meier::weighted_median(&observations, &multiplicity)
        });
        Resampled {
            pass: mean_at(&pass, indices),
            eff: mean_at(&eff, indices),
            mem: mean_at(&mem, indices),
            median: median.flatten(),
        }
    });
    let confidence = config.bootstrap.confidence;
    let mut pass_values = Vec::with_capacity(resampled.len());
    let mut eff_values = Vec::with_capacity(resampled.len());
    let mut mem_values = Vec::with_capacity(resampled.len());
    let mut median_values = Vec::with_capacity(resampled.len());
    for r in resampled {
        pass_values.push(r.pass);
        eff_values.push(r.eff);
        mem_values.push(r.mem);
        median_values.push(r.median);
    }

    let cost_ratio = (!observations.is_empty()).then(|| CostRatioSummary {
        kaplan_meier: kaplan_meier::from_sorted(&observations),
        median_ci: quantile_interval(median_values, confidence),
    });

    let levels = included.iter().map(|(s, _)| s.censoring.levels).sum();
    let censored = included.iter().map(|(s, _)| s.censoring.censored).sum();
    let censoring_counts = super::problem::CensoringCount::from_counts(levels, censored);

    Ok(SystemSummary {
        k: config.k,
        problems: m,
        excluded,
        include_excluded: config.include_excluded,
        samples: included.iter().map(|(s, _)| s.n).sum(),
        pass_at_k: Estimate {
            value: mean_at(&pass, &all),
            ci: percentile_interval(pass_values, confidence),
        },
        eff_at_k: Estimate {
            value: mean_at(&eff, &all),
            ci: percentile_interval(eff_values, confidence),
        },
        mem_at_k: Estimate {
            value: mean_at(&mem, &all),
            ci: percentile_interval(mem_values, confidence),
        },
        growth: growth_summary(included.iter().flat_map(|(_, p)| &p.samples)),
        censoring: CensoringSummary {
            levels,
            censored,
            rate: censoring_counts.rate,
            problems_with_censoring: included
                .iter()
                .filter(|(s, _)| s.censoring.censored > 0)
                .count(),
        },
        cost_ratio,
        per_problem: scored.into_iter().map(|(s, _)| s).collect(),
        bootstrap: config.bootstrap,
    })
}

/// The statistics of one bootstrap resample.
struct Resampled {
    pass: f64,
    eff: f64,
    mem: f64,
    median: Option<Quantile>,
}

/// Counts the compared and the steeper samples.
fn growth_summary<'a>(samples: impl Iterator<Item = &'a Sample>) -> GrowthSummary {
    let (mut fitted, mut steeper) = (0, 0);
    for s in samples.filter(|s| s.passed) {
        let steep = match s.growth {
            Growth::NotCompared => continue,
            Growth::Unfitted => true,
            Growth::Excess { by } => by > STEEPER_MARGIN,
        };
        fitted += 1;
        steeper += usize::from(steep);
    }
    GrowthSummary {
        fitted,
        steeper,
        share: (fitted > 0).then(|| steeper as f64 / fitted as f64),
    }
}

/// Scores every problem (reporting the first failure in input order), then sorts them by id
/// and rejects duplicate ids.
pub(crate) fn score_sorted(
    problems: &[ProblemSamples],
    k: usize,
) -> Result<Vec<(ProblemScore, &ProblemSamples)>, StatsError> {
    if k == 0 {
        return Err(StatsError::ZeroK);
    }
    let mut scored = problems
        .iter()
        .map(|p| score_problem(p, k).map(|s| (s, p)))
        .collect::<Result<Vec<_>, _>>()?;
    scored.sort_by(|(a, _), (b, _)| a.id.cmp(&b.id));
    if let Some(pair) = scored.windows(2).find(|w| w[0].0.id == w[1].0.id) {
        let id = &pair[0].0.id;
        return Err(StatsError::DuplicateProblem {
            problem: id.clone(),
            count: scored.iter().filter(|(s, _)| &s.id == id).count(),
        });
    }
    Ok(scored)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::problem::LevelCost;

    fn problem(id: &str, scores: &[f64], levels: &[LevelCost]) -> ProblemSamples {
        ProblemSamples {
            id: id.to_owned(),
            excluded: false,
            samples: scores
                .iter()
                .enumerate()
                .map(|(i, &score)| Sample {
                    passed: score > 0.0,
                    score,
                    // Every level list goes to the first sample; fine for counting.
                    levels: if i == 0 { levels.to_vec() } else { vec![] },
                    memory_score: score / 2.0,
                    growth: if score == 0.2 {
                        Growth::Unfitted
                    } else {
                        Growth::Excess { by: score }
                    },
                })
                .collect(),
        }
    }

    fn small_config(k: usize) -> StatsConfig {
        StatsConfig {
            bootstrap: BootstrapConfig {
                resamples: 2000,
                ..BootstrapConfig::default()
            },
            ..StatsConfig::new(k)
        }
    }

    #[test]
    fn aggregates_with_equal_weight_and_leaves_out_excluded() {
        let fin = |ratio| LevelCost::Finished { ratio };
        let oof = |alpha| LevelCost::OutOfFuel { alpha };
        let mut trivial = problem("c-trivial", &[1.0, 1.0], &[fin(1.0)]);
        trivial.excluded = true;
        let problems = vec![
            // eff@1 = 0.425, eff@2 = 0.7 (worked example); pass@2 with n = 4, c = 3: 1.
            problem("b", &[0.0, 0.5, 1.0, 0.2], &[fin(1.0), fin(2.0), oof(3.0)]),
            // Eight samples, only one passing: eff@2 = 2/8 · 0.5 = 0.125, pass@2 = 0.25.
            problem("a", &[0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], &[fin(4.0)]),
            trivial,
        ];
        let summary = summarize(&problems, &small_config(2)).unwrap();
        assert_eq!(summary.problems, 2);
        assert_eq!(summary.excluded, 1);
        assert_eq!(summary.samples, 12);
        assert!((summary.eff_at_k.value - (0.7 + 0.125) / 2.0).abs() < 1e-12);
        assert!((summary.pass_at_k.value - (1.0 + 0.25) / 2.0).abs() < 1e-12);
        // Memory scores are half the time scores here, and eff@k is linear in the scores.
        assert!((summary.mem_at_k.value - summary.eff_at_k.value / 2.0).abs() < 1e-12);
        // Excess exponents equal the scores of the passing samples: 0.5 and 1.0 in b and 0.5
        // in a exceed 0.5 once; b's 0.2 is unfitted, and counts as steeper.
        assert_eq!(
            summary.growth,
            GrowthSummary {
                fitted: 4,
                steeper: 2,
                share: Some(0.5)
            }
        );
        let ids: Vec<&str> = summary.per_problem.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c-trivial"]);
        assert_eq!(summary.censoring.levels, 4);
        assert_eq!(summary.censoring.censored, 1);
        assert_eq!(summary.censoring.rate, Some(0.25));
        assert_eq!(summary.censoring.problems_with_censoring, 1);
        let cost = summary.cost_ratio.as_ref().unwrap();
        assert_eq!(cost.kaplan_meier.observations, 4);
        // Runs 1, 2, 4 finished, 3 censored: S = 3/4, 1/2 → median 2.
        assert_eq!(cost.kaplan_meier.median, Quantile::Estimated { ratio: 2.0 });
        assert!(cost.median_ci.is_some());
        // Two problems: resampled means are {a, a}, {a, b}, {b, b} → bounds at the extremes.
        assert!((summary.eff_at_k.ci.lower - 0.125).abs() < 1e-12);
        assert!((summary.eff_at_k.ci.upper - 0.7).abs() < 1e-12);

        let with_excluded = summarize(
            &problems,
            &StatsConfig {
                include_excluded: true,
                ..small_config(2)
            },
        )
        .unwrap();
        assert_eq!(with_excluded.problems, 3);
        assert!((with_excluded.eff_at_k.value - (0.7 + 0.125 + 1.0) / 3.0).abs() < 1e-12);
    }

    #[test]
    fn k_above_n_is_an_error_naming_the_problem_even_if_excluded() {
        let mut short = problem("two-sum", &[1.0, 0.0, 0.5], &[]);
        short.excluded = true;
        let problems = vec![problem("ok", &[1.0; 20], &[]), short];
        let err = summarize(&problems, &small_config(10)).unwrap_err();
        assert_eq!(
            err,
            StatsError::ProblemFewerSamplesThanK {
                problem: "two-sum".to_owned(),
                n: 3,
                k: 10
            }
        );
    }

    #[test]
    fn rejects_duplicates_empty_input_and_all_excluded() {
        let dup = vec![
            problem("x", &[1.0], &[]),
            problem("y", &[1.0], &[]),
            problem("x", &[0.0], &[]),
        ];
        assert_eq!(
            summarize(&dup, &small_config(1)).unwrap_err().to_string(),
            "problem `x` appears 2 times in the input; problem ids must be unique"
        );
        assert_eq!(
            summarize(&[], &small_config(1)),
            Err(StatsError::NoProblems {
                given: 0,
                excluded: 0
            })
        );
        let mut only = problem("x", &[1.0], &[]);
        only.excluded = true;
        assert_eq!(
            summarize(&[only], &small_config(1))
                .unwrap_err()
                .to_string(),
            "no problems to aggregate: 1 given, 1 of them excluded"
        );
        assert_eq!(summarize(&dup, &small_config(0)), Err(StatsError::ZeroK));
    }

    fn benchmark_like(problems: usize) -> Vec<ProblemSamples> {
        let mut rng = crate::rng::Xoshiro256StarStar::seed_from_u64(99);
        (0..problems)
            .map(|p| ProblemSamples {
                id: format!("HumanEval/{p}"),
                excluded: p % 10 == 0,
                samples: (0..10)
                    .map(|_| {
                        let passed = rng.index_below(4) != 0;
                        let score = if passed {
                            rng.index_below(1000) as f64 / 800.0
                        } else {
                            0.0
                        };
                        let levels = if passed {
                            (0..3)
                                .map(|_| {
                                    if rng.index_below(5) == 0 {
                                        LevelCost::OutOfFuel { alpha: 8.0 }
                                    } else {
                                        LevelCost::Finished {
                                            ratio: 0.5 + rng.index_below(600) as f64 / 100.0,
                                        }
                                    }
                                })
                                .collect()
                        } else {
                            vec![]
                        };
                        Sample {
                            passed,
                            score,
                            levels,
                            memory_score: score * 0.75,
                            growth: Growth::NotCompared,
                        }
                    })
                    .collect(),
            })
            .collect()
    }

    #[test]
    fn bit_identical_across_runs_thread_counts_and_input_order() {
        let problems = benchmark_like(164);
        let config = StatsConfig::new(5);
        let run = |threads: usize, input: &[ProblemSamples]| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| summarize(input, &config).unwrap())
        };
        let one = run(1, &problems);
        let two = run(2, &problems);
        let again = run(2, &problems);
        let mut reversed = problems.clone();
        reversed.reverse();
        let reordered = run(2, &reversed);
        // Compare the serialised form: it shows every float to the last bit (round-trip
        // formatting) and also checks that nothing serialises as NaN.
        let json = |s: &SystemSummary| serde_json::to_string(s).unwrap();
        assert_eq!(json(&one), json(&two));
        assert_eq!(json(&two), json(&again));
        assert_eq!(json(&one), json(&reordered));
        let bits = |e: Estimate| [e.value, e.ci.lower, e.ci.upper].map(f64::to_bits);
        assert_eq!(bits(one.eff_at_k), bits(two.eff_at_k));
        assert_eq!(bits(one.pass_at_k), bits(two.pass_at_k));
        assert_eq!(
            one.cost_ratio.as_ref().unwrap().median_ci,
            two.cost_ratio.as_ref().unwrap().median_ci
        );

        // Sanity: point estimates inside their intervals, a defined median interval.
        assert!(one.eff_at_k.ci.contains(one.eff_at_k.value));
        assert!(one.pass_at_k.ci.contains(one.pass_at_k.value));
        assert_eq!(one.problems, 164 - 17);
        let cost = one.cost_ratio.as_ref().unwrap();
        let ci = cost.median_ci.unwrap();
        assert_eq!(ci.undefined_resamples, 0);
        assert!(
            ci.lower.total_cmp(&cost.kaplan_meier.median).is_le()
                && cost.kaplan_meier.median.total_cmp(&ci.upper).is_le(),
            "{ci:?} vs {:?}",
            cost.kaplan_meier.median
        );

        // Deserialises under `deny_unknown_fields`. (serde_json parses floats exactly only
        // with its `float_roundtrip` feature, so compare the estimates to 1 ulp or so.)
        let back: SystemSummary = serde_json::from_str(&json(&one)).unwrap();
        assert_eq!(back.per_problem.len(), one.per_problem.len());
        assert!((back.eff_at_k.ci.lower - one.eff_at_k.ci.lower).abs() <= 1e-15);
        assert_eq!(
            back.cost_ratio.map(|c| c.median_ci),
            one.cost_ratio.as_ref().map(|c| c.median_ci)
        );
    }

    #[test]
    fn censored_median_interval_reports_censored_bounds() {
        // Each problem: one finished run at 1.0 and three censored at 2.0, so every resample
        // has S(1) = 3/4 > 1/2 and the median is "> 2".
        let problems: Vec<ProblemSamples> = (0..5)
            .map(|p| {
                problem(
                    &format!("p{p}"),
                    &[1.0],
                    &[
                        LevelCost::Finished { ratio: 1.0 },
                        LevelCost::OutOfFuel { alpha: 2.0 },
                        LevelCost::OutOfFuel { alpha: 2.0 },
                        LevelCost::OutOfFuel { alpha: 2.0 },
                    ],
                )
            })
            .collect();
        let summary = summarize(&problems, &small_config(1)).unwrap();
        let cost = summary.cost_ratio.unwrap();
        let censored = Quantile::Censored { above: 2.0 };
        assert_eq!(cost.kaplan_meier.median, censored);
        assert_eq!(
            cost.kaplan_meier.lower_quartile,
            Quantile::Estimated { ratio: 1.0 }
        );
        let ci = cost.median_ci.unwrap();
        assert_eq!((ci.lower, ci.upper), (censored, censored));
        assert_eq!(summary.censoring.rate, Some(0.75));
    }

    #[test]
    fn no_levels_means_no_cost_ratio() {
        let summary = summarize(&[problem("p", &[0.5, 0.0], &[])], &small_config(1)).unwrap();
        assert_eq!(summary.cost_ratio, None);
        assert_eq!(summary.censoring.rate, None);
    }
}
