use std::path::PathBuf;

/// A candidate that does not build: a verdict, shown to the user, never an `Err`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    pub kind: CompileErrorKind,
    /// The compiler's diagnostics (trimmed), or why the source was refused or stopped.
    pub message: String,
}

/// Why a candidate did not build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompileErrorKind {
    /// Refused before any compiler ran: over the size limit, not UTF-8, invalid text.
    Refused,
    /// The compiler rejected it (its diagnostics), or its output was over the limit.
    Diagnostics,
    /// The compiler did not finish within the time limit: depends on the machine's speed,
    /// so it is never cached.
    TimedOut,
}

impl CompileError {
    pub(crate) fn new(kind: CompileErrorKind, message: impl Into<String>) -> CompileError {
        CompileError {
            kind,
            message: message.into(),
        }
    }
}

/// A failure of fuelgauge's own set-up (a missing compiler, an unwritable scratch dir).
#[derive(Debug, thiserror::Error)]
pub enum ToolchainError {
    #[error("{tool} not found at {path}; {hint}")]
    Missing {
        tool: &'static str,
        path: PathBuf,
        hint: &'static str,
    },
    #[error(
        "{path} has sha256 {actual}, not the pinned {expected}; run ci/setup to build the pinned Python runtime"
    )]
    WrongPython {
        path: PathBuf,
        actual: String,
        expected: &'static str,
    },
    #[error(
        "failed to confine the compiler with bubblewrap: {0}; install bubblewrap (ci/setup does) and run where user namespaces are allowed"
    )]
    Confinement(String),
    #[error("failed to {action}: {source}")]
    Io {
        action: String,
        source: std::io::Error,
    },
    #[error(
        "unsupported file extension for {path}; fuelgauge runs .c, .cpp/.cc/.cxx, .py, .wasm and .wat"
    )]
    UnknownLanguage { path: PathBuf },
}

impl ToolchainError {
    pub(crate) fn io(action: impl Into<String>) -> impl FnOnce(std::io::Error) -> ToolchainError {
        let action = action.into();
        move |source| ToolchainError::Io { action, source }
    }
}
