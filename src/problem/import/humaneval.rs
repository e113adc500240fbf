//! `fuelgauge import humaneval FILE`: HumanEval's JSONL (optionally gzipped) as `function`
//! problems judged on the host, with the canonical solution as the Python reference. Without
//! levels these problems give pass@k, not eff@k.
//!
//! HumanEval's own test is a program, `check(candidate)`, that asserts. Run in the
//! candidate's interpreter it can be defeated (an `__eq__` that is always true, a patched
//! `exec`), so it is converted at import instead: `check` runs once against the canonical
//! solution through a recording proxy, and every call it makes becomes a test (`tests/*.in`,
//! the argument tuple) whose expected answer is the canonical solution's, compared on the
//! host. Then each call's answer is perturbed in turn: a check that still passes does not pin
//! that answer (it tests a property, or ignores the result), so the strict test is stricter
//! than HumanEval's; such problems are tagged `check-inexact` and reported. A check that
//! cannot be converted at all (non-literal arguments, keyword arguments, a failure on the
//! canonical solution) is reported and the problem is not written.

use std::io::Read as _;
use std::path::Path;

use super::write::{ImportSummary, ProblemFiles, slug, toml_str};

/// Converted checks get 2·10^10 fuel per test: correctness only, never a budget.
const CHECK_FUEL: u64 = 20_000_000_000;
/// HumanEval's checks compare floats within 1e-6 where they use a tolerance at all.
const FLOAT_TOL: f64 = 1e-6;

/// Records the calls `check` makes and probes which answers it pins. Trusted code (the
/// dataset's check and canonical solution), run in the Python runtime; prints one JSON line.
const RECORDER: &str = r#"
import json, marshal, sys
sys.setrecursionlimit(20000)

_PLAIN = frozenset({bool, int, float, complex, str, bytes, type(None), list, tuple, dict, set, frozenset})

def _foreign(value):
    # The first type in `value` that is not plain (for the message).
    stack, seen = [value], set()
    while stack:
        v = stack.pop()
        if id(v) in seen:
            continue
        seen.add(id(v))
        t = type(v)
        if t not in _PLAIN:
            return t
        if t is dict:
            stack.extend(v.keys())
            stack.extend(v.values())
        elif t in (list, tuple, set, frozenset):
            stack.extend(v)
    return None

def _literal(args):
    # marshal accepts exact builtin types only; what it accepts has a C repr, a literal.
    try:
        marshal.dumps(args, 2)
    except ValueError:
        t = _foreign(args)
        raise TypeError("check() passes a " + (t.__qualname__ if t else "deeply nested") + " argument") from None
    return repr(args)

def _perturb(v):
    t = type(v)
    if t is bool: return not v
    if t is int: return v + 1
    if t is float: return v + 1e-3 * max(1.0, abs(v)) if v == v and abs(v) != float("inf") else 0.0
    if t is str: return v + "\x00"
    if t is bytes: return v + b"\x00"
    if t is list: return v + [None]
    if t is tuple: return v + (None,)
    if t is dict: return {**v, ("fuelgauge",): None}
    if t is set: return v | {("fuelgauge",)}
    if v is None: return 0
    return object()

def _main():
    calls = []
    def record(*args, **kwargs):
        if kwargs:
            raise TypeError("check() passes keyword arguments")
        calls.append(_literal(args))
        return _entry(*args)
    try:
        _check(record)
    except BaseException as e:
        return {"error": "check() fails on the canonical solution or cannot be recorded: " + type(e).__name__ + ": " + str(e)[:200]}
    if not calls:
        return {"error": "check() never calls the candidate"}
    unpinned = []
    for i in range(len(calls)):
        seen = [0]
        def probe(*args):
            j = seen[0]
            seen[0] += 1
            r = _entry(*args)
            return _perturb(r) if j == i else r
        try:
            _check(probe)
            unpinned.append(i)
        except BaseException:
            pass
    return {"calls": calls, "unpinned": unpinned}

print(json.dumps(_main()))
"#;

/// What the recorder found.
#[derive(serde::Deserialize)]
struct Recorded {
    #[serde(default)]
    calls: Vec<String>,
    #[serde(default)]
    unpinned: Vec<usize>,
    error: Option<String>,
}

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

/// Imports HumanEval; `run_python` runs a trusted Python program and returns its stdout
/// (or why it failed).
pub fn import_humaneval(
    file: &Path,
    out: &Path,
    run_python: &(dyn Fn(&str) -> Result<Vec<u8>, String> + Sync),
) -> std::io::Result<ImportSummary> {
    use rayon::prelude::*;
    let text = read_maybe_gz(file)?;
    let mut summary = ImportSummary::default();
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Row>(line) {
            Ok(r) => rows.push(r),
            Err(e) => summary.warnings.push(format!(
                "{}:{}: not a HumanEval row ({e}); skipped",
                file.display(),
                i + 1
            )),
        }
    }
    let converted: Vec<Result<Recorded, String>> = rows
        .par_iter()
        .map(|row| {
            let program = format!(
                "{}{}\n\n{}\n\n_entry, _check = {}, check\n{RECORDER}",
                row.prompt, row.canonical_solution, row.test, row.entry_point
            );
            let stdout = run_python(&program)?;
            serde_json::from_slice::<Recorded>(&stdout)
                .map_err(|e| format!("the recorder printed no result ({e})"))
        })
        .collect();
    for (row, recorded) in rows.iter().zip(converted) {
        let recorded = match recorded {
            Ok(Recorded {
                error: Some(error), ..
            })
            | Err(error) => {
                summary.warnings.push(format!(
                    "{}: {}: {error}; not imported",
                    file.display(),
                    row.task_id
                ));
                continue;
            }
            Ok(r) => r,
        };
        let id = slug(&row.task_id);
        let inexact = !recorded.unpinned.is_empty();
        if inexact {
            summary.notes.push(format!(
                "{}: {}: check() accepts a wrong answer on {} of its {} calls (it tests a property or ignores the result); imported with strict tests, tagged check-inexact",
                file.display(),
                row.task_id,
                recorded.unpinned.len(),
                recorded.calls.len()
            ));
        }
        let note = if inexact {
            format!(
                "# check() does not pin the answers of calls {:?}: these tests are stricter than HumanEval's.\n",
                recorded.unpinned
            )
        } else {
            String::new()
        };
        let manifest = format!(
            "# Imported from HumanEval ({task}); tests/ are the calls its check() makes, answered by the canonical solution.\n{note}id = {id}\ntitle = {title}\nkind = \"function\"\nstatement = \"prompt.py\"\nprompt = \"prompt.py\"\nentry_point = {entry}\ntags = [\"humaneval\"{tag}]\n\n[checker]\nkind = \"literal\"\nfloat_tol = {FLOAT_TOL:e}\n\n[limits]\nlevel0_fuel = {CHECK_FUEL}\n",
            task = row.task_id,
            id = toml_str(&id),
            title = toml_str(&format!("{}: {}", row.task_id, row.entry_point)),
            entry = toml_str(&row.entry_point),
            tag = if inexact { ", \"check-inexact\"" } else { "" },
        );
        let mut problem = vec![
            ("problem.toml".into(), manifest),
            ("prompt.py".into(), row.prompt.clone()),
            ("check.py.txt".into(), row.test.clone()),
        ];
        for (i, call) in recorded.calls.iter().enumerate() {
            problem.push((format!("tests/call-{i:03}.in"), call.clone()));
        }
        ProblemFiles {
            id,
            problem,
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
