//! Toolchains: real clang and python.wasm, the compat header, the compile cache.

mod common;

use std::process::Command;

use common::*;
use fuelgauge::candidate::Language::{C, Cpp, Python, Wasm, Wat};
use fuelgauge::sandbox::RunVerdict;
use fuelgauge::toolchain::BuildOrigin;

const COMPETITIVE: &str = r#"
#include <bits/stdc++.h>
using namespace std;
int main() {
    ios::sync_with_stdio(false);
    int n; cin >> n;
    vector<long long> v(n);
    for (auto &x : v) cin >> x;
    sort(v.begin(), v.end());
    map<long long, int> freq;
    unordered_map<long long, int> seen;
    for (auto x : v) { freq[x % 7]++; seen[x]++; }
    string s;
    for (auto &[k, c] : freq) s += to_string(k) + ":" + to_string(c) + " ";
    cout << s << "\n";
    printf("%lld %zu %lld\n", v.front(), seen.size(), accumulate(v.begin(), v.end(), 0LL));
    int m; scanf("%d", &m);   // mixing stdio after cin is fine with sync off only if unused: m stays
    return 0;
}
"#;

/// What `program` prints natively (g++ -O2, libstdc++) on `input`.
fn native_cpp_output(program: &str, input: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("a.cpp");
    std::fs::write(&src, program).unwrap();
    let exe = dir.path().join("a.out");
    let status = Command::new("g++")
        .args(["-O2", "-o"])
        .arg(&exe)
        .arg(&src)
        .status()
        .unwrap();
    assert!(status.success());
    let stdin = dir.path().join("in");
    std::fs::write(&stdin, input).unwrap();
    let native = Command::new(&exe)
        .stdin(std::fs::File::open(&stdin).unwrap())
        .output()
        .unwrap();
    String::from_utf8(native.stdout).unwrap()
}

#[test]
fn competitive_cpp_matches_a_native_build() {
    let input = "8\n5 3 9 1 1000000007 42 42 -6\n";
    let wasm = run(Cpp, COMPETITIVE, input);
    assert_eq!(wasm.verdict, RunVerdict::Ok);
    assert_eq!(stdout(&wasm), native_cpp_output(COMPETITIVE, input));
}

#[test]
fn second_build_of_a_source_starts_no_compiler() {
    let dir = tempfile::tempdir().unwrap();
    let cache = std::sync::Arc::new(fuelgauge::cache::Cache::open(dir.path()).unwrap());
    let tools =
        fuelgauge::toolchain::Toolchains::new(Some(cache), Default::default(), python_runtime());
    let build = |code: &str| tools.build(&source(C, code)).unwrap();
    let code = "#include <stdio.h>\nint main(void){ puts(\"cache me\"); return 0; }\n";
    let first = build(code);
    assert_eq!(first.origin, BuildOrigin::Compiled);
    let runs = tools.compiler_runs();
    let second = build(code);
    assert_eq!(second.origin, BuildOrigin::Cached);
    assert_eq!(tools.compiler_runs(), runs);
    // Compile errors are cached too.
    let broken = "int main(void){ return missing; }";
    assert_eq!(build(broken).origin, BuildOrigin::Compiled);
    let again = build(broken);
    assert_eq!(again.origin, BuildOrigin::Cached);
    assert!(again.program.unwrap_err().message.contains("missing"));
}

#[test]
fn compile_errors_name_the_line_not_a_host_path() {
    let message = build(C, "int main(void) {\n  return x;\n}\n")
        .program
        .unwrap_err()
        .message;
    assert!(message.contains("main.c:2:"), "{message}");
    assert!(
        !message.contains("/src/") && !message.contains("/tmp/"),
        "{message}"
    );
}

#[test]
fn c_reads_stdin_and_long_is_32_bit() {
    let code = "#include <stdio.h>\nint main(void){ int a, b; scanf(\"%d %d\", &a, &b); printf(\"%d %zu %zu\\n\", a + b, sizeof(long), sizeof(long long)); return 0; }";
    assert_eq!(stdout(&run(C, code, "2 40")), "42 4 8\n");
}

#[test]
fn int128_remainder_links_and_runs_in_c_and_cpp() {
    // compiler-rt's __umodti3 needs the stack protector's guard, which fuelgauge supplies.
    let body = "unsigned long long a, b, m; if (scanf(\"%llu %llu %llu\", &a, &b, &m) != 3) return 1; printf(\"%llu\\n\", (unsigned long long)((unsigned __int128)a * b % m)); return 0;";
    let input = "123456789012 987654321098 1000000007";
    for (language, code) in [
        (
            C,
            format!("#include <stdio.h>\nint main(void) {{ {body} }}"),
        ),
        (Cpp, format!("#include <cstdio>\nint main() {{ {body} }}")),
    ] {
        assert_eq!(stdout(&run(language, &code, input)), "474193777\n");
    }
}

#[test]
fn python_reads_stdin() {
    let o = run(
        Python,
        "import sys\nprint(sum(map(int, sys.stdin.read().split())))\n",
        "1 2 3\n",
    );
    assert_eq!(
        (o.verdict.clone(), stdout(&o)),
        (RunVerdict::Ok, "6\n".into())
    );
}

#[test]
fn wat_and_wasm_run_as_is() {
    let wat = r#"(module
        (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
        (memory (export "memory") 1)
        (data (i32.const 16) "hi\n")
        (func (export "_start")
            (i32.store (i32.const 0) (i32.const 16))
            (i32.store (i32.const 4) (i32.const 3))
            (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))"#;
    let o = run(Wat, wat, "");
    assert_eq!(
        (o.verdict.clone(), stdout(&o)),
        (RunVerdict::Ok, "hi\n".into())
    );
    let bytes = wat::parse_str(wat).unwrap();
    let program = env()
        .tools
        .build(&fuelgauge::candidate::Source::new("t.wasm", Wasm, bytes))
        .unwrap()
        .program
        .unwrap();
    let o2 = env()
        .sandbox
        .run(&program, b"", &small_limits(), 0)
        .unwrap();
    assert_eq!((o2.fuel, o2.stdout), (o.fuel, o.stdout));
    assert!(build(Wat, "(module (func").program.is_err());
}

#[test]
fn python_runtime_is_verified_against_its_pin() {
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("python.wasm");
    std::fs::write(&fake, b"\0asm\x01\0\0\0").unwrap();
    let tools = fuelgauge::toolchain::Toolchains::new(None, Default::default(), fake);
    let err = tools
        .build(&source(Python, "print(1)"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("not the pinned"), "{err}");
}

/// libc++'s streams with fuelgauge's fast paths (src/toolchain/compat/fuelgauge_streams.cpp)
/// behave like a native libstdc++ build on the cases where a fast path could go wrong: cin
/// mixed with scanf and getchar, overflow, signs, unsigned negation, peek/unget/putback,
/// hex and noskipws (libc++'s own route), a stringstream, formatted output, end of input.
#[test]
fn cpp_streams_behave_like_a_native_build() {
    let program = include_str!("fixtures/streams/edge_cases.cpp");
    let input = include_str!("fixtures/streams/edge_cases.in");
    let wasm = run(Cpp, program, input);
    assert_eq!(wasm.verdict, RunVerdict::Ok);
    assert_eq!(stdout(&wasm), native_cpp_output(program, input));
}

/// Reading numbers with `cin >>` (synced, tied: the defaults) takes about as many
/// instructions as `scanf` (the `plain` cost model counts instructions), not the 9 times
/// libc++'s own path takes.
#[test]
fn cin_reads_numbers_at_the_cost_of_scanf() {
    let numbers: Vec<String> = (0..20_000)
        .map(|i| ((i * 7919) % 1_000_003).to_string())
        .collect();
    let input = format!("{}\n{}\n", numbers.len(), numbers.join(" "));
    let cin = "#include <iostream>\nint main(){int n; std::cin>>n; long long s=0; for(int i=0;i<n;i++){int x; std::cin>>x; s+=x;} std::cout<<s<<std::endl;}";
    let scanf = "#include <cstdio>\nint main(){int n; scanf(\"%d\",&n); long long s=0; for(int i=0;i<n;i++){int x; scanf(\"%d\",&x); s+=x;} printf(\"%lld\\n\",s);}";
    let plain = fuelgauge::sandbox::Sandbox::with_cost_model(
        1,
        None,
        fuelgauge::sandbox::CostModel::named("plain").unwrap(),
    )
    .unwrap();
    let run_plain = |code: &str| {
        let program = build(Cpp, code).program.unwrap();
        plain
            .run(
                &program,
                input.as_bytes(),
                &fuelgauge::sandbox::Limits::default(),
                0,
            )
            .unwrap()
    };
    let (a, b) = (run_plain(cin), run_plain(scanf));
    assert_eq!(a.verdict, RunVerdict::Ok);
    assert_eq!(stdout(&a), stdout(&b));
    let ratio = a.fuel as f64 / b.fuel as f64;
    assert!(ratio < 1.5, "cin costs {ratio:.2} times scanf");
}

/// The runtime's own `input()` and stdout: same lines, same EOFError, prompts on stdout, and
/// flushed text before bytes written to `sys.stdout.buffer`, as CPython does natively.
#[test]
fn python_input_and_print_behave_like_cpython() {
    let program = r#"
import sys
a = input()
b = input("prompt> ")
print(a, b, sep="|")
sys.stdout.write("written\n")
sys.stdout.flush()
sys.stdout.buffer.write(b"bytes\n")
print("after", end="!\n")
try:
    input()
except EOFError as e:
    print("EOFError:", e)
"#;
    let input = "x y\nlast";
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("p.py");
    std::fs::write(&script, program).unwrap();
    let native = Command::new("python3")
        .arg(&script)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write as _;
            child.stdin.take().unwrap().write_all(input.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    let wasm = run(Python, program, input);
    assert_eq!(wasm.verdict, RunVerdict::Ok);
    assert_eq!(stdout(&wasm), String::from_utf8(native.stdout).unwrap());
}
