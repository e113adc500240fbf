//! `fuelgauge run FILE`.

use std::io::{Read as _, Write as _};
use std::process::ExitCode;

use anyhow::Context as _;

use super::args::{GlobalArgs, RunArgs, RunFormat};
use super::context::{open_cache, toolchains};
use super::exit;
use crate::candidate::Source;
use crate::report::run::render_run_text;
use crate::sandbox::{Limits, RunVerdict};
use crate::schema::{RUN_SCHEMA_VERSION, RunReport, RunResult};

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
        result: RunResult::Ok,
        fuel: 0,
        fuel_budget: limits.fuel,
        cost_model: super::context::cost_model(global)?.id(),
        peak_memory_bytes: 0,
        stdout: String::new(),
        stderr: String::new(),
        wall_ms: 0.0,
    };
    match &build.program {
        Err(e) => {
            report.result = RunResult::CompileError {
                message: e.message.clone(),
            };
        }
        Ok(program) => {
            let sandbox = super::context::sandbox(global, 1, cache)?;
            let outcome = sandbox.run(program, &stdin, &limits, args.seed)?;
            report.result = match outcome.verdict {
                RunVerdict::Ok => RunResult::Ok,
                RunVerdict::SyntaxError { message } => RunResult::CompileError { message },
                RunVerdict::NotPlain { message } => RunResult::NotPlain { message },
                RunVerdict::RuntimeError { reason } => RunResult::RuntimeError { reason },
                RunVerdict::OutputLimit { stream } => RunResult::OutputLimit { stream },
                RunVerdict::FuelExhausted => RunResult::FuelExhausted,
                RunVerdict::MemoryLimit => RunResult::MemoryLimit,
                RunVerdict::WallTimeout => RunResult::WallTimeout,
            };
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
        RunFormat::Text => out.write_all(render_run_text(&report).as_bytes())?,
    }
    Ok(if report.result == RunResult::Ok {
        exit::SUCCESS
    } else {
        exit::failure()
    })
}
