//! `fuelgauge score`, `report`, `leaderboard` and `compare` end to end on small fixtures.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use predicates::prelude::*;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn shared_cache() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuelgauge-test-cache")
}

fn fuelgauge(cache: &Path) -> Command {
    let mut cmd = Command::cargo_bin("fuelgauge").unwrap();
    cmd.env("FUELGAUGE_CACHE", cache)
        .env_remove("RUST_BACKTRACE");
    cmd.arg("score")
        .arg("--problems")
        .arg(fixtures().join("problems"));
    cmd
}

fn score_to(cache: &Path, out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    fuelgauge(cache)
        .args(extra)
        .arg("-o")
        .arg(out)
        .arg(fixtures().join("solutions/fast"))
        .arg(fixtures().join("solutions/slow"))
        .arg(fixtures().join("solutions/mixed"))
        .assert()
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn json_is_byte_identical_across_jobs_and_cache_states() {
    let dir = tempfile::tempdir().unwrap();
    let cold_cache = dir.path().join("cold");
    let outs: Vec<PathBuf> = (0..3)
        .map(|i| dir.path().join(format!("r{i}.json")))
        .collect();
    score_to(&cold_cache, &outs[0], &["--jobs", "1"]).success();
    score_to(&cold_cache, &outs[1], &["--jobs", "2"]).success(); // warm
    score_to(&dir.path().join("other"), &outs[2], &["--jobs", "2"]).success(); // cold, 2 jobs
    assert_eq!(read(&outs[0]), read(&outs[1]));
    assert_eq!(read(&outs[0]), read(&outs[2]));
    // The schema reads back with unknown fields denied, and ranks as expected.
    let report: fuelgauge::schema::ScoreReport = serde_json::from_slice(&read(&outs[0])).unwrap();
    assert_eq!(report.schema_version, 3);
    let eff = |s: &str| report.systems[s].stats[0].eff_at_k.value;
    assert!(
        eff("fast") > eff("slow"),
        "{} vs {}",
        eff("fast"),
        eff("slow")
    );
    assert_eq!(report.systems["mixed"].stats[0].pass_at_k.value, 0.5);
    // A warm re-score runs nothing and compiles nothing.
    score_to(&cold_cache, &dir.path().join("again.json"), &[])
        .success()
        .stderr(
            predicate::str::contains("0 runs executed").and(predicate::str::contains("0 compiles")),
        );
}

#[test]
fn a_killed_run_resumes_without_recomputing() {
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("reference.json");
    score_to(&shared_cache(), &reference, &[]).success();

    let out = dir.path().join("resumed.json");
    let journal = PathBuf::from(format!("{}.journal", out.display()));
    // Uncached, so every sample really runs and there is time to kill it.
    let uncached = |jobs: &str| {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("fuelgauge"));
        cmd.env_remove("RUST_BACKTRACE")
            .args(["--no-cache", "score", "--jobs", jobs, "--problems"])
            .arg(fixtures().join("problems"))
            .arg("-o")
            .arg(&out)
            .arg(fixtures().join("solutions/fast"))
            .arg(fixtures().join("solutions/slow"))
            .arg(fixtures().join("solutions/mixed"));
        cmd
    };
    let mut child = uncached("1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait (bounded) until some samples are journaled, then kill -9.
    let lines = loop {
        let n = std::fs::read_to_string(&journal)
            .map(|t| t.lines().count())
            .unwrap_or(0);
        if n >= 2 {
            break n;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("score finished ({status}) before it could be killed");
        }
        std::thread::yield_now();
    };
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!out.exists(), "killed before writing");
    let resumed = Command::from_std(uncached("2")).assert().success();
    let stderr = String::from_utf8_lossy(&resumed.get_output().stderr).into_owned();
    let from_journal: usize = stderr
        .split(" from the journal")
        .next()
        .and_then(|s| s.rsplit(", ").next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(
        from_journal >= lines,
        "{from_journal} resumed, {lines} were journaled\n{stderr}"
    );
    assert_eq!(
        read(&out),
        read(&reference),
        "a resumed run gives the same JSON"
    );
    assert!(
        !journal.exists(),
        "the journal is removed after a complete run"
    );
}

#[test]
fn malformed_jsonl_lines_are_warnings_and_the_rest_is_scored() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.json");
    fuelgauge(&shared_cache())
        .arg("-o")
        .arg(&out)
        .arg(fixtures().join("solutions/model.jsonl"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("model.jsonl:3: malformed JSON").and(
                predicate::str::contains("model.jsonl:4: no problem `no-such-problem`"),
            ),
        );
    let report: fuelgauge::schema::ScoreReport = serde_json::from_slice(&read(&out)).unwrap();
    let model = &report.systems["model"];
    assert_eq!(model.problems["min-max"].samples.len(), 2);
    assert_eq!(model.problems["equal-pairs"].samples.len(), 1);
    assert_eq!(report.warnings.len(), 2);
    // The completion was appended to the prompt and passes; the list-returning one fails.
    let verdicts: Vec<&str> = model.problems["min-max"]
        .samples
        .iter()
        .map(|s| s.result.verdict.name())
        .collect();
    assert_eq!(verdicts, ["accepted", "wrong_answer"]);
}

#[test]
fn gates_compare_leaderboard_and_report() {
    let dir = tempfile::tempdir().unwrap();
    let head = dir.path().join("head.json");
    score_to(&shared_cache(), &head, &["--fail-under", "pass@1=0.9"])
        .code(1)
        .stderr(predicate::str::contains(
            "`mixed` has pass@1 = 0.5000, under 0.9",
        ));
    let bin = || {
        let mut c = Command::cargo_bin("fuelgauge").unwrap();
        c.env_remove("RUST_BACKTRACE");
        c
    };
    bin()
        .arg("compare")
        .arg(&head)
        .arg(&head)
        .assert()
        .success()
        .stdout(predicate::str::contains("no regression"));
    // Plant a regression: the base's `slow` system is the head's `fast`, so `slow` dropped.
    let mut base: fuelgauge::schema::ScoreReport = serde_json::from_slice(&read(&head)).unwrap();
    let fast = base.systems["fast"].clone();
    base.systems.insert("slow".into(), fast);
    let base_path = dir.path().join("base.json");
    std::fs::write(&base_path, serde_json::to_vec(&base).unwrap()).unwrap();
    bin()
        .arg("compare")
        .arg(&base_path)
        .arg(&head)
        .args(["--max-regression", "eff@1=0.02", "--strict"])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("regression").and(predicate::str::contains("| slow | eff@1")),
        );
    let board = dir.path().join("leaderboard.json");
    let page = dir.path().join("page.html");
    bin()
        .arg("leaderboard")
        .arg(&head)
        .arg("-o")
        .arg(&board)
        .arg("-o")
        .arg(&page)
        .assert()
        .success();
    let lb: fuelgauge::schema::Leaderboard = serde_json::from_slice(&read(&board)).unwrap();
    assert_eq!(lb.entries[0].system, "fast");
    assert!(read(&page).starts_with(b"<!"));
    for (format, needle) in [
        ("markdown", "| system |"),
        ("junit", "<testsuites"),
        ("table", "eff@k"),
        ("jsonl", "\"system\":"),
    ] {
        bin()
            .arg("report")
            .arg(&head)
            .args(["--format", format])
            .assert()
            .success()
            .stdout(predicate::str::contains(needle));
    }
    bin()
        .arg("report")
        .arg(dir.path().join("missing.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.json"));
    // A file that cannot be written is named as the user wrote it, not as its temporary file.
    let nowhere = dir.path().join("no-such-folder/out.json");
    let failed = bin()
        .arg("report")
        .arg(&head)
        .arg("-o")
        .arg(&nowhere)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&failed.get_output().stderr).into_owned();
    assert!(
        stderr.contains(&format!("failed to write {}", nowhere.display()))
            && !stderr.contains(".out.json.")
            && !stderr.contains("at path"),
        "{stderr}"
    );
}

fn bin() -> Command {
    let mut c = Command::cargo_bin("fuelgauge").unwrap();
    c.env_remove("RUST_BACKTRACE").env_remove("COLUMNS");
    c
}

fn stderr_of(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

fn stdout_of(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).into_owned()
}

#[test]
fn results_in_files_still_tell_a_person_how_it_went_and_tables_fit_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.json");
    // Every result goes to a file and stdout is a pipe: the summary goes to stderr.
    let scored = score_to(&shared_cache(), &out, &[]).success();
    assert_eq!(stdout_of(&scored), "");
    let stderr = stderr_of(&scored);
    assert!(
        stderr.contains("pass@k [95% CI]") && stderr.contains("mixed"),
        "{stderr}"
    );
    // A real report at 80 columns: no line is wider.
    let table = bin()
        .env("COLUMNS", "80")
        .arg("report")
        .arg(&out)
        .assert()
        .success();
    let table = stdout_of(&table);
    let widest = table
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap();
    assert!(widest <= 80, "{widest} columns:\n{table}");
    assert!(
        table.contains("median") && table.contains("equal-pairs"),
        "{table}"
    );
    // The CSV export: a header and one row per sample.
    let csv = dir.path().join("samples.csv");
    bin()
        .arg("report")
        .arg(&out)
        .arg("-o")
        .arg(&csv)
        .assert()
        .success();
    let report: fuelgauge::schema::ScoreReport = serde_json::from_slice(&read(&out)).unwrap();
    let samples: usize = report
        .systems
        .values()
        .flat_map(|s| s.problems.values())
        .map(|p| p.samples.len())
        .sum();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("system,problem,sample,language,passed,score,verdict,f_0,"));
    assert_eq!(text.lines().count(), samples + 1);
}

#[test]
fn leaderboard_ranks_only_over_problems_every_system_scored() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full.json");
    score_to(&shared_cache(), &full, &["--metric", "speedup"]).success();
    let report: fuelgauge::schema::ScoreReport = serde_json::from_slice(&read(&full)).unwrap();
    let problems: Vec<String> = report.systems["fast"].problems.keys().cloned().collect();
    assert!(problems.len() >= 2, "{problems:?}");

    // `slow` in a file of its own, having scored one problem fewer.
    let mut only_slow = report.clone();
    only_slow.systems.retain(|name, _| name == "slow");
    only_slow
        .systems
        .get_mut("slow")
        .unwrap()
        .problems
        .remove(&problems[0]);
    let mut others = report.clone();
    others.systems.remove("slow");
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    std::fs::write(&a, serde_json::to_vec(&others).unwrap()).unwrap();
    std::fs::write(&b, serde_json::to_vec(&only_slow).unwrap()).unwrap();

    let refused = bin().arg("leaderboard").arg(&a).arg(&b).assert().code(2);
    let stderr = stderr_of(&refused);
    assert!(
        stderr.contains(&format!("`slow` lacks 1 of {}", problems.len()))
            && stderr.contains("--allow-partial"),
        "{stderr}"
    );

    let (json, md, html) = (
        dir.path().join("lb.json"),
        dir.path().join("lb.md"),
        dir.path().join("lb.html"),
    );
    let partial = bin()
        .arg("leaderboard")
        .arg(&a)
        .arg(&b)
        .arg("--allow-partial")
        .args(["-o", "-", "-o"])
        .arg(&json)
        .arg("-o")
        .arg(&md)
        .arg("-o")
        .arg(&html)
        .assert()
        .success();
    let stdout = stdout_of(&partial);
    assert!(
        stdout.contains("Partial ranking") && stdout.contains("coverage"),
        "{stdout}"
    );
    let board: fuelgauge::schema::Leaderboard = serde_json::from_slice(&read(&json)).unwrap();
    assert_eq!(board.schema_version, 3);
    assert!(board.partial);
    assert_eq!(board.problems.common, problems.len() - 1);
    let slow = board.entries.iter().find(|e| e.system == "slow").unwrap();
    assert_eq!(slow.coverage.missing, [problems[0].clone()]);
    assert!(
        board
            .entries
            .iter()
            .all(|e| e.problems == problems.len() - 1)
    );
    let md = std::fs::read_to_string(&md).unwrap();
    assert!(
        md.contains("| rank | system | eff@1 [95% CI] | coverage |"),
        "{md}"
    );
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .contains("id=\"ranking\"")
    );

    // Speedups rank too, when the results have them; not otherwise.
    let speedup = bin()
        .arg("leaderboard")
        .arg(&full)
        .args(["--metric", "speedup"])
        .assert()
        .success();
    assert!(stdout_of(&speedup).contains("speedup [95% CI]"));
    let mut plain = report.clone();
    plain.speedup = None;
    let plain_path = dir.path().join("plain.json");
    std::fs::write(&plain_path, serde_json::to_vec(&plain).unwrap()).unwrap();
    let refused = bin()
        .arg("leaderboard")
        .arg(&plain_path)
        .args(["--metric", "speedup"])
        .assert()
        .code(2);
    assert!(stderr_of(&refused).contains("without --metric speedup"));

    // The same problem id from a different problem folder is refused by name.
    let mut changed = only_slow.clone();
    let id = &problems[1];
    changed.provenance.problems.get_mut(id).unwrap().sha256 = "0".repeat(64);
    std::fs::write(&b, serde_json::to_vec(&changed).unwrap()).unwrap();
    let refused = bin().arg("leaderboard").arg(&a).arg(&b).assert().code(2);
    assert!(
        stderr_of(&refused).contains(&format!("problem `{id}` differs")),
        "{}",
        stderr_of(&refused)
    );
}

#[test]
fn ctrl_c_says_what_the_journal_keeps_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.json");
    let journal = PathBuf::from(format!("{}.journal", out.display()));
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("fuelgauge"))
        .env_remove("RUST_BACKTRACE")
        .args(["--no-cache", "score", "--jobs", "1", "--problems"])
        .arg(fixtures().join("problems"))
        .arg("-o")
        .arg(&out)
        .arg(fixtures().join("solutions/fast"))
        .arg(fixtures().join("solutions/slow"))
        .arg(fixtures().join("solutions/mixed"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while std::fs::read_to_string(&journal).map_or(0, |t| t.lines().count()) < 2 {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("score finished ({status}) before it could be interrupted");
        }
        std::thread::yield_now();
    }
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    // A worker may finish one more sample while the message is written: at least N are saved.
    let saved = std::fs::read_to_string(&journal).unwrap().lines().count();
    let tail = format!(
        " samples are saved in {}; run the same command to resume",
        journal.display()
    );
    let said: usize = stderr
        .split("interrupted: ")
        .nth(1)
        .and_then(|rest| rest.split_once(&tail))
        .and_then(|(n, _)| n.parse().ok())
        .unwrap_or_else(|| panic!("no interruption message in\n{stderr}"));
    assert!((2..=saved).contains(&said), "{said} said, {saved} saved");
    assert!(!out.exists());
}

#[test]
fn compare_fails_closed_when_base_and_head_are_not_comparable() {
    let dir = tempfile::tempdir().unwrap();
    let head_path = dir.path().join("head.json");
    score_to(&shared_cache(), &head_path, &[]).success();
    let head: fuelgauge::schema::ScoreReport = serde_json::from_slice(&read(&head_path)).unwrap();
    let compare = |base: &fuelgauge::schema::ScoreReport, extra: &[&str]| {
        let base_path = dir.path().join("base.json");
        std::fs::write(&base_path, serde_json::to_vec(base).unwrap()).unwrap();
        let json = dir.path().join("compare.json");
        let assert = Command::cargo_bin("fuelgauge")
            .unwrap()
            .arg("compare")
            .arg(&base_path)
            .arg(&head_path)
            .args(extra)
            .arg("-o")
            .arg(&json)
            .assert();
        let out = assert.get_output();
        let status = out.status.code().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let c: serde_json::Value = serde_json::from_slice(&read(&json)).unwrap();
        (status, stderr, c["status"].as_str().unwrap().to_owned())
    };
    let (status, _, verdict) = compare(&head, &[]);
    assert_eq!((status, verdict.as_str()), (0, "ok"));

    // A renamed solutions folder: no system in common.
    let mut renamed = head.clone();
    renamed.systems = head
        .systems
        .iter()
        .map(|(k, v)| (format!("old-{k}"), v.clone()))
        .collect();
    let (status, stderr, verdict) = compare(&renamed, &[]);
    assert_eq!((status, verdict.as_str()), (2, "error"), "{stderr}");
    assert!(stderr.contains("share no system"), "{stderr}");

    // A system dropped (or renamed) while others stay: refused, unless --allow-partial.
    let mut dropped = head.clone();
    dropped
        .systems
        .insert("gone".into(), head.systems["fast"].clone());
    let (status, stderr, _) = compare(&dropped, &[]);
    assert_eq!(status, 2, "{stderr}");
    assert!(
        stderr.contains("system `gone` is in base but not in head"),
        "{stderr}"
    );
    let (status, stderr, _) = compare(&dropped, &["--allow-partial"]);
    assert_ne!(status, 2, "{stderr}");

    // Another compiler build, or other reference costs under the same problem files.
    let mut compiler = head.clone();
    assert!(
        !compiler.provenance.compilers.is_empty(),
        "the C++ samples were compiled"
    );
    for version in compiler.provenance.compilers.values_mut() {
        *version = "clang version 0.0".into();
    }
    let (status, stderr, _) = compare(&compiler, &[]);
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("compiler differs"), "{stderr}");
    let mut costs = head.clone();
    for y in costs
        .provenance
        .problems
        .get_mut("min-max")
        .unwrap()
        .references
        .values_mut()
    {
        y.budget *= 3;
    }
    let (status, stderr, _) = compare(&costs, &[]);
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("other reference costs"), "{stderr}");
    let mut undescribed = head.clone();
    undescribed.provenance.problems.remove("min-max");
    let (status, stderr, _) = compare(&undescribed, &[]);
    assert_eq!(status, 2, "{stderr}");

    // A problem that changed between base and head.
    let mut changed = head.clone();
    changed
        .provenance
        .problems
        .get_mut("min-max")
        .unwrap()
        .sha256 = "0".repeat(64);
    let (status, stderr, _) = compare(&changed, &[]);
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("problem `min-max` changed"), "{stderr}");

    // Gates must be numbers: NaN would switch them off.
    Command::cargo_bin("fuelgauge")
        .unwrap()
        .arg("compare")
        .arg(&head_path)
        .arg(&head_path)
        .args(["--max-regression", "eff@1=nan"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a finite number"));

    // A system that covered more problems in base: refused unless --allow-partial.
    let mut wider = head.clone();
    wider
        .systems
        .get_mut("fast")
        .unwrap()
        .problems
        .remove("min-max");
    let (status, stderr, _) = compare(&wider, &[]);
    assert_eq!(status, 2, "{stderr}");
    assert!(
        stderr.contains("system `fast` covers 1 problems in base and 2 in head"),
        "{stderr}"
    );
    let (status, stderr, verdict) = compare(&wider, &["--allow-partial"]);
    assert_ne!(status, 2, "{stderr}");
    assert_ne!(verdict, "error");
}

#[test]
fn score_warns_on_partial_coverage_and_checks_flags_before_running() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one");
    std::fs::create_dir_all(one.join("min-max")).unwrap();
    std::fs::copy(
        fixtures().join("solutions/fast/min-max/a.py"),
        one.join("min-max/a.py"),
    )
    .unwrap();
    let out = dir.path().join("r.json");
    let warning = "system `one` has samples for 1 of the 2 problems (missing equal-pairs)";
    fuelgauge(&shared_cache())
        .arg(&one)
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains(warning));
    // A gate over part of the set fails closed; the results are still written.
    std::fs::remove_file(&out).unwrap();
    fuelgauge(&shared_cache())
        .arg(&one)
        .args(["--fail-under", "pass@1=0.5", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains(warning).and(predicate::str::contains(
                "--fail-under gates systems that cover only part",
            )),
        );
    let report: fuelgauge::schema::ScoreReport = serde_json::from_slice(&read(&out)).unwrap();
    assert!(
        report.systems["one"].problems.contains_key("min-max"),
        "still scored"
    );
    // The subset on purpose, under another name.
    fuelgauge(&shared_cache())
        .arg(&one)
        .args([
            "--only",
            "min-max",
            "--system",
            "renamed",
            "--fail-under",
            "pass@1=0.5",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    let report: fuelgauge::schema::ScoreReport = serde_json::from_slice(&read(&out)).unwrap();
    assert_eq!(report.systems.keys().collect::<Vec<_>>(), ["renamed"]);
    // Usage errors, before anything runs.
    fuelgauge(&shared_cache())
        .arg(&one)
        .args(["--only", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--only nope: no such problem"));
    fuelgauge(&shared_cache())
        .arg(&one)
        .args(["--fail-under", "eff@10=0.5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "k = 10 is not scored; add it to --k",
        ));
}

#[test]
fn symlinks_out_of_the_solutions_and_fifos_are_skipped_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "TOKEN-THAT-MUST-NOT-LEAK\n").unwrap();
    let sols = dir.path().join("sols/min-max");
    std::fs::create_dir_all(&sols).unwrap();
    std::fs::copy(
        fixtures().join("solutions/fast/min-max/a.py"),
        sols.join("a.py"),
    )
    .unwrap();
    // Within the folder: followed.
    std::os::unix::fs::symlink(sols.join("a.py"), sols.join("b.py")).unwrap();
    // Out of it: not followed, whatever the extension says.
    std::os::unix::fs::symlink(&secret, sols.join("leak.c")).unwrap();
    let fifo = sols.join("f.py");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = dir.path().join("r.json");
    fuelgauge(&shared_cache())
        .arg(dir.path().join("sols"))
        .args(["--only", "min-max", "-o"])
        .arg(&out)
        .timeout(std::time::Duration::from_secs(120))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("leak.c: a symlink out of the solutions folder")
                .and(predicate::str::contains("f.py: not a regular file")),
        );
    let text = String::from_utf8(read(&out)).unwrap();
    assert!(!text.contains("TOKEN-THAT-MUST-NOT-LEAK"));
    let report: fuelgauge::schema::ScoreReport = serde_json::from_str(&text).unwrap();
    let names: Vec<&str> = report.systems["sols"].problems["min-max"]
        .samples
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["a.py", "b.py"]);
}
