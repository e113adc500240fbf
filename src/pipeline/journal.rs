//! The journal: every finished sample is appended as one JSON line, so an interrupted score
//! (Ctrl-C, `kill -9`) resumes with the same command and recomputes nothing finished.
//! A torn last line (the process died mid-write) is ignored, and so is any other line that
//! does not parse; every whole line is kept.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::events::{Reporter, ReporterError, ScoreEvent};
use crate::digest::Digest;
use crate::schema::SampleResult;

#[derive(serde::Serialize, serde::Deserialize)]
struct Entry {
    key: String,
    result: SampleResult,
}

pub struct Journal {
    path: PathBuf,
    file: Mutex<File>,
    done: HashMap<String, SampleResult>,
}

impl Journal {
    /// Opens (creating) the journal at `path` and loads what it holds.
    pub fn open(path: &Path) -> std::io::Result<Journal> {
        let mut done = HashMap::new();
        let mut torn = false;
        // Bytes, not text: a line torn inside a multi-byte character is not UTF-8, and reading
        // the file as a string would then drop every entry, not only the torn one.
        if let Ok(bytes) = std::fs::read(path) {
            torn = bytes.last().is_some_and(|&b| b != b'\n');
            for line in bytes.split(|&b| b == b'\n') {
                if let Ok(entry) = serde_json::from_slice::<Entry>(line) {
                    done.insert(entry.key, entry.result);
                }
            }
        }
        let mut file = OpenOptions::new().create(true).append(true).open(path)?;
        if torn {
            // Start the next entry on a line of its own.
            file.write_all(b"\n")?;
        }
        Ok(Journal {
            path: path.to_owned(),
            file: Mutex::new(file),
            done,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn len(&self) -> usize {
        self.done.len()
    }

    pub fn is_empty(&self) -> bool {
        self.done.is_empty()
    }

    pub fn get(&self, key: &Digest) -> Option<&SampleResult> {
        self.done.get(&key.hex())
    }

    /// Appends one finished sample, in a single write, flushed.
    pub fn record(&self, key: &Digest, result: &SampleResult) -> std::io::Result<()> {
        self.append(&key.hex(), result)
    }

    fn append(&self, key: &str, result: &SampleResult) -> std::io::Result<()> {
        let mut line = serde_json::to_vec(&Entry {
            key: key.to_owned(),
            result: result.clone(),
        })?;
        line.push(b'\n');
        let mut file = self.file.lock().expect("journal poisoned");
        file.write_all(&line)?;
        file.flush()
    }

    /// Removes the journal once its results are safely in the output.
    pub fn finish(self) -> std::io::Result<()> {
        drop(self.file);
        std::fs::remove_file(&self.path)
    }
}

/// The journal keeps every sample judged in this run (resumed ones are in it already).
impl Reporter for Journal {
    fn event(&self, event: &ScoreEvent<'_>) -> Result<(), ReporterError> {
        match event {
            ScoreEvent::SampleJudged {
                key,
                resumed: false,
                result,
                ..
            } => self.append(key, result).map_err(|source| ReporterError {
                what: format!("the journal {}", self.path.display()),
                source,
            }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result() -> SampleResult {
        SampleResult {
            language: crate::candidate::Language::C,
            passed: true,
            score: 0.5,
            memory_score: 0.0,
            growth: None,
            reference_exponent: None,
            level_growth: crate::stats::Growth::NotCompared,
            verdict: crate::schema::VerdictKind::Accepted,
            levels: vec![],
            tests: vec![],
        }
    }

    #[test]
    fn survives_a_torn_last_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j");
        let j = Journal::open(&path).unwrap();
        j.record(&Digest::of(b"a"), &result()).unwrap();
        drop(j);
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"{\"key\":\"tor").unwrap();
        let j = Journal::open(&path).unwrap();
        assert_eq!(j.len(), 1);
        assert_eq!(j.get(&Digest::of(b"a")), Some(&result()));
        j.record(&Digest::of(b"b"), &result()).unwrap();
        drop(j);
        let j = Journal::open(&path).unwrap();
        assert_eq!(j.len(), 2, "an entry after a torn line is kept");
        j.finish().unwrap();
        assert!(!path.exists());
    }

    #[test]
    fn a_line_torn_inside_a_multibyte_character_loses_only_that_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j");
        let mut wrong = result();
        wrong.tests.push(crate::schema::TestResult {
            name: "L1.0".into(),
            level: 1,
            verdict: crate::schema::TestVerdict::WrongAnswer {
                diff: "expected \"naïve…\"".into(),
            },
            fuel: Some(1),
            forgiven: 0,
            peak_memory: 0,
        });
        let j = Journal::open(&path).unwrap();
        j.record(&Digest::of(b"a"), &result()).unwrap();
        j.record(&Digest::of(b"b"), &wrong).unwrap();
        drop(j);
        // Cut the second line between the bytes of `…` (E2 80 A6), as a crash mid-write would.
        let bytes = std::fs::read(&path).unwrap();
        let cut = bytes.windows(3).rposition(|w| w == "…".as_bytes()).unwrap() + 1;
        std::fs::write(&path, &bytes[..cut]).unwrap();
        let j = Journal::open(&path).unwrap();
        assert_eq!(j.len(), 1, "the whole first line is kept");
        assert_eq!(j.get(&Digest::of(b"a")), Some(&result()));
        j.record(&Digest::of(b"b"), &wrong).unwrap();
        drop(j);
        let j = Journal::open(&path).unwrap();
        assert_eq!(j.len(), 2, "an entry after the torn line is kept");
        assert_eq!(j.get(&Digest::of(b"b")), Some(&wrong));
    }
}
