//! What judging needs: the toolchains, the runner (sandbox + result cache) and the cache.

use std::sync::Arc;

use super::error::JudgeError;
use crate::cache::Cache;
use crate::sandbox::Runner;
use crate::toolchain::Toolchains;

/// What every stage needs: toolchains, the runner (sandbox + result cache) and the cache.
pub struct Context {
    pub tools: Toolchains,
    pub runner: Runner,
    pub cache: Option<Arc<Cache>>,
}

/// Runs a trusted Python program (an importer's recorder, the sanitizer) on `stdin` in a
/// fresh instance of the runtime with `fuel`, and generous memory and output limits; returns
/// its stdout, or why it failed.
pub fn run_trusted_python(
    ctx: &Context,
    code: &str,
    stdin: &[u8],
    fuel: u64,
) -> Result<Vec<u8>, JudgeError> {
    use crate::sandbox::{Limits, PyMode, RunVerdict};
    let program = ctx.tools.python_program(code, PyMode::Main)?;
    let limits = Limits {
        fuel,
        memory_bytes: 2 << 30,
        stdout_bytes: 256 << 20,
        ..Limits::default()
    };
    let o = ctx.runner.run(&program, stdin, &limits, 0)?;
    match o.verdict {
        RunVerdict::Ok => Ok(o.stdout),
        other => Err(JudgeError::Trusted(other.describe())),
    }
}
