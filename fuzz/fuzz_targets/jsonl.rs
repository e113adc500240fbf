//! EvalPlus JSONL submissions: `read_jsonl` over the fuzz input, as `score` reads a `.jsonl`
//! file, through a reader that hands out a few bytes at a time (lines cross buffer ends).

#![no_main]

use std::io::BufReader;
use std::path::Path;

use fuelgauge::candidate::{ProblemIndex, read_jsonl};
use libfuzzer_sys::fuzz_target;

/// A few problems: a HumanEval import with a prompt ending in a newline, an ENAMEL one whose
/// prompt does not, and a stdio problem without one.
struct Index;

impl ProblemIndex for Index {
    fn ids(&self) -> Vec<String> {
        ["enamel-3", "humaneval-0", "range-sum"]
            .map(String::from)
            .to_vec()
    }

    fn prompt(&self, id: &str) -> Option<String> {
        match id {
            "humaneval-0" => Some("def has_close_elements(xs, t):\n    \"\"\"Doc.\"\"\"\n".into()),
            "enamel-3" => Some("def below_zero(ops):".into()),
            _ => None,
        }
    }
}

/// The longest source a line may carry here; lines longer than it escaped are skipped.
const MAX_SOURCE_BYTES: u64 = 1 << 10;

fuzz_target!(|data: &[u8]| {
    let reader = BufReader::with_capacity(7, data);
    let got = read_jsonl(reader, Path::new("model.jsonl"), &Index, MAX_SOURCE_BYTES);
    let lines = data.split(|&b| b == b'\n').count();
    assert!(got.submissions.len() + got.warnings.len() <= lines);
    let ids = Index.ids();
    for s in &got.submissions {
        assert!(ids.contains(&s.problem), "{}", s.problem);
        assert_eq!(s.system, "model");
    }
    // Each line is read on its own: the same lines from one big buffer give the same result.
    let whole = read_jsonl(data, Path::new("model.jsonl"), &Index, MAX_SOURCE_BYTES);
    assert_eq!(whole.submissions, got.submissions);
    assert_eq!(whole.warnings, got.warnings);
});
