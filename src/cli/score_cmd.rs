//! `fuelgauge score`, `report`, `leaderboard` and `compare`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use super::args::{
    CompareArgs, GlobalArgs, LeaderboardArgs, ReportArgs, ReportFormat, ScoreArgs, Threshold,
};
use super::context::context;
use super::exit;
use super::output::{emit, human_stream, read_report, render, write_file};
use crate::candidate::{ProblemIndex, Submission, collect};
use crate::pipeline::{Journal, score};
use crate::problem::{Problem, SecretSeed, default_references_dir, load_set};
use crate::report::compare::{compare, markdown};
use crate::report::html::render_leaderboard_html;
use crate::report::leaderboard::{Metric, leaderboard, merge};
use crate::report::markdown::render_leaderboard_markdown;
use crate::report::table::{Layout, render_leaderboard_table};
use crate::schema::{ScoreReport, ScoreSettings};
use crate::stats::BootstrapConfig;

/// A secret shorter than this could be guessed from its sha256.
const MIN_SECRET_BYTES: usize = 16;

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

pub(crate) fn run_score(global: &GlobalArgs, args: &ScoreArgs) -> anyhow::Result<ExitCode> {
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
    if args.resamples == 0 || args.resamples > crate::stats::MAX_RESAMPLES {
        anyhow::bail!(
            "--resamples {} is out of range; give 1 to {}",
            args.resamples,
            crate::stats::MAX_RESAMPLES
        );
    }
    if args.system.is_some() && args.solutions.len() != 1 {
        anyhow::bail!("--system names the system of a single SOLUTIONS input; pass one");
    }
    let references = args
        .references
        .clone()
        .unwrap_or_else(|| default_references_dir(&args.problems));
    let (mut problems, load_errors) = load_set(&args.problems, &references)?;
    if let Some(secret) = &args.secret_seed {
        if secret.trim().len() < MIN_SECRET_BYTES {
            anyhow::bail!(
                "--secret-seed is shorter than {MIN_SECRET_BYTES} characters; a short secret can be guessed from its sha256, which the results record (e.g. `openssl rand -hex 32`)"
            );
        }
        let secret = SecretSeed::new(secret);
        for p in &mut problems {
            p.hide_tests(&secret);
        }
    }
    let mut warnings: Vec<String> = load_errors.iter().map(ToString::to_string).collect();
    let mut collected = collect(&args.solutions, &Index(&problems), global.max_source_bytes);
    warnings.append(&mut collected.warnings);
    if let Some(name) = &args.system {
        rename_system(&mut collected.submissions, name, &args.solutions[0])?;
    }
    if !args.only.is_empty() {
        restrict(
            &mut problems,
            &mut collected.submissions,
            &args.only,
            &args.problems,
        )?;
    }
    let mut ctx = context(global, args.jobs.get())?;
    if args.secret_seed.is_some() {
        // Hidden tests and every answer to them stay in memory: a cache is often shared (CI
        // restores it into pull requests), and its inputs and runs would give the tests away.
        // Compiled programs do not depend on the tests and are still cached.
        ctx = crate::pipeline::Context {
            runner: ctx.runner.without_cache(),
            cache: None,
            tools: ctx.tools,
        };
    }
    if args.sanitize {
        sanitize_all(&ctx, &problems, &mut collected.submissions);
    }
    let partial = coverage_warnings(&problems, &collected.submissions, args.include_excluded);
    for w in warnings.iter().chain(&partial) {
        eprintln!("warning: {w}");
    }
    if collected.submissions.is_empty() {
        anyhow::bail!(
            "no solutions found in {}; see `fuelgauge score --help` for the layouts",
            args.solutions
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
    let kmax = args.k.iter().copied().max().unwrap_or(1);
    if let Some(((system, problem), n)) = counts.iter().find(|(_, n)| **n < kmax) {
        anyhow::bail!(
            "system `{system}` has {n} samples for problem `{problem}`, fewer than k = {kmax}; lower --k or add samples"
        );
    }
    let journal_path = args.journal.clone().unwrap_or_else(|| {
        match args.out.output.iter().find(|p| p.as_os_str() != "-") {
            Some(p) => PathBuf::from(format!("{}.journal", p.display())),
            None => PathBuf::from("fuelgauge-score.journal"),
        }
    });
    let journal = Journal::open(&journal_path)
        .with_context(|| format!("failed to open the journal {}", journal_path.display()))?;
    if !journal.is_empty() {
        eprintln!(
            "resuming: {} samples already judged in {}",
            journal.len(),
            journal_path.display()
        );
    }
    let settings = ScoreSettings {
        k: args.k.clone(),
        include_excluded: args.include_excluded,
        bootstrap: BootstrapConfig {
            resamples: args.resamples,
            seed: args.bootstrap_seed,
            ..BootstrapConfig::default()
        },
    };
    let bar = progress_bar(collected.submissions.len() as u64);
    on_interrupt(bar.clone(), journal_path.clone())?;
    let progress = |done: u64, _total: u64, failed: u64| {
        bar.set_position(done);
        bar.set_message(failed.to_string());
    };
    let printed = warnings.len();
    let (mut report, counts) = score(
        &ctx,
        &problems,
        collected.submissions,
        settings,
        warnings,
        Some(&journal),
        &progress,
    )?;
    bar.finish_and_clear();
    // What scoring found (a problem that could not be prepared, say) is as much a reason for
    // exit 2 as what collecting found, and is said the same way.
    for w in report.warnings.iter().skip(printed) {
        eprintln!("warning: {w}");
    }
    if args.metric == super::args::ScoreMetric::Speedup {
        let mut all = std::collections::BTreeMap::new();
        for (name, system) in &report.systems {
            all.insert(
                name.clone(),
                crate::pipeline::speedup::speedup(&report, system)?,
            );
        }
        report.speedup = Some(all);
    }
    emit(&report, &args.out)?;
    journal.finish().ok();
    let (executed, reused) = ctx.runner.counts();
    eprintln!(
        "scored {} samples ({} judged, {} from the journal); {} runs executed, {} from the cache; {} compiles",
        counts.judged + counts.resumed,
        counts.judged,
        counts.resumed,
        executed,
        reused,
        ctx.tools.compiler_runs()
    );
    let failed_gates = gate(&report, &args.fail_under);
    for f in &failed_gates {
        eprintln!("gate failed: {f}");
    }
    // A gate over part of the problem set fails closed: a system missing its hard problems
    // would otherwise pass on the easy ones.
    let gated_partial = !args.fail_under.is_empty() && !partial.is_empty();
    if gated_partial {
        eprintln!(
            "error: --fail-under gates systems that cover only part of the problem set (warnings above); add their samples, or name the subset with --only"
        );
    }
    Ok(if !report.warnings.is_empty() || gated_partial {
        exit::error()
    } else if !failed_gates.is_empty() {
        exit::failure()
    } else {
        exit::SUCCESS
    })
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
fn sanitize_all(
    ctx: &crate::pipeline::Context,
    problems: &[Problem],
    submissions: &mut [Submission],
) {
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
                "system `{system}` has samples for {} of the {} problems (missing {}); its pass@k and eff@k cover those only (use --only to score a subset on purpose)",
                have.len(),
                counted.len(),
                crate::report::human::first_few(&missing)
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

/// The progress bar on stderr (drawn only on a terminal): done/total, failures, ETA. The
/// failure count starts at 0, so the first frame already has it.
fn progress_bar(total: u64) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(total),
        indicatif::ProgressDrawTarget::stderr(),
    );
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:30} {pos}/{len} samples, {msg} failed, ETA {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_message("0");
    bar
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
                    let value = if t.metric.eff {
                        s.eff_at_k.value
                    } else {
                        s.pass_at_k.value
                    };
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
    emit(&read_report(&args.results)?, &args.out)?;
    Ok(exit::SUCCESS)
}

pub(crate) fn run_leaderboard(args: &LeaderboardArgs) -> anyhow::Result<ExitCode> {
    let reports = args
        .results
        .iter()
        .map(|p| Ok((p.display().to_string(), read_report(p)?)))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let merged = merge(reports)?;
    let board = leaderboard(&merged, args.metric, args.allow_partial)?;
    let mut asked = args.output.is_empty();
    for path in &args.output {
        if path.as_os_str() == "-" {
            asked = true;
            continue;
        }
        let text = match ReportFormat::from_extension(path) {
            Some(ReportFormat::Json) => serde_json::to_string_pretty(&board)? + "\n",
            Some(ReportFormat::Markdown) => render_leaderboard_markdown(&board),
            Some(ReportFormat::Html) => render_leaderboard_html(&board, &merged.report),
            Some(ReportFormat::Table) => render_leaderboard_table(&board, Layout::default()),
            Some(format) => render(&merged.report, format, Layout::default())?,
            None => anyhow::bail!(
                "cannot tell the format of {} from its extension; use .json, .md, .html, .txt, .xml, .jsonl or .csv",
                path.display()
            ),
        };
        write_file(path, &text)?;
    }
    let (human, layout) = human_stream(asked);
    human.write(&render_leaderboard_table(&board, layout))?;
    Ok(exit::SUCCESS)
}

pub(crate) fn run_compare(args: &CompareArgs) -> anyhow::Result<ExitCode> {
    let (base, head) = (read_report(&args.base)?, read_report(&args.head)?);
    let gates: Vec<(Metric, f64)> = if args.max_regression.is_empty() {
        vec![
            (Metric { eff: true, k: 1 }, 0.0),
            (Metric { eff: false, k: 1 }, 0.0),
        ]
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
        crate::report::compare::Status::Ok => exit::SUCCESS,
        crate::report::compare::Status::Regression => exit::failure(),
        crate::report::compare::Status::Error => exit::error(),
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
                crate::pipeline::run_trusted_python(
                    &ctx,
                    code,
                    b"",
                    crate::pipeline::prepare::REFERENCE_FUEL,
                )
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_first_frame_counts_failures() {
        assert_eq!(super::progress_bar(10).message(), "0");
    }
}
