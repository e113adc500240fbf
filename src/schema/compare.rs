//! `fuelgauge compare -o x.json`, computed by `analysis::compare`.

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Finding {
    pub system: String,
    pub metric: String,
    pub base: f64,
    pub head: f64,
    pub difference: f64,
    pub ci_lower: f64,
    pub ci_upper: f64,
    pub p_value: f64,
    pub allowed: f64,
    pub regression: bool,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ProblemChange {
    pub system: String,
    pub problem: String,
    /// eff@1 in base and head.
    pub base: f64,
    pub head: f64,
}

/// `compare -o x.json`: schema version 1.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Comparison {
    pub schema_version: u32,
    pub status: Status,
    /// Why base and head cannot be compared (status `error`), one sentence each.
    pub errors: Vec<String>,
    pub findings: Vec<Finding>,
    /// Problems whose eff@1 differs, largest drop first.
    pub problem_changes: Vec<ProblemChange>,
    pub only_in_base: Vec<String>,
    pub only_in_head: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    Regression,
    /// Not comparable: nothing was compared.
    Error,
}

impl Comparison {
    pub fn regressed(&self) -> bool {
        self.status == Status::Regression
    }
}
