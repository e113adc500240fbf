//! Runs programs through the result cache: a run whose program, input, limits and seed were
//! seen before is answered from disk without starting wasmtime.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use super::{
    Entry, Limits, Outcome, Program, PyMode, RunVerdict, Sandbox, SandboxError, WASMTIME_VERSION,
};
use crate::cache::{Bucket, Cache};
use crate::digest::{Digest, KeyBuilder};

pub struct Runner {
    pub sandbox: Sandbox,
    cache: Option<Arc<Cache>>,
    reused: AtomicU64,
}

/// The stored form of an outcome: a JSON header line, then stdout and stderr bytes.
#[derive(serde::Serialize, serde::Deserialize)]
struct Header {
    verdict: RunVerdict,
    fuel: u64,
    peak_memory: u64,
    stdout_len: usize,
    stderr_len: usize,
}

impl Runner {
    pub fn new(sandbox: Sandbox, cache: Option<Arc<Cache>>) -> Runner {
        Runner {
            sandbox,
            cache,
            reused: AtomicU64::new(0),
        }
    }

    /// The same runner without its result cache: nothing it runs is kept on disk.
    pub fn without_cache(self) -> Runner {
        Runner {
            cache: None,
            ..self
        }
    }

    /// Runs executed in the sandbox (through this runner or not: a generator's, say), and
    /// runs this runner answered from the cache.
    pub fn counts(&self) -> (u64, u64) {
        (self.sandbox.runs(), self.reused.load(Ordering::Relaxed))
    }

    fn key(&self, program: &Program, stdin: &[u8], limits: &Limits, seed: u64) -> Digest {
        let mut k = KeyBuilder::new("run-v4")
            .str(WASMTIME_VERSION)
            .str(&self.sandbox.cost_model().id())
            .digest(&program.module.digest);
        match &program.entry {
            Entry::Command { argv, env } => {
                k = k.str("command").u64(argv.len() as u64);
                for arg in argv {
                    k = k.str(arg);
                }
                for (name, value) in env {
                    k = k.str(name).str(value);
                }
            }
            Entry::Python { source, mode } => {
                k = k.str("python").str(source);
                k = match mode {
                    PyMode::Main => k.str("main"),
                    PyMode::Call { entry } => k.str("call").str(entry),
                };
            }
        }
        k.digest(&Digest::of(stdin))
            .u64(limits.fuel)
            .u64(limits.memory_bytes)
            .u64(limits.stdout_bytes)
            .u64(limits.stderr_bytes)
            .u64(seed)
            .finish()
    }

    /// [`Sandbox::run`], answered from the result cache when this run was seen before; a
    /// wall-clock timeout is never kept (it depends on the machine).
    pub fn run(
        &self,
        program: &Program,
        stdin: &[u8],
        limits: &Limits,
        seed: u64,
    ) -> Result<Outcome, SandboxError> {
        let key = self.key(program, stdin, limits, seed);
        if let Some(outcome) = self
            .cache
            .as_ref()
            .and_then(|c| c.get(Bucket::Runs, &key))
            .and_then(|b| decode(&b))
        {
            self.reused.fetch_add(1, Ordering::Relaxed);
            return Ok(outcome);
        }
        let outcome = self.sandbox.run(program, stdin, limits, seed)?;
        // A wall-clock timeout depends on the machine; it is not cached.
        if let (Some(cache), false) = (&self.cache, outcome.verdict == RunVerdict::WallTimeout) {
            let _ = cache.put(Bucket::Runs, &key, &encode(&outcome));
        }
        Ok(outcome)
    }
}

fn encode(o: &Outcome) -> Vec<u8> {
    let header = Header {
        verdict: o.verdict.clone(),
        fuel: o.fuel,
        peak_memory: o.peak_memory,
        stdout_len: o.stdout.len(),
        stderr_len: o.stderr.len(),
    };
    let mut out = serde_json::to_vec(&header).expect("headers serialize");
    out.push(b'\n');
    out.extend_from_slice(&o.stdout);
    out.extend_from_slice(&o.stderr);
    out
}

fn decode(bytes: &[u8]) -> Option<Outcome> {
    let newline = bytes.iter().position(|&b| b == b'\n')?;
    let h: Header = serde_json::from_slice(&bytes[..newline]).ok()?;
    let body = &bytes[newline + 1..];
    if body.len() != h.stdout_len + h.stderr_len {
        return None;
    }
    Some(Outcome {
        verdict: h.verdict,
        fuel: h.fuel,
        peak_memory: h.peak_memory,
        stdout: body[..h.stdout_len].to_vec(),
        stderr: body[h.stdout_len..].to_vec(),
        wall: Duration::ZERO,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_round_trip() {
        let o = Outcome {
            verdict: RunVerdict::SyntaxError {
                message: "SyntaxError: invalid syntax".into(),
            },
            fuel: 42,
            peak_memory: 65536,
            stdout: b"out\n\0bytes".to_vec(),
            stderr: b"err".to_vec(),
            wall: Duration::ZERO,
        };
        assert_eq!(decode(&encode(&o)), Some(o));
        assert_eq!(decode(b"{}\n"), None);
    }
}
