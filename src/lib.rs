//! fuelgauge measures how efficient generated code is, not only whether it is correct.
//!
//! Candidate programs are compiled to WebAssembly (wasm32-wasi preview 1) and run under
//! wasmtime with fuel metering: the fuel a run consumes is its cost, identical on every
//! machine. The pipeline, one folder per stage:
//!
//! ```text
//! Args → Settings
//!      → Source (candidate/)
//!      → Toolchains::build, through the compile cache (toolchain/, cache/)  → Program
//!      → Sandbox::run(program, stdin, Limits, seed) (sandbox/)              → Outcome
//!      → Judge: checker + efficiency score against the reference (judge/)   → SampleResult
//!      → report / exit status (cli/)
//! ```
//!
//! Problems (problem/) supply tests: hand-written cases and a seeded generator with size
//! levels; `pipeline/` prepares them (expected answers, reference fuel per level) and runs
//! candidates through the result cache.
//!
//! Only `sandbox/` touches wasmtime; only `toolchain/` starts processes. A candidate that
//! fails to compile, traps, runs out of fuel or memory, or prints too much is a verdict
//! (data), never an `Err`.

pub mod cache;
pub mod candidate;
pub mod cli;
pub mod digest;
pub mod judge;
pub mod pipeline;
pub mod problem;
pub mod report;
pub mod sandbox;
pub mod schema;
pub mod stats;
pub mod toolchain;

/// fuelgauge's version; part of every cache key and of result provenance.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
