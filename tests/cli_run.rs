//! `fuelgauge run` end to end through the real binary.

use assert_cmd::Command;
use predicates::prelude::*;

fn fuelgauge(cache: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("fuelgauge").unwrap();
    cmd.env("FUELGAUGE_CACHE", cache)
        .env_remove("RUST_BACKTRACE");
    cmd
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn run_prints_verdict_fuel_and_output_and_caches_the_build() {
    let dir = tempfile::tempdir().unwrap();
    let src = write(
        dir.path(),
        "hello.c",
        "#include <stdio.h>\nint main(void){ int n; scanf(\"%d\", &n); printf(\"%d\\n\", n * 2); return 0; }\n",
    );
    let input = write(dir.path(), "in.txt", "21\n");
    let json = |out: &[u8]| serde_json::from_slice::<fuelgauge::schema::RunReport>(out).unwrap();
    let first = fuelgauge(&dir.path().join("cache"))
        .args(["run", "--format", "json", "--stdin"])
        .arg(&input)
        .arg(&src)
        .assert()
        .success();
    let first = json(&first.get_output().stdout);
    assert_eq!((first.result.name(), first.stdout.as_str()), ("ok", "42\n"));
    assert_eq!(first.build, fuelgauge::toolchain::BuildOrigin::Compiled);
    let second = fuelgauge(&dir.path().join("cache"))
        .args(["run", "--format", "json", "--stdin"])
        .arg(&input)
        .arg(&src)
        .assert()
        .success();
    let second = json(&second.get_output().stdout);
    assert_eq!(second.build, fuelgauge::toolchain::BuildOrigin::Cached);
    assert_eq!(second.fuel, first.fuel);

    fuelgauge(&dir.path().join("cache"))
        .args(["run", "--stdin"])
        .arg(&input)
        .arg(&src)
        .assert()
        .success()
        .stdout(predicate::str::contains("verdict      ok").and(predicate::str::contains("42")));
}

#[test]
fn failing_programs_exit_1_and_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let bad = write(dir.path(), "bad.c", "int main(void){ return nope; }\n");
    fuelgauge(&cache)
        .arg("run")
        .arg(&bad)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("compile_error").and(predicate::str::contains("nope")));
    let looping = write(dir.path(), "loop.py", "while True: pass\n");
    fuelgauge(&cache)
        .args(["run", "--fuel", "300000000"])
        .arg(&looping)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("fuel_exhausted"));
    fuelgauge(&cache)
        .args(["run", "missing.c"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.c"));
    let unknown = write(dir.path(), "x.rs", "fn main() {}");
    fuelgauge(&cache)
        .arg("run")
        .arg(&unknown)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown extension"));
    fuelgauge(&cache)
        .args(["run", "--python-runtime", "/nonexistent/python.wasm"])
        .arg(&looping)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("/nonexistent/python.wasm")
                .and(predicate::str::contains("ci/setup")),
        );
}

#[test]
fn cache_info_and_clean() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let src = write(dir.path(), "a.c", "int main(void){ return 0; }\n");
    fuelgauge(&cache).arg("run").arg(&src).assert().success();
    fuelgauge(&cache)
        .args(["cache", "info"])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"wasm\s+1 entries").unwrap());
    fuelgauge(&cache)
        .args(["cache", "clean"])
        .assert()
        .success();
    fuelgauge(&cache)
        .args(["cache", "info"])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"wasm\s+0 entries").unwrap());
    // A folder that is not a cache is refused, and left exactly as it was.
    let foreign = dir.path().join("photos");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("cat.jpg"), "meow").unwrap();
    fuelgauge(&foreign)
        .args(["cache", "clean"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("CACHEDIR.TAG"));
    let left: Vec<_> = std::fs::read_dir(&foreign)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["cat.jpg"]);
}

#[test]
fn a_missing_file_is_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = fuelgauge(&dir.path().join("cache"))
        .args(["run", "nope.c"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(
        stderr.matches("No such file or directory").count(),
        1,
        "{stderr}"
    );
    assert!(
        stderr.starts_with("error: failed to read nope.c"),
        "{stderr}"
    );
}
