//! Extraction: the figures (numbers with units and the thing they measure) and the quotes
//! (who said what) of one news text.
//!
//! Everything here works on a plain `&str` and knows nothing about files, articles or the GUI.
//! Spans are **byte** offsets into the text exactly as given (always on `char` boundaries);
//! callers that need character offsets convert with [`char_offset`].
//! Lexicons (number words, units, speech verbs, role words...) are data files under
//! `assets/lexicon/`, embedded at compile time.

pub mod figures;
pub mod figures_eval;
mod lexicon;
pub mod quotes;
pub mod quotes_eval;
mod sym;
mod types;

pub use sym::Sym;
use types::offset32;
pub use types::{Bound, Extraction, Family, Figure, Quote, QuoteKind, SpeakerKind};

/// A small, fast, non-cryptographic hasher for the engines' lexicon look-ups (FxHash-style);
/// the inputs are our own word lists and article tokens, so hash flooding is not a concern.
/// (The standard SipHash was a third of the figures engine's time.)
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(Self::K);
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        // The tail byte by byte: more rounds mix short words better (one zero-padded round
        // was measurably slower, through more collisions).
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Hash-map builder for [`FxHasher`].
pub(crate) type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// A map from words to `V` for the engines' one-look-up-per-token tables. A word of at most 8
/// bytes without NUL bytes (that is, nearly every word) is keyed by its bytes packed into a
/// `u64`, so a look-up hashes and compares one integer instead of a string; longer words go
/// to an ordinary string map.
struct WordMap<V> {
    short: std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<PackedHasher>>,
    long: std::collections::HashMap<Box<str>, V, FxBuild>,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            short: Default::default(),
            long: Default::default(),
        }
    }
}

impl<V> WordMap<V> {
    /// The packed key of a short word: little-endian bytes, zero-padded (unambiguous because
    /// the word has no NUL byte).
    fn pack(w: &str) -> Option<u64> {
        let b = w.as_bytes();
        let n = b.len();
        // Fixed-size, possibly overlapping reads (no per-byte loop, no `memcpy` call): the
        // overlapping bytes are equal, so OR-ing them in place is exact.
        let k = match n {
            0 => 0,
            1..=3 => {
                u64::from(b[0])
                    | u64::from(b[n / 2]) << (8 * (n / 2))
                    | u64::from(b[n - 1]) << (8 * (n - 1))
            }
            4..=7 => {
                let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
                u64::from(lo) | u64::from(hi) << (8 * (n - 4))
            }
            8 => u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
            _ => return None,
        };
        // A NUL byte would make the zero padding ambiguous: fill the padding with 0xff and
        // test for a zero byte (the classic SWAR test).
        let x = if n < 8 { k | (u64::MAX << (8 * n)) } else { k };
        let has_zero = x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080 != 0;
        (!has_zero).then_some(k)
    }

    fn get(&self, w: &str) -> Option<&V> {
        match Self::pack(w) {
            Some(k) => self.short.get(&k),
            None => self.long.get(w),
        }
    }

    fn get_mut(&mut self, w: &str) -> Option<&mut V> {
        match Self::pack(w) {
            Some(k) => self.short.get_mut(&k),
            None => self.long.get_mut(w),
        }
    }

    /// The value of `w`, inserted as `V::default()` if absent.
    fn entry(&mut self, w: &str) -> &mut V
    where
        V: Default,
    {
        match Self::pack(w) {
            Some(k) => self.short.entry(k).or_default(),
            None => self.long.entry(w.into()).or_default(),
        }
    }
}

/// Hasher for [`WordMap`]'s packed keys: one 64×64→128-bit multiply, folded, so every
/// output bit depends on every byte of the word (the table indexes with the low bits).
#[derive(Default, Clone, Copy)]
struct PackedHasher(u64);

impl std::hash::Hasher for PackedHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Not used by `u64` keys; kept correct for completeness.
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, i: u64) {
        let p = u128::from(self.0 ^ i) * 0x9e37_79b9_7f4a_7c15_u128;
        self.0 = (p as u64) ^ ((p >> 64) as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Extracts figures and quotes from a whole text (title and header lines included: neither
/// yields false figures, dates are never figures).
pub fn extract(text: &str) -> Extraction {
    Extraction {
        figures: figures::extract_figures(text).into(),
        quotes: quotes::extract_quotes(text).into(),
    }
}

/// Converts a byte offset into `text` to a character (Unicode scalar value) offset.
/// Offsets past the end or inside a character are clamped to the previous boundary.
pub fn char_offset(text: &str, byte_offset: usize) -> usize {
    let mut b = byte_offset.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text[..b].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_scalar_values() {
        let t = "né 300";
        assert_eq!(char_offset(t, 0), 0);
        assert_eq!(char_offset(t, 3), 2);
        assert_eq!(char_offset(t, 2), 1); // inside 'é': clamped back
        assert_eq!(char_offset(t, 100), 6);
    }

    #[test]
    fn word_map_keys_short_long_and_odd_words() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "a\0",
            "a\0b",
            "\0",
            "é",
            "ñandú",
            "señor",
            "ΣΑΣ",
        ];
        let mut m: WordMap<usize> = WordMap::default();
        for (i, w) in words.iter().enumerate() {
            *m.entry(w) = i + 1;
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(m.get(w), Some(&(i + 1)), "{w:?}");
        }
        for w in [
            "b",
            "ba",
            "abd",
            "abcdefgi",
            "a\0\0",
            "abcdefghij",
            "e",
            "\0\0",
        ] {
            assert_eq!(m.get(w), None, "{w:?}");
        }
        if let Some(v) = m.get_mut("abcde") {
            *v = 100;
        }
        assert_eq!(m.get("abcde"), Some(&100));
        // Packed keys are the little-endian bytes, whatever the length.
        assert_eq!(WordMap::<()>::pack("abc"), Some(0x63_62_61));
        assert_eq!(
            WordMap::<()>::pack("abcdefg"),
            Some(u64::from_le_bytes(*b"abcdefg\0"))
        );
        assert_eq!(WordMap::<()>::pack("ab\0"), None);
    }
}
