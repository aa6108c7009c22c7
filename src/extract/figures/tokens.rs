//! Stage 1, tokens: the lowercased text cut into words, numbers (with their value, separators
//! and decimals read once) and single symbols, with the whitespace and line breaks before each.
//!
//! Input: the ASCII-lowercased text. Output: `Vec<Tok>` with byte offsets into it.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum K {
    /// A run of letters.
    W,
    /// A numeric literal (digits with separators / one decimal part).
    N,
    /// Any other single character.
    S,
}

pub(super) const F_SEP: u8 = 1;

pub(super) const F_DEC: u8 = 2;

pub(super) const F_BAD: u8 = 4;

pub(super) const F_LONG: u8 = 8;

/// A vulgar fraction character (`½`, `¾`), read as its value.
pub(super) const F_VULGAR: u8 = 16;

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: K,
    /// Whitespace (or the start of the text) before the token.
    pub(super) space_before: bool,
    /// A line break (or the start of the text) before the token.
    pub(super) line_start: bool,
    /// Numeric value (numbers only).
    pub(super) value: f64,
    pub(super) flags: u8,
    /// Digits in the integer part (numbers only).
    pub(super) int_digits: u16,
}

pub(super) fn tokenize(l: &str) -> Vec<Tok> {
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
            start,
            end: start,
            kind: K::S,
            space_before: sp,
            line_start: nl,
            value: 0.0,
            flags: 0,
            int_digits: 0,
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
                tok.kind = K::W;
            } else if let Some(value) = vulgar_fraction(ch) {
                i += len;
                tok.kind = K::N;
                tok.value = value;
                tok.flags = F_DEC | F_VULGAR;
            } else {
                i += len;
            }
        } else if c.is_ascii_digit() {
            i = scan_number(b, i, &mut tok, &mut buf);
            tok.kind = K::N;
        } else if c.is_ascii_alphabetic() {
            i = word_end(l, i);
            tok.kind = K::W;
        } else {
            i += 1;
        }
        tok.end = i;
        out.push(tok);
        sp = false;
        nl = false;
    }
    out
}

/// The value of a vulgar fraction character (`½` → 0.5).
fn vulgar_fraction(ch: char) -> Option<f64> {
    let (numerator, denominator) = match ch {
        '½' => (1, 2),
        '⅓' => (1, 3),
        '⅔' => (2, 3),
        '¼' => (1, 4),
        '¾' => (3, 4),
        '⅕' => (1, 5),
        '⅖' => (2, 5),
        '⅗' => (3, 5),
        '⅘' => (4, 5),
        '⅙' => (1, 6),
        '⅚' => (5, 6),
        '⅐' => (1, 7),
        '⅛' => (1, 8),
        '⅜' => (3, 8),
        '⅝' => (5, 8),
        '⅞' => (7, 8),
        '⅑' => (1, 9),
        '⅒' => (1, 10),
        _ => return None,
    };
    Some(f64::from(numerator) / f64::from(denominator))
}

pub(super) fn word_end(l: &str, mut i: usize) -> usize {
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

pub(super) fn digits_at(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    j - i
}

/// Length in bytes of a thin / no-break space at `i` (0 if none).
pub(super) fn thin_space_at(b: &[u8], i: usize) -> usize {
    if i + 1 < b.len() && b[i] == 0xC2 && b[i + 1] == 0xA0 {
        return 2;
    }
    if i + 2 < b.len() && b[i] == 0xE2 && b[i + 1] == 0x80 && (b[i + 2] == 0x89 || b[i + 2] == 0xAF)
    {
        return 3;
    }
    0
}

pub(super) fn scan_number(b: &[u8], start: usize, tok: &mut Tok, buf: &mut String) -> usize {
    buf.clear();
    let first = digits_at(b, start);
    let mut j = start + first;
    for &d in &b[start..j] {
        buf.push(d as char);
    }
    let mut idig = first;
    let mut flags = 0u8;
    if first <= 2 {
        read_indian_groups(b, &mut j, &mut idig, &mut flags, buf);
    }
    if first <= 3 {
        read_thousands_groups(b, &mut j, &mut idig, &mut flags, buf);
    }
    // a mistyped group (`$1,8923`) has no value one could trust: the whole token is bad
    if j < b.len() && b[j] == b',' && digits_at(b, j + 1) >= 4 {
        j += 1 + digits_at(b, j + 1);
        flags |= F_BAD;
    }
    read_decimals(b, start, first, &mut j, &mut flags, buf);
    read_exponent(b, &mut j, &mut flags, buf);
    if idig > 15 {
        flags |= F_LONG;
    }
    let v = parse_number(buf);
    if !v.is_finite() {
        flags |= F_BAD;
    }
    tok.value = v;
    tok.flags = flags;
    tok.int_digits = idig.min(u16::MAX as usize) as u16;
    j
}

/// Reads the lakh and crore groups of Indian digit grouping (`12,34,567`): pairs of digits,
/// then the thousands group (which [`read_thousands_groups`] reads).
fn read_indian_groups(b: &[u8], j: &mut usize, idig: &mut usize, flags: &mut u8, buf: &mut String) {
    let mut k = *j;
    while b.get(k) == Some(&b',') && digits_at(b, k + 1) == 2 && b.get(k + 3) == Some(&b',') {
        k += 3;
    }
    if k == *j || digits_at(b, k + 1) != 3 {
        return;
    }
    for &d in b[*j..k].iter().filter(|d| d.is_ascii_digit()) {
        buf.push(d as char);
        *idig += 1;
    }
    *j = k;
    *flags |= F_SEP;
}

/// Reads thousands groups after the leading digits (`1,234,567`, `1 234 567`, thin spaces),
/// counting their digits in `idig` and marking `F_SEP`.
fn read_thousands_groups(
    b: &[u8],
    j: &mut usize,
    idig: &mut usize,
    flags: &mut u8,
    buf: &mut String,
) {
    let mut comma_used = false;
    let mut space_used = false;
    loop {
        if *j < b.len() && b[*j] == b',' && !space_used && digits_at(b, *j + 1) == 3 {
            comma_used = true;
            for &d in &b[*j + 1..*j + 4] {
                buf.push(d as char);
            }
            *j += 4;
            *idig += 3;
            *flags |= F_SEP;
            continue;
        }
        let ts = thin_space_at(b, *j);
        if !comma_used && ts > 0 && digits_at(b, *j + ts) == 3 {
            space_used = true;
            for &d in &b[*j + ts..*j + ts + 3] {
                buf.push(d as char);
            }
            *j += ts + 3;
            *idig += 3;
            *flags |= F_SEP;
            continue;
        }
        if !comma_used
            && *j < b.len()
            && b[*j] == b' '
            && digits_at(b, *j + 1) == 3
            && !(*j + 4 < b.len() && (b[*j + 4] == b'/' || b[*j + 4] == b':'))
            && !(*j + 5 < b.len()
                && (b[*j + 4] == b'.' || b[*j + 4] == b',')
                && b[*j + 5].is_ascii_digit())
        {
            space_used = true;
            for &d in &b[*j + 1..*j + 4] {
                buf.push(d as char);
            }
            *j += 4;
            *idig += 3;
            *flags |= F_SEP;
            continue;
        }
        break;
    }
}

/// Reads a decimal point or decimal comma (`1,5 %`) and its digits, marking `F_DEC`; dotted
/// dates and versions (`28.07.2021`, `1.2.3`) are marked `F_BAD`.
fn read_decimals(
    b: &[u8],
    start: usize,
    first: usize,
    j: &mut usize,
    flags: &mut u8,
    buf: &mut String,
) {
    let jv = *j;
    // wire tables tokenized with spaces around the point (`up 0 . 95 ; 1 . 8500 marks`): a
    // sentence never starts with digits, so a spaced point between digits is a decimal point
    if b.get(jv..jv + 3) == Some(b" . ") && b.get(jv + 3).is_some_and(u8::is_ascii_digit) {
        *j = push_decimal_digits(b, jv + 3, buf);
        *flags |= F_DEC;
        return;
    }
    if jv + 1 < b.len() && b[jv] == b'.' && b[jv + 1].is_ascii_digit() {
        *j = push_decimal_digits(b, jv + 1, buf);
        *flags |= F_DEC;
        // dotted dates / versions / addresses: 28.07.2021, 1.2.3
        while *j + 1 < b.len() && b[*j] == b'.' && b[*j + 1].is_ascii_digit() {
            *flags |= F_BAD;
            *j += 1 + digits_at(b, *j + 1);
        }
    } else if *flags & F_SEP == 0
        && jv + 1 < b.len()
        && b[jv] == b','
        && (1..=2).contains(&digits_at(b, jv + 1))
        && !(jv + 1 + digits_at(b, jv + 1) < b.len()
            && matches!(b[jv + 1 + digits_at(b, jv + 1)], b',' | b'.' | b'/' | b'-'))
        && !(jv >= 1 && start >= 1 && b[start - 1] == b',')
        && (jv + 1 + digits_at(b, jv + 1) >= b.len() || b[jv + 1 + digits_at(b, jv + 1)] == b' ')
        && first <= 3
    {
        // decimal comma (`1,5 %`)
        *j = push_decimal_digits(b, jv + 1, buf);
        *flags |= F_DEC;
    }
}

/// Appends a decimal point and the digits from `from` to `buf`; returns the byte after them.
fn push_decimal_digits(b: &[u8], from: usize, buf: &mut String) -> usize {
    let end = from + digits_at(b, from);
    buf.push('.');
    buf.extend(b[from..end].iter().map(|&x| x as char));
    end
}

/// Reads scientific notation: 4e14, 1.5e-3 (not followed by more letters), marking `F_DEC`.
fn read_exponent(b: &[u8], j: &mut usize, flags: &mut u8, buf: &mut String) {
    let jv = *j;
    if jv + 1 < b.len() && b[jv] == b'e' {
        let (sign, k) = match b.get(jv + 1) {
            Some(b'-') | Some(b'+') => (1, jv + 2),
            _ => (0, jv + 1),
        };
        let d = digits_at(b, k);
        let after = k + d;
        if (1..=3).contains(&d)
            && !(after < b.len() && (b[after].is_ascii_alphabetic() || b[after] >= 0x80))
        {
            buf.push('e');
            for &x in &b[jv + 1..after] {
                buf.push(x as char);
            }
            let _ = sign;
            *j = after;
            *flags |= F_DEC;
        }
    }
}

/// `buf.parse::<f64>()` (NaN if invalid), with a fast path for the usual shapes.
///
/// Digits with at most one decimal point and at most 15 significant digits: the digits form an
/// integer `m < 10^15 < 2^53` and the power of ten `10^k` (k ≤ 15) are both exact doubles, so
/// the correctly rounded quotient `m / 10^k` is exactly the correctly rounded value the
/// general parser returns (the classic exact fast path). Anything else (exponents, long
/// numbers) goes to the general parser.
pub(super) fn parse_number(buf: &str) -> f64 {
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
