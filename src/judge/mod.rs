//! The judge: checkers, per-test verdicts and the efficiency score.

pub mod checker;
pub mod pickle;
pub mod pyliteral;
pub mod score;
pub mod verdict;

pub use verdict::TestVerdict;
