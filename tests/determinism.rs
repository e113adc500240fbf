//! The same program gives bit-identical fuel, output and peak memory, every time and in
//! parallel.

mod common;

use common::*;
use fuelgauge::candidate::Language::{Cpp, Python};
use fuelgauge::sandbox::{Limits, RunVerdict};
use rayon::prelude::*;

const CPP: &str = r#"
#include <bits/stdc++.h>
int main() {
    std::mt19937 rng(std::random_device{}());   // random_device reads random_get
    std::vector<int> v(200000);
    for (auto &x : v) x = rng() % 1000003;
    std::sort(v.begin(), v.end());
    std::unordered_map<int, int> count;
    for (int x : v) count[x % 1000]++;
    long long s = 0;
    for (auto &[k, c] : count) s += (long long)k * c;
    printf("%lld %d %ld\n", s, v[12345], (long)time(nullptr));
}
"#;

const PY: &str = r#"
import random, time
words = {str(i * 7919 % 10007): i for i in range(20000)}
keys = set(words)
print(len(words), sum(len(k) for k in keys), list(keys)[:5])
print(random.random(), time.time(), time.perf_counter_ns() > 0)
print(hash('fuelgauge'))
"#;

fn five_parallel_runs(language: fuelgauge::candidate::Language, code: &str) {
    let program = build(language, code).program.expect("compiles");
    let limits = Limits::default();
    let outcomes: Vec<_> = env().sandbox.pool().install(|| {
        (0..5)
            .into_par_iter()
            .map(|_| env().sandbox.run(&program, b"", &limits, 42).unwrap())
            .collect()
    });
    let first = &outcomes[0];
    assert_eq!(
        first.verdict,
        RunVerdict::Ok,
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    for o in &outcomes[1..] {
        assert_eq!(
            (o.fuel, &o.stdout, o.peak_memory),
            (first.fuel, &first.stdout, first.peak_memory)
        );
    }
    // A different seed changes what the program sees as random.
    let other = env().sandbox.run(&program, b"", &limits, 43).unwrap();
    assert_ne!(other.stdout, first.stdout);
}

#[test]
fn cpp_runs_are_identical_in_parallel() {
    five_parallel_runs(Cpp, CPP);
}

#[test]
fn python_runs_are_identical_in_parallel() {
    five_parallel_runs(Python, PY);
}

#[test]
fn clocks_read_fuel_so_a_harness_meters_a_call_exactly() {
    // perf_counter_ns() around a call reads the fuel the call consumed.
    let code = "import time\na = time.perf_counter_ns()\nb = time.perf_counter_ns()\nprint(b - a > 0, b - a < 10**6)\n";
    let o = run(Python, code, "");
    assert_eq!(stdout(&o), "True True\n");
}
