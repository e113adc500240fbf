//! `fuelgauge import pie JSONL --tests DIR`: PIE's (slow, fast) C++ pairs as `stdio` problems
//! whose yardstick is the slow `input` program. Test cases come from
//! `DIR/<problem_id>/input.<n>.txt` and `output.<n>.txt`; outputs are compared as PIE does:
//! tokens equal, numbers within 1e-3. The fast `target` is kept as `reference/<id>/target.cpp`.

use std::path::Path;

use super::write::{ImportSummary, ProblemFiles, slug, toml_str};

#[derive(serde::Deserialize)]
struct Row {
    problem_id: String,
    input: String,
    target: Option<String>,
    tests: Option<Vec<u32>>,
}

pub fn import_pie(jsonl: &Path, tests_dir: &Path, out: &Path) -> std::io::Result<ImportSummary> {
    let text = std::fs::read_to_string(jsonl)?;
    let mut summary = ImportSummary::default();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{}:{}", jsonl.display(), i + 1);
        let row: Row = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                summary
                    .warnings
                    .push(format!("{at}: not a PIE row ({e}); skipped"));
                continue;
            }
        };
        let case_dir = tests_dir.join(&row.problem_id);
        let mut indices: Vec<u32> = match &row.tests {
            Some(t) => t.clone(),
            None => std::fs::read_dir(&case_dir)
                .map(|r| {
                    r.flatten()
                        .filter_map(|e| {
                            let name = e.file_name().to_string_lossy().into_owned();
                            name.strip_prefix("input.")?
                                .strip_suffix(".txt")?
                                .parse()
                                .ok()
                        })
                        .collect()
                })
                .unwrap_or_default(),
        };
        indices.sort_unstable();
        indices.dedup();
        let mut problem = Vec::new();
        for n in &indices {
            let read =
                |kind: &str| std::fs::read_to_string(case_dir.join(format!("{kind}.{n}.txt")));
            match (read("input"), read("output")) {
                (Ok(input), Ok(output)) => {
                    problem.push((format!("tests/{n:04}.in"), input));
                    problem.push((format!("tests/{n:04}.out"), output));
                }
                _ => summary.warnings.push(format!(
                    "{at}: test {n} missing in {}; skipped",
                    case_dir.display()
                )),
            }
        }
        if problem.is_empty() {
            summary.warnings.push(format!(
                "{at}: no test cases in {}; row skipped",
                case_dir.display()
            ));
            continue;
        }
        let id = format!("pie-{}-{i}", slug(&row.problem_id));
        let manifest = format!(
            "# Imported from PIE ({}, row {i}): the yardstick is the original (slow) program.\nid = {}\ntitle = {}\nkind = \"stdio\"\nstatement = \"statement.md\"\ntags = [\"pie\"]\n\n[checker]\nkind = \"float\"\nabs_tol = 1e-3\nrel_tol = 0.0\n",
            row.problem_id,
            toml_str(&id),
            toml_str(&format!("PIE {} (row {i})", row.problem_id)),
        );
        problem.push(("problem.toml".into(), manifest));
        problem.push((
            "statement.md".into(),
            format!("# Make this program faster\n\nKeep its output identical on every input; only speed may change.\n\n```cpp\n{}\n```\n", row.input),
        ));
        let mut reference = vec![("ref.cpp".to_owned(), row.input)];
        if let Some(target) = row.target {
            reference.push(("target.cpp".into(), target));
        }
        ProblemFiles {
            id,
            problem,
            reference,
        }
        .write(out)?;
        summary.imported += 1;
    }
    Ok(summary)
}
