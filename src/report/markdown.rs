//! A PR-comment-sized summary, also fit for `$GITHUB_STEP_SUMMARY`.

use std::fmt::Write as _;

use super::table::{measures_efficiency, median};
use crate::schema::ScoreReport;

pub fn render_markdown(report: &ScoreReport) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "## fuelgauge {}\n", report.version);
    let _ = writeln!(
        s,
        "| system | k | problems | samples | pass@k | eff@k | censored | median t/T* |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---|---|---:|---:|");
    for (name, system) in &report.systems {
        for st in &system.stats {
            let eff = if measures_efficiency(report, name) {
                format!(
                    "**{:.3}** [{:.3}, {:.3}]",
                    st.eff_at_k.value, st.eff_at_k.ci.lower, st.eff_at_k.ci.upper
                )
            } else {
                "n/a (no levels)".into()
            };
            let _ = writeln!(
                s,
                "| {name} | {} | {} | {} | {:.3} [{:.3}, {:.3}] | {eff} | {} | {} |",
                st.k,
                st.problems,
                st.samples,
                st.pass_at_k.value,
                st.pass_at_k.ci.lower,
                st.pass_at_k.ci.upper,
                st.censoring
                    .rate
                    .map_or("-".into(), |r| format!("{:.1}%", r * 100.0)),
                median(st)
            );
        }
    }
    let failing: Vec<String> = report
        .systems
        .iter()
        .flat_map(|(name, sys)| {
            sys.problems
                .iter()
                .filter(|(_, p)| p.samples.iter().all(|x| !x.result.passed))
                .map(move |(id, _)| format!("{name}/{id}"))
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
            report.warnings.join("; ")
        );
    }
    let _ = writeln!(
        s,
        "\n<sub>k-sample estimators are unbiased (pass@k: Chen et al.; eff@k: ENAMEL); 95% bootstrap intervals over problems; cost is wasmtime {} fuel.</sub>",
        report.provenance.wasmtime
    );
    s
}
