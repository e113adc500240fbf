//! Test inputs: hand-written cases, then the seeded generator's cases level by level.
//!
//! A Python generator (`gen.py`) runs in the sandbox under CPython for WASI, given a
//! `random.Random` seeded from (problem id, generator seed, level, case). A WebAssembly
//! generator (`gen.wat`, `gen.wasm`; stdio problems only) runs in the sandbox as a WASI command
//! and reads the same four numbers, `seed size level case`, in decimal on one line of stdin; it
//! needs no Python runtime. Either way the same problem yields byte-identical inputs on every
//! machine, and generated inputs are cached by everything that determines them, the
//! generator's own bytes included.

use std::sync::Arc;

use rayon::prelude::*;

use crate::cache::{Bucket, Cache};
use crate::digest::{Digest, KeyBuilder};
use crate::problem::{
    Generated, Generator, GeneratorProgram, Kind, Problem, ProblemError, TestCase, growth_seed,
    test_seed,
};
use crate::sandbox::{Limits, Program, PyMode, RunVerdict, Runner, WASMTIME_VERSION, WasmModule};
use crate::toolchain::Toolchains;

/// Runs `generate(rng, size, level, case)` from the generator source given on stdin; the
/// parameters are prepended as one line of assignments.
const GENERATOR_HARNESS: &str = r#"
import sys, random
sys.set_int_max_str_digits(0)
ns = {"__name__": "__generator__"}
exec(compile(sys.stdin.read(), "gen.py", "exec"), ns)
if "generate" not in ns:
    raise SystemExit("gen.py defines no generate(rng, size, level, case)")
value = ns["generate"](random.Random(seed), size, level, case)
if kind == "stdio":
    if not isinstance(value, str):
        raise SystemExit("generate() must return a str for a stdio problem, not " + type(value).__name__)
    sys.stdout.write(value)
else:
    if not isinstance(value, tuple):
        raise SystemExit("generate() must return a tuple of arguments for a function problem, not " + type(value).__name__)
    sys.stdout.write(repr(value))
"#;

/// Fuel and memory for one generator run: generous, it is our code.
const GENERATOR_FUEL: u64 = 50_000_000_000;

/// All tests of `problem`, hand-written first (level 0), then generated, in level order.
/// `fresh` skips the inputs cache (used to prove the generator is deterministic).
pub fn generate_tests(
    problem: &Problem,
    tools: &Toolchains,
    runner: &Runner,
    cache: Option<&Arc<Cache>>,
    fresh: bool,
) -> Result<Vec<TestCase>, ProblemError> {
    let mut tests: Vec<TestCase> = problem
        .hand_tests
        .iter()
        .map(|h| TestCase {
            name: format!("hand/{}", h.name),
            level: 0,
            input: Arc::new(h.input.clone()),
            expected: h.expected.clone(),
            generated: None,
            seed: test_seed(&problem.id, 0, None, 0, u32::MAX),
            hidden: false,
        })
        .collect();
    let Some(generator) = &problem.generator else {
        return Ok(tests);
    };
    let gen_path = &generator.path;
    let runnable = Runnable::new(problem, generator, tools)?;
    // The levels' tests, then the growth fit's extra sizes (each with its level's cases).
    let mut jobs: Vec<(usize, u32, u64, bool)> = problem
        .levels
        .iter()
        .enumerate()
        .flat_map(|(l, level)| (0..level.tests).map(move |c| (l, c, level.size, false)))
        .collect();
    for (size, l) in problem.growth_sizes() {
        jobs.extend((0..problem.levels[l].tests).map(|c| (l, c, size, true)));
    }
    let generated: Vec<Result<TestCase, ProblemError>> = runner.sandbox.pool().install(|| {
        jobs.par_iter()
            .map(|&(level, case, size, growth)| {
                let secret = generator.secret.as_ref();
                let seed = if growth {
                    growth_seed(&problem.id, generator.seed, secret, size, case)
                } else {
                    test_seed(&problem.id, generator.seed, secret, level, case)
                };
                let call = Call {
                    seed,
                    size,
                    level,
                    case,
                };
                let key = runnable.key(runner, &call);
                let cached = if fresh {
                    None
                } else {
                    cache.and_then(|c| c.get(Bucket::Inputs, &key))
                };
                let input = match cached {
                    Some(bytes) => bytes,
                    None => {
                        let (p, stdin) = runnable
                            .invocation(tools, &call)
                            .map_err(|e| ProblemError::new(gen_path, e))?;
                        let limits = Limits {
                            fuel: GENERATOR_FUEL,
                            memory_bytes: 2 << 30,
                            stdout_bytes: 256 << 20,
                            ..Limits::default()
                        };
                        let o = runner
                            .sandbox
                            .run(&p, &stdin, &limits, seed)
                            .map_err(|e| ProblemError::new(gen_path, e.to_string()))?;
                        if o.verdict != RunVerdict::Ok {
                            let (name, why) = (o.verdict.name(), o.verdict.describe());
                            return Err(ProblemError::new(
                                gen_path,
                                if why == name {
                                    format!("level {level} case {case} failed ({name})")
                                } else {
                                    format!("level {level} case {case} failed ({name}): {why}")
                                },
                            ));
                        }
                        if let Some(c) = cache {
                            let _ = c.put(Bucket::Inputs, &key, &o.stdout);
                        }
                        o.stdout
                    }
                };
                Ok(TestCase {
                    name: if growth {
                        format!("G{size}.{case}")
                    } else {
                        format!("L{level}.{case}")
                    },
                    level,
                    input: Arc::new(input),
                    expected: None,
                    generated: Some(Generated { size, case, growth }),
                    seed,
                    hidden: generator.secret.is_some(),
                })
            })
            .collect()
    });
    for (t, job) in generated.into_iter().zip(&jobs) {
        match t {
            Ok(t) => tests.push(t),
            // A generator asked for a size it was not written for may fail there: the growth
            // fit does without that test, the levels' tests must all be generated.
            Err(_) if job.3 => {}
            Err(e) => return Err(e),
        }
    }
    Ok(tests)
}

/// One generated test: what the generator is told.
struct Call {
    seed: u64,
    size: u64,
    level: usize,
    case: u32,
}

/// A generator ready to run.
enum Runnable<'a> {
    Python {
        runtime: WasmModule,
        source: &'a str,
        kind: &'static str,
    },
    /// The built WASI command.
    Wasm(Program),
}

impl<'a> Runnable<'a> {
    fn new(
        problem: &Problem,
        generator: &'a Generator,
        tools: &Toolchains,
    ) -> Result<Runnable<'a>, ProblemError> {
        let err = |message: String| ProblemError::new(&generator.path, message);
        match &generator.program {
            GeneratorProgram::Python(source) => Ok(Runnable::Python {
                runtime: tools.python_runtime().map_err(|e| err(e.to_string()))?,
                source,
                kind: match problem.kind {
                    Kind::Stdio => "stdio",
                    Kind::Function => "function",
                },
            }),
            GeneratorProgram::Wasm(source) => {
                let build = tools.build(source).map_err(|e| err(e.to_string()))?;
                let program = build.program.map_err(|e| err(one_line(&e.message)))?;
                Ok(Runnable::Wasm(program))
            }
        }
    }

    /// What the test's input is cached under: the generator's bytes and everything it is
    /// given. A WebAssembly generator's clock reads fuel, so the cost model is in its key.
    fn key(&self, runner: &Runner, call: &Call) -> Digest {
        let key = match self {
            Runnable::Python {
                runtime,
                source,
                kind,
            } => KeyBuilder::new("inputs-v2")
                .digest(&runtime.digest)
                .str(GENERATOR_HARNESS)
                .str(source)
                .str(kind),
            Runnable::Wasm(program) => KeyBuilder::new("inputs-wasm-v1")
                .str(WASMTIME_VERSION)
                .str(&runner.sandbox.cost_model().id())
                .digest(&program.module.digest),
        };
        key.u64(call.seed)
            .u64(call.size)
            .u64(call.level as u64)
            .u64(u64::from(call.case))
            .finish()
    }

    /// The program to run for `call`, and its stdin.
    fn invocation(&self, tools: &Toolchains, call: &Call) -> Result<(Program, Vec<u8>), String> {
        let Call {
            seed,
            size,
            level,
            case,
        } = call;
        match self {
            Runnable::Python { source, kind, .. } => {
                let harness = format!(
                    "kind, seed, size, level, case = {kind:?}, {seed}, {size}, {level}, {case}\n{GENERATOR_HARNESS}"
                );
                let program = tools
                    .python_program(&harness, PyMode::Main)
                    .map_err(|e| e.to_string())?;
                Ok((program, source.as_bytes().to_vec()))
            }
            Runnable::Wasm(program) => Ok((
                program.clone(),
                format!("{seed} {size} {level} {case}\n").into_bytes(),
            )),
        }
    }
}

/// A compiler's message on one line: its first line, and the place it points at
/// (`--> <anon>:2:1`) as "line 2, column 1".
fn one_line(message: &str) -> String {
    let mut lines = message.lines();
    let first = lines.next().unwrap_or_default().trim().to_owned();
    let at = lines.find_map(|l| l.trim().strip_prefix("--> "));
    let mut parts = at.unwrap_or_default().rsplitn(3, ':');
    match (parts.next(), parts.next()) {
        (Some(column), Some(line)) if at.is_some() => {
            format!("{first} (line {line}, column {column})")
        }
        _ => first,
    }
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn compiler_messages_fold_to_one_line() {
        let wat = "invalid WebAssembly text: expected `)`\n     --> <anon>:2:1\n      |\n    2 | \n      | ^";
        assert_eq!(
            one_line(wat),
            "invalid WebAssembly text: expected `)` (line 2, column 1)"
        );
        assert_eq!(one_line("plain"), "plain");
        assert_eq!(one_line(""), "");
    }
}
