//! The judge's own failures.

use crate::sandbox::SandboxError;
use crate::toolchain::ToolchainError;

/// fuelgauge could not judge: its own failure, never the candidate's (which is a verdict).
#[derive(Debug, thiserror::Error)]
pub enum JudgeError {
    #[error(transparent)]
    Toolchain(#[from] ToolchainError),
    #[error(transparent)]
    Sandbox(#[from] SandboxError),
    #[error("the {language} toolchain cannot build an empty program: {message}")]
    EmptyBuild {
        language: &'static str,
        message: String,
    },
    #[error("an empty {what} program failed: {verdict}")]
    EmptyRun { what: &'static str, verdict: String },
    /// One of fuelgauge's own programs (an importer's recorder, the sanitizer) failed.
    #[error("{0}")]
    Trusted(String),
    /// A function test's input is not an argument tuple (a broken problem).
    #[error("test {test}: {message}")]
    Arguments { test: String, message: String },
}
