use std::time::Duration;

/// How a run ended. A verdict is data: a trapping or misbehaving guest is never an `Err`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "verdict", rename_all = "snake_case", deny_unknown_fields)]
pub enum RunVerdict {
    /// The program exited with status 0.
    Ok,
    /// A trap, or exit with a non-zero status.
    RuntimeError { reason: RuntimeErrorReason },
    /// The fuel budget ran out: the cost is right-censored (we only know it is ≥ the budget).
    FuelExhausted,
    /// Linear memory would have grown past the cap.
    MemoryLimit,
    /// stdout or stderr went past its cap.
    OutputLimit { stream: Stream },
    /// The wall-clock backstop fired (a program that burns no fuel, e.g. blocked forever).
    WallTimeout,
    /// A Python source does not compile (found before any of its code ran).
    SyntaxError { message: String },
    /// A Python function returned an object that is not of a builtin type.
    NotPlain { message: String },
}

impl RunVerdict {
    pub fn name(&self) -> &'static str {
        match self {
            RunVerdict::Ok => "ok",
            RunVerdict::RuntimeError { .. } => "runtime_error",
            RunVerdict::FuelExhausted => "fuel_exhausted",
            RunVerdict::MemoryLimit => "memory_limit",
            RunVerdict::OutputLimit { .. } => "output_limit",
            RunVerdict::WallTimeout => "wall_timeout",
            RunVerdict::SyntaxError { .. } => "syntax_error",
            RunVerdict::NotPlain { .. } => "not_plain",
        }
    }

    /// What went wrong, in words: the runtime error's reason or the guest's message, else
    /// the verdict's name.
    pub fn describe(&self) -> String {
        match self {
            RunVerdict::RuntimeError { reason } => reason.to_string(),
            RunVerdict::SyntaxError { message } | RunVerdict::NotPlain { message } => {
                message.clone()
            }
            other => other.name().to_owned(),
        }
    }

    pub fn is_ok(&self) -> bool {
        matches!(self, RunVerdict::Ok)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stream {
    Stdout,
    Stderr,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum RuntimeErrorReason {
    /// The program called `exit` with a non-zero status.
    Exit { code: i32 },
    /// A WebAssembly trap (`stack_overflow`, `memory_out_of_bounds`, `unreachable`, …).
    Trap { trap: String },
    /// The module could not run at all (missing export, unknown import, …).
    Invalid { message: String },
    /// A Python exception escaped the program: `Type: message`.
    Exception { message: String },
}

impl std::fmt::Display for RuntimeErrorReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RuntimeErrorReason::Exit { code } => write!(f, "exit status {code}"),
            RuntimeErrorReason::Trap { trap } => write!(f, "trap: {trap}"),
            RuntimeErrorReason::Invalid { message } | RuntimeErrorReason::Exception { message } => {
                write!(f, "{message}")
            }
        }
    }
}

/// Everything one run produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub verdict: RunVerdict,
    /// Fuel consumed: by the whole run for a command; by the one metered call for the
    /// Python harness.
    pub fuel: u64,
    /// Peak linear memory, in bytes.
    pub peak_memory: u64,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Informational only: never part of a score.
    pub wall: Duration,
}

impl Outcome {
    /// A run that could not start.
    pub(crate) fn failed(verdict: RunVerdict) -> Outcome {
        Outcome {
            verdict,
            fuel: 0,
            peak_memory: 0,
            stdout: Vec::new(),
            stderr: Vec::new(),
            wall: Duration::ZERO,
        }
    }
}
