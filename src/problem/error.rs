use std::path::PathBuf;

/// A problem that cannot be used, named by file (and field, where one is at fault).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {}{message}", path.display(), field.as_ref().map(|f| format!("{f}: ")).unwrap_or_default())]
pub struct ProblemError {
    pub path: PathBuf,
    pub field: Option<String>,
    pub message: String,
}

impl ProblemError {
    pub fn new(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        ProblemError {
            path: path.into(),
            field: None,
            message: message.into(),
        }
    }

    pub fn field(path: impl Into<PathBuf>, field: &str, message: impl Into<String>) -> Self {
        ProblemError {
            path: path.into(),
            field: Some(field.into()),
            message: message.into(),
        }
    }
}
