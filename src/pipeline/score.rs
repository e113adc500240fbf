//! `fuelgauge score`: judge every submission, then compute each system's statistics.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use super::context::Context;
use super::evaluate::{Baselines, SampleResult, evaluate};
use super::journal::Journal;
use super::prepare::{Prepared, prepare};
use crate::candidate::{Family, Submission};
use crate::digest::{Digest, KeyBuilder};
use crate::problem::Problem;
use crate::sandbox::WASMTIME_VERSION;
use crate::schema::{
    ProblemProvenance, ProblemReport, Provenance, SCORE_SCHEMA_VERSION, SampleReport, ScoreReport,
    ScoreSettings, SystemReport,
};
use crate::stats::{self, LevelCost, ProblemSamples, Sample, StatsConfig};
use crate::toolchain::{PYTHON_VERSION, python_runtime_sha256};

/// Progress as samples finish: (done, total, failed so far).
pub type Progress<'a> = &'a (dyn Fn(u64, u64, u64) + Sync);

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ScoreCounts {
    /// Samples judged in this run.
    pub judged: u64,
    /// Samples taken from the journal of an interrupted run.
    pub resumed: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum ScoreError {
    #[error("{0}")]
    Stats(#[from] stats::StatsError),
    #[error("failed to write the journal {path}: {source}")]
    Journal {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

/// What became of one sample.
enum Judged {
    /// Its result, and a warning about it (it could not be measured, say).
    Result(SampleResult, Option<String>),
    /// Not judged (fuelgauge failed on it): the warning says why.
    LeftOut(String),
}

/// Identifies a sample's result: who, what, and everything the judging depends on.
fn sample_key(s: &Submission, problem: &Problem, cost_model: &str) -> Digest {
    KeyBuilder::new("sample-v5")
        .str(crate::VERSION)
        .str(cost_model)
        .str(python_runtime_sha256())
        .str(&s.system)
        .str(&s.problem)
        .str(&s.name)
        .str(s.source.language.name())
        .bytes(&s.source.bytes)
        .digest(&problem.digest)
        .str(WASMTIME_VERSION)
        .finish()
}

/// Judges every submission and computes statistics for each k. Problems that cannot be
/// prepared become warnings and their samples are left out.
pub fn score(
    ctx: &Context,
    problems: &[Problem],
    submissions: Vec<Submission>,
    settings: ScoreSettings,
    mut warnings: Vec<String>,
    journal: Option<&Journal>,
    progress: Progress<'_>,
) -> Result<(ScoreReport, ScoreCounts), ScoreError> {
    let by_id: BTreeMap<&str, &Problem> = problems.iter().map(|p| (p.id.as_str(), p)).collect();
    let baselines = Baselines::default();
    let cost_model = ctx.runner.sandbox.cost_model().id();
    let total = submissions.len() as u64;
    let (done, failed) = (AtomicU64::new(0), AtomicU64::new(0));
    let counts = (AtomicU64::new(0), AtomicU64::new(0));
    // A sample that cannot be judged (its language has no reference here, or fuelgauge
    // itself failed on it) costs only itself: a warning naming it, never the run.
    let judge = |s: &Submission, prep: &Prepared| -> Result<Judged, ScoreError> {
        let key = sample_key(s, &prep.problem, &cost_model);
        let warning = prep
            .yardstick(s.source.language)
            .err()
            .map(|why| format!("{}: {why}; scored as a compile_error", s.source.origin));
        let result = match journal.and_then(|j| j.get(&key)) {
            Some(r) => {
                counts.1.fetch_add(1, Ordering::Relaxed);
                r.clone()
            }
            None => {
                let r = match evaluate(ctx, prep, &s.source, &baselines) {
                    Ok(r) => r,
                    Err(e) => {
                        progress(
                            done.fetch_add(1, Ordering::Relaxed) + 1,
                            total,
                            failed.fetch_add(1, Ordering::Relaxed) + 1,
                        );
                        return Ok(Judged::LeftOut(format!(
                            "{}: could not be judged ({e}); left out, the next run retries it",
                            s.source.origin
                        )));
                    }
                };
                if let Some(j) = journal {
                    j.record(&key, &r).map_err(|source| ScoreError::Journal {
                        path: j.path().to_owned(),
                        source,
                    })?;
                }
                counts.0.fetch_add(1, Ordering::Relaxed);
                r
            }
        };
        if !result.passed {
            failed.fetch_add(1, Ordering::Relaxed);
        }
        progress(
            done.fetch_add(1, Ordering::Relaxed) + 1,
            total,
            failed.load(Ordering::Relaxed),
        );
        Ok(Judged::Result(result, warning))
    };
    // Each problem's samples are judged as soon as that problem is prepared, so no core
    // waits for the slowest preparation (rayon steals across the nested loops).
    let mut by_problem: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, s) in submissions.iter().enumerate() {
        by_problem.entry(s.problem.as_str()).or_default().push(i);
    }
    type Judgements = Vec<(usize, Result<Judged, ScoreError>)>;
    let per_problem: Vec<(String, Result<Prepared, String>, Judgements)> =
        ctx.runner.sandbox.pool().install(|| {
            by_problem
                .par_iter()
                .map(|(id, indices)| {
                    let p = Arc::new(by_id[id].clone());
                    let prep = prepare(ctx, p, &baselines).map_err(|e| e.to_string());
                    let judged = match &prep {
                        Ok(prep) => indices
                            .par_iter()
                            .map(|&i| (i, judge(&submissions[i], prep)))
                            .collect(),
                        Err(_) => Vec::new(),
                    };
                    (id.to_string(), prep, judged)
                })
                .collect()
        });
    let mut results: Vec<Option<Result<Judged, ScoreError>>> =
        (0..submissions.len()).map(|_| None).collect();
    let mut prepared: BTreeMap<String, Result<Prepared, String>> = BTreeMap::new();
    for (id, prep, judged) in per_problem {
        if let Err(e) = &prep {
            warnings.push(format!(
                "problem `{id}` cannot be used, its samples are left out: {e}"
            ));
        }
        for (i, r) in judged {
            results[i] = Some(r);
        }
        prepared.insert(id, prep);
    }
    let mut systems: BTreeMap<String, SystemReport> = BTreeMap::new();
    for (s, r) in submissions.iter().zip(results) {
        let result = match r.transpose()? {
            None => continue,
            Some(Judged::LeftOut(why)) => {
                warnings.push(why);
                continue;
            }
            Some(Judged::Result(result, warning)) => {
                warnings.extend(warning);
                result
            }
        };
        let prep = prepared[&s.problem]
            .as_ref()
            .expect("judged problems were prepared");
        systems
            .entry(s.system.clone())
            .or_insert_with(|| SystemReport {
                stats: Vec::new(),
                problems: BTreeMap::new(),
            })
            .problems
            .entry(s.problem.clone())
            .or_insert_with(|| ProblemReport {
                excluded: prep.problem.excluded,
                samples: Vec::new(),
            })
            .samples
            .push(SampleReport {
                name: s.name.clone(),
                sha256: Digest::of(&s.source.bytes).hex(),
                result,
            });
    }
    for system in systems.values_mut() {
        let samples = problem_samples(system, &prepared);
        for &k in &settings.k {
            let config = StatsConfig {
                k,
                include_excluded: settings.include_excluded,
                bootstrap: settings.bootstrap,
            };
            system.stats.push(stats::summarize(&samples, &config)?);
        }
    }
    let provenance = Provenance {
        wasmtime: WASMTIME_VERSION.into(),
        cost_model: cost_model.clone(),
        python: PYTHON_VERSION.into(),
        python_runtime: python_runtime_sha256().into(),
        compilers: ctx.tools.compiler_versions(),
        problems: prepared
            .iter()
            .filter_map(|(id, p)| p.as_ref().ok().map(|p| (id.clone(), provenance_of(p))))
            .collect(),
        secret_seed_sha256: problems
            .iter()
            .find_map(Problem::secret_commitment)
            .map(Digest::hex),
    };
    let report = ScoreReport {
        schema_version: SCORE_SCHEMA_VERSION,
        tool: "fuelgauge".into(),
        version: crate::VERSION.into(),
        settings,
        provenance,
        systems,
        warnings,
        speedup: None,
    };
    let counts = ScoreCounts {
        judged: counts.0.into_inner(),
        resumed: counts.1.into_inner(),
    };
    Ok((report, counts))
}

fn provenance_of(p: &Prepared) -> ProblemProvenance {
    ProblemProvenance {
        title: p.problem.title.clone(),
        kind: p.problem.kind,
        sha256: p.problem.digest.hex(),
        excluded: p.problem.excluded,
        alpha: p.problem.alpha,
        sizes: p.problem.levels.iter().map(|l| l.size).collect(),
        weights: p.problem.levels.iter().map(|l| l.weight).collect(),
        tests: p.tests.len(),
        references: p.yardsticks.clone(),
    }
}

/// The statistics core's view of a system: per problem, each sample's pass, score and the
/// cost ratio t/T* of every scored level (censored at α where it ran out of fuel).
pub fn problem_samples(
    system: &SystemReport,
    prepared: &BTreeMap<String, Result<Prepared, String>>,
) -> Vec<ProblemSamples> {
    system
        .problems
        .iter()
        .map(|(id, report)| {
            let prep = prepared.get(id).and_then(|p| p.as_ref().ok());
            let weights: Vec<f64> = prep
                .map(|p| p.problem.levels.iter().map(|l| l.weight).collect())
                .unwrap_or_default();
            samples_of(id, report, &weights, &|f| {
                prep.and_then(|p| p.yardsticks.get(&f)).map(|y| y.budget)
            })
        })
        .collect()
}

/// Like [`problem_samples`], from a saved report's provenance (for `report`, `compare` and
/// `leaderboard`, which run nothing).
pub fn problem_samples_from_report(
    report: &ScoreReport,
    system: &SystemReport,
) -> Vec<ProblemSamples> {
    system
        .problems
        .iter()
        .map(|(id, p)| {
            let prov = report.provenance.problems.get(id);
            let weights = prov.map(|p| p.weights.clone()).unwrap_or_default();
            samples_of(id, p, &weights, &|f| {
                prov.and_then(|p| p.references.get(&f)).map(|y| y.budget)
            })
        })
        .collect()
}

/// Scored levels (weight > 0) of passed samples become cost ratios; the level where a run ran
/// out of fuel is censored at T / T*_l. Later levels were never run and are left out.
fn samples_of(
    id: &str,
    report: &ProblemReport,
    weights: &[f64],
    budget: &dyn Fn(Family) -> Option<u64>,
) -> ProblemSamples {
    let sample = |s: &SampleReport| {
        let mut levels = Vec::new();
        if s.result.passed {
            let t = budget(s.result.language.family()).unwrap_or(0);
            for l in &s.result.levels {
                if !weights.get(l.level).is_some_and(|w| *w > 0.0) || l.reference_fuel == 0 {
                    continue;
                }
                let r = l.reference_fuel as f64;
                match l.fuel {
                    Some(fuel) => levels.push(LevelCost::Finished {
                        ratio: fuel as f64 / r,
                    }),
                    None => {
                        levels.push(LevelCost::OutOfFuel {
                            alpha: t as f64 / r,
                        });
                        break;
                    }
                }
            }
        }
        Sample {
            passed: s.result.passed,
            score: if s.result.passed { s.result.score } else { 0.0 },
            levels,
        }
    };
    ProblemSamples {
        id: id.to_owned(),
        excluded: report.excluded,
        samples: report.samples.iter().map(sample).collect(),
    }
}
