//! ENAMEL samples files: `read_enamel` over the fuzz input, as `score` reads a `.json` file.

#![no_main]

use std::path::Path;

use fuelgauge::candidate::{Language, ProblemIndex, read_enamel};
use libfuzzer_sys::fuzz_target;

/// ENAMEL problems by index (with prompts that do and do not end in a newline), a HumanEval
/// import and a problem whose id ends in a number.
struct Index;

impl ProblemIndex for Index {
    fn ids(&self) -> Vec<String> {
        ["enamel-0", "enamel-3", "humaneval-0", "range-7"]
            .map(String::from)
            .to_vec()
    }

    fn prompt(&self, id: &str) -> Option<String> {
        match id {
            "enamel-0" => Some("def has_close_elements(xs, t):\n    \"\"\"Doc.\"\"\"\n".into()),
            "enamel-3" => Some("def below_zero(ops):".into()),
            _ => None,
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let got = read_enamel(data, Path::new("samples.json"), &Index);
    let ids = Index.ids();
    for s in &got.submissions {
        assert!(ids.contains(&s.problem), "{}", s.problem);
        assert_eq!(s.source.language, Language::Python);
        assert_eq!(s.system, "samples");
    }
    let mut names: Vec<_> = got
        .submissions
        .iter()
        .map(|s| (&s.problem, &s.name))
        .collect();
    names.sort();
    let all = names.len();
    names.dedup();
    assert_eq!(names.len(), all, "sample names repeat");
});
