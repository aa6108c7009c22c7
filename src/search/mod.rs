//! Search over a whole corpus: a query language (words, phrases, `AND`/`OR`/`-not`, prefixes,
//! regexes), filters by source, date and duplicates, and keyword-in-context (KWIC) lines.
//! No GUI code: the window and `newslens search` both show what this computes.
//!
//! The stages, each in its own file:
//! 1. [`query`]: the text typed, parsed into a [`Query`]; [`filters`]: which articles a search
//!    considers.
//! 2. [`matcher`]: the hits of a query in one article, in a [`Scope`].
//! 3. this file: every article of a corpus that passes the [`Filters`] (only those an
//!    [`index::SearchIndex`] says can match, when there is one), searched on all cores,
//!    cancellable, with hit counts per article and per source.
//! 4. [`facets`]: how many articles each filter's choices would show.
//! 5. [`kwic`]: a hit as a KWIC line (left context, hit, right context), sorting and CSV.

pub mod facets;
pub mod filters;
pub mod index;
pub mod kwic;
pub mod matcher;
pub mod query;

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::corpus::Article;
pub use filters::Filters;
pub use matcher::{Scope, find_in_article};
pub use query::{Query, QueryError, QueryOptions};

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
