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
pub mod quotes;
pub mod quotes_eval;
mod types;

pub use types::{Bound, Extraction, Family, Figure, Quote, QuoteKind};

/// Extracts figures and quotes from a whole text (title and header lines included: neither
/// yields false figures, dates are never figures).
pub fn extract(text: &str) -> Extraction {
    Extraction {
        figures: figures::extract_figures(text),
        quotes: quotes::extract_quotes(text),
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
}
