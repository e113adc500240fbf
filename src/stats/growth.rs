//! Empirical complexity: the exponent `b` of `cost ≈ a · size^b`, fitted over a program's
//! runs at several input sizes.
//!
//! # The fit
//!
//! Each point is one run: the generator's `size`, the generator's `case` (the same case at
//! every size is the same kind of input: sorted, random, worst case, …) and the run's cost.
//! With `x = ln size` and `y = ln cost`, the model is `y = a_c + b x + ε`: one intercept per
//! case and one common slope, fitted by least squares. The slope is the within-case estimate
//!
//! `b = Σ (x − x̄_c)(y − ȳ_c) / Σ (x − x̄_c)²`
//!
//! (means per case), so a case that is always dearer than another (a worst-case input) moves
//! its intercept, not the slope. Its standard error is `sqrt(s² / Σ (x − x̄_c)²)` with
//! `s² = RSS / (m − g − 1)` over `m` points in `g` cases of at least two points each; the
//! interval is `b ± t_{0.975, m−g−1} · se` (Student's t, 95 %). Costs of 0 carry no logarithm
//! and are left out; a case seen at one size only says nothing of the slope.
//!
//! # Which sizes
//!
//! Costs of small inputs are dominated by what does not grow (start-up, a fixed table,
//! reading a handful of numbers), which flattens a fit over every size. [`fit`] therefore
//! fits the top decade of the sizes a program finished (`size ≥ largest / 10`), widened
//! downwards to three sizes when the decade holds fewer; [`fit_between`] fits given bounds,
//! so that a sample and its reference can be compared over the same sizes.
//!
//! # The label
//!
//! The label names the complexity class whose exponent over the fitted sizes is nearest to
//! `b`. A class with a log factor has the effective exponent of its power plus the slope of
//! `ln ln size` over the range (`n log n` over sizes 1 500–10 000 grows like `n^1.12`). The fit
//! is labelled only when it is clear: at least three sizes, the interval's half-width at most
//! [`CLEAR_HALF_WIDTH`], and `b` within [`CLEAR_DISTANCE`] of the class; else `unclear`.

use serde::{Deserialize, Serialize};

/// One run of a program at one size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GrowthPoint {
    pub size: u64,
    /// The generator's case: the kind of input, the same at every size.
    pub case: u32,
    pub cost: u64,
}

/// A fitted exponent with its interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrowthFit {
    /// `b`: cost grows like `size^b`.
    pub exponent: f64,
    /// The 95 % interval of `b`; equal to it when the points lie on one line.
    pub low: f64,
    pub high: f64,
    /// `ln cost` at `ln size = 0` of the line through the mean point (for plotting).
    pub intercept: f64,
    /// Runs fitted.
    pub points: usize,
    /// The smallest and largest size fitted.
    pub min_size: u64,
    pub max_size: u64,
    /// Distinct sizes fitted.
    pub sizes: usize,
    /// The class (`n`, `n log n`, `n^2`, …) or `unclear`.
    pub label: String,
}

/// Largest half-width of the interval for a labelled fit.
pub const CLEAR_HALF_WIDTH: f64 = 0.3;
/// Largest distance between the exponent and its class for a labelled fit.
pub const CLEAR_DISTANCE: f64 = 0.2;
/// The label of a fit that is not clear.
pub const UNCLEAR: &str = "unclear";

/// The classes a fit may be labelled with: name, power of `n`, whether it has a log factor.
const CLASSES: [(&str, f64, bool); 9] = [
    ("1", 0.0, false),
    ("log n", 0.0, true),
    ("sqrt n", 0.5, false),
    ("n", 1.0, false),
    ("n log n", 1.0, true),
    ("n sqrt n", 1.5, false),
    ("n^2", 2.0, false),
    ("n^2 log n", 2.0, true),
    ("n^3", 3.0, false),
];

/// Whether `name` is a class a fit can be labelled with (problem files declare them).
pub fn is_class(name: &str) -> bool {
    CLASSES.iter().any(|(n, _, _)| *n == name)
}

/// The exponent of class `name` over sizes `min..=max` (log factors as the slope of
/// `ln ln size`); `None` for an unknown class.
pub fn class_exponent(name: &str, min: u64, max: u64) -> Option<f64> {
    let (_, power, log) = CLASSES.iter().find(|(n, _, _)| *n == name)?;
    Some(power + if *log { log_slope(min, max) } else { 0.0 })
}

/// The slope of `ln ln size` against `ln size` between two sizes (sizes below 3 count as 3,
/// where `ln ln` is positive).
fn log_slope(min: u64, max: u64) -> f64 {
    let (a, b) = (min.max(3) as f64, max.max(3) as f64);
    if b <= a {
        return 1.0 / a.ln();
    }
    (b.ln().ln() - a.ln().ln()) / (b.ln() - a.ln())
}

/// How many times the largest size a fit's smallest may be.
pub const WINDOW: u64 = 10;

/// Fits the exponent over the top decade of the sizes (see the module documentation); `None`
/// without two distinct sizes in some case.
pub fn fit(points: &[GrowthPoint]) -> Option<GrowthFit> {
    let mut sizes: Vec<u64> = points
        .iter()
        .filter(|p| p.cost > 0 && p.size > 0)
        .map(|p| p.size)
        .collect();
    sizes.sort_unstable();
    sizes.dedup();
    let &max = sizes.last()?;
    let in_decade = sizes
        .iter()
        .filter(|&&s| s.saturating_mul(WINDOW) >= max)
        .count();
    let min = sizes[sizes.len() - in_decade.max(3).min(sizes.len())];
    fit_between(points, min, max)
}

/// Fits the exponent over the points with sizes in `min..=max`; `None` without two distinct
/// sizes in some case.
pub fn fit_between(points: &[GrowthPoint], min: u64, max: u64) -> Option<GrowthFit> {
    let mut used: Vec<(u32, f64, f64, u64)> = points
        .iter()
        .filter(|p| p.cost > 0 && p.size > 0 && (min..=max).contains(&p.size))
        .map(|p| (p.case, (p.size as f64).ln(), (p.cost as f64).ln(), p.size))
        .collect();
    // Sums in a fixed order: the same points give the same bits whatever order they came in.
    used.sort_by_key(|a| (a.0, a.3, a.2.to_bits()));
    let mut groups: Vec<&[(u32, f64, f64, u64)]> = used.chunk_by(|a, b| a.0 == b.0).collect();
    groups.retain(|g| g.len() >= 2);
    let (mut sxx, mut sxy) = (0.0, 0.0);
    let mut means = Vec::with_capacity(groups.len());
    for g in &groups {
        let n = g.len() as f64;
        let mx = g.iter().map(|p| p.1).sum::<f64>() / n;
        let my = g.iter().map(|p| p.2).sum::<f64>() / n;
        for p in *g {
            sxx += (p.1 - mx) * (p.1 - mx);
            sxy += (p.1 - mx) * (p.2 - my);
        }
        means.push((mx, my));
    }
    if sxx <= 0.0 {
        return None;
    }
    let b = sxy / sxx;
    let m: usize = groups.iter().map(|g| g.len()).sum();
    let mut rss = 0.0;
    for (g, (mx, my)) in groups.iter().zip(&means) {
        for p in *g {
            let r = (p.2 - my) - b * (p.1 - mx);
            rss += r * r;
        }
    }
    let dof = m.saturating_sub(groups.len() + 1);
    let half = if dof == 0 {
        f64::INFINITY
    } else {
        t_975(dof) * (rss / dof as f64 / sxx).sqrt()
    };
    let fitted: Vec<&(u32, f64, f64, u64)> = groups.iter().flat_map(|g| g.iter()).collect();
    let (gx, gy) = (
        fitted.iter().map(|p| p.1).sum::<f64>() / m as f64,
        fitted.iter().map(|p| p.2).sum::<f64>() / m as f64,
    );
    let mut sizes: Vec<u64> = fitted.iter().map(|p| p.3).collect();
    sizes.sort_unstable();
    sizes.dedup();
    let (min_size, max_size) = (sizes[0], sizes[sizes.len() - 1]);
    let (low, high) = if half.is_finite() {
        (b - half, b + half)
    } else {
        (f64::NEG_INFINITY, f64::INFINITY)
    };
    Some(GrowthFit {
        exponent: b,
        // JSON has no infinities: an interval that cannot be had is the widest finite one.
        low: low.max(f64::MIN),
        high: high.min(f64::MAX),
        intercept: gy - b * gx,
        points: m,
        min_size,
        max_size,
        sizes: sizes.len(),
        label: label(b, half, sizes.len(), min_size, max_size).to_owned(),
    })
}

/// The class of a fit, or [`UNCLEAR`].
fn label(b: f64, half: f64, sizes: usize, min: u64, max: u64) -> &'static str {
    // `half` may be infinite (no degrees of freedom left), never NaN.
    if sizes < 3 || half > CLEAR_HALF_WIDTH {
        return UNCLEAR;
    }
    let mut best = (UNCLEAR, f64::INFINITY);
    for (name, _, _) in CLASSES {
        let e = class_exponent(name, min, max).expect("a listed class");
        let d = (b - e).abs();
        if d < best.1 {
            best = (name, d);
        }
    }
    if best.1 <= CLEAR_DISTANCE {
        best.0
    } else {
        UNCLEAR
    }
}

/// The 0.975 quantile of Student's t with `dof` degrees of freedom: tabulated to 30, then
/// `1.96 + 2.4/dof` (within 0.003 of the exact value beyond 30).
fn t_975(dof: usize) -> f64 {
    const TABLE: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042,
    ];
    match dof {
        0 => f64::INFINITY,
        1..=30 => TABLE[dof - 1],
        _ => 1.96 + 2.4 / dof as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(sizes: &[u64], cases: u32, cost: impl Fn(u64, u32) -> f64) -> Vec<GrowthPoint> {
        sizes
            .iter()
            .flat_map(|&size| {
                let cost = &cost;
                (0..cases).map(move |case| GrowthPoint {
                    size,
                    case,
                    cost: cost(size, case).round() as u64,
                })
            })
            .collect()
    }

    #[test]
    fn recovers_exponents_and_labels_them() {
        let sizes = [1500, 3000, 6000, 10_000, 20];
        // Case 1 costs ten times case 0 at every size: a different intercept, the same slope.
        let quad = fit(&points(&sizes, 2, |n, c| {
            (n * n) as f64 * if c == 1 { 10.0 } else { 1.0 }
        }))
        .unwrap();
        assert!((quad.exponent - 2.0).abs() < 1e-6, "{quad:?}");
        assert_eq!(quad.label, "n^2");
        // Size 20 is outside the top decade and left out.
        assert_eq!((quad.points, quad.sizes), (8, 4));
        assert_eq!((quad.min_size, quad.max_size), (1500, 10_000));
        let nlogn = fit(&points(&sizes, 3, |n, _| n as f64 * (n as f64).ln() * 40.0)).unwrap();
        assert!((nlogn.exponent - 1.12).abs() < 0.02, "{nlogn:?}");
        assert_eq!(nlogn.label, "n log n");
        let linear = fit(&points(&sizes, 1, |n, _| 7.0 * n as f64 + 300.0)).unwrap();
        assert_eq!(linear.label, "n");
        assert!(linear.low <= linear.exponent && linear.exponent <= linear.high);
    }

    #[test]
    fn noise_widens_the_interval_and_an_unclear_fit_says_so() {
        let sizes = [100, 1000, 10_000];
        // Alternating ×3 and ÷3 noise: the slope is still near 1, the interval wide.
        let noisy = fit_between(
            &points(&sizes, 4, |n, c| {
                let wobble = if (n / 100 + u64::from(c)) % 2 == 0 {
                    3.0
                } else {
                    1.0 / 3.0
                };
                n as f64 * wobble
            }),
            1,
            u64::MAX,
        )
        .unwrap();
        assert!(noisy.high - noisy.low > 2.0 * CLEAR_HALF_WIDTH, "{noisy:?}");
        assert_eq!(noisy.label, UNCLEAR);
        // Two sizes: a slope, but never a label.
        let two = fit(&points(&[100, 1000], 3, |n, _| (n * n) as f64)).unwrap();
        assert_eq!(two.label, UNCLEAR);
        assert!((two.exponent - 2.0).abs() < 1e-6);
    }

    #[test]
    fn degenerate_inputs_give_no_fit_and_order_does_not_matter() {
        assert_eq!(fit(&[]), None);
        // One size only, and zero costs, carry no slope.
        assert_eq!(fit(&points(&[500], 4, |n, _| n as f64)), None);
        assert_eq!(fit(&points(&[10, 100, 1000], 2, |_, _| 0.0)), None);
        // A case seen at one size is left out; the decade widens to three sizes.
        let mut pts = points(&[10, 100, 1000], 1, |n, _| (n * n) as f64);
        pts.push(GrowthPoint {
            size: 1000,
            case: 9,
            cost: 1,
        });
        let f = fit(&pts).unwrap();
        assert_eq!((f.points, f.min_size), (3, 10));
        assert_eq!(fit_between(&pts, 100, 1000).map(|f| f.points), Some(2));
        let mut reversed = pts.clone();
        reversed.reverse();
        assert_eq!(fit(&reversed), Some(f));
    }

    #[test]
    fn class_exponents_follow_the_range() {
        assert_eq!(class_exponent("n^2", 10, 100), Some(2.0));
        let short = class_exponent("n log n", 1500, 10_000).unwrap();
        let long = class_exponent("n log n", 10, 10_000).unwrap();
        assert!(short < long && short > 1.0, "{short} {long}");
        assert_eq!(class_exponent("2^n", 1, 2), None);
        assert!(is_class("n sqrt n") && !is_class("n!"));
        assert!((t_975(10) - 2.228).abs() < 1e-9 && (t_975(40) - 2.021).abs() < 0.003);
    }
}
