//! Exit statuses, in one place.

use std::process::ExitCode;

/// Success; the gate passed.
pub const SUCCESS: ExitCode = ExitCode::SUCCESS;
/// The program or candidates failed; the gate failed.
pub fn failure() -> ExitCode {
    ExitCode::from(1)
}
/// Usage or infrastructure error.
pub fn error() -> ExitCode {
    ExitCode::from(2)
}
/// Interrupted (SIGINT, Ctrl-C): 128 + 2, as a shell reports a process the signal ended.
pub const INTERRUPTED: i32 = 130;
