//! The page: head, introduction and settings, the ranking, the leaderboard, the speedups, the
//! problems ([`super::sections`]) and the warnings.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::figure::swatch;
use super::sections::{DETAIL_CHARS, all_problem_ids, problems};
use super::text::{Text, abbreviate, or_dash};
use crate::analysis::leaderboard::ranked_on;
use crate::report::format::{fixed, percent, plural};
use crate::report::table::{leaderboard_cells, measures_efficiency};
use crate::schema::{Leaderboard, ScoreReport, Share, SystemReport};
use crate::stats::{Estimate, Quantile, SystemSummary};

const STYLE: &str = include_str!("../assets/report.css");
/// Installed first, in `<head>`: records uncaught errors on `<body>` for tests and curious users.
const ERROR_HOOK: &str = include_str!("../assets/error-hook.js");
/// Sorting of the leaderboard, and the `#selftest` hook (see the module documentation).
const SCRIPT: &str = include_str!("../assets/report.js");

/// Everything the page may load: nothing but its own inline style and scripts.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

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
    let title = match ranking {
        Some(_) => "fuelgauge leaderboard",
        None => "fuelgauge score report",
    };
    let markup = html! {
        (DOCTYPE)
        "\n"
        html lang="en" {
            "\n"
            head {
                "\n"
                meta charset="utf-8";
                "\n"
                meta name="viewport" content="width=device-width, initial-scale=1";
                "\n"
                meta http-equiv="Content-Security-Policy" content=(CONTENT_SECURITY_POLICY);
                "\n"
                meta name="generator" content={ (Text(&report.tool)) " " (Text(&report.version)) };
                "\n"
                title { (title) }
                "\n"
                style { "\n" (PreEscaped(STYLE)) }
                "\n"
                script { "\n" (PreEscaped(ERROR_HOOK)) }
                "\n"
            }
            "\n"
            body data-errors="" {
                "\n"
                (intro(report, title))
                main {
                    "\n"
                    (settings(report))
                    @if let Some(board) = ranking {
                        (ranking_section(board))
                    }
                    (leaderboard(report, ranking.is_some()))
                    (speedup_section(report))
                    (problems(report))
                    (warnings(report))
                }
                "\n"
                footer {
                    p {
                        "Written by " (Text(&report.tool)) " " (Text(&report.version))
                        ". This page is self-contained: it loads nothing from the network."
                    }
                }
                "\n"
                script { "\n" (PreEscaped(SCRIPT)) }
                "\n"
            }
            "\n"
        }
        "\n"
    };
    markup.into_string()
}

fn intro(report: &ScoreReport, title: &str) -> Markup {
    let systems = report.systems.len();
    let problems = all_problem_ids(report).len();
    let warnings = report.warnings.len();
    html! {
        header {
            "\n"
            h1 { (title) }
            "\n"
            p.lede {
                (systems) " system" (plural(systems)) ", " (problems) " problem" (plural(problems))
                @if warnings > 0 {
                    ", " a href="#warnings" { (warnings) " warning" (plural(warnings)) }
                }
                ". Cost is WebAssembly fuel under wasmtime: deterministic, identical on every \
                 machine."
            }
            "\n"
        }
        "\n"
    }
}

fn settings(report: &ScoreReport) -> Markup {
    let settings = &report.settings;
    let bootstrap = &settings.bootstrap;
    let provenance = &report.provenance;
    let ks: Vec<String> = settings.k.iter().map(usize::to_string).collect();
    html! {
        section #settings {
            "\n"
            h2 { "Settings" }
            "\n"
            dl.facts {
                "\n"
                dt { "Tool" } dd { (Text(&report.tool)) " " (Text(&report.version)) }
                "\n"
                dt { "Schema version" } dd { (report.schema_version) }
                "\n"
                dt { "k" } dd { @if ks.is_empty() { "—" } @else { (ks.join(", ")) } }
                "\n"
                dt { "Excluded problems" }
                dd {
                    @if settings.include_excluded {
                        "included in aggregates"
                    } @else {
                        "left out of aggregates"
                    }
                }
                "\n"
                dt { "Bootstrap" }
                dd {
                    (bootstrap.resamples) " resamples of problems, seed " (bootstrap.seed) ", "
                    (percent(bootstrap.confidence)) " confidence"
                }
                "\n"
                dt { "Growth" }
                dd {
                    @if settings.growth == 0 {
                        "level sizes only"
                    } @else {
                        (settings.growth) " extra sizes per problem (--growth)"
                    }
                }
                "\n"
                dt { "wasmtime" } dd { (or_dash(&provenance.wasmtime)) }
                "\n"
                dt { "Python" } dd { (or_dash(&provenance.python)) }
                "\n"
                @for (language, version) in &provenance.compilers {
                    dt { "Compiler (" (Text(language)) ")" } dd { (or_dash(version)) }
                    "\n"
                }
            }
            "\n"
        }
        "\n"
    }
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

/// One row per system, sorted by eff@1 (else the first k) and re-sortable by the script.
fn leaderboard(report: &ScoreReport, ranked: bool) -> Markup {
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
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
    let bootstrap = &report.settings.bootstrap;

    html! {
        section #leaderboard-section {
            "\n"
            @if ranked {
                h2 { "Per-system results" }
                "\n"
                p.note {
                    "Each system over the problems it scored (the ranking above is over the \
                     common ones)."
                }
                "\n"
            } @else {
                h2 { "Leaderboard" }
                "\n"
            }
            @if rows.is_empty() {
                p.note { "No system was scored." }
                "\n"
            } @else {
                div.scroll {
                    "\n"
                    table #leaderboard {
                        "\n"
                        caption {
                            "One row per system. Click a column header to sort by it; click \
                             again to reverse."
                        }
                        "\n"
                        thead {
                            "\n"
                            tr { (leaderboard_header(&ks, primary, &confidence)) }
                            "\n"
                        }
                        "\n"
                        tbody {
                            "\n"
                            @for (order, name, system) in rows {
                                (leaderboard_row(report, &ks, order, name, system))
                                "\n"
                            }
                        }
                        "\n"
                    }
                    "\n"
                }
                "\n"
                p.note {
                    "Values are means over problems, each weighted equally; brackets hold "
                    (confidence) " percentile bootstrap intervals (" (bootstrap.resamples)
                    " resamples of problems, seed " (bootstrap.seed) "). Rows are in order of "
                    @match primary {
                        Some(k) => { "eff@" (k) }
                        None => "name",
                    }
                    " (descending, ties by name)."
                }
                "\n"
            }
        }
        "\n"
    }
}

fn leaderboard_header(ks: &[usize], primary: Option<usize>, confidence: &str) -> Markup {
    html! {
        (header_cell("col-system", "ascending", false, "System name", "System"))
        @for &k in ks {
            (header_cell(
                &format!("col-pass-{k}"),
                "descending",
                false,
                &format!(
                    "Unbiased pass@{k}: the chance that at least one of {k} samples passes, \
                     mean over problems, with its {confidence} bootstrap interval"
                ),
                &format!("pass@{k}"),
            ))
            (header_cell(
                &format!("col-eff-{k}"),
                "descending",
                Some(k) == primary,
                &format!(
                    "ENAMEL eff@{k}: expected best efficiency score of {k} samples (1 = as fast \
                     as the reference, above 1 = faster), mean over problems, with its \
                     {confidence} bootstrap interval"
                ),
                &format!("eff@{k}"),
            ))
            (header_cell(
                &format!("col-mem-{k}"),
                "descending",
                false,
                &format!(
                    "mem@{k}: eff@{k}'s estimator over memory scores (peak linear memory against                      the reference's, the empty program's peak subtracted; 1 = as lean as the                      reference), mean over problems, with its {confidence} bootstrap interval"
                ),
                &format!("mem@{k}"),
            ))
        }
        (header_cell(
            "col-steeper",
            "ascending",
            false,
            "Of the passing samples whose growth exponent was fitted, the share whose \
             exponent exceeds their reference's by more than 0.5 (a worse complexity class)",
            "steeper",
        ))
        (header_cell(
            "col-censoring",
            "ascending",
            false,
            "Share of scored level runs that ran out of fuel (right-censored at the budget T)",
            "censored",
        ))
        (header_cell(
            "col-median",
            "ascending",
            false,
            &format!(
                "Kaplan–Meier median of the cost ratio t/T* (fuel relative to the reference, \
                 per level), with its {confidence} bootstrap interval; \u{201c}> x\u{201d}: more \
                 than half the runs are only known to cost more than x"
            ),
            "median t/T*",
        ))
        (header_cell("col-problems", "descending", false, "Problems aggregated", "problems"))
        (header_cell(
            "col-samples",
            "descending",
            false,
            "Samples over the aggregated problems",
            "samples",
        ))
    }
}

/// A sortable column's header: `first` is the direction of its first click.
fn header_cell(id: &str, first: &str, sorted: bool, title: &str, label: &str) -> Markup {
    html! {
        th scope="col" id=(id) data-first=(first) aria-sort=[sorted.then_some("descending")]
            title=(title) {
            button type="button" { (label) }
        }
    }
}

fn leaderboard_row(
    report: &ScoreReport,
    ks: &[usize],
    order: usize,
    name: &str,
    system: &SystemReport,
) -> Markup {
    let efficiency = measures_efficiency(report, name);
    let first = system.stats.first();
    html! {
        tr data-order=(order) {
            th scope="row" data-value=(order) { (swatch(order)) (Text(name)) }
            @for &k in ks {
                @let summary = summary_for(system, k);
                (estimate_cell(summary.map(|s| &s.pass_at_k)))
                @if efficiency {
                    (estimate_cell(summary.map(|s| &s.eff_at_k)))
                    (estimate_cell(summary.map(|s| &s.mem_at_k)))
                } @else {
                    // A system none of whose problems has scored levels (HumanEval imports).
                    td.num.missing title="no problem has scored levels: pass@k only" { "n/a" }
                    td.num.missing title="no problem has scored levels: pass@k only" { "n/a" }
                }
            }
            @match first.and_then(|s| s.growth.share.map(|share| (s.growth, share))) {
                Some((g, share)) => {
                    td.num data-value=(fixed(share, 6)) title={ (g.steeper) " of " (g.fitted) } {
                        (fixed(share * 100.0, 1)) "%"
                    }
                }
                None => (missing_cell()),
            }
            (censoring_cell(first))
            (median_cell(first))
            @match first {
                Some(s) => {
                    @let excluded = (s.excluded > 0 && !s.include_excluded).then(|| {
                        format!("{} excluded problem{} left out", s.excluded, plural(s.excluded))
                    });
                    td.num data-value=(s.problems) title=[excluded] { (s.problems) }
                    td.num data-value=(s.samples) { (s.samples) }
                }
                None => {
                    (missing_cell())
                    (missing_cell())
                }
            }
        }
    }
}

fn missing_cell() -> Markup {
    html! { td.num.missing { "—" } }
}

fn estimate_cell(estimate: Option<&Estimate>) -> Markup {
    let Some(e) = estimate.filter(|e| e.value.is_finite()) else {
        return missing_cell();
    };
    html! {
        td.num data-value=(fixed(e.value, 6)) {
            (fixed(e.value, 3)) " "
            span.ci { "[" (fixed(e.ci.lower, 2)) ", " (fixed(e.ci.upper, 2)) "]" }
        }
    }
}

fn censoring_cell(summary: Option<&SystemSummary>) -> Markup {
    let Some(s) = summary else {
        return missing_cell();
    };
    let c = &s.censoring;
    match c.rate.filter(|r| r.is_finite()) {
        Some(rate) => html! {
            td.num data-value=(fixed(rate, 6))
                title={
                    (c.censored) " of " (c.levels) " scored level run" (plural(c.levels))
                    " ran out of fuel, in " (c.problems_with_censoring) " problem"
                    (plural(c.problems_with_censoring))
                } {
                (percent(rate))
            }
        },
        None => html! { td.num.missing title="no scored level runs" { "—" } },
    }
}

fn median_cell(summary: Option<&SystemSummary>) -> Markup {
    let Some(cost) = summary.and_then(|s| s.cost_ratio.as_ref()) else {
        return html! { td.num.missing title="no level runs" { "—" } };
    };
    let km = &cost.kaplan_meier;
    html! {
        td.num data-value=(quantile_key(km.median))
            title={
                "over " (km.observations) " level run" (plural(km.observations)) ", "
                (km.censored) " of them out of fuel; quartiles " (quantile_text(km.lower_quartile))
                " and " (quantile_text(km.upper_quartile))
            } {
            (quantile_text(km.median))
            @if let Some(ci) = cost.median_ci {
                " " span.ci { "[" (quantile_text(ci.lower)) ", " (quantile_text(ci.upper)) "]" }
            }
        }
    }
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

/// `value <span class="ci">[lower, upper]</span>` from a text cell's `value [lower, upper]`.
fn with_ci(text: &str) -> Markup {
    html! {
        @match text.split_once(' ') {
            Some((value, ci)) => { (Text(value)) " " span.ci { (Text(ci)) } }
            None => (Text(text)),
        }
    }
}

/// The ranking of `fuelgauge leaderboard`, in its order: value with interval, coverage and the
/// paired comparison with the next system down.
fn ranking_section(board: &Leaderboard) -> Markup {
    html! {
        section #ranking-section {
            "\n"
            h2 { "Ranking by " (Text(&board.metric)) }
            "\n"
            p.note.warn[board.partial] { (Text(&ranked_on(board))) }
            "\n"
            div.scroll {
                "\n"
                table #ranking {
                    "\n"
                    thead {
                        "\n"
                        tr {
                            th scope="col" class="num" { "Rank" }
                            th scope="col" { "System" }
                            th scope="col" class="num" {
                                (Text(&board.metric)) " " span.ci { "[95% CI]" }
                            }
                            th scope="col" class="num"
                                title="Problems scored, of those some system scored" {
                                "Coverage"
                            }
                            th scope="col" class="num"
                                title="This system minus the next, paired over the common \
                                       problems" {
                                "vs next: Δ " span.ci { "[95% CI]" }
                            }
                            th scope="col" class="num" title="Sign-flip permutation p-value" { "p" }
                            th scope="col" title="The interval of Δ excludes 0" {
                                "Distinguishable"
                            }
                        }
                        "\n"
                    }
                    "\n"
                    tbody {
                        "\n"
                        @for e in &board.entries {
                            @let (value, (difference, p, distinguishable)) =
                                leaderboard_cells(board, e, false);
                            @let missing = (!e.coverage.missing.is_empty()).then(|| {
                                format!(
                                    "missing: {}",
                                    abbreviate(&e.coverage.missing.join(", "), DETAIL_CHARS)
                                )
                            });
                            tr {
                                td.num { (e.rank) }
                                th scope="row" { (Text(&e.system)) }
                                td.num { (with_ci(&value)) }
                                td.num title=[missing.as_deref().map(Text)] {
                                    (e.coverage.scored) "/" (e.coverage.union)
                                }
                                td.num { (with_ci(&difference)) }
                                td.num { (Text(&p)) }
                                td { (Text(&distinguishable)) }
                            }
                            "\n"
                        }
                    }
                    "\n"
                }
                "\n"
            }
            "\n"
        }
        "\n"
    }
}

/// PIE's figures per system, when the results were scored with `--metric speedup`.
fn speedup_section(report: &ScoreReport) -> Markup {
    let Some(speedups) = &report.speedup else {
        return html! {};
    };
    let thresholds: Vec<&String> = speedups
        .values()
        .next()
        .map(|sp| sp.percent_opt.keys().collect())
        .unwrap_or_default();
    let share = |s: &Share| {
        html! {
            (fixed(s.value * 100.0, 1)) "% "
            span.ci { "[" (fixed(s.ci.lower * 100.0, 1)) ", " (fixed(s.ci.upper * 100.0, 1)) "]" }
        }
    };
    let ratio = |s: &Share| {
        html! {
            (fixed(s.value, 2)) "× "
            span.ci { "[" (fixed(s.ci.lower, 2)) ", " (fixed(s.ci.upper, 2)) "]" }
        }
    };
    html! {
        section #speedup-section {
            "\n"
            h2 { "Speedup over the original program (PIE)" }
            "\n"
            div.scroll {
                "\n"
                table #speedup {
                    "\n"
                    thead {
                        "\n"
                        tr {
                            th scope="col" { "System" }
                            th scope="col" class="num" { "problems" }
                            th scope="col" class="num"
                                title="fuel(original) / fuel(best correct candidate), at least \
                                       1, mean over problems" {
                                "mean speedup"
                            }
                            th scope="col" class="num" title="The same ratio without the clamp at 1" {
                                "unclamped"
                            }
                            @for t in &thresholds {
                                th scope="col" class="num"
                                    title={ "Share of problems with speedup ≥ " (Text(t)) } {
                                    "%Opt ≥ " (Text(t))
                                }
                            }
                            th scope="col" class="num" { "%Correct" }
                            th scope="col" class="num" title="Share of samples that ran out of fuel" {
                                "out of fuel"
                            }
                        }
                        "\n"
                    }
                    "\n"
                    tbody {
                        "\n"
                        @for (name, sp) in speedups {
                            tr {
                                th scope="row" { (Text(name)) }
                                td.num { (sp.problems) }
                                td.num { (ratio(&sp.mean_speedup)) }
                                td.num { (ratio(&sp.mean_unclamped)) }
                                @for t in &thresholds {
                                    td.num {
                                        @match sp.percent_opt.get(*t) {
                                            Some(s) => (share(s)),
                                            None => "—",
                                        }
                                    }
                                }
                                td.num { (share(&sp.percent_correct)) }
                                td.num {
                                    @match sp.censoring_rate {
                                        Some(rate) => (percent(rate)),
                                        None => "—",
                                    }
                                }
                            }
                            "\n"
                        }
                    }
                    "\n"
                }
                "\n"
            }
            "\n"
        }
        "\n"
    }
}

fn warnings(report: &ScoreReport) -> Markup {
    if report.warnings.is_empty() {
        return html! {};
    }
    html! {
        section #warnings {
            "\n"
            h2 { "Warnings (" (report.warnings.len()) ")" }
            "\n"
            ul.warnings {
                "\n"
                @for warning in &report.warnings {
                    li { (Text(warning)) }
                    "\n"
                }
            }
            "\n"
        }
        "\n"
    }
}

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

    #[test]
    fn the_assets_cannot_end_their_element_early() {
        for (asset, end) in [
            (STYLE, "</style"),
            (ERROR_HOOK, "</script"),
            (SCRIPT, "</script"),
        ] {
            assert!(
                !asset.to_ascii_lowercase().contains(end),
                "{end} in an asset"
            );
            assert!(!asset.contains("<!--"), "a comment opener in an asset");
            assert!(asset.ends_with('\n'));
        }
    }

    #[test]
    fn every_name_of_a_hostile_report_is_text() {
        let hostile = "<img src=x onerror=alert(1)>\"'&\u{1}";
        let mut report = fixture::report_with_speedup();
        let system = report.systems.remove("fast").unwrap();
        report.systems.insert(hostile.to_owned(), system);
        if let Some(speedups) = report.speedup.as_mut() {
            let fast = speedups.remove("fast").unwrap();
            speedups.insert(hostile.to_owned(), fast);
        }
        report.warnings.push(hostile.to_owned());
        report.provenance.python = hostile.to_owned();
        let html = render_html(&report);
        assert!(!html.contains("<img") && !html.contains('\u{1}'), "{html}");
        let escaped = "&lt;img src=x onerror=alert(1)&gt;&quot;'&amp;\u{fffd}";
        // The leaderboard, the speedups, a problem's table and legend, the warnings, settings.
        assert!(html.matches(escaped).count() >= 6, "{html}");
        assert_eq!(html.matches("<script>").count(), 2);
    }
}
