//! An inverted index of words to the articles holding them, so a word or phrase query only
//! scans the articles that can match instead of the whole corpus.
//!
//! Input: the articles (built once, on all cores, off the UI thread). Output: for a [`Query`],
//! the candidate articles ([`SearchIndex::candidates`]); the matcher then finds the hits in
//! those alone. Words are indexed lowercased from the title and body (the stretches of
//! [`Scope::Text`], which hold those of every scope), so the candidates of any query are a
//! superset of its matches, case-sensitive ones included. Each word's article list is stored
//! as delta-coded varints (about a byte per article).
//!
//! The index remembers which articles it was built from: articles added after it are scanned
//! without it, and any other change makes it stale (see [`SearchIndex::covers`]).

use std::collections::HashMap;
use std::sync::Arc;

use super::matcher::{Scope, stretches};
use super::query::{Node, Query, Term, words};
use crate::corpus::Article;
use crate::extract::FxBuild;

/// Words to their postings while the index is built (a fast hasher: words are not
/// attacker-chosen keys worth a slow one).
type WordMap = HashMap<Box<str>, Postings, FxBuild>;

/// Word → articles, for a fixed list of articles.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// The articles indexed, by identity.
    articles: Vec<Arc<Article>>,
    /// Every lowercased word, sorted (prefix queries walk a range of it), with its postings.
    words: Vec<(Box<str>, Postings)>,
}

/// Ascending article numbers, delta-coded as LEB128 varints.
#[derive(Debug, Default, Clone)]
struct Postings {
    bytes: Vec<u8>,
    last: Option<u32>,
}

impl Postings {
    fn push(&mut self, article: u32) {
        let mut delta = match self.last {
            Some(last) if article == last => return,
            Some(last) => article - last,
            None => article,
        };
        self.last = Some(article);
        loop {
            let byte = (delta & 0x7f) as u8;
            delta >>= 7;
            if delta == 0 {
                self.bytes.push(byte);
                return;
            }
            self.bytes.push(byte | 0x80);
        }
    }

    fn append(&mut self, other: &Postings) {
        // Exactly the room needed (the first delta may take a few bytes more than it did in
        // `other`): doubling on the way would leave up to half of each list unused until the
        // index is complete, and the whole index was about twice its size while built.
        self.bytes.reserve_exact(other.bytes.len() + 4);
        other.iter().for_each(|a| self.push(a));
    }

    fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        let mut at = 0;
        let mut current = 0u32;
        let mut first = true;
        std::iter::from_fn(move || {
            if at >= self.bytes.len() {
                return None;
            }
            let (mut delta, mut shift) = (0u32, 0);
            while let Some(&byte) = self.bytes.get(at) {
                at += 1;
                delta |= u32::from(byte & 0x7f) << shift;
                shift += 7;
                if byte & 0x80 == 0 {
                    break;
                }
            }
            current = if first { delta } else { current + delta };
            first = false;
            Some(current)
        })
    }
}

/// Articles indexed per worker before the partial indexes are merged.
const MIN_CHUNK: usize = 256;

impl SearchIndex {
    /// Indexes `articles` on all cores.
    pub fn build(articles: &[Arc<Article>]) -> Self {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = articles.len().div_ceil(threads).max(MIN_CHUNK);
        let parts: Vec<WordMap> = std::thread::scope(|s| {
            let workers: Vec<_> = articles
                .chunks(chunk)
                .enumerate()
                .map(|(c, part)| s.spawn(move || index_part(part, (c * chunk) as u32)))
                .collect();
            workers.into_iter().filter_map(|w| w.join().ok()).collect()
        });
        let mut merged = WordMap::default();
        for part in parts {
            for (word, postings) in part {
                match merged.get_mut(&word) {
                    Some(all) => all.append(&postings),
                    None => {
                        merged.insert(word, postings);
                    }
                }
            }
        }
        let mut words: Vec<(Box<str>, Postings)> = merged.into_iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (_, postings) in &mut words {
            postings.bytes.shrink_to_fit();
        }
        Self {
            articles: articles.to_vec(),
            words,
        }
    }

    /// How many of `articles` (from the first) the index holds as they are now; `None` when
    /// one of those it holds has changed or gone (the index is stale).
    pub fn covers(&self, articles: &[Arc<Article>]) -> Option<usize> {
        crate::corpus::starts_with_same_articles(articles, &self.articles)
            .then_some(self.articles.len())
    }

    /// The number of distinct words.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// Bytes of postings (the bulk of the index's memory).
    pub fn postings_bytes(&self) -> usize {
        self.words
            .iter()
            .map(|(w, p)| w.len() + p.bytes.len())
            .sum()
    }

    /// The indexed articles that can match `query` (ascending), or `None` when the index
    /// cannot narrow it (a regex, or only exclusions where it matters).
    pub fn candidates(&self, query: &Query) -> Option<Vec<u32>> {
        self.node_candidates(&query.root, query)
    }

    fn node_candidates(&self, node: &Node, query: &Query) -> Option<Vec<u32>> {
        match node {
            Node::Term(i) => self.term_candidates(&query.terms[*i]),
            Node::Not(_) => None,
            Node::And(nodes) => nodes
                .iter()
                .filter_map(|n| self.node_candidates(n, query))
                .reduce(|a, b| intersect(&a, &b)),
            Node::Or(nodes) => {
                let mut all = Vec::new();
                for n in nodes {
                    all.extend(self.node_candidates(n, query)?);
                }
                all.sort_unstable();
                all.dedup();
                Some(all)
            }
        }
    }

    fn term_candidates(&self, term: &Term) -> Option<Vec<u32>> {
        let Term::Words { words, prefix } = term else {
            return None;
        };
        let last = words.len().checked_sub(1)?;
        words
            .iter()
            .enumerate()
            .map(|(k, w)| self.word_candidates(&w.to_lowercase(), *prefix && k == last))
            .reduce(|a, b| intersect(&a, &b))
    }

    /// The articles holding `word` (lowercase), or any word starting with it.
    fn word_candidates(&self, word: &str, prefix: bool) -> Vec<u32> {
        let start = self.words.partition_point(|(w, _)| &**w < word);
        if !prefix {
            return match self.words.get(start) {
                Some((w, p)) if &**w == word => p.iter().collect(),
                _ => Vec::new(),
            };
        }
        let mut all: Vec<u32> = self.words[start..]
            .iter()
            .take_while(|(w, _)| w.starts_with(word))
            .flat_map(|(_, p)| p.iter())
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// The words of `part` (articles numbered from `first`), lowercased.
fn index_part(part: &[Arc<Article>], first: u32) -> WordMap {
    let mut index = WordMap::default();
    let mut lower = String::new();
    for (k, article) in part.iter().enumerate() {
        let number = first + k as u32;
        for span in stretches(article, Scope::Text) {
            for (_, word) in words(&article.text[span]) {
                lower.clear();
                if word.is_ascii() {
                    lower.push_str(word);
                    lower.make_ascii_lowercase();
                } else {
                    lower.extend(word.chars().flat_map(char::to_lowercase));
                }
                match index.get_mut(lower.as_str()) {
                    Some(postings) => postings.push(number),
                    None => {
                        let mut postings = Postings::default();
                        postings.push(number);
                        index.insert(lower.as_str().into(), postings);
                    }
                }
            }
        }
    }
    // Each part is kept until the merge: without its spare room.
    for postings in index.values_mut() {
        postings.bytes.shrink_to_fit();
    }
    index
}

/// The numbers in both ascending lists.
fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_round_trip_and_skip_repeats() {
        let mut p = Postings::default();
        for a in [0, 0, 1, 130, 130, 20_000, 4_000_000] {
            p.push(a);
        }
        assert_eq!(
            p.iter().collect::<Vec<_>>(),
            vec![0, 1, 130, 20_000, 4_000_000]
        );
        let mut q = Postings::default();
        q.push(5);
        let mut r = Postings::default();
        r.push(7);
        r.push(9);
        q.append(&r);
        assert_eq!(q.iter().collect::<Vec<_>>(), vec![5, 7, 9]);
    }

    #[test]
    fn intersections() {
        assert_eq!(intersect(&[1, 3, 5, 7], &[3, 4, 7, 9]), vec![3, 7]);
        assert!(intersect(&[], &[1]).is_empty());
    }
}
