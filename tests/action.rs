//! The GitHub Action's scripts (`ci/action/`) driven as GitHub drives them, on a temporary git
//! repository: a push to `main` saves the baseline, then pull-request heads are compared with
//! it. actions/cache is stood in for by one folder per commit sha; the step summary, the step
//! outputs and the event are files and environment variables, as on a runner.
//!
//! Two bundled Python problems and tiny solutions keep each score to a second once the cache
//! shared by the integration tests is warm.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const PROBLEMS: [&str; 2] = ["fibonacci-exact", "merge-intervals"];

const FAST_FIBONACCI: &str = "\
def fibonacci(n):
    def pair(k):  # (F(k), F(k+1)) by doubling
        if k == 0:
            return 0, 1
        a, b = pair(k >> 1)
        c = a * (2 * b - a)
        d = a * a + b * b
        return (d, c + d) if k & 1 else (c, d)
    return pair(n)[0]
";

/// Correct, and quadratic in the digits: it runs out of fuel on the larger levels.
const SLOW_FIBONACCI: &str = "\
def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
";

const MERGE_INTERVALS: &str = "\
def merge_intervals(intervals):
    out = []
    for s, e in sorted(intervals):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out
";

fn available(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn git(repo: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        // Run from a git hook, these would point at the outer repository.
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .expect("failed to start git");
    assert!(
        out.status.success(),
        "git {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// One run of `ci/action/gate.sh`, as the action's main step.
struct Run {
    status: i32,
    stdout: String,
    log: String,
    summary: String,
    outputs: String,
}

impl Run {
    fn annotations(&self) -> Vec<&str> {
        self.stdout
            .lines()
            .filter(|l| l.starts_with("::error"))
            .collect()
    }
}

struct Project {
    root: tempfile::TempDir,
    repo: PathBuf,
    base_sha: String,
}

impl Project {
    /// A repository with the two problems and the system `model` (fast solutions), committed
    /// on `main` as the base.
    fn new() -> Project {
        let root = tempfile::tempdir().unwrap();
        let repo = root.path().join("repo");
        fs::create_dir_all(&repo).unwrap();
        git(&repo, &["init", "-q", "-b", "main"]);
        git(&repo, &["config", "user.name", "fuelgauge test"]);
        git(&repo, &["config", "user.email", "test@example.invalid"]);
        git(&repo, &["config", "commit.gpgsign", "false"]);
        let bundled = Path::new(env!("CARGO_MANIFEST_DIR"));
        for id in PROBLEMS {
            for set in ["problems", "reference"] {
                common::copy_tree(&bundled.join(set).join(id), &repo.join(set).join(id));
            }
        }
        let model = repo.join("solutions/model");
        write(&model.join("fibonacci-exact/solution.py"), FAST_FIBONACCI);
        write(&model.join("merge-intervals/solution.py"), MERGE_INTERVALS);
        git(&repo, &["add", "-A"]);
        git(&repo, &["commit", "-q", "-m", "base"]);
        let base_sha = git(&repo, &["rev-parse", "HEAD"]);
        Project {
            root,
            repo,
            base_sha,
        }
    }

    /// What actions/cache holds under `fuelgauge-baseline-<sha>`.
    fn baseline_dir(&self, sha: &str) -> PathBuf {
        self.root.path().join("cache").join(sha)
    }

    /// Runs the gate on the checked-out commit for `event` ("push" to main or
    /// "pull_request" into main), restoring / saving the baseline of `baseline_sha`.
    fn gate(&self, name: &str, event: &str, baseline_sha: &str) -> Run {
        let run_dir = self.root.path().join("runs").join(name);
        fs::create_dir_all(&run_dir).unwrap();
        let summary = run_dir.join("step-summary.md");
        let outputs = run_dir.join("github-output");
        fs::write(&summary, "").unwrap();
        fs::write(&outputs, "").unwrap();
        let git_ref = if event == "push" {
            "refs/heads/main"
        } else {
            "refs/pull/1/merge"
        };
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("ci/action/gate.sh");
        // Shared with the other integration tests (tests/common): the Python runtime's native
        // code and the references' runs are then cached.
        let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuelgauge-test-cache");
        let out = Command::new("bash")
            .arg(&script)
            .current_dir(&self.repo)
            .env_remove("RUST_BACKTRACE")
            .env("FUELGAUGE", env!("CARGO_BIN_EXE_fuelgauge"))
            .env("FUELGAUGE_CACHE", &cache)
            .env("GITHUB_ACTIONS", "true")
            .env("GITHUB_WORKSPACE", &self.repo)
            .env("GITHUB_EVENT_NAME", event)
            .env("GITHUB_REF", git_ref)
            .env("GITHUB_SHA", git(&self.repo, &["rev-parse", "HEAD"]))
            .env("GITHUB_STEP_SUMMARY", &summary)
            .env("GITHUB_OUTPUT", &outputs)
            .env("FG_SOLUTIONS", "solutions")
            .env("FG_PROBLEMS", "problems")
            .env("FG_ARGS", "")
            .env("FG_FAIL_UNDER", "")
            .env("FG_MAX_REGRESSION", "eff@1=0.02")
            // Two problems: a drop on one of them alone cannot have a bootstrap interval that
            // excludes 0, so every drop beyond the allowance counts.
            .env("FG_COMPARE_ARGS", "--strict")
            .env("FG_BASELINE", "cache")
            .env("FG_BASELINE_DIR", self.baseline_dir(baseline_sha))
            .env("FG_ALLOW_MISSING_BASELINE", "false")
            .env("FG_DEFAULT_BRANCH", "main")
            .env("FG_BASE_SHA", baseline_sha)
            .env("FG_BASE_REF", "main")
            .env("FG_OUT", run_dir.join("out"))
            .output()
            .expect("failed to start bash");
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr);
        Run {
            status: out.status.code().unwrap_or(-1),
            log: format!("--- stdout\n{stdout}--- stderr\n{stderr}"),
            stdout,
            summary: fs::read_to_string(&summary).unwrap(),
            outputs: fs::read_to_string(&outputs).unwrap(),
        }
    }
}

#[test]
fn action_saves_the_baseline_on_main_and_gates_pull_requests_against_it() {
    for tool in ["git", "python3"] {
        if !available(tool) {
            eprintln!("skipped: {tool} not found (ci/action/ needs it)");
            return;
        }
    }
    let p = Project::new();
    let base = p.base_sha.clone();

    // A push to main scores and saves the baseline under the commit's sha.
    let saved = p.gate("base", "push", &base);
    assert_eq!(saved.status, 0, "push to main\n{}", saved.log);
    assert!(
        saved.outputs.contains("baseline-saved=true"),
        "{}",
        saved.outputs
    );
    assert!(p.baseline_dir(&base).join("results.json").is_file());
    assert!(saved.summary.contains("## fuelgauge"), "{}", saved.summary);

    // (a) A head identical to the base: no regression.
    git(&p.repo, &["checkout", "-q", "-b", "same"]);
    git(&p.repo, &["commit", "-q", "--allow-empty", "-m", "nothing"]);
    let same = p.gate("same", "pull_request", &base);
    assert_eq!(same.status, 0, "identical head\n{}", same.log);
    assert!(
        same.outputs.contains("compare-status=0"),
        "{}",
        same.outputs
    );
    assert!(
        same.summary.contains("fuelgauge compare"),
        "{}",
        same.summary
    );
    assert!(same.annotations().is_empty(), "{}", same.log);

    // (b) The fast Fibonacci replaced by a slow, still correct one: a regression, annotated
    // on that solution's file and on no other problem.
    git(&p.repo, &["checkout", "-q", "-b", "slow", &base]);
    write(
        &p.repo.join("solutions/model/fibonacci-exact/solution.py"),
        SLOW_FIBONACCI,
    );
    git(&p.repo, &["commit", "-q", "-am", "slow fibonacci"]);
    let slow = p.gate("slow", "pull_request", &base);
    assert_eq!(slow.status, 1, "slower head\n{}", slow.log);
    assert!(
        slow.outputs.contains("compare-status=1"),
        "{}",
        slow.outputs
    );
    let annotations = slow.annotations();
    assert!(
        annotations.iter().any(|a| a.starts_with(
            "::error file=solutions/model/fibonacci-exact/solution.py,line=1,title=fuelgauge regression::model fibonacci-exact: eff@1 "
        )),
        "no annotation on the slow solution\n{}",
        slow.log
    );
    assert!(
        !annotations.iter().any(|a| a.contains("merge-intervals")),
        "the unchanged problem is annotated\n{}",
        slow.log
    );

    // (c) The system folder renamed: base and head share no system, an error.
    git(&p.repo, &["checkout", "-q", "-b", "renamed", &base]);
    git(&p.repo, &["mv", "solutions/model", "solutions/model-v2"]);
    git(&p.repo, &["commit", "-q", "-m", "rename the system"]);
    let renamed = p.gate("renamed", "pull_request", &base);
    assert_eq!(renamed.status, 2, "renamed system\n{}", renamed.log);
    assert!(
        renamed.outputs.contains("compare-status=2"),
        "{}",
        renamed.outputs
    );
    assert!(!renamed.annotations().is_empty(), "{}", renamed.log);

    // No baseline for the base commit: a failure that says what to do.
    let orphan = p.gate(
        "orphan",
        "pull_request",
        "0000000000000000000000000000000000000000",
    );
    assert_eq!(orphan.status, 2, "missing baseline\n{}", orphan.log);
    assert!(
        orphan
            .stdout
            .contains("::error title=fuelgauge::no baseline for the base commit 0000000"),
        "{}",
        orphan.log
    );
}
