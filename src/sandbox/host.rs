//! Host state of one run and the WASI preview 1 functions we serve ourselves.
//!
//! `wasmtime_wasi::p1` provides most of WASI (args, environment, stdin, fd metadata, an
//! empty file system). We shadow the calls where its behaviour would make runs depend on the
//! host or escape our limits:
//! - `fd_write`: stdout/stderr go to capped in-memory buffers; past the cap the run stops
//!   (`output_limit`) instead of printing on.
//! - `clock_time_get` / `clock_res_get`: every clock reads *fuel consumed* (1 fuel = 1 ns);
//!   the real-time clock starts at a fixed date. Runs are deterministic.
//! - `poll_oneoff` / `sched_yield`: never wait on the host. A sleep returns at once and is
//!   charged as fuel, so `sleep(1000)` ends as `fuel_exhausted` without holding a thread.
//! - `random_get`: a per-run seeded stream (`crate::rng`).
//! - `proc_exit`: every status, including ≥ 126, becomes a typed exit.

use wasmtime::{Caller, Extern, Linker, Memory, ResourceLimiter};
use wasmtime_wasi::p1::WasiP1Ctx;

use super::outcome::Stream;
use crate::rng::Xoshiro256StarStar;

/// What `CLOCK_REALTIME` reads at fuel 0: 2024-01-01T00:00:00Z, in nanoseconds.
pub const REALTIME_START_NS: u64 = 1_704_067_200_000_000_000;

const MODULE: &str = "wasi_snapshot_preview1";
const ERRNO_SUCCESS: i32 = 0;
const ERRNO_BADF: i32 = 8;
const ERRNO_FAULT: i32 = 21;
const ERRNO_INVAL: i32 = 28;

/// Errors a host function raises to stop the guest; `engine.rs` turns them into verdicts.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Stop {
    #[error("guest exited with status {0}")]
    Exit(i32),
    #[error("{0:?} exceeded its cap")]
    Output(Stream),
    #[error("linear memory would exceed the cap")]
    Memory,
    #[error("a sleep asked for more time than the fuel left")]
    SleepPastBudget,
}

pub(crate) struct HostState {
    pub(crate) wasi: WasiP1Ctx,
    pub(crate) memory: MemoryCap,
    pub(crate) stdout: CappedBuffer,
    pub(crate) stderr: CappedBuffer,
    /// The run's fuel budget: consumed = budget − fuel left.
    pub(crate) budget: u64,
    pub(crate) rng: Xoshiro256StarStar,
    /// What the cost model charges for an `fd_write`.
    pub(crate) host_cost: super::cost::HostCost,
}

/// Tracks the memory an instance holds, all its linear memories and tables together, and
/// stops the guest (instead of failing the allocation) when a grow would pass the cap: a C
/// program that ignores a NULL from `malloc` would otherwise go on writing at address 0, which
/// is valid memory in WebAssembly. A cap per memory would let a module declare many memories
/// (or tables) and hold many times the cap.
pub(crate) struct MemoryCap {
    pub(crate) cap: u64,
    /// Bytes held now: every memory's size plus [`TABLE_ENTRY_BYTES`] per table entry.
    pub(crate) held: u64,
    pub(crate) peak: u64,
    pub(crate) hit: bool,
    /// The last grow allowed, (bytes, peak before it): undone if the grow then failed.
    last: (u64, u64),
}

/// What a table entry costs the host (a pointer).
pub(crate) const TABLE_ENTRY_BYTES: u64 = 8;
/// Entries per table: far beyond honest programs (wasi-libc and CPython use a few thousand).
const MAX_TABLE_ENTRIES: usize = 1 << 20;
/// Linear memories and tables a store may create, each. A module can declare at most 100
/// (the validator's limit), so a candidate's module meets the byte cap first and gets
/// `memory_limit`; only a component (the Python runtime has a handful) could reach these.
const MAX_MEMORIES: usize = 128;
const MAX_TABLES: usize = 128;

impl MemoryCap {
    pub(crate) fn new(cap: u64) -> Self {
        MemoryCap {
            cap,
            held: 0,
            peak: 0,
            hit: false,
            last: (0, 0),
        }
    }

    /// Takes `more` bytes, or stops the guest when the total would pass the cap.
    fn take(&mut self, more: u64) -> wasmtime::Result<bool> {
        let held = self.held.saturating_add(more);
        if held > self.cap {
            self.hit = true;
            return Err(Stop::Memory.into());
        }
        self.last = (more, self.peak);
        self.held = held;
        self.peak = self.peak.max(held);
        Ok(true)
    }

    /// A grow that was allowed failed (past the memory's declared maximum, say).
    fn untake(&mut self) {
        let (more, peak) = std::mem::take(&mut self.last);
        self.held -= more;
        self.peak = peak;
    }
}

impl ResourceLimiter for MemoryCap {
    fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        // Also called when a memory is created, from 0.
        self.take((desired as u64).saturating_sub(current as u64))
    }

    fn table_growing(
        &mut self,
        current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        if desired > MAX_TABLE_ENTRIES {
            return Ok(false);
        }
        let more = (desired as u64).saturating_sub(current as u64);
        self.take(more.saturating_mul(TABLE_ENTRY_BYTES))
    }

    fn memory_grow_failed(&mut self, _error: wasmtime::Error) -> wasmtime::Result<()> {
        self.untake();
        Ok(())
    }

    fn table_grow_failed(&mut self, _error: wasmtime::Error) -> wasmtime::Result<()> {
        self.untake();
        Ok(())
    }

    fn memories(&self) -> usize {
        MAX_MEMORIES
    }

    fn tables(&self) -> usize {
        MAX_TABLES
    }
}

pub(crate) struct CappedBuffer {
    pub(crate) bytes: Vec<u8>,
    pub(crate) cap: u64,
}

impl CappedBuffer {
    pub(crate) fn new(cap: u64) -> Self {
        CappedBuffer {
            bytes: Vec::new(),
            cap,
        }
    }

    /// Appends what fits; returns false when something did not.
    fn push(&mut self, data: &[u8]) -> bool {
        let room = self.cap.saturating_sub(self.bytes.len() as u64) as usize;
        let take = room.min(data.len());
        self.bytes.extend_from_slice(&data[..take]);
        take == data.len()
    }
}

type Ctx<'a> = Caller<'a, HostState>;

fn guest_memory(caller: &mut Ctx<'_>) -> wasmtime::Result<Memory> {
    match caller.get_export("memory") {
        Some(Extern::Memory(memory)) => Ok(memory),
        _ => Err(wasmtime::Error::msg("the module exports no memory")),
    }
}

fn read_u32(mem: &[u8], at: u32) -> Option<u32> {
    let at = at as usize;
    let bytes = mem.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(bytes.try_into().ok()?))
}

fn read_u64(mem: &[u8], at: u32) -> Option<u64> {
    let at = at as usize;
    let bytes = mem.get(at..at.checked_add(8)?)?;
    Some(u64::from_le_bytes(bytes.try_into().ok()?))
}

fn write_bytes(mem: &mut [u8], at: u32, bytes: &[u8]) -> bool {
    let at = at as usize;
    match at
        .checked_add(bytes.len())
        .and_then(|end| mem.get_mut(at..end))
    {
        Some(slot) => {
            slot.copy_from_slice(bytes);
            true
        }
        None => false,
    }
}

/// Gathers the bytes of an iovec array.
fn gather(mem: &[u8], iovs: u32, count: u32) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for i in 0..count {
        let entry = iovs.checked_add(i.checked_mul(8)?)?;
        let ptr = read_u32(mem, entry)? as usize;
        let len = read_u32(mem, entry + 4)? as usize;
        out.extend_from_slice(mem.get(ptr..ptr.checked_add(len)?)?);
    }
    Some(out)
}

/// Takes `fuel` from the run's fuel for work the host did for the guest. `false` when less
/// was left: the fuel is then 0 and the caller stops the run.
fn burn(caller: &mut Ctx<'_>, fuel: u64) -> wasmtime::Result<bool> {
    let left = caller.get_fuel()?;
    caller.set_fuel(left.saturating_sub(fuel))?;
    Ok(fuel <= left)
}

fn consumed_now(caller: &Ctx<'_>) -> wasmtime::Result<u64> {
    let left = caller.get_fuel()?;
    Ok(caller.data().budget.saturating_sub(left))
}

fn fd_write(
    mut caller: Ctx<'_>,
    fd: i32,
    iovs: i32,
    iovs_len: i32,
    nwritten: i32,
) -> wasmtime::Result<i32> {
    let memory = guest_memory(&mut caller)?;
    let Some(data) = gather(memory.data(&caller), iovs as u32, iovs_len as u32) else {
        return Ok(ERRNO_FAULT);
    };
    let written = (data.len() as u32).to_le_bytes();
    let cost = caller.data().host_cost;
    let charge = cost
        .call
        .saturating_add(cost.per_byte.saturating_mul(data.len() as u64));
    if charge > 0 && !burn(&mut caller, charge)? {
        return Err(wasmtime::Trap::OutOfFuel.into());
    }
    match fd {
        1 | 2 => {
            let (buffer, stream) = if fd == 1 {
                (&mut caller.data_mut().stdout, Stream::Stdout)
            } else {
                (&mut caller.data_mut().stderr, Stream::Stderr)
            };
            if !buffer.push(&data) {
                return Err(Stop::Output(stream).into());
            }
        }
        _ => return Ok(ERRNO_BADF),
    }
    if !write_bytes(memory.data_mut(&mut caller), nwritten as u32, &written) {
        return Ok(ERRNO_FAULT);
    }
    Ok(ERRNO_SUCCESS)
}

fn clock_time_get(
    mut caller: Ctx<'_>,
    id: i32,
    _precision: i64,
    out: i32,
) -> wasmtime::Result<i32> {
    let consumed = consumed_now(&caller)?;
    let now = match id {
        0 => REALTIME_START_NS + consumed,
        1..=3 => consumed,
        _ => return Ok(ERRNO_INVAL),
    };
    let memory = guest_memory(&mut caller)?;
    Ok(
        if write_bytes(memory.data_mut(&mut caller), out as u32, &now.to_le_bytes()) {
            ERRNO_SUCCESS
        } else {
            ERRNO_FAULT
        },
    )
}

fn clock_res_get(mut caller: Ctx<'_>, id: i32, out: i32) -> wasmtime::Result<i32> {
    if !(0..=3).contains(&id) {
        return Ok(ERRNO_INVAL);
    }
    let memory = guest_memory(&mut caller)?;
    Ok(
        if write_bytes(
            memory.data_mut(&mut caller),
            out as u32,
            &1u64.to_le_bytes(),
        ) {
            ERRNO_SUCCESS
        } else {
            ERRNO_FAULT
        },
    )
}

fn random_get(mut caller: Ctx<'_>, buf: i32, len: i32) -> wasmtime::Result<i32> {
    let memory = guest_memory(&mut caller)?;
    let (mem, state) = memory.data_and_store_mut(&mut caller);
    let (start, len) = (buf as u32 as usize, len as u32 as usize);
    match start
        .checked_add(len)
        .and_then(|end| mem.get_mut(start..end))
    {
        Some(slot) => {
            state.rng.fill(slot);
            Ok(ERRNO_SUCCESS)
        }
        None => Ok(ERRNO_FAULT),
    }
}

/// Size of a WASI `subscription` and of an `event`.
const SUBSCRIPTION_SIZE: u32 = 48;
const EVENT_SIZE: u32 = 32;

/// Answers every subscription at once. Clock subscriptions are charged as fuel: the
/// shortest requested wait is taken from the budget, as if the guest had spent it.
fn poll_oneoff(
    mut caller: Ctx<'_>,
    subs: i32,
    events: i32,
    nsubs: i32,
    nevents: i32,
) -> wasmtime::Result<i32> {
    let (subs, events, nsubs) = (subs as u32, events as u32, nsubs as u32);
    if nsubs == 0 {
        return Ok(ERRNO_INVAL);
    }
    let now = consumed_now(&caller)?;
    let memory = guest_memory(&mut caller)?;
    let mut out = Vec::with_capacity(nsubs as usize);
    let mut shortest_wait: Option<u64> = None;
    let mut any_fd = false;
    {
        let mem = memory.data(&caller);
        for i in 0..nsubs {
            let Some(base) = i
                .checked_mul(SUBSCRIPTION_SIZE)
                .and_then(|off| subs.checked_add(off))
            else {
                return Ok(ERRNO_FAULT);
            };
            let (Some(userdata), Some(tag)) = (read_u64(mem, base), mem.get(base as usize + 8))
            else {
                return Ok(ERRNO_FAULT);
            };
            let tag = *tag;
            match tag {
                0 => {
                    let (Some(clock), Some(timeout), Some(flags)) = (
                        read_u32(mem, base + 16),
                        read_u64(mem, base + 24),
                        mem.get(base as usize + 40),
                    ) else {
                        return Ok(ERRNO_FAULT);
                    };
                    let now_on_clock = if clock == 0 {
                        REALTIME_START_NS + now
                    } else {
                        now
                    };
                    let wait = if flags & 1 == 1 {
                        timeout.saturating_sub(now_on_clock)
                    } else {
                        timeout
                    };
                    shortest_wait = Some(shortest_wait.map_or(wait, |w| w.min(wait)));
                    out.push((userdata, 0u16, tag, 0u64, Some(wait)));
                }
                1 | 2 => {
                    any_fd = true;
                    let errno = match read_u32(mem, base + 16) {
                        Some(0..=2) => 0,
                        _ => ERRNO_BADF as u16,
                    };
                    out.push((userdata, errno, tag, 1u64, None));
                }
                _ => return Ok(ERRNO_INVAL),
            }
        }
    }
    let mut record = Vec::with_capacity(out.len() * EVENT_SIZE as usize);
    for (userdata, errno, tag, nbytes, wait) in out {
        // Without fd subscriptions only the clocks that fire first are reported.
        if !any_fd && wait != shortest_wait {
            continue;
        }
        let mut event = [0u8; EVENT_SIZE as usize];
        event[0..8].copy_from_slice(&userdata.to_le_bytes());
        event[8..10].copy_from_slice(&errno.to_le_bytes());
        event[10] = tag;
        event[16..24].copy_from_slice(&nbytes.to_le_bytes());
        record.extend_from_slice(&event);
    }
    let count = record.len() as u32 / EVENT_SIZE;
    let mem = memory.data_mut(&mut caller);
    if !write_bytes(mem, events, &record) || !write_bytes(mem, nevents as u32, &count.to_le_bytes())
    {
        return Ok(ERRNO_FAULT);
    }
    if let (false, Some(wait)) = (any_fd, shortest_wait)
        && !burn(&mut caller, wait)?
    {
        return Err(Stop::SleepPastBudget.into());
    }
    Ok(ERRNO_SUCCESS)
}

/// Adds WASI preview 1 and our shadowing functions to `linker`.
pub(crate) fn add_to_linker(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
    wasmtime_wasi::p1::add_to_linker_sync(linker, |state: &mut HostState| &mut state.wasi)?;
    linker.allow_shadowing(true);
    linker.func_wrap(MODULE, "fd_write", fd_write)?;
    linker.func_wrap(MODULE, "clock_time_get", clock_time_get)?;
    linker.func_wrap(MODULE, "clock_res_get", clock_res_get)?;
    linker.func_wrap(MODULE, "random_get", random_get)?;
    linker.func_wrap(MODULE, "poll_oneoff", poll_oneoff)?;
    linker.func_wrap(MODULE, "sched_yield", || -> i32 { ERRNO_SUCCESS })?;
    linker.func_wrap(MODULE, "proc_exit", |code: i32| -> wasmtime::Result<()> {
        Err(Stop::Exit(code).into())
    })?;
    linker.allow_shadowing(false);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_buffer_keeps_what_fits() {
        let mut b = CappedBuffer {
            bytes: vec![],
            cap: 4,
        };
        assert!(b.push(b"ab"));
        assert!(!b.push(b"cde"));
        assert_eq!(b.bytes, b"abcd");
    }
}
