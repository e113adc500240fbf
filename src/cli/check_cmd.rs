//! `fuelgauge problems check [DIR]`.

use std::collections::BTreeSet;
use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;

use super::args::{CheckArgs, GlobalArgs, ProblemSet, RunFormat};
use super::context::context;
use super::exit;
use crate::pipeline::check::{ProblemCheck, SLOW_SCORE_LIMIT, check_set};
use crate::problem::Kind;
use crate::problem::{Problem, ProblemError, default_references_dir, load_set};
use crate::report::human::short;
use crate::report::table::{Layout, finish, new_table};

pub(crate) fn run(global: &GlobalArgs, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let (problems, load_errors) = load_selected(&args.set)?;
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
        RunFormat::Text => write_table(
            &mut out,
            &checks,
            Layout::for_stream(std::io::stdout().is_terminal(), false),
        )?,
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

fn write_table(
    out: &mut impl std::io::Write,
    checks: &[ProblemCheck],
    layout: Layout,
) -> std::io::Result<()> {
    let mut table = new_table(
        layout,
        &[
            "problem", "kind", "tests", "ref", "T*0", "T*1", "T*2", "T*3", "budget", "slow e",
            "status",
        ],
        &[2, 4, 5, 6, 7, 8, 9],
    );
    for c in checks {
        let status = if c.failures.is_empty() {
            "ok"
        } else {
            "FAILED"
        };
        let kind = match c.kind {
            Kind::Stdio => "stdio",
            Kind::Function => "function",
        };
        if c.yardsticks.is_empty() {
            let mut row = vec![c.id.clone(), kind.to_owned(), c.tests.to_string()];
            row.extend(std::iter::repeat_n("-".to_owned(), 7));
            row.push(status.to_owned());
            table.add_row(row);
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
            let first = i == 0;
            let mut row = vec![
                if first { c.id.clone() } else { String::new() },
                if first {
                    kind.to_owned()
                } else {
                    String::new()
                },
                if first {
                    c.tests.to_string()
                } else {
                    String::new()
                },
                y.language.name().to_owned(),
            ];
            row.extend(levels);
            row.push(short(y.budget));
            row.push(if slow.is_empty() {
                "-".into()
            } else {
                slow.join(",")
            });
            row.push(if first { status } else { "" }.to_owned());
            table.add_row(row);
        }
    }
    out.write_all(finish(&table).as_bytes())?;
    writeln!(
        out,
        "T*l: the reference's largest fuel on level l; budget T = alpha * max T*l; slow solutions must score e < {SLOW_SCORE_LIMIT}"
    )?;
    Ok(())
}

/// The problem set, narrowed to the ids in `--only` (all when none): the problems that
/// loaded and the load errors of the selected folders, each printed. An id naming no folder
/// is an error.
pub(crate) fn load_selected(set: &ProblemSet) -> anyhow::Result<(Vec<Problem>, Vec<ProblemError>)> {
    let (dir, only) = (&set.dir, &set.only);
    let references = set
        .references
        .clone()
        .unwrap_or_else(|| default_references_dir(dir));
    let (mut problems, mut load_errors) = load_set(dir, &references)?;
    if !only.is_empty() {
        // A broken problem is still a known id: its error is what `--only` asks to see.
        let folder = |e: &ProblemError| {
            e.path
                .parent()
                .and_then(|d| d.file_name())
                .and_then(|n| n.to_str())
                .map(str::to_owned)
        };
        let known: BTreeSet<String> = problems
            .iter()
            .map(|p| p.id.clone())
            .chain(load_errors.iter().filter_map(folder))
            .collect();
        let unknown: Vec<String> = only
            .iter()
            .filter(|id| !known.contains(*id))
            .map(|id| format!("`{id}`"))
            .collect();
        if !unknown.is_empty() {
            anyhow::bail!(
                "--only: no problem {} in {} ({} problems there; an id is its folder's name)",
                unknown.join(", "),
                dir.display(),
                known.len()
            );
        }
        problems.retain(|p| only.contains(&p.id));
        load_errors.retain(|e| folder(e).is_some_and(|f| only.contains(&f)));
    }
    for e in &load_errors {
        eprintln!("error: {e}");
    }
    Ok((problems, load_errors))
}
