//! `fuelgauge score`: judge every submission (or one shard's share of them) into a
//! [`PartialReport`]; [`super::merge::assemble`] turns the parts into the report.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use super::evaluate::evaluate;
use super::events::{Reporter, ReporterError, ScoreEvent};
use super::journal::Journal;
use super::pack::Prepacked;
use super::prepare::{Prepared, prepare};
use super::shard::{SampleId, select};
use crate::candidate::Submission;
use crate::digest::{Digest, KeyBuilder};
use crate::judge::{Baselines, Context};
use crate::problem::Problem;
use crate::sandbox::WASMTIME_VERSION;
use crate::schema::{
    Frame, PARTIAL_SCHEMA_VERSION, PartialReport, ProblemOutcome, ProblemProvenance, SampleOutcome,
    SampleRecord, ScoreSettings, Shard,
};
use crate::toolchain::{PYTHON_VERSION, python_runtime_sha256};

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ScoreCounts {
    /// Samples judged in this run.
    pub judged: u64,
    /// Samples taken from the journal of an interrupted run.
    pub resumed: u64,
    /// Problems prepared in this run (their generators and references run, or cached).
    pub prepared: u64,
    /// Problems taken from a pack: nothing of theirs ran.
    pub from_pack: u64,
}

/// How to run a score, besides what is scored.
pub struct ScoreRun<'a> {
    /// Recorded in the report: the k list and the bootstrap.
    pub settings: ScoreSettings,
    /// `--metric speedup`: the report gets PIE's speedups.
    pub speedup: bool,
    /// What collecting and loading found, one line each.
    pub warnings: Vec<String>,
    /// Systems covering only part of the problem set, one line each.
    pub coverage: Vec<String>,
    /// Which share of the samples to judge.
    pub shard: Shard,
    /// Problems prepared beforehand (`--prepared PACK`): used as they are, never prepared.
    pub pack: Option<&'a Prepacked>,
    /// Results of an interrupted run, reused by each sample's key.
    pub resume: Option<&'a Journal>,
    /// Told every event as it happens.
    pub reporters: &'a [&'a dyn Reporter],
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

/// What the parts of one run share, and its digest: the settings, the environment and
/// every sample's identity, so that parts of different runs are never merged.
fn frame(
    ctx: &Context,
    problems: &[Problem],
    samples: &[SampleId<'_>],
    run: &ScoreRun<'_>,
) -> (Frame, String) {
    let frame = Frame {
        settings: run.settings.clone(),
        speedup: run.speedup,
        pack: run.pack.map(|p| p.digest.hex()),
        warnings: run.warnings.clone(),
        coverage: run.coverage.clone(),
        samples: samples.len(),
        sample_list: sample_list(samples),
        wasmtime: WASMTIME_VERSION.into(),
        cost_model: ctx.runner.sandbox.cost_model().id(),
        python: PYTHON_VERSION.into(),
        python_runtime: python_runtime_sha256().into(),
        secret_seed_sha256: problems
            .iter()
            .find_map(Problem::secret_commitment)
            .map(Digest::hex),
    };
    let digest = frame_digest(&frame);
    (frame, digest)
}

/// sha256 of a frame: what `inputs` in a part holds.
pub fn frame_digest(frame: &Frame) -> String {
    KeyBuilder::new("frame-v1")
        .bytes(&serde_json::to_vec(frame).expect("a frame serializes"))
        .finish()
        .hex()
}

/// sha256 of what a part found: what `content` in a part holds.
pub fn content_digest(
    problems: &BTreeMap<String, ProblemOutcome>,
    compilers: &BTreeMap<String, String>,
    samples: &[SampleRecord],
) -> String {
    KeyBuilder::new("part-content-v1")
        .bytes(&serde_json::to_vec(&(problems, compilers, samples)).expect("a part serializes"))
        .finish()
        .hex()
}

/// sha256 over each sample's (position, system, problem, name, source sha256), in order.
pub fn sample_list(samples: &[SampleId<'_>]) -> String {
    let mut key = KeyBuilder::new("sample-list-v1");
    for (index, s) in samples.iter().enumerate() {
        key = key
            .u64(index as u64)
            .str(s.system)
            .str(s.problem)
            .str(s.name)
            .str(s.sha256);
    }
    key.finish().hex()
}

/// Judges the submissions of `run.shard` (all of them for [`Shard::WHOLE`]). Problems that
/// cannot be prepared, and samples fuelgauge fails on, are recorded as such, never the run's
/// failure.
pub fn score(
    ctx: &Context,
    problems: &[Problem],
    submissions: Vec<Submission>,
    run: ScoreRun<'_>,
) -> Result<(PartialReport, ScoreCounts), ReporterError> {
    // Each source hashed once: for the frame, the partition and the records.
    let hashes: Vec<String> = submissions
        .iter()
        .map(|s| Digest::of(&s.source.bytes).hex())
        .collect();
    let ids: Vec<SampleId<'_>> = submissions
        .iter()
        .zip(&hashes)
        .map(|(s, sha256)| SampleId {
            problem: &s.problem,
            system: &s.system,
            name: &s.name,
            sha256,
        })
        .collect();
    let (frame, inputs) = frame(ctx, problems, &ids, &run);
    let ScoreRun {
        shard,
        pack,
        resume,
        reporters,
        ..
    } = run;
    let tell = |event: ScoreEvent<'_>| -> Result<(), ReporterError> {
        reporters.iter().try_for_each(|r| r.event(&event))
    };
    let mine = select(&ids, shard);
    let by_id: BTreeMap<&str, &Problem> = problems.iter().map(|p| (p.id.as_str(), p)).collect();
    let baselines = Baselines::default();
    let cost_model = frame.cost_model.clone();
    let counts = [(); 4].map(|()| AtomicU64::new(0));
    let [judged, resumed, prepared_here, from_pack] = &counts;
    tell(ScoreEvent::Started {
        samples: mine.len() as u64,
    })?;
    // A sample that cannot be judged (its language has no reference here, or fuelgauge
    // itself failed on it) costs only itself: a record saying why, never the run.
    let judge = |i: usize, prep: &Prepared| -> Result<SampleOutcome, ReporterError> {
        let s = &submissions[i];
        let key = sample_key(s, &prep.problem, &cost_model);
        let warning = prep
            .yardstick(s.source.language)
            .err()
            .map(|why| format!("{}: {why}; scored as a compile_error", s.source.origin));
        let (result, was_resumed) = match resume.and_then(|j| j.get(&key)) {
            Some(r) => {
                resumed.fetch_add(1, Ordering::Relaxed);
                (r.clone(), true)
            }
            None => match evaluate(ctx, prep, &s.source, &baselines) {
                Ok(r) => {
                    judged.fetch_add(1, Ordering::Relaxed);
                    (r, false)
                }
                Err(e) => {
                    let reason = format!(
                        "{}: could not be judged ({e}); left out, the next run retries it",
                        s.source.origin
                    );
                    tell(ScoreEvent::SampleLeftOut {
                        system: &s.system,
                        problem: &s.problem,
                        sample: &s.name,
                        reason: &reason,
                    })?;
                    return Ok(SampleOutcome::LeftOut { reason });
                }
            },
        };
        tell(ScoreEvent::SampleJudged {
            system: &s.system,
            problem: &s.problem,
            sample: &s.name,
            key: &key.hex(),
            resumed: was_resumed,
            result: &result,
        })?;
        Ok(SampleOutcome::Judged { result, warning })
    };
    // Each problem's samples are judged as soon as that problem is prepared, so no core
    // waits for the slowest preparation (rayon steals across the nested loops).
    let mut by_problem: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in &mine {
        by_problem
            .entry(submissions[i].problem.as_str())
            .or_default()
            .push(i);
    }
    type Judgements = Vec<(usize, SampleOutcome)>;
    let per_problem: Vec<Result<(String, ProblemOutcome, Judgements), ReporterError>> =
        ctx.runner.sandbox.pool().install(|| {
            by_problem
                .par_iter()
                .map(|(id, indices)| {
                    let p = Arc::new(by_id[id].clone());
                    let prep = match pack.and_then(|pack| pack.problems.get(*id)) {
                        Some(packed) => {
                            from_pack.fetch_add(1, Ordering::Relaxed);
                            packed.clone()
                        }
                        None => {
                            prepared_here.fetch_add(1, Ordering::Relaxed);
                            prepare(ctx, p, &baselines).map_err(|e| e.to_string())
                        }
                    };
                    match prep {
                        Ok(prep) => {
                            tell(ScoreEvent::ProblemPrepared {
                                problem: id,
                                tests: prep.tests.len(),
                            })?;
                            let judged = indices
                                .par_iter()
                                .map(|&i| Ok((i, judge(i, &prep)?)))
                                .collect::<Result<_, ReporterError>>()?;
                            let outcome = ProblemOutcome::Prepared {
                                provenance: provenance_of(&prep),
                                compilers: prep.compilers.clone(),
                            };
                            Ok((id.to_string(), outcome, judged))
                        }
                        Err(reason) => {
                            tell(ScoreEvent::ProblemUnusable {
                                problem: id,
                                reason: &reason,
                            })?;
                            let judged = indices
                                .iter()
                                .map(|&i| (i, SampleOutcome::Unusable))
                                .collect();
                            Ok((id.to_string(), ProblemOutcome::Unusable { reason }, judged))
                        }
                    }
                })
                .collect()
        });
    let mut outcomes: BTreeMap<usize, SampleOutcome> = BTreeMap::new();
    let mut problem_outcomes = BTreeMap::new();
    for preparation in per_problem {
        let (id, outcome, judged) = preparation?;
        problem_outcomes.insert(id, outcome);
        outcomes.extend(judged);
    }
    let [judged, resumed, prepared, from_pack] = counts.map(AtomicU64::into_inner);
    let counts = ScoreCounts {
        judged,
        resumed,
        prepared,
        from_pack,
    };
    tell(ScoreEvent::Finished {
        judged: counts.judged,
        resumed: counts.resumed,
    })?;
    // The compilers this shard's own samples were built with (a sample refused before its
    // compiler ran, or taken from the journal, adds none).
    let versions = ctx.tools.compiler_versions();
    let mut compilers = BTreeMap::new();
    let samples = outcomes
        .into_iter()
        .map(|(i, outcome)| {
            if let SampleOutcome::Judged { result, .. } = &outcome
                && let Some(v) = versions.get(result.language.name())
            {
                compilers.insert(result.language.name().to_owned(), v.clone());
            }
            let s = &submissions[i];
            SampleRecord {
                index: i,
                system: s.system.clone(),
                problem: s.problem.clone(),
                name: s.name.clone(),
                sha256: hashes[i].clone(),
                outcome,
            }
        })
        .collect::<Vec<_>>();
    let content = content_digest(&problem_outcomes, &compilers, &samples);
    let part = PartialReport {
        schema_version: PARTIAL_SCHEMA_VERSION,
        tool: "fuelgauge".into(),
        version: crate::VERSION.into(),
        shard,
        inputs,
        content,
        frame,
        problems: problem_outcomes,
        compilers,
        samples,
    };
    Ok((part, counts))
}

fn provenance_of(p: &Prepared) -> ProblemProvenance {
    ProblemProvenance {
        title: p.problem.title.clone(),
        kind: p.problem.kind,
        sha256: p.problem.digest.hex(),
        excluded: p.problem.excluded,
        alpha: p.problem.alpha,
        sizes: p.problem.levels.iter().map(|l| l.size).collect(),
        growth_sizes: p
            .problem
            .growth_sizes()
            .into_iter()
            .map(|(s, _)| s)
            .collect(),
        complexity: p.problem.complexity.reference.clone(),
        weights: p.problem.levels.iter().map(|l| l.weight).collect(),
        tests: p.tests.len(),
        references: p.yardsticks.clone(),
    }
}
