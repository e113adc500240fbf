//! `fuelgauge problems check [DIR]`.

use std::io::Write as _;
use std::process::ExitCode;

use super::args::{CheckArgs, GlobalArgs, RunFormat};
use super::context::context;
use super::exit;
use crate::pipeline::check::{ProblemCheck, SLOW_SCORE_LIMIT, check_set};
use crate::problem::{default_references_dir, load_set};
use crate::report::human::short;

pub(crate) fn run(global: &GlobalArgs, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let references = args
        .references
        .clone()
        .unwrap_or_else(|| default_references_dir(&args.dir));
    let (mut problems, load_errors) = load_set(&args.dir, &references)?;
    if !args.only.is_empty() {
        problems.retain(|p| args.only.contains(&p.id));
    }
    for e in &load_errors {
        eprintln!("error: {e}");
    }
    let ctx = context(global, args.jobs.get())?;
    eprintln!("checking {} problems…", problems.len());
    let checks = check_set(&ctx, problems);
    let mut out = std::io::stdout().lock();
    match args.format {
        RunFormat::Json => {
            #[derive(serde::Serialize)]
            struct Report<'a> {
                schema_version: u32,
                load_errors: Vec<String>,
                problems: &'a [ProblemCheck],
            }
            let report = Report {
                schema_version: 1,
                load_errors: load_errors.iter().map(ToString::to_string).collect(),
                problems: &checks,
            };
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        RunFormat::Text => write_table(&mut out, &checks)?,
    }
    let failed = checks.iter().filter(|c| !c.failures.is_empty()).count() + load_errors.len();
    for c in &checks {
        for f in &c.failures {
            eprintln!("{}: {f}", c.id);
        }
    }
    eprintln!(
        "{} problems checked: {} ok, {} failed",
        checks.len() + load_errors.len(),
        checks.len() + load_errors.len() - failed,
        failed
    );
    Ok(if failed == 0 {
        exit::SUCCESS
    } else {
        exit::failure()
    })
}

fn write_table(out: &mut impl std::io::Write, checks: &[ProblemCheck]) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<30} {:<8} {:>5}  {:<6} {:>8} {:>8} {:>8} {:>8} {:>8}  {:>6}  status",
        "problem", "kind", "tests", "ref", "T*0", "T*1", "T*2", "T*3", "budget", "slow e"
    )?;
    for c in checks {
        let status = if c.failures.is_empty() {
            "ok"
        } else {
            "FAILED"
        };
        let kind = format!("{:?}", c.kind).to_lowercase();
        if c.yardsticks.is_empty() {
            writeln!(
                out,
                "{:<30} {:<8} {:>5}  {:<6} {:>62}  {status}",
                c.id, kind, c.tests, "-", ""
            )?;
        }
        for (i, (family, y)) in c.yardsticks.iter().enumerate() {
            let mut levels: Vec<String> = y.per_level.iter().map(|&f| short(f)).collect();
            levels.resize(4, "-".into());
            let slow: Vec<String> = c
                .slow
                .iter()
                .filter(|s| s.language.family() == *family)
                .map(|s| {
                    if s.passed {
                        format!("{:.2}", s.score)
                    } else {
                        s.verdict.clone()
                    }
                })
                .collect();
            let (id, kind, tests) = if i == 0 {
                (c.id.as_str(), kind.as_str(), c.tests.to_string())
            } else {
                ("", "", String::new())
            };
            writeln!(
                out,
                "{id:<30} {kind:<8} {tests:>5}  {:<6} {:>8} {:>8} {:>8} {:>8} {:>8}  {:>6}  {}",
                y.language.name(),
                levels[0],
                levels[1],
                levels[2],
                levels[3],
                short(y.budget),
                if slow.is_empty() {
                    "-".into()
                } else {
                    slow.join(",")
                },
                if i == 0 { status } else { "" }
            )?;
        }
    }
    writeln!(
        out,
        "T*l: the reference's largest fuel on level l; budget T = alpha * max T*l; slow solutions must score e < {SLOW_SCORE_LIMIT}"
    )?;
    Ok(())
}
