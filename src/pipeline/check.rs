//! `fuelgauge problems check`: is a problem set sound?
//!
//! Per problem: the schema (at load), generator determinism (a second, uncached generation
//! gives identical bytes), every reference accepted on the hand-written tests and agreeing
//! with the other references on every generated input (in `prepare`), the reference's fuel
//! per level, and the differentiation check: every `slow.*` solution passes and scores
//! e < 0.5, proving the levels separate good algorithms from bad ones.

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::evaluate::evaluate;
use super::generate::generate_tests;
use super::prepare::prepare;
use crate::judge::{Baselines, Context};
use crate::problem::{GeneratorProgram, Problem};
use crate::schema::{ProblemCheck, SLOW_SCORE_LIMIT, SlowCheck};

pub fn check_problem(ctx: &Context, problem: Problem, baselines: &Baselines) -> ProblemCheck {
    let problem = Arc::new(problem);
    let mut check = ProblemCheck {
        id: problem.id.clone(),
        kind: problem.kind,
        tests: 0,
        yardsticks: BTreeMap::new(),
        slow: Vec::new(),
        failures: Vec::new(),
    };
    let prepared = match prepare(ctx, problem.clone(), baselines) {
        Ok(p) => p,
        Err(e) => {
            check.failures.push(e.to_string());
            return check;
        }
    };
    check.tests = prepared.tests.len();
    check.yardsticks = prepared.yardsticks.clone();
    match generate_tests(&problem, &ctx.tools, &ctx.runner, ctx.cache.as_ref(), true) {
        Ok(again) if again == prepared.tests => {}
        Ok(again) => {
            let first = again
                .iter()
                .zip(&prepared.tests)
                .find(|(a, b)| a != b)
                .map(|(a, _)| a.name.clone());
            let generator = problem.generator.as_ref();
            let hint = match generator.map(|g| &g.program) {
                Some(GeneratorProgram::Wasm(_)) => "derive every choice from the seed on stdin",
                _ => "use only the rng argument",
            };
            check.failures.push(format!(
                "{}: the generator is not deterministic (test {} differs between two runs); {hint}",
                generator
                    .map_or(problem.dir.clone(), |g| g.path.clone())
                    .display(),
                first.unwrap_or_else(|| "count".into())
            ));
        }
        Err(e) => check.failures.push(e.to_string()),
    }
    for source in &problem.slow {
        match evaluate(ctx, &prepared, source, baselines) {
            Err(e) => check.failures.push(format!("{}: {e}", source.origin)),
            Ok(r) => {
                if !r.passed {
                    check.failures.push(format!(
                        "{}: the slow solution must be correct, but got {}",
                        source.origin, r.verdict
                    ));
                } else if r.score >= SLOW_SCORE_LIMIT {
                    check.failures.push(format!(
                        "{}: scores e = {:.3}, not below {SLOW_SCORE_LIMIT}; the levels do not separate it from the reference (raise the sizes)",
                        source.origin, r.score
                    ));
                }
                check.slow.push(SlowCheck {
                    file: source.origin.clone(),
                    language: source.language,
                    passed: r.passed,
                    score: r.score,
                    verdict: r.verdict,
                });
            }
        }
    }
    check
}

/// Checks every problem, in parallel; results in the order given.
pub fn check_set(ctx: &Context, problems: Vec<Problem>) -> Vec<ProblemCheck> {
    let baselines = Baselines::default();
    ctx.runner.sandbox.pool().install(|| {
        problems
            .into_par_iter()
            .map(|p| check_problem(ctx, p, &baselines))
            .collect()
    })
}
