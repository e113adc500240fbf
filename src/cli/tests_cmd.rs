//! `fuelgauge problems tests [DIR] -o OUT`: every problem's tests as files.

use std::path::Path;
use std::process::ExitCode;

use super::args::{GlobalArgs, TestsArgs};
use super::check_cmd::load_selected;
use super::context::context;
use super::exit;
use crate::pipeline::prepare::{Prepared, prepare_all};
use crate::problem::Kind;

/// `OUT/<problem>/manifest.json`.
#[derive(serde::Serialize)]
struct Manifest<'a> {
    schema_version: u32,
    problem: &'a str,
    kind: Kind,
    alpha: f64,
    /// h_l per level.
    weights: Vec<f64>,
    /// The reference's fuel budget T per language.
    budget: std::collections::BTreeMap<&'static str, u64>,
    tests: Vec<TestEntry<'a>>,
}

#[derive(serde::Serialize)]
struct TestEntry<'a> {
    name: &'a str,
    level: usize,
    /// File names, beside the manifest.
    input: String,
    expected: String,
    /// Fuel of each reference on this test (start-up subtracted), by language.
    reference_fuel: std::collections::BTreeMap<&'static str, u64>,
}

pub(crate) fn run(global: &GlobalArgs, args: &TestsArgs) -> anyhow::Result<ExitCode> {
    let (problems, load_errors) = load_selected(&args.set)?;
    let ctx = context(global, args.jobs.get())?;
    eprintln!("generating the tests of {} problems…", problems.len());
    let mut failed = load_errors.len();
    for (problem, result) in prepare_all(&ctx, &problems) {
        match result {
            Ok(prepared) => write_problem(&args.output.join(&problem.id), &prepared)?,
            Err(e) => {
                eprintln!("error: {e}");
                failed += 1;
            }
        }
    }
    eprintln!("tests written to {}", args.output.display());
    Ok(if failed == 0 {
        exit::SUCCESS
    } else {
        exit::failure()
    })
}

fn write_problem(dir: &Path, prepared: &Prepared) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
    let problem = &prepared.problem;
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))
    };
    let mut tests = Vec::with_capacity(prepared.tests.len());
    for (i, (test, expected)) in prepared.tests.iter().zip(&prepared.expected).enumerate() {
        // Test names hold `/` (`hand/sample`); files are named by position and name.
        let stem = format!("{i:03}-{}", test.name.replace('/', "-"));
        write(&format!("{stem}.in"), &test.input)?;
        write(&format!("{stem}.out"), expected)?;
        tests.push(TestEntry {
            name: &test.name,
            level: test.level,
            input: format!("{stem}.in"),
            expected: format!("{stem}.out"),
            reference_fuel: prepared
                .yardsticks
                .values()
                .map(|y| (y.language.name(), y.per_test[i]))
                .collect(),
        });
    }
    let manifest = Manifest {
        schema_version: 1,
        problem: &problem.id,
        kind: problem.kind,
        alpha: problem.alpha,
        weights: problem.weights(),
        budget: prepared
            .yardsticks
            .values()
            .map(|y| (y.language.name(), y.budget))
            .collect(),
        tests,
    };
    let mut json = serde_json::to_vec_pretty(&manifest)?;
    json.push(b'\n');
    write("manifest.json", &json)
}
