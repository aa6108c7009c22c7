//! Stage 5: direct quotes. Finds the attribution next to a paired quote: `X said: "..."`,
//! `"...," X said`, `"...," said X, ROLE`, `"...," according to X`, or a speech verb earlier in
//! the sentence. Output: a speaker phrase ([`Who`]) and a cue, for the pass over paragraphs
//! (`pass.rs`) to turn into [`Raw`] quotes.

use super::*;

#[derive(Clone, Debug)]
pub(super) enum Who {
    /// A noun phrase in the text.
    Np(Np),
    /// A caption name with its role (byte spans).
    Caption {
        name: (usize, usize),
        role: String,
    },
    /// Same speaker as raw quote `k`.
    SameAs(usize),
    /// Inferred from context: the last named person before this byte position (else the
    /// first one after it, before the paragraph end given second).
    Context(usize, usize),
    None,
}

#[derive(Clone, Debug)]
pub(super) struct Raw {
    /// Byte span of the quoted words in the text.
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: QuoteKind,
    pub(super) cue: String,
    pub(super) who: Who,
    pub(super) base_conf: f32,
    /// Paragraph index, and multi-paragraph group id for direct quotes.
    pub(super) para: usize,
    pub(super) group: Option<usize>,
    pub(super) role_override: String,
}

impl<'a> Doc<'a> {
    /// `"...," X said` / `"...," said X` / `"...," according to X` after token `c`.
    pub(super) fn attr_after(
        &self,
        pi: usize,
        c: usize,
        inner_terminal: bool,
    ) -> Option<(Np, String)> {
        let p = &self.paras[pi];
        let n = p.toks.len();
        let mut i = c + 1;
        while i < n && (p.toks[i].is_punct(',') || p.toks[i].is_dash()) {
            i += 1;
        }
        if i >= n {
            return None;
        }
        // End of the attribution window: sentence end or next quote mark.
        let mut hi = i;
        while hi < n && hi - i < 30 {
            let t = &p.toks[hi];
            if t.is_dq() || t.is_punct(';') || t.is_terminal() && !abbreviation_stop(&p.toks, hi) {
                break;
            }
            hi += 1;
        }
        let dashed = p.toks[c + 1..i].iter().any(Tok::is_dash);
        if dashed && let Some(name) = self.dash_signature(pi, i, hi) {
            return Some((name, "—".to_string()));
        }
        let t = &p.toks[i];
        if t.w() == "according" && p.toks.get(i + 1).is_some_and(|u| u.w() == "to") {
            let np = self.according_source(pi, i + 2, hi)?;
            return Some((np, "according to".to_string()));
        }
        if self.verb(t).is_some() {
            let np = self.np_after(pi, i + 1, hi)?;
            if self.classify(&np).0 == NpClass::Pronoun(PronClass::Org)
                || p.toks[np.start].w() == "it"
            {
                return None;
            }
            return Some((np, t.low.to_string()));
        }
        // Subject then verb within a few tokens.
        let mut v = None;
        for k in i..hi.min(i + 24) {
            // `the states suing the agency`: a verb form after a determiner is a noun.
            let after_determiner = k > i && p.toks[k - 1].wf(F_DETERMINER);
            if self.verb(&p.toks[k]).is_some() && !after_determiner {
                v = Some(k);
                break;
            }
        }
        let v = v?;
        let np = self.subject_before(pi, i, v)?;
        // The subject (or the role before it: `sanders's campaign manager, jeff weaver, said`)
        // must start the window (modulo connectives).
        let subject_start = np.role.map_or(np.start, |(ra, _)| ra.min(np.start));
        let before_subject = &p.toks[i..subject_start];
        let connective = |t: &Tok| t.is_punct(',') || matches!(t.w(), "and" | "but" | "as");
        // `panel Chairman Rep. X said`: a role before the name the subject was cut to.
        let role_words = before_subject.len() <= 5
            && before_subject
                .last()
                .is_some_and(|t| t.wf(F_TITLE) || t.bf(F_ROLE))
            && before_subject
                .iter()
                .all(|t| (t.is_word() || t.is_punct('.')) && self.verb(t).is_none());
        if !role_words && !before_subject.iter().all(connective) {
            return None;
        }
        // `"...," but she said the evidence ...`: a new attribution with a clause of its own.
        let coordinated = before_subject
            .iter()
            .any(|t| matches!(t.w(), "and" | "but"));
        if coordinated && self.skip_time(pi, v + 1, hi) + 2 < hi {
            return None;
        }
        if inner_terminal {
            // `"....." he said.` is fine only if the attribution ends the sentence shortly.
            let tail_end = self.skip_time(pi, self.tell_object(pi, v + 1, hi), hi);
            if tail_end < hi && hi - tail_end > 2 {
                return None;
            }
        }
        let cue = self.cue_text(pi, v, hi);
        Some((np, cue))
    }

    /// `"..." ― Jorge Falcon`: a name alone after the dash that follows a quote, up to the end
    /// of the sentence (`hi`).
    fn dash_signature(&self, pi: usize, i: usize, hi: usize) -> Option<Np> {
        let p = &self.paras[pi];
        let end = self.name_run(p, i, hi);
        (end - i >= self.min_name_len() && end == hi).then_some(Np {
            para: pi,
            start: i,
            end,
            role: None,
        })
    }

    pub(super) fn cue_text(&self, pi: usize, v: usize, hi: usize) -> String {
        let p = &self.paras[pi];
        let t = &p.toks[v];
        if self.verb(t) == Some(VerbClass::Tell) {
            let oe = self.tell_object(pi, v + 1, hi);
            if oe > v + 1 && oe - v <= 3 {
                return lower_cow(&self.text[t.start..p.toks[oe - 1].end]).into_owned();
            }
        }
        t.low.to_string()
    }

    /// Attribution before the open mark `o` (back to `lo`). `tight`: the verb (with its
    /// object/time/`that`/`:`) must end right before the quote.
    pub(super) fn attr_before(
        &self,
        pi: usize,
        lo: usize,
        o: usize,
        tight: bool,
    ) -> Option<(Np, String)> {
        let mut tight = tight;
        let mut participle: Option<String> = None;
        let p = &self.paras[pi];
        if o <= lo {
            return None;
        }
        // `According to X, "..."`
        if p.toks[lo].w() == "according" && p.toks.get(lo + 1).is_some_and(|u| u.w() == "to") {
            let np = self.according_source(pi, lo + 2, o)?;
            if np.end < o && p.toks[np.end].is_punct(',') || np.role.is_some() {
                return Some((Np { role: None, ..np }, "according to".to_string()));
            }
        }
        let mut k = o;
        while k > lo {
            k -= 1;
            let t = &p.toks[k];
            if t.qid_guard() {
                continue;
            }
            if p.qid[k] != 0 {
                continue;
            }
            // Verbs whose complement is the content (`called`, `shows`) do not introduce a
            // direct quote.
            if self.verb(t).is_none_or(|c| {
                matches!(
                    c,
                    VerbClass::Object | VerbClass::Evidence | VerbClass::Intent
                )
            }) {
                continue;
            }
            if tight {
                // Between verb and quote: object, time, `that`, `:` or `,` only.
                let mut e = self.tell_object(pi, k + 1, o);
                e = self.skip_time(pi, e, o);
                while e < o
                    && (matches!(p.toks[e].kind, Kind::Punct(':' | ',' | '-' | '—'))
                        || matches!(p.toks[e].w(), "that" | "as" | "saying" | "quoted" | "out"))
                {
                    e += 1;
                }
                if e != o {
                    return None;
                }
                if t.w().ends_with("ing") {
                    // `footage of Trump saying: "..."`: the participle's own subject.
                    if let Some(np) = self.participle_subject(pi, lo, k) {
                        return Some((np, t.low.to_string()));
                    }
                    // `X said ..., adding: "..."`: the subject is the main verb's.
                    participle = Some(t.low.to_string());
                    tight = false;
                    continue;
                }
            }
            if t.w().ends_with("ing") {
                continue;
            }
            // `defended not paying an architect who said ..., saying: "..."`: a speech verb in a
            // relative clause does not govern the participle.
            let relative = k > lo && matches!(p.toks[k - 1].w(), "who" | "which" | "that");
            if participle.is_some() && relative {
                continue;
            }
            if let Some(np) = self.subject_before(pi, lo, k) {
                let hi = o;
                let cue = participle.unwrap_or_else(|| self.cue_text(pi, k, hi));
                return Some((np, cue));
            }
            if tight {
                return None;
            }
        }
        // `Ortiz praised the port, adding: "..."`: no speech verb governs the participle; the
        // sentence's subject speaks.
        let cue = participle?;
        Some((self.main_subject(pi, lo, o)?, cue))
    }

    /// The noun phrase right before the participle at `k` (`footage of Trump saying`, `a video
    /// shows the senator telling`), when it names someone: a participle after a comma, a verb
    /// (`was heard saying`) or a thing (`took the stage saying`) has the clause's subject.
    fn participle_subject(&self, pi: usize, lo: usize, k: usize) -> Option<Np> {
        let before = k.checked_sub(1).filter(|&b| b >= lo)?;
        let t = &self.paras[pi].toks[before];
        if !t.is_word() || self.verb(t).is_some() || t.wf(F_AUX) {
            return None;
        }
        let (start, end) = self.np_back_plain(pi, lo, k)?;
        // `footage of Trump`: the phrase after its last preposition.
        let toks = &self.paras[pi].toks;
        let start = (start..end)
            .rev()
            .find(|&j| toks[j].wf(F_PREPOSITION | F_POSTMODIFIER) || toks[j].w() == "by")
            .map_or(start, |j| j + 1);
        if start >= end {
            return None;
        }
        let np = Np {
            para: pi,
            start,
            end,
            role: None,
        };
        matches!(
            self.classify(&np).0,
            NpClass::Name | NpClass::RoleDesc | NpClass::Org | NpClass::Group
        )
        .then_some(np)
    }
}
