//! The judge: running a candidate on tests, checkers, per-test verdicts and the efficiency
//! score.

pub mod checker;
mod context;
mod error;
pub mod pickle;
pub mod pyliteral;
mod run;
pub mod score;
pub mod verdict;

pub use context::{Context, run_trusted_python};
pub use error::JudgeError;
pub use run::{Baselines, Check, TestRun, check_output, run_source};
