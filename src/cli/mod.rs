//! The command-line interface: parse flags, call the library, print, choose the exit status.

mod args;
mod cache_cmd;
mod check_cmd;
mod context;
mod exit;
mod main_cmd;
mod output;
mod prepare_cmd;
mod progress;
mod run_cmd;
mod sanitize_cmd;
mod score_cmd;
mod settings;
mod tests_cmd;

pub use args::Cli;
pub use main_cmd::main;
