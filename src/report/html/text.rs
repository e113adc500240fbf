//! Text taken from a report, as the page shows it.

use std::fmt::Write as _;

use maud::{Escaper, Render};

/// Text from a report — a system, problem or sample name, a title, a diff, a warning — for
/// element content or a (double-quoted) attribute value. Every such string is hostile: maud
/// escapes `&`, `<`, `>` and `"`, and on top of that the characters HTML forbids in a document
/// (controls other than tab, line feed and carriage return, and noncharacters) become U+FFFD.
#[derive(Debug, Clone, Copy)]
pub(super) struct Text<'a>(pub &'a str);

impl Render for Text<'_> {
    fn render_to(&self, buffer: &mut String) {
        let mut escaper = Escaper::new(buffer);
        let mut rest = self.0;
        // Writing into a String cannot fail.
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| forbidden_in_html(c)) {
            let _ = escaper.write_str(&rest[..at]);
            let _ = escaper.write_char('\u{fffd}');
            rest = &rest[at + c.len_utf8()..];
        }
        let _ = escaper.write_str(rest);
    }
}

/// The text, or `—` when it is blank.
pub(super) fn or_dash(text: &str) -> Text<'_> {
    Text(if text.trim().is_empty() { "—" } else { text })
}

/// At most `max` characters of `text`, with `…` when cut.
pub(super) fn abbreviate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

fn forbidden_in_html(c: char) -> bool {
    let u = u32::from(c);
    (u < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
        || (0x7f..=0x9f).contains(&u)
        || (0xfdd0..=0xfdef).contains(&u)
        || u & 0xfffe == 0xfffe
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str) -> String {
        Text(text).render().into_string()
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            render("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; 'y')&lt;/script&gt;"
        );
        assert_eq!(render("model-a 7b"), "model-a 7b");
    }

    #[test]
    fn forbidden_characters_become_replacement_characters() {
        assert_eq!(
            render("a\u{0}b\u{7}c\u{c}d\u{7f}\u{9f}e\u{fdd0}\u{fffe}\u{1ffff}f"),
            "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}\u{fffd}e\u{fffd}\u{fffd}\u{fffd}f"
        );
        // Whitespace stays, and so does everything else outside those ranges.
        assert_eq!(
            render("a\tb\nc\r\u{a0}é\u{fffd}"),
            "a\tb\nc\r\u{a0}é\u{fffd}"
        );
        assert_eq!(render("<\u{1}>"), "&lt;\u{fffd}&gt;");
    }

    #[test]
    fn blanks_are_dashes_and_long_texts_are_cut_by_characters() {
        assert_eq!(or_dash(" ").0, "—");
        assert_eq!(or_dash("3.14").0, "3.14");
        assert_eq!(abbreviate("ééé", 2), "éé…");
        assert_eq!(abbreviate("abc", 3), "abc");
    }
}
