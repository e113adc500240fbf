//! Cheap identities of installed files (compilers, the Python runtime).

use std::time::UNIX_EPOCH;

/// A file's modification time in nanoseconds (0 where unknown): with its size, a cheap
/// identity of an installed file.
pub(crate) fn modified_nanos(meta: &std::fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}
