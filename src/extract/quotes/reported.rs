//! Stage 6: reported speech. Finds, in one sentence (token range of a paragraph):
//! - `according to X, CLAUSE` and `CLAUSE, according to X`;
//! - `CLAUSE, X said (tail)` and `CLAUSE, said X`;
//! - `the paper quoted X as saying (that) CLAUSE`;
//! - `X said/told Y/believes/called for/... CLAUSE`, by the verb classes of the lexicon;
//! - noun cues: `X's claim that CLAUSE`, `X's allegations of ...`.
//!
//! Output: the first such attribution as a [`Raw`] reported quote whose span is the clause
//! (quoted words inside it are kept: a mixed quote is one reported quote).

use super::*;

/// A speech verb that can take a reported clause, and how it is written.
#[derive(Clone, Copy)]
struct ClauseVerb {
    class: VerbClass,
    form: VerbForm,
}

#[derive(Clone, Copy)]
enum VerbForm {
    /// `said`, `warns`: its subject is right before it.
    Finite,
    /// `is warning`: its subject is before the form of `be` at `be`.
    Progressive { be: usize },
    /// `..., saying`: its speaker is the subject of the sentence.
    Participial,
}

/// Where a reported clause ends early, and what follows it.
#[derive(Clone, Copy)]
enum ClauseCut {
    /// The clause runs to the end.
    None,
    /// `and`/`but` + another speech verb of the same speaker at `verb`, its clause at `clause`.
    SameSpeaker {
        at: usize,
        verb: usize,
        clause: usize,
    },
    /// `, but` + another speaker's attribution, from token `from`.
    NewSpeaker { at: usize, from: usize },
    /// `and`/`but` + another speech verb, in another tense, of the reported clause's own
    /// subject `speaker` (`X says Y promised A and said B`).
    ClauseSubject {
        at: usize,
        verb: usize,
        clause: usize,
        speaker: Np,
    },
    /// `and` + a verb that is not speech (after a noun-phrase complement).
    OtherVerb { at: usize },
}

impl<'a> Doc<'a> {
    /// The reported speech of the sentence `[ss, se)` of paragraph `pi`: the first attribution
    /// found, and those coordinated with it (`X said CLAUSE, but noted that CLAUSE`).
    pub(super) fn reported_in_sentence(&self, pi: usize, ss: usize, se: usize) -> Vec<Raw> {
        let Some((start, end)) = self.reported_bounds(pi, ss, se) else {
            return Vec::new();
        };
        let single = self
            .according_to_first(pi, start, end)
            .or_else(|| self.attribution_after_clause(pi, start, end))
            .or_else(|| self.parenthetical_attribution(pi, start, end))
            .or_else(|| self.quoted_as_saying(pi, start, end));
        if let Some(raw) = single {
            return vec![raw];
        }
        let found = self.verb_then_clause(pi, start, end);
        if !found.is_empty() {
            return found;
        }
        self.noun_cue_clause(pi, start, end)
            .or_else(|| self.characterised_as_quote(pi, start, end))
            .into_iter()
            .collect()
    }

    /// A person, group or organisation, but not `it`, which opening a clause is mostly no one
    /// (`it is too early`).
    fn names_someone(&self, np: &Np) -> bool {
        !matches!(
            self.classify(np).0,
            NpClass::Other | NpClass::Pronoun(PronClass::Org)
        )
    }

    /// A verb by its form at `v`: a past form, a participle after an auxiliary, an `-ing`
    /// form, or a third-person `-s` that is not a function word nor a noun after a determiner.
    fn looks_like_verb(&self, pi: usize, v: usize) -> bool {
        let toks = &self.paras[pi].toks;
        let t = &toks[v];
        let maybe_name = self.cased && t.cap;
        let function_word = t.wf(F_DETERMINER | F_PRON | F_STOP);
        let noun_after_determiner = toks[v - 1].wf(F_DETERMINER);
        let third_person =
            t.w().ends_with('s') && !maybe_name && !function_word && !noun_after_determiner;
        self.past_form(t)
            || t.wf(F_IRREGULAR_PAST)
            || toks[v - 1].wf(F_AUX)
            || (t.w().ends_with("ing") && t.w().len() > 5)
            || third_person
    }

    /// `Reid has gone after Trump as a "con artist"`, `Trump admires Putin as a "strong
    /// leader,"`: whatever the verb, an object characterised `as` quoted words is the
    /// subject's characterisation, when the subject can speak. The quote runs from the
    /// object to the first comma after the quoted words.
    fn characterised_as_quote(&self, pi: usize, start: usize, end: usize) -> Option<Raw> {
        let p = &self.paras[pi];
        let toks = &p.toks;
        let as_at = (start + 3..end.saturating_sub(2)).find(|&k| {
            let quoted_at = if toks[k + 1].wf(F_DETERMINER) {
                k + 2
            } else {
                k + 1
            };
            p.qid[k] == 0 && toks[k].w() == "as" && toks[quoted_at].is_dq() && p.qid[quoted_at] != 0
        })?;
        // The verb: the last verb-like word before a short object without commas.
        let verb = (as_at.saturating_sub(7).max(start + 1)..as_at - 1)
            .rev()
            .take_while(|&v| toks[v].is_word() && p.qid[v] == 0)
            .find(|&v| self.looks_like_verb(pi, v))?;
        // `has been steadily pounding`: auxiliaries and adverbs before the verb.
        let mut verb_group = verb;
        while verb_group > start + 1 && {
            let t = &toks[verb_group - 1];
            t.wf(F_AUX) || t.w() == "been" || self.is_adverb(t)
        } {
            verb_group -= 1;
        }
        let np = self.subject_before(pi, start, verb_group)?;
        if !self.names_someone(&np) {
            return None;
        }
        // The first comma outside the quoted words, or closing them (`as a "leader,"`).
        let quote_end = (as_at + 2..end)
            .find(|&k| {
                toks[k].is_punct(',')
                    && (p.qid[k] == 0 || toks.get(k + 1).is_some_and(|t| t.is_dq()))
            })
            .unwrap_or(end);
        Some(self.raw_reported(pi, verb + 1, quote_end, np, toks[verb].low))
    }

    /// The sentence without leading punctuation, a wire dateline (`LUXEMBOURG, March 3 -`) and
    /// final punctuation (a closing mark whose opening mark is inside stays); `None` when
    /// fewer than four tokens are left.
    fn reported_bounds(&self, pi: usize, ss: usize, se: usize) -> Option<(usize, usize)> {
        let toks = &self.paras[pi].toks;
        let mut end = se;
        while end > ss && (toks[end - 1].is_terminal() || toks[end - 1].is_dq()) {
            if toks[end - 1].is_dq() && toks[ss..end - 1].iter().any(|t| t.is_dq()) {
                break;
            }
            end -= 1;
        }
        let mut start = ss;
        while start < end && !toks[start].is_word() {
            start += 1;
        }
        if start + 3 >= end {
            return None;
        }
        if let Some(d) = toks[start..end.min(start + 10)]
            .iter()
            .position(Tok::is_dash)
        {
            let dash = start + d;
            let before = &toks[dash.max(1) - 1];
            let dated = before.low.chars().all(|c| c.is_ascii_digit()) || before.wf(F_TIME);
            // `WASHINGTON ―`: a city in capitals (or a known place) alone before the dash.
            let city = dash - start <= 3
                && toks[start..dash].iter().all(|t| {
                    let capitals = !self.text[t.start..t.end].chars().any(char::is_lowercase);
                    t.is_word() && (self.place_tok(t) || self.cased && capitals)
                });
            if dash > start && (dated || city) {
                start = dash + 1;
            }
        }
        (start + 3 < end).then_some((start, end))
    }

    /// `according to X, CLAUSE`.
    fn according_to_first(&self, pi: usize, start: usize, end: usize) -> Option<Raw> {
        let toks = &self.paras[pi].toks;
        if toks[start].w() != "according" || toks.get(start + 1).is_none_or(|u| u.w() != "to") {
            return None;
        }
        let np = self.according_source(pi, start + 2, end)?;
        if np.end >= end || !toks[np.end].is_punct(',') {
            return None;
        }
        // `According to X, the head of Y, CLAUSE`: skip the apposition, when it is one (`the`,
        // a role word...), not the clause itself (`According to polls, Romney had a lead, but`).
        let apposition = np.role.filter(|&(rs, re)| {
            re < end
                && toks[re].is_punct(',')
                && (toks[rs].wf(F_NP_STARTER)
                    || toks[rs..re]
                        .iter()
                        .take(3)
                        .any(|t| t.bf(F_ROLE_HEAD | F_ORG)))
                && !toks[rs..re]
                    .iter()
                    .any(|t| t.is_finite_verb_word() || t.looks_past_tense())
        });
        let clause_start = apposition.map_or(np.end + 1, |(_, re)| re + 1);
        let np = Np {
            role: apposition,
            ..np
        };
        (end > clause_start + 2)
            .then(|| self.raw_reported(pi, clause_start, end, np, "according to"))
    }

    /// The source after `according to` at token `i`: a noun phrase, or, when that stops at a
    /// word (`a complaint filed by ...`, `show insiders`: a verb form used as a noun), the words
    /// up to the next comma or sentence end (at most 25).
    pub(super) fn according_source(&self, pi: usize, i: usize, end: usize) -> Option<Np> {
        let toks = &self.paras[pi].toks;
        let limit = end.min(i + 25);
        let stop = (i..limit)
            .find(|&k| !toks[k].is_word() && !toks[k].is_punct('&'))
            .unwrap_or(limit);
        let plain = self.np_after(pi, i, end);
        if let Some(np) = plain
            && (np.end >= stop || np.role.is_some() || !toks[np.end].is_word())
        {
            return Some(np);
        }
        let ends_well = stop == end || toks[stop].is_punct(',') || toks[stop].is_terminal();
        (stop > i && ends_well).then_some(Np {
            para: pi,
            start: i,
            end: stop,
            role: None,
        })
    }

    /// `CLAUSE, according to X` (anywhere) / `CLAUSE, said X` / `CLAUSE, X said (tail)` (with
    /// the comma among the last 16 tokens).
    fn attribution_after_clause(&self, pi: usize, start: usize, end: usize) -> Option<Raw> {
        let p = &self.paras[pi];
        let lim = end.saturating_sub(16).max(start + 3);
        // `CLAUSE, according to X, the head of a long-named institute, and others`: anywhere,
        // also after a dash closing an aside (`is wrong — or worse — according to X`).
        for comma in start + 3..lim {
            if (p.toks[comma].is_punct(',') || p.toks[comma].is_dash())
                && p.qid[comma] == 0
                && p.toks[comma + 1].w() == "according"
                && p.toks.get(comma + 2).is_some_and(|u| u.w() == "to")
                && let Some(np) = self.according_source(pi, comma + 3, end)
            {
                return Some(self.raw_reported(pi, start, comma, np, "according to"));
            }
        }
        // `CLAUSE, said X, a ... who ...`: the speaker's description may run long.
        for comma in (start + 3..end).rev() {
            let dash = p.toks[comma].is_dash();
            if !(p.toks[comma].is_punct(',') || dash) || p.qid[comma] != 0 || comma + 1 >= end {
                continue;
            }
            // `Paul Ryan, R-Wis., said ...`: the comma closes a party label, not a clause.
            if p.toks[..comma]
                .iter()
                .rev()
                .find(|t| !t.is_punct('.'))
                .is_some_and(Tok::looks_party_label)
            {
                continue;
            }
            let a = comma + 1;
            let t = &p.toks[a];
            if dash && t.w() != "according" {
                continue;
            }
            if t.w() == "according"
                && p.toks.get(a + 1).is_some_and(|u| u.w() == "to")
                && let Some(np) = self.according_source(pi, a + 2, end)
            {
                return Some(self.raw_reported(pi, start, comma, np, "according to"));
            }
            // `CLAUSE, said X`: a document does not speak after its verb (`..., shows Y` is
            // the verb of a long subject).
            if self
                .verb(t)
                .is_some_and(|class| class.follows_clause() && class != VerbClass::Evidence)
                && let Some(np) = self.np_after(pi, a + 1, end)
                && self.can_speak_after_verb(pi, &np, a)
                && !self.holds_past_verb(pi, &np)
            {
                let tail = self.skip_time(pi, np.role.map_or(np.end, |r| r.1), end);
                if (tail >= end || self.speaker_goes_on_at(pi, tail))
                    && p.toks[np.start].w() != "it"
                {
                    return Some(self.raw_reported(pi, start, comma, np, t.low));
                }
            }
            if comma >= lim
                && let Some((np, cue)) = self.subject_verb_tail(pi, a, end)
            {
                return Some(self.raw_reported(pi, start, comma, np, &cue));
            }
        }
        None
    }

    /// `X, 59, who watched, said the event brought back memories`: a past-tense verb with an
    /// object after the first word of what follows `said` makes it a clause, not the speaker of
    /// the words before (`said an official briefed on the talks`, `quoted earlier` are not).
    /// A past form right after a determiner, a number or an adverb describes the noun after it
    /// (`said one unaligned strategist`, `said the newly elected mayor`).
    fn holds_past_verb(&self, pi: usize, np: &Np) -> bool {
        let toks = &self.paras[pi].toks;
        (np.start + 1..np.end).any(|k| {
            let object_follows = toks.get(k + 1).is_some_and(|next| {
                next.is_word() && !next.wf(F_PREPOSITION | F_TIME) && !next.looks_ly_adverb(false)
            });
            let before = &toks[k - 1];
            let modifies_noun = before.wf(F_DETERMINER | F_NUMBER_WORD)
                || before.is_numeral()
                || before.wf(F_ADVERB)
                || before.w().ends_with("ly");
            self.past_form(&toks[k]) && object_follows && !modifies_noun
        })
    }

    /// `A, he added, B` / `A, said X, B`: an attribution between two commas inside the
    /// sentence; the quote is the whole sentence.
    fn parenthetical_attribution(&self, pi: usize, start: usize, end: usize) -> Option<Raw> {
        let p = &self.paras[pi];
        for open in start + 2..end.saturating_sub(5) {
            if !p.toks[open].is_punct(',') || p.qid[open] != 0 {
                continue;
            }
            let Some(close) = (open + 2..(open + 8).min(end)).find(|&k| p.toks[k].is_punct(','))
            else {
                continue;
            };
            let words_after = p.toks[close + 1..end]
                .iter()
                .filter(|t| t.is_word())
                .count();
            if words_after < 3 {
                continue;
            }
            if let Some((np, cue)) = self.attribution_between(pi, open + 1, close) {
                // `A, X said Friday, as they bristled at ...`: a clause of time after the
                // attribution is the writer's (a reason, `since ...`, is still the speaker's).
                let writer_goes_on =
                    matches!(p.toks[close + 1].w(), "as" | "while" | "when" | "after");
                let quote_end = if writer_goes_on { open } else { end };
                return Some(self.raw_reported(pi, start, quote_end, np, &cue));
            }
        }
        None
    }

    /// After `CLAUSE, said X`, the words at `k` go on about the speaker or the saying, not a
    /// clause of X's: a relative clause (`who oversees ...`), another apposition (`, a ...`) or a
    /// prepositional phrase (`in the room`, `at the meeting`).
    fn speaker_goes_on_at(&self, pi: usize, k: usize) -> bool {
        let toks = &self.paras[pi].toks;
        let t = &toks[k];
        let apposition = toks
            .get(k + 1)
            .is_some_and(|u| u.wf(F_NP_STARTER) && u.w() != "that");
        // `an official briefed on the talks`: a participle with its phrase.
        let participle_phrase = t.clearly_past_tense()
            && toks
                .get(k + 1)
                .is_some_and(|u| u.wf(F_PREPOSITION | F_TIME));
        t.is_punct(',') && apposition
            || matches!(t.w(), "who" | "whose")
            || t.wf(F_PREPOSITION | F_POSTMODIFIER) && t.w() != "to"
            || participle_phrase
    }

    /// `he added` / `said X` filling `[a, close)` exactly (time phrases allowed after the verb).
    fn attribution_between(&self, pi: usize, a: usize, close: usize) -> Option<(Np, String)> {
        let toks = &self.paras[pi].toks;
        let v = (a..close).find(|&v| self.verb(&toks[v]).is_some_and(VerbClass::follows_clause))?;
        if v == a {
            let np = self.np_after(pi, a + 1, close)?;
            let fills =
                np.end == close && np.role.is_none() && self.can_speak_after_verb(pi, &np, v);
            return fills.then(|| (np, toks[v].low.to_string()));
        }
        let np = self.subject_before(pi, a, v)?;
        let fills = np.start == a && self.skip_time(pi, v + 1, close) >= close;
        fills.then(|| (np, toks[v].low.to_string()))
    }

    /// `X said (on Tuesday)` running from `a` to the sentence end: the subject and the cue.
    fn subject_verb_tail(&self, pi: usize, a: usize, end: usize) -> Option<(Np, String)> {
        let toks = &self.paras[pi].toks;
        let v = (a..end.min(a + 20))
            .find(|&v| self.verb(&toks[v]).is_some_and(VerbClass::follows_clause))?;
        let np = self.subject_before(pi, a, v)?;
        if toks[a..np.start]
            .iter()
            .any(|t| !t.is_word() || self.lex.subordinators.contains(t.w()))
        {
            return None;
        }
        let object_end = if self.verb(&toks[v]) == Some(VerbClass::Tell) {
            self.tell_object(pi, v + 1, end)
        } else {
            v + 1
        };
        (self.skip_time(pi, object_end, end) >= end).then(|| (np, self.cue_text(pi, v, end)))
    }

    /// `The paper quoted X as saying (that) CLAUSE`.
    fn quoted_as_saying(&self, pi: usize, start: usize, end: usize) -> Option<Raw> {
        let p = &self.paras[pi];
        for qv in start..end.min(start + 30) {
            if p.toks[qv].w() != "quoted" || p.qid[qv] != 0 {
                continue;
            }
            let Some(as_at) = (qv + 2..end.min(qv + 8)).find(|&k| {
                p.toks[k].w() == "as" && p.toks.get(k + 1).is_some_and(|t| t.w() == "saying")
            }) else {
                continue;
            };
            let Some(np) = self.np_after(pi, qv + 1, as_at) else {
                continue;
            };
            let mut c = self.skip_time(pi, as_at + 2, end);
            if c < end && p.toks[c].w() == "that" {
                c += 1;
            }
            if end >= c + 3 {
                let np = Np { role: None, ..np };
                return Some(self.raw_reported(pi, c, end, np, "quoted as saying"));
            }
        }
        None
    }

    /// `X said (that) CLAUSE`, `X told Y CLAUSE`, `X believes CLAUSE`, `X called for ...`, `X
    /// is warning that ...`, `X did Y, saying CLAUSE`: the first speech verb of the sentence
    /// with a plausible speaker and a clause after it, and the verbs coordinated with it
    /// (`..., and warned that ...`).
    fn verb_then_clause(&self, pi: usize, start: usize, end: usize) -> Vec<Raw> {
        self.verb_then_clause_from(pi, start, start, end, None)
    }

    /// [`Self::verb_then_clause`] with the verb searched from `first_verb` on; subjects may
    /// start back at `start` (`X, who said A, recalled B`), and a verb coordinated with
    /// `and`/`but` falls back on `subject` (`X supported Y, which ..., and said B`).
    fn verb_then_clause_from(
        &self,
        pi: usize,
        start: usize,
        first_verb: usize,
        end: usize,
        subject: Option<Np>,
    ) -> Vec<Raw> {
        let p = &self.paras[pi];
        let mut sentence_subject: Option<Np> = subject;
        for v in first_verb..end {
            if p.qid[v] != 0 {
                continue;
            }
            let Some(verb) = self.clause_verb(pi, start, v) else {
                continue;
            };
            // Where the verb's own subject ends: before the verb, or before its `be`.
            let subject_end = match verb.form {
                VerbForm::Participial => None,
                VerbForm::Progressive { be } => Some(be),
                VerbForm::Finite => Some(v),
            };
            let speaker = match subject_end {
                None => self.main_subject(pi, start, v - 1),
                Some(end_of_subject) => self
                    .speech_subject(pi, start, end_of_subject, &mut sentence_subject)
                    .filter(|np| self.plausible_speaker(pi, start, np, v, verb.class)),
            };
            let Some(np) = speaker else {
                continue;
            };
            if let Some(c) = self.clause_start(pi, v, verb.class, end) {
                let fronted_end = self.fronted_clause_end(pi, start, v, c, end);
                let mut out = self.clauses_from(pi, v, c, fronted_end, np);
                if fronted_end < end {
                    // The main clause after the fronted one may report too.
                    out.extend(self.verb_then_clause_from(pi, start, fronted_end + 1, end, None));
                }
                return out;
            }
        }
        Vec::new()
    }

    /// `X said: "...," adding that CLAUSE`: a participle right after the closing mark at
    /// `close` reports for the subject of the attribution before the first quote.
    pub(super) fn participle_after_quote(
        &self,
        pi: usize,
        ss: usize,
        first_quote: usize,
        close: usize,
        end: usize,
    ) -> Vec<Raw> {
        let toks = &self.paras[pi].toks;
        let v = if toks.get(close + 1).is_some_and(|t| t.is_punct(',')) {
            close + 2
        } else {
            close + 1
        };
        let Some(class) = toks.get(v).and_then(|_| self.participle_class(pi, v)) else {
            return Vec::new();
        };
        let Some(np) = self.main_subject(pi, ss, first_quote) else {
            return Vec::new();
        };
        let Some((_, end)) = self.reported_bounds(pi, v, end) else {
            return Vec::new();
        };
        match self.clause_start(pi, v, class, end) {
            Some(c) => self.clauses_from(pi, v, c, end, np),
            None => Vec::new(),
        }
    }

    /// `Y, who was born in Cuba, of`: the closing comma of a relative clause opened by the
    /// comma at `k`, when the complement goes on after it with `of`, `as` or `for`.
    fn relative_inside_complement(&self, pi: usize, k: usize, end: usize) -> Option<usize> {
        let toks = &self.paras[pi].toks;
        if !toks[k].is_punct(',') || !matches!(toks[k + 1].w(), "who" | "which") {
            return None;
        }
        let close = (k + 2..end.min(k + 20)).find(|&j| toks[j].is_punct(','))?;
        toks.get(close + 1)
            .is_some_and(|t| matches!(t.w(), "of" | "as" | "for"))
            .then_some(close)
    }

    /// `When X noted that A, B ...`, `The hearing, during which X said A, lasted ...`: an
    /// attribution inside a subordinate clause (opening the sentence, or a relative clause
    /// between commas) reports up to the comma that closes it (`end` otherwise).
    fn fronted_clause_end(&self, pi: usize, start: usize, v: usize, c: usize, end: usize) -> usize {
        let p = &self.paras[pi];
        let last_comma = (start..v).rev().find(|&k| p.toks[k].is_punct(','));
        let subordinate = match last_comma {
            None => self.lex.subordinators.contains(p.toks[start].w()),
            Some(k) => self.opens_relative_clause(pi, k + 1, v),
        };
        if !subordinate {
            return end;
        }
        (c + 1..end)
            .find(|&k| (p.toks[k].is_punct(',') || p.toks[k].is_dash()) && p.qid[k] == 0)
            .unwrap_or(end)
    }

    /// `which`, `who`, `whom` or a preposition and `which`/`whom` at `k` (before `v`).
    fn opens_relative_clause(&self, pi: usize, k: usize, v: usize) -> bool {
        let toks = &self.paras[pi].toks;
        let relative = |t: &Tok| matches!(t.w(), "which" | "who" | "whom");
        k < v
            && (relative(&toks[k])
                || (k + 1 < v && toks[k].wf(F_PREPOSITION) && relative(&toks[k + 1])))
    }

    /// The speech verb at `v` and its form: a finite verb of the lexicon, or an `-ing`
    /// participle after a form of `be` (`is warning`), after a comma (`..., saying`) or before
    /// `that` (`a statement saying that`).
    fn clause_verb(&self, pi: usize, start: usize, v: usize) -> Option<ClauseVerb> {
        let toks = &self.paras[pi].toks;
        let class = self.verb(&toks[v])?;
        if class != VerbClass::QuoteOnly {
            return Some(ClauseVerb {
                class,
                form: VerbForm::Finite,
            });
        }
        let class = self.participle_class(pi, v)?;
        // Adverbs between (`is once again warning`, `, even suggesting`).
        let mut k = v;
        while k > start && self.is_adverb(&toks[k - 1]) {
            k -= 1;
        }
        let before = toks.get(k.checked_sub(1)?)?;
        let form = if matches!(before.w(), "is" | "are" | "was" | "were" | "been" | "am") {
            VerbForm::Progressive { be: k - 1 }
        } else if v > start + 2
            && (before.is_punct(',')
                || before.is_dash()
                || matches!(before.w(), "by" | "after" | "while" | "when" | "before")
                || toks.get(v + 1).is_some_and(|t| t.w() == "that")
                || self.message_before(pi, start, k))
        {
            // `..., saying`, `... – saying`, `began by saying`, `issued a statement saying
            // that ...`, `released a letter on Friday saying ...`.
            VerbForm::Participial
        } else {
            return None;
        };
        Some(ClauseVerb { class, form })
    }

    /// A message (`statement`, `letter`, `tweet`), and any phrase of time after it, ends at
    /// `k` (`released a statement Wednesday` before `saying`).
    fn message_before(&self, pi: usize, start: usize, k: usize) -> bool {
        let toks = &self.paras[pi].toks;
        let mut j = k;
        while j > start && (toks[j - 1].is_time_word() || toks[j - 1].w() == "on") {
            j -= 1;
        }
        j > start + 1
            && toks[j - 1].bf(F_EVENT | F_SPEECH_NOUN)
            && matches!(
                toks[j - 2].w(),
                "a" | "an" | "the" | "its" | "his" | "her" | "their"
            )
    }

    /// The subject of the sentence's first finite verb before `limit` (`Trump defended his
    /// tweets, saying ...`), when it names a person, organisation or group, or is a pronoun.
    pub(super) fn main_subject(&self, pi: usize, start: usize, limit: usize) -> Option<Np> {
        let toks = &self.paras[pi].toks;
        let first_verb = (start + 1..limit).find(|&k| {
            let t = &toks[k];
            // (`earlier`, `also` are marked as auxiliaries for the words before a verb.)
            self.paras[pi].qid[k] == 0
                && !t.wf(F_ADVERB)
                && (t.is_finite_verb_word() || t.looks_past_tense() || self.verb(t).is_some())
        })?;
        let np = self.subject_before(pi, start, first_verb)?;
        let who = self.classify(&np).0;
        (who != NpClass::Other).then_some(np)
    }

    /// The clause of the verb at `v` (starting at `c`) up to `end` or a semicolon, cut where
    /// another attribution starts inside it: a coordinated verb of the same speaker (`X said
    /// A, but noted that B`) or a new speaker (`..., but traders said B`), whose clauses follow.
    fn clauses_from(&self, pi: usize, v: usize, c: usize, end: usize, mut np: Np) -> Vec<Raw> {
        let p = &self.paras[pi];
        let end = (c..end)
            .find(|&k| p.toks[k].is_punct(';') && p.qid[k] == 0)
            .unwrap_or(end);
        let class = self.verb(&p.toks[v]);
        let participle_class = self.participle_class(pi, v);
        let object_class = class == Some(VerbClass::Object)
            || (class == Some(VerbClass::QuoteOnly) && participle_class == Some(VerbClass::Object))
            || self.np_object_reading(pi, v, c, end);
        let mut out = Vec::new();
        let (mut v, mut c) = (v, c);
        while out.len() < 4 {
            let cut = self.clause_cut(pi, v, c, end, object_class);
            let clause_end = match cut {
                ClauseCut::None => end,
                ClauseCut::SameSpeaker { at, .. }
                | ClauseCut::NewSpeaker { at, .. }
                | ClauseCut::ClauseSubject { at, .. }
                | ClauseCut::OtherVerb { at } => at,
            };
            out.push(self.raw_reported(
                pi,
                c,
                clause_end,
                np,
                &self.reported_cue(pi, v, c, clause_end),
            ));
            match cut {
                ClauseCut::SameSpeaker { verb, clause, .. } => (v, c) = (verb, clause),
                ClauseCut::ClauseSubject {
                    verb,
                    clause,
                    speaker,
                    ..
                } => (v, c, np) = (verb, clause, speaker),
                ClauseCut::NewSpeaker { from, .. } => {
                    out.extend(self.verb_then_clause(pi, from, end));
                    break;
                }
                ClauseCut::OtherVerb { at } => {
                    // `X supported Y, which let him go, and said B`: X said B.
                    out.extend(self.verb_then_clause_from(pi, at + 1, at + 1, end, Some(np)));
                    break;
                }
                ClauseCut::None => break,
            }
        }
        out
    }

    /// The first place in `[c, end)`, outside quotes, where `and`/`but` starts another
    /// attribution or (after an `object`-class verb, whose complement is a noun phrase) another
    /// verb of the speaker (`called the plan "a good start" and left`) or a subordinate clause
    /// (`, though ...`).
    fn clause_cut(
        &self,
        pi: usize,
        verb: usize,
        c: usize,
        end: usize,
        object_class: bool,
    ) -> ClauseCut {
        let p = &self.paras[pi];
        let mut relative_until = 0;
        for k in c + 1..end.saturating_sub(2) {
            if p.qid[k] != 0 || k < relative_until {
                continue;
            }
            // `accused Y, who was born in Cuba, of ...`: a relative clause inside the
            // complement, before the rest of it.
            if object_class && let Some(close) = self.relative_inside_complement(pi, k, end) {
                relative_until = close + 1;
                continue;
            }
            if k == c + 1 {
                continue;
            }
            let cut = self
                .cut_at_comma(pi, c, k, end, object_class)
                .or_else(|| self.cut_at_conjunction(pi, verb, c, k, end, object_class));
            if let Some(cut) = cut {
                return cut;
            }
        }
        ClauseCut::None
    }

    /// [`Self::clause_cut`] at `k`: a subordinate clause, a participle or a relative clause
    /// that ends the reported words.
    fn cut_at_comma(
        &self,
        pi: usize,
        c: usize,
        k: usize,
        end: usize,
        object_class: bool,
    ) -> Option<ClauseCut> {
        let p = &self.paras[pi];
        // `X said A, though she noted B`, `..., while Y argued B`: a subordinate clause
        // with an attribution of its own, also after a comma inside a closing mark
        // (`"...," though she noted`).
        let subordinator = if p.toks[k].is_punct(',') {
            k + 1
        } else if self.quote_closed_on_comma(pi, k - 1) {
            k
        } else {
            end
        };
        if subordinator + 1 < end
            && matches!(
                p.toks[subordinator].w(),
                "though" | "although" | "while" | "whereas"
            )
            && self.attribution_starts(pi, subordinator + 1, end)
        {
            return Some(ClauseCut::NewSpeaker {
                at: k,
                from: subordinator + 1,
            });
        }
        // `said he does not do them publicly, as was the case with ...`: a comment of the
        // writer's.
        if p.toks[k].is_punct(',')
            && p.toks[k + 1].w() == "as"
            && p.toks.get(k + 2).is_some_and(Tok::is_finite_verb_word)
        {
            return Some(ClauseCut::OtherVerb { at: k });
        }
        // `said A, which he said were ...` / `said A, the footage showed.`: a relative clause
        // with an attribution of its own, or another attribution closing the sentence.
        if p.toks[k].is_punct(',')
            && (p.toks[k + 1].w() == "which" && self.attribution_starts(pi, k + 2, end)
                || self.attribution_between(pi, k + 1, end).is_some())
        {
            return Some(ClauseCut::OtherVerb { at: k });
        }
        if object_class && let Some(cut) = self.complement_cut(pi, c, k, end) {
            return Some(cut);
        }
        // `..., who has not been charged.`: a relative clause on the last noun of the
        // clause is the writer's.
        if p.toks[k].is_punct(',')
            && p.toks[k + 1].w() == "who"
            && !p.toks[k + 1..end].iter().any(|t| t.is_punct(','))
        {
            return Some(ClauseCut::OtherVerb { at: k });
        }
        // `criticized the plan, saying it was reckless`: a participle goes on with a clause
        // of its own.
        if let Some((verb, clause)) = self.participle_clause(pi, k, end) {
            return Some(ClauseCut::SameSpeaker {
                at: k,
                verb,
                clause,
            });
        }
        self.writer_adds_after(pi, c, k, object_class)
            .then_some(ClauseCut::OtherVerb { at: k })
    }

    /// Where a noun-phrase complement (`object` verbs) ends at `k`: before a subordinate
    /// clause or a clause with its own subject, or at a circumstance of the speaking.
    fn complement_cut(&self, pi: usize, c: usize, k: usize, end: usize) -> Option<ClauseCut> {
        let toks = &self.paras[pi].toks;
        // `accused Holt of being a Democrat, though records show ...`, `where he referred to
        // X as Y, I knew ...`.
        let subordinate = matches!(
            toks[k + 1].w(),
            "though" | "although" | "while" | "whereas" | "despite" | "which"
        );
        if toks[k].is_punct(',') && (subordinate || self.new_clause_at(pi, k + 1, end)) {
            return Some(ClauseCut::OtherVerb { at: k });
        }
        // `criticized Y in an email Saturday, accusing them of ...`: the circumstance is the
        // writer's, and a participle after it goes on with the speaker's words.
        if !self.adjunct_ends(pi, c, k, end) {
            return None;
        }
        Some(self.participle_after(pi, k, end).map_or(
            ClauseCut::OtherVerb { at: k },
            |(verb, clause)| ClauseCut::SameSpeaker {
                at: k,
                verb,
                clause,
            },
        ))
    }

    /// [`Self::clause_cut`] at `and`/`but` at `k`: another speech verb of the speaker, another
    /// speaker, or (after a complement) another clause.
    fn cut_at_conjunction(
        &self,
        pi: usize,
        verb: usize,
        c: usize,
        k: usize,
        end: usize,
        object_class: bool,
    ) -> Option<ClauseCut> {
        let p = &self.paras[pi];
        if !matches!(p.toks[k].w(), "and" | "but") {
            return None;
        }
        // `and also said`, `but has said`, `and later warned`.
        let v = self.skip_auxiliaries(pi, k + 1, end);
        // `said he has not held dinners and never called a donor`: a negated verb is not
        // another attribution; the clause goes on.
        let negated = p.toks[k + 1..v].iter().any(Tok::is_negation);
        if negated {
            return None;
        }
        // `Police say he posed a threat and refused to drop the gun`: a verb in another
        // tense than the speech verb, without a comma, goes on with the reported clause.
        if v < end && !p.toks[k - 1].is_punct(',') && self.tense_differs(&p.toks[verb], &p.toks[v])
        {
            // ... unless that verb is speech and the clause's subject can speak: `Merrill says
            // Ruiz promised A and said B`.
            let subject_speaks = self.clause_subject_speaks(pi, c, k, v, end);
            if subject_speaks.is_some() || !self.that_follows(pi, v) {
                return subject_speaks;
            }
            // `His aides say it's too early but noted that B`: a subject that cannot speak
            // leaves `noted that` to the sentence's speaker.
        }
        // (A verb that attributes only with its particle, `talked about`, goes on with the
        // clause: `said he rated them and talked about which ones ...`.)
        let speech_verb = self
            .verb(&p.toks[v])
            .filter(|&c| c != VerbClass::QuoteOnly && self.lex.verbs.contains_key(p.toks[v].w()));
        if let Some(class) = speech_verb
            && let Some(clause) = self.clause_start(pi, v, class, end)
        {
            return Some(ClauseCut::SameSpeaker {
                at: k,
                verb: v,
                clause,
            });
        }
        // `..., but traders said`, also after a comma inside a closing mark (`"...gun," but
        // he said`).
        let quote_closed = self.quote_closed_on_comma(pi, k - 1);
        let after_comma = p.toks[k - 1].is_punct(',') || quote_closed;
        if (after_comma || self.speaker_verb_follows(pi, k + 1, end))
            && self.attribution_starts(pi, k + 1, end)
        {
            return Some(ClauseCut::NewSpeaker { at: k, from: k + 1 });
        }
        // `said he would order a review and warned against hackers`: another speech verb
        // of the speaker ends the clause, even without a clause of its own.
        let other_speech_verb =
            speech_verb.is_some_and(|c| c != VerbClass::Evidence) && p.toks[v].looks_past_tense();
        // `agreed to lend him $5 million, and the union also stepped in`: an infinitive or
        // a noun phrase does not go on into a clause with its own subject.
        let complement = object_class || p.toks[c].w() == "to";
        // `promising lower taxes and "jobs, jobs, jobs," but he has also ...`: after quoted
        // words closing on a comma, a clause with its own subject is the writer's, as is
        // anything after `but`.
        let ends = other_speech_verb
            || object_class && p.toks[k + 1].looks_past_tense()
            || quote_closed && p.toks[k].w() == "but"
            || (complement && p.toks[k - 1].is_punct(',') || quote_closed)
                && self.new_clause_at(pi, k + 1, end);
        ends.then_some(ClauseCut::OtherVerb { at: k })
    }

    /// `X says Y promised A and said B`: the speech verb at `v` after `and` at `k` goes with
    /// `Y`, the subject of the reported clause at `c`, when `Y` is a person, group or
    /// organisation and the verb is one of saying with a clause (`and refused to stop` is an
    /// act, and stays in the clause).
    fn clause_subject_speaks(
        &self,
        pi: usize,
        c: usize,
        k: usize,
        v: usize,
        end: usize,
    ) -> Option<ClauseCut> {
        let class = self
            .verb(&self.paras[pi].toks[v])
            .filter(|&class| matches!(class, VerbClass::Say | VerbClass::Tell | VerbClass::That))?;
        let speaker = self.np_after(pi, c, k)?;
        if !self.names_someone(&speaker) {
            return None;
        }
        let clause = self.clause_start(pi, v, class, end)?;
        Some(ClauseCut::ClauseSubject {
            at: k,
            verb: v,
            clause,
            speaker,
        })
    }

    /// Past auxiliaries and adverbs from `k` (`has`, `also`, `later`, `then`): where the
    /// verb they go with is, at most three words on.
    fn skip_auxiliaries(&self, pi: usize, k: usize, end: usize) -> usize {
        let toks = &self.paras[pi].toks;
        let mut v = k;
        while v < end.min(k + 3) && (toks[v].wf(F_AUX) || self.is_adverb(&toks[v])) {
            v += 1;
        }
        v
    }

    /// Whether the verb `other` is in the past tense and the speech verb `speech` in the
    /// present (`say` ... `refused`), or the other way round (`said` ... `refuses`).
    fn tense_differs(&self, speech: &Tok, other: &Tok) -> bool {
        let present = |t: &Tok| matches!(t.w(), "say" | "says") || t.w().ends_with('s');
        let speech_past = speech.looks_past_tense();
        let other_past = other.looks_past_tense();
        (speech_past && !other_past && present(other) && self.verb(other).is_some())
            || (!speech_past && present(speech) && other_past && !present(other))
    }

    /// A clause with its own subject starts at `a`: someone (a pronoun, person, group or
    /// organisation), then, past adverbs, a finite verb (`the union also stepped in`, `she
    /// is promising`).
    fn new_clause_at(&self, pi: usize, a: usize, end: usize) -> bool {
        let toks = &self.paras[pi].toks;
        let Some(np) = self.np_after(pi, a, end) else {
            return false;
        };
        if self.classify(&np).0 == NpClass::Other {
            return false;
        }
        let mut v = np.end;
        while v < end && self.is_adverb(&toks[v]) {
            v += 1;
        }
        toks.get(v).is_some_and(|t| {
            v < end && (t.is_finite_verb_word() || t.looks_past_tense() || self.verb(t).is_some())
        })
    }

    /// `, saying CLAUSE` / `, even suggesting CLAUSE` at the comma `k`: the participle and
    /// where its clause starts.
    fn participle_clause(&self, pi: usize, k: usize, end: usize) -> Option<(usize, usize)> {
        let toks = &self.paras[pi].toks;
        if !toks[k].is_punct(',') || k + 1 >= end {
            return None;
        }
        let mut v = k + 1;
        while v + 1 < end && self.is_adverb(&toks[v]) {
            v += 1;
        }
        let class = self.participle_class(pi, v)?;
        Some((v, self.clause_start(pi, v, class, end)?))
    }

    /// The first `, saying CLAUSE` after `k`, outside quotes, before the clause `end`.
    fn participle_after(&self, pi: usize, k: usize, end: usize) -> Option<(usize, usize)> {
        let qid = &self.paras[pi].qid;
        (k + 1..end)
            .filter(|&m| qid[m] == 0)
            .find_map(|m| self.participle_clause(pi, m, end))
    }

    /// A circumstance of the speaking at `k`, after a noun-phrase complement (`called for more
    /// money in a statement on Thursday`, `attacked her rival during the debate Monday night`):
    /// a preposition before an event or a time, or a time word after a noun.
    fn adjunct_ends(&self, pi: usize, c: usize, k: usize, end: usize) -> bool {
        let p = &self.paras[pi];
        let toks = &p.toks;
        // Not inside a clause (`urged them to vote early on Election Day`), nor before the
        // quoted words of a mixed quote (`called the remarks on Saturday "a wake-up call"`).
        let clause_before = toks[c..k]
            .iter()
            .any(|t| matches!(t.w(), "to" | "that" | "whether") || t.is_finite_verb_word());
        if clause_before || p.qid[k..end].iter().any(|&q| q != 0) {
            return false;
        }
        let t = &toks[k];
        if t.is_time_word() {
            // `attacked her rival Monday`, not `a streak of 71 months`.
            let before = &toks[k - 1];
            return before.is_word()
                && !before.wf(F_PREPOSITION | F_STOP | F_NUMBER_WORD)
                && !before.is_numeral()
                && !t.w().ends_with('s');
        }
        if !matches!(t.w(), "in" | "at" | "during" | "on") {
            return false;
        }
        // `criticized the law as a "crazy system" during a stop in Flint`: after the quoted
        // words, `during` opens the writer's circumstance (`in` may still be the object's).
        if toks[k - 1].is_dq() && t.w() == "during" {
            return true;
        }
        toks[k + 1..]
            .iter()
            .take(4)
            .take_while(|u| u.is_word())
            .any(|u| u.bf(F_EVENT | F_TIME))
    }

    /// Where the writer takes over from the speaker at `k`, a few words into the clause that
    /// starts at `c`: a participle phrase after a comma (`..., meaning it only protected them`,
    /// `..., implicitly putting his name on the line`), or a dash after a noun-phrase complement
    /// (`dismissed Estonia as a "suburb" — a metaphor for ...`).
    fn writer_adds_after(&self, pi: usize, c: usize, k: usize, object_class: bool) -> bool {
        let toks = &self.paras[pi].toks;
        if k < c + 3 {
            return false;
        }
        if object_class && matches!(toks[k].kind, Kind::Punct('—' | '–' | '―')) {
            return true;
        }
        if !toks[k].is_punct(',') {
            return false;
        }
        let mut m = k + 1;
        while m < toks.len() && self.is_adverb(&toks[m]) {
            m += 1;
        }
        toks.get(m).is_some_and(|t| {
            t.is_word()
                && t.w().len() > 5
                && t.w().ends_with("ing")
                && !t.wf(F_PREPOSITION | F_STOP | F_FUNCTION)
                && self.verb(t).is_none()
        })
    }

    /// A closing quote mark at `at` right after a comma (`"...gun,"`).
    fn quote_closed_on_comma(&self, pi: usize, at: usize) -> bool {
        let toks = &self.paras[pi].toks;
        at >= 1 && toks[at].is_dq() && toks[at - 1].is_punct(',')
    }

    /// `Republicans said A and Democrats accused B`: without a comma, a new speaker needs a
    /// person, group or organisation right before a speech verb in the past tense, and `and`
    /// must not join two names (`people such as David and Charles Koch wanted`; in lowercased
    /// text no name qualifies).
    fn speaker_verb_follows(&self, pi: usize, a: usize, end: usize) -> bool {
        let toks = &self.paras[pi].toks;
        if self.cased && toks[a - 2].cap {
            return false;
        }
        let Some(np) = self.np_after(pi, a, end) else {
            return false;
        };
        let verb_follows = toks.get(np.end).is_some_and(|t| {
            np.end < end
                && t.looks_past_tense()
                && self
                    .verb(t)
                    .is_some_and(|c| !matches!(c, VerbClass::QuoteOnly | VerbClass::Evidence))
        });
        // In lowercased text a name after `and` may end a pair of names.
        match self.classify(&np).0 {
            NpClass::Other | NpClass::Pronoun(_) => false,
            NpClass::Name => verb_follows && self.cased,
            _ => verb_follows,
        }
    }

    /// A noun phrase starting at `a` is the subject of a speech verb within eight words.
    fn attribution_starts(&self, pi: usize, a: usize, end: usize) -> bool {
        let toks = &self.paras[pi].toks;
        (a + 1..end.min(a + 9))
            .find(|&v| {
                self.verb(&toks[v])
                    .is_some_and(|c| c != VerbClass::QuoteOnly)
            })
            .and_then(|v| self.subject_before(pi, a, v))
            .is_some_and(|np| np.start == a)
    }

    /// The subject of the verb at `v`; for `X admitted ... but said ...`, the subject of the
    /// sentence's first verb (remembered in `sentence_subject`).
    fn speech_subject(
        &self,
        pi: usize,
        start: usize,
        v: usize,
        sentence_subject: &mut Option<Np>,
    ) -> Option<Np> {
        if let Some(np) = self.subject_before(pi, start, v) {
            let np = self.widen_coordinated_subject(pi, start, np);
            sentence_subject.get_or_insert(np);
            return Some(np);
        }
        let toks = &self.paras[pi].toks;
        // `listeners who said ...`, `an architect, who says ...`: the antecedent.
        if v > start + 1 && toks[v - 1].w() == "who" {
            let mut end = v - 1;
            if toks[end - 1].is_punct(',') {
                end -= 1;
            }
            let (a, b) = self.np_back_plain(pi, start, end)?;
            return Some(Np {
                para: pi,
                start: a,
                end: b,
                role: None,
            });
        }
        // `... and said`, `... but has since said`.
        let mut before_verb = v;
        while before_verb > start + 1
            && (toks[before_verb - 1].wf(F_AUX) || self.is_adverb(&toks[before_verb - 1]))
            && v - before_verb < 3
        {
            before_verb -= 1;
        }
        let coordinated =
            before_verb > start + 1 && matches!(toks[before_verb - 1].w(), "and" | "but" | "also");
        if !coordinated {
            return None;
        }
        if let Some(np) = *sentence_subject {
            return Some(np);
        }
        // `demonstrators, who have taken to the streets and called for ...`: the antecedent
        // of the relative clause the verb is coordinated in.
        if let Some(who) = (start + 1..v).rev().find(|&k| toks[k].w() == "who")
            && let Some(np) = self.relative_clause_antecedent(pi, start, who)
        {
            // `a focal point for demonstrators, who ...`, `the clip angered commuters, who
            // ...`: the people after the last preposition or verb form.
            let after_preposition = (np.start..np.end)
                .rev()
                .find(|&k| toks[k].wf(F_POSTMODIFIER) || toks[k].looks_past_tense())
                .map(|k| Np { start: k + 1, ..np });
            let antecedent = [after_preposition, Some(np)]
                .into_iter()
                .flatten()
                .find(|np| np.start < np.end && self.classify(np).0 != NpClass::Other);
            if antecedent.is_some() {
                return antecedent;
            }
        }
        let np = self.short_initial_subject(pi, start, v)?;
        *sentence_subject = Some(np);
        Some(np)
    }

    /// `Experts on North Korea and nuclear nonproliferation said`: after `and`, a subject that
    /// cannot speak, or that goes on the object of a preposition in the first part, ends a
    /// coordinated subject whose first part can speak.
    fn widen_coordinated_subject(&self, pi: usize, start: usize, np: Np) -> Np {
        let toks = &self.paras[pi].toks;
        if np.start < start + 2 || toks[np.start - 1].w() != "and" {
            return np;
        }
        let Some(first) = self.subject_before(pi, start, np.start - 1) else {
            return np;
        };
        let first_has_object = toks[first.start + 1..first.end]
            .iter()
            .any(|t| t.wf(F_POSTMODIFIER));
        let second_speaks = self.classify(&np).0 != NpClass::Other;
        if self.classify(&first).0 == NpClass::Other {
            return np;
        }
        if second_speaks && !first_has_object {
            return self.widen_to_list(pi, start, first, np);
        }
        Np {
            start: first.start,
            ..np
        }
    }

    /// `The United States, Britain and France support ...`: a list of speakers, the last after
    /// `and`, speaks as one when it has commas; its items are short and each can speak.
    fn widen_to_list(&self, pi: usize, start: usize, before_and: Np, np: Np) -> Np {
        let toks = &self.paras[pi].toks;
        let mut first = before_and;
        while first.start >= start + 2 && toks[first.start - 1].is_punct(',') {
            let Some(item) = self.subject_before(pi, start, first.start - 1) else {
                break;
            };
            if item.end - item.start > 4 || self.classify(&item).0 == NpClass::Other {
                break;
            }
            first = item;
        }
        let after_preposition = first.start > start && toks[first.start - 1].wf(F_PREPOSITION);
        if first.start == before_and.start || after_preposition {
            return np;
        }
        Np {
            start: first.start,
            ..np
        }
    }

    /// `Critics called the scheme ... and said ...`, `The Security Council on Friday made ...
    /// and pledged ...`, `She toured the plant and vowed ...`: a short sentence-initial noun
    /// phrase (a group, organisation, name, role description or personal pronoun) followed,
    /// after any phrase of time or adverb, by a verb in the past tense.
    fn short_initial_subject(&self, pi: usize, start: usize, v: usize) -> Option<Np> {
        let toks = &self.paras[pi].toks;
        let mut e = start;
        while e < v && e - start < 6 && toks[e].is_word() {
            let t = &toks[e];
            let w = t.w();
            let name_part = self.cased && t.cap;
            if e > start && !name_part && (t.looks_past_tense() || w.ends_with("es")) {
                break;
            }
            let adverb = self.is_adverb(t);
            if e > start && (t.wf(F_PREPOSITION | F_TIME | F_AUX) || adverb) && !name_part {
                break;
            }
            e += 1;
        }
        let np = Np {
            para: pi,
            start,
            end: e,
            role: None,
        };
        let first_after = self.skip_time(pi, e, v);
        let mut verb_at = first_after;
        while verb_at < v && (toks[verb_at].wf(F_AUX) || self.is_adverb(&toks[verb_at])) {
            verb_at += 1;
        }
        // After an auxiliary any word is the verb (`have taken`).
        let past = |t: &Tok| t.looks_past_tense() || verb_at > first_after && t.is_word();
        let content_words = !toks[start..e].iter().all(|t| t.wf(F_STOP));
        let speaker = match self.classify(&np).0 {
            NpClass::Pronoun(class) => matches!(class, PronClass::Person | PronClass::Group),
            NpClass::Other => false,
            _ => content_words,
        };
        let ok = e > start && verb_at < v && past(&toks[verb_at]) && speaker;
        ok.then_some(np)
    }

    /// Whether `np` can be the speaker of the verb at `v`: not embedded (`which he said`), not
    /// negated (`could not say`), not table debris, and a person, organisation or group for
    /// verbs other than `say`/`tell`.
    fn plausible_speaker(
        &self,
        pi: usize,
        start: usize,
        np: &Np,
        v: usize,
        class: VerbClass,
    ) -> bool {
        let toks = &self.paras[pi].toks;
        // `the policy that X says ...` reports nothing of its own, but in `a letter in which X
        // argued that ...` the relative clause is whole and X speaks.
        let prepositional_relative = np.start > start + 1
            && matches!(toks[np.start - 1].w(), "which" | "whom")
            && toks[np.start - 2].wf(F_PREPOSITION);
        if np.start > start
            && !prepositional_relative
            && matches!(
                toks[np.start - 1].w(),
                "which" | "that" | "who" | "whom" | "how"
            )
        {
            return false;
        }
        // `X did not say`, but not `X, who said he did not sign, recalled`: the negation counts
        // after the last comma only.
        let negation_from = (np.end..v)
            .rev()
            .find(|&k| toks[k].is_punct(','))
            .map_or(np.end, |k| k + 1);
        if toks[negation_from..v].iter().any(Tok::is_negation) {
            return false;
        }
        // `Bellini's claim that`: a possessive before the word makes it a noun.
        if toks[np.end - 1].possessive() {
            return false;
        }
        let speaker_class = self.classify(np).0;
        // The head noun is the last word before a postmodifier (`a study from 2011`, `a
        // report by the inspector general`).
        let head_end = (np.start + 1..np.end)
            .find(|&k| toks[k].wf(F_POSTMODIFIER) || toks[k].w() == "by")
            .unwrap_or(np.end);
        let head = &toks[head_end - 1];
        match class {
            VerbClass::Object | VerbClass::Intent => speaker_class != NpClass::Other,
            VerbClass::Evidence => {
                head.bf(F_EVENT) || (speaker_class != NpClass::Other && self.that_follows(pi, v))
            }
            _ if speaker_class != NpClass::Other => true,
            // `the statement noted ...`, `the report argues ...`: a document speaks with any
            // verb of saying; not one after a preposition (`in a message posted Friday, X said`).
            VerbClass::Say | VerbClass::That
                if head.bf(F_EVENT)
                    && !(np.start > start && toks[np.start - 1].wf(F_PREPOSITION)) =>
            {
                true
            }
            _ => self.plausible_other_speaker(pi, np, v),
        }
    }

    /// A noun phrase of no known class speaks only with `say`/`tell` (`the report said`) or a
    /// verb followed by `that` (`the website reported that`), never as table debris (`vs 2.50
    /// mln tonnes estimated`), and only when it names something.
    fn plausible_other_speaker(&self, pi: usize, np: &Np, v: usize) -> bool {
        let toks = &self.paras[pi].toks;
        let strong_verb = matches!(
            toks[v].w(),
            "said" | "says" | "say" | "told" | "tells" | "tell" | "saying" | "telling"
        ) || self.that_follows(pi, v);
        let words = &toks[np.start..np.end];
        if !strong_verb || words.iter().any(|t| t.is_numeral() || t.w() == "vs") {
            return false;
        }
        let contentful = words.iter().any(|t| {
            self.name_like(t) || t.bf(F_ROLE | F_ORG | F_GROUP | F_EVENT) || self.place_tok(t)
        });
        !words[0].is_word() || words[0].wf(F_NP_STARTER) || contentful
    }

    /// Whether `np`, after the verb at `v` (`..., noted Smith`), is its speaker rather than its
    /// object (`..., noted the rule in an interview`): a person, organisation or group, or a
    /// phrase that can speak with `said`/`told`.
    fn can_speak_after_verb(&self, pi: usize, np: &Np, v: usize) -> bool {
        self.classify(np).0 != NpClass::Other || self.plausible_other_speaker(pi, np, v)
    }

    /// `that` right after the verb at `v` (after an object for `tell`, and time phrases).
    fn that_follows(&self, pi: usize, v: usize) -> bool {
        let toks = &self.paras[pi].toks;
        let mut c = self.skip_time(pi, v + 1, toks.len());
        if toks.get(c).is_some_and(|t| t.wf(F_PARTICLE)) {
            c += 1;
        }
        toks.get(c).is_some_and(|t| t.w() == "that")
    }

    /// Where the reported clause of the verb at `v` starts, if the words after it are one:
    /// past an object (`tell`), time phrases, `adding`, `that` and punctuation.
    fn clause_start(&self, pi: usize, v: usize, class: VerbClass, end: usize) -> Option<usize> {
        let toks = &self.paras[pi].toks;
        let mut c = v + 1;
        if class == VerbClass::Tell {
            c = self.tell_object(pi, c, end);
        }
        // `pointed out that`, `spoke out that`.
        if c + 1 < end && toks[c].wf(F_PARTICLE) && toks[c + 1].w() == "that" {
            c += 1;
        }
        // `said — on Twitter, as it happens — that ...`: an aside between dashes.
        if c < end
            && toks[c].is_dash()
            && let Some(close) = (c + 2..end.min(c + 12)).find(|&k| toks[k].is_dash())
        {
            c = close + 1;
        }
        // `cautioned, as did the campaign itself, that ...`: an aside between commas.
        if c < end
            && toks[c].is_punct(',')
            && let Some(close) = (c + 2..end.min(c + 12)).find(|&k| toks[k].is_punct(','))
            && toks.get(close + 1).is_some_and(|t| t.w() == "that")
        {
            c = close + 1;
        }
        let that_after_phrase = (class != VerbClass::Object)
            .then(|| self.that_after_phrase(pi, c, end))
            .flatten();
        c = that_after_phrase.unwrap_or_else(|| self.skip_time(pi, c, end));
        if let Some(subject) = self.subject_after_adjunct(pi, c, end) {
            c = subject;
        }
        if c + 1 < end
            && matches!(toks[c].w(), "adding" | "saying" | "noting" | "stressing")
            && toks[c + 1].w() == "that"
        {
            c += 1;
        }
        let has_that = c < end && toks[c].w() == "that";
        if has_that {
            c += 1;
        }
        while c < end && matches!(toks[c].kind, Kind::Punct(',' | ':')) {
            c += 1;
        }
        if end < c + 3 || !(toks[c].is_word() || toks[c].is_dq()) {
            return None;
        }
        // `she said, blaming it on ...`: a participle after a comma has its own complement.
        if toks[c - 1].is_punct(',') && self.lex.participles.contains_key(toks[c].w()) {
            return None;
        }
        if class == VerbClass::Object && c == v + 1 && self.particle_at(pi, c, end) {
            c += 1;
            return self.reads_as_complement(pi, v + 1, c).then_some(c);
        }
        let accepted = has_that
            || match class {
                VerbClass::Say | VerbClass::Evidence => self.may_start_clause(pi, c, end),
                VerbClass::Tell if c > v + 1 && self.may_start_clause(pi, c, end) => true,
                // `told his advisers to find a way`: the object and its infinitive.
                VerbClass::Tell if self.urged_to(pi, v, v + 1, end) => return Some(v + 1),
                VerbClass::Tell => false,
                VerbClass::That => {
                    self.may_start_clause(pi, c, end)
                        && (self.reads_as_clause(pi, c, end) || self.urged_to(pi, v, c, end))
                        || self.gerund_after(pi, v, c)
                        || self.np_object_at(pi, v, c)
                }
                VerbClass::Object => self.reads_as_complement(pi, v, c),
                VerbClass::Intent => {
                    self.infinitive_at(pi, c)
                        || (self.may_start_clause(pi, c, end) && self.reads_as_clause(pi, c, end))
                        || self.object_holds_quote(pi, v, c, end)
                        || self.np_object_at(pi, v, c)
                }
                VerbClass::QuoteOnly => false,
            };
        accepted.then_some(c)
    }

    /// `announced the arrest of a man`, `denied any role`: a noun phrase right after a `that`
    /// or `intent` verb that takes one (`+np` in speech_verbs.txt) is what was said.
    fn np_object_at(&self, pi: usize, v: usize, c: usize) -> bool {
        let toks = &self.paras[pi].toks;
        if !self.lex.np_object_verbs.contains(toks[v].w()) {
            return false;
        }
        let first = &toks[c];
        // (`denied Holm's allegations of fraud`: the owner of a speech noun is its speaker.)
        let owned_speech_noun = toks[c..toks.len().min(c + 5)]
            .windows(2)
            .any(|pair| pair[0].possessive() && pair[1].wf(F_SPEECH_NOUN));
        !owned_speech_noun
            && self.reads_as_complement(pi, v, c)
            && first.is_word()
            && !first.wf(F_PREPOSITION | F_AUX)
            && !self.lex.subordinators.contains(first.w())
    }

    /// Whether the words at `c` after the verb at `v` are a noun phrase of a `+np` verb, not
    /// the clause or infinitive it also takes.
    fn np_object_reading(&self, pi: usize, v: usize, c: usize, end: usize) -> bool {
        let clause = self.may_start_clause(pi, c, end) && self.reads_as_clause(pi, c, end);
        self.np_object_at(pi, v, c)
            && !clause
            && !self.infinitive_at(pi, c)
            && !self.gerund_after(pi, v, c)
    }

    /// `said after the convention he would ...`, `admitted under questioning he had ...`: the
    /// subject pronoun that starts the clause after a short prepositional phrase at `c`.
    fn subject_after_adjunct(&self, pi: usize, c: usize, end: usize) -> Option<usize> {
        let toks = &self.paras[pi].toks;
        if !toks.get(c)?.wf(F_PREPOSITION) {
            return None;
        }
        let k = (c + 2..end.min(c + 8))
            .take_while(|&k| {
                let t = &toks[k - 1];
                t.is_word() && self.verb(t).is_none_or(|c| c == VerbClass::QuoteOnly)
            })
            .find(|&k| self.pron(&toks[k]).is_some() && toks[k].w() != "it")?;
        self.reads_as_clause(pi, k, end).then_some(k)
    }

    /// Whether token `c` can open a reported clause: not a preposition or an interjection
    /// (`said to`, `said goodbye`, `said no.`), though `no` before a noun and a verb is a
    /// determiner (`said no decision had been made`).
    fn may_start_clause(&self, pi: usize, c: usize, end: usize) -> bool {
        let toks = &self.paras[pi].toks;
        let w = toks[c].w();
        if w == "no" {
            let noun_next = toks
                .get(c + 1)
                .is_some_and(|t| t.is_word() && !t.wf(F_PREPOSITION | F_FUNCTION | F_NP_BOUNDARY));
            return noun_next && self.reads_as_clause(pi, c, end);
        }
        // `said about 20 people have ...`: a word before a count (not a year, not a preposition
        // of place or time) approximates it.
        let before_count = toks.get(c + 1).is_some_and(|t| {
            (t.is_numeral() && t.low.len() != 4) || t.wf(F_NUMBER_WORD) && t.w() != "one"
        });
        if !self.lex.not_clause_starts.contains(w) {
            return true;
        }
        before_count && !toks[c].wf(F_PREPOSITION | F_TIME) && self.reads_as_clause(pi, c, end)
    }

    /// `said in a statement that ...`, `says at a rally in Toledo, Ohio, that ...`: where the
    /// `that` is, after a prepositional phrase of at most twelve words starting at `c`, with no verb or
    /// sentence end before it.
    fn that_after_phrase(&self, pi: usize, c: usize, end: usize) -> Option<usize> {
        let toks = &self.paras[pi].toks;
        let preposition = matches!(
            toks.get(c)?.w(),
            "in" | "at"
                | "during"
                | "on"
                | "before"
                | "after"
                | "with"
                | "from"
                | "via"
                | "to"
                | "through"
                | "outside"
                | "inside"
                | "near"
                | "over"
                | "while"
                | "for"
                | "since"
                | "by"
                | "under"
                | "amid"
        );
        if !preposition {
            return None;
        }
        (c + 1..end.min(c + 13))
            .take_while(|&k| {
                let t = &toks[k];
                !(t.is_terminal()
                    || t.is_dq()
                    || t.is_punct(';')
                    || t.is_finite_verb_word()
                    || self.verb(t).is_some())
            })
            .find(|&k| toks[k].w() == "that" && k + 3 < end)
    }

    /// `to` + a verb (`vowed to cut taxes`, `declined not to ...`), not `to` + a number or a
    /// noun phrase (`declined to 1.50 dlrs`, `agreed to the terms`).
    fn infinitive_at(&self, pi: usize, c: usize) -> bool {
        let toks = &self.paras[pi].toks;
        let to = if toks[c].w() == "not" { c + 1 } else { c };
        let (Some(to_tok), Some(verb)) = (toks.get(to), toks.get(to + 1)) else {
            return false;
        };
        let light_verb = matches!(
            verb.w(),
            "be" | "have" | "do" | "make" | "take" | "give" | "go" | "get" | "keep" | "let"
        );
        to_tok.w() == "to"
            && verb.is_word()
            && !verb.low.starts_with(|ch: char| ch.is_ascii_digit())
            && (light_verb || !(verb.wf(F_FUNCTION | F_NP_STARTER | F_TIME) || verb.possessive()))
            && !(self.cased && verb.cap)
    }

    /// `X urged Y to ...`, `X told his aides to ...`: a directive verb of the lexicon, an
    /// object from `c` and `to` before a verb within seven words.
    fn urged_to(&self, pi: usize, v: usize, c: usize, end: usize) -> bool {
        let toks = &self.paras[pi].toks;
        self.lex.directive_verbs.contains(toks[v].w())
            && (c + 1..end.min(c + 7)).any(|k| {
                toks[k].w() == "to"
                    && (self.infinitive_at(pi, k) || toks.get(k + 1).is_some_and(Tok::is_dq))
            })
    }

    /// Words from `c` that read as a finite clause: a subject pronoun first, or an auxiliary
    /// or a form of `be` among the next eight words (`the plan will fail`, `he is wrong`).
    fn reads_as_clause(&self, pi: usize, c: usize, end: usize) -> bool {
        let toks = &self.paras[pi].toks;
        // `he`, `he's`, `there`: a subject pronoun of the lexicon, contracted or not.
        let subject = toks[c].low.split('\'').next().unwrap_or("");
        if self.lex.info(subject).pron.is_some() || subject == "there" {
            return true;
        }
        // (`a video saying the bridge would reopen`: a message and its participle are the
        // verb's object.)
        toks[c + 1..end.min(c + 9)]
            .iter()
            .take_while(|t| t.is_word() && !self.lex.participles.contains_key(t.w()))
            .any(|t| t.is_finite_verb_word())
    }

    /// The class of the `-ing` form at `v` as a verb of its own (`..., saying`): an `object`
    /// verb before one of its particles (`talking about`), else its lemma's class.
    fn participle_class(&self, pi: usize, v: usize) -> Option<VerbClass> {
        if self.own_particle_after(pi, v) {
            return Some(VerbClass::Object);
        }
        self.lex
            .participles
            .get(self.paras[pi].toks[v].w())
            .copied()
    }

    /// One of the verb's own particles right after the verb at `v` (`spoke of`, `pointed to`:
    /// `phrasal_verbs.txt`).
    fn own_particle_after(&self, pi: usize, v: usize) -> bool {
        own_particle_follows(&self.paras[pi].toks, v, self.lex)
    }

    /// A particle of the verb before `c` (`called for a recount`, `railed against the deal`),
    /// not a preposition opening an adjunct (`criticized at a rally`, `on Monday`).
    fn particle_at(&self, pi: usize, c: usize, end: usize) -> bool {
        let toks = &self.paras[pi].toks;
        let own_particle = c > 0 && self.own_particle_after(pi, c - 1);
        if !(toks[c].wf(F_PARTICLE) || own_particle) || c + 2 >= end {
            return false;
        }
        let mut n = c + 1;
        if toks[n].wf(F_DETERMINER) {
            n += 1;
        }
        // A time word before a noun describes it (`spoke of her early talks`).
        let time = toks[n].bf(F_TIME)
            && !toks
                .get(n + 1)
                .is_some_and(|next| next.is_word() && !next.wf(F_PREPOSITION));
        // A verb's own particle takes a place too (`warned against China`); after another
        // particle a place is where it happened (`criticized in Ohio`).
        toks[n].is_word()
            && !toks[n].bf(F_EVENT)
            && !time
            && (own_particle || !self.place_tok(&toks[n]))
    }

    /// The cue of a reported clause starting at `c`: the verb at `v`, with its particle when
    /// the clause starts after one (`called for`).
    fn reported_cue(&self, pi: usize, v: usize, c: usize, clause_end: usize) -> String {
        let toks = &self.paras[pi].toks;
        let particle = toks[v + 1].wf(F_PARTICLE) || self.own_particle_after(pi, v);
        if c == v + 2 && particle && self.verb(&toks[v]).is_some() {
            return format!("{} {}", toks[v].low, toks[v + 1].low);
        }
        self.cue_text(pi, v, clause_end)
    }

    /// The complement of an `object`-class verb: directly after it (no time phrase first), not
    /// a passive agent (`praised by ...`) or a reflexive (`calls itself ...`).
    fn reads_as_complement(&self, pi: usize, v: usize, c: usize) -> bool {
        let first = &self.paras[pi].toks[c];
        // `calls itself ...` names, it does not attribute.
        let reflexive = matches!(
            first.w(),
            "itself" | "himself" | "herself" | "themselves" | "myself" | "ourselves"
        );
        c == v + 1
            && !reflexive
            && !matches!(first.w(), "by" | "out" | "up" | "off" | "back")
            && !first.wf(F_TIME)
    }

    /// `admitted using the tax code`, `denied taking the money`: a gerund right after the verb
    /// at `v` is what was said (not `during`, `nothing`, nor a capitalised name).
    fn gerund_after(&self, pi: usize, v: usize, c: usize) -> bool {
        let t = &self.paras[pi].toks[c];
        c == v + 1
            && t.w().ends_with("ing")
            && t.w().len() > 5
            && !t.wf(F_STOP | F_TIME | F_PREPOSITION)
            && !(self.cased && t.cap)
    }

    /// `is promising lower taxes and "jobs, jobs, jobs"`: a noun-phrase object right after the
    /// verb at `v` that runs, within a few words, into quoted words (a mixed quote).
    fn object_holds_quote(&self, pi: usize, v: usize, c: usize, end: usize) -> bool {
        let p = &self.paras[pi];
        c == v + 1
            && (c..end.min(c + 6))
                .take_while(|&k| p.toks[k].is_word() || p.toks[k].is_dq())
                .any(|k| p.toks[k].is_dq() && p.qid[k] != 0)
    }

    /// `X's claim that CLAUSE`, `X's allegations of ...`: a possessive speaker, a speech noun
    /// from the lexicon, then `that` or `of`.
    fn noun_cue_clause(&self, pi: usize, start: usize, end: usize) -> Option<Raw> {
        let p = &self.paras[pi];
        for k in start..end.saturating_sub(3) {
            let owner = &p.toks[k];
            let noun = &p.toks[k + 1];
            if p.qid[k] != 0 || !owner.possessive() || !noun.wf(F_SPEECH_NOUN) {
                continue;
            }
            if !matches!(p.toks[k + 2].w(), "that" | "of") || end < k + 5 {
                continue;
            }
            let Some((a, b)) = self.possessive_owner(pi, start, k) else {
                continue;
            };
            let np = Np {
                para: pi,
                start: a,
                end: b,
                role: None,
            };
            let named = b - a >= self.min_name_len() && self.name_like(owner);
            if !named && matches!(self.classify(&np).0, NpClass::Other) {
                continue;
            }
            let cue = lower_cow(&self.text[owner.end..noun.end])
                .trim()
                .to_string();
            return Some(self.raw_reported(pi, k + 3, end, np, &cue));
        }
        None
    }

    /// The noun phrase ending with the possessive token `k`: the name it ends (`Marco
    /// Bellini's`), else the plain noun phrase (`the mayor's`).
    fn possessive_owner(&self, pi: usize, start: usize, k: usize) -> Option<(usize, usize)> {
        let toks = &self.paras[pi].toks;
        if !self.name_like(&toks[k]) {
            return self.np_back_plain(pi, start, k + 1);
        }
        let mut a = k;
        while a > start && k - a < 3 && self.name_like(&toks[a - 1]) {
            a -= 1;
        }
        Some((a, k + 1))
    }

    /// A reported [`Raw`] quote for the clause `[a, b)` (punctuation trimmed off its ends).
    pub(super) fn raw_reported(&self, pi: usize, a: usize, b: usize, np: Np, cue: &str) -> Raw {
        let toks = &self.paras[pi].toks;
        let mut a = a;
        let mut b = b;
        while a < b && !toks[a].is_word() && !toks[a].is_dq() {
            a += 1;
        }
        while b > a && matches!(toks[b - 1].kind, Kind::Punct(',' | ';' | ':' | '-')) {
            b -= 1;
        }
        let (s, e) = if a < b {
            (toks[a].start, toks[b - 1].end)
        } else {
            let at = toks[a.min(toks.len() - 1)].start;
            (at, at)
        };
        Raw {
            start: s,
            end: e,
            kind: QuoteKind::Reported,
            cue: cue.to_string(),
            who: Who::Np(np),
            base_conf: 0.85,
            para: pi,
            group: None,
            role_override: String::new(),
        }
    }
}
