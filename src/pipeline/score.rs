//! `fuelgauge score`: judge every submission, then compute each system's statistics.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use super::evaluate::evaluate;
use super::events::{Reporter, ReporterError, ScoreEvent};
use super::journal::Journal;
use super::prepare::{Prepared, prepare};
use crate::analysis;
use crate::candidate::Submission;
use crate::digest::{Digest, KeyBuilder};
use crate::judge::{Baselines, Context};
use crate::problem::{Problem, ProblemError};
use crate::sandbox::WASMTIME_VERSION;
use crate::schema::{
    ProblemProvenance, ProblemReport, Provenance, SCORE_SCHEMA_VERSION, SampleReport, SampleResult,
    ScoreReport, ScoreSettings, SystemReport,
};
use crate::stats;
use crate::toolchain::{PYTHON_VERSION, python_runtime_sha256};

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
    #[error(transparent)]
    Reporter(#[from] ReporterError),
}

/// How to run a score, besides what is scored.
pub struct ScoreRun<'a> {
    /// Recorded in the report: the k list and the bootstrap.
    pub settings: ScoreSettings,
    /// What collecting and loading found, one line each; scoring adds its own.
    pub warnings: Vec<String>,
    /// Results of an interrupted run, reused by each sample's key.
    pub resume: Option<&'a Journal>,
    /// Told every event as it happens.
    pub reporters: &'a [&'a dyn Reporter],
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
    run: ScoreRun<'_>,
) -> Result<(ScoreReport, ScoreCounts), ScoreError> {
    let ScoreRun {
        settings,
        mut warnings,
        resume,
        reporters,
    } = run;
    let tell = |event: ScoreEvent<'_>| -> Result<(), ReporterError> {
        reporters.iter().try_for_each(|r| r.event(&event))
    };
    let by_id: BTreeMap<&str, &Problem> = problems.iter().map(|p| (p.id.as_str(), p)).collect();
    let baselines = Baselines::default();
    let cost_model = ctx.runner.sandbox.cost_model().id();
    let counts = (AtomicU64::new(0), AtomicU64::new(0));
    tell(ScoreEvent::Started {
        samples: submissions.len() as u64,
    })?;
    // A sample that cannot be judged (its language has no reference here, or fuelgauge
    // itself failed on it) costs only itself: a warning naming it, never the run.
    let judge = |s: &Submission, prep: &Prepared| -> Result<Judged, ScoreError> {
        let key = sample_key(s, &prep.problem, &cost_model);
        let warning = prep
            .yardstick(s.source.language)
            .err()
            .map(|why| format!("{}: {why}; scored as a compile_error", s.source.origin));
        let (result, resumed) = match resume.and_then(|j| j.get(&key)) {
            Some(r) => {
                counts.1.fetch_add(1, Ordering::Relaxed);
                (r.clone(), true)
            }
            None => match evaluate(ctx, prep, &s.source, &baselines) {
                Ok(r) => {
                    counts.0.fetch_add(1, Ordering::Relaxed);
                    (r, false)
                }
                Err(e) => {
                    let why = format!(
                        "{}: could not be judged ({e}); left out, the next run retries it",
                        s.source.origin
                    );
                    tell(ScoreEvent::SampleLeftOut {
                        system: &s.system,
                        problem: &s.problem,
                        sample: &s.name,
                        reason: &why,
                    })?;
                    return Ok(Judged::LeftOut(why));
                }
            },
        };
        tell(ScoreEvent::SampleJudged {
            system: &s.system,
            problem: &s.problem,
            sample: &s.name,
            key: &key.hex(),
            resumed,
            result: &result,
        })?;
        Ok(Judged::Result(result, warning))
    };
    // Each problem's samples are judged as soon as that problem is prepared, so no core
    // waits for the slowest preparation (rayon steals across the nested loops).
    let mut by_problem: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, s) in submissions.iter().enumerate() {
        by_problem.entry(s.problem.as_str()).or_default().push(i);
    }
    type Judgements = Vec<(usize, Result<Judged, ScoreError>)>;
    type Preparation = (String, Result<Prepared, ProblemError>, Judgements);
    let per_problem: Vec<Result<Preparation, ReporterError>> =
        ctx.runner.sandbox.pool().install(|| {
            by_problem
                .par_iter()
                .map(|(id, indices)| {
                    let p = Arc::new(by_id[id].clone());
                    let prep = prepare(ctx, p, &baselines);
                    let judged = match &prep {
                        Ok(prep) => {
                            tell(ScoreEvent::ProblemPrepared {
                                problem: id,
                                tests: prep.tests.len(),
                            })?;
                            indices
                                .par_iter()
                                .map(|&i| (i, judge(&submissions[i], prep)))
                                .collect()
                        }
                        Err(e) => {
                            tell(ScoreEvent::ProblemUnusable {
                                problem: id,
                                reason: &e.to_string(),
                            })?;
                            Vec::new()
                        }
                    };
                    Ok((id.to_string(), prep, judged))
                })
                .collect()
        });
    let mut results: Vec<Option<Result<Judged, ScoreError>>> =
        (0..submissions.len()).map(|_| None).collect();
    let mut prepared: BTreeMap<String, Prepared> = BTreeMap::new();
    for preparation in per_problem {
        let (id, prep, judged) = preparation?;
        match prep {
            Ok(prep) => {
                prepared.insert(id, prep);
            }
            Err(e) => warnings.push(format!(
                "problem `{id}` cannot be used, its samples are left out: {e}"
            )),
        }
        for (i, r) in judged {
            results[i] = Some(r);
        }
    }
    let counts = ScoreCounts {
        judged: counts.0.into_inner(),
        resumed: counts.1.into_inner(),
    };
    tell(ScoreEvent::Finished {
        judged: counts.judged,
        resumed: counts.resumed,
    })?;
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
        let prep = &prepared[&s.problem];
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
    let provenance = Provenance {
        wasmtime: WASMTIME_VERSION.into(),
        cost_model: cost_model.clone(),
        python: PYTHON_VERSION.into(),
        python_runtime: python_runtime_sha256().into(),
        compilers: ctx.tools.compiler_versions(),
        problems: prepared
            .iter()
            .map(|(id, p)| (id.clone(), provenance_of(p)))
            .collect(),
        secret_seed_sha256: problems
            .iter()
            .find_map(Problem::secret_commitment)
            .map(Digest::hex),
    };
    let mut report = ScoreReport {
        schema_version: SCORE_SCHEMA_VERSION,
        tool: "fuelgauge".into(),
        version: crate::VERSION.into(),
        settings,
        provenance,
        systems,
        warnings,
        speedup: None,
    };
    // Statistics from the report itself, as `report` and `leaderboard` compute them.
    let stats: Vec<_> = report
        .systems
        .values()
        .map(|system| analysis::summarize(&report, system))
        .collect::<Result<_, _>>()?;
    for (system, stats) in report.systems.values_mut().zip(stats) {
        system.stats = stats;
    }
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
