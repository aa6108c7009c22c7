//! Stage 0 of the quotes engine: the word lists it reads (speech verbs, roles, places, ...),
//! loaded once from `assets/lexicon/quotes/` into one [`Lexicon`] with a flag word per entry.

use super::*;

pub(super) const SPEECH_VERBS: &str =
    include_str!("../../../assets/lexicon/quotes/speech_verbs.txt");
pub(super) const ROLES: &str = include_str!("../../../assets/lexicon/quotes/roles.txt");
pub(super) const GROUPS: &str = include_str!("../../../assets/lexicon/quotes/groups.txt");
pub(super) const ORGS: &str = include_str!("../../../assets/lexicon/quotes/organisations.txt");
pub(super) const MEDIA: &str = include_str!("../../../assets/lexicon/quotes/media.txt");
pub(super) const TITLES: &str = include_str!("../../../assets/lexicon/quotes/titles.txt");
pub(super) const PRONOUNS: &str = include_str!("../../../assets/lexicon/quotes/pronouns.txt");
pub(super) const PLACES: &str = include_str!("../../../assets/lexicon/quotes/places.txt");
pub(super) const PLACE_COMMON_PARTS: &str =
    include_str!("../../../assets/lexicon/quotes/place_name_parts.txt");
pub(super) const SPEECH_NOUNS: &str =
    include_str!("../../../assets/lexicon/quotes/speech_nouns.txt");
pub(super) const IRREGULAR_PAST: &str =
    include_str!("../../../assets/lexicon/quotes/irregular_past.txt");
pub(super) const STOPWORDS: &str = include_str!("../../../assets/lexicon/quotes/stopwords.txt");

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum VerbClass {
    /// Takes a clause with or without `that`.
    Say,
    /// Takes an object, then a clause.
    Tell,
    /// Takes a clause with `that`, or without it when the words after the verb read as a
    /// clause (or `OBJECT to ...` for urge-like verbs).
    That,
    /// The attributed content is the verb's complement (`called for a recount`, `accused Y of
    /// lying`); only people, organisations and groups are its speakers.
    Object,
    /// Reported speech of a document, poll or study (`polls show ...`), or of anyone with `that`.
    Evidence,
    /// Takes a `to` infinitive or a `that` clause (`X vowed to ...`, `X refused to ...`); only
    /// people, organisations and groups are its speakers.
    Intent,
    /// Only attributes direct quotes.
    QuoteOnly,
}

impl VerbClass {
    /// Verbs that can follow the clause they report (`CLAUSE, X said`).
    pub(super) fn follows_clause(self) -> bool {
        matches!(
            self,
            VerbClass::Say | VerbClass::Tell | VerbClass::That | VerbClass::Evidence
        )
    }

    fn from_name(name: &str) -> Option<VerbClass> {
        Some(match name {
            "say" => VerbClass::Say,
            "tell" => VerbClass::Tell,
            "that" => VerbClass::That,
            "object" => VerbClass::Object,
            "evidence" => VerbClass::Evidence,
            "intent" => VerbClass::Intent,
            "quote" => VerbClass::QuoteOnly,
            _ => return None,
        })
    }
}

/// The forms of the speech-verb file, read from `lemma: CLASS form form ...`.
struct SpeechVerbForms {
    /// Each form → its class. An `-ing` participle alone only attributes direct quotes.
    verbs: FxMap<VerbClass>,
    /// `-ing` forms → their lemma's class, for `is saying ...` and `..., saying that ...`.
    participles: FxMap<VerbClass>,
    /// Forms of `that` and `intent` verbs marked `+np`, which also take a noun phrase as what
    /// was said (`announced the arrest`, `denied any role`, `promised a veto`).
    np_objects: FxSet,
}

fn speech_verb_forms(src: &'static str) -> SpeechVerbForms {
    let mut forms = SpeechVerbForms {
        verbs: FxMap::default(),
        participles: FxMap::default(),
        np_objects: FxSet::default(),
    };
    for line in data_lines(src) {
        let Some((_lemma, entry)) = line.split_once(':') else {
            continue;
        };
        let mut words = entry.split_whitespace();
        let Some(class_field) = words.next() else {
            continue;
        };
        let (class_name, np_object) = match class_field.strip_suffix("+np") {
            Some(name) => (name, true),
            None => (class_field, false),
        };
        let Some(class) = VerbClass::from_name(class_name) else {
            continue;
        };
        for form in words {
            let form_class = if form.ends_with("ing") {
                forms.participles.entry(form).or_insert(class);
                VerbClass::QuoteOnly
            } else {
                class
            };
            forms.verbs.entry(form).or_insert(form_class);
            if np_object {
                forms.np_objects.insert(form);
            }
        }
    }
    forms
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum PronClass {
    Person,
    Org,
    Group,
    SelfRef,
}

pub(super) type FxSet = HashSet<&'static str, FxBuild>;
pub(super) type FxMap<V> = HashMap<&'static str, V, FxBuild>;

impl Lexicon {
    pub(super) fn info(&self, w: &str) -> WordInfo {
        self.known.get(w).copied().unwrap_or_default()
    }
}

pub(super) struct Lexicon {
    pub(super) verbs: FxMap<VerbClass>,
    /// Forms of `that` and `intent` verbs that also take a noun phrase (`announced the arrest`).
    pub(super) np_object_verbs: FxSet,
    /// Verb forms → the particles after which they attribute a noun phrase (`spoke about`).
    pub(super) phrasal_verbs: FxMap<Vec<&'static str>>,
    /// `-ing` forms of speech verbs → their lemma's class (the forms are `QuoteOnly` in `verbs`).
    pub(super) participles: FxMap<VerbClass>,
    pub(super) roles: FxSet,
    /// Role words that can head a role description (`minister`), not modifiers (`finance`).
    pub(super) role_heads: FxSet,
    /// `vice`, `deputy`: before a role head, another office (`vice president`).
    pub(super) rank_modifiers: FxSet,
    /// `for`, `like`, `however`: words opening an aside between a speaker and its verb.
    pub(super) aside_openers: FxSet,
    /// `which`, `as`, `when`: words opening a subordinate clause.
    pub(super) subordinators: FxSet,
    /// `when`, `although`: subordinators that open a fronted clause at a sentence's start.
    pub(super) fronted_subordinators: FxSet,
    /// Verb forms reporting a directive, `OBJECT to VERB` (`urged Y to act`).
    pub(super) directive_verbs: FxSet,
    pub(super) groups: FxSet,
    pub(super) orgs: FxSet,
    pub(super) media: FxSet,
    pub(super) titles: FxSet,
    pub(super) pronouns: FxMap<PronClass>,
    pub(super) stop: FxSet,
    /// Place name or adjective (possibly multi-word) → canonical place.
    pub(super) places: FxMap<&'static str>,
    /// Every word of every place name.
    pub(super) place_words: FxSet,
    pub(super) time: FxSet,
    pub(super) events: FxSet,
    pub(super) aux: FxSet,
    pub(super) np_boundary: FxSet,
    pub(super) np_starters: FxSet,
    /// Words that cannot open a reported clause without `that` (`not_clause_starts.txt`).
    pub(super) not_clause_starts: FxSet,
    pub(super) abbrev: FxSet,
    pub(super) name_particles: FxSet,
    /// Common words that head a speaker phrase (`the government said`).
    pub(super) common_speaking_heads: FxSet,
    /// Courtesy titles and given names → gender (1 male, 2 female).
    pub(super) genders: FxMap<u8>,
    /// Every lexicon word (and every plural of a role word) → its [`WordInfo`]: one look-up
    /// per token at tokenisation answers every later set-membership question about it.
    pub(super) known: WordMap<WordInfo>,
}

/// What the lexicons say about one word: `F_*` flags and the speech-verb and pronoun classes.
#[derive(Clone, Copy, Default)]
pub(super) struct WordInfo {
    pub(super) flags: u32,
    pub(super) verb: Option<VerbClass>,
    pub(super) pron: Option<PronClass>,
    /// A form of `phrasal_verbs.txt` (`spoke`, `pointed`): look its particles up.
    pub(super) phrasal: bool,
}

pub(super) const F_STOP: u32 = 1;
pub(super) const F_ROLE: u32 = 1 << 1;
pub(super) const F_ORG: u32 = 1 << 2;
pub(super) const F_GROUP: u32 = 1 << 3;
pub(super) const F_TITLE: u32 = 1 << 4;
pub(super) const F_PRON: u32 = 1 << 5;
pub(super) const F_VERB: u32 = 1 << 6;
pub(super) const F_TIME: u32 = 1 << 7;
pub(super) const F_EVENT: u32 = 1 << 8;
pub(super) const F_PLACE: u32 = 1 << 9;
pub(super) const F_PLACE_PART: u32 = 1 << 10;
pub(super) const F_ROLE_HEAD: u32 = 1 << 11;
pub(super) const F_MEDIA: u32 = 1 << 12;
pub(super) const F_AUX: u32 = 1 << 13;
pub(super) const F_NP_BOUNDARY: u32 = 1 << 14;
pub(super) const F_NP_STARTER: u32 = 1 << 15;
pub(super) const F_ABBREV: u32 = 1 << 16;
pub(super) const F_NAME_PARTICLE: u32 = 1 << 17;
/// In [`FUNCTION_WORDS`].
pub(super) const F_FUNCTION: u32 = 1 << 18;
/// In [`ROLE_MODIFIERS`].
pub(super) const F_ROLE_MODIFIER: u32 = 1 << 19;
/// A plural of a role word: `role + "s"`, or `rol + "ies"` for a role `roly` (`deputies`).
pub(super) const F_ROLE_PLURAL: u32 = 1 << 20;
/// Set per token, not in the lexicon: a hyphenated word with a role part (`vice-premier`).
pub(super) const F_ROLE_HYPHEN: u32 = 1 << 21;
/// A noun that cues reported speech after a possessive (`X's claim that`).
pub(super) const F_SPEECH_NOUN: u32 = 1 << 22;
/// An irregular past-tense verb (`spoke`, `left`).
pub(super) const F_IRREGULAR_PAST: u32 = 1 << 23;
/// An adverb skipped between a subject and its verb (`also`, `once`, `not`); it is also
/// [`F_AUX`].
pub(super) const F_ADVERB: u32 = 1 << 24;
/// A preposition that opens an adverbial phrase before a subject (`in`, `during`).
pub(super) const F_PREPOSITION: u32 = 1 << 25;
/// Determiners (`assets/lexicon/quotes/determiners.txt`).
pub(super) const F_DETERMINER: u32 = 1 << 26;
/// Courtesy titles and given names of `genders.txt`: a common word after one is a surname
/// (`colin price`).
pub(super) const F_GENDERED: u32 = 1 << 27;
/// A preposition opening a modifier after a speaker phrase's head (`a spokesman for ...`).
pub(super) const F_POSTMODIFIER: u32 = 1 << 28;
/// A word of a share of people (`shares.txt`: `percent`, `in`, `nearly`, number words).
pub(super) const F_SHARE: u32 = 1 << 29;
/// A number written as a word (`eight`, `half`), from `shares.txt`.
pub(super) const F_NUMBER_WORD: u32 = 1 << 30;
/// A particle of a speech verb with a noun-phrase complement (`called for`, `verb_particles.txt`).
pub(super) const F_PARTICLE: u32 = 1 << 31;

pub(super) fn word_set(src: &'static str) -> FxSet {
    data_lines(src)
        .filter_map(|l| l.split_whitespace().next())
        .collect()
}

/// The phrasal-verb file: `particle ...: form ...` → each form with its particles.
fn phrasal_verb_forms(src: &'static str) -> FxMap<Vec<&'static str>> {
    let mut forms: FxMap<Vec<&'static str>> = FxMap::default();
    for line in data_lines(src) {
        let Some((particles, entry)) = line.split_once(':') else {
            continue;
        };
        for form in entry.split_whitespace() {
            forms
                .entry(form)
                .or_default()
                .extend(particles.split_whitespace());
        }
    }
    forms
}

/// The words of a list whose line carries `mark` after the word (`when fronted`, `one number`).
fn words_marked(src: &'static str, mark: &str) -> FxSet {
    data_lines(src)
        .filter(|l| l.split_whitespace().nth(1) == Some(mark))
        .filter_map(|l| l.split_whitespace().next())
        .collect()
}

pub(super) const TIME_WORDS: &str = include_str!("../../../assets/lexicon/quotes/time_words.txt");

pub(super) const EVENT_WORDS: &str = include_str!("../../../assets/lexicon/quotes/events.txt");

pub(super) const AUX: &str = include_str!("../../../assets/lexicon/quotes/auxiliaries.txt");

pub(super) const SUBJECT_VERB_ADVERBS: &str =
    include_str!("../../../assets/lexicon/quotes/subject_verb_adverbs.txt");

pub(super) const NP_BOUNDARY: &str =
    include_str!("../../../assets/lexicon/quotes/np_boundaries.txt");

pub(super) const NP_STARTERS: &str = include_str!("../../../assets/lexicon/quotes/np_starters.txt");

pub(super) const ABBREV: &str = include_str!("../../../assets/lexicon/quotes/abbreviations.txt");

pub(super) const ROLE_MODIFIERS: &str =
    include_str!("../../../assets/lexicon/quotes/role_modifiers.txt");

pub(super) const DIRECTIVE_VERBS: &str =
    include_str!("../../../assets/lexicon/quotes/directive_verbs.txt");

pub(super) const ASIDE_OPENERS: &str =
    include_str!("../../../assets/lexicon/quotes/aside_openers.txt");

pub(super) const SUBORDINATORS: &str =
    include_str!("../../../assets/lexicon/quotes/subordinators.txt");

pub(super) const RANK_MODIFIERS: &str =
    include_str!("../../../assets/lexicon/quotes/rank_modifiers.txt");

pub(super) const FUNCTION_WORDS: &str =
    include_str!("../../../assets/lexicon/quotes/function_words.txt");

pub(super) const PREPOSITIONS: &str =
    include_str!("../../../assets/lexicon/quotes/prepositions.txt");

pub(super) const POSTMODIFIERS: &str =
    include_str!("../../../assets/lexicon/quotes/postmodifier_prepositions.txt");

pub(super) const VERB_PARTICLES: &str =
    include_str!("../../../assets/lexicon/quotes/verb_particles.txt");

pub(super) const NOT_CLAUSE_STARTS: &str =
    include_str!("../../../assets/lexicon/quotes/not_clause_starts.txt");

pub(super) const SHARES: &str = include_str!("../../../assets/lexicon/quotes/shares.txt");

pub(super) const GENDERS: &str = include_str!("../../../assets/lexicon/quotes/genders.txt");

pub(super) const DETERMINERS: &str = include_str!("../../../assets/lexicon/quotes/determiners.txt");

pub(super) const PHRASAL_VERBS: &str =
    include_str!("../../../assets/lexicon/quotes/phrasal_verbs.txt");

pub(super) const COMMON_SPEAKING_HEADS: &str =
    include_str!("../../../assets/lexicon/quotes/common_speaking_heads.txt");

pub(super) const NAME_PARTICLES: &str =
    include_str!("../../../assets/lexicon/quotes/name_particles.txt");

pub(super) static LEX: LazyLock<Lexicon> = LazyLock::new(build_lexicon);

pub(super) fn build_lexicon() -> Lexicon {
    let (places, place_words) = place_tables(PLACES, &word_set(PLACE_COMMON_PARTS));
    let role_modifiers = word_set(ROLE_MODIFIERS);
    let speech_verbs = speech_verb_forms(SPEECH_VERBS);
    let mut lex = Lexicon {
        verbs: speech_verbs.verbs,
        np_object_verbs: speech_verbs.np_objects,
        phrasal_verbs: phrasal_verb_forms(PHRASAL_VERBS),
        participles: speech_verbs.participles,
        role_heads: word_set(ROLES)
            .into_iter()
            .filter(|w| !role_modifiers.contains(w))
            .collect(),
        roles: word_set(ROLES),
        rank_modifiers: word_set(RANK_MODIFIERS),
        aside_openers: word_set(ASIDE_OPENERS),
        subordinators: word_set(SUBORDINATORS),
        fronted_subordinators: words_marked(SUBORDINATORS, "fronted"),
        directive_verbs: word_set(DIRECTIVE_VERBS),
        groups: word_set(GROUPS),
        orgs: word_set(ORGS),
        media: word_set(MEDIA),
        titles: word_set(TITLES),
        pronouns: pronoun_classes(PRONOUNS),
        stop: word_set(STOPWORDS),
        places,
        place_words,
        time: word_set(TIME_WORDS),
        events: word_set(EVENT_WORDS),
        aux: word_set(AUX),
        np_boundary: word_set(NP_BOUNDARY),
        np_starters: word_set(NP_STARTERS),
        not_clause_starts: word_set(NOT_CLAUSE_STARTS),
        abbrev: word_set(ABBREV),
        name_particles: word_set(NAME_PARTICLES),
        common_speaking_heads: word_set(COMMON_SPEAKING_HEADS),
        genders: data_lines(GENDERS)
            .filter_map(|l| {
                let mut fields = l.split_whitespace();
                let (word, gender) = (fields.next()?, fields.next()?);
                Some((word, if gender == "f" { 2 } else { 1 }))
            })
            .collect(),
        known: WordMap::default(),
    };
    lex.known = word_infos(&lex, &role_modifiers);
    lex
}

/// Subject pronouns with their classes: `pronoun CLASS` (person, org, group, self).
fn pronoun_classes(src: &'static str) -> FxMap<PronClass> {
    let mut pronouns = FxMap::default();
    for l in data_lines(src) {
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
    pronouns
}

/// Place names and their variants (`canonical: variant, variant`) → canonical name, and every
/// word of them but the common ones (`new`, `san`).
fn place_tables(src: &'static str, common_parts: &FxSet) -> (FxMap<&'static str>, FxSet) {
    let mut places = FxMap::default();
    let mut place_words = FxSet::default();
    for l in data_lines(src) {
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
                if !common_parts.contains(w) {
                    place_words.insert(w);
                }
            }
        }
    }
    (places, place_words)
}

/// Every lexicon word (and every plural of a role word) → its flags and classes.
fn word_infos(lex: &Lexicon, role_modifiers: &FxSet) -> WordMap<WordInfo> {
    let mut known: WordMap<WordInfo> = WordMap::default();
    let mut mark = |w: &str, f: u32| known.entry(w).flags |= f;
    let number_words = words_marked(SHARES, "number");
    let sets: [(&FxSet, u32); 26] = [
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
        (&word_set(SUBJECT_VERB_ADVERBS), F_AUX | F_ADVERB),
        (&lex.np_boundary, F_NP_BOUNDARY),
        (&lex.np_starters, F_NP_STARTER),
        (&lex.abbrev, F_ABBREV),
        (&lex.name_particles, F_NAME_PARTICLE),
        (&word_set(FUNCTION_WORDS), F_FUNCTION),
        (role_modifiers, F_ROLE_MODIFIER),
        (&word_set(SPEECH_NOUNS), F_SPEECH_NOUN),
        (&word_set(IRREGULAR_PAST), F_IRREGULAR_PAST),
        (&word_set(PREPOSITIONS), F_PREPOSITION),
        (&word_set(DETERMINERS), F_DETERMINER),
        (&word_set(POSTMODIFIERS), F_POSTMODIFIER),
        (&word_set(SHARES), F_SHARE),
        (&number_words, F_NUMBER_WORD),
        (&word_set(VERB_PARTICLES), F_PARTICLE),
    ];
    for (words, f) in sets {
        for &w in words {
            mark(w, f);
        }
    }
    for &w in lex.pronouns.keys() {
        mark(w, F_PRON);
    }
    for &w in lex.genders.keys() {
        mark(w, F_GENDERED);
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
    for &w in lex.phrasal_verbs.keys() {
        known.entry(w).phrasal = true;
    }
    known
}
