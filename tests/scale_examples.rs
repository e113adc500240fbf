//! The scale-out examples of `ci/scale/` (GitHub Actions, Slurm, Kubernetes) against README's
//! "Scaling out": each file parses and has the shape the README describes, each runs every
//! `fuelgauge` command the README shows and no other (compared by subcommand and flags, since
//! the paths differ), and the Slurm driver submits the right jobs to a stand-in `sbatch`.
//! Needs no toolchain.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use yaml_rust2::{Yaml, YamlLoader};

const README: &str = "README.md";
const GITHUB: &str = "ci/scale/github-actions.yml";
const SLURM: &str = "ci/scale/slurm.sh";
const KUBERNETES: &str = "ci/scale/kubernetes.yaml";

fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn read(rel: &str) -> String {
    fs::read_to_string(repo_path(rel)).unwrap_or_else(|e| panic!("{rel}: cannot read it: {e}"))
}

fn load_yaml(rel: &str) -> Vec<Yaml> {
    YamlLoader::load_from_str(&read(rel)).unwrap_or_else(|e| panic!("{rel}: not valid YAML: {e}"))
}

/// One `fuelgauge` command line.
#[derive(Debug, Clone)]
struct Invocation {
    /// `score`, `merge`, `problems prepare`, …
    command: String,
    /// The words after the command, as written (quotes and variables left in).
    words: Vec<String>,
}

impl Invocation {
    /// The flags given, without their values, each once.
    fn flags(&self) -> BTreeSet<&str> {
        self.words
            .iter()
            .filter(|w| w.starts_with('-'))
            .map(|w| w.split('=').next().unwrap_or(w))
            .collect()
    }

    /// What the examples must agree on: the command and its flags, e.g.
    /// `fuelgauge score --jobs --prepared --shard -o`.
    fn signature(&self) -> String {
        let mut s = format!("fuelgauge {}", self.command);
        for flag in self.flags() {
            s.push(' ');
            s.push_str(flag);
        }
        s
    }

    /// The word after `flag` (its value), as written.
    fn value(&self, flag: &str) -> Option<&str> {
        let i = self.words.iter().position(|w| w == flag)?;
        self.words.get(i + 1).map(String::as_str)
    }

    fn line(&self) -> String {
        format!("fuelgauge {} {}", self.command, self.words.join(" "))
    }
}

/// Subcommands whose action is the next word (`problems prepare`, `cache clean`).
const GROUPS: [&str; 3] = ["problems", "import", "cache"];

/// The `fuelgauge` command lines in shell text: each line (after `\` continuations are
/// joined), or each part of one separated by `&&`, `||`, `;` or `|`, that starts with
/// `fuelgauge` or `exec fuelgauge`. A word starting with `#` begins a comment.
fn invocations(shell: &str) -> Vec<Invocation> {
    let joined = shell.replace("\\\n", " ");
    let mut found = Vec::new();
    for line in joined.lines() {
        let words: Vec<&str> = line
            .split_whitespace()
            .take_while(|w| !w.starts_with('#'))
            .collect();
        for part in words.split(|w| matches!(*w, "&&" | "||" | ";" | "|")) {
            let part = match part {
                ["exec", rest @ ..] => rest,
                _ => part,
            };
            let ["fuelgauge", command, rest @ ..] = part else {
                continue;
            };
            let (command, rest) = match rest {
                [action, rest @ ..] if GROUPS.contains(command) => {
                    (format!("{command} {action}"), rest)
                }
                _ => ((*command).to_owned(), rest),
            };
            found.push(Invocation {
                command,
                words: rest.iter().map(|w| (*w).to_owned()).collect(),
            });
        }
    }
    found
}

/// README's "Scaling out" section, up to the next `## ` heading.
fn scaling_out_section() -> String {
    let readme = read(README);
    let start = readme
        .find("\n## Scaling out\n")
        .unwrap_or_else(|| panic!("{README}: no \"## Scaling out\" section"));
    let body = &readme[start + 1..];
    let end = body[3..].find("\n## ").map_or(body.len(), |i| i + 3);
    body[..end].to_owned()
}

/// The contents of the ```sh fences of a Markdown text.
fn sh_fences(markdown: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in markdown.lines() {
        if inside && line.trim_start().starts_with("```") {
            inside = false;
        } else if inside {
            out.push_str(line);
            out.push('\n');
        } else if line.trim_start() == "```sh" {
            inside = true;
        }
    }
    out
}

fn readme_invocations() -> Vec<Invocation> {
    let found = invocations(&sh_fences(&scaling_out_section()));
    let signatures: Vec<String> = found.iter().map(Invocation::signature).collect();
    for wanted in ["problems prepare", "score", "merge"] {
        assert!(
            found.iter().any(|i| i.command == wanted),
            "{README}: \"Scaling out\" shows no `fuelgauge {wanted}` in a ```sh fence (it shows: {signatures:?})"
        );
    }
    let score = found.iter().find(|i| i.command == "score").unwrap();
    for flag in ["--prepared", "--shard"] {
        assert!(
            score.flags().contains(flag),
            "{README}: \"Scaling out\" shows `{}` without {flag}",
            score.line()
        );
    }
    found
}

// ---------------------------------------------------------------------------------------
// GitHub Actions

fn job<'a>(workflow: &'a Yaml, name: &str) -> &'a Yaml {
    let job = &workflow["jobs"][name];
    assert!(job.as_hash().is_some(), "{GITHUB}: no job `{name}`");
    job
}

/// A job's `needs`, a single name or a list.
fn needs(job: &Yaml) -> Vec<&str> {
    match job["needs"] {
        Yaml::String(ref s) => vec![s.as_str()],
        Yaml::Array(ref names) => names.iter().filter_map(Yaml::as_str).collect(),
        _ => Vec::new(),
    }
}

fn steps(job: &Yaml) -> &[Yaml] {
    job["steps"].as_vec().map_or(&[], Vec::as_slice)
}

fn job_invocations(job: &Yaml) -> Vec<Invocation> {
    steps(job)
        .iter()
        .filter_map(|s| s["run"].as_str())
        .flat_map(invocations)
        .collect()
}

/// The steps of `job` that use `action` (`actions/upload-artifact`, any version).
fn uses<'a>(job: &'a Yaml, action: &str) -> Vec<&'a Yaml> {
    steps(job)
        .iter()
        .filter(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.split('@').next() == Some(action))
        })
        .collect()
}

fn github_workflow() -> Yaml {
    let mut docs = load_yaml(GITHUB);
    assert_eq!(docs.len(), 1, "{GITHUB}: expected one YAML document");
    docs.remove(0)
}

#[test]
fn github_workflow_prepares_once_scores_a_matrix_and_merges() {
    let wf = github_workflow();
    let (prepare, score, merge) = (job(&wf, "prepare"), job(&wf, "score"), job(&wf, "merge"));
    assert!(
        needs(score).contains(&"prepare"),
        "{GITHUB}: job `score` must need `prepare` (needs: {:?})",
        needs(score)
    );
    assert!(
        needs(merge).contains(&"score"),
        "{GITHUB}: job `merge` must need `score` (needs: {:?})",
        needs(merge)
    );
    for (name, j) in wf["jobs"].as_hash().unwrap() {
        let name = name.as_str().unwrap_or("?");
        assert_eq!(
            j["runs-on"].as_str(),
            Some("ubuntu-24.04"),
            "{GITHUB}: job `{name}` must run on ubuntu-24.04"
        );
        assert!(
            j["container"].is_badvalue(),
            "{GITHUB}: job `{name}` runs in a container, where bubblewrap cannot create namespaces"
        );
    }

    // The matrix: shard 1..N and nothing else (strategy.job-total is then N).
    let matrix = &score["strategy"]["matrix"];
    let keys: Vec<&str> = matrix
        .as_hash()
        .map(|h| h.keys().filter_map(Yaml::as_str).collect())
        .unwrap_or_default();
    assert_eq!(
        keys,
        ["shard"],
        "{GITHUB}: the score job's matrix must have the one key `shard`"
    );
    let shards: Vec<i64> = matrix["shard"]
        .as_vec()
        .map(|v| v.iter().filter_map(Yaml::as_i64).collect())
        .unwrap_or_default();
    let n = i64::try_from(shards.len()).unwrap();
    assert!(
        n >= 1 && shards == (1..=n).collect::<Vec<_>>(),
        "{GITHUB}: matrix.shard must be the list 1..N, is {:?}",
        matrix["shard"]
    );

    // The commands, each in its job.
    let find = |j: &Yaml, job_name: &str, command: &str| -> Invocation {
        job_invocations(j)
            .into_iter()
            .find(|i| i.command == command)
            .unwrap_or_else(|| panic!("{GITHUB}: job `{job_name}` runs no `fuelgauge {command}`"))
    };
    let prep = find(prepare, "prepare", "problems prepare");
    let sc = find(score, "score", "score");
    find(merge, "merge", "merge");
    let shard = sc
        .value("--shard")
        .unwrap_or_else(|| panic!("{GITHUB}: `{}` has no --shard", sc.line()));
    let line = sc.line();
    assert!(
        shard == "${{"
            && (line.contains("--shard ${{ matrix.shard }}/${{ strategy.job-total }} ")
                || line.contains(&format!("--shard ${{{{ matrix.shard }}}}/{n} "))),
        "{GITHUB}: score must run --shard ${{{{ matrix.shard }}}}/${{{{ strategy.job-total }}}} (or /{n}): `{line}`"
    );
    assert!(
        line.contains("-o part-${{ matrix.shard }}.json"),
        "{GITHUB}: score must write part-${{{{ matrix.shard }}}}.json: `{line}`"
    );

    // The pack: written by prepare, uploaded, downloaded by each shard, used as --prepared.
    let pack = prep
        .value("-o")
        .unwrap_or_else(|| panic!("{GITHUB}: `{}` has no -o", prep.line()));
    assert!(
        uses(prepare, "actions/upload-artifact")
            .iter()
            .any(|s| s["with"]["path"].as_str() == Some(pack)),
        "{GITHUB}: job `prepare` does not upload `{pack}` as an artifact"
    );
    let download = uses(score, "actions/download-artifact");
    assert!(
        download
            .iter()
            .any(|s| s["with"]["path"].as_str() == Some(pack)),
        "{GITHUB}: job `score` does not download the pack into `{pack}`"
    );
    assert_eq!(
        sc.value("--prepared"),
        Some(pack),
        "{GITHUB}: score's --prepared is not the pack `{pack}` that prepare writes"
    );

    // The parts: uploaded as part-N, downloaded together by merge.
    assert!(
        uses(score, "actions/upload-artifact")
            .iter()
            .any(|s| s["with"]["name"].as_str() == Some("part-${{ matrix.shard }}")),
        "{GITHUB}: job `score` does not upload its part as artifact part-${{{{ matrix.shard }}}}"
    );
    assert!(
        uses(merge, "actions/download-artifact").iter().any(|s| {
            s["with"]["pattern"].as_str() == Some("part-*")
                && s["with"]["merge-multiple"].as_bool() == Some(true)
        }),
        "{GITHUB}: job `merge` must download the parts with pattern: part-* and merge-multiple: true"
    );
}

// ---------------------------------------------------------------------------------------
// Kubernetes

fn kind(doc: &Yaml) -> &str {
    doc["kind"].as_str().unwrap_or("")
}

fn name(doc: &Yaml) -> &str {
    doc["metadata"]["name"].as_str().unwrap_or("?")
}

/// The pod spec of a Pod, or of a Job's template.
fn pod_spec(doc: &Yaml) -> &Yaml {
    match kind(doc) {
        "Job" => &doc["spec"]["template"]["spec"],
        _ => &doc["spec"],
    }
}

fn containers(doc: &Yaml) -> &[Yaml] {
    pod_spec(doc)["containers"]
        .as_vec()
        .map_or(&[], Vec::as_slice)
}

/// What a container runs, as shell text: the script of `sh -c SCRIPT`, else its words.
fn container_script(container: &Yaml) -> String {
    let words: Vec<&str> = ["command", "args"]
        .iter()
        .filter_map(|k| container[*k].as_vec())
        .flatten()
        .filter_map(Yaml::as_str)
        .collect();
    match words.as_slice() {
        ["sh" | "/bin/sh" | "bash" | "/bin/bash", "-c", script, ..] => (*script).to_owned(),
        _ => words.join(" "),
    }
}

fn kubernetes_invocations(docs: &[Yaml]) -> Vec<Invocation> {
    docs.iter()
        .flat_map(containers)
        .flat_map(|c| invocations(&container_script(c)))
        .collect()
}

#[test]
fn kubernetes_prepares_then_scores_an_indexed_job_then_merges() {
    let docs = load_yaml(KUBERNETES);
    let claim = docs
        .iter()
        .find(|d| kind(d) == "PersistentVolumeClaim")
        .unwrap_or_else(|| panic!("{KUBERNETES}: no PersistentVolumeClaim"));
    assert!(
        claim["spec"]["accessModes"]
            .as_vec()
            .is_some_and(|m| m.iter().any(|m| m.as_str() == Some("ReadWriteMany"))),
        "{KUBERNETES}: the volume claim `{}` must be ReadWriteMany (every pod mounts it)",
        name(claim)
    );

    let jobs: Vec<&Yaml> = docs.iter().filter(|d| kind(d) == "Job").collect();
    let runs = |job: &Yaml, command: &str| {
        containers(job).iter().any(|c| {
            invocations(&container_script(c))
                .iter()
                .any(|i| i.command == command)
        })
    };
    for command in ["problems prepare", "merge"] {
        assert!(
            jobs.iter().any(|j| runs(j, command)),
            "{KUBERNETES}: no Job runs `fuelgauge {command}`"
        );
    }

    let indexed: Vec<&&Yaml> = jobs
        .iter()
        .filter(|j| j["spec"]["completionMode"].as_str() == Some("Indexed"))
        .collect();
    assert_eq!(
        indexed.len(),
        1,
        "{KUBERNETES}: expected one Job with completionMode: Indexed"
    );
    let score = indexed[0];
    let n = score["spec"]["completions"].as_i64().unwrap_or(0);
    assert!(
        n >= 1 && score["spec"]["parallelism"].as_i64() == Some(n),
        "{KUBERNETES}: Job `{}` must have completions = parallelism = N",
        name(score)
    );
    let script = containers(score)
        .first()
        .map(container_script)
        .unwrap_or_default();
    assert!(
        runs(score, "score") && script.contains("JOB_COMPLETION_INDEX"),
        "{KUBERNETES}: the Indexed Job's container must run `fuelgauge score` with a shard from JOB_COMPLETION_INDEX: `{script}`"
    );
    // JOB_COMPLETION_INDEX counts from 0 and --shard from 1; N must be `completions`.
    for wanted in [
        format!("--shard $((JOB_COMPLETION_INDEX + 1))/{n} "),
        "part-$((JOB_COMPLETION_INDEX + 1)).json".to_owned(),
    ] {
        assert!(
            script.contains(&wanted),
            "{KUBERNETES}: the score container's command must contain `{wanted}` (completions is {n}): `{script}`"
        );
    }

    // One volume and one fuelgauge for every pod: a pack is refused by another version.
    let claim_name = name(claim);
    let mut images = BTreeSet::new();
    for doc in docs.iter().filter(|d| matches!(kind(d), "Job" | "Pod")) {
        let volumes = pod_spec(doc)["volumes"]
            .as_vec()
            .cloned()
            .unwrap_or_default();
        assert!(
            volumes
                .iter()
                .any(|v| v["persistentVolumeClaim"]["claimName"].as_str() == Some(claim_name)),
            "{KUBERNETES}: {} `{}` does not mount the claim `{claim_name}`",
            kind(doc),
            name(doc)
        );
        images.extend(containers(doc).iter().filter_map(|c| c["image"].as_str()));
    }
    assert_eq!(
        images.len(),
        1,
        "{KUBERNETES}: every container must use the same image, not {images:?}"
    );

    // The header's kubectl commands select each step by its label.
    let text = read(KUBERNETES);
    for doc in &docs {
        let step = doc["metadata"]["labels"]["fuelgauge-step"]
            .as_str()
            .unwrap_or_else(|| panic!("{KUBERNETES}: `{}` has no fuelgauge-step label", name(doc)));
        assert!(
            text.contains(&format!("-l fuelgauge-step={step}")),
            "{KUBERNETES}: the header applies no `-l fuelgauge-step={step}` (of `{}`)",
            name(doc)
        );
    }
}

// ---------------------------------------------------------------------------------------
// Slurm

fn bash(args: &[&str]) -> Command {
    let mut cmd = Command::new("bash");
    cmd.args(args);
    cmd
}

fn describe(out: &Output) -> String {
    format!(
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn slurm_script_is_valid_bash() {
    let out = bash(&["-n", repo_path(SLURM).to_str().unwrap()])
        .output()
        .expect("failed to start bash");
    assert!(out.status.success(), "{SLURM}: bash -n: {}", describe(&out));
}

const FAKE_SBATCH: &str = r#"#!/bin/bash
# Records each submission (arguments, script, the variables the script reads) and prints an
# id as `sbatch --parsable` does on a federated cluster.
n=$(( $(cat "$FAKE/count" 2>/dev/null || echo 0) + 1 ))
echo "$n" >"$FAKE/count"
printf '%s\n' "$@" >"$FAKE/sbatch-$n.args"
cat >"$FAKE/sbatch-$n.sh"
printf '%s\n' "$SOLUTIONS" "$PACK" "$OUT" "$SCRATCH" >"$FAKE/sbatch-$n.env"
echo "$((100 + n));cluster"
"#;

const FAKE_FUELGAUGE: &str = r#"#!/bin/bash
printf '%s\n' "$@" >"$FAKE/fuelgauge.args"
"#;

fn lines(path: &Path) -> Vec<String> {
    fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn slurm_driver_submits_prepare_an_array_and_merge() {
    use std::os::unix::fs::PermissionsExt;

    let tmp = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(tmp.path()).unwrap();
    let (fake, work) = (root.join("fake"), root.join("work"));
    fs::create_dir_all(&fake).unwrap();
    fs::create_dir_all(work.join("solutions")).unwrap();
    for (file, text) in [("sbatch", FAKE_SBATCH), ("fuelgauge", FAKE_FUELGAUGE)] {
        let p = fake.join(file);
        fs::write(&p, text).unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!(
        "{}:{}",
        fake.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let driver = repo_path(SLURM);
    let submit = || {
        bash(&[driver.to_str().unwrap(), "solutions", "3"])
            .current_dir(&work)
            .env("PATH", &path)
            .env("FAKE", &fake)
            .env_remove("SCRATCH")
            .env_remove("CPUS")
            .env_remove("TIME_LIMIT")
            .output()
            .expect("failed to start bash")
    };
    let out = submit();
    assert!(out.status.success(), "{SLURM}: {}", describe(&out));
    assert_eq!(
        lines(&fake.join("count")),
        ["3"],
        "{SLURM}: expected three sbatch calls"
    );

    let args = |n: u32| lines(&fake.join(format!("sbatch-{n}.args")));
    let has = |n: u32, arg: &str| args(n).iter().any(|a| a == arg);
    assert!(
        !args(1).iter().any(|a| a.starts_with("--dependency")),
        "{SLURM}: prepare must not wait for anything: {:?}",
        args(1)
    );
    assert!(
        has(2, "--array=1-3") && has(2, "--dependency=afterok:101"),
        "{SLURM}: score must be the array 1-3 after prepare (job 101): {:?}",
        args(2)
    );
    assert!(
        has(3, "--dependency=afterok:102"),
        "{SLURM}: merge must run after the score array (job 102): {:?}",
        args(3)
    );

    // Each job script, run as Slurm would (the submitting environment, Slurm's variables).
    let scratch = work.join("fuelgauge-run");
    let solutions = work.join("solutions");
    let expected_env = [
        solutions.display().to_string(),
        scratch.join("pack").display().to_string(),
        scratch.join("parts").display().to_string(),
        scratch.display().to_string(),
    ];
    for n in 1..=3 {
        assert_eq!(
            lines(&fake.join(format!("sbatch-{n}.env"))),
            expected_env,
            "{SLURM}: job {n} does not get SOLUTIONS, PACK, OUT and SCRATCH from the driver"
        );
    }
    let parts = scratch.join("parts");
    for i in 1..=3 {
        fs::write(parts.join(format!("part-{i}.json")), "{}").unwrap();
    }
    let run_job = |n: u32| -> Vec<String> {
        let script = fake.join(format!("sbatch-{n}.sh"));
        let out = bash(&[script.to_str().unwrap()])
            .current_dir(&work)
            .env("PATH", &path)
            .env("FAKE", &fake)
            .env("SOLUTIONS", &expected_env[0])
            .env("PACK", &expected_env[1])
            .env("OUT", &expected_env[2])
            .env("SCRATCH", &expected_env[3])
            .env("SLURM_ARRAY_TASK_ID", "2")
            .env("SLURM_ARRAY_TASK_COUNT", "3")
            .env("SLURM_CPUS_PER_TASK", "2")
            .output()
            .expect("failed to start bash");
        assert!(out.status.success(), "{SLURM}: job {n}: {}", describe(&out));
        lines(&fake.join("fuelgauge.args"))
    };
    let p = |path: PathBuf| path.display().to_string();
    assert_eq!(
        run_job(1),
        [
            "problems",
            "prepare",
            "problems",
            "-o",
            &p(scratch.join("pack"))
        ],
        "{SLURM}: the prepare job"
    );
    assert_eq!(
        run_job(2),
        [
            "score",
            &p(solutions.clone()),
            "--prepared",
            &p(scratch.join("pack")),
            "--shard",
            "2/3",
            "--jobs",
            "2",
            "-o",
            &p(parts.join("part-2.json")),
        ],
        "{SLURM}: array task 2 of the score job"
    );
    assert_eq!(
        run_job(3),
        [
            "merge",
            &p(parts.join("part-1.json")),
            &p(parts.join("part-2.json")),
            &p(parts.join("part-3.json")),
            "-o",
            &p(scratch.join("results.json")),
            "-o",
            &p(scratch.join("report.html")),
        ],
        "{SLURM}: the merge job"
    );

    // A second run would mix its parts with these: refused, nothing submitted.
    let again = submit();
    assert_eq!(
        again.status.code(),
        Some(2),
        "{SLURM}: {}",
        describe(&again)
    );
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already holds a run"),
        "{SLURM}: {}",
        describe(&again)
    );
    assert_eq!(lines(&fake.join("count")), ["3"]);
}

// ---------------------------------------------------------------------------------------
// README ↔ examples

#[test]
fn readme_commands_are_the_examples_commands() {
    let readme: BTreeSet<String> = readme_invocations()
        .iter()
        .map(Invocation::signature)
        .collect();
    let examples = [
        (GITHUB, {
            let wf = github_workflow();
            let jobs = wf["jobs"].as_hash().cloned().unwrap_or_default();
            jobs.values().flat_map(job_invocations).collect::<Vec<_>>()
        }),
        (SLURM, invocations(&read(SLURM))),
        (KUBERNETES, kubernetes_invocations(&load_yaml(KUBERNETES))),
    ];
    let mut errors = Vec::new();
    for (file, found) in &examples {
        let signatures: BTreeSet<String> = found.iter().map(Invocation::signature).collect();
        for wanted in readme.difference(&signatures) {
            errors.push(format!(
                "{file}: runs no `{wanted}`, which README's \"Scaling out\" shows (it runs: {signatures:?})"
            ));
        }
        for i in found {
            if !readme.contains(&i.signature()) {
                errors.push(format!(
                    "{file}: runs `{}` (`{}`), which README's \"Scaling out\" does not show (it shows: {readme:?})",
                    i.line(),
                    i.signature()
                ));
            }
        }
    }
    let section = scaling_out_section();
    for (file, _) in &examples {
        if !section.contains(file) {
            errors.push(format!(
                "{README}: \"Scaling out\" does not point to {file}"
            ));
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn invocations_are_read_from_shell_text() {
    let found = invocations(
        "mkdir -p x && exec fuelgauge score a --shard $((I + 1))/3 --jobs=2 -o p.json # c --no\n\
         echo fuelgauge merge\n\
         fuelgauge problems prepare \\\n  problems -o pack\n",
    );
    let signatures: Vec<String> = found.iter().map(Invocation::signature).collect();
    assert_eq!(
        signatures,
        [
            "fuelgauge score --jobs --shard -o",
            "fuelgauge problems prepare -o"
        ]
    );
    assert_eq!(found[0].value("-o"), Some("p.json"));
}
