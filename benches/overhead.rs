//! Side-by-side measurements for the sandbox (`cargo bench --bench overhead`, or `ci/bench`):
//! - wasm with fuel vs the same C compiled natively with clang -O2, per workload and as a
//!   geometric mean (goal ≤ 1.3×);
//! - instantiate + run of a trivial cached module (goal < 1 ms);
//! - cold compile vs cached build of the same source;
//! - a trivial Python function test in the pre-initialised runtime vs `python -c pass` in
//!   the python.wasm command module it replaced (goal ≥ 20× less fuel, ≥ 10× less time;
//!   the old module only when `ci/bench` fetched it).
//!
//! Every figure is the best of several repetitions, measured in this one run.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use fuelgauge::cache::Cache;
use fuelgauge::candidate::{Language, Source};
use fuelgauge::digest::Digest;
use fuelgauge::judge::pickle::to_pickle;
use fuelgauge::judge::pyliteral::Value;
use fuelgauge::sandbox::{
    Entry, Limits, Program, PyMode, RunVerdict, Sandbox, WasmModule, WasmOrigin,
};
use fuelgauge::toolchain::{CompileLimits, Toolchains, default_python_runtime};

const WORKLOADS: &[&str] = &["sort", "hashmap", "quadratic", "random_access"];
const REPS: usize = 5;

fn best<F: FnMut() -> Duration>(reps: usize, mut f: F) -> Duration {
    (0..reps)
        .map(|_| f())
        .min()
        .expect("at least one repetition")
}

fn main() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/workloads");
    let scratch = tempfile::tempdir().expect("temp dir");
    let cache = Arc::new(Cache::open(&scratch.path().join("cache")).expect("cache"));
    let tools = Toolchains::new(
        Some(cache.clone()),
        CompileLimits::default(),
        default_python_runtime(),
    );
    let sandbox = Sandbox::new(1, Some(cache)).expect("sandbox");
    let limits = Limits {
        fuel: u64::MAX / 4,
        memory_bytes: 1 << 30,
        ..Limits::default()
    };

    println!(
        "{:<14} {:>10} {:>10} {:>7} {:>16}",
        "workload", "native ms", "wasm ms", "ratio", "fuel"
    );
    let mut log_sum = 0.0;
    for name in WORKLOADS {
        let path = here.join(format!("{name}.c"));
        let exe = scratch.path().join(name);
        let status = Command::new("clang-19")
            .args(["-O2", "-o"])
            .arg(&exe)
            .arg(&path)
            .status()
            .expect("native clang-19");
        assert!(status.success(), "native build of {name} failed");
        let mut native_out = Vec::new();
        let native = best(REPS, || {
            let t = Instant::now();
            native_out = Command::new(&exe).output().expect("run native").stdout;
            t.elapsed()
        });
        let source = Source::read(&path, 1 << 20).expect("read workload");
        let program = tools
            .build(&source)
            .expect("toolchain")
            .program
            .expect("compiles");
        let mut fuel = 0;
        let wasm = best(REPS, || {
            let t = Instant::now();
            let o = sandbox.run(&program, b"", &limits, 0).expect("sandbox");
            let elapsed = t.elapsed();
            assert_eq!(o.verdict, RunVerdict::Ok, "{name} in wasm");
            assert_eq!(o.stdout, native_out, "{name}: wasm and native disagree");
            fuel = o.fuel;
            elapsed
        });
        let ratio = wasm.as_secs_f64() / native.as_secs_f64();
        log_sum += ratio.ln();
        println!(
            "{name:<14} {:>10.1} {:>10.1} {:>6.2}x {:>16}",
            native.as_secs_f64() * 1e3,
            wasm.as_secs_f64() * 1e3,
            ratio,
            fuel
        );
    }
    println!(
        "geometric mean ratio wasm+fuel / native: {:.2}x (goal <= 1.3x)",
        (log_sum / WORKLOADS.len() as f64).exp()
    );

    let trivial = Source::new(
        "trivial.c",
        Language::C,
        b"int main(void){return 0;}".to_vec(),
    );
    let program = tools
        .build(&trivial)
        .expect("toolchain")
        .program
        .expect("compiles");
    sandbox.run(&program, b"", &limits, 0).expect("warm-up");
    let n = 2000;
    let t = Instant::now();
    for _ in 0..n {
        sandbox.run(&program, b"", &limits, 0).expect("sandbox");
    }
    println!(
        "trivial cached module, instantiate + run: {:.1} us per run (goal < 1000 us)",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );

    let src = Source::read(&here.join("sort.c"), 1 << 20).expect("read");
    let cold = best(3, || {
        let fresh = Toolchains::new(None, CompileLimits::default(), default_python_runtime());
        let t = Instant::now();
        fresh
            .build(&src)
            .expect("toolchain")
            .program
            .expect("compiles");
        t.elapsed()
    });
    let warm = best(REPS, || {
        let t = Instant::now();
        tools
            .build(&src)
            .expect("toolchain")
            .program
            .expect("compiles");
        t.elapsed()
    });
    println!(
        "compile sort.c: cold {:.1} ms, cached {:.3} ms ({:.0}x faster)",
        cold.as_secs_f64() * 1e3,
        warm.as_secs_f64() * 1e3,
        cold.as_secs_f64() / warm.as_secs_f64()
    );

    python_runtime_vs_python_wasm(&tools, &sandbox);
}

/// Fuel and best wall time per run of `program` over `n` runs.
fn per_run(sandbox: &Sandbox, program: &Program, input: &[u8], n: usize) -> (u64, Duration) {
    let limits = Limits::default();
    let first = sandbox.run(program, input, &limits, 0).expect("sandbox");
    assert_eq!(first.verdict, RunVerdict::Ok, "{:?}", first.verdict);
    let wall = best(n, || {
        let t = Instant::now();
        sandbox.run(program, input, &limits, 0).expect("sandbox");
        t.elapsed()
    });
    (first.fuel, wall)
}

fn python_runtime_vs_python_wasm(tools: &Toolchains, sandbox: &Sandbox) {
    let function = tools
        .python_program(
            "def f(*args):\n    return None\n",
            PyMode::Call { entry: "f".into() },
        )
        .expect("the Python runtime (run ci/setup)");
    let no_arguments = to_pickle(&Value::Tuple(Vec::new()));
    let (new_fuel, new_wall) = per_run(sandbox, &function, &no_arguments, 200);
    println!(
        "trivial Python function test, fresh pre-initialised instance: {new_fuel} fuel, {:.2} ms",
        new_wall.as_secs_f64() * 1e3
    );
    let old = std::env::var_os("FUELGAUGE_OLD_PYTHON_WASM")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            dirs::data_dir()
                .unwrap_or_default()
                .join("fuelgauge/python-3.12.0.wasm")
        });
    let Ok(bytes) = std::fs::read(&old) else {
        println!(
            "old python.wasm not found at {}: comparison skipped",
            old.display()
        );
        return;
    };
    let command = Program {
        module: WasmModule {
            digest: Digest::of(&bytes),
            origin: WasmOrigin::File(old.clone()),
        },
        entry: Entry::Command {
            argv: ["python", "-c", "pass"].map(String::from).to_vec(),
            env: vec![("PYTHONHASHSEED".into(), "0".into())],
        },
    };
    let (old_fuel, old_wall) = per_run(sandbox, &command, b"", 20);
    println!(
        "python.wasm (CPython 3.12, command module) `-c pass`: {old_fuel} fuel, {:.2} ms",
        old_wall.as_secs_f64() * 1e3
    );
    println!(
        "new runtime vs python.wasm: {:.0}x less fuel (goal >= 20x), {:.1}x less wall time (goal >= 10x)",
        old_fuel as f64 / new_fuel as f64,
        old_wall.as_secs_f64() / new_wall.as_secs_f64()
    );
}
