//! One test of a problem, and the seeds that make generated tests reproducible.

use std::sync::Arc;

use super::model::SecretSeed;
use crate::digest::KeyBuilder;

/// One test of a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestCase {
    /// `hand/<name>`, `L<level>.<case>`, or `G<size>.<case>` for a growth test.
    pub name: String,
    pub level: usize,
    /// The generator's size and case (`None` for a hand-written test).
    pub generated: Option<Generated>,
    /// stdin for stdio problems; the `repr` of the argument tuple for function problems.
    pub input: Arc<Vec<u8>>,
    /// From a hand-written `.out`; otherwise the reference's answer is expected.
    pub expected: Option<Vec<u8>>,
    /// The generator's seed for this test.
    pub seed: u64,
    /// Generated behind a secret seed: what it holds (its input, the answer) is never shown.
    pub hidden: bool,
}

/// What the generator was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Generated {
    pub size: u64,
    pub case: u32,
    /// An extra size for the growth fit (`--growth`): judged for correctness and fitted, not
    /// part of any level's score.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub growth: bool,
}

impl TestCase {
    /// Whether the test is an extra size for the growth fit.
    pub fn is_growth(&self) -> bool {
        self.generated.is_some_and(|g| g.growth)
    }

    /// A problem's tests split into the levels' tests and the growth tests, which always come
    /// after them.
    pub fn split_growth(tests: &[TestCase]) -> (&[TestCase], &[TestCase]) {
        tests.split_at(
            tests
                .iter()
                .position(TestCase::is_growth)
                .unwrap_or(tests.len()),
        )
    }

    /// The seed of a program's own randomness on this test (`random`, `rand()`, Python's hash
    /// seed), derived one way from the generator's: a program must not find the generator's
    /// state in its own, which with a secret seed would let it rebuild a hidden test.
    pub fn run_seed(&self) -> u64 {
        let d = KeyBuilder::new("run-seed-v1").u64(self.seed).finish();
        u64::from_le_bytes(d.0[..8].try_into().expect("8 bytes")) >> 1
    }
}

/// The seed of test `case` on `level`: sha256 of the problem id, the generator's seed, level
/// and case (and a leaderboard's secret, when there is one), first 8 bytes (little endian)
/// without the top bit (Python's `random.Random` takes any int; keeping it positive keeps it
/// readable).
pub fn test_seed(
    problem: &str,
    generator_seed: u64,
    secret: Option<&SecretSeed>,
    level: usize,
    case: u32,
) -> u64 {
    let key = domain(secret, "test-seed-v1", "hidden-test-seed-v1");
    seed_of(key.str(problem).u64(generator_seed).u64(level as u64), case)
}

/// The seed of case `case` at the extra `size` of the growth fit: like [`test_seed`], under
/// its own domain and with the size in place of the level.
pub fn growth_seed(
    problem: &str,
    generator_seed: u64,
    secret: Option<&SecretSeed>,
    size: u64,
    case: u32,
) -> u64 {
    let key = domain(secret, "growth-seed-v1", "hidden-growth-seed-v1");
    seed_of(key.str(problem).u64(generator_seed).u64(size), case)
}

/// A seed's key: its public domain, or the hidden one with the secret.
fn domain(secret: Option<&SecretSeed>, public: &str, hidden: &str) -> KeyBuilder {
    match secret {
        None => KeyBuilder::new(public),
        Some(secret) => KeyBuilder::new(hidden).bytes(secret.bytes()),
    }
}

fn seed_of(key: KeyBuilder, case: u32) -> u64 {
    let d = key.u64(u64::from(case)).finish();
    u64::from_le_bytes(d.0[..8].try_into().expect("8 bytes")) >> 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_depend_on_every_part() {
        let s = test_seed("p", 0, None, 1, 2);
        assert_eq!(s, test_seed("p", 0, None, 1, 2));
        assert_ne!(s, test_seed("q", 0, None, 1, 2));
        assert_ne!(s, test_seed("p", 1, None, 1, 2));
        assert_ne!(s, test_seed("p", 0, None, 2, 2));
        assert_ne!(s, test_seed("p", 0, None, 1, 3));
        let (a, b) = (SecretSeed::new("a"), SecretSeed::new("b"));
        let hidden = test_seed("p", 0, Some(&a), 1, 2);
        assert_ne!(hidden, s);
        assert_ne!(hidden, test_seed("p", 0, Some(&b), 1, 2));
        assert_eq!(hidden, test_seed("p", 0, Some(&a), 1, 2));
        // A program's randomness is not the generator's.
        let test = TestCase {
            name: "L1.2".into(),
            level: 1,
            generated: None,
            input: Arc::new(Vec::new()),
            expected: None,
            seed: hidden,
            hidden: true,
        };
        assert_ne!(test.run_seed(), hidden);
        assert_eq!(test.run_seed(), test.clone().run_seed());
        assert!(s < 1 << 63);
        let g = growth_seed("p", 0, None, 1, 2);
        assert_ne!(g, s);
        assert_ne!(g, growth_seed("p", 0, None, 3, 2));
        assert_ne!(growth_seed("p", 0, Some(&a), 1, 2), g);
    }
}
