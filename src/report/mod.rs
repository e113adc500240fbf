//! Renderers of score reports, the leaderboard, the comparison of two results, a problem
//! set's check and one run; every final format of a score report behind [`export::Exporter`].

pub mod check;
pub mod compare;
pub mod csv;
pub mod export;
pub(crate) mod failure;
pub(crate) mod format;
pub mod html;
pub mod junit;
pub mod markdown;
pub mod run;
pub mod table;
