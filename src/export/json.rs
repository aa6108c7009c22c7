//! The JSON shape of an extraction, as printed by `newslens extract`.
//!
//! Offsets here are **character** offsets (Unicode scalar values) into the text exactly as
//! given, as scripting languages index strings.

use serde::Serialize;

use crate::corpus::Article;
use crate::extract::{Bound, Extraction, Family, QuoteKind, SpeakerKind, char_offset};

/// One article's extraction, ready to serialise.
#[derive(Debug, Serialize)]
pub struct ArticleJson<'a> {
    pub path: Option<String>,
    pub title: &'a str,
    pub source: Option<&'a str>,
    pub published: Option<String>,
    pub encoding: &'a str,
    pub figures: Vec<FigureJson<'a>>,
    pub quotes: Vec<QuoteJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct FigureJson<'a> {
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: &'a str,
    pub family: Family,
    pub qualifier: &'a str,
    pub bound: Bound,
    pub approximate: bool,
    pub measure: &'a str,
    pub label: &'a str,
    /// Whose figure it is (`China`), empty when the sentence names no one.
    pub subject: &'a str,
    /// Drawn on the charts: false for bare numbers and bare ordinals (`extract --all-numbers`).
    pub chartable: bool,
    pub surface: &'a str,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Serialize)]
pub struct QuoteJson<'a> {
    pub speaker: &'a str,
    pub speaker_mention: &'a str,
    pub speaker_resolved: bool,
    /// `person`, `organisation` or `unknown`.
    pub speaker_kind: SpeakerKind,
    pub role: &'a str,
    pub cue: &'a str,
    pub kind: QuoteKind,
    pub quote: &'a str,
    pub start: usize,
    pub end: usize,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    pub confidence: f32,
}

/// Figures and quotes of `extraction` over `text`, with character offsets.
pub fn extraction_json<'a>(
    text: &'a str,
    extraction: &'a Extraction,
) -> (Vec<FigureJson<'a>>, Vec<QuoteJson<'a>>) {
    let ch = |b: usize| char_offset(text, b);
    let figures = extraction
        .figures
        .iter()
        .map(|f| FigureJson {
            value: f.value,
            low: f.low(),
            high: f.high(),
            unit: &f.unit,
            family: f.family,
            qualifier: &f.qualifier,
            bound: f.bound,
            approximate: f.approximate,
            measure: &f.measure,
            label: &f.label,
            subject: &f.subject,
            chartable: super::chart::chart_family(f).is_some(),
            surface: f.surface(text),
            start: ch(f.span().start),
            end: ch(f.span().end),
        })
        .collect();
    let quotes = extraction
        .quotes
        .iter()
        .map(|q| QuoteJson {
            speaker: &q.speaker,
            speaker_mention: &q.speaker_mention,
            speaker_resolved: q.speaker_resolved,
            speaker_kind: q.speaker_kind,
            role: &q.role,
            cue: &q.cue,
            kind: q.kind,
            quote: q.text(text),
            start: ch(q.span().start),
            end: ch(q.span().end),
            speaker_start: q.speaker_range().map(|r| ch(r.start)),
            speaker_end: q.speaker_range().map(|r| ch(r.end)),
            confidence: q.confidence,
        })
        .collect();
    (figures, quotes)
}

/// The JSON object of one article.
pub fn article_json(article: &Article, with_path: bool) -> ArticleJson<'_> {
    let (figures, quotes) = extraction_json(&article.text, &article.extraction);
    ArticleJson {
        path: with_path.then(|| article.display_path()),
        title: &article.title,
        source: article.source.as_deref(),
        published: article.published.map(|d| d.format("%Y-%m-%d").to_string()),
        encoding: article.encoding.as_str(),
        figures,
        quotes,
    }
}
