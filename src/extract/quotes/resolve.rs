//! Stage 7: speaker resolution. Turns each [`Raw`] quote's [`Who`] into a speaker name and role
//! over the whole article (names, surnames, pronouns, role descriptions, organisations); output
//! the final [`Quote`]s.

use super::*;

/// A [`Quote`] while its speaker is being resolved (owned strings, interned at the end).
#[derive(Clone, Debug)]
pub(super) struct Draft {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) speaker: String,
    pub(super) speaker_mention: String,
    pub(super) speaker_span: Option<(usize, usize)>,
    pub(super) speaker_resolved: bool,
    pub(super) speaker_kind: SpeakerKind,
    pub(super) role: String,
    pub(super) cue: String,
    pub(super) kind: QuoteKind,
    pub(super) confidence: f32,
}

impl Draft {
    /// A draft for `raw`, its speaker still empty.
    fn for_raw(raw: &Raw) -> Draft {
        Draft {
            start: raw.start,
            end: raw.end,
            speaker: String::new(),
            speaker_mention: String::new(),
            speaker_span: None,
            speaker_resolved: false,
            speaker_kind: SpeakerKind::Unknown,
            role: String::new(),
            cue: raw.cue.clone(),
            kind: raw.kind,
            confidence: raw.base_conf,
        }
    }

    pub(super) fn into_quote(self) -> Quote {
        Quote {
            start: offset32(self.start),
            end: offset32(self.end),
            speaker: Sym::new(&self.speaker),
            speaker_mention: Sym::new(&self.speaker_mention),
            speaker_span: self.speaker_span.map(|(s, e)| (offset32(s), offset32(e))),
            speaker_resolved: self.speaker_resolved,
            speaker_kind: self.speaker_kind,
            role: Sym::new(&self.role),
            cue: Sym::new(&self.cue),
            kind: self.kind,
            confidence: self.confidence,
        }
    }
}

impl<'a> Doc<'a> {
    /// The name of the organisation `np` speaks for, without leading determiners and
    /// descriptions (`the official New China News Agency` → `New China News Agency`), or `None`
    /// when it names none (`the bank holding company`, `a group of firms`).
    ///
    /// Cased text: the last run of capitalised words (with `of`, `and`, `&`, `for` and numbers
    /// inside it). Lower-case text: the phrase as written, unless it starts with a determiner
    /// and holds no place, media or abbreviated word.
    pub(super) fn organisation_name(&self, np: &Np) -> Option<String> {
        let toks = &self.paras[np.para].toks[np.start..np.end];
        let is_determiner = |t: &Tok| t.wf(F_DETERMINER) || t.w() == "that";
        let capitalised = |t: &Tok| t.is_word() && t.cap && !is_determiner(t);
        if self.cased {
            let last = toks.iter().rposition(capitalised)?;
            if last + 1 != toks.len() && toks[last + 1..].iter().any(|t| t.is_word()) {
                return None;
            }
            let mut first = last;
            while first > 0 {
                let t = &toks[first - 1];
                let joiner = matches!(t.w(), "of" | "and" | "for" | "de")
                    || t.is_punct('&')
                    || t.is_numeral();
                let inside =
                    capitalised(t) || (joiner && first >= 2 && capitalised(&toks[first - 2]));
                if !inside {
                    break;
                }
                first -= 1;
            }
            // `Bank` or `Finance Ministry` alone (no country, no name) is as generic as `the
            // bank`: every country has one.
            let generic_words = toks[first..=last].iter().all(|t| {
                !t.is_word()
                    || t.bf(F_ORG | F_GROUP | F_ROLE | F_ROLE_MODIFIER)
                    || matches!(t.w(), "of" | "and" | "for")
            });
            let (a, b) = (np.start + first, np.start + last + 1);
            return (!generic_words).then(|| self.np_text(np.para, a, b).to_string());
        }
        let generic = toks.first().is_some_and(is_determiner)
            && !toks
                .iter()
                .any(|t| t.bf(F_PLACE | F_MEDIA) || t.low.contains('.'));
        (!generic).then(|| self.np_text(np.para, np.start, np.end).to_string())
    }
}

impl<'a> Doc<'a> {
    /// Whether a generic organisation phrase (`the company`, `the ministry`) can refer to the
    /// organisation `named`: its head word is in the name (`the ministry` → `Japan's Finance
    /// Ministry`), or it is a word for any business (`company`, `firm`, `group`...).
    fn same_kind_of_organisation(&self, generic: &Np, named: &str) -> bool {
        let head = self.paras[generic.para].toks[generic.end - 1].base();
        let any_business = matches!(
            head,
            "company" | "firm" | "group" | "concern" | "corporation" | "business" | "maker"
        );
        any_business
            || named
                .split_whitespace()
                .any(|w| lower_cow(w.trim_end_matches('.')) == head)
    }

    /// A role is a title or an affiliation (`Brazil's Finance Minister`, `chief economist at
    /// Fjord Bank`): it holds a role, organisation or media word; no verb, participle or time
    /// word (`Congress hailed President`, `speaking to ...`, `officials including ...`, `last
    /// week`); no leading function word (`who heads ...`); and (cased
    /// text) no unknown lower-case word before a capitalised title (`persuade President`) and no
    /// other person's name (`Finance Minister Gustavo Petricioli`).
    pub(super) fn plausible_role(&self, role: &str) -> bool {
        let words: Vec<&str> = role.split_whitespace().collect();
        if words.is_empty() {
            return true;
        }
        let infos: Vec<WordInfo> = words
            .iter()
            .map(|w| {
                let low = lower_cow(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''));
                self.lex.info(base_of(&low))
            })
            .collect();
        let titled = infos
            .iter()
            .any(|i| i.flags & (F_ROLE | F_ORG | F_MEDIA | F_TITLE) != 0);
        // Speech verbs but their `-s` forms, which are also plural nouns (`states`).
        let verb_or_time = words.iter().zip(&infos).any(|(w, i)| {
            (i.verb.is_some() && !w.ends_with('s')) || i.flags & (F_TIME | F_IRREGULAR_PAST) != 0
        });
        // `Government officials including ...`, `answering questions ...`, `who heads ...`.
        let clause = words.iter().zip(&infos).any(|(w, i)| {
            w.ends_with("ing") && i.flags & (F_PLACE | F_PLACE_PART | F_ORG | F_ROLE) == 0
        }) || infos[0].flags & F_FUNCTION != 0;
        // Cased text: a lower-case word no lexicon knows does not come before a capitalised
        // title (`persuade President`).
        let unknown_start = self.cased
            && words[0].starts_with(|c: char| c.is_lowercase())
            && infos[0].flags == 0
            && words
                .get(1)
                .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
        let other_name = self.cased && holds_person_name(&words, &infos);
        let rejected = verb_or_time || clause || unknown_start || other_name;
        words.len() <= 20 && titled && !rejected
    }
}

/// Two or more capitalised words in a row that no lexicon knows (a person's name): not part
/// of an organisation's name (no organisation or media word in the run) and not followed by a
/// role word (`White House spokesman`).
fn holds_person_name(words: &[&str], infos: &[WordInfo]) -> bool {
    let mut run = 0;
    let mut run_is_org = false;
    for (w, info) in words.iter().zip(infos) {
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        if !capitalised {
            if run >= 2 && !run_is_org && info.flags & F_ROLE == 0 {
                return true;
            }
            (run, run_is_org) = (0, false);
            continue;
        }
        run_is_org |= info.flags & (F_ORG | F_MEDIA) != 0;
        if info.flags & (F_STOP | F_ROLE | F_PLACE | F_PLACE_PART | F_TITLE) == 0 {
            run += 1;
        }
    }
    run >= 2 && !run_is_org
}

/// Lower-cased content words of a description (articles and function words dropped), the
/// head noun last.
pub(super) fn content_words(s: &str, lex: &Lexicon) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            let l = lower_cow(w).into_owned();
            l.trim_end_matches("'s")
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        })
        .filter(|w| {
            !w.is_empty() && (!lex.stop.contains(w.as_str()) || lex.roles.contains(w.as_str()))
        })
        .collect()
}

impl<'a> Doc<'a> {
    /// The last person mentioned before `pos`.
    /// `Residents of the village met on Sunday. They said ...`: a plural noun phrase opening
    /// the sentence before token `ti` (same or previous paragraph).
    pub(super) fn previous_group_subject(&self, pi: usize, ti: usize) -> Option<String> {
        let p = &self.paras[pi];
        let k = p.sents.partition_point(|&(_, e)| e <= ti);
        let (qp, (ss, se)) = if k > 0 {
            (pi, p.sents[k - 1])
        } else {
            let pp = pi.checked_sub(1)?;
            (pp, *self.paras[pp].sents.last()?)
        };
        let toks = &self.paras[qp].toks;
        // The plural head within the first words, plus an `of the X` complement.
        let head = (ss..se.min(ss + 4)).find(|&k| {
            let t = &toks[k];
            t.is_word()
                && (t.bf(F_GROUP)
                    || self.role_word(t) && t.base().ends_with('s')
                    || t.base().ends_with('s') && !t.base().ends_with("ss") && !self.name_like(t))
        })?;
        let mut e = head + 1;
        if e + 1 < se && matches!(toks[e].w(), "of" | "from" | "in" | "at" | "for") {
            e += 1;
            if matches!(toks[e].w(), "the" | "a" | "an") {
                e += 1;
            }
            if e < se && toks[e].is_word() {
                e += 1;
            }
        }
        if e >= se {
            return None;
        }
        let np = Np {
            para: qp,
            start: ss,
            end: e,
            role: None,
        };
        (self.classify(&np).0 == NpClass::Group).then(|| self.np_text(qp, ss, e).to_string())
    }

    /// The last person mentioned before `pos` whose gender is compatible (`gender` 0 = any).
    pub(super) fn last_person_before(
        &self,
        pos: usize,
        dynamic: &[(usize, usize)],
        gender: u8,
    ) -> Option<usize> {
        self.last_person_at(pos, dynamic, gender).map(|m| m.1)
    }

    /// Like [`Self::last_person_before`], with the mention's position.
    pub(super) fn last_person_at(
        &self,
        pos: usize,
        dynamic: &[(usize, usize)],
        gender: u8,
    ) -> Option<(usize, usize)> {
        let compatible = |i: usize| {
            self.persons
                .get(i)
                .is_some_and(|p| gender == 0 || p.gender == 0 || p.gender == gender)
        };
        // The latest speaker, if in the current or previous sentence or so, is the most
        // salient antecedent, unless a person is named (not as a possessive) after it.
        let kd0 = dynamic.partition_point(|&(p, _)| p < pos);
        let recent_speaker = kd0
            .checked_sub(1)
            .and_then(|i| dynamic.get(i))
            .copied()
            .filter(|&(dp, di)| pos.saturating_sub(dp) < 350 && compatible(di));
        let mut k = self.mentions.partition_point(|&(p, _)| p < pos);
        let mut kd = kd0;
        let mut first: Option<(usize, usize)> = None;
        let mut found: Option<(usize, usize)> = None;
        for _ in 0..40 {
            let a = k.checked_sub(1).map(|i| self.mentions[i]);
            let b = kd.checked_sub(1).map(|i| dynamic[i]);
            let m = match (a, b) {
                (Some(x), Some(y)) => {
                    if y.0 >= x.0 {
                        kd -= 1;
                        y
                    } else {
                        k -= 1;
                        x
                    }
                }
                (Some(x), None) => {
                    k -= 1;
                    x
                }
                (None, Some(y)) => {
                    kd -= 1;
                    y
                }
                (None, None) => break,
            };
            if !compatible(m.1) {
                continue;
            }
            if self.weak.contains(&m.0) {
                if first.is_none() {
                    first = Some(m);
                }
                continue;
            }
            // A strong mention (speaker, subject, caption, apposition, surname) wins over
            // nearer weak ones (capitalised runs) unless it is far away.
            if first.is_none() || pos.saturating_sub(m.0) < 1500 {
                found = Some(m);
            }
            break;
        }
        match (recent_speaker, found) {
            (Some(d), Some(f)) if f.0 > d.0 && !self.poss.contains(&f.0) => Some(f),
            (Some(d), _) => Some(d),
            (None, Some(f)) => Some(f),
            (None, None) => first,
        }
    }

    pub(super) fn places_in(&self, s: &str) -> Vec<&'static str> {
        let words: Vec<Cow<'_, str>> = s
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .map(|w| match lower_cow(w) {
                Cow::Borrowed(l) => Cow::Borrowed(trim_possessive(l)),
                Cow::Owned(l) => Cow::Owned(trim_possessive(&l).to_string()),
            })
            .collect();
        let mut out = Vec::new();
        let mut key = String::new();
        let mut i = 0;
        while i < words.len() {
            let mut hit = None;
            for n in (1..=4.min(words.len() - i)).rev() {
                // `words[i..i + n].join(" ")` into one reused buffer.
                key.clear();
                for (k, w) in words[i..i + n].iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    key.push_str(w);
                }
                if let Some(&c) = self.lex.places.get(key.as_str()) {
                    hit = Some((c, n));
                    break;
                }
            }
            match hit {
                Some((c, n)) => {
                    out.push(c);
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    /// A named person whose role is compatible with the role description `desc`.
    pub(super) fn resolve_role(&self, desc: &str, pos: usize) -> Option<usize> {
        // The description's words, lower-cased once.
        let words: Vec<Cow<'_, str>> = desc
            .split_whitespace()
            .map(|w| match lower_cow(w) {
                Cow::Borrowed(l) => Cow::Borrowed(trim_possessive(l)),
                Cow::Owned(l) => Cow::Owned(trim_possessive(&l).to_string()),
            })
            .collect();
        let head: &str = words.iter().rev().find(|w| {
            self.lex.role_heads.contains(w.as_ref()) && !self.lex.place_words.contains(w.as_ref())
        })?;
        let dplaces = self.places_in(desc);
        // Every other content word of the description must occur in the person's role.
        let modifiers: Vec<&str> = words
            .iter()
            .map(|w| w.as_ref())
            .filter(|&w| {
                !self.lex.stop.contains(w)
                    && !self.is_place_word(w)
                    && w != head
                    && !matches!(w, "the" | "a" | "an")
            })
            .collect();
        let mut best: Option<(bool, usize, usize)> = None; // (preceding, distance, idx)
        for (i, p) in self.persons.iter().enumerate().take(500) {
            if p.role.is_empty() {
                continue;
            }
            let rl = &p.role_low;
            if !rl
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| w == head)
            {
                continue;
            }
            let role_words: Vec<&str> = rl
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .map(|w| w.trim_end_matches("'s"))
                .collect();
            if !modifiers.iter().all(|m| role_words.contains(m)) {
                continue;
            }
            // `the president` is not the `vice president`, and `the presidential nominee` is
            // not the `vice presidential nominee`.
            let head_at = role_words.iter().position(|&w| w == head).unwrap_or(0);
            let other_office = role_words[..head_at].iter().any(|&w| {
                self.lex.rank_modifiers.contains(w) && !words.iter().any(|d| d.as_ref() == w)
            });
            if other_office {
                continue;
            }
            if !dplaces.is_empty() {
                let rp = self.places_in(&p.role);
                if !rp.is_empty() && !dplaces.iter().all(|d| rp.contains(d)) {
                    continue;
                }
            }
            let preceding = p.pos <= pos;
            let dist = p.pos.abs_diff(pos);
            let better = match best {
                None => true,
                Some((bp, bd, _)) => (preceding && !bp) || (preceding == bp && dist < bd),
            };
            if better {
                best = Some((preceding, dist, i));
            }
        }
        best.map(|b| b.2)
    }

    /// The final quotes: each raw quote's speaker resolved over the article, in text order.
    pub(super) fn resolve(&mut self, raws: &[Raw]) -> Vec<Quote> {
        self.mentions.sort_unstable();
        self.sealed = true;
        let mut memory = Memory::default();
        let mut out: Vec<Draft> = Vec::with_capacity(raws.len());
        for r in raws {
            let mut q = Draft::for_raw(r);
            let factor = match &r.who {
                Who::Np(np) => self.resolve_phrase(*np, &mut q, &mut memory),
                Who::Caption { name, role } => {
                    self.resolve_caption(*name, role, &r.role_override, &mut q, &mut memory);
                    1.0
                }
                // Filled in below, once every quote it may point to is resolved.
                Who::SameAs(_) => 1.0,
                Who::Context(pos, para_end) => {
                    self.resolve_from_context(*pos, *para_end, &mut q, &memory)
                }
                Who::None => 0.5,
            };
            self.finish_draft(r, &mut q, factor);
            out.push(q);
        }
        copy_inherited_speakers(raws, &mut out);
        out.into_iter().map(Draft::into_quote).collect()
    }

    /// A speaker noun phrase: by its class. Returns the confidence factor.
    fn resolve_phrase(&mut self, np: Np, q: &mut Draft, memory: &mut Memory) -> f32 {
        let ms = self.paras[np.para].toks[np.start].start;
        let me = self.paras[np.para].toks[np.end - 1].end;
        q.speaker_mention = self.text[ms..me].to_string();
        q.speaker_span = Some((ms, me));
        let role_txt = np
            .role
            .map(|(a, b)| strip_article(self.np_text(np.para, a, b)).to_string())
            .filter(|r| !r.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()));
        let (cls, name) = self.classify(&np);
        let factor = match cls {
            NpClass::Name => {
                self.resolve_name(np, name, ms, role_txt, q, memory);
                1.0
            }
            NpClass::Pronoun(PronClass::Person) => self.resolve_person_pronoun(ms, q, memory),
            NpClass::Pronoun(PronClass::Org) => resolve_org_pronoun(q, memory),
            NpClass::Pronoun(PronClass::Group) => {
                self.resolve_group_pronoun(np, ms, q, memory);
                0.75
            }
            NpClass::Pronoun(_) => {
                q.speaker = q.speaker_mention.clone();
                0.75
            }
            NpClass::RoleDesc => self.resolve_description(ms, role_txt, q, memory),
            NpClass::Org => self.resolve_organisation(&np, role_txt, q, memory),
            NpClass::Group | NpClass::Other => {
                q.speaker = q.speaker_mention.clone();
                q.role = role_txt.unwrap_or_default();
                if cls == NpClass::Other {
                    memory.last_org = Some((q.speaker.clone(), q.role.clone()));
                    memory.last_name_org = None;
                } else {
                    memory.last_group = Some((ms, q.speaker.clone()));
                }
                0.75
            }
        };
        // Keep the people mentioned as speakers sorted by position.
        let dynamic = &mut memory.dynamic;
        let n = dynamic.len();
        if n > 1
            && dynamic[n - 1].0 < dynamic[n - 2].0
            && let Some(last) = dynamic.pop()
        {
            let at = dynamic.partition_point(|&(p, _)| p <= last.0);
            dynamic.insert(at, last);
        }
        factor
    }

    /// A name: a person (registered, with the role given here or first), or `Harris` after
    /// `Harris Associates L.P.` (the company).
    fn resolve_name(
        &mut self,
        np: Np,
        name: Option<(usize, usize)>,
        ms: usize,
        role_txt: Option<String>,
        q: &mut Draft,
        memory: &mut Memory,
    ) {
        if name.is_some_and(|(na, nb)| nb == na + 1) {
            let w = self.paras[np.para].toks[np.end - 1].base();
            let org = memory.orgs_seen.iter().find(|(o, _)| {
                o.split_whitespace()
                    .next()
                    .is_some_and(|f| lower_cow(f) == w)
            });
            if let Some((org, role)) = org.cloned() {
                memory.last_named_org = Some((org.clone(), role.clone()));
                memory.last_org = Some((org.clone(), role.clone()));
                memory.last_name_org = None;
                q.speaker = org;
                q.role = role;
                q.speaker_resolved = true;
                q.speaker_kind = SpeakerKind::Organisation;
                return;
            }
        }
        let (na, nb) = name.unwrap_or((np.start, np.end));
        let nm = self.np_text(np.para, na, nb).to_string();
        let prefix = strip_titles(self.np_text(np.para, np.start, na), self.lex);
        let mut role = role_txt.unwrap_or_default();
        if role.is_empty() && !prefix.is_empty() {
            role = prefix;
        }
        let idx = self.add_person(&nm, &role, ms);
        let Some(p) = self.persons.get(idx) else {
            q.speaker = nm;
            return;
        };
        q.speaker = p.name.clone();
        q.role = if role.is_empty() {
            p.role.clone()
        } else {
            role
        };
        memory.dynamic.push((ms, idx));
        q.speaker_resolved = true;
        q.speaker_kind = SpeakerKind::Person;
        // A one-word name (`Harris said ... It also said`) may well be a company: a later
        // `it` can refer to it.
        if !q.speaker.contains(' ') {
            memory.last_name_org = Some((q.speaker.clone(), q.role.clone()));
            memory.last_org = None;
        }
    }

    /// `he`/`she`: a nearer unresolved description (`a Western banker ... he said`), else the
    /// last person of a compatible gender, else the pronoun, unresolved.
    fn resolve_person_pronoun(&self, ms: usize, q: &mut Draft, memory: &Memory) -> f32 {
        let gender = if q.speaker_mention.eq_ignore_ascii_case("she") {
            2
        } else {
            1
        };
        let cand = self.last_person_at(ms, &memory.dynamic, gender);
        let desc = memory
            .last_desc
            .as_ref()
            .filter(|d| cand.is_none_or(|c| d.0 > c.0) && ms.saturating_sub(d.0) < 1500)
            .cloned();
        if let Some((_, speaker, role)) = desc {
            q.speaker = speaker;
            q.role = role;
            0.75
        } else if let Some((_, idx)) = cand {
            q.speaker = self.persons[idx].name.clone();
            q.role = self.persons[idx].role.clone();
            q.speaker_resolved = true;
            q.speaker_kind = SpeakerKind::Person;
            0.85
        } else {
            q.speaker = q.speaker_mention.clone();
            0.7
        }
    }

    /// `they`: the last group speaker nearby, else the plural subject of the sentence before.
    fn resolve_group_pronoun(&self, np: Np, ms: usize, q: &mut Draft, memory: &Memory) {
        match memory
            .last_group
            .as_ref()
            .filter(|g| ms.saturating_sub(g.0) < 1500)
        {
            Some((_, g)) => q.speaker = g.clone(),
            None => {
                q.speaker = self
                    .previous_group_subject(np.para, np.start)
                    .unwrap_or_else(|| q.speaker_mention.clone());
            }
        }
    }

    /// `the Chilean ambassador`: the named person with a compatible role, else an earlier
    /// identical unresolved description (`a Western banker` ... `the banker`), else itself.
    fn resolve_description(
        &self,
        ms: usize,
        role_txt: Option<String>,
        q: &mut Draft,
        memory: &mut Memory,
    ) -> f32 {
        let desc = q.speaker_mention.clone();
        q.role = strip_article(&desc).to_string();
        let factor = if let Some(idx) = self.resolve_role(&desc, ms) {
            q.speaker = self.persons[idx].name.clone();
            if !self.persons[idx].role.is_empty() {
                q.role = self.persons[idx].role.clone();
            }
            q.speaker_resolved = true;
            q.speaker_kind = SpeakerKind::Person;
            memory.dynamic.push((ms, idx));
            0.85
        } else {
            let words = content_words(&desc, self.lex);
            let head = |w: &[String]| {
                w.iter()
                    .rev()
                    .find(|x| self.lex.role_heads.contains(x.as_str()))
                    .cloned()
            };
            let h = head(&words);
            let earlier = memory.descs.iter().rev().find(|(w, _, _)| {
                h.is_some() && head(w) == h && words.iter().all(|x| w.contains(x))
            });
            q.speaker = earlier.map_or(desc.clone(), |e| e.1.clone());
            if earlier.is_none() {
                memory.descs.push((words, desc, q.role.clone()));
            }
            0.75
        };
        if let Some(rt) = role_txt
            && !q.speaker_resolved
        {
            q.role = rt;
        }
        if !q.speaker_resolved {
            memory.last_desc = Some((ms, q.speaker.clone(), q.role.clone()));
        }
        factor
    }

    /// An organisation: its name, or (a generic `the company`) the organisation the article
    /// named when it fits, else the phrase as written, unresolved.
    fn resolve_organisation(
        &self,
        np: &Np,
        role_txt: Option<String>,
        q: &mut Draft,
        memory: &mut Memory,
    ) -> f32 {
        q.role = role_txt.unwrap_or_default();
        if let Some(name) = self.organisation_name(np) {
            q.speaker = name;
            q.speaker_resolved = true;
            q.speaker_kind = SpeakerKind::Organisation;
            memory.last_org = Some((q.speaker.clone(), q.role.clone()));
            memory.last_named_org = memory.last_org.clone();
            memory.last_name_org = None;
            if memory.orgs_seen.len() < 64 && q.speaker.contains(' ') {
                memory.orgs_seen.push((q.speaker.clone(), q.role.clone()));
            }
            return 1.0;
        }
        let named = memory
            .last_named_org
            .as_ref()
            .filter(|(name, _)| self.same_kind_of_organisation(np, name));
        if let Some((name, role)) = named {
            // `Chrysler Corp said ... The company said`.
            q.speaker = name.clone();
            if q.role.is_empty() {
                q.role = role.clone();
            }
            q.speaker_resolved = true;
            q.speaker_kind = SpeakerKind::Organisation;
            return 0.85;
        }
        // Nothing named before it: kept as written, out of the corpus speaker index.
        q.speaker = q.speaker_mention.clone();
        0.75
    }

    /// A TV caption's name and role (or the sign-off's role that replaces it).
    fn resolve_caption(
        &mut self,
        (ns, ne): (usize, usize),
        role: &str,
        role_override: &str,
        q: &mut Draft,
        memory: &mut Memory,
    ) {
        let nm = self.text[ns..ne].to_string();
        let role = if role_override.is_empty() {
            role
        } else {
            role_override
        };
        let idx = self.add_person(&nm, role, ns);
        q.speaker_mention = nm.clone();
        q.speaker_span = Some((ns, ne));
        q.speaker = self.persons.get(idx).map_or(nm, |p| p.name.clone());
        q.role = role.to_string();
        q.speaker_resolved = true;
        q.speaker_kind = SpeakerKind::Person;
        if idx != usize::MAX {
            let at = memory.dynamic.partition_point(|&(p, _)| p <= ns);
            memory.dynamic.insert(at, (ns, idx));
        }
    }

    /// A quote with no speaker nearby: the last person mentioned before it; else (`"..." That
    /// is how coach X described ...`) the first one mentioned after it in the paragraph.
    fn resolve_from_context(
        &self,
        pos: usize,
        para_end: usize,
        q: &mut Draft,
        memory: &Memory,
    ) -> f32 {
        let before = self.last_person_before(pos, &memory.dynamic, 0);
        let k = self.mentions.partition_point(|&(p, _)| p <= pos);
        let after = self
            .mentions
            .get(k)
            .filter(|m| m.0 < para_end && !self.weak.contains(&m.0))
            .map(|m| m.1);
        let near_before = before.filter(|_| {
            self.mentions[..k]
                .last()
                .is_some_and(|m| pos.saturating_sub(m.0) < 600)
                || after.is_none()
        });
        let Some(idx) = near_before.or(after) else {
            return 0.6;
        };
        q.speaker = self.persons[idx].name.clone();
        q.role = self.persons[idx].role.clone();
        q.speaker_resolved = true;
        q.speaker_kind = SpeakerKind::Person;
        1.0
    }

    /// The speaker without a possessive (`Marco Bellini's claim that`), a role only when it is
    /// one, and the confidence.
    fn finish_draft(&self, r: &Raw, q: &mut Draft, factor: f32) {
        if self.lex.info(&r.cue).flags & F_SPEECH_NOUN != 0
            && let Some(owner) = q
                .speaker
                .strip_suffix("'s")
                .or_else(|| q.speaker.strip_suffix("’s"))
        {
            q.speaker.truncate(owner.len());
        }
        if !self.plausible_role(&q.role) {
            q.role.clear();
        }
        q.confidence = (r.base_conf * factor).clamp(0.0, 1.0);
    }
}

/// What speaker resolution remembers while it walks the article's quotes in text order.
#[derive(Default)]
pub(super) struct Memory {
    /// People mentioned as speakers so far: (byte position, person), sorted.
    dynamic: Vec<(usize, usize)>,
    /// The latest organisation-like speaker, named or a document (for `it said`).
    last_org: Option<(String, String)>,
    /// The latest organisation named as a speaker (for `the company said`).
    last_named_org: Option<(String, String)>,
    /// A one-word name that may be a company (`Harris said ... It also said`).
    last_name_org: Option<(String, String)>,
    /// Named organisations of several words (`Harris Associates L.P.`), for a later `Harris`.
    orgs_seen: Vec<(String, String)>,
    /// The latest unresolved description: (position, speaker, role).
    last_desc: Option<(usize, String, String)>,
    /// The latest group speaker: (position, name).
    last_group: Option<(usize, String)>,
    /// Unresolved descriptions so far: (content words, speaker, role).
    descs: Vec<(Vec<String>, String, String)>,
}

/// `it said`: the latest organisation-like speaker. A named one resolves the quote; a
/// document (`the report`) is kept as the speaker, unresolved.
fn resolve_org_pronoun(q: &mut Draft, memory: &Memory) -> f32 {
    let Some((n, role)) = memory.last_org.as_ref().or(memory.last_name_org.as_ref()) else {
        q.speaker = q.speaker_mention.clone();
        return 0.7;
    };
    q.speaker = n.clone();
    q.role = role.clone();
    let named = memory.last_named_org.as_ref().is_some_and(|o| &o.0 == n)
        || memory.last_name_org.as_ref().is_some_and(|o| &o.0 == n);
    q.speaker_resolved = named;
    if named {
        q.speaker_kind = SpeakerKind::Organisation;
    }
    0.85
}

/// Quotes whose speaker is another quote's (`SameAs`, followed through up to 16 links) take
/// that quote's speaker, role and (if they have none) cue.
fn copy_inherited_speakers(raws: &[Raw], out: &mut [Draft]) {
    for i in 0..out.len() {
        let mut j = i;
        for _ in 0..16 {
            match raws.get(j).map(|r| &r.who) {
                Some(Who::SameAs(k)) if *k != j => j = *k,
                _ => break,
            }
        }
        if j == i || matches!(raws.get(j).map(|r| &r.who), Some(Who::SameAs(_))) {
            continue;
        }
        let Some(prev) = out.get(j).cloned() else {
            continue;
        };
        let q = &mut out[i];
        q.speaker = prev.speaker;
        q.speaker_mention = prev.speaker_mention;
        q.speaker_resolved = prev.speaker_resolved;
        q.speaker_kind = prev.speaker_kind;
        q.role = prev.role;
        if q.cue.is_empty() {
            q.cue = prev.cue;
        }
        if q.speaker.is_empty() {
            q.confidence *= 0.5;
        }
    }
}
