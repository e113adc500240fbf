//! `fuelgauge run --format json`.

use super::plain_cost_model;
use crate::candidate::Language;
use crate::sandbox::{RuntimeErrorReason, Stream};
use crate::toolchain::BuildOrigin;

pub const RUN_SCHEMA_VERSION: u32 = 2;

/// `fuelgauge run --format json`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(into = "RunReportJson", try_from = "RunReportJson")]
pub struct RunReport {
    pub schema_version: u32,
    pub tool: String,
    pub version: String,
    pub file: String,
    pub language: Language,
    /// `cached`, `compiled` or `direct` (nothing to compile).
    pub build: BuildOrigin,
    pub result: RunResult,
    pub fuel: u64,
    pub fuel_budget: u64,
    /// The cost model that priced `fuel` (`native-v1`; `plain-v1` when absent).
    pub cost_model: String,
    pub peak_memory_bytes: u64,
    pub stdout: String,
    pub stderr: String,
    /// Wall time in milliseconds: informational, varies between machines.
    pub wall_ms: f64,
}

/// How a run ended, with what belongs to that ending only.
#[derive(Debug, Clone, PartialEq)]
pub enum RunResult {
    /// Exited with status 0.
    Ok,
    /// The compiler's diagnostics (trimmed), or Python's syntax error.
    CompileError {
        message: String,
    },
    /// A trap, a non-zero exit or an unrunnable module.
    RuntimeError {
        reason: RuntimeErrorReason,
    },
    /// A function's result that is not a plain value.
    NotPlain {
        message: String,
    },
    FuelExhausted,
    MemoryLimit,
    OutputLimit {
        stream: Stream,
    },
    WallTimeout,
}

impl RunResult {
    /// The name the JSON's `verdict` carries.
    pub fn name(&self) -> &'static str {
        match self {
            RunResult::Ok => "ok",
            RunResult::CompileError { .. } => "compile_error",
            RunResult::RuntimeError { .. } => "runtime_error",
            RunResult::NotPlain { .. } => "not_plain",
            RunResult::FuelExhausted => "fuel_exhausted",
            RunResult::MemoryLimit => "memory_limit",
            RunResult::OutputLimit { .. } => "output_limit",
            RunResult::WallTimeout => "wall_timeout",
        }
    }

    /// The exit status, when the program exited by itself.
    pub fn exit_code(&self) -> Option<i32> {
        match self {
            RunResult::Ok => Some(0),
            RunResult::RuntimeError {
                reason: RuntimeErrorReason::Exit { code },
            } => Some(*code),
            _ => None,
        }
    }
}

/// The document as written: `verdict` and the fields only some verdicts fill.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RunReportJson {
    schema_version: u32,
    tool: String,
    version: String,
    file: String,
    language: Language,
    build: BuildOrigin,
    /// `ok`, `compile_error`, `runtime_error`, `not_plain`, `fuel_exhausted`,
    /// `memory_limit`, `output_limit` or `wall_timeout`.
    verdict: String,
    /// Exit status, when the program exited by itself.
    exit_code: Option<i32>,
    /// For `runtime_error`: a trap, a non-zero exit or an unrunnable module (and for
    /// `not_plain`, why the value is not plain).
    reason: Option<RuntimeErrorReason>,
    /// For `output_limit`: which stream.
    stream: Option<Stream>,
    /// For `compile_error`: the compiler's diagnostics (trimmed).
    compile_error: Option<String>,
    fuel: u64,
    fuel_budget: u64,
    #[serde(default = "plain_cost_model")]
    cost_model: String,
    peak_memory_bytes: u64,
    stdout: String,
    stderr: String,
    wall_ms: f64,
}

impl From<RunReport> for RunReportJson {
    fn from(r: RunReport) -> RunReportJson {
        let (mut reason, mut stream, mut compile_error) = (None, None, None);
        match &r.result {
            RunResult::CompileError { message } => compile_error = Some(message.clone()),
            RunResult::RuntimeError { reason: why } => reason = Some(why.clone()),
            RunResult::NotPlain { message } => {
                reason = Some(RuntimeErrorReason::Invalid {
                    message: message.clone(),
                });
            }
            RunResult::OutputLimit { stream: s } => stream = Some(*s),
            RunResult::Ok
            | RunResult::FuelExhausted
            | RunResult::MemoryLimit
            | RunResult::WallTimeout => {}
        }
        RunReportJson {
            schema_version: r.schema_version,
            tool: r.tool,
            version: r.version,
            file: r.file,
            language: r.language,
            build: r.build,
            verdict: r.result.name().into(),
            exit_code: r.result.exit_code(),
            reason,
            stream,
            compile_error,
            fuel: r.fuel,
            fuel_budget: r.fuel_budget,
            cost_model: r.cost_model,
            peak_memory_bytes: r.peak_memory_bytes,
            stdout: r.stdout,
            stderr: r.stderr,
            wall_ms: r.wall_ms,
        }
    }
}

impl TryFrom<RunReportJson> for RunReport {
    type Error = String;

    fn try_from(j: RunReportJson) -> Result<RunReport, String> {
        let missing = |field: &str| format!("verdict `{}` needs `{field}`", j.verdict);
        let result = match j.verdict.as_str() {
            "ok" => RunResult::Ok,
            "compile_error" => RunResult::CompileError {
                message: j
                    .compile_error
                    .clone()
                    .ok_or_else(|| missing("compile_error"))?,
            },
            "runtime_error" => RunResult::RuntimeError {
                reason: j.reason.clone().ok_or_else(|| missing("reason"))?,
            },
            "not_plain" => match j.reason.clone() {
                Some(RuntimeErrorReason::Invalid { message }) => RunResult::NotPlain { message },
                _ => return Err(missing("reason")),
            },
            "fuel_exhausted" => RunResult::FuelExhausted,
            "memory_limit" => RunResult::MemoryLimit,
            "output_limit" => RunResult::OutputLimit {
                stream: j.stream.ok_or_else(|| missing("stream"))?,
            },
            "wall_timeout" => RunResult::WallTimeout,
            other => return Err(format!("unknown verdict `{other}`")),
        };
        Ok(RunReport {
            schema_version: j.schema_version,
            tool: j.tool,
            version: j.version,
            file: j.file,
            language: j.language,
            build: j.build,
            result,
            fuel: j.fuel,
            fuel_budget: j.fuel_budget,
            cost_model: j.cost_model,
            peak_memory_bytes: j.peak_memory_bytes,
            stdout: j.stdout,
            stderr: j.stderr,
            wall_ms: j.wall_ms,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_result_round_trips_through_its_json() {
        let results = [
            RunResult::Ok,
            RunResult::CompileError {
                message: "error: x".into(),
            },
            RunResult::RuntimeError {
                reason: RuntimeErrorReason::Exit { code: 3 },
            },
            RunResult::NotPlain {
                message: "a lambda".into(),
            },
            RunResult::FuelExhausted,
            RunResult::MemoryLimit,
            RunResult::OutputLimit {
                stream: Stream::Stderr,
            },
            RunResult::WallTimeout,
        ];
        for result in results {
            let report = RunReport {
                schema_version: RUN_SCHEMA_VERSION,
                tool: "fuelgauge".into(),
                version: "0".into(),
                file: "a.wat".into(),
                language: Language::Wat,
                build: BuildOrigin::Direct,
                result,
                fuel: 1,
                fuel_budget: 2,
                cost_model: "native-v1".into(),
                peak_memory_bytes: 65536,
                stdout: String::new(),
                stderr: String::new(),
                wall_ms: 0.5,
            };
            let json = serde_json::to_string(&report).unwrap();
            assert_eq!(
                serde_json::from_str::<RunReport>(&json).unwrap(),
                report,
                "{json}"
            );
        }
        // A verdict without the field it needs is refused, not guessed.
        let json = serde_json::to_string(&RunReportJson::from(RunReport {
            result: RunResult::Ok,
            ..serde_json::from_str::<RunReport>(
                r#"{"schema_version":2,"tool":"fuelgauge","version":"0","file":"a","language":"wat","build":"direct","verdict":"ok","exit_code":0,"reason":null,"stream":null,"compile_error":null,"fuel":0,"fuel_budget":0,"peak_memory_bytes":0,"stdout":"","stderr":"","wall_ms":0.0}"#,
            )
            .unwrap()
        }))
        .unwrap()
        .replace(r#""verdict":"ok""#, r#""verdict":"output_limit""#);
        assert!(serde_json::from_str::<RunReport>(&json).is_err());
    }
}
