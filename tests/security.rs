//! Hostile files, programs and timing against the scorer itself: one bad input never costs
//! another sample's result, never hangs the run, never leaks a host file.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use fuelgauge::candidate::{Language, ProblemIndex, collect};
use fuelgauge::sandbox::{Limits, RunVerdict};
use fuelgauge::schema::ScoreReport;
use predicates::prelude::*;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn shared_cache() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuelgauge-test-cache")
}

fn fuelgauge() -> Command {
    let mut cmd = Command::cargo_bin("fuelgauge").unwrap();
    cmd.env("FUELGAUGE_CACHE", shared_cache())
        .env_remove("FUELGAUGE_SECRET_SEED")
        .env_remove("RUST_BACKTRACE");
    cmd
}

/// `score --problems tests/fixtures/problems --only ID`, with its references beside.
fn score(only: &str) -> Command {
    let mut cmd = fuelgauge();
    cmd.arg("score")
        .arg("--problems")
        .arg(fixtures().join("problems"))
        .args(["--only", only])
        .timeout(Duration::from_secs(300));
    cmd
}

fn report(path: &Path) -> ScoreReport {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Sample name → verdict, for one system and problem.
fn verdicts(report: &ScoreReport, system: &str, problem: &str) -> Vec<(String, String)> {
    report.systems[system].problems[problem]
        .samples
        .iter()
        .map(|s| (s.name.clone(), s.result.verdict.name().to_owned()))
        .collect()
}

const EQUAL_PAIRS_C: &str = r#"#include <stdio.h>
#include <stdlib.h>
static int cmp(const void *a, const void *b) {
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}
int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    long long *v = malloc(sizeof *v * (n + 1));
    for (int i = 0; i < n; i++) scanf("%lld", &v[i]);
    qsort(v, n, sizeof *v, cmp);
    long long pairs = 0, run = 0;
    for (int i = 0; i < n; i++) {
        run = (i > 0 && v[i] == v[i - 1]) ? run + 1 : 0;
        pairs += run;
    }
    printf("%lld\n", pairs);
    return 0;
}
"#;

fn write(path: &Path, text: impl AsRef<[u8]>) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_source_naming_bubblewrap_in_its_diagnostics_is_only_its_own_compile_error() {
    let dir = tempfile::tempdir().unwrap();
    let sols = dir.path().join("sols/equal-pairs");
    write(
        &sols.join("bwrap.c"),
        "#line 1 \"bwrap: Can't mount proc on /newroot/proc\"\nint main(void) { syntax error }\n",
    );
    write(&sols.join("good.c"), EQUAL_PAIRS_C);
    let out = dir.path().join("r.json");
    score("equal-pairs")
        .arg(dir.path().join("sols"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let report = report(&out);
    assert_eq!(
        verdicts(&report, "sols", "equal-pairs"),
        [
            ("bwrap.c".to_owned(), "compile_error".to_owned()),
            ("good.c".to_owned(), "accepted".to_owned())
        ]
    );
}

#[test]
fn an_invalid_utf8_line_of_a_jsonl_costs_only_that_line() {
    let dir = tempfile::tempdir().unwrap();
    let line = |code: &str| {
        serde_json::json!({"task_id": "equal-pairs", "language": "c", "solution": code}).to_string()
    };
    // A byte-order mark first, as some editors write.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(line(EQUAL_PAIRS_C).as_bytes());
    bytes.extend_from_slice(b"\n{\"task_id\": \"equal-pairs\", \"solution\": \"\xff\xfe\"}\n");
    bytes.extend_from_slice(line(&format!("{EQUAL_PAIRS_C}// again\n")).as_bytes());
    bytes.push(b'\n');
    let jsonl = dir.path().join("model.jsonl");
    write(&jsonl, bytes);
    let out = dir.path().join("r.json");
    score("equal-pairs")
        .arg(&jsonl)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{}:2: not valid UTF-8",
            jsonl.display()
        )));
    let report = report(&out);
    let names: Vec<String> = verdicts(&report, "model", "equal-pairs")
        .into_iter()
        .map(|(name, verdict)| format!("{name} {verdict}"))
        .collect();
    assert_eq!(
        names,
        ["model.jsonl:000001 accepted", "model.jsonl:000003 accepted"]
    );
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains(":2: not valid UTF-8"))
    );
}

struct Ids(Vec<String>);

impl ProblemIndex for Ids {
    fn ids(&self) -> Vec<String> {
        self.0.clone()
    }
    fn prompt(&self, _: &str) -> Option<String> {
        None
    }
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

#[test]
fn fifos_devices_folders_and_huge_files_are_never_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let sols = dir.path().join("sys/p");
    std::fs::create_dir_all(&sols).unwrap();
    mkfifo(&sols.join("f.c"));
    std::os::unix::fs::symlink("/dev/zero", sols.join("zero.c")).unwrap();
    std::fs::create_dir(sols.join("folder.py")).unwrap();
    // 4 GiB, sparse: read up to one byte over the limit, not whole.
    let huge = std::fs::File::create(sols.join("huge.c")).unwrap();
    huge.set_len(4 << 30).unwrap();
    write(&sols.join("ok.py"), "print(1)\n");
    // A FIFO given as a samples file is not opened for a blocking read either.
    let fifo_jsonl = dir.path().join("pipe.jsonl");
    mkfifo(&fifo_jsonl);
    let limit = 1 << 20;
    let collected = collect(
        &[dir.path().join("sys"), fifo_jsonl.clone()],
        &Ids(vec!["p".into()]),
        limit,
    );
    let names: Vec<(&str, usize)> = collected
        .submissions
        .iter()
        .map(|s| (s.name.as_str(), s.source.bytes.len()))
        .collect();
    assert_eq!(names, [("huge.c", limit as usize + 1), ("ok.py", 9)]);
    let warned = |what: &str| collected.warnings.iter().any(|w| w.contains(what));
    assert!(
        warned("f.c: not a regular file"),
        "{:?}",
        collected.warnings
    );
    assert!(
        warned("zero.c: a symlink out of the solutions folder"),
        "{:?}",
        collected.warnings
    );
    assert!(warned("folder.py: a folder named like a source file"));
    assert!(warned("pipe.jsonl: not a regular file"));
}

#[test]
fn the_fifo_and_dev_zero_are_warnings_within_seconds_from_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let sols = dir.path().join("sols/equal-pairs");
    std::fs::create_dir_all(&sols).unwrap();
    mkfifo(&sols.join("f.c"));
    std::os::unix::fs::symlink("/dev/zero", sols.join("z.c")).unwrap();
    score("equal-pairs")
        .arg(dir.path().join("sols"))
        .timeout(Duration::from_secs(5))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("f.c: not a regular file")
                .and(predicate::str::contains(
                    "z.c: a symlink out of the solutions folder",
                ))
                .and(predicate::str::contains("no solutions found")),
        );
}

#[test]
fn the_compiler_sees_no_host_file_outside_its_toolchain() {
    let probe = r#"#include <stdio.h>
#if __has_include("/usr/lib/os-release")
#define OS_RELEASE 1
#else
#define OS_RELEASE 0
#endif
#if __has_include("/etc/passwd")
#define PASSWD 1
#else
#define PASSWD 0
#endif
#if __has_include("/usr/include/stdio.h")
#define HOST_HEADERS 1
#else
#define HOST_HEADERS 0
#endif
int main(void) {
    printf("%d %d %d\n", OS_RELEASE, PASSWD, HOST_HEADERS);
    return 0;
}
"#;
    let o = common::run(Language::C, probe, "");
    assert_eq!(o.verdict, RunVerdict::Ok);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "0 0 0\n");
    let os_release = std::fs::read_to_string("/usr/lib/os-release").unwrap_or_default();
    let first = os_release.lines().next().unwrap_or("PRETTY_NAME");
    for source in [
        "#include \"/usr/lib/os-release\"\nint main(void) { return 0; }\n",
        "static const char d[] = {\n#embed \"/usr/lib/os-release\"\n};\nint main(void) { return d[0]; }\n",
    ] {
        let build = common::build(Language::C, source);
        let Err(error) = build.program else {
            panic!("{source}: compiled");
        };
        let message = error.message;
        assert!(message.contains("file not found"), "{message}");
        assert!(!message.contains(first), "{message}");
    }
}

#[test]
fn date_and_time_macros_are_fixed() {
    let program = |tag: &str| {
        format!(
            "#include <stdio.h>\n// {tag}\nint main(void) {{ printf(\"%s|%s|%s\", __DATE__, __TIME__, __TIMESTAMP__); return 0; }}\n"
        )
    };
    // Two sources, so the second is compiled too, not taken from the cache.
    let a = common::run(Language::C, &program("first"), "");
    let b = common::run(Language::Cpp, &program("second"), "");
    assert_eq!(
        String::from_utf8_lossy(&a.stdout),
        "Jan  1 2000|00:00:00|Sat Jan  1 00:00:00 2000"
    );
    assert_eq!(a.stdout, b.stdout);
}

fn wat_program(text: &str) -> fuelgauge::sandbox::Program {
    let build = common::build(Language::Wat, text);
    build.program.expect("valid wat")
}

#[test]
fn the_memory_cap_covers_all_memories_and_tables_together() {
    let limits = Limits {
        memory_bytes: 512 << 20,
        ..common::small_limits()
    };
    // Six memories of 128 MiB each: 768 MiB in all, over a 512 MiB cap.
    let memories: String = (0..6).map(|i| format!("(memory $m{i} 2048)\n")).collect();
    let module =
        format!("(module {memories} (memory (export \"memory\") 1) (func (export \"_start\")))");
    let o = common::env()
        .sandbox
        .run(&wat_program(&module), b"", &limits, 0)
        .unwrap();
    assert_eq!(o.verdict, RunVerdict::MemoryLimit);
    assert!(o.peak_memory >= 384 << 20, "peak {}", o.peak_memory);
    assert!(o.peak_memory <= 512 << 20, "peak {}", o.peak_memory);
    // 100 tables of 1M entries hold 8 bytes an entry on the host: 800 MB.
    let tables: String = (0..100)
        .map(|i| format!("(table $t{i} 1000000 funcref)\n"))
        .collect();
    let module =
        format!("(module {tables} (memory (export \"memory\") 1) (func (export \"_start\")))");
    let o = common::env()
        .sandbox
        .run(&wat_program(&module), b"", &limits, 0)
        .unwrap();
    assert_eq!(o.verdict, RunVerdict::MemoryLimit);
    // Within the cap, memories and tables are both counted in the peak.
    let module = "(module (memory $a 160) (table 1000000 funcref) (memory (export \"memory\") 160) (func (export \"_start\")))";
    let o = common::env()
        .sandbox
        .run(&wat_program(module), b"", &limits, 0)
        .unwrap();
    assert_eq!(o.verdict, RunVerdict::Ok);
    assert_eq!(o.peak_memory, 2 * 160 * 65536 + 8_000_000);
}

/// A copy of the fixture problem set with `equal-pairs` checked by `checker`.
fn problems_with_checker(root: &Path, checker: &str) -> PathBuf {
    let problems = root.join("problems");
    let src = fixtures().join("problems/equal-pairs");
    let dst = problems.join("equal-pairs");
    common::copy_tree(&src, &dst);
    let toml = std::fs::read_to_string(src.join("problem.toml"))
        .unwrap()
        .replace(
            "[checker]\nkind = \"tokens\"",
            "[checker]\nkind = \"custom\"\nprogram = \"check.py\"",
        );
    write(&dst.join("problem.toml"), toml);
    write(&dst.join("check.py"), checker);
    common::copy_tree(
        &fixtures().join("reference/equal-pairs"),
        &root.join("reference/equal-pairs"),
    );
    problems
}

#[test]
fn no_byte_a_candidate_prints_moves_the_custom_checkers_framing() {
    let dir = tempfile::tempdir().unwrap();
    // A checker as the README shows it: the candidate's output is exactly `act`.
    let checker = r#"import pickle, sys
inp, exp, act = pickle.loads(sys.stdin.buffer.read())
assert type(inp) is bytes and type(exp) is bytes and type(act) is bytes
sys.exit(0 if act.split() == exp.split() else 1)
"#;
    let problems = problems_with_checker(dir.path(), checker);
    let sols = dir.path().join("sols/equal-pairs");
    write(&sols.join("good.c"), EQUAL_PAIRS_C);
    // Under the old protocol (`input\0expected\0actual`), a checker splitting from the right
    // took "1\01\n" as expected "1" and actual "1": the candidate chose both.
    write(
        &sols.join("framing.c"),
        "#include <stdio.h>\nint main(void) { fputs(\"1\", stdout); putchar(0); fputs(\"1\\n\", stdout); return 0; }\n",
    );
    let out = dir.path().join("r.json");
    fuelgauge()
        .arg("score")
        .arg("--problems")
        .arg(&problems)
        .arg(dir.path().join("sols"))
        .arg("-o")
        .arg(&out)
        .timeout(Duration::from_secs(300))
        .assert()
        .success();
    assert_eq!(
        verdicts(&report(&out), "sols", "equal-pairs"),
        [
            ("framing.c".to_owned(), "wrong_answer".to_owned()),
            ("good.c".to_owned(), "accepted".to_owned())
        ]
    );
}

#[test]
fn a_sample_in_a_language_without_a_reference_is_a_warning_and_the_rest_is_scored() {
    let dir = tempfile::tempdir().unwrap();
    let sols = dir.path().join("sols/min-max");
    let fast = std::fs::read(fixtures().join("solutions/fast/min-max/a.py")).unwrap();
    write(&sols.join("a.py"), fast);
    write(&sols.join("b.c"), "int main(void) { return 0; }\n");
    let out = dir.path().join("r.json");
    score("min-max")
        .arg(dir.path().join("sols"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "b.c: problem `min-max` has no reference for c candidates",
        ));
    let report = report(&out);
    assert_eq!(
        verdicts(&report, "sols", "min-max"),
        [
            ("a.py".to_owned(), "accepted".to_owned()),
            ("b.c".to_owned(), "compile_error".to_owned())
        ]
    );
}

/// A C program that answers from a table of (FNV-1a of stdin, answer): it passes exactly
/// when the tests are the ones it memorised.
fn memorised(tests_dir: &Path) -> String {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(tests_dir.join("manifest.json")).unwrap()).unwrap();
    let mut table = String::new();
    for t in manifest["tests"].as_array().unwrap() {
        let input = std::fs::read(tests_dir.join(t["input"].as_str().unwrap())).unwrap();
        let expected =
            std::fs::read_to_string(tests_dir.join(t["expected"].as_str().unwrap())).unwrap();
        let hash = input.iter().fold(0xcbf29ce484222325u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
        });
        table.push_str(&format!("{{{hash}ULL, {:?}}},\n", expected));
    }
    format!(
        r#"#include <stdio.h>
struct entry {{ unsigned long long hash; const char *answer; }};
static const struct entry table[] = {{
{table}}};
int main(void) {{
    unsigned long long h = 0xcbf29ce484222325ULL;
    int c;
    while ((c = getchar()) != EOF) h = (h ^ (unsigned char)c) * 0x100000001b3ULL;
    for (unsigned i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].hash == h) {{ fputs(table[i].answer, stdout); return 0; }}
    puts("0");
    return 0;
}}
"#
    )
}

#[test]
fn a_secret_seed_hides_the_tests_from_a_memorised_answer_table() {
    let dir = tempfile::tempdir().unwrap();
    let tests = dir.path().join("tests");
    fuelgauge()
        .args(["problems", "tests"])
        .arg(fixtures().join("problems"))
        .args(["--only", "equal-pairs", "-o"])
        .arg(&tests)
        .timeout(Duration::from_secs(300))
        .assert()
        .success();
    let sols = dir.path().join("sols/equal-pairs");
    write(&sols.join("table.c"), memorised(&tests.join("equal-pairs")));
    // Nothing about the hidden tests is kept in the cache (often shared, e.g. restored into
    // pull requests): with the secret, a cache of its own, empty of inputs and runs after.
    let private_cache = dir.path().join("cache");
    let run = |out: &Path, secret: Option<&str>| {
        let mut cmd = score("equal-pairs");
        if let Some(secret) = secret {
            cmd.env("FUELGAUGE_SECRET_SEED", secret)
                .env("FUELGAUGE_CACHE", &private_cache);
        }
        cmd.arg(dir.path().join("sols"))
            .arg("-o")
            .arg(out)
            .assert()
            .success();
        report(out)
    };
    let public = run(&dir.path().join("public.json"), None);
    assert_eq!(
        public.systems["sols"].problems["equal-pairs"].samples[0]
            .result
            .verdict,
        fuelgauge::schema::VerdictKind::Accepted
    );
    assert_eq!(public.provenance.secret_seed_sha256, None);
    let secret = "a long random leaderboard secret 5f0c";
    let hidden_path = dir.path().join("hidden.json");
    let hidden = run(&hidden_path, Some(secret));
    assert_eq!(
        hidden.systems["sols"].problems["equal-pairs"].samples[0]
            .result
            .verdict,
        fuelgauge::schema::VerdictKind::WrongAnswer
    );
    assert_eq!(
        hidden.provenance.secret_seed_sha256.as_deref(),
        Some(
            fuelgauge::digest::Digest::of(secret.as_bytes())
                .hex()
                .as_str()
        )
    );
    // The diff of a hidden test does not quote its expected answer.
    let failed = hidden.systems["sols"].problems["equal-pairs"].samples[0]
        .result
        .tests
        .last()
        .unwrap();
    let shown = serde_json::to_string(&failed.verdict).unwrap();
    assert!(shown.contains("a hidden test: not shown"), "{shown}");
    let text = std::fs::read_to_string(&hidden_path).unwrap();
    assert!(!text.contains(secret));
    // Same secret, same hidden tests: byte-identical results.
    run(&dir.path().join("again.json"), Some(secret));
    assert_eq!(
        std::fs::read(&hidden_path).unwrap(),
        std::fs::read(dir.path().join("again.json")).unwrap()
    );
    let ids: BTreeSet<&String> = hidden.provenance.problems.keys().collect();
    assert_eq!(ids.len(), 1);
    for bucket in ["inputs", "runs"] {
        let files = common::files_under(&private_cache.join("v1").join(bucket));
        assert!(files.is_empty(), "{bucket}: {files:?}");
    }
    assert!(
        !common::files_under(&private_cache.join("v1/wasm")).is_empty(),
        "compiled programs are still cached"
    );
}

#[test]
fn sanitize_copies_an_invalid_utf8_line_unchanged_and_cleans_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let fenced = serde_json::json!({
        "task_id": "min-max",
        "solution": "Here you go:\n```python\ndef min_max(xs):\n    return (min(xs), max(xs))\n```\n",
    })
    .to_string();
    let bad: &[u8] = b"{\"task_id\": \"min-max\", \"solution\": \"\xff\"}";
    let mut bytes = fenced.clone().into_bytes();
    bytes.push(b'\n');
    bytes.extend_from_slice(bad);
    bytes.push(b'\n');
    write(&input, &bytes);
    let output = dir.path().join("out.jsonl");
    fuelgauge()
        .arg("sanitize")
        .arg("--problems")
        .arg(fixtures().join("problems"))
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .timeout(Duration::from_secs(120))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(":2: not a UTF-8 JSON object"));
    let written = std::fs::read(&output).unwrap();
    let lines: Vec<&[u8]> = written.split(|&b| b == b'\n').collect();
    assert_eq!(lines.len(), 3, "two lines and the final newline");
    assert_eq!(lines[1], bad);
    let first: serde_json::Value = serde_json::from_slice(lines[0]).unwrap();
    let code = first["solution"].as_str().unwrap();
    assert!(code.starts_with("def min_max"), "{code}");
}

#[test]
fn folders_linked_out_of_the_solutions_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("outside");
    write(&outside.join("p/secret.c"), "TOKEN-THAT-MUST-NOT-LEAK\n");
    let sols = dir.path().join("sols");
    write(&sols.join("a/p/ok.py"), "print(1)\n");
    // A system folder, and a problem folder, that are links out of the tree.
    std::os::unix::fs::symlink(&outside, sols.join("b")).unwrap();
    std::fs::create_dir_all(sols.join("c")).unwrap();
    std::os::unix::fs::symlink(outside.join("p"), sols.join("c/p")).unwrap();
    // A link inside the tree is followed.
    std::os::unix::fs::symlink(sols.join("a"), sols.join("d")).unwrap();
    let collected = collect(std::slice::from_ref(&sols), &Ids(vec!["p".into()]), 1 << 20);
    let got: Vec<(&str, &str)> = collected
        .submissions
        .iter()
        .map(|s| (s.system.as_str(), s.name.as_str()))
        .collect();
    assert_eq!(got, [("a", "ok.py"), ("d", "ok.py")]);
    for s in &collected.submissions {
        assert!(!String::from_utf8_lossy(&s.source.bytes).contains("TOKEN"));
    }
    let warned = |what: &str| collected.warnings.iter().any(|w| w.contains(what));
    assert!(
        warned("sols/b: a symlink out of the solutions folder"),
        "{:?}",
        collected.warnings
    );
    assert!(warned("sols/c/p: a symlink out of the solutions folder"));
}

#[test]
fn a_tiny_source_asking_for_a_gigabyte_of_data_is_a_compile_error() {
    let build = common::build(
        Language::C,
        "char a[1000 << 20] = {1};\nint main(void) { return a[12345]; }\n",
    );
    let Err(error) = build.program else {
        panic!("a 1 GB module was built");
    };
    assert!(!error.message.is_empty());
}
