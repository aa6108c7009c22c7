//! Stage 4, units: the unit after a number (`tonnes`, `pct`, `dlrs`, `-year-old`), currency
//! prefixes before it (`$`, `us$`, `rs`), lists that share one unit, and the peso of the text.
//!
//! Input: a `Core`. Output: a `Quantity` (the core with its unit or counted noun).

use super::context::{adjective_shaped, pluralize};
use super::lexicon::{
    B_MULTIPLE, B_NUMWORD, B_PREFIX, B_QUAL, B_UNIT, C_CHANGE, C_COMPARE, C_COUNTEXCL, C_DIMENSION,
    C_LYNOUN, C_MONEY, C_MONTH, C_NOTCOUNTED, C_PER, C_STOP, C_TIMEADJ, UnitDef,
};
use super::lexicon::{
    C_ANGLENOUN, C_ANGLEVERB, C_ANGLEWORD, C_DETERMINER, C_UNITSYSTEM, ScaleMode,
};
use super::scan::{Core, Quantity, Scan, UnitHit, sentence_start};
use super::tokens::{F_DEC, F_SEP, K};
use crate::extract::Family;
use crate::extract::Sym;

/// The unit of a multiple (`sixfold`, `six times as many`).
fn times_unit() -> UnitHit {
    UnitHit {
        age: false,
        canon: Sym::new("times"),
        family: Family::Number,
        factor: 1.0,
        per: None,
    }
}

impl<'a> Scan<'a> {
    pub(super) fn match_unit(
        &self,
        p: usize,
        core: &Core,
        has_prefix: bool,
    ) -> Option<(&'a UnitDef, usize)> {
        let first = self.text_at(p);
        if self.kind(p) == Some(K::N) || self.line_ended_at(p) || self.bits_at(p) & B_UNIT == 0 {
            return None;
        }
        let defs = self.lex.units.get(first)?;
        for d in defs {
            let end = p + d.toks.len();
            if end > self.tok_count() || !self.phrase_written_at(d, p) {
                continue;
            }
            // a letter unit must not continue into more letters (`km` in `kmart`)
            if end < self.tok_count() && self.glued(end) && self.is_word(end) {
                continue;
            }
            if !self.letter_unit_placed(d, p, end, core) {
                continue;
            }
            if d.prime && !self.prime_mark_is_unit(p) {
                continue;
            }
            if d.cased
                .is_some_and(|written| !self.written_exactly(p, end, written))
            {
                continue;
            }
            // `3M` in cased text is a name: metres are a small m
            if d.canon == "m" && self.glued(p) && self.is_cased() && self.original_byte(p) == b'M' {
                continue;
            }
            if d.strict && !(core.scaled || core.sepdec || core.frac || has_prefix) {
                continue;
            }
            return Some((d, end));
        }
        None
    }

    /// The words of unit `d` stand from token `p` on, within one line.
    fn phrase_written_at(&self, d: &UnitDef, p: usize) -> bool {
        d.toks.iter().enumerate().all(|(k, w)| {
            self.text_at(p + k) == w.as_str() && (k == 0 || !self.toks[p + k].line_start)
        })
    }

    /// The longest unit phrase written at `k`, whatever stands before it.
    pub(super) fn unit_phrase_at(&self, k: usize) -> Option<(&'a UnitDef, usize)> {
        if !self.is_word(k) && self.kind(k) != Some(K::S) {
            return None;
        }
        let defs = self.lex.units.get(self.text_at(k))?;
        defs.iter()
            .find(|d| k + d.toks.len() <= self.tok_count() && self.phrase_written_at(d, k))
            .map(|d| (d, k + d.toks.len()))
    }

    /// The currency named by the words at `k` (`us dollar`, `yen`), with the token after them.
    pub(super) fn currency_phrase_at(&self, k: usize) -> Option<(&'static str, usize)> {
        let (def, end) = self.unit_phrase_at(k)?;
        if def.family != Family::Currency || def.factor != 1.0 {
            return None;
        }
        let code = if def.canon == "PESO" {
            self.peso_code()
        } else {
            def.canon
        };
        Some((code, end))
    }

    /// Where a unit written as a bare letter or as `in` may stand: glued to the digits, or
    /// apart before a dimension word (`5 m high`, `2 in thick`) or in a product (`1 m x 2 m`).
    /// Apart, a capital `L` is litres (`3 to 4 L`) and so is `l of` (`4 l of wine`), a capital
    /// `C` is Celsius (`30 C outside`), a `t` after grouped digits is tonnes (`278,000 t`), and
    /// pence may stand apart (`68 p`).
    fn letter_unit_placed(&self, d: &UnitDef, p: usize, end: usize, core: &Core) -> bool {
        let before_dimension = (self.has_class(end, C_DIMENSION) || self.in_product(p, end))
            && matches!(
                d.family,
                Family::Length | Family::Mass | Family::Volume | Family::Temperature
            );
        if d.dimension_only {
            return before_dimension || self.glued(p) && p > 0 && self.is_number(p - 1);
        }
        if !d.attached || self.glued(p) || before_dimension {
            return true;
        }
        if d.canon == "t" {
            let grouped = core.sepdec && self.text_at(core.end - 1).contains(',');
            return grouped && !self.is_dash(end) && !self.is_number(end);
        }
        // a letter apart ends there: not `5 p.c.`, `MOTEL 6 L.P.`, `eight C-130`
        let starts_apart = |k: usize| k >= self.tok_count() || !self.glued(k);
        let ends_apart = starts_apart(end) || self.kind(end) == Some(K::S) && starts_apart(end + 1);
        if d.family == Family::Currency {
            // pence apart (`down 68 p at 1112 p`), small in cased text, not after a fraction
            let small = !self.is_cased() || self.original_byte(p) == b'p';
            return ends_apart && small && !core.frac && !self.is_number(end);
        }
        let capital_apart = self.is_cased() && matches!(self.original_byte(p), b'L' | b'C');
        matches!(d.canon, "l" | "°C")
            && !self.is_number(end)
            && (capital_apart && ends_apart || d.canon == "l" && self.word(end, "of"))
    }

    /// The prime mark at `p` is feet or inches: glued to the digits before it, not followed by
    /// letters (`the 90's`), and not closing a quotation (an odd number of the same marks
    /// stand before it on the line, apostrophes inside words left out).
    fn prime_mark_is_unit(&self, p: usize) -> bool {
        if !self.glued(p) || p == 0 || !self.is_number(p - 1) {
            return false;
        }
        if self.is_word(p + 1) && self.glued(p + 1) {
            return false;
        }
        let mark = self.text_at(p);
        let mut k = p - 1;
        let mut marks_before = 0;
        while k > 0 && !self.toks[k].line_start {
            k -= 1;
            let apostrophe = self.is_word(k.saturating_sub(1))
                && self.glued(k)
                && self.is_word(k + 1)
                && self.glued(k + 1);
            if self.text_at(k) == mark && !apostrophe {
                marks_before += 1;
            }
        }
        marks_before % 2 == 0
    }

    /// The unit from `p` to `end` is a side of a product of measures (`1 m x 2 m`, `3 m × 4`).
    fn in_product(&self, p: usize, end: usize) -> bool {
        let times_at = |k: usize| self.word(k, "x") || self.sym(k, "×");
        times_at(end) && self.is_number(end + 1)
            || p >= 2 && self.is_number(p - 1) && times_at(p - 2)
    }

    /// A (non-strict) unit phrase starts at `p`.
    pub(super) fn unit_at(&self, p: usize) -> bool {
        self.spaced_unit_at(p).is_some()
    }

    /// The unit written apart from a number at token `p` (as after a scaled number; units
    /// that only attach to digits are left out).
    pub(super) fn spaced_unit_at(&self, p: usize) -> Option<&'a UnitDef> {
        self.spaced_unit_span(p).map(|(d, _)| d)
    }

    /// [`Scan::spaced_unit_at`] with the token after the unit.
    pub(super) fn spaced_unit_span(&self, p: usize) -> Option<(&'a UnitDef, usize)> {
        self.unit_after_scaled(p).filter(|(d, _)| !d.attached)
    }

    /// The unit at token `p` as it would follow a scaled number, attached-only units included,
    /// with the token after it.
    pub(super) fn unit_after_scaled(&self, p: usize) -> Option<(&'a UnitDef, usize)> {
        let c = Core {
            scaled: true,
            ..Core::default()
        };
        self.match_unit(p, &c, false)
    }

    /// Unit / counted noun after the (scaled) core.
    pub(super) fn quantity(&self, core: Core, prefix: bool) -> Quantity {
        let mut q = Quantity {
            end: core.end,
            core,
            unit: None,
            count: None,
            glued: false,
            ident: false,
        };
        if q.core.ord {
            return q;
        }
        if self.bits_at(q.core.start) & B_MULTIPLE != 0 && q.core.end == q.core.start + 1 {
            q.unit = Some(times_unit());
            return q;
        }
        let Some(p) = self.unit_start(&mut q, prefix) else {
            return q;
        };
        if self.times_is_multiple(p, &q.core) {
            q.unit = Some(times_unit());
            q.end = p + 1;
            return q;
        }
        if let Some((d, e)) = self.match_unit(p, &q.core, prefix) {
            self.attach_unit(&mut q, d, p, e, prefix);
            return q;
        }
        // `two-thirds of a mile`, `1/16 of a US pint`: a fraction of one unit
        if q.core.frac
            && let Some((d, start, e)) = self.unit_of_a(p, &q.core)
        {
            self.attach_unit(&mut q, d, start, e, prefix);
            return q;
        }
        // `between 50 and 70 on the GPa scale`
        if self.word(p, "on")
            && self.word(p + 1, "the")
            && let Some((d, e)) = self.match_unit(p + 2, &q.core, prefix)
            && self.word(e, "scale")
        {
            self.attach_unit(&mut q, d, p + 2, e, prefix);
            if q.unit.is_some() {
                q.end = e + 1;
            }
            return q;
        }
        if let Some((d, e)) = self.bracketed_unit(p, &q.core) {
            self.attach_unit(&mut q, d, p + 1, e, prefix);
            if q.unit.is_some() {
                q.end = e + 1;
            }
            return q;
        }
        if q.glued {
            // `a 12-member panel`: the hyphenated noun is what is counted
            q.glued = false;
            if !prefix && !q.core.scaled && self.hyphen_count_noun(p, &q.core) {
                let w = self.text_at(p);
                let noun = if self.is_plural_noun(w) {
                    w.to_string()
                } else {
                    pluralize(w)
                };
                q.count = Some((noun, p + 1));
                q.end = p + 1;
            }
            return q;
        }
        // letters glued to the digits that are not a unit: identifier (5g, 3d, 90s)
        if !q.core.word && self.is_word(p) && self.glued(p) && !q.core.vague {
            q.ident = true;
            return q;
        }
        if let Some((noun, e)) = self
            .count_noun(p, &q.core)
            .or_else(|| self.count_of_group(p, &q.core))
        {
            q.count = Some((noun, e));
            q.end = e;
            return q;
        }
        if q.core.vague && !q.core.vague_full {
            // `thousands of` with nothing countable after
            q.ident = true;
        }
        q
    }

    /// `six times as many`, `three times the size`, `rose nearly six times`: `times` after a
    /// number makes a multiple before a comparison or after a change word; otherwise it
    /// counts occasions (`met six times`).
    fn times_is_multiple(&self, p: usize, core: &Core) -> bool {
        if !self.word(p, "times") || core.ord || core.frac || core.vague {
            return false;
        }
        if self.has_class(p + 1, C_COMPARE) {
            // `as much`, `as big`, but not `four times as a player`
            let after_as = self.text_at(p + 2);
            return !self.word(p + 1, "as")
                || matches!(after_as, "much" | "many")
                || self.is_word(p + 2) && !self.has_class(p + 2, C_STOP);
        }
        // `lost three times to Roddick`: a tally of results, not a multiple
        if self.word(p + 1, "to") || self.word(p + 1, "against") {
            return false;
        }
        let floor = sentence_start(self, core.start);
        let mut k = core.start;
        while k > floor && core.start - k < 4 {
            k -= 1;
            if self.has_class(k, C_CHANGE) {
                return true;
            }
            if self.bits_at(k) & B_QUAL == 0 && !self.word(k, "by") && !self.word(k, "more") {
                return false;
            }
        }
        false
    }

    /// A unit in brackets right after the number (`20 (kg)`, `20 [kg]`), with the token of the
    /// closing bracket.
    fn bracketed_unit(&self, p: usize, core: &Core) -> Option<(&'a UnitDef, usize)> {
        let close = match self.text_at(p) {
            "(" => ")",
            "[" => "]",
            "{" => "}",
            _ => return None,
        };
        let (d, e) = self.match_unit(p + 1, core, false)?;
        (self.sym(e, close) && d.family != Family::Currency).then_some((d, e))
    }

    /// `12-member panel`, `four-cylinder engine`: a whole number (not one) joined by a hyphen to
    /// a lower-case noun of three letters or more that modifies the next word.
    fn hyphen_count_noun(&self, p: usize, core: &Core) -> bool {
        let w = self.text_at(p);
        let whole = core.v > 1.0 && core.v.fract() == 0.0 && !core.frac && !core.ord;
        let capitalised = self.is_cased() && self.original_byte(p).is_ascii_uppercase();
        whole
            && w.len() >= 3
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && self.is_word(p + 1)
            && !self.glued(p + 1)
            && !self.toks[p + 1].line_start
            && !capitalised
            && self.bits_at(p) & B_NUMWORD == 0
            && !self.has_class(p, C_STOP | C_NOTCOUNTED | C_MONTH | C_COUNTEXCL)
            && !adjective_shaped(w)
            && (!w.ends_with("ly") || self.has_class(p, C_LYNOUN))
    }

    /// The token where the unit may start: past `of` after a vague magnitude, a hyphen
    /// (`five-year`, setting `glued`), or a word that modifies the unit (`calendar days`). `None` when
    /// a vague magnitude has no `of` after it.
    fn unit_start(&self, q: &mut Quantity, prefix: bool) -> Option<usize> {
        let mut p = q.core.end;
        if q.core.vague && !q.core.vague_full {
            // `thousands of X`
            if !self.word(p, "of") {
                return None;
            }
            p += 1;
        } else if q.core.vague_full && self.word(p, "of") {
            p += 1;
        } else if self.is_dash(p)
            && self.is_word(p + 1)
            && ((self.glued(p) && self.glued(p + 1))
                || (!self.glued(p) && !self.glued(p + 1) && self.unit_at(p + 1)))
        {
            p += 1;
            q.glued = true;
        }
        // `2,000.45±0.01 pounds`: the unit follows the uncertainty
        if let Some(after) = self.uncertainty_after(p) {
            p = after;
        }
        if self.modifies_unit_after(p, &q.core, prefix) {
            p += 1;
        }
        Some(p)
    }

    /// The word at `p` modifies the unit after it: a word of the `timeadj` class before a unit
    /// of time (`10 calendar days`, `the 50 previous years`), an -ing word before a length
    /// (`517 rushing yards`).
    fn modifies_unit_after(&self, p: usize, core: &Core, prefix: bool) -> bool {
        let Some((unit, _)) = self.match_unit(p + 1, core, prefix) else {
            return false;
        };
        let w = self.text_at(p);
        match unit.family {
            Family::Time => self.has_class(p, C_TIMEADJ),
            Family::Length => self.is_word(p) && w.len() > 5 && w.ends_with("ing"),
            _ => false,
        }
    }

    /// The token after an uncertainty at `p` (`± 0.01`, `+/- 1e-5`), if one stands there.
    fn uncertainty_after(&self, p: usize) -> Option<usize> {
        let number = if self.sym(p, "±") {
            p + 1
        } else if self.sym(p, "+") && self.is_slash(p + 1) && self.is_dash(p + 2) {
            p + 3
        } else {
            return None;
        };
        self.is_number(number).then_some(number + 1)
    }

    /// Gives `q` the unit `d` found from token `p` to `e`, unless it is not the number's
    /// (`$5 a barrel`, `5t` glued to letters, `5c coins`); reads `per` and `-year-old`.
    fn attach_unit(&self, q: &mut Quantity, d: &UnitDef, p: usize, e: usize, prefix: bool) {
        let mut canon = d.canon.to_string();
        let mut family = d.family;
        let mut factor = d.factor;
        let mut end = e;
        if prefix && family != Family::Currency {
            // `$5 a barrel`: the currency sign wins; the unit word is not ours
            return;
        }
        // `rmb 10 usd 20`: a code before the next number is that number's prefix
        if prefix && self.is_number(e) && !self.glued(e) {
            return;
        }
        if (d.toks.len() == 1 && matches!(d.toks[0].as_str(), "pound" | "pounds"))
            && self.pound_is_mass(p)
        {
            canon = "lb".into();
            family = Family::Mass;
            factor = 1.0;
        }
        if d.canon == "t" && d.toks[0] == "t" && self.is_word(e) && self.glued(e) {
            return;
        }
        // `45g` of sugar, but `5g`, `2.5G` are mobile networks and `13-G` a form
        if d.toks[0] == "g" && !self.grams_glued(q, p, e) {
            q.ident = true;
            return;
        }
        // `a 45-degree angle`, `rotate 90°`: degrees of an angle, not of heat
        if canon == "°" && self.degrees_are_an_angle(q.core.start, e) {
            canon = "deg".into();
            family = Family::Number;
        }
        // `5c coins`: cents, not Celsius
        if d.toks[0] == "c" && self.is_word(e) && self.is_plural_noun(self.text_at(e)) {
            q.ident = true;
            return;
        }
        if family == Family::Currency
            && factor == 1.0
            && !q.core.scaled
            && !prefix
            && let Some((minor, after)) = self.minor_amount_after(e, d.canon)
        {
            q.core.v += minor;
            q.core.plain_int = false;
            end = after;
        }
        // `75 USD million`: a scale word after the currency (`4.20 dlrs BIL` is a name)
        let capital = self.is_cased() && self.original_byte(end).is_ascii_uppercase();
        if family == Family::Currency
            && !q.core.scaled
            && self.is_word(end)
            && !capital
            && let Some(&(scale, ScaleMode::Free)) = self.lex.scales.get(self.text_at(end))
            && scale >= 1000.0
        {
            q.core.v *= scale;
            q.core.scaled = true;
            q.core.plain_int = false;
            end += 1;
        }
        if let Some((part, after)) = self.smaller_part_after(e, &canon) {
            q.core.v += part;
            q.core.plain_int = false;
            end = after;
        }
        let per = if family == Family::Currency {
            self.per_after(e).map(|(denominator, after)| {
                end = after;
                denominator
            })
        } else {
            None
        };
        if family == Family::Length
            && let Some((time, after)) = self.per_time_after(e)
        {
            canon = format!("{canon}/{time}");
            family = Family::Speed;
            end = after;
        } else if (family.is_technical()
            || matches!(
                family,
                Family::Mass | Family::Volume | Family::Energy | Family::Area | Family::Number
            ))
            && !canon.contains('/')
            && canon != "bpd"
            && let Some((time, after)) = self.time_denominator_after(e, true)
        {
            // `500 tonnes per day`, `3 GB a month`: a flow keeps its denominator; data per
            // second is a data rate (`two megabits per second`)
            if family == Family::Data && time == "s" {
                family = Family::DataRate;
            }
            canon = match canon.strip_suffix("bit") {
                // `two megabits per second` is written as `2 Mbps` is
                Some(prefix) if family == Family::DataRate => format!("{prefix}bps"),
                _ => format!("{canon}/{time}"),
            };
            end = after;
        }
        let mut age = false;
        if matches!(canon.as_str(), "years" | "months" | "weeks" | "days") {
            let hy = self.is_dash(end)
                && (self.glued(end) == self.glued(end + 1))
                && (self.word(end + 1, "old") || self.word(end + 1, "olds"));
            if hy || (self.word(end, "old") && !self.glued(end)) {
                age = true;
                end += if hy { 2 } else { 1 };
                if self.is_word(end) && self.glued(end) && self.text_at(end) == "s" {
                    end += 1;
                }
            }
        }
        q.unit = Some(UnitHit {
            age,
            canon: Sym::new(&canon),
            family,
            factor,
            per: per.as_deref().map(Sym::new),
        });
        q.end = end;
    }

    /// The minor part of a compound amount after a currency `code` ending at token `e`, in
    /// units of the currency, and the token after it: `3 dollars 50 cents`, `thirteen dollars
    /// and forty-five cents`, `17 usd 25`, `one dollar and two` (a bare number closing the
    /// phrase counts as hundredths).
    fn minor_amount_after(&self, e: usize, code: &str) -> Option<(f64, usize)> {
        // digits or cardinal words, not `a dozen` (`5 dollars a dozen` is a price)
        let k = self.past_and(e);
        if !self.is_number(k) && !self.is_card(k) {
            return None;
        }
        let number = self.parse_core(k).ok()?;
        if number.ord || number.frac || number.v.fract() != 0.0 || number.v >= 100.0 {
            return None;
        }
        if let Some((minor, after)) = self.unit_after_scaled(number.end) {
            // `cents` after euros are euro cents: any hundredth of money goes with the amount
            let hundredth = minor.family == Family::Currency && minor.factor == 0.01;
            let same_currency = minor.canon == code && minor.factor < 1.0;
            return (same_currency || hundredth).then_some((number.v * minor.factor, after));
        }
        let closes = !self.is_word(number.end) && !self.is_number(number.end);
        (closes && !self.sym(number.end, "%")).then_some((number.v * 0.01, number.end))
    }

    /// Token `e`, or the one after it when `e` is `and` (`3 dollars and 50 cents`).
    fn past_and(&self, e: usize) -> usize {
        if self.word(e, "and") { e + 1 } else { e }
    }

    /// The smaller part of a compound measure whose larger unit `canon` ends at token `e`, in
    /// that unit, and the token after it: `5 feet and 2 inches`, `6ft 1in`, `7 lb 4 oz`.
    fn smaller_part_after(&self, e: usize, canon: &str) -> Option<(f64, usize)> {
        let k = self.past_and(e);
        if !self.is_number(k) && !self.is_card(k) {
            return None;
        }
        let number = self.parse_core(k).ok()?;
        if number.ord || number.scaled {
            return None;
        }
        let (part, after) = self.unit_after_scaled(number.end)?;
        let (whole, count) = part.part_of?;
        (whole == canon && number.v < count).then_some((number.v / count, after))
    }

    /// The denominator of a price after its money ending at token `e` (`per bushel`, `a
    /// barrel`, `/hour`) and the token after it; `None` for `a year earlier`.
    pub(super) fn per_after(&self, e: usize) -> Option<(String, usize)> {
        let slash = self.glued_slash(e);
        let per_word = self.word(e, "per") || self.word(e, "a") || self.word(e, "an");
        ((slash || per_word) && self.has_class(e + 1, C_PER) && !self.dates_back(e + 2))
            .then(|| (self.text_at(e + 1).to_string(), e + 2))
    }

    /// The word at `k` makes `a year` before it a point in time, not a rate (`a year
    /// earlier`, `a week ago`).
    fn dates_back(&self, k: usize) -> bool {
        matches!(
            self.text_at(k),
            "earlier" | "ago" | "before" | "later" | "after" | "previously" | "on"
        )
    }

    /// A slash glued on both sides at token `e`, read as `per` (`km/ms`, `$15.4/hour`).
    fn glued_slash(&self, e: usize) -> bool {
        self.is_slash(e) && self.glued(e) && self.glued(e + 1)
    }

    /// A unit of time up to an hour after `per` or `/` at token `e` (`50 metres per
    /// millisecond`, `50 km/ms`): its symbol and the token after it.
    fn per_time_after(&self, e: usize) -> Option<(&'static str, usize)> {
        let (symbol, end) = self.time_denominator_after(e, false)?;
        // `11 feet per century` is a length per century, not a speed
        matches!(symbol, "ms" | "s" | "min" | "h").then_some((symbol, end))
    }

    /// Degrees ending before token `e`, of a number starting at `start`, measure an angle: an
    /// `angleverb` right before the number, an `angleword` right after the unit, or an
    /// `anglenoun` within three words after it (same line, no punctuation between).
    fn degrees_are_an_angle(&self, start: usize, e: usize) -> bool {
        if start > 0 && self.is_word(start - 1) && self.has_class(start - 1, C_ANGLEVERB) {
            return true;
        }
        if self.is_word(e) && self.has_class(e, C_ANGLEWORD) {
            return true;
        }
        for k in e..(e + 3).min(self.tok_count()) {
            if !self.is_word(k) || self.toks[k].line_start {
                return false;
            }
            if self.has_class(k, C_ANGLENOUN) {
                return true;
            }
        }
        false
    }

    /// A unit of time after `per` or `/` at token `e`, or after `a`/`an` when `articles`
    /// (`500 tonnes a day`, `3 GB per month`): its symbol and the token after it. Not a date
    /// (`a year ago`, `a year earlier`).
    fn time_denominator_after(&self, e: usize, articles: bool) -> Option<(&'static str, usize)> {
        let article = articles && (self.word(e, "a") || self.word(e, "an"));
        if !(self.glued_slash(e) || self.word(e, "per") || article) {
            return None;
        }
        let (time, end) = self.spaced_unit_span(e + 1)?;
        if time.family != Family::Time || article && self.dates_back(end) {
            return None;
        }
        let symbol = match time.canon {
            "ms" => "ms",
            "seconds" => "s",
            "minutes" => "min",
            "hours" => "h",
            "days" => "d",
            "weeks" => "wk",
            "months" => "mo",
            "years" => "yr",
            _ => return None,
        };
        Some((symbol, end))
    }

    /// A `g` at token `p` glued to the number of `q` is grams: lowercase in cased text, glued
    /// without a hyphen, not before a plural noun (`2.5g networks`), and not a small whole
    /// number unless `of` follows (`5g of salt`).
    fn grams_glued(&self, q: &Quantity, p: usize, e: usize) -> bool {
        let capital = self.original_byte(p) == b'G' && self.is_cased();
        let small_whole = q.core.plain_int && q.core.v < 10.0 && !self.word(e, "of");
        let before_plural = self.is_word(e) && self.is_plural_noun(self.text_at(e));
        !capital && !q.glued && !small_whole && !before_plural
    }

    /// `pounds` is a weight unless money is being talked about (`pounds sterling`, `paid 5
    /// million pounds`): Reuters writes money as `stg`, the BBC as `£`.
    pub(super) fn pound_is_mass(&self, p: usize) -> bool {
        if self.word(p + 1, "of") {
            return true;
        }
        if self.word(p + 1, "sterling") {
            return false;
        }
        // `a twenty-pound bag`, `a 50-pound fine`: the noun the compound describes decides
        let compound = p > 0 && self.is_dash(p - 1) && self.glued(p - 1) && self.glued(p);
        if compound && self.is_word(p + 1) && !self.toks[p + 1].line_start {
            return !self.has_class(p + 1, C_MONEY);
        }
        // `700 pounds (320kg)`
        let after = (p + 1..(p + 6).min(self.tok_count())).any(|k| {
            matches!(
                self.text_at(k),
                "kg" | "kilos" | "kilograms" | "kilogrammes" | "tonnes" | "grams"
            )
        });
        if after {
            return true;
        }
        let lo = p.saturating_sub(10).max(sentence_start(self, p));
        let mut hi = p + 1;
        while hi < (p + 4).min(self.tok_count()) && !self.sym(hi, ".") && !self.sym(hi, ";") {
            hi += 1;
        }
        let money = (lo..p).any(|k| self.has_class(k, C_MONEY))
            || (p + 1..hi).any(|k| self.has_class(k, C_MONEY));
        !money
    }

    /// Currency prefix ending right before `i`: (code, first token).
    pub(super) fn prefix_before(&self, i: usize, floor: usize) -> Option<(&'static str, usize)> {
        let b = i.checked_sub(1)?;
        if b < floor {
            return None;
        }
        let last = self.text_at(b);
        if self.bits_at(b) & B_PREFIX == 0 {
            return None;
        }
        let list = self.lex.prefixes.get(last)?;
        for p in list {
            let Some(s) = self.phrase_ending_at(&p.toks, b, floor) else {
                continue;
            };
            let len = p.toks.len();
            // the prefix's tokens are glued (`us$`), except `us $` and its kin
            let spaced_dollar_ok = |k: usize| {
                p.toks[k] == "$"
                    && matches!(
                        p.toks[0].as_str(),
                        "us" | "hk" | "c" | "nz" | "nt" | "can" | "mx"
                    )
            };
            if (1..len).any(|k| !self.glued(s + k) && !spaced_dollar_ok(k)) {
                continue;
            }
            let letters = p
                .toks
                .last()
                .is_some_and(|w| w.chars().all(|c| c.is_ascii_alphabetic() || c == '.'));
            // glued to the digits: a currency code (`usd50`, `rm23.50`) or a sign with letters
            // (`$us55`, `$a82`), never a word that could start an identifier (`cop2`)
            let code_glues = len == 1
                && matches!(p.toks[0].len(), 2 | 3)
                && !matches!(p.toks[0].as_str(), "cop" | "ars" | "clp" | "dm");
            let sign_glues = len > 1 && self.kind(s) == Some(K::S);
            if letters && self.glued(i) && !(code_glues || sign_glues) {
                continue;
            }
            if p.text.ends_with('!') && !self.number_is_long_or_scaled(i) {
                continue;
            }
            // the prefix must start a word (`us$`, not `plus$`)
            if s > 0 && self.glued(s) && self.is_word(s) && self.is_word(s - 1) {
                continue;
            }
            // letter codes: not glued to a previous word
            if letters && s > 0 && self.glued(s) && !matches!(self.kind(s - 1), Some(K::S)) {
                continue;
            }
            return Some((p.val, s));
        }
        None
    }

    /// The number at `i` has two or more digits, separators or decimals, or a scale after it.
    fn number_is_long_or_scaled(&self, i: usize) -> bool {
        let Some(tok) = self.toks.get(i).filter(|_| self.is_number(i)) else {
            return false;
        };
        tok.int_digits >= 2
            || tok.flags & (F_SEP | F_DEC) != 0
            || self.lex.scales.contains_key(self.text_at(i + 1))
    }

    /// `two of Johnson's deputies`, `500,000 of the company's shares`: the plural noun of the
    /// group a number counts a part of, after `of` and a determiner or a possessive.
    fn count_of_group(&self, p: usize, core: &Core) -> Option<(String, usize)> {
        if !self.word(p, "of") || !self.is_word(p + 1) || self.line_ended_at(p + 1) {
            return None;
        }
        let determiner = self.has_class(p + 1, C_DETERMINER);
        let mut start = if determiner { p + 2 } else { p + 1 };
        // `Johnson's deputies`, `the company's plants`
        let owner_end = (start..start + 3).find(|&k| self.is_possessive_mark(k));
        if let Some(mark) = owner_end {
            start = mark + 2;
        }
        let whole = core.v.fract() == 0.0 || core.scaled;
        if !determiner && owner_end.is_none() || !whole {
            return None;
        }
        // `18 of the Rules of Fair Practice`: a capitalised plural in cased text is a name
        let (noun, end) = self.count_noun(start, core)?;
        let name = self.is_cased() && self.original_is_capital(end - 1);
        (!name).then_some((noun, end))
    }

    /// `of a mile`, `of an inch`, `of a US pint` from token `p`: the unit, its first token and
    /// the token after it.
    pub(super) fn unit_of_a(&self, p: usize, core: &Core) -> Option<(&'a UnitDef, usize, usize)> {
        if !(self.word(p, "of") && (self.word(p + 1, "a") || self.word(p + 1, "an"))) {
            return None;
        }
        let mut start = p + 2;
        if self.is_word(start) && self.has_class(start, C_UNITSYSTEM) {
            start += 1;
        }
        let (d, e) = self.match_unit(start, core, false)?;
        Some((d, start, e))
    }

    /// The first later item of a list of bare numbers that has a unit.
    pub(super) fn list_unit(&self, mut p: usize, prefix: bool) -> Option<Quantity> {
        for _ in 0..6 {
            let mut saw_sep = false;
            while self.sym(p, ",") || self.word(p, "and") || self.word(p, "or") {
                saw_sep = true;
                p += 1;
            }
            if !saw_sep || !(self.is_number(p) || self.is_card(p)) || self.skip[p] {
                return None;
            }
            let mut c = self.parse_core(p).ok()?;
            if c.ord || c.frac {
                return None;
            }
            self.scales(&mut c, prefix);
            let q = self.quantity(c, false);
            if q.ident || q.count.is_some() {
                return None;
            }
            if q.unit.is_some() {
                return Some(q);
            }
            p = q.end;
        }
        None
    }

    pub(super) fn peso_code(&self) -> &'static str {
        if let Some(c) = self.peso.get() {
            return c;
        }
        let mut best = ("MXN", 0usize);
        for &(clue, code) in &self.lex.peso {
            let n = self.text.matches(clue).count();
            if n > best.1 {
                best = (code, n);
            }
        }
        self.peso.set(Some(best.0));
        best.0
    }
}
