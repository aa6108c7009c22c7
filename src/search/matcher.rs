//! Stage 2 of a search: where a parsed [`Query`] occurs in one article.
//!
//! Input: an article, a query and a [`Scope`]. Output: the byte spans of the hits, or `None`
//! when the article does not match. The stretches searched are the title and the body
//! paragraphs (never the `source: …| published: …` line), the quotes, or the sentences that
//! hold a figure. Phrases never run from one stretch into the next.

use std::ops::Range;

use super::query::{Query, Term, words};
use crate::corpus::Article;

/// Which text of an article a search looks in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The title and the body.
    #[default]
    Text,
    /// What is quoted (direct and reported speech).
    Quotes,
    /// The sentences that hold a figure.
    Figures,
}

impl Scope {
    pub const ALL: [Scope; 3] = [Scope::Text, Scope::Quotes, Scope::Figures];

    pub fn label(self) -> &'static str {
        match self {
            Scope::Text => "full text",
            Scope::Quotes => "quotes",
            Scope::Figures => "figure sentences",
        }
    }
}

/// The byte spans searched in `article` for `scope`, in text order, without overlaps.
pub fn stretches(article: &Article, scope: Scope) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = match scope {
        Scope::Text => {
            std::iter::once(article.title_span.start as usize..article.title_span.end as usize)
                .chain(article.paragraphs())
                .collect()
        }
        Scope::Quotes => article.extraction.quotes.iter().map(|q| q.span()).collect(),
        Scope::Figures => article
            .extraction
            .figures
            .iter()
            .map(|f| article.sentence_around(f.start as usize, f.end as usize))
            .collect(),
    };
    spans.retain(|s| s.start < s.end);
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start < last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}

/// A word of a stretch: its byte span in the article text and the stretch it belongs to.
struct Word<'t> {
    start: usize,
    text: &'t str,
    stretch: usize,
}

/// The hits of `query` in `article` (byte spans into its text, sorted, not overlapping), or
/// `None` when the article does not match.
pub fn find_in_article(
    article: &Article,
    query: &Query,
    scope: Scope,
) -> Option<Vec<Range<usize>>> {
    let text: &str = &article.text;
    let stretches = stretches(article, scope);
    let mut article_words: Vec<Word> = Vec::new();
    let needs_words = query.terms.iter().any(|t| matches!(t, Term::Words { .. }));
    if needs_words {
        for (stretch, span) in stretches.iter().enumerate() {
            article_words.extend(words(&text[span.clone()]).map(|(at, w)| Word {
                start: span.start + at,
                text: w,
                stretch,
            }));
        }
    }
    let hits_per_term: Vec<Vec<Range<usize>>> = query
        .terms
        .iter()
        .map(|term| match term {
            Term::Words { words, prefix } => {
                phrase_hits(&article_words, words, *prefix, query.options.case_sensitive)
            }
            Term::Pattern(regex) => stretches
                .iter()
                .flat_map(|span| {
                    regex
                        .find_iter(&text[span.clone()])
                        .filter(|m| !m.is_empty())
                        .map(move |m| span.start + m.start()..span.start + m.end())
                })
                .collect(),
        })
        .collect();
    let present: Vec<bool> = hits_per_term.iter().map(|h| !h.is_empty()).collect();
    if !query.root.matches(&present) {
        return None;
    }
    let mut hits: Vec<Range<usize>> = query
        .sought
        .iter()
        .flat_map(|&i| hits_per_term[i].iter().cloned())
        .collect();
    Some(without_overlaps(&mut hits))
}

/// Sorts `hits` and drops each one that overlaps an earlier (or longer, same-start) one.
pub fn without_overlaps(hits: &mut [Range<usize>]) -> Vec<Range<usize>> {
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut kept: Vec<Range<usize>> = Vec::with_capacity(hits.len());
    for h in hits.iter() {
        if kept.last().is_none_or(|last| h.start >= last.end) {
            kept.push(h.clone());
        }
    }
    kept
}

/// Where the phrase `wanted` starts in `words` (consecutive words of one stretch).
fn phrase_hits(
    words: &[Word],
    wanted: &[String],
    prefix: bool,
    case_sensitive: bool,
) -> Vec<Range<usize>> {
    let n = wanted.len();
    if n == 0 || words.len() < n {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for first in 0..=words.len() - n {
        let run = &words[first..first + n];
        let same_stretch = run[n - 1].stretch == run[0].stretch;
        let all_match = run
            .iter()
            .zip(wanted)
            .enumerate()
            .all(|(k, (w, q))| word_matches(w.text, q, prefix && k == n - 1, case_sensitive));
        if same_stretch && all_match {
            let last = &run[n - 1];
            hits.push(run[0].start..last.start + last.text.len());
        }
    }
    hits
}

/// Whether the text word `word` is the query word `wanted` (already lowercased unless the
/// search is case-sensitive), or starts with it when `prefix`.
pub fn word_matches(word: &str, wanted: &str, prefix: bool, case_sensitive: bool) -> bool {
    if case_sensitive {
        return if prefix {
            word.starts_with(wanted)
        } else {
            word == wanted
        };
    }
    if word.is_ascii() {
        let (w, q) = (word.as_bytes(), wanted.as_bytes());
        return if prefix {
            w.len() >= q.len() && w[..q.len()].eq_ignore_ascii_case(q)
        } else {
            w.eq_ignore_ascii_case(q)
        };
    }
    let lower = word.to_lowercase();
    if prefix {
        lower.starts_with(wanted)
    } else {
        lower == wanted
    }
}
