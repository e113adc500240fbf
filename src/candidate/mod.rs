//! Candidate programs: their source and language, and collecting submissions.

mod collect;
mod source;

pub use collect::{Collected, ProblemIndex, Submission, collect};
pub use source::{Family, Language, Source, SourceError};
