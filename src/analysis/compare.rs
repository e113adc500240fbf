//! `fuelgauge compare BASE HEAD`: is the head a real regression from the base?
//!
//! Per system present in both, each gated metric's difference (head − base) comes from the
//! paired comparison over the problems both scored. A drop larger than the allowed regression
//! counts only when its interval excludes zero (the drop is real, not noise), unless
//! `strict`. Per problem, the eff@k changes are listed for reading.

use super::{paired_difference, problem_samples};
use crate::schema::{Comparison, Finding, Metric, ProblemChange, ScoreReport, Status};
use crate::stats::{self, StatsConfig, score_problem};

/// Why two results cannot be compared, failing closed: no system in common (a renamed
/// solutions folder would otherwise pass any gate), a problem that changed, costs measured by
/// another runtime or fuelgauge version, or (unless `allow_partial`) a system that covers other
/// problems in head than in base.
pub fn refusals(base: &ScoreReport, head: &ScoreReport, allow_partial: bool) -> Vec<String> {
    let mut why = Vec::new();
    let shared: Vec<&String> = base
        .systems
        .keys()
        .filter(|k| head.systems.contains_key(*k))
        .collect();
    if shared.is_empty() {
        let names = |r: &ScoreReport| {
            let v: Vec<&str> = r.systems.keys().map(String::as_str).collect();
            if v.is_empty() {
                "none".into()
            } else {
                v.join(", ")
            }
        };
        why.push(format!(
            "base and head share no system (base: {}; head: {}); compare scores the same systems, so name them alike (`score --system NAME`)",
            names(base),
            names(head)
        ));
    }
    let (bp, hp) = (&base.provenance, &head.provenance);
    for (what, b, h) in [
        ("tool", &base.tool, &head.tool),
        ("fuelgauge version", &base.version, &head.version),
        ("Python runtime", &bp.python_runtime, &hp.python_runtime),
        ("wasmtime version", &bp.wasmtime, &hp.wasmtime),
        ("cost model", &bp.cost_model, &hp.cost_model),
    ] {
        if b != h {
            why.push(format!(
                "the {what} differs (base {b}, head {h}): costs are not comparable; score the base again with this fuelgauge"
            ));
        }
    }
    // A compiler both used must be the same build: its code sets C and C++ costs.
    for (language, b) in &bp.compilers {
        if let Some(h) = hp.compilers.get(language)
            && b != h
        {
            why.push(format!(
                "the {language} compiler differs (base `{b}`, head `{h}`): costs are not comparable; score both with the same toolchain"
            ));
        }
    }
    // Every problem a shared system scored must be described, identically, on both sides:
    // the same files and the same reference costs.
    let scored: std::collections::BTreeSet<&String> = shared
        .iter()
        .flat_map(|name| {
            base.systems[*name]
                .problems
                .keys()
                .chain(head.systems[*name].problems.keys())
        })
        .collect();
    for id in scored {
        match (bp.problems.get(id), hp.problems.get(id)) {
            (Some(b), Some(h)) if b.sha256 != h.sha256 => why.push(format!(
                "problem `{id}` changed between base (sha256 {}) and head ({}): score the base again on the same problems",
                short_hash(&b.sha256),
                short_hash(&h.sha256)
            )),
            (Some(b), Some(h)) if b != h => why.push(format!(
                "problem `{id}` has the same files but other reference costs or settings in base and head: the results were not made by the same fuelgauge run of that problem"
            )),
            (Some(_), Some(_)) => {}
            (b, _) => why.push(format!(
                "problem `{id}` is scored but not described in the {} provenance: the file was edited or truncated",
                if b.is_none() { "base" } else { "head" }
            )),
        }
    }
    if !allow_partial {
        for name in base
            .systems
            .keys()
            .filter(|k| !head.systems.contains_key(*k))
        {
            why.push(format!(
                "system `{name}` is in base but not in head (renamed or dropped?); name it alike (`score --system NAME`) or pass --allow-partial to compare the systems both have"
            ));
        }
        for name in &shared {
            let (b, h) = (&base.systems[*name].problems, &head.systems[*name].problems);
            let missing_in_head: Vec<&str> = b
                .keys()
                .filter(|k| !h.contains_key(*k))
                .map(String::as_str)
                .collect();
            let new_in_head: Vec<&str> = h
                .keys()
                .filter(|k| !b.contains_key(*k))
                .map(String::as_str)
                .collect();
            if !missing_in_head.is_empty() || !new_in_head.is_empty() {
                let list = |v: &[&str]| {
                    if v.is_empty() {
                        "none".to_owned()
                    } else {
                        super::first_few(v)
                    }
                };
                why.push(format!(
                    "system `{name}` covers {} problems in base and {} in head (not in head: {}; not in base: {}); pass --allow-partial to compare the problems both scored",
                    b.len(),
                    h.len(),
                    list(&missing_in_head),
                    list(&new_in_head),
                ));
            }
        }
    }
    why
}

/// The first 12 characters of a digest, for a message. Characters, not bytes: the digest is
/// read from a file and may hold anything, and a cut inside a character would panic.
fn short_hash(sha256: &str) -> String {
    sha256.chars().take(12).collect()
}

pub fn compare(
    base: &ScoreReport,
    head: &ScoreReport,
    gates: &[(Metric, f64)],
    strict: bool,
    allow_partial: bool,
) -> Result<Comparison, stats::StatsError> {
    let mut out = Comparison {
        schema_version: 1,
        status: Status::Ok,
        errors: refusals(base, head, allow_partial),
        findings: Vec::new(),
        problem_changes: Vec::new(),
        only_in_base: base
            .systems
            .keys()
            .filter(|k| !head.systems.contains_key(*k))
            .cloned()
            .collect(),
        only_in_head: head
            .systems
            .keys()
            .filter(|k| !base.systems.contains_key(*k))
            .cloned()
            .collect(),
    };
    if !out.errors.is_empty() {
        out.status = Status::Error;
        return Ok(out);
    }
    for (name, b) in &base.systems {
        let Some(h) = head.systems.get(name) else {
            continue;
        };
        let (bs, hs) = (problem_samples(base, b), problem_samples(head, h));
        for &(metric, allowed) in gates {
            let config = StatsConfig {
                k: metric.k,
                include_excluded: head.settings.include_excluded,
                bootstrap: head.settings.bootstrap,
            };
            let d = paired_difference(metric, &bs, &hs, &config)?;
            let dropped = d.difference < -allowed;
            let real = strict || d.ci.upper < 0.0;
            out.findings.push(Finding {
                system: name.clone(),
                metric: metric.to_string(),
                base: d.a,
                head: d.b,
                difference: d.difference,
                ci_lower: d.ci.lower,
                ci_upper: d.ci.upper,
                p_value: d.p_value,
                allowed,
                regression: dropped && real,
            });
        }
        for p in &bs {
            let Some(q) = hs.iter().find(|q| q.id == p.id) else {
                continue;
            };
            let k = 1.min(p.samples.len()).min(q.samples.len()).max(1);
            if let (Ok(x), Ok(y)) = (score_problem(p, k), score_problem(q, k))
                && (x.eff_at_k - y.eff_at_k).abs() > 1e-12
            {
                out.problem_changes.push(ProblemChange {
                    system: name.clone(),
                    problem: p.id.clone(),
                    base: x.eff_at_k,
                    head: y.eff_at_k,
                });
            }
        }
    }
    out.problem_changes.sort_by(|a, b| {
        (a.head - a.base)
            .total_cmp(&(b.head - b.base))
            .then_with(|| (&a.system, &a.problem).cmp(&(&b.system, &b.problem)))
    });
    if out.findings.iter().any(|f| f.regression) {
        out.status = Status::Regression;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture;

    #[test]
    fn a_changed_problem_with_a_non_ascii_digest_is_refused_not_a_panic() {
        // Seen writing the `results_json` fuzz target: the digest was cut at byte 12, inside `é`.
        let base = fixture::report();
        let mut head = fixture::report();
        head.provenance
            .problems
            .get_mut("sum")
            .expect("the fixture has `sum`")
            .sha256 = "0123456789aé-edited".to_owned();
        let why = refusals(&base, &head, false);
        assert!(
            why.iter()
                .any(|w| w.contains("problem `sum` changed") && w.contains("(0123456789aé)")),
            "{why:?}"
        );
    }
}
