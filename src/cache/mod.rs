//! On-disk caches: compiled modules, native code and toolchain fingerprints.

mod store;

pub use store::{Bucket, BucketInfo, Cache, CacheError, CacheStats};
