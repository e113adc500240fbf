//! Runs a compiler on untrusted source, confined by bubblewrap.
//!
//! The compiler sees, read-only, only what it needs: LLVM's tree (the compiler, the linker
//! and clang's resource directory), the wasm32 sysroot (headers and libraries), and the host
//! shared libraries those programs load; the scratch directory at `/src` and an empty `/tmp`
//! are writable. No `/etc`, no `/proc`, no other part of `/usr`, no home, no network, an
//! empty environment: an `#include` or `#embed` of a host file fails with "file not found"
//! and `__has_include` learns nothing about the host. `__DATE__`, `__TIME__` and
//! `__TIMESTAMP__` are fixed (`SOURCE_DATE_EPOCH`), so a build does not depend on when it
//! ran. Address space, CPU time and the size of every file written are capped with `ulimit`
//! (and `/tmp`'s size with bubblewrap); wall time is capped here.
//!
//! Whether the confinement itself failed is told by the sandbox, never by diagnostics: the
//! wrapper started inside it writes a mark to its own stdout (a host file the compiler cannot
//! reach) before it runs the compiler, so a run without the mark never reached the compiler.

use std::fs::File;
use std::io::{Read as _, Seek as _};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use super::error::ToolchainError;
use super::limits::CompileLimits;

pub(crate) const BWRAP: &str = "/usr/bin/bwrap";
/// Where the scratch directory appears inside the sandbox; diagnostics name files under it.
pub(crate) const SCRATCH_MOUNT: &str = "/src";
/// `__DATE__` and `__TIME__` in every build: 2000-01-01 00:00:00 UTC.
pub(crate) const SOURCE_DATE_EPOCH: i64 = 946_684_800;
const POLL: Duration = Duration::from_millis(5);
/// Diagnostics beyond this are cut: enough to see the first errors.
const MAX_DIAGNOSTIC_BYTES: u64 = 64 << 10;
/// What the wrapper inside the sandbox prints once it is about to run the compiler.
const STARTED_MARK: &str = "fuelgauge: confined";

/// Folders the compiler sees whole, read-only.
const TREES: [&str; 3] = [
    "/usr/lib/llvm-19",
    "/usr/lib/wasm32-wasi",
    "/usr/include/wasm32-wasi",
];
/// Programs that run inside; the shared libraries they load are made visible too.
const PROGRAMS: [&str; 3] = [
    "/usr/lib/llvm-19/bin/clang",
    "/usr/lib/llvm-19/bin/lld",
    "/usr/bin/dash",
];
/// The names the compiler is started by, as on the host.
const LINKS: [(&str, &str); 4] = [
    ("/usr/lib/llvm-19/bin/clang", "/usr/bin/clang-19"),
    ("/usr/lib/llvm-19/bin/clang++", "/usr/bin/clang++-19"),
    ("/usr/lib/llvm-19/bin/wasm-ld", "/usr/bin/wasm-ld-19"),
    ("/usr/bin/dash", "/usr/bin/sh"),
];

pub(crate) struct Finished {
    pub(crate) success: bool,
    pub(crate) timed_out: bool,
    pub(crate) diagnostics: String,
}

/// Runs `argv` (absolute paths under /usr) confined, with `scratch` mounted at `/src`.
pub(crate) fn run_confined(
    argv: &[String],
    scratch: &Path,
    limits: &CompileLimits,
) -> Result<Finished, ToolchainError> {
    if !Path::new(BWRAP).exists() {
        return Err(ToolchainError::Missing {
            tool: "bubblewrap",
            path: BWRAP.into(),
            hint: "run ci/setup (or apt-get install bubblewrap): it confines the compiler",
        });
    }
    let binds = visible_files()?;
    let log_path = scratch.join(".diagnostics");
    let log = File::create(&log_path).map_err(ToolchainError::io("create the compiler log"))?;
    let mut mark = tempfile::tempfile().map_err(ToolchainError::io("create a status file"))?;
    let mark_out = mark
        .try_clone()
        .map_err(ToolchainError::io("create a status file"))?;
    let kib = limits.memory_bytes / 1024;
    let cpu_secs = limits.time.as_secs() + 1;
    let mut cmd = Command::new(BWRAP);
    cmd.args([
        "--unshare-all",
        "--die-with-parent",
        "--new-session",
        "--clearenv",
    ])
    .args(["--setenv", "PATH", "/usr/bin"])
    .args([
        "--setenv",
        "SOURCE_DATE_EPOCH",
        &SOURCE_DATE_EPOCH.to_string(),
    ]);
    for tree in TREES {
        cmd.args(["--ro-bind", tree, tree]);
    }
    for (from, to) in binds {
        cmd.arg("--ro-bind").arg(from).arg(to);
    }
    for (target, link) in LINKS {
        cmd.args(["--symlink", target, link]);
    }
    cmd.args(["--symlink", "usr/lib", "/lib"])
        .args(["--symlink", "usr/lib64", "/lib64"])
        .args(["--symlink", "usr/bin", "/bin"])
        .arg("--bind")
        .arg(scratch)
        .arg(SCRATCH_MOUNT)
        .args(["--size", &(limits.max_output_bytes * 4).to_string()])
        .args([
            "--tmpfs",
            "/tmp",
            "--dev",
            "/dev",
            "--chdir",
            SCRATCH_MOUNT,
            "--",
        ])
        .args([
            "/usr/bin/sh",
            "-c",
            "ulimit -v \"$1\" && ulimit -t \"$2\" && ulimit -f \"$3\" && printf '%s' \"$4\" && shift 4 && exec \"$@\" >/dev/null",
        ])
        .args([
            "sh",
            &kib.to_string(),
            &cpu_secs.to_string(),
            // In 512-byte blocks.
            &(limits.max_output_bytes / 512).to_string(),
            STARTED_MARK,
        ])
        .args(argv)
        .stdin(Stdio::null())
        .stdout(mark_out)
        .stderr(log);
    let mut child = cmd
        .spawn()
        .map_err(|e| ToolchainError::Confinement(format!("cannot start {BWRAP}: {e}")))?;
    let started = Instant::now();
    let (status, timed_out) = loop {
        if let Some(status) = child
            .try_wait()
            .map_err(ToolchainError::io("wait for the compiler"))?
        {
            break (Some(status), false);
        }
        if started.elapsed() >= limits.time {
            let _ = child.kill();
            let _ = child.wait();
            break (None, true);
        }
        std::thread::sleep(POLL);
    };
    let mut diagnostics = String::new();
    if let Ok(f) = File::open(&log_path) {
        let mut buf = Vec::new();
        let _ = f.take(MAX_DIAGNOSTIC_BYTES).read_to_end(&mut buf);
        diagnostics = String::from_utf8_lossy(&buf).into_owned();
    }
    let mut marked = String::new();
    let _ = mark.rewind();
    let _ = mark
        .take(STARTED_MARK.len() as u64)
        .read_to_string(&mut marked);
    if marked != STARTED_MARK && !timed_out {
        // bubblewrap (or the limits) failed before the compiler started: its own message is
        // the first line of the log, which nothing of the candidate's has reached yet.
        return Err(ToolchainError::Confinement(
            diagnostics
                .lines()
                .next()
                .unwrap_or("no message")
                .to_owned(),
        ));
    }
    Ok(Finished {
        success: status.is_some_and(|s| s.success()),
        timed_out,
        diagnostics,
    })
}

/// The host shared libraries the programs inside load, each as (file, where the loader looks
/// for it), found once per process with `ldd`.
fn visible_files() -> Result<&'static [(PathBuf, PathBuf)], ToolchainError> {
    static FILES: OnceLock<Result<Vec<(PathBuf, PathBuf)>, String>> = OnceLock::new();
    FILES
        .get_or_init(|| {
            let mut files = Vec::new();
            for program in PROGRAMS {
                let out = Command::new("ldd")
                    .arg(program)
                    .stdin(Stdio::null())
                    .output()
                    .map_err(|e| format!("cannot run ldd on {program}: {e}"))?;
                if !out.status.success() {
                    return Err(format!("ldd cannot list the libraries of {program}"));
                }
                for path in ldd_paths(&String::from_utf8_lossy(&out.stdout)) {
                    let file = std::fs::canonicalize(&path)
                        .map_err(|e| format!("{}: {e}", path.display()))?;
                    let seen_as = lookup_path(&path);
                    if TREES.iter().any(|t| seen_as.starts_with(t)) {
                        files.push((file.clone(), file));
                    } else {
                        files.push((file.clone(), file.clone()));
                        files.push((file, seen_as));
                    }
                }
            }
            files.push(("/usr/bin/dash".into(), "/usr/bin/dash".into()));
            files.sort();
            files.dedup();
            Ok(files)
        })
        .as_deref()
        .map_err(|e| ToolchainError::Confinement(format!("{e}; is libc-bin installed?")))
}

/// The library paths in `ldd`'s output: `name => /path (0x…)` and the loader's `/path (0x…)`.
fn ldd_paths(text: &str) -> Vec<PathBuf> {
    text.lines()
        .filter_map(|line| {
            let line = line.trim();
            let path = line.split_once("=> ").map_or(line, |(_, p)| p);
            let path = path.split(" (").next()?.trim();
            path.starts_with('/').then(|| PathBuf::from(path))
        })
        .collect()
}

/// Where the loader looks for a library inside the sandbox: the path with `..` folded and
/// `/lib`, `/lib64` as `/usr/lib`, `/usr/lib64` (the sandbox links the former to the latter).
fn lookup_path(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    for (from, to) in [("/lib64", "/usr/lib64"), ("/lib", "/usr/lib")] {
        if let Ok(rest) = out.strip_prefix(from) {
            return Path::new(to).join(rest);
        }
    }
    out
}

/// Keeps diagnostics readable and bounded: at most 40 lines and 8 KiB, with the sandbox's
/// mount prefix removed so messages name `main.c:3:10`, not an internal path.
pub(crate) fn trim_diagnostics(text: &str) -> String {
    const MAX_LINES: usize = 40;
    const MAX_BYTES: usize = 8 << 10;
    let prefix = format!("{}/", SCRATCH_MOUNT);
    let mut out = String::new();
    let lines: Vec<&str> = text.lines().collect();
    for line in lines.iter().take(MAX_LINES) {
        let line = line.replace(&prefix, "");
        if out.len() + line.len() > MAX_BYTES {
            break;
        }
        out.push_str(&line);
        out.push('\n');
    }
    if lines.len() > MAX_LINES {
        out.push_str(&format!("… {} more lines\n", lines.len() - MAX_LINES));
    }
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ldd_output_is_read_as_paths() {
        let text = "\tlinux-vdso.so.1 (0x00007f)\n\tlibclang-cpp.so.19.1 => /usr/lib/llvm-19/bin/../lib/libclang-cpp.so.19.1 (0x1)\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x2)\n\t/lib64/ld-linux-x86-64.so.2 (0x3)\n";
        let paths = ldd_paths(text);
        assert_eq!(
            paths,
            [
                "/usr/lib/llvm-19/bin/../lib/libclang-cpp.so.19.1",
                "/lib/x86_64-linux-gnu/libc.so.6",
                "/lib64/ld-linux-x86-64.so.2"
            ]
            .map(PathBuf::from)
        );
        assert_eq!(
            lookup_path(&paths[0]),
            Path::new("/usr/lib/llvm-19/lib/libclang-cpp.so.19.1")
        );
        assert_eq!(
            lookup_path(&paths[1]),
            Path::new("/usr/lib/x86_64-linux-gnu/libc.so.6")
        );
        assert_eq!(
            lookup_path(&paths[2]),
            Path::new("/usr/lib64/ld-linux-x86-64.so.2")
        );
    }
}
