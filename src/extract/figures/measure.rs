//! Stage 7, measures: the thing a figure measures, from `X of Y`, `a <figure> X`, the clause
//! subject or a Reuters table's row label, and the chart label built from measure and unit.
//!
//! Input: a `Cand` and the in-figure token map. Output: the measure text.

use super::context::singularize;
use super::lexicon::{
    B_NUMWORD, C_CHAIN, C_CHANGE, C_CLOCK, C_KEEPED, C_KEEPING, C_LYNOUN, C_MONTH, C_PART,
    C_PLURAL, C_STOP, C_VALUE, LEX,
};
use super::scan::{Cand, Scan};
use crate::extract::Family;

pub(super) fn label_for(family: Family, measure: &str, unit: &str) -> String {
    let lx = &*LEX;
    // `measure.split(" and ").next()` (a byte scan: short strings, no searcher set-up).
    let first = match measure.as_bytes().windows(5).position(|w| w == b" and ") {
        Some(k) => &measure[..k],
        None => measure,
    }
    .trim();
    // The last (at most) three words, joined by single spaces; `head` is the last word.
    let mut last3 = [""; 3];
    let mut n = 0;
    for w in first.rsplit(' ').filter(|w| !w.is_empty()).take(3) {
        last3[n] = w;
        n += 1;
    }
    let head = last3[0];
    let mut short = String::with_capacity(first.len());
    for w in last3[..n].iter().rev() {
        if !short.is_empty() {
            short.push(' ');
        }
        short.push_str(w);
    }
    match family {
        Family::Count | Family::Ordinal => {
            let u = if unit.is_empty() { measure } else { unit };
            if u.is_empty() {
                return "count".into();
            }
            format!("{} count", singularize(u.rsplit(' ').next().unwrap_or(u)))
        }
        Family::Currency => {
            if short.is_empty() {
                return format!("{unit} amount");
            }
            if lx.is(head, C_VALUE) || head.ends_with("price") || short.starts_with("price") {
                short
            } else {
                format!("{short} value")
            }
        }
        Family::Percent => {
            if short.is_empty() {
                "percent".into()
            } else if matches!(
                head,
                "rate" | "share" | "stake" | "ratio" | "margin" | "yield" | "growth"
            ) {
                short
            } else {
                format!("{short} %")
            }
        }
        Family::Length => suffix(&short, "length"),
        Family::Area => suffix(&short, "area"),
        Family::Mass => suffix(&short, "weight"),
        Family::Volume => suffix(&short, "volume"),
        Family::Time if short == "age" => short,
        Family::Time => suffix(&short, "duration"),
        Family::Speed => suffix(&short, "speed"),
        Family::Temperature => suffix(&short, "temperature"),
        Family::Energy => suffix(&short, "energy"),
        // the noun the text uses (`generating capacity`, `cache`), else the family's name
        _ if family.is_technical() && !short.is_empty() => short,
        Family::Data => "data size".into(),
        _ if family.is_technical() => family.as_str().into(),
        _ => short,
    }
}

pub(super) fn suffix(m: &str, s: &str) -> String {
    if m.is_empty() || m == s || m.strip_suffix(s).is_some_and(|r| r.ends_with(' ')) {
        if !m.is_empty() {
            return m.to_string();
        }
        s.to_string()
    } else {
        format!("{m} {s}")
    }
}

impl<'a> Scan<'a> {
    pub(super) fn content_word(&self, k: usize, in_fig: &[bool]) -> bool {
        if !self.is_word(k) || in_fig[k] {
            return false;
        }
        let w = self.text_at(k);
        let c = self.class_bits(k);
        if c & (C_STOP | C_MONTH | C_CLOCK) != 0 || self.bits_at(k) & B_NUMWORD != 0 {
            return false;
        }
        if w.ends_with("ing") && c & C_KEEPING == 0 {
            return false;
        }
        if w.ends_with("ed") && w.len() > 4 && c & C_KEEPED == 0 {
            return false;
        }
        if w.ends_with("ly") && w.len() > 4 && c & C_LYNOUN == 0 {
            return false;
        }
        w.len() > 1 || w == "s"
    }

    /// Noun phrase ending at token `b` (inclusive), scanning left. Returns (first, last).
    pub(super) fn np_left(
        &self,
        b: usize,
        floor: usize,
        in_fig: &[bool],
    ) -> Option<(usize, usize)> {
        let mut k = b;
        if !self.content_word(k, in_fig) {
            return None;
        }
        let mut first = k;
        let mut words = 1;
        while k > floor && words < 4 {
            if self.toks[k].line_start {
                break;
            }
            let p = k - 1;
            if self.is_dash(p)
                && self.glued(p)
                && self.glued(k)
                && p > 0
                && self.content_word(p - 1, in_fig)
            {
                k = p - 1;
                first = k;
                continue;
            }
            if self.word(p, "and")
                && p > floor
                && self.content_word(p - 1, in_fig)
                && !self.toks[p].line_start
            {
                k = p - 1;
                first = k;
                words += 1;
                continue;
            }
            if (self.content_word(p, in_fig) || (self.word(p, "us") && !in_fig[p]))
                && !(self.sym(p + 1, "'") || self.sym(p + 1, "’"))
                && !(self.is_plural_noun(self.text_at(b))
                    && self.is_plural_noun(self.text_at(p))
                    && !self.has_class(p, C_PLURAL))
            {
                k = p;
                first = k;
                words += 1;
                continue;
            }
            break;
        }
        Some((first, b))
    }

    /// Noun phrase starting at `a` (after optional determiners), scanning right.
    pub(super) fn np_right(&self, a: usize, in_fig: &[bool]) -> Option<(usize, usize)> {
        let mut k = a;
        while self.is_word(k)
            && matches!(
                self.text_at(k),
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "this"
                    | "these"
                    | "those"
                    | "new"
            )
        {
            k += 1;
        }
        if !self.content_word(k, in_fig) || self.toks[k].line_start && k != a {
            return None;
        }
        // `russia's total oil production`: skip the possessor
        if matches!(self.text_at(k + 1), "'" | "’")
            && self.word(k + 2, "s")
            && self.content_word(k + 3, in_fig)
        {
            k += 3;
        }
        let first = k;
        let mut last = k;
        let mut words = 1;
        loop {
            let nx = last + 1;
            if self.line_ended_at(nx) || words >= 3 {
                break;
            }
            if self.is_dash(nx)
                && self.glued(nx)
                && self.glued(nx + 1)
                && self.is_word(nx + 1)
                && !in_fig[nx + 1]
            {
                last = nx + 1;
                continue;
            }
            if self.is_plural_noun(self.text_at(last)) && !self.has_class(last, C_VALUE) {
                break;
            }
            if self.content_word(nx, in_fig) && !self.has_class(nx, C_CHAIN | C_CHANGE) {
                last = nx;
                words += 1;
                continue;
            }
            break;
        }
        Some((first, last))
    }

    pub(super) fn span_text(&self, a: usize, b: usize) -> String {
        let s = &self.text[self.toks[a].start..self.toks[b].end];
        let mut out = String::with_capacity(s.len());
        let mut prev_space = false;
        for ch in s.chars() {
            if ch.is_whitespace() {
                if !prev_space {
                    out.push(' ');
                }
                prev_space = true;
            } else {
                out.push(ch);
                prev_space = false;
            }
        }
        out
    }

    pub(super) fn expand_abbrev(&self, a: usize, b: usize) -> String {
        let mut parts = Vec::new();
        for k in a..=b {
            if !self.is_word(k) {
                continue;
            }
            let w = self.text_at(k);
            if w == "shr" && self.word(k + 1, "loss") {
                parts.push("loss per share".to_string());
                return parts.join(" ");
            }
            match self.lex.abbrev.get(w) {
                Some(x) if !(w == "net" && k < b) => parts.push(x.to_string()),
                _ => parts.push(w.to_string()),
            }
        }
        parts.join(" ")
    }

    pub(super) fn measure_for(&self, c: &Cand, floor: usize, in_fig: &[bool]) -> String {
        if c.age {
            return "age".into();
        }
        if is_exchange_rate(c) {
            return self.per_measure(c);
        }
        match c.family {
            Family::Count | Family::Ordinal => return c.unit.to_string(),
            Family::Time | Family::Temperature | Family::Speed => return String::new(),
            _ => {}
        }
        if let Some(m) = self.measure_of_after(c, in_fig) {
            return m;
        }
        if let Some(m) = self.measure_after_determiner(c, in_fig) {
            return m;
        }
        if let Some(m) = self.measure_in_after(c, in_fig) {
            return m;
        }
        // left: `X of <fig>`, `X was/rose to <fig>`, row labels
        let Some(mut k) = c.t0.checked_sub(1) else {
            return self.per_measure(c);
        };
        if k < floor {
            return self.per_measure(c);
        }
        if self.word(k, "of") && k > floor {
            match self.measure_of_before(c, k, floor, in_fig) {
                Ok(next) => k = next,
                Err(m) => return m,
            }
        }
        let (k, chain) = self.walk_left_over_chain(k, floor, in_fig);
        if k < floor || k >= self.tok_count() {
            return self.per_measure(c);
        }
        if let Some(m) = self.measure_from_subject(c, k, chain, floor, in_fig) {
            return m;
        }
        self.per_measure(c)
    }

    /// The noun phrase after `of`: `4,500 kilometers of coast`, `$5bn of debt`.
    fn measure_of_after(&self, c: &Cand, in_fig: &[bool]) -> Option<String> {
        let e = c.t1;
        if self.word(e, "of")
            && c.family != Family::Number
            && let Some((a, b)) = self.np_right(e + 1, in_fig)
        {
            let w = self.text_at(b);
            if !matches!(w, "which" | "whom") {
                return Some(self.span_text(a, b));
            }
        }
        None
    }

    /// The noun a determiner's figure modifies: `a 21 billion dlr debt-rescheduling package`,
    /// `a 40 pct drop in oil income`.
    fn measure_after_determiner(&self, c: &Cand, in_fig: &[bool]) -> Option<String> {
        let e = c.t1;
        if c.t0 > 0
            && (matches!(
                self.text_at(c.t0 - 1),
                "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our"
            ) || (self.text_at(c.t0 - 1) == "s"
                && c.t0 >= 2
                && matches!(self.text_at(c.t0 - 2), "'" | "’")))
            && matches!(c.family, Family::Currency | Family::Percent)
            && let Some((a, b)) = self.np_right(e, in_fig)
            && a == e
        {
            let head = self.text_at(b);
            if (self.lex.is(head, C_CHANGE)
                || matches!(
                    head,
                    "drop"
                        | "gain"
                        | "loss"
                        | "jump"
                        | "fall"
                        | "rise"
                        | "increase"
                        | "decline"
                        | "growth"
                ))
                && self.word(b + 1, "in")
                && let Some((a2, b2)) = self.np_right(b + 2, in_fig)
            {
                return Some(self.span_text(a2, b2));
            }
            return Some(self.span_text(a, b));
        }
        None
    }

    /// A value noun after `in`: `$5bn in loans`.
    fn measure_in_after(&self, c: &Cand, in_fig: &[bool]) -> Option<String> {
        let e = c.t1;
        if c.family == Family::Currency
            && self.word(e, "in")
            && let Some((a, b)) = self.np_right(e + 1, in_fig)
            && (self.has_class(b, C_VALUE))
        {
            return Some(self.span_text(a, b));
        }
        None
    }

    /// `X of <fig>` with `of` at `k`: `Err(measure)` is the answer, `Ok(k)` the token to go on
    /// looking left from after `a total of`.
    fn measure_of_before(
        &self,
        c: &Cand,
        k: usize,
        floor: usize,
        in_fig: &[bool],
    ) -> Result<usize, String> {
        let Some((a, b)) = self.np_left(k - 1, floor, in_fig) else {
            return Err(self.per_measure(c));
        };
        let head = self.text_at(b);
        if !matches!(
            head,
            "total"
                | "sum"
                | "amount"
                | "value"
                | "figure"
                | "average"
                | "maximum"
                | "minimum"
                | "record"
                | "level"
                | "rate"
                | "increase"
                | "rise"
                | "decline"
                | "drop"
                | "fall"
                | "gain"
                | "high"
                | "low"
                | "peak"
        ) {
            return Err(self.span_text(a, b));
        }
        // `a total of`: keep looking left
        let mut k = a.saturating_sub(1);
        while k > floor && matches!(self.text_at(k), "a" | "an" | "the") {
            k -= 1;
        }
        Ok(k)
    }

    /// Walks left from `k` over figures, brackets, year phrases and chain words (verbs like
    /// `was`, `rose`); returns the token reached and how many chain words counted.
    fn walk_left_over_chain(&self, mut k: usize, floor: usize, in_fig: &[bool]) -> (usize, usize) {
        let mut chain = 0;
        let start_k = k;
        let mut steps = 0;
        while k >= floor && k < self.tok_count() && steps < 40 {
            steps += 1;
            if self.toks[k + 1].line_start && k < start_k {
                break;
            }
            if in_fig[k] || self.sym(k, "(") || self.sym(k, ")") {
                if k == 0 {
                    break;
                }
                k -= 1;
                continue;
            }
            // `turnover in 1986 was`: a year phrase between subject and verb
            if self.is_number(k)
                && self.toks[k].int_digits == 4
                && (1800.0..=2100.0).contains(&self.toks[k].value)
                && k > floor + 1
                && matches!(
                    self.text_at(k - 1),
                    "in" | "during" | "for" | "since" | "of"
                )
            {
                k -= 2;
                continue;
            }
            if self.is_word(k) && self.has_class(k, C_CHAIN) {
                if !matches!(
                    self.text_at(k),
                    "to" | "by"
                        | "from"
                        | "at"
                        | "which"
                        | "that"
                        | "who"
                        | "also"
                        | "now"
                        | "still"
                        | "only"
                        | "already"
                        | "currently"
                        | "reportedly"
                ) {
                    chain += 1;
                }
                if k == 0 {
                    break;
                }
                k -= 1;
                continue;
            }
            break;
        }
        (k, chain)
    }

    /// The subject noun phrase ending at `k` as the measure (`X rose to <fig>`, `put the deficit
    /// at <fig>`), or a row label (`net profit 17.05 mln dlrs`).
    fn measure_from_subject(
        &self,
        c: &Cand,
        k: usize,
        chain: usize,
        floor: usize,
        in_fig: &[bool],
    ) -> Option<String> {
        let (a, b) = self.np_left(k, floor, in_fig)?;
        // `estimated the crop at <fig>`, `put the deficit at <fig>`
        let mut d = a;
        while d > floor
            && matches!(
                self.text_at(d - 1),
                "the" | "its" | "their" | "a" | "an" | "his" | "her"
            )
        {
            d -= 1;
        }
        if chain == 0
            && matches!(self.text_at(c.t0 - 1), "at" | "by" | "to")
            && d > floor
            && self.has_class(d - 1, C_CHAIN | C_CHANGE)
        {
            return Some(self.span_text(a, b));
        }
        if chain > 0 {
            if d >= 2
                && d - 1 > floor
                && matches!(self.text_at(d - 1), "at" | "of" | "in" | "for" | "from")
                && let Some((a2, b2)) = self.np_left(d - 2, floor, in_fig)
            {
                let h2 = self.text_at(b2);
                if self.lex.is(h2, C_PART) {
                    return Some(self.span_text(a2, b2));
                }
                if self.lex.is(h2, C_VALUE)
                    || self.is_plural_noun(h2)
                    || matches!(self.text_at(d - 1), "in" | "at")
                    || matches!(
                        self.text_at(b),
                        "whole" | "rest" | "period" | "end" | "start" | "part"
                    )
                {
                    return Some(self.span_text(a2, b2));
                }
            }
            return Some(self.span_text(a, b));
        }
        // row label: `net profit 17.05 mln dlrs`, `shr 1.20 dlrs`
        let line_start = self.toks[a].line_start
            || a == 0
            || (a > 0 && matches!(self.text_at(a - 1), "." | ";" | ":" | "-" | "–" | "—"));
        let head = self.text_at(b);
        let labelish = self.lex.is(head, C_VALUE)
            || self.lex.abbrev.contains_key(head)
            || self.word(c.t1, "vs")
            || self.word(c.t1, "versus");
        if line_start && b + 1 == c.t0 && labelish {
            return Some(self.expand_abbrev(a, b));
        }
        None
    }

    pub(super) fn per_measure(&self, c: &Cand) -> String {
        match c.per.as_deref() {
            Some(p @ ("year" | "month" | "week" | "day" | "hour" | "night")) => {
                format!("amount per {p}")
            }
            Some(p) if is_exchange_rate(c) => format!("exchange rate to {p}"),
            Some(p) => format!("price per {p}"),
            None => String::new(),
        }
    }
}

/// An amount of money per another currency (`8.28 yuan to the dollar`): its `per` is a code.
fn is_exchange_rate(c: &Cand) -> bool {
    c.family == Family::Currency
        && c.per
            .as_deref()
            .is_some_and(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_uppercase()))
}
