//! Statistics core: every number fuelgauge publishes (leaderboards, CI gates) is computed here.
//!
//! Pure and I/O-free. Input is, per problem, the `n` samples a system generated: whether each
//! passed and its ENAMEL efficiency score `e ≥ 0` (0 when it failed; may exceed 1), plus the
//! fuel cost of each scored level relative to the reference solution ([`ProblemSamples`]).
//!
//! # What is computed, and from which formula
//!
//! * **pass@k** (Chen et al. 2021): `1 − C(n−c, k)/C(n, k)`, as the running product
//!   `1 − Π_{i=n−c+1}^{n} (1 − k/i)` — [`pass_at_k`].
//! * **eff@k** (Qiu et al. 2025, ENAMEL): the Rao–Blackwellised unbiased estimator of the
//!   expected maximum score of `k` samples, `Σ_{r=k}^{n} C(r−1, k−1)/C(n, k) · e_(r)` over the
//!   ascending order statistics — [`eff_at_k`]. With 0/1 scores it equals pass@k.
//! * **Aggregates**: the mean over problems, each weighted equally; problems marked
//!   `excluded` are left out by default — [`summarize`].
//! * **mem@k**: eff@k's estimator over the memory scores (the same level rules, with peak
//!   linear memory for fuel).
//! * **Growth**: the exponent of `cost ≈ a · size^b` by least squares on log–log axes, one
//!   intercept per generator case, with a Student-t interval and a complexity label —
//!   [`fit`]; the share of samples whose exponent exceeds their reference's by more than
//!   [`STEEPER_MARGIN`] — [`GrowthSummary`].
//! * **Censoring**: the share of scored levels that ran out of fuel, and the Kaplan–Meier
//!   (1958) product-limit estimate of the distribution of the cost ratio `t/T*`, with runs out
//!   of fuel right-censored at `alpha = T/T*`; quartiles that the censoring hides are reported
//!   as [`Quantile::Censored`] ("> alpha") — [`kaplan_meier()`].
//! * **Uncertainty**: percentile bootstrap intervals resampling problems (Efron & Tibshirani
//!   1993), bit-reproducible for a given seed on any thread count — [`BootstrapConfig`]; paired
//!   comparison of two systems with a paired bootstrap interval and a sign-flip permutation
//!   p-value — [`compare_paired`].
//!
//! Each submodule's documentation states its formulas in full.
//!
//! # References
//!
//! * M. Chen et al., "Evaluating Large Language Models Trained on Code", arXiv:2107.03374, 2021.
//! * R. Qiu, W. W. Zeng, J. Ezick, C. Lott, H. Tong, "How Efficient is LLM-Generated Code? A
//!   Rigorous & High-Standard Benchmark", ICLR 2025 (ENAMEL).
//! * E. L. Kaplan, P. Meier, "Nonparametric Estimation from Incomplete Observations", Journal
//!   of the American Statistical Association 53(282), 1958.
//! * B. Efron, R. J. Tibshirani, *An Introduction to the Bootstrap*, Chapman & Hall, 1993.
//! * B. Phipson, G. K. Smyth, "Permutation P-values Should Never Be Zero", Statistical
//!   Applications in Genetics and Molecular Biology 9(1), 2010.
//! * D. Blackman, S. Vigna, "Scrambled Linear Pseudorandom Number Generators", ACM TOMS 47(4),
//!   2021 (xoshiro256\*\*).

mod bootstrap;
mod compare;
mod error;
mod estimators;
mod growth;
mod kaplan_meier;
mod problem;
mod summary;

pub use bootstrap::{
    BootstrapConfig, DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES, DEFAULT_SEED, Interval, MAX_RESAMPLES,
    QuantileInterval, bootstrap_mean,
};
pub use compare::{
    PValueMethod, PairedComparison, PairedDifference, compare_paired, compare_paired_values,
};
pub use error::StatsError;
pub use estimators::{eff_at_k, pass_at_k};
pub use growth::{
    CLEAR_DISTANCE, CLEAR_HALF_WIDTH, GrowthFit, GrowthPoint, UNCLEAR, WINDOW, class_exponent, fit,
    fit_between, is_class,
};
pub use kaplan_meier::{KaplanMeier, KmStep, Quantile, kaplan_meier};
pub use problem::{
    CensoringCount, Growth, LevelCost, ProblemSamples, ProblemScore, Sample, score_problem,
};
pub use summary::{
    CensoringSummary, CostRatioSummary, Estimate, GrowthSummary, STEEPER_MARGIN, StatsConfig,
    SystemSummary, summarize,
};

/// Domain separator for resampling problems with replacement.
pub(crate) const DOMAIN_RESAMPLE: u64 = 0x7265_7361_6d70_6c65; // "resample"
/// Domain separator for the random sign flips of the paired test.
pub(crate) const DOMAIN_SIGN_FLIP: u64 = 0x7369_676e_666c_6970; // "signflip"
