//! `fuelgauge run FILE`.

use std::io::{Read as _, Write as _};
use std::process::ExitCode;

use anyhow::Context as _;

use super::args::{GlobalArgs, RunArgs, RunFormat};
use super::context::{open_cache, toolchains};
use super::exit;
use crate::candidate::Source;
use crate::report::human::group;
use crate::sandbox::{Limits, RunVerdict};
use crate::schema::{RUN_SCHEMA_VERSION, RunReport};

pub(crate) fn run(global: &GlobalArgs, args: &RunArgs) -> anyhow::Result<ExitCode> {
    let source = Source::read(&args.file, global.max_source_bytes)?;
    let stdin = match &args.stdin {
        None => Vec::new(),
        Some(p) if p.as_os_str() == "-" => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .context("failed to read standard input")?;
            buf
        }
        Some(p) => {
            std::fs::read(p).with_context(|| format!("failed to read --stdin {}", p.display()))?
        }
    };
    let limits = Limits {
        fuel: args.fuel,
        memory_bytes: args.memory_mib << 20,
        stdout_bytes: args.output_mib << 20,
        stderr_bytes: 1 << 20,
        wall_ms: args.wall_secs.saturating_mul(1000),
    };
    let cache = open_cache(global)?;
    let tools = toolchains(global, cache.clone());
    let build = tools.build(&source)?;
    let mut report = RunReport {
        schema_version: RUN_SCHEMA_VERSION,
        tool: "fuelgauge".into(),
        version: crate::VERSION.into(),
        file: args.file.display().to_string(),
        language: source.language,
        build: build.origin,
        verdict: "compile_error".into(),
        exit_code: None,
        reason: None,
        stream: None,
        compile_error: None,
        fuel: 0,
        fuel_budget: limits.fuel,
        cost_model: super::context::cost_model(global)?.id(),
        peak_memory_bytes: 0,
        stdout: String::new(),
        stderr: String::new(),
        wall_ms: 0.0,
    };
    match &build.program {
        Err(e) => report.compile_error = Some(e.message.clone()),
        Ok(program) => {
            let sandbox = super::context::sandbox(global, 1, cache)?;
            let outcome = sandbox.run(program, &stdin, &limits, args.seed)?;
            report.verdict = outcome.verdict.name().into();
            match &outcome.verdict {
                RunVerdict::SyntaxError { message } => {
                    report.verdict = "compile_error".into();
                    report.compile_error = Some(message.clone());
                }
                RunVerdict::NotPlain { message } => {
                    report.reason = Some(crate::sandbox::RuntimeErrorReason::Invalid {
                        message: message.clone(),
                    });
                }
                RunVerdict::Ok => report.exit_code = Some(0),
                RunVerdict::RuntimeError { reason } => {
                    if let crate::sandbox::RuntimeErrorReason::Exit { code } = reason {
                        report.exit_code = Some(*code);
                    }
                    report.reason = Some(reason.clone());
                }
                RunVerdict::OutputLimit { stream } => report.stream = Some(*stream),
                RunVerdict::FuelExhausted | RunVerdict::MemoryLimit | RunVerdict::WallTimeout => {}
            }
            report.fuel = outcome.fuel;
            report.peak_memory_bytes = outcome.peak_memory;
            report.stdout = String::from_utf8_lossy(&outcome.stdout).into_owned();
            report.stderr = String::from_utf8_lossy(&outcome.stderr).into_owned();
            report.wall_ms = outcome.wall.as_secs_f64() * 1000.0;
        }
    }
    let mut out = std::io::stdout().lock();
    match args.format {
        RunFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        RunFormat::Text => write_text(&mut out, &report)?,
    }
    Ok(if report.verdict == "ok" {
        exit::SUCCESS
    } else {
        exit::failure()
    })
}

fn write_text(out: &mut impl std::io::Write, r: &RunReport) -> std::io::Result<()> {
    let detail = if let Some(reason) = &r.reason {
        format!(" ({reason})")
    } else if let Some(stream) = &r.stream {
        format!(" ({stream:?})").to_lowercase()
    } else {
        String::new()
    };
    writeln!(out, "verdict      {}{detail}", r.verdict)?;
    if let Some(message) = &r.compile_error {
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
    out.write_all(r.stdout.as_bytes())?;
    if !r.stdout.is_empty() && !r.stdout.ends_with('\n') {
        writeln!(out)?;
    }
    if !r.stderr.is_empty() {
        writeln!(out, "── stderr ({} bytes) ──", r.stderr.len())?;
        out.write_all(r.stderr.as_bytes())?;
        if !r.stderr.ends_with('\n') {
            writeln!(out)?;
        }
    }
    Ok(())
}
