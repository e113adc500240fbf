//! Finding submissions: folders of files, EvalPlus-style JSONL, ENAMEL samples JSON.
//!
//! Whatever cannot be used (an unknown problem id, an unknown extension, a malformed line)
//! becomes one warning naming the file and line; everything else is still scored.

use std::collections::BTreeSet;
use std::path::Path;

use super::source::{Language, Source};

/// One candidate program for one problem, from one system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub system: String,
    pub problem: String,
    /// Unique within (system, problem): a file name or `file.jsonl:LINE`.
    pub name: String,
    pub source: Source,
}

/// What the collector needs to know about a problem.
pub trait ProblemIndex {
    /// Problem ids, sorted.
    fn ids(&self) -> Vec<String>;
    /// For `function` problems: the prompt a completion is appended to.
    fn prompt(&self, id: &str) -> Option<String>;
}

#[derive(Debug, Default)]
pub struct Collected {
    pub submissions: Vec<Submission>,
    pub warnings: Vec<String>,
}

/// Collects every submission under `paths`.
pub fn collect(paths: &[std::path::PathBuf], problems: &dyn ProblemIndex) -> Collected {
    let ids: BTreeSet<String> = problems.ids().into_iter().collect();
    let mut out = Collected::default();
    // Symlinks are followed only within the folders given.
    let roots: Vec<std::path::PathBuf> = paths
        .iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    for path in paths {
        if path.is_dir() {
            collect_dir(path, &roots, &ids, &mut out);
        } else if path.extension().is_some_and(|e| e == "jsonl") {
            collect_jsonl(path, problems, &ids, &mut out);
        } else if path.extension().is_some_and(|e| e == "json") {
            collect_enamel(path, problems, &ids, &mut out);
        } else {
            out.warnings.push(format!(
                "{}: not a folder, .jsonl or .json file; pass a solutions folder, an EvalPlus JSONL or an ENAMEL samples JSON",
                path.display()
            ));
        }
    }
    out.submissions
        .sort_by(|a, b| (&a.system, &a.problem, &a.name).cmp(&(&b.system, &b.problem, &b.name)));
    out
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn sorted_entries(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map(|r| r.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// `<system>/<problem>/<files>` or, when the folder's children are problems, `<problem>/<files>`.
/// A problem folder is named by its id or, in EvalPlus's layout, by its task id with `/` as
/// `_` (`HumanEval_0` → `HumanEval/0` → `humaneval-0`).
fn collect_dir(
    dir: &Path,
    roots: &[std::path::PathBuf],
    ids: &BTreeSet<String>,
    out: &mut Collected,
) {
    let children: Vec<_> = sorted_entries(dir)
        .into_iter()
        .filter(|p| p.is_dir())
        .collect();
    let one_system = children
        .iter()
        .any(|c| folder_problem(&name_of(c), ids).is_some());
    let name = name_of(&std::fs::canonicalize(dir).unwrap_or(dir.to_owned()));
    if one_system {
        collect_system(&name, dir, roots, ids, out);
    } else {
        for system in children {
            collect_system(&name_of(&system), &system, roots, ids, out);
        }
    }
}

/// The problem a folder holds: its name as a problem id, or EvalPlus's `<Dataset>_<n>`.
pub fn folder_problem(name: &str, ids: &BTreeSet<String>) -> Option<String> {
    if ids.contains(name) {
        return Some(name.to_owned());
    }
    let (dataset, number) = name.rsplit_once('_')?;
    if dataset.is_empty() || number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    resolve(&format!("{dataset}/{number}"), ids)
}

/// Whether a folder entry is a source to read: a regular file, or a symlink to one inside the
/// solutions folders given (`roots`; `Ok(false)`: a folder, passed over). A symlink out of
/// them could name any host file, whose text would reach the results in a compile error; a
/// FIFO or a device would block or never end.
fn readable(path: &Path, roots: &[std::path::PathBuf]) -> Result<bool, &'static str> {
    let kind = std::fs::symlink_metadata(path)
        .map_err(|_| "cannot be read")?
        .file_type();
    if kind.is_dir() {
        return Ok(false);
    }
    if kind.is_symlink() {
        let target = std::fs::canonicalize(path).map_err(|_| "a broken symlink")?;
        if !roots.iter().any(|root| target.starts_with(root)) {
            return Err("a symlink out of the solutions folder (not followed)");
        }
        return match std::fs::metadata(&target) {
            Ok(m) if m.is_file() => Ok(true),
            Ok(m) if m.is_dir() => Ok(false),
            _ => Err("a symlink to something other than a file"),
        };
    }
    if kind.is_file() {
        Ok(true)
    } else {
        Err("not a regular file (a FIFO, socket or device)")
    }
}

fn collect_system(
    system: &str,
    dir: &Path,
    roots: &[std::path::PathBuf],
    ids: &BTreeSet<String>,
    out: &mut Collected,
) {
    for problem_dir in sorted_entries(dir) {
        let folder = name_of(&problem_dir);
        if !problem_dir.is_dir() {
            continue;
        }
        let Some(problem) = folder_problem(&folder, ids) else {
            out.warnings.push(format!(
                "{}: no problem `{folder}` in the problem set; skipped",
                problem_dir.display()
            ));
            continue;
        };
        for file in sorted_entries(&problem_dir) {
            match readable(&file, roots) {
                Ok(true) => {}
                Ok(false) => continue,
                Err(why) => {
                    out.warnings
                        .push(format!("{}: {why}; skipped", file.display()));
                    continue;
                }
            }
            match Source::read(&file) {
                Ok(source) => out.submissions.push(Submission {
                    system: system.to_owned(),
                    problem: problem.clone(),
                    name: name_of(&file),
                    source,
                }),
                Err(e) => out.warnings.push(format!("{e}; skipped")),
            }
        }
    }
}

/// Maps a task id to a problem id: the id itself; lowercased with `/` as `-`
/// (`HumanEval/12` → `humaneval-12`); its last path segment; or the one problem whose id ends
/// in `-<that segment>` (ENAMEL's index `12` → `enamel-12`).
pub fn resolve(task: &str, ids: &BTreeSet<String>) -> Option<String> {
    let lower = task.to_ascii_lowercase();
    let last = lower.rsplit('/').next().unwrap_or(&lower).to_owned();
    let direct = [
        task.to_owned(),
        lower.replace('/', "-"),
        lower.clone(),
        last.clone(),
    ];
    if let Some(found) = direct.into_iter().find(|c| ids.contains(c)) {
        return Some(found);
    }
    only_ending_in(ids, &last)
}

/// The one problem whose id ends in `-<tail>`, if exactly one does.
fn only_ending_in(ids: &BTreeSet<String>, tail: &str) -> Option<String> {
    let suffix = format!("-{tail}");
    let mut matches = ids.iter().filter(|id| id.ends_with(&suffix));
    match (matches.next(), matches.next()) {
        (Some(only), None) => Some(only.clone()),
        _ => None,
    }
}

/// A completion goes after the prompt on a line of its own (HumanEval's prompts end with a
/// newline, ENAMEL's do not); a code that already contains the prompt (a whole program, as in
/// ENAMEL's own samples files) is taken as it is, not given the prompt twice.
pub fn with_prompt(prompt: &str, code: &str) -> String {
    let trimmed = prompt.trim();
    if trimmed.is_empty() || code.contains(trimmed) {
        code.to_owned()
    } else if prompt.ends_with('\n') {
        format!("{prompt}{code}")
    } else {
        format!("{prompt}\n{code}")
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// EvalPlus convention: one object per line with `task_id` and `solution` (a whole program)
/// or `completion` (appended to the problem's prompt). Python unless `language` says
/// otherwise (`c`, `cpp`, `python`).
fn collect_jsonl(
    path: &Path,
    problems: &dyn ProblemIndex,
    ids: &BTreeSet<String>,
    out: &mut Collected,
) {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            return out
                .warnings
                .push(format!("{}: cannot read ({e})", path.display()));
        }
    };
    let system = stem(path);
    for (i, line) in text.lines().enumerate() {
        let at = format!("{}:{}", path.display(), i + 1);
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                out.warnings
                    .push(format!("{at}: malformed JSON ({e}); line skipped"));
                continue;
            }
        };
        let field = |k: &str| value.get(k).and_then(|v| v.as_str());
        let Some(task) = field("task_id") else {
            out.warnings
                .push(format!("{at}: no string `task_id`; line skipped"));
            continue;
        };
        let Some(problem) = resolve(task, ids) else {
            out.warnings.push(format!(
                "{at}: no problem `{task}` in the problem set; line skipped"
            ));
            continue;
        };
        let Some(code) = jsonl_code(&value, || problems.prompt(&problem).unwrap_or_default())
        else {
            out.warnings.push(format!(
                "{at}: neither `solution` nor `completion`; line skipped"
            ));
            continue;
        };
        let language = match jsonl_language(&value) {
            Ok(language) => language,
            Err(other) => {
                out.warnings.push(format!(
                    "{at}: unknown language `{other}` (c, cpp, python); line skipped"
                ));
                continue;
            }
        };
        out.submissions.push(Submission {
            system: system.clone(),
            problem,
            name: format!("{}:{:06}", name_of(path), i + 1),
            source: Source::new(at, language, code.into_bytes()),
        });
    }
}

/// An EvalPlus line's code: its `solution`, else its `completion` after the problem's
/// `prompt`; `None` when it has neither.
pub fn jsonl_code(line: &serde_json::Value, prompt: impl FnOnce() -> String) -> Option<String> {
    let field = |k: &str| line.get(k).and_then(|v| v.as_str());
    match (field("solution"), field("completion")) {
        (Some(s), _) => Some(s.to_owned()),
        (None, Some(c)) => Some(with_prompt(&prompt(), c)),
        (None, None) => None,
    }
}

/// An EvalPlus line's `language` (Python when absent); `Err` names an unknown one.
pub fn jsonl_language(line: &serde_json::Value) -> Result<Language, &str> {
    match line
        .get("language")
        .and_then(|v| v.as_str())
        .unwrap_or("python")
    {
        "c" => Ok(Language::C),
        "cpp" | "c++" => Ok(Language::Cpp),
        "python" | "py" => Ok(Language::Python),
        other => Err(other),
    }
}

/// ENAMEL's samples file (`samples/*.json` of its repository): a list indexed by HumanEval
/// problem number, one list of codes per problem, or a map `{"<index>": [code, …]}`. Index
/// `i` means `enamel-<i>` (else the problem id equal to the key, else the one problem whose id
/// ends in `-<i>`); an index with no problem is a warning, an empty slot (`null`, `[]`) is
/// skipped. As in ENAMEL, each code runs after the problem's prompt, unless it already
/// contains it.
fn collect_enamel(
    path: &Path,
    problems: &dyn ProblemIndex,
    ids: &BTreeSet<String>,
    out: &mut Collected,
) {
    let shape_help =
        "expected ENAMEL's [[code, …], …] (indexed by problem number) or {\"<index>\": [code, …]}";
    let parsed: Result<serde_json::Value, String> = std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()));
    let entries: Vec<(String, serde_json::Value)> = match parsed {
        Ok(serde_json::Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        Ok(serde_json::Value::Object(map)) => map.into_iter().collect(),
        Ok(_) => {
            return out.warnings.push(format!(
                "{}: not an ENAMEL samples file; {shape_help}",
                path.display()
            ));
        }
        Err(e) => {
            return out.warnings.push(format!(
                "{}: not an ENAMEL samples file ({e}); {shape_help}",
                path.display()
            ));
        }
    };
    let system = stem(path);
    for (key, codes) in entries {
        let at = format!("{}[{key}]", path.display());
        let codes: Option<Vec<String>> = match codes {
            serde_json::Value::Null => continue,
            serde_json::Value::Array(items) => items
                .into_iter()
                .map(|c| c.as_str().map(str::to_owned))
                .collect(),
            _ => None,
        };
        let Some(codes) = codes else {
            out.warnings
                .push(format!("{at}: not a list of code strings; skipped"));
            continue;
        };
        if codes.is_empty() {
            continue;
        }
        let Some(problem) = resolve_index(&key, ids) else {
            out.warnings.push(format!(
                "{at}: no problem enamel-{key} (or `{key}`) in the problem set; {} samples skipped",
                codes.len()
            ));
            continue;
        };
        let prompt = problems.prompt(&problem).unwrap_or_default();
        for (j, code) in codes.into_iter().enumerate() {
            out.submissions.push(Submission {
                system: system.clone(),
                problem: problem.clone(),
                name: format!("{}#{key}.{j:04}", name_of(path)),
                source: Source::new(
                    format!("{at}[{j}]"),
                    Language::Python,
                    with_prompt(&prompt, &code).into_bytes(),
                ),
            });
        }
    }
}

/// An ENAMEL index: `enamel-<i>`, else the problem id itself, else the one problem whose id
/// ends in `-<i>`.
fn resolve_index(key: &str, ids: &BTreeSet<String>) -> Option<String> {
    let enamel = format!("enamel-{key}");
    if ids.contains(&enamel) {
        return Some(enamel);
    }
    if ids.contains(key) {
        return Some(key.to_owned());
    }
    if key.bytes().all(|b| b.is_ascii_digit()) {
        only_ending_in(ids, key)
    } else {
        None
    }
}
