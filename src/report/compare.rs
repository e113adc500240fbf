//! `fuelgauge compare`'s Markdown: the verdict, the findings and the problems that changed,
//! for a pull-request comment.

use std::fmt::Write as _;

use super::markdown::cell;
use crate::schema::{Comparison, Status};

/// A PR-comment-sized markdown summary.
pub fn markdown(c: &Comparison) -> String {
    let mut s = String::new();
    let verdict = match c.status {
        Status::Ok => "✅ no regression",
        Status::Regression => "❌ regression",
        Status::Error => "⚠️ not comparable",
    };
    let _ = writeln!(s, "## fuelgauge compare: {verdict}\n");
    if c.status == Status::Error {
        for e in &c.errors {
            let _ = writeln!(s, "- {}", cell(e));
        }
        return s;
    }
    let _ = writeln!(
        s,
        "| system | metric | base | head | Δ | 95% CI | p | allowed | |"
    );
    let _ = writeln!(s, "|---|---|---:|---:|---:|---|---:|---:|---|");
    for f in &c.findings {
        let _ = writeln!(
            s,
            "| {} | {} | {:.3} | {:.3} | {:+.3} | [{:+.3}, {:+.3}] | {:.3} | −{:.3} | {} |",
            cell(&f.system),
            f.metric,
            f.base,
            f.head,
            f.difference,
            f.ci_lower,
            f.ci_upper,
            f.p_value,
            f.allowed,
            if f.regression { "regression" } else { "" }
        );
    }
    if !c.problem_changes.is_empty() {
        let _ = writeln!(
            s,
            "\n<details><summary>eff@1 changes per problem ({})</summary>\n",
            c.problem_changes.len()
        );
        let _ = writeln!(
            s,
            "| system | problem | base | head | Δ |\n|---|---|---:|---:|---:|"
        );
        for p in c.problem_changes.iter().take(30) {
            let _ = writeln!(
                s,
                "| {} | {} | {:.3} | {:.3} | {:+.3} |",
                cell(&p.system),
                cell(&p.problem),
                p.base,
                p.head,
                p.head - p.base
            );
        }
        let _ = writeln!(s, "\n</details>");
    }
    for (label, list) in [
        ("only in base", &c.only_in_base),
        ("only in head", &c.only_in_head),
    ] {
        if !list.is_empty() {
            let names: Vec<String> = list.iter().map(|name| cell(name)).collect();
            let _ = writeln!(s, "\nSystems {label}: {}", names.join(", "));
        }
    }
    s
}
