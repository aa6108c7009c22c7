//! The figures engine's word lists: number words, scales, units, currency prefixes, qualifiers,
//! word classes and names with numbers, read once from `assets/lexicon/figures/*.tsv` into hash
//! maps, with one bit set per token (`Lex::bits`) so each token is looked up once.

use super::FxMap;
use super::tokens::tokenize;
use crate::extract::Family;
use crate::extract::WordMap;
use crate::extract::lexicon::tsv_rows;
use std::sync::LazyLock;

pub(super) const NUMBERS_TSV: &str = include_str!("../../../assets/lexicon/figures/numbers.tsv");

pub(super) const SCALES_TSV: &str = include_str!("../../../assets/lexicon/figures/scales.tsv");

pub(super) const UNITS_TSV: &str = include_str!("../../../assets/lexicon/figures/units.tsv");

pub(super) const CURRENCIES_TSV: &str =
    include_str!("../../../assets/lexicon/figures/currencies.tsv");

pub(super) const QUALIFIERS_TSV: &str =
    include_str!("../../../assets/lexicon/figures/qualifiers.tsv");

pub(super) const DATES_TSV: &str = include_str!("../../../assets/lexicon/figures/dates.tsv");

pub(super) const IDENTIFIERS_TSV: &str =
    include_str!("../../../assets/lexicon/figures/identifiers.tsv");

pub(super) const WORDS_TSV: &str = include_str!("../../../assets/lexicon/figures/words.tsv");

/// Word shapes: adjective endings, irregular and invariant plurals.
pub(super) const FORMS_TSV: &str = include_str!("../../../assets/lexicon/figures/forms.tsv");

pub(super) const NAMES_TSV: &str = include_str!("../../../assets/lexicon/figures/names.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NC {
    Unit,
    Teen,
    Tens,
    Hundred,
    Dozen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ScaleMode {
    Free,
    Attached,
    Currency,
}

#[derive(Debug, Clone)]
pub(super) struct UnitDef {
    pub(super) toks: Vec<String>,
    pub(super) canon: &'static str,
    pub(super) family: Family,
    pub(super) factor: f64,
    pub(super) attached: bool,
    pub(super) strict: bool,
    /// Only before a dimension word (`2 in thick`).
    pub(super) dimension_only: bool,
    /// A prime mark, a unit only glued to the digits and not closing a quotation (`30'`).
    pub(super) prime: bool,
    /// The larger unit this one is a part of, and how many make one (`in` → `ft`, 12).
    pub(super) part_of: Option<(&'static str, f64)>,
    /// Only where cased text writes it exactly so (`450 Nm` is torque, `450 nm` a length).
    pub(super) cased: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub(super) struct Phrase {
    pub(super) toks: Vec<String>,
    pub(super) text: &'static str,
    pub(super) val: &'static str,
}

pub(super) const C_STOP: u64 = 1;

pub(super) const C_CHAIN: u64 = 2;

pub(super) const C_CHANGE: u64 = 4;

pub(super) const C_VALUE: u64 = 8;

pub(super) const C_KEEPING: u64 = 16;

pub(super) const C_KEEPED: u64 = 32;

pub(super) const C_COUNTEXCL: u64 = 64;

pub(super) const C_COUNTADJ: u64 = 128;

pub(super) const C_ORDEXCL: u64 = 256;

pub(super) const C_ORDADJ: u64 = 512;

pub(super) const C_PER: u64 = 1024;

pub(super) const C_PLURAL: u64 = 2048;

pub(super) const C_MONTH: u64 = 4096;

pub(super) const C_CLOCK: u64 = 8192;

pub(super) const C_IDENT: u64 = 16384;

pub(super) const C_METRE: u64 = 32768;

pub(super) const C_LYNOUN: u64 = 65536;

pub(super) const C_NONCOUNT: u64 = 131072;

pub(super) const C_MONEY: u64 = 262144;

pub(super) const C_PART: u64 = 524288;

/// `dimension`: words after a number that make a bare letter a unit of length (`5 m high`).
pub(super) const C_DIMENSION: u64 = 1 << 20;

/// `age`: words before a number that make it an age in years (`aged 87`).
pub(super) const C_AGE: u64 = 1 << 21;

/// `notcounted`: words after a number and a hyphen that are not what is counted (`12-strong`).
pub(super) const C_NOTCOUNTED: u64 = 1 << 22;

/// `compare`: words after `N times` that make it a multiple (`six times as many`).
pub(super) const C_COMPARE: u64 = 1 << 23;

/// `auxiliary`: verbs after a counted noun that mark a list item (`11 loans were approved`).
pub(super) const C_AUXILIARY: u64 = 1 << 24;

/// `idiom`: units that `a`/`an` makes an idiom of rather than one unit (`a ton of money`).
pub(super) const C_IDIOM: u64 = 1 << 25;

/// `determiner`: words after `of` that open the noun phrase a glued `m` counts (`35m of its
/// devices`).
pub(super) const C_DETERMINER: u64 = 1 << 26;

/// `duration`: words before `one`/`a` and a unit of time that make it a duration (`for a
/// year`, `took one week`).
pub(super) const C_DURATION: u64 = 1 << 27;

/// `timeadj`: words between a number and a unit of time (`10 calendar days`).
pub(super) const C_TIMEADJ: u64 = 1 << 28;

/// `agesubject`: words for one person that a bare number after `is`/`was` is the age of (`he
/// was 10.`).
pub(super) const C_AGESUBJECT: u64 = 1 << 29;

/// `ageverb`: verbs between a person and a bare number that make it an age (`will be`, `turned`).
pub(super) const C_AGEVERB: u64 = 1 << 30;

/// `ageclose`: words that may follow such an age (`he will be 30 by the end of the year`).
pub(super) const C_AGECLOSE: u64 = 1 << 31;

/// `anglenoun`: words within three words after `degrees` that make it an angle (`a 45-degree
/// angle`, `a 1.4 degree launch angle`).
pub(super) const C_ANGLENOUN: u64 = 1 << 32;

/// `angleverb`: verbs before a number of degrees that make it an angle (`rotate 90°`).
pub(super) const C_ANGLEVERB: u64 = 1 << 33;

/// `angleword`: words right after `degrees` that make it an angle (`a 180-degree turn`, `40
/// degrees north`).
pub(super) const C_ANGLEWORD: u64 = 1 << 34;

/// `comparing`: words before `with` or `to` that make the bare number after them the value
/// the figure before is compared with (`460 cars, compared with 63`).
pub(super) const C_COMPARING: u64 = 1 << 35;

/// `unitsystem`: words between `of a` and the unit of a fraction (`1/16 of a US pint`).
pub(super) const C_UNITSYSTEM: u64 = 1 << 36;

/// `stopnoun`: stop words that are counted nouns right after a number (`eight estimates`).
pub(super) const C_STOPNOUN: u64 = 1 << 37;

/// Word shapes from `forms.tsv`: adjective endings and irregular plurals.
#[derive(Default)]
pub(super) struct WordForms {
    pub(super) adjective_endings: Vec<&'static str>,
    pub(super) head_adjective_endings: Vec<&'static str>,
    /// Singular → irregular plural (`man` → `men`).
    pub(super) plurals: FxMap<&'static str, &'static str>,
    /// Irregular plural → singular, and invariant nouns to themselves.
    pub(super) singulars: FxMap<&'static str, &'static str>,
}

fn load_forms() -> WordForms {
    let mut forms = WordForms::default();
    for f in tsv_rows(FORMS_TSV) {
        match (f[0], f.get(1), f.get(2)) {
            ("adjective", Some(&ending), _) => forms.adjective_endings.push(ending),
            ("head-adjective", Some(&ending), _) => forms.head_adjective_endings.push(ending),
            ("plural", Some(&one), Some(&many)) => {
                forms.plurals.insert(one, many);
                forms.singulars.insert(many, one);
            }
            ("invariant", Some(&noun), _) => {
                forms.singulars.insert(noun, noun);
            }
            _ => {}
        }
    }
    forms
}

/// A word that is a multiple: its factor, and whether it needs a qualifier before it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Multiple {
    pub(super) factor: f64,
    pub(super) needs_qualifier: bool,
}

pub(super) struct Lex {
    pub(super) cards: FxMap<&'static str, (f64, NC)>,
    pub(super) ords: FxMap<&'static str, f64>,
    pub(super) fracs: FxMap<&'static str, f64>,
    pub(super) vague: FxMap<&'static str, f64>,
    /// Multiples (`sixfold`; `double` only after a qualifier: `almost double`).
    pub(super) multiples: FxMap<&'static str, Multiple>,
    pub(super) scales: FxMap<&'static str, (f64, ScaleMode)>,
    pub(super) units: FxMap<String, Vec<UnitDef>>,
    pub(super) prefixes: FxMap<String, Vec<Phrase>>,
    pub(super) qualifiers: FxMap<String, Vec<Phrase>>,
    pub(super) classes: FxMap<&'static str, u64>,
    pub(super) abbrev: FxMap<&'static str, &'static str>,
    pub(super) peso: Vec<(&'static str, &'static str)>,
    /// Names that contain a number (`six nations`), by first token.
    pub(super) names: FxMap<String, Vec<Vec<String>>>,
    /// Word shapes from `forms.tsv`.
    pub(super) forms: WordForms,
    /// Every key of the maps above → its `C_*` class (low 48 bits) and which maps hold it
    /// (`B_*`), so each token is looked up once (see [`Scan::tb`]).
    pub(super) tok_bits: WordMap<u64>,
    /// `key_first[b]`: some key of `tok_bits` starts with byte `b` (numbers and most symbols
    /// are ruled out without a look-up).
    pub(super) key_first: [bool; 256],
}

// Membership bits of [`Lex::tok_bits`], above the 48 class bits.
pub(super) const B_CARD: u64 = 1 << 48;

pub(super) const B_ORD: u64 = 1 << 49;

pub(super) const B_VAGUE: u64 = 1 << 50;

pub(super) const B_SCALE: u64 = 1 << 51;

pub(super) const B_NAME: u64 = 1 << 52;

pub(super) const B_UNIT: u64 = 1 << 53;

pub(super) const B_PREFIX: u64 = 1 << 54;

pub(super) const B_QUAL: u64 = 1 << 55;

pub(super) const B_MULTIPLE: u64 = 1 << 56;

/// The class bits (`C_*`) of a token's bits.
pub(super) const CLASS_MASK: u64 = (1 << 48) - 1;

/// A number word: cardinal, ordinal, scale or vague magnitude.
pub(super) const B_NUMWORD: u64 = B_CARD | B_ORD | B_SCALE | B_VAGUE;

pub(super) fn phrase_toks(p: &str) -> Vec<String> {
    let low = p.to_ascii_lowercase();
    tokenize(&low)
        .iter()
        .map(|t| low[t.start..t.end].to_string())
        .collect()
}

pub(super) fn family_of(s: &str) -> Family {
    match s {
        "currency" => Family::Currency,
        "percent" => Family::Percent,
        "length" => Family::Length,
        "area" => Family::Area,
        "mass" => Family::Mass,
        "volume" => Family::Volume,
        "time" => Family::Time,
        "speed" => Family::Speed,
        "temperature" => Family::Temperature,
        "energy" => Family::Energy,
        "power" => Family::Power,
        "pressure" => Family::Pressure,
        "torque" => Family::Torque,
        "frequency" => Family::Frequency,
        "data" => Family::Data,
        "data rate" => Family::DataRate,
        "count" => Family::Count,
        "ordinal" => Family::Ordinal,
        _ => Family::Number,
    }
}

pub(super) fn build_lex() -> Lex {
    let mut lex = Lex {
        cards: FxMap::default(),
        ords: FxMap::default(),
        fracs: FxMap::default(),
        vague: FxMap::default(),
        multiples: FxMap::default(),
        scales: FxMap::default(),
        units: FxMap::default(),
        prefixes: FxMap::default(),
        qualifiers: FxMap::default(),
        classes: FxMap::default(),
        abbrev: FxMap::default(),
        peso: Vec::new(),
        names: FxMap::default(),
        forms: load_forms(),
        tok_bits: WordMap::default(),
        key_first: [false; 256],
    };
    load_names(&mut lex);
    load_numbers(&mut lex);
    load_scales(&mut lex);
    load_units(&mut lex);
    load_currencies(&mut lex);
    load_qualifiers(&mut lex);
    sort_phrases_longest_first(&mut lex);
    load_dates(&mut lex);
    load_identifiers(&mut lex);
    load_words(&mut lex);
    index_token_bits(&mut lex);
    lex
}

/// Names that contain a number (`six nations`), by first token.
fn load_names(lex: &mut Lex) {
    for f in tsv_rows(NAMES_TSV) {
        let toks = phrase_toks(f[0]);
        if let Some(first) = toks.first().cloned() {
            lex.names.entry(first).or_default().push(toks);
        }
    }
}

/// Cardinal, ordinal, fraction and vague number words.
fn load_numbers(lex: &mut Lex) {
    for f in tsv_rows(NUMBERS_TSV) {
        if f.len() < 3 {
            continue;
        }
        let v: f64 = f[1].parse().unwrap_or(0.0);
        match f[2] {
            "unit" => {
                lex.cards.insert(f[0], (v, NC::Unit));
            }
            "teen" => {
                lex.cards.insert(f[0], (v, NC::Teen));
            }
            "tens" => {
                lex.cards.insert(f[0], (v, NC::Tens));
            }
            "hundred" => {
                lex.cards.insert(f[0], (v, NC::Hundred));
            }
            "dozen" => {
                lex.cards.insert(f[0], (v, NC::Dozen));
            }
            "ord" => {
                lex.ords.insert(f[0], v);
            }
            "frac" => {
                lex.fracs.insert(f[0], v);
            }
            "vague" => {
                lex.vague.insert(f[0], v);
            }
            "fold" | "multiple" => {
                let needs_qualifier = f[2] == "multiple";
                let m = Multiple {
                    factor: v,
                    needs_qualifier,
                };
                lex.multiples.insert(f[0], m);
            }
            _ => {}
        }
    }
}

/// Scale words (`mln`, `bn`, glued `m`) and how they attach.
fn load_scales(lex: &mut Lex) {
    for f in tsv_rows(SCALES_TSV) {
        if f.len() < 3 {
            continue;
        }
        let v: f64 = f[1].parse().unwrap_or(1.0);
        let m = match f[2] {
            "attached" => ScaleMode::Attached,
            "currency" => ScaleMode::Currency,
            _ => ScaleMode::Free,
        };
        lex.scales.insert(f[0], (v, m));
    }
}

/// Unit phrases by first token, longest first.
fn load_units(lex: &mut Lex) {
    for f in tsv_rows(UNITS_TSV) {
        if f.len() < 4 {
            continue;
        }
        let toks = phrase_toks(f[0]);
        let Some(first) = toks.first().cloned() else {
            continue;
        };
        let flags = f.get(4).copied().unwrap_or("-");
        let def = UnitDef {
            toks,
            canon: f[1],
            family: family_of(f[2]),
            factor: f[3].parse().unwrap_or(1.0),
            attached: flags.contains("attached"),
            strict: flags.contains("strict"),
            dimension_only: flags.contains("dimension"),
            prime: flags.contains("prime"),
            part_of: part_of_flag(flags),
            cased: flags.contains("cased").then_some(f[0]),
        };
        lex.units.entry(first).or_default().push(def);
    }
}

/// The `part-of:UNIT:N` flag of a unit row: the larger unit and how many parts make it.
fn part_of_flag(flags: &'static str) -> Option<(&'static str, f64)> {
    let spec = flags.split(',').find_map(|f| f.strip_prefix("part-of:"))?;
    let (unit, count) = spec.split_once(':')?;
    Some((unit, count.parse().ok()?))
}

/// Qualifiers by last token.
fn load_qualifiers(lex: &mut Lex) {
    for f in tsv_rows(QUALIFIERS_TSV) {
        if f.len() < 2 {
            continue;
        }
        let toks = phrase_toks(f[0]);
        let Some(last) = toks.last().cloned() else {
            continue;
        };
        let qualifier = Phrase {
            toks,
            text: f[0],
            val: f[1],
        };
        lex.qualifiers.entry(last).or_default().push(qualifier);
    }
}

/// Units, prefixes and qualifiers longest first, so the first phrase that matches wins (a
/// stable sort: phrases of one length keep their file order).
fn sort_phrases_longest_first(lex: &mut Lex) {
    for v in lex.units.values_mut() {
        v.sort_by_key(|d| std::cmp::Reverse(d.toks.len()));
    }
    for m in [&mut lex.prefixes, &mut lex.qualifiers] {
        for v in m.values_mut() {
            v.sort_by_key(|d| std::cmp::Reverse(d.toks.len()));
        }
    }
}

/// Month and clock words.
fn load_dates(lex: &mut Lex) {
    for f in tsv_rows(DATES_TSV) {
        if f.len() < 2 {
            continue;
        }
        let c = match f[1] {
            "month" => C_MONTH,
            "clock" => C_CLOCK,
            _ => 0,
        };
        *lex.classes.entry(f[0]).or_insert(0) |= c;
    }
}

/// Words before a number that make it an identifier (`article 5`).
fn load_identifiers(lex: &mut Lex) {
    for f in tsv_rows(IDENTIFIERS_TSV) {
        if let Some(w) = f.first() {
            *lex.classes.entry(w).or_insert(0) |= C_IDENT;
        }
    }
}

/// Word classes, label abbreviations and peso codes.
fn load_words(lex: &mut Lex) {
    for f in tsv_rows(WORDS_TSV) {
        if f.len() < 2 {
            continue;
        }
        let c = match f[0] {
            "stop" => C_STOP,
            "chain" => C_CHAIN,
            "change" => C_CHANGE,
            "value" => C_VALUE,
            "keeping" => C_KEEPING,
            "keeped" => C_KEEPED,
            "countexcl" => C_COUNTEXCL,
            "countadj" => C_COUNTADJ,
            "ordexcl" => C_ORDEXCL,
            "ordadj" => C_ORDADJ,
            "per" => C_PER,
            "plural" => C_PLURAL,
            "metre" => C_METRE,
            "lynoun" => C_LYNOUN,
            "noncount" => C_NONCOUNT,
            "money" => C_MONEY,
            "part" => C_PART,
            "dimension" => C_DIMENSION,
            "age" => C_AGE,
            "notcounted" => C_NOTCOUNTED,
            "compare" => C_COMPARE,
            "auxiliary" => C_AUXILIARY,
            "idiom" => C_IDIOM,
            "determiner" => C_DETERMINER,
            "duration" => C_DURATION,
            "timeadj" => C_TIMEADJ,
            "agesubject" => C_AGESUBJECT,
            "ageverb" => C_AGEVERB,
            "ageclose" => C_AGECLOSE,
            "anglenoun" => C_ANGLENOUN,
            "angleverb" => C_ANGLEVERB,
            "angleword" => C_ANGLEWORD,
            "comparing" => C_COMPARING,
            "unitsystem" => C_UNITSYSTEM,
            "stopnoun" => C_STOPNOUN,
            "abbrev" => {
                if let Some(v) = f.get(2) {
                    lex.abbrev.insert(f[1], v);
                }
                0
            }
            "peso" => {
                if let Some(v) = f.get(2) {
                    lex.peso.push((f[1], v));
                }
                0
            }
            _ => 0,
        };
        if c != 0 {
            *lex.classes.entry(f[1]).or_insert(0) |= c;
        }
    }
}

/// Every key of the maps → its class and membership bits, and the bytes keys start with.
fn index_token_bits(lex: &mut Lex) {
    let mut bits: WordMap<u64> = WordMap::default();
    let mut key_first = [false; 256];
    let mut mark = |w: &str, b: u64| {
        if let Some(&c) = w.as_bytes().first() {
            key_first[usize::from(c)] = true;
        }
        *bits.entry(w) |= b;
    };
    for (w, &c) in &lex.classes {
        mark(w, c);
    }
    for w in lex.cards.keys() {
        mark(w, B_CARD);
    }
    for w in lex.ords.keys() {
        mark(w, B_ORD);
    }
    for w in lex.vague.keys() {
        mark(w, B_VAGUE);
    }
    for w in lex.multiples.keys() {
        mark(w, B_MULTIPLE);
    }
    for w in lex.scales.keys() {
        mark(w, B_SCALE);
    }
    for w in lex.names.keys() {
        mark(w, B_NAME);
    }
    for w in lex.units.keys() {
        mark(w, B_UNIT);
    }
    for w in lex.prefixes.keys() {
        mark(w, B_PREFIX);
    }
    for w in lex.qualifiers.keys() {
        mark(w, B_QUAL);
    }
    lex.tok_bits = bits;
    lex.key_first = key_first;
}

pub(super) static LEX: LazyLock<Lex> = LazyLock::new(build_lex);

impl Lex {
    pub(super) fn class(&self, w: &str) -> u64 {
        self.classes.get(w).copied().unwrap_or(0)
    }
    pub(super) fn is(&self, w: &str, c: u64) -> bool {
        self.class(w) & c != 0
    }
    /// Class and membership bits of a word (0 when in no lexicon).
    pub(super) fn bits(&self, w: &str) -> u64 {
        match w.as_bytes().first() {
            Some(&c) if !self.key_first[usize::from(c)] => 0,
            _ => self.tok_bits.get(w).copied().unwrap_or(0),
        }
    }
}

/// One name of a currency from `currencies.tsv`, as a unit after the number.
fn currency_unit(name: &'static str, code: &'static str, factor: f64) -> UnitDef {
    UnitDef {
        toks: phrase_toks(name),
        canon: code,
        family: Family::Currency,
        factor,
        attached: false,
        strict: false,
        dimension_only: false,
        prime: false,
        part_of: None,
        cased: None,
    }
}

/// The `|`-separated entries of column `index` of a `currencies.tsv` row (`-` when none).
fn column_entries(row: &[&'static str], index: usize) -> impl Iterator<Item = &'static str> {
    let field: &'static str = row.get(index).copied().unwrap_or("-");
    field
        .split('|')
        .map(str::trim)
        .filter(|entry| !entry.is_empty() && *entry != "-")
}

/// Adds every currency of `currencies.tsv`: its names, strict names and minor units as units
/// after a number, and its symbols and codes as prefixes before one.
fn load_currencies(lex: &mut Lex) {
    for row in tsv_rows(CURRENCIES_TSV) {
        let Some(&code) = row.first() else {
            continue;
        };
        let names = column_entries(&row, 1).map(|name| currency_unit(name, code, 1.0));
        let strict = column_entries(&row, 2).map(|name| UnitDef {
            strict: true,
            ..currency_unit(name, code, 1.0)
        });
        let minor = column_entries(&row, 4).filter_map(|entry| {
            let (name, fraction) = entry.split_once('=')?;
            let glued_only = fraction.strip_suffix('!');
            let factor = glued_only.unwrap_or(fraction).parse().ok()?;
            Some(UnitDef {
                attached: glued_only.is_some(),
                ..currency_unit(name, code, factor)
            })
        });
        for def in names.chain(strict).chain(minor) {
            if let Some(first) = def.toks.first().cloned() {
                lex.units.entry(first).or_default().push(def);
            }
        }
        for symbol in column_entries(&row, 3) {
            let toks = phrase_toks(symbol.trim_end_matches('!'));
            if let Some(last) = toks.last().cloned() {
                let prefix = Phrase {
                    toks,
                    text: symbol,
                    val: code,
                };
                lex.prefixes.entry(last).or_default().push(prefix);
            }
        }
    }
}
