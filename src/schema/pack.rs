//! `fuelgauge problems prepare -o PACK`: what a pack's `manifest.json` holds. Test inputs and
//! answers are objects beside it, named by their sha256 (`objects/<2 hex>/<64 hex>`).

use std::collections::BTreeMap;

use super::Yardstick;
use crate::candidate::Family;

/// The layout version of a pack; a pack of another layout is refused.
pub const PACK_FORMAT: &str = "fuelgauge-pack-v2";

/// `PACK/manifest.json`. Its sha256 (kept in `PACK/manifest.json.sha256`, in `sha256sum`'s
/// format) is the pack's identity, recorded in every part scored with it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackManifest {
    /// [`PACK_FORMAT`].
    pub format: String,
    /// The fuelgauge version that prepared it: a pack is used only by the same version.
    pub version: String,
    pub wasmtime: String,
    pub cost_model: String,
    /// sha256 of the Python runtime that ran the generators and Python references.
    pub python_runtime: String,
    /// The extra sizes per problem for the growth fit it was prepared with (`--growth`).
    #[serde(default)]
    pub growth: u32,
    /// By problem id.
    pub problems: BTreeMap<String, PackProblem>,
}

/// One problem of a pack: its tests and the references' costs, or why it could not be used.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub enum PackProblem {
    Prepared(PackPrepared),
    /// Preparing it failed; a run with the pack says so, as a run without it would.
    Unusable {
        /// sha256 over the problem and reference folders it was prepared from.
        sha256: String,
        reason: String,
    },
}

impl PackProblem {
    /// sha256 of the problem and reference folders it was prepared from.
    pub fn sha256(&self) -> &str {
        match self {
            PackProblem::Prepared(p) => &p.sha256,
            PackProblem::Unusable { sha256, .. } => sha256,
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackPrepared {
    /// sha256 over the problem and reference folders it was prepared from.
    pub sha256: String,
    pub tests: Vec<PackTest>,
    /// The references' costs per family.
    pub references: BTreeMap<Family, Yardstick>,
    /// Compiler version lines its references and I/O probes were built with, by language.
    pub compilers: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackTest {
    pub name: String,
    pub level: usize,
    /// The generator's seed for this test.
    pub seed: u64,
    /// The generator's size and case (absent for a hand-written test).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<crate::problem::Generated>,
    /// sha256 of the input object.
    pub input: String,
    /// sha256 of the expected answer's object.
    pub expected: String,
    /// The answer is a hand-written `.out` (else the reference's output).
    pub hand_written: bool,
}
