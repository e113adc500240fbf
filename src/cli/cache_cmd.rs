//! `fuelgauge cache info|clean`.

use std::process::ExitCode;

use anyhow::Context as _;

use super::args::{CacheAction, GlobalArgs};
use super::context::open_cache;
use super::exit;
use crate::cache::Cache;

pub(crate) fn run(global: &GlobalArgs, action: &CacheAction) -> anyhow::Result<ExitCode> {
    if global.no_cache {
        anyhow::bail!("--no-cache leaves no cache to inspect");
    }
    if *action == CacheAction::Clean {
        // Opening a cache creates its folders: look before touching anything.
        let root = global.cache_dir.clone().unwrap_or_else(Cache::default_root);
        if !root.exists() {
            eprintln!("nothing to clean: {} does not exist", root.display());
            return Ok(exit::SUCCESS);
        }
        if !root.join("CACHEDIR.TAG").is_file() {
            anyhow::bail!(
                "refusing to clean {}: it has no CACHEDIR.TAG, so it may not be a fuelgauge cache; pass the cache's folder with --cache-dir",
                root.display()
            );
        }
    }
    let cache = open_cache(global)?.context("--no-cache leaves no cache to inspect")?;
    match action {
        CacheAction::Info => {
            println!("cache  {}", cache.root().display());
            let mut total = 0;
            for b in cache.info() {
                total += b.bytes;
                println!(
                    "{:<12} {:>8} entries {:>10.1} MiB",
                    b.bucket,
                    b.entries,
                    b.bytes as f64 / f64::from(1 << 20)
                );
            }
            println!(
                "{:<12} {:>27.1} MiB",
                "total",
                total as f64 / f64::from(1 << 20)
            );
        }
        CacheAction::Clean => {
            cache.clean()?;
            eprintln!("removed every entry under {}", cache.root().display());
        }
    }
    Ok(exit::SUCCESS)
}
