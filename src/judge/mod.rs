//! The judge: checkers, per-test verdicts, the function harness and the efficiency score.

pub mod checker;
pub mod harness;
pub mod pyliteral;
pub mod score;
pub mod verdict;

pub use verdict::TestVerdict;
