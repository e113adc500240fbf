//! What stopped a run that did not exit: our own stops (the memory cap), fuel, the wall
//! clock, or a trap of the program.

use wasmtime::Trap;

use super::host::Stop;
use super::outcome::{RunVerdict, RuntimeErrorReason};

/// The verdict of a run that stopped with `error` (a trap, or the memory cap).
pub(crate) fn classify_trap(error: &wasmtime::Error) -> RunVerdict {
    match error.downcast_ref::<Stop>() {
        Some(Stop::Memory) => return RunVerdict::MemoryLimit,
        Some(Stop::SleepPastBudget) => return RunVerdict::FuelExhausted,
        _ => {}
    }
    match error.downcast_ref::<Trap>() {
        Some(Trap::OutOfFuel) => RunVerdict::FuelExhausted,
        Some(Trap::Interrupt) => RunVerdict::WallTimeout,
        Some(trap) => RunVerdict::RuntimeError {
            reason: RuntimeErrorReason::Trap {
                trap: snake_case(&format!("{trap:?}")),
            },
        },
        None => RunVerdict::RuntimeError {
            reason: RuntimeErrorReason::Invalid {
                message: error.to_string(),
            },
        },
    }
}

fn snake_case(camel: &str) -> String {
    let mut out = String::with_capacity(camel.len() + 4);
    for (i, ch) in camel.chars().enumerate() {
        if ch.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trap_names_are_snake_case() {
        assert_eq!(snake_case("StackOverflow"), "stack_overflow");
        assert_eq!(snake_case("OutOfFuel"), "out_of_fuel");
    }
}
