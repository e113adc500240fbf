//! Candidate programs: their source and language.

mod source;

pub use source::{Family, Language, Source, SourceError};
