//! The HTML report: escaping, determinism, plots, leaderboard order, and a real headless
//! Chromium that loads the page, sorts the leaderboard by clicking and takes a screenshot.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use fuelgauge::candidate::{Family, Language};
use fuelgauge::judge::score::{LevelFuel as Cost, Yard, memory_budget, sample_scores};
use fuelgauge::problem::Kind;
use fuelgauge::report::html::render_html;
use fuelgauge::schema::TestVerdict;
use fuelgauge::schema::{
    ProblemProvenance, ProblemReport, Provenance, SCORE_SCHEMA_VERSION, SampleReport, ScoreReport,
    ScoreSettings, SystemReport,
};
use fuelgauge::schema::{SampleResult, TestResult, Yardstick};
use fuelgauge::stats::{
    BootstrapConfig, LevelCost, ProblemSamples, Sample, StatsConfig, summarize,
};

const HOSTILE: &str = "<script>alert(1)</script>";
const HOSTILE_ESCAPED: &str = "&lt;script&gt;alert(1)&lt;/script&gt;";
const WEIGHTS: [f64; 3] = [1.0, 2.0, 3.0];
const CHROMIUM: &str = "/usr/bin/chromium";
const BROWSER_TIME_LIMIT: Duration = Duration::from_secs(60);

// ---------------------------------------------------------------------------------------------
// A hand-built report
// ---------------------------------------------------------------------------------------------

fn yardstick(language: Language, per_level: &[u64], alpha: f64) -> Yardstick {
    Yardstick {
        io_allowance: Vec::new(),
        language,
        per_test: per_level.to_vec(),
        per_level: per_level.to_vec(),
        budget: fuelgauge::judge::score::budget(per_level, &WEIGHTS, alpha),
        memory_per_test: vec![0; per_level.len()],
        memory_per_level: vec![0; per_level.len()],
        memory_budget: memory_budget(&vec![0; per_level.len()], &WEIGHTS, alpha),
        growth: None,
    }
}

fn problem_provenance(
    title: &str,
    alpha: f64,
    sizes: &[u64],
    references: &[(Family, Yardstick)],
) -> ProblemProvenance {
    ProblemProvenance {
        title: title.to_owned(),
        kind: Kind::Stdio,
        sha256: "ab".repeat(32),
        excluded: false,
        alpha,
        sizes: sizes.to_vec(),
        growth_sizes: Vec::new(),
        complexity: None,
        weights: WEIGHTS.to_vec(),
        tests: 6,
        references: references.iter().cloned().collect(),
    }
}

/// A passing sample with the given fuel per level (`None`: ran out of fuel), scored as the
/// judge scores it.
fn passing(name: &str, language: Language, yard: &Yardstick, fuel: &[Option<u64>]) -> SampleReport {
    let costs: Vec<Cost> = fuel
        .iter()
        .map(|f| f.map_or(Cost::Censored, Cost::Finished))
        .collect();
    let yard_of = |per_level, budget| Yard { per_level, budget };
    let scores = sample_scores(
        yard_of(&yard.per_level, yard.budget),
        yard_of(&yard.memory_per_level, yard.memory_budget),
        &WEIGHTS,
        &costs,
        &vec![0; costs.len()],
    );
    let (score, levels) = (scores.score, scores.levels);
    let tests = levels
        .iter()
        .take_while(|l| l.level == 0 || !levels[l.level - 1].censored)
        .map(|l| TestResult {
            forgiven: 0,
            name: format!("gen-{}", l.level),
            level: l.level,
            verdict: if l.censored {
                TestVerdict::FuelExhausted
            } else {
                TestVerdict::Accepted
            },
            fuel: l.fuel,
            peak_memory: 1 << 16,
        })
        .collect();
    SampleReport {
        name: name.to_owned(),
        sha256: "cd".repeat(32),
        result: SampleResult {
            language,
            passed: true,
            score,
            memory_score: scores.memory_score,
            growth: None,
            reference_exponent: None,
            level_growth: fuelgauge::stats::Growth::NotCompared,
            verdict: fuelgauge::schema::VerdictKind::Accepted,
            levels,
            tests,
        },
    }
}

fn failing(name: &str, language: Language, verdict: TestVerdict) -> SampleReport {
    SampleReport {
        name: name.to_owned(),
        sha256: "ef".repeat(32),
        result: SampleResult {
            language,
            passed: false,
            score: 0.0,
            memory_score: 0.0,
            growth: None,
            reference_exponent: None,
            level_growth: fuelgauge::stats::Growth::NotCompared,
            verdict: verdict.kind(),
            levels: vec![],
            tests: vec![TestResult {
                forgiven: 0,
                name: "hand-1".to_owned(),
                level: 0,
                verdict,
                fuel: None,
                peak_memory: 0,
            }],
        },
    }
}

/// The statistics input of one system's problem, as the score command derives it.
fn stats_input(
    id: &str,
    problem: &ProblemReport,
    provenance: &ProblemProvenance,
) -> ProblemSamples {
    let samples = problem
        .samples
        .iter()
        .map(|s| {
            let budget = provenance.references[&s.result.language.family()].budget;
            Sample {
                passed: s.result.passed,
                score: s.result.score,
                levels: s
                    .result
                    .levels
                    .iter()
                    .map(|l| match l.fuel {
                        Some(t) => LevelCost::Finished {
                            ratio: t as f64 / l.reference_fuel as f64,
                        },
                        None => LevelCost::OutOfFuel {
                            alpha: budget as f64 / l.reference_fuel as f64,
                        },
                    })
                    .collect(),
                memory_score: s.result.memory_score,
                growth: fuelgauge::stats::Growth::NotCompared,
            }
        })
        .collect();
    ProblemSamples {
        id: id.to_owned(),
        excluded: problem.excluded,
        samples,
    }
}

/// Three systems on two problems:
/// * `alpha-c` (C) passes everything; one `p-sort` sample runs out of fuel on level 2;
/// * the hostile name (Python) attempts `p-sum` only, with a hostile wrong-answer diff;
/// * `zeta-wasm` passes `p-sum` once with level 2 out of fuel, and nothing of `p-sort`.
///
/// eff@1: alpha-c ≈ 0.87 > hostile ≈ 0.38 > zeta-wasm ≈ 0.12; censoring: hostile 0 <
/// alpha-c 1/12 < zeta-wasm 1/3.
fn sample_report() -> ScoreReport {
    let sum_native = yardstick(Language::Cpp, &[100, 10_000, 1_000_000], 4.0);
    let sum_python = yardstick(Language::Python, &[5_000, 500_000, 50_000_000], 4.0);
    let sort_native = yardstick(Language::Cpp, &[1_000, 100_000, 10_000_000], 2.0);
    let mut problems = BTreeMap::new();
    problems.insert(
        "p-sum".to_owned(),
        problem_provenance(
            "Sum </title><script>alert(1)</script>",
            4.0,
            &[10, 1_000, 100_000],
            &[
                (Family::Native, sum_native.clone()),
                (Family::Python, sum_python.clone()),
            ],
        ),
    );
    problems.insert(
        "p-sort".to_owned(),
        problem_provenance(
            "Sort & count",
            2.0,
            &[100, 10_000, 1_000_000],
            &[(Family::Native, sort_native.clone())],
        ),
    );

    let report = |samples: Vec<SampleReport>| ProblemReport {
        excluded: false,
        samples,
    };
    let mut by_system: BTreeMap<String, BTreeMap<String, ProblemReport>> = BTreeMap::new();
    by_system.insert(
        "alpha-c".to_owned(),
        BTreeMap::from([
            (
                "p-sum".to_owned(),
                report(vec![
                    passing(
                        "a.c",
                        Language::C,
                        &sum_native,
                        &[Some(80), Some(8_000), Some(800_000)],
                    ),
                    passing(
                        "b.c",
                        Language::C,
                        &sum_native,
                        &[Some(100), Some(12_000), Some(1_500_000)],
                    ),
                ]),
            ),
            (
                "p-sort".to_owned(),
                report(vec![
                    passing(
                        "a.c",
                        Language::C,
                        &sort_native,
                        &[Some(900), Some(90_000), Some(9_000_000)],
                    ),
                    passing(
                        "b.c",
                        Language::C,
                        &sort_native,
                        &[Some(1_500), Some(200_000), None],
                    ),
                ]),
            ),
        ]),
    );
    by_system.insert(
        HOSTILE.to_owned(),
        BTreeMap::from([(
            "p-sum".to_owned(),
            report(vec![
                passing(
                    "a.py",
                    Language::Python,
                    &sum_python,
                    &[Some(6_000), Some(900_000), Some(120_000_000)],
                ),
                failing(
                    "b<i>.py",
                    Language::Python,
                    TestVerdict::WrongAnswer {
                        diff: format!("line 1: expected 3, got {HOSTILE}"),
                    },
                ),
            ]),
        )]),
    );
    by_system.insert(
        "zeta-wasm".to_owned(),
        BTreeMap::from([
            (
                "p-sum".to_owned(),
                report(vec![
                    passing(
                        "a.wasm",
                        Language::Wasm,
                        &sum_native,
                        &[Some(300), Some(40_000), None],
                    ),
                    failing(
                        "b.wasm",
                        Language::Wasm,
                        TestVerdict::RuntimeError {
                            detail: "trap: unreachable".to_owned(),
                        },
                    ),
                ]),
            ),
            (
                "p-sort".to_owned(),
                report(vec![
                    failing(
                        "a.wat",
                        Language::Wat,
                        TestVerdict::CompileError {
                            message: "error: <img src=\"x\" onerror=\"alert(2)\">".to_owned(),
                        },
                    ),
                    failing(
                        "b.wasm",
                        Language::Wasm,
                        TestVerdict::WrongAnswer {
                            diff: "expected 1 2, got 2 1".to_owned(),
                        },
                    ),
                ]),
            ),
        ]),
    );

    let bootstrap = BootstrapConfig {
        resamples: 500,
        ..BootstrapConfig::default()
    };
    let ks = vec![1, 2];
    let systems = by_system
        .into_iter()
        .map(|(name, reports)| {
            let input: Vec<ProblemSamples> = reports
                .iter()
                .map(|(id, p)| stats_input(id, p, &problems[id]))
                .collect();
            let stats = ks
                .iter()
                .map(|&k| {
                    let config = StatsConfig {
                        k,
                        include_excluded: false,
                        bootstrap,
                    };
                    summarize(&input, &config).unwrap()
                })
                .collect();
            (
                name,
                SystemReport {
                    stats,
                    problems: reports,
                },
            )
        })
        .collect();

    ScoreReport {
        schema_version: SCORE_SCHEMA_VERSION,
        tool: "fuelgauge".to_owned(),
        version: fuelgauge::VERSION.to_owned(),
        settings: ScoreSettings {
            k: ks,
            include_excluded: false,
            bootstrap,
            growth: 0,
        },
        provenance: Provenance {
            cost_model: "native-v1".into(),
            wasmtime: "48.0.8".to_owned(),
            python: "3.14.0".to_owned(),
            python_runtime: "0".repeat(64),
            compilers: BTreeMap::from([("c".to_owned(), "clang version 19.1.7".to_owned())]),
            problems,
            secret_seed_sha256: None,
        },
        systems,
        warnings: vec!["skipped line 3 of <b>bad</b>.jsonl: unknown problem \"p-x\"".to_owned()],
        speedup: None,
    }
}

/// The part of `html` from `start` to the next `end`.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in the page"));
    let rest = &html[from..];
    &rest[..rest
        .find(end)
        .unwrap_or_else(|| panic!("no {end:?} after {start:?}"))]
}

fn problem_section<'a>(html: &'a str, id: &str) -> &'a str {
    let heading = format!("<h3>{id}");
    let from = html
        .match_indices(&heading)
        .map(|(i, _)| i)
        .find(|&i| matches!(html.as_bytes()[i + heading.len()], b' ' | b'<'))
        .unwrap_or_else(|| panic!("no section for {id}"));
    let rest = &html[from..];
    &rest[..rest.find("</section>").unwrap()]
}

// ---------------------------------------------------------------------------------------------
// Tests of the page's text
// ---------------------------------------------------------------------------------------------

#[test]
fn every_report_string_is_escaped() {
    let html = render_html(&sample_report());
    for raw in [
        HOSTILE,
        "<script>alert",
        "</title><script>",
        "<img",
        "<b>bad",
        "b<i>.py",
    ] {
        assert!(!html.contains(raw), "unescaped {raw:?} in the page");
    }
    // The hostile strings are there, as text: name, diff, title, compile error, warning.
    assert!(html.contains(HOSTILE_ESCAPED));
    assert!(html.contains("got &lt;script&gt;alert(1)&lt;/script&gt;</pre>"));
    assert!(html.contains("Sum &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("error: &lt;img src=&quot;x&quot; onerror=&quot;alert(2)&quot;&gt;"));
    assert!(html.contains(
        "<li>skipped line 3 of &lt;b&gt;bad&lt;/b&gt;.jsonl: unknown problem &quot;p-x&quot;</li>"
    ));
    assert!(html.contains("Sort &amp; count"));
    // Exactly the page's own two scripts.
    assert_eq!(html.matches("<script>").count(), 2);
    assert_eq!(html.matches("</script>").count(), 2);
}

#[test]
fn control_characters_become_replacement_characters() {
    let mut report = sample_report();
    let system = report.systems.remove("zeta-wasm").unwrap();
    report
        .systems
        .insert("bell\u{7}\u{0}name\u{9f}".to_owned(), system);
    let html = render_html(&report);
    assert!(html.contains("bell\u{fffd}\u{fffd}name\u{fffd}"));
    assert!(
        !html
            .chars()
            .any(|c| (c < ' ' && !"\t\n\r".contains(c)) || ('\u{7f}'..='\u{9f}').contains(&c))
    );
}

#[test]
fn rendering_is_deterministic() {
    let first = render_html(&sample_report());
    let second = render_html(&sample_report());
    assert_eq!(first, second);
    // Also after a JSON round trip, as `fuelgauge` writes and reads reports.
    let json = serde_json::to_string(&sample_report()).unwrap();
    let reread: ScoreReport = serde_json::from_str(&json).unwrap();
    assert_eq!(render_html(&reread), first);
}

#[test]
fn page_is_self_contained() {
    let html = render_html(&sample_report());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.ends_with("</html>\n"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains(
        "content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\""
    ));
    for external in [
        "http://", "https://", " src=\"", "<link", "<img", "@import", "url(", "<iframe",
    ] {
        assert!(
            !html.contains(external),
            "the page refers to something outside: {external:?}"
        );
    }
    // In-page links only.
    for (i, _) in html.match_indices("href=\"") {
        assert_eq!(
            &html[i + 6..i + 7],
            "#",
            "external link at {}",
            &html[i..i + 40]
        );
    }
    // Settings and versions are shown.
    assert!(html.contains(&format!(
        "<dt>Tool</dt><dd>fuelgauge {}</dd>",
        fuelgauge::VERSION
    )));
    assert!(html.contains(&format!(
        "<dt>Schema version</dt><dd>{SCORE_SCHEMA_VERSION}</dd>"
    )));
    assert!(html.contains("<dt>k</dt><dd>1, 2</dd>"));
    assert!(html.contains("500 resamples of problems, seed 1592652001, 95% confidence"));
}

#[test]
fn leaderboard_is_sorted_by_eff_at_1_with_intervals_and_sort_keys() {
    let report = sample_report();
    let html = render_html(&report);
    let table = between(&html, "<table id=\"leaderboard\">", "</table>");
    let position = |needle: &str| {
        table
            .find(&format!("</svg>{needle}</th>"))
            .unwrap_or_else(|| panic!("{needle} has no row"))
    };
    let (alpha, hostile, zeta) = (
        position("alpha-c"),
        position(HOSTILE_ESCAPED),
        position("zeta-wasm"),
    );
    assert!(
        alpha < hostile && hostile < zeta,
        "rows are not in eff@1 order"
    );
    let eff = |name: &str| report.systems[name].stats[0].eff_at_k.value;
    assert!(eff("alpha-c") > eff(HOSTILE) && eff(HOSTILE) > eff("zeta-wasm"));

    // Every k has its pass@k and eff@k columns; eff@1 is marked as the sort column.
    for k in [1, 2] {
        assert!(table.contains(&format!("id=\"col-pass-{k}\"")));
        assert!(table.contains(&format!("id=\"col-eff-{k}\"")));
    }
    assert_eq!(table.matches("aria-sort=").count(), 1);
    assert!(table.contains(
        "<th scope=\"col\" id=\"col-eff-1\" data-first=\"descending\" aria-sort=\"descending\""
    ));
    assert_eq!(table.matches("<tr data-order=").count(), 3);

    // The values as `value [lower, upper]` with a full-precision sort key.
    let summary = &report.systems["alpha-c"].stats[0];
    let e = summary.eff_at_k;
    assert!(table.contains(&format!(
        "<td class=\"num\" data-value=\"{:.6}\">{:.3} <span class=\"ci\">[{:.2}, {:.2}]</span></td>",
        e.value, e.value, e.ci.lower, e.ci.upper
    )));
    // Censoring as a percentage, sortable by its rate.
    assert!(table.contains("data-value=\"0.083333\" title=\"1 of 12 scored level runs ran out of fuel, in 1 problem\">8.3%</td>"));
    // The Kaplan–Meier median: estimated ratios sort before censored ones.
    let median = summary.cost_ratio.as_ref().unwrap().kaplan_meier.median;
    let fuelgauge::stats::Quantile::Estimated { ratio } = median else {
        panic!("alpha-c's median should be estimated: {median:?}")
    };
    assert!(table.contains(&format!("data-value=\"0 {ratio:.6}\"")));
}

#[test]
fn each_problem_has_a_log_log_plot_with_references_budget_and_systems() {
    let html = render_html(&sample_report());
    assert_eq!(html.matches("<svg class=\"plot\"").count(), 2);

    let sum = problem_section(&html, "p-sum");
    assert_eq!(sum.matches("<svg class=\"plot\"").count(), 1);
    // Both families' references and budgets (T = 4 · max T*).
    assert!(sum.contains("native reference (cpp), level 1, size 1,000: T* = 10,000 fuel"));
    assert!(sum.contains("python reference (python), level 2, size 100,000: T* = 50,000,000 fuel"));
    assert!(sum.contains("<title>budget T (native) = 4,000,000 fuel</title>"));
    assert!(sum.contains("<title>budget T (python) = 200,000,000 fuel</title>"));
    assert_eq!(
        sum.matches("stroke-dasharray=\"6 4\"><title>budget")
            .count(),
        2
    );
    // One line per passing system; zeta-wasm's level 2 ran out of fuel: a triangle at T.
    assert_eq!(sum.matches("<polyline").count(), 2 + 3);
    assert!(sum.contains("alpha-c (a.c), level 2, size 100,000: 800,000 fuel, t/T* = 0.80"));
    assert_eq!(sum.matches("<path class=\"censored\"").count(), 1);
    assert!(sum.contains(
        "zeta-wasm (a.wasm), level 2, size 100,000: ran out of fuel; cost ≥ T = 4,000,000 fuel"
    ));
    // Power-of-ten ticks, from 1 (no value is below 10) to 1G (the Python budget is 2·10^8).
    for label in [
        ">10</text>",
        ">1k</text>",
        ">100k</text>",
        ">1M</text>",
        ">1G</text>",
    ] {
        assert!(sum.contains(label), "no tick {label}");
    }
    assert!(sum.contains("input size (log scale)"));
    // A legend and the per-problem table.
    assert!(sum.contains("<ul class=\"legend\">"));
    assert!(sum.contains("ran out of fuel: drawn at T (cost ≥ T)"));
    assert!(sum.contains(
        "<td class=\"num\">1 / 2</td><td><span class=\"verdict\">wrong_answer</span> × 1</td>"
    ));

    let sort = problem_section(&html, "p-sort");
    assert!(sort.contains("No passing sample, so no line: <span class=\"sys\">zeta-wasm</span>."));
    assert!(sort.contains(&format!(
        "Did not attempt this problem: <span class=\"sys\">{HOSTILE_ESCAPED}</span>."
    )));
    // alpha-c's best p-sort sample is a.c (b.c ran out of fuel), so no triangle here.
    assert!(sort.contains("<code>a.c</code> <span class=\"muted\">(c)</span>"));
    assert_eq!(sort.matches("<path class=\"censored\"").count(), 0);
    assert!(sort.contains("<span class=\"verdict\">compile_error</span> × 1, <span class=\"verdict\">wrong_answer</span> × 1"));
    assert!(!sort.contains("NaN") && !sort.contains("inf"));
}

#[test]
fn degenerate_problems_still_render() {
    let mut report = sample_report();
    // One level, a zero cost, no sizes: plotted by level, zero clamped to 1 on the log axis.
    let one = yardstick(Language::Cpp, &[0], 3.0);
    let mut provenance = problem_provenance("Tiny", 3.0, &[], &[(Family::Native, one.clone())]);
    provenance.weights = vec![1.0];
    report
        .provenance
        .problems
        .insert("p-tiny".to_owned(), provenance);
    let sample = SampleReport {
        result: SampleResult {
            levels: vec![fuelgauge::schema::LevelScore {
                level: 0,
                reference_fuel: 0,
                fuel: Some(0),
                censored: false,
                score: 1.0,
                reference_memory: 0,
                memory: Some(0),
                memory_score: 1.0,
            }],
            score: 1.0,
            ..passing("t.c", Language::C, &one, &[Some(0)]).result
        },
        ..passing("t.c", Language::C, &one, &[Some(0)])
    };
    report.systems.get_mut("alpha-c").unwrap().problems.insert(
        "p-tiny".to_owned(),
        ProblemReport {
            excluded: true,
            samples: vec![sample],
        },
    );
    // A problem without provenance, and a system without statistics.
    report.systems.insert(
        "empty".to_owned(),
        SystemReport {
            stats: vec![],
            problems: BTreeMap::from([(
                "p-unknown".to_owned(),
                ProblemReport {
                    excluded: false,
                    samples: vec![failing("x.py", Language::Python, TestVerdict::MemoryLimit)],
                },
            )]),
        },
    );
    report.settings.k = vec![];

    let html = render_html(&report);
    let tiny = problem_section(&html, "p-tiny");
    assert!(tiny.contains("<svg class=\"plot\""));
    assert!(tiny.contains("level (input sizes not in the report)"));
    assert!(tiny.contains("excluded from aggregates"));
    assert!(tiny.contains("alpha-c (t.c), level 0: 0 fuel, f = 1.000"));
    assert!(tiny.contains("<circle "));
    let unknown = problem_section(&html, "p-unknown");
    assert!(unknown.contains("no plot"));
    assert!(!unknown.contains("<svg class=\"plot\""));
    // Without settings.k the stats' k are shown; the system without stats is last, with dashes.
    let table = between(&html, "<table id=\"leaderboard\">", "</table>");
    assert!(table.contains("id=\"col-eff-1\"") && table.contains("id=\"col-eff-2\""));
    let rows: Vec<&str> = table.split("<tr data-order=").skip(1).collect();
    assert_eq!(rows.len(), 4);
    assert!(rows[3].contains("</svg>empty</th>"));
    assert_eq!(
        rows[3].matches("<td class=\"num missing\"").count(),
        // pass@k, eff@k and mem@k for each k; steeper, censored, median, problems, samples.
        3 * 2 + 5
    );
    for bad in ["NaN", "inf", "-0.0"] {
        assert!(!html.contains(bad), "{bad} in the page");
    }
    // An empty report is a page too.
    let mut empty = report;
    empty.systems.clear();
    empty.provenance.problems.clear();
    empty.warnings.clear();
    let html = render_html(&empty);
    assert!(html.contains("No system was scored.") && html.contains("No problem was scored."));
    assert!(!html.contains("id=\"warnings\""));
}

// ---------------------------------------------------------------------------------------------
// A real browser
// ---------------------------------------------------------------------------------------------

/// Runs `command` in a process group of its own with stdout and stderr captured; if it has
/// not finished within `limit`, kills the whole group and fails the test.
fn run_bounded(mut command: Command, limit: Duration) -> std::process::Output {
    use std::os::unix::process::CommandExt as _;
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let child = command
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {command:?}: {e}"));
    let group = child.id();
    let (done, finished) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(child.wait_with_output());
    });
    match finished.recv_timeout(limit) {
        Ok(output) => output.expect("waiting for chromium failed"),
        Err(_) => {
            // The child is not reaped until its pipes close, so the group id is still ours.
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{group}")])
                .status();
            let _ = finished.recv_timeout(Duration::from_secs(10));
            panic!("chromium did not finish within {limit:?}; killed it: {command:?}");
        }
    }
}

/// `chromium --headless` with a fresh profile and no background traffic.
fn chromium(profile: &Path, args: &[&str]) -> std::process::Output {
    assert!(
        Path::new(CHROMIUM).exists(),
        "{CHROMIUM} is missing: the HTML report test needs Debian's chromium; run ci/setup \
         (as root) to install it"
    );
    let mut command = Command::new(CHROMIUM);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=2000",
        ])
        .arg(format!(
            "--user-data-dir={}",
            profile.join("profile").display()
        ))
        .args(args)
        .env("HOME", profile)
        .env("XDG_CONFIG_HOME", profile.join("config"))
        .env("XDG_CACHE_HOME", profile.join("cache"))
        .env_remove("RUST_BACKTRACE");
    let output = run_bounded(command, BROWSER_TIME_LIMIT);
    assert!(
        output.status.success(),
        "chromium failed ({}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The attributes of the first `<tag …>` start tag in serialized HTML (values unescaped).
fn start_tag_attributes(html: &str, tag: &str) -> BTreeMap<String, String> {
    let from = html
        .find(&format!("<{tag}"))
        .unwrap_or_else(|| panic!("no <{tag}>"))
        + tag.len()
        + 1;
    let mut rest = &html[from..];
    let mut attributes = BTreeMap::new();
    loop {
        rest = rest.trim_start();
        if rest.starts_with('>') || rest.is_empty() {
            return attributes;
        }
        let name_end = rest.find(['=', ' ', '>']).unwrap();
        let name = rest[..name_end].to_owned();
        rest = &rest[name_end..];
        let value = if let Some(quoted) = rest.strip_prefix("=\"") {
            let end = quoted.find('"').unwrap();
            rest = &quoted[end + 1..];
            unescape(&quoted[..end])
        } else {
            String::new()
        };
        attributes.insert(name, value);
    }
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[test]
fn headless_chromium_loads_sorts_and_screenshots_the_page() {
    let html = render_html(&sample_report());
    let work = tempfile::tempdir().unwrap();
    let page = work.path().join("report.html");
    std::fs::write(&page, &html).unwrap();
    let artifacts = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("html-report");
    std::fs::create_dir_all(&artifacts).unwrap();
    std::fs::write(artifacts.join("report.html"), &html).unwrap();
    let url = format!("file://{}", page.display());

    // 1. The DOM after load and the self-check: the script ran, without errors, and sorting by
    //    a click on the censoring header works both ways.
    let profile = tempfile::tempdir().unwrap();
    let output = chromium(profile.path(), &["--dump-dom", &format!("{url}#selftest")]);
    let dom = String::from_utf8(output.stdout).expect("the DOM is UTF-8");
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(
        dom.contains("<table id=\"leaderboard\">"),
        "no leaderboard in the DOM:\n{dom}"
    );
    assert_eq!(dom.matches("<svg class=\"plot\"").count(), 2);
    assert!(!dom.contains("<script>alert"));
    let body = start_tag_attributes(&dom, "body");
    assert_eq!(
        body.get("data-errors").map(String::as_str),
        Some(""),
        "script errors: {body:?}"
    );
    assert_eq!(
        body.get("data-script").map(String::as_str),
        Some("ready"),
        "{body:?}\n{log}"
    );
    assert_eq!(
        body.get("data-selftest").map(String::as_str),
        Some(HOSTILE),
        "ascending censoring should put the system without censoring first: {body:?}"
    );
    assert_eq!(
        body.get("data-selftest-toggled").map(String::as_str),
        Some("zeta-wasm")
    );
    assert_eq!(
        body.get("data-selftest-aria").map(String::as_str),
        Some("descending 1")
    );
    for complaint in ["Uncaught", "Refused to", "Content Security Policy"] {
        assert!(
            !log.contains(complaint),
            "chromium complained ({complaint}):\n{log}"
        );
    }
    // The rows really moved: zeta-wasm's row now comes first in the leaderboard.
    let table = between(&dom, "<table id=\"leaderboard\">", "</table>");
    let zeta = table.find(">zeta-wasm</th>").unwrap();
    let alpha = table.find(">alpha-c</th>").unwrap();
    assert!(zeta < alpha);

    // 2. A screenshot, kept under the target dir for people to look at.
    let screenshot = artifacts.join("report.png");
    let _ = std::fs::remove_file(&screenshot);
    let profile = tempfile::tempdir().unwrap();
    chromium(
        profile.path(),
        &[
            &format!("--screenshot={}", screenshot.display()),
            "--window-size=1280,2000",
            &url,
        ],
    );
    let mut png = Vec::new();
    std::fs::File::open(&screenshot)
        .unwrap_or_else(|e| panic!("no screenshot at {}: {e}", screenshot.display()))
        .read_to_end(&mut png)
        .unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (1280, 2000));
    assert!(
        png.len() > 30_000,
        "the screenshot is suspiciously small: {} bytes",
        png.len()
    );
}
