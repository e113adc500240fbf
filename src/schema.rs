//! Serialized output types. Every machine-readable document carries `schema_version`.

use std::collections::BTreeMap;

use crate::candidate::{Family, Language};
use crate::pipeline::{SampleResult, Yardstick};
use crate::problem::Kind;
use crate::sandbox::{RuntimeErrorReason, Stream};
use crate::stats::{BootstrapConfig, SystemSummary};
use crate::toolchain::BuildOrigin;

pub const RUN_SCHEMA_VERSION: u32 = 2;

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
    /// For `compile_error`: the compiler's diagnostics (trimmed).
    pub compile_error: Option<String>,
    pub fuel: u64,
    pub fuel_budget: u64,
    /// The cost model that priced `fuel` (`native-v1`; `plain-v1` when absent).
    #[serde(default = "plain_cost_model")]
    pub cost_model: String,
    pub peak_memory_bytes: u64,
    pub stdout: String,
    pub stderr: String,
    /// Wall time in milliseconds: informational, varies between machines.
    pub wall_ms: f64,
}

pub const SCORE_SCHEMA_VERSION: u32 = 2;

/// `fuelgauge score --format json`: everything a leaderboard or CI gate needs, byte-stable
/// (sorted maps, no timestamps or durations).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreReport {
    pub schema_version: u32,
    pub tool: String,
    pub version: String,
    pub settings: ScoreSettings,
    pub provenance: Provenance,
    /// By system name.
    pub systems: BTreeMap<String, SystemReport>,
    /// Inputs that were skipped (unknown problem, bad line, …), one line each.
    pub warnings: Vec<String>,
    /// With `--metric speedup`: PIE-style speedups over the original program, by system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speedup: Option<BTreeMap<String, crate::pipeline::speedup::SpeedupSummary>>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreSettings {
    /// The k of pass@k and eff@k.
    pub k: Vec<usize>,
    /// Whether problems marked `excluded` count in aggregates.
    pub include_excluded: bool,
    pub bootstrap: BootstrapConfig,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    pub wasmtime: String,
    /// The cost model that priced every run (`native-v1`, `plain-v1`); results from before
    /// cost models were priced as `plain-v1`.
    #[serde(default = "plain_cost_model")]
    pub cost_model: String,
    pub python: String,
    /// sha256 of the Python runtime component that ran every Python program.
    pub python_runtime: String,
    /// Compiler version lines by language, where one was used.
    pub compilers: BTreeMap<String, String>,
    /// By problem id.
    pub problems: BTreeMap<String, ProblemProvenance>,
    /// With `--secret-seed`: sha256 of the secret the generated tests were hidden behind (the
    /// secret itself is never written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_seed_sha256: Option<String>,
}

fn plain_cost_model() -> String {
    "plain-v1".into()
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProblemProvenance {
    pub title: String,
    pub kind: Kind,
    /// sha256 over the problem and reference folders.
    pub sha256: String,
    pub excluded: bool,
    pub alpha: f64,
    /// Generator size per level.
    pub sizes: Vec<u64>,
    pub weights: Vec<f64>,
    pub tests: usize,
    /// The reference's costs per family (`native`, `python`): T*_l and the budget T.
    pub references: BTreeMap<Family, Yardstick>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemReport {
    /// Statistics for each k (pass@k, eff@k with intervals, censoring, Kaplan–Meier).
    pub stats: Vec<SystemSummary>,
    /// By problem id.
    pub problems: BTreeMap<String, ProblemReport>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProblemReport {
    pub excluded: bool,
    /// Sorted by name.
    pub samples: Vec<SampleReport>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SampleReport {
    /// File name, or `file.jsonl:LINE`.
    pub name: String,
    pub sha256: String,
    pub result: SampleResult,
}
