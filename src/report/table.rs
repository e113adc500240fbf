//! The human tables: per system pass@k and eff@k with intervals and censoring; per problem the
//! best sample; the PIE speedups. Laid out by comfy-table within a width (a terminal's, or
//! `COLUMNS`), wrapping cells rather than overflowing.

use comfy_table::{
    Attribute, Cell, CellAlignment, ColumnConstraint, ContentArrangement, LineStyle, Table,
    TableStyle, Width,
};

use super::format::rate;
use crate::analysis::leaderboard::ranked_on;
use crate::schema::ScoreReport;
use crate::schema::{Entry, Leaderboard};
use crate::stats::SystemSummary;

/// How a human table is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    /// Bold headers and headline numbers (ANSI escapes, for a terminal).
    pub color: bool,
    /// The widest a line may be, in display columns; `None`: as wide as the content.
    pub width: Option<u16>,
}

impl Layout {
    /// The layout for a stream: a terminal's own width, else `COLUMNS` when set, else no
    /// limit; color only on a terminal.
    pub fn for_stream(terminal: bool, stderr: bool) -> Layout {
        let detected = terminal.then(|| {
            let mut probe = Table::new();
            if stderr {
                probe.use_stderr();
            }
            probe.width()
        });
        let columns = || {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.trim().parse::<u16>().ok())
                .filter(|&c| c > 0)
        };
        Layout {
            color: terminal,
            width: detected.flatten().or_else(columns),
        }
    }
}

/// A rule under the header and two spaces between columns; nothing else.
const STYLE: TableStyle = TableStyle::new().header_separator(LineStyle::none().fill('─'));

/// An empty table in the house style with these headers; the columns listed in `right` are
/// right-aligned (numbers).
pub(crate) fn new_table(layout: Layout, header: &[&str], right: &[usize]) -> Table {
    let mut table = Table::new();
    table.load_style(STYLE).force_no_tty();
    if layout.color {
        table.enforce_styling();
    }
    match layout.width {
        Some(width) => {
            table
                .set_width(width)
                .set_content_arrangement(ContentArrangement::Dynamic);
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    table.set_header(header.iter().map(|h| bold(Cell::new(h), layout)));
    let last = header.len().saturating_sub(1);
    for (i, column) in table.column_iter_mut().enumerate() {
        column.set_padding((0, if i == last { 0 } else { 2 }));
        if right.contains(&i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    table
}

/// The table's lines without trailing spaces, ending in a newline.
pub(crate) fn finish(table: &Table) -> String {
    let mut text = table.trim_fmt();
    text.push('\n');
    text
}

pub(crate) fn bold(cell: Cell, layout: Layout) -> Cell {
    if layout.color {
        cell.add_attribute(Attribute::Bold)
    } else {
        cell
    }
}

/// Renders the table `build(stacked)` makes: one line per row when that fits the width; else
/// each interval under its value (`stacked`), so that only words wrap, never an interval.
pub(crate) fn fitted(layout: Layout, build: impl Fn(bool) -> Table) -> String {
    let flat = build(false);
    match layout.width {
        Some(width) if natural_width(&flat) > usize::from(width) => finish(&build(true)),
        _ => finish(&flat),
    }
}

/// The width of the table unwrapped: its columns' widest lines and the gaps between them.
fn natural_width(table: &Table) -> usize {
    let widths = table.column_max_content_widths();
    widths.iter().map(|&w| usize::from(w)).sum::<usize>() + 2 * widths.len().saturating_sub(1)
}

/// Stops comfy-table from wrapping these columns narrower than their widest line (an
/// interval), so that it wraps headers and names instead.
pub(crate) fn keep_whole(table: &mut Table, columns: &[usize]) {
    for &i in columns {
        let widest = table
            .column_cells_iter(i)
            .flatten()
            .flat_map(|cell| {
                cell.content()
                    .lines()
                    .map(|l| l.chars().count())
                    .collect::<Vec<_>>()
            })
            .max()
            .unwrap_or(1);
        let widest = u16::try_from(widest).unwrap_or(u16::MAX);
        if let Some(column) = table.column_mut(i) {
            // The boundary counts the padding too.
            let width = widest.saturating_add(column.padding_width());
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(width)));
        }
    }
}

/// `value [lower, upper]`, the interval on a line of its own when `stacked`.
pub(crate) fn with_interval(value: &str, lower: &str, upper: &str, stacked: bool) -> String {
    let gap = if stacked { '\n' } else { ' ' };
    format!("{value}{gap}[{lower}, {upper}]")
}

/// The share of fitted samples whose growth exponent exceeds their reference's by more than
/// 0.5: `2/40 (5.0%)`, `-` when none was fitted.
pub(crate) fn steeper(g: &crate::stats::GrowthSummary) -> String {
    match g.share {
        None => "-".into(),
        Some(share) => format!("{}/{} ({})", g.steeper, g.fitted, rate(Some(share))),
    }
}

fn interval(e: &crate::stats::Estimate, stacked: bool) -> String {
    with_interval(
        &format!("{:.3}", e.value),
        &format!("{:.3}", e.ci.lower),
        &format!("{:.3}", e.ci.upper),
        stacked,
    )
}

/// The whole human report: systems, problems, speedups and warnings.
pub fn render_table(report: &ScoreReport, layout: Layout) -> String {
    let mut s = systems_table(report, layout);
    s.push('\n');
    s.push_str(&memory_table(report, layout));
    s.push('\n');
    s.push_str(&problems_table(report, layout));
    if let Some(speedups) = speedup_table(report, layout) {
        s.push('\n');
        s.push_str(&speedups);
    }
    for w in &report.warnings {
        s.push_str(&format!("warning: {w}\n"));
    }
    s
}

/// The headline only, one row per system (and the speedups): what `score` prints on stderr
/// when every result went to files.
pub fn render_summary(report: &ScoreReport, layout: Layout) -> String {
    let mut s = systems_table(report, layout);
    s.push('\n');
    s.push_str(&memory_table(report, layout));
    if let Some(speedups) = speedup_table(report, layout) {
        s.push('\n');
        s.push_str(&speedups);
    }
    s
}

fn systems_table(report: &ScoreReport, layout: Layout) -> String {
    fitted(layout, |stacked| systems_rows(report, layout, stacked))
}

fn systems_rows(report: &ScoreReport, layout: Layout, stacked: bool) -> Table {
    let mut table = new_table(
        layout,
        &[
            "system",
            "k",
            "problems",
            "samples",
            "pass@k [95% CI]",
            "eff@k [95% CI]",
            "censored",
            "median t/T*",
        ],
        &[1, 2, 3, 6, 7],
    );
    for (name, system) in &report.systems {
        for st in &system.stats {
            table.add_row(vec![
                Cell::new(name),
                Cell::new(st.k),
                Cell::new(st.problems),
                Cell::new(st.samples),
                Cell::new(interval(&st.pass_at_k, stacked)),
                bold(
                    Cell::new(scored(report, name, &st.eff_at_k, stacked)),
                    layout,
                ),
                Cell::new(rate(st.censoring.rate)),
                Cell::new(median(st)),
            ]);
        }
    }
    keep_whole(&mut table, &[4, 5]);
    table
}

/// eff@k or mem@k with its interval, or `n/a` for a system without scored levels.
fn scored(report: &ScoreReport, system: &str, e: &crate::stats::Estimate, stacked: bool) -> String {
    if measures_efficiency(report, system) {
        interval(e, stacked)
    } else {
        "n/a (no levels)".into()
    }
}

fn memory_table(report: &ScoreReport, layout: Layout) -> String {
    fitted(layout, |stacked| memory_rows(report, layout, stacked))
}

/// Memory and growth, per system and k: mem@k, and the samples steeper than their reference.
fn memory_rows(report: &ScoreReport, layout: Layout, stacked: bool) -> Table {
    let mut table = new_table(
        layout,
        &[
            "system",
            "k",
            "mem@k [95% CI]",
            "steeper than the reference",
        ],
        &[1, 3],
    );
    for (name, system) in &report.systems {
        for st in &system.stats {
            table.add_row(vec![
                Cell::new(name),
                Cell::new(st.k),
                Cell::new(scored(report, name, &st.mem_at_k, stacked)),
                Cell::new(steeper(&st.growth)),
            ]);
        }
    }
    keep_whole(&mut table, &[2]);
    table
}

fn problems_table(report: &ScoreReport, layout: Layout) -> String {
    let mut table = new_table(
        layout,
        &[
            "problem",
            "system",
            "best e",
            "best mem",
            "growth b (ref)",
            "passed",
            "failures",
        ],
        &[2, 3, 5],
    );
    let mut rows: Vec<(&String, &String, &crate::schema::ProblemReport)> = report
        .systems
        .iter()
        .flat_map(|(name, sys)| sys.problems.iter().map(move |(id, p)| (id, name, p)))
        .collect();
    rows.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    for (id, name, p) in rows {
        let most = |value: fn(&crate::schema::SampleReport) -> f64| {
            p.samples
                .iter()
                .filter(|x| x.result.passed)
                .map(value)
                .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))))
        };
        let best = most(|x| x.result.score);
        let best_memory = most(|x| x.result.memory_score);
        let growth = growth_cell(report, id, p);
        let passed = p.samples.iter().filter(|x| x.result.passed).count();
        let mut failures: std::collections::BTreeMap<&str, usize> = Default::default();
        for x in p.samples.iter().filter(|x| !x.result.passed) {
            *failures.entry(x.result.verdict.name()).or_default() += 1;
        }
        let failures: Vec<String> = failures.iter().map(|(v, n)| format!("{v}×{n}")).collect();
        let shown = |best: Option<f64>| match best {
            None => "-".to_owned(),
            Some(_) if !problem_has_levels(report, id) => "n/a".to_owned(),
            Some(b) => format!("{b:.3}"),
        };
        table.add_row(vec![
            Cell::new(id),
            Cell::new(name),
            Cell::new(shown(best)),
            Cell::new(shown(best_memory)),
            Cell::new(growth),
            Cell::new(format!("{passed}/{}", p.samples.len())),
            Cell::new(failures.join(" ")),
        ]);
    }
    finish(&table)
}

/// The median growth exponent of a problem's passing samples and the reference's: `1.95
/// (1.10)`; `-` when no sample was fitted.
pub(crate) fn growth_cell(
    report: &ScoreReport,
    id: &str,
    p: &crate::schema::ProblemReport,
) -> String {
    let mut fitted: Vec<(f64, crate::candidate::Family)> = p
        .samples
        .iter()
        .filter(|x| x.result.passed)
        .filter_map(|x| {
            Some((
                x.result.growth.as_ref()?.exponent,
                x.result.language.family(),
            ))
        })
        .collect();
    if fitted.is_empty() {
        return "-".into();
    }
    fitted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (median, family) = fitted[(fitted.len() - 1) / 2];
    let reference = report
        .provenance
        .problems
        .get(id)
        .and_then(|prov| prov.references.get(&family)?.growth.as_ref());
    match reference {
        Some(r) => format!("{median:.2} ({:.2})", r.exponent),
        None => format!("{median:.2}"),
    }
}

fn speedup_table(report: &ScoreReport, layout: Layout) -> Option<String> {
    let speedups = report.speedup.as_ref()?;
    Some(fitted(layout, |stacked| {
        speedup_rows(speedups, layout, stacked)
    }))
}

fn speedup_rows(
    speedups: &std::collections::BTreeMap<String, crate::schema::SpeedupSummary>,
    layout: Layout,
    stacked: bool,
) -> Table {
    let mut table = new_table(
        layout,
        &[
            "system",
            "problems",
            "mean speedup",
            "%Opt (≥1.10)",
            "%Correct",
            "out of fuel",
        ],
        &[1, 5],
    );
    for (name, sp) in speedups {
        let share = |s: &crate::schema::Share| {
            with_interval(
                &format!("{:.1}%", s.value * 100.0),
                &format!("{:.1}", s.ci.lower * 100.0),
                &format!("{:.1}", s.ci.upper * 100.0),
                stacked,
            )
        };
        table.add_row(vec![
            Cell::new(name),
            Cell::new(sp.problems),
            bold(
                Cell::new(with_interval(
                    &format!("{:.2}x", sp.mean_speedup.value),
                    &format!("{:.2}", sp.mean_speedup.ci.lower),
                    &format!("{:.2}", sp.mean_speedup.ci.upper),
                    stacked,
                )),
                layout,
            ),
            Cell::new(sp.percent_opt.get("1.10").map_or("-".into(), share)),
            Cell::new(share(&sp.percent_correct)),
            Cell::new(rate(sp.censoring_rate)),
        ]);
    }
    keep_whole(&mut table, &[2, 3, 4]);
    table
}

/// The leaderboard: rank, system, value [CI], coverage, and the paired comparison with the
/// next system down; then what it was ranked on.
pub fn render_leaderboard_table(board: &Leaderboard, layout: Layout) -> String {
    let mut text = fitted(layout, |stacked| {
        let metric = format!("{} [95% CI]", board.metric);
        let mut table = new_table(
            layout,
            &[
                "rank",
                "system",
                &metric,
                "coverage",
                "vs next: Δ [95% CI]",
                "p",
                "distinguishable",
                "steeper",
            ],
            &[0, 3, 5, 7],
        );
        for e in &board.entries {
            let (value, next) = leaderboard_cells(board, e, stacked);
            table.add_row(vec![
                Cell::new(e.rank),
                Cell::new(&e.system),
                bold(Cell::new(value), layout),
                Cell::new(format!("{}/{}", e.coverage.scored, e.coverage.union)),
                Cell::new(next.0),
                Cell::new(next.1),
                Cell::new(next.2),
                Cell::new(rate(e.steeper_share)),
            ]);
        }
        keep_whole(&mut table, &[2, 4]);
        table
    });
    text.push_str(&ranked_on(board));
    text.push('\n');
    text
}

/// A leaderboard entry's value with its interval, and its comparison with the next system:
/// difference with interval, p-value, and whether they are distinguishable.
pub(crate) fn leaderboard_cells(
    board: &Leaderboard,
    e: &Entry,
    stacked: bool,
) -> (String, (String, String, String)) {
    let speedup = board.metric == "speedup";
    let number = |v: f64| {
        if speedup {
            format!("{v:.2}")
        } else {
            format!("{v:.3}")
        }
    };
    let value = with_interval(
        &if speedup {
            format!("{:.2}x", e.value)
        } else {
            number(e.value)
        },
        &number(e.ci.lower),
        &number(e.ci.upper),
        stacked,
    );
    let next = match &e.vs_next {
        None => ("-".to_owned(), "-".to_owned(), "-".to_owned()),
        Some(n) => {
            let signed = |v: f64| {
                if speedup {
                    format!("{v:+.2}")
                } else {
                    format!("{v:+.3}")
                }
            };
            (
                with_interval(
                    &signed(n.difference),
                    &signed(n.ci.lower),
                    &signed(n.ci.upper),
                    stacked,
                ),
                if n.p_value < 0.001 {
                    "< 0.001".to_owned()
                } else {
                    format!("{:.3}", n.p_value)
                },
                if n.distinguishable { "yes" } else { "no" }.to_owned(),
            )
        }
    };
    (value, next)
}

/// eff@k means something only when some problem of the system has scored levels; imported
/// HumanEval problems (correctness tests only) have none.
pub(crate) fn measures_efficiency(report: &ScoreReport, system: &str) -> bool {
    report
        .systems
        .get(system)
        .is_some_and(|sys| sys.problems.keys().any(|id| problem_has_levels(report, id)))
}

/// Whether a problem has a level with weight > 0, so that its samples' e means something.
pub(crate) fn problem_has_levels(report: &ScoreReport, problem: &str) -> bool {
    report
        .provenance
        .problems
        .get(problem)
        .is_some_and(|p| p.weights.iter().any(|w| *w > 0.0))
}

pub(crate) fn median(st: &SystemSummary) -> String {
    st.cost_ratio
        .as_ref()
        .map_or("-".into(), |c| match &c.kaplan_meier.median {
            crate::stats::Quantile::Estimated { ratio } => format!("{ratio:.2}"),
            crate::stats::Quantile::Censored { above } => format!("> {above:.1}"),
        })
}

/// Display columns of the widest line.
#[cfg(test)]
pub(crate) fn widest(text: &str) -> usize {
    text.lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture;

    #[test]
    fn fits_80_columns_and_says_n_a_without_levels() {
        let report = fixture::report_with_speedup();
        let layout = Layout {
            color: false,
            width: Some(80),
        };
        let text = render_table(&report, layout);
        assert!(widest(&text) <= 80, "{text}");
        // `he-1` has no levels: its best e is not a number.
        let he = text.lines().find(|l| l.starts_with("he-1")).unwrap();
        assert!(he.contains("n/a"), "{he}");
        assert!(text.contains("mean speedup"), "{text}");
        // Unlimited, each system's row is on one line.
        let wide = render_table(&report, Layout::default());
        assert!(
            wide.lines()
                .any(|l| l.starts_with("fast") && l.contains("] ") && l.contains('%')),
            "{wide}"
        );
        assert!(!wide.lines().any(|l| l.ends_with(' ')), "{wide}");
    }

    #[test]
    fn color_is_ansi_bold_only_when_asked() {
        let report = fixture::report();
        let plain = render_table(&report, Layout::default());
        assert!(!plain.contains('\x1b'));
        let bold = render_table(
            &report,
            Layout {
                color: true,
                width: None,
            },
        );
        assert!(bold.contains("\x1b[1m"));
    }
}
