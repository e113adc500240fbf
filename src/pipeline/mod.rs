//! Orchestration: generating a problem's tests, preparing it (expected answers, the
//! references' costs), judging every sample through the journal, and checking problem sets.

pub mod check;
pub mod evaluate;
pub mod events;
pub mod generate;
pub mod journal;
pub mod merge;
pub mod pack;
pub mod prepare;
pub mod sanitize;
pub mod score;
pub mod shard;

pub use evaluate::evaluate;
pub use events::{JsonlEvents, Reporter, ReporterError, ScoreEvent};
pub use generate::generate_tests;
pub use journal::Journal;
pub use merge::{MergeError, assemble, merge, part_warnings};
pub use pack::{Pack, PackEnvironment, PackError, Prepacked, check_target, write_pack};
pub use prepare::{NoReference, Prepared, prepare, prepare_all};
pub use score::{ScoreCounts, ScoreRun, score};
