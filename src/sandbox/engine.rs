//! The shared wasmtime engine and one run of a program in a fresh store.

use std::collections::HashMap;
use std::hash::Hash as _;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use wasmtime::component::Component;
use wasmtime::{Config, Engine, InstancePre, Linker, Module, OptLevel, Store};
use wasmtime_wasi::WasiCtxBuilder;
use wasmtime_wasi::p2::pipe::MemoryInputPipe;

use super::cost::CostModel;
use super::host::{self, CappedBuffer, HostState, MemoryCap, Stop};
use super::limits::Limits;
use super::outcome::{Outcome, RunVerdict, RuntimeErrorReason};
use super::program::{Entry, Program, WasmModule};
use super::python::{self, PyPre, PyState};
use super::trap::classify_trap;
use crate::cache::{Bucket, Cache};
use crate::digest::{Digest, KeyBuilder, ShaHasher};
use crate::rng::Xoshiro256StarStar;

/// The wasmtime version we pin (see Cargo.toml); part of result provenance.
pub const WASMTIME_VERSION: &str = "48.0.8";

/// Guest call-stack limit. Deep but honest recursion (10^5 frames of a small C function)
/// fits; unbounded recursion ends as a `stack_overflow` trap.
const MAX_WASM_STACK: usize = 16 << 20;
/// Host threads that run guests need the guest stack plus room for wasmtime itself.
const RUN_THREAD_STACK: usize = MAX_WASM_STACK + (16 << 20);
const EPOCH_TICK: Duration = Duration::from_millis(10);

#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    #[error("failed to configure the wasmtime engine: {0}")]
    Engine(String),
    #[error("failed to start the sandbox's worker threads: {0}")]
    Threads(String),
    #[error("{0}")]
    Load(String),
    #[error("failed to read module {path}: {source}")]
    Read {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

/// Why a module could not be prepared for running. For a candidate this is its fault (a
/// `compile_error` verdict), not an infrastructure failure.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidModule(pub String);

/// A linked program: a WASI command module, or the Python harness component.
#[derive(Clone)]
enum Linked {
    Module(Arc<InstancePre<HostState>>),
    Component(Arc<PyPre>),
}

/// A module ready to instantiate, or why it cannot be.
type Linkable = Result<Linked, InvalidModule>;
/// A module's digest, and whether it is linked as a component.
type LinkKey = (Digest, bool);
/// A load's result: the linked module (or why it is invalid), or an infrastructure failure.
type Loaded = Result<Linkable, String>;

/// Runs programs. Holds one engine, one linker and a pool of big-stack worker threads;
/// every run gets a fresh store.
pub struct Sandbox {
    engine: Engine,
    linker: Linker<HostState>,
    py_linker: wasmtime::component::Linker<PyState>,
    compat: Digest,
    cache: Option<Arc<Cache>>,
    /// By digest and whether it is loaded as a component: a candidate's `.wasm` with the
    /// Python runtime's bytes is loaded as a module of its own and cannot touch the runtime's
    /// entry.
    prepared: Mutex<HashMap<LinkKey, Arc<OnceLock<Loaded>>>>,
    pool: rayon::ThreadPool,
    ticker_stop: Arc<AtomicBool>,
    cost_model: CostModel,
    /// Programs run so far.
    runs: AtomicU64,
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.ticker_stop.store(true, Ordering::Relaxed);
    }
}

impl Sandbox {
    /// `jobs` worker threads; `cache` stores native code across processes. The default cost
    /// model.
    pub fn new(jobs: usize, cache: Option<Arc<Cache>>) -> Result<Sandbox, SandboxError> {
        Sandbox::with_cost_model(jobs, cache, CostModel::default())
    }

    /// A sandbox whose fuel is priced by `cost_model`.
    pub fn with_cost_model(
        jobs: usize,
        cache: Option<Arc<Cache>>,
        cost_model: CostModel,
    ) -> Result<Sandbox, SandboxError> {
        let mut config = Config::new();
        config
            .consume_fuel(true)
            .epoch_interruption(true)
            // Guest backtraces are never shown and cost time on every exit and trap.
            .wasm_backtrace_max_frames(None)
            .cranelift_opt_level(OptLevel::Speed)
            // NaN bit patterns differ between CPUs (x86 and ARM give opposite signs for
            // inf - inf); canonical NaNs keep results the same on every machine.
            .cranelift_nan_canonicalization(true)
            .max_wasm_stack(MAX_WASM_STACK)
            .async_stack_size(MAX_WASM_STACK + (2 << 20));
        if let Some(table) = cost_model.engine_table() {
            config.operator_cost(table);
        }
        let engine = Engine::new(&config).map_err(|e| SandboxError::Engine(e.to_string()))?;
        let mut linker = Linker::new(&engine);
        host::add_to_linker(&mut linker).map_err(|e| SandboxError::Engine(e.to_string()))?;
        let py_linker = python::linker(&engine).map_err(|e| SandboxError::Engine(e.to_string()))?;
        let mut hasher = ShaHasher::default();
        engine.precompile_compatibility_hash().hash(&mut hasher);
        let compat = hasher.finish_digest();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .stack_size(RUN_THREAD_STACK)
            .thread_name(|i| format!("fuelgauge-run-{i}"))
            .build()
            .map_err(|e| SandboxError::Threads(e.to_string()))?;
        let ticker_stop = Arc::new(AtomicBool::new(false));
        let (weak, stop) = (engine.weak(), ticker_stop.clone());
        std::thread::Builder::new()
            .name("fuelgauge-epoch".into())
            .spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    std::thread::sleep(EPOCH_TICK);
                    match weak.upgrade() {
                        Some(engine) => engine.increment_epoch(),
                        None => break,
                    }
                }
            })
            .map_err(|e| SandboxError::Threads(e.to_string()))?;
        Ok(Sandbox {
            engine,
            linker,
            py_linker,
            compat,
            cache,
            prepared: Mutex::new(HashMap::new()),
            pool,
            ticker_stop,
            cost_model,
            runs: AtomicU64::new(0),
        })
    }

    /// How many programs this sandbox has run.
    pub fn runs(&self) -> u64 {
        self.runs.load(Ordering::Relaxed)
    }

    /// How fuel is priced here.
    pub fn cost_model(&self) -> &CostModel {
        &self.cost_model
    }

    /// The worker pool: run parallel work inside `install` so that every run has a stack
    /// large enough for `MAX_WASM_STACK`.
    pub fn pool(&self) -> &rayon::ThreadPool {
        &self.pool
    }

    /// Compiles (or loads from the cache) and links a module or component, once per process.
    fn prepare(&self, module: &WasmModule, component: bool) -> Result<Linkable, SandboxError> {
        let cell = {
            let mut map = self.prepared.lock().expect("prepared-module map poisoned");
            map.entry((module.digest, component)).or_default().clone()
        };
        // Threads asking for the same module wait for one load and share its result.
        let loaded = cell
            .get_or_init(|| self.load(module, component).map_err(|e| e.to_string()))
            .clone();
        loaded.map_err(|message| {
            // An infrastructure failure is not memoised: the next run tries again.
            self.prepared
                .lock()
                .expect("prepared-module map poisoned")
                .remove(&(module.digest, component));
            SandboxError::Load(message)
        })
    }

    fn native_key(&self, module: &WasmModule, component: bool) -> Digest {
        KeyBuilder::new("native-v2")
            .str(WASMTIME_VERSION)
            .str(&self.cost_model.id())
            .str(if component { "component" } else { "module" })
            .digest(&self.compat)
            .digest(&module.digest)
            .finish()
    }

    fn load(&self, module: &WasmModule, component: bool) -> Result<Linkable, SandboxError> {
        let key = self.native_key(module, component);
        let native = self
            .cache
            .as_ref()
            .and_then(|cache| cache.get(Bucket::Native, &key));
        let read = || {
            module.read().map_err(|source| SandboxError::Read {
                path: module.describe(),
                source,
            })
        };
        let store_native = |native: wasmtime::Result<Vec<u8>>| {
            if let (Some(cache), Ok(native)) = (&self.cache, native) {
                // A cache that cannot be written only costs time later.
                let _ = cache.put(Bucket::Native, &key, &native);
            }
        };
        if component {
            let compiled = match native.and_then(|n| deserialize_component(&self.engine, &n)) {
                Some(c) => c,
                None => {
                    let c = match Component::from_binary(&self.engine, &read()?) {
                        Ok(c) => c,
                        Err(e) => {
                            return Ok(Err(InvalidModule(format!("invalid component: {e:#}"))));
                        }
                    };
                    store_native(c.serialize());
                    c
                }
            };
            return Ok(self
                .py_linker
                .instantiate_pre(&compiled)
                .map(|pre| Linked::Component(Arc::new(pre)))
                .map_err(|e| InvalidModule(format!("cannot link component: {e:#}"))));
        }
        let compiled = match native.and_then(|n| deserialize(&self.engine, &n)) {
            Some(m) => m,
            None => {
                let m = match Module::from_binary(&self.engine, &read()?) {
                    Ok(m) => m,
                    Err(e) => return Ok(Err(InvalidModule(format!("invalid module: {e:#}")))),
                };
                store_native(m.serialize());
                m
            }
        };
        Ok(self
            .linker
            .instantiate_pre(&compiled)
            .map(|pre| Linked::Module(Arc::new(pre)))
            .map_err(|e| InvalidModule(format!("cannot link module: {e:#}"))))
    }

    /// Runs `program` on `stdin` under `limits`; `seed` seeds the guest's randomness.
    pub fn run(
        &self,
        program: &Program,
        stdin: &[u8],
        limits: &Limits,
        seed: u64,
    ) -> Result<Outcome, SandboxError> {
        self.runs.fetch_add(1, Ordering::Relaxed);
        let component = matches!(program.entry, Entry::Python { .. });
        let prepared = self.prepare(&program.module, component)?;
        let ticks = limits.wall().as_millis().div_ceil(EPOCH_TICK.as_millis()) as u64;
        let ticks = ticks.max(1);
        Ok(self.pool.install(|| match (&program.entry, prepared) {
            (_, Err(InvalidModule(message))) => Outcome::failed(RunVerdict::RuntimeError {
                reason: RuntimeErrorReason::Invalid { message },
            }),
            (Entry::Python { source, mode }, Ok(Linked::Component(pre))) => {
                let job = python::Job {
                    source,
                    mode,
                    input: stdin,
                    limits,
                    seed,
                };
                python::run(&self.engine, &pre, &job, ticks)
            }
            (Entry::Command { argv, env }, Ok(Linked::Module(pre))) => run_command(
                &self.engine,
                &pre,
                argv,
                env,
                stdin,
                limits,
                seed,
                ticks,
                self.cost_model.host,
            ),
            _ => unreachable!("a program is linked the way its entry asks"),
        }))
    }
}

#[expect(
    unsafe_code,
    reason = "deserializing native code is unsafe by contract; we only load entries written by \
              this sandbox, whose sha256 envelope the cache verified, and wasmtime checks the \
              version and engine settings itself"
)]
fn deserialize(engine: &Engine, native: &[u8]) -> Option<Module> {
    // SAFETY: see the `expect` reason above.
    unsafe { Module::deserialize(engine, native) }.ok()
}

#[expect(
    unsafe_code,
    reason = "as for `deserialize`: only entries this sandbox wrote, verified by the cache"
)]
fn deserialize_component(engine: &Engine, native: &[u8]) -> Option<Component> {
    // SAFETY: see the `expect` reason above.
    unsafe { Component::deserialize(engine, native) }.ok()
}

#[expect(clippy::too_many_arguments, reason = "one run's whole description")]
fn run_command(
    engine: &Engine,
    pre: &InstancePre<HostState>,
    argv: &[String],
    env: &[(String, String)],
    stdin: &[u8],
    limits: &Limits,
    seed: u64,
    epoch_ticks: u64,
    host_cost: super::cost::HostCost,
) -> Outcome {
    let started = Instant::now();
    let wasi = WasiCtxBuilder::new()
        .stdin(MemoryInputPipe::new(stdin.to_vec()))
        .args(argv)
        .envs(env)
        .build_p1();
    let state = HostState {
        wasi,
        memory: MemoryCap::new(limits.memory_bytes),
        stdout: CappedBuffer::new(limits.stdout_bytes),
        stderr: CappedBuffer::new(limits.stderr_bytes),
        budget: limits.fuel,
        rng: Xoshiro256StarStar::seed_from_u64(seed),
        host_cost,
    };
    let mut store = Store::new(engine, state);
    store.limiter(|s| &mut s.memory);
    store
        .set_fuel(limits.fuel)
        .expect("fuel is enabled on this engine");
    store.set_epoch_deadline(epoch_ticks);
    store.epoch_deadline_trap();

    let verdict = match pre.instantiate(&mut store) {
        Err(e) => classify(&e, store.data()),
        Ok(instance) => match instance.get_typed_func::<(), ()>(&mut store, "_start") {
            Err(_) => RunVerdict::RuntimeError {
                reason: RuntimeErrorReason::Invalid {
                    message: "the module has no `_start` function (not a WASI command)".into(),
                },
            },
            Ok(start) => match start.call(&mut store, ()) {
                Ok(()) => RunVerdict::Ok,
                Err(e) => classify(&e, store.data()),
            },
        },
    };
    let fuel_left = store.get_fuel().unwrap_or(0);
    let state = store.into_data();
    Outcome {
        verdict,
        fuel: limits.fuel.saturating_sub(fuel_left),
        peak_memory: state.memory.peak,
        stdout: state.stdout.bytes,
        stderr: state.stderr.bytes,
        wall: started.elapsed(),
    }
}

fn classify(error: &wasmtime::Error, state: &HostState) -> RunVerdict {
    if let Some(stop) = error.downcast_ref::<Stop>() {
        return match stop {
            Stop::Exit(0) => RunVerdict::Ok,
            Stop::Exit(code) => RunVerdict::RuntimeError {
                reason: RuntimeErrorReason::Exit { code: *code },
            },
            Stop::Output(stream) => RunVerdict::OutputLimit { stream: *stream },
            Stop::Memory => RunVerdict::MemoryLimit,
            Stop::SleepPastBudget => RunVerdict::FuelExhausted,
        };
    }
    if let Some(exit) = error.downcast_ref::<wasmtime_wasi::I32Exit>() {
        return match exit.0 {
            0 => RunVerdict::Ok,
            code => RunVerdict::RuntimeError {
                reason: RuntimeErrorReason::Exit { code },
            },
        };
    }
    if state.memory.hit {
        return RunVerdict::MemoryLimit;
    }
    classify_trap(error)
}
