//! A content-addressed on-disk cache.
//!
//! Layout: `ROOT/CACHEDIR.TAG` and `ROOT/v1/<bucket>/<first two hex>/<key hex>`. Each entry
//! is an envelope `FGC1 ‖ sha256(payload) ‖ payload`, written to a temporary file in the
//! same directory and renamed into place, so readers never see half an entry. An entry whose
//! hash does not match (truncated, bit-flipped) is deleted, counted and treated as a miss.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::digest::Digest;

const MAGIC: &[u8; 4] = b"FGC1";
const LAYOUT: &str = "v1";
const TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This file is a cache directory tag created by fuelgauge.\n\
# For information about cache directory tags see https://bford.info/cachedir/\n";

/// What a cache entry holds. Buckets are separate folders, so `cache info` can size them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    /// Compiled `.wasm` modules, keyed by source + toolchain + flags.
    Wasm,
    /// Compile errors, keyed like `Wasm` (a broken source is not recompiled).
    Diagnostics,
    /// wasmtime's native code for a module, keyed by module + engine compatibility hash.
    Native,
    /// Memoised toolchain fingerprints (version strings, file hashes).
    Toolchain,
    /// Generated test inputs, keyed by generator, seed and size.
    Inputs,
    /// Finished runs (verdict, fuel, output), keyed by program, input and limits.
    Runs,
}

impl Bucket {
    pub const ALL: [Bucket; 6] = [
        Bucket::Wasm,
        Bucket::Diagnostics,
        Bucket::Native,
        Bucket::Toolchain,
        Bucket::Inputs,
        Bucket::Runs,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Bucket::Wasm => "wasm",
            Bucket::Diagnostics => "diagnostics",
            Bucket::Native => "native",
            Bucket::Toolchain => "toolchain",
            Bucket::Inputs => "inputs",
            Bucket::Runs => "runs",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    #[error(
        "failed to create cache directory {path}: {source}; pass --cache-dir DIR or --no-cache"
    )]
    Create {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("failed to write cache entry in {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("refusing to clean {path}: it has no CACHEDIR.TAG, so it may not be a fuelgauge cache")]
    NotACache { path: PathBuf },
    #[error("failed to remove {path}: {source}")]
    Remove {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Counters of this process's cache traffic.
#[derive(Debug, Default)]
struct Counters {
    hits: AtomicU64,
    misses: AtomicU64,
    corrupt: AtomicU64,
    writes: AtomicU64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CacheStats {
    pub hits: u64,
    pub misses: u64,
    /// Entries found damaged, deleted and rebuilt.
    pub corrupt: u64,
    pub writes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BucketInfo {
    pub bucket: &'static str,
    pub entries: u64,
    pub bytes: u64,
}

#[derive(Debug)]
pub struct Cache {
    root: PathBuf,
    counters: Counters,
}

impl Cache {
    /// Opens (creating if needed) the cache at `root`.
    pub fn open(root: &Path) -> Result<Cache, CacheError> {
        let create = |path: &Path| {
            fs::create_dir_all(path).map_err(|source| CacheError::Create {
                path: path.to_owned(),
                source,
            })
        };
        create(&root.join(LAYOUT))?;
        let tag = root.join("CACHEDIR.TAG");
        if !tag.exists() {
            fs::write(&tag, TAG).map_err(|source| CacheError::Create { path: tag, source })?;
        }
        Ok(Cache {
            root: root.to_owned(),
            counters: Counters::default(),
        })
    }

    /// `$FUELGAUGE_CACHE` is handled by the CLI; this is the fallback:
    /// the user cache directory (`~/.cache/fuelgauge` on Linux).
    pub fn default_root() -> PathBuf {
        dirs::cache_dir()
            .unwrap_or_else(std::env::temp_dir)
            .join("fuelgauge")
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn path(&self, bucket: Bucket, key: &Digest) -> PathBuf {
        let hex = key.hex();
        self.root
            .join(LAYOUT)
            .join(bucket.name())
            .join(&hex[..2])
            .join(hex)
    }

    /// Returns the entry's payload, or `None` on a miss. A damaged entry is removed.
    pub fn get(&self, bucket: Bucket, key: &Digest) -> Option<Vec<u8>> {
        let path = self.path(bucket, key);
        let Ok(data) = fs::read(&path) else {
            self.counters.misses.fetch_add(1, Ordering::Relaxed);
            return None;
        };
        let intact =
            data.len() >= 36 && &data[..4] == MAGIC && Digest::of(&data[36..]).0[..] == data[4..36];
        if !intact {
            let _ = fs::remove_file(&path);
            self.counters.corrupt.fetch_add(1, Ordering::Relaxed);
            self.counters.misses.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        self.counters.hits.fetch_add(1, Ordering::Relaxed);
        let mut data = data;
        data.drain(..36);
        Some(data)
    }

    /// Stores `payload` atomically under `key`.
    pub fn put(&self, bucket: Bucket, key: &Digest, payload: &[u8]) -> Result<(), CacheError> {
        let path = self.path(bucket, key);
        let dir = path.parent().expect("entry paths have a parent");
        let fail = |source| CacheError::Write {
            path: dir.to_owned(),
            source,
        };
        fs::create_dir_all(dir).map_err(fail)?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
        tmp.write_all(MAGIC).map_err(fail)?;
        tmp.write_all(&Digest::of(payload).0).map_err(fail)?;
        tmp.write_all(payload).map_err(fail)?;
        tmp.persist(&path).map_err(|e| fail(e.error))?;
        self.counters.writes.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    pub fn stats(&self) -> CacheStats {
        let c = &self.counters;
        CacheStats {
            hits: c.hits.load(Ordering::Relaxed),
            misses: c.misses.load(Ordering::Relaxed),
            corrupt: c.corrupt.load(Ordering::Relaxed),
            writes: c.writes.load(Ordering::Relaxed),
        }
    }

    /// Entry count and size per bucket.
    pub fn info(&self) -> Vec<BucketInfo> {
        Bucket::ALL
            .iter()
            .map(|&bucket| {
                let (entries, bytes) = dir_usage(&self.root.join(LAYOUT).join(bucket.name()));
                BucketInfo {
                    bucket: bucket.name(),
                    entries,
                    bytes,
                }
            })
            .collect()
    }

    /// Removes every entry (the whole layout folder); the tag stays.
    pub fn clean(&self) -> Result<(), CacheError> {
        if !self.root.join("CACHEDIR.TAG").exists() {
            return Err(CacheError::NotACache {
                path: self.root.clone(),
            });
        }
        let layout = self.root.join(LAYOUT);
        match fs::remove_dir_all(&layout) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => {
                return Err(CacheError::Remove {
                    path: layout,
                    source,
                });
            }
        }
        Ok(())
    }
}

fn dir_usage(dir: &Path) -> (u64, u64) {
    let Ok(entries) = fs::read_dir(dir) else {
        return (0, 0);
    };
    let mut total = (0, 0);
    for entry in entries.flatten() {
        let Ok(meta) = entry.metadata() else { continue };
        if meta.is_dir() {
            let (n, b) = dir_usage(&entry.path());
            total = (total.0 + n, total.1 + b);
        } else {
            total = (total.0 + 1, total.1 + meta.len());
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_counters() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path()).unwrap();
        let key = Digest::of(b"k");
        assert_eq!(cache.get(Bucket::Wasm, &key), None);
        cache.put(Bucket::Wasm, &key, b"payload").unwrap();
        assert_eq!(
            cache.get(Bucket::Wasm, &key).as_deref(),
            Some(&b"payload"[..])
        );
        // Buckets are separate namespaces.
        assert_eq!(cache.get(Bucket::Native, &key), None);
        let s = cache.stats();
        assert_eq!((s.hits, s.misses, s.writes, s.corrupt), (1, 2, 1, 0));
        assert_eq!(cache.info()[0].entries, 1);
    }

    #[test]
    fn truncated_or_flipped_entries_are_detected_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path()).unwrap();
        for damage in [0usize, 1] {
            let key = Digest::of(&[damage as u8]);
            cache.put(Bucket::Wasm, &key, b"0123456789").unwrap();
            let path = cache.path(Bucket::Wasm, &key);
            let mut bytes = fs::read(&path).unwrap();
            if damage == 0 {
                bytes.truncate(bytes.len() - 3);
            } else {
                let last = bytes.len() - 1;
                bytes[last] ^= 1;
            }
            fs::write(&path, bytes).unwrap();
            assert_eq!(cache.get(Bucket::Wasm, &key), None);
            assert!(!path.exists(), "damaged entry is removed");
        }
        assert_eq!(cache.stats().corrupt, 2);
    }

    #[test]
    fn clean_removes_entries_and_refuses_foreign_dirs() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path()).unwrap();
        cache.put(Bucket::Native, &Digest::of(b"x"), b"y").unwrap();
        cache.clean().unwrap();
        assert_eq!(cache.info().iter().map(|b| b.entries).sum::<u64>(), 0);
        fs::remove_file(dir.path().join("CACHEDIR.TAG")).unwrap();
        assert!(matches!(cache.clean(), Err(CacheError::NotACache { .. })));
    }
}
