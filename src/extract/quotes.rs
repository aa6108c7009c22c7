//! Quotes: direct and reported speech with their speakers.
//!
//! A hand-written, linear-time scanner (no regex, no model):
//!
//! 1. The text is split into paragraphs at blank lines (a `title` + `source: ...| published:`
//!    header is skipped) and each paragraph is tokenised once (words, punctuation, quote marks,
//!    all with byte spans; lexicon look-ups use the lower-cased form, so ALL CAPS, lower case and
//!    normal casing go through the same code; capitalisation is used as an extra name cue only
//!    when the article is normally cased).
//! 2. Double quote marks (`"`, `“ ”`, `„`, `« »`, ```` `` '' ````) are paired inside each
//!    paragraph. A quote left open at the end of a paragraph continues only when the next
//!    paragraph opens with a quote mark (newswire convention); otherwise it ends at the paragraph
//!    end, so an unbalanced mark never swallows the rest of an article.
//! 3. Each direct quote is attributed by local patterns: a TV caption (`NAME ROLE "..."`),
//!    `X said: "..."`, `"...," X said`, `"...," said X, ROLE`, `"...," according to X`, a speech
//!    verb earlier in the sentence, or, failing those, the previous quote of the same paragraph /
//!    multi-paragraph quote / the last speaker of the previous paragraph.
//! 4. Reported speech is found in sentences without a direct quote: `X says/said (that) CLAUSE`,
//!    `X told us (that) CLAUSE`, `X urged Y to ...`, `CLAUSE, X said.`, `according to X,
//!    CLAUSE`, `CLAUSE, according to X`, `the paper quoted X as saying CLAUSE`, coordinated
//!    `X admitted ... but said CLAUSE`; time and circumstance phrases (`on Tuesday`, `in a
//!    statement`) are skipped, wire datelines stripped. Next to a direct quote only the clause of
//!    `X said CLAUSE, adding: "..."` and a trailing `"...," X said, adding that CLAUSE` count.
//! 5. Speakers are resolved over the whole article: names (titles stripped into the role,
//!    surnames mapped to the full name first introduced), pronouns (`he`/`she` → the last
//!    speaker if in the previous sentence or so, else the last strongly introduced person, with
//!    `mr`/`mrs` genders; `it` → the last organisation speaker; `they` → the last group
//!    speaker), role descriptions (`the chilean ambassador` → the named person with a compatible
//!    role, nearest preceding, else nearest following; else an earlier identical unresolved
//!    description, `a western banker` ← `the banker`), organisations and groups (as written).
//!    People are registered from captions, `X is the ROLE`, `X, the ROLE,`, `ROLE X`, subjects of
//!    speech verbs, sign-offs and (cased text) capitalised runs (weak evidence).
//!
//! Confidence = base × speaker factor (× 0.8 when the closing mark is missing):
//! - base: direct quote attributed by a speech verb next to it 0.95; by a verb earlier in the
//!   sentence 0.85; caption 0.85; reported speech 0.85; speaker inherited from the previous
//!   quote / paragraph 0.6; inferred from context (nearest person) 0.5;
//! - factor: named person or organisation 1.0; pronoun or role description resolved to a person
//!   0.85; group, unresolved description or other mention 0.75; unresolved pronoun 0.7; no
//!   speaker found 0.5–0.6.
//!
//! So ≥ 0.9 only for a verb-attributed direct quote with a named speaker; captions 0.85;
//! pronoun-resolved direct quotes ≈ 0.8; inferred speakers ≤ 0.6.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::{FxBuild, Quote, QuoteKind, Sym, WordMap, offset32};

// ---------------------------------------------------------------------------------------------
// Lexicons
// ---------------------------------------------------------------------------------------------

const SPEECH_VERBS: &str = include_str!("../../assets/lexicon/quotes/speech_verbs.txt");
const ROLES: &str = include_str!("../../assets/lexicon/quotes/roles.txt");
const GROUPS: &str = include_str!("../../assets/lexicon/quotes/groups.txt");
const ORGS: &str = include_str!("../../assets/lexicon/quotes/organisations.txt");
const MEDIA: &str = include_str!("../../assets/lexicon/quotes/media.txt");
const TITLES: &str = include_str!("../../assets/lexicon/quotes/titles.txt");
const PRONOUNS: &str = include_str!("../../assets/lexicon/quotes/pronouns.txt");
const PLACES: &str = include_str!("../../assets/lexicon/quotes/places.txt");
const STOPWORDS: &str = include_str!("../../assets/lexicon/quotes/stopwords.txt");

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum VerbClass {
    /// Takes a clause with or without `that`.
    Say,
    /// Takes an object, then a clause.
    Tell,
    /// Reported speech only with `that` (or `to` for urge-like verbs).
    That,
    /// Only attributes direct quotes.
    QuoteOnly,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum PronClass {
    Person,
    Org,
    Group,
    SelfRef,
}

type FxSet = HashSet<&'static str, FxBuild>;
type FxMap<V> = HashMap<&'static str, V, FxBuild>;

impl Lexicon {
    fn info(&self, w: &str) -> WordInfo {
        self.known.get(w).copied().unwrap_or_default()
    }
}

struct Lexicon {
    verbs: FxMap<VerbClass>,
    roles: FxSet,
    /// Role words that can head a role description (`minister`), not modifiers (`finance`).
    role_heads: FxSet,
    groups: FxSet,
    orgs: FxSet,
    media: FxSet,
    titles: FxSet,
    pronouns: FxMap<PronClass>,
    stop: FxSet,
    /// Place name or adjective (possibly multi-word) → canonical place.
    places: FxMap<&'static str>,
    /// Every word of every place name.
    place_words: FxSet,
    time: FxSet,
    events: FxSet,
    aux: FxSet,
    np_boundary: FxSet,
    np_starters: FxSet,
    abbrev: FxSet,
    name_particles: FxSet,
    /// Every lexicon word (and every plural of a role word) → its [`WordInfo`]: one look-up
    /// per token at tokenisation answers every later set-membership question about it.
    known: WordMap<WordInfo>,
}

/// What the lexicons say about one word: `F_*` flags and the speech-verb and pronoun classes.
#[derive(Clone, Copy, Default)]
struct WordInfo {
    f: u32,
    verb: Option<VerbClass>,
    pron: Option<PronClass>,
}

const F_STOP: u32 = 1;
const F_ROLE: u32 = 1 << 1;
const F_ORG: u32 = 1 << 2;
const F_GROUP: u32 = 1 << 3;
const F_TITLE: u32 = 1 << 4;
const F_PRON: u32 = 1 << 5;
const F_VERB: u32 = 1 << 6;
const F_TIME: u32 = 1 << 7;
const F_EVENT: u32 = 1 << 8;
const F_PLACE: u32 = 1 << 9;
const F_PLACE_PART: u32 = 1 << 10;
const F_ROLE_HEAD: u32 = 1 << 11;
const F_MEDIA: u32 = 1 << 12;
const F_AUX: u32 = 1 << 13;
const F_NP_BOUNDARY: u32 = 1 << 14;
const F_NP_STARTER: u32 = 1 << 15;
const F_ABBREV: u32 = 1 << 16;
const F_NAME_PARTICLE: u32 = 1 << 17;
/// In [`FUNCTION_WORDS`].
const F_FUNCTION: u32 = 1 << 18;
/// In [`ROLE_MODIFIERS`].
const F_ROLE_MODIFIER: u32 = 1 << 19;
/// A plural of a role word: `role + "s"`, or `rol + "ies"` for a role `roly` (`deputies`).
const F_ROLE_PLURAL: u32 = 1 << 20;
/// Set per token, not in the lexicon: a hyphenated word with a role part (`vice-premier`).
const F_ROLE_HYPHEN: u32 = 1 << 21;

fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn word_set(src: &'static str) -> FxSet {
    data_lines(src)
        .filter_map(|l| l.split_whitespace().next())
        .collect()
}

const TIME_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "earlier",
    "later",
    "recently",
    "previously",
    "again",
    "now",
    "then",
    "late",
    "early",
    "last",
    "next",
    "this",
    "ago",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "day",
    "days",
    "hours",
    "time",
    "once",
    "meanwhile",
];

const EVENT_WORDS: &[&str] = &[
    "statement",
    "statements",
    "interview",
    "interviews",
    "conference",
    "report",
    "speech",
    "letter",
    "meeting",
    "briefing",
    "website",
    "newspaper",
    "television",
    "radio",
    "broadcast",
    "release",
    "address",
    "hearing",
    "session",
    "summit",
    "forum",
    "communique",
    "note",
    "filing",
    "message",
    "post",
    "blog",
    "tweet",
    "video",
    "parliament",
    "congress",
    "court",
    "event",
    "visit",
    "ceremony",
    "rally",
    "talks",
    "programme",
    "program",
    "show",
    "podcast",
    "documentary",
    "telephone",
    "phone",
    "call",
    "email",
    "e-mail",
    "document",
    "study",
    "survey",
    "memo",
    "paper",
    "column",
    "article",
    "magazine",
    "bulletin",
    "review",
    "analysis",
    "press",
    "media",
    "agency",
    "channel",
    "response",
    "reply",
    "testimony",
    "commentary",
];

const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "further",
    "previously",
    "again",
    "once",
    "recently",
    "reportedly",
    "publicly",
    "privately",
    "repeatedly",
    "will",
    "would",
    "could",
    "might",
    "may",
    "did",
    "does",
    "do",
    "not",
    "never",
    "always",
    "often",
    "yesterday",
    "today",
    "earlier",
    "once",
    "simply",
    "just",
    "clearly",
    "quickly",
    "only",
    "flatly",
    "angrily",
    "firmly",
    "separately",
    "frequently",
    "strongly",
    "has",
    "already",
    "recently",
    "even",
    "subsequently",
    "initially",
    "originally",
    "finally",
    "openly",
    "explicitly",
    "told",
];

const NP_BOUNDARY: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "while",
    "because",
    "since",
    "although",
    "though",
    "if",
    "but",
    "or",
    "as",
    "so",
    "than",
    "after",
    "before",
    "until",
    "unless",
    "whether",
    "and",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "not",
    "what",
    "how",
    "why",
    "there",
    "then",
    "once",
    "also",
    "however",
    "meanwhile",
    "yet",
    "nor",
    "into",
    "onto",
    "about",
    "during",
    "without",
    "against",
    "through",
    "says",
    "said",
    "say",
    "told",
    "tells",
    "added",
    "adding",
    "saying",
    "according",
    "did",
    "do",
    "does",
];

const NP_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "many",
    "some",
    "several",
    "both",
    "all",
    "most",
    "other",
    "others",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "first",
    "no",
    "each",
    "every",
    "another",
    "few",
    "senior",
    "former",
    "new",
    "top",
    "chief",
    "foreign",
    "local",
    "national",
    "international",
    "state",
    "central",
];

const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "corp", "co", "ltd", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov", "sen", "rep", "gen",
    "col", "lt", "capt", "sgt", "prof", "rev", "vs", "no", "mt", "ft", "fig", "est", "dept",
    "univ", "assn", "bros", "messrs", "mme", "adm", "cmdr", "maj", "pres",
];

/// Entries of the role lexicon that only modify a role (`finance minister`).
const ROLE_MODIFIERS: &[&str] = &[
    "foreign",
    "finance",
    "trade",
    "economy",
    "economic",
    "defence",
    "defense",
    "interior",
    "health",
    "education",
    "commerce",
    "agriculture",
    "energy",
    "labour",
    "labor",
    "justice",
    "culture",
    "environment",
    "transport",
    "industry",
    "oil",
    "central",
    "state",
    "senior",
    "junior",
    "acting",
    "interim",
    "former",
    "current",
    "incumbent",
    "vice",
    "assistant",
    "associate",
    "managing",
    "operating",
    "financial",
    "general",
    "technical",
    "home",
    "shadow",
    "prime",
    "deputy",
    "co",
];

/// Closed-class words that never continue a capitalised name.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "if",
    "then",
    "than",
    "that",
    "this",
    "these",
    "those",
    "there",
    "here",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "not",
    "no",
    "as",
    "when",
    "while",
    "where",
    "who",
    "which",
    "what",
    "said",
    "says",
    "say",
    "told",
    "according",
    "however",
    "also",
    "after",
    "before",
    "since",
    "until",
    "about",
    "into",
    "over",
    "under",
    "between",
    "all",
    "some",
    "any",
    "each",
    "every",
    "both",
    "more",
    "most",
];

const NAME_PARTICLES: &[&str] = &[
    "de", "da", "van", "von", "der", "den", "del", "della", "di", "du", "la", "le", "bin", "al",
    "el", "ibn", "dos", "das", "ter", "y", "abu", "st.",
];

static LEX: LazyLock<Lexicon> = LazyLock::new(build_lexicon);

fn build_lexicon() -> Lexicon {
    let mut verbs = FxMap::default();
    for l in data_lines(SPEECH_VERBS) {
        let mut it = l.split_whitespace();
        if let (Some(w), Some(c)) = (it.next(), it.next()) {
            let class = match c {
                "say" => VerbClass::Say,
                "tell" => VerbClass::Tell,
                "that" => VerbClass::That,
                _ => VerbClass::QuoteOnly,
            };
            verbs.entry(w).or_insert(class);
        }
    }
    let mut pronouns = FxMap::default();
    for l in data_lines(PRONOUNS) {
        let mut it = l.split_whitespace();
        if let (Some(w), Some(c)) = (it.next(), it.next()) {
            let class = match c {
                "person" => PronClass::Person,
                "org" => PronClass::Org,
                "group" => PronClass::Group,
                _ => PronClass::SelfRef,
            };
            pronouns.insert(w, class);
        }
    }
    let mut places = FxMap::default();
    let mut place_words = FxSet::default();
    for l in data_lines(PLACES) {
        let (canon, variants) = match l.split_once(':') {
            Some((c, v)) => (c.trim(), v),
            None => (l, ""),
        };
        for name in std::iter::once(canon).chain(variants.split(',').map(str::trim)) {
            if name.is_empty() {
                continue;
            }
            places.entry(name).or_insert(canon);
            for w in name.split_whitespace() {
                if !matches!(
                    w,
                    "the"
                        | "of"
                        | "and"
                        | "city"
                        | "new"
                        | "de"
                        | "la"
                        | "y"
                        | "sri"
                        | "san"
                        | "santa"
                        | "el"
                        | "los"
                        | "las"
                        | "costa"
                        | "salvador"
                        | "st"
                        | "port"
                        | "jose"
                        | "francisco"
                        | "juan"
                        | "luis"
                        | "maria"
                        | "paulo"
                        | "cruz"
                        | "paz"
                        | "domingo"
                        | "victoria"
                        | "george"
                        | "lanka"
                        | "chi"
                        | "minh"
                ) {
                    place_words.insert(w);
                }
            }
        }
    }
    let set = |a: &[&'static str]| a.iter().copied().collect::<FxSet>();
    let mut lex = Lexicon {
        verbs,
        role_heads: word_set(ROLES)
            .into_iter()
            .filter(|w| !ROLE_MODIFIERS.contains(w))
            .collect(),
        roles: word_set(ROLES),
        groups: word_set(GROUPS),
        orgs: word_set(ORGS),
        media: word_set(MEDIA),
        titles: word_set(TITLES),
        pronouns,
        stop: word_set(STOPWORDS),
        places,
        place_words,
        time: set(TIME_WORDS),
        events: set(EVENT_WORDS),
        aux: set(AUX),
        np_boundary: set(NP_BOUNDARY),
        np_starters: set(NP_STARTERS),
        abbrev: set(ABBREV),
        name_particles: set(NAME_PARTICLES),
        known: WordMap::default(),
    };
    let mut known: WordMap<WordInfo> = WordMap::default();
    {
        let mut mark = |w: &str, f: u32| known.entry(w).f |= f;
        let sets: [(&FxSet, u32); 17] = [
            (&lex.stop, F_STOP),
            (&lex.roles, F_ROLE),
            (&lex.orgs, F_ORG),
            (&lex.groups, F_GROUP),
            (&lex.titles, F_TITLE),
            (&lex.time, F_TIME),
            (&lex.events, F_EVENT),
            (&lex.place_words, F_PLACE_PART),
            (&lex.role_heads, F_ROLE_HEAD),
            (&lex.media, F_MEDIA),
            (&lex.aux, F_AUX),
            (&lex.np_boundary, F_NP_BOUNDARY),
            (&lex.np_starters, F_NP_STARTER),
            (&lex.abbrev, F_ABBREV),
            (&lex.name_particles, F_NAME_PARTICLE),
            (&set(FUNCTION_WORDS), F_FUNCTION),
            (&set(ROLE_MODIFIERS), F_ROLE_MODIFIER),
        ];
        for (words, f) in sets {
            for &w in words {
                mark(w, f);
            }
        }
        for &w in lex.pronouns.keys() {
            mark(w, F_PRON);
        }
        for &w in lex.verbs.keys() {
            mark(w, F_VERB);
        }
        for &w in lex.places.keys() {
            mark(w, F_PLACE);
        }
        for &r in &lex.roles {
            mark(&format!("{r}s"), F_ROLE_PLURAL);
            if let Some(stem) = r.strip_suffix('y') {
                mark(&format!("{stem}ies"), F_ROLE_PLURAL);
            }
        }
    }
    for (&w, &c) in &lex.verbs {
        if let Some(i) = known.get_mut(w) {
            i.verb = Some(c);
        }
    }
    for (&w, &c) in &lex.pronouns {
        if let Some(i) = known.get_mut(w) {
            i.pron = Some(c);
        }
    }
    lex.known = known;
    lex
}

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    Open,
    Close,
    Either,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Word,
    Punct(char),
    /// A double quotation mark.
    Dq(Mark),
    /// A single quotation mark or apostrophe outside a word.
    Sq,
}

#[derive(Debug)]
struct Tok<'a> {
    s: usize,
    e: usize,
    kind: Kind,
    /// Lower-cased form (`’` normalised to `'`): a slice of the text when the word is already
    /// lower case, else of the document's arena of lower-cased words (see [`Doc::new`]).
    low: &'a str,
    /// Length of [`Tok::base`] (a prefix of `low`), computed once.
    bl: usize,
    /// First character is upper case.
    cap: bool,
    /// [`Doc::name_like`], computed once per token when the document's casing is known.
    nl: bool,
    /// Lexicon flags (`F_*`) of the lower-cased word and of its [`Tok::base`].
    fw: u32,
    fb: u32,
    /// Speech-verb and pronoun class of the lower-cased word.
    verb: Option<VerbClass>,
    pron: Option<PronClass>,
}

impl<'a> Tok<'a> {
    fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    fn is_terminal(&self) -> bool {
        matches!(self.kind, Kind::Punct('.' | '!' | '?'))
    }
    fn is_dq(&self) -> bool {
        matches!(self.kind, Kind::Dq(_))
    }
    /// Lower-case form without a possessive `'s` and without a trailing period.
    fn base(&self) -> &'a str {
        self.low.get(..self.bl).unwrap_or(self.low)
    }
    fn possessive(&self) -> bool {
        self.low.ends_with("'s") || self.low.ends_with("s'")
    }
    fn w(&self) -> &'a str {
        if self.is_word() { self.low } else { "" }
    }
    /// The lower-cased word is in a lexicon set: `lex.<set>.contains(self.w())` (and of
    /// `self.low`, the same for non-words: their `low` is empty and no set holds `""`).
    fn wf(&self, f: u32) -> bool {
        self.fw & f != 0
    }
    /// `lex.<set>.contains(self.base())`.
    fn bf(&self, f: u32) -> bool {
        self.fb & f != 0
    }
}

fn base_of(l: &str) -> &str {
    let l = l.strip_suffix("'s").unwrap_or(l);
    let l = l.strip_suffix('\'').unwrap_or(l);
    l.strip_suffix('.').unwrap_or(l)
}

/// A token that can be part of a person's name; `cased`: the document is normally cased.
fn name_like_tok(t: &Tok, cased: bool) -> bool {
    // All conditions are independent tests: the cheap ones (casing, flags) go first.
    if !t.is_word() || (cased && !t.cap) {
        return false;
    }
    // Plural role words (`deputies`, `ministers`) and hyphenated roles (`vice-premier`).
    let role_forms = F_ROLE_PLURAL | F_ROLE_HYPHEN;
    let blocking =
        F_STOP | F_ROLE | F_ORG | F_GROUP | F_TITLE | F_PRON | F_VERB | F_TIME | F_EVENT | F_PLACE;
    let place_part = if cased { 0 } else { F_PLACE_PART };
    if t.bf(role_forms | blocking | place_part) || t.wf(F_TITLE) {
        return false;
    }
    let b = t.base();
    let Some(c0) = b.chars().next() else {
        return false;
    };
    c0.is_alphabetic() && !b.bytes().any(|c| c.is_ascii_digit())
}

fn lower_cow(s: &str) -> Cow<'_, str> {
    if s.chars().any(|c| c.is_uppercase() || c == '’' || c == '‘') {
        Cow::Owned(s.to_lowercase().replace(['’', '‘'], "'"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Where a token's lower-cased form is: `text[a..b]` (the word is already lower case) or
/// `arena[a..b]`.
#[derive(Clone, Copy)]
enum LowAt {
    Text(usize, usize),
    Arena(usize, usize),
}

/// [`lower_cow`] of `text[s..e]` without an allocation per word: a lower-case word stays in
/// the text; others are lower-cased onto the end of `arena`.
fn lower_into(text: &str, s: usize, e: usize, arena: &mut String) -> LowAt {
    let w = &text[s..e];
    // ASCII fast path (one pass): no `’`/`‘`, and `to_lowercase` is `to_ascii_lowercase`.
    let mut ascii = true;
    let mut upper = false;
    for &b in w.as_bytes() {
        if !b.is_ascii() {
            ascii = false;
            break;
        }
        upper |= b.is_ascii_uppercase();
    }
    if ascii {
        if !upper {
            return LowAt::Text(s, e);
        }
        let a = arena.len();
        arena.push_str(w);
        arena[a..].make_ascii_lowercase();
        return LowAt::Arena(a, arena.len());
    }
    match lower_cow(w) {
        Cow::Borrowed(_) => LowAt::Text(s, e),
        Cow::Owned(l) => {
            let a = arena.len();
            arena.push_str(&l);
            LowAt::Arena(a, arena.len())
        }
    }
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// [`char_at`] with its UTF-8 length; ASCII bytes (always char boundaries) without decoding.
fn char_len_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = char_at(text, i)?;
    Some((c, c.len_utf8()))
}

/// Tokenises the paragraph `text[ps..pe]`. Lower-cased forms that differ from the text go to
/// `arena`; `lows[k]` says where token `k`'s is (the tokens' own `low` is filled in later,
/// once the arena is complete). Flags and classes are set here.
fn tokenize(
    text: &str,
    ps: usize,
    pe: usize,
    lex: &Lexicon,
    arena: &mut String,
    lows: &mut Vec<LowAt>,
) -> Vec<Tok<'static>> {
    // About one token per 4-6 bytes of news text: rarely a reallocation.
    let cap = (pe - ps) / 4 + 4;
    let mut out = Vec::with_capacity(cap);
    lows.reserve(cap);
    let mut i = ps;
    while i < pe {
        let Some((c, cl)) = char_len_at(text, i) else {
            break;
        };
        if c.is_whitespace() {
            i += cl;
            continue;
        }
        if c.is_alphanumeric() {
            let bytes = text.as_bytes();
            // `plain`: only ASCII letters and digits (most words: handled below without
            // re-scanning); `upper`: an ASCII capital among them.
            let mut plain = c.is_ascii();
            let mut upper = c.is_ascii_uppercase();
            let mut j = i + cl;
            while j < pe {
                // Fast path: a run of ASCII letters and digits.
                let bj = bytes[j];
                if bj.is_ascii_alphanumeric() {
                    upper |= bj.is_ascii_uppercase();
                    j += 1;
                    continue;
                }
                plain = false;
                let Some((d, dl)) = char_len_at(text, j) else {
                    break;
                };
                if d.is_alphanumeric() {
                    j += dl;
                    continue;
                }
                let joiner = matches!(d, '\'' | '’' | '-' | '.' | ',' | '&');
                if !joiner {
                    break;
                }
                let k = j + dl;
                if k >= pe {
                    break;
                }
                let Some(n) = char_at(text, k) else { break };
                let ok = match d {
                    ',' => {
                        n.is_ascii_digit()
                            && char_before(text, j).is_some_and(|p| p.is_ascii_digit())
                    }
                    _ => n.is_alphanumeric(),
                };
                if !ok {
                    break;
                }
                j = k;
            }
            // Abbreviation periods: `mr.`, `u.s.`, initials.
            if j < pe && bytes[j] == b'.' {
                let w = &text[i..j];
                let single = w.chars().count() == 1 && c.is_alphabetic();
                let dotted = w.contains('.')
                    && w.split('.').all(|seg| {
                        seg.chars().count() <= 2 && seg.chars().all(char::is_alphabetic)
                    });
                if single || dotted || is_abbrev(lex, w) {
                    j += 1;
                    plain = false;
                }
            }
            let (at, info, bl, fb) = if plain {
                // A plain ASCII word: lower-cased in one step, and it is its own base (no
                // `'s`, no period, no hyphen).
                let at = if upper {
                    let a = arena.len();
                    arena.push_str(&text[i..j]);
                    arena[a..].make_ascii_lowercase();
                    LowAt::Arena(a, arena.len())
                } else {
                    LowAt::Text(i, j)
                };
                let low = match at {
                    LowAt::Text(a, b) => &text[a..b],
                    LowAt::Arena(a, b) => &arena[a..b],
                };
                let info = lex.info(low);
                (at, info, low.len(), info.f)
            } else {
                let at = lower_into(text, i, j, arena);
                let low = match at {
                    LowAt::Text(a, b) => &text[a..b],
                    LowAt::Arena(a, b) => &arena[a..b],
                };
                let info = lex.info(low);
                let b = base_of(low);
                let mut fb = if b.len() == low.len() {
                    info.f
                } else {
                    lex.info(b).f
                };
                if b.contains('-') && b.split('-').any(|x| lex.roles.contains(x)) {
                    fb |= F_ROLE_HYPHEN;
                }
                (at, info, b.len(), fb)
            };
            lows.push(at);
            out.push(Tok {
                s: i,
                e: j,
                kind: Kind::Word,
                low: "",
                bl,
                cap: c.is_uppercase(),
                nl: false,
                fw: info.f,
                fb,
                verb: info.verb,
                pron: info.pron,
            });
            i = j;
            continue;
        }
        let (kind, len) = match c {
            '"' => {
                let before = char_before(text, i);
                let after = char_at(text, i + 1);
                let space_before = before.is_none_or(|b| {
                    b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–' | '-' | ':' | '{')
                }) || i == ps;
                let space_after = after.is_none_or(|a| {
                    a.is_whitespace() || matches!(a, '.' | ',' | ';' | ':' | '!' | '?' | ')')
                }) || i + 1 >= pe;
                let m = match (space_before, space_after) {
                    (true, false) => Mark::Open,
                    (false, true) => Mark::Close,
                    _ => Mark::Either,
                };
                (Kind::Dq(m), 1)
            }
            '“' | '„' | '«' => (Kind::Dq(Mark::Open), cl),
            '”' | '»' => (Kind::Dq(Mark::Close), cl),
            '`' if char_at(text, i + 1) == Some('`') => (Kind::Dq(Mark::Open), 2),
            '\'' if char_at(text, i + 1) == Some('\'') => (Kind::Dq(Mark::Either), 2),
            '\'' | '‘' | '’' => (Kind::Sq, cl),
            _ => (Kind::Punct(c), cl),
        };
        lows.push(LowAt::Text(i, i));
        out.push(Tok {
            s: i,
            e: i + len,
            kind,
            low: "",
            bl: 0,
            cap: false,
            nl: false,
            fw: 0,
            fb: 0,
            verb: None,
            pron: None,
        });
        i += len;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Document structure
// ---------------------------------------------------------------------------------------------

/// A pair of double quote marks (token indices) inside one paragraph.
#[derive(Clone, Copy, Debug)]
struct QSpan {
    open: usize,
    /// Closing mark, or `None` when the quote is unbalanced.
    close: Option<usize>,
    /// End of the quoted tokens (exclusive): the closing mark, the next opening mark (an
    /// unclosed quote followed by a new quoted paragraph merged into the same line), or the
    /// paragraph end.
    end: usize,
    /// Unclosed, and the next paragraph opens with a quote mark.
    continues: bool,
    /// The first quote of a paragraph continuing the previous paragraph's quote.
    continued: bool,
}

struct Para<'a> {
    toks: Vec<Tok<'a>>,
    quotes: Vec<QSpan>,
    /// For each token: 0 at top level, k+1 inside quote k (marks included).
    qid: Vec<u32>,
    /// Sentence ranges (token indices, end exclusive).
    sents: Vec<(usize, usize)>,
}

fn split_paragraphs(text: &str) -> Vec<(usize, usize)> {
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

fn is_header(p: &str) -> bool {
    let l = p.trim_start().to_lowercase();
    l.starts_with("source:") && l.contains("published:")
}

// ---------------------------------------------------------------------------------------------
// Raw results before speaker resolution
// ---------------------------------------------------------------------------------------------

/// A speaker noun phrase (token range in a paragraph), with an optional role segment.
#[derive(Clone, Copy, Debug)]
struct Np {
    p: usize,
    a: usize,
    b: usize,
    role: Option<(usize, usize)>,
}

#[derive(Clone, Debug)]
enum Who {
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
struct Raw {
    s: usize,
    e: usize,
    kind: QuoteKind,
    cue: String,
    who: Who,
    base_conf: f32,
    /// Paragraph index, and multi-paragraph group id for direct quotes.
    p: usize,
    group: Option<usize>,
    role_override: String,
}

#[derive(Clone, Debug)]
struct Person {
    /// As first introduced.
    name: String,
    role: String,
    /// `role.to_lowercase()`, kept for [`Doc::resolve_role`].
    role_low: String,
    pos: usize,
    /// 0 unknown, 1 male, 2 female (from `mr`, `mrs`, `ms`... titles).
    gender: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NpClass {
    Pronoun(PronClass),
    Name,
    RoleDesc,
    Org,
    Group,
    Other,
}

struct Doc<'a> {
    text: &'a str,
    lex: &'static Lexicon,
    cased: bool,
    paras: Vec<Para<'a>>,
    persons: Vec<Person>,
    by_name: HashMap<String, usize, FxBuild>,
    by_part: HashMap<String, usize, FxBuild>,
    /// (byte position, person) in text order.
    mentions: Vec<(usize, usize)>,
    /// Positions of weak mentions (capitalised runs, sentence-initial lower-case runs).
    weak: HashSet<usize, FxBuild>,
    /// Lower-case text: surname (last word of a 2–3 word name-like run) → the first such run
    /// and its position, to expand a later surname-only speaker (`spacey` → `kevin spacey`).
    pair_names: HashMap<String, (String, usize), FxBuild>,
    /// Positions of possessive surname mentions (`Sir Alan's inquiry`): not subjects.
    poss: HashSet<usize, FxBuild>,
    /// Set once registration is over: mentions are sorted from then on.
    sealed: bool,
}

const MAX_NP: usize = 10;

impl<'a> Doc<'a> {
    /// `arena` (empty) receives the lower-cased forms of the words that are not lower case
    /// already, so tokens borrow their lower-case form instead of allocating it.
    fn new(text: &'a str, arena: &'a mut String) -> Self {
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
                t.nl = name_like_tok(t, cased);
            }
        }
        let mut d = Doc {
            text,
            lex,
            cased,
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

    fn pair_quotes(&mut self) {
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

    fn split_sentences(&mut self, pi: usize) {
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
                boundary = true;
            } else if let Kind::Dq(_) = t.kind {
                let k = p.qid[i] as usize;
                if k > 0 {
                    let q = p.quotes[k - 1];
                    if q.close == Some(i) && i > 0 && p.toks[i - 1].is_terminal() {
                        boundary = !self.verb_soon(pi, i + 1, 6);
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
    fn verb_soon(&self, pi: usize, i: usize, k: usize) -> bool {
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

    fn sent_of(&self, pi: usize, ti: usize) -> (usize, usize) {
        let s = &self.paras[pi].sents;
        let k = s.partition_point(|&(_, e)| e <= ti);
        s.get(k).copied().unwrap_or((ti, ti + 1))
    }

    // ----- word predicates -----

    fn verb(&self, t: &Tok) -> Option<VerbClass> {
        if !t.is_word() {
            return None;
        }
        t.verb
    }

    fn pron(&self, t: &Tok) -> Option<PronClass> {
        if !t.is_word() {
            return None;
        }
        t.pron
    }

    fn is_place_word(&self, w: &str) -> bool {
        self.lex.place_words.contains(w) || self.lex.places.contains_key(w)
    }

    /// [`Self::is_place_word`] of the token's base, from its flags.
    fn place_tok(&self, t: &Tok) -> bool {
        t.bf(F_PLACE_PART | F_PLACE)
    }

    /// The token's base is a role word, also plural (`deputies`) or hyphenated
    /// (`vice-premier`).
    fn role_word(&self, t: &Tok) -> bool {
        t.bf(F_ROLE | F_ROLE_PLURAL | F_ROLE_HYPHEN)
    }

    /// A token that can be part of a person's name (precomputed: [`name_like_tok`]).
    fn name_like(&self, t: &Tok) -> bool {
        t.nl
    }

    /// The run of name tokens starting at `a` (at most 4 tokens, particles inside allowed).
    fn name_run(&self, p: &Para, a: usize, hi: usize) -> usize {
        let mut b = a;
        while b < hi && b - a < 4 {
            let t = &p.toks[b];
            // Lower-case text: a third word looking like a verb ends the name.
            let verbish = !self.cased
                && b - a >= 2
                && (t.low.ends_with("ed") || t.low.ends_with("ing") || t.low.ends_with('s'));
            if self.name_like(t) && !verbish {
                b += 1;
                if t.possessive() {
                    break;
                }
            } else if b > a && t.wf(F_NAME_PARTICLE) && b + 1 < hi && self.name_like(&p.toks[b + 1])
            {
                b += 1;
            } else if b > a && self.surname_ok(t) {
                // `Colin Price`, `Gordon Brown`.
                b += 1;
            } else if b == a
                && self.cased
                && t.cap
                && t.fb & F_PLACE != 0
                && t.fb & F_STOP == 0
                && !t.possessive()
                && b + 1 < hi
                && self.name_like(&p.toks[b + 1])
                && p.toks[b + 1].fb & (F_PLACE | F_PLACE_PART) == 0
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
    fn surname_ok(&self, t: &Tok) -> bool {
        self.cased
            && t.cap
            && t.is_word()
            && t.bf(F_STOP)
            && !t.bf(F_FUNCTION | F_TIME | F_ROLE | F_ORG | F_PLACE)
    }

    fn min_name_len(&self) -> usize {
        if self.cased { 1 } else { 2 }
    }

    // ----- noun phrases -----

    /// A plain noun phrase ending just before `end`, not before `lo`.
    fn np_back_plain(&self, pi: usize, lo: usize, end: usize) -> Option<(usize, usize)> {
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
            let ok = match t.kind {
                Kind::Word => {
                    !(t.wf(F_NP_BOUNDARY) || self.pron(t).is_some() || self.verb(t).is_some())
                }
                Kind::Punct('&') => true,
                _ => false,
            };
            if !ok {
                hit_boundary = true;
                break;
            }
            a -= 1;
            if end - a > MAX_NP {
                return None;
            }
        }
        let _ = hit_boundary;
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
        let ht = &p.toks[end - 1];
        let head = ht.base();
        // `has denied`: a verb, not a noun-phrase head.
        if end - 1 > a
            && head.ends_with("ed")
            && !self.name_like(&p.toks[end - 1])
            && matches!(p.toks[end - 2].w(), "has" | "have" | "had" | "was" | "were")
        {
            return None;
        }

        // A common word after a name is a surname (`joan price`, `gordon brown`).
        let after_name = end - 1 > a && self.name_like(&p.toks[end - 2]) && !ht.bf(F_FUNCTION);
        let nounish =
            ht.bf(F_GROUP | F_ORG | F_ROLE) || self.name_like(&p.toks[end - 1]) || after_name;
        if ht.bf(F_STOP) && !nounish {
            // `... more than said`: the word before the verb is not a noun-phrase head.
            if !matches!(
                head,
                "government"
                    | "people"
                    | "company"
                    | "bank"
                    | "report"
                    | "statement"
                    | "group"
                    | "industry"
                    | "state"
                    | "forum"
                    | "media"
                    | "source"
                    | "plan"
                    | "country"
                    | "market"
                    | "study"
                    | "data"
                    | "figures"
                    | "results"
                    | "news"
                    | "law"
            ) {
                return None;
            }
        }
        Some((a, end))
    }

    /// Subject of the verb at `v` (searching back to `lo`), with an apposition role if any.
    fn subject_before(&self, pi: usize, lo: usize, v: usize) -> Option<Np> {
        let p = &self.paras[pi];
        let mut j = v;
        while j > lo && p.toks[j - 1].is_word() && p.toks[j - 1].wf(F_AUX) {
            j -= 1;
        }
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
            // `X, the role of Y, said` / `X, who heads Y, said` / `X, 45, said`.
            let c2 = j - 1;
            let stop = c2.saturating_sub(20).max(lo);
            let mut k = c2;
            let mut found = None;
            while k > stop {
                k -= 1;
                let t = &p.toks[k];
                if t.is_punct(',') {
                    found = Some(k);
                    break;
                }
                if t.is_terminal() || t.is_dq() {
                    break;
                }
            }
            let c1 = found?;
            if c1 + 1 >= c2 {
                return None;
            }
            let first = &p.toks[c1 + 1];
            let role_ok = first.wf(F_NP_STARTER)
                || first.w() == "who"
                || first.w().ends_with("ing")
                || first.possessive()
                || first.low.chars().all(|c| c.is_ascii_digit())
                || p.toks[c1 + 1..c2]
                    .iter()
                    .take(4)
                    .any(|t| t.bf(F_ROLE_HEAD) || t.bf(F_ORG));
            if !role_ok {
                // `The BBC's correspondent in Jakarta, Rachel Harvey, told ...`.
                if c2 - c1 - 1 <= 4 && self.name_run(p, c1 + 1, c2) == c2 {
                    let role = self.np_back_plain(pi, lo, c1);
                    return Some(Np {
                        p: pi,
                        a: c1 + 1,
                        b: c2,
                        role,
                    });
                }
                return None;
            }
            let (a, b) = self.np_back_plain(pi, lo, c1)?;
            return Some(Np {
                p: pi,
                a,
                b,
                role: Some((c1 + 1, c2)),
            });
        }
        let (a, b) = self.np_back_plain(pi, lo, j)?;
        // `X, who heads Y said` (closing comma missing): the subject is X.
        if a >= lo + 3
            && p.toks[a - 1].w() == "who"
            && p.toks[a - 2].is_punct(',')
            && let Some((xa, xb)) = self.np_back_plain(pi, lo, a - 2)
        {
            return Some(Np {
                p: pi,
                a: xa,
                b: xb,
                role: Some((a - 1, b)),
            });
        }
        // `Ortner, the bank's senior economist said` (closing comma missing).
        if a >= lo + 2 && p.toks[a - 1].is_punct(',') {
            let f = &p.toks[a];
            let desc = (matches!(f.w(), "the" | "a" | "an") || f.possessive())
                && p.toks[a..b].iter().any(|t| t.bf(F_ROLE_HEAD));
            if desc && let Some((xa, xb)) = self.np_back_plain(pi, lo, a - 1) {
                let x = Np {
                    p: pi,
                    a: xa,
                    b: xb,
                    role: None,
                };
                if self.classify(&x).0 == NpClass::Name
                    && (self.cased
                        || self.name_run(p, xa, xb) - xa >= 2
                        || self.by_part.contains_key(p.toks[xb - 1].base()))
                {
                    return Some(Np {
                        role: Some((a, b)),
                        ..x
                    });
                }
            }
        }
        Some(Np {
            p: pi,
            a,
            b,
            role: None,
        })
    }

    /// A noun phrase starting at `i` (after an inverted verb or `according to`).
    fn np_after(&self, pi: usize, i: usize, hi: usize) -> Option<Np> {
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
                p: pi,
                a: i,
                b: i + 1,
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
                            || self.verb(t).is_some())
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
        // Trailing prepositions/determiners are not part of the phrase.
        while b > i && matches!(p.toks[b - 1].w(), "of" | "for" | "the" | "a" | "an") {
            b -= 1;
        }
        if b == i {
            return None;
        }
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
        Some(Np {
            p: pi,
            a: i,
            b,
            role,
        })
    }

    /// Object of `tell`-like verbs starting at `i`: returns its end.
    fn tell_object(&self, pi: usize, i: usize, hi: usize) -> usize {
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
    fn skip_time(&self, pi: usize, mut i: usize, hi: usize) -> usize {
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
            if t.wf(F_TIME) && !matches!(w, "may" | "march" | "then" | "now" | "time") {
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
                    if !u.is_word() {
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

    fn np_text(&self, pi: usize, a: usize, b: usize) -> &'a str {
        let p = &self.paras[pi];
        if a >= b || b > p.toks.len() {
            return "";
        }
        &self.text[p.toks[a].s..p.toks[b - 1].e]
    }

    fn classify(&self, np: &Np) -> (NpClass, Option<(usize, usize)>) {
        let p = &self.paras[np.p];
        let toks = &p.toks[np.a..np.b];
        if toks.len() == 1
            && let Some(c) = self.pron(&toks[0])
        {
            return (NpClass::Pronoun(c), None);
        }
        // Head part: before the first preposition.
        let mut hb = np.a;
        while hb < np.b
            && !matches!(
                p.toks[hb].w(),
                "of" | "for" | "at" | "to" | "in" | "with" | "from"
            )
        {
            hb += 1;
        }
        let starts_det = matches!(
            toks.first().map(|t| t.w()),
            Some("the" | "a" | "an" | "this" | "its" | "his" | "her" | "their" | "our")
        );
        // `Harris Associates L.P.`, `Acme Holdings Inc`: a company, not a person.
        if hb > np.a && p.toks[hb - 1].bf(F_ORG) && (self.cased || hb - np.a >= 2) {
            return (NpClass::Org, None);
        }
        // A name after a prepositional role: `vice president of finance Daniel Miglio`.
        if hb < np.b {
            let mut na = np.b;
            while na > hb + 1 && np.b - na < 3 && self.name_like(&p.toks[na - 1]) {
                na -= 1;
            }
            let min = if self.cased { 1 } else { 2 };
            if np.b - na >= min && na > np.a {
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
                    return (NpClass::Name, Some((na, np.b)));
                }
            }
        }
        // `the Caribbean Rainer Steckhan`, `the company's chief John Smith`.
        if starts_det && hb == np.b {
            let mut na = np.b;
            while na > np.a + 1 && np.b - na < 3 && self.name_like(&p.toks[na - 1]) {
                na -= 1;
            }
            if np.b - na >= self.min_name_len().max(2) && na > np.a + 1 {
                let prev = &p.toks[na - 1];
                // Lower case: `the veteran game maker` is a description, so only a place
                // word (`the caribbean rainer steckhan`) introduces a name there.
                if (self.cased && prev.bf(F_ROLE))
                    || prev.bf(F_PLACE | F_PLACE_PART)
                    || (self.cased && prev.possessive())
                {
                    return (NpClass::Name, Some((na, np.b)));
                }
            }
        }
        // Trailing name run in the head part: `finance minister dilson funaro`.
        if !starts_det {
            let mut na = hb;
            // Lower case: a common word ending the phrase after a name word is a surname
            // (`councillor joan price`).
            if !self.cased
                && hb >= np.a + 2
                && !self.name_like(&p.toks[hb - 1])
                && p.toks[hb - 1].fb & F_STOP != 0
                && p.toks[hb - 1].fb & (F_ROLE | F_ORG | F_GROUP | F_TIME | F_PRON) == 0
                && !p.toks[hb - 1].bf(F_FUNCTION)
                && self.name_like(&p.toks[hb - 2])
            {
                na = hb - 1;
            }
            while na > np.a
                && !p.toks[na - 1].possessive()
                && (self.name_like(&p.toks[na - 1])
                    || (na - 1 > np.a
                        && self.surname_ok(&p.toks[na - 1])
                        && self.name_like(&p.toks[na - 2]))
                    || (na - 1 > np.a
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
                let before_ok = na == np.a
                    || self.role_word(&p.toks[na - 1])
                    || p.toks[na - 1].wf(F_TITLE)
                    || p.toks[na - 1].bf(F_TITLE)
                    || p.toks[na - 1].bf(F_ROLE)
                    || p.toks[na - 1].bf(F_ORG)
                    || p.toks[na - 1].possessive()
                    || self.place_tok(&p.toks[na - 1])
                    || self.cased;
                if before_ok && len >= 1 {
                    return (NpClass::Name, Some((na, hb)));
                }
            }
        }
        let ht = &p.toks[hb.max(np.a + 1) - 1];
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
        if head.ends_with('s')
            && !head.ends_with("ss")
            && (starts_det || toks.len() >= 2)
            && !self.name_like(&p.toks[hb.max(np.a + 1) - 1])
        {
            return (NpClass::Group, None);
        }
        if self.cased && toks.iter().all(|t| t.cap || !t.is_word()) {
            return (NpClass::Org, None);
        }
        (NpClass::Other, None)
    }

    fn add_person(&mut self, name: &str, role: &str, pos: usize) -> usize {
        // The lower-cased name without titles, words joined by single spaces, built in place
        // (each word lower-cased onto the end, dropped again if it is a title).
        let mut low = String::with_capacity(name.len());
        for w in name.split_whitespace() {
            let mark = low.len();
            if !low.is_empty() {
                low.push(' ');
            }
            let start = low.len();
            push_lower(&mut low, w);
            let lw = &low[start..];
            if self.lex.titles.contains(lw.trim_end_matches('.')) || self.lex.titles.contains(lw) {
                low.truncate(mark);
            }
        }
        low.truncate(low.trim_end_matches("'s").len());
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
            // The name as written without titles, words joined by single spaces.
            let mut clean = String::with_capacity(name.len());
            let mut lw = String::new();
            for w in name.split_whitespace() {
                lw.clear();
                push_lower(&mut lw, w);
                if self.lex.titles.contains(lw.trim_end_matches('.')) {
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
        let g = title_gender(name.split_whitespace().next().unwrap_or(""));
        if let Some(p) = self.persons.get_mut(idx) {
            if p.role.is_empty() && !role.is_empty() {
                p.role = role.to_string();
                p.role_low = role.to_lowercase();
            }
            if p.gender == 0 {
                p.gender = g;
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
    fn register_people(&mut self) {
        // (name, role, position): slices of the text where possible, not copies.
        let mut found: Vec<(&'a str, Cow<'a, str>, usize)> = Vec::new();
        let mut weak: Vec<(&'a str, Cow<'a, str>, usize)> = Vec::new();
        for (pi, p) in self.paras.iter().enumerate() {
            for &(ss, se) in &p.sents {
                // Subjects of speech verbs (`Burton explained from a podium.`).
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
                        found.push((self.np_text(pi, na, nb), Cow::Borrowed(role), p.toks[na].s));
                    }
                }
                // Sentence-initial name-like runs in lower-case/caps text (`ahmed karimi
                // arrived ...`): weak person mentions for pronoun resolution.
                let mut s0 = ss;
                while s0 < se && p.toks[s0].wf(F_TITLE) {
                    s0 += 1;
                }
                let b0 = self.name_run(p, s0, se);
                if !self.cased && (2..=3).contains(&(b0 - s0)) && b0 < se && p.qid[ss] == 0 {
                    let t = &p.toks[b0];
                    if (t.is_word() || t.is_punct(',')) && !t.possessive() {
                        weak.push((self.np_text(pi, ss, b0), Cow::Borrowed(""), p.toks[ss].s));
                    }
                }
                // `X is the ROLE` at sentence start.
                let b = self.name_run(p, ss, se);
                if b - ss
                    >= self
                        .min_name_len()
                        .max(2)
                        .min(if self.cased { 1 } else { 2 })
                    && b < se
                    && p.qid[ss] == 0
                {
                    let t = &p.toks[b];
                    let after = if matches!(t.w(), "is" | "was") || t.is_punct(',') {
                        Some(b + 1)
                    } else {
                        None
                    };
                    if let Some(mut r) = after {
                        if matches!(p.toks.get(r).map(|t| t.w()), Some("the" | "a" | "an")) {
                            r += 1;
                        }
                        let mut re = r;
                        while re < se && re - r < 20 {
                            let u = &p.toks[re];
                            if u.is_terminal() || u.is_dq() || (t.is_punct(',') && u.is_punct(','))
                            {
                                break;
                            }
                            re += 1;
                        }
                        let has_role = p.toks[r..re].iter().take(5).any(|u| u.bf(F_ROLE_HEAD));
                        if has_role && re > r {
                            found.push((
                                self.np_text(pi, ss, b),
                                Cow::Borrowed(self.np_text(pi, r, re)),
                                p.toks[ss].s,
                            ));
                        }
                    }
                }
            }
            // `X, the ROLE of Y,` anywhere; capitalised runs in cased text.
            let mut i = 0;
            while i < p.toks.len() {
                if !self.name_like(&p.toks[i]) || (i > 0 && self.name_like(&p.toks[i - 1])) {
                    i += 1;
                    continue;
                }
                let b = self.name_run(p, i, p.toks.len());
                let len = b - i;
                if len >= 2 && b < p.toks.len() && p.toks[b].is_punct(',') {
                    let r = b + 1;
                    let mut re = r;
                    while re < p.toks.len() && re - r < 16 {
                        let u = &p.toks[re];
                        if u.is_punct(',')
                            || u.is_terminal()
                            || u.is_dq()
                            || self.verb(u).is_some()
                            || matches!(
                                u.w(),
                                "that" | "which" | "who" | "is" | "was" | "has" | "had" | "will"
                            )
                        {
                            break;
                        }
                        re += 1;
                    }
                    let mut r0 = r;
                    if matches!(p.toks.get(r0).map(|t| t.w()), Some("the" | "a" | "an")) {
                        r0 += 1;
                    }
                    let has_role = p.toks[r0..re].iter().take(4).any(|u| u.bf(F_ROLE_HEAD));
                    if has_role && re > r0 {
                        found.push((
                            self.np_text(pi, i, b),
                            Cow::Borrowed(self.np_text(pi, r0, re)),
                            p.toks[i].s,
                        ));
                        i = b;
                        continue;
                    }
                }
                // `ROLE NAME`: `US district court judge Susan Ilston`.
                let l = self.lex;
                let roleish = |t: &Tok| {
                    t.is_word()
                        && (self.role_word(t)
                            || t.bf(F_ORG)
                            || self.place_tok(t)
                            || t.bf(F_ROLE_HYPHEN)
                            || (self.cased && !t.cap && !t.bf(F_STOP)))
                };
                if len >= self.min_name_len()
                    && i > 0
                    && roleish(&p.toks[i - 1])
                    && self.role_word(&p.toks[i - 1])
                    && (self.cased
                        || (len <= 3
                            && !p.toks[i - 1].bf(F_ROLE_MODIFIER)
                            && !p.toks[i - 1].bf(F_STOP)))
                {
                    let mut ra = i - 1;
                    while ra > 0 && i - ra < 5 && roleish(&p.toks[ra - 1]) {
                        ra -= 1;
                    }
                    // Lower case: `the veteran game maker` describes, it does not name.
                    let det_before = ra > 0
                        && matches!(
                            p.toks[ra - 1].w(),
                            "the" | "a" | "an" | "this" | "its" | "his" | "her" | "their"
                        );
                    let anchored = p.toks[ra..i]
                        .iter()
                        .any(|t| t.possessive() || t.bf(F_ORG) || self.place_tok(t));
                    if !self.cased && det_before && !anchored {
                        i = b.max(i + 1);
                        continue;
                    }
                    found.push((
                        self.np_text(pi, i, b),
                        Cow::Owned(strip_titles(self.np_text(pi, ra, i), l)),
                        p.toks[i].s,
                    ));
                    i = b.max(i + 1);
                    continue;
                }
                if self.cased && len >= 2 {
                    let orgish = p.toks[i..b].iter().any(|t| t.bf(F_ORG) || t.bf(F_MEDIA));
                    if !orgish {
                        weak.push((self.np_text(pi, i, b), Cow::Borrowed(""), p.toks[i].s));
                    }
                }
                i = b.max(i + 1);
            }
        }
        for pi in 0..self.paras.len() {
            if let Some(((ns, ne), role)) = self.caption(pi) {
                let text: &'a str = self.text;
                found.push((&text[ns..ne], Cow::Owned(role), ns));
            }
        }
        if !self.cased {
            let mut pairs: HashMap<String, (String, usize), FxBuild> = HashMap::default();
            for (pi, p) in self.paras.iter().enumerate() {
                let mut i = 0;
                while i < p.toks.len() {
                    if p.qid[i] != 0 || !self.name_like(&p.toks[i]) {
                        i += 1;
                        continue;
                    }
                    let b = self.name_run(p, i, p.toks.len());
                    if (2..=3).contains(&(b - i)) && !p.toks[b - 1].possessive() {
                        pairs
                            .entry(p.toks[b - 1].base().to_string())
                            .or_insert_with(|| (self.np_text(pi, i, b).to_string(), p.toks[i].s));
                    }
                    i = b.max(i + 1);
                }
            }
            self.pair_names = pairs;
        }
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
        // Later surname-only (or first-name-only) mentions of registered people (only of
        // people with a strong registration: capitalised runs alone are not enough).
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
                if let Some(&idx) = self.by_part.get(b)
                    && strong.contains(&idx)
                {
                    extra.push((t.s, idx));
                    if t.possessive() {
                        poss.push(t.s);
                    }
                }
            }
        }
        self.mentions.extend(extra);
        self.poss.extend(poss);
    }

    // ----- attribution of direct quotes -----

    /// `"...," X said` / `"...," said X` / `"...," according to X` after token `c`.
    fn attr_after(&self, pi: usize, c: usize, inner_terminal: bool) -> Option<(Np, String)> {
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

    fn cue_text(&self, pi: usize, v: usize, hi: usize) -> String {
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
    fn attr_before(&self, pi: usize, lo: usize, o: usize, tight: bool) -> Option<(Np, String)> {
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

    /// Caption: a paragraph that starts with `NAME [ROLE] "..."` and no speech verb.
    fn caption(&self, pi: usize) -> Option<((usize, usize), String)> {
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
                Kind::Punct(',' | '-' | '–' | '—' | ':' | '|' | '/' | '(' | ')') | Kind::Sq => {
                }
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
        Some(((p.toks[na].s, p.toks[nb - 1].e), role))
    }

    /// A reporter sign-off `NAME, OUTLET, PLACE.` ending the quote's inner tokens `[a, c)`.
    /// Returns (token index where the sign-off starts, name, role).
    fn signoff(&self, pi: usize, a: usize, c: usize) -> Option<(usize, String, String)> {
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

    fn reported_in_sentence(&self, pi: usize, ss: usize, se: usize) -> Option<Raw> {
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

    fn raw_reported(&self, pi: usize, a: usize, b: usize, np: Np, cue: &str) -> Raw {
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

    fn extract(&mut self) -> Vec<Raw> {
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

    /// The last person mentioned before `pos`.
    /// `Residents of the village met on Sunday. They said ...`: a plural noun phrase opening
    /// the sentence before token `ti` (same or previous paragraph).
    fn previous_group_subject(&self, pi: usize, ti: usize) -> Option<String> {
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
            p: qp,
            a: ss,
            b: e,
            role: None,
        };
        (self.classify(&np).0 == NpClass::Group).then(|| self.np_text(qp, ss, e).to_string())
    }

    /// The last person mentioned before `pos` whose gender is compatible (`gender` 0 = any).
    fn last_person_before(
        &self,
        pos: usize,
        dynamic: &[(usize, usize)],
        gender: u8,
    ) -> Option<usize> {
        self.last_person_at(pos, dynamic, gender).map(|m| m.1)
    }

    /// Like [`Self::last_person_before`], with the mention's position.
    fn last_person_at(
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

    fn places_in(&self, s: &str) -> Vec<&'static str> {
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
    fn resolve_role(&self, desc: &str, pos: usize) -> Option<usize> {
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

    fn resolve(&mut self, raws: &[Raw]) -> Vec<Quote> {
        self.mentions.sort_unstable();
        self.sealed = true;
        let mut out: Vec<Draft> = Vec::with_capacity(raws.len());
        let mut dynamic: Vec<(usize, usize)> = Vec::new();
        let mut last_org: Option<(String, String)> = None;
        let mut last_name_org: Option<(String, String)> = None;
        let mut orgs_seen: Vec<(String, String)> = Vec::new();
        let mut last_desc: Option<(usize, String, String)> = None;
        let mut last_group: Option<(usize, String)> = None;
        let mut descs: Vec<(Vec<String>, String, String)> = Vec::new();
        for r in raws {
            let mut q = Draft {
                start: r.s,
                end: r.e,
                speaker: String::new(),
                speaker_mention: String::new(),
                speaker_span: None,
                speaker_resolved: false,
                role: String::new(),
                cue: r.cue.clone(),
                kind: r.kind,
                confidence: r.base_conf,
            };
            let mut factor = 1.0f32;
            match &r.who {
                Who::Np(np) => {
                    let np = *np;
                    let ms = self.paras[np.p].toks[np.a].s;
                    let me = self.paras[np.p].toks[np.b - 1].e;
                    q.speaker_mention = self.text[ms..me].to_string();
                    q.speaker_span = Some((ms, me));
                    let role_txt = np
                        .role
                        .map(|(a, b)| {
                            let t = self.np_text(np.p, a, b);
                            strip_article(t).to_string()
                        })
                        .filter(|r| !r.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()));
                    let (cls, name) = self.classify(&np);
                    match cls {
                        NpClass::Name
                            if name.is_some_and(|(na, nb)| nb == na + 1)
                                && let Some((org, role)) = {
                                    let w = self.paras[np.p].toks[np.b - 1].base();
                                    orgs_seen.iter().find(|(o, _)| {
                                        o.split_whitespace()
                                            .next()
                                            .is_some_and(|f| lower_cow(f) == w)
                                    })
                                } =>
                        {
                            // `Harris` after `Harris Associates L.P.`: the company.
                            q.speaker = org.clone();
                            q.role = role.clone();
                            q.speaker_resolved = true;
                            last_org = Some((q.speaker.clone(), q.role.clone()));
                            last_name_org = None;
                        }
                        NpClass::Name => {
                            let (na, nb) = name.unwrap_or((np.a, np.b));
                            let nm = self.np_text(np.p, na, nb).to_string();
                            let prefix = strip_titles(self.np_text(np.p, np.a, na), self.lex);
                            let mut role = role_txt.clone().unwrap_or_default();
                            if role.is_empty() && !prefix.is_empty() {
                                role = prefix;
                            }
                            let idx = self.add_person(&nm, &role, ms);
                            if let Some(p) = self.persons.get(idx) {
                                q.speaker = p.name.clone();
                                q.role = if role.is_empty() {
                                    p.role.clone()
                                } else {
                                    role
                                };
                                dynamic.push((ms, idx));
                                q.speaker_resolved = true;
                                // A one-word name (`Harris said ... It also said`) may well
                                // be a company: a later `it` can refer to it.
                                if !q.speaker.contains(' ') {
                                    last_name_org = Some((q.speaker.clone(), q.role.clone()));
                                    last_org = None;
                                }
                            } else {
                                q.speaker = nm;
                            }
                        }
                        NpClass::Pronoun(PronClass::Person) => {
                            let g = if q.speaker_mention.eq_ignore_ascii_case("she") {
                                2
                            } else {
                                1
                            };
                            let cand = self.last_person_at(ms, &dynamic, g);
                            let desc = last_desc
                                .as_ref()
                                .filter(|d| {
                                    cand.is_none_or(|c| d.0 > c.0) && ms.saturating_sub(d.0) < 1500
                                })
                                .cloned();
                            if let Some((_, sp, role)) = desc {
                                q.speaker = sp;
                                q.role = role;
                                factor = 0.75;
                            } else if let Some((_, idx)) = cand {
                                q.speaker = self.persons[idx].name.clone();
                                q.role = self.persons[idx].role.clone();
                                q.speaker_resolved = true;
                                factor = 0.85;
                            } else {
                                q.speaker = q.speaker_mention.clone();
                                factor = 0.7;
                            }
                        }
                        NpClass::Pronoun(PronClass::Org) => {
                            if let Some((n, role)) = last_org.as_ref().or(last_name_org.as_ref()) {
                                q.speaker = n.clone();
                                q.role = role.clone();
                                q.speaker_resolved = true;
                                factor = 0.85;
                            } else {
                                q.speaker = q.speaker_mention.clone();
                                factor = 0.7;
                            }
                        }
                        NpClass::Pronoun(PronClass::Group) => {
                            // `they said`: the last group speaker nearby.
                            match last_group
                                .as_ref()
                                .filter(|g| ms.saturating_sub(g.0) < 1500)
                            {
                                Some((_, g)) => q.speaker = g.clone(),
                                None => {
                                    q.speaker = self
                                        .previous_group_subject(np.p, np.a)
                                        .unwrap_or_else(|| q.speaker_mention.clone());
                                }
                            }
                            factor = 0.75;
                        }
                        NpClass::Pronoun(_) => {
                            q.speaker = q.speaker_mention.clone();
                            factor = 0.75;
                        }
                        NpClass::RoleDesc => {
                            let desc = q.speaker_mention.clone();
                            q.role = strip_article(&desc).to_string();
                            if let Some(idx) = self.resolve_role(&desc, ms) {
                                q.speaker = self.persons[idx].name.clone();
                                if !self.persons[idx].role.is_empty() {
                                    q.role = self.persons[idx].role.clone();
                                }
                                q.speaker_resolved = true;
                                dynamic.push((ms, idx));
                                factor = 0.85;
                            } else {
                                // Same description as an earlier unresolved speaker (`a
                                // Western banker` ... `the banker`)?
                                let words = content_words(&desc, self.lex);
                                let head = |w: &[String]| {
                                    w.iter()
                                        .rev()
                                        .find(|x| self.lex.role_heads.contains(x.as_str()))
                                        .cloned()
                                };
                                let h = head(&words);
                                let earlier = descs.iter().rev().find(|(w, _, _)| {
                                    h.is_some()
                                        && head(w) == h
                                        && words.iter().all(|x| w.contains(x))
                                });
                                q.speaker = earlier.map_or(desc.clone(), |e| e.1.clone());
                                if earlier.is_none() {
                                    descs.push((words, desc, q.role.clone()));
                                }
                                factor = 0.75;
                            }
                            if let Some(rt) = role_txt
                                && !q.speaker_resolved
                            {
                                q.role = rt;
                            }
                            if !q.speaker_resolved {
                                last_desc = Some((ms, q.speaker.clone(), q.role.clone()));
                            }
                        }
                        NpClass::Org => {
                            q.speaker = q.speaker_mention.clone();
                            q.speaker_resolved = true;
                            q.role = role_txt.unwrap_or_default();
                            last_org = Some((q.speaker.clone(), q.role.clone()));
                            last_name_org = None;
                            if orgs_seen.len() < 64 && q.speaker.contains(' ') {
                                orgs_seen.push((q.speaker.clone(), q.role.clone()));
                            }
                        }
                        NpClass::Group | NpClass::Other => {
                            q.speaker = q.speaker_mention.clone();
                            q.role = role_txt.unwrap_or_default();
                            factor = 0.75;
                            if cls == NpClass::Other {
                                last_org = Some((q.speaker.clone(), q.role.clone()));
                                last_name_org = None;
                            } else {
                                last_group = Some((ms, q.speaker.clone()));
                            }
                        }
                    }
                    let n = dynamic.len();
                    if n > 1
                        && dynamic[n - 1].0 < dynamic[n - 2].0
                        && let Some(last) = dynamic.pop()
                    {
                        let at = dynamic.partition_point(|&(p, _)| p <= last.0);
                        dynamic.insert(at, last);
                    }
                }
                Who::Caption { name, role } => {
                    let (ns, ne) = *name;
                    let nm = self.text[ns..ne].to_string();
                    let role = if r.role_override.is_empty() {
                        role.clone()
                    } else {
                        r.role_override.clone()
                    };
                    let idx = self.add_person(&nm, &role, ns);
                    q.speaker_mention = nm.clone();
                    q.speaker_span = Some((ns, ne));
                    q.speaker = self.persons.get(idx).map_or(nm, |p| p.name.clone());
                    q.role = role;
                    q.speaker_resolved = true;
                    if idx != usize::MAX {
                        let at = dynamic.partition_point(|&(p, _)| p <= ns);
                        dynamic.insert(at, (ns, idx));
                    }
                }
                // Filled in below, once every quote it may point to is resolved.
                Who::SameAs(_) => {}
                Who::Context(pos, para_end) => {
                    // The last person mentioned before; else (`"..." That is how coach X
                    // described ...`) the first one mentioned after it in the paragraph.
                    let before = self.last_person_before(*pos, &dynamic, 0);
                    let k = self.mentions.partition_point(|&(p, _)| p <= *pos);
                    let after = self
                        .mentions
                        .get(k)
                        .filter(|m| m.0 < *para_end && !self.weak.contains(&m.0))
                        .map(|m| m.1);
                    let near_before = before.filter(|_| {
                        self.mentions[..k]
                            .last()
                            .is_some_and(|m| pos.saturating_sub(m.0) < 600)
                            || after.is_none()
                    });
                    if let Some(idx) = near_before.or(after) {
                        q.speaker = self.persons[idx].name.clone();
                        q.role = self.persons[idx].role.clone();
                        q.speaker_resolved = true;
                    } else {
                        factor = 0.6;
                    }
                }
                Who::None => factor = 0.5,
            }
            q.confidence = (r.base_conf * factor).clamp(0.0, 1.0);
            out.push(q);
        }
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
            q.role = prev.role;
            if q.cue.is_empty() {
                q.cue = prev.cue;
            }
            if q.speaker.is_empty() {
                q.confidence *= 0.5;
            }
        }
        out.into_iter().map(Draft::into_quote).collect()
    }
}

/// A [`Quote`] while its speaker is being resolved (owned strings, interned at the end).
#[derive(Clone, Debug)]
struct Draft {
    start: usize,
    end: usize,
    speaker: String,
    speaker_mention: String,
    speaker_span: Option<(usize, usize)>,
    speaker_resolved: bool,
    role: String,
    cue: String,
    kind: QuoteKind,
    confidence: f32,
}

impl Draft {
    fn into_quote(self) -> Quote {
        Quote {
            start: offset32(self.start),
            end: offset32(self.end),
            speaker: Sym::new(&self.speaker),
            speaker_mention: Sym::new(&self.speaker_mention),
            speaker_span: self.speaker_span.map(|(s, e)| (offset32(s), offset32(e))),
            speaker_resolved: self.speaker_resolved,
            role: Sym::new(&self.role),
            cue: Sym::new(&self.cue),
            kind: self.kind,
            confidence: self.confidence,
        }
    }
}

trait QidGuard {
    fn qid_guard(&self) -> bool;
}

impl QidGuard for Tok<'_> {
    /// Quote marks are never attribution words.
    fn qid_guard(&self) -> bool {
        self.is_dq()
    }
}

/// Lower-cased content words of a description (articles and function words dropped), the
/// head noun last.
fn content_words(s: &str, lex: &Lexicon) -> Vec<String> {
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

/// `lex.abbrev` holds the lower-cased `w` (short ASCII words lower-cased on the stack).
fn is_abbrev(lex: &Lexicon, w: &str) -> bool {
    let mut buf = [0u8; 16];
    if w.is_ascii() && w.len() <= buf.len() {
        let l = &mut buf[..w.len()];
        l.copy_from_slice(w.as_bytes());
        l.make_ascii_lowercase();
        if let Ok(l) = std::str::from_utf8(l) {
            return lex.abbrev.contains(l);
        }
    }
    lex.abbrev.contains(lower_cow(w).as_ref())
}

/// [`lower_cow`] of `w`, appended to `buf`.
fn push_lower(buf: &mut String, w: &str) {
    if w.is_ascii() {
        let start = buf.len();
        buf.push_str(w);
        buf[start..].make_ascii_lowercase();
    } else {
        buf.push_str(&lower_cow(w));
    }
}

/// Gender implied by a courtesy title (the first word of a name): 1 male, 2 female, 0 none.
fn title_gender(first: &str) -> u8 {
    const MALE: [&str; 6] = ["mr", "sir", "lord", "herr", "senor", "señor"];
    const FEMALE: [&str; 7] = ["mrs", "ms", "miss", "dame", "lady", "mme", "mlle"];
    let is = |list: &[&str]| {
        if first.is_ascii() {
            // ASCII: comparing case-insensitively is comparing the lower-cased word, without
            // allocating it (and `señor` cannot match an ASCII word).
            let w = first.trim_end_matches('.');
            list.iter().any(|t| w.eq_ignore_ascii_case(t))
        } else {
            let l = lower_cow(first);
            list.contains(&l.trim_end_matches('.'))
        }
    };
    if is(&MALE) {
        1
    } else if is(&FEMALE) {
        2
    } else {
        0
    }
}

/// Without trailing `'s` and periods.
fn trim_possessive(l: &str) -> &str {
    l.trim_end_matches("'s").trim_end_matches('.')
}

fn strip_article(s: &str) -> &str {
    for a in ["the ", "a ", "an ", "The ", "A ", "An ", "THE ", "AN "] {
        if let Some(r) = s.strip_prefix(a) {
            return r.trim();
        }
    }
    s.trim()
}

fn strip_titles(s: &str, lex: &Lexicon) -> String {
    s.split_whitespace()
        .filter(|w| {
            let l = lower_cow(w);
            !lex.titles.contains(l.as_ref()) && !lex.titles.contains(l.trim_end_matches('.'))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// All quotes of `text`, in text order.
pub fn extract_quotes(text: &str) -> Vec<Quote> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    // Lower-cased words that differ from the text (see `Doc::new`).
    let mut arena = String::with_capacity(text.len() / 4);
    let mut doc = Doc::new(text, &mut arena);
    doc.register_people();
    let raws = doc.extract();
    let mut quotes = doc.resolve(&raws);
    quotes.sort_by_key(|q| (q.start, q.end));
    // Drop overlaps (keep the earlier/longer; direct quotes win over reported speech).
    let mut out: Vec<Quote> = Vec::with_capacity(quotes.len());
    for q in quotes {
        if let Some(last) = out.last_mut()
            && q.start < last.end
        {
            if q.kind == QuoteKind::Direct && last.kind == QuoteKind::Reported {
                *last = q;
            }
            continue;
        }
        out.push(q);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../seeds/000_bb29dedac36967df.txt");

    #[test]
    fn precomputed_role_flags_match_the_lexicon() {
        let lex: &Lexicon = &LEX;
        let plural_role = |b: &str| {
            b.strip_suffix("ies")
                .is_some_and(|r| lex.roles.contains(format!("{r}y").as_str()))
                || b.strip_suffix('s').is_some_and(|r| lex.roles.contains(r))
        };
        let mut words: Vec<String> = Vec::new();
        for &r in &lex.roles {
            words.extend([
                r.to_string(),
                format!("{r}s"),
                format!("{r}es"),
                format!("x{r}s"),
            ]);
            if let Some(stem) = r.strip_suffix('y') {
                words.push(format!("{stem}ies"));
            }
        }
        words.extend(["ies", "s", "companies", "says", "its", "bus", ""].map(String::from));
        for w in &words {
            let f = lex.info(w).f;
            assert_eq!(f & F_ROLE_PLURAL != 0, plural_role(w), "{w}");
            assert_eq!(f & F_ROLE != 0, lex.roles.contains(w.as_str()), "{w}");
        }
        // Per-token flags: a hyphenated role, and the base of a possessive.
        let mut arena = String::new();
        let text = "The vice-premier's aides and the Minister's deputies.";
        let doc = Doc::new(text, &mut arena);
        let toks = &doc.paras[0].toks;
        let find = |w: &str| toks.iter().find(|t| t.low == w);
        assert!(find("vice-premier's").is_some_and(|t| t.bf(F_ROLE_HYPHEN)));
        assert!(find("vice-premier's").is_some_and(|t| t.base() == "vice-premier"));
        assert!(find("deputies").is_some_and(|t| t.bf(F_ROLE_PLURAL) && !t.bf(F_ROLE_HYPHEN)));
        assert!(find("minister's").is_some_and(|t| t.base() == "minister" && t.bf(F_ROLE)));
    }

    fn valid_spans(text: &str, qs: &[Quote]) {
        for q in qs {
            assert!(q.start <= q.end && q.span().end <= text.len(), "{q:?}");
            assert!(text.get(q.span()).is_some(), "{q:?}");
            if let Some(r) = q.speaker_range() {
                assert_eq!(&text[r], q.speaker_mention);
            }
            assert!((0.0..=1.0).contains(&q.confidence));
        }
        for w in qs.windows(2) {
            assert!(w[0].start <= w[1].start);
        }
    }

    /// (kind, speaker, cue, text prefix), checked on the passage as written and lower-cased.
    type Exp<'a> = (QuoteKind, &'a str, &'a str, &'a str);

    fn check(text: &str, exp: &[Exp]) {
        for t in [text.to_string(), text.to_lowercase()] {
            let qs = extract_quotes(&t);
            valid_spans(&t, &qs);
            let got: Vec<String> = qs
                .iter()
                .map(|q| format!("{:?} | {} | {} | {}", q.kind, q.speaker, q.cue, q.text(&t)))
                .collect();
            assert_eq!(qs.len(), exp.len(), "{t}\n{got:#?}");
            for (q, e) in qs.iter().zip(exp) {
                assert_eq!(q.kind, e.0, "{got:#?}");
                assert!(
                    q.speaker.eq_ignore_ascii_case(e.1),
                    "speaker {:?} != {:?}\n{got:#?}",
                    q.speaker,
                    e.1
                );
                assert!(
                    q.cue.eq_ignore_ascii_case(e.2),
                    "cue {:?} != {:?}\n{got:#?}",
                    q.cue,
                    e.2
                );
                assert!(
                    q.text(&t).to_lowercase().starts_with(&e.3.to_lowercase()),
                    "text {:?} !~ {:?}",
                    q.text(&t),
                    e.3
                );
            }
        }
    }

    use QuoteKind::{Direct as D, Reported as R};

    #[test]
    fn seed_article() {
        let qs = extract_quotes(SEED);
        valid_spans(SEED, &qs);
        let got: Vec<String> = qs
            .iter()
            .map(|q| {
                format!(
                    "{:?} | {} | {} | {} | {}",
                    q.kind,
                    q.speaker,
                    q.role,
                    q.cue,
                    q.text(SEED)
                )
            })
            .collect();
        assert_eq!(qs.len(), 6, "{got:#?}");

        assert_eq!(qs[0].kind, R);
        assert_eq!(qs[0].speaker, "organizers of the forum");
        assert!(!qs[0].speaker_resolved);
        assert_eq!(qs[0].cue, "say");
        assert!(
            qs[0]
                .text(SEED)
                .starts_with("19 latin american countries have joined")
        );
        assert!(qs[0].text(SEED).ends_with("three years in a row"));

        assert_eq!(qs[1].kind, D);
        assert_eq!(qs[1].speaker, "lin songtian");
        assert_eq!(
            qs[1].role,
            "president, chinese people's association for friendship with foreign countries"
        );
        assert_eq!(qs[1].cue, "caption");
        assert!(qs[1].text(SEED).starts_with("china and latin america"));
        assert!(qs[1].text(SEED).ends_with("industrial internet."));

        assert_eq!(qs[2].kind, R);
        assert_eq!(qs[2].speaker, "fernando lugris");
        assert_eq!(qs[2].speaker_mention, "he");
        assert!(qs[2].speaker_resolved);
        assert_eq!(qs[2].cue, "says");
        assert!(
            qs[2]
                .role
                .starts_with("current head of the diplomatic mission")
        );
        assert!(qs[2].text(SEED).starts_with("more countries in the region"));

        assert_eq!(qs[3].kind, R);
        assert_eq!(qs[3].speaker, "luis schmidt");
        assert_eq!(qs[3].speaker_mention, "the chilean ambassador");
        assert_eq!(qs[3].cue, "told us");
        assert_eq!(
            qs[3].text(SEED),
            "he is looking forward to more diversified business opportunities"
        );

        assert_eq!(qs[4].kind, D);
        assert_eq!(qs[4].speaker, "luis schmidt");
        assert_eq!(qs[4].role, "chile's ambassador to china");
        assert_eq!(qs[4].cue, "caption");
        assert!(qs[4].text(SEED).starts_with("topics we're working"));
        assert!(qs[4].text(SEED).ends_with("for china."));

        assert_eq!(qs[5].kind, D);
        assert_eq!(qs[5].speaker, "xie hongzhou");
        assert_eq!(qs[5].role, "cgtn reporter, beijing");
        assert_eq!(qs[5].cue, "caption");
        assert!(qs[5].text(SEED).starts_with("but ties between"));
        assert!(qs[5].text(SEED).ends_with("economic recovery."));

        for q in &qs {
            if q.kind == D {
                assert!(q.confidence >= 0.7, "{q:?}");
            }
        }
    }

    #[test]
    fn seed_variants_crlf_and_caps() {
        let crlf = SEED.replace('\n', "\r\n");
        let a = extract_quotes(&crlf);
        valid_spans(&crlf, &a);
        assert_eq!(a.len(), 6);
        let up = SEED.to_uppercase();
        let b = extract_quotes(&up);
        valid_spans(&up, &b);
        assert_eq!(b.len(), 6);
        assert_eq!(b[1].speaker, "LIN SONGTIAN");
        assert_eq!(b[3].speaker, "LUIS SCHMIDT");
    }

    #[test]
    fn direct_said_after() {
        check(
            "Prices will keep rising. \"We expect the market to recover by the end of the year,\" Maria Gonzalez said.",
            &[(D, "Maria Gonzalez", "said", "We expect the market")],
        );
    }

    #[test]
    fn direct_inverted_with_role() {
        let t = "\"The deal is good for both countries and for our workers,\" said John Okafor, chairman of the Lagos Trade Council.";
        check(t, &[(D, "John Okafor", "said", "The deal is good")]);
        let qs = extract_quotes(t);
        assert_eq!(qs[0].role, "chairman of the Lagos Trade Council");
    }

    #[test]
    fn direct_apposition() {
        let t = "\"Exports have held up better than anyone predicted,\" Anna Berg, the chief economist of Nordbank, said on Monday.";
        check(t, &[(D, "Anna Berg", "said", "Exports have held up")]);
        assert_eq!(extract_quotes(t)[0].role, "chief economist of Nordbank");
    }

    #[test]
    fn direct_said_colon_before() {
        check(
            "Minister Paolo Ricci said: \"We will not raise taxes this year, whatever happens.\"",
            &[(D, "Paolo Ricci", "said", "We will not raise taxes")],
        );
        check(
            "Karen Lloyd said that \"the new rules will hurt small farmers most of all.\"",
            &[(D, "Karen Lloyd", "said", "the new rules will hurt")],
        );
    }

    #[test]
    fn direct_according_to() {
        check(
            "\"The bridge will open to traffic in the spring of next year\", according to Tomas Weber.",
            &[(D, "Tomas Weber", "according to", "The bridge will open")],
        );
    }

    #[test]
    fn direct_pronoun_told_reporters() {
        check(
            "Ahmed Karimi arrived in Geneva on Sunday. \"Nobody here wants another long delay,\" he told reporters.",
            &[(D, "Ahmed Karimi", "told reporters", "Nobody here wants")],
        );
    }

    #[test]
    fn direct_split_by_attribution() {
        check(
            "\"We have done our part,\" Helen Marsh said. \"Now it is up to the other side to respond.\"",
            &[
                (D, "Helen Marsh", "said", "We have done our part"),
                (D, "Helen Marsh", "said", "Now it is up to"),
            ],
        );
    }

    #[test]
    fn direct_inverted_verb_subject() {
        check(
            "\"I love working with young players!\" insists Burton Hale. \"I really do love them.\"",
            &[
                (D, "Burton Hale", "insists", "I love working"),
                (D, "Burton Hale", "insists", "I really do love"),
            ],
        );
    }

    #[test]
    fn direct_multi_paragraph() {
        let t = "Sara Lind, the mayor of Umea, said the plan was ready.\n\n\"The first phase starts in May and will take two years.\n\n\"After that we will build the northern section of the line,\" she said.";
        check(
            t,
            &[
                (R, "Sara Lind", "said", "the plan was ready"),
                (D, "Sara Lind", "said", "The first phase starts"),
                (D, "Sara Lind", "said", "After that we will build"),
            ],
        );
    }

    #[test]
    fn direct_paragraph_only_quote() {
        let t = "Coach Ivan Petrov said the team had trained hard all week.\n\n\"We are ready for the final and we respect our opponents.\"";
        check(
            t,
            &[
                (R, "Ivan Petrov", "said", "the team had trained"),
                (D, "Ivan Petrov", "said", "We are ready for the final"),
            ],
        );
    }

    #[test]
    fn nested_single_quotes_and_curly() {
        check(
            "“They told us ‘wait and see’ for three long years,” said Lucia Moreno.",
            &[(D, "Lucia Moreno", "said", "They told us")],
        );
    }

    #[test]
    fn scare_quotes_are_not_quotes() {
        check(
            "The so-called \"belt and road\" plan was described as \"truly asian\" by the paper.",
            &[],
        );
        check(
            "The group calls itself \"the new wave of artists\" on its website.",
            &[],
        );
    }

    #[test]
    fn caption_with_role() {
        let t = "Luis Navarro Chile's ambassador to China \"We have a lot of seafood and a big supply of salmon for export.\"";
        check(t, &[(D, "Luis Navarro", "caption", "We have a lot")]);
        assert_eq!(extract_quotes(t)[0].role, "Chile's ambassador to China");
    }

    #[test]
    fn reported_says_that_and_told() {
        check(
            "Fernanda Costa says that the harvest will be smaller this year.",
            &[(R, "Fernanda Costa", "says", "the harvest will be smaller")],
        );
        check(
            "The company told Reuters it would close two plants in Ohio next year.",
            &[(
                R,
                "The company",
                "told reuters",
                "it would close two plants",
            )],
        );
    }

    #[test]
    fn reported_sentence_final_attribution() {
        check(
            "Output fell five percent in the third quarter, officials said.",
            &[(R, "officials", "said", "Output fell five percent")],
        );
        check(
            "Exports to Asia will double by 2030, according to the trade ministry.",
            &[(
                R,
                "the trade ministry",
                "according to",
                "Exports to Asia will double",
            )],
        );
    }

    #[test]
    fn reported_time_expression_and_org() {
        check(
            "The ministry said on Tuesday that rice imports would be cut by half.",
            &[(R, "The ministry", "said", "rice imports would be cut")],
        );
        check(
            "Shuichi Fujioka, the head of the Tokyo office, said demand was weak. Fujioka added that prices could fall further.",
            &[
                (R, "Shuichi Fujioka", "said", "demand was weak"),
                (R, "Shuichi Fujioka", "added", "prices could fall further"),
            ],
        );
    }

    #[test]
    fn role_description_resolves_to_person() {
        let t = "Kenji Sato is the Japanese ambassador to Peru. Trade has grown fast. The Japanese ambassador told us he expects more investment next year.";
        check(
            t,
            &[(R, "Kenji Sato", "told us", "he expects more investment")],
        );
    }

    #[test]
    fn not_a_quote() {
        check(
            "Fernando Lugris is the current head of the mission to China.",
            &[],
        );
        check("He said.", &[]);
    }

    #[test]
    fn quoted_as_saying_and_coordination() {
        check(
            "The newspaper quoted Omar Farouk as saying the port would reopen within a week.",
            &[(
                R,
                "Omar Farouk",
                "quoted as saying",
                "the port would reopen",
            )],
        );
        check(
            "Lena Fischer admitted the budget was tight but said she expected a surplus next year.",
            &[(R, "Lena Fischer", "said", "she expected a surplus")],
        );
    }

    #[test]
    fn titles_in_quotes_are_not_quotes() {
        let t = "Nadia argues that her favourite novel is \"The House by the Lake\".";
        let qs = extract_quotes(t);
        valid_spans(t, &qs);
        assert!(qs.iter().all(|q| q.kind == R), "{qs:#?}");
    }

    #[test]
    fn pronoun_prefers_person_named_after_last_speaker() {
        // Cased only: in lower case `price` is indistinguishable from the common noun.
        let t = "\"Prices are too high for families,\" said Ruth Adeyemi. Store manager Colin Price disagreed. \"Our prices are the lowest in town,\" he said.";
        let qs = extract_quotes(t);
        valid_spans(t, &qs);
        assert_eq!(qs.len(), 2, "{qs:#?}");
        assert_eq!(qs[0].speaker, "Ruth Adeyemi");
        assert_eq!(qs[1].speaker, "Colin Price");
        assert_eq!(qs[1].speaker_mention, "he");
    }

    #[test]
    fn wire_dateline_and_final_attribution() {
        check(
            "LIMA, March 3 - Peru will resume talks with its creditor banks next month, Finance Minister Luis Alva said.",
            &[(R, "Luis Alva", "said", "Peru will resume talks")],
        );
    }

    #[test]
    fn odd_inputs_never_panic() {
        let mut inputs: Vec<String> = vec![
            String::new(),
            " ".into(),
            "\"".into(),
            "“".into(),
            "\"\"\"\"".into(),
            "\"a\"b\"c\"d".into(),
            "x said \"".into(),
            "said said said, said \"said\" said".into(),
            "é\"ü“ñ”ß’‘".into(),
            "\r\n\r\n\"\r\n".into(),
            "«Bonjour à tous les amis de la France», a dit Pierre.".into(),
        ];
        inputs.push("\"".repeat(2000));
        inputs.push("He said \"it is fine. ".repeat(2000));
        inputs.push("\u{1F600}\"\u{0301}x\"".repeat(500));
        inputs.push(format!("{}\n\nShe said \"unclosed", "word ".repeat(50_000)));
        for t in &inputs {
            let qs = extract_quotes(t);
            valid_spans(t, &qs);
        }
        // A quote that never closes does not swallow the next paragraphs.
        let t = "Ana Silva said: \"This will not work at all for us\n\nThe council met on Friday. Ben Cole said the vote was delayed.";
        let qs = extract_quotes(t);
        valid_spans(t, &qs);
        assert!(qs.iter().all(|q| !q.text(t).contains("council")), "{qs:#?}");
        assert!(
            qs.iter()
                .any(|q| q.speaker.eq_ignore_ascii_case("ben cole"))
        );
    }

    #[test]
    fn big_line_is_fast() {
        let t = "The minister said \"we will win this fight\" and left. ".repeat(50_000);
        let start = std::time::Instant::now();
        let qs = extract_quotes(&t);
        valid_spans(&t, &qs);
        assert!(start.elapsed().as_secs() < 20);
    }
}
