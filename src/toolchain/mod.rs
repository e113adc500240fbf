//! Toolchains: turn C, C++, Python, `.wasm` and `.wat` candidates into runnable programs.
//! The only module that starts processes (the confined compiler).

mod clang;
mod confine;
mod error;
mod limits;
mod python;
mod toolchains;

pub use error::{CompileError, ToolchainError};
pub use limits::CompileLimits;
pub use python::{PYTHON_VERSION, PYTHON_WASM_SHA256, default_python_wasm};
pub use toolchains::{Build, BuildOrigin, Toolchains};
