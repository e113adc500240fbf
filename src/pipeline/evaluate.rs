//! Judging one candidate on one prepared problem: run the tests level by level, check every
//! answer, and score efficiency against the reference of the candidate's family.

use super::prepare::{Prepared, level_maxima};
use crate::candidate::Source;
use crate::judge::score::{
    LevelFuel, Yard, cap_over_all_levels, growth_points, level_growth, sample_scores,
};
use crate::judge::{Baselines, Check, Context, JudgeError, TestRun, check_output, run_source};
use crate::problem::{Kind, Problem, TestCase};
use crate::schema::{SampleResult, TestResult, TestVerdict, VerdictKind, Yardstick};
use crate::stats::{Growth, fit, fit_between};

/// A growth test's fuel, in budgets T: what it may cost before its size is left out of the fit.
pub const GROWTH_BUDGET: u64 = 4;

/// Judges `source` on a prepared problem.
pub fn evaluate(
    ctx: &Context,
    prepared: &Prepared,
    source: &Source,
    baselines: &Baselines,
) -> Result<SampleResult, JudgeError> {
    let problem = &prepared.problem;
    let yard = match prepared.yardstick(source.language) {
        Ok(yard) => yard,
        // Nothing to measure it against: refused, as a source over the size limit is.
        Err(missing) => return Ok(refused(source, missing.to_string())),
    };
    let t = yard.budget;
    let level0 = problem
        .level0_fuel
        .unwrap_or_else(|| cap_over_all_levels(&yard.per_level, problem.alpha))
        .saturating_add(problem.level0_tolerance_fuel);
    let allowance = |i: usize| yard.io_allowance.get(i).copied().unwrap_or(0);
    // The allowance is run time too: a candidate it forgives must not be stopped short of it.
    let budget = |i: usize| {
        let base = if prepared.tests[i].level == 0 {
            level0
        } else {
            t
        };
        base.saturating_add(allowance(i))
    };
    // Growth tests only measure: they get more room, so that a slow sample's fit reaches
    // sizes where its growth, not its start-up, dominates.
    let budget = |i: usize| {
        if prepared.tests[i].is_growth() {
            budget(i).saturating_mul(GROWTH_BUDGET)
        } else {
            budget(i)
        }
    };
    let judge = Judge {
        ctx,
        prepared,
        source,
        yard,
        baselines,
    };
    let run = |indices: &[usize], tally: &mut Tally| judge.run(indices, &budget, &allowance, tally);
    let mut tally = Tally {
        results: Vec::new(),
        finished: vec![None; prepared.tests.len()],
    };
    // The levels' tests come first; the growth fit's extra sizes after them.
    let (level_tests, _) = TestCase::split_growth(&prepared.tests);
    let scored: Vec<usize> = (0..level_tests.len()).collect();
    let censored_from = match run(&scored, &mut tally)? {
        End::Passed => None,
        End::Censored(i) => Some(prepared.tests[i].level),
        End::Failed(kind) => return Ok(failed(source, kind, tally.results)),
        End::Refused(message) => return Ok(refused(source, message)),
    };
    // The growth sizes below the first censored level's: the larger ones would run out too.
    // Running out at one of them only ends the fit below it.
    let limit = censored_from.map_or(u64::MAX, |l| {
        problem.levels.get(l).map_or(u64::MAX, |level| level.size)
    });
    let growth: Vec<usize> = (level_tests.len()..prepared.tests.len())
        .filter(|&i| prepared.tests[i].generated.is_some_and(|g| g.size < limit))
        .collect();
    match run(&growth, &mut tally)? {
        End::Passed | End::Censored(_) => {}
        End::Failed(kind) => return Ok(failed(source, kind, tally.results)),
        End::Refused(message) => return Ok(refused(source, message)),
    }
    let Tally { results, finished } = tally;
    let levels = prepared.level_count();
    let level_max = |value: fn((u64, u64)) -> u64| {
        let values: Vec<u64> = finished.iter().map(|f| f.map_or(0, value)).collect();
        level_maxima(&prepared.tests, &values, levels)
    };
    let (costs, memory) = (level_max(|(cost, _)| cost), level_max(|(_, mem)| mem));
    let finished = |i: usize| finished[i].map(|(cost, _)| cost);
    let level_costs: Vec<LevelFuel> = (0..levels)
        .map(|l| match censored_from {
            Some(c) if l >= c => LevelFuel::Censored,
            _ => LevelFuel::Finished(costs[l]),
        })
        .collect();
    let scores = sample_scores(
        Yard {
            per_level: &yard.per_level,
            budget: t,
        },
        Yard {
            per_level: &yard.memory_per_level,
            budget: yard.memory_budget,
        },
        &problem.weights(),
        &level_costs,
        &memory,
    );
    let growth = fit(&growth_points(&prepared.tests, finished));
    // The reference over the same sizes: exponents over different ranges do not compare.
    let reference_exponent = growth.as_ref().and_then(|g| {
        let points = growth_points(&prepared.tests, |i| yard.per_test.get(i).copied());
        Some(fit_between(&points, g.min_size, g.max_size)?.exponent)
    });
    let level_growth = level_growth(&prepared.tests, finished, |i| yard.per_test.get(i).copied());
    Ok(SampleResult {
        language: source.language,
        passed: true,
        score: scores.score,
        memory_score: scores.memory_score,
        growth,
        reference_exponent,
        level_growth,
        verdict: VerdictKind::Accepted,
        levels: scores.levels,
        tests: results,
    })
}

/// What the judged tests hold so far: their results, and each finished test's cost
/// (allowance forgiven) and memory, by test index.
struct Tally {
    results: Vec<TestResult>,
    finished: Vec<Option<(u64, u64)>>,
}

/// How a run of some tests ended.
enum End {
    Passed,
    /// Test `i` was censored; the later ones did not run.
    Censored(usize),
    Failed(VerdictKind),
    /// Not built: the compile error or the reason.
    Refused(String),
}

/// What judging one sample's tests needs.
struct Judge<'a> {
    ctx: &'a Context,
    prepared: &'a Prepared,
    source: &'a Source,
    yard: &'a Yardstick,
    baselines: &'a Baselines,
}

impl Judge<'_> {
    /// Runs and checks the tests at `indices`, in order, into `tally`, until one fails or is
    /// censored.
    fn run(
        &self,
        indices: &[usize],
        budget: &dyn Fn(usize) -> u64,
        allowance: &dyn Fn(usize) -> u64,
        tally: &mut Tally,
    ) -> Result<End, JudgeError> {
        let Judge {
            ctx,
            prepared,
            source,
            yard,
            baselines,
        } = *self;
        if indices.is_empty() {
            return Ok(End::Passed);
        }
        let tests: Vec<TestCase> = indices.iter().map(|&i| prepared.tests[i].clone()).collect();
        let budget = |j: usize| budget(indices[j]);
        let runs = match run_source(ctx, &prepared.problem, source, &tests, &budget, baselines)? {
            Ok(runs) => runs,
            Err(e) => return Ok(End::Refused(e.message)),
        };
        for (&i, run) in indices.iter().zip(runs) {
            match judge_run(ctx, prepared, i, run, allowance(i), yard.per_test[i])? {
                Judged::Finished { result, cost, mem } => {
                    tally.results.push(result);
                    tally.finished[i] = Some((cost, mem));
                }
                Judged::Failed(result, kind) => {
                    tally.results.push(result);
                    return Ok(End::Failed(kind));
                }
                Judged::Censored(result) => {
                    tally.results.push(result);
                    return Ok(End::Censored(i));
                }
            }
        }
        Ok(End::Passed)
    }
}

/// One test's run, checked.
enum Judged {
    /// Accepted, with its cost (allowance forgiven) and memory (the empty program's peak
    /// subtracted).
    Finished {
        result: TestResult,
        cost: u64,
        mem: u64,
    },
    /// Out of fuel (or a censored error) on a level ≥ 1: this level and later ones score 0.
    Censored(TestResult),
    /// Wrong, or failed in a way that fails the sample.
    Failed(TestResult, VerdictKind),
}

/// Checks test `i`'s run. `allowance` is the test's I/O-idiom allowance, `reference` the
/// reference's cost on it.
fn judge_run(
    ctx: &Context,
    prepared: &Prepared,
    i: usize,
    run: TestRun,
    allowance: u64,
    reference: u64,
) -> Result<Judged, JudgeError> {
    let problem = &prepared.problem;
    let test = &prepared.tests[i];
    let result = |verdict, fuel, forgiven, peak_memory| TestResult {
        name: test.name.clone(),
        level: test.level,
        verdict,
        fuel,
        forgiven,
        peak_memory,
    };
    Ok(match run {
        TestRun::Finished {
            cost,
            output,
            peak_memory,
            memory,
        } => {
            let verdict = match check_output(ctx, problem, test, &prepared.expected[i], &output)? {
                Check::Accepted => TestVerdict::Accepted,
                // A diff quotes the expected answer: not of a hidden test.
                Check::Rejected(_) if test.hidden => TestVerdict::WrongAnswer {
                    diff: "differs from the expected output (a hidden test: not shown)".into(),
                },
                Check::Rejected(diff) => TestVerdict::WrongAnswer { diff },
            };
            // Up to the allowance of what the candidate costs beyond the reference is
            // forgiven, never more: it cannot make a candidate cheaper than the reference.
            let forgiven = allowance.min(cost.saturating_sub(reference));
            if verdict != TestVerdict::Accepted {
                Judged::Failed(
                    result(verdict, Some(cost), forgiven, peak_memory),
                    VerdictKind::WrongAnswer,
                )
            } else {
                Judged::Finished {
                    result: result(verdict, Some(cost), forgiven, peak_memory),
                    cost: cost - forgiven,
                    mem: memory,
                }
            }
        }
        TestRun::Failed {
            verdict,
            peak_memory,
        } => {
            let kind = verdict.kind();
            let censor = test.level > 0 && censors(problem, &verdict);
            let result = result(verdict, None, 0, peak_memory);
            if censor {
                Judged::Censored(result)
            } else {
                Judged::Failed(result, kind)
            }
        }
    })
}

fn failed(source: &Source, verdict: VerdictKind, tests: Vec<TestResult>) -> SampleResult {
    SampleResult {
        language: source.language,
        passed: false,
        score: 0.0,
        memory_score: 0.0,
        growth: None,
        reference_exponent: None,
        level_growth: Growth::NotCompared,
        verdict,
        levels: Vec::new(),
        tests,
    }
}

/// A sample that was not built: a `compile_error` with the compiler's diagnostics or the
/// reason it was refused.
pub(crate) fn refused(source: &Source, message: String) -> SampleResult {
    let test = TestResult {
        name: "build".into(),
        level: 0,
        verdict: TestVerdict::CompileError { message },
        fuel: None,
        forgiven: 0,
        peak_memory: 0,
    };
    failed(source, VerdictKind::CompileError, vec![test])
}

/// Whether a failed run on a level ≥ 1 is right-censored (the level and later ones score 0,
/// the sample still passes) rather than a failure: running out of fuel always is; the
/// problem's `censor_errors` add Python exceptions (ENAMEL: `MemoryError`, which also
/// covers the memory cap, and `OverflowError`).
fn censors(problem: &Problem, verdict: &TestVerdict) -> bool {
    let listed = |name: &str| problem.censor_errors.iter().any(|n| n == name);
    match verdict {
        TestVerdict::FuelExhausted => true,
        // Only a function's: a stdio Python program's stdout grows in memory, so flooding it
        // ends at the memory cap, and that must fail like the output cap it stands for.
        TestVerdict::MemoryLimit => problem.kind == Kind::Function && listed("MemoryError"),
        TestVerdict::RuntimeError { detail } => raised_exception(detail).is_some_and(listed),
        _ => false,
    }
}

/// The exception class of a Python runtime error's detail (`OverflowError: …` → its name).
fn raised_exception(detail: &str) -> Option<&str> {
    let name = detail.split_once(':').map_or(detail, |(n, _)| n);
    let plain = !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_');
    plain.then_some(name)
}
