use std::io::Read as _;
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

    /// Reads a source file, at most `cap + 1` bytes of it (enough for the toolchain to see that
    /// it is over the limit of `cap`).
    pub fn read(path: &Path, cap: u64) -> Result<Source, SourceError> {
        let language = Language::from_path(path).ok_or_else(|| SourceError::UnknownExtension {
            path: path.to_owned(),
        })?;
        let bytes = read_bounded(path, cap, Follow::Yes)?;
        Ok(Source::new(path.display().to_string(), language, bytes))
    }
}

/// Whether opening a path may follow a symlink in its last component.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    Yes,
    /// For a path already resolved and checked: a symlink put there since is refused.
    No,
}

/// The first `cap + 1` bytes of the regular file at `path`.
pub fn read_bounded(path: &Path, cap: u64, follow: Follow) -> Result<Vec<u8>, SourceError> {
    let mut bytes = Vec::new();
    open_regular(path, follow)?
        .take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| SourceError::Read {
            path: path.to_owned(),
            source,
        })?;
    Ok(bytes)
}

/// The whole regular file at `path`, refused when it is larger than `cap` (only `cap + 1`
/// bytes are ever read).
pub fn read_within(path: &Path, cap: u64, follow: Follow) -> Result<Vec<u8>, SourceError> {
    let bytes = read_bounded(path, cap, follow)?;
    if bytes.len() as u64 > cap {
        return Err(SourceError::TooLarge {
            path: path.to_owned(),
            mib: cap >> 20,
        });
    }
    Ok(bytes)
}

/// Opens `path` for reading only if it is a regular file. The open does not block (a FIFO
/// would wait for a writer forever) and the check is on the opened file, so a file swapped for
/// a FIFO or a device between a look and the open is still refused.
pub fn open_regular(path: &Path, follow: Follow) -> Result<std::fs::File, SourceError> {
    use std::os::unix::fs::OpenOptionsExt as _;
    let read = |source| SourceError::Read {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(
            libc::O_NONBLOCK
                | libc::O_NOCTTY
                | if follow == Follow::No {
                    libc::O_NOFOLLOW
                } else {
                    0
                },
        )
        .open(path)
        .map_err(read)?;
    if !file.metadata().map_err(read)?.is_file() {
        return Err(SourceError::NotRegular {
            path: path.to_owned(),
        });
    }
    Ok(file)
}

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: unknown extension; fuelgauge runs .c, .cpp/.cc/.cxx, .py, .wasm and .wat")]
    UnknownExtension { path: PathBuf },
    #[error("{path}: not a regular file (a FIFO, socket or device); not read")]
    NotRegular { path: PathBuf },
    #[error("{path}: larger than {mib} MiB")]
    TooLarge { path: PathBuf, mib: u64 },
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
