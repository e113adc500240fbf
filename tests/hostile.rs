//! Hostile candidates: each must end in the exact verdict, without harming the host.

mod common;

use common::*;
use fuelgauge::candidate::Language::{C, Cpp, Python};
use fuelgauge::sandbox::{Limits, RunVerdict, RuntimeErrorReason, Stream};

fn assert_fuel_exhausted(o: &fuelgauge::sandbox::Outcome, budget: u64) {
    assert_eq!(o.verdict, RunVerdict::FuelExhausted);
    assert_eq!(
        o.fuel, budget,
        "an exhausted run is charged its whole budget"
    );
}

#[test]
fn c_infinite_loop_runs_out_of_fuel() {
    let o = run(C, "int main(void){ volatile int x = 0; for(;;) x++; }", "");
    assert_fuel_exhausted(&o, small_limits().fuel);
}

#[test]
fn python_loop_that_swallows_exceptions_runs_out_of_fuel() {
    let code = "while True:\n    try:\n        raise ValueError('x')\n    except:\n        pass\n";
    let o = run(Python, code, "");
    assert_fuel_exhausted(&o, small_limits().fuel);
}

#[test]
fn c_allocating_8_gib_hits_the_memory_limit() {
    let code = r#"
        #include <stdlib.h>
        #include <string.h>
        int main(void) {
            static char *blocks[128];
            unsigned sum = 0;
            for (int i = 0; i < 128; i++) {       /* 128 × 64 MiB = 8 GiB */
                blocks[i] = malloc(64u << 20);
                if (blocks[i]) memset(blocks[i], i, 64u << 20);
            }
            for (int i = 0; i < 128; i++) sum += blocks[i] ? blocks[i][i] : 0;
            return (int)(sum & 1);
        }"#;
    let o = run(C, code, "");
    assert_eq!(o.verdict, RunVerdict::MemoryLimit);
    assert!(o.peak_memory <= small_limits().memory_bytes);
}

#[test]
fn python_allocating_without_bound_hits_the_memory_limit() {
    let o = run(
        Python,
        "a = []\nwhile True:\n    a.append(bytearray(1 << 24))\n",
        "",
    );
    assert_eq!(o.verdict, RunVerdict::MemoryLimit);
}

#[test]
fn printing_forever_hits_the_output_limit() {
    let c = run(
        C,
        "#include <stdio.h>\nint main(void){ for(;;) puts(\"spam\"); }",
        "",
    );
    assert_eq!(
        c.verdict,
        RunVerdict::OutputLimit {
            stream: Stream::Stdout
        }
    );
    assert_eq!(c.stdout.len() as u64, small_limits().stdout_bytes);
    // A stdio program's stdout holds its text in memory between flushes (for speed): a
    // flood ends at the memory cap, which fails like the output cap (it is never censored
    // for a stdio problem); a flushing flood ends at the output cap.
    let py = run(Python, "while True:\n    print('spam' * 1000)\n", "");
    assert_eq!(py.verdict, RunVerdict::MemoryLimit);
    let flushing = run(
        Python,
        "while True:\n    print('spam' * 1000, flush=True)\n",
        "",
    );
    assert_eq!(
        flushing.verdict,
        RunVerdict::OutputLimit {
            stream: Stream::Stdout
        }
    );
    let err = run(
        Python,
        "import sys\nwhile True:\n    sys.stderr.write('x' * 4096)\n",
        "",
    );
    assert_eq!(
        err.verdict,
        RunVerdict::OutputLimit {
            stream: Stream::Stderr
        }
    );
}

#[test]
fn unbounded_recursion_is_a_runtime_error() {
    let c = run(
        C,
        "int f(int n){ volatile char frame[64]; frame[n % 64] = (char)n; return f(n + 1) + frame[0]; }\nint main(void){ return f(0); }",
        "",
    );
    assert!(
        matches!(
            c.verdict,
            RunVerdict::RuntimeError {
                reason: RuntimeErrorReason::Trap { .. }
            }
        ),
        "{:?}",
        c.verdict
    );
    let py_default = run(Python, "def f(n):\n    return f(n + 1)\nf(0)\n", "");
    assert_eq!(
        py_default.verdict,
        RunVerdict::RuntimeError {
            reason: RuntimeErrorReason::Exception {
                message: "RecursionError: maximum recursion depth exceeded".into()
            }
        }
    );
}

#[test]
fn host_files_cannot_be_read_at_run_time() {
    let c = run(
        C,
        "#include <stdio.h>\nint main(void){ FILE *f = fopen(\"/etc/passwd\", \"r\"); puts(f ? \"opened\" : \"refused\"); return 0; }",
        "",
    );
    assert_eq!(
        (c.verdict.clone(), stdout(&c)),
        (RunVerdict::Ok, "refused\n".into())
    );
    let py = run(
        Python,
        "try:\n    open('/etc/passwd').read()\n    print('opened')\nexcept OSError as e:\n    print('refused')\n",
        "",
    );
    assert_eq!(stdout(&py), "refused\n");
}

#[test]
fn including_host_files_is_a_compile_error_that_echoes_nothing() {
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap();
    for code in [
        "#include \"/etc/passwd\"\nint main(void){return 0;}",
        "#include \"../../../../../../etc/passwd\"\nint main(void){return 0;}",
        "#define P(x) #x\n#include P(/etc/passwd)\nint main(void){return 0;}",
        "static const char d[] = {\n#embed \"/etc/passwd\"\n};\nint main(void){return d[0];}",
    ] {
        let b = build(C, code);
        let message = b.program.expect_err("must not compile").message;
        for line in passwd.lines().filter(|l| l.len() > 8) {
            assert!(
                !message.contains(line),
                "diagnostics leak {line:?}:\n{message}"
            );
        }
    }
}

#[test]
fn compile_bomb_is_a_compile_error_within_the_limit() {
    use fuelgauge::toolchain::{CompileLimits, Toolchains};
    let limit = std::time::Duration::from_secs(8);
    let tools = Toolchains::new(
        None,
        CompileLimits {
            time: limit,
            ..CompileLimits::default()
        },
        python_runtime(),
    );
    // Each level doubles the type: 2^40 leaves.
    let bomb = r#"
        template <class A, class B> struct P { A a; B b; };
        template <class T, int N> struct Bomb { using type = typename Bomb<P<T, T>, N - 1>::type; };
        template <class T> struct Bomb<T, 0> { using type = T; };
        int main() { typename Bomb<char, 40>::type x{}; return sizeof(x) > 0; }"#;
    let started = std::time::Instant::now();
    let b = tools.build(&source(Cpp, bomb)).unwrap();
    assert!(b.program.is_err(), "the bomb compiled");
    assert!(started.elapsed() < limit + std::time::Duration::from_secs(10));
}

#[test]
fn oversized_source_is_refused_without_compiling() {
    let huge = format!(
        "int main(void){{return 0;}}\n/*{}*/\n",
        "x".repeat(50 << 20)
    );
    let before = env().tools.compiler_runs();
    let b = build(C, &huge);
    let message = b.program.expect_err("refused").message;
    assert!(message.contains("over the 1048576-byte limit"), "{message}");
    assert_eq!(env().tools.compiler_runs(), before);
}

#[test]
fn python_cannot_start_processes() {
    let code = "import subprocess\ntry:\n    subprocess.run(['ls', '/'])\n    print('ran')\nexcept Exception as e:\n    print('refused', type(e).__name__)\n";
    let o = run(Python, code, "");
    assert!(
        stdout(&o).starts_with("refused"),
        "{:?} {}",
        o.verdict,
        stdout(&o)
    );
}

#[test]
fn sleeping_does_not_hold_the_host() {
    let limits = small_limits();
    let c = run(
        C,
        "#include <unistd.h>\nint main(void){ sleep(1000); return 0; }",
        "",
    );
    assert_fuel_exhausted(&c, limits.fuel);
    let py = run(Python, "import time\ntime.sleep(1000)\n", "");
    assert_fuel_exhausted(&py, limits.fuel);
    // A short sleep is charged as fuel and then returns.
    let short = run(
        Python,
        "import time\nt = time.monotonic_ns()\ntime.sleep(0.001)\nprint(time.monotonic_ns() - t >= 1_000_000)\n",
        "",
    );
    assert_eq!(stdout(&short), "True\n");
}

#[test]
fn wall_clock_backstop_stops_a_run() {
    let limits = Limits {
        fuel: u64::MAX / 2,
        wall_ms: 50,
        ..small_limits()
    };
    let o = run_with(
        C,
        "int main(void){ volatile int x = 0; for(;;) x++; }",
        "",
        &limits,
    );
    assert_eq!(o.verdict, RunVerdict::WallTimeout);
}

#[test]
fn exit_statuses_are_kept() {
    for code in [0, 3, 126, 200] {
        let o = run(
            C,
            &format!("#include <stdlib.h>\nint main(void){{ exit({code}); }}"),
            "",
        );
        let expected = if code == 0 {
            RunVerdict::Ok
        } else {
            RunVerdict::RuntimeError {
                reason: RuntimeErrorReason::Exit { code },
            }
        };
        assert_eq!(o.verdict, expected);
    }
}
