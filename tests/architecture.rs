//! The module graph is the one `src/lib.rs` draws: every stage (a folder, or a file for the
//! small utilities) imports only the stages listed above it, the diagram lists exactly the
//! modules the crate has, and inside a stage no two files import each other, directly or
//! round a longer loop. Reads the sources as text; needs no toolchain.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// The stages in the order of the diagram in `src/lib.rs`: the lines of its `text` block
/// that start with module names (`name/` for a folder, `name` for a file), before a gap.
fn diagram() -> Vec<String> {
    let lib = std::fs::read_to_string(Path::new(SRC).join("lib.rs")).unwrap();
    let block: Vec<&str> = lib
        .lines()
        .map(|l| l.trim_start_matches("//!").trim_start())
        .skip_while(|l| !l.starts_with("```text"))
        .skip(1)
        .take_while(|l| !l.starts_with("```"))
        .collect();
    let mut stages = Vec::new();
    for line in block {
        // The first column: names up to the gap before the description.
        let first = line.split("  ").next().unwrap_or("");
        for name in first.split(',') {
            let name = name.trim().trim_end_matches('/');
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                stages.push(name.to_owned());
            }
        }
    }
    stages
}

/// `mod` declarations of `src/lib.rs`.
fn declared_modules() -> BTreeSet<String> {
    let lib = std::fs::read_to_string(Path::new(SRC).join("lib.rs")).unwrap();
    lib.lines()
        .filter_map(|l| {
            let l = l.trim();
            let rest = l
                .strip_prefix("pub mod ")
                .or_else(|| l.strip_prefix("pub(crate) mod "))
                .or_else(|| l.strip_prefix("mod "))?;
            Some(rest.trim_end_matches(';').to_owned())
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source without `//` comments (doc comments name modules freely).
fn code(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first segment of every path after `prefix` (`crate::`, `super::`), through braces:
/// `crate::{a::X, b}` gives `a` and `b`.
fn first_segments(text: &str, prefix: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(prefix) {
        let before = rest[..i].chars().last();
        rest = &rest[i + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(inner) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut end = 0;
            for (j, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    end = j;
                    break;
                }
            }
            let mut level = 0;
            let mut start = 0;
            for (j, c) in inner[..end].char_indices() {
                match c {
                    '{' => level += 1,
                    '}' => level -= 1,
                    ',' if level == 0 => {
                        names.push(segment(&inner[start..j]));
                        start = j + 1;
                    }
                    _ => {}
                }
            }
            names.push(segment(&inner[start..end]));
        } else {
            names.push(segment(rest));
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

fn segment(path: &str) -> String {
    path.trim()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Where a file sits: its stage and, for a file directly in a stage folder (or a folder one
/// level down), its node within the stage.
fn place(path: &Path) -> (String, Option<String>, usize) {
    let rel = path.strip_prefix(SRC).unwrap();
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    let stage = parts[0].clone();
    let node = (parts.len() >= 2 && parts[1] != "mod").then(|| parts[1].clone());
    (stage, node, parts.len())
}

#[test]
fn the_diagram_lists_every_module_once() {
    let stages = diagram();
    let listed: BTreeSet<String> = stages.iter().cloned().collect();
    assert_eq!(
        listed.len(),
        stages.len(),
        "a stage is listed twice: {stages:?}"
    );
    let mut on_disk = BTreeSet::new();
    for entry in std::fs::read_dir(SRC).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if name != "lib" && name != "main" {
            on_disk.insert(name);
        }
    }
    assert_eq!(
        listed, on_disk,
        "src/lib.rs's diagram and the folders of src/ differ"
    );
    assert_eq!(
        listed,
        declared_modules(),
        "src/lib.rs's diagram and its mod declarations differ"
    );
}

#[test]
fn stages_import_only_the_stages_above_them() {
    let stages = diagram();
    let rank: BTreeMap<&str, usize> = stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i))
        .collect();
    let mut files = Vec::new();
    rust_files(Path::new(SRC), &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let (stage, _, _) = place(file);
        let Some(&own) = rank.get(stage.as_str()) else {
            continue; // lib.rs, main.rs
        };
        for used in first_segments(&code(file), "crate::") {
            match rank.get(used.as_str()) {
                Some(&r) if r > own => wrong.push(format!(
                    "{} ({stage}) imports {used}, which comes after it",
                    file.strip_prefix(SRC).unwrap().display()
                )),
                Some(_) => {}
                // `crate::VERSION` and the like.
                None => assert!(
                    used.chars().all(|c| c.is_ascii_uppercase() || c == '_'),
                    "{}: crate::{used} is not a module in the diagram",
                    file.display()
                ),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn files_within_a_stage_import_each_other_without_cycles() {
    let mut files = Vec::new();
    rust_files(Path::new(SRC), &mut files);
    // Per stage: which file (node) re-exports each name from mod.rs, and the edges.
    let mut nodes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        if let (stage, Some(node), _) = place(file) {
            nodes.entry(stage).or_default().insert(node);
        }
    }
    let mut exported: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for file in &files {
        if let (stage, None, 2) = place(file) {
            // src/<stage>/mod.rs: `pub use child::{A, B};`
            let text = code(file);
            for line in text.split(';') {
                let line = line.trim();
                let Some(rest) = line
                    .strip_prefix("pub use ")
                    .or_else(|| line.strip_prefix("pub(crate) use "))
                else {
                    continue;
                };
                let Some((child, items)) = rest.split_once("::") else {
                    continue;
                };
                let items = items.trim_matches(|c| c == '{' || c == '}');
                for item in items.split(',') {
                    let item = item.trim().rsplit("::").next().unwrap_or("").to_owned();
                    let item = item.split(" as ").last().unwrap_or("").trim().to_owned();
                    exported
                        .entry(stage.clone())
                        .or_default()
                        .insert(item, child.trim().to_owned());
                }
            }
        }
    }
    let mut edges: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let (stage, Some(node), depth) = place(file) else {
            continue;
        };
        let text = code(file);
        let own_nodes = &nodes[&stage];
        let resolve = |name: &str| -> Option<String> {
            if own_nodes.contains(name) {
                Some(name.to_owned())
            } else {
                exported.get(&stage).and_then(|e| e.get(name)).cloned()
            }
        };
        let mut targets = Vec::new();
        // `super::` in a file directly in the stage folder names the stage.
        if depth == 2 {
            targets.extend(first_segments(&text, "super::"));
        }
        // `crate::<stage>::x` names the stage too; `crate::<stage>::{x, y}` as well.
        for used in first_segments(&text, &format!("crate::{stage}::")) {
            targets.push(used);
        }
        for t in targets {
            if let Some(to) = resolve(&t)
                && to != node
            {
                edges
                    .entry((stage.clone(), node.clone()))
                    .or_default()
                    .insert(to);
            }
        }
    }
    // Depth-first search for a cycle per stage.
    for (stage, members) in &nodes {
        let mut state: BTreeMap<&str, u8> = BTreeMap::new();
        fn visit<'a>(
            n: &'a str,
            stage: &str,
            edges: &'a BTreeMap<(String, String), BTreeSet<String>>,
            state: &mut BTreeMap<&'a str, u8>,
            path: &mut Vec<&'a str>,
        ) -> Option<Vec<String>> {
            match state.get(n) {
                Some(1) => {
                    let start = path.iter().position(|p| *p == n).unwrap();
                    let mut cycle: Vec<String> =
                        path[start..].iter().map(|s| s.to_string()).collect();
                    cycle.push(n.to_owned());
                    return Some(cycle);
                }
                Some(_) => return None,
                None => {}
            }
            state.insert(n, 1);
            path.push(n);
            if let Some(next) = edges.get(&(stage.to_owned(), n.to_owned())) {
                for m in next {
                    if let Some(c) = visit(m, stage, edges, state, path) {
                        return Some(c);
                    }
                }
            }
            path.pop();
            state.insert(n, 2);
            None
        }
        for m in members {
            let mut path = Vec::new();
            if let Some(cycle) = visit(m, stage, &edges, &mut state, &mut path) {
                panic!("import cycle in {stage}/: {}", cycle.join(" → "));
            }
        }
    }
}

#[test]
fn the_scanner_sees_grouped_and_plain_imports() {
    let text = "use crate::{a::X, b, c::{d, e}};\nuse crate::f::G;\nlet x = my_crate::h;";
    assert_eq!(first_segments(text, "crate::"), ["a", "b", "c", "f"]);
}
