//! The open corpus: articles from several folders (roots), their duplicates, and counts.
//!
//! Articles keep their insertion order; removing a folder or a file rebuilds the indexes
//! (fast: fingerprints are computed once per article, at load time).

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use super::Article;
use super::dedup::{DupIndex, DupStatus, Signature};
use crate::extract::{FxBuild, FxHasher, Sym};

/// The MinHash signature of article `index`, if it has one.
fn signature_of(articles: &[Arc<Article>], index: usize) -> Option<&Signature> {
    articles.get(index)?.fingerprint.minhash.as_ref()
}

/// One opened folder or file (or the bundled articles).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Root {
    pub path: PathBuf,
    /// Articles currently loaded from it.
    pub articles: usize,
    pub loading: bool,
}

/// Corpus-wide counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CorpusCounts {
    /// All loaded articles, copies included.
    pub articles: usize,
    /// Articles that are exact copies of another.
    pub exact_duplicates: usize,
    /// Articles that are near copies of another.
    pub near_duplicates: usize,
    /// Figures, quotes and distinct named speakers (over stories counted once, unless asked).
    pub figures: usize,
    pub quotes: usize,
    pub speakers: usize,
    pub bytes: usize,
}

/// All open articles.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Shared, so a snapshot for background work costs a pointer copy per article.
    articles: Vec<Arc<Article>>,
    root_of: Vec<usize>,
    roots: Vec<Root>,
    dups: DupIndex,
    by_key: KeyIndex,
}

/// Article index by key (see [`Article::key`]), without a copy of each key: a map from the
/// key's hash, checked against the article itself. (Keys as `OsString`s were a tenth of the
/// corpus's memory besides the text.)
#[derive(Debug, Default)]
struct KeyIndex {
    /// 32-bit hashes and indexes: 8 bytes an entry.
    by_hash: HashMap<u32, u32, FxBuild>,
    /// Keys whose hash an earlier key already had (about one in 100,000 keys), or whose
    /// index does not fit 32 bits.
    collided: HashMap<OsString, usize>,
}

impl KeyIndex {
    fn hash(key: &OsStr) -> u32 {
        let mut h = FxHasher::default();
        h.write(key.as_encoded_bytes());
        let h = h.finish();
        (h ^ (h >> 32)) as u32
    }

    fn get(&self, articles: &[Arc<Article>], key: &OsStr) -> Option<usize> {
        let by_hash = self.by_hash.get(&Self::hash(key)).map(|&i| i as usize);
        by_hash
            .filter(|&i| {
                articles
                    .get(i)
                    .is_some_and(|a| a.key_path().as_os_str() == key)
            })
            .or_else(|| self.collided.get(key).copied())
    }

    /// Indexes a key not indexed yet.
    fn insert(&mut self, key: &OsStr, index: usize) {
        match (self.by_hash.entry(Self::hash(key)), u32::try_from(index)) {
            (Entry::Vacant(e), Ok(i)) => {
                e.insert(i);
            }
            _ => {
                self.collided.insert(key.to_owned(), index);
            }
        }
    }

    fn clear(&mut self) {
        self.by_hash.clear();
        self.collided.clear();
    }
}

impl Corpus {
    /// A corpus of `articles` under one root.
    pub fn from_articles<A: Into<Arc<Article>>>(
        root: PathBuf,
        articles: impl IntoIterator<Item = A>,
    ) -> Self {
        let mut corpus = Self::default();
        let root = corpus.add_root(root);
        corpus.extend(root, articles);
        corpus
    }

    pub fn articles(&self) -> &[Arc<Article>] {
        &self.articles
    }

    /// The articles and their duplicate status, for work on another thread (cheap: the
    /// articles are shared, not copied).
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            articles: self.articles.clone(),
            statuses: (0..self.articles.len())
                .map(|i| self.dups.status(i))
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<&Article> {
        self.articles.get(index).map(Arc::as_ref)
    }

    pub fn roots(&self) -> &[Root] {
        &self.roots
    }

    /// The root an article was loaded from.
    pub fn root_of(&self, index: usize) -> Option<&Root> {
        self.root_of.get(index).and_then(|&r| self.roots.get(r))
    }

    /// Index of the article with key `path` (see [`Article::key`]), if loaded.
    pub fn index_of(&self, path: &Path) -> Option<usize> {
        self.by_key.get(&self.articles, path.as_os_str())
    }

    /// Whether the article is a copy of an earlier one, and of which.
    pub fn dup_status(&self, index: usize) -> DupStatus {
        self.dups.status(index)
    }

    /// The copies of article `index` (articles whose original it is).
    pub fn copies_of(&self, index: usize) -> Vec<usize> {
        (0..self.articles.len())
            .filter(|&i| self.dups.status(i).original() == Some(index))
            .collect()
    }

    /// Registers a root (or returns the existing one for the same path).
    pub fn add_root(&mut self, path: PathBuf) -> usize {
        if let Some(i) = self.roots.iter().position(|r| r.path == path) {
            return i;
        }
        self.roots.push(Root {
            path,
            articles: 0,
            loading: false,
        });
        self.roots.len() - 1
    }

    pub fn set_loading(&mut self, root: usize, loading: bool) {
        if let Some(r) = self.roots.get_mut(root) {
            r.loading = loading;
        }
    }

    /// Adds an article of `root`; an article already loaded from the same path is replaced.
    /// Returns its index.
    pub fn insert(&mut self, root: usize, article: impl Into<Arc<Article>>) -> usize {
        let article = article.into();
        if let Some(i) = self
            .by_key
            .get(&self.articles, article.key_path().as_os_str())
        {
            self.articles[i] = article;
            self.root_of[i] = root;
            self.rebuild();
            return i;
        }
        let index = self.articles.len();
        let articles = &self.articles;
        self.dups
            .insert(index, &article.fingerprint, |j| signature_of(articles, j));
        self.by_key.insert(article.key_path().as_os_str(), index);
        self.articles.push(article);
        self.root_of.push(root);
        if let Some(r) = self.roots.get_mut(root) {
            r.articles += 1;
        }
        index
    }

    /// Makes room for `additional` more articles at once (a load knows its file count after
    /// the walk), so the indexes do not grow, rehashing everything, while articles arrive.
    pub fn reserve(&mut self, additional: usize) {
        self.articles.reserve(additional);
        self.root_of.reserve(additional);
        self.by_key.by_hash.reserve(additional);
        self.dups.reserve(additional);
    }

    /// Adds many articles of one root.
    pub fn extend<A: Into<Arc<Article>>>(
        &mut self,
        root: usize,
        articles: impl IntoIterator<Item = A>,
    ) {
        let articles = articles.into_iter();
        self.reserve(articles.size_hint().0);
        for a in articles {
            self.insert(root, a);
        }
    }

    /// Keeps the articles for which `keep(article, root)` holds; returns how many went.
    fn retain_where(&mut self, keep: impl Fn(&Article, usize) -> bool) -> usize {
        let flags: Vec<bool> = self
            .articles
            .iter()
            .zip(&self.root_of)
            .map(|(a, &r)| keep(a, r))
            .collect();
        let mut it = flags.iter();
        self.articles.retain(|_| *it.next().unwrap_or(&true));
        let mut it = flags.iter();
        self.root_of.retain(|_| *it.next().unwrap_or(&true));
        flags.iter().filter(|k| !**k).count()
    }

    /// Removes every article at or under `path` (a deleted file or folder); returns how many.
    pub fn remove_under(&mut self, path: &Path) -> usize {
        let removed = self.retain_where(|a, _| !a.path.starts_with(path));
        if removed > 0 {
            self.rebuild();
        }
        removed
    }

    /// Removes a root and all its articles. Later roots shift down by one.
    pub fn remove_root(&mut self, root: usize) {
        if root >= self.roots.len() {
            return;
        }
        self.retain_where(|_, r| r != root);
        for r in &mut self.root_of {
            if *r > root {
                *r -= 1;
            }
        }
        self.roots.remove(root);
        self.rebuild();
    }

    /// Removes the articles of `root` but keeps the root (before a reload).
    pub fn clear_root(&mut self, root: usize) {
        self.retain_where(|_, r| r != root);
        self.rebuild();
    }

    fn rebuild(&mut self) {
        self.dups = DupIndex::default();
        self.by_key.clear();
        for r in &mut self.roots {
            r.articles = 0;
        }
        let articles = &self.articles;
        for (i, a) in articles.iter().enumerate() {
            self.dups
                .insert(i, &a.fingerprint, |j| signature_of(articles, j));
            self.by_key.insert(a.key_path().as_os_str(), i);
            if let Some(r) = self.root_of.get(i).and_then(|&r| self.roots.get_mut(r)) {
                r.articles += 1;
            }
        }
    }

    /// Counts over the corpus. With `count_copies` false (the default view), figures,
    /// quotes and speakers of duplicate stories are counted once.
    pub fn counts(&self, count_copies: bool) -> CorpusCounts {
        counts_of(self, count_copies)
    }

    /// The articles corpus-wide numbers count: every one with `count_copies`, otherwise each
    /// story once (copies of an earlier article are left out).
    pub fn counted(&self, count_copies: bool) -> impl Iterator<Item = &Article> + '_ {
        self.articles
            .iter()
            .enumerate()
            .filter(move |(i, _)| count_copies || self.dups.status(*i) == DupStatus::Original)
            .map(|(_, a)| a.as_ref())
    }

    /// Articles per source name (`unknown source` for none), sorted by name.
    pub fn per_source(&self) -> BTreeMap<String, usize> {
        let mut out = BTreeMap::new();
        for a in &self.articles {
            *out.entry(a.source_label().to_string()).or_insert(0) += 1;
        }
        out
    }
}

/// Read access to a set of articles and their duplicate status: the open corpus, or a
/// snapshot of it on another thread.
pub trait ArticleSet {
    fn article_count(&self) -> usize;
    fn article(&self, index: usize) -> &Article;
    fn status(&self, index: usize) -> DupStatus;
}

impl ArticleSet for Corpus {
    fn article_count(&self) -> usize {
        self.articles.len()
    }
    fn article(&self, index: usize) -> &Article {
        &self.articles[index]
    }
    fn status(&self, index: usize) -> DupStatus {
        self.dups.status(index)
    }
}

/// The corpus at one moment, shared with a background thread.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub articles: Vec<Arc<Article>>,
    pub statuses: Vec<DupStatus>,
}

impl Snapshot {
    /// The articles corpus-wide numbers count (see [`Corpus::counted`]).
    pub fn counted(&self, count_copies: bool) -> impl Iterator<Item = &Article> + '_ {
        self.articles
            .iter()
            .zip(&self.statuses)
            .filter(move |(_, s)| count_copies || **s == DupStatus::Original)
            .map(|(a, _)| a.as_ref())
    }
}

impl ArticleSet for Snapshot {
    fn article_count(&self) -> usize {
        self.articles.len()
    }
    fn article(&self, index: usize) -> &Article {
        &self.articles[index]
    }
    fn status(&self, index: usize) -> DupStatus {
        self.statuses
            .get(index)
            .copied()
            .unwrap_or(DupStatus::Original)
    }
}

/// Counts over a set of articles (see [`Corpus::counts`]).
pub fn counts_of(set: &impl ArticleSet, count_copies: bool) -> CorpusCounts {
    let mut c = CorpusCounts {
        articles: set.article_count(),
        ..Default::default()
    };
    // Distinct interned names first (cheap: ids), lower-cased once each afterwards.
    let mut named: HashSet<Sym, FxBuild> = HashSet::default();
    for i in 0..set.article_count() {
        let a = set.article(i);
        c.bytes += a.text.len();
        let status = set.status(i);
        match status {
            DupStatus::Exact { .. } => c.exact_duplicates += 1,
            DupStatus::Near { .. } => c.near_duplicates += 1,
            DupStatus::Original => {}
        }
        if status != DupStatus::Original && !count_copies {
            continue;
        }
        c.figures += a.extraction.figures.len();
        c.quotes += a.extraction.quotes.len();
        for q in &a.extraction.quotes {
            if q.speaker_resolved && !q.speaker.is_empty() {
                named.insert(q.speaker);
            }
        }
    }
    // Names that differ only in case are one speaker: count distinct lower-cased forms, by
    // hash (no string kept per name).
    let lowered: HashSet<u64, FxBuild> = named
        .iter()
        .map(|s| {
            let mut h = FxHasher::default();
            for ch in s.chars().flat_map(char::to_lowercase) {
                h.write_u32(ch as u32);
            }
            h.finish()
        })
        .collect();
    c.speakers = lowered.len();
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Format, Origin};

    fn article(path: &str, body: &str) -> Article {
        let text = format!("A title\n\nsource: test| published: 2020-01-02\n\n{body}\n");
        Article::from_text(path.into(), Origin::File, text, "UTF-8").unwrap()
    }

    const STORY: &str = "Officials said the new port would handle two million containers a year \
        once finished, making it the largest on the coast, and that construction would employ \
        thousands of local workers over the next five years while roads and rail links are built.";

    #[test]
    fn keys_are_found_by_hash_and_checked_against_the_article() {
        let mut c = Corpus::default();
        let root = c.add_root("/k".into());
        c.insert(root, article("/k/1.txt", "one story here."));
        let items = article("/k/feed.json", "second story.").with_format(Format::Json, Some(3));
        c.insert(root, items);
        assert_eq!(c.index_of(Path::new("/k/1.txt")), Some(0));
        assert_eq!(c.index_of(Path::new("/k/feed.json/#3")), Some(1));
        assert_eq!(c.index_of(Path::new("/k/feed.json")), None);
        assert_eq!(c.index_of(Path::new("/k/2.txt")), None);
        // A key whose hash is taken by another key goes to the collision map, and both
        // are still found.
        let other = OsStr::new("/k/2.txt");
        c.by_key.by_hash.insert(KeyIndex::hash(other), 0);
        assert_eq!(c.index_of(Path::new("/k/2.txt")), None);
        c.insert(root, article("/k/2.txt", "third story."));
        assert_eq!(c.by_key.collided.len(), 1);
        assert_eq!(c.index_of(Path::new("/k/2.txt")), Some(2));
        assert_eq!(c.index_of(Path::new("/k/1.txt")), Some(0));
        // Re-inserting a collided key replaces the article in place.
        c.insert(root, article("/k/2.txt", "third story, edited."));
        assert_eq!(c.len(), 3);
        assert_eq!(c.index_of(Path::new("/k/2.txt")), Some(2));
    }

    #[test]
    fn roots_count_their_articles_and_can_be_removed() {
        let mut c = Corpus::default();
        let a = c.add_root("/a".into());
        let b = c.add_root("/b".into());
        assert_eq!(c.add_root("/a".into()), a);
        c.insert(a, article("/a/1.txt", "one story here."));
        c.insert(a, article("/a/2.txt", "another story there."));
        c.insert(b, article("/b/1.txt", "third story."));
        assert_eq!(c.roots()[a].articles, 2);
        assert_eq!(c.roots()[b].articles, 1);
        c.remove_root(a);
        assert_eq!(c.len(), 1);
        assert_eq!(c.roots().len(), 1);
        assert_eq!(c.root_of(0).unwrap().path, PathBuf::from("/b"));
        assert_eq!(c.index_of(Path::new("/b/1.txt")), Some(0));
    }

    #[test]
    fn reinserting_a_path_replaces_it() {
        let mut c = Corpus::default();
        let r = c.add_root("/a".into());
        c.insert(r, article("/a/1.txt", "first version."));
        c.insert(r, article("/a/1.txt", "second version."));
        assert_eq!(c.len(), 1);
        assert!(c.get(0).unwrap().text.contains("second version"));
        assert_eq!(c.remove_under(Path::new("/a/1.txt")), 1);
        assert!(c.is_empty());
    }

    #[test]
    fn copies_are_counted_once_by_default() {
        let mut c = Corpus::default();
        let r = c.add_root("/a".into());
        c.insert(r, article("/a/1.txt", STORY));
        c.insert(r, article("/a/2.txt", STORY));
        let near = STORY.replace("thousands of", "many thousands of");
        c.insert(r, article("/a/3.txt", &near));
        let once = c.counts(false);
        let all = c.counts(true);
        assert_eq!(once.articles, 3);
        assert_eq!(once.exact_duplicates, 1);
        assert_eq!(once.near_duplicates, 1);
        assert_eq!(all.figures, 3 * once.figures);
        assert_eq!(c.copies_of(0), vec![1, 2]);
    }
}
