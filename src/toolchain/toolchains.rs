//! Turns any candidate source into a runnable program, through the compile cache.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use super::clang::Clang;
use super::error::{CompileError, CompileErrorKind, ToolchainError};
use super::files::modified_nanos;
use super::limits::CompileLimits;
use super::python::{self, python_runtime_sha256};
use crate::cache::{Bucket, Cache};
use crate::candidate::{Language, Source};
use crate::digest::{Digest, KeyBuilder};
use crate::sandbox::{Entry, Program, PyMode, WasmModule, WasmOrigin};

/// How a build was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuildOrigin {
    /// Found in the compile cache: no compiler was started.
    Cached,
    /// The compiler ran.
    Compiled,
    /// Nothing to compile (Python, raw WebAssembly).
    Direct,
}

impl BuildOrigin {
    /// As in the JSON.
    pub fn name(self) -> &'static str {
        match self {
            BuildOrigin::Cached => "cached",
            BuildOrigin::Compiled => "compiled",
            BuildOrigin::Direct => "direct",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Build {
    pub program: Result<Program, CompileError>,
    pub origin: BuildOrigin,
}

/// All toolchains, sharing one compile cache.
pub struct Toolchains {
    cache: Option<Arc<Cache>>,
    limits: CompileLimits,
    python_runtime: PathBuf,
    compiler_runs: AtomicU64,
    versions: Mutex<BTreeMap<String, String>>,
}

impl Toolchains {
    pub fn new(cache: Option<Arc<Cache>>, limits: CompileLimits, python_runtime: PathBuf) -> Self {
        Toolchains {
            cache,
            limits,
            python_runtime,
            compiler_runs: AtomicU64::new(0),
            versions: Mutex::new(BTreeMap::new()),
        }
    }

    /// The version line of every compiler used so far, by language (for provenance).
    pub fn compiler_versions(&self) -> BTreeMap<String, String> {
        self.versions.lock().expect("versions poisoned").clone()
    }

    /// How many times this process started a compiler.
    pub fn compiler_runs(&self) -> u64 {
        self.compiler_runs.load(Ordering::Relaxed)
    }

    /// Builds `source` into a program. A source that does not compile is `Ok` with a
    /// `CompileError` inside; `Err` means fuelgauge itself could not work.
    pub fn build(&self, source: &Source) -> Result<Build, ToolchainError> {
        let refuse = |message: String| Build {
            program: Err(CompileError::new(CompileErrorKind::Refused, message)),
            origin: BuildOrigin::Direct,
        };
        let limit = self.limits.max_source_bytes;
        if source.bytes.len() as u64 > limit {
            // Sources are read only up to one byte over the limit: the size is "over".
            return Ok(refuse(format!(
                "source is over the {limit}-byte limit for candidates; \
                 raise it with --max-source-bytes if this is intended"
            )));
        }
        match source.language {
            Language::C => self.build_clang(&Clang { cxx: false }, source),
            Language::Cpp => self.build_clang(&Clang { cxx: true }, source),
            Language::Python => {
                let Ok(text) = std::str::from_utf8(&source.bytes) else {
                    return Ok(refuse("source is not valid UTF-8".into()));
                };
                if text.contains('\0') {
                    return Ok(refuse("source contains a NUL byte".into()));
                }
                Ok(Build {
                    program: Ok(self.python_program(text, PyMode::Main)?),
                    origin: BuildOrigin::Direct,
                })
            }
            Language::Wasm => Ok(Build {
                program: Ok(command(WasmModule::from_bytes(source.bytes.clone()))),
                origin: BuildOrigin::Direct,
            }),
            Language::Wat => Ok(match wat::parse_bytes(&source.bytes) {
                Ok(wasm) => Build {
                    program: Ok(command(WasmModule::from_bytes(wasm.into_owned()))),
                    origin: BuildOrigin::Direct,
                },
                Err(e) => refuse(format!("invalid WebAssembly text: {e}")),
            }),
        }
    }

    /// The Python runtime running `code` (candidates, and our own generators and checkers).
    pub fn python_program(&self, code: &str, mode: PyMode) -> Result<Program, ToolchainError> {
        Ok(Program {
            module: self.python_runtime()?,
            entry: Entry::Python {
                source: code.into(),
                mode,
            },
        })
    }

    /// The Python runtime component, verified against the pinned sha256 (memoised by size
    /// and mtime, so the 18 MB file is hashed once per install, not once per run).
    pub fn python_runtime(&self) -> Result<WasmModule, ToolchainError> {
        let path = &self.python_runtime;
        let meta = std::fs::metadata(path).map_err(|_| python::missing(path.clone()))?;
        let mtime = modified_nanos(&meta) as u64;
        let memo = KeyBuilder::new("python-runtime-sha-v1")
            .str(&path.display().to_string())
            .u64(meta.len())
            .u64(mtime)
            .finish();
        let known = self
            .cache
            .as_ref()
            .and_then(|c| c.get(Bucket::Toolchain, &memo))
            .filter(|v| v.len() == 32);
        let digest = match known {
            Some(v) => Digest(v.try_into().expect("32 bytes")),
            None => {
                let bytes = std::fs::read(path).map_err(|_| python::missing(path.clone()))?;
                let digest = Digest::of(&bytes);
                if digest.hex() != python_runtime_sha256() {
                    return Err(ToolchainError::WrongPython {
                        path: path.clone(),
                        actual: digest.hex(),
                        expected: python_runtime_sha256(),
                    });
                }
                if let Some(cache) = &self.cache {
                    let _ = cache.put(Bucket::Toolchain, &memo, &digest.0);
                }
                digest
            }
        };
        Ok(WasmModule {
            digest,
            origin: WasmOrigin::File(path.clone()),
        })
    }

    /// The compiler's version line, memoised by the toolchain's file identity.
    fn clang_version(&self, clang: &Clang, identity: &str) -> Result<String, ToolchainError> {
        let memo = KeyBuilder::new("clang-version-v1").str(identity).finish();
        if let Some(v) = self
            .cache
            .as_ref()
            .and_then(|c| c.get(Bucket::Toolchain, &memo))
        {
            return Ok(String::from_utf8_lossy(&v).into_owned());
        }
        let out = std::process::Command::new(clang.compiler())
            .arg("--version")
            .output()
            .map_err(ToolchainError::io(format!(
                "run {} --version",
                clang.compiler()
            )))?;
        let version = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned();
        if let Some(cache) = &self.cache {
            let _ = cache.put(Bucket::Toolchain, &memo, version.as_bytes());
        }
        Ok(version)
    }

    fn build_clang(&self, clang: &Clang, source: &Source) -> Result<Build, ToolchainError> {
        let identity = clang.identity()?;
        let version = self.clang_version(clang, &identity)?;
        self.versions
            .lock()
            .expect("versions poisoned")
            .insert(clang.language().name().into(), version.clone());
        let mut key = KeyBuilder::new("compile-v4")
            .str(clang.language().name())
            .str(&version)
            .str(&identity)
            .str(&clang.flags().join("\u{1f}"));
        for bundled in clang.bundled_sources() {
            key = key.str(bundled);
        }
        let key = key.bytes(&source.bytes).finish();
        if let Some(cache) = &self.cache {
            if let Some(wasm) = cache.get(Bucket::Wasm, &key) {
                return Ok(Build {
                    program: Ok(command(WasmModule::from_bytes(wasm))),
                    origin: BuildOrigin::Cached,
                });
            }
            if let Some(diag) = cache.get(Bucket::Diagnostics, &key) {
                return Ok(Build {
                    program: Err(CompileError::new(
                        CompileErrorKind::Diagnostics,
                        String::from_utf8_lossy(&diag),
                    )),
                    origin: BuildOrigin::Cached,
                });
            }
        }
        let scratch = tempfile::Builder::new()
            .prefix("fuelgauge-compile-")
            .tempdir()
            .map_err(ToolchainError::io("create a scratch directory"))?;
        self.compiler_runs.fetch_add(1, Ordering::Relaxed);
        let result = clang.compile(&source.bytes, scratch.path(), &self.limits)?;
        if let Some(cache) = &self.cache {
            // A timeout depends on the machine's speed, so it is not cached.
            let _ = match &result {
                Ok(wasm) => cache.put(Bucket::Wasm, &key, wasm),
                Err(e) if e.kind == CompileErrorKind::TimedOut => Ok(()),
                Err(e) => cache.put(Bucket::Diagnostics, &key, e.message.as_bytes()),
            };
        }
        Ok(Build {
            program: result.map(|wasm| command(WasmModule::from_bytes(wasm))),
            origin: BuildOrigin::Compiled,
        })
    }
}

/// A WASI command with no arguments and an empty environment.
fn command(module: WasmModule) -> Program {
    Program {
        module,
        entry: Entry::Command {
            argv: vec!["main".into()],
            env: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_origins_print_as_in_the_json() {
        for origin in [
            BuildOrigin::Cached,
            BuildOrigin::Compiled,
            BuildOrigin::Direct,
        ] {
            assert_eq!(serde_json::to_value(origin).unwrap(), origin.name());
        }
    }
}
