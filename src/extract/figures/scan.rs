//! The state every stage reads: the lowercased text, its tokens, the lexicon look-up of each
//! token and the skip mask; plus the small token tests (`is_w`, `sym`, `word`, ...) and the
//! intermediate shapes the stages hand on (`Core` → `Quantity` → `Cand`).

use super::lexicon::{B_CARD, C_MONTH, CLASS_MASK, Lex};
use super::tokens::{K, Tok};
use crate::extract::Bound;
use crate::extract::Family;
use crate::extract::Sym;

pub(super) struct Scan<'a> {
    /// The text, ASCII-lowercased (token offsets index both texts).
    pub(super) text: &'a str,
    /// The text as given, for the case of names ([`Scan::subject_for`]).
    pub(super) original: &'a str,
    /// The original text is cased (not lower-cased or ALL CAPS), on first use.
    pub(super) cased: std::cell::OnceCell<bool>,
    /// Words the original text capitalises other than at a sentence start, on first use.
    pub(super) capitalised_words: std::cell::OnceCell<super::FxSet<&'a str>>,
    pub(super) toks: &'a [Tok],
    pub(super) lex: &'a Lex,
    pub(super) skip: Vec<bool>,
    /// [`Lex::bits`] of every token's text (one hash look-up per token, done up front), and of
    /// the empty text (what [`Scan::text_at`] gives past the end).
    pub(super) bits: Vec<u64>,
    pub(super) empty_bits: u64,
    /// Token of the last glued `m` read as million (`$1.2m ... 294.3m`).
    pub(super) last_m_million: std::cell::Cell<Option<usize>>,
    /// The peso the text talks about, computed on first use.
    pub(super) peso: std::cell::Cell<Option<&'static str>>,
    /// Keep bare numbers and ordinals too ([`super::FigureOptions::all_numbers`]).
    pub(super) all_numbers: bool,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Core {
    /// First token of the number.
    pub(super) start: usize,
    pub(super) v: f64,
    pub(super) lo: Option<f64>,
    pub(super) hi: Option<f64>,
    /// Token after the core.
    pub(super) end: usize,
    pub(super) word: bool,
    pub(super) ord: bool,
    pub(super) vague: bool,
    /// `tens of millions` style (complete without a following `of`).
    pub(super) vague_full: bool,
    pub(super) scaled: bool,
    pub(super) sepdec: bool,
    /// Single plain integer token without separators.
    pub(super) plain_int: bool,
    /// The bare word `one`/`a`.
    pub(super) one: bool,
    pub(super) frac: bool,
}

#[derive(Debug, Clone)]
pub(super) struct UnitHit {
    /// `30-year-old`, `30 years old`.
    pub(super) age: bool,
    pub(super) canon: Sym,
    pub(super) family: Family,
    pub(super) factor: f64,
    pub(super) per: Option<Sym>,
}

#[derive(Debug, Clone)]
pub(super) struct Quantity {
    pub(super) core: Core,
    pub(super) unit: Option<UnitHit>,
    /// Counted noun (plural) and the token after it.
    pub(super) count: Option<(String, usize)>,
    pub(super) end: usize,
    /// Unit reached through a hyphen (`five-year`).
    pub(super) glued: bool,
    /// Attached letters that are neither unit nor scale (`5g`): an identifier.
    pub(super) ident: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Cand {
    pub(super) t0: usize,
    pub(super) t1: usize,
    pub(super) value: f64,
    pub(super) low: Option<f64>,
    pub(super) high: Option<f64>,
    pub(super) unit: Sym,
    pub(super) family: Family,
    pub(super) factor: f64,
    pub(super) qualifier: Sym,
    pub(super) bound: Bound,
    pub(super) approximate: bool,
    pub(super) measure: Sym,
    /// Whose figure it is (`China`), empty when the sentence names no one.
    pub(super) subject: Sym,
    pub(super) per: Option<Sym>,
    pub(super) age: bool,
    /// The number carried a scale word (`mln`).
    pub(super) scaled: bool,
}

impl Cand {
    /// Makes the figure an age in years (`aged 87`, `Maddon, 66,`).
    pub(super) fn make_age(&mut self) {
        self.unit = Sym::new("years");
        self.family = Family::Time;
        self.age = true;
    }

    /// Multiplies the value and the range ends by `factor` (a unit's factor to its base).
    pub(super) fn scale_by(&mut self, factor: f64) {
        self.value *= factor;
        self.low = self.low.map(|v| v * factor);
        self.high = self.high.map(|v| v * factor);
    }
}

pub(super) enum Step {
    Fig(Box<Cand>),
    Skip(usize),
    No,
}

pub(super) fn sentence_start(scan: &Scan, i: usize) -> usize {
    let mut k = i.min(scan.toks.len().saturating_sub(1));
    let lo = k.saturating_sub(MAX_SENTENCE_TOKENS);
    while k > lo {
        if scan.toks[k].line_start {
            return k;
        }
        let p = k - 1;
        if (scan.sym(p, ".")
            || scan.sym(p, "!")
            || scan.sym(p, "?")
            || scan.sym(p, ";")
            || scan.sym(p, "\"")
            || scan.sym(p, "“")
            || scan.sym(p, "”"))
            && scan.toks[k].space_before
        {
            return k;
        }
        k -= 1;
    }
    lo
}

/// Look-back limit for sentence starts (keeps adversarial texts linear).
pub(super) const MAX_SENTENCE_TOKENS: usize = 200;

impl<'a> Scan<'a> {
    pub(super) fn tok_count(&self) -> usize {
        self.toks.len()
    }

    /// Tokens `p..end` are written exactly as `written` in cased text (`Nm`, not `nm` or `NM`).
    pub(super) fn written_exactly(&self, p: usize, end: usize, written: &str) -> bool {
        let (Some(first), Some(last)) = (
            self.toks.get(p),
            end.checked_sub(1).and_then(|e| self.toks.get(e)),
        ) else {
            return false;
        };
        // `250,000 PS/2s`: a model name, not the unit
        let model = self.glued(end) && self.sym(end, "/");
        self.is_cased() && !model && self.original.get(first.start..last.end) == Some(written)
    }

    /// The first byte of token `i` as the text gives it (its case), 0 past the end.
    pub(super) fn original_byte(&self, i: usize) -> u8 {
        self.toks
            .get(i)
            .and_then(|t| self.original.as_bytes().get(t.start))
            .copied()
            .unwrap_or(0)
    }

    pub(super) fn text_at(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.start..t.end],
            None => "",
        }
    }

    pub(super) fn kind(&self, i: usize) -> Option<K> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(K::W)
    }

    pub(super) fn is_number(&self, i: usize) -> bool {
        self.kind(i) == Some(K::N)
    }

    pub(super) fn sym(&self, i: usize, s: &str) -> bool {
        self.kind(i) == Some(K::S) && self.text_at(i) == s
    }

    /// A slash or the fraction slash (`1⁄32`).
    pub(super) fn is_slash(&self, i: usize) -> bool {
        self.sym(i, "/") || self.sym(i, "⁄")
    }

    pub(super) fn word(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.text_at(i) == w
    }

    /// Token `i` is glued to the previous one (no whitespace).
    pub(super) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// No token `k` on the line: the text or the line ended before it.
    pub(super) fn line_ended_at(&self, k: usize) -> bool {
        self.toks.get(k).is_none_or(|t| t.line_start)
    }

    /// A hyphen or minus sign at `i`, as a sign may be written (`-5`, `$-5`).
    pub(super) fn is_minus(&self, i: usize) -> bool {
        self.sym(i, "-") || self.sym(i, "−")
    }

    pub(super) fn is_dash(&self, i: usize) -> bool {
        self.kind(i) == Some(K::S) && matches!(self.text_at(i), "-" | "–" | "—" | "‑")
    }

    /// End of the run of glued tokens starting at `i`.
    pub(super) fn chain_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        while j < self.tok_count() && self.glued(j) {
            j += 1;
        }
        j
    }

    /// [`Lex::bits`] of `self.text_at(i)`, precomputed.
    pub(super) fn bits_at(&self, i: usize) -> u64 {
        self.bits.get(i).copied().unwrap_or(self.empty_bits)
    }

    /// `self.lex.class(self.text_at(i))`, without the hash look-up.
    pub(super) fn class_bits(&self, i: usize) -> u64 {
        // The class bits are the low 48 bits.
        self.bits_at(i) & CLASS_MASK
    }

    /// `self.lex.is(self.text_at(i), c)`, without the hash look-up.
    pub(super) fn has_class(&self, i: usize, c: u64) -> bool {
        self.class_bits(i) & c != 0
    }

    /// `self.lex.cards.contains_key(self.text_at(i))`, without the hash look-up.
    pub(super) fn is_card(&self, i: usize) -> bool {
        self.bits_at(i) & B_CARD != 0
    }

    pub(super) fn class(&self, i: usize) -> u64 {
        if self.is_word(i) {
            self.class_bits(i)
        } else {
            0
        }
    }

    /// The first token of `phrase` when its tokens are the text ending at token `last`, not
    /// starting before `floor`.
    pub(super) fn phrase_ending_at(
        &self,
        phrase: &[String],
        last: usize,
        floor: usize,
    ) -> Option<usize> {
        let len = phrase.len();
        if last + 1 < len || last + 1 - len < floor {
            return None;
        }
        let start = last + 1 - len;
        let same = phrase
            .iter()
            .enumerate()
            .all(|(k, w)| self.text_at(start + k) == w);
        same.then_some(start)
    }

    pub(super) fn is_month_at(&self, i: usize) -> bool {
        self.class(i) & C_MONTH != 0
    }

    // --- lookups
}
