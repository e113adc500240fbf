use std::path::PathBuf;
use std::sync::Arc;

use crate::digest::Digest;

/// A WebAssembly module or component to run: its digest, and where its bytes are.
#[derive(Debug, Clone)]
pub struct WasmModule {
    pub digest: Digest,
    pub origin: WasmOrigin,
}

#[derive(Debug, Clone)]
pub enum WasmOrigin {
    /// Bytes in memory (a freshly compiled or cached candidate).
    Bytes(Arc<[u8]>),
    /// A file whose digest is already known (the Python runtime: read only when its native
    /// code is not cached).
    File(PathBuf),
}

impl WasmModule {
    pub fn from_bytes(bytes: Vec<u8>) -> WasmModule {
        WasmModule {
            digest: Digest::of(&bytes),
            origin: WasmOrigin::Bytes(bytes.into()),
        }
    }

    pub(crate) fn read(&self) -> std::io::Result<Arc<[u8]>> {
        match &self.origin {
            WasmOrigin::Bytes(b) => Ok(b.clone()),
            WasmOrigin::File(path) => Ok(std::fs::read(path)?.into()),
        }
    }

    pub(crate) fn describe(&self) -> PathBuf {
        match &self.origin {
            WasmOrigin::File(p) => p.clone(),
            WasmOrigin::Bytes(_) => "<memory>".into(),
        }
    }
}

/// A runnable program: a module and how to enter it.
#[derive(Debug, Clone)]
pub struct Program {
    pub module: WasmModule,
    pub entry: Entry,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A WASI preview 1 command: `_start`, with these arguments and environment; the run's
    /// input is its stdin.
    Command {
        argv: Vec<String>,
        env: Vec<(String, String)>,
    },
    /// fuelgauge's Python harness component running `source`.
    Python { source: Arc<str>, mode: PyMode },
}

/// How the Python harness runs a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PyMode {
    /// As `__main__`; the run's input is its stdin, the result its stdout.
    Main,
    /// Defines `entry`, which is called with the run's input (the argument tuple, pickled:
    /// `judge::pickle`); the result is the returned value as a canonical literal.
    Call { entry: String },
}
