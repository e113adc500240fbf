//! The fast path: the whole pipeline — loading problems, WebAssembly generators, references,
//! judging, statistics, the result JSON, `run` and `problems check` — on `.wat` problems and
//! candidates only (`tests/fixtures/fast`), so it needs neither clang nor the Python runtime.
//! Every run gets an empty data folder and a missing `--python-runtime`: a step that wanted
//! Python would fail here, and the snapshots show `0 compiles`.
//!
//! The fast subset, which needs no toolchain at all:
//!
//! ```text
//! cargo test --locked --test fast --test snapshots_render --test snapshots_cli --test architecture
//! ```
//!
//! Time it after a build (`cargo test --locked --no-run --test fast …` with the same tests),
//! with `time` in front of the same command: 3.5–5.6 s of wall time on the 2-core development
//! machine (five runs), against 10 min 41 s for the whole suite there.
//!
//! The problems: `sum` and `pairs` (stdio, tests from `gen.wat`, four levels) and `add` (hand
//! tests only). The systems: `fast` (linear), `slow` (quadratic), `broken` (a wrong answer, a
//! trap and an infinite loop on `sum`, wrong answers on the others).

mod common;
mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fuelgauge::schema::ScoreReport;
use support::{Sandbox, transcript};

/// `fuelgauge` in `sandbox`, unable to find a Python runtime.
fn fuelgauge(sandbox: &Sandbox) -> assert_cmd::Command {
    let mut cmd = sandbox.fuelgauge();
    cmd.env(
        "FUELGAUGE_PYTHON_RUNTIME",
        sandbox.path().join("no-python-runtime.wasm"),
    );
    cmd
}

/// A sandbox with the fast fixtures in `fast/`.
fn sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.copy("fast", "fast");
    sandbox
}

/// `score` of every fast system on every fast problem, writing `out`, with `extra` flags.
fn score(sandbox: &Sandbox, out: &str, extra: &[&str]) -> std::process::Output {
    fuelgauge(sandbox)
        .args(["score", "--problems", "fast/problems"])
        .args(extra)
        .args(["-o", out])
        .arg("fast/solutions")
        .output()
        .unwrap()
}

fn report(sandbox: &Sandbox, file: &str) -> ScoreReport {
    serde_json::from_str(&sandbox.read(file)).unwrap()
}

/// Each sample's verdict, as `system/problem/sample`.
fn verdicts(report: &ScoreReport) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (system, s) in &report.systems {
        for (problem, p) in &s.problems {
            for sample in &p.samples {
                // As the JSON spells it.
                let verdict = serde_json::to_value(sample.result.verdict).unwrap();
                out.insert(
                    format!("{system}/{problem}/{}", sample.name),
                    verdict.as_str().unwrap().to_owned(),
                );
            }
        }
    }
    out
}

#[test]
fn verdicts_and_the_ranking_of_fast_over_slow() {
    let s = sandbox();
    let output = score(&s, "r.json", &["--jobs", "2"]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    let report = report(&s, "r.json");
    let expected: BTreeMap<String, String> = [
        ("broken/add/times.wat", "wrong_answer"),
        ("broken/pairs/self-pairs.wat", "wrong_answer"),
        ("broken/sum/loop.wat", "fuel_exhausted"),
        ("broken/sum/off-by-one.wat", "wrong_answer"),
        ("broken/sum/trap.wat", "runtime_error"),
        ("fast/add/add.wat", "accepted"),
        ("fast/pairs/count.wat", "accepted"),
        ("fast/sum/linear.wat", "accepted"),
        ("slow/add/add.wat", "accepted"),
        ("slow/pairs/nested.wat", "accepted"),
        ("slow/sum/prefix.wat", "accepted"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    assert_eq!(verdicts(&report), expected);
    let stats = |system: &str| &report.systems[system].stats[0];
    for system in ["fast", "slow"] {
        assert_eq!(stats(system).pass_at_k.value, 1.0, "{system}");
    }
    assert_eq!(stats("broken").pass_at_k.value, 0.0);
    assert_eq!(stats("broken").eff_at_k.value, 0.0);
    let (fast, slow) = (stats("fast").eff_at_k.value, stats("slow").eff_at_k.value);
    assert!(fast > slow, "fast {fast}, slow {slow}");
    // Per problem with levels: the linear solutions about as efficient as the references,
    // the quadratic ones out of the budget on the largest level (censored, scored 0 there,
    // still passing).
    for problem in ["sum", "pairs"] {
        let fast = &report.systems["fast"].problems[problem].samples[0].result;
        assert!(fast.levels.iter().all(|l| !l.censored), "{problem}");
        assert!(fast.score > 0.9, "{problem}: {}", fast.score);
        let slow = &report.systems["slow"].problems[problem].samples[0].result;
        let last = slow.levels.last().unwrap();
        assert!(last.censored, "{problem}: {:?}", slow.levels);
        assert!(slow.score < 0.5, "{problem}: {}", slow.score);
    }
    // The wrong answer says where it went wrong; the trap says what trapped.
    let detail = |name: &str| {
        let sample = report.systems["broken"].problems["sum"]
            .samples
            .iter()
            .find(|x| x.name == name)
            .unwrap();
        serde_json::to_string(&sample.result.tests.last().unwrap().verdict).unwrap()
    };
    assert!(
        detail("off-by-one.wat").contains("diff"),
        "{}",
        detail("off-by-one.wat")
    );
    assert!(
        detail("trap.wat").contains("integer_division_by_zero"),
        "{}",
        detail("trap.wat")
    );
    // No compiler, no Python: WebAssembly text needs neither.
    assert!(report.provenance.compilers.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("; 0 compiles"), "{stderr}");
}

#[test]
fn json_is_byte_identical_across_jobs_and_cache_states() {
    let s = sandbox();
    let other_cache = s.path().join("other-cache");
    let runs = [
        ("cold-j1.json", vec!["--jobs", "1"], None),
        ("warm-j2.json", vec!["--jobs", "2"], None),
        ("cold-j2.json", vec!["--jobs", "2"], Some(&other_cache)),
        ("no-cache.json", vec!["--jobs", "2", "--no-cache"], None),
    ];
    for (out, extra, cache) in &runs {
        let mut cmd = fuelgauge(&s);
        if let Some(cache) = cache {
            cmd.env("FUELGAUGE_CACHE", cache);
        }
        let output = cmd
            .args(["score", "--problems", "fast/problems"])
            .args(extra)
            .args(["-o", out, "fast/solutions"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{out}: {}", transcript(&output));
    }
    let first = s.read(runs[0].0);
    for (out, _, _) in &runs[1..] {
        assert!(first == s.read(out), "{out} differs from {}", runs[0].0);
    }
}

#[test]
fn score_cli() {
    let s = sandbox();
    s.settings().bind(|| {
        // One job and an empty cache: the counts on stderr are those of a first run.
        let output = fuelgauge(&s)
            .args(["score", "--problems", "fast/problems", "--jobs", "1"])
            .arg("fast/solutions")
            .output()
            .unwrap();
        insta::assert_snapshot!("score_table", transcript(&output));
        // Again: every sample from the result cache, nothing run.
        let output = fuelgauge(&s)
            .args(["score", "--problems", "fast/problems", "--jobs", "1"])
            .args(["-o", "r.json", "-o", "r.md"])
            .arg("fast/solutions")
            .output()
            .unwrap();
        insta::assert_snapshot!("score_warm_to_files", transcript(&output));
        insta::assert_snapshot!("score.md", s.read("r.md"));
        // A gate: `broken` passes nothing.
        let output = fuelgauge(&s)
            .args(["score", "--problems", "fast/problems", "--jobs", "1"])
            .args(["--fail-under", "pass@1=0.5", "-o", "gated.json"])
            .arg("fast/solutions")
            .output()
            .unwrap();
        insta::assert_snapshot!("score_gate_failed", transcript(&output));
        // One system of a folder of systems, named on the command line.
        let output = fuelgauge(&s)
            .args(["score", "--problems", "fast/problems", "--jobs", "1"])
            .args(["--system", "mine", "--only", "sum", "--format", "csv"])
            .arg("fast/solutions/fast")
            .output()
            .unwrap();
        insta::assert_snapshot!("score_one_system_csv", transcript(&output));
    });
}

#[test]
fn problems_check_and_tests() {
    let s = sandbox();
    s.settings().bind(|| {
        let output = fuelgauge(&s)
            .args(["problems", "check", "fast/problems", "--jobs", "1"])
            .output()
            .unwrap();
        insta::assert_snapshot!("check", transcript(&output));
        let output = fuelgauge(&s)
            .args(["problems", "tests", "fast/problems", "-o", "tests"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", transcript(&output));
        insta::assert_snapshot!("tests_sum_manifest", s.read("tests/sum/manifest.json"));
    });
    // The generated inputs are what the generator's doc says: `size`, then `size` numbers.
    let manifest: serde_json::Value =
        serde_json::from_str(&s.read("tests/sum/manifest.json")).unwrap();
    let tests = manifest["tests"].as_array().unwrap();
    let sizes = [10usize, 100, 400, 1600];
    let generated: Vec<_> = tests
        .iter()
        .filter(|t| t["name"].as_str().unwrap().starts_with('L'))
        .collect();
    assert_eq!(generated.len(), 10);
    for t in generated {
        let input = s.read(&format!("tests/sum/{}", t["input"].as_str().unwrap()));
        let numbers: Vec<u64> = input
            .split_ascii_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        let level = t["level"].as_u64().unwrap() as usize;
        assert_eq!(numbers[0] as usize, sizes[level]);
        assert_eq!(numbers.len(), sizes[level] + 1);
        assert!(numbers[1..].iter().all(|&n| n < 1_000_000));
        assert!(input.ends_with('\n') && input.lines().count() == 2);
    }
}

/// `problems tests` of `problems` into `<sandbox>/<out>`: each test's input, by file name.
fn inputs(s: &Sandbox, problems: &str, out: &str, cache: &Path) -> BTreeMap<String, String> {
    let output = fuelgauge(s)
        .env("FUELGAUGE_CACHE", cache)
        .args(["problems", "tests", problems, "-o", out])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", transcript(&output));
    let mut files = BTreeMap::new();
    for problem in ["sum", "pairs"] {
        for entry in std::fs::read_dir(s.path().join(out).join(problem)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "in") {
                let name = format!("{problem}/{}", path.file_name().unwrap().to_string_lossy());
                files.insert(name, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    files
}

/// Entries of the cache's `inputs` bucket, as `cache info` counts them.
fn cached_inputs(s: &Sandbox, cache: &Path) -> u64 {
    let output = fuelgauge(s)
        .env("FUELGAUGE_CACHE", cache)
        .args(["cache", "info"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let line = stdout
        .lines()
        .find(|l| l.starts_with("inputs"))
        .unwrap_or_else(|| panic!("no inputs bucket in {stdout}"));
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn wasm_generators_are_deterministic_and_cached_by_their_bytes() {
    let s = sandbox();
    let cache = s.path().join("cache");
    let first = inputs(&s, "fast/problems", "a", &cache);
    assert_eq!(first.len(), 2 * 10 + 3, "{:?}", first.keys());
    assert_eq!(cached_inputs(&s, &cache), 20);
    // Warm, and cold in another cache: the same bytes; the warm run added no entry.
    assert_eq!(inputs(&s, "fast/problems", "b", &cache), first);
    assert_eq!(cached_inputs(&s, &cache), 20);
    assert_eq!(
        inputs(&s, "fast/problems", "c", &s.path().join("cold")),
        first
    );
    // Another generator (other bytes, same file name) is another cache entry: `sum`'s inputs
    // change even though the cache holds the old ones.
    let generator = s.path().join("fast/problems/sum/gen.wat");
    let text = std::fs::read_to_string(&generator).unwrap();
    std::fs::write(
        &generator,
        text.replace("(i64.const 1000000)", "(i64.const 10)"),
    )
    .unwrap();
    let changed = inputs(&s, "fast/problems", "d", &cache);
    assert_eq!(cached_inputs(&s, &cache), 30);
    for (name, input) in &changed {
        if name.starts_with("sum/") && name.contains("-L") {
            assert_ne!(input, &first[name], "{name}");
            assert!(
                input
                    .split_ascii_whitespace()
                    .skip(1)
                    .all(|n| n.parse::<u8>().unwrap() < 10)
            );
        } else {
            assert_eq!(input, &first[name], "{name}");
        }
    }
}

#[test]
fn a_binary_generator_writes_what_its_text_does() {
    let s = sandbox();
    let cache = s.path().join("cache");
    let text_inputs = inputs(&s, "fast/problems", "text", &cache);
    for problem in ["sum", "pairs"] {
        let dir = s.path().join("fast/problems").join(problem);
        let wasm = wat::parse_file(dir.join("gen.wat")).unwrap();
        std::fs::write(dir.join("gen.wasm"), wasm).unwrap();
        std::fs::remove_file(dir.join("gen.wat")).unwrap();
        let toml = std::fs::read_to_string(dir.join("problem.toml")).unwrap();
        std::fs::write(
            dir.join("problem.toml"),
            toml.replace("program = \"gen.wat\"", "program = \"gen.wasm\""),
        )
        .unwrap();
    }
    assert_eq!(inputs(&s, "fast/problems", "binary", &cache), text_inputs);
}

/// A one-problem set `p` in `<sandbox>/<set>/` with the `sum` reference, whose problem.toml and
/// generator are given; the transcript of `problems check` on it.
fn check_one(s: &Sandbox, set: &str, toml: &str, generator: (&str, &[u8])) -> String {
    let root = s.path().join(set);
    let write = |rel: &str, bytes: &[u8]| {
        let path: PathBuf = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    };
    write("problems/p/problem.toml", toml.as_bytes());
    write("problems/p/statement.md", b"Sum.");
    write(&format!("problems/p/{}", generator.0), generator.1);
    write(
        "reference/p/ref.wat",
        &std::fs::read(s.path().join("fast/reference/sum/ref.wat")).unwrap(),
    );
    let output = fuelgauge(s)
        .args(["problems", "check"])
        .arg(root.join("problems"))
        .output()
        .unwrap();
    transcript(&output)
}

#[test]
fn broken_generators_are_errors_that_name_their_file() {
    let s = sandbox();
    // A problem.toml of kind `kind` (with `extra` lines) whose generator is `program`.
    let manifest = |kind: &str, extra: &str, checker: &str, program: &str| {
        format!(
            "id = \"p\"\ntitle = \"P\"\nkind = \"{kind}\"\n{extra}statement = \"statement.md\"\n\n[checker]\nkind = \"{checker}\"\n\n[generator]\nprogram = \"{program}\"\nsizes = [3, 30]\ntests = [1, 1]\nweights = [0, 1]\n"
        )
    };
    let stdio = |program: &str| manifest("stdio", "", "tokens", program);
    let generator = std::fs::read(s.path().join("fast/problems/sum/gen.wat")).unwrap();
    let traps = b"(module (memory (export \"memory\") 1) (func (export \"_start\") unreachable))";
    let exits = b"(module (import \"wasi_snapshot_preview1\" \"proc_exit\" (func $exit (param i32))) (memory (export \"memory\") 1) (func (export \"_start\") (call $exit (i32.const 3))))";
    s.settings().bind(|| {
        let function = manifest("function", "entry_point = \"f\"\n", "literal", "gen.wat");
        insta::assert_snapshot!(
            "generator_for_a_function_problem",
            check_one(&s, "function", &function, ("gen.wat", &generator))
        );
        insta::assert_snapshot!(
            "generator_invalid_text",
            check_one(
                &s,
                "invalid",
                &stdio("gen.wat"),
                ("gen.wat", b"(module (func")
            )
        );
        insta::assert_snapshot!(
            "generator_not_a_binary",
            check_one(
                &s,
                "garbage",
                &stdio("gen.wasm"),
                ("gen.wasm", b"MZ\x90\x00")
            )
        );
        insta::assert_snapshot!(
            "generator_traps",
            check_one(&s, "traps", &stdio("gen.wat"), ("gen.wat", traps))
        );
        insta::assert_snapshot!(
            "generator_exits_3",
            check_one(&s, "exits", &stdio("gen.wat"), ("gen.wat", exits))
        );
        // A generator that never ends is not here: its generous fuel outlasts the wall-clock
        // backstop, so which of the two stops it depends on the machine.
    });
}

#[test]
fn run_executes_a_candidate_on_a_generated_input() {
    let s = sandbox();
    let output = fuelgauge(&s)
        .args([
            "problems",
            "tests",
            "fast/problems",
            "--only",
            "pairs",
            "-o",
            "t",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", transcript(&output));
    let manifest: serde_json::Value =
        serde_json::from_str(&s.read("t/pairs/manifest.json")).unwrap();
    let last = manifest["tests"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    let input = format!("t/pairs/{}", last["input"].as_str().unwrap());
    let expected = s.read(&format!("t/pairs/{}", last["expected"].as_str().unwrap()));
    for (candidate, code) in [
        ("fast/solutions/fast/pairs/count.wat", 0),
        ("fast/solutions/slow/pairs/nested.wat", 0),
        ("fast/solutions/broken/pairs/self-pairs.wat", 0),
    ] {
        let output = fuelgauge(&s)
            .args(["run", "--format", "json", "--stdin", &input, candidate])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(code), "{}", transcript(&output));
        let run: fuelgauge::schema::RunReport = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(
            run.stdout == expected,
            !candidate.contains("broken"),
            "{candidate}: {} vs {expected}",
            run.stdout
        );
    }
}
