//! Stage 6, candidates: `try_at` decides, token by token, whether a figure starts here, by
//! running the earlier stages and the guards that rule out identifiers, dates, years and list
//! numbers.
//!
//! Input: a token index and the end of the previous figure. Output: a `Step`.

use super::lexicon::{B_CARD, B_ORD, B_VAGUE, C_IDENT, C_STOP};
use super::number::raw_of;
use super::scan::{Cand, Quantity, Scan, Step};
use crate::extract::Bound;
use crate::extract::Family;
use crate::extract::Sym;

impl<'a> Scan<'a> {
    pub(super) fn try_at(&self, i: usize, floor: usize) -> Step {
        if self.skip[i] {
            return Step::No;
        }
        let is_num = self.is_number(i);
        if !is_num {
            if !self.is_word(i) {
                return Step::No;
            }
            let w = self.text_at(i);
            if !(self.bits_at(i) & (B_CARD | B_ORD | B_VAGUE) != 0
                || matches!(w, "a" | "an" | "half" | "several"))
            {
                return Step::No;
            }
        }
        // ratios `two-for-one`, `two-for-seven`
        if self.is_dash(i + 1) && self.glued(i + 1) && self.word(i + 2, "for") && self.glued(i + 2)
        {
            return Step::Skip(self.chain_end(i));
        }
        if i >= 2
            && self.word(i - 1, "for")
            && self.glued(i)
            && self.is_dash(i - 2)
            && self.glued(i - 1)
        {
            return Step::Skip(i + 1);
        }
        // names with numbers in them (`six nations`, `formula one`)
        if let Some(end) = self.name_at(i) {
            return Step::Skip(end);
        }
        for back in 1..=2 {
            if i >= back
                && let Some(end) = self.name_at(i - back)
                && end > i
            {
                return Step::Skip(end);
            }
        }
        // identifiers glued before the number: g20, covid-19, mid-1990s
        if is_num && i > 0 && self.glued(i) {
            let b = i - 1;
            if self.is_word(b) && self.prefix_before(i, floor).is_none() {
                return Step::Skip(self.chain_end(i));
            }
            if self.is_dash(b) && b > 0 && self.glued(b) && self.is_word(b - 1) {
                return Step::Skip(self.chain_end(i));
            }
            if matches!(
                self.text_at(b),
                "#" | "+" | "/" | "." | "@" | "_" | "&" | "'" | "’" | "‘"
            ) {
                return Step::Skip(self.chain_end(i));
            }
            if self.is_number(b) {
                return Step::Skip(self.chain_end(i));
            }
        }
        // `Half-Life 2`, `Spider-Man 3`: a small number after a hyphenated name
        if is_num
            && i >= 3
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
            return Step::Skip(i + 1);
        }
        if is_num
            && i > 0
            && self.is_word(i - 1)
            && self.has_class(i - 1, C_IDENT)
            && !self.glued(i)
        {
            return Step::Skip(self.chain_end(i));
        }
        let (prefix, pstart) = match self.prefix_before(i, floor) {
            Some((code, s)) if is_num => (Some(code), s),
            _ => (None, i),
        };
        let mut core = match self.parse_core(i) {
            Ok(c) => c,
            Err(j) => return Step::Skip(j),
        };
        // dates and times
        if !core.vague && (core.plain_int || core.ord) && !core.word && prefix.is_none() {
            if core.v <= 31.0 && self.date_adjacent(i, core.end) {
                return Step::Skip(core.end);
            }
            if self.clock_after(core.end) {
                return Step::Skip(core.end + 1);
            }
        }
        if !core.word && self.toks[i].line_start && !core.ord {
            // list numbering `1.` / `2)` at the start of a line
            let e = core.end;
            if (self.sym(e, ".") || self.sym(e, ")"))
                && self.glued(e)
                && !self.glued(e + 1)
                && core.plain_int
            {
                return Step::Skip(e + 1);
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
                return Step::Skip(e + 1);
            }
        }
        if core.ord {
            return match self.ordinal_head(&core, i) {
                Some((noun, end)) => Step::Fig(Box::new(Cand {
                    t0: i,
                    t1: end,
                    value: core.v,
                    low: None,
                    high: None,
                    unit: Sym::new(&noun),
                    family: Family::Ordinal,
                    factor: 1.0,
                    qualifier: Sym::EMPTY,
                    bound: Bound::Exact,
                    approximate: false,
                    measure: Sym::EMPTY,
                    per: None,
                    age: false,
                    scaled: false,
                })),
                None => Step::Skip(core.end),
            };
        }
        self.scales(&mut core, prefix.is_some());
        let year_like = core.plain_int
            && !core.word
            && self.toks[i].int_digits == 4
            && (1800.0..=2100.0).contains(&core.v);
        let q = self.quantity(core, prefix.is_some());
        if q.ident {
            return Step::Skip(q.end.max(i + 1));
        }
        // negative
        let mut t0 = pstart;
        let mut negative = false;
        if t0 > floor && t0 > 0 {
            let b = t0 - 1;
            let dash_minus = (self.sym(b, "-") || self.sym(b, "−"))
                && self.glued(t0)
                && (self.toks[b].space_before
                    || b == 0
                    || matches!(self.text_at(b - 1), "(" | "["))
                && is_num;
            if dash_minus || self.word(b, "minus") || self.word(b, "negative") {
                negative = true;
                t0 = b;
            }
        }
        // between A and B
        let between = t0 > floor && t0 > 0 && self.word(t0 - 1, "between");
        // range: A <conn> B
        let mut range: Option<(Quantity, usize)> = None;
        let mut b_prefix: Option<&'static str> = None;
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
        if range_ok_a {
            let is_conn = self.is_dash(conn)
                || self.word(conn, "to")
                || (self.word(conn, "or") && prefix.is_none())
                || (between && self.word(conn, "and"));
            if is_conn {
                let mut bi = conn + 1;
                if matches!(
                    self.text_at(bi),
                    "just" | "only" | "about" | "around" | "nearly" | "almost" | "some" | "roughly"
                ) && (self.is_number(bi + 1) || self.is_card(bi + 1))
                {
                    bi += 1;
                }
                let bpref = self
                    .prefix_before(bi + 1, conn + 1)
                    .filter(|_| prefix.is_some() && self.is_number(bi + 1));
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
                    self.scales(&mut bc, prefix.is_some());
                    let bq = self.quantity(bc, bpref.is_some());
                    if !bq.ident {
                        b_prefix = bpref.map(|x| x.0);
                        range = Some((bq, bi));
                    }
                }
            }
        }
        let a_has_unit = q.unit.is_some() || prefix.is_some();
        let mut use_range = false;
        let mut inherit: Option<Quantity> = None;
        if let Some((bq, _bi)) = &range {
            let b_has = bq.unit.is_some() || bq.count.is_some();
            let dash = self.is_dash(conn);
            let change = self.word(conn, "to")
                && self.change_before(t0, floor)
                && !(t0 > 0 && self.word(t0 - 1, "to"));
            let a_canon = prefix.or(q.unit.as_ref().map(|u| u.canon.as_str()));
            let b_canon = b_prefix.or(bq.unit.as_ref().map(|u| u.canon.as_str()));
            let b_has = b_has || b_prefix.is_some();
            let same_unit = match (a_canon, b_canon) {
                (Some(a), Some(b)) => a == b,
                (Some(_), None) => bq.count.is_none() && (dash || prefix.is_some()),
                (None, Some(_)) => true,
                (None, None) => between || (b_has && q.count.is_none()),
            };
            let year_b = bq.core.plain_int
                && !bq.core.word
                && self.toks[*_bi].int_digits == 4
                && (1800.0..=2100.0).contains(&bq.core.v);
            if year_like || year_b {
                if dash {
                    return Step::Skip(bq.end);
                }
            } else if change {
                if !a_has_unit && b_has {
                    inherit = Some(bq.clone());
                }
            } else if same_unit
                && (a_has_unit || b_has || between)
                && (bq.core.v >= q.core.v * 0.999 || between)
            {
                use_range = true;
            } else if dash && !a_has_unit && !b_has {
                // scores, phone numbers, model numbers
                return Step::Skip(bq.end);
            }
        } else if self.is_dash(conn)
            && self.glued(conn)
            && self.is_number(conn + 1)
            && self.glued(conn + 1)
            && !a_has_unit
        {
            return Step::Skip(self.chain_end(conn));
        }
        // lists: `1,850 and 1,880 dlrs`, `4,340, 4,345 and 4,350 dlrs`
        if range.is_none()
            && inherit.is_none()
            && !a_has_unit
            && q.count.is_none()
            && !q.core.vague
            && !year_like
            && !q.core.word
            && let Some(lq) = self.list_unit(q.end, prefix.is_some())
        {
            inherit = Some(lq);
        }
        // qualifier
        let mut qual: Option<(&'static str, Bound)> = None;
        let mut q0 = t0;
        if between && use_range {
            q0 = t0 - 1;
        } else if let Some((text, bound, s)) = self.qualifier_before(t0, floor) {
            qual = Some((text, bound));
            q0 = s;
        }
        // build
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
            per: None,
            age: false,
            scaled: q.core.scaled,
        };
        if q.core.vague {
            c.bound = Bound::Approximate;
            c.approximate = true;
        }
        let mut unit_src = &q;
        let mut hi_v: Option<f64> = None;
        if use_range && let Some((bq, _)) = &range {
            let mut a = q.core.v;
            if !q.core.scaled && bq.core.scaled && q.unit.is_none() {
                // `200 to 300 mln`: the scale applies to both ends
                let bs = bq.core.v / raw_of(self, bq);
                if bs.is_finite() && bs > 1.0 && a * bs <= bq.core.v * 1.000_001 {
                    a *= bs;
                }
            }
            c.value = a;
            hi_v = Some(bq.core.v);
            if q.unit.is_none() && q.count.is_none() {
                unit_src = bq;
            }
            c.t1 = bq.end;
            c.bound = Bound::Range;
        }
        if let Some(bq) = &inherit {
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
        // unit and family
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
        if negative {
            c.value = -c.value;
            if let Some(h) = hi_v.as_mut() {
                *h = -*h;
            }
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
        // filters
        let core = &q.core;
        if year_like && !use_range && prefix.is_none() && !q.core.scaled {
            let measurement = matches!(
                c.family,
                Family::Currency
                    | Family::Percent
                    | Family::Length
                    | Family::Area
                    | Family::Mass
                    | Family::Volume
                    | Family::Energy
                    | Family::Speed
                    | Family::Temperature
            );
            if !measurement {
                return Step::Skip(core.end);
            }
        }
        let one_duration = c.family == Family::Time
            && q0 > 0
            && matches!(
                self.text_at(q0 - 1),
                "for"
                    | "within"
                    | "after"
                    | "than"
                    | "only"
                    | "just"
                    | "least"
                    | "lasted"
                    | "last"
                    | "lasts"
                    | "took"
                    | "take"
                    | "takes"
            );
        if core.one
            && !core.scaled
            && !use_range
            && !one_duration
            && !matches!(
                c.family,
                Family::Currency
                    | Family::Percent
                    | Family::Length
                    | Family::Area
                    | Family::Mass
                    | Family::Volume
                    | Family::Energy
                    | Family::Speed
                    | Family::Temperature
            )
        {
            return Step::Skip(core.end);
        }
        if c.family == Family::Number && c.unit.is_empty() && !use_range {
            let vs = self.vs_before(q0);
            let ok = !core.word
                && (core.scaled || qual.is_some() || core.sepdec || negative || vs || core.frac)
                || core.word
                    && (core.scaled
                        || core.vague_full
                        || core.frac
                        || core.v >= 100.0
                        || core.end >= core.start + 3
                        || self.text_at(core.end - 1) == "dozen");
            if !ok {
                return Step::Skip(core.end);
            }
        }
        if !c.value.is_finite()
            || c.low.is_some_and(|v| !v.is_finite())
            || c.high.is_some_and(|v| !v.is_finite())
        {
            return Step::Skip(c.t1.max(i + 1));
        }
        if c.family == Family::Count && c.value > 0.0 && c.value < 1.0 {
            return Step::Skip(core.end);
        }
        Step::Fig(Box::new(c))
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
