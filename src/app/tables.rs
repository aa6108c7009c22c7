//! The Figures and Quotes tables of the articles in view: which is open, its rows (rebuilt when
//! the search, filters or corpus change), its filter and sort order. On a large corpus the
//! rows are built and sorted on a worker (a million rows take about a second).

use std::sync::{Arc, mpsc};
use std::time::Instant;

use crate::corpus::Article;
use crate::export::corpus_tables::{self, TableKind, TableRow};

/// The open table.
#[derive(Debug, Clone)]
pub struct TableView {
    pub kind: TableKind,
    /// Keeps rows whose measure, unit or subject (figures) or speaker, role or cue (quotes)
    /// contains this text.
    pub filter: String,
    /// Column and descending order, when sorted.
    pub sort: Option<(usize, bool)>,
    pub rows: Vec<TableRow>,
    /// The row last opened.
    pub current: Option<usize>,
    /// The rows must be built (or sorted) again on a worker: picked up by the app's per-frame
    /// logic.
    pub rebuild_pending: bool,
    /// A worker is building the rows.
    pub building: bool,
}

impl TableView {
    fn new(kind: TableKind) -> Self {
        Self {
            kind,
            filter: String::new(),
            sort: None,
            rows: Vec::new(),
            current: None,
            rebuild_pending: false,
            building: false,
        }
    }
}

/// The rows of `kind` of the articles numbered `in_view` that pass `filter`, in the order
/// `sort` (column, descending) asks.
fn table_rows(
    articles: &[Arc<Article>],
    in_view: impl Iterator<Item = usize>,
    kind: TableKind,
    filter: &str,
    sort: Option<(usize, bool)>,
) -> Vec<TableRow> {
    let mut rows = corpus_tables::rows(articles, in_view, kind, filter);
    if let Some((column, descending)) = sort {
        corpus_tables::sort(&mut rows, articles, kind, column, descending);
    }
    rows
}

/// What the table window asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum TableCommand {
    Open(TableKind),
    Close,
    SetFilter(String),
    /// Sort by this column (again: the other way round).
    SortBy(usize),
    /// Open the article of row `n` at its sentence or quote.
    OpenRow(usize),
    ExportCsv,
}

impl super::AppState {
    /// Rebuilds the open table's rows from the articles in view: at once on a small corpus,
    /// else on a worker (the rows are emptied until it is done, as they may name articles
    /// gone since).
    pub fn refresh_table(&mut self) {
        self.rebuild_table(false);
    }

    /// Builds the rows again, keeping the old ones on screen meanwhile if `keep_rows` (a new
    /// sort order of the same rows).
    fn rebuild_table(&mut self, keep_rows: bool) {
        if self.view.table.is_none() {
            return;
        }
        let large = self.corpus.len() > super::derived::SYNC_MAX_ARTICLES;
        let in_view: Vec<usize> = if large {
            Vec::new()
        } else {
            self.in_view().collect()
        };
        let articles = self.corpus.articles();
        let Some(table) = &mut self.view.table else {
            return;
        };
        table.current = None;
        if large {
            table.rebuild_pending = true;
            if !keep_rows {
                table.rows.clear();
            }
            return;
        }
        let rows = table_rows(
            articles,
            in_view.into_iter(),
            table.kind,
            &table.filter,
            table.sort,
        );
        table.rows = rows;
    }
}

impl super::NewsLensApp {
    pub(super) fn run_table_command(&mut self, command: TableCommand) {
        let state = &mut self.state;
        match command {
            TableCommand::Open(kind) => {
                state.view.table = Some(TableView::new(kind));
                state.refresh_table();
            }
            TableCommand::Close => state.view.table = None,
            TableCommand::SetFilter(filter) => {
                if let Some(table) = &mut state.view.table {
                    table.filter = filter;
                }
                state.refresh_table();
            }
            TableCommand::SortBy(column) => {
                if let Some(table) = &mut state.view.table {
                    let descending = table.sort == Some((column, false));
                    table.sort = Some((column, descending));
                    state.rebuild_table(true);
                }
            }
            TableCommand::OpenRow(n) => {
                let Some(table) = &mut state.view.table else {
                    return;
                };
                let Some(&row) = table.rows.get(n) else {
                    return;
                };
                table.current = Some(n);
                let (start, end) = corpus_tables::span(state.corpus.articles(), table.kind, row);
                self.run_command(super::Command::OpenQuote {
                    article: row.article as usize,
                    start,
                    end,
                });
                self.state.selection.list_scroll_pending = true;
            }
            TableCommand::ExportCsv => self.export_table(),
        }
    }

    /// Saves the open table as CSV where the user says (written atomically).
    fn export_table(&mut self) {
        let Some(table) = &self.state.view.table else {
            return;
        };
        let csv = corpus_tables::to_csv(&table.rows, self.state.corpus.articles(), table.kind);
        let name = format!("{} table.csv", table.kind.title());
        let future = rfd::AsyncFileDialog::new()
            .set_title(format!("Save the {} table as CSV", table.kind.title()))
            .add_filter("CSV", &["csv"])
            .set_file_name(name)
            .save_file();
        let asked = Instant::now();
        self.spawn_export(move || {
            super::commands::save_from_dialog(future, asked, "Table", || Ok(csv.into_bytes()))
        });
    }

    /// Takes in rows a worker built, and starts a worker when the open table asks for one.
    pub(super) fn poll_table(&mut self) {
        if let Some(rx) = &self.jobs.table {
            match rx.try_recv() {
                Ok(rows) => {
                    self.jobs.table = None;
                    if let Some(table) = &mut self.state.view.table {
                        table.rows = rows;
                        table.building = false;
                    }
                }
                Err(mpsc::TryRecvError::Empty) => {}
                Err(mpsc::TryRecvError::Disconnected) => self.jobs.table = None,
            }
        }
        let pending = self
            .state
            .view
            .table
            .as_ref()
            .is_some_and(|t| t.rebuild_pending);
        if !pending {
            return;
        }
        let in_view: Vec<usize> = self.state.in_view().collect();
        let articles = self.state.corpus.articles().to_vec();
        let wake = self.repaint_handle();
        let Some(table) = &mut self.state.view.table else {
            return;
        };
        table.rebuild_pending = false;
        table.building = true;
        let (kind, filter, sort) = (table.kind, table.filter.clone(), table.sort);
        let (tx, rx) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("corpus-table".into())
            .spawn(move || {
                let rows = table_rows(&articles, in_view.into_iter(), kind, &filter, sort);
                // a newer build replaced this one when nobody listens
                if tx.send(rows).is_ok() {
                    wake();
                }
            });
        match spawned {
            // replacing the receiver leaves an older build's rows unread
            Ok(_) => self.jobs.table = Some(rx),
            Err(e) => {
                table.building = false;
                self.state
                    .notify(format!("Could not build the table: {e}"), true);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::search::SearchCommand;
    use crate::app::test_support::{large_app, poll_until};
    use crate::app::{Command, NewsLensApp};
    use crate::search::kwic::KwicOrder;

    fn values(app: &NewsLensApp) -> Vec<f64> {
        let articles = app.state.corpus.articles();
        let table = app.state.view.table.as_ref().unwrap();
        table
            .rows
            .iter()
            .map(|r| articles[r.article as usize].extraction.figures[r.item as usize].value)
            .collect()
    }

    #[test]
    fn a_large_table_is_built_and_sorted_on_a_worker() {
        let mut app = large_app();
        app.run_command(Command::Table(TableCommand::Open(TableKind::Figures)));
        let table = app.state.view.table.as_ref().unwrap();
        assert!(
            table.rebuild_pending && table.rows.is_empty(),
            "not on this thread"
        );
        let built = |app: &NewsLensApp| {
            let table = app.state.view.table.as_ref().unwrap();
            !table.rebuild_pending && !table.building
        };
        poll_until(&mut app, built);
        let unsorted = values(&app);
        assert!(unsorted.len() > crate::app::derived::SYNC_MAX_ARTICLES);
        // A header click keeps the rows on screen while the worker sorts them.
        app.run_command(Command::Table(TableCommand::SortBy(0)));
        assert_eq!(values(&app), unsorted);
        poll_until(&mut app, built);
        let sorted = values(&app);
        assert_eq!(sorted.len(), unsorted.len());
        assert!(sorted.windows(2).all(|w| w[0] <= w[1]), "ascending values");
    }

    #[test]
    fn a_large_kwic_list_is_sorted_again_on_a_worker() {
        let mut app = large_app();
        let searched = |app: &NewsLensApp| {
            let search = &app.state.view.search;
            !search.dirty && !search.running && search.outcome.result.is_some()
        };
        app.run_command(Command::Search(SearchCommand::SetQuery("tonnes".into())));
        poll_until(&mut app, searched);
        app.run_command(Command::Search(SearchCommand::SetOrder(
            KwicOrder::LeftWord,
        )));
        poll_until(&mut app, searched);
        let articles = app.state.corpus.articles();
        let result = app.state.view.search.outcome.result.as_ref().unwrap();
        let left_numbers: Vec<u64> = result
            .lines
            .iter()
            .map(|l| {
                let before = &articles[l.article].text[..l.span.start];
                before.split_whitespace().last().unwrap().parse().unwrap()
            })
            .collect();
        assert_eq!(left_numbers.len(), crate::app::derived::SYNC_MAX_ARTICLES);
        let as_text: Vec<String> = left_numbers.iter().map(u64::to_string).collect();
        assert!(
            as_text.windows(2).all(|w| w[0] <= w[1]),
            "by the word left of the hit"
        );
    }
}
