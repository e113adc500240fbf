//! `score`'s flags, checked once and turned into one value: what the run needs, every
//! mistake found before any work starts (as ripgrep turns its low-level args into high-level
//! ones, and hyperfine its options).

use std::path::PathBuf;

use super::args::{GlobalArgs, ReportFormat, ScoreArgs, ScoreMetric, Threshold};
use crate::problem::{SecretSeed, default_references_dir};
use crate::schema::{ScoreSettings, Shard};
use crate::stats::{BootstrapConfig, MAX_RESAMPLES};

/// A secret shorter than this could be guessed from its sha256.
const MIN_SECRET_BYTES: usize = 16;

/// A validated `fuelgauge score`.
pub(crate) struct Settings {
    pub solutions: Vec<PathBuf>,
    pub problems: PathBuf,
    pub references: PathBuf,
    /// `--system`: the name of the one system of the single input.
    pub system: Option<String>,
    /// `--only`: the problems to score (all when empty).
    pub only: Vec<String>,
    pub sanitize: bool,
    pub secret: Option<SecretSeed>,
    pub metric: ScoreMetric,
    /// `--fail-under`, each on a scored k.
    pub gates: Vec<Threshold>,
    pub journal: PathBuf,
    /// `--events`: the live JSONL stream.
    pub events: Option<PathBuf>,
    pub jobs: usize,
    /// `--prepared`: the pack to take the problems from.
    pub prepared: Option<PathBuf>,
    /// `--shard`: judge this share and write a part.
    pub shard: Option<Shard>,
    pub max_source_bytes: u64,
    pub outputs: Vec<PathBuf>,
    pub format: ReportFormat,
    /// What the report records: the k list, excluded problems, the bootstrap.
    pub recorded: ScoreSettings,
}

impl Settings {
    pub(crate) fn new(global: &GlobalArgs, args: &ScoreArgs) -> anyhow::Result<Settings> {
        if args.k.contains(&0) {
            anyhow::bail!("--k values must be at least 1");
        }
        if let Some(t) = args
            .fail_under
            .iter()
            .find(|t| !args.k.contains(&t.metric.k))
        {
            anyhow::bail!(
                "--fail-under {}: k = {} is not scored; add it to --k (now {})",
                t.metric,
                t.metric.k,
                args.k
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(",")
            );
        }
        if args.resamples == 0 || args.resamples > MAX_RESAMPLES {
            anyhow::bail!(
                "--resamples {} is out of range; give 1 to {MAX_RESAMPLES}",
                args.resamples
            );
        }
        if args.system.is_some() && args.solutions.len() != 1 {
            anyhow::bail!("--system names the system of a single SOLUTIONS input; pass one");
        }
        let secret = match &args.secret_seed {
            Some(s) if s.trim().len() < MIN_SECRET_BYTES => anyhow::bail!(
                "--secret-seed is shorter than {MIN_SECRET_BYTES} characters; a short secret can be guessed from its sha256, which the results record (e.g. `openssl rand -hex 32`)"
            ),
            Some(s) => Some(SecretSeed::new(s)),
            None => None,
        };
        let outputs = args.out.output.clone();
        if let Some(events) = &args.events
            && outputs.contains(events)
        {
            anyhow::bail!(
                "--events {} is also an -o output; give the event stream a file of its own",
                events.display()
            );
        }
        if args.shard.is_some() {
            let one_json =
                matches!(&outputs[..], [part] if part.extension().is_some_and(|e| e == "json"));
            if !one_json {
                anyhow::bail!(
                    "--shard writes one part: give exactly one -o PART.json, then render the merged results with `fuelgauge merge PART… -o FILE`"
                );
            }
            if !args.fail_under.is_empty() {
                anyhow::bail!(
                    "--fail-under gates the whole run, not a shard: pass it to `fuelgauge merge`"
                );
            }
        }
        if args.prepared.is_some() && secret.is_some() {
            anyhow::bail!(
                "--prepared cannot be used with --secret-seed: a pack holds its tests in the clear, and hidden tests are kept in memory only; shard a hidden-test run without a pack"
            );
        }
        let journal = args.journal.clone().unwrap_or_else(|| {
            match outputs.iter().find(|p| p.as_os_str() != "-") {
                Some(p) => PathBuf::from(format!("{}.journal", p.display())),
                None => PathBuf::from("fuelgauge-score.journal"),
            }
        });
        Ok(Settings {
            solutions: args.solutions.clone(),
            references: args
                .references
                .clone()
                .unwrap_or_else(|| default_references_dir(&args.problems)),
            problems: args.problems.clone(),
            system: args.system.clone(),
            only: args.only.clone(),
            sanitize: args.sanitize,
            secret,
            metric: args.metric,
            gates: args.fail_under.clone(),
            journal,
            events: args.events.clone(),
            jobs: args.jobs.get(),
            prepared: args.prepared.clone(),
            shard: args.shard,
            max_source_bytes: global.max_source_bytes,
            outputs,
            format: args.out.format,
            recorded: ScoreSettings {
                k: args.k.clone(),
                include_excluded: args.include_excluded,
                bootstrap: BootstrapConfig {
                    resamples: args.resamples,
                    seed: args.bootstrap_seed,
                    ..BootstrapConfig::default()
                },
                growth: args.growth.extra,
            },
        })
    }

    /// The largest k: every system needs at least this many samples per problem.
    pub(crate) fn k_max(&self) -> usize {
        self.recorded.k.iter().copied().max().unwrap_or(1)
    }
}
