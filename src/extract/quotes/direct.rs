//! Stage 5: direct quotes. Attributes each paired quote to a speaker phrase, caption or earlier
//! quote; the main pass over paragraphs ([`Doc::extract`]) also calls the reported-speech stage
//! on sentences without a direct quote. Output: [`Raw`] quotes with an unresolved [`Who`].

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
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) kind: QuoteKind,
    pub(super) cue: String,
    pub(super) who: Who,
    pub(super) base_conf: f32,
    /// Paragraph index, and multi-paragraph group id for direct quotes.
    pub(super) p: usize,
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
        while i < n && matches!(p.toks[i].kind, Kind::Punct(',' | '-' | '—' | '–')) {
            i += 1;
        }
        if i >= n {
            return None;
        }
        // End of the attribution window: sentence end or next quote mark.
        let mut hi = i;
        while hi < n && hi - i < 30 {
            let t = &p.toks[hi];
            if t.is_terminal() || t.is_dq() || t.is_punct(';') {
                break;
            }
            hi += 1;
        }
        let t = &p.toks[i];
        if t.w() == "according" && p.toks.get(i + 1).is_some_and(|u| u.w() == "to") {
            let np = self.np_after(pi, i + 2, hi)?;
            return Some((np, "according to".to_string()));
        }
        if self.verb(t).is_some() {
            let np = self.np_after(pi, i + 1, hi)?;
            if self.classify(&np).0 == NpClass::Pronoun(PronClass::Org) || p.toks[np.a].w() == "it"
            {
                return None;
            }
            return Some((np, t.low.to_string()));
        }
        // Subject then verb within a few tokens.
        let mut v = None;
        for k in i..hi.min(i + 16) {
            if self.verb(&p.toks[k]).is_some() {
                v = Some(k);
                break;
            }
        }
        let v = v?;
        let np = self.subject_before(pi, i, v)?;
        // The subject must start the window (modulo connectives).
        if np.a > i
            && p.toks[i..np.a]
                .iter()
                .any(|t| !(t.is_punct(',') || matches!(t.w(), "and" | "but" | "as")))
        {
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

    pub(super) fn cue_text(&self, pi: usize, v: usize, hi: usize) -> String {
        let p = &self.paras[pi];
        let t = &p.toks[v];
        if self.verb(t) == Some(VerbClass::Tell) {
            let oe = self.tell_object(pi, v + 1, hi);
            if oe > v + 1 && oe - v <= 3 {
                return lower_cow(&self.text[t.s..p.toks[oe - 1].e]).into_owned();
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
            let np = self.np_after(pi, lo + 2, o)?;
            if np.b < o && p.toks[np.b].is_punct(',') || np.role.is_some() {
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
            if self.verb(t).is_none() {
                continue;
            }
            if tight {
                // Between verb and quote: object, time, `that`, `:` or `,` only.
                let mut e = self.tell_object(pi, k + 1, o);
                e = self.skip_time(pi, e, o);
                while e < o
                    && (matches!(p.toks[e].kind, Kind::Punct(':' | ',' | '-' | '—'))
                        || matches!(p.toks[e].w(), "that" | "as" | "saying" | "quoted"))
                {
                    e += 1;
                }
                if e != o {
                    return None;
                }
                if t.w().ends_with("ing") {
                    // `X said ..., adding: "..."`: the subject is the main verb's.
                    participle = Some(t.low.to_string());
                    tight = false;
                    continue;
                }
            }
            if t.w().ends_with("ing") {
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
        None
    }

    pub(super) fn extract(&mut self) -> Vec<Raw> {
        let mut raws: Vec<Raw> = Vec::new();
        let mut signoffs: Vec<(String, String, usize)> = Vec::new();
        let mut group_id = 0usize;
        let mut prev_para_last: Option<usize> = None;
        let mut group_last: HashMap<usize, usize, FxBuild> = HashMap::default();
        let mut group_first_attr: HashMap<usize, usize, FxBuild> = HashMap::default();
        let mut open_group: Option<usize> = None;
        for pi in 0..self.paras.len() {
            let para_first_raw = raws.len();
            let caption = self.caption(pi);
            let nq = self.paras[pi].quotes.len();
            let mut direct_sents: Vec<(usize, usize)> = Vec::new();
            let mut last_direct_in_para: Option<usize> = None;
            for qi in 0..nq {
                let p = &self.paras[pi];
                let q = p.quotes[qi];
                let o = q.open;
                let inner_end = q.end;
                let words = p.toks[o + 1..inner_end]
                    .iter()
                    .filter(|t| t.is_word())
                    .count();
                let group = if q.continued { open_group } else { None };
                if words <= 3 && !q.continued {
                    continue;
                }
                if words == 0 {
                    continue;
                }
                let inner_terminal = inner_end > o + 1
                    && matches!(p.toks[inner_end - 1].kind, Kind::Punct('.' | '!' | '?'));
                let inner_comma = inner_end > o + 1
                    && matches!(p.toks[inner_end - 1].kind, Kind::Punct(',' | '!' | '?'));
                let (ss, _se) = self.sent_of(pi, o);
                let lo = ss;
                let mut who = Who::None;
                let mut cue = String::new();
                let mut conf = 0.95f32;
                let mut role_override = String::new();
                let mut e_tok = inner_end;
                if qi == 0
                    && let Some((name, role)) = caption.clone()
                {
                    who = Who::Caption { name, role };
                    cue = "caption".to_string();
                    conf = 0.85;
                }
                // Sign-off at the end of the quote.
                if let Some((so, name, role)) = self.signoff(pi, o + 1, inner_end) {
                    let pos = p.toks[so].s;
                    if let Who::Caption { name: (ns, ne), .. } = &who
                        && lower_cow(&self.text[*ns..*ne]) == lower_cow(&name)
                    {
                        role_override = role.clone();
                    }
                    signoffs.push((name, role, pos));
                    e_tok = so;
                }
                if matches!(who, Who::None) {
                    if let Some((np, c)) = self.attr_before(pi, lo, o, true) {
                        who = Who::Np(np);
                        cue = c;
                    } else if let Some(c) = q.close
                        && let Some((np, cu)) =
                            self.attr_after(pi, c, inner_terminal && !inner_comma)
                    {
                        who = Who::Np(np);
                        cue = cu;
                    }
                }
                if matches!(who, Who::None)
                    && let Some((np, c)) = self.attr_before(pi, lo, o, false)
                {
                    // A verb earlier in the sentence only attributes a partial quote that
                    // is not a title (`claims his favourite film is "The Day After"`).
                    let p = &self.paras[pi];
                    let inner = &p.toks[o + 1..inner_end];
                    let titleish = self.cased
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
                        });
                    let embedded = o > 0 && p.toks[o - 1].is_word();
                    if titleish || (embedded && words <= 5 && !inner_terminal) {
                        continue;
                    }
                    who = Who::Np(np);
                    cue = c;
                    conf = 0.85;
                }
                let p = &self.paras[pi];
                if matches!(who, Who::None) {
                    // Scare quotes and titles: short, embedded in a sentence, no cue.
                    let prev_word = o > 0 && p.toks[o - 1].is_word();
                    let next_word = q
                        .close
                        .is_some_and(|c| p.toks.get(c + 1).is_some_and(|t| t.is_word()));
                    let embedded = prev_word || (next_word && !inner_terminal);
                    if embedded && words <= 8 && !q.continued {
                        continue;
                    }
                    if words <= 5 && !inner_terminal && !q.continued {
                        continue;
                    }
                    // Inherit.
                    conf = 0.6;
                    if let Some(g) = group
                        && let Some(&k) = group_last.get(&g)
                    {
                        who = Who::SameAs(k);
                    }
                    if matches!(who, Who::None) {
                        if let Some(k) = last_direct_in_para {
                            who = Who::SameAs(k);
                        } else if o == 0 || p.toks[..o].iter().all(|t| !t.is_word()) {
                            // Paragraph opens with the quote: the previous paragraph's last
                            // speaker, if its last quote ends that paragraph.
                            if let Some(k) = prev_para_last {
                                {
                                    let r = &raws[k];
                                    if pi > 0 && r.p + 1 == pi {
                                        let pp = &self.paras[pi - 1];
                                        let last_sent = pp.sents.last().map_or(0, |s| s.0);
                                        let ls_byte = pp.toks.get(last_sent).map_or(0, |t| t.s);
                                        if r.e >= ls_byte {
                                            who = Who::SameAs(k);
                                        }
                                    }
                                }
                            }
                        }
                    }
                    if matches!(who, Who::None) {
                        who = Who::Context(p.toks[o].s, p.toks.last().map_or(0, |t| t.e));
                        conf = 0.5;
                    }
                    if cue.is_empty() {
                        cue = String::new();
                    }
                }
                if q.close.is_none() && !q.continues {
                    conf *= 0.8;
                }
                // Span of the inner text.
                let mut a = o + 1;
                let mut b = e_tok;
                while b > a && p.toks[b - 1].is_dq() {
                    b -= 1;
                }
                if a >= b {
                    continue;
                }
                while a < b && p.toks[a].is_dq() {
                    a += 1;
                }
                let (s, e) = (p.toks[a].s, p.toks[b - 1].e);
                let g = if q.continues || q.continued {
                    match group {
                        Some(g) => Some(g),
                        None => {
                            group_id += 1;
                            Some(group_id)
                        }
                    }
                } else {
                    None
                };
                if q.continues {
                    open_group = g;
                }
                let (ss2, se2) = self.sent_of(pi, o);
                direct_sents.push((ss2, se2));
                if let Some(c) = q.close {
                    direct_sents.push(self.sent_of(pi, c));
                }
                last_direct_in_para = Some(raws.len());
                if let Some(g) = g {
                    group_last.insert(g, raws.len());
                    if matches!(who, Who::Np(_) | Who::Caption { .. }) {
                        group_first_attr.entry(g).or_insert(raws.len());
                    }
                }
                raws.push(Raw {
                    s,
                    e,
                    kind: QuoteKind::Direct,
                    cue,
                    who,
                    base_conf: conf,
                    p: pi,
                    group: g,
                    role_override,
                });
            }
            // Group fix-up: earlier segments without a speaker take the group's speaker.
            // Reported speech in sentences without a direct quote.
            let sents = self.paras[pi].sents.clone();
            let mut reported = Vec::new();
            direct_sents.sort_unstable();
            let mut ds = 0;
            for &(ss, se) in &sents {
                while ds < direct_sents.len() && direct_sents[ds].1 <= ss {
                    ds += 1;
                }
                if direct_sents
                    .get(ds..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|&&(a, _)| a < se)
                    .any(|&(a, b)| a < se && ss < b)
                {
                    // `X said CLAUSE, adding: "..."`: the clause before the participle.
                    let p = &self.paras[pi];
                    let part = (ss..se).find(|&k| {
                        p.qid[k] == 0
                            && k > ss
                            && p.toks[k - 1].is_punct(',')
                            && matches!(p.toks[k].w(), "adding" | "saying")
                    });
                    let first_q = (ss..se).find(|&k| p.qid[k] != 0).unwrap_or(se);
                    if let Some(k) = part.filter(|&k| k < first_q)
                        && let Some(r) = self.reported_in_sentence(pi, ss, k - 1)
                        && r.e > r.s
                    {
                        reported.push(r);
                    }
                    // `"...," he said, adding that ...` / `"...," others said CLAUSE`: reported
                    // speech after the last closing mark.
                    let last_q = (ss..se).rev().find(|&k| p.qid[k] != 0);
                    if let Some(lq) = last_q
                        && lq + 4 < se
                        && let Some(r) = self.reported_in_sentence(pi, lq + 1, se)
                        && r.e > r.s
                    {
                        let ct = &self.text[r.s..r.e];
                        let first = ct.split_whitespace().next().unwrap_or("");
                        if ct.split_whitespace().count() >= 4 && !first.ends_with("ing") {
                            reported.push(r);
                        }
                    }
                    continue;
                }
                if let Some(r) = self.reported_in_sentence(pi, ss, se)
                    && r.e > r.s
                {
                    reported.push(r);
                }
            }
            raws.extend(reported);
            prev_para_last = raws
                .get(para_first_raw..)
                .unwrap_or(&[])
                .iter()
                .enumerate()
                .max_by_key(|(_, r)| r.e)
                .map(|(i, _)| para_first_raw + i);
        }
        // Multi-paragraph groups: segments before the attributed one take its speaker.
        for r in &mut raws {
            let Some(g) = r.group else { continue };
            if matches!(r.who, Who::Context(..) | Who::None)
                && let Some(&k) = group_first_attr.get(&g)
            {
                r.who = Who::SameAs(k);
            }
        }
        for (n, r, pos) in signoffs {
            self.add_person(&n, &r, pos);
        }
        // Text order (speaker resolution walks the article in order).
        // A stable sort of (original index, raw) pairs: the raws move, no copies.
        let mut indexed: Vec<(usize, Raw)> = raws.into_iter().enumerate().collect();
        indexed.sort_by_key(|(_, r)| (r.s, r.e));
        let mut newpos = vec![0; indexed.len()];
        for (n, (o, _)) in indexed.iter().enumerate() {
            newpos[*o] = n;
        }
        let mut sorted: Vec<Raw> = indexed.into_iter().map(|(_, r)| r).collect();
        for r in &mut sorted {
            if let Who::SameAs(k) = &mut r.who {
                *k = newpos.get(*k).copied().unwrap_or(*k);
            }
        }
        sorted
    }
}
