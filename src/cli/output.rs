//! Writing reports: stdout or files, formats from extensions, atomically.

use std::io::{IsTerminal as _, Write as _};
use std::path::Path;

use anyhow::Context as _;

use super::args::ReportFormat;
use crate::report::export::{self, Document, Exporter};
use crate::report::table::{Layout, render_summary};
use crate::schema::ScoreReport;

impl ReportFormat {
    /// The exporter that writes this format.
    pub(crate) fn exporter(self) -> &'static dyn Exporter {
        match self {
            ReportFormat::Table => &export::Table,
            ReportFormat::Json => &export::Json,
            ReportFormat::Jsonl => &export::Jsonl,
            ReportFormat::Markdown => &export::Markdown,
            ReportFormat::Html => &export::Html,
            ReportFormat::Junit => &export::Junit,
            ReportFormat::Csv => &export::Csv,
        }
    }
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

/// Writes `doc` to every `-o` file, its format from the extension. The human view goes to
/// stdout in `format` when there is no `-o`, one is `-`, or stdout is a terminal; else to
/// stderr, as the per-system summary (a score report) or the ranking (a leaderboard).
pub(crate) fn emit(
    doc: &Document<'_>,
    outputs: &[std::path::PathBuf],
    format: ReportFormat,
) -> anyhow::Result<()> {
    let mut asked = outputs.is_empty();
    for path in outputs {
        if path.as_os_str() == "-" {
            asked = true;
            continue;
        }
        let format = ReportFormat::from_extension(path).with_context(|| {
            format!("cannot tell the format of {} from its extension; use .json, .jsonl, .md, .html, .xml, .txt or .csv", path.display())
        })?;
        write_file(path, format.exporter().export(doc, Layout::default())?)?;
    }
    let (human, layout) = human_stream(asked);
    let text = match (human, doc) {
        (Human::Stderr, Document::Score(report)) => render_summary(report, layout),
        (Human::Stdout, _) => format.exporter().export(doc, layout)?,
        (Human::Stderr, Document::Leaderboard { .. }) => {
            ReportFormat::Table.exporter().export(doc, layout)?
        }
    };
    human.write(&text)?;
    Ok(())
}

/// Whether `text` is a JSON object with `field`: which document a file that is not the one
/// expected is, to say so.
pub(crate) fn has_field(text: &str, field: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text).is_ok_and(|v| v.get(field).is_some())
}

pub(crate) fn read_report(path: &Path) -> anyhow::Result<ScoreReport> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("failed to read {}", path.display()))?;
    // The version first: a result of another schema does not parse as this one, and saying
    // why beats naming the first field it lacks.
    let version = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .filter(|v| v.get("tool").and_then(|t| t.as_str()) == Some("fuelgauge"))
        .and_then(|v| v.get("schema_version")?.as_u64());
    if let Some(version) = version
        && version != u64::from(crate::schema::SCORE_SCHEMA_VERSION)
        && !has_field(&text, "shard")
    {
        anyhow::bail!(
            "{} has schema version {version}, this fuelgauge reads {}; score it again with this fuelgauge",
            path.display(),
            crate::schema::SCORE_SCHEMA_VERSION
        );
    }
    serde_json::from_str(&text).with_context(|| {
        if has_field(&text, "shard") {
            return format!(
                "{} is one shard's part, not a score result; merge the parts first: `fuelgauge merge PART… -o results.json`",
                path.display()
            );
        }
        format!(
            "{} is not a fuelgauge score result (schema version {}); write one with `fuelgauge score -o FILE.json`",
            path.display(),
            crate::schema::SCORE_SCHEMA_VERSION
        )
    })
}
