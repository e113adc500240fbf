use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::sandbox::Limits;

const EXIT_STATUS_HELP: &str = "\
Exit status:
  0  success (the program ran and exited 0)
  1  the program failed (compile error, runtime error, out of fuel, memory or output)
  2  usage or infrastructure error (bad flags, missing toolchain, unreadable file)";

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
    /// CPython for WASI [default: ~/.local/share/fuelgauge/python-3.12.0.wasm, installed by ci/setup].
    #[arg(
        long,
        global = true,
        env = "FUELGAUGE_PYTHON_WASM",
        value_name = "FILE"
    )]
    pub python_wasm: Option<PathBuf>,
    /// Wall-clock limit for compiling one candidate, in seconds.
    #[arg(long, global = true, default_value_t = 60, value_name = "SECS")]
    pub compile_timeout: u64,
    /// Larger candidate sources are refused (compile_error) without starting a compiler.
    #[arg(long, global = true, default_value_t = 1 << 20, value_name = "BYTES")]
    pub max_source_bytes: u64,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compile (cached) and run one program; print its verdict, fuel, peak memory and output.
    #[command(after_help = EXIT_STATUS_HELP)]
    Run(RunArgs),
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

#[derive(Debug, Subcommand)]
pub enum CacheAction {
    /// Where the cache is and how large each part is.
    Info,
    /// Delete every cache entry.
    Clean,
}

#[derive(Debug, Subcommand)]
pub enum ProblemsAction {
    /// Validate a problem set: schema, generator determinism, references (hand-written tests,
    /// agreement between languages), reference fuel per level, and that every slow solution
    /// passes with e < 0.5. Exit 1 when any problem fails.
    #[command(after_help = CHECK_EXIT_HELP)]
    Check(CheckArgs),
}

const CHECK_EXIT_HELP: &str = "\
Exit status:
  0  every problem is sound
  1  at least one problem failed a check (each is listed)
  2  usage or infrastructure error";

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The problems folder.
    #[arg(default_value = "problems")]
    pub dir: PathBuf,
    /// Reference solutions folder [default: `reference/` beside DIR].
    #[arg(long, value_name = "DIR")]
    pub references: Option<PathBuf>,
    /// Only these problem ids (repeatable).
    #[arg(long = "only", value_name = "ID")]
    pub only: Vec<String>,
    #[command(flatten)]
    pub jobs: JobsArg,
    #[arg(long, value_enum, default_value_t = RunFormat::Text)]
    pub format: RunFormat,
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
    /// Fuel budget of each metered region (meter marks on stderr), charged apart from --fuel.
    #[arg(long, value_name = "N")]
    pub region_fuel: Option<u64>,
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
