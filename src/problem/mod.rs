//! Problems: the `problem.toml` schema, loading and validation, and test generation.

mod error;
mod generate;
pub mod import;
mod load;
mod model;
mod spec;

pub use error::ProblemError;
pub use generate::{TestCase, generate_tests, test_seed};
pub use load::{default_references_dir, load_problem, load_set};
pub use model::*;
pub use spec::{CheckerSpec, Kind, ProblemToml};
