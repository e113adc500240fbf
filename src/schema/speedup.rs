//! PIE-style speedups (`score --metric speedup`), computed by `analysis::speedup`.

use std::collections::BTreeMap;

use crate::stats::Interval;

pub const OPT_THRESHOLDS: [f64; 5] = [1.10, 1.25, 1.5, 2.0, 4.0];

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    pub value: f64,
    pub ci: Interval,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProblemSpeedup {
    pub id: String,
    pub original_fuel: u64,
    /// Fuel of the best correct candidate, if any.
    pub best_fuel: Option<u64>,
    pub speedup: f64,
    pub unclamped: f64,
    pub correct: bool,
    /// Samples that ran out of fuel (censored: no improvement).
    pub out_of_fuel: usize,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeedupSummary {
    pub problems: usize,
    pub mean_speedup: Share,
    pub mean_unclamped: Share,
    /// `%Opt` at each threshold (keyed `1.10`, `1.25`, …), as a share of problems.
    pub percent_opt: BTreeMap<String, Share>,
    pub percent_correct: Share,
    /// Share of samples that ran out of fuel.
    pub censoring_rate: Option<f64>,
    pub per_problem: Vec<ProblemSpeedup>,
}
