//! The Figures and Quotes tables of the articles in view: which is open, its rows (rebuilt when
//! the search, filters or corpus change), its filter and sort order.

use std::time::Instant;

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
    /// Rebuilds the open table's rows from the articles in view.
    pub fn refresh_table(&mut self) {
        let Some(table) = &self.view.table else {
            return;
        };
        let articles = self.corpus.articles();
        let rows = corpus_tables::rows(articles, self.in_view(), table.kind, &table.filter);
        let Some(table) = &mut self.view.table else {
            return;
        };
        table.rows = rows;
        table.current = None;
        if let Some((column, descending)) = table.sort {
            corpus_tables::sort(&mut table.rows, articles, table.kind, column, descending);
        }
    }
}

impl super::NewsLensApp {
    pub(super) fn run_table_command(&mut self, command: TableCommand) {
        let state = &mut self.state;
        match command {
            TableCommand::Open(kind) => {
                state.view.table = Some(TableView {
                    kind,
                    filter: String::new(),
                    sort: None,
                    rows: Vec::new(),
                    current: None,
                });
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
                    table.current = None;
                    let articles = state.corpus.articles();
                    corpus_tables::sort(&mut table.rows, articles, table.kind, column, descending);
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
}
