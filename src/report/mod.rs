//! Renderers of score reports, the leaderboard and the comparison of two results.

pub mod check;
pub mod compare;
pub mod csv;
pub mod export;
pub mod html;
pub(crate) mod human;
pub mod junit;
pub mod markdown;
pub mod run;
pub mod table;
