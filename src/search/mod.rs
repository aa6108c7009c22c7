//! Search over a whole corpus: a query language (words, phrases, `AND`/`OR`/`-not`, prefixes,
//! regexes), filters by source, date and duplicates, and keyword-in-context (KWIC) lines.
//! No GUI code: the window and `newslens search` both show what this computes.
//!
//! The stages, each in its own file:
//! 1. [`query`]: the text typed, parsed into a [`Query`].
//! 2. [`matcher`]: the hits of a query in one article, in a [`Scope`].
//! 3. this file: every article of a corpus that passes the [`Filters`] (only those an
//!    [`index::SearchIndex`] says can match, when there is one), searched on all cores,
//!    cancellable, with hit counts per article and per source.
//! 4. [`kwic`]: a hit as a KWIC line (left context, hit, right context), sorting and CSV.

pub mod index;
pub mod kwic;
pub mod matcher;
pub mod query;

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;

use crate::corpus::Article;
use crate::corpus::dedup::DupStatus;
pub use matcher::{Scope, find_in_article};
pub use query::{Query, QueryError, QueryOptions};

/// Which articles a search or a panel considers.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Folders to keep (articles under any of them; empty: every folder).
    pub folders: Vec<std::path::PathBuf>,
    /// Keep articles quoting this speaker (the name as the quotes give it, without case).
    pub speaker: String,
    /// Keep articles with a figure whose measure or label contains this text (without case)
    /// and whose value is within `min_value..=max_value` (either end open when unset).
    pub measure: String,
    pub min_value: Option<f64>,
    pub max_value: Option<f64>,
    /// Sources to keep, compared without case (empty: every source).
    pub sources: Vec<String>,
    /// First and last published dates kept (inclusive). With either set, undated articles are
    /// left out.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Leave out exact and near copies of an earlier story.
    pub hide_duplicates: bool,
}

impl Filters {
    /// Whether `article`, with duplicate status `dup`, passes.
    pub fn admits(&self, article: &Article, dup: DupStatus) -> bool {
        if self.hide_duplicates && dup.original().is_some() {
            return false;
        }
        if !self.admits_source(article) || !self.admits_folder(article) {
            return false;
        }
        if !self.speaker.trim().is_empty() && !self.quotes_speaker(article) {
            return false;
        }
        if self.filters_figures() && !self.has_figure(article) {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(date) = article.published else {
                return false;
            };
            if self.from.is_some_and(|f| date < f) || self.to.is_some_and(|t| date > t) {
                return false;
            }
        }
        true
    }

    /// Whether the source filter keeps `article`.
    pub fn admits_source(&self, article: &Article) -> bool {
        let source = article.source_label();
        self.sources.is_empty() || self.sources.iter().any(|s| s.eq_ignore_ascii_case(source))
    }

    /// Whether the folder filter keeps `article`.
    pub fn admits_folder(&self, article: &Article) -> bool {
        self.folders.is_empty() || self.folders.iter().any(|f| article.path.starts_with(f))
    }

    fn quotes_speaker(&self, article: &Article) -> bool {
        let name = self.speaker.trim();
        article
            .extraction
            .quotes
            .iter()
            .any(|q| q.speaker.eq_ignore_ascii_case(name))
    }

    /// Whether a figure filter is set.
    pub fn filters_figures(&self) -> bool {
        !self.measure.trim().is_empty() || self.min_value.is_some() || self.max_value.is_some()
    }

    fn has_figure(&self, article: &Article) -> bool {
        let wanted = self.measure.trim().to_lowercase();
        article.extraction.figures.iter().any(|f| {
            let named = wanted.is_empty()
                || f.measure.to_lowercase().contains(&wanted)
                || f.label.to_lowercase().contains(&wanted);
            named
                && self.min_value.is_none_or(|m| f.value >= m)
                && self.max_value.is_none_or(|m| f.value <= m)
        })
    }

    /// Whether nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// The hits in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleHits {
    /// Index of the article in the list searched.
    pub article: usize,
    /// Byte spans into the article text, in order, not overlapping.
    pub hits: Vec<Range<usize>>,
}

/// Articles searched between two looks at the cancel flag.
const CANCEL_CHECK_EVERY: usize = 512;

/// Searches every article for which `admitted(i)` holds, on all cores: with an up-to-date
/// `index`, only those it says can match (and any added since it was built). Returns the
/// matching articles in list order, or `None` as soon as `cancel` is set (a newer query
/// replaced this one).
pub fn search(
    articles: &[Arc<Article>],
    index: Option<&index::SearchIndex>,
    admitted: &(dyn Fn(usize) -> bool + Sync),
    query: &Query,
    scope: Scope,
    cancel: &AtomicBool,
) -> Option<Vec<ArticleHits>> {
    let targets: Vec<usize> =
        match index.and_then(|ix| Some((ix.covers(articles)?, ix.candidates(query)?))) {
            Some((indexed, candidates)) => candidates
                .into_iter()
                .map(|a| a as usize)
                .chain(indexed..articles.len())
                .filter(|&i| admitted(i))
                .collect(),
            None => (0..articles.len()).filter(|&i| admitted(i)).collect(),
        };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = targets.len().div_ceil(threads).max(CANCEL_CHECK_EVERY);
    let parts: Vec<Option<Vec<ArticleHits>>> = std::thread::scope(|s| {
        let workers: Vec<_> = targets
            .chunks(chunk)
            .map(|part| s.spawn(move || search_part(articles, part, query, scope, cancel)))
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or(None))
            .collect()
    });
    let mut found = Vec::new();
    for part in parts {
        found.extend(part?);
    }
    Some(found)
}

/// [`search`] on the articles numbered `part`.
fn search_part(
    articles: &[Arc<Article>],
    part: &[usize],
    query: &Query,
    scope: Scope,
    cancel: &AtomicBool,
) -> Option<Vec<ArticleHits>> {
    let mut found = Vec::new();
    for (k, &index) in part.iter().enumerate() {
        if k % CANCEL_CHECK_EVERY == 0 && cancel.load(Ordering::Relaxed) {
            return None;
        }
        if let Some(hits) = find_in_article(&articles[index], query, scope) {
            found.push(ArticleHits {
                article: index,
                hits,
            });
        }
    }
    Some(found)
}

/// Hit and article counts of a result per source, most hits first.
pub fn counts_per_source(
    articles: &[Arc<Article>],
    found: &[ArticleHits],
) -> Vec<(String, SourceCount)> {
    let mut per: BTreeMap<&str, SourceCount> = BTreeMap::new();
    for f in found {
        let count = per.entry(articles[f.article].source_label()).or_default();
        count.articles += 1;
        count.hits += f.hits.len();
    }
    let mut out: Vec<(String, SourceCount)> =
        per.into_iter().map(|(s, c)| (s.to_string(), c)).collect();
    out.sort_by(|a, b| b.1.hits.cmp(&a.1.hits).then_with(|| a.0.cmp(&b.0)));
    out
}

/// How many articles of a source matched, and with how many hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SourceCount {
    pub articles: usize,
    pub hits: usize,
}

#[cfg(test)]
mod tests;
