//! `fuelgauge problems prepare [DIR] -o PACK`: every problem prepared once, into a pack.

use std::process::ExitCode;

use super::args::{GlobalArgs, PrepareArgs};
use super::check_cmd::load_selected;
use super::context::context;
use super::exit;
use crate::pipeline::{PackEnvironment, prepare_all, write_pack};

pub(crate) fn run(global: &GlobalArgs, args: &PrepareArgs) -> anyhow::Result<ExitCode> {
    let (problems, load_errors) = load_selected(&args.set)?;
    for e in &load_errors {
        eprintln!("error: {e}");
    }
    let ctx = context(global, args.jobs.get())?;
    eprintln!("preparing {} problems…", problems.len());
    let prepared: Vec<_> = prepare_all(&ctx, &problems)
        .into_iter()
        .map(|(p, prep)| (p, prep.map_err(|e| e.to_string())))
        .collect();
    let mut failed = load_errors.len();
    for (_, prep) in &prepared {
        if let Err(e) = prep {
            eprintln!("error: {e}");
            failed += 1;
        }
    }
    let digest = write_pack(&args.output, &PackEnvironment::of(&ctx), &prepared)?;
    let tests: usize = prepared
        .iter()
        .filter_map(|(_, p)| p.as_ref().ok())
        .map(|p| p.tests.len())
        .sum();
    let (executed, reused) = ctx.runner.counts();
    eprintln!(
        "prepared {} of {} problems ({tests} tests) into {}, digest {digest}; {executed} runs executed, {reused} from the cache",
        prepared.len() - (failed - load_errors.len()),
        problems.len() + load_errors.len(),
        args.output.display(),
    );
    eprintln!(
        "score with it: fuelgauge score SOLUTIONS --prepared {} [--shard I/N]",
        args.output.display()
    );
    Ok(if failed == 0 {
        exit::SUCCESS
    } else {
        exit::failure()
    })
}
