//! JUnit XML for CI dashboards, written by quick-junit: one test suite per system, one test
//! case per sample (the class is the problem). Each case has the properties `pass`, `e` (the
//! efficiency score), `fuel` (summed over the level tests that finished) and `censored`; a failing
//! sample carries its deciding verdict and the failed test's detail; a censored sample (out of
//! fuel on a level ≥ 1, which still passes) says so in its system-out.

use std::fmt::Write as _;

use quick_junit::{NonSuccessKind, Property, Report, TestCase, TestCaseStatus, TestSuite};

use super::failure;
use super::table::problem_has_levels;
use crate::schema::{SampleReport, ScoreReport};

/// Text as XML 1.0 can hold it. XML 1.0 forbids the C0 controls other than tab, line feed and
/// carriage return — even as character references, so `&#x1;` is not well-formed either — and
/// the noncharacters U+FFFE and U+FFFF. A control becomes its visible escape, the text `\x01` …
/// `\x1f` (so a diff still shows which byte was there, where quick-junit would drop it, and with
/// ESC the rest of an ANSI sequence, without a trace); a noncharacter becomes U+FFFD. Every
/// string of the report goes through this before quick-junit sees it.
fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' => {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

pub fn render_junit(report: &ScoreReport) -> String {
    let mut out = Report::new("fuelgauge");
    for (name, system) in &report.systems {
        let mut suite = TestSuite::new(xml_text(name));
        for st in &system.stats {
            suite.add_property(Property::new(
                format!("pass@{}", st.k),
                format!("{:.6}", st.pass_at_k.value),
            ));
            suite.add_property(Property::new(
                format!("eff@{}", st.k),
                format!("{:.6}", st.eff_at_k.value),
            ));
            suite.add_property(Property::new(
                format!("mem@{}", st.k),
                format!("{:.6}", st.mem_at_k.value),
            ));
        }
        if let Some(sp) = report.speedup.as_ref().and_then(|s| s.get(name)) {
            suite.add_property(Property::new(
                "speedup",
                format!("{:.6}", sp.mean_speedup.value),
            ));
            if let Some(opt) = sp.percent_opt.get("1.10") {
                suite.add_property(Property::new("opt@1.10", format!("{:.6}", opt.value)));
            }
            suite.add_property(Property::new(
                "correct",
                format!("{:.6}", sp.percent_correct.value),
            ));
        }
        for (id, problem) in &system.problems {
            let levels = problem_has_levels(report, id);
            for sample in &problem.samples {
                suite.add_test_case(test_case(id, sample, levels));
            }
        }
        out.add_test_suite(suite);
    }
    // Serializing an in-memory report only fails on a broken writer, and a String is not one.
    out.to_string()
        .expect("a JUnit report serializes into a String")
}

fn test_case(problem: &str, sample: &SampleReport, levels: bool) -> TestCase {
    let r = &sample.result;
    let first_censored = r.levels.iter().find(|l| l.censored).map(|l| l.level);
    let status = if r.passed {
        TestCaseStatus::success()
    } else {
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
        status
            .set_message(xml_text(r.verdict.name()))
            .set_type(xml_text(r.verdict.name()));
        if let Some(test) = failure::first_failed(&r.tests) {
            let mut body = format!(
                "{} on test {} (level {})",
                test.verdict.name(),
                test.name,
                test.level
            );
            if let Some(detail) = failure::detail(&test.verdict) {
                body.push_str(":\n");
                body.push_str(detail);
            }
            status.set_description(xml_text(&body));
        }
        status
    };
    let mut case = TestCase::new(xml_text(&sample.name), status);
    case.set_classname(xml_text(problem));
    // The levels' tests: the growth fit's extra sizes are in no score.
    let fuel: u64 = r
        .tests
        .iter()
        .filter(|t| !t.is_growth())
        .filter_map(|t| t.fuel)
        .sum();
    case.add_property(Property::new("pass", r.passed.to_string()));
    case.add_property(Property::new(
        "e",
        if levels {
            format!("{:.6}", r.score)
        } else {
            "n/a".to_owned()
        },
    ));
    case.add_property(Property::new("fuel", fuel.to_string()));
    case.add_property(Property::new(
        "censored",
        first_censored.is_some().to_string(),
    ));
    if let Some(level) = first_censored {
        case.set_system_out(format!(
            "censored: out of fuel on level {level}; levels {level} and up score 0 and the \
             sample still passes (e = {:.3})",
            r.score
        ));
    }
    case
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture;

    /// Every element's name, and the attributes `(element, attribute) → value`.
    fn parse(xml: &str) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("not well-formed: {e}\n{xml}"))
    }

    #[test]
    fn one_suite_per_system_one_case_per_sample() {
        let xml = render_junit(&fixture::report_with_speedup());
        let doc = parse(&xml);
        let suites: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("testsuite"))
            .collect();
        let names: Vec<&str> = suites.iter().filter_map(|s| s.attribute("name")).collect();
        assert_eq!(names, ["bad", "fast", "slow"]);
        let fast = suites[1];
        let cases: Vec<_> = fast
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        assert_eq!(cases.len(), 3, "{xml}");
        assert!(cases.iter().all(|c| c.attribute("classname").is_some()));
        let property = |case: roxmltree::Node<'_, '_>, name: &str| -> String {
            case.descendants()
                .find(|n| n.has_tag_name("property") && n.attribute("name") == Some(name))
                .and_then(|n| n.attribute("value"))
                .unwrap_or_else(|| panic!("no property {name}"))
                .to_owned()
        };
        let he = cases
            .iter()
            .find(|c| c.attribute("classname") == Some("he-1"))
            .unwrap();
        assert_eq!(property(*he, "e"), "n/a");
        assert_eq!(property(*he, "fuel"), "400");
        assert!(
            fast.descendants()
                .any(|n| n.has_tag_name("property") && n.attribute("name") == Some("speedup"))
        );
        // The censored sample passes and says so.
        let slow = suites[2]
            .children()
            .find(|n| n.has_tag_name("testcase"))
            .unwrap();
        assert_eq!(property(slow, "censored"), "true");
        assert_eq!(property(slow, "pass"), "true");
        assert!(!slow.descendants().any(|n| n.has_tag_name("failure")));
        let out = slow
            .descendants()
            .find(|n| n.has_tag_name("system-out"))
            .and_then(|n| n.text())
            .unwrap();
        assert!(out.contains("level 2"), "{out}");
    }

    #[test]
    fn forbidden_characters_become_visible_escapes() {
        assert_eq!(
            xml_text("a\u{0}b\u{1}c\u{1b}[31md\u{1f}"),
            "a\\x00b\\x01c\\x1b[31md\\x1f"
        );
        assert_eq!(xml_text("\u{fffe}\u{ffff}"), "\u{fffd}\u{fffd}");
        // Whitespace XML allows, and everything else, stays.
        assert_eq!(xml_text("a\tb\nc\r\u{7f}\u{85}é"), "a\tb\nc\r\u{7f}\u{85}é");
    }

    #[test]
    fn names_with_controls_are_well_formed_attributes() {
        let mut report = fixture::report();
        let system = report.systems.remove("bad").unwrap();
        report
            .systems
            .insert("bad\u{7}<\"&\u{ffff}".to_owned(), system);
        let xml = render_junit(&report);
        let doc = parse(&xml);
        let names: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("testsuite"))
            .filter_map(|n| n.attribute("name"))
            .collect();
        assert_eq!(names, ["bad\\x07<\"&\u{fffd}", "fast", "slow"]);
    }

    #[test]
    fn failures_carry_the_verdict_and_detail_as_well_formed_xml() {
        let xml = render_junit(&fixture::report());
        // No character XML 1.0 forbids, escaped or raw: the document parses.
        assert!(!xml.contains("&#x1;") && !xml.contains('\u{1}') && !xml.contains('\u{fffe}'));
        let doc = parse(&xml);
        let failure = doc
            .descendants()
            .find(|n| n.has_tag_name("failure"))
            .unwrap();
        assert_eq!(failure.attribute("message"), Some("wrong_answer"));
        let body = failure.text().unwrap();
        assert!(
            body.contains("wrong_answer on test hand-1 (level 0)")
                && body.contains("got <b>&\\x01\u{fffd}</b>"),
            "{body}"
        );
    }
}
