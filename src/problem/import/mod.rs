//! Importers: datasets researchers already use, written as ordinary problem folders.

mod enamel;
mod humaneval;
mod pie;
mod write;

pub use enamel::{ENAMEL_EXCLUDED, import_enamel};
pub use humaneval::import_humaneval;
pub use pie::import_pie;
pub use write::{ImportSummary, slug};
