//! Facet counts: for each filter with choices (sources, folders, quoted speakers, figure
//! measures and families), how many articles each choice would show, counted over the
//! articles that pass the query and every *other* filter. Choosing a source then never hides
//! the other sources' counts, as in a shop's faceted search.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::filters::{Facet, FigurePart, Filters};
use crate::corpus::Article;
use crate::extract::{Family, FxBuild, Sym};

/// Speakers and measures listed at most (the most frequent).
pub const MAX_LISTED: usize = 40;

/// The counts of every facet, most articles first (ties by name).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    pub sources: Vec<(String, usize)>,
    /// Each open folder (in the order given) with its count.
    pub folders: Vec<(PathBuf, usize)>,
    /// Speakers as first written, at most [`MAX_LISTED`].
    pub speakers: Vec<(String, usize)>,
    /// Figure labels (`trade value`), at most [`MAX_LISTED`].
    pub measures: Vec<(String, usize)>,
    pub families: Vec<(Family, usize)>,
}

/// Counts articles into [`Facets`] one at a time.
pub struct FacetTally<'a> {
    filters: &'a Filters,
    roots: &'a [PathBuf],
    sources: HashMap<&'a str, usize, FxBuild>,
    folders: Vec<usize>,
    /// Lowercased name → (name as first written, articles).
    speakers: HashMap<String, (&'a str, usize), FxBuild>,
    measures: HashMap<Sym, usize, FxBuild>,
    families: HashMap<Family, usize, FxBuild>,
    /// Reused buffer for a lowercased speaker name.
    lower: String,
}

impl<'a> FacetTally<'a> {
    /// A tally for `filters`, with the open folders `roots`.
    pub fn new(filters: &'a Filters, roots: &'a [PathBuf]) -> Self {
        Self {
            filters,
            roots,
            sources: HashMap::default(),
            folders: vec![0; roots.len()],
            speakers: HashMap::default(),
            measures: HashMap::default(),
            families: HashMap::default(),
            lower: String::new(),
        }
    }

    /// Counts `article`, which passes the query and the filters without facets; returns
    /// whether it passes every faceted filter too (it is in view).
    pub fn add(&mut self, article: &'a Article) -> bool {
        let passes = Facet::ALL.map(|facet| self.filters.admits_by(facet, article));
        let failing: Vec<Facet> = Facet::ALL
            .into_iter()
            .zip(passes)
            .filter(|(_, passed)| !passed)
            .map(|(facet, _)| facet)
            .collect();
        match failing.as_slice() {
            [] => Facet::ALL.into_iter().for_each(|f| self.count(f, article)),
            // the one filter it fails: its choices would show it
            [facet] => self.count(*facet, article),
            _ => {}
        }
        failing.is_empty()
    }

    fn count(&mut self, facet: Facet, article: &'a Article) {
        match facet {
            Facet::Source => *self.sources.entry(article.source_label()).or_default() += 1,
            Facet::Folder => self.count_folder(&article.path),
            Facet::Speaker => self.count_speakers(article),
            Facet::Figure => self.count_figures(article),
        }
    }

    fn count_folder(&mut self, path: &Path) {
        for (k, root) in self.roots.iter().enumerate() {
            if path.starts_with(root) {
                self.folders[k] += 1;
            }
        }
    }

    fn count_speakers(&mut self, article: &'a Article) {
        let quotes = &article.extraction.quotes;
        for (k, quote) in quotes.iter().enumerate() {
            let name = quote.speaker.trim();
            let seen_before = quotes[..k]
                .iter()
                .any(|q| q.speaker.trim().eq_ignore_ascii_case(name));
            if name.is_empty() || seen_before {
                continue;
            }
            self.lower.clear();
            self.lower.extend(name.chars().flat_map(char::to_lowercase));
            match self.speakers.get_mut(self.lower.as_str()) {
                Some((_, n)) => *n += 1,
                None => {
                    self.speakers.insert(self.lower.clone(), (name, 1));
                }
            }
        }
    }

    /// Each label and family once per article, among the figures meeting the rest of the
    /// figure filter.
    fn count_figures(&mut self, article: &Article) {
        let figures = &article.extraction.figures;
        let mut labels: Vec<Sym> = Vec::new();
        let mut families: Vec<Family> = Vec::new();
        for figure in figures {
            if !figure.label.is_empty()
                && !labels.contains(&figure.label)
                && self
                    .filters
                    .admits_figure(figure, Some(FigurePart::Measure))
            {
                labels.push(figure.label);
            }
            if !families.contains(&figure.family)
                && self.filters.admits_figure(figure, Some(FigurePart::Family))
            {
                families.push(figure.family);
            }
        }
        labels
            .into_iter()
            .for_each(|l| *self.measures.entry(l).or_default() += 1);
        families
            .into_iter()
            .for_each(|f| *self.families.entry(f).or_default() += 1);
    }

    /// The counts, most first.
    pub fn finish(self) -> Facets {
        let sources = most_first(self.sources.into_iter().map(|(s, n)| (s.to_string(), n)));
        let speakers = most_first(self.speakers.into_values().map(|(s, n)| (s.to_string(), n)));
        let measures = most_first(self.measures.into_iter().map(|(l, n)| (l.to_string(), n)));
        let mut families: Vec<(Family, usize)> = self.families.into_iter().collect();
        families.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Facets {
            sources,
            folders: self.roots.iter().cloned().zip(self.folders).collect(),
            speakers: speakers.into_iter().take(MAX_LISTED).collect(),
            measures: measures.into_iter().take(MAX_LISTED).collect(),
            families,
        }
    }
}

/// `counts` sorted by count, most first, then by name.
fn most_first(counts: impl Iterator<Item = (String, usize)>) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = counts.collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// Articles counted between two looks at the cancel flag.
const CANCEL_CHECK_EVERY: usize = 4096;

/// Counts the facets of `candidates` (corpus indices of the articles passing the query and
/// the filters without facets), returning them with, for each candidate, whether it passes
/// every filter; `None` as soon as `cancel` is set.
pub fn count(
    articles: &[std::sync::Arc<Article>],
    candidates: &[usize],
    filters: &Filters,
    roots: &[PathBuf],
    cancel: &std::sync::atomic::AtomicBool,
) -> Option<(Facets, Vec<bool>)> {
    let mut tally = FacetTally::new(filters, roots);
    let mut kept = Vec::with_capacity(candidates.len());
    for (k, &i) in candidates.iter().enumerate() {
        if k % CANCEL_CHECK_EVERY == 0 && cancel.load(std::sync::atomic::Ordering::Relaxed) {
            return None;
        }
        kept.push(tally.add(&articles[i]));
    }
    Some((tally.finish(), kept))
}
