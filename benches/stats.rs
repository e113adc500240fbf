//! Timings of the statistics core (`harness = false`; run with `cargo bench --bench stats`).
//!
//! Prints one line per measurement: the median and minimum wall time over a few repetitions.
//! Nothing is asserted; the unit tests check the values.

use std::hint::black_box;
use std::time::{Duration, Instant};

use fuelgauge::stats::{
    BootstrapConfig, Growth, LevelCost, ProblemSamples, Sample, StatsConfig, bootstrap_mean,
    compare_paired, eff_at_k, pass_at_k, summarize,
};

/// A tiny deterministic generator for bench inputs (SplitMix64); not the module's own RNG.
struct Inputs(u64);

impl Inputs {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1_u64 << 53) as f64
    }
}

/// Runs `f` `reps` times and prints the median and minimum time.
fn measure<T>(name: &str, reps: usize, mut f: impl FnMut() -> T) {
    let mut times: Vec<Duration> = (0..reps)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{name}: median {:.3} ms, min {:.3} ms ({reps} runs)",
        ms(times[reps / 2]),
        ms(times[0])
    );
}

/// A HumanEval-sized system: `problems` × `samples`, three scored levels per passing sample,
/// about one level in ten out of fuel.
fn system(inputs: &mut Inputs, problems: usize, samples: usize, delta: f64) -> Vec<ProblemSamples> {
    (0..problems)
        .map(|p| ProblemSamples {
            id: format!("HumanEval/{p}"),
            excluded: false,
            samples: (0..samples)
                .map(|_| {
                    let passed = inputs.unit() < 0.7;
                    if !passed {
                        return Sample {
                            passed,
                            score: 0.0,
                            levels: vec![],
                            memory_score: 0.0,
                            growth: Growth::NotCompared,
                        };
                    }
                    let levels = (0..3)
                        .map(|_| {
                            if inputs.unit() < 0.1 {
                                LevelCost::OutOfFuel { alpha: 8.0 }
                            } else {
                                LevelCost::Finished {
                                    ratio: 0.5 + 6.0 * inputs.unit(),
                                }
                            }
                        })
                        .collect();
                    Sample {
                        passed,
                        score: (inputs.unit() * 1.2 + delta).max(0.0),
                        levels,
                        memory_score: inputs.unit(),
                        growth: Growth::Excess {
                            by: inputs.unit() - 0.2,
                        },
                    }
                })
                .collect(),
        })
        .collect()
}

fn main() {
    let mut inputs = Inputs(2024);
    println!(
        "rayon threads: {} (set RAYON_NUM_THREADS to change)",
        rayon::current_num_threads()
    );

    let n = 1_000_000;
    let k = 1000;
    let scores: Vec<f64> = (0..n)
        .map(|_| {
            let u = inputs.unit();
            if u < 0.3 { 0.0 } else { u * 1.5 }
        })
        .collect();
    measure(&format!("eff_at_k n={n} k={k}"), 11, || {
        eff_at_k(black_box(&scores), black_box(k)).expect("valid input")
    });
    measure(&format!("eff_at_k n={n} k=1"), 11, || {
        eff_at_k(black_box(&scores), black_box(1)).expect("valid input")
    });
    let c = scores.iter().filter(|&&s| s > 0.0).count();
    measure(&format!("pass_at_k n={n} c={c} k={k}"), 11, || {
        pass_at_k(black_box(n), black_box(c), black_box(k)).expect("valid input")
    });

    let a = system(&mut inputs, 164, 10, 0.0);
    let b = system(&mut inputs, 164, 10, 0.05);
    let config = StatsConfig::new(5);
    let resamples = config.bootstrap.resamples;
    let per_problem: Vec<f64> = (0..164).map(|_| inputs.unit()).collect();
    measure(
        &format!("bootstrap_mean 164 problems, {resamples} resamples"),
        11,
        || bootstrap_mean(black_box(&per_problem), &BootstrapConfig::default()).expect("valid"),
    );
    measure(
        &format!(
            "summarize 164 problems x 10 samples x 3 levels, k=5, {resamples} resamples \
             (pass@k, eff@k and KM-median intervals)"
        ),
        5,
        || summarize(black_box(&a), &config).expect("valid input"),
    );
    measure(
        &format!("compare_paired 164 problems x 10 samples, k=5, {resamples} resamples"),
        5,
        || compare_paired(black_box(&a), black_box(&b), &config).expect("valid input"),
    );
}
