//! Stage 8, subjects: whose figure it is — the country, company, organisation or person its
//! sentence gives it to (`China` in `China's share of ADB equity is 7.2 pct`).
//!
//! Input: a `Cand`, its sentence start, and the text with its original case. Output: the
//! subject as shown to users (`China`, `Exxon Corp`, `IMF`), or nothing when the sentence
//! names none. The first of these that applies wins:
//! 1. a list row: `an export quota of 28,526 tonnes, Indonesia 24,516, Thailand 19,000` (a
//!    name right before the figure, after a comma, semicolon, colon, `and` or a line start);
//! 2. a possessor or nationality in the figure's clause, nearest first: `China's share ...
//!    is 7.2 pct`, `Japanese exports rose 5 pct`;
//! 3. a name after a preposition in the clause: `inflation in Brazil reached 80 pct`;
//! 4. the sentence subject, when a verb follows it: `Malaysia has been allocated an export
//!    quota of 28,526 tonnes`, `Exxon Corp said its profit rose 12 pct`.
//!
//! A name is a place or a nationality (`quotes/places.txt`, shown by its canonical name), a
//! named organisation (`figures/subjects.tsv`), a company (words ending in `corp`, `inc`...),
//! or, in cased text, a run of capitalised words. Clauses end at the words `subjects.tsv`
//! lists (`said`, `while`, `than`...), so `officials said exports rose` gives no subject.

use std::sync::LazyLock;

use super::lexicon::{C_CHAIN, C_CHANGE, C_MONTH, C_STOP};
use super::scan::{Cand, Scan};
use super::tokens::tokenize;
use super::{FxMap, FxSet};
use crate::extract::lexicon::{data_lines, tsv_rows};

const SUBJECTS_TSV: &str = include_str!("../../../assets/lexicon/figures/subjects.tsv");
const PLACES_TXT: &str = include_str!("../../../assets/lexicon/quotes/places.txt");

/// Names longer than this many tokens are not looked up (`u . s .` is four).
const MAX_NAME_TOKENS: usize = 6;

/// How far left of a figure its clause is searched for a possessor, in tokens.
const MAX_CLAUSE_TOKENS: usize = 30;

/// The word lists of this stage.
struct SubjectLex {
    /// Place names and nationalities (`japanese`, `u.s.`) → the place as shown (`Japan`).
    places: FxMap<&'static str, String>,
    /// Named organisations → as shown (`opec` → `OPEC`).
    orgs: FxMap<&'static str, &'static str>,
    company_ends: FxMap<&'static str, ()>,
    clause_ends: FxMap<&'static str, ()>,
    speech_verbs: FxMap<&'static str, ()>,
    not_names: FxMap<&'static str, ()>,
    /// The first and the last token of every place and organisation name (`united`, `states`;
    /// `u`, `.`): only a span that starts and ends with one is looked up.
    listed_first_tokens: FxSet<&'static str>,
    listed_last_tokens: FxSet<&'static str>,
}

static SUBJECT_LEX: LazyLock<SubjectLex> = LazyLock::new(load_subject_lex);

fn load_subject_lex() -> SubjectLex {
    let mut lex = SubjectLex {
        places: FxMap::default(),
        orgs: FxMap::default(),
        company_ends: FxMap::default(),
        clause_ends: FxMap::default(),
        speech_verbs: FxMap::default(),
        not_names: FxMap::default(),
        listed_first_tokens: FxSet::default(),
        listed_last_tokens: FxSet::default(),
    };
    for row in tsv_rows(SUBJECTS_TSV) {
        match (row[0], row.get(1), row.get(2)) {
            ("org", Some(words), Some(shown)) => {
                lex.orgs.insert(words, shown);
            }
            ("company", Some(word), _) => {
                lex.company_ends.insert(word, ());
            }
            ("clause", Some(word), _) => {
                lex.clause_ends.insert(word, ());
            }
            ("says", Some(word), _) => {
                lex.clause_ends.insert(word, ());
                lex.speech_verbs.insert(word, ());
            }
            ("notname", Some(word), _) => {
                lex.not_names.insert(word, ());
            }
            _ => {}
        }
    }
    for line in data_lines(PLACES_TXT) {
        let (canon, variants) = line.split_once(':').unwrap_or((line, ""));
        let shown = title_case(canon.trim());
        for name in std::iter::once(canon).chain(variants.split(',')) {
            let name = name.trim();
            if !name.is_empty() {
                lex.places.entry(name).or_insert_with(|| shown.clone());
            }
        }
    }
    let listed: Vec<&'static str> = lex.places.keys().chain(lex.orgs.keys()).copied().collect();
    for name in listed {
        let toks = tokenize(name);
        if let (Some(first), Some(last)) = (toks.first(), toks.last()) {
            lex.listed_first_tokens
                .insert(&name[first.start..first.end]);
            lex.listed_last_tokens.insert(&name[last.start..last.end]);
        }
    }
    lex
}

/// `united states` → `United States`, `bosnia and herzegovina` → `Bosnia and Herzegovina`.
fn title_case(name: &str) -> String {
    let words: Vec<String> = name
        .split(' ')
        .map(|w| match w {
            "and" | "of" | "the" | "de" | "del" => w.to_string(),
            _ => {
                let mut cs = w.chars();
                cs.next().map_or_else(String::new, |c| {
                    c.to_uppercase().chain(cs).collect::<String>()
                })
            }
        })
        .collect();
    words.join(" ")
}

/// A name found in the text: its first and last token, and how it is shown.
pub(super) struct Name {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) shown: String,
    /// Found in a word list (a place, organisation or company), not by its capitals.
    listed: bool,
}

impl<'a> Scan<'a> {
    /// The subject of figure `c`, whose sentence starts at token `floor`.
    pub(super) fn subject_for(&self, c: &Cand, floor: usize) -> Option<Name> {
        let clause = self.clause_floor(c, floor);
        self.list_row_subject(c, floor)
            .or_else(|| self.owner_inside(c))
            .or_else(|| self.possessor_subject(c, clause))
            .or_else(|| self.clause_subject(c, clause))
            .or_else(|| self.sentence_subject(c, floor))
    }

    /// The first token of the figure's clause: its sentence start, or past the nearest word
    /// that ends a clause (`said`, `while`), at most `MAX_CLAUSE_TOKENS` back.
    fn clause_floor(&self, c: &Cand, floor: usize) -> usize {
        let lowest = floor.max(c.t0.saturating_sub(MAX_CLAUSE_TOKENS));
        (lowest..c.t0)
            .rev()
            .find(|&k| self.ends_clause(k))
            .map_or(lowest, |k| k + 1)
    }

    /// The nearest possessor left of the figure in its clause (which starts at token
    /// `clause`): `China's share of ADB equity is 7.2 pct`.
    fn possessor_subject(&self, c: &Cand, clause: usize) -> Option<Name> {
        (clause + 1..c.t0)
            .rev()
            .filter(|&k| self.is_possessive_mark(k))
            .filter(|&k| self.possesses_measure(c, k + 2))
            .find_map(|k| self.name_ending_at(k - 1, clause))
    }

    /// The possessor inside the figure: `two of Van Gogh's films`.
    fn owner_inside(&self, c: &Cand) -> Option<Name> {
        (c.t0 + 1..c.t1)
            .find(|&k| self.is_possessive_mark(k))
            .and_then(|k| self.name_ending_at(k - 1, c.t0 + 1))
    }

    /// The words after a possessive mark (from token `after`) are the figure's measure
    /// (`China's share ...`), not some other thing (`China's belt and road initiative`).
    fn possesses_measure(&self, c: &Cand, after: usize) -> bool {
        let measure_words: Vec<&str> = c.measure.split(' ').collect();
        c.measure.is_empty()
            || (after..c.t0.min(after + 4))
                .any(|k| !self.has_class(k, C_STOP) && measure_words.contains(&self.text_at(k)))
    }

    /// `an export quota of 28,526 tonnes, Indonesia 24,516`: bare number `c` is the next item
    /// of a list whose item `prev` has the unit (only a separator and a name between them).
    pub(super) fn continues_list(&self, prev: &Cand, c: &Cand) -> bool {
        let Some(name) =
            c.t0.checked_sub(1)
                .and_then(|k| self.name_ending_at(k, prev.t1))
        else {
            return false;
        };
        let separator = prev.t1..name.first;
        separator.len() <= 2
            && !separator.is_empty()
            && separator.clone().all(|k| self.separates_list_items(k))
    }

    /// `,`, `;` or `and` between the items of a list.
    fn separates_list_items(&self, k: usize) -> bool {
        self.sym(k, ",") || self.sym(k, ";") || self.word(k, "and")
    }

    /// `..., Indonesia 24,516`: a name right before the figure that starts a list item.
    fn list_row_subject(&self, c: &Cand, floor: usize) -> Option<Name> {
        let last = c.t0.checked_sub(1).filter(|&k| k >= floor)?;
        let name = self.name_ending_at(last, floor)?;
        let opens_item = name.first == floor
            || self.toks[name.first].line_start
            || name
                .first
                .checked_sub(1)
                .is_some_and(|p| self.separates_list_items(p) || self.sym(p, ":"));
        opens_item.then_some(name)
    }

    /// The nearest nationality (`Japanese exports`) or name after a preposition (`inflation
    /// in Brazil`) left of the figure, within its clause (which starts at token `lowest`).
    fn clause_subject(&self, c: &Cand, lowest: usize) -> Option<Name> {
        let mut k = c.t0;
        while k > lowest {
            k -= 1;
            if !self.is_word(k) && !self.sym(k, ".") {
                continue;
            }
            let Some(name) = self.name_ending_at(k, lowest) else {
                continue;
            };
            let before = name.first.checked_sub(1);
            let after_preposition = before.is_some_and(|p| {
                matches!(self.text_at(p), "in" | "of" | "from" | "for" | "by" | "at")
            });
            let nationality = name.listed && self.is_word(k + 1) && !self.has_class(k + 1, C_STOP);
            if after_preposition || nationality {
                return Some(name);
            }
            k = name.first;
        }
        None
    }

    /// `Malaysia has been allocated ...`, `Major tanker operator Japan Line Ltd said it will
    /// raise ...`: the name right before the sentence's first verb (past a dateline such as
    /// `TOKYO, March 17 -`, a ticker `<JLIT.T>` or an apposition in commas).
    fn sentence_subject(&self, c: &Cand, floor: usize) -> Option<Name> {
        let start = self.past_dateline(floor, c.t0);
        let verb = (start + 1..c.t0).find(|&k| self.is_verb(k))?;
        let last = self.before_asides(verb, start)?;
        // `X said prices rose 5 pct` names a source, not an owner, unless X goes on as `it`
        // or `its` (`X said it will raise`, `X said its profit rose`).
        let own = (verb + 1..c.t0.max(verb + 3).min(self.tok_count()))
            .any(|k| matches!(self.text_at(k), "its" | "their" | "it" | "they"));
        let crosses_clause = (verb..c.t0).any(|k| self.ends_clause(k));
        if crosses_clause && !own {
            return None;
        }
        let speaks_of_itself = own && SUBJECT_LEX.speech_verbs.contains_key(self.text_at(verb));
        self.name_ending_at(last, start).or_else(|| {
            speaks_of_itself
                .then(|| self.bare_name_ending_at(last, start))
                .flatten()
        })
    }

    /// `jones said it will exchange ...`: in text without capitals, the words before `said
    /// it` name the owner when they are one to four words that are not function words, verbs
    /// or common nouns (`officials`, `the company`).
    fn bare_name_ending_at(&self, last: usize, start: usize) -> Option<Name> {
        let lex = &*SUBJECT_LEX;
        let plain = |k: usize| {
            self.is_word(k)
                && !self.has_class(k, C_STOP | C_CHAIN | C_CHANGE | C_MONTH)
                && !lex.not_names.contains_key(self.text_at(k))
        };
        let first = (start.max(last.saturating_sub(3))..=last).find(|&f| (f..=last).all(plain))?;
        let opens = first == start || !self.is_word(first - 1);
        opens.then(|| Name {
            first,
            last,
            shown: self.original_span(first, last),
            listed: false,
        })
    }

    /// The first token after a dateline (`TOKYO, March 17 -`) or an opening phrase (`In
    /// 1986,`) at sentence start `floor`.
    fn past_dateline(&self, floor: usize, limit: usize) -> usize {
        let window = floor..limit.min(floor + 10);
        let dash = window.clone().find(|&k| self.is_dash(k) && !self.glued(k));
        if let Some(dash) = dash
            && (floor..dash).any(|k| self.has_class(k, C_MONTH))
        {
            return dash + 1;
        }
        if matches!(
            self.text_at(floor),
            "in" | "on" | "at" | "during" | "for" | "after"
        ) && let Some(comma) = window.take(6).find(|&k| self.sym(k, ","))
        {
            return comma + 1;
        }
        floor
    }

    /// The last token of the subject before `verb`, past a ticker (`<JLIT.T>`), a bracket or
    /// an apposition in commas (`Exxon Corp, the largest US oil company, said`).
    fn before_asides(&self, verb: usize, start: usize) -> Option<usize> {
        let mut last = verb.checked_sub(1)?;
        for (open, close) in [("<", ">"), ("(", ")"), (",", ",")] {
            if self.sym(last, close)
                && let Some(o) = (start..last).rev().take(14).find(|&k| self.sym(k, open))
            {
                last = o.checked_sub(1)?;
            }
        }
        (last >= start).then_some(last)
    }

    fn is_verb(&self, k: usize) -> bool {
        let w = self.text_at(k);
        self.is_word(k)
            && (self.has_class(k, C_CHAIN | C_CHANGE)
                || SUBJECT_LEX.speech_verbs.contains_key(w)
                || (w.len() > 3 && w.ends_with("ed"))
                || matches!(w, "has" | "had" | "have" | "will" | "would" | "is" | "was"))
            && !matches!(w, "to" | "by" | "from" | "at" | "which" | "that" | "who")
    }

    /// The apostrophe of a possessive `'s` or `’s` (glued to the word before and to the `s`).
    pub(super) fn is_possessive_mark(&self, k: usize) -> bool {
        (self.sym(k, "'") || self.sym(k, "’"))
            && self.glued(k)
            && self.word(k + 1, "s")
            && self.glued(k + 1)
    }

    fn ends_clause(&self, k: usize) -> bool {
        self.sym(k, ";")
            || self.sym(k, "(")
            || (self.is_word(k) && SUBJECT_LEX.clause_ends.contains_key(self.text_at(k)))
    }

    /// The longest name that ends at token `last` and starts at or after `floor`.
    fn name_ending_at(&self, last: usize, floor: usize) -> Option<Name> {
        if !self.may_end_name(last) {
            return None;
        }
        let lowest = floor.max((last + 1).saturating_sub(MAX_NAME_TOKENS));
        (lowest..=last).find_map(|first| self.subject_name(first, last))
    }

    /// Whether a name can end at token `last`: a listed name's last token, a company ending
    /// or, in cased text, a capitalised word (most words are none of these, and then the
    /// spans ending there are not looked up).
    fn may_end_name(&self, last: usize) -> bool {
        let lex = &*SUBJECT_LEX;
        let word = self.text_at(last);
        lex.listed_last_tokens.contains(word)
            || lex.company_ends.contains_key(word)
            || (self.is_word(last) && self.original_is_capital(last) && self.is_cased())
    }

    /// Tokens `first..=last` as a name, if they are one.
    fn subject_name(&self, first: usize, last: usize) -> Option<Name> {
        if !self.is_word(first) || !(self.is_word(last) || self.sym(last, ".")) {
            return None;
        }
        let (shown, listed) = if let Some(listed) = self.listed_name(first, last) {
            listed?
        } else if self.is_company(first, last) {
            (self.original_span(first, last), true)
        } else if self.is_capitalised_run(first, last) {
            (self.original_span(first, last), false)
        } else {
            return None;
        };
        Some(Name {
            first,
            last,
            shown,
            listed,
        })
    }

    /// Tokens `first..=last` as a listed place or organisation: `None` when they are not
    /// listed, `Some(None)` for a listed place that is not meant (`us`), else the name as
    /// shown.
    fn listed_name(&self, first: usize, last: usize) -> Option<Option<(String, bool)>> {
        let lex = &*SUBJECT_LEX;
        if !lex.listed_first_tokens.contains(self.text_at(first))
            || !lex.listed_last_tokens.contains(self.text_at(last))
        {
            return None;
        }
        let words = self.joined(first, last);
        let words: &str = &words;
        if let Some(place) = lex.places.get(words) {
            let meant = self.place_is_meant(first, last);
            Some(meant.then(|| (place.clone(), true)))
        } else {
            lex.orgs
                .get(words)
                .map(|org| Some(((*org).to_string(), true)))
        }
    }

    /// A place written as a short word (`us`, `uk`) is meant only in capitals, since `us` is
    /// also a pronoun; dotted forms (`u.s.`) and longer names always are.
    fn place_is_meant(&self, first: usize, last: usize) -> bool {
        first != last || self.text_at(first).len() > 2 || self.original_is_upper(first)
    }

    /// `exxon corp`, `broken hill pty co`: up to three content words before a company ending.
    fn is_company(&self, first: usize, last: usize) -> bool {
        let lex = &*SUBJECT_LEX;
        last > first
            && last - first <= 3
            && lex.company_ends.contains_key(self.text_at(last))
            && (first..last).all(|k| {
                self.is_word(k)
                    && (!self.is_cased() || self.original_is_capital(k))
                    && !self.has_class(k, C_STOP | C_CHAIN | C_CHANGE)
                    && !lex.not_names.contains_key(self.text_at(k))
            })
    }

    /// In cased text, capitalised words (`Petrobras`, `Broken Hill`), not all of them words
    /// that are capitalised for other reasons (`Monday`, `Mr`, the first word of a sentence).
    fn is_capitalised_run(&self, first: usize, last: usize) -> bool {
        let lex = &*SUBJECT_LEX;
        let joiner = |k: usize| matches!(self.text_at(k), "and" | "of" | "&" | "-");
        let capital_or_joiner = |k: usize| {
            (self.is_word(k) && self.original_is_capital(k))
                || (k != first && k != last && joiner(k))
        };
        if !self.is_cased() || !(first..=last).all(capital_or_joiner) {
            return false;
        }
        if last > first && (first..=last).all(|k| joiner(k) || self.original_is_upper(k)) {
            // `MINT SEEKING`: a headline in capitals, not a name.
            return false;
        }
        let all_not_names = (first..=last).all(|k| lex.not_names.contains_key(self.text_at(k)));
        // A lone capitalised word opening a sentence (`Gasoline demand rose`) is a name only
        // if the text capitalises it elsewhere too, or writes it in capitals (`OPEC`).
        let lone = first == last;
        if lone
            && (self.bits_at(first) != self.empty_bits
                || self.lex.abbrev.contains_key(self.text_at(first)))
        {
            // A word the figures lexicon knows (`Net`, `Exports`, `Shr`) is no name alone.
            return false;
        }
        let unproven_opener = lone
            && self.opens_sentence(first)
            && !self.original_is_upper(first)
            && !self
                .capitalised_mid_sentence()
                .contains(self.text_at(first));
        !all_not_names && !unproven_opener && !self.has_class(first, C_STOP | C_CHAIN)
    }

    fn opens_sentence(&self, k: usize) -> bool {
        k == 0
            || self.toks[k].line_start
            || self.sym(k - 1, ".")
            || self.sym(k - 1, "\"")
            || self.sym(k - 1, "“")
            || self.sym(k - 1, ":")
    }

    /// The words (lower-cased) the text capitalises somewhere other than at a sentence start,
    /// computed on first use.
    fn capitalised_mid_sentence(&self) -> &FxSet<&str> {
        self.capitalised_words.get_or_init(|| {
            (0..self.tok_count())
                .filter(|&k| {
                    self.is_word(k) && self.original_is_capital(k) && !self.opens_sentence(k)
                })
                .map(|k| self.text_at(k))
                .collect()
        })
    }

    /// Whether the original text is cased ([`text_is_cased`]), decided on first use: most
    /// articles never ask, since most figures find their subject in a word list or none.
    pub(super) fn is_cased(&self) -> bool {
        *self.cased.get_or_init(|| text_is_cased(self.original))
    }

    pub(super) fn original_is_capital(&self, k: usize) -> bool {
        let t = &self.toks[k];
        self.original
            .as_bytes()
            .get(t.start)
            .is_some_and(u8::is_ascii_uppercase)
    }

    fn original_is_upper(&self, k: usize) -> bool {
        let t = &self.toks[k];
        self.original
            .get(t.start..t.end)
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_uppercase()))
    }

    /// Tokens `first..=last` of the lower-cased text, a space where the text has one.
    fn joined(&self, first: usize, last: usize) -> std::borrow::Cow<'a, str> {
        // Most names are written with single spaces: then the text itself is the answer, and
        // no string is made (this runs for every span a figure's subject might be).
        let single_spaced = (first + 1..=last).all(|k| {
            let gap = self.toks[k].start - self.toks[k - 1].end;
            gap == usize::from(self.toks[k].space_before)
        });
        if single_spaced {
            let (start, end) = (self.toks[first].start, self.toks[last].end);
            if self.toks[first + 1..=last]
                .iter()
                .all(|t| !t.space_before || self.text.as_bytes()[t.start - 1] == b' ')
            {
                return std::borrow::Cow::Borrowed(&self.text[start..end]);
            }
        }
        let mut out = String::new();
        for k in first..=last {
            if k > first && self.toks[k].space_before {
                out.push(' ');
            }
            out.push_str(self.text_at(k));
        }
        std::borrow::Cow::Owned(out)
    }

    /// Tokens `first..=last` as written in the original text.
    fn original_span(&self, first: usize, last: usize) -> String {
        let (start, end) = (self.toks[first].start, self.toks[last].end);
        self.original.get(start..end).unwrap_or("").to_string()
    }
}

/// Whether `text` is cased: it has small letters, and capitals start some of its words but
/// not nearly all of them (ALL-CAPS, Title-Case and lower-cased texts give no capitalised
/// names).
fn text_is_cased(text: &str) -> bool {
    let mut words = 0usize;
    let mut capitalised = 0usize;
    let mut small = false;
    let mut prev_letter = false;
    for b in text.bytes() {
        let letter = b.is_ascii_alphabetic();
        if letter && !prev_letter {
            words += 1;
            capitalised += usize::from(b.is_ascii_uppercase());
        }
        small |= b.is_ascii_lowercase();
        prev_letter = letter;
    }
    small && capitalised > 0 && capitalised * 10 < words * 9
}
