//! Writing reports: stdout or files, formats from extensions, atomically.

use std::io::{IsTerminal as _, Write as _};
use std::path::Path;

use anyhow::Context as _;

use super::args::{OutputArgs, ReportFormat};
use crate::report::{
    csv::render_csv,
    html::render_html,
    junit::render_junit,
    markdown::render_markdown,
    table::{Layout, render_summary, render_table},
};
use crate::schema::ScoreReport;

pub(crate) fn render(
    report: &ScoreReport,
    format: ReportFormat,
    layout: Layout,
) -> anyhow::Result<String> {
    Ok(match format {
        ReportFormat::Table => render_table(report, layout),
        ReportFormat::Json => serde_json::to_string_pretty(report)? + "\n",
        ReportFormat::Jsonl => jsonl(report)?,
        ReportFormat::Markdown => render_markdown(report),
        ReportFormat::Html => render_html(report),
        ReportFormat::Junit => render_junit(report),
        ReportFormat::Csv => render_csv(report),
    })
}

/// One line per sample: system, problem, sample, and its result.
fn jsonl(report: &ScoreReport) -> anyhow::Result<String> {
    #[derive(serde::Serialize)]
    struct Line<'a> {
        system: &'a str,
        problem: &'a str,
        sample: &'a crate::schema::SampleReport,
    }
    let mut out = String::new();
    for (system, s) in &report.systems {
        for (problem, p) in &s.problems {
            for sample in &p.samples {
                out.push_str(&serde_json::to_string(&Line {
                    system,
                    problem,
                    sample,
                })?);
                out.push('\n');
            }
        }
    }
    Ok(out)
}

/// Writes `bytes` to `path` through a temporary file and a rename. Errors name `path`, never
/// the temporary file, which means nothing to the user.
pub(crate) fn write_file(path: &Path, bytes: impl AsRef<[u8]>) -> anyhow::Result<()> {
    write_atomically(path, bytes.as_ref())
        .with_context(|| format!("failed to write {}", path.display()))
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt as _;
    use std::sync::atomic::{AtomicU32, Ordering};
    static SERIAL: AtomicU32 = AtomicU32::new(0);
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, "that is not a file name")
    })?;
    // Unique in this process; a stale one from a dead process is taken over.
    let tmp = path.with_file_name(format!(
        ".{}.{}-{}.tmp",
        name.to_string_lossy(),
        std::process::id(),
        SERIAL.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o644)
            .open(&tmp)?;
        file.write_all(bytes)?;
        file.flush()?;
        drop(file);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Where the human table goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Human {
    Stdout,
    Stderr,
}

impl Human {
    pub(crate) fn write(self, text: &str) -> std::io::Result<()> {
        match self {
            Human::Stdout => std::io::stdout().lock().write_all(text.as_bytes()),
            Human::Stderr => std::io::stderr().lock().write_all(text.as_bytes()),
        }
    }
}

/// The human table goes to stdout when it was asked for there (`asked`: no `-o`, or `-o -`)
/// or stdout is a terminal; otherwise every result went to files and stdout is a pipe or a
/// file, so it goes to stderr, where a person or a CI log still sees how the run went.
pub(crate) fn human_stream(asked: bool) -> (Human, Layout) {
    if asked || std::io::stdout().is_terminal() {
        (
            Human::Stdout,
            Layout::for_stream(std::io::stdout().is_terminal(), false),
        )
    } else {
        (
            Human::Stderr,
            Layout::for_stream(std::io::stderr().is_terminal(), true),
        )
    }
}

/// Writes the report to every `-o`; to stdout in `--format` when there is no `-o` or one is
/// `-` or stdout is a terminal; else the per-system summary to stderr.
pub(crate) fn emit(report: &ScoreReport, out: &OutputArgs) -> anyhow::Result<()> {
    let mut asked = out.output.is_empty();
    for path in &out.output {
        if path.as_os_str() == "-" {
            asked = true;
            continue;
        }
        let format = ReportFormat::from_extension(path).with_context(|| {
            format!("cannot tell the format of {} from its extension; use .json, .jsonl, .md, .html, .xml, .txt or .csv", path.display())
        })?;
        write_file(path, &render(report, format, Layout::default())?)?;
    }
    let (human, layout) = human_stream(asked);
    match human {
        Human::Stdout => human.write(&render(report, out.format, layout)?)?,
        Human::Stderr => human.write(&render_summary(report, layout))?,
    }
    Ok(())
}

pub(crate) fn read_report(path: &Path) -> anyhow::Result<ScoreReport> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("failed to read {}", path.display()))?;
    let report: ScoreReport = serde_json::from_str(&text).with_context(|| {
        format!(
            "{} is not a fuelgauge score result (schema version {}); write one with `fuelgauge score -o FILE.json`",
            path.display(),
            crate::schema::SCORE_SCHEMA_VERSION
        )
    })?;
    if report.schema_version != crate::schema::SCORE_SCHEMA_VERSION {
        anyhow::bail!(
            "{} has schema version {}, this fuelgauge reads {}; score it again with this fuelgauge",
            path.display(),
            report.schema_version,
            crate::schema::SCORE_SCHEMA_VERSION
        );
    }
    Ok(report)
}
