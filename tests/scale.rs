//! Scaling out: `problems prepare` writes a pack, `score --prepared PACK --shard I/N` judges
//! one shard, `merge` joins the parts into the bytes one unsharded `score` writes.
//!
//! Most tests use the `.wat` fast fixtures (no clang or Python); the last one shards a
//! subset of the bundled problems, whose references are C++ and Python.

mod common;
mod support;

use std::path::Path;

use support::{Sandbox, transcript};

/// `fuelgauge` in `sandbox` with a cache of its own (`cache`), unable to find a Python
/// runtime: nothing here needs one.
fn fuelgauge(sandbox: &Sandbox, cache: &str) -> assert_cmd::Command {
    let mut cmd = sandbox.fuelgauge();
    cmd.env(
        "FUELGAUGE_PYTHON_RUNTIME",
        sandbox.path().join("no-python-runtime.wasm"),
    )
    .env("FUELGAUGE_CACHE", sandbox.path().join(cache));
    cmd
}

fn run(mut cmd: assert_cmd::Command, args: &[&str]) -> std::process::Output {
    cmd.args(args).output().unwrap()
}

/// Runs and expects exit status `code`, returning stderr.
fn expect(cmd: assert_cmd::Command, args: &[&str], code: i32) -> String {
    let output = run(cmd, args);
    assert_eq!(
        output.status.code(),
        Some(code),
        "{args:?}\n{}",
        transcript(&output)
    );
    String::from_utf8(output.stderr).unwrap()
}

/// The fast fixtures, plus a sample of a problem the set does not have (a warning, so the
/// runs exit 2 and the warnings' order is compared too).
fn sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.copy("fast", "fast");
    sandbox.write("fast/solutions/fast/nosuch/a.wat", "(module)");
    sandbox
}

const SCORE: &[&str] = &["score", "--problems", "fast/problems", "fast/solutions"];

fn with<'a>(base: &[&'a str], more: &[&'a str]) -> Vec<&'a str> {
    base.iter().chain(more).copied().collect()
}

fn bytes(sandbox: &Sandbox, file: &str) -> Vec<u8> {
    std::fs::read(sandbox.path().join(file)).unwrap()
}

/// The number in `text` just before `what` (`"12 runs executed"` → 12).
fn count_before(text: &str, what: &str) -> u64 {
    let at = text
        .find(what)
        .unwrap_or_else(|| panic!("no {what:?} in {text}"));
    text[..at]
        .split_whitespace()
        .last()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no number before {what:?} in {text}"))
}

fn prepare(sandbox: &Sandbox, cache: &str, pack: &str) -> String {
    expect(
        fuelgauge(sandbox, cache),
        &["problems", "prepare", "fast/problems", "-o", pack],
        0,
    )
}

#[test]
fn three_shards_merge_to_the_bytes_of_one_run_with_or_without_a_pack() {
    let s = sandbox();
    expect(fuelgauge(&s, "c-one"), &with(SCORE, &["-o", "one.json"]), 2);
    expect(
        fuelgauge(&s, "c-jobs1"),
        &with(SCORE, &["--jobs", "1", "-o", "jobs1.json"]),
        2,
    );
    assert!(bytes(&s, "one.json") == bytes(&s, "jobs1.json"));
    prepare(&s, "c-prepare", "pack");
    for (prepared, tag) in [(true, "packed"), (false, "unpacked")] {
        let mut parts = Vec::new();
        for i in 1..=3 {
            let part = format!("{tag}-{i}.json");
            let shard = format!("{i}/3");
            // A cache of its own for each shard, as on separate machines.
            let cache = format!("c-{tag}-{i}");
            let mut args = with(SCORE, &["--shard", &shard, "--jobs", "1", "-o", &part]);
            if prepared {
                args.extend(["--prepared", "pack"]);
            }
            // A shard's warnings are in its part: it succeeds, and the merge exits 2.
            let err = expect(fuelgauge(&s, &cache), &args, 0);
            assert!(err.contains(&format!("shard {i}/3: scored")), "{err}");
            assert!(err.contains("warning: "), "{err}");
            parts.push(part);
        }
        // In any order.
        parts.reverse();
        let merged = format!("{tag}-merged.json");
        let mut args = vec!["merge"];
        args.extend(parts.iter().map(String::as_str));
        args.extend(["-o", &merged]);
        let err = expect(fuelgauge(&s, "c-merge"), &args, 2);
        assert!(err.contains("warning: "), "{err}");
        assert!(
            bytes(&s, &merged) == bytes(&s, "one.json"),
            "{tag}: the merged results differ from one run's:\n{}\n---\n{}",
            s.read(&merged),
            s.read("one.json")
        );
        // The shards split the samples between them.
        let sizes: Vec<usize> = parts
            .iter()
            .map(|p| {
                let part: serde_json::Value = serde_json::from_str(&s.read(p)).unwrap();
                part["samples"].as_array().unwrap().len()
            })
            .collect();
        assert_eq!(sizes.iter().sum::<usize>(), 11, "{sizes:?}");
        assert!(sizes.iter().all(|&n| (3..=4).contains(&n)), "{sizes:?}");
    }
    // The merged results feed `report` like any other.
    expect(
        fuelgauge(&s, "c-merge"),
        &["report", "packed-merged.json", "-o", "r.md"],
        0,
    );
}

#[test]
fn a_pack_is_used_without_running_any_generator_or_reference() {
    let s = sandbox();
    prepare(&s, "c-prepare", "pack");
    let manifest: serde_json::Value = serde_json::from_str(&s.read("pack/manifest.json")).unwrap();
    // Every cache is cold: each run executes everything it needs.
    let packed = expect(
        fuelgauge(&s, "c-packed"),
        &with(SCORE, &["--prepared", "pack", "-o", "packed.json"]),
        2,
    );
    let unpacked = expect(
        fuelgauge(&s, "c-unpacked"),
        &with(SCORE, &["-o", "unpacked.json"]),
        2,
    );
    assert_eq!(count_before(&packed, "problems prepared"), 0, "{packed}");
    assert_eq!(count_before(&packed, "from the pack"), 3, "{packed}");
    assert_eq!(
        count_before(&unpacked, "problems prepared"),
        3,
        "{unpacked}"
    );
    // What the pack saves is every generator run (one per generated test) and every
    // reference run (one per test and reference), and nothing else.
    let mut saved = 0;
    for problem in manifest["problems"].as_object().unwrap().values() {
        let problem = &problem["prepared"];
        let tests = problem["tests"].as_array().unwrap();
        let generated = tests
            .iter()
            .filter(|t| !t["name"].as_str().unwrap().starts_with("hand/"))
            .count();
        let references = problem["references"].as_object().unwrap().len();
        saved += generated + tests.len() * references;
    }
    let executed = |text: &str| count_before(text, "runs executed");
    assert_eq!(
        executed(&unpacked) - executed(&packed),
        saved as u64,
        "packed: {packed}\nunpacked: {unpacked}"
    );
    assert!(bytes(&s, "packed.json") == bytes(&s, "unpacked.json"));
    // The pack is content-addressed: its digest is the manifest's sha256, and each object's
    // name is its own.
    let digest = s.read("pack/manifest.json.sha256");
    assert_eq!(
        digest.split_whitespace().next().unwrap(),
        fuelgauge::digest::Digest::of(&bytes(&s, "pack/manifest.json")).hex()
    );
    let mut objects = 0;
    for entry in common::files_under(&s.path().join("pack/objects")) {
        let name = entry.file_name().unwrap().to_str().unwrap().to_owned();
        assert_eq!(
            name,
            fuelgauge::digest::Digest::of(&std::fs::read(&entry).unwrap()).hex()
        );
        objects += 1;
    }
    assert!(objects > 10, "{objects} objects");
}

#[test]
fn a_changed_foreign_or_mismatched_pack_is_refused() {
    let s = sandbox();
    prepare(&s, "c", "pack");
    let refused = |pack: &str, extra: &[&str]| {
        let mut args = with(SCORE, &["--prepared", pack, "-o", "x.json"]);
        args.extend(extra);
        let err = expect(fuelgauge(&s, "c"), &args, 2);
        assert!(!s.path().join("x.json").exists(), "{err}");
        err
    };
    let copy = |name: &str| {
        common::copy_tree(&s.path().join("pack"), &s.path().join(name));
        s.path().join(name)
    };
    // An object whose bytes changed.
    let tampered = copy("tampered");
    let object = common::files_under(&tampered.join("objects"))
        .into_iter()
        .next()
        .unwrap();
    std::fs::write(&object, "0 0 0\n").unwrap();
    let err = refused("tampered", &[]);
    assert!(
        err.contains("was changed after `fuelgauge problems prepare`"),
        "{err}"
    );
    assert!(
        err.contains(object.file_name().unwrap().to_str().unwrap()),
        "{err}"
    );
    // An object or the manifest gone.
    let holed = copy("holed");
    let object = common::files_under(&holed.join("objects"))
        .into_iter()
        .next()
        .unwrap();
    std::fs::remove_file(&object).unwrap();
    let err = refused("holed", &[]);
    assert!(err.contains("the object is missing"), "{err}");
    std::fs::remove_file(holed.join("manifest.json")).unwrap();
    let err = refused("holed", &[]);
    assert!(
        err.contains("is not a fuelgauge pack (it has no manifest.json)"),
        "{err}"
    );
    // A manifest edited (a reference made to cost more), its digest left as it was.
    let edited = copy("edited");
    let manifest = std::fs::read_to_string(edited.join("manifest.json")).unwrap();
    let inflated = manifest.replacen("\"budget\": ", "\"budget\": 9", 1);
    std::fs::write(edited.join("manifest.json"), inflated).unwrap();
    let err = refused("edited", &[]);
    assert!(
        err.contains("edited was changed after") && err.contains("manifest.json has sha256"),
        "{err}"
    );
    // Another fuelgauge's pack, its digest rewritten to match.
    let foreign = copy("foreign");
    let other = manifest.replacen(
        &format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION")),
        "\"version\": \"0.0.1-other\"",
        1,
    );
    assert_ne!(other, manifest);
    std::fs::write(foreign.join("manifest.json"), &other).unwrap();
    let digest = fuelgauge::digest::Digest::of(other.as_bytes());
    std::fs::write(
        foreign.join("manifest.json.sha256"),
        format!("{digest}  manifest.json\n"),
    )
    .unwrap();
    let err = refused("foreign", &[]);
    assert!(err.contains("prepared with fuelgauge 0.0.1-other"), "{err}");
    // Another cost model than the pack's.
    let err = refused("pack", &["--cost-model", "plain"]);
    assert!(err.contains("the cost model"), "{err}");
    // Not a pack at all.
    std::fs::create_dir(s.path().join("empty")).unwrap();
    let err = refused("empty", &[]);
    assert!(err.contains("is not a fuelgauge pack"), "{err}");
    // Hidden tests are never written to a pack.
    let err = refused(
        "pack",
        &["--secret-seed", "a-long-enough-secret-for-the-test"],
    );
    assert!(err.contains("--secret-seed"), "{err}");
    // A problem changed since the pack was prepared.
    s.write(
        "fast/problems/sum/statement.md",
        "Sum the numbers, again.\n",
    );
    let err = refused("pack", &[]);
    assert!(err.contains("problem `sum` changed since"), "{err}");
    // `prepare` does not write over a folder or file that is not a pack, and says so before
    // preparing anything.
    s.write("occupied/notes.txt", "mine");
    for target in ["occupied", "occupied/notes.txt"] {
        let err = expect(
            fuelgauge(&s, "c"),
            &["problems", "prepare", "fast/problems", "-o", target],
            2,
        );
        assert!(err.contains("is not a fuelgauge pack"), "{err}");
        assert!(!err.contains("preparing"), "{err}");
    }
    assert_eq!(s.read("occupied/notes.txt"), "mine");
    // Over a pack, it writes the pack again.
    prepare(&s, "c", "pack");
}

#[test]
fn merge_refuses_missing_duplicate_and_foreign_parts() {
    let s = sandbox();
    for i in 1..=3 {
        let (shard, part) = (format!("{i}/3"), format!("part-{i}.json"));
        expect(
            fuelgauge(&s, "c"),
            &with(SCORE, &["--shard", &shard, "-o", &part]),
            0,
        );
    }
    let merge = |parts: &[&str]| {
        let args = with(&["merge"], parts);
        expect(fuelgauge(&s, "c"), &with(&args, &["-o", "merged.json"]), 2)
    };
    let err = merge(&["part-1.json", "part-3.json"]);
    assert!(
        err.contains("missing shard 2/3: have shard 1/3, shard 3/3"),
        "{err}"
    );
    std::fs::copy(s.path().join("part-1.json"), s.path().join("again.json")).unwrap();
    let err = merge(&["part-1.json", "part-2.json", "again.json", "part-3.json"]);
    assert!(
        err.contains("shard 1/3 is given twice: part-1.json and again.json"),
        "{err}"
    );
    // A shard of another run: other settings, or split another way.
    expect(
        fuelgauge(&s, "c"),
        &with(
            SCORE,
            &["--shard", "2/3", "--resamples", "100", "-o", "other.json"],
        ),
        0,
    );
    let err = merge(&["part-1.json", "other.json", "part-3.json"]);
    assert!(err.contains("are not parts of one run"), "{err}");
    assert!(err.contains("their inputs differ (settings)"), "{err}");
    expect(
        fuelgauge(&s, "c"),
        &with(SCORE, &["--shard", "2/2", "-o", "half.json"]),
        0,
    );
    let err = merge(&["part-1.json", "half.json"]);
    assert!(err.contains("split 3 and 2 ways"), "{err}");
    // A part that lost a sample.
    let mut part: serde_json::Value = serde_json::from_str(&s.read("part-2.json")).unwrap();
    part["samples"].as_array_mut().unwrap().pop();
    s.write("short.json", serde_json::to_string(&part).unwrap());
    let err = merge(&["part-1.json", "short.json", "part-3.json"]);
    assert!(
        err.contains("short.json: its content digest does not match"),
        "{err}"
    );
    // A part whose result was changed by hand (a sample made to score more).
    let mut part: serde_json::Value = serde_json::from_str(&s.read("part-2.json")).unwrap();
    let judged = part["samples"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find_map(|r| r["outcome"].get_mut("judged"))
        .expect("a judged sample in shard 2");
    judged["result"]["score"] = serde_json::json!(1.0);
    s.write("better.json", serde_json::to_string(&part).unwrap());
    let err = merge(&["part-1.json", "better.json", "part-3.json"]);
    assert!(
        err.contains("better.json: its content digest does not match"),
        "{err}"
    );
    // A result file is not a part.
    expect(fuelgauge(&s, "c"), &with(SCORE, &["-o", "whole.json"]), 2);
    let err = merge(&["whole.json"]);
    assert!(
        err.contains("whole.json is a score result, not a part"),
        "{err}"
    );
    // And a part is not a score result.
    let output = run(fuelgauge(&s, "c"), &["report", "part-1.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        transcript(&output).contains("merge the parts first"),
        "{}",
        transcript(&output)
    );
    assert!(!s.path().join("merged.json").exists());
    // A shard writes one part and no other output, and I/N must make sense.
    for bad in [
        &["--shard", "1/2", "-o", "a.json", "-o", "a.md"][..],
        &["--shard", "1/2", "-o", "a.md"],
        &["--shard", "0/2", "-o", "a.json"],
        &["--shard", "3/2", "-o", "a.json"],
        &["--shard", "1/4294967295", "-o", "a.json"],
        &[
            "--shard",
            "1/2",
            "--fail-under",
            "pass@1=0.5",
            "-o",
            "a.json",
        ],
    ] {
        let output = run(fuelgauge(&s, "c"), &with(SCORE, bad));
        assert_eq!(
            output.status.code(),
            Some(2),
            "{bad:?}: {}",
            transcript(&output)
        );
    }
}

/// Shards of real problems (C++ and Python references, Python and C++ samples): the merged
/// results, the compilers they record included, are the bytes of one run's.
#[test]
fn shards_of_bundled_problems_merge_to_the_bytes_of_one_run() {
    let s = Sandbox::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["problems", "reference", "examples"] {
        common::copy_tree(&root.join(dir), &s.path().join(dir));
    }
    let fuelgauge = || {
        let mut cmd = s.fuelgauge();
        cmd.env("FUELGAUGE_PYTHON_RUNTIME", common::python_runtime())
            .env("FUELGAUGE_CACHE", s.path().join("cache"));
        cmd
    };
    let only = "coprime-pairs,inversion-count,anagram-groups";
    let score = ["score", "examples/solutions", "--only", only];
    expect(fuelgauge(), &with(&score, &["-o", "one.json"]), 0);
    expect(
        fuelgauge(),
        &[
            "problems",
            "prepare",
            "--only",
            "coprime-pairs",
            "--only",
            "inversion-count",
            "--only",
            "anagram-groups",
            "-o",
            "pack",
        ],
        0,
    );
    for i in 1..=3 {
        let (shard, part) = (format!("{i}/3"), format!("part-{i}.json"));
        expect(
            fuelgauge(),
            &with(
                &score,
                &[
                    "--prepared",
                    "pack",
                    "--shard",
                    &shard,
                    "--jobs",
                    "1",
                    "-o",
                    &part,
                ],
            ),
            0,
        );
    }
    expect(
        fuelgauge(),
        &[
            "merge",
            "part-1.json",
            "part-2.json",
            "part-3.json",
            "-o",
            "merged.json",
        ],
        0,
    );
    assert!(
        bytes(&s, "merged.json") == bytes(&s, "one.json"),
        "the merged results differ:\n{}\n---\n{}",
        s.read("merged.json"),
        s.read("one.json")
    );
    let report: fuelgauge::schema::ScoreReport = serde_json::from_str(&s.read("one.json")).unwrap();
    assert!(
        report.provenance.compilers.contains_key("cpp"),
        "{:?}",
        report.provenance.compilers
    );
    assert_eq!(report.provenance.problems.len(), 3);
}

/// Two inputs with samples of the same system, problem and name (`run1/samples.jsonl` and
/// `run2/samples.jsonl` are both system `samples`): the results do not depend on the order the
/// inputs are given in, so neither does any shard's part.
#[test]
fn the_order_of_the_inputs_changes_nothing() {
    let s = sandbox();
    for (run, answer) in [("run1", "1"), ("run2", "2")] {
        s.write(
            &format!("{run}/samples.jsonl"),
            format!("{{\"task_id\": \"sum\", \"solution\": \"print({answer})\"}}\n"),
        );
    }
    let score = |first: &str, second: &str, out: &str| {
        let args = [
            "score",
            "--problems",
            "fast/problems",
            first,
            second,
            "-o",
            out,
        ];
        run(fuelgauge(&s, "c"), &args)
    };
    let ab = score("run1/samples.jsonl", "run2/samples.jsonl", "ab.json");
    let ba = score("run2/samples.jsonl", "run1/samples.jsonl", "ba.json");
    assert_eq!(ab.status.code(), ba.status.code(), "{}", transcript(&ab));
    let report: serde_json::Value = serde_json::from_str(&s.read("ab.json")).unwrap();
    assert_eq!(
        report["systems"]["samples"]["problems"]["sum"]["samples"]
            .as_array()
            .map(Vec::len),
        Some(2),
        "{}",
        transcript(&ab)
    );
    assert!(bytes(&s, "ab.json") == bytes(&s, "ba.json"));
}
