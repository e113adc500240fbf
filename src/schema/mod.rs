//! Every serialized type: the documents fuelgauge writes (run, score, leaderboard and compare
//! reports) and the records inside them. Every machine-readable document carries
//! `schema_version`; the types here are the format, the stages only fill them in.

mod check;
mod compare;
mod leaderboard;
mod pack;
mod partial;
mod run;
mod score;
mod speedup;
mod verdict;

pub use check::{CheckReport, ProblemCheck, SLOW_SCORE_LIMIT, SlowCheck};
pub use compare::{Comparison, Finding, ProblemChange, Status};
pub use leaderboard::{
    Coverage, Entry, Estimator, LEADERBOARD_SCHEMA_VERSION, Leaderboard, Metric,
    NeighbourComparison, ProblemCounts, Ranking,
};
pub use pack::{PACK_FORMAT, PackManifest, PackPrepared, PackProblem, PackTest};
pub use partial::{
    Frame, PARTIAL_SCHEMA_VERSION, PartialReport, ProblemOutcome, SampleOutcome, SampleRecord,
    Shard,
};
pub use run::{RUN_SCHEMA_VERSION, RunReport, RunResult};
pub use score::{
    LevelScore, ProblemProvenance, ProblemReport, Provenance, SCORE_SCHEMA_VERSION, SampleReport,
    SampleResult, ScoreReport, ScoreSettings, SystemReport, TestResult, Yardstick,
};
pub use speedup::{OPT_THRESHOLDS, ProblemSpeedup, Share, SpeedupSummary};
pub use verdict::{TestVerdict, VerdictKind};

fn plain_cost_model() -> String {
    "plain-v1".into()
}
