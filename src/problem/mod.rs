//! Problems: the `problem.toml` schema, loading and validation, and the tests' seeds (`pipeline/` generates them).

mod error;
pub mod import;
mod load;
mod model;
mod spec;
mod test_case;

pub use error::ProblemError;
pub use load::{default_references_dir, load_problem, load_set};
pub use model::*;
pub use spec::{COMPLEXITY_CLASSES, CheckerSpec, ComplexitySpec, Kind, ProblemToml};
pub use test_case::{Generated, TestCase, growth_seed, test_seed};
