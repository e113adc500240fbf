//! `fuelgauge import humaneval FILE`: HumanEval's JSONL (optionally gzipped) as `function`
//! problems whose test is the dataset's own `check(candidate)`, with the canonical solution as
//! the Python reference. Without levels these problems give pass@k, not eff@k.

use std::io::Read as _;
use std::path::Path;

use super::write::{ImportSummary, ProblemFiles, slug, toml_str};

/// Check programs and their candidates get 2·10^10 fuel: correctness only, never a budget.
const CHECK_FUEL: u64 = 20_000_000_000;

#[derive(serde::Deserialize)]
struct Row {
    task_id: String,
    prompt: String,
    canonical_solution: String,
    test: String,
    entry_point: String,
}

/// Reads a file, gunzipping when it starts with the gzip magic.
pub(crate) fn read_maybe_gz(path: &Path) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut text = String::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut text)?;
        Ok(text)
    } else {
        String::from_utf8(bytes)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    }
}

pub fn import_humaneval(file: &Path, out: &Path) -> std::io::Result<ImportSummary> {
    let text = read_maybe_gz(file)?;
    let mut summary = ImportSummary::default();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row: Row = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                summary.warnings.push(format!(
                    "{}:{}: not a HumanEval row ({e}); skipped",
                    file.display(),
                    i + 1
                ));
                continue;
            }
        };
        let id = slug(&row.task_id);
        let manifest = format!(
            "# Imported from HumanEval ({task}).\nid = {id}\ntitle = {title}\nkind = \"function\"\nstatement = \"prompt.py\"\nprompt = \"prompt.py\"\nentry_point = {entry}\ncheck = \"test.py\"\ntags = [\"humaneval\"]\n\n[checker]\nkind = \"literal\"\n\n[limits]\nlevel0_fuel = {CHECK_FUEL}\n",
            task = row.task_id,
            id = toml_str(&id),
            title = toml_str(&format!("{}: {}", row.task_id, row.entry_point)),
            entry = toml_str(&row.entry_point),
        );
        ProblemFiles {
            id,
            problem: vec![
                ("problem.toml".into(), manifest),
                ("prompt.py".into(), row.prompt.clone()),
                ("test.py".into(), row.test),
            ],
            reference: vec![(
                "ref.py".into(),
                format!("{}{}", row.prompt, row.canonical_solution),
            )],
        }
        .write(out)?;
        summary.imported += 1;
    }
    Ok(summary)
}
