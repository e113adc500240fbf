//! Crash damage: a journal line cut mid-write and damaged cache entries are detected and
//! recovered from, and the final JSON is the one an undisturbed run writes. The fixture is a
//! one-problem set with a C reference and `.wat` candidates, so it needs clang but no Python
//! runtime and takes seconds cold; `ci/soak` does the same at scale.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use fuelgauge::digest::Digest;

/// A WASI command that spins `spin` times, then writes `text` to stdout.
fn wat(text: &str, spin: u32) -> String {
    let escaped = text.replace('\n', "\\n");
    format!(
        r#"(module
  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "{escaped}")
  (func (export "_start") (local $i i32)
    (local.set $i (i32.const {spin}))
    (block $done (loop $spin
      (br_if $done (i32.eqz (local.get $i)))
      (local.set $i (i32.sub (local.get $i) (i32.const 1)))
      (br $spin)))
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const {len}))
    (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
"#,
        len = text.len()
    )
}

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    /// Problem `answer` (print 42; three hand tests, C reference) and one system of five
    /// samples: right, slower, and three wrong answers whose diffs hold multi-byte UTF-8.
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(
            "problems/answer/problem.toml",
            "id = \"answer\"\ntitle = \"The answer\"\nkind = \"stdio\"\nstatement = \"statement.md\"\n\n[checker]\nkind = \"tokens\"\n",
        );
        write("problems/answer/statement.md", "Print 42.\n");
        for t in ["a", "b", "c"] {
            write(&format!("problems/answer/tests/{t}.in"), &format!("{t}\n"));
        }
        write(
            "reference/answer/ref.c",
            "#include <stdio.h>\nint main(void) { puts(\"42\"); return 0; }\n",
        );
        write("sol/sys/answer/right.wat", &wat("42\n", 10));
        write("sol/sys/answer/slower.wat", &wat("42\n", 300));
        for i in 0..3 {
            write(
                &format!("sol/sys/answer/wrong{i}.wat"),
                &wat(&format!("naïve… {i}\n"), i),
            );
        }
        Fixture { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// `fuelgauge score` of the fixture with its own cache, writing `out`; one job, so the
    /// counts of runs and compiles are deterministic.
    fn score(&self, out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
        Command::cargo_bin("fuelgauge")
            .unwrap()
            .env_remove("RUST_BACKTRACE")
            .arg("--cache-dir")
            .arg(self.path("cache"))
            .args(["score", "--jobs", "1", "--problems"])
            .arg(self.path("problems"))
            .args(extra)
            .arg("-o")
            .arg(out)
            .arg(self.path("sol"))
            .assert()
    }
}

fn stderr_of(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

/// The number just before `what` in the summary line (`…, 3 from the journal; …`).
fn count_before(stderr: &str, what: &str) -> u64 {
    stderr
        .split(what)
        .next()
        .and_then(|s| s.rsplit([' ', '(']).find(|w| !w.is_empty()))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count before {what:?} in:\n{stderr}"))
}

/// The journal of a run that scored every sample and then failed to write its output: a
/// deterministic stand-in for a run killed at its very end.
fn full_journal(fx: &Fixture) -> (PathBuf, Vec<u8>) {
    let journal = fx.path("j");
    let _ = std::fs::remove_file(&journal);
    let journal_arg = ["--journal", journal.to_str().unwrap()];
    fx.score(&fx.path("missing/out.json"), &journal_arg).code(2);
    let bytes = std::fs::read(&journal).expect("a failed run keeps its journal");
    assert_eq!(
        bytes.iter().filter(|&&b| b == b'\n').count(),
        5,
        "one line per sample"
    );
    (journal, bytes)
}

#[test]
fn a_journal_line_cut_mid_write_loses_only_that_line() {
    let fx = Fixture::new();
    let reference = fx.path("reference.json");
    fx.score(&reference, &[]).success();
    let expected = std::fs::read(&reference).unwrap();
    // Where the cut lands in the last line holding `…`: inside that character (E2 80 A6, so
    // the file is no longer UTF-8), or inside the line's ASCII key.
    type Cut = fn(&[u8]) -> usize;
    let cuts: [(&str, Cut); 2] = [
        ("inside a character", |line| {
            line.windows(3).position(|w| w == "…".as_bytes()).unwrap() + 1
        }),
        ("inside the key", |_| 20),
    ];
    for (what, cut) in cuts {
        let (journal, bytes) = full_journal(&fx);
        let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
        let torn = lines
            .iter()
            .rposition(|l| l.windows(3).any(|w| w == "…".as_bytes()))
            .expect("a wrong answer's diff holds the candidate's `…`");
        let offset: usize = lines[..torn].iter().map(|l| l.len()).sum();
        std::fs::write(&journal, &bytes[..offset + cut(lines[torn])]).unwrap();
        let out = fx.path("out.json");
        let journal_arg = ["--journal", journal.to_str().unwrap()];
        let resumed = fx.score(&out, &journal_arg).success();
        let stderr = stderr_of(&resumed);
        assert_eq!(
            count_before(&stderr, " from the journal"),
            torn as u64,
            "cut {what}: every whole line is resumed\n{stderr}"
        );
        assert_eq!(
            std::fs::read(&out).unwrap(),
            expected,
            "cut {what}: the resumed JSON is the undisturbed one"
        );
        assert!(
            !journal.exists(),
            "the journal is removed after a complete run"
        );
    }
}

/// Whether a cache file is a whole entry: `FGC1 ‖ sha256(payload) ‖ payload`.
fn intact(bytes: &[u8]) -> bool {
    bytes.len() >= 36 && &bytes[..4] == b"FGC1" && Digest::of(&bytes[36..]).0[..] == bytes[4..36]
}

fn entries(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            entries(&path, found);
        } else {
            found.push(path);
        }
    }
}

#[test]
fn damaged_cache_entries_are_rebuilt_not_trusted() {
    let fx = Fixture::new();
    let reference = fx.path("reference.json");
    let cold = stderr_of(&fx.score(&reference, &[]).success());
    let expected = std::fs::read(&reference).unwrap();
    let mut files = Vec::new();
    entries(&fx.path("cache/v1"), &mut files);
    files.sort();
    let buckets: std::collections::BTreeSet<_> = files
        .iter()
        .map(|f| f.parent().unwrap().parent().unwrap().file_name().unwrap())
        .collect();
    for bucket in ["wasm", "native", "runs", "toolchain"] {
        assert!(
            buckets.contains(std::ffi::OsStr::new(bucket)),
            "{bucket}: {buckets:?}"
        );
    }
    // Every entry damaged, four ways in turn: a flipped payload bit, a flipped hash bit, a
    // truncated payload, an empty file.
    for (i, file) in files.iter().enumerate() {
        let mut bytes = std::fs::read(file).unwrap();
        assert!(intact(&bytes), "{} is an entry", file.display());
        match i % 4 {
            0 => *bytes.last_mut().unwrap() ^= 0x10,
            1 => bytes[4] ^= 1,
            2 => bytes.truncate(36 + (bytes.len() - 36) / 2),
            _ => bytes.clear(),
        }
        std::fs::write(file, &bytes).unwrap();
    }
    let out = fx.path("out.json");
    let rebuilt = stderr_of(&fx.score(&out, &[]).success());
    assert_eq!(
        std::fs::read(&out).unwrap(),
        expected,
        "damage changes nothing scored"
    );
    // Nothing damaged was used: the run redid all a cold run does...
    for what in [" runs executed", " compiles"] {
        assert_eq!(
            count_before(&rebuilt, what),
            count_before(&cold, what),
            "{what}\ncold:\n{cold}\nafter damage:\n{rebuilt}"
        );
    }
    // ...and left no damaged entry behind: each was removed and written again.
    let mut after = Vec::new();
    entries(&fx.path("cache/v1"), &mut after);
    for file in &after {
        assert!(
            intact(&std::fs::read(file).unwrap()),
            "{} is damaged",
            file.display()
        );
    }
    assert!(
        after.len() >= files.len(),
        "{} entries, {} before",
        after.len(),
        files.len()
    );
    let warm = stderr_of(&fx.score(&fx.path("warm.json"), &[]).success());
    assert_eq!(count_before(&warm, " runs executed"), 0, "{warm}");
    assert_eq!(count_before(&warm, " compiles"), 0, "{warm}");
    assert_eq!(std::fs::read(fx.path("warm.json")).unwrap(), expected);
}
