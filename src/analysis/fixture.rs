//! A small score report for the renderers' unit tests: three systems, a problem with levels
//! and one without (as HumanEval imports are), a censored sample and a failure whose detail
//! holds markup and control characters.

use std::collections::BTreeMap;

use super::problem_samples;
use crate::candidate::{Family, Language};
use crate::judge::score::{LevelFuel, Yard, budget, memory_budget, sample_scores};
use crate::problem::Kind;
use crate::schema::{
    LevelScore, ProblemProvenance, ProblemReport, Provenance, SCORE_SCHEMA_VERSION, SampleReport,
    SampleResult, ScoreReport, ScoreSettings, SystemReport, TestResult, TestVerdict, VerdictKind,
    Yardstick,
};
use crate::stats::{BootstrapConfig, GrowthFit, StatsConfig, summarize};

const WEIGHTS: [f64; 3] = [0.0, 1.0, 1.0];
const REFERENCE: [u64; 3] = [100, 1_000, 10_000];
const REFERENCE_MEMORY: [u64; 3] = [0, 65_536, 131_072];

/// A fit of `cost ∝ size^exponent` over sizes 100–1000.
fn growth(exponent: f64, label: &str) -> GrowthFit {
    GrowthFit {
        exponent,
        low: exponent - 0.05,
        high: exponent + 0.05,
        intercept: 2.0,
        points: 2,
        min_size: 100,
        max_size: 1000,
        sizes: 2,
        label: label.to_owned(),
    }
}

/// The detail of `bad`'s failure: markup, a control character and an XML non-character.
pub(crate) const NASTY: &str = "expected 3, got <b>&\u{1}\u{fffe}</b>";

fn yardstick() -> Yardstick {
    Yardstick {
        io_allowance: Vec::new(),
        language: Language::Cpp,
        per_test: REFERENCE.to_vec(),
        per_level: REFERENCE.to_vec(),
        budget: budget(&REFERENCE, &WEIGHTS, 2.0),
        memory_per_test: REFERENCE_MEMORY.to_vec(),
        memory_per_level: REFERENCE_MEMORY.to_vec(),
        memory_budget: memory_budget(&REFERENCE_MEMORY, &WEIGHTS, 2.0),
        growth: Some(growth(1.0, "n")),
    }
}

/// A passing C sample of `sum`; `None` is a level that ran out of fuel.
fn passing(name: &str, fuel: [Option<u64>; 3]) -> SampleReport {
    let yard = yardstick();
    let costs: Vec<LevelFuel> = fuel
        .iter()
        .map(|f| f.map_or(LevelFuel::Censored, LevelFuel::Finished))
        .collect();
    // Memory: twice the reference's, a page at least.
    let memory: Vec<u64> = REFERENCE_MEMORY
        .iter()
        .map(|m| (2 * m).max(65_536))
        .collect();
    let scores = sample_scores(
        Yard {
            per_level: &yard.per_level,
            budget: yard.budget,
        },
        Yard {
            per_level: &yard.memory_per_level,
            budget: yard.memory_budget,
        },
        &WEIGHTS,
        &costs,
        &memory,
    );
    let levels = scores.levels;
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
    let mut s = sample(name, Language::C, true, scores.score, levels, tests);
    s.result.memory_score = scores.memory_score;
    // The censored sample grows like n^2, the others like the reference.
    let censored = fuel.iter().any(Option::is_none);
    s.result.growth = Some(if censored {
        growth(2.0, "n^2")
    } else {
        growth(1.0, "n")
    });
    s.result.reference_exponent = Some(1.0);
    s.result.level_growth = crate::stats::Growth::Excess {
        by: if censored { 1.0 } else { 0.0 },
    };
    s
}

fn sample(
    name: &str,
    language: Language,
    passed: bool,
    score: f64,
    levels: Vec<LevelScore>,
    tests: Vec<TestResult>,
) -> SampleReport {
    SampleReport {
        name: name.to_owned(),
        sha256: "ab".repeat(32),
        result: SampleResult {
            language,
            passed,
            score,
            memory_score: 0.0,
            growth: None,
            reference_exponent: None,
            level_growth: crate::stats::Growth::NotCompared,
            verdict: tests
                .iter()
                .find(|t| t.verdict != TestVerdict::Accepted && !passed)
                .map_or(VerdictKind::Accepted, |t| t.verdict.kind()),
            levels,
            tests,
        },
    }
}

fn provenance(weights: &[f64], references: BTreeMap<Family, Yardstick>) -> ProblemProvenance {
    ProblemProvenance {
        title: "A problem".to_owned(),
        kind: Kind::Stdio,
        sha256: "cd".repeat(32),
        excluded: false,
        alpha: 2.0,
        sizes: vec![10, 100, 1000][..weights.len()].to_vec(),
        growth_sizes: Vec::new(),
        complexity: (!weights.is_empty()).then(|| "n".to_owned()),
        weights: weights.to_vec(),
        tests: weights.len(),
        references,
    }
}

/// `fast` passes `sum` (twice) and `he-1`; `slow` passes `sum` with level 2 out of fuel;
/// `bad` fails `sum` with a wrong answer.
pub(crate) fn report() -> ScoreReport {
    let he_yard = Yardstick {
        io_allowance: Vec::new(),
        language: Language::Python,
        per_test: vec![500],
        per_level: vec![500],
        budget: 1_000,
        memory_per_test: vec![0],
        memory_per_level: vec![0],
        memory_budget: 2 << 20,
        growth: None,
    };
    let problems = BTreeMap::from([
        (
            "sum".to_owned(),
            provenance(&WEIGHTS, BTreeMap::from([(Family::Native, yardstick())])),
        ),
        (
            "he-1".to_owned(),
            provenance(&[], BTreeMap::from([(Family::Python, he_yard)])),
        ),
    ]);
    let of = |samples| ProblemReport {
        excluded: false,
        samples,
    };
    let he_pass = sample(
        "he.py",
        Language::Python,
        true,
        0.0,
        Vec::new(),
        vec![TestResult {
            forgiven: 0,
            name: "call-001".to_owned(),
            level: 0,
            verdict: TestVerdict::Accepted,
            fuel: Some(400),
            peak_memory: 1 << 16,
        }],
    );
    let wrong = sample(
        "wrong.c",
        Language::C,
        false,
        0.0,
        Vec::new(),
        vec![TestResult {
            forgiven: 0,
            name: "hand-1".to_owned(),
            level: 0,
            verdict: TestVerdict::WrongAnswer {
                diff: NASTY.to_owned(),
            },
            fuel: Some(90),
            peak_memory: 1 << 16,
        }],
    );
    let systems: BTreeMap<String, BTreeMap<String, ProblemReport>> = BTreeMap::from([
        (
            "fast".to_owned(),
            BTreeMap::from([
                (
                    "sum".to_owned(),
                    of(vec![
                        passing("a.c", [Some(80), Some(700), Some(6_000)]),
                        passing("b.c", [Some(90), Some(900), Some(9_000)]),
                    ]),
                ),
                ("he-1".to_owned(), of(vec![he_pass])),
            ]),
        ),
        (
            "slow".to_owned(),
            BTreeMap::from([(
                "sum".to_owned(),
                of(vec![passing("s.c", [Some(150), Some(1_900), None])]),
            )]),
        ),
        (
            "bad".to_owned(),
            BTreeMap::from([("sum".to_owned(), of(vec![wrong]))]),
        ),
    ]);
    let bootstrap = BootstrapConfig {
        resamples: 200,
        ..BootstrapConfig::default()
    };
    let mut report = ScoreReport {
        schema_version: SCORE_SCHEMA_VERSION,
        tool: "fuelgauge".to_owned(),
        version: crate::VERSION.to_owned(),
        settings: ScoreSettings {
            k: vec![1],
            include_excluded: false,
            bootstrap,
            growth: 0,
        },
        provenance: Provenance {
            cost_model: "native-v1".into(),
            wasmtime: "48.0.8".to_owned(),
            python: "3.14.0".to_owned(),
            python_runtime: "0".repeat(64),
            compilers: BTreeMap::new(),
            problems,
            secret_seed_sha256: None,
        },
        systems: systems
            .into_iter()
            .map(|(name, problems)| {
                (
                    name,
                    SystemReport {
                        stats: Vec::new(),
                        problems,
                    },
                )
            })
            .collect(),
        warnings: Vec::new(),
        speedup: None,
    };
    let config = StatsConfig {
        k: 1,
        include_excluded: false,
        bootstrap,
    };
    let stats: Vec<_> = report
        .systems
        .values()
        .map(|s| summarize(&problem_samples(&report, s), &config).unwrap())
        .collect();
    for (system, stats) in report.systems.values_mut().zip(stats) {
        system.stats = vec![stats];
    }
    report
}

/// [`report`] as scored with `--metric speedup`.
pub(crate) fn report_with_speedup() -> ScoreReport {
    let mut report = report();
    let speedup = report
        .systems
        .iter()
        .map(|(name, s)| {
            (
                name.clone(),
                crate::analysis::speedup::speedup(&report, s).unwrap(),
            )
        })
        .collect();
    report.speedup = Some(speedup);
    report
}
