//! What a score run says while it runs: one [`ScoreEvent`] per step, handed to every
//! [`Reporter`] (the progress bar, the journal, a live JSONL stream) as it happens.
//!
//! Events arrive from many threads in the order the work finishes, which varies between
//! runs; the final report does not depend on it.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::schema::SampleResult;

/// One step of a score run.
#[derive(Debug, Clone, Copy, serde::Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ScoreEvent<'a> {
    /// The run starts with this many samples.
    Started { samples: u64 },
    /// A problem's tests were generated and its references measured.
    ProblemPrepared { problem: &'a str, tests: usize },
    /// A problem cannot be used; its samples are left out.
    ProblemUnusable { problem: &'a str, reason: &'a str },
    /// A sample's result: judged now, or taken from the journal of an interrupted run.
    SampleJudged {
        system: &'a str,
        problem: &'a str,
        sample: &'a str,
        /// The sample's identity: everything its result depends on.
        key: &'a str,
        resumed: bool,
        result: &'a SampleResult,
    },
    /// fuelgauge failed on a sample (not the sample's fault); it is left out.
    SampleLeftOut {
        system: &'a str,
        problem: &'a str,
        sample: &'a str,
        reason: &'a str,
    },
    /// Every sample is judged; the statistics follow.
    Finished { judged: u64, resumed: u64 },
}

/// A reporter could not record an event.
#[derive(Debug, thiserror::Error)]
#[error("failed to write {what}: {source}")]
pub struct ReporterError {
    /// What was being written, e.g. "the journal results.json.journal".
    pub what: String,
    #[source]
    pub source: std::io::Error,
}

/// Receives a score run's events, from many threads at once.
pub trait Reporter: Sync {
    /// Records one event. An error ends the run once the samples in flight finish: a
    /// journal that cannot be written would lose work.
    fn event(&self, event: &ScoreEvent<'_>) -> Result<(), ReporterError>;
}

/// `score --events FILE`: every event as one JSON line, flushed as it happens, for
/// dashboards and training loops that want results before the run ends.
pub struct JsonlEvents {
    path: PathBuf,
    file: Mutex<std::io::BufWriter<std::fs::File>>,
}

impl JsonlEvents {
    /// Creates (or truncates) `path`.
    pub fn create(path: &Path) -> Result<JsonlEvents, ReporterError> {
        let file = std::fs::File::create(path).map_err(|source| ReporterError {
            what: format!("the event stream {}", path.display()),
            source,
        })?;
        Ok(JsonlEvents {
            path: path.to_owned(),
            file: Mutex::new(std::io::BufWriter::new(file)),
        })
    }
}

impl Reporter for JsonlEvents {
    fn event(&self, event: &ScoreEvent<'_>) -> Result<(), ReporterError> {
        let mut line = serde_json::to_vec(event).expect("events serialize");
        line.push(b'\n');
        let mut file = self.file.lock().expect("event stream poisoned");
        file.write_all(&line)
            .and_then(|()| file.flush())
            .map_err(|source| ReporterError {
                what: format!("the event stream {}", self.path.display()),
                source,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidate::Language;
    use crate::schema::VerdictKind;

    #[test]
    fn the_stream_has_one_json_object_per_event_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.jsonl");
        let stream = JsonlEvents::create(&path).unwrap();
        let result = SampleResult {
            language: Language::Wat,
            passed: false,
            score: 0.0,
            memory_score: 0.0,
            growth: None,
            reference_exponent: None,
            level_growth: crate::stats::Growth::NotCompared,
            verdict: VerdictKind::WrongAnswer,
            levels: Vec::new(),
            tests: Vec::new(),
        };
        let events = [
            ScoreEvent::Started { samples: 1 },
            ScoreEvent::ProblemPrepared {
                problem: "p",
                tests: 3,
            },
            ScoreEvent::SampleJudged {
                system: "s",
                problem: "p",
                sample: "a.wat",
                key: "00",
                resumed: false,
                result: &result,
            },
            ScoreEvent::Finished {
                judged: 1,
                resumed: 0,
            },
        ];
        for e in &events {
            stream.event(e).unwrap();
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let kinds: Vec<&str> = lines.iter().map(|l| l["event"].as_str().unwrap()).collect();
        assert_eq!(
            kinds,
            ["started", "problem_prepared", "sample_judged", "finished"]
        );
        assert_eq!(lines[2]["result"]["verdict"], "wrong_answer");
        assert_eq!(lines[2]["sample"], "a.wat");
    }
}
