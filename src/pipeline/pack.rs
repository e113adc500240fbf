//! Packs: every problem's tests, expected answers and reference costs, prepared once
//! (`fuelgauge problems prepare`) and then used read-only by any number of `score` processes,
//! on any machine, without running a generator or a reference again.
//!
//! Layout: `PACK/manifest.json` (a [`PackManifest`]), `PACK/manifest.json.sha256` (its sha256
//! in `sha256sum`'s format: the pack's digest) and `PACK/objects/<2 hex>/<64 hex>`, each input
//! and answer stored once under its own sha256. Opening a pack checks the manifest against its
//! digest and the environment (fuelgauge version, wasmtime, cost model, Python runtime);
//! loading a problem checks it against the problem folder's sha256 and every object against
//! its name. Whatever fails is refused, never regenerated.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::prepare::Prepared;
use crate::digest::Digest;
use crate::judge::Context;
use crate::problem::{Problem, TestCase};
use crate::sandbox::WASMTIME_VERSION;
use crate::schema::{PACK_FORMAT, PackManifest, PackPrepared, PackProblem, PackTest};
use crate::toolchain::python_runtime_sha256;

const MANIFEST: &str = "manifest.json";
const MANIFEST_DIGEST: &str = "manifest.json.sha256";
const OBJECTS: &str = "objects";

/// What a pack must have been prepared under to be used here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackEnvironment {
    pub version: String,
    pub wasmtime: String,
    pub cost_model: String,
    pub python_runtime: String,
    /// Extra sizes per problem for the growth fit (`--growth`).
    pub growth: u32,
}

impl PackEnvironment {
    /// What this process prepares and judges under, with `growth` extra sizes per problem.
    pub fn of(ctx: &Context, growth: u32) -> PackEnvironment {
        PackEnvironment {
            version: crate::VERSION.into(),
            wasmtime: WASMTIME_VERSION.into(),
            cost_model: ctx.runner.sandbox.cost_model().id(),
            python_runtime: python_runtime_sha256().into(),
            growth,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path} is not a fuelgauge pack ({why}); write one with `fuelgauge problems prepare -o DIR`"
    )]
    NotAPack { path: PathBuf, why: String },
    #[error(
        "{path} was changed after `fuelgauge problems prepare` wrote it ({what}); prepare the pack again"
    )]
    Tampered { path: PathBuf, what: String },
    #[error(
        "{path} was prepared with {what} {pack}, this run uses {here}; prepare the pack again with this fuelgauge and settings"
    )]
    Environment {
        path: PathBuf,
        what: &'static str,
        pack: String,
        here: String,
    },
    #[error(
        "{path} has no problem `{problem}`; prepare the pack from the problem set being scored"
    )]
    Missing { path: PathBuf, problem: String },
    #[error(
        "problem `{problem}` changed since {path} was prepared (sha256 {pack} in the pack, {here} now); prepare the pack again"
    )]
    Changed {
        path: PathBuf,
        problem: String,
        pack: String,
        here: String,
    },
    #[error(
        "{path} exists and is not a fuelgauge pack (nor an empty folder); choose another -o, or remove it"
    )]
    Occupied { path: PathBuf },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> PackError + '_ {
    move |source| PackError::Io {
        path: path.to_owned(),
        source,
    }
}

/// `path`'s bytes; `missing` says what its absence means.
fn read(path: &Path, missing: impl FnOnce() -> PackError) -> Result<Vec<u8>, PackError> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(missing()),
        Err(e) => Err(io(path)(e)),
    }
}

fn object_path(root: &Path, hex: &str) -> PathBuf {
    root.join(OBJECTS).join(&hex[..2]).join(hex)
}

/// Refuses `dir` as a place to write a pack before any work: it must be missing, an empty
/// folder, or a pack (which is replaced).
pub fn check_target(dir: &Path) -> Result<(), PackError> {
    let occupied = || PackError::Occupied {
        path: dir.to_owned(),
    };
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io(dir)(e)),
        Ok(m) if !m.is_dir() => Err(occupied()),
        Ok(_) => {
            let empty = std::fs::read_dir(dir).map_err(io(dir))?.next().is_none();
            if empty || dir.join(MANIFEST_DIGEST).is_file() {
                Ok(())
            } else {
                Err(occupied())
            }
        }
    }
}

/// Writes a pack of `prepared` (each problem with its preparation, or why it failed) to
/// `dir`, replacing a pack already there; returns its digest. The pack is written beside
/// `dir` and renamed into place, so a reader never sees half of one.
pub fn write_pack(
    dir: &Path,
    environment: &PackEnvironment,
    prepared: &[(&Problem, Result<Prepared, String>)],
) -> Result<Digest, PackError> {
    let name = dir.file_name().ok_or_else(|| PackError::NotAPack {
        path: dir.to_owned(),
        why: "it names no folder".into(),
    })?;
    let staging = dir.with_file_name(format!(
        ".{}.{}.partial",
        name.to_string_lossy(),
        std::process::id()
    ));
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(io(&staging))?;
    }
    std::fs::create_dir_all(staging.join(OBJECTS)).map_err(io(&staging))?;
    let store = |bytes: &[u8]| -> Result<String, PackError> {
        let hex = Digest::of(bytes).hex();
        let path = object_path(&staging, &hex);
        if !path.exists() {
            std::fs::create_dir_all(path.parent().expect("objects/xx")).map_err(io(&path))?;
            std::fs::write(&path, bytes).map_err(io(&path))?;
        }
        Ok(hex)
    };
    let mut problems = BTreeMap::new();
    for (problem, prep) in prepared {
        let sha256 = problem.digest.hex();
        let entry = match prep {
            Err(reason) => PackProblem::Unusable {
                sha256,
                reason: reason.clone(),
            },
            Ok(prep) => {
                let mut tests = Vec::with_capacity(prep.tests.len());
                for (test, expected) in prep.tests.iter().zip(&prep.expected) {
                    tests.push(PackTest {
                        name: test.name.clone(),
                        level: test.level,
                        seed: test.seed,
                        generated: test.generated,
                        input: store(&test.input)?,
                        expected: store(expected)?,
                        hand_written: test.expected.is_some(),
                    });
                }
                PackProblem::Prepared(PackPrepared {
                    sha256,
                    tests,
                    references: prep.yardsticks.clone(),
                    compilers: prep.compilers.clone(),
                })
            }
        };
        problems.insert(problem.id.clone(), entry);
    }
    let manifest = PackManifest {
        format: PACK_FORMAT.into(),
        version: environment.version.clone(),
        wasmtime: environment.wasmtime.clone(),
        cost_model: environment.cost_model.clone(),
        python_runtime: environment.python_runtime.clone(),
        growth: environment.growth,
        problems,
    };
    let mut json = serde_json::to_vec_pretty(&manifest).expect("a manifest serializes");
    json.push(b'\n');
    let digest = Digest::of(&json);
    let path = staging.join(MANIFEST);
    std::fs::write(&path, &json).map_err(io(&path))?;
    let path = staging.join(MANIFEST_DIGEST);
    std::fs::write(&path, format!("{digest}  {MANIFEST}\n")).map_err(io(&path))?;
    if let Err(e) = check_target(dir) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(io(dir))?;
    }
    std::fs::rename(&staging, dir).map_err(io(dir))?;
    Ok(digest)
}

/// The problems a run takes from a pack, every object read and checked.
#[derive(Debug)]
pub struct Prepacked {
    /// The pack's digest.
    pub digest: Digest,
    /// By problem id: as prepared, or why preparing it failed.
    pub problems: BTreeMap<String, Result<Prepared, String>>,
}

/// An opened pack: its manifest checked against its digest and this run's environment.
#[derive(Debug)]
pub struct Pack {
    dir: PathBuf,
    digest: Digest,
    manifest: PackManifest,
}

impl Pack {
    pub fn open(dir: &Path, here: &PackEnvironment) -> Result<Pack, PackError> {
        let not_a_pack = |why: String| PackError::NotAPack {
            path: dir.to_owned(),
            why,
        };
        let digest_path = dir.join(MANIFEST_DIGEST);
        let recorded = read(&digest_path, || {
            not_a_pack(format!("it has no {MANIFEST_DIGEST}"))
        })?;
        let recorded = String::from_utf8_lossy(&recorded)
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned();
        let path = dir.join(MANIFEST);
        let bytes = read(&path, || not_a_pack(format!("it has no {MANIFEST}")))?;
        let digest = Digest::of(&bytes);
        if digest.hex() != recorded {
            return Err(PackError::Tampered {
                path: dir.to_owned(),
                what: format!("{MANIFEST} has sha256 {digest}, {MANIFEST_DIGEST} says {recorded}"),
            });
        }
        let format = serde_json::from_slice::<serde_json::Value>(&bytes)
            .ok()
            .and_then(|v| v.get("format")?.as_str().map(str::to_owned));
        if format.as_deref() != Some(PACK_FORMAT) {
            return Err(not_a_pack(format!(
                "its format is {}, this fuelgauge reads {PACK_FORMAT}",
                format.as_deref().unwrap_or("missing")
            )));
        }
        let manifest: PackManifest =
            serde_json::from_slice(&bytes).map_err(|e| not_a_pack(e.to_string()))?;
        let growth = |n: u32| format!("{n} extra sizes");
        let checks = [
            ("--growth", &growth(manifest.growth), &growth(here.growth)),
            ("fuelgauge", &manifest.version, &here.version),
            ("wasmtime", &manifest.wasmtime, &here.wasmtime),
            ("the cost model", &manifest.cost_model, &here.cost_model),
            (
                "the Python runtime",
                &manifest.python_runtime,
                &here.python_runtime,
            ),
        ];
        for (what, pack, here) in checks {
            if pack != here {
                return Err(PackError::Environment {
                    path: dir.to_owned(),
                    what,
                    pack: pack.clone(),
                    here: here.clone(),
                });
            }
        }
        Ok(Pack {
            dir: dir.to_owned(),
            digest,
            manifest,
        })
    }

    /// The pack's identity: sha256 of its manifest.
    pub fn digest(&self) -> Digest {
        self.digest
    }

    /// `problems` as the pack prepared them: every one must be in it, unchanged.
    pub fn load_all<'a>(
        &self,
        problems: impl IntoIterator<Item = &'a Problem>,
    ) -> Result<Prepacked, PackError> {
        let problems = problems
            .into_iter()
            .map(|p| Ok((p.id.clone(), self.load(Arc::new(p.clone()))?)))
            .collect::<Result<_, PackError>>()?;
        Ok(Prepacked {
            digest: self.digest,
            problems,
        })
    }

    /// `problem` as the pack prepared it, every object checked: `Ok(Err(reason))` when
    /// preparing it failed. A problem missing from the pack or changed since is refused.
    pub fn load(&self, problem: Arc<Problem>) -> Result<Result<Prepared, String>, PackError> {
        let entry = self
            .manifest
            .problems
            .get(&problem.id)
            .ok_or_else(|| PackError::Missing {
                path: self.dir.clone(),
                problem: problem.id.clone(),
            })?;
        let here = problem.digest.hex();
        if entry.sha256() != here {
            return Err(PackError::Changed {
                path: self.dir.clone(),
                problem: problem.id.clone(),
                pack: entry.sha256().to_owned(),
                here,
            });
        }
        let packed = match entry {
            PackProblem::Unusable { reason, .. } => return Ok(Err(reason.clone())),
            PackProblem::Prepared(packed) => packed,
        };
        let tests = packed.tests.len();
        let levels = problem.levels.len().max(1);
        let consistent = packed.references.values().all(|y| {
            y.per_test.len() == tests
                && y.per_level.len() == levels
                && (y.io_allowance.is_empty() || y.io_allowance.len() == tests)
        }) && packed.tests.iter().all(|t| t.level < levels);
        if !consistent {
            return Err(PackError::Tampered {
                path: self.dir.join(MANIFEST),
                what: format!(
                    "problem `{}` has costs for another number of tests or levels",
                    problem.id
                ),
            });
        }
        let mut objects: BTreeMap<String, Arc<Vec<u8>>> = BTreeMap::new();
        let mut object = |hex: &str| -> Result<Arc<Vec<u8>>, PackError> {
            if let Some(bytes) = objects.get(hex) {
                return Ok(bytes.clone());
            }
            let valid = hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit());
            if !valid {
                return Err(PackError::Tampered {
                    path: self.dir.join(MANIFEST),
                    what: format!("{hex:?} is not an object name"),
                });
            }
            let path = object_path(&self.dir, hex);
            let bytes = read(&path, || PackError::Tampered {
                path: path.clone(),
                what: "the object is missing".into(),
            })?;
            let actual = Digest::of(&bytes).hex();
            if actual != hex {
                return Err(PackError::Tampered {
                    path,
                    what: format!("its sha256 is {actual}"),
                });
            }
            let bytes = Arc::new(bytes);
            objects.insert(hex.to_owned(), bytes.clone());
            Ok(bytes)
        };
        let mut tests = Vec::with_capacity(packed.tests.len());
        let mut expected = Vec::with_capacity(packed.tests.len());
        for t in &packed.tests {
            let answer = object(&t.expected)?;
            tests.push(TestCase {
                name: t.name.clone(),
                level: t.level,
                input: object(&t.input)?,
                expected: t.hand_written.then(|| answer.to_vec()),
                generated: t.generated,
                seed: t.seed,
                hidden: false,
            });
            expected.push(answer);
        }
        Ok(Ok(Prepared {
            problem,
            tests,
            expected,
            yardsticks: packed.references.clone(),
            compilers: packed.compilers.clone(),
        }))
    }
}
