//! Turns global flags into the shared pieces every command needs.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;

use super::args::GlobalArgs;
use crate::cache::Cache;
use crate::judge::Context;
use crate::sandbox::Runner;
use crate::sandbox::{CostModel, Sandbox};
use crate::toolchain::{CompileLimits, Toolchains, default_python_runtime};

pub(crate) fn open_cache(global: &GlobalArgs) -> anyhow::Result<Option<Arc<Cache>>> {
    if global.no_cache {
        return Ok(None);
    }
    let root = global.cache_dir.clone().unwrap_or_else(Cache::default_root);
    let cache =
        Cache::open(&root).with_context(|| format!("failed to open cache {}", root.display()))?;
    Ok(Some(Arc::new(cache)))
}

pub(crate) fn toolchains(global: &GlobalArgs, cache: Option<Arc<Cache>>) -> Toolchains {
    let limits = CompileLimits {
        time: Duration::from_secs(global.compile_timeout),
        max_source_bytes: global.max_source_bytes,
        ..CompileLimits::default()
    };
    let python = global
        .python_runtime
        .clone()
        .unwrap_or_else(default_python_runtime);
    Toolchains::new(cache, limits, python)
}

/// The cost model `--cost-model` names.
pub(crate) fn cost_model(global: &GlobalArgs) -> anyhow::Result<CostModel> {
    CostModel::named(&global.cost_model).map_err(|e| anyhow::anyhow!("--cost-model: {e}"))
}

/// The sandbox (with `jobs` workers), priced by the cost model the flags ask for.
pub(crate) fn sandbox(
    global: &GlobalArgs,
    jobs: usize,
    cache: Option<Arc<Cache>>,
) -> anyhow::Result<Sandbox> {
    Ok(Sandbox::with_cost_model(jobs, cache, cost_model(global)?)?)
}

/// Toolchains, sandbox (with `jobs` workers) and runner over one cache.
pub(crate) fn context(global: &GlobalArgs, jobs: usize) -> anyhow::Result<Context> {
    let cache = open_cache(global)?;
    let sandbox = sandbox(global, jobs, cache.clone())?;
    Ok(Context {
        tools: toolchains(global, cache.clone()),
        runner: Runner::new(sandbox, cache.clone()),
        cache,
    })
}
