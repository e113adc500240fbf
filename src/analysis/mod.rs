//! Analyses of score reports, which run nothing: the statistics of each system, PIE-style
//! speedups, the leaderboard (merging results and ranking systems) and the comparison of two
//! results (the CI gate).

pub mod compare;
#[cfg(test)]
pub(crate) mod fixture;
pub mod leaderboard;
pub mod samples;
pub mod speedup;

pub use samples::{paired_difference, problem_samples, summarize};

/// The first five names, then "…" when there are more: `a, b, c, d, e, …`.
pub(crate) fn first_few(names: &[&str]) -> String {
    let shown = names.iter().take(5).copied().collect::<Vec<_>>().join(", ");
    if names.len() > 5 {
        format!("{shown}, …")
    } else {
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_stop_after_five() {
        assert_eq!(first_few(&["a", "b"]), "a, b");
        assert_eq!(
            first_few(&["a", "b", "c", "d", "e", "f"]),
            "a, b, c, d, e, …"
        );
    }
}
