//! `fuelgauge leaderboard --format json`, computed by `analysis::leaderboard`.

use crate::stats::{Estimate, Interval, SystemSummary};

pub const LEADERBOARD_SCHEMA_VERSION: u32 = 3;

/// The metric of a gate or comparison: `pass@K`, `eff@K` or `mem@K`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Metric {
    pub estimator: Estimator,
    pub k: usize,
}

/// Which unbiased estimator: of passing, of the efficiency score e, or of the memory score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Estimator {
    Pass,
    Eff,
    Mem,
}

impl Estimator {
    pub fn name(self) -> &'static str {
        match self {
            Estimator::Pass => "pass",
            Estimator::Eff => "eff",
            Estimator::Mem => "mem",
        }
    }
}

impl Metric {
    pub fn eff(k: usize) -> Metric {
        Metric {
            estimator: Estimator::Eff,
            k,
        }
    }

    pub fn pass(k: usize) -> Metric {
        Metric {
            estimator: Estimator::Pass,
            k,
        }
    }

    /// The metric's estimate in a system's statistics for its k.
    pub fn of(&self, summary: &SystemSummary) -> Estimate {
        match self.estimator {
            Estimator::Pass => summary.pass_at_k,
            Estimator::Eff => summary.eff_at_k,
            Estimator::Mem => summary.mem_at_k,
        }
    }
}

impl std::str::FromStr for Metric {
    type Err = String;
    fn from_str(s: &str) -> Result<Metric, String> {
        let bad = || {
            format!("{s:?} is not a metric; use eff@K, pass@K or mem@K (e.g. eff@1; eff is eff@1)")
        };
        // A name alone is k = 1: `--metric mem` is mem@1.
        let (name, k) = s.split_once('@').unwrap_or((s, "1"));
        let k: usize = k.parse().map_err(|_| bad())?;
        let estimator = match name {
            "eff" => Estimator::Eff,
            "pass" => Estimator::Pass,
            "mem" => Estimator::Mem,
            _ => return Err(bad()),
        };
        if k == 0 {
            return Err(bad());
        }
        Ok(Metric { estimator, k })
    }
}

impl std::fmt::Display for Metric {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}@{}", self.estimator.name(), self.k)
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
            format!(
                "{s:?} is not a ranking metric; use eff@K, pass@K, mem@K (e.g. eff@1) or speedup"
            )
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
    /// pass@k, eff@k and mem@k at the metric's k over the common problems (absent for
    /// speedup).
    pub pass_at_k: Option<f64>,
    pub eff_at_k: Option<f64>,
    pub mem_at_k: Option<f64>,
    /// Of the passing samples with a fitted growth exponent, the share whose exponent exceeds
    /// their reference's by more than 0.5 (absent for speedup, or when none was fitted).
    pub steeper_share: Option<f64>,
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
        assert_eq!("eff@1".parse::<Metric>(), Ok(Metric::eff(1)));
        assert_eq!("pass@10".parse::<Metric>(), Ok(Metric::pass(10)));
        let mem3 = Metric {
            estimator: Estimator::Mem,
            k: 3,
        };
        assert_eq!("mem@3".parse::<Metric>(), Ok(mem3));
        assert_eq!(
            "mem".parse::<Metric>().map(|m| m.to_string()).as_deref(),
            Ok("mem@1")
        );
        assert!("eff@0".parse::<Metric>().is_err());
        assert_eq!("eff".parse::<Metric>(), Ok(Metric::eff(1)));
        assert!("speed@1".parse::<Metric>().is_err());
        assert_eq!(Metric::pass(5).to_string(), "pass@5");
        assert_eq!("speedup".parse::<Ranking>(), Ok(Ranking::Speedup));
        assert!("speedup@1".parse::<Ranking>().is_err());
    }
}
