//! Running a candidate on tests and checking its answers: the judge's two primitives, used
//! to judge candidates (`pipeline::evaluate`) and to measure references (`pipeline::prepare`).

use std::collections::HashMap;
use std::sync::Mutex;

use super::checker::{check_exact, check_tokens};
use super::context::Context;
use super::error::JudgeError;
use super::{pickle, pyliteral};
use crate::candidate::{Language, Source};
use crate::problem::{Checker, Kind, Problem, TestCase};
use crate::sandbox::{Entry, Limits, Program, PyMode, RunVerdict, RuntimeErrorReason};
use crate::schema::TestVerdict;
use crate::toolchain::CompileError;

/// What a checker said of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    Accepted,
    /// With a short, bounded description of the first difference.
    Rejected(String),
}

/// How one test went, before checking the answer.
#[derive(Debug, Clone)]
pub enum TestRun {
    Finished {
        cost: u64,
        output: Vec<u8>,
        /// Peak linear memory, all memories and tables of the instance together.
        peak_memory: u64,
        /// Of it, what the empty program's peak does not cover: the test's own memory.
        memory: u64,
    },
    Failed {
        verdict: TestVerdict,
        peak_memory: u64,
    },
}

/// What an empty program costs, per way of running: subtracted from every measured cost,
/// so that a test is charged the candidate's work and not the harness's (≈ 10^5–10^6 fuel
/// for a Python call) or the C runtime's start-up; and its peak memory, subtracted from every
/// peak (the interpreter's heap, the C runtime's stack and data).
#[derive(Default)]
pub struct Baselines(Mutex<HashMap<Calibration, Baseline>>);

/// An empty program's fuel and peak linear memory.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Baseline {
    pub(crate) fuel: u64,
    pub(crate) peak_memory: u64,
}

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
    pub(crate) fn get(&self, ctx: &Context, key: Calibration) -> Result<Baseline, JudgeError> {
        if let Some(v) = self.0.lock().expect("baselines poisoned").get(&key) {
            return Ok(*v);
        }
        let python = |code: &str, mode| ctx.tools.python_program(code, mode);
        let (program, input, what): (Program, Vec<u8>, &str) = match key {
            Calibration::Command(language) => {
                let code: &[u8] = match language {
                    Language::C | Language::Cpp => b"int main(void) { return 0; }\n",
                    Language::Python | Language::Wasm | Language::Wat => {
                        return Ok(Baseline::default());
                    }
                };
                let build = ctx
                    .tools
                    .build(&Source::new("<baseline>", language, code.to_vec()))?;
                let program = build.program.map_err(|e| JudgeError::EmptyBuild {
                    language: language.name(),
                    message: e.message,
                })?;
                (program, Vec::new(), language.name())
            }
            Calibration::PythonMain => (python("", PyMode::Main)?, Vec::new(), "Python"),
            Calibration::PythonCall => (
                python(EMPTY_FUNCTION, PyMode::Call { entry: "f".into() })?,
                call_input(b"()").map_err(|message| JudgeError::Arguments {
                    test: "<baseline>".into(),
                    message,
                })?,
                "Python function",
            ),
        };
        let o = ctx.runner.run(&program, &input, &Limits::default(), 0)?;
        if o.verdict != RunVerdict::Ok {
            return Err(JudgeError::EmptyRun {
                what,
                verdict: o.verdict.name().to_owned(),
            });
        }
        let baseline = Baseline {
            fuel: o.fuel,
            peak_memory: o.peak_memory,
        };
        self.0
            .lock()
            .expect("baselines poisoned")
            .insert(key, baseline);
        Ok(baseline)
    }
}

/// The program that runs `source` on `problem`: stdio programs as built, function problems
/// through the harness's `call`. `Ok(Err(_))` is the candidate's compile error.
fn program_for(
    ctx: &Context,
    problem: &Problem,
    source: &Source,
) -> Result<Result<Program, CompileError>, JudgeError> {
    if problem.kind == Kind::Function && source.language != Language::Python {
        return Ok(Err(CompileError::new(
            crate::toolchain::CompileErrorKind::Refused,
            format!(
                "function problems take Python candidates; this one is {}",
                source.language.name()
            ),
        )));
    }
    let mut program = match ctx.tools.build(source)?.program {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    if let (Kind::Function, Entry::Python { mode, .. }) = (problem.kind, &mut program.entry) {
        *mode = PyMode::Call {
            entry: problem.entry_point.clone().unwrap_or_default(),
        };
    }
    Ok(Ok(program))
}

/// Builds and runs `source` on `tests` in order, stopping at the first failure; every test
/// runs in a fresh instance. `budget` gives the fuel of each test (by its index). `Ok(Err(_))`
/// is the candidate's compile error.
pub fn run_source(
    ctx: &Context,
    problem: &Problem,
    source: &Source,
    tests: &[TestCase],
    budget: &dyn Fn(usize) -> u64,
    baselines: &Baselines,
) -> Result<Result<Vec<TestRun>, CompileError>, JudgeError> {
    let program = match program_for(ctx, problem, source)? {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    let baseline = baselines.get(ctx, Calibration::of(&program, source.language))?;
    let mut runs = Vec::new();
    for (i, test) in tests.iter().enumerate() {
        let limits = Limits {
            fuel: budget(i).saturating_add(baseline.fuel),
            memory_bytes: problem.memory_bytes,
            ..Limits::default()
        };
        let pickled;
        let input = match problem.kind {
            Kind::Stdio => test.input.as_slice(),
            Kind::Function => {
                pickled = call_input(&test.input).map_err(|message| JudgeError::Arguments {
                    test: test.name.clone(),
                    message,
                })?;
                pickled.as_slice()
            }
        };
        let o = ctx.runner.run(&program, input, &limits, test.run_seed())?;
        let run = match TestVerdict::from_run(&o.verdict, &o.stderr) {
            None => TestRun::Finished {
                cost: o.fuel.saturating_sub(baseline.fuel),
                output: o.stdout,
                peak_memory: o.peak_memory,
                memory: o.peak_memory.saturating_sub(baseline.peak_memory),
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

/// Checks one answer with the problem's checker. An answer that cannot be read as the
/// checker needs (not a Python literal, say) is rejected; `Err` is fuelgauge's own failure.
pub fn check_output(
    ctx: &Context,
    problem: &Problem,
    test: &TestCase,
    expected: &[u8],
    actual: &[u8],
) -> Result<Check, JudgeError> {
    let verdict = |r: Result<(), String>| match r {
        Ok(()) => Check::Accepted,
        Err(diff) => Check::Rejected(diff),
    };
    match &problem.checker {
        Checker::Exact => Ok(verdict(check_exact(expected, actual))),
        Checker::Tokens => Ok(verdict(check_tokens(expected, actual, None))),
        Checker::Float { abs_tol, rel_tol } => Ok(verdict(check_tokens(
            expected,
            actual,
            Some((*abs_tol, *rel_tol)),
        ))),
        Checker::Literal { float_tol } => Ok(verdict(
            literals(expected, actual).and_then(|(e, a)| pyliteral::compare(&e, &a, *float_tol)),
        )),
        Checker::PythonEqual => {
            Ok(verdict(literals(expected, actual).and_then(|(e, a)| {
                pyliteral::compare_python_equal(&e, &a)
            })))
        }
        Checker::Custom { source } => {
            let program = ctx.tools.python_program(source, PyMode::Main)?;
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
                Kind::Function => {
                    match (
                        answer(&test.input, "the test input"),
                        literals(expected, actual),
                    ) {
                        (Ok(input), Ok((e, a))) => {
                            pickle::to_pickle(&pyliteral::Value::Tuple(vec![input, e, a]))
                        }
                        (Err(diff), _) | (_, Err(diff)) => return Ok(Check::Rejected(diff)),
                    }
                }
            };
            let o = ctx.runner.run(&program, &stdin, &Limits::default(), 0)?;
            Ok(match o.verdict {
                RunVerdict::Ok => Check::Accepted,
                RunVerdict::RuntimeError {
                    reason: RuntimeErrorReason::Exit { .. },
                } => Check::Rejected("the checker rejected the output".into()),
                other => Check::Rejected(format!(
                    "the checker rejected the output ({})",
                    other.describe()
                )),
            })
        }
    }
}

/// The expected answer and the output as Python values, or why one is not.
fn literals(
    expected: &[u8],
    actual: &[u8],
) -> Result<(pyliteral::Value, pyliteral::Value), String> {
    Ok((
        answer(expected, "the expected answer")?,
        answer(actual, "the output")?,
    ))
}
