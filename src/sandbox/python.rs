//! One test of a Python program in a fresh instance of the pre-initialised harness
//! component (`runtime/python/`).
//!
//! The host, not the guest, measures: an instance is created from the snapshot, `prepare`
//! decodes the input (unmetered; no candidate code exists yet), then exactly one call runs
//! the candidate (`call` for function problems, `main` for stdio programs) and is charged the
//! fuel it consumes. The instance is then dropped, so nothing the candidate did survives it,
//! and nothing runs after the meter stops. The component imports no WASI at all, only
//! `fuel-now` (what every guest clock reads) and `sleep` (charged as fuel).

use std::sync::Arc;

use wasmtime::component::{self, ComponentType, Lift};
use wasmtime::{Engine, Store, StoreContextMut};

use super::host::{MemoryCap, Stop};
use super::limits::Limits;
use super::outcome::{Outcome, RunVerdict, RuntimeErrorReason, Stream};
use super::program::PyMode;

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

/// The component linker: the harness imports only `fuel-now`.
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

/// Runs `source` on `input` (stdin for `main`, the pickled argument tuple for `call`).
#[expect(clippy::too_many_arguments, reason = "one run's whole description")]
pub(crate) fn run(
    engine: &Engine,
    pre: &Arc<PyPre>,
    source: &str,
    mode: &PyMode,
    input: &[u8],
    limits: &Limits,
    seed: u64,
    epoch_ticks: u64,
) -> Outcome {
    let started = std::time::Instant::now();
    let mut store = Store::new(
        engine,
        PyState {
            memory: MemoryCap::new(limits.memory_bytes),
            spent_before: 0,
            budget: SETUP_FUEL,
        },
    );
    store.limiter(|s| &mut s.memory);
    store.set_fuel(SETUP_FUEL).expect("fuel is enabled");
    store.set_epoch_deadline(epoch_ticks);
    store.epoch_deadline_trap();
    let (verdict, fuel, stdout) = match run_in(&mut store, pre, source, mode, input, limits, seed)
    {
        Ok(done) => done,
        Err(failed) => failed,
    };
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

type Done = (RunVerdict, u64, Vec<u8>);

fn run_in(
    store: &mut Store<PyState>,
    pre: &Arc<PyPre>,
    source: &str,
    mode: &PyMode,
    input: &[u8],
    limits: &Limits,
    seed: u64,
) -> Result<Done, Done> {
    let setup_failed = |what: &str, e: &wasmtime::Error| {
        (
            harness_failure(format!("the Python harness failed to {what}: {e:#}")),
            0,
            Vec::new(),
        )
    };
    let instance = pre
        .instantiate(&mut *store)
        .map_err(|e| setup_failed("start", &e))?;
    let prepare = instance
        .get_typed_func::<(&[u8], &[u8], u64, u64), (Result<(), String>,)>(&mut *store, "prepare")
        .map_err(|e| setup_failed("export `prepare`", &e))?;
    let (args, stdin) = match mode {
        PyMode::Main => (&[][..], input),
        PyMode::Call { .. } => (input, &[][..]),
    };
    match prepare.call(&mut *store, (args, stdin, seed, limits.stdout_bytes)) {
        Ok((Ok(()),)) => {}
        Ok((Err(message),)) => {
            return Err((
                harness_failure(format!("the test input is not valid: {message}")),
                0,
                Vec::new(),
            ));
        }
        Err(e) if store.data().memory.hit => return Err((classify(&e), 0, Vec::new())),
        Err(e) => return Err(setup_failed("decode the input", &e)),
    }
    // The metered call gets the test's budget; everything before it is not charged.
    let left = store.get_fuel().expect("fuel is enabled");
    let state = store.data_mut();
    state.spent_before = SETUP_FUEL - left;
    state.budget = limits.fuel;
    store.set_fuel(limits.fuel).expect("fuel is enabled");
    let result = match mode {
        PyMode::Main => instance
            .get_typed_func::<(&str,), (HarnessOutcome,)>(&mut *store, "main")
            .and_then(|f| f.call(&mut *store, (source,))),
        PyMode::Call { entry } => instance
            .get_typed_func::<(&str, &str), (HarnessOutcome,)>(&mut *store, "call")
            .and_then(|f| f.call(&mut *store, (source, entry.as_str()))),
    };
    let fuel = limits.fuel - store.get_fuel().unwrap_or(0);
    let done = match result {
        Err(e) => (classify(&e), fuel, Vec::new()),
        Ok((outcome,)) => match outcome {
            HarnessOutcome::Returned(bytes) => (RunVerdict::Ok, fuel, bytes),
            HarnessOutcome::Raised(message) => (
                RunVerdict::RuntimeError {
                    reason: RuntimeErrorReason::Exception { message },
                },
                fuel,
                Vec::new(),
            ),
            HarnessOutcome::Syntax(message) => {
                (RunVerdict::SyntaxError { message }, fuel, Vec::new())
            }
            HarnessOutcome::Exited(code) => (
                RunVerdict::RuntimeError {
                    reason: RuntimeErrorReason::Exit { code },
                },
                fuel,
                Vec::new(),
            ),
            HarnessOutcome::OutputLimit(fd) => (
                RunVerdict::OutputLimit {
                    stream: if fd == 2 {
                        Stream::Stderr
                    } else {
                        Stream::Stdout
                    },
                },
                fuel,
                Vec::new(),
            ),
            HarnessOutcome::NotPlain(message) => {
                (RunVerdict::NotPlain { message }, fuel, Vec::new())
            }
        },
    };
    Ok(done)
}

fn harness_failure(message: String) -> RunVerdict {
    RunVerdict::RuntimeError {
        reason: RuntimeErrorReason::Invalid { message },
    }
}

fn classify(error: &wasmtime::Error) -> RunVerdict {
    super::engine::classify_trap(error)
}
