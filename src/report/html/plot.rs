//! The geometry of a problem's log–log plot: where a level and a fuel go in the picture, the
//! ticks, and coordinates as the SVG writes them. Pure functions of numbers; the markup is in
//! [`super::figure`].

use crate::report::format::{SI_PREFIXES, fixed};

/// The picture, in SVG user units, and the margins around the plotting area.
pub(super) const WIDTH: f64 = 760.0;
pub(super) const HEIGHT: f64 = 340.0;
pub(super) const LEFT: f64 = 62.0;
pub(super) const RIGHT: f64 = 78.0;
pub(super) const TOP: f64 = 14.0;
pub(super) const BOTTOM: f64 = 46.0;

/// A linear map from `[lo, hi]` (data units: decades or levels) to `[start, end]` (pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Scale {
    pub lo: f64,
    pub hi: f64,
    pub start: f64,
    pub end: f64,
}

impl Scale {
    pub fn at(&self, value: f64) -> f64 {
        self.start + (value - self.lo) / (self.hi - self.lo) * (self.end - self.start)
    }
}

/// Where levels go horizontally.
#[derive(Debug, Clone, PartialEq)]
enum XAxis {
    /// log10 of each level's input size (every level has one).
    Size(Vec<f64>),
    /// Level numbers, evenly spaced (the report has no size for some level).
    Level,
}

/// The axes of one plot: levels (by input size when every level has one) across, fuel up, both
/// on log scales that hold every value drawn.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Frame {
    x_axis: XAxis,
    levels: usize,
    x: Scale,
    y: Scale,
    /// The decades of the fuel axis.
    fuel_decades: (i32, i32),
}

impl Frame {
    /// The frame for `levels` levels (at least one), their input `sizes` (if known for every
    /// level) and every fuel the plot shows.
    pub fn new(levels: usize, sizes: &[u64], fuels: impl IntoIterator<Item = u64>) -> Frame {
        let levels = levels.max(1);
        let y_logs: Vec<f64> = fuels.into_iter().map(log).collect();
        let fuel_decades = decades(&y_logs);
        let y = Scale {
            lo: f64::from(fuel_decades.0),
            hi: f64::from(fuel_decades.1),
            start: HEIGHT - BOTTOM,
            end: TOP,
        };
        let (x_axis, lo, hi) = if sizes.len() >= levels {
            let logs: Vec<f64> = sizes.iter().map(|&s| log(s)).collect();
            let (lo, hi) = decades(&logs[..levels]);
            (XAxis::Size(logs), f64::from(lo), f64::from(hi))
        } else {
            (XAxis::Level, -0.5, levels as f64 - 0.5)
        };
        let x = Scale {
            lo,
            hi,
            start: LEFT,
            end: WIDTH - RIGHT,
        };
        Frame {
            x_axis,
            levels,
            x,
            y,
            fuel_decades,
        }
    }

    /// Whether levels are placed by their input size (else by their number).
    pub fn by_size(&self) -> bool {
        matches!(self.x_axis, XAxis::Size(_))
    }

    /// How many levels the frame has room for.
    pub fn levels(&self) -> usize {
        self.levels
    }

    /// The horizontal position of a level (below [`Frame::levels`]).
    pub fn x_of(&self, level: usize) -> f64 {
        match &self.x_axis {
            XAxis::Size(logs) => self.x.at(logs[level]),
            XAxis::Level => self.x.at(level as f64),
        }
    }

    /// The vertical position of a fuel.
    pub fn y_of(&self, fuel: u64) -> f64 {
        self.y.at(log(fuel))
    }

    /// The points of a fitted line `ln fuel = intercept + exponent · ln size` from `min` to
    /// `max` size; `None` when sizes are not on the axis.
    pub fn fitted(
        &self,
        intercept: f64,
        exponent: f64,
        min: u64,
        max: u64,
    ) -> Option<[(f64, f64); 2]> {
        if !self.by_size() {
            return None;
        }
        let at = |size: u64| {
            let fuel_log10 =
                (intercept + exponent * (size.max(1) as f64).ln()) / std::f64::consts::LN_10;
            (self.x.at(log(size)), self.y.at(fuel_log10))
        };
        Some([at(min), at(max)])
    }

    /// The fuel axis' ticks, bottom up: position and label.
    pub fn y_ticks(&self) -> Vec<(f64, String)> {
        let (lo, hi) = self.fuel_decades;
        ticks(lo, hi)
            .map(|e| (self.y.at(f64::from(e)), decade_label(e)))
            .collect()
    }

    /// The level axis' ticks, left to right: decades of input size, or `L0`, `L1`, ….
    pub fn x_ticks(&self) -> Vec<(f64, String)> {
        match self.x_axis {
            XAxis::Size(_) => ticks(self.x.lo as i32, self.x.hi as i32)
                .map(|e| (self.x.at(f64::from(e)), decade_label(e)))
                .collect(),
            XAxis::Level => (0..self.levels)
                .map(|l| (self.x_of(l), format!("L{l}")))
                .collect(),
        }
    }
}

/// log10 of a fuel or size, clamped to 1 so that zero can be drawn on a log axis.
pub(super) fn log(value: u64) -> f64 {
    (value.max(1) as f64).log10()
}

/// The decades `[lo, hi]` that hold every value, at least one decade wide, never below 10^0.
pub(super) fn decades(logs: &[f64]) -> (i32, i32) {
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

/// Tick decades from `lo` to `hi`, at most about nine of them.
pub(super) fn ticks(lo: i32, hi: i32) -> impl Iterator<Item = i32> {
    let step = ((hi - lo).max(1) + 7) / 8;
    (lo..=hi).step_by(step as usize)
}

/// `10^e` as `1`, `10`, `100`, `1k`, …, `1M`, `1G`, `1T`, `1P`, `1E`, ….
pub(super) fn decade_label(e: i32) -> String {
    let top = 3 * SI_PREFIXES.len() as i32 - 1;
    let e = e.clamp(0, top) as usize;
    format!("{}{}", 10_u32.pow((e % 3) as u32), SI_PREFIXES[e / 3])
}

/// A coordinate with one decimal.
pub(super) fn px(value: f64) -> String {
    fixed(value, 1)
}

/// A polyline's `points`: `x,y x,y …`; `None` for fewer than two points (no line to draw).
pub(super) fn points(points: impl IntoIterator<Item = (f64, f64)>) -> Option<String> {
    let points: Vec<String> = points
        .into_iter()
        .map(|(x, y)| format!("{},{}", px(x), px(y)))
        .collect();
    (points.len() >= 2).then(|| points.join(" "))
}

/// The path of the ▲ that marks a level that ran out of fuel, centred on `(x, y)`.
pub(super) fn triangle(x: f64, y: f64) -> String {
    format!(
        "M{} {} L{} {} L{} {} Z",
        px(x),
        px(y - 7.0),
        px(x + 6.0),
        px(y + 4.0),
        px(x - 6.0),
        px(y + 4.0)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scale_maps_its_ends_and_reverses() {
        let up = Scale {
            lo: 0.0,
            hi: 4.0,
            start: 294.0,
            end: 14.0,
        };
        assert_eq!(up.at(0.0), 294.0);
        assert_eq!(up.at(4.0), 14.0);
        assert_eq!(up.at(2.0), 154.0);
    }

    #[test]
    fn decades_hold_every_value() {
        assert_eq!(decades(&[1.0, 5.0]), (1, 5));
        assert_eq!(decades(&[1.3, 4.7]), (1, 5));
        // One value on a power of ten is centred; nothing goes below 10^0.
        assert_eq!(decades(&[3.0]), (2, 4));
        assert_eq!(decades(&[0.0]), (0, 1));
        assert_eq!(decades(&[0.0, 0.0]), (0, 1));
        // No values: one decade.
        assert_eq!(decades(&[]), (0, 1));
        assert_eq!(log(0), 0.0);
        assert_eq!(log(1000), 1000_f64.log10());
    }

    #[test]
    fn ticks_are_at_most_about_nine() {
        assert_eq!(ticks(0, 3).collect::<Vec<_>>(), [0, 1, 2, 3]);
        assert_eq!(ticks(0, 8).collect::<Vec<_>>().len(), 9);
        assert_eq!(ticks(0, 9).collect::<Vec<_>>(), [0, 2, 4, 6, 8]);
        assert_eq!(ticks(2, 2).collect::<Vec<_>>(), [2]);
    }

    #[test]
    fn decade_labels_use_si_prefixes() {
        let labels: Vec<String> = [0, 1, 2, 3, 5, 6, 9, 18, 20].map(decade_label).to_vec();
        assert_eq!(
            labels,
            ["1", "10", "100", "1k", "100k", "1M", "1G", "1E", "100E"]
        );
        assert_eq!(decade_label(-3), "1");
        assert_eq!(decade_label(99), "100Y");
    }

    #[test]
    fn a_frame_by_size_spans_the_decades_of_sizes_and_fuels() {
        let frame = Frame::new(3, &[10, 1_000, 100_000], [100, 4_000_000]);
        assert!(frame.by_size());
        // Sizes 10^1 … 10^5 across, from the left margin to the right one.
        assert_eq!(px(frame.x_of(0)), px(LEFT));
        assert_eq!(px(frame.x_of(1)), "372.0");
        assert_eq!(px(frame.x_of(2)), px(WIDTH - RIGHT));
        // Fuel 10^2 … 10^7 up: 100 at the bottom, 10^7 at the top.
        assert_eq!(px(frame.y_of(100)), px(HEIGHT - BOTTOM));
        assert_eq!(px(frame.y_of(10_000_000)), px(TOP));
        let labels: Vec<String> = frame.y_ticks().into_iter().map(|(_, l)| l).collect();
        assert_eq!(labels, ["100", "1k", "10k", "100k", "1M", "10M"]);
        let x: Vec<(String, String)> = frame
            .x_ticks()
            .into_iter()
            .map(|(at, l)| (px(at), l))
            .collect();
        assert_eq!(x[0], ("62.0".to_owned(), "10".to_owned()));
        assert_eq!(x.len(), 5);
    }

    #[test]
    fn a_frame_without_sizes_places_levels_evenly() {
        let frame = Frame::new(2, &[10], [0]);
        assert!(!frame.by_size());
        assert_eq!(frame.levels(), 2);
        let x: Vec<(String, String)> = frame
            .x_ticks()
            .into_iter()
            .map(|(at, l)| (px(at), l))
            .collect();
        assert_eq!(
            x,
            [
                ("217.0".to_owned(), "L0".to_owned()),
                ("527.0".to_owned(), "L1".to_owned())
            ]
        );
        // Zero fuel is drawn at 10^0, the bottom.
        assert_eq!(px(frame.y_of(0)), px(HEIGHT - BOTTOM));
        // No level at all still leaves room for one.
        assert_eq!(Frame::new(0, &[], []).levels(), 1);
    }

    #[test]
    fn coordinates_and_shapes() {
        assert_eq!(px(12.345), "12.3");
        assert_eq!(px(-0.04), "0.0");
        assert_eq!(points([(1.0, 2.0)]), None);
        assert_eq!(
            points([(1.0, 2.0), (3.26, 4.0)]).as_deref(),
            Some("1.0,2.0 3.3,4.0")
        );
        assert_eq!(triangle(10.0, 20.0), "M10.0 13.0 L16.0 24.0 L4.0 24.0 Z");
    }
}
