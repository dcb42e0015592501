//! RTF for the written request (issue 16): a file that common word
//! processors open and let the family or the lawyer edit.
//!
//! Plain RTF 1.x in 7-bit ASCII. Every piece of text is escaped: `{` and
//! `}` as `\{` and `\}`; `\` as `\u92?`; anything outside printable ASCII as
//! `\uN?`, with N the UTF-16 code unit as a signed 16-bit number (so a
//! character above U+FFFF is two of them, its surrogate pair) and `?` the
//! one-character fallback that `\uc1` tells readers to skip. Control
//! characters become spaces. A name such as `{\rtf1 \par}` therefore comes
//! out as the same characters, never as markup.
//!
//! The page size is left to the word processor (A4 or Letter, as its
//! locale says); one-inch margins fit both.

use crate::request::{Block, Document, blocks};

/// The documents as one RTF file, each starting on a new page.
pub fn to_rtf(docs: &[Document]) -> String {
    let mut out = String::from(
        "{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1{\\fonttbl{\\f0\\froman Times New Roman;}}\n\\margl1440\\margr1440\\margt1440\\margb1440\\f0\\fs24\n",
    );
    for (i, doc) in docs.iter().enumerate() {
        if i > 0 {
            out.push_str("\\page\n");
        }
        for block in blocks(doc) {
            match block {
                Block::Heading(s) => {
                    out.push_str("{\\pard\\sa240\\b ");
                    escape(&s, &mut out);
                    out.push_str("\\par}\n");
                }
                Block::Para(s) => {
                    out.push_str("{\\pard\\sa240\\qj ");
                    escape(&s, &mut out);
                    out.push_str("\\par}\n");
                }
                Block::Lines(lines) => {
                    out.push_str("{\\pard\\sa240 ");
                    for (j, l) in lines.iter().enumerate() {
                        if j > 0 {
                            out.push_str("\\line ");
                        }
                        escape(l, &mut out);
                    }
                    out.push_str("\\par}\n");
                }
                Block::List(title, items) => {
                    out.push_str("{\\pard\\sa120\\b ");
                    escape(&title, &mut out);
                    out.push_str("\\par}\n");
                    for it in items {
                        out.push_str("{\\pard\\sa120\\li360\\fi-360 -\\tab ");
                        escape(&it, &mut out);
                        out.push_str("\\par}\n");
                    }
                }
                Block::PageBreak => out.push_str("\\page\n"),
            }
        }
    }
    out.push('}');
    out
}

/// Appends `s` to `out` as inert RTF text.
pub fn escape(s: &str, out: &mut String) {
    let mut units = [0u16; 2];
    for c in s.chars() {
        match c {
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            // Not `\\`: some readers take the letters after it as a
            // control word; the Unicode form is read the same everywhere.
            '\\' => out.push_str("\\u92?"),
            ' '..='~' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push(' '),
            c => {
                for u in c.encode_utf16(&mut units).iter() {
                    out.push_str("\\u");
                    // RTF takes the code unit as a signed 16-bit number.
                    let n = *u as i16;
                    if n < 0 {
                        out.push('-');
                    }
                    out.push_str(crate::json::write::decimal(u64::from(n.unsigned_abs()), &mut itoa::Buffer::new()));
                    out.push('?');
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(s: &str) -> String {
        let mut out = String::new();
        escape(s, &mut out);
        out
    }

    #[test]
    fn markup_and_unicode_are_escaped() {
        assert_eq!(esc("a{b}c\\d"), "a\\{b\\}c\\u92?d");
        assert_eq!(esc("é"), "\\u233?");
        // U+FFFD is above i16::MAX: negative.
        assert_eq!(esc("\u{fffd}"), "\\u-3?");
        // An emoji is a surrogate pair: D83D DE00.
        assert_eq!(esc("😀"), "\\u-10179?\\u-8704?");
        assert_eq!(esc("a\nb\u{0}"), "a b ");
        assert!(esc("{\\rtf1 \\par}").is_ascii());
    }
}
