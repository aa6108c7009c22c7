//! Stage 1: tokens. Each paragraph becomes words, punctuation and quote marks with byte spans,
//! lower-cased forms and lexicon flags ([`Tok`]); input a paragraph's byte range, output its
//! tokens.

use super::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Mark {
    Open,
    Close,
    Either,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
    Word,
    Punct(char),
    /// A double quotation mark.
    Dq(Mark),
    /// A single quotation mark or apostrophe outside a word.
    Sq,
}

#[derive(Debug)]
pub(super) struct Tok<'a> {
    /// Byte span in the text.
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: Kind,
    /// Lower-cased form (`’` normalised to `'`): a slice of the text when the word is already
    /// lower case, else of the document's arena of lower-cased words (see [`Doc::new`]).
    pub(super) low: &'a str,
    /// Length of [`Tok::base`] (a prefix of `low`), computed once.
    pub(super) base_len: usize,
    /// First character is upper case.
    pub(super) cap: bool,
    /// [`Doc::name_like`], computed once per token when the document's casing is known.
    pub(super) name_like: bool,
    /// Lexicon flags (`F_*`) of the lower-cased word and of its [`Tok::base`].
    pub(super) word_flags: u32,
    pub(super) base_flags: u32,
    /// Speech-verb and pronoun class of the lower-cased word.
    pub(super) verb: Option<VerbClass>,
    pub(super) pron: Option<PronClass>,
    /// The word is a form of a verb with its own particles (`phrasal_verbs.txt`).
    pub(super) phrasal: bool,
}

impl<'a> Tok<'a> {
    pub(super) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub(super) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    pub(super) fn is_terminal(&self) -> bool {
        matches!(self.kind, Kind::Punct('.' | '!' | '?'))
    }
    pub(super) fn is_dq(&self) -> bool {
        matches!(self.kind, Kind::Dq(_))
    }
    /// Lower-case form without a possessive `'s` and without a trailing period.
    pub(super) fn base(&self) -> &'a str {
        self.low.get(..self.base_len).unwrap_or(self.low)
    }
    pub(super) fn possessive(&self) -> bool {
        self.low.ends_with("'s") || self.low.ends_with("s'")
    }
    pub(super) fn w(&self) -> &'a str {
        if self.is_word() { self.low } else { "" }
    }
    /// The lower-cased word is in a lexicon set: `lex.<set>.contains(self.w())` (and of
    /// `self.low`, the same for non-words: their `low` is empty and no set holds `""`).
    pub(super) fn wf(&self, f: u32) -> bool {
        self.word_flags & f != 0
    }
    /// An auxiliary (`has`, `will`, `could`...) or a finite form of `be`: a sign of a clause.
    pub(super) fn is_finite_verb_word(&self) -> bool {
        self.wf(F_AUX) || matches!(self.w(), "is" | "are" | "was" | "were")
    }
    /// A negation: `not`, `never`, `cannot` or a contraction with `n't`.
    pub(super) fn is_negation(&self) -> bool {
        matches!(self.w(), "not" | "never" | "cannot") || self.w().ends_with("n't")
    }
    /// A dash of any length (`-`, `–`, `—`, `―`).
    pub(super) fn is_dash(&self) -> bool {
        matches!(self.kind, Kind::Punct('-' | '—' | '–' | '―'))
    }
    /// Written with a digit first (`19`, `2.5`, `1980s`).
    pub(super) fn is_numeral(&self) -> bool {
        self.low.starts_with(|c: char| c.is_ascii_digit())
    }
    /// A word of time (`Friday`, `week`) that is not also a common word (`may`, `march`,
    /// `then`, `now`, `time`).
    pub(super) fn is_time_word(&self) -> bool {
        self.wf(F_TIME) && !matches!(self.w(), "may" | "march" | "then" | "now" | "time")
    }
    /// A past-tense verb by its form: `-ed`, or an irregular past from the lexicon.
    pub(super) fn looks_past_tense(&self) -> bool {
        self.is_word() && (self.low.ends_with("ed") || self.wf(F_IRREGULAR_PAST))
    }
    /// A US party and state label: `R-Ky.`, `D-N.Y.`, `I-Vt`.
    pub(super) fn looks_party_label(&self) -> bool {
        let w = self.low;
        w.len() <= 9
            && matches!(w.get(..2), Some("r-" | "d-" | "i-"))
            && w.len() > 2
            && w[2..].bytes().all(|c| c.is_ascii_alphabetic() || c == b'.')
    }
    /// An adverb by its form (`cynically`, `generally`, `quietly`, `successfully`), for the
    /// words between a subject and its verb. Name-like endings are left out: `-lly` other than
    /// `-ally` and `-fully` (`Kelly`), `-ley` (`Bradley`), `-erly` (`Kimberly`) and short `-ily`
    /// (`Emily`); a capitalised word in cased text is never one.
    pub(super) fn looks_ly_adverb(&self, cased: bool) -> bool {
        let w = self.w();
        if w.len() < 5 || !w.ends_with("ly") || (cased && self.cap) {
            return false;
        }
        let name_like_ending =
            (w.ends_with("lly") && !w.ends_with("ally") && !w.ends_with("fully"))
                || w.ends_with("ley")
                || w.ends_with("erly")
                || (w.ends_with("ily") && w.len() < 7);
        !name_like_ending && w.len() >= 6
    }
    /// A past tense that is not also a name: `-ed` in six letters or more (not `Mohammed`,
    /// `Alfred` or `Reed`), or an irregular past other than `rose`, `read`, `won`...
    pub(super) fn clearly_past_tense(&self) -> bool {
        let w = self.w();
        let name_ending = ["mmed", "hmed", "amed", "eed", "fred", "ried"];
        let regular = w.len() >= 6
            && w.ends_with("ed")
            && !name_ending.iter().any(|ending| w.ends_with(ending));
        let irregular = self.wf(F_IRREGULAR_PAST)
            && !matches!(
                w,
                "rose" | "read" | "won" | "hung" | "put" | "hit" | "led" | "quit" | "felt"
            );
        regular || irregular
    }
    /// `lex.<set>.contains(self.base())`.
    pub(super) fn bf(&self, f: u32) -> bool {
        self.base_flags & f != 0
    }
}

pub(super) fn base_of(l: &str) -> &str {
    let l = l.strip_suffix("'s").unwrap_or(l);
    let l = l.strip_suffix('\'').unwrap_or(l);
    l.strip_suffix('.').unwrap_or(l)
}

/// A token that can be part of a person's name; `cased`: the document is normally cased.
pub(super) fn name_like_tok(t: &Tok, cased: bool) -> bool {
    // Lower case: `mr. schultz generally said`, `mrs. clinton enjoyed support`.
    let lower_case_verbish = !cased && (t.looks_ly_adverb(cased) || t.clearly_past_tense());
    !lower_case_verbish && name_shaped_tok(t, cased)
}

/// A token shaped like a part of a name, setting aside (in lower case) that it may read as an
/// adverb or a past tense (`husted`, `early`).
pub(super) fn name_shaped_tok(t: &Tok, cased: bool) -> bool {
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
    // Never a contraction (`didn't`, `he'll`).
    if is_contraction(t.low) {
        return false;
    }
    let b = t.base();
    let Some(c0) = b.chars().next() else {
        return false;
    };
    c0.is_alphabetic() && !b.bytes().any(|c| c.is_ascii_digit())
}

/// `didn't`, `she'll`, `we're`, `they've`, `i'd`, `i'm`.
fn is_contraction(low: &str) -> bool {
    low.contains("n't")
        || ["'ll", "'re", "'ve", "'d", "'m"]
            .iter()
            .any(|ending| low.ends_with(ending))
}

pub(super) fn lower_cow(s: &str) -> Cow<'_, str> {
    if s.chars().any(|c| c.is_uppercase() || c == '’' || c == '‘') {
        Cow::Owned(s.to_lowercase().replace(['’', '‘'], "'"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Where a token's lower-cased form is: `text[a..b]` (the word is already lower case) or
/// `arena[a..b]`.
#[derive(Clone, Copy)]
pub(super) enum LowAt {
    Text(usize, usize),
    Arena(usize, usize),
}

/// [`lower_cow`] of `text[s..e]` without an allocation per word: a lower-case word stays in
/// the text; others are lower-cased onto the end of `arena`.
pub(super) fn lower_into(text: &str, s: usize, e: usize, arena: &mut String) -> LowAt {
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

pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// [`char_at`] with its UTF-8 length; ASCII bytes (always char boundaries) without decoding.
pub(super) fn char_len_at(text: &str, i: usize) -> Option<(char, usize)> {
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
pub(super) fn tokenize(
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
            let (j, plain, upper) = word_end(text, i, pe, c, cl, lex);
            let (at, info, bl, fb) = word_forms(text, i, j, plain, upper, lex, arena);
            lows.push(at);
            out.push(Tok {
                start: i,
                end: j,
                kind: Kind::Word,
                low: "",
                base_len: bl,
                cap: c.is_uppercase(),
                name_like: false,
                word_flags: info.flags,
                base_flags: fb,
                verb: info.verb,
                pron: info.pron,
                phrasal: info.phrasal,
            });
            i = j;
            continue;
        }
        let (kind, len) = mark_or_punct(text, i, ps, pe, c, cl);
        lows.push(LowAt::Text(i, i));
        out.push(Tok {
            start: i,
            end: i + len,
            kind,
            low: "",
            base_len: 0,
            cap: false,
            name_like: false,
            word_flags: 0,
            base_flags: 0,
            verb: None,
            pron: None,
            phrasal: false,
        });
        i += len;
    }
    out
}

/// A symbol or control character that UTF-8 read as Latin-1 or Windows-1252 leaves inside a
/// word (`FranÃ\u{83}Â§ois`, `donâ€™t`): it follows a lead letter (`Ã`, `Â`, `â`) or another
/// such character, and keeps the word whole.
fn mojibake_trail(text: &str, j: usize, d: char) -> bool {
    let trail = |c: char| {
        matches!(c as u32, 0x80..=0x9F | 0xA1..=0xBF) && !matches!(c, '«' | '»')
            || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c)
    };
    trail(d)
        && char_before(text, j).is_some_and(|p| {
            matches!(p, 'Ã' | 'Â' | 'â' | 'Å' | 'Ä') || is_combining_mark(p) || trail(p)
        })
}

/// A combining accent (`e` + U+0301 is `é` in decomposed text): part of the word it follows.
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The end of the word starting at `i` with `c` (`cl` bytes): letters and digits, joined by
/// `'`, `-`, `.`, `&`, digit-group commas and slashes between digits, plus an abbreviation's period (`mr.`, `u.s.`).
/// Also whether it is plain ASCII letters and digits, and whether it has an ASCII capital.
fn word_end(
    text: &str,
    i: usize,
    pe: usize,
    c: char,
    cl: usize,
    lex: &Lexicon,
) -> (usize, bool, bool) {
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
        if d.is_alphanumeric() || is_combining_mark(d) || mojibake_trail(text, j, d) {
            j += dl;
            continue;
        }
        let joiner = matches!(d, '\'' | '’' | '-' | '.' | ',' | '&' | '/');
        if !joiner {
            break;
        }
        let k = j + dl;
        if k >= pe {
            break;
        }
        let Some(n) = char_at(text, k) else { break };
        let ok = match d {
            // `4,500`, `9/11`, `24/7`.
            ',' | '/' => {
                n.is_ascii_digit() && char_before(text, j).is_some_and(|p| p.is_ascii_digit())
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
            && w.split('.')
                .all(|seg| seg.chars().count() <= 2 && seg.chars().all(char::is_alphabetic));
        if single || dotted || is_abbrev(lex, w) {
            j += 1;
            plain = false;
        }
    }
    (j, plain, upper)
}

/// Where the lower-cased form of the word `text[i..j]` is, its lexicon entry, the length of
/// its base (without `'s` or a period) and the flags of that base.
fn word_forms(
    text: &str,
    i: usize,
    j: usize,
    plain: bool,
    upper: bool,
    lex: &Lexicon,
    arena: &mut String,
) -> (LowAt, WordInfo, usize, u32) {
    if plain {
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
        (at, info, low.len(), info.flags)
    } else {
        let at = lower_into(text, i, j, arena);
        let low = match at {
            LowAt::Text(a, b) => &text[a..b],
            LowAt::Arena(a, b) => &arena[a..b],
        };
        let info = lex.info(low);
        let b = base_of(low);
        let mut fb = if b.len() == low.len() {
            info.flags
        } else {
            lex.info(b).flags
        };
        if b.contains('-') && b.split('-').any(|x| lex.roles.contains(x)) {
            fb |= F_ROLE_HYPHEN;
        }
        (at, info, b.len(), fb)
    }
}

/// A quotation mark (its kind: opening, closing or either, from the spaces around a `"`) or
/// another punctuation character, with its length in bytes.
fn mark_or_punct(text: &str, i: usize, ps: usize, pe: usize, c: char, cl: usize) -> (Kind, usize) {
    match c {
        '"' => {
            let before = char_before(text, i);
            let after = char_at(text, i + 1);
            let space_before = before.is_none_or(|b| {
                b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–' | '―' | '-' | ':' | '{')
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
        // A closing mark typed as an opener: at a paragraph start (`” … what I learned`), or
        // after a space and straight before a word (`”Mr. Trump embodies ...”`).
        '”' if i == ps
            || char_before(text, i).is_none_or(char::is_whitespace)
                && char_at(text, i + cl).is_some_and(char::is_alphanumeric) =>
        {
            (Kind::Dq(Mark::Open), cl)
        }
        '”' | '»' => (Kind::Dq(Mark::Close), cl),
        '`' if char_at(text, i + 1) == Some('`') => (Kind::Dq(Mark::Open), 2),
        '\'' if char_at(text, i + 1) == Some('\'') => (Kind::Dq(Mark::Either), 2),
        '\'' | '‘' | '’' => (Kind::Sq, cl),
        _ => (Kind::Punct(c), cl),
    }
}

pub(super) trait QidGuard {
    fn qid_guard(&self) -> bool;
}

impl QidGuard for Tok<'_> {
    /// Quote marks are never attribution words.
    fn qid_guard(&self) -> bool {
        self.is_dq()
    }
}

/// `lex.abbrev` holds the lower-cased `w` (short ASCII words lower-cased on the stack).
pub(super) fn is_abbrev(lex: &Lexicon, w: &str) -> bool {
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
pub(super) fn push_lower(buf: &mut String, w: &str) {
    if w.is_ascii() {
        let start = buf.len();
        buf.push_str(w);
        buf[start..].make_ascii_lowercase();
    } else {
        buf.push_str(&lower_cow(w));
    }
}
