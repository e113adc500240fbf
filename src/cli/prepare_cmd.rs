//! `fuelgauge problems prepare [DIR] -o PACK`: every problem prepared once, into a pack.

use std::process::ExitCode;

use super::args::{GlobalArgs, PrepareArgs};
use super::check_cmd::load_selected;
use super::context::context;
use super::exit;
use crate::pipeline::{PackEnvironment, check_target, prepare_all, write_pack};

pub(crate) fn run(global: &GlobalArgs, args: &PrepareArgs) -> anyhow::Result<ExitCode> {
    // Before any work: a folder that holds something else is not written over.
    check_target(&args.output)?;
    // `load_selected` says what could not be loaded; a score with the pack says it again.
    let (mut problems, load_errors) = load_selected(&args.set)?;
    for p in &mut problems {
        p.set_growth(args.growth.extra);
    }
    super::score_cmd::note_no_growth(&problems, args.growth.extra);
    let ctx = context(global, args.jobs.get())?;
    eprintln!("preparing {} problems…", problems.len());
    let prepared: Vec<_> = prepare_all(&ctx, &problems)
        .into_iter()
        .map(|(p, prep)| (p, prep.map_err(|e| e.to_string())))
        .collect();
    let mut unusable = 0;
    for (problem, prep) in &prepared {
        if let Err(e) = prep {
            eprintln!(
                "warning: problem `{}` cannot be used ({e}); the pack records it, and a score with the pack leaves its samples out, as one without it would",
                problem.id
            );
            unusable += 1;
        }
    }
    let digest = write_pack(
        &args.output,
        &PackEnvironment::of(&ctx, args.growth.extra),
        &prepared,
    )?;
    let tests: usize = prepared
        .iter()
        .filter_map(|(_, p)| p.as_ref().ok())
        .map(|p| p.tests.len())
        .sum();
    let (executed, reused) = ctx.runner.counts();
    eprintln!(
        "prepared {} of {} problems ({tests} tests) into {}, digest {digest}; {executed} runs executed, {reused} from the cache",
        prepared.len() - unusable,
        problems.len() + load_errors.len(),
        args.output.display(),
    );
    let only = if args.set.only.is_empty() {
        String::new()
    } else {
        format!(" --only {}", args.set.only.join(","))
    };
    eprintln!(
        "score with it: fuelgauge score SOLUTIONS --prepared {}{only} [--shard I/N]",
        args.output.display()
    );
    // The pack is written: the steps after it (shards, then merge) report what it lacks, as
    // a score without it would.
    Ok(exit::SUCCESS)
}
