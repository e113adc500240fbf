//! The Kaplan–Meier (product-limit) estimate of the cost-ratio distribution.
//!
//! Kaplan & Meier (1958), "Nonparametric Estimation from Incomplete Observations", JASA 53.
//! Each observation is a cost ratio `t/T*` of a finished level run (an *event*) or, for a run
//! that ran out of fuel, the censoring ratio `alpha = T/T*` (the true ratio is larger). At each
//! distinct ratio `t_j` with `d_j` events, `c_j` censorings and `n_j` observations at risk
//! (ratio `≥ t_j`),
//!
//! ```text
//! S(t) = Π_{t_j ≤ t} (1 − d_j / n_j)
//! ```
//!
//! estimates the probability that a run's cost ratio exceeds `t`. Ties follow the usual
//! convention: a run censored at `t_j` is still at risk at `t_j` (events come before
//! censorings), and leaves the risk set afterwards. The `q`-quantile is the smallest `t_j` with
//! `S(t_j) ≤ 1 − q` (so the median is the smallest ratio at which at least half the runs are
//! known to have finished). When the curve never gets that low — it can only stop above `1 − q`
//! if the largest observation is censored — the quantile is not identifiable and is reported as
//! [`Quantile::Censored`], "greater than the largest censoring ratio". Because `S` is a product
//! of floating-point factors, the comparison allows `1e-10` of rounding: a curve that is exactly
//! `1 − q` in exact arithmetic is treated as having reached it.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::error::StatsError;
use super::problem::LevelCost;

/// Rounding allowance when comparing the survival estimate with `1 − q`.
const SURVIVAL_TOLERANCE: f64 = 1e-10;

/// A quantile of the cost ratio, which may lie beyond what censored data can show.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Quantile {
    /// The survival curve reaches `1 − q` at this ratio.
    Estimated {
        /// The quantile's cost ratio.
        ratio: f64,
    },
    /// The survival curve stays above `1 − q`: the quantile exceeds the largest censoring
    /// ratio (printed as `> alpha`).
    Censored {
        /// The largest censoring ratio; the quantile is greater than this.
        above: f64,
    },
}

impl Quantile {
    /// Total order used for bootstrap percentiles: every estimated ratio comes before every
    /// censored one (a censored quantile is larger than any ratio observed), estimated ratios
    /// by value, censored ones by their bound.
    pub(crate) fn total_cmp(&self, other: &Self) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        match (self, other) {
            (Self::Estimated { ratio: a }, Self::Estimated { ratio: b }) => a.total_cmp(b),
            (Self::Censored { above: a }, Self::Censored { above: b }) => a.total_cmp(b),
            (Self::Estimated { .. }, Self::Censored { .. }) => Ordering::Less,
            (Self::Censored { .. }, Self::Estimated { .. }) => Ordering::Greater,
        }
    }
}

impl fmt::Display for Quantile {
    /// `1.25` for an estimate, `> 8` for a censored quantile; a precision (`{:.2}`) applies to
    /// the number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (prefix, value) = match *self {
            Self::Estimated { ratio } => ("", ratio),
            Self::Censored { above } => ("> ", above),
        };
        match f.precision() {
            Some(precision) => write!(f, "{prefix}{value:.precision$}"),
            None => write!(f, "{prefix}{value}"),
        }
    }
}

/// One distinct observed ratio of the product-limit estimate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KmStep {
    /// The ratio `t_j`.
    pub ratio: f64,
    /// Runs at risk at `t_j`: those whose observed ratio is `≥ t_j`.
    pub at_risk: usize,
    /// Finished runs with ratio exactly `t_j`.
    pub events: usize,
    /// Runs censored at exactly `t_j`.
    pub censored: usize,
    /// `S(t_j)`, the estimated share of runs whose ratio exceeds `t_j`.
    pub survival: f64,
}

/// The Kaplan–Meier estimate of the distribution of the cost ratio `t/T*`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KaplanMeier {
    /// Observations (level runs).
    pub observations: usize,
    /// Finished runs.
    pub events: usize,
    /// Runs that ran out of fuel.
    pub censored: usize,
    /// The largest censoring ratio, if any run was censored.
    pub largest_censoring_ratio: Option<f64>,
    /// One step per distinct observed ratio, ascending.
    pub steps: Vec<KmStep>,
    /// The 0.25-quantile.
    pub lower_quartile: Quantile,
    /// The median.
    pub median: Quantile,
    /// The 0.75-quantile.
    pub upper_quartile: Quantile,
}

impl KaplanMeier {
    /// The `q`-quantile, the smallest step ratio with `S ≤ 1 − q`; `None` unless `0 < q < 1`.
    #[must_use]
    pub fn quantile(&self, q: f64) -> Option<Quantile> {
        (q > 0.0 && q < 1.0).then(|| first_reaching(self.steps.iter().copied(), q))?
    }
}

/// The product-limit estimate of the cost-ratio distribution of `observations`.
///
/// # Errors
///
/// [`StatsError::NoCostObservations`] for an empty slice, [`StatsError::InvalidCost`] for a
/// NaN, negative or infinite ratio.
pub fn kaplan_meier(observations: &[LevelCost]) -> Result<KaplanMeier, StatsError> {
    if observations.is_empty() {
        return Err(StatsError::NoCostObservations);
    }
    for (index, cost) in observations.iter().enumerate() {
        let value = cost.ratio();
        if !value.is_finite() || value < 0.0 {
            return Err(StatsError::InvalidCost { index, value });
        }
    }
    let sorted = sorted_observations([observations.iter()]);
    Ok(from_sorted(&sorted))
}

/// Builds the full estimate from validated, sorted observations (all of weight 1).
pub(crate) fn from_sorted(sorted: &[Observation]) -> KaplanMeier {
    let steps: Vec<KmStep> = ProductLimit::new(sorted, |_| 1).collect();
    let censored = sorted.iter().filter(|o| !o.event).count();
    let largest_censoring_ratio = sorted
        .iter()
        .filter(|o| !o.event)
        .map(|o| o.ratio)
        .max_by(f64::total_cmp);
    let quantile = |q| {
        first_reaching(steps.iter().copied(), q)
            .expect("a non-empty sample always has a first step")
    };
    KaplanMeier {
        observations: sorted.len(),
        events: sorted.len() - censored,
        censored,
        largest_censoring_ratio,
        lower_quartile: quantile(0.25),
        median: quantile(0.5),
        upper_quartile: quantile(0.75),
        steps,
    }
}

/// One observation tagged with the group (problem) it belongs to, for weighted resampling.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Observation {
    /// Observed ratio: `t/T*` for an event, `alpha` for a censored run.
    pub(crate) ratio: f64,
    /// Whether the run finished (false: censored).
    pub(crate) event: bool,
    /// Index of the group (problem) the observation came from.
    pub(crate) group: usize,
}

/// Flattens grouped costs into observations sorted by ratio, events before censorings at
/// equal ratios (group `g` is the `g`-th item of `groups`).
pub(crate) fn sorted_observations<'a, G, I>(groups: G) -> Vec<Observation>
where
    G: IntoIterator<Item = I>,
    I: IntoIterator<Item = &'a LevelCost>,
{
    let mut observations: Vec<Observation> = groups
        .into_iter()
        .enumerate()
        .flat_map(|(group, costs)| {
            costs.into_iter().map(move |cost| Observation {
                ratio: cost.ratio(),
                event: !cost.is_censored(),
                group,
            })
        })
        .collect();
    // Stable sort: ratio ascending, then events (event = true) before censorings.
    observations.sort_by(|a, b| a.ratio.total_cmp(&b.ratio).then(b.event.cmp(&a.event)));
    observations
}

/// The median of the product-limit estimate in which each observation of group `g` counts
/// `multiplicity[g]` times (a bootstrap resample of groups); `None` if every weight is 0.
pub(crate) fn weighted_median(sorted: &[Observation], multiplicity: &[usize]) -> Option<Quantile> {
    first_reaching(ProductLimit::new(sorted, |g| multiplicity[g]), 0.5)
}

/// The `q`-quantile of a product-limit curve given its steps in order; `None` without steps.
///
/// If the curve never reaches `1 − q`, its last step holds a censoring (otherwise `S` would
/// have dropped to 0 there), so the last step's ratio is the largest censoring ratio.
fn first_reaching(steps: impl Iterator<Item = KmStep>, q: f64) -> Option<Quantile> {
    let target = 1.0 - q + SURVIVAL_TOLERANCE;
    let mut last = None;
    for step in steps {
        if step.events > 0 && step.survival <= target {
            return Some(Quantile::Estimated { ratio: step.ratio });
        }
        last = Some(step.ratio);
    }
    last.map(|above| Quantile::Censored { above })
}

/// Iterator over the steps of the product-limit estimate of weighted, sorted observations.
struct ProductLimit<'a, W> {
    sorted: &'a [Observation],
    position: usize,
    at_risk: usize,
    survival: f64,
    weight: W,
}

impl<'a, W: Fn(usize) -> usize> ProductLimit<'a, W> {
    fn new(sorted: &'a [Observation], weight: W) -> Self {
        let at_risk = sorted.iter().map(|o| weight(o.group)).sum();
        Self {
            sorted,
            position: 0,
            at_risk,
            survival: 1.0,
            weight,
        }
    }
}

impl<W: Fn(usize) -> usize> Iterator for ProductLimit<'_, W> {
    type Item = KmStep;

    fn next(&mut self) -> Option<KmStep> {
        while self.position < self.sorted.len() {
            let ratio = self.sorted[self.position].ratio;
            let mut events = 0;
            let mut censored = 0;
            while let Some(o) = self.sorted.get(self.position) {
                if o.ratio != ratio {
                    break;
                }
                let w = (self.weight)(o.group);
                if o.event {
                    events += w;
                } else {
                    censored += w;
                }
                self.position += 1;
            }
            if events + censored == 0 {
                continue; // only observations of groups absent from this resample
            }
            let at_risk = self.at_risk;
            if events > 0 {
                self.survival *= (at_risk - events) as f64 / at_risk as f64;
            }
            self.at_risk -= events + censored;
            return Some(KmStep {
                ratio,
                at_risk,
                events,
                censored,
                survival: self.survival,
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fin(ratio: f64) -> LevelCost {
        LevelCost::Finished { ratio }
    }

    fn cens(alpha: f64) -> LevelCost {
        LevelCost::OutOfFuel { alpha }
    }

    fn est(ratio: f64) -> Quantile {
        Quantile::Estimated { ratio }
    }

    #[test]
    fn hand_computed_example_with_ties() {
        // Eight runs (E = finished, C = out of fuel), shuffled on purpose:
        //   1.0 E, 1.5 E, 1.5 C, 2.0 E, 2.0 E, 3.0 C, 4.0 E, 5.0 C
        //
        //   t    n_j  d_j  c_j  S(t)
        //   1.0   8    1    0   7/8             = 0.875
        //   1.5   7    1    1   0.875 · 6/7     = 0.75   (the run censored at 1.5 is at risk)
        //   2.0   5    2    0   0.75 · 3/5      = 0.45
        //   3.0   3    0    1   0.45
        //   4.0   2    1    0   0.45 · 1/2      = 0.225
        //   5.0   1    0    1   0.225
        //
        // Lower quartile: first S ≤ 0.75 → 1.5 (exactly 0.75; with censorings first it would
        // have been 0.875 · 5/6 ≈ 0.729, also at 1.5, but the 2.0 row would then read
        // 0.729 · 3/4 ≈ 0.547 — not 0.45). Median: first S ≤ 0.5 → 2.0.
        // Upper quartile: first S ≤ 0.25 → 4.0.
        let obs = [
            fin(2.0),
            cens(5.0),
            fin(1.5),
            fin(1.0),
            cens(1.5),
            fin(4.0),
            cens(3.0),
            fin(2.0),
        ];
        let km = kaplan_meier(&obs).unwrap();
        let expected = [
            (1.0, 8, 1, 0, 0.875),
            (1.5, 7, 1, 1, 0.75),
            (2.0, 5, 2, 0, 0.45),
            (3.0, 3, 0, 1, 0.45),
            (4.0, 2, 1, 0, 0.225),
            (5.0, 1, 0, 1, 0.225),
        ];
        assert_eq!(km.steps.len(), expected.len());
        for (step, (ratio, at_risk, events, censored, survival)) in km.steps.iter().zip(expected) {
            assert_eq!(step.ratio, ratio);
            assert_eq!(step.at_risk, at_risk, "n at {ratio}");
            assert_eq!(step.events, events, "d at {ratio}");
            assert_eq!(step.censored, censored, "c at {ratio}");
            assert!(
                (step.survival - survival).abs() < 1e-12,
                "S({ratio}) = {}",
                step.survival
            );
        }
        assert_eq!(km.observations, 8);
        assert_eq!(km.events, 5);
        assert_eq!(km.censored, 3);
        assert_eq!(km.largest_censoring_ratio, Some(5.0));
        assert_eq!(km.lower_quartile, est(1.5));
        assert_eq!(km.median, est(2.0));
        assert_eq!(km.upper_quartile, est(4.0));
        assert_eq!(km.quantile(0.5), Some(est(2.0)));
        assert_eq!(km.quantile(0.0), None);
        assert_eq!(km.quantile(1.0), None);
    }

    #[test]
    fn hand_computed_example_with_censored_median() {
        //   t    n_j  d_j  c_j  S(t)
        //   1.0   5    1    0   4/5           = 0.8
        //   2.0   4    0    1   0.8
        //   3.0   3    1    1   0.8 · 2/3     ≈ 0.5333
        //   6.0   1    0    1   0.5333
        // Lower quartile: first S ≤ 0.75 → 3.0. The curve never reaches 0.5 or 0.25: the
        // median and upper quartile are only known to exceed the largest censoring ratio 6.
        let obs = [fin(1.0), cens(2.0), fin(3.0), cens(3.0), cens(6.0)];
        let km = kaplan_meier(&obs).unwrap();
        let survival: Vec<f64> = km.steps.iter().map(|s| s.survival).collect();
        let expected = [0.8, 0.8, 0.8 * 2.0 / 3.0, 0.8 * 2.0 / 3.0];
        for (s, e) in survival.iter().zip(expected) {
            assert!((s - e).abs() < 1e-12);
        }
        assert_eq!(km.lower_quartile, est(3.0));
        assert_eq!(km.median, Quantile::Censored { above: 6.0 });
        assert_eq!(km.upper_quartile, Quantile::Censored { above: 6.0 });
        assert_eq!(km.median.to_string(), "> 6");
        assert_eq!(format!("{:.2}", km.lower_quartile), "3.00");
    }

    #[test]
    fn without_censoring_it_is_the_empirical_distribution() {
        // S after each of 1, 2, 3, 4 is 3/4, 1/2, 1/4, 0: median 2 (S = 1/2 exactly).
        let km = kaplan_meier(&[fin(4.0), fin(3.0), fin(2.0), fin(1.0)]).unwrap();
        assert_eq!(km.median, est(2.0));
        assert_eq!(km.lower_quartile, est(1.0));
        assert_eq!(km.upper_quartile, est(3.0));
        assert_eq!(km.largest_censoring_ratio, None);
        assert_eq!(km.steps.last().map(|s| s.survival), Some(0.0));
    }

    #[test]
    fn all_censored() {
        let km = kaplan_meier(&[cens(2.0), cens(3.0)]).unwrap();
        assert_eq!(km.median, Quantile::Censored { above: 3.0 });
        assert!(km.steps.iter().all(|s| s.survival == 1.0));
    }

    #[test]
    fn tolerance_handles_products_that_should_be_exactly_one_half() {
        // 24 finished runs at ratios 1..=24: in exact arithmetic S(12) = 12/24 = 1/2, but the
        // floating-point product 23/24 · 22/23 · … · 12/13 is 0.5000000000000001. Without the
        // rounding allowance the median would wrongly be 13.
        let obs: Vec<LevelCost> = (1..=24).map(|i| fin(f64::from(i))).collect();
        let km = kaplan_meier(&obs).unwrap();
        assert!(
            km.steps[11].survival > 0.5,
            "precondition: S(12) rounds above 1/2"
        );
        assert_eq!(km.median, est(12.0));
    }

    #[test]
    fn rejects_invalid_input() {
        assert_eq!(kaplan_meier(&[]), Err(StatsError::NoCostObservations));
        assert!(matches!(
            kaplan_meier(&[fin(1.0), cens(f64::NAN)]),
            Err(StatsError::InvalidCost { index: 1, .. })
        ));
        assert_eq!(
            kaplan_meier(&[fin(-1.0)]),
            Err(StatsError::InvalidCost {
                index: 0,
                value: -1.0
            })
        );
    }

    #[test]
    fn weighted_median_equals_median_of_repeated_observations() {
        // Group 0: [1 E, 4 C]; group 1: [2 E]; group 2: [3 E, 5 C].
        let groups = [
            vec![fin(1.0), cens(4.0)],
            vec![fin(2.0)],
            vec![fin(3.0), cens(5.0)],
        ];
        let sorted = sorted_observations(groups.iter());
        for multiplicity in [[1, 1, 1], [2, 0, 1], [0, 3, 0], [0, 0, 2], [3, 1, 0]] {
            let mut repeated = Vec::new();
            for (g, &m) in multiplicity.iter().enumerate() {
                for _ in 0..m {
                    repeated.extend_from_slice(&groups[g]);
                }
            }
            let expected = kaplan_meier(&repeated).unwrap().median;
            assert_eq!(weighted_median(&sorted, &multiplicity), Some(expected));
        }
        assert_eq!(weighted_median(&sorted, &[0, 0, 0]), None);
    }

    proptest::proptest! {
        #[test]
        fn prop_uncensored_median_is_the_empirical_one(values in proptest::collection::vec(0_u32..20, 1..40)) {
            // Without censoring S(t) = #{v > t}/n, so the median is the smallest value with
            // #{v ≤ t} ≥ n/2: the ⌈n/2⌉-th smallest.
            let obs: Vec<LevelCost> = values.iter().map(|&v| fin(f64::from(v) / 4.0)).collect();
            let km = kaplan_meier(&obs).unwrap();
            let mut sorted = values.clone();
            sorted.sort_unstable();
            let expected = f64::from(sorted[values.len().div_ceil(2) - 1]) / 4.0;
            proptest::prop_assert_eq!(km.median, est(expected));
            proptest::prop_assert!(km.steps.windows(2).all(|w| w[1].survival <= w[0].survival));
        }

        #[test]
        fn prop_weighted_median_matches_repetition(
            groups in proptest::collection::vec(
                proptest::collection::vec((0_u32..8, proptest::bool::ANY), 0..4),
                1..6,
            ),
            multiplicity in proptest::collection::vec(0_usize..3, 6),
        ) {
            let groups: Vec<Vec<LevelCost>> = groups
                .iter()
                .map(|g| {
                    g.iter()
                        .map(|&(v, event)| if event { fin(f64::from(v)) } else { cens(f64::from(v)) })
                        .collect()
                })
                .collect();
            let multiplicity = &multiplicity[..groups.len()];
            let mut repeated = Vec::new();
            for (g, &m) in multiplicity.iter().enumerate() {
                for _ in 0..m {
                    repeated.extend_from_slice(&groups[g]);
                }
            }
            let sorted = sorted_observations(groups.iter());
            let expected = kaplan_meier(&repeated).ok().map(|km| km.median);
            proptest::prop_assert_eq!(weighted_median(&sorted, multiplicity), expected);
        }
    }

    #[test]
    fn quantile_order_puts_censored_last() {
        let mut values = [
            Quantile::Censored { above: 2.0 },
            est(9.0),
            Quantile::Censored { above: 1.0 },
            est(0.5),
        ];
        values.sort_by(Quantile::total_cmp);
        assert_eq!(
            values,
            [
                est(0.5),
                est(9.0),
                Quantile::Censored { above: 1.0 },
                Quantile::Censored { above: 2.0 }
            ]
        );
    }

    #[test]
    fn serialises_with_a_tag() {
        // S(1) = 2/3 and nothing after: the median is "> 3".
        let km = kaplan_meier(&[fin(1.0), cens(3.0), cens(3.0)]).unwrap();
        let json = serde_json::to_string(&km).unwrap();
        assert!(
            json.contains(r#""median":{"kind":"censored","above":3.0}"#),
            "{json}"
        );
        let back: KaplanMeier = serde_json::from_str(&json).unwrap();
        assert_eq!(back, km);
    }
}
