//! Runs WebAssembly under wasmtime with fuel, memory, output and wall-clock limits.
//! The only module that touches wasmtime. [`Runner`] puts the result cache in front of it.

mod cost;
mod engine;
mod host;
mod limits;
mod outcome;
mod program;
mod python;
mod runner;
mod trap;

pub use cost::{CostModel, CostModelError, DEFAULT_COST_MODEL, HostCost};
pub use engine::{InvalidModule, Sandbox, SandboxError, WASMTIME_VERSION};
pub use host::REALTIME_START_NS;
pub use limits::Limits;
pub use outcome::{Outcome, RunVerdict, RuntimeErrorReason, Stream};
pub use program::{Entry, Program, PyMode, WasmModule, WasmOrigin};
pub use runner::Runner;
