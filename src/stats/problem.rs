//! Per-problem input (samples, their scores and per-level fuel costs) and per-problem scores.
//!
//! # Censoring
//!
//! Each passing sample is run on a few scored input *levels*; on each, its fuel use `t` is
//! compared with the reference solution's `T*` under a budget `T`. A run that exhausts the
//! budget only tells us that `t ≥ T`: it is right-censored. ENAMEL's level score
//! `f = max(0, T − t)/(T − T*)` is exactly 0 for every `t ≥ T`, so eff@k is exact despite the
//! censoring; what censoring hides is *how* slow such code is. The pipeline therefore passes,
//! per sample and per scored level, a [`LevelCost`]: the cost ratio `t/T*` of a finished run, or
//! the ratio `alpha = T/T*` at which the budget ran out. From these we report the censoring rate
//! (share of scored levels that ran out of fuel) and the Kaplan–Meier estimate of the cost-ratio
//! distribution (see [`super::kaplan_meier()`]).

use serde::{Deserialize, Serialize};

use super::error::StatsError;
use super::estimators::{eff_at_k, pass_at_k};

/// The fuel cost of one sample on one scored level, relative to the reference solution.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum LevelCost {
    /// The run finished within the budget; `ratio = t / T*` (candidate fuel over reference
    /// fuel on the same level).
    Finished {
        /// Cost ratio `t / T*`.
        ratio: f64,
    },
    /// The run exhausted its fuel budget `T`; all we know is `t / T* ≥ alpha = T / T*`.
    OutOfFuel {
        /// Censoring ratio `T / T*`.
        alpha: f64,
    },
}

impl LevelCost {
    /// Whether the run ran out of fuel (is right-censored).
    #[must_use]
    pub fn is_censored(&self) -> bool {
        matches!(self, Self::OutOfFuel { .. })
    }

    /// The observed ratio: `t/T*` for a finished run, the censoring ratio `alpha` otherwise.
    #[must_use]
    pub fn ratio(&self) -> f64 {
        match *self {
            Self::Finished { ratio } => ratio,
            Self::OutOfFuel { alpha } => alpha,
        }
    }
}

/// One generated sample of a problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sample {
    /// Whether the sample passed the correctness tests.
    pub passed: bool,
    /// ENAMEL efficiency score `e ≥ 0`; must be 0 when `passed` is false. May exceed 1.
    pub score: f64,
    /// Fuel cost on each scored level, in level order (usually empty for failed samples).
    #[serde(default)]
    pub levels: Vec<LevelCost>,
    /// The memory score (same rules as `score`, from peak linear memory); 0 when failed.
    #[serde(default)]
    pub memory_score: f64,
    /// How the sample's growth compares with its reference's.
    #[serde(default)]
    pub growth: Growth,
}

/// A passing sample's growth exponent against its reference's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "growth", rename_all = "snake_case")]
pub enum Growth {
    /// Not compared: the sample failed, or its reference has no fit.
    #[default]
    NotCompared,
    /// The reference has a fit and the sample none: it finished too few sizes (it ran out of
    /// fuel early) or spent as much on its smallest input as on every other. Counted as
    /// steeper: a sample cannot leave the count by not being measurable.
    Unfitted,
    /// The sample's exponent minus its reference's, over the same sizes.
    Excess {
        /// `b − b_ref`.
        by: f64,
    },
}

/// All samples one system generated for one problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProblemSamples {
    /// Problem id, unique within a system's input (e.g. `HumanEval/0`).
    pub id: String,
    /// Left out of aggregates unless the configuration includes excluded problems (ENAMEL
    /// excludes its trivial problems this way). Still scored and validated.
    #[serde(default)]
    pub excluded: bool,
    /// The samples; `n = samples.len()` must be at least `k`.
    pub samples: Vec<Sample>,
}

/// How many scored levels there were and how many ran out of fuel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CensoringCount {
    /// Scored level runs.
    pub levels: usize,
    /// Level runs that exhausted their fuel budget.
    pub censored: usize,
    /// `censored / levels`; `None` when there were no scored levels.
    pub rate: Option<f64>,
}

impl CensoringCount {
    /// Counts the censored runs among `costs`.
    pub(crate) fn of<'a>(costs: impl IntoIterator<Item = &'a LevelCost>) -> Self {
        let mut levels = 0;
        let mut censored = 0;
        for cost in costs {
            levels += 1;
            censored += usize::from(cost.is_censored());
        }
        Self::from_counts(levels, censored)
    }

    /// Builds the count and its rate from the two totals.
    pub(crate) fn from_counts(levels: usize, censored: usize) -> Self {
        let rate = (levels > 0).then(|| censored as f64 / levels as f64);
        Self {
            levels,
            censored,
            rate,
        }
    }
}

/// The per-problem estimates that the aggregates average.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProblemScore {
    /// Problem id.
    pub id: String,
    /// Whether the problem is marked excluded.
    pub excluded: bool,
    /// Samples `n`.
    pub n: usize,
    /// Passing samples `c`.
    pub passed: usize,
    /// Unbiased pass@k for this problem.
    pub pass_at_k: f64,
    /// Unbiased eff@k for this problem.
    pub eff_at_k: f64,
    /// Unbiased mem@k for this problem: eff@k's estimator over the memory scores.
    pub mem_at_k: f64,
    /// Censoring of this problem's scored levels.
    pub censoring: CensoringCount,
}

/// Validates one problem and computes its pass@k, eff@k and censoring count.
///
/// # Errors
///
/// [`StatsError::ZeroK`] for `k = 0`; [`StatsError::ProblemFewerSamplesThanK`] when the
/// problem has fewer than `k` samples; [`StatsError::ProblemNanScore`],
/// [`StatsError::ProblemInvalidScore`] and [`StatsError::ProblemFailedSampleScored`] for bad
/// scores; [`StatsError::ProblemInvalidCost`] for a NaN, negative or infinite level ratio.
pub fn score_problem(problem: &ProblemSamples, k: usize) -> Result<ProblemScore, StatsError> {
    if k == 0 {
        return Err(StatsError::ZeroK);
    }
    let n = problem.samples.len();
    if k > n {
        return Err(StatsError::ProblemFewerSamplesThanK {
            problem: problem.id.clone(),
            n,
            k,
        });
    }
    validate_samples(problem)?;
    let passed = problem.samples.iter().filter(|s| s.passed).count();
    let scores: Vec<f64> = problem.samples.iter().map(|s| s.score).collect();
    let memory: Vec<f64> = problem.samples.iter().map(|s| s.memory_score).collect();
    // Inputs were validated above, so these cannot fail.
    let pass = pass_at_k(n, passed, k)?;
    let eff = eff_at_k(&scores, k)?;
    let mem = eff_at_k(&memory, k)?;
    Ok(ProblemScore {
        id: problem.id.clone(),
        excluded: problem.excluded,
        n,
        passed,
        pass_at_k: pass,
        eff_at_k: eff,
        mem_at_k: mem,
        censoring: CensoringCount::of(problem.samples.iter().flat_map(|s| &s.levels)),
    })
}

/// Checks scores and level costs, naming the problem, sample and level in any error.
fn validate_samples(problem: &ProblemSamples) -> Result<(), StatsError> {
    for (sample_index, sample) in problem.samples.iter().enumerate() {
        for score in [sample.score, sample.memory_score] {
            validate_score(problem, sample_index, sample.passed, score)?;
        }
        for (level, cost) in sample.levels.iter().enumerate() {
            let value = cost.ratio();
            if !value.is_finite() || value < 0.0 {
                return Err(StatsError::ProblemInvalidCost {
                    problem: problem.id.clone(),
                    sample: sample_index,
                    level,
                    value,
                });
            }
        }
    }
    Ok(())
}

/// One of a sample's scores: a number ≥ 0, and 0 when the sample failed.
fn validate_score(
    problem: &ProblemSamples,
    sample_index: usize,
    passed: bool,
    score: f64,
) -> Result<(), StatsError> {
    if score.is_nan() {
        return Err(StatsError::ProblemNanScore {
            problem: problem.id.clone(),
            sample: sample_index,
        });
    }
    if score < 0.0 || score.is_infinite() {
        return Err(StatsError::ProblemInvalidScore {
            problem: problem.id.clone(),
            sample: sample_index,
            score,
        });
    }
    if !passed && score != 0.0 {
        return Err(StatsError::ProblemFailedSampleScored {
            problem: problem.id.clone(),
            sample: sample_index,
            score,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(passed: bool, score: f64, levels: Vec<LevelCost>) -> Sample {
        Sample {
            passed,
            score,
            levels,
            memory_score: score,
            growth: Growth::NotCompared,
        }
    }

    fn problem(id: &str, samples: Vec<Sample>) -> ProblemSamples {
        ProblemSamples {
            id: id.to_owned(),
            excluded: false,
            samples,
        }
    }

    #[test]
    fn scores_a_problem_and_counts_censoring() {
        let p = problem(
            "p",
            vec![
                sample(
                    true,
                    1.2,
                    vec![
                        LevelCost::Finished { ratio: 0.8 },
                        LevelCost::Finished { ratio: 1.1 },
                    ],
                ),
                sample(true, 0.3, vec![LevelCost::OutOfFuel { alpha: 4.0 }]),
                sample(false, 0.0, vec![]),
                sample(true, 0.9, vec![LevelCost::Finished { ratio: 2.0 }]),
            ],
        );
        let score = score_problem(&p, 2).unwrap();
        assert_eq!(score.n, 4);
        assert_eq!(score.passed, 3);
        // pass@2 with n = 4, c = 3: n − c = 1 < 2, so 1.
        assert_eq!(score.pass_at_k, 1.0);
        // eff@2 over sorted [0, 0.3, 0.9, 1.2]: weights 1/6, 2/6, 3/6 on the top three.
        let expected = (0.3 + 2.0 * 0.9 + 3.0 * 1.2) / 6.0;
        assert!((score.eff_at_k - expected).abs() < 1e-12);
        assert_eq!(score.censoring, CensoringCount::from_counts(4, 1));
        assert_eq!(score.censoring.rate, Some(0.25));
    }

    #[test]
    fn no_levels_means_undefined_rate() {
        let p = problem("p", vec![sample(false, 0.0, vec![])]);
        let score = score_problem(&p, 1).unwrap();
        assert_eq!(score.censoring.rate, None);
        assert_eq!(score.pass_at_k, 0.0);
        assert_eq!(score.eff_at_k, 0.0);
    }

    #[test]
    fn errors_name_the_problem_and_numbers() {
        let p = problem(
            "two-sum",
            vec![
                sample(true, 1.0, vec![]),
                sample(false, 0.0, vec![]),
                sample(true, 0.5, vec![]),
            ],
        );
        let err = score_problem(&p, 10).unwrap_err();
        assert_eq!(
            err.to_string(),
            "problem `two-sum` has n = 3 samples, fewer than k = 10; lower --k or generate more samples"
        );
        assert_eq!(score_problem(&p, 0), Err(StatsError::ZeroK));

        let nan = problem(
            "nan",
            vec![sample(true, 0.1, vec![]), sample(true, f64::NAN, vec![])],
        );
        assert_eq!(
            score_problem(&nan, 1).unwrap_err().to_string(),
            "problem `nan` sample 1 has a NaN efficiency score"
        );

        let negative = problem("neg", vec![sample(true, -0.5, vec![])]);
        assert_eq!(
            score_problem(&negative, 1).unwrap_err().to_string(),
            "problem `neg` sample 0 has efficiency score -0.5; scores must be finite and non-negative"
        );

        let failed = problem("f", vec![sample(false, 0.7, vec![])]);
        assert_eq!(
            score_problem(&failed, 1).unwrap_err().to_string(),
            "problem `f` sample 0 failed but has efficiency score 0.7; failed samples must score 0"
        );

        let cost = problem(
            "c",
            vec![sample(
                true,
                0.5,
                vec![
                    LevelCost::Finished { ratio: 1.0 },
                    LevelCost::OutOfFuel { alpha: f64::NAN },
                ],
            )],
        );
        assert_eq!(
            score_problem(&cost, 1).unwrap_err().to_string(),
            "problem `c` sample 0 level 1 has cost ratio NaN; cost ratios must be finite and non-negative"
        );
    }

    #[test]
    fn input_types_round_trip_through_json() {
        let p = ProblemSamples {
            id: "HumanEval/0".to_owned(),
            excluded: true,
            samples: vec![sample(
                true,
                0.75,
                vec![
                    LevelCost::Finished { ratio: 1.5 },
                    LevelCost::OutOfFuel { alpha: 8.0 },
                ],
            )],
        };
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.contains(r#""outcome":"out_of_fuel""#), "{json}");
        let back: ProblemSamples = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p);

        // `excluded` and `levels` default; unknown fields are rejected.
        let minimal: ProblemSamples =
            serde_json::from_str(r#"{"id":"x","samples":[{"passed":false,"score":0.0}]}"#).unwrap();
        assert!(!minimal.excluded);
        assert!(minimal.samples[0].levels.is_empty());
        assert!(
            serde_json::from_str::<Sample>(r#"{"passed":true,"score":1.0,"extra":1}"#).is_err()
        );
    }
}
