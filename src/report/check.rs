//! `fuelgauge problems check`'s table.

use super::format::short;
use super::table::{Layout, finish, new_table};
use crate::problem::Kind;
use crate::schema::{ProblemCheck, SLOW_SCORE_LIMIT};

/// The check of every problem: the reference's fuel per level, the budget, the slow
/// solutions' scores, and whether the problem is sound.
pub fn render_check_table(checks: &[ProblemCheck], layout: Layout) -> String {
    let mut table = new_table(
        layout,
        &[
            "problem", "kind", "tests", "ref", "T*0", "T*1", "T*2", "T*3", "budget", "slow e",
            "status",
        ],
        &[2, 4, 5, 6, 7, 8, 9],
    );
    for c in checks {
        let status = if c.failures.is_empty() {
            "ok"
        } else {
            "FAILED"
        };
        let kind = match c.kind {
            Kind::Stdio => "stdio",
            Kind::Function => "function",
        };
        if c.yardsticks.is_empty() {
            let mut row = vec![c.id.clone(), kind.to_owned(), c.tests.to_string()];
            row.extend(std::iter::repeat_n("-".to_owned(), 7));
            row.push(status.to_owned());
            table.add_row(row);
        }
        for (i, (family, y)) in c.yardsticks.iter().enumerate() {
            let mut levels: Vec<String> = y.per_level.iter().map(|&f| short(f)).collect();
            levels.resize(4, "-".into());
            let slow: Vec<String> = c
                .slow
                .iter()
                .filter(|s| s.language.family() == *family)
                .map(|s| {
                    if s.passed {
                        format!("{:.2}", s.score)
                    } else {
                        s.verdict.name().to_owned()
                    }
                })
                .collect();
            let first = i == 0;
            let mut row = vec![
                if first { c.id.clone() } else { String::new() },
                if first {
                    kind.to_owned()
                } else {
                    String::new()
                },
                if first {
                    c.tests.to_string()
                } else {
                    String::new()
                },
                y.language.name().to_owned(),
            ];
            row.extend(levels);
            row.push(short(y.budget));
            row.push(if slow.is_empty() {
                "-".into()
            } else {
                slow.join(",")
            });
            row.push(if first { status } else { "" }.to_owned());
            table.add_row(row);
        }
    }
    format!(
        "{}T*l: the reference's largest fuel on level l; budget T = alpha * max T*l; slow solutions must score e < {SLOW_SCORE_LIMIT}\n",
        finish(&table)
    )
}
