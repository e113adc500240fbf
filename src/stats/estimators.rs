//! Unbiased per-problem estimators: pass@k and eff@k.
//!
//! # pass@k
//!
//! Chen et al. (2021), "Evaluating Large Language Models Trained on Code", §2.1: draw `n ≥ k`
//! samples for a problem, of which `c` pass. The probability that at least one of `k` samples
//! drawn without replacement from those `n` passes is
//!
//! ```text
//! pass@k = 1 − C(n − c, k) / C(n, k)              (= 1 when n − c < k)
//!        = 1 − Π_{i = n−c+1}^{n} (1 − k / i)
//! ```
//!
//! and its mean over problems is an unbiased estimate of the probability that a system solves a
//! problem within `k` attempts. We evaluate the product form, with each factor written as the
//! ratio of exact integers `(i − k) / i`, so nothing overflows and no factorial is ever formed.
//!
//! # eff@k
//!
//! Qiu et al. (ICLR 2025), "How Efficient is LLM-Generated Code? A Rigorous & High-Standard
//! Benchmark" (ENAMEL), §3: each sample has an efficiency score `e ≥ 0` (0 when it fails), and
//! eff@k is the expected *best* score among `k` samples. With the `n` scores sorted ascending,
//! `e_(1) ≤ … ≤ e_(n)`, the Rao–Blackwellised unbiased estimator of `E[max of k scores]` is
//!
//! ```text
//! eff@k = Σ_{r = k}^{n}  C(r − 1, k − 1) / C(n, k) · e_(r)
//! ```
//!
//! because `e_(r)` is the maximum of a uniformly drawn `k`-subset exactly when the subset holds
//! index `r` and `k − 1` of the `r − 1` smaller ones. The weights `w_r = C(r−1, k−1) / C(n, k)`
//! are computed without binomials, from the top down:
//!
//! ```text
//! w_n = k / n,        w_{r−1} = w_r · (1 − (k − 1)/(r − 1)) = w_r · (r − k)/(r − 1),
//! ```
//!
//! every factor lies in `[0, 1]`, so for `n` up to 10^6 and any `k` nothing overflows; weights
//! that underflow to 0 end the sum early. They pair with the **top** `n − k + 1` scores
//! `e_(k), …, e_(n)` (pairing them with the bottom ones is a classic slip that still gives the
//! right answer for `k = 1`, where all weights equal `1/n`). The sum uses Neumaier's compensated
//! summation. When every score is 0 or 1, eff@k equals pass@k (the top `c` weights sum to
//! `1 − C(n−c, k)/C(n, k)`).

use super::error::StatsError;

/// The unbiased pass@k estimate for one problem with `n` samples of which `c` passed.
///
/// `1 − Π_{i=n−c+1}^{n} (1 − k/i)`, and exactly 1 when `n − c < k` (Chen et al. 2021).
///
/// # Errors
///
/// [`StatsError::ZeroK`] when `k = 0`, [`StatsError::MorePassesThanSamples`] when `c > n`,
/// [`StatsError::FewerSamplesThanK`] when `k > n`.
pub fn pass_at_k(n: usize, c: usize, k: usize) -> Result<f64, StatsError> {
    check_k(n, k)?;
    if c > n {
        return Err(StatsError::MorePassesThanSamples { n, c });
    }
    if n - c < k {
        return Ok(1.0);
    }
    let k_f = k as f64;
    let mut all_fail = 1.0_f64;
    for i in (n - c + 1)..=n {
        let i_f = i as f64;
        all_fail *= (i_f - k_f) / i_f;
    }
    Ok(1.0 - all_fail)
}

/// The unbiased eff@k estimate (ENAMEL) for one problem's efficiency scores, in any order.
///
/// `Σ_{r=k}^{n} C(r−1, k−1)/C(n, k) · e_(r)` over the ascending order statistics `e_(r)`;
/// see the module documentation for how the weights are computed. Scores may exceed 1.
///
/// # Errors
///
/// [`StatsError::ZeroK`] when `k = 0`, [`StatsError::FewerSamplesThanK`] when
/// `k > scores.len()`, [`StatsError::NanScore`] for a NaN score and
/// [`StatsError::InvalidScore`] for a negative or infinite one.
pub fn eff_at_k(scores: &[f64], k: usize) -> Result<f64, StatsError> {
    check_k(scores.len(), k)?;
    check_scores(scores)?;
    let mut sorted = scores.to_vec();
    sorted.sort_unstable_by(f64::total_cmp);
    Ok(eff_at_k_sorted(&sorted, k))
}

/// Rejects `k = 0` and `k > n`.
fn check_k(n: usize, k: usize) -> Result<(), StatsError> {
    if k == 0 {
        return Err(StatsError::ZeroK);
    }
    if k > n {
        return Err(StatsError::FewerSamplesThanK { n, k });
    }
    Ok(())
}

/// Rejects NaN, negative and infinite scores, reporting the first offending index.
fn check_scores(scores: &[f64]) -> Result<(), StatsError> {
    for (index, &score) in scores.iter().enumerate() {
        if score.is_nan() {
            return Err(StatsError::NanScore { index });
        }
        if score < 0.0 || score.is_infinite() {
            return Err(StatsError::InvalidScore { index, score });
        }
    }
    Ok(())
}

/// eff@k over scores already sorted ascending and validated, with `1 ≤ k ≤ n`.
fn eff_at_k_sorted(sorted: &[f64], k: usize) -> f64 {
    let n = sorted.len();
    debug_assert!(k >= 1 && k <= n);
    let k_f = k as f64;
    // w_n = k / n, then w_{r−1} = w_r · (r − k)/(r − 1) for r = n, …, k + 1.
    let mut weight = k_f / n as f64;
    let mut sum = 0.0_f64;
    let mut compensation = 0.0_f64;
    for r in (k..=n).rev() {
        let term = weight * sorted[r - 1];
        // Neumaier's variant of Kahan summation.
        let t = sum + term;
        if sum.abs() >= term.abs() {
            compensation += (sum - t) + term;
        } else {
            compensation += (term - t) + sum;
        }
        sum = t;
        if r > k {
            let r_f = r as f64;
            weight *= (r_f - k_f) / (r_f - 1.0);
            if weight == 0.0 {
                break;
            }
        }
    }
    sum + compensation
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TOL: f64 = 1e-12;

    fn assert_close(actual: f64, expected: f64, what: &str) {
        assert!(
            (actual - expected).abs() <= TOL,
            "{what}: got {actual:.17}, expected {expected:.17}"
        );
    }

    #[test]
    fn worked_example_four_scores() {
        let scores = [0.0, 0.5, 1.0, 0.2];
        for (k, expected) in [(1, 0.425), (2, 0.7), (3, 0.875), (4, 1.0)] {
            assert_close(eff_at_k(&scores, k).unwrap(), expected, &format!("k={k}"));
        }
    }

    #[test]
    fn worked_example_binary_scores_equal_pass_at_k() {
        let scores = [1.0, 0.0, 1.0, 0.0, 0.0];
        for (k, expected) in [(1, 0.4), (2, 0.7), (3, 0.9)] {
            let eff = eff_at_k(&scores, k).unwrap();
            let pass = pass_at_k(5, 2, k).unwrap();
            assert_close(eff, expected, &format!("eff@{k}"));
            assert_close(pass, expected, &format!("pass@{k}"));
            assert_close(eff, pass, &format!("eff@{k} vs pass@{k}"));
        }
    }

    #[test]
    fn worked_example_scores_above_one() {
        let scores = [1.2, 0.3, 0.3, 0.9, 0.0, 0.75];
        for (k, expected) in [(1, 0.575), (2, 0.85), (3, 0.9975), (5, 1.15)] {
            assert_close(eff_at_k(&scores, k).unwrap(), expected, &format!("k={k}"));
        }
        // k = n: the maximum.
        assert_close(eff_at_k(&scores, 6).unwrap(), 1.2, "k=6");
    }

    #[test]
    fn worked_example_n200_mod7() {
        let scores: Vec<f64> = (0..200).map(|j| f64::from(j % 7) / 10.0).collect();
        assert_close(
            eff_at_k(&scores, 10).unwrap(),
            0.574_893_789_672_917,
            "k=10",
        );
    }

    #[test]
    fn worked_example_pass_at_k_n200() {
        assert_close(
            pass_at_k(200, 13, 10).unwrap(),
            0.497_551_114_730_606_1,
            "pass@10",
        );
    }

    #[test]
    fn pass_at_k_edge_cases() {
        assert_eq!(pass_at_k(10, 0, 3).unwrap(), 0.0);
        assert_eq!(pass_at_k(10, 10, 3).unwrap(), 1.0);
        // n − c < k: every k-subset contains a pass.
        assert_eq!(pass_at_k(10, 8, 3).unwrap(), 1.0);
        assert_close(pass_at_k(10, 3, 1).unwrap(), 0.3, "pass@1 = c/n");
        assert_eq!(pass_at_k(3, 1, 0), Err(StatsError::ZeroK));
        assert_eq!(
            pass_at_k(3, 1, 4),
            Err(StatsError::FewerSamplesThanK { n: 3, k: 4 })
        );
        assert_eq!(
            pass_at_k(3, 4, 1),
            Err(StatsError::MorePassesThanSamples { n: 3, c: 4 })
        );
    }

    #[test]
    fn eff_at_k_rejects_bad_input() {
        assert_eq!(eff_at_k(&[0.5], 0), Err(StatsError::ZeroK));
        assert_eq!(
            eff_at_k(&[0.5, 0.1], 3),
            Err(StatsError::FewerSamplesThanK { n: 2, k: 3 })
        );
        assert_eq!(
            eff_at_k(&[], 1),
            Err(StatsError::FewerSamplesThanK { n: 0, k: 1 })
        );
        assert_eq!(
            eff_at_k(&[0.5, f64::NAN, 0.2], 1),
            Err(StatsError::NanScore { index: 1 })
        );
        assert_eq!(
            eff_at_k(&[0.5, 0.2, -0.1], 1),
            Err(StatsError::InvalidScore {
                index: 2,
                score: -0.1
            })
        );
        assert!(matches!(
            eff_at_k(&[f64::INFINITY], 1),
            Err(StatsError::InvalidScore { index: 0, .. })
        ));
    }

    #[test]
    fn bottom_pairing_pitfall_would_be_caught() {
        // Pairing the weights with the bottom n − k + 1 scores gives, for [0, 0.5, 1, 0.2] and
        // k = 2, 1/2·0.5 + 1/3·0.2 + 1/6·0 ≈ 0.3167 instead of 0.7; k = 1 cannot tell them
        // apart. The k = 2 value must be the top-paired one.
        let eff2 = eff_at_k(&[0.0, 0.5, 1.0, 0.2], 2).unwrap();
        assert!((eff2 - 0.7).abs() <= TOL);
        assert!((eff2 - (0.5 / 2.0 + 0.2 / 3.0)).abs() > 0.1);
    }

    /// Reference eff@k in log space: weights `exp(lnC(r−1, k−1) − lnC(n, k))` with `lnC` from
    /// statrs' `ln_gamma`.
    ///
    /// For `n = 10^6`, `lnΓ(n + 1) ≈ 1.3 · 10^7`, so the absolute rounding error of each log
    /// weight is a few 10^-9 — an error the estimator does not have, but which would make a
    /// 1e-9 comparison flaky. The part of it common to all weights (from `lnC(n, k)`) is
    /// removed by dividing by the sum of the weights, which is exactly 1 in exact arithmetic
    /// (`Σ_{r=k}^{n} C(r−1, k−1) = C(n, k)`); the returned pair is (normalised, raw).
    fn log_space_eff_at_k(sorted: &[f64], k: usize) -> (f64, f64) {
        use statrs::function::gamma::ln_gamma;
        let ln_choose = |a: usize, b: usize| {
            ln_gamma(a as f64 + 1.0) - ln_gamma(b as f64 + 1.0) - ln_gamma((a - b) as f64 + 1.0)
        };
        let n = sorted.len();
        let ln_total = ln_choose(n, k);
        let mut weighted = 0.0;
        let mut weights = 0.0;
        for r in k..=n {
            let w = (ln_choose(r - 1, k - 1) - ln_total).exp();
            weighted += w * sorted[r - 1];
            weights += w;
        }
        (weighted / weights, weighted)
    }

    #[test]
    fn million_samples_k_1000_matches_log_space_reference() {
        use crate::rng::Xoshiro256StarStar;
        let n = 1_000_000;
        let k = 1000;
        let mut rng = Xoshiro256StarStar::seed_from_u64(2024);
        // A third of the samples fail (score 0); the rest score in [0, 1.5).
        let scores: Vec<f64> = (0..n)
            .map(|_| {
                let u = (rng.next_u64() >> 11) as f64 / (1_u64 << 53) as f64;
                if u < 1.0 / 3.0 {
                    0.0
                } else {
                    (u - 1.0 / 3.0) * 2.25
                }
            })
            .collect();
        let eff = eff_at_k(&scores, k).unwrap();
        assert!(eff.is_finite(), "eff@k = {eff}");
        let mut sorted = scores.clone();
        sorted.sort_unstable_by(f64::total_cmp);
        let (reference, raw) = log_space_eff_at_k(&sorted, k);
        let relative = ((eff - reference) / reference).abs();
        assert!(
            relative <= 1e-9,
            "eff@k = {eff:.17}, log-space reference = {reference:.17} (raw {raw:.17}), \
             relative error {relative:e}"
        );
        // The un-normalised log-space sum is itself only good to a few 1e-9.
        assert!(
            ((eff - raw) / raw).abs() <= 1e-8,
            "raw log-space reference {raw:.17}"
        );
        // 40-digit value of the same sum (mpmath, weights by the exact recurrence in
        // 40-digit arithmetic, same scores): the estimator is accurate to ~1e-16.
        let high_precision = 1.497_758_103_923_335_4;
        assert!(
            ((eff - high_precision) / high_precision).abs() <= 1e-13,
            "eff@k = {eff:.17}"
        );
        // The best of 1000 uniform-ish scores is close to the maximum 1.5.
        assert!(eff > 1.49 && eff <= 1.5, "eff@k = {eff}");

        let c = scores.iter().filter(|&&s| s > 0.0).count();
        let pass = pass_at_k(n, c, k).unwrap();
        assert!(
            pass.is_finite() && pass <= 1.0 && pass > 0.999_999,
            "pass@k = {pass}"
        );
    }

    /// eff@k by brute force: the mean, over all k-subsets, of the subset's maximum score.
    fn brute_force_eff_at_k(scores: &[f64], k: usize) -> f64 {
        let n = scores.len();
        let mut total = 0.0;
        let mut count = 0_u64;
        for mask in 0_u32..(1 << n) {
            if mask.count_ones() as usize != k {
                continue;
            }
            let best = (0..n)
                .filter(|&i| mask & (1 << i) != 0)
                .map(|i| scores[i])
                .fold(0.0_f64, f64::max);
            total += best;
            count += 1;
        }
        total / count as f64
    }

    fn scores_strategy(max_n: usize) -> impl Strategy<Value = Vec<f64>> {
        prop::collection::vec(prop_oneof![Just(0.0), Just(1.0), 0.0..2.0_f64], 1..=max_n)
    }

    fn binary_strategy(max_n: usize) -> impl Strategy<Value = Vec<bool>> {
        prop::collection::vec(any::<bool>(), 1..=max_n)
    }

    proptest! {
        #[test]
        fn prop_matches_brute_force(scores in scores_strategy(10), k_seed in 0_usize..100) {
            let k = 1 + k_seed % scores.len();
            let fast = eff_at_k(&scores, k).unwrap();
            let slow = brute_force_eff_at_k(&scores, k);
            prop_assert!((fast - slow).abs() <= 1e-12, "k={} fast={} slow={}", k, fast, slow);
        }

        #[test]
        fn prop_eff_monotone_in_k(scores in scores_strategy(60)) {
            let mut previous = 0.0_f64;
            for k in 1..=scores.len() {
                let eff = eff_at_k(&scores, k).unwrap();
                prop_assert!(eff >= previous - 1e-12, "eff@{} = {} < eff@{} = {}", k, eff, k - 1, previous);
                previous = eff;
            }
        }

        #[test]
        fn prop_pass_monotone_in_k(n in 1_usize..300, c_seed in 0_usize..1000) {
            let c = c_seed % (n + 1);
            let mut previous = 0.0_f64;
            for k in 1..=n {
                let pass = pass_at_k(n, c, k).unwrap();
                prop_assert!((0.0..=1.0).contains(&pass));
                prop_assert!(pass >= previous - 1e-12, "pass@{} = {} < {}", k, pass, previous);
                previous = pass;
            }
        }

        #[test]
        fn prop_pass_at_k_matches_exact_binomials(n in 1_usize..=60, c_seed in 0_usize..1000, k_seed in 0_usize..1000) {
            let c = c_seed % (n + 1);
            let k = 1 + k_seed % n;
            let choose = |a: usize, b: usize| -> u128 {
                if b > a {
                    return 0;
                }
                // C(a, b) by the multiplicative formula; exact in u128 for a ≤ 60.
                (0..b).fold(1_u128, |acc, i| acc * (a - i) as u128 / (i + 1) as u128)
            };
            let exact = 1.0 - choose(n - c, k) as f64 / choose(n, k) as f64;
            let fast = pass_at_k(n, c, k).unwrap();
            prop_assert!((fast - exact).abs() <= 1e-12, "n={} c={} k={} fast={} exact={}", n, c, k, fast, exact);
        }

        #[test]
        fn prop_eff_at_1_is_mean(scores in scores_strategy(200)) {
            let mean = scores.iter().sum::<f64>() / scores.len() as f64;
            prop_assert!((eff_at_k(&scores, 1).unwrap() - mean).abs() <= 1e-12);
        }

        #[test]
        fn prop_invariant_to_order(
            scores in scores_strategy(80),
            k_seed in 0_usize..100,
            shuffle_seed in any::<u64>(),
        ) {
            let k = 1 + k_seed % scores.len();
            let mut shuffled = scores.clone();
            let mut rng = crate::rng::Xoshiro256StarStar::seed_from_u64(shuffle_seed);
            for i in (1..shuffled.len()).rev() {
                let j = rng.index_below(i + 1);
                shuffled.swap(i, j);
            }
            // Sorting makes the result depend on the multiset only, so equality is exact.
            prop_assert_eq!(eff_at_k(&scores, k).unwrap(), eff_at_k(&shuffled, k).unwrap());
        }

        #[test]
        fn prop_binary_scores_give_pass_at_k(passed in binary_strategy(120), k_seed in 0_usize..1000) {
            let n = passed.len();
            let k = 1 + k_seed % n;
            let scores: Vec<f64> = passed.iter().map(|&p| if p { 1.0 } else { 0.0 }).collect();
            let c = passed.iter().filter(|&&p| p).count();
            let eff = eff_at_k(&scores, k).unwrap();
            let pass = pass_at_k(n, c, k).unwrap();
            prop_assert!((eff - pass).abs() <= 1e-12, "n={} c={} k={} eff={} pass={}", n, c, k, eff, pass);
        }
    }
}
