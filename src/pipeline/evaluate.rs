//! Judging one candidate on one prepared problem: run the tests level by level, check every
//! answer, and score efficiency against the reference of the candidate's family.

use std::collections::HashMap;
use std::sync::Mutex;

use super::context::Context;
use super::prepare::Prepared;
use crate::candidate::{Language, Source};
use crate::judge::TestVerdict;
use crate::judge::checker::{check_exact, check_tokens};
use crate::judge::score::{LevelCost, LevelScore, cap_over_all_levels, sample_score};
use crate::judge::{pickle, pyliteral};
use crate::problem::{Checker, Kind, Problem, TestCase};
use crate::sandbox::{Entry, Limits, Program, PyMode, RunVerdict, RuntimeErrorReason};

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
    /// Fuel of the run, the empty program's cost subtracted; absent when it did not finish.
    pub fuel: Option<u64>,
    /// Of `fuel`, what the I/O-idiom allowance forgave: not part of the level's cost.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub forgiven: u64,
    pub peak_memory: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
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

/// What an empty program costs, per way of running: subtracted from every measured cost,
/// so that a test is charged the candidate's work and not the harness's (≈ 10^5–10^6 fuel
/// for a Python call) or the C runtime's start-up.
#[derive(Default)]
pub struct Baselines(Mutex<HashMap<Calibration, u64>>);

/// The ways a program runs, each with its own empty-program cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Calibration {
    Command(Language),
    PythonMain,
    PythonCall,
}

/// The empty candidate of a function problem.
const EMPTY_FUNCTION: &str = "def f(*args):\n    return None\n";

impl Calibration {
    pub(crate) fn of(program: &Program, language: Language) -> Calibration {
        match &program.entry {
            Entry::Command { .. } => Calibration::Command(language),
            Entry::Python {
                mode: PyMode::Main, ..
            } => Calibration::PythonMain,
            Entry::Python {
                mode: PyMode::Call { .. },
                ..
            } => Calibration::PythonCall,
        }
    }
}

impl Baselines {
    pub(crate) fn get(&self, ctx: &Context, key: Calibration) -> Result<u64, String> {
        if let Some(v) = self.0.lock().expect("baselines poisoned").get(&key) {
            return Ok(*v);
        }
        let python = |code: &str, mode| {
            ctx.tools
                .python_program(code, mode)
                .map_err(|e| e.to_string())
        };
        let (program, input, what): (Program, Vec<u8>, &str) = match key {
            Calibration::Command(language) => {
                let code: &[u8] = match language {
                    Language::C | Language::Cpp => b"int main(void) { return 0; }\n",
                    Language::Python | Language::Wasm | Language::Wat => return Ok(0),
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
                (program, Vec::new(), language.name())
            }
            Calibration::PythonMain => (python("", PyMode::Main)?, Vec::new(), "Python"),
            Calibration::PythonCall => (
                python(EMPTY_FUNCTION, PyMode::Call { entry: "f".into() })?,
                call_input(b"()")?,
                "Python function",
            ),
        };
        let o = ctx
            .runner
            .run(&program, &input, &Limits::default(), 0)
            .map_err(|e| e.to_string())?;
        if o.verdict != RunVerdict::Ok {
            return Err(format!(
                "an empty {what} program failed: {}",
                o.verdict.name()
            ));
        }
        self.0
            .lock()
            .expect("baselines poisoned")
            .insert(key, o.fuel);
        Ok(o.fuel)
    }
}

/// The program that runs `source` on `problem`: stdio programs as built, function problems
/// through the harness's `call`. `Ok(Err(message))` is the candidate's compile error.
fn program_for(
    ctx: &Context,
    problem: &Problem,
    source: &Source,
) -> Result<Result<Program, String>, String> {
    if problem.kind == Kind::Function && source.language != Language::Python {
        return Ok(Err(format!(
            "function problems take Python candidates; this one is {}",
            source.language.name()
        )));
    }
    let mut program = match ctx.tools.build(source).map_err(|e| e.to_string())?.program {
        Ok(p) => p,
        Err(e) => return Ok(Err(e.message)),
    };
    if let (Kind::Function, Entry::Python { mode, .. }) = (problem.kind, &mut program.entry) {
        *mode = PyMode::Call {
            entry: problem.entry_point.clone().unwrap_or_default(),
        };
    }
    Ok(Ok(program))
}

/// Builds and runs `source` on `tests` in order, stopping at the first failure; every test
/// runs in a fresh instance. `budget` gives the fuel of each test (by its index). `Ok(Err(message))`
/// is a compile error.
pub(crate) fn run_source(
    ctx: &Context,
    problem: &Problem,
    source: &Source,
    tests: &[TestCase],
    budget: &dyn Fn(usize) -> u64,
    baselines: &Baselines,
) -> Result<Result<Vec<TestRun>, String>, String> {
    let program = match program_for(ctx, problem, source)? {
        Ok(p) => p,
        Err(message) => return Ok(Err(message)),
    };
    let baseline = baselines.get(ctx, Calibration::of(&program, source.language))?;
    let mut runs = Vec::new();
    for (i, test) in tests.iter().enumerate() {
        let limits = Limits {
            fuel: budget(i).saturating_add(baseline),
            memory_bytes: problem.memory_bytes,
            ..Limits::default()
        };
        let pickled;
        let input = match problem.kind {
            Kind::Stdio => test.input.as_slice(),
            Kind::Function => {
                pickled =
                    call_input(&test.input).map_err(|e| format!("test {}: {e}", test.name))?;
                pickled.as_slice()
            }
        };
        let o = ctx
            .runner
            .run(&program, input, &limits, test.run_seed())
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

/// A function test's input (the argument tuple as a Python literal) as the runtime takes it.
fn call_input(literal: &[u8]) -> Result<Vec<u8>, String> {
    let value = answer(literal, "the arguments")?;
    if value.type_name() != "tuple" {
        return Err("the arguments are not a tuple".into());
    }
    Ok(pickle::to_pickle(&value))
}

/// A Python value as the pipeline holds one: a result pickle from the runtime (it starts with
/// the PROTO opcode, which no literal does), or a literal (hand-written tests and answers,
/// generated inputs).
fn answer(bytes: &[u8], who: &str) -> Result<pyliteral::Value, String> {
    if bytes.first() == Some(&0x80) {
        return pickle::from_pickle(bytes);
    }
    pyliteral::parse(&String::from_utf8_lossy(bytes))
        .map_err(|e| format!("{who} is not a Python literal ({e})"))
}

/// Records a test's run; false once a test failed (later tests are not run).
fn push_until_failure(runs: &mut Vec<TestRun>, run: TestRun) -> bool {
    let failed = matches!(run, TestRun::Failed { .. });
    runs.push(run);
    !failed
}

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
        Checker::Literal { float_tol } => pyliteral::compare(
            &answer(expected, "the expected answer")?,
            &answer(actual, "the output")?,
            *float_tol,
        ),
        Checker::PythonEqual => pyliteral::compare_python_equal(
            &answer(expected, "the expected answer")?,
            &answer(actual, "the output")?,
        ),
        Checker::Custom { source } => {
            let program = ctx
                .tools
                .python_program(source, PyMode::Main)
                .map_err(|e| e.to_string())?;
            // One pickle of the tuple (input, expected, actual), made by the host: every
            // part is length-prefixed, so no byte of the output can change where a part
            // ends; the checker decodes it far faster than literals.
            let stdin = match problem.kind {
                // The three texts as `bytes`.
                Kind::Stdio => pickle::to_pickle(&pyliteral::Value::Tuple(vec![
                    pyliteral::Value::Bytes(test.input.to_vec()),
                    pyliteral::Value::Bytes(expected.to_vec()),
                    pyliteral::Value::Bytes(actual.to_vec()),
                ])),
                // Python values: (arguments, expected, actual).
                Kind::Function => pickle::to_pickle(&pyliteral::Value::Tuple(vec![
                    answer(&test.input, "the test input")?,
                    answer(expected, "the expected answer")?,
                    answer(actual, "the output")?,
                ])),
            };
            let o = ctx
                .runner
                .run(&program, &stdin, &Limits::default(), 0)
                .map_err(|e| e.to_string())?;
            match o.verdict {
                RunVerdict::Ok => Ok(()),
                RunVerdict::RuntimeError {
                    reason: RuntimeErrorReason::Exit { .. },
                } => Err("the checker rejected the output".into()),
                other => Err(format!(
                    "the checker rejected the output ({})",
                    other.describe()
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
    let yard = match prepared.yardstick(source.language) {
        Ok(yard) => yard,
        // Nothing to measure it against: refused, as a source over the size limit is.
        Err(message) => return Ok(refused(source, message)),
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
    let fail = |verdict: String, tests: Vec<TestResult>| failed(source, verdict, tests);
    let runs = match run_source(ctx, problem, source, &prepared.tests, &budget, baselines)? {
        Ok(runs) => runs,
        Err(message) => return Ok(refused(source, message)),
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
                    // A diff quotes the expected answer: not of a hidden test.
                    Err(_) if test.hidden => TestVerdict::WrongAnswer {
                        diff: "differs from the expected output (a hidden test: not shown)".into(),
                    },
                    Err(diff) => TestVerdict::WrongAnswer { diff },
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
                    return Ok(fail("wrong_answer".into(), results));
                }
                costs[test.level] = costs[test.level].max(cost - forgiven);
            }
            TestRun::Failed {
                verdict,
                peak_memory,
            } => {
                let name = verdict.name().to_owned();
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
    let (score, level_scores) = sample_score(t, &yard.per_level, &problem.weights(), &level_costs);
    Ok(SampleResult {
        language: source.language,
        passed: true,
        score,
        verdict: "accepted".into(),
        levels: level_scores,
        tests: results,
    })
}

fn failed(source: &Source, verdict: String, tests: Vec<TestResult>) -> SampleResult {
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
    failed(source, "compile_error".into(), vec![test])
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
