//! Extracting the code from a model's answer (Markdown fences, chat text), as EvalPlus's
//! sanitizer does: `sanitize.py`, trusted code run in the sandbox on the untrusted text.

use super::context::{Context, run_trusted_python};
use crate::candidate::{Language, Source};

const SANITIZER: &str = include_str!("sanitize.py");

/// The sanitized source: for Python, the longest run of lines that parses, and for a
/// function problem (`entry` given) only the imports and the definitions the entry point
/// reaches. Other languages are returned as they are. An `Err` says why the sanitizer
/// failed; the caller keeps the original then.
pub fn sanitize(ctx: &Context, source: &Source, entry: Option<&str>) -> Result<Source, String> {
    if source.language != Language::Python {
        return Ok(source.clone());
    }
    let request = serde_json::json!({
        "code": String::from_utf8_lossy(&source.bytes),
        "entry": entry,
        "definitions": entry.is_some(),
    });
    let out = run_trusted_python(ctx, SANITIZER, request.to_string().as_bytes())?;
    Ok(Source::new(source.origin.clone(), source.language, out))
}
