//! Stage 4: people. Registers the named people of an article (`X is the ROLE`, `X, the ROLE,`,
//! `ROLE X`, TV captions, reporter sign-offs) in [`Doc::persons`], so later mentions, surnames
//! and pronouns can resolve to them.

use super::*;

/// A person found in the text: name and role (slices of the text where possible, not copies)
/// and byte position.
type Registration<'a> = (&'a str, Cow<'a, str>, usize);

#[derive(Clone, Debug)]
pub(super) struct Person {
    /// As first introduced.
    pub(super) name: String,
    pub(super) role: String,
    /// `role.to_lowercase()`, kept for [`Doc::resolve_role`].
    pub(super) role_low: String,
    pub(super) pos: usize,
    /// 0 unknown, 1 male, 2 female (from `mr`, `mrs`, `ms`... titles).
    pub(super) gender: u8,
}

/// Gender implied by a courtesy title or a given name (`mr`, `Mrs.`, `Hillary`): 1 male,
/// 2 female, 0 unknown or either (`assets/lexicon/quotes/genders.txt`).
pub(super) fn word_gender(word: &str) -> u8 {
    let low = lower_cow(word.trim_end_matches('.'));
    LEX.genders.get(low.as_ref()).copied().unwrap_or(0)
}

/// Any casing: a common word after a given name is its surname (`colin price`, `sofia
/// marin`), unless it is a function, time, role, organisation or place word or a verb.
fn surname_after_given_name(t: &Tok) -> bool {
    t.is_word()
        && !t.bf(F_FUNCTION | F_TIME | F_ROLE | F_ORG | F_PLACE | F_PRON | F_VERB | F_AUX)
        && !t.clearly_past_tense()
        && !t.looks_ly_adverb(false)
}

/// Without trailing `'s` and periods.
pub(super) fn trim_possessive(l: &str) -> &str {
    l.trim_end_matches("'s").trim_end_matches('.')
}

pub(super) fn strip_article(s: &str) -> &str {
    for a in ["the ", "a ", "an ", "The ", "A ", "An ", "THE ", "AN "] {
        if let Some(r) = s.strip_prefix(a) {
            return r.trim();
        }
    }
    s.trim()
}

/// The last of several words of a name is its surname, even when it is also a title word
/// (`Mr. King`, `Larry King`, `Ms. Bishop`).
fn surname_position(i: usize, words: usize) -> bool {
    words > 1 && i + 1 == words
}

pub(super) fn strip_titles(s: &str, lex: &Lexicon) -> String {
    s.split_whitespace()
        .filter(|w| {
            let l = lower_cow(w);
            !lex.titles.contains(l.as_ref()) && !lex.titles.contains(l.trim_end_matches('.'))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl<'a> Doc<'a> {
    /// The run of name tokens starting at `a` (at most 4 tokens, particles inside allowed).
    pub(super) fn name_run(&self, p: &Para, a: usize, hi: usize) -> usize {
        let mut b = a;
        let mut initials = 0;
        while b < hi && b - a < 4 + initials {
            let t = &p.toks[b];
            // Lower-case text: a third word looking like a verb ends the name.
            let verbish = !self.cased
                && b - a >= 2
                && (t.looks_past_tense() || t.low.ends_with("ing") || t.low.ends_with('s'));
            if self.name_like(t) && !verbish {
                b += 1;
                if t.possessive() {
                    break;
                }
            } else if b > a
                && (t.wf(F_NAME_PARTICLE) || is_initial(t))
                && b + 1 < hi
                && self.name_like(&p.toks[b + 1])
            {
                // `Ludwig van Beethoven`, `Julie A. Diaz`.
                initials += usize::from(is_initial(t));
                b += 1;
            } else if b > a && self.surname_ok(t)
                || b == a + 1 && p.toks[a].bf(F_GENDERED) && surname_after_given_name(t)
            {
                // `Colin Price`, `Gordon Brown`.
                b += 1;
            } else if b == a
                && (self.cased && t.cap || t.bf(F_GENDERED))
                && t.base_flags & F_PLACE != 0
                && t.base_flags & F_STOP == 0
                && !t.possessive()
                && b + 1 < hi
                && self.name_like(&p.toks[b + 1])
                && p.toks[b + 1].base_flags & (F_PLACE | F_PLACE_PART) == 0
            {
                // A first name that is also a place: `Sofia Marin`, `Jordan Henderson`.
                b += 1;
            } else {
                break;
            }
        }
        b
    }

    /// Cased text: a capitalised common word continuing a name (`Price` in `Colin Price`).
    pub(super) fn surname_ok(&self, t: &Tok) -> bool {
        self.cased
            && t.cap
            && t.is_word()
            && t.bf(F_STOP)
            && !t.bf(F_FUNCTION | F_TIME | F_ROLE | F_ORG | F_PLACE)
    }

    /// The lower-cased name without titles, words joined by single spaces, built in place
    /// (each word lower-cased onto the end, dropped again if it is a title), without `'s`.
    fn person_key(&self, name: &str) -> String {
        let mut low = String::with_capacity(name.len());
        let words = name.split_whitespace().count();
        for (i, w) in name.split_whitespace().enumerate() {
            let mark = low.len();
            if !low.is_empty() {
                low.push(' ');
            }
            let start = low.len();
            push_lower(&mut low, w);
            let lw = &low[start..];
            let title =
                self.lex.titles.contains(lw.trim_end_matches('.')) || self.lex.titles.contains(lw);
            if title && !surname_position(i, words) {
                low.truncate(mark);
            }
        }
        low.truncate(low.trim_end_matches("'s").len());
        low
    }

    /// The name as written without titles and a possessive `'s`, words joined by single
    /// spaces.
    fn name_without_titles(&self, name: &str) -> String {
        let mut clean = String::with_capacity(name.len());
        let mut lw = String::new();
        let words = name.split_whitespace().count();
        for (i, w) in name.split_whitespace().enumerate() {
            lw.clear();
            push_lower(&mut lw, w);
            if self.lex.titles.contains(lw.trim_end_matches('.')) && !surname_position(i, words) {
                continue;
            }
            if !clean.is_empty() {
                clean.push(' ');
            }
            clean.push_str(w);
        }
        if let Some(c) = clean
            .strip_suffix("'s")
            .or_else(|| clean.strip_suffix("’s"))
        {
            clean.truncate(c.len());
        }
        clean
    }

    /// Registers the person `name` (titles dropped) at byte `pos`, or finds them by full name,
    /// surname or first name; records the role and gender given here if none is known yet.
    /// Returns their index, or `usize::MAX` for an empty name.
    pub(super) fn add_person(&mut self, name: &str, role: &str, pos: usize) -> usize {
        let low = self.person_key(name);
        if low.is_empty() {
            return usize::MAX;
        }
        let idx = if let Some(&i) = self.by_name.get(&low) {
            i
        } else if let Some(&i) = self.by_part.get(&low).filter(|_| !low.contains(' ')) {
            i
        } else if let Some((full, fpos)) = self
            .pair_names
            .get(&low)
            .filter(|(_, fp)| *fp < pos && !low.contains(' '))
            .cloned()
        {
            let i = self.add_person(&full, role, fpos);
            self.by_part.insert(low.clone(), i);
            i
        } else {
            let clean = self.name_without_titles(name);
            let i = self.persons.len();
            self.persons.push(Person {
                name: clean,
                role: String::new(),
                role_low: String::new(),
                pos,
                gender: 0,
            });
            self.by_name.insert(low.clone(), i);
            let parts: Vec<&str> = low.split(' ').collect();
            if parts.len() > 1 {
                for part in [parts[0], parts[parts.len() - 1]] {
                    if part.chars().count() > 1 {
                        self.by_part.entry(part.to_string()).or_insert(i);
                    }
                }
            }
            i
        };
        let first_word_gender =
            |name: &str| word_gender(name.split_whitespace().next().unwrap_or(""));
        if let Some(p) = self.persons.get_mut(idx) {
            if p.role.is_empty() && !role.is_empty() {
                p.role = role.to_string();
                p.role_low = role.to_lowercase();
            }
            // A courtesy title as written (`Mrs. Lind`), else the given name (`Sen. Ada Lind`).
            if p.gender == 0 {
                p.gender = match first_word_gender(name) {
                    0 => first_word_gender(&p.name),
                    g => g,
                };
            }
        }
        // During resolution mentions stay sorted (binary search): speakers found then are
        // recorded in resolve's own `dynamic` list instead.
        if !self.sealed {
            self.mentions.push((pos, idx));
        }
        idx
    }

    /// Registers named people introduced without quotes: `X is the ROLE`, `X, the ROLE,`,
    /// sign-offs, and (in cased text) runs of capitalised name words.
    pub(super) fn register_people(&mut self) {
        let mut found: Vec<Registration<'a>> = Vec::new();
        let mut weak: Vec<Registration<'a>> = Vec::new();
        for pi in 0..self.paras.len() {
            // `Gold Star Mom Corners Obama`: in a headline in title case every word looks
            // like a name; the body names the people again.
            if pi == 0 && self.titled && self.cased && title_case(&self.paras[pi].toks) {
                continue;
            }
            for &(ss, se) in &self.paras[pi].sents {
                self.speech_verb_subjects(pi, ss, se, &mut found);
                weak.extend(self.sentence_initial_run(pi, ss, se));
                found.extend(self.name_is_the_role(pi, ss, se));
            }
            self.names_in_paragraph(pi, &mut found, &mut weak);
        }
        for pi in 0..self.paras.len() {
            if let Some(((ns, ne), role)) = self.caption(pi) {
                let text: &'a str = self.text;
                found.push((&text[ns..ne], Cow::Owned(role), ns));
            }
        }
        if !self.cased {
            self.pair_names = self.name_pairs();
        }
        self.add_registrations(found, weak);
        self.register_later_mentions();
    }

    /// Subjects of speech verbs that are names (`Burton explained from a podium.`).
    fn speech_verb_subjects(
        &self,
        pi: usize,
        ss: usize,
        se: usize,
        found: &mut Vec<Registration<'a>>,
    ) {
        let p = &self.paras[pi];
        for v in ss..se {
            if p.qid[v] != 0 || self.verb(&p.toks[v]).is_none() {
                continue;
            }
            if let Some(np) = self.subject_before(pi, ss, v)
                && let (NpClass::Name, Some((na, nb))) = self.classify(&np)
            {
                let role = np
                    .role
                    .map_or("", |(a, b)| strip_article(self.np_text(pi, a, b)));
                found.push((
                    self.np_text(pi, na, nb),
                    Cow::Borrowed(role),
                    p.toks[na].start,
                ));
            }
        }
    }

    /// A sentence-initial name-like run in lower-case text (`ahmed karimi arrived ...`): a
    /// weak person mention, for pronoun resolution. In the title, a word that may be a verb in
    /// the headline present tense ends the run (`obama seeks more refugees`).
    fn sentence_initial_run(&self, pi: usize, ss: usize, se: usize) -> Option<Registration<'a>> {
        let p = &self.paras[pi];
        let mut s0 = ss;
        while s0 < se && p.toks[s0].wf(F_TITLE) {
            s0 += 1;
        }
        let mut b0 = self.name_run(p, s0, se);
        if pi == 0 && self.titled {
            b0 = (s0 + 1..b0)
                .find(|&k| p.toks[k].low.ends_with('s') || p.toks[k].looks_past_tense())
                .unwrap_or(b0);
        }
        if self.cased || !(2..=3).contains(&(b0 - s0)) || b0 >= se || p.qid[ss] != 0 {
            return None;
        }
        let t = &p.toks[b0];
        ((t.is_word() || t.is_punct(',')) && !t.possessive()).then(|| {
            (
                self.np_text(pi, ss, b0),
                Cow::Borrowed(""),
                p.toks[ss].start,
            )
        })
    }

    /// `X is the ROLE` / `X, the ROLE` at the start of the sentence `[ss, se)`.
    fn name_is_the_role(&self, pi: usize, ss: usize, se: usize) -> Option<Registration<'a>> {
        let p = &self.paras[pi];
        let b = self.name_run(p, ss, se);
        let min = self
            .min_name_len()
            .max(2)
            .min(if self.cased { 1 } else { 2 });
        if b - ss < min || b >= se || p.qid[ss] != 0 {
            return None;
        }
        let t = &p.toks[b];
        if !(matches!(t.w(), "is" | "was") || t.is_punct(',')) {
            return None;
        }
        let mut r = b + 1;
        if matches!(p.toks.get(r).map(|t| t.w()), Some("the" | "a" | "an")) {
            r += 1;
        }
        let mut re = r;
        while re < se && re - r < 20 {
            let u = &p.toks[re];
            if u.is_terminal() || u.is_dq() || (t.is_punct(',') && u.is_punct(',')) {
                break;
            }
            re += 1;
        }
        let has_role = p.toks[r..re].iter().take(5).any(|u| u.bf(F_ROLE_HEAD));
        (has_role && re > r).then(|| {
            (
                self.np_text(pi, ss, b),
                Cow::Borrowed(self.np_text(pi, r, re)),
                p.toks[ss].start,
            )
        })
    }

    /// Names anywhere in paragraph `pi`: `X, the ROLE of Y,`, `ROLE X`, and (cased text)
    /// other runs of capitalised name words as weak mentions.
    fn names_in_paragraph(
        &self,
        pi: usize,
        found: &mut Vec<Registration<'a>>,
        weak: &mut Vec<Registration<'a>>,
    ) {
        let p = &self.paras[pi];
        let mut i = 0;
        while i < p.toks.len() {
            if !self.name_like(&p.toks[i]) || (i > 0 && self.name_like(&p.toks[i - 1])) {
                i += 1;
                continue;
            }
            let b = self.name_run(p, i, p.toks.len());
            if self.headline_verb_at(pi, i) {
                i = b.max(i + 1);
                continue;
            }
            // `Mrs. Clinton`, `sen. warren`: a courtesy or office title makes one word a name.
            if i > 0 && p.toks[i - 1].wf(F_TITLE) && !p.toks[i - 1].bf(F_NAME_PARTICLE) {
                let name = self.np_text(pi, i - 1, b);
                found.push((name, Cow::Borrowed(""), p.toks[i - 1].start));
            }
            if let Some(registration) = self.name_comma_role(pi, i, b) {
                found.push(registration);
                i = b;
                continue;
            }
            match self.role_before_name(pi, i, b) {
                Some(registration) => found.extend(registration),
                None if self.cased && b - i >= 2 => {
                    let orgish = p.toks[i..b].iter().any(|t| t.bf(F_ORG) || t.bf(F_MEDIA));
                    if !orgish {
                        weak.push((self.np_text(pi, i, b), Cow::Borrowed(""), p.toks[i].start));
                    }
                }
                None => {}
            }
            i = b.max(i + 1);
        }
    }

    /// `union chief corners wells`: in a lower-case headline, a word in `-s` opening a name
    /// run at `i` is the headline's present-tense verb.
    fn headline_verb_at(&self, pi: usize, i: usize) -> bool {
        let t = &self.paras[pi].toks[i];
        pi == 0 && self.titled && !self.cased && t.low.ends_with('s') && !t.possessive()
    }

    /// `X, the ROLE of Y,`: the name run `[i, b)` followed by a comma and a role.
    fn name_comma_role(&self, pi: usize, i: usize, b: usize) -> Option<Registration<'a>> {
        let p = &self.paras[pi];
        if b - i < 2 || b >= p.toks.len() || !p.toks[b].is_punct(',') {
            return None;
        }
        let r = b + 1;
        let mut re = r;
        while re < p.toks.len() && re - r < 16 {
            let u = &p.toks[re];
            let ends = u.is_punct(',')
                || u.is_terminal()
                || u.is_dq()
                || self.verb(u).is_some()
                || matches!(
                    u.w(),
                    "that" | "which" | "who" | "is" | "was" | "has" | "had" | "will"
                );
            if ends {
                break;
            }
            re += 1;
        }
        let mut r0 = r;
        if matches!(p.toks.get(r0).map(|t| t.w()), Some("the" | "a" | "an")) {
            r0 += 1;
        }
        let has_role = p.toks[r0..re].iter().take(4).any(|u| u.bf(F_ROLE_HEAD));
        (has_role && re > r0).then(|| {
            (
                self.np_text(pi, i, b),
                Cow::Borrowed(self.np_text(pi, r0, re)),
                p.toks[i].start,
            )
        })
    }

    /// `ROLE NAME` (`US district court judge Susan Ilston`) for the name run `[i, b)`:
    /// `Some(Some(..))` registers it, `Some(None)` is a description, not a name (lower case:
    /// `the veteran game maker`), `None` when there is no role before the name.
    fn role_before_name(&self, pi: usize, i: usize, b: usize) -> Option<Option<Registration<'a>>> {
        let p = &self.paras[pi];
        let len = b - i;
        let roleish = |t: &Tok| {
            t.is_word()
                && (self.role_word(t)
                    || t.bf(F_ORG)
                    || self.place_tok(t)
                    || t.bf(F_ROLE_HYPHEN)
                    || (self.cased && !t.cap && !t.bf(F_STOP)))
        };
        let applies = len >= self.min_name_len()
            && i > 0
            && roleish(&p.toks[i - 1])
            && self.role_word(&p.toks[i - 1])
            && (self.cased
                || (len <= 3 && !p.toks[i - 1].bf(F_ROLE_MODIFIER) && !p.toks[i - 1].bf(F_STOP)));
        if !applies {
            return None;
        }
        let mut ra = i - 1;
        while ra > 0 && i - ra < 5 && roleish(&p.toks[ra - 1]) {
            ra -= 1;
        }
        let det_before = ra > 0
            && matches!(
                p.toks[ra - 1].w(),
                "the" | "a" | "an" | "this" | "its" | "his" | "her" | "their"
            );
        let anchored = p.toks[ra..i]
            .iter()
            .any(|t| t.possessive() || t.bf(F_ORG) || self.place_tok(t));
        if !self.cased && det_before && !anchored {
            return Some(None);
        }
        Some(Some((
            self.np_text(pi, i, b),
            Cow::Owned(strip_titles(self.np_text(pi, ra, i), self.lex)),
            p.toks[i].start,
        )))
    }

    /// Lower-case text: surname (last word of a 2–3 word name-like run) → the first such run
    /// and its position, to expand a later surname-only speaker (`spacey` → `kevin spacey`).
    fn name_pairs(&self) -> HashMap<String, (String, usize), FxBuild> {
        let mut pairs: HashMap<String, (String, usize), FxBuild> = HashMap::default();
        for (pi, p) in self.paras.iter().enumerate() {
            let mut i = 0;
            while i < p.toks.len() {
                if p.qid[i] != 0 || !self.name_like(&p.toks[i]) {
                    i += 1;
                    continue;
                }
                let b = self.name_run(p, i, p.toks.len());
                if (2..=3).contains(&(b - i))
                    && !p.toks[b - 1].possessive()
                    && !self.headline_verb_at(pi, i)
                {
                    pairs
                        .entry(p.toks[b - 1].base().to_string())
                        .or_insert_with(|| (self.np_text(pi, i, b).to_string(), p.toks[i].start));
                }
                i = b.max(i + 1);
            }
        }
        pairs
    }

    /// Adds the registrations in text order; positions only weakly registered are remembered
    /// as weak.
    fn add_registrations(&mut self, mut found: Vec<Registration<'a>>, weak: Vec<Registration<'a>>) {
        let strong_pos: HashSet<usize, FxBuild> = found.iter().map(|f| f.2).collect();
        let weak_pos: Vec<usize> = weak.iter().map(|f| f.2).collect();
        found.extend(weak);
        found.sort_by_key(|f| f.2);
        for (n, r, pos) in found {
            self.add_person(n, &r, pos);
        }
        // A position is weak only if no strong registration shares it (a caption and a
        // sentence-initial run start at the same byte).
        self.weak
            .extend(weak_pos.into_iter().filter(|p| !strong_pos.contains(p)));
    }

    /// Later surname-only (or first-name-only) mentions of registered people (only of people
    /// with a strong registration: capitalised runs alone are not enough).
    fn register_later_mentions(&mut self) {
        let strong: HashSet<usize, FxBuild> = self
            .mentions
            .iter()
            .filter(|m| !self.weak.contains(&m.0))
            .map(|m| m.1)
            .collect();
        let mut extra = Vec::new();
        let mut poss = Vec::new();
        for p in &self.paras {
            for (k, t) in p.toks.iter().enumerate() {
                if p.qid[k] != 0 || !t.is_word() || (self.cased && !t.cap) {
                    continue;
                }
                let b = t.base();
                if b.len() < 3 || t.bf(F_STOP) {
                    continue;
                }
                // A surname of a full name, or a one-word name (`Clinton said`) met again.
                if let Some(&idx) = self.by_part.get(b).or_else(|| self.by_name.get(b))
                    && strong.contains(&idx)
                {
                    extra.push((t.start, idx));
                    if t.possessive() {
                        poss.push(t.start);
                    }
                }
            }
        }
        // A capitalised run that is the surname of a strongly registered person is no longer
        // weak evidence: it names that person.
        for (pos, _) in &extra {
            self.weak.remove(pos);
        }
        self.mentions.extend(extra);
        self.poss.extend(poss);
    }

    // ----- attribution of direct quotes -----

    /// Caption: a paragraph that starts with `NAME [ROLE] "..."` and no speech verb.
    pub(super) fn caption(&self, pi: usize) -> Option<((usize, usize), String)> {
        let p = &self.paras[pi];
        let q = p.quotes.first()?;
        let o = q.open;
        if q.continued || o == 0 || o > 24 {
            return None;
        }
        // The quote must run to the paragraph end.
        if let Some(c) = q.close
            && p.toks.len() - c > 2
        {
            return None;
        }
        for t in &p.toks[..o] {
            match t.kind {
                Kind::Word => {
                    if self.verb(t).is_some()
                        || matches!(t.w(), "according" | "is" | "was" | "are" | "were")
                    {
                        return None;
                    }
                }
                Kind::Punct(',' | '-' | '–' | '—' | '―' | ':' | '|' | '/' | '(' | ')')
                | Kind::Sq => {}
                _ => return None,
            }
        }
        let min = self.min_name_len();
        let b = self.name_run(p, 0, o);
        let (na, nb) = if b >= min {
            (0, b)
        } else {
            // ROLE NAME "..."
            let mut e = o;
            while e > 0 && matches!(p.toks[e - 1].kind, Kind::Punct(_)) {
                e -= 1;
            }
            let mut a = e;
            while a > 0 && e - a < 3 && self.name_like(&p.toks[a - 1]) {
                a -= 1;
            }
            let role_before = a > 0
                && p.toks[..a]
                    .iter()
                    .all(|t| !t.is_word() || !t.wf(F_STOP) || t.w() == "of");
            if e - a >= min && role_before {
                (a, e)
            } else {
                return None;
            }
        };
        let words = p.toks[o..].iter().filter(|t| t.is_word()).count();
        if words < 4 {
            return None;
        }
        let role = if na == 0 {
            let mut rs = nb;
            let mut re = o;
            while rs < re && !p.toks[rs].is_word() {
                rs += 1;
            }
            while re > rs && !p.toks[re - 1].is_word() {
                re -= 1;
            }
            self.np_text(pi, rs, re).to_string()
        } else {
            let mut re = na;
            while re > 0 && !p.toks[re - 1].is_word() {
                re -= 1;
            }
            self.np_text(pi, 0, re).to_string()
        };
        Some(((p.toks[na].start, p.toks[nb - 1].end), role))
    }

    /// A reporter sign-off `NAME, OUTLET, PLACE.` ending the quote's inner tokens `[a, c)`.
    /// Returns (token index where the sign-off starts, name, role).
    pub(super) fn signoff(&self, pi: usize, a: usize, c: usize) -> Option<(usize, String, String)> {
        let p = &self.paras[pi];
        let mut e = c;
        while e > a && p.toks[e - 1].is_terminal() {
            e -= 1;
        }
        // Segments separated by commas, from the end.
        let mut segs: Vec<(usize, usize)> = Vec::new();
        let mut k = e;
        let mut seg_end = e;
        while k > a && segs.len() < 4 && e - k < 12 {
            k -= 1;
            let t = &p.toks[k];
            if t.is_punct(',') {
                segs.push((k + 1, seg_end));
                seg_end = k;
            } else if t.is_terminal() {
                segs.push((k + 1, seg_end));
                seg_end = k;
                break;
            } else if !t.is_word() {
                return None;
            }
        }
        if !(k == a || p.toks[k].is_terminal()) {
            if k == a && seg_end > a {
                segs.push((a, seg_end));
            } else {
                return None;
            }
        } else if k == a && !p.toks[k].is_terminal() && seg_end > a {
            segs.push((a, seg_end));
        }
        segs.reverse();
        if segs.len() < 2 || segs.len() > 3 {
            return None;
        }
        let (ns, ne) = segs[0];
        if ne <= ns
            || ne - ns > 3
            || self.name_run(p, ns, ne) != ne
            || ne - ns < self.min_name_len()
        {
            return None;
        }
        let rest: Vec<&str> = segs[1..]
            .iter()
            .map(|&(s, e)| self.np_text(pi, s, e))
            .collect();
        if rest
            .iter()
            .any(|r| r.is_empty() || r.split_whitespace().count() > 3)
        {
            return None;
        }
        let outlet_ok = segs[1..].iter().any(|&(s, e)| {
            p.toks[s..e]
                .iter()
                .any(|t| t.bf(F_MEDIA) || self.place_tok(t))
        }) || segs.len() == 3;
        if !outlet_ok {
            return None;
        }
        let name = self.np_text(pi, ns, ne).to_string();
        let role = if rest.len() == 2 {
            format!("{} reporter, {}", rest[0], rest[1])
        } else {
            format!("{} reporter", rest[0])
        };
        Some((ns, name, role))
    }

    // ----- reported speech -----
}

/// A middle initial: one letter and a period (`A.` in `Julie A. Diaz`).
fn is_initial(t: &Tok) -> bool {
    let mut chars = t.low.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_alphabetic())
}
