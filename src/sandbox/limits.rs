use std::time::Duration;

/// Resource limits for one run in the sandbox.
///
/// Fuel is the cost unit: roughly one unit per WebAssembly instruction, identical on every
/// machine. The wall-clock limit is only a backstop for programs that burn no fuel.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Fuel for the run (for the Python harness: for the metered call).
    pub fuel: u64,
    /// Cap on linear memory, in bytes.
    pub memory_bytes: u64,
    /// Caps on captured stdout and stderr, in bytes.
    pub stdout_bytes: u64,
    pub stderr_bytes: u64,
    /// Wall-clock backstop, in milliseconds.
    pub wall_ms: u64,
}

impl Limits {
    pub const DEFAULT_FUEL: u64 = 20_000_000_000;
    pub const DEFAULT_MEMORY_MIB: u64 = 512;
    pub const DEFAULT_OUTPUT_MIB: u64 = 16;
    pub const DEFAULT_WALL_SECS: u64 = 60;

    pub fn wall(&self) -> Duration {
        Duration::from_millis(self.wall_ms)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            fuel: Self::DEFAULT_FUEL,
            memory_bytes: Self::DEFAULT_MEMORY_MIB << 20,
            stdout_bytes: Self::DEFAULT_OUTPUT_MIB << 20,
            stderr_bytes: 1 << 20,
            wall_ms: Self::DEFAULT_WALL_SECS * 1000,
        }
    }
}
