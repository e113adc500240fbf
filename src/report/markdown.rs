//! A PR-comment-sized summary, also fit for `$GITHUB_STEP_SUMMARY`.

use std::fmt::Write as _;

use super::format::rate;
use super::table::{leaderboard_cells, measures_efficiency, median, steeper};
use crate::analysis::leaderboard::ranked_on;
use crate::schema::Leaderboard;
use crate::schema::ScoreReport;

pub fn render_markdown(report: &ScoreReport) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "## fuelgauge {}\n", cell(&report.version));
    let _ = writeln!(
        s,
        "| system | k | problems | samples | pass@k | eff@k | mem@k | censored | median t/T* | steeper |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---|---|---|---:|---:|---:|");
    for (name, system) in &report.systems {
        for st in &system.stats {
            let levels = measures_efficiency(report, name);
            let scored = |e: &crate::stats::Estimate, bold: &str| {
                if levels {
                    format!(
                        "{bold}{:.3}{bold} [{:.3}, {:.3}]",
                        e.value, e.ci.lower, e.ci.upper
                    )
                } else {
                    "n/a (no levels)".into()
                }
            };
            let (eff, mem) = (scored(&st.eff_at_k, "**"), scored(&st.mem_at_k, ""));
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {:.3} [{:.3}, {:.3}] | {eff} | {mem} | {} | {} | {} |",
                cell(name),
                st.k,
                st.problems,
                st.samples,
                st.pass_at_k.value,
                st.pass_at_k.ci.lower,
                st.pass_at_k.ci.upper,
                rate(st.censoring.rate),
                median(st),
                steeper(&st.growth)
            );
        }
    }
    if let Some(speedups) = &report.speedup {
        speedup_section(&mut s, speedups);
    }
    let failing: Vec<String> = report
        .systems
        .iter()
        .flat_map(|(name, sys)| {
            sys.problems
                .iter()
                .filter(|(_, p)| p.samples.iter().all(|x| !x.result.passed))
                .map(move |(id, _)| format!("{}/{}", cell(name), cell(id)))
        })
        .collect();
    if !failing.is_empty() {
        let _ = writeln!(
            s,
            "\n<details><summary>problems with no passing sample ({})</summary>\n\n{}\n\n</details>",
            failing.len(),
            failing.join(", ")
        );
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(
            s,
            "\n**{} warnings**: {}",
            report.warnings.len(),
            report
                .warnings
                .iter()
                .map(|w| cell(w))
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    let _ = writeln!(
        s,
        "\n<sub>k-sample estimators are unbiased (pass@k: Chen et al.; eff@k: ENAMEL); 95% bootstrap intervals over problems; cost is wasmtime {} fuel.</sub>",
        cell(&report.provenance.wasmtime)
    );
    s
}

/// PIE's figures per system: mean speedup, %Opt at every threshold, %Correct, out of fuel.
fn speedup_section(
    s: &mut String,
    speedups: &std::collections::BTreeMap<String, crate::schema::SpeedupSummary>,
) {
    let thresholds: Vec<&String> = speedups
        .values()
        .next()
        .map(|sp| sp.percent_opt.keys().collect())
        .unwrap_or_default();
    let _ = writeln!(s, "\n### Speedup over the original program (PIE)\n");
    let _ = write!(s, "| system | problems | mean speedup |");
    for t in &thresholds {
        let _ = write!(s, " %Opt ≥ {t} |");
    }
    let _ = writeln!(s, " %Correct | out of fuel |");
    let _ = writeln!(
        s,
        "|---|---:|---|{}---|---:|",
        "---|".repeat(thresholds.len())
    );
    let share = |x: &crate::schema::Share| {
        format!(
            "{:.1}% [{:.1}, {:.1}]",
            x.value * 100.0,
            x.ci.lower * 100.0,
            x.ci.upper * 100.0
        )
    };
    for (name, sp) in speedups {
        let _ = write!(
            s,
            "| {} | {} | **{:.2}x** [{:.2}, {:.2}] |",
            cell(name),
            sp.problems,
            sp.mean_speedup.value,
            sp.mean_speedup.ci.lower,
            sp.mean_speedup.ci.upper
        );
        for t in &thresholds {
            let _ = write!(s, " {} |", sp.percent_opt.get(*t).map_or("-".into(), share));
        }
        let _ = writeln!(
            s,
            " {} | {} |",
            share(&sp.percent_correct),
            rate(sp.censoring_rate)
        );
    }
}

/// A ranking as a PR comment: rank, system, value [CI], coverage, and the paired comparison
/// with the next system down.
pub fn render_leaderboard_markdown(board: &Leaderboard) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "## fuelgauge leaderboard: {}\n", board.metric);
    let _ = writeln!(
        s,
        "| rank | system | {} [95% CI] | coverage | vs next: Δ [95% CI] | p | distinguishable | steeper |",
        board.metric
    );
    let _ = writeln!(s, "|---:|---|---|---:|---|---:|---|---:|");
    for e in &board.entries {
        let (value, (difference, p, distinguishable)) = leaderboard_cells(board, e, false);
        let (value, interval) = value.split_once(' ').unwrap_or((&value, ""));
        let _ = writeln!(
            s,
            "| {} | {} | **{value}** {interval} | {}/{} | {difference} | {p} | {distinguishable} | {} |",
            e.rank,
            cell(&e.system),
            e.coverage.scored,
            e.coverage.union,
            rate(e.steeper_share)
        );
    }
    let _ = writeln!(s, "\n{}", cell(&ranked_on(board)));
    let missing: Vec<String> = board
        .entries
        .iter()
        .filter(|e| !e.coverage.missing.is_empty())
        .map(|e| {
            let missing: Vec<String> = e.coverage.missing.iter().map(|id| cell(id)).collect();
            format!("- {}: {}", cell(&e.system), missing.join(", "))
        })
        .collect();
    if !missing.is_empty() {
        let _ = writeln!(
            s,
            "\n<details><summary>problems missing per system</summary>\n\n{}\n\n</details>",
            missing.join("\n")
        );
    }
    let _ = writeln!(
        s,
        "\n<sub>Each system's value is recomputed over the problems every system scored; Δ is \
         this row minus the next, with its paired bootstrap interval and sign-flip p-value; \
         distinguishable: the interval excludes 0.</sub>"
    );
    s
}

/// A name (a system, problem or sample, all chosen by whoever made the inputs) as plain
/// Markdown text, in a table cell or not: a newline or a `|` would end the row and let the name
/// forge rows of its own; `<`, `&` would start HTML, and `[`, `*`, `` ` `` … links and
/// emphasis. Control characters become spaces, HTML's specials entities, and every other
/// ASCII punctuation mark that Markdown gives a meaning is escaped with a backslash.
pub(crate) fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if c.is_control() => out.push(' '),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '!' | '|'
            | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_cannot_forge_rows_html_or_links() {
        let name = "evil\n| expert | 1.000 |\n<img src=x onerror=alert(1)>[x](javascript:alert(1))";
        let escaped = cell(name);
        assert!(!escaped.contains('\n'));
        assert!(!escaped.contains('<'));
        assert!(escaped.contains("\\| expert \\|"), "{escaped}");
        assert!(
            escaped.contains("\\[x\\]\\(javascript:alert\\(1\\)\\)"),
            "{escaped}"
        );
        assert_eq!(cell("model-a 7b"), "model-a 7b");
    }
    use crate::analysis::fixture;
    use crate::analysis::leaderboard::{leaderboard, merge};

    #[test]
    fn warnings_are_names_too() {
        let mut report = fixture::report();
        report
            .warnings
            .push("skipped x.jsonl: <img src=x onerror=alert(1)>\n| forged |".to_owned());
        let text = render_markdown(&report);
        assert!(
            !text.contains("<img") && !text.contains("\n| forged"),
            "{text}"
        );
        assert!(
            text.contains("&lt;img src=x onerror=alert\\(1\\)&gt; \\| forged \\|"),
            "{text}"
        );
    }

    #[test]
    fn speedups_get_their_own_table() {
        let text = render_markdown(&fixture::report_with_speedup());
        assert!(
            text.contains("### Speedup over the original program (PIE)"),
            "{text}"
        );
        assert!(
            text.contains("%Opt ≥ 1.10") && text.contains("| fast | 2 | **"),
            "{text}"
        );
        assert!(!render_markdown(&fixture::report()).contains("Speedup"));
    }

    #[test]
    fn a_ranking_renders_rank_value_coverage_and_neighbours() {
        let merged = merge(vec![("r.json".into(), fixture::report())]).unwrap();
        let board = leaderboard(&merged, "eff@1".parse().unwrap(), true).unwrap();
        let text = render_leaderboard_markdown(&board);
        assert!(
            text.contains("| rank | system | eff@1 [95% CI] | coverage |"),
            "{text}"
        );
        let fast = text
            .lines()
            .find(|l| l.starts_with("| 1 | fast |"))
            .unwrap();
        assert!(fast.contains("| 2/2 |") && fast.contains(" [+"), "{fast}");
        let slow = text.lines().find(|l| l.contains("| slow |")).unwrap();
        assert!(slow.contains("| 1/2 |"), "{slow}");
        assert!(
            text.contains("Partial ranking") && text.contains("slow: he-1"),
            "{text}"
        );
    }
}
