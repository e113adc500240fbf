//! Joining parts into a report. Every score goes through [`assemble`]: an unsharded run is one
//! part, a sharded run is N parts checked by [`merge`], and both give the same bytes.

use std::collections::BTreeMap;

use super::score::{content_digest, frame_digest, sample_list};
use super::shard::{SampleId, assign};
use crate::analysis;
use crate::schema::{
    PARTIAL_SCHEMA_VERSION, PartialReport, ProblemOutcome, ProblemReport, Provenance,
    SCORE_SCHEMA_VERSION, SampleOutcome, SampleRecord, SampleReport, ScoreReport, Shard,
    SystemReport,
};
use crate::stats::StatsError;

#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("no parts to merge")]
    Empty,
    #[error("{part}: {why}")]
    Part { part: String, why: String },
    #[error("{first} and {second} are not parts of one run: {why}")]
    Mismatch {
        first: String,
        second: String,
        why: String,
    },
    #[error(
        "missing {}: have {}; merge every shard's part",
        list(missing),
        list(have)
    )]
    Missing {
        missing: Vec<Shard>,
        have: Vec<Shard>,
    },
    #[error("shard {shard} is given twice: {first} and {second}")]
    Duplicate {
        shard: Shard,
        first: String,
        second: String,
    },
    #[error(
        "the parts disagree on {what}; score every shard with the same fuelgauge, toolchains and inputs"
    )]
    Disagree { what: String },
    #[error(
        "the parts hold {have} samples where the run has {want}, or other samples than it listed: a part was edited, or parts of different runs are mixed; score the shards again"
    )]
    Samples { have: usize, want: usize },
    #[error("{0}")]
    Stats(#[from] StatsError),
}

/// The fields in which two frames differ, as the JSON names them.
fn differences(a: &crate::schema::Frame, b: &crate::schema::Frame) -> Vec<String> {
    let (a, b) = (serde_json::to_value(a), serde_json::to_value(b));
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) = (a, b) else {
        return vec!["the frame".into()];
    };
    a.iter()
        .filter(|(key, value)| b.get(*key) != Some(value))
        .map(|(key, _)| match key.as_str() {
            "samples" | "sample_list" => "the samples".to_owned(),
            other => other.to_owned(),
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// `shard 1/3, shard 3/3`, the first few of a long list.
fn list(shards: &[Shard]) -> String {
    let names: Vec<String> = shards.iter().map(|s| format!("shard {s}")).collect();
    match names.len() {
        0 => "none".into(),
        n @ 6.. => format!(
            "{n} shards ({})",
            analysis::first_few(&names.iter().map(String::as_str).collect::<Vec<_>>())
        ),
        _ => names.join(", "),
    }
}

/// Checks that `parts` (each named by its file) are the shards of one run, each exactly once,
/// and assembles them.
pub fn merge(parts: &[(String, PartialReport)]) -> Result<ScoreReport, MergeError> {
    let (first_name, first) = parts.first().ok_or(MergeError::Empty)?;
    for (name, part) in parts {
        let why = if part.schema_version != PARTIAL_SCHEMA_VERSION {
            Some(format!(
                "schema version {}, this fuelgauge reads {PARTIAL_SCHEMA_VERSION}",
                part.schema_version
            ))
        } else if part.inputs != frame_digest(&part.frame) {
            Some("its inputs digest does not match its frame: it was changed after `score --shard` wrote it; score the shard again".into())
        } else if part.content != content_digest(&part.problems, &part.compilers, &part.samples) {
            Some("its content digest does not match its results: it was changed after `score --shard` wrote it; score the shard again".into())
        } else {
            None
        };
        if let Some(why) = why {
            return Err(MergeError::Part {
                part: name.clone(),
                why,
            });
        }
        let mismatch = |why: String| MergeError::Mismatch {
            first: first_name.clone(),
            second: name.clone(),
            why,
        };
        if part.version != first.version {
            return Err(mismatch(format!(
                "fuelgauge {} and {}",
                first.version, part.version
            )));
        }
        if part.shard.count != first.shard.count {
            return Err(mismatch(format!(
                "split {} and {} ways",
                first.shard.count, part.shard.count
            )));
        }
        if part.frame.pack != first.frame.pack {
            let pack = |p: &Option<String>| p.clone().unwrap_or_else(|| "no pack".into());
            return Err(mismatch(format!(
                "scored with {} and {}; score every shard with the same --prepared PACK",
                pack(&first.frame.pack),
                pack(&part.frame.pack)
            )));
        }
        if part.inputs != first.inputs {
            return Err(mismatch(format!(
                "their inputs differ ({}); run every shard with the same command, inputs and environment",
                differences(&first.frame, &part.frame).join(", ")
            )));
        }
    }
    let count = first.shard.count;
    let mut seen: BTreeMap<u32, &str> = BTreeMap::new();
    for (name, part) in parts {
        if let Some(other) = seen.insert(part.shard.index, name) {
            return Err(MergeError::Duplicate {
                shard: part.shard,
                first: other.to_owned(),
                second: name.clone(),
            });
        }
    }
    let shard = |index| Shard { index, count };
    let missing: Vec<Shard> = (1..=count)
        .filter(|i| !seen.contains_key(i))
        .map(shard)
        .collect();
    if !missing.is_empty() {
        return Err(MergeError::Missing {
            missing,
            have: seen.keys().copied().map(shard).collect(),
        });
    }
    // Every sample once, in the shard the partition gives it: the parts hold the run's
    // samples and nothing else.
    let mut records: BTreeMap<usize, (&str, Shard, &SampleRecord)> = BTreeMap::new();
    for (name, part) in parts {
        for r in &part.samples {
            if records.insert(r.index, (name, part.shard, r)).is_some()
                || r.index >= first.frame.samples
            {
                return Err(MergeError::Part {
                    part: name.clone(),
                    why: format!("sample {} ({}) is not this part's", r.index, r.name),
                });
            }
        }
    }
    let ids: Vec<SampleId<'_>> = records
        .values()
        .map(|(_, _, r)| SampleId {
            problem: &r.problem,
            system: &r.system,
            name: &r.name,
            sha256: &r.sha256,
        })
        .collect();
    // With every index distinct and below the run's count, as many records as the run has
    // samples are the positions 0.., in order: the list the run's frame digested.
    if records.len() != first.frame.samples || sample_list(&ids) != first.frame.sample_list {
        return Err(MergeError::Samples {
            have: records.len(),
            want: first.frame.samples,
        });
    }
    for ((name, claimed, r), expected) in records.values().zip(assign(&ids, count)) {
        if claimed.index != expected {
            return Err(MergeError::Part {
                part: (*name).to_owned(),
                why: format!(
                    "sample {} of {}/{} belongs to shard {expected}/{count}, not {claimed}",
                    r.name, r.system, r.problem
                ),
            });
        }
    }
    let parts: Vec<&PartialReport> = parts.iter().map(|(_, p)| p).collect();
    assemble(&parts)
}

/// A run's warnings, in the report's order: the frame's, then each problem that cannot be
/// used (by id), then each sample's (in the run's order).
fn warnings(
    frame: &[String],
    problems: &BTreeMap<&str, &ProblemOutcome>,
    samples: &[&SampleRecord],
) -> Vec<String> {
    let mut warnings = frame.to_vec();
    for (id, outcome) in problems {
        if let ProblemOutcome::Unusable { reason } = outcome {
            warnings.push(format!(
                "problem `{id}` cannot be used, its samples are left out: {reason}"
            ));
        }
    }
    for r in samples {
        match &r.outcome {
            SampleOutcome::Unusable => {}
            SampleOutcome::LeftOut { reason } => warnings.push(reason.clone()),
            SampleOutcome::Judged { warning, .. } => warnings.extend(warning.clone()),
        }
    }
    warnings
}

/// What a part adds to its run's warnings (the frame's are not repeated), in the order the
/// merged report says them.
pub fn part_warnings(part: &PartialReport) -> Vec<String> {
    let problems = part
        .problems
        .iter()
        .map(|(id, o)| (id.as_str(), o))
        .collect();
    let samples: Vec<&SampleRecord> = part.samples.iter().collect();
    warnings(&[], &problems, &samples)
}

/// The report of a run from its parts (one for an unsharded run). Parts must share a frame;
/// [`merge`] checks that they do.
pub fn assemble(parts: &[&PartialReport]) -> Result<ScoreReport, MergeError> {
    let first = parts.first().ok_or(MergeError::Empty)?;
    let frame = &first.frame;
    let mut problems: BTreeMap<&str, &ProblemOutcome> = BTreeMap::new();
    let mut compilers: BTreeMap<String, String> = BTreeMap::new();
    let mut add_compilers = |more: &BTreeMap<String, String>| -> Result<(), MergeError> {
        for (language, version) in more {
            match compilers.get(language) {
                Some(v) if v != version => {
                    return Err(MergeError::Disagree {
                        what: format!("the {language} compiler: {v:?} and {version:?}"),
                    });
                }
                _ => {
                    compilers.insert(language.clone(), version.clone());
                }
            }
        }
        Ok(())
    };
    let mut samples: Vec<&SampleRecord> = Vec::new();
    for part in parts {
        add_compilers(&part.compilers)?;
        for (id, outcome) in &part.problems {
            if let ProblemOutcome::Prepared { compilers, .. } = outcome {
                add_compilers(compilers)?;
            }
            if let Some(other) = problems.insert(id, outcome)
                && other != outcome
            {
                return Err(MergeError::Disagree {
                    what: format!("how problem `{id}` was prepared"),
                });
            }
        }
        samples.extend(&part.samples);
    }
    samples.sort_by_key(|r| r.index);
    let warnings = warnings(&frame.warnings, &problems, &samples);
    let mut systems: BTreeMap<String, SystemReport> = BTreeMap::new();
    for r in samples {
        let SampleOutcome::Judged { result, .. } = &r.outcome else {
            continue;
        };
        let Some(ProblemOutcome::Prepared { provenance, .. }) = problems.get(r.problem.as_str())
        else {
            return Err(MergeError::Disagree {
                what: format!("whether problem `{}` could be prepared", r.problem),
            });
        };
        systems
            .entry(r.system.clone())
            .or_insert_with(|| SystemReport {
                stats: Vec::new(),
                problems: BTreeMap::new(),
            })
            .problems
            .entry(r.problem.clone())
            .or_insert_with(|| ProblemReport {
                excluded: provenance.excluded,
                samples: Vec::new(),
            })
            .samples
            .push(SampleReport {
                name: r.name.clone(),
                sha256: r.sha256.clone(),
                result: result.clone(),
            });
    }
    let provenance = Provenance {
        wasmtime: frame.wasmtime.clone(),
        cost_model: frame.cost_model.clone(),
        python: frame.python.clone(),
        python_runtime: frame.python_runtime.clone(),
        compilers,
        problems: problems
            .iter()
            .filter_map(|(id, outcome)| match outcome {
                ProblemOutcome::Prepared { provenance, .. } => {
                    Some((id.to_string(), provenance.clone()))
                }
                ProblemOutcome::Unusable { .. } => None,
            })
            .collect(),
        secret_seed_sha256: frame.secret_seed_sha256.clone(),
    };
    let mut report = ScoreReport {
        schema_version: SCORE_SCHEMA_VERSION,
        tool: "fuelgauge".into(),
        version: first.version.clone(),
        settings: frame.settings.clone(),
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
    if frame.speedup {
        report.speedup = Some(analysis::speedup::speedups(&report)?);
    }
    Ok(report)
}
