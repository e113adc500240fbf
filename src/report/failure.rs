//! What a failing sample is reported by: its first failed test and that test's detail.

use crate::schema::{TestResult, TestVerdict};

/// The first test that did not pass, which decided the verdict.
pub(crate) fn first_failed(tests: &[TestResult]) -> Option<&TestResult> {
    tests.iter().find(|t| t.verdict != TestVerdict::Accepted)
}

/// The diff, runtime error or compiler message of a verdict, when it has a non-empty one.
pub(crate) fn detail(verdict: &TestVerdict) -> Option<&str> {
    let detail = match verdict {
        TestVerdict::WrongAnswer { diff } => diff,
        TestVerdict::RuntimeError { detail } => detail,
        TestVerdict::CompileError { message } => message,
        TestVerdict::Accepted
        | TestVerdict::FuelExhausted
        | TestVerdict::MemoryLimit
        | TestVerdict::OutputLimit
        | TestVerdict::WallTimeout => return None,
    };
    (!detail.is_empty()).then_some(detail.as_str())
}
