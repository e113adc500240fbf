//! Loading `problems/<id>/` with `reference/<id>/`, validating everything a run relies on.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::error::ProblemError;
use super::model::*;
use super::spec::{CheckerSpec, Kind, ProblemToml};
use crate::candidate::{Follow, Language, Source, read_within};
use crate::digest::{Digest, KeyBuilder};

/// References, generators and the texts a problem names are trusted, but not without bound.
const MAX_REFERENCE_BYTES: u64 = 16 << 20;

/// Loads every problem folder under `problems_dir` (sorted by id). References are read from
/// `references_dir/<id>/`. A broken problem is reported and the others still load.
pub fn load_set(
    problems_dir: &Path,
    references_dir: &Path,
) -> Result<(Vec<Problem>, Vec<ProblemError>), ProblemError> {
    let entries = std::fs::read_dir(problems_dir).map_err(|e| {
        ProblemError::new(
            problems_dir,
            format!("cannot read the problems folder ({e}); pass --problems DIR"),
        )
    })?;
    let mut dirs: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("problem.toml").is_file())
        .collect();
    dirs.sort();
    let (mut ok, mut bad) = (Vec::new(), Vec::new());
    for dir in dirs {
        match load_problem(&dir, references_dir) {
            Ok(p) => ok.push(p),
            Err(e) => bad.push(e),
        }
    }
    Ok((ok, bad))
}

/// Where references live by default: `reference/` beside the problems folder.
pub fn default_references_dir(problems_dir: &Path) -> PathBuf {
    problems_dir
        .parent()
        .unwrap_or(Path::new("."))
        .join("reference")
}

/// A text file a `problem.toml` field names (see [`read_file`]), in UTF-8.
fn read_text(path: &Path, field: &str, manifest: &Path) -> Result<String, ProblemError> {
    let bytes = read_file(path, field, manifest)?;
    String::from_utf8(bytes).map_err(|_| {
        ProblemError::field(manifest, field, format!("{} is not UTF-8", path.display()))
    })
}

/// A file a `problem.toml` field names, inside the problem folder (a relative path without
/// `..`: a shared problem set must not read the scorer's host files), regular, and bounded.
fn read_file(path: &Path, field: &str, manifest: &Path) -> Result<Vec<u8>, ProblemError> {
    let err = |why: String| ProblemError::field(manifest, field, why);
    let dir = manifest.parent().unwrap_or(Path::new("."));
    let relative = path.strip_prefix(dir).unwrap_or(path);
    if relative.is_absolute()
        || relative
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
    {
        return Err(err(format!(
            "{} is not a file inside the problem folder; name it relative to problem.toml, without `..`",
            path.display()
        )));
    }
    read_within(path, MAX_REFERENCE_BYTES, Follow::Yes)
        .map_err(|e| err(format!("cannot read it ({e})")))
}

/// The generator `generator.program` names: WebAssembly (`.wat`, `.wasm`) for a stdio
/// problem, else Python.
fn load_generator(
    dir: &Path,
    program: &str,
    kind: Kind,
    manifest: &Path,
) -> Result<(PathBuf, GeneratorProgram), ProblemError> {
    let field = "generator.program";
    let path = dir.join(program);
    let wasm = Language::from_path(&path).filter(|l| matches!(l, Language::Wasm | Language::Wat));
    let Some(language) = wasm else {
        let source = read_text(&path, field, manifest)?;
        return Ok((path, GeneratorProgram::Python(source)));
    };
    if kind == Kind::Function {
        return Err(ProblemError::field(
            manifest,
            field,
            format!(
                "{program} is a WebAssembly generator, which writes a stdio problem's input; a function problem's generator is Python (gen.py) returning the tuple of arguments"
            ),
        ));
    }
    let bytes = read_file(&path, field, manifest)?;
    if language == Language::Wasm && !bytes.starts_with(b"\0asm") {
        return Err(ProblemError::new(
            &path,
            "not a WebAssembly binary (it does not start with \\0asm); name a text module .wat",
        ));
    }
    let source = Source::new(path.display().to_string(), language, bytes);
    Ok((path, GeneratorProgram::Wasm(source)))
}

/// One line from a TOML error: the message and where.
fn toml_error(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().trim().replace('\n', " ");
    match e.span() {
        Some(span) => {
            // Lines before the span, plus its own.
            let line = text.as_bytes()[..span.start.min(text.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            format!("line {line}: {message}")
        }
        None => message,
    }
}

pub fn load_problem(dir: &Path, references_dir: &Path) -> Result<Problem, ProblemError> {
    let manifest = dir.join("problem.toml");
    let text = std::fs::read_to_string(&manifest)
        .map_err(|e| ProblemError::new(&manifest, format!("cannot read ({e})")))?;
    let spec: ProblemToml =
        toml::from_str(&text).map_err(|e| ProblemError::new(&manifest, toml_error(&text, &e)))?;
    let folder = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let bad = |field: &str, msg: String| ProblemError::field(&manifest, field, msg);
    if spec.id != folder {
        return Err(bad(
            "id",
            format!(
                "is {:?} but the folder is {folder:?}; they must match",
                spec.id
            ),
        ));
    }
    if spec.id.is_empty()
        || !spec
            .id
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-' || c == b'_')
    {
        return Err(bad(
            "id",
            "use lowercase letters, digits, '-' and '_' only".into(),
        ));
    }
    match (spec.kind, &spec.entry_point, &spec.checker) {
        (Kind::Function, None, _) => {
            return Err(bad(
                "entry_point",
                "is required for kind = \"function\"".into(),
            ));
        }
        (Kind::Stdio, Some(_), _) => {
            return Err(bad("entry_point", "is only for kind = \"function\"".into()));
        }
        (Kind::Function, _, c)
            if !matches!(
                c,
                CheckerSpec::Literal { .. } | CheckerSpec::PythonEqual | CheckerSpec::Custom { .. }
            ) =>
        {
            return Err(bad(
                "checker.kind",
                "function problems compare Python values: use \"literal\", \"python_equal\" or \"custom\"".into(),
            ));
        }
        (Kind::Stdio, _, CheckerSpec::Literal { .. } | CheckerSpec::PythonEqual) => {
            return Err(bad(
                "checker.kind",
                "\"literal\" and \"python_equal\" are for function problems; use \"tokens\", \"exact\" or \"float\""
                    .into(),
            ));
        }
        _ => {}
    }
    let is_identifier = |s: &str| {
        !s.is_empty()
            && s.chars().all(|c| c.is_alphanumeric() || c == '_')
            && !s.starts_with(|c: char| c.is_ascii_digit())
    };
    if let Some(ep) = &spec.entry_point
        && !is_identifier(ep)
    {
        return Err(bad(
            "entry_point",
            format!("{ep:?} is not a Python identifier"),
        ));
    }
    if let Some(name) = spec.limits.censor_errors.iter().find(|n| !is_identifier(n)) {
        return Err(bad(
            "limits.censor_errors",
            format!("{name:?} is not a Python exception name"),
        ));
    }
    if let CheckerSpec::Float { abs_tol, rel_tol } = spec.checker
        && (abs_tol.is_nan() || rel_tol.is_nan() || abs_tol < 0.0 || rel_tol < 0.0)
    {
        return Err(bad("checker", "tolerances must be ≥ 0".into()));
    }
    if let CheckerSpec::Literal {
        float_tol: Some(tol),
    } = spec.checker
        && (tol.is_nan() || tol < 0.0)
    {
        return Err(bad(
            "checker.float_tol",
            format!("is {tol}; it must be ≥ 0"),
        ));
    }
    let alpha = spec.alpha.unwrap_or(DEFAULT_ALPHA);
    // An infinite α would be an infinite fuel budget.
    if !alpha.is_finite() || alpha <= 1.0 {
        return Err(bad(
            "alpha",
            format!("is {alpha}; it must be a finite number greater than 1"),
        ));
    }
    for (field, class) in [
        ("complexity.reference", &spec.complexity.reference),
        ("complexity.slow", &spec.complexity.slow),
    ] {
        if let Some(class) = class
            && !super::spec::COMPLEXITY_CLASSES.contains(&class.as_str())
        {
            return Err(bad(
                field,
                format!(
                    "is {class:?}; use one of {}",
                    super::spec::COMPLEXITY_CLASSES
                        .map(|c| format!("{c:?}"))
                        .join(", ")
                ),
            ));
        }
    }
    let memory_mib = spec.limits.memory_mib.unwrap_or(DEFAULT_MEMORY_MIB);
    // Shifted unchecked, a huge value would wrap around to a tiny (or zero) cap.
    let Some(memory_bytes) = memory_mib.checked_mul(1 << 20) else {
        return Err(bad(
            "limits.memory_mib",
            format!("is {memory_mib}; that many MiB do not fit in 64 bits of bytes"),
        ));
    };
    let statement = read_text(&dir.join(&spec.statement), "statement", &manifest)?;
    let prompt = spec
        .prompt
        .as_ref()
        .map(|p| read_text(&dir.join(p), "prompt", &manifest))
        .transpose()?;
    let custom = match &spec.checker {
        CheckerSpec::Custom { program } => {
            Some(read_text(&dir.join(program), "checker.program", &manifest)?)
        }
        _ => None,
    };
    let (generator, levels) = match &spec.generator {
        None => (None, Vec::new()),
        Some(g) => {
            let n = g.sizes.len();
            if n == 0 {
                return Err(bad(
                    "generator.sizes",
                    "needs one size per level (at least one level)".into(),
                ));
            }
            let tests = match &g.tests {
                Some(t) => t.clone(),
                None if n == DEFAULT_TESTS.len() => DEFAULT_TESTS.to_vec(),
                None => {
                    return Err(bad(
                        "generator.tests",
                        format!("is required when there are {n} levels, not 4"),
                    ));
                }
            };
            let weights = match &g.weights {
                Some(w) => w.clone(),
                None if n == DEFAULT_WEIGHTS.len() => DEFAULT_WEIGHTS.to_vec(),
                None => {
                    return Err(bad(
                        "generator.weights",
                        format!("is required when there are {n} levels, not 4"),
                    ));
                }
            };
            if tests.len() != n || weights.len() != n {
                return Err(bad(
                    "generator",
                    format!("sizes, tests and weights need one entry per level ({n})"),
                ));
            }
            if weights.iter().any(|w| !w.is_finite() || *w < 0.0) {
                return Err(bad(
                    "generator.weights",
                    "weights must be finite and ≥ 0".into(),
                ));
            }
            if n > 1 && weights.iter().sum::<f64>() <= 0.0 {
                return Err(bad(
                    "generator.weights",
                    "at least one level needs a positive weight".into(),
                ));
            }
            let (path, program) = load_generator(dir, &g.program, spec.kind, &manifest)?;
            let levels = (0..n)
                .map(|l| Level {
                    size: g.sizes[l],
                    tests: tests[l],
                    weight: weights[l],
                })
                .collect();
            (
                Some(Generator {
                    path,
                    program,
                    seed: g.seed,
                    secret: None,
                }),
                levels,
            )
        }
    };
    if spec.check.is_some() {
        // A check program would run in the candidate's interpreter, where the candidate can
        // defeat it; `fuelgauge import humaneval` turns one into host-judged tests.
        return Err(bad(
            "check",
            "check programs are no longer run; re-import the problem with `fuelgauge import humaneval`, which turns its check into tests judged on the host".into(),
        ));
    }
    let hand_tests = load_hand_tests(&dir.join("tests"))?;
    if generator.is_none() && hand_tests.is_empty() {
        return Err(bad(
            "generator",
            "the problem has neither a generator nor tests/*.in".into(),
        ));
    }
    let ref_dir = references_dir.join(&spec.id);
    let (references, slow) = load_references(&ref_dir)?;
    if references.is_empty() {
        return Err(ProblemError::new(
            &ref_dir,
            "no reference solution (ref.cpp, ref.c or ref.py)",
        ));
    }
    if spec.kind == Kind::Function
        && references
            .keys()
            .any(|f| *f != crate::candidate::Family::Python)
    {
        return Err(ProblemError::new(
            &ref_dir,
            "function problems take a Python reference only (ref.py)",
        ));
    }
    Ok(Problem {
        id: spec.id.clone(),
        dir: dir.to_owned(),
        title: spec.title,
        kind: spec.kind,
        tags: spec.tags,
        statement,
        prompt,
        entry_point: spec.entry_point,
        checker: Checker::from_spec(&spec.checker, custom),
        generator,
        levels,
        hand_tests,
        alpha,
        memory_bytes,
        level0_fuel: spec.limits.level0_fuel,
        level0_tolerance_fuel: spec.limits.level0_tolerance_fuel.unwrap_or(0),
        censor_errors: spec.limits.censor_errors,
        excluded: spec.excluded,
        complexity: spec.complexity,
        growth: 0,
        references,
        slow,
        digest: folder_digest(&[dir, &ref_dir]),
    })
}

fn load_hand_tests(dir: &Path) -> Result<Vec<HandTest>, ProblemError> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut inputs: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "in"))
        .collect();
    inputs.sort();
    inputs
        .into_iter()
        .map(|input| {
            let read = |p: &Path| {
                std::fs::read(p).map_err(|e| ProblemError::new(p, format!("cannot read ({e})")))
            };
            let out = input.with_extension("out");
            Ok(HandTest {
                name: input
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("test")
                    .to_owned(),
                input: read(&input)?,
                expected: if out.is_file() {
                    Some(read(&out)?)
                } else {
                    None
                },
            })
        })
        .collect()
}

type References = (BTreeMap<crate::candidate::Family, Source>, Vec<Source>);

fn load_references(dir: &Path) -> Result<References, ProblemError> {
    let mut refs = BTreeMap::new();
    let mut slow = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Err(ProblemError::new(
            dir,
            "missing reference folder; add ref.cpp and/or ref.py there",
        ));
    };
    let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    files.sort();
    for path in files {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let Some(language) = Language::from_path(&path) else {
            continue;
        };
        let bytes = read_within(&path, MAX_REFERENCE_BYTES, Follow::Yes)
            .map_err(|e| ProblemError::new(&path, e.to_string()))?;
        let source = Source::new(path.display().to_string(), language, bytes);
        match stem {
            "ref" => {
                if let Some(other) = refs.insert(language.family(), source) {
                    return Err(ProblemError::new(
                        &path,
                        format!("a second reference for the same family as {}", other.origin),
                    ));
                }
            }
            "slow" => slow.push(source),
            _ => {}
        }
    }
    Ok((refs, slow))
}

/// sha256 over the relative paths and contents of every file under `dirs`, in sorted order.
fn folder_digest(dirs: &[&Path]) -> Digest {
    let mut key = KeyBuilder::new("problem-folder-v1");
    for dir in dirs {
        let mut files = Vec::new();
        collect(dir, &mut files);
        files.sort();
        for f in files {
            let rel = f
                .strip_prefix(dir)
                .unwrap_or(&f)
                .to_string_lossy()
                .into_owned();
            key = key.str(&rel).bytes(&std::fs::read(&f).unwrap_or_default());
        }
    }
    key.finish()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A problem `p` with one hand test and a Python reference, whose manifest holds `fields`
    /// after its id, title and statement; the field of the error loading it, if any.
    fn load_with(fields: &str) -> Result<Problem, Option<String>> {
        let root = tempfile::tempdir().unwrap();
        let (dir, refs) = (
            root.path().join("problems/p"),
            root.path().join("reference"),
        );
        std::fs::create_dir_all(dir.join("tests")).unwrap();
        std::fs::create_dir_all(refs.join("p")).unwrap();
        std::fs::write(dir.join("statement.md"), "Echo.").unwrap();
        std::fs::write(dir.join("tests/a.in"), "(1,)").unwrap();
        std::fs::write(refs.join("p/ref.py"), "def f(x):\n    return x\n").unwrap();
        let manifest = format!("id = \"p\"\ntitle = \"P\"\nstatement = \"statement.md\"\n{fields}");
        std::fs::write(dir.join("problem.toml"), manifest).unwrap();
        load_problem(&dir, &refs).map_err(|e| e.field)
    }

    #[test]
    fn limits_alpha_and_tolerances_are_the_ones_written_or_refused() {
        // The `problem_toml` fuzz target's checks flag these: they loaded, as an infinite
        // fuel budget, a memory cap wrapped around to 0 bytes, and a tolerance no float is
        // within.
        let stdio = "kind = \"stdio\"\n";
        let tokens = "[checker]\nkind = \"tokens\"\n";
        let ok = load_with(&format!("{stdio}{tokens}[limits]\nmemory_mib = 64\n")).unwrap();
        assert_eq!(ok.memory_bytes, 64 << 20);
        for (fields, field) in [
            ("alpha = inf\n", "alpha"),
            ("alpha = nan\n", "alpha"),
            (
                "[limits]\nmemory_mib = 17592186044416\n",
                "limits.memory_mib",
            ),
        ] {
            let err = load_with(&format!("{stdio}{fields}{tokens}")).unwrap_err();
            assert_eq!(err.as_deref(), Some(field), "{fields}");
        }
        let function = "kind = \"function\"\nentry_point = \"f\"\n[checker]\nkind = \"literal\"\n";
        assert!(load_with(&format!("{function}float_tol = 1e-6\n")).is_ok());
        for tol in ["-1e-6", "nan"] {
            let err = load_with(&format!("{function}float_tol = {tol}\n")).unwrap_err();
            assert_eq!(err.as_deref(), Some("checker.float_tol"), "{tol}");
        }
    }

    #[test]
    fn texts_a_problem_names_are_inside_its_folder() {
        let function = "kind = \"function\"\nentry_point = \"f\"\n";
        let checker = "[checker]\nkind = \"literal\"\n";
        assert!(load_with(&format!("{function}prompt = \"statement.md\"\n{checker}")).is_ok());
        for path in [
            "/etc/passwd",
            "../p/statement.md",
            "sub/../../p/statement.md",
        ] {
            let err = load_with(&format!("{function}prompt = \"{path}\"\n{checker}"));
            assert_eq!(err.unwrap_err().as_deref(), Some("prompt"), "{path}");
        }
    }
}
