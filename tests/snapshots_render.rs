//! Snapshots of every renderer, reached through the CLI (`report`, `leaderboard`, `compare`)
//! from fixed result files, so that they survive the library's modules moving:
//!
//! - `tests/fixtures/reports/base.json`: systems `fast` and `slow` on the two problems of
//!   `tests/fixtures/problems` (a stdio problem with C++ and Python references, a function
//!   problem with a Python one);
//! - `head.json`: the same problems, `fast` regressed to the slow solutions, scored with
//!   `--metric speedup`;
//! - `mixed.json`: `--metric speedup` again, systems `mixed` (a right and a wrong sample per
//!   problem), `chat` (a JSONL with an unknown task and a malformed line: warnings) and one
//!   whose name and sample names hold Markdown, CSV, HTML and non-ASCII characters.
//!
//! They were written by `fuelgauge score` (see `tests/fixtures/reports/README.md`). Nothing
//! here runs a program, so these tests need neither clang nor the Python runtime.
//!
//! The snapshots are in `tests/snapshots/`; review a change with `cargo insta review`, or write
//! them anew with `INSTA_UPDATE=always` and read every changed `.snap`.

mod common;
mod support;

use support::{Sandbox, stdout_of, transcript};

const REPORTS: [&str; 3] = ["base", "head", "mixed"];

/// A sandbox holding the three result files, as the working folder.
fn reports() -> Sandbox {
    let sandbox = Sandbox::new();
    for name in REPORTS {
        sandbox.copy(&format!("reports/{name}.json"), &format!("{name}.json"));
    }
    sandbox
}

#[test]
fn report_renders_every_format() {
    let sandbox = reports();
    sandbox.settings().bind(|| {
        for name in REPORTS {
            for (format, ext) in [
                ("table", "txt"),
                ("markdown", "md"),
                ("csv", "csv"),
                ("junit", "xml"),
                ("jsonl", "jsonl"),
                ("html", "html"),
            ] {
                let text = stdout_of(
                    sandbox.fuelgauge().args([
                        "report",
                        &format!("{name}.json"),
                        "--format",
                        format,
                    ]),
                    0,
                );
                insta::assert_snapshot!(format!("report_{name}_{format}.{ext}"), text);
            }
        }
    });
}

#[test]
fn report_json_is_the_result_file_byte_for_byte() {
    let sandbox = reports();
    for name in REPORTS {
        let file = format!("{name}.json");
        let json = stdout_of(
            sandbox
                .fuelgauge()
                .args(["report", &file, "--format", "json"]),
            0,
        );
        assert_eq!(json, sandbox.read(&file), "{file}");
        // The same through -o, with the summary (one row per system) on stderr.
        let output = sandbox
            .fuelgauge()
            .args(["report", &file, "-o", "again.json"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", transcript(&output));
        assert_eq!(sandbox.read("again.json"), json);
    }
}

#[test]
fn report_to_files_prints_the_summary() {
    let sandbox = reports();
    sandbox.settings().bind(|| {
        for name in REPORTS {
            let output = sandbox
                .fuelgauge()
                .args([
                    "report",
                    &format!("{name}.json"),
                    "-o",
                    "out.md",
                    "-o",
                    "out.csv",
                ])
                .output()
                .unwrap();
            insta::assert_snapshot!(format!("report_{name}_summary"), transcript(&output));
            // The files are what --format renders.
            for (file, format) in [("out.md", "markdown"), ("out.csv", "csv")] {
                let stdout = stdout_of(
                    sandbox.fuelgauge().args([
                        "report",
                        &format!("{name}.json"),
                        "--format",
                        format,
                    ]),
                    0,
                );
                assert_eq!(sandbox.read(file), stdout, "{name}: {file}");
            }
        }
    });
}

#[test]
fn a_narrow_terminal_stacks_intervals_and_wraps_names() {
    let sandbox = reports();
    sandbox.settings().bind(|| {
        for name in ["head", "mixed"] {
            let text = stdout_of(
                sandbox
                    .fuelgauge()
                    .env("COLUMNS", "60")
                    .args(["report", &format!("{name}.json")]),
                0,
            );
            insta::assert_snapshot!(format!("report_{name}_table_60_columns.txt"), text);
        }
    });
}

#[test]
fn leaderboard_renders_every_format() {
    let sandbox = reports();
    sandbox.settings().bind(|| {
        for (case, files, metric) in [
            ("eff1", ["base.json", "mixed.json"], "eff@1"),
            ("pass1", ["base.json", "mixed.json"], "pass@1"),
            ("speedup", ["head.json", "mixed.json"], "speedup"),
        ] {
            let outputs = [
                "board.json",
                "board.md",
                "board.txt",
                "board.html",
                "merged.csv",
                "merged.xml",
                "merged.jsonl",
            ];
            let mut cmd = sandbox.fuelgauge();
            cmd.arg("leaderboard")
                .args(files)
                .args(["--metric", metric]);
            for o in outputs {
                cmd.args(["-o", o]);
            }
            // Every result in a file and stdout a pipe: the ranking goes to stderr.
            let output = cmd.output().unwrap();
            insta::assert_snapshot!(
                format!("leaderboard_{case}_transcript"),
                transcript(&output)
            );
            for o in outputs {
                insta::assert_snapshot!(format!("leaderboard_{case}_{o}"), sandbox.read(o));
            }
            // Without -o, the ranking on stdout is the .txt file.
            let stdout = stdout_of(
                sandbox
                    .fuelgauge()
                    .arg("leaderboard")
                    .args(files)
                    .args(["--metric", metric]),
                0,
            );
            assert_eq!(stdout, sandbox.read("board.txt"), "{case}");
        }
    });
}

#[test]
fn compare_renders_markdown_and_json() {
    let sandbox = reports();
    sandbox.settings().bind(|| {
        for (case, base, head, extra) in [
            // `fast` got slower: a regression of eff@1.
            ("regression", "base.json", "head.json", &[][..]),
            (
                "regression_strict",
                "base.json",
                "head.json",
                &["--strict"][..],
            ),
            (
                "allowance",
                "base.json",
                "head.json",
                &[
                    "--max-regression",
                    "eff@1=0.95",
                    "--max-regression",
                    "pass@1=0",
                ][..],
            ),
            // …and faster the other way round.
            ("improvement", "head.json", "base.json", &[][..]),
        ] {
            let output = sandbox
                .fuelgauge()
                .args(["compare", base, head])
                .args(extra)
                .output()
                .unwrap();
            insta::assert_snapshot!(format!("compare_{case}"), transcript(&output));
            let output = sandbox
                .fuelgauge()
                .args(["compare", base, head, "-o", "cmp.json", "-o", "cmp.md"])
                .args(extra)
                .output()
                .unwrap();
            assert!(output.stdout.is_empty(), "{}", transcript(&output));
            insta::assert_snapshot!(format!("compare_{case}.json"), sandbox.read("cmp.json"));
            let markdown = stdout_of(
                sandbox
                    .fuelgauge()
                    .args(["compare", base, head])
                    .args(extra),
                output.status.code().unwrap(),
            );
            assert_eq!(sandbox.read("cmp.md"), markdown, "{case}");
        }
    });
}
