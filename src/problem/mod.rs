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
pub use spec::{CheckerSpec, Kind, ProblemToml};
pub use test_case::{TestCase, test_seed};
