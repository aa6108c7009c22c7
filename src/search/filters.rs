//! Which articles a search or a panel considers: by source, folder, date, duplicates, quoted
//! speaker and figure.

use chrono::NaiveDate;

use crate::corpus::Article;
use crate::corpus::dedup::DupStatus;
use crate::extract::{Family, Figure};

/// Which articles a search or a panel considers.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Folders to keep (articles under any of them; empty: every folder).
    pub folders: Vec<std::path::PathBuf>,
    /// Keep articles quoting this speaker (the name as the quotes give it, without case).
    pub speaker: String,
    /// Keep articles with a figure whose measure or label contains this text (without case),
    /// of this family, and whose value (in the family's base unit, as `extract` gives it) is
    /// within `min_value..=max_value`; each part left out when unset.
    pub measure: String,
    pub family: Option<Family>,
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

/// The filters whose choices show counts (facets): each is counted over the articles that
/// pass every other filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Source,
    Folder,
    Speaker,
    /// Measure, family and value range together: one figure must meet all three.
    Figure,
}

impl Facet {
    pub const ALL: [Facet; 4] = [Facet::Source, Facet::Folder, Facet::Speaker, Facet::Figure];
}

/// A part of the figure filter left out when counting the choices of another part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigurePart {
    Measure,
    Family,
}

impl Filters {
    /// Whether `article`, with duplicate status `dup`, passes.
    pub fn admits(&self, article: &Article, dup: DupStatus) -> bool {
        self.admits_unfaceted(article, dup)
            && Facet::ALL.iter().all(|&f| self.admits_by(f, article))
    }

    /// Whether `article` passes the filters without facets: duplicates and dates.
    pub fn admits_unfaceted(&self, article: &Article, dup: DupStatus) -> bool {
        if self.hide_duplicates && dup.original().is_some() {
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

    /// Whether the filter of `facet` keeps `article`.
    pub fn admits_by(&self, facet: Facet, article: &Article) -> bool {
        match facet {
            Facet::Source => self.admits_source(article),
            Facet::Folder => self.admits_folder(article),
            Facet::Speaker => self.speaker.trim().is_empty() || self.quotes_speaker(article),
            Facet::Figure => {
                !self.filters_figures()
                    || article
                        .extraction
                        .figures
                        .iter()
                        .any(|f| self.admits_figure(f, None))
            }
        }
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
        !self.measure.trim().is_empty()
            || self.family.is_some()
            || self.min_value.is_some()
            || self.max_value.is_some()
    }

    /// Whether `figure` meets the figure filter, `ignoring` one of its parts.
    pub fn admits_figure(&self, figure: &Figure, ignoring: Option<FigurePart>) -> bool {
        let wanted = self.measure.trim();
        let named = ignoring == Some(FigurePart::Measure)
            || wanted.is_empty()
            || contains_without_case(&figure.measure, wanted)
            || contains_without_case(&figure.label, wanted);
        let of_family = ignoring == Some(FigurePart::Family)
            || self.family.is_none_or(|family| figure.family == family);
        named
            && of_family
            && self.min_value.is_none_or(|m| figure.value >= m)
            && self.max_value.is_none_or(|m| figure.value <= m)
    }

    /// Whether nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Whether `text` holds `part`, ignoring case.
fn contains_without_case(text: &str, part: &str) -> bool {
    if text.is_ascii() && part.is_ascii() {
        let (text, part) = (text.as_bytes(), part.as_bytes());
        return part.is_empty()
            || text
                .windows(part.len())
                .any(|window| window.eq_ignore_ascii_case(part));
    }
    text.to_lowercase().contains(&part.to_lowercase())
}

/// The value typed for the figure filter's range, in the base unit `extract` gives figures:
/// a plain number (`1,500`, `2.5e9`) or an amount as an article writes it (`300 mln`,
/// `$1.5 billion`, `20 km`). `None` when it reads as neither.
pub fn parse_amount(text: &str) -> Option<f64> {
    let text = text.trim();
    if let Ok(value) = text.replace(',', "").parse::<f64>() {
        return value.is_finite().then_some(value);
    }
    let options = crate::extract::figures::FigureOptions { all_numbers: true };
    let figures = crate::extract::figures::extract_figures_with(text, options);
    // the whole text must be one figure and no range, so `5 to 7 mln` is not read as 5 mln
    match figures.as_slice() {
        [figure] if figure.span().len() == text.len() && figure.low().is_none() => {
            Some(figure.value)
        }
        _ => None,
    }
}

/// An amount as the range fields and the filter summary show it: `300000000` as `300 mln`
/// ([`parse_amount`] reads it back).
pub fn format_amount(value: f64) -> String {
    let scales = [(1e12, "trillion"), (1e9, "billion"), (1e6, "mln")];
    for (scale, name) in scales {
        if value.abs() >= scale {
            return format!("{} {name}", value / scale);
        }
    }
    value.to_string()
}
