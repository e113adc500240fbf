//! `fuelgauge import enamel CSV`: ENAMEL's `dataset/enamel.csv` (Qiu et al., ICLR 2025) as
//! `function` problems whose inputs are exactly ENAMEL's.
//!
//! ENAMEL generates test t = 0..19 (levels of 8/4/4/4 tests) of problem i by running
//! `prompt + "\n" + input_generator` with `random`, `string`, `math`, `copy`, `time` and the
//! helpers of its `datautils` module in scope, then `random.seed(998244353 ^ i ^ t)` and
//! `generate_input(size=s_level, lid=level, cid=case)`. The imported `gen.py` does the same
//! inside fuelgauge's sandbox (it ignores the `rng` fuelgauge passes). Answers come from the
//! reference (`prompt + "\n" + reference_solution`); weights 0/3/3/4; α = 2.

use std::path::Path;

use super::write::{ImportSummary, ProblemFiles, toml_str};

/// ENAMEL leaves these 22 trivial problems out of its aggregates; so do we, by default.
pub const ENAMEL_EXCLUDED: [usize; 22] = [
    2, 23, 41, 45, 53, 60, 71, 92, 97, 99, 102, 123, 124, 135, 137, 138, 144, 148, 156, 157, 159,
    160,
];

const SEED_BASE: u64 = 998_244_353;

/// ENAMEL's time limit is `2 · ref_max + 0.01 s`. On the small inputs of level 0 the 0.01 s
/// dominates, so a correct but slowish sample passes level 0 there. In fuel, 0.01 s is taken
/// at the highest rate measured for the Python runtime, 296 G fuel per native second
/// (`README.md`, "ENAMEL, exactly"), so that no sample ENAMEL passes on level 0 fails it here.
pub const LEVEL0_TOLERANCE_FUEL: u64 = 3_000_000_000;

/// Whether a checker is ENAMEL's plain comparison (top-level types, then `==`), which our
/// `python_equal` checker does on the host (no interpreter per test).
fn is_strict_equality(checker: &str) -> bool {
    let body: Vec<String> = checker
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    body.len() == 2
        && body[0].starts_with("def __check(")
        && [
            "return type(output) == type(answer) and output == answer",
            "return output == answer and type(output) == type(answer)",
        ]
        .contains(&body[1].as_str())
}

pub fn import_enamel(
    csv_path: &Path,
    helpers: Option<&Path>,
    out: &Path,
) -> std::io::Result<ImportSummary> {
    let helpers_src = match helpers {
        Some(p) => std::fs::read_to_string(p)?,
        None => String::new(),
    };
    let mut reader = csv::Reader::from_path(csv_path).map_err(std::io::Error::other)?;
    let headers = reader.headers().map_err(std::io::Error::other)?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let needed = [
        "task_id",
        "entry_point",
        "prompt",
        "input_generator",
        "input_levels",
        "reference_solution",
        "checker",
    ];
    let mut cols = Vec::new();
    for n in needed {
        cols.push(col(n).ok_or_else(|| {
            std::io::Error::other(format!(
                "{}: no `{n}` column; is this ENAMEL's enamel.csv?",
                csv_path.display()
            ))
        })?);
    }
    let mut summary = ImportSummary::default();
    for (i, record) in reader.records().enumerate() {
        let at = format!("{}: row {i}", csv_path.display());
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                summary
                    .warnings
                    .push(format!("{at}: unreadable ({e}); skipped"));
                continue;
            }
        };
        let f = |k: usize| record.get(cols[k]).unwrap_or_default().to_owned();
        let (task, entry, prompt, generator, levels, solution, checker) =
            (f(0), f(1), f(2), f(3), f(4), f(5), f(6));
        let sizes: Vec<u64> = match levels
            .split_whitespace()
            .map(str::parse)
            .collect::<Result<Vec<u64>, _>>()
        {
            Ok(s) if s.len() == 4 => s,
            _ => {
                summary.warnings.push(format!(
                    "{at}: input_levels {levels:?} is not 4 integers; skipped"
                ));
                continue;
            }
        };
        // ENAMEL's problem index is the row's position in its enamel.csv, which is the
        // HumanEval number; the number of `HumanEval/<n>` is used, so that a file with some
        // rows only still maps `12` to `enamel-12` and seeds its inputs as ENAMEL does.
        let i = match task.rsplit_once('/').map(|(_, n)| n.parse::<usize>()) {
            Some(Ok(n)) => {
                if n != i {
                    summary.notes.push(format!(
                        "{at}: task {task} is on row {i}; it is imported as enamel-{n}, with ENAMEL's seeds for index {n}"
                    ));
                }
                n
            }
            _ => i,
        };
        let id = format!("enamel-{i}");
        let excluded = ENAMEL_EXCLUDED.contains(&i);
        let strict = is_strict_equality(&checker);
        let checker_toml = if strict {
            "kind = \"python_equal\"".to_owned()
        } else {
            "kind = \"custom\"\nprogram = \"check.py\"".to_owned()
        };
        let manifest = format!(
            "# Imported from ENAMEL ({task}, row {i}).\nid = {id_s}\ntitle = {title}\nkind = \"function\"\nstatement = \"prompt.py\"\nprompt = \"prompt.py\"\nentry_point = {entry_s}\ntags = [\"enamel\"]\nexcluded = {excluded}\nalpha = 2.0\n\n[checker]\n{checker_toml}\n\n[generator]\nprogram = \"gen.py\"\nsizes = [{}]\ntests = [8, 4, 4, 4]\nweights = [0, 3, 3, 4]\n\n# ENAMEL's rules: its 0.01 s tolerance on level 0, and MemoryError/OverflowError on a\n# level > 0 end the run like a time-out (the sample still passes).\n[limits]\nlevel0_tolerance_fuel = {LEVEL0_TOLERANCE_FUEL}\ncensor_errors = [\"MemoryError\", \"OverflowError\"]\n",
            sizes
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            id_s = toml_str(&id),
            title = toml_str(&format!("{task}: {entry}")),
            entry_s = toml_str(&entry),
        );
        let gen_py = format!(
            "# ENAMEL's test generation for problem {i} ({task}), reproduced exactly.\n\
             import random, string, math, copy, time\n\
             # --- datautils helpers (from --helpers) ---\n{helpers_src}\n\
             # --- prompt ---\n{prompt}\n\
             # --- input_generator ---\n{generator}\n\n\
             _LEVEL_TESTS = [8, 4, 4, 4]\n\n\
             def generate(rng, size, level, case):\n\
             \x20   t = sum(_LEVEL_TESTS[:level]) + case\n\
             \x20   random.seed({SEED_BASE} ^ {i} ^ t)\n\
             \x20   return tuple(generate_input(size=size, lid=level, cid=case))\n"
        );
        let mut problem = vec![
            ("problem.toml".to_owned(), manifest),
            ("prompt.py".into(), prompt.clone()),
            ("gen.py".into(), gen_py),
        ];
        if !strict {
            problem.push((
                "check.py".into(),
                format!(
                    "# ENAMEL's checker for problem {i}, with the prompt's helpers in scope.\n\
                     import sys, pickle, random, string, math, copy, time\n\
                     sys.set_int_max_str_digits(0)\n{prompt}\n\n{checker}\n\n\
                     _input, _answer, _output = pickle.loads(sys.stdin.buffer.read())\n\
                     sys.exit(0 if __check(_input, _answer, _output) else 1)\n"
                ),
            ));
        }
        ProblemFiles {
            id,
            problem,
            reference: vec![("ref.py".into(), format!("{prompt}\n{solution}"))],
        }
        .write(out)?;
        summary.imported += 1;
        summary.excluded += usize::from(excluded);
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_plain_strict_checker() {
        assert!(is_strict_equality(
            "def __check(input, answer, output):\n    return type(output) == type(answer) and output == answer\n"
        ));
        assert!(!is_strict_equality(
            "def __check(input, answer, output):\n    return abs(output - answer) < 1e-4\n"
        ));
    }
}
