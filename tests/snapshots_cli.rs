//! The CLI of every subcommand, snapshotted as a person sees it: exit status, stdout and
//! stderr of one run together (`support::transcript`), a success and the usual mistakes.
//!
//! Programs are the `.wat` fixtures of `tests/fixtures/fast`, so nothing here needs clang or
//! the Python runtime (the sandbox's data folder is empty: a command that wanted the runtime
//! would fail). `score` and `problems check` on problems with levels are snapshotted in
//! `tests/fast.rs`, with the WebAssembly generators.

mod common;
mod support;

use support::{Sandbox, transcript};

/// Runs `fuelgauge ARGS` in `sandbox` and snapshots the transcript as `name`.
fn case(sandbox: &Sandbox, name: &str, args: &[&str]) -> std::process::Output {
    let output = sandbox.fuelgauge().args(args).output().unwrap();
    sandbox.settings().bind(|| {
        insta::assert_snapshot!(name, transcript(&output));
    });
    output
}

/// A sandbox with the fast fixtures in `fast/` and the result files in `reports/`.
fn sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.copy("fast", "fast");
    for name in ["base", "head", "mixed"] {
        sandbox.copy(
            &format!("reports/{name}.json"),
            &format!("reports/{name}.json"),
        );
    }
    sandbox
}

/// The files under `dir`, relative and sorted, one a line.
fn listing(dir: &std::path::Path) -> String {
    fn walk(root: &std::path::Path, dir: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.push(path.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, dir, &mut files);
    files.sort();
    files.join("\n") + "\n"
}

#[test]
fn top_level() {
    let s = sandbox();
    case(&s, "help", &["--help"]);
    case(&s, "version", &["--version"]);
    case(&s, "no_subcommand", &[]);
    case(&s, "unknown_subcommand", &["frobnicate"]);
    case(
        &s,
        "unknown_global_flag",
        &["--frobnicate", "cache", "info"],
    );
}

#[test]
fn run() {
    let s = sandbox();
    s.write("small.in", "3\n1 2 3\n");
    // Text that does not parse, and a module that parses but does not validate.
    s.write("unparsable.wat", "(module (func\n");
    s.write("bad.wat", "(module (func (export \"_start\") (i32.add)))\n");
    case(
        &s,
        "run_ok",
        &["run", "fast/reference/sum/ref.wat", "--stdin", "small.in"],
    );
    case(
        &s,
        "run_ok_json",
        &[
            "run",
            "fast/reference/sum/ref.wat",
            "--stdin",
            "small.in",
            "--format",
            "json",
        ],
    );
    case(
        &s,
        "run_trap",
        &[
            "run",
            "fast/solutions/broken/sum/trap.wat",
            "--stdin",
            "small.in",
        ],
    );
    case(
        &s,
        "run_out_of_fuel",
        &[
            "run",
            "fast/solutions/broken/sum/loop.wat",
            "--fuel",
            "100000",
        ],
    );
    case(&s, "run_unparsable_wat", &["run", "unparsable.wat"]);
    case(&s, "run_invalid_wat", &["run", "bad.wat"]);
    case(&s, "run_missing_file", &["run", "missing.wat"]);
    case(
        &s,
        "run_missing_stdin",
        &["run", "bad.wat", "--stdin", "missing.in"],
    );
    case(&s, "run_unknown_language", &["run", "small.in"]);
    case(&s, "run_unknown_flag", &["run", "--frobnicate", "bad.wat"]);
    case(
        &s,
        "run_bad_cost_model",
        &["run", "--cost-model", "dear", "bad.wat"],
    );
}

#[test]
fn score_errors() {
    let s = sandbox();
    std::fs::create_dir(s.path().join("empty")).unwrap();
    let score = |name: &str, extra: &[&str]| {
        let mut args = vec!["score", "--problems", "fast/problems"];
        args.extend(extra);
        case(&s, name, &args)
    };
    score("score_no_solutions_given", &[]);
    score("score_empty_solutions", &["empty"]);
    score("score_k_zero", &["--k", "0", "fast/solutions"]);
    score("score_unknown_only", &["--only", "nope", "fast/solutions"]);
    score(
        "score_bad_threshold",
        &["--fail-under", "eff@1=lots", "fast/solutions"],
    );
    score(
        "score_gate_on_unscored_k",
        &["--fail-under", "eff@2=0.5", "fast/solutions"],
    );
    score(
        "score_short_secret",
        &["--secret-seed", "short", "fast/solutions"],
    );
    case(
        &s,
        "score_missing_problems",
        &["score", "--problems", "nowhere", "fast/solutions"],
    );
    // Nothing was judged, so no journal was left in the working folder.
    assert!(!s.path().join("fuelgauge-score.journal").exists());
}

#[test]
fn report_errors() {
    let s = sandbox();
    s.write("malformed.json", "{\"schema_version\": 2, \"tool\": ");
    s.write("other.json", "{\"hello\": \"world\"}\n");
    let old =
        s.read("reports/base.json")
            .replacen("\"schema_version\": 3", "\"schema_version\": 2", 1);
    s.write("old.json", old);
    case(&s, "report_missing_file", &["report", "missing.json"]);
    case(&s, "report_malformed_json", &["report", "malformed.json"]);
    case(&s, "report_not_a_result", &["report", "other.json"]);
    case(&s, "report_old_schema", &["report", "old.json"]);
    case(
        &s,
        "report_unknown_extension",
        &["report", "reports/base.json", "-o", "out.pdf"],
    );
    case(
        &s,
        "report_unknown_format",
        &["report", "reports/base.json", "--format", "pdf"],
    );
    assert!(!s.path().join("out.pdf").exists());
}

#[test]
fn leaderboard() {
    let s = sandbox();
    s.write("malformed.json", "[");
    case(
        &s,
        "leaderboard_ok",
        &["leaderboard", "reports/base.json", "reports/mixed.json"],
    );
    case(
        &s,
        "leaderboard_duplicate_system",
        &["leaderboard", "reports/base.json", "reports/head.json"],
    );
    case(
        &s,
        "leaderboard_without_speedups",
        &[
            "leaderboard",
            "reports/base.json",
            "reports/mixed.json",
            "--metric",
            "speedup",
        ],
    );
    case(
        &s,
        "leaderboard_bad_metric",
        &["leaderboard", "reports/base.json", "--metric", "fastest"],
    );
    case(
        &s,
        "leaderboard_malformed",
        &["leaderboard", "reports/base.json", "malformed.json"],
    );
    case(&s, "leaderboard_no_files", &["leaderboard"]);
    case(
        &s,
        "leaderboard_unknown_extension",
        &["leaderboard", "reports/base.json", "-o", "board.pdf"],
    );
}

#[test]
fn compare() {
    let s = sandbox();
    case(
        &s,
        "compare_same",
        &["compare", "reports/base.json", "reports/base.json"],
    );
    case(
        &s,
        "compare_regression",
        &["compare", "reports/base.json", "reports/head.json"],
    );
    case(
        &s,
        "compare_no_common_system",
        &["compare", "reports/base.json", "reports/mixed.json"],
    );
    case(
        &s,
        "compare_missing_file",
        &["compare", "reports/base.json", "missing.json"],
    );
    case(
        &s,
        "compare_unknown_extension",
        &[
            "compare",
            "reports/base.json",
            "reports/base.json",
            "-o",
            "cmp.pdf",
        ],
    );
    case(
        &s,
        "compare_bad_allowance",
        &[
            "compare",
            "reports/base.json",
            "reports/base.json",
            "--max-regression",
            "speed=1",
        ],
    );
}

#[test]
fn problems_check() {
    let s = sandbox();
    case(
        &s,
        "check_ok",
        &["problems", "check", "fast/problems", "--only", "add"],
    );
    case(
        &s,
        "check_ok_json",
        &[
            "problems",
            "check",
            "fast/problems",
            "--only",
            "add",
            "--format",
            "json",
        ],
    );
    // One problem with a typo in its problem.toml, one without a reference.
    s.copy("fast/problems/add", "broken/problems/add");
    s.copy("fast/reference/add", "broken/reference/add");
    s.copy("fast/problems/add", "broken/problems/typo");
    s.copy("fast/problems/add", "broken/problems/orphan");
    s.copy("fast/reference/add", "broken/reference/typo");
    let toml = |id: &str| {
        s.read("fast/problems/add/problem.toml")
            .replace("\"add\"", &format!("{id:?}"))
    };
    s.write(
        "broken/problems/typo/problem.toml",
        toml("typo").replace("kind = \"stdio\"", "kind = \"stdio\"\nalhpa = 3"),
    );
    s.write("broken/problems/orphan/problem.toml", toml("orphan"));
    case(
        &s,
        "check_broken",
        &["problems", "check", "broken/problems"],
    );
    case(
        &s,
        "check_unknown_only",
        &["problems", "check", "fast/problems", "--only", "nope"],
    );
    case(
        &s,
        "check_missing_folder",
        &["problems", "check", "nowhere"],
    );
}

#[test]
fn problems_tests() {
    let s = sandbox();
    case(
        &s,
        "tests_ok",
        &[
            "problems",
            "tests",
            "fast/problems",
            "--only",
            "add",
            "-o",
            "out",
        ],
    );
    s.settings().bind(|| {
        insta::assert_snapshot!("tests_ok_files", listing(&s.path().join("out")));
        insta::assert_snapshot!("tests_ok_manifest", s.read("out/add/manifest.json"));
    });
    case(
        &s,
        "tests_unknown_only",
        &[
            "problems",
            "tests",
            "fast/problems",
            "--only",
            "nope",
            "-o",
            "out2",
        ],
    );
    case(
        &s,
        "tests_no_output",
        &["problems", "tests", "fast/problems"],
    );
}

#[test]
fn import() {
    let s = sandbox();
    s.copy("import", "import");
    case(
        &s,
        "import_pie",
        &[
            "import",
            "pie",
            "import/pie/pairs.jsonl",
            "--tests",
            "import/pie/tests",
            "--out",
            "imported/pie",
        ],
    );
    s.settings().bind(|| {
        insta::assert_snapshot!("import_pie_files", listing(&s.path().join("imported/pie")));
    });
    case(
        &s,
        "import_enamel",
        &[
            "import",
            "enamel",
            "import/enamel/enamel.csv",
            "--helpers",
            "import/enamel/datautils.py",
            "--out",
            "imported/enamel",
        ],
    );
    s.settings().bind(|| {
        insta::assert_snapshot!(
            "import_enamel_files",
            listing(&s.path().join("imported/enamel"))
        );
    });
    s.write("bad.jsonl", "{\"problem_id\": \"p1\"}\nnot json\n");
    case(
        &s,
        "import_pie_bad_rows",
        &[
            "import",
            "pie",
            "bad.jsonl",
            "--tests",
            "import/pie/tests",
            "--out",
            "imported/bad",
        ],
    );
    case(
        &s,
        "import_humaneval_missing_file",
        &[
            "import",
            "humaneval",
            "HumanEval.jsonl.gz",
            "--out",
            "imported/he",
        ],
    );
    case(&s, "import_unknown_dataset", &["import", "mbpp", "x.jsonl"]);
}

#[test]
fn sanitize() {
    let s = sandbox();
    // Only Python files are sanitized: a folder of .wat files is copied as it is.
    case(
        &s,
        "sanitize_folder",
        &[
            "sanitize",
            "fast/solutions",
            "--problems",
            "fast/problems",
            "-o",
            "clean",
        ],
    );
    assert_eq!(
        listing(&s.path().join("clean")),
        listing(&s.path().join("fast/solutions"))
    );
    // A C++ line is copied; a line that is not JSON is copied with a warning.
    s.write(
        "samples.jsonl",
        "{\"task_id\": \"add\", \"solution\": \"int main() {}\", \"language\": \"cpp\"}\nnot json\n",
    );
    case(
        &s,
        "sanitize_jsonl_bad_line",
        &["sanitize", "samples.jsonl", "--problems", "fast/problems"],
    );
    s.settings().bind(|| {
        insta::assert_snapshot!(
            "sanitize_jsonl_bad_line_output",
            s.read("samples-sanitized.jsonl")
        );
    });
    s.write("notes.txt", "");
    case(
        &s,
        "sanitize_not_solutions",
        &["sanitize", "notes.txt", "--problems", "fast/problems"],
    );
    case(
        &s,
        "sanitize_into_itself",
        &[
            "sanitize",
            "fast/solutions",
            "--problems",
            "fast/problems",
            "-o",
            "fast/solutions/clean",
        ],
    );
}

#[test]
fn cache() {
    let s = sandbox();
    case(&s, "cache_clean_nothing", &["cache", "clean"]);
    case(&s, "cache_info_empty", &["cache", "info"]);
    case(&s, "cache_clean", &["cache", "clean"]);
    std::fs::create_dir(s.path().join("precious")).unwrap();
    s.write("precious/thesis.tex", "\\begin{document}");
    case(
        &s,
        "cache_clean_refuses_a_folder_without_a_tag",
        &["cache", "clean", "--cache-dir", "precious"],
    );
    assert!(s.path().join("precious/thesis.tex").exists());
    case(&s, "cache_no_cache", &["--no-cache", "cache", "info"]);
    case(&s, "cache_unknown_action", &["cache", "shrink"]);
}
