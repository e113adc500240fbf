//! Python literals as pickles (protocol 4), for handing a function's arguments to the Python
//! runtime. Decoding a literal in the guest is expensive: CPython 3.14 compiles a 16,000-element
//! list literal in 2.7·10^9 fuel (super-linear), and `ast.literal_eval` costs ~5·10^4 fuel per
//! element, while `pickle.loads` costs ~8·10^2. The host writes the pickle, so it holds only
//! builtin types, and the guest decodes it before any candidate code exists.

use super::pyliteral::Value;

const PROTO: u8 = 0x80;
const STOP: u8 = b'.';
const NONE: u8 = b'N';
const NEWTRUE: u8 = 0x88;
const NEWFALSE: u8 = 0x89;
const BININT: u8 = b'J';
const LONG1: u8 = 0x8a;
const BINFLOAT: u8 = b'G';
const BINUNICODE: u8 = b'X';
const BINBYTES: u8 = b'B';
const MARK: u8 = b'(';
const TUPLE: u8 = b't';
const EMPTY_TUPLE: u8 = b')';
const TUPLE1: u8 = 0x85;
const TUPLE2: u8 = 0x86;
const EMPTY_LIST: u8 = b']';
const APPENDS: u8 = b'e';
const EMPTY_DICT: u8 = b'}';
const SETITEMS: u8 = b'u';
const EMPTY_SET: u8 = 0x8f;
const ADDITEMS: u8 = 0x90;
const FROZENSET: u8 = 0x91;
const GLOBAL: u8 = b'c';
const REDUCE: u8 = b'R';

/// The pickle of `value`.
pub fn to_pickle(value: &Value) -> Vec<u8> {
    let mut out = vec![PROTO, 4];
    write(value, &mut out);
    out.push(STOP);
    out
}

fn write(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::None => out.push(NONE),
        Value::Bool(b) => out.push(if *b { NEWTRUE } else { NEWFALSE }),
        Value::Int(text) => write_int(text, out),
        Value::Float(f) => float(*f, out),
        Value::Complex(re, im) => {
            global("complex", out);
            float(*re, out);
            float(*im, out);
            out.extend([TUPLE2, REDUCE]);
        }
        Value::Str(s) => counted(BINUNICODE, s.as_bytes(), out),
        Value::Bytes(b) => counted(BINBYTES, b, out),
        Value::Tuple(items) if items.is_empty() => out.push(EMPTY_TUPLE),
        Value::Tuple(items) => {
            out.push(MARK);
            items.iter().for_each(|v| write(v, out));
            out.push(TUPLE);
        }
        Value::List(items) => {
            out.push(EMPTY_LIST);
            if !items.is_empty() {
                out.push(MARK);
                items.iter().for_each(|v| write(v, out));
                out.push(APPENDS);
            }
        }
        Value::Dict(map) => {
            out.push(EMPTY_DICT);
            if !map.is_empty() {
                out.push(MARK);
                for (k, v) in map.values() {
                    write(k, out);
                    write(v, out);
                }
                out.push(SETITEMS);
            }
        }
        Value::Set(items) => {
            out.push(EMPTY_SET);
            if !items.is_empty() {
                out.push(MARK);
                items.values().for_each(|v| write(v, out));
                out.push(ADDITEMS);
            }
        }
        Value::FrozenSet(items) => {
            out.push(MARK);
            items.values().for_each(|v| write(v, out));
            out.push(FROZENSET);
        }
    }
}

fn write_int(text: &str, out: &mut Vec<u8>) {
    match text.parse::<i64>() {
        Ok(v) if i32::try_from(v).is_ok() => {
            out.push(BININT);
            out.extend((v as i32).to_le_bytes());
        }
        Ok(v) => {
            out.extend([LONG1, 8]);
            out.extend(v.to_le_bytes());
        }
        // Beyond 64 bits: `int("…")`, which the guest allows at any length.
        Err(_) => {
            global("int", out);
            counted(BINUNICODE, text.as_bytes(), out);
            out.extend([TUPLE1, REDUCE]);
        }
    }
}

fn float(f: f64, out: &mut Vec<u8>) {
    out.push(BINFLOAT);
    out.extend(f.to_be_bytes());
}

fn counted(op: u8, bytes: &[u8], out: &mut Vec<u8>) {
    out.push(op);
    out.extend((bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(bytes);
}

fn global(name: &str, out: &mut Vec<u8>) {
    out.push(GLOBAL);
    out.extend_from_slice(b"builtins\n");
    out.extend_from_slice(name.as_bytes());
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judge::pyliteral::parse;

    /// The host's CPython reads our pickles back as the literal they came from.
    #[test]
    fn pickles_round_trip_through_cpython() {
        let literals = [
            "()",
            "(1,)",
            "([3, -1, 2], 5)",
            "(None, True, False, 0, -2147483648, 2147483648, -9223372036854775808, 123456789012345678901234567890, -98765432109876543210)",
            "(1.5, -0.0, 1e300, inf, -inf, (1+2j), (-3.5-1.5j))",
            "('', 'a\\'b\"c', 'caf\\xe9 \\u263a \\U0001f600', b'', b'\\x00\\xff')",
            "([[], [1, [2, [3]]]], {}, {'b': 1, 'a': [2]}, {3, 1, 2}, set(), frozenset({1}), frozenset())",
        ];
        for literal in literals {
            let hex: String = to_pickle(&parse(literal).unwrap())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            let script = format!(
                "import pickle, math\nv = pickle.loads(bytes.fromhex('{hex}'))\ninf, nan = math.inf, math.nan\nw = eval({literal:?})\nassert repr(v) == repr(w), (v, w)\n"
            );
            let status = std::process::Command::new("python3")
                .args(["-c", &script])
                .status()
                .expect("python3 on the host");
            assert!(status.success(), "{literal}");
        }
    }
}
