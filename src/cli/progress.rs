//! The progress bar: a reporter of a score run's events, drawn on stderr when it is a
//! terminal.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::pipeline::{Reporter, ReporterError, ScoreEvent};

pub(crate) struct Progress {
    bar: indicatif::ProgressBar,
    done: AtomicU64,
    failed: AtomicU64,
}

impl Progress {
    /// done/total, failures, ETA. The failure count starts at 0, so the first frame already
    /// has it.
    pub(crate) fn new(total: u64) -> Progress {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(total),
            indicatif::ProgressDrawTarget::stderr(),
        );
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:30} {pos}/{len} samples, {msg} failed, ETA {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar.set_message("0");
        Progress {
            bar,
            done: AtomicU64::new(0),
            failed: AtomicU64::new(0),
        }
    }

    /// The bar itself (the Ctrl-C handler clears it).
    pub(crate) fn bar(&self) -> indicatif::ProgressBar {
        self.bar.clone()
    }

    fn step(&self, failed: bool) {
        let failed = if failed {
            self.failed.fetch_add(1, Ordering::Relaxed) + 1
        } else {
            self.failed.load(Ordering::Relaxed)
        };
        self.bar
            .set_position(self.done.fetch_add(1, Ordering::Relaxed) + 1);
        self.bar.set_message(failed.to_string());
    }
}

impl Reporter for Progress {
    fn event(&self, event: &ScoreEvent<'_>) -> Result<(), ReporterError> {
        match event {
            ScoreEvent::SampleJudged { result, .. } => self.step(!result.passed),
            ScoreEvent::SampleLeftOut { .. } => self.step(true),
            ScoreEvent::Finished { .. } => self.bar.finish_and_clear(),
            // A shard judges its share of the samples.
            ScoreEvent::Started { samples } => self.bar.set_length(*samples),
            ScoreEvent::ProblemPrepared { .. } | ScoreEvent::ProblemUnusable { .. } => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidate::Language;
    use crate::schema::{SampleResult, VerdictKind};

    #[test]
    fn counts_samples_and_failures() {
        let progress = Progress::new(3);
        assert_eq!(progress.bar.message(), "0");
        let result = |passed| SampleResult {
            language: Language::Wat,
            passed,
            score: 0.0,
            memory_score: 0.0,
            growth: None,
            reference_exponent: None,
            level_growth: crate::stats::Growth::NotCompared,
            verdict: if passed {
                VerdictKind::Accepted
            } else {
                VerdictKind::WrongAnswer
            },
            levels: Vec::new(),
            tests: Vec::new(),
        };
        for passed in [true, false] {
            let r = result(passed);
            progress
                .event(&ScoreEvent::SampleJudged {
                    system: "s",
                    problem: "p",
                    sample: "a",
                    key: "k",
                    resumed: false,
                    result: &r,
                })
                .unwrap();
        }
        progress
            .event(&ScoreEvent::SampleLeftOut {
                system: "s",
                problem: "p",
                sample: "b",
                reason: "x",
            })
            .unwrap();
        assert_eq!(progress.bar.position(), 3);
        assert_eq!(progress.bar.message(), "2");
    }
}
