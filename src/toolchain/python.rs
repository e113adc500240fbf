//! Python candidates run in fuelgauge's Python runtime: CPython 3.14.0 pre-initialised by
//! componentize-py 0.25.1 into a component that holds the interpreter, our harness
//! (`runtime/python/fuelgauge_harness.py`) and the standard modules it imports. `ci/setup`
//! builds it reproducibly; its sha256 is pinned in `runtime/python/component.sha256`. There
//! is nothing to compile: a Python program is the runtime plus the candidate's source.

use std::path::PathBuf;

use super::error::ToolchainError;

pub const PYTHON_VERSION: &str =
    "CPython 3.14.0 (componentize-py 0.25.1, pre-initialised fuelgauge harness)";

/// The pinned sha256 of the runtime component.
pub fn python_runtime_sha256() -> &'static str {
    include_str!("../../runtime/python/component.sha256").trim()
}

/// Where `ci/setup` puts the runtime unless `FUELGAUGE_PYTHON_RUNTIME` says otherwise.
pub fn default_python_runtime() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("/usr/local/share"))
        .join(format!(
            "fuelgauge/python-runtime-{}.wasm",
            &python_runtime_sha256()[..16]
        ))
}

pub(crate) fn missing(path: PathBuf) -> ToolchainError {
    ToolchainError::Missing {
        tool: "the Python runtime",
        path,
        hint: "run ci/setup (it builds the pinned runtime with componentize-py from PyPI) or set FUELGAUGE_PYTHON_RUNTIME",
    }
}
