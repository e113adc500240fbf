//! Percentile bootstrap confidence intervals over problems.
//!
//! Efron & Tibshirani (1993), *An Introduction to the Bootstrap*, ch. 13 (the percentile
//! interval). The unit of resampling is the **problem**: a benchmark is a sample of problems,
//! and per-problem estimates (pass@k, eff@k, a problem's level runs) are not independent of
//! each other within a problem. Resample `b = 0, 1, …, B − 1` draws `m` problem indices
//! uniformly with replacement from the `m` problems, recomputes the statistic on them, and the
//! `B` values `θ*_b` are sorted. With `α = 1 − confidence` and `j = ⌈B·α/2⌉` (at least 1), the
//! interval is `[θ*_(j), θ*_(B+1−j)]`: the `j`-th smallest and `j`-th largest resampled values,
//! i.e. the empirical `α/2` and `1 − α/2` quantiles (inverse-ECDF definition, no
//! interpolation). For `B = 10 000` at 95 %, that is the 250th and 9 751st of the sorted values.
//!
//! # Reproducibility
//!
//! Resample `b` draws its indices from its own xoshiro256\*\* stream, seeded from
//! `(seed, b)` only (see the `rng` module); resamples are computed in parallel with rayon but
//! collected into a vector in index order, and each statistic is a sequential sum in draw
//! order. Sorting then gives the percentiles. The result is therefore bit-identical across
//! runs, thread counts and platforms.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::DOMAIN_RESAMPLE;
use super::error::StatsError;
use super::kaplan_meier::Quantile;
use crate::rng::Xoshiro256StarStar;

/// Seed used unless the user sets one (below 2^53, so it survives a JSON round trip through
/// JavaScript).
pub const DEFAULT_SEED: u64 = 0x5EED_F0E1;
/// Resamples used unless the user sets another number.
pub const DEFAULT_RESAMPLES: usize = 10_000;
/// Confidence level used unless the user sets another.
pub const DEFAULT_CONFIDENCE: f64 = 0.95;
/// The most resamples a bootstrap takes: their values are held in memory, and a result file
/// read by `compare` or `leaderboard` names its own number.
pub const MAX_RESAMPLES: usize = 10_000_000;

/// How to bootstrap; recorded in every result so that it can be reproduced.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BootstrapConfig {
    /// Number of resamples `B` (default 10 000).
    pub resamples: usize,
    /// Confidence level, strictly between 0 and 1 (default 0.95).
    pub confidence: f64,
    /// Seed of the resampling streams.
    pub seed: u64,
}

impl Default for BootstrapConfig {
    fn default() -> Self {
        Self {
            resamples: DEFAULT_RESAMPLES,
            confidence: DEFAULT_CONFIDENCE,
            seed: DEFAULT_SEED,
        }
    }
}

impl BootstrapConfig {
    /// Rejects zero resamples, more than [`MAX_RESAMPLES`] and confidence levels outside
    /// `(0, 1)`.
    pub(crate) fn validate(&self) -> Result<(), StatsError> {
        if self.resamples == 0 {
            return Err(StatsError::ZeroResamples);
        }
        if self.resamples > MAX_RESAMPLES {
            return Err(StatsError::TooManyResamples {
                resamples: self.resamples,
                max: MAX_RESAMPLES,
            });
        }
        if !(self.confidence > 0.0 && self.confidence < 1.0) {
            return Err(StatsError::InvalidConfidence {
                confidence: self.confidence,
            });
        }
        Ok(())
    }
}

/// A confidence interval for a real-valued statistic.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interval {
    /// Lower bound.
    pub lower: f64,
    /// Upper bound.
    pub upper: f64,
    /// Confidence level of the interval.
    pub confidence: f64,
}

impl Interval {
    /// Whether `value` lies in the closed interval.
    #[must_use]
    pub fn contains(&self, value: f64) -> bool {
        self.lower <= value && value <= self.upper
    }
}

/// A confidence interval for a cost-ratio quantile, whose bounds may themselves be censored.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuantileInterval {
    /// Lower bound.
    pub lower: Quantile,
    /// Upper bound.
    pub upper: Quantile,
    /// Confidence level of the interval.
    pub confidence: f64,
    /// Resamples left out because they drew no problem with level runs; the percentiles are
    /// taken over the others.
    pub undefined_resamples: usize,
}

/// Percentile bootstrap interval for the mean of per-problem values (each value is one
/// problem; problems are resampled with replacement).
///
/// # Errors
///
/// [`StatsError::NoProblems`] for an empty slice, [`StatsError::ZeroResamples`] and
/// [`StatsError::InvalidConfidence`] for an invalid configuration.
pub fn bootstrap_mean(values: &[f64], config: &BootstrapConfig) -> Result<Interval, StatsError> {
    config.validate()?;
    if values.is_empty() {
        return Err(StatsError::NoProblems {
            given: 0,
            excluded: 0,
        });
    }
    let means = resample(config, values.len(), |indices| mean_at(values, indices));
    Ok(percentile_interval(means, config.confidence))
}

/// Runs `statistic` on every resample of `m` problem indices and returns the values in
/// resample order. `config` must be valid and `m` positive.
pub(crate) fn resample<T, F>(config: &BootstrapConfig, m: usize, statistic: F) -> Vec<T>
where
    T: Send,
    F: Fn(&[usize]) -> T + Sync + Send,
{
    let seed = config.seed;
    (0..config.resamples)
        .into_par_iter()
        .map_init(
            || Vec::with_capacity(m),
            |indices, b| {
                indices.clear();
                let mut rng = Xoshiro256StarStar::for_stream(seed, DOMAIN_RESAMPLE, b as u64);
                indices.extend((0..m).map(|_| rng.index_below(m)));
                statistic(indices)
            },
        )
        .collect()
}

/// Mean of `values` at `indices`, summed in index order; `indices` must be non-empty.
pub(crate) fn mean_at(values: &[f64], indices: &[usize]) -> f64 {
    indices.iter().map(|&i| values[i]).sum::<f64>() / indices.len() as f64
}

/// Positions (0-based) of the lower and upper percentile bounds among `len ≥ 1` sorted values.
pub(crate) fn percentile_positions(len: usize, confidence: f64) -> (usize, usize) {
    debug_assert!(len > 0);
    let tail = len as f64 * (1.0 - confidence) / 2.0;
    // `1 − 0.95` is 0.050000000000000044 in binary floating point; the small allowance keeps
    // ⌈10 000 · 0.025⌉ at 250 rather than 251.
    let j = ((tail - 1e-7).ceil().max(1.0) as usize).min(len.div_ceil(2));
    (j - 1, len - j)
}

/// The percentile interval of resampled values (sorted here with `f64::total_cmp`).
pub(crate) fn percentile_interval(mut values: Vec<f64>, confidence: f64) -> Interval {
    values.sort_unstable_by(f64::total_cmp);
    let (lo, hi) = percentile_positions(values.len(), confidence);
    Interval {
        lower: values[lo],
        upper: values[hi],
        confidence,
    }
}

/// The percentile interval of resampled quantiles, ordered by [`Quantile::total_cmp`];
/// resamples where the quantile is undefined (`None`) are counted and left out. `None` if
/// every resample is undefined.
pub(crate) fn quantile_interval(
    values: Vec<Option<Quantile>>,
    confidence: f64,
) -> Option<QuantileInterval> {
    let total = values.len();
    let mut defined: Vec<Quantile> = values.into_iter().flatten().collect();
    if defined.is_empty() {
        return None;
    }
    defined.sort_unstable_by(Quantile::total_cmp);
    let (lo, hi) = percentile_positions(defined.len(), confidence);
    Some(QuantileInterval {
        lower: defined[lo],
        upper: defined[hi],
        confidence,
        undefined_resamples: total - defined.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentile_positions_are_symmetric_and_standard() {
        assert_eq!(percentile_positions(10_000, 0.95), (249, 9750));
        assert_eq!(percentile_positions(1000, 0.90), (49, 950));
        assert_eq!(percentile_positions(1, 0.95), (0, 0));
        assert_eq!(percentile_positions(2, 0.5), (0, 1));
        assert_eq!(percentile_positions(3, 0.01), (1, 1));
        for len in 1..200 {
            for confidence in [0.01, 0.5, 0.8, 0.9, 0.95, 0.99, 0.999] {
                let (lo, hi) = percentile_positions(len, confidence);
                assert!(
                    lo <= hi && hi < len,
                    "len {len} conf {confidence}: {lo} {hi}"
                );
                assert_eq!(lo, len - 1 - hi);
            }
        }
    }

    #[test]
    fn validates_configuration() {
        let ok = BootstrapConfig::default();
        assert_eq!(ok.validate(), Ok(()));
        let zero = BootstrapConfig { resamples: 0, ..ok };
        assert_eq!(
            bootstrap_mean(&[1.0], &zero),
            Err(StatsError::ZeroResamples)
        );
        // A result file names its own number: `compare` read one asking for 2^64 − 1 and
        // tried to collect that many values.
        let huge = BootstrapConfig {
            resamples: usize::MAX,
            ..ok
        };
        assert!(matches!(
            bootstrap_mean(&[1.0], &huge),
            Err(StatsError::TooManyResamples { .. })
        ));
        let most = BootstrapConfig {
            resamples: MAX_RESAMPLES,
            ..ok
        };
        assert_eq!(most.validate(), Ok(()));
        for confidence in [0.0, 1.0, -0.5, f64::NAN] {
            let bad = BootstrapConfig { confidence, ..ok };
            assert!(matches!(
                bad.validate(),
                Err(StatsError::InvalidConfidence { .. })
            ));
        }
        assert_eq!(
            bootstrap_mean(&[], &ok),
            Err(StatsError::NoProblems {
                given: 0,
                excluded: 0
            })
        );
    }

    #[test]
    fn constant_values_give_a_degenerate_interval() {
        let interval = bootstrap_mean(&[0.3; 50], &BootstrapConfig::default()).unwrap();
        assert!((interval.lower - 0.3).abs() < 1e-15 && (interval.upper - 0.3).abs() < 1e-15);
    }

    #[test]
    fn interval_brackets_the_mean_and_shrinks_with_more_problems() {
        let config = BootstrapConfig::default();
        let values = |m: usize| -> Vec<f64> { (0..m).map(|i| f64::from(i as u32 % 2)).collect() };
        let small = bootstrap_mean(&values(20), &config).unwrap();
        let large = bootstrap_mean(&values(2000), &config).unwrap();
        assert!(
            small.contains(0.5) && large.contains(0.5),
            "{small:?} {large:?}"
        );
        // Standard error of a mean of fair 0/1 values is 0.5/√m: the 95 % interval has width
        // ≈ 3.92 · 0.5/√m, about 0.44 for m = 20 and 0.044 for m = 2000.
        let width = |i: Interval| i.upper - i.lower;
        assert!((0.3..0.6).contains(&width(small)), "{small:?}");
        assert!((0.03..0.06).contains(&width(large)), "{large:?}");
    }

    #[test]
    fn resamples_are_reproducible_across_runs_and_thread_counts() {
        let values: Vec<f64> = (0..164_u32)
            .map(|i| f64::from(i * 37 % 101) / 100.0)
            .collect();
        let config = BootstrapConfig::default();
        let run = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| resample(&config, values.len(), |idx| mean_at(&values, idx)))
        };
        let one = run(1);
        let two = run(2);
        let again = run(2);
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&one), bits(&two));
        assert_eq!(bits(&two), bits(&again));
        // Different seeds give different resamples.
        let other = resample(
            &BootstrapConfig { seed: 1, ..config },
            values.len(),
            |idx| mean_at(&values, idx),
        );
        assert_ne!(bits(&one), bits(&other));
    }

    #[test]
    fn quantile_interval_skips_undefined_and_orders_censored_last() {
        let est = |ratio| Some(Quantile::Estimated { ratio });
        let values = vec![
            est(2.0),
            None,
            Some(Quantile::Censored { above: 5.0 }),
            est(1.0),
            est(3.0),
        ];
        let interval = quantile_interval(values, 0.5).unwrap();
        // Four defined values; j = ⌈4 · 0.25⌉ = 1: smallest and largest.
        assert_eq!(interval.lower, Quantile::Estimated { ratio: 1.0 });
        assert_eq!(interval.upper, Quantile::Censored { above: 5.0 });
        assert_eq!(interval.undefined_resamples, 1);
        assert_eq!(quantile_interval(vec![None, None], 0.95), None);
    }
}
