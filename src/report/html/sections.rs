//! The problems part of the page: a table of contents, then per problem its facts, the plot,
//! a table of each system's best sample and the failures' details.

use std::collections::{BTreeMap, BTreeSet};

use maud::{Markup, html};

use super::figure::{family_name, figure, growth_text, swatch};
use super::text::{Text, abbreviate};
use crate::problem::Kind;
use crate::report::failure;
use crate::report::format::{fixed, plural, short, trimmed};
use crate::report::table::problem_has_levels;
use crate::schema::{ProblemProvenance, ProblemReport, SampleReport, ScoreReport};

/// Failing samples listed per system and problem; the rest are counted.
const FAILURES_SHOWN: usize = 5;
/// Characters of a diff, error message or list of names shown.
pub(super) const DETAIL_CHARS: usize = 600;

/// One system's samples of one problem.
pub(super) struct Attempt<'a> {
    /// Position in name order: colour and tie-break.
    pub order: usize,
    pub name: &'a str,
    pub problem: &'a ProblemReport,
    /// The best passing sample, drawn in the plot.
    pub best: Option<&'a SampleReport>,
}

/// Every problem id, from the provenance and from the systems, in order.
pub(super) fn all_problem_ids(report: &ScoreReport) -> BTreeSet<&str> {
    let mut ids: BTreeSet<&str> = report
        .provenance
        .problems
        .keys()
        .map(String::as_str)
        .collect();
    for system in report.systems.values() {
        ids.extend(system.problems.keys().map(String::as_str));
    }
    ids
}

pub(super) fn problems(report: &ScoreReport) -> Markup {
    let ids = all_problem_ids(report);
    html! {
        section #problems {
            "\n"
            h2 { "Problems" }
            "\n"
            @if ids.is_empty() {
                p.note { "No problem was scored." }
                "\n"
            } @else {
                nav aria-label="Problems" {
                    "\n"
                    ol.toc {
                        "\n"
                        @for (index, id) in ids.iter().enumerate() {
                            li {
                                a href={ "#problem-" (index) } { (Text(id)) }
                                @if let Some(p) = report.provenance.problems.get(*id) {
                                    " " span.muted { (Text(&p.title)) }
                                }
                            }
                            "\n"
                        }
                    }
                    "\n"
                }
                "\n"
                @for (index, id) in ids.iter().enumerate() {
                    (problem(report, index, id))
                }
            }
        }
        "\n"
    }
}

fn problem(report: &ScoreReport, index: usize, id: &str) -> Markup {
    let provenance = report.provenance.problems.get(id);
    let mut attempts = Vec::new();
    let mut absent = Vec::new();
    for (order, (name, system)) in report.systems.iter().enumerate() {
        match system.problems.get(id) {
            Some(problem) => attempts.push(Attempt {
                order,
                name,
                problem,
                best: best_passing(&problem.samples),
            }),
            None => absent.push(name.as_str()),
        }
    }
    let excluded =
        provenance.is_some_and(|p| p.excluded) || attempts.iter().any(|a| a.problem.excluded);
    let no_pass: Vec<&str> = attempts
        .iter()
        .filter(|a| a.best.is_none())
        .map(|a| a.name)
        .collect();
    html! {
        section.problem id={ "problem-" (index) } {
            "\n"
            h3 {
                (Text(id))
                @if let Some(p) = provenance {
                    " " span.muted { (Text(&p.title)) }
                }
                @if excluded {
                    " " span.badge { "excluded from aggregates" }
                }
            }
            "\n"
            @match provenance {
                Some(p) => {
                    (facts(p))
                    (figure(index, id, p, &attempts))
                }
                None => {
                    p.note {
                        "No provenance for this problem in the report: sizes and reference costs \
                         are unknown, so there is no plot."
                    }
                    "\n"
                }
            }
            (name_note("No passing sample, so no line", &no_pass))
            (name_note("Did not attempt this problem", &absent))
            (sample_table(&attempts, problem_has_levels(report, id)))
            (failures(&attempts))
        }
        "\n"
    }
}

/// Kind, α, tests, sizes, weights and digest; then the reference costs and budgets.
fn facts(p: &ProblemProvenance) -> Markup {
    let kind = match p.kind {
        Kind::Stdio => "stdio",
        Kind::Function => "function",
    };
    let sizes: Vec<String> = p.sizes.iter().map(|&s| short(s)).collect();
    let weights: Vec<String> = p.weights.iter().map(|&w| trimmed(w, 3)).collect();
    html! {
        p.facts-line {
            (kind) " problem · α = " (trimmed(p.alpha, 3))
            " · " (p.tests) " test" (plural(p.tests))
            " · sizes " (joined(&sizes, ", ")) " · weights " (joined(&weights, ", "))
            " · sha256 " code { (Text(&abbreviate(&p.sha256, 12))) }
        }
        "\n"
        @if !p.references.is_empty() {
            p.facts-line {
                "Reference T*" sub { "l" } ": "
                @for (i, (family, yardstick)) in p.references.iter().enumerate() {
                    @let levels: Vec<String> =
                        yardstick.per_level.iter().map(|&f| short(f)).collect();
                    @if i > 0 { " · " }
                    (family_name(*family)) " (" (Text(yardstick.language.name())) ") "
                    (joined(&levels, " / ")) "; T = " (short(yardstick.budget))
                }
                " fuel"
            }
            "\n"
            p.facts-line {
                "Reference memory M*" sub { "l" } ": "
                @for (i, (family, yardstick)) in p.references.iter().enumerate() {
                    @let levels: Vec<String> =
                        yardstick.memory_per_level.iter().map(|&m| bytes(m)).collect();
                    @if i > 0 { " · " }
                    (family_name(*family)) " " (joined(&levels, " / "))
                    "; M = " (bytes(yardstick.memory_budget))
                    @if let Some(fit) = &yardstick.growth {
                        "; growth " (growth_text(fit))
                    }
                }
                @if let Some(class) = &p.complexity {
                    " · declared " (Text(class))
                }
            }
            "\n"
        }
    }
}

/// Bytes in KiB or MiB (`0 B`, `64 KiB`, `27.2 MiB`).
fn bytes(n: u64) -> String {
    match n {
        0..1024 => format!("{n} B"),
        1024..1_048_576 => format!("{} KiB", trimmed(n as f64 / 1024.0, 1)),
        _ => format!("{} MiB", trimmed(n as f64 / 1_048_576.0, 1)),
    }
}

/// The items joined by `separator`, or `—` when there are none.
fn joined(items: &[String], separator: &str) -> String {
    if items.is_empty() {
        "—".to_owned()
    } else {
        items.join(separator)
    }
}

/// `what: a, b, c.` with each system's name marked up; nothing when there are no names.
fn name_note(what: &str, names: &[&str]) -> Markup {
    html! {
        @if !names.is_empty() {
            p.note {
                (what) ": "
                @for (i, name) in names.iter().enumerate() {
                    @if i > 0 { ", " }
                    span.sys { (Text(name)) }
                }
                "."
            }
            "\n"
        }
    }
}

/// Per system: its best passing sample and score, passes of n, and failures by verdict.
fn sample_table(attempts: &[Attempt<'_>], levels: bool) -> Markup {
    if attempts.is_empty() {
        return html! {};
    }
    html! {
        table.samples {
            "\n"
            thead {
                "\n"
                tr {
                    th scope="col" { "System" }
                    th scope="col" { "Best passing sample" }
                    th scope="col" class="num" { "best e" }
                    th scope="col" class="num" title="its memory score" { "mem" }
                    th scope="col" class="num"
                        title="its growth exponent b (cost ∝ size^b), and the reference's over the same sizes" {
                        "growth b (ref)"
                    }
                    th scope="col" class="num" { "passed / n" }
                    th scope="col" { "Failing samples by verdict" }
                }
                "\n"
            }
            "\n"
            tbody {
                "\n"
                @for a in attempts {
                    (sample_row(a, levels))
                    "\n"
                }
            }
            "\n"
        }
        "\n"
    }
}

fn sample_row(a: &Attempt<'_>, levels: bool) -> Markup {
    let samples = &a.problem.samples;
    let passed = samples.iter().filter(|s| s.result.passed).count();
    let mut verdicts: BTreeMap<&str, usize> = BTreeMap::new();
    for s in samples.iter().filter(|s| !s.result.passed) {
        *verdicts.entry(s.result.verdict.name()).or_default() += 1;
    }
    html! {
        tr {
            th scope="row" { (swatch(a.order)) (Text(a.name)) }
            @match a.best {
                Some(best) => {
                    td {
                        code { (Text(&best.name)) }
                        " " span.muted { "(" (Text(best.result.language.name())) ")" }
                    }
                    @for value in [best.result.score, best.result.memory_score] {
                        td.num {
                            @if levels {
                                (fixed(value, 3))
                            } @else {
                                span.missing title="no scored levels" { "n/a" }
                            }
                        }
                    }
                    @match &best.result.growth {
                        Some(fit) => td.num title=(growth_text(fit)) {
                            (fixed(fit.exponent, 2)) " " (fit.label)
                            @if let Some(r) = best.result.reference_exponent {
                                " (ref " (fixed(r, 2)) ")"
                            }
                        },
                        None => td.num.missing { "—" },
                    }
                }
                None => {
                    td.missing { "none" }
                    td.num.missing { "—" }
                    td.num.missing { "—" }
                    td.num.missing { "—" }
                }
            }
            td.num { (passed) " / " (samples.len()) }
            td {
                @if verdicts.is_empty() { "—" }
                @for (i, (verdict, count)) in verdicts.iter().enumerate() {
                    @if i > 0 { ", " }
                    span.verdict { (Text(verdict)) } " × " (count)
                }
            }
        }
    }
}

/// The failing samples with their verdict and the first failed test's detail, folded.
fn failures(attempts: &[Attempt<'_>]) -> Markup {
    let total: usize = attempts.iter().map(|a| failing_of(a).len()).sum();
    if total == 0 {
        return html! {};
    }
    html! {
        details.failures {
            "\n"
            summary { "Failing samples (" (total) ")" }
            "\n"
            ul {
                "\n"
                @for a in attempts {
                    @let failing = failing_of(a);
                    @for s in failing.iter().take(FAILURES_SHOWN) {
                        (failing_sample(a.name, s))
                        "\n"
                    }
                    @if failing.len() > FAILURES_SHOWN {
                        li.muted {
                            "… and " (failing.len() - FAILURES_SHOWN) " more failing samples of "
                            span.sys { (Text(a.name)) }
                        }
                        "\n"
                    }
                }
            }
            "\n"
        }
        "\n"
    }
}

fn failing_of<'a>(a: &Attempt<'a>) -> Vec<&'a SampleReport> {
    a.problem
        .samples
        .iter()
        .filter(|s| !s.result.passed)
        .collect()
}

fn failing_sample(system: &str, s: &SampleReport) -> Markup {
    html! {
        li {
            span.sys { (Text(system)) }
            " " code { (Text(&s.name)) } ": "
            span.verdict { (Text(s.result.verdict.name())) }
            @if let Some(test) = failure::first_failed(&s.result.tests) {
                " on test " code { (Text(&test.name)) } " (level " (test.level) ")"
                @if let Some(detail) = failure::detail(&test.verdict) {
                    "\n"
                    pre { (Text(&abbreviate(detail, DETAIL_CHARS))) }
                }
            }
        }
    }
}

/// The passing sample with the highest score (ties: the first by name).
fn best_passing(samples: &[SampleReport]) -> Option<&SampleReport> {
    samples.iter().filter(|s| s.result.passed).min_by(|a, b| {
        b.result
            .score
            .total_cmp(&a.result.score)
            .then_with(|| a.name.cmp(&b.name))
    })
}
