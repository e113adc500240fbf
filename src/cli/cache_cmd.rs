//! `fuelgauge cache info|clean`.

use std::process::ExitCode;

use anyhow::Context as _;

use super::args::{CacheAction, GlobalArgs};
use super::context::open_cache;
use super::exit;

pub(crate) fn run(global: &GlobalArgs, action: &CacheAction) -> anyhow::Result<ExitCode> {
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
