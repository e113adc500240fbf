//! Renderers of score reports, the leaderboard and the comparison of two results.

pub mod compare;
pub mod csv;
pub(crate) mod failure;
#[cfg(test)]
mod fixture;
pub(crate) mod format;
pub mod html;
pub mod junit;
pub mod leaderboard;
pub mod markdown;
pub mod table;

/// The formatter's old name, still used by `cli/` (`check`, `run`, `score`).
pub(crate) use self::format as human;
