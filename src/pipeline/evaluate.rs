//! Judging one candidate on one prepared problem: run the tests level by level, check every
//! answer, and score efficiency against the reference of the candidate's family.

use super::prepare::Prepared;
use crate::candidate::Source;
use crate::judge::score::{LevelFuel, cap_over_all_levels, sample_score};
use crate::judge::{Baselines, Check, Context, JudgeError, TestRun, check_output, run_source};
use crate::problem::{Kind, Problem};
use crate::schema::{SampleResult, TestResult, TestVerdict, VerdictKind};

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
    let fail = |verdict: VerdictKind, tests: Vec<TestResult>| failed(source, verdict, tests);
    let runs = match run_source(ctx, problem, source, &prepared.tests, &budget, baselines)? {
        Ok(runs) => runs,
        Err(e) => return Ok(refused(source, e.message)),
    };
    let levels = prepared.level_count();
    let mut costs = vec![0u64; levels];
    let mut censored_from: Option<usize> = None;
    let mut results = Vec::new();
    for (i, run) in runs.into_iter().enumerate() {
        let test = &prepared.tests[i];
        match run {
            TestRun::Finished {
                cost,
                output,
                peak_memory,
            } => {
                let verdict =
                    match check_output(ctx, problem, test, &prepared.expected[i], &output)? {
                        Check::Accepted => TestVerdict::Accepted,
                        // A diff quotes the expected answer: not of a hidden test.
                        Check::Rejected(_) if test.hidden => TestVerdict::WrongAnswer {
                            diff: "differs from the expected output (a hidden test: not shown)"
                                .into(),
                        },
                        Check::Rejected(diff) => TestVerdict::WrongAnswer { diff },
                    };
                let wrong = verdict != TestVerdict::Accepted;
                // Up to the allowance of what the candidate costs beyond the reference is
                // forgiven, never more: it cannot make a candidate cheaper than the reference.
                let forgiven = allowance(i).min(cost.saturating_sub(yard.per_test[i]));
                results.push(TestResult {
                    name: test.name.clone(),
                    level: test.level,
                    verdict,
                    fuel: Some(cost),
                    forgiven,
                    peak_memory,
                });
                if wrong {
                    return Ok(fail(VerdictKind::WrongAnswer, results));
                }
                costs[test.level] = costs[test.level].max(cost - forgiven);
            }
            TestRun::Failed {
                verdict,
                peak_memory,
            } => {
                let kind = verdict.kind();
                let censor = test.level > 0 && censors(problem, &verdict);
                results.push(TestResult {
                    name: test.name.clone(),
                    level: test.level,
                    verdict,
                    fuel: None,
                    forgiven: 0,
                    peak_memory,
                });
                if !censor {
                    return Ok(fail(kind, results));
                }
                censored_from = Some(test.level);
                break;
            }
        }
    }
    let level_costs: Vec<LevelFuel> = (0..levels)
        .map(|l| match censored_from {
            Some(c) if l >= c => LevelFuel::Censored,
            _ => LevelFuel::Finished(costs[l]),
        })
        .collect();
    let (score, level_scores) = sample_score(t, &yard.per_level, &problem.weights(), &level_costs);
    Ok(SampleResult {
        language: source.language,
        passed: true,
        score,
        verdict: VerdictKind::Accepted,
        levels: level_scores,
        tests: results,
    })
}

fn failed(source: &Source, verdict: VerdictKind, tests: Vec<TestResult>) -> SampleResult {
    SampleResult {
        language: source.language,
        passed: false,
        score: 0.0,
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
