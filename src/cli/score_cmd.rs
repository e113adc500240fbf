//! `fuelgauge score`, `report`, `leaderboard` and `compare`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use super::args::{
    CompareArgs, GlobalArgs, LeaderboardArgs, MergeArgs, ReportArgs, ReportFormat, ScoreArgs,
    ScoreMetric, Threshold,
};
use super::context::context;
use super::exit;
use super::output::{emit, has_field, read_report, write_file};
use super::progress::Progress;
use super::settings::Settings;
use crate::analysis::compare::compare;
use crate::analysis::leaderboard::{self, leaderboard};
use crate::candidate::{ProblemIndex, Submission, collect};
use crate::pipeline::{
    Journal, JsonlEvents, Pack, PackEnvironment, Reporter, ScoreRun, assemble, merge,
    part_warnings, score,
};
use crate::problem::{Problem, load_set};
use crate::report::compare::markdown;
use crate::report::export::Document;
use crate::schema::{Metric, PARTIAL_SCHEMA_VERSION, PartialReport, ScoreReport, Shard};

struct Index<'a>(&'a [Problem]);

impl ProblemIndex for Index<'_> {
    fn ids(&self) -> Vec<String> {
        self.0.iter().map(|p| p.id.clone()).collect()
    }
    fn prompt(&self, id: &str) -> Option<String> {
        self.0
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.prompt.clone())
    }
}

/// With `--growth`, names the problems it adds no size to (no generator, or no scored level
/// larger than the smallest), on stderr: their fits use the level sizes alone.
pub(crate) fn note_no_growth(problems: &[crate::problem::Problem], growth: u32) {
    if growth == 0 {
        return;
    }
    let none: Vec<&str> = problems
        .iter()
        .filter(|p| p.growth_sizes().is_empty())
        .map(|p| p.id.as_str())
        .collect();
    if !none.is_empty() {
        eprintln!(
            "note: --growth {growth} adds no size to {} problem{} without a generator or a range of level sizes: {}",
            none.len(),
            if none.len() == 1 { "" } else { "s" },
            if none.len() > 8 {
                format!("{}, … ({} more)", none[..8].join(", "), none.len() - 8)
            } else {
                none.join(", ")
            }
        );
    }
}

pub(crate) fn run_score(global: &GlobalArgs, args: &ScoreArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::new(global, args)?;
    let (mut problems, load_errors) = load_set(&settings.problems, &settings.references)?;
    for p in &mut problems {
        if let Some(secret) = &settings.secret {
            p.hide_tests(secret);
        }
        p.set_growth(settings.recorded.growth);
    }
    note_no_growth(&problems, settings.recorded.growth);
    let mut warnings: Vec<String> = load_errors.iter().map(ToString::to_string).collect();
    let mut collected = collect(
        &settings.solutions,
        &Index(&problems),
        settings.max_source_bytes,
    );
    warnings.append(&mut collected.warnings);
    if let Some(name) = &settings.system {
        rename_system(&mut collected.submissions, name, &settings.solutions[0])?;
    }
    if !settings.only.is_empty() {
        restrict(
            &mut problems,
            &mut collected.submissions,
            &settings.only,
            &settings.problems,
        )?;
    }
    let mut ctx = context(global, settings.jobs)?;
    if settings.secret.is_some() {
        // Hidden tests and every answer to them stay in memory: a cache is often shared (CI
        // restores it into pull requests), and its inputs and runs would give the tests away.
        // Compiled programs do not depend on the tests and are still cached.
        ctx = crate::judge::Context {
            runner: ctx.runner.without_cache(),
            cache: None,
            tools: ctx.tools,
        };
    }
    if settings.sanitize {
        sanitize_all(&ctx, &problems, &mut collected.submissions);
    }
    let partial = coverage_warnings(
        &problems,
        &collected.submissions,
        settings.recorded.include_excluded,
    );
    for w in warnings.iter().chain(&partial) {
        eprintln!("warning: {w}");
    }
    if collected.submissions.is_empty() {
        anyhow::bail!(
            "no solutions found in {}; see `fuelgauge score --help` for the layouts",
            settings
                .solutions
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    // k > n is an error the statistics would raise after all the work: say it first.
    let mut counts: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
    for s in &collected.submissions {
        *counts.entry((&s.system, &s.problem)).or_default() += 1;
    }
    let kmax = settings.k_max();
    if let Some(((system, problem), n)) = counts.iter().find(|(_, n)| **n < kmax) {
        anyhow::bail!(
            "system `{system}` has {n} samples for problem `{problem}`, fewer than k = {kmax}; lower --k or add samples"
        );
    }
    let pack = match &settings.prepared {
        None => None,
        Some(dir) => {
            let used: std::collections::BTreeSet<&str> = collected
                .submissions
                .iter()
                .map(|s| s.problem.as_str())
                .collect();
            let pack = Pack::open(dir, &PackEnvironment::of(&ctx, settings.recorded.growth))?;
            Some(pack.load_all(problems.iter().filter(|p| used.contains(p.id.as_str())))?)
        }
    };
    let journal = Journal::open(&settings.journal)
        .with_context(|| format!("failed to open the journal {}", settings.journal.display()))?;
    if !journal.is_empty() {
        eprintln!(
            "resuming: {} samples already judged in {}",
            journal.len(),
            settings.journal.display()
        );
    }
    let events = settings
        .events
        .as_deref()
        .map(JsonlEvents::create)
        .transpose()?;
    let progress = Progress::new(collected.submissions.len() as u64);
    on_interrupt(progress.bar(), settings.journal.clone())?;
    let mut reporters: Vec<&dyn Reporter> = vec![&progress, &journal];
    reporters.extend(events.as_ref().map(|e| e as &dyn Reporter));
    let printed = warnings.len();
    let (part, counts) = score(
        &ctx,
        &problems,
        collected.submissions,
        ScoreRun {
            settings: settings.recorded.clone(),
            speedup: settings.metric == ScoreMetric::Speedup,
            warnings,
            coverage: partial,
            shard: settings.shard.unwrap_or(Shard::WHOLE),
            pack: pack.as_ref(),
            resume: Some(&journal),
            reporters: &reporters,
        },
    )?;
    let (executed, reused) = ctx.runner.counts();
    let work = format!(
        "{} problems prepared, {} from the pack; {} runs executed, {} from the cache; {} compiles",
        counts.prepared,
        counts.from_pack,
        executed,
        reused,
        ctx.tools.compiler_runs()
    );
    let judged = format!(
        "{} samples ({} judged, {} from the journal)",
        counts.judged + counts.resumed,
        counts.judged,
        counts.resumed
    );
    if let Some(shard) = settings.shard {
        let path = &settings.outputs[0];
        write_file(path, serde_json::to_string_pretty(&part)? + "\n")?;
        journal.finish().ok();
        for w in part_warnings(&part) {
            eprintln!("warning: {w}");
        }
        eprintln!(
            "shard {shard}: scored {judged} into {}; {work}; merge every shard with `fuelgauge merge`",
            path.display()
        );
        // The part holds every warning, and `merge` exits 2 for them as `score` would: an
        // engine that runs the merge only after every shard succeeded still gets there.
        return Ok(exit::SUCCESS);
    }
    let report = assemble(&[&part])?;
    // What scoring found (a problem that could not be prepared, say) is as much a reason for
    // exit 2 as what collecting found, and is said the same way.
    for w in report.warnings.iter().skip(printed) {
        eprintln!("warning: {w}");
    }
    emit(
        &Document::Score(&report),
        &settings.outputs,
        settings.format,
    )?;
    journal.finish().ok();
    eprintln!("scored {judged}; {work}");
    Ok(verdict(&report, &settings.gates, &part.frame.coverage))
}

/// The exit status of a scored report: 2 with warnings (or a gate over a partial set), 1 when
/// a gate fails, else 0; each failure said on stderr.
fn verdict(report: &ScoreReport, gates: &[Threshold], coverage: &[String]) -> ExitCode {
    let failed_gates = gate(report, gates);
    for f in &failed_gates {
        eprintln!("gate failed: {f}");
    }
    // A gate over part of the problem set fails closed: a system missing its hard problems
    // would otherwise pass on the easy ones.
    let gated_partial = !gates.is_empty() && !coverage.is_empty();
    if gated_partial {
        eprintln!(
            "error: --fail-under gates systems that cover only part of the problem set (warnings above); add their samples, or name the subset with --only"
        );
    }
    if !report.warnings.is_empty() || gated_partial {
        exit::error()
    } else if !failed_gates.is_empty() {
        exit::failure()
    } else {
        exit::SUCCESS
    }
}

/// `fuelgauge merge PART…`: the parts of a sharded score joined into its results.
pub(crate) fn run_merge(args: &MergeArgs) -> anyhow::Result<ExitCode> {
    let parts = args
        .parts
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("failed to read {}", path.display()))?;
            let part: PartialReport = serde_json::from_str(&text).with_context(|| {
                if has_field(&text, "systems") {
                    format!(
                        "{} is a score result, not a part; merge takes the parts `fuelgauge score --shard I/N -o PART.json` writes",
                        path.display()
                    )
                } else {
                    format!(
                        "{} is not a part of a sharded score (schema version {PARTIAL_SCHEMA_VERSION}); write one with `fuelgauge score --shard I/N -o PART.json`",
                        path.display()
                    )
                }
            })?;
            Ok((path.display().to_string(), part))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let report = merge(&parts)?;
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    let coverage = &parts[0].1.frame.coverage;
    for w in coverage {
        eprintln!("warning: {w}");
    }
    emit(&Document::Score(&report), &args.out.output, args.out.format)?;
    eprintln!(
        "merged {} parts: {} samples",
        parts.len(),
        parts.iter().map(|(_, p)| p.samples.len()).sum::<usize>()
    );
    Ok(verdict(&report, &args.fail_under, coverage))
}

/// `--system NAME`: the one system of a single input gets that name.
fn rename_system(
    submissions: &mut [Submission],
    name: &str,
    input: &std::path::Path,
) -> anyhow::Result<()> {
    let systems: std::collections::BTreeSet<&str> =
        submissions.iter().map(|s| s.system.as_str()).collect();
    if systems.len() > 1 {
        anyhow::bail!(
            "--system {name}: {} holds {} systems ({}); --system is for one",
            input.display(),
            systems.len(),
            systems.into_iter().collect::<Vec<_>>().join(", ")
        );
    }
    for s in submissions {
        s.system = name.to_owned();
    }
    Ok(())
}

/// `--only ID,…`: keeps those problems and their samples; an unknown id is an error.
fn restrict(
    problems: &mut Vec<Problem>,
    submissions: &mut Vec<Submission>,
    only: &[String],
    dir: &std::path::Path,
) -> anyhow::Result<()> {
    if let Some(unknown) = only
        .iter()
        .find(|id| !problems.iter().any(|p| &p.id == *id))
    {
        anyhow::bail!(
            "--only {unknown}: no such problem in {}; `fuelgauge problems check {}` lists them",
            dir.display(),
            dir.display()
        );
    }
    problems.retain(|p| only.contains(&p.id));
    let before = submissions.len();
    submissions.retain(|s| only.contains(&s.problem));
    if submissions.len() < before {
        eprintln!(
            "note: --only: {} samples of other problems left out",
            before - submissions.len()
        );
    }
    Ok(())
}

/// `--sanitize`: each Python sample's code extracted from its text, as EvalPlus does. A
/// sample the sanitizer cannot handle is judged as it is (a note says which).
fn sanitize_all(ctx: &crate::judge::Context, problems: &[Problem], submissions: &mut [Submission]) {
    use rayon::prelude::*;
    let entry = |id: &str| {
        problems
            .iter()
            .find(|p| p.id == id)
            .and_then(Problem::function_entry)
    };
    let notes: Vec<String> = ctx.runner.sandbox.pool().install(|| {
        submissions
            .par_iter_mut()
            .filter_map(|s| {
                match crate::pipeline::sanitize::sanitize(ctx, &s.source, entry(&s.problem)) {
                    Ok(clean) => {
                        s.source = clean;
                        None
                    }
                    Err(e) => Some(format!(
                        "{}: the sanitizer failed ({e}); judged as it is",
                        s.source.origin
                    )),
                }
            })
            .collect()
    });
    for n in notes {
        eprintln!("note: {n}");
    }
}

/// One warning per system that has samples for fewer of the counted problems than the set
/// holds: its statistics would silently be over a subset (with `--fail-under`, exit 2).
fn coverage_warnings(
    problems: &[Problem],
    submissions: &[Submission],
    include_excluded: bool,
) -> Vec<String> {
    let counted: std::collections::BTreeSet<&str> = problems
        .iter()
        .filter(|p| include_excluded || !p.excluded)
        .map(|p| p.id.as_str())
        .collect();
    let mut covered: std::collections::BTreeMap<&str, std::collections::BTreeSet<&str>> =
        Default::default();
    for s in submissions {
        let entry = covered.entry(s.system.as_str()).or_default();
        if counted.contains(s.problem.as_str()) {
            entry.insert(s.problem.as_str());
        }
    }
    covered
        .into_iter()
        .filter(|(_, have)| have.len() < counted.len())
        .map(|(system, have)| {
            let missing: Vec<&str> = counted.difference(&have).copied().collect();
            format!(
                "system `{system}` has samples for {} of the {} problems (missing {}); its pass@k, eff@k and mem@k cover those only (use --only to score a subset on purpose)",
                have.len(),
                counted.len(),
                crate::analysis::first_few(&missing)
            )
        })
        .collect()
}

/// Ctrl-C (SIGINT) ends the run with status 130, saying how much is safe in the journal: every
/// finished sample is already there (one flushed line each), so the same command resumes.
fn on_interrupt(bar: indicatif::ProgressBar, journal: PathBuf) -> anyhow::Result<()> {
    ctrlc::set_handler(move || {
        bar.finish_and_clear();
        // Whole lines only: a line cut short by the signal is not a saved sample.
        let saved = std::fs::read(&journal).map_or(0, |bytes| {
            bytes
                .split_inclusive(|&b| b == b'\n')
                .filter(|line| line.len() > 1 && line.ends_with(b"\n"))
                .count()
        });
        eprintln!(
            "interrupted: {saved} samples are saved in {}; run the same command to resume",
            journal.display()
        );
        std::process::exit(exit::INTERRUPTED);
    })
    .context("failed to handle Ctrl-C")
}

/// Every `--fail-under` threshold some system misses, as a sentence.
fn gate(report: &ScoreReport, thresholds: &[Threshold]) -> Vec<String> {
    let mut failed = Vec::new();
    for t in thresholds {
        for (name, system) in &report.systems {
            match system.stats.iter().find(|s| s.k == t.metric.k) {
                None => failed.push(format!(
                    "{}: not computed for `{name}`; add {} to --k",
                    t.metric, t.metric.k
                )),
                Some(s) => {
                    let value = t.metric.of(s).value;
                    if value < t.value {
                        failed.push(format!(
                            "`{name}` has {} = {value:.4}, under {}",
                            t.metric, t.value
                        ));
                    }
                }
            }
        }
    }
    failed
}

pub(crate) fn run_report(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let report = read_report(&args.results)?;
    emit(&Document::Score(&report), &args.out.output, args.out.format)?;
    Ok(exit::SUCCESS)
}

pub(crate) fn run_leaderboard(args: &LeaderboardArgs) -> anyhow::Result<ExitCode> {
    let reports = args
        .results
        .iter()
        .map(|p| Ok((p.display().to_string(), read_report(p)?)))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let merged = leaderboard::merge(reports)?;
    let board = leaderboard(&merged, args.metric, args.allow_partial)?;
    let doc = Document::Leaderboard {
        board: &board,
        merged: &merged.report,
    };
    emit(&doc, &args.output, ReportFormat::Table)?;
    Ok(exit::SUCCESS)
}

pub(crate) fn run_compare(args: &CompareArgs) -> anyhow::Result<ExitCode> {
    let (base, head) = (read_report(&args.base)?, read_report(&args.head)?);
    let gates: Vec<(Metric, f64)> = if args.max_regression.is_empty() {
        vec![(Metric::eff(1), 0.0), (Metric::pass(1), 0.0)]
    } else {
        args.max_regression
            .iter()
            .map(|t| (t.metric, t.value))
            .collect()
    };
    let c = compare(&base, &head, &gates, args.strict, args.allow_partial)?;
    let text = markdown(&c);
    if args.output.is_empty() {
        print!("{text}");
    }
    for path in &args.output {
        match path.extension().and_then(|e| e.to_str()) {
            _ if path.as_os_str() == "-" => print!("{text}"),
            Some("json") => write_file(path, &(serde_json::to_string_pretty(&c)? + "\n"))?,
            Some("md" | "markdown" | "txt") => write_file(path, &text)?,
            _ => anyhow::bail!(
                "{}: compare writes .md or .json; cannot tell the format from the extension",
                path.display()
            ),
        }
    }
    for e in &c.errors {
        eprintln!("error: not comparable: {e}");
    }
    Ok(match c.status {
        crate::schema::Status::Ok => exit::SUCCESS,
        crate::schema::Status::Regression => exit::failure(),
        crate::schema::Status::Error => exit::error(),
    })
}

pub(crate) fn run_import(
    global: &super::args::GlobalArgs,
    dataset: &super::args::ImportDataset,
) -> anyhow::Result<ExitCode> {
    use super::args::ImportDataset::*;
    use crate::problem::import::{import_enamel, import_humaneval, import_pie};
    let (summary, out, from) = match dataset {
        Humaneval { file, out } => {
            let jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
            let ctx = super::context::context(global, jobs)?;
            let run = |code: &str| {
                crate::judge::run_trusted_python(
                    &ctx,
                    code,
                    b"",
                    crate::pipeline::prepare::REFERENCE_FUEL,
                )
                .map_err(|e| e.to_string())
            };
            (
                ctx.runner
                    .sandbox
                    .pool()
                    .install(|| import_humaneval(file, out, &run)),
                out,
                file,
            )
        }
        Enamel { csv, helpers, out } => (import_enamel(csv, helpers.as_deref(), out), out, csv),
        Pie { jsonl, tests, out } => (import_pie(jsonl, tests, out), out, jsonl),
    };
    let summary = summary
        .with_context(|| format!("failed to import {} into {}", from.display(), out.display()))?;
    for n in &summary.notes {
        eprintln!("note: {n}");
    }
    for w in &summary.warnings {
        eprintln!("warning: {w}");
    }
    eprintln!(
        "imported {} problems ({} excluded from aggregates) into {}; score with `fuelgauge score --problems {} SOLUTIONS`",
        summary.imported,
        summary.excluded,
        out.display(),
        out.join("problems").display()
    );
    Ok(if summary.warnings.is_empty() {
        exit::SUCCESS
    } else {
        exit::error()
    })
}
