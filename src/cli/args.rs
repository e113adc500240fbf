use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::sandbox::Limits;

const EXIT_STATUS_HELP: &str = "\
Exit status:
  0    success (the program ran and exited 0)
  1    the program failed (compile error, runtime error, out of fuel, memory or output)
  2    usage or infrastructure error (bad flags, missing toolchain, unreadable file)
  130  interrupted (Ctrl-C); `score` keeps every finished sample in its journal";

/// Measures how efficient code is: compiles to WebAssembly and runs it under fuel metering,
/// so the cost of a run is deterministic and the same on every machine.
#[derive(Debug, Parser)]
#[command(name = "fuelgauge", version, after_help = EXIT_STATUS_HELP)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Cache directory for compiled modules and native code [default: ~/.cache/fuelgauge].
    #[arg(long, global = true, env = "FUELGAUGE_CACHE", value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Do not read or write the cache.
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// The Python runtime component [default: ~/.local/share/fuelgauge/python-runtime-<sha>.wasm, built by ci/setup].
    #[arg(
        long,
        global = true,
        env = "FUELGAUGE_PYTHON_RUNTIME",
        value_name = "FILE"
    )]
    pub python_runtime: Option<PathBuf>,
    /// Wall-clock limit for compiling one candidate, in seconds.
    #[arg(long, global = true, default_value_t = 60, value_name = "SECS")]
    pub compile_timeout: u64,
    /// Larger candidate sources are refused (compile_error) without starting a compiler.
    #[arg(long, global = true, default_value_t = 1 << 20, value_name = "BYTES")]
    pub max_source_bytes: u64,
    /// How fuel is priced: `native` (operators weighted by their native cost, see the
    /// README) or `plain` (one fuel per instruction); with or without its version (`native-v1`).
    #[arg(
        long,
        global = true,
        env = "FUELGAUGE_COST_MODEL",
        default_value = crate::sandbox::DEFAULT_COST_MODEL,
        value_name = "NAME"
    )]
    pub cost_model: String,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compile (cached) and run one program; print its verdict, fuel, peak memory and output.
    #[command(after_help = EXIT_STATUS_HELP)]
    Run(RunArgs),
    /// Score a folder, JSONL or ENAMEL samples file of solutions: pass@k, eff@k, reports, CI gate.
    #[command(after_help = SCORE_EXIT_HELP)]
    Score(Box<ScoreArgs>),
    /// Re-render a saved score result (runs nothing).
    Report(ReportArgs),
    /// Merge result files into a ranking over the problems every system scored, with intervals
    /// and which neighbours differ.
    #[command(after_help = LEADERBOARD_EXIT_HELP)]
    Leaderboard(LeaderboardArgs),
    /// Join the parts written by `score --shard I/N` into the results one unsharded `score`
    /// writes, byte for byte; every shard must be there exactly once.
    #[command(after_help = MERGE_EXIT_HELP)]
    Merge(MergeArgs),
    /// Compare two results (base, head) per system and problem; exit 1 on a real regression.
    #[command(after_help = COMPARE_EXIT_HELP)]
    Compare(CompareArgs),
    /// Extract the code from Markdown fences and chat text, as EvalPlus's sanitizer does;
    /// writes a sanitized copy of a solutions folder or JSONL file.
    Sanitize(SanitizeArgs),
    /// Import a dataset (HumanEval, ENAMEL, PIE) as problem folders.
    Import {
        #[command(subcommand)]
        dataset: ImportDataset,
    },
    /// Work with problem sets.
    Problems {
        #[command(subcommand)]
        action: ProblemsAction,
    },
    /// Inspect or clear the cache.
    Cache {
        #[command(subcommand)]
        action: CacheAction,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Subcommand)]
pub enum CacheAction {
    /// Where the cache is and how large each part is.
    Info,
    /// Delete every cache entry (only in a folder with a CACHEDIR.TAG).
    Clean,
}

#[derive(Debug, Subcommand)]
pub enum ImportDataset {
    /// HumanEval's JSONL (optionally .gz): function problems tested by the dataset's own
    /// check(candidate), canonical solutions as references. pass@k only (no levels).
    Humaneval {
        file: PathBuf,
        /// Writes DIR/problems/<id>/ and DIR/reference/<id>/.
        #[arg(long, default_value = "imported/humaneval", value_name = "DIR")]
        out: PathBuf,
    },
    /// ENAMEL's enamel.csv: function problems with ENAMEL's exact generated inputs and levels.
    Enamel {
        csv: PathBuf,
        /// Your copy of ENAMEL's datautils module (its helpers are in the generators' scope).
        #[arg(long, value_name = "FILE")]
        helpers: Option<PathBuf>,
        #[arg(long, default_value = "imported/enamel", value_name = "DIR")]
        out: PathBuf,
    },
    /// PIE's (slow, fast) C++ pairs: stdio problems whose yardstick is the slow program.
    Pie {
        jsonl: PathBuf,
        /// Test cases: DIR/<problem_id>/input.<n>.txt and output.<n>.txt.
        #[arg(long, value_name = "DIR")]
        tests: PathBuf,
        #[arg(long, default_value = "imported/pie", value_name = "DIR")]
        out: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreMetric {
    /// pass@k and eff@k against the reference (ENAMEL).
    Efficiency,
    /// Also PIE-style speedup of the best correct candidate over the original program.
    Speedup,
}

#[derive(Debug, Subcommand)]
pub enum ProblemsAction {
    /// Validate a problem set: schema, generator determinism, references (hand-written tests,
    /// agreement between languages), reference fuel per level, and that every slow solution
    /// passes with e < 0.5. Exit 1 when any problem fails.
    #[command(after_help = CHECK_EXIT_HELP)]
    Check(CheckArgs),
    /// Write every problem's tests to a folder: inputs, expected answers and the references'
    /// fuel per test, with a manifest per problem (levels, weights, alpha). For running the
    /// tests elsewhere, e.g. natively (`ci/calibrate`).
    Tests(TestsArgs),
    /// Prepare every problem once (generate its tests, run its references and I/O probes)
    /// into a pack, a content-addressed folder that `score --prepared PACK` uses read-only
    /// on any number of machines, without running a generator or reference again.
    #[command(after_help = PREPARE_EXIT_HELP)]
    Prepare(PrepareArgs),
}

const PREPARE_EXIT_HELP: &str = "\
Exit status:
  0  the pack is written; a problem that could not be prepared is a warning (the pack
     records why, and a score with it leaves that problem's samples out with the same
     warning a score without it gives; `fuelgauge problems check` validates a set)
  2  usage or infrastructure error, or -o names something that is not a pack";

const MERGE_EXIT_HELP: &str = "\
Exit status:
  0  merged, and every --fail-under gate passed
  1  a --fail-under gate failed
  2  an error: parts of different runs (solutions, problems, settings, pack or fuelgauge
     version), a missing or duplicated shard, an unreadable part; or, as for `score`, input
     that could not be used (the merged results hold its warnings)

Outputs as for `score`: -o FILE (repeatable), the format from the extension.";

const SCORE_EXIT_HELP: &str = "\
Exit status:
  0    scored, and every --fail-under gate passed
  1    a --fail-under gate failed
  2    an error, or input that could not be used (unknown problem, malformed line), or a
       --fail-under gate over a system with samples for only part of the problem set: the
       rest is still scored and written, each problem is a warning
  130  interrupted (Ctrl-C): every finished sample is saved in the journal, and the same
       command resumes from it

With --shard: 0 once the part is written, whatever its samples' warnings (they are in the
part, and `merge` exits 2 for them as an unsharded score would); 2 on an error.

Outputs: -o FILE (repeatable) infers the format from the extension: .json, .jsonl, .md,
.html, .xml (JUnit), .txt (table), .csv (one row per sample). Without -o, with -o -, or when
stdout is a terminal, stdout gets --format; otherwise (every result in files, stdout a pipe)
a summary, one row per system, goes to stderr.";

const LEADERBOARD_EXIT_HELP: &str = "\
Exit status:
  0  ranked
  2  an error: an unreadable result file, systems that cover different problems (unless
     --allow-partial), a problem that differs between files, results priced by another cost
     model, or --metric speedup on results scored without it

Outputs: -o FILE (repeatable): .json the leaderboard (schema version 2), .md, .txt and .html
the ranking, .xml, .jsonl and .csv the merged results. The ranking is printed on stdout,
or on stderr when every -o is a file and stdout is not a terminal.";

const COMPARE_EXIT_HELP: &str = "\
Exit status:
  0  no regression
  1  a regression: a gated metric dropped by more than allowed, with an interval excluding 0
     (any drop beyond the allowance with --strict)
  2  error, or base and head that cannot be compared: no system in common, a problem whose
     sha256 changed, another fuelgauge version, runtime or cost model, or a system covering other
     problems (unless --allow-partial); nothing is compared";

const CHECK_EXIT_HELP: &str = "\
Exit status:
  0  every problem is sound
  1  at least one problem failed a check (each is listed)
  2  usage or infrastructure error";

/// A problem set and which of its problems to use.
#[derive(Debug, Args)]
pub struct ProblemSet {
    /// The problems folder.
    #[arg(default_value = "problems")]
    pub dir: PathBuf,
    /// Reference solutions folder [default: `reference/` beside DIR].
    #[arg(long, value_name = "DIR")]
    pub references: Option<PathBuf>,
    /// Only these problem ids (comma-separated, or repeated).
    #[arg(long = "only", value_delimiter = ',', value_name = "ID,..")]
    pub only: Vec<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub set: ProblemSet,
    #[command(flatten)]
    pub jobs: JobsArg,
    #[arg(long, value_enum, default_value_t = RunFormat::Text)]
    pub format: RunFormat,
}

#[derive(Debug, Args)]
pub struct TestsArgs {
    #[command(flatten)]
    pub set: ProblemSet,
    /// The folder to write: OUT/<problem>/manifest.json and one .in and .out per test.
    #[arg(long, short = 'o', value_name = "OUT")]
    pub output: PathBuf,
    #[command(flatten)]
    pub jobs: JobsArg,
}

#[derive(Debug, Args)]
pub struct PrepareArgs {
    #[command(flatten)]
    pub set: ProblemSet,
    /// The pack folder to write (replaced if it holds a pack).
    #[arg(long, short = 'o', value_name = "PACK")]
    pub output: PathBuf,
    #[command(flatten)]
    pub growth: GrowthArg,
    #[command(flatten)]
    pub jobs: JobsArg,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The parts, written by `score --shard I/N -o PART.json`, one per shard, in any order.
    #[arg(required = true, value_name = "PART")]
    pub parts: Vec<PathBuf>,
    /// Fail (exit 1) when a metric of any system is below VALUE, e.g. pass@1=0.9; repeatable.
    #[arg(long = "fail-under", value_name = "METRIC=VALUE")]
    pub fail_under: Vec<Threshold>,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct GrowthArg {
    /// Run N more input sizes per problem for the growth fit, spaced evenly on a log scale
    /// between the smallest level's size and the largest's. They are judged like any test
    /// and scored in no level. A pack (`--prepared`) must be prepared with the same N.
    #[arg(long = "growth", value_name = "N", default_value_t = 0, allow_hyphen_values = true,
        value_parser = clap::value_parser!(u32).range(0..=64))]
    pub extra: u32,
}

#[derive(Debug, Args)]
pub struct JobsArg {
    /// Parallel runs [default: all cores].
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
}

impl JobsArg {
    pub fn get(&self) -> usize {
        self.jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RunFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The program: .c, .cpp/.cc/.cxx, .py, .wasm or .wat.
    pub file: PathBuf,
    /// Standard input for the program: a file, or `-` for this process's stdin [default: empty].
    #[arg(long, value_name = "FILE|-")]
    pub stdin: Option<PathBuf>,
    /// Fuel budget (about one unit per WebAssembly instruction). The default stops an
    /// infinite loop within seconds and lets a few seconds of native work finish.
    #[arg(long, default_value_t = Limits::DEFAULT_FUEL, value_name = "N")]
    pub fuel: u64,
    /// Linear-memory cap, in MiB.
    #[arg(long, default_value_t = Limits::DEFAULT_MEMORY_MIB, value_name = "N")]
    pub memory_mib: u64,
    /// Cap on captured stdout, in MiB (stderr is capped at 1 MiB).
    #[arg(long, default_value_t = Limits::DEFAULT_OUTPUT_MIB, value_name = "N")]
    pub output_mib: u64,
    /// Wall-clock backstop, in seconds, for programs that burn no fuel.
    #[arg(long, default_value_t = Limits::DEFAULT_WALL_SECS, value_name = "SECS")]
    pub wall_secs: u64,
    /// Seed of the program's randomness (`random_get`); the same seed gives the same run.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub seed: u64,
    #[arg(long, value_enum, default_value_t = RunFormat::Text)]
    pub format: RunFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    Json,
    Jsonl,
    Markdown,
    Html,
    Junit,
    /// One row per sample.
    Csv,
}

impl ReportFormat {
    /// The format a file name implies.
    pub fn from_extension(path: &std::path::Path) -> Option<ReportFormat> {
        Some(match path.extension()?.to_str()? {
            "json" => ReportFormat::Json,
            "jsonl" => ReportFormat::Jsonl,
            "md" | "markdown" => ReportFormat::Markdown,
            "html" | "htm" => ReportFormat::Html,
            "xml" => ReportFormat::Junit,
            "txt" => ReportFormat::Table,
            "csv" => ReportFormat::Csv,
            _ => return None,
        })
    }
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Format for stdout (and for `-o -`).
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
    /// Write to FILE, format from its extension (.json .jsonl .md .html .xml .txt .csv); repeatable.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Vec<PathBuf>,
}

/// `METRIC=VALUE`, e.g. `eff@1=0.6`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Threshold {
    pub metric: crate::schema::Metric,
    pub value: f64,
}

impl std::str::FromStr for Threshold {
    type Err = String;
    fn from_str(s: &str) -> Result<Threshold, String> {
        let (m, v) = s
            .split_once('=')
            .ok_or_else(|| format!("{s:?}: expected METRIC=VALUE, e.g. eff@1=0.6"))?;
        let value: f64 = v
            .parse()
            .ok()
            .filter(|x: &f64| x.is_finite())
            .ok_or_else(|| format!("{s:?}: {v:?} is not a finite number"))?;
        Ok(Threshold {
            metric: m.parse()?,
            value,
        })
    }
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Solutions: folders (<system>/<problem>/<file> or <problem>/<file>), EvalPlus JSONL
    /// files (task_id + solution|completion) or ENAMEL samples JSON files.
    #[arg(required = true, value_name = "SOLUTIONS")]
    pub solutions: Vec<PathBuf>,
    /// The problems folder.
    #[arg(long, default_value = "problems", value_name = "DIR")]
    pub problems: PathBuf,
    /// Reference solutions folder [default: `reference/` beside --problems].
    #[arg(long, value_name = "DIR")]
    pub references: Option<PathBuf>,
    /// The k of pass@k and eff@k, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "1", value_name = "K,..")]
    pub k: Vec<usize>,
    /// Score only these problems (comma-separated ids); samples of other problems are left
    /// out, and coverage is counted against this subset.
    #[arg(long, value_delimiter = ',', value_name = "ID,..")]
    pub only: Vec<String>,
    /// The system's name, for a single SOLUTIONS input (a JSONL or ENAMEL file, or a one-system
    /// folder) [default: the file's or folder's name].
    #[arg(long, value_name = "NAME")]
    pub system: Option<String>,
    /// Extract the code from Markdown fences and chat text first, as EvalPlus's sanitizer
    /// does (see `fuelgauge sanitize`).
    #[arg(long)]
    pub sanitize: bool,
    /// Count problems marked `excluded` in aggregates.
    #[arg(long)]
    pub include_excluded: bool,
    /// `speedup` adds PIE's mean speedup, %Opt and %Correct over the reference program.
    #[arg(long, value_enum, default_value_t = ScoreMetric::Efficiency)]
    pub metric: ScoreMetric,
    #[command(flatten)]
    pub growth: GrowthArg,
    /// Fail (exit 1) when a metric of any system is below VALUE, e.g. pass@1=0.9; repeatable.
    #[arg(long = "fail-under", value_name = "METRIC=VALUE")]
    pub fail_under: Vec<Threshold>,
    /// Journal of finished samples, for resuming [default: beside the first -o file, else
    /// ./fuelgauge-score.journal]. Removed after a complete run.
    #[arg(long, value_name = "FILE")]
    pub journal: Option<PathBuf>,
    /// Write every event (problem prepared, sample judged, …) to FILE as one JSON line the
    /// moment it happens, for dashboards and training loops. Lines come in the order work
    /// finishes, which varies between runs; the final results do not.
    #[arg(long, value_name = "FILE")]
    pub events: Option<PathBuf>,
    /// Use the tests, answers and reference costs of a pack written by `fuelgauge problems
    /// prepare`, read-only: no generator or reference runs. A pack from another fuelgauge
    /// version, cost model or Python runtime, one changed since, or one prepared from other
    /// problem files is refused.
    #[arg(long, value_name = "PACK")]
    pub prepared: Option<PathBuf>,
    /// Judge only shard I of N (1-based) and write it as a part (-o PART.json) for
    /// `fuelgauge merge`. The split is by sample, the same on every machine and whatever the
    /// order of the inputs.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<crate::schema::Shard>,
    /// Seed of the bootstrap intervals.
    #[arg(long, default_value_t = crate::stats::DEFAULT_SEED)]
    pub bootstrap_seed: u64,
    /// Bootstrap resamples.
    #[arg(long, default_value_t = crate::stats::DEFAULT_RESAMPLES)]
    pub resamples: usize,
    /// Hidden tests (for a leaderboard): mix this secret into every generator seed, so the
    /// generated tests cannot be rebuilt from the public problem files. Only its sha256 is
    /// written (provenance.secret_seed_sha256). Prefer the environment variable to the flag,
    /// which other users of the machine can see; use a long random value.
    #[arg(
        long,
        env = "FUELGAUGE_SECRET_SEED",
        hide_env_values = true,
        value_name = "SECRET"
    )]
    pub secret_seed: Option<String>,
    #[command(flatten)]
    pub jobs: JobsArg,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// A result file written by `score -o FILE.json`.
    pub results: PathBuf,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct LeaderboardArgs {
    /// Result files written by `score -o FILE.json`; their systems are merged.
    #[arg(required = true)]
    pub results: Vec<PathBuf>,
    /// The ranking metric: eff@K, pass@K, or speedup (results of `score --metric speedup`).
    #[arg(long, default_value = "eff@1")]
    pub metric: crate::schema::Ranking,
    /// Rank even when systems cover different problems: on the problems all of them scored,
    /// and say so in every output.
    #[arg(long)]
    pub allow_partial: bool,
    /// .json writes the leaderboard; .md, .txt and .html render the ranking (.html with the
    /// merged results below it); .xml, .jsonl and .csv render the merged results.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    pub base: PathBuf,
    pub head: PathBuf,
    /// Allowed drop per metric, e.g. eff@1=0.02; repeatable [default: eff@1=0, pass@1=0].
    #[arg(long = "max-regression", value_name = "METRIC=VALUE")]
    pub max_regression: Vec<Threshold>,
    /// Count every drop beyond the allowance, even when its interval includes 0.
    #[arg(long)]
    pub strict: bool,
    /// Compare even when a system covers different problems in base and head (over the
    /// problems both scored).
    #[arg(long)]
    pub allow_partial: bool,
    /// Write the comparison to FILE: .md (markdown) or .json; repeatable [default: markdown
    /// to stdout].
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SanitizeArgs {
    /// A solutions folder (any layout `score` reads) or an EvalPlus JSONL file.
    pub solutions: PathBuf,
    /// The problems folder (entry points of function problems).
    #[arg(long, default_value = "problems", value_name = "DIR")]
    pub problems: PathBuf,
    /// Where to write [default: `<folder>-sanitized/` or `<file>-sanitized.jsonl` beside the input].
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub jobs: JobsArg,
}
