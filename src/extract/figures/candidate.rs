//! Stage 6, candidates: `try_at` decides, token by token, whether a figure starts here, by
//! running the earlier stages and the guards that rule out identifiers, dates, years and list
//! numbers.
//!
//! Input: a token index and the end of the previous figure. Output: a `Step`.

use super::lexicon::{
    B_CARD, B_MULTIPLE, B_ORD, B_SCALE, B_VAGUE, C_AGE, C_AGECLOSE, C_AGESUBJECT, C_AGEVERB,
    C_AUXILIARY, C_COMPARING, C_DETERMINER, C_DURATION, C_IDENT, C_MONTH, C_STOP,
};
use super::number::raw_of;
use super::scan::{Cand, Core, Quantity, Scan, Step, sentence_start};
use super::tokens::K;
use crate::extract::Bound;
use crate::extract::Family;
use crate::extract::Sym;

/// A guard's verdict: `Err(step)` ends the search at this token with that step.
type Guard<T = ()> = Result<T, Step>;

/// The first number of a figure as read so far, with what stands around it.
struct FirstNumber {
    quantity: Quantity,
    /// Currency code of a prefix such as `$`.
    prefix: Option<&'static str>,
    /// First token of the figure, counting a minus sign or a prefix.
    start: usize,
    negative: bool,
    /// `between` stands before the figure.
    between: bool,
    /// A plain four-digit number from 1800 to 2100.
    year_like: bool,
}

/// The second number of a range `A <connector> B`.
struct RangeEnd {
    quantity: Quantity,
    /// Token where the second number starts.
    start: usize,
    /// Currency code of a prefix before the second number.
    prefix: Option<&'static str>,
    /// A minus before the second number (`from -18 °C to -34 °C`).
    negative: bool,
}

/// How the first number joins the numbers after it.
struct Pairing {
    /// The two numbers form one range.
    use_range: bool,
    /// A later quantity whose unit (and scale) the first number takes.
    inherit: Option<Quantity>,
}

impl<'a> Scan<'a> {
    /// Whether a figure starts at token `i` (the previous figure ended at `floor`), and if so which.
    pub(super) fn try_at(&self, i: usize, floor: usize) -> Step {
        match self.figure_at(i, floor) {
            Ok(c) => Step::Fig(c),
            Err(step) => step,
        }
    }

    /// The steps of `try_at`: guards, the number, its partner in a range or list, its unit, filters.
    fn figure_at(&self, i: usize, floor: usize) -> Guard<Box<Cand>> {
        let is_num = self.number_start(i)?;
        self.skip_ratio(i)?;
        self.skip_name(i)?;
        if is_num {
            self.skip_glued_identifier(i, floor)?;
            self.skip_identifier_before(i)?;
        }
        let (prefix, pstart, minus_after_prefix) = self.currency_prefix(i, floor, is_num);
        let mut core = self.parse_core(i).map_err(Step::Skip)?;
        self.skip_date_or_time(i, &core, prefix.is_some())?;
        self.skip_list_number(i, &core, is_num)?;
        if core.ord {
            return self.ordinal_figure(i, &core);
        }
        self.scales(&mut core, prefix.is_some());
        let year_like = self.year_like(i, &core);
        let q = self.quantity(core, prefix.is_some());
        if q.ident {
            return Err(Step::Skip(q.end.max(i + 1)));
        }
        let (start, negative) = self.sign_before(pstart, floor, is_num);
        let negative = negative || minus_after_prefix;
        let between = start > floor && start > 0 && self.word(start - 1, "between");
        let first = FirstNumber {
            quantity: q,
            prefix,
            start,
            negative,
            between,
            year_like,
        };
        let (conn, range) = self.range_after(&first);
        let pairing = self.pair_with(&first, range.as_ref(), conn, floor)?;
        let (qual, q0) = self.qualifier_span(&first, pairing.use_range, floor);
        // `double` is a multiple only after a qualifier (`almost double`, not `double taxation`)
        let needs_qualifier = self.bits_at(i) & B_MULTIPLE != 0
            && self
                .lex
                .multiples
                .get(self.text_at(i))
                .is_some_and(|m| m.needs_qualifier);
        if needs_qualifier && qual.is_none() {
            return Err(Step::No);
        }
        let mut c = bare_candidate(q0, &first.quantity, qual);
        let (unit_src, hi_v) = self.join_partner(&mut c, &first.quantity, range.as_ref(), &pairing);
        // `8 or $9`: the sign written on the second end is the first's too
        let joined = pairing.use_range || pairing.inherit.is_some();
        let second_prefix = range.as_ref().filter(|_| joined).and_then(|r| r.prefix);
        self.assign_unit(&mut c, first.prefix.or(second_prefix), unit_src);
        apply_sign_and_factor(&mut c, first.negative, hi_v);
        self.exchange_rate(&mut c, floor);
        self.unit_written_before(&mut c, floor);
        self.elided_count_noun(&mut c);
        if self.age_in_apposition(&c) || self.age_after_verb_of_being(&c) {
            c.make_age();
        }
        self.final_filters(i, &c, &first, q0, pairing.use_range, qual.is_some())?;
        Ok(Box::new(c))
    }

    /// Rules out tokens that cannot start a figure; `Ok(true)` when the token is a number.
    fn number_start(&self, i: usize) -> Guard<bool> {
        if self.skip[i] {
            return Err(Step::No);
        }
        let is_num = self.is_number(i);
        if !is_num {
            if !self.is_word(i) {
                return Err(Step::No);
            }
            let w = self.text_at(i);
            if !(self.bits_at(i) & (B_CARD | B_ORD | B_VAGUE | B_MULTIPLE) != 0
                || matches!(w, "a" | "an" | "half" | "several"))
            {
                return Err(Step::No);
            }
        }
        Ok(is_num)
    }

    /// Skips ratios `two-for-one`, `two-for-seven`.
    fn skip_ratio(&self, i: usize) -> Guard {
        if self.is_dash(i + 1) && self.glued(i + 1) && self.word(i + 2, "for") && self.glued(i + 2)
        {
            return Err(Step::Skip(self.chain_end(i)));
        }
        if i >= 2
            && self.word(i - 1, "for")
            && self.glued(i)
            && self.is_dash(i - 2)
            && self.glued(i - 1)
        {
            return Err(Step::Skip(i + 1));
        }
        Ok(())
    }

    /// Skips names with numbers in them (`six nations`, `formula one`).
    fn skip_name(&self, i: usize) -> Guard {
        if let Some(end) = self.name_at(i) {
            return Err(Step::Skip(end));
        }
        for back in 1..=2 {
            if i >= back
                && let Some(end) = self.name_at(i - back)
                && end > i
            {
                return Err(Step::Skip(end));
            }
        }
        Ok(())
    }

    /// Skips identifiers glued before the number: g20, covid-19, mid-1990s.
    fn skip_glued_identifier(&self, i: usize, floor: usize) -> Guard {
        if i > 0 && self.glued(i) {
            let b = i - 1;
            if self.is_word(b) && self.prefix_before(i, floor).is_none() {
                return Err(Step::Skip(self.chain_end(i)));
            }
            // `B-52`, `COVID-19`, `A-3 Euro bonds`; but `sub-7 nanometer`, `minus-5 yards` are
            // quantities
            if self.is_dash(b)
                && b > 0
                && self.glued(b)
                && self.is_word(b - 1)
                && !self.word(b - 1, "minus")
                && !self
                    .unit_family_after(i)
                    .is_some_and(|family| is_measurement(family) && family != Family::Currency)
            {
                return Err(Step::Skip(self.chain_end(i)));
            }
            // `+0.2%`: a plus sign that starts a word before a percentage is a sign
            let plus_percent = self.sym(b, "+")
                && self.toks[b].space_before
                && matches!(self.text_at(i + 1), "%" | "pct" | "percent");
            if !plus_percent
                && matches!(
                    self.text_at(b),
                    "#" | "+" | "/" | "." | "@" | "_" | "&" | "'" | "’" | "‘"
                )
            {
                return Err(Step::Skip(self.chain_end(i)));
            }
            if self.is_number(b) {
                return Err(Step::Skip(self.chain_end(i)));
            }
        }
        Ok(())
    }

    /// A bare number whose unit is written before it: an age (`aged 87`, `a man of age 40`) or
    /// a percentage (`percent of 10`, `per cent of twenty-two`).
    fn unit_written_before(&self, c: &mut Cand, floor: usize) {
        if c.family != Family::Number || !c.unit.is_empty() || c.t0 <= floor {
            return;
        }
        let before = c.t0 - 1;
        if self.has_class(before, C_AGE) {
            c.make_age();
            c.t0 = before;
            // `children aged 5 to 11`
            let upper = c.t1 + 1;
            let joined = self.word(c.t1, "to") || self.is_dash(c.t1);
            if c.low.is_none()
                && joined
                && self.is_number(upper)
                && self.toks[upper].flags == 0
                && self.toks[upper].value > c.value
            {
                c.low = Some(c.value);
                c.high = Some(self.toks[upper].value);
                c.t1 = upper + 1;
            }
            return;
        }
        if let Some(start) = self.percent_of_before(c.t0, floor) {
            c.unit = Sym::new("%");
            c.family = Family::Percent;
            c.t0 = start;
        }
    }

    /// Exchange rates: `8.28 to the us dollar` (the currency named earlier in the sentence per
    /// dollar), `1.85 marks against the dollar`, `dollar : 143.80 yen` (yen per dollar).
    fn exchange_rate(&self, c: &mut Cand, floor: usize) {
        let bare = c.family == Family::Number && c.unit.is_empty();
        let money = c.family == Family::Currency && c.per.is_none();
        if !bare && !money {
            return;
        }
        // `dollar : 143.80 yen`
        if money
            && c.t0 >= 2
            && c.t0 - 2 >= floor
            && self.sym(c.t0 - 1, ":")
            && let Some((code, end)) = self.currency_phrase_at(c.t0 - 2)
            && end == c.t0 - 1
            && code != c.unit.as_str()
        {
            c.per = Some(Sym::new(code));
            return;
        }
        let mut k = c.t1;
        if !(self.word(k, "to") || self.word(k, "against") || self.word(k, "per")) {
            return;
        }
        k += 1;
        if self.word(k, "the") || self.word(k, "one") || self.word(k, "each") {
            k += 1;
        }
        let Some((per, end)) = self.currency_phrase_at(k) else {
            return;
        };
        if bare {
            let sent = sentence_start(self, c.t0).max(floor);
            let named = (sent..c.t0)
                .rev()
                .find_map(|j| self.currency_phrase_at(j).filter(|(code, _)| *code != per));
            let Some((code, _)) = named else {
                return;
            };
            c.unit = Sym::new(code);
            c.family = Family::Currency;
        }
        if c.unit.as_str() != per {
            c.per = Some(Sym::new(per));
            c.t1 = end;
        }
    }

    /// `11 loans were approved, eight had been closed`: a bare whole number that starts a list
    /// item and stands before an auxiliary counts what an earlier item of the sentence
    /// counted in the same shape (a number, its noun, an auxiliary).
    fn elided_count_noun(&self, c: &mut Cand) {
        let t0 = c.t0;
        let list_item =
            t0 > 0 && (self.sym(t0 - 1, ",") || self.sym(t0 - 1, ";") || self.word(t0 - 1, "and"));
        if c.family != Family::Number
            || !c.unit.is_empty()
            || c.low.is_some()
            || c.value.fract() != 0.0
            || !list_item
            || !self.has_class(c.t1, C_AUXILIARY)
        {
            return;
        }
        let sent = sentence_start(self, t0);
        let mut numbers_seen = 0;
        for k in (sent..t0).rev() {
            let starts_number = (self.is_number(k) || self.is_card(k))
                && !(k > sent && (self.is_number(k - 1) || self.is_card(k - 1)));
            if !starts_number {
                continue;
            }
            numbers_seen += 1;
            if numbers_seen > 3 {
                return;
            }
            let Ok(core) = self.parse_core(k) else {
                continue;
            };
            if core.ord || core.frac {
                continue;
            }
            let q = self.quantity(core, false);
            if let Some((noun, after)) = q.count
                && self.has_class(after, C_AUXILIARY)
            {
                c.unit = Sym::new(&noun);
                c.family = Family::Count;
                return;
            }
        }
    }

    /// The first token of `percent of` ending right before `i`, not itself after a number.
    fn percent_of_before(&self, i: usize, floor: usize) -> Option<usize> {
        let of = i
            .checked_sub(1)
            .filter(|&k| k > floor && self.word(k, "of"))?;
        let start = (of.saturating_sub(3).max(floor)..of).find(|&s| {
            self.unit_phrase_at(s)
                .is_some_and(|(d, end)| d.canon == "%" && end == of)
        })?;
        let after_number = start > 0 && (self.is_number(start - 1) || self.is_card(start - 1));
        (!after_number).then_some(start)
    }

    /// `Maddon, 66, has`, `the suspect, 23, was`: a plain whole number from 1 to 119 set off by
    /// commas right after a word is the age of who the word names.
    fn age_in_apposition(&self, c: &Cand) -> bool {
        let t0 = c.t0;
        c.family == Family::Number
            && c.unit.is_empty()
            && c.qualifier.is_empty()
            && c.low.is_none()
            && c.t1 == t0 + 1
            && self.is_number(t0)
            && self.toks[t0].flags == 0
            && c.value.fract() == 0.0
            && (1.0..120.0).contains(&c.value)
            && t0 >= 2
            && self.sym(t0 - 1, ",")
            && self.is_word(t0 - 2)
            && !self.has_class(t0 - 2, C_STOP | C_MONTH)
            && self.sym(c.t1, ",")
            && self.is_word(c.t1 + 1)
    }

    /// `he will be 30 by the end of the year`, `who was 10.`, `she turned 40 in May`: a bare
    /// whole number from 1 to 119 after one person and a verb of being (word classes
    /// `agesubject` and `ageverb`), closed by punctuation or an `ageclose` word.
    fn age_after_verb_of_being(&self, c: &Cand) -> bool {
        let number = c.t1 - 1;
        let bare_whole = c.family == Family::Number
            && c.unit.is_empty()
            && c.low.is_none()
            && self.is_number(number)
            && self.toks[number].flags == 0
            && c.value.fract() == 0.0
            && (1.0..120.0).contains(&c.value);
        if !bare_whole || c.t0 < 2 || !self.has_class(c.t0 - 1, C_AGEVERB) {
            return false;
        }
        let closed = self.line_ended_at(c.t1)
            || matches!(self.text_at(c.t1), "." | "," | ";" | "!" | "?")
            || self.is_word(c.t1) && self.has_class(c.t1, C_AGECLOSE);
        // `will be`, `would be`: the person stands before the modal
        let mut subject = c.t0 - 2;
        if self.word(c.t0 - 1, "be") {
            if subject == 0 || !(self.word(subject, "will") || self.word(subject, "would")) {
                return false;
            }
            subject -= 1;
        }
        closed && self.is_word(subject) && self.has_class(subject, C_AGESUBJECT)
    }

    /// Skips a number that names a thing: after a hyphenated name or an identifier word.
    fn skip_identifier_before(&self, i: usize) -> Guard {
        // `Half-Life 2`, `Spider-Man 3`: a small number after a hyphenated name
        if i >= 3
            && !self.glued(i)
            && self.is_word(i - 1)
            && self.is_dash(i - 2)
            && self.glued(i - 1)
            && self.glued(i - 2)
            && self.is_word(i - 3)
            && self.toks[i].flags == 0
            && self.toks[i].value < 20.0
            && !self.has_class(i - 1, C_STOP)
        {
            return Err(Step::Skip(i + 1));
        }
        if i > 0
            && self.is_word(i - 1)
            && self.has_class(i - 1, C_IDENT)
            && !self.glued(i)
            && !self.measurement_unit_after(i)
        {
            return Err(Step::Skip(self.chain_end(i)));
        }
        // `COVID -19`: a dash glued to the number after an identifier word is no minus, but
        // `FTSE -0.6%` is
        if i > 1
            && self.is_dash(i - 1)
            && self.glued(i)
            && self.is_word(i - 2)
            && self.has_class(i - 2, C_IDENT)
            && !self.measurement_unit_after(i)
        {
            return Err(Step::Skip(self.chain_end(i)));
        }
        Ok(())
    }

    /// A unit of measurement right after the number token `i`, spaced or hyphenated: a
    /// quantity even after a word that names models (`a standard 3.5-liter engine`).
    fn measurement_unit_after(&self, i: usize) -> bool {
        self.unit_family_after(i).is_some_and(is_measurement)
    }

    /// The family of the unit right after the number token `i`, spaced or hyphenated.
    fn unit_family_after(&self, i: usize) -> Option<Family> {
        let p = if self.is_dash(i + 1) && self.glued(i + 1) && self.glued(i + 2) {
            i + 2
        } else {
            i + 1
        };
        self.spaced_unit_at(p).map(|unit| unit.family)
    }

    /// Skips day numbers next to a month and numbers before a clock time.
    fn skip_date_or_time(&self, i: usize, core: &Core, has_prefix: bool) -> Guard {
        if !core.vague && (core.plain_int || core.ord) && !core.word && !has_prefix {
            if core.v <= 31.0 && self.date_adjacent(i, core.end) {
                return Err(Step::Skip(core.end));
            }
            if self.clock_after(core.end) {
                return Err(Step::Skip(core.end + 1));
            }
        }
        if !core.word && !has_prefix && self.clock_decimal(i) && self.clock_after(core.end) {
            return Err(Step::Skip(core.end + 1));
        }
        Ok(())
    }

    /// Skips list numbering: `1.` / `2)` at the start of a line, `(3)` / `[4]`.
    fn skip_list_number(&self, i: usize, core: &Core, is_num: bool) -> Guard {
        if !core.word && self.toks[i].line_start && !core.ord {
            let e = core.end;
            if (self.sym(e, ".") || self.sym(e, ")"))
                && self.glued(e)
                && !self.glued(e + 1)
                && core.plain_int
            {
                return Err(Step::Skip(e + 1));
            }
        }
        if is_num
            && i > 0
            && (self.sym(i - 1, "(") || self.sym(i - 1, "["))
            && self.glued(i)
            && core.plain_int
        {
            let e = core.end;
            if (self.sym(e, ")") || self.sym(e, "]")) && self.glued(e) {
                return Err(Step::Skip(e + 1));
            }
        }
        Ok(())
    }

    /// The currency prefix before the number at `i` (code, first token), and whether a minus
    /// stands between a currency sign and the digits (`$-99.99`).
    fn currency_prefix(
        &self,
        i: usize,
        floor: usize,
        is_num: bool,
    ) -> (Option<&'static str>, usize, bool) {
        if !is_num {
            return (None, i, false);
        }
        if let Some((code, start)) = self.prefix_before(i, floor) {
            return (Some(code), start, false);
        }
        let minus = i >= 2
            && self.is_minus(i - 1)
            && self.glued(i - 1)
            && self.glued(i)
            && self.kind(i - 2) == Some(K::S);
        match minus.then(|| self.prefix_before(i - 1, floor)).flatten() {
            Some((code, start)) => (Some(code), start, true),
            None => (None, i, false),
        }
    }

    /// An ordinal with the noun it ranks (`third quarter`), or a skip past it.
    fn ordinal_figure(&self, i: usize, core: &Core) -> Guard<Box<Cand>> {
        match self.ordinal_head(core, i) {
            Some((noun, end)) => Ok(Box::new(ordinal_candidate(i, end, core.v, &noun))),
            None if self.all_numbers => Ok(Box::new(ordinal_candidate(i, core.end, core.v, ""))),
            None => Err(Step::Skip(core.end)),
        }
    }

    /// A plain four-digit number at token `i` from 1800 to 2100.
    fn year_like(&self, i: usize, core: &Core) -> bool {
        core.plain_int
            && !core.word
            && self.toks[i].int_digits == 4
            && (1800.0..=2100.0).contains(&core.v)
    }

    /// The figure's first token and whether it is negative (`-5`, `minus 5`, `negative 5`).
    fn sign_before(&self, pstart: usize, floor: usize, is_num: bool) -> (usize, bool) {
        let mut t0 = pstart;
        let mut negative = false;
        if t0 > floor && t0 > 0 {
            let b = t0 - 1;
            let dash_minus = self.is_minus(b)
                && self.glued(t0)
                && (self.toks[b].space_before
                    || b == 0
                    || matches!(self.text_at(b - 1), "(" | "["))
                && is_num;
            if dash_minus || self.word(b, "minus") || self.word(b, "negative") {
                negative = true;
                t0 = b;
            } else if self.is_dash(b) && self.glued(b) && b > 0 && self.word(b - 1, "minus") {
                // `minus-5 yards`
                negative = true;
                t0 = b - 1;
            }
        }
        (t0, negative)
    }

    /// The range connector after the first number and the range's second number, if any.
    fn range_after(&self, first: &FirstNumber) -> (usize, Option<RangeEnd>) {
        let q = &first.quantity;
        let mut conn = q.end;
        // `8- to 16-meter`
        if self.is_dash(conn)
            && self.glued(conn)
            && self.word(conn + 1, "to")
            && !self.glued(conn + 1)
        {
            conn += 1;
        }
        let range_ok_a = !q.core.vague && !q.core.frac && q.count.is_none();
        if !range_ok_a {
            return (conn, None);
        }
        let is_conn = self.is_dash(conn)
            || self.word(conn, "to")
            || (self.word(conn, "or") && first.prefix.is_none())
            || (first.between && self.word(conn, "and"));
        if !is_conn {
            return (conn, None);
        }
        (conn, self.range_second(conn, first))
    }

    /// The number after a range connector at `conn`, read as the range's second end.
    fn range_second(&self, conn: usize, first: &FirstNumber) -> Option<RangeEnd> {
        let prefix = first.prefix;
        let mut bi = conn + 1;
        if matches!(
            self.text_at(bi),
            "just" | "only" | "about" | "around" | "nearly" | "almost" | "some" | "roughly"
        ) && (self.is_number(bi + 1) || self.is_card(bi + 1))
        {
            bi += 1;
        }
        // `to -34 °C`: a minus glued to the second number
        let negative = self.is_minus(bi)
            && !self.glued(bi)
            && self.glued(bi + 1)
            && self.is_number(bi + 1)
            && prefix.is_none();
        if negative {
            bi += 1;
        }
        // `about 8 or $9`: a bare first number may share the sign written on the second
        let q = &first.quantity;
        let bare_first =
            prefix.is_none() && q.unit.is_none() && q.count.is_none() && !q.core.scaled;
        let bpref = self
            .prefix_before(bi + 1, conn + 1)
            .filter(|_| (prefix.is_some() || bare_first) && self.is_number(bi + 1));
        if let Some((_, _)) = bpref {
            bi += 1;
        }
        if bi < self.tok_count()
            && (self.is_number(bi) || self.is_card(bi))
            && !self.skip[bi]
            && let Ok(mut bc) = self.parse_core(bi)
            && !bc.ord
            && !bc.vague
            && !bc.frac
        {
            self.scales(&mut bc, prefix.is_some() || bpref.is_some());
            let bq = self.quantity(bc, bpref.is_some());
            // close in size, as written: `8 or $9`, not `12, or $5 mln`
            let sign_shared = prefix.is_none() && bpref.is_some();
            let far_apart = sign_shared && raw_of(self, &bq) > q.core.v * 10.0;
            if !bq.ident && !far_apart {
                return Some(RangeEnd {
                    quantity: bq,
                    start: bi,
                    prefix: bpref.map(|x| x.0),
                    negative,
                });
            }
        }
        None
    }

    /// `from 24.2 to 33-35 billion euros`: when the number after `to` opens a range of its own,
    /// the far end of that range with its unit.
    fn unit_after_range_end(&self, near: &Quantity) -> Option<Quantity> {
        let far = near.end + 1;
        if !(self.is_dash(near.end) && self.is_number(far)) || self.skip[far] {
            return None;
        }
        let mut core = self.parse_core(far).ok()?;
        self.scales(&mut core, false);
        let q = self.quantity(core, false);
        q.unit.is_some().then_some(q)
    }

    /// Decides whether the first number forms a range with the second, takes a later unit, or is skipped.
    fn pair_with(
        &self,
        first: &FirstNumber,
        range: Option<&RangeEnd>,
        conn: usize,
        floor: usize,
    ) -> Guard<Pairing> {
        let q = &first.quantity;
        let (prefix, t0) = (first.prefix, first.start);
        let a_has_unit = q.unit.is_some() || prefix.is_some();
        let mut use_range = false;
        let mut inherit: Option<Quantity> = None;
        if let Some(second) = range {
            let bq = &second.quantity;
            let b_has = bq.unit.is_some() || bq.count.is_some();
            let dash = self.is_dash(conn);
            let change = self.word(conn, "to")
                && self.change_before(t0, floor)
                && !(t0 > 0 && self.word(t0 - 1, "to"))
                && !self.close_range_after_change(first, bq, t0);
            let a_canon = prefix.or(q.unit.as_ref().map(|u| u.canon.as_str()));
            let b_canon = second.prefix.or(bq.unit.as_ref().map(|u| u.canon.as_str()));
            let b_has = b_has || second.prefix.is_some();
            let same_unit = match (a_canon, b_canon) {
                (Some(a), Some(b)) => a == b,
                (Some(_), None) => bq.count.is_none() && (dash || prefix.is_some()),
                (None, Some(_)) => true,
                (None, None) => first.between || (b_has && q.count.is_none()),
            };
            let year_b = self.year_like(second.start, &bq.core);
            // `2000 - 2500 calories`: a year then a larger number with a unit is a range
            let number_range = first.year_like
                && dash
                && !year_b
                && b_has
                && !bq.core.scaled
                && bq.core.v > q.core.v;
            if (first.year_like || year_b) && !number_range {
                if dash {
                    return Err(Step::Skip(bq.end));
                }
            } else if change {
                if !a_has_unit && b_has {
                    inherit = Some(bq.clone());
                } else if !a_has_unit {
                    inherit = self.unit_after_range_end(bq);
                }
            } else if same_unit
                && (a_has_unit || b_has || first.between)
                && (ascending(first, second) || first.between)
            {
                use_range = true;
            } else if dash && !a_has_unit && !b_has {
                // scores, phone numbers, model numbers
                return Err(Step::Skip(bq.end));
            }
        } else if self.is_dash(conn)
            && self.glued(conn)
            && self.is_number(conn + 1)
            && self.glued(conn + 1)
            && !a_has_unit
        {
            return Err(Step::Skip(self.chain_end(conn)));
        }
        // lists: `1,850 and 1,880 dlrs`, `4,340, 4,345 and 4,350 dlrs`
        if range.is_none()
            && inherit.is_none()
            && !a_has_unit
            && q.count.is_none()
            && !q.core.vague
            && !first.year_like
            && !q.core.word
            && let Some(lq) = self.list_unit(q.end, prefix.is_some())
            && (comparable(raw_of(self, q), raw_of(self, &lq)) || comparable(q.core.v, lq.core.v))
        {
            inherit = Some(lq);
        }
        Ok(Pairing { use_range, inherit })
    }

    /// `dropped by 1 to 1.5 degrees`: after a change word, a bare number and a close larger one
    /// with a unit are a range of the change, not the change and the new level (`rose 1/2 to
    /// 34`, `rose $1.32 to $44.45`, `from 5 to 6 pct`).
    fn close_range_after_change(&self, first: &FirstNumber, second: &Quantity, t0: usize) -> bool {
        let q = &first.quantity;
        let bare = q.unit.is_none() && first.prefix.is_none() && q.count.is_none();
        let from = t0 > 0 && self.word(t0 - 1, "from");
        bare && !from && second.core.v >= q.core.v && second.core.v <= q.core.v * 2.0
    }

    /// The qualifier before the figure (`about`, `more than`) and the figure's first token.
    fn qualifier_span(
        &self,
        first: &FirstNumber,
        use_range: bool,
        floor: usize,
    ) -> (Option<(&'static str, Bound)>, usize) {
        let t0 = first.start;
        let mut qual: Option<(&'static str, Bound)> = None;
        let mut q0 = t0;
        if first.between && use_range {
            q0 = t0 - 1;
        } else if let Some((text, bound, s)) = self.qualifier_before(t0, floor) {
            qual = Some((text, bound));
            q0 = s;
        }
        (qual, q0)
    }

    /// Stretches the candidate over its range or takes a later number's scale; returns the
    /// quantity that lends the unit and the range's other end.
    fn join_partner<'q>(
        &self,
        c: &mut Cand,
        q: &'q Quantity,
        range: Option<&'q RangeEnd>,
        pairing: &'q Pairing,
    ) -> (&'q Quantity, Option<f64>) {
        let mut unit_src = q;
        let mut hi_v: Option<f64> = None;
        if pairing.use_range
            && let Some(second) = range
        {
            let bq = &second.quantity;
            let mut a = q.core.v;
            if !q.core.scaled && bq.core.scaled && q.unit.is_none() {
                // `200 to 300 mln`: the scale applies to both ends
                let bs = bq.core.v / raw_of(self, bq);
                if bs.is_finite() && bs > 1.0 && a * bs <= bq.core.v * 1.000_001 {
                    a *= bs;
                }
            }
            c.value = a;
            hi_v = Some(if second.negative {
                -bq.core.v
            } else {
                bq.core.v
            });
            if q.unit.is_none() && q.count.is_none() {
                unit_src = bq;
            }
            c.t1 = bq.end;
            c.bound = Bound::Range;
        }
        if let Some(bq) = &pairing.inherit {
            unit_src = bq;
            let mut a = q.core.v;
            if !q.core.scaled && bq.core.scaled {
                let bs = bq.core.v / raw_of(self, bq);
                if bs.is_finite() && bs > 1.0 && a * bs <= bq.core.v * 10.0 {
                    a *= bs;
                }
            }
            c.value = a;
        }
        (unit_src, hi_v)
    }

    /// Sets the candidate's unit and family from the currency prefix or `unit_src`.
    fn assign_unit(&self, c: &mut Cand, prefix: Option<&'static str>, unit_src: &Quantity) {
        if let Some(code) = prefix {
            c.unit = Sym::new(code);
            c.family = Family::Currency;
            if let Some(u) = &unit_src.unit
                && u.family == Family::Currency
            {
                c.unit = u.canon;
                c.factor = u.factor;
                c.per = u.per;
            }
            // `$15.4/hour`, `$350 per kg`: the price after a currency sign keeps its denominator
            if c.per.is_none()
                && let Some((denominator, after)) = self.per_after(c.t1)
            {
                c.per = Some(Sym::new(&denominator));
                c.t1 = after;
            }
        } else if let Some(u) = &unit_src.unit {
            c.unit = u.canon;
            c.family = u.family;
            c.factor = u.factor;
            c.per = u.per;
            c.age = u.age;
        } else if let Some((noun, _)) = &unit_src.count {
            c.unit = Sym::new(noun);
            c.family = Family::Count;
        }
        if c.unit == "PESO" {
            c.unit = Sym::new(self.peso_code());
        }
    }

    /// The last filters on a built candidate: bare years, a lone `one`, weak bare numbers,
    /// values that are not finite, fractional counts.
    fn final_filters(
        &self,
        i: usize,
        c: &Cand,
        first: &FirstNumber,
        q0: usize,
        use_range: bool,
        qualified: bool,
    ) -> Guard {
        let q = &first.quantity;
        let core = &q.core;
        if first.year_like
            && !use_range
            && first.prefix.is_none()
            && !q.core.scaled
            && !is_measurement(c.family)
        {
            return Err(Step::Skip(core.end));
        }
        if !self.all_numbers && self.lone_one(c, core, q0, use_range) {
            return Err(Step::Skip(core.end));
        }
        // `that one is good`, `the one he liked`: a pronoun, not a number
        let pronoun_one = core.one
            && core.word
            && c.family == Family::Number
            && self.text_at(core.start) == "one";
        if pronoun_one && q0 > 0 && self.has_class(q0 - 1, C_DETERMINER) && !use_range {
            return Err(Step::Skip(core.end));
        }
        if c.family == Family::Number && c.unit.is_empty() && !use_range && !self.all_numbers {
            let vs = self.vs_before(q0)
                || self.compared_before(q0)
                || self.level_after_percent_change(q0, first);
            let ok = !core.word
                && (core.scaled || qualified || core.sepdec || first.negative || vs || core.frac)
                || core.word
                    && (core.scaled
                        || core.vague_full
                        || core.frac
                        || core.v >= 100.0
                        || core.end >= core.start + 3
                        || self.text_at(core.end - 1) == "dozen");
            if !ok {
                return Err(Step::Skip(core.end));
            }
        }
        if !c.value.is_finite()
            || c.low.is_some_and(|v| !v.is_finite())
            || c.high.is_some_and(|v| !v.is_finite())
        {
            return Err(Step::Skip(c.t1.max(i + 1)));
        }
        if c.family == Family::Count && c.value > 0.0 && c.value < 1.0 {
            return Err(Step::Skip(core.end));
        }
        Ok(())
    }

    /// A bare `one`/`a` that is not a measurement, an age (`one year old`), nor a duration
    /// after a word of the `duration` class (`for a year`, `took one week`).
    fn lone_one(&self, c: &Cand, core: &Core, q0: usize, use_range: bool) -> bool {
        let one_duration = c.family == Family::Time && q0 > 0 && self.has_class(q0 - 1, C_DURATION);
        core.one
            && !core.scaled
            && !use_range
            && !one_duration
            && !c.age
            && !is_measurement(c.family)
    }

    /// `fell 0.4 per cent to 13176`, `down 0.1 pct at 5884`: a whole number of 100 or more
    /// after `to`/`at` and a percentage is the level the change reached (an index, a price),
    /// even where the text dropped its thousands separators; `from` and the level it started
    /// at may follow (`rose 4.9 pct to 849 from 809`). Not a year (`to 1990`).
    fn level_after_percent_change(&self, q0: usize, first: &FirstNumber) -> bool {
        if first.year_like || first.quantity.core.v < 100.0 {
            return false;
        }
        let mut at = q0;
        // `to 849 from 809`: the level before `from` must itself follow the change
        if q0 >= 2 && self.word(q0 - 1, "from") && self.is_number(q0 - 2) {
            at = q0 - 2;
        }
        at >= 3
            && (self.word(at - 1, "to") || self.word(at - 1, "at"))
            && (at.saturating_sub(4)..at - 1).any(|k| {
                self.spaced_unit_span(k)
                    .is_some_and(|(d, end)| d.family == Family::Percent && end == at - 1)
            })
    }

    /// Whether the number at `i` is the value an earlier figure is compared with: `compared
    /// with 63`, `up from 6.9`, `from 6.9` right after a figure's unit (`to 7.2 pct from 6.9`),
    /// or `to 7.2` after one that started `from` (`from 6.9 pct to 7.2`).
    pub(super) fn compared_before(&self, i: usize) -> bool {
        if i < 2 {
            return false;
        }
        let (link, before) = (i - 1, i - 2);
        let compared_with = self.is_word(before) && self.has_class(before, C_COMPARING);
        if self.word(link, "with") {
            return compared_with;
        }
        if self.word(link, "to") {
            // `from 14-18 mpg to 24`: the second end of a change in the unit of the first
            let from_unit = self.figure_with_unit_ending_at(link).is_some_and(|start| {
                (start.saturating_sub(2)..start).any(|k| self.word(k, "from"))
            });
            return compared_with || from_unit;
        }
        self.word(link, "from")
            && (self.word(before, "up")
                || self.word(before, "down")
                || self.figure_with_unit_ending_at(link).is_some())
    }

    /// The first token of a number with a unit that ends right before token `end` (`7.2 pct`,
    /// `1.5 billion dlrs`, `14-18 mpg`).
    fn figure_with_unit_ending_at(&self, end: usize) -> Option<usize> {
        let unit_start = (end.saturating_sub(4).max(1)..end).find(|&k| {
            (self.is_number(k - 1) || self.bits_at(k - 1) & B_SCALE != 0)
                && self
                    .unit_after_scaled(k)
                    .is_some_and(|(_, after)| after == end)
        })?;
        let mut start = unit_start;
        while start > 0
            && unit_start - start < 5
            && (self.is_number(start - 1)
                || self.bits_at(start - 1) & B_SCALE != 0
                || self.is_dash(start - 1) && self.glued(start))
        {
            start -= 1;
        }
        Some(start)
    }

    pub(super) fn vs_before(&self, i: usize) -> bool {
        let Some(b) = i.checked_sub(1) else {
            return false;
        };
        let w = self.text_at(b);
        if matches!(w, "vs" | "versus" | "v") {
            return true;
        }
        if self.sym(b, ".") && b > 0 && self.word(b - 1, "vs") {
            return true;
        }
        if matches!(w, "loss" | "profit" | "gain")
            && b > 0
            && matches!(self.text_at(b - 1), "vs" | "versus")
        {
            return true;
        }
        false
    }
}

/// An ordinal over tokens `t0..t1`, of a counted noun (`its fifth consulate`) or bare (`the
/// eleventh`, with an empty noun).
fn ordinal_candidate(t0: usize, t1: usize, value: f64, noun: &str) -> Cand {
    Cand {
        t0,
        t1,
        value,
        low: None,
        high: None,
        unit: Sym::new(noun),
        family: Family::Ordinal,
        factor: 1.0,
        qualifier: Sym::EMPTY,
        bound: Bound::Exact,
        approximate: false,
        measure: Sym::EMPTY,
        subject: Sym::EMPTY,
        per: None,
        age: false,
        scaled: false,
    }
}

/// The candidate for quantity `q` starting at token `q0`, before its unit and range are known.
fn bare_candidate(q0: usize, q: &Quantity, qual: Option<(&'static str, Bound)>) -> Cand {
    let mut c = Cand {
        t0: q0,
        t1: q.end,
        value: q.core.v,
        low: q.core.lo,
        high: q.core.hi,
        unit: Sym::EMPTY,
        family: Family::Number,
        factor: 1.0,
        qualifier: qual.map(|(t, _)| Sym::new(t)).unwrap_or_default(),
        bound: qual.map(|(_, b)| b).unwrap_or_default(),
        approximate: qual.is_some_and(|(_, b)| b == Bound::Approximate),
        measure: Sym::EMPTY,
        subject: Sym::EMPTY,
        per: None,
        age: false,
        scaled: q.core.scaled,
    };
    if q.core.vague {
        c.bound = Bound::Approximate;
        c.approximate = true;
    }
    c
}

/// Applies the first number's sign, orders a range's ends (`hi_v`, signed) and converts to the
/// canonical unit.
fn apply_sign_and_factor(c: &mut Cand, negative: bool, hi_v: Option<f64>) {
    if negative {
        c.value = -c.value;
    }
    if let Some(h) = hi_v {
        let (lo, hi) = if h < c.value {
            (h, c.value)
        } else {
            (c.value, h)
        };
        c.low = Some(lo);
        c.high = Some(hi);
        c.value = lo;
    }
    if c.factor != 1.0 {
        c.value *= c.factor;
        c.low = c.low.map(|v| v * c.factor);
        c.high = c.high.map(|v| v * c.factor);
    }
}

/// The second end of a range is not below the first (`5 to 8`, `-18 to 4`); two negative
/// ends may come in either order (`from -18 °C to -34 °C`).
fn ascending(first: &FirstNumber, second: &RangeEnd) -> bool {
    let (a, b) = (first.quantity.core.v, second.quantity.core.v);
    match (first.negative, second.negative) {
        (false, false) => b >= a * 0.999,
        (false, true) => false,
        (true, _) => true,
    }
}

/// Two items of one list, or a figure and the number compared with it, are within a factor of
/// 1,000 of each other (`5, 6 and 7 pct`, `500,000 and one mln dlrs`, `5.2 mln vs 3.1 mln`,
/// but not `at 16,644, 16 per cent` or `12 cts a share, vs 2,950,000`).
pub(super) fn comparable(a: f64, b: f64) -> bool {
    let (small, large) = (a.abs().min(b.abs()), a.abs().max(b.abs()));
    small == 0.0 || large <= small * 1000.0
}

/// Families that are measurements: a year-like or lone-`one` number with one of these stays.
fn is_measurement(family: Family) -> bool {
    matches!(
        family,
        Family::Currency
            | Family::Percent
            | Family::Length
            | Family::Area
            | Family::Mass
            | Family::Volume
            | Family::Energy
            | Family::Speed
            | Family::Temperature
    ) || family.is_technical()
}
