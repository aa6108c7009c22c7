//! Stage 2, excluded regions: header lines, URLs and e-mails (`skip_mask`), names that contain
//! a number (`six nations`), dates and clock times next to a number.
//!
//! Input: tokens. Output: a skip flag per token, and tests the candidate stage asks.

use super::lexicon::{B_NAME, C_CLOCK};
use super::scan::Scan;
use super::tokens::Tok;

pub(super) fn skip_mask(l: &str, toks: &[Tok]) -> Vec<bool> {
    let mut skip = vec![false; toks.len()];
    // header lines: `source: xxx| published: 2021-07-28`
    let mut i = 0;
    while i < toks.len() {
        if toks[i].line_start {
            let mut j = i + 1;
            while j < toks.len() && !toks[j].line_start {
                j += 1;
            }
            let first = &l[toks[i].start..toks[i].end];
            let is_header = matches!(
                first,
                "source" | "published" | "date" | "dateline" | "byline"
            ) && toks.get(i + 1).is_some_and(|t| &l[t.start..t.end] == ":")
                || l[toks[i].start..toks[j - 1].end].contains("| published:");
            if is_header {
                for s in skip.iter_mut().take(j).skip(i) {
                    *s = true;
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    // URLs, e-mail addresses, file names: whitespace-delimited chunks
    let mut i = 0;
    while i < toks.len() {
        let mut j = i + 1;
        while j < toks.len() && !toks[j].space_before {
            j += 1;
        }
        let chunk = &l[toks[i].start..toks[j - 1].end];
        // Every pattern below contains one of `@ : . \ _`: a byte scan rules most chunks out.
        let maybe = j - i > 2
            && chunk
                .bytes()
                .any(|c| matches!(c, b'@' | b':' | b'.' | b'\\' | b'_'));
        if maybe
            && (chunk.contains('@')
                || chunk.contains("://")
                || chunk.contains("www.")
                || chunk.contains(".com")
                || chunk.contains(".org")
                || chunk.contains(".htm")
                || chunk.contains(".co.")
                || chunk.contains('\\')
                || chunk.contains('_'))
        {
            for s in skip.iter_mut().take(j).skip(i) {
                *s = true;
            }
        }
        i = j;
    }
    skip
}

impl<'a> Scan<'a> {
    /// End of a number-bearing name starting at `i`.
    pub(super) fn name_at(&self, i: usize) -> Option<usize> {
        if self.bits_at(i) & B_NAME == 0 {
            return None;
        }
        let list = self.lex.names.get(self.text_at(i))?;
        'outer: for toks in list {
            for (k, w) in toks.iter().enumerate() {
                if self.text_at(i + k) != w.as_str() {
                    continue 'outer;
                }
            }
            return Some(i + toks.len());
        }
        None
    }

    pub(super) fn date_adjacent(&self, i: usize, end: usize) -> bool {
        // month before: `feb 26`, `march 3,`, `sept. 4`
        if i > 0 {
            let mut b = i - 1;
            if self.sym(b, ".") && b > 0 {
                b -= 1;
            }
            if self.is_month_at(b)
                && !(self.word(b, "may") && self.lex.units.contains_key(self.text_at(end)))
            {
                return true;
            }
        }
        // month after: `28 july`, `28th of july`
        let mut a = end;
        if self.word(a, "of") {
            a += 1;
        }
        if self.is_month_at(a) && !self.word(a, "may") {
            return true;
        }
        if self.word(a, "may") && (self.is_number(a + 1) || self.sym(a + 1, ",")) {
            return true;
        }
        false
    }

    pub(super) fn clock_after(&self, e: usize) -> bool {
        let w = self.text_at(e);
        if !self.is_word(e) {
            return false;
        }
        if self.lex.is(w, C_CLOCK) {
            if w == "local" {
                return self.word(e + 1, "time");
            }
            return true;
        }
        if w == "o" && (self.sym(e + 1, "'") || self.sym(e + 1, "’")) && self.word(e + 2, "clock")
        {
            return true;
        }
        if (w == "a" || w == "p")
            && self.sym(e + 1, ".")
            && self.glued(e + 1)
            && self.word(e + 2, "m")
            && self.glued(e + 2)
        {
            return true;
        }
        w == "hrs" && self.toks.get(e - 1).is_some_and(|t| t.int_digits == 4)
    }

    /// Token `i` reads as hours and minutes: `3.30` in `3.30 pm`, not `2.1` nor `2.123`.
    pub(super) fn clock_decimal(&self, i: usize) -> bool {
        let Some((hours, minutes)) = self.text_at(i).split_once('.') else {
            return false;
        };
        let is_digits = |s: &str, n: usize| s.len() <= n && s.bytes().all(|b| b.is_ascii_digit());
        is_digits(hours, 2)
            && minutes.len() == 2
            && is_digits(minutes, 2)
            && hours.parse::<u32>().is_ok_and(|h| h <= 24)
            && minutes.parse::<u32>().is_ok_and(|m| m < 60)
    }
}
