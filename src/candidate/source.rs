use std::path::{Path, PathBuf};

/// The language of a candidate, from its file extension.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    C,
    Cpp,
    Python,
    /// A ready WebAssembly binary (Rust, Zig, AssemblyScript… compiled elsewhere).
    Wasm,
    /// WebAssembly text format.
    Wat,
}

impl Language {
    pub fn from_path(path: &Path) -> Option<Language> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "c" => Language::C,
            "cpp" | "cc" | "cxx" => Language::Cpp,
            "py" => Language::Python,
            "wasm" => Language::Wasm,
            "wat" => Language::Wat,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Language::C => "c",
            Language::Cpp => "cpp",
            Language::Python => "python",
            Language::Wasm => "wasm",
            Language::Wat => "wat",
        }
    }

    /// The reference family a candidate is measured against: compiled code against the C++
    /// reference, Python against the Python reference.
    pub fn family(self) -> Family {
        match self {
            Language::Python => Family::Python,
            _ => Family::Native,
        }
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    Native,
    Python,
}

/// A candidate program's source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Where it came from, for messages (a path, or `file.jsonl:12`).
    pub origin: String,
    pub language: Language,
    pub bytes: Vec<u8>,
}

impl Source {
    pub fn new(origin: impl Into<String>, language: Language, bytes: Vec<u8>) -> Source {
        Source {
            origin: origin.into(),
            language,
            bytes,
        }
    }

    /// Reads a source file; `None` in the error means the extension is not a language we run.
    pub fn read(path: &Path) -> Result<Source, SourceError> {
        let language = Language::from_path(path).ok_or_else(|| SourceError::UnknownExtension {
            path: path.to_owned(),
        })?;
        let bytes = std::fs::read(path).map_err(|source| SourceError::Read {
            path: path.to_owned(),
            source,
        })?;
        Ok(Source::new(path.display().to_string(), language, bytes))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: unknown extension; fuelgauge runs .c, .cpp/.cc/.cxx, .py, .wasm and .wat")]
    UnknownExtension { path: PathBuf },
    #[error("failed to read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_from_extensions() {
        let lang = |p: &str| Language::from_path(Path::new(p));
        assert_eq!(lang("a/b.C"), Some(Language::C));
        assert_eq!(lang("x.cc"), Some(Language::Cpp));
        assert_eq!(lang("x.cxx"), Some(Language::Cpp));
        assert_eq!(lang("x.py"), Some(Language::Python));
        assert_eq!(lang("x.wat"), Some(Language::Wat));
        assert_eq!(lang("x.rs"), None);
        assert_eq!(lang("Makefile"), None);
        assert_eq!(Language::Wasm.family(), Family::Native);
    }
}
