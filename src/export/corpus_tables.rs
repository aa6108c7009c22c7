//! The Figures and Quotes tables of the articles in view: one row per figure or quote, cells
//! made when shown, sortable by any column, filterable, and exported as CSV. The data behind
//! every chart, for users who check a chart before putting it in a report.
//!
//! A row is two numbers (article and item), so 500,000 rows take 4 MB; cell text is made only
//! for the rows on screen, for sorting, and for the export.

use std::sync::Arc;

use crate::corpus::Article;
use crate::export::chart::value_text;

/// Which table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Figures,
    Quotes,
}

impl TableKind {
    /// The column headers.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            TableKind::Figures => &[
                "value",
                "unit",
                "measure",
                "subject",
                "qualifier",
                "surface",
                "sentence",
                "article",
                "source",
                "date",
            ],
            TableKind::Quotes => &[
                "speaker", "role", "kind", "cue", "quote", "article", "source", "date",
            ],
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            TableKind::Figures => "Figures",
            TableKind::Quotes => "Quotes",
        }
    }
}

/// One row: the `item`-th figure or quote of article `article`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableRow {
    pub article: u32,
    pub item: u32,
}

/// The rows of `kind` in `articles` (those numbered `indices`) whose cells contain `filter`
/// (case-insensitive; for figures the measure, unit and subject, for quotes the speaker, role
/// and cue). An empty filter keeps every row.
pub fn rows(
    articles: &[Arc<Article>],
    indices: impl Iterator<Item = usize>,
    kind: TableKind,
    filter: &str,
) -> Vec<TableRow> {
    let needle = filter.trim().to_lowercase();
    let mut out = Vec::new();
    for a in indices {
        let ex = &articles[a].extraction;
        let count = match kind {
            TableKind::Figures => ex.figures.len(),
            TableKind::Quotes => ex.quotes.len(),
        };
        for item in 0..count {
            let keep = needle.is_empty()
                || match kind {
                    TableKind::Figures => {
                        let f = &ex.figures[item];
                        [&f.measure, &f.unit, &f.subject, &f.label]
                            .iter()
                            .any(|s| s.to_lowercase().contains(&needle))
                    }
                    TableKind::Quotes => {
                        let q = &ex.quotes[item];
                        [&q.speaker, &q.role, &q.cue]
                            .iter()
                            .any(|s| s.to_lowercase().contains(&needle))
                    }
                };
            if keep {
                out.push(TableRow {
                    article: a as u32,
                    item: item as u32,
                });
            }
        }
    }
    out
}

/// The text of every cell of `row`, in column order.
pub fn cells(articles: &[Arc<Article>], kind: TableKind, row: TableRow) -> Vec<String> {
    (0..kind.columns().len())
        .map(|column| cell(articles, kind, row, column))
        .collect()
}

/// The text of one cell of `row` (only that one is made: sorting by a column reads it alone).
pub fn cell(articles: &[Arc<Article>], kind: TableKind, row: TableRow, column: usize) -> String {
    let article = &articles[row.article as usize];
    let text: &str = &article.text;
    // the last three columns say where the row comes from: article, source, date
    let own_columns = kind.columns().len() - 3;
    if column >= own_columns {
        return match column - own_columns {
            0 => article.title.to_string(),
            1 => article.source_label().to_string(),
            _ => article.published.map(|d| d.to_string()).unwrap_or_default(),
        };
    }
    let ex = &article.extraction;
    match kind {
        TableKind::Figures => {
            let f = &ex.figures[row.item as usize];
            match column {
                0 => value_text(f, f.family),
                1 => f.unit.to_string(),
                2 => f.measure.to_string(),
                3 => f.subject.to_string(),
                4 => f.qualifier.to_string(),
                5 => f.surface(text).to_string(),
                _ => {
                    let (start, end) = span(articles, kind, row);
                    one_line(&text[start..end])
                }
            }
        }
        TableKind::Quotes => {
            let q = &ex.quotes[row.item as usize];
            match column {
                0 => q.speaker.to_string(),
                1 => q.role.to_string(),
                2 => format!("{:?}", q.kind).to_lowercase(),
                3 => q.cue.to_string(),
                _ => one_line(q.text(text)),
            }
        }
    }
}

/// The byte span a row points at in its article (the figure's sentence, or the quote).
pub fn span(articles: &[Arc<Article>], kind: TableKind, row: TableRow) -> (usize, usize) {
    let article = &articles[row.article as usize];
    match kind {
        TableKind::Figures => {
            let f = &article.extraction.figures[row.item as usize];
            let s = article.sentence_around(f.start as usize, f.end as usize);
            (s.start, s.end)
        }
        TableKind::Quotes => {
            let q = &article.extraction.quotes[row.item as usize];
            (q.start as usize, q.end as usize)
        }
    }
}

/// Sorts `rows` by `column` (numbers as numbers for a figure's value), stable.
pub fn sort(
    rows: &mut [TableRow],
    articles: &[Arc<Article>],
    kind: TableKind,
    column: usize,
    descending: bool,
) {
    if kind == TableKind::Figures && column == 0 {
        let value =
            |r: &TableRow| articles[r.article as usize].extraction.figures[r.item as usize].value;
        rows.sort_by(|a, b| value(a).total_cmp(&value(b)));
    } else {
        rows.sort_by_cached_key(|r| cell(articles, kind, *r, column).to_lowercase());
    }
    if descending {
        rows.reverse();
    }
}

/// The rows as CSV (RFC 4180, header row), with the article's path added.
pub fn to_csv(rows: &[TableRow], articles: &[Arc<Article>], kind: TableKind) -> String {
    let mut out = String::new();
    let header = kind
        .columns()
        .iter()
        .map(|c| c.to_string())
        .chain(["path".to_string()]);
    crate::export::table::push_record(&mut out, header);
    for row in rows {
        let path = articles[row.article as usize].path.display().to_string();
        crate::export::table::push_record(
            &mut out,
            cells(articles, kind, *row).into_iter().chain([path]),
        );
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Origin;

    fn articles() -> Vec<Arc<Article>> {
        let text = "Tin quotas\nsource: Reuters| published: 1987-03-02\n\n\
                    Malaysia has an export quota of 28,526 tonnes, Indonesia 24,516 tonnes.\n\n\
                    \"We will respect it,\" the minister said.\n";
        vec![Arc::new(
            Article::from_text("a.txt".into(), Origin::File, text.into(), "UTF-8").unwrap(),
        )]
    }

    #[test]
    fn figure_rows_sort_by_value_and_filter() {
        let articles = articles();
        let mut rows = rows(&articles, 0..1, TableKind::Figures, "");
        assert_eq!(rows.len(), 2);
        sort(&mut rows, &articles, TableKind::Figures, 0, false);
        let first = cells(&articles, TableKind::Figures, rows[0]);
        assert_eq!(first[3], "Indonesia");
        assert_eq!(first[8], "Reuters");
        assert_eq!(first[9], "1987-03-02");
        assert!(first[6].starts_with("Malaysia has an export quota"));
        sort(&mut rows, &articles, TableKind::Figures, 0, true);
        assert_eq!(cells(&articles, TableKind::Figures, rows[0])[3], "Malaysia");
        assert_eq!(
            super::rows(&articles, 0..1, TableKind::Figures, "indon").len(),
            1
        );
        assert!(super::rows(&articles, 0..1, TableKind::Figures, "zinc").is_empty());
    }

    #[test]
    fn quote_rows_and_csv() {
        let articles = articles();
        let rows = rows(&articles, 0..1, TableKind::Quotes, "");
        assert_eq!(rows.len(), 1);
        let csv = to_csv(&rows, &articles, TableKind::Quotes);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "speaker,role,kind,cue,quote,article,source,date,path"
        );
        assert!(lines[1].contains("We will respect it"), "{}", lines[1]);
        assert!(
            lines[1].ends_with(",Tin quotas,Reuters,1987-03-02,a.txt"),
            "{}",
            lines[1]
        );
    }
}
