//! Memory scores, mem@k and growth exponents on the bundled problems, end to end: the fitted
//! exponents tell the declared complexity classes apart, references of two languages agree,
//! a memory-hungry candidate scores lower in memory, mem@k is what its definition gives, and
//! both metrics are byte-identical across job counts, packs and shards.

mod common;
mod support;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;
use support::{Sandbox, transcript};

/// A sandbox with the bundled problems and references, and a runner for the binary in it.
fn sandbox() -> Sandbox {
    let s = Sandbox::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["problems", "reference"] {
        common::copy_tree(&root.join(dir), &s.path().join(dir));
    }
    s
}

fn fuelgauge(s: &Sandbox) -> assert_cmd::Command {
    let mut cmd = s.fuelgauge();
    cmd.env("FUELGAUGE_PYTHON_RUNTIME", common::python_runtime())
        .env("FUELGAUGE_CACHE", s.path().join("cache"));
    cmd
}

/// Runs `args`, expecting exit status `code`.
fn expect(s: &Sandbox, args: &[&str], code: i32) -> std::process::Output {
    let output = fuelgauge(s).args(args).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(code),
        "{args:?}\n{}",
        transcript(&output)
    );
    output
}

fn json(s: &Sandbox, file: &str) -> Value {
    serde_json::from_str(&s.read(file)).unwrap()
}

/// Copies `reference/<id>/<file>` to `solutions/<system>/<id>/<file>`.
fn solution(s: &Sandbox, system: &str, id: &str, file: &str) {
    let text = s.read(&format!("reference/{id}/{file}"));
    s.write(&format!("solutions/{system}/{id}/{file}"), text);
}

/// The `[complexity]` table of every bundled problem that has one: (reference, slow).
fn declared() -> BTreeMap<String, (Option<String>, Option<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("problems");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(root).unwrap() {
        let dir = entry.unwrap().path();
        let toml: toml::Value =
            toml::from_str(&std::fs::read_to_string(dir.join("problem.toml")).unwrap()).unwrap();
        if let Some(c) = toml.get("complexity") {
            let class = |key: &str| c.get(key).and_then(|v| v.as_str()).map(str::to_owned);
            let id = dir.file_name().unwrap().to_str().unwrap().to_owned();
            out.insert(id, (class("reference"), class("slow")));
        }
    }
    out
}

/// Every reference and every slow solution of the bundled problems, scored with eight extra
/// sizes: a slow O(n²) solution's exponent is at least 0.7 above its reference's (over the
/// same sizes) wherever the reference is O(n) or O(n log n), and a problem's C++ and Python
/// references get exponents within 0.3 of each other.
#[test]
fn exponents_separate_slow_solutions_and_agree_across_languages() {
    let s = sandbox();
    let declared = declared();
    for entry in std::fs::read_dir(s.path().join("reference")).unwrap() {
        let dir = entry.unwrap().path();
        let id = dir.file_name().unwrap().to_str().unwrap().to_owned();
        for file in std::fs::read_dir(&dir).unwrap() {
            let name = file.unwrap().file_name().into_string().unwrap();
            let system = if name.starts_with("slow.") {
                "slow"
            } else if name.starts_with("ref.") {
                "ref"
            } else {
                continue;
            };
            solution(&s, system, &id, &name);
        }
    }
    let out = expect(
        &s,
        &["score", "solutions", "--growth", "8", "-o", "growth.json"],
        0,
    );
    let report = json(&s, "growth.json");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("warning"), "{stderr}");

    let mut checked = 0;
    let mut failures = Vec::new();
    for (id, (reference, slow)) in &declared {
        let fast = matches!(reference.as_deref(), Some("n" | "n log n"));
        if !fast || slow.as_deref() != Some("n^2") {
            continue;
        }
        for sample in report["systems"]["slow"]["problems"][id]["samples"]
            .as_array()
            .unwrap()
        {
            let result = &sample["result"];
            let name = sample["name"].as_str().unwrap();
            let (Some(b), Some(r)) = (
                result["growth"]["exponent"].as_f64(),
                result["reference_exponent"].as_f64(),
            ) else {
                failures.push(format!("{id}/{name}: no fit ({})", result["growth"]));
                continue;
            };
            checked += 1;
            if b - r < 0.7 {
                failures.push(format!("{id}/{name}: exponent {b:.2}, reference {r:.2}"));
            }
        }
    }
    assert!(checked >= 30, "only {checked} slow O(n^2) samples checked");
    assert!(failures.is_empty(), "{failures:#?}");

    // References of both languages: their own fits, over the same sizes.
    let mut pairs = 0;
    for (id, p) in report["provenance"]["problems"].as_object().unwrap() {
        let refs = p["references"].as_object().unwrap();
        let exponent = |family: &str| refs.get(family)?["growth"]["exponent"].as_f64();
        if let (Some(native), Some(python)) = (exponent("native"), exponent("python")) {
            pairs += 1;
            assert!(
                (native - python).abs() <= 0.3,
                "{id}: C++ reference {native:.2}, Python reference {python:.2}"
            );
        }
    }
    assert!(pairs >= 20, "{pairs} problems with two references");

    // The leaderboard's share of steeper samples: all slow O(n^2) ones at least.
    let share = |system: &str| report["systems"][system]["stats"][0]["growth"]["share"].as_f64();
    assert!(share("slow").unwrap() > 0.7, "{}", share("slow").unwrap());
    assert_eq!(share("ref"), Some(0.0));
}

/// A C++ range-sum that is correct but memory-hungry: besides the prefix sums it keeps a
/// dense table of every block's running sums (n/64 rows of n + 1), where the reference keeps
/// one array.
const HUNGRY: &str = r#"#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    vector<long long> a(n + 1, 0), pre(n + 1, 0);
    for (int i = 1; i <= n; i++) {
        scanf("%lld", &a[i]);
        pre[i] = pre[i - 1] + a[i];
    }
    // Dense: row b holds sums from block b's start to every later index.
    int blocks = n / 64 + 1;
    vector<vector<long long>> table(blocks, vector<long long>(n + 1, 0));
    for (int b = 0; b < blocks; b++) {
        for (int i = b * 64 + 1; i <= n; i++) table[b][i] = pre[i] - pre[b * 64];
    }
    for (int i = 0; i < q; i++) {
        int l, r;
        scanf("%d %d", &l, &r);
        int b = (l - 1) / 64;
        long long s = table[b][r];
        for (int j = b * 64 + 1; j < l; j++) s -= a[j];
        printf("%lld\n", s);
    }
    return 0;
}
"#;

/// The C(n, k)-weighted mean of the best of every k of `scores`, by enumerating the subsets:
/// the expectation mem@k (and eff@k) estimates, computed from its definition.
fn best_of_k(scores: &[f64], k: usize) -> f64 {
    fn subsets(from: &[f64], k: usize, best: f64, out: &mut Vec<f64>) {
        if k == 0 {
            out.push(best);
            return;
        }
        for i in 0..from.len() {
            subsets(&from[i + 1..], k - 1, best.max(from[i]), out);
        }
    }
    let mut all = Vec::new();
    subsets(scores, k, f64::NEG_INFINITY, &mut all);
    all.iter().sum::<f64>() / all.len() as f64
}

/// mem@k and the memory score from their definitions, a hungry candidate's lower memory
/// score, and the same bytes across job counts, a pack and shards.
#[test]
fn memory_scores_and_mem_at_k_match_their_definitions_and_are_deterministic() {
    let s = sandbox();
    for id in ["range-sum", "inversion-count"] {
        for file in ["ref.cpp", "ref.py", "slow.cpp"] {
            solution(&s, "mix", id, file);
        }
    }
    s.write("solutions/mix/range-sum/hungry.cpp", HUNGRY);
    s.write(
        "solutions/mix/inversion-count/copy.cpp",
        s.read("reference/inversion-count/ref.cpp"),
    );
    const ONLY: &str = "range-sum,inversion-count";
    let only = ONLY;
    fn score<'a>(more: &[&'a str]) -> Vec<&'a str> {
        let mut args = vec![
            "score",
            "solutions",
            "--only",
            ONLY,
            "--growth",
            "3",
            "--k",
            "1,2,3",
        ];
        args.extend_from_slice(more);
        args
    }
    expect(&s, &score(&["--jobs", "2", "-o", "one.json"]), 0);
    let report = json(&s, "one.json");
    let problems = &report["systems"]["mix"]["problems"];

    // The hungry candidate: as correct, far more memory.
    let samples = problems["range-sum"]["samples"].as_array().unwrap();
    let by_name = |name: &str| {
        samples
            .iter()
            .find(|x| x["name"] == name)
            .unwrap_or_else(|| panic!("{name}"))["result"]
            .clone()
    };
    let (hungry, reference) = (by_name("hungry.cpp"), by_name("ref.cpp"));
    assert_eq!(hungry["passed"], true, "{}", hungry["verdict"]);
    let (m_hungry, m_ref) = (
        hungry["memory_score"].as_f64().unwrap(),
        reference["memory_score"].as_f64().unwrap(),
    );
    assert!(m_ref >= 0.99, "the reference's own memory score: {m_ref}");
    assert!(
        m_hungry < 0.5 * m_ref,
        "hungry {m_hungry} vs reference {m_ref}"
    );

    // Each memory score from its levels: Σ h_l g_l / Σ h_l, g_l = max(0, M − m_l)/(M − M*_l).
    let mut per_problem: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for (id, p) in problems.as_object().unwrap() {
        let prov = &report["provenance"]["problems"][id];
        let weights: Vec<f64> = prov["weights"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_f64().unwrap())
            .collect();
        for x in p["samples"].as_array().unwrap() {
            let r = &x["result"];
            let family = if r["language"] == "python" {
                "python"
            } else {
                "native"
            };
            let budget = prov["references"][family]["memory_budget"]
                .as_f64()
                .unwrap();
            let (mut num, mut den) = (0.0, 0.0);
            for (l, level) in r["levels"].as_array().unwrap().iter().enumerate() {
                let g = match level["memory"].as_f64() {
                    None => 0.0,
                    Some(m) => {
                        let reference = level["reference_memory"].as_f64().unwrap();
                        (budget - m).max(0.0) / (budget - reference)
                    }
                };
                num += weights[l] * g;
                den += weights[l];
            }
            let want = if r["passed"] == true { num / den } else { 0.0 };
            let got = r["memory_score"].as_f64().unwrap();
            assert!(
                (got - want).abs() < 1e-12,
                "{id}/{}: {got} vs {want}",
                x["name"]
            );
            per_problem.entry(id.clone()).or_default().push(got);
        }
    }
    // mem@k: the mean over problems of the expected best of k memory scores.
    for stats in report["systems"]["mix"]["stats"].as_array().unwrap() {
        let k = stats["k"].as_u64().unwrap() as usize;
        let want = per_problem
            .values()
            .map(|scores| best_of_k(scores, k))
            .sum::<f64>()
            / per_problem.len() as f64;
        let got = stats["mem_at_k"]["value"].as_f64().unwrap();
        assert!((got - want).abs() < 1e-12, "mem@{k}: {got} vs {want}");
    }

    // The same bytes on one job, from a pack prepared with the same growth, and from shards.
    let one = s.read("one.json");
    expect(&s, &score(&["--jobs", "1", "-o", "jobs1.json"]), 0);
    assert_eq!(s.read("jobs1.json"), one, "--jobs 1");
    let prepare = [
        "problems", "prepare", "--only", only, "--growth", "3", "-o", "pack",
    ];
    expect(&s, &prepare, 0);
    for i in 1..=2 {
        let (shard, part) = (format!("{i}/2"), format!("part-{i}.json"));
        expect(
            &s,
            &score(&["--prepared", "pack", "--shard", &shard, "-o", &part]),
            0,
        );
    }
    expect(
        &s,
        &["merge", "part-1.json", "part-2.json", "-o", "merged.json"],
        0,
    );
    assert_eq!(s.read("merged.json"), one, "merged shards");

    // A pack prepared with other growth sizes is refused, saying which.
    let other = ["score", "solutions", "--only", only, "--prepared", "pack"];
    let out = expect(&s, &[&other[..], &["-o", "x.json"]].concat(), 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--growth"), "{stderr}");
}

/// A quadratic sample that recognises the growth sizes (every size that is not a level's) and
/// pads its runs there, flattening its fit over them for nothing: it is still counted as
/// steeper than its reference, since that count is decided on the level tests. The fast
/// fixtures need no toolchain.
#[test]
fn padding_the_growth_sizes_does_not_leave_the_steeper_count() {
    let s = Sandbox::new();
    s.copy("fast", "fast");
    s.copy("fast/solutions/slow/pairs", "solutions/slow/pairs");
    s.copy("hostile-growth/pad.wat", "solutions/pad/pairs/pad.wat");
    let out = s
        .fuelgauge()
        .env("FUELGAUGE_PYTHON_RUNTIME", s.path().join("no-runtime.wasm"))
        .args([
            "score",
            "solutions",
            "--problems",
            "fast/problems",
            "--only",
            "pairs",
            "--growth",
            "4",
            "-o",
            "pad.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let report = json(&s, "pad.json");
    let result = |system: &str| {
        report["systems"][system]["problems"]["pairs"]["samples"][0]["result"].clone()
    };
    let (slow, pad) = (result("slow"), result("pad"));
    // The padding works on the reported fit: flatter than the honest one's.
    let b = |r: &Value| r["growth"]["exponent"].as_f64().unwrap();
    assert!(
        b(&pad) < b(&slow) - 0.5,
        "pad {} vs slow {}",
        b(&pad),
        b(&slow)
    );
    // It changes neither the level fit nor the count.
    assert_eq!(pad["level_growth"], slow["level_growth"]);
    for system in ["slow", "pad"] {
        let growth = &report["systems"][system]["stats"][0]["growth"];
        assert_eq!(
            (growth["fitted"].as_u64(), growth["steeper"].as_u64()),
            (Some(1), Some(1)),
            "{system}: {growth}"
        );
    }
}
