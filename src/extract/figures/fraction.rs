//! Stage 3, numbers (continued): spelled-out fractions (`three fifths`, `five and a quarter`,
//! `one over three`), ordinals made of several words (`one hundred twenty-fifth`, `two
//! hundredth`) and powers (`2.5^-1`, `1.3x10^6`).
//!
//! Input: a token index or a `Core` read so far. Output: the value and the token after it.

use super::lexicon::NC;
use super::scan::{Core, Scan};

/// A fraction's denominator: its value, the token after it, and whether it is plural (`fifths`).
pub(super) struct Denominator {
    pub(super) value: f64,
    pub(super) end: usize,
    pub(super) plural: bool,
}

impl<'a> Scan<'a> {
    /// The ordinal word at token `k`, singular (`fifth`) or plural (`fifths`, `hundredths`).
    fn ordinal_or_plural(&self, k: usize) -> Option<(f64, bool)> {
        let w = self.text_at(k);
        if let Some(&v) = self.lex.ords.get(w) {
            return Some((v, false));
        }
        let singular = w.strip_suffix('s')?;
        self.lex.ords.get(singular).map(|&v| (v, true))
    }

    /// The ordinal of a unit (`first` to `ninth`, or plural) glued after the dash at token
    /// `dash` that closes a tens word (`twenty-fifth`, `twenty-fifths`): its value, whether it
    /// is plural, and the token after it.
    fn unit_ordinal_after_dash(&self, dash: usize) -> Option<(f64, bool, usize)> {
        if !(self.is_dash(dash) && self.glued(dash) && self.glued(dash + 1)) {
            return None;
        }
        let (unit, plural) = self.ordinal_or_plural(dash + 1)?;
        (unit < 10.0).then_some((unit, plural, dash + 2))
    }

    /// A denominator word at token `k`: `half`, `quarters`, `fifth`, `hundredths`, `twenty-fifth`.
    /// Never `second(s)`, which is a duration.
    pub(super) fn denominator_at(&self, k: usize) -> Option<Denominator> {
        if !self.is_word(k) {
            return None;
        }
        let w = self.text_at(k);
        if let Some(&(tens, NC::Tens)) = self.lex.cards.get(w) {
            let (unit, plural, end) = self.unit_ordinal_after_dash(k + 1)?;
            return Some(Denominator {
                value: tens + unit,
                end,
                plural,
            });
        }
        if let Some(&value) = self.lex.fracs.get(w) {
            let plural = w.ends_with('s');
            return Some(Denominator {
                value,
                end: k + 1,
                plural,
            });
        }
        let (value, plural) = self.ordinal_or_plural(k)?;
        (value >= 3.0).then_some(Denominator {
            value,
            end: k + 1,
            plural,
        })
    }

    /// A fraction spelled out from token `i` (`a quarter`, `three fifths`, `fifty-four
    /// hundredths`, `one twenty-fifth`): its value and the token after it. The numerator and
    /// the denominator agree in number (`one fifth`, `two fifths`).
    pub(super) fn spelled_fraction_at(&self, i: usize) -> Option<(f64, usize)> {
        let (numerator, k) = if self.word(i, "a") || self.word(i, "an") {
            (1.0, i + 1)
        } else if self.is_word(i) && self.is_card(i) {
            let run = self.cardinal_words(i)?;
            (run.value, run.end)
        } else {
            return None;
        };
        let den = self.denominator_at(k)?;
        let singular_half = den.value == 2.0 && !den.plural;
        if (numerator > 1.0) != den.plural && !(singular_half && numerator == 1.0) {
            return None;
        }
        Some((numerator / den.value, den.end))
    }

    /// Adds `and` + a fraction after a whole number: `five and a quarter`, `two and fifty-four
    /// hundredths`, `3 million and a half` (`scale`: the scale word the whole number ended with,
    /// which the fraction is of).
    pub(super) fn and_fraction(&self, c: &mut Core, scale: f64) {
        let e = c.end;
        if !self.word(e, "and") {
            return;
        }
        let Some((part, end)) = self.spelled_fraction_at(e + 1) else {
            return;
        };
        c.v += part * scale;
        c.end = end;
        c.plain_int = false;
        c.one = false;
    }

    /// An ordinal closing a run of cardinal words worth `whole`, whose last word was of class
    /// `last`, at token `j`: `one hundred twenty-fifth`, `two hundredth`, `three trillionth`,
    /// `twenty second`, `the one millionth visitor`. `one hundredth of` is a fraction, so not this.
    pub(super) fn compound_ordinal(&self, whole: f64, last: NC, j: usize) -> Option<(f64, usize)> {
        if last == NC::Tens && self.is_dash(j) && self.glued(j) && self.glued(j + 1) {
            let (unit, plural, end) = self.unit_ordinal_after_dash(j)?;
            return (!plural).then_some((whole + unit, end));
        }
        if !self.is_word(j) {
            return None;
        }
        let &ordinal = self.lex.ords.get(self.text_at(j))?;
        // `the one millionth visitor`, but `one hundredth of` is a fraction
        let names_a_noun = self.is_word(j + 1) && !self.word(j + 1, "of");
        if ordinal >= 100.0 && (whole > 1.0 || names_a_noun) {
            return Some((whole * ordinal, j + 1));
        }
        let follows_hundred = last == NC::Hundred && ordinal < 100.0;
        let follows_tens = last == NC::Tens && ordinal < 10.0;
        (follows_hundred || follows_tens).then_some((whole + ordinal, j + 1))
    }

    /// `one over three`, `2000 over 3`: a number over a number closing the phrase. Only when
    /// every number is asked for: in news `over 20` is a bound.
    pub(super) fn over_fraction(&self, c: &mut Core) {
        if !self.all_numbers || c.ord || !self.word(c.end, "over") {
            return;
        }
        let Ok(den) = self.parse_core(c.end + 1) else {
            return;
        };
        if den.ord || den.v == 0.0 || self.is_word(den.end) {
            return;
        }
        c.v /= den.v;
        c.end = den.end;
        c.frac = true;
        c.plain_int = false;
        c.one = false;
    }

    /// Powers after a number: `2.5^-1`, `1.3x10^6`, `6.23×10−5`, `8x2^10`.
    pub(super) fn power_forms(&self, c: &mut Core) {
        let e = c.end;
        let powered = if let Some((exponent, end)) = self.exponent_at(e) {
            Some((c.v.powf(exponent), end))
        } else if (self.word(e, "x") || self.sym(e, "×")) && self.is_number(e + 1) {
            let base = self.toks[e + 1].value;
            self.exponent_at(e + 2)
                .or_else(|| self.lost_superscript_at(e + 2, base))
                .map(|(exponent, end)| (c.v * base.powf(exponent), end))
        } else {
            None
        };
        if let Some((value, end)) = powered
            && value.is_finite()
        {
            c.v = value;
            c.end = end;
            c.plain_int = false;
            c.sepdec = true;
        }
    }

    /// `^` and a signed number at token `k`: the exponent and the token after it.
    fn exponent_at(&self, k: usize) -> Option<(f64, usize)> {
        if !self.sym(k, "^") {
            return None;
        }
        let (sign, n) = if self.sym(k + 1, "-") || self.sym(k + 1, "−") {
            (-1.0, k + 2)
        } else if self.sym(k + 1, "+") {
            (1.0, k + 2)
        } else {
            (1.0, k + 1)
        };
        self.is_number(n)
            .then(|| (sign * self.toks[n].value, n + 1))
    }

    /// `10−5` in `2.48×10−5`: a superscript exponent lost in copying, a minus glued to the 10.
    fn lost_superscript_at(&self, k: usize, base: f64) -> Option<(f64, usize)> {
        let minus = (self.sym(k, "−") || self.sym(k, "-")) && self.glued(k);
        (base == 10.0 && minus && self.is_number(k + 1) && self.glued(k + 1))
            .then(|| (-self.toks[k + 1].value, k + 2))
    }
}
