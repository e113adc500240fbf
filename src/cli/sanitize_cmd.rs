//! `fuelgauge sanitize SOLUTIONS`: a sanitized copy of a solutions folder or JSONL file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use super::args::{GlobalArgs, SanitizeArgs};
use super::context::context;
use super::exit;
use super::output::write_file;
use crate::candidate::{
    Language, Source, folder_problem, jsonl_code, jsonl_language, resolve_task,
};
use crate::judge::Context;
use crate::pipeline::sanitize::sanitize;
use crate::problem::{Problem, default_references_dir, load_set};

pub(crate) fn run(global: &GlobalArgs, args: &SanitizeArgs) -> anyhow::Result<ExitCode> {
    let (problems, _) = load_set(&args.problems, &default_references_dir(&args.problems))?;
    let ids: BTreeSet<String> = problems.iter().map(|p| p.id.clone()).collect();
    let ctx = context(global, args.jobs.get())?;
    let input = &args.solutions;
    let is_jsonl = input.extension().is_some_and(|e| e == "jsonl");
    if !input.is_dir() && !is_jsonl {
        anyhow::bail!(
            "{}: not a folder or .jsonl file; sanitize takes a solutions folder or an EvalPlus JSONL",
            input.display()
        );
    }
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| sibling(input, is_jsonl));
    refuse_overlap(input, &output)?;
    let job = Job {
        ctx: &ctx,
        problems: &problems,
        ids: &ids,
    };
    let tally = if is_jsonl {
        job.jsonl(input, &output)?
    } else {
        job.folder(input, &output)?
    };
    for w in &tally.warnings {
        eprintln!("warning: {w}");
    }
    eprintln!(
        "sanitized {} of {} samples into {}",
        tally.changed,
        tally.total,
        output.display()
    );
    Ok(if tally.warnings.is_empty() {
        exit::SUCCESS
    } else {
        exit::error()
    })
}

/// The copy must not be the input or inside it: sanitizing in place loses the original, and a
/// folder written inside the one being walked would be walked too.
fn refuse_overlap(input: &Path, output: &Path) -> anyhow::Result<()> {
    let (i, o) = (resolved(input)?, resolved(output)?);
    if o.starts_with(&i) || i.starts_with(&o) {
        anyhow::bail!(
            "{}: the sanitized copy would be written into its own input {} (or around it); choose -o beside it",
            output.display(),
            input.display()
        );
    }
    Ok(())
}

/// The absolute path `p` names once its missing parts are created (as `create_dir_all` does):
/// existing parts resolved with their symlinks, `..` after a missing part taken lexically.
fn resolved(p: &Path) -> anyhow::Result<PathBuf> {
    let mut at = std::env::current_dir().context("no current directory")?;
    for part in p.components() {
        use std::path::Component::*;
        match part {
            RootDir | Prefix(_) => at = PathBuf::from("/"),
            CurDir => {}
            ParentDir => {
                at.pop();
            }
            Normal(name) => {
                at.push(name);
                if let Ok(real) = std::fs::canonicalize(&at) {
                    at = real;
                }
            }
        }
    }
    Ok(at)
}

/// `x.jsonl` → `x-sanitized.jsonl`; `dir` → `dir-sanitized`, beside the input (EvalPlus's names).
fn sibling(input: &Path, is_jsonl: bool) -> PathBuf {
    let name = input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "solutions".into());
    let new = if is_jsonl {
        format!("{}-sanitized.jsonl", name.trim_end_matches(".jsonl"))
    } else {
        format!("{name}-sanitized")
    };
    input.with_file_name(new)
}

#[derive(Default)]
struct Tally {
    total: usize,
    changed: usize,
    warnings: Vec<String>,
}

/// What sanitizing needs: the sandbox, and the problems' prompts and entry points.
struct Job<'a> {
    ctx: &'a Context,
    problems: &'a [Problem],
    ids: &'a BTreeSet<String>,
}

impl Job<'_> {
    fn problem(&self, id: &str) -> Option<&Problem> {
        self.problems.iter().find(|p| p.id == id)
    }

    /// The sanitized code, counted; the original (and a warning) when the sanitizer fails.
    fn clean(
        &self,
        tally: &mut Tally,
        origin: &str,
        code: &[u8],
        problem: Option<&str>,
    ) -> Vec<u8> {
        tally.total += 1;
        let entry = problem
            .and_then(|id| self.problem(id))
            .and_then(Problem::function_entry);
        let source = Source::new(origin, Language::Python, code.to_vec());
        match sanitize(self.ctx, &source, entry) {
            Ok(s) => {
                tally.changed += usize::from(s.bytes != code);
                s.bytes
            }
            Err(e) => {
                tally.warnings.push(format!(
                    "{origin}: the sanitizer failed ({e}); kept as it is"
                ));
                code.to_vec()
            }
        }
    }

    /// Every line's code becomes a sanitized `solution` (a `completion` is joined to the
    /// problem's prompt first, as EvalPlus does); other fields are kept, and lines that cannot
    /// be read are copied unchanged, with a warning.
    fn jsonl(&self, input: &Path, output: &Path) -> anyhow::Result<Tally> {
        let bytes =
            std::fs::read(input).with_context(|| format!("failed to read {}", input.display()))?;
        let mut tally = Tally::default();
        let mut out: Vec<u8> = Vec::new();
        let text = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
        let lines = text
            .split(|&b| b == b'\n')
            .take_while(|_| !bytes.is_empty());
        for (i, raw) in lines.enumerate() {
            let at = format!("{}:{}", input.display(), i + 1);
            let line = String::from_utf8_lossy(raw.strip_suffix(b"\r").unwrap_or(raw));
            let parsed: Option<serde_json::Value> = std::str::from_utf8(raw)
                .ok()
                .and_then(|l| serde_json::from_str(l).ok())
                .filter(serde_json::Value::is_object);
            let Some(mut value) = parsed else {
                if !line.trim().is_empty() {
                    tally
                        .warnings
                        .push(format!("{at}: not a UTF-8 JSON object; copied unchanged"));
                }
                // Byte for byte, invalid UTF-8 and all.
                out.extend_from_slice(raw);
                out.push(b'\n');
                continue;
            };
            let task = value.get("task_id").and_then(|v| v.as_str()).unwrap_or("");
            let problem = resolve_task(task, self.ids);
            let prompt = || {
                problem
                    .as_deref()
                    .and_then(|id| self.problem(id))
                    .and_then(|p| p.prompt.clone())
                    .unwrap_or_default()
            };
            let Some(code) = jsonl_code(&value, prompt) else {
                tally.warnings.push(format!(
                    "{at}: neither `solution` nor `completion`; copied unchanged"
                ));
                out.extend_from_slice(raw);
                out.push(b'\n');
                continue;
            };
            let sanitized = if jsonl_language(&value) == Ok(Language::Python) {
                let clean = self.clean(&mut tally, &at, code.as_bytes(), problem.as_deref());
                String::from_utf8_lossy(&clean).into_owned()
            } else {
                code
            };
            if let Some(object) = value.as_object_mut() {
                object.remove("completion");
                object.insert("solution".into(), serde_json::Value::String(sanitized));
            }
            out.extend_from_slice(serde_json::to_string(&value)?.as_bytes());
            out.push(b'\n');
        }
        write_file(output, &out)?;
        Ok(tally)
    }

    /// The folder is copied file by file; `.py` files are sanitized, with the entry point of
    /// the problem their folder names.
    fn folder(&self, input: &Path, output: &Path) -> anyhow::Result<Tally> {
        let mut tally = Tally::default();
        let mut stack = vec![input.to_owned()];
        while let Some(dir) = stack.pop() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
                .with_context(|| format!("failed to read {}", dir.display()))?
                .flatten()
                .map(|e| e.path())
                .collect();
            entries.sort();
            for path in entries {
                let file_type = std::fs::symlink_metadata(&path)?.file_type();
                if file_type.is_dir() {
                    stack.push(path);
                    continue;
                }
                if !file_type.is_file() {
                    tally
                        .warnings
                        .push(format!("{}: not a regular file; skipped", path.display()));
                    continue;
                }
                let rel = path.strip_prefix(input).unwrap_or(&path);
                let target = output.join(rel);
                std::fs::create_dir_all(target.parent().unwrap_or(output))
                    .with_context(|| format!("failed to create {}", output.display()))?;
                let bytes = std::fs::read(&path)
                    .with_context(|| format!("failed to read {}", path.display()))?;
                let bytes = if path.extension().is_some_and(|e| e == "py") {
                    let folder = dir
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let problem = folder_problem(&folder, self.ids);
                    self.clean(
                        &mut tally,
                        &path.display().to_string(),
                        &bytes,
                        problem.as_deref(),
                    )
                } else {
                    bytes
                };
                std::fs::write(&target, bytes)
                    .with_context(|| format!("failed to write {}", target.display()))?;
            }
        }
        Ok(tally)
    }
}
