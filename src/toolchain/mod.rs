//! Toolchains: turn C, C++, Python, `.wasm` and `.wat` candidates into runnable programs.
//! The only module that starts processes (the confined compiler).

mod clang;
mod confine;
mod error;
mod files;
mod limits;
mod python;
mod toolchains;

pub use error::{CompileError, CompileErrorKind, ToolchainError};
pub use limits::CompileLimits;
pub use python::{PYTHON_VERSION, default_python_runtime, python_runtime_sha256};
pub use toolchains::{Build, BuildOrigin, Toolchains};
