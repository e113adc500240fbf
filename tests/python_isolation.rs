//! Hostile Python candidates against the scorer: each attack that once set its own score or
//! verdict (`tests/fixtures/hostile/<attack>/`) must now get the honest verdict, or a score
//! no higher than the same algorithm written honestly (`honest`).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::*;
use fuelgauge::candidate::Language::Python;
use fuelgauge::sandbox::{Limits, RunVerdict, RuntimeErrorReason};
use fuelgauge::schema::SampleResult;
use fuelgauge::schema::ScoreReport;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Scores every hostile system once; by system, then problem.
fn hostile_results() -> &'static BTreeMap<String, BTreeMap<String, SampleResult>> {
    static RESULTS: std::sync::OnceLock<BTreeMap<String, BTreeMap<String, SampleResult>>> =
        std::sync::OnceLock::new();
    RESULTS.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("r.json");
        Command::cargo_bin("fuelgauge")
            .unwrap()
            .env(
                "FUELGAUGE_CACHE",
                PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuelgauge-test-cache"),
            )
            .env_remove("RUST_BACKTRACE")
            .arg("score")
            .arg("--problems")
            .arg(fixtures().join("problems"))
            .arg(fixtures().join("hostile"))
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        let report: ScoreReport = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
        report
            .systems
            .into_iter()
            .map(|(system, r)| {
                let problems = r
                    .problems
                    .into_iter()
                    .map(|(id, p)| (id, p.samples.into_iter().next().unwrap().result))
                    .collect();
                (system, problems)
            })
            .collect()
    })
}

fn result(system: &str, problem: &str) -> &'static SampleResult {
    &hostile_results()[system][problem]
}

fn honest_score() -> f64 {
    let honest = result("honest", "min-max");
    assert!(honest.passed, "{honest:?}");
    honest.score
}

#[test]
fn answers_that_are_not_plain_data_are_wrong() {
    for attack in ["lazy-repr", "always-equal"] {
        let r = result(attack, "min-max");
        assert_eq!(
            (r.passed, r.verdict.name()),
            (false, "wrong_answer"),
            "{attack}: {r:?}"
        );
        let diff = format!("{:?}", r.tests.last().unwrap().verdict);
        assert!(diff.contains("builtin types only"), "{attack}: {diff}");
    }
}

#[test]
fn exiting_before_the_call_is_a_runtime_error() {
    let r = result("forge-exit", "min-max");
    assert_eq!(
        (r.passed, r.verdict.name()),
        (false, "runtime_error"),
        "{r:?}"
    );
}

#[test]
fn a_nul_byte_in_the_source_is_a_compile_error() {
    let r = result("nul-byte", "min-max");
    assert_eq!(
        (r.passed, r.verdict.name()),
        (false, "compile_error"),
        "{r:?}"
    );
}

#[test]
fn tampering_inside_the_sandbox_buys_no_efficiency() {
    let honest = honest_score();
    for attack in [
        "meter-marks",
        "patch-write",
        "peek-inputs",
        "module-cache",
        "patch-exec",
    ] {
        // Each still computes the answer; whatever it tampers with, it is charged at least
        // the honest cost (peek-inputs, which sorts every list in the heap, runs out of fuel).
        let r = result(attack, "min-max");
        assert!(
            r.passed || r.verdict == fuelgauge::schema::VerdictKind::FuelExhausted,
            "{attack}: {r:?}"
        );
        assert!(
            r.score <= honest,
            "{attack} scored {} > the honest {honest}",
            r.score
        );
    }
}

#[test]
fn state_left_in_builtins_is_gone_in_the_next_test() {
    let r = result("builtins-stash", "min-max");
    assert!(
        r.passed,
        "a later test saw an earlier test's builtins: {r:?}"
    );
    assert!(r.tests.len() > 1);
}

#[test]
fn a_copy_of_the_reference_scores_exactly_one() {
    for problem in ["min-max", "equal-pairs"] {
        let r = result("reference-copy", problem);
        assert!(r.passed, "{r:?}");
        assert_eq!(r.score, 1.0, "{problem}");
    }
}

#[test]
fn os_exit_saves_no_teardown() {
    let plain = result("reference-copy", "equal-pairs");
    let exit = result("hard-exit", "equal-pairs");
    assert!(exit.passed, "{exit:?}");
    assert!(
        exit.score <= plain.score,
        "{} > {}",
        exit.score,
        plain.score
    );
}

#[test]
fn every_common_way_of_reading_stdin_works() {
    let input = "3\n1 2\n3 4\n5 6\n";
    for code in [
        "n = int(input())\nfor _ in range(n):\n    a, b = map(int, input().split())\n    print(a + b)\n",
        "import sys\nn = int(sys.stdin.readline())\nfor _ in range(n):\n    a, b = map(int, sys.stdin.readline().split())\n    print(a + b)\n",
        "import sys\nd = list(map(int, sys.stdin.buffer.read().split()))\nprint('\\n'.join(str(d[i] + d[i + 1]) for i in range(1, 2 * d[0], 2)))\n",
        "lines = open(0).read().split('\\n')\nfor line in lines[1:4]:\n    print(sum(map(int, line.split())))\n",
        "import sys\nfor line in sys.stdin.readlines()[1:]:\n    a, b = line.split()\n    sys.stdout.write(f'{int(a) + int(b)}\\n')\n",
        "import os\ndata = os.read(0, 1 << 20).split()\nos.write(1, ('\\n'.join(str(int(data[i]) + int(data[i + 1])) for i in range(1, 7, 2)) + '\\n').encode())\n",
    ] {
        let o = run(Python, code, input);
        assert_eq!(
            (o.verdict.clone(), stdout(&o)),
            (RunVerdict::Ok, "3\n7\n11\n".into()),
            "{code}"
        );
    }
}

#[test]
fn lru_cache_recursion_reaches_depth_two_thousand() {
    let code = "import sys\nfrom functools import lru_cache\nsys.setrecursionlimit(10000)\n\n@lru_cache(maxsize=None)\ndef depth(n):\n    return 0 if n == 0 else depth(n - 1) + 1\n\nprint(depth(2000))\n";
    let o = run(Python, code, "");
    assert_eq!(
        (o.verdict.clone(), stdout(&o)),
        (RunVerdict::Ok, "2000\n".into())
    );
}

#[test]
fn the_guest_sees_a_deterministic_world() {
    let code = "import time, random, os\nt = time.perf_counter_ns()\ntime.sleep(0.001)\nprint(time.perf_counter_ns() - t >= 1_000_000, random.random(), random.Random().random(), os.urandom(4).hex())\n";
    let a = run(Python, code, "");
    let b = run(Python, code, "");
    assert_eq!(a.verdict, RunVerdict::Ok);
    assert!(stdout(&a).starts_with("True "), "{}", stdout(&a));
    assert_eq!((stdout(&a), a.fuel), (stdout(&b), b.fuel));
    let other_seed = env()
        .sandbox
        .run(
            &build(Python, code).program.unwrap(),
            b"",
            &small_limits(),
            7,
        )
        .unwrap();
    assert_ne!(
        stdout(&other_seed),
        stdout(&a),
        "randomness follows the seed"
    );
}

#[test]
fn missing_modules_and_files_are_exceptions_not_traps() {
    for (code, message) in [
        (
            "import numpy\n",
            "ModuleNotFoundError: No module named 'numpy'",
        ),
        (
            "open('/etc/passwd')\n",
            "PermissionError: [Errno 13] fuelgauge runs candidates without a file system: '/etc/passwd'",
        ),
    ] {
        let o = run(Python, code, "");
        assert_eq!(
            o.verdict,
            RunVerdict::RuntimeError {
                reason: RuntimeErrorReason::Exception {
                    message: message.into()
                }
            },
            "{code}"
        );
    }
    let syntax = run(Python, "def f(:\n", "");
    assert!(
        matches!(&syntax.verdict, RunVerdict::SyntaxError { message } if message.starts_with("SyntaxError")),
        "{:?}",
        syntax.verdict
    );
}

#[test]
fn a_fresh_instance_costs_little_and_the_same_every_time() {
    let limits = Limits::default();
    let costs: Vec<u64> = (0..3)
        .map(|_| run_with(Python, "pass\n", "", &limits).fuel)
        .collect();
    assert!(costs.iter().all(|&c| c == costs[0]), "{costs:?}");
    // The interpreter's start-up is in the snapshot, not in the run (it was 2.5·10^8).
    assert!(costs[0] < 2_000_000, "{}", costs[0]);
}

#[test]
fn the_runtime_submitted_as_a_wasm_candidate_harms_nothing() {
    // (Over the source-size limit, so built by hand as `--max-source-bytes` would allow.)
    let bytes = std::fs::read(python_runtime()).unwrap();
    let program = fuelgauge::sandbox::Program {
        module: fuelgauge::sandbox::WasmModule::from_bytes(bytes),
        entry: fuelgauge::sandbox::Entry::Command {
            argv: vec!["main".into()],
            env: Vec::new(),
        },
    };
    let o = env()
        .sandbox
        .run(&program, b"", &small_limits(), 0)
        .unwrap();
    assert!(
        matches!(
            o.verdict,
            RunVerdict::RuntimeError {
                reason: RuntimeErrorReason::Invalid { .. }
            }
        ),
        "{:?}",
        o.verdict
    );
    // The same bytes, loaded as a module for that candidate, leave the runtime untouched.
    let py = run(Python, "print(6 * 7)\n", "");
    assert_eq!(
        (py.verdict.clone(), stdout(&py)),
        (RunVerdict::Ok, "42\n".into())
    );
}

#[test]
fn replacing_the_result_conversion_saves_nothing() {
    use fuelgauge::judge::{pickle::to_pickle, pyliteral::parse};
    use fuelgauge::sandbox::PyMode;
    let xs: Vec<String> = (0..20_000u64)
        .map(|i| (i * 7919 % 100_003).to_string())
        .collect();
    let input = to_pickle(&parse(&format!("([{}],)", xs.join(", "))).unwrap());
    let call = |code: &str| {
        let program = env()
            .tools
            .python_program(code, PyMode::Call { entry: "f".into() })
            .unwrap();
        env()
            .sandbox
            .run(&program, &input, &Limits::default(), 0)
            .unwrap()
    };
    let honest = call("def f(xs):\n    return sorted(xs)\n");
    assert_eq!(honest.verdict, RunVerdict::Ok);
    // The harness is reachable from the candidate: swap its converters for others. The
    // result leaves as one C pickle pass, and nothing cheaper produces an answer the host
    // reads.
    for patch in [
        "h._pickle_dumps = lambda v, p: repr(v).encode()",
        "h._pickle_dumps = lambda v, p: __import__('marshal').dumps(v)",
        "h._literal = repr",
    ] {
        let patched = call(&format!(
            "import sys\nh = sys.modules['fuelgauge_harness']\n{patch}\n\ndef f(xs):\n    return sorted(xs)\n"
        ));
        assert!(
            patched.fuel >= honest.fuel,
            "{patch}: {} < honest {}",
            patched.fuel,
            honest.fuel
        );
    }
}

#[test]
fn an_exception_in_the_function_is_a_runtime_error_and_an_unpicklable_result_is_wrong() {
    use fuelgauge::judge::{pickle::to_pickle, pyliteral::parse};
    use fuelgauge::sandbox::PyMode;
    let call = |code: &str| {
        let program = env()
            .tools
            .python_program(code, PyMode::Call { entry: "f".into() })
            .unwrap();
        let input = to_pickle(&parse("()").unwrap());
        env()
            .sandbox
            .run(&program, &input, &small_limits(), 0)
            .unwrap()
            .verdict
    };
    assert_eq!(
        call("def f():\n    return 1 + 'a'\n"),
        RunVerdict::RuntimeError {
            reason: RuntimeErrorReason::Exception {
                message: "TypeError: unsupported operand type(s) for +: 'int' and 'str'".into()
            }
        }
    );
    assert!(
        matches!(call("def f():\n    return lambda: 0\n"), RunVerdict::NotPlain { message } if message.contains("builtin types only")),
        "a lambda cannot leave the instance"
    );
}
