//! I/O idioms: a candidate with the reference's algorithm scores as optimal whichever common
//! way it reads and writes (tests/fixtures/idioms), the slow algorithms still score low, and
//! the I/O-idiom allowance never makes a candidate cheaper than the reference.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// Problems whose I/O is a large part of the reference's cost, in both languages: one record
/// per line (dsu-connectivity, subtree-sum, shortest-path), numbers on long lines (range-sum,
/// range-min, grid-range-sum) and one long string (longest-valid-parens).
const PROBLEMS: &[&str] = &[
    "range-sum",
    "range-min",
    "grid-range-sum",
    "dsu-connectivity",
    "subtree-sum",
    "shortest-path",
    "longest-valid-parens",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One system per idiom variant, and `slow` with the slow references.
fn solutions(dir: &Path) {
    for problem in PROBLEMS {
        let variants = root().join("tests/fixtures/idioms").join(problem);
        for entry in std::fs::read_dir(&variants).unwrap() {
            let path = entry.unwrap().path();
            let system = path.file_stem().unwrap().to_str().unwrap().to_owned();
            let to = dir.join(&system).join(problem);
            std::fs::create_dir_all(&to).unwrap();
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
        let slow = dir.join("slow").join(problem);
        std::fs::create_dir_all(&slow).unwrap();
        for file in ["slow.cpp", "slow.py"] {
            std::fs::copy(
                root().join("reference").join(problem).join(file),
                slow.join(file),
            )
            .unwrap();
        }
    }
}

#[test]
fn every_io_idiom_of_the_reference_algorithm_scores_as_optimal() {
    let dir = tempfile::tempdir().unwrap();
    solutions(dir.path());
    let out = dir.path().join("results.json");
    let mut cmd = Command::cargo_bin("fuelgauge").unwrap();
    cmd.env(
        "FUELGAUGE_CACHE",
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuelgauge-test-cache"),
    )
    .arg("score")
    .arg("--problems")
    .arg(root().join("problems"))
    .arg("--only")
    .arg(PROBLEMS.join(","))
    .arg("-o")
    .arg(&out)
    .arg(dir.path());
    cmd.assert().success();
    let report: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let systems = report["systems"].as_object().unwrap();
    let mut idioms = 0;
    let mut low = Vec::new();
    for (system, body) in systems {
        for problem in PROBLEMS {
            let references = &report["provenance"]["problems"][problem]["references"];
            for sample in body["problems"][problem]["samples"].as_array().unwrap() {
                let result = &sample["result"];
                let e = result["score"].as_f64().unwrap();
                let name = format!("{system}/{problem}/{}", sample["name"].as_str().unwrap());
                assert!(
                    result["passed"].as_bool().unwrap(),
                    "{name} failed: {result}"
                );
                if system == "slow" {
                    assert!(e < 0.5, "{name}: a slow algorithm scores e = {e:.3}");
                } else {
                    idioms += 1;
                    if e < 0.85 {
                        low.push(format!("{name}: e = {e:.3}"));
                    }
                }
                let family = if result["language"] == "python" {
                    "python"
                } else {
                    "native"
                };
                check_forgiveness(&name, &references[family], result);
            }
        }
    }
    assert_eq!(idioms, PROBLEMS.len() * 6, "six variants per problem");
    assert!(
        low.is_empty(),
        "idioms scored below 0.85:\n{}",
        low.join("\n")
    );
}

/// What is forgiven on a test is at most its allowance, and never takes the candidate below
/// the reference's own cost on that test.
fn check_forgiveness(name: &str, reference: &Value, result: &Value) {
    let allowance = reference["io_allowance"].as_array().unwrap();
    let per_test = reference["per_test"].as_array().unwrap();
    for (i, test) in result["tests"].as_array().unwrap().iter().enumerate() {
        let forgiven = test["forgiven"].as_u64().unwrap_or(0);
        let allowed = allowance[i].as_u64().unwrap();
        assert!(
            forgiven <= allowed,
            "{name} test {i}: {forgiven} > {allowed}"
        );
        if forgiven > 0 {
            let fuel = test["fuel"].as_u64().unwrap();
            assert!(
                fuel - forgiven >= per_test[i].as_u64().unwrap(),
                "{name} test {i}: forgiven below the reference"
            );
        }
    }
}
