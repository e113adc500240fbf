use std::collections::BTreeMap;
use std::path::PathBuf;

use super::spec::{CheckerSpec, ComplexitySpec, Kind};
use crate::candidate::{Family, Source};
use crate::digest::Digest;

/// ENAMEL's defaults: 4 levels with 8/4/4/4 tests, weights 0/3/3/4, α = 2.
pub const DEFAULT_TESTS: [u32; 4] = [8, 4, 4, 4];
pub const DEFAULT_WEIGHTS: [f64; 4] = [0.0, 3.0, 3.0, 4.0];
pub const DEFAULT_ALPHA: f64 = 2.0;
pub const DEFAULT_MEMORY_MIB: u64 = 512;

/// A loaded, validated problem.
#[derive(Debug, Clone)]
pub struct Problem {
    pub id: String,
    pub dir: PathBuf,
    pub title: String,
    pub kind: Kind,
    pub tags: Vec<String>,
    pub statement: String,
    pub prompt: Option<String>,
    pub entry_point: Option<String>,
    pub checker: Checker,
    pub generator: Option<Generator>,
    pub levels: Vec<Level>,
    pub hand_tests: Vec<HandTest>,
    pub alpha: f64,
    pub memory_bytes: u64,
    pub level0_fuel: Option<u64>,
    pub level0_tolerance_fuel: u64,
    /// Python exception names censored on levels ≥ 1 (`[limits] censor_errors`).
    pub censor_errors: Vec<String>,
    pub excluded: bool,
    /// The declared complexity classes (`[complexity]`).
    pub complexity: ComplexitySpec,
    /// Extra sizes generated for the growth fit (`--growth N`), between the smallest level's
    /// size and the largest's; see [`Problem::growth_sizes`].
    pub growth: u32,
    /// One expert reference per family (`reference/<id>/ref.*`).
    pub references: BTreeMap<Family, Source>,
    /// Correct but slower solutions (`reference/<id>/slow.*`), for the differentiation check.
    pub slow: Vec<Source>,
    /// sha256 over every file of the problem and reference folders (provenance).
    pub digest: Digest,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Checker {
    Exact,
    Tokens,
    Float {
        abs_tol: f64,
        rel_tol: f64,
    },
    Literal {
        float_tol: Option<f64>,
    },
    PythonEqual,
    /// A Python checker program's source.
    Custom {
        source: String,
    },
}

impl Checker {
    pub(crate) fn from_spec(spec: &CheckerSpec, custom_source: Option<String>) -> Checker {
        match spec {
            CheckerSpec::Exact => Checker::Exact,
            CheckerSpec::Tokens => Checker::Tokens,
            CheckerSpec::Float { abs_tol, rel_tol } => Checker::Float {
                abs_tol: *abs_tol,
                rel_tol: *rel_tol,
            },
            CheckerSpec::Literal { float_tol } => Checker::Literal {
                float_tol: *float_tol,
            },
            CheckerSpec::PythonEqual => Checker::PythonEqual,
            CheckerSpec::Custom { .. } => Checker::Custom {
                source: custom_source.unwrap_or_default(),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generator {
    /// The file `generator.program` names, for messages.
    pub path: PathBuf,
    pub program: GeneratorProgram,
    pub seed: u64,
    /// A leaderboard's secret, mixed into every test seed (see [`SecretSeed`]).
    pub secret: Option<SecretSeed>,
}

/// What a generator is written in, told by its file's extension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GeneratorProgram {
    /// Python (`gen.py`, or any other extension): defines `generate(rng, size, level, case)`,
    /// which returns the input (a `str`, or a tuple of arguments for a function problem).
    /// Runs under CPython for WASI.
    Python(String),
    /// A WebAssembly command (`gen.wat` or `gen.wasm`), for stdio problems only: it reads
    /// `seed size level case` in decimal on one line of stdin and writes the input to stdout.
    /// Needs no Python runtime.
    Wasm(Source),
}

/// A secret mixed into every generator seed, so that the generated tests cannot be rebuilt
/// from the public problem files (a candidate could otherwise carry their answers). Only its
/// commitment, sha256 of the secret's bytes, is ever written out.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretSeed {
    bytes: std::sync::Arc<[u8]>,
    commitment: Digest,
}

impl SecretSeed {
    pub fn new(secret: &str) -> SecretSeed {
        SecretSeed {
            bytes: secret.as_bytes().into(),
            commitment: Digest::of(secret.as_bytes()),
        }
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// sha256 of the secret: `printf %s "$SECRET" | sha256sum` shows it.
    pub fn commitment(&self) -> &Digest {
        &self.commitment
    }
}

impl std::fmt::Debug for SecretSeed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SecretSeed(sha256 {})", self.commitment.hex())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub size: u64,
    pub tests: u32,
    pub weight: f64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandTest {
    pub name: String,
    pub input: Vec<u8>,
    pub expected: Option<Vec<u8>>,
}

impl Problem {
    /// Hides the generated tests behind `secret`. The problem's digest takes the commitment,
    /// so nothing judged on the public tests (a journal, a cached sample) is taken for a
    /// result on the hidden ones, and results of the two are never compared.
    pub fn hide_tests(&mut self, secret: &SecretSeed) {
        if let Some(generator) = &mut self.generator {
            generator.secret = Some(secret.clone());
            self.digest = crate::digest::KeyBuilder::new("hidden-tests-v1")
                .digest(&self.digest)
                .digest(secret.commitment())
                .finish();
        }
    }

    /// Asks for `extra` more sizes for the growth fit. They are tests, so the problem's
    /// digest takes the count: nothing judged without them is taken for a result with them.
    pub fn set_growth(&mut self, extra: u32) {
        if extra == 0 || self.growth == extra {
            return;
        }
        self.growth = extra;
        self.digest = crate::digest::KeyBuilder::new("growth-sizes-v1")
            .digest(&self.digest)
            .u64(u64::from(extra))
            .finish();
    }

    /// The extra sizes of the growth fit: `growth` sizes spaced evenly on a log scale strictly
    /// between the smallest level's size and the largest's, rounded, without repeating a size.
    /// Each comes with the level whose kind of input it is given: the first level ≥ 1 at least
    /// as large (level 0's inputs are edge cases of mixed sizes, never imitated).
    pub fn growth_sizes(&self) -> Vec<(u64, usize)> {
        let scored: Vec<(usize, u64)> = self
            .levels
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(_, l)| l.tests > 0)
            .map(|(i, l)| (i, l.size))
            .collect();
        let lo = self.levels.iter().map(|l| l.size).min().unwrap_or(0).max(1);
        let Some(&(last, hi)) = scored.iter().max_by_key(|(_, s)| *s) else {
            return Vec::new();
        };
        if self.generator.is_none() || hi <= lo.saturating_add(1) {
            return Vec::new();
        }
        let ratio = hi as f64 / lo as f64;
        let mut sizes: Vec<u64> = Vec::new();
        for j in 1..=self.growth {
            let s =
                (lo as f64 * ratio.powf(f64::from(j) / f64::from(self.growth + 1))).round() as u64;
            let taken = sizes.contains(&s) || self.levels.iter().any(|l| l.size == s);
            if s > lo && s < hi && !taken {
                sizes.push(s);
            }
        }
        sizes
            .into_iter()
            .map(|s| {
                let level = scored
                    .iter()
                    .filter(|(_, z)| *z >= s)
                    .min_by_key(|(_, z)| *z)
                    .map_or(last, |(i, _)| *i);
                (s, level)
            })
            .collect()
    }

    /// The commitment of the secret the generated tests are hidden behind, if any.
    pub fn secret_commitment(&self) -> Option<&Digest> {
        self.generator
            .as_ref()
            .and_then(|g| g.secret.as_ref())
            .map(SecretSeed::commitment)
    }

    /// The entry point of a `function` problem; `None` for a stdio one.
    pub fn function_entry(&self) -> Option<&str> {
        match self.kind {
            Kind::Function => self.entry_point.as_deref(),
            Kind::Stdio => None,
        }
    }

    /// The level weights h_l; one unscored level for a problem without levels.
    pub fn weights(&self) -> Vec<f64> {
        if self.levels.is_empty() {
            vec![0.0]
        } else {
            self.levels.iter().map(|l| l.weight).collect()
        }
    }
}
