//! `problem.toml` loading: the fuzz input is written as the manifest of a problem folder that
//! holds range-sum's statement, generator, hand tests and Python reference (plus a prompt and a
//! checker program, so that every field can name a file that exists), then loaded with
//! `load_problem`, as `score` loads every problem. Loading reads files only; it runs nothing.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use fuelgauge::problem::{Checker, ProblemToml, load_problem};
use libfuzzer_sys::fuzz_target;

struct Fixture {
    _root: tempfile::TempDir,
    problem: PathBuf,
    references: PathBuf,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let root = tempfile::tempdir().expect("a temporary folder");
        let problem = root.path().join("problems/range-sum");
        let references = root.path().join("reference");
        let files: [(PathBuf, &str); 9] = [
            (
                problem.join("statement.md"),
                include_str!("../../problems/range-sum/statement.md"),
            ),
            (
                problem.join("gen.py"),
                include_str!("../../problems/range-sum/gen.py"),
            ),
            (
                problem.join("tests/single.in"),
                include_str!("../../problems/range-sum/tests/single.in"),
            ),
            (
                problem.join("tests/single.out"),
                include_str!("../../problems/range-sum/tests/single.out"),
            ),
            (problem.join("tests/no-answer.in"), "3 1\n1 2 3\n1 3\n"),
            (
                problem.join("prompt.py"),
                include_str!("../../tests/fixtures/problems/min-max/prompt.py"),
            ),
            (
                problem.join("check.py"),
                "import sys\nsys.exit(0 if sys.stdin.buffer.read().count(b'\\0') == 2 else 1)\n",
            ),
            (problem.join("notes.md"), ""),
            (
                references.join("range-sum/ref.py"),
                include_str!("../../reference/range-sum/ref.py"),
            ),
        ];
        for (path, text) in files {
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
            std::fs::write(path, text).expect("a fixture file");
        }
        Fixture {
            _root: root,
            problem,
            references,
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let f = fixture();
    std::fs::write(f.problem.join("problem.toml"), data).expect("the manifest");
    let Ok(problem) = load_problem(&f.problem, &f.references) else {
        return;
    };
    // What the pipeline relies on once a problem has loaded.
    assert_eq!(problem.id, "range-sum");
    assert!(
        problem.alpha.is_finite() && problem.alpha > 1.0,
        "alpha {}",
        problem.alpha
    );
    assert!(problem.generator.is_some() || !problem.hand_tests.is_empty());
    assert!(
        problem
            .levels
            .iter()
            .all(|l| l.weight.is_finite() && l.weight >= 0.0)
    );
    if let Checker::Float { abs_tol, rel_tol } = problem.checker {
        assert!(abs_tol >= 0.0 && rel_tol >= 0.0);
    }
    if let Checker::Literal {
        float_tol: Some(tol),
    } = problem.checker
    {
        assert!(tol >= 0.0, "float_tol {tol}");
    }
    // The limits are the ones written, not wrapped around.
    let text = std::str::from_utf8(data).expect("it loaded, so it is UTF-8");
    let spec: ProblemToml = toml::from_str(text).expect("it loaded, so it parses");
    if let Some(mib) = spec.limits.memory_mib {
        assert_eq!(
            Some(problem.memory_bytes),
            mib.checked_mul(1 << 20),
            "memory_mib {mib}"
        );
    }
});
