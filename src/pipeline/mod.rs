//! Orchestration: preparing problems, running candidates, checking problem sets.

pub mod check;
pub mod context;
pub mod evaluate;
pub mod journal;
pub mod prepare;
pub mod runner;
pub mod sanitize;
pub mod score;
pub mod speedup;

pub use context::{Context, run_trusted_python};
pub use evaluate::{Baselines, SampleResult, TestResult, evaluate};
pub use journal::Journal;
pub use prepare::{Prepared, Yardstick, prepare};
pub use runner::Runner;
pub use score::{ScoreCounts, ScoreError, score};
