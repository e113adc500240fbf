//! Test inputs: hand-written cases, then the seeded generator's cases level by level.
//!
//! The generator runs in the sandbox under CPython for WASI, given a `random.Random` seeded
//! from (problem id, generator seed, level, case), so the same problem yields byte-identical
//! inputs on every machine. Generated inputs are cached by everything that determines them.

use std::sync::Arc;

use rayon::prelude::*;

use crate::cache::{Bucket, Cache};
use crate::digest::KeyBuilder;
use crate::problem::{Kind, Problem, ProblemError, TestCase, test_seed};
use crate::sandbox::{Limits, PyMode, RunVerdict, Runner};
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
            seed: test_seed(&problem.id, 0, None, 0, u32::MAX),
            hidden: false,
        })
        .collect();
    let Some(generator) = &problem.generator else {
        return Ok(tests);
    };
    let gen_path = problem.dir.join("gen.py");
    let runtime = tools
        .python_runtime()
        .map_err(|e| ProblemError::new(&gen_path, e.to_string()))?;
    let kind = match problem.kind {
        Kind::Stdio => "stdio",
        Kind::Function => "function",
    };
    let jobs: Vec<(usize, u32, u64)> = problem
        .levels
        .iter()
        .enumerate()
        .flat_map(|(l, level)| (0..level.tests).map(move |c| (l, c, level.size)))
        .collect();
    let generated: Vec<Result<TestCase, ProblemError>> = runner.sandbox.pool().install(|| {
        jobs.par_iter()
            .map(|&(level, case, size)| {
                let seed = test_seed(
                    &problem.id,
                    generator.seed,
                    generator.secret.as_ref(),
                    level,
                    case,
                );
                let key = KeyBuilder::new("inputs-v2")
                    .digest(&runtime.digest)
                    .str(GENERATOR_HARNESS)
                    .str(&generator.source)
                    .str(kind)
                    .u64(seed)
                    .u64(size)
                    .u64(level as u64)
                    .u64(u64::from(case))
                    .finish();
                let cached = if fresh {
                    None
                } else {
                    cache.and_then(|c| c.get(Bucket::Inputs, &key))
                };
                let input = match cached {
                    Some(bytes) => bytes,
                    None => {
                        let harness = format!(
                            "kind, seed, size, level, case = {kind:?}, {seed}, {size}, {level}, {case}\n{GENERATOR_HARNESS}"
                        );
                        let p = tools
                            .python_program(&harness, PyMode::Main)
                            .map_err(|e| ProblemError::new(&gen_path, e.to_string()))?;
                        let limits = Limits {
                            fuel: GENERATOR_FUEL,
                            memory_bytes: 2 << 30,
                            stdout_bytes: 256 << 20,
                            ..Limits::default()
                        };
                        let o = runner
                            .sandbox
                            .run(&p, generator.source.as_bytes(), &limits, seed)
                            .map_err(|e| ProblemError::new(&gen_path, e.to_string()))?;
                        if o.verdict != RunVerdict::Ok {
                            let (name, why) = (o.verdict.name(), o.verdict.describe());
                            return Err(ProblemError::new(
                                &gen_path,
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
                    name: format!("L{level}.{case}"),
                    level,
                    input: Arc::new(input),
                    expected: None,
                    seed,
                    hidden: generator.secret.is_some(),
                })
            })
            .collect()
    });
    for t in generated {
        tests.push(t?);
    }
    Ok(tests)
}
