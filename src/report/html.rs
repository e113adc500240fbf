//! The HTML report of `fuelgauge score`: one self-contained, static page.
//!
//! The page loads nothing: its Content-Security-Policy (`default-src 'none'`) forbids every
//! external resource, the CSS and the small vanilla script are inline and the plots are inline
//! SVG, so it works offline and from a CI artifact. It shows, in order:
//!
//! 1. the tool, schema version, settings (k, bootstrap) and provenance;
//! 2. the leaderboard, one row per system: pass@k and eff@k with their bootstrap intervals for
//!    every k, the censoring rate, the Kaplan–Meier median cost ratio t/T*, and the numbers of
//!    problems and samples; sorted by eff@1 (descending, ties by name) and re-sortable by
//!    clicking any column header; eff@k is "n/a" for a system none of whose problems has
//!    scored levels; with `--metric speedup`, PIE's speedup, %Opt and %Correct follow;
//! 3. per problem, a log–log plot of fuel against input size — the reference's T*_l for each
//!    family, the budget T (dashed), and one line per system through the levels of its best
//!    passing sample, with levels that ran out of fuel drawn at T as ▲ ("≥ T") — then a table
//!    of each system's best score, passes and failing verdicts, and the failures' details;
//! 4. the warnings.
//!
//! The leaderboard's page ([`render_leaderboard_html`]) adds the ranking before the systems:
//! over the problems every system scored, with coverage and the paired comparison of
//! neighbours.
//!
//! Every string taken from the report is escaped. The output depends on the report alone:
//! maps are iterated in key order and numbers printed with fixed precision, so equal reports
//! give byte-identical pages.
//!
//! # Script hooks
//!
//! Sorting reads each cell's `data-value`: a space-separated tuple of numbers compared
//! lexicographically (a censored median `> 2` is `1 2`, after every estimated median `0 x`);
//! cells without one (no data) go last in either direction, and ties keep name order
//! (`data-order` on each row). For tests in a real browser: `window.onerror` appends every
//! uncaught error to `data-errors` on `<body>`, the script sets `data-script="ready"` once it
//! has run, and with `#selftest` in the URL it clicks the censoring column's header twice after
//! the page has loaded, recording the first row's system name after each click in
//! `data-selftest` (ascending) and `data-selftest-toggled` (descending), and in
//! `data-selftest-aria` the clicked header's `aria-sort` followed by how many headers carry one.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::candidate::Family;
use crate::problem::Kind;
use crate::schema::TestVerdict;
use crate::schema::{ProblemProvenance, ProblemReport, SampleReport, ScoreReport, SystemReport};
use crate::schema::{Share, TestResult, Yardstick};
use crate::stats::{Estimate, Quantile, SystemSummary};

use super::table::{leaderboard_cells, measures_efficiency};
use crate::analysis::leaderboard::ranked_on;
use crate::schema::{Leaderboard, LevelScore};

/// Appends formatted text to a `String`.
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {
        $out.write_fmt(format_args!($($arg)*)).expect("writing to a String cannot fail")
    };
}

/// Line colours of systems (Okabe–Ito, without the yellow that vanishes on white), by the
/// system's position in name order; past the palette, dash patterns tell systems apart.
const PALETTE: [&str; 7] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7b3294",
];
const DASHES: [&str; 3] = ["", "7 3", "2 3"];

/// Failing samples listed per system and problem; the rest are counted.
const FAILURES_SHOWN: usize = 5;
/// Characters of a diff or error message shown.
const DETAIL_CHARS: usize = 600;

/// Renders the whole page.
pub fn render_html(report: &ScoreReport) -> String {
    page(report, None)
}

/// The page of `fuelgauge leaderboard -o x.html`: the ranking first, then the merged results
/// as [`render_html`] shows them.
pub fn render_leaderboard_html(board: &Leaderboard, merged: &ScoreReport) -> String {
    page(merged, Some(board))
}

fn page(report: &ScoreReport, ranking: Option<&Leaderboard>) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let title = match ranking {
        Some(_) => "fuelgauge leaderboard",
        None => "fuelgauge score report",
    };
    head(&mut out, report, title);
    intro(&mut out, report, title);
    if let Some(board) = ranking {
        ranking_section(&mut out, board);
    }
    leaderboard(&mut out, report, ranking.is_some());
    speedup_section(&mut out, report);
    problems(&mut out, report);
    warnings(&mut out, report);
    put!(
        out,
        "</main>\n<footer><p>Written by {} {}. This page is self-contained: it loads nothing \
         from the network.</p></footer>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n",
        esc(&report.tool),
        esc(&report.version)
    );
    out
}

// ---------------------------------------------------------------------------------------------
// Page sections
// ---------------------------------------------------------------------------------------------

fn head(out: &mut String, report: &ScoreReport, title: &str) {
    put!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"{} {}\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n\
         <script>\n{ERROR_HOOK}</script>\n</head>\n<body data-errors=\"\">\n",
        esc(&report.tool),
        esc(&report.version),
        esc(title)
    );
}

fn intro(out: &mut String, report: &ScoreReport, title: &str) {
    let problem_ids = all_problem_ids(report);
    put!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"lede\">{} system{}, {} problem{}",
        esc(title),
        report.systems.len(),
        plural(report.systems.len()),
        problem_ids.len(),
        plural(problem_ids.len())
    );
    if !report.warnings.is_empty() {
        put!(
            out,
            ", <a href=\"#warnings\">{} warning{}</a>",
            report.warnings.len(),
            plural(report.warnings.len())
        );
    }
    out.push_str(
        ". Cost is WebAssembly fuel under wasmtime: deterministic, identical on every \
         machine.</p>\n</header>\n<main>\n",
    );

    let settings = &report.settings;
    let bootstrap = &settings.bootstrap;
    let ks: Vec<String> = settings.k.iter().map(usize::to_string).collect();
    out.push_str("<section id=\"settings\">\n<h2>Settings</h2>\n<dl class=\"facts\">\n");
    put!(
        out,
        "<dt>Tool</dt><dd>{} {}</dd>\n<dt>Schema version</dt><dd>{}</dd>\n",
        esc(&report.tool),
        esc(&report.version),
        report.schema_version
    );
    put!(
        out,
        "<dt>k</dt><dd>{}</dd>\n<dt>Excluded problems</dt><dd>{}</dd>\n",
        if ks.is_empty() {
            "—".to_owned()
        } else {
            ks.join(", ")
        },
        if settings.include_excluded {
            "included in aggregates"
        } else {
            "left out of aggregates"
        }
    );
    put!(
        out,
        "<dt>Bootstrap</dt><dd>{} resamples of problems, seed {}, {} confidence</dd>\n",
        bootstrap.resamples,
        bootstrap.seed,
        percent(bootstrap.confidence)
    );
    let provenance = &report.provenance;
    put!(
        out,
        "<dt>wasmtime</dt><dd>{}</dd>\n<dt>Python</dt><dd>{}</dd>\n",
        or_dash(&provenance.wasmtime),
        or_dash(&provenance.python)
    );
    for (language, version) in &provenance.compilers {
        put!(
            out,
            "<dt>Compiler ({})</dt><dd>{}</dd>\n",
            esc(language),
            or_dash(version)
        );
    }
    out.push_str("</dl>\n</section>\n");
}

fn leaderboard(out: &mut String, report: &ScoreReport, ranked: bool) {
    let ks = leaderboard_ks(report);
    let primary = ks.iter().copied().find(|&k| k == 1).or(ks.first().copied());
    let confidence = percent(report.settings.bootstrap.confidence);

    // Name order (the map's) gives colours and the tie-break; eff@1 descending the rows.
    let mut rows: Vec<(usize, &String, &SystemReport)> = report
        .systems
        .iter()
        .enumerate()
        .map(|(i, (name, system))| (i, name, system))
        .collect();
    let eff = |system: &SystemReport| {
        primary
            .and_then(|k| summary_for(system, k))
            .map(|s| s.eff_at_k.value)
            .filter(|v| v.is_finite())
    };
    rows.sort_by(|a, b| match (eff(a.2), eff(b.2)) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });

    out.push_str(if ranked {
        "<section id=\"leaderboard-section\">\n<h2>Per-system results</h2>\n<p class=\"note\">\
         Each system over the problems it scored (the ranking above is over the common ones).</p>\n"
    } else {
        "<section id=\"leaderboard-section\">\n<h2>Leaderboard</h2>\n"
    });
    if rows.is_empty() {
        out.push_str("<p class=\"note\">No system was scored.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<div class=\"scroll\">\n<table id=\"leaderboard\">\n<caption>One row per system. \
         Click a column header to sort by it; click again to reverse.</caption>\n<thead>\n<tr>",
    );
    header_cell(
        out,
        "col-system",
        "ascending",
        false,
        "System name",
        "System",
    );
    for &k in &ks {
        header_cell(
            out,
            &format!("col-pass-{k}"),
            "descending",
            false,
            &format!(
                "Unbiased pass@{k}: the chance that at least one of {k} samples passes, mean over \
                 problems, with its {confidence} bootstrap interval"
            ),
            &format!("pass@{k}"),
        );
        header_cell(
            out,
            &format!("col-eff-{k}"),
            "descending",
            Some(k) == primary,
            &format!(
                "ENAMEL eff@{k}: expected best efficiency score of {k} samples (1 = as fast as \
                 the reference, above 1 = faster), mean over problems, with its {confidence} \
                 bootstrap interval"
            ),
            &format!("eff@{k}"),
        );
    }
    header_cell(
        out,
        "col-censoring",
        "ascending",
        false,
        "Share of scored level runs that ran out of fuel (right-censored at the budget T)",
        "censored",
    );
    header_cell(
        out,
        "col-median",
        "ascending",
        false,
        &format!(
            "Kaplan–Meier median of the cost ratio t/T* (fuel relative to the reference, per \
             level), with its {confidence} bootstrap interval; \u{201c}> x\u{201d}: more than \
             half the runs are only known to cost more than x"
        ),
        "median t/T*",
    );
    header_cell(
        out,
        "col-problems",
        "descending",
        false,
        "Problems aggregated",
        "problems",
    );
    header_cell(
        out,
        "col-samples",
        "descending",
        false,
        "Samples over the aggregated problems",
        "samples",
    );
    out.push_str("</tr>\n</thead>\n<tbody>\n");

    for (order, name, system) in rows {
        put!(
            out,
            "<tr data-order=\"{order}\"><th scope=\"row\" data-value=\"{order}\">{}{}</th>",
            swatch(order),
            esc(name)
        );
        let efficiency = measures_efficiency(report, name);
        for &k in &ks {
            let summary = summary_for(system, k);
            estimate_cell(out, summary.map(|s| &s.pass_at_k));
            if efficiency {
                estimate_cell(out, summary.map(|s| &s.eff_at_k));
            } else {
                out.push_str(NO_LEVELS_CELL);
            }
        }
        let first = system.stats.first();
        censoring_cell(out, first);
        median_cell(out, first);
        match first {
            Some(s) => {
                let excluded = if s.excluded > 0 && !s.include_excluded {
                    format!(
                        " title=\"{} excluded problem{} left out\"",
                        s.excluded,
                        plural(s.excluded)
                    )
                } else {
                    String::new()
                };
                put!(
                    out,
                    "<td class=\"num\" data-value=\"{p}\"{excluded}>{p}</td>\
                     <td class=\"num\" data-value=\"{n}\">{n}</td>",
                    p = s.problems,
                    n = s.samples
                );
            }
            None => out.push_str(MISSING_CELL.repeat(2).as_str()),
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    let bootstrap = &report.settings.bootstrap;
    put!(
        out,
        "<p class=\"note\">Values are means over problems, each weighted equally; brackets hold \
         {confidence} percentile bootstrap intervals ({} resamples of problems, seed {}). \
         Rows are in order of {} (descending, ties by name).</p>\n</section>\n",
        bootstrap.resamples,
        bootstrap.seed,
        primary.map_or_else(|| "name".to_owned(), |k| format!("eff@{k}"))
    );
}

const MISSING_CELL: &str = "<td class=\"num missing\">—</td>";
/// eff@k of a system none of whose problems has scored levels (HumanEval imports).
const NO_LEVELS_CELL: &str =
    "<td class=\"num missing\" title=\"no problem has scored levels: pass@k only\">n/a</td>";

/// The ranking of `fuelgauge leaderboard`, in its order: value with interval, coverage and the
/// paired comparison with the next system down.
fn ranking_section(out: &mut String, board: &Leaderboard) {
    put!(
        out,
        "<section id=\"ranking-section\">\n<h2>Ranking by {}</h2>\n<p class=\"{}\">{}</p>\n\
         <div class=\"scroll\">\n<table id=\"ranking\">\n<thead>\n<tr><th scope=\"col\" \
         class=\"num\">Rank</th><th scope=\"col\">System</th><th scope=\"col\" class=\"num\">{} \
         <span class=\"ci\">[95% CI]</span></th><th scope=\"col\" class=\"num\" title=\"Problems \
         scored, of those some system scored\">Coverage</th><th scope=\"col\" class=\"num\" \
         title=\"This system minus the next, paired over the common problems\">vs next: Δ \
         <span class=\"ci\">[95% CI]</span></th><th scope=\"col\" class=\"num\" title=\"Sign-flip \
         permutation p-value\">p</th><th scope=\"col\" title=\"The interval of Δ excludes \
         0\">Distinguishable</th></tr>\n</thead>\n<tbody>\n",
        esc(&board.metric),
        if board.partial { "note warn" } else { "note" },
        esc(&ranked_on(board)),
        esc(&board.metric)
    );
    for e in &board.entries {
        let (value, (difference, p, distinguishable)) = leaderboard_cells(board, e, false);
        let split = |text: &str| -> String {
            match text.split_once(' ') {
                Some((v, ci)) => format!("{} <span class=\"ci\">{}</span>", esc(v), esc(ci)),
                None => esc(text),
            }
        };
        let missing = if e.coverage.missing.is_empty() {
            String::new()
        } else {
            format!(
                " title=\"missing: {}\"",
                esc(&abbreviate(&e.coverage.missing.join(", "), DETAIL_CHARS))
            )
        };
        put!(
            out,
            "<tr><td class=\"num\">{}</td><th scope=\"row\">{}</th><td class=\"num\">{}</td>\
             <td class=\"num\"{missing}>{}/{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td>{}</td></tr>\n",
            e.rank,
            esc(&e.system),
            split(&value),
            e.coverage.scored,
            e.coverage.union,
            split(&difference),
            esc(&p),
            esc(&distinguishable)
        );
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
}

/// PIE's figures per system, when the results were scored with `--metric speedup`.
fn speedup_section(out: &mut String, report: &ScoreReport) {
    let Some(speedups) = &report.speedup else {
        return;
    };
    let thresholds: Vec<&String> = speedups
        .values()
        .next()
        .map(|sp| sp.percent_opt.keys().collect())
        .unwrap_or_default();
    out.push_str(
        "<section id=\"speedup-section\">\n<h2>Speedup over the original program (PIE)</h2>\n\
         <div class=\"scroll\">\n<table id=\"speedup\">\n<thead>\n<tr><th scope=\"col\">System</th>\
         <th scope=\"col\" class=\"num\">problems</th><th scope=\"col\" class=\"num\" \
         title=\"fuel(original) / fuel(best correct candidate), at least 1, mean over \
         problems\">mean speedup</th><th scope=\"col\" class=\"num\" title=\"The same ratio \
         without the clamp at 1\">unclamped</th>",
    );
    for t in &thresholds {
        put!(
            out,
            "<th scope=\"col\" class=\"num\" title=\"Share of problems with speedup ≥ {0}\">%Opt ≥ {0}</th>",
            esc(t)
        );
    }
    out.push_str(
        "<th scope=\"col\" class=\"num\">%Correct</th><th scope=\"col\" class=\"num\" \
         title=\"Share of samples that ran out of fuel\">out of fuel</th></tr>\n</thead>\n<tbody>\n",
    );
    let share = |s: &Share| {
        format!(
            "{}% <span class=\"ci\">[{}, {}]</span>",
            fixed(s.value * 100.0, 1),
            fixed(s.ci.lower * 100.0, 1),
            fixed(s.ci.upper * 100.0, 1)
        )
    };
    let ratio = |s: &Share| {
        format!(
            "{}× <span class=\"ci\">[{}, {}]</span>",
            fixed(s.value, 2),
            fixed(s.ci.lower, 2),
            fixed(s.ci.upper, 2)
        )
    };
    for (name, sp) in speedups {
        put!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td>",
            esc(name),
            sp.problems,
            ratio(&sp.mean_speedup),
            ratio(&sp.mean_unclamped)
        );
        for t in &thresholds {
            put!(
                out,
                "<td class=\"num\">{}</td>",
                sp.percent_opt.get(*t).map_or_else(|| "—".to_owned(), share)
            );
        }
        put!(
            out,
            "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            share(&sp.percent_correct),
            sp.censoring_rate.map_or_else(|| "—".to_owned(), percent)
        );
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
}

fn header_cell(out: &mut String, id: &str, first: &str, sorted: bool, title: &str, label: &str) {
    put!(
        out,
        "<th scope=\"col\" id=\"{id}\" data-first=\"{first}\"{} title=\"{}\"><button \
         type=\"button\">{}</button></th>",
        if sorted {
            " aria-sort=\"descending\""
        } else {
            ""
        },
        esc(title),
        esc(label)
    );
}

fn estimate_cell(out: &mut String, estimate: Option<&Estimate>) {
    match estimate.filter(|e| e.value.is_finite()) {
        Some(e) => put!(
            out,
            "<td class=\"num\" data-value=\"{}\">{} <span class=\"ci\">[{}, {}]</span></td>",
            fixed(e.value, 6),
            fixed(e.value, 3),
            fixed(e.ci.lower, 2),
            fixed(e.ci.upper, 2)
        ),
        None => out.push_str(MISSING_CELL),
    }
}

fn censoring_cell(out: &mut String, summary: Option<&SystemSummary>) {
    let Some(s) = summary else {
        out.push_str(MISSING_CELL);
        return;
    };
    let title = format!(
        "{} of {} scored level run{} ran out of fuel, in {} problem{}",
        s.censoring.censored,
        s.censoring.levels,
        plural(s.censoring.levels),
        s.censoring.problems_with_censoring,
        plural(s.censoring.problems_with_censoring)
    );
    match s.censoring.rate.filter(|r| r.is_finite()) {
        Some(rate) => put!(
            out,
            "<td class=\"num\" data-value=\"{}\" title=\"{}\">{}</td>",
            fixed(rate, 6),
            esc(&title),
            percent(rate)
        ),
        None => put!(
            out,
            "<td class=\"num missing\" title=\"no scored level runs\">—</td>"
        ),
    }
}

fn median_cell(out: &mut String, summary: Option<&SystemSummary>) {
    let Some(cost) = summary.and_then(|s| s.cost_ratio.as_ref()) else {
        out.push_str("<td class=\"num missing\" title=\"no level runs\">—</td>");
        return;
    };
    let km = &cost.kaplan_meier;
    let median = km.median;
    let interval = cost.median_ci.map_or_else(String::new, |ci| {
        format!(
            " <span class=\"ci\">[{}, {}]</span>",
            esc(&quantile_text(ci.lower)),
            esc(&quantile_text(ci.upper))
        )
    });
    put!(
        out,
        "<td class=\"num\" data-value=\"{}\" title=\"{}\">{}{interval}</td>",
        quantile_key(median),
        esc(&format!(
            "over {} level run{}, {} of them out of fuel; quartiles {} and {}",
            km.observations,
            plural(km.observations),
            km.censored,
            quantile_text(km.lower_quartile),
            quantile_text(km.upper_quartile)
        )),
        esc(&quantile_text(median))
    );
}

fn problems(out: &mut String, report: &ScoreReport) {
    let ids = all_problem_ids(report);
    out.push_str("<section id=\"problems\">\n<h2>Problems</h2>\n");
    if ids.is_empty() {
        out.push_str("<p class=\"note\">No problem was scored.</p>\n</section>\n");
        return;
    }
    out.push_str("<nav aria-label=\"Problems\">\n<ol class=\"toc\">\n");
    for (index, id) in ids.iter().enumerate() {
        let title = report
            .provenance
            .problems
            .get(*id)
            .map(|p| format!(" <span class=\"muted\">{}</span>", esc(&p.title)))
            .unwrap_or_default();
        put!(
            out,
            "<li><a href=\"#problem-{index}\">{}</a>{title}</li>\n",
            esc(id)
        );
    }
    out.push_str("</ol>\n</nav>\n");
    for (index, id) in ids.iter().enumerate() {
        problem(out, report, index, id);
    }
    out.push_str("</section>\n");
}

/// One system's samples of one problem.
struct Attempt<'a> {
    /// Position in name order: colour and tie-break.
    order: usize,
    name: &'a str,
    problem: &'a ProblemReport,
    best: Option<&'a SampleReport>,
}

fn problem(out: &mut String, report: &ScoreReport, index: usize, id: &str) {
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

    put!(
        out,
        "<section class=\"problem\" id=\"problem-{index}\">\n<h3>{}",
        esc(id)
    );
    if let Some(p) = provenance {
        put!(out, " <span class=\"muted\">{}</span>", esc(&p.title));
    }
    if excluded {
        out.push_str(" <span class=\"badge\">excluded from aggregates</span>");
    }
    out.push_str("</h3>\n");

    match provenance {
        Some(p) => {
            problem_facts(out, p);
            plot(out, index, id, p, &attempts);
        }
        None => out.push_str(
            "<p class=\"note\">No provenance for this problem in the report: sizes and \
             reference costs are unknown, so there is no plot.</p>\n",
        ),
    }
    let no_pass: Vec<&str> = attempts
        .iter()
        .filter(|a| a.best.is_none())
        .map(|a| a.name)
        .collect();
    name_note(out, "No passing sample, so no line", &no_pass);
    name_note(out, "Did not attempt this problem", &absent);
    sample_table(out, &attempts, super::table::problem_has_levels(report, id));
    failures(out, &attempts);
    out.push_str("</section>\n");
}

fn problem_facts(out: &mut String, p: &ProblemProvenance) {
    let kind = match p.kind {
        Kind::Stdio => "stdio",
        Kind::Function => "function",
    };
    let sizes: Vec<String> = p.sizes.iter().map(|&s| short(s)).collect();
    let weights: Vec<String> = p.weights.iter().map(|&w| trimmed(w, 3)).collect();
    put!(
        out,
        "<p class=\"facts-line\">{kind} problem · α = {} · {} test{} · sizes {} · weights {} · \
         sha256 <code>{}</code></p>\n",
        trimmed(p.alpha, 3),
        p.tests,
        plural(p.tests),
        if sizes.is_empty() {
            "—".to_owned()
        } else {
            sizes.join(", ")
        },
        if weights.is_empty() {
            "—".to_owned()
        } else {
            weights.join(", ")
        },
        esc(&abbreviate(&p.sha256, 12))
    );
    if !p.references.is_empty() {
        out.push_str("<p class=\"facts-line\">Reference T*<sub>l</sub>: ");
        for (i, (family, yardstick)) in p.references.iter().enumerate() {
            let levels: Vec<String> = yardstick.per_level.iter().map(|&f| short(f)).collect();
            put!(
                out,
                "{}{} ({}) {}; T = {}",
                if i > 0 { " · " } else { "" },
                family_name(*family),
                esc(yardstick.language.name()),
                if levels.is_empty() {
                    "—".to_owned()
                } else {
                    levels.join(" / ")
                },
                short(yardstick.budget)
            );
        }
        out.push_str(" fuel</p>\n");
    }
}

fn name_note(out: &mut String, what: &str, names: &[&str]) {
    if names.is_empty() {
        return;
    }
    let names: Vec<String> = names
        .iter()
        .map(|n| format!("<span class=\"sys\">{}</span>", esc(n)))
        .collect();
    put!(out, "<p class=\"note\">{what}: {}.</p>\n", names.join(", "));
}

fn sample_table(out: &mut String, attempts: &[Attempt<'_>], levels: bool) {
    if attempts.is_empty() {
        return;
    }
    out.push_str(
        "<table class=\"samples\">\n<thead>\n<tr><th scope=\"col\">System</th>\
         <th scope=\"col\">Best passing sample</th><th scope=\"col\" class=\"num\">best e</th>\
         <th scope=\"col\" class=\"num\">passed / n</th><th scope=\"col\">Failing samples by \
         verdict</th></tr>\n</thead>\n<tbody>\n",
    );
    for a in attempts {
        let samples = &a.problem.samples;
        let passed = samples.iter().filter(|s| s.result.passed).count();
        let mut verdicts: BTreeMap<&str, usize> = BTreeMap::new();
        for s in samples.iter().filter(|s| !s.result.passed) {
            *verdicts.entry(s.result.verdict.name()).or_default() += 1;
        }
        put!(
            out,
            "<tr><th scope=\"row\">{}{}</th>",
            swatch(a.order),
            esc(a.name)
        );
        match a.best {
            Some(best) => put!(
                out,
                "<td><code>{}</code> <span class=\"muted\">({})</span></td>\
                 <td class=\"num\">{}</td>",
                esc(&best.name),
                esc(best.result.language.name()),
                if levels {
                    fixed(best.result.score, 3)
                } else {
                    "<span class=\"missing\" title=\"no scored levels\">n/a</span>".to_owned()
                }
            ),
            None => out.push_str("<td class=\"missing\">none</td><td class=\"num missing\">—</td>"),
        }
        put!(
            out,
            "<td class=\"num\">{passed} / {}</td><td>",
            samples.len()
        );
        if verdicts.is_empty() {
            out.push('—');
        }
        for (i, (verdict, count)) in verdicts.iter().enumerate() {
            put!(
                out,
                "{}<span class=\"verdict\">{}</span> × {count}",
                if i > 0 { ", " } else { "" },
                esc(verdict)
            );
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn failures(out: &mut String, attempts: &[Attempt<'_>]) {
    let total: usize = attempts
        .iter()
        .map(|a| {
            a.problem
                .samples
                .iter()
                .filter(|s| !s.result.passed)
                .count()
        })
        .sum();
    if total == 0 {
        return;
    }
    put!(
        out,
        "<details class=\"failures\">\n<summary>Failing samples ({total})</summary>\n<ul>\n"
    );
    for a in attempts {
        let failing: Vec<&SampleReport> = a
            .problem
            .samples
            .iter()
            .filter(|s| !s.result.passed)
            .collect();
        for s in failing.iter().take(FAILURES_SHOWN) {
            put!(
                out,
                "<li><span class=\"sys\">{}</span> <code>{}</code>: <span \
                 class=\"verdict\">{}</span>",
                esc(a.name),
                esc(&s.name),
                esc(s.result.verdict.name())
            );
            if let Some(test) = first_failed_test(&s.result.tests) {
                put!(
                    out,
                    " on test <code>{}</code> (level {})",
                    esc(&test.name),
                    test.level
                );
                if let Some(detail) = verdict_detail(&test.verdict).filter(|d| !d.is_empty()) {
                    put!(
                        out,
                        "\n<pre>{}</pre>",
                        esc(&abbreviate(detail, DETAIL_CHARS))
                    );
                }
            }
            out.push_str("</li>\n");
        }
        if failing.len() > FAILURES_SHOWN {
            put!(
                out,
                "<li class=\"muted\">… and {} more failing samples of <span class=\"sys\">{}</span></li>\n",
                failing.len() - FAILURES_SHOWN,
                esc(a.name)
            );
        }
    }
    out.push_str("</ul>\n</details>\n");
}

fn warnings(out: &mut String, report: &ScoreReport) {
    if report.warnings.is_empty() {
        return;
    }
    put!(
        out,
        "<section id=\"warnings\">\n<h2>Warnings ({})</h2>\n<ul class=\"warnings\">\n",
        report.warnings.len()
    );
    for warning in &report.warnings {
        put!(out, "<li>{}</li>\n", esc(warning));
    }
    out.push_str("</ul>\n</section>\n");
}

// ---------------------------------------------------------------------------------------------
// The plot
// ---------------------------------------------------------------------------------------------

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 340.0;
const LEFT: f64 = 62.0;
const RIGHT: f64 = 78.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 46.0;

/// Where levels go horizontally.
enum XAxis {
    /// log10 of each level's input size (every level has one).
    Size(Vec<f64>),
    /// Level numbers, evenly spaced (the report has no size for some level).
    Level,
}

/// A linear map from `[lo, hi]` (data units: decades or levels) to `[start, end]` (pixels).
struct Scale {
    lo: f64,
    hi: f64,
    start: f64,
    end: f64,
}

impl Scale {
    fn at(&self, value: f64) -> f64 {
        self.start + (value - self.lo) / (self.hi - self.lo) * (self.end - self.start)
    }
}

/// log10 of a fuel or size, clamped to 1 so that zero can be drawn on a log axis.
fn log(value: u64) -> f64 {
    (value.max(1) as f64).log10()
}

/// The decades `[lo, hi]` that hold every value, at least one decade wide, never below 10^0.
fn decades(logs: &[f64]) -> (i32, i32) {
    let min = logs.iter().copied().fold(f64::INFINITY, f64::min);
    let max = logs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !(min.is_finite() && max.is_finite()) {
        return (0, 1);
    }
    let (mut lo, mut hi) = (min.floor() as i32, max.ceil() as i32);
    if hi <= lo {
        // One value exactly on a power of ten: centre it.
        lo -= 1;
        hi += 1;
    }
    if lo < 0 {
        hi = hi.max(1);
        lo = 0;
    }
    (lo, hi)
}

fn plot(out: &mut String, index: usize, id: &str, p: &ProblemProvenance, attempts: &[Attempt<'_>]) {
    let levels = p
        .references
        .values()
        .map(|y| y.per_level.len())
        .chain(
            attempts
                .iter()
                .filter_map(|a| a.best)
                .flat_map(|b| b.result.levels.iter().map(|l| l.level + 1)),
        )
        .max()
        .unwrap_or(0)
        .max(1);
    let x_axis = if p.sizes.len() >= levels {
        XAxis::Size(p.sizes.iter().map(|&s| log(s)).collect())
    } else {
        XAxis::Level
    };

    let mut y_logs: Vec<f64> = Vec::new();
    for yardstick in p.references.values() {
        y_logs.extend(yardstick.per_level.iter().map(|&f| log(f)));
        y_logs.push(log(yardstick.budget));
    }
    for best in attempts.iter().filter_map(|a| a.best) {
        y_logs.extend(best.result.levels.iter().filter_map(|l| l.fuel).map(log));
    }
    let (y_lo, y_hi) = decades(&y_logs);
    let y = Scale {
        lo: f64::from(y_lo),
        hi: f64::from(y_hi),
        start: HEIGHT - BOTTOM,
        end: TOP,
    };
    let x = match &x_axis {
        XAxis::Size(logs) => {
            let (lo, hi) = decades(&logs[..levels]);
            Scale {
                lo: f64::from(lo),
                hi: f64::from(hi),
                start: LEFT,
                end: WIDTH - RIGHT,
            }
        }
        XAxis::Level => Scale {
            lo: -0.5,
            hi: levels as f64 - 0.5,
            start: LEFT,
            end: WIDTH - RIGHT,
        },
    };
    let x_of = |level: usize| -> f64 {
        match &x_axis {
            XAxis::Size(logs) => x.at(logs[level]),
            XAxis::Level => x.at(level as f64),
        }
    };
    let size_text = |level: usize| -> String {
        match p.sizes.get(level) {
            Some(&size) => format!("level {level}, size {}", super::human::group(size)),
            None => format!("level {level}"),
        }
    };

    put!(
        out,
        "<figure>\n<svg class=\"plot\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-labelledby=\"plot-{index}-title plot-{index}-desc\">\n\
         <title id=\"plot-{index}-title\">Fuel per level of {}</title>\n\
         <desc id=\"plot-{index}-desc\">Log–log plot of fuel against input size: the reference \
         cost per family, the budget T (dashed) and each system's best passing sample; a \
         triangle marks a level that ran out of fuel, drawn at T.</desc>\n",
        esc(id)
    );
    // Frame, grid and ticks.
    put!(
        out,
        "<rect class=\"frame\" x=\"{LEFT}\" y=\"{TOP}\" width=\"{}\" height=\"{}\"/>\n",
        WIDTH - LEFT - RIGHT,
        HEIGHT - TOP - BOTTOM
    );
    for e in ticks(y_lo, y_hi) {
        let py = px(y.at(f64::from(e)));
        put!(
            out,
            "<line class=\"grid\" x1=\"{LEFT}\" y1=\"{py}\" x2=\"{}\" y2=\"{py}\"/>\
             <text class=\"tick\" x=\"{}\" y=\"{py}\" text-anchor=\"end\" \
             dominant-baseline=\"middle\">{}</text>\n",
            WIDTH - RIGHT,
            LEFT - 6.0,
            decade_label(e)
        );
    }
    let bottom = HEIGHT - BOTTOM;
    let x_ticks: Vec<(f64, String)> = match &x_axis {
        XAxis::Size(_) => ticks(x.lo as i32, x.hi as i32)
            .map(|e| (x.at(f64::from(e)), decade_label(e)))
            .collect(),
        XAxis::Level => (0..levels).map(|l| (x_of(l), format!("L{l}"))).collect(),
    };
    for (tx, label) in x_ticks {
        let tx = px(tx);
        put!(
            out,
            "<line class=\"grid\" x1=\"{tx}\" y1=\"{TOP}\" x2=\"{tx}\" y2=\"{bottom}\"/>\
             <text class=\"tick\" x=\"{tx}\" y=\"{}\" text-anchor=\"middle\">{label}</text>\n",
            bottom + 16.0
        );
    }
    put!(
        out,
        "<text class=\"axis\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n\
         <text class=\"axis\" transform=\"translate(14 {}) rotate(-90)\" \
         text-anchor=\"middle\">fuel (log scale)</text>\n",
        px((LEFT + WIDTH - RIGHT) / 2.0),
        HEIGHT - 8.0,
        match x_axis {
            XAxis::Size(_) => "input size (log scale)",
            XAxis::Level => "level (input sizes not in the report)",
        },
        px((TOP + HEIGHT - BOTTOM) / 2.0)
    );

    // Budgets, then references, then systems on top.
    for (i, (family, yardstick)) in p.references.iter().enumerate() {
        let at = y.at(log(yardstick.budget));
        let by = px(at);
        let color = family_color(*family);
        // Labels of two budgets could coincide: the second one goes under its line.
        let label_y = if i % 2 == 0 { at - 4.0 } else { at + 12.0 };
        put!(
            out,
            "<line class=\"budget\" x1=\"{LEFT}\" y1=\"{by}\" x2=\"{}\" y2=\"{by}\" \
             stroke=\"{color}\" stroke-dasharray=\"6 4\"><title>budget T ({}) = {} \
             fuel</title></line>\
             <text class=\"tick\" x=\"{}\" y=\"{}\" fill=\"{color}\">T {}</text>\n",
            WIDTH - RIGHT,
            family_name(*family),
            super::human::group(yardstick.budget),
            WIDTH - RIGHT + 4.0,
            px(label_y),
            family_name(*family)
        );
    }
    for (family, yardstick) in &p.references {
        let color = family_color(*family);
        let points: Vec<(usize, f64)> = yardstick
            .per_level
            .iter()
            .enumerate()
            .map(|(l, &f)| (l, y.at(log(f))))
            .collect();
        polyline(
            out,
            points.iter().map(|&(l, py)| (x_of(l), py)),
            color,
            "",
            2.5,
        );
        for &(l, py) in &points {
            let cx = x_of(l);
            put!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"7\" height=\"7\" fill=\"{color}\"><title>{} \
                 reference ({}), {}: T* = {} fuel</title></rect>\n",
                px(cx - 3.5),
                px(py - 3.5),
                family_name(*family),
                esc(yardstick.language.name()),
                size_text(l),
                super::human::group(yardstick.per_level[l])
            );
        }
    }
    for a in attempts {
        let Some(best) = a.best else { continue };
        let family = best.result.language.family();
        let budget = p.references.get(&family).map(|y: &Yardstick| y.budget);
        let (color, dash) = system_style(a.order);
        let points: Vec<(&LevelScore, f64, f64)> = best
            .result
            .levels
            .iter()
            .filter(|l| l.level < levels)
            .filter_map(|l| {
                let fuel = l.fuel.or(budget)?;
                Some((l, x_of(l.level), y.at(log(fuel))))
            })
            .collect();
        polyline(
            out,
            points.iter().map(|&(_, lx, ly)| (lx, ly)),
            color,
            dash,
            2.0,
        );
        let first_censored = best
            .result
            .levels
            .iter()
            .find(|l| l.censored)
            .map(|l| l.level);
        for &(l, cx, cy) in &points {
            match l.fuel {
                Some(fuel) => {
                    let ratio = if l.reference_fuel > 0 {
                        format!(
                            ", t/T* = {}",
                            fixed(fuel as f64 / l.reference_fuel as f64, 2)
                        )
                    } else {
                        String::new()
                    };
                    put!(
                        out,
                        "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{color}\" \
                         stroke=\"#ffffff\"><title>{} ({}), {}: {} fuel{ratio}, f = {}</title>\
                         </circle>\n",
                        px(cx),
                        px(cy),
                        esc(a.name),
                        esc(&best.name),
                        size_text(l.level),
                        super::human::group(fuel),
                        fixed(l.score, 3)
                    );
                }
                None => {
                    let why = if first_censored == Some(l.level) {
                        "ran out of fuel".to_owned()
                    } else {
                        format!(
                            "not run after level {} ran out of fuel",
                            first_censored.unwrap_or(0)
                        )
                    };
                    put!(
                        out,
                        "<path class=\"censored\" d=\"M{} {} L{} {} L{} {} Z\" fill=\"{color}\" \
                         stroke=\"#ffffff\"><title>{} ({}), {}: {why}; cost ≥ T = {} \
                         fuel</title></path>\n",
                        px(cx),
                        px(cy - 7.0),
                        px(cx + 6.0),
                        px(cy + 4.0),
                        px(cx - 6.0),
                        px(cy + 4.0),
                        esc(a.name),
                        esc(&best.name),
                        size_text(l.level),
                        super::human::group(budget.unwrap_or(0))
                    );
                }
            }
        }
    }
    out.push_str("</svg>\n");
    legend(out, p, attempts);
    out.push_str("</figure>\n");
}

fn polyline(
    out: &mut String,
    points: impl Iterator<Item = (f64, f64)>,
    color: &str,
    dash: &str,
    width: f64,
) {
    let points: Vec<String> = points
        .map(|(x, y)| format!("{},{}", px(x), px(y)))
        .collect();
    if points.len() < 2 {
        return;
    }
    put!(
        out,
        "<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"{width}\"{} points=\"{}\"/>\n",
        if dash.is_empty() {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{dash}\"")
        },
        points.join(" ")
    );
}

fn legend(out: &mut String, p: &ProblemProvenance, attempts: &[Attempt<'_>]) {
    out.push_str("<figcaption>\n<ul class=\"legend\">\n");
    for (family, yardstick) in &p.references {
        let color = family_color(*family);
        put!(
            out,
            "<li>{}{} reference ({}), T* per level</li>\n",
            key_svg(color, "", 2.5, Marker::Square),
            family_name(*family),
            esc(yardstick.language.name())
        );
        put!(
            out,
            "<li>{}budget T ({}) = {}</li>\n",
            key_svg(color, "6 4", 1.5, Marker::None),
            family_name(*family),
            short(yardstick.budget)
        );
    }
    for a in attempts {
        let Some(best) = a.best else { continue };
        let (color, dash) = system_style(a.order);
        put!(
            out,
            "<li>{}<span class=\"sys\">{}</span> <span class=\"muted\">({}, <code>{}</code>, e = \
             {})</span></li>\n",
            key_svg(color, dash, 2.0, Marker::Circle),
            esc(a.name),
            esc(best.result.language.name()),
            esc(&best.name),
            fixed(best.result.score, 3)
        );
    }
    put!(
        out,
        "<li>{}ran out of fuel: drawn at T (cost ≥ T)</li>\n</ul>\n</figcaption>\n",
        key_svg("#555555", "", 0.0, Marker::Triangle)
    );
}

enum Marker {
    None,
    Square,
    Circle,
    Triangle,
}

/// A small legend key: a line segment and a marker.
fn key_svg(color: &str, dash: &str, width: f64, marker: Marker) -> String {
    let mut key = String::from(
        "<svg class=\"key\" viewBox=\"0 0 30 14\" width=\"30\" height=\"14\" aria-hidden=\"true\">",
    );
    if width > 0.0 {
        put!(
            key,
            "<line x1=\"1\" y1=\"7\" x2=\"29\" y2=\"7\" stroke=\"{color}\" stroke-width=\"{width}\"{}/>",
            if dash.is_empty() {
                String::new()
            } else {
                format!(" stroke-dasharray=\"{dash}\"")
            }
        );
    }
    match marker {
        Marker::None => {}
        Marker::Square => put!(
            key,
            "<rect x=\"11.5\" y=\"3.5\" width=\"7\" height=\"7\" fill=\"{color}\"/>"
        ),
        Marker::Circle => put!(key, "<circle cx=\"15\" cy=\"7\" r=\"4\" fill=\"{color}\"/>"),
        Marker::Triangle => put!(key, "<path d=\"M15 1 L21 12 L9 12 Z\" fill=\"{color}\"/>"),
    }
    key.push_str("</svg>");
    key
}

/// Tick decades from `lo` to `hi`, at most about nine of them.
fn ticks(lo: i32, hi: i32) -> impl Iterator<Item = i32> {
    let step = ((hi - lo).max(1) + 7) / 8;
    (lo..=hi).step_by(step as usize)
}

/// `10^e` as `1`, `10`, `100`, `1k`, …, `1M`, `1G`, `1T`, `1P`, `1E`.
fn decade_label(e: i32) -> String {
    const PREFIXES: [&str; 9] = ["", "k", "M", "G", "T", "P", "E", "Z", "Y"];
    let e = e.clamp(0, 26) as usize;
    format!("{}{}", 10_u32.pow((e % 3) as u32), PREFIXES[e / 3])
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Every problem id, from the provenance and from the systems, in order.
fn all_problem_ids(report: &ScoreReport) -> BTreeSet<&str> {
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

/// The k shown in the leaderboard: the settings' (without repeats), or else those of the stats.
fn leaderboard_ks(report: &ScoreReport) -> Vec<usize> {
    let mut seen = BTreeSet::new();
    let mut ks: Vec<usize> = report
        .settings
        .k
        .iter()
        .copied()
        .filter(|&k| seen.insert(k))
        .collect();
    if ks.is_empty() {
        let from_stats: BTreeSet<usize> = report
            .systems
            .values()
            .flat_map(|s| s.stats.iter().map(|s| s.k))
            .collect();
        ks.extend(from_stats);
    }
    ks
}

fn summary_for(system: &SystemReport, k: usize) -> Option<&SystemSummary> {
    system.stats.iter().find(|s| s.k == k)
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

fn first_failed_test(tests: &[TestResult]) -> Option<&TestResult> {
    tests.iter().find(|t| t.verdict != TestVerdict::Accepted)
}

fn verdict_detail(verdict: &TestVerdict) -> Option<&str> {
    match verdict {
        TestVerdict::WrongAnswer { diff } => Some(diff),
        TestVerdict::RuntimeError { detail } => Some(detail),
        TestVerdict::CompileError { message } => Some(message),
        _ => None,
    }
}

fn family_name(family: Family) -> &'static str {
    match family {
        Family::Native => "native",
        Family::Python => "python",
    }
}

fn family_color(family: Family) -> &'static str {
    match family {
        Family::Native => "#333333",
        Family::Python => "#8a5a00",
    }
}

fn system_style(order: usize) -> (&'static str, &'static str) {
    (
        PALETTE[order % PALETTE.len()],
        DASHES[(order / PALETTE.len()) % DASHES.len()],
    )
}

/// The system's colour, as a small square before its name.
fn swatch(order: usize) -> String {
    format!(
        "<svg class=\"swatch\" viewBox=\"0 0 10 10\" width=\"10\" height=\"10\" \
         aria-hidden=\"true\"><rect width=\"10\" height=\"10\" fill=\"{}\"/></svg>",
        system_style(order).0
    )
}

/// Sort key of a median: estimated ratios before censored ones (`> x`), each by value.
fn quantile_key(q: Quantile) -> String {
    match q {
        Quantile::Estimated { ratio } if ratio.is_finite() => format!("0 {}", fixed(ratio, 6)),
        Quantile::Censored { above } if above.is_finite() => format!("1 {}", fixed(above, 6)),
        _ => "2".to_owned(),
    }
}

fn quantile_text(q: Quantile) -> String {
    match q {
        Quantile::Estimated { ratio } => fixed(ratio, 2),
        Quantile::Censored { above } => format!("> {}", fixed(above, 2)),
    }
}

/// A float with `digits` decimals (no `-0`); `—` when not finite.
fn fixed(value: f64, digits: usize) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let text = format!("{value:.digits$}");
    if text.starts_with('-') && text[1..].chars().all(|c| c == '0' || c == '.') {
        text[1..].to_owned()
    } else {
        text
    }
}

/// [`fixed`] without trailing zeros: `4`, `2.5`.
fn trimmed(value: f64, digits: usize) -> String {
    let text = fixed(value, digits);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// A share as a percentage with at most one decimal: `95%`, `8.3%`.
fn percent(share: f64) -> String {
    format!("{}%", trimmed(share * 100.0, 1))
}

/// A pixel coordinate with one decimal.
fn px(value: f64) -> String {
    fixed(value, 1)
}

/// An integer to three significant digits with an SI prefix: `950`, `12.3k`, `4M`.
fn short(value: u64) -> String {
    const PREFIXES: [&str; 7] = ["", "k", "M", "G", "T", "P", "E"];
    if value < 1000 {
        return value.to_string();
    }
    let mut mantissa = value as f64;
    let mut prefix = 0;
    while mantissa >= 999.5 && prefix + 1 < PREFIXES.len() {
        mantissa /= 1000.0;
        prefix += 1;
    }
    let digits = if mantissa >= 99.95 {
        0
    } else if mantissa >= 9.995 {
        1
    } else {
        2
    };
    format!("{}{}", trimmed(mantissa, digits), PREFIXES[prefix])
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_owned()
    } else {
        esc(text)
    }
}

/// At most `max` characters of `text`, with `…` when cut.
fn abbreviate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Escapes text for HTML element content and double- or single-quoted attribute values.
/// Characters that HTML forbids in a document (controls other than tab, line feed and
/// carriage return, and noncharacters) become U+FFFD.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if forbidden_in_html(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

fn forbidden_in_html(c: char) -> bool {
    let u = u32::from(c);
    u < 0x20 || (0x7f..=0x9f).contains(&u) || (0xfdd0..=0xfdef).contains(&u) || u & 0xfffe == 0xfffe
}

// ---------------------------------------------------------------------------------------------
// Inline CSS and script
// ---------------------------------------------------------------------------------------------

const STYLE: &str = r#":root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 24px 28px 40px; color: var(--fg); background: #ffffff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.7em; margin: 0 0 0.2em; }
h2 { font-size: 1.3em; margin: 1.6em 0 0.5em; padding-bottom: 0.2em; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1em; margin: 1.8em 0 0.3em; }
a { color: var(--accent); }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.88em; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 6px 8px; margin: 4px 0 8px;
  white-space: pre-wrap; overflow-wrap: anywhere; max-height: 14em; overflow: auto; }
.lede, .muted, .note, .facts-line, caption { color: var(--muted); }
.note, .facts-line { font-size: 0.9em; margin: 0.3em 0; }
.warn { color: #9a6700; font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 0.5em 0; }
caption { text-align: left; font-size: 0.9em; padding-bottom: 4px; }
th, td { padding: 5px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: var(--soft); white-space: nowrap; }
tbody th { font-weight: 600; overflow-wrap: anywhere; max-width: 24em; }
.num { text-align: right; white-space: nowrap; }
.missing { color: var(--muted); }
.ci { color: var(--muted); font-size: 0.85em; }
thead th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
thead th button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
thead th[aria-sort="ascending"] button::after { content: " \25B2"; font-size: 0.75em; }
thead th[aria-sort="descending"] button::after { content: " \25BC"; font-size: 0.75em; }
tbody tr:hover { background: var(--soft); }
svg.swatch { margin-right: 6px; vertical-align: -1px; }
.badge { font-size: 0.75em; font-weight: 600; color: #9a6700; border: 1px solid #d4a72c; border-radius: 10px; padding: 1px 7px; vertical-align: 2px; }
.toc { columns: 2 18em; padding-left: 1.5em; }
.sys { font-weight: 600; overflow-wrap: anywhere; }
.verdict { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.88em; }
figure { margin: 0.5em 0; }
svg.plot { display: block; width: 100%; max-width: 760px; height: auto; }
svg.plot text { font: 11px system-ui, sans-serif; fill: #444c56; }
svg.plot text.axis { font-size: 12px; fill: var(--fg); }
svg.plot .frame { fill: none; stroke: #8c959f; }
svg.plot .grid { stroke: #e6eaef; }
svg.plot .budget { stroke-width: 1.5; }
.legend { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 0.9em; }
.legend li { display: flex; align-items: center; gap: 6px; max-width: 100%; overflow-wrap: anywhere; }
.legend svg.key { flex: none; }
details.failures { margin: 0.5em 0; }
details.failures summary { cursor: pointer; color: var(--muted); }
details.failures ul, ul.warnings { padding-left: 1.4em; }
ul.warnings li { overflow-wrap: anywhere; }
footer { margin-top: 3em; color: var(--muted); font-size: 0.85em; }
"#;

/// Installed first, in `<head>`: records uncaught errors on `<body>` for tests and curious users.
const ERROR_HOOK: &str = r#"window.onerror = function (message, source, line, column) {
  var target = document.body || document.documentElement;
  var seen = target.getAttribute("data-errors") || "";
  target.setAttribute("data-errors", seen + String(message) + " (" + line + ":" + column + "); ");
};
"#;

/// Sorting of the leaderboard, and the `#selftest` hook (see the module documentation).
const SCRIPT: &str = r##"(function () {
  "use strict";
  var table = document.getElementById("leaderboard");
  if (table && table.tHead && table.tBodies.length) {
    var body = table.tBodies[0];
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);

    var key = function (row, column) {
      var cell = row.cells[column];
      var raw = cell ? cell.getAttribute("data-value") : null;
      if (raw === null || raw === "") { return null; }
      return raw.split(" ").map(Number);
    };
    var compareKeys = function (a, b) {
      for (var i = 0; i < Math.max(a.length, b.length); i++) {
        var x = i < a.length ? a[i] : -Infinity;
        var y = i < b.length ? b[i] : -Infinity;
        if (x < y) { return -1; }
        if (x > y) { return 1; }
      }
      return 0;
    };
    var order = function (row) { return Number(row.getAttribute("data-order")); };

    var sortBy = function (header, direction) {
      var column = header.cellIndex;
      var sign = direction === "descending" ? -1 : 1;
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (r, s) {
        var a = key(r, column);
        var b = key(s, column);
        var c = (a === null || b === null)
          ? (a === null ? 1 : 0) - (b === null ? 1 : 0)
          : sign * compareKeys(a, b);
        return c || order(r) - order(s);
      });
      rows.forEach(function (row) { body.appendChild(row); });
      headers.forEach(function (h) { if (h !== header) { h.removeAttribute("aria-sort"); } });
      header.setAttribute("aria-sort", direction);
    };

    headers.forEach(function (header) {
      if (!header.hasAttribute("data-first")) { return; }
      header.addEventListener("click", function () {
        var now = header.getAttribute("aria-sort");
        var next = now === "descending" ? "ascending"
          : now === "ascending" ? "descending"
          : header.getAttribute("data-first");
        sortBy(header, next);
      });
    });

    var firstSystem = function () {
      var row = body.rows[0];
      return row ? row.cells[0].textContent : "";
    };
    var selfTest = function () {
      var page = document.body;
      var header = document.getElementById("col-censoring");
      var button = header.querySelector("button");
      button.click();
      page.setAttribute("data-selftest", firstSystem());
      button.click();
      page.setAttribute("data-selftest-toggled", firstSystem());
      page.setAttribute("data-selftest-aria", header.getAttribute("aria-sort") + " " +
        table.querySelectorAll("thead th[aria-sort]").length);
    };
    if (window.location.hash === "#selftest") {
      window.addEventListener("load", selfTest);
    }
  }
  document.body.setAttribute("data-script", "ready");
})();
"##;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture;
    use crate::analysis::leaderboard::{leaderboard, merge};

    /// A report where one system scored only the problem without levels.
    fn humaneval_only() -> ScoreReport {
        let mut report = fixture::report();
        let mut only = report.systems["fast"].clone();
        only.problems.retain(|id, _| id == "he-1");
        report.systems.insert("he-only".to_owned(), only);
        report
    }

    #[test]
    fn eff_is_n_a_without_levels() {
        let html = render_html(&humaneval_only());
        let row = html
            .lines()
            .find(|l| l.contains("<tr data-order") && l.contains("he-only"))
            .unwrap();
        assert!(row.contains(">n/a</td>"), "{row}");
        // And the best e of the problem without levels, in its sample table.
        let he = &html[html.find("id=\"problem-0\"").unwrap()..];
        let he = &he[..he.find("</section>").unwrap()];
        assert!(he.contains("he-1") && he.contains(">n/a</span>"), "{he}");
    }

    #[test]
    fn speedups_have_a_section() {
        assert!(render_html(&fixture::report_with_speedup()).contains("id=\"speedup\""));
        assert!(!render_html(&fixture::report()).contains("id=\"speedup\""));
    }

    #[test]
    fn the_leaderboard_page_starts_with_the_ranking() {
        let merged = merge(vec![("r.json".into(), fixture::report())]).unwrap();
        let board = leaderboard(&merged, "eff@1".parse().unwrap(), true).unwrap();
        let html = render_leaderboard_html(&board, &merged.report);
        let ranking = html.find("id=\"ranking\"").unwrap();
        assert!(ranking < html.find("id=\"leaderboard\"").unwrap());
        assert!(html.contains("<title>fuelgauge leaderboard</title>"));
        assert!(html.contains("note warn") && html.contains("Partial ranking"));
        assert!(html.contains("title=\"missing: he-1\">1/2</td>"), "{html}");
    }
}
