//! One test of a problem, and the seeds that make generated tests reproducible.

use std::sync::Arc;

use super::model::SecretSeed;
use crate::digest::KeyBuilder;

/// One test of a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestCase {
    /// `hand/<name>` or `L<level>.<case>`.
    pub name: String,
    pub level: usize,
    /// stdin for stdio problems; the `repr` of the argument tuple for function problems.
    pub input: Arc<Vec<u8>>,
    /// From a hand-written `.out`; otherwise the reference's answer is expected.
    pub expected: Option<Vec<u8>>,
    /// The generator's seed for this test.
    pub seed: u64,
    /// Generated behind a secret seed: what it holds (its input, the answer) is never shown.
    pub hidden: bool,
}

impl TestCase {
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
    let key = match secret {
        None => KeyBuilder::new("test-seed-v1"),
        Some(secret) => KeyBuilder::new("hidden-test-seed-v1").bytes(secret.bytes()),
    };
    let d = key
        .str(problem)
        .u64(generator_seed)
        .u64(level as u64)
        .u64(u64::from(case))
        .finish();
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
            input: Arc::new(Vec::new()),
            expected: None,
            seed: hidden,
            hidden: true,
        };
        assert_ne!(test.run_seed(), hidden);
        assert_eq!(test.run_seed(), test.clone().run_seed());
        assert!(s < 1 << 63);
    }
}
