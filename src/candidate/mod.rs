//! Candidate programs: their source and language, and collecting submissions.

mod collect;
mod source;

pub use collect::{
    Collected, ProblemIndex, Submission, collect, folder_problem, jsonl_code, jsonl_language,
    read_enamel, read_jsonl, resolve as resolve_task,
};
pub use source::{Family, Follow, Language, Source, SourceError, read_within};
