use std::sync::Arc;

use super::runner::Runner;
use crate::cache::Cache;
use crate::toolchain::Toolchains;

/// What every stage needs: toolchains, the runner (sandbox + result cache) and the cache.
pub struct Context {
    pub tools: Toolchains,
    pub runner: Runner,
    pub cache: Option<Arc<Cache>>,
}
