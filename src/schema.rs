//! Serialized output types. Every machine-readable document carries `schema_version`.

use crate::candidate::Language;
use crate::sandbox::{Metered, RuntimeErrorReason, Stream};
use crate::toolchain::BuildOrigin;

pub const RUN_SCHEMA_VERSION: u32 = 1;

/// `fuelgauge run --format json`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunReport {
    pub schema_version: u32,
    pub tool: String,
    pub version: String,
    pub file: String,
    pub language: Language,
    /// `cached`, `compiled` or `direct` (nothing to compile).
    pub build: BuildOrigin,
    /// `ok`, `compile_error`, `runtime_error`, `fuel_exhausted`, `memory_limit`,
    /// `output_limit` or `wall_timeout`.
    pub verdict: String,
    /// Exit status, when the program exited by itself.
    pub exit_code: Option<i32>,
    /// For `runtime_error`: a trap, a non-zero exit or an unrunnable module.
    pub reason: Option<RuntimeErrorReason>,
    /// For `output_limit`: which stream.
    pub stream: Option<Stream>,
    /// For `fuel_exhausted`: the budget of a metered region ran out, not the whole run's.
    pub in_region: Option<bool>,
    /// For `compile_error`: the compiler's diagnostics (trimmed).
    pub compile_error: Option<String>,
    pub fuel: u64,
    pub fuel_budget: u64,
    pub metered: Option<Metered>,
    pub peak_memory_bytes: u64,
    pub stdout: String,
    pub stderr: String,
    /// Wall time in milliseconds: informational, varies between machines.
    pub wall_ms: f64,
}
