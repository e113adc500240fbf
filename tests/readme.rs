//! The README's sample output is real output: these tests run the commands it shows and
//! compare. `FUELGAUGE_BLESS=1 cargo test --test readme` rewrites the blocks in place instead.
//!
//! Scoring the examples takes about two minutes on 2 cores with a cold cache (the test cache
//! under the target directory, kept between runs); after that, about a second.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use assert_cmd::Command;

/// Blessing rewrites README.md; one test at a time.
static README_LOCK: Mutex<()> = Mutex::new(());

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn shared_cache() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuelgauge-test-cache")
}

fn bless() -> bool {
    std::env::var_os("FUELGAUGE_BLESS").is_some_and(|v| v != "0")
}

/// The byte range of the output under `$ {command}` in a console block of the README.
fn output_range(readme: &str, command: &str) -> std::ops::Range<usize> {
    let prompt = format!("$ {command}\n");
    let start = readme
        .find(&prompt)
        .unwrap_or_else(|| panic!("README.md has no line `{}`", prompt.trim_end()))
        + prompt.len();
    let end = start
        + readme[start..]
            .find("```")
            .expect("the console block is closed");
    start..end
}

/// Compares the README's output of `command` with `actual` (lines paired by `same`), or with
/// FUELGAUGE_BLESS=1 writes `actual` in its place.
fn check_or_bless(command: &str, actual: &str, same: impl Fn(&str, &str) -> bool) {
    let _lock = README_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let range = output_range(&readme, command);
    let shown = &readme[range.clone()];
    let matches = shown.lines().count() == actual.lines().count()
        && shown.lines().zip(actual.lines()).all(|(s, a)| same(s, a));
    if matches {
        return;
    }
    if bless() {
        let mut blessed = readme.clone();
        blessed.replace_range(range, actual);
        std::fs::write(&path, blessed).unwrap();
        return;
    }
    panic!(
        "README.md's output of `{command}` is stale; run FUELGAUGE_BLESS=1 cargo test --test \
         readme to rewrite it.\n--- README.md\n{shown}--- real\n{actual}"
    );
}

#[test]
fn readme_score_output_is_real() {
    let dir = tempfile::tempdir().unwrap();
    // Run where the journal may go; the README's paths are relative to the repository.
    let out = Command::cargo_bin("fuelgauge")
        .unwrap()
        .current_dir(dir.path())
        .env("FUELGAUGE_CACHE", shared_cache())
        .env("COLUMNS", "100")
        .env_remove("RUST_BACKTRACE")
        .arg("score")
        .arg("--problems")
        .arg(root().join("problems"))
        .arg(root().join("examples/solutions"))
        .args(["--k", "1"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    // The README shows the per-system table; the per-problem table follows it, elided.
    let systems = stdout
        .split("\n\n")
        .next()
        .expect("the table has a first section");
    let actual = format!("{systems}\n…\n");
    check_or_bless(
        "fuelgauge score examples/solutions --k 1",
        &actual,
        |s, a| s == a,
    );
}

#[test]
fn readme_run_output_is_real() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    // The program is the README's own `hello.c` block, its input what the README echoes.
    let source = readme
        .split("```c\n")
        .skip(1)
        .find(|block| block.starts_with("// hello.c"))
        .and_then(|block| block.split("```").next())
        .expect("README.md has a ```c block starting with `// hello.c`");
    assert!(readme.contains("$ echo 21 > input.txt\n"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("hello.c"), source).unwrap();
    std::fs::write(dir.path().join("input.txt"), "21\n").unwrap();
    let run = || {
        let out = Command::cargo_bin("fuelgauge")
            .unwrap()
            .current_dir(dir.path())
            .env("FUELGAUGE_CACHE", dir.path().join("cache"))
            .env_remove("RUST_BACKTRACE")
            .args(["run", "hello.c", "--stdin", "input.txt"])
            .assert()
            .success();
        String::from_utf8_lossy(&out.get_output().stdout).into_owned()
    };
    run(); // compiles
    let actual = run(); // cached, as the README shows
    // Wall time is the one line that varies; it must still read as one.
    let wall = |line: &str| {
        line.strip_prefix("wall ")
            .and_then(|rest| rest.trim_start().strip_suffix(" ms (informational)"))
            .is_some_and(|ms| ms.parse::<f64>().is_ok())
    };
    check_or_bless(
        "fuelgauge run hello.c --stdin input.txt",
        &actual,
        |s, a| s == a || (wall(s) && wall(a)),
    );
}
