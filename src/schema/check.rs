//! `fuelgauge problems check --format json`, computed by `pipeline::check`.

use std::collections::BTreeMap;

use super::{VerdictKind, Yardstick};
use crate::candidate::{Family, Language};
use crate::problem::Kind;

/// Slow solutions must score below this.
pub const SLOW_SCORE_LIMIT: f64 = 0.5;

/// The whole document: what did not load, and each problem's check.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CheckReport<'a> {
    pub schema_version: u32,
    pub load_errors: Vec<String>,
    pub problems: &'a [ProblemCheck],
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SlowCheck {
    pub file: String,
    pub language: Language,
    pub passed: bool,
    pub score: f64,
    pub verdict: VerdictKind,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ProblemCheck {
    pub id: String,
    pub kind: Kind,
    pub tests: usize,
    pub yardsticks: BTreeMap<Family, Yardstick>,
    pub slow: Vec<SlowCheck>,
    /// Everything wrong with the problem; empty when it is sound.
    pub failures: Vec<String>,
}
