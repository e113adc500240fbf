//! The error type of the statistics module.
//!
//! Every message is lowercase, names the problem and sample involved where there is one, and
//! states the numbers that made the input invalid, so that a user reading it on the command line
//! knows what to change.

/// Why a statistic could not be computed.
///
/// Variants whose name starts with `Problem` come from the per-problem entry points
/// ([`super::summarize`], [`super::compare_paired`], [`super::score_problem`]) and name the
/// problem; the others come from the low-level estimators, which see only numbers.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StatsError {
    /// `k` was zero; every estimator needs `k ≥ 1`.
    #[error("k must be at least 1, got k = 0")]
    ZeroK,

    /// A low-level estimator was asked for `k` larger than the number of samples.
    #[error("n = {n} samples is fewer than k = {k}; lower k or generate more samples")]
    FewerSamplesThanK {
        /// Samples available.
        n: usize,
        /// The requested `k`.
        k: usize,
    },

    /// [`super::pass_at_k`] was given more passing samples than samples.
    #[error("c = {c} passing samples exceeds n = {n} samples")]
    MorePassesThanSamples {
        /// Samples available.
        n: usize,
        /// Passing samples claimed.
        c: usize,
    },

    /// A score handed to [`super::eff_at_k`] was NaN.
    #[error("score at index {index} is NaN")]
    NanScore {
        /// Position of the score in the input slice.
        index: usize,
    },

    /// A score handed to [`super::eff_at_k`] was negative or infinite.
    #[error("score at index {index} is {score}; scores must be finite and non-negative")]
    InvalidScore {
        /// Position of the score in the input slice.
        index: usize,
        /// The offending value.
        score: f64,
    },

    /// A cost observation handed to [`super::kaplan_meier()`] was NaN, negative or infinite.
    #[error(
        "cost observation at index {index} is {value}; cost ratios must be finite and non-negative"
    )]
    InvalidCost {
        /// Position of the observation in the input slice.
        index: usize,
        /// The offending ratio (`t/T*`, or `alpha` for a censored run).
        value: f64,
    },

    /// [`super::kaplan_meier()`] was given no observations.
    #[error("the kaplan-meier estimate needs at least one cost observation, got none")]
    NoCostObservations,

    /// A problem has fewer samples than `k`.
    #[error(
        "problem `{problem}` has n = {n} samples, fewer than k = {k}; lower --k or generate more samples"
    )]
    ProblemFewerSamplesThanK {
        /// Problem id.
        problem: String,
        /// Samples the problem has.
        n: usize,
        /// The requested `k`.
        k: usize,
    },

    /// A sample's efficiency score is NaN.
    #[error("problem `{problem}` sample {sample} has a NaN efficiency score")]
    ProblemNanScore {
        /// Problem id.
        problem: String,
        /// Index of the sample within the problem.
        sample: usize,
    },

    /// A sample's efficiency score is negative or infinite.
    #[error(
        "problem `{problem}` sample {sample} has efficiency score {score}; scores must be finite and non-negative"
    )]
    ProblemInvalidScore {
        /// Problem id.
        problem: String,
        /// Index of the sample within the problem.
        sample: usize,
        /// The offending value.
        score: f64,
    },

    /// A failed sample carries a non-zero efficiency score.
    #[error(
        "problem `{problem}` sample {sample} failed but has efficiency score {score}; failed samples must score 0"
    )]
    ProblemFailedSampleScored {
        /// Problem id.
        problem: String,
        /// Index of the sample within the problem.
        sample: usize,
        /// The offending value.
        score: f64,
    },

    /// A level's cost ratio (or censoring ratio) is NaN, negative or infinite.
    #[error(
        "problem `{problem}` sample {sample} level {level} has cost ratio {value}; cost ratios must be finite and non-negative"
    )]
    ProblemInvalidCost {
        /// Problem id.
        problem: String,
        /// Index of the sample within the problem.
        sample: usize,
        /// Index of the level within the sample.
        level: usize,
        /// The offending value.
        value: f64,
    },

    /// The same problem id appears more than once in one system's input.
    #[error("problem `{problem}` appears {count} times in the input; problem ids must be unique")]
    DuplicateProblem {
        /// Problem id.
        problem: String,
        /// How often it appears.
        count: usize,
    },

    /// Nothing is left to aggregate once excluded problems are left out.
    #[error("no problems to aggregate: {given} given, {excluded} of them excluded")]
    NoProblems {
        /// Problems in the input.
        given: usize,
        /// Problems left out because they are marked excluded.
        excluded: usize,
    },

    /// Two systems share no (non-excluded) problem id.
    #[error(
        "the two systems have no problem in common (a has {a} problems, b has {b}, {excluded} shared ones excluded)"
    )]
    NoCommonProblems {
        /// Problems of system A.
        a: usize,
        /// Problems of system B.
        b: usize,
        /// Shared problems left out because they are marked excluded.
        excluded: usize,
    },

    /// The confidence level is not strictly between 0 and 1.
    #[error("confidence level must be strictly between 0 and 1, got {confidence}")]
    InvalidConfidence {
        /// The offending level.
        confidence: f64,
    },

    /// The bootstrap was asked for zero resamples.
    #[error("the bootstrap needs at least 1 resample, got 0")]
    ZeroResamples,

    /// The bootstrap was asked for more resamples than it holds in memory.
    #[error("the bootstrap takes at most {max} resamples, got {resamples}")]
    TooManyResamples {
        /// The requested number.
        resamples: usize,
        /// [`super::MAX_RESAMPLES`].
        max: usize,
    },
}
