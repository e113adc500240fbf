//! `fuelgauge problems check [DIR]`.

use std::collections::BTreeSet;
use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;

use super::args::{CheckArgs, GlobalArgs, ProblemSet, RunFormat};
use super::context::context;
use super::exit;
use crate::pipeline::check::check_set;
use crate::problem::{Problem, ProblemError, default_references_dir, load_set};
use crate::report::check::render_check_table;
use crate::report::table::Layout;
use crate::schema::CheckReport;

pub(crate) fn run(global: &GlobalArgs, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let (problems, load_errors) = load_selected(&args.set)?;
    let ctx = context(global, args.jobs.get())?;
    eprintln!("checking {} problems…", problems.len());
    let checks = check_set(&ctx, problems);
    let mut out = std::io::stdout().lock();
    match args.format {
        RunFormat::Json => {
            let report = CheckReport {
                schema_version: 1,
                load_errors: load_errors.iter().map(ToString::to_string).collect(),
                problems: &checks,
            };
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        RunFormat::Text => out.write_all(
            render_check_table(
                &checks,
                Layout::for_stream(std::io::stdout().is_terminal(), false),
            )
            .as_bytes(),
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
