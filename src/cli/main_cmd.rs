use std::process::ExitCode;

use clap::Parser as _;

use super::args::{Cli, Command, ProblemsAction};
use super::exit;

/// Parses arguments, runs the command and maps errors to exit status 2 with one line.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                exit::error()
            } else {
                exit::SUCCESS
            };
        }
    };
    let result = match &cli.command {
        Command::Run(args) => super::run_cmd::run(&cli.global, args),
        Command::Cache { action } => super::cache_cmd::run(&cli.global, action),
        Command::Score(args) => super::score_cmd::run_score(&cli.global, args),
        Command::Report(args) => super::score_cmd::run_report(args),
        Command::Leaderboard(args) => super::score_cmd::run_leaderboard(args),
        Command::Merge(args) => super::score_cmd::run_merge(args),
        Command::Compare(args) => super::score_cmd::run_compare(args),
        Command::Sanitize(args) => super::sanitize_cmd::run(&cli.global, args),
        Command::Import { dataset } => super::score_cmd::run_import(&cli.global, dataset),
        Command::Problems {
            action: ProblemsAction::Check(args),
        } => super::check_cmd::run(&cli.global, args),
        Command::Problems {
            action: ProblemsAction::Tests(args),
        } => super::tests_cmd::run(&cli.global, args),
        Command::Problems {
            action: ProblemsAction::Prepare(args),
        } => super::prepare_cmd::run(&cli.global, args),
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`fuelgauge run x.c | head`) is not an error worth reporting.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            exit::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}", one_line(&e));
            exit::error()
        }
    }
}

/// The error and its causes joined by ": ", each said once: a message that already quotes its
/// source (thiserror's `{source}`) is not followed by that source again.
pub(crate) fn one_line(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if text.is_empty() || line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[derive(Debug, thiserror::Error)]
    #[error("failed to read x.c: {source}")]
    struct Quoting {
        source: std::io::Error,
    }

    #[test]
    fn each_cause_is_said_once() {
        let io = || std::io::Error::from(std::io::ErrorKind::NotFound);
        let quoting = anyhow::Error::new(Quoting { source: io() });
        assert_eq!(one_line(&quoting), "failed to read x.c: entity not found");
        let plain = anyhow::Error::new(io()).context("failed to open y");
        assert_eq!(one_line(&plain), "failed to open y: entity not found");
    }
}
