//! Finding submissions: folders of files, EvalPlus-style JSONL, ENAMEL samples JSON.
//!
//! Whatever cannot be used (an unknown problem id, an unknown extension, a malformed line)
//! becomes one warning naming the file and line; everything else is still scored.

use std::collections::BTreeSet;
use std::io::{BufRead as _, BufReader, Read as _};
use std::path::Path;

use super::source::{
    Follow, Language, Source, SourceError, open_regular, read_bounded, read_within,
};

/// An ENAMEL samples file is one JSON value, read whole; larger ones are refused.
const MAX_SAMPLES_FILE_BYTES: u64 = 512 << 20;

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

/// Collects every submission under `paths`. No read takes more than it needs: a source file
/// is read up to `max_source_bytes + 1` (the toolchain refuses it as over the limit), a JSONL
/// line up to what a source of that size can take when escaped.
pub fn collect(
    paths: &[std::path::PathBuf],
    problems: &dyn ProblemIndex,
    max_source_bytes: u64,
) -> Collected {
    let mut out = Collected::default();
    let cx = Cx::new(problems, max_source_bytes);
    // Symlinks are followed only within the folders given.
    let roots: Vec<std::path::PathBuf> = paths
        .iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    for path in paths {
        if path.is_dir() {
            collect_dir(path, &roots, &cx, &mut out);
        } else if path.extension().is_some_and(|e| e == "jsonl") {
            collect_jsonl(path, &cx, &mut out);
        } else if path.extension().is_some_and(|e| e == "json") {
            collect_enamel(path, &cx, &mut out);
        } else {
            out.warnings.push(format!(
                "{}: not a folder, .jsonl or .json file; pass a solutions folder, an EvalPlus JSONL or an ENAMEL samples JSON",
                path.display()
            ));
        }
    }
    // Two inputs may hold samples of one name (`run1/samples.jsonl` and `run2/samples.jsonl`
    // are both system `samples`): their sources decide, never the order of the inputs.
    out.submissions.sort_by(|a, b| {
        (&a.system, &a.problem, &a.name, &a.source.bytes).cmp(&(
            &b.system,
            &b.problem,
            &b.name,
            &b.source.bytes,
        ))
    });
    out
}

/// What every collector needs.
struct Cx<'a> {
    ids: BTreeSet<String>,
    problems: &'a dyn ProblemIndex,
    max_source_bytes: u64,
}

impl<'a> Cx<'a> {
    fn new(problems: &'a dyn ProblemIndex, max_source_bytes: u64) -> Cx<'a> {
        Cx {
            ids: problems.ids().into_iter().collect(),
            problems,
            max_source_bytes,
        }
    }
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
fn collect_dir(dir: &Path, roots: &[std::path::PathBuf], cx: &Cx, out: &mut Collected) {
    let children: Vec<_> = sorted_entries(dir)
        .into_iter()
        .filter(|p| p.is_dir())
        .collect();
    let one_system = children
        .iter()
        .any(|c| folder_problem(&name_of(c), &cx.ids).is_some());
    let name = name_of(&std::fs::canonicalize(dir).unwrap_or(dir.to_owned()));
    if one_system {
        collect_system(&name, dir, roots, cx, out);
    } else {
        for system in children {
            match inside(&system, roots) {
                Ok(_) => collect_system(&name_of(&system), &system, roots, cx, out),
                Err(why) => out
                    .warnings
                    .push(format!("{}: {why}; skipped", system.display())),
            }
        }
    }
}

/// Where `path` really is, if that is inside the solutions folders given (`roots`): a symlink
/// out of them, to a file or a folder, could name any host file, whose text would reach the
/// results in a compile error.
fn inside(path: &Path, roots: &[std::path::PathBuf]) -> Result<std::path::PathBuf, &'static str> {
    let real = std::fs::canonicalize(path).map_err(|_| "a broken symlink or unreadable")?;
    if roots.iter().any(|root| real.starts_with(root)) {
        Ok(real)
    } else {
        Err("a symlink out of the solutions folder (not followed)")
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

/// Where to read a folder entry from: itself when it is a regular file, its target when it is
/// a symlink to one inside the solutions folders given (`roots`); `Ok(None)`: a folder without
/// a source extension, passed over. A symlink out of them could name any host file, whose
/// text would reach the results in a compile error; a FIFO or a device would block or never
/// end; a folder named like a source is most likely a layout mistake.
fn readable(
    path: &Path,
    roots: &[std::path::PathBuf],
) -> Result<Option<std::path::PathBuf>, &'static str> {
    // Every entry, not only a symlink: a folder on the way may be a link out.
    let target = inside(path, roots)?;
    let meta = std::fs::symlink_metadata(&target).map_err(|_| "cannot be read")?;
    if meta.is_dir() {
        return match Language::from_path(path) {
            Some(_) => Err("a folder named like a source file (not read)"),
            None => Ok(None),
        };
    }
    if meta.is_file() {
        Ok(Some(target))
    } else {
        Err("not a regular file (a FIFO, socket or device)")
    }
}

fn collect_system(
    system: &str,
    dir: &Path,
    roots: &[std::path::PathBuf],
    cx: &Cx,
    out: &mut Collected,
) {
    for problem_dir in sorted_entries(dir) {
        let folder = name_of(&problem_dir);
        if !problem_dir.is_dir() {
            continue;
        }
        if let Err(why) = inside(&problem_dir, roots) {
            out.warnings
                .push(format!("{}: {why}; skipped", problem_dir.display()));
            continue;
        }
        let Some(problem) = folder_problem(&folder, &cx.ids) else {
            out.warnings.push(format!(
                "{}: no problem `{folder}` in the problem set; skipped",
                problem_dir.display()
            ));
            continue;
        };
        for file in sorted_entries(&problem_dir) {
            let from = match readable(&file, roots) {
                Ok(Some(from)) => from,
                Ok(None) => continue,
                Err(why) => {
                    out.warnings
                        .push(format!("{}: {why}; skipped", file.display()));
                    continue;
                }
            };
            let Some(language) = Language::from_path(&file) else {
                out.warnings.push(format!(
                    "{}: unknown extension; fuelgauge runs .c, .cpp/.cc/.cxx, .py, .wasm and .wat; skipped",
                    file.display()
                ));
                continue;
            };
            // The entry's own name gives the language and the origin; the bytes come from
            // where it points.
            let read = read_bounded(&from, cx.max_source_bytes, Follow::No)
                .map(|bytes| Source::new(file.display().to_string(), language, bytes));
            match read {
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
fn collect_jsonl(path: &Path, cx: &Cx, out: &mut Collected) {
    match open_regular(path, Follow::Yes) {
        Ok(file) => jsonl_from(BufReader::new(file), path, cx, out),
        Err(e) => out.warnings.push(format!("{e}; file skipped")),
    }
}

/// Reads an EvalPlus JSONL stream as if it were the file `path` (the fuzzing entry point).
pub fn read_jsonl(
    reader: impl std::io::BufRead,
    path: &Path,
    problems: &dyn ProblemIndex,
    max_source_bytes: u64,
) -> Collected {
    let cx = Cx::new(problems, max_source_bytes);
    let mut out = Collected::default();
    jsonl_from(reader, path, &cx, &mut out);
    out
}

/// Reads ENAMEL samples as if they were the file `path` (the fuzzing entry point).
pub fn read_enamel(bytes: &[u8], path: &Path, problems: &dyn ProblemIndex) -> Collected {
    let cx = Cx::new(problems, 0);
    let mut out = Collected::default();
    enamel_from(bytes, path, &cx, &mut out);
    out
}

fn jsonl_from(mut reader: impl std::io::BufRead, path: &Path, cx: &Cx, out: &mut Collected) {
    let system = stem(path);
    // A source at the limit, every byte escaped as `\uXXXX`, plus the other fields.
    let max_line = cx
        .max_source_bytes
        .saturating_mul(6)
        .saturating_add(64 << 10);
    let mut line = Vec::new();
    for number in 1.. {
        let at = format!("{}:{number}", path.display());
        line.clear();
        let whole = match read_line(&mut reader, &mut line, max_line) {
            Ok(None) => break,
            Ok(Some(whole)) => whole,
            Err(e) => {
                out.warnings.push(format!(
                    "{at}: cannot read ({e}); the rest of the file is skipped"
                ));
                break;
            }
        };
        if !whole {
            out.warnings.push(format!(
                "{at}: line longer than {max_line} bytes (raise --max-source-bytes if its source is meant to be this big); line skipped"
            ));
            continue;
        }
        // A byte-order mark some editors put first is not part of the JSON.
        let bytes = match number {
            1 => line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&line),
            _ => &line,
        };
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                out.warnings.push(format!(
                    "{at}: not valid UTF-8 (at byte {} of the line); line skipped",
                    e.valid_up_to() + 1
                ));
                continue;
            }
        };
        if let Some(submission) = jsonl_line(text, &at, cx, out) {
            out.submissions.push(Submission {
                system: system.clone(),
                name: format!("{}:{number:06}", name_of(path)),
                ..submission
            });
        }
    }
}

/// Reads one line (without its newline) of at most `max` bytes into `buf`: `None` at the end
/// of the input, `Some(false)` when the line was longer (the rest of it is read and dropped).
fn read_line(
    reader: &mut impl std::io::BufRead,
    buf: &mut Vec<u8>,
    max: u64,
) -> std::io::Result<Option<bool>> {
    let n = reader.by_ref().take(max + 1).read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        return Ok(Some(true));
    }
    if (buf.len() as u64) <= max {
        return Ok(Some(true)); // the last line, without a newline
    }
    // Too long: skip to the end of the line, a bounded chunk at a time.
    let mut rest = Vec::new();
    loop {
        rest.clear();
        let n = reader
            .by_ref()
            .take(64 << 10)
            .read_until(b'\n', &mut rest)?;
        if n == 0 || rest.last() == Some(&b'\n') {
            return Ok(Some(false));
        }
    }
}

/// One EvalPlus line as a submission (`system` and `name` left for the caller), or a warning.
fn jsonl_line(line: &str, at: &str, cx: &Cx, out: &mut Collected) -> Option<Submission> {
    if line.trim().is_empty() {
        return None;
    }
    let mut warn = |what: String| {
        out.warnings.push(format!("{at}: {what}; line skipped"));
        None
    };
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return warn(format!("malformed JSON ({e})")),
    };
    let Some(task) = value.get("task_id").and_then(|v| v.as_str()) else {
        return warn("no string `task_id`".into());
    };
    let Some(problem) = resolve(task, &cx.ids) else {
        return warn(format!("no problem `{task}` in the problem set"));
    };
    let Some(code) = jsonl_code(&value, || cx.problems.prompt(&problem).unwrap_or_default()) else {
        return warn("neither `solution` nor `completion`".into());
    };
    let language = match jsonl_language(&value) {
        Ok(language) => language,
        Err(other) => return warn(format!("unknown language `{other}` (c, cpp, python)")),
    };
    Some(Submission {
        system: String::new(),
        problem,
        name: String::new(),
        source: Source::new(at, language, code.into_bytes()),
    })
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
fn collect_enamel(path: &Path, cx: &Cx, out: &mut Collected) {
    match read_within(path, MAX_SAMPLES_FILE_BYTES, Follow::Yes) {
        Ok(b) => enamel_from(&b, path, cx, out),
        Err(e @ SourceError::TooLarge { .. }) => out
            .warnings
            .push(format!("{e}; split it into several samples files")),
        Err(e) => out.warnings.push(format!("{e}; file skipped")),
    }
}

fn enamel_from(bytes: &[u8], path: &Path, cx: &Cx, out: &mut Collected) {
    let shape_help =
        "expected ENAMEL's [[code, …], …] (indexed by problem number) or {\"<index>\": [code, …]}";
    // Invalid UTF-8 costs only the codes it is in: each such line is a warning, the bytes are
    // replaced for parsing, and a code holding a replacement is skipped.
    let bad_lines = invalid_utf8_lines(bytes);
    for line in &bad_lines {
        out.warnings.push(format!(
            "{}:{line}: not valid UTF-8; the codes on this line are skipped",
            path.display()
        ));
    }
    let text = String::from_utf8_lossy(bytes);
    let parsed: Result<serde_json::Value, String> =
        serde_json::from_str(&text).map_err(|e| e.to_string());
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
        let Some(problem) = resolve_index(&key, &cx.ids) else {
            out.warnings.push(format!(
                "{at}: no problem enamel-{key} (or `{key}`) in the problem set; {} samples skipped",
                codes.len()
            ));
            continue;
        };
        let prompt = cx.problems.prompt(&problem).unwrap_or_default();
        for (j, code) in codes.into_iter().enumerate() {
            if !bad_lines.is_empty() && code.contains(char::REPLACEMENT_CHARACTER) {
                continue;
            }
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

/// The 1-based numbers of the lines that hold bytes that are not UTF-8.
fn invalid_utf8_lines(mut bytes: &[u8]) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut line = 1;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return lines,
            Err(e) => {
                let (good, bad) = bytes.split_at(e.valid_up_to());
                line += good.iter().filter(|&&b| b == b'\n').count();
                if lines.last() != Some(&line) {
                    lines.push(line);
                }
                let skip = e.error_len().unwrap_or(bad.len());
                line += bad[..skip].iter().filter(|&&b| b == b'\n').count();
                bytes = &bad[skip..];
            }
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
