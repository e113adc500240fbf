//! Extracting the code from a model's answer (Markdown fences, chat text), as EvalPlus's
//! sanitizer does: `sanitize.py`, trusted code run in the sandbox on the untrusted text.

use crate::candidate::{Language, Source};
use crate::judge::{Context, JudgeError, run_trusted_python};

/// The sanitizer itself failed (out of fuel on a huge text, say).
#[derive(Debug, thiserror::Error)]
#[error("{0}; the text may be too long to search for code")]
pub struct SanitizeError(#[from] JudgeError);

const SANITIZER: &str = include_str!("sanitize.py");

/// About 3 s of work: a 400-line answer of prose around a 100-line function takes 0.8·10^9
/// fuel; a 3,000-line text with no code 3.2·10^10. Past this the sample is judged as it is.
const SANITIZER_FUEL: u64 = 20_000_000_000;

/// The sanitized source: for Python, the longest run of lines that parses, and for a
/// function problem (`entry` given) only the imports and the definitions the entry point
/// reaches. Other languages are returned as they are. An `Err` says why the sanitizer
/// failed; the caller keeps the original then.
pub fn sanitize(
    ctx: &Context,
    source: &Source,
    entry: Option<&str>,
) -> Result<Source, SanitizeError> {
    // Not Python, or not UTF-8 (which the judge refuses as it is; decoding it lossily here
    // would make it runnable): left as it is.
    let Ok(code) = std::str::from_utf8(&source.bytes) else {
        return Ok(source.clone());
    };
    if source.language != Language::Python {
        return Ok(source.clone());
    }
    let request = serde_json::json!({
        "code": code,
        "entry": entry,
        "definitions": entry.is_some(),
    });
    let out = run_trusted_python(
        ctx,
        SANITIZER,
        request.to_string().as_bytes(),
        SANITIZER_FUEL,
    )?;
    Ok(Source::new(source.origin.clone(), source.language, out))
}
