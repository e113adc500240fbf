//! Judging one candidate on one prepared problem: run the tests level by level, check every
//! answer, and score efficiency against the reference of the candidate's family.

use std::collections::HashMap;
use std::sync::Mutex;

use super::context::Context;
use super::prepare::Prepared;
use crate::candidate::{Language, Source};
use crate::judge::TestVerdict;
use crate::judge::checker::{check_exact, check_tokens};
use crate::judge::harness::{FUNCTION_HARNESS, Frame, check_stdin, harness_stdin, parse_frames};
use crate::judge::pyliteral;
use crate::judge::score::{LevelCost, LevelScore, sample_score};
use crate::judge::verdict::last_line;
use crate::problem::{Checker, Kind, Problem, TestCase};
use crate::sandbox::{Limits, RunVerdict};

/// How one test went, before checking the answer.
#[derive(Debug, Clone)]
pub(crate) enum TestRun {
    Finished {
        cost: u64,
        output: Vec<u8>,
        peak_memory: u64,
    },
    Failed {
        verdict: TestVerdict,
        peak_memory: u64,
    },
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestResult {
    pub name: String,
    pub level: usize,
    pub verdict: TestVerdict,
    /// Fuel (start-up subtracted for stdio; the metered call for function problems); absent
    /// when the run did not finish.
    pub fuel: Option<u64>,
    pub peak_memory: u64,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SampleResult {
    pub language: Language,
    /// Correct on every test that ran, and not out of fuel on level 0.
    pub passed: bool,
    /// The efficiency score e (0 when not passed).
    pub score: f64,
    /// The verdict that decided a failure (`accepted` when passed).
    pub verdict: String,
    pub levels: Vec<LevelScore>,
    pub tests: Vec<TestResult>,
}

/// Fuel of an empty program per language, subtracted from stdio costs so that interpreter
/// start-up (≈ 2.5·10^8 fuel for Python) does not blur the comparison.
#[derive(Default)]
pub struct Baselines(Mutex<HashMap<Language, u64>>);

impl Baselines {
    pub fn get(&self, ctx: &Context, language: Language) -> Result<u64, String> {
        if let Some(v) = self.0.lock().expect("baselines poisoned").get(&language) {
            return Ok(*v);
        }
        let code: &[u8] = match language {
            Language::C | Language::Cpp => b"int main(void) { return 0; }\n",
            Language::Python => b"pass\n",
            Language::Wasm | Language::Wat => return Ok(0),
        };
        let build = ctx
            .tools
            .build(&Source::new("<baseline>", language, code.to_vec()))
            .map_err(|e| e.to_string())?;
        let program = build.program.map_err(|e| {
            format!(
                "the {} toolchain cannot build an empty program: {}",
                language.name(),
                e.message
            )
        })?;
        let o = ctx
            .runner
            .run(&program, b"", &Limits::default(), 0)
            .map_err(|e| e.to_string())?;
        if o.verdict != RunVerdict::Ok {
            return Err(format!(
                "an empty {} program failed: {}",
                language.name(),
                o.verdict.name()
            ));
        }
        self.0
            .lock()
            .expect("baselines poisoned")
            .insert(language, o.fuel);
        Ok(o.fuel)
    }
}

/// Builds and runs `source` on `tests` in order, stopping at the first failure.
/// `budget` gives the fuel per test by level. `Ok(Err(message))` is a compile error.
pub(crate) fn run_source(
    ctx: &Context,
    problem: &Problem,
    source: &Source,
    tests: &[TestCase],
    budget: &dyn Fn(usize) -> u64,
    baselines: &Baselines,
) -> Result<Result<Vec<TestRun>, String>, String> {
    let limits = |fuel| Limits {
        fuel,
        memory_bytes: problem.memory_bytes,
        ..Limits::default()
    };
    match problem.kind {
        Kind::Stdio => {
            let program = match ctx.tools.build(source).map_err(|e| e.to_string())?.program {
                Ok(p) => p,
                Err(e) => return Ok(Err(e.message)),
            };
            let baseline = baselines.get(ctx, source.language)?;
            let mut runs = Vec::new();
            for test in tests {
                let o = ctx
                    .runner
                    .run(
                        &program,
                        &test.input,
                        &limits(budget(test.level).saturating_add(baseline)),
                        test.seed,
                    )
                    .map_err(|e| e.to_string())?;
                let run = match TestVerdict::from_run(&o.verdict, &o.stderr) {
                    None => TestRun::Finished {
                        cost: o.fuel.saturating_sub(baseline),
                        output: o.stdout,
                        peak_memory: o.peak_memory,
                    },
                    Some(verdict) => TestRun::Failed {
                        verdict,
                        peak_memory: o.peak_memory,
                    },
                };
                if !push_until_failure(&mut runs, run) {
                    break;
                }
            }
            Ok(Ok(runs))
        }
        Kind::Function => {
            if source.language != Language::Python {
                return Ok(Err(format!(
                    "function problems take Python candidates; this one is {}",
                    source.language.name()
                )));
            }
            let Ok(code) = std::str::from_utf8(&source.bytes) else {
                return Ok(Err("source is not valid UTF-8".into()));
            };
            let program = ctx
                .tools
                .python_program(FUNCTION_HARNESS)
                .map_err(|e| e.to_string())?;
            let entry = problem.entry_point.as_deref().unwrap_or_default();
            let stdin = match &problem.check {
                Some(check) => check_stdin(code, entry, check),
                None => {
                    let inputs: Vec<&[u8]> = tests.iter().map(|t| t.input.as_slice()).collect();
                    harness_stdin(code, entry, &inputs)
                }
            };
            let region = tests.iter().map(|t| budget(t.level)).max().unwrap_or(0);
            let run_limits = Limits {
                region_fuel: Some(region),
                ..limits(REFERENCE_OUTER_FUEL)
            };
            let o = ctx
                .runner
                .run(&program, &stdin, &run_limits, 0)
                .map_err(|e| e.to_string())?;
            let frames = parse_frames(&o.stdout);
            let regions = o
                .metered
                .as_ref()
                .map(|m| m.regions.clone())
                .unwrap_or_default();
            let mut runs = Vec::new();
            for (i, test) in tests.iter().enumerate() {
                let run = match (frames.get(i), regions.get(i)) {
                    (Some(Frame::Returned(_)), Some(&cost)) if cost > budget(test.level) => {
                        TestRun::Failed {
                            verdict: TestVerdict::FuelExhausted,
                            peak_memory: o.peak_memory,
                        }
                    }
                    (Some(Frame::Returned(value)), Some(&cost)) => TestRun::Finished {
                        cost,
                        output: value.clone().into_bytes(),
                        peak_memory: o.peak_memory,
                    },
                    // A failed assertion of a check program is a wrong answer.
                    (Some(Frame::Raised(error)), _)
                        if problem.check.is_some() && error.starts_with("AssertionError") =>
                    {
                        TestRun::Failed {
                            verdict: TestVerdict::WrongAnswer {
                                diff: format!("check() failed: {error}"),
                            },
                            peak_memory: o.peak_memory,
                        }
                    }
                    (Some(Frame::Raised(error)), _) => TestRun::Failed {
                        verdict: TestVerdict::RuntimeError {
                            detail: error.clone(),
                        },
                        peak_memory: o.peak_memory,
                    },
                    _ => TestRun::Failed {
                        verdict: TestVerdict::from_run(&o.verdict, &o.stderr).unwrap_or(
                            TestVerdict::RuntimeError {
                                detail: format!(
                                    "the harness stopped early: {}",
                                    last_line(&o.stderr)
                                ),
                            },
                        ),
                        peak_memory: o.peak_memory,
                    },
                };
                if !push_until_failure(&mut runs, run) {
                    break;
                }
            }
            Ok(Ok(runs))
        }
    }
}

/// Records a test's run; false once a test failed (later tests are not run).
fn push_until_failure(runs: &mut Vec<TestRun>, run: TestRun) -> bool {
    let failed = matches!(run, TestRun::Failed { .. });
    runs.push(run);
    !failed
}

/// Fuel outside the metered calls of a function-problem run (start-up, parsing, `repr`).
const REFERENCE_OUTER_FUEL: u64 = 200_000_000_000;

/// Checks one answer with the problem's checker.
pub(crate) fn check_output(
    ctx: &Context,
    problem: &Problem,
    test: &TestCase,
    expected: &[u8],
    actual: &[u8],
) -> Result<(), String> {
    match &problem.checker {
        Checker::Exact => check_exact(expected, actual),
        Checker::Tokens => check_tokens(expected, actual, None),
        Checker::Float { abs_tol, rel_tol } => {
            check_tokens(expected, actual, Some((*abs_tol, *rel_tol)))
        }
        Checker::Literal { float_tol } => {
            let parse = |b: &[u8], who: &str| {
                pyliteral::parse(&String::from_utf8_lossy(b))
                    .map_err(|e| format!("{who} is not a Python literal ({e})"))
            };
            pyliteral::compare(
                &parse(expected, "the expected answer")?,
                &parse(actual, "the output")?,
                *float_tol,
            )
        }
        Checker::Custom { source } => {
            let program = ctx
                .tools
                .python_program(source)
                .map_err(|e| e.to_string())?;
            let mut stdin = test.input.to_vec();
            stdin.push(0);
            stdin.extend_from_slice(expected);
            stdin.push(0);
            stdin.extend_from_slice(actual);
            let o = ctx
                .runner
                .run(&program, &stdin, &Limits::default(), 0)
                .map_err(|e| e.to_string())?;
            match o.verdict {
                RunVerdict::Ok => Ok(()),
                _ => Err(format!(
                    "the checker rejected the output: {}",
                    last_line(&o.stderr)
                )),
            }
        }
    }
}

/// Judges `source` on a prepared problem.
pub fn evaluate(
    ctx: &Context,
    prepared: &Prepared,
    source: &Source,
    baselines: &Baselines,
) -> Result<SampleResult, String> {
    let problem = &prepared.problem;
    let yard = prepared.yardstick(source.language)?;
    let t = yard.budget;
    let level0 = problem.level0_fuel.unwrap_or(t);
    let budget = move |level: usize| if level == 0 { level0 } else { t };
    let fail = |verdict: String, tests: Vec<TestResult>| SampleResult {
        language: source.language,
        passed: false,
        score: 0.0,
        verdict,
        levels: Vec::new(),
        tests,
    };
    let runs = match run_source(ctx, problem, source, &prepared.tests, &budget, baselines)? {
        Ok(runs) => runs,
        Err(message) => {
            let test = TestResult {
                name: "build".into(),
                level: 0,
                verdict: TestVerdict::CompileError { message },
                fuel: None,
                peak_memory: 0,
            };
            return Ok(fail("compile_error".into(), vec![test]));
        }
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
                let verdict = match check_output(ctx, problem, test, &prepared.expected[i], &output)
                {
                    Ok(()) => TestVerdict::Accepted,
                    Err(diff) => TestVerdict::WrongAnswer { diff },
                };
                let wrong = verdict != TestVerdict::Accepted;
                results.push(TestResult {
                    name: test.name.clone(),
                    level: test.level,
                    verdict,
                    fuel: Some(cost),
                    peak_memory,
                });
                if wrong {
                    return Ok(fail("wrong_answer".into(), results));
                }
                costs[test.level] = costs[test.level].max(cost);
            }
            TestRun::Failed {
                verdict,
                peak_memory,
            } => {
                let name = verdict.name().to_owned();
                let censor = verdict == TestVerdict::FuelExhausted && test.level > 0;
                results.push(TestResult {
                    name: test.name.clone(),
                    level: test.level,
                    verdict,
                    fuel: None,
                    peak_memory,
                });
                if !censor {
                    return Ok(fail(name, results));
                }
                censored_from = Some(test.level);
                break;
            }
        }
    }
    let level_costs: Vec<LevelCost> = (0..levels)
        .map(|l| match censored_from {
            Some(c) if l >= c => LevelCost::Censored,
            _ => LevelCost::Finished(costs[l]),
        })
        .collect();
    let weights: Vec<f64> = if problem.levels.is_empty() {
        vec![0.0]
    } else {
        problem.levels.iter().map(|l| l.weight).collect()
    };
    let (score, level_scores) = sample_score(t, &yard.per_level, &weights, &level_costs);
    Ok(SampleResult {
        language: source.language,
        passed: true,
        score,
        verdict: "accepted".into(),
        levels: level_scores,
        tests: results,
    })
}
