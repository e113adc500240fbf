use std::time::Duration;

/// Limits on compiling one candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileLimits {
    /// Wall-clock limit for the compiler.
    pub time: Duration,
    /// Address-space limit for the compiler process.
    pub memory_bytes: u64,
    /// Larger sources are refused without starting a compiler.
    pub max_source_bytes: u64,
    /// No file the compiler writes (an object, the module) may be larger: a few bytes of
    /// source can ask for a gigabyte of initialised data.
    pub max_output_bytes: u64,
}

impl Default for CompileLimits {
    fn default() -> Self {
        CompileLimits {
            time: Duration::from_secs(60),
            memory_bytes: 4 << 30,
            max_source_bytes: 1 << 20,
            max_output_bytes: 64 << 20,
        }
    }
}
