//! Every final format behind one trait: `score`, `report` and `leaderboard` write their
//! documents through [`Exporter`], so a new format is one type here and one name in the CLI.

use super::csv::render_csv;
use super::html::{render_html, render_leaderboard_html};
use super::junit::render_junit;
use super::markdown::{render_leaderboard_markdown, render_markdown};
use super::table::{Layout, render_leaderboard_table, render_table};
use crate::schema::{Leaderboard, SampleReport, ScoreReport};

/// What is exported: one score report, or a ranking with the merged results it ranks.
#[derive(Debug, Clone, Copy)]
pub enum Document<'a> {
    Score(&'a ScoreReport),
    Leaderboard {
        board: &'a Leaderboard,
        merged: &'a ScoreReport,
    },
}

impl<'a> Document<'a> {
    /// The results inside: the report, or the merged results under a ranking.
    pub fn results(&self) -> &'a ScoreReport {
        match self {
            Document::Score(report) | Document::Leaderboard { merged: report, .. } => report,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("failed to serialize: {0}")]
    Json(#[from] serde_json::Error),
}

/// A final format. `layout` matters to the terminal table only.
pub trait Exporter: Sync {
    fn export(&self, doc: &Document<'_>, layout: Layout) -> Result<String, ExportError>;
}

/// The terminal table (`.txt`): the systems and problems, or the ranking.
pub struct Table;
/// The results or the leaderboard as pretty JSON, byte-stable.
pub struct Json;
/// One JSON line per sample: system, problem, sample and its result.
pub struct Jsonl;
/// Markdown for a pull-request comment or a README.
pub struct Markdown;
/// A self-contained HTML page (a ranking above the merged results for a leaderboard).
pub struct Html;
/// JUnit XML, one test case per sample, for CI test reporters.
pub struct Junit;
/// One CSV row per sample.
pub struct Csv;

impl Exporter for Table {
    fn export(&self, doc: &Document<'_>, layout: Layout) -> Result<String, ExportError> {
        Ok(match doc {
            Document::Score(report) => render_table(report, layout),
            Document::Leaderboard { board, .. } => render_leaderboard_table(board, layout),
        })
    }
}

impl Exporter for Json {
    fn export(&self, doc: &Document<'_>, _: Layout) -> Result<String, ExportError> {
        let text = match doc {
            Document::Score(report) => serde_json::to_string_pretty(report)?,
            Document::Leaderboard { board, .. } => serde_json::to_string_pretty(board)?,
        };
        Ok(text + "\n")
    }
}

impl Exporter for Jsonl {
    fn export(&self, doc: &Document<'_>, _: Layout) -> Result<String, ExportError> {
        #[derive(serde::Serialize)]
        struct Line<'a> {
            system: &'a str,
            problem: &'a str,
            sample: &'a SampleReport,
        }
        let mut out = String::new();
        for (system, s) in &doc.results().systems {
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
}

impl Exporter for Markdown {
    fn export(&self, doc: &Document<'_>, _: Layout) -> Result<String, ExportError> {
        Ok(match doc {
            Document::Score(report) => render_markdown(report),
            Document::Leaderboard { board, .. } => render_leaderboard_markdown(board),
        })
    }
}

impl Exporter for Html {
    fn export(&self, doc: &Document<'_>, _: Layout) -> Result<String, ExportError> {
        Ok(match doc {
            Document::Score(report) => render_html(report),
            Document::Leaderboard { board, merged } => render_leaderboard_html(board, merged),
        })
    }
}

impl Exporter for Junit {
    fn export(&self, doc: &Document<'_>, _: Layout) -> Result<String, ExportError> {
        Ok(render_junit(doc.results()))
    }
}

impl Exporter for Csv {
    fn export(&self, doc: &Document<'_>, _: Layout) -> Result<String, ExportError> {
        Ok(render_csv(doc.results()))
    }
}
