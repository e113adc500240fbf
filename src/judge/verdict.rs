use crate::sandbox::{RunVerdict, RuntimeErrorReason};

/// The verdict of one candidate on one test.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "verdict", rename_all = "snake_case", deny_unknown_fields)]
pub enum TestVerdict {
    Accepted,
    /// With a short, bounded description of the first difference.
    WrongAnswer {
        diff: String,
    },
    RuntimeError {
        detail: String,
    },
    /// Right-censored: the cost is at least the budget.
    FuelExhausted,
    MemoryLimit,
    OutputLimit,
    WallTimeout,
    CompileError {
        message: String,
    },
}

impl TestVerdict {
    pub fn name(&self) -> &'static str {
        match self {
            TestVerdict::Accepted => "accepted",
            TestVerdict::WrongAnswer { .. } => "wrong_answer",
            TestVerdict::RuntimeError { .. } => "runtime_error",
            TestVerdict::FuelExhausted => "fuel_exhausted",
            TestVerdict::MemoryLimit => "memory_limit",
            TestVerdict::OutputLimit => "output_limit",
            TestVerdict::WallTimeout => "wall_timeout",
            TestVerdict::CompileError { .. } => "compile_error",
        }
    }

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
