//! C and C++ to wasm32-wasi with Debian's clang-19, wasi-libc and libc++.

use std::path::Path;

use super::confine::{SCRATCH_MOUNT, run_confined, trim_diagnostics};
use super::error::{CompileError, CompileErrorKind, ToolchainError};
use super::files::modified_nanos;
use super::limits::CompileLimits;
use crate::candidate::Language;

const BITS_STDCXX: &str = include_str!("compat/bits/stdc++.h");
/// Compiled with every program: definitions the wasm32 libraries leave out.
const SUPPORT_C: &str = include_str!("compat/fuelgauge_support.c");
const SUPPORT_FILE: &str = "fuelgauge_support.c";
/// C++ only: libc++'s stream input and output at the cost of C stdio (see the file).
const STREAMS_CPP: &str = include_str!("compat/fuelgauge_streams.cpp");
const STREAMS_FILE: &str = "fuelgauge_streams.cpp";

/// The guest's C stack (in linear memory). wasi-libc's default is 64 KiB, far below the
/// 8 MiB that native competitive-programming code assumes.
const STACK_BYTES: u32 = 8 << 20;

pub(crate) struct Clang {
    pub(crate) cxx: bool,
}

impl Clang {
    pub(crate) fn compiler(&self) -> &'static str {
        if self.cxx {
            "/usr/bin/clang++-19"
        } else {
            "/usr/bin/clang-19"
        }
    }

    pub(crate) fn language(&self) -> Language {
        if self.cxx { Language::Cpp } else { Language::C }
    }

    fn file_name(&self) -> &'static str {
        if self.cxx { "main.cpp" } else { "main.c" }
    }

    /// Flags that shape the output; part of the cache key.
    pub(crate) fn flags(&self) -> Vec<String> {
        let mut flags: Vec<String> = [
            "--target=wasm32-wasi",
            "-O2",
            "-fno-color-diagnostics",
            "-ferror-limit=20",
            "-D_WASI_EMULATED_PROCESS_CLOCKS",
            "-D_WASI_EMULATED_SIGNAL",
            "-D_WASI_EMULATED_MMAN",
            "-Wl,--stack-first",
            "-Wl,--strip-debug",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        flags.push(format!("-Wl,-z,stack-size={STACK_BYTES}"));
        if self.cxx {
            flags.push("-fno-exceptions".into());
            flags.push(format!("-I{SCRATCH_MOUNT}/compat"));
        }
        flags
    }

    /// The sources fuelgauge adds to every build (part of the cache key).
    pub(crate) fn bundled_sources(&self) -> [&'static str; 3] {
        [BITS_STDCXX, SUPPORT_C, STREAMS_CPP]
    }

    /// Files whose change changes the output, with a cheap identity (size and mtime): the
    /// compiler binary and the libraries it links.
    pub(crate) fn identity_files(&self) -> Vec<&'static str> {
        let mut files = vec![
            self.compiler(),
            "/usr/lib/wasm32-wasi/libc.a",
            "/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a",
        ];
        if self.cxx {
            files.push("/usr/lib/wasm32-wasi/libc++.a");
            files.push("/usr/lib/wasm32-wasi/libc++abi.a");
        }
        files
    }

    /// A cheap fingerprint of the installed toolchain (no process is started).
    pub(crate) fn identity(&self) -> Result<String, ToolchainError> {
        let mut out = String::new();
        for file in self.identity_files() {
            let meta = std::fs::metadata(file).map_err(|_| ToolchainError::Missing {
                tool: if self.cxx { "the C++ toolchain" } else { "the C toolchain" },
                path: file.into(),
                hint: "run ci/setup (it installs clang-19, lld-19, wasi-libc and libc++ for wasm32)",
            })?;
            let mtime = modified_nanos(&meta);
            out.push_str(&format!("{file}:{}:{mtime};", meta.len()));
        }
        Ok(out)
    }

    /// Compiles `source` in `scratch`; returns the module bytes or the diagnostics.
    pub(crate) fn compile(
        &self,
        source: &[u8],
        scratch: &Path,
        limits: &CompileLimits,
    ) -> Result<Result<Vec<u8>, CompileError>, ToolchainError> {
        let io = |what: &str| ToolchainError::io(format!("{what} in {}", scratch.display()));
        std::fs::write(scratch.join(self.file_name()), source).map_err(io("write the source"))?;
        std::fs::write(scratch.join(SUPPORT_FILE), SUPPORT_C)
            .map_err(io("write the support source"))?;
        if self.cxx {
            let bits = scratch.join("compat/bits");
            std::fs::create_dir_all(&bits).map_err(io("create the compat headers"))?;
            std::fs::write(bits.join("stdc++.h"), BITS_STDCXX)
                .map_err(io("write the compat headers"))?;
            std::fs::write(scratch.join(STREAMS_FILE), STREAMS_CPP)
                .map_err(io("write the support source"))?;
        }
        let mut argv = vec![self.compiler().to_owned()];
        argv.extend(self.flags());
        argv.push(self.file_name().into());
        // C even under clang++; `-x none` would return to telling by extension.
        argv.extend(["-x", "c", SUPPORT_FILE].map(String::from));
        if self.cxx {
            argv.extend(["-x", "c++", STREAMS_FILE].map(String::from));
        }
        argv.extend(
            [
                "-o",
                "main.wasm",
                "-lwasi-emulated-process-clocks",
                "-lwasi-emulated-signal",
                "-lwasi-emulated-mman",
                "-lm",
            ]
            .map(String::from),
        );
        let finished = run_confined(&argv, scratch, limits)?;
        if finished.timed_out {
            return Ok(Err(CompileError::new(
                CompileErrorKind::TimedOut,
                format!(
                    "the compiler did not finish within {} s (the compile time limit)",
                    limits.time.as_secs()
                ),
            )));
        }
        if !finished.success {
            let message = trim_diagnostics(&finished.diagnostics);
            return Ok(Err(CompileError::new(
                CompileErrorKind::Diagnostics,
                if message.is_empty() {
                    format!(
                        "the compiler failed without diagnostics (out of memory or CPU time, or \
                         an output over {} MiB?)",
                        limits.max_output_bytes >> 20
                    )
                } else {
                    message
                },
            )));
        }
        let module = scratch.join("main.wasm");
        let size = std::fs::metadata(&module)
            .map_err(io("read the compiled module"))?
            .len();
        if size > limits.max_output_bytes {
            return Ok(Err(CompileError::new(
                CompileErrorKind::Diagnostics,
                format!(
                    "the compiled module is {size} bytes, over the {}-byte limit",
                    limits.max_output_bytes
                ),
            )));
        }
        let wasm = std::fs::read(&module).map_err(io("read the compiled module"))?;
        Ok(Ok(wasm))
    }
}
