//! Paired comparison of two systems on the same problems.
//!
//! Two systems evaluated on the same benchmark are compared problem by problem: with
//! per-problem estimates `a_i`, `b_i` (pass@k or eff@k) on the `m` problems both have, the
//! differences are `d_i = b_i − a_i` and the reported difference is `d̄ = (1/m) Σ d_i`
//! (B − A; positive means B is better). Pairing removes the between-problem variance that
//! dominates unpaired intervals.
//!
//! * **Interval**: paired percentile bootstrap (Efron & Tibshirani 1993) — each resample draws
//!   `m` problem indices with replacement and uses the same indices for both systems, i.e.
//!   resamples the `d_i`; see the `bootstrap` module for the percentile rule and seeding.
//! * **p-value**: two-sided sign-flip (paired permutation) test of the null hypothesis that the
//!   labels A and B are exchangeable within each problem, so each `d_i` is as likely to have
//!   either sign (Fisher 1935, *The Design of Experiments*; Good 2005, *Permutation, Parametric
//!   and Bootstrap Tests of Hypotheses*). The statistic is `T(s) = |Σ s_i d_i|` for signs
//!   `s ∈ {−1, +1}^m`, and the p-value is the share of sign vectors with `T(s) ≥ T(1)`
//!   (counting `T(s) ≥ T(1) − 10⁻¹² · Σ|d_i|`, so that sums equal in exact arithmetic but
//!   rounded differently count as ties):
//!   - **exact** when `2^m` does not exceed the configured number of resamples: all `2^m`
//!     sign vectors are enumerated, `p = #{s : T(s) ≥ T(1)} / 2^m`;
//!   - otherwise **Monte Carlo** with `D` = resamples random sign vectors (draw `b` from its own
//!     stream of `(seed, b)`), `p = (1 + #{b : T(s_b) ≥ T(1)}) / (1 + D)` (Phipson & Smyth
//!     2010, "Permutation P-values Should Never Be Zero"), a valid p-value that is never 0.
//!
//!   Identical systems give `d = 0` and `p = 1`. The smallest attainable p-value is
//!   `2 / 2^m` (exact) or `1 / (1 + D)` (Monte Carlo).

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::DOMAIN_SIGN_FLIP;
use super::bootstrap::{BootstrapConfig, Interval, mean_at, percentile_interval, resample};
use super::error::StatsError;
use super::summary::{StatsConfig, score_sorted};
use crate::rng::Xoshiro256StarStar;

/// How the p-values of a [`PairedComparison`] were computed (both use the same method).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum PValueMethod {
    /// All `2^m` sign vectors enumerated.
    ExactSignFlip {
        /// `2^m`.
        assignments: u64,
    },
    /// Random sign vectors, with the `(1 + count)/(1 + draws)` correction.
    MonteCarloSignFlip {
        /// Number of random sign vectors.
        draws: usize,
    },
}

/// The paired difference B − A of one statistic.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairedDifference {
    /// Mean of system A over the paired problems.
    pub a: f64,
    /// Mean of system B over the paired problems.
    pub b: f64,
    /// Mean per-problem difference `d̄ = mean(b_i − a_i)`.
    pub difference: f64,
    /// Paired percentile bootstrap interval of `d̄`.
    pub ci: Interval,
    /// Two-sided sign-flip p-value for "no difference".
    pub p_value: f64,
}

/// Comparison of system B against system A on their shared problems.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairedComparison {
    /// The `k` of pass@k and eff@k.
    pub k: usize,
    /// Problems present in both systems and compared.
    pub paired: usize,
    /// Ids only system A has, ascending.
    pub only_in_a: Vec<String>,
    /// Ids only system B has, ascending.
    pub only_in_b: Vec<String>,
    /// Shared ids left out because either system marks them excluded, ascending.
    pub excluded: Vec<String>,
    /// Whether excluded problems were compared anyway.
    pub include_excluded: bool,
    /// pass@k, B − A.
    pub pass_at_k: PairedDifference,
    /// eff@k, B − A.
    pub eff_at_k: PairedDifference,
    /// How the p-values were computed.
    pub p_value_method: PValueMethod,
    /// The bootstrap settings used (also the number and seed of random sign vectors).
    pub bootstrap: BootstrapConfig,
}

/// Compares system `b` with system `a` on the problems both have (matched by id).
///
/// Every problem of both systems is scored and validated, paired or not.
///
/// # Errors
///
/// Any per-problem error of [`super::score_problem`], [`StatsError::DuplicateProblem`],
/// [`StatsError::NoCommonProblems`] when nothing can be paired, and bootstrap configuration
/// errors.
pub fn compare_paired(
    a: &[super::ProblemSamples],
    b: &[super::ProblemSamples],
    config: &StatsConfig,
) -> Result<PairedComparison, StatsError> {
    config.bootstrap.validate()?;
    let scored_a = score_sorted(a, config.k)?;
    let scored_b = score_sorted(b, config.k)?;

    // Merge the two id-sorted lists.
    let mut only_in_a = Vec::new();
    let mut only_in_b = Vec::new();
    let mut excluded = Vec::new();
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < scored_a.len() || j < scored_b.len() {
        let order = match (scored_a.get(i), scored_b.get(j)) {
            (Some((x, _)), Some((y, _))) => x.id.cmp(&y.id),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, _) => std::cmp::Ordering::Greater,
        };
        match order {
            std::cmp::Ordering::Less => {
                only_in_a.push(scored_a[i].0.id.clone());
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                only_in_b.push(scored_b[j].0.id.clone());
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                let (x, y) = (&scored_a[i].0, &scored_b[j].0);
                if config.aggregates(x.excluded || y.excluded) {
                    pairs.push((x, y));
                } else {
                    excluded.push(x.id.clone());
                }
                i += 1;
                j += 1;
            }
        }
    }
    if pairs.is_empty() {
        return Err(StatsError::NoCommonProblems {
            a: a.len(),
            b: b.len(),
            excluded: excluded.len(),
        });
    }

    let m = pairs.len();
    let all: Vec<usize> = (0..m).collect();
    let pass_a: Vec<f64> = pairs.iter().map(|(x, _)| x.pass_at_k).collect();
    let pass_b: Vec<f64> = pairs.iter().map(|(_, y)| y.pass_at_k).collect();
    let eff_a: Vec<f64> = pairs.iter().map(|(x, _)| x.eff_at_k).collect();
    let eff_b: Vec<f64> = pairs.iter().map(|(_, y)| y.eff_at_k).collect();
    let pass_d: Vec<f64> = pass_b.iter().zip(&pass_a).map(|(y, x)| y - x).collect();
    let eff_d: Vec<f64> = eff_b.iter().zip(&eff_a).map(|(y, x)| y - x).collect();

    let resampled = resample(&config.bootstrap, m, |indices| {
        (mean_at(&pass_d, indices), mean_at(&eff_d, indices))
    });
    let (pass_means, eff_means): (Vec<f64>, Vec<f64>) = resampled.into_iter().unzip();
    let ([pass_p, eff_p], p_value_method) =
        sign_flip_p_values([&pass_d, &eff_d], &config.bootstrap);

    let confidence = config.bootstrap.confidence;
    let difference = |xa: &[f64], xb: &[f64], d: &[f64], means, p_value| PairedDifference {
        a: mean_at(xa, &all),
        b: mean_at(xb, &all),
        difference: mean_at(d, &all),
        ci: percentile_interval(means, confidence),
        p_value,
    };
    Ok(PairedComparison {
        k: config.k,
        paired: m,
        only_in_a,
        only_in_b,
        excluded,
        include_excluded: config.include_excluded,
        pass_at_k: difference(&pass_a, &pass_b, &pass_d, pass_means, pass_p),
        eff_at_k: difference(&eff_a, &eff_b, &eff_d, eff_means, eff_p),
        p_value_method,
        bootstrap: config.bootstrap,
    })
}

/// The paired difference B − A of a per-problem statistic given directly, one `(a_i, b_i)`
/// pair per problem (e.g. PIE speedups), with the same paired bootstrap interval and sign-flip
/// p-value as [`compare_paired`].
///
/// # Errors
///
/// [`StatsError::NoCommonProblems`] for no pairs, and bootstrap configuration errors.
pub fn compare_paired_values(
    pairs: &[(f64, f64)],
    bootstrap: &BootstrapConfig,
) -> Result<PairedDifference, StatsError> {
    bootstrap.validate()?;
    if pairs.is_empty() {
        return Err(StatsError::NoCommonProblems {
            a: 0,
            b: 0,
            excluded: 0,
        });
    }
    let all: Vec<usize> = (0..pairs.len()).collect();
    let a: Vec<f64> = pairs.iter().map(|p| p.0).collect();
    let b: Vec<f64> = pairs.iter().map(|p| p.1).collect();
    let d: Vec<f64> = pairs.iter().map(|(x, y)| y - x).collect();
    let means = resample(bootstrap, d.len(), |indices| mean_at(&d, indices));
    let ([p_value], _) = sign_flip_p_values([&d], bootstrap);
    Ok(PairedDifference {
        a: mean_at(&a, &all),
        b: mean_at(&b, &all),
        difference: mean_at(&d, &all),
        ci: percentile_interval(means, bootstrap.confidence),
        p_value,
    })
}

/// Two-sided sign-flip p-values for several statistics over the same `m ≥ 1` pairs, using
/// the same sign vectors for all (see the module documentation).
pub(crate) fn sign_flip_p_values<const S: usize>(
    differences: [&[f64]; S],
    config: &BootstrapConfig,
) -> ([f64; S], PValueMethod) {
    let m = differences[0].len();
    debug_assert!(m > 0 && differences.iter().all(|d| d.len() == m));
    // Observed |Σ d_i| less the rounding allowance, per statistic.
    let thresholds: [f64; S] = differences.map(|d| {
        let observed = d.iter().sum::<f64>().abs();
        let scale = d.iter().map(|x| x.abs()).sum::<f64>();
        observed - 1e-12 * scale
    });
    // Whether the sign vector given by `flip(i)` (true: negate d_i) is at least as extreme.
    let extreme = |flip: &dyn Fn(usize) -> bool| -> [bool; S] {
        std::array::from_fn(|s| {
            let d = differences[s];
            let t: f64 = (0..m).map(|i| if flip(i) { -d[i] } else { d[i] }).sum();
            t.abs() >= thresholds[s]
        })
    };
    let count = |hits: Vec<[bool; S]>| -> [u64; S] {
        std::array::from_fn(|s| hits.iter().filter(|h| h[s]).count() as u64)
    };

    let exact = u32::try_from(m)
        .ok()
        .and_then(|bits| 1_u64.checked_shl(bits))
        .filter(|&assignments| assignments <= config.resamples as u64);
    match exact {
        Some(assignments) => {
            let hits: Vec<[bool; S]> = (0..assignments)
                .into_par_iter()
                .map(|mask| extreme(&|i| mask >> i & 1 == 1))
                .collect();
            let counts = count(hits);
            (
                counts.map(|c| c as f64 / assignments as f64),
                PValueMethod::ExactSignFlip { assignments },
            )
        }
        None => {
            let draws = config.resamples;
            let seed = config.seed;
            let hits: Vec<[bool; S]> = (0..draws)
                .into_par_iter()
                .map(|b| {
                    let mut rng = Xoshiro256StarStar::for_stream(seed, DOMAIN_SIGN_FLIP, b as u64);
                    let words: Vec<u64> = (0..m.div_ceil(64)).map(|_| rng.next_u64()).collect();
                    extreme(&|i| words[i / 64] >> (i % 64) & 1 == 1)
                })
                .collect();
            let counts = count(hits);
            (
                counts.map(|c| (1 + c) as f64 / (1 + draws) as f64),
                PValueMethod::MonteCarloSignFlip { draws },
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::ProblemSamples;
    use crate::stats::problem::Sample;

    /// A system whose problem `p{i}` has samples scoring `base + i%3 · 0.1 + delta`.
    fn system(ids: std::ops::Range<usize>, delta: f64) -> Vec<ProblemSamples> {
        ids.map(|i| ProblemSamples {
            id: format!("p{i:03}"),
            excluded: false,
            samples: (0..4)
                .map(|s| {
                    let passed = (i + s) % 4 != 0;
                    let base = 0.2 + (i % 3) as f64 * 0.1 + s as f64 * 0.05;
                    Sample {
                        passed,
                        score: if passed { base + delta } else { 0.0 },
                        levels: vec![],
                        memory_score: 0.0,
                        growth: crate::stats::Growth::NotCompared,
                    }
                })
                .collect(),
        })
        .collect()
    }

    #[test]
    fn paired_values_agree_with_compare_paired() {
        let (a, b) = (system(0..12, 0.0), system(0..12, 0.05));
        let config = StatsConfig::new(1);
        let c = compare_paired(&a, &b, &config).unwrap();
        let eff = |s: &[ProblemSamples]| -> Vec<f64> {
            s.iter()
                .map(|p| crate::stats::score_problem(p, 1).unwrap().eff_at_k)
                .collect()
        };
        let pairs: Vec<(f64, f64)> = eff(&a).into_iter().zip(eff(&b)).collect();
        let v = compare_paired_values(&pairs, &config.bootstrap).unwrap();
        assert_eq!(v, c.eff_at_k);
        assert!(compare_paired_values(&[], &config.bootstrap).is_err());
    }

    #[test]
    fn identical_systems_differ_by_zero_with_p_one() {
        let a = system(0..40, 0.0);
        let result = compare_paired(&a, &a, &StatsConfig::new(2)).unwrap();
        assert_eq!(result.paired, 40);
        assert!(result.only_in_a.is_empty() && result.only_in_b.is_empty());
        for diff in [result.pass_at_k, result.eff_at_k] {
            assert_eq!(diff.difference, 0.0);
            assert!(diff.ci.contains(0.0), "{diff:?}");
            assert_eq!(diff.p_value, 1.0);
        }
        assert_eq!(
            result.p_value_method,
            PValueMethod::MonteCarloSignFlip { draws: 10_000 }
        );
    }

    #[test]
    fn uniformly_better_system_is_detected() {
        let a = system(0..40, 0.0);
        let b = system(0..40, 0.3);
        let result = compare_paired(&a, &b, &StatsConfig::new(2)).unwrap();
        let eff = result.eff_at_k;
        assert!((eff.difference - 0.3).abs() < 1e-12, "{eff:?}");
        assert!((eff.b - eff.a - 0.3).abs() < 1e-12);
        assert!(eff.ci.lower > 0.0 && !eff.ci.contains(0.0), "{eff:?}");
        // Every d_i > 0: only the identity can reach T(1); p = 1/(1 + 10 000).
        assert_eq!(eff.p_value, 1.0 / 10_001.0);
        // pass@k is the same for both systems (scores shift, passes do not).
        assert_eq!(result.pass_at_k.difference, 0.0);
        assert_eq!(result.pass_at_k.p_value, 1.0);

        // The reverse comparison mirrors it.
        let reverse = compare_paired(&b, &a, &StatsConfig::new(2)).unwrap();
        assert!((reverse.eff_at_k.difference + 0.3).abs() < 1e-12);
        assert!(reverse.eff_at_k.ci.upper < 0.0);
        assert_eq!(reverse.eff_at_k.p_value, eff.p_value);
    }

    #[test]
    fn exact_enumeration_for_few_problems() {
        // Five problems, all better in B: of the 32 sign vectors only all-plus and all-minus
        // reach |Σ d_i|, so p = 2/32.
        let a = system(0..5, 0.0);
        let b = system(0..5, 0.1);
        let result = compare_paired(&a, &b, &StatsConfig::new(1)).unwrap();
        assert_eq!(
            result.p_value_method,
            PValueMethod::ExactSignFlip { assignments: 32 }
        );
        assert_eq!(result.eff_at_k.p_value, 2.0 / 32.0);
        assert_eq!(result.pass_at_k.p_value, 1.0);
    }

    #[test]
    fn exact_p_value_on_hand_example() {
        // d = [1, 2, -0.5]: |Σ| = 2.5. Sign vectors and |Σ s_i d_i|:
        //   +++ 2.5, ++- 3.5, +-+ 1.5 (|1−2−0.5|), +-- 0.5, -++ 0.5, -+- 1.5, --+ 3.5, --- 2.5
        // Four of eight reach 2.5: p = 0.5.
        let d = [1.0, 2.0, -0.5];
        let config = BootstrapConfig::default();
        let ([p], method) = sign_flip_p_values([&d], &config);
        assert_eq!(p, 0.5);
        assert_eq!(method, PValueMethod::ExactSignFlip { assignments: 8 });
        // With too few resamples to enumerate, the Monte Carlo estimate is close.
        let config = BootstrapConfig {
            resamples: 4,
            ..config
        };
        let ([p_mc], method) = sign_flip_p_values([&d], &config);
        assert_eq!(method, PValueMethod::MonteCarloSignFlip { draws: 4 });
        assert!((0.2..=1.0).contains(&p_mc));
    }

    #[test]
    fn pairs_by_id_and_reports_unmatched_and_excluded() {
        let mut a = system(0..10, 0.0);
        let mut b = system(5..15, 0.1);
        a[6].excluded = true; // p006, shared
        b.reverse(); // input order does not matter
        let result = compare_paired(&a, &b, &StatsConfig::new(2)).unwrap();
        assert_eq!(result.paired, 4); // p005, p007, p008, p009
        assert_eq!(result.only_in_a, ["p000", "p001", "p002", "p003", "p004"]);
        assert_eq!(result.only_in_b, ["p010", "p011", "p012", "p013", "p014"]);
        assert_eq!(result.excluded, ["p006"]);
        let json = serde_json::to_string(&result).unwrap();
        assert!(json.contains(r#""p_value_method":{"method":"exact_sign_flip","assignments":16}"#));
        let back: PairedComparison = serde_json::from_str(&json).unwrap();
        assert_eq!(back, result);

        let disjoint = compare_paired(&system(0..3, 0.0), &system(3..6, 0.0), &StatsConfig::new(1));
        assert_eq!(
            disjoint.unwrap_err().to_string(),
            "the two systems have no problem in common (a has 3 problems, b has 3, 0 shared ones excluded)"
        );
    }

    #[test]
    fn reproducible_across_thread_counts() {
        let a = system(0..164, 0.0);
        let mut b = system(0..164, 0.02);
        // Make B worse on some problems so that the test is not one-sided.
        for p in b.iter_mut().step_by(3) {
            for s in &mut p.samples {
                if s.passed {
                    s.score *= 0.8;
                }
            }
        }
        let run = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| compare_paired(&a, &b, &StatsConfig::new(3)).unwrap())
        };
        let one = run(1);
        let two = run(2);
        assert_eq!(
            serde_json::to_string(&one).unwrap(),
            serde_json::to_string(&two).unwrap()
        );
        let bits = |d: PairedDifference| {
            [d.a, d.b, d.difference, d.ci.lower, d.ci.upper, d.p_value].map(f64::to_bits)
        };
        assert_eq!(bits(one.eff_at_k), bits(two.eff_at_k));
        assert_eq!(bits(one.pass_at_k), bits(two.pass_at_k));
        assert!(one.eff_at_k.p_value > 0.0 && one.eff_at_k.p_value <= 1.0);
    }
}
