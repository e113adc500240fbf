//! Renderers of score reports, the leaderboard and the comparison of two results.

pub mod compare;
pub mod csv;
#[cfg(test)]
mod fixture;
pub mod html;
pub(crate) mod human;
pub mod junit;
pub mod leaderboard;
pub mod markdown;
pub mod table;
