//! Which articles a search or a panel considers: by source, folder, date, duplicates, quoted
//! speaker and figure.

use chrono::NaiveDate;

use crate::corpus::Article;
use crate::corpus::dedup::DupStatus;

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
