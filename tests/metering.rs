//! Metered regions: a guest marks what to measure by writing the meter marks to stderr.

mod common;

use common::*;
use fuelgauge::candidate::Language::{C, Python};
use fuelgauge::sandbox::{Limits, RunVerdict};

const WORK: &str =
    "def work(n):\n    s = 0\n    for i in range(n):\n        s += i * i\n    return s\n";

fn metered_call(n: u32) -> String {
    format!(
        "import os\n{WORK}os.write(2, b'\\0fuelgauge:start\\0')\nr = work({n})\nos.write(2, b'\\0fuelgauge:stop\\0')\nprint(r)\n"
    )
}

#[test]
fn regions_measure_only_the_marked_work() {
    let small = run(Python, &metered_call(1000), "");
    let large = run(Python, &metered_call(100_000), "");
    let (ms, ml) = (
        small.metered.clone().unwrap(),
        large.metered.clone().unwrap(),
    );
    assert_eq!((ms.regions.len(), ms.open), (1, false));
    // Interpreter start-up (≈2·10^8 fuel) is outside the region.
    assert!(ms.total < small.fuel / 20, "{} vs {}", ms.total, small.fuel);
    // The region scales with the work: 100× the iterations, ~100× the fuel.
    let ratio = ml.total as f64 / ms.total as f64;
    assert!((50.0..150.0).contains(&ratio), "ratio {ratio}");
    // Nearly the same fuel outside the region in both runs (only printing a longer number).
    let outside = |o: &fuelgauge::sandbox::Outcome, m: u64| o.fuel - m;
    assert!(outside(&small, ms.total).abs_diff(outside(&large, ml.total)) < 100_000);
}

#[test]
fn unmarked_runs_report_no_metering() {
    assert_eq!(run(Python, "print(1)\n", "").metered, None);
}

#[test]
fn a_region_budget_stops_a_slow_call_and_spares_start_up() {
    let limits = Limits {
        region_fuel: Some(5_000_000),
        ..small_limits()
    };
    let fast = run_with(Python, &metered_call(1000), "", &limits);
    assert_eq!(fast.verdict, RunVerdict::Ok);
    let slow = run_with(Python, &metered_call(10_000_000), "", &limits);
    assert_eq!(slow.verdict, RunVerdict::FuelExhausted { in_region: true });
    // Start-up is charged to the outer budget, which is far larger than the region's.
    assert!(slow.fuel > 5_000_000);
}

#[test]
fn c_programs_can_mark_regions_too() {
    let code = r#"
        #include <unistd.h>
        #include <stdio.h>
        int main(void) {
            write(2, "\0fuelgauge:start\0", 17);
            volatile long long s = 0;
            for (int i = 0; i < 1000000; i++) s += i;
            write(2, "\0fuelgauge:stop\0", 16);
            printf("%lld\n", (long long)s);
            return 0;
        }"#;
    let o = run(C, code, "");
    let m = o.metered.clone().unwrap();
    assert!(m.total > 1_000_000 && m.total <= o.fuel);
    assert_eq!(stdout(&o), "499999500000\n");
    assert!(o.stderr.is_empty(), "marks are not output");
}
