//! Figures: numbers with units, qualifiers and the thing they measure.
//!
//! A hand-written scanner: the text is ASCII-lowercased once (byte offsets are kept, so cased,
//! lower-cased and ALL-CAPS texts give the same figures), cut into word / number / symbol
//! tokens, and figures are parsed token by token with lexicons (tab-separated data files under
//! `assets/lexicon/figures/`, each documented in its header) loaded once into hash maps. Every
//! look-back and look-ahead is bounded, so the cost is linear in the text.
//!
//! What is a figure:
//! - a number with a unit: currency (`$1.2bn`, `300 billion us dollars`, `17.05 mln dlrs`,
//!   `90 cts`), percent (`%`, `pct`, `per cent`; `percentage points`/`basis points` → `pp`),
//!   length, area, mass, volume (`bpd`), durations (`three years`, `five-year`, `30-year-old`
//!   with measure `age`), speed, temperature, energy; data units as `Number` with a unit;
//! - a count: a number before a plural head noun, adjectives skipped (`19 latin american
//!   countries` → `countries`); vague magnitudes as ranges (`tens of millions of doses`);
//! - an ordinal of a counted thing after a possessive (`its fifth consulate` → `consulates`);
//! - a unit-less number only when it carries a scale, decimals, separators, a qualifier, a
//!   fraction or sits in a `vs` row (`5.4 mln vs 4.1 mln`); a later scaled number takes the
//!   unit of its sentence (`5 mln tonnes against 2.8 mln`).
//!
//! Never figures: dates (`2021-07-28`, `july 28`, `march 3, 1987`, years, `1986/87`, `the
//! 1990s`), clock times, identifiers and names (`covid-19`, `g20`, `boeing 747`, `article 5`,
//! `six nations`), list numbers, phone numbers, URLs and e-mails, the header line
//! (`source: ...| published: ...`), the pronoun `one`, bare small integers.
//!
//! Ranges (`200 to 300 mln dlrs`, `35-40 pct`, `between 2 and 3 billion`, `two or three
//! representatives`) are one figure with `low`/`high`; `rose from 5 pct to 7 pct` (a change
//! word before) gives two figures. The measure comes from `X of Y` (`kilometers of coast`),
//! `a <figure> X` (`a 21 billion dlr debt package`), the clause subject (`X has been / rose to
//! <figure>`), or the row label of Reuters tables (`shr`, `net`, `revs`); it is left empty
//! when unsure.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::lexicon::tsv_rows;
use super::{Bound, Family, Figure, FxBuild, Sym, WordMap, offset32};

/// Lexicon maps use the fast [`FxBuild`] hasher: look-ups are most of the engine's work.
type FxMap<K, V> = HashMap<K, V, FxBuild>;

const NUMBERS_TSV: &str = include_str!("../../assets/lexicon/figures/numbers.tsv");
const SCALES_TSV: &str = include_str!("../../assets/lexicon/figures/scales.tsv");
const UNITS_TSV: &str = include_str!("../../assets/lexicon/figures/units.tsv");
const PREFIX_TSV: &str = include_str!("../../assets/lexicon/figures/currency_prefix.tsv");
const QUALIFIERS_TSV: &str = include_str!("../../assets/lexicon/figures/qualifiers.tsv");
const DATES_TSV: &str = include_str!("../../assets/lexicon/figures/dates.tsv");
const IDENTIFIERS_TSV: &str = include_str!("../../assets/lexicon/figures/identifiers.tsv");
const WORDS_TSV: &str = include_str!("../../assets/lexicon/figures/words.tsv");
const NAMES_TSV: &str = include_str!("../../assets/lexicon/figures/names.tsv");

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum K {
    /// A run of letters.
    W,
    /// A numeric literal (digits with separators / one decimal part).
    N,
    /// Any other single character.
    S,
}

const F_SEP: u8 = 1;
const F_DEC: u8 = 2;
const F_BAD: u8 = 4;
const F_LONG: u8 = 8;

#[derive(Debug, Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
    k: K,
    /// Whitespace (or the start of the text) before the token.
    sp: bool,
    /// A line break (or the start of the text) before the token.
    nl: bool,
    /// Numeric value (numbers only).
    v: f64,
    f: u8,
    /// Digits in the integer part (numbers only).
    idig: u16,
}

fn tokenize(l: &str) -> Vec<Tok> {
    let b = l.as_bytes();
    let n = b.len();
    let mut out = Vec::with_capacity(n / 4 + 1);
    let mut i = 0;
    let mut sp = true;
    let mut nl = true;
    let mut buf = String::new();
    while i < n {
        let c = b[i];
        if c.is_ascii_whitespace() {
            if c == b'\n' {
                nl = true;
            }
            sp = true;
            i += 1;
            continue;
        }
        let start = i;
        let mut tok = Tok {
            s: start,
            e: start,
            k: K::S,
            sp,
            nl,
            v: 0.0,
            f: 0,
            idig: 0,
        };
        if c >= 0x80 {
            let ch = l[i..].chars().next().unwrap_or(' ');
            let len = ch.len_utf8().max(1);
            if ch.is_whitespace() {
                sp = true;
                i += len;
                continue;
            }
            if ch.is_alphabetic() {
                i = word_end(l, i);
                tok.k = K::W;
            } else {
                i += len;
            }
        } else if c.is_ascii_digit() {
            i = scan_number(b, i, &mut tok, &mut buf);
            tok.k = K::N;
        } else if c.is_ascii_alphabetic() {
            i = word_end(l, i);
            tok.k = K::W;
        } else {
            i += 1;
        }
        tok.e = i;
        out.push(tok);
        sp = false;
        nl = false;
    }
    out
}

fn word_end(l: &str, mut i: usize) -> usize {
    let b = l.as_bytes();
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            i += 1;
        } else if c >= 0x80 {
            match l[i..].chars().next() {
                Some(ch) if ch.is_alphabetic() => i += ch.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    i
}

fn digits_at(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    j - i
}

/// Length in bytes of a thin / no-break space at `i` (0 if none).
fn thin_space_at(b: &[u8], i: usize) -> usize {
    if i + 1 < b.len() && b[i] == 0xC2 && b[i + 1] == 0xA0 {
        return 2;
    }
    if i + 2 < b.len() && b[i] == 0xE2 && b[i + 1] == 0x80 && (b[i + 2] == 0x89 || b[i + 2] == 0xAF)
    {
        return 3;
    }
    0
}

fn scan_number(b: &[u8], start: usize, tok: &mut Tok, buf: &mut String) -> usize {
    buf.clear();
    let first = digits_at(b, start);
    let mut j = start + first;
    for &d in &b[start..j] {
        buf.push(d as char);
    }
    let mut idig = first;
    let mut flags = 0u8;
    if first <= 3 {
        // thousands groups
        let mut comma_used = false;
        let mut space_used = false;
        loop {
            if j < b.len() && b[j] == b',' && !space_used && digits_at(b, j + 1) == 3 {
                comma_used = true;
                for &d in &b[j + 1..j + 4] {
                    buf.push(d as char);
                }
                j += 4;
                idig += 3;
                flags |= F_SEP;
                continue;
            }
            let ts = thin_space_at(b, j);
            if !comma_used && ts > 0 && digits_at(b, j + ts) == 3 {
                space_used = true;
                for &d in &b[j + ts..j + ts + 3] {
                    buf.push(d as char);
                }
                j += ts + 3;
                idig += 3;
                flags |= F_SEP;
                continue;
            }
            if !comma_used
                && j < b.len()
                && b[j] == b' '
                && digits_at(b, j + 1) == 3
                && !(j + 4 < b.len() && (b[j + 4] == b'/' || b[j + 4] == b':'))
                && !(j + 5 < b.len()
                    && (b[j + 4] == b'.' || b[j + 4] == b',')
                    && b[j + 5].is_ascii_digit())
            {
                space_used = true;
                for &d in &b[j + 1..j + 4] {
                    buf.push(d as char);
                }
                j += 4;
                idig += 3;
                flags |= F_SEP;
                continue;
            }
            break;
        }
    }
    if j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
        let d = digits_at(b, j + 1);
        buf.push('.');
        for &x in &b[j + 1..j + 1 + d] {
            buf.push(x as char);
        }
        j += 1 + d;
        flags |= F_DEC;
        // dotted dates / versions / addresses: 28.07.2021, 1.2.3
        while j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
            flags |= F_BAD;
            j += 1 + digits_at(b, j + 1);
        }
    } else if flags & F_SEP == 0
        && j + 1 < b.len()
        && b[j] == b','
        && (1..=2).contains(&digits_at(b, j + 1))
        && !(j + 1 + digits_at(b, j + 1) < b.len()
            && matches!(b[j + 1 + digits_at(b, j + 1)], b',' | b'.' | b'/' | b'-'))
        && !(j >= 1 && start >= 1 && b[start - 1] == b',')
        && (j + 1 + digits_at(b, j + 1) >= b.len() || b[j + 1 + digits_at(b, j + 1)] == b' ')
        && first <= 3
    {
        // decimal comma (`1,5 %`)
        let d = digits_at(b, j + 1);
        buf.push('.');
        for &x in &b[j + 1..j + 1 + d] {
            buf.push(x as char);
        }
        j += 1 + d;
        flags |= F_DEC;
    }
    // scientific notation: 4e14, 1.5e-3 (not followed by more letters)
    if j + 1 < b.len() && b[j] == b'e' {
        let (sign, k) = match b.get(j + 1) {
            Some(b'-') | Some(b'+') => (1, j + 2),
            _ => (0, j + 1),
        };
        let d = digits_at(b, k);
        let after = k + d;
        if (1..=3).contains(&d)
            && !(after < b.len() && (b[after].is_ascii_alphabetic() || b[after] >= 0x80))
        {
            buf.push('e');
            for &x in &b[j + 1..after] {
                buf.push(x as char);
            }
            let _ = sign;
            j = after;
            flags |= F_DEC;
        }
    }
    if idig > 15 {
        flags |= F_LONG;
    }
    let v = parse_number(buf);
    if !v.is_finite() {
        flags |= F_BAD;
    }
    tok.v = v;
    tok.f = flags;
    tok.idig = idig.min(u16::MAX as usize) as u16;
    j
}

/// `buf.parse::<f64>()` (NaN if invalid), with a fast path for the usual shapes.
///
/// Digits with at most one decimal point and at most 15 significant digits: the digits form an
/// integer `m < 10^15 < 2^53` and the power of ten `10^k` (k ≤ 15) are both exact doubles, so
/// the correctly rounded quotient `m / 10^k` is exactly the correctly rounded value the
/// general parser returns (the classic exact fast path). Anything else (exponents, long
/// numbers) goes to the general parser.
fn parse_number(buf: &str) -> f64 {
    const POW10: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let mut m: u64 = 0;
    let mut digits = 0usize;
    let mut frac: Option<usize> = None;
    for &c in buf.as_bytes() {
        match c {
            b'0'..=b'9' if digits < 15 => {
                m = m * 10 + u64::from(c - b'0');
                digits += 1;
                if let Some(f) = frac.as_mut() {
                    *f += 1;
                }
            }
            b'.' if frac.is_none() => frac = Some(0),
            _ => return buf.parse::<f64>().unwrap_or(f64::NAN),
        }
    }
    match POW10.get(frac.unwrap_or(0)) {
        Some(p) if digits > 0 => m as f64 / p,
        _ => buf.parse::<f64>().unwrap_or(f64::NAN),
    }
}

// ---------------------------------------------------------------------------------------------
// Lexicons

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NC {
    Unit,
    Teen,
    Tens,
    Hundred,
    Dozen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ScaleMode {
    Free,
    Attached,
    Currency,
}

#[derive(Debug, Clone)]
struct UnitDef {
    toks: Vec<String>,
    canon: &'static str,
    family: Family,
    factor: f64,
    attached: bool,
    strict: bool,
}

#[derive(Debug, Clone)]
struct Phrase {
    toks: Vec<String>,
    text: &'static str,
    val: &'static str,
}

const C_STOP: u32 = 1;
const C_CHAIN: u32 = 2;
const C_CHANGE: u32 = 4;
const C_VALUE: u32 = 8;
const C_KEEPING: u32 = 16;
const C_KEEPED: u32 = 32;
const C_COUNTEXCL: u32 = 64;
const C_COUNTADJ: u32 = 128;
const C_ORDEXCL: u32 = 256;
const C_ORDADJ: u32 = 512;
const C_PER: u32 = 1024;
const C_PLURAL: u32 = 2048;
const C_MONTH: u32 = 4096;
const C_CLOCK: u32 = 8192;
const C_IDENT: u32 = 16384;
const C_METRE: u32 = 32768;
const C_LYNOUN: u32 = 65536;
const C_NONCOUNT: u32 = 131072;
const C_MONEY: u32 = 262144;

struct Lex {
    cards: FxMap<&'static str, (f64, NC)>,
    ords: FxMap<&'static str, f64>,
    fracs: FxMap<&'static str, f64>,
    vague: FxMap<&'static str, f64>,
    scales: FxMap<&'static str, (f64, ScaleMode)>,
    units: FxMap<String, Vec<UnitDef>>,
    prefixes: FxMap<String, Vec<Phrase>>,
    qualifiers: FxMap<String, Vec<Phrase>>,
    classes: FxMap<&'static str, u32>,
    abbrev: FxMap<&'static str, &'static str>,
    peso: Vec<(&'static str, &'static str)>,
    /// Names that contain a number (`six nations`), by first token.
    names: FxMap<String, Vec<Vec<String>>>,
    /// Every key of the maps above → its `C_*` class (low 32 bits) and which maps hold it
    /// (`B_*`), so each token is looked up once (see [`Cx::tb`]).
    tok_bits: WordMap<u64>,
    /// `key_first[b]`: some key of `tok_bits` starts with byte `b` (numbers and most symbols
    /// are ruled out without a look-up).
    key_first: [bool; 256],
}

// Membership bits of [`Lex::tok_bits`], above the 32 class bits.
const B_CARD: u64 = 1 << 32;
const B_ORD: u64 = 1 << 33;
const B_VAGUE: u64 = 1 << 34;
const B_SCALE: u64 = 1 << 35;
const B_NAME: u64 = 1 << 36;
const B_UNIT: u64 = 1 << 37;
const B_PREFIX: u64 = 1 << 38;
const B_QUAL: u64 = 1 << 39;
/// A number word: cardinal, ordinal, scale or vague magnitude.
const B_NUMWORD: u64 = B_CARD | B_ORD | B_SCALE | B_VAGUE;

fn phrase_toks(p: &str) -> Vec<String> {
    let low = p.to_ascii_lowercase();
    tokenize(&low)
        .iter()
        .map(|t| low[t.s..t.e].to_string())
        .collect()
}

fn family_of(s: &str) -> Family {
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
        "count" => Family::Count,
        "ordinal" => Family::Ordinal,
        _ => Family::Number,
    }
}

fn build_lex() -> Lex {
    let mut lx = Lex {
        cards: FxMap::default(),
        ords: FxMap::default(),
        fracs: FxMap::default(),
        vague: FxMap::default(),
        scales: FxMap::default(),
        units: FxMap::default(),
        prefixes: FxMap::default(),
        qualifiers: FxMap::default(),
        classes: FxMap::default(),
        abbrev: FxMap::default(),
        peso: Vec::new(),
        names: FxMap::default(),
        tok_bits: WordMap::default(),
        key_first: [false; 256],
    };
    for f in tsv_rows(NAMES_TSV) {
        let toks = phrase_toks(f[0]);
        if let Some(first) = toks.first().cloned() {
            lx.names.entry(first).or_default().push(toks);
        }
    }
    for f in tsv_rows(NUMBERS_TSV) {
        if f.len() < 3 {
            continue;
        }
        let v: f64 = f[1].parse().unwrap_or(0.0);
        match f[2] {
            "unit" => {
                lx.cards.insert(f[0], (v, NC::Unit));
            }
            "teen" => {
                lx.cards.insert(f[0], (v, NC::Teen));
            }
            "tens" => {
                lx.cards.insert(f[0], (v, NC::Tens));
            }
            "hundred" => {
                lx.cards.insert(f[0], (v, NC::Hundred));
            }
            "dozen" => {
                lx.cards.insert(f[0], (v, NC::Dozen));
            }
            "ord" => {
                lx.ords.insert(f[0], v);
            }
            "frac" => {
                lx.fracs.insert(f[0], v);
            }
            "vague" => {
                lx.vague.insert(f[0], v);
            }
            _ => {}
        }
    }
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
        lx.scales.insert(f[0], (v, m));
    }
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
        };
        lx.units.entry(first).or_default().push(def);
    }
    for v in lx.units.values_mut() {
        v.sort_by_key(|d| std::cmp::Reverse(d.toks.len()));
    }
    for (src, map) in [(PREFIX_TSV, 0), (QUALIFIERS_TSV, 1)] {
        for f in tsv_rows(src) {
            if f.len() < 2 {
                continue;
            }
            let toks = phrase_toks(f[0]);
            let Some(last) = toks.last().cloned() else {
                continue;
            };
            let p = Phrase {
                toks,
                text: f[0],
                val: f[1],
            };
            let m = if map == 0 {
                &mut lx.prefixes
            } else {
                &mut lx.qualifiers
            };
            m.entry(last).or_default().push(p);
        }
    }
    for m in [&mut lx.prefixes, &mut lx.qualifiers] {
        for v in m.values_mut() {
            v.sort_by_key(|d| std::cmp::Reverse(d.toks.len()));
        }
    }
    for f in tsv_rows(DATES_TSV) {
        if f.len() < 2 {
            continue;
        }
        let c = match f[1] {
            "month" => C_MONTH,
            "clock" => C_CLOCK,
            _ => 0,
        };
        *lx.classes.entry(f[0]).or_insert(0) |= c;
    }
    for f in tsv_rows(IDENTIFIERS_TSV) {
        if let Some(w) = f.first() {
            *lx.classes.entry(w).or_insert(0) |= C_IDENT;
        }
    }
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
            "abbrev" => {
                if let Some(v) = f.get(2) {
                    lx.abbrev.insert(f[1], v);
                }
                0
            }
            "peso" => {
                if let Some(v) = f.get(2) {
                    lx.peso.push((f[1], v));
                }
                0
            }
            _ => 0,
        };
        if c != 0 {
            *lx.classes.entry(f[1]).or_insert(0) |= c;
        }
    }
    let mut bits: WordMap<u64> = WordMap::default();
    let mut key_first = [false; 256];
    let mut mark = |w: &str, b: u64| {
        if let Some(&c) = w.as_bytes().first() {
            key_first[usize::from(c)] = true;
        }
        *bits.entry(w) |= b;
    };
    for (w, &c) in &lx.classes {
        mark(w, u64::from(c));
    }
    for w in lx.cards.keys() {
        mark(w, B_CARD);
    }
    for w in lx.ords.keys() {
        mark(w, B_ORD);
    }
    for w in lx.vague.keys() {
        mark(w, B_VAGUE);
    }
    for w in lx.scales.keys() {
        mark(w, B_SCALE);
    }
    for w in lx.names.keys() {
        mark(w, B_NAME);
    }
    for w in lx.units.keys() {
        mark(w, B_UNIT);
    }
    for w in lx.prefixes.keys() {
        mark(w, B_PREFIX);
    }
    for w in lx.qualifiers.keys() {
        mark(w, B_QUAL);
    }
    lx.tok_bits = bits;
    lx.key_first = key_first;
    lx
}

static LEX: LazyLock<Lex> = LazyLock::new(build_lex);

impl Lex {
    fn class(&self, w: &str) -> u32 {
        self.classes.get(w).copied().unwrap_or(0)
    }
    fn is(&self, w: &str, c: u32) -> bool {
        self.class(w) & c != 0
    }
    /// Class and membership bits of a word (0 when in no lexicon).
    fn bits(&self, w: &str) -> u64 {
        match w.as_bytes().first() {
            Some(&c) if !self.key_first[usize::from(c)] => 0,
            _ => self.tok_bits.get(w).copied().unwrap_or(0),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing context

struct Cx<'a> {
    l: &'a str,
    t: &'a [Tok],
    lx: &'a Lex,
    skip: Vec<bool>,
    /// [`Lex::bits`] of every token's text (one hash look-up per token, done up front), and of
    /// the empty text (what [`Cx::tx`] gives past the end).
    bits: Vec<u64>,
    empty_bits: u64,
    /// Token of the last glued `m` read as million (`$1.2m ... 294.3m`).
    last_m_million: std::cell::Cell<Option<usize>>,
    /// The peso the text talks about, computed on first use.
    peso: std::cell::Cell<Option<&'static str>>,
}

#[derive(Debug, Clone, Default)]
struct Core {
    /// First token of the number.
    start: usize,
    v: f64,
    lo: Option<f64>,
    hi: Option<f64>,
    /// Token after the core.
    end: usize,
    word: bool,
    ord: bool,
    vague: bool,
    /// `tens of millions` style (complete without a following `of`).
    vague_full: bool,
    scaled: bool,
    sepdec: bool,
    /// Single plain integer token without separators.
    plain_int: bool,
    /// The bare word `one`/`a`.
    one: bool,
    frac: bool,
}

#[derive(Debug, Clone)]
struct UnitHit {
    /// `30-year-old`, `30 years old`.
    age: bool,
    canon: Sym,
    family: Family,
    factor: f64,
    per: Option<Sym>,
}

#[derive(Debug, Clone)]
struct Quantity {
    core: Core,
    unit: Option<UnitHit>,
    /// Counted noun (plural) and the token after it.
    count: Option<(String, usize)>,
    end: usize,
    /// Unit reached through a hyphen (`five-year`).
    glued: bool,
    /// Attached letters that are neither unit nor scale (`5g`): an identifier.
    ident: bool,
}

#[derive(Debug, Clone)]
struct Cand {
    t0: usize,
    t1: usize,
    value: f64,
    low: Option<f64>,
    high: Option<f64>,
    unit: Sym,
    family: Family,
    factor: f64,
    qualifier: Sym,
    bound: Bound,
    approximate: bool,
    measure: Sym,
    per: Option<Sym>,
    age: bool,
    /// The number carried a scale word (`mln`).
    scaled: bool,
}

enum Step {
    Fig(Box<Cand>),
    Skip(usize),
    No,
}

impl<'a> Cx<'a> {
    fn n(&self) -> usize {
        self.t.len()
    }
    fn tx(&self, i: usize) -> &'a str {
        match self.t.get(i) {
            Some(t) => &self.l[t.s..t.e],
            None => "",
        }
    }
    fn kind(&self, i: usize) -> Option<K> {
        self.t.get(i).map(|t| t.k)
    }
    fn is_w(&self, i: usize) -> bool {
        self.kind(i) == Some(K::W)
    }
    fn is_n(&self, i: usize) -> bool {
        self.kind(i) == Some(K::N)
    }
    fn sym(&self, i: usize, s: &str) -> bool {
        self.kind(i) == Some(K::S) && self.tx(i) == s
    }
    fn word(&self, i: usize, w: &str) -> bool {
        self.is_w(i) && self.tx(i) == w
    }
    /// Token `i` is glued to the previous one (no whitespace).
    fn att(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.sp)
    }
    fn is_dash(&self, i: usize) -> bool {
        self.kind(i) == Some(K::S) && matches!(self.tx(i), "-" | "–" | "—" | "‑")
    }
    /// End of the run of glued tokens starting at `i`.
    fn chain_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        while j < self.n() && self.att(j) {
            j += 1;
        }
        j
    }
    /// [`Lex::bits`] of `self.tx(i)`, precomputed.
    fn tb(&self, i: usize) -> u64 {
        self.bits.get(i).copied().unwrap_or(self.empty_bits)
    }
    /// `self.lx.class(self.tx(i))`, without the hash look-up.
    fn cls(&self, i: usize) -> u32 {
        // The class bits are the low 32 bits.
        (self.tb(i) & u64::from(u32::MAX)) as u32
    }
    /// `self.lx.is(self.tx(i), c)`, without the hash look-up.
    fn is_c(&self, i: usize, c: u32) -> bool {
        self.cls(i) & c != 0
    }
    /// `self.lx.cards.contains_key(self.tx(i))`, without the hash look-up.
    fn is_card(&self, i: usize) -> bool {
        self.tb(i) & B_CARD != 0
    }
    fn class(&self, i: usize) -> u32 {
        if self.is_w(i) { self.cls(i) } else { 0 }
    }
    fn is_month_at(&self, i: usize) -> bool {
        self.class(i) & C_MONTH != 0
    }

    // --- lookups

    fn match_unit(&self, p: usize, core: &Core, has_prefix: bool) -> Option<(&'a UnitDef, usize)> {
        let first = self.tx(p);
        if self.kind(p) == Some(K::N)
            || self.t.get(p).is_none_or(|t| t.nl)
            || self.tb(p) & B_UNIT == 0
        {
            return None;
        }
        let defs = self.lx.units.get(first)?;
        'outer: for d in defs {
            let end = p + d.toks.len();
            if end > self.n() {
                continue;
            }
            for (k, w) in d.toks.iter().enumerate() {
                if self.tx(p + k) != w.as_str() {
                    continue 'outer;
                }
                if k > 0 && self.t[p + k].nl {
                    continue 'outer;
                }
            }
            // a letter unit must not continue into more letters (`km` in `kmart`)
            if end < self.n() && self.att(end) && self.is_w(end) {
                continue;
            }
            // `5 m high`: a spaced single-letter unit only before a dimension word
            if d.attached
                && !self.att(p)
                && !(matches!(d.canon, "m" | "t" | "l")
                    && matches!(
                        self.tx(end),
                        "high"
                            | "long"
                            | "tall"
                            | "wide"
                            | "deep"
                            | "away"
                            | "thick"
                            | "below"
                            | "above"
                    ))
            {
                continue;
            }
            if d.strict && !(core.scaled || core.sepdec || has_prefix) {
                continue;
            }
            return Some((d, end));
        }
        None
    }

    /// A (non-strict) unit phrase starts at `p`.
    fn unit_at(&self, p: usize) -> bool {
        let c = Core {
            scaled: true,
            ..Core::default()
        };
        self.match_unit(p, &c, false)
            .is_some_and(|(d, _)| !d.attached)
    }

    fn is_plural_noun(&self, w: &str) -> bool {
        let c = self.lx.class(w);
        if c & C_PLURAL != 0 {
            return true;
        }
        if c & (C_STOP | C_COUNTEXCL | C_MONTH) != 0 {
            return false;
        }
        if w.len() > 4 && w.ends_with("men") && !w.ends_with("omen") {
            return true;
        }
        w.len() >= 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("'s")
            && w.chars().all(|c| c.is_alphabetic())
    }

    // --- cores

    fn parse_core(&self, i: usize) -> Result<Core, usize> {
        let mut c = if self.is_n(i) {
            self.digit_core(i)?
        } else if self.is_w(i) {
            self.word_core(i).ok_or(i + 1)?
        } else {
            return Err(i + 1);
        };
        c.start = i;
        Ok(c)
    }

    fn digit_core(&self, i: usize) -> Result<Core, usize> {
        let t = self.t[i];
        if t.f & (F_BAD | F_LONG) != 0 {
            return Err(self.chain_end(i));
        }
        let mut c = Core {
            v: t.v,
            end: i + 1,
            sepdec: t.f & (F_SEP | F_DEC) != 0,
            plain_int: t.f & (F_SEP | F_DEC) == 0,
            ..Core::default()
        };
        let year_like = c.plain_int && t.idig == 4 && (1800.0..=2100.0).contains(&t.v);
        // clock times 10:30
        if self.sym(i + 1, ":") && self.att(i + 1) && self.is_n(i + 2) && self.att(i + 2) {
            return Err(self.chain_end(i));
        }
        // spaced fractions (`1 / 4 point`, tokenised text)
        if c.plain_int
            && self.sym(i + 1, "/")
            && !self.att(i + 1)
            && self.is_n(i + 2)
            && !self.att(i + 2)
            && self.t[i + 2].f == 0
            && t.v < self.t[i + 2].v
            && is_denom(self.t[i + 2].v)
            && !self.sym(i + 3, "/")
        {
            c.v = t.v / self.t[i + 2].v;
            c.frac = true;
            c.plain_int = false;
            c.end = i + 3;
            return Ok(c);
        }
        // slashes: fractions, dates, fiscal years
        if self.sym(i + 1, "/") && self.att(i + 1) && self.is_n(i + 2) && self.att(i + 2) {
            if (self.sym(i + 3, "/") && self.att(i + 3)) || year_like || !c.plain_int {
                return Err(self.chain_end(i));
            }
            let d = self.t[i + 2].v;
            if self.t[i + 2].f == 0 && t.v < d && is_denom(d) {
                c.v = t.v / d;
                c.frac = true;
                c.plain_int = false;
                c.end = i + 3;
                return Ok(c);
            }
            return Err(self.chain_end(i));
        }
        // 1-1/8
        if self.is_dash(i + 1)
            && self.att(i + 1)
            && self.is_n(i + 2)
            && self.att(i + 2)
            && self.sym(i + 3, "/")
            && self.att(i + 3)
            && self.is_n(i + 4)
            && self.att(i + 4)
        {
            let (a, d) = (self.t[i + 2].v, self.t[i + 4].v);
            if c.plain_int && a < d && is_denom(d) {
                c.v += a / d;
                c.plain_int = false;
                c.sepdec = true;
                c.end = i + 5;
                return Ok(c);
            }
            return Err(self.chain_end(i));
        }
        // year ranges 1986-87, 2019-2020
        if year_like
            && self.is_dash(i + 1)
            && self.att(i + 1)
            && self.is_n(i + 2)
            && self.att(i + 2)
            && matches!(self.t[i + 2].idig, 2 | 4)
        {
            return Err(self.chain_end(i));
        }
        // ordinal suffix 21st
        if self.is_w(i + 1)
            && self.att(i + 1)
            && matches!(self.tx(i + 1), "st" | "nd" | "rd" | "th")
        {
            if !c.plain_int {
                return Err(i + 2);
            }
            c.ord = true;
            c.end = i + 2;
            return Ok(c);
        }
        // 3 1/2
        if c.plain_int
            && self.is_n(i + 1)
            && !self.att(i + 1)
            && self.sym(i + 2, "/")
            && self.att(i + 2)
            && self.is_n(i + 3)
            && self.att(i + 3)
            && !(self.sym(i + 4, "/") && self.att(i + 4))
        {
            let (a, d) = (self.t[i + 1].v, self.t[i + 3].v);
            if a < d && is_denom(d) && self.t[i + 1].f == 0 {
                c.v += a / d;
                c.plain_int = false;
                c.sepdec = true;
                c.end = i + 4;
            }
        }
        self.and_a_half(&mut c);
        Ok(c)
    }

    fn and_a_half(&self, c: &mut Core) {
        let e = c.end;
        if self.word(e, "and") && self.word(e + 1, "a") && self.word(e + 2, "half") {
            c.v += 0.5;
            c.end = e + 3;
            c.plain_int = false;
            c.one = false;
        }
    }

    fn word_core(&self, i: usize) -> Option<Core> {
        let lx = self.lx;
        let w = self.tx(i);
        let mut c = Core {
            word: true,
            end: i + 1,
            ..Core::default()
        };
        // a hundred / a dozen / a million; a third of; a few hundred
        if w == "a" || w == "an" {
            let nx = self.tx(i + 1);
            if let Some(&(_, NC::Hundred)) = lx.cards.get(nx) {
                // `a hundred and two`
                let mut c2 = self.word_core(i + 1)?;
                c2.one = false;
                return Some(c2);
            }
            if let Some(&(v, nc)) = lx.cards.get(nx)
                && nc == NC::Dozen
            {
                c.v = v;
                c.end = i + 2;
                c.one = false;
                self.and_a_half(&mut c);
                return Some(c);
            }
            if let Some(&(_, ScaleMode::Free)) = lx.scales.get(nx)
                && matches!(nx, "thousand" | "million" | "billion" | "trillion")
            {
                c.v = 1.0;
                c.end = i + 1;
                c.one = false;
                return Some(c);
            }
            if let Some(d) = lx
                .fracs
                .get(nx)
                .copied()
                .or_else(|| lx.ords.get(nx).copied().filter(|d| *d >= 3.0))
                && (self.word(i + 2, "of") || self.qualifier_before(i, 0).is_some())
                && !nx.ends_with('s')
            {
                c.v = 1.0 / d;
                c.frac = true;
                c.end = i + 2;
                return Some(c);
            }
            if nx == "few"
                && let Some(s) = self.vague_scale(i + 2)
            {
                c.v = 2.0 * s;
                c.lo = Some(2.0 * s);
                c.hi = Some(5.0 * s);
                c.vague = true;
                c.vague_full = true;
                c.end = i + 3;
                return Some(c);
            }
            return None;
        }
        if w == "several"
            && let Some(s) = self.vague_scale(i + 1)
        {
            c.v = 3.0 * s;
            c.lo = Some(3.0 * s);
            c.hi = Some(9.0 * s);
            c.vague = true;
            c.vague_full = true;
            c.end = i + 2;
            return Some(c);
        }
        if w == "half" {
            if (self.word(i + 1, "a") || self.word(i + 1, "an"))
                && let Some(&(s, ScaleMode::Free)) = lx.scales.get(self.tx(i + 2))
                && matches!(
                    self.tx(i + 2),
                    "thousand" | "million" | "billion" | "trillion"
                )
            {
                c.v = 0.5 * s;
                c.end = i + 3;
                c.scaled = true;
                return Some(c);
            }
            if self.word(i + 1, "a") && self.word(i + 2, "dozen") {
                c.v = 6.0;
                c.end = i + 3;
                return Some(c);
            }
            // `half an hour`, `half a century`
            if (self.word(i + 1, "a") || self.word(i + 1, "an"))
                && matches!(
                    self.tx(i + 2),
                    "hour"
                        | "day"
                        | "week"
                        | "month"
                        | "year"
                        | "decade"
                        | "century"
                        | "minute"
                        | "mile"
                        | "kilometre"
                        | "kilometer"
                        | "percentage"
                )
            {
                c.v = 0.5;
                c.end = i + 2;
                c.frac = true;
                return Some(c);
            }
            return None;
        }
        if let Some(&base) = lx.vague.get(w) {
            if !self.word(i + 1, "of") {
                return None;
            }
            c.vague = true;
            if matches!(w, "tens" | "hundreds" | "dozens")
                && let Some(&b2) = lx.vague.get(self.tx(i + 2))
                && b2 >= 1000.0
            {
                let lo = base * b2;
                c.v = lo;
                c.lo = Some(lo);
                c.hi = Some(lo * 10.0);
                c.end = i + 3;
                c.vague_full = true;
                return Some(c);
            }
            let (lo, hi) = match w {
                "tens" => (20.0, 100.0),
                "dozens" => (24.0, 144.0),
                "scores" => (40.0, 200.0),
                _ => (2.0 * base, 10.0 * base),
            };
            c.v = lo;
            c.lo = Some(lo);
            c.hi = Some(hi);
            c.end = i + 1;
            return Some(c);
        }
        // ordinal words (twenty-first)
        if let Some(&(tv, NC::Tens)) = lx.cards.get(w)
            && self.is_dash(i + 1)
            && self.att(i + 1)
            && self.att(i + 2)
            && let Some(&ov) = lx.ords.get(self.tx(i + 2))
            && ov < 10.0
        {
            c.v = tv + ov;
            c.ord = true;
            c.end = i + 3;
            return Some(c);
        }
        if let Some(&ov) = lx.ords.get(w)
            && !lx.cards.contains_key(w)
        {
            c.v = ov;
            c.ord = true;
            return Some(c);
        }
        // cardinal words
        let mut cur = 0.0f64;
        let mut last: Option<NC> = None;
        let mut j = i;
        while j < self.n() {
            let wj = self.tx(j);
            if !self.is_w(j) {
                if self.is_dash(j)
                    && self.att(j)
                    && self.att(j + 1)
                    && last == Some(NC::Tens)
                    && matches!(lx.cards.get(self.tx(j + 1)), Some((_, NC::Unit)))
                {
                    j += 1;
                    continue;
                }
                break;
            }
            if let Some(&(v, nc)) = lx.cards.get(wj) {
                match nc {
                    NC::Unit | NC::Teen => {
                        if matches!(last, Some(NC::Unit | NC::Teen))
                            || (last == Some(NC::Tens) && nc == NC::Teen)
                        {
                            break;
                        }
                        cur += v;
                    }
                    NC::Tens => {
                        if matches!(last, Some(NC::Unit | NC::Teen | NC::Tens)) {
                            break;
                        }
                        cur += v;
                    }
                    NC::Hundred => {
                        if last == Some(NC::Hundred) || last == Some(NC::Dozen) {
                            break;
                        }
                        cur = cur.max(1.0) * 100.0;
                    }
                    NC::Dozen => {
                        if last.is_none() {
                            break;
                        }
                        cur = cur.max(1.0) * 12.0;
                    }
                }
                last = Some(nc);
                j += 1;
                continue;
            }
            if wj == "and"
                && last == Some(NC::Hundred)
                && matches!(
                    lx.cards.get(self.tx(j + 1)),
                    Some((_, NC::Unit | NC::Teen | NC::Tens))
                )
            {
                j += 1;
                continue;
            }
            break;
        }
        last?;
        c.v = cur;
        c.end = j;
        c.one = j == i + 1 && w == "one";
        // `one point three`
        if self.word(j, "point") && cur < 1000.0 {
            let mut k = j + 1;
            let mut scale = 0.1;
            let mut frac = 0.0;
            while k < j + 4 {
                match lx.cards.get(self.tx(k)) {
                    Some(&(d, NC::Unit)) if self.is_w(k) => {
                        frac += d * scale;
                        scale /= 10.0;
                        k += 1;
                    }
                    _ => break,
                }
            }
            if k > j + 1 {
                c.v += frac;
                c.end = k;
                c.one = false;
                c.sepdec = true;
            }
        }
        self.and_a_half(&mut c);
        // fractions: two-thirds, one-fifth, one third
        if c.v.fract() == 0.0 && c.v <= 20.0 {
            let e = c.end;
            let hy = self.is_dash(e) && self.att(e) && self.att(e + 1);
            let k = if hy { e + 1 } else { e };
            let fw = self.tx(k);
            if self.is_w(k) {
                let den = if let Some(&d) = lx.fracs.get(fw) {
                    let ambiguous = matches!(fw, "quarter" | "quarters" | "half");
                    if ambiguous && !hy && fw != "half" {
                        None
                    } else if fw.ends_with('s') == (c.v > 1.0) || fw == "half" {
                        Some(d)
                    } else {
                        None
                    }
                } else if c.v == 1.0
                    && (hy || self.word(k + 1, "of") || !self.is_w(k + 1) || self.t[k + 1].nl)
                {
                    lx.ords.get(fw).copied().filter(|d| *d >= 3.0)
                } else {
                    None
                };
                if let Some(d) = den {
                    c.v /= d;
                    c.frac = true;
                    c.one = false;
                    c.end = k + 1;
                }
            }
        }
        Some(c)
    }

    fn vague_scale(&self, i: usize) -> Option<f64> {
        match self.tx(i) {
            "hundred" => Some(100.0),
            "thousand" => Some(1e3),
            "million" => Some(1e6),
            "billion" => Some(1e9),
            _ => None,
        }
    }

    /// Applies scale words after the core. `prefix`: a currency sign precedes.
    fn scales(&self, c: &mut Core, prefix: bool) {
        if c.ord || c.frac && !c.word || c.vague {
            return;
        }
        loop {
            let mut p = c.end;
            if self.is_dash(p) && self.att(p) && self.att(p + 1) && self.is_w(p + 1) {
                p += 1;
            }
            if !self.is_w(p) {
                break;
            }
            let w = self.tx(p);
            let glued = !self.t[p].sp;
            let ok = match self.lx.scales.get(w) {
                Some(&(s, ScaleMode::Free)) => Some(s),
                Some(&(s, ScaleMode::Attached)) if glued && !c.word => Some(s),
                Some(&(s, ScaleMode::Currency)) if glued && prefix && !c.word => Some(s),
                _ => None,
            };
            if let Some(s) = ok {
                if w == "mill" && !glued {
                    break;
                }
                c.v *= s;
                c.scaled = true;
                c.one = false;
                c.plain_int = false;
                c.end = p + 1;
                // `one thousand two hundred`: a smaller word number after the scale adds up
                if c.word
                    && s >= 1000.0
                    && self.is_w(p + 1)
                    && self.is_card(p + 1)
                    && let Some(rest) = self.word_core(p + 1)
                    && !rest.ord
                    && !rest.frac
                    && rest.v < s
                    && rest.v >= 1.0
                {
                    let mut r = rest;
                    // one nested scale (`one million two hundred thousand`), no recursion
                    if let Some(&(s2, ScaleMode::Free)) = self.lx.scales.get(self.tx(r.end))
                        && s2 < s
                        && self.is_w(r.end)
                    {
                        r.v *= s2;
                        r.end += 1;
                    }
                    if r.v < s {
                        c.v += r.v;
                        c.end = r.end;
                        break;
                    }
                }
                continue;
            }
            // `m` glued: million after a currency sign, or before a plural noun / currency word
            let spaced_m = w == "m"
                && !glued
                && !c.word
                && (prefix
                    || self
                        .lx
                        .units
                        .get(self.tx(p + 1))
                        .is_some_and(|defs| defs.iter().any(|d| d.family == Family::Currency)));
            if spaced_m || w == "m" && glued && !c.word && self.m_is_million(p, prefix) {
                c.v *= 1e6;
                c.scaled = true;
                c.plain_int = false;
                c.end = p + 1;
                continue;
            }
            break;
        }
    }

    fn m_is_million(&self, p: usize, prefix: bool) -> bool {
        let yes = self.m_is_million_here(p, prefix)
            || self.last_m_million.get().is_some_and(|q| {
                q <= p && p - q < 40 && sentence_start(self, p) <= q && !self.unit_at(p + 1)
            });
        if yes {
            self.last_m_million.set(Some(p));
        }
        yes
    }

    fn m_is_million_here(&self, p: usize, prefix: bool) -> bool {
        if prefix {
            return true;
        }
        if self.att(p + 1) {
            return false;
        }
        let nx = self.tx(p + 1);
        if !self.is_w(p + 1) {
            return false;
        }
        if let Some(defs) = self.lx.units.get(nx)
            && defs.iter().any(|d| d.family == Family::Currency)
        {
            return true;
        }
        self.is_plural_noun(nx) && !self.lx.is(nx, C_STOP | C_METRE)
    }

    /// Unit / counted noun after the (scaled) core.
    fn quantity(&self, core: Core, prefix: bool) -> Quantity {
        let mut q = Quantity {
            end: core.end,
            core,
            unit: None,
            count: None,
            glued: false,
            ident: false,
        };
        if q.core.ord {
            return q;
        }
        let mut p = q.core.end;
        if q.core.vague && !q.core.vague_full {
            // `thousands of X`
            if !self.word(p, "of") {
                return q;
            }
            p += 1;
        } else if q.core.vague_full && self.word(p, "of") {
            p += 1;
        } else if self.is_dash(p)
            && self.is_w(p + 1)
            && ((self.att(p) && self.att(p + 1))
                || (!self.att(p) && !self.att(p + 1) && self.unit_at(p + 1)))
        {
            p += 1;
            q.glued = true;
        }
        // `10 calendar days`, `five straight years`
        if matches!(
            self.tx(p),
            "calendar" | "working" | "business" | "trading" | "consecutive" | "straight" | "full"
        ) && self
            .match_unit(p + 1, &q.core, prefix)
            .is_some_and(|(d, _)| d.family == Family::Time)
        {
            p += 1;
        }
        if let Some((d, e)) = self.match_unit(p, &q.core, prefix) {
            let mut canon = d.canon.to_string();
            let mut family = d.family;
            let mut factor = d.factor;
            let mut end = e;
            if prefix && family != Family::Currency {
                // `$5 a barrel`: the currency sign wins; the unit word is not ours
                return q;
            }
            if (d.toks.len() == 1 && matches!(d.toks[0].as_str(), "pound" | "pounds"))
                && self.pound_is_mass(p)
            {
                canon = "lb".into();
                family = Family::Mass;
                factor = 1.0;
            }
            if d.canon == "t" && d.toks[0] == "t" && self.is_w(e) && self.att(e) {
                return q;
            }
            // `5c coins`: cents, not Celsius
            if d.toks[0] == "c" && self.is_w(e) && self.is_plural_noun(self.tx(e)) {
                q.ident = true;
                return q;
            }
            let per = if family == Family::Currency {
                let a = e;
                if (self.word(a, "per") || self.word(a, "a") || self.word(a, "an"))
                    && self.is_c(a + 1, C_PER)
                    && !matches!(
                        self.tx(a + 2),
                        "earlier" | "ago" | "before" | "later" | "after" | "previously" | "on"
                    )
                {
                    end = a + 2;
                    Some(self.tx(a + 1).to_string())
                } else {
                    None
                }
            } else {
                None
            };
            let mut age = false;
            if matches!(canon.as_str(), "years" | "months" | "weeks" | "days") {
                let hy = self.is_dash(end)
                    && (self.att(end) == self.att(end + 1))
                    && (self.word(end + 1, "old") || self.word(end + 1, "olds"));
                if hy || (self.word(end, "old") && !self.att(end)) {
                    age = true;
                    end += if hy { 2 } else { 1 };
                    if self.is_w(end) && self.att(end) && self.tx(end) == "s" {
                        end += 1;
                    }
                }
            }
            q.unit = Some(UnitHit {
                age,
                canon: Sym::new(&canon),
                family,
                factor,
                per: per.as_deref().map(Sym::new),
            });
            q.end = end;
            return q;
        }
        if q.glued {
            // `five-member`: adjectival, neither a unit nor a count
            q.glued = false;
            return q;
        }
        // letters glued to the digits that are not a unit: identifier (5g, 3d, 90s)
        if !q.core.word && self.is_w(p) && self.att(p) && !q.core.vague {
            q.ident = true;
            return q;
        }
        if let Some((noun, e)) = self.count_noun(p, &q.core) {
            q.count = Some((noun, e));
            q.end = e;
            return q;
        }
        if q.core.vague && !q.core.vague_full {
            // `thousands of` with nothing countable after
            q.ident = true;
        }
        q
    }

    /// `pounds` is a weight unless money is being talked about (`pounds sterling`, `paid 5
    /// million pounds`): Reuters writes money as `stg`, the BBC as `£`.
    fn pound_is_mass(&self, p: usize) -> bool {
        if self.word(p + 1, "of") {
            return true;
        }
        if self.word(p + 1, "sterling") {
            return false;
        }
        // `700 pounds (320kg)`
        let after = (p + 1..(p + 6).min(self.n())).any(|k| {
            matches!(
                self.tx(k),
                "kg" | "kilos" | "kilograms" | "kilogrammes" | "tonnes" | "grams"
            )
        });
        if after {
            return true;
        }
        let lo = p.saturating_sub(10).max(sentence_start(self, p));
        let mut hi = p + 1;
        while hi < (p + 4).min(self.n()) && !self.sym(hi, ".") && !self.sym(hi, ";") {
            hi += 1;
        }
        let money =
            (lo..p).any(|k| self.is_c(k, C_MONEY)) || (p + 1..hi).any(|k| self.is_c(k, C_MONEY));
        !money
    }

    fn count_noun(&self, p: usize, core: &Core) -> Option<(String, usize)> {
        if core.v == 1.0 && !core.vague || core.frac {
            return None;
        }
        let mut j = p;
        let mut words = 0;
        let mut unknown = 0;
        let mut after_dash = false;
        while j < self.n() && words < 4 {
            if self.t[j].nl {
                return None;
            }
            if self.is_dash(j) && self.att(j) && self.att(j + 1) && self.is_w(j + 1) && j > p {
                j += 1;
                after_dash = true;
                continue;
            }
            if matches!(self.tx(j), "\"" | "“" | "”" | "'" | "‘" | "’") && self.is_w(j + 1) && j > p
            {
                j += 1;
                continue;
            }
            if !self.is_w(j) {
                return None;
            }
            let w = self.tx(j);
            let c = self.cls(j);
            if c & C_STOP != 0 && c & C_COUNTADJ == 0 {
                return None;
            }
            if self.tb(j) & B_NUMWORD != 0 || c & (C_MONTH | C_CLOCK) != 0 {
                // `three first-half possessions`: an ordinal inside a hyphenated adjective
                if self.tb(j) & B_ORD != 0
                    && self.is_dash(j + 1)
                    && self.att(j + 1)
                    && self.att(j + 2)
                {
                    j += 1;
                    continue;
                }
                return None;
            }
            if words > 0 && self.unit_at(j) {
                return None;
            }
            if w.ends_with("ly") && w.len() > 4 && c & C_LYNOUN == 0 || c & C_COUNTEXCL != 0 {
                return None;
            }
            if self.is_plural_noun(w) {
                // `19 latin american countries`: the head; plural attached to a hyphen is fine
                if c & (C_COUNTEXCL | C_NONCOUNT) != 0 {
                    return None;
                }
                // `300,000 hillards ordinary shares`: a later plural in the same run is the head
                for k in [j + 1, j + 2] {
                    if k >= self.n() || self.t[k].nl || !self.is_w(k) {
                        break;
                    }
                    let wk = self.tx(k);
                    let ck = self.cls(k);
                    if ck & (C_STOP | C_COUNTEXCL | C_NONCOUNT | C_MONTH) != 0
                        || self.tb(k) & B_NUMWORD != 0
                        || self.unit_at(k)
                    {
                        break;
                    }
                    let mid = self.tx(j + 1);
                    let adj = [
                        "al", "ary", "ive", "ic", "ous", "ese", "ian", "ish", "able", "ible",
                        "ful", "less", "ern",
                    ]
                    .iter()
                    .any(|x| mid.len() > x.len() + 2 && mid.ends_with(x));
                    if k == j + 2 && adj && self.is_plural_noun(wk) {
                        return Some((wk.to_string(), k + 1));
                    }
                }
                return Some((w.to_string(), j + 1));
            }
            // a hyphenated compound (`set-top`) is one modifier
            if !adjective_shaped(w) && c & C_COUNTADJ == 0 && !std::mem::take(&mut after_dash) {
                unknown += 1;
                if unknown > 2 {
                    return None;
                }
            }
            words += 1;
            j += 1;
        }
        None
    }

    fn ord_noun_ok(&self, j: usize) -> bool {
        if !self.is_w(j) || self.t[j].nl {
            return false;
        }
        let w = self.tx(j);
        let cl = self.cls(j);
        !(cl & (C_STOP | C_ORDEXCL | C_MONTH | C_CLOCK) != 0
            || self.tb(j) & B_NUMWORD != 0
            || self.unit_at(j)
            || w.len() < 3
            || w.ends_with("est")
            || w.ends_with("ly")
            || (w.ends_with("ing") && cl & C_KEEPING == 0)
            || (w.ends_with("ed") && cl & C_KEEPED == 0)
            || self.is_dash(j + 1) && self.att(j + 1)
            || (w.ends_with('s') && !w.ends_with("ss")))
    }

    /// Head noun after an ordinal: `fifth consulate` → (`consulates`, end).
    fn ordinal_head(&self, c: &Core, start: usize) -> Option<(String, usize)> {
        if c.v < 2.0 || c.v > 1000.0 {
            return None;
        }
        // determiner before
        let b = start.checked_sub(1)?;
        let det = self.tx(b);
        let det_ok = matches!(det, "its" | "their" | "his" | "her" | "our" | "my" | "your")
            || (det == "s" && self.sym(b.wrapping_sub(1), "'"))
            || (det == "s" && self.sym(b.wrapping_sub(1), "’"));
        if !det_ok {
            return None;
        }
        let mut j = c.end;
        if self.is_dash(j) && self.att(j) {
            return None;
        }
        let mut adj = 0;
        while adj < 2 && self.is_w(j) && self.is_c(j, C_ORDADJ) {
            j += 1;
            adj += 1;
        }
        if !self.ord_noun_ok(j) {
            return None;
        }
        // compound: `his second tour title` → title
        let mut n = 0;
        while n < 2 && self.ord_noun_ok(j + 1) {
            j += 1;
            n += 1;
        }
        if self.is_c(j + 1, C_ORDEXCL) {
            return None;
        }
        Some((pluralize(self.tx(j)), j + 1))
    }

    // --- look-back

    /// Currency prefix ending right before `i`: (code, first token).
    fn prefix_before(&self, i: usize, floor: usize) -> Option<(&'static str, usize)> {
        let b = i.checked_sub(1)?;
        if b < floor {
            return None;
        }
        let last = self.tx(b);
        if self.tb(b) & B_PREFIX == 0 {
            return None;
        }
        let list = self.lx.prefixes.get(last)?;
        'outer: for p in list {
            let len = p.toks.len();
            if b + 1 < len || b + 1 - len < floor {
                continue;
            }
            let s = b + 1 - len;
            for (k, w) in p.toks.iter().enumerate() {
                if self.tx(s + k) != w.as_str() {
                    continue 'outer;
                }
                if k > 0
                    && !self.att(s + k)
                    && !(w == "$"
                        && matches!(
                            p.toks[0].as_str(),
                            "us" | "hk" | "c" | "nz" | "nt" | "can" | "mx"
                        ))
                {
                    continue 'outer;
                }
            }
            let letters = p
                .toks
                .last()
                .is_some_and(|w| w.chars().all(|c| c.is_ascii_alphabetic() || c == '.'));
            if letters
                && self.att(i)
                && !(len == 1
                    && p.toks[0].len() == 3
                    && !matches!(p.toks[0].as_str(), "cop" | "ars" | "clp"))
            {
                continue;
            }
            // the prefix must start a word (`us$`, not `plus$`)
            if s > 0 && self.att(s) && self.is_w(s) && self.is_w(s - 1) {
                continue;
            }
            // letter codes: not glued to a previous word
            if letters && s > 0 && self.att(s) && !matches!(self.kind(s - 1), Some(K::S)) {
                continue;
            }
            return Some((p.val, s));
        }
        None
    }

    fn qualifier_before(&self, i: usize, floor: usize) -> Option<(&'static str, Bound, usize)> {
        let b = i.checked_sub(1)?;
        if b < floor || !self.is_w(b) && !self.sym(b, ".") {
            return None;
        }
        if self.tb(b) & B_QUAL == 0 {
            return None;
        }
        let list = self.lx.qualifiers.get(self.tx(b))?;
        'outer: for p in list {
            let len = p.toks.len();
            if b + 1 < len || b + 1 - len < floor {
                continue;
            }
            let s = b + 1 - len;
            for (k, w) in p.toks.iter().enumerate() {
                if self.tx(s + k) != w.as_str() {
                    continue 'outer;
                }
            }
            if p.text == "some" && self.word(i, "of") {
                continue;
            }
            let bound = match p.val {
                "lower" => Bound::Lower,
                "upper" => Bound::Upper,
                _ => Bound::Approximate,
            };
            return Some((p.text, bound, s));
        }
        None
    }

    /// A change word shortly before `i` in the same sentence.
    /// `rose 5 pct to 7 pct`, `increased from 5 to 25 mln`: a change, not a range. The
    /// figure must follow the change word closely (`cuts of 15 to 20 pct` is a range).
    fn change_before(&self, i: usize, floor: usize) -> bool {
        let Some(b) = i.checked_sub(1) else {
            return false;
        };
        if b < floor {
            return false;
        }
        if self.is_c(b, C_CHANGE) {
            return true;
        }
        if b > floor && self.word(b, "by") && self.is_c(b - 1, C_CHANGE) {
            return true;
        }
        if !self.word(b, "from") {
            return false;
        }
        let lo = b.saturating_sub(8).max(floor);
        let mut k = b;
        while k > lo {
            k -= 1;
            if self.sym(k, ".") || self.sym(k, ";") || self.t[k + 1].nl {
                return false;
            }
            if self.is_c(k, C_CHANGE) {
                return true;
            }
        }
        false
    }

    // --- the main step

    fn try_at(&self, i: usize, floor: usize) -> Step {
        if self.skip[i] {
            return Step::No;
        }
        let is_num = self.is_n(i);
        if !is_num {
            if !self.is_w(i) {
                return Step::No;
            }
            let w = self.tx(i);
            if !(self.tb(i) & (B_CARD | B_ORD | B_VAGUE) != 0
                || matches!(w, "a" | "an" | "half" | "several"))
            {
                return Step::No;
            }
        }
        // ratios `two-for-one`, `two-for-seven`
        if self.is_dash(i + 1) && self.att(i + 1) && self.word(i + 2, "for") && self.att(i + 2) {
            return Step::Skip(self.chain_end(i));
        }
        if i >= 2
            && self.word(i - 1, "for")
            && self.att(i)
            && self.is_dash(i - 2)
            && self.att(i - 1)
        {
            return Step::Skip(i + 1);
        }
        // names with numbers in them (`six nations`, `formula one`)
        if let Some(end) = self.name_at(i) {
            return Step::Skip(end);
        }
        for back in 1..=2 {
            if i >= back
                && let Some(end) = self.name_at(i - back)
                && end > i
            {
                return Step::Skip(end);
            }
        }
        // identifiers glued before the number: g20, covid-19, mid-1990s
        if is_num && i > 0 && self.att(i) {
            let b = i - 1;
            if self.is_w(b) && self.prefix_before(i, floor).is_none() {
                return Step::Skip(self.chain_end(i));
            }
            if self.is_dash(b) && b > 0 && self.att(b) && self.is_w(b - 1) {
                return Step::Skip(self.chain_end(i));
            }
            if matches!(
                self.tx(b),
                "#" | "+" | "/" | "." | "@" | "_" | "&" | "'" | "’" | "‘"
            ) {
                return Step::Skip(self.chain_end(i));
            }
            if self.is_n(b) {
                return Step::Skip(self.chain_end(i));
            }
        }
        // `Half-Life 2`, `Spider-Man 3`: a small number after a hyphenated name
        if is_num
            && i >= 3
            && !self.att(i)
            && self.is_w(i - 1)
            && self.is_dash(i - 2)
            && self.att(i - 1)
            && self.att(i - 2)
            && self.is_w(i - 3)
            && self.t[i].f == 0
            && self.t[i].v < 20.0
            && !self.is_c(i - 1, C_STOP)
        {
            return Step::Skip(i + 1);
        }
        if is_num && i > 0 && self.is_w(i - 1) && self.is_c(i - 1, C_IDENT) && !self.att(i) {
            return Step::Skip(self.chain_end(i));
        }
        let (prefix, pstart) = match self.prefix_before(i, floor) {
            Some((code, s)) if is_num => (Some(code), s),
            _ => (None, i),
        };
        let mut core = match self.parse_core(i) {
            Ok(c) => c,
            Err(j) => return Step::Skip(j),
        };
        // dates and times
        if !core.vague && (core.plain_int || core.ord) && !core.word && prefix.is_none() {
            if core.v <= 31.0 && self.date_adjacent(i, core.end) {
                return Step::Skip(core.end);
            }
            if self.clock_after(core.end) {
                return Step::Skip(core.end + 1);
            }
        }
        if !core.word && self.t[i].nl && !core.ord {
            // list numbering `1.` / `2)` at the start of a line
            let e = core.end;
            if (self.sym(e, ".") || self.sym(e, ")"))
                && self.att(e)
                && !self.att(e + 1)
                && core.plain_int
            {
                return Step::Skip(e + 1);
            }
        }
        if is_num
            && i > 0
            && (self.sym(i - 1, "(") || self.sym(i - 1, "["))
            && self.att(i)
            && core.plain_int
        {
            let e = core.end;
            if (self.sym(e, ")") || self.sym(e, "]")) && self.att(e) {
                return Step::Skip(e + 1);
            }
        }
        if core.ord {
            return match self.ordinal_head(&core, i) {
                Some((noun, end)) => Step::Fig(Box::new(Cand {
                    t0: i,
                    t1: end,
                    value: core.v,
                    low: None,
                    high: None,
                    unit: Sym::new(&noun),
                    family: Family::Ordinal,
                    factor: 1.0,
                    qualifier: Sym::EMPTY,
                    bound: Bound::Exact,
                    approximate: false,
                    measure: Sym::EMPTY,
                    per: None,
                    age: false,
                    scaled: false,
                })),
                None => Step::Skip(core.end),
            };
        }
        self.scales(&mut core, prefix.is_some());
        let year_like = core.plain_int
            && !core.word
            && self.t[i].idig == 4
            && (1800.0..=2100.0).contains(&core.v);
        let q = self.quantity(core, prefix.is_some());
        if q.ident {
            return Step::Skip(q.end.max(i + 1));
        }
        // negative
        let mut t0 = pstart;
        let mut negative = false;
        if t0 > floor && t0 > 0 {
            let b = t0 - 1;
            let dash_minus = (self.sym(b, "-") || self.sym(b, "−"))
                && self.att(t0)
                && (self.t[b].sp || b == 0 || matches!(self.tx(b - 1), "(" | "["))
                && is_num;
            if dash_minus || self.word(b, "minus") || self.word(b, "negative") {
                negative = true;
                t0 = b;
            }
        }
        // between A and B
        let between = t0 > floor && t0 > 0 && self.word(t0 - 1, "between");
        // range: A <conn> B
        let mut range: Option<(Quantity, usize)> = None;
        let mut b_prefix: Option<&'static str> = None;
        let mut conn = q.end;
        // `8- to 16-meter`
        if self.is_dash(conn) && self.att(conn) && self.word(conn + 1, "to") && !self.att(conn + 1)
        {
            conn += 1;
        }
        let range_ok_a = !q.core.vague && !q.core.frac && q.count.is_none();
        if range_ok_a {
            let is_conn = self.is_dash(conn)
                || self.word(conn, "to")
                || (self.word(conn, "or") && prefix.is_none())
                || (between && self.word(conn, "and"));
            if is_conn {
                let mut bi = conn + 1;
                if matches!(
                    self.tx(bi),
                    "just" | "only" | "about" | "around" | "nearly" | "almost" | "some" | "roughly"
                ) && (self.is_n(bi + 1) || self.is_card(bi + 1))
                {
                    bi += 1;
                }
                let bpref = self
                    .prefix_before(bi + 1, conn + 1)
                    .filter(|_| prefix.is_some() && self.is_n(bi + 1));
                if let Some((_, _)) = bpref {
                    bi += 1;
                }
                if bi < self.n()
                    && (self.is_n(bi) || self.is_card(bi))
                    && !self.skip[bi]
                    && let Ok(mut bc) = self.parse_core(bi)
                    && !bc.ord
                    && !bc.vague
                    && !bc.frac
                {
                    self.scales(&mut bc, prefix.is_some());
                    let bq = self.quantity(bc, bpref.is_some());
                    if !bq.ident {
                        b_prefix = bpref.map(|x| x.0);
                        range = Some((bq, bi));
                    }
                }
            }
        }
        let a_has_unit = q.unit.is_some() || prefix.is_some();
        let mut use_range = false;
        let mut inherit: Option<Quantity> = None;
        if let Some((bq, _bi)) = &range {
            let b_has = bq.unit.is_some() || bq.count.is_some();
            let dash = self.is_dash(conn);
            let change = self.word(conn, "to")
                && self.change_before(t0, floor)
                && !(t0 > 0 && self.word(t0 - 1, "to"));
            let a_canon = prefix.or(q.unit.as_ref().map(|u| u.canon.as_str()));
            let b_canon = b_prefix.or(bq.unit.as_ref().map(|u| u.canon.as_str()));
            let b_has = b_has || b_prefix.is_some();
            let same_unit = match (a_canon, b_canon) {
                (Some(a), Some(b)) => a == b,
                (Some(_), None) => bq.count.is_none() && (dash || prefix.is_some()),
                (None, Some(_)) => true,
                (None, None) => between || (b_has && q.count.is_none()),
            };
            let year_b = bq.core.plain_int
                && !bq.core.word
                && self.t[*_bi].idig == 4
                && (1800.0..=2100.0).contains(&bq.core.v);
            if year_like || year_b {
                if dash {
                    return Step::Skip(bq.end);
                }
            } else if change {
                if !a_has_unit && b_has {
                    inherit = Some(bq.clone());
                }
            } else if same_unit
                && (a_has_unit || b_has || between)
                && (bq.core.v >= q.core.v * 0.999 || between)
            {
                use_range = true;
            } else if dash && !a_has_unit && !b_has {
                // scores, phone numbers, model numbers
                return Step::Skip(bq.end);
            }
        } else if self.is_dash(conn)
            && self.att(conn)
            && self.is_n(conn + 1)
            && self.att(conn + 1)
            && !a_has_unit
        {
            return Step::Skip(self.chain_end(conn));
        }
        // lists: `1,850 and 1,880 dlrs`, `4,340, 4,345 and 4,350 dlrs`
        if range.is_none()
            && inherit.is_none()
            && !a_has_unit
            && q.count.is_none()
            && !q.core.vague
            && !year_like
            && !q.core.word
            && let Some(lq) = self.list_unit(q.end, prefix.is_some())
        {
            inherit = Some(lq);
        }
        // qualifier
        let mut qual: Option<(&'static str, Bound)> = None;
        let mut q0 = t0;
        if between && use_range {
            q0 = t0 - 1;
        } else if let Some((text, bound, s)) = self.qualifier_before(t0, floor) {
            qual = Some((text, bound));
            q0 = s;
        }
        // build
        let mut c = Cand {
            t0: q0,
            t1: q.end,
            value: q.core.v,
            low: q.core.lo,
            high: q.core.hi,
            unit: Sym::EMPTY,
            family: Family::Number,
            factor: 1.0,
            qualifier: qual.map(|(t, _)| Sym::new(t)).unwrap_or_default(),
            bound: qual.map(|(_, b)| b).unwrap_or_default(),
            approximate: qual.is_some_and(|(_, b)| b == Bound::Approximate),
            measure: Sym::EMPTY,
            per: None,
            age: false,
            scaled: q.core.scaled,
        };
        if q.core.vague {
            c.bound = Bound::Approximate;
            c.approximate = true;
        }
        let mut unit_src = &q;
        let mut hi_v: Option<f64> = None;
        if use_range && let Some((bq, _)) = &range {
            let mut a = q.core.v;
            if !q.core.scaled && bq.core.scaled && q.unit.is_none() {
                // `200 to 300 mln`: the scale applies to both ends
                let bs = bq.core.v / raw_of(self, bq);
                if bs.is_finite() && bs > 1.0 && a * bs <= bq.core.v * 1.000_001 {
                    a *= bs;
                }
            }
            c.value = a;
            hi_v = Some(bq.core.v);
            if q.unit.is_none() && q.count.is_none() {
                unit_src = bq;
            }
            c.t1 = bq.end;
            c.bound = Bound::Range;
        }
        if let Some(bq) = &inherit {
            unit_src = bq;
            let mut a = q.core.v;
            if !q.core.scaled && bq.core.scaled {
                let bs = bq.core.v / raw_of(self, bq);
                if bs.is_finite() && bs > 1.0 && a * bs <= bq.core.v * 10.0 {
                    a *= bs;
                }
            }
            c.value = a;
        }
        // unit and family
        if let Some(code) = prefix {
            c.unit = Sym::new(code);
            c.family = Family::Currency;
            if let Some(u) = &unit_src.unit
                && u.family == Family::Currency
            {
                c.unit = u.canon;
                c.factor = u.factor;
                c.per = u.per;
            }
        } else if let Some(u) = &unit_src.unit {
            c.unit = u.canon;
            c.family = u.family;
            c.factor = u.factor;
            c.per = u.per;
            c.age = u.age;
        } else if let Some((noun, _)) = &unit_src.count {
            c.unit = Sym::new(noun);
            c.family = Family::Count;
        }
        if c.unit == "PESO" {
            c.unit = Sym::new(self.peso_code());
        }
        if negative {
            c.value = -c.value;
            if let Some(h) = hi_v.as_mut() {
                *h = -*h;
            }
        }
        if let Some(h) = hi_v {
            let (lo, hi) = if h < c.value {
                (h, c.value)
            } else {
                (c.value, h)
            };
            c.low = Some(lo);
            c.high = Some(hi);
            c.value = lo;
        }
        if c.factor != 1.0 {
            c.value *= c.factor;
            c.low = c.low.map(|v| v * c.factor);
            c.high = c.high.map(|v| v * c.factor);
        }
        // filters
        let core = &q.core;
        if year_like && !use_range && prefix.is_none() && !q.core.scaled {
            let measurement = matches!(
                c.family,
                Family::Currency
                    | Family::Percent
                    | Family::Length
                    | Family::Area
                    | Family::Mass
                    | Family::Volume
                    | Family::Energy
                    | Family::Speed
                    | Family::Temperature
            );
            if !measurement {
                return Step::Skip(core.end);
            }
        }
        let one_duration = c.family == Family::Time
            && q0 > 0
            && matches!(
                self.tx(q0 - 1),
                "for"
                    | "within"
                    | "after"
                    | "than"
                    | "only"
                    | "just"
                    | "least"
                    | "lasted"
                    | "last"
                    | "lasts"
                    | "took"
                    | "take"
                    | "takes"
            );
        if core.one
            && !core.scaled
            && !use_range
            && !one_duration
            && !matches!(
                c.family,
                Family::Currency
                    | Family::Percent
                    | Family::Length
                    | Family::Area
                    | Family::Mass
                    | Family::Volume
                    | Family::Energy
                    | Family::Speed
                    | Family::Temperature
            )
        {
            return Step::Skip(core.end);
        }
        if c.family == Family::Number && c.unit.is_empty() && !use_range {
            let vs = self.vs_before(q0);
            let ok = !core.word
                && (core.scaled || qual.is_some() || core.sepdec || negative || vs || core.frac)
                || core.word
                    && (core.scaled
                        || core.vague_full
                        || core.frac
                        || core.v >= 100.0
                        || core.end >= core.start + 3
                        || self.tx(core.end - 1) == "dozen");
            if !ok {
                return Step::Skip(core.end);
            }
        }
        if !c.value.is_finite()
            || c.low.is_some_and(|v| !v.is_finite())
            || c.high.is_some_and(|v| !v.is_finite())
        {
            return Step::Skip(c.t1.max(i + 1));
        }
        if c.family == Family::Count && c.value > 0.0 && c.value < 1.0 {
            return Step::Skip(core.end);
        }
        Step::Fig(Box::new(c))
    }

    /// End of a number-bearing name starting at `i`.
    fn name_at(&self, i: usize) -> Option<usize> {
        if self.tb(i) & B_NAME == 0 {
            return None;
        }
        let list = self.lx.names.get(self.tx(i))?;
        'outer: for toks in list {
            for (k, w) in toks.iter().enumerate() {
                if self.tx(i + k) != w.as_str() {
                    continue 'outer;
                }
            }
            return Some(i + toks.len());
        }
        None
    }

    /// The first later item of a list of bare numbers that has a unit.
    fn list_unit(&self, mut p: usize, prefix: bool) -> Option<Quantity> {
        for _ in 0..6 {
            let mut saw_sep = false;
            while self.sym(p, ",") || self.word(p, "and") || self.word(p, "or") {
                saw_sep = true;
                p += 1;
            }
            if !saw_sep || !(self.is_n(p) || self.is_card(p)) || self.skip[p] {
                return None;
            }
            let mut c = self.parse_core(p).ok()?;
            if c.ord || c.frac {
                return None;
            }
            self.scales(&mut c, prefix);
            let q = self.quantity(c, false);
            if q.ident || q.count.is_some() {
                return None;
            }
            if q.unit.is_some() {
                return Some(q);
            }
            p = q.end;
        }
        None
    }

    fn vs_before(&self, i: usize) -> bool {
        let Some(b) = i.checked_sub(1) else {
            return false;
        };
        let w = self.tx(b);
        if matches!(w, "vs" | "versus" | "v") {
            return true;
        }
        if self.sym(b, ".") && b > 0 && self.word(b - 1, "vs") {
            return true;
        }
        if matches!(w, "loss" | "profit" | "gain")
            && b > 0
            && matches!(self.tx(b - 1), "vs" | "versus")
        {
            return true;
        }
        false
    }

    fn date_adjacent(&self, i: usize, end: usize) -> bool {
        // month before: `feb 26`, `march 3,`, `sept. 4`
        if i > 0 {
            let mut b = i - 1;
            if self.sym(b, ".") && b > 0 {
                b -= 1;
            }
            if self.is_month_at(b)
                && !(self.word(b, "may") && self.lx.units.contains_key(self.tx(end)))
            {
                return true;
            }
        }
        // month after: `28 july`, `28th of july`
        let mut a = end;
        if self.word(a, "of") {
            a += 1;
        }
        if self.is_month_at(a) && !self.word(a, "may") {
            return true;
        }
        if self.word(a, "may") && (self.is_n(a + 1) || self.sym(a + 1, ",")) {
            return true;
        }
        false
    }

    fn clock_after(&self, e: usize) -> bool {
        let w = self.tx(e);
        if !self.is_w(e) {
            return false;
        }
        if self.lx.is(w, C_CLOCK) {
            if w == "local" {
                return self.word(e + 1, "time");
            }
            return true;
        }
        if w == "o" && (self.sym(e + 1, "'") || self.sym(e + 1, "’")) && self.word(e + 2, "clock")
        {
            return true;
        }
        if (w == "a" || w == "p")
            && self.sym(e + 1, ".")
            && self.att(e + 1)
            && self.word(e + 2, "m")
            && self.att(e + 2)
        {
            return true;
        }
        w == "hrs" && self.t.get(e - 1).is_some_and(|t| t.idig == 4)
    }

    fn peso_code(&self) -> &'static str {
        if let Some(c) = self.peso.get() {
            return c;
        }
        let mut best = ("MXN", 0usize);
        for &(clue, code) in &self.lx.peso {
            let n = self.l.matches(clue).count();
            if n > best.1 {
                best = (code, n);
            }
        }
        self.peso.set(Some(best.0));
        best.0
    }
}

/// The unscaled value of a range end (its first number token or word value).
fn raw_of(cx: &Cx, q: &Quantity) -> f64 {
    match cx.parse_core(q.core.start) {
        Ok(c0) if c0.v != 0.0 => c0.v,
        _ => q.core.v,
    }
}

/// Looks like an adjective (`american`, `chinese`, `digital`, `possible`).
fn adjective_shaped(w: &str) -> bool {
    const SUF: [&str; 20] = [
        "an", "ese", "ish", "al", "ic", "ive", "ous", "ful", "less", "ed", "able", "ible", "ary",
        "ern", "ing", "ian", "ean", "ite", "ior", "ary",
    ];
    SUF.iter().any(|s| w.len() > s.len() + 2 && w.ends_with(s)) || w.ends_with('i') && w.len() > 4
}

fn is_denom(d: f64) -> bool {
    matches!(
        d as u32,
        2 | 3 | 4 | 5 | 6 | 8 | 10 | 12 | 16 | 32 | 64 | 100
    ) && d.fract() == 0.0
}

fn pluralize(w: &str) -> String {
    match w {
        "man" => return "men".into(),
        "woman" => return "women".into(),
        "person" => return "people".into(),
        "child" => return "children".into(),
        _ => {}
    }
    let b = w.as_bytes();
    if w.ends_with('y')
        && b.len() > 1
        && !matches!(b[b.len() - 2], b'a' | b'e' | b'i' | b'o' | b'u')
    {
        return format!("{}ies", &w[..w.len() - 1]);
    }
    if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with("ch")
        || w.ends_with("sh")
        || w.ends_with('z')
    {
        return format!("{w}es");
    }
    format!("{w}s")
}

fn singularize(w: &str) -> String {
    match w {
        "people" | "police" | "staff" | "personnel" | "cattle" | "sheep" | "fish" | "aircraft"
        | "crew" | "deer" | "livestock" => return w.into(),
        "men" => return "man".into(),
        "women" => return "woman".into(),
        "children" => return "child".into(),
        _ => {}
    }
    if let Some(s) = w.strip_suffix("ies")
        && s.len() >= 2
    {
        return format!("{s}y");
    }
    for suf in ["ches", "shes", "sses", "xes", "zes"] {
        if w.ends_with(suf) {
            return w[..w.len() - 2].to_string();
        }
    }
    if let Some(s) = w.strip_suffix('s')
        && !w.ends_with("ss")
    {
        return s.to_string();
    }
    w.to_string()
}

// ---------------------------------------------------------------------------------------------
// Excluded regions

fn skip_mask(l: &str, toks: &[Tok]) -> Vec<bool> {
    let mut skip = vec![false; toks.len()];
    // header lines: `source: xxx| published: 2021-07-28`
    let mut i = 0;
    while i < toks.len() {
        if toks[i].nl {
            let mut j = i + 1;
            while j < toks.len() && !toks[j].nl {
                j += 1;
            }
            let first = &l[toks[i].s..toks[i].e];
            let is_header = matches!(
                first,
                "source" | "published" | "date" | "dateline" | "byline"
            ) && toks.get(i + 1).is_some_and(|t| &l[t.s..t.e] == ":")
                || l[toks[i].s..toks[j - 1].e].contains("| published:");
            if is_header {
                for s in skip.iter_mut().take(j).skip(i) {
                    *s = true;
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    // URLs, e-mail addresses, file names: whitespace-delimited chunks
    let mut i = 0;
    while i < toks.len() {
        let mut j = i + 1;
        while j < toks.len() && !toks[j].sp {
            j += 1;
        }
        let chunk = &l[toks[i].s..toks[j - 1].e];
        // Every pattern below contains one of `@ : . \ _`: a byte scan rules most chunks out.
        let maybe = j - i > 2
            && chunk
                .bytes()
                .any(|c| matches!(c, b'@' | b':' | b'.' | b'\\' | b'_'));
        if maybe
            && (chunk.contains('@')
                || chunk.contains("://")
                || chunk.contains("www.")
                || chunk.contains(".com")
                || chunk.contains(".org")
                || chunk.contains(".htm")
                || chunk.contains(".co.")
                || chunk.contains('\\')
                || chunk.contains('_'))
        {
            for s in skip.iter_mut().take(j).skip(i) {
                *s = true;
            }
        }
        i = j;
    }
    skip
}

// ---------------------------------------------------------------------------------------------
// Measures and labels

impl<'a> Cx<'a> {
    fn content_word(&self, k: usize, in_fig: &[bool]) -> bool {
        if !self.is_w(k) || in_fig[k] {
            return false;
        }
        let w = self.tx(k);
        let c = self.cls(k);
        if c & (C_STOP | C_MONTH | C_CLOCK) != 0 || self.tb(k) & B_NUMWORD != 0 {
            return false;
        }
        if w.ends_with("ing") && c & C_KEEPING == 0 {
            return false;
        }
        if w.ends_with("ed") && w.len() > 4 && c & C_KEEPED == 0 {
            return false;
        }
        if w.ends_with("ly") && w.len() > 4 && c & C_LYNOUN == 0 {
            return false;
        }
        w.len() > 1 || w == "s"
    }

    /// Noun phrase ending at token `b` (inclusive), scanning left. Returns (first, last).
    fn np_left(&self, b: usize, floor: usize, in_fig: &[bool]) -> Option<(usize, usize)> {
        let mut k = b;
        if !self.content_word(k, in_fig) {
            return None;
        }
        let mut first = k;
        let mut words = 1;
        while k > floor && words < 4 {
            if self.t[k].nl {
                break;
            }
            let p = k - 1;
            if self.is_dash(p)
                && self.att(p)
                && self.att(k)
                && p > 0
                && self.content_word(p - 1, in_fig)
            {
                k = p - 1;
                first = k;
                continue;
            }
            if self.word(p, "and") && p > floor && self.content_word(p - 1, in_fig) && !self.t[p].nl
            {
                k = p - 1;
                first = k;
                words += 1;
                continue;
            }
            if (self.content_word(p, in_fig) || (self.word(p, "us") && !in_fig[p]))
                && !(self.sym(p + 1, "'") || self.sym(p + 1, "’"))
                && !(self.is_plural_noun(self.tx(b))
                    && self.is_plural_noun(self.tx(p))
                    && !self.is_c(p, C_PLURAL))
            {
                k = p;
                first = k;
                words += 1;
                continue;
            }
            break;
        }
        Some((first, b))
    }

    /// Noun phrase starting at `a` (after optional determiners), scanning right.
    fn np_right(&self, a: usize, in_fig: &[bool]) -> Option<(usize, usize)> {
        let mut k = a;
        while self.is_w(k)
            && matches!(
                self.tx(k),
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "this"
                    | "these"
                    | "those"
                    | "new"
            )
        {
            k += 1;
        }
        if !self.content_word(k, in_fig) || self.t[k].nl && k != a {
            return None;
        }
        // `russia's total oil production`: skip the possessor
        if matches!(self.tx(k + 1), "'" | "’")
            && self.word(k + 2, "s")
            && self.content_word(k + 3, in_fig)
        {
            k += 3;
        }
        let first = k;
        let mut last = k;
        let mut words = 1;
        loop {
            let nx = last + 1;
            if nx >= self.n() || self.t[nx].nl || words >= 3 {
                break;
            }
            if self.is_dash(nx)
                && self.att(nx)
                && self.att(nx + 1)
                && self.is_w(nx + 1)
                && !in_fig[nx + 1]
            {
                last = nx + 1;
                continue;
            }
            if self.is_plural_noun(self.tx(last)) && !self.is_c(last, C_VALUE) {
                break;
            }
            if self.content_word(nx, in_fig) && !self.is_c(nx, C_CHAIN | C_CHANGE) {
                last = nx;
                words += 1;
                continue;
            }
            break;
        }
        Some((first, last))
    }

    fn span_text(&self, a: usize, b: usize) -> String {
        let s = &self.l[self.t[a].s..self.t[b].e];
        let mut out = String::with_capacity(s.len());
        let mut prev_space = false;
        for ch in s.chars() {
            if ch.is_whitespace() {
                if !prev_space {
                    out.push(' ');
                }
                prev_space = true;
            } else {
                out.push(ch);
                prev_space = false;
            }
        }
        out
    }

    fn expand_abbrev(&self, a: usize, b: usize) -> String {
        let mut parts = Vec::new();
        for k in a..=b {
            if !self.is_w(k) {
                continue;
            }
            let w = self.tx(k);
            if w == "shr" && self.word(k + 1, "loss") {
                parts.push("loss per share".to_string());
                return parts.join(" ");
            }
            match self.lx.abbrev.get(w) {
                Some(x) if !(w == "net" && k < b) => parts.push(x.to_string()),
                _ => parts.push(w.to_string()),
            }
        }
        parts.join(" ")
    }

    fn measure_for(&self, c: &Cand, floor: usize, in_fig: &[bool]) -> String {
        if c.age {
            return "age".into();
        }
        match c.family {
            Family::Count | Family::Ordinal => return c.unit.to_string(),
            Family::Time | Family::Temperature | Family::Speed => return String::new(),
            _ => {}
        }
        let e = c.t1;
        // `4,500 kilometers of coast`, `$5bn of debt`
        if self.word(e, "of")
            && c.family != Family::Number
            && let Some((a, b)) = self.np_right(e + 1, in_fig)
        {
            let w = self.tx(b);
            if !matches!(w, "which" | "whom") {
                return self.span_text(a, b);
            }
        }
        // `a 21 billion dlr debt-rescheduling package`, `a 40 pct drop in oil income`
        if c.t0 > 0
            && (matches!(
                self.tx(c.t0 - 1),
                "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our"
            ) || (self.tx(c.t0 - 1) == "s"
                && c.t0 >= 2
                && matches!(self.tx(c.t0 - 2), "'" | "’")))
            && matches!(c.family, Family::Currency | Family::Percent)
            && let Some((a, b)) = self.np_right(e, in_fig)
            && a == e
        {
            let head = self.tx(b);
            if (self.lx.is(head, C_CHANGE)
                || matches!(
                    head,
                    "drop"
                        | "gain"
                        | "loss"
                        | "jump"
                        | "fall"
                        | "rise"
                        | "increase"
                        | "decline"
                        | "growth"
                ))
                && self.word(b + 1, "in")
                && let Some((a2, b2)) = self.np_right(b + 2, in_fig)
            {
                return self.span_text(a2, b2);
            }
            return self.span_text(a, b);
        }
        // `$5bn in loans`
        if c.family == Family::Currency
            && self.word(e, "in")
            && let Some((a, b)) = self.np_right(e + 1, in_fig)
            && (self.is_c(b, C_VALUE))
        {
            return self.span_text(a, b);
        }
        // left: `X of <fig>`, `X was/rose to <fig>`, row labels
        let Some(mut k) = c.t0.checked_sub(1) else {
            return self.per_measure(c);
        };
        if k < floor {
            return self.per_measure(c);
        }
        if self.word(k, "of") && k > floor {
            if let Some((a, b)) = self.np_left(k - 1, floor, in_fig) {
                let head = self.tx(b);
                if !matches!(
                    head,
                    "total"
                        | "sum"
                        | "amount"
                        | "value"
                        | "figure"
                        | "average"
                        | "maximum"
                        | "minimum"
                        | "record"
                        | "level"
                        | "rate"
                        | "increase"
                        | "rise"
                        | "decline"
                        | "drop"
                        | "fall"
                        | "gain"
                        | "high"
                        | "low"
                        | "peak"
                ) {
                    return self.span_text(a, b);
                }
                // `a total of`: keep looking left
                k = a.saturating_sub(1);
                while k > floor && matches!(self.tx(k), "a" | "an" | "the") {
                    k -= 1;
                }
            } else {
                return self.per_measure(c);
            }
        }
        let mut chain = 0;
        let start_k = k;
        let mut steps = 0;
        while k >= floor && k < self.n() && steps < 40 {
            steps += 1;
            if self.t[k + 1].nl && k < start_k {
                break;
            }
            if in_fig[k] || self.sym(k, "(") || self.sym(k, ")") {
                if k == 0 {
                    break;
                }
                k -= 1;
                continue;
            }
            // `turnover in 1986 was`: a year phrase between subject and verb
            if self.is_n(k)
                && self.t[k].idig == 4
                && (1800.0..=2100.0).contains(&self.t[k].v)
                && k > floor + 1
                && matches!(self.tx(k - 1), "in" | "during" | "for" | "since" | "of")
            {
                k -= 2;
                continue;
            }
            if self.is_w(k) && self.is_c(k, C_CHAIN) {
                if !matches!(
                    self.tx(k),
                    "to" | "by"
                        | "from"
                        | "at"
                        | "which"
                        | "that"
                        | "who"
                        | "also"
                        | "now"
                        | "still"
                        | "only"
                        | "already"
                        | "currently"
                        | "reportedly"
                ) {
                    chain += 1;
                }
                if k == 0 {
                    break;
                }
                k -= 1;
                continue;
            }
            break;
        }
        if k < floor || k >= self.n() {
            return self.per_measure(c);
        }
        if let Some((a, b)) = self.np_left(k, floor, in_fig) {
            // `estimated the crop at <fig>`, `put the deficit at <fig>`
            let mut d = a;
            while d > floor
                && matches!(
                    self.tx(d - 1),
                    "the" | "its" | "their" | "a" | "an" | "his" | "her"
                )
            {
                d -= 1;
            }
            if chain == 0
                && matches!(self.tx(c.t0 - 1), "at" | "by" | "to")
                && d > floor
                && self.is_c(d - 1, C_CHAIN | C_CHANGE)
            {
                return self.span_text(a, b);
            }
            if chain > 0 {
                if d >= 2
                    && d - 1 > floor
                    && matches!(self.tx(d - 1), "at" | "of" | "in" | "for" | "from")
                    && let Some((a2, b2)) = self.np_left(d - 2, floor, in_fig)
                {
                    let h2 = self.tx(b2);
                    if self.lx.is(h2, C_VALUE)
                        || self.is_plural_noun(h2)
                        || matches!(self.tx(d - 1), "in" | "at")
                        || matches!(
                            self.tx(b),
                            "whole" | "rest" | "period" | "end" | "start" | "part"
                        )
                    {
                        return self.span_text(a2, b2);
                    }
                }
                return self.span_text(a, b);
            }
            // row label: `net profit 17.05 mln dlrs`, `shr 1.20 dlrs`
            let line_start = self.t[a].nl
                || a == 0
                || (a > 0 && matches!(self.tx(a - 1), "." | ";" | ":" | "-" | "–" | "—"));
            let head = self.tx(b);
            let labelish = self.lx.is(head, C_VALUE)
                || self.lx.abbrev.contains_key(head)
                || self.word(c.t1, "vs")
                || self.word(c.t1, "versus");
            if line_start && b + 1 == c.t0 && labelish {
                return self.expand_abbrev(a, b);
            }
        }
        self.per_measure(c)
    }

    fn per_measure(&self, c: &Cand) -> String {
        match c.per.as_deref() {
            Some(p @ ("year" | "month" | "week" | "day" | "hour" | "night")) => {
                format!("amount per {p}")
            }
            Some(p) => format!("price per {p}"),
            None => String::new(),
        }
    }
}

fn label_for(family: Family, measure: &str, unit: &str) -> String {
    let lx = &*LEX;
    // `measure.split(" and ").next()` (a byte scan: short strings, no searcher set-up).
    let first = match measure.as_bytes().windows(5).position(|w| w == b" and ") {
        Some(k) => &measure[..k],
        None => measure,
    }
    .trim();
    // The last (at most) three words, joined by single spaces; `head` is the last word.
    let mut last3 = [""; 3];
    let mut n = 0;
    for w in first.rsplit(' ').filter(|w| !w.is_empty()).take(3) {
        last3[n] = w;
        n += 1;
    }
    let head = last3[0];
    let mut short = String::with_capacity(first.len());
    for w in last3[..n].iter().rev() {
        if !short.is_empty() {
            short.push(' ');
        }
        short.push_str(w);
    }
    match family {
        Family::Count | Family::Ordinal => {
            let u = if unit.is_empty() { measure } else { unit };
            if u.is_empty() {
                return "count".into();
            }
            format!("{} count", singularize(u.rsplit(' ').next().unwrap_or(u)))
        }
        Family::Currency => {
            if short.is_empty() {
                return format!("{unit} amount");
            }
            if lx.is(head, C_VALUE) || head.ends_with("price") || short.starts_with("price") {
                short
            } else {
                format!("{short} value")
            }
        }
        Family::Percent => {
            if short.is_empty() {
                "percent".into()
            } else if matches!(
                head,
                "rate" | "share" | "stake" | "ratio" | "margin" | "yield" | "growth"
            ) {
                short
            } else {
                format!("{short} %")
            }
        }
        Family::Length => suffix(&short, "length"),
        Family::Area => suffix(&short, "area"),
        Family::Mass => suffix(&short, "weight"),
        Family::Volume => suffix(&short, "volume"),
        Family::Time if short == "age" => short,
        Family::Time => suffix(&short, "duration"),
        Family::Speed => suffix(&short, "speed"),
        Family::Temperature => suffix(&short, "temperature"),
        Family::Energy => suffix(&short, "energy"),
        Family::Number => short,
    }
}

fn suffix(m: &str, s: &str) -> String {
    if m.is_empty() || m == s || m.strip_suffix(s).is_some_and(|r| r.ends_with(' ')) {
        if !m.is_empty() {
            return m.to_string();
        }
        s.to_string()
    } else {
        format!("{m} {s}")
    }
}

// ---------------------------------------------------------------------------------------------
// Entry point

/// All figures of `text`, in text order.
pub fn extract_figures(text: &str) -> Vec<Figure> {
    if text.is_empty() {
        return Vec::new();
    }
    let lower = text.to_ascii_lowercase();
    let toks = tokenize(&lower);
    if toks.is_empty() {
        return Vec::new();
    }
    let lx: &Lex = &LEX;
    let skip = skip_mask(&lower, &toks);
    let bits = toks.iter().map(|t| lx.bits(&lower[t.s..t.e])).collect();
    let cx = Cx {
        l: &lower,
        t: &toks,
        lx,
        skip,
        bits,
        empty_bits: lx.bits(""),
        last_m_million: std::cell::Cell::new(None),
        peso: std::cell::Cell::new(None),
    };
    let mut cands: Vec<Cand> = Vec::new();
    let mut i = 0;
    let mut floor = 0;
    while i < toks.len() {
        match cx.try_at(i, floor) {
            Step::Fig(c) => {
                let c = *c;
                i = c.t1.max(i + 1);
                floor = i;
                cands.push(c);
            }
            Step::Skip(j) => i = j.max(i + 1),
            Step::No => i += 1,
        }
    }
    // in-figure token map
    let mut in_fig = vec![false; toks.len()];
    for c in &cands {
        for f in in_fig.iter_mut().take(c.t1.min(toks.len())).skip(c.t0) {
            *f = true;
        }
    }
    // `vs` rows inherit the unit of the previous figure
    for k in 1..cands.len() {
        let (prev, cur) = cands.split_at_mut(k);
        let p = &prev[k - 1];
        let c = &mut cur[0];
        if c.family == Family::Number
            && p.family != Family::Number
            && p.family != Family::Ordinal
            && p.family != Family::Count
            && (cx.vs_before(c.t0)
                || c.t0 > 0 && matches!(cx.tx(c.t0 - 1), "after" | "against" | "with"))
            && c.t0 <= p.t1 + 3
        {
            c.family = p.family;
            c.unit = p.unit;
            if p.factor != 1.0 && c.factor == 1.0 && !cx.is_w(c.t1 - 1) {
                c.value *= p.factor;
                c.low = c.low.map(|v| v * p.factor);
                c.high = c.high.map(|v| v * p.factor);
            }
        }
    }
    // `5.03 mln tonnes against 2.87 mln`: a scaled bare number takes the unit of the figure
    // just before it in the same sentence
    for k in 1..cands.len() {
        let (prev, cur) = cands.split_at_mut(k);
        let c = &mut cur[0];
        if !(c.family == Family::Number && c.unit.is_empty() && c.scaled) {
            continue;
        }
        let sent = sentence_start(&cx, c.t0);
        let src = prev.iter().rev().take(4).find(|p| {
            p.scaled
                && p.t0 >= sent
                && c.t0 <= p.t1 + 24
                && matches!(
                    p.family,
                    Family::Currency
                        | Family::Mass
                        | Family::Volume
                        | Family::Area
                        | Family::Count
                        | Family::Energy
                )
        });
        if let Some(p) = src {
            c.family = p.family;
            c.unit = p.unit;
        }
    }
    // measures
    let mut floor = 0;
    let mut measures = Vec::with_capacity(cands.len());
    for (k, c) in cands.iter().enumerate() {
        let prev_end = if k > 0 { cands[k - 1].t1 } else { 0 };
        let sent_floor = sentence_start(&cx, c.t0).max(floor.min(c.t0));
        let _ = prev_end;
        measures.push(cx.measure_for(c, sent_floor, &in_fig));
        floor = 0;
    }
    for (k, m) in measures.into_iter().enumerate() {
        cands[k].measure = Sym::new(&m);
    }
    // figures right after another (`vs 15.2 mln`, `(£600m)`, `or 14 cts`) share its measure
    for k in 1..cands.len() {
        if !cands[k].measure.is_empty() {
            continue;
        }
        let p = &cands[k - 1];
        let between: Vec<&str> = (p.t1..cands[k].t0).map(|j| cx.tx(j)).collect();
        let linked = between.iter().all(|w| {
            matches!(
                *w,
                "vs" | "versus" | "." | "(" | "or" | "loss" | "profit" | "to" | "from"
            )
        }) && between.len() <= 3
            && p.family == cands[k].family;
        if linked && !matches!(cands[k].family, Family::Count | Family::Ordinal) {
            let m = p.measure;
            cands[k].measure = m;
        }
    }
    // A fresh vector: collecting in place would keep the (larger) candidates' allocation
    // for the life of the article.
    let mut figures = Vec::with_capacity(cands.len());
    figures.extend(cands.into_iter().map(|c| {
        let start = toks[c.t0].s;
        let end = toks[c.t1 - 1].e;
        let label = label_for(c.family, &c.measure, &c.unit);
        Figure {
            value: tidy(c.value),
            lo: c.low.map_or(f64::NAN, tidy),
            hi: c.high.map_or(f64::NAN, tidy),
            unit: c.unit,
            family: c.family,
            qualifier: c.qualifier,
            bound: c.bound,
            approximate: c.approximate,
            measure: c.measure,
            label: Sym::new(&label),
            start: offset32(start),
            end: offset32(end),
        }
    }));
    figures
}

/// Rounds away binary noise from scaling (`8.2 * 1e9`) to 12 significant digits.
fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    // Fast path: an integer below 1e12 has at most 12 significant digits, so printing it with
    // 12 digits is exact and parsing gives it back unchanged (no formatting needed).
    if v.fract() == 0.0 && v.abs() < 1e12 {
        return v;
    }
    format!("{v:.11e}").parse().unwrap_or(v)
}

fn sentence_start(cx: &Cx, i: usize) -> usize {
    let mut k = i.min(cx.t.len().saturating_sub(1));
    let lo = k.saturating_sub(MAX_SENTENCE_TOKENS);
    while k > lo {
        if cx.t[k].nl {
            return k;
        }
        let p = k - 1;
        if (cx.sym(p, ".")
            || cx.sym(p, "!")
            || cx.sym(p, "?")
            || cx.sym(p, ";")
            || cx.sym(p, "\"")
            || cx.sym(p, "“")
            || cx.sym(p, "”"))
            && cx.t[k].sp
        {
            return k;
        }
        k -= 1;
    }
    lo
}

/// Look-back limit for sentence starts (keeps adversarial texts linear).
const MAX_SENTENCE_TOKENS: usize = 200;

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../seeds/000_bb29dedac36967df.txt");

    fn figs(t: &str) -> Vec<Figure> {
        let f = extract_figures(t);
        for x in &f {
            assert!(!x.surface(t).is_empty(), "span of {x:?}");
        }
        f
    }

    /// Runs `check` on the text as written, lowercased and uppercased.
    fn each_case(t: &str, check: impl Fn(&[Figure], &str)) {
        for v in [t.to_string(), t.to_lowercase(), t.to_uppercase()] {
            let f = figs(&v);
            check(&f, &v);
        }
    }

    fn one(t: &str) -> Figure {
        let f = figs(t);
        assert_eq!(f.len(), 1, "{t}: {f:#?}");
        f[0].clone()
    }

    /// Exactly one figure with this value/unit/family, in every casing.
    fn expect(t: &str, surface: &str, value: f64, unit: &str, family: Family) {
        each_case(t, |f, v| {
            assert_eq!(f.len(), 1, "{v}: {f:#?}");
            let x = &f[0];
            assert_eq!(x.surface(v).to_lowercase(), surface.to_lowercase(), "{v}");
            assert!(
                (x.value - value).abs() <= value.abs() * 1e-9 + 1e-12,
                "{v}: {} != {value}",
                x.value
            );
            assert_eq!(x.unit, unit, "{v}");
            assert_eq!(x.family, family, "{v}");
        });
    }

    fn none(t: &str) {
        each_case(t, |f, v| assert!(f.is_empty(), "{v}: {f:#?}"));
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= b.abs() * 1e-9 + 1e-12
    }

    #[test]
    fn number_fast_path_matches_the_parser() {
        let mut cases: Vec<String> = [
            "0",
            "7",
            "007",
            "1.5",
            "0.1",
            "0.3",
            "2.675",
            "123456789012345",
            "1234567890123456",
            "99999999999999.9",
            "9007199254740993",
            "0.000000000000001",
            "3.14159",
            "1e5",
            "2.5e-3",
            "4e14",
            "12345678901234567890",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..50_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = 1 + (seed % 18) as usize;
            let mut s: String = (0..len)
                .map(|k| char::from(b'0' + ((seed >> (k * 3)) % 10) as u8))
                .collect();
            if !seed.is_multiple_of(3) {
                let dot = 1 + ((seed >> 40) as usize % len);
                s.insert(dot.min(s.len()), '.');
                if s.ends_with('.') {
                    s.push('5');
                }
            }
            cases.push(s);
        }
        for c in &cases {
            let want = c.parse::<f64>().unwrap_or(f64::NAN);
            assert_eq!(parse_number(c).to_bits(), want.to_bits(), "{c}");
        }
    }

    #[test]
    fn tidy_fast_path_matches_formatting() {
        for v in [
            1.0,
            -3.0,
            8.2e9,
            999_999_999_999.0,
            1e12,
            123.0,
            0.5,
            1.2e15,
            -7.5e11,
        ] {
            let slow: f64 = format!("{v:.11e}").parse().unwrap_or(v);
            assert_eq!(tidy(v).to_bits(), slow.to_bits(), "{v}");
        }
    }

    #[test]
    fn seed_article() {
        for text in [
            SEED.to_string(),
            SEED.to_uppercase(),
            SEED.replace('\n', "\r\n"),
        ] {
            let f = figs(&text);
            let got: Vec<String> = f.iter().map(|x| x.surface(&text).to_lowercase()).collect();
            assert_eq!(
                got,
                vec![
                    "thirteen ambassadors",
                    "19 latin american countries",
                    "over 300 billion us dollars",
                    "three years",
                    "fifth consulate",
                    "more than 4,500 kilometers",
                    "tens of millions of doses"
                ]
            );
            let exp: [(f64, &str, Family, &str, Bound, &str, &str); 7] = [
                (
                    13.0,
                    "ambassadors",
                    Family::Count,
                    "",
                    Bound::Exact,
                    "ambassadors",
                    "ambassador count",
                ),
                (
                    19.0,
                    "countries",
                    Family::Count,
                    "",
                    Bound::Exact,
                    "countries",
                    "country count",
                ),
                (
                    3e11,
                    "USD",
                    Family::Currency,
                    "over",
                    Bound::Lower,
                    "trade and investment",
                    "trade value",
                ),
                (3.0, "years", Family::Time, "", Bound::Exact, "", "duration"),
                (
                    5.0,
                    "consulates",
                    Family::Ordinal,
                    "",
                    Bound::Exact,
                    "consulates",
                    "consulate count",
                ),
                (
                    4500.0,
                    "km",
                    Family::Length,
                    "more than",
                    Bound::Lower,
                    "coast",
                    "coast length",
                ),
                (
                    1e7,
                    "doses",
                    Family::Count,
                    "",
                    Bound::Approximate,
                    "doses",
                    "dose count",
                ),
            ];
            for (x, e) in f.iter().zip(exp.iter()) {
                assert!(close(x.value, e.0), "{x:?}");
                assert_eq!(x.unit, e.1);
                assert_eq!(x.family, e.2);
                assert_eq!(x.qualifier, e.3);
                assert_eq!(x.bound, e.4);
                assert_eq!(x.measure, e.5);
                assert_eq!(x.label, e.6);
            }
            assert_eq!(f[6].low(), Some(1e7));
            assert_eq!(f[6].high(), Some(1e8));
            assert!(f[6].approximate);
            assert!(!f[2].approximate);
        }
    }

    #[test]
    fn digits_and_separators() {
        expect(
            "The line is 4,500 km long.",
            "4,500 km",
            4500.0,
            "km",
            Family::Length,
        );
        expect("It rose 1.5 pct.", "1.5 pct", 1.5, "%", Family::Percent);
        expect(
            "They built 1 200 houses.",
            "1 200 houses",
            1200.0,
            "houses",
            Family::Count,
        );
        expect(
            "They built 1\u{202f}200 houses.",
            "1\u{202f}200 houses",
            1200.0,
            "houses",
            Family::Count,
        );
        expect(
            "Inflation was 1,5 % in May.",
            "1,5 %",
            1.5,
            "%",
            Family::Percent,
        );
        expect(
            "Temperatures hit -5 degrees celsius overnight.",
            "-5 degrees celsius",
            -5.0,
            "°C",
            Family::Temperature,
        );
        expect(
            "The index was minus 5 pct lower.",
            "minus 5 pct",
            -5.0,
            "%",
            Family::Percent,
        );
    }

    #[test]
    fn number_words() {
        expect(
            "Two hundred and five workers were hired.",
            "Two hundred and five workers",
            205.0,
            "workers",
            Family::Count,
        );
        expect(
            "A dozen eggs were broken.",
            "A dozen eggs",
            12.0,
            "eggs",
            Family::Count,
        );
        expect(
            "A hundred people came.",
            "A hundred people",
            100.0,
            "people",
            Family::Count,
        );
        expect(
            "One million people marched.",
            "One million people",
            1e6,
            "people",
            Family::Count,
        );
        expect(
            "A million dollars was paid.",
            "A million dollars",
            1e6,
            "USD",
            Family::Currency,
        );
        expect(
            "Twenty-one soldiers died.",
            "Twenty-one soldiers",
            21.0,
            "soldiers",
            Family::Count,
        );
        expect(
            "Half a million refugees fled.",
            "Half a million refugees",
            5e5,
            "refugees",
            Family::Count,
        );
        expect(
            "It took two and a half years.",
            "two and a half years",
            2.5,
            "years",
            Family::Time,
        );
    }

    #[test]
    fn scales_and_currency() {
        expect(
            "Profit was 17.05 mln dlrs.",
            "17.05 mln dlrs",
            1.705e7,
            "USD",
            Family::Currency,
        );
        expect(
            "It raised $1.2bn last year.",
            "$1.2bn",
            1.2e9,
            "USD",
            Family::Currency,
        );
        expect(
            "It raised US$300bn last year.",
            "US$300bn",
            3e11,
            "USD",
            Family::Currency,
        );
        expect(
            "Debt stood at 1.2 trillion yuan.",
            "1.2 trillion yuan",
            1.2e12,
            "CNY",
            Family::Currency,
        );
        expect("Sales hit £600m.", "£600m", 6e8, "GBP", Family::Currency);
        expect(
            "It paid €5 million.",
            "€5 million",
            5e6,
            "EUR",
            Family::Currency,
        );
        expect(
            "It paid 5 mln euros.",
            "5 mln euros",
            5e6,
            "EUR",
            Family::Currency,
        );
        expect(
            "It paid 300 billion reais.",
            "300 billion reais",
            3e11,
            "BRL",
            Family::Currency,
        );
        expect(
            "It cost 200 yen.",
            "200 yen",
            200.0,
            "JPY",
            Family::Currency,
        );
        expect("It cost ¥200.", "¥200", 200.0, "JPY", Family::Currency);
        expect(
            "Shares rose 90 cts.",
            "90 cts",
            0.9,
            "USD",
            Family::Currency,
        );
        expect(
            "A loan of USD 50 million was signed.",
            "USD 50 million",
            5e7,
            "USD",
            Family::Currency,
        );
        expect(
            "A loan of 50 million rmb was signed.",
            "50 million rmb",
            5e7,
            "CNY",
            Family::Currency,
        );
        expect(
            "The fine was 20 million pounds sterling.",
            "20 million pounds sterling",
            2e7,
            "GBP",
            Family::Currency,
        );
        expect(
            "It earned $50k a year.",
            "$50k",
            5e4,
            "USD",
            Family::Currency,
        );
        expect(
            "It paid 5 bln Mexican pesos.",
            "5 bln Mexican pesos",
            5e9,
            "MXN",
            Family::Currency,
        );
    }

    #[test]
    fn pesos_follow_the_country() {
        let f = one("Argentina said the debt rose to 5 bln pesos.");
        assert_eq!(f.unit, "ARS");
    }

    #[test]
    fn percent_units() {
        expect(
            "Rates rose 2 percentage points.",
            "2 percentage points",
            2.0,
            "pp",
            Family::Percent,
        );
        expect(
            "Rates rose 25 basis points.",
            "25 basis points",
            0.25,
            "pp",
            Family::Percent,
        );
        expect(
            "Output rose 3 per cent.",
            "3 per cent",
            3.0,
            "%",
            Family::Percent,
        );
        expect(
            "Output rose 3 percent.",
            "3 percent",
            3.0,
            "%",
            Family::Percent,
        );
        expect("Output rose 3%.", "3%", 3.0, "%", Family::Percent);
    }

    #[test]
    fn physical_units() {
        expect(
            "The farm covers 500 hectares.",
            "500 hectares",
            500.0,
            "ha",
            Family::Area,
        );
        expect(
            "The park covers 30 square kilometers.",
            "30 square kilometers",
            30.0,
            "km2",
            Family::Area,
        );
        expect(
            "The park covers 30 sq km.",
            "30 sq km",
            30.0,
            "km2",
            Family::Area,
        );
        expect(
            "They shipped 50,000 tonnes of sugar.",
            "50,000 tonnes",
            5e4,
            "t",
            Family::Mass,
        );
        expect(
            "They seized 20 kg of cocaine.",
            "20 kg",
            20.0,
            "kg",
            Family::Mass,
        );
        expect(
            "They caught 300 pounds of fish.",
            "300 pounds",
            300.0,
            "lb",
            Family::Mass,
        );
        expect(
            "Output hit 1.2 mln barrels per day.",
            "1.2 mln barrels per day",
            1.2e6,
            "bpd",
            Family::Volume,
        );
        expect(
            "Output hit 1.2 mln bpd.",
            "1.2 mln bpd",
            1.2e6,
            "bpd",
            Family::Volume,
        );
        expect(
            "They sold 300 barrels of oil.",
            "300 barrels",
            300.0,
            "bbl",
            Family::Volume,
        );
        expect(
            "Winds reached 150 km/h.",
            "150 km/h",
            150.0,
            "km/h",
            Family::Speed,
        );
        expect(
            "Winds reached 90 mph.",
            "90 mph",
            90.0,
            "mph",
            Family::Speed,
        );
        expect(
            "It was 35°C in the shade.",
            "35°C",
            35.0,
            "°C",
            Family::Temperature,
        );
        expect(
            "The plant produces 600 megawatts.",
            "600 megawatts",
            600.0,
            "MW",
            Family::Energy,
        );
        expect(
            "The talks lasted 48 hours.",
            "48 hours",
            48.0,
            "hours",
            Family::Time,
        );
        expect(
            "The wall is 12 feet high.",
            "12 feet",
            12.0,
            "ft",
            Family::Length,
        );
        expect(
            "The 300-mile pipeline.",
            "300-mile",
            300.0,
            "mi",
            Family::Length,
        );
        expect(
            "A five-year plan was adopted.",
            "five-year",
            5.0,
            "years",
            Family::Time,
        );
        expect(
            "A 4,500-km border.",
            "4,500-km",
            4500.0,
            "km",
            Family::Length,
        );
    }

    #[test]
    fn measures_of_x() {
        let f = one("They shipped 50,000 tonnes of sugar to Cuba.");
        assert_eq!(f.measure, "sugar");
        let f = one("Exports of 1.2 bln dlrs were recorded.");
        assert_eq!(f.measure, "exports");
        let f = one("It reported a deficit of 5 bln dlrs.");
        assert_eq!(f.measure, "deficit");
        assert_eq!(f.label, "deficit");
        let f = one("Net profit 17.05 mln dlrs");
        assert_eq!(f.measure, "net profit");
        let f = one("Revenue rose to 300 mln dlrs in the year.");
        assert_eq!(f.measure, "revenue");
    }

    #[test]
    fn reuters_rows() {
        let t = "Shr 1.20 dlrs vs 90 cts\nNet profit 17.05 mln dlrs vs 15.2 mln\nRevs 300 mln vs 250 mln";
        let f = figs(t);
        let s: Vec<&str> = f.iter().map(|x| x.surface(t)).collect();
        assert_eq!(
            s,
            vec![
                "1.20 dlrs",
                "90 cts",
                "17.05 mln dlrs",
                "15.2 mln",
                "300 mln",
                "250 mln"
            ]
        );
        assert_eq!(f[0].measure, "earnings per share");
        assert_eq!(f[1].measure, "earnings per share");
        assert!(close(f[1].value, 0.9));
        assert_eq!(f[3].unit, "USD");
        assert_eq!(f[3].measure, "net profit");
        assert!(close(f[3].value, 1.52e7));
        assert_eq!(f[4].measure, "revenues");
        assert_eq!(f[5].measure, "revenues");
    }

    #[test]
    fn fractions() {
        expect("Bonds rose 7/8 point.", "7/8", 0.875, "", Family::Number);
        expect(
            "The rate was 1-1/8 pct over Libor.",
            "1-1/8 pct",
            1.125,
            "%",
            Family::Percent,
        );
        expect(
            "It took 3 1/2 years.",
            "3 1/2 years",
            3.5,
            "years",
            Family::Time,
        );
        expect(
            "One-third of the budget went on defence.",
            "One-third",
            1.0 / 3.0,
            "",
            Family::Number,
        );
        expect(
            "Two-thirds of voters agreed.",
            "Two-thirds",
            2.0 / 3.0,
            "",
            Family::Number,
        );
        none("Half of the staff left.");
    }

    #[test]
    fn vague_magnitudes() {
        let f = one("Hundreds of thousands of people fled.");
        assert_eq!(
            (f.low(), f.high(), f.unit.as_str()),
            (Some(1e5), Some(1e6), "people")
        );
        assert_eq!(f.bound, Bound::Approximate);
        let f = one("Dozens of protesters were held.");
        assert_eq!((f.low(), f.high()), (Some(24.0), Some(144.0)));
        let f = one("Thousands of workers struck.");
        assert_eq!(
            (f.low(), f.high(), f.family),
            (Some(2000.0), Some(10000.0), Family::Count)
        );
        let f = one("It cost millions of dollars.");
        assert_eq!(
            (f.low(), f.family, f.unit.as_str()),
            (Some(2e6), Family::Currency, "USD")
        );
        let f = one("Hundreds of homes were lost.");
        assert_eq!((f.low(), f.high()), (Some(200.0), Some(1000.0)));
        none("Thousands protested on Sunday.");
    }

    #[test]
    fn ordinals() {
        let f = one("Chile opened its fifth consulate in China.");
        assert_eq!(
            (f.value, f.family, f.unit.as_str()),
            (5.0, Family::Ordinal, "consulates")
        );
        let f = one("The firm opened its 21st store.");
        assert_eq!((f.value, f.unit.as_str()), (21.0, "stores"));
        let f = one("It is their twenty-first factory.");
        assert_eq!(f.value, 21.0);
        none("For the first time, the second quarter and the third straight quarter.");
        none("The 21st century began on the 1st.");
        none("It is the second-largest bank.");
    }

    #[test]
    fn qualifiers() {
        let cases = [
            ("over", Bound::Lower),
            ("more than", Bound::Lower),
            ("above", Bound::Lower),
            ("at least", Bound::Lower),
            ("under", Bound::Upper),
            ("less than", Bound::Upper),
            ("up to", Bound::Upper),
            ("nearly", Bound::Upper),
            ("almost", Bound::Upper),
            ("about", Bound::Approximate),
            ("around", Bound::Approximate),
            ("some", Bound::Approximate),
            ("roughly", Bound::Approximate),
            ("approximately", Bound::Approximate),
            ("an estimated", Bound::Approximate),
            ("close to", Bound::Approximate),
        ];
        for (q, b) in cases {
            let t = format!("The group employs {q} 500 workers.");
            each_case(&t, |f, v| {
                assert_eq!(f.len(), 1, "{v}");
                assert_eq!(f[0].qualifier, q, "{v}");
                assert_eq!(f[0].bound, b, "{v}");
                assert_eq!(f[0].value, 500.0);
                assert_eq!(f[0].approximate, b == Bound::Approximate);
                assert!(f[0].surface(v).to_lowercase().starts_with(q));
            });
        }
        none("Some of the workers left.");
    }

    #[test]
    fn ranges() {
        let f = one("It will cost 200 to 300 mln dlrs.");
        assert_eq!(
            (f.low(), f.high(), f.bound, f.unit.as_str()),
            (Some(2e8), Some(3e8), Bound::Range, "USD")
        );
        let f = one("Prices rose 35-40 pct.");
        assert_eq!(
            (f.low(), f.high(), f.unit.as_str()),
            (Some(35.0), Some(40.0), "%")
        );
        let t = "It costs between 2 and 3 billion dollars.";
        let f = one(t);
        assert_eq!((f.low(), f.high()), (Some(2e9), Some(3e9)));
        assert!(f.surface(t).to_lowercase().starts_with("between"));
        let f = one("Growth of $5-6 billion is expected.");
        assert_eq!(
            (f.low(), f.high(), f.unit.as_str()),
            (Some(5e9), Some(6e9), "USD")
        );
        let f = one("Two or three representatives are missing.");
        assert_eq!(
            (f.low(), f.high(), f.unit.as_str()),
            (Some(2.0), Some(3.0), "representatives")
        );
        let f = figs("Inflation rose from 5 pct to 7 pct.");
        assert_eq!(f.len(), 2);
        let f = figs("It raised capital from five mln to 25 mln shares.");
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].unit, "shares");
        assert_eq!(f[0].value, 5e6);
    }

    #[test]
    fn counts_take_the_head_noun() {
        expect(
            "Organizers say 19 Latin American countries joined.",
            "19 Latin American countries",
            19.0,
            "countries",
            Family::Count,
        );
        expect(
            "The firm will cut 500 more jobs.",
            "500 more jobs",
            500.0,
            "jobs",
            Family::Count,
        );
        expect(
            "Thirteen ambassadors attended.",
            "Thirteen ambassadors",
            13.0,
            "ambassadors",
            Family::Count,
        );
    }

    #[test]
    fn dates_are_not_figures() {
        none("source: cgtn| published: 2021-07-28");
        none("It happened on 2021-07-28 and on 28/07/2021.");
        none("It happened on July 28 and 28 July and Feb 26.");
        none("It was signed on March 3, 1987.");
        none("In 2020, and since 1990, and in 2019-20, and in 1987/88.");
        none("In the 1990s and the '90s.");
        none("The 1987 net profit was higher.");
        none("It opened on the 28th of July.");
        none("Dated 28.07.2021.");
    }

    #[test]
    fn times_are_not_figures() {
        none("The meeting starts at 10:30 today.");
        none("The meeting starts at 3 p.m. today.");
        none("The meeting starts at 3pm today.");
        none("Trading opens at 0800 GMT.");
    }

    #[test]
    fn identifiers_are_not_figures() {
        none("The COVID-19 pandemic hit the G-20 and the G20.");
        none("A Boeing 747 and an Airbus A320 landed.");
        none("Windows 10 and the iPhone 12 shipped.");
        none("Under Article 5 and Chapter 11 and Section 301 and Resolution 242.");
        none("An F-16 and MP3 players and 5G networks.");
        none("See page 3 and p. 12.");
        none("Call +44 20 7946 0958 or (212) 555-1234.");
        none("Write to info2020@example.com or visit www.site123.com/page4.");
        none("Arsenal won 3-1 on Sunday.");
        none("1. Introduction\n2) Method");
    }

    #[test]
    fn the_pronoun_one_and_friends() {
        none("This latest one is in Chengdu. One of the biggest. One day it will happen.");
        none("The current head and the next and last ones.");
        none("Some say several projects are planned.");
    }

    #[test]
    fn whole_header_and_title() {
        let t = "\nVENEZUELA DEBT TALKS\n\nsource: Reuters| published: 1987-02-26\n\nCARACAS, Feb 26 - Venezuela agreed a 21 billion dlr rescheduling.\n";
        let f = figs(t);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].value, 2.1e10);
        assert_eq!(f[0].measure, "rescheduling");
    }

    #[test]
    fn odd_inputs_never_panic() {
        let long_digits = "9".repeat(500);
        let huge = format!("1{} dollars and {} pct", "0".repeat(400), long_digits);
        let inputs = [
            "",
            " ",
            "\"",
            "“unbalanced ‘quotes",
            "$",
            "$$$ 5",
            "-",
            "- 5 -",
            "1/0",
            "0/0 pct",
            "1,",
            "1.",
            ",5",
            "5,",
            "5..5",
            "between and",
            "tens of",
            "hundreds of thousands of",
            "a",
            "half a",
            "twenty-",
            "1-",
            "1-1/",
            "3 1/",
            "é 5 ü ß 9 km 中文 12 公里 😀 7 %",
            "\u{a0}5\u{202f}000\u{2009}",
            "\r\n\r\n5\r\n",
            huge.as_str(),
            long_digits.as_str(),
        ];
        for t in inputs {
            let _ = figs(t);
            let _ = figs(&t.to_uppercase());
        }
        // every byte prefix that is a char boundary of a messy text
        let messy = "Over $1.2bn (£600m) – some 35-40 pct of 4,500 km², the fifth consulate; 3 1/2 yrs, 1-1/8 pct.";
        for (k, _) in messy.char_indices() {
            let _ = figs(&messy[..k]);
            let _ = figs(&messy[k..]);
        }
    }

    #[test]
    fn curly_quotes_and_caps() {
        expect(
            "“We have more than 4,500 kilometers of coast,” he said.",
            "more than 4,500 kilometers",
            4500.0,
            "km",
            Family::Length,
        );
        expect(
            "It’s worth US$300bn, he said.",
            "US$300bn",
            3e11,
            "USD",
            Family::Currency,
        );
    }
    #[test]
    fn ages_and_hyphenated_durations() {
        let f = one("The 30-year-old striker scored.");
        assert_eq!(
            (
                f.value,
                f.unit.as_str(),
                f.measure.as_str(),
                f.label.as_str()
            ),
            (30.0, "years", "age", "age")
        );
        let f = one("He is 5 years old.");
        assert_eq!(f.measure, "age");
        expect(
            "A 90-minute match.",
            "90-minute",
            90.0,
            "minutes",
            Family::Time,
        );
    }

    #[test]
    fn names_with_numbers_are_not_figures() {
        none("England won the Six Nations and Formula One returned to Channel 4.");
        none("Half-Life 2 sweeps the awards.");
        none("The board approved a two-for-one stock split.");
        none("The Commodore 64 computer is back.");
    }

    #[test]
    fn scaled_numbers_take_the_unit_of_their_sentence() {
        let f = figs("Stocks rose to 5.03 mln tonnes against 2.87 mln a year ago.");
        assert_eq!(f.len(), 2);
        assert_eq!((f[1].unit.as_str(), f[1].family), ("t", Family::Mass));
        let f = figs("Demand was 6.60 mln bpd, up 2.4 pct from 6.44 mln last year.");
        assert_eq!(f.len(), 3);
        assert_eq!(f[2].unit, "bpd");
        // not across sentences
        let f = figs("Output was 5 mln tonnes. Profit was 3 mln.");
        assert_eq!(f[1].family, Family::Number);
    }

    #[test]
    fn lists_share_the_last_unit() {
        let f = figs("Sold at 4,340, 4,345 and 4,350 dlrs.");
        assert_eq!(f.len(), 3);
        assert!(f.iter().all(|x| x.unit == "USD"));
        let f = figs("It costs 1.5 and 2 mln dlrs.");
        assert_eq!(f[0].value, 1.5e6);
    }

    #[test]
    fn word_decimals_and_compounds() {
        expect(
            "Sales fell one point three per cent.",
            "one point three per cent",
            1.3,
            "%",
            Family::Percent,
        );
        expect(
            "She ran one thousand two hundred metres.",
            "one thousand two hundred metres",
            1200.0,
            "m",
            Family::Length,
        );
        expect(
            "They sold 3 dozen eggs.",
            "3 dozen eggs",
            36.0,
            "eggs",
            Family::Count,
        );
        expect(
            "It was negative 5 degrees.",
            "negative 5 degrees",
            -5.0,
            "°",
            Family::Temperature,
        );
        expect(
            "A sixth of all callers hang up.",
            "A sixth",
            1.0 / 6.0,
            "",
            Family::Number,
        );
    }

    #[test]
    fn counts_skip_modifiers_but_not_verbs_or_amounts() {
        expect(
            "A strike by 55,000 oil industry employees.",
            "55,000 oil industry employees",
            55000.0,
            "employees",
            Family::Count,
        );
        expect(
            "Fewer than 200 seamen work there.",
            "Fewer than 200 seamen",
            200.0,
            "seamen",
            Family::Count,
        );
        expect(
            "It had three first-half possessions.",
            "three first-half possessions",
            3.0,
            "possessions",
            Family::Count,
        );
        let f = one("The deal values it at 28 times earnings, or $5bn.");
        assert_eq!(f.family, Family::Currency);
        let f = figs("Output is 8.75 mln tonnes and the 3.7 mln imports from Cuba.");
        assert_eq!(f[1].family, Family::Mass);
    }

    #[test]
    fn sports_metres_and_millions() {
        expect("She won the 60m hurdles.", "60m", 60.0, "m", Family::Length);
        expect(
            "The service has 10m users.",
            "10m users",
            1e7,
            "users",
            Family::Count,
        );
        expect(
            "The firm earned £10m.",
            "£10m",
            1e7,
            "GBP",
            Family::Currency,
        );
    }

    #[test]
    fn change_versus_range() {
        let f = figs("Prices rose to 340 to 350 cruzados per arroba.");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].low(), f[0].high()), (Some(340.0), Some(350.0)));
        let f = figs("The induction time fell from 36 to just 21 days.");
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].value, f[0].unit.as_str()), (36.0, "days"));
        let f = figs("Borrowing was £35bn - £2.5bn less than forecast.");
        assert_eq!(f.len(), 2);
        let f = figs("It happened at €10M or €10B.");
        assert_eq!(f.len(), 2);
    }

    #[test]
    fn measures_from_verbs_and_objects() {
        let f = one("OPEC agreed to lower its total output ceiling by 7.25 pct.");
        assert_eq!(f.measure, "total output ceiling");
        let f = one("The USDA estimated the crop at 2.1 bln bushels.");
        assert_eq!(f.measure, "crop");
        let f = one("Gasoline demand averaged 6.60 mln bpd.");
        assert_eq!(f.measure, "gasoline demand");
        let f = one("Its $17m profit for the quarter beat forecasts.");
        assert_eq!((f.measure.as_str(), f.label.as_str()), ("profit", "profit"));
        let f = one("Shares in the bank fell 4.5 pct on Monday.");
        assert_eq!(f.measure, "shares");
        let f = figs(
            "Qtr ends Dec 31\nShr loss 33 cts vs loss 16 cts\nMthly div 7.3 cts vs 7.3 cts prior",
        );
        assert_eq!(f.len(), 4);
        assert_eq!(f[0].measure, "loss per share");
        assert_eq!(f[1].measure, "loss per share");
        assert_eq!(f[2].measure, "monthly dividend");
    }
    #[test]
    fn long_adversarial_inputs_stay_fast() {
        let inputs = [
            "one thousand ".repeat(5_000),
            "5 pct ".repeat(5_000),
            "1,".repeat(5_000),
            "1m ".repeat(5_000),
            "million ".repeat(5_000),
            "tens of ".repeat(5_000),
            "- ".repeat(5_000) + "5",
            "5 pesos in Mexico ".repeat(2_000),
            "a".repeat(50_000),
            "9".repeat(50_000),
            "$".repeat(50_000),
        ];
        for t in &inputs {
            let start = std::time::Instant::now();
            let _ = figs(t);
            assert!(
                start.elapsed().as_secs_f64() < 5.0,
                "slow on {}",
                &t[..20.min(t.len())]
            );
        }
    }

    #[test]
    fn clock_words() {
        none("They met at 2 o'clock and at 7 o’clock.");
    }
    #[test]
    fn more_unit_forms() {
        expect(
            "Light oscillates at 4e14 Hz.",
            "4e14 Hz",
            4e14,
            "Hz",
            Family::Number,
        );
        expect(
            "It costs USD20 today.",
            "USD20",
            20.0,
            "USD",
            Family::Currency,
        );
        expect("It costs 20€ today.", "20€", 20.0, "EUR", Family::Currency);
        expect(
            "It took half an hour.",
            "half an hour",
            0.5,
            "hours",
            Family::Time,
        );
        expect(
            "Pour 250 ml of milk.",
            "250 ml",
            250.0,
            "ml",
            Family::Volume,
        );
        expect(
            "It was 35C in Madrid.",
            "35C",
            35.0,
            "°C",
            Family::Temperature,
        );
        expect(
            "The plane was overloaded by 700 pounds.",
            "700 pounds",
            700.0,
            "lb",
            Family::Mass,
        );
        none("The COP20 talks and the 5c coins.");
    }

    #[test]
    fn glued_m_follows_the_sentence() {
        let f = figs("Stockpiles fell 1m barrels to 294.3m.");
        assert_eq!(f.len(), 2);
        assert_eq!((f[1].value, f[1].unit.as_str()), (2.943e8, "bbl"));
    }

    #[test]
    fn one_or_two_is_a_range() {
        let f = one("One or two traders were surprised.");
        assert_eq!(
            (f.low(), f.high(), f.unit.as_str()),
            (Some(1.0), Some(2.0), "traders")
        );
    }
    #[test]
    fn million_m_and_hyphenated_money() {
        expect("It paid $5 m for it.", "$5 m", 5e6, "USD", Family::Currency);
        expect(
            "It paid 5 m dlrs for it.",
            "5 m dlrs",
            5e6,
            "USD",
            Family::Currency,
        );
        expect("The wall is 5 m high.", "5 m", 5.0, "m", Family::Length);
        expect(
            "A 300-billion-dollar plan.",
            "300-billion-dollar",
            3e11,
            "USD",
            Family::Currency,
        );
        let f = one("Intentions indicated cuts of 15 to 20 pct in plantings.");
        assert_eq!((f.low(), f.high()), (Some(15.0), Some(20.0)));
        let f = one("It purchased 300,000 Hillards ordinary shares.");
        assert_eq!(f.unit, "shares");
    }
}
