//! The Figures or Quotes table of the articles in view: a header to sort by any column, a
//! filter, only the rows on screen laid out (smooth at 500,000 rows), a click opens the
//! article at the row's sentence or quote, and a CSV export.

use crate::app::tables::{TableCommand, TableView};
use crate::app::{AppState, Command};
use crate::export::corpus_tables::{self, TableKind};

const ROW_HEIGHT: f32 = 20.0;

/// Column widths in points, by table and column.
fn column_width(kind: TableKind, column: usize) -> f32 {
    match (kind, kind.columns()[column]) {
        (_, "sentence" | "quote") => 420.0,
        (_, "article") => 240.0,
        (TableKind::Figures, "value") => 130.0,
        (_, "measure" | "speaker" | "role") => 160.0,
        (_, "surface") => 150.0,
        _ => 90.0,
    }
}

pub fn table_window_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(table) = &state.view.table else {
        return;
    };
    let mut open = true;
    egui::Window::new(format!("{} table", table.kind.title()))
        .id(egui::Id::unique("corpus_table"))
        .open(&mut open)
        .default_size([900.0, 480.0])
        .resizable(true)
        .show(ui.ctx(), |ui| {
            controls_ui(ui, state, table, commands);
            ui.separator();
            egui::ScrollArea::horizontal().show(ui, |ui| {
                header_ui(ui, table, commands);
                rows_ui(ui, state, table, commands);
            });
        });
    if !open {
        commands.push(Command::Table(TableCommand::Close));
    }
}

fn controls_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    table: &TableView,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        if table.building || table.rebuild_pending {
            super::busy::busy_indicator(ui, state.progress_interval);
            ui.strong(format!("{} rows · building the table…", table.rows.len()));
        } else {
            ui.strong(format!("{} rows", table.rows.len()));
        }
        let label = ui.label("Filter");
        let mut filter = table.filter.clone();
        let hint = match table.kind {
            TableKind::Figures => "measure, unit or subject",
            TableKind::Quotes => "speaker, role or cue",
        };
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut filter)
                    .hint_text(hint)
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
        if response.changed() {
            commands.push(Command::Table(TableCommand::SetFilter(filter)));
        }
        if state.settings.search.is_active() {
            ui.label(egui::RichText::new(format!("in {}", state.settings.search.summary())).weak());
        }
        let can_save = !table.rows.is_empty() && !state.charts.exporting;
        if ui
            .add_enabled(can_save, egui::Button::new("Save CSV…"))
            .clicked()
        {
            commands.push(Command::Table(TableCommand::ExportCsv));
        }
    });
}

fn header_ui(ui: &mut egui::Ui, table: &TableView, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        for (column, name) in table.kind.columns().iter().enumerate() {
            let arrow = match table.sort {
                Some((c, false)) if c == column => " ↑",
                Some((c, true)) if c == column => " ↓",
                _ => "",
            };
            let button = egui::Button::new(egui::RichText::new(format!("{name}{arrow}")).strong());
            if ui
                .add_sized([column_width(table.kind, column), ROW_HEIGHT], button)
                .on_hover_text(format!("Sort by {name}"))
                .clicked()
            {
                commands.push(Command::Table(TableCommand::SortBy(column)));
            }
        }
    });
}

fn rows_ui(ui: &mut egui::Ui, state: &AppState, table: &TableView, commands: &mut Vec<Command>) {
    let articles = state.corpus.articles();
    egui::ScrollArea::vertical()
        .id_salt("table_rows")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, table.rows.len(), |ui, range| {
            for n in range {
                let Some(&row) = table.rows.get(n) else {
                    continue;
                };
                if row.article as usize >= articles.len() {
                    continue;
                }
                let cells = corpus_tables::cells(articles, table.kind, row);
                let row_rect = ui
                    .horizontal(|ui| {
                        for (column, cell) in cells.iter().enumerate() {
                            let width = column_width(table.kind, column);
                            // left-aligned in a fixed width, cut with … when longer
                            let size = egui::vec2(width, ROW_HEIGHT);
                            let layout = egui::Layout::left_to_right(egui::Align::Center);
                            ui.allocate_ui_with_layout(size, layout, |ui| {
                                ui.set_min_size(size);
                                let label = egui::Label::new(cell.as_str()).truncate();
                                ui.add(label).on_hover_text(cell.as_str());
                            });
                        }
                    })
                    .response
                    .rect;
                // one click target over the whole row, on top of its cells
                let id = ui.make_persistent_id(("table_row", n));
                let response = ui.interact(row_rect, id, egui::Sense::click());
                let selected = table.current == Some(n);
                if selected {
                    ui.painter().rect_stroke(
                        response.rect,
                        2.0,
                        ui.visuals().selection.stroke,
                        egui::StrokeKind::Inside,
                    );
                }
                let summary = cells.join(" · ");
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, summary.as_str())
                });
                if response.clicked() {
                    commands.push(Command::Table(TableCommand::OpenRow(n)));
                }
            }
        });
}
