//! `fuelgauge score --shard I/N -o PART.json`: one shard's share of a score, which
//! `fuelgauge merge` joins into the `results.json` an unsharded run writes.

use std::collections::BTreeMap;

use super::{ProblemProvenance, SampleResult, ScoreSettings};

pub const PARTIAL_SCHEMA_VERSION: u32 = 2;

/// Shard `index` of `count` (1-based), written `I/N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl Shard {
    /// The whole run: shard 1 of 1.
    pub const WHOLE: Shard = Shard { index: 1, count: 1 };
    /// The most shards a run is split into.
    pub const MAX_COUNT: u32 = 100_000;
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl std::str::FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || {
            format!(
                "{s:?}: expected I/N with 1 <= I <= N <= {}, e.g. 2/8",
                Shard::MAX_COUNT
            )
        };
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let (index, count): (u32, u32) = (
            i.trim().parse().map_err(|_| bad())?,
            n.trim().parse().map_err(|_| bad())?,
        );
        if index == 0 || index > count || count > Shard::MAX_COUNT {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl serde::Serialize for Shard {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Shard {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Shard, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// One shard's results: what every shard of the run shares (`frame`, identical in all of
/// them), the problems it prepared, and its samples.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartialReport {
    pub schema_version: u32,
    pub tool: String,
    pub version: String,
    pub shard: Shard,
    /// sha256 of the frame: the parts of one run agree on it.
    pub inputs: String,
    /// sha256 of what the shard found (`problems`, `compilers`, `samples`): a part changed
    /// after it was written is refused.
    pub content: String,
    pub frame: Frame,
    /// The problems this shard's samples needed, by id.
    pub problems: BTreeMap<String, ProblemOutcome>,
    /// Compiler version lines the shard's own samples were built with, by language.
    pub compilers: BTreeMap<String, String>,
    /// This shard's samples, in the run's order.
    pub samples: Vec<SampleRecord>,
}

/// What every shard of one run has in common: the settings, the inputs, the environment.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frame {
    pub settings: ScoreSettings,
    /// `--metric speedup`.
    pub speedup: bool,
    /// The digest of the pack scored with (`--prepared`), if any.
    pub pack: Option<String>,
    /// What collecting and loading found, one line each.
    pub warnings: Vec<String>,
    /// Systems that cover only part of the problem set, one line each (for the gates).
    pub coverage: Vec<String>,
    /// How many samples the whole run has.
    pub samples: usize,
    /// sha256 over every sample's position, system, problem, name and source sha256.
    pub sample_list: String,
    pub wasmtime: String,
    pub cost_model: String,
    pub python: String,
    pub python_runtime: String,
    pub secret_seed_sha256: Option<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub enum ProblemOutcome {
    Prepared {
        provenance: ProblemProvenance,
        /// Compiler version lines its references and I/O probes were built with.
        compilers: BTreeMap<String, String>,
    },
    Unusable {
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SampleRecord {
    /// Position in the whole run.
    pub index: usize,
    pub system: String,
    pub problem: String,
    pub name: String,
    /// sha256 of the source.
    pub sha256: String,
    pub outcome: SampleOutcome,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub enum SampleOutcome {
    Judged {
        result: SampleResult,
        /// Something to know about it (scored as a compile_error for want of a reference).
        warning: Option<String>,
    },
    /// fuelgauge could not judge it: why.
    LeftOut { reason: String },
    /// Its problem could not be prepared.
    Unusable,
}
