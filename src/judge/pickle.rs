//! Python values as pickles (protocol 4), both ways across the Python runtime's boundary.
//!
//! Arguments go in as pickles the host writes ([`to_pickle`]): decoding a literal in the guest
//! is expensive (CPython 3.14 compiles a 16,000-element list literal in 2.7·10^9 fuel,
//! super-linear; `ast.literal_eval` costs ~5·10^4 fuel per element; `pickle.loads` ~8·10^2),
//! and the guest decodes them before any candidate code exists.
//!
//! Results come out as the guest's `pickle.dumps(result, 4)` ([`from_pickle`]): one C pass, the
//! cheapest conversion there is, so a candidate that patches the harness to convert otherwise
//! saves nothing. The host decodes them strictly: only the opcodes of exact builtin types (and
//! `complex`); any other object (a subclass of int, str or list included) arrives as a
//! reference to its class and is refused, as are recursive structures, and the expansion of
//! shared references and the work on huge integers are bounded.

use std::collections::{BTreeMap, HashMap};

use indexmap::IndexMap;

use super::pyliteral::{Value, budgeted_key};

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
const FRAME: u8 = 0x95;
const BININT1: u8 = b'K';
const BININT2: u8 = b'M';
const LONG4: u8 = 0x8b;
const SHORT_BINUNICODE: u8 = 0x8c;
const BINUNICODE8: u8 = 0x8d;
const SHORT_BINBYTES: u8 = b'C';
const BINBYTES8: u8 = 0x8e;
const TUPLE3: u8 = 0x87;
const APPEND: u8 = b'a';
const SETITEM: u8 = b's';
const MEMOIZE: u8 = 0x94;
const BINPUT: u8 = b'q';
const LONG_BINPUT: u8 = b'r';
const BINGET: u8 = b'h';
const LONG_BINGET: u8 = b'j';
const STACK_GLOBAL: u8 = 0x93;

/// At most this many values, and bytes of text, after shared references are expanded.
const MAX_VALUES: usize = 10_000_000;
const MAX_TEXT_BYTES: usize = 1 << 30;
/// At most this much work (32-bit limbs squared) turning huge integers into decimal.
const MAX_BIGINT_WORK: u64 = 400_000_000;

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

/// A value under construction: containers hold the indices of their items, so that a
/// container filled after it was memoised is seen full wherever it is referenced.
enum Node {
    Atom(Value),
    List(Vec<usize>),
    Tuple(Vec<usize>),
    Dict(Vec<(usize, usize)>),
    Set(Vec<usize>),
    FrozenSet(Vec<usize>),
    /// `builtins.complex`, the only callable a result may name.
    Complex,
}

enum Slot {
    Mark,
    Node(usize),
}

struct Decoder<'a> {
    data: &'a [u8],
    at: usize,
    nodes: Vec<Node>,
    stack: Vec<Slot>,
    memo: HashMap<u64, usize>,
    bigint_work: u64,
}

/// Decodes a result pickle into a value, or says why it is not plain data.
pub fn from_pickle(data: &[u8]) -> Result<Value, String> {
    let mut d = Decoder {
        data,
        at: 0,
        nodes: Vec::new(),
        stack: Vec::new(),
        memo: HashMap::new(),
        bigint_work: 0,
    };
    let root = d.run()?;
    let mut budget = Budget {
        values: MAX_VALUES,
        text: MAX_TEXT_BYTES,
        keys: data.len().saturating_mul(8).saturating_add(1 << 20),
    };
    let mut open = vec![false; d.nodes.len()];
    build(&d.nodes, root, &mut open, &mut budget, 0)
}

impl Decoder<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.data.len());
        let end = end.ok_or("the result's pickle is truncated")?;
        let bytes = &self.data[self.at..end];
        self.at = end;
        Ok(bytes)
    }

    fn uint(&mut self, n: usize) -> Result<u64, String> {
        let mut v = 0u64;
        for (i, b) in self.take(n)?.iter().enumerate() {
            v |= u64::from(*b) << (8 * i);
        }
        Ok(v)
    }

    fn push(&mut self, node: Node) {
        self.nodes.push(node);
        self.stack.push(Slot::Node(self.nodes.len() - 1));
    }

    fn pop(&mut self) -> Result<usize, String> {
        match self.stack.pop() {
            Some(Slot::Node(i)) => Ok(i),
            _ => Err("the result's pickle is malformed".into()),
        }
    }

    fn top(&self) -> Result<usize, String> {
        match self.stack.last() {
            Some(Slot::Node(i)) => Ok(*i),
            _ => Err("the result's pickle is malformed".into()),
        }
    }

    /// The items pushed since the last mark, which is removed.
    fn since_mark(&mut self) -> Result<Vec<usize>, String> {
        let mark = self
            .stack
            .iter()
            .rposition(|s| matches!(s, Slot::Mark))
            .ok_or("the result's pickle is malformed")?;
        let items = self.stack.split_off(mark + 1);
        self.stack.pop();
        Ok(items
            .into_iter()
            .map(|s| match s {
                Slot::Node(i) => i,
                Slot::Mark => unreachable!("marks were split off at the last one"),
            })
            .collect())
    }

    fn text(&mut self, n: usize) -> Result<Node, String> {
        let bytes = self.take(n)?;
        let s = std::str::from_utf8(bytes)
            .map_err(|_| "the result holds a str that is not valid Unicode (a lone surrogate)")?;
        Ok(Node::Atom(Value::Str(s.to_owned())))
    }

    fn long(&mut self, n: usize) -> Result<Node, String> {
        let bytes = self.take(n)?.to_vec();
        let limbs = (bytes.len() as u64).div_ceil(4);
        self.bigint_work = self.bigint_work.saturating_add(limbs * limbs);
        if self.bigint_work > MAX_BIGINT_WORK {
            return Err("the result holds integers too large to compare".into());
        }
        Ok(Node::Atom(Value::Int(decimal(&bytes))))
    }

    fn len_of(&mut self, op: u8) -> Result<usize, String> {
        let n = match op {
            SHORT_BINUNICODE | SHORT_BINBYTES | LONG1 => self.uint(1)?,
            BINUNICODE | BINBYTES | LONG4 => self.uint(4)?,
            _ => self.uint(8)?,
        };
        usize::try_from(n).map_err(|_| "the result's pickle is malformed".to_owned())
    }

    fn run(&mut self) -> Result<usize, String> {
        loop {
            let op = self.take(1)?[0];
            match op {
                PROTO => {
                    self.take(1)?;
                }
                FRAME => {
                    self.take(8)?;
                }
                STOP => {
                    let root = self.pop()?;
                    return if self.stack.is_empty() && self.at == self.data.len() {
                        Ok(root)
                    } else {
                        Err("the result's pickle is malformed".into())
                    };
                }
                NONE => self.push(Node::Atom(Value::None)),
                NEWTRUE => self.push(Node::Atom(Value::Bool(true))),
                NEWFALSE => self.push(Node::Atom(Value::Bool(false))),
                BININT => {
                    let v = self.uint(4)? as u32 as i32;
                    self.push(Node::Atom(Value::Int(v.to_string())));
                }
                BININT1 => {
                    let v = self.uint(1)?;
                    self.push(Node::Atom(Value::Int(v.to_string())));
                }
                BININT2 => {
                    let v = self.uint(2)?;
                    self.push(Node::Atom(Value::Int(v.to_string())));
                }
                LONG1 | LONG4 => {
                    let n = self.len_of(op)?;
                    let node = self.long(n)?;
                    self.push(node);
                }
                BINFLOAT => {
                    let b: [u8; 8] = self.take(8)?.try_into().expect("8 bytes");
                    self.push(Node::Atom(Value::Float(f64::from_be_bytes(b))));
                }
                SHORT_BINUNICODE | BINUNICODE | BINUNICODE8 => {
                    let n = self.len_of(op)?;
                    let node = self.text(n)?;
                    self.push(node);
                }
                SHORT_BINBYTES | BINBYTES | BINBYTES8 => {
                    let n = self.len_of(op)?;
                    let bytes = self.take(n)?.to_vec();
                    self.push(Node::Atom(Value::Bytes(bytes)));
                }
                EMPTY_TUPLE => self.push(Node::Tuple(Vec::new())),
                TUPLE1 | TUPLE2 | TUPLE3 => {
                    let n = usize::from(op - TUPLE1 + 1);
                    let mut items = Vec::with_capacity(n);
                    for _ in 0..n {
                        items.push(self.pop()?);
                    }
                    items.reverse();
                    self.push(Node::Tuple(items));
                }
                MARK => self.stack.push(Slot::Mark),
                TUPLE => {
                    let items = self.since_mark()?;
                    self.push(Node::Tuple(items));
                }
                FROZENSET => {
                    let items = self.since_mark()?;
                    self.push(Node::FrozenSet(items));
                }
                EMPTY_LIST => self.push(Node::List(Vec::new())),
                EMPTY_DICT => self.push(Node::Dict(Vec::new())),
                EMPTY_SET => self.push(Node::Set(Vec::new())),
                APPEND | APPENDS | SETITEM | SETITEMS | ADDITEMS => {
                    let items = if op == APPEND {
                        vec![self.pop()?]
                    } else if op == SETITEM {
                        let v = self.pop()?;
                        let k = self.pop()?;
                        vec![k, v]
                    } else {
                        self.since_mark()?
                    };
                    let target = self.top()?;
                    match (&mut self.nodes[target], op) {
                        (Node::List(l), APPEND | APPENDS) => l.extend(items),
                        (Node::Set(l), ADDITEMS) => l.extend(items),
                        (Node::Dict(d), SETITEM | SETITEMS) if items.len() % 2 == 0 => {
                            d.extend(items.chunks(2).map(|kv| (kv[0], kv[1])));
                        }
                        _ => return Err("the result's pickle is malformed".into()),
                    }
                }
                MEMOIZE | BINPUT | LONG_BINPUT => {
                    let key = match op {
                        MEMOIZE => self.memo.len() as u64,
                        BINPUT => self.uint(1)?,
                        _ => self.uint(4)?,
                    };
                    let top = self.top()?;
                    self.memo.insert(key, top);
                }
                BINGET | LONG_BINGET => {
                    let key = if op == BINGET {
                        self.uint(1)?
                    } else {
                        self.uint(4)?
                    };
                    let i = *self
                        .memo
                        .get(&key)
                        .ok_or("the result's pickle is malformed")?;
                    self.stack.push(Slot::Node(i));
                }
                STACK_GLOBAL => {
                    let name = self.pop()?;
                    let module = self.pop()?;
                    let text = |i: usize| match &self.nodes[i] {
                        Node::Atom(Value::Str(s)) => s.clone(),
                        _ => "?".into(),
                    };
                    let (module, name) = (text(module), text(name));
                    if (module.as_str(), name.as_str()) != ("builtins", "complex") {
                        return Err(format!(
                            "the result holds a {module}.{name} object; return builtin types only (int, float, str, list, ...)"
                        ));
                    }
                    self.push(Node::Complex);
                }
                REDUCE => {
                    let args = self.pop()?;
                    let callable = self.pop()?;
                    let parts = match (&self.nodes[callable], &self.nodes[args]) {
                        (Node::Complex, Node::Tuple(parts)) => parts.clone(),
                        _ => return Err("the result's pickle is malformed".into()),
                    };
                    let float = |i: &usize| match &self.nodes[*i] {
                        Node::Atom(Value::Float(f)) => Some(*f),
                        _ => None,
                    };
                    let (Some(re), Some(im)) = (
                        parts.first().and_then(float),
                        parts.get(1).and_then(float).or(Some(0.0)),
                    ) else {
                        return Err("the result's pickle is malformed".into());
                    };
                    self.push(Node::Atom(Value::Complex(re, im)));
                }
                _ => {
                    return Err(format!(
                        "the result holds an object that is not plain data (pickle opcode {op:#04x}); return builtin types only (int, float, str, list, ...)"
                    ));
                }
            }
        }
    }
}

struct Budget {
    values: usize,
    text: usize,
    keys: usize,
}

/// Deeper results are refused (the host builds them recursively).
const MAX_DEPTH: usize = 2_000;

fn build(
    nodes: &[Node],
    i: usize,
    open: &mut [bool],
    budget: &mut Budget,
    depth: usize,
) -> Result<Value, String> {
    if depth > MAX_DEPTH {
        return Err("the result is nested too deeply to compare".into());
    }
    budget.values = budget
        .values
        .checked_sub(1)
        .ok_or("the result is too large to compare (over 10^7 values)")?;
    if open[i] {
        return Err("the result is a recursive structure".into());
    }
    open[i] = true;
    let mut items = |ids: &[usize], budget: &mut Budget| -> Result<Vec<Value>, String> {
        ids.iter()
            .map(|&c| build(nodes, c, open, budget, depth + 1))
            .collect()
    };
    let value = match &nodes[i] {
        Node::Atom(v) => {
            let len = match v {
                Value::Str(s) | Value::Int(s) => s.len(),
                Value::Bytes(b) => b.len(),
                _ => 0,
            };
            budget.text = budget
                .text
                .checked_sub(len)
                .ok_or("the result is too large to compare (over 1 GiB of text)")?;
            v.clone()
        }
        Node::Complex => return Err("the result's pickle is malformed".into()),
        Node::List(ids) => Value::List(items(ids, budget)?),
        Node::Tuple(ids) => Value::Tuple(items(ids, budget)?),
        Node::Set(ids) | Node::FrozenSet(ids) => {
            let mut set = BTreeMap::new();
            for v in items(ids, budget)? {
                set.insert(budgeted_key(&v, &mut budget.keys)?, v);
            }
            if matches!(nodes[i], Node::Set(_)) {
                Value::Set(set)
            } else {
                Value::FrozenSet(set)
            }
        }
        Node::Dict(pairs) => {
            let mut map = IndexMap::new();
            for &(k, v) in pairs {
                let k = build(nodes, k, open, budget, depth + 1)?;
                let v = build(nodes, v, open, budget, depth + 1)?;
                map.insert(budgeted_key(&k, &mut budget.keys)?, (k, v));
            }
            Value::Dict(map)
        }
    };
    open[i] = false;
    Ok(value)
}

/// A little-endian two's-complement integer in decimal.
fn decimal(bytes: &[u8]) -> String {
    let negative = bytes.last().is_some_and(|b| b & 0x80 != 0);
    // Magnitude as little-endian bytes.
    let mut mag: Vec<u8> = bytes.to_vec();
    if negative {
        let mut carry = true;
        for b in &mut mag {
            *b = !*b;
            if carry {
                let (v, c) = b.overflowing_add(1);
                *b = v;
                carry = c;
            }
        }
    }
    // 32-bit limbs, most significant first, divided by 10^9 repeatedly.
    let mut limbs: Vec<u32> = mag
        .chunks(4)
        .rev()
        .map(|c| {
            c.iter()
                .rev()
                .fold(0u32, |acc, &b| (acc << 8) | u32::from(b))
        })
        .collect();
    let mut chunks = Vec::new();
    while limbs.iter().any(|&l| l != 0) {
        let mut rem = 0u64;
        for l in &mut limbs {
            let cur = (rem << 32) | u64::from(*l);
            *l = (cur / 1_000_000_000) as u32;
            rem = cur % 1_000_000_000;
        }
        chunks.push(rem as u32);
        while limbs.first() == Some(&0) {
            limbs.remove(0);
        }
    }
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    match chunks.split_last() {
        None => return "0".into(),
        Some((top, rest)) => {
            out.push_str(&top.to_string());
            for c in rest.iter().rev() {
                out.push_str(&format!("{c:09}"));
            }
        }
    }
    out
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

    fn host_pickle(expr: &str) -> Vec<u8> {
        let out = std::process::Command::new("python3")
            .args([
                "-c",
                &format!("import pickle, sys\nsys.stdout.buffer.write(pickle.dumps({expr}, 4))"),
            ])
            .output()
            .expect("python3 on the host");
        assert!(out.status.success(), "{expr}");
        out.stdout
    }

    #[test]
    fn results_decode_as_cpython_pickles_them() {
        for expr in [
            "None",
            "[True, False, 0, 255, 65535, -1, 2**31, -2**63, 2**70, -(2**200) + 1, 10**50]",
            "(1.5, -0.0, float('inf'), 1e-300, 3+4j, complex(0, -2))",
            "('', 'é☺\\U0001f600' * 3, b'\\x00\\xff', ('x',), (1, 2, 3, 4, 5))",
            "{'b': [1, {2, 3}], 'a': frozenset({(1, 2)}), 3: {}}",
            "[[1, 2]] * 3 + [list(range(2000))]",
            "[set(), frozenset(), (), [], {}]",
        ] {
            let decoded = from_pickle(&host_pickle(expr)).unwrap();
            let repr = std::process::Command::new("python3")
                .args(["-c", &format!("print(repr({expr}))")])
                .output()
                .unwrap();
            let literal = String::from_utf8(repr.stdout).unwrap();
            let expected = parse(literal.trim()).unwrap();
            assert_eq!(decoded.canonical(), expected.canonical(), "{expr}");
            assert!(
                crate::judge::pyliteral::compare(&expected, &decoded, None).is_ok(),
                "{expr}"
            );
        }
    }

    #[test]
    fn results_that_are_not_plain_data_are_refused() {
        for (setup, why) in [
            ("class I(int): pass\nv = [I(3)]", "I object"),
            ("class S(str): pass\nv = S('x')", "S object"),
            ("v = bytearray(b'x')", "bytearray object"),
            ("v = []\nv.append(v)", "recursive"),
            ("class C: pass\nv = C()", "C object"),
        ] {
            let out = std::process::Command::new("python3")
                .args([
                    "-c",
                    &format!(
                        "import pickle, sys\n{setup}\nsys.stdout.buffer.write(pickle.dumps(v, 4))"
                    ),
                ])
                .output()
                .unwrap();
            let err = from_pickle(&out.stdout).unwrap_err();
            assert!(err.contains(why), "{setup}: {err}");
        }
        // Shared references are expanded, within a bound.
        let bomb = host_pickle(
            "(lambda: [__import__('functools').reduce(lambda a, _: [a, a], range(40), [0])])()[0]",
        );
        assert!(from_pickle(&bomb).unwrap_err().contains("too large"));
        assert!(from_pickle(b"\x80\x04]").is_err(), "truncated");
        // A set item made of 2^16 shared strings under 1,960 nested tuples: its canonical text
        // is written once and stops at the key budget, not rebuilt at every level.
        let mut bomb = b"\x80\x04\x8f(\x8c\x40".to_vec();
        bomb.extend([1u8; 64]);
        for k in 0..16u8 {
            bomb.extend([b'q', k, b'h', k, 0x86]);
        }
        bomb.extend([0x85; 1960]);
        bomb.extend(b"\x90.");
        let why = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || from_pickle(&bomb).unwrap_err())
            .unwrap()
            .join()
            .unwrap();
        assert!(why.contains("too deeply"), "{why}");
    }
}
