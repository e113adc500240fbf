//! Writing imported problems as ordinary problem folders.

use std::path::{Path, PathBuf};

/// A TOML basic string.
pub(crate) fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A problem id from a dataset's task id: lowercase, `/` and spaces to `-`, other characters
/// outside `[a-z0-9-_]` dropped (`HumanEval/12` → `humaneval-12`).
pub fn slug(task: &str) -> String {
    task.to_ascii_lowercase()
        .chars()
        .map(|c| if c == '/' || c == ' ' { '-' } else { c })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// The files of one imported problem.
pub(crate) struct ProblemFiles {
    pub(crate) id: String,
    /// Files in `problems/<id>/` (name, content); `problem.toml` among them.
    pub(crate) problem: Vec<(String, String)>,
    /// Files in `reference/<id>/`.
    pub(crate) reference: Vec<(String, String)>,
}

impl ProblemFiles {
    pub(crate) fn write(&self, out: &Path) -> std::io::Result<PathBuf> {
        let dir = out.join("problems").join(&self.id);
        for (folder, files) in [
            (dir.clone(), &self.problem),
            (out.join("reference").join(&self.id), &self.reference),
        ] {
            std::fs::create_dir_all(&folder)?;
            for (name, text) in files {
                let path = folder.join(name);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(path, text)?;
            }
        }
        Ok(dir)
    }
}

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportSummary {
    pub imported: usize,
    pub excluded: usize,
    /// One line each: file:line and what was wrong.
    pub warnings: Vec<String>,
    /// One line each: what a user should know about an imported problem (not an error).
    pub notes: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_strings_and_slugs() {
        assert_eq!(toml_str("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
        assert_eq!(slug("HumanEval/12"), "humaneval-12");
        assert_eq!(slug("p00001 x"), "p00001-x");
    }
}
