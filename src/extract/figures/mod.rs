//! Figures: numbers with units, qualifiers and the thing they measure.
//!
//! A hand-written scanner: the text is ASCII-lowercased once (byte offsets are kept, so cased,
//! lower-cased and ALL-CAPS texts give the same figures, except where only the case can tell:
//! `4.3M` is millions and `3M` a company in cased text, a capital `3 L` is litres, names end a
//! noun phrase), cut into word / number / symbol
//! tokens, and figures are parsed token by token with lexicons (tab-separated data files under
//! `assets/lexicon/figures/`, each documented in its header) loaded once into hash maps. Every
//! look-back and look-ahead is bounded, so the cost is linear in the text.
//!
//! What is a figure:
//! - a number with a unit: currency (`$1.2bn`, `300 billion us dollars`, `17.05 mln dlrs`,
//!   `90 cts`), percent (`%`, `pct`, `per cent`; `percentage points`/`basis points` → `pp`),
//!   length, area, mass, volume (`bpd`), durations (`three years`, `five-year`, `30-year-old`
//!   with measure `age`, and `aged 87`), speed, temperature, energy; data units and
//!   multiples (`sixfold`, `six times as many`, `almost double`: unit `times`) as `Number`
//!   with a unit; exchange rates as money per a currency (`8.28 yuan to the dollar`,
//!   `dollar : 143.80 yen`, measure `exchange rate to USD`);
//! - a count: a number before a plural head noun, adjectives skipped (`19 latin american
//!   countries` → `countries`), or a hyphenated noun (`a 12-member panel` → `members`), or
//!   the noun an earlier list item counted (`11 loans were approved, eight had been closed`);
//!   vague magnitudes as ranges (`tens of millions of doses`);
//! - an ordinal of a counted thing after a possessive (`its fifth consulate` → `consulates`);
//! - a unit-less number only when it carries a scale, decimals, separators, a qualifier, a
//!   fraction or sits in a `vs` row (`5.4 mln vs 4.1 mln`); a later scaled number takes the
//!   unit of its sentence (`5 mln tonnes against 2.8 mln`).
//!
//! Never figures: dates (`2021-07-28`, `july 28`, `march 3, 1987`, years, `1986/87`, `the
//! 1990s`), clock times, identifiers and names (`covid-19`, `g20`, `boeing 747`, `article 5`,
//! `six nations`), list numbers, phone numbers, URLs and e-mails, the header line
//! (`source: ...| published: ...`), the pronoun `one`, bare small integers.
//!
//! Ranges (`200 to 300 mln dlrs`, `35-40 pct`, `between 2 and 3 billion`, `two or three
//! representatives`) are one figure with `low`/`high`; `rose from 5 pct to 7 pct` (a change
//! word before) gives two figures. The measure comes from `X of Y` (`kilometers of coast`),
//! `a <figure> X` (`a 21 billion dlr debt package`), the clause subject (`X has been / rose to
//! <figure>`), or the row label of Reuters tables (`shr`, `net`, `revs`); it is left empty
//! when unsure.

mod candidate;
mod context;
mod fraction;
mod lexicon;
mod mask;
mod measure;
mod number;
mod scan;
mod subject;
#[cfg(test)]
mod tests;
mod tokens;
mod unit;

use crate::extract::Family;
use crate::extract::Figure;
use crate::extract::FxBuild;
use crate::extract::Sym;
use crate::extract::offset32;
use candidate::comparable;
use lexicon::{LEX, Lex};
use mask::skip_mask;
use measure::label_for;
use number::tidy;
use scan::{Cand, Scan, Step, sentence_start};
use std::collections::HashMap;
use tokens::{Tok, tokenize};

/// Lexicon maps use the fast [`FxBuild`] hasher: look-ups are most of the engine's work.
type FxMap<K, V> = HashMap<K, V, FxBuild>;
type FxSet<K> = std::collections::HashSet<K, FxBuild>;

/// What to extract besides the figures every view charts.
#[derive(Debug, Clone, Copy, Default)]
pub struct FigureOptions {
    /// Also every bare number (`42`, `seventy`, `two thirds`) as family `Number`, and every
    /// ordinal (`the eleventh`, `21st`) as family `Ordinal`, none of them chartable. Dates,
    /// clock times, identifiers, list numbers and phone numbers stay out.
    pub all_numbers: bool,
}

/// All figures of `text`, in text order.
pub fn extract_figures(text: &str) -> Vec<Figure> {
    extract_figures_with(text, FigureOptions::default())
}

/// All figures of `text`, in text order, with `options`.
pub fn extract_figures_with(text: &str, options: FigureOptions) -> Vec<Figure> {
    if text.is_empty() {
        return Vec::new();
    }
    let lower = text.to_ascii_lowercase();
    let toks = tokenize(&lower);
    if toks.is_empty() {
        return Vec::new();
    }
    let lex: &Lex = &LEX;
    let skip = skip_mask(&lower, &toks);
    let bits = toks
        .iter()
        .map(|t| lex.bits(&lower[t.start..t.end]))
        .collect();
    let scan = Scan {
        text: &lower,
        original: text,
        cased: std::cell::OnceCell::new(),
        capitalised_words: std::cell::OnceCell::new(),
        toks: &toks,
        lex,
        skip,
        bits,
        empty_bits: lex.bits(""),
        last_m_million: std::cell::Cell::new(None),
        peso: std::cell::Cell::new(None),
        all_numbers: options.all_numbers,
    };
    let mut cands = scan_candidates(&scan);
    let in_fig = in_figure_tokens(&cands, toks.len());
    inherit_units_in_vs_rows(&scan, &mut cands);
    inherit_units_in_comparisons(&scan, &mut cands);
    inherit_units_for_scaled_numbers(&scan, &mut cands);
    inherit_units_from_the_whole(&scan, &mut cands);
    inherit_currencies_before_conversions(&scan, &mut cands);
    assign_measures(&scan, &mut cands, &in_fig);
    share_measures_between_linked(&scan, &mut cands);
    assign_subjects(&scan, &mut cands);
    inherit_units_in_name_lists(&scan, &mut cands);
    to_figures(cands, &toks)
}

/// Candidates found token by token; after a figure the search resumes past its end.
fn scan_candidates(scan: &Scan) -> Vec<Cand> {
    let mut cands: Vec<Cand> = Vec::new();
    let mut i = 0;
    let mut floor = 0;
    while i < scan.toks.len() {
        match scan.try_at(i, floor) {
            Step::Fig(c) => {
                let c = *c;
                i = c.t1.max(i + 1);
                floor = i;
                cands.push(c);
            }
            Step::Skip(j) => i = j.max(i + 1),
            Step::No => i += 1,
        }
    }
    cands
}

/// For each token, whether it lies inside a candidate.
fn in_figure_tokens(cands: &[Cand], tok_count: usize) -> Vec<bool> {
    let mut in_fig = vec![false; tok_count];
    for c in cands {
        for f in in_fig.iter_mut().take(c.t1.min(tok_count)).skip(c.t0) {
            *f = true;
        }
    }
    in_fig
}

/// `vs` rows inherit the unit of the previous figure.
fn inherit_units_in_vs_rows(scan: &Scan, cands: &mut [Cand]) {
    for k in 1..cands.len() {
        let (prev, cur) = cands.split_at_mut(k);
        let p = &prev[k - 1];
        let c = &mut cur[0];
        if c.family == Family::Number
            && p.family != Family::Number
            && p.family != Family::Ordinal
            && p.family != Family::Count
            && (scan.vs_before(c.t0)
                || c.t0 > 0 && matches!(scan.text_at(c.t0 - 1), "after" | "against" | "with"))
            && c.t0 <= p.t1 + 3
        {
            take_unit_of(scan, p, c);
        }
    }
}

/// `460 cars were stolen this year, compared with 63`, `rose to 7.2 pct from 6.9`: a bare
/// number compared with the figure before it in the sentence is in that figure's unit (and
/// scale, when it has none of its own: `to 1.5 billion dlrs from 1.2`).
fn inherit_units_in_comparisons(scan: &Scan, cands: &mut [Cand]) {
    for k in 1..cands.len() {
        let (prev, cur) = cands.split_at_mut(k);
        let c = &mut cur[0];
        let bare = c.family == Family::Number && c.unit.is_empty();
        if !bare || !scan.compared_before(c.t0) {
            continue;
        }
        let Some(p) = compared_figure(scan, prev, c) else {
            continue;
        };
        if comparable(p.value, c.value) || scale_shared(scan, p, c).is_some() {
            take_unit_of(scan, p, c);
        }
    }
}

/// Gives the bare number `c` the unit of figure `p`, and `p`'s scale too when `c` has none
/// and is as large once scaled (`1.5 billion dlrs from 1.2`, `12 cts vs 9`).
fn take_unit_of(scan: &Scan, p: &Cand, c: &mut Cand) {
    c.family = p.family;
    c.unit = p.unit;
    if let Some(scale) = scale_shared(scan, p, c) {
        c.scale_by(scale);
        c.scaled = true;
    }
}

/// The scale (scale words times the unit's factor) of `p` that the unscaled bare number `c`
/// shares, when the two are then close in size.
fn scale_shared(scan: &Scan, p: &Cand, c: &Cand) -> Option<f64> {
    let scale = scan.scale_word_factor(p.t0, p.t1) * p.factor;
    (!c.scaled && scale != 1.0 && size_ratio(p.value, c.value * scale) < 20.0).then_some(scale)
}

/// How many times larger the larger of two values is (infinite when one is zero).
fn size_ratio(a: f64, b: f64) -> f64 {
    if a == 0.0 || b == 0.0 {
        return f64::INFINITY;
    }
    (a / b).abs().max((b / a).abs())
}

/// The figure a bare number `c` is compared with: the one before it in its sentence, with a
/// unit, or the level before a percentage change (`6.63 mln bpd, off 0.3 pct from 6.65 mln`,
/// `a fall of 1.2 pct from 16.43`; but `rose to 7.2 pct from 6.9` compares two levels).
fn compared_figure<'c>(scan: &Scan, prev: &'c [Cand], c: &Cand) -> Option<&'c Cand> {
    let sent = sentence_start(scan, c.t0);
    let percent_change = |p: &Cand| {
        let level = p.t0 > 0 && ["to", "at", "from"].iter().any(|w| scan.word(p.t0 - 1, w));
        p.family == Family::Percent
            && p.t0 > 0
            && !level
            && (scan.change_before(p.t0, sent)
                || scan.word(p.t0 - 1, "off")
                || scan.word(p.t1, "from") && c.t0 == p.t1 + 1)
    };
    let p = match prev {
        [.., level, change] if percent_change(change) => level,
        [.., p] => p,
        [] => return None,
    };
    let unit_known = !p.unit.is_empty() && p.family != Family::Ordinal;
    (unit_known && p.t0 >= sent).then_some(p)
}

/// `5.03 mln tonnes against 2.87 mln`: a scaled bare number takes the unit of the figure
/// just before it in the same sentence.
fn inherit_units_for_scaled_numbers(scan: &Scan, cands: &mut [Cand]) {
    for k in 1..cands.len() {
        let (prev, cur) = cands.split_at_mut(k);
        let c = &mut cur[0];
        if !(c.family == Family::Number && c.unit.is_empty() && c.scaled) {
            continue;
        }
        let sent = sentence_start(scan, c.t0);
        let candidates = || {
            prev.iter().rev().take(4).filter(|p| {
                p.scaled
                    && p.t0 >= sent
                    && c.t0 <= p.t1 + 24
                    && matches!(
                        p.family,
                        Family::Currency
                            | Family::Mass
                            | Family::Volume
                            | Family::Area
                            | Family::Count
                            | Family::Energy
                            | Family::Power
                    )
            })
        };
        // `2.2 billion shekels ($590 million) and 71 million`: the unit as written rather than
        // its conversion in brackets right after it, when the sentence has both
        let converted =
            |p: &Cand| p.t0 > 0 && scan.sym(p.t0 - 1, "(") && prev.iter().any(|q| q.t1 + 1 == p.t0);
        let src = candidates()
            .find(|p| !converted(p))
            .or_else(|| candidates().next());
        if let Some(p) = src {
            c.family = p.family;
            c.unit = p.unit;
        }
    }
}

/// `raised 280 million of the 1.5 billion shekels`: a scaled bare number takes the unit of
/// the figure it is a part of.
fn inherit_units_from_the_whole(scan: &Scan, cands: &mut [Cand]) {
    for k in 1..cands.len() {
        let (before, after) = cands.split_at_mut(k);
        let part = &mut before[k - 1];
        let whole = &after[0];
        let of_the = scan.word(part.t1, "of") && scan.word(part.t1 + 1, "the");
        if part.family == Family::Number
            && part.unit.is_empty()
            && part.scaled
            && whole.scaled
            && of_the
            && whole.t0 == part.t1 + 2
            && whole.family != Family::Number
        {
            part.family = whole.family;
            part.unit = whole.unit;
        }
    }
}

/// `2,435,000 yen ($22,480) for one and 2,380,000 ($21,972) for the other`: a bare number
/// converted in brackets is money in the currency the sentence converted before.
fn inherit_currencies_before_conversions(scan: &Scan, cands: &mut [Cand]) {
    let in_brackets = |c: &Cand| c.t0 > 0 && scan.sym(c.t0 - 1, "(");
    for k in 1..cands.len().saturating_sub(1) {
        let (before, after) = cands.split_at_mut(k);
        let (bare, rest) = after.split_at_mut(1);
        let (bare, conversion) = (&mut bare[0], &rest[0]);
        let converted = scan.sym(bare.t1, "(")
            && conversion.t0 == bare.t1 + 1
            && conversion.family == Family::Currency;
        if !(converted && bare.family == Family::Number && bare.unit.is_empty()) {
            continue;
        }
        let sent = sentence_start(scan, bare.t0);
        let source =
            before.iter().rev().take_while(|p| p.t0 >= sent).find(|p| {
                p.family == Family::Currency && !in_brackets(p) && p.unit != conversion.unit
            });
        if let Some(source) = source {
            bare.family = Family::Currency;
            bare.unit = source.unit;
        }
    }
}

/// Sets each candidate's measure, looked for within its sentence.
fn assign_measures(scan: &Scan, cands: &mut [Cand], in_fig: &[bool]) {
    let measures: Vec<_> = (cands.iter())
        .map(|c| scan.measure_for(c, sentence_start(scan, c.t0), in_fig))
        .collect();
    for (c, m) in cands.iter_mut().zip(measures) {
        c.measure = Sym::new(&m);
    }
}

/// Sets each candidate's subject, looked for within its sentence; a figure with no subject
/// of its own that is linked to the one before (`vs 15.2 mln`, `(£600m)`) shares its subject.
fn assign_subjects(scan: &Scan, cands: &mut [Cand]) {
    for k in 0..cands.len() {
        let mut floor = sentence_start(scan, cands[k].t0);
        // `The U.S. trade deficit`: a dot after a single letter ends no sentence.
        for _ in 0..3 {
            if floor >= 2 && scan.sym(floor - 1, ".") && scan.text_at(floor - 2).len() == 1 {
                floor = sentence_start(scan, floor - 2);
            }
        }
        // Durations belong to events (`for two weeks`), not to anyone; ages do.
        let owned = cands[k].family != Family::Time || cands[k].age;
        let found = if owned {
            scan.subject_for(&cands[k], floor)
        } else {
            None
        };
        cands[k].subject = match found {
            Some(name) => {
                strip_subject_from_measure(scan, &mut cands[k], &name);
                Sym::new(&name.shown)
            }
            None if k > 0 && linked_to_previous(scan, &cands[k - 1], &cands[k]) => {
                cands[k - 1].subject
            }
            None => Sym::EMPTY,
        };
    }
}

/// `Malaysia has an export quota of 28,526 tonnes, Indonesia 24,516, Thailand 19,000`: a
/// bare number in a list of names takes the unit and measure of the item before it (when
/// both or neither carry a scale word, so `1.2 mln tonnes, Chile 800` stays a number).
fn inherit_units_in_name_lists(scan: &Scan, cands: &mut [Cand]) {
    for k in 1..cands.len() {
        let (prev, cur) = cands.split_at_mut(k);
        let (p, c) = (&prev[k - 1], &mut cur[0]);
        let bare = c.family == Family::Number && c.unit.is_empty() && !c.subject.is_empty();
        let unit_known = !matches!(p.family, Family::Number | Family::Ordinal);
        if bare && unit_known && p.scaled == c.scaled && scan.continues_list(p, c) {
            c.family = p.family;
            c.unit = p.unit;
            c.measure = p.measure;
            c.scale_by(p.factor);
        }
    }
}

/// `japanese exports` measures `exports` once its subject is Japan.
fn strip_subject_from_measure(scan: &Scan, c: &mut Cand, name: &subject::Name) {
    let named = scan.span_text(name.first, name.last);
    if let Some(rest) = c.measure.strip_prefix(named.as_str())
        && let Some(rest) = rest.strip_prefix(' ')
    {
        c.measure = Sym::new(rest);
    }
}

/// Figures right after another (`vs 15.2 mln`, `(£600m)`, `or 14 cts`) share its measure.
fn share_measures_between_linked(scan: &Scan, cands: &mut [Cand]) {
    for k in 1..cands.len() {
        if !cands[k].measure.is_empty() {
            continue;
        }
        let p = &cands[k - 1];
        if linked_to_previous(scan, p, &cands[k])
            && !matches!(cands[k].family, Family::Count | Family::Ordinal)
        {
            let m = p.measure;
            cands[k].measure = m;
        }
    }
}

/// Figure `next` follows `prev` as its comparison or conversion: `vs 15.2 mln`, `(£600m)`,
/// `or 14 cts`, with the same family.
fn linked_to_previous(scan: &Scan, prev: &Cand, next: &Cand) -> bool {
    let between = prev.t1..next.t0;
    let compared = prev.family == next.family
        && scan.compared_before(next.t0)
        && prev.t0 >= sentence_start(scan, next.t0);
    compared
        || between.len() <= 3
            && prev.family == next.family
            && between.clone().all(|j| {
                matches!(
                    scan.text_at(j),
                    "vs" | "versus" | "." | "(" | "or" | "loss" | "profit" | "to" | "from"
                )
            })
}

/// The candidates as `Figure`s with byte offsets and labels.
fn to_figures(cands: Vec<Cand>, toks: &[Tok]) -> Vec<Figure> {
    // A fresh vector: collecting in place would keep the (larger) candidates' allocation
    // for the life of the article.
    let mut figures = Vec::with_capacity(cands.len());
    figures.extend(cands.into_iter().map(|c| {
        let start = toks[c.t0].start;
        let end = toks[c.t1 - 1].end;
        let label = label_for(c.family, &c.measure, &c.unit);
        Figure {
            value: tidy(c.value),
            lo: c.low.map_or(f64::NAN, tidy),
            hi: c.high.map_or(f64::NAN, tidy),
            unit: c.unit,
            family: c.family,
            qualifier: c.qualifier,
            bound: c.bound,
            approximate: c.approximate,
            measure: c.measure,
            label: Sym::new(&label),
            subject: c.subject,
            start: offset32(start),
            end: offset32(end),
        }
    }));
    figures
}
