//! Runs WebAssembly under wasmtime with fuel, memory, output and wall-clock limits.
//! The only module that touches wasmtime.

mod engine;
mod host;
mod limits;
mod outcome;
mod program;
mod rng;

pub use engine::{InvalidModule, Sandbox, SandboxError, WASMTIME_VERSION};
pub use host::{METER_START, METER_STOP, REALTIME_START_NS};
pub use limits::Limits;
pub use outcome::{Metered, Outcome, RunVerdict, RuntimeErrorReason, Stream};
pub use program::{Program, WasmModule, WasmOrigin};
