//! Stage 3, numbers: digits (`1,234.5`, `1 . 85`), number words (`twenty-one`, `a dozen`),
//! fractions, vague magnitudes (`tens of millions`) and scale words (`mln`, `bn`, glued `m`).
//!
//! Input: a token index. Output: a `Core` (value, range ends, and what kind of number it was).

use super::context::adjective_shaped;
use super::lexicon::{
    B_NUMWORD, C_DETERMINER, C_DIMENSION, C_IDIOM, C_METRE, C_STOP, NC, ScaleMode,
};
use super::scan::{Core, Quantity, Scan, sentence_start};
use super::tokens::{F_BAD, F_DEC, F_LONG, F_SEP, F_VULGAR};
use crate::extract::Family;

/// The unscaled value of a range end (its first number token or word value).
pub(super) fn raw_of(scan: &Scan, q: &Quantity) -> f64 {
    match scan.parse_core(q.core.start) {
        Ok(c0) if c0.v != 0.0 => c0.v,
        _ => q.core.v,
    }
}

pub(super) fn is_denom(d: f64) -> bool {
    matches!(
        d as u32,
        2 | 3 | 4 | 5 | 6 | 8 | 10 | 12 | 16 | 32 | 64 | 100
    ) && d.fract() == 0.0
}

/// Rounds away binary noise from scaling (`8.2 * 1e9`) to 12 significant digits.
pub(super) fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    // Fast path: an integer below 1e12 has at most 12 significant digits, so printing it with
    // 12 digits is exact and parsing gives it back unchanged (no formatting needed).
    if v.fract() == 0.0 && v.abs() < 1e12 {
        return v;
    }
    format!("{v:.11e}").parse().unwrap_or(v)
}

impl<'a> Scan<'a> {
    pub(super) fn parse_core(&self, i: usize) -> Result<Core, usize> {
        let mut c = if self.is_number(i) {
            self.digit_core(i)?
        } else if self.is_word(i) {
            self.word_core(i).ok_or(i + 1)?
        } else {
            return Err(i + 1);
        };
        c.start = i;
        self.over_fraction(&mut c);
        Ok(c)
    }

    pub(super) fn digit_core(&self, i: usize) -> Result<Core, usize> {
        let t = self.toks[i];
        if t.flags & (F_BAD | F_LONG) != 0 {
            return Err(self.chain_end(i));
        }
        let mut c = Core {
            v: t.value,
            end: i + 1,
            sepdec: t.flags & (F_SEP | F_DEC) != 0,
            plain_int: t.flags & (F_SEP | F_DEC) == 0,
            ..Core::default()
        };
        let year_like = c.plain_int && t.int_digits == 4 && (1800.0..=2100.0).contains(&t.value);
        // clock times 10:30
        if self.sym(i + 1, ":") && self.glued(i + 1) && self.is_number(i + 2) && self.glued(i + 2) {
            return Err(self.chain_end(i));
        }
        if let Some(done) = self.slash_forms(i, c.clone(), year_like) {
            return done;
        }
        if let Some(done) = self.dash_or_suffix_forms(i, c.clone(), year_like) {
            return done;
        }
        self.mixed_fraction(i, &mut c);
        self.power_forms(&mut c);
        self.and_fraction(&mut c, 1.0);
        Ok(c)
    }

    /// A number followed by a slash: a fraction (`1 / 4`, `3/8`), or a date or fiscal year to
    /// skip; `None` when no slash follows.
    fn slash_forms(&self, i: usize, mut c: Core, year_like: bool) -> Option<Result<Core, usize>> {
        let t = self.toks[i];
        // spaced fractions (`1 / 4 point`, tokenised text)
        if c.plain_int
            && self.is_slash(i + 1)
            && !self.glued(i + 1)
            && self.is_number(i + 2)
            && !self.glued(i + 2)
            && self.toks[i + 2].flags == 0
            && t.value < self.toks[i + 2].value
            && is_denom(self.toks[i + 2].value)
            && !self.is_slash(i + 3)
        {
            c.v = t.value / self.toks[i + 2].value;
            c.frac = true;
            c.plain_int = false;
            c.end = i + 3;
            return Some(Ok(c));
        }
        // slashes: fractions, dates, fiscal years
        if self.is_slash(i + 1) && self.glued(i + 1) && self.is_number(i + 2) && self.glued(i + 2) {
            if (self.is_slash(i + 3) && self.glued(i + 3)) || year_like || !c.plain_int {
                return Some(Err(self.chain_end(i)));
            }
            let d = self.toks[i + 2].value;
            // any denominator before `of a` unit: `1/128 of a gallon`
            let of_a_unit = d.fract() == 0.0 && self.unit_of_a(i + 3, &c).is_some();
            if self.toks[i + 2].flags == 0 && t.value < d && (is_denom(d) || of_a_unit) {
                c.v = t.value / d;
                c.frac = true;
                c.plain_int = false;
                c.end = i + 3;
                return Some(Ok(c));
            }
            return Some(Err(self.chain_end(i)));
        }
        None
    }

    /// A number followed by a glued dash or suffix: `1-1/8`, a year range to skip (`1986-87`),
    /// an ordinal (`21st`); `None` when none of these follows.
    fn dash_or_suffix_forms(
        &self,
        i: usize,
        mut c: Core,
        year_like: bool,
    ) -> Option<Result<Core, usize>> {
        // 1-1/8
        if self.is_dash(i + 1)
            && self.glued(i + 1)
            && self.is_number(i + 2)
            && self.glued(i + 2)
            && self.is_slash(i + 3)
            && self.glued(i + 3)
            && self.is_number(i + 4)
            && self.glued(i + 4)
        {
            let (a, d) = (self.toks[i + 2].value, self.toks[i + 4].value);
            if c.plain_int && a < d && is_denom(d) {
                c.v += a / d;
                c.plain_int = false;
                c.sepdec = true;
                c.end = i + 5;
                return Some(Ok(c));
            }
            return Some(Err(self.chain_end(i)));
        }
        // year ranges 1986-87, 2019-2020 (but `2000-2500 calories` is a range of numbers)
        let second = self.toks.get(i + 2);
        let second_is_year = |t: &super::tokens::Tok| {
            t.int_digits == 2 || t.int_digits == 4 && t.value > c.v && t.value <= 2100.0
        };
        if year_like
            && self.is_dash(i + 1)
            && self.glued(i + 1)
            && self.is_number(i + 2)
            && self.glued(i + 2)
            && second.is_some_and(second_is_year)
        {
            return Some(Err(self.chain_end(i)));
        }
        // ordinal suffix 21st
        if self.is_word(i + 1)
            && self.glued(i + 1)
            && matches!(self.text_at(i + 1), "st" | "nd" | "rd" | "th")
        {
            if !c.plain_int {
                return Some(Err(i + 2));
            }
            c.ord = true;
            c.end = i + 2;
            return Some(Ok(c));
        }
        None
    }

    /// Adds a spaced fraction after a whole number: `3 1/2`, `2½`, `2 ½`.
    fn mixed_fraction(&self, i: usize, c: &mut Core) {
        if c.plain_int && self.is_number(i + 1) && self.toks[i + 1].flags & F_VULGAR != 0 {
            c.v += self.toks[i + 1].value;
            c.plain_int = false;
            c.sepdec = true;
            c.end = i + 2;
            return;
        }
        if c.plain_int
            && self.is_number(i + 1)
            && !self.glued(i + 1)
            && self.is_slash(i + 2)
            && self.glued(i + 2)
            && self.is_number(i + 3)
            && self.glued(i + 3)
            && !(self.is_slash(i + 4) && self.glued(i + 4))
        {
            let (a, d) = (self.toks[i + 1].value, self.toks[i + 3].value);
            if a < d && is_denom(d) && self.toks[i + 1].flags == 0 {
                c.v += a / d;
                c.plain_int = false;
                c.sepdec = true;
                c.end = i + 4;
            }
        }
    }

    pub(super) fn word_core(&self, i: usize) -> Option<Core> {
        let lx = self.lex;
        let w = self.text_at(i);
        // a hundred / a dozen / a million; a third of; a few hundred
        if w == "a" || w == "an" {
            return self.article_core(i);
        }
        if w == "several"
            && let Some(c) = self.several_core(i)
        {
            return Some(c);
        }
        if w == "half" {
            return self.half_core(i);
        }
        if let Some(m) = lx.multiples.get(w) {
            let mut c = word_start(i);
            c.v = m.factor;
            c.end = i + 1;
            return Some(c);
        }
        if let Some(&base) = lx.vague.get(w) {
            return self.vague_core(i, w, base);
        }
        if let Some(c) = self.ordinal_word_core(i, w) {
            return Some(c);
        }
        let run = self.cardinal_words(i)?;
        let mut c = word_start(i);
        if let Some((v, end)) = self.compound_ordinal(run.value, run.last, run.end) {
            c.v = v;
            c.end = end;
            c.ord = true;
            return Some(c);
        }
        c.v = run.value;
        c.end = run.end;
        c.one = run.end == i + 1 && w == "one";
        self.point_decimals(&mut c, run.end, run.value);
        self.word_fraction(&mut c);
        self.and_fraction(&mut c, 1.0);
        Some(c)
    }

    /// A number word after `a`/`an`: `a hundred`, `a dozen`, `a million`, `a third of`,
    /// `a few hundred`.
    fn article_core(&self, i: usize) -> Option<Core> {
        let lx = self.lex;
        let mut c = word_start(i);
        let nx = self.text_at(i + 1);
        if let Some(&(_, NC::Hundred)) = lx.cards.get(nx) {
            // `a hundred and two`
            let mut c2 = self.word_core(i + 1)?;
            c2.one = false;
            return Some(c2);
        }
        if let Some(&(v, nc)) = lx.cards.get(nx)
            && nc == NC::Dozen
        {
            c.v = v;
            c.end = i + 2;
            c.one = false;
            self.and_fraction(&mut c, 1.0);
            return Some(c);
        }
        if self.free_scale_at(i + 1).is_some() {
            c.v = 1.0;
            c.end = i + 1;
            c.one = false;
            return Some(c);
        }
        // `a third of`, `about a fifth`; with every number asked for, also a closing `a fifth`
        if let Some(den) = self.denominator_at(i + 1)
            && !den.plural
            && (self.word(den.end, "of")
                || self.qualifier_before(i, 0).is_some()
                || self.all_numbers && !self.is_word(den.end))
        {
            c.v = 1.0 / den.value;
            c.frac = true;
            c.end = den.end;
            return Some(c);
        }
        if self.article_unit_of(i) {
            c.v = 1.0;
            c.end = i + 1;
            return Some(c);
        }
        if nx == "few"
            && let Some(s) = self.vague_scale(i + 2)
        {
            c.v = 2.0 * s;
            c.lo = Some(2.0 * s);
            c.hi = Some(5.0 * s);
            c.vague = true;
            c.vague_full = true;
            c.end = i + 3;
            return Some(c);
        }
        None
    }

    /// `a gallon of beer`, `a kilo of rice`: `a`/`an` counts as one before a unit of
    /// measurement followed by `of`, unless a price stands before it (`$3 a gallon of`).
    fn article_unit_of(&self, i: usize) -> bool {
        let Some(d) = self.spaced_unit_at(i + 1) else {
            return false;
        };
        let measured = matches!(
            d.family,
            Family::Length
                | Family::Mass
                | Family::Volume
                | Family::Area
                | Family::Energy
                | Family::Power
        );
        let after_number = i > 0 && (self.is_number(i - 1) || self.bits_at(i - 1) & B_NUMWORD != 0);
        // `a ton of money`, `within an inch of`: idioms, unless a qualifier makes it an amount
        let idiom = self.has_class(i + 1, C_IDIOM) && self.qualifier_before(i, 0).is_none();
        measured && self.word(i + 1 + d.toks.len(), "of") && !after_number && !idiom
    }

    /// `several hundred`, `several million`: a vague range; `None` without a scale word.
    fn several_core(&self, i: usize) -> Option<Core> {
        let mut c = word_start(i);
        let s = self.vague_scale(i + 1)?;
        c.v = 3.0 * s;
        c.lo = Some(3.0 * s);
        c.hi = Some(9.0 * s);
        c.vague = true;
        c.vague_full = true;
        c.end = i + 2;
        Some(c)
    }

    /// `half a million`, `half million`, `half a dozen`, `half an hour`.
    fn half_core(&self, i: usize) -> Option<Core> {
        let mut c = word_start(i);
        if let Some(s) = self.free_scale_at(i + 1) {
            c.v = 0.5 * s;
            c.end = i + 2;
            c.scaled = true;
            return Some(c);
        }
        if (self.word(i + 1, "a") || self.word(i + 1, "an"))
            && let Some(s) = self.free_scale_at(i + 2)
        {
            c.v = 0.5 * s;
            c.end = i + 3;
            c.scaled = true;
            return Some(c);
        }
        if self.word(i + 1, "a") && self.word(i + 2, "dozen") {
            c.v = 6.0;
            c.end = i + 3;
            return Some(c);
        }
        // `half an hour`, `half a mile`, `half a percentage point`
        if (self.word(i + 1, "a") || self.word(i + 1, "an"))
            && self.spaced_unit_span(i + 2).is_some()
        {
            c.v = 0.5;
            c.end = i + 2;
            c.frac = true;
            return Some(c);
        }
        None
    }

    /// Vague magnitudes before `of` (`tens of`, `hundreds of thousands of`), as ranges.
    fn vague_core(&self, i: usize, w: &str, base: f64) -> Option<Core> {
        let lx = self.lex;
        let mut c = word_start(i);
        if !self.word(i + 1, "of") {
            return None;
        }
        c.vague = true;
        if matches!(w, "tens" | "hundreds" | "dozens")
            && let Some(&b2) = lx.vague.get(self.text_at(i + 2))
            && b2 >= 1000.0
        {
            let lo = base * b2;
            c.v = lo;
            c.lo = Some(lo);
            c.hi = Some(lo * 10.0);
            c.end = i + 3;
            c.vague_full = true;
            return Some(c);
        }
        let (lo, hi) = match w {
            "tens" => (20.0, 100.0),
            "dozens" => (24.0, 144.0),
            "scores" => (40.0, 200.0),
            _ => (2.0 * base, 10.0 * base),
        };
        c.v = lo;
        c.lo = Some(lo);
        c.hi = Some(hi);
        c.end = i + 1;
        Some(c)
    }

    /// Ordinal words (`third`, `twenty-first`); `None` when the word is not one.
    fn ordinal_word_core(&self, i: usize, w: &str) -> Option<Core> {
        let lx = self.lex;
        let mut c = word_start(i);
        // `twenty-first` is read with the cardinal words ([`Scan::compound_ordinal`])
        if let Some(&ov) = lx.ords.get(w)
            && !lx.cards.contains_key(w)
        {
            c.v = ov;
            c.ord = true;
            return Some(c);
        }
        None
    }

    /// The cardinal words from token `i` (`two hundred and twenty-one`); `None` when no
    /// cardinal word starts there.
    pub(super) fn cardinal_words(&self, i: usize) -> Option<CardinalRun> {
        let lx = self.lex;
        let mut cur = 0.0f64;
        let mut last: Option<NC> = None;
        let mut j = i;
        while j < self.tok_count() {
            let wj = self.text_at(j);
            if !self.is_word(j) {
                // `fifty-two`, and `fifty - two` spaced on both sides
                if self.is_dash(j)
                    && self.glued(j) == self.glued(j + 1)
                    && last == Some(NC::Tens)
                    && matches!(lx.cards.get(self.text_at(j + 1)), Some((_, NC::Unit)))
                {
                    j += 1;
                    continue;
                }
                break;
            }
            if let Some(&(v, nc)) = lx.cards.get(wj) {
                match nc {
                    NC::Unit | NC::Teen => {
                        if matches!(last, Some(NC::Unit | NC::Teen))
                            || (last == Some(NC::Tens) && nc == NC::Teen)
                        {
                            break;
                        }
                        cur += v;
                    }
                    NC::Tens => {
                        if matches!(last, Some(NC::Unit | NC::Teen | NC::Tens)) {
                            break;
                        }
                        cur += v;
                    }
                    NC::Hundred => {
                        if last == Some(NC::Hundred) || last == Some(NC::Dozen) {
                            break;
                        }
                        cur = cur.max(1.0) * 100.0;
                    }
                    NC::Dozen => {
                        if last.is_none() {
                            break;
                        }
                        cur = cur.max(1.0) * 12.0;
                    }
                }
                last = Some(nc);
                j += 1;
                continue;
            }
            // `one hundred and two`, but not `one hundred and three quarters` (100 3/4)
            if wj == "and"
                && last == Some(NC::Hundred)
                && matches!(
                    lx.cards.get(self.text_at(j + 1)),
                    Some((_, NC::Unit | NC::Teen | NC::Tens))
                )
                && self.spelled_fraction_at(j + 1).is_none()
            {
                j += 1;
                continue;
            }
            break;
        }
        Some(CardinalRun {
            value: cur,
            end: j,
            last: last?,
        })
    }

    /// Spoken decimals after the cardinal words ending at `j`: `one point three`.
    fn point_decimals(&self, c: &mut Core, j: usize, cur: f64) {
        let lx = self.lex;
        if self.word(j, "point") && cur < 1000.0 {
            let mut k = j + 1;
            let mut scale = 0.1;
            let mut frac = 0.0;
            // `point seventy-one`, `point fifteen`: two decimals said as one number
            let two_digits = matches!(
                lx.cards.get(self.text_at(k)),
                Some((_, NC::Tens | NC::Teen))
            );
            if two_digits
                && self.is_word(k)
                && let Some(run) = self.cardinal_words(k)
                && run.value < 100.0
            {
                frac = run.value / 100.0;
                k = run.end;
            }
            while k < j + 4 && !two_digits {
                match lx.cards.get(self.text_at(k)) {
                    Some(&(d, NC::Unit)) if self.is_word(k) => {
                        frac += d * scale;
                        scale /= 10.0;
                        k += 1;
                    }
                    _ => break,
                }
            }
            if k > j + 1 {
                c.v += frac;
                c.end = k;
                c.one = false;
                c.sepdec = true;
            }
        }
    }

    /// Turns a whole number into a fraction before a denominator word: two-thirds, one-fifth,
    /// one third, twenty-three fifths, fifty-four hundredths.
    fn word_fraction(&self, c: &mut Core) {
        if c.v.fract() != 0.0 {
            return;
        }
        let e = c.end;
        // `two-thirds`, and `one - fourth` spaced on both sides after a number word
        let hyphen =
            self.is_dash(e) && self.glued(e + 1) == self.glued(e) && (self.glued(e) || c.word);
        let k = if hyphen { e + 1 } else { e };
        let Some(den) = self.denominator_at(k) else {
            return;
        };
        let fw = self.text_at(k);
        let agrees = den.plural == (c.v > 1.0) || fw == "half";
        let ok = if self.lex.fracs.contains_key(fw) {
            // `three quarters` is a fraction only hyphenated or before a scale word
            let ambiguous = matches!(fw, "quarter" | "quarters");
            let of_a_unit = self.unit_of_a(den.end, c).is_some();
            agrees && (!ambiguous || hyphen || of_a_unit || self.free_scale_at(den.end).is_some())
        } else if den.plural {
            agrees
        } else {
            c.v == 1.0
                && (hyphen
                    || self.word(den.end, "of")
                    || !self.is_word(den.end)
                    || self.toks[den.end].line_start)
        };
        if ok {
            c.v /= den.value;
            c.frac = true;
            c.one = false;
            c.end = den.end;
        }
    }

    /// The multiplier of a scale word that may stand after a number word (`thousand`,
    /// `million`, `billion`, `trillion`) at token `k`.
    fn free_scale_at(&self, k: usize) -> Option<f64> {
        let w = self.text_at(k);
        if !self.is_word(k) || !matches!(w, "thousand" | "million" | "billion" | "trillion") {
            return None;
        }
        match self.lex.scales.get(w) {
            Some(&(s, ScaleMode::Free)) => Some(s),
            _ => None,
        }
    }

    pub(super) fn vague_scale(&self, i: usize) -> Option<f64> {
        match self.text_at(i) {
            "hundred" => Some(100.0),
            "thousand" => Some(1e3),
            "million" => Some(1e6),
            "billion" => Some(1e9),
            _ => None,
        }
    }

    /// Applies scale words after the core. `prefix`: a currency sign precedes.
    pub(super) fn scales(&self, c: &mut Core, prefix: bool) {
        if c.ord || c.frac && !c.word || c.vague {
            return;
        }
        self.hundreds_after_digits(c);
        loop {
            let mut p = c.end;
            if self.is_dash(p) && self.glued(p) && self.glued(p + 1) && self.is_word(p + 1) {
                p += 1;
            }
            if !self.is_word(p) {
                break;
            }
            let w = self.text_at(p);
            let glued = !self.toks[p].space_before;
            let ok = match self.lex.scales.get(w) {
                Some(&(s, ScaleMode::Free)) => Some(s),
                Some(&(s, ScaleMode::Attached))
                    if !c.word && (glued || self.letter_closes_clause(p)) =>
                {
                    Some(s)
                }
                // `$5b`, and `1.2b` after a small decimal (not `5b`, `802.11b` or `98-1/2b`)
                Some(&(s, ScaleMode::Currency))
                    if glued && (prefix || self.small_decimal_before_b(c, w)) && !c.word =>
                {
                    Some(s)
                }
                _ => None,
            };
            if let Some(s) = ok {
                if w == "mill" && !glued {
                    break;
                }
                c.v *= s;
                c.scaled = true;
                c.one = false;
                c.plain_int = false;
                c.end = p + 1;
                if self.smaller_after_scale(c, s, p) {
                    break;
                }
                continue;
            }
            // `m` glued: million after a currency sign, or before a plural noun / currency word
            let spaced_m = w == "m"
                && !glued
                && !c.word
                && (prefix
                    || self
                        .lex
                        .units
                        .get(self.text_at(p + 1))
                        .is_some_and(|defs| defs.iter().any(|d| d.family == Family::Currency)));
            if spaced_m || w == "m" && glued && !c.word && self.m_is_million(p, prefix) {
                c.v *= 1e6;
                c.scaled = true;
                c.plain_int = false;
                c.end = p + 1;
                continue;
            }
            break;
        }
    }

    /// The product of the free scale words (`mln`, `billion`) among tokens `t0..t1`.
    pub(super) fn scale_word_factor(&self, t0: usize, t1: usize) -> f64 {
        (t0..t1)
            .filter_map(|k| match self.lex.scales.get(self.text_at(k)) {
                Some(&(s, ScaleMode::Free)) => Some(s),
                _ => None,
            })
            .product()
    }

    /// A glued `b` (word `w`, at `c.end`) after a decimal under 100 is billions (`1.2b`).
    fn small_decimal_before_b(&self, c: &Core, w: &str) -> bool {
        w == "b" && self.decimal_before(c.end) && !c.frac && c.v < 100.0
    }

    /// The token before `p` is a number written with decimals.
    fn decimal_before(&self, p: usize) -> bool {
        p > 0 && self.toks[p - 1].flags & F_DEC != 0
    }

    /// A scale letter written apart from the digits (`2.33 k`) counts only in lowercase as
    /// written and when nothing but punctuation follows it on the line.
    fn letter_closes_clause(&self, p: usize) -> bool {
        let next_is_word = self.is_word(p + 1) && !self.toks[p + 1].line_start;
        self.original_byte(p).is_ascii_lowercase() && !next_is_word
    }

    /// What may follow a scale word `s` at token `p` and adds to the number: a fraction of the
    /// scale (`3 million and a half`) or a smaller number in words (`one thousand two hundred`,
    /// `one million two hundred thousand`). True when something was added.
    fn smaller_after_scale(&self, c: &mut Core, s: f64, p: usize) -> bool {
        let before = c.end;
        self.and_fraction(c, s);
        if c.end != before {
            return true;
        }
        // `twenty-one trillion and three hundred`: `and` may join the smaller number
        let and = self.word(p + 1, "and");
        let q = if and { p + 2 } else { p + 1 };
        if !(c.word && s >= 1000.0 && self.is_word(q) && self.is_card(q)) {
            return false;
        }
        let Some(mut rest) = self.word_core(q) else {
            return false;
        };
        if rest.ord || rest.frac || rest.v >= s || rest.v < 1.0 {
            return false;
        }
        // one nested scale (`one million two hundred thousand`), no recursion
        if let Some(&(s2, ScaleMode::Free)) = self.lex.scales.get(self.text_at(rest.end))
            && self.is_word(rest.end)
        {
            // `between one thousand and two thousand` is two numbers
            if s2 >= s {
                return false;
            }
            rest.v *= s2;
            rest.end += 1;
        }
        if rest.v < s {
            c.v += rest.v;
            c.end = rest.end;
            return true;
        }
        false
    }

    /// `4 hundred`, `2.12 hundred`, `3 hundred and 21`: digits before the word `hundred`.
    fn hundreds_after_digits(&self, c: &mut Core) {
        let p = c.end;
        if c.word || c.v >= 100.0 || !self.word(p, "hundred") {
            return;
        }
        c.v *= 100.0;
        c.scaled = true;
        c.plain_int = false;
        c.end = p + 1;
        let n = p + 2;
        let small_whole =
            self.is_number(n) && self.toks[n].flags == 0 && self.toks[n].value < 100.0;
        if self.word(p + 1, "and") && small_whole && !self.word(n + 1, "hundred") {
            c.v += self.toks[n].value;
            c.end = n + 1;
        }
    }

    pub(super) fn m_is_million(&self, p: usize, prefix: bool) -> bool {
        let yes = self.m_is_million_here(p, prefix)
            || self.last_m_million.get().is_some_and(|q| {
                q <= p && p - q < 40 && sentence_start(self, p) <= q && !self.unit_at(p + 1)
            });
        if yes {
            self.last_m_million.set(Some(p));
        }
        yes
    }

    pub(super) fn m_is_million_here(&self, p: usize, prefix: bool) -> bool {
        if prefix {
            return true;
        }
        // `10M.` closing a sentence in cased text; one digit is a name (`a unit of 3M.`)
        let two_digits = p > 0 && self.toks[p - 1].value >= 10.0;
        let closes = self.line_ended_at(p + 1) || matches!(self.text_at(p + 1), "." | "!" | "?");
        if two_digits && closes && self.original_byte(p) == b'M' && self.is_cased() {
            return true;
        }
        if self.glued(p + 1) {
            return false;
        }
        // `4.3M units` in cased text: metres are never a capital M (but `3M` is a company)
        if self.decimal_before(p) && self.original_byte(p) == b'M' && self.is_cased() {
            return true;
        }
        if !self.is_word(p + 1) {
            return false;
        }
        // `$1.2m dollars`, `12.3m tonnes`, `5m barrels`: a unit other than a length follows
        if self
            .spaced_unit_at(p + 1)
            .is_some_and(|d| d.family != Family::Length)
        {
            return true;
        }
        self.plural_after_modifiers(p + 1) || self.plural_after_of_determiner(p + 1)
    }

    /// `of` and a determiner, then a plural noun within three words (`35m of its Echo
    /// devices`), names allowed.
    fn plural_after_of_determiner(&self, p: usize) -> bool {
        if !self.word(p, "of") || !self.has_class(p + 1, C_DETERMINER) {
            return false;
        }
        for k in p + 2..p + 5 {
            if !self.is_word(k) || self.toks[k].line_start || self.has_class(k, C_STOP) {
                return false;
            }
            if self.is_plural_noun(self.text_at(k)) {
                return true;
            }
        }
        false
    }

    /// A plural noun within five words from `p`, past modifiers only (`combined digital and
    /// physical sales`), and not a race (`freestyle finals`) or a dimension (`tall towers`).
    fn plural_after_modifiers(&self, p: usize) -> bool {
        let mut modifiers_not_adjectives = 0;
        for k in p..p + 5 {
            if !self.is_word(k) || self.toks[k].line_start {
                return false;
            }
            let w = self.text_at(k);
            // `combined digital and physical sales`: adjectives joined by `and`/`or`
            let joins_adjectives = k > p
                && (w == "and" || w == "or")
                && adjective_shaped(self.text_at(k - 1))
                && adjective_shaped(self.text_at(k + 1));
            if joins_adjectives {
                continue;
            }
            if self.lex.is(w, C_STOP | C_METRE | C_DIMENSION)
                || self.bits_at(k) & B_NUMWORD != 0
                || self.unit_at(k)
            {
                return false;
            }
            if self.is_plural_noun(w) {
                return true;
            }
            // `1500m champion Kelly Holmes`: a name ends the modifiers
            let capitalised = self.is_cased() && self.original_byte(k).is_ascii_uppercase();
            if capitalised {
                return false;
            }
            // one noun modifier at most (`combined retail units`, not `champion kelly holmes`)
            if !adjective_shaped(w) {
                modifiers_not_adjectives += 1;
                if modifiers_not_adjectives > 1 {
                    return false;
                }
            }
        }
        false
    }
}

/// A run of cardinal words: its value, the token after it and the class of its last word.
pub(super) struct CardinalRun {
    pub(super) value: f64,
    pub(super) end: usize,
    pub(super) last: NC,
}

/// The core a number word at token `i` starts from, before its value is read.
fn word_start(i: usize) -> Core {
    Core {
        word: true,
        end: i + 1,
        ..Core::default()
    }
}
