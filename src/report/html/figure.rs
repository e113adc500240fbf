//! A problem's figure: the log–log plot of fuel against input size as inline SVG, and its
//! legend; and the colours that tell systems apart everywhere on the page.

use maud::{Markup, html};

use super::plot::{BOTTOM, Frame, HEIGHT, LEFT, RIGHT, TOP, WIDTH, points, px, triangle};
use super::sections::Attempt;
use super::text::Text;
use crate::candidate::Family;
use crate::report::format::{fixed, group, short};
use crate::schema::{LevelScore, ProblemProvenance, Yardstick};
use crate::stats::GrowthFit;

/// Line colours of systems (Okabe–Ito, without the yellow that vanishes on white), by the
/// system's position in name order; past the palette, dash patterns tell systems apart.
const PALETTE: [&str; 7] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7b3294",
];
const DASHES: [&str; 3] = ["", "7 3", "2 3"];

/// The dash pattern of budget lines.
const BUDGET_DASH: &str = "6 4";
/// The dash pattern of fitted growth lines.
const FIT_DASH: &str = "1 3";

/// The colour and dash pattern of the system at `order` in name order.
fn system_style(order: usize) -> (&'static str, &'static str) {
    (
        PALETTE[order % PALETTE.len()],
        DASHES[(order / PALETTE.len()) % DASHES.len()],
    )
}

/// The system's colour, as a small square before its name.
pub(super) fn swatch(order: usize) -> Markup {
    html! {
        svg.swatch viewBox="0 0 10 10" width="10" height="10" aria-hidden="true" {
            rect width="10" height="10" fill=(system_style(order).0) {}
        }
    }
}

pub(super) fn family_name(family: Family) -> &'static str {
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

/// A `stroke-dasharray` value, absent for a solid line.
fn dash_array(dash: &str) -> Option<&str> {
    (!dash.is_empty()).then_some(dash)
}

/// The plot of problem `id` (the `index`th on the page) and its legend: the reference's T*_l
/// for each family, the budget T (dashed), and one line per system through the levels of its
/// best passing sample; a level that ran out of fuel is a ▲ drawn at T.
pub(super) fn figure(
    index: usize,
    id: &str,
    p: &ProblemProvenance,
    attempts: &[Attempt<'_>],
) -> Markup {
    let best = || attempts.iter().filter_map(|a| a.best);
    let levels = p
        .references
        .values()
        .map(|y| y.per_level.len())
        .chain(best().flat_map(|b| b.result.levels.iter().map(|l| l.level + 1)))
        .max()
        .unwrap_or(0);
    let fits = p
        .references
        .values()
        .filter_map(|y| y.growth.as_ref())
        .chain(best().filter_map(|b| b.result.growth.as_ref()));
    let fuels = p
        .references
        .values()
        .flat_map(|y| y.per_level.iter().copied().chain([y.budget]))
        .chain(best().flat_map(|b| b.result.levels.iter().filter_map(|l| l.fuel)))
        .chain(fits.flat_map(fit_ends));
    let frame = Frame::new(levels, &p.sizes, fuels);
    let title = format!("plot-{index}-title");
    let desc = format!("plot-{index}-desc");
    html! {
        figure {
            "\n"
            svg.plot viewBox={ "0 0 " (WIDTH) " " (HEIGHT) } role="img"
                aria-labelledby={ (title) " " (desc) } {
                "\n"
                title id=(title) { "Fuel per level of " (Text(id)) }
                "\n"
                desc id=(desc) {
                    "Log–log plot of fuel against input size: the reference cost per family, \
                     the budget T (dashed) and each system's best passing sample; a triangle \
                     marks a level that ran out of fuel, drawn at T."
                }
                "\n"
                (axes(&frame))
                // Budgets, then references, then systems on top.
                (budgets(&frame, p))
                (references(&frame, p))
                @for a in attempts {
                    (system(&frame, p, a))
                }
                // Fitted growth lines, dotted, over the sizes each was fitted on.
                @for (family, yardstick) in &p.references {
                    @if let Some(fit) = &yardstick.growth {
                        (fit_line(&frame, fit, family_color(*family), &format!(
                            "{} reference", family_name(*family)), true))
                    }
                }
                @for a in attempts {
                    @if let Some(fit) = a.best.and_then(|b| b.result.growth.as_ref()) {
                        (fit_line(&frame, fit, system_style(a.order).0, a.name, false))
                    }
                }
            }
            "\n"
            (legend(p, attempts))
            "\n"
        }
        "\n"
    }
}

/// The frame, the grid with its tick labels, and the axis titles.
fn axes(frame: &Frame) -> Markup {
    let bottom = HEIGHT - BOTTOM;
    html! {
        rect.frame x=(LEFT) y=(TOP) width=(WIDTH - LEFT - RIGHT) height=(HEIGHT - TOP - BOTTOM) {}
        "\n"
        @for (y, label) in frame.y_ticks() {
            @let y = px(y);
            line.grid x1=(LEFT) y1=(y) x2=(WIDTH - RIGHT) y2=(y) {}
            text.tick x=(LEFT - 6.0) y=(y) text-anchor="end" dominant-baseline="middle" { (label) }
            "\n"
        }
        @for (x, label) in frame.x_ticks() {
            @let x = px(x);
            line.grid x1=(x) y1=(TOP) x2=(x) y2=(bottom) {}
            text.tick x=(x) y=(bottom + 16.0) text-anchor="middle" { (label) }
            "\n"
        }
        text.axis x=(px((LEFT + WIDTH - RIGHT) / 2.0)) y=(HEIGHT - 8.0) text-anchor="middle" {
            @if frame.by_size() {
                "input size (log scale)"
            } @else {
                "level (input sizes not in the report)"
            }
        }
        "\n"
        text.axis transform={ "translate(14 " (px((TOP + HEIGHT - BOTTOM) / 2.0)) ") rotate(-90)" }
            text-anchor="middle" { "fuel (log scale)" }
        "\n"
    }
}

/// Each family's budget T, a dashed line across with its label on the right.
fn budgets(frame: &Frame, p: &ProblemProvenance) -> Markup {
    html! {
        @for (i, (family, yardstick)) in p.references.iter().enumerate() {
            @let at = frame.y_of(yardstick.budget);
            @let y = px(at);
            @let color = family_color(*family);
            // Labels of two budgets could coincide: the second one goes under its line.
            @let label_y = if i % 2 == 0 { at - 4.0 } else { at + 12.0 };
            line.budget x1=(LEFT) y1=(y) x2=(WIDTH - RIGHT) y2=(y) stroke=(color)
                stroke-dasharray=(BUDGET_DASH) {
                title {
                    "budget T (" (family_name(*family)) ") = " (group(yardstick.budget)) " fuel"
                }
            }
            text.tick x=(WIDTH - RIGHT + 4.0) y=(px(label_y)) fill=(color) {
                "T " (family_name(*family))
            }
            "\n"
        }
    }
}

/// Each family's reference cost T*_l: a line through squares.
fn references(frame: &Frame, p: &ProblemProvenance) -> Markup {
    html! {
        @for (family, yardstick) in &p.references {
            @let color = family_color(*family);
            @let at: Vec<(f64, f64)> = (0..yardstick.per_level.len())
                .map(|l| (frame.x_of(l), frame.y_of(yardstick.per_level[l])))
                .collect();
            (polyline(at.iter().copied(), color, "", 2.5))
            @for (l, &(x, y)) in at.iter().enumerate() {
                rect x=(px(x - 3.5)) y=(px(y - 3.5)) width="7" height="7" fill=(color) {
                    title {
                        (family_name(*family)) " reference (" (Text(yardstick.language.name()))
                        "), " (size_text(p, l)) ": T* = " (group(yardstick.per_level[l])) " fuel"
                    }
                }
                "\n"
            }
        }
    }
}

/// A system's best passing sample: a line through its levels, a circle where it finished and
/// a ▲ at T where it ran out of fuel (or was not run after a level that did).
fn system(frame: &Frame, p: &ProblemProvenance, a: &Attempt<'_>) -> Markup {
    let Some(best) = a.best else {
        return html! {};
    };
    let budget = p
        .references
        .get(&best.result.language.family())
        .map(|y: &Yardstick| y.budget);
    let (color, dash) = system_style(a.order);
    let at: Vec<(&LevelScore, f64, f64)> = best
        .result
        .levels
        .iter()
        .filter(|l| l.level < frame.levels())
        .filter_map(|l| {
            let fuel = l.fuel.or(budget)?;
            Some((l, frame.x_of(l.level), frame.y_of(fuel)))
        })
        .collect();
    let first_censored = best
        .result
        .levels
        .iter()
        .find(|l| l.censored)
        .map(|l| l.level);
    html! {
        (polyline(at.iter().map(|&(_, x, y)| (x, y)), color, dash, 2.0))
        @for &(l, x, y) in &at {
            @match l.fuel {
                Some(fuel) => {
                    circle cx=(px(x)) cy=(px(y)) r="4" fill=(color) stroke="#ffffff" {
                        title {
                            (Text(a.name)) " (" (Text(&best.name)) "), " (size_text(p, l.level))
                            ": " (group(fuel)) " fuel"
                            @if l.reference_fuel > 0 {
                                ", t/T* = " (fixed(fuel as f64 / l.reference_fuel as f64, 2))
                            }
                            ", f = " (fixed(l.score, 3))
                        }
                    }
                    "\n"
                }
                None => {
                    path.censored d=(triangle(x, y)) fill=(color) stroke="#ffffff" {
                        title {
                            (Text(a.name)) " (" (Text(&best.name)) "), " (size_text(p, l.level))
                            ": "
                            @if first_censored == Some(l.level) {
                                "ran out of fuel"
                            } @else {
                                "not run after level " (first_censored.unwrap_or(0))
                                " ran out of fuel"
                            }
                            "; cost ≥ T = " (group(budget.unwrap_or(0))) " fuel"
                        }
                    }
                    "\n"
                }
            }
        }
    }
}

/// The fuels at the two ends of a fitted line, so that the plot holds it.
fn fit_ends(fit: &GrowthFit) -> [u64; 2] {
    [fit.min_size, fit.max_size].map(|s| {
        (fit.intercept + fit.exponent * (s.max(1) as f64).ln())
            .exp()
            .min(1e18) as u64
    })
}

/// A fitted growth line, dotted, with its exponent at the right end: above it for a
/// reference, below it for a system, so that the two labels of a sample that fits like its
/// reference do not cover each other.
fn fit_line(frame: &Frame, fit: &GrowthFit, color: &str, who: &str, above: bool) -> Markup {
    let Some([from, to]) = frame.fitted(fit.intercept, fit.exponent, fit.min_size, fit.max_size)
    else {
        return html! {};
    };
    html! {
        line.fit x1=(px(from.0)) y1=(px(from.1)) x2=(px(to.0)) y2=(px(to.1)) stroke=(color)
            stroke-width="1.5" stroke-dasharray=(FIT_DASH) {
            title { (Text(who)) ": " (growth_text(fit)) }
        }
        text.tick x=(px(to.0 + 4.0)) y=(px(to.1 + if above { -7.0 } else { 7.0 })) fill=(color)
            dominant-baseline="middle" {
            "b=" (fixed(fit.exponent, 2))
        }
        "\n"
    }
}

/// `cost ∝ size^1.12 [1.05, 1.19], n log n`.
pub(super) fn growth_text(fit: &GrowthFit) -> String {
    format!(
        "cost ∝ size^{} [{}, {}], {}",
        fixed(fit.exponent, 2),
        fixed(fit.low, 2),
        fixed(fit.high, 2),
        fit.label
    )
}

/// `level 2, size 1,000` (or `level 2` where the report has no size).
fn size_text(p: &ProblemProvenance, level: usize) -> String {
    match p.sizes.get(level) {
        Some(&size) => format!("level {level}, size {}", group(size)),
        None => format!("level {level}"),
    }
}

/// A line through `at`; nothing for fewer than two points.
fn polyline(at: impl Iterator<Item = (f64, f64)>, color: &str, dash: &str, width: f64) -> Markup {
    html! {
        @if let Some(points) = points(at) {
            polyline fill="none" stroke=(color) stroke-width=(width)
                stroke-dasharray=[dash_array(dash)] points=(points) {}
            "\n"
        }
    }
}

fn legend(p: &ProblemProvenance, attempts: &[Attempt<'_>]) -> Markup {
    html! {
        figcaption {
            "\n"
            ul.legend {
                "\n"
                @for (family, yardstick) in &p.references {
                    @let color = family_color(*family);
                    li {
                        (key(color, "", 2.5, Marker::Square))
                        (family_name(*family)) " reference (" (Text(yardstick.language.name()))
                        "), T* per level"
                    }
                    "\n"
                    li {
                        (key(color, BUDGET_DASH, 1.5, Marker::None))
                        "budget T (" (family_name(*family)) ") = " (short(yardstick.budget))
                    }
                    "\n"
                    @if let Some(fit) = &yardstick.growth {
                        li {
                            (key(color, FIT_DASH, 1.5, Marker::None))
                            "fitted growth (" (family_name(*family)) " reference): "
                            (growth_text(fit))
                        }
                        "\n"
                    }
                }
                @for a in attempts {
                    @if let Some(best) = a.best {
                        @let (color, dash) = system_style(a.order);
                        li {
                            (key(color, dash, 2.0, Marker::Circle))
                            span.sys { (Text(a.name)) }
                            " "
                            span.muted {
                                "(" (Text(best.result.language.name())) ", "
                                code { (Text(&best.name)) }
                                ", e = " (fixed(best.result.score, 3))
                                @if let Some(fit) = &best.result.growth {
                                    "; " (growth_text(fit))
                                }
                                ")"
                            }
                        }
                        "\n"
                    }
                }
                li {
                    (key("#555555", "", 0.0, Marker::Triangle))
                    "ran out of fuel: drawn at T (cost ≥ T)"
                }
                "\n"
            }
            "\n"
        }
    }
}

enum Marker {
    None,
    Square,
    Circle,
    Triangle,
}

/// A small legend key: a line segment (none when `width` is 0) and a marker.
fn key(color: &str, dash: &str, width: f64, marker: Marker) -> Markup {
    html! {
        svg.key viewBox="0 0 30 14" width="30" height="14" aria-hidden="true" {
            @if width > 0.0 {
                line x1="1" y1="7" x2="29" y2="7" stroke=(color) stroke-width=(width)
                    stroke-dasharray=[dash_array(dash)] {}
            }
            @match marker {
                Marker::None => {}
                Marker::Square => rect x="11.5" y="3.5" width="7" height="7" fill=(color) {},
                Marker::Circle => circle cx="15" cy="7" r="4" fill=(color) {},
                Marker::Triangle => path d="M15 1 L21 12 L9 12 Z" fill=(color) {},
            }
        }
    }
}
