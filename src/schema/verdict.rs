//! Verdicts: of one test, and the kind that decided a sample.

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

/// A verdict without its details: what decided a sample (`SampleResult::verdict`), and the
/// name every format writes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum VerdictKind {
    Accepted,
    WrongAnswer,
    RuntimeError,
    FuelExhausted,
    MemoryLimit,
    OutputLimit,
    WallTimeout,
    CompileError,
}

impl VerdictKind {
    pub fn name(self) -> &'static str {
        match self {
            VerdictKind::Accepted => "accepted",
            VerdictKind::WrongAnswer => "wrong_answer",
            VerdictKind::RuntimeError => "runtime_error",
            VerdictKind::FuelExhausted => "fuel_exhausted",
            VerdictKind::MemoryLimit => "memory_limit",
            VerdictKind::OutputLimit => "output_limit",
            VerdictKind::WallTimeout => "wall_timeout",
            VerdictKind::CompileError => "compile_error",
        }
    }
}

impl std::fmt::Display for VerdictKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl TestVerdict {
    pub fn kind(&self) -> VerdictKind {
        match self {
            TestVerdict::Accepted => VerdictKind::Accepted,
            TestVerdict::WrongAnswer { .. } => VerdictKind::WrongAnswer,
            TestVerdict::RuntimeError { .. } => VerdictKind::RuntimeError,
            TestVerdict::FuelExhausted => VerdictKind::FuelExhausted,
            TestVerdict::MemoryLimit => VerdictKind::MemoryLimit,
            TestVerdict::OutputLimit => VerdictKind::OutputLimit,
            TestVerdict::WallTimeout => VerdictKind::WallTimeout,
            TestVerdict::CompileError { .. } => VerdictKind::CompileError,
        }
    }

    pub fn name(&self) -> &'static str {
        self.kind().name()
    }
}
