//! One test of a Python program in a fresh instance of the pre-initialised harness
//! component (`runtime/python/`).
//!
//! The host, not the guest, measures: an instance is created from the snapshot, `prepare`
//! decodes the input (unmetered; no candidate code exists yet), then exactly one call runs
//! the candidate (`call` for function problems, `main` for stdio programs) and is charged the
//! fuel it consumes. The instance is then dropped, so nothing the candidate did survives it,
//! and nothing runs after the meter stops. The component imports no WASI at all, only
//! `fuel-now` (what every guest clock reads) and `sleep` (charged as fuel).

use wasmtime::component::{self, ComponentType, Lift};
use wasmtime::{Engine, Store, StoreContextMut};

use super::host::{MemoryCap, Stop};
use super::limits::Limits;
use super::outcome::{Outcome, RunVerdict, RuntimeErrorReason, Stream};
use super::program::PyMode;
use super::trap::classify_trap;

/// Fuel for instantiating and `prepare` (decoding a large argument literal): ours, not the
/// candidate's, and generous.
const SETUP_FUEL: u64 = 100_000_000_000;

pub(crate) struct PyState {
    memory: MemoryCap,
    /// Fuel consumed before the current budget was set, and that budget.
    spent_before: u64,
    budget: u64,
}

pub(crate) type PyPre = component::InstancePre<PyState>;

/// The harness's `outcome` variant (`runtime/python/harness.wit`).
#[derive(ComponentType, Lift, Debug)]
#[component(variant)]
enum HarnessOutcome {
    #[component(name = "returned")]
    Returned(Vec<u8>),
    #[component(name = "raised")]
    Raised(String),
    #[component(name = "syntax")]
    Syntax(String),
    #[component(name = "exited")]
    Exited(i32),
    #[component(name = "output-limit")]
    OutputLimit(u32),
    #[component(name = "not-plain")]
    NotPlain(String),
}

/// The component linker: the harness imports only `fuel-now` and `sleep`.
pub(crate) fn linker(engine: &Engine) -> wasmtime::Result<component::Linker<PyState>> {
    let mut linker = component::Linker::new(engine);
    linker
        .root()
        .func_wrap("fuel-now", |store: StoreContextMut<'_, PyState>, (): ()| {
            let left = store.get_fuel()?;
            let s = store.data();
            Ok((s.spent_before + s.budget.saturating_sub(left),))
        })?;
    linker.root().func_wrap(
        "sleep",
        |mut store: StoreContextMut<'_, PyState>, (ns,): (u64,)| {
            let left = store.get_fuel()?;
            if ns > left {
                store.set_fuel(0)?;
                return Err(wasmtime::Error::new(Stop::SleepPastBudget));
            }
            store.set_fuel(left - ns)?;
            Ok(())
        },
    )?;
    Ok(linker)
}

/// One test for the harness: `source` on `input` (stdin for `main`, the pickled argument
/// tuple for `call`).
pub(crate) struct Job<'a> {
    pub(crate) source: &'a str,
    pub(crate) mode: &'a PyMode,
    pub(crate) input: &'a [u8],
    pub(crate) limits: &'a Limits,
    pub(crate) seed: u64,
}

/// Runs `job` in a fresh instance.
pub(crate) fn run(engine: &Engine, pre: &PyPre, job: &Job<'_>, epoch_ticks: u64) -> Outcome {
    let started = std::time::Instant::now();
    let mut store = Store::new(
        engine,
        PyState {
            memory: MemoryCap::new(job.limits.memory_bytes),
            spent_before: 0,
            budget: SETUP_FUEL,
        },
    );
    store.limiter(|s| &mut s.memory);
    store.set_fuel(SETUP_FUEL).expect("fuel is enabled");
    store.set_epoch_deadline(epoch_ticks);
    store.epoch_deadline_trap();
    let (verdict, fuel, stdout) = run_in(&mut store, pre, job);
    let memory = store.into_data().memory;
    Outcome {
        verdict: if memory.hit {
            RunVerdict::MemoryLimit
        } else {
            verdict
        },
        fuel,
        peak_memory: memory.peak,
        stdout,
        stderr: Vec::new(),
        wall: started.elapsed(),
    }
}

/// A finished run: its verdict, the metered call's fuel, and what it returned.
type Done = (RunVerdict, u64, Vec<u8>);

fn run_in(store: &mut Store<PyState>, pre: &PyPre, job: &Job<'_>) -> Done {
    let failed = |verdict: RunVerdict| (verdict, 0, Vec::new());
    let setup_failed = |what: &str, e: &wasmtime::Error| {
        failed(harness_failure(format!(
            "the Python harness failed to {what}: {e:#}"
        )))
    };
    let instance = match pre.instantiate(&mut *store) {
        Ok(i) => i,
        Err(e) => return setup_failed("start", &e),
    };
    let prepare = match instance
        .get_typed_func::<(&[u8], &[u8], u64, u64), (Result<(), String>,)>(&mut *store, "prepare")
    {
        Ok(f) => f,
        Err(e) => return setup_failed("export `prepare`", &e),
    };
    let (args, stdin) = match job.mode {
        PyMode::Main => (&[][..], job.input),
        PyMode::Call { .. } => (job.input, &[][..]),
    };
    match prepare.call(
        &mut *store,
        (args, stdin, job.seed, job.limits.stdout_bytes),
    ) {
        Ok((Ok(()),)) => {}
        Ok((Err(message),)) => {
            return failed(harness_failure(format!(
                "the test input is not valid: {message}"
            )));
        }
        Err(e) if store.data().memory.hit => return failed(classify_trap(&e)),
        Err(e) => return setup_failed("decode the input", &e),
    }
    // The metered call gets the test's budget; everything before it is not charged.
    let budget = job.limits.fuel;
    let left = store.get_fuel().expect("fuel is enabled");
    let state = store.data_mut();
    state.spent_before = SETUP_FUEL - left;
    state.budget = budget;
    store.set_fuel(budget).expect("fuel is enabled");
    let result = match job.mode {
        PyMode::Main => instance
            .get_typed_func::<(&str,), (HarnessOutcome,)>(&mut *store, "main")
            .and_then(|f| f.call(&mut *store, (job.source,))),
        PyMode::Call { entry } => instance
            .get_typed_func::<(&str, &str), (HarnessOutcome,)>(&mut *store, "call")
            .and_then(|f| f.call(&mut *store, (job.source, entry.as_str()))),
    };
    let fuel = budget - store.get_fuel().unwrap_or(0);
    let outcome = match result {
        Err(e) => return (classify_trap(&e), fuel, Vec::new()),
        Ok((outcome,)) => outcome,
    };
    // The guest wrote these; the host bounds them (a patched harness could return anything).
    let verdict = match outcome {
        HarnessOutcome::Returned(bytes) if bytes.len() as u64 > job.limits.stdout_bytes => {
            RunVerdict::OutputLimit {
                stream: Stream::Stdout,
            }
        }
        HarnessOutcome::Returned(bytes) => return (RunVerdict::Ok, fuel, bytes),
        HarnessOutcome::Raised(message) => RunVerdict::RuntimeError {
            reason: RuntimeErrorReason::Exception {
                message: bounded(message),
            },
        },
        HarnessOutcome::Syntax(message) => RunVerdict::SyntaxError {
            message: bounded(message),
        },
        HarnessOutcome::Exited(code) => RunVerdict::RuntimeError {
            reason: RuntimeErrorReason::Exit { code },
        },
        HarnessOutcome::OutputLimit(fd) => RunVerdict::OutputLimit {
            stream: if fd == 2 {
                Stream::Stderr
            } else {
                Stream::Stdout
            },
        },
        HarnessOutcome::NotPlain(message) => RunVerdict::NotPlain {
            message: bounded(message),
        },
    };
    (verdict, fuel, Vec::new())
}

/// A message from the guest, cut to 300 characters.
fn bounded(message: String) -> String {
    match message.char_indices().nth(300) {
        Some((end, _)) => format!("{}…", &message[..end]),
        None => message,
    }
}

fn harness_failure(message: String) -> RunVerdict {
    RunVerdict::RuntimeError {
        reason: RuntimeErrorReason::Invalid { message },
    }
}
