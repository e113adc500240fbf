//! What the snapshot and fast tests share: the binary in a hermetic environment, a run as one
//! transcript (exit status, stdout, stderr), and the insta filters that take out what depends
//! on the machine (temporary paths, the checkout's path, wall times, versions).

#![allow(
    dead_code,
    reason = "each test crate uses a different part of this module"
)]

use std::path::{Path, PathBuf};
use std::process::Output;

/// `tests/fixtures/<rel>`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// A temporary home for one test: its own cache, data and working folders.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::Builder::new()
                .prefix("fuelgauge-snap-")
                .tempdir()
                .unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The fuelgauge binary with nothing of this machine's environment: the cache
    /// (`[TMP]/xdg-cache/fuelgauge`), the data folder (where the Python runtime would be) and
    /// the working folder are inside the sandbox, so a run that needed the Python runtime
    /// fails instead of finding one. No `FUELGAUGE_*` variable is set: clap would show its
    /// value in `--help` and in usage lines.
    pub fn fuelgauge(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::cargo_bin("fuelgauge").unwrap();
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path().join("home"))
            .env("XDG_CACHE_HOME", self.path().join("xdg-cache"))
            .env("XDG_DATA_HOME", self.path().join("xdg-data"))
            .current_dir(self.path());
        cmd
    }

    /// Copies `tests/fixtures/<rel>` (a file or a folder) to `<sandbox>/<to>`.
    pub fn copy(&self, rel: &str, to: &str) -> PathBuf {
        let target = self.path().join(to);
        super::common::copy_tree(&fixture(rel), &target);
        target
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Snapshot settings for this sandbox: the common filters, and its own path as `[TMP]`.
    pub fn settings(&self) -> insta::Settings {
        let mut settings = settings();
        for path in [
            self.path().to_path_buf(),
            std::fs::canonicalize(self.path()).unwrap(),
        ] {
            // Longest first: the sandbox lies under the system's temporary folder.
            settings.add_filter(&escape(&path.display().to_string()), "[TMP]");
        }
        settings
    }
}

/// Filters for every snapshot: what varies between machines, checkouts and releases.
pub fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots"));
    settings.add_filter(&escape(env!("CARGO_MANIFEST_DIR")), "[REPO]");
    // Wall times are informational and differ on every run.
    settings.add_filter(r"wall( +)\d+(\.\d+)? ms", "wall$1[WALL] ms");
    settings.add_filter(r#""wall_ms": [0-9.e+-]+"#, r#""wall_ms": "[WALL]""#);
    settings.add_filter(
        &format!(r"\b{}\b", escape(env!("CARGO_PKG_VERSION"))),
        "[VERSION]",
    );
    // A compiler's version line (provenance), should one ever be printed.
    settings.add_filter(r"(Debian |Ubuntu )?clang version [^\n\x22]+", "[CLANG]");
    settings
}

/// `text` as a regular expression matching itself.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One run as a snapshot: its exit status, then stdout, then stderr.
pub fn transcript(output: &Output) -> String {
    let code = output
        .status
        .code()
        .map_or_else(|| "killed by a signal".to_owned(), |c| c.to_string());
    format!(
        "exit: {code}\n--- stdout\n{}--- stderr\n{}",
        stream(&output.stdout),
        stream(&output.stderr)
    )
}

fn stream(bytes: &[u8]) -> String {
    let mut text = String::from_utf8_lossy(bytes).into_owned();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push_str("[no newline at the end]\n");
    }
    text
}

/// Runs `cmd` and returns its output, whatever the exit status.
pub fn run(cmd: &mut assert_cmd::Command) -> Output {
    cmd.output().unwrap()
}

/// Runs `cmd`, asserts it exited with `code`, and returns its stdout.
pub fn stdout_of(cmd: &mut assert_cmd::Command, code: i32) -> String {
    let output = run(cmd);
    assert_eq!(output.status.code(), Some(code), "{}", transcript(&output));
    String::from_utf8(output.stdout).unwrap()
}
