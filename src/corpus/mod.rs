//! The corpus: articles, their parsing, decoding and loading from folders.
//!
//! Start with [`Article`] (one parsed and extracted article) and [`load::load_paths`] /
//! [`load::spawn_load`] (reading folders). The bundled seeds are in [`seeds`].

pub mod collection;
pub mod dedup;
pub mod formats;
pub mod load;
pub mod parse;
pub mod speakers;
pub mod synth;

use std::borrow::Cow;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::extract::{self, Extraction, Sym};
pub use collection::{Corpus, CorpusCounts, Root};
pub use dedup::{DupStatus, Fingerprint};
pub use formats::Format;
pub use parse::ParseError;

/// Where an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Bundled in the binary (`seeds/`).
    Embedded,
    /// Read from the user's disk.
    File,
}

/// One article: its text, structure and everything extracted from it.
#[derive(Debug, Clone)]
pub struct Article {
    /// File path (for embedded seeds, `seeds/NAME`).
    pub path: PathBuf,
    /// Position of the article in a file holding several (JSON array index, JSON Lines line).
    pub item: Option<u32>,
    pub origin: Origin,
    pub format: Format,
    /// The decoding used: `UTF-8`, `UTF-16LE`, `windows-1252`...
    pub encoding: Sym,
    /// The decoded text, exactly as in the file apart from a removed BOM. All spans index it.
    pub text: Box<str>,
    pub title: Box<str>,
    pub source: Option<Sym>,
    pub published: Option<NaiveDate>,
    /// Byte spans of the title line and of the `source: ...| published: ...` line (`u32`:
    /// files over 4 GiB are never read).
    pub title_span: Range<u32>,
    pub header_span: Option<Range<u32>>,
    /// The body paragraphs' byte spans (`u32`: half the room; see [`Article::paragraphs`]).
    pub paragraph_spans: Box<[(u32, u32)]>,
    pub extraction: Extraction,
    /// Identifies the story, to recognise copies (see [`dedup`]).
    pub fingerprint: Fingerprint,
}

/// Keeps the items for which `keep` holds (the slice is rebuilt only when one goes).
fn retain_boxed<T>(items: &mut Box<[T]>, keep: impl Fn(&T) -> bool) {
    if !items.iter().all(&keep) {
        let mut kept = std::mem::take(items).into_vec();
        kept.retain(keep);
        *items = kept.into();
    }
}

/// Whether `now` begins with exactly the articles of `earlier`: the same `Arc`s, in the same
/// order. So a list taken from the corpus at some point, if the corpus has only grown since.
pub fn starts_with_same_articles(now: &[Arc<Article>], earlier: &[Arc<Article>]) -> bool {
    now.len() >= earlier.len() && earlier.iter().zip(now).all(|(a, b)| Arc::ptr_eq(a, b))
}

/// A byte span as `u32`s (empty past 4 GiB, which is never read).
fn span32(r: Range<usize>) -> Range<u32> {
    match (u32::try_from(r.start), u32::try_from(r.end)) {
        (Ok(s), Ok(e)) => s..e,
        _ => 0..0,
    }
}

impl Article {
    /// Parses `text` and extracts its figures and quotes.
    pub fn from_text(
        path: PathBuf,
        origin: Origin,
        text: String,
        encoding: &str,
    ) -> Result<Self, ParseError> {
        let parsed = parse::parse_article(&text)?;
        let mut extraction = extract::extract(&text);
        // The header is metadata: nothing in it is a figure or a quote.
        if let Some(h) = &parsed.header_span {
            let outside = |s: Range<usize>| s.end <= h.start || s.start >= h.end;
            retain_boxed(&mut extraction.figures, |f| outside(f.span()));
            retain_boxed(&mut extraction.quotes, |q| outside(q.span()));
        }
        let body_start = parsed
            .header_span
            .as_ref()
            .map_or(parsed.title_span.end, |h| h.end);
        let fingerprint = dedup::fingerprint(&parsed.title, &text[body_start..]);
        Ok(Self {
            fingerprint,
            path,
            item: None,
            origin,
            format: Format::Text,
            encoding: Sym::new(encoding),
            title: parsed.title.into(),
            source: parsed.source.as_deref().map(Sym::new),
            published: parsed.published,
            title_span: span32(parsed.title_span),
            header_span: parsed.header_span.map(span32),
            // Files over 4 GiB are never read (see `MAX_FILE_BYTES`).
            paragraph_spans: parsed
                .paragraphs
                .iter()
                .filter_map(|p| Some((u32::try_from(p.start).ok()?, u32::try_from(p.end).ok()?)))
                .collect(),
            extraction,
            text: text.into(),
        })
    }

    /// Sets how the article was stored (format, and position in a multi-article file).
    pub fn with_format(mut self, format: Format, item: Option<usize>) -> Self {
        self.format = format;
        // Past 4 billion items in one file (never: files are at most `MAX_FILE_BYTES`), none.
        self.item = item.and_then(|i| u32::try_from(i).ok());
        self
    }

    /// A key unique per article: the path, or `path/#N` for the N-th article of a file
    /// holding several (so everything under a deleted file is found by path prefix).
    pub fn key(&self) -> PathBuf {
        self.key_path().into_owned()
    }

    /// [`Article::key`], borrowed from the path when it is the path (no allocation).
    pub fn key_path(&self) -> Cow<'_, Path> {
        match self.item {
            Some(i) => Cow::Owned(self.path.join(format!("#{i}"))),
            None => Cow::Borrowed(&self.path),
        }
    }

    /// The path as shown to users, with the item number for multi-article files.
    pub fn display_path(&self) -> String {
        match self.item {
            Some(i) => format!("{} #{i}", self.path.display()),
            None => self.path.display().to_string(),
        }
    }

    /// The source name, or `unknown source`.
    pub fn source_label(&self) -> &str {
        self.source.as_deref().unwrap_or("unknown source")
    }

    /// The date as `YYYY-MM-DD`, or `undated`.
    pub fn date_label(&self) -> String {
        self.published.map_or_else(
            || "undated".to_string(),
            |d| d.format("%Y-%m-%d").to_string(),
        )
    }

    /// The body paragraphs, as byte spans of the text.
    pub fn paragraphs(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.paragraph_spans
            .iter()
            .map(|&(s, e)| s as usize..e as usize)
    }

    /// The sentence of the body (or title) containing the byte span `start..end`, trimmed.
    /// Sentences end at `.`, `!` or `?` followed by whitespace, and never cross paragraphs.
    pub fn sentence_around(&self, start: usize, end: usize) -> Range<usize> {
        let para = self.paragraph_around(start, end).unwrap_or(start..end);
        sentence_in(&self.text, para, start, end)
    }

    /// The body paragraph, or the title, that holds the byte span `start..end`.
    pub fn paragraph_around(&self, start: usize, end: usize) -> Option<Range<usize>> {
        self.paragraphs()
            .chain(std::iter::once(
                self.title_span.start as usize..self.title_span.end as usize,
            ))
            .find(|p| p.start <= start && end <= p.end)
    }
}

/// The sentence of `text[para]` that contains `start..end` (which may span several sentences).
pub fn sentence_in(text: &str, para: Range<usize>, start: usize, end: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let is_break = |i: usize| {
        matches!(bytes[i], b'.' | b'!' | b'?')
            // Followed by whitespace (so `300.5` is not a break), and not the paragraph's end.
            && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace())
            && i + 1 < para.end
    };
    let mut s = start.clamp(para.start, para.end);
    while s > para.start && !is_break(s - 1) {
        s -= 1;
    }
    let mut e = end.clamp(para.start, para.end);
    while e < para.end && !is_break(e) {
        e += 1;
    }
    if e < para.end {
        e += 1;
        // Keep a closing quote mark with its sentence.
        while e < para.end && matches!(bytes[e], b'"' | b'\'') {
            e += 1;
        }
    }
    while !text.is_char_boundary(s) {
        s += 1;
    }
    while !text.is_char_boundary(e) {
        e += 1;
    }
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    s + lead..e - trail
}

/// The articles bundled in the binary: every file of `seeds/`, embedded at compile time.
pub mod seeds {
    include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

    use super::{Article, Origin};

    /// Parses the embedded seeds. A seed that fails to parse is a build defect, reported in
    /// the second list like any other bad file.
    pub fn load() -> (Vec<Article>, Vec<(String, String)>) {
        let mut articles = Vec::new();
        let mut failed = Vec::new();
        for (name, text) in SEED_FILES {
            let path = std::path::PathBuf::from("seeds").join(name);
            match Article::from_text(path, Origin::Embedded, text.to_string(), "UTF-8") {
                Ok(a) => articles.push(a),
                Err(e) => failed.push((name.to_string(), e.to_string())),
            }
        }
        (articles, failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_are_embedded() {
        let (articles, failed) = seeds::load();
        assert!(failed.is_empty());
        assert!(!articles.is_empty());
        assert_eq!(articles[0].source.as_deref(), Some("cgtn"));
        assert_eq!(articles[0].origin, Origin::Embedded);
    }

    #[test]
    fn sentence_around_a_span() {
        let text = "T\n\nfirst one. second has 300 items here. third.\n\nnext para.";
        let a = Article::from_text("x".into(), Origin::File, text.into(), "UTF-8").unwrap();
        let at = text.find("300").unwrap();
        let s = a.sentence_around(at, at + 3);
        assert_eq!(&text[s], "second has 300 items here.");
        let at = text.find("next").unwrap();
        assert_eq!(&text[a.sentence_around(at, at + 4)], "next para.");
    }
}
