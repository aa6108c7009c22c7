//! Stage 6: reported speech. Finds `X said (that) CLAUSE`, `CLAUSE, X said`, `according to X,
//! CLAUSE` and their kin in one sentence; output a [`Raw`] reported quote.

use super::*;

impl<'a> Doc<'a> {
    pub(super) fn reported_in_sentence(&self, pi: usize, ss: usize, se: usize) -> Option<Raw> {
        let p = &self.paras[pi];
        let mut end = se;
        while end > ss && (p.toks[end - 1].is_terminal() || p.toks[end - 1].is_dq()) {
            // Keep a closing mark whose opening mark is inside the clause.
            if p.toks[end - 1].is_dq() && p.toks[ss..end - 1].iter().any(|t| t.is_dq()) {
                break;
            }
            end -= 1;
        }
        if end <= ss + 3 {
            return None;
        }
        let mut start = ss;
        while start < end && !p.toks[start].is_word() {
            start += 1;
        }
        if start + 3 >= end {
            return None;
        }
        // Wire dateline: `LUXEMBOURG, March 3 - ...`.
        if let Some(d) = p.toks[start..end.min(start + 10)]
            .iter()
            .position(|t| t.is_punct('-') || t.is_punct('—'))
        {
            let d = start + d;
            if d > start
                && (p.toks[d - 1].low.chars().all(|c| c.is_ascii_digit())
                    || p.toks[d - 1].wf(F_TIME))
            {
                start = d + 1;
            }
        }
        if start + 3 >= end {
            return None;
        }
        // `according to X, CLAUSE`
        if p.toks[start].w() == "according"
            && p.toks.get(start + 1).is_some_and(|u| u.w() == "to")
            && let Some(np) = self.np_after(pi, start + 2, end)
            && np.b < end
            && p.toks[np.b].is_punct(',')
        {
            let cs = np.b + 1;
            let cs = match np.role {
                Some((_, re)) if re < end && p.toks[re].is_punct(',') => re + 1,
                _ => cs,
            };
            if end > cs + 2 {
                return Some(self.raw_reported(pi, cs, end, np, "according to"));
            }
        }
        // `CLAUSE, according to X` / `CLAUSE, X said (tail)` / `CLAUSE, said X`.
        let mut k = end;
        let lim = end.saturating_sub(16).max(start + 3);
        while k > lim {
            k -= 1;
            if !p.toks[k].is_punct(',') || p.qid[k] != 0 {
                continue;
            }
            let a = k + 1;
            if a >= end {
                continue;
            }
            let t = &p.toks[a];
            if t.w() == "according"
                && p.toks.get(a + 1).is_some_and(|u| u.w() == "to")
                && let Some(np) = self.np_after(pi, a + 2, end)
            {
                return Some(self.raw_reported(pi, start, k, np, "according to"));
            }
            if self.verb(t).is_some_and(|c| c != VerbClass::QuoteOnly)
                && let Some(np) = self.np_after(pi, a + 1, end)
            {
                let tail = np.role.map_or(np.b, |r| r.1);
                if self.skip_time(pi, tail, end) >= end && p.toks[np.a].w() != "it" {
                    return Some(self.raw_reported(pi, start, k, np, t.low));
                }
            }
            // Subject + verb + tail to the end.
            for v in a..end.min(a + 20) {
                let vt = &p.toks[v];
                if self.verb(vt).is_none_or(|c| c == VerbClass::QuoteOnly) {
                    continue;
                }
                let Some(np) = self.subject_before(pi, a, v) else {
                    break;
                };
                if p.toks[a..np.a].iter().any(|t| {
                    !t.is_word()
                        || matches!(
                            t.w(),
                            "as" | "which"
                                | "that"
                                | "who"
                                | "when"
                                | "while"
                                | "because"
                                | "if"
                                | "although"
                                | "since"
                                | "than"
                                | "whom"
                        )
                }) {
                    break;
                }
                let oe = if self.verb(vt) == Some(VerbClass::Tell) {
                    self.tell_object(pi, v + 1, end)
                } else {
                    v + 1
                };
                let te = self.skip_time(pi, oe, end);
                if te >= end {
                    let cue = self.cue_text(pi, v, end);
                    return Some(self.raw_reported(pi, start, k, np, &cue));
                }
                break;
            }
        }
        // `The paper quoted X as saying (that) CLAUSE`
        for qv in start..end.min(start + 30) {
            if p.toks[qv].w() != "quoted" || p.qid[qv] != 0 {
                continue;
            }
            let Some(asx) = (qv + 2..end.min(qv + 8)).find(|&k| {
                p.toks[k].w() == "as" && p.toks.get(k + 1).is_some_and(|t| t.w() == "saying")
            }) else {
                continue;
            };
            let Some(np) = self.np_after(pi, qv + 1, asx) else {
                continue;
            };
            let mut c = self.skip_time(pi, asx + 2, end);
            if c < end && p.toks[c].w() == "that" {
                c += 1;
            }
            if end >= c + 3 {
                return Some(self.raw_reported(
                    pi,
                    c,
                    end,
                    Np { role: None, ..np },
                    "quoted as saying",
                ));
            }
        }
        // `X said (that) CLAUSE`
        let mut sent_subj: Option<Np> = None;
        for v in start..end {
            let vt = &p.toks[v];
            if p.qid[v] != 0 {
                continue;
            }
            let Some(class) = self.verb(vt) else { continue };
            if class == VerbClass::QuoteOnly {
                continue;
            }
            let np = match self.subject_before(pi, start, v) {
                Some(np) => {
                    if sent_subj.is_none() {
                        sent_subj = Some(np);
                    }
                    np
                }
                // `X admitted ..., but said ...`: the subject of the first verb.
                None => {
                    let coordinated =
                        v > start + 1 && matches!(p.toks[v - 1].w(), "and" | "but" | "also");
                    match sent_subj {
                        Some(s0) if coordinated => s0,
                        // `Critics called the scheme ... and said ...`: a short sentence-initial
                        // noun phrase followed by a verb-like word.
                        None if coordinated => {
                            let mut e = start;
                            while e < v && e - start < 4 && p.toks[e].is_word() {
                                let w = p.toks[e].w();
                                if e > start && (w.ends_with("ed") || w.ends_with("es")) {
                                    break;
                                }
                                e += 1;
                            }
                            let sub = Np {
                                p: pi,
                                a: start,
                                b: e,
                                role: None,
                            };
                            let ok = e > start
                                && e < v
                                && p.toks[e].w().ends_with("ed")
                                && matches!(
                                    self.classify(&sub).0,
                                    NpClass::Group | NpClass::Org | NpClass::Name
                                );
                            if !ok {
                                continue;
                            }
                            sent_subj = Some(sub);
                            sub
                        }
                        _ => continue,
                    }
                }
            };
            // `which he said led to ...` (embedded) and `could not say` (negated).
            if np.a > start && matches!(p.toks[np.a - 1].w(), "which" | "that" | "who" | "whom") {
                continue;
            }
            if p.toks[np.b..v]
                .iter()
                .any(|t| matches!(t.w(), "not" | "never" | "cannot" | "n't"))
            {
                continue;
            }
            let ncls = self.classify(&np).0;
            let strong_verb = matches!(vt.w(), "said" | "says" | "say" | "told" | "tells" | "tell");
            // Table debris (`vs 2.50 mln tonnes estimated`) is not a speaker.
            if ncls == NpClass::Other
                && p.toks[np.a..np.b]
                    .iter()
                    .any(|t| t.low.starts_with(|c: char| c.is_ascii_digit()) || t.w() == "vs")
            {
                continue;
            }
            if ncls == NpClass::Other && !strong_verb {
                continue;
            }
            if ncls == NpClass::Other && self.paras[pi].toks[np.a].is_word() {
                let contentful = p.toks[np.a..np.b].iter().any(|t| {
                    self.name_like(t)
                        || t.bf(F_ROLE | F_ORG | F_GROUP | F_EVENT)
                        || self.place_tok(t)
                });
                if !(p.toks[np.a].wf(F_NP_STARTER) || contentful) {
                    continue;
                }
            }
            let mut c = v + 1;
            if class == VerbClass::Tell {
                c = self.tell_object(pi, c, end);
            }
            c = self.skip_time(pi, c, end);
            // `X said, adding that ...`
            if c + 1 < end
                && matches!(p.toks[c].w(), "adding" | "saying" | "noting" | "stressing")
                && p.toks[c + 1].w() == "that"
            {
                c += 1;
            }
            let mut has_that = false;
            if c < end && p.toks[c].w() == "that" {
                has_that = true;
                c += 1;
            }
            while c < end && matches!(p.toks[c].kind, Kind::Punct(',' | ':')) {
                c += 1;
            }
            if end < c + 3 {
                continue;
            }
            let first = &p.toks[c];
            if !first.is_word() {
                continue;
            }
            if class == VerbClass::That && !has_that {
                let urge = vt.w().starts_with("urg") || vt.w().starts_with("warn");
                if !(urge && p.toks[c..end.min(c + 7)].iter().any(|t| t.w() == "to")) {
                    continue;
                }
            }
            if !has_that
                && matches!(
                    first.w(),
                    "to" | "of"
                        | "about"
                        | "for"
                        | "with"
                        | "by"
                        | "from"
                        | "in"
                        | "on"
                        | "at"
                        | "into"
                        | "as"
                        | "so"
                        | "no"
                        | "yes"
                        | "and"
                        | "but"
                        | "or"
                        | "nothing"
                        | "goodbye"
                        | "hello"
                        | "sorry"
                        | "thanks"
                        | "if"
                        | "was"
                        | "is"
                        | "be"
                )
            {
                continue;
            }
            if class == VerbClass::Tell && c == v + 1 && !has_that {
                continue;
            }
            let cue = self.cue_text(pi, v, end);
            return Some(self.raw_reported(pi, c, end, np, &cue));
        }
        None
    }

    pub(super) fn raw_reported(&self, pi: usize, a: usize, b: usize, np: Np, cue: &str) -> Raw {
        let p = &self.paras[pi];
        let mut a = a;
        let mut b = b;
        while a < b && !p.toks[a].is_word() && !p.toks[a].is_dq() {
            a += 1;
        }
        while b > a && matches!(p.toks[b - 1].kind, Kind::Punct(',' | ';' | ':' | '-')) {
            b -= 1;
        }
        let (s, e) = if a < b {
            (p.toks[a].s, p.toks[b - 1].e)
        } else {
            (
                p.toks[a.min(p.toks.len() - 1)].s,
                p.toks[a.min(p.toks.len() - 1)].s,
            )
        };
        Raw {
            s,
            e,
            kind: QuoteKind::Reported,
            cue: cue.to_string(),
            who: Who::Np(np),
            base_conf: 0.85,
            p: pi,
            group: None,
            role_override: String::new(),
        }
    }

    // ----- main passes -----
}
