//! fuelgauge measures how efficient generated code is, not only whether it is correct.
//!
//! Candidate programs are compiled to WebAssembly (wasm32-wasi preview 1) and run under
//! wasmtime with fuel metering: the fuel a run consumes is its cost, identical on every
//! machine. The crate is a pipeline of stages, one folder each (the two utilities are
//! files). Each stage imports only the stages above it; `tests/architecture.rs` checks this
//! list against the folders and every `use`:
//!
//! ```text
//! digest, rng   sha256 keys (KeyBuilder) and the one PRNG (xoshiro256**)
//! cache/        the on-disk store: compiled modules, native code, inputs, runs
//! candidate/    Source and Language; collecting samples (folders, JSONL, ENAMEL)
//! problem/      problem.toml, references, hand tests, test seeds; importers
//! sandbox/      wasmtime with fuel, memory, output and wall limits → Outcome;
//!               Runner puts the result cache in front
//! toolchain/    C/C++ (confined clang), Python, .wasm/.wat → Program; CompileError
//! stats/        pass@k, eff@k, bootstrap intervals, Kaplan–Meier (pure)
//! schema/       every serialized type: run, score, leaderboard and compare documents
//! judge/        Context; run a candidate on tests, check answers, verdicts, the e score
//! analysis/     what a score report says: statistics, speedup, leaderboard, compare
//! pipeline/     generate → prepare → evaluate → score, ScoreEvent to Reporters, journal
//! report/       renderers, each format behind the Exporter trait
//! cli/          flags → Settings, the commands, exit status
//! ```
//!
//! A run of `score`: `cli` checks the flags into `Settings`; `candidate` collects the
//! samples and `problem` loads the problems; `pipeline` generates each problem's tests and
//! prepares it (the references' answers and fuel per level), then `evaluate`s every sample
//! through `judge` (which builds it with `toolchain` and runs it in the `sandbox`), telling
//! each `ScoreEvent` to the progress bar, the journal and any `--events` stream; `analysis`
//! computes the statistics (`stats`) of the `schema::ScoreReport`; `report` writes it in
//! every format asked for.
//!
//! Only `sandbox/` touches wasmtime; only `toolchain/` starts processes. A candidate that
//! fails to compile, traps, runs out of fuel or memory, or prints too much is a verdict
//! (data), never an `Err`; an `Err` is fuelgauge's own failure, typed per stage.

pub mod analysis;
pub mod cache;
pub mod candidate;
pub mod cli;
pub mod digest;
pub mod judge;
pub mod pipeline;
pub mod problem;
pub mod report;
pub(crate) mod rng;
pub mod sandbox;
pub mod schema;
pub mod stats;
pub mod toolchain;

/// fuelgauge's version; part of every cache key and of result provenance.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
