//! From a run's outcome to a test's verdict.

use crate::sandbox::{RunVerdict, RuntimeErrorReason};
use crate::schema::TestVerdict;

impl TestVerdict {
    /// The verdict of a run that did not exit normally, if it did not.
    pub fn from_run(verdict: &RunVerdict, stderr: &[u8]) -> Option<TestVerdict> {
        Some(match verdict {
            RunVerdict::Ok => return None,
            RunVerdict::RuntimeError { reason } => TestVerdict::RuntimeError {
                detail: match reason {
                    RuntimeErrorReason::Exit { .. } => {
                        let tail = last_line(stderr);
                        if tail.is_empty() {
                            reason.to_string()
                        } else {
                            format!("{reason}: {tail}")
                        }
                    }
                    _ => reason.to_string(),
                },
            },
            RunVerdict::FuelExhausted => TestVerdict::FuelExhausted,
            RunVerdict::MemoryLimit => TestVerdict::MemoryLimit,
            RunVerdict::OutputLimit { .. } => TestVerdict::OutputLimit,
            RunVerdict::WallTimeout => TestVerdict::WallTimeout,
            RunVerdict::SyntaxError { message } => TestVerdict::CompileError {
                message: message.clone(),
            },
            RunVerdict::NotPlain { message } => TestVerdict::WrongAnswer {
                diff: message.clone(),
            },
        })
    }
}

/// The last non-empty line of a stream (Python's exception line), at most 200 characters.
pub(crate) fn last_line(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let line = text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    line.chars().take(200).collect()
}
