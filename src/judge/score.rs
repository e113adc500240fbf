//! ENAMEL's efficiency score with fuel as the cost (Qiu et al., ICLR 2025, §3).
//!
//! Reference cost per level T*_l (max over the level's tests), one budget per problem
//! T = α · max T*_l over the scored levels, candidate cost per level t_l (max over the
//! level's tests). Level score f_l = max(0, T − t_l) / (T − T*_l), unclipped above (faster
//! than the reference gives > 1).
//! Sample score e = Σ h_l f_l / Σ h_l over the scored levels (h_l > 0). A level whose run
//! exhausted the budget is right-censored at T: its f_l is exactly 0, and so is every later
//! level's, since they were not run.

use crate::schema::LevelScore;

/// One level's inputs to the score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LevelFuel {
    /// The largest fuel over the level's tests, all within budget.
    Finished(u64),
    /// A test ran out of fuel (cost ≥ T), or an earlier level did.
    Censored,
}

/// The budget T = α · max T*_l over the scored levels (h_l > 0), like ENAMEL's `ref_max`:
/// level 0 only checks correctness, so its cost does not set the budget. Over every level
/// when none is scored (a problem without levels). Rounded down to whole fuel.
pub fn budget(reference: &[u64], weights: &[f64], alpha: f64) -> u64 {
    let scored = reference
        .iter()
        .enumerate()
        .filter(|(l, _)| weights.get(*l).is_some_and(|&h| h > 0.0))
        .map(|(_, &r)| r);
    match scored.max() {
        Some(max) => scale(max, alpha),
        None => cap_over_all_levels(reference, alpha),
    }
}

/// α · max over every level: the default fuel cap of level 0, so that a candidate as costly
/// as the reference is never stopped on level 0 whatever the budget (it is never below T).
pub fn cap_over_all_levels(reference: &[u64], alpha: f64) -> u64 {
    scale(reference.iter().copied().max().unwrap_or(0), alpha)
}

fn scale(fuel: u64, alpha: f64) -> u64 {
    (alpha * fuel as f64).floor() as u64
}

/// f_l for one level.
pub fn level_score(budget: u64, reference: u64, cost: LevelFuel) -> f64 {
    match cost {
        LevelFuel::Censored => 0.0,
        LevelFuel::Finished(t) => {
            let denom = budget.saturating_sub(reference) as f64;
            if denom <= 0.0 {
                // The reference itself used the whole budget (α ≤ 1): no room to score.
                return if t <= reference { 1.0 } else { 0.0 };
            }
            budget.saturating_sub(t) as f64 / denom
        }
    }
}

/// The sample score e and per-level scores. `costs[l]` pairs with `reference[l]` and
/// `weights[l]`; censoring propagates to every later level.
pub fn sample_score(
    budget: u64,
    reference: &[u64],
    weights: &[f64],
    costs: &[LevelFuel],
) -> (f64, Vec<LevelScore>) {
    let mut censored = false;
    let mut levels = Vec::with_capacity(costs.len());
    let (mut num, mut den) = (0.0, 0.0);
    for (level, ((&r, &h), &c)) in reference.iter().zip(weights).zip(costs).enumerate() {
        censored |= c == LevelFuel::Censored;
        let cost = if censored { LevelFuel::Censored } else { c };
        let f = level_score(budget, r, cost);
        if h > 0.0 {
            num += h * f;
            den += h;
        }
        levels.push(LevelScore {
            level,
            reference_fuel: r,
            fuel: match cost {
                LevelFuel::Finished(t) => Some(t),
                LevelFuel::Censored => None,
            },
            censored,
            score: f,
        });
    }
    (if den > 0.0 { num / den } else { 0.0 }, levels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enamel_worked_example_with_fuel() {
        // Levels 1..3 only (level 0 has weight 0 and does not move the score).
        let reference = [50, 100, 500, 2000];
        let weights = [0.0, 3.0, 3.0, 4.0];
        let t = 4000;
        assert_eq!(budget(&reference, &weights, 2.0), t);
        // Level 0 does not set the budget, however costly, unless no level is scored.
        assert_eq!(budget(&[9000, 100, 500, 2000], &weights, 2.0), t);
        assert_eq!(cap_over_all_levels(&[9000, 100, 500, 2000], 2.0), 18000);
        assert_eq!(budget(&[9000], &[0.0], 2.0), 18000);
        let costs = [200, 200, 1000, 3000].map(LevelFuel::Finished);
        let (e, levels) = sample_score(t, &reference, &weights, &costs);
        let f: Vec<f64> = levels[1..].iter().map(|l| l.score).collect();
        for (got, want) in f.iter().zip([0.974358974, 0.857142857, 0.5]) {
            assert!((got - want).abs() < 1e-8, "{got} vs {want}");
        }
        assert!((e - 0.749450549).abs() < 1e-8, "{e}");
        // Killed on level 3: f_3 = 0.
        let killed = [
            LevelFuel::Finished(200),
            LevelFuel::Finished(200),
            LevelFuel::Finished(1000),
            LevelFuel::Censored,
        ];
        let (e, levels) = sample_score(t, &reference, &weights, &killed);
        assert!((e - 0.549450549).abs() < 1e-8, "{e}");
        assert!(levels[3].censored && levels[3].fuel.is_none());
    }

    #[test]
    fn censoring_propagates_and_faster_than_reference_exceeds_one() {
        let reference = [10, 100, 100, 100];
        let weights = [0.0, 3.0, 3.0, 4.0];
        let costs = [
            LevelFuel::Finished(10),
            LevelFuel::Censored,
            LevelFuel::Finished(50),
            LevelFuel::Finished(50),
        ];
        let (e, levels) = sample_score(200, &reference, &weights, &costs);
        assert_eq!(e, 0.0);
        assert!(levels[2].censored && levels[3].censored);
        let fast = [
            LevelFuel::Finished(5),
            LevelFuel::Finished(50),
            LevelFuel::Finished(50),
            LevelFuel::Finished(50),
        ];
        let (e, _) = sample_score(200, &reference, &weights, &fast);
        assert!((e - 1.5).abs() < 1e-12);
    }
}
