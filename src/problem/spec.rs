//! The `problem.toml` schema. Unknown keys are errors, so a typo never passes silently.

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProblemToml {
    pub id: String,
    pub title: String,
    pub kind: Kind,
    /// The text a model is given (relative to the problem folder).
    pub statement: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// `function` problems: the name the candidate must define.
    pub entry_point: Option<String>,
    /// `function` problems: HumanEval-style signature and docstring; a candidate given as a
    /// completion is appended to it.
    pub prompt: Option<String>,
    pub checker: CheckerSpec,
    /// No longer supported (check programs ran in the candidate's interpreter); kept so that
    /// an old problem gets a clear error rather than "unknown key".
    pub check: Option<String>,
    pub generator: Option<GeneratorSpec>,
    /// Budget multiplier: T = alpha · max over levels of the reference's cost. Default 2.
    pub alpha: Option<f64>,
    #[serde(default)]
    pub limits: LimitsSpec,
    /// Left out of aggregates by default (e.g. ENAMEL's trivial problems).
    #[serde(default)]
    pub excluded: bool,
    /// The complexity classes of the reference and slow solutions, in the generator's size.
    #[serde(default)]
    pub complexity: ComplexitySpec,
}

/// `[complexity]`: what the problem's author says the solutions cost, as a class of
/// [`COMPLEXITY_CLASSES`] in the generator's size on levels ≥ 1. Reports show it beside the
/// fitted exponents; tests check the fits against it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplexitySpec {
    pub reference: Option<String>,
    pub slow: Option<String>,
}

/// The complexity classes a problem may declare and a growth fit may be labelled with.
pub const COMPLEXITY_CLASSES: [&str; 9] = [
    "1",
    "log n",
    "sqrt n",
    "n",
    "n log n",
    "n sqrt n",
    "n^2",
    "n^2 log n",
    "n^3",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The program reads stdin and writes stdout (C, C++, Python).
    Stdio,
    /// A Python candidate defines `entry_point`; tests are argument tuples.
    Function,
}

#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum CheckerSpec {
    /// Output bytes must be equal.
    Exact,
    /// Whitespace-separated tokens must be equal.
    Tokens,
    /// Tokens equal, numbers within `abs_tol` or `rel_tol`.
    Float {
        #[serde(default = "default_tol")]
        abs_tol: f64,
        #[serde(default = "default_tol")]
        rel_tol: f64,
    },
    /// Python values equal with strict types (`type(a) == type(b) and a == b`, recursively);
    /// floats within `float_tol` when given.
    Literal { float_tol: Option<f64> },
    /// ENAMEL's default checker: the types equal at the top level, then Python's `==`, so
    /// nested values compare as Python compares them (`[1, 2.0] == [1, 2]`, `{1} == frozenset({1})`).
    PythonEqual,
    /// A Python program run in the sandbox; it reads input, expected and actual output
    /// separated by NUL bytes on stdin and exits 0 to accept.
    Custom { program: String },
}

fn default_tol() -> f64 {
    1e-6
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeneratorSpec {
    pub program: String,
    /// The `size` passed to the generator, one per level (level 0 checks correctness only).
    pub sizes: Vec<u64>,
    /// Tests per level. Default 8/4/4/4 (ENAMEL).
    pub tests: Option<Vec<u32>>,
    /// Level weights h. Default 0/3/3/4 (ENAMEL).
    pub weights: Option<Vec<f64>>,
    /// Mixed into every test's seed; change it to draw new inputs.
    #[serde(default)]
    pub seed: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsSpec {
    /// Linear-memory cap for candidates, in MiB. Default 512.
    pub memory_mib: Option<u64>,
    /// Fuel cap for level 0. Default: α · max over all levels of the reference's cost.
    pub level0_fuel: Option<u64>,
    /// Added to the level-0 cap, like ENAMEL's 0.01 s tolerance: a correct but slowish
    /// sample is not failed on the small inputs of level 0. Default 0.
    pub level0_tolerance_fuel: Option<u64>,
    /// Python exceptions that, raised on a level ≥ 1, end the sample's run like running out
    /// of fuel (the level and later ones score 0, the sample still passes) instead of failing
    /// it; `MemoryError` also covers the memory cap. ENAMEL's rule: `["MemoryError",
    /// "OverflowError"]`. Default none.
    #[serde(default)]
    pub censor_errors: Vec<String>,
}
