//! The HTML report of `fuelgauge score`: one self-contained, static page.
//!
//! The page loads nothing: its Content-Security-Policy (`default-src 'none'`) forbids every
//! external resource, the CSS and the small vanilla script (`src/report/assets/`) are inline and
//! the plots are inline SVG, so it works offline and from a CI artifact. It shows, in order:
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
//! The markup is written with maud, which escapes every value spliced into it; a string taken
//! from the report also goes through `Text`, which replaces the characters HTML forbids.
//! Only the asset files are spliced unescaped. The output depends on the report alone:
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

mod figure;
mod page;
mod plot;
mod sections;
mod text;

pub use page::{render_html, render_leaderboard_html};
