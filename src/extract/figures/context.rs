//! Stage 5, context: what surrounds a number and changes its reading — counted nouns (`19
//! countries`), ordinals of counted things (`its fifth consulate`), qualifiers (`about`, `at
//! least`) and change words (`rose from`).

use super::lexicon::{
    B_NUMWORD, B_ORD, B_QUAL, C_CHANGE, C_CLOCK, C_COUNTADJ, C_COUNTEXCL, C_KEEPED, C_KEEPING,
    C_LYNOUN, C_MONTH, C_NONCOUNT, C_ORDADJ, C_ORDEXCL, C_PLURAL, C_STOP, C_STOPNOUN, LEX,
};
use super::scan::{Core, Scan};
use crate::extract::Bound;

/// Looks like an adjective (`american`, `chinese`, `digital`, `possible`): an ending of
/// `forms.tsv`.
pub(super) fn adjective_shaped(w: &str) -> bool {
    let endings = &LEX.forms.adjective_endings;
    endings
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
        || w.ends_with('i') && w.len() > 4
}

pub(super) fn pluralize(w: &str) -> String {
    if let Some(plural) = LEX.forms.plurals.get(w) {
        return (*plural).into();
    }
    let b = w.as_bytes();
    if w.ends_with('y')
        && b.len() > 1
        && !matches!(b[b.len() - 2], b'a' | b'e' | b'i' | b'o' | b'u')
    {
        return format!("{}ies", &w[..w.len() - 1]);
    }
    // `series`, `species` stay as they are
    if w.ends_with("ies") {
        return w.into();
    }
    if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with("ch")
        || w.ends_with("sh")
        || w.ends_with('z')
    {
        return format!("{w}es");
    }
    format!("{w}s")
}

pub(super) fn singularize(w: &str) -> String {
    if let Some(singular) = LEX.forms.singulars.get(w) {
        return (*singular).into();
    }
    if let Some(s) = w.strip_suffix("ies")
        && s.len() >= 2
    {
        return format!("{s}y");
    }
    for suf in ["ches", "shes", "sses", "xes", "zes"] {
        if w.ends_with(suf) {
            return w[..w.len() - 2].to_string();
        }
    }
    if let Some(s) = w.strip_suffix('s')
        && !w.ends_with("ss")
    {
        return s.to_string();
    }
    w.to_string()
}

impl<'a> Scan<'a> {
    pub(super) fn is_plural_noun(&self, w: &str) -> bool {
        let c = self.lex.class(w);
        if c & C_PLURAL != 0 {
            return true;
        }
        if c & (C_STOP | C_COUNTEXCL | C_MONTH) != 0 {
            return false;
        }
        if w.len() > 4 && w.ends_with("men") && !w.ends_with("omen") {
            return true;
        }
        w.len() >= 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("'s")
            && w.chars().all(|c| c.is_alphabetic())
    }

    // --- cores

    pub(super) fn count_noun(&self, p: usize, core: &Core) -> Option<(String, usize)> {
        if core.v == 1.0 && !core.vague || core.frac {
            return None;
        }
        let mut j = p;
        let mut words = 0;
        let mut unknown = 0;
        let mut after_dash = false;
        while j < self.tok_count() && words < 4 {
            if self.toks[j].line_start {
                return None;
            }
            if self.is_dash(j) && self.glued(j) && self.glued(j + 1) && self.is_word(j + 1) && j > p
            {
                j += 1;
                after_dash = true;
                continue;
            }
            if matches!(self.text_at(j), "\"" | "“" | "”" | "'" | "‘" | "’")
                && self.is_word(j + 1)
                && j > p
            {
                j += 1;
                continue;
            }
            if !self.is_word(j) {
                return None;
            }
            let w = self.text_at(j);
            let c = self.class_bits(j);
            if words == 0 && c & C_STOPNOUN != 0 {
                return Some((w.to_string(), j + 1));
            }
            // `two gas-only options`, `two so-so options`: any word inside a hyphenated
            // modifier is part of it
            let in_compound =
                after_dash || self.is_dash(j + 1) && self.glued(j + 1) && self.glued(j + 2);
            if c & C_STOP != 0 && c & C_COUNTADJ == 0 && !in_compound {
                return None;
            }
            if self.bits_at(j) & B_NUMWORD != 0 || c & (C_MONTH | C_CLOCK) != 0 {
                // `three first-half possessions`: an ordinal inside a hyphenated adjective
                if self.bits_at(j) & B_ORD != 0
                    && self.is_dash(j + 1)
                    && self.glued(j + 1)
                    && self.glued(j + 2)
                {
                    j += 1;
                    continue;
                }
                return None;
            }
            if words > 0 && self.unit_at(j) {
                return None;
            }
            if w.ends_with("ly") && w.len() > 4 && c & C_LYNOUN == 0
                || c & C_COUNTEXCL != 0 && !in_compound
            {
                return None;
            }
            if self.is_plural_noun(w) {
                return self.plural_head(j, w, c, core);
            }
            // a hyphenated compound (`set-top`) is one modifier
            if !adjective_shaped(w) && c & C_COUNTADJ == 0 && !std::mem::take(&mut after_dash) {
                unknown += 1;
                if unknown > 2 {
                    return None;
                }
            }
            words += 1;
            j += 1;
        }
        None
    }

    /// The counted noun when the plural `w` (word classes `c`) at `j` heads the run: `19 latin
    /// american countries`, or a later plural after an adjective (`300,000 hillards ordinary
    /// shares`).
    fn plural_head(&self, j: usize, w: &str, c: u64, core: &Core) -> Option<(String, usize)> {
        // `19 latin american countries`: the head; plural attached to a hyphen is fine
        if c & C_COUNTEXCL != 0 {
            return None;
        }
        if c & C_NONCOUNT != 0 {
            return self.money_noun_counted(j, w, core);
        }
        // `300,000 hillards ordinary shares`: a later plural in the same run is the head
        for k in [j + 1, j + 2] {
            if self.line_ended_at(k) || !self.is_word(k) {
                break;
            }
            let wk = self.text_at(k);
            let ck = self.class_bits(k);
            if ck & (C_STOP | C_COUNTEXCL | C_NONCOUNT | C_MONTH) != 0
                || self.bits_at(k) & B_NUMWORD != 0
                || self.unit_at(k)
            {
                break;
            }
            let mid = self.text_at(j + 1);
            let adj = (self.lex.forms.head_adjective_endings.iter())
                .any(|x| mid.len() > x.len() + 2 && mid.ends_with(x));
            if k == j + 2 && adj && self.is_plural_noun(wk) {
                return Some((wk.to_string(), k + 1));
            }
        }
        Some((w.to_string(), j + 1))
    }

    /// A money noun after a number (`sales`, `exports`) is counted only after a plain whole
    /// number and at the end of its noun phrase (`based on 37 sales,`), or is a modifier of a
    /// later plural (`12 sales offices`); `1.2 billion sales` is an amount, not a count.
    fn money_noun_counted(&self, j: usize, w: &str, core: &Core) -> Option<(String, usize)> {
        let next = j + 1;
        let next_plural = !self.line_ended_at(next)
            && self.is_word(next)
            && self.class_bits(next) & (C_STOP | C_COUNTEXCL | C_NONCOUNT | C_MONTH) == 0
            && self.is_plural_noun(self.text_at(next));
        if next_plural {
            return Some((self.text_at(next).to_string(), next + 1));
        }
        // the noun phrase ends at the money noun: `37 sales, the`, not `20 sales period`
        let phrase_ends = !self.is_word(next) || self.has_class(next, C_STOP);
        (core.plain_int && !core.scaled && !core.word && phrase_ends).then(|| (w.to_string(), next))
    }

    pub(super) fn ord_noun_ok(&self, j: usize) -> bool {
        if !self.is_word(j) || self.toks[j].line_start {
            return false;
        }
        let w = self.text_at(j);
        let cl = self.class_bits(j);
        !(cl & (C_STOP | C_ORDEXCL | C_MONTH | C_CLOCK) != 0
            || self.bits_at(j) & B_NUMWORD != 0
            || self.unit_at(j)
            || w.len() < 3
            || w.ends_with("est")
            || w.ends_with("ly")
            || (w.ends_with("ing") && cl & C_KEEPING == 0)
            || (w.ends_with("ed") && cl & C_KEEPED == 0)
            || self.is_dash(j + 1) && self.glued(j + 1)
            || (w.ends_with('s') && !w.ends_with("ss")))
    }

    /// Head noun after an ordinal: `fifth consulate` → (`consulates`, end).
    pub(super) fn ordinal_head(&self, c: &Core, start: usize) -> Option<(String, usize)> {
        if c.v < 2.0 || c.v > 1000.0 {
            return None;
        }
        // determiner before
        let b = start.checked_sub(1)?;
        let det = self.text_at(b);
        let det_ok = matches!(det, "its" | "their" | "his" | "her" | "our" | "my" | "your")
            || (det == "s" && self.sym(b.wrapping_sub(1), "'"))
            || (det == "s" && self.sym(b.wrapping_sub(1), "’"));
        if !det_ok {
            return None;
        }
        let mut j = c.end;
        if self.is_dash(j) && self.glued(j) {
            return None;
        }
        let mut adj = 0;
        while adj < 2 && self.is_word(j) && self.has_class(j, C_ORDADJ) {
            j += 1;
            adj += 1;
        }
        if !self.ord_noun_ok(j) {
            return None;
        }
        // compound: `his second tour title` → title
        let mut n = 0;
        while n < 2 && self.ord_noun_ok(j + 1) {
            j += 1;
            n += 1;
        }
        if self.has_class(j + 1, C_ORDEXCL) {
            return None;
        }
        Some((pluralize(self.text_at(j)), j + 1))
    }

    // --- look-back

    pub(super) fn qualifier_before(
        &self,
        i: usize,
        floor: usize,
    ) -> Option<(&'static str, Bound, usize)> {
        let b = i.checked_sub(1)?;
        if b < floor || !self.is_word(b) && !self.sym(b, ".") {
            return None;
        }
        if self.bits_at(b) & B_QUAL == 0 {
            return None;
        }
        let list = self.lex.qualifiers.get(self.text_at(b))?;
        for p in list {
            let Some(s) = self.phrase_ending_at(&p.toks, b, floor) else {
                continue;
            };
            if p.text == "some" && self.word(i, "of") {
                continue;
            }
            let bound = match p.val {
                "lower" => Bound::Lower,
                "upper" => Bound::Upper,
                _ => Bound::Approximate,
            };
            return Some((p.text, bound, s));
        }
        None
    }

    /// A change word shortly before `i` in the same sentence.
    /// `rose 5 pct to 7 pct`, `increased from 5 to 25 mln`: a change, not a range. The
    /// figure must follow the change word closely (`cuts of 15 to 20 pct` is a range).
    pub(super) fn change_before(&self, i: usize, floor: usize) -> bool {
        let Some(b) = i.checked_sub(1) else {
            return false;
        };
        if b < floor {
            return false;
        }
        if self.has_class(b, C_CHANGE) {
            return true;
        }
        if b > floor && self.word(b, "by") && self.has_class(b - 1, C_CHANGE) {
            return true;
        }
        if !self.word(b, "from") {
            return false;
        }
        let lo = b.saturating_sub(8).max(floor);
        let mut k = b;
        while k > lo {
            k -= 1;
            if self.sym(k, ".") || self.sym(k, ";") || self.toks[k + 1].line_start {
                return false;
            }
            if self.has_class(k, C_CHANGE) {
                return true;
            }
        }
        false
    }

    // --- the main step
}
