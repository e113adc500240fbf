//! Preparing a problem for judging: its tests, the expected answers, and each reference
//! family's costs per level (the yardstick T*_l and budget T).

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::generate::generate_tests;
use crate::candidate::{Family, Language, Source};
use crate::judge::score::{budget, growth_fit, memory_budget};
use crate::judge::{Baselines, Check, Context, JudgeError, TestRun, check_output, run_source};
use crate::problem::{Kind, Problem, ProblemError, TestCase};
use crate::schema::{TestVerdict, Yardstick};

#[derive(Debug, Clone)]
pub struct Prepared {
    pub problem: Arc<Problem>,
    pub tests: Vec<TestCase>,
    /// The answer each test expects (hand-written `.out`, else the first reference's output).
    pub expected: Vec<Arc<Vec<u8>>>,
    pub yardsticks: BTreeMap<Family, Yardstick>,
    /// Compiler version lines the references and I/O probes were built with, by language.
    pub compilers: BTreeMap<String, String>,
}

impl Prepared {
    pub fn level_count(&self) -> usize {
        self.problem.levels.len().max(1)
    }

    /// The growth sizes kept: those whose tests were generated and answered by every
    /// reference, ascending.
    pub fn growth_sizes(&self) -> Vec<u64> {
        let mut sizes: Vec<u64> = self
            .tests
            .iter()
            .filter(|t| t.is_growth())
            .filter_map(|t| Some(t.generated?.size))
            .collect();
        sizes.sort_unstable();
        sizes.dedup();
        sizes
    }

    /// The yardstick for a candidate's language, or what is missing.
    pub fn yardstick(&self, language: Language) -> Result<&Yardstick, NoReference> {
        self.yardsticks
            .get(&language.family())
            .ok_or_else(|| NoReference {
                problem: self.problem.id.clone(),
                language,
                have: self.yardsticks.values().map(|y| y.language).collect(),
            })
    }
}

/// A candidate whose language family has no reference on its problem: nothing to measure
/// it against.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "problem `{problem}` has no reference for {} candidates (it has: {}); add reference/{problem}/ref.{}",
    language.name(),
    have.iter().map(|l| l.name()).collect::<Vec<_>>().join(", "),
    if language.family() == Family::Python { "py" } else { "cpp" }
)]
pub struct NoReference {
    pub problem: String,
    pub language: Language,
    pub have: Vec<Language>,
}

/// A reference family's costs, memory and answers, per test.
type ReferenceRun = (Family, Vec<u64>, Vec<u64>, Vec<Arc<Vec<u8>>>);

/// Fuel for reference runs: references are trusted but must finish.
pub const REFERENCE_FUEL: u64 = 200_000_000_000;

/// A reference's fuel on a growth test, in its costliest level test: a growth size lies below
/// the largest level's, so a reference that needs more was given an input it was not made for.
const GROWTH_REFERENCE_FUEL: u64 = 4;

/// A reference's cost, memory and answer on one test.
type Answer = (u64, u64, Arc<Vec<u8>>);

/// A reference on the levels' tests, and on each growth test where it finished.
type RunsOfReference = (ReferenceRun, Vec<Option<Answer>>);

/// A reference on the levels' tests: every one must finish.
fn reference_runs(
    ctx: &Context,
    problem: &Problem,
    source: &Source,
    tests: &[TestCase],
    baselines: &Baselines,
) -> Result<Vec<Answer>, ProblemError> {
    let path = std::path::PathBuf::from(&source.origin);
    let runs = run_source(ctx, problem, source, tests, &|_| REFERENCE_FUEL, baselines)
        .map_err(|e| ProblemError::new(&path, e.to_string()))?
        .map_err(|e| {
            ProblemError::new(
                &path,
                format!("the reference does not build: {}", e.message),
            )
        })?;
    tests
        .iter()
        .zip(runs)
        .map(|(test, run)| match run {
            TestRun::Finished {
                cost,
                output,
                memory,
                ..
            } => Ok((cost, memory, Arc::new(output))),
            TestRun::Failed { verdict, .. } => Err(ProblemError::new(
                &path,
                format!(
                    "the reference fails test {}: {}",
                    test.name,
                    describe(&verdict)
                ),
            )),
        })
        .collect()
}

/// A reference on each growth test, alone (one that fails does not stop the others), with
/// `fuel` each; `None` where it failed.
fn growth_runs(
    ctx: &Context,
    problem: &Problem,
    source: &Source,
    tests: &[TestCase],
    fuel: u64,
    baselines: &Baselines,
) -> Vec<Option<Answer>> {
    tests
        .iter()
        .map(|test| {
            let run = run_source(
                ctx,
                problem,
                source,
                std::slice::from_ref(test),
                &|_| fuel,
                baselines,
            );
            match run {
                Ok(Ok(mut runs)) => match runs.pop() {
                    Some(TestRun::Finished {
                        cost,
                        output,
                        memory,
                        ..
                    }) => Some((cost, memory, Arc::new(output))),
                    _ => None,
                },
                _ => None,
            }
        })
        .collect()
}

pub fn prepare(
    ctx: &Context,
    problem: Arc<Problem>,
    baselines: &Baselines,
) -> Result<Prepared, ProblemError> {
    let generated = generate_tests(&problem, &ctx.tools, &ctx.runner, ctx.cache.as_ref(), false)?;
    let levels = problem.levels.len().max(1);
    let refs: Vec<(Family, &crate::candidate::Source)> =
        problem.references.iter().map(|(f, s)| (*f, s)).collect();
    // The levels' tests, which every reference must pass; the growth tests after them.
    let (level_tests, growth_tests) = TestCase::split_growth(&generated);
    let runs: Vec<Result<RunsOfReference, ProblemError>> =
        ctx.runner.sandbox.pool().install(|| {
            refs.par_iter()
                .map(|(family, source)| {
                    let runs = reference_runs(ctx, &problem, source, level_tests, baselines)?;
                    let (costs, memory, answers) = runs.into_iter().fold(
                        (Vec::new(), Vec::new(), Vec::new()),
                        |(mut c, mut m, mut a), (cost, mem, answer)| {
                            c.push(cost);
                            m.push(mem);
                            a.push(answer);
                            (c, m, a)
                        },
                    );
                    let cap = costs
                        .iter()
                        .copied()
                        .max()
                        .unwrap_or(0)
                        .saturating_mul(GROWTH_REFERENCE_FUEL)
                        .max(PROBE_FUEL_FLOOR);
                    let growth = growth_runs(ctx, &problem, source, growth_tests, cap, baselines);
                    Ok(((*family, costs, memory, answers), growth))
                })
                .collect()
        });
    let runs = runs.into_iter().collect::<Result<Vec<_>, _>>()?;
    // A growth size is kept where every reference answers it, alike: a generator asked for a
    // size it was not written for may give an input its references cannot take.
    let kept: Vec<usize> = (0..growth_tests.len())
        .filter(|&j| {
            let answers: Vec<&Answer> = runs.iter().filter_map(|(_, g)| g[j].as_ref()).collect();
            answers.len() == runs.len()
                && answers.windows(2).all(|w| {
                    matches!(
                        check_output(ctx, &problem, &growth_tests[j], &w[0].2, &w[1].2),
                        Ok(Check::Accepted)
                    )
                })
        })
        .collect();
    let mut tests = level_tests.to_vec();
    tests.extend(kept.iter().map(|&j| growth_tests[j].clone()));
    let runs = runs.into_iter().map(
        |((family, mut costs, mut memory, mut answers), mut growth)| {
            for &j in &kept {
                let (cost, mem, answer) = growth[j].take().expect("kept growth tests ran");
                costs.push(cost);
                memory.push(mem);
                answers.push(answer);
            }
            (family, costs, memory, answers)
        },
    );
    let mut yardsticks = BTreeMap::new();
    let mut expected: Option<Vec<Arc<Vec<u8>>>> = None;
    for (family, costs, memory, answers) in runs {
        let per_level = level_maxima(&tests, &costs, levels);
        let memory_per_level = level_maxima(&tests, &memory, levels);
        let language = problem.references[&family].language;
        let weights = problem.weights();
        let yard = Yardstick {
            language,
            budget: budget(&per_level, &weights, problem.alpha),
            io_allowance: Vec::new(),
            growth: growth_fit(&tests, |i| Some(costs[i])),
            per_test: costs,
            per_level,
            memory_budget: memory_budget(&memory_per_level, &weights, problem.alpha),
            memory_per_test: memory,
            memory_per_level,
        };
        if yard.budget == 0 {
            return Err(ProblemError::new(
                &problem.dir,
                "the reference costs no fuel; tests are too small to measure",
            ));
        }
        yardsticks.insert(family, yard);
        match &expected {
            None => expected = Some(answers),
            Some(first) => {
                // References of different languages must agree (through the problem's checker).
                for ((test, want), got) in tests.iter().zip(first).zip(&answers) {
                    if let Check::Rejected(diff) = checked(ctx, &problem, test, want, got)? {
                        return Err(ProblemError::new(
                            &problem.references[&family].origin,
                            format!(
                                "disagrees with the other reference on test {}: {diff}",
                                test.name
                            ),
                        ));
                    }
                }
            }
        }
    }
    let mut expected = expected.unwrap_or_default();
    for (i, test) in tests.iter().enumerate() {
        if let Some(out) = &test.expected {
            // The reference must match hand-written answers.
            if let Check::Rejected(diff) = checked(ctx, &problem, test, out, &expected[i])? {
                return Err(ProblemError::new(
                    problem
                        .dir
                        .join("tests")
                        .join(format!("{}.out", test.name.trim_start_matches("hand/"))),
                    format!("the reference's answer differs: {diff}"),
                ));
            }
            expected[i] = Arc::new(out.clone());
        }
    }
    if problem.kind == Kind::Stdio {
        // The probes are C++ and Python programs. A WebAssembly reference is hand-written, with
        // no language idiom to measure against, and judging a problem that has one must need
        // neither clang nor the Python runtime (nor give other results where they are
        // missing): it gets no allowance.
        let probed = yardsticks
            .iter_mut()
            .filter(|(_, yard)| !matches!(yard.language, Language::Wasm | Language::Wat));
        for (family, yard) in probed {
            yard.io_allowance = io_allowance(
                ctx,
                &problem,
                *family,
                &tests,
                &expected,
                &yard.per_test,
                baselines,
            );
        }
    }
    // What built the references and probes: a run judging this problem from a pack records
    // the same compilers as one that prepared it.
    let versions = ctx.tools.compiler_versions();
    let mut compiled: Vec<Language> = problem
        .references
        .values()
        .map(|s| s.language)
        .filter(|l| matches!(l, Language::C | Language::Cpp))
        .collect();
    if problem.kind == Kind::Stdio
        && yardsticks
            .values()
            .any(|y| matches!(y.language, Language::C | Language::Cpp))
    {
        compiled.push(probes(Family::Native).language);
    }
    let compilers = compiled
        .into_iter()
        .filter_map(|l| Some((l.name().to_owned(), versions.get(l.name())?.clone())))
        .collect();
    Ok(Prepared {
        problem,
        tests,
        expected,
        yardsticks,
        compilers,
    })
}

/// The largest value of each level's tests (growth tests belong to no level's score).
pub(crate) fn level_maxima(tests: &[TestCase], values: &[u64], levels: usize) -> Vec<u64> {
    let mut maxima = vec![0u64; levels];
    for (test, &v) in tests.iter().zip(values) {
        if !test.is_growth() {
            maxima[test.level] = maxima[test.level].max(v);
        }
    }
    maxima
}

/// Every problem of a set prepared, in parallel, in the set's order.
pub fn prepare_all<'a>(
    ctx: &Context,
    problems: &'a [Problem],
) -> Vec<(&'a Problem, Result<Prepared, ProblemError>)> {
    let baselines = Baselines::default();
    ctx.runner.sandbox.pool().install(|| {
        problems
            .par_iter()
            .map(|p| (p, prepare(ctx, Arc::new(p.clone()), &baselines)))
            .collect()
    })
}

/// [`check_output`], fuelgauge's own failure named after the problem.
fn checked(
    ctx: &Context,
    problem: &Problem,
    test: &TestCase,
    expected: &[u8],
    actual: &[u8],
) -> Result<Check, ProblemError> {
    check_output(ctx, problem, test, expected, actual)
        .map_err(|e: JudgeError| ProblemError::new(&problem.dir, e.to_string()))
}

fn describe(v: &TestVerdict) -> String {
    use TestVerdict::*;
    match v {
        RuntimeError { detail } => format!("runtime_error ({detail})"),
        WrongAnswer { diff } => format!("wrong_answer ({diff})"),
        CompileError { message } => format!("compile_error ({message})"),
        other => other.name().to_owned(),
    }
}

/// fuelgauge's I/O probes per language family: the most expensive common idiom and the
/// references' own, for reading the input and for writing the answer.
struct Probes {
    language: Language,
    read: [&'static str; 2],
    write: [&'static str; 2],
}

fn probes(family: Family) -> Probes {
    match family {
        Family::Python => Probes {
            language: Language::Python,
            read: [
                include_str!("probes/read_max.py"),
                include_str!("probes/read_min.py"),
            ],
            write: [
                include_str!("probes/write_max.py"),
                include_str!("probes/write_min.py"),
            ],
        },
        Family::Native => Probes {
            language: Language::Cpp,
            read: [
                include_str!("probes/read_max.cpp"),
                include_str!("probes/read_min.cpp"),
            ],
            write: [
                include_str!("probes/write_max.cpp"),
                include_str!("probes/write_min.cpp"),
            ],
        },
    }
}

/// The I/O-idiom allowance of each test: (max − min) of the read probes on its input plus
/// (max − min) of the write probes on its answer. A probe that fails on a test (an input it
/// cannot read, say) gives that test no allowance: the allowance is only ever a concession.
fn io_allowance(
    ctx: &Context,
    problem: &Problem,
    family: Family,
    tests: &[TestCase],
    expected: &[Arc<Vec<u8>>],
    reference: &[u64],
    baselines: &Baselines,
) -> Vec<u64> {
    let probes = probes(family);
    let answers: Vec<TestCase> = tests
        .iter()
        .zip(expected)
        .map(|(t, answer)| TestCase {
            input: answer.clone(),
            ..t.clone()
        })
        .collect();
    // A probe reads or writes what the reference did: ten times the reference's fuel (and
    // a floor for tiny tests) is far more than it needs, and stops a probe that loops.
    let fuel = |i: usize| reference[i].saturating_mul(10).max(PROBE_FUEL_FLOOR);
    let runs: Vec<Vec<Option<u64>>> = ctx.runner.sandbox.pool().install(|| {
        [
            (probes.read[0], tests),
            (probes.read[1], tests),
            (probes.write[0], &answers[..]),
            (probes.write[1], &answers[..]),
        ]
        .par_iter()
        .map(|(code, inputs)| {
            let source = Source::new(
                "fuelgauge's I/O probe",
                probes.language,
                code.as_bytes().to_vec(),
            );
            let mut costs = vec![None; tests.len()];
            if let Ok(Ok(runs)) = run_source(ctx, problem, &source, inputs, &fuel, baselines) {
                for (slot, run) in costs.iter_mut().zip(runs) {
                    if let TestRun::Finished { cost, .. } = run {
                        *slot = Some(cost);
                    }
                }
            }
            costs
        })
        .collect()
    });
    let spread = |max: &[Option<u64>], min: &[Option<u64>], i: usize| match (max[i], min[i]) {
        (Some(max), Some(min)) => max.saturating_sub(min),
        _ => 0,
    };
    (0..tests.len())
        .map(|i| spread(&runs[0], &runs[1], i) + spread(&runs[2], &runs[3], i))
        .collect()
}

/// The least fuel a probe gets per test.
const PROBE_FUEL_FLOOR: u64 = 1_000_000_000;
