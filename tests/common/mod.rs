//! Shared set-up for integration tests: one sandbox and one toolchain set per test binary,
//! with a cache under the target dir so tests never depend on the user's.

#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use fuelgauge::cache::Cache;
use fuelgauge::candidate::{Language, Source};
use fuelgauge::sandbox::{Limits, Outcome, Sandbox};
use fuelgauge::toolchain::{Build, CompileLimits, Toolchains, default_python_runtime};

pub struct Env {
    pub cache: Arc<Cache>,
    pub tools: Toolchains,
    pub sandbox: Sandbox,
}

pub fn python_runtime() -> PathBuf {
    std::env::var_os("FUELGAUGE_PYTHON_RUNTIME")
        .map(PathBuf::from)
        .unwrap_or_else(default_python_runtime)
}

pub fn env() -> &'static Env {
    static ENV: OnceLock<Env> = OnceLock::new();
    ENV.get_or_init(|| {
        // Shared by all test binaries and kept between runs, so python.wasm's native code is
        // compiled once; tests of the cache itself use caches of their own.
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuelgauge-test-cache");
        let cache = Arc::new(Cache::open(&dir).unwrap());
        let tools = Toolchains::new(
            Some(cache.clone()),
            CompileLimits::default(),
            python_runtime(),
        );
        let sandbox = Sandbox::new(2, Some(cache.clone())).unwrap();
        Env {
            cache,
            tools,
            sandbox,
        }
    })
}

pub fn source(language: Language, code: &str) -> Source {
    Source::new("test", language, code.as_bytes().to_vec())
}

pub fn build(language: Language, code: &str) -> Build {
    env().tools.build(&source(language, code)).unwrap()
}

/// Builds and runs; panics on a compile error (with the diagnostics).
pub fn run_with(language: Language, code: &str, stdin: &str, limits: &Limits) -> Outcome {
    let build = build(language, code);
    let program = match build.program {
        Ok(p) => p,
        Err(e) => panic!("compile error:\n{}", e.message),
    };
    env()
        .sandbox
        .run(&program, stdin.as_bytes(), limits, 0)
        .unwrap()
}

pub fn run(language: Language, code: &str, stdin: &str) -> Outcome {
    run_with(language, code, stdin, &small_limits())
}

/// Limits that keep hostile tests quick: 2·10^9 fuel, 256 MiB, 1 MiB of output.
pub fn small_limits() -> Limits {
    Limits {
        fuel: 2_000_000_000,
        memory_bytes: 256 << 20,
        stdout_bytes: 1 << 20,
        ..Limits::default()
    }
}

pub fn stdout(o: &Outcome) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Copies a file, or a folder with everything in it, to `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            copy_tree(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(from, to).unwrap();
    }
}

/// Every file under `dir`, recursively (none when it does not exist).
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            files.extend(files_under(&p));
        } else {
            files.push(p);
        }
    }
    files
}
