//! `fuelgauge run`'s text output.

use std::fmt::Write as _;

use super::format::group;
use crate::schema::{RunReport, RunResult};

/// `fuelgauge run`'s text: the verdict, fuel, memory and build, then the program's output.
pub fn render_run_text(r: &RunReport) -> String {
    let mut out = String::new();
    write_run(&mut out, r).expect("writing to a String does not fail");
    out
}

fn write_run(out: &mut String, r: &RunReport) -> std::fmt::Result {
    let detail = match &r.result {
        RunResult::RuntimeError { reason } => format!(" ({reason})"),
        RunResult::NotPlain { message } => format!(
            " ({})",
            crate::sandbox::RuntimeErrorReason::Invalid {
                message: message.clone()
            }
        ),
        RunResult::OutputLimit { stream } => format!(" ({stream:?})").to_lowercase(),
        _ => String::new(),
    };
    writeln!(out, "verdict      {}{detail}", r.result.name())?;
    if let RunResult::CompileError { message } = &r.result {
        writeln!(out, "build        {}", r.build.name())?;
        writeln!(out, "── compiler ──\n{message}")?;
        return Ok(());
    }
    writeln!(
        out,
        "fuel         {} of {}",
        group(r.fuel),
        group(r.fuel_budget)
    )?;
    writeln!(
        out,
        "peak memory  {:.1} MiB",
        r.peak_memory_bytes as f64 / f64::from(1 << 20)
    )?;
    writeln!(out, "build        {}", r.build.name())?;
    writeln!(out, "wall         {:.1} ms (informational)", r.wall_ms)?;
    writeln!(out, "── stdout ({} bytes) ──", r.stdout.len())?;
    out.push_str(&r.stdout);
    if !r.stdout.is_empty() && !r.stdout.ends_with('\n') {
        writeln!(out)?;
    }
    if !r.stderr.is_empty() {
        writeln!(out, "── stderr ({} bytes) ──", r.stderr.len())?;
        out.push_str(&r.stderr);
        if !r.stderr.ends_with('\n') {
            writeln!(out)?;
        }
    }
    Ok(())
}
