//! Python values as the judge reads them: literals (`pyliteral::parse`) and result pickles
//! (`pickle::from_pickle`), then both comparisons, and the pickles the host writes for the
//! guest read back.
//!
//! The input is one or two values (expected, then actual) separated by [`SEPARATOR`], which
//! neither UTF-8 text nor a small pickle is likely to hold; a value that starts with the PROTO
//! opcode (0x80) is a pickle, as in the pipeline.

#![no_main]

use fuelgauge::judge::pickle::{from_pickle, to_pickle};
use fuelgauge::judge::pyliteral::{Value, compare, compare_python_equal, parse};
use libfuzzer_sys::fuzz_target;

const SEPARATOR: &[u8] = b"\xffSEP\xff";

/// As the pipeline reads an answer (`pipeline::evaluate::answer`).
fn answer(bytes: &[u8]) -> Option<Value> {
    if bytes.first() == Some(&0x80) {
        from_pickle(bytes).ok()
    } else {
        parse(&String::from_utf8_lossy(bytes)).ok()
    }
}

/// Whether `to_pickle` writes the value with opcodes `from_pickle` reads (it writes complex
/// numbers and integers beyond 64 bits as calls, which a result may not hold).
fn host_readable(v: &Value) -> bool {
    match v {
        Value::Complex(..) => false,
        Value::Int(text) => text.parse::<i64>().is_ok(),
        Value::Tuple(items) | Value::List(items) => items.iter().all(host_readable),
        Value::Dict(map) => map
            .values()
            .all(|(k, v)| host_readable(k) && host_readable(v)),
        Value::Set(items) | Value::FrozenSet(items) => items.values().all(host_readable),
        _ => true,
    }
}

fn check_one(v: &Value) {
    // Equal to itself, strictly (NaN included: the literal checker accepts NaN for NaN).
    assert_eq!(compare(v, v, None), Ok(()), "{}", v.canonical());
    assert_eq!(compare(v, v, Some(1e-6)), Ok(()));
    let _ = compare_python_equal(v, v);
    if host_readable(v) {
        let back = from_pickle(&to_pickle(v)).expect("our own pickle decodes");
        assert_eq!(back.canonical(), v.canonical());
    }
}

fuzz_target!(|data: &[u8]| {
    let (expected, actual) = match data.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
        Some(i) => (&data[..i], Some(&data[i + SEPARATOR.len()..])),
        None => (data, None),
    };
    let Some(e) = answer(expected) else {
        return;
    };
    check_one(&e);
    if let Some(a) = actual.and_then(answer) {
        check_one(&a);
        let strict = compare(&e, &a, None);
        let loose = compare(&e, &a, Some(1e-6));
        // A tolerance only ever accepts more.
        assert!(strict.is_err() || loose.is_ok());
        assert_eq!(
            strict.is_ok(),
            compare(&a, &e, None).is_ok(),
            "strict equality is symmetric"
        );
        let _ = compare_python_equal(&e, &a);
    }
});
