//! Ranking systems by a metric, with intervals and which neighbours differ significantly.

use super::super::pipeline::score::problem_samples_from_report;
use crate::schema::ScoreReport;
use crate::stats::{self, Interval, StatsConfig};

pub const LEADERBOARD_SCHEMA_VERSION: u32 = 1;

/// The metric a leaderboard ranks by: `eff@K` or `pass@K`.
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

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Leaderboard {
    pub schema_version: u32,
    pub metric: String,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub rank: usize,
    pub system: String,
    pub value: f64,
    pub ci: Interval,
    pub pass_at_k: f64,
    pub eff_at_k: f64,
    pub problems: usize,
    pub samples: usize,
    pub censoring_rate: Option<f64>,
    /// Paired comparison with the next system down (same problems): the difference
    /// (this − next), its interval and p-value; `distinguishable` when the interval
    /// excludes 0.
    pub vs_next: Option<NeighbourComparison>,
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

/// Ranks every system of `report` by `metric` (ties by name).
pub fn leaderboard(report: &ScoreReport, metric: Metric) -> Result<Leaderboard, stats::StatsError> {
    let config = StatsConfig {
        k: metric.k,
        include_excluded: report.settings.include_excluded,
        bootstrap: report.settings.bootstrap,
    };
    let mut rows = Vec::new();
    for (name, system) in &report.systems {
        let samples = problem_samples_from_report(report, system);
        let summary = stats::summarize(&samples, &config)?;
        let estimate = if metric.eff {
            &summary.eff_at_k
        } else {
            &summary.pass_at_k
        };
        rows.push((name.clone(), samples, *estimate, summary));
    }
    rows.sort_by(|a, b| b.2.value.total_cmp(&a.2.value).then_with(|| a.0.cmp(&b.0)));
    let mut entries = Vec::new();
    for (i, (name, samples, estimate, summary)) in rows.iter().enumerate() {
        let vs_next = match rows.get(i + 1) {
            None => None,
            Some((next, next_samples, ..)) => {
                let c = stats::compare_paired(next_samples, samples, &config)?;
                let d = if metric.eff {
                    &c.eff_at_k
                } else {
                    &c.pass_at_k
                };
                Some(NeighbourComparison {
                    system: next.clone(),
                    paired_problems: c.paired,
                    difference: d.difference,
                    ci: d.ci,
                    p_value: d.p_value,
                    distinguishable: !d.ci.contains(0.0),
                })
            }
        };
        entries.push(Entry {
            rank: i + 1,
            system: name.clone(),
            value: estimate.value,
            ci: estimate.ci,
            pass_at_k: summary.pass_at_k.value,
            eff_at_k: summary.eff_at_k.value,
            problems: summary.problems,
            samples: summary.samples,
            censoring_rate: summary.censoring.rate,
            vs_next,
        });
    }
    Ok(Leaderboard {
        schema_version: LEADERBOARD_SCHEMA_VERSION,
        metric: metric.to_string(),
        entries,
    })
}

/// Merges several score reports into one. Systems must not repeat; problem provenance must
/// agree where it overlaps (the same problem folder).
pub fn merge(reports: Vec<(String, ScoreReport)>) -> Result<ScoreReport, String> {
    let mut iter = reports.into_iter();
    let (_, mut merged) = iter.next().ok_or("no result files given")?;
    for (file, r) in iter {
        if r.schema_version != merged.schema_version {
            return Err(format!(
                "{file}: schema version {} differs from {}",
                r.schema_version, merged.schema_version
            ));
        }
        for (id, p) in r.provenance.problems {
            if let Some(have) = merged.provenance.problems.get(&id)
                && have.sha256 != p.sha256
            {
                return Err(format!(
                    "{file}: problem `{id}` differs from the one in the other results (sha256 {} vs {})",
                    p.sha256, have.sha256
                ));
            }
            merged.provenance.problems.insert(id, p);
        }
        for (name, system) in r.systems {
            if merged.systems.contains_key(&name) {
                return Err(format!(
                    "{file}: system `{name}` appears in more than one result file; rename one"
                ));
            }
            merged.systems.insert(name, system);
        }
        merged.provenance.compilers.extend(r.provenance.compilers);
        merged.warnings.extend(r.warnings);
    }
    Ok(merged)
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
    }
}
