//! The pass over paragraphs that runs the attribution stages in order: for each paragraph,
//! its direct quotes (stage 5, with mixed quotes handed to stage 6 whole), then reported speech
//! (stage 6) in the sentences left. Input: a [`Doc`] with its people registered. Output: every
//! [`Raw`] quote of the article in text order, speakers still unresolved.

use super::*;

/// What the pass carries from paragraph to paragraph.
#[derive(Default)]
struct PassState {
    raws: Vec<Raw>,
    /// Reporter sign-offs (`NAME, OUTLET, PLACE.`) found inside quotes: registered as people
    /// once the pass is over.
    signoffs: Vec<(String, String, usize)>,
    /// Multi-paragraph quote groups opened so far (ids start at 1).
    group_count: usize,
    /// The group of a quote left open at the end of the previous paragraph.
    open_group: Option<usize>,
    /// Group id → index of its latest and of its first attributed segment in `raws`.
    group_last: HashMap<usize, usize, FxBuild>,
    group_first_attributed: HashMap<usize, usize, FxBuild>,
    /// The raw quote of the previous paragraph that ends last.
    previous_paragraph_last: Option<usize>,
}

/// What the direct quotes of one paragraph leave for its reported speech.
#[derive(Default)]
struct ParagraphQuotes {
    /// Sentences (token ranges) holding a direct quote: reported speech is looked for only
    /// around it.
    direct_sentences: Vec<(usize, usize)>,
    /// Sentences read whole as one mixed quote: nothing more is looked for in them.
    mixed_sentences: Vec<(usize, usize)>,
    /// Index in `raws` of the paragraph's latest direct quote.
    last_direct: Option<usize>,
}

/// The attribution found for one direct quote.
struct Attribution {
    who: Who,
    cue: String,
    confidence: f32,
    /// A sign-off's role replacing the caption's.
    role_override: String,
    /// First quoted token: after a speaker label (`"WALLACE: ...`), else after the mark.
    start_token: usize,
    /// End of the quoted tokens (exclusive): before a sign-off, else the quote's end.
    end_token: usize,
}

impl<'a> Doc<'a> {
    /// Every raw quote of the article, in text order.
    pub(super) fn extract(&mut self) -> Vec<Raw> {
        let mut state = PassState::default();
        for pi in 0..self.paras.len() {
            let first_raw = state.raws.len();
            if let Some(line) = self.transcript_line(pi) {
                state.raws.push(line);
                state.previous_paragraph_last = Some(first_raw);
                continue;
            }
            let para = self.direct_in_paragraph(pi, &mut state);
            let reported = self.reported_in_paragraph(pi, &para);
            state.raws.extend(reported);
            state.previous_paragraph_last = state
                .raws
                .get(first_raw..)
                .unwrap_or(&[])
                .iter()
                .enumerate()
                .max_by_key(|(_, r)| r.end)
                .map(|(i, _)| first_raw + i);
        }
        self.finish_pass(state)
    }

    /// A transcript line, `PENCE: Well, look, ...`: a paragraph without quote marks opening with
    /// a speaker label (see [`Self::speaker_label`]); the rest of the paragraph is their words.
    fn transcript_line(&self, pi: usize) -> Option<Raw> {
        let p = &self.paras[pi];
        if !p.quotes.is_empty() {
            return None;
        }
        let colon = self.speaker_label(pi, 0)?;
        let first = p.toks.get(colon + 1)?;
        let end = p.toks.last()?;
        Some(Raw {
            start: first.start,
            end: end.end,
            kind: QuoteKind::Direct,
            cue: ":".to_string(),
            who: Who::Np(Np {
                para: pi,
                start: 0,
                end: colon,
                role: None,
            }),
            base_conf: 0.85,
            para: pi,
            group: None,
            role_override: String::new(),
        })
    }

    /// A speaker label at token `from`: one to three words and a colon, then at least four
    /// words. The words are written in capitals (cased text) or name a person of the article.
    /// Returns the colon's index.
    fn speaker_label(&self, pi: usize, from: usize) -> Option<usize> {
        let p = &self.paras[pi];
        let colon = from
            + p.toks
                .get(from..)?
                .iter()
                .take(4)
                .position(|t| t.is_punct(':'))?;
        let name = &p.toks[from..colon];
        let words_after = p.toks[colon + 1..]
            .iter()
            .take_while(|t| !t.is_dq())
            .filter(|t| t.is_word())
            .count();
        if name.is_empty() || words_after < 4 || !name.iter().all(|t| self.name_like(t)) {
            return None;
        }
        let in_capitals = self.cased
            && name.iter().all(|t| {
                let word = &self.text[t.start..t.end];
                word.chars().count() >= 2 && !word.chars().any(char::is_lowercase)
            });
        let last = name.last()?.base();
        let named_person = self.by_part.contains_key(last) || self.by_name.contains_key(last);
        (in_capitals || named_person).then_some(colon)
    }

    /// The direct (and mixed) quotes of paragraph `pi`, pushed onto `state.raws`.
    fn direct_in_paragraph(&self, pi: usize, state: &mut PassState) -> ParagraphQuotes {
        let caption = self.caption(pi);
        let mut para = ParagraphQuotes::default();
        for qi in 0..self.paras[pi].quotes.len() {
            let q = self.paras[pi].quotes[qi];
            let (ss, se) = self.sent_of(pi, q.open);
            // Quotes come in text order: only the latest mixed sentence can hold this one.
            if para.mixed_sentences.last() == Some(&(ss, se)) {
                continue;
            }
            if let Some(mixed) = self.mixed_quote(pi, q, (ss, se)) {
                para.mixed_sentences.push((ss, se));
                state.raws.extend(mixed);
                continue;
            }
            let group = if q.continued { state.open_group } else { None };
            let Some(found) = self.attribute_direct(pi, qi, caption.as_ref(), group, state, &para)
            else {
                continue;
            };
            self.push_direct(pi, q, group, found, state, &mut para);
        }
        para
    }

    /// A quote inside a clause (`X said the deal was "reckless"`): the sentence's reported
    /// speech, when a clause of it holds the quote, is the quote (kept whole, quoted words
    /// inside), with the other attributions of the sentence.
    fn mixed_quote(&self, pi: usize, q: QSpan, sentence: (usize, usize)) -> Option<Vec<Raw>> {
        let toks = &self.paras[pi].toks;
        // A word other than a speech verb before the quote, and no `X said (that)` right
        // before it (`a message that "..."` is inside a clause; `he said that "..."` is not).
        let words_before = q.open.checked_sub(1).is_some_and(|k| {
            let before = &toks[k];
            before.is_word()
                && self.verb(before).is_none()
                && (before.w() != "that"
                    || self.attr_before(pi, sentence.0, q.open, true).is_none())
        });
        // Words go on after the closing mark, and they are not an attribution (`"...," he said`).
        // (A quote ending its sentence, `adding "This is unfair." The committee ...`, is not.)
        let words_after = q.close.is_some_and(|c| {
            let ends_sentence = toks[c - 1].is_terminal() || c + 1 >= sentence.1;
            !ends_sentence
                && toks
                    .get(c + 1)
                    .is_some_and(|t| t.is_word() && t.w() != "according")
                && !self.verb_soon(pi, c + 1, 4)
        });
        if !(words_before || words_after) || q.continued {
            return None;
        }
        let quote_start = toks.get(q.open + 1).map_or(toks[q.open].end, |t| t.start);
        let found = self.reported_in_sentence(pi, sentence.0, sentence.1);
        let holds_quote = |raw: &Raw| raw.start <= toks[q.open].start && raw.end >= quote_start;
        found.iter().any(holds_quote).then_some(found)
    }

    /// Who said the direct quote `qi` of paragraph `pi`, or `None` when it is not a quote
    /// (scare quotes, titles, words cited without a cue).
    fn attribute_direct(
        &self,
        pi: usize,
        qi: usize,
        caption: Option<&((usize, usize), String)>,
        group: Option<usize>,
        state: &mut PassState,
        para: &ParagraphQuotes,
    ) -> Option<Attribution> {
        let p = &self.paras[pi];
        let q = p.quotes[qi];
        let words = p.toks[q.open + 1..q.end]
            .iter()
            .filter(|t| t.is_word())
            .count();
        if words == 0 {
            return None;
        }
        let short = words <= 3 && !q.continued;
        let mut found = Attribution {
            who: Who::None,
            cue: String::new(),
            confidence: 0.95,
            role_override: String::new(),
            start_token: q.open + 1,
            end_token: q.end,
        };
        // A transcript quoted whole: `"WALLACE: But, governor, ...`.
        if let Some(colon) = self.speaker_label(pi, q.open + 1).filter(|&c| c < q.end) {
            found.who = Who::Np(Np {
                para: pi,
                start: q.open + 1,
                end: colon,
                role: None,
            });
            found.cue = ":".to_string();
            found.confidence = 0.85;
            found.start_token = colon + 1;
        }
        if matches!(found.who, Who::None)
            && qi == 0
            && !short
            && let Some((name, role)) = caption.cloned()
        {
            found.who = Who::Caption { name, role };
            found.cue = "caption".to_string();
            found.confidence = 0.85;
        }
        self.take_signoff(pi, q, &mut found, state);
        if matches!(found.who, Who::None)
            && let Some((np, cue)) = self
                .cue_beside(pi, q, short)
                .or_else(|| self.cue_ending_previous_paragraph(pi, q))
        {
            found.who = Who::Np(np);
            found.cue = cue;
        }
        if matches!(found.who, Who::None) {
            if short {
                found.who = self.short_quote_after_quote(pi, q, para)?;
                found.confidence = 0.6;
            } else {
                self.attribute_from_context(pi, q, group, state, para, &mut found)?;
            }
        }
        if q.close.is_none() && !q.continues {
            found.confidence *= 0.8;
        }
        Some(found)
    }

    /// A reporter's sign-off ending the quote: registered later, and cut off the quote.
    fn take_signoff(&self, pi: usize, q: QSpan, found: &mut Attribution, state: &mut PassState) {
        let p = &self.paras[pi];
        let Some((at, name, role)) = self.signoff(pi, q.open + 1, q.end) else {
            return;
        };
        if let Who::Caption { name: (ns, ne), .. } = &found.who
            && lower_cow(&self.text[*ns..*ne]) == lower_cow(&name)
        {
            found.role_override = role.clone();
        }
        state.signoffs.push((name, role, p.toks[at].start));
        found.end_token = at;
    }

    /// A speech verb right next to the quote: `X said: "..."` before it, or `"...," X said`
    /// after it. A short quote (three words or fewer) needs its own closing punctuation for a
    /// cue after it (`"We won," she said`).
    fn cue_beside(&self, pi: usize, q: QSpan, short: bool) -> Option<(Np, String)> {
        let p = &self.paras[pi];
        let (o, inner_end) = (q.open, q.end);
        let last_inner = inner_end
            .checked_sub(1)
            .filter(|&k| k > o)
            .map(|k| &p.toks[k]);
        let inner_terminal = last_inner.is_some_and(|t| t.is_terminal());
        let inner_comma =
            last_inner.is_some_and(|t| matches!(t.kind, Kind::Punct(',' | '!' | '?')));
        let (ss, _) = self.sent_of(pi, o);
        if let Some(found) = self.attr_before(pi, ss, o, true) {
            return Some(found);
        }
        if short && !(inner_terminal || inner_comma) {
            return None;
        }
        let close = q.close?;
        self.attr_after(pi, close, inner_terminal && !inner_comma)
    }

    /// `The Times reports:` ending the paragraph before one that opens with the quote.
    fn cue_ending_previous_paragraph(&self, pi: usize, q: QSpan) -> Option<(Np, String)> {
        let opens_paragraph = !self.paras[pi].toks[..q.open].iter().any(|t| t.is_word());
        let previous = pi.checked_sub(1).filter(|_| opens_paragraph)?;
        let colon = self.paras[previous].toks.len().checked_sub(1)?;
        if !self.paras[previous].toks[colon].is_punct(':') {
            return None;
        }
        let (sentence_start, _) = self.sent_of(previous, colon);
        self.attr_before(previous, sentence_start, colon, true)
    }

    /// `"A," he said. "B."`: a short quote standing alone right after a quote of the paragraph
    /// takes that quote's speaker.
    fn short_quote_after_quote(&self, pi: usize, q: QSpan, para: &ParagraphQuotes) -> Option<Who> {
        let toks = &self.paras[pi].toks;
        let last = para.last_direct?;
        let inner_terminal = q.end > q.open + 1 && toks[q.end - 1].is_terminal();
        let alone_before = q.open == 0 || !toks[q.open - 1].is_word();
        let alone_after = q
            .close
            .is_none_or(|c| toks.get(c + 1).is_none_or(|t| !t.is_word()));
        (inner_terminal && alone_before && alone_after).then_some(Who::SameAs(last))
    }

    /// A longer quote without a cue beside it: a speech verb earlier in the sentence, else the
    /// speaker of the previous quote or paragraph, else the nearest person. `None` for scare
    /// quotes and titles.
    fn attribute_from_context(
        &self,
        pi: usize,
        q: QSpan,
        group: Option<usize>,
        state: &PassState,
        para: &ParagraphQuotes,
        found: &mut Attribution,
    ) -> Option<()> {
        let p = &self.paras[pi];
        let o = q.open;
        let words = p.toks[o + 1..q.end].iter().filter(|t| t.is_word()).count();
        let inner_terminal = q.end > o + 1 && p.toks[q.end - 1].is_terminal();
        let (ss, _) = self.sent_of(pi, o);
        if let Some((np, cue)) = self.attr_before(pi, ss, o, false) {
            let embedded = o > 0 && p.toks[o - 1].is_word();
            if self.looks_like_title(pi, q, words) || (embedded && words <= 5 && !inner_terminal) {
                return None;
            }
            found.who = Who::Np(np);
            found.cue = cue;
            found.confidence = 0.85;
            return Some(());
        }
        // Scare quotes and titles: short, embedded in a sentence, no cue.
        let prev_word = o > 0 && p.toks[o - 1].is_word();
        let next_word = q
            .close
            .is_some_and(|c| p.toks.get(c + 1).is_some_and(|t| t.is_word()));
        let embedded = prev_word || (next_word && !inner_terminal);
        if !q.continued && ((embedded && words <= 8) || (words <= 5 && !inner_terminal)) {
            return None;
        }
        found.confidence = 0.6;
        found.who = self
            .inherited_speaker(pi, q, group, state, para)
            .unwrap_or_else(|| {
                found.confidence = 0.5;
                Who::Context(p.toks[o].start, p.toks.last().map_or(0, |t| t.end))
            });
        Some(())
    }

    /// A cased quote whose words are all capitalised (`"The Day After"`) is a title.
    fn looks_like_title(&self, pi: usize, q: QSpan, words: usize) -> bool {
        let inner = &self.paras[pi].toks[q.open + 1..q.end];
        self.cased
            && words >= 2
            && !inner
                .last()
                .is_some_and(|t| matches!(t.kind, Kind::Punct(_)))
            && inner.iter().filter(|t| t.is_word()).all(|t| {
                t.cap
                    || matches!(
                        t.w(),
                        "of" | "the"
                            | "a"
                            | "an"
                            | "and"
                            | "in"
                            | "on"
                            | "to"
                            | "for"
                            | "at"
                            | "with"
                            | "or"
                    )
            })
    }

    /// The speaker a quote without a cue inherits: its multi-paragraph group's, the previous
    /// quote's in the paragraph, or (a paragraph opening with the quote) the previous
    /// paragraph's last speaker when that paragraph ends with its quote.
    fn inherited_speaker(
        &self,
        pi: usize,
        q: QSpan,
        group: Option<usize>,
        state: &PassState,
        para: &ParagraphQuotes,
    ) -> Option<Who> {
        if let Some(&k) = group.and_then(|g| state.group_last.get(&g)) {
            return Some(Who::SameAs(k));
        }
        if let Some(k) = para.last_direct {
            return Some(Who::SameAs(k));
        }
        let toks = &self.paras[pi].toks;
        let opens_paragraph = toks[..q.open].iter().all(|t| !t.is_word());
        let k = state
            .previous_paragraph_last
            .filter(|_| opens_paragraph && pi > 0)?;
        let r = &state.raws[k];
        let previous = &self.paras[pi - 1];
        let last_sentence = previous.sents.last().map_or(0, |s| s.0);
        let last_sentence_byte = previous.toks.get(last_sentence).map_or(0, |t| t.start);
        (r.para + 1 == pi && r.end >= last_sentence_byte).then_some(Who::SameAs(k))
    }

    /// Records an attributed direct quote: its span, group and sentences.
    fn push_direct(
        &self,
        pi: usize,
        q: QSpan,
        group: Option<usize>,
        found: Attribution,
        state: &mut PassState,
        para: &mut ParagraphQuotes,
    ) {
        let toks = &self.paras[pi].toks;
        let mut a = found.start_token;
        let mut b = found.end_token;
        while b > a && toks[b - 1].is_dq() {
            b -= 1;
        }
        while a < b && toks[a].is_dq() {
            a += 1;
        }
        if a >= b {
            return;
        }
        let group = if q.continues || q.continued {
            Some(group.unwrap_or_else(|| {
                state.group_count += 1;
                state.group_count
            }))
        } else {
            None
        };
        if q.continues {
            state.open_group = group;
        }
        para.direct_sentences.push(self.sent_of(pi, q.open));
        if let Some(c) = q.close {
            para.direct_sentences.push(self.sent_of(pi, c));
        }
        let index = state.raws.len();
        para.last_direct = Some(index);
        if let Some(g) = group {
            state.group_last.insert(g, index);
            if matches!(found.who, Who::Np(_) | Who::Caption { .. }) {
                state.group_first_attributed.entry(g).or_insert(index);
            }
        }
        state.raws.push(Raw {
            start: toks[a].start,
            end: toks[b - 1].end,
            kind: QuoteKind::Direct,
            cue: found.cue,
            who: found.who,
            base_conf: found.confidence,
            para: pi,
            group,
            role_override: found.role_override,
        });
    }

    /// Reported speech in the sentences of paragraph `pi` without a direct quote; around a
    /// direct quote, only `X said CLAUSE, adding: "..."` and `"...," X said, adding that CLAUSE`.
    fn reported_in_paragraph(&self, pi: usize, para: &ParagraphQuotes) -> Vec<Raw> {
        let p = &self.paras[pi];
        // Sentences and both lists are in text order (quotes are pushed in order, each its
        // opening then its closing sentence): one walk over each.
        let direct = &para.direct_sentences;
        let (mut next_direct, mut next_mixed) = (0, 0);
        let mut reported = Vec::new();
        for &(ss, se) in &p.sents {
            while direct.get(next_direct).is_some_and(|d| d.1 <= ss) {
                next_direct += 1;
            }
            while para
                .mixed_sentences
                .get(next_mixed)
                .is_some_and(|m| m.0 < ss)
            {
                next_mixed += 1;
            }
            if para.mixed_sentences.get(next_mixed) == Some(&(ss, se)) {
                continue;
            }
            let has_direct = direct
                .get(next_direct..)
                .unwrap_or(&[])
                .iter()
                .take_while(|d| d.0 < se)
                .any(|d| ss < d.1);
            if has_direct {
                reported.extend(self.reported_around_direct(pi, ss, se));
            } else {
                let found = self.reported_in_sentence(pi, ss, se);
                reported.extend(found.into_iter().filter(|r| r.end > r.start));
            }
        }
        reported
    }

    /// Reported speech in a sentence that also holds a direct quote.
    fn reported_around_direct(&self, pi: usize, ss: usize, se: usize) -> Vec<Raw> {
        let p = &self.paras[pi];
        let mut out = Vec::new();
        // `X said CLAUSE, adding: "..."`: the clause before the participle.
        let participle = (ss + 1..se).find(|&k| {
            p.qid[k] == 0
                && p.toks[k - 1].is_punct(',')
                && matches!(p.toks[k].w(), "adding" | "saying")
        });
        let first_quote = (ss..se).find(|&k| p.qid[k] != 0).unwrap_or(se);
        // `She said CLAUSE, and when pressed, she replied, "..."`: the clause before a
        // coordinated clause that holds the quote.
        let coordinated = || {
            (ss + 4..first_quote).rev().find(|&k| {
                p.toks[k].is_punct(';')
                    || p.toks[k].is_punct(',')
                        && p.toks
                            .get(k + 1)
                            .is_some_and(|t| matches!(t.w(), "and" | "but"))
            })
        };
        // `When X noted that A, Y boasted, "..."`: the fronted clause before the quote's
        // attribution.
        let fronted = || {
            let opens_fronted = self.lex.fronted_subordinators.contains(p.toks[ss].w());
            opens_fronted
                .then(|| {
                    (ss + 4..first_quote).find(|&k| p.toks[k].is_punct(',') || p.toks[k].is_dash())
                })
                .flatten()
        };
        if let Some(k) = participle
            .filter(|&k| k < first_quote)
            .map(|k| k - 1)
            .or_else(coordinated)
            .or_else(fronted)
        {
            let found = self.reported_in_sentence(pi, ss, k);
            out.extend(found.into_iter().take(1).filter(|r| r.end > r.start));
        }
        // `"...," he said, adding that ...`: reported speech after the last closing mark.
        let last_quote = (ss..se).rev().find(|&k| p.qid[k] != 0);
        if let Some(lq) = last_quote.filter(|&lq| lq + 4 < se) {
            let mut after = self.reported_in_sentence(pi, lq + 1, se);
            if after.is_empty() && first_quote > ss + 1 {
                // `X said: "...," adding that ...`: the participle has no subject of its own.
                after = self.participle_after_quote(pi, ss, first_quote, lq, se);
            }
            out.extend(after.into_iter().filter(|r| {
                let clause = &self.text[r.start..r.end];
                let first = clause.split_whitespace().next().unwrap_or("");
                r.end > r.start && clause.split_whitespace().count() >= 4 && !first.ends_with("ing")
            }));
        }
        out
    }

    /// Multi-paragraph groups take their attributed segment's speaker, sign-offs become
    /// people, and the raws are sorted into text order (their `SameAs` links renumbered).
    fn finish_pass(&mut self, state: PassState) -> Vec<Raw> {
        let PassState {
            mut raws,
            signoffs,
            group_first_attributed,
            ..
        } = state;
        for r in &mut raws {
            let Some(g) = r.group else { continue };
            if matches!(r.who, Who::Context(..) | Who::None)
                && let Some(&k) = group_first_attributed.get(&g)
            {
                r.who = Who::SameAs(k);
            }
        }
        for (name, role, pos) in signoffs {
            self.add_person(&name, &role, pos);
        }
        // A stable sort of (original index, raw) pairs: the raws move, no copies.
        let mut indexed: Vec<(usize, Raw)> = raws.into_iter().enumerate().collect();
        indexed.sort_by_key(|(_, r)| (r.start, r.end));
        let mut new_position = vec![0; indexed.len()];
        for (n, (o, _)) in indexed.iter().enumerate() {
            new_position[*o] = n;
        }
        let mut sorted: Vec<Raw> = indexed.into_iter().map(|(_, r)| r).collect();
        for r in &mut sorted {
            if let Who::SameAs(k) = &mut r.who {
                *k = new_position.get(*k).copied().unwrap_or(*k);
            }
        }
        sorted
    }
}
