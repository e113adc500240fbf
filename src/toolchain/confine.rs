//! Runs a compiler on untrusted source, confined by bubblewrap.
//!
//! The compiler sees `/usr/bin`, `/usr/lib` and the wasm32 sysroot headers read-only, the
//! scratch directory at `/src`, an empty `/tmp` and nothing else: no `/etc`, no `/proc`, no
//! home, no network, an empty environment. An `#include "/etc/passwd"` therefore fails with
//! "file not found" instead of echoing the file into diagnostics. Address space and CPU time
//! are capped with `ulimit`; wall time is capped here.

use std::fs::File;
use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::error::ToolchainError;
use super::limits::CompileLimits;

pub(crate) const BWRAP: &str = "/usr/bin/bwrap";
/// Where the scratch directory appears inside the sandbox; diagnostics name files under it.
pub(crate) const SCRATCH_MOUNT: &str = "/src";
const POLL: Duration = Duration::from_millis(5);
/// Diagnostics beyond this are cut: enough to see the first errors.
const MAX_DIAGNOSTIC_BYTES: u64 = 64 << 10;

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
    let log_path = scratch.join(".diagnostics");
    let log = File::create(&log_path).map_err(ToolchainError::io("create the compiler log"))?;
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
    .args(["--ro-bind", "/usr/bin", "/usr/bin"])
    .args(["--ro-bind", "/usr/lib", "/usr/lib"])
    .args(["--ro-bind-try", "/usr/lib64", "/usr/lib64"])
    .args([
        "--ro-bind",
        "/usr/include/wasm32-wasi",
        "/usr/include/wasm32-wasi",
    ])
    .args(["--symlink", "usr/lib", "/lib"])
    .args(["--symlink", "usr/lib64", "/lib64"])
    .args(["--symlink", "usr/bin", "/bin"])
    .arg("--bind")
    .arg(scratch)
    .arg(SCRATCH_MOUNT)
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
        "ulimit -v \"$1\" && ulimit -t \"$2\" && shift 2 && exec \"$@\"",
    ])
    .args(["sh", &kib.to_string(), &cpu_secs.to_string()])
    .args(argv)
    .stdin(Stdio::null())
    .stdout(Stdio::null())
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
    if diagnostics.starts_with("bwrap:") {
        return Err(ToolchainError::Confinement(
            diagnostics.lines().next().unwrap_or_default().to_owned(),
        ));
    }
    Ok(Finished {
        success: status.is_some_and(|s| s.success()),
        timed_out,
        diagnostics,
    })
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
