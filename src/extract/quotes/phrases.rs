//! Stage 3: noun phrases. Finds the speaker phrase around a speech verb ([`Np`]: a token range
//! and an optional role) and classifies it ([`NpClass`]: pronoun, name, role description,
//! organisation, group).

use super::*;

/// A speaker noun phrase (token range in a paragraph), with an optional role segment.
#[derive(Clone, Copy, Debug)]
pub(super) struct Np {
    /// Paragraph index.
    pub(super) para: usize,
    /// First token of the phrase.
    pub(super) start: usize,
    /// Token after the phrase.
    pub(super) end: usize,
    pub(super) role: Option<(usize, usize)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NpClass {
    Pronoun(PronClass),
    Name,
    RoleDesc,
    Org,
    Group,
    Other,
}

pub(super) const MAX_NP: usize = 10;

impl<'a> Doc<'a> {
    /// A plain noun phrase ending just before `end`, not before `lo`.
    pub(super) fn np_back_plain(&self, pi: usize, lo: usize, end: usize) -> Option<(usize, usize)> {
        let p = &self.paras[pi];
        if end <= lo || end > p.toks.len() {
            return None;
        }
        let last = &p.toks[end - 1];
        if !last.is_word() {
            return None;
        }
        if self.pron(last).is_some() {
            return Some((end - 1, end));
        }
        let mut a = end;
        let mut hit_boundary = false;
        while a > lo {
            let t = &p.toks[a - 1];
            // `Standard and Poor's Corp`: `and` inside a cased company name.
            let and_in_name = self.cased
                && t.w() == "and"
                && a >= lo + 2
                && p.toks[end - 1].bf(F_ORG)
                && p.toks[a - 2].cap
                && p.toks[a].cap;
            let ok = match t.kind {
                Kind::Word => {
                    and_in_name
                        || !(t.wf(F_NP_BOUNDARY)
                            || self.pron(t).is_some()
                            || self.verb(t).is_some())
                }
                Kind::Punct('&') => true,
                _ => false,
            };
            if !ok {
                hit_boundary = true;
                break;
            }
            a -= 1;
            if end - a > 2 * MAX_NP {
                break;
            }
        }
        let _ = hit_boundary;
        if let Some(subject) = self.subject_after_opening_phrase(pi, lo, a, end) {
            return Some(subject);
        }
        if end - a > MAX_NP {
            return None;
        }
        // Trim leading words that cannot start a noun phrase.
        while a < end {
            let t = &p.toks[a];
            let trim = !t.is_word()
                || (t.bf(F_STOP) && !t.bf(F_NP_STARTER | F_GROUP | F_ROLE | F_ORG | F_TITLE))
                || t.bf(F_TIME);
            if !trim {
                break;
            }
            a += 1;
        }
        if a >= end {
            return None;
        }
        // A courtesy title starts the name: `during his time ... mr sullivan` → `mr sullivan`.
        if let Some(k) = (a + 1..end)
            .rev()
            .find(|&k| p.toks[k].wf(F_TITLE) && k + 1 < end)
        {
            a = k;
        }
        self.head_can_speak(pi, a, end).then_some((a, end))
    }

    /// `in an interview with the Post Trump said`, `during the rally ortiz said`: a run of
    /// words `[a, end)` right before a verb, opened by a preposition at the start of the
    /// sentence (`lo`) or of a clause, is an adverbial phrase; the subject is the name that
    /// ends it (with a title before it).
    fn subject_after_opening_phrase(
        &self,
        pi: usize,
        lo: usize,
        a: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
        let toks = &self.paras[pi].toks;
        let opened = |k: usize| toks[k].wf(F_PREPOSITION) && (k == lo || toks[k - 1].is_punct(','));
        let before_verb = toks.get(end).is_some_and(|t| t.is_word());
        if !before_verb || !(opened(a) || a > lo && opened(a - 1)) {
            return None;
        }
        let mut s = end;
        while s > a + 1 && end - s < 4 {
            let t = &toks[s - 1];
            if !self.name_like(t) || t.bf(F_ORG | F_MEDIA) {
                break;
            }
            s -= 1;
        }
        while s > a + 1 && toks[s - 1].wf(F_TITLE) {
            s -= 1;
        }
        (s < end && s > a + 1).then_some((s, end))
    }

    /// Whether the phrase `[a, end)` ends in a head that can speak: not a verb form (`has
    /// denied`), and a noun, a name or a surname rather than a common word (`... more than
    /// said`).
    fn head_can_speak(&self, pi: usize, a: usize, end: usize) -> bool {
        let p = &self.paras[pi];
        let ht = &p.toks[end - 1];
        let head = ht.base();
        // `has denied`: a verb, not a noun-phrase head.
        if end - 1 > a
            && head.ends_with("ed")
            && !self.name_like(&p.toks[end - 1])
            && matches!(p.toks[end - 2].w(), "has" | "have" | "had" | "was" | "were")
        {
            return false;
        }

        if self.is_share(&p.toks[a..end]) {
            return true;
        }
        // `analysts in the region`: the head is before the modifier, not the word at the end.
        if let Some(m) = (a + 1..end - 1).find(|&k| p.toks[k].wf(F_POSTMODIFIER)) {
            let head = &p.toks[m - 1];
            let plural = looks_plural(head.low) && !head.bf(F_STOP);
            if plural || head.bf(F_GROUP | F_ROLE | F_ROLE_PLURAL | F_ORG | F_MEDIA) {
                return true;
            }
        }
        // A common word after a name is a surname (`joan price`, `gordon brown`).
        let after_name = end - 1 > a && self.name_like(&p.toks[end - 2]) && !ht.bf(F_FUNCTION);
        // (`the united states`: a common word that ends a place name.)
        let nounish = ht.bf(F_GROUP | F_ORG | F_ROLE | F_MEDIA)
            || self.name_like(&p.toks[end - 1])
            || after_name
            || self.place_tok(ht);
        if ht.bf(F_STOP) && !nounish {
            // `... more than said`: the word before the verb is not a noun-phrase head.
            if !self.lex.common_speaking_heads.contains(head) {
                return false;
            }
        }
        true
    }

    /// Subject of the verb at `v` (searching back to `lo`), with an apposition role if any.
    pub(super) fn subject_before(&self, pi: usize, lo: usize, v: usize) -> Option<Np> {
        let p = &self.paras[pi];
        let j = self.skip_adverbs_back(pi, lo, v);
        if j <= lo {
            return None;
        }
        // Passive: `he was told`, `is said to`.
        if matches!(
            p.toks[j - 1].w(),
            "was" | "were" | "is" | "are" | "be" | "been" | "being"
        ) {
            return None;
        }
        if p.toks[j - 1].is_punct(',') {
            return self.appositive_subject(pi, lo, j - 1);
        }
        // `X, the chief of Y -- the company that owns Z's show -- told`: the aside between
        // dashes is skipped, and the first dash closes the apposition like a comma would.
        if p.toks[j - 1].is_dash()
            && let Some(d1) = self.opening_dash(pi, lo, j - 1)
        {
            return self.subject_ending_at_comma(pi, lo, d1);
        }
        if p.toks[j - 1].w() == "who" {
            return self.relative_clause_antecedent(pi, lo, j - 1);
        }
        if p.toks[j - 1].w() == "to" {
            return self.governing_verb_subject(pi, lo, j - 1);
        }
        if p.toks[j - 1].is_punct('%') {
            return self.share_before(pi, lo, j);
        }
        self.plain_subject(pi, lo, self.skip_parenthesis_back(pi, lo, j))
    }

    /// `26% say ...`: the share ending in a percent sign at `j - 1` (a noun phrase read back
    /// from a verb stops at punctuation).
    fn share_before(&self, pi: usize, lo: usize, j: usize) -> Option<Np> {
        let toks = &self.paras[pi].toks;
        let mut a = j - 1;
        while a > lo && (toks[a - 1].wf(F_SHARE) || toks[a - 1].is_numeral()) {
            a -= 1;
        }
        while a < j && toks[a].wf(F_STOP) && !toks[a].wf(F_NUMBER_WORD) {
            a += 1;
        }
        self.is_share(&toks[a..j]).then_some(Np {
            para: pi,
            start: a,
            end: j,
            role: None,
        })
    }

    /// `X went on to say`, `X took to Twitter to say`: the subject of the past-tense verb
    /// governing the infinitive whose `to` is at `to`. Not after an intention verb (`declined
    /// to say` says nothing).
    fn governing_verb_subject(&self, pi: usize, lo: usize, to: usize) -> Option<Np> {
        let toks = &self.paras[pi].toks;
        let g = (to.saturating_sub(4).max(lo)..to)
            .rev()
            .find(|&k| toks[k].looks_past_tense() && !(self.cased && toks[k].cap))?;
        if self.verb(&toks[g]) == Some(VerbClass::Intent) {
            return None;
        }
        self.subject_before(pi, lo, g)
    }

    /// `democrats on capitol hill, who have argued that ...`, `economists who argue that ...`:
    /// the noun phrase before the relative pronoun at `who` speaks (`mcconnell, the majority
    /// leader, who said`: the name before the description).
    pub(super) fn relative_clause_antecedent(
        &self,
        pi: usize,
        lo: usize,
        who: usize,
    ) -> Option<Np> {
        let p = &self.paras[pi];
        let end = if who > lo && p.toks[who - 1].is_punct(',') {
            who - 1
        } else {
            who
        };
        self.plain_subject(pi, lo, self.skip_parenthesis_back(pi, lo, end))
    }

    /// Back from the verb at `v` over auxiliaries, adverbs and time phrases (`has also`,
    /// `didn't`, `cynically`, `just this month`, `on Friday`): where the subject ends.
    fn skip_adverbs_back(&self, pi: usize, lo: usize, v: usize) -> usize {
        let toks = &self.paras[pi].toks;
        let mut j = v;
        while j > lo && toks[j - 1].is_word() {
            let t = &toks[j - 1];
            // `who in 2010 said`.
            let year = j - 1 > lo
                && toks[j - 2].w() == "in"
                && t.low.len() == 4
                && t.low.bytes().all(|c| c.is_ascii_digit());
            let time_word = year || t.wf(F_TIME) && !matches!(t.w(), "may" | "march");
            let negated_aux = t.w().ends_with("n't");
            if !(t.wf(F_AUX) || negated_aux || t.looks_ly_adverb(self.cased) || time_word) {
                break;
            }
            j -= 1;
            // `on Friday`, `last week`: the word that opens the time phrase.
            if time_word
                && j > lo
                && matches!(
                    toks[j - 1].w(),
                    "on" | "in" | "last" | "this" | "next" | "earlier"
                )
            {
                j -= 1;
            }
        }
        j
    }

    /// The first dash of the dash (or dashes, `--`) opening the aside that the dash at `close`
    /// ends, within the sentence and 30 tokens.
    fn opening_dash(&self, pi: usize, lo: usize, close: usize) -> Option<usize> {
        let toks = &self.paras[pi].toks;
        let mut k = close;
        while k > lo && toks[k - 1].is_dash() {
            k -= 1;
        }
        let mut d = (k.saturating_sub(30).max(lo)..k)
            .rev()
            .take_while(|&i| !(toks[i].is_terminal() || toks[i].is_dq()))
            .find(|&i| toks[i].is_dash())?;
        while d > lo && toks[d - 1].is_dash() {
            d -= 1;
        }
        (d > lo).then_some(d)
    }

    /// `Rep. Gwen Moore (D-Wis.)`: the end of a noun phrase before a parenthesis that ends at
    /// `end` (else `end`).
    fn skip_parenthesis_back(&self, pi: usize, lo: usize, end: usize) -> usize {
        let toks = &self.paras[pi].toks;
        if end <= lo || !toks[end - 1].is_punct(')') {
            return end;
        }
        (lo..end - 1)
            .rev()
            .take(10)
            .find(|&k| toks[k].is_punct('('))
            .filter(|&k| k > lo)
            .unwrap_or(end)
    }

    /// `X, the role of Y, said` / `X, who heads Y, said` / `X, 45, said` / `The BBC's
    /// correspondent, Rachel Harvey, told`: the comma before the verb is `c2`.
    fn appositive_subject(&self, pi: usize, lo: usize, c2: usize) -> Option<Np> {
        let p = &self.paras[pi];
        // `Johnnie Walsh, 61, of Dayton, Ohio, said`: the age and home town are skipped.
        let before_origin = self.skip_age_and_origin_back(pi, lo, c2);
        if before_origin < c2 {
            let np = self.subject_ending_at_comma(pi, lo, before_origin)?;
            let origin = (before_origin + 1, c2);
            return Some(Np {
                role: np.role.or(Some(origin)),
                ..np
            });
        }
        let stop = c2.saturating_sub(32).max(lo);
        let c1 = (stop..c2)
            .rev()
            .take_while(|&k| {
                !(p.toks[k].is_terminal() && !abbreviation_stop(&p.toks, k) || p.toks[k].is_dq())
            })
            .find(|&k| p.toks[k].is_punct(','))?;
        if c1 + 1 >= c2 {
            return None;
        }
        let first = &p.toks[c1 + 1];
        // `Clinton, for her part, said`: the speaker is before the aside.
        if self.lex.aside_openers.contains(first.w()) {
            return self.subject_ending_at_comma(pi, lo, c1);
        }
        let role_ok = first.wf(F_NP_STARTER)
            || matches!(first.w(), "who" | "which")
            || first.looks_party_label()
            || first.w().ends_with("ing")
            || first.possessive()
            || first.low.chars().all(|c| c.is_ascii_digit())
            || (first.w() == "one" && p.toks[c1 + 2].w() == "of")
            || p.toks[c1 + 1..c2]
                .iter()
                .take(4)
                .any(|t| t.bf(F_ROLE_HEAD) || t.bf(F_ORG));
        // `Schiff, 56, of Burbank, who ...`: the age and home town belong to the name before.
        let before = self.skip_age_and_origin_back(pi, lo, self.skip_parenthesis_back(pi, lo, c1));
        if !role_ok {
            // `The BBC's correspondent in Jakarta, Rachel Harvey, told ...`, `The minister, Mr.
            // Luis Ortega, argues ...` (courtesy titles before the name).
            let name = (c1 + 1..c2).find(|&k| !p.toks[k].wf(F_TITLE)).unwrap_or(c2);
            if name < c2 && c2 - name <= 4 && self.name_run(p, name, c2) == c2 {
                return Some(Np {
                    para: pi,
                    start: name,
                    end: c2,
                    role: self.np_back_plain(pi, lo, before),
                });
            }
            return None;
        }
        let (a, b) = self.np_back_plain(pi, lo, before)?;
        // `X, the attorney general of Nevada, one of the states suing, said`: two appositions;
        // the name before the first speaks, and the first is the role.
        if let Some(name) = self.name_before_description(pi, lo, a, b) {
            return Some(name);
        }
        Some(Np {
            para: pi,
            start: a,
            end: b,
            role: Some((c1 + 1, c2)),
        })
    }

    /// The speaker phrase ending at the comma (or dash) at `comma`: with an apposition of its
    /// own, or plain.
    fn subject_ending_at_comma(&self, pi: usize, lo: usize, comma: usize) -> Option<Np> {
        self.appositive_subject(pi, lo, comma)
            .or_else(|| self.plain_subject(pi, lo, comma))
    }

    /// `X, 56, of Dayton, Ohio,` with `comma` the comma after the last segment: the comma
    /// after `X`, skipping segments that give an age (`56`), a home town (`of Dayton`, `from
    /// Lyon`) or the region after a home town (`Ohio`). `comma` when there are none.
    fn skip_age_and_origin_back(&self, pi: usize, lo: usize, comma: usize) -> usize {
        let toks = &self.paras[pi].toks;
        let previous_comma = |c: usize| {
            (c.saturating_sub(6).max(lo)..c)
                .rev()
                .find(|&k| toks[k].is_punct(','))
        };
        let words_only =
            |a: usize, b: usize| toks[a..b].iter().all(|t| t.is_word() || t.is_punct('.'));
        let is_origin = |a: usize, b: usize| {
            matches!(toks[a].w(), "of" | "from") && b - a <= 5 && words_only(a + 1, b)
        };
        let mut end = comma;
        while end < toks.len() && toks[end].is_punct(',') {
            let Some(start) = previous_comma(end) else {
                break;
            };
            let segment = start + 1..end;
            let age = segment.len() == 1 && toks[segment.start].is_numeral();
            let region = segment.len() <= 3
                && words_only(segment.start, end)
                && previous_comma(start).is_some_and(|s| is_origin(s + 1, start));
            if segment.is_empty() || !(age || region || is_origin(segment.start, end)) {
                break;
            }
            end = start;
        }
        end
    }

    /// The noun phrase ending at `j`, or the name it describes when a comma is missing: `X,
    /// who heads Y said` and `Ortner, the bank's senior economist said`.
    fn plain_subject(&self, pi: usize, lo: usize, j: usize) -> Option<Np> {
        let p = &self.paras[pi];
        let Some((a, b)) = self.np_back_plain(pi, lo, j) else {
            return self.noun_before_reduced_relative(pi, lo, j);
        };
        if a >= lo + 3
            && p.toks[a - 1].w() == "who"
            && p.toks[a - 2].is_punct(',')
            && let Some((xa, xb)) = self.np_back_plain(pi, lo, a - 2)
        {
            return Some(Np {
                para: pi,
                start: xa,
                end: xb,
                role: Some((a - 1, b)),
            });
        }
        if let Some(x) = self.name_before_description(pi, lo, a, b) {
            return Some(x);
        }
        if let Some(x) = self.noun_before_participle_phrase(pi, lo, a) {
            return Some(x);
        }
        let np = Np {
            para: pi,
            start: a,
            end: b,
            role: None,
        };
        let can_speak = self.classify(&np).0 != NpClass::Other || p.toks[b - 1].bf(F_EVENT);
        if !can_speak && let Some(x) = self.noun_before_reduced_relative(pi, lo, j) {
            return Some(x);
        }
        Some(np)
    }

    /// `the poll released Friday shows`, `a survey conducted by Gallup found`: when a past
    /// participle, alone (its phrase of time already skipped) or with an agent (`by` + up to
    /// three words), ends at `j`, the subject is the noun phrase before the participle, if it
    /// can speak.
    fn noun_before_reduced_relative(&self, pi: usize, lo: usize, j: usize) -> Option<Np> {
        let toks = &self.paras[pi].toks;
        let is_participle = |k: usize| {
            let t = &toks[k];
            k > lo && t.looks_past_tense() && self.verb(t).is_none() && !(self.cased && t.cap)
        };
        let participle = if j > lo && is_participle(j - 1) {
            j - 1
        } else {
            let by = (j.saturating_sub(4).max(lo)..j)
                .rev()
                .find(|&b| toks[b].w() == "by")?;
            Some(by.checked_sub(1)?).filter(|&k| is_participle(k))?
        };
        let (xa, xb) = self.np_back_plain(pi, lo, participle)?;
        let np = Np {
            para: pi,
            start: xa,
            end: xb,
            role: None,
        };
        let can_speak = self.classify(&np).0 != NpClass::Other || toks[xb - 1].bf(F_EVENT);
        can_speak.then_some(np)
    }

    /// `protesters marching through the streets chanted`: when the phrase before the verb
    /// starts at `a` after a participle and a preposition, the people before the participle
    /// are the subject.
    fn noun_before_participle_phrase(&self, pi: usize, lo: usize, a: usize) -> Option<Np> {
        let toks = &self.paras[pi].toks;
        if a < lo + 3 || !toks[a - 1].is_word() || !toks[a - 1].wf(F_PREPOSITION | F_NP_BOUNDARY) {
            return None;
        }
        // The participle, with at most two words of its object (`driving tractors into`).
        let ing = (a.saturating_sub(4).max(lo)..a - 1)
            .rev()
            .take_while(|&k| toks[k].is_word())
            .find(|&k| {
                let t = &toks[k];
                t.low.ends_with("ing") && !t.wf(F_STOP) && self.verb(t).is_none()
            })?;
        let (xa, xb) = self.np_back_plain(pi, lo, ing)?;
        let np = Np {
            para: pi,
            start: xa,
            end: xb,
            role: None,
        };
        matches!(
            self.classify(&np).0,
            NpClass::Group | NpClass::Name | NpClass::RoleDesc
        )
        .then_some(np)
    }

    /// `Ortner, the bank's senior economist`: the name before the comma at `a - 1` when
    /// `[a, b)` is a role description, with that description as its role.
    fn name_before_description(&self, pi: usize, lo: usize, a: usize, b: usize) -> Option<Np> {
        let p = &self.paras[pi];
        if a < lo + 2 || !p.toks[a - 1].is_punct(',') {
            return None;
        }
        let f = &p.toks[a];
        let desc = (matches!(f.w(), "the" | "a" | "an") || f.possessive())
            && p.toks[a..b].iter().any(|t| t.bf(F_ROLE_HEAD));
        if !desc {
            return None;
        }
        let (xa, xb) = self.np_back_plain(pi, lo, a - 1)?;
        let x = Np {
            para: pi,
            start: xa,
            end: xb,
            role: None,
        };
        let named = self.classify(&x).0 == NpClass::Name
            && (self.cased
                || self.name_run(p, xa, xb) - xa >= 2
                || self.by_part.contains_key(p.toks[xb - 1].base()));
        named.then_some(Np {
            role: Some((a, b)),
            ..x
        })
    }

    /// A noun phrase starting at `i` (after an inverted verb or `according to`).
    pub(super) fn np_after(&self, pi: usize, i: usize, hi: usize) -> Option<Np> {
        let p = &self.paras[pi];
        let hi = hi.min(p.toks.len());
        if i >= hi {
            return None;
        }
        let first = &p.toks[i];
        if !first.is_word() {
            return None;
        }
        if self.pron(first).is_some() {
            return Some(Np {
                para: pi,
                start: i,
                end: i + 1,
                role: None,
            });
        }
        if matches!(
            first.w(),
            "in" | "on"
                | "at"
                | "to"
                | "by"
                | "from"
                | "with"
                | "during"
                | "after"
                | "before"
                | "that"
                | "it"
                | "this"
        ) || first.wf(F_TIME)
        {
            return None;
        }
        let b = self.phrase_end(pi, i, hi)?;
        Some(Np {
            para: pi,
            start: i,
            end: b,
            role: self.apposition_after(pi, b, hi),
        })
    }

    /// `briefed` in `an official briefed on the talks` / `quoted earlier`: a past participle at
    /// `k` followed by a preposition, a time word or nothing (`hi` or punctuation).
    fn participle_after_noun(&self, pi: usize, k: usize, hi: usize) -> bool {
        let toks = &self.paras[pi].toks;
        let phrase_follows =
            k + 1 >= hi || !toks[k + 1].is_word() || toks[k + 1].wf(F_PREPOSITION | F_TIME);
        self.past_form(&toks[k]) && phrase_follows
    }

    /// A past tense or participle by its form (`briefed`, `brought`), not a capitalised word
    /// in cased text (which may be a name).
    pub(super) fn past_form(&self, t: &Tok) -> bool {
        t.clearly_past_tense() && !(self.cased && t.cap)
    }

    /// The end of the noun phrase starting at `i` (at most eight words, up to `hi`), without
    /// trailing prepositions and determiners; `None` when it is empty.
    fn phrase_end(&self, pi: usize, i: usize, hi: usize) -> Option<usize> {
        let p = &self.paras[pi];
        let mut b = i;
        while b < hi && b - i < 8 {
            let t = &p.toks[b];
            let ok = match t.kind {
                Kind::Word => {
                    let w = t.w();
                    // `a report by the statistics office`, `estimates by the ministry`.
                    let by_ok = w == "by" && b > i && p.toks[b - 1].bf(F_EVENT);
                    by_ok
                        || !(t.wf(F_NP_BOUNDARY)
                            || matches!(
                                w,
                                "in" | "on"
                                    | "at"
                                    | "to"
                                    | "by"
                                    | "during"
                                    | "after"
                                    | "before"
                                    | "from"
                                    | "with"
                                    | "last"
                                    | "this"
                                    | "adding"
                                    | "saying"
                                    | "noting"
                                    | "explaining"
                            )
                            || t.wf(F_TIME)
                            || self.verb(t).is_some()
                            // `an official briefed on the talks`: a participle ends it, not
                            // one before a noun (`an unnamed official`).
                            || (b > i && self.participle_after_noun(pi, b, hi)))
                }
                Kind::Punct('&') => true,
                _ => false,
            };
            if !ok {
                break;
            }
            b += 1;
        }
        if b == i {
            return None;
        }
        // Trailing prepositions and determiners (possessive ones too) are not part of it.
        while b > i
            && matches!(
                p.toks[b - 1].w(),
                "of" | "for" | "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my"
            )
        {
            b -= 1;
        }
        if b == i {
            return None;
        }
        Some(b)
    }

    /// An apposition after the comma at `b` (`, the head of Y`), up to the next comma,
    /// sentence end, quote mark or participle.
    fn apposition_after(&self, pi: usize, b: usize, hi: usize) -> Option<(usize, usize)> {
        let p = &self.paras[pi];
        let mut role = None;
        if b < hi && p.toks[b].is_punct(',') {
            let rs = b + 1;
            let mut re = rs;
            while re < hi && re - rs < 16 {
                let t = &p.toks[re];
                if t.is_punct(',') || t.is_terminal() || t.is_dq() || t.is_punct(';') {
                    break;
                }
                if matches!(t.w(), "adding" | "saying" | "who" | "which" | "noting") {
                    break;
                }
                re += 1;
            }
            if re > rs {
                role = Some((rs, re));
            }
        }
        role
    }

    /// Object of `tell`-like verbs starting at `i`: returns its end.
    pub(super) fn tell_object(&self, pi: usize, i: usize, hi: usize) -> usize {
        let p = &self.paras[pi];
        let hi = hi.min(p.toks.len());
        if i >= hi || !p.toks[i].is_word() {
            return i;
        }
        let t = &p.toks[i];
        let w = t.w();
        if matches!(w, "us" | "me" | "him" | "her" | "them" | "you") || t.wf(F_MEDIA) {
            // `told reporters`, `told the news agency`...
            let mut e = i + 1;
            while e < hi && e - i < 3 && p.toks[e].wf(F_MEDIA) {
                e += 1;
            }
            return e;
        }
        // Up to `that` if close.
        for k in i..hi.min(i + 6) {
            if p.toks[k].w() == "that" {
                return k;
            }
            if !p.toks[k].is_word() {
                break;
            }
        }
        if matches!(
            w,
            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our"
        ) {
            // `told the newspaper`, `told a news conference (for foreign journalists)`.
            let is_head = |u: &Tok| u.bf(F_MEDIA | F_ORG | F_EVENT | F_GROUP);
            let mut e = i + 1;
            let mut found = false;
            while e < hi && e - i < 5 {
                let u = &p.toks[e];
                if !u.is_word()
                    || u.wf(F_NP_STARTER) && e > i + 1
                    || self.pron(u).is_some()
                    || u.wf(F_NP_BOUNDARY)
                {
                    break;
                }
                e += 1;
                if is_head(u) {
                    found = true;
                    break;
                }
            }
            if !found {
                return (i + 2).min(hi);
            }
            // `told the IADB annual meeting here that ...`.
            for k in e..hi.min(e + 8) {
                let u = &p.toks[k];
                if u.w() == "that" {
                    return k;
                }
                if u.is_terminal() || u.is_dq() || self.verb(u).is_some() {
                    break;
                }
            }
            if e < hi && matches!(p.toks[e].w(), "for" | "of" | "at" | "in") {
                let mut k = e + 1;
                while k < hi && k - e <= 4 && p.toks[k].is_word() {
                    if is_head(&p.toks[k]) {
                        return k + 1;
                    }
                    k += 1;
                }
            }
            return e;
        }
        if self.name_like(t) || t.wf(F_ORG) {
            let e = self.name_run(p, i, hi);
            return e.max(i + 1).min(i + 3);
        }
        i
    }

    /// Skips time expressions and reporting circumstances (`on tuesday`, `in a statement`).
    pub(super) fn skip_time(&self, pi: usize, mut i: usize, hi: usize) -> usize {
        let p = &self.paras[pi];
        let hi = hi.min(p.toks.len());
        let mut guard = 0;
        while i < hi && guard < 8 {
            guard += 1;
            let t = &p.toks[i];
            let w = t.w();
            if t.is_punct(',') {
                i += 1;
                continue;
            }
            if matches!(w, "last" | "this" | "next" | "late" | "early" | "earlier") {
                if p.toks.get(i + 1).is_some_and(|u| u.wf(F_TIME)) {
                    i += 2;
                    continue;
                }
                if matches!(w, "earlier" | "late") {
                    i += 1;
                    continue;
                }
                break;
            }
            if t.is_time_word() {
                i += 1;
                continue;
            }
            if matches!(
                w,
                "on" | "in"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "following"
                    | "via"
                    | "through"
                    | "over"
                    | "from"
                    | "late"
                    | "early"
            ) {
                let mut cand = None;
                let mut k = i + 1;
                while k < hi && k <= i + 5 {
                    let u = &p.toks[k];
                    let b = u.base();
                    // `after Pagliano failed to show up`: a clause, not a phrase of time.
                    let verb_form = u.is_finite_verb_word()
                        || u.looks_past_tense() && !self.name_like(u)
                        || p.toks[k - 1].w() == "to";
                    if !u.is_word() || verb_form {
                        break;
                    }
                    if u.bf(F_EVENT | F_TIME)
                        || self.place_tok(u)
                        || b.bytes().all(|c| c.is_ascii_digit())
                    {
                        cand = Some(k + 1);
                    } else if u.bf(F_NP_BOUNDARY)
                        || self.verb(u).is_some()
                        || self.pron(u).is_some()
                        || (k > i + 3 && cand.is_none())
                    {
                        break;
                    }
                    k += 1;
                }
                match cand {
                    Some(c) => {
                        i = c;
                        continue;
                    }
                    None => break,
                }
            }
            break;
        }
        i
    }

    // ----- classification and registry -----

    pub(super) fn np_text(&self, pi: usize, a: usize, b: usize) -> &'a str {
        let p = &self.paras[pi];
        if a >= b || b > p.toks.len() {
            return "";
        }
        &self.text[p.toks[a].start..p.toks[b - 1].end]
    }

    /// What a speaker phrase is (pronoun, name, role description, organisation, group), with
    /// the span of the name inside it when it holds one (`finance minister dilson funaro`).
    pub(super) fn classify(&self, np: &Np) -> (NpClass, Option<(usize, usize)>) {
        let p = &self.paras[np.para];
        let toks = &p.toks[np.start..np.end];
        if toks.len() == 1
            && let Some(c) = self.pron(&toks[0])
        {
            return (NpClass::Pronoun(c), None);
        }
        // Head part: before the first preposition.
        let mut hb = np.start;
        while hb < np.end && !p.toks[hb].wf(F_POSTMODIFIER) {
            hb += 1;
        }
        // `The United States, Britain and France`: a list speaks as a group.
        let list = toks.iter().any(|t| t.is_punct(',')) && toks.iter().any(|t| t.w() == "and");
        if list || self.is_share(toks) {
            return (NpClass::Group, None);
        }
        // `eight of 10 voters`, `half of the delegates`: the people after `of` are the head.
        if hb > np.start && hb + 1 < np.end && p.toks[hb].w() == "of" {
            let part = &p.toks[np.start..hb];
            if self.is_share(part) || part.iter().all(|t| t.wf(F_SHARE)) {
                let people = self.classify(&Np {
                    start: hb + 1,
                    ..*np
                });
                return match people.0 {
                    NpClass::Other => (NpClass::Group, None),
                    _ => people,
                };
            }
        }
        let starts_det = toks.first().is_some_and(|t| t.wf(F_DETERMINER));
        // `Harris Associates L.P.`, `Acme Holdings Inc`: a company, not a person.
        if hb > np.start && p.toks[hb - 1].bf(F_ORG) && (self.cased || hb - np.start >= 2) {
            return (NpClass::Org, None);
        }
        let name = if hb < np.end {
            self.name_after_prepositional_role(np, hb)
        } else if starts_det {
            self.name_after_determiner_and_role(np)
        } else {
            None
        }
        .or_else(|| (!starts_det).then(|| self.trailing_name(np, hb)).flatten());
        if let Some(span) = name {
            return (NpClass::Name, Some(span));
        }
        self.class_by_head(np, hb, starts_det)
    }

    /// `another 19 percent`, `two in three`, `26%`: only words of a share, with a number among
    /// them; in a poll report such a phrase names a group of respondents.
    pub(super) fn is_share(&self, toks: &[Tok]) -> bool {
        let number = |t: &Tok| t.wf(F_NUMBER_WORD) || t.is_numeral();
        toks.iter().any(number)
            && toks
                .iter()
                .all(|t| t.wf(F_SHARE) || t.is_punct('%') || number(t))
    }

    /// A name after a prepositional role: `vice president of finance Daniel Miglio`.
    fn name_after_prepositional_role(&self, np: &Np, hb: usize) -> Option<(usize, usize)> {
        let p = &self.paras[np.para];
        let mut na = np.end;
        while na > hb + 1 && np.end - na < 3 && self.name_like(&p.toks[na - 1]) {
            na -= 1;
        }
        let min = if self.cased { 1 } else { 2 };
        if np.end - na >= min && na > np.start {
            let prev = &p.toks[na - 1];
            let pb = prev.base();
            let function = matches!(
                pb,
                "the"
                    | "a"
                    | "an"
                    | "of"
                    | "for"
                    | "to"
                    | "in"
                    | "on"
                    | "at"
                    | "by"
                    | "with"
                    | "from"
                    | "and"
                    | "or"
                    | "but"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "our"
                    | "this"
                    | "that"
            );
            if prev.bf(F_ROLE | F_ORG | F_PLACE)
                || (prev.is_word() && !function && (!self.cased || !prev.cap))
            {
                return Some((na, np.end));
            }
        }
        None
    }

    /// `the Caribbean Rainer Steckhan`, `the company's chief John Smith`.
    fn name_after_determiner_and_role(&self, np: &Np) -> Option<(usize, usize)> {
        let p = &self.paras[np.para];
        let mut na = np.end;
        while na > np.start + 1 && np.end - na < 3 && self.name_like(&p.toks[na - 1]) {
            na -= 1;
        }
        if np.end - na >= self.min_name_len().max(2) && na > np.start + 1 {
            let prev = &p.toks[na - 1];
            // Lower case: `the veteran game maker` is a description, so only a place
            // word (`the caribbean rainer steckhan`) introduces a name there.
            if (self.cased && prev.bf(F_ROLE))
                || prev.bf(F_PLACE | F_PLACE_PART)
                || (self.cased && prev.possessive())
            {
                return Some((na, np.end));
            }
        }
        None
    }

    /// Trailing name run in the head part: `finance minister dilson funaro`.
    fn trailing_name(&self, np: &Np, hb: usize) -> Option<(usize, usize)> {
        let p = &self.paras[np.para];
        let mut na = hb;
        // Lower case: a common word ending the phrase after a name word is a surname
        // (`councillor joan price`).
        if !self.cased
            && hb >= np.start + 2
            && !self.name_like(&p.toks[hb - 1])
            && p.toks[hb - 1].base_flags & F_STOP != 0
            && p.toks[hb - 1].base_flags & (F_ROLE | F_ORG | F_GROUP | F_TIME | F_PRON) == 0
            && !p.toks[hb - 1].bf(F_FUNCTION)
            && self.name_like(&p.toks[hb - 2])
        {
            na = hb - 1;
        }
        while na > np.start
            && !p.toks[na - 1].possessive()
            && (self.name_like(&p.toks[na - 1])
                || (na - 1 > np.start
                    && self.surname_ok(&p.toks[na - 1])
                    && self.name_like(&p.toks[na - 2]))
                || (na - 1 > np.start
                    && p.toks[na - 1].wf(F_NAME_PARTICLE)
                    && self.name_like(&p.toks[na - 2])))
        {
            na -= 1;
            if hb - na >= 4 {
                break;
            }
        }
        if na < hb && !p.toks[hb - 1].possessive() {
            // A single unknown lower-case word right after a determiner is not a name.
            let len = hb - na;
            let before_ok = na == np.start
                || self.role_word(&p.toks[na - 1])
                || p.toks[na - 1].wf(F_TITLE)
                || p.toks[na - 1].bf(F_TITLE)
                || p.toks[na - 1].bf(F_ROLE)
                || p.toks[na - 1].bf(F_ORG)
                || p.toks[na - 1].possessive()
                || self.place_tok(&p.toks[na - 1])
                || self.cased;
            if before_ok && len >= 1 {
                return Some((na, hb));
            }
        }
        None
    }

    /// The class of a phrase that is not a name, by its head word (before any preposition).
    fn class_by_head(
        &self,
        np: &Np,
        hb: usize,
        starts_det: bool,
    ) -> (NpClass, Option<(usize, usize)>) {
        let p = &self.paras[np.para];
        let toks = &p.toks[np.start..np.end];
        let ht = &p.toks[hb.max(np.start + 1) - 1];
        let head = ht.base();
        // Groups, and plural role words (`ministers`, `deputies`).
        if ht.bf(F_GROUP | F_ROLE_PLURAL) {
            return (NpClass::Group, None);
        }
        if ht.bf(F_ROLE_HEAD) {
            return (NpClass::RoleDesc, None);
        }
        if ht.bf(F_ORG | F_MEDIA) {
            return (NpClass::Org, None);
        }
        if ht.bf(F_EVENT) {
            return (NpClass::Other, None);
        }
        if toks.iter().any(|t| t.bf(F_ROLE_HEAD)) && starts_det {
            return (NpClass::RoleDesc, None);
        }
        // `demonstrators`, `activists`, `residents`: plural agent nouns name people.
        let agent_plural = ["ers", "ors", "ists", "ants", "ents"]
            .iter()
            .any(|suffix| head.ends_with(suffix))
            && head.len() > 6
            && !ht.bf(F_STOP | F_TIME);
        if looks_plural(head)
            && (starts_det || toks.len() >= 2 || agent_plural)
            && !self.name_like(&p.toks[hb.max(np.start + 1) - 1])
        {
            return (NpClass::Group, None);
        }
        // `the NAACP`, `the Kremlin`: a capitalised name after `the` names an organisation.
        let name_part = match toks.first() {
            Some(t) if t.w() == "the" => &toks[1..],
            _ => toks,
        };
        let capitalised = |t: &Tok| t.cap || !t.is_word();
        if self.cased && !name_part.is_empty() && name_part.iter().all(capitalised) {
            return (NpClass::Org, None);
        }
        // `japan`, `north korea`, `the united states` named alone act as their government,
        // also in lower case.
        let place_alone = name_part.len() <= 3
            && name_part.iter().all(|t| self.place_tok(t))
            && name_part.iter().any(|t| t.bf(F_PLACE));
        if place_alone {
            return (NpClass::Org, None);
        }
        (NpClass::Other, None)
    }
}

/// A plural by its form: `-s`, not `-ss` (`analysts`, not `congress`).
fn looks_plural(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss")
}
