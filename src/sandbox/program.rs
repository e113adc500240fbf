use std::path::PathBuf;
use std::sync::Arc;

use crate::digest::Digest;

/// A WebAssembly module to run: its digest, and where its bytes are.
#[derive(Debug, Clone)]
pub struct WasmModule {
    pub digest: Digest,
    pub origin: WasmOrigin,
}

#[derive(Debug, Clone)]
pub enum WasmOrigin {
    /// Bytes in memory (a freshly compiled or cached candidate).
    Bytes(Arc<[u8]>),
    /// A file whose digest is already known (the interpreter: read only when its native
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
}

/// A runnable program: a module plus the fixed argv and environment it runs with.
#[derive(Debug, Clone)]
pub struct Program {
    pub module: WasmModule,
    pub argv: Vec<String>,
    pub env: Vec<(String, String)>,
}
