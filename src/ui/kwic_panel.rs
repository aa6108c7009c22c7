//! The search results: one keyword-in-context line per hit (left context, hit, right context,
//! aligned on the hit), with hit counts per source, a sort order and a CSV export. A click
//! opens the article at the hit; F3 and Shift+F3 go to the next and previous hit.

use egui::text::{LayoutJob, TextFormat};

use crate::app::search::{SearchCommand, SearchResult};
use crate::app::{AppState, Command};
use crate::search::kwic::{CONTEXT_CHARS, KwicLine, KwicOrder};
use crate::ui::palette;

const ROW_HEIGHT: f32 = 20.0;

/// Sources listed by name in the header; the rest are summed.
const SOURCES_NAMED: usize = 6;

pub fn kwic_panel_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(result) = &state.view.search.outcome.result else {
        return;
    };
    header_ui(ui, state, result, commands);
    ui.separator();
    if result.lines.is_empty() {
        ui.label("No hits. Try fewer words, a prefix* or another scope.");
        return;
    }
    let dark = ui.visuals().dark_mode;
    let current = state.view.search.current_line;
    // Only the rows on screen are laid out: 500,000 hits cost what 30 do.
    egui::ScrollArea::both()
        .id_salt("kwic_lines")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, result.lines.len(), |ui, rows| {
            for n in rows {
                let line = &result.lines[n];
                let Some(article) = state.corpus.get(line.article) else {
                    continue;
                };
                let job = line_job(ui, line, article, dark);
                let row = ui.add(
                    egui::Button::selectable(current == Some(n), job)
                        .wrap_mode(egui::TextWrapMode::Extend),
                );
                if row.clicked() {
                    commands.push(Command::Search(SearchCommand::OpenLine(n)));
                }
            }
        });
}

/// Hits and articles, counts per source, the sort order and the export button.
fn header_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    result: &SearchResult,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!(
            "{} hits in {} articles",
            result.hits,
            result.found.len()
        ));
        let named: Vec<String> = result
            .per_source
            .iter()
            .take(SOURCES_NAMED)
            .map(|(source, count)| format!("{source} {}", count.hits))
            .collect();
        let others = result.per_source.len().saturating_sub(SOURCES_NAMED);
        let mut sources = named.join(" · ");
        if others > 0 {
            sources.push_str(&format!(" · {others} more sources"));
        }
        ui.label(egui::RichText::new(sources).weak());
        ui.label(
            egui::RichText::new(format!("{:.0} ms", result.elapsed.as_secs_f64() * 1e3)).weak(),
        );
        let order = state.view.search.order;
        let label = ui.label("Sort by");
        egui::ComboBox::from_id_salt("kwic_order")
            .selected_text(order.label())
            .show_ui(ui, |ui| {
                for choice in KwicOrder::ALL {
                    if ui
                        .selectable_label(choice == order, choice.label())
                        .clicked()
                    {
                        commands.push(Command::Search(SearchCommand::SetOrder(choice)));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if ui
            .add_enabled(
                !state.charts.exporting && !result.lines.is_empty(),
                egui::Button::new("Save CSV…"),
            )
            .on_hover_text("Every line with path, title, source, date and character offsets")
            .clicked()
        {
            commands.push(Command::Search(SearchCommand::ExportCsv));
        }
        ui.label(egui::RichText::new("F3 / Shift+F3: next / previous hit").weak());
    });
}

/// A line in monospace: the left context padded so every hit starts in the same column, the
/// hit highlighted, the right context, then where it is.
fn line_job(
    ui: &egui::Ui,
    line: &KwicLine,
    article: &crate::corpus::Article,
    dark: bool,
) -> LayoutJob {
    let mono = egui::TextStyle::Monospace.resolve(ui.style());
    let body = egui::TextStyle::Body.resolve(ui.style());
    let text = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let format = |font: &egui::FontId, color, background| TextFormat {
        font_id: font.clone(),
        color,
        background,
        ..Default::default()
    };
    let none = egui::Color32::TRANSPARENT;
    let shown = crate::search::kwic::context(article, line.span.clone());
    let mut job = LayoutJob::default();
    job.append(
        &format!("{:>CONTEXT_CHARS$}", shown.left),
        0.0,
        format(&mono, text, none),
    );
    let hit_color = if dark {
        egui::Color32::WHITE
    } else {
        egui::Color32::BLACK
    };
    job.append(
        &shown.hit,
        0.0,
        format(&mono, hit_color, palette::search_bg(dark)),
    );
    job.append(
        &format!("{:<CONTEXT_CHARS$}", shown.right),
        0.0,
        format(&mono, text, none),
    );
    job.append(
        &format!(
            "   {} · {} · {}",
            article.source_label(),
            article.date_label(),
            article.title
        ),
        0.0,
        format(&body, weak, none),
    );
    job
}
