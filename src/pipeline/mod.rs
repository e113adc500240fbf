//! Orchestration: preparing problems, running candidates, checking problem sets.

pub mod check;
pub mod context;
pub mod evaluate;
pub mod prepare;
pub mod runner;

pub use context::Context;
pub use evaluate::{Baselines, SampleResult, TestResult, evaluate};
pub use prepare::{Prepared, Yardstick, prepare};
pub use runner::Runner;
