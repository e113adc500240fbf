//! Problems: loading, generation, judging and `fuelgauge problems check`, on small fixtures.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use assert_cmd::Command;
use common::*;
use fuelgauge::candidate::Source;
use fuelgauge::judge::{Baselines, Context};
use fuelgauge::pipeline::{evaluate, generate_tests, prepare};
use fuelgauge::problem::{Problem, load_problem, load_set};
use fuelgauge::sandbox::Runner;
use fuelgauge::sandbox::Sandbox;
use predicates::prelude::*;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn context() -> Context {
    let cache = Some(env().cache.clone());
    Context {
        tools: fuelgauge::toolchain::Toolchains::new(
            cache.clone(),
            Default::default(),
            python_runtime(),
        ),
        runner: Runner::new(Sandbox::new(2, cache.clone()).unwrap(), cache.clone()),
        cache,
    }
}

fn fixture(id: &str) -> Problem {
    load_problem(
        &fixtures().join("problems").join(id),
        &fixtures().join("reference"),
    )
    .unwrap()
}

#[test]
fn a_wrong_solution_is_rejected_by_a_generated_input() {
    let ctx = context();
    let problem = fixture("equal-pairs");
    let baselines = Baselines::default();
    let prepared = prepare(&ctx, Arc::new(problem), &baselines).unwrap();
    let wrong = Source::read(&fixtures().join("wrong/equal-pairs.py"), 1 << 20).unwrap();
    let result = evaluate(&ctx, &prepared, &wrong, &baselines).unwrap();
    assert!(!result.passed);
    assert_eq!(result.verdict, fuelgauge::schema::VerdictKind::WrongAnswer);
    let failing = result.tests.last().unwrap();
    assert!(
        failing.name.starts_with('L'),
        "failed on {}, a hand-written test",
        failing.name
    );
    // It passed every hand-written test before that.
    assert!(
        result
            .tests
            .iter()
            .filter(|t| t.name.starts_with("hand/"))
            .all(|t| t.verdict.name() == "accepted")
    );

    // The reference itself scores about 1 and the slow one below 0.5.
    let reference = prepared.problem.references.values().next().unwrap().clone();
    let r = evaluate(&ctx, &prepared, &reference, &baselines).unwrap();
    assert!(r.passed && (r.score - 1.0).abs() < 1e-9, "{r:?}");
    for slow in &prepared.problem.slow {
        let s = evaluate(&ctx, &prepared, slow, &baselines).unwrap();
        assert!(s.passed && s.score < 0.5, "{}: {s:?}", slow.origin);
    }
}

#[test]
fn strict_types_reject_a_list_for_a_tuple() {
    let ctx = context();
    let baselines = Baselines::default();
    let prepared = prepare(&ctx, Arc::new(fixture("min-max")), &baselines).unwrap();
    let wrong = Source::read(&fixtures().join("wrong/min-max.py"), 1 << 20).unwrap();
    let result = evaluate(&ctx, &prepared, &wrong, &baselines).unwrap();
    assert_eq!(result.verdict, fuelgauge::schema::VerdictKind::WrongAnswer);
    let diff = format!("{:?}", result.tests.last().unwrap().verdict);
    assert!(diff.contains("expected type tuple, got list"), "{diff}");
    // Function costs are the metered call only: far below interpreter start-up.
    let reference = prepared.problem.references.values().next().unwrap().clone();
    let r = evaluate(&ctx, &prepared, &reference, &baselines).unwrap();
    assert!(r.passed);
    assert!(
        r.tests.iter().all(|t| t.fuel.unwrap() < 50_000_000),
        "{:?}",
        r.tests
    );
}

#[test]
fn inputs_are_byte_identical_across_runs_and_follow_the_seed() {
    let ctx = context();
    let problem = fixture("equal-pairs");
    let a = generate_tests(&problem, &ctx.tools, &ctx.runner, None, true).unwrap();
    let b = generate_tests(&problem, &ctx.tools, &ctx.runner, None, true).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.len(), 2 + 8 + 4 + 4 + 4);
    let mut reseeded = problem.clone();
    reseeded.generator.as_mut().unwrap().seed = 1;
    let c = generate_tests(&reseeded, &ctx.tools, &ctx.runner, None, true).unwrap();
    let changed = a.iter().zip(&c).filter(|(x, y)| x.input != y.input).count();
    assert_eq!(
        changed, 20,
        "every generated input changes with the seed; hand tests stay"
    );
}

#[test]
fn malformed_problem_files_are_reported_and_the_rest_still_load() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&fixtures(), dir.path());
    let manifest = dir.path().join("problems/min-max/problem.toml");
    let text = std::fs::read_to_string(&manifest)
        .unwrap()
        .replace("sizes =", "sizez =");
    std::fs::write(&manifest, text).unwrap();
    let (ok, bad) = load_set(&dir.path().join("problems"), &dir.path().join("reference")).unwrap();
    assert_eq!(
        ok.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["equal-pairs"]
    );
    assert_eq!(bad.len(), 1);
    let message = bad[0].to_string();
    assert!(
        message.contains("min-max/problem.toml") && message.contains("sizez"),
        "{message}"
    );
    assert_eq!(message.lines().count(), 1);

    let wrong_kind = dir.path().join("problems/equal-pairs/problem.toml");
    let text = std::fs::read_to_string(&wrong_kind)
        .unwrap()
        .replace("kind = \"tokens\"", "kind = \"literal\"");
    std::fs::write(&wrong_kind, text).unwrap();
    let e = load_problem(
        &dir.path().join("problems/equal-pairs"),
        &dir.path().join("reference"),
    )
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("checker.kind"));
}

#[test]
fn an_unknown_key_is_reported_on_its_own_line() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&fixtures(), dir.path());
    let manifest = dir.path().join("problems/min-max/problem.toml");
    let mut lines: Vec<String> = std::fs::read_to_string(&manifest)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    let tags = lines.iter().position(|l| l.starts_with("tags")).unwrap();
    lines.insert(tags + 1, "typo_key = 3".to_owned());
    std::fs::write(&manifest, lines.join("\n") + "\n").unwrap();
    let e = load_problem(
        &dir.path().join("problems/min-max"),
        &dir.path().join("reference"),
    )
    .unwrap_err();
    let line = format!("line {}: unknown field `typo_key`", tags + 2);
    assert!(e.to_string().contains(&line), "{e} (wanted {line})");
}

#[test]
fn problems_check_only_an_unknown_id_is_an_error() {
    let mut cmd = Command::cargo_bin("fuelgauge").unwrap();
    cmd.env(
        "FUELGAUGE_CACHE",
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuelgauge-test-cache"),
    )
    .args(["problems", "check", "--only", "min-max", "--only", "nope"])
    .arg(fixtures().join("problems"))
    .assert()
    .code(2)
    .stderr(
        predicate::str::contains("no problem `nope`")
            .and(predicate::str::contains("min-max").not()),
    );
}

#[test]
fn problems_check_passes_sound_fixtures_and_fails_broken_ones() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&fixtures(), dir.path());
    let cache = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuelgauge-test-cache");
    let check = |dir: &Path| {
        let mut cmd = Command::cargo_bin("fuelgauge").unwrap();
        cmd.env("FUELGAUGE_CACHE", &cache)
            .arg("problems")
            .arg("check")
            .arg(dir.join("problems"));
        cmd.assert()
    };
    check(dir.path())
        .success()
        .stdout(predicate::str::contains("equal-pairs").and(predicate::str::contains("min-max")));
    // A slow solution as fast as the reference fails the differentiation check; a broken
    // manifest is one error line and the other problem is still checked.
    std::fs::copy(
        dir.path().join("reference/min-max/ref.py"),
        dir.path().join("reference/min-max/slow.py"),
    )
    .unwrap();
    let manifest = dir.path().join("problems/equal-pairs/problem.toml");
    std::fs::write(
        &manifest,
        std::fs::read_to_string(&manifest).unwrap() + "colour = \"red\"\n",
    )
    .unwrap();
    check(dir.path())
        .code(1)
        .stdout(predicate::str::contains("min-max"))
        .stderr(
            predicate::str::contains("equal-pairs/problem.toml")
                .and(predicate::str::contains("colour"))
                .and(predicate::str::contains("not below 0.5")),
        );
}

/// The acceptance check of the bundled set: every problem sound, every slow solution e < 0.5.
#[test]
fn bundled_problem_set_is_sound() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (problems, errors) = load_set(&root.join("problems"), &root.join("reference")).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(problems.len() >= 30, "only {} problems", problems.len());
    let stdio = problems
        .iter()
        .filter(|p| p.kind == fuelgauge::problem::Kind::Stdio)
        .count();
    assert!(stdio >= 20 && problems.len() - stdio >= 10);
    let checks = fuelgauge::pipeline::check::check_set(&context(), problems);
    let failures: Vec<String> = checks.iter().flat_map(|c| c.failures.clone()).collect();
    assert!(failures.is_empty(), "{failures:#?}");
    for c in &checks {
        assert!(!c.slow.is_empty(), "{} has no slow solution", c.id);
        assert!(c.slow.iter().all(|s| s.passed && s.score < 0.5), "{}", c.id);
    }
}
