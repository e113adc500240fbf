//! The Python harness for `function` problems.
//!
//! One interpreter per sample runs every test; each test re-executes the candidate's source
//! in a fresh namespace, so no module-level cache or global memo carries over to make a later
//! test cheaper. Each test's metered region covers that execution and the call, nothing else:
//! interpreter start-up, parsing the arguments and `repr` of the result are outside it.
//! (The source is executed once before the tests, unmetered, so that its imports are loaded;
//! after that an `import` is a dictionary look-up.)
//!
//! stdin: source NUL entry-point NUL args-repr NUL args-repr …
//! or, for a HumanEval-style check program: source NUL `check:`entry-point NUL check-source.
//! stdout: one frame per test, `NUL R<repr of result> NUL` or `NUL E<exception> NUL`.

/// The harness program (run as `python -c`).
pub const FUNCTION_HARNESS: &str = r#"
import sys, os, io
sys.set_int_max_str_digits(0)
START, STOP = b"\0fuelgauge:start\0", b"\0fuelgauge:stop\0"

def main():
    parts = sys.stdin.buffer.read().decode("utf-8").split("\0")
    source, entry, inputs = parts[0], parts[1], parts[2:]
    literal = {"__builtins__": {}, "set": set, "frozenset": frozenset, "inf": float("inf"), "nan": float("nan")}
    try:
        code = compile(source, "<candidate>", "exec")
    except BaseException as e:
        for _ in inputs:
            os.write(1, b"\0E" + (type(e).__name__ + ": " + str(e)[:200]).encode("utf-8", "backslashreplace") + b"\0")
        return
    sys.stdout = io.StringIO()
    try:
        exec(code, {"__name__": "__candidate__"})
    except BaseException:
        pass
    check = compile(parts[2], "<check>", "exec") if entry.startswith("check:") else None
    entry = entry.removeprefix("check:")
    for text in [""] if check else inputs:
        args = () if check else eval(text, literal)
        ns = {"__name__": "__candidate__"}
        sys.stdout = io.StringIO()
        os.write(2, START)
        try:
            exec(code, ns)
            fn = ns.get(entry)
            if fn is None:
                raise NameError("the entry point " + entry + " is not defined")
            if check:
                # HumanEval runs its test in the candidate's namespace, then check(entry).
                exec(check, ns)
                result = ns["check"](fn)
            else:
                result = fn(*args)
            frame = None
        except BaseException as e:
            frame = "E" + type(e).__name__ + ": " + str(e)[:200]
        os.write(2, STOP)
        if frame is None:
            try:
                frame = "R" + repr(result)
            except BaseException as e:
                frame = "Erepr() of the result failed: " + type(e).__name__
        os.write(1, b"\0" + frame.encode("utf-8", "backslashreplace") + b"\0")

main()
"#;

/// What one test returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frame {
    /// `repr` of the returned value.
    Returned(String),
    /// The exception, as `Type: message`.
    Raised(String),
}

/// The harness's stdin for `inputs`.
pub fn harness_stdin(source: &str, entry_point: &str, inputs: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(source.as_bytes());
    out.push(0);
    out.extend_from_slice(entry_point.as_bytes());
    for input in inputs {
        out.push(0);
        out.extend_from_slice(input);
    }
    out
}

/// The harness's stdin to run a check program (`check(candidate)`) once.
pub fn check_stdin(source: &str, entry_point: &str, check: &str) -> Vec<u8> {
    harness_stdin(source, &format!("check:{entry_point}"), &[check.as_bytes()])
}

/// Splits the harness's stdout into frames (a truncated last frame is dropped).
pub fn parse_frames(stdout: &[u8]) -> Vec<Frame> {
    let mut frames = Vec::new();
    let mut rest = stdout;
    while let Some(start) = rest.iter().position(|&b| b == 0) {
        let after = &rest[start + 1..];
        let Some(end) = after.iter().position(|&b| b == 0) else {
            break;
        };
        let body = String::from_utf8_lossy(&after[..end]);
        match body.split_at_checked(1) {
            Some(("R", value)) => frames.push(Frame::Returned(value.to_owned())),
            Some(("E", error)) => frames.push(Frame::Raised(error.to_owned())),
            _ => {}
        }
        rest = &after[end + 1..];
    }
    frames
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip() {
        let out = b"\0R[1, 2]\0\0EValueError: bad\0\0R'a\\x00'\0\0Rtrunc";
        assert_eq!(
            parse_frames(out),
            vec![
                Frame::Returned("[1, 2]".into()),
                Frame::Raised("ValueError: bad".into()),
                Frame::Returned("'a\\x00'".into()),
            ]
        );
        let stdin = harness_stdin("def f(x): return x", "f", &[b"(1,)", b"(2,)"]);
        assert_eq!(stdin, b"def f(x): return x\0f\0(1,)\0(2,)");
    }
}
