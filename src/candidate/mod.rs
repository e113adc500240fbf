//! Candidate programs: their source and language, and collecting submissions.

mod collect;
mod source;

pub use collect::{
    Collected, ProblemIndex, Submission, collect, folder_problem, resolve as resolve_task,
    with_prompt,
};
pub use source::{Family, Language, Source, SourceError};
