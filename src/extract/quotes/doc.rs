//! Stage 2: the document. The text becomes paragraphs of tokens ([`Para`]), with their double
//! quote marks paired ([`QSpan`]) and their sentences split; [`Doc`] holds them and the people
//! registered so far, for the later stages.

use super::*;

/// A pair of double quote marks (token indices) inside one paragraph.
#[derive(Clone, Copy, Debug)]
pub(super) struct QSpan {
    pub(super) open: usize,
    /// Closing mark, or `None` when the quote is unbalanced.
    pub(super) close: Option<usize>,
    /// End of the quoted tokens (exclusive): the closing mark, the next opening mark (an
    /// unclosed quote followed by a new quoted paragraph merged into the same line), or the
    /// paragraph end.
    pub(super) end: usize,
    /// Unclosed, and the next paragraph opens with a quote mark.
    pub(super) continues: bool,
    /// The first quote of a paragraph continuing the previous paragraph's quote.
    pub(super) continued: bool,
}

pub(super) struct Para<'a> {
    pub(super) toks: Vec<Tok<'a>>,
    pub(super) quotes: Vec<QSpan>,
    /// For each token: 0 at top level, k+1 inside quote k (marks included).
    pub(super) qid: Vec<u32>,
    /// Sentence ranges (token indices, end exclusive).
    pub(super) sents: Vec<(usize, usize)>,
}

pub(super) fn split_paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let ls = pos;
        pos += line.len();
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push((s, last_end));
            }
        } else {
            if start.is_none() {
                start = Some(ls);
            }
            last_end = ls + line.trim_end().len();
        }
    }
    if let Some(s) = start {
        out.push((s, last_end));
    }
    out
}

pub(super) fn is_header(p: &str) -> bool {
    let l = p.trim_start().to_lowercase();
    l.starts_with("source:") && l.contains("published:")
}

pub(super) struct Doc<'a> {
    pub(super) text: &'a str,
    pub(super) lex: &'static Lexicon,
    pub(super) cased: bool,
    /// The first paragraph is the article's title line: the text has no `source:` header
    /// (which removes the title with it) and more than one paragraph.
    pub(super) titled: bool,
    pub(super) paras: Vec<Para<'a>>,
    pub(super) persons: Vec<Person>,
    pub(super) by_name: HashMap<String, usize, FxBuild>,
    pub(super) by_part: HashMap<String, usize, FxBuild>,
    /// (byte position, person) in text order.
    pub(super) mentions: Vec<(usize, usize)>,
    /// Positions of weak mentions (capitalised runs, sentence-initial lower-case runs).
    pub(super) weak: HashSet<usize, FxBuild>,
    /// Lower-case text: surname (last word of a 2–3 word name-like run) → the first such run
    /// and its position, to expand a later surname-only speaker (`spacey` → `kevin spacey`).
    pub(super) pair_names: HashMap<String, (String, usize), FxBuild>,
    /// Positions of possessive surname mentions (`Sir Alan's inquiry`): not subjects.
    pub(super) poss: HashSet<usize, FxBuild>,
    /// Set once registration is over: mentions are sorted from then on.
    pub(super) sealed: bool,
}

impl<'a> Doc<'a> {
    /// `arena` (empty) receives the lower-cased forms of the words that are not lower case
    /// already, so tokens borrow their lower-case form instead of allocating it.
    pub(super) fn new(text: &'a str, arena: &'a mut String) -> Self {
        let lex: &'static Lexicon = &LEX;
        let spans = split_paragraphs(text);
        let mut skip = vec![false; spans.len()];
        for (i, &(s, e)) in spans.iter().enumerate().take(3) {
            if is_header(&text[s..e]) {
                skip[i] = true;
                if i > 0 {
                    skip[i - 1] = true;
                }
                break;
            }
        }
        let mut paras: Vec<Para<'a>> = Vec::with_capacity(spans.len());
        let mut lows: Vec<Vec<LowAt>> = Vec::with_capacity(spans.len());
        let (mut caps, mut words) = (0usize, 0usize);
        for (i, &(s, e)) in spans.iter().enumerate() {
            if skip[i] {
                continue;
            }
            let mut para_lows = Vec::new();
            let toks = tokenize(text, s, e, lex, arena, &mut para_lows);
            for t in toks.iter().filter(|t| t.is_word()).take(400) {
                words += 1;
                if t.cap {
                    caps += 1;
                }
            }
            let n = toks.len();
            paras.push(Para {
                toks,
                quotes: Vec::new(),
                qid: vec![0; n],
                sents: Vec::new(),
            });
            lows.push(para_lows);
        }
        let cased = words > 0 && caps * 100 >= words * 3 && caps * 100 <= words * 70;
        // The arena is complete: point every token at its lower-case form, and compute
        // `name_like` once per token now that the casing is known.
        let arena: &'a String = arena;
        for (p, para_lows) in paras.iter_mut().zip(&lows) {
            for (t, at) in p.toks.iter_mut().zip(para_lows) {
                t.low = match *at {
                    LowAt::Text(a, b) => &text[a..b],
                    LowAt::Arena(a, b) => &arena[a..b],
                };
                t.name_like = name_like_tok(t, cased);
            }
            mark_phrasal_verbs(&mut p.toks, lex);
            unverb_participle_adjectives(&mut p.toks);
            unverb_name_parts(&mut p.toks, cased, lex);
            mark_past_looking_names(&mut p.toks, cased);
            mark_title_word_surnames(&mut p.toks, cased);
        }
        let titled = !skip.contains(&true) && paras.len() > 1;
        let mut d = Doc {
            text,
            lex,
            cased,
            titled,
            paras,
            persons: Vec::new(),
            by_name: HashMap::default(),
            by_part: HashMap::default(),
            mentions: Vec::new(),
            weak: HashSet::default(),
            pair_names: HashMap::default(),
            poss: HashSet::default(),
            sealed: false,
        };
        d.pair_quotes();
        for pi in 0..d.paras.len() {
            d.split_sentences(pi);
        }
        d
    }

    // ----- quote pairing -----

    pub(super) fn pair_quotes(&mut self) {
        for p in &mut self.paras {
            let mut open: Option<usize> = None;
            let mut spans = Vec::new();
            let mut cont_next = false;
            for (i, t) in p.toks.iter().enumerate() {
                let Kind::Dq(m) = t.kind else { continue };
                match open {
                    None => {
                        if m != Mark::Close {
                            open = Some(i);
                        }
                    }
                    Some(o) => {
                        if m == Mark::Open && i > o + 1 {
                            // A clear opener inside an open quote: the earlier mark was
                            // unbalanced. After a sentence end it is the newswire
                            // multi-paragraph convention (paragraphs merged on one line): the
                            // earlier quote ends here. Otherwise the earlier mark is dropped.
                            if p.toks[i - 1].is_terminal() {
                                spans.push(QSpan {
                                    open: o,
                                    close: None,
                                    end: i,
                                    continues: true,
                                    continued: cont_next,
                                });
                                cont_next = true;
                            } else {
                                cont_next = false;
                            }
                            open = Some(i);
                        } else {
                            spans.push(QSpan {
                                open: o,
                                close: Some(i),
                                end: i,
                                continues: false,
                                continued: cont_next,
                            });
                            cont_next = false;
                            open = None;
                        }
                    }
                }
            }
            if let Some(o) = open {
                spans.push(QSpan {
                    open: o,
                    close: None,
                    end: p.toks.len(),
                    continues: false,
                    continued: cont_next,
                });
            }
            for (k, q) in spans.iter().enumerate() {
                let end = q.close.map_or(q.end, |c| c + 1);
                for id in &mut p.qid[q.open..end] {
                    *id = k as u32 + 1;
                }
            }
            p.quotes = spans;
        }
        for i in 0..self.paras.len().saturating_sub(1) {
            let next_opens = self.paras[i + 1]
                .toks
                .first()
                .is_some_and(|t| matches!(t.kind, Kind::Dq(Mark::Open | Mark::Either)));
            let last_open = self.paras[i]
                .quotes
                .last()
                .is_some_and(|q| q.close.is_none());
            if next_opens && last_open {
                if let Some(q) = self.paras[i].quotes.last_mut() {
                    q.continues = true;
                }
                if let Some(q) = self.paras[i + 1].quotes.first_mut()
                    && q.open == 0
                {
                    q.continued = true;
                }
            }
        }
    }

    // ----- sentences -----

    pub(super) fn split_sentences(&mut self, pi: usize) {
        let n = self.paras[pi].toks.len();
        let mut sents = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < n {
            let p = &self.paras[pi];
            let t = &p.toks[i];
            let mut boundary = false;
            if p.qid[i] == 0 && t.is_terminal() {
                // Absorb following terminal punctuation / closing marks.
                boundary = !abbreviation_stop(&p.toks, i);
            } else if let Kind::Dq(_) = t.kind {
                let k = p.qid[i] as usize;
                if k > 0 {
                    let q = p.quotes[k - 1];
                    if q.close == Some(i) && i > 0 && p.toks[i - 1].is_terminal() {
                        // `"...!" she said`: the cue goes with the quote. After a full stop
                        // only a short cue that ends there does (`"... tonight." he said.`),
                        // not one that opens the next quote (`She adds, "..."`) or a new
                        // sentence (`The Tories criticised ...`).
                        boundary = if p.toks[i - 1].is_punct('.') {
                            !self.cue_closes_quote(pi, i + 1) || self.cue_opens_quote(pi, i + 1)
                        } else {
                            !self.verb_soon(pi, i + 1, 4)
                        };
                    }
                }
            }
            i += 1;
            if boundary {
                while i < n && self.paras[pi].toks[i].is_terminal() {
                    i += 1;
                }
                sents.push((start, i));
                start = i;
            }
        }
        if start < n {
            sents.push((start, n));
        }
        self.paras[pi].sents = sents;
    }

    /// A speech verb within `k` tokens from `i`, before any sentence end or quote mark.
    pub(super) fn verb_soon(&self, pi: usize, i: usize, k: usize) -> bool {
        let p = &self.paras[pi];
        for t in p.toks.iter().skip(i).take(k) {
            if t.is_terminal() || t.is_dq() {
                return false;
            }
            if self.verb(t).is_some() || t.w() == "according" {
                return true;
            }
        }
        false
    }

    /// The words from `i` are a short attribution that ends there: a speech verb, then the end
    /// of the sentence within seven tokens (`he said.`, `said the minister of finance.`) or a
    /// comma within three (`he said, adding ...`).
    fn cue_closes_quote(&self, pi: usize, i: usize) -> bool {
        let toks = &self.paras[pi].toks;
        let mut saw_verb = false;
        for (k, t) in toks.iter().enumerate().skip(i).take(7) {
            if t.is_terminal() {
                return saw_verb;
            }
            if t.is_punct(',') {
                return saw_verb && k - i <= 3;
            }
            if t.is_dq() {
                return false;
            }
            saw_verb |= self.verb(t).is_some() || t.w() == "according";
        }
        saw_verb && i + 7 >= toks.len()
    }

    /// The words from `i` are a short cue (`she adds`, `Mr. Smith said`) whose comma or colon
    /// is followed by an opening quote mark.
    fn cue_opens_quote(&self, pi: usize, i: usize) -> bool {
        let p = &self.paras[pi];
        let cue_end = (i..p.toks.len().min(i + 7)).find(|&k| !p.toks[k].is_word());
        cue_end.is_some_and(|k| {
            matches!(p.toks[k].kind, Kind::Punct(',' | ':'))
                && p.toks.get(k + 1).is_some_and(|t| t.is_dq())
                && p.quotes
                    .get((p.qid[k + 1] as usize).wrapping_sub(1))
                    .is_some_and(|q| q.open == k + 1)
        })
    }

    pub(super) fn sent_of(&self, pi: usize, ti: usize) -> (usize, usize) {
        let s = &self.paras[pi].sents;
        let k = s.partition_point(|&(_, e)| e <= ti);
        s.get(k).copied().unwrap_or((ti, ti + 1))
    }

    // ----- word predicates -----

    pub(super) fn verb(&self, t: &Tok) -> Option<VerbClass> {
        if !t.is_word() {
            return None;
        }
        t.verb
    }

    pub(super) fn pron(&self, t: &Tok) -> Option<PronClass> {
        if !t.is_word() {
            return None;
        }
        t.pron
    }

    pub(super) fn is_place_word(&self, w: &str) -> bool {
        self.lex.place_words.contains(w) || self.lex.places.contains_key(w)
    }

    /// [`Self::is_place_word`] of the token's base, from its flags.
    pub(super) fn place_tok(&self, t: &Tok) -> bool {
        t.bf(F_PLACE_PART | F_PLACE)
    }

    /// The token's base is a role word, also plural (`deputies`) or hyphenated
    /// (`vice-premier`).
    pub(super) fn role_word(&self, t: &Tok) -> bool {
        t.bf(F_ROLE | F_ROLE_PLURAL | F_ROLE_HYPHEN)
    }

    /// A token that can be part of a person's name (precomputed: [`name_like_tok`]).
    pub(super) fn name_like(&self, t: &Tok) -> bool {
        t.name_like
    }

    /// An adverb from the lexicon (`also`, `then`) or by its `-ly` form (`repeatedly`).
    pub(super) fn is_adverb(&self, t: &Tok) -> bool {
        t.wf(F_ADVERB) || t.looks_ly_adverb(self.cased)
    }

    pub(super) fn min_name_len(&self) -> usize {
        if self.cased { 1 } else { 2 }
    }

    // ----- noun phrases -----
}

/// `Sen. David Perdue (R-Ga.) said`, `Paul Ryan, R-Wis., said`: the full stop at `i` ends an
/// abbreviation, not the sentence, when a comma follows it or a short parenthesis closes
/// right after it.
pub(super) fn abbreviation_stop(toks: &[Tok], i: usize) -> bool {
    let next = toks.get(i + 1);
    toks[i].is_punct('.')
        && (next.is_some_and(|t| t.is_punct(','))
            || next.is_some_and(|t| t.is_punct(')'))
                && toks[i.saturating_sub(4)..i].iter().any(|t| t.is_punct('(')))
}

/// Lower case: a word shaped like a past tense right before a speech verb is a name, since
/// two verbs do not follow each other (`husted said`, `jon husted told reporters`).
fn mark_past_looking_names(toks: &mut [Tok], cased: bool) {
    if cased {
        return;
    }
    for k in 0..toks.len().saturating_sub(1) {
        let before_speech_verb = toks[k + 1].verb.is_some();
        // `officials who were briefed said`: a participle after an auxiliary stays a verb.
        let after_auxiliary_or_relative = k > 0
            && (toks[k - 1].is_finite_verb_word()
                || matches!(toks[k - 1].w(), "been" | "be" | "who" | "that" | "which"));
        if after_auxiliary_or_relative {
            continue;
        }
        let t = &mut toks[k];
        if !t.name_like && before_speech_verb && t.clearly_past_tense() && name_shaped_tok(t, cased)
        {
            t.name_like = true;
        }
    }
}

/// A role or title word right after a courtesy title (`Mr. King`, `ms. bishop`) or a given
/// name (`Larry King`, `john major`) is a surname.
fn mark_title_word_surnames(toks: &mut [Tok], cased: bool) {
    for k in 1..toks.len() {
        let (before, rest) = toks.split_at_mut(k);
        let (prev, t) = (&before[k - 1], &mut rest[0]);
        if t.name_like || !t.is_word() || (cased && !t.cap) || !t.bf(F_ROLE | F_TITLE) {
            continue;
        }
        let gendered = prev.bf(F_GENDERED) || prev.wf(F_GENDERED);
        let courtesy_title = gendered && (prev.bf(F_TITLE) || prev.wf(F_TITLE));
        let given_name = gendered && prev.name_like && (!cased || prev.cap);
        if courtesy_title || given_name {
            t.name_like = true;
        }
    }
}

/// More than half the words are capitalised (`Christie Calls Clinton 'A Disgrace'`).
pub(super) fn title_case(toks: &[Tok]) -> bool {
    let words = toks.iter().filter(|t| t.is_word()).count();
    let capitalised = toks.iter().filter(|t| t.is_word() && t.cap).count();
    capitalised * 2 > words
}

/// A verb form followed by one of its particles (`spoke about`, `warned against`) attributes
/// the noun phrase after the particle, as an `object` verb does.
fn mark_phrasal_verbs(toks: &mut [Tok], lex: &Lexicon) {
    for k in 0..toks.len() {
        if own_particle_follows(toks, k, lex) {
            // An `-ing` form alone attributes direct quotes only, as in speech_verbs.txt.
            toks[k].verb = Some(if toks[k].w().ends_with("ing") {
                VerbClass::QuoteOnly
            } else {
                VerbClass::Object
            });
        }
    }
}

/// One of its own particles (`phrasal_verbs.txt`) follows the verb form at `k`, and not
/// before a phrase of time (`argued for years that ...`).
pub(super) fn own_particle_follows(toks: &[Tok], k: usize, lex: &Lexicon) -> bool {
    let Some(particle) = toks.get(k + 1).filter(|_| toks[k].phrasal) else {
        return false;
    };
    let takes_it = lex
        .phrasal_verbs
        .get(toks[k].w())
        .is_some_and(|particles| particles.contains(&particle.w()));
    let mut n = k + 2;
    if toks
        .get(n)
        .is_some_and(|t| t.wf(F_DETERMINER | F_NUMBER_WORD) || t.is_numeral())
    {
        n += 1;
    }
    // (A time word before a noun describes it: `spoke of her early talks`.)
    let time_phrase = toks.get(n).is_some_and(|t| t.is_word() && t.bf(F_TIME))
        && !toks
            .get(n + 1)
            .is_some_and(|next| next.is_word() && !next.wf(F_PREPOSITION | F_STOP | F_FUNCTION));
    takes_it && !time_phrase
}

/// A past form right after a determiner or a possessive describes the noun after it (`the
/// expected emissions`, `her stated goal`, `an alleged plot`): it is not a speech verb.
fn unverb_participle_adjectives(toks: &mut [Tok]) {
    for k in 1..toks.len().saturating_sub(1) {
        let describes = toks[k - 1].wf(F_DETERMINER)
            && toks[k].w().ends_with("ed")
            && toks[k + 1].is_word()
            && !toks[k + 1].wf(F_FUNCTION | F_STOP | F_PREPOSITION);
        if describes && toks[k].verb.is_some() {
            toks[k].verb = None;
        }
    }
}

/// A verb form that ends a place name (`the united states`) is not a verb. In cased text, nor
/// is a capitalised verb form right after a capitalised word (`Secretary of State`, `Mr.
/// Says`), unless the paragraph is a headline in title case (`Christie Calls Clinton 'A
/// Disgrace'`).
fn unverb_name_parts(toks: &mut [Tok], cased: bool, lex: &Lexicon) {
    let title_case = title_case(toks);
    for k in 1..toks.len() {
        if toks[k].verb.is_none() || !toks[k - 1].is_word() {
            continue;
        }
        let in_name = cased && !title_case && toks[k].cap && toks[k - 1].cap;
        let ends_place = toks[k - 1].bf(F_PLACE_PART)
            && lex
                .places
                .contains_key(format!("{} {}", toks[k - 1].low, toks[k].low).as_str());
        if in_name || ends_place {
            toks[k].verb = None;
        }
    }
}
