//! `fuelgauge leaderboard --format json`, computed by `analysis::leaderboard`.

use crate::stats::Interval;

pub const LEADERBOARD_SCHEMA_VERSION: u32 = 2;

/// The metric of a gate or comparison: `eff@K` or `pass@K`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Metric {
    pub eff: bool,
    pub k: usize,
}

impl std::str::FromStr for Metric {
    type Err = String;
    fn from_str(s: &str) -> Result<Metric, String> {
        let bad = || format!("{s:?} is not a metric; use eff@K or pass@K (e.g. eff@1)");
        let (name, k) = s.split_once('@').ok_or_else(bad)?;
        let k: usize = k.parse().map_err(|_| bad())?;
        match name {
            "eff" if k > 0 => Ok(Metric { eff: true, k }),
            "pass" if k > 0 => Ok(Metric { eff: false, k }),
            _ => Err(bad()),
        }
    }
}

impl std::fmt::Display for Metric {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}@{}", if self.eff { "eff" } else { "pass" }, self.k)
    }
}

/// What a leaderboard ranks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ranking {
    /// pass@k or eff@k.
    Estimator(Metric),
    /// PIE's mean speedup over the original program (results of `score --metric speedup`).
    Speedup,
}

impl std::str::FromStr for Ranking {
    type Err = String;
    fn from_str(s: &str) -> Result<Ranking, String> {
        if s == "speedup" {
            return Ok(Ranking::Speedup);
        }
        s.parse().map(Ranking::Estimator).map_err(|_| {
            format!("{s:?} is not a ranking metric; use eff@K, pass@K (e.g. eff@1) or speedup")
        })
    }
}

impl std::fmt::Display for Ranking {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Ranking::Estimator(m) => m.fmt(f),
            Ranking::Speedup => f.write_str("speedup"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Leaderboard {
    pub schema_version: u32,
    pub metric: String,
    pub problems: ProblemCounts,
    /// Systems cover different problems and were ranked on the common ones anyway
    /// (`--allow-partial`).
    pub partial: bool,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProblemCounts {
    /// Problems some system scored.
    pub union: usize,
    /// Problems every system scored: the ranking is over these.
    pub common: usize,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub rank: usize,
    pub system: String,
    /// The metric over the common problems.
    pub value: f64,
    pub ci: Interval,
    /// pass@k and eff@k at the metric's k over the common problems (absent for speedup).
    pub pass_at_k: Option<f64>,
    pub eff_at_k: Option<f64>,
    /// Problems ranked on (the common ones) and this system's samples of them.
    pub problems: usize,
    pub samples: usize,
    /// Share of scored level runs out of fuel (for speedup: of samples), common problems.
    pub censoring_rate: Option<f64>,
    pub coverage: Coverage,
    /// Paired comparison with the next system down (same problems): the difference
    /// (this − next), its interval and p-value; `distinguishable` when the interval
    /// excludes 0.
    pub vs_next: Option<NeighbourComparison>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// Problems this system scored, of the union.
    pub scored: usize,
    pub union: usize,
    /// Problems of the union it did not score, ascending.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeighbourComparison {
    pub system: String,
    pub paired_problems: usize,
    pub difference: f64,
    pub ci: Interval,
    pub p_value: f64,
    pub distinguishable: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_parse() {
        assert_eq!("eff@1".parse::<Metric>(), Ok(Metric { eff: true, k: 1 }));
        assert_eq!(
            "pass@10".parse::<Metric>(),
            Ok(Metric { eff: false, k: 10 })
        );
        assert!("eff@0".parse::<Metric>().is_err());
        assert!("speed@1".parse::<Metric>().is_err());
        assert_eq!(Metric { eff: false, k: 5 }.to_string(), "pass@5");
        assert_eq!("speedup".parse::<Ranking>(), Ok(Ranking::Speedup));
        assert!("speedup@1".parse::<Ranking>().is_err());
    }
}
