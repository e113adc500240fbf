//! Ranking systems by a metric, with intervals and which neighbours differ significantly.
//!
//! A ranking is fair only over the same problems: every system is ranked on the problems that
//! all of them scored, its metric recomputed over that common set from the per-problem data in
//! the results. Systems that cover different problems are refused unless the caller allows a
//! partial ranking, which then says so; each entry reports its coverage either way.

use std::collections::{BTreeMap, BTreeSet};

use super::speedup::speedup;
use super::{paired_difference, problem_samples};
use crate::schema::{
    Coverage, Entry, LEADERBOARD_SCHEMA_VERSION, Leaderboard, NeighbourComparison, ProblemCounts,
    Ranking, ScoreReport, SpeedupSummary, SystemReport,
};
use crate::stats::{self, Interval, StatsConfig};

/// Why result files cannot be ranked.
#[derive(Debug, thiserror::Error)]
pub enum LeaderboardError {
    #[error("no result files given")]
    NoResults,
    #[error("{file}: schema version {found} differs from {expected} in the other results")]
    SchemaVersion {
        file: String,
        found: u32,
        expected: u32,
    },
    #[error(
        "{file}: problem `{problem}` differs from the one in the other results (sha256 {found} vs {expected}); score every system on the same problem set"
    )]
    ProblemDiffers {
        file: String,
        problem: String,
        found: String,
        expected: String,
    },
    #[error(
        "{file}: priced by cost model {found}, the other results by {expected}; fuel of different cost models is not comparable: score every system with the same --cost-model"
    )]
    CostModel {
        file: String,
        found: String,
        expected: String,
    },
    #[error("{file}: system `{system}` appears in more than one result file; rename one")]
    DuplicateSystem { file: String, system: String },
    #[error(
        "systems cover different problems ({}); a ranking over unequal sets is unfair: score the missing problems, or pass --allow-partial to rank on the {common} problems every system scored",
        lacking.iter().map(|(s, n)| format!("`{s}` lacks {n} of {union}")).collect::<Vec<_>>().join(", ")
    )]
    Coverage {
        /// Systems and how many problems of the union they lack.
        lacking: Vec<(String, usize)>,
        union: usize,
        common: usize,
    },
    #[error("no problem is scored by every system, so there is nothing to rank on")]
    NothingInCommon,
    #[error(
        "{} scored without --metric speedup, so there are no speedups to rank by; re-score with `fuelgauge score --metric speedup`",
        files.join(", ")
    )]
    NoSpeedup { files: Vec<String> },
    #[error("{0}")]
    Stats(#[from] stats::StatsError),
}

/// Result files merged into one report.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub report: ScoreReport,
    /// Files scored without `--metric speedup`.
    pub without_speedup: Vec<String>,
}

/// Merges several score reports into one. Systems must not repeat; problem provenance must
/// agree where it overlaps (the same problem folder). Speedups are kept when every file has
/// them.
pub fn merge(reports: Vec<(String, ScoreReport)>) -> Result<Merged, LeaderboardError> {
    let mut iter = reports.into_iter();
    let (first, mut merged) = iter.next().ok_or(LeaderboardError::NoResults)?;
    let mut without_speedup = Vec::new();
    if merged.speedup.is_none() {
        without_speedup.push(first);
    }
    for (file, r) in iter {
        if r.schema_version != merged.schema_version {
            return Err(LeaderboardError::SchemaVersion {
                file,
                found: r.schema_version,
                expected: merged.schema_version,
            });
        }
        if r.provenance.cost_model != merged.provenance.cost_model {
            return Err(LeaderboardError::CostModel {
                file,
                found: r.provenance.cost_model,
                expected: merged.provenance.cost_model.clone(),
            });
        }
        for (id, p) in r.provenance.problems {
            if let Some(have) = merged.provenance.problems.get(&id)
                && have.sha256 != p.sha256
            {
                return Err(LeaderboardError::ProblemDiffers {
                    file,
                    problem: id,
                    found: p.sha256,
                    expected: have.sha256.clone(),
                });
            }
            merged.provenance.problems.insert(id, p);
        }
        for (name, system) in r.systems {
            if merged.systems.contains_key(&name) {
                return Err(LeaderboardError::DuplicateSystem { file, system: name });
            }
            merged.systems.insert(name, system);
        }
        match (&mut merged.speedup, r.speedup) {
            (Some(all), Some(more)) => all.extend(more),
            (_, None) => without_speedup.push(file),
            (None, Some(_)) => {}
        }
        merged.provenance.compilers.extend(r.provenance.compilers);
        merged.warnings.extend(r.warnings);
    }
    if !without_speedup.is_empty() {
        merged.speedup = None;
    }
    Ok(Merged {
        report: merged,
        without_speedup,
    })
}

/// One system's figures over the common problems, before ranking.
struct Row {
    system: String,
    value: f64,
    ci: Interval,
    pass_at_k: Option<f64>,
    eff_at_k: Option<f64>,
    mem_at_k: Option<f64>,
    steeper_share: Option<f64>,
    samples: usize,
    censoring_rate: Option<f64>,
    /// The per-problem data the neighbours are compared on.
    paired: Paired,
}

enum Paired {
    Samples(Vec<stats::ProblemSamples>),
    /// Speedups in the order of the common problems' ids.
    Speedups(Vec<f64>),
}

/// Ranks every system of the merged results by `ranking` over the problems all of them scored
/// (ties by name). Unequal coverage is an error unless `allow_partial`.
pub fn leaderboard(
    merged: &Merged,
    ranking: Ranking,
    allow_partial: bool,
) -> Result<Leaderboard, LeaderboardError> {
    let report = &merged.report;
    if ranking == Ranking::Speedup && !merged.without_speedup.is_empty() {
        return Err(LeaderboardError::NoSpeedup {
            files: merged.without_speedup.clone(),
        });
    }
    let include_excluded = report.settings.include_excluded;
    let counted = |system: &SystemReport| -> BTreeSet<String> {
        system
            .problems
            .iter()
            .filter(|(_, p)| include_excluded || !p.excluded)
            .map(|(id, _)| id.clone())
            .collect()
    };
    let scored: BTreeMap<&String, BTreeSet<String>> = report
        .systems
        .iter()
        .map(|(name, s)| (name, counted(s)))
        .collect();
    let union: BTreeSet<&String> = scored.values().flatten().collect();
    let common: BTreeSet<&String> = union
        .iter()
        .copied()
        .filter(|id| scored.values().all(|s| s.contains(*id)))
        .collect();
    let partial = common.len() < union.len();
    if partial && !allow_partial {
        return Err(LeaderboardError::Coverage {
            lacking: scored
                .iter()
                .filter(|(_, s)| s.len() < union.len())
                .map(|(name, s)| ((*name).clone(), union.len() - s.len()))
                .collect(),
            union: union.len(),
            common: common.len(),
        });
    }
    if common.is_empty() {
        return Err(LeaderboardError::NothingInCommon);
    }
    let on_common = |system: &SystemReport| SystemReport {
        stats: Vec::new(),
        problems: system
            .problems
            .iter()
            .filter(|(id, _)| common.contains(id))
            .map(|(id, p)| (id.clone(), p.clone()))
            .collect(),
    };

    let mut rows = Vec::new();
    for (name, system) in &report.systems {
        let system = on_common(system);
        rows.push(match ranking {
            Ranking::Estimator(metric) => {
                let config = StatsConfig {
                    k: metric.k,
                    include_excluded,
                    bootstrap: report.settings.bootstrap,
                };
                let samples = problem_samples(report, &system);
                let summary = stats::summarize(&samples, &config)?;
                let estimate = metric.of(&summary);
                Row {
                    system: name.clone(),
                    value: estimate.value,
                    ci: estimate.ci,
                    pass_at_k: Some(summary.pass_at_k.value),
                    eff_at_k: Some(summary.eff_at_k.value),
                    mem_at_k: Some(summary.mem_at_k.value),
                    steeper_share: summary.growth.share,
                    samples: summary.samples,
                    censoring_rate: summary.censoring.rate,
                    paired: Paired::Samples(samples),
                }
            }
            Ranking::Speedup => {
                let sp: SpeedupSummary = speedup(report, &system)?;
                Row {
                    system: name.clone(),
                    value: sp.mean_speedup.value,
                    ci: sp.mean_speedup.ci,
                    pass_at_k: None,
                    eff_at_k: None,
                    mem_at_k: None,
                    steeper_share: None,
                    samples: system.problems.values().map(|p| p.samples.len()).sum(),
                    censoring_rate: sp.censoring_rate,
                    paired: Paired::Speedups(sp.per_problem.iter().map(|p| p.speedup).collect()),
                }
            }
        });
    }
    rows.sort_by(|a, b| {
        b.value
            .total_cmp(&a.value)
            .then_with(|| a.system.cmp(&b.system))
    });

    let mut entries = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let vs_next = match rows.get(i + 1) {
            None => None,
            Some(next) => {
                let d = match (&next.paired, &row.paired) {
                    (Paired::Samples(a), Paired::Samples(b)) => {
                        let Ranking::Estimator(metric) = ranking else {
                            unreachable!("samples are compared for estimators only")
                        };
                        let config = StatsConfig {
                            k: metric.k,
                            include_excluded,
                            bootstrap: report.settings.bootstrap,
                        };
                        paired_difference(metric, a, b, &config)?
                    }
                    (Paired::Speedups(a), Paired::Speedups(b)) => {
                        let pairs: Vec<(f64, f64)> =
                            a.iter().copied().zip(b.iter().copied()).collect();
                        stats::compare_paired_values(&pairs, &report.settings.bootstrap)?
                    }
                    _ => unreachable!("every row of one ranking has the same kind of data"),
                };
                Some(NeighbourComparison {
                    system: next.system.clone(),
                    paired_problems: common.len(),
                    difference: d.difference,
                    ci: d.ci,
                    p_value: d.p_value,
                    distinguishable: !d.ci.contains(0.0),
                })
            }
        };
        let mine = &scored[&row.system];
        entries.push(Entry {
            rank: i + 1,
            system: row.system.clone(),
            value: row.value,
            ci: row.ci,
            pass_at_k: row.pass_at_k,
            eff_at_k: row.eff_at_k,
            mem_at_k: row.mem_at_k,
            steeper_share: row.steeper_share,
            problems: common.len(),
            samples: row.samples,
            censoring_rate: row.censoring_rate,
            coverage: Coverage {
                scored: mine.len(),
                union: union.len(),
                missing: union
                    .iter()
                    .filter(|id| !mine.contains(**id))
                    .map(|id| (*id).clone())
                    .collect(),
            },
            vs_next,
        });
    }
    Ok(Leaderboard {
        schema_version: LEADERBOARD_SCHEMA_VERSION,
        metric: ranking.to_string(),
        problems: ProblemCounts {
            union: union.len(),
            common: common.len(),
        },
        partial,
        entries,
    })
}

/// The sentence under a ranking: what it was computed over.
pub fn ranked_on(board: &Leaderboard) -> String {
    let ProblemCounts { union, common } = board.problems;
    if !board.partial {
        return format!(
            "Ranked by {} on the {common} problems every system scored.",
            board.metric
        );
    }
    let lacking: Vec<String> = board
        .entries
        .iter()
        .filter(|e| !e.coverage.missing.is_empty())
        .map(|e| format!("{} lacks {}", e.system, e.coverage.missing.len()))
        .collect();
    format!(
        "Partial ranking (--allow-partial): by {} on the {common} of {union} problems every \
         system scored; {}.",
        board.metric,
        lacking.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture;

    fn merged(report: ScoreReport) -> Merged {
        merge(vec![("r.json".to_owned(), report)]).unwrap()
    }

    #[test]
    fn unequal_coverage_is_refused_naming_who_lacks_what() {
        // `fast` has `sum` and `he-1`; `slow` and `bad` only `sum`.
        let m = merged(fixture::report());
        let e = leaderboard(&m, "eff@1".parse().unwrap(), false).unwrap_err();
        let message = e.to_string();
        assert!(
            message.contains("`bad` lacks 1 of 2")
                && message.contains("`slow` lacks 1 of 2")
                && !message.contains("`fast`")
                && message.contains("--allow-partial"),
            "{message}"
        );
    }

    #[test]
    fn a_partial_ranking_is_over_the_common_problems_and_says_so() {
        let m = merged(fixture::report());
        let board = leaderboard(&m, "eff@1".parse().unwrap(), true).unwrap();
        assert!(board.partial);
        assert_eq!(
            board.problems,
            ProblemCounts {
                union: 2,
                common: 1
            }
        );
        let names: Vec<&str> = board.entries.iter().map(|e| e.system.as_str()).collect();
        assert_eq!(names, ["fast", "slow", "bad"]);
        let fast = &board.entries[0];
        // Over `sum` alone: fast's e on `sum`, not its mean with `he-1`.
        let sum_only = fixture::report().systems["fast"].stats[0]
            .per_problem
            .iter()
            .find(|p| p.id == "sum")
            .unwrap()
            .eff_at_k;
        assert_eq!(fast.value, sum_only);
        assert_eq!(fast.coverage.missing, Vec::<String>::new());
        assert_eq!(board.entries[1].coverage.missing, ["he-1"]);
        assert_eq!(board.entries[1].coverage.scored, 1);
        let next = fast.vs_next.as_ref().unwrap();
        assert_eq!((next.system.as_str(), next.paired_problems), ("slow", 1));
        assert!(
            ranked_on(&board).contains("1 of 2"),
            "{}",
            ranked_on(&board)
        );
    }

    #[test]
    fn speedup_needs_speedup_results() {
        let e = leaderboard(&merged(fixture::report()), Ranking::Speedup, true).unwrap_err();
        assert!(
            e.to_string()
                .contains("r.json scored without --metric speedup"),
            "{e}"
        );
        let board = leaderboard(
            &merged(fixture::report_with_speedup()),
            Ranking::Speedup,
            true,
        )
        .unwrap();
        assert_eq!(board.metric, "speedup");
        assert!(
            board
                .entries
                .iter()
                .all(|e| e.value >= 1.0 && e.pass_at_k.is_none())
        );
        // Only `fast` improves on the original; the others tie at 1.0, by name.
        let names: Vec<&str> = board.entries.iter().map(|e| e.system.as_str()).collect();
        assert_eq!(names, ["fast", "bad", "slow"]);
        assert!(board.entries[0].value > 1.0);
    }

    #[test]
    fn a_problem_changed_between_files_is_refused_by_name() {
        let a = fixture::report();
        let mut b = fixture::report();
        b.systems = BTreeMap::from([("other".to_owned(), a.systems["fast"].clone())]);
        b.provenance.problems.get_mut("sum").unwrap().sha256 = "ff".repeat(32);
        let e = merge(vec![("a.json".into(), a), ("b.json".into(), b)]).unwrap_err();
        assert!(
            e.to_string().starts_with("b.json: problem `sum` differs"),
            "{e}"
        );
    }

    #[test]
    fn results_priced_by_another_cost_model_are_refused() {
        let a = fixture::report();
        let mut b = fixture::report();
        b.systems = BTreeMap::from([("other".to_owned(), a.systems["fast"].clone())]);
        b.provenance.cost_model = "plain-v1".into();
        let e = merge(vec![("a.json".into(), a), ("b.json".into(), b)]).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("b.json: priced by cost model plain-v1"),
            "{e}"
        );
    }
}
