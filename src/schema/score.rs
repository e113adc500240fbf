//! `fuelgauge score --format json`, and the per-sample results inside it (also the journal's
//! and the sample cache's records).

use std::collections::BTreeMap;

use super::{SpeedupSummary, TestVerdict, VerdictKind, plain_cost_model};
use crate::candidate::{Family, Language};
use crate::problem::Kind;
use crate::stats::{BootstrapConfig, Growth, GrowthFit, SystemSummary};

pub const SCORE_SCHEMA_VERSION: u32 = 3;

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
    pub speedup: Option<BTreeMap<String, SpeedupSummary>>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreSettings {
    /// The k of pass@k and eff@k.
    pub k: Vec<usize>,
    /// Whether problems marked `excluded` count in aggregates.
    pub include_excluded: bool,
    pub bootstrap: BootstrapConfig,
    /// Extra sizes per problem for the growth fit (`--growth N`).
    pub growth: u32,
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
    /// The extra sizes of the growth fit (`--growth`).
    pub growth_sizes: Vec<u64>,
    /// The references' complexity class as the problem declares it (`[complexity]`).
    pub complexity: Option<String>,
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

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestResult {
    pub name: String,
    pub level: usize,
    pub verdict: TestVerdict,
    /// Fuel of the run, the empty program's cost subtracted; absent when it did not finish.
    pub fuel: Option<u64>,
    /// Of `fuel`, what the I/O-idiom allowance forgave: not part of the level's cost.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub forgiven: u64,
    /// Peak linear memory of the run (bytes, the empty program's peak included).
    pub peak_memory: u64,
}

impl TestResult {
    /// Whether the test is an extra size of the growth fit (`G<size>.<case>`), in no level's
    /// score.
    pub fn is_growth(&self) -> bool {
        self.name.starts_with('G')
    }
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SampleResult {
    pub language: Language,
    /// Correct on every test that ran, and not out of fuel on level 0.
    pub passed: bool,
    /// The efficiency score e (0 when not passed).
    pub score: f64,
    /// The memory score: e's rule with peak linear memory for fuel (0 when not passed).
    pub memory_score: f64,
    /// How the cost grew with the input size (passed samples, when it could be fitted).
    pub growth: Option<GrowthFit>,
    /// The reference's exponent over the same sizes as `growth`.
    pub reference_exponent: Option<f64>,
    /// The sample's exponent against its reference's on the levels' tests alone (no growth
    /// sizes): what the count of steeper samples is decided on.
    pub level_growth: Growth,
    /// The verdict that decided a failure (`accepted` when passed).
    pub verdict: VerdictKind,
    pub levels: Vec<LevelScore>,
    pub tests: Vec<TestResult>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelScore {
    pub level: usize,
    /// T*_l.
    pub reference_fuel: u64,
    /// t_l, absent when censored.
    pub fuel: Option<u64>,
    pub censored: bool,
    /// f_l.
    pub score: f64,
    /// M*_l: the reference's peak linear memory on the level, the empty program's subtracted.
    pub reference_memory: u64,
    /// m_l, the same of the candidate; absent when censored.
    pub memory: Option<u64>,
    /// g_l, the level's memory score.
    pub memory_score: f64,
}

/// A reference family's costs.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Yardstick {
    pub language: Language,
    /// Fuel per test (start-up subtracted for stdio problems).
    pub per_test: Vec<u64>,
    /// T*_l: the largest fuel over each level's tests.
    pub per_level: Vec<u64>,
    /// T = α · max T*_l over the scored levels.
    pub budget: u64,
    /// Peak linear memory per test, the empty program's peak subtracted (bytes).
    pub memory_per_test: Vec<u64>,
    /// M*_l: the largest of each level's tests.
    pub memory_per_level: Vec<u64>,
    /// M = α · max(M*_l over the scored levels, 1 MiB).
    pub memory_budget: u64,
    /// How the reference's cost grew with the input size.
    pub growth: Option<GrowthFit>,
    /// Per test (stdio problems): the I/O-idiom allowance, what fuelgauge's probes measure the
    /// most expensive common I/O idiom of the language to cost over the references' idiom on
    /// that test's input and answer. Up to this much of a candidate's cost beyond the
    /// reference's is forgiven.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub io_allowance: Vec<u64>,
}
