//! ENAMEL's efficiency score with fuel as the cost (Qiu et al., ICLR 2025, §3).
//!
//! Reference cost per level T*_l (max over the level's tests), one budget per problem
//! T = α · max T*_l over the scored levels, candidate cost per level t_l (max over the
//! level's tests). Level score f_l = max(0, T − t_l) / (T − T*_l), unclipped above (faster
//! than the reference gives > 1).
//! Sample score e = Σ h_l f_l / Σ h_l over the scored levels (h_l > 0). A level whose run
//! exhausted the budget is right-censored at T: its f_l is exactly 0, and so is every later
//! level's, since they were not run.

use crate::problem::TestCase;
use crate::schema::LevelScore;
use crate::stats::{Growth, GrowthFit, GrowthPoint, fit, fit_between};

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

/// The points of a program's growth fit on a problem's tests: every generated test of a level
/// ≥ 1 and every growth test that finished (`cost(i)` is `None` for one that did not run or
/// did not finish), less the program's own start-up, which does not grow with the size and
/// would flatten the fit: its cheapest finished run, normally a level-0 test of one or two
/// items. (The cheapest of all its runs, not of level 0's alone: level 0 is not scored, and a
/// program that spent its fuel there must not make every point vanish.) Level 0's inputs are
/// edge cases of mixed sizes and are not points.
pub fn growth_points(tests: &[TestCase], cost: impl Fn(usize) -> Option<u64>) -> Vec<GrowthPoint> {
    let start_up = (0..tests.len()).filter_map(&cost).min().unwrap_or(0);
    tests
        .iter()
        .enumerate()
        .filter(|(_, t)| t.level > 0)
        .filter_map(|(i, t)| {
            let g = t.generated?;
            Some(GrowthPoint {
                size: g.size,
                case: g.case,
                cost: cost(i)?.saturating_sub(start_up),
            })
        })
        .collect()
}

/// How much faster than its reference's a sample's cost grows, judged on the levels' tests
/// alone: a sample cannot pad those without paying for it in e, while the growth tests are
/// scored in no level (a sample that recognises their sizes could flatten its fit there for
/// free). `NotCompared` when the reference's level tests give no fit; `Unfitted` when the
/// sample's give none (it ran out of fuel before two sizes), which counts against it.
pub fn level_growth(
    tests: &[TestCase],
    sample: impl Fn(usize) -> Option<u64>,
    reference: impl Fn(usize) -> Option<u64>,
) -> Growth {
    let level = |i: usize| !tests[i].is_growth();
    let reference = growth_points(tests, |i| reference(i).filter(|_| level(i)));
    if fit(&reference).is_none() {
        return Growth::NotCompared;
    }
    let Some(own) = fit(&growth_points(tests, |i| sample(i).filter(|_| level(i)))) else {
        return Growth::Unfitted;
    };
    match fit_between(&reference, own.min_size, own.max_size) {
        Some(r) => Growth::Excess {
            by: own.exponent - r.exponent,
        },
        None => Growth::Unfitted,
    }
}

/// The growth fit of a program (see [`growth_points`] and [`crate::stats::fit`]).
pub fn growth_fit(tests: &[TestCase], cost: impl Fn(usize) -> Option<u64>) -> Option<GrowthFit> {
    fit(&growth_points(tests, cost))
}

/// The least memory budget before α: a reference whose tests fit in the memory every program
/// starts with (its net peak 0, or a page or two) must not make every page a candidate takes
/// cost its whole score. 1 MiB is 16 WebAssembly pages.
pub const MEMORY_FLOOR: u64 = 1 << 20;

/// The memory budget M = α · max(max M*_l over the scored levels, [`MEMORY_FLOOR`]); M*_l is
/// the reference's peak linear memory on level l (the empty program's peak subtracted).
pub fn memory_budget(reference: &[u64], weights: &[f64], alpha: f64) -> u64 {
    let floored: Vec<u64> = reference.iter().map(|&m| m.max(MEMORY_FLOOR)).collect();
    budget(&floored, weights, alpha)
}

/// One sample's level scores under one cost: the weighted mean, and per level the cost that
/// counted (`None` once censored: censoring propagates to every later level) and f_l.
fn weighted(
    budget: u64,
    reference: &[u64],
    weights: &[f64],
    costs: &[LevelFuel],
) -> (f64, Vec<(Option<u64>, f64)>) {
    let mut censored = false;
    let mut levels = Vec::with_capacity(costs.len());
    let (mut num, mut den) = (0.0, 0.0);
    for ((&r, &h), &c) in reference.iter().zip(weights).zip(costs) {
        censored |= c == LevelFuel::Censored;
        let cost = match c {
            LevelFuel::Finished(t) if !censored => Some(t),
            _ => None,
        };
        let f = level_score(
            budget,
            r,
            cost.map_or(LevelFuel::Censored, LevelFuel::Finished),
        );
        if h > 0.0 {
            num += h * f;
            den += h;
        }
        levels.push((cost, f));
    }
    (if den > 0.0 { num / den } else { 0.0 }, levels)
}

/// The reference's costs of one kind: T*_l (or M*_l) and the budget.
#[derive(Debug, Clone, Copy)]
pub struct Yard<'a> {
    pub per_level: &'a [u64],
    pub budget: u64,
}

/// A sample's scores: e (fuel), the memory score, and the per-level scores.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleScores {
    pub score: f64,
    pub memory_score: f64,
    pub levels: Vec<LevelScore>,
}

/// The sample's time and memory scores. `fuel[l]` and `memory[l]` pair with level l of each
/// yardstick and `weights[l]`; a level censored in fuel is censored in memory too (its run was
/// stopped, so its peak is not known).
pub fn sample_scores(
    time: Yard<'_>,
    space: Yard<'_>,
    weights: &[f64],
    fuel: &[LevelFuel],
    memory: &[u64],
) -> SampleScores {
    let memory: Vec<LevelFuel> = fuel
        .iter()
        .zip(memory)
        .map(|(f, &m)| match f {
            LevelFuel::Finished(_) => LevelFuel::Finished(m),
            LevelFuel::Censored => LevelFuel::Censored,
        })
        .collect();
    let (score, f) = weighted(time.budget, time.per_level, weights, fuel);
    let (memory_score, g) = weighted(space.budget, space.per_level, weights, &memory);
    let levels = f
        .into_iter()
        .zip(g)
        .enumerate()
        .map(
            |(level, ((fuel, score), (memory, memory_score)))| LevelScore {
                level,
                reference_fuel: time.per_level[level],
                fuel,
                censored: fuel.is_none(),
                score,
                reference_memory: space.per_level.get(level).copied().unwrap_or(0),
                memory,
                memory_score,
            },
        )
        .collect();
    SampleScores {
        score,
        memory_score,
        levels,
    }
}

/// The sample score e and per-level scores of one cost alone (the memory fields mirror it).
#[cfg(test)]
fn sample_score(
    budget: u64,
    reference: &[u64],
    weights: &[f64],
    costs: &[LevelFuel],
) -> (f64, Vec<LevelScore>) {
    let yard = Yard {
        per_level: reference,
        budget,
    };
    let memory: Vec<u64> = costs
        .iter()
        .map(|c| match c {
            LevelFuel::Finished(t) => *t,
            LevelFuel::Censored => 0,
        })
        .collect();
    let s = sample_scores(yard, yard, weights, costs, &memory);
    assert_eq!(s.score.to_bits(), s.memory_score.to_bits());
    (s.score, s.levels)
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
    fn memory_is_scored_like_fuel_with_a_floor_and_shares_its_censoring() {
        let weights = [0.0, 3.0, 3.0, 4.0];
        // A reference that fits in the starting memory: the floor sets the budget.
        let mem_ref = [0, 0, 65536, 65536];
        let m = memory_budget(&mem_ref, &weights, 2.0);
        assert_eq!(m, 2 * MEMORY_FLOOR);
        let time = Yard {
            per_level: &[10, 100, 100, 100],
            budget: 200,
        };
        let space = Yard {
            per_level: &mem_ref,
            budget: m,
        };
        let fuel = [10, 100, 100, 100].map(LevelFuel::Finished);
        // As lean as the reference: 1 per level; a MiB more on every level: about half.
        let lean = sample_scores(time, space, &weights, &fuel, &[0, 0, 65536, 65536]);
        assert_eq!((lean.score, lean.memory_score), (1.0, 1.0));
        let hungry = [0, MEMORY_FLOOR, MEMORY_FLOOR + 65536, MEMORY_FLOOR + 65536];
        let fat = sample_scores(time, space, &weights, &fuel, &hungry);
        assert_eq!(fat.score, 1.0);
        assert!(
            (fat.memory_score - 0.5).abs() < 0.02,
            "{}",
            fat.memory_score
        );
        assert_eq!(fat.levels[1].memory, Some(MEMORY_FLOOR));
        // Out of fuel on level 2: its memory and every later level's are censored too.
        let mut stopped = fuel;
        stopped[2] = LevelFuel::Censored;
        let s = sample_scores(time, space, &weights, &stopped, &[0, 0, 0, 0]);
        assert!((s.memory_score - 0.3).abs() < 1e-12, "{}", s.memory_score);
        assert!(s.levels[3].censored && s.levels[3].memory.is_none());
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
